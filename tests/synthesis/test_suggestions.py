"""The merge rules of the suggestion loop, and which statements are suggested for."""

from __future__ import annotations

import sqlite3

from jtbd import Force, ForceKind, Interview, Workspace
from jtbd.models import Statement, Turn
from jtbd.store import DATABASE_NAME
from jtbd.store.suggestions import StoredSuggestion, read_suggestions, replace_suggestions
from jtbd.synthesis.suggestions import candidate_statements, with_suggestions

PUSH, PULL = ForceKind.PUSH, ForceKind.PULL


def _suggestion(line: int, text: str, kind: ForceKind | None = PUSH) -> StoredSuggestion:
    return StoredSuggestion("t1", "t01.vtt", line, line + 0.5, text, kind, 0.7, "m")


def _transcript(said: list[StoredSuggestion], *forces: Force) -> Interview:
    """The transcript the suggestions were made for: one statement each."""
    statements = [Statement(text=s.text, source=s.source, line=s.line) for s in said]
    turns = [Turn(speaker="Ann", text=" ".join(s.text for s in said), source="t01.vtt", line=1)]
    return Interview(
        id="t1", source="t01.vtt", forces=list(forces), statements=statements, turns=turns
    )


def _review(ticked: list[tuple[int, str, ForceKind]], listed: list[tuple[int, str]]) -> Interview:
    return Interview(
        id="t1#review",
        source="t01.review.md",
        attributes={"jtbd_review": "t1"},
        forces=[
            Force(kind=kind, text=text, quote=True, source="t01.vtt", line=line, start=float(line))
            for line, text, kind in ticked
        ],
        statements=[Statement(text=text, source="t01.vtt", line=line) for line, text in listed],
    )


def _by_text(interviews: list[Interview]) -> dict[str, Force]:
    return {force.text: force for interview in interviews for force in interview.forces}


def test_without_a_review_every_suggestion_with_a_kind_is_a_suggested_force():
    suggestions = [_suggestion(3, "It hurts."), _suggestion(4, "Hello.", None)]
    merged = with_suggestions([_transcript(suggestions)], suggestions)
    forces = _by_text(merged)
    assert list(forces) == ["It hurts."]
    force = forces["It hurts."]
    assert (force.origin, force.confidence, force.start, force.quote) == (
        "suggested",
        0.7,
        3.5,
        True,
    )


def test_ticked_coded_unticked_suggested_deleted_and_none_rejected():
    suggestions = [
        _suggestion(3, "Ticked."),
        _suggestion(4, "Unticked."),
        _suggestion(5, "Deleted."),
        _suggestion(6, "Set to none."),  # the reader leaves none lines out of the listing
    ]
    review = _review([(3, "Ticked.", PULL)], [(3, "Ticked."), (4, "Unticked.")])
    merged = with_suggestions([_transcript(suggestions), review], suggestions)
    assert [interview.id for interview in merged] == ["t1"]
    forces = _by_text(merged)
    assert set(forces) == {"Ticked.", "Unticked."}
    ticked = forces["Ticked."]
    # the researcher's kind, coded, and the exact time of the stored statement
    assert (ticked.kind, ticked.origin, ticked.confidence, ticked.start) == (
        PULL,
        "coded",
        None,
        3.5,
    )
    assert forces["Unticked."].origin == "suggested"


def test_an_edited_quote_still_matches_its_line_when_the_place_is_unambiguous():
    review = _review([], [(4, "Unticked, reworded.")])
    suggestions = [_suggestion(4, "Unticked.")]
    merged = with_suggestions([_transcript(suggestions), review], suggestions)
    assert _by_text(merged)["Unticked."].origin == "suggested"


def test_coding_in_the_transcript_wins_over_suggestion_and_review():
    coded = Force(kind=ForceKind.ANXIETY, text="My own words.", source="t01.vtt", line=3)
    review = _review([(3, "Ticked.", PULL)], [(3, "Ticked.")])
    suggestions = [_suggestion(3, "Ticked.")]
    merged = with_suggestions([_transcript(suggestions, coded), review], suggestions)
    assert [(f.kind, f.origin) for f in merged[0].forces] == [(ForceKind.ANXIETY, "coded")]


def test_a_suggestion_for_words_no_longer_in_the_transcript_is_left_out():
    now = [_suggestion(3, "Still said.")]
    merged = with_suggestions([_transcript(now)], [*now, _suggestion(4, "Edited away.")])
    assert list(_by_text(merged)) == ["Still said."]


def test_a_review_of_an_unknown_interview_warns_and_is_dropped():
    warnings: list[str] = []
    merged = with_suggestions([_review([(3, "x", PUSH)], [])], [], warnings)
    assert merged == []
    assert warnings == [
        "t01.review.md: reviews interview 't1', which is not among the interviews: "
        "its lines are ignored"
    ]


def test_candidates_skip_coded_places_and_texts_and_repeats():
    interview = Interview(
        id="t1",
        source="t01.vtt",
        forces=[
            Force(kind=PUSH, text="Coded elsewhere.", source="n.md", line=9),
            Force(kind=PUSH, text="At line two.", source="t01.vtt", line=2),
        ],
        statements=[
            Statement(text="Same place.", source="t01.vtt", line=2),
            Statement(text="coded  ELSEWHERE.", source="t01.vtt", line=5),
            Statement(text="Free.", source="t01.vtt", line=6),
            Statement(text="Free.", source="t01.vtt", line=6),
            Statement(text="  ", source="t01.vtt", line=7),
        ],
    )
    assert [s.text for s in candidate_statements(interview)] == ["Free."]


def test_the_table_is_replaced_wholesale_and_a_v3_workspace_gets_it(tmp_path):
    with Workspace(tmp_path, create=True) as store:
        replace_suggestions(store, [_suggestion(1, "a"), _suggestion(2, "b", None)])
        replace_suggestions(store, [_suggestion(3, "c")])
        assert read_suggestions(store) == [_suggestion(3, "c")]
    db = sqlite3.connect(tmp_path / DATABASE_NAME)
    db.execute("DROP TABLE suggestions")
    db.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    with Workspace(tmp_path, writable=False) as store:
        assert read_suggestions(store) == []  # read-only: an old workspace has none
    with Workspace(tmp_path) as store:
        replace_suggestions(store, [_suggestion(1, "a", None)])
        assert read_suggestions(store)[0].kind is None
