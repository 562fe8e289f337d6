"""The words of the note format: force headings, tags, job statements, timeline labels.

The words themselves are data: one YAML file per language in ``vocabularies/`` (English,
Italian and French ship with jtbd; a file with the same keys adds a language). Every
reader shares one :class:`Vocabulary`, so Markdown, YAML and transcripts mean the same.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from jtbd.errors import JtbdError
from jtbd.models import ForceKind, SwitchStage
from jtbd.resources import bundled_dir
from jtbd.safe_yaml import SafeLoader


class SectionKind:
    """What kind of section a heading opens."""

    FORCE = "force"
    JOBS = "jobs"
    TIMELINE = "timeline"
    OTHER = "other"


# The older name, kept for readers of the code that learnt it.
Section = SectionKind

_NON_WORD = re.compile(r"[^\w]+")
_NUMBERING = re.compile(r"^(?:\d{1,3}|[ivx]{1,4}|[a-h])$")


def normalise_title(title: str) -> str:
    """Lower-case a heading, drop punctuation, emoji and markup: "**Push** (of the situation):"."""
    return " ".join(_NON_WORD.sub(" ", title.lower().replace("_", " ")).split())


@dataclass(frozen=True)
class HeadingMeaning:
    """What a heading (or a line used as one) says."""

    section: str
    kind: ForceKind | None = None
    mentions: tuple[ForceKind, ...] = ()
    """Force kinds the heading names, also when it is not a force heading ("Pull vs push")."""
    free_notes: bool = False
    """A heading whose items are free notes by intent ("Context", "Follow-ups")."""
    researcher_notes: bool = False
    """Free notes in the researcher's words ("Observations"), not the participant's: never
    statements for ``jtbd suggest`` (unlike "Key quotes")."""


_OTHER = HeadingMeaning(SectionKind.OTHER)
_LONGEST_PHRASE = 6


@dataclass
class Vocabulary:
    """Every language's words, merged; build it with :func:`load_vocabulary`."""

    phrases: dict[str, str | ForceKind] = field(default_factory=dict)
    """Normalised phrase -> a force kind, or SectionKind.JOBS / TIMELINE."""
    filler: set[str] = field(default_factory=set)
    free_notes: set[str] = field(default_factory=set)
    participant_words: set[str] = field(default_factory=set)
    stages: dict[str, SwitchStage] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    consent_given: set[str] = field(default_factory=set)
    consent_refused: set[str] = field(default_factory=set)
    job_patterns: list[re.Pattern[str]] = field(default_factory=list)
    _headings: dict[str, HeadingMeaning] = field(default_factory=dict, repr=False)
    _near: dict[str, tuple[HeadingMeaning, str] | None] = field(default_factory=dict, repr=False)

    def add(self, data: dict[str, Any], origin: str) -> None:
        """Merge one language file's data (already parsed YAML)."""
        try:
            for kind_name, words in data.get("forces", {}).items():
                kind = ForceKind(kind_name)
                self.phrases.update({normalise_title(w): kind for w in words})
            self.phrases.update({normalise_title(w): SectionKind.JOBS for w in data["jobs"]})
            timeline = data["timeline"]
            self.phrases.update({normalise_title(w): SectionKind.TIMELINE for w in timeline})
            self.filler.update(normalise_title(w) for w in data.get("filler", []))
            self.free_notes.update(normalise_title(w) for w in data.get("free_notes", []))
            words = data.get("participant_words", [])
            self.participant_words.update(normalise_title(w) for w in words)
            for stage_name, labels in data.get("stages", {}).items():
                stage = SwitchStage(stage_name)
                self.stages.update({normalise_title(label): stage for label in labels})
            for names in (data.get("months", []), data.get("month_abbreviations", [])):
                self.months.update({str(name).lower(): n for n, name in enumerate(names, 1)})
            consent = data.get("consent", {})
            self.consent_given.update(normalise_title(str(w)) for w in consent.get("given", []))
            self.consent_refused.update(normalise_title(str(w)) for w in consent.get("refused", []))
            if "job_statement" in data:
                self.job_patterns.append(_job_pattern(data["job_statement"]))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise JtbdError(f"{origin}: not a jtbd vocabulary file ({error})") from None

    def classify_heading(self, title: str) -> HeadingMeaning:
        """The section a heading opens, and the force kind for a force heading.

        A heading is a force heading when its words name exactly one force and nothing
        else, allowing numbering and filler ("2. Pull factors (continued)"). One naming
        two forces ("Push and pull") or other words too ("Pricing worries") opens free
        notes, and says which forces it mentioned so the reader can warn.
        """
        meaning = self._headings.get(title)
        if meaning is None:
            meaning = self._headings[title] = self._classify(normalise_title(title))
        return meaning

    def near_heading(self, title: str) -> tuple[HeadingMeaning, str] | None:
        """A heading that names nothing known but misspells a known one ("Pousée",
        "Hbitudes"): its meaning and the phrase it is close to; None otherwise. Only for
        real headings, which are short and typed in a hurry: a close match is rarely
        anything else, and the reader says which heading it was read as."""
        if title not in self._near:
            self._near[title] = self._near_heading(title)
        return self._near[title]

    def _near_heading(self, title: str) -> tuple[HeadingMeaning, str] | None:
        import difflib

        meaning = self.classify_heading(title)
        name = normalise_title(title)
        if meaning.section != SectionKind.OTHER or meaning.free_notes or meaning.mentions:
            return None  # it names something: not a typo
        if len(name) < 5:
            return None
        close = difflib.get_close_matches(name, self.phrases, n=1, cutoff=0.85)
        # One word inside the other is another word of another language ("Problem" and
        # the Italian "problemi"), not a typo: left as it is.
        if not close or close[0].startswith(name) or name.startswith(close[0]):
            return None
        return _meaning(self.phrases[close[0]]), close[0]

    def _classify(self, name: str) -> HeadingMeaning:
        named = self.phrases.get(name)
        if named is not None:
            return _meaning(named)
        if name in self.free_notes:
            researcher = name not in self.participant_words
            return HeadingMeaning(SectionKind.OTHER, free_notes=True, researcher_notes=researcher)
        words = name.split()
        while words and _NUMBERING.match(words[0]):
            words = words[1:]
        found: list[str | ForceKind] = []
        unknown = 0
        index = 0
        while index < len(words):
            for size in range(min(_LONGEST_PHRASE, len(words) - index), 0, -1):
                phrase = " ".join(words[index : index + size])
                if phrase in self.phrases:
                    found.append(self.phrases[phrase])
                    index += size
                    break
            else:
                unknown += words[index] not in self.filler
                index += 1
        kinds = tuple(dict.fromkeys(f for f in found if isinstance(f, ForceKind)))
        sections = set(found)
        if unknown or len(sections) != 1:
            return HeadingMeaning(SectionKind.OTHER, mentions=kinds)
        return _meaning(found[0])

    def force_for_tag(self, tag: str) -> ForceKind | None:
        """The force a ``#tag`` names: ``#push``, ``#fears``, ``#force/push``, ``#ansia``."""
        named = self.phrases.get(normalise_title(tag.rsplit("/", 1)[-1]))
        return named if isinstance(named, ForceKind) else None

    def stage_for_label(self, label: str) -> SwitchStage | None:
        """The switch stage a timeline label names ("First thought", "primo pensiero")."""
        return self.stages.get(normalise_title(label))


