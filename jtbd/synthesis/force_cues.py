"""The force suggester's cue features: the cue lexicon compiled, and counted per statement.

The lexicon itself is data, ``vocabularies/suggester/force-cues.yaml``: cue phrases for
the four forces in English, French and Italian, greetings and call logistics, plain
first-person statements of each force and negation words, written from the labelling
rules, not from any data set. A cue alone decides nothing: the suggester counts the cues
of each kind and weighs the counts with the sentence embedding, because real speakers
rarely say "frustrated" and the same words serve several forces.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from jtbd.errors import JtbdError
from jtbd.resources import bundled_dir

# The phrase and negation columns enter at this value rather than 1: a smaller value is
# regularised harder, so the columns settle clear statements without overruling the
# embedding on real speech (leave-one-source-out: 1.0 lowered macro-F1, 0.3 did not).
PHRASE_SCALE = 0.3

KINDS = ("push", "pull", "anxiety", "inertia")
# The columns of :func:`cue_features`, in order (the weights depend on them).
FEATURE_NAMES = (
    *(f"cues_{kind}" for kind in KINDS),
    "cue_none",
    "question",
    "short",
    "words",
    *(f"phrase_{kind}" for kind in KINDS),
    "negation",
)


@dataclass(frozen=True)
class CueLexicon:
    """The cue lexicon as read from its file; every cue is one regex, in the file's order."""

    cues: Mapping[str, Mapping[str, tuple[str, ...]]]
    """Kind -> language -> that language's cues of the kind."""
    none_whole: tuple[str, ...]
    """Back-channel and greetings that make a whole statement ("Yeah.", "Merci !")."""
    none_anywhere: tuple[str, ...]
    """Call logistics, anywhere in a statement ("can you hear me")."""
    phrases: Mapping[str, Mapping[str, tuple[str, ...]]]
    """Kind -> language -> plain first-person statements of the kind."""
    negation: tuple[str, ...]

    def none_pattern(self) -> str:
        """The small-talk regex: a whole statement of back-channel ("Yeah, that's right.",
        "Thanks so much!"), or logistics and greetings anywhere."""
        whole = "(?:" + "|".join(self.none_whole) + ")"
        return rf"^{whole}(?:[\s.!,?]+{whole})*[\s.!,?]*$|" + "|".join(self.none_anywhere)


def lexicon_path() -> Path:
    """The bundled cue lexicon file (beside the note vocabularies, not one of them)."""
    return bundled_dir("vocabularies") / "suggester" / "force-cues.yaml"


@functools.cache
def lexicon() -> CueLexicon:
    """The bundled cue lexicon, read on first use and then kept (it never changes under us)."""
    return read_lexicon(lexicon_path())


