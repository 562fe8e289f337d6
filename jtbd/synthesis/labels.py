"""Theme labels: a representative statement, shortened at a phrase or word boundary.

A label is the participant's or note taker's own words, never a lone keyword: the first
clause of the statement that says something (two or more content words), cut to fit the
forces diagram at a word boundary, never ending on a word that leaves it hanging
("paid for the"). The only word lists are the small closed classes (articles,
prepositions, conjunctions, pronouns) of English, Italian and French, kept apart: a
statement is read in the language whose function words it uses most, so the English
"car" is never taken for the French conjunction.
"""

from __future__ import annotations

import re

# The forces diagram shows 32 characters of a label: a label that fits is never cut there.
MAX_LABEL_CHARS = 32

_ENGLISH = """a an the and or but nor so of to in on at by for from with into onto about
    as than then that this these those it its i me my we our you your he him his she her
    they them their is are was were be been am do does did has have had not no if when
    while because just very really also still even only all any some each every which
    who whom whose what where there here up out off over whether each i'm i've i'd i'll
    it's that's there's we're we've they're you're don't didn't doesn't isn't wasn't
    can't couldn't won't wouldn't"""
_ITALIAN = """il lo la i gli le un uno una di del dello della dei degli delle a al allo alla
    ai agli alle da dal dalla dai dagli dalle in nel nello nella nei negli nelle con su
    sul sulla sui sulle per tra fra e ed o ma che chi non mi ti si ci vi ne è sono ho ha
    hanno mio mia miei mie suo sua suoi sue lui lei noi voi loro questo questa quello
    quella perché poi anche ogni"""
_FRENCH = """le la les l un une des du de d au aux à en dans sur sous par pour avec sans
    et ou mais donc ni car que qu qui quoi ne pas je j me m tu te t il elle on nous vous
    ils elles se s y ce c cet cette ces mon ma mes ton ta tes son sa ses notre nos votre
    vos leur leurs est sont suis ai as a ont être avoir plus très aussi chaque"""
