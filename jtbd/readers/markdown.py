"""Markdown notes: YAML frontmatter, force/job/timeline sections, inline force tags.

A small line scanner rather than a full CommonMark parser: the note format needs only
headings, list items with their nesting, blockquotes, paragraphs and code fences, and
scanning lines keeps ingest within a small factor of just reading the files (see bench/).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from jtbd.models import ForceKind
from jtbd.readers.base import (
    FORCE_TEMPLATE,
    JOB_TEMPLATE,
    TIMELINE_TEMPLATE,
    NoteResult,
    Problem,
    interview_data,
    interview_fields,
)
from jtbd.readers.text import split_frontmatter, split_lines
from jtbd.readers.vocabulary import (
    Section,
    classify_heading,
    is_placeholder,
    parse_job,
    parse_tagged_text,
    stage_for_label,
)

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_LIST_ITEM = re.compile(r"^([ \t]*)([-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_CHECKBOX = re.compile(r"^\[[ xX]\]\s+")
# A thematic break ("---", "* * *"): Obsidian users divide sections with them.
_BREAK = re.compile(r"^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_BRACKET_FORCE = re.compile(r"^\[(?:push|pull|anxiety|inertia|habit)\]", re.IGNORECASE)
_FORCE_TAG = re.compile(r"(?<![\w&#/])#(?:push|pull|anxiety|inertia|habit)\b", re.IGNORECASE)


def _names_force(text: str) -> bool:
    """True when a line is a force on its own: a force #tag or a [push]-style prefix."""
    if "#" in text:
        return _FORCE_TAG.search(text) is not None or _BRACKET_FORCE.match(text) is not None
    return text.startswith("[") and _BRACKET_FORCE.match(text) is not None


@dataclass(slots=True)
class _Item:
    """A list item, blockquote or tagged line being collected until it ends."""

    role: str  # Section.FORCE, Section.JOBS or Section.TIMELINE
    line: int
    indent: int
    kind: ForceKind | None = None
    parts: list[str] = field(default_factory=list)
    detail: list[str] = field(default_factory=list)
    quote: bool = False


