"""Transcripts through the readers' entry points: routing, sidecars, roles, statements."""

from __future__ import annotations

import pytest

from jtbd.errors import NoteError
from jtbd.models import Interview
from jtbd.readers import (
    READERS,
    is_note,
    looks_like_dialogue,
    read_note,
    read_note_bytes,
    sidecar_path,
)
from jtbd.readers.text import decode_note
from jtbd.readers.transcripts import MAX_TRANSCRIPT_BYTES
from tests.conftest import EXAMPLES, FIXTURES

TRANSCRIPTS = FIXTURES / "transcripts"
ALL_FIXTURES = sorted(
    p
    for p in TRANSCRIPTS.rglob("*")
    if p.suffix in READERS and p.parent.name != "bad" and p.name != "README.md"
)


def read(name: str, sidecar: str | None = None):
    path = TRANSCRIPTS / name
    extra = sidecar.encode() if sidecar is not None else None
    return read_note_bytes(path.read_bytes(), str(path), path.name, extra)


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_fixture_reads_into_a_valid_interview_unchanged_by_validation(path):
    result = read_note_bytes(path.read_bytes(), str(path), path.name)
    assert result.data["turns"], "no turns"
    # The dicts are built by hand for speed: they must be exactly what the model dumps.
    assert Interview.model_validate(result.data).model_dump(mode="json") == result.data
    for turn in result.data["turns"]:
        assert turn["line"] >= 1 and turn["text"] and turn["source"] == path.name
    for statement in result.data["statements"]:
        turn = result.data["turns"][statement["turn"]]
        assert turn["role"] == "participant"
        assert statement["line"] >= turn["line"]


def test_zoom_vtt_turns_merge_cues_and_undo_wrapping():
    data = read("vtt/zoom.vtt").data
    turns = data["turns"]
    assert [(t["speaker"], t["role"], t["start"], t["end"], t["line"]) for t in turns] == [
        ("Sam Rivera", "interviewer", 1.2, 5.9, 5),
        ("Dana Okafor", "participant", 6.1, 16.0, 10),
        ("Sam Rivera", "interviewer", 16.5, 19.25, 20),
        ("Dana Okafor", "participant", 19.8, 26.3, 24),
    ]
    assert turns[1]["text"] == (
        "Sure. It was the end of March and I was copying numbers from my spreadsheet by hand. "
        "It took me two evenings. I was terrified I had typed a VAT number wrong."
    )
    assert "magic & it was free" in turns[3]["text"]
    assert (data["interviewer"], data["participant"]) == ("Sam Rivera", "Dana Okafor")


def test_statements_keep_the_line_and_time_of_the_cue_they_start_in():
    statements = read("vtt/zoom.vtt").data["statements"]
    by_text = {s["text"]: s for s in statements}
    assert (
        by_text["It took me two evenings."]["line"],
        by_text["It took me two evenings."]["start"],
    ) == (15, 11.4)
    wrapped = "It was the end of March and I was copying numbers from my spreadsheet by hand."
    assert (by_text[wrapped]["line"], by_text[wrapped]["start"]) == (10, 6.1)
    assert all(s["speaker"] == "Dana Okafor" for s in statements)  # never the interviewer


def test_teams_voices_and_guid_ids():
    turns = read("vtt/teams.vtt").data["turns"]
    assert [t["speaker"] for t in turns] == ["Sam Rivera", "Priya Nair", "Sam Rivera", "Priya Nair"]
    assert "keep my old spreadsheet than learn" in turns[1]["text"]


def test_interviewer_guess_is_reported_with_how_to_change_it():
    result = read("txt/otter.txt")
    messages = [str(w) for w in result.warnings]
    assert any(
        "interviewer guessed: Sam Rivera (asked 2 of 2 questions); "
        "set 'interviewer:' in otter.meta.yaml" in m
        for m in messages
    )


def test_sidecar_names_interviewer_and_metadata():
    sidecar = (
        "id: t07\nparticipant: N. L.\ndate: 2024-05-02\nconsent: false\n"
        "interviewer: [Nora Lind]\nplan: pro\n"
    )
    result = read("txt/otter.txt", sidecar)
    data = result.data
    assert (data["id"], data["participant"], data["date"], data["consent"]) == (
        "t07",
        "N. L.",
        "2024-05-02",
        False,
    )
    assert data["interviewer"] == "Nora Lind" and data["attributes"] == {"plan": "pro"}
    assert [t["role"] for t in data["turns"]] == ["participant", "interviewer"] * 2
    assert not any("guessed" in w.message for w in result.warnings)
    assert {s["speaker"] for s in data["statements"]} == {"Sam Rivera"}


