"""Zoom chat logs (``meeting_saved_chat.txt``): ``00:05:16<TAB>Name:<TAB>text``.

Both shapes Zoom has written: the tab-separated one, and the newer
``00:05:16 From Name to Everyone:`` line with the message on the tab-indented lines below.
"""

from __future__ import annotations

import re

from jtbd.readers.transcripts.cues import TIMESTAMP, Parsed, seconds
from jtbd.readers.transcripts.walker import walk

TAB_LINE = re.compile(rf"^(?P<stamp>{TIMESTAMP})\t(?P<name>[^\t]+?)\s*:\t(?P<text>.*)$")
FROM_LINE = re.compile(
    rf"^(?P<stamp>{TIMESTAMP})\s+From\s+(?P<name>.+?)\s+to\s+.+?:\s*(?P<text>.*)$"
)


def _header(raw: str, text: str) -> tuple[str | None, float | None, str] | None:
    # Matched on the raw line: the tabs are part of the shape.
    match = TAB_LINE.match(raw) or FROM_LINE.match(raw)
    if match is None:
        return None
    return match.group("name").strip(), seconds(match.group("stamp")), match["text"].strip()


def parse_zoom_chat(lines: list[str], path: str) -> Parsed:
    """Cues of a Zoom chat log: one per message, continuation lines kept with it."""
    return walk(lines, _header)
