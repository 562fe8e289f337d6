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
from jtbd.readers.text import split_lines
from jtbd.readers.transcripts.cues import Cue, Parsed, seconds
from jtbd.readers.transcripts.speakers import label_prefixed
from jtbd.readers.transcripts.vtt import _TIMING, clean_cue_text


def parse_srt(text: str, path: str) -> Parsed:
    """The cues of a SubRip file; irregular numbering or timing is a warning with its line."""
    lines = split_lines(text)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]
    if "-->" not in text:
        raise NoteError(path, "not a SubRip file: no '00:00:01,000 --> 00:00:04,000' timings", 1)
    warnings: list[Problem] = []
    cues: list[Cue] = []
    expected = 1
    numbering_reported = False
    index, count = 0, len(lines)
    while index < count:
        if not lines[index].strip():
            index += 1
            continue
        first = index
        while index < count and lines[index].strip():
            index += 1
        head = lines[first].strip()
        timing = first + 1
        if "-->" in head:
            timing, number = first, None  # no index line
        else:
            number = int(head) if head.isdigit() else None
        if number != expected and not numbering_reported:
            found = repr(head) if number is None else str(number)
            warnings.append(
                Problem(
                    path,
                    f"subtitle numbering broken: expected {expected}, found {found}; "
                    "read on in file order",
                    first + 1,
                )
            )
            numbering_reported = True
        expected = (number or expected) + 1
        start = end = None
        if timing < index and "-->" in lines[timing]:
            match = _TIMING.match(lines[timing])
            if match is None:
                warnings.append(
                    Problem(
                        path,
                        "subtitle timing line not understood: its text is kept without times",
                        timing + 1,
                    )
                )
            else:
                start, end = seconds(match.group(1)), seconds(match.group(2))
            text_from = timing + 1
        else:
            warnings.append(
                Problem(path, "subtitle without a timing line: kept without times", first + 1)
            )
            text_from = first + 1 if number is not None else first
        for line in range(text_from, index):
            cleaned = clean_cue_text(lines[line])
            if cleaned:
                cues.append(Cue(None, start, end, cleaned, line + 1))
    return Parsed(label_prefixed(cues), warnings)
