"""Theme grouping: by meaning, tags win, every statement kept, same input same output."""

from __future__ import annotations

import hashlib
import random

import numpy as np

from jtbd.embeddings import shared_encoder
from jtbd.synthesis.clustering import centroid_clusters
from jtbd.synthesis.themes import Statement, group_statements


def s(text: str, interview: str, tags: tuple[str, ...] = (), line: int = 1, quote=False):
    return Statement(text, interview, f"{interview}.md", line, quote, tags)


def group(statements):
    # The model loads once per test process (shared_encoder is cached).
    return group_statements(statements, shared_encoder().encode)


def theme_of(themes, text):
    return next(t for t in themes if any(x.text == text for x in t.statements))


def test_statements_that_mean_the_same_group_across_languages_not_by_shared_words():
    themes = group(
        [
            s("I kept losing receipts", "p1"),
            s("Paper slips went missing all the time", "p2"),
            s("Perdo sempre gli scontrini", "p3"),
            s("The receipts are printed on thermal paper", "p4"),
            s("The coffee machine at the office is broken", "p5"),
        ]
    )
    losing = theme_of(themes, "I kept losing receipts")
    assert {"p1", "p3"} <= set(losing.interviews)
    assert "p4" not in losing.interviews
    assert theme_of(themes, "The coffee machine at the office is broken").count == 1
    assert themes[0] is losing  # the most-mentioned theme comes first


def test_paraphrases_group_and_a_different_pain_stays_apart():
    themes = group(
        [
            s("She copies the VAT totals by hand into the portal", "p1"),
            s("Copying VAT figures by hand every quarter", "p2"),
            s("Our clients pay weeks after the due date", "p4"),
        ]
    )
    assert [t.interviews for t in themes] == [["p1", "p2"], ["p4"]]


def test_a_shared_word_is_not_a_shared_meaning():
    themes = group(
        [
            s("The recipe card said 30 minutes and dinner took 45", "p1"),
            s("I kept the old recipe cards in a folder", "p2"),
        ]
    )
    assert [t.count for t in themes] == [1, 1]


def test_a_theme_counts_interviews_not_statements_and_lists_every_statement():
    statements = [
        s("chasing late payments", "p1", line=1),
        s("late payments again and again", "p1", line=2),
        s("clients paying their invoices late", "p2"),
    ]
    themes = group(statements)
    assert themes[0].count == 2
    assert themes[0].statements == sorted(statements, key=lambda x: (x.interview, x.line))


def test_user_tags_name_themes_win_and_close_statements_join_them():
    themes = group(
        [
            s("clients pay late", "p1", tags=("late-payments",)),
            s("chasing late payments by phone", "p2"),
            s("Customers settle invoices months after the due date", "p3"),
            s("The office plants need watering", "p4"),
        ]
    )
    tagged = themes[0]
    assert (tagged.label, tagged.tag) == ("Late payments", "late-payments")
    assert tagged.interviews == ["p1", "p2", "p3"]
    assert theme_of(themes, "The office plants need watering").tag is None


def test_an_unreviewed_suggestion_never_joins_a_tag_by_meaning():
    suggested = Statement("chasing late payments by phone", "p2", "p2.md", 1, origin="suggested")
    themes = group([s("clients pay late", "p1", tags=("late-payments",)), suggested])
    assert theme_of(themes, "clients pay late").interviews == ["p1"]
    assert theme_of(themes, suggested.text).tag is None
    # worded exactly like a tagged statement, it is the same statement: it takes the tag
    same = Statement("clients pay late", "p3", "p3.md", 1, origin="suggested")
    themes = group([s("clients pay late", "p1", tags=("late-payments",)), same])
    assert theme_of(themes, "clients pay late").interviews == ["p1", "p3"]


def test_a_tag_wins_over_meaning():
    themes = group(
        [
            s("copying VAT numbers by hand", "p1", tags=("admin",)),
            s("the paperwork never ends", "p3", tags=("admin",)),
            s("copying the VAT numbers by hand", "p2", tags=("vat",)),
        ]
    )
    assert {t.tag: t.interviews for t in themes} == {"admin": ["p1", "p3"], "vat": ["p2"]}
    assert {t.label for t in themes} == {"Admin", "VAT"}  # a short tag reads as an acronym


