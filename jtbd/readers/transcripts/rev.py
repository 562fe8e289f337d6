"""Rev transcripts: ``Name (00:01:23):`` then the text; ``(00:01:40):`` continues the speaker.

Shape from Rev's documented text export with timestamps ("Speaker name (hh:mm:ss):"),
the text on the same line or on the lines below.
"""

from __future__ import annotations

import re

from jtbd.readers.transcripts.cues import TIMESTAMP, Cue, Parsed, seconds

HEADER = re.compile(
    rf"^(?P<name>[^()\s][^()]{{0,60}}?)?\s*\((?P<stamp>{TIMESTAMP})\)\s*:\s*(?P<text>.*)$"
)


def parse_rev(lines: list[str], path: str) -> Parsed:
    """Cues of a Rev transcript, each with the time of the header above it."""
    cues: list[Cue] = []
    notes: list[str] = []
    speaker: str | None = None
    start: float | None = None
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        if "(" in text and "):" in text:
            match = HEADER.match(text)
            if match is not None:
                name = match.group("name")
                if name:
                    speaker = name.strip()  # "(00:01:40):" alone keeps the speaker
                start = seconds(match.group("stamp"))
                text = match.group("text").strip()
                if not text:
                    continue
        if speaker is None:
            notes.append(text)
        else:
            cues.append(Cue(speaker, start, None, text, number))
    return Parsed(cues, [], "\n".join(notes))
