"""Commands ``jtbd new-guide`` and ``jtbd lint-guide`` (placeholder until issue 4 lands)."""

from __future__ import annotations

import typer


def new_guide_command(ctx: typer.Context) -> None:
    """Write an interview guide for an interview type."""
    raise typer.Exit(2)


def lint_guide_command(ctx: typer.Context) -> None:
    """Check a hand-written guide for leading, hypothetical and closed questions."""
    raise typer.Exit(2)
