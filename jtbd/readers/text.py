"""Bytes to text lines, and the YAML frontmatter split off the top of a note.

Notes come from many editors: UTF-8 with or without a BOM, UTF-16 with a BOM (Windows
Notepad), CRLF line endings. Anything else is reported with the line of the first bad
byte instead of being guessed at, so no text is ever silently mangled.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from jtbd.errors import NoteError
from jtbd.readers.base import Problem
from jtbd.readers.simple_yaml import parse_simple
from jtbd.safe_yaml import SafeLoader, yaml_line, yaml_problem

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def decode_note(data: bytes, path: str) -> str:
    """Decode the bytes of a note; raise NoteError naming the line of undecodable bytes."""
    return decode_text(data, path)[0]


def decode_text(data: bytes, path: str) -> tuple[str, Problem | None]:
    """Decode a note's bytes, with a warning when it was not UTF-8 or UTF-16 with a BOM.

    A note saved from Word or Notepad in a legacy code page (cp1252, Latin-1) is read by
    asking a charset detector, and only when UTF-8 fails: curly quotes, the euro sign and
    accented letters come through, and the warning names the encoding it guessed.
    """
    if data.startswith(_UTF16_BOMS):
        encoding = "utf-16"
    elif data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        encoding = "utf-8"
    warning: Problem | None = None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        guessed = _legacy_encoding(data) if encoding == "utf-8" else None
        if guessed is None:
            raise NoteError(
                path,
                f"not valid {encoding.upper()} text (byte 0x{data[error.start]:02x}); "
                "save it as UTF-8",
                line,
            ) from None
        text, mixed = _decode_lines(data, guessed)
        lines = "1 line" if mixed == 1 else f"{mixed} lines"
        what = f"mixed encodings: {lines} not UTF-8, read" if mixed else "not UTF-8: read"
        warning = Problem(path, f"{what} as {guessed} (save it as UTF-8)", line)
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise NoteError(
            path,
            "contains NUL bytes: a binary file, or UTF-16 without a BOM (save it as UTF-8)",
            line,
        )
    return text, warning


# What a detector may answer for a note: Western and Central European code pages. Anything
# else (a binary file, an East Asian code page it guessed from a few bytes) stays an error
# rather than a note of mojibake.
_LEGACY_ENCODINGS = ("cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "mac_roman")


def _decode_lines(data: bytes, legacy: str) -> tuple[str, int]:
    """Decode line by line when the file mixes UTF-8 lines with legacy ones.

    A transcript pasted together from two exports can hold both: decoding it all as
    cp1252 would turn its UTF-8 "café" into "cafÃ©". Returns the text and how many lines
    needed the legacy code page (0 when the whole file is in it).
    """
    lines = data.split(b"\n")
    decoded: list[str] = []
    legacy_lines = 0
    utf8_non_ascii = False
    for raw in lines:
        try:
            decoded.append(raw.decode("utf-8"))
            utf8_non_ascii = utf8_non_ascii or not raw.isascii()
        except UnicodeDecodeError:
            decoded.append(raw.decode(legacy, errors="replace"))
            legacy_lines += 1
    if not utf8_non_ascii:
        return data.decode(legacy, errors="replace"), 0
    return "\n".join(decoded), legacy_lines


def _legacy_encoding(data: bytes) -> str | None:
    if b"\x00" in data:
        return None
    from charset_normalizer import from_bytes  # only for the rare note that is not UTF-8

    matches = from_bytes(data, cp_isolation=list(_LEGACY_ENCODINGS))
    # could_be_from_charset: every code page giving the same text (cp1250 and cp1252 agree
    # on "é", and the detector names only one of them).
    names = [name for match in matches for name in match.could_be_from_charset]
    if not names:
        return None
    # A few accented bytes fit several code pages equally well. Notes are typed in
    # English, Italian or French, whose Windows code page is cp1252 (Latin-1 plus curly
    # quotes and the euro sign), so it wins whenever the detector finds it plausible.
    if any(name in ("cp1252", "latin_1", "iso8859_15") for name in names):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return "latin_1" if "latin_1" in names else names[0]
    return names[0]


def split_lines(text: str) -> list[str]:
    """Split text into lines on LF, CRLF or CR only (editors' idea of a line)."""
    # str.splitlines() also splits on form feeds and Unicode separators, which would
    # make line numbers disagree with the user's editor.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


@dataclass
class Frontmatter:
    """The parsed YAML frontmatter of a Markdown note and where the body starts."""

    data: dict[str, Any]
    body_start: int
    """Index in the note's lines of the first body line (0 when there is no frontmatter)."""
    warnings: list[Problem] = field(default_factory=list)
    """Keys written twice (see :func:`repeated_keys`)."""


def frontmatter_span(lines: list[str]) -> tuple[int, int] | None:
    """The indexes of the ``---`` lines opening and closing the frontmatter (closing
    ``-1`` when it is never closed); None when there is none.

    The one frontmatter splitter: notes, transcripts and guides all ask it. Blank lines
    before it are allowed: a note pasted with an empty first line still has its
    ``consent: false`` read, rather than shown as text."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    if start == len(lines) or lines[start].rstrip() != "---":
        return None
    for index in range(start + 1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return start, index
    return start, -1


def split_frontmatter(lines: list[str], path: str) -> Frontmatter:
    """Parse a leading ``---`` ... ``---`` YAML block, if the note has one."""
    span = frontmatter_span(lines)
    if span is None:
        return Frontmatter({}, 0)
    start, end = span
    if end < 0:
        raise NoteError(path, "frontmatter opened with `---` is never closed", start + 1)
    block = lines[start + 1 : end]
    data = parse_simple(block)
    if data is None:
        data = load_yaml("\n".join(block), path, first_line=start + 2)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise NoteError(path, "frontmatter must be a mapping of `key: value` lines", start + 2)
    return Frontmatter(data, end + 1, repeated_keys(block, path, start + 2))


_TOP_KEY = re.compile(r"([^\s#'\"\-][^:]*?)\s*:(?:\s|$)")


def repeated_keys(lines: list[str], path: str, first_line: int) -> list[Problem]:
    """A warning for each top-level YAML key written again: YAML keeps the last value,
    so the first (a second ``push:`` list, an earlier ``consent:``) would be lost unsaid."""
    seen: dict[str, int] = {}
    problems = []
    for number, line in enumerate(lines, first_line):
        match = _TOP_KEY.match(line)
        if match is None:
            continue
        key = match.group(1)
        if key in seen:
            message = f"{key!r} is given again (first at line {seen[key]}): only this one is read"
            problems.append(Problem(path, message, number))
        else:
            seen[key] = number
    return problems


def frontmatter_line(lines: list[str], body_start: int, key: str) -> int | None:
    """The line of a top-level frontmatter key, for messages (None when not found)."""
    prefix = f"{key}:"
    for index in range(1, max(body_start - 1, 1)):
        if lines[index].startswith(prefix):
            return index + 1
    return None


def load_yaml(text: str, path: str, first_line: int = 1) -> Any:
    """Safely load YAML; a syntax error or an unsafe tag becomes a NoteError with its line."""
    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - SafeLoader/CSafeLoader only
    except yaml.YAMLError as error:
        problem = yaml_problem(error, "notes may hold plain data only")
        raise NoteError(path, problem, yaml_line(error, first_line, text)) from None
    except ValueError as error:
        # PyYAML builds dates itself: "date: 2024-02-30" fails with a bare ValueError.
        line = _line_of_date_value(text, first_line)
        raise NoteError(path, f"invalid value: {error}", line) from None


_DATE_VALUE = re.compile(r"^\s*[^#\s][^:]*:\s*['\"]?\d{4}-\d{1,2}-\d{1,2}")


def _line_of_date_value(text: str, first_line: int) -> int | None:
    for number, line in enumerate(text.split("\n")):
        if _DATE_VALUE.match(line):
            return first_line + number
    return None
