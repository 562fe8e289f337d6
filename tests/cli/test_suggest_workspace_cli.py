"""The suggestion loop as a researcher runs it: ingest, suggest, review, ingest, report.

Fixtures in tests/fixtures/suggest/ are synthetic: a transcript and two notes.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

from tests.cli.test_workspace_cli import access_as_a_user, make_read_only, make_writable
from tests.conftest import FIXTURES, json_out, snapshot

__all__ = ["access_as_a_user"]  # a fixture, used by name

STUDY = FIXTURES / "suggest" / "interviews"


def _study(tmp_path: Path) -> Path:
    folder = tmp_path / "interviews"
    shutil.copytree(STUDY, folder)
    return folder


def _table(tmp_path: Path) -> list[tuple[object, ...]]:
    db = sqlite3.connect(tmp_path / ".jtbd" / "jtbd.sqlite3")
    try:
        return db.execute("SELECT * FROM suggestions ORDER BY position").fetchall()
    finally:
        db.close()


def _quotes(run, *args: str) -> list[dict[str, object]]:
    data = json_out(run("report", "--format", "json", *args))
    return [q for force in data["forces"].values() for t in force["themes"] for q in t["quotes"]]


def test_suggest_stores_suggestions_that_reports_mark_and_coded_only_drops(run, tmp_path):
    _study(tmp_path)
    assert run("ingest", "interviews").exit_code == 0
    result = run("suggest")
    assert result.exit_code == 0, result.stderr
    rows = _table(tmp_path)
    # Every participant sentence of t01 and the untagged note lines; n03's coded force is
    # never suggested again, nor the interviewer's questions.
    texts = [row[5] for row in rows]
    assert "Chasing unpaid repair bills takes my whole Saturday." not in texts
    assert not any("Anything that worried you" in text for text in texts)
    assert "He keeps the parts list on a whiteboard in the workshop." in texts
    assert f"statements looked at: {len(rows)} (in 3 interviews)" in result.stdout
    assert "first pass" in result.stdout
    with_kind = [row for row in rows if row[6] is not None]
    assert with_kind, "the fixture has statements with a force"
    counted = sum(int(n) for n in re.findall(r"^  \w+: (\d+)$", result.stdout, re.M))
    assert counted == len(rows)

    quotes = _quotes(run, "--min-confidence", "0")
    suggested = [q for q in quotes if q["origin"] == "suggested"]
    assert len(suggested) == len(with_kind)
    assert all(isinstance(q["confidence"], float) for q in suggested)
    # By default the report leaves out the suggestions below 0.4, and says how many.
    confident = [q for q in suggested if q["confidence"] >= 0.4]
    assert 0 < len(confident) < len(suggested), "the fixture has suggestions on both sides"
    report = json_out(run("report", "--format", "json"))
    shown = [q for f in report["forces"].values() for t in f["themes"] for q in t["quotes"]]
    assert [q for q in shown if q["origin"] == "suggested"] == confident
    assert report["scope"]["suggested_below_confidence"] == len(suggested) - len(confident)
    assert report["scope"]["min_confidence"] == 0.4
    assert "below confidence 0.4 left out" in run("report").stdout
    assert run("report", "--min-confidence", "2").exit_code == 2
    assert any(q["source"] == "t01.vtt" and q["start"] is not None for q in suggested)
    coded_only = _quotes(run, "--coded-only")
    assert coded_only and all(q["origin"] == "coded" for q in coded_only)

    exported = json_out(run("export"))["interviews"]
    forces = [f for i in exported for f in i["forces"]]
    assert {f["origin"] for f in forces} == {"coded", "suggested"}
    assert all((f["confidence"] is None) == (f["origin"] == "coded") for f in forces)


def test_the_whole_review_loop(run, tmp_path):
    interviews = _study(tmp_path)
    before = snapshot(interviews)
    assert run("ingest", "interviews").exit_code == 0
    first = run("suggest", "--review", "review")
    assert first.exit_code == 0, first.stderr
    review = tmp_path / "review" / "t01.review.md"
    text = review.read_text(encoding="utf-8")
    assert text.startswith('---\njtbd_review: "t01"\n')
    assert re.search(r'^jtbd_listed:\n(  - "t01\.vtt:\d+ [0-9a-f]{8}"\n)+---\n', text, re.M)
    lines = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(lines) >= 4, text  # one to tick, change, delete, and keep
    assert all(re.search(r" — t01\.vtt:\d+ @ \d\d:\d\d:\d\d$", line) for line in lines)
    note_review = (tmp_path / "review" / "n02.review.md").read_text(encoding="utf-8")
    assert re.search(r" — n02\.md:\d+$", note_review, re.M)  # a note has no time

    ticked, changed, deleted, *kept = lines
    quote = lambda line: re.search(r'"(.*)"', line).group(1)  # noqa: E731
    new_kind = "inertia" if " inertia " not in changed else "anxiety"
    edited = text.replace(ticked, ticked.replace("- [ ] ", "- [x] ", 1))
    edited = edited.replace(changed, re.sub(r"^- \[ \] \w+", f"- [x] {new_kind}", changed))
    edited = edited.replace(deleted + "\n", "")
    review.write_text(edited, encoding="utf-8")

    both = run("ingest", "interviews", "review", "--json")
    assert both.exit_code == 0, both.stderr
    summaries = json.loads(both.stdout)
    assert [s["folder"] for s in summaries] == ["interviews", "review"]
    assert sorted(summaries[1]["added"]) == ["n02#review", "t01#review"]

    forces = {f["text"]: f for i in json_out(run("export"))["interviews"] for f in i["forces"]}
    assert "t01#review" not in {i["id"] for i in json_out(run("export"))["interviews"]}
    coded = forces[quote(ticked)]
    assert coded["origin"] == "coded" and coded["confidence"] is None
    assert coded["source"] == "t01.vtt" and coded["start"] is not None  # cites the transcript
    assert forces[quote(changed)]["kind"] == new_kind
    assert forces[quote(changed)]["origin"] == "coded"
    assert quote(deleted) not in forces
    for line in kept:
        assert forces[quote(line)]["origin"] == "suggested"
    report_quotes = {q["text"]: q for q in _quotes(run)}
    assert report_quotes[quote(ticked)]["origin"] == "coded"
    assert report_quotes[quote(ticked)]["source"] == "t01.vtt"
    assert quote(deleted) not in report_quotes

    second = run("suggest", "--review", "review")
    assert second.exit_code == 0
    assert review.read_text(encoding="utf-8") == edited
    assert not (tmp_path / "review" / "t01.review2.md").exists()  # nothing new to list
    assert snapshot(interviews) == before


def test_a_review_file_not_yet_ingested_is_kept(run, tmp_path):
    _study(tmp_path)
    run("ingest", "interviews")
    run("suggest", "--review", "review")
    review = tmp_path / "review" / "t01.review.md"
    edited = review.read_text(encoding="utf-8").replace("- [ ] ", "- [x] ", 1)
    review.write_text(edited, encoding="utf-8")
    again = run("suggest", "--review", "review")
    assert again.exit_code == 0
    assert review.read_text(encoding="utf-8") == edited
    assert f"kept {Path('review') / 't01.review.md'}" in again.stderr
    assert "ingest it, or delete it to regenerate" in again.stderr


def test_two_runs_give_the_same_table_and_review_files(run, tmp_path):
    _study(tmp_path)
    run("ingest", "interviews")
    assert run("suggest", "--review", "one").exit_code == 0
    table = _table(tmp_path)
    assert run("suggest", "--review", "two").exit_code == 0
    assert _table(tmp_path) == table
    assert snapshot(tmp_path / "one") == snapshot(tmp_path / "two")
    assert len({row[8] for row in table}) == 1  # one model fingerprint


def test_a_bad_review_line_is_a_warning_naming_file_and_line(run, tmp_path):
    _study(tmp_path)
    run("ingest", "interviews")
    review = tmp_path / "review"
    review.mkdir()
    (review / "x.md").write_text(
        '---\njtbd_review: t01\n---\n- [x] maybe 0.5 "What?" — t01.vtt:3\n', encoding="utf-8"
    )
    result = run("ingest", "review")
    assert result.exit_code == 0
    assert "review/x.md:4: cannot read this review line" in result.stderr


def test_a_review_of_an_unknown_interview_is_a_warning(run, tmp_path):
    _study(tmp_path)
    review = tmp_path / "review"
    review.mkdir()
    (review / "x.review.md").write_text(
        '---\njtbd_review: nobody\n---\n- [x] push 0.5 "A quote." — x.vtt:3\n', encoding="utf-8"
    )
    run("ingest", "interviews", "review")
    result = run("report", "--format", "json")
    assert result.exit_code == 0
    assert "x.review.md: reviews interview 'nobody'" in result.stderr
    assert "A quote." not in result.stdout


def test_two_review_files_for_one_interview_clash(run, tmp_path):
    _study(tmp_path)
    review = tmp_path / "review"
    review.mkdir()
    for name in ("a.md", "b.md"):
        (review / name).write_text("---\njtbd_review: t01\n---\n", encoding="utf-8")
    result = run("ingest", "interviews", "review")
    assert result.exit_code == 1
    assert "duplicate interview id 't01#review'" in result.stderr


def test_suggest_needs_a_workspace_and_never_creates_one(run, tmp_path):
    for args in ((), ("--review", "review")):
        result = run("suggest", *args)
        assert result.exit_code == 1 and "no workspace at" in result.stderr
        assert "Traceback" not in result.stderr
    assert not (tmp_path / ".jtbd").exists() and not (tmp_path / "review").exists()


def test_file_options_and_review_do_not_mix(run, tmp_path):
    _study(tmp_path)
    run("ingest", "interviews")
    result = run("suggest", "-o", "out.csv")
    assert result.exit_code == 2 and "apply to a statement FILE only" in result.stderr


def test_a_changed_note_is_suggested_for_on_the_next_run(run, tmp_path):
    interviews = _study(tmp_path)
    run("ingest", "interviews")
    run("suggest")
    before = _table(tmp_path)
    note = interviews / "n02.md"
    added = "She would switch tomorrow if the new portal imported her old orders."
    note.write_text(note.read_text(encoding="utf-8") + added + "\n", encoding="utf-8")
    run("ingest", "interviews")
    assert run("suggest").exit_code == 0
    after = _table(tmp_path)
    assert [row[5] for row in after if row[5] == added] == [added]
    assert len(after) == len(before) + 1


def test_report_straight_from_a_folder_folds_its_review_files(run, tmp_path):
    interviews = _study(tmp_path)
    (interviews / "t01.review.md").write_text(
        '---\njtbd_review: t01\n---\n- [x] pull 0.7 "I would love a tool that matches the '
        'payments for me." — t01.vtt:13 @ 00:00:12\n',
        encoding="utf-8",
    )
    result = run("report", "interviews", "--format", "json")
    data = json.loads(result.stdout)
    quotes = [q for f in data["forces"].values() for t in f["themes"] for q in t["quotes"]]
    pull = [q for q in quotes if q["text"].startswith("I would love a tool")]
    assert [(q["interview"], q["source"], q["origin"]) for q in pull] == [
        ("t01", "t01.vtt", "coded")
    ]
    # t01 and n03 (n02 has no coded force); the review is not an interview of its own
    assert data["interviews"] == 2 and "#review" not in result.stdout


def test_a_read_only_workspace_is_one_line_saying_suggest_needs_write_access(
    run, tmp_path, access_as_a_user
):
    _study(tmp_path)
    run("ingest", "interviews")
    workspace = tmp_path / ".jtbd"
    make_read_only(workspace)
    try:
        result = run("suggest")
    finally:
        make_writable(workspace)
    assert result.exit_code == 1
    assert "`jtbd suggest` stores its suggestions there" in result.stderr
    assert "Traceback" not in result.stderr
