"""Ingest: a folder of notes into the workspace, skipping what has not changed.

Every file is read and hashed first; only new or changed files are parsed, in parallel
when there are many. All problems are collected and reported together, like a compiler:
one bad note never stops the rest.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jtbd.bulk import paused_gc
from jtbd.duplicates import EarlyWriter, duplicate_ids, duplicate_sources
from jtbd.errors import EmptyNoteError, GeneratedFileError, NoteError, UsageError
from jtbd.models import ForceKind, Interview
from jtbd.readers import Problem, is_note, read_note_bytes
from jtbd.store import NoteRecord, StoredNote, Workspace

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` as files are processed."""

# Below this many changed notes, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


@dataclass
class IngestSummary:
    """What an ingest run did, for the terminal table and ``--json``."""

    folder: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    forces: dict[str, int] = field(default_factory=lambda: {kind.value: 0 for kind in ForceKind})
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no note failed (warnings are allowed)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (the ``--json`` contract)."""

        def problems(items: list[Problem]) -> list[dict[str, Any]]:
            return [{"file": p.path, "line": p.line, "message": p.message} for p in items]

        return {
            "folder": self.folder,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "ignored": self.ignored,
            "forces": self.forces,
            "warnings": problems(self.warnings),
            "errors": problems(self.errors),
        }

    def count_forces(self, counts: Iterable[tuple[int, ...]]) -> None:
        """Add notes' force counts (each in ForceKind order) to the totals."""
        columns = zip(*counts, strict=True)  # one column per kind; none when no notes
        for name, column in zip(self.forces, columns, strict=False):
            self.forces[name] += sum(column)


def find_notes(folder: Path, skip: Path | None = None) -> tuple[list[str], list[str]]:
    """Note files under ``folder`` and the other files there, as sorted relative paths.

    Hidden files and folders (``.obsidian``, ``.git``, ``.trash``) are passed over, as is
    the workspace folder when it lives inside the notes folder. Paths use ``/``.
    """
    notes: list[str] = []
    others: list[str] = []
    top = str(folder)
    skipped = os.path.realpath(skip) if skip is not None else None
    # Plain strings, not Path objects: pathlib dominated the time of an unchanged re-ingest.
    for directory, subdirs, files in os.walk(top):
        subdirs[:] = sorted(
            d
            for d in subdirs
            if not d.startswith(".") and os.path.realpath(os.path.join(directory, d)) != skipped
        )
        relative = os.path.relpath(directory, top).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        for name in sorted(files):
            if name.startswith("."):
                continue
            if is_note(name):
                notes.append(prefix + name)
            else:
                others.append(printable_path(prefix + name))
    return notes, others


