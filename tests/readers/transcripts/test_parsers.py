"""Each transcript parser on its own: cues with speaker, times, text and line."""

from __future__ import annotations

import pytest

from jtbd.errors import NoteError
from jtbd.readers.text import split_lines
from jtbd.readers.transcripts.cues import clock, seconds
from jtbd.readers.transcripts.dialogue import parse_dialogue, speaker_label
from jtbd.readers.transcripts.meet import parse_meet
from jtbd.readers.transcripts.otter import parse_otter
from jtbd.readers.transcripts.plain import detect, drop_line_stamps
from jtbd.readers.transcripts.rev import parse_rev
from jtbd.readers.transcripts.sentences import split_sentences
from jtbd.readers.transcripts.speakers import label_prefixed, split_prefix
from jtbd.readers.transcripts.srt import parse_srt
from jtbd.readers.transcripts.vtt import clean_cue_text, parse_vtt
from jtbd.readers.transcripts.whisper import NotATranscriptError, parse_whisper
from jtbd.readers.transcripts.zoomchat import parse_zoom_chat


@pytest.mark.parametrize(
    ("stamp", "expected"),
    [
        ("0:03", 3.0),
        ("01:02:03", 3723.0),
        ("00:00:07.250", 7.25),
        ("00:01,5", 1.5),
        ("12:00", 720.0),
    ],
)
def test_seconds(stamp, expected):
    assert seconds(stamp) == expected


def test_clock_cites_hours_minutes_seconds():
    assert clock(7.9) == "00:00:07"
    assert clock(3723.0) == "01:02:03"


def test_vtt_zoom_prefixes_become_speakers_and_lines_are_kept():
    text = (
        "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nAna Ruiz: I copy numbers\nby hand.\n\n"
        "2\n00:00:04.500 --> 00:00:06.000\nBen Cho: Why?\n\n"
        "3\n00:00:06.000 --> 00:00:08.000\nAna Ruiz: Habit.\n"
    )
    cues = parse_vtt(text, "t.vtt").cues
    assert [(c.speaker, c.start, c.end, c.text, c.line) for c in cues] == [
        ("Ana Ruiz", 1.0, 4.0, "I copy numbers", 5),
        (None, 1.0, 4.0, "by hand.", 6),
        ("Ben Cho", 4.5, 6.0, "Why?", 10),
        ("Ana Ruiz", 6.0, 8.0, "Habit.", 14),
    ]


def test_vtt_voices_settings_notes_styles_and_entities():
    text = (
        "WEBVTT - header text\nKind: captions\n\nSTYLE\n::cue { color: red }\n\n"
        "NOTE some\ncomment lines\n\n"
        "c1\n00:01.000 --> 00:02.500 align:start line:0\n"
        "<v.loud Ana Ruiz>Tom &amp; Jerry &lt;3</v><v Ben Cho>Ha!</v>\n"
    )
    cues = parse_vtt(text, "t.vtt").cues
    assert [(c.speaker, c.text, c.line, c.start) for c in cues] == [
        ("Ana Ruiz", "Tom & Jerry <3", 12, 1.0),
        ("Ben Cho", "Ha!", 12, 1.0),
    ]


def test_vtt_cue_tags_are_stripped():
    assert clean_cue_text("<i>Every</i> <00:00:01.000><c.x>day</c>  &nbsp;ok") == "Every day ok"


def test_vtt_without_voices_or_prefixes_has_no_speakers():
    text = "WEBVTT\n\n00:00.000 --> 00:02.000\nUpdate: the plan changed.\n\n" + "".join(
        f"00:0{n}.000 --> 00:0{n}.500\nplain caption {n}\n\n" for n in range(3, 9)
    )
    cues = parse_vtt(text, "t.vtt").cues
    assert {c.speaker for c in cues} == {None}
    assert cues[0].text == "Update: the plan changed."  # one "Name:" by chance is no speaker


def test_vtt_broken_timing_keeps_text_and_warns_with_line():
    text = (
        "WEBVTT\n\n00:00:01.000 --> 00:00:0x\nkept words\n\n00:00:02.000 --> 00:00:03.000\nnext\n"
    )
    parsed = parse_vtt(text, "t.vtt")
    assert [(c.text, c.start) for c in parsed.cues] == [("kept words", None), ("next", 2.0)]
    assert [(w.line, "not understood" in w.message) for w in parsed.warnings] == [(3, True)]


def test_vtt_truncated_after_timing_line_warns():
    parsed = parse_vtt("WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n\n00:03.000 --> 00:0", "t.vtt")
    assert [c.text for c in parsed.cues] == ["hi"]
    assert "truncated" in parsed.warnings[-1].message
    assert parsed.warnings[-1].line == 6


def test_vtt_without_header_or_timings_is_an_error():
    with pytest.raises(NoteError) as error:
        parse_vtt("just some words\n", "t.vtt")
    assert "WEBVTT" in str(error.value) and error.value.line == 1


