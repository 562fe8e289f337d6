"""What the workspace keeps of each note file, as small typed records.

Plain dataclasses with slots, not frozen: a re-ingest builds one per note, frozen ones are
three times slower to build, and slots make them quicker still. Stamps, counts and warnings
are named tuples: typed, yet as cheap to build as tuples; stored notes keep plain ints and
make those on demand.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import NamedTuple

from jtbd.bulk import pickled_by_position
from jtbd.models import ForceKind
from jtbd.readers.base import NoteResult

# Plain strings: NoteResult data holds kinds as strings, and comparing a string with an
# enum member for every force of every note is slow.
_KIND_VALUES = tuple(kind.value for kind in ForceKind)


class ForceCounts(NamedTuple):
    """Forces of each kind in one note (or a whole run), in ForceKind order."""

    push: int = 0
    pull: int = 0
    anxiety: int = 0
    inertia: int = 0


class StoredWarning(NamedTuple):
    """A warning a note gave when it was read, kept to repeat on every re-ingest."""

    line: int | None
    message: str


class Stamp(NamedTuple):
    """A note file's size and modification time (its sidecar's included, if any)."""

    size: int = 0
    mtime_ns: int = 0


@dataclass
class Restamp:
    """A note touched but not changed: its new stamp, so the next run skips it on stat."""

    source: str
    stamp: Stamp


@dataclass
class ForeignNote:
    """A note ingested from another folder of the same workspace (ids are unique across)."""

    interview_id: str
    root: str
    """That folder's absolute path, which keys its notes in the workspace."""
    source: str

    @property
    def path(self) -> str:
        """The note's path as the user sees it: that folder joined with its source."""
        return os.path.join(self.root, self.source)


@dataclass(slots=True)
class StoredNote:
    """What the store remembers of a note file without loading its interview."""

    source: str
    """Path relative to the ingested folder, with ``/``."""
    interview_id: str
    content_hash: str
    size: int
    """Of the note file (and its sidecar, if any): with ``mtime_ns``, its :class:`Stamp`."""
    mtime_ns: int
    # One int per kind, named as ForceKind values and table columns are: no tuple to build
    # per note on a re-ingest.
    push: int
    pull: int
    anxiety: int
    inertia: int
    warnings: tuple[StoredWarning, ...]
    free_notes: int
    """Items the reader filed under free notes rather than as forces, jobs or timeline."""

    # Two plain ints rather than a Stamp field: one object fewer per note on every re-ingest.
    @property
    def stamp(self) -> Stamp:
        """The file's size and modification time as stored."""
        return Stamp(self.size, self.mtime_ns)

    @property
    def force_counts(self) -> ForceCounts:
        """The note's forces per kind."""
        return ForceCounts(self.push, self.pull, self.anxiety, self.inertia)


@pickled_by_position
@dataclass(slots=True)
class NoteRecord(StoredNote):
    """One note ready to store: what the store remembers of it, plus the interview as JSON."""

    interview_json: str

    @classmethod
    def of(cls, note: NoteResult, content_hash: str, stamp: Stamp | None = None) -> NoteRecord:
        """Build the record of a note read from a file with this hash and stamp."""
        data = note.data
        stamp = stamp if stamp is not None else Stamp()
        kinds = [force["kind"] for force in data["forces"]]
        push, pull, anxiety, inertia = (kinds.count(kind) for kind in _KIND_VALUES)
        return cls(
            data["source"],
            data["id"],
            content_hash,
            stamp.size,
            stamp.mtime_ns,
            push,
            pull,
            anxiety,
            inertia,
            tuple(StoredWarning(warning.line, warning.message) for warning in note.warnings),
            note.free_note_items,
            note.interview_json(),
        )
