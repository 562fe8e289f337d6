"""Command ``jtbd report``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from jtbd.cli.common import (
    WORKSPACE_OPTION,
    error_line,
    reported_errors,
    warning_line,
    workspace_path,
    write_output,
    wrote,
)
from jtbd.errors import UsageError


class ReportFormat(str, Enum):
    """The formats of `jtbd report`."""

    terminal = "terminal"
    html = "html"
    md = "md"
    json = "json"
    svg = "svg"


_SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".svg": "svg",
}


def report_command(
    ctx: typer.Context,
    folder: Path | None = typer.Argument(
        None, help="Report straight from this folder of notes, without a workspace."
    ),
    format: ReportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        help="terminal, html, md, json, or svg (the forces diagram alone) "
        "\\[default: terminal, or from the -o/--template name].",
        show_default=False,
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file."),
    by: str | None = typer.Option(
        None, "--by", help="Compare segments: any frontmatter attribute."
    ),
    template: Path | None = typer.Option(None, "--template", help="Your own Jinja template file."),
    templates_dir: Path | None = typer.Option(
        None, "--templates-dir", help="Folder of templates overriding bundled ones by name."
    ),
    show_names: bool = typer.Option(False, "--show-names", help="Show participant names."),
    title: str = typer.Option("Forces of progress", "--title", help="The report's title."),
    workspace: Path | None = WORKSPACE_OPTION,
) -> None:
    """Aggregate the interviews into a forces report: diagram, themes, jobs, timeline.

    Interviews with `consent: false` are excluded and none of their text appears.
    The Markdown report writes the diagram as an SVG file beside it.
    """
    failed = False
    with reported_errors(ctx):
        from jtbd.ingest import read_folder
        from jtbd.store import Workspace
        from jtbd.synthesis.report import build_report

        chosen = _format(format, output, template)
        with _status("Reading notes…") as status:
            if folder is not None:
                read = read_folder(folder)
                for problem in read.errors:
                    error_line(str(problem))
                for problem in read.warnings:
                    warning_line(str(problem))
                failed = bool(read.errors)
                interviews = read.interviews
                cache = None
            else:
                cache = workspace_path(workspace)  # embeddings are kept beside the workspace
                with Workspace(cache) as store:
                    interviews = store.interviews()
            status.update(f"Building the report of {len(interviews)} interviews…")
            report = build_report(
                interviews, by=by, show_names=show_names, title=title, embedding_cache=cache
            )
        if chosen is ReportFormat.terminal:
            _print_terminal(report)
        else:
            _write_rendered(report, chosen, output, template, templates_dir)
    if failed:
        raise typer.Exit(1)


class _NoStatus:
    def __enter__(self) -> _NoStatus:
        return self

    def __exit__(self, *exc_info: object) -> None:
        return None

    def update(self, message: str) -> None:
        return None


def _status(message: str) -> Any:
    """A spinner on stderr while a large report is built, only when a person is watching."""
    if not sys.stderr.isatty():
        return _NoStatus()
    from rich.console import Console

    return Console(stderr=True).status(message)


def _format(
    chosen: ReportFormat | None, output: Path | None, template: Path | None
) -> ReportFormat:
    if chosen is None:
        named = output or template
        if named is None:
            return ReportFormat.terminal
        suffixes = [s.lower() for s in named.suffixes if s.lower() in _SUFFIXES]
        if not suffixes:
            raise UsageError(f"cannot tell the format from {named.name!r}: pass --format")
        return ReportFormat(_SUFFIXES[suffixes[-1]])
    if chosen is ReportFormat.terminal and (output or template):
        raise UsageError(
            "--format terminal prints to the terminal: use html, md, json or svg for a file"
        )
    return chosen


def _print_terminal(report: object) -> None:
    from rich.console import Console

    from jtbd.rendering.terminal import report_renderables
    from jtbd.synthesis.report import Report

    assert isinstance(report, Report)
    console = Console(highlight=False)
    for part in report_renderables(report):
        console.print(part)


def _write_rendered(
    report: object,
    chosen: ReportFormat,
    output: Path | None,
    template: Path | None,
    templates_dir: Path | None,
) -> None:
    from jtbd.rendering.report import render_report
    from jtbd.synthesis.report import Report

    assert isinstance(report, Report)
    diagram_file = None
    if chosen is ReportFormat.md and output is not None:
        diagram_file = f"{output.stem}-forces.svg"
    rendered = render_report(report, chosen.value, template, templates_dir, diagram_file)
    if diagram_file is not None and output is not None:
        write_output(rendered.diagram_svg, output.with_name(diagram_file))
        wrote(output.with_name(diagram_file))
    write_output(rendered.text, output)
    if output is not None:
        wrote(output)
