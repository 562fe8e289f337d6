"""How ``jtbd lint-guide`` reads a Markdown guide: frontmatter, then classified lines.

This is the one place the linter looks at Markdown syntax. ``scan_guide`` is kept small
and self-contained so that it can be replaced by the package's shared Markdown line
scanner and frontmatter splitter without touching the rules or the question finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from jtbd.readers.markdown_lines import scan_lines
from jtbd.readers.text import frontmatter_span, split_lines

_HTML_COMMENT = re.compile(r"<!--.*?-->")

GuideLineKind = Literal["break", "item", "text"]
"""``break`` ends a list item or paragraph (blank line, heading, blockquote, table, rule,
code); ``item`` opens a list item; ``text`` is a paragraph line or a wrapped item line."""


@dataclass(frozen=True)
class GuideLine:
    """One line of a guide's body: its number (1-based), what it is, its text."""

    number: int
    kind: GuideLineKind
    text: str
    """The item's text without its marker for ``item``; the stripped line for ``text``."""


@dataclass(frozen=True)
class ScannedGuide:
    """A Markdown guide split into its frontmatter lines and its classified body lines."""

    frontmatter: list[str]
    lines: list[GuideLine]


def scan_guide(text: str) -> ScannedGuide:
    """Split off the frontmatter and classify every body line.

    The package's one frontmatter splitter and Markdown line scanner do the work; this
    maps their kinds onto the three the question finder needs. Lines inside code fences
    and HTML comments are breaks, never questions. An unclosed frontmatter is searched
    for ``lang:`` but is not taken out of the body.
    """
    lines = split_lines(text)
    span = frontmatter_span(lines)
    if span is None:
        frontmatter, start = [], 0
    elif span[1] < 0:
        frontmatter, start = lines[span[0] + 1 :], 0
    else:
        frontmatter, start = lines[span[0] + 1 : span[1]], span[1] + 1
    body: list[GuideLine] = []
    in_comment = False
    for line in scan_lines(lines, start):
        kind, content = _KINDS.get(line.kind, "break"), line.text
        if in_comment or "<!--" in line.raw:
            content, in_comment = _without_comments(content, in_comment)
            if not content:
                kind = "break"
        if kind == "text" and content.startswith("|"):
            kind = "break"  # a table row
        body.append(GuideLine(line.number, kind, content if kind != "break" else ""))
    return ScannedGuide(frontmatter, body)


_KINDS: dict[str, GuideLineKind] = {"item": "item", "text": "text"}


def _without_comments(text: str, in_comment: bool) -> tuple[str, bool]:
    """Drop HTML comments from a line; say whether one is still open at its end."""
    if in_comment:
        if "-->" not in text:
            return "", True
        text = text.split("-->", 1)[1]
    text = _HTML_COMMENT.sub("", text)
    if "<!--" in text:
        return text.split("<!--", 1)[0].strip(), True
    return text.strip(), False
