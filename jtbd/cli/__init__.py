"""The ``jtbd`` command line: parse options, call the library, print.

Each command lives in its own module; this one assembles them. Library modules are
imported inside the commands so that ``jtbd --help`` stays fast.
"""

from __future__ import annotations

import typer

from jtbd import __version__
from jtbd.cli import guide, ingest, report, suggest

app = typer.Typer(
    name="jtbd",
    help="Jobs-to-be-Done interview synthesis: write guides, ingest notes, report the forces.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"jtbd {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    debug: bool = typer.Option(False, "--debug", help="Show a traceback when something fails."),
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Jobs-to-be-Done interview synthesis: write guides, ingest notes, report the forces."""
    ctx.obj = {"debug": debug}


app.command("ingest")(ingest.ingest_command)
app.command("export")(ingest.export_command)
app.command("report")(report.report_command)
app.command("new-guide")(guide.new_guide_command)
app.command("lint-guide")(guide.lint_guide_command)
app.command("suggest")(suggest.suggest_command)


def main() -> None:
    """Console-script entry point."""
    app()
