"""Encodings and line endings."""

from __future__ import annotations

import pytest

from jtbd import NoteError, read_note
from tests.conftest import FIXTURES

ENCODINGS = FIXTURES / "bad" / "encodings"


@pytest.mark.parametrize(
    "name", ["utf8-bom.md", "utf16le-crlf.md", "utf16be.md", "crlf.md", "cr-only.md"]
)
def test_accepted_encodings_read_the_same(name):
    interview = read_note(ENCODINGS / name, root=ENCODINGS).interview
    assert interview.participant == "Zoë"
    assert [(f.kind.value, f.text, f.quote, f.line) for f in interview.forces] == [
        ("push", "“Re-typing VAT numbers” — every quarter", False, 6),
        ("pull", "Bank sync €", False, 8),
    ]
    assert "\r" not in interview.model_dump_json()


def test_latin1_bytes_are_read_with_a_warning_naming_the_encoding():
    result = read_note(FIXTURES / "bad" / "not-text" / "latin1.md")
    warning = result.warnings[0]
    assert warning.line == 5
    assert "not UTF-8: read as cp1252" in warning.message


def test_binary_file_with_note_extension_is_an_error():
    with pytest.raises(NoteError, match="not valid|NUL"):
        read_note(FIXTURES / "bad" / "not-text" / "binary.md")


def test_a_file_mixing_utf8_and_cp1252_lines_keeps_both_right():
    from jtbd.readers.text import decode_text

    data = "café in UTF-8\n".encode() + b"Caf\xe9 in cp1252 \x80\n"
    text, warning = decode_text(data, "mixed.md")
    assert text == "café in UTF-8\nCafé in cp1252 €\n"
    assert warning is not None and warning.line == 2
    assert warning.message.startswith("mixed encodings: 1 line not UTF-8, read as cp1252")
