"""Markdown notes: YAML frontmatter, force/job/timeline sections, inline force tags.

Notes are read the way researchers type them after a call: headings at any level or as
a bold line, a short line ending in a colon or a list item ("2. Pull"); headings in
English, Italian or French (see ``vocabularies/``); label lines ("Anxiety: ..."), tags
anywhere, Obsidian callouts. Whatever is kept as free notes instead of being read as
interview data is named in a warning, so a report is never silently wrong.
"""

from __future__ import annotations

import re

from jtbd.models import ForceKind
from jtbd.readers.base import (
    NoteResult,
    Problem,
    interview_data,
    interview_fields,
)
from jtbd.readers.markdown_lines import LineKind, MarkdownLine, scan_lines, starts_quote
from jtbd.readers.note_data import NoteData, OpenItem
from jtbd.readers.sections import SectionTracker
from jtbd.readers.text import frontmatter_line, split_frontmatter, split_lines
from jtbd.readers.vocabulary import (
    LABEL_LINE,
    HeadingMeaning,
    SectionKind,
    Vocabulary,
    default_vocabulary,
)

_TAG_WORD = re.compile(r"(?<![\w&#/])#([^\W\d][\w/-]*)")
_BRACKET_WORD = re.compile(r"^\[([^\W\d][\w/ -]*)\]")
# "**Anxiety**", "__Pull:__", "**Inertia / habits:**": a bold line standing for a heading.
_BOLD_LINE = re.compile(r"^(\*\*|__)(.+?):?\1:?$")
_CALLOUT = re.compile(r"^\[!([\w-]+)\][+-]?\s*(.*)$")
_SHORT = 48  # a pseudo-heading is short; longer lines are never looked up as one


def heading_text(text: str) -> str | None:
    """The title a line stands for when it is used as a heading, else None.

    ``**Anxiety**`` and ``Pull:`` are headings people type without ``#``.
    """
    if len(text) > _SHORT:
        return None
    bold = _BOLD_LINE.match(text)
    if bold is not None:
        return bold.group(2).strip()
    if text.endswith(":") and len(text.split()) <= 5:
        return text[:-1].strip()
    return None


