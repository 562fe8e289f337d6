"""Commands ``jtbd ingest`` and ``jtbd export``."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from jtbd.cli.common import (
    WORKSPACE_OPTION,
    error_line,
    open_workspace,
    reported_errors,
    terminate_as_interrupt,
    warning_line,
    write_output,
    wrote,
)
from jtbd.errors import JtbdError

if TYPE_CHECKING:
    from rich.console import Console

    from jtbd.ingest import IngestSummary
    from jtbd.store import Workspace

# The exit code of a command stopped by Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130


class ExportFormat(str, Enum):
    """The formats of `jtbd export`."""

    json = "json"
    csv = "csv"


def ingest_command(
    ctx: typer.Context,
    folders: list[Path] = typer.Argument(
        ...,
        metavar="FOLDER...",
        help="Folders of notes, transcripts (.md, .yaml, .vtt, .srt, .txt, .docx, .json) "
        "and review files.",
    ),
    workspace: Path | None = WORKSPACE_OPTION,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print errors only."),
    as_json: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
    wait: float = typer.Option(
        30.0, "--wait", min=0, help="Seconds to wait for another ingest of the workspace."
    ),
) -> None:
    """Parse every note under each FOLDER (recursively) into the workspace.

    Each folder is its own scope, ingested in turn with its own summary: unchanged files
    are skipped, changed ones replaced, and notes deleted from that folder removed from
    the workspace. Review files (`jtbd suggest --review DIR`) are read as the
    researcher's coding: `jtbd ingest notes/ review/`. The notes are never modified.
    Ctrl-C stops the folder being ingested without changing it (folders before it are
    kept): run the command again to complete it. --json prints one summary object, or
    a list of them for several folders.
    Exit codes: 1 when a note failed (the others are still ingested),
    75 when another ingest kept the workspace busy, 130 when interrupted.
    """
    summaries: list[IngestSummary] = []
    try:
        with (
            reported_errors(ctx),
            terminate_as_interrupt(),
            open_workspace(workspace, write=True) as store,
        ):
            for folder in folders:
                show = not (quiet or as_json)
                summaries.append(_ingest(folder, store, wait, quiet, show_progress=show))
                if not as_json:
                    _print_summary(summaries[-1], quiet)
    except KeyboardInterrupt:
        # Each folder's run is one transaction: an interrupt rolls that folder's back.
        where = f" (folders before {folders[len(summaries)]} were ingested)" if summaries else ""
        error_line(
            f"interrupted: nothing from this run was saved{where}; "
            "run `jtbd ingest` again to complete it"
        )
        raise typer.Exit(INTERRUPTED) from None
    if as_json:
        data = [summary.to_dict() for summary in summaries]
        typer.echo(json.dumps(data[0] if len(data) == 1 else data, indent=2, ensure_ascii=False))
    if not all(summary.ok for summary in summaries):
        raise typer.Exit(1)


def _on_terminal() -> bool:
    """A progress bar only for a person watching: not when piped or captured."""
    return sys.stdout.isatty()


def _waiting(store: Workspace, wait: float) -> None:
    typer.echo(
        f"waiting for another `jtbd ingest` of {store.folder} to finish (up to {wait:g} s)",
        err=True,
    )


def _ingest(
    folder: Path, store: Workspace, wait: float, quiet: bool, show_progress: bool
) -> IngestSummary:
    from jtbd.ingest import ingest_folder

    def on_wait() -> None:
        if not quiet:
            _waiting(store, wait)

    if not (show_progress and _on_terminal()):
        return ingest_folder(folder, store, wait=wait, on_wait=on_wait)
    return _ingest_with_progress(folder, store, wait, on_wait)


def _ingest_with_progress(
    folder: Path, store: Workspace, wait: float, on_wait: Callable[[], None]
) -> IngestSummary:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from jtbd.ingest import ingest_folder

    columns = (TextColumn("Ingesting"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, transient=True) as bar:
        task = bar.add_task("ingest", total=None)
        return ingest_folder(
            folder,
            store,
            progress=lambda done, total: bar.update(task, completed=done, total=total),
            wait=wait,
            on_wait=on_wait,
        )


def _print_summary(summary: IngestSummary, quiet: bool) -> None:
    from rich.console import Console

    for problem in summary.errors:
        error_line(str(problem))
    if quiet:
        return
    for line in summary.warning_lines():
        warning_line(line)
    _summary_table(Console(highlight=False), summary)


def _summary_table(console: Console, summary: IngestSummary) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(
        title=f"Ingested {escape(summary.folder)}", show_header=False, title_justify="left"
    )
    table.add_column("what")
    table.add_column("count", justify="right")
    from jtbd.readers.review import review_round

    for verb, items in (
        ("added", summary.added),
        ("updated", summary.updated),
        ("unchanged", summary.unchanged),
        ("removed", summary.removed),
    ):
        # A review folder's records are reviews of interviews, not interviews of their own.
        reviews = sum(1 for item in items if review_round(item))
        table.add_row(f"interviews {verb}", str(len(items) - reviews))
        if reviews:
            table.add_row(f"reviews {verb}", str(reviews))
    for kind, count in summary.forces.items():
        table.add_row(f"{kind} forces", str(count))
    table.add_row("items in free notes", str(summary.free_notes))
    table.add_row("other files ignored", str(len(summary.ignored)))
    table.add_row("warnings", str(len(summary.warnings)))
    table.add_row("errors", f"[red]{len(summary.errors)}[/red]" if summary.errors else "0")
    console.print(table)
    if summary.removed:
        from jtbd.synthesis.quotes import name_some  # a few ids, then a count: one short line

        console.print("Removed (note deleted): " + escape(name_some(summary.removed, 10)))


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
        from jtbd.synthesis.suggestions import workspace_interviews

        merge_warnings: list[str] = []
        with open_workspace(workspace) as store:
            target = output.resolve() if output is not None and output.is_file() else None
            if target is not None and target in store.study_files():
                raise JtbdError(f"{target}: a file of the study; write the export to another file")
            # Review records folded in, stored suggestions as forces marked suggested.
            interviews = workspace_interviews(store, merge_warnings)
        for message in merge_warnings:
            warning_line(message)
        if not include_all:
            interviews = shareable(interviews)
        text = export_json(interviews) if format is ExportFormat.json else export_csv(interviews)
        write_output(text, output)
        if output is not None:
            wrote(output)
