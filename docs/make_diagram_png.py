"""Render docs/forces-diagram.png from examples/ in headless Chromium (`make docs`)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from typer.testing import CliRunner

DOCS = Path(__file__).resolve().parent
REPO = DOCS.parent
sys.path.insert(0, str(REPO))

from jtbd.cli import app  # noqa: E402
from tools.browser import Browser, find_chromium  # noqa: E402


def main() -> None:
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("needs chromium (apt-get install chromium)")
    with tempfile.TemporaryDirectory() as scratch:
        page = Path(scratch) / "report.html"
        result = CliRunner().invoke(
            app, ["report", str(REPO / "examples" / "notes"), "-o", str(page)]
        )
        if result.exit_code != 0:
            raise SystemExit(result.stderr)
        with Browser(chromium) as browser:
            browser.set_width(1100, scale=2)
            browser.open(page.as_uri())
            browser.screenshot(DOCS / "forces-diagram.png", "#forces-diagram")
    print(f"wrote {DOCS / 'forces-diagram.png'}")


if __name__ == "__main__":
    main()
