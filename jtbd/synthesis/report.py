"""The report aggregates: everything a template needs, computed once, in a fixed order.

``build_report`` is a pure function of the interviews and options: the same notes always
give the same report (no clock, no randomness, explicit sort orders everywhere).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jtbd.bulk import paused_gc
from jtbd.errors import JtbdError
from jtbd.models import Force, ForceKind, Interview, SwitchStage
from jtbd.synthesis.appendix import InterviewSummary, interview_summary
from jtbd.synthesis.balance import Balance, build_balance
from jtbd.synthesis.embedding_cache import Embedder
from jtbd.synthesis.jobs import JobGroup, group_jobs, job_text
from jtbd.synthesis.quotes import Quote
from jtbd.synthesis.saturation import Saturation, build_saturation
from jtbd.synthesis.scope import (
    Scope,
    build_scope,
    exclusion_reasons,
    segment_lookup,
    split_scope,
    without_suggestions,
)
from jtbd.synthesis.themes import Embed, Grouper, Statement, Theme, meaning_grouper

# Suggested forces below this confidence stay out of reports unless asked for: on unseen
# sources fewer than half of the suggestions below 0.4 are right, even counting a
# defensible second label, against half to 6 in 10 above it (bench/bench_suggest.py), and
# a diagram drawn from guesses misleads. They all stay in the review files and exports.
MIN_CONFIDENCE = 0.4

FORCE_TITLES = {
    ForceKind.PUSH: "Push of the situation",
    ForceKind.PULL: "Pull of the new solution",
    ForceKind.ANXIETY: "Anxiety of the new solution",
    ForceKind.INERTIA: "Habit of the present",
}


@dataclass
class ThemeSummary:
    """A theme as reported: label, n of N interviews, representative quotes, and every
    statement behind it (so each one can be traced to its note)."""

    label: str
    interviews: list[str]
    quotes: list[Quote]
    tag: str | None = None
    by_segment: dict[str, int] = field(default_factory=dict)
    mentions: int = 0
    """Statements in the theme (an interview may make several)."""
    suggested: int = 0
    """Of those, how many the suggester proposed and no one has reviewed yet."""
    statements: list[dict[str, Any]] = field(default_factory=list)
    """``{text, interview, source, line, origin}`` of every statement, in a stable order."""

    @property
    def count(self) -> int:
        """How many distinct interviews mention the theme."""
        return len(self.interviews)

    def to_dict(self) -> dict[str, Any]:
        """As JSON-ready data."""
        data: dict[str, Any] = {
            "label": self.label,
            "tag": self.tag,
            "interviews": self.interviews,
            "count": self.count,
            "mentions": self.mentions,
            "suggested": self.suggested,
            "quotes": [q.to_dict() for q in self.quotes],
            "statements": self.statements,
        }
        if self.by_segment:
            data["by_segment"] = self.by_segment
        return data


@dataclass
class ForceSummary:
    """One of the four forces: its themes and how many interviews mention it at all."""

    kind: ForceKind
    title: str
    mentions: int
    interviews: int
    themes: list[ThemeSummary]
    suggested: int = 0
    """Statements the suggester proposed (unreviewed), counted in ``mentions``."""

    @property
    def recurring(self) -> list[ThemeSummary]:
        """Themes mentioned by at least two interviews."""
        return [theme for theme in self.themes if theme.count >= 2]

    @property
    def single(self) -> list[ThemeSummary]:
        """Themes mentioned by one interview only."""
        return [theme for theme in self.themes if theme.count < 2]


@dataclass
class StageSummary:
    """How many interviews describe one stage of the switch timeline."""

    stage: SwitchStage
    count: int
    triggers: list[ThemeSummary] = field(default_factory=list)


@dataclass
class Report:
    """Everything a report template shows, in reading order."""

    title: str
    scope: Scope
    forces: dict[str, ForceSummary]
    balance: Balance
    jobs: list[JobGroup]
    timeline: list[StageSummary]
    saturation: Saturation
    appendix: list[InterviewSummary]
    by: str | None = None
    segment_sizes: dict[str, int] = field(default_factory=dict)
    """Interviews per value of the ``--by`` attribute, in value order."""
    show_names: bool = False

    @property
    def themes_caveat(self) -> str | None:
        """What to know before quoting a shared theme no ``#tag`` names (None if none)."""
        grouped = sum(1 for f in self.forces.values() for t in f.recurring if t.tag is None)
        if not grouped:
            return None
        # Measured in bench/themes/: on statements written as people talk, most pairs the
        # model put together did not belong together.
        return (
            f"{grouped} shared theme{'s were' if grouped != 1 else ' was'} grouped by the "
            "sentence model, not by a #tag. It joins statements worded alike: it misses many "
            "paraphrases and can join two statements that only share a word. Read a theme's "
            "statements before quoting its count, and #tag the themes that matter."
        )

    @property
    def segment_values(self) -> list[str]:
        """The values of the ``--by`` attribute, in order (empty without ``--by``)."""
        return list(self.segment_sizes)

    def to_dict(self) -> dict[str, Any]:
        """The documented JSON contract of ``jtbd report --format json``."""
        return {
            "title": self.title,
            "interviews": self.scope.included,
            "excluded": [
                {"interview": e.interview, "reason": e.reason} for e in self.scope.excluded
            ],
            "scope": {
                "date_from": self.scope.date_from,
                "date_to": self.scope.date_to,
                "undated": self.scope.undated,
                "segments": self.scope.segments,
                "switched": self.scope.switched,
                "switch_not_recorded": self.scope.switch_not_recorded,
                "consent_unknown": self.scope.consent_unknown,
                "suggested": self.scope.suggested,
                "coded_only": self.scope.coded_only,
                "suggested_left_out": self.scope.suggested_left_out,
                "min_confidence": self.scope.min_confidence,
                "suggested_below_confidence": self.scope.below_confidence,
            },
            "by": self.by,
            "segments": self.segment_sizes if self.by else {},
            "forces": {
                name: {
                    "title": force.title,
                    "mentions": force.mentions,
                    "interviews": force.interviews,
                    "suggested": force.suggested,
                    "themes": [theme.to_dict() for theme in force.themes],
                }
                for name, force in self.forces.items()
            },
            "balance": self.balance.to_dict(),
            "jobs": [
                {
                    "statement": job.statement,
                    "when": job.when,
                    "want": job.want,
                    "so": job.so,
                    "count": job.count,
                    "interviews": job.interviews,
                    "sources": [
                        Quote(s.text, s.interview, s.source, s.line).to_dict() for s in job.sources
                    ],
                }
                for job in self.jobs
            ],
            "timeline": [
                {
                    "stage": stage.stage.value,
                    "count": stage.count,
                    "triggers": [t.to_dict() for t in stage.triggers],
                }
                for stage in self.timeline
            ],
            "saturation": self.saturation.to_dict(),
        }


