"""The blocks of a caption file (WebVTT, SubRip), found over the whole text by one regex.

A block is a run of non-blank lines. Nearly every block of a real file is one simple
cue: an optional identifier line, a well-formed timing line and one line of text. The
regex below matches that shape with its parts as groups, so the parsers skip splitting
and re-testing those blocks line by line in Python (which was most of their cost); any
other block (several text lines, a NOTE, a broken timing line) is matched whole and
read the careful way. Both ways give the same cues and warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from jtbd.errors import NoteError
from jtbd.readers.transcripts.cues import Cue

STAMP = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# A timing line, as the careful way reads it: optional cue settings after the end stamp.
TIMING = re.compile(rf"^\s*(?P<start>{STAMP})\s*-->\s*(?P<end>{STAMP})(?:\s+.*)?$")
# A block: a run of lines that are not blank, found by the regex engine, not a loop.
# Leading blanks first, then the first non-blank: no backtracking over each line.
BLOCK = re.compile(r"[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*")

# The simple cue. Stricter than TIMING (spaces and tabs only), so whatever it matches the
# careful way would read the same. The identifier has no ">" (so it is no timing line)
# and is no NOTE/STYLE/REGION word; the text line is the block's last.
_SIMPLE = (
    r"(?:(?P<id>(?![^\S\n]*(?:NOTE|STYLE|REGION))[^\S\n]*[^\s>][^\n>]*)\n)?"
    rf"[ \t]*(?P<start>{STAMP})[ \t]*-->[ \t]*(?P<end>{STAMP})(?:[ \t][^\n]*)?\n"
    r"(?P<text>[^\S\n]*\S[^\n]*)(?=\n[^\S\n]*(?:\n|\Z)|\Z)"
)
_BLOCKS = re.compile(rf"{_SIMPLE}|(?P<other>{BLOCK.pattern})")


def caption_blocks(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """``(line, match)`` for each block of ``text`` (``\\n`` line ends), line 1-based.

    A simple cue's match has the groups ``id`` (or None), ``start``, ``end`` and ``text``,
    and ``other`` None; any other block's has ``other``, the block's text.
    """
    line, position = 1, 0
    count = text.count
    for match in _BLOCKS.finditer(text):
        start = match.start()
        line += count("\n", position, start)
        position = start
        yield line, match


def timing_expected_at(lines: list[str], first: int) -> int:
    """The file line where a block with no timing line should have had one.

    Below a one-word first line (a cue number, a Teams GUID) when the block has text
    after it; else the block's first line.
    """
    if len(lines) > 1 and len(lines[0].split()) == 1:
        return first + 1
    return first


def refuse_untimed(path: str, cues: Sequence[Cue], untimed: int | None, example: str) -> None:
    """Refuse a caption file none of whose cues has a time, naming ``untimed``.

    ``untimed`` is the first line that should have been a timing line. A file that is
    all text without times is no caption file (or a broken export): ingesting it would
    give an interview no quote can cite a time of, so it is an error, not a warning.
    """
    if untimed is None or any(cue.start is not None for cue in cues):
        return
    raise NoteError(
        path,
        f"no cue with a timing line: this line should be one, like '{example}'",
        untimed,
    )