class _NoteScanner(NoteData):
    """Walks the classified lines once, keeping the section it is in and the open item."""

    def __init__(self, path: str, source: str, vocabulary: Vocabulary) -> None:
        super().__init__(path, source, vocabulary)
        self.sections = SectionTracker(path)
        self.warnings = self.sections.warnings  # one list, sorted by line when read
        self.item: OpenItem | None = None
        self.list_indent: int | None = None
        self.paragraph: list[str] = []
        self.paragraph_line = 0
        self.previous_blank = True
        # The open item's last detail is a nested quote ("  - > ..."), continued by
        # its indented "> " lines.
        self.quote_detail = False

    @property
    def section(self) -> str:
        return self.sections.section

    def scan(self, lines: list[str], first: int) -> None:
        for line in scan_lines(lines, first):
            kind = line.kind
            if kind == LineKind.LIST_ITEM:
                self.list_item(line)
            elif kind == LineKind.TEXT:
                self.text_line(line)
            elif kind == LineKind.BLANK:
                self.blank()
                continue
            elif kind == LineKind.HEADING:
                self.open_section(self.heading_meaning(line), line, line.level)
                continue
            elif kind == LineKind.QUOTE:
                self.blockquote(line)
            elif kind == LineKind.COMMENT:
                continue  # not shown by any Markdown viewer: neither said nor noted
            else:  # code and thematic breaks end what is open; kept as free notes
                self.close()
                self.notes.append(line.raw)
                self.previous_blank = kind == LineKind.BREAK
                continue
            self.previous_blank = False
        self.close()
        self.sections.finish()

    # -- sections ---------------------------------------------------------------------

    def heading_meaning(self, line: MarkdownLine) -> HeadingMeaning:
        """What a heading opens; a misspelt force, job or timeline heading is read as the
        one it is close to, with a warning that says so."""
        return self.near_heading(line, line.text) or self.words.classify_heading(line.text)

    def near_heading(self, line: MarkdownLine, title: str) -> HeadingMeaning | None:
        """The heading ``title`` is a typo of, said in a warning; None if it is none."""
        near = self.words.near_heading(title)
        if near is None:
            return None
        message = f"heading {title!r} read as {near[1]!r} (a typo?): fix it to silence this"
        self.sections.warnings.append(Problem(self.sections.path, message, line.number))
        return near[0]

    def open_section(self, meaning: HeadingMeaning, line: MarkdownLine, level: int) -> None:
        self.close()
        title = line.text if line.kind == LineKind.HEADING else (heading_text(line.text) or "")
        self.sections.open(meaning, title or line.text, line.number, level)
        self.collect_statements = not meaning.researcher_notes
        if meaning.section == SectionKind.OTHER:
            self.notes.append(line.raw)
        self.previous_blank = True

    def pseudo_heading(self, line: MarkdownLine) -> bool:
        """Open a section for a line typed as a heading ("Pull:", "**Anxiety**", "2. Pull",
        or "PUSH" alone on its line)."""
        if "#" in line.text:
            return False
        level = self.sections.level + 1 if self.section != SectionKind.OTHER else 7
        title = heading_text(line.text)
        if title is None and line.kind == LineKind.LIST_ITEM and len(line.text) <= _SHORT:
            title = line.text
        if title is None and line.kind == LineKind.TEXT and len(line.text) <= _SHORT:
            # A heading typed bare counts only when it names one: else its items would be
            # filed under the force before it.
            bare = line.text.rstrip(" -\u2013\u2014")
            if len(bare.split()) <= 4:
                meaning = self.words.classify_heading(bare)
                if meaning.section != SectionKind.OTHER:
                    self.open_section(meaning, line, level)
                    return True
        if not title:
            return False
        meaning = self.words.classify_heading(title)
        if meaning.section == SectionKind.OTHER and line.kind == LineKind.TEXT:
            # "**Pul**" or "Anxeity:" typed as a heading, misspelt; never a short list item
            meaning = self.near_heading(line, title) or meaning
        if meaning.section != SectionKind.OTHER:
            self.open_section(meaning, line, level)
            return True
        # Not understood: a bold line, or "Pricing worries:" that names a force, opens
        # free notes with a warning; a plain "Example:" line is just text.
        typed = line.kind == LineKind.TEXT and (
            _BOLD_LINE.match(line.text) is not None or bool(meaning.mentions)
        )
        if not typed:
            return False
        self.close()
        self.sections.open(meaning, title, line.number, level, typed=True)
        self.collect_statements = True
        self.notes.append(line.raw)
        self.previous_blank = True
        return True

    # -- line kinds -------------------------------------------------------------------

    def blank(self) -> None:
        self.flush_paragraph()
        self.flush_free()
        if self.item is not None and self.item.role != SectionKind.FORCE:
            self.close_item()
        self.previous_blank = True
        self.notes.append("")

    def list_item(self, line: MarkdownLine) -> None:
        if self.paragraph:
            self.flush_paragraph()
        content, indent = line.text, line.indent
        names_force = self.names_force(content)
        nested = self.list_indent is not None and indent > self.list_indent
        self.quote_detail = False
        if nested and self.item is not None and not names_force:
            self.detail_item(self.item, content)
            return
        if starts_quote(content):
            self.quoted_item(line)
            return
        if self.item is not None:
            self.close_item()
        if not names_force and self.pseudo_heading(line):
            self.list_indent = None  # its nested items are the section's items
            return
        if not nested:
            self.list_indent = indent
        if not content:
            return
        label = self.label_force(content)
        if label is not None:
            self.item = OpenItem(SectionKind.FORCE, line.number, indent, label[0], [label[1]])
        elif names_force:
            self.item = OpenItem(SectionKind.FORCE, line.number, indent, parts=[content])
        elif self.section == SectionKind.OTHER:
            self.keep_free(line.raw, line.number, content)
        else:
            kind = self.sections.kind
            self.item = OpenItem(self.section, line.number, indent, kind, [content])

    def detail_item(self, item: OpenItem, content: str) -> None:
        """A nested list item: detail of the open item; a nested quote's words only."""
        if not starts_quote(content):
            item.detail.append(content)
            return
        text = content.lstrip(">").strip()
        if text.startswith("[!") and _CALLOUT.match(text):
            text = ""  # a callout's header: the quoted words follow on its "> " lines
        item.detail.append(text)
        self.quote_detail = True

    def quoted_item(self, line: MarkdownLine) -> None:
        """A list item holding a blockquote or callout (``- > [!quote] Bea``).

        Read as the same quote outside a list, so the callout's header never becomes a
        force or a statement; its indented ``>`` lines continue it as they would there,
        and its nested list items are the quote's detail, as under any item.
        """
        if self.item is not None:
            self.close_item()
        text = line.text.lstrip(">").strip()
        self.blockquote(MarkdownLine(line.number, line.raw, LineKind.QUOTE, text))
        self.list_indent = line.indent  # its nested items are the quote's detail

    def blockquote(self, line: MarkdownLine) -> None:
        self.flush_paragraph()
        content = line.text
        callout = _CALLOUT.match(content) if content.startswith("[!") else None
        item = self.item
        if callout is None and item is not None and not self.previous_blank:
            if item.quote:
                item.parts.append(content)
                return
            if self.quote_detail and self.indent_of(line.raw) > (self.list_indent or 0):
                item.detail[-1] = f"{item.detail[-1]} {content}".strip()
                return
        self.close()
        if callout is not None:
            # "> [!quote] Anna": the marker and the speaker's name are not the quote.
            kind = self.words.force_for_tag(callout.group(1)) or self.sections.kind
            if self.section == SectionKind.FORCE or kind is not None:
                self.item = OpenItem(SectionKind.FORCE, line.number + 1, 0, kind, quote=True)
            else:
                self.keep_free(line.raw, line.number)
            return
        if not content:
            return
        if self.section == SectionKind.FORCE or self.names_force(content):
            self.item = OpenItem(SectionKind.FORCE, line.number, 0, self.sections.kind, quote=True)
            self.item.parts.append(content)
        elif self.section in (SectionKind.JOBS, SectionKind.TIMELINE):
            self.text_line(line, content)
        else:
            self.keep_free(line.raw, line.number, content)

    def text_line(self, line: MarkdownLine, stripped: str | None = None) -> None:
        text = line.text if stripped is None else stripped
        names_force = self.names_force(text)
        if self.item is not None and not self.previous_blank and not names_force:
            if heading_text(text) is None or not self.pseudo_heading(line):
                self.item.parts.append(text)  # a wrapped line of the open item
            return
        self.close_item()
        if not names_force and self.pseudo_heading(line):
            return
        label = self.label_force(text)
        if label is not None or names_force:
            self.flush_paragraph()
            kind, body = label if label is not None else (None, text)
            self.item = OpenItem(SectionKind.FORCE, line.number, 0, kind, [body])
            self.close_item()
        elif self.section == SectionKind.JOBS:
            if not self.paragraph:
                self.paragraph_line = line.number
            self.paragraph.append(text)
        elif self.section == SectionKind.TIMELINE and ":" in text:
            self.item = OpenItem(SectionKind.TIMELINE, line.number, 0, parts=[text])
            self.close_item()
        else:
            if self.section in (SectionKind.FORCE, SectionKind.TIMELINE):
                what = "a force" if self.section == SectionKind.FORCE else "a timeline stage"
                self.warn(
                    f"text that is not a list item is kept as free notes, not {what}", line.number
                )
            if self.previous_blank:
                self.sections.free_paragraph()
            self.notes.append(line.raw)
            if self.section != SectionKind.TIMELINE:
                self.free_block.append((line.number, text))

    def names_force(self, text: str) -> bool:
        """True when a line is a force on its own: a force #tag or a [push]-style prefix."""
        if "#" in text:
            for match in _TAG_WORD.finditer(text):
                if self.words.force_for_tag(match.group(1)) is not None:
                    return True
        if text.startswith("[") and not text.startswith("[["):
            bracket = _BRACKET_WORD.match(text)
            return bracket is not None and self.words.force_for_tag(bracket.group(1)) is not None
        return False

    def label_force(self, text: str) -> tuple[ForceKind, str] | None:
        """A force named before its text: ``Push: the old tool crashed``."""
        if ":" not in text or self.section == SectionKind.TIMELINE:
            return None
        match = LABEL_LINE.match(text)
        if match is None:
            return None
        meaning = self.words.classify_heading(match.group(1))
        if meaning.kind is None or meaning.section != SectionKind.FORCE:
            return None
        return meaning.kind, match.group(2).strip()

    @staticmethod
    def indent_of(raw: str) -> int:
        """Columns before a line's first character (tabs count 4, as for list markers)."""
        expanded = raw.expandtabs(4) if "\t" in raw else raw
        return len(expanded) - len(expanded.lstrip())

    def keep_free(self, raw: str, number: int, text: str = "") -> None:
        """Keep a line as free notes, counted so the section's warning can say how many."""
        self.sections.free_item(number)
        self.notes.append(raw)
        self.flush_free()
        if text:  # wrapped lines that follow join it, until a blank line or the next item
            self.free_block.append((number, text))

    # -- closing what is open -----------------------------------------------------------

    def close(self) -> None:
        self.flush_paragraph()
        self.flush_free()
        self.close_item()
        self.list_indent = None

    def flush_paragraph(self) -> None:
        if self.paragraph:
            self.add_job(" ".join(self.paragraph), self.paragraph_line)
            self.paragraph = []

    def close_item(self) -> None:
        item, self.item = self.item, None
        self.quote_detail = False
        if item is None or not item.parts:
            return
        if "" in item.detail:  # a nested callout's header with no words under it
            item.detail = [detail for detail in item.detail if detail]
        text = " ".join(item.parts)
        if item.role == SectionKind.FORCE:
            self.add_force(item, text)
        elif item.role == SectionKind.JOBS:
            self.add_job(text, item.line)
            self.notes.extend(f"  - {detail}" for detail in item.detail)
        else:
            self.add_timeline(item, text)


