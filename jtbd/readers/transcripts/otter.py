"""Otter.ai and Teams text exports: a ``Name  0:03`` line, then that speaker's text.

Shape from Otter's "Export text" with timestamps and speaker names on (two spaces before
the time) and Teams' Word transcript, whose paragraphs read the same way.
"""

from __future__ import annotations

import re

from jtbd.readers.transcripts.cues import TIMESTAMP, Parsed, seconds
from jtbd.readers.transcripts.walker import walk

_FOOTER = "Transcribed by https://otter.ai"
HEADER = re.compile(rf"^(?P<name>\S.{{0,60}}?)(?: {{2,}}|\t+| +\| +)(?P<stamp>{TIMESTAMP})\s*$")


def _header(raw: str, text: str) -> tuple[str | None, float | None, str] | None:
    if not text[-1].isdigit():
        return None  # most lines: spare them the regex
    match = HEADER.match(text)
    if match is None:
        return None
    return match.group("name").strip(), seconds(match.group("stamp")), ""


def _is_footer(text: str) -> bool:
    return text.startswith(_FOOTER)


def parse_otter(lines: list[str], path: str) -> Parsed:
    """Cues of an Otter/Teams export: every text line under a header is that speaker's.

    A title above the first speaker and Otter's footer are free notes.
    """
    return walk(lines, _header, _is_footer)