def test_several_interviewers_and_first_names_match():
    data = read("vtt/features.vtt", "interviewer:\n  - Alex\n  - Lee Park\n").data
    roles = {t["speaker"]: t["role"] for t in data["turns"]}
    assert roles == {
        "Alex Moreau": "interviewer",
        "Jo Kim": "participant",
        "Lee Park": "interviewer",
    }
    assert data["interviewer"] == "Alex, Lee Park"


def test_focus_group_every_other_speaker_is_a_participant():
    data = read("md/capitals.md").data
    roles = {t["speaker"]: t["role"] for t in data["turns"]}
    assert roles == {
        "INTERVIEWER": "interviewer",
        "JO KIM": "participant",
        "LEE PARK": "participant",
    }
    assert data["participant"] is None  # several participants: none is "the" participant
    assert (data["id"], data["date"], data["attributes"]) == (
        "focus-01",
        "2024-03-12",
        {"segment": "agency"},
    )


def test_named_interviewer_who_never_speaks_is_a_warning():
    result = read("txt/rev.txt", "interviewer: Pat Doe\n")
    assert any("'Pat Doe' never speaks here" in w.message for w in result.warnings)


def test_bad_sidecar_is_an_error_naming_the_sidecar_and_line():
    with pytest.raises(NoteError) as error:
        read("txt/rev.txt", "id: x\nparticipant: {name: [1\n")
    assert error.value.path.endswith("rev.meta.yaml") and error.value.line == 2
    unclear = read("txt/rev.txt", "id: x\nconsent: [1, 2]\n").warnings[0]
    assert unclear.path.endswith("rev.meta.yaml") and unclear.line == 2
    with pytest.raises(NoteError, match="interviewer: give a name"):
        read("txt/rev.txt", "interviewer: {a: b}\n")


def test_markdown_transcript_tags_are_coded_forces_with_line():
    data = read("md/bold.md").data
    assert [(f["kind"], f["text"], f["line"], f["quote"], f["origin"]) for f in data["forces"]] == [
        ("push", "That was the moment I started looking.", 7, True, "coded"),
        ("pull", "I love that.", 11, True, "coded"),
    ]
    assert data["forces"][0]["tags"] == ["double-payment"]
    texts = [s["text"] for s in data["statements"]]
    assert "I love that." in texts and not any("#" in t for t in texts)


def test_no_speakers_is_all_participant_with_a_warning():
    result = read("bad/no-speakers.txt")
    assert {t["role"] for t in result.data["turns"]} == {"participant"}
    assert any("no speaker labels" in w.message for w in result.warnings)
    assert len(result.data["statements"]) == 4


def test_docx_transcript_lines_are_paragraph_numbers():
    data = read("docx/otter-export.docx").data
    assert [(t["speaker"], t["start"], t["line"]) for t in data["turns"]] == [
        ("Sam Rivera", 3.0, 3),
        ("Fatima Zahra", 8.0, 5),
        ("Sam Rivera", 22.0, 9),
        ("Fatima Zahra", 26.0, 11),
    ]
    assert data["notes"] == "Invoicing interview"


@pytest.mark.parametrize(
    ("name", "message", "line"),
    [
        ("bad/not-word.docx", "not a Word document", None),
    ],
)
def test_fatal_bad_input_is_one_error_with_file_and_line(name, message, line):
    with pytest.raises(NoteError) as error:
        read(name)
    assert message in error.value.message and error.value.line == line
    assert name.split("/")[-1] in str(error.value)


def test_mixed_encodings_are_a_warning_naming_the_line():
    result = read("bad/mixed-encoding.vtt")
    first = result.warnings[0]
    assert (first.line, "not UTF-8" in first.message) == (10, True)
    assert "crèche" in result.data["turns"][1]["text"]


def test_a_zip_that_is_not_word_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "fake.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(NoteError, match="not a Word document"):
        read_note(path)


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        ("bad/truncated.vtt", 12, "truncated"),
        ("bad/headerless.vtt", 1, "no WEBVTT header"),
        ("bad/broken-timing.vtt", 6, "not understood"),
        ("bad/broken-numbering.srt", 9, "numbering broken"),
    ],
)
def test_damaged_transcripts_warn_with_line_and_keep_the_rest(name, line, message):
    result = read(name)
    assert any(w.line == line and message in w.message for w in result.warnings)
    assert result.data["turns"]


