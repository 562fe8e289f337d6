"""Review files: the checklist `jtbd suggest --review` writes, read back as a review record."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd import NoteError, read_note
from jtbd.models import ForceKind
from jtbd.rendering.review import render_review, review_file_name
from jtbd.store.suggestions import StoredSuggestion

REVIEW = """---
jtbd_review: t01
---
# Review

Tick a line ([x]) to code it.

- [x] push 0.82 "Every Friday I retype the "numbers" by hand." — t01.vtt:12 @ 00:01:07
- [ ] pull 0.61 "A tool that does it for me." — t01.vtt:14 @ 00:01:20
- [X] habit "We always used the sheet." — notes/n1.md:8
- [x] none 0.5 "Hello there." — t01.vtt:2 @ 00:00:01
- [ ] anxiety 0.4 "Half a line
- [x] wobbly 0.4 "Unknown kind." — t01.vtt:20
- not a checklist line, ignored
"""


def _read(tmp_path: Path, text: str, name: str = "t01.review.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_note(path, root=tmp_path)


def test_ticked_lines_are_coded_forces_citing_the_transcript(tmp_path):
    result = _read(tmp_path, REVIEW)
    interview = result.interview
    assert interview.id == "t01#review" and interview.attributes == {"jtbd_review": "t01"}
    assert interview.source == "t01.review.md"
    got = [(f.kind, f.text, f.source, f.line, f.start, f.origin) for f in interview.forces]
    assert got == [
        (
            ForceKind.PUSH,
            'Every Friday I retype the "numbers" by hand.',
            "t01.vtt",
            12,
            67.0,
            "coded",
        ),
        (ForceKind.INERTIA, "We always used the sheet.", "notes/n1.md", 8, None, "coded"),
    ]
    # every line still listed, ticked or not; the none line is a rejection, not listed
    assert [(s.text, s.line) for s in interview.statements] == [
        ('Every Friday I retype the "numbers" by hand.', 12),
        ("A tool that does it for me.", 14),
        ("We always used the sheet.", 8),
    ]
    assert [(w.line, w.message.split(":")[0]) for w in result.warnings] == [
        (12, "cannot read this review line"),
        (13, "cannot read this review line"),
    ]


def test_an_empty_review_is_a_record_without_warnings(tmp_path):
    result = _read(tmp_path, "---\njtbd_review: t01\n---\n")
    assert result.interview.forces == [] and result.warnings == []


def test_a_review_key_that_names_nothing_is_an_error(tmp_path):
    with pytest.raises(NoteError, match="jtbd_review: must name"):
        _read(tmp_path, "---\njtbd_review: [a, b]\n---\n")


def test_an_ordinary_note_mentioning_the_key_in_its_body_is_a_note(tmp_path):
    result = _read(tmp_path, "---\nid: p1\n---\n## Push\n- jtbd_review: not here\n", "p1.md")
    assert result.interview.id == "p1" and len(result.interview.forces) == 1


def test_what_the_renderer_writes_the_reader_reads_back(tmp_path):
    suggestions = [
        StoredSuggestion(
            "t 01/x", "t01.vtt", 12, 7.9, 'It "breaks"\nevery week.', ForceKind.PUSH, 0.816, "m"
        ),
        StoredSuggestion("t 01/x", "n.md", 3, None, "Hello.", None, 0.95, "m"),
        StoredSuggestion("t 01/x", "n.md", 4, None, "A tool for it.", ForceKind.PULL, 0.5, "m"),
    ]
    text = render_review("t 01/x", suggestions)
    assert '- [ ] push 0.82 "It "breaks" every week." — t01.vtt:12 @ 00:00:07\n' in text
    assert '- [ ] pull 0.50 "A tool for it." — n.md:4\n' in text and "Hello." not in text
    name = review_file_name("t 01/x")
    assert name.startswith("t 01_x-") and name.endswith(".review.md")
    # ids that clean up alike still get a file each; a clean id keeps its own name
    assert len({review_file_name(i) for i in ("a/b", "a_b", "a:b")}) == 3
    assert review_file_name("a_b") == "a_b.review.md"
    interview = _read(tmp_path, text.replace("- [ ] pull", "- [x] pull"), name).interview
    assert interview.id == "t 01/x#review"
    assert [(s.text, s.start) for s in interview.statements] == [
        ('It "breaks" every week.', 7.0),
        ("A tool for it.", None),
    ]
    assert [f.text for f in interview.forces] == ["A tool for it."]


def test_a_later_round_has_its_own_id(tmp_path):
    text = REVIEW.replace("jtbd_review: t01\n", "jtbd_review: t01\njtbd_review_round: 2\n")
    interview = _read(tmp_path, text).interview
    assert interview.id == "t01#review2" and interview.attributes == {"jtbd_review": "t01"}
    first = REVIEW.replace("jtbd_review: t01\n", "jtbd_review: t01\njtbd_review_round: 1\n")
    assert _read(tmp_path, first).interview.id == "t01#review"


@pytest.mark.parametrize("value", ["0", "two", "1.5", "true"])
def test_a_bad_round_is_an_error(tmp_path, value):
    text = REVIEW.replace("jtbd_review: t01\n", f"jtbd_review: t01\njtbd_review_round: {value}\n")
    with pytest.raises(NoteError, match="jtbd_review_round: must be a whole number"):
        _read(tmp_path, text)


def test_a_citation_must_name_a_line_of_the_reviewed_interview():
    from jtbd.models import Interview, Statement
    from jtbd.readers.review import citation_problem

    target = Interview(
        id="t01",
        source="calls/t01.srt",
        statements=[
            Statement(text="First.", source="calls/t01.srt", line=3),
            Statement(text="Last.", source="calls/t01.srt", line=23),
        ],
    )
    assert citation_problem("calls/t01.srt", 23, target) is None
    assert citation_problem("calls/t01.srt", 10, target) is None  # between statements
    assert citation_problem("calls/t01.srt", 0, target) is None  # how a review writes no line
    assert citation_problem("calls/t01.srt", 24, target) == (
        "cites calls/t01.srt:24, but calls/t01.srt has no line 24 (its text ends at line 23)"
    )
    assert "not a file of interview 't01'" in (citation_problem("t01.srt", 3, target) or "")