def build_report(
    interviews: Sequence[Interview],
    by: str | None = None,
    show_names: bool = False,
    title: str = "Forces of progress",
    coded_only: bool = False,
    embedding_cache: Path | None = None,
    min_confidence: float = MIN_CONFIDENCE,
) -> Report:
    """Aggregate interviews into a report. Raises JtbdError when nothing can be reported.

    With ``coded_only``, forces ``jtbd suggest`` proposed (``origin: suggested``) are left
    out, as if they had never been suggested; the scope counts them. Without it, the
    suggested forces below ``min_confidence`` are left out and counted. ``embedding_cache``
    is a folder (the workspace's) where sentence embeddings are kept between runs; without
    it they are computed every time. The report is the same either way.
    """
    if not interviews:
        raise JtbdError("no interviews to report: run `jtbd ingest NOTES/` or pass a notes folder")
    with paused_gc(), Embedder(embedding_cache) as embedder:
        threshold = None if coded_only else min_confidence
        return _build(interviews, by, show_names, title, threshold, embedder.embed)


def _build(
    interviews: Sequence[Interview],
    by: str | None,
    show_names: bool,
    title: str,
    min_confidence: float | None,
    embed: Embed,
) -> Report:
    """The report; ``min_confidence`` None means coded forces only."""
    coded_only = min_confidence is None
    left_out = 0
    if coded_only or min_confidence:
        interviews, left_out = without_suggestions(interviews, min_confidence)
    included, excluded = split_scope(interviews, coded_only)
    if not included:
        reasons = exclusion_reasons(excluded)
        raise JtbdError(f"no interviews to report: all {len(excluded)} were excluded ({reasons})")
    segment_of = segment_lookup(included, by)
    forces_texts, jobs_texts, triggers_texts = _grouped_texts(included)
    embed(sorted({*forces_texts, *jobs_texts, *triggers_texts}))  # one batch: one model run
    # Each kind of statement is compared around its own common direction: job statements
    # all share "I want to ... so I can", first thoughts all start with a date.
    group = meaning_grouper(forces_texts, embed)
    forces = {kind.value: _force_summary(kind, included, segment_of, group) for kind in ForceKind}
    sizes = Counter(value for values in segment_of.values() for value in values)
    segment_sizes = dict(sorted(sizes.items())) if by else {}
    scope = build_scope(included, excluded)
    scope.suggested = sum(force.suggested for force in forces.values())
    if coded_only:
        scope.coded_only, scope.suggested_left_out = True, left_out
    else:
        scope.min_confidence, scope.below_confidence = min_confidence or 0.0, left_out
    return Report(
        title=title,
        scope=scope,
        forces=forces,
        balance=build_balance(included),
        jobs=group_jobs(included, meaning_grouper(jobs_texts, embed)),
        timeline=_timeline(included, meaning_grouper(triggers_texts, embed)),
        saturation=build_saturation(included, [t for f in forces.values() for t in f.themes]),
        appendix=[interview_summary(i, show_names) for i in included],
        by=by,
        segment_sizes=segment_sizes,
        show_names=show_names,
    )


