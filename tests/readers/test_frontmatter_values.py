"""Dates and consent as people type them in frontmatter."""

from __future__ import annotations

import datetime as dt

import pytest

from jtbd.readers.frontmatter_values import parse_consent, parse_date
from jtbd.readers.vocabulary import default_vocabulary

WORDS = default_vocabulary()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-06-12", dt.date(2025, 6, 12)),
        ("2025/06/12", dt.date(2025, 6, 12)),
        ("12 June 2025", dt.date(2025, 6, 12)),
        ("June 12, 2025", dt.date(2025, 6, 12)),
        ("Thursday 12th June 2025", dt.date(2025, 6, 12)),
        ("12 giugno 2025", dt.date(2025, 6, 12)),
        ("1er juin 2025", dt.date(2025, 6, 1)),
        ("25/06/2025", dt.date(2025, 6, 25)),
        ("03/04/2025", None),  # 3 April or March 4: not guessed
        ("last Tuesday", None),
        ("June 2025", None),
        ("31 June 2025", None),
    ],
)
def test_natural_dates(text, expected):
    assert parse_date(text, WORDS) == expected


@pytest.mark.parametrize(
    ("value", "given", "clear"),
    [
        (True, True, True),
        ("verbal", True, True),
        ("written", True, True),
        ("yes (recorded)", True, True),
        ("oui", True, True),
        ("no", False, True),
        ("withdrawn", False, True),
        ("not given", False, True),
        ("maybe later", False, False),
        (None, None, True),
    ],
)
def test_consent_in_words(value, given, clear):
    consent, _, is_clear = parse_consent(value, WORDS)
    assert (consent, is_clear) == (given, clear)
