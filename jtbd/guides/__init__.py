"""Interview guides: question banks in YAML, fitted, rendered, and linted.

One module per stage, in pipeline order:

- ``models``: the schema of the guide data files (pydantic).
- ``files``: reading them safely, with errors that name the file and field.
- ``library``: the catalogue of guide types, bundled then the user's ``--guides-dir``.
- ``fitting``: ``{product}``/``{job}`` placeholders and ``--minutes``.
- ``render``: guides and notes templates through Jinja (the report's template loader).
- ``markdown``, ``lint``, ``lint_rules``: ``jtbd lint-guide``.
"""

from __future__ import annotations

from jtbd.guides.fitting import Fit, fit_to_minutes
from jtbd.guides.library import GuideInfo, GuideLibrary, LoadedGuide
from jtbd.guides.lint import LintProblem, format_problems, lint_file
from jtbd.guides.render import RenderedGuide, render_guide, render_notes_template

__all__ = [
    "Fit",
    "GuideInfo",
    "GuideLibrary",
    "LintProblem",
    "LoadedGuide",
    "RenderedGuide",
    "fit_to_minutes",
    "format_problems",
    "lint_file",
    "render_guide",
    "render_notes_template",
]
