"""Interview ids are unique: the rule, and the writer that keeps to it during ingest.

Two notes with the same id are both refused unless one is already stored and unchanged
(copying a note must not make the original vanish). Ingest writes new notes while the
rest are still being read; :class:`EarlyWriter` makes that safe under this rule.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterable

from jtbd.readers import Problem
from jtbd.store import NoteRecord, StoredNote, Workspace

# Notes per database transaction: each note is all-or-nothing, and batching saves commits.
WRITE_BATCH = 500


class EarlyWriter:
    """Writes new notes while the others are still being read, so writing overlaps parsing.

    A new note whose id no stored note and no earlier note of this run has is written at
    once, in batches. Every other note waits for the duplicate check. When a later note
    turns out to share an early note's id, :meth:`finish` deletes the early one, so the
    store ends as if nothing had been written early; a kill in between leaves the early
    note stored, and the next run reports the clash.
    """

    def __init__(self, workspace: Workspace, root: str, taken: set[str], stored: set[str]) -> None:
        self.workspace = workspace
        self.root = root
        self.ids = set(taken)  # every id stored or seen in this run
        self.stored = stored  # sources: a changed note is never written early
        self.batch: list[NoteRecord] = []
        self.held: list[NoteRecord] = []
        self.written: set[str] = set()  # sources

    def offer(self, record: NoteRecord) -> None:
        """Write ``record`` soon if it can't be a duplicate, else hold it for :meth:`finish`."""
        fresh = record.interview_id not in self.ids and record.source not in self.stored
        self.ids.add(record.interview_id)
        if not fresh:
            self.held.append(record)
            return
        self.batch.append(record)
        if len(self.batch) >= WRITE_BATCH:
            self.workspace.write(self.root, self.batch)
            self.written.update(record.source for record in self.batch)
            self.batch = []

    def finish(self, refused: set[str]) -> None:
        """Write what is left, except the ``refused`` sources, and undo early refused ones."""
        waiting = [record for record in self.batch + self.held if record.source not in refused]
        for start in range(0, len(waiting), WRITE_BATCH):
            self.workspace.write(self.root, waiting[start : start + WRITE_BATCH])
        undone = sorted(self.written & refused)
        if undone:
            self.workspace.remove(self.root, undone)


def duplicate_sources(
    top: str,
    records: list[NoteRecord],
    unchanged: list[str],
    stored: dict[str, StoredNote],
    outside: list[tuple[str, str, str]],
) -> tuple[set[str], list[Problem]]:
    """Sources of new or changed notes whose interview id another note also uses.

    They are refused, with an error naming both files. A note already in the workspace
    and unchanged keeps its place: copying a note must not make the original vanish.
    ``top`` is the ingested folder as the user wrote it, ending in a separator.
    """
    places: dict[str, list[str]] = defaultdict(list)  # id -> paths as the user sees them
    mine: dict[str, str] = {}  # path as shown -> source, for the new or changed notes
    for record in records:
        shown = top + record.source
        places[record.interview_id].append(shown)
        mine[shown] = record.source
    if not places:
        return set(), []  # nothing new can clash (an unchanged re-ingest ends here)
    for source in unchanged:
        interview_id = stored[source].interview_id
        if interview_id in places:
            places[interview_id].append(top + source)
    for interview_id, other_root, source in outside:
        if interview_id in places:
            places[interview_id].append(os.path.join(other_root, source))
    clashing, errors = duplicate_ids(places, mine)
    return {mine[shown] for shown in clashing}, errors


def duplicate_ids(
    places: dict[str, list[str]], checked: Iterable[str]
) -> tuple[set[str], list[Problem]]:
    """Paths (among ``checked``) whose interview id is used by another path, with errors."""
    checked = set(checked)
    clashing: set[str] = set()
    errors: list[Problem] = []
    for interview_id, paths in sorted(places.items()):
        if len(paths) < 2:
            continue
        for path in paths:
            if path in checked:
                clashing.add(path)
                others = ", ".join(other for other in paths if other != path)
                errors.append(
                    Problem(path, f"duplicate interview id {interview_id!r}: also used by {others}")
                )
    return clashing, errors
