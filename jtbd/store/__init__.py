"""The workspace store: an SQLite database of ingested interviews.

``Workspace`` opens it (read-only when it cannot be written); ``Workspace.notes_folder``
gives the view of one ingested folder that ingest works through; the records are small
typed dataclasses.
"""

from __future__ import annotations

from jtbd.store.database import (
    DATABASE_NAME,
    ReadOnlyWorkspaceError,
    Workspace,
    WorkspaceBusyError,
    can_write,
)
from jtbd.store.folder import NotesFolder
from jtbd.store.records import (
    ForceCounts,
    ForeignNote,
    NoteRecord,
    Restamp,
    Stamp,
    StoredNote,
    StoredWarning,
)
from jtbd.store.schema import SCHEMA_VERSION

__all__ = [
    "DATABASE_NAME",
    "SCHEMA_VERSION",
    "ForceCounts",
    "ForeignNote",
    "NoteRecord",
    "NotesFolder",
    "ReadOnlyWorkspaceError",
    "Restamp",
    "Stamp",
    "StoredNote",
    "StoredWarning",
    "Workspace",
    "WorkspaceBusyError",
    "can_write",
]
