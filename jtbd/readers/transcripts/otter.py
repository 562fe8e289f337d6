"""Otter.ai and Teams text exports: a ``Name  0:03`` line, then that speaker's text.

Shape from Otter's "Export text" with timestamps and speaker names on (two spaces before
the time) and Teams' Word transcript, whose paragraphs read the same way.
"""

from __future__ import annotations

import re

from jtbd.readers.transcripts.cues import TIMESTAMP, Cue, Parsed, seconds

_FOOTER = "Transcribed by https://otter.ai"
HEADER = re.compile(rf"^(?P<name>\S.{{0,60}}?)(?: {{2,}}|\t+| +\| +)(?P<stamp>{TIMESTAMP})\s*$")


def parse_otter(lines: list[str], path: str) -> Parsed:
    """Cues of an Otter/Teams export: every text line under a header is that speaker's."""
    cues: list[Cue] = []
    notes: list[str] = []
    speaker: str | None = None
    start: float | None = None
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        if text[-1].isdigit():
            match = HEADER.match(text)
            if match is not None:
                speaker = match.group("name").strip()
                start = seconds(match.group("stamp"))
                continue
        if speaker is None or text.startswith(_FOOTER):
            notes.append(text)  # a title above the first speaker, Otter's footer
        else:
            cues.append(Cue(speaker, start, None, text, number))
    return Parsed(cues, [], "\n".join(notes))