def _meaning(named: str | ForceKind) -> HeadingMeaning:
    if isinstance(named, ForceKind):
        return HeadingMeaning(SectionKind.FORCE, named, (named,))
    return HeadingMeaning(named)


def _alternation(words: list[str]) -> str:
    # Longest first, so "i want to" wins over "i want"; spaces match any run of spaces.
    ordered = sorted({str(w).lower() for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w).replace("\\ ", r"\s+") for w in ordered)


def _job_pattern(words: dict[str, list[str]]) -> re.Pattern[str]:
    when, want, so = (_alternation(words[key]) for key in ("when", "want", "so"))
    return re.compile(
        rf"^(?:{when})\b'?\s*(?P<when>.+?),?\s+(?:{want})\s+(?P<want>.+?)"
        rf"(?:,?\s+(?:{so})\s+(?P<so>.+?))?[.!]?$",
        re.IGNORECASE | re.DOTALL,
    )


def load_vocabulary(extra_dir: Path | None = None) -> Vocabulary:
    """The bundled languages, plus every ``*.yaml`` in ``extra_dir`` (a user's own)."""
    folders = [bundled_dir("vocabularies")] + ([extra_dir] if extra_dir else [])
    vocabulary = Vocabulary()
    for folder in folders:
        # Not recursive: vocabularies/suggester/ holds the suggester's cue lexicon, no language.
        for path in sorted(folder.glob("*.yaml")):
            try:
                data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)  # noqa: S506
            except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
                raise JtbdError(f"{path}: cannot read vocabulary: {error}") from None
            if not isinstance(data, dict):
                raise JtbdError(f"{path}: a vocabulary file is a mapping (see en.yaml)")
            vocabulary.add(data, str(path))
    return vocabulary


