"""Command ``jtbd suggest``: a first-pass force for each statement, for the researcher to review.

``jtbd suggest FILE`` labels the statements of a ``.csv``, ``.jsonl`` or ``.txt`` file.
Without FILE it labels the workspace's uncoded statements and stores them there;
``--review DIR`` also writes one review file per interview for the researcher.
"""

from __future__ import annotations

from pathlib import Path

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


def suggest_command(
    ctx: typer.Context,
    file: Path | None = typer.Argument(
        None,
        metavar="[FILE]",
        help='Statements to label: .csv (see --column), .jsonl (a "text" key per line) '
        "or .txt (one statement per line).",
        show_default=False,
    ),
    column: str | None = typer.Option(
        None,
        "--column",
        "-c",
        help="CSV column holding the statement [default: text].",
        show_default=False,
    ),
    output: Path | None = typer.Option(
        None,
        "--output",
        "-o",
        help="Write here (format by suffix: .csv, .jsonl, .txt) instead of stdout.",
    ),
    review: Path | None = typer.Option(
        None,
        "--review",
        help="Workspace mode: also write a review checklist per interview into this folder "
        "(an existing review file is kept).",
    ),
    workspace: Path | None = WORKSPACE_OPTION,
) -> None:
    """Suggest push / pull / anxiety / inertia / none, with a confidence, per statement.

    With FILE: writes its rows in order with "kind" and "confidence" added; exit code 1
    when a row could not be read (the others are still written). Without FILE: suggests
    for every statement of the workspace no one has coded and stores the suggestions
    there (reports mark them as suggested); --review DIR writes a checklist per
    interview to tick, then `jtbd ingest NOTES/ DIR/`. Suggestions are a first pass for
    the researcher to review, not coding. No note, transcript or FILE is modified.
    """
    with reported_errors(ctx):
        if file is None:
            if column is not None or output is not None:
                raise UsageError("--column and --output apply to a statement FILE only")
            from jtbd.cli.suggest_workspace import suggest_in_workspace

            suggest_in_workspace(workspace_path(workspace), review)
            return
        if review is not None:
            raise UsageError("--review applies to the workspace (jtbd suggest --review DIR)")
        failed = _suggest_file(file, column, output)
    if failed:
        raise typer.Exit(1)


def _suggest_file(file: Path, column: str | None, output: Path | None) -> bool:
    """Label one file's statements and write them; True when some rows were bad."""
    from jtbd.readers.statement_files import read_statements, statement_format, write_statements
    from jtbd.synthesis.suggest import ForceSuggester

    output_format = statement_format(output) if output else statement_format(file)
    if column is not None and statement_format(file) != ".csv":
        raise UsageError("--column applies to .csv files only")
    if output is not None and output.resolve() == file.resolve():
        raise UsageError(f"{output}: would overwrite the input; name another file")
    table = read_statements(file, column)
    suggestions = ForceSuggester().suggest([row.text for row in table.rows])
    for warning in table.warnings:
        warning_line(str(warning))
    for problem in table.problems:
        error_line(str(problem))
    write_output(write_statements(table, [s.to_dict() for s in suggestions], output_format), output)
    if output is not None:
        wrote(output)
    return bool(table.problems)
