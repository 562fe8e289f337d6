"""A second `jtbd suggest --review` after a review was ingested: only undecided lines."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from tests.conftest import FIXTURES, json_out

STUDY = FIXTURES / "suggest" / "interviews"


def _quote(line: str) -> str:
    found = re.search(r'"(.*)"', line)
    assert found is not None, line
    return found.group(1)


def _listed(path: Path) -> list[str]:
    return [line for line in path.read_text(encoding="utf-8").splitlines() if line[:6] in {
        "- [ ] ", "- [x] "
    }]  # fmt: skip


def _decide(review: Path) -> tuple[list[str], list[str]]:
    """Tick one line, retag one, set one to none, delete one: (decided, left) quotes."""
    text = review.read_text(encoding="utf-8")
    lines = _listed(review)
    assert len(lines) >= 5, text
    ticked, retagged, rejected, deleted, *left = lines
    kind = "inertia" if " inertia " not in retagged else "anxiety"
    text = text.replace(ticked, ticked.replace("- [ ] ", "- [x] ", 1))
    text = text.replace(retagged, re.sub(r"^- \[ \] \w+", f"- [x] {kind}", retagged))
    text = text.replace(rejected, re.sub(r"^- \[ \] \w+", "- [ ] none", rejected))
    text = text.replace(deleted + "\n", "")
    review.write_text(text, encoding="utf-8")
    return [_quote(line) for line in (ticked, retagged, rejected, deleted)], [
        _quote(line) for line in left
    ]


def _first_round(run, tmp_path: Path) -> Path:
    """The fixture study ingested and its first review round written to review/."""
    interviews = tmp_path / "interviews"
    shutil.copytree(STUDY, interviews)
    assert run("ingest", "interviews").exit_code == 0
    assert run("suggest", "--review", "review").exit_code == 0
    return interviews


def _forces(run) -> dict[str, dict[str, object]]:
    exported = json_out(run("export"))["interviews"]
    return {f["text"]: f for i in exported for f in i["forces"]}


def test_a_fresh_review_folder_lists_only_undecided_lines(run, tmp_path):
    shutil.copytree(STUDY, tmp_path / "interviews")
    run("ingest", "interviews")
    assert run("suggest", "--review", "revA").exit_code == 0
    decided, left = _decide(tmp_path / "revA" / "t01.review.md")
    assert run("ingest", "interviews", "revA").exit_code == 0

    second = run("suggest", "--review", "revB")
    assert second.exit_code == 0, second.stderr
    assert "4 lines already decided in ingested reviews left out" in second.stderr
    again = tmp_path / "revB" / "t01.review2.md"
    assert again.read_text(encoding="utf-8").startswith(
        '---\njtbd_review: "t01"\njtbd_review_round: 2\n'
    )
    assert [_quote(line) for line in _listed(again)] == left
    # n02's review was ingested untouched: all its lines are still undecided.
    first_n02 = _listed(tmp_path / "revA" / "n02.review.md")
    assert _listed(tmp_path / "revB" / "n02.review2.md") == first_n02

    # The second round ingests beside the first: no clash, and it decides what it ticks.
    n02 = tmp_path / "revB" / "n02.review2.md"
    ticked, rejected, *kept = _listed(n02)
    text = n02.read_text(encoding="utf-8").replace(ticked, ticked.replace("- [ ] ", "- [x] "))
    n02.write_text(text.replace(rejected, re.sub(r"^- \[ \] \w+", "- [ ] none", rejected)))
    both = run("ingest", "interviews", "revA", "revB", "--json")
    assert both.exit_code == 0, both.stdout
    assert sorted(json.loads(both.stdout)[2]["added"]) == ["n02#review2", "t01#review2"]
    forces = _forces(run)
    assert forces[_quote(ticked)]["origin"] == "coded"
    assert _quote(rejected) not in forces
    assert all(forces[quote]["origin"] == "suggested" for quote in [*map(_quote, kept), *left])
    assert forces[decided[0]]["origin"] == forces[decided[1]]["origin"] == "coded"
    assert decided[2] not in forces and decided[3] not in forces

    third = run("suggest", "--review", "revC")
    assert third.exit_code == 0, third.stderr
    last = tmp_path / "revC" / "t01.review3.md"
    assert "jtbd_review_round: 3\n" in last.read_text(encoding="utf-8")
    assert [_quote(line) for line in _listed(last)] == left
    assert _listed(tmp_path / "revC" / "n02.review3.md") == kept


def test_an_interview_with_every_line_decided_gets_no_new_review_file(run, tmp_path):
    shutil.copytree(STUDY, tmp_path / "interviews")
    run("ingest", "interviews")
    run("suggest", "--review", "revA")
    review = tmp_path / "revA" / "t01.review.md"
    review.write_text(review.read_text(encoding="utf-8").replace("- [ ] ", "- [x] "), "utf-8")
    run("ingest", "interviews", "revA")
    second = run("suggest", "--review", "revB")
    assert second.exit_code == 0
    assert "created folder revB" in second.stderr
    assert sorted(path.name for path in (tmp_path / "revB").iterdir()) == ["n02.review2.md"]


def test_the_same_folder_gets_a_new_round_only_when_something_is_new(run, tmp_path):
    _first_round(run, tmp_path)
    first = tmp_path / "review" / "t01.review.md"
    decided, left = _decide(first)
    edited = first.read_text(encoding="utf-8")
    files = sorted(path.name for path in (tmp_path / "review").iterdir())
    for _ in range(2):  # the documented loop, run twice with nothing changed
        assert run("ingest", "interviews", "review").exit_code == 0
        again = run("suggest", "--review", "review")
        assert again.exit_code == 0, again.stderr
        assert "review files: 0 written" in again.stderr
        assert "created folder" not in again.stderr
        assert "2 interviews with nothing new since their last round there" in again.stderr
    assert sorted(path.name for path in (tmp_path / "review").iterdir()) == files
    assert first.read_text(encoding="utf-8") == edited  # never overwritten
    assert decided[3] not in _forces(run)  # the line deleted in round 1 stays rejected


def test_a_suggestion_made_after_a_review_is_new_not_deleted(run, tmp_path):
    interviews = _first_round(run, tmp_path)
    decided, left = _decide(tmp_path / "review" / "t01.review.md")
    # The transcript grows after the review was written: one more participant cue.
    vtt = interviews / "t01.vtt"
    added = "I was afraid the new app would lose every invoice we had stored for years."
    with vtt.open("a", encoding="utf-8") as handle:
        handle.write(f"\n00:09:00.000 --> 00:09:06.000\n<v Sam Rivera>{added}</v>\n")
    assert run("ingest", "interviews", "review").exit_code == 0
    assert run("suggest").exit_code == 0

    forces = _forces(run)
    assert forces[added]["origin"] == "suggested"  # not read as a line the researcher deleted
    assert decided[3] not in forces  # the line that was deleted still is
    again = run("suggest", "--review", "review")
    assert again.exit_code == 0, again.stderr
    second = tmp_path / "review" / "t01.review2.md"
    listed = [_quote(line) for line in _listed(second)]
    assert added in listed and decided[3] not in listed
    assert set(left) <= set(listed)  # with what round 1 left undecided: one list to work on
    assert not (tmp_path / "review" / "n02.review2.md").exists()  # nothing new for n02
    assert run("ingest", "interviews", "review").exit_code == 0
    assert run("suggest", "--review", "review").exit_code == 0
    assert not (tmp_path / "review" / "t01.review3.md").exists()


def test_a_review_written_before_listings_counts_what_it_lacks_as_deleted(run, tmp_path):
    _first_round(run, tmp_path)
    review = tmp_path / "review" / "t01.review.md"
    decided, left = _decide(review)
    text = review.read_text(encoding="utf-8")
    legacy = re.sub(r"# The lines.*?\n(?=---)", "", text, flags=re.S)
    assert "jtbd_listed" not in legacy and legacy.startswith('---\njtbd_review: "t01"\n---\n')
    review.write_text(legacy, encoding="utf-8")
    assert run("ingest", "interviews", "review").exit_code == 0
    forces = _forces(run)
    assert decided[3] not in forces
    assert all(forces[quote]["origin"] == "suggested" for quote in left)


def test_a_damaged_listing_is_an_error_naming_the_review_file(run, tmp_path):
    _first_round(run, tmp_path)
    review = tmp_path / "review" / "t01.review.md"
    text = review.read_text(encoding="utf-8")
    review.write_text(re.sub(r"jtbd_listed:\n(  - .*\n)+", "jtbd_listed: 3\n", text), "utf-8")
    result = run("ingest", "interviews", "review")
    assert result.exit_code == 1
    assert "t01.review.md" in result.stderr and "jtbd_listed" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_ingest_summary_counts_review_files_as_reviews(run, tmp_path):
    _first_round(run, tmp_path)
    result = run("ingest", "review")
    assert result.exit_code == 0, result.stderr
    assert re.search(r"interviews added\s*│\s*0\b", result.stdout), result.stdout
    assert re.search(r"reviews added\s*│\s*2\b", result.stdout), result.stdout
