"""Cue phrases for the four forces in English, French and Italian, as model features.

Written from the labelling rules (push: pain with today's way; pull: attraction to the
new; anxiety: doubt about the new or the switch; inertia: attachment to today's way;
none: context and small talk), not from any data set. A cue alone decides nothing: the
suggester counts the cues of each kind and weighs the counts with the sentence embedding,
because real speakers rarely say "frustrated" and the same words serve several forces.
"""

from __future__ import annotations

import functools
import hashlib
import re

# Each kind's cues, one alternation per language; matched case-insensitively on words.
CUES: dict[str, tuple[str, ...]] = {
    "push": (
        # en
        r"annoy\w*|frustrat\w*|pain\w*|tedious|tiresome|hate|sucks?|sucked|broke\w*|crash\w*"
        r"|slow\w*|waste\w*|wasting|takes? (?:forever|ages|hours|days)|too (?:long|much|many|hard)"
        r"|hard to|difficult to|struggl\w*|problem\w*|issues?|bugs?|errors?|mistakes?|fail\w*"
        r"|downtime|outage\w*|manual\w*|by hand|workaround\w*|had to|have to|expensive|costs?"
        r"|cost us|paged|doesn'?t work|didn'?t work|can'?t|couldn'?t|never works|mess\w*"
        r"|nightmare|painful|horrible|terrible|awful|worst|fed up|tired of|sick of|got worse",
        # fr
        r"gal[eè]re\w*|p[ée]nible|fastidieu\w*|perte de temps|perd\w* (?:du|beaucoup de) temps"
        r"|probl[eè]me\w*|erreurs?|bugs?|lent\w*|compliqu[ée]\w*|difficile\w*|[àa] la main"
        r"|manuellement|on doit|il faut|obliger?\w*|co[uû]te\w*|ne marche pas|ne fonctionne pas"
        r"|plant\w*|ras le bol|marre|énervant|agaçant",
        # it
        r"fastidi\w*|frustra\w*|problem\w*|error\w*|lent\w*|complicat\w*|difficil\w*"
        r"|perdere tempo|perdo tempo|a mano|manualmente|bisogna|devo|dobbiamo|non funziona"
        r"|si blocca|bloccat\w*|scomod\w*",
    ),
    "pull": (
        r"wish|would (?:love|like|be (?:nice|great|good|helpful|useful))|i'?d (?:love|like)"
        r"|nice to have|it would help|could help|love\w*|great|awesome|amazing|cool|easy|easier"
        r"|simple|simpler|clean|clear|helpful|useful|handy|better|faster|nice|excit\w*|enjoy\w*"
        r"|fun|like (?:that|this|how|the)|want(?:ed)? (?:to|a|an|the)|can i|could i|is there a way"
        r"|would be able|be able to|ideally|intuitive|makes? sense|works? (?:well|great)"
        r"|finally|so much more|switched|moved to|tried|trying|signed up|joined|recommend\w*",
        r"j'aimerais|aimerai\w*|souhait\w*|ce serait (?:bien|pratique|utile|top)|pratique|utile"
        r"|simple|facile|clair|rapide|super|g[ée]nial|bien|top|int[ée]ressant\w*|est-ce (?:que|qu')"
        r"|peut-on|pourrait|pourrions|possibilit[ée]|pouvoir|gain de temps|gagner du temps"
        r"|on voudrait|voudrai\w*|besoin d",
        r"vorrei|sarebbe (?:bello|utile|comodo|meglio)|mi piace\w*|piace|utile|comod\w*|facil\w*"
        r"|semplic\w*|chiar\w*|intuitiv\w*|bell\w*|ottim\w*|perfett\w*|interessant\w*|velocemente"
        r"|funziona bene|si potrebbe|potrei|mi aspett\w*|ben fatt\w*|carin\w*",
    ),
    "anxiety": (
        r"worr\w*|concern\w*|afraid|fear\w*|scar\w*|nervous|risk\w*|unsure|not sure|don'?t know"
        r"|no idea|uncertain\w*|doubt\w*|confus\w*|confusing|unclear|what (?:does|is) this"
        r"|what happens|how do i|how does|where (?:do|is|are)|lose|lost|trust|reliab\w*"
        r"|secur\w*|safe\w*|learning curve|steep|overwhelm\w*|complex\w*|hesita\w*|wary"
        r"|what if|might|may not|could go wrong|blocker\w*|challeng\w*|careful|tricky"
        r"|wouldn'?t|won'?t|not ready|too early|migrat\w*|big decision",
        r"peur|inqui[eè]t\w*|crain\w*|risque\w*|doute\w*|pas s[uû]r|sais pas|savons pas|comment"
        r"|o[uù] (?:est|sont)|qu'est-ce|perdre|perdu|confiance|s[ée]curit\w*|fiab\w*|compris"
        r"|comprends pas|perplexe|h[ée]sit\w*|archiv\w*|identifiants?|mot de passe|papier",
        r"paura|preoccup\w*|timor\w*|rischi\w*|dubb\w*|non so|non sono sicur\w*|non capisco"
        r"|non ho capito|non è chiaro|confus\w*|strano|dove|come (?:si|faccio)|perché|cosa"
        r"|boh|mi perdo|perso|non trovo|fidar\w*|sicur\w*|esperto|esperti|complicat\w*",
    ),
    "inertia": (
        r"always|used to|still|habit\w*|comfortable|familiar|good enough|fine|works for (?:me|us)"
        r"|just use|stick\w* with|stay\w*|keep using|don'?t need|no need|not worth|switching cost"
        r"|too much (?:work|effort)|not now|no time|when i have time|never do|everyone (?:uses|is)"
        r"|my friends|community|network|years|long ?time|rely\w* on"
        r"|built[- ]in|default|already|the way we|our own|in-house|legacy|not going to"
        r"|not leaving|not giving up",
        r"toujours|habitu\w*|d[ée]j[àa]|comme avant|suffi\w*|ça marche|ça nous va|on garde"
        r"|rester|pas besoin|pas le temps|tout le monde",
        r"sempre|abitu\w*|già|come prima|basta|va bene così|restare|non serve|non ho tempo",
    ),
}

