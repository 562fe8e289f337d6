"""Theme labels: a representative statement, shortened at a phrase or word boundary.

A label is the participant's or note taker's own words, never a lone keyword: the first
clause of the statement that says something (two or more content words), cut to fit the
forces diagram at a word boundary, never ending on a word that leaves it hanging
("paid for the"). The only word lists are the small closed classes (articles,
prepositions, conjunctions, pronouns) of English, Italian and French, kept apart so an
English content word is never taken for an Italian function word.
"""

from __future__ import annotations

import re

# The forces diagram shows 32 characters of a label: a label that fits is never cut there.
MAX_LABEL_CHARS = 32

_ENGLISH = """a an the and or but nor so of to in on at by for from with into onto about
    as than then that this these those it its i me my we our you your he him his she her
    they them their is are was were be been am do does did has have had not no if when
    while because just very really also still even only all any some each every which
    who whom whose what where there here up out off over"""
_ITALIAN = """il lo la i gli le un uno una di del dello della dei degli delle a al allo alla
    ai agli alle da dal dalla dai dagli dalle in nel nello nella nei negli nelle con su
    sul sulla sui sulle per tra fra e ed o ma che chi non mi ti si ci vi ne è sono ho ha
    hanno mio mia miei mie suo sua suoi sue lui lei noi voi loro questo questa quello
    quella perché poi anche"""
_FRENCH = """le la les l un une des du de d au aux à en dans sur sous par pour avec sans
    et ou mais donc ni car que qu qui quoi ne pas je j me m tu te t il elle on nous vous
    ils elles se s y ce c cet cette ces mon ma mes ton ta tes son sa ses notre nos votre
    vos leur leurs est sont suis ai as a ont être avoir plus très aussi"""
FUNCTION_WORDS = {
    "en": frozenset(_ENGLISH.split()),
    "it": frozenset(_ITALIAN.split()),
    "fr": frozenset(_FRENCH.split()),
}
_ANY_FUNCTION_WORD = frozenset().union(*FUNCTION_WORDS.values())

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Clause boundaries: punctuation that ends a thought, a dash between spaces, brackets.
_CLAUSE = re.compile(r"\s*(?:[,;:!?()\[\]]|\.(?=\s|$)|\s[—–-]\s|—|–)\s*")
_QUOTES = "\"'“”‘’«»„"


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning: longer than two letters, not a function
    word of English, Italian or French (lower case)."""
    return [
        word
        for word in (w.lower() for w in _WORD.findall(text))
        if len(word) > 2 and word not in _ANY_FUNCTION_WORD
    ]


def short_label(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``text`` as a label of at most ``limit`` characters, cut only between words.

    >>> short_label("Honestly, copying the VAT figures by hand every single quarter")
    'Copying the VAT figures by hand…'
    """
    text = " ".join(text.split()).strip(_QUOTES + " ")
    clauses = [c.strip(_QUOTES + " .") for c in _CLAUSE.split(text)]
    chosen = next((c for c in clauses if len(content_words(c)) >= 2), text.rstrip("."))
    label = _fit(chosen, limit)
    if len(label.split()) < 2 and len(text.split()) >= 2:
        # A lone word ("Month") says too little: take the statement's opening words instead.
        label = _fit(text.rstrip("."), limit)
    return label[:1].upper() + label[1:]


def _fit(text: str, limit: int) -> str:
    """Cut ``text`` to ``limit`` characters at a word boundary, without a hanging word."""
    words = text.split()
    if len(text) <= limit:
        return text
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > limit - 1:  # room for the ellipsis
            break
        kept.append(word)
    while len(kept) > 1 and _hangs(kept[-1]):
        kept.pop()
    if not kept:  # one word longer than the limit: keep it whole rather than cut it
        return words[0]
    return " ".join(kept).rstrip(",;:—–-") + "…"


def _hangs(word: str) -> bool:
    """A word a shortened label must not end on: a function word or a dangling sign."""
    bare = word.strip(_QUOTES + ",;:.").lower()
    return not bare or bare in _ANY_FUNCTION_WORD or not any(c.isalnum() for c in bare)
