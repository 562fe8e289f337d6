"""The ``jtbd`` command line: parse options, call the library, print.

Each command lives in its own module; this one assembles them. Library modules are
imported inside the commands so that ``jtbd --help`` stays fast.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import typer

from jtbd import __version__
from jtbd.cli import guide, ingest, report, suggest
from jtbd.cli.common import PlainUsage

app = typer.Typer(
    name="jtbd",
    help="Jobs-to-be-Done interview synthesis: write guides, ingest notes, report the forces.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    # Plain click help, not rich's boxes: rendering it through rich imports rich.markdown
    # and markdown-it, about 90 ms of a start-up that must stay under 0.2 s.
    rich_markup_mode=None,
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


def _help(command: Callable[..., Any]) -> str:
    """A command's docstring as help: paragraphs re-flowed, so a line break in the source
    never shows as a line broken mid-sentence in ``--help``."""
    text = inspect.cleandoc(command.__doc__ or "")
    return "\n\n".join(" ".join(part.split()) for part in text.split("\n\n"))


for name, command in (
    ("ingest", ingest.ingest_command),
    ("export", ingest.export_command),
    ("report", report.report_command),
    ("new-guide", guide.new_guide_command),
    ("lint-guide", guide.lint_guide_command),
    ("suggest", suggest.suggest_command),
):
    # PlainUsage: "FOLDER", not typer's "{folder}", in the usage line
    app.command(name, help=_help(command), cls=PlainUsage)(command)


def main() -> None:
    """Console-script entry point."""
    app()
