"""What an ingest run did: the terminal table and ``--json`` are made from this."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from jtbd.models import ForceKind
from jtbd.readers import Problem


@dataclass
class IngestSummary:
    """What an ingest run did, for the terminal table and ``--json``."""

    folder: str
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    forces: dict[str, int] = field(default_factory=lambda: {kind.value: 0 for kind in ForceKind})
    free_notes: int = 0
    """Items the notes hold that went to free notes (not forces, jobs or timeline)."""
    warnings: list[Problem] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no note failed (warnings are allowed)."""
        return not self.errors

    def to_dict(self) -> dict[str, Any]:
        """The summary as JSON-ready data (the ``--json`` contract)."""

        def problems(items: list[Problem]) -> list[dict[str, Any]]:
            return [{"file": p.path, "line": p.line, "message": p.message} for p in items]

        return {
            "folder": self.folder,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "ignored": self.ignored,
            "forces": self.forces,
            "free_notes": self.free_notes,
            "warnings": problems(self.warnings),
            "errors": problems(self.errors),
        }

    def count_forces(self, counts: Iterable[tuple[int, ...]]) -> None:
        """Add notes' force counts (each in ForceKind order) to the totals."""
        columns = zip(*counts, strict=True)  # one column per kind; none when no notes
        for name, column in zip(self.forces, columns, strict=False):
            self.forces[name] += sum(column)
