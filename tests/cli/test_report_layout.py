"""The figures of `jtbd report` laid out so nothing overlaps, for long counts and ids.

The forces diagram puts a panel's counts under its title when both might not fit on one
line; the saturation chart slants interview ids too long to sit under their bars, and
the verdict says when undated interviews set the order it rests on.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from tests.conftest import json_out
from tests.crowded_study import DATED, TOTAL, fill, interview_id

SVG = {"s": "http://www.w3.org/2000/svg"}


@pytest.fixture
def crowded(run, tmp_path):
    fill(tmp_path / ".jtbd", tmp_path / "study")
    return run


def _panels(svg: ElementTree.Element) -> dict[str, ElementTree.Element]:
    groups = svg.iterfind(".//s:g", SVG)
    return {
        g.get("class", "").split("-")[-1]: g
        for g in groups
        if g.get("class", "").startswith("force ")
    }


def _evidence(panel: ElementTree.Element) -> list[ElementTree.Element]:
    return panel.findall("s:text[@class='evidence']", SVG)


def test_counts_go_under_a_title_they_would_overlap(crowded, tmp_path):
    assert crowded("report", "-o", tmp_path / "r.svg").exit_code == 0
    panels = _panels(ElementTree.parse(tmp_path / "r.svg").getroot())
    assert set(panels) == {"push", "pull", "anxiety", "inertia"}
    pull = " · ".join(text.text or "" for text in _evidence(panels["pull"]))
    assert pull == f"130 statements · {TOTAL - 1}/{TOTAL} interviews · 130 suggested"
    # push is in every interview: "131 statements · 130 suggested" fits beside its title
    assert [line.get("text-anchor") for line in _evidence(panels["push"])] == ["end"]
    for kind, panel in panels.items():
        title = panel.find("s:text[@class='title']", SVG)
        assert title is not None
        lines = _evidence(panel)
        assert lines
        tops = [float(line.get("y", 0)) for line in lines]
        if kind != "push":  # left-aligned under the title
            assert all(line.get("x") == title.get("x") for line in lines)
            assert min(tops) >= float(title.get("y", 0)) + 14
        # and the arrow and the bars below all of them, inside the panel
        arrow = panel.find("s:line", SVG)
        assert arrow is not None and float(arrow.get("y1", 0)) >= max(tops) + 10
        bars = [float(rect.get("y", 0)) for rect in panel.iterfind("s:g/s:rect", SVG)]
        assert bars and min(bars) > float(arrow.get("y1", 0))
        box = panel.find("s:rect", SVG)
        assert box is not None
        bottom = float(box.get("y", 0)) + float(box.get("height", 0))
        assert max(bars) + 14 < bottom


def test_short_counts_stay_beside_the_title(run, examples_dir, tmp_path):
    assert run("report", examples_dir, "-o", tmp_path / "r.svg").exit_code == 0
    push = _panels(ElementTree.parse(tmp_path / "r.svg").getroot())["push"]
    title = push.find("s:text[@class='title']", SVG)
    (line,) = _evidence(push)
    assert line.text == "42 statements" and line.get("text-anchor") == "end"
    assert title is not None and line.get("y") == title.get("y")


def _saturation_svg(html: str) -> ElementTree.Element:
    found = re.search(r'<svg [^>]*id="saturation-chart".*?</svg>', html, re.S)
    assert found, "no saturation chart"
    return ElementTree.fromstring(found.group(0))


def test_saturation_says_the_undated_set_the_order(crowded, tmp_path, monkeypatch):
    data = json_out(crowded("report", "--format", "json"))["saturation"]
    undated = TOTAL - DATED
    assert data["undated"] == undated
    caveat = (
        f"{undated} of {TOTAL} interviews are undated, so they are placed after the dated "
        "ones, in id order: the verdict rests on that order"
    )
    assert data["caveat"].startswith(caveat)
    order = [point["interview"] for point in data["order"]]
    assert order == [interview_id(n) for n in range(TOTAL)]  # dated by date, then by id
    monkeypatch.setenv("COLUMNS", "80")
    terminal = " ".join(crowded("report").stdout.split())
    assert caveat in terminal and "(date order, undated last by id)" in terminal
    for name in ("r.md", "r.html"):
        assert crowded("report", "-o", tmp_path / name).exit_code == 0
        assert caveat in (tmp_path / name).read_text(encoding="utf-8")


def test_long_ids_under_the_saturation_bars_are_slanted_and_cut(crowded, tmp_path):
    assert crowded("report", "-o", tmp_path / "r.html").exit_code == 0
    chart = _saturation_svg((tmp_path / "r.html").read_text(encoding="utf-8"))
    groups = chart.findall("s:g", SVG)
    assert len(groups) == TOTAL
    for n, group in enumerate(groups):
        label = group.find("s:text[@class='id']", SVG)
        tip = group.find("s:title", SVG)
        assert label is not None and tip is not None
        assert (label.text or "").endswith("…") and len(label.text or "") <= 14
        assert interview_id(n).startswith((label.text or "").rstrip("…"))
        assert (tip.text or "").startswith(f"{interview_id(n)}: ")  # the full id, on hover
        assert (label.get("transform") or "").startswith("rotate(-45 ")
    # the chart is tall enough for the slanted ids
    assert float(chart.get("height", 0)) > 110 + 14 * 0.64 * 9 * 0.7


def test_dated_short_ids_stay_level_and_need_no_caveat(run, examples_dir, tmp_path):
    data = json_out(run("report", examples_dir, "--format", "json"))["saturation"]
    assert data["undated"] == 0 and data["caveat"] is None
    assert run("report", examples_dir, "-o", tmp_path / "r.html").exit_code == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "undated" not in html.split('id="saturation"')[1]
    labels = _saturation_svg(html).findall("s:g/s:text[@class='id']", SVG)
    assert [label.text for label in labels][:3] == ["p01", "p02", "p03"]
    assert all(label.get("transform") is None for label in labels)