def test_same_input_in_any_order_gives_the_same_themes():
    texts = [
        "I kept losing receipts",
        "Receipts disappear in my coat pockets",
        "Copying VAT figures by hand every quarter",
        "Re-typing the VAT totals into the portal",
        "Clients pay weeks late",
        "Chasing customers who have not paid",
        "The spreadsheet formulas broke again",
    ]
    statements = [s(text, f"p{n % 5}", line=n) for n, text in enumerate(texts * 2)]
    expected = [(t.label, t.statements) for t in group(statements)]
    for seed in range(3):
        shuffled = statements[:]
        random.Random(seed).shuffle(shuffled)
        assert [(t.label, t.statements) for t in group(shuffled)] == expected


def test_quotes_come_from_different_interviews_and_prefer_verbatim_on_ties():
    statements = [
        s("bank sync saves hours", "p1", line=3),
        s("bank sync saves hours", "p2", line=4, quote=True),
        s("bank sync saves me hours", "p1", line=9),
    ]
    quotes = group(statements)[0].quotes()
    assert [q.interview for q in quotes] == ["p2", "p1"]
    assert quotes[0].quote is True


def test_labels_are_a_statement_shortened_between_words():
    texts = [
        "Copying the VAT figures from the spreadsheet into the tax portal by hand",
        "Every quarter he re-types the VAT totals from the sheet into the portal",
        "She copies the VAT numbers by hand from Excel into the government site",
    ]
    themes = group([s(text, f"p{n}") for n, text in enumerate(texts)])
    assert len(themes) == 1
    label = themes[0].label
    assert len(label) <= 32
    words = label.rstrip("…").lower().split()
    assert len(words) >= 2
    # every word is a whole word of one statement, in order
    assert any(" ".join(words) in " ".join(text.lower().split()) for text in texts)


def _fake_embed(texts):
    """Deterministic unit vectors from the text's hash: fast, no model."""
    rows = []
    for text in texts:
        seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
        vector = np.random.default_rng(seed).standard_normal(512)
        rows.append(vector / np.linalg.norm(vector))
    return np.array(rows, dtype=np.float32)


def test_many_statements_group_without_a_pairwise_step():
    # Not a timing test: a grouping comparing every pair would take minutes here.
    statements = [s(f"statement {n % 3000}", f"p{n}", line=n) for n in range(6000)]
    themes = group_statements(statements, _fake_embed)
    assert sum(len(t.statements) for t in themes) == 6000
    assert {t.count for t in themes} == {2}  # each text twice, unrelated to the others


def test_clustering_ties_go_to_the_older_cluster():
    a = np.array([1.0, 0.0], dtype=np.float32)
    b = np.array([0.0, 1.0], dtype=np.float32)
    middle = (a + b) / np.linalg.norm(a + b)
    rows = [a, b, middle]
    clusters, similarity = centroid_clusters(np.stack(rows), np.ones(3, np.float32), 0.7, 0.7)
    assert clusters == [[0, 2], [1]]
    assert similarity.shape == (3,)


def test_a_loner_joins_a_cluster_that_another_loner_moved_towards_it():
    # Angles on a circle: 30 degrees is close enough to the cluster at 0-3 degrees to
    # attach; 49 degrees is not, until the often-repeated 30-degree text (weight 5) has
    # pulled the centroid its way. 49 is too far from 30 to cluster with it directly.
    rows = np.array([[np.cos(t), np.sin(t)] for t in np.radians([0, 3, 30, 49])], np.float32)
    weights = np.array([1, 1, 5, 1], np.float32)
    clusters, similarity = centroid_clusters(rows, weights, 0.95, 0.85)
    assert clusters == [[0, 1, 2, 3]]
    assert min(similarity) >= 0.85
    # below the attach threshold from the start, it stays alone
    clusters, _ = centroid_clusters(rows, weights, 0.95, 0.95)
    assert clusters == [[0, 1], [2], [3]]


def test_a_theme_is_never_named_by_punctuation_or_nothing():
    statements = [s("same", "p1"), s("same", "p2"), s("—", "p1", line=2), s("“”", "p2", line=2)]
    for theme in group(statements):
        assert any(c.isalnum() for c in theme.label)


def test_a_huge_paragraph_is_embedded_from_its_opening_characters():
    # A 1 MB paste must not take gigabytes: only its first MAX_CHARS characters are read.
    from jtbd.embeddings import MAX_CHARS

    opening = "I retype every invoice by hand into the old spreadsheet. " * 40
    assert len(opening) > MAX_CHARS
    encode = shared_encoder().encode
    huge, cut = encode([opening + "word " * 200_000, opening[:MAX_CHARS]])
    assert (huge == cut).all()