def test_vtt_header_only_is_an_error():
    with pytest.raises(NoteError, match="no cues"):
        parse_vtt("WEBVTT\n\nNOTE nothing here\n", "t.vtt")


def test_srt_speakers_tags_and_lines():
    text = (
        "1\n00:00:00,500 --> 00:00:03,200\nAna Ruiz: <i>Hello</i> there\n\n"
        "2\n00:00:03,900 --> 00:00:07,800\nBen Cho: Hi.\n"
    )
    parsed = parse_srt(text, "t.srt")
    assert [(c.speaker, c.text, c.start, c.end, c.line) for c in parsed.cues] == [
        ("Ana Ruiz", "Hello there", 0.5, 3.2, 3),
        ("Ben Cho", "Hi.", 3.9, 7.8, 7),
    ]
    assert parsed.warnings == []


def test_srt_broken_numbering_warns_once_and_reads_on():
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\na\n\n5\n00:00:02,000 --> 00:00:03,000\nb\n\n"
        "x\n00:00:03,000 --> 00:00:04,000\nc\n"
    )
    parsed = parse_srt(text, "t.srt")
    assert [c.text for c in parsed.cues] == ["a", "b", "c"]
    assert len(parsed.warnings) == 1
    assert parsed.warnings[0].line == 5 and "expected 2, found 5" in parsed.warnings[0].message


def test_srt_without_timings_is_an_error():
    with pytest.raises(NoteError, match="not a SubRip file"):
        parse_srt("1\nhello\n", "t.srt")


# The plain-text shapes that share the header-then-text walker: one shape each.
@pytest.mark.parametrize(
    ("parser", "text", "cues", "notes"),
    [
        pytest.param(
            parse_otter,
            "Ana Ruiz  0:03\nFirst.\n\nStill me.\nBen Cho  1:02:05\nYes.\n\n"
            "Transcribed by https://otter.ai\n",
            [("Ana Ruiz", 3.0, "First.", 2), ("Ana Ruiz", 3.0, "Still me.", 4)]
            + [("Ben Cho", 3725.0, "Yes.", 6)],
            "Transcribed by https://otter.ai",
            id="otter: headers, continuation paragraphs, footer",
        ),
        pytest.param(
            parse_rev,
            "Ana Ruiz (00:00:02):\nOne.\n\n(00:01:40):\nTwo.\nBen Cho (00:02:00): Three.\n",
            [("Ana Ruiz", 2.0, "One.", 2), ("Ana Ruiz", 100.0, "Two.", 5)]
            + [("Ben Cho", 120.0, "Three.", 6)],
            "",
            id="rev: a header without a name keeps the speaker",
        ),
        pytest.param(
            parse_meet,
            "Call - Transcript\n00:00:00\nAna Ruiz: Hi.\nmore words\n00:05:00\nBen Cho: Yo.\n",
            [("Ana Ruiz", 0.0, "Hi.", 3), ("Ana Ruiz", 0.0, "more words", 4)]
            + [("Ben Cho", 300.0, "Yo.", 6)],
            "Call - Transcript",
            id="meet: time lines set the start of the turns below",
        ),
        pytest.param(
            parse_zoom_chat,
            "00:05:16\tAna Ruiz:\tHello all\n00:06:00 From Ben Cho to Everyone:\n\tsecond line\n",
            [("Ana Ruiz", 316.0, "Hello all", 1), ("Ben Cho", 360.0, "second line", 3)],
            "",
            id="zoom chat: both shapes",
        ),
    ],
)
def test_header_then_text_shapes(parser, text, cues, notes):
    parsed = parser(split_lines(text), "t.txt")
    assert [(c.speaker, c.start, c.text, c.line) for c in parsed.cues] == cues
    assert parsed.notes == notes


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Ana Ruiz:** Hello", ("Ana Ruiz", "Hello")),
        ("**Ana Ruiz**: Hello", ("Ana Ruiz", "Hello")),
        ("INTERVIEWER: So?", ("INTERVIEWER", "So?")),
        ("INTERVIEWER:", ("INTERVIEWER", "")),
        ("Ana: well", ("Ana", "well")),
        ("Push: copying by hand", None),  # a note's force word, not a person
        ("First thought: the letter", None),  # a timeline label
        ("Note: remember this", None),
        ("ana: lower case", None),
        ("Ana Ruiz:", None),  # a plain label alone on its line reads as a heading
        ("This is a long sentence of words: not a name", None),
    ],
)
def test_speaker_label(line, expected):
    assert speaker_label(line) == expected


def test_dialogue_wrapped_lines_headings_and_prose():
    lines = split_lines(
        "Intro prose.\n\n**Ana Ruiz:** I hated\nthe [old tool](https://x.example).\n\n"
        "A second paragraph of Ana.\n\n## Part two\n\nLoose text.\n\n"
        "**Break:** \\[10:00\\]\n\nBEN CHO: Ok.\n"
    )
    parsed = parse_dialogue(lines, "t.md")
    assert [(c.speaker, c.text, c.line) for c in parsed.cues] == [
        ("Ana Ruiz", "I hated", 3),
        ("Ana Ruiz", "the old tool.", 4),
        ("Ana Ruiz", "A second paragraph of Ana.", 6),
        ("BEN CHO", "Ok.", 14),
    ]
    assert parsed.notes.split("\n") == [
        "Intro prose.",
        "## Part two",
        "Loose text.",
        "Break: [10:00]",
    ]


