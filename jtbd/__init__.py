"""jtbd: offline, deterministic Jobs-to-be-Done interview synthesis.

The public API is importable from the package root, e.g.
``from jtbd import Interview, ForceKind, read_note, ingest_folder``. Names load lazily so
that ``jtbd --help`` starts fast without importing pydantic.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "JtbdError": "jtbd.errors",
    "NoteError": "jtbd.errors",
    "WorkspaceError": "jtbd.errors",
    "TemplateError": "jtbd.errors",
    "GuideError": "jtbd.errors",
    "UsageError": "jtbd.errors",
    "ForceKind": "jtbd.models",
    "SwitchStage": "jtbd.models",
    "Force": "jtbd.models",
    "JobStatement": "jtbd.models",
    "TimelineEvent": "jtbd.models",
    "Interview": "jtbd.models",
    "read_note": "jtbd.readers",
    "NoteResult": "jtbd.readers",
    "Problem": "jtbd.readers",
    "Workspace": "jtbd.store",
    "ingest_folder": "jtbd.ingest",
    "IngestSummary": "jtbd.ingest",
}

__all__ = sorted(_EXPORTS)

if TYPE_CHECKING:
    from jtbd.errors import (
        GuideError,
        JtbdError,
        NoteError,
        TemplateError,
        UsageError,
        WorkspaceError,
    )
    from jtbd.ingest import IngestSummary, ingest_folder
    from jtbd.models import Force, ForceKind, Interview, JobStatement, SwitchStage, TimelineEvent
    from jtbd.readers import NoteResult, Problem, read_note
    from jtbd.store import Workspace


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'jtbd' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
