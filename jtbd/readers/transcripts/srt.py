"""SubRip (``.srt``): numbered blocks, a ``00:00:01,000 --> 00:00:04,000`` line, text.

Written here rather than with the ``srt`` library: it gives no file line per subtitle
and raises on the first irregular block, where a transcript should be read on with a
warning naming the line. Shape: the de-facto SubRip format (as documented by the srt
library and Matroska's subtitle notes): index, timing with comma millis, text lines,
a blank line; ``<i>``/``<b>``/``<font>`` tags; optional speaker prefixes (Descript,
diarised Whisper).
"""

from __future__ import annotations

from jtbd.errors import NoteError
from jtbd.readers.base import Problem
from jtbd.readers.transcripts.blocks import (
    TIMING,
    caption_blocks,
    refuse_untimed,
    timing_expected_at,
)
from jtbd.readers.transcripts.cues import Cue, Parsed
from jtbd.readers.transcripts.speakers import label_prefixed
from jtbd.readers.transcripts.vtt import clean_cue_text, cue_times


class _Numbering:
    """Checks the subtitle numbers run 1, 2, 3 ...; reports the first break only."""

    def __init__(self, path: str, warnings: list[Problem]) -> None:
        self.path, self.warnings = path, warnings
        self.expected = 1
        self.reported = False

    def check(self, head: str, line: int) -> int | None:
        number = int(head) if head.isdigit() else None
        if number != self.expected and not self.reported:
            found = str(number) if number is not None else repr(head) if head else "no number"
            message = f"subtitle numbering broken: expected {self.expected}, found {found}"
            self.warnings.append(Problem(self.path, message + "; read on in file order", line))
            self.reported = True
        self.expected = (number or self.expected) + 1
        return number


def parse_srt(text: str, path: str) -> Parsed:
    """The cues of a SubRip file; irregular numbering or timing is a warning with its line."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    if "-->" not in text:
        opening = next(caption_blocks(text), None)
        line = 1
        if opening is not None:
            line = timing_expected_at(opening[1].group(0).split("\n"), opening[0])
        message = "not a SubRip file: no '00:00:01,000 --> 00:00:04,000' timings"
        raise NoteError(path, f"{message} (this line should be one)", line)
    warnings: list[Problem] = []
    numbering = _Numbering(path, warnings)
    cues: list[Cue] = []
    times: dict[str, float] = {}
    untimed: int | None = None  # the first line that should have been a timing line
    for first, block in caption_blocks(text):
        head, _, _, cue_text, other = block.groups()
        if other is not None:
            missing = _read_block(other.split("\n"), first, numbering, cues, times)
            untimed = untimed or missing
            continue
        numbering.check("" if head is None else head.strip(), first)
        cleaned = clean_cue_text(cue_text)
        if cleaned:
            start, end = cue_times(block, times)
            cues.append(Cue(None, start, end, cleaned, first + (1 if head is None else 2)))
    refuse_untimed(path, cues, untimed, "00:00:01,000 --> 00:00:04,000")
    if not cues:
        raise NoteError(path, "no subtitles: timing lines but no text after any of them", 1)
    return Parsed(label_prefixed(cues), warnings)


def _read_block(
    lines: list[str], first: int, numbering: _Numbering, cues: list[Cue], times: dict[str, float]
) -> int | None:
    """A block other than the simple cue, starting at file line ``first``, the careful way.

    Returns the line that should have been a timing line when the block's text is kept
    without times, else None.
    """
    path, warnings = numbering.path, numbering.warnings
    head = lines[0].strip()
    if "-->" in head:
        numbering.check("", first)  # no index line
        timing = 0
    else:
        numbering.check(head, first)
        timing = 1
    start = end = untimed = None
    if timing < len(lines) and "-->" in lines[timing]:
        match = TIMING.match(lines[timing])
        if match is None:
            message = "subtitle timing line not understood: its text is kept without times"
            warnings.append(Problem(path, message, first + timing))
            untimed = first + timing
        else:
            start, end = cue_times(match, times)
        text_from = timing + 1
    else:
        message = "subtitle without a timing line: kept without times"
        warnings.append(Problem(path, message, first))
        untimed = timing_expected_at(lines, first)
        text_from = timing
    for number in range(text_from, len(lines)):
        cleaned = clean_cue_text(lines[number])
        if cleaned:
            cues.append(Cue(None, start, end, cleaned, first + number))
    return untimed
