"""Participant turns split into sentences: the statements quotes and the suggester use."""

from __future__ import annotations

import re

# A sentence ends at . ! ? or an ellipsis, maybe inside closing quotes or brackets,
# followed by space. The next sentence must open with a capital, a digit or a quote,
# so "e.g. this" and "3.5 hours" stay whole.
_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*\s+")
_OPENERS = frozenset("\"'\u201c\u2018([\u00bf\u00a1\u00ab")
# Words ending in a full stop that do not end a sentence (English, French, Italian),
# as written: "SIG." in capitals is a word, "Sig." a title.
_WORDS = "Mr. Mrs. Ms. Dr. Prof. St. Sr. Jr. vs. etc. e.g. i.e. cf. approx. ca. Sig. Dott. "
_WORDS += "Ing. Mme. Mlle. M. p.es. ecc."
_ABBREVIATIONS = frozenset(_WORDS.split()) | frozenset(_WORDS.lower().split())


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of ``text`` as ``(offset, sentence)``, offset into ``text``.

    A deliberately simple rule (no model): quotes stay short and each keeps the line
    and time of the cue it starts in.
    """
    sentences: list[tuple[int, str]] = []
    begin = 0
    size = len(text)
    for match in _END.finditer(text):
        after = match.end()
        if after >= size:
            break
        following = text[after]
        if not (following.isupper() or following.isdigit() or following in _OPENERS):
            continue
        if match.group()[0] == "." and _is_abbreviation(text, begin, match.start()):
            continue
        sentences.append((begin, text[begin : match.end()].rstrip()))
        begin = after
    rest = text[begin:].strip()
    if rest:
        sentences.append((begin, rest))
    return sentences


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    """True when the word before the full stop at ``dot`` is an abbreviation or initial."""
    word = text[text.rfind(" ", begin, dot) + 1 : dot + 1]
    if word in _ABBREVIATIONS:
        return True
    # "J. Smith", "U.S." : one letter (or dotted letters) before the stop.
    return len(word) == 2 or (len(word) >= 4 and word[-3] == "." and word[-2].isalpha())
