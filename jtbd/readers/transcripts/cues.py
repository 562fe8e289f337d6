"""What every transcript parser returns: raw cues, before turns are built from them."""

from __future__ import annotations

import re
from typing import NamedTuple

from jtbd.readers.base import Problem


class Cue(NamedTuple):
    """One piece of a transcript as the file gives it: a caption, a paragraph, a segment.

    A NamedTuple, not a dataclass: a one-hour transcript has about a thousand of them and
    they are built and dropped within one read.
    """

    speaker: str | None
    start: float | None
    """Seconds from the start of the recording; None where the format has no times."""
    end: float | None
    text: str
    line: int
    """The file line (1-based) where the cue's text starts."""


class Parsed(NamedTuple):
    """A parser's result: the cues and what it wants the user to know."""

    cues: list[Cue]
    warnings: list[Problem]
    notes: str = ""
    """Text that belongs to no speaker (a title, an introduction): kept as free notes."""


# h:mm:ss(.mmm), mm:ss(.mmm) or m:ss; a comma before the fraction too (SubRip).
TIMESTAMP = r"(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIMESTAMP = re.compile(rf"^{TIMESTAMP}$")


def seconds(stamp: str) -> float:
    """Seconds in ``h:mm:ss.mmm``, ``mm:ss``, ``m:ss`` or ``hh:mm:ss,mmm`` (SubRip)."""
    if len(stamp) == 12 and stamp[2] == ":" and stamp[5] == ":":
        # hh:mm:ss.mmm, every caption's start and end: the one shape worth a fast path.
        millis = int(stamp[:2]) * 3_600_000 + int(stamp[3:5]) * 60_000 + int(stamp[6:8]) * 1000
        return (millis + int(stamp[9:])) / 1000
    whole, _, fraction = stamp.replace(",", ".").partition(".")
    total = 0
    for part in whole.split(":"):
        total = total * 60 + int(part)
    millis = total * 1000 + (int(fraction.ljust(3, "0")[:3]) if fraction else 0)
    return millis / 1000


def is_timestamp(text: str) -> bool:
    """True for a bare timestamp such as ``0:03``, ``01:02:03`` or ``00:00:07.250``."""
    return _TIMESTAMP.match(text) is not None


def clock(value: float) -> str:
    """Seconds as ``hh:mm:ss``, the way quotes cite a time."""
    whole = int(value)
    return f"{whole // 3600:02d}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
