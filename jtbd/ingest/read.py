"""Reading the changed notes: parse each, in worker processes when there are many.

Each note becomes an :class:`Outcome`: its record, or the problem that stopped it. A bug
in a reader costs that one note, never the run.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import signal
import sys
from collections.abc import Generator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import NamedTuple

from jtbd.bulk import paused_gc, pickled_by_position
from jtbd.errors import EmptyNoteError, GeneratedFileError, NoteError
from jtbd.ingest.walk import printable_path
from jtbd.readers import Problem, read_note_bytes
from jtbd.store import NoteRecord, Stamp

# Below this many changed notes, starting worker processes costs more than it saves.
PARALLEL_THRESHOLD = 400


class Task(NamedTuple):
    """One note to read."""

    shown: str
    """The path as the user sees it (the folder as given, joined with the source)."""
    source: str
    sidecar: str | None = None
    """The path of the transcript's ``.meta.yaml`` beside it, when there is one."""


@pickled_by_position
@dataclass
class Outcome:
    """The result of reading one changed note, small enough to pass between processes."""

    record: NoteRecord | None = None
    warnings: list[Problem] = field(default_factory=list)
    error: Problem | None = None
    generated: bool = False
    """A report jtbd wrote, found among the notes: ignored like any other non-note."""


def content_hash_of(data: bytes, sidecar: bytes | None = None) -> str:
    """The hash that tells a changed note from an unchanged one (its sidecar included)."""
    digest = hashlib.blake2b(data, digest_size=16)
    if sidecar is not None:
        digest.update(b"\0sidecar\0")  # so moving bytes between the two files still counts
        digest.update(sidecar)
    return digest.hexdigest()


def _file(path: str) -> tuple[bytes, os.stat_result]:
    with open(path, "rb") as file:
        return file.read(), os.fstat(file.fileno())


def read_changed(task: Task) -> Outcome:
    """Read one note (and its sidecar) into an outcome."""
    shown, source, sidecar_shown = task
    if printable_path(source) != source:
        problem = "the file name is not valid UTF-8: rename the file to ingest it"
        return Outcome(error=Problem(printable_path(shown), problem))
    sidecar: bytes | None = None
    try:
        data, stat = _file(shown)
        stamp = Stamp(stat.st_size, stat.st_mtime_ns)
        if sidecar_shown is not None:
            sidecar, side = _file(sidecar_shown)
            stamp = Stamp(stamp.size + side.st_size, max(stamp.mtime_ns, side.st_mtime_ns))
    except OSError as error:
        return Outcome(error=Problem(error.filename or shown, f"cannot read: {error.strerror}"))
    try:
        result = read_note_bytes(data, shown, source, sidecar=sidecar)
        record = NoteRecord.of(result, content_hash_of(data, sidecar), stamp)
    except EmptyNoteError as empty:
        return Outcome(warnings=[Problem(empty.path, empty.message, empty.line)])
    except GeneratedFileError:
        return Outcome(generated=True)
    except NoteError as error:
        return Outcome(error=Problem(error.path, error.message, error.line))
    except Exception as error:  # noqa: BLE001 - a bug must cost one note, not the whole run
        message = (
            f"could not be read (a jtbd bug, please report it): {type(error).__name__}: {error}"
        )
        return Outcome(error=Problem(shown, message))
    return Outcome(record, result.warnings)


def read_all(tasks: list[Task]) -> Generator[Outcome, None, None]:
    """Read notes in task order; across processes when there are many (2+ cores)."""
    cores = os.cpu_count() or 1
    if len(tasks) < PARALLEL_THRESHOLD or cores < 2:
        with paused_gc():
            yield from map(read_changed, tasks)
        return
    # fork shares the already-imported readers; other platforms pay for a fresh import.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    pool = ProcessPoolExecutor(cores, mp_context=context, initializer=_worker_started)
    try:
        yield from pool.map(read_changed, tasks, chunksize=64)
    finally:
        # On an interrupt, drop the notes not yet started instead of reading them all.
        pool.shutdown(wait=True, cancel_futures=True)


def _worker_started() -> None:
    """Workers run without the cyclic GC (they only build short-lived acyclic objects),
    and leave Ctrl-C and SIGTERM to the main process, which stops them cleanly."""
    gc.disable()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
