"""The one Markdown line scanner: what each line of a note or a guide is.

A small line classifier rather than a full CommonMark parser: notes and guides need only
headings (ATX and setext), list items with their indent, blockquotes, thematic breaks,
code fences and plain text, and classifying lines keeps ingest within a small factor of
just reading the files (see ``bench/``). What a line *means* (a force, a question) is
left to the reader that walks these lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass


class LineKind:
    """The kinds of line :func:`scan_lines` yields."""

    BLANK = "blank"
    HEADING = "heading"
    LIST_ITEM = "item"
    QUOTE = "quote"
    BREAK = "break"
    CODE = "code"
    """A fence line or a line inside a fenced code block."""
    COMMENT = "comment"
    """A line of an HTML comment (``<!-- ... -->``) that starts a line: never rendered,
    so never read as what was said (licence headers, notes to self)."""
    TEXT = "text"


@dataclass(slots=True)
class MarkdownLine:
    """One source line, classified. ``number`` is 1-based, as editors show it."""

    number: int
    raw: str
    kind: str
    text: str = ""
    """The content: heading title, list item text, quoted text, or the stripped line."""
    level: int = 0
    """Heading level (1-6)."""
    indent: int = 0
    """Columns before a list marker (tabs count 4)."""
    ordered: bool = False
    """True for a numbered list item ("2. Pull")."""


_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
# "•", "◦", "▪" and "‣": bullets pasted from Word, Docs or a PDF mean what "-" means.
_LIST_ITEM = re.compile(r"^([ \t]*)([-*+\u2022\u25e6\u25aa\u2023]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_SETEXT = re.compile(r"^ {0,3}(?:=+|-{2,})[ \t]*$")
# ">50 invoices a month", ">= 3 tools": in hurried notes a ">" against a number means "more
# than", not a quote (CommonMark would read a blockquote and make the words verbatim).
_MORE_THAN = re.compile(r"^>=?\d")


def starts_quote(text: str) -> bool:
    """True when ``text`` (a line or list item's content) opens a blockquote."""
    return text.startswith(">") and _MORE_THAN.match(text) is None


def scan_lines(lines: list[str], first: int = 0) -> Iterator[MarkdownLine]:
    """Classify ``lines[first:]`` one by one (setext headings look one line ahead)."""
    fence: str | None = None
    count = len(lines)
    index = first
    starts_block = True  # a setext heading is a paragraph's first line
    in_paragraph = False  # the line before was paragraph text
    in_comment = False  # inside an HTML comment opened on an earlier line
    while index < count:
        raw = lines[index]
        number = index + 1
        index += 1
        stripped = raw.strip()
        after_break, starts_block = starts_block, False
        in_paragraph, after_text = False, in_paragraph
        if fence is not None:
            if stripped.startswith(fence):
                fence = None
            yield MarkdownLine(number, raw, LineKind.CODE, stripped)
            continue
        if in_comment or stripped.startswith("<!--"):
            closes = stripped.find("-->", 0 if in_comment else 4)
            in_comment = closes < 0
            # "<!-- x --> words": the words are shown, so the line is read as usual.
            if in_comment or not stripped[closes + 3 :].strip():
                yield MarkdownLine(number, raw, LineKind.COMMENT, stripped)
                continue
        if not stripped:
            starts_block = True
            yield MarkdownLine(number, raw, LineKind.BLANK)
            continue
        first_char = stripped[0]
        if first_char in "`~" and stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            yield MarkdownLine(number, raw, LineKind.CODE, stripped)
            continue
        if first_char == "#":
            match = _HEADING.match(raw)
            if match is not None:  # else "#push ..." is a tag, not a heading
                title = match.group(2) or ""
                starts_block = True
                yield MarkdownLine(number, raw, LineKind.HEADING, title, len(match.group(1)))
                continue
        # strip() first: a cheap no for every ordinary list item.
        if first_char in "-*_" and not stripped.strip("-*_ \t") and _BREAK.match(raw):
            starts_block = True
            yield MarkdownLine(number, raw, LineKind.BREAK, stripped)
            continue
        if first_char in "-*+0123456789\u2022\u25e6\u25aa\u2023":
            match = _LIST_ITEM.match(raw)
            # "2019. Started ..." inside a paragraph is text: only "1." may interrupt one.
            if match is not None and (
                not after_text or not match.group(2)[0].isdigit() or match.group(2)[:-1] == "1"
            ):
                yield _list_item(number, raw, match)
                continue
        if first_char == ">" and starts_quote(stripped):
            yield MarkdownLine(number, raw, LineKind.QUOTE, stripped.lstrip(">").strip())
            continue
        if after_break and index < count and _is_underline(lines[index]):
            level = 1 if lines[index].strip()[0] == "=" else 2
            yield MarkdownLine(number, raw, LineKind.HEADING, stripped, level)
            index += 1  # the underline belongs to the heading
            starts_block = True
            continue
        in_paragraph = True
        yield MarkdownLine(number, raw, LineKind.TEXT, stripped)


def _is_underline(line: str) -> bool:
    return bool(line) and line.lstrip()[:1] in ("=", "-") and _SETEXT.match(line) is not None


def _list_item(number: int, raw: str, match: re.Match[str]) -> MarkdownLine:
    marker_indent, marker, content = match.groups("")
    indent = len(marker_indent.expandtabs(4) if "\t" in marker_indent else marker_indent)
    content = content.strip()
    if content.startswith("["):
        content = _CHECKBOX.sub("", content)
    ordered = marker[0].isdigit()
    return MarkdownLine(number, raw, LineKind.LIST_ITEM, content, indent=indent, ordered=ordered)
