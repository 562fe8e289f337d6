"""Geometry of the forces diagram; the SVG template draws it.

The classic picture: the current situation on the left, the new solution on the right.
Push and pull (top) drive the switch to the right; habit and anxiety (bottom) hold it
back to the left. Arrow thickness and bar length follow the evidence: how many of the
N interviews mention a force or a theme. A narrow layout stacks the four panels in one
column (push, pull, the switch, habit, anxiety) so the text stays readable on a phone.
"""

from __future__ import annotations

from dataclasses import dataclass

from jtbd.models import ForceKind
from jtbd.rendering.text_width import fit_parts, text_width
from jtbd.synthesis.report import ForceSummary, Report, ThemeSummary

WIDTH = 960
PANEL_WIDTH = 450
NARROW_WIDTH = 420
NARROW_PANEL_WIDTH = 400
NARROW_BAR_MAX = 110
THEME_ROWS = 4
"""Themes shown per force: in the SVG diagram, the text diagram and the terminal panels."""
BAR_MAX = 150
LABEL_CHARS = 32
PANEL_HEIGHT = 60 + THEME_ROWS * 30 + 18
"""A panel's height when its evidence fits beside its title."""
PANEL_PADDING = 14
TITLE_SIZE = 14
EVIDENCE_SIZE = 11
TITLE_GAP = 16
"""The least space between a panel's title and the evidence beside it (px)."""
HEAD_LINE = 15
"""The height of one line of evidence drawn under the title."""

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
"""The one palette of the forces, for the SVG, the HTML page and the terminal."""
PALETTE = {kind.value: colour for kind, colour in COLOURS.items()}
"""The palette by force name ("push"), as templates see it."""


def diagram_themes(force: ForceSummary) -> list[ThemeSummary]:
    """The themes a diagram shows for a force: the most-mentioned shared ones.

    A theme of one interview is one person's sentence, not a pattern, and cut to fit a
    bar it reads as a broken quote: those are counted under the bars, never drawn.
    """
    return force.recurring[:THEME_ROWS]


def panel_notes(force: ForceSummary, total: int) -> tuple[str, str]:
    """The two footers of a force's panel: the themes not drawn, and the evidence.

    The interviews are named only when not all of them mention the force, and
    suggestions only when there are any, so each footer says something.
    """
    more = len(force.recurring) - len(diagram_themes(force))
    once = len(force.single)
    hidden = []
    if more:
        hidden.append(f"+ {more} more shared theme{'s' if more != 1 else ''}")
    if once:
        hidden.append(
            f"{once} mentioned once"
            if hidden
            else f"{once} theme{'s' if once != 1 else ''} mentioned once"
        )
    return ", ".join(hidden), " · ".join(evidence_parts(force, total))


def evidence_parts(force: ForceSummary, total: int) -> list[str]:
    """The statements behind a force, in parts: ["42 statements", "9/13 interviews"].

    Empty when there are none: the panel says "none recorded" already.
    """
    if not force.mentions:
        return []
    evidence = [f"{force.mentions} statement{'s' if force.mentions != 1 else ''}"]
    if force.interviews < total:
        evidence.append(f"{force.interviews}/{total} interviews")  # short: beside the title
    if force.suggested:
        evidence.append(f"{force.suggested} suggested")
    return evidence


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
    width: float
    label_x: float
    """Where the theme labels start, right of the longest bar."""
    more: str
    """What the bars leave out: "+ 3 more shared themes, 6 mentioned once"."""
    evidence: str
    """The statements behind the force: "42 statements · 9/13 interviews"."""
    evidence_lines: list[tuple[str, float]]
    """The evidence as drawn, each line with its baseline: one line beside the title, or
    lines of their own under it."""
    beside_title: bool
    """True when the evidence fits on the title's line, right-aligned."""
    arrow_y: float


@dataclass
class ForcesDiagram:
    """The whole diagram: four panels around the axis of the switch."""

    width: int
    height: int
    axis_y: float
    panels: list[Panel]
    total: int
    id: str = "forces-diagram"
    narrow: bool = False

    def panel(self, kind: str) -> Panel:
        """The panel of one force, by name ("push")."""
        return next(panel for panel in self.panels if panel.kind == kind)


