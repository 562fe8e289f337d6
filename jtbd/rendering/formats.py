"""Which report goes where: the format from ``--format``, ``-o`` or ``--template``, and the
SVG file a Markdown report links to.

Deliberately light (no Jinja, no models): the CLI imports it at start-up, and ``jtbd --help``
must stay fast.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jtbd.errors import UsageError

REPORT_FORMATS = ("terminal", "html", "md", "json", "svg")
"""Every format of ``jtbd report``; all but ``terminal`` render through a template."""

# File name endings that name a format; ".txt" is the terminal report as plain text.
SUFFIXES = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".svg": "svg",
    ".txt": "terminal",
}


@dataclass(frozen=True)
class ReportPlan:
    """What ``jtbd report`` writes: one format, to a file or stdout, and maybe a diagram."""

    format: str
    output: Path | None = None
    """The report's file; None prints it."""
    template: Path | None = None
    """The user's own template file, if any."""
    diagram: Path | None = None
    """The forces diagram's SVG file written beside a Markdown report (``NAME-forces.svg``)."""

    @property
    def diagram_link(self) -> str | None:
        """How the report links to its diagram file: the name, as it sits beside it."""
        return self.diagram.name if self.diagram is not None else None


def plan_report(
    format: str | None = None, output: Path | None = None, template: Path | None = None
) -> ReportPlan:
    """Decide the format and the files: ``--format`` wins, then the ``-o`` file name, then
    the ``--template`` name, else the terminal.

    Raises UsageError for a name that says no format, an unknown format, or a template
    asked to render the terminal report (which has none).
    """
    named = output or template
    if format is None:
        format = _format_of(named) if named is not None else "terminal"
    elif format not in REPORT_FORMATS:
        raise UsageError(f"unknown report format {format!r}: use {', '.join(REPORT_FORMATS)}")
    if format == "terminal" and template is not None:
        raise UsageError("the terminal report has no template: use --format html, md or json")
    diagram = None
    if format == "md" and output is not None:
        diagram = output.with_name(f"{output.stem}-forces.svg")
    return ReportPlan(format, output, template, diagram)


def _format_of(named: Path) -> str:
    # The last known ending wins: "report.html.j2" is HTML, "notes.md.txt" plain text.
    known = [suffix.lower() for suffix in named.suffixes if suffix.lower() in SUFFIXES]
    if not known:
        raise UsageError(
            f"cannot tell the format from {named.name!r}: pass --format "
            f"({', '.join(REPORT_FORMATS)})"
        )
    return SUFFIXES[known[-1]]
