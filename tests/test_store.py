"""The SQLite workspace: schema versions, atomic writes, round trips."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from jtbd import Force, ForceKind, Interview, NoteResult, Workspace, WorkspaceError
from jtbd.store import DATABASE_NAME, SCHEMA_VERSION, ForceCounts, NoteRecord


def interview(id_: str = "p1", source: str = "p1.md") -> Interview:
    return Interview(
        id=id_, source=source, forces=[Force(kind=ForceKind.PUSH, text="x", source=source, line=3)]
    )


def test_round_trip_and_counts(tmp_path):
    with Workspace(tmp_path / "ws", create=True) as store:
        store.notes_folder("/notes").put("hash1", interview())
        assert store.interviews() == [interview()]
        stored = store.notes_folder("/notes").stored()["p1.md"]
        assert stored.content_hash == "hash1"
        assert stored.force_counts == ForceCounts(push=1)


def test_forces_view_is_queryable_with_sql(tmp_path):
    with Workspace(tmp_path / "ws", create=True) as store:
        store.notes_folder("/notes").put("h", interview())
    db = sqlite3.connect(tmp_path / "ws" / DATABASE_NAME)
    assert db.execute("SELECT interview_id, kind, text, line FROM forces").fetchall() == [
        ("p1", "push", "x", 3)
    ]


def test_missing_workspace_is_a_clear_error(tmp_path):
    with pytest.raises(WorkspaceError, match="jtbd ingest"):
        Workspace(tmp_path / "nowhere")


def test_newer_schema_asks_to_upgrade(tmp_path):
    Workspace(tmp_path, create=True).close()
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION + 1),))
    db.commit()
    db.close()
    with pytest.raises(WorkspaceError, match="newer jtbd"):
        Workspace(tmp_path)


# The notes table as versions 1 and 2 made it (before free-note counts).
VERSION_1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE notes (
    root TEXT NOT NULL, source TEXT NOT NULL, interview_id TEXT NOT NULL,
    content_hash TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    push INTEGER NOT NULL, pull INTEGER NOT NULL, anxiety INTEGER NOT NULL,
    inertia INTEGER NOT NULL, warnings TEXT NOT NULL, interview TEXT NOT NULL,
    PRIMARY KEY (root, source)
);
CREATE INDEX notes_by_id ON notes (interview_id);
INSERT INTO meta VALUES ('schema_version', '1');
"""


def test_version_1_store_is_migrated_and_keeps_its_interviews(tmp_path):
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.executescript(VERSION_1)
    row = ("/notes", "p1.md", "p1", "h", 10, 5, 1, 0, 0, 0, "[]", interview().model_dump_json())
    db.execute("INSERT INTO notes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row)
    db.commit()
    with Workspace(tmp_path) as store:
        assert [i.id for i in store.interviews()] == ["p1"]
        stored = store.notes_folder("/notes").stored()["p1.md"]
        # Stored before free notes were counted: the next ingest reads the note again.
        assert (stored.content_hash, stored.stamp.mtime_ns, stored.free_notes) == ("", -1, 0)
        assert stored.force_counts == ForceCounts(push=1)
    version = db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    indexes = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    plan = db.execute(
        "EXPLAIN QUERY PLAN SELECT size, free_notes FROM notes WHERE root = '/notes'"
    ).fetchall()
    db.close()
    assert version == (str(SCHEMA_VERSION),)
    assert "notes_files" in indexes
    assert "COVERING INDEX notes_files" in str(plan)  # a re-ingest never reads the JSON


def test_older_schema_without_migration_says_what_to_do(tmp_path):
    Workspace(tmp_path, create=True).close()
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with pytest.raises(WorkspaceError, match="delete that folder"):
        Workspace(tmp_path)


def test_not_a_database(tmp_path):
    (tmp_path / DATABASE_NAME).write_text("hello, I am not SQLite" * 100)
    with pytest.raises(WorkspaceError, match="not a usable"):
        Workspace(tmp_path)


def test_failed_write_leaves_nothing_behind(tmp_path):
    good = NoteRecord.of(NoteResult.of_interview(interview("p2", "p2.md"), []), "h2")
    broken = dataclasses.replace(
        NoteRecord.of(NoteResult.of_interview(interview("p4", "p4.md"), []), "h4"),
        interview_json=None,  # NOT NULL: the database refuses the second row
    )
    with Workspace(tmp_path, create=True) as store:
        store.notes_folder("/notes").put("h", interview())
        with pytest.raises(sqlite3.IntegrityError):
            store.notes_folder("/notes").write([good, broken])
        assert [i.id for i in store.interviews()] == ["p1"]  # not p2: all of the batch or none
        store.notes_folder("/notes").put(
            "h3", interview("p3", "p3.md")
        )  # the connection is still usable
        assert [i.id for i in store.interviews()] == ["p1", "p3"]


def test_new_workspace_uses_pages_an_interview_fits_in(tmp_path):
    with Workspace(tmp_path / "ws", create=True) as store:
        store.notes_folder("/notes").put("h", interview())
    db = sqlite3.connect(tmp_path / "ws" / DATABASE_NAME)
    assert db.execute("PRAGMA page_size").fetchone() == (16384,)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    db.close()


def test_workspace_made_with_small_pages_still_opens(tmp_path):
    (tmp_path / "ws").mkdir()
    sqlite3.connect(tmp_path / "ws" / DATABASE_NAME).close()  # an empty file, 4 KB default
    with Workspace(tmp_path / "ws") as store:
        store.notes_folder("/notes").put("h", interview())
        assert [i.id for i in store.interviews()] == ["p1"]
