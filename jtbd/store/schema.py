"""The workspace's SQL schema, and the migrations from each older version to the next."""

from __future__ import annotations

SCHEMA_VERSION = 4

# Everything a re-ingest reads about a file, so it never touches the rows' large JSON
# (a covering index: half the time of an unchanged re-ingest's query).
FILES_INDEX = (
    "CREATE INDEX IF NOT EXISTS notes_files ON notes (root, source, interview_id, "
    "content_hash, size, mtime_ns, push, pull, anxiety, inertia, warnings, free_notes)"
)

# What the last `jtbd suggest` proposed for the workspace's uncoded statements, replaced
# wholesale by each run; ``kind`` NULL means the model saw no force in the statement.
SUGGESTIONS_TABLE = (
    "CREATE TABLE IF NOT EXISTS suggestions ("
    "interview_id TEXT NOT NULL, position INTEGER NOT NULL, source TEXT NOT NULL, "
    "line INTEGER, start REAL, text TEXT NOT NULL, kind TEXT, confidence REAL NOT NULL, "
    "model TEXT NOT NULL, PRIMARY KEY (interview_id, position))"
)

SCHEMA = f"""
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
    free_notes INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (root, source)
);
CREATE INDEX IF NOT EXISTS notes_by_id ON notes (interview_id);
{FILES_INDEX};
CREATE VIEW IF NOT EXISTS forces AS
    SELECT notes.interview_id AS interview_id, notes.source AS source,
           json_extract(force.value, '$.kind') AS kind,
           json_extract(force.value, '$.text') AS text,
           json_extract(force.value, '$.quote') AS quote,
           json_extract(force.value, '$.line') AS line
    FROM notes, json_each(notes.interview, '$.forces') AS force;
{SUGGESTIONS_TABLE};
"""

# The columns a note's row is written with, named so the table's column order never matters.
NOTE_COLUMNS = (
    "root, source, interview_id, content_hash, size, mtime_ns, "
    "push, pull, anxiety, inertia, warnings, interview, free_notes"
)

# Upgrades from an older schema version to the next one. When the schema changes, add
# {version: ["ALTER TABLE ...", ...]} here and bump SCHEMA_VERSION.
MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE INDEX IF NOT EXISTS notes_files ON notes (root, source, interview_id, "
        "content_hash, size, mtime_ns, push, pull, anxiety, inertia, warnings)"
    ],
    2: [
        "ALTER TABLE notes ADD COLUMN free_notes INTEGER NOT NULL DEFAULT 0",
        "DROP INDEX IF EXISTS notes_files",
        FILES_INDEX,
        # Rows stored before free notes were counted: read every note once more.
        "UPDATE notes SET content_hash = '', mtime_ns = -1",
    ],
    3: [SUGGESTIONS_TABLE],
}
