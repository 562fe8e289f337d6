"""Geometry of the forces diagram and the saturation chart; the SVG templates draw it.

The classic picture: the current situation on the left, the new solution on the right.
Push and pull (top) drive the switch to the right; habit and anxiety (bottom) hold it
back to the left. Arrow thickness and bar length follow the evidence: how many of the
N interviews mention a force or a theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from jtbd.models import ForceKind
from jtbd.synthesis.report import ForceSummary, Report
from jtbd.synthesis.saturation import Saturation

WIDTH = 960
PANEL_WIDTH = 450
THEME_ROWS = 4
BAR_MAX = 150
LABEL_CHARS = 32
PANEL_HEIGHT = 60 + THEME_ROWS * 30 + 18

# (column, row, arrow direction) per force: left/right column, top/bottom row.
_PLACES = {
    ForceKind.PUSH: (0, 0, 1),
    ForceKind.PULL: (1, 0, 1),
    ForceKind.INERTIA: (0, 1, -1),
    ForceKind.ANXIETY: (1, 1, -1),
}
COLOURS = {
    ForceKind.PUSH: "#2f855a",
    ForceKind.PULL: "#2b6cb0",
    ForceKind.ANXIETY: "#c53030",
    ForceKind.INERTIA: "#b7791f",
}


@dataclass
class ThemeBar:
    """One theme row of a force panel."""

    label: str
    full_label: str
    count: int
    total: int
    y: float
    width: float


@dataclass
class Panel:
    """One force of the diagram: its box, arrow and theme bars."""

    kind: str
    title: str
    colour: str
    x: float
    y: float
    height: float
    direction: int
    interviews: int
    mentions: int
    total: int
    stroke: float
    bars: list[ThemeBar]
    more: int


@dataclass
class ForcesDiagram:
    """The whole diagram: four panels around the axis of the switch."""

    width: int
    height: int
    axis_y: float
    panels: list[Panel]
    total: int


def forces_diagram(report: Report) -> ForcesDiagram:
    """Lay out the four force panels of a report."""
    total = report.scope.included
    panel_height = PANEL_HEIGHT
    top, axis_gap = 56, 64
    panels = []
    # Arrow weight: statements of this force against the most-mentioned force. (Share of
    # interviews would draw four equal arrows whenever every interview covers every force.)
    most = max(1, *(force.mentions for force in report.forces.values()))
    for kind, (column, row, direction) in _PLACES.items():
        force = report.forces[kind.value]
        x = 20 + column * (PANEL_WIDTH + 20)
        y = top + row * (panel_height + axis_gap)
        panels.append(_panel(force, kind, x, y, direction, total, force.mentions / most))
    axis_y = top + panel_height + axis_gap / 2
    return ForcesDiagram(WIDTH, int(top + 2 * panel_height + axis_gap + 20), axis_y, panels, total)


def _panel(
    force: ForceSummary,
    kind: ForceKind,
    x: float,
    y: float,
    direction: int,
    total: int,
    weight: float,
) -> Panel:
    shown = force.themes[:THEME_ROWS]
    bars = [
        ThemeBar(
            label=_truncate(theme.label),
            full_label=theme.label,
            count=theme.count,
            total=total,
            y=y + 78 + index * 30,
            width=max(2.0, BAR_MAX * theme.count / total),
        )
        for index, theme in enumerate(shown)
    ]
    return Panel(
        kind=kind.value,
        title=force.title,
        colour=COLOURS[kind],
        x=x,
        y=y,
        height=PANEL_HEIGHT,
        direction=direction,
        interviews=force.interviews,
        mentions=force.mentions,
        total=total,
        stroke=round(2 + 10 * weight, 1),
        bars=bars,
        more=len(force.themes) - len(shown),
    )


def _truncate(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"


@dataclass
class SaturationBar:
    """One interview in the saturation chart."""

    interview: str
    x: float
    height: float
    new_themes: int


@dataclass
class SaturationChart:
    """The saturation chart: one bar of new themes per interview."""

    width: int
    height: int
    baseline: float
    bars: list[SaturationBar]
    bar_width: float
    labels: bool


def saturation_chart(saturation: Saturation) -> SaturationChart:
    """Bars of new themes per interview, in date order."""
    count = max(1, len(saturation.points))
    width = max(240, min(WIDTH, 40 + count * 28))
    gap = 4.0 if count <= 60 else 0.0
    bar_width = max(0.5, min(22.0, (width - 40) / count - gap))
    chart_height, baseline = 90.0, 110.0
    bars = [
        SaturationBar(
            interview=point.interview,
            x=30 + index * (bar_width + gap),
            height=chart_height * point.new_themes / saturation.max_new,
            new_themes=point.new_themes,
        )
        for index, point in enumerate(saturation.points)
    ]
    return SaturationChart(width, 150, baseline, bars, bar_width, labels=count <= 40)
