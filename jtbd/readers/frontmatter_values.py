"""Frontmatter values as people type them: natural dates and consent in words."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from jtbd.readers.vocabulary import Vocabulary, normalise_title

_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{1,4})$")
_TOKENS = re.compile(r"[^\W\d_]+|\d+")
_ORDINALS = {"st", "nd", "rd", "th", "er", "re", "e", "º", "o"}


def parse_date(value: str, vocabulary: Vocabulary) -> dt.date | None:
    """A date as typed: ``2025-06-12``, ``2025/06/12``, ``12 June 2025``, ``June 12, 2025``.

    Day-first numeric dates (``12/06/2025``) are read only when they cannot be anything
    else (a day above 12); ``03/04/2025`` is None, since the US and Europe disagree.
    """
    text = value.strip()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(text).date()
    except ValueError:
        pass
    numeric = _NUMERIC.match(text)
    if numeric is not None:
        first, second, third = (int(part) for part in numeric.groups())
        return _numeric_date(first, second, third, numeric.group(1))
    return _worded_date(text, vocabulary)


def _numeric_date(first: int, second: int, third: int, first_text: str) -> dt.date | None:
    if len(first_text) == 4:
        year, month, day = first, second, third
    elif third >= 1000 and (first > 12) != (second > 12):
        day, month = (first, second) if first > 12 else (second, first)
        year = third
    else:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _worded_date(text: str, vocabulary: Vocabulary) -> dt.date | None:
    month = year = day = None
    for token in _TOKENS.findall(text.lower()):
        if token.isdigit():
            if len(token) == 4 and year is None:
                year = int(token)
            elif len(token) <= 2 and day is None:
                day = int(token)
            else:
                return None
        elif token in vocabulary.months and month is None:
            month = vocabulary.months[token]
        elif token not in _ORDINALS and len(token) <= 2:
            return None  # an unknown short token: not a date we can be sure of
    if month is None or year is None or day is None:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_consent(value: Any, vocabulary: Vocabulary) -> tuple[bool | None, str | None, bool]:
    """Consent as written: ``(given, text, clear)``.

    ``text`` is the value when it was not a plain true/false. ``verbal``, ``written``,
    ``yes (recorded)`` are given; ``withdrawn``, ``refused``, ``no`` are not. Anything else
    is not clear: ``(False, text, False)``, so the caller warns and keeps the interview out
    of reports until someone makes it clear.
    """
    if value is None or isinstance(value, bool):
        return value, None, True
    text = str(value).strip()
    if isinstance(value, int) and value in (0, 1):
        return bool(value), text, True
    words = normalise_title(text)
    for candidate in (words, words.split(" ")[0] if words else ""):
        if candidate in vocabulary.consent_refused:
            return False, text, True
        if candidate in vocabulary.consent_given:
            return True, text, True
    return False, text, False