# No force: greetings, thanks, logistics, back-channel, recording talk.
NONE_CUES = (
    r"^(?:yeah|yes|yep|ok(?:ay)?|right|sure|uh[- ]?huh|mm+|hmm+|hi|hello|hey|thanks?(?: you)?"
    r"|cheers|bye|oui|ouais|d'accord|bonjour|merci|salut|au revoir|s[ìi]|va bene|ciao|grazie"
    r"|buongiorno|buonasera|esatto|exactly|cool|great|nice|good|bien|bene)[\s.!,?]*$"
    r"|can you hear me|hear me ok|you'?re on mute|my (?:screen|camera|mic)|share (?:my|your) screen"
    r"|let'?s (?:get started|start|begin)|thanks for (?:having|joining)|nice to meet"
    r"|tu m'entends|on commence|mi senti|iniziamo|condivido lo schermo|partage d'écran"
)

KINDS = ("push", "pull", "anxiety", "inertia")
# Column names of :func:`cue_features` after the single cues (the weights depend on them).
SUMMARY_NAMES = (*(f"cues_{kind}" for kind in KINDS), "cue_none", "question", "short", "words")


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regex alternation (each is one cue)."""
    parts, depth, current = [], 0, ""
    for char in pattern:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


@functools.cache
def cue_list() -> tuple[tuple[str, str], ...]:
    """Every single cue as ``(kind, regex)``, in the fixed order of the feature columns."""
    return tuple(
        (kind, cue) for kind in KINDS for group in CUES[kind] for cue in _alternatives(group)
    )


@functools.cache
def _compiled() -> tuple[tuple[tuple[int, re.Pattern[str]], ...], re.Pattern[str], re.Pattern[str]]:
    cues = tuple(
        (KINDS.index(kind), re.compile(r"(?<!\w)(?:" + cue + r")(?!\w)", re.IGNORECASE))
        for kind, cue in cue_list()
    )
    # Zero-width, so it stops at every word where some cue starts, overlapping or not:
    # only there are the single cues tried (one scan instead of 340 per statement).
    starts = "|".join(f"(?:{cue})(?!\\w)" for _, cue in cue_list())
    anywhere = re.compile(r"(?<!\w)(?=" + starts + ")", re.IGNORECASE)
    return cues, anywhere, re.compile(NONE_CUES, re.IGNORECASE)


def normalise(text: str) -> str:
    """The text as the cues expect it: typographic apostrophes would break every "don't"."""
    return text.replace("\u2019", "'").replace("\u2018", "'").strip()


def is_small_talk(text: str) -> bool:
    """True for greetings, thanks, back-channel ("yeah") and call logistics."""
    return bool(_compiled()[2].search(normalise(text)))


def cue_features(text: str) -> list[float]:
    """One statement's cue features: a 0/1 column per cue, then :data:`SUMMARY_NAMES`.

    The per-kind counts are of distinct cues, capped at 3 (a rant is not three times the
    push of a sentence) and scaled to 0..1 so they sit on the scale of the embedding.
    """
    cues, anywhere, none_pattern = _compiled()
    clean = normalise(text)
    starts = [match.start() for match in anywhere.finditer(clean)]
    hits = [
        1.0 if any(pattern.match(clean, start) for start in starts) else 0.0 for _, pattern in cues
    ]
    counts = [0.0] * len(KINDS)
    for (kind, _), hit in zip(cues, hits, strict=True):
        counts[kind] += hit
    words = len(clean.split())
    return [
        *hits,
        *(min(count, 3) / 3 for count in counts),
        1.0 if none_pattern.search(clean) else 0.0,
        1.0 if "?" in clean[-3:] else 0.0,
        1.0 if words <= 3 else 0.0,
        min(words, 60) / 60,
    ]


def cue_fingerprint() -> str:
    """A digest of every cue: trained weights record it, so stale weights are caught."""
    text = "\n".join(f"{kind}:{cue}" for kind, cue in cue_list()) + "\n" + NONE_CUES
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
