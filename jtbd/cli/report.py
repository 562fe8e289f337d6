"""Command ``jtbd report``."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

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
from jtbd.errors import JtbdError

if TYPE_CHECKING:  # only for annotations: importing these at start-up would slow --help
    from jtbd.models import Interview
    from jtbd.rendering.formats import ReportPlan
    from jtbd.synthesis.report import Report


class ReportFormat(str, Enum):
    """The formats of `jtbd report` (the same as jtbd.rendering.formats.REPORT_FORMATS)."""

    terminal = "terminal"
    html = "html"
    md = "md"
    json = "json"
    svg = "svg"


def report_command(
    ctx: typer.Context,
    folder: Path | None = typer.Argument(
        None,
        metavar="[FOLDER]",
        help="Report straight from this folder of notes, without a workspace.",
    ),
    format: ReportFormat | None = typer.Option(
        None,
        "--format",
        "-f",
        metavar="FORMAT",
        help="terminal, html, md, json, or svg (the forces diagram alone) "
        "[default: terminal, or from the -o/--template name; -o NAME.txt: plain text].",
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
    coded_only: bool = typer.Option(
        False, "--coded-only", help="Leave out forces `jtbd suggest` proposed (not yet reviewed)."
    ),
    min_confidence: float | None = typer.Option(
        None,
        "--min-confidence",
        help="Leave out suggested forces below this confidence, 0-1 [default: 0.4; 0 keeps all].",
        show_default=False,
    ),
    title: str = typer.Option("Forces of progress", "--title", help="The report's title."),
    workspace: Path | None = WORKSPACE_OPTION,
) -> None:
    """Aggregate the interviews into a forces report: diagram, themes, jobs, timeline.

    Interviews with `consent: false` are excluded and none of their text appears.
    The Markdown report writes the diagram as an SVG file beside it. Forces that
    `jtbd suggest` proposed are marked as suggested; those below --min-confidence are
    left out and counted, and --coded-only leaves them all out.
    """
    failed = False
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise typer.BadParameter("a confidence is between 0 and 1", param_hint="--min-confidence")
    with reported_errors(ctx):
        from jtbd.rendering.formats import plan_report
        from jtbd.synthesis.report import MIN_CONFIDENCE, build_report

        plan = plan_report(format.value if format else None, output, template)
        with _status("Reading notes…") as status:
            interviews, cache, failed = _read_interviews(folder, workspace)
            _refuse_overwriting_notes(plan, folder, workspace)
            status.update(f"Building the report of {len(interviews)} interviews…")
            report = build_report(
                interviews,
                by=by,
                show_names=show_names,
                title=title,
                coded_only=coded_only,
                embedding_cache=cache,
                min_confidence=MIN_CONFIDENCE if min_confidence is None else min_confidence,
            )
        if plan.format == "terminal" and plan.output is None:
            _print_terminal(report)
        else:
            _write(report, plan, templates_dir)
    if failed:
        raise typer.Exit(1)


def _read_interviews(
    folder: Path | None, workspace: Path | None
) -> tuple[list[Interview], Path | None, bool]:
    """The interviews to report on, the embedding cache's folder, and whether notes failed.

    Straight from a folder there is no workspace, so no cache: embeddings are computed.
    """
    from jtbd.ingest import read_folder
    from jtbd.store import Workspace
    from jtbd.synthesis.suggestions import with_suggestions, workspace_interviews

    merge_warnings: list[str] = []
    if folder is not None:
        read = read_folder(folder)
        for problem in read.errors:
            error_line(str(problem))
        for problem in read.warnings:
            warning_line(str(problem))
        # Review files in the folder are folded into the interviews they review.
        interviews = with_suggestions(read.interviews, [], merge_warnings)
        cache, failed = None, bool(read.errors)
    else:
        cache = workspace_path(workspace)  # embeddings are kept beside the workspace
        with Workspace(cache) as store:
            # Review records folded in; the stored suggestions as forces marked suggested.
            interviews = workspace_interviews(store, merge_warnings)
        failed = False
    for message in merge_warnings:
        warning_line(message)
    return interviews, cache, failed


def _refuse_overwriting_notes(
    plan: ReportPlan, folder: Path | None, workspace: Path | None
) -> None:
    """Stop before ``-o`` (or the SVG written beside a Markdown report) replaces a file of
    the study: the user's notes are never modified, even by a typo in a file name."""
    from jtbd.store import Workspace

    targets = [p.resolve() for p in (plan.output, plan.diagram) if p is not None and p.is_file()]
    if not targets:
        return
    if folder is not None:
        inside = folder.resolve()
        clash = [target for target in targets if inside in target.parents]
    else:
        with Workspace(workspace_path(workspace)) as store:
            notes = store.study_files()
        clash = [target for target in targets if target in notes]
    if clash:
        raise JtbdError(f"{clash[0]}: a file of the study; write the report to another file")


class _Status(Protocol):
    """A progress message that can change (rich's spinner, or nothing)."""

    def __enter__(self) -> _Status: ...

    def __exit__(self, kind: Any, error: Any, trace: Any, /) -> None: ...

    def update(self, status: str, /) -> None: ...


class _NoStatus:
    def __enter__(self) -> _NoStatus:
        return self

    def __exit__(self, kind: Any, error: Any, trace: Any, /) -> None:
        return None

    def update(self, status: str, /) -> None:
        return None


def _status(message: str) -> _Status:
    """A spinner on stderr while a large report is built, only when a person is watching."""
    if not sys.stderr.isatty():
        return _NoStatus()
    from rich.console import Console

    return Console(stderr=True).status(message)


def _print_terminal(report: Report) -> None:
    from rich.console import Console

    from jtbd.rendering.terminal import report_renderables

    console = Console(highlight=False)
    for part in report_renderables(report):
        console.print(part)


def _write(report: Report, plan: ReportPlan, templates_dir: Path | None) -> None:
    from jtbd.rendering.report import render_files

    for piece in render_files(report, plan, templates_dir):
        write_output(piece.text, piece.path)
        if piece.path is not None:
            wrote(piece.path)
