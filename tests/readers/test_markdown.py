"""The Markdown note format, piece by piece."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd import ForceKind, NoteError, SwitchStage, read_note


def note(tmp_path: Path, text: str, name: str = "p01.md"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_note(path, root=tmp_path)


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("## Push", ForceKind.PUSH),
        ("# pushes", ForceKind.PUSH),
        ("### Push of the situation", ForceKind.PUSH),
        ("## **Push** (of the situation):", ForceKind.PUSH),
        ("## Pull", ForceKind.PULL),
        ("## Pulls", ForceKind.PULL),
        ("## Pull of the new solution", ForceKind.PULL),
        ("## Anxiety", ForceKind.ANXIETY),
        ("## Anxieties", ForceKind.ANXIETY),
        ("## Fears", ForceKind.ANXIETY),
        ("## Worries", ForceKind.ANXIETY),
        ("## Anxiety of the new solution", ForceKind.ANXIETY),
        ("## Inertia", ForceKind.INERTIA),
        ("## Habit", ForceKind.INERTIA),
        ("## HABITS", ForceKind.INERTIA),
        ("## Habit of the present", ForceKind.INERTIA),
        ("###### Allegiance", ForceKind.INERTIA),
    ],
)
def test_force_heading_synonyms(tmp_path, heading, kind):
    result = note(tmp_path, f"{heading}\n- Something real\n")
    assert [(f.kind, f.text) for f in result.interview.forces] == [(kind, "Something real")]


def test_frontmatter_known_keys_and_attributes(tmp_path):
    result = note(
        tmp_path,
        "---\nid: anna\nparticipant: Anna\ndate: 2024-03-02\ninterviewer: Sam\nconsent: false\n"
        "switched_from: Excel\nswitched_to: Ledgerly\nrole: freelancer\ncompany_size: 3\n"
        "tags: [fintech, q1]\n---\n## Push\n- x\n",
    )
    interview = result.interview
    assert interview.id == "anna"
    assert interview.participant == "Anna"
    assert str(interview.date) == "2024-03-02"
    assert interview.consent is False
    assert (interview.switched_from, interview.switched_to) == ("Excel", "Ledgerly")
    assert interview.attributes == {
        "role": "freelancer",
        "company_size": 3,
        "tags": ["fintech", "q1"],
    }


def test_id_defaults_to_file_stem(tmp_path):
    assert note(tmp_path, "## Push\n- x\n", name="p07.md").interview.id == "p07"


def test_top_level_items_are_forces_nested_items_are_detail(tmp_path):
    text = (
        "## Push\n"
        "- Copying VAT numbers by hand\n"
        "  - took two evenings\n"
        "    - every quarter\n"
        "* Chasing invoices\n"
        "+ Accountant bill\n"
        "1. Letter from the tax office\n"
        "2) Formulas broke\n"
    )
    forces = note(tmp_path, text).interview.forces
    assert [f.text for f in forces] == [
        "Copying VAT numbers by hand",
        "Chasing invoices",
        "Accountant bill",
        "Letter from the tax office",
        "Formulas broke",
    ]
    assert forces[0].detail == ["took two evenings", "every quarter"]
    assert [f.line for f in forces] == [2, 5, 6, 7, 8]


def test_quotes_straight_curly_and_blockquote(tmp_path):
    text = (
        '## Anxiety\n- "Will I lose my history?"\n- \u201cIt felt risky\u201d\n'
        "> I was scared\n> of the bank link\n- plain\n"
    )
    forces = note(tmp_path, text).interview.forces
    assert [(f.text, f.quote) for f in forces] == [
        ("Will I lose my history?", True),
        ("It felt risky", True),
        ("I was scared of the bank link", True),
        ("plain", False),
    ]


def test_blockquotes_in_list_items(tmp_path):
    text = (
        "## Push\n- > I retype it all\n  > every Monday\n"
        "- Slow exports\n  - > it takes an hour\n    > or two\n  - on Fridays\n"
        "- > [!quote]\n  > Never again\n"
    )
    forces = note(tmp_path, text).interview.forces
    assert [(f.text, f.quote, f.detail) for f in forces] == [
        ("I retype it all every Monday", True, []),
        ("Slow exports", False, ["it takes an hour or two", "on Fridays"]),
        ("Never again", True, []),
    ]


def test_inline_tags_and_bracket_prefixes_anywhere(tmp_path):
    text = (
        "# Call notes\n"
        "- Re-typing VAT data for the accountant #push #vat\n"
        "She trusts her spreadsheet #habit\n"
        "[pull] bank sync matched everything #bank-sync\n"
        "- [Anxiety] data migration\n"
        "- a plain note about the weather\n"
    )
    interview = note(tmp_path, text).interview
    assert [(f.kind, f.text, f.tags, f.line) for f in interview.forces] == [
        (ForceKind.PUSH, "Re-typing VAT data for the accountant", ["vat"], 2),
        (ForceKind.INERTIA, "She trusts her spreadsheet", [], 3),
        (ForceKind.PULL, "bank sync matched everything", ["bank-sync"], 4),
        (ForceKind.ANXIETY, "data migration", [], 5),
    ]
    assert "a plain note about the weather" in interview.notes


def test_wikilinks_become_text_and_mid_sentence_tags_stay(tmp_path):
    text = "## Pull\n- Moved to [[Ledgerly]] from [[SageDesk|Sage]] for #VAT reports #vat-theme\n"
    force = note(tmp_path, text).interview.forces[0]
    assert force.text == "Moved to Ledgerly from Sage for #VAT reports"
    assert force.tags == ["vat", "vat-theme"]


def test_job_statements_parsed_or_kept_whole_with_warning(tmp_path):
    text = (
        "## Job stories\n"
        "- When the quarter ends, I want to send my accountant everything, "
        "so I can stop worrying.\n"
        "\n"
        "When a client pays late I want to nudge them\n"
        "so that I can keep the relationship.\n"
        "\n"
        "- Basically wants the books off her mind\n"
    )
    result = note(tmp_path, text)
    jobs = result.interview.jobs
    assert [(j.when, j.want, j.so) for j in jobs] == [
        ("the quarter ends", "send my accountant everything", "stop worrying"),
        ("a client pays late", "nudge them", "keep the relationship"),
        (None, None, None),
    ]
    assert jobs[2].text == "Basically wants the books off her mind"
    assert [j.line for j in jobs] == [2, 4, 7]
    assert [w.line for w in result.warnings] == [7, None]  # the unfitting job; no forces
    assert "When ..., I want to" in result.warnings[0].message


def test_timeline_in_order_and_unknown_stage_kept_with_warning(tmp_path):
    text = (
        "## Timeline\n"
        "- First thought: the tax letter\n"
        "- **Active looking**: asked peers\n"
        "- Deciding: free trial\n"
        "- Bought: in May\n"
    )
    result = note(tmp_path, text)
    assert [(e.stage, e.text) for e in result.interview.timeline] == [
        (SwitchStage.FIRST_THOUGHT, "the tax letter"),
        (SwitchStage.ACTIVE_LOOKING, "asked peers"),
        (SwitchStage.DECIDING, "free trial"),
    ]
    assert "Bought: in May" in result.interview.notes
    assert result.warnings[0].line == 5


def test_everything_else_is_kept_as_free_notes(tmp_path):
    text = (
        "# Interview with Anna\n\nShe runs a studio.\n\n## Push\n- x\n\n"
        "## Observations\nLaughed about Excel.\n```\n## Push\n- not a force in code\n```\n"
    )
    interview = note(tmp_path, text).interview
    assert [f.text for f in interview.forces] == ["x"]
    for kept in (
        "# Interview with Anna",
        "She runs a studio.",
        "## Observations",
        "Laughed about Excel.",
        "- not a force in code",
    ):
        assert kept in interview.notes


def test_paragraph_under_force_heading_is_kept_with_warning(tmp_path):
    result = note(tmp_path, "## Push\nShe said the quarter-end was hell.\n")
    assert result.interview.forces == []
    assert "quarter-end was hell" in result.interview.notes
    assert result.warnings[0].line == 2


def test_malformed_frontmatter_names_the_line(tmp_path):
    with pytest.raises(NoteError) as caught:
        note(tmp_path, "---\nid: p1\nrole: [a\n---\n## Push\n- x\n")
    assert caught.value.line in (3, 4)
    assert "p01.md" in str(caught.value)


def test_unclosed_frontmatter(tmp_path):
    with pytest.raises(NoteError, match="never closed") as caught:
        note(tmp_path, "---\nid: p1\n## Push\n- x\n")
    assert caught.value.line == 1


def test_frontmatter_must_be_a_mapping(tmp_path):
    with pytest.raises(NoteError, match="mapping"):
        note(tmp_path, "---\n- a\n- b\n---\n## Push\n- x\n")


def test_wrong_type_in_frontmatter_names_the_field_and_line(tmp_path):
    with pytest.raises(NoteError) as caught:
        note(tmp_path, "---\nid: p1\nparticipant: [Ann, Bo]\n---\n## Push\n- x\n")
    assert "participant" in caught.value.message
    assert caught.value.line == 3


def test_unparseable_date_is_a_warning_and_kept(tmp_path):
    result = note(tmp_path, "---\ndate: last Tuesday\n---\n## Push\n- x\n")
    assert result.interview.date is None
    assert result.interview.attributes["date"] == "last Tuesday"
    assert "date" in result.warnings[0].message


@pytest.mark.parametrize(
    ("item", "placeholder"),
    [
        ("(what made the old way intolerable?)", True),
        ("(what made them look?) #money", True),
        ("(a) the price, (b) the migration", False),
        ("It was (sort of) fine", False),
        ("Costs too much (about 40 a month)", False),
        ('"(laughs) it was a pain"', False),
    ],
)
def test_template_placeholders_are_free_notes_not_forces(tmp_path, item, placeholder):
    result = note(tmp_path, f"## Push\n- {item}\n- Real push\n")
    texts = [f.text for f in result.interview.forces]
    warnings = [w for w in result.warnings if "placeholder" in w.message]
    if placeholder:
        assert texts == ["Real push"]
        assert item in result.interview.notes
        assert [(w.line, w.message.split(":")[0]) for w in warnings] == [
            (2, f"an unfilled template placeholder {item!r}")
        ]
    else:
        assert len(texts) == 2
        assert warnings == []


def test_placeholder_jobs_and_timeline_are_free_notes(tmp_path):
    text = (
        "## Jobs\n- When (situation), I want to (motivation), so I can (outcome).\n"
        "- When I close the month, I want to see cash, so I can (expected outcome).\n"
        "- When I close the month, I want to see cash, so I can relax.\n"
        "## Timeline\n- First thought: (when did it start?)\n- Deciding: in March\n"
    )
    result = note(tmp_path, text)
    interview = result.interview
    assert [job.so for job in interview.jobs] == ["relax"]
    assert [event.text for event in interview.timeline] == ["in March"]
    warning, no_forces = result.warnings
    assert no_forces.message.startswith("no forces found")
    assert warning.line == 2
    assert warning.message.startswith("3 unfilled template placeholders, the first ")
    assert warning.message.endswith("(fill them in or delete them)")
    assert "(when did it start?)" in interview.notes


@pytest.mark.parametrize("divider", ["---", "***", "___", "* * *", "- - -", "----------"])
def test_a_divider_ends_the_item_above_and_is_not_part_of_it(tmp_path, divider):
    result = note(
        tmp_path, f"## Push\n- Late invoices\n{divider}\n- Formulas broke\n## Pull\n- x\n"
    )
    assert [f.text for f in result.interview.forces_of(ForceKind.PUSH)] == [
        "Late invoices",
        "Formulas broke",
    ]
    assert result.warnings == []
