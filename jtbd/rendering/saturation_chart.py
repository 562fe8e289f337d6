"""Geometry of the saturation chart: one bar of new themes per interview, in date order.

The interview ids under the bars are what a reader checks the order by, and ids are
often long ("heritrace-1e", "pybytes-310"): when one would not fit under its bar, every
label is turned to a slant and long ones are cut, the full id staying in the bar's
tooltip (the SVG <title>).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from jtbd.rendering.text_width import text_width
from jtbd.synthesis.saturation import Saturation

MAX_WIDTH = 960
MAX_LABELLED = 40
"""Bars beyond this many are too thin to label: the ids are in the tooltips only."""
LABEL_SIZE = 11
"""Font size of the ids and counts: on a phone the chart is drawn at about three quarters
of its size, and the ids are what a reader checks the order by."""
LABEL_CHARS = 14
"""Longest id drawn in full under a bar; longer ones are cut to this many characters."""
SLANT = 45
"""Degrees a label is turned when some id does not fit under its bar level."""
_LEFT, _BASELINE, _BAR_AREA = 30.0, 110.0, 90.0


@dataclass
class SaturationBar:
    """One interview in the saturation chart."""

    interview: str
    x: float
    height: float
    new_themes: int
    label: str = ""
    """The id as drawn under the bar: cut to LABEL_CHARS with "…" when longer."""


@dataclass
class SaturationChart:
    """The saturation chart: one bar of new themes per interview."""

    width: int
    height: int
    baseline: float
    bars: list[SaturationBar]
    bar_width: float
    labels: bool
    slant: int = 0
    """Degrees the id labels are turned (0: level under their bars)."""
    left: float = _LEFT
    """Where the first bar starts: room for the first slanted label."""
    label_size: int = LABEL_SIZE


def saturation_chart(saturation: Saturation) -> SaturationChart:
    """Bars of new themes per interview, in date order, each labelled with its id."""
    count = max(1, len(saturation.points))
    gap = 4.0 if count <= 60 else 0.0
    bar_width = max(0.5, min(22.0, (min(MAX_WIDTH, 40 + count * 28) - 40) / count - gap))
    labelled = count <= MAX_LABELLED
    names = [_cut(point.interview) for point in saturation.points]
    longest = max([0.0] + [text_width(name, LABEL_SIZE) for name in names])
    # a level label must fit the step from one bar to the next, with a little air
    slant = SLANT if labelled and longest > bar_width + gap - 2 else 0
    reach = longest * math.cos(math.radians(slant)) if slant else 0.0
    left = max(_LEFT, reach - bar_width / 2 + 4)  # the first label ends inside the chart
    below = longest * math.sin(math.radians(slant)) + LABEL_SIZE + 8 if slant else 20.0
    bars = [
        SaturationBar(
            interview=point.interview,
            x=left + index * (bar_width + gap),
            height=_BAR_AREA * point.new_themes / saturation.max_new,
            new_themes=point.new_themes,
            label=name,
        )
        for index, (point, name) in enumerate(zip(saturation.points, names, strict=True))
    ]
    width = max(240, min(MAX_WIDTH, 40 + count * 28)) + round(left - _LEFT)
    height = round(_BASELINE + max(40.0, below + 6))
    return SaturationChart(width, height, _BASELINE, bars, bar_width, labelled, slant, left)


def _cut(interview: str) -> str:
    return interview if len(interview) <= LABEL_CHARS else interview[: LABEL_CHARS - 1] + "…"
