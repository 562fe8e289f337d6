"""The caption block regex: simple cues read as groups, everything else the careful way.

Whatever the simple-cue shortcut reads must read the same as the careful block-by-block
way: the tests compare the two on awkward files, and check lines and warnings directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from jtbd.readers.transcripts import srt, vtt
from jtbd.readers.transcripts.blocks import BLOCK, caption_blocks

AWKWARD = [
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna Ruiz: One.\n\n"
    "2\n00:00:02.000 --> 00:00:03.000\nBen Cho: Two.\n",
    # a wrapped cue: two text lines
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nAna Ruiz: one line\nand its wrap\n\n"
    "00:00:02.000 --> 00:00:03.000\nAna Ruiz: next",
    # a broken timing line between good cues, a stamp with a digit too many
    "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna Ruiz: a\n\n"
    "2\n00:00:02.000 -> 00:00:03.000\nBen Cho: b\n\n"
    "3\n00:00:03.000 --> 00:00:04.0005\nAna Ruiz: c\n\n"
    "4\n00:00:04.000 --> 00:00:05.000\nBen Cho: d\n",
    # blank lines of spaces, timing with settings, indented id, NOTE above a timing
    "WEBVTT\n   \n  7\n00:00:01.000 --> 00:00:02.000 align:start\nAna Ruiz: x\n \t\n"
    "NOTE\n00:00:02.000 --> 00:00:03.000\nBen Cho: y\n\n"
    "REGIONAL\n00:00:03.000 --> 00:00:04.000\nBen Cho: z\n",
    # two timing lines in one block, a timing line with no text, an id with a ">"
    "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n00:00:01.000 --> 00:00:02.000\nAna: p\n\n"
    "a>b\n00:00:02.000 --> 00:00:03.000\nAna: q\n\n00:00:03.000 --> 00:00:04.000\n",
    # SubRip with numbering that skips and a missing index
    "1\n00:00:01,000 --> 00:00:02,000\n<i>Ana Ruiz: one</i>\n\n"
    "3\n00:00:02,000 --> 00:00:03,000\nBen Cho: two\n\n"
    "00:00:03,000 --> 00:00:04,000\nAna Ruiz: three\n",
]

# The groups caption_blocks gives, the simple cue's never matching: every block "other".
_NEVER = "(?!x)x"
_CAREFUL = re.compile(
    "".join(f"(?P<{name}>{_NEVER})?" for name in ("id", "start", "end", "text"))
    + rf"(?P<other>{BLOCK.pattern})"
)


def _careful_blocks(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """Every block as "other": the parsers read all of them the careful way."""
    line, position = 1, 0
    for match in _CAREFUL.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        yield line, match


def _read(module, text: str) -> tuple[list[tuple], list[str]]:
    parse = vtt.parse_vtt if module is vtt else srt.parse_srt
    parsed = parse(text, "t")
    return [tuple(cue) for cue in parsed.cues], [str(w) for w in parsed.warnings]


@pytest.mark.parametrize("module", [vtt, srt], ids=["vtt", "srt"])
@pytest.mark.parametrize("text", AWKWARD)
def test_simple_cues_read_as_the_careful_way_reads_them(module, text, monkeypatch):
    fast = _read(module, text)
    monkeypatch.setattr(module, "caption_blocks", _careful_blocks)
    assert _read(module, text) == fast


def test_simple_cue_groups_and_lines():
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nhello\n\n\n00:00:03.000 --> 00:00:04.000\nbye"
    )
    found = [
        (line, m.group("id", "start", "end", "text", "other")) for line, m in caption_blocks(text)
    ]
    assert found == [
        (1, (None, None, None, None, "WEBVTT")),
        (3, ("1", "00:00:01.000", "00:00:02.000", "hello", None)),
        (8, (None, "00:00:03.000", "00:00:04.000", "bye", None)),
    ]


def test_wrapped_cue_is_read_whole_with_each_line():
    parsed = vtt.parse_vtt(AWKWARD[1], "t.vtt")
    assert [(c.speaker, c.text, c.line) for c in parsed.cues] == [
        ("Ana Ruiz", "one line", 4),
        (None, "and its wrap", 5),
        ("Ana Ruiz", "next", 8),
    ]


def test_broken_timing_lines_are_reported_at_their_line():
    parsed = vtt.parse_vtt(AWKWARD[2], "t.vtt")
    assert [(w.line, w.message.split(":")[0]) for w in parsed.warnings] == [
        (7, "text without a cue timing line"),  # the block's first line
        (12, "cue timing line not understood"),
    ]
    # the good cues around them keep their times and lines
    assert [(c.start, c.line) for c in parsed.cues if c.text in ("a", "d")] == [(1.0, 5), (4.0, 17)]


def test_crlf_and_a_missing_final_newline():
    parsed = srt.parse_srt(
        "1\r\n00:00:01,000 --> 00:00:02,500\r\nAna: hi\r\n\r\n2\r\n"
        "00:00:03,000 --> 00:00:04,000\r\nAna: bye",
        "t.srt",
    )
    assert [tuple(c) for c in parsed.cues] == [
        ("Ana", 1.0, 2.5, "hi", 3),
        ("Ana", 3.0, 4.0, "bye", 7),
    ]
    assert parsed.warnings == []