class MarkdownReader:
    """Reads ``.md`` and ``.markdown`` notes."""

    extensions = (".md", ".markdown")

    def __init__(self, vocabulary: Vocabulary | None = None) -> None:
        self.vocabulary = vocabulary

    def read(self, text: str, path: str, source: str, default_id: str) -> NoteResult:
        """Parse the text of a Markdown note into an Interview."""
        words = self.vocabulary or default_vocabulary()
        lines = split_lines(text)
        frontmatter = split_frontmatter(lines, path)
        fields, warnings = interview_fields(
            frontmatter.data,
            path,
            lambda key: frontmatter_line(lines, frontmatter.body_start, key),
            vocabulary=words,
        )
        warnings = frontmatter.warnings + warnings
        scanner = _NoteScanner(path, source, words)
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
        data["statements"] = scanner.statements
        # A section's warning is made when it closes, after warnings from inside it.
        in_body = sorted(scanner.warnings, key=lambda problem: problem.line or 0)
        result = NoteResult(data, warnings + in_body)
        result.free_note_items = scanner.sections.free_items
        return result


def _tidy_notes(lines: list[str]) -> str:
    """Join free-note lines, collapsing runs of blank lines left by consumed sections."""
    tidy: list[str] = []
    for line in lines:
        if line.strip() or (tidy and tidy[-1].strip()):
            tidy.append(line.rstrip())
    return "\n".join(tidy).strip()
