"""WebVTT (``.vtt``): Zoom (``Name: text`` in cues), Teams (``<v Name>`` voices), others.

Written here rather than with webvtt-py: that library gives no file line per cue (quotes
cite lines), stops at the first malformed cue instead of reporting it and reading on, and
has no notion of Zoom's ``Name:`` prefixes. The shape follows the W3C WebVTT spec
(https://www.w3.org/TR/webvtt1/): a ``WEBVTT`` header, blocks separated by blank lines,
``NOTE``/``STYLE``/``REGION`` blocks, an optional cue identifier, a timing line with
optional cue settings, and cue text with tags and HTML character references.
"""

from __future__ import annotations

import html
import re

from jtbd.errors import NoteError
from jtbd.readers.base import Problem
from jtbd.readers.transcripts.blocks import (
    TIMING,
    caption_blocks,
    refuse_untimed,
    timing_expected_at,
)
from jtbd.readers.transcripts.cues import Cue, Parsed, seconds
from jtbd.readers.transcripts.speakers import label_prefixed

_VOICE = re.compile(r"<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>")
_TAG = re.compile(r"<[^>]*>")
_SKIPPED_BLOCKS = frozenset(("NOTE", "STYLE", "REGION"))


def clean_cue_text(text: str) -> str:
    """Cue text without markup: tags (``<i>``, ``<c.loud>``, ``<00:01.000>``) and entities."""
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    if "  " in text or "\t" in text or "\xa0" in text:
        return " ".join(text.split())
    return text.strip()


def _voices(text: str) -> list[tuple[str | None, str]]:
    """A cue text line split by its ``<v Name>`` voices: several voices may share a cue."""
    if "<v" not in text:
        return [(None, text)]
    if text.startswith("<v ") and text.count("<") <= 2:
        close = text.find(">")  # the usual Teams line: <v Name>text</v>
        if close > 0:
            voice = text[3:close]
            if "&" in voice:
                voice = html.unescape(voice)
            # Its one closing tag cut here, so the text needs no tag regex.
            rest = text[close + 1 : -4] if text.endswith("</v>") else text[close + 1 :]
            return [(voice.strip() or None, rest)]
    pieces: list[tuple[str | None, str]] = []
    matches = list(_VOICE.finditer(text))
    if not matches:
        return [(None, text)]
    if matches[0].start() > 0:
        pieces.append((None, text[: matches[0].start()]))
    for number, match in enumerate(matches):
        end = matches[number + 1].start() if number + 1 < len(matches) else len(text)
        name = html.unescape(match.group(1) or "").strip() or None
        pieces.append((name, text[match.end() : end]))
    return pieces


def parse_vtt(text: str, path: str) -> Parsed:
    """The cues of a WebVTT file; a broken cue is a warning with its line, not a failure."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.lstrip("\ufeff")
    warnings: list[Problem] = []
    blocks = caption_blocks(text)
    if text.startswith("WEBVTT"):
        next(blocks, None)  # the header block: WEBVTT and any header lines
    elif "-->" in text:
        warnings.append(Problem(path, "no WEBVTT header on the first line: read anyway", 1))
    else:
        raise NoteError(path, "not a WebVTT file: no WEBVTT header and no cue timings", 1)
    cues: list[Cue] = []
    times: dict[str, float] = {}  # a cue usually starts where the one before ends
    line = 1
    untimed: int | None = None  # the first line that should have been a timing line
    for line, block in blocks:
        ident, _, _, cue_text, other = block.groups()
        if other is not None:
            missing = _read_block(other.split("\n"), line, path, cues, warnings, times)
            untimed = untimed or missing
            continue
        start, end = cue_times(block, times)
        _add_cue_line(cues, cue_text, start, end, line + 1 if ident is None else line + 2)
    last = warnings[-1] if warnings else None
    if last is not None and last.message == _NO_TEXT and (last.line or 0) >= line:
        # The last block is a timing line with nothing after it: a truncated file.
        warnings[-1] = last = Problem(path, _TRUNCATED, last.line)
    refuse_untimed(path, cues, untimed, "00:00:01.000 --> 00:00:04.000")
    if not cues:
        if last is not None and last.message in (_NO_TEXT, _TRUNCATED):
            raise NoteError(path, f"no cues: {last.message}", last.line)
        raise NoteError(path, "no cues: the file has a header but no captions", 1)
    return Parsed(label_prefixed(cues), warnings)


_NO_TEXT = "a cue with no text"
_TRUNCATED = "the file ends after a cue timing line (truncated?)"


def cue_times(match: re.Match[str], times: dict[str, float]) -> tuple[float, float]:
    """The start and end of a timing line's match, through a cache of stamps seen."""
    start_stamp, end_stamp = match.group("start", "end")
    start = times.get(start_stamp)
    if start is None:
        start = times[start_stamp] = seconds(start_stamp)
    end = times.get(end_stamp)
    if end is None:
        end = times[end_stamp] = seconds(end_stamp)
    return start, end


def _read_block(
    lines: list[str],
    first: int,
    path: str,
    cues: list[Cue],
    warnings: list[Problem],
    times: dict[str, float],
) -> int | None:
    """One block, starting at file line ``first``: a cue, a NOTE/STYLE block, or broken.

    Returns the line that should have been a timing line when the block's text is kept
    without times, else None.
    """
    head = lines[0]
    if "-->" in head:
        timing = 0
    elif head[:6].split(None, 1)[0] in _SKIPPED_BLOCKS:
        return None
    else:
        timing = 1  # a cue identifier (a number, a Teams GUID) above the timing line
    start: float | None = None
    end: float | None = None
    untimed: int | None = None
    if timing < len(lines) and "-->" in lines[timing]:
        match = TIMING.match(lines[timing])
        if timing + 1 == len(lines):
            warnings.append(Problem(path, _NO_TEXT, first + timing))
            return None
        if match is None:
            message = "cue timing line not understood: its text is kept without times"
            warnings.append(Problem(path, message, first + timing))
            untimed = first + timing
        else:
            start, end = cue_times(match, times)
        text_from = timing + 1
    else:
        warnings.append(Problem(path, "text without a cue timing line: kept without times", first))
        untimed = timing_expected_at(lines, first)
        text_from = 0
    for number in range(text_from, len(lines)):
        _add_cue_line(cues, lines[number], start, end, first + number)
    return untimed


def _add_cue_line(
    cues: list[Cue], text: str, start: float | None, end: float | None, line: int
) -> None:
    """One cue text line's cues, a cue per voice in it; a line with no text left adds none."""
    for speaker, piece in _voices(text):
        cleaned = clean_cue_text(piece)
        if cleaned:
            cues.append(Cue(speaker, start, end, cleaned, line))
