"""The workspace: an SQLite database of ingested interviews (default ``.jtbd/``).

One row per note file, holding the content hash and file size and modification time (so
unchanged files are skipped without even being read, as git does), the interview as JSON,
and force counts (so a re-ingest summary needs no JSON parsing).
A ``forces`` view unpacks the JSON for people who want to query the store with SQL.

Reading needs no write access: a workspace on a read-only share, or another user's, is
opened read-only. An ingest holds the database's write lock for its whole run, in one
transaction, so an interrupted run leaves the workspace as it was and two runs never
interleave.
"""

from __future__ import annotations

import os
import sqlite3
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from jtbd.bulk import paused_gc
from jtbd.errors import WorkspaceError
from jtbd.models import Interview
from jtbd.store.schema import MIGRATIONS, SCHEMA, SCHEMA_VERSION

if TYPE_CHECKING:
    from jtbd.store.folder import NotesFolder

DATABASE_NAME = "jtbd.sqlite3"

# How long a short write (creating the schema, a migration) waits for another writer.
_BUSY_SECONDS = 5.0


class ReadOnlyWorkspaceError(WorkspaceError):
    """The workspace can be read but not written: ingest needs write access."""


class WorkspaceBusyError(WorkspaceError):
    """Another ingest holds the workspace's write lock and did not finish in time."""

    exit_code = 75  # EX_TEMPFAIL: try again later


def can_write(folder: Path) -> bool:
    """True when this process may write the workspace folder and its database file."""
    database = folder / DATABASE_NAME
    return os.access(folder, os.W_OK) and (not database.exists() or os.access(database, os.W_OK))