def test_whisper_segments_with_lines_and_speakers():
    text = (
        '{"segments": [\n {"start": 0, "end": 1.5, "text": " Hi there."},\n'
        ' {"start": 1.5, "end": 3, "text": " Caf\\u00e9 talk.", "speaker": "S1"}\n]}'
    )
    cues = parse_whisper(text, "t.json").cues
    assert [(c.speaker, c.start, c.end, c.text, c.line) for c in cues] == [
        (None, 0.0, 1.5, "Hi there.", 2),
        ("S1", 1.5, 3.0, "Café talk.", 3),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [('{"segments": [', "not valid JSON"), ('{"segments": 3}', "'segments' is not a list")],
)
def test_whisper_broken_transcript_is_an_error(text, message):
    with pytest.raises(NoteError, match=message):
        parse_whisper(text, "t.json")


def test_whisper_broken_json_names_the_line_of_the_mistake():
    text = '{"segments": [\n {"start": 0, "end": 1, "text": " a"},\n {"start": 1,, "end": 2}\n]}'
    with pytest.raises(NoteError, match="not valid JSON") as caught:
        parse_whisper(text, "t.json")
    assert caught.value.line == 3


def test_whisper_reads_duplicate_keys_and_nan_as_python_json_does():
    text = '{"segments": [{"start": NaN, "end": 2, "text": " old", "text": " new"}]}'
    cue = parse_whisper(text, "t.json").cues[0]
    assert (cue.text, cue.end) == ("new", 2.0)
    assert cue.start != cue.start  # NaN, as json.loads reads it


@pytest.mark.parametrize("text", ['{"name": "my-plugin"}', "[1, 2", "{}"])
def test_other_json_is_not_a_transcript(text):
    with pytest.raises(NotATranscriptError):
        parse_whisper(text, "t.json")


@pytest.mark.parametrize(
    ("text", "shape"),
    [
        ("Ana Ruiz  0:03\nHi\nBen Cho  0:09\nYo\n", "otter"),
        ("Ana Ruiz (00:00:03):\nHi\nBen Cho (00:00:09):\nYo\n", "rev"),
        ("00:00:00\nAna Ruiz: Hi\nBen Cho: Yo\n", "meet"),
        ("00:00:01\tAna Ruiz:\tHi\n00:00:02\tBen Cho:\tYo\n", "zoom_chat"),
        ("Ana Ruiz: Hi\nBen Cho: Yo\n", "dialogue"),
        ("Just words.\nMore words.\n", "paragraphs"),
    ],
)
def test_plain_text_shape_is_detected_by_content(text, shape):
    assert detect(split_lines(text))[0] == shape


def test_a_stamp_in_front_of_every_line_is_dropped():
    lines = ["0:00 Ana Ruiz  00:03", "", "0:00 Hello."]
    assert drop_line_stamps(lines) == ["Ana Ruiz  00:03", "", "Hello."]
    assert drop_line_stamps(["0:00 a", "b"]) == ["0:00 a", "b"]


def test_prefixes_count_only_when_used_consistently():
    from jtbd.readers.transcripts.cues import Cue

    chance = [Cue(None, None, None, f"line {n}", n) for n in range(10)]
    chance.append(Cue(None, None, None, "Summary: one", 11))
    assert label_prefixed(chance) == chance
    assert split_prefix("[SPEAKER_01]: hello") == ("SPEAKER_01", "hello")
    assert split_prefix("- Ana Ruiz: hello") == ("Ana Ruiz", "hello")


def test_sentences_keep_offsets_and_skip_abbreviations():
    text = "I hated it. Then Dr. Lee came! We used e.g. Excel. It took 3.5 hours? The SIG. Yes"
    assert split_sentences(text) == [
        (0, "I hated it."),
        (12, "Then Dr. Lee came!"),
        (31, "We used e.g. Excel."),
        (51, "It took 3.5 hours?"),
        (70, "The SIG."),
        (79, "Yes"),
    ]


def test_dialogue_time_stamps_opening_a_line_are_start_times():
    lines = split_lines(
        "**Ana Ruiz:** \\[04:05\\] Hello.\nmore\n\n"
        "**Ben Cho:** [1:02:03] Yes.\n\n**Ana Ruiz:** No stamp.\n"
    )
    cues = parse_dialogue(lines, "t.md").cues
    assert [(c.speaker, c.start, c.text) for c in cues] == [
        ("Ana Ruiz", 245.0, "Hello."),
        ("Ana Ruiz", None, "more"),
        ("Ben Cho", 3723.0, "Yes."),
        ("Ana Ruiz", None, "No stamp."),
    ]
