"""Saturation: are new interviews still turning up new themes?

Follows the approach of Guest, Namey & Chen (2020): the themes found in a *base* of the
first interviews, then the share of new themes added by the last *run* of interviews.
At or under 5% new information, more interviews of the same kind are unlikely to add much.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Protocol

from jtbd.models import Interview

BASE_SIZE = 4
RUN_LENGTH = 3
THRESHOLD = 0.05


class _HasInterviews(Protocol):
    interviews: list[str]


@dataclass
class SaturationPoint:
    """One interview in date order: the themes it mentioned first."""

    interview: str
    date: str | None
    new_themes: int
    cumulative: int


@dataclass
class Saturation:
    """New themes per interview in date order, and the verdict on the last few."""

    points: list[SaturationPoint]
    base_themes: int
    run_new: int
    judged: bool
    undated: int = 0
    """Interviews without a date: placed after the dated ones, in id order."""

    @property
    def ratio(self) -> float | None:
        """New themes in the last run as a share of the themes in the base."""
        if not self.judged or not self.base_themes:
            return None
        return self.run_new / self.base_themes

    @property
    def reached(self) -> bool:
        """True when the last run added 5% or less new themes."""
        return self.ratio is not None and self.ratio <= THRESHOLD

    @property
    def verdict(self) -> str:
        """One sentence answering "have we done enough interviews?"."""
        if not self.judged:
            return (
                f"Too few interviews to judge saturation: it needs at least "
                f"{BASE_SIZE + RUN_LENGTH}."
            )
        share = (
            f"{self.run_new} new theme{'s' if self.run_new != 1 else ''} in the last "
            f"{RUN_LENGTH} interviews, {self.ratio:.0%} of the {self.base_themes} found in the "
            f"first {BASE_SIZE}"
        )
        if self.reached:
            return f"Saturation reached: {share} (5% or less)."
        return f"Still learning: {share}. More interviews are likely to add themes."

    @property
    def caveat(self) -> str | None:
        """What the order, and so the verdict, rests on when some interviews are undated.

        An undated interview has no place in time: it is put after the dated ones, by id,
        and which interviews count as the first and the last ones depends on that.
        """
        if not self.undated:
            return None
        total = len(self.points)
        if self.undated == total:
            placed = "No interview has a date, so they are taken in id order"
        elif self.undated == 1:
            placed = f"1 of {total} interviews is undated, so it is placed after the dated ones"
        else:
            placed = (
                f"{self.undated} of {total} interviews are undated, so they are placed after "
                "the dated ones, in id order"
            )
        return (
            f"{placed}: the verdict rests on that order, which need not be the order the "
            "interviews were run in. Give each note a date for a true order."
        )

    @cached_property
    def max_new(self) -> int:
        """The most new themes any one interview added (scales the chart)."""
        return max([1] + [point.new_themes for point in self.points])

    def to_dict(self) -> dict[str, Any]:
        """As JSON-ready data (the `saturation` key of the report JSON)."""
        return {
            "order": [
                {
                    "interview": p.interview,
                    "date": p.date,
                    "new_themes": p.new_themes,
                    "cumulative": p.cumulative,
                }
                for p in self.points
            ],
            "base_size": BASE_SIZE,
            "run_length": RUN_LENGTH,
            "base_themes": self.base_themes,
            "run_new_themes": self.run_new,
            "ratio": None if self.ratio is None else round(self.ratio, 3),
            "reached": self.reached,
            "verdict": self.verdict,
            "undated": self.undated,
            "caveat": self.caveat,
        }


def build_saturation(included: Sequence[Interview], themes: Sequence[_HasInterviews]) -> Saturation:
    """Count the themes each interview mentions first, taking interviews in date order."""
    undated = dt.date.max
    order = sorted(included, key=lambda i: (i.date or undated, i.id))
    position = {interview.id: index for index, interview in enumerate(order)}
    first_seen = [0] * len(order)
    for theme in themes:
        first_seen[min(position[i] for i in theme.interviews)] += 1
    points: list[SaturationPoint] = []
    cumulative = 0
    for interview, new in zip(order, first_seen, strict=True):
        cumulative += new
        date = interview.date.isoformat() if interview.date else None
        points.append(SaturationPoint(interview.id, date, new, cumulative))
    judged = len(order) >= BASE_SIZE + RUN_LENGTH
    return Saturation(
        points=points,
        base_themes=sum(first_seen[:BASE_SIZE]),
        run_new=sum(first_seen[-RUN_LENGTH:]) if judged else 0,
        judged=judged,
        undated=sum(1 for interview in order if interview.date is None),
    )
