"""Readers: note files in, :class:`~jtbd.models.Interview` models out.

Each format has a reader class with the same interface (``extensions`` and
``read(text, path, source, default_id)``); a new format is a new reader in ``READERS``.
"""

from __future__ import annotations

import os
from pathlib import Path

from jtbd.errors import EmptyNoteError, NoteError
from jtbd.readers.base import NoteResult, Problem
from jtbd.readers.markdown import MarkdownReader
from jtbd.readers.text import decode_note
from jtbd.readers.yaml_note import YamlReader

__all__ = [
    "READERS",
    "EmptyNoteError",
    "NoteResult",
    "Problem",
    "is_note",
    "read_note",
    "read_note_bytes",
]

READERS = {ext: reader for reader in (MarkdownReader(), YamlReader()) for ext in reader.extensions}


def is_note(path: Path | str) -> bool:
    """True for files a reader understands (attachments and other files are not notes)."""
    return os.path.splitext(path)[1].lower() in READERS


def read_note(path: Path, root: Path | None = None) -> NoteResult:
    """Read one note file. ``root`` is the ingested folder its ``source`` is relative to.

    Raises :class:`~jtbd.errors.NoteError` naming the file and line when it can't be read.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise NoteError(path, f"cannot read: {error.strerror}") from None
    return read_note_bytes(data, path, root)


def read_note_bytes(data: bytes, path: Path, root: Path | None = None) -> NoteResult:
    """Read a note from bytes already in memory (ingest hashes them first)."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise NoteError(path, f"not a note: {path.suffix or 'no extension'} is not .md or .yaml")
    source = path.relative_to(root).as_posix() if root is not None else path.name
    shown = str(path)
    text = decode_note(data, shown)
    if not text.strip():
        raise EmptyNoteError(shown, "empty note: nothing to ingest")
    result = reader.read(text, shown, source, path.stem)
    if not result.interview.has_content:
        result.warnings.append(
            Problem(shown, "no interview content: no forces, job statements or timeline found")
        )
    return result
