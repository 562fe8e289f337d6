"""Ingest and the readers' extras: transcript sidecars and the free-notes count."""

from __future__ import annotations

import pytest

from tests.cli.test_ingest_cli import write
from tests.conftest import json_out


@pytest.fixture
def transcripts(monkeypatch):
    """A stand-in transcript format (.vtt read as Markdown) that records the sidecars it
    is given, until the transcript readers land."""
    import jtbd.ingest.read
    import jtbd.readers

    monkeypatch.setitem(jtbd.readers.READERS, ".vtt", jtbd.readers.READERS[".md"])
    monkeypatch.setattr(jtbd.readers, "_NOTE_EXTENSIONS", (*jtbd.readers.READERS, ".vtt"))
    given: dict[str, bytes | None] = {}
    real = jtbd.ingest.read.read_note_bytes

    def read_note_bytes(data, shown, source, sidecar=None):
        given[source] = sidecar
        return real(data, shown, source, sidecar=sidecar)

    monkeypatch.setattr(jtbd.ingest.read, "read_note_bytes", read_note_bytes)
    return given


def test_a_sidecar_is_read_with_its_transcript_and_its_edits_count(run, tmp_path, transcripts):
    notes = tmp_path / "notes"
    write(notes, "call.vtt", "t1")
    (notes / "call.meta.yaml").write_text("participant: Someone\n")
    (notes / "orphan.meta.yaml").write_text("participant: Nobody\n")  # no transcript
    write(notes, "plain.md", "p1")
    data = json_out(run("ingest", notes, "--json"))
    assert data["added"] == ["t1", "p1"]  # in file order: call.vtt, plain.md
    assert data["ignored"] == ["orphan.meta.yaml"]  # the used sidecar is not "ignored"
    assert transcripts == {"call.vtt": b"participant: Someone\n", "plain.md": None}

    transcripts.clear()
    again = json_out(run("ingest", notes, "--json"))
    assert (again["unchanged"], transcripts) == (["t1", "p1"], {})

    (notes / "call.meta.yaml").write_text("participant: Someone else\n")  # only the sidecar
    edited = json_out(run("ingest", notes, "--json"))
    assert (edited["updated"], edited["unchanged"]) == (["t1"], ["p1"])
    assert transcripts == {"call.vtt": b"participant: Someone else\n"}

    (notes / "call.meta.yaml").unlink()
    transcripts.clear()
    gone = json_out(run("ingest", notes, "--json"))
    assert gone["updated"] == ["t1"]
    assert transcripts == {"call.vtt": None}


def test_the_summary_counts_items_that_went_to_free_notes(run, tmp_path, monkeypatch):
    import jtbd.ingest.read

    real = jtbd.ingest.read.read_note_bytes

    def read_note_bytes(data, shown, source, sidecar=None):
        result = real(data, shown, source, sidecar=sidecar)
        result.free_note_items = 3  # what a reader reports for items it could not file
        return result

    notes = tmp_path / "notes"
    write(notes, "a.md", "p1")
    write(notes, "b.md", "p2")
    with monkeypatch.context() as patch:
        patch.setattr(jtbd.ingest.read, "read_note_bytes", read_note_bytes)
        first = json_out(run("ingest", notes, "--json"))
    assert first["free_notes"] == 6
    again = json_out(run("ingest", notes, "--json"))  # unchanged: counted from the store
    assert again["free_notes"] == 6
    table = run("ingest", notes)
    (row,) = [line for line in table.stdout.splitlines() if "items in free notes" in line]
    assert row.split()[-2:] == ["6", "│"]
