"""The scope of a report: which interviews it covers, which it leaves out and why, and the
segments (participant attributes) present among them."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from jtbd.errors import UsageError
from jtbd.models import Interview
from jtbd.synthesis.balance import switch_outcome
from jtbd.synthesis.quotes import name_some

NOT_SET = "(not set)"
# An attribute with more distinct values than this is an identifier, not a segment.
MAX_SEGMENT_VALUES = 12
# Obsidian's own note properties say how a note displays, not who the participant is:
# they stay in the data (and the exports) but are never segments.
# So are the dates Obsidian stamps on a file and its tags: they describe the note.
NOT_SEGMENTS = frozenset(
    {"aliases", "alias", "cssclasses", "cssclass", "publish", "permalink"}
    | {"created", "modified", "updated", "tags", "tag", "date"}
)


@dataclass
class Exclusion:
    """An interview left out of the report, and why."""

    interview: str
    reason: str


@dataclass
class Scope:
    """Which interviews the report covers, and which it leaves out and why."""

    included: int
    excluded: list[Exclusion]
    date_from: str | None
    date_to: str | None
    undated: int
    segments: dict[str, dict[str, int]]
    switched: int
    switch_not_recorded: int = 0
    """Included interviews whose note has neither switched_to nor switched_from."""
    consent_unknown: list[str] = field(default_factory=list)
    """Included interviews whose note does not record consent either way."""
    suggested: int = 0
    """Suggested (unreviewed) forces counted in this report."""
    coded_only: bool = False
    """True with ``--coded-only``: suggested forces were left out."""
    suggested_left_out: int = 0
    """Suggested forces left out by ``--coded-only``."""
    min_confidence: float = 0.0
    """Suggested forces below this confidence are left out (``--min-confidence``)."""
    below_confidence: int = 0
    """Suggested forces left out because their confidence is below ``min_confidence``."""


def without_suggestions(
    interviews: Sequence[Interview], min_confidence: float | None = None
) -> tuple[list[Interview], int]:
    """The interviews without their suggested forces (``--coded-only``), and how many
    forces were left out; with ``min_confidence``, only those below that confidence."""
    kept: list[Interview] = []
    left_out = 0
    for interview in interviews:
        coded = [
            force
            for force in interview.forces
            if force.origin == "coded"
            or (min_confidence is not None and (force.confidence or 0.0) >= min_confidence)
        ]
        left_out += len(interview.forces) - len(coded)
        changed = len(coded) != len(interview.forces)
        kept.append(interview.model_copy(update={"forces": coded}) if changed else interview)
    return kept, left_out


def exclusion_reasons(excluded: list[Exclusion]) -> str:
    """Why interviews were excluded, one short clause per reason (a few ids, then a count)."""
    by_reason: dict[str, list[str]] = {}
    for exclusion in excluded:
        by_reason.setdefault(exclusion.reason, []).append(exclusion.interview)
    return "; ".join(f"{name_some(ids)}: {reason}" for reason, ids in by_reason.items())


def split_scope(
    interviews: Sequence[Interview], coded_only: bool = False
) -> tuple[list[Interview], list[Exclusion]]:
    """The interviews a report covers, in id order, and those it leaves out with why."""
    included: list[Interview] = []
    excluded: list[Exclusion] = []
    for interview in sorted(interviews, key=lambda i: (i.id, i.source)):
        if interview.consent is False:
            written = interview.consent_text
            reason = f"consent: {written}" if written else "consent: false"
            excluded.append(Exclusion(interview.id, f"{reason} (none of its text is shown)"))
        elif not interview.has_content:
            reason = "no forces, jobs or timeline in the note"
            if coded_only:
                reason = "no coded forces, jobs or timeline (--coded-only)"
            excluded.append(Exclusion(interview.id, reason))
        else:
            included.append(interview)
    return included, excluded


def attribute_text(value: Any) -> str:
    """An attribute value as a segment name."""
    if value is None or value == "" or value == []:
        return NOT_SET
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)


def segment_values(value: Any) -> tuple[str, ...]:
    """The segments an attribute value puts an interview in: one per item of a list."""
    if isinstance(value, list) and value:
        return tuple(dict.fromkeys(attribute_text(item) for item in value))
    return (attribute_text(value),)


def segment_lookup(included: list[Interview], by: str | None) -> dict[str, tuple[str, ...]]:
    """Each included interview's value of the ``--by`` attribute (empty without ``--by``)."""
    if by is None:
        return {}
    if by in NOT_SEGMENTS:
        raise UsageError(
            f"--by {by}: {by!r} describes the note, not the participant, and is never a segment"
        )
    if not any(by in interview.attributes for interview in included):
        known = sorted({key for i in included for key in i.attributes if key not in NOT_SEGMENTS})
        raise UsageError(
            f"--by {by}: no interview has the attribute {by!r}; "
            f"attributes present: {name_some(known, 12) or 'none'}"
        )
    return {i.id: segment_values(i.attributes.get(by)) for i in included}


def build_scope(included: list[Interview], excluded: list[Exclusion]) -> Scope:
    """Dates, segments, switches and consent of the included interviews."""
    dates = sorted(i.date.isoformat() for i in included if i.date is not None)
    values: dict[str, Counter[str]] = {}
    for interview in included:
        for key, value in interview.attributes.items():
            if key not in NOT_SEGMENTS:
                values.setdefault(key, Counter()).update(segment_values(value))
    segments = {
        key: dict(sorted(counter.items()))
        for key, counter in sorted(values.items())
        # a segment is shared: some value covers two interviews, and it isn't an identifier
        if len(counter) <= MAX_SEGMENT_VALUES and max(counter.values()) >= min(2, len(included))
    }
    return Scope(
        included=len(included),
        excluded=excluded,
        date_from=dates[0] if dates else None,
        date_to=dates[-1] if dates else None,
        undated=len(included) - len(dates),
        segments=segments,
        switched=sum(
            1 for i in included if switch_outcome(i.switched_from, i.switched_to) == "switched"
        ),
        switch_not_recorded=sum(
            1 for i in included if switch_outcome(i.switched_from, i.switched_to) == "not recorded"
        ),
        consent_unknown=[i.id for i in included if i.consent is None],
    )
