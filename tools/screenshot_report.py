"""Save the HTML report as a desktop (1280 px) and a phone (390 px) would show it.

    .venv/bin/python tools/screenshot_report.py [REPORT.html] [-o FOLDER] [--by ATTRIBUTE]

Without a file it renders the bundled examples/notes first. The page is saved in tiles
(NAME-WIDTH-NN.png, top to bottom) small enough to look at one by one. Needs chromium.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
REPO = TOOLS.parent
sys.path.insert(0, str(REPO))

from tools.browser import Browser, find_chromium  # noqa: E402

WIDTHS = (1280, 390)
TILE_HEIGHT = 1600


def example_report(folder: Path, by: str | None) -> Path:
    """Render examples/notes as HTML through the CLI, as a user would."""
    from typer.testing import CliRunner

    from jtbd.cli import app

    page = folder / "report.html"
    arguments = ["report", str(REPO / "examples" / "notes"), "-o", str(page)]
    result = CliRunner().invoke(app, arguments + (["--by", by] if by else []))
    if result.exit_code != 0:
        raise SystemExit(result.stderr)
    return page


def shoot(page: Path, out: Path, chromium: str) -> list[Path]:
    """Tiles of ``page`` at each width; returns the files written."""
    written = []
    for width in WIDTHS:
        with Browser(chromium) as browser:
            browser.set_width(width)
            browser.open(page.resolve().as_uri())
            page_width, height = browser.page_size()
            if page_width > width:
                print(f"warning: at {width} px the page is {page_width} px wide (scrolls sideways)")
            for index, top in enumerate(range(0, height, TILE_HEIGHT)):
                tile = out / f"{page.stem}-{width}-{index:02d}.png"
                browser.screenshot_area(tile, 0, top, width, min(TILE_HEIGHT, height - top))
                written.append(tile)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", nargs="?", type=Path, help="an HTML report (default: examples)")
    parser.add_argument("-o", "--out", type=Path, default=Path("screenshots"))
    parser.add_argument("--by", help="with --by ATTRIBUTE (for the example report)")
    options = parser.parse_args()
    chromium = find_chromium()
    if chromium is None:
        raise SystemExit("needs chromium (apt-get install chromium)")
    options.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        page = options.page or example_report(Path(scratch), options.by)
        for tile in shoot(page, options.out, chromium):
            print(f"wrote {tile}")


if __name__ == "__main__":
    main()