def test_a_huge_transcript_is_refused_before_it_is_parsed():
    data = b"WEBVTT\n\n" + b"x" * (MAX_TRANSCRIPT_BYTES + 1)
    with pytest.raises(NoteError, match="too large for a transcript"):
        read_note_bytes(data, "big.vtt", "big.vtt")


def test_sidecars_are_not_notes_and_sit_beside_their_transcript():
    assert not is_note("t01.meta.yaml") and not is_note("sub/T01.META.YAML")
    assert is_note("t01.yaml") and is_note("t01.vtt") and is_note("t.srt") and is_note("a.docx")
    assert sidecar_path("calls/t01.vtt") == "calls/t01.meta.yaml"
    assert sidecar_path("t01.md") == "t01.meta.yaml"


def test_read_note_picks_up_the_sidecar(tmp_path):
    (tmp_path / "t.vtt").write_bytes((TRANSCRIPTS / "vtt/zoom.vtt").read_bytes())
    (tmp_path / "t.meta.yaml").write_text("id: call-7\ninterviewer: Dana Okafor\n")
    data = read_note(tmp_path / "t.vtt").data
    assert data["id"] == "call-7" and data["turns"][0]["role"] == "participant"


@pytest.mark.parametrize(
    "path", sorted(EXAMPLES.glob("*.md")) + sorted(EXAMPLES.glob("*.markdown"))
)
def test_every_example_note_is_still_a_note(path):
    assert not looks_like_dialogue(decode_note(path.read_bytes(), str(path)))
    result = read_note(path)
    assert result.data["turns"] == [] and result.data["forces"]


@pytest.mark.parametrize(
    "text",
    [
        "## Push\n**Ana:** hi\n\n**Ben:** yo\n\n**Ana:** a\n\n**Ben:** b\n",  # a force heading
        "Ana: one\n\nSome prose here.\n\nMore prose.\n\nEven more.\n\nBen: two\n",  # mostly prose
        "Push: a\n\nPull: b\n\nPush: c\n\nPull: d\n",  # force words, not people
        "---\nid: p1\nrole: x\n---\n- Copying by hand #push\n- Bank sync #pull\n",
    ],
)
def test_notes_that_are_not_dialogue(text):
    assert not looks_like_dialogue(text)


def test_markdown_dialogue_and_otter_saved_as_markdown_are_transcripts():
    for name in ("md/bold.md", "md/capitals.md", "md/otter-saved.md"):
        assert looks_like_dialogue((TRANSCRIPTS / name).read_text(encoding="utf-8")), name
    data = read("md/otter-saved.md").data
    assert [(t["speaker"], t["start"], t["line"]) for t in data["turns"]][:2] == [
        ("Sam Rivera", 2.0, 2),
        ("David Cole", 5.0, 5),
    ]


def test_a_force_tag_in_an_interviewer_turn_is_not_counted():
    text = "**Sam:** Was it painful? #push\n\n**Ana:** Yes, very. #push\n\n" * 2
    result = read_note_bytes(text.encode(), "t.md", "t.md", b"interviewer: Sam\n")
    assert [f["line"] for f in result.data["forces"]] == [3, 7]
    assert [w.line for w in result.warnings if "interviewer's turn" in w.message] == [1, 5]


def test_sidecar_bytes_for_transcripts_not_for_yaml_notes(tmp_path):
    from jtbd.readers import sidecar_bytes

    (tmp_path / "t.meta.yaml").write_text("id: x\n")
    assert sidecar_bytes(str(tmp_path / "t.vtt")) == b"id: x\n"
    assert sidecar_bytes(str(tmp_path / "t.yaml")) is None
    assert sidecar_bytes(str(tmp_path / "other.vtt")) is None


def test_unlabelled_captions_break_into_turns_at_pauses():
    text = (
        "WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nFirst words\n\n"
        "00:00:02.000 --> 00:00:04.000\nrun on.\n\n"
        "00:00:07.000 --> 00:00:09.000\nAfter a pause.\n"
    )
    turns = read_note_bytes(text.encode(), "t.vtt", "t.vtt").data["turns"]
    assert [(t["text"], t["start"], t["end"]) for t in turns] == [
        ("First words run on.", 0.0, 4.0),
        ("After a pause.", 7.0, 9.0),
    ]
