"""Transcripts through `jtbd ingest` and `jtbd export`, as a user runs them."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, FIXTURES, json_out, snapshot

TRANSCRIPTS = FIXTURES / "transcripts"
TURN_KEYS = {"speaker", "role", "start", "end", "text", "source", "line"}


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A folder mixing notes and transcripts of every format, in sub-folders."""
    folder = tmp_path / "interviews"
    for kind in ("vtt", "srt", "txt", "md", "docx", "whisper"):
        shutil.copytree(TRANSCRIPTS / kind, folder / kind, ignore=shutil.ignore_patterns("*.py"))
    shutil.copy(EXAMPLES / "p01-anna-freelancer.md", folder / "p01.md")
    return folder


def test_ingest_then_export_shows_turns_and_statements(run, study):
    before = snapshot(study)
    summary = json_out(run("ingest", study, "--json"))
    assert summary["errors"] == []
    assert len(summary["added"]) == 16 and "p01" in summary["added"]
    assert summary["forces"]["push"] >= 1  # the #push in md/bold.md is coded, as in a note
    assert snapshot(study) == before  # nothing in the folder was touched

    exported = {i["id"]: i for i in json_out(run("export", "--format", "json"))["interviews"]}
    zoom = exported["zoom"]
    assert zoom["source"] == "vtt/zoom.vtt"
    assert all(set(turn) == TURN_KEYS for turn in zoom["turns"])
    assert zoom["turns"][0] == {
        "speaker": "Sam Rivera",
        "role": "interviewer",
        "start": 1.2,
        "end": 5.9,
        "text": "Thanks for joining. Can you tell me about the last time you sent an invoice?",
        "source": "vtt/zoom.vtt",
        "line": 5,
    }
    first = zoom["statements"][0]
    assert first == {
        "text": "Sure.",
        "speaker": "Dana Okafor",
        "turn": 1,
        "start": 6.1,
        "source": "vtt/zoom.vtt",
        "line": 10,
    }
    assert exported["p01"]["turns"] == [] and exported["p01"]["forces"]
    assert exported["otter-export"]["turns"][1]["speaker"] == "Fatima Zahra"
    assert exported["focus-01"]["interviewer"] == "Alex Moreau"


def test_interviewer_guess_shows_in_the_summary(run, study):
    result = run("ingest", study)
    assert result.exit_code == 0, result.stderr
    assert (
        "vtt/zoom.vtt: interviewer guessed: Sam Rivera (asked 2 of 2 questions); "
        "set 'interviewer:' in zoom.meta.yaml to change" in result.stderr
    )


def test_sidecars_and_other_json_are_not_ingested(run, study):
    (study / "vtt" / "zoom.meta.yaml").write_text("id: z1\ninterviewer: Sam Rivera\n")
    (study / "settings.json").write_text('{"theme": "dark"}')
    summary = json_out(run("ingest", study, "--json"))
    # the sidecar is read with its transcript, so it is neither ignored nor a note
    assert "settings.json" in summary["ignored"]
    assert "vtt/zoom.meta.yaml" not in summary["ignored"]
    assert "z1" in summary["added"]
    assert summary["errors"] == [] and "settings" not in summary["added"]


