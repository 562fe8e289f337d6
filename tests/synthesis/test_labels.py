"""Theme labels: a statement shortened between words, never a lone word, never hanging."""

from __future__ import annotations

import pytest

from jtbd.synthesis.labels import MAX_LABEL_CHARS, content_words, language, short_label


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Bank sync", "Bank sync"),
        (
            "I built that spreadsheet myself, I know where everything is.",
            "I built that spreadsheet myself…",
        ),
        (
            "Honestly, copying the VAT figures by hand every single quarter",
            "Copying the VAT figures by hand…",
        ),
        ("losing receipts in the car and it drove me mad", "Losing receipts in the car"),
        (
            "Her partner liked SageDesk and had customised all the reports",
            "Her partner liked SageDesk",
        ),
        ("Il commercialista vuole Excel e non accetta altro", "Il commercialista vuole Excel"),
        ("Je perds mes reçus et ça me rend fou", "Je perds mes reçus"),
        # what follows "and then" is often the point: the clause is cut, marked as cut
        ("Paying for the app and then fixing its mistakes", "Paying for the app…"),
        # the part before "and" says too little: the clause is cut as before
        ("I and my partner kept every receipt in a shoebox for years", "I and my partner kept…"),
        (
            "“Paying €58 a month and then fixing its mistakes myself? No.”",
            "Paying €58 a month…",
        ),
        (
            "Je recopie la TVA à la main chaque trimestre pour le comptable",
            "Je recopie la TVA à la main…",
        ),
        (
            "And when we moved the invoices over, half of them lost their dates",
            "When we moved the invoices over…",
        ),
        (
            "Didn't know until April whether the previous year had been profitable",
            "Didn't know until April…",
        ),
    ],
)
def test_labels(text, label):
    assert short_label(text) == label


@pytest.mark.parametrize(
    "text",
    [
        "Reverse-charge invoices for clients in Switzerland and Austria, done by hand",
        "whether the accountant will accept the export to be fair",
        "the accountant already has a process every single time",
        "Il costo per utente cresce con ogni nuova assunzione in agenzia",
        "Month",
        "Supercalifragilisticexpialidocious-invoicing-workflow-nightmare",
    ],
)
def test_a_label_is_whole_words_of_the_statement_and_fits_the_diagram(text):
    label = short_label(text)
    words = label.rstrip("…").split()
    source = text.split()
    assert all(
        word.strip(",.").lower() in {w.strip(",.").lower() for w in source} for word in words
    )
    if len(source) >= 2:
        assert len(words) >= 2  # never a lone word
        assert len(label) <= MAX_LABEL_CHARS
        assert words[-1].lower() not in {"the", "a", "for", "to", "will", "di", "la", "per"}


def test_words_are_read_in_the_statement_s_language():
    assert language("Perdo sempre gli scontrini della spesa") == "it"
    assert language("Je perds toujours mes reçus dans la voiture") == "fr"
    assert language("I leave the receipts in the car") == "en"
    # "car" is a French function word, not an English one
    assert "car" in content_words("I leave the receipts in the car")
