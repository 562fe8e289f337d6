"""Command ``jtbd report`` (placeholder until issue 3 lands)."""

from __future__ import annotations

import typer


def report_command(ctx: typer.Context) -> None:
    """Aggregate the interviews into a forces report."""
    raise typer.Exit(2)
