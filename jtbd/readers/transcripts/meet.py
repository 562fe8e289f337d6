"""Google Meet transcripts (the Google Doc saved as text): time lines, ``Name: text`` lines.

Shape from Meet's transcript document: a title, then a bare ``00:00:00`` line every few
minutes and one ``Name: text`` paragraph per turn under it.
"""

from __future__ import annotations

from jtbd.readers.transcripts.cues import Cue, Parsed, is_timestamp, seconds
from jtbd.readers.transcripts.speakers import split_prefix


def parse_meet(lines: list[str], path: str) -> Parsed:
    """Cues of a Meet transcript; each turn gets the time line above it."""
    cues: list[Cue] = []
    notes: list[str] = []
    speaker: str | None = None
    start: float | None = None
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        if text[0].isdigit() and is_timestamp(text):
            start = seconds(text)
            continue
        name, rest = split_prefix(text)
        if name is not None:
            speaker, text = name, rest
        if speaker is None:
            notes.append(text)
        else:
            cues.append(Cue(speaker, start, None, text, number))
    return Parsed(cues, [], "\n".join(notes))
