"""Theme grouping: similar statements together, tags win, same input same output."""

from __future__ import annotations

import random

from jtbd.synthesis.themes import Statement, group_statements


def s(text: str, interview: str, tags: tuple[str, ...] = (), line: int = 1) -> Statement:
    return Statement(text, interview, f"{interview}.md", line, tags=tags)


def labels(themes):
    return [(t.label, t.interviews) for t in themes]


def test_statements_sharing_a_distinctive_word_form_one_theme():
    themes = group_statements(
        [
            s("copying VAT numbers by hand every quarter", "p1"),
            s("re-typing the VAT data for the accountant", "p2"),
            s("the coffee machine is broken", "p3"),
        ]
    )
    top = themes[0]
    assert top.interviews == ["p1", "p2"]
    assert top.count == 2
    assert top.keyword == "vat"
    assert [t.count for t in themes[1:]] == [1]


def test_a_theme_counts_interviews_not_statements():
    themes = group_statements(
        [
            s("chasing late payments", "p1", line=1),
            s("late payments again", "p1", line=2),
            s("late payments from agencies", "p2"),
        ]
    )
    assert themes[0].count == 2
    assert len(themes[0].statements) == 3


def test_user_tags_name_themes_and_win_over_words():
    themes = group_statements(
        [
            s("copying VAT numbers by hand", "p1", tags=("admin",)),
            s("re-typing VAT data", "p2"),
            s("the paperwork never ends", "p3", tags=("admin",)),
        ]
    )
    admin = next(t for t in themes if t.tag == "admin")
    assert admin.label == "Admin"
    assert admin.interviews == ["p1", "p3"]
    assert all(t.tag is None for t in themes if t is not admin)


def test_untagged_statements_naming_the_tag_join_it():
    themes = group_statements(
        [
            s("clients pay late", "p1", tags=("late-payments",)),
            s("chasing late payments by phone", "p2"),
        ]
    )
    assert themes[0].tag == "late-payments"
    assert themes[0].label == "Late payments"
    assert themes[0].interviews == ["p1", "p2"]


def test_short_tags_read_as_acronyms():
    assert group_statements([s("x", "p1", tags=("vat",))])[0].label == "VAT"


def test_same_input_in_any_order_gives_the_same_themes():
    statements = [
        s(f"{word} problem number {n}", f"p{n % 7}", line=n)
        for n, word in enumerate(["vat", "bank", "receipt", "vat", "sync", "bank"] * 5)
    ]
    expected = labels(group_statements(statements))
    for seed in range(5):
        shuffled = statements[:]
        random.Random(seed).shuffle(shuffled)
        assert labels(group_statements(shuffled)) == expected


def test_quotes_come_from_different_interviews_and_prefer_verbatim_on_ties():
    statements = [
        Statement("bank sync saves hours", "p1", "p1.md", 3),
        Statement("bank sync saves hours", "p2", "p2.md", 4, quote=True),
        Statement("bank sync again", "p1", "p1.md", 9),
    ]
    quotes = group_statements(statements)[0].quotes()
    assert [q.interview for q in quotes] == ["p2", "p1"]
    assert quotes[0].quote is True


def test_many_statements_stay_fast_enough_to_group(benchmark_size=6000):
    # Not a timing test: a quadratic grouping would take minutes here, not a second.
    rng = random.Random(1)
    words = [f"word{n}" for n in range(300)]
    statements = [
        s(" ".join(rng.sample(words, 6)), f"p{n % 1000}", line=n) for n in range(benchmark_size)
    ]
    themes = group_statements(statements)
    assert sum(len(t.statements) for t in themes) == benchmark_size


def test_a_theme_is_named_by_the_phrase_its_statements_share():
    themes = group_statements(
        [
            s("I built that spreadsheet myself, I know where everything is.", "p1"),
            s("My sheet is ugly but I know where everything is", "p2"),
            s("He knows where everything is in the old sheet", "p3"),
            s("Knows the old tool inside out", "p4"),
        ]
    )
    assert themes[0].label == "Know where everything is"
    assert themes[0].count == 4


def test_a_longer_label_needs_three_statements_else_a_shared_pair_names_it():
    themes = group_statements(
        [
            s("Her accountant recommended Ledgerly himself", "p1"),
            s("Her accountant recommended Ledgerly to her", "p2"),
            s("His accountant offered to keep the template", "p3"),
            s("The accountant wants paper copies", "p4"),
        ]
    )
    # "accountant recommended Ledgerly" is shared by two: too few for a three-word label.
    assert themes[0].label == "Accountant recommended"


def test_labels_never_end_hanging_and_keep_names_capitalised():
    themes = group_statements(
        [
            s("Invoices from SageDesk by hand", "p1"),
            s("invoices from SageDesk by hand, again", "p2"),
            s("Still invoices from SageDesk by hand every week", "p3"),
        ]
    )
    assert themes[0].label == "Invoices from SageDesk by hand"
    themes = group_statements(
        [s(f"{who} paid for the desktop licence in September", who) for who in ("p1", "p2", "p3")]
    )
    label = themes[0].label
    assert label.split()[-1] not in {"the", "for", "in", "a"}
    assert label.split()[0] not in {"the", "for", "in", "a"}
