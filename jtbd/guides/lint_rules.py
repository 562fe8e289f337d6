"""The rules of ``jtbd lint-guide``: what makes an interview question a bad one.

The rules are code; the phrases they look for are data, one file per language in the
bundled guides folder (``_lint.yaml`` for English, ``_lint.<lang>.yaml`` for the others);
a file of the same name in the user's ``--guides-dir`` replaces the bundled one.
Each rule has a list of regular expressions, matched case-insensitively against each
sentence of a question; a pattern anchored with ``^`` matches at the start of a sentence.

- ``hypothetical``: asks what they would do, not what they did ("would you...").
- ``leading``: suggests the answer ("don't you think...", "how much do you love...").
- ``closed``: invites a yes or no where an open question fits. Only the sentences that
  are questions are checked, and only their opening ("Did you...", "Hai provato...").
- ``double-barrelled``: two questions in one: two question marks, or a conjunction that
  opens a second question ("...and what did you pay?").
- ``future``: asks about the future rather than past behaviour.

``open_requests`` are polite requests that are open questions in disguise ("Can you tell
me about..."): text they match is never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field

from jtbd.errors import GuideError, UsageError
from jtbd.guides.files import DEFAULT_LANG, read_yaml, validate
from jtbd.guides.library import GuideLibrary
from jtbd.guides.models import StrictData

RuleId = Literal["hypothetical", "leading", "closed", "double-barrelled", "future"]
RULE_IDS: tuple[RuleId, ...] = ("hypothetical", "leading", "closed", "double-barrelled", "future")

_FLAGS = re.IGNORECASE | re.UNICODE
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\s+[-\u2013\u2014]\s+")
_TWO_QUESTIONS = re.compile(r"\?[^?]*\w[^?]*\?")
_EDGE_PUNCTUATION = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb()[] "
_LEADING_TAG = re.compile(r"^\s*[\[(][^\])]{1,30}[\])]\s*")  # "(optional) What ...?"
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"\*+|`+|(?<!\w)_+|_+(?!\w)")


class _RuleData(StrictData):
    message: Annotated[str, Field(min_length=1)]
    patterns: Annotated[list[str], Field(min_length=1)]


class _Rules(StrictData):
    hypothetical: _RuleData
    leading: _RuleData
    closed: _RuleData
    double_barrelled: _RuleData = Field(alias="double-barrelled")
    future: _RuleData


class _LintData(StrictData):
    prompts: list[str] = Field(default_factory=list)
    open_requests: list[str] = Field(default_factory=list)
    rules: _Rules


@dataclass(frozen=True)
class Rule:
    """One rule in one language: its id, its message and its compiled patterns."""

    id: RuleId
    message: str
    patterns: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class RuleSet:
    """Every rule of one language, with the phrases that open a question."""

    lang: str
    rules: tuple[Rule, ...]
    prompts: tuple[re.Pattern[str], ...]
    """List items opening with these are questions even without a '?' ("Tell me about...")."""
    open_requests: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Finding:
    """A rule a question breaks."""

    rule: RuleId
    message: str


def lint_languages(library: GuideLibrary | None = None) -> list[str]:
    """The languages the lint rules exist for (in ``library``, else bundled), English first."""
    return (library or GuideLibrary()).shared_languages("_lint")


def load_rules(lang: str = DEFAULT_LANG, library: GuideLibrary | None = None) -> RuleSet:
    """The rules of a language; UsageError listing the languages there are rules for.

    The rules file is looked up in ``library`` (the user's folder first); without one, in
    the bundled guides.
    """
    library = library or GuideLibrary()
    path = library.shared_path("_lint", lang)
    if path is None:
        available = ", ".join(library.shared_languages("_lint"))
        raise UsageError(f"no lint rules for language {lang!r}; available: {available}")
    data = validate(_LintData, read_yaml(path), path, "a lint rules file")

    def compile_all(patterns: list[str], field: str) -> tuple[re.Pattern[str], ...]:
        compiled = []
        for index, pattern in enumerate(patterns):
            try:
                compiled.append(re.compile(pattern, _FLAGS))
            except re.error as error:
                raise GuideError(f"{path}: {field}.{index}: bad pattern: {error}") from None
        return tuple(compiled)

    rules = []
    for rule_id in RULE_IDS:
        rule = getattr(data.rules, rule_id.replace("-", "_"))
        patterns = compile_all(rule.patterns, f"rules.{rule_id}.patterns")
        rules.append(Rule(rule_id, rule.message, patterns))
    return RuleSet(
        lang=lang,
        rules=tuple(rules),
        prompts=compile_all(data.prompts, "prompts"),
        open_requests=compile_all(data.open_requests, "open_requests"),
    )


def clean_text(text: str) -> str:
    """The words of a question without Markdown markup, curly apostrophes or a leading tag."""
    text = _LINK.sub(r"\1", text.replace("\u2019", "'").replace("\u2018", "'"))
    text = _LEADING_TAG.sub("", _EMPHASIS.sub("", text))
    return " ".join(text.split())


def is_question(text: str, rules: RuleSet) -> bool:
    """True for text ending in '?' or opening with an interview prompt ("Walk me through")."""
    clean = clean_text(text).rstrip(_EDGE_PUNCTUATION)
    return clean.endswith("?") or any(prompt.search(clean) for prompt in rules.prompts)


def sentences(text: str) -> list[str]:
    """The sentences of a question, without quotes or brackets around them."""
    parts = (part.strip(_EDGE_PUNCTUATION) for part in _SENTENCE_END.split(text))
    return [part for part in parts if part]


def check_question(text: str, rules: RuleSet) -> list[Finding]:
    """The rules a question breaks, at most one finding per rule."""
    clean = clean_text(text)
    every = sentences(clean)
    asked = [sentence for sentence in every if sentence.endswith("?")] or every[:1]
    findings = []
    for rule in rules.rules:
        scope = asked if rule.id == "closed" else every
        broken = any(_matches(rule, sentence, rules) for sentence in scope)
        if rule.id == "double-barrelled" and _TWO_QUESTIONS.search(clean):
            broken = True
        if broken:
            findings.append(Finding(rule.id, rule.message))
    return findings


def _matches(rule: Rule, sentence: str, rules: RuleSet) -> bool:
    """True when a pattern matches outside every open request of the sentence."""
    allowed = [m.span() for p in rules.open_requests for m in p.finditer(sentence)]
    for pattern in rule.patterns:
        for match in pattern.finditer(sentence):
            start, end = match.span()
            if not any(start < a_end and a_start < end for a_start, a_end in allowed):
                return True
    return False