def read_lexicon(path: Path) -> CueLexicon:
    """Read a cue lexicon file; a malformed one is a :class:`JtbdError` naming the file."""
    # Imported here: reading the lexicon is the only YAML this module does, on first use.
    import yaml

    from jtbd.safe_yaml import SafeLoader

    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise JtbdError(f"{path}: cannot read the cue lexicon: {error}") from None
    try:
        return CueLexicon(
            cues=_by_kind(data["cues"], "cues"),
            none_whole=_lines(data["none"]["whole"], "none: whole"),
            none_anywhere=_lines(data["none"]["anywhere"], "none: anywhere"),
            phrases=_by_kind(data["phrases"], "phrases"),
            negation=_lines(data["negation"], "negation"),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise JtbdError(f"{path}: not a cue lexicon ({error})") from None


def _by_kind(data: Any, part: str) -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    # The order is part of the fingerprint the weights record, so it is kept as written.
    if not isinstance(data, dict) or tuple(data) != KINDS:
        raise ValueError(f"{part}: the kinds must be {', '.join(KINDS)}, in that order")
    by_kind = {}
    for kind, languages in data.items():
        if not languages:
            raise ValueError(f"{part}: {kind}: no language")  # "(?:)" would match everywhere
        by_language = {
            str(language): _lines(block, f"{part}: {kind}: {language}")
            for language, block in languages.items()
        }
        by_kind[kind] = MappingProxyType(by_language)
    return MappingProxyType(by_kind)


def _lines(block: Any, where: str) -> tuple[str, ...]:
    # A blank line would be a cue that matches everywhere, and a space at either end of a
    # line is invisible in the file: both are mistakes, not cues.
    if not isinstance(block, str):
        kind = type(block).__name__
        raise TypeError(f"{where}: a block of cues is text, one cue a line, not {kind}")
    lines = tuple(block.splitlines())
    for number, line in enumerate(lines, 1):
        if line != line.strip() or not line:
            raise ValueError(f"{where}: cue {number} is blank or has spaces around it: {line!r}")
    if not lines:
        raise ValueError(f"{where}: no cues")
    return lines


@functools.cache
def cue_list() -> tuple[tuple[str, str], ...]:
    """Every single cue as ``(kind, regex)``, in the fixed order of the feature columns."""
    cues = lexicon().cues
    return tuple(
        (kind, cue) for kind in KINDS for language in cues[kind].values() for cue in language
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
    return cues, anywhere, re.compile(lexicon().none_pattern(), re.IGNORECASE)


def normalise(text: str) -> str:
    """The text as the cues expect it: typographic apostrophes would break every "don't"."""
    return text.replace("\u2019", "'").replace("\u2018", "'").strip()


def is_small_talk(text: str) -> bool:
    """True for greetings, thanks, back-channel ("yeah") and call logistics."""
    return bool(_compiled()[2].search(normalise(text)))


@functools.cache
def _phrases() -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    # One 0/1 column per kind, scaled by PHRASE_SCALE: whether any phrase of it is there.
    lex = lexicon()
    alternations = ("|".join(_groups(lex.phrases[kind])) for kind in KINDS)
    kinds = tuple(re.compile(rf"(?<!\w)(?:{group})(?!\w)", re.IGNORECASE) for group in alternations)
    negation = "|".join(lex.negation)
    # "n't" is glued to its verb ("didn't"), so it is matched inside words too.
    return kinds, re.compile(r"(?<!\w)(?:" + negation + r")(?!\w)|n't", re.IGNORECASE)


def _groups(languages: Mapping[str, tuple[str, ...]]) -> list[str]:
    """One alternation per language, in the file's order."""
    return ["|".join(cues) for cues in languages.values()]


def cue_features(text: str) -> list[float]:
    """One statement's cue features, the columns of :data:`FEATURE_NAMES`.

    The per-kind cue counts are of distinct cues, capped at 3 (a rant is not three times
    the push of a sentence) and scaled to 0..1 so they sit on the scale of the embedding.
    One column per cue was tried and dropped: 340 sparse columns fitted the 18 sources'
    own words and were no better on unseen ones than the counts.
    """
    cues, anywhere, none_pattern = _compiled()
    clean = normalise(text)
    starts = [match.start() for match in anywhere.finditer(clean)]
    counts = [0.0] * len(KINDS)
    for kind, pattern in cues:
        if any(pattern.match(clean, start) for start in starts):
            counts[kind] += 1
    phrases, negation = _phrases()
    words = len(clean.split())
    return [
        *(min(count, 3) / 3 for count in counts),
        1.0 if none_pattern.search(clean) else 0.0,
        1.0 if "?" in clean[-3:] else 0.0,
        1.0 if words <= 3 else 0.0,
        min(words, 60) / 60,
        *(PHRASE_SCALE if pattern.search(clean) else 0.0 for pattern in phrases),
        PHRASE_SCALE if negation.search(clean) else 0.0,
    ]


def cue_fingerprint() -> str:
    """A digest of every cue: trained weights record it, so stale weights are caught."""
    # The same text as when the lexicon was Python constants, so the weights trained then
    # still match: one line per cue, the small-talk regex, one per phrase alternation.
    lex = lexicon()
    phrases = (f"phrase:{kind}:{group}" for kind in KINDS for group in _groups(lex.phrases[kind]))
    none, negation = lex.none_pattern(), "|".join(lex.negation)
    lines = [*(f"{kind}:{cue}" for kind, cue in cue_list()), none, *phrases, negation]
    text = "\n".join([*lines, f"scale:{PHRASE_SCALE}", "columns:" + ",".join(FEATURE_NAMES)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