def printable_path(path: str) -> str:
    """A path as text that can be printed, even when its name is not valid UTF-8.

    Such names (old Windows archives, zip files) reach Python with "surrogate" characters
    that no output can encode; they are shown with the bad bytes escaped, like ``\\xff``.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path


@dataclass
class _Outcome:
    """The result of reading one changed note, small enough to pass between processes."""

    record: NoteRecord | None = None
    warnings: list[Problem] = field(default_factory=list)
    error: Problem | None = None
    generated: bool = False
    """A report jtbd wrote, found among the notes: ignored like any other non-note."""


def _read_changed(task: tuple[str, str]) -> _Outcome:
    """Read one note: ``task`` is (path as the user sees it, source)."""
    shown, source = task
    if printable_path(source) != source:
        problem = "the file name is not valid UTF-8: rename the file to ingest it"
        return _Outcome(error=Problem(printable_path(shown), problem))
    try:
        with open(shown, "rb") as file:
            data = file.read()
            stat = os.fstat(file.fileno())
    except OSError as error:
        return _Outcome(error=Problem(shown, f"cannot read: {error.strerror}"))
    content_hash = content_hash_of(data)
    try:
        result = read_note_bytes(data, shown, source)
        record = NoteRecord.of(result, content_hash, stat.st_size, stat.st_mtime_ns)
    except EmptyNoteError as empty:
        return _Outcome(warnings=[Problem(empty.path, empty.message, empty.line)])
    except GeneratedFileError:
        return _Outcome(generated=True)
    except NoteError as error:
        return _Outcome(error=Problem(error.path, error.message, error.line))
    except Exception as error:  # noqa: BLE001 - a bug must cost one note, not the whole run
        message = (
            f"could not be read (a jtbd bug, please report it): {type(error).__name__}: {error}"
        )
        return _Outcome(error=Problem(shown, message))
    return _Outcome(record, result.warnings)


def _read_all(tasks: list[tuple[str, str]]) -> Iterator[_Outcome]:
    """Read notes in task order; across processes when there are many (2+ cores)."""
    cores = os.cpu_count() or 1
    if len(tasks) < PARALLEL_THRESHOLD or cores < 2:
        with paused_gc():
            yield from map(_read_changed, tasks)
        return
    # fork shares the already-imported readers; other platforms pay for a fresh import.
    # Workers run without the cyclic GC: they only build short-lived acyclic objects.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(cores, mp_context=context, initializer=gc.disable) as pool:
        yield from map(_from_worker, pool.map(_read_in_worker, tasks, chunksize=64))


# Outcomes cross between processes as plain tuples: pickling dataclasses cost as much as
# a tenth of the parsing itself, on both sides of the pipe.
def _read_in_worker(task: tuple[str, str]) -> tuple[Any, ...]:
    outcome = _read_changed(task)
    record = None if outcome.record is None else tuple(vars(outcome.record).values())
    return record, outcome.warnings, outcome.error, outcome.generated


def _from_worker(wire: tuple[Any, ...]) -> _Outcome:
    record, warnings, error, generated = wire
    return _Outcome(None if record is None else NoteRecord(*record), warnings, error, generated)


def ingest_folder(
    folder: Path, workspace: Workspace, progress: Progress | None = None
) -> IngestSummary:
    """Ingest every note under ``folder`` into ``workspace``; never writes to ``folder``."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder of notes")
    root = str(folder.resolve())
    if printable_path(root) != root:
        raise UsageError(f"{printable_path(root)}: the folder's path is not valid UTF-8: rename it")
    summary = IngestSummary(folder=str(folder))
    present, summary.ignored = find_notes(folder, skip=workspace.folder.resolve())
    stored = workspace.stored_notes(root)

    unchanged: list[str] = []  # sources
    changed: list[tuple[str, str]] = []  # (path as shown, source)
    restamped: list[tuple[str, int, int]] = []
    top = os.path.join(folder, "")  # joined by hand below: 10,000 os.path.join calls add up
    for source in present:
        previous = stored.get(source)
        path = top + source
        try:
            same = previous is not None and _unchanged(path, previous, restamped)
        except OSError:
            same = False  # reported when the note is read
        if same:
            unchanged.append(source)
        else:
            changed.append((path, source))
    if restamped:
        workspace.restamp(root, restamped)
    if progress is not None:
        progress(len(unchanged), len(present))

    outside = workspace.ids_outside(root)
    taken = {note.interview_id for note in stored.values()} | {row[0] for row in outside}
    writer = EarlyWriter(workspace, root, taken, set(stored))
    records: list[NoteRecord] = []
    outcomes = zip(changed, _read_all(changed), strict=True)
    for done, ((_, source), outcome) in enumerate(outcomes, start=1):
        summary.warnings.extend(outcome.warnings)
        if outcome.generated:
            summary.ignored.append(source)
        if outcome.error is not None:
            kept = " (the previously ingested version is kept)" if source in stored else ""
            error = outcome.error
            summary.errors.append(Problem(error.path, error.message + kept, error.line))
        elif outcome.record is not None:
            records.append(outcome.record)
            writer.offer(outcome.record)
        if progress is not None:
            progress(len(unchanged) + done, len(present))

    duplicates, errors = duplicate_sources(top, records, unchanged, stored, outside)
    summary.errors.extend(errors)
    writer.finish(refused=duplicates)
    records = [record for record in records if record.source not in duplicates]
    for record in records:
        (summary.updated if record.source in stored else summary.added).append(record.interview_id)
    unchanged_notes = [stored[source] for source in unchanged]
    summary.unchanged = [note.interview_id for note in unchanged_notes]
    summary.count_forces(note.force_counts for note in [*records, *unchanged_notes])
    for note in unchanged_notes:
        # An unchanged note still has its problems: say them again, every run.
        if note.warnings:
            shown = top + note.source
            summary.warnings.extend(Problem(shown, text, line) for line, text in note.warnings)
    summary.warnings.sort(key=lambda p: (p.path, p.line or 0))

    summary.ignored.sort()
    gone = sorted(set(stored) - set(present))
    if gone:
        workspace.remove(root, gone)
    summary.removed = sorted(stored[source].interview_id for source in gone)
    # A note moved or renamed is the same interview from a new file: updated, not a
    # removal and an addition of the same id.
    moved = set(summary.added) & set(summary.removed)
    if moved:
        summary.added = [i for i in summary.added if i not in moved]
        summary.removed = [i for i in summary.removed if i not in moved]
        summary.updated += sorted(moved)
    return summary


def content_hash_of(data: bytes) -> str:
    """The hash that tells a changed note from an unchanged one."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _unchanged(path: str, previous: StoredNote, restamped: list[tuple[str, int, int]]) -> bool:
    """Same size and modification time as stored, or (touched only) the same content."""
    stat = os.stat(path)
    if stat.st_mtime_ns == previous.mtime_ns and stat.st_size == previous.size:
        return True
    with open(path, "rb") as file:
        same = content_hash_of(file.read()) == previous.content_hash
    if same:
        restamped.append((previous.source, stat.st_size, stat.st_mtime_ns))
    return same


@dataclass
class FolderRead:
    """Interviews read straight from a folder, with the problems found on the way."""

    interviews: list[Interview]
    warnings: list[Problem]
    errors: list[Problem]


def read_folder(folder: Path) -> FolderRead:
    """Read every note under ``folder`` into memory, without a workspace."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder of notes")
    sources, _ = find_notes(folder)
    tasks = [(os.path.join(folder, source), source) for source in sources]
    result = FolderRead([], [], [])
    records: list[NoteRecord] = []
    for outcome in _read_all(tasks):
        result.warnings.extend(outcome.warnings)
        if outcome.error is not None:
            result.errors.append(outcome.error)
        elif outcome.record is not None:
            records.append(outcome.record)
    places: dict[str, list[str]] = defaultdict(list)
    for record in records:
        places[record.interview_id].append(os.path.join(folder, record.source))
    clashing, errors = duplicate_ids(places, [path for paths in places.values() for path in paths])
    result.errors.extend(errors)
    result.interviews = [
        Interview.model_validate_json(record.interview_json)
        for record in records
        if os.path.join(folder, record.source) not in clashing
    ]
    return result
