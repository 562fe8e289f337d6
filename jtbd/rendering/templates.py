"""The Jinja environment of reports and guides: bundled templates, user overrides, strict.

Every template loads through ``template_loader``, a ChoiceLoader: the user's own template
file, then the user's folder (to override one template without copying the rest), then
the bundled ``templates/``. Undefined variables are errors, and HTML/SVG/XML templates
autoescape, because interview quotes are untrusted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from jtbd.errors import TemplateError
from jtbd.resources import templates_dir

_ESCAPED_KINDS = (".html", ".htm", ".svg", ".xml")


def _autoescape(name: str | None) -> bool:
    # The file name only: a user's template is named by its whole path (see template_name).
    base = name.rsplit("/", 1)[-1] if name is not None else None
    return base is not None and any(kind in base.lower() for kind in _ESCAPED_KINDS)


def template_name(path: Path) -> str:
    """The name a user's own template file has in the environment ``template_loader`` feeds.

    Its absolute path: no bundled template is called that, so a user's ``report.html.j2``
    can still ``{% extends "report.html.j2" %}`` the bundled one.
    """
    return path.absolute().as_posix()


class _UserFile(jinja2.BaseLoader):
    """Loads exactly one file, the user's ``--template``, under ``template_name(path)``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.name = template_name(path)

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        if template != self.name:
            raise jinja2.TemplateNotFound(template)
        try:
            source = self.path.read_text(encoding="utf-8")
        except OSError as error:
            raise TemplateError(f"cannot read template {self.path}: {error.strerror}") from None
        except UnicodeDecodeError as error:
            raise TemplateError(
                f"cannot read template {self.path}: not UTF-8 text (byte {error.start})"
            ) from None
        return source, str(self.path), lambda: False


def _user_file(path: Path) -> _UserFile:
    if not path.is_file():
        reason = "is a folder" if path.is_dir() else "no such file"
        raise TemplateError(f"cannot read template {path}: {reason}")
    return _UserFile(path)


def template_loader(
    template: Path | None = None, user_dir: Path | None = None
) -> jinja2.ChoiceLoader:
    """How jtbd finds every template, for reports and guides alike.

    The user's own template file first (``--template``, as ``template_name(template)``),
    then the user's folder (``--templates-dir``: a file there replaces the bundled one of
    the same name, so one template can be overridden without copying the rest), then the
    bundled ``templates/``, which a user's template may include or extend.
    """
    loaders: list[jinja2.BaseLoader] = []
    if template is not None:
        loaders.append(_user_file(template))
    if user_dir is not None:
        if not user_dir.is_dir():
            raise TemplateError(f"template folder {user_dir} does not exist")
        loaders.append(jinja2.FileSystemLoader(str(user_dir)))
    loaders.append(jinja2.FileSystemLoader(str(templates_dir())))
    return jinja2.ChoiceLoader(loaders)


def environment(user_dir: Path | None = None, template: Path | None = None) -> jinja2.Environment:
    """The strict Jinja environment over ``template_loader(template, user_dir)``.

    Undefined variables are errors (StrictUndefined), so a typo in a template fails loudly.
    """
    env = jinja2.Environment(
        loader=template_loader(template, user_dir),
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
    # A user's file is named by its absolute path; messages name it as the user typed it.
    shown = template.filename if Path(name).is_absolute() and template.filename else name
    return _render(template, context, shown)


def render_file(path: Path, context: dict[str, Any], env: jinja2.Environment) -> str:
    """Render the user's own template file (it may include or extend bundled templates).

    ``env`` is an ``environment(user_dir)``; the file goes in front of its loader, exactly
    as ``environment(user_dir, path)`` would put it.
    """
    if env.loader is None:
        raise TemplateError("internal: a template environment without a loader")
    loader = jinja2.ChoiceLoader([_user_file(path), env.loader])
    return render(env.overlay(loader=loader), template_name(path), context)


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
