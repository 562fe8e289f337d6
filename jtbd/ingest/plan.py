"""Planning an ingest: which notes changed, from file stamps and, when those differ, hashes."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jtbd.ingest.read import Task, content_hash_of
from jtbd.ingest.walk import Listing
from jtbd.store import NotesFolder, Restamp, Stamp, StoredNote


@dataclass
class Plan:
    """What a run has to do, decided before any note is parsed."""

    top: str
    """The notes folder as the user wrote it, ending in a separator."""
    stored: dict[str, StoredNote]
    """What the workspace held from this folder when the run began, by source."""
    unchanged: list[str] = field(default_factory=list)
    """Sources whose stamp or content is as stored."""
    tasks: list[Task] = field(default_factory=list)
    """The new and changed notes, to read."""
    restamps: list[Restamp] = field(default_factory=list)
    """Notes touched but not changed: only their stamps are written."""
    gone: list[str] = field(default_factory=list)
    """Sources stored but no longer in the folder."""

    @property
    def total(self) -> int:
        """Notes in the folder."""
        return len(self.unchanged) + len(self.tasks)


def make_plan(folder: Path, listing: Listing, notes: NotesFolder) -> Plan:
    """Compare the folder's notes with what the workspace holds from it."""
    top = os.path.join(folder, "")  # joined by hand below: 10,000 os.path.join calls add up
    plan = Plan(top, notes.stored())
    stored, sidecars, unchanged = plan.stored, listing.sidecars, plan.unchanged
    stat = os.stat
    for source in listing.notes:
        previous = stored.get(source)
        path = top + source
        sidecar = None
        if sidecars and source in sidecars:
            sidecar = top + sidecars[source]
        try:
            if previous is None:
                same = False
            elif sidecar is None:
                # The usual case, without a function call: this runs for every note.
                info = stat(path)
                same = (
                    info.st_mtime_ns == previous.mtime_ns and info.st_size == previous.size
                ) or _unchanged(path, None, previous, plan)
            else:
                same = _unchanged(path, sidecar, previous, plan)
        except OSError:
            same = False  # reported when the note is read
        if same:
            unchanged.append(source)
        else:
            plan.tasks.append(Task(path, source, sidecar))
    plan.gone = sorted(set(plan.stored) - set(listing.notes))
    return plan


def _unchanged(path: str, sidecar: str | None, previous: StoredNote, plan: Plan) -> bool:
    """Same stamp as stored, or (touched only) the same content: then record the new stamp."""
    stat = os.stat(path)
    size, mtime_ns = stat.st_size, stat.st_mtime_ns
    if sidecar is not None:
        side = os.stat(sidecar)
        size, mtime_ns = size + side.st_size, max(mtime_ns, side.st_mtime_ns)
    # Plain ints, no Stamp built: this runs for every note of every re-ingest.
    if mtime_ns == previous.mtime_ns and size == previous.size:
        return True
    with open(path, "rb") as file:
        data = file.read()
    extra = None
    if sidecar is not None:
        with open(sidecar, "rb") as file:
            extra = file.read()
    same = content_hash_of(data, extra) == previous.content_hash
    if same:
        plan.restamps.append(Restamp(previous.source, Stamp(size, mtime_ns)))
    return same
