"""The one Markdown line scanner and the heading vocabulary: the subtle cases."""

from __future__ import annotations

import pytest

from jtbd.models import ForceKind
from jtbd.readers.markdown_lines import LineKind, scan_lines
from jtbd.readers.vocabulary import SectionKind, default_vocabulary, parse_tagged_text


def kinds(text: str) -> list[tuple[int, str, str]]:
    return [(line.number, line.kind, line.text) for line in scan_lines(text.split("\n"))]


def test_setext_heading_takes_its_underline_and_keeps_line_numbers():
    assert kinds("Push\n----\n- item") == [
        (1, LineKind.HEADING, "Push"),
        (3, LineKind.LIST_ITEM, "item"),
    ]


def test_a_rule_after_a_list_item_is_a_break_not_a_setext_heading():
    assert [k for _, k, _ in kinds("- item\n---")] == [LineKind.LIST_ITEM, LineKind.BREAK]


def test_a_year_inside_a_paragraph_is_not_a_numbered_item():
    lines = kinds("She bought it in\n2019. Started the trial\n1. first\n2. second")
    assert [k for _, k, _ in lines] == [
        LineKind.TEXT,
        LineKind.TEXT,
        LineKind.LIST_ITEM,
        LineKind.LIST_ITEM,
    ]


def test_fenced_code_is_code_even_when_it_looks_like_a_heading():
    assert [k for _, k, _ in kinds("```\n## Push\n```\n## Pull")] == [
        LineKind.CODE,
        LineKind.CODE,
        LineKind.CODE,
        LineKind.HEADING,
    ]


def test_a_force_tag_at_the_start_of_a_line_is_not_a_heading():
    assert kinds("#push lost receipts") == [(1, LineKind.TEXT, "#push lost receipts")]


@pytest.mark.parametrize(
    ("title", "section", "kind"),
    [
        ("Push forces", SectionKind.FORCE, ForceKind.PUSH),
        ("iii. Pull factors (continued)", SectionKind.FORCE, ForceKind.PULL),
        ("Timori e paure", SectionKind.FORCE, ForceKind.ANXIETY),
        ("Habitudes", SectionKind.FORCE, ForceKind.INERTIA),
        ("Push and pull", SectionKind.OTHER, None),
        ("Push notifications", SectionKind.OTHER, None),
        ("Forces", SectionKind.OTHER, None),
        ("Job stories", SectionKind.JOBS, None),
        ("Cronologia", SectionKind.TIMELINE, None),
    ],
)
def test_heading_meanings(title, section, kind):
    meaning = default_vocabulary().classify_heading(title)
    assert (meaning.section, meaning.kind) == (section, kind)


def test_a_heading_with_other_words_still_says_which_force_it_mentions():
    meaning = default_vocabulary().classify_heading("Pricing worries")
    assert meaning.section == SectionKind.OTHER and meaning.mentions == (ForceKind.ANXIETY,)


@pytest.mark.parametrize(
    ("raw", "text", "kind", "tags"),
    [
        ("Copying VAT by hand (#push) #vat", "Copying VAT by hand", ForceKind.PUSH, ["vat"]),
        ("#pull: bank sync", "bank sync", ForceKind.PULL, []),
        ("Lost receipts #force/push", "Lost receipts", ForceKind.PUSH, []),
        ("copying #VAT numbers by hand", "copying #VAT numbers by hand", None, ["vat"]),
        ("[[Notes|the notes]] were lost #peur", "the notes were lost", ForceKind.ANXIETY, []),
    ],
)
def test_tagged_text(raw, text, kind, tags):
    tagged = parse_tagged_text(raw)
    assert (tagged.text, tagged.kind, tagged.tags) == (text, kind, tags)
