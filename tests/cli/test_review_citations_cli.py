"""Review lines that cite a line the reviewed interview does not have."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURES, json_out

STUDY = FIXTURES / "suggest" / "interviews"

LINES = (
    '- [x] inertia 0.90 "A sentence nobody said." — t01.vtt:99\n'
    '- [x] push 0.50 "Said in another call." — other.srt:3 @ 00:00:04\n'
    '- [x] pull 0.70 "A line that is there." — t01.vtt:13 @ 00:00:12\n'
)


def _review(tmp_path: Path) -> Path:
    shutil.copytree(STUDY, tmp_path / "interviews")
    folder = tmp_path / "review"
    folder.mkdir()
    (folder / "t01.review.md").write_text(
        '---\njtbd_review: "t01"\n---\n# Review\n\n' + LINES, encoding="utf-8"
    )
    return folder


def _coded(run) -> dict[str, dict[str, object]]:
    exported = json_out(run("export"))["interviews"]
    return {f["text"]: f for i in exported for f in i["forces"] if f["origin"] == "coded"}


def test_a_line_past_the_end_is_a_warning_and_coded_without_a_citation(run, tmp_path):
    _review(tmp_path)
    result = run("ingest", "interviews", "review")
    assert result.exit_code == 0, result.stderr
    where = Path("review") / "t01.review.md"
    assert f"{where}:6: cites t01.vtt:99, but t01.vtt has no line 99" in result.stderr
    assert f"{where}:7: cites other.srt:3, which is not a file of interview 't01'" in result.stderr
    assert f"{where}:8:" not in result.stderr

    coded = _coded(run)
    nobody = coded["A sentence nobody said."]
    assert (nobody["kind"], nobody["source"], nobody["line"]) == ("inertia", "t01.vtt", None)
    assert nobody["quote"] is False and nobody["start"] is None
    elsewhere = coded["Said in another call."]
    assert (elsewhere["source"], elsewhere["line"], elsewhere["start"]) == ("t01.vtt", None, None)
    there = coded["A line that is there."]
    assert (there["source"], there["line"], there["quote"]) == ("t01.vtt", 13, True)

    report = run("report", "--format", "json")
    assert "t01.review.md: cites t01.vtt:99, but t01.vtt has no line 99" in report.stderr
    assert '"line": 99' not in report.stdout


def test_a_review_ingested_before_its_interview_is_checked_by_the_report(run, tmp_path):
    _review(tmp_path)
    assert run("ingest", "review", "interviews").exit_code == 0
    result = run("report", "--format", "md", "-o", "r.md")
    assert result.exit_code == 0
    assert "t01.vtt has no line 99" in result.stderr
    assert "t01.vtt:99" not in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_a_report_straight_from_a_folder_applies_the_same_rule(run, tmp_path):
    review = _review(tmp_path)
    shutil.move(review / "t01.review.md", tmp_path / "interviews" / "t01.review.md")
    result = run("report", "interviews", "--format", "json")
    assert result.exit_code == 0
    assert "t01.vtt has no line 99" in result.stderr
    assert '"line": 99' not in result.stdout
