"""Regenerate the golden report files from examples/ (run `make golden`, then review the diff).

The golden tests compare a fresh report of examples/notes with these files; nobody edits
them by hand.
"""

from __future__ import annotations

import sys
from pathlib import Path

from typer.testing import CliRunner

GOLDEN = Path(__file__).resolve().parent / "golden"
REPO = GOLDEN.parent.parent
sys.path.insert(0, str(REPO))

# (file name, extra CLI arguments) of every golden report
CASES = {
    "report.md": ["--format", "md"],
    "report.json": ["--format", "json"],
    "report-by-role.json": ["--format", "json", "--by", "role"],
}


def render(arguments: list[str]) -> str:
    """Render a report of examples/notes as the CLI does, with a stable relative path."""
    from jtbd.cli import app

    result = CliRunner().invoke(app, ["report", "examples/notes", *arguments])
    if result.exit_code != 0:
        raise SystemExit(f"report failed: {result.stderr}")
    return result.stdout


def main() -> None:
    import os

    os.chdir(REPO)
    for name, arguments in CASES.items():
        (GOLDEN / name).write_text(render(arguments), encoding="utf-8")
        print(f"wrote {GOLDEN / name}")


if __name__ == "__main__":
    main()