class _Scanner:
    """Walks the body lines once, keeping the section it is in and the open item."""

    def __init__(self, path: str, source: str) -> None:
        self.path = path
        self.source = source
        self.section = Section.OTHER
        self.section_kind: ForceKind | None = None
        self.section_level = 0
        self.item: _Item | None = None
        self.list_indent: int | None = None
        self.paragraph: list[str] = []
        self.paragraph_line = 0
        self.previous_blank = True
        # JSON-ready dicts in the models' field order, valid by construction: ingest
        # writes them as JSON without building a model per force (see NoteResult).
        self.forces: list[dict[str, Any]] = []
        self.jobs: list[dict[str, Any]] = []
        self.timeline: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.warnings: list[Problem] = []
        self.placeholders: list[tuple[int, str]] = []  # (line, text) left from the template

    def scan(self, lines: list[str], first: int) -> None:
        fence: str | None = None
        for number, raw in enumerate(lines[first:], start=first + 1):
            stripped = raw.strip()
            if fence is not None:
                self.notes.append(raw)
                if stripped.startswith(fence):
                    fence = None
                continue
            if not stripped:
                self.blank()
                continue
            first_char = stripped[0]
            if first_char in "`~" and stripped.startswith(("```", "~~~")):
                self.close()
                fence = stripped[:3]
                self.notes.append(raw)
                continue
            if first_char == "#" and self.heading(raw, number):
                continue
            # strip() first: a cheap no for every ordinary list item.
            if first_char in "-*_" and not stripped.strip("-*_ \t") and _BREAK.match(raw):
                self.close()  # it ends the item or paragraph above; kept as free notes
                self.notes.append(raw)
                self.previous_blank = True
                continue
            if first_char in "-*+0123456789":
                match = _LIST_ITEM.match(raw)
                if match:
                    self.list_item(raw, match, number)
                    self.previous_blank = False
                    continue
            if first_char == ">":
                self.blockquote(stripped.lstrip(">").strip(), raw, number)
            else:
                self.text_line(raw, stripped, number)
            self.previous_blank = False
        self.close()

    # -- line kinds -------------------------------------------------------------------

    def heading(self, raw: str, number: int) -> bool:
        match = _HEADING.match(raw)
        if match is None:
            return False  # "#push ..." is a tag, not a heading
        self.close()
        level = len(match.group(1))
        section, kind = classify_heading(match.group(2) or "")
        if (
            section == Section.OTHER
            and self.section != Section.OTHER
            and level > self.section_level
        ):
            # A sub-heading inside a force section ("### Money") keeps the section.
            self.notes.append(raw)
        else:
            self.section, self.section_kind, self.section_level = section, kind, level
            if section == Section.OTHER:
                self.notes.append(raw)
        self.previous_blank = True
        return True

    def blank(self) -> None:
        self.flush_paragraph()
        if self.item is not None and self.item.role != Section.FORCE:
            self.close_item()
        self.previous_blank = True
        self.notes.append("")

    def list_item(self, raw: str, match: re.Match[str], number: int) -> None:
        if self.paragraph:
            self.flush_paragraph()
        marker_indent, _, content = match.groups("")
        indent = len(marker_indent.expandtabs(4) if "\t" in marker_indent else marker_indent)
        content = content.strip()
        if content.startswith("["):
            content = _CHECKBOX.sub("", content)
        names_force = _names_force(content)
        nested = self.list_indent is not None and indent > self.list_indent
        if nested and self.item is not None and not names_force:
            self.item.detail.append(content)
            return
        if self.item is not None:
            self.close_item()
        if not nested:
            self.list_indent = indent
        if not content:
            return
        if names_force:
            self.item = _Item(Section.FORCE, number, indent, parts=[content])
        elif self.section == Section.OTHER:
            self.notes.append(raw)
        else:
            self.item = _Item(self.section, number, indent, self.section_kind, [content])

    def blockquote(self, content: str, raw: str, number: int) -> None:
        self.flush_paragraph()
        item = self.item
        if item is not None and item.quote and not self.previous_blank:
            item.parts.append(content)
            return
        self.close()
        if not content:
            return
        if self.section == Section.FORCE or _names_force(content):
            self.item = _Item(Section.FORCE, number, 0, kind=self.section_kind, quote=True)
            self.item.parts.append(content)
        elif self.section in (Section.JOBS, Section.TIMELINE):
            self.text_line(raw, content, number)
        else:
            self.notes.append(raw)

    def text_line(self, raw: str, stripped: str, number: int) -> None:
        names_force = _names_force(stripped)
        if self.item is not None and not self.previous_blank and not names_force:
            self.item.parts.append(stripped)  # a wrapped line of the open item
            return
        self.close_item()
        if names_force:
            self.flush_paragraph()
            self.item = _Item(Section.FORCE, number, 0)
            self.item.parts.append(stripped)
            self.close_item()
        elif self.section == Section.JOBS:
            if not self.paragraph:
                self.paragraph_line = number
            self.paragraph.append(stripped)
        elif self.section == Section.TIMELINE and ":" in stripped:
            self.item = _Item(Section.TIMELINE, number, 0)
            self.item.parts.append(stripped)
            self.close_item()
        else:
            if self.section in (Section.FORCE, Section.TIMELINE):
                what = "a force" if self.section == Section.FORCE else "a timeline stage"
                self.warn(f"text that is not a list item is kept as free notes, not {what}", number)
            self.notes.append(raw)

    # -- closing what is open -----------------------------------------------------------

    def close(self) -> None:
        self.flush_paragraph()
        self.close_item()
        self.list_indent = None

    def flush_paragraph(self) -> None:
        if self.paragraph:
            self.add_job(" ".join(self.paragraph), self.paragraph_line)
            self.paragraph = []

    def close_item(self) -> None:
        item, self.item = self.item, None
        if item is None:
            return
        text = " ".join(item.parts)
        if item.role == Section.FORCE:
            self.add_force(item, text)
        elif item.role == Section.JOBS:
            self.add_job(text, item.line)
            self.notes.extend(f"  - {detail}" for detail in item.detail)
        else:
            self.add_timeline(item, text)

    def add_force(self, item: _Item, text: str) -> None:
        tagged = parse_tagged_text(text)
        kind = tagged.kind or item.kind
        if kind is None or not tagged.text:
            self.warn("a force tag with no text: kept as free notes", item.line)
            self.notes.append(text)
            return
        if tagged.text[0] == "(" and is_placeholder(tagged.text):
            self.placeholder(text, item.line)
            return
        force = FORCE_TEMPLATE.copy()
        force.update(
            kind=kind._value_,  # not .value, a slow property, for every force
            text=tagged.text,
            quote=item.quote or tagged.quote,
            tags=tagged.tags,
            detail=item.detail,
            source=self.source,
            line=item.line,
        )
        self.forces.append(force)

    def add_job(self, text: str, line: int) -> None:
        parts = parse_job(text)
        if any(is_placeholder(part or "") for part in (parts.when, parts.want, parts.so)):
            self.placeholder(text, line)
            return
        if parts.when is None:
            self.warn(
                "job statement is not 'When ..., I want to ..., so I can ...': kept whole", line
            )
        job = JOB_TEMPLATE.copy()
        job.update(
            text=text, when=parts.when, want=parts.want, so=parts.so, source=self.source, line=line
        )
        self.jobs.append(job)

    def add_timeline(self, item: _Item, text: str) -> None:
        label, _, rest = text.partition(":")
        stage = stage_for_label(label) if rest else None
        if stage is None:
            self.warn(
                f"timeline item {label.strip()!r} is not a switch stage "
                "(first thought, passive looking, active looking, deciding, first use, "
                "ongoing use): kept as free notes",
                item.line,
            )
            self.notes.append(f"- {text}")
            return
        if is_placeholder(rest.strip()):
            self.placeholder(text, item.line)
            return
        full = " ".join([rest.strip(), *item.detail])
        event = TIMELINE_TEMPLATE.copy()
        event.update(stage=stage.value, text=full, source=self.source, line=item.line)
        self.timeline.append(event)

    def placeholder(self, text: str, line: int) -> None:
        """An item as the notes template wrote it: kept as free notes, not interview data."""
        self.placeholders.append((line, text))
        self.notes.append(f"- {text}")

    def warn(self, message: str, line: int | None) -> None:
        self.warnings.append(Problem(self.path, message, line))

    def warn_placeholders(self) -> None:
        """One warning for all the template placeholders left in a note."""
        if not self.placeholders:
            return
        line, text = self.placeholders[0]
        count = len(self.placeholders)
        if count == 1:
            what, them = f"an unfilled template placeholder {text!r}", "it"
        else:
            what, them = f"{count} unfilled template placeholders, the first {text!r}", "them"
        self.warn(
            f"{what}: kept as free notes, not as interview data (fill {them} in or delete {them})",
            line,
        )


