"""Where the bundled data files (guides, templates, vocabularies) live.

In the repository, ``guides/``, ``templates/`` and ``vocabularies/`` sit at the top
level. A wheel carries them inside the package as ``jtbd/_data/...`` (see
``pyproject.toml``). This is the only module that knows both places.
"""

from __future__ import annotations

from pathlib import Path

from jtbd.errors import JtbdError

_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_dir(name: str) -> Path:
    """Return the folder of bundled data called ``name`` ("guides", "templates", "vocabularies")."""
    for candidate in (_PACKAGE_DIR / "_data" / name, _PACKAGE_DIR.parent / name):
        if candidate.is_dir():
            return candidate
    raise JtbdError(f"bundled folder {name!r} not found: the jtbd installation is incomplete")


def guides_dir() -> Path:
    """The folder of bundled interview guide question banks."""
    return bundled_dir("guides")


def templates_dir() -> Path:
    """The folder of bundled Jinja templates."""
    return bundled_dir("templates")
