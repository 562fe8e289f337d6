"""Suggested forces and transcript quotes in every report format and export, through the CLI.

The workspace is filled as `jtbd suggest` and the transcript readers will fill it: forces
with ``origin: suggested`` and a confidence, quotes with a time in the recording.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from jtbd import Force, ForceKind, Interview, Workspace
from tests.conftest import json_out


def _interviews() -> list[Interview]:
    """Three interviews: a coded note, a transcript with a suggestion, a transcript with
    nothing but suggestions."""
    note = Interview(
        id="n1",
        source="n1.md",
        forces=[
            Force(
                kind=ForceKind.PUSH, text="Re-typing invoices every Friday", source="n1.md", line=5
            )
        ],
    )
    transcript = Interview(
        id="t1",
        source="t01.vtt",
        forces=[
            Force(
                kind=ForceKind.PUSH,
                text="Typing the invoices again each Friday evening",
                source="t01.vtt",
                line=12,
                start=7.9,
            ),
            Force(
                kind=ForceKind.PUSH,
                text="I dread invoices on Friday, honestly",
                source="t01.vtt",
                line=30,
                start=3725.0,
                origin="suggested",
                confidence=0.82,
            ),
        ],
    )
    suggested_only = Interview(
        id="t2",
        source="t02.vtt",
        forces=[
            Force(
                kind=ForceKind.PUSH,
                text="Friday invoices take me the whole afternoon",
                source="t02.vtt",
                line=4,
                start=61.0,
                origin="suggested",
                confidence=0.64,
            )
        ],
    )
    return [note, transcript, suggested_only]


@pytest.fixture
def workspace(run, tmp_path):
    with Workspace(tmp_path / ".jtbd", create=True) as store:
        for interview in _interviews():
            store.notes_folder(tmp_path / "study").put(f"hash-{interview.id}", interview)
    return run


def _all_quotes(data):
    return [q for force in data["forces"].values() for t in force["themes"] for q in t["quotes"]]


def test_json_report_marks_suggested_quotes_and_counts_them(workspace):
    data = json_out(workspace("report", "--format", "json"))
    assert data["interviews"] == 3
    assert data["scope"]["suggested"] == 2 and data["forces"]["push"]["suggested"] == 2
    quotes = {q["interview"]: q for q in _all_quotes(data)}
    assert quotes["t2"]["origin"] == "suggested" and quotes["t2"]["confidence"] == 0.64
    assert quotes["n1"]["origin"] == "coded" and quotes["n1"]["confidence"] is None
    assert quotes["n1"]["start"] is None
    theme = data["forces"]["push"]["themes"][0]
    assert theme["count"] == 3 and theme["mentions"] == 4 and theme["suggested"] == 2


def test_coded_only_leaves_suggestions_out(workspace):
    data = json_out(workspace("report", "--format", "json", "--coded-only"))
    assert data["interviews"] == 2
    assert data["excluded"] == [
        {"interview": "t2", "reason": "no coded forces, jobs or timeline (--coded-only)"}
    ]
    assert data["scope"]["coded_only"] is True and data["scope"]["suggested_left_out"] == 2
    assert data["forces"]["push"]["mentions"] == 2 and data["forces"]["push"]["suggested"] == 0
    assert all(q["origin"] == "coded" for q in _all_quotes(data))
    text = workspace("report", "--coded-only").stdout
    assert "dread" not in text and "2 suggested forces left out" in text


def test_every_format_shows_the_marker_and_the_time(workspace, tmp_path):
    for name in ("r.html", "r.md", "r.txt"):
        assert workspace("report", "-o", tmp_path / name).exit_code == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    terminal = " ".join((tmp_path / "r.txt").read_text(encoding="utf-8").split())
    for text in (html, markdown, terminal):
        assert "suggested" in text
    # the theme's quotes: the transcript's time beside file and line; a note has none
    assert "t01.vtt:12 @ 00:00:07" in html and "t02.vtt:4 @ 00:01:01" in html
    assert "suggested 0.64" in html and "n1.md:5 @" not in html and "n1.md:5" in html
    assert "`t02.vtt:4 @ 00:01:01` _(suggested 0.64)_" in markdown
    # a force no one mentioned says so, without empty counts
    assert "  --> PULL OF THE NEW SOLUTION\n      none recorded\n" in markdown
    assert "### Pull of the new solution\n\nNone recorded.\n" in markdown
    assert "(4 statements · 2 suggested)" in markdown
    assert "2 suggested forces" in terminal and "--coded-only" in terminal
    assert "\x1b" not in terminal


def test_export_carries_origin_confidence_and_start(workspace):
    exported = json_out(workspace("export"))["interviews"]
    forces = {f["text"]: f for i in exported for f in i["forces"]}
    dread = forces["I dread invoices on Friday, honestly"]
    assert (dread["origin"], dread["confidence"], dread["start"]) == ("suggested", 0.82, 3725.0)
    rows = list(csv.DictReader(io.StringIO(workspace("export", "--format", "csv").stdout)))
    by_text = {row["text"]: row for row in rows}
    assert by_text["I dread invoices on Friday, honestly"]["origin"] == "suggested"
    assert by_text["I dread invoices on Friday, honestly"]["confidence"] == "0.82"
    assert by_text["I dread invoices on Friday, honestly"]["start"] == "3725.0"
    coded = by_text["Re-typing invoices every Friday"]
    assert (coded["origin"], coded["confidence"], coded["start"]) == ("coded", "", "")


def test_a_report_of_many_empty_notes_says_so_in_one_short_line(run, tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    for number in range(1000):
        (notes / f"p{number:04d}.md").write_text("---\nrole: x\n---\nJust free notes.\n")
    result = run("report", notes, "--format", "json")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and len(errors[0]) < 200, errors
    assert "p0000, p0001, p0002 and 997 more" in errors[0]


def test_the_quote_marker_reads_as_json_says():
    from jtbd.synthesis.quotes import Quote, clock

    assert clock(7.9) == "00:00:07" and clock(3725) == "01:02:05" and clock(-1) == "00:00:00"
    quote = Quote("x", "t1", "t01.vtt", 12, start=7.0, origin="suggested", confidence=0.819)
    assert quote.citation == "t01.vtt:12 @ 00:00:07" and quote.marker == "suggested 0.82"
    assert Quote("x", "n1", "n1.md", None).citation == "n1.md"
    assert json.dumps(Quote("x", "n1", "n1.md", 3).to_dict(), sort_keys=True) == (
        '{"confidence": null, "interview": "n1", "line": 3, "origin": "coded", '
        '"source": "n1.md", "start": null, "text": "x"}'
    )


def test_a_theme_quotes_the_coding_before_any_suggestion(workspace, tmp_path):
    theme = json_out(workspace("report", "--format", "json", "--min-confidence", "0"))["forces"][
        "push"
    ]["themes"][0]
    origins = [q["origin"] for q in theme["quotes"]]
    assert origins == sorted(origins)  # "coded" sorts before "suggested"
    by_interview = {q["interview"]: q for q in theme["quotes"]}
    assert by_interview["t1"]["text"] == "Typing the invoices again each Friday evening"
    assert len(theme["statements"]) == 4
    assert workspace("report", "--min-confidence", "0", "-o", tmp_path / "r.md").exit_code == 0
    markdown = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "<details><summary>All 4 statements</summary>" in markdown
    assert "- I dread invoices on Friday, honestly — t1, `t01.vtt:30` _(suggested)_" in markdown


def test_the_terminal_says_there_are_no_job_statements_rather_than_an_empty_table(workspace):
    text = workspace("report").stdout
    assert "No job statements in these notes." in text
    after = text.split("Job statements", 1)[1].split("No job statements", 1)[0]
    assert "Sources" not in after  # no empty table's header
