"""Content words of a statement, reduced to a rough stem, for grouping similar statements.

Deliberately simple and deterministic: no language model, no network. "Copying VAT
numbers by hand" and "re-typing the VAT data" share the stem "vat"; that is enough.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing done down during each
    even ever every few for from further get gets getting got had has have having he her
    here hers herself him himself his how i if in into is it its itself just like made make
    makes many me more most much must my myself never no nor not now of off often on once
    one only or other our ours ourselves out over own quite really same she should so some
    still such than that the their theirs them themselves then there these they this those
    through to too under until up us very want wanted wants was we were what when where
    which while who whom why will with would yet you your yours yourself said says say thing
    things way lot lots bit kind sort something anything everything felt feel feels went go
    goes going come came take took new old already always back liked loved hated thought
    think thinks needed need needs find found seemed seems re s t don didn doesn isn wasn
    weren won wouldn couldn shouldn ve ll d m
    whenever wherever however put puts putting worried worry worries scared afraid fear
    without within across around through though although since per via instead rather
    almost nearly enough less least able unable maybe perhaps probably actually basically
    someone everyone anyone nobody somebody everybody else another others whole half
    day days week weeks time times today yesterday tomorrow morning evening night
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday first second last next
    il lo la gli le un una uno di da in con su per tra fra che chi non come anche
    del della dello dei degli delle al allo alla ai agli alle dal dalla dai nel nella
    nei nelle sul sulla sui sulle ed era sono stato stata essere avere ha hanno aveva
    questo questa questi queste quello quella mio mia suo sua loro nostro quando dove
    perché poi più molto tutto tutti ogni già ancora solo sempre mai cosa fatto fare
    """.split()  # noqa: SIM905 - one word list reads better than 200 quoted strings
)


@lru_cache(maxsize=65536)  # vocabulary is small and repeats across statements
def stem(word: str) -> str:
    """A crude English stem: enough to match "payments"/"payment", "chasing"/"chase"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
        return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word
    if len(word) > 4 and word.endswith("ed"):
        word = word[:-2]
        return word[:-1] if len(word) > 3 and word[-1] == word[-2] else word
    if len(word) > 3 and word.endswith("es") and word[-3] in "sxz":
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def is_content_word(word: str) -> bool:
    """True for a lower-case word that carries meaning: not a stopword, not one or two letters."""
    return len(word) > 2 and word not in STOPWORDS


@lru_cache(maxsize=1 << 17)  # a statement's words are needed for grouping, labels and quotes
def keywords(text: str) -> frozenset[str]:
    """The stems of the content words of ``text``."""
    return frozenset(stem(word) for word in _WORD.findall(text.lower()) if is_content_word(word))
