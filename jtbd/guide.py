"""Interview guides: the YAML question banks, loading them safely, and fitting them to time.

A guide type is a YAML file: ``<type>.yaml`` is the English bank and ``<type>.<lang>.yaml``
a translation with the same question ids. Files whose name starts with ``_`` hold what the
guides share: ``_common[.<lang>].yaml`` (consent script, interviewer reminders, labels,
notes-template text) and ``_lint[.<lang>].yaml`` (the phrase lists of ``jtbd lint-guide``).
The bundled folder comes first; a folder the user names adds types, and a file there
replaces the bundled file of the same name.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from jtbd.errors import GuideError, UsageError
from jtbd.guide_models import TYPE_NAME, Common, Guide, Question
from jtbd.resources import guides_dir
from jtbd.safe_yaml import SafeLoader, yaml_line, yaml_problem

DEFAULT_LANG = "en"

_LANG_CODE = re.compile(r"^[a-z]{2,3}$")
_PLACEHOLDER = re.compile(r"\{(product|job)\}")


@dataclass(frozen=True)
class LoadedGuide:
    """A guide with the shared text of its language, ready to render."""

    guide: Guide
    common: Common
    lang: str
    path: Path


@dataclass(frozen=True)
class GuideInfo:
    """One line of ``jtbd new-guide --list``."""

    type: str
    minutes: int
    languages: list[str]
    description: str


@dataclass(frozen=True)
class Fit:
    """What ``--minutes`` kept and dropped."""

    budget: int
    kept_minutes: int
    must_ask_minutes: int
    dropped: list[Question]


# -- reading files ------------------------------------------------------------------------


def read_yaml(path: Path) -> Any:
    """Safely load a YAML file; raise GuideError naming the file (and line) when it can't."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise GuideError(f"{path}: cannot read: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise GuideError(f"{path}: not UTF-8 text (byte {error.start})") from None
    return parse_yaml(text, path)


def parse_yaml(text: str, path: Path) -> Any:
    """Safely load YAML text read from ``path``."""
    try:
        return yaml.load(text, Loader=SafeLoader)  # noqa: S506 - a safe loader only
    except yaml.YAMLError as error:
        line = yaml_line(error, first_line=1)
        where = f"{path}:{line}" if line is not None else str(path)
        problem = yaml_problem(error, "guide files hold plain data only")
        raise GuideError(f"{where}: {problem}") from None


_M = TypeVar("_M", bound=BaseModel)


def validate(model: type[_M], data: Any, path: Path, what: str) -> _M:
    """Validate loaded YAML as ``model``; every problem is named by its dotted field path."""
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        raise GuideError(f"{path}: {what} must be a mapping of fields, not {found}")
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            field = ".".join(str(part) for part in item["loc"])
            problems.append(f"{field}: {item['msg']}" if field else item["msg"])
        raise GuideError(f"{path}: {'; '.join(problems)}") from None


def parse_guide(data: Any, path: Path, expected_type: str | None = None) -> Guide:
    """Validate the data of a guide file; the type must match the file name."""
    guide = validate(Guide, data, path, "a guide file")
    if expected_type is not None and guide.type != expected_type:
        raise GuideError(
            f"{path}: type: {guide.type!r} does not match the file name ({expected_type!r})"
        )
    seen: set[str] = set()
    for s_index, section in enumerate(guide.sections):
        for q_index, question in enumerate(section.questions):
            if question.id in seen:
                raise GuideError(
                    f"{path}: sections.{s_index}.questions.{q_index}.id: "
                    f"duplicate question id {question.id!r}"
                )
            seen.add(question.id)
    return guide


def split_name(path: Path) -> tuple[str, str] | None:
    """``switch.it.yaml`` -> ("switch", "it"); ``switch.yaml`` -> ("switch", "en").

    None for files that are not YAML.
    """
    if path.suffix.lower() not in (".yaml", ".yml"):
        return None
    name, _, lang = path.stem.rpartition(".")
    if name and _LANG_CODE.match(lang):
        return name, lang
    return path.stem, DEFAULT_LANG


# -- the catalogue of guide types -----------------------------------------------------------


