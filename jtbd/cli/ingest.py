"""Commands ``jtbd ingest`` and ``jtbd export``."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from rich.console import Console

    from jtbd.ingest import IngestSummary


class ExportFormat(str, Enum):
    """The formats of `jtbd export`."""

    json = "json"
    csv = "csv"


def ingest_command(
    ctx: typer.Context,
    folder: Path = typer.Argument(..., help="Folder of notes (.md, .markdown, .yaml, .yml)."),
    workspace: Path | None = WORKSPACE_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Parse every note under FOLDER (recursively) into the workspace.

    Unchanged files are skipped; changed ones replaced; notes deleted from FOLDER are
    removed from the workspace. The notes themselves are never modified.
    Exit code 1 when any note failed (other notes are still ingested).
    """
    with reported_errors(ctx):
        from jtbd.ingest import ingest_folder
        from jtbd.store import Workspace

        with Workspace(workspace_path(workspace), create=True) as store:
            if quiet or as_json or not _on_terminal():
                summary = ingest_folder(folder, store)
            else:
                summary = _ingest_with_progress(folder, store)
    if as_json:
        typer.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
    else:
        _print_summary(summary, quiet)
    if not summary.ok:
        raise typer.Exit(1)


def _on_terminal() -> bool:
    """A progress bar only for a person watching: not when piped or captured."""
    return sys.stdout.isatty()


def _ingest_with_progress(folder: Path, store: object) -> IngestSummary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from jtbd.ingest import ingest_folder
    from jtbd.store import Workspace

    assert isinstance(store, Workspace)
    columns = (TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingest", total=None)
        return ingest_folder(
            folder,
            store,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
        )


def _print_summary(summary: IngestSummary, quiet: bool) -> None:
    from rich.console import Console

    for problem in summary.errors:
        error_line(str(problem))
    if quiet:
        return
    for problem in summary.warnings:
        warning_line(str(problem))
    _summary_table(Console(highlight=False), summary)


def _summary_table(console: Console, summary: IngestSummary) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(
        title=f"Ingested {escape(summary.folder)}", show_header=False, title_justify="left"
    )
    table.add_column("what")
    table.add_column("count", justify="right")
    for label, items in (
        ("interviews added", summary.added),
        ("interviews updated", summary.updated),
        ("interviews unchanged", summary.unchanged),
        ("interviews removed", summary.removed),
    ):
        table.add_row(label, str(len(items)))
    for kind, count in summary.forces.items():
        table.add_row(f"{kind} forces", str(count))
    table.add_row("other files ignored", str(len(summary.ignored)))
    table.add_row("warnings", str(len(summary.warnings)))
    table.add_row("errors", f"[red]{len(summary.errors)}[/red]" if summary.errors else "0")
    console.print(table)
    if summary.removed:
        console.print("Removed (note deleted): " + escape(", ".join(summary.removed)))


def export_command(
    ctx: typer.Context,
    format: ExportFormat = typer.Option(ExportFormat.json, "--format", "-f", help="json or csv."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to a file."),
    include_all: bool = typer.Option(
        False, "--all", help="Also export interviews with consent: false."
    ),
    workspace: Path | None = WORKSPACE_OPTION,
) -> None:
    """Print the ingested interviews: JSON (everything) or CSV (one row per force).

    Interviews with `consent: false` are left out unless you pass --all.
    """
    with reported_errors(ctx):
        from jtbd.export import export_csv, export_json, shareable
        from jtbd.store import Workspace

        with Workspace(workspace_path(workspace)) as store:
            interviews = store.interviews()
        if not include_all:
            interviews = shareable(interviews)
        text = export_json(interviews) if format is ExportFormat.json else export_csv(interviews)
        write_output(text, output)
        if output is not None:
            wrote(output)
