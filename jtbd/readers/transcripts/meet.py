"""Google Meet transcripts (the Google Doc saved as text): time lines, ``Name: text`` lines.

Shape from Meet's transcript document: a title, then a bare ``00:00:00`` line every few
minutes and one ``Name: text`` paragraph per turn under it.
"""

from __future__ import annotations

from jtbd.readers.transcripts.cues import Parsed, is_timestamp, seconds
from jtbd.readers.transcripts.speakers import split_prefix
from jtbd.readers.transcripts.walker import walk


def _header(raw: str, text: str) -> tuple[str | None, float | None, str] | None:
    if text[0].isdigit() and is_timestamp(text):
        return None, seconds(text), ""  # a time line: the speaker goes on
    name, rest = split_prefix(text)
    return None if name is None else (name, None, rest)


def parse_meet(lines: list[str], path: str) -> Parsed:
    """Cues of a Meet transcript; each turn gets the time line above it."""
    return walk(lines, _header)