def test_bad_transcripts_are_one_line_each_and_the_rest_is_ingested(run, tmp_path):
    folder = tmp_path / "bad"
    shutil.copytree(TRANSCRIPTS / "bad", folder)
    shutil.copy(TRANSCRIPTS / "vtt" / "zoom.vtt", folder / "good.vtt")
    before = snapshot(folder)
    result = run("ingest", folder, "--json")
    assert result.exit_code == 1
    summary = json_out(result)
    errors = {(Path(e["file"]).name, e["line"]) for e in summary["errors"]}
    assert errors == {("not-word.docx", None)}
    warnings = {(Path(w["file"]).name, w["line"]) for w in summary["warnings"]}
    for expected in [
        ("truncated.vtt", 12),
        ("headerless.vtt", 1),
        ("broken-timing.vtt", 6),
        ("broken-numbering.srt", 9),
        ("no-speakers.txt", None),
        ("mixed-encoding.vtt", 10),
    ]:
        assert expected in warnings
    assert "good" in summary["added"] and "truncated" in summary["added"]
    assert snapshot(folder) == before

    text = run("ingest", folder)
    lines = [line for line in text.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and all("Traceback" not in line for line in lines)
    assert any("not-word.docx: not a Word document" in line for line in lines)


def test_caption_files_with_no_timed_cue_are_refused_and_the_rest_ingested(run, tmp_path):
    folder = tmp_path / "captions"
    folder.mkdir()
    shutil.copy(TRANSCRIPTS / "vtt" / "zoom.vtt", folder / "good.vtt")
    (folder / "nocues.vtt").write_text("WEBVTT\n\njust text no cues\n")
    (folder / "numbered.vtt").write_text("WEBVTT\n\n1\nAna: hello\n\n2\nBen: hi\n")
    (folder / "nocues.srt").write_text("1\n00:00:01,000 -> 00:00:02,000\nhello\n")
    (folder / "broken.srt").write_text("1\n00:00:01,000 --> 00:00:0x\nhello\n")
    (folder / "cut.vtt").write_text("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n")
    result = run("ingest", folder, "--json")
    assert result.exit_code == 1
    summary = json_out(result)
    errors = {(Path(e["file"]).name, e["line"]): e["message"] for e in summary["errors"]}
    assert set(errors) == {
        ("nocues.vtt", 3),
        ("numbered.vtt", 4),
        ("nocues.srt", 2),
        ("broken.srt", 2),
        ("cut.vtt", 3),
    }
    assert "timing line" in errors[("nocues.vtt", 3)]
    assert "truncated" in errors[("cut.vtt", 3)]
    # No warning about a refused file: its one line is the error.
    assert not [w for w in summary["warnings"] if Path(w["file"]).stem != "good"]
    assert summary["added"] == ["good"]
    stored = [i["id"] for i in json_out(run("export", "--format", "json"))["interviews"]]
    assert stored == ["good"]
    text = run("ingest", folder).stderr
    assert "nocues.vtt:3: no cue with a timing line" in text


def test_report_counts_a_tagged_markdown_transcript_beside_notes(run, study):
    report = json_out(run("report", study, "--format", "json"))
    quotes = [
        quote
        for force in report["forces"].values()
        for theme in force["themes"]
        for quote in theme["quotes"]
        if quote["source"] == "md/bold.md"
    ]
    assert {(q["line"], q["text"]) for q in quotes} == {
        (7, "That was the moment I started looking."),
        (11, "I love that."),
    }
    # Every transcript is an interview of the study, tagged or not (p01 is a note).
    assert report["interviews"] == 16


def test_a_damaged_word_file_is_a_one_line_error_not_a_bug_report(run, tmp_path):
    import zipfile

    good = (FIXTURES / "transcripts" / "docx" / "otter-export.docx").read_bytes()
    folder = tmp_path / "words"
    folder.mkdir()
    source = zipfile.ZipFile(FIXTURES / "transcripts" / "docx" / "otter-export.docx")
    # The document part cut in half, and a content-types part that is not the expected XML.
    for name, replace in [
        (
            "cut.docx",
            lambda part, data: data[: len(data) // 2] if part == "word/document.xml" else data,
        ),
        ("types.docx", lambda part, data: b"<x/>" if part == "[Content_Types].xml" else data),
    ]:
        with zipfile.ZipFile(folder / name, "w") as damaged:
            for item in source.namelist():
                damaged.writestr(item, replace(item, source.read(item)))
    (folder / "fine.docx").write_bytes(good)
    result = run("ingest", folder)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert all("not a Word document (damaged)" in line for line in errors), errors
    assert "jtbd bug" not in result.stderr
    assert "fine" in json_out(run("ingest", folder, "--json"))["unchanged"]


def test_a_tag_after_each_cue_of_one_speaker_makes_one_force_per_cue(run, tmp_path):
    # One speaker's cues are read as one turn: each #tag must still close its own sentence.
    cues = [
        ("00:00:01.000 --> 00:00:04.000", "Sam: What did you like?"),
        ("00:00:05.000 --> 00:00:09.000", "Dana: The bank sync is great. #pull"),
        ("00:00:09.000 --> 00:00:12.000", "Dana: I keep the old sheet open just in case #inertia"),
        ("00:00:12.000 --> 00:00:15.000", "Dana: I worry about the cost. #anxiety"),
    ]
    folder = tmp_path / "calls"
    folder.mkdir()
    text = "WEBVTT\n\n" + "".join(f"{time}\n{words}\n\n" for time, words in cues)
    (folder / "t.vtt").write_text(text, encoding="utf-8")
    data = json_out(run("report", folder, "--format", "json"))
    found = {
        kind: [(s["text"], s["line"]) for theme in force["themes"] for s in theme["statements"]]
        for kind, force in data["forces"].items()
    }
    assert found == {
        "push": [],
        "pull": [("The bank sync is great.", 7)],
        "inertia": [("I keep the old sheet open just in case", 10)],
        "anxiety": [("I worry about the cost.", 13)],
    }
