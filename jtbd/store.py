"""The workspace: an SQLite database of ingested interviews (default ``.jtbd/``).

One row per note file, holding the content hash and file size and modification time (so
unchanged files are skipped without even being read, as git does), the interview as JSON,
and force counts (so a re-ingest summary needs no JSON parsing).
A ``forces`` view unpacks the JSON for people who want to query the store with SQL.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from jtbd.bulk import paused_gc
from jtbd.errors import WorkspaceError
from jtbd.models import ForceKind, Interview
from jtbd.readers.base import NoteResult

# Plain strings: NoteResult data holds kinds as strings, and comparing a string with an
# enum member for every force of every note is slow.
_KIND_VALUES = tuple(kind.value for kind in ForceKind)

SCHEMA_VERSION = 2
DATABASE_NAME = "jtbd.sqlite3"

# Everything a re-ingest reads about a file, so it never touches the rows' large JSON
# (a covering index: half the time of an unchanged re-ingest's query). Added in version 2.
_FILES_INDEX = (
    "CREATE INDEX IF NOT EXISTS notes_files ON notes (root, source, interview_id, "
    "content_hash, size, mtime_ns, push, pull, anxiety, inertia, warnings)"
)

_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS notes (
    root TEXT NOT NULL,
    source TEXT NOT NULL,
    interview_id TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    push INTEGER NOT NULL, pull INTEGER NOT NULL,
    anxiety INTEGER NOT NULL, inertia INTEGER NOT NULL,
    warnings TEXT NOT NULL,
    interview TEXT NOT NULL,
    PRIMARY KEY (root, source)
);
CREATE INDEX IF NOT EXISTS notes_by_id ON notes (interview_id);
{_FILES_INDEX};
CREATE VIEW IF NOT EXISTS forces AS
    SELECT notes.interview_id AS interview_id, notes.source AS source,
           json_extract(force.value, '$.kind') AS kind,
           json_extract(force.value, '$.text') AS text,
           json_extract(force.value, '$.quote') AS quote,
           json_extract(force.value, '$.line') AS line
    FROM notes, json_each(notes.interview, '$.forces') AS force;
"""

# Upgrades from an older schema version to the next one. When the schema changes, add
# {version: ["ALTER TABLE ...", ...]} here and bump SCHEMA_VERSION.
_MIGRATIONS: dict[int, list[str]] = {
    1: [_FILES_INDEX],
}


# Plain dataclasses, not frozen: a re-ingest builds one per note, and frozen ones are
# three times slower to build.
@dataclass
class StoredNote:
    """What the store remembers of a note file without loading its interview."""

    source: str
    interview_id: str
    content_hash: str
    size: int
    mtime_ns: int
    force_counts: tuple[int, int, int, int]
    """Forces per kind, in ForceKind order."""
    warnings: tuple[tuple[int | None, str], ...]
    """(line, message) of the warnings the note gave when it was read."""


@dataclass
class NoteRecord(StoredNote):
    """One note ready to store: what the store remembers of it, plus the interview as JSON."""

    interview_json: str

    @classmethod
    def of(
        cls, note: NoteResult, content_hash: str, size: int = 0, mtime_ns: int = 0
    ) -> NoteRecord:
        """Build the record of a note read from a file with this hash and stat."""
        data = note.data
        kinds = [force["kind"] for force in data["forces"]]
        return cls(
            data["source"],
            data["id"],
            content_hash,
            size,
            mtime_ns,
            tuple(kinds.count(kind) for kind in _KIND_VALUES),  # type: ignore[arg-type]
            tuple((warning.line, warning.message) for warning in note.warnings),
            note.interview_json(),
        )


