"""`jtbd report` themes as a user sees them: every statement traceable, jobs as written,
embeddings cached beside the workspace (and never required)."""

from __future__ import annotations

import sqlite3

import pytest

from tests.conftest import json_out, snapshot

STUDY = {
    "a.md": """---
id: a
---
## Push
- I kept losing paper receipts in my coat pockets
- The spreadsheet formulas broke when I added a column #spreadsheet
## Jobs
- When I get home late, I want a proper meal ready, so I can rest.
""",
    "b.md": """---
id: b
---
## Push
- Paper receipts went missing all the time
- Copying the VAT totals by hand into the tax portal every quarter
## Jobs
- When I get home late, I want to find dinner already planned, so I can rest.
""",
    "c.md": """---
id: c
---
## Push
- Perdo sempre gli scontrini
- My sheet's totals stopped adding up after sorting a column
## Jobs
- Just wants dinner sorted without thinking about it.
""",
}


@pytest.fixture
def study(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in STUDY.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_every_statement_is_listed_under_exactly_one_theme_with_its_source(run, study):
    data = json_out(run("report", study, "--format", "json"))
    listed = [
        (s["interview"], s["source"], s["line"], s["text"], s["origin"])
        for force in data["forces"].values()
        for theme in force["themes"]
        for s in theme["statements"]
    ]
    assert len(listed) == len(set(listed)) == 6
    for interview, source, line, text, origin in listed:
        assert source == f"{interview}.md"
        assert text in (study / source).read_text().splitlines()[line - 1]
        assert origin == "coded"
    for force in data["forces"].values():
        for theme in force["themes"]:
            assert 1 <= len(theme["quotes"]) <= 3
            assert theme["count"] == len({s["interview"] for s in theme["statements"]})


def test_paraphrases_across_notes_are_one_theme_and_tags_win(run, study):
    themes = json_out(run("report", study, "--format", "json"))["forces"]["push"]["themes"]
    by_text = {s["text"]: t for t in themes for s in t["statements"]}
    receipts = by_text["I kept losing paper receipts in my coat pockets"]
    assert receipts["interviews"] == ["a", "b"]
    assert receipts["tag"] is None
    assert len(receipts["label"]) <= 32
    # the tag wins, and the untagged statement meaning the same joins it
    sheet = by_text["My sheet's totals stopped adding up after sorting a column"]
    assert (sheet["tag"], sheet["interviews"]) == ("spreadsheet", ["a", "c"])
    assert by_text["Copying the VAT totals by hand into the tax portal every quarter"]["count"] == 1


def test_themes_the_model_grouped_carry_a_caveat_that_tagged_ones_do_not(run, study, tmp_path):
    # The receipts theme was grouped by the model: every format says how far to trust it.
    caveat = "1 shared theme was grouped by the sentence model, not by a #tag"
    html = run("report", study, "-o", tmp_path / "r.html")
    assert html.exit_code == 0, html.stderr
    assert caveat in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert caveat.replace("#", "\\#") in run("report", study, "--format", "md").stdout
    assert "grouped by the sentence model" in " ".join(run("report", study).stdout.split())
    # Once the researcher tags it, no shared theme is the model's: no caveat.
    for name in ("a.md", "b.md"):
        note = study / name
        text = note.read_text(encoding="utf-8").replace("receipts", "receipts #receipts", 1)
        note.write_text(text, encoding="utf-8")
    assert "sentence model" not in run("report", study, "--format", "md").stdout


def test_job_statements_are_shown_as_written(run, study):
    jobs = json_out(run("report", study, "--format", "json"))["jobs"]
    shown = {job["statement"] for job in jobs} | {s["text"] for job in jobs for s in job["sources"]}
    assert "When I get home late, I want a proper meal ready, so I can rest." in shown
    assert "Just wants dinner sorted without thinking about it." in shown
    assert not any("want to a" in text for text in shown)


def test_a_workspace_report_caches_embeddings_and_gives_the_same_report(run, study, tmp_path):
    assert run("ingest", study, "-q").exit_code == 0
    cache = tmp_path / ".jtbd" / "embeddings.sqlite3"
    assert not cache.exists()
    first = run("report", "--format", "json")
    assert first.exit_code == 0, first.stderr
    with sqlite3.connect(cache) as db:
        (rows,) = db.execute("SELECT count(*) FROM vectors").fetchone()
    assert rows > 6  # the statements, jobs and the fixed background
    second = run("report", "--format", "json")
    assert second.stdout == first.stdout
    assert run("report", study, "--format", "json").stdout == first.stdout


def test_a_report_from_a_folder_writes_nothing(run, study):
    before = snapshot(study.parent)
    assert run("report", study, "--format", "json").exit_code == 0
    assert snapshot(study.parent) == before


def test_a_broken_cache_file_is_ignored(run, study, tmp_path):
    assert run("ingest", study, "-q").exit_code == 0
    expected = run("report", study, "--format", "json").stdout
    (tmp_path / ".jtbd" / "embeddings.sqlite3").write_bytes(b"not a database at all")
    result = run("report", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == expected
