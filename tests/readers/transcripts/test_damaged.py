"""Damaged transcripts: every fixture cut, shuffled and spliced never crashes a reader.

Each is either read into a valid interview or refused with a NoteError naming the file;
no other exception escapes. Seeded, so the same damage is tried every run.
"""

from __future__ import annotations

import random

import pytest

from jtbd.errors import NoteError
from jtbd.models import Interview
from jtbd.readers import read_note_bytes
from tests.conftest import FIXTURES

TEXT_FIXTURES = sorted(
    p
    for p in (FIXTURES / "transcripts").rglob("*")
    if p.suffix in (".vtt", ".srt", ".txt", ".md", ".json") and p.name != "README.md"
)
JUNK = ["", "-->", "WEBVTT", "00:00:01.000 --> ", "<v ", "</v>", "&amp", "**:**", "\t", "1", "{"]


def damaged(data: bytes, rng: random.Random) -> bytes:
    lines = data.split(b"\n")
    action = rng.randrange(4)
    if action == 0:
        lines = lines[: rng.randrange(len(lines) + 1)]  # truncated
    elif action == 1:
        rng.shuffle(lines)
    elif action == 2 and lines:
        index = rng.randrange(len(lines))
        lines[index] = rng.choice(JUNK).encode()
    else:
        lines.insert(rng.randrange(len(lines) + 1), rng.choice(JUNK).encode())
    return b"\n".join(lines)


@pytest.mark.parametrize("path", TEXT_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_damaged_fixture_reads_or_fails_with_one_note_error(path):
    rng = random.Random(path.name)
    original = path.read_bytes()
    for _ in range(40):
        data = damaged(original, rng)
        try:
            result = read_note_bytes(data, str(path), path.name)
        except NoteError as error:
            assert error.path == str(path) or error.path.endswith(".meta.yaml")
            continue
        Interview.model_validate(result.data)
