"""The ``suggestions`` table: what the last ``jtbd suggest`` proposed, one row a statement.

A run replaces the whole table in one transaction, so the table is always one run's
output, never a mix of two models or two versions of the notes.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jtbd.models import ForceKind

if TYPE_CHECKING:
    from jtbd.store.database import Workspace

_COLUMNS = "interview_id, position, source, line, start, text, kind, confidence, model"
# The meta key holding what the stored suggestions were made from (see notes_digest).
INPUTS_KEY = "suggestions_inputs"


@dataclass(frozen=True)
class StoredSuggestion:
    """The suggester's answer for one uncoded statement of an interview.

    ``kind`` None: the model saw no force there (kept, so a summary can count them).
    ``model`` is the fingerprint of the weights that made it.
    """

    interview_id: str
    source: str
    line: int | None
    start: float | None
    text: str
    kind: ForceKind | None
    confidence: float
    model: str


def notes_digest(workspace: Workspace) -> str:
    """A digest of every stored note's place and content hash: it changes with any note.

    Review records (ids ending ``#review``) are left out: suggestions never depend on them.
    """
    digest = hashlib.sha256()
    for root, source, content_hash in workspace.connection.execute(
        "SELECT root, source, content_hash FROM notes "
        "WHERE interview_id NOT LIKE '%#review' ORDER BY root, source"
    ):
        digest.update(f"{root}\0{source}\0{content_hash}\n".encode())
    return digest.hexdigest()


def stored_inputs(workspace: Workspace) -> str | None:
    """What the stored suggestions were made from, as :func:`replace_suggestions` recorded."""
    row = workspace.connection.execute(
        "SELECT value FROM meta WHERE key = ?", (INPUTS_KEY,)
    ).fetchone()
    return str(row[0]) if row else None


def replace_suggestions(
    workspace: Workspace, rows: Sequence[StoredSuggestion], inputs: str = ""
) -> None:
    """Replace the table with ``rows`` (in one transaction: all of them or none).

    ``inputs`` names what they were made from (notes and model), so a re-run with the
    same inputs can keep the table as it is.
    """
    values = [
        (
            row.interview_id,
            position,
            row.source,
            row.line,
            row.start,
            row.text,
            row.kind.value if row.kind else None,
            row.confidence,
            row.model,
        )
        for position, row in enumerate(rows)
    ]
    with workspace.transaction() as db:
        db.execute("DELETE FROM suggestions")
        db.executemany(f"INSERT INTO suggestions ({_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)", values)
        db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (INPUTS_KEY, inputs))


def suggestion_counts(workspace: Workspace) -> tuple[dict[str, int], int]:
    """Stored suggestions per kind (``"none"`` for no force), and how many interviews."""
    db = workspace.connection
    counts = {
        kind or "none": count
        for kind, count in db.execute("SELECT kind, COUNT(*) FROM suggestions GROUP BY kind")
    }
    interviews = db.execute("SELECT COUNT(DISTINCT interview_id) FROM suggestions").fetchone()
    return counts, int(interviews[0])


def read_suggestions(workspace: Workspace, forces_only: bool = False) -> list[StoredSuggestion]:
    """Every stored suggestion (``forces_only``: those with a kind), in the run's order.

    A read-only workspace of an older schema has no table yet: no suggestions.
    """
    where = " WHERE kind IS NOT NULL" if forces_only else ""
    try:
        rows = workspace.connection.execute(
            f"SELECT {_COLUMNS} FROM suggestions{where} ORDER BY position"
        ).fetchall()
    except sqlite3.OperationalError:
        return []
    return [
        StoredSuggestion(
            interview_id=row[0],
            source=row[2],
            line=row[3],
            start=row[4],
            text=row[5],
            kind=ForceKind(row[6]) if row[6] else None,
            confidence=row[7],
            model=row[8],
        )
        for row in rows
    ]