FUNCTION_WORDS = {
    "en": frozenset(_ENGLISH.split()),
    "it": frozenset(_ITALIAN.split()),
    "fr": frozenset(_FRENCH.split()),
}
# Words a label that must be shortened may drop from its start: articles and "whether".
_LEADING = frozenset(
    ("the", "a", "an", "whether", "il", "lo", "la", "gli", "le", "un", "uno", "una", "les")
    + ("l'", "une", "des")
)
# Words that only link a clause to the one before: a label does not start with them.
_CONJUNCTIONS = frozenset(
    ("and", "but", "so", "then", "also", "like", "e", "ma", "poi", "et", "mais", "donc", "puis")
)
# English verbs that promise more words: "Whether the accountant will" is not a label.
_OPEN_VERBS = frozenset(
    ["will", "would", "can", "could", "should", "must", "may", "might", "shall", "already"]
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# Clause boundaries: punctuation that ends a thought, a dash between spaces, brackets.
_CLAUSE = re.compile(r"\s*(?:[,;:!?()\[\]]|\.(?=\s|$)|\s[—–-]\s|—|–)\s*")
_QUOTES = "\"'“”‘’«»„"
# "And" starting a second clause: a clause too long for the diagram is shortened to the
# part before it ("Her partner liked SageDesk and had customised all the reports" -> "Her
# partner liked SageDesk"), whole words that end where a thought does. Not "but", "so" or
# "and then": what follows them is often the point.
_SECOND_CLAUSE = {
    "en": re.compile(r"\sand\s(?!then\b)", re.IGNORECASE),
    "it": re.compile(r"\se\s(?!poi\b)", re.IGNORECASE),
    "fr": re.compile(r"\set\s(?!puis\b|ensuite\b)", re.IGNORECASE),
}


def language(text: str) -> str:
    """``en``, ``it`` or ``fr``: the language whose function words ``text`` uses most
    (English on a tie). Rough, and enough to know which small words a label may not end on."""
    words = _words(text)
    counts = {code: sum(w in known for w in words) for code, known in FUNCTION_WORDS.items()}
    return max(FUNCTION_WORDS, key=lambda code: (counts[code], code == "en"))


def content_words(text: str) -> list[str]:
    """The words of ``text`` that carry meaning (lower case): longer than two letters and
    not a function word of the statement's :func:`language`."""
    return _content(text, FUNCTION_WORDS[language(text)])


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def short_label(text: str, limit: int = MAX_LABEL_CHARS) -> str:
    """``text`` as a label of at most ``limit`` characters, cut only between words.

    >>> short_label("Honestly, copying the VAT figures by hand every single quarter")
    'Copying the VAT figures by hand…'
    """
    text = " ".join(text.split()).strip(_QUOTES + " ")
    code = language(text)
    small = FUNCTION_WORDS[code]
    clauses = [
        (_unlead(part.strip(_QUOTES + " .")), _continues(text, end)) for part, end in _clauses(text)
    ]
    # The first clause that says something (two content words) and still does once fitted;
    # else the statement's opening words: a lone word ("Month") says too little.
    candidates = [c for c in clauses if len(_content(c[0], small)) >= 2] + [(text, False)]
    fitted = [_fit_clause(clause, cut, limit, code) for clause, cut in candidates]
    label = next((f for f in fitted if len(_content(f, small)) >= 2), fitted[-1])
    return label[:1].upper() + label[1:]


def _clauses(text: str) -> list[tuple[str, int]]:
    """The clauses of ``text`` between :data:`_CLAUSE` boundaries, each with where it ends."""
    parts, start = [], 0
    for boundary in _CLAUSE.finditer(text):
        parts.append((text[start : boundary.start()], boundary.start()))
        start = boundary.end()
    parts.append((text[start:], len(text)))
    return parts


def _continues(text: str, end: int) -> bool:
    """True when the sentence goes on after a clause: a comma, then words. A label that
    stops there is marked "…", as one cut at a word is ("When we moved the invoices
    over…"). Not after a dash or a colon: in notes those part a topic from its detail
    ("The learning curve — two weeks of evenings"), and the topic reads whole."""
    return re.match(r"\s*,\s*\w", text[end:]) is not None


def _fit_clause(clause: str, continues: bool, limit: int, code: str) -> str:
    small = FUNCTION_WORDS[code]
    fitted = _fit(_first_clause(clause.rstrip("."), limit, code), limit, small)
    if not continues or fitted.endswith("…"):
        return fitted
    fitted = _fit(fitted, limit - 1, small)
    return fitted if fitted.endswith("…") else fitted + "…"


def _first_clause(clause: str, limit: int, code: str) -> str:
    """A clause too long for ``limit``, cut before the "and" that starts a second clause,
    when what comes before it fits and says something; else the clause as it is."""
    if len(clause) <= limit:
        return clause
    small = FUNCTION_WORDS[code]
    head = _SECOND_CLAUSE[code].split(clause, maxsplit=1)[0]
    words = head.split()
    if len(head) <= limit and len(_content(head, small)) >= 2 and not _hangs(words[-1], small):
        return head
    return clause


def _unlead(clause: str) -> str:
    """A clause without the conjunction it starts with ("And when we..." -> "when we...")."""
    words = clause.split(" ")
    while len(words) > 2 and words[0].lower().strip(",") in _CONJUNCTIONS:
        words.pop(0)
    return " ".join(words)


def _content(text: str, small: frozenset[str]) -> list[str]:
    return [w for w in _words(text) if len(w) > 2 and w not in small]


def _fit(text: str, limit: int, small: frozenset[str]) -> str:
    """Cut ``text`` to ``limit`` characters at a word boundary, without a hanging word."""
    if len(text) <= limit:
        return text
    words = text.split()
    # Too long anyway: a leading article ("The", "Whether the") makes room for content;
    # never a negation or a subject ("Didn't know" is not "Know").
    while len(words) > 2 and words[0].lower() in _LEADING:
        words.pop(0)
    cut = _prefix(words, limit - 1, small)  # room for the ellipsis
    if len(_content(" ".join(cut), small)) < 2:
        # Saying something beats marking the cut: "Accountant already has a process"
        # rather than "Accountant…".
        whole = _prefix(words, limit, small)
        if len(_content(" ".join(whole), small)) >= 2:
            return " ".join(whole).rstrip(",;:—–-")
    if not cut:  # one word longer than the limit: keep it whole rather than cut it
        return words[0]
    return " ".join(cut).rstrip(",;:—–-") + "…"


def _prefix(words: list[str], limit: int, small: frozenset[str]) -> list[str]:
    """The longest run of leading words within ``limit`` characters not ending on a
    hanging word."""
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > limit:
            break
        kept.append(word)
    while len(kept) > 1 and _hangs(kept[-1], small):
        kept.pop()
    return kept


def _hangs(word: str, small: frozenset[str]) -> bool:
    """A word a shortened label must not end on: a function word, a modal or auxiliary
    verb that leaves the sentence open ("will", "can"), or a dangling sign."""
    bare = word.strip(_QUOTES + ",;:.").lower().replace("’", "'")
    return not bare or bare in small or bare in _OPEN_VERBS or not any(c.isalnum() for c in bare)
