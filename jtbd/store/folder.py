"""One ingested notes folder inside a workspace: the view ingest reads and writes through.

Rows are keyed by the folder's absolute path (its "root") and the note's path inside it;
the root stays inside this view, so callers deal in sources and typed records only.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from jtbd.models import Interview
from jtbd.readers.base import NoteResult
from jtbd.store.records import (
    ForeignNote,
    NoteRecord,
    Restamp,
    StoredNote,
    StoredWarning,
)
from jtbd.store.schema import NOTE_COLUMNS

if TYPE_CHECKING:
    from jtbd.store.database import Workspace

_INSERT = f"INSERT OR REPLACE INTO notes ({NOTE_COLUMNS}) VALUES ({', '.join('?' * 13)})"


class NotesFolder:
    """The notes a workspace holds from one folder; get it from ``Workspace.notes_folder``."""

    def __init__(self, workspace: Workspace, root: str) -> None:
        self.workspace = workspace
        self.root = root

    def stored(self) -> dict[str, StoredNote]:
        """The notes stored from this folder, keyed by source."""
        rows = self.workspace.connection.execute(
            "SELECT source, interview_id, content_hash, size, mtime_ns, "
            "push, pull, anxiety, inertia, warnings, free_notes FROM notes WHERE root = ?",
            (self.root,),
        )
        return {row[0]: _stored_note(row) for row in rows}

    def elsewhere(self) -> list[ForeignNote]:
        """Every note the workspace holds from another folder (interview ids are unique)."""
        # Two ranges of the primary key rather than `root != ?`, which reads every row.
        query = "SELECT interview_id, root, source FROM notes WHERE root < ? OR root > ?"
        return [
            ForeignNote(interview_id, root, source)
            for interview_id, root, source in self.workspace.connection.execute(
                query, (self.root, self.root)
            )
        ]

    def remove_elsewhere(self, notes: Iterable[ForeignNote]) -> None:
        """Remove these notes of other folders (notes moved here from there)."""
        self._delete([(note.root, note.source) for note in notes])

    def put(self, content_hash: str, interview: Interview) -> None:
        """Store (or replace) one note's interview in a single transaction."""
        self.write([NoteRecord.of(NoteResult.of_interview(interview, []), content_hash)])

    def write(self, records: Iterable[NoteRecord]) -> None:
        """Store (or replace) several notes in one transaction: all of them or none."""
        root = self.root
        rows = [
            (
                root,
                r.source,
                r.interview_id,
                r.content_hash,
                r.size,
                r.mtime_ns,
                r.push,
                r.pull,
                r.anxiety,
                r.inertia,
                json.dumps(r.warnings),
                r.interview_json,
                r.free_notes,
            )
            for r in records
        ]
        with self.workspace.transaction() as db:
            db.executemany(_INSERT, rows)

    def restamp(self, stamps: Iterable[Restamp]) -> None:
        """Record the new stamps of notes whose content did not change."""
        rows = [(s.stamp.size, s.stamp.mtime_ns, self.root, s.source) for s in stamps]
        if rows:
            with self.workspace.transaction() as db:
                db.executemany(
                    "UPDATE notes SET size = ?, mtime_ns = ? WHERE root = ? AND source = ?", rows
                )

    def remove(self, sources: Iterable[str]) -> None:
        """Remove the notes of these sources in one transaction."""
        self._delete([(self.root, source) for source in sources])

    def _delete(self, rows: list[tuple[str, str]]) -> None:
        """Delete the notes keyed ``(root, source)`` in one transaction."""
        if rows:
            with self.workspace.transaction() as db:
                db.executemany("DELETE FROM notes WHERE root = ? AND source = ?", rows)


def _stored_note(row: tuple[Any, ...]) -> StoredNote:
    """One row of ``stored``'s query (StoredNote's fields in order) as a StoredNote."""
    source, interview_id, content_hash, size, mtime_ns, push, pull, anxiety, inertia = row[:9]
    warnings, free_notes = row[9:]
    decoded = (
        ()
        if warnings == "[]"
        else tuple(StoredWarning(line, text) for line, text in json.loads(warnings))
    )
    return StoredNote(
        source, interview_id, content_hash, size, mtime_ns, push, pull, anxiety, inertia,
        decoded, free_notes,
    )  # fmt: skip
