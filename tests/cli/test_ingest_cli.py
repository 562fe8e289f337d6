"""`jtbd ingest` and `jtbd export` as a user calls them."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, json_out, snapshot

NOTE = "---\nid: {id}\nrole: {role}\n---\n## Push\n- {push}\n## Pull\n- Bank sync #bank\n"


def write(folder: Path, name: str, id_: str, role: str = "freelancer", push: str = "VAT by hand"):
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(NOTE.format(id=id_, role=role, push=push), encoding="utf-8")
    return path


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    folder = tmp_path / "notes"
    write(folder, "a.md", "p1")
    write(folder, "sub/b.md", "p2", role="shop-owner")
    return folder


def test_ingest_then_reingest_skips_replaces_and_removes(run, notes, tmp_path):
    first = json_out(run("ingest", notes, "--json"))
    assert first["added"] == ["p1", "p2"]
    assert first["forces"] == {"push": 2, "pull": 2, "anxiety": 0, "inertia": 0}
    assert (tmp_path / ".jtbd").is_dir()

    again = json_out(run("ingest", notes, "--json"))
    assert (again["added"], again["updated"], again["unchanged"]) == ([], [], ["p1", "p2"])
    assert again["forces"]["push"] == 2

    write(notes, "a.md", "p1", push="Formulas broke")
    (notes / "sub" / "b.md").unlink()
    write(notes, "c.md", "p3")
    changed = json_out(run("ingest", notes, "--json"))
    assert changed["updated"] == ["p1"]
    assert changed["added"] == ["p3"]
    assert changed["removed"] == ["p2"]

    exported = json_out(run("export", "--format", "json"))
    assert sorted(i["id"] for i in exported["interviews"]) == ["p1", "p3"]
    assert exported["interviews"][0]["forces"][0]["text"] == "Formulas broke"


def test_summary_table_says_what_happened(run, notes):
    run("ingest", notes)
    (notes / "a.md").unlink()
    result = run("ingest", notes)
    assert result.exit_code == 0
    assert "interviews removed" in result.stdout
    assert "Removed (note deleted): p1" in result.stdout


def test_workspace_option_and_environment_variable(run, notes, tmp_path, monkeypatch):
    assert run("ingest", notes, "--workspace", tmp_path / "study" / ".jtbd", "-q").exit_code == 0
    assert (tmp_path / "study" / ".jtbd" / "jtbd.sqlite3").is_file()
    assert not (tmp_path / ".jtbd").exists()
    monkeypatch.setenv("JTBD_WORKSPACE", str(tmp_path / "study" / ".jtbd"))
    assert len(json_out(run("export"))["interviews"]) == 2


def test_quiet_prints_nothing_on_success(run, notes):
    result = run("ingest", notes, "--quiet")
    assert result.exit_code == 0
    assert result.stdout == ""


def test_export_json_contract(run, examples_dir):
    run("ingest", examples_dir, "-q")
    data = json_out(run("export", "--format", "json"))
    assert len(data["interviews"]) >= 12
    for interview in data["interviews"]:
        for key in (
            "id",
            "participant",
            "date",
            "consent",
            "attributes",
            "source",
            "forces",
            "jobs",
            "timeline",
            "notes",
        ):
            assert key in interview, key
        assert not interview["source"].startswith("/")
        for force in interview["forces"]:
            assert force["kind"] in ("push", "pull", "anxiety", "inertia")
            assert {"text", "quote", "tags", "line"} <= force.keys()
            assert isinstance(force["line"], int)
        for job in interview["jobs"]:
            assert {"when", "want", "so", "text"} <= job.keys()
        for event in interview["timeline"]:
            assert {"stage", "text"} <= event.keys()


def test_export_csv_one_row_per_force_with_source(run, notes, tmp_path):
    write(notes, "d.md", "p4", push='=HYPERLINK("http://evil")')
    run("ingest", notes, "-q")
    result = run("export", "--format", "csv", "-o", tmp_path / "out" / "forces.csv")
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out" / "forces.csv").read_text())))
    assert len(rows) == 6
    first = rows[0]
    assert (first["interview"], first["kind"], first["source"], first["line"]) == (
        "p1",
        "push",
        "a.md",
        "6",
    )
    assert first["role"] == "freelancer"
    assert rows[1]["tags"] == "bank"
    assert next(r for r in rows if r["interview"] == "p4")["text"].startswith("'=")


def test_export_never_replaces_a_note_of_the_study(run, notes):
    run("ingest", notes, "-q")
    note = notes / "a.md"
    before = note.read_bytes()
    result = run("export", "-o", note)
    assert result.exit_code == 1
    assert f"{note.resolve()}: a file of the study" in result.stderr
    assert note.read_bytes() == before


def test_export_without_workspace_is_a_clear_error(run):
    result = run("export")
    assert result.exit_code == 1
    assert "jtbd ingest" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_folder(run, tmp_path):
    result = run("ingest", tmp_path / "nope")
    assert result.exit_code != 0
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        ("malformed-frontmatter", ["broken.md:3: invalid YAML"]),
        ("unclosed-frontmatter", ["unclosed.md:1: frontmatter opened with `---` is never closed"]),
        ("wrong-type", ["wrong-type.yaml:5: forces.push.0.intensity:"]),
        (
            "python-tag",
            [
                "evil-frontmatter.md:3: YAML tag !!python/name:os.system is not allowed",
                "evil.yaml:2: YAML tag !!python/object/apply:os.system is not allowed",
            ],
        ),
        ("not-text", ["binary.md"]),
        (
            "duplicate-id",
            [
                "first.md: duplicate interview id 'p97': also used by",
                "second.md: duplicate interview id 'p97': also used by",
            ],
        ),
    ],
)
def test_bad_notes_fail_with_one_line_each_and_exit_1(run, bad_fixture, fixture, expected):
    folder = bad_fixture(fixture)
    (folder / "good.md").write_text("---\nid: good\n---\n## Push\n- Re-typing VAT\n")
    before = snapshot(folder)
    result = run("ingest", folder)
    assert result.exit_code == 1
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(error_lines) == len(expected), result.stderr
    for line, fragment in zip(sorted(error_lines), sorted(expected), strict=True):
        assert fragment in line
    assert "Traceback" not in result.output
    assert snapshot(folder) == before  # the notes are never modified
    exported = json_out(run("export"))
    assert "good" in [i["id"] for i in exported["interviews"]]  # the other files still landed
    assert not Path("/tmp/jtbd-pwned").exists()


def test_duplicate_ids_neither_wins(run, bad_fixture):
    folder = bad_fixture("duplicate-id")
    run("ingest", folder)
    assert json_out(run("export"))["interviews"] == []


def test_empty_and_contentless_notes_warn_but_succeed(run, bad_fixture):
    result = run("ingest", bad_fixture("empty"), "--json")
    assert result.exit_code == 0
    data = json_out(result)
    messages = sorted((w["file"].rsplit("/", 1)[-1], w["message"]) for w in data["warnings"])
    assert messages[0][0] == "empty.md" and "empty note" in messages[0][1]
    assert messages[1][0] == "no-content.md" and "no interview content" in messages[1][1]
    assert data["added"] == ["p96"]  # kept: its free notes are not lost


def test_attachments_and_hidden_folders_are_ignored(run, bad_fixture):
    data = json_out(run("ingest", bad_fixture("attachments"), "--json"))
    assert data["added"] == ["p98"]
    assert data["errors"] == []
    assert sorted(data["ignored"]) == ["photo.png", "scan.pdf"]


def test_error_in_changed_note_keeps_previous_version(run, notes):
    run("ingest", notes, "-q")
    (notes / "a.md").write_text("---\nid: p1\nrole: [oops\n---\n")
    result = run("ingest", notes)
    assert result.exit_code == 1
    assert "previously ingested version is kept" in result.stderr
    assert "p1" in [i["id"] for i in json_out(run("export"))["interviews"]]


def test_examples_ingest_cleanly_except_the_documented_warning(run, examples_dir):
    result = run("ingest", examples_dir, "--json")
    assert result.exit_code == 0, result.stderr
    data = json_out(result)
    assert len(data["added"]) >= 12
    assert data["errors"] == []
    assert all(data["forces"][kind] > 10 for kind in ("push", "pull", "anxiety", "inertia"))
    assert [w for w in data["warnings"] if "When ..., I want to" not in w["message"]] == []


def test_ingest_does_not_write_into_the_notes_folder(run, tmp_path):
    notes = tmp_path / "vault"
    shutil.copytree(EXAMPLES, notes)
    before = snapshot(notes)
    assert run("ingest", notes, "-q").exit_code == 0
    assert snapshot(notes) == before


def test_workspace_inside_the_notes_folder_is_skipped(run, notes):
    result = run("ingest", notes, "--workspace", notes / ".jtbd", "--json")
    assert json_out(result)["ignored"] == []
    again = json_out(run("ingest", notes, "--workspace", notes / "store", "--json"))
    assert again["ignored"] == []


def test_console_script_runs_without_traceback(tmp_path, bad_fixture):
    folder = bad_fixture("python-tag")
    jtbd = Path(sys.executable).parent / "jtbd"
    result = subprocess.run(
        [str(jtbd), "ingest", str(folder), "--workspace", str(tmp_path / "ws")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.count("error:") == 2


def test_touched_but_unchanged_note_is_not_reparsed(run, notes):
    import os

    run("ingest", notes, "-q")
    note = notes / "a.md"
    stat = note.stat()
    os.utime(note, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    data = json_out(run("ingest", notes, "--json"))
    assert (data["updated"], sorted(data["unchanged"])) == ([], ["p1", "p2"])
    # same size, new content, same time as stored: the content hash still decides
    # once the time differs
    note.write_text(note.read_text().replace("VAT by hand", "VAT by HAND"))
    data = json_out(run("ingest", notes, "--json"))
    assert data["updated"] == ["p1"]


def test_debug_shows_the_traceback_and_plain_errors_do_not(run, tmp_path):
    plain = run("export", "--workspace", tmp_path / "none")
    assert "Traceback" not in plain.stderr
    debug = run("--debug", "export", "--workspace", tmp_path / "none")
    assert debug.exit_code == 1
    assert "Traceback" in debug.stderr
    assert "jtbd ingest" in debug.stderr


def test_progress_bar_path_on_a_terminal(run, notes, monkeypatch):
    import jtbd.cli.ingest as command

    used = []
    real = command._ingest_with_progress
    monkeypatch.setattr(command, "_on_terminal", lambda: True)
    monkeypatch.setattr(
        command, "_ingest_with_progress", lambda *args: used.append(1) or real(*args)
    )
    result = run("ingest", notes)
    assert result.exit_code == 0, result.stderr
    assert used == [1]
    assert "interviews added" in result.stdout
    assert run("ingest", notes, "--quiet").exit_code == 0
    assert used == [1]  # --quiet: no progress bar


def test_copying_a_note_does_not_make_the_original_vanish(run, notes):
    run("ingest", notes, "-q")
    (notes / "copy.md").write_bytes((notes / "a.md").read_bytes())
    result = run("ingest", notes)
    assert result.exit_code == 1
    assert "copy.md: duplicate interview id 'p1': also used by" in result.stderr
    assert sorted(i["id"] for i in json_out(run("export"))["interviews"]) == ["p1", "p2"]


def test_impossible_date_is_one_error_and_the_rest_still_lands(run, notes):
    (notes / "bad.md").write_text("---\nid: bad\ndate: 2024-02-30\n---\n## Push\n- x\n")
    result = run("ingest", notes)
    assert result.exit_code == 1
    assert "bad.md:3: invalid value: day is out of range for month" in result.stderr
    assert "internal error" not in result.stderr
    assert sorted(i["id"] for i in json_out(run("export"))["interviews"]) == ["p1", "p2"]


def test_warnings_are_repeated_for_unchanged_notes(run, notes):
    (notes / "w.md").write_text("---\nid: w\n---\n## Jobs\n- Just wants peace of mind\n")
    first = json_out(run("ingest", notes, "--json"))
    again = json_out(run("ingest", notes, "--json"))
    assert "w" in again["unchanged"]
    assert again["warnings"] == first["warnings"]
    assert sorted((w["line"] or 0, w["message"][:15]) for w in again["warnings"]) == [
        (0, "no forces found"),
        (5, "job statement i"),
    ]


def test_export_leaves_out_consent_false_unless_all(run, notes, tmp_path):
    (notes / "secret.md").write_text(
        "---\nid: s\nconsent: false\ntags: [vip]\n---\n## Push\n- private words\n"
    )
    run("ingest", notes, "-q")
    assert "s" not in [i["id"] for i in json_out(run("export"))["interviews"]]
    assert "s" in [i["id"] for i in json_out(run("export", "--all"))["interviews"]]
    result = run("export", "--format", "csv", "--all", "-o", tmp_path / "all.csv")
    assert "wrote" in result.stderr
    rows = list(csv.DictReader(io.StringIO((tmp_path / "all.csv").read_text())))
    secret = next(r for r in rows if r["interview"] == "s")
    assert (secret["consent"], secret["attribute.tags"], secret["tags"]) == ("false", "vip", "")


@pytest.fixture
def write_each_note_at_once(monkeypatch):
    """Early writes flush after every note, so a later duplicate finds them already stored."""
    import jtbd.ingest.commit

    monkeypatch.setattr(jtbd.ingest.commit, "WRITE_BATCH", 1)


def test_a_duplicate_found_after_its_twin_was_written_refuses_both(
    run, tmp_path, write_each_note_at_once
):
    folder = tmp_path / "notes"
    write(folder, "a.md", "same")
    write(folder, "b.md", "other")
    write(folder, "c.md", "same")
    result = run("ingest", folder, "--json")
    assert result.exit_code == 1
    data = json_out(result)
    assert data["added"] == ["other"]
    assert sorted(e["file"].rsplit("/", 1)[-1] for e in data["errors"]) == ["a.md", "c.md"]
    assert [i["id"] for i in json_out(run("export"))["interviews"]] == ["other"]


def test_a_changed_note_refused_as_duplicate_keeps_its_previous_version(
    run, tmp_path, write_each_note_at_once
):
    folder = tmp_path / "notes"
    write(folder, "a.md", "p1", push="Old push")
    run("ingest", folder, "-q")
    write(folder, "a.md", "p9", push="New push")  # a changed note with a new id...
    write(folder, "z.md", "p9")  # ...that a new note also takes
    result = run("ingest", folder, "--json")
    assert result.exit_code == 1
    assert len(json_out(result)["errors"]) == 2
    (kept,) = json_out(run("export"))["interviews"]
    assert (kept["id"], kept["forces"][0]["text"]) == ("p1", "Old push")


def test_many_new_notes_written_early_all_land(run, tmp_path, write_each_note_at_once):
    folder = tmp_path / "notes"
    for number in range(30):
        write(folder, f"n{number:02d}.md", f"n{number:02d}")
    data = json_out(run("ingest", folder, "--json"))
    assert len(data["added"]) == 30
    assert len(json_out(run("export"))["interviews"]) == 30


def test_an_id_taken_in_another_ingested_folder_is_refused(run, tmp_path):
    # Folders that sort before and after the one ingested last: both are "outside" it.
    write(tmp_path / "a-notes", "one.md", "p1")
    write(tmp_path / "z-notes", "two.md", "p2")
    write(tmp_path / "m-notes", "copy-of-one.md", "p1")
    write(tmp_path / "m-notes", "copy-of-two.md", "p2")
    write(tmp_path / "m-notes", "own.md", "p3")
    run("ingest", tmp_path / "a-notes", "-q")
    run("ingest", tmp_path / "z-notes", "-q")
    result = run("ingest", tmp_path / "m-notes", "--json")
    assert result.exit_code == 1
    errors = {e["file"].rsplit("/", 1)[-1]: e["message"] for e in json_out(result)["errors"]}
    assert "a-notes/one.md" in errors["copy-of-one.md"]
    assert "z-notes/two.md" in errors["copy-of-two.md"]
    assert sorted(i["id"] for i in json_out(run("export"))["interviews"]) == ["p1", "p2", "p3"]


def test_parallel_reading_gives_the_same_store_and_problems(run, tmp_path, monkeypatch):
    """Many changed notes are read across processes; nothing may differ from one process."""
    import jtbd.ingest.read

    notes = tmp_path / "mixed"
    shutil.copytree(EXAMPLES, notes)
    for fixture in ("empty", "encodings", "malformed-frontmatter", "wrong-type", "duplicate-id"):
        shutil.copytree(FIXTURES / "bad" / fixture, notes / fixture)

    def ingest(workspace: str, threshold: int) -> tuple[dict, dict]:
        monkeypatch.setattr(jtbd.ingest.read, "PARALLEL_THRESHOLD", threshold)
        summary = json_out(run("ingest", notes, "--workspace", workspace, "--json"))
        return summary, json_out(run("export", "--workspace", workspace, "--all"))

    one_process = ingest("ws-serial", 10_000)
    across_processes = ingest("ws-parallel", 1)
    assert across_processes == one_process
    assert one_process[0]["errors"] and one_process[0]["warnings"]  # problems crossed too


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems take such names")
def test_file_names_that_are_not_utf8_cost_only_that_file(run, notes):
    folder = os.fsencode(notes)
    with open(folder + b"/bad\xffname.md", "wb") as file:
        file.write(b"## Push\n- x\n")
    with open(folder + b"/photo\xfe.png", "wb") as file:
        file.write(b"\x89PNG")
    result = run("ingest", notes, "--json")
    assert result.exit_code == 1
    data = json_out(result)
    assert data["added"] == ["p1", "p2"]  # the other notes still landed
    assert data["ignored"] == ["photo\\xfe.png"]
    (error,) = data["errors"]
    assert error["file"].endswith("bad\\xffname.md")
    assert "not valid UTF-8" in error["message"]
    report = run("report", notes, "--format", "json")
    assert report.exit_code == 1
    assert "bad\\xffname.md: the file name is not valid UTF-8" in report.stderr
    assert "internal error" not in report.stderr


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux file systems take such names")
def test_a_folder_path_that_is_not_utf8_is_a_clear_error(run, tmp_path):
    folder = os.fsencode(tmp_path) + b"/notes\xff"
    os.mkdir(folder)
    with open(folder + b"/p1.md", "wb") as file:
        file.write(b"## Push\n- x\n")
    result = run("ingest", os.fsdecode(folder))
    assert result.exit_code == 2
    assert "not valid UTF-8" in result.stderr and "internal error" not in result.stderr


def test_a_moved_note_is_updated_not_removed_and_added(run, notes):
    run("ingest", notes, "-q")
    (notes / "archive").mkdir()
    (notes / "a.md").rename(notes / "archive" / "a.md")
    data = json_out(run("ingest", notes, "--json"))
    assert (data["added"], data["updated"], data["removed"]) == ([], ["p1"], [])
    exported = {i["id"]: i["source"] for i in json_out(run("export"))["interviews"]}
    assert exported == {"p1": "archive/a.md", "p2": "sub/b.md"}


def test_messages_show_brackets_in_names_and_notes_as_written(run, tmp_path):
    """File names and note text are never read as console markup ("[red]", "[/]")."""
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "p[red]1.md").write_text("## Timeline\n- [/red] oops: x\n- Weird [bold]label: y\n")
    result = run("ingest", folder)
    assert result.exit_code == 0, result.stderr
    assert "p[red]1.md:2: timeline item '[/red] oops' is not a switch stage" in result.stderr
    assert "timeline item 'Weird [bold]label'" in result.stderr


def test_many_removed_notes_are_named_in_one_short_line(run, tmp_path):
    folder = tmp_path / "many"
    for n in range(40):
        write(folder, f"n{n:02d}.md", f"n{n:02d}")
    run("ingest", folder, "-q")
    for path in folder.glob("*.md"):
        path.unlink()
    write(folder, "keep.md", "keep")
    result = run("ingest", folder)
    text = " ".join(result.stdout.split())
    assert "Removed (note deleted): n00, n01," in text and "n09 and 30 more" in text
    assert "n10" not in text