@functools.cache
def default_vocabulary() -> Vocabulary:
    """The bundled vocabulary, read once per process (the files never change under us)."""
    return load_vocabulary()


# -- tagged text --------------------------------------------------------------------------

# An Obsidian tag: '#' then letters, digits, '_', '-', '/'; not all digits (that's "#1").
_TAG = re.compile(r"(?<![\w&#/])#([^\W\d][\w/-]*|\d+[^\W\d][\w/-]*)")
_BRACKET_PREFIX = re.compile(r"^\[([^\W\d][\w/ -]*)\]\s*")
_EMBED = re.compile(r"!\[\[[^\[\]]*\]\]")
# "Push: text", "**Anxiety:** text", "- Pull - text": a force named before its text.
LABEL_LINE = re.compile(r"^(?:\*\*|__)?([^\W\d][^:*_]{0,40}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(.+)$")
_WIKILINK = re.compile(r"\[\[([^\[\]|]+)(?:\|([^\[\]]+))?\]\]")
_QUOTE_PAIRS = (('"', '"'), ("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u00ab", "\u00bb"))
_OPENING_QUOTES = tuple(opening for opening, _ in _QUOTE_PAIRS)


@dataclass
class TaggedText:
    """Text with its tags taken apart: the force a tag or prefix names, the other tags."""

    text: str
    kind: ForceKind | None = None
    tags: list[str] = field(default_factory=list)
    quote: bool = False
    also: list[ForceKind] = field(default_factory=list)
    """Other forces tagged on the same text ("#push #pull"): not read, to be said."""


