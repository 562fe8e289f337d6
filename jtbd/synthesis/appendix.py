"""The report's appendix: one line per interview, as its note describes it."""

from __future__ import annotations

from dataclasses import dataclass

from jtbd.models import ForceKind, Interview, SwitchStage
from jtbd.synthesis.balance import switch_text
from jtbd.synthesis.jobs import format_job
from jtbd.synthesis.scope import NOT_SEGMENTS, attribute_text


@dataclass
class InterviewSummary:
    """One line per interview for the appendix."""

    id: str
    name: str | None
    date: str | None
    segments: dict[str, str]
    switched_from: str | None
    switched_to: str | None
    counts: dict[str, int]
    job: str | None
    first_thought: str | None
    source: str

    @property
    def switch(self) -> str:
        """The switch as the note records it: "SageDesk → Ledgerly", "not recorded"."""
        return switch_text(self.switched_from, self.switched_to)


def interview_summary(interview: Interview, show_names: bool) -> InterviewSummary:
    """The appendix line of one interview; the participant's name only with ``show_names``."""
    first_thought = next(
        (e.text for e in interview.timeline if e.stage is SwitchStage.FIRST_THOUGHT), None
    )
    return InterviewSummary(
        id=interview.id,
        name=interview.participant if show_names else None,
        date=interview.date.isoformat() if interview.date else None,
        segments={
            k: attribute_text(v)
            for k, v in sorted(interview.attributes.items())
            if k not in NOT_SEGMENTS
        },
        switched_from=interview.switched_from,
        switched_to=interview.switched_to,
        counts={kind.value: len(interview.forces_of(kind)) for kind in ForceKind},
        job=format_job(interview.jobs[0]) if interview.jobs else None,
        first_thought=first_thought,
        source=interview.source,
    )
