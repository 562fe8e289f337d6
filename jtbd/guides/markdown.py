"""How ``jtbd lint-guide`` reads a Markdown guide: frontmatter, then classified lines.

This is the one place the linter looks at Markdown syntax. ``scan_guide`` is kept small
and self-contained so that it can be replaced by the package's shared Markdown line
scanner and frontmatter splitter without touching the rules or the question finder.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:\s+(?:\[[ xX]\]\s+)?(.*))?$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s|$)")
_HTML_COMMENT = re.compile(r"<!--.*?-->")

LineKind = Literal["break", "item", "text"]
"""``break`` ends a list item or paragraph (blank line, heading, blockquote, table, rule,
code); ``item`` opens a list item; ``text`` is a paragraph line or a wrapped item line."""


@dataclass(frozen=True)
class GuideLine:
    """One line of a guide's body: its number (1-based), what it is, its text."""

    number: int
    kind: LineKind
    text: str
    """The item's text without its marker for ``item``; the stripped line for ``text``."""


@dataclass(frozen=True)
class ScannedGuide:
    """A Markdown guide split into its frontmatter lines and its classified body lines."""

    frontmatter: list[str]
    lines: list[GuideLine]


def scan_guide(text: str) -> ScannedGuide:
    """Split off the frontmatter and classify every body line.

    Lines inside code fences and HTML comments are breaks, never questions. An unclosed
    frontmatter is searched for ``lang:`` but is not taken out of the body.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    frontmatter, start = _frontmatter(lines)
    body: list[GuideLine] = []
    fence: str | None = None
    in_comment = False
    for number, raw in enumerate(lines[start:], start + 1):
        stripped = raw.strip()
        if fence is not None:
            fence = None if stripped.startswith(fence) else fence
            body.append(GuideLine(number, "break", ""))
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            body.append(GuideLine(number, "break", ""))
            continue
        if in_comment or "<!--" in stripped:
            stripped, in_comment = _without_comments(stripped, in_comment)
        match = _LIST_ITEM.match(raw)
        if _is_break(raw, stripped):
            body.append(GuideLine(number, "break", ""))
        elif match:
            body.append(GuideLine(number, "item", match.group(1) or ""))
        else:
            body.append(GuideLine(number, "text", stripped))
    return ScannedGuide(frontmatter, body)


def _frontmatter(lines: list[str]) -> tuple[list[str], int]:
    """The frontmatter lines and the index of the first body line."""
    if not lines or lines[0].strip() != "---":
        return [], 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return lines[1:index], index + 1
    return lines[1:], 0


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


def _is_break(raw: str, stripped: str) -> bool:
    """Blank (once comments are gone), a heading, a blockquote, a table row or a rule."""
    return (
        not stripped
        or bool(_HEADING.match(raw))
        or stripped.startswith((">", "|"))
        or _is_rule(stripped)
    )


def _is_rule(text: str) -> bool:
    """A thematic break such as ``---`` or ``***``."""
    return len(text) >= 3 and set(text.replace(" ", "")) <= {"-"} | {"*"} | {"_"}
