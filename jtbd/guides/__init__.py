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

import importlib
from typing import Any

# Public name -> the module that defines it. Loaded on first use (PEP 562), so that
# `jtbd lint-guide` does not pay for Jinja, nor `new-guide` for the lint rules.
_EXPORTS = {
    "Fit": "fitting",
    "fit_to_minutes": "fitting",
    "GuideInfo": "library",
    "GuideLibrary": "library",
    "LoadedGuide": "library",
    "LintProblem": "lint",
    "format_problems": "lint",
    "lint_file": "lint",
    "RenderedGuide": "render",
    "render_guide": "render",
    "render_notes_template": "render",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
