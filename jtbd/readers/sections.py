"""Which section of a note a line is in, and the warnings for what is kept as free notes.

A note's items are interview data only under a force, job or timeline heading. Items
anywhere else are kept as free notes, never dropped; one warning per section says so,
with the heading's line, so a researcher sees what the report will not count.
"""

from __future__ import annotations

from jtbd.models import ForceKind
from jtbd.readers.base import Problem
from jtbd.readers.vocabulary import HeadingMeaning, SectionKind


def _names(kinds: tuple[ForceKind, ...]) -> str:
    return " and ".join(kind.value for kind in kinds)


class SectionTracker:
    """The section being read, and the free-notes items counted in it."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.warnings: list[Problem] = []
        self.section = SectionKind.OTHER
        self.kind: ForceKind | None = None
        self.level = 0
        self.free_items = 0
        """List items, quotes and paragraphs kept as free notes in the whole note."""
        self._title: str | None = None
        self._line: int | None = None
        self._mentions: tuple[ForceKind, ...] = ()
        self._typed = False  # a bold line or "Label:" standing for a heading
        self._free_by_intent = False
        self._section_items = 0
        self._first_item_line: int | None = None

    def open(
        self, meaning: HeadingMeaning, title: str, line: int, level: int, typed: bool = False
    ) -> None:
        """A heading (or a line used as one) starts a new section."""
        self.finish()
        self.section, self.kind, self.level = meaning.section, meaning.kind, level
        self._title, self._line, self._mentions, self._typed = title, line, meaning.mentions, typed
        self._free_by_intent = meaning.free_notes

    def free_item(self, line: int) -> None:
        """A list item or quote kept as free notes in this section."""
        self.free_items += 1
        self._section_items += 1
        if self._first_item_line is None:
            self._first_item_line = line

    def free_paragraph(self) -> None:
        """A paragraph kept as free notes: counted, but prose is what free notes are for."""
        self.free_items += 1

    def finish(self) -> None:
        """Warn about the items the section kept as free notes, if any."""
        count, self._section_items = self._section_items, 0
        first, self._first_item_line = self._first_item_line, None
        if self.section != SectionKind.OTHER or self._free_by_intent:
            return
        if self._typed:
            message = self._typed_heading_message(count)
            self.warnings.append(Problem(self.path, message, self._line))
            self._typed = False
            return
        if not count:
            return
        items = "1 list item" if count == 1 else f"{count} list items"
        if self._title is None:
            message = f"{items} before any force, job or timeline heading kept as free notes"
            self.warnings.append(Problem(self.path, message, first))
            return
        title = self._title
        if len(self._mentions) > 1:
            advice = f"it names {_names(self._mentions)}: give each force its own heading"
        elif self._mentions:
            kind = self._mentions[0].value
            advice = f"not a force heading (other words): call it {kind!r} or tag them #{kind}"
        else:
            advice = "not a force, job or timeline heading"
        self.warnings.append(
            Problem(self.path, f"{items} under {title!r} kept as free notes ({advice})", self._line)
        )

    def _typed_heading_message(self, count: int) -> str:
        items = "item" if count == 1 else "items"
        what = f"it and the {count} {items} after it are" if count else "it is"
        mentioned = f" (it names {_names(self._mentions)})" if self._mentions else ""
        return (
            f"{self._title!r} looks like a heading but is not a force, job or timeline "
            f"heading{mentioned}: {what} kept as free notes"
        )
