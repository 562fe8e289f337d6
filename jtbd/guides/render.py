"""Render interview guides and their matching notes templates through Jinja templates.

Templates load the way the report's do (``jtbd.rendering.templates.template_loader``): the
user's own file (``--template``) first, then the bundled ``templates/``, so a user's
template can extend or include the bundled ones.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from jtbd.guides.fitting import (
    Fit,
    fill_placeholders,
    fit_to_minutes,
    map_strings,
    placeholder_values,
)
from jtbd.guides.library import LoadedGuide
from jtbd.models import ForceKind, SwitchStage
from jtbd.rendering.templates import environment as report_environment
from jtbd.rendering.templates import render, template_name

GUIDE_TEMPLATE = "guide.md.j2"
NOTES_TEMPLATE = "notes-template.md.j2"


@dataclass(frozen=True)
class RenderedGuide:
    """A rendered guide and, when it was fitted to a time budget, what was dropped."""

    text: str
    fit: Fit | None = None


def render_guide(
    loaded: LoadedGuide,
    *,
    product: str | None = None,
    job: str | None = None,
    minutes: int | None = None,
    template: Path | None = None,
) -> RenderedGuide:
    """Render a guide as Markdown, optionally fitted to ``minutes``.

    ``template`` is the user's own Jinja template file; the bundled one otherwise.
    """
    values = placeholder_values(loaded.common, product, job)
    guide = map_strings(loaded.guide, lambda text: fill_placeholders(text, values))
    common = map_strings(loaded.common, lambda text: fill_placeholders(text, values))
    fit = None
    if minutes is not None:
        guide, fit = fit_to_minutes(guide, minutes)
    context = {
        "guide": guide,
        "common": common,
        "labels": common.labels,
        "consent": guide.consent or common.consent,
        "lang": loaded.lang,
        "product": product.strip() if product and product.strip() else None,
        "job": job.strip() if job and job.strip() else None,
        "fit": fit,
        "total_minutes": guide.question_minutes,
    }
    return RenderedGuide(_render(template, GUIDE_TEMPLATE, context), fit)


def render_notes_template(
    loaded: LoadedGuide,
    *,
    product: str | None = None,
    job: str | None = None,
    template: Path | None = None,
) -> str:
    """Render the notes file matching a guide, in the format ``jtbd ingest`` reads."""
    values = placeholder_values(loaded.common, product, job)
    guide = map_strings(loaded.guide, lambda text: fill_placeholders(text, values))
    shared = map_strings(loaded.common.notes_template, lambda text: fill_placeholders(text, values))
    override = guide.notes_template
    given_product = product.strip() if product and product.strip() else None
    frontmatter: dict[str, str | None] = {
        "id": None,
        "participant": None,
        "date": None,
        "interviewer": None,
        "consent": None,
        "switched_from": None,
        "switched_to": None,
        "role": None,
    }
    frontmatter.update(dict.fromkeys(override.attributes))
    if override.product_field is not None and given_product is not None:
        frontmatter[override.product_field] = given_product
    forces = [
        (kind.value.capitalize(), override.forces.get(kind.value) or shared.forces[kind.value])
        for kind in ForceKind
    ]
    timeline = [
        (
            stage.label.capitalize(),
            override.timeline.get(stage.value) or getattr(shared.timeline, stage.value),
        )
        for stage in SwitchStage
    ]
    context = {
        "guide": guide,
        "notes": shared,
        "lang": loaded.lang,
        "frontmatter": frontmatter,
        "comments": {**shared.comments, **override.comments},
        "forces": forces,
        "jobs": override.jobs or shared.jobs,
        "timeline": timeline,
    }
    return _render(template, NOTES_TEMPLATE, context)


def environment(template: Path | None = None) -> jinja2.Environment:
    """The report's environment (the user's file first, strict), plus the guide filters."""
    env = report_environment(template=template)
    env.autoescape = False  # guides are Markdown, whatever a user's template is called
    env.filters["fill"] = _fill
    env.filters["yaml_value"] = _yaml_value
    return env


def _render(template: Path | None, default_name: str, context: dict[str, Any]) -> str:
    name = template_name(template) if template is not None else default_name
    return render(environment(template), name, context)


def _fill(text: str, **values: Any) -> str:
    """Jinja filter: ``"about {n} min" | fill(n=5)``; unknown braces stay as they are."""
    for key, value in values.items():
        text = text.replace("{" + key + "}", str(value))
    return text


def _yaml_value(value: Any) -> str:
    """Jinja filter: a frontmatter value that YAML reads back as the same string."""
    if value is None:
        return ""
    # A JSON string is a valid YAML flow scalar, whatever quotes or colons it holds.
    return json.dumps(str(value), ensure_ascii=False)
