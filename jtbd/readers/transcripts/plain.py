"""Plain-text transcripts: which vendor's shape a text is in, by its content.

Never by file name (users rename files). Each shape has a line test; the one that
matches the most of the first lines wins, and a text that matches none is read as
paragraphs without speakers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jtbd.readers.transcripts.cues import TIMESTAMP, Cue, Parsed, is_timestamp
from jtbd.readers.transcripts.dialogue import parse_dialogue, speaker_label
from jtbd.readers.transcripts.meet import parse_meet
from jtbd.readers.transcripts.otter import HEADER as OTTER_HEADER
from jtbd.readers.transcripts.otter import parse_otter
from jtbd.readers.transcripts.rev import HEADER as REV_HEADER
from jtbd.readers.transcripts.rev import parse_rev
from jtbd.readers.transcripts.zoomchat import FROM_LINE, TAB_LINE, parse_zoom_chat

Parser = Callable[[list[str], str], Parsed]

# How many non-blank lines the shape is judged on: enough to see a few turns.
_SAMPLE = 400
# Some exports put the same time stamp in front of every line ("0:00 text"): dropped.
_LINE_STAMP = re.compile(rf"^{TIMESTAMP} ")


def parse_paragraphs(lines: list[str], path: str) -> Parsed:
    """Text with no speaker labels: every line is one unlabelled cue."""
    cues = [
        Cue(None, None, None, line.strip(), n) for n, line in enumerate(lines, 1) if line.strip()
    ]
    return Parsed(cues, [])


def _scores(sample: list[str]) -> dict[str, int]:
    scores = dict.fromkeys(("zoom_chat", "rev", "otter", "meet", "dialogue"), 0)
    stamps = 0
    for line in sample:
        chat = "\t" in line or " From " in line
        if chat and (TAB_LINE.match(line) or FROM_LINE.match(line)):
            scores["zoom_chat"] += 1
            continue
        text = line.strip()
        if "):" in text and REV_HEADER.match(text):
            scores["rev"] += 1
        elif text[-1].isdigit() and OTTER_HEADER.match(text):
            scores["otter"] += 1
        elif text[0].isdigit() and is_timestamp(text):
            stamps += 1
        elif speaker_label(text) is not None:
            scores["dialogue"] += 1
    if stamps:
        scores["meet"] = scores["dialogue"] + stamps
    return scores


def detect(lines: list[str]) -> tuple[str, Parser]:
    """The name and parser of the shape ``lines`` are in (``paragraphs`` when none fits)."""
    sample = [line for line in lines[: _SAMPLE * 3] if line.strip()][:_SAMPLE]
    scores = _scores(sample)
    name = max(scores, key=lambda key: scores[key])  # first in order on a tie
    if scores[name] < 2:
        return "paragraphs", parse_paragraphs
    parsers: dict[str, Parser] = {
        "zoom_chat": parse_zoom_chat,
        "rev": parse_rev,
        "otter": parse_otter,
        "meet": parse_meet,
        "dialogue": parse_dialogue,
    }
    return name, parsers[name]


def drop_line_stamps(lines: list[str]) -> list[str]:
    """Lines without a time stamp that prefixes every non-blank line, when one does."""
    filled = [line for line in lines if line.strip()]
    if not filled or not all(_LINE_STAMP.match(line) for line in filled):
        return lines
    return [_LINE_STAMP.sub("", line, count=1) for line in lines]


def parse_text(lines: list[str], path: str) -> Parsed:
    """Cues of a plain-text transcript in whichever shape it is."""
    lines = drop_line_stamps(lines)
    _, parser = detect(lines)
    return parser(lines, path)
