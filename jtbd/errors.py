"""The one exception hierarchy of jtbd.

Every error the library raises on purpose derives from :class:`JtbdError`. The CLI
turns any of them into a single line on stderr and the error's ``exit_code``; a
traceback is shown only with ``--debug``.
"""

from __future__ import annotations

from pathlib import Path


class JtbdError(Exception):
    """Base class of every error jtbd raises for bad input or bad state."""

    exit_code = 1


class UsageError(JtbdError):
    """The user asked for something that cannot be done as asked (bad option value)."""

    exit_code = 2


class NoteError(JtbdError):
    """A note file could not be read; names the file and, where known, the line."""

    def __init__(self, path: Path | str, message: str, line: int | None = None) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class EmptyNoteError(NoteError):
    """A note with no text at all; ingest reports it as a warning, not a failure."""


class GeneratedFileError(NoteError):
    """A file jtbd itself wrote (a Markdown report) found among the notes: skipped."""


class WorkspaceError(JtbdError):
    """The workspace store is missing, unreadable, or of an unknown schema version."""


class TemplateError(JtbdError):
    """A report or guide template is missing or fails to render."""


class GuideError(JtbdError):
    """A guide file is malformed; names the file and the field."""
