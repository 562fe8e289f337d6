"""The HTML report in a real headless browser: the diagram renders, nothing fails to load."""

from __future__ import annotations

import os

import pytest

from tools.browser import Browser, find_chromium

CHROMIUM = find_chromium()
# CI sets JTBD_REQUIRE_BROWSER=1: there the test must run, never skip.
REQUIRED = os.environ.get("JTBD_REQUIRE_BROWSER") == "1"


@pytest.fixture
def browser():
    if CHROMIUM is None:
        if REQUIRED:
            pytest.fail("JTBD_REQUIRE_BROWSER=1 but no chromium is installed")
        pytest.skip("no chromium on this machine (apt-get install chromium); CI runs this test")
    with Browser(CHROMIUM) as opened:
        opened.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1100, "height": 1400, "deviceScaleFactor": 1, "mobile": False},
        )
        yield opened


def test_html_report_renders_the_diagram_in_chromium(run, examples_dir, tmp_path, browser):
    assert run("ingest", examples_dir, "-q").exit_code == 0
    page = tmp_path / "report.html"
    assert run("report", "-o", page).exit_code == 0
    browser.open(page.as_uri())
    width, height, bars, panels = browser.evaluate(
        "(() => { const svg = document.querySelector('#forces-diagram');"
        " const box = svg.getBoundingClientRect();"
        " return [box.width, box.height, svg.querySelectorAll('.theme rect').length,"
        " svg.querySelectorAll('g.force').length]; })()"
    )
    assert width > 600 and height > 300
    assert panels == 4
    assert bars == 16
    assert (
        browser.evaluate(
            "document.querySelector('#saturation-chart').getBoundingClientRect().height"
        )
        > 50
    )
    assert browser.failures() == []
    shot = tmp_path / "diagram.png"
    browser.screenshot(shot, "#forces-diagram")
    assert shot.read_bytes().startswith(b"\x89PNG")


def test_html_report_fits_a_phone(run, examples_dir, tmp_path, browser):
    # 390 px is a phone held upright: nothing may push the page wider than the screen
    # (a wide table scrolls inside its own box), and the diagram is the one-column one.
    page = tmp_path / "report.html"
    assert run("report", examples_dir, "--by", "role", "-o", page).exit_code == 0
    browser.set_width(390)
    browser.open(page.as_uri())
    width, _ = browser.page_size()
    assert width <= 390
    wide, narrow = browser.evaluate(
        "['#forces-diagram', '#forces-diagram-narrow'].map("
        "s => document.querySelector(s).getBoundingClientRect().width)"
    )
    assert wide == 0 and 300 < narrow <= 390
    # the quotes of a theme get the full width of the screen, not a squeezed column
    quotes = browser.evaluate(
        "document.querySelector('.theme .quotes').getBoundingClientRect().width"
    )
    assert quotes > 300
    # and no table needs sideways scrolling inside its box either
    hidden = browser.evaluate(
        "[...document.querySelectorAll('.scroll, .figure')]"
        ".filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1).length"
    )
    assert hidden == 0
    assert browser.failures() == []


def test_dates_and_ranges_do_not_wrap_at_the_hyphen(run, examples_dir, tmp_path, browser):
    page = tmp_path / "report.html"
    assert run("report", examples_dir, "-o", page).exit_code == 0
    browser.open(page.as_uri())  # 1100 px: the appendix's date and segment columns are narrow
    # Every text with a hyphen between digits ("2024-02-06", "2-10") is on one line.
    lines = browser.evaluate(
        "(() => { const found = []; const walk = document.createTreeWalker("
        "document.querySelector('main'), NodeFilter.SHOW_TEXT);"
        " while (walk.nextNode()) { const node = walk.currentNode;"
        " for (const m of node.textContent.matchAll(/\\d+(-\\d+)+/g)) {"
        " const range = document.createRange(); range.setStart(node, m.index);"
        " range.setEnd(node, m.index + m[0].length);"
        " found.push([m[0], range.getClientRects().length]); } } return found; })()"
    )
    assert len(lines) > 20
    assert [text for text, rects in lines if rects != 1] == []