def _grouped_texts(included: list[Interview]) -> tuple[list[str], list[str], list[str]]:
    """The texts the report groups: forces, jobs, first-thought triggers."""
    forces = [force.text for interview in included for force in interview.forces]
    jobs = [job_text(job) for interview in included for job in interview.jobs]
    triggers = [
        event.text
        for interview in included
        for event in interview.timeline
        if event.stage is SwitchStage.FIRST_THOUGHT
    ]
    return forces, jobs, triggers


def _force_summary(
    kind: ForceKind,
    included: list[Interview],
    segment_of: dict[str, tuple[str, ...]],
    group: Grouper,
) -> ForceSummary:
    statements = [
        Statement.of_force(force, interview)
        for interview in included
        for force in interview.forces_of(kind)
    ]
    # Themes group Statements; the force behind each (its origin, confidence and time in
    # the recording) is found again by where it was said.
    forces_at = {
        (interview.id, interview.source, force.line, force.text): force
        for interview in included
        for force in interview.forces_of(kind)
    }
    themes = [_theme_summary(theme, segment_of, forces_at) for theme in group(statements)]
    return ForceSummary(
        kind=kind,
        title=FORCE_TITLES[kind],
        mentions=len(statements),
        interviews=len({s.interview for s in statements}),
        themes=themes,
        suggested=sum(1 for force in forces_at.values() if force.origin == "suggested"),
    )


_ForcesAt = dict[tuple[str, str, int | None, str], Force]


def _quote(statement: Statement, forces_at: _ForcesAt) -> Quote:
    force = forces_at.get((statement.interview, statement.source, statement.line, statement.text))
    if force is None:  # a job or a timeline event: the researcher's own notes
        return Quote(statement.text, statement.interview, statement.source, statement.line)
    return Quote(
        statement.text,
        statement.interview,
        statement.source,
        statement.line,
        statement.quote,
        start=force.start,
        origin=force.origin,
        confidence=force.confidence,
    )


def _theme_summary(
    theme: Theme, segment_of: dict[str, tuple[str, ...]], forces_at: _ForcesAt | None = None
) -> ThemeSummary:
    forces_at = forces_at or {}
    quotes = [_quote(s, forces_at) for s in theme.quotes()]
    counts = Counter(value for i in theme.interviews for value in segment_of.get(i, ()))
    by_segment = dict(sorted(counts.items())) if segment_of else {}
    suggested = sum(
        1
        for s in theme.statements
        if (force := forces_at.get((s.interview, s.source, s.line, s.text))) is not None
        and force.origin == "suggested"
    )
    return ThemeSummary(
        theme.label,
        theme.interviews,
        quotes,
        theme.tag,
        by_segment,
        mentions=len(theme.statements),
        suggested=suggested,
        statements=[_statement_data(s, forces_at) for s in theme.statements],
    )


def _statement_data(statement: Statement, forces_at: _ForcesAt) -> dict[str, Any]:
    """A theme's statement for the report data, with its time and confidence when known."""
    data = statement.to_dict()
    force = forces_at.get((statement.interview, statement.source, statement.line, statement.text))
    data["start"] = force.start if force is not None else None
    data["confidence"] = force.confidence if force is not None else None
    return data


def _timeline(included: list[Interview], group: Grouper) -> list[StageSummary]:
    stages = []
    for stage in SwitchStage:
        events = [(i, e) for i in included for e in i.timeline if e.stage is stage]
        summary = StageSummary(stage, len({i.id for i, _ in events}))
        if stage is SwitchStage.FIRST_THOUGHT:
            statements = [Statement(e.text, i.id, i.source, e.line) for i, e in events]
            summary.triggers = [_theme_summary(t, {}) for t in group(statements)[:3]]
        stages.append(summary)
    return stages