class GuideLibrary:
    """The guide types on offer: the bundled ones, then those in the user's folder."""

    def __init__(self, user_dir: Path | None = None) -> None:
        if user_dir is not None and not user_dir.is_dir():
            raise UsageError(f"--guides-dir {user_dir}: not a folder")
        self.folders = [guides_dir()] + ([user_dir] if user_dir is not None else [])
        self._guides: dict[str, dict[str, Path]] = {}
        self._shared: dict[tuple[str, str], Path] = {}
        for folder in self.folders:
            for path in sorted(folder.iterdir()):
                self._add(path)

    def _add(self, path: Path) -> None:
        parts = split_name(path)
        if parts is None or not path.is_file():
            return
        name, lang = parts
        if name.startswith("_"):
            self._shared[(name, lang)] = path
            return
        if not TYPE_NAME.match(name):
            raise GuideError(
                f"{path}: a guide file name must be the type in lower case letters, digits, "
                "'-' and '_', then an optional language (churn.yaml, churn.it.yaml)"
            )
        self._guides.setdefault(name, {})[lang] = path

    def types(self) -> list[str]:
        """Every guide type, sorted."""
        return sorted(self._guides)

    def languages(self, guide_type: str) -> list[str]:
        """The languages a guide type ships in, English first."""
        langs = self._guides.get(guide_type, {})
        return sorted(langs, key=lambda lang: (lang != DEFAULT_LANG, lang))

    def path(self, guide_type: str, lang: str = DEFAULT_LANG) -> Path:
        """The file of a guide type in a language; UsageError naming what exists instead."""
        if guide_type not in self._guides:
            raise UsageError(
                f"unknown guide type {guide_type!r}; available: {', '.join(self.types())}"
            )
        path = self._guides[guide_type].get(lang)
        if path is None:
            available = ", ".join(self.languages(guide_type))
            raise UsageError(
                f"guide type {guide_type!r} has no {lang!r} version; available: {available}"
            )
        return path

    def shared_path(self, name: str, lang: str) -> Path | None:
        """A shared file such as ``_common.it.yaml``, the user's copy first."""
        return self._shared.get((name, lang))

    def load(self, guide_type: str, lang: str = DEFAULT_LANG) -> LoadedGuide:
        """Load and validate a guide and the shared text of its language."""
        path = self.path(guide_type, lang)
        guide = parse_guide(read_yaml(path), path, guide_type)
        return LoadedGuide(guide=guide, common=self.common(lang), lang=lang, path=path)

    def common(self, lang: str) -> Common:
        """The consent script, reminders, labels and notes text of a language."""
        path = self.shared_path("_common", lang)
        if path is None:
            raise GuideError(
                f"no shared guide text for language {lang!r}: add _common.{lang}.yaml "
                "beside the guide (copy the bundled _common.yaml and translate it)"
            )
        return validate(Common, read_yaml(path), path, "a shared guide file")

    def catalogue(self, lang: str = DEFAULT_LANG) -> list[GuideInfo]:
        """One entry per type; the description in ``lang`` where the type has it."""
        entries = []
        for guide_type in self.types():
            langs = self.languages(guide_type)
            shown = lang if lang in langs else langs[0]
            path = self.path(guide_type, shown)
            guide = parse_guide(read_yaml(path), path, guide_type)
            entries.append(GuideInfo(guide_type, guide.minutes, langs, guide.description))
        return entries


# -- placeholders and fitting to time -------------------------------------------------------


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """Replace ``{product}`` and ``{job}``; other braces in user text stay as they are."""
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def placeholder_values(common: Common, product: str | None, job: str | None) -> dict[str, str]:
    """The values of the placeholders: the user's, or the language's defaults."""
    return {
        "product": product.strip() if product and product.strip() else common.defaults.product,
        "job": job.strip() if job and job.strip() else common.defaults.job,
    }


def map_strings(model: _M, change: Callable[[str], str]) -> _M:
    """A copy of a model with ``change`` applied to every string in it."""
    return type(model).model_validate(_map(model.model_dump(), change))


def _map(value: Any, change: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, dict):
        return {key: _map(item, change) for key, item in value.items()}
    if isinstance(value, list):
        return [_map(item, change) for item in value]
    return value


def fit_to_minutes(guide: Guide, budget: int) -> tuple[Guide, Fit]:
    """Keep the highest-priority questions (then the earliest) that fit ``budget`` minutes.

    A question that does not fit is skipped and shorter ones after it may still fit, so
    the budget is used as fully as the priorities allow. Kept questions stay in guide
    order; sections left without questions go.
    """
    if budget < 1:
        raise UsageError(f"--minutes must be at least 1, not {budget}")
    questions = guide.questions
    ranked = sorted(range(len(questions)), key=lambda i: (questions[i].priority, i))
    kept: set[str] = set()
    used = 0
    for index in ranked:
        question = questions[index]
        if used + question.minutes <= budget:
            kept.add(question.id)
            used += question.minutes
    if not kept:
        shortest = min(question.minutes for question in questions)
        raise UsageError(
            f"--minutes {budget} is too short for any question of this guide "
            f"(the shortest takes {shortest} min)"
        )
    sections = [
        section.model_copy(update={"questions": [q for q in section.questions if q.id in kept]})
        for section in guide.sections
    ]
    fitted = guide.model_copy(update={"sections": [s for s in sections if s.questions]})
    fit = Fit(
        budget=budget,
        kept_minutes=used,
        must_ask_minutes=sum(q.minutes for q in questions if q.priority == 1),
        dropped=[q for q in questions if q.id not in kept],
    )
    return fitted, fit
