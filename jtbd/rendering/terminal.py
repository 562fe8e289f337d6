"""The report as rich renderables for the terminal. Builds them; the CLI prints them."""

from __future__ import annotations

import io

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from jtbd.rendering.diagram import PALETTE, diagram_themes, panel_notes
from jtbd.synthesis.quotes import name_some
from jtbd.synthesis.report import ForceSummary, Report

_STYLES = PALETTE  # rich takes hex colours, and falls back to the nearest on small terminals
_SPARKS = " ▁▂▃▄▅▆▇█"
_NAMED = 5  # ids named in one line before the rest are counted: the terminal is small
PLAIN_WIDTH = 100
"""Columns of the plain-text report written to a file: wide enough for the tables."""


def report_renderables(report: Report) -> list[RenderableType]:
    """Everything the terminal report shows, in reading order."""
    total = report.scope.included
    parts: list[RenderableType] = [Rule(f"[bold]{escape(report.title)}[/bold]"), _scope(report)]
    parts += [Rule("Forces diagram", style="dim"), _diagram(report)]
    for force in report.forces.values():
        parts.append(_themes(force, report, total))
    parts += [Rule("Force balance", style="dim"), _balance(report)]
    parts += [Rule("Job statements", style="dim"), _jobs(report)]
    parts += [Rule("Switch timeline", style="dim"), _timeline(report)]
    parts += [Rule("Saturation", style="dim"), _saturation(report)]
    parts += [Rule("Appendix", style="dim"), _appendix(report)]
    return parts


def plain_text(report: Report, width: int = PLAIN_WIDTH) -> str:
    """The terminal report as plain text, without colour or style codes (for a file)."""
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, highlight=False)
    for part in report_renderables(report):
        console.print(part)
    # rich pads every line to the width; a text file is easier to read and diff without
    return "".join(line.rstrip() + "\n" for line in buffer.getvalue().splitlines())


def _scope(report: Report) -> RenderableType:
    scope = report.scope
    lines = [
        f"[bold]{scope.included}[/bold] interview{'s' if scope.included != 1 else ''}"
        + (f", {scope.date_from} to {scope.date_to}" if scope.date_from else "")
        + f"; {scope.switched} switched.",
    ]
    for key, values in scope.segments.items():
        shown = ", ".join(f"{escape(v)} ({n})" for v, n in values.items())
        lines.append(f"[dim]{escape(key)}:[/dim] {shown}")
    if scope.consent_unknown:
        shown = escape(name_some(scope.consent_unknown, _NAMED))
        lines.append(f"[dim]consent not recorded (included): {shown}[/dim]")
    by_reason: dict[str, list[str]] = {}
    for excluded in scope.excluded:
        by_reason.setdefault(excluded.reason, []).append(excluded.interview)
    for reason, ids in by_reason.items():
        lines.append(f"[dim]excluded {escape(name_some(ids, _NAMED))}: {escape(reason)}[/dim]")
    if scope.suggested:
        lines.append(
            f"[bold]{scope.suggested}[/bold] suggested force{'s' if scope.suggested != 1 else ''}"
            " (from `jtbd suggest`, not yet reviewed) are counted and marked; "
            "--coded-only leaves them out."
        )
    if scope.coded_only:
        lines.append(f"--coded-only: {scope.suggested_left_out} suggested forces left out.")
    return Text.from_markup("\n".join(lines))


def _bar(count: int, total: int, width: int = 12) -> str:
    return "█" * max(1, round(width * count / total)) if count else ""


def _force_panel(force: ForceSummary, total: int, arrow: str) -> Panel:
    style = _STYLES[force.kind.value]
    body = Table.grid(padding=(0, 1))
    body.add_column(style=style, no_wrap=True, min_width=8)
    body.add_column(justify="right", no_wrap=True, min_width=5)
    # Labels wrap at words rather than being cut inside one ("Snapping a receipt ph").
    body.add_column(overflow="fold", ratio=1)
    for theme in diagram_themes(force):
        body.add_row(_bar(theme.count, total, 8), f"{theme.count}/{total}", escape(theme.label))
    if not force.recurring:
        empty = "no theme shared by two interviews yet" if force.themes else "none recorded"
        body.add_row("", "", f"[dim]{empty}[/dim]")
    more, evidence = panel_notes(force, total)
    content: RenderableType = Group(body, Text(more, style="dim")) if more else body
    return Panel(
        content,
        title=f"[bold {style}]{arrow} {force.title}[/]",
        title_align="left",
        subtitle=f"[dim]{escape(evidence)}[/dim]",
        subtitle_align="right",
        border_style=style,
    )


def _diagram(report: Report) -> RenderableType:
    total = report.scope.included
    forces = report.forces
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(_force_panel(forces["push"], total, "→"), _force_panel(forces["pull"], total, "→"))
    grid.add_row(
        Text("Current situation ─────────", style="bold"),
        Text("───────── the switch ──▶ New solution", style="bold", justify="right"),
    )
    grid.add_row(
        _force_panel(forces["inertia"], total, "←"), _force_panel(forces["anxiety"], total, "←")
    )
    return grid