class Workspace:
    """An open workspace store. Use as a context manager, or call :meth:`close`.

    ``writable``: True to require write access (ingest), False to open read-only
    (report, export), None to write when allowed and read otherwise.
    """

    def __init__(self, folder: Path, create: bool = False, writable: bool | None = None) -> None:
        self.folder = folder
        self.path = folder / DATABASE_NAME
        new = not self.path.exists()
        if new:
            if not create or writable is False:
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
        allowed = can_write(folder)
        if writable and not allowed:
            raise ReadOnlyWorkspaceError(self.read_only_message())
        self.writable = allowed if writable is None else writable
        try:
            self._db = self._connect(new)
            self._check_schema()
        except sqlite3.DatabaseError as error:
            raise WorkspaceError(f"{self.path} is not a usable jtbd workspace: {error}") from None

    def read_only_message(self) -> str:
        """The one line that says ingest cannot write here, and what still works."""
        return (
            f"workspace {self.folder} is read-only: `jtbd ingest` needs write access to it "
            "(`jtbd report` and `jtbd export` can still read it)"
        )

    def _connect(self, new: bool) -> sqlite3.Connection:
        # isolation_level=None: we open transactions ourselves.
        if self.writable:
            db = sqlite3.connect(self.path, isolation_level=None, timeout=_BUSY_SECONDS)
            if new:
                # An interview's JSON (a few KB) fits in one 16 KB page instead of a chain
                # of 4 KB ones: a third less work to write. Only settable before WAL.
                db.execute("PRAGMA page_size=16384")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            return db
        uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
        if not os.access(self.folder, os.W_OK) and not Path(f"{self.path}-wal").exists():
            # A WAL database needs its -shm file, which a read-only folder cannot get;
            # with no -wal file no writer has it open, so it may be read as immutable.
            uri += "&immutable=1"
        return sqlite3.connect(uri, uri=True, isolation_level=None, timeout=_BUSY_SECONDS)

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection, for the store's own modules (and your own queries)."""
        return self._db

    def _version(self) -> int | None:
        tables = {row[0] for row in self._db.execute("SELECT name FROM sqlite_master")}
        if "meta" not in tables:
            if tables - {"meta"}:
                raise WorkspaceError(f"{self.path} is not a jtbd workspace (unknown tables)")
            return None
        row = self._db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _check_schema(self) -> None:
        version = self._version()
        if version is not None and version > SCHEMA_VERSION:
            raise WorkspaceError(
                f"workspace {self.folder} has schema version {version}, written by a newer jtbd; "
                f"this jtbd reads version {SCHEMA_VERSION}: upgrade jtbd (pip install -U jtbd)"
            )
        if version is None and not self.writable:
            raise WorkspaceError(
                f"workspace {self.folder} is empty and read-only: nothing has been ingested"
            )
        if version == SCHEMA_VERSION or not self.writable:
            return  # read-only: an older version's interviews are still read as they are
        with self.transaction():
            version = self._version()  # again, under the lock: another run may have done it
            if version is None:
                # One by one, not executescript, which would commit the transaction.
                for statement in SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),)
                )
                return
            self._migrate(version)

    def _migrate(self, version: int) -> None:
        while version < SCHEMA_VERSION:
            migration = MIGRATIONS.get(version)
            if migration is None:
                raise WorkspaceError(
                    f"workspace {self.folder} has schema version {version}, which this jtbd "
                    "cannot migrate: delete that folder and run `jtbd ingest` again "
                    "(your notes are not touched)"
                )
            for statement in migration:
                self._db.execute(statement)
            version += 1
            self._db.execute(
                "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),)
            )

    # -- transactions -------------------------------------------------------------------

    def transaction(self) -> _Transaction:
        """All of the writes inside, or none: a savepoint when a run is already open."""
        if not self.writable:
            raise ReadOnlyWorkspaceError(self.read_only_message())
        return _Transaction(self._db)

    @contextmanager
    def exclusive_run(
        self, wait: float = 30.0, on_wait: Callable[[], None] | None = None
    ) -> Iterator[None]:
        """Hold the write lock for a whole ingest: one transaction, committed at the end.

        Another run waits up to ``wait`` seconds (``on_wait`` is called once when it has
        to), then gives up with :class:`WorkspaceBusyError`. Readers are never blocked.
        An exception or interrupt inside rolls everything back.
        """
        if not self.writable:
            raise ReadOnlyWorkspaceError(self.read_only_message())
        self._lock(wait, on_wait)
        try:
            yield
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def _lock(self, wait: float, on_wait: Callable[[], None] | None) -> None:
        # Polled here, not left to SQLite's busy handler: Ctrl-C must work while waiting,
        # and on_wait is called only when there is something to wait for.
        deadline = time.monotonic() + wait
        self._db.execute("PRAGMA busy_timeout = 0")
        try:
            while not self._begin_immediate():
                if time.monotonic() >= deadline:
                    raise WorkspaceBusyError(
                        f"another `jtbd ingest` is writing to workspace {self.folder}: try "
                        "again when it has finished (or pass --wait SECONDS to wait longer)"
                    )
                if on_wait is not None:
                    on_wait()
                    on_wait = None  # said once
                time.sleep(0.05)
        finally:
            self._db.execute(f"PRAGMA busy_timeout = {int(_BUSY_SECONDS * 1000)}")

    def _begin_immediate(self) -> bool:
        """Take the write lock: False when another connection holds it."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            if "readonly" in str(error):
                raise ReadOnlyWorkspaceError(self.read_only_message()) from None
            if "locked" in str(error) or "busy" in str(error):
                return False
            raise
        return True

    # -- reading ------------------------------------------------------------------------

    def interviews(self, id_like: str | None = None) -> list[Interview]:
        """All stored interviews, ordered by id (then source) so reports are deterministic.

        ``id_like`` (an SQL LIKE pattern) keeps only the ids that match it.
        """
        where, args = ("WHERE interview_id LIKE ? ", (id_like,)) if id_like else ("", ())
        rows = self._db.execute(
            f"SELECT interview FROM notes {where}ORDER BY interview_id, root, source", args
        )
        with paused_gc():
            return [Interview.model_validate_json(row[0]) for row in rows]

    def interview(self, interview_id: str) -> Interview | None:
        """The stored interview with this id (ids are unique), or None."""
        row = self._db.execute(
            "SELECT interview FROM notes WHERE interview_id = ? ORDER BY root, source LIMIT 1",
            (interview_id,),
        ).fetchone()
        return None if row is None else Interview.model_validate_json(row[0])

    def roots(self) -> list[str]:
        """The folders that have been ingested into this workspace."""
        return [row[0] for row in self._db.execute("SELECT DISTINCT root FROM notes ORDER BY root")]

    def study_files(self) -> set[Path]:
        """Every ingested note and transcript, resolved: files no output may replace."""
        return {
            Path(root, source).resolve()
            for root in self.roots()
            for source in self.notes_folder(root).stored()
        }

    def notes_folder(self, root: Path | str) -> NotesFolder:
        """The notes ingested from one folder (an absolute path): what ingest works on."""
        from jtbd.store.folder import NotesFolder

        return NotesFolder(self, str(root))


class _Transaction:
    """Commit on success, roll back on any error or interrupt: never half a batch."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._nested = db.in_transaction

    def __enter__(self) -> sqlite3.Connection:
        self._db.execute("SAVEPOINT batch" if self._nested else "BEGIN IMMEDIATE")
        return self._db

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if self._nested:
            if exc_type is not None:
                self._db.execute("ROLLBACK TO batch")
            self._db.execute("RELEASE batch")
        elif exc_type is None:
            self._db.execute("COMMIT")
        elif self._db.in_transaction:
            self._db.execute("ROLLBACK")
