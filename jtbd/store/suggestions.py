"""The ``suggestions`` table: what the last ``jtbd suggest`` proposed, one row a statement.

A run replaces the whole table in one transaction, so the table is always one run's
output, never a mix of two models or two versions of the notes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jtbd.models import ForceKind

if TYPE_CHECKING:
    from jtbd.store.database import Workspace

_COLUMNS = "interview_id, position, source, line, start, text, kind, confidence, model"


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


def replace_suggestions(workspace: Workspace, rows: Sequence[StoredSuggestion]) -> None:
    """Replace the table with ``rows`` (in one transaction: all of them or none)."""
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


def read_suggestions(workspace: Workspace) -> list[StoredSuggestion]:
    """Every stored suggestion, in the order the run wrote them.

    A read-only workspace of an older schema has no table yet: no suggestions.
    """
    try:
        rows = workspace.connection.execute(
            f"SELECT {_COLUMNS} FROM suggestions ORDER BY position"
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