def parse_tagged_text(raw: str, vocabulary: Vocabulary | None = None) -> TaggedText:
    """Take a list item or line apart: force tag or ``[push]`` prefix, ``#tags``, quotes.

    Force tags are removed from the text wherever they are (also as ``(#push)`` or a
    leading ``#pull:``); other tags are collected, and removed when they trail the
    sentence. A tag inside a sentence stays, because removing it would break the
    sentence ("copying #VAT numbers").
    """
    text = raw.strip()
    if "#" not in text and "[" not in text and not text.startswith(_OPENING_QUOTES):
        return TaggedText(text=text)
    words = vocabulary or default_vocabulary()
    kind: ForceKind | None = None
    prefix = _BRACKET_PREFIX.match(text)
    if prefix and not text.startswith("[[") and words.force_for_tag(prefix.group(1)):
        kind = words.force_for_tag(prefix.group(1))
        text = text[prefix.end() :]
    tags: list[str] = []
    also: list[ForceKind] = []
    if "#" in text:
        spans: list[tuple[int, int]] = []
        for match in _TAG.finditer(text):
            name = match.group(1).lower().rstrip("-/")
            tag_kind = words.force_for_tag(name)
            if tag_kind is not None:
                if kind is not None and tag_kind != kind and tag_kind not in also:
                    also.append(tag_kind)
                kind = kind or tag_kind
                spans.append(_force_tag_span(text, match.start(), match.end()))
            elif name not in tags:
                tags.append(name)
        for start, end in reversed(spans):
            text = text[:start] + " " + text[end:]
        text = _strip_trailing_tags(" ".join(text.split()))
    if "[[" in text:
        text = _EMBED.sub("", text)  # "![[photo.png]]" shows a file; it is not words
        text = _WIKILINK.sub(lambda m: m.group(2) or m.group(1), text).strip()
    text, quote = unquote(text.strip(" :;-\u2013\u2014"))
    return TaggedText(text=text, kind=kind, tags=tags, quote=quote, also=also)


def _force_tag_span(text: str, start: int, end: int) -> tuple[int, int]:
    """A force tag with what only belongs to it: "(#push)", "#pull:" at the start."""
    if start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")":
        return start - 1, end + 1
    if text[end : end + 1] in ":,;":
        end += 1
    return start, end


def _strip_trailing_tags(text: str) -> str:
    words = text.split(" ")
    while words and (not words[-1] or _TAG.fullmatch(words[-1].rstrip(".,;"))):
        words.pop()
    return " ".join(words).strip()


def is_placeholder(text: str) -> bool:
    """True for a notes-template placeholder left as it was: "(what made them look?)"."""
    return text.startswith("(") and text.find(")") == len(text) - 1


def unquote(text: str) -> tuple[str, bool]:
    """Strip one pair of wrapping double quotes; True when the text was a verbatim quote."""
    for opening, closing in _QUOTE_PAIRS:
        if len(text) >= 2 and text.startswith(opening) and text.endswith(closing):
            inner = text[1:-1].strip()
            if inner:
                return inner, True
    return text, False


# -- job statements -----------------------------------------------------------------------


@dataclass
class JobParts:
    """The three parts of a job statement; ``None`` parts when it does not fit."""

    when: str | None
    want: str | None
    so: str | None


def parse_job(text: str, vocabulary: Vocabulary | None = None) -> JobParts:
    """Split "When ..., I want to ..., so I can ..." (or its Italian or French form)."""
    flat = " ".join(text.replace("\u2019", "'").split())
    for pattern in (vocabulary or default_vocabulary()).job_patterns:
        match = pattern.match(flat)
        if match is not None:
            return JobParts(match.group("when"), match.group("want"), match.group("so"))
    return JobParts(None, None, None)


# -- the functions the readers import -----------------------------------------------------


def classify_heading(title: str) -> tuple[str, ForceKind | None]:
    """The section a heading opens and its force kind, by the bundled vocabulary."""
    meaning = default_vocabulary().classify_heading(title)
    return meaning.section, meaning.kind


def stage_for_label(label: str) -> SwitchStage | None:
    """The switch stage a timeline label names, by the bundled vocabulary."""
    return default_vocabulary().stage_for_label(label)


def force_kind_for_name(name: str) -> ForceKind | None:
    """The force kind a YAML key or tag names ("push", "habit", "Pulls", "paure", ...)."""
    meaning = default_vocabulary().classify_heading(name)
    return meaning.kind if meaning.section == SectionKind.FORCE else None


def label_name(text: str) -> str | None:
    """The name before the colon of a label line ("Push: the sheet broke" -> "Push")."""
    label = LABEL_LINE.match(text)
    return label.group(1).strip() if label is not None else None