class Workspace:
    """An open workspace store. Use as a context manager, or call :meth:`close`."""

    def __init__(self, folder: Path, create: bool = False) -> None:
        self.folder = folder
        self.path = folder / DATABASE_NAME
        new = not self.path.exists()
        if new:
            if not create:
                raise WorkspaceError(
                    f"no workspace at {folder}: run `jtbd ingest NOTES/` first "
                    "(or pass --workspace / set JTBD_WORKSPACE)"
                )
            try:
                folder.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise WorkspaceError(
                    f"cannot create workspace {folder}: {error.strerror}"
                ) from None
        try:
            # isolation_level=None: we open transactions ourselves, one per note file.
            self._db = sqlite3.connect(self.path, isolation_level=None)
            if new:
                # An interview's JSON (a few KB) fits in one 16 KB page instead of a chain
                # of 4 KB ones: a third less work to write. Only settable before WAL.
                self._db.execute("PRAGMA page_size=16384")
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._check_schema()
        except sqlite3.DatabaseError as error:
            raise WorkspaceError(f"{self.path} is not a usable jtbd workspace: {error}") from None

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    def _check_schema(self) -> None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if "meta" not in tables:
            if tables - {"meta"}:
                raise WorkspaceError(f"{self.path} is not a jtbd workspace (unknown tables)")
            with self._transaction():
                for statement in _SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
            return
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else 0
        if version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"workspace {self.folder} has schema version {version}, written by a newer jtbd; "
                f"this jtbd reads version {SCHEMA_VERSION}: upgrade jtbd (pip install -U jtbd)"
            )
        while version < SCHEMA_VERSION:
            migration = _MIGRATIONS.get(version)
            if migration is None:
                raise WorkspaceError(
                    f"workspace {self.folder} has schema version {version}, which this jtbd "
                    "cannot migrate: delete that folder and run `jtbd ingest` again "
                    "(your notes are not touched)"
                )
            with self._transaction():
                for statement in migration:
                    self._db.execute(statement)
                version += 1
                self._db.execute(
                    "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),)
                )

    def _transaction(self) -> _Transaction:
        self._db.execute("BEGIN")
        return _Transaction(self._db)

    # -- reading ------------------------------------------------------------------------

    def stored_notes(self, root: str) -> dict[str, StoredNote]:
        """The notes stored from one ingested folder, keyed by source."""
        rows = self._db.execute(
            "SELECT source, interview_id, content_hash, size, mtime_ns, "
            "push, pull, anxiety, inertia, warnings FROM notes WHERE root = ?",
            (root,),
        )
        return {
            source: StoredNote(
                source,
                interview_id,
                content_hash,
                size,
                mtime_ns,
                (push, pull, anxiety, inertia),
                ()
                if warnings == "[]"
                else tuple((line, text) for line, text in json.loads(warnings)),
            )
            for (
                source,
                interview_id,
                content_hash,
                size,
                mtime_ns,
                push,
                pull,
                anxiety,
                inertia,
                warnings,
            ) in rows
        }

    def ids_outside(self, root: str) -> list[tuple[str, str, str]]:
        """(interview id, root, source) of every note ingested from another folder."""
        # Two ranges of the primary key rather than `root != ?`, which reads every row.
        query = "SELECT interview_id, root, source FROM notes WHERE root < ? OR root > ?"
        return list(self._db.execute(query, (root, root)))

    def interviews(self) -> list[Interview]:
        """All stored interviews, ordered by id (then source) so reports are deterministic."""
        rows = self._db.execute("SELECT interview FROM notes ORDER BY interview_id, root, source")
        with paused_gc():
            return [Interview.model_validate_json(row[0]) for row in rows]

    def roots(self) -> list[str]:
        """The folders that have been ingested into this workspace."""
        return [row[0] for row in self._db.execute("SELECT DISTINCT root FROM notes ORDER BY root")]

    # -- writing ------------------------------------------------------------------------

    def put(self, root: str, content_hash: str, interview: Interview) -> None:
        """Store (or replace) one note's interview in a single transaction."""
        self.write(root, [NoteRecord.of(NoteResult.of_interview(interview, []), content_hash)])

    def write(self, root: str, records: Iterable[NoteRecord]) -> None:
        """Store (or replace) several notes in one transaction: all of them or none."""
        with self._transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        root,
                        r.source,
                        r.interview_id,
                        r.content_hash,
                        r.size,
                        r.mtime_ns,
                        *r.force_counts,
                        json.dumps(r.warnings),
                        r.interview_json,
                    )
                    for r in records
                ],
            )

    def restamp(self, root: str, stamps: Iterable[tuple[str, int, int]]) -> None:
        """Record new (source, size, mtime_ns) of notes whose content did not change."""
        with self._transaction():
            self._db.executemany(
                "UPDATE notes SET size = ?, mtime_ns = ? WHERE root = ? AND source = ?",
                [(size, mtime_ns, root, source) for source, size, mtime_ns in stamps],
            )

    def remove(self, root: str, sources: Iterable[str]) -> None:
        """Remove the notes of these sources under ``root`` in one transaction."""
        with self._transaction():
            self._db.executemany(
                "DELETE FROM notes WHERE root = ? AND source = ?", [(root, s) for s in sources]
            )


class _Transaction:
    """Commit on success, roll back on any error or interrupt: never half a note."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def __enter__(self) -> sqlite3.Connection:
        return self._db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self._db.execute("ROLLBACK" if exc_type is not None else "COMMIT")
