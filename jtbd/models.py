"""The public data model: what an interview note becomes after ingest.

These pydantic models are the contract between the readers (files -> models), the
workspace store, the exports and the report. They are documented in the README.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

# Attribute values as they come from YAML, after dates became ISO strings.
AttributeValue = str | int | float | bool | None | list[str | int | float | bool | None]


class ForceKind(str, Enum):
    """The four forces of progress."""

    PUSH = "push"
    """Push of the situation: what makes the present intolerable."""
    PULL = "pull"
    """Pull of the new solution: what attracts people to it."""
    ANXIETY = "anxiety"
    """Anxiety of the new solution: what makes people afraid to switch."""
    INERTIA = "inertia"
    """Inertia, or habit of the present: what keeps people where they are."""

    @property
    def drives_switch(self) -> bool:
        """Push and pull drive a switch; anxiety and inertia hold it back."""
        return self in (ForceKind.PUSH, ForceKind.PULL)


class SwitchStage(str, Enum):
    """The stages of the JTBD switch timeline, in order."""

    FIRST_THOUGHT = "first_thought"
    PASSIVE_LOOKING = "passive_looking"
    ACTIVE_LOOKING = "active_looking"
    DECIDING = "deciding"
    FIRST_USE = "first_use"
    ONGOING_USE = "ongoing_use"

    @property
    def label(self) -> str:
        """Human label, e.g. "first thought"."""
        return self.value.replace("_", " ")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Force(_Model):
    """One force statement from an interview, with where it was written."""

    kind: ForceKind
    text: str
    quote: bool = False
    """True when the text is the participant's verbatim words."""
    intensity: int | None = Field(default=None, ge=1, le=5)
    tags: list[str] = Field(default_factory=list)
    """The user's own ``#tags`` on this force (lower case, without ``#``)."""
    detail: list[str] = Field(default_factory=list)
    """Nested list items under the force: detail, not separate forces."""
    source: str = ""
    line: int | None = None
    start: float | None = None
    """Seconds into the recording where the statement starts (transcripts only)."""
    origin: Literal["coded", "suggested"] = "coded"
    """``coded`` when the researcher tagged it; ``suggested`` when ``jtbd suggest`` proposed it."""
    confidence: float | None = None
    """The suggester's confidence (0-1) for a suggested force; None for a coded one."""


Role = Literal["interviewer", "participant"]


class Turn(_Model):
    """One speaker's uninterrupted turn in a transcript (consecutive cues merged)."""

    speaker: str | None = None
    """The speaker's label as the transcript gives it; None when it has no labels."""
    role: Role = "participant"
    start: float | None = None
    """Seconds from the start of the recording; None where the format has no times."""
    end: float | None = None
    text: str
    source: str = ""
    line: int | None = None
    """The line where the turn's text starts."""


class Statement(_Model):
    """One sentence of a participant's turn: what the suggester and themes work on."""

    text: str
    speaker: str | None = None
    turn: int | None = None
    """Index of the turn in ``Interview.turns`` it comes from; None for a note's free text."""
    start: float | None = None
    source: str = ""
    line: int | None = None


def job_sentence(when: str, want: str, so: str | None) -> str:
    """The canonical form: "When <when>, I want to <want>, so I can <so>."."""
    text = f"When {when}, I want to {want}"
    return text + (f", so I can {so}." if so else ".")


class JobStatement(_Model):
    """A job statement: "When <when>, I want to <want>, so I can <so>"."""

    text: str
    """The statement as written."""
    when: str | None = None
    want: str | None = None
    so: str | None = None
    source: str = ""
    line: int | None = None

    @property
    def is_structured(self) -> bool:
        """True when the statement was parsed into its when/want parts."""
        return self.when is not None and self.want is not None


class TimelineEvent(_Model):
    """One stage of the switch timeline as the participant told it."""

    stage: SwitchStage
    text: str
    source: str = ""
    line: int | None = None


class Interview(_Model):
    """One interview: metadata, forces, job statements, timeline and free notes."""

    id: str
    participant: str | None = None
    date: dt.date | None = None
    interviewer: str | None = None
    consent: bool | None = None
    """None when the note does not say; only ``False`` excludes an interview from reports."""
    consent_text: str | None = None
    """Consent as written when it was not a plain true/false ("verbal", "maybe")."""
    switched_from: str | None = None
    switched_to: str | None = None
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)
    """Every other frontmatter key: participant attributes, used as report segments."""
    source: str
    """Path of the note, relative to the folder that was ingested (POSIX separators)."""
    forces: list[Force] = Field(default_factory=list)
    jobs: list[JobStatement] = Field(default_factory=list)
    timeline: list[TimelineEvent] = Field(default_factory=list)
    notes: str = ""
    """Everything in the note that is not one of the above, so nothing is lost."""
    turns: list[Turn] = Field(default_factory=list)
    """A transcript's speakers' turns, in order; empty for a note."""
    statements: list[Statement] = Field(default_factory=list)
    """Participant turns split into sentences, each with its own line and time."""

    def forces_of(self, kind: ForceKind) -> list[Force]:
        """The forces of one kind, in note order."""
        return [force for force in self.forces if force.kind is kind]

    @property
    def has_content(self) -> bool:
        """True when the note holds any forces, jobs or timeline, or is a transcript."""
        return bool(self.forces or self.jobs or self.timeline or self.turns)
