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


# Every pair of texts in a figure that must not touch: a panel's title and its counts, and
# the interview ids under the saturation bars. Boxes as drawn, in the page's pixels.
_OVERLAPS = """(() => {
  const box = e => e.getBoundingClientRect();
  const meet = (a, b) => a.width > 0 && b.width > 0 && a.left < b.right && b.left < a.right
    && a.top < b.bottom && b.top < a.bottom;
  const found = [];
  for (const panel of document.querySelectorAll('svg g.force')) {
    const title = panel.querySelector('text.title');
    for (const line of panel.querySelectorAll('text.evidence')) {
      if (meet(box(title), box(line))) found.push(title.textContent + ' / ' + line.textContent);
      const edge = box(panel.querySelector('rect')).right;
      if (box(line).right > edge) found.push('out: ' + line.textContent);
    }
  }
  // Slanted ids: their page boxes overlap while the words do not, so each one is compared
  // with its neighbour in the neighbour's own (turned) frame.
  const local = (a, b) => {
    const m = a.getCTM().inverse().multiply(b.getCTM()), r = b.getBBox();
    const xs = [], ys = [];
    for (const [x, y] of [[r.x, r.y], [r.x + r.width, r.y], [r.x, r.y + r.height],
                          [r.x + r.width, r.y + r.height]]) {
      xs.push(m.a * x + m.c * y + m.e); ys.push(m.b * x + m.d * y + m.f);
    }
    const left = Math.min(...xs), top = Math.min(...ys);
    return {left, top, right: Math.max(...xs), bottom: Math.max(...ys), width: 1};
  };
  const own = e => { const r = e.getBBox();
    return {left: r.x, top: r.y, right: r.x + r.width, bottom: r.y + r.height, width: 1}; };
  const ids = [...document.querySelectorAll('#saturation-chart text.id')];
  for (let i = 1; i < ids.length; i++) {
    if (meet(own(ids[i - 1]), local(ids[i - 1], ids[i])))
      found.push(ids[i - 1].textContent + ' / ' + ids[i].textContent);
  }
  return [found, document.querySelectorAll('svg g.force text.evidence').length, ids.length];
})()"""


@pytest.mark.parametrize("width", [1280, 390])
def test_no_title_overlaps_its_counts_nor_an_id_its_neighbour(run, tmp_path, browser, width):
    from tests.crowded_study import TOTAL, fill

    fill(tmp_path / ".jtbd", tmp_path / "study")
    page = tmp_path / "report.html"
    assert run("report", "-o", page).exit_code == 0
    browser.set_width(width)
    browser.open(page.as_uri())
    found, evidence, ids = browser.evaluate(_OVERLAPS)
    assert evidence >= 4 and ids == TOTAL  # the boxes looked at are drawn
    assert found == []
    assert browser.failures() == []


def test_the_width_guess_is_never_short_of_the_drawn_text(run, examples_dir, tmp_path, browser):
    # The layout guesses how wide a text is drawn before any font is known (an SVG has no
    # text layout of its own); the guess must be an upper bound in a real browser.
    from jtbd.rendering.diagram import TITLE_SIZE
    from jtbd.rendering.text_width import text_width

    page = tmp_path / "report.html"
    assert run("report", examples_dir, "-o", page).exit_code == 0
    browser.open(page.as_uri())
    samples = [
        "Anxiety of the new solution",
        "Pull of the new solution",
        "533 statements · 13/14 interviews · 527 suggested",
        "WWW mmm 0123456789 Mégane’s “quote” — ÆØÅ ß",
    ]
    drawn = browser.evaluate(
        "(() => { const t = document.querySelector('#forces-diagram text.title');"
        f" return {samples!r}.map(s => {{ t.textContent = s;"
        " t.setAttribute('font-weight', '700'); const bold = t.getComputedTextLength();"
        " t.setAttribute('font-weight', '400'); const plain = t.getComputedTextLength();"
        " return [bold, plain]; }); })()"
    )
    for text, (bold, plain) in zip(samples, drawn, strict=True):
        # widths scale with the font size: one size tells for the 11 px counts too
        assert text_width(text, TITLE_SIZE, bold=True) >= bold, text
        assert text_width(text, TITLE_SIZE) >= plain, text
