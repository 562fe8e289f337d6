"""What every command shares: the workspace option and turning errors into messages."""

from __future__ import annotations

import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import typer
from typer.core import TyperCommand

from jtbd.errors import JtbdError

if TYPE_CHECKING:
    from jtbd.store import Workspace

DEFAULT_WORKSPACE = Path(".jtbd")

WORKSPACE_OPTION = typer.Option(
    None,
    "--workspace",
    "-w",
    envvar="JTBD_WORKSPACE",
    help="Folder of the workspace store [default: .jtbd in the current folder].",
    show_default=False,
)


class PlainUsage(TyperCommand):
    """A command whose usage line names a required argument ``FILE...``, not ``{FILE...}``.

    Typer wraps required arguments in braces, which reads like a placeholder left unfilled.
    """

    # Any: the base class types ctx with typer's private vendored click Context.
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        """The usage pieces, without the braces around required arguments."""
        pieces = super().collect_usage_pieces(ctx)
        return [p[1:-1] if p.startswith("{") and p.endswith("}") else p for p in pieces]


def workspace_path(option: Path | None) -> Path:
    """The workspace folder from the option, the environment or the default."""
    return option if option is not None else DEFAULT_WORKSPACE


def open_workspace(option: Path | None, write: bool = False) -> Workspace:
    """Open the workspace: ``write`` to create it or require write access (ingest only).

    Without ``write`` it opens read-only, so another user's study or a read-only share
    can still be reported on and exported.
    """
    from jtbd.store import Workspace

    folder = workspace_path(option)
    return Workspace(folder, create=True, writable=True) if write else Workspace(folder)


@contextmanager
def terminate_as_interrupt() -> Iterator[None]:
    """Treat SIGTERM like Ctrl-C while the block runs, so both stop a command cleanly."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signal handlers can only be set from the main thread
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def is_debug(ctx: typer.Context) -> bool:
    """True when the user asked for tracebacks with ``jtbd --debug``."""
    return bool(ctx.obj and ctx.obj.get("debug")) or bool(os.environ.get("JTBD_DEBUG"))


def error_line(message: str) -> None:
    """Print one error line to stderr."""
    # Plain text, never console markup: messages carry file names and the notes' own words.
    typer.echo(typer.style("error:", fg="red") + f" {message}", err=True)


def warning_line(message: str) -> None:
    """Print one warning line to stderr."""
    typer.echo(typer.style("warning:", fg="yellow") + f" {message}", err=True)


@contextmanager
def reported_errors(ctx: typer.Context) -> Iterator[None]:
    """Turn a JtbdError into one line on stderr and its exit code.

    Anything else is a bug in jtbd, but the user still gets one line, not a traceback,
    unless they asked for ``--debug``.
    """
    try:
        yield
    except JtbdError as error:
        if is_debug(ctx):
            traceback.print_exc(file=sys.stderr)
        error_line(str(error))
        raise typer.Exit(error.exit_code) from None
    except (typer.Exit, typer.Abort, KeyboardInterrupt):
        raise
    except Exception as error:  # noqa: BLE001 - the last line of defence for users
        if is_debug(ctx):
            traceback.print_exc(file=sys.stderr)
        error_line(f"internal error: {type(error).__name__}: {error} (rerun with --debug)")
        raise typer.Exit(70) from None


def write_output(text: str, output: Path | None) -> None:
    """Write command output to a file, or to stdout when no file is named."""
    if output is None:
        sys.stdout.write(text)
        return
    try:
        make_folder(output.parent)
        output.write_text(text, encoding="utf-8")
    except OSError as error:
        raise JtbdError(f"cannot write {output}: {error.strerror}") from None


def make_folder(folder: Path) -> None:
    """Create ``folder`` if it is missing, saying so on stderr: a mistyped folder in ``-o``
    or ``--review`` should not leave files somewhere the user will not look."""
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        typer.echo(f"created folder {folder}", err=True)


def wrote(path: Path) -> None:
    """Tell the user (on stderr, so pipes stay clean) which file a command wrote."""
    typer.echo(f"wrote {path}", err=True)
