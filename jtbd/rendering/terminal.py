"""The report as rich renderables for the terminal. Builds them; the CLI prints them."""

from __future__ import annotations

import io

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.markup import escape
from rich.panel import Panel
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

from jtbd.rendering.diagram import PALETTE, diagram_themes, evidence_parts, panel_notes
from jtbd.rendering.text_width import fit_parts
from jtbd.synthesis.quotes import name_some
from jtbd.synthesis.report import ForceSummary, Report

_STYLES = PALETTE  # rich takes hex colours, and falls back to the nearest on small terminals
_SPARKS = " ▁▂▃▄▅▆▇█"
_NAMED = 5  # ids named in one line before the rest are counted: the terminal is small
_SOURCES = 3  # a job's sources listed before the rest are counted (all are in HTML and md)
PLAIN_WIDTH = 100
"""Columns of the plain-text report written to a file: wide enough for the tables."""


def report_renderables(report: Report) -> list[RenderableType]:
    """Everything the terminal report shows, in reading order."""
    total = report.scope.included
    parts: list[RenderableType] = [Rule(f"[bold]{escape(report.title)}[/bold]"), _scope(report)]
    parts += [Rule("Forces diagram", style="dim"), _diagram(report)]
    if report.themes_caveat:
        parts.append(Text(report.themes_caveat, style="dim"))
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
        + f"; {scope.switched} switched"
        + (f", {scope.switch_not_recorded} not recorded." if scope.switch_not_recorded else "."),
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
    if scope.below_confidence:
        lines.append(
            f"{scope.below_confidence} more suggested below confidence {scope.min_confidence}"
            " left out (--min-confidence 0 shows them)."
        )
    if scope.coded_only:
        lines.append(f"--coded-only: {scope.suggested_left_out} suggested forces left out.")
    return Text.from_markup("\n".join(lines))


def _bar(count: int, total: int, width: int = 12) -> str:
    return "█" * max(1, round(width * count / total)) if count else ""


class _ForcePanel:
    """A force's panel; its title and evidence go on its border only where they fit whole.

    rich crops a border title that is too long ("527 sugge─"), and the width is known
    only when the panel is drawn, so the choice is made then.
    """

    def __init__(self, force: ForceSummary, total: int, arrow: str) -> None:
        self.force, self.total, self.arrow = force, total, arrow

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        force, width = self.force, options.max_width
        style = _STYLES[force.kind.value]
        title = f"{self.arrow} {force.title}"
        more, evidence = panel_notes(force, self.total)
        # a border's corners and a space each side of its text take 6 columns
        title_beside, evidence_beside = (len(text) + 6 <= width for text in (title, evidence))
        lines: list[RenderableType] = [] if title_beside else [Text(title, style=f"bold {style}")]
        lines.append(_panel_body(force, self.total))
        lines += [Text(more, style="dim")] if more else []
        if evidence and not evidence_beside:  # in the panel, broken between its parts
            parts = fit_parts(evidence_parts(force, self.total), width - 4, len)
            lines += [Text(part, style="dim", justify="right") for part in parts]
        yield Panel(
            Group(*lines),
            title=f"[bold {style}]{escape(title)}[/]" if title_beside else None,
            title_align="left",
            subtitle=f"[dim]{escape(evidence)}[/dim]" if evidence and evidence_beside else None,
            subtitle_align="right",
            border_style=style,
        )


def _panel_body(force: ForceSummary, total: int) -> Table:
    """A force panel's bars: the shared themes, with counts."""
    body = Table.grid(padding=(0, 1))
    body.add_column(style=_STYLES[force.kind.value], no_wrap=True, min_width=8)
    body.add_column(justify="right", no_wrap=True, min_width=5)
    # Labels wrap at words rather than being cut inside one ("Snapping a receipt ph").
    body.add_column(overflow="fold", ratio=1)
    for theme in diagram_themes(force):
        body.add_row(_bar(theme.count, total, 8), f"{theme.count}/{total}", escape(theme.label))
    if not force.recurring:
        empty = "no theme shared by two interviews yet" if force.themes else "none recorded"
        body.add_row("", "", f"[dim]{empty}[/dim]")
    return body


