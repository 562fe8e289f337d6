"""The workspace under real conditions: read-only, interrupted, shared by two ingests."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from jtbd import Workspace
from jtbd.store import DATABASE_NAME, ReadOnlyWorkspaceError
from tests.cli.test_ingest_cli import write
from tests.conftest import REPO, json_out, snapshot

# -- a workspace that can be read but not written ---------------------------------------


@pytest.fixture
def access_as_a_user(monkeypatch):
    """As root, chmod does not stop writes and os.access says yes to everything: make it
    answer from the permission bits, as it does for every other user."""
    if os.geteuid() != 0:
        return
    real = os.access

    def access(path, mode, *args, **kwargs):
        if mode & os.W_OK and not os.stat(path).st_mode & (stat.S_IWUSR | stat.S_IWGRP):
            return False
        return real(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)


def make_read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode & ~0o222)


def make_writable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(path.stat().st_mode | 0o200)


def test_a_read_only_workspace_reports_and_exports_but_ingest_says_why_not(
    run, tmp_path, access_as_a_user
):
    notes = tmp_path / "notes"
    write(notes, "a.md", "p1")
    write(notes, "b.md", "p2")
    assert run("ingest", notes, "-q").exit_code == 0
    workspace = tmp_path / ".jtbd"
    make_read_only(workspace)
    before = snapshot(workspace)
    try:
        exported = run("export")
        assert exported.exit_code == 0, exported.stderr
        assert [i["id"] for i in json_out(exported)["interviews"]] == ["p1", "p2"]
        report = run("report", "--format", "json")
        assert report.exit_code == 0, report.stderr
        write(notes, "c.md", "p3")
        refused = run("ingest", notes)
        assert refused.exit_code == 1
        (line,) = refused.stderr.splitlines()
        assert "is read-only: `jtbd ingest` needs write access" in line
        assert snapshot(workspace) == before  # not a byte written, no -wal or -shm left
    finally:
        make_writable(workspace)


def test_a_read_only_connection_cannot_write_even_as_root(tmp_path):
    from jtbd import Interview

    with Workspace(tmp_path, create=True) as store:
        store.notes_folder("/notes").put("h", Interview(id="p1", source="a.md"))
    with Workspace(tmp_path, writable=False) as store:
        assert [i.id for i in store.interviews()] == ["p1"]
        with pytest.raises(ReadOnlyWorkspaceError, match="needs write access"):
            store.notes_folder("/notes").remove(["a.md"])
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.connection.execute("DELETE FROM notes")  # SQLite itself refuses (mode=ro)


# -- interrupted runs -------------------------------------------------------------------


def dump(workspace: Path) -> list[tuple]:
    """Every stored row, to compare workspaces exactly."""
    db = sqlite3.connect(workspace / DATABASE_NAME)
    try:
        return db.execute("SELECT * FROM notes ORDER BY root, source").fetchall()
    finally:
        db.close()


@pytest.fixture
def changed_study(run, tmp_path, monkeypatch):
    """A study ingested once, then edited in every way a run handles: the folder, the
    workspace as it was before the edits, and the workspace a clean run gives after."""
    import jtbd.ingest.commit

    monkeypatch.setattr(jtbd.ingest.commit, "WRITE_BATCH", 1)  # early writes, note by note
    notes = tmp_path / "notes"
    write(notes, "a.md", "p1")
    write(notes, "b.md", "p2")
    write(notes, "c.md", "p3")
    run("ingest", notes, "--workspace", tmp_path / "before", "-q")
    write(notes, "a.md", "p1", push="Changed")  # changed
    (notes / "b.md").unlink()  # removed
    info = (notes / "c.md").stat()  # touched only: restamped
    os.utime(notes / "c.md", ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    write(notes, "d.md", "p4")  # new, written early
    write(notes, "e.md", "twin")  # new, written early, then refused...
    write(notes, "f.md", "twin")  # ...because a later note takes its id
    write(notes, "copy-of-c.md", "p3")  # refused: the id of an unchanged note
    shutil.copytree(tmp_path / "before", tmp_path / "after")
    clean = run("ingest", notes, "--workspace", tmp_path / "after", "--json")
    assert clean.exit_code == 1
    return notes, json_out(clean)


def interrupt_on_call(monkeypatch, owner, name, call: int, after: bool = False) -> None:
    """Raise KeyboardInterrupt (as Ctrl-C does) on the n-th call of owner.name."""
    real = getattr(owner, name)
    calls = []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == call and not after:
            raise KeyboardInterrupt
        result = real(*args, **kwargs)
        if len(calls) == call:
            raise KeyboardInterrupt
        return result

    monkeypatch.setattr(owner, name, interrupted)


def points():
    import jtbd.ingest.commit
    import jtbd.ingest.read
    from jtbd.store import NotesFolder

    return {
        "restamping": (NotesFolder, "restamp", 1, True),
        "reading the second note": (jtbd.ingest.read, "read_note_bytes", 2, False),
        "after an early write": (NotesFolder, "write", 1, True),
        "after the twin was written early": (NotesFolder, "write", 2, True),
        "undoing the refused twin": (NotesFolder, "remove", 1, True),
        "removing deleted notes": (NotesFolder, "remove", 2, True),
        "summing up, just before the commit": (jtbd.ingest.commit, "_sum_up", 1, True),
    }


@pytest.mark.parametrize("point", list(points()))
def test_an_interrupted_ingest_changes_nothing_and_a_rerun_completes_it(
    run, tmp_path, monkeypatch, changed_study, point
):
    notes, clean = changed_study
    shutil.copytree(tmp_path / "before", tmp_path / "ws")
    with monkeypatch.context() as patch:
        interrupt_on_call(patch, *points()[point])
        result = run("ingest", notes, "--workspace", tmp_path / "ws")
    assert result.exit_code == 130
    assert result.stderr.splitlines() == [
        "error: interrupted: nothing from this run was saved; "
        "run `jtbd ingest` again to complete it"
    ]
    assert dump(tmp_path / "ws") == dump(tmp_path / "before")
    again = run("ingest", notes, "--workspace", tmp_path / "ws", "--json")
    assert json_out(again) == clean
    assert dump(tmp_path / "ws") == dump(tmp_path / "after")


def cli(*args: str, hook: str = "") -> list[str]:
    """The jtbd CLI in a fresh process, after ``hook`` (Python code) has run in it."""
    code = f"import sys\n{textwrap.dedent(hook)}\nfrom jtbd.cli import main\nmain()\n"
    return [sys.executable, "-c", code, *args]


@pytest.mark.parametrize(
    ("signal_name", "parallel"), [("SIGTERM", False), ("SIGINT", True), ("SIGTERM", True)]
)
def test_a_signal_during_ingest_exits_130_with_one_line(tmp_path, signal_name, parallel):
    notes = tmp_path / "notes"
    for number in range(40):
        write(notes, f"n{number:02d}.md", f"n{number:02d}")
    hook = f"""
        import os, signal
        import jtbd.ingest.commit, jtbd.ingest.read
        jtbd.ingest.read.PARALLEL_THRESHOLD = {1 if parallel else 10_000}
        jtbd.ingest.commit.WRITE_BATCH = 5
        real = jtbd.ingest.commit.EarlyWriter.offer
        calls = []
        def offer(self, record):
            real(self, record)
            calls.append(1)
            if len(calls) == 20:  # half way, after some notes were written early
                os.kill(os.getpid(), signal.{signal_name})
        jtbd.ingest.commit.EarlyWriter.offer = offer
    """
    workspace = tmp_path / "ws"
    result = subprocess.run(
        cli("ingest", str(notes), "--workspace", str(workspace), hook=hook),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert result.returncode == 130, result.stderr
    assert result.stderr.splitlines() == [
        "error: interrupted: nothing from this run was saved; "
        "run `jtbd ingest` again to complete it"
    ]
    assert dump(workspace) == []
    done = subprocess.run(
        cli("ingest", str(notes), "--workspace", str(workspace), "--json"),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert len(dump(workspace)) == 40


# -- two ingests at once ----------------------------------------------------------------


def test_a_second_ingest_waits_or_refuses_and_never_claims_the_same_notes(tmp_path):
    notes = tmp_path / "notes"
    for number in range(10):
        write(notes, f"n{number}.md", f"n{number}")
    workspace = tmp_path / "ws"
    started, go = tmp_path / "started", tmp_path / "go"
    hook = f"""
        import time
        from pathlib import Path
        import jtbd.ingest.commit
        real = jtbd.ingest.commit._sum_up
        def held(*args):
            Path({str(started)!r}).touch()
            deadline = time.monotonic() + 60
            while not Path({str(go)!r}).exists() and time.monotonic() < deadline:
                time.sleep(0.02)
            real(*args)
        jtbd.ingest.commit._sum_up = held
    """
    ingest = ("ingest", str(notes), "--workspace", str(workspace), "--json")
    first = subprocess.Popen(cli(*ingest, hook=hook), stdout=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not started.exists() and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert started.exists(), "the first ingest never reached its commit"

    impatient = subprocess.run(cli(*ingest, "--wait", "0"), capture_output=True, text=True)
    assert impatient.returncode == 75
    (line,) = impatient.stderr.splitlines()
    assert "another `jtbd ingest` is writing to workspace" in line
    assert impatient.stdout == ""

    interrupted = subprocess.Popen(
        cli(*ingest, "--wait", "60"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert interrupted.stderr is not None
    assert "waiting for another" in interrupted.stderr.readline()
    interrupted.send_signal(signal.SIGINT)  # Ctrl-C while waiting: stops at once
    _, rest = interrupted.communicate(timeout=30)
    assert interrupted.returncode == 130
    assert rest.splitlines() == [
        "error: interrupted: nothing from this run was saved; "
        "run `jtbd ingest` again to complete it"
    ]

    patient = subprocess.Popen(
        cli(*ingest, "--wait", "60"), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    assert patient.stderr is not None
    waiting = patient.stderr.readline()  # it says so as it starts to wait
    assert "waiting for another `jtbd ingest`" in waiting
    assert "(up to 60 s)" in waiting
    go.touch()
    first_out, _ = first.communicate(timeout=60)
    patient_out, patient_err = patient.communicate(timeout=60)
    assert first.returncode == 0 and patient.returncode == 0, patient_err
    one, two = json.loads(first_out), json.loads(patient_out)
    assert len(one["added"]) == 10
    assert two["added"] == [] and len(two["unchanged"]) == 10


# -- symbolic links -----------------------------------------------------------------------


def test_symlinked_folders_are_followed_and_loops_reported_once(run, tmp_path):
    notes = tmp_path / "notes"
    write(notes, "a.md", "p1")
    write(tmp_path / "elsewhere", "b.md", "p2")
    (notes / "linked").symlink_to(tmp_path / "elsewhere")
    (notes / "other-link").symlink_to(tmp_path / "elsewhere")  # a second way there
    (notes / "sub").mkdir()
    (notes / "sub" / "loop").symlink_to(notes)  # back to the top: a loop
    (notes / "sub" / "photo.png").write_bytes(b"\x89PNG")
    result = run("ingest", notes, "--json")
    assert result.exit_code == 0, result.stderr
    data = json_out(result)
    assert data["added"] == ["p1", "p2"]
    assert data["ignored"] == ["other-link/", "sub/loop/", "sub/photo.png"]
    warnings = [(w["file"], w["message"]) for w in data["warnings"]]
    assert warnings == [
        (f"{notes}/other-link", "a link to a folder already read (linked/): not followed"),
        (
            f"{notes}/sub/loop",
            "a link to a folder already read (the notes folder itself): not followed (a loop)",
        ),
    ]
    sources = {i["id"]: i["source"] for i in json_out(run("export"))["interviews"]}
    assert sources == {"p1": "a.md", "p2": "linked/b.md"}
    again = json_out(run("ingest", notes, "--json"))
    assert (again["unchanged"], again["warnings"]) == (["p1", "p2"], data["warnings"])
    direct = run("report", notes, "--format", "json")  # straight from the folder, the same
    assert direct.exit_code == 0, direct.stderr
    assert direct.stderr.count("not followed") == 2


def test_a_killed_ingest_leaves_the_workspace_as_it_was(tmp_path):
    """SIGKILL cannot be caught: the run's transaction is simply never committed."""
    notes = tmp_path / "notes"
    for number in range(20):
        write(notes, f"n{number:02d}.md", f"n{number:02d}")
    hook = """
        import os, signal
        import jtbd.ingest.commit
        jtbd.ingest.commit.WRITE_BATCH = 2
        real = jtbd.ingest.commit.EarlyWriter.finish
        def finish(self, refused):
            real(self, refused)  # everything written, not yet committed
            os.kill(os.getpid(), signal.SIGKILL)
        jtbd.ingest.commit.EarlyWriter.finish = finish
    """
    workspace = tmp_path / "ws"
    command = cli("ingest", str(notes), "--workspace", str(workspace), hook=hook)
    killed = subprocess.run(command, capture_output=True, text=True, cwd=REPO, timeout=120)
    assert killed.returncode == -signal.SIGKILL
    assert dump(workspace) == []
    again = subprocess.run(
        cli("ingest", str(notes), "--workspace", str(workspace), "--json"),
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=120,
    )
    assert len(json.loads(again.stdout)["added"]) == 20
