"""Ingest: a folder of notes into the workspace, skipping what has not changed.

A run reads top to bottom: find the notes (``walk``), decide what changed from file
stamps and hashes (``plan``), parse the changed notes, in parallel when there are many
(``read``), then write, refuse duplicate ids, take over the notes of a folder that was
moved, remove deleted notes (``commit``) and check review files' citations (``reviews``). All
problems are collected and reported together, like a compiler: one bad note never stops
the rest. The whole run is one transaction holding the workspace's write lock, so an
interrupted run changes nothing and a second run at the same time waits for the first.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jtbd.duplicates import duplicate_ids
from jtbd.errors import UsageError
from jtbd.ingest.commit import Progress, commit_plan
from jtbd.ingest.plan import make_plan
from jtbd.ingest.read import Task, content_hash_of, read_all
from jtbd.ingest.summary import IngestSummary
from jtbd.ingest.walk import Listing, find_notes, printable_path
from jtbd.models import Interview
from jtbd.readers import Problem
from jtbd.store import NoteRecord, Workspace

__all__ = [
    "FolderRead",
    "IngestSummary",
    "Listing",
    "Progress",
    "content_hash_of",
    "find_notes",
    "ingest_folder",
    "printable_path",
    "read_folder",
]

# How long a run waits for another ingest of the same workspace to finish.
DEFAULT_WAIT = 30.0


def ingest_folder(
    folder: Path,
    workspace: Workspace,
    progress: Progress | None = None,
    wait: float = DEFAULT_WAIT,
    on_wait: Callable[[], None] | None = None,
) -> IngestSummary:
    """Ingest every note under ``folder`` into ``workspace``; never writes to ``folder``.

    Another ingest of the same workspace is waited for, up to ``wait`` seconds
    (``on_wait`` is called if it has to); then :class:`~jtbd.store.WorkspaceBusyError`.
    """
    root = _checked_root(folder)
    listing = find_notes(folder, skip=workspace.folder)
    notes = workspace.notes_folder(root)
    with workspace.exclusive_run(wait, on_wait):
        plan = make_plan(folder, listing, notes)  # under the lock: what is stored now
        outcomes = read_all(plan.tasks)
        try:
            return commit_plan(str(folder), listing, plan, outcomes, notes, progress)
        finally:
            outcomes.close()  # on an interrupt, stop the workers before the rollback


def _checked_root(folder: Path) -> str:
    """The folder's absolute path, which keys its notes in the workspace."""
    if not folder.is_dir():
        raise UsageError(f"{folder} is not a folder of notes")
    root = str(folder.resolve())
    if printable_path(root) != root:
        raise UsageError(f"{printable_path(root)}: the folder's path is not valid UTF-8: rename it")
    return root


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
    listing = find_notes(folder)
    top = os.path.join(folder, "")
    sidecars = {note: top + sidecar for note, sidecar in listing.sidecars.items()}
    tasks = [Task(top + source, source, sidecars.get(source)) for source in listing.notes]
    result = FolderRead([], list(listing.warnings), [])
    records: list[NoteRecord] = []
    for outcome in read_all(tasks):
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
