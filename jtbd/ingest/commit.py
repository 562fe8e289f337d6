"""Committing an ingest: write what was read, refuse duplicate ids, remove deleted notes,
and take over the notes of a folder that was moved or renamed.

All of it happens inside the run's one transaction (``Workspace.exclusive_run``): what
is written early is undone with everything else if the run is interrupted.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from jtbd.duplicates import duplicate_sources
from jtbd.ingest.plan import Plan
from jtbd.ingest.read import Outcome
from jtbd.ingest.reviews import review_citation_warnings
from jtbd.ingest.summary import IngestSummary
from jtbd.ingest.walk import Listing
from jtbd.readers import Problem
from jtbd.store import ForeignNote, NoteRecord, NotesFolder

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` as files are processed."""

# Notes per executemany: batching saves statement overhead while parsing goes on.
WRITE_BATCH = 500


class EarlyWriter:
    """Writes new notes while the others are still being read, so writing overlaps parsing.

    A new note whose id no stored note and no earlier note of this run has is written at
    once, in batches. Every other note waits for the duplicate check. When a later note
    turns out to share an early note's id, :meth:`finish` deletes the early one. The run's
    transaction makes this invisible: nothing is committed before the check is done.
    """

    def __init__(self, notes: NotesFolder, taken: set[str], stored: set[str]) -> None:
        self.notes = notes
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
            self.notes.write(self.batch)
            self.written.update(record.source for record in self.batch)
            self.batch = []

    def finish(self, refused: set[str]) -> None:
        """Write what is left, except the ``refused`` sources, and undo early refused ones."""
        waiting = [record for record in self.batch + self.held if record.source not in refused]
        for start in range(0, len(waiting), WRITE_BATCH):
            self.notes.write(waiting[start : start + WRITE_BATCH])
        self.notes.remove(sorted(self.written & refused))


def commit_plan(
    folder: str,
    listing: Listing,
    plan: Plan,
    outcomes: Iterable[Outcome],
    notes: NotesFolder,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store the outcomes of a run's plan and say what happened."""
    summary = IngestSummary(folder, ignored=list(listing.ignored), warnings=list(listing.warnings))
    notes.restamp(plan.restamps)
    if progress is not None:
        progress(len(plan.unchanged), plan.total)
    outside = notes.elsewhere()
    taken = {note.interview_id for note in plan.stored.values()}
    taken.update(note.interview_id for note in outside)
    writer = EarlyWriter(notes, taken, set(plan.stored))
    records = _collect(plan, outcomes, writer, summary, progress)
    vanished = _vanished(records, outside)
    gone = {note.path for note in vanished}  # a set: a moved folder may hold 10,000 notes
    present = [note for note in outside if note.path not in gone] if gone else outside
    duplicates, errors = duplicate_sources(plan.top, records, plan.unchanged, plan.stored, present)
    summary.errors.extend(errors)
    writer.finish(refused=duplicates)
    notes.remove(plan.gone)
    kept = [record for record in records if record.source not in duplicates]
    moved = _replace_moved(plan.top, kept, vanished, notes, summary)
    summary.warnings.extend(review_citation_warnings(plan.top, kept, notes.workspace))
    _sum_up(summary, plan, kept, moved)
    return summary


# Up to this many notes moved from one folder get a line each; more get one line together.
_MOVED_ONE_BY_ONE = 3


def _vanished(records: list[NoteRecord], outside: list[ForeignNote]) -> list[ForeignNote]:
    """Notes of other folders that share an id with this run's notes and whose file is gone.

    Such a note was moved or renamed along with its folder (``mv study study-2``): the
    note read here is the same interview from its new place, not a duplicate.
    """
    ids = {record.interview_id for record in records}
    if not ids:
        return []  # the usual re-ingest: nothing new, no file to look at
    return [note for note in outside if note.interview_id in ids and not os.path.exists(note.path)]


def _replace_moved(
    top: str,
    records: list[NoteRecord],
    vanished: list[ForeignNote],
    notes: NotesFolder,
    summary: IngestSummary,
) -> set[str]:
    """Drop the old rows of notes moved here, so the old folder's scope no longer holds
    them (re-ingesting it later cannot remove the moved note); the ids moved."""
    by_id = {record.interview_id: record for record in records}
    replaced = [note for note in vanished if note.interview_id in by_id]
    notes.remove_elsewhere(replaced)
    # A whole folder moved is one line per folder, not one per note (thousands of lines).
    by_move: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for note in replaced:
        path = top + by_id[note.interview_id].source
        move = (os.path.dirname(note.path), os.path.dirname(path))
        by_move.setdefault(move, []).append((path, note.path))
    for (old, new), moved in sorted(by_move.items()):
        if len(moved) > _MOVED_ONE_BY_ONE:
            message = (
                f"{len(moved)} notes moved from {old} (no longer there): they replace its notes"
            )
            summary.warnings.append(Problem(new, message))
            continue
        for path, before in moved:
            message = f"moved from {before} (no longer there): replaces the note ingested from it"
            summary.warnings.append(Problem(path, message))
    return {note.interview_id for note in replaced}


def _collect(
    plan: Plan,
    outcomes: Iterable[Outcome],
    writer: EarlyWriter,
    summary: IngestSummary,
    progress: Progress | None,
) -> list[NoteRecord]:
    """Take each outcome as it comes: its problems into the summary, its record to the writer."""
    records: list[NoteRecord] = []
    for done, (task, outcome) in enumerate(zip(plan.tasks, outcomes, strict=True), start=1):
        summary.warnings.extend(outcome.warnings)
        if outcome.generated:
            summary.ignored.append(task.source)
        if outcome.error is not None:
            kept = (
                " (the previously ingested version is kept)" if task.source in plan.stored else ""
            )
            error = outcome.error
            summary.errors.append(Problem(error.path, error.message + kept, error.line))
        elif outcome.record is not None:
            records.append(outcome.record)
            writer.offer(outcome.record)
        if progress is not None:
            progress(len(plan.unchanged) + done, plan.total)
    return records


def _sum_up(summary: IngestSummary, plan: Plan, records: list[NoteRecord], moved: set[str]) -> None:
    """Fill in the summary from the notes stored and the notes left as they were."""
    stored = plan.stored
    for record in records:
        (summary.updated if record.source in stored else summary.added).append(record.interview_id)
    unchanged = [stored[source] for source in plan.unchanged]
    summary.unchanged = [note.interview_id for note in unchanged]
    summary.count_forces([*records, *unchanged])
    summary.free_notes = sum(note.free_notes for note in records)
    for note in unchanged:
        summary.free_notes += note.free_notes
        # An unchanged note still has its problems: say them again, every run.
        if note.warnings:
            shown = plan.top + note.source
            summary.warnings.extend(Problem(shown, text, line) for line, text in note.warnings)
    summary.warnings.sort(key=lambda p: (p.path, p.line or 0))
    summary.ignored.sort()
    summary.removed = sorted(stored[source].interview_id for source in plan.gone)
    # A note moved or renamed (inside the folder, or here from a folder moved away) is
    # the same interview from a new file: updated, not a removal and an addition.
    moved = moved | (set(summary.added) & set(summary.removed))
    if moved:
        summary.added = [i for i in summary.added if i not in moved]
        summary.removed = [i for i in summary.removed if i not in moved]
        summary.updated += sorted(moved)