class MarkdownReader:
    """Reads ``.md`` and ``.markdown`` notes."""

    extensions = (".md", ".markdown")

    def read(self, text: str, path: str, source: str, default_id: str) -> NoteResult:
        """Parse the text of a Markdown note into an Interview."""
        lines = split_lines(text)
        frontmatter = split_frontmatter(lines, path)
        fields, warnings = interview_fields(
            frontmatter.data,
            path,
            lambda key: _frontmatter_line(lines, frontmatter.body_start, key),
        )
        scanner = _Scanner(path, source)
        scanner.scan(lines, frontmatter.body_start)
        scanner.warn_placeholders()
        fields.setdefault("id", default_id)
        data = interview_data(
            fields,
            source,
            scanner.forces,
            scanner.jobs,
            scanner.timeline,
            _tidy_notes(scanner.notes),
        )
        return NoteResult(data, warnings + scanner.warnings)


def _frontmatter_line(lines: list[str], body_start: int, key: str) -> int | None:
    prefix = f"{key}:"
    for index in range(1, max(body_start - 1, 1)):
        if lines[index].startswith(prefix):
            return index + 1
    return None


def _tidy_notes(lines: list[str]) -> str:
    """Join free-note lines, collapsing runs of blank lines left by consumed sections."""
    tidy: list[str] = []
    for line in lines:
        if line.strip() or (tidy and tidy[-1].strip()):
            tidy.append(line.rstrip())
    return "\n".join(tidy).strip()