def _themes(force: ForceSummary, report: Report, total: int) -> RenderableType:
    style = _STYLES[force.kind.value]
    # With --by the segment columns take the width: the quotes go under the table instead
    # of being squeezed into a column one word wide.
    quotes_below = bool(report.segment_values)
    table = Table(title=f"[bold {style}]{force.title}[/]", title_justify="left", expand=True)
    table.add_column("Theme", ratio=2)
    table.add_column("n of N", justify="right", no_wrap=True)
    for value in report.segment_values:
        table.add_column(escape(value), justify="right", no_wrap=True)
    if not quotes_below:
        table.add_column("Quote (source)", ratio=3)
    below: list[RenderableType] = []
    for theme in force.recurring:
        quote = theme.quotes[0]
        where = f"{quote.interview} · {quote.citation}"
        if quote.marker:
            where = f"{quote.marker} · {where}"
        segment_cells = [
            f"{theme.by_segment.get(value, 0)}/{report.segment_sizes[value]}"
            for value in report.segment_values
        ]
        tag = f" [dim]#{escape(theme.tag)}[/dim]" if theme.tag else ""
        suggested = f"\n[dim]{theme.suggested} suggested[/dim]" if theme.suggested else ""
        cells = [escape(theme.label) + tag + suggested, f"{theme.count} of {total}", *segment_cells]
        if quotes_below:
            table.add_row(*cells)
            below.append(
                Text.from_markup(
                    f"[bold]{escape(theme.label)}[/bold]: {escape(quote.text)} "
                    f"[dim]({escape(where)})[/dim]"
                )
            )
        else:
            table.add_row(*cells, f"{escape(quote.text)}\n[dim]{escape(where)}[/dim]")
    single = len(force.single)
    note = Text(
        f"{single} more theme{'s' if single != 1 else ''} mentioned by one interview only.",
        style="dim",
    )
    if not force.recurring:
        heading = Text(force.title, style=f"bold {style}")
        message = Text("No theme is shared by two or more interviews yet.", style="dim")
        return Group(heading, message, note) if single else Group(heading, message)
    return Group(table, *below, *([note] if single else []))


def _balance(report: Report) -> RenderableType:
    balance = report.balance
    table = Table(expand=False)
    for name in ("Interview", "Push", "Pull", "Anxiety", "Habit", "Net", "Switched to"):
        table.add_column(name, justify="left" if name in ("Interview", "Switched to") else "right")
    for row in balance.rows:
        table.add_row(
            escape(row.interview),
            str(row.push),
            str(row.pull),
            str(row.anxiety),
            str(row.inertia),
            f"{row.net:+d}",
            escape(row.switched_to or "did not switch"),
        )
    switched, stayed = (balance.mean_net(group) for group in (True, False))
    summary = Text(
        f"push + pull {balance.forward} vs anxiety + habit {balance.backward}; mean net: "
        f"{_or_dash(switched)} switched, {_or_dash(stayed)} did not"
    )
    return Group(summary, table)


def _jobs(report: Report) -> RenderableType:
    table = Table(expand=True, show_header=True)
    table.add_column("Job", ratio=4)
    table.add_column("n of N", justify="right", no_wrap=True)
    table.add_column("Sources", ratio=2)
    for job in report.jobs:
        sources = name_some([f"{s.source}:{s.line}" if s.line else s.source for s in job.sources])
        table.add_row(
            escape(job.statement),
            f"{job.count} of {report.scope.included}",
            f"[dim]{escape(sources)}[/dim]",
        )
    return table


def _timeline(report: Report) -> RenderableType:
    total = report.scope.included
    table = Table.grid(padding=(0, 2))
    for stage in report.timeline:
        table.add_row(
            stage.stage.label.capitalize(), f"{stage.count}/{total}", _bar(stage.count, total, 20)
        )
    return table


def _saturation(report: Report) -> RenderableType:
    saturation = report.saturation
    top = saturation.max_new
    spark = "".join(
        _SPARKS[min(8, round(8 * point.new_themes / top))] for point in saturation.points
    )
    return Text.from_markup(
        f"new themes per interview (date order): [bold]{spark}[/bold]\n{escape(saturation.verdict)}"
    )


def _appendix(report: Report) -> RenderableType:
    # Narrow columns only: terminals are often 80 wide. Job statements are listed above,
    # and the full appendix is in the HTML and Markdown reports.
    table = Table(expand=True)
    for name in ("Interview", "Date", "Switch", "P/P/A/H", "Segments"):
        table.add_column(
            name, no_wrap=True, overflow="ellipsis", ratio=1 if name == "Segments" else None
        )
    for item in report.appendix:
        who = item.id + (f" ({item.name})" if item.name else "")
        counts = "/".join(str(item.counts[k]) for k in ("push", "pull", "anxiety", "inertia"))
        segments = ", ".join(item.segments[k] for k in report.scope.segments if k in item.segments)
        table.add_row(
            escape(who),
            item.date or "—",
            escape(f"{item.switched_from or '?'} → {item.switched_to or 'stayed'}"),
            counts,
            escape(segments),
        )
    return table


def _or_dash(value: float | None) -> str:
    """A figure, or an em dash where there is none (no one in that group)."""
    return "—" if value is None else str(value)
