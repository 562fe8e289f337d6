"""The schema of the guide data files, as pydantic models.

``Guide`` is one ``<type>[.<lang>].yaml`` question bank; ``Common`` is the shared text of a
language (``_common[.<lang>].yaml``). Unknown keys are errors and nothing is coerced, so a
typo or a wrong type is reported with its field instead of silently ignored.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

TYPE_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

Text = Annotated[str, Field(min_length=1)]
Minutes = Annotated[int, Field(ge=1)]
Stage = Literal[
    "first_thought", "passive_looking", "active_looking", "deciding", "first_use", "ongoing_use"
]
ForceName = Literal["push", "pull", "anxiety", "inertia"]


class StrictData(BaseModel):
    """Base of the data-file models: unknown keys are errors, nothing is coerced."""

    # strict: YAML already gives native types, so "5" for minutes is a mistake to report.
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Question(StrictData):
    """One question of a guide, with its follow-up probes, length and priority."""

    id: Annotated[str, Field(pattern=TYPE_NAME.pattern)]
    text: Text
    probes: list[Text] = Field(default_factory=list)
    minutes: Minutes
    priority: Annotated[int, Field(ge=1, le=3)]
    """1 = must ask, 2 = should ask, 3 = nice to have."""


class GuideSection(StrictData):
    """A part of an interview guide: a title, notes for the interviewer, its questions."""

    title: Text
    notes: str = ""
    questions: Annotated[list[Question], Field(min_length=1)]

    @property
    def minutes(self) -> int:
        """The estimated length of the section."""
        return sum(question.minutes for question in self.questions)


class Consent(StrictData):
    """The consent and ethics script read before the interview starts."""

    title: Text
    intro: str = ""
    script: Annotated[list[Text], Field(min_length=1)]
    checklist: list[Text] = Field(default_factory=list)


class NotesOverride(StrictData):
    """What a guide changes in its matching notes template; the rest comes from _common."""

    product_field: Literal["switched_from", "switched_to"] | None = None
    """The frontmatter key ``--product`` fills (a churner switched *from* the product)."""
    attributes: list[Annotated[str, Field(pattern=TYPE_NAME.pattern)]] = Field(default_factory=list)
    """Extra frontmatter keys, e.g. company_size: participant attributes for report segments."""
    comments: dict[str, Text] = Field(default_factory=dict)
    forces: dict[ForceName, list[Text]] = Field(default_factory=dict)
    jobs: list[Text] | None = None
    timeline: dict[Stage, Text] = Field(default_factory=dict)


class Guide(StrictData):
    """A question bank of one guide type in one language."""

    type: Annotated[str, Field(pattern=TYPE_NAME.pattern)]
    title: Text
    description: Text
    minutes: Minutes | None = None
    """Accepted so that older files still load, and otherwise ignored: a guide's length is
    always ``question_minutes``, so ``--list`` and the guide itself show one number."""
    consent: Consent | None = None
    """A script of this guide's own, e.g. a short one for intercepts; else _common's."""
    sections: Annotated[list[GuideSection], Field(min_length=1)]
    notes_template: NotesOverride = NotesOverride()

    @property
    def questions(self) -> list[Question]:
        """Every question, in guide order."""
        return [question for section in self.sections for question in section.questions]

    @property
    def question_minutes(self) -> int:
        """The estimated length of all the questions."""
        return sum(section.minutes for section in self.sections)


class Labels(StrictData):
    """The words a rendered guide needs around the question text, per language."""

    product: Text
    job: Text
    length: Text
    about_minutes: Text
    """E.g. "about {n} minutes"."""
    section_minutes: Text
    """E.g. "about {n} min"."""
    optional: Text
    note: Text
    dropped: Text
    """E.g. "Dropped to fit {budget} minutes: {count} questions ({ids})."."""


class Reminders(StrictData):
    """The interviewer reminders that matter in JTBD interviews."""

    title: Text
    items: Annotated[list[Text], Field(min_length=1)]


class TimelineText(StrictData):
    """A placeholder for each stage of the switch timeline."""

    first_thought: Text
    passive_looking: Text
    active_looking: Text
    deciding: Text
    first_use: Text
    ongoing_use: Text


class NotesText(StrictData):
    """The text of the notes template shared by every guide of a language."""

    title: Text
    context_title: Text
    context: Annotated[list[Text], Field(min_length=1)]
    comments: dict[str, Text] = Field(default_factory=dict)
    """A YAML comment per frontmatter key, telling the note taker what goes there."""
    forces: dict[ForceName, Annotated[list[Text], Field(min_length=1)]]
    jobs: Annotated[list[Text], Field(min_length=1)]
    timeline: TimelineText


class Defaults(StrictData):
    """What ``{product}`` and ``{job}`` become when the user does not name them."""

    product: Text
    job: Text


class Common(StrictData):
    """The text every guide of one language shares."""

    defaults: Defaults
    labels: Labels
    consent: Consent
    reminders: Reminders
    notes_template: NotesText
