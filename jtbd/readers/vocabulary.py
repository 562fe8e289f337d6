"""The words of the note format: force headings, tags, job statements, timeline labels.

Both readers (Markdown and YAML) share these so the two formats mean the same thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from jtbd.models import ForceKind, SwitchStage

_FORCE_HEADINGS: dict[str, ForceKind] = {
    **dict.fromkeys(
        ["push", "pushes", "push of the situation", "pushes of the situation"], ForceKind.PUSH
    ),
    **dict.fromkeys(
        ["pull", "pulls", "pull of the new solution", "pulls of the new solution"], ForceKind.PULL
    ),
    **dict.fromkeys(
        [
            "anxiety",
            "anxieties",
            "fear",
            "fears",
            "worry",
            "worries",
            "anxiety of the new solution",
            "anxieties of the new solution",
        ],
        ForceKind.ANXIETY,
    ),
    **dict.fromkeys(
        [
            "inertia",
            "habit",
            "habits",
            "habit of the present",
            "habits of the present",
            "allegiance",
            "inertia of the present",
        ],
        ForceKind.INERTIA,
    ),
}

# Tags and bracket prefixes: ``#habit`` is inertia under its other name.
FORCE_TAGS: dict[str, ForceKind] = {
    "push": ForceKind.PUSH,
    "pull": ForceKind.PULL,
    "anxiety": ForceKind.ANXIETY,
    "inertia": ForceKind.INERTIA,
    "habit": ForceKind.INERTIA,
}

_JOB_HEADINGS = {"job", "jobs", "job statement", "job statements", "job story", "job stories"}
_TIMELINE_HEADINGS = {"timeline", "switch timeline"}

_STAGE_LABELS: dict[str, SwitchStage] = {
    **{stage.label: stage for stage in SwitchStage},
    "decision": SwitchStage.DECIDING,
    "decide": SwitchStage.DECIDING,
    "ongoing": SwitchStage.ONGOING_USE,
}


class Section:
    """What kind of section a heading opens."""

    FORCE = "force"
    JOBS = "jobs"
    TIMELINE = "timeline"
    OTHER = "other"


_NON_WORD = re.compile(r"[^\w]+")


def normalise_title(title: str) -> str:
    """Lower-case a heading, drop punctuation, emoji and markup: "**Push** (of the situation):"."""
    return " ".join(_NON_WORD.sub(" ", title.lower().replace("_", " ")).split())


@lru_cache(maxsize=512)  # the same few headings recur in every note
def classify_heading(title: str) -> tuple[str, ForceKind | None]:
    """The section a heading opens, and the force kind for a force heading."""
    name = normalise_title(title)
    kind = _FORCE_HEADINGS.get(name)
    if kind is not None:
        return Section.FORCE, kind
    if name in _JOB_HEADINGS:
        return Section.JOBS, None
    if name in _TIMELINE_HEADINGS:
        return Section.TIMELINE, None
    return Section.OTHER, None


@lru_cache(maxsize=512)
def stage_for_label(label: str) -> SwitchStage | None:
    """The switch stage a timeline label names ("First thought", "active-looking", ...)."""
    return _STAGE_LABELS.get(normalise_title(label))


def force_kind_for_name(name: str) -> ForceKind | None:
    """The force kind a YAML key or tag names ("push", "habit", "Pulls", ...)."""
    return FORCE_TAGS.get(name.lower()) or _FORCE_HEADINGS.get(normalise_title(name))


# An Obsidian tag: '#' then letters, digits, '_', '-', '/'; not all digits (that's "#1").
_TAG = re.compile(r"(?<![\w&#/])#([^\W\d][\w/-]*|\d+[^\W\d][\w/-]*)")
_BRACKET_PREFIX = re.compile(r"^\[(push|pull|anxiety|inertia|habit)\]\s*", re.IGNORECASE)
_WIKILINK = re.compile(r"\[\[([^\]|]+)(?:\|([^\]]+))?\]\]")
_QUOTE_PAIRS = (('"', '"'), ("\u201c", "\u201d"), ("\u201e", "\u201c"), ("\u00ab", "\u00bb"))
_OPENING_QUOTES = tuple(opening for opening, _ in _QUOTE_PAIRS)


@dataclass
class TaggedText:
    """Text with its tags taken apart: the force a tag or prefix names, the other tags."""

    text: str
    kind: ForceKind | None = None
    tags: list[str] = field(default_factory=list)
    quote: bool = False


def parse_tagged_text(raw: str) -> TaggedText:
    """Take a list item or line apart: force tag or ``[push]`` prefix, ``#tags``, quotes.

    The force tag is removed from the text; other tags are collected. Tags that trail
    the sentence are removed from the text too; a tag inside a sentence stays, because
    removing it would break the sentence ("copying #VAT numbers").
    """
    text = raw.strip()
    if "#" not in text and "[" not in text and not text.startswith(_OPENING_QUOTES):
        return TaggedText(text=text)
    kind: ForceKind | None = None
    prefix = _BRACKET_PREFIX.match(text)
    if prefix:
        kind = FORCE_TAGS[prefix.group(1).lower()]
        text = text[prefix.end() :]
    tags: list[str] = []
    if "#" in text:
        for match in _TAG.finditer(text):
            name = match.group(1).lower()
            if name in FORCE_TAGS and kind is None:
                kind = FORCE_TAGS[name]
            elif name not in FORCE_TAGS and name not in tags:
                tags.append(name)
        text = _strip_tags(text)
    if "[[" in text:
        text = _WIKILINK.sub(lambda m: m.group(2) or m.group(1), text)
    text, quote = unquote(text)
    return TaggedText(text=text, kind=kind, tags=tags, quote=quote)


def _strip_tags(text: str) -> str:
    """Drop force tags anywhere and any run of tags at the end of the text."""
    words = text.split(" ")
    kept = [w for w in words if not (_is_tag(w) and w[1:].lower().rstrip(".,;") in FORCE_TAGS)]
    while kept and (_is_tag(kept[-1]) or not kept[-1]):
        kept.pop()
    return " ".join(kept).strip()


def _is_tag(word: str) -> bool:
    return bool(word) and _TAG.fullmatch(word.rstrip(".,;")) is not None


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


_JOB = re.compile(
    r"^when\s+(?P<when>.+?),?\s+(?:i|we)\s+(?:want|need|would like)(?:\s+to)?\s+(?P<want>.+?)"
    r"(?:,?\s+so\s+(?:that\s+)?(?:(?:i|we)\s+(?:can|could)\s+)?(?P<so>.+?))?[.!]?$",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class JobParts:
    """The three parts of a job statement; ``None`` parts when it does not fit."""

    when: str | None
    want: str | None
    so: str | None


def parse_job(text: str) -> JobParts:
    """Split "When ..., I want to ..., so (that) I can ..." into its parts."""
    match = _JOB.match(" ".join(text.split()))
    if match is None:
        return JobParts(None, None, None)
    return JobParts(match.group("when"), match.group("want"), match.group("so"))
