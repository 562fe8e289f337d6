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
from jtbd.readers.text import split_lines
from jtbd.readers.transcripts.cues import Cue, Parsed, seconds
from jtbd.readers.transcripts.speakers import label_prefixed

_STAMP = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
_TIMING = re.compile(rf"^\s*({_STAMP})\s*-->\s*({_STAMP})(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)*(?:[ \t]+([^>]*))?>")
_TAG = re.compile(r"<[^>]*>")
_SKIPPED_BLOCKS = ("NOTE", "STYLE", "REGION")


def clean_cue_text(text: str) -> str:
    """Cue text without markup: tags (``<i>``, ``<c.loud>``, ``<00:01.000>``) and entities."""
    if "<" in text:
        text = _TAG.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return " ".join(text.split())


def _voices(text: str) -> list[tuple[str | None, str]]:
    """A cue text line split by its ``<v Name>`` voices: several voices may share a cue."""
    if "<v" not in text:
        return [(None, text)]
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
    lines = split_lines(text)
    warnings: list[Problem] = []
    index = 0
    if lines and lines[0].lstrip("\ufeff").startswith("WEBVTT"):
        while index < len(lines) and lines[index].strip():
            index += 1  # the header block: WEBVTT and any header lines
    elif "-->" in text:
        warnings.append(Problem(path, "no WEBVTT header on the first line: read anyway", 1))
    else:
        raise NoteError(path, "not a WebVTT file: no WEBVTT header and no cue timings", 1)
    cues: list[Cue] = []
    count = len(lines)
    while index < count:
        if not lines[index].strip():
            index += 1
            continue
        first = index
        while index < count and lines[index].strip():
            index += 1
        _read_block(lines, first, index, path, cues, warnings)
    if not cues:
        raise NoteError(path, "no cues: the file has a header but no captions", 1)
    return Parsed(label_prefixed(cues), warnings)


def _read_block(
    lines: list[str], first: int, stop: int, path: str, cues: list[Cue], warnings: list[Problem]
) -> None:
    """One block, lines[first:stop]: a cue, a NOTE/STYLE/REGION block, or broken text."""
    head = lines[first]
    if head.startswith(_SKIPPED_BLOCKS) and "-->" not in head:
        word = head.split(None, 1)[0]
        if word in _SKIPPED_BLOCKS:
            return
    timing = first if "-->" in head else first + 1
    start: float | None = None
    end: float | None = None
    if timing < stop and "-->" in lines[timing]:
        match = _TIMING.match(lines[timing])
        if timing + 1 >= stop and not any(line.strip() for line in lines[stop:]):
            what = "the file ends after a cue timing line (truncated?)"
            warnings.append(Problem(path, what, timing + 1))
            return
        if match is None:
            warnings.append(
                Problem(
                    path,
                    "cue timing line not understood: its text is kept without times",
                    timing + 1,
                )
            )
        else:
            start, end = seconds(match.group(1)), seconds(match.group(2))
        text_from = timing + 1
    else:
        warnings.append(
            Problem(path, "text without a cue timing line: kept without times", first + 1)
        )
        text_from = first
    if text_from >= stop:
        at_end = stop >= len(lines) or not any(line.strip() for line in lines[stop:])
        what = (
            "the file ends after a cue timing line (truncated?)" if at_end else "a cue with no text"
        )
        warnings.append(Problem(path, what, timing + 1))
        return
    for number in range(text_from, stop):
        for speaker, piece in _voices(lines[number]):
            cleaned = clean_cue_text(piece)
            if cleaned:
                cues.append(Cue(speaker, start, end, cleaned, number + 1))
