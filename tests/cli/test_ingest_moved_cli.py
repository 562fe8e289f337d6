"""`jtbd ingest` of a study folder that was renamed or moved since it was ingested."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.cli.test_ingest_cli import write
from tests.conftest import json_out


def _study(tmp_path: Path) -> Path:
    folder = tmp_path / "study3"
    write(folder, "front-t.md", "ft1")
    write(folder, "sub/b.md", "p2", push="Formulas broke")
    return folder


def test_a_renamed_folder_takes_over_its_notes(run, tmp_path):
    study = _study(tmp_path)
    assert run("ingest", study, "--workspace", "ws3").exit_code == 0
    renamed = study.rename(tmp_path / "study3-renamed")

    result = run("ingest", renamed, "--workspace", "ws3", "--json")
    assert result.exit_code == 0, result.stdout
    summary = json_out(result)
    assert summary["errors"] == []
    assert (summary["added"], summary["updated"]) == ([], ["ft1", "p2"])
    moved = [w for w in summary["warnings"] if "moved from" in w["message"]]
    assert sorted(Path(w["file"]).name for w in moved) == ["b.md", "front-t.md"]
    assert str(tmp_path / "study3" / "front-t.md") in moved[1]["message"] + moved[0]["message"]

    exported = json_out(run("export", "--workspace", "ws3"))
    assert sorted(i["id"] for i in exported["interviews"]) == ["ft1", "p2"]
    # The next run is an ordinary re-ingest: nothing moved any more.
    again = json_out(run("ingest", renamed, "--workspace", "ws3", "--json"))
    assert again["unchanged"] == ["ft1", "p2"]
    assert not [w for w in again["warnings"] if "moved from" in w["message"]]


def test_the_old_folders_scope_no_longer_holds_the_moved_notes(run, tmp_path):
    study = _study(tmp_path)
    run("ingest", study)
    renamed = study.rename(tmp_path / "study3-renamed")
    assert run("ingest", renamed).exit_code == 0
    # A new folder under the old name: ingesting it must not remove the moved notes.
    write(tmp_path / "study3", "other.md", "p9")
    old = json_out(run("ingest", tmp_path / "study3", "--json"))
    assert (old["added"], old["removed"], old["errors"]) == (["p9"], [], [])
    exported = json_out(run("export"))
    assert sorted(i["id"] for i in exported["interviews"]) == ["ft1", "p2", "p9"]


def test_a_moved_project_with_notes_and_reviews_ingests_cleanly(run, tmp_path):
    project = tmp_path / "proj"
    write(project / "notes", "a.md", "p1")
    review = project / "review" / "p1.review.md"
    review.parent.mkdir(parents=True)
    review.write_text(
        '---\njtbd_review: "p1"\n---\n- [x] pull 0.80 "Bank sync #bank" — a.md:7\n',
        encoding="utf-8",
    )
    assert run("ingest", project / "notes", project / "review").exit_code == 0
    moved = project.rename(tmp_path / "proj-moved")
    result = run("ingest", moved / "notes", moved / "review", "--json")
    assert result.exit_code == 0, result.stdout
    notes, reviews = json_out(result)
    assert (notes["updated"], reviews["updated"]) == (["p1"], ["p1#review"])


def test_a_copy_whose_original_still_exists_is_still_a_duplicate(run, tmp_path):
    study = _study(tmp_path)
    run("ingest", study)
    copy = tmp_path / "copy"
    shutil.copytree(study, copy)
    result = run("ingest", copy, "--json")
    assert result.exit_code == 1
    errors = json_out(result)["errors"]
    assert [e["message"] for e in errors if "ft1" in e["message"]] == [
        f"duplicate interview id 'ft1': also used by {study / 'front-t.md'}"
    ]


def test_a_folder_of_many_moved_notes_is_one_warning(run, tmp_path):
    study = tmp_path / "big"
    for number in range(6):
        write(study, f"n{number}.md", f"p{number}")
    run("ingest", study)
    renamed = study.rename(tmp_path / "big-2026")
    summary = json_out(run("ingest", renamed, "--json"))
    assert summary["errors"] == [] and len(summary["updated"]) == 6
    moved = [w for w in summary["warnings"] if "moved from" in w["message"]]
    assert [w["message"] for w in moved] == [
        f"6 notes moved from {tmp_path / 'big'} (no longer there): they replace its notes"
    ]
