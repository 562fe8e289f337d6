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
    again = tmp_path / "revB" / "t01.review.md"
    assert again.read_text(encoding="utf-8").startswith(
        '---\njtbd_review: "t01"\njtbd_review_round: 2\n---\n'
    )
    assert [_quote(line) for line in _listed(again)] == left
    # n02's review was ingested untouched: all its lines are still undecided.
    first_n02 = _listed(tmp_path / "revA" / "n02.review.md")
    assert _listed(tmp_path / "revB" / "n02.review.md") == first_n02

    # The second round ingests beside the first: no clash, and it decides what it ticks.
    n02 = tmp_path / "revB" / "n02.review.md"
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
    last = tmp_path / "revC" / "t01.review.md"
    assert "jtbd_review_round: 3\n" in last.read_text(encoding="utf-8")
    assert [_quote(line) for line in _listed(last)] == left
    assert _listed(tmp_path / "revC" / "n02.review.md") == kept


def test_an_interview_with_every_line_decided_gets_no_new_review_file(run, tmp_path):
    shutil.copytree(STUDY, tmp_path / "interviews")
    run("ingest", "interviews")
    run("suggest", "--review", "revA")
    review = tmp_path / "revA" / "t01.review.md"
    review.write_text(review.read_text(encoding="utf-8").replace("- [ ] ", "- [x] "), "utf-8")
    run("ingest", "interviews", "revA")
    assert run("suggest", "--review", "revB").exit_code == 0
    assert not (tmp_path / "revB" / "t01.review.md").exists()
    assert (tmp_path / "revB" / "n02.review.md").exists()
