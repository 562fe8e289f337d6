"""What a Markdown note's scanner collects: forces, jobs, timeline, free-text statements.

The scanner (``markdown.py``) decides what each line is; this class turns the items it
closes into the JSON-ready dicts of the models, and keeps the warnings about them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from jtbd.models import ForceKind
from jtbd.readers.base import (
    FORCE_TEMPLATE,
    JOB_TEMPLATE,
    STATEMENT_TEMPLATE,
    TIMELINE_TEMPLATE,
    Problem,
)
from jtbd.readers.transcripts.sentences import split_sentences
from jtbd.readers.vocabulary import Vocabulary, is_placeholder, parse_job, parse_tagged_text


@dataclass(slots=True)
class OpenItem:
    """A list item, blockquote or tagged line being collected until it ends."""

    role: str  # SectionKind.FORCE, JOBS or TIMELINE
    line: int
    indent: int
    kind: ForceKind | None = None
    parts: list[str] = field(default_factory=list)
    detail: list[str] = field(default_factory=list)
    quote: bool = False


class NoteData:
    """The interview data of one note as its items are closed, in note order."""

    def __init__(self, path: str, source: str, vocabulary: Vocabulary) -> None:
        self.path = path
        self.source = source
        self.words = vocabulary
        # JSON-ready dicts built from the models' templates: ingest writes them as JSON
        # without building a model per force (see NoteResult).
        self.forces: list[dict[str, Any]] = []
        self.jobs: list[dict[str, Any]] = []
        self.timeline: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.warnings: list[Problem] = []
        self.placeholders: list[tuple[int, str]] = []  # (line, text) left from the template
        # Free text no one coded, as sentences with their lines: what `jtbd suggest` reads.
        self.statements: list[dict[str, Any]] = []
        self.free_block: list[tuple[int, str]] = []
        # False under a heading of the researcher's own notes ("Observations"): those
        # words are an analysis, not the participant's, and must never become evidence.
        self.collect_statements = True

    def flush_free(self) -> None:
        """The free text collected so far becomes sentence statements, each with its line."""
        block, self.free_block = self.free_block, []
        if not block or not self.collect_statements:
            return
        starts, text = [], ""
        for number, part in block:
            starts.append((len(text), number))
            text = f"{text} {part}" if text else part
        for offset, sentence in split_sentences(text):
            line = next(number for start, number in reversed(starts) if start <= offset)
            tagged = parse_tagged_text(sentence, self.words)
            # A label left alone ("Recording:") says nothing a suggester could weigh.
            if len(tagged.text.split()) >= 3 and not is_placeholder(tagged.text):
                statement = STATEMENT_TEMPLATE.copy()
                statement.update(text=tagged.text, source=self.source, line=line)
                self.statements.append(statement)

    def add_force(self, item: OpenItem, text: str) -> None:
        tagged = parse_tagged_text(text, self.words)
        kind = tagged.kind or item.kind
        if kind is None or not tagged.text:
            self.warn("a force tag with no text: kept as free notes", item.line)
            self.notes.append(text)
            return
        if tagged.text[0] == "(" and is_placeholder(tagged.text):
            self.placeholder(text, item.line)
            return
        if tagged.also:
            others = ", ".join(f"#{other._value_}" for other in tagged.also)
            message = f"tagged {others} too: read as {kind._value_} (one force per item)"
            self.warn(message, item.line)
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
        parts = parse_job(text, self.words)
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

    def add_timeline(self, item: OpenItem, text: str) -> None:
        label, _, rest = text.partition(":")
        stage = self.words.stage_for_label(label) if rest else None
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
        event = TIMELINE_TEMPLATE.copy()
        event.update(
            stage=stage.value,
            text=" ".join([rest.strip(), *item.detail]),
            source=self.source,
            line=item.line,
        )
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
