"""The Jinja environment: bundled templates, user overrides, strict and escaped.

Templates load through a ChoiceLoader: the user's folder first (to override one template
without copying the rest), then the bundled ``templates/``. Undefined variables are
errors, and HTML/SVG/XML templates autoescape, because interview quotes are untrusted.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import jinja2

from jtbd.errors import TemplateError
from jtbd.resources import templates_dir

_ESCAPED_KINDS = (".html", ".htm", ".svg", ".xml")


def _autoescape(name: str | None) -> bool:
    return name is not None and any(kind in name.lower() for kind in _ESCAPED_KINDS)


def environment(user_dir: Path | None = None) -> jinja2.Environment:
    """A Jinja environment over the user's templates (if any) and the bundled ones."""
    loaders: list[jinja2.BaseLoader] = []
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(f"template folder {user_dir} does not exist")
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=_autoescape,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_text
    env.filters["codetext"] = code_text
    env.filters["pct"] = lambda value: f"{value:.0%}"
    return env


def render(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Render a template by name; any template problem becomes a one-line TemplateError."""
    try:
        template = env.get_template(name)
    except jinja2.TemplateNotFound:
        raise TemplateError(f"template {name!r} not found") from None
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(_where(error.filename or name, error.lineno, error.message)) from None
    return _render(template, context, name)


def render_file(path: Path, context: dict[str, Any], env: jinja2.Environment) -> str:
    """Render the user's own template file (it may include or extend bundled templates)."""
    try:
        source = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateError(f"cannot read template {path}: {error}") from None
    # from_string has no name, so autoescape is decided here from the file name.
    try:
        template = env.overlay(autoescape=_autoescape(path.name)).from_string(source)
    except jinja2.TemplateSyntaxError as error:
        raise TemplateError(_where(str(path), error.lineno, error.message)) from None
    return _render(template, context, str(path))


def _render(template: jinja2.Template, context: dict[str, Any], name: str) -> str:
    try:
        return template.render(context)
    except jinja2.UndefinedError as error:
        raise TemplateError(f"{name}: {error.message}") from None
    except jinja2.TemplateError as error:
        raise TemplateError(f"{name}: {error}") from None


def _where(name: str, line: int | None, message: str | None) -> str:
    return f"{name}:{line}: {message}" if line else f"{name}: {message}"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def markdown_text(value: object) -> str:
    """Untrusted text made inert in Markdown: HTML and Markdown syntax shown as text."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def code_text(value: object) -> str:
    """Untrusted text for a Markdown code block: one line, and no backticks to close it."""
    return " ".join(str(value).split()).replace("`", "'")
