"""The ingest library function: progress, the summary, direct folder reads."""

from __future__ import annotations

from jtbd import Workspace, ingest_folder
from jtbd.ingest import find_notes, read_folder
from tests.conftest import EXAMPLES


def test_progress_is_reported_up_to_the_total(tmp_path):
    calls: list[tuple[int, int]] = []
    with Workspace(tmp_path / "ws", create=True) as store:
        summary = ingest_folder(
            EXAMPLES, store, progress=lambda done, total: calls.append((done, total))
        )
    total = len(find_notes(EXAMPLES).notes)
    assert calls[-1] == (total, total)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert summary.ok


def test_find_notes_skips_hidden_folders_and_sorts(tmp_path):
    names = ("b.md", "a.yaml", ".hidden.md", ".obsidian/x.md", "sub/c.markdown", "pic.png")
    names += ("D.MD", "e.Yml", "notes.md.pdf", "README", "md")
    for name in names:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x")
    listing = find_notes(tmp_path)
    assert listing.notes == ["D.MD", "a.yaml", "b.md", "e.Yml", "sub/c.markdown"]
    assert listing.ignored == ["README", "md", "notes.md.pdf", "pic.png"]


def test_read_folder_matches_ingest(tmp_path):
    direct = read_folder(EXAMPLES)
    with Workspace(tmp_path / "ws", create=True) as store:
        ingest_folder(EXAMPLES, store)
        stored = store.interviews()
    assert sorted(i.id for i in direct.interviews) == [i.id for i in stored]
    assert direct.errors == []


def test_records_cross_processes_whole_by_field_position():
    import pickle

    from jtbd.ingest.read import Outcome
    from jtbd.readers import Problem, read_note
    from jtbd.store import NoteRecord, Stamp

    note = read_note(next(EXAMPLES.glob("*.md")))
    record = NoteRecord.of(note, "hash", Stamp(10, 20))
    outcome = Outcome(record, [Problem("a.md", "careful", 3)])
    wire = pickle.dumps(outcome)
    assert b"interview_json" not in wire  # positions, not field names
    copy = pickle.loads(wire)
    assert copy == outcome
    assert copy.record.stamp == Stamp(size=10, mtime_ns=20)
    assert copy.record.force_counts.push == record.force_counts.push
