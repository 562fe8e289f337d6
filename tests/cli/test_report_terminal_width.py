"""The terminal report in a narrow terminal: citations wrap, nothing is cut off.

Every quote must stay traceable to its file and line, so a citation column folds a long
file name onto the next line rather than ending it with "…", and headers stay whole.
"""

from __future__ import annotations

import re

import pytest

from tests.conftest import json_out

LONG = "zoom-recording-2025-06-12-interview-with-the-bookkeeper-of-the-studio"
JOB = "When the quarter ends, I want to hand over the VAT numbers, so I can stop worrying."


def _column(section: str, index: int) -> str:
    """The text of one column of a rich table, its lines joined: folded words rejoin."""
    cells = [line.split("│")[index].strip() for line in section.splitlines() if "│" in line]
    return "".join(cells)


def _section(text: str, title: str, following: str) -> str:
    return text[text.index(f" {title} ") : text.index(f" {following} ")]


@pytest.fixture
def study(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    for name in (LONG, "p02-marco-agency"):
        (notes / f"{name}.md").write_text(
            f"---\nid: {name}\nrole: freelancer\n---\n## Push\n- Late invoices\n"
            f"## Job statement\n- {JOB}\n"
        )
    return notes


def test_job_sources_and_the_appendix_are_whole_at_80_columns(run, study, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("report", study)
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert max(len(line) for line in text.splitlines()) <= 80
    sources = _column(_section(text, "Job statements", "Switch timeline"), 3)
    jobs = json_out(run("report", study, "--format", "json"))["jobs"]
    cited = [f"{s['source']}:{s['line']}" for job in jobs for s in job["sources"]]
    assert len(cited) == 2 and f"{LONG}.md:8" in cited
    for citation in cited:
        assert citation in sources
    assert "…" not in sources
    appendix = text[text.index(" Appendix ") :]
    header = next(line for line in appendix.splitlines() if "┃" in line)
    assert [cell.strip() for cell in header.split("┃")[1:-1]] == [
        "Interview",
        "Date",
        "Switch",
        "P/P/A/H",
        "Segments",
    ]
    assert LONG in _column(appendix, 1) and "…" not in appendix


def test_the_demo_cites_every_job_source_whole(run, examples_dir, monkeypatch):
    # what a new user sees after `make demo` in an 80-column terminal
    monkeypatch.setenv("COLUMNS", "80")
    text = run("report", examples_dir).stdout
    sources = _column(_section(text, "Job statements", "Switch timeline"), 3)
    assert "…" not in sources
    # every citation a file name and a line number, as in "p03-chloe-shop.md:53"
    named = re.findall(r"[\w.-]+\.(?:md|markdown|yaml|yml):\d+", sources)
    assert len(named) >= 10 and "p13-david-agency.md:52" in named


def test_a_narrow_terminal_keeps_force_titles_and_counts_whole(run, study, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    text = run("report", study).stdout
    assert max(len(line) for line in text.splitlines()) <= 60
    panels = text[text.index(" Forces diagram ") : text.index("\nPush of the situation")]
    # a title on a border is whole ("Pull of the new solutio─" is not); one too long for
    # the border is the first line inside its panel
    titles = re.findall(r"[╭╰]─+ ([^─]+?) ─", panels)
    assert "→ Push of the situation" in titles and "2 statements" in titles
    assert all(
        t in ("→ Push of the situation", "← Habit of the present", "2 statements") for t in titles
    )
    assert "│ → Pull of the new solution │" in panels
    assert "─  ─" not in panels  # no empty count on a border
