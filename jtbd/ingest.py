"""Ingest: a folder of notes into the workspace, skipping what has not changed.

Every file is read and hashed first; only new or changed files are parsed. All problems
are collected and reported together, like a compiler: one bad note never stops the rest.
"""

from __future__ import annotations

import hashlib
import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jtbd.errors import NoteError, UsageError
from jtbd.models import ForceKind, Interview
from jtbd.readers import EmptyNoteError, Problem, is_note, read_note_bytes
from jtbd.store import StoredNote, Workspace

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` after each file."""


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
        problems = lambda items: [  # noqa: E731
            {"file": p.path, "line": p.line, "message": p.message} for p in items
        ]
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


def find_notes(folder: Path, skip: Path | None = None) -> tuple[list[Path], list[Path]]:
    """Note files under ``folder`` (sorted) and the other files found there.

    Hidden files and folders (``.obsidian``, ``.git``, ``.trash``) are passed over, as is
    the workspace folder when it lives inside the notes folder.
    """
    notes: list[Path] = []
    others: list[Path] = []
    for directory, subdirs, files in os.walk(folder):
        here = Path(directory)
        subdirs[:] = sorted(
            d for d in subdirs if not d.startswith(".") and (skip is None or here / d != skip)
        )
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = here / name
            (notes if is_note(path) else others).append(path)
    return notes, others


@dataclass
class _Parsed:
    path: Path
    content_hash: str
    interview: Interview


def ingest_folder(
    folder: Path, workspace: Workspace, progress: Progress | None = None
) -> IngestSummary:
    """Ingest every note under ``folder`` into ``workspace``; never writes to ``folder``."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder of notes")
    root = str(folder.resolve())
    summary = IngestSummary(folder=str(folder))
    paths, others = find_notes(folder, skip=workspace.folder.resolve())
    summary.ignored = [path.relative_to(folder).as_posix() for path in others]
    stored = workspace.stored_notes(root)
    parsed: list[_Parsed] = []
    unchanged: list[StoredNote] = []
    for done, path in enumerate(paths, start=1):
        source = path.relative_to(folder).as_posix()
        try:
            data = path.read_bytes()
        except OSError as error:
            summary.errors.append(Problem(str(path), f"cannot read: {error.strerror}"))
            continue
        content_hash = hashlib.blake2b(data, digest_size=16).hexdigest()
        previous = stored.get((root, source))
        if previous is not None and previous.content_hash == content_hash:
            unchanged.append(previous)
        else:
            try:
                result = read_note_bytes(data, path, folder)
            except EmptyNoteError as empty:
                summary.warnings.append(Problem(empty.path, empty.message, empty.line))
            except NoteError as error:
                kept = " (the previously ingested version is kept)" if previous else ""
                summary.errors.append(Problem(error.path, error.message + kept, error.line))
            else:
                parsed.append(_Parsed(path, content_hash, result.interview))
                summary.warnings.extend(result.warnings)
        if progress is not None:
            progress(done, len(paths))

    present = {path.relative_to(folder).as_posix() for path in paths}
    duplicates = _duplicate_sources(root, parsed, unchanged, workspace, summary, folder)
    for item in parsed:
        if item.interview.source in duplicates:
            continue
        is_update = (root, item.interview.source) in stored
        workspace.put(root, item.content_hash, item.interview)
        (summary.updated if is_update else summary.added).append(item.interview.id)
        _count_forces(summary, {k: len(item.interview.forces_of(k)) for k in ForceKind})
    for note in unchanged:
        if note.source not in duplicates:
            summary.unchanged.append(note.interview_id)
            _count_forces(summary, note.force_counts)
    gone = [key for key in stored if key[1] not in present]
    stale = [key for key in stored if key[1] in duplicates]
    if gone or stale:
        workspace.remove(root, [source for _, source in gone + stale])
    summary.removed = sorted(stored[key].interview_id for key in gone)
    return summary


def _duplicate_sources(
    root: str,
    parsed: list[_Parsed],
    unchanged: list[StoredNote],
    workspace: Workspace,
    summary: IngestSummary,
    folder: Path,
) -> set[str]:
    """Sources under this root whose interview id is used by another note: neither wins."""
    by_id: dict[str, list[tuple[str, str]]] = defaultdict(list)  # id -> [(root, source)]
    for item in parsed:
        by_id[item.interview.id].append((root, item.interview.source))
    for note in unchanged:
        by_id[note.interview_id].append((root, note.source))
    for (other_root, source), note in workspace.stored_notes().items():
        if other_root != root:
            by_id[note.interview_id].append((other_root, source))
    duplicates: set[str] = set()
    for interview_id, places in sorted(by_id.items()):
        if len(places) < 2:
            continue
        shown = [_shown_path(folder, root, place) for place in places]
        for (place_root, source), name in zip(places, shown, strict=True):
            if place_root == root:
                duplicates.add(source)
                others = ", ".join(other for other in shown if other != name)
                summary.errors.append(
                    Problem(name, f"duplicate interview id {interview_id!r}: also used by {others}")
                )
    return duplicates


def _shown_path(folder: Path, root: str, place: tuple[str, str]) -> str:
    place_root, source = place
    return str(folder / source) if place_root == root else str(Path(place_root) / source)


def _count_forces(summary: IngestSummary, counts: dict[ForceKind, int]) -> None:
    for kind, count in counts.items():
        summary.forces[kind.value] += count