def forces_diagram(report: Report, narrow: bool = False) -> ForcesDiagram:
    """Lay out the four force panels of a report: two by two, or stacked when ``narrow``."""
    total = report.scope.included
    # Arrow weight: statements of this force against the most-mentioned force. (Share of
    # interviews would draw four equal arrows whenever every interview covers every force.)
    most = max(1, *(force.mentions for force in report.forces.values()))
    panel_width, bar_max = (
        (NARROW_PANEL_WIDTH, NARROW_BAR_MAX) if narrow else (PANEL_WIDTH, BAR_MAX)
    )
    heads = {kind: _head(report.forces[kind.value], total, panel_width) for kind in ForceKind}
    # Every panel makes room for the tallest head, so panels side by side stay level.
    extra = HEAD_LINE * max(0 if beside else len(lines) for beside, lines in heads.values())
    height = PANEL_HEIGHT + extra
    places, axis_y, diagram_height = _narrow_places(height) if narrow else _wide_places(height)
    panels = [
        _panel(
            report.forces[kind.value],
            kind,
            (x, y, panel_width, bar_max, height),
            heads[kind],
            total,
            report.forces[kind.value].mentions / most,
        )
        for kind, (x, y) in places.items()
    ]
    width = NARROW_WIDTH if narrow else WIDTH
    name = "forces-diagram-narrow" if narrow else "forces-diagram"
    return ForcesDiagram(width, diagram_height, axis_y, panels, total, name, narrow)


_Places = dict[ForceKind, tuple[float, float]]
_Head = tuple[bool, list[str]]


def _head(force: ForceSummary, total: int, width: float) -> _Head:
    """Where a panel draws its evidence: beside the title when both fit, else under it.

    Both widths are upper bounds (see text_width), so what fits here fits in any font.
    """
    parts = evidence_parts(force, total)
    room = width - 2 * PANEL_PADDING
    beside = " · ".join(parts)
    needed = text_width(force.title, TITLE_SIZE, bold=True) + TITLE_GAP
    if text_width(beside, EVIDENCE_SIZE) + needed <= room:
        return True, [beside] if beside else []
    return False, fit_parts(parts, room, lambda text: text_width(text, EVIDENCE_SIZE))


def _wide_places(panel_height: float) -> tuple[_Places, float, int]:
    top, axis_gap = 56, 64
    places: _Places = {
        kind: (20.0 + column * (PANEL_WIDTH + 20), top + row * (panel_height + axis_gap))
        for kind, (column, row, _) in _PLACES.items()
    }
    return places, top + panel_height + axis_gap / 2, int(top + 2 * panel_height + axis_gap + 20)


def _narrow_places(panel_height: float) -> tuple[_Places, float, int]:
    top, gap, axis_gap = 64, 14, 48
    order = (ForceKind.PUSH, ForceKind.PULL, ForceKind.INERTIA, ForceKind.ANXIETY)
    places: _Places = {}
    y: float = top
    for index, kind in enumerate(order):
        places[kind] = (10.0, y)
        y += panel_height + (axis_gap if index == 1 else gap)
    axis_y = top + 2 * panel_height + gap + axis_gap / 2
    return places, axis_y, int(y - gap + 16)


def _panel(
    force: ForceSummary,
    kind: ForceKind,
    box: tuple[float, float, float, float, float],
    head: _Head,
    total: int,
    weight: float,
) -> Panel:
    x, y, width, bar_max, height = box
    shown = diagram_themes(force)
    more, evidence = panel_notes(force, total)
    extra = height - PANEL_HEIGHT  # the lines the tallest evidence took under its title
    bars = [
        ThemeBar(
            label=_truncate(theme.label),
            full_label=theme.label,
            count=theme.count,
            total=total,
            y=y + extra + 78 + index * 30,
            width=max(2.0, bar_max * theme.count / total),
        )
        for index, theme in enumerate(shown)
    ]
    return Panel(
        kind=kind.value,
        title=force.title,
        colour=COLOURS[kind],
        x=x,
        y=y,
        height=height,
        direction=_PLACES[kind][2],
        interviews=force.interviews,
        mentions=force.mentions,
        total=total,
        stroke=round(2 + 10 * weight, 1),
        bars=bars,
        width=width,
        label_x=x + 14 + bar_max + 8,
        more=more,
        evidence=evidence,
        evidence_lines=[
            (line, y + 22 + (0 if head[0] else HEAD_LINE * (index + 1)))
            for index, line in enumerate(head[1])
        ],
        beside_title=head[0],
        arrow_y=y + extra + 48,
    )


def _truncate(label: str) -> str:
    """Fit a label to the diagram, cut at a word boundary, never inside a word."""
    if len(label) <= LABEL_CHARS:
        return label
    cut = label[: LABEL_CHARS - 1]
    if " " in cut and not label[LABEL_CHARS - 1].isspace():
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:.\u2014\u2013-") + "…"
