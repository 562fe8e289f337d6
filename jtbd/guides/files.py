"""Reading guide data files: safe YAML, validation with field paths, file names.

Everything here names the file (and the line or field) in its GuideError, so a user's
typo in a question bank is one clear line, never a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from jtbd.errors import GuideError
from jtbd.guides.models import Guide
from jtbd.safe_yaml import SafeLoader, yaml_line, yaml_problem

DEFAULT_LANG = "en"

_LANG_CODE = re.compile(r"^[a-z]{2,3}$")

_M = TypeVar("_M", bound=BaseModel)


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
