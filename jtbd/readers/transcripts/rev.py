"""Rev transcripts: ``Name (00:01:23):`` then the text; ``(00:01:40):`` continues the speaker.

Shape from Rev's documented text export with timestamps ("Speaker name (hh:mm:ss):"),
the text on the same line or on the lines below.
"""

from __future__ import annotations

import re

from jtbd.readers.transcripts.cues import TIMESTAMP, Parsed, seconds
from jtbd.readers.transcripts.walker import walk

HEADER = re.compile(
    rf"^(?P<name>[^()\s][^()]{{0,60}}?)?\s*\((?P<stamp>{TIMESTAMP})\)\s*:\s*(?P<text>.*)$"
)


def _header(raw: str, text: str) -> tuple[str | None, float | None, str] | None:
    if "(" not in text or "):" not in text:
        return None  # most lines: spare them the regex
    match = HEADER.match(text)
    if match is None:
        return None
    name = match.group("name")  # "(00:01:40):" alone keeps the speaker
    return name.strip() if name else None, seconds(match.group("stamp")), match["text"].strip()


def parse_rev(lines: list[str], path: str) -> Parsed:
    """Cues of a Rev transcript, each with the time of the header above it."""
    return walk(lines, _header)