def _diagram(report: Report) -> RenderableType:
    total = report.scope.included
    forces = report.forces
    grid = Table.grid(expand=True, padding=(0, 1))
    grid.add_column(ratio=1)
    grid.add_column(ratio=1)
    grid.add_row(_ForcePanel(forces["push"], total, "→"), _ForcePanel(forces["pull"], total, "→"))
    grid.add_row(
        Text("Current situation ─────────", style="bold"),
        Text("───────── the switch ──▶ New solution", style="bold", justify="right"),
    )
    grid.add_row(
        _ForcePanel(forces["inertia"], total, "←"), _ForcePanel(forces["anxiety"], total, "←")
    )
    return grid


def _themes(force: ForceSummary, report: Report, total: int) -> RenderableType:
    style = _STYLES[force.kind.value]
    # With --by the segment columns take the width: the quotes go under the table instead
    # of being squeezed into a column one word wide.
    quotes_below = bool(report.segment_values)
    table = Table(title=f"[bold {style}]{force.title}[/]", title_justify="left", expand=True)
    table.add_column("Theme", ratio=2, overflow="fold")
    table.add_column("n of N", justify="right", no_wrap=True)
    for value in report.segment_values:
        table.add_column(escape(value), justify="right", no_wrap=True, min_width=len(value))
    if not quotes_below:
        # fold, never an ellipsis: a citation cut short ("p03-chloe-shop.md:5…") is lost
        table.add_column("Quote (source)", ratio=3, overflow="fold")
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
        text = name in ("Interview", "Switched to")
        table.add_column(
            name, justify="left" if text else "right", overflow="fold", min_width=len(name)
        )
    for row in balance.rows:
        table.add_row(
            escape(row.interview),
            str(row.push),
            str(row.pull),
            str(row.anxiety),
            str(row.inertia),
            f"{row.net:+d}",
            escape(row.outcome_text),
        )
    summary = Text(
        f"push + pull {balance.forward} vs anxiety + habit {balance.backward}. "
        f"{balance.net_summary()}"
    )
    return Group(summary, table)


def _jobs(report: Report) -> RenderableType:
    if not report.jobs:
        return Text("No job statements in these notes.", style="dim")
    table = Table(expand=True, show_header=True)
    # No ratios: the job column, the widest, gives way first, and each source keeps a line
    # of its own. Fold, never an ellipsis: a file name cut before its line is no citation.
    table.add_column("Job")
    table.add_column("n of N", justify="right", no_wrap=True)
    table.add_column("Sources", overflow="fold", min_width=len("Sources"))
    for job in report.jobs:
        # the statement shown first, so the words in the Job column can be found
        own = [s for s in job.sources if s.text == job.statement][:1]
        cited = own + [s for s in job.sources if s not in own]
        named = [f"{s.source}:{s.line}" if s.line else s.source for s in cited]
        more = len(named) - _SOURCES
        sources = "\n".join(named[:_SOURCES] + ([f"and {more} more"] if more > 0 else []))
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
    spark = "".join(_spark(point.new_themes, top) for point in saturation.points)
    order = "date order, undated last by id" if saturation.undated else "date order"
    text = f"new themes per interview ({order}): [bold]{spark}[/bold]\n{escape(saturation.verdict)}"
    if saturation.caveat:
        text += f"\n[dim]{escape(saturation.caveat)}[/dim]"
    return Text.from_markup(text)


def _spark(count: int, top: int) -> str:
    """A sparkline bar: blank only for none; any new theme shows at least the lowest bar
    (5 against a top of 108 would otherwise look like 0)."""
    if count <= 0 or top <= 0:
        return _SPARKS[0]
    return _SPARKS[max(1, min(8, round(8 * count / top)))]


def _appendix(report: Report) -> RenderableType:
    # Narrow columns only: terminals are often 80 wide. Job statements are listed above,
    # and the full appendix is in the HTML and Markdown reports. Cells wrap rather than
    # lose their end, and every header fits whole.
    table = Table(expand=True)
    for name in ("Interview", "Date", "Switch", "P/P/A/H", "Segments"):
        short = name in ("Date", "P/P/A/H")
        table.add_column(
            name,
            no_wrap=short,
            overflow="fold",
            min_width=len(name),
        )
    for item in report.appendix:
        who = item.id + (f" ({item.name})" if item.name else "")
        counts = "/".join(str(item.counts[k]) for k in ("push", "pull", "anxiety", "inertia"))
        segments = ", ".join(item.segments[k] for k in report.scope.segments if k in item.segments)
        table.add_row(escape(who), item.date or "—", escape(item.switch), counts, escape(segments))
    return table
