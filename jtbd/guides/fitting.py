"""Fitting a guide to the user: ``{product}``/``{job}`` placeholders and ``--minutes``."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel

from jtbd.errors import UsageError
from jtbd.guides.models import Common, Guide, Question

_PLACEHOLDER = re.compile(r"\{(product|job)\}")

_M = TypeVar("_M", bound=BaseModel)


@dataclass(frozen=True)
class Fit:
    """What ``--minutes`` kept and dropped."""

    budget: int
    kept_minutes: int
    must_ask_minutes: int
    dropped: list[Question]


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
