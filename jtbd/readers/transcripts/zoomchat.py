"""Zoom chat logs (``meeting_saved_chat.txt``): ``00:05:16<TAB>Name:<TAB>text``.

Both shapes Zoom has written: the tab-separated one, and the newer
``00:05:16 From Name to Everyone:`` line with the message on the tab-indented lines below.
"""

from __future__ import annotations

import re

from jtbd.readers.transcripts.cues import TIMESTAMP, Cue, Parsed, seconds

TAB_LINE = re.compile(rf"^(?P<stamp>{TIMESTAMP})\t(?P<name>[^\t]+?)\s*:\t(?P<text>.*)$")
FROM_LINE = re.compile(
    rf"^(?P<stamp>{TIMESTAMP})\s+From\s+(?P<name>.+?)\s+to\s+.+?:\s*(?P<text>.*)$"
)


def parse_zoom_chat(lines: list[str], path: str) -> Parsed:
    """Cues of a Zoom chat log: one per message, continuation lines kept with it."""
    cues: list[Cue] = []
    notes: list[str] = []
    speaker: str | None = None
    start: float | None = None
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        match = TAB_LINE.match(raw) or FROM_LINE.match(raw)
        if match is not None:
            speaker, start = match.group("name").strip(), seconds(match.group("stamp"))
            text = match.group("text").strip()
        else:
            text = raw.strip()
        if not text:
            continue
        if speaker is None:
            notes.append(text)
        else:
            cues.append(Cue(speaker, start, None, text, number))
    return Parsed(cues, [], "\n".join(notes))
