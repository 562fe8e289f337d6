"""Render a Report through its Jinja template: HTML, Markdown, JSON, or the SVG diagram.

Pure functions: data in, text out. Writing files and printing is the CLI's job.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup

from jtbd.errors import UsageError
from jtbd.rendering.diagram import PALETTE, THEME_ROWS, forces_diagram
from jtbd.rendering.formats import ReportPlan
from jtbd.rendering.saturation_chart import saturation_chart
from jtbd.rendering.templates import environment, render, render_file
from jtbd.synthesis.report import Report

TEMPLATE_FORMATS = ("html", "md", "json", "svg")


@dataclass
class RenderedReport:
    """The report text, and the standalone SVG diagram for formats that link to it."""

    text: str
    diagram_svg: str


def render_report(
    report: Report,
    format: str,
    template: Path | None = None,
    template_dir: Path | None = None,
    diagram_file: str | None = None,
) -> RenderedReport:
    """Render ``report`` as ``format`` ("html", "md", "json", or "svg": the diagram alone).

    ``template`` is the user's own template file; ``template_dir`` a folder whose
    templates override bundled ones of the same name. ``diagram_file`` is the name the
    Markdown report uses to link to the diagram's SVG file beside it.
    """
    if format not in TEMPLATE_FORMATS:
        raise UsageError(f"unknown report format {format!r}: use {', '.join(TEMPLATE_FORMATS)}")
    env = environment(template_dir)
    geometry = forces_diagram(report)
    diagram = render(env, "forces.svg.j2", {"d": geometry})
    narrow = render(env, "forces.svg.j2", {"d": forces_diagram(report, narrow=True)})
    chart = render(env, "saturation.svg.j2", {"c": saturation_chart(report.saturation)})
    context: dict[str, Any] = {
        "report": report,
        "data": report.to_dict(),
        # Already escaped by the SVG templates; Markup stops a second escaping in HTML.
        "diagram_svg": Markup(diagram),
        "diagram_narrow_svg": Markup(narrow),  # the same diagram in one column, for phones
        "saturation_svg": Markup(chart),
        "diagram_file": diagram_file,
        "diagram": geometry,  # what the diagram shows, for a text rendering of it
        "colours": PALETTE,
        "theme_rows": THEME_ROWS,
    }
    if template is not None:
        text = render_file(template, context, env)
    elif format == "svg":
        text = diagram  # the forces diagram on its own, for slides and documents
    else:
        text = render(env, f"report.{format}.j2", context)
    return RenderedReport(text, diagram)


@dataclass
class ReportFile:
    """One piece of output: its text and where it goes (None: stdout)."""

    path: Path | None
    text: str


def render_files(
    report: Report, plan: ReportPlan, template_dir: Path | None = None
) -> list[ReportFile]:
    """Everything ``plan`` writes, in order: a Markdown report's diagram before the report.

    The terminal format comes out as plain text (no colour codes), for ``-o report.txt``.
    """
    if plan.format == "terminal":
        from jtbd.rendering.terminal import plain_text

        return [ReportFile(plan.output, plain_text(report))]
    rendered = render_report(report, plan.format, plan.template, template_dir, plan.diagram_link)
    files = [ReportFile(plan.diagram, rendered.diagram_svg)] if plan.diagram else []
    return [*files, ReportFile(plan.output, rendered.text)]
