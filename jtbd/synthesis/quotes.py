"""A quote as a report shows it: the statement, where it was said, and who found it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Quote:
    """A statement with where it came from: interview id, file, line, and time in a recording.

    ``origin`` says who found it: ``coded`` (the researcher's tag or heading) or
    ``suggested`` (proposed by ``jtbd suggest``, not yet reviewed), with its ``confidence``.
    """

    text: str
    interview: str
    source: str
    line: int | None
    verbatim: bool = False
    start: float | None = None
    """Seconds into the recording (a transcript's quote); None for a note."""
    origin: str = "coded"
    confidence: float | None = None

    @property
    def suggested(self) -> bool:
        """True when the suggester proposed this force and no one has reviewed it yet."""
        return self.origin == "suggested"

    @property
    def timestamp(self) -> str | None:
        """The time in the recording as ``HH:MM:SS``, or None for a note."""
        return clock(self.start) if self.start is not None else None

    @property
    def citation(self) -> str:
        """Where to find it: ``t01.vtt:12 @ 00:00:07`` (no time for a note)."""
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where} @ {self.timestamp}" if self.start is not None else where

    @property
    def marker(self) -> str | None:
        """``suggested 0.82`` for a suggested force, None for a coded one."""
        if not self.suggested:
            return None
        return "suggested" if self.confidence is None else f"suggested {self.confidence:.2f}"

    def to_dict(self) -> dict[str, Any]:
        """As JSON-ready data."""
        return {
            "text": self.text,
            "interview": self.interview,
            "source": self.source,
            "line": self.line,
            "start": self.start,
            "origin": self.origin,
            "confidence": self.confidence,
        }


def clock(seconds: float) -> str:
    """Seconds as ``HH:MM:SS`` (whole seconds, rounded down): 7.9 -> ``00:00:07``."""
    whole = max(0, int(seconds))
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def name_some(names: Sequence[str], limit: int = 3) -> str:
    """A few names and a count of the rest, so a message stays one short line:
    ``p01, p02, p03 and 997 more``."""
    shown = ", ".join(names[:limit])
    rest = len(names) - limit
    return f"{shown} and {rest} more" if rest > 0 else shown
