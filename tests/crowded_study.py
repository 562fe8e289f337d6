"""A study whose report crowds its figures, as a real transcript study does.

Three-figure counts beside every force title ("130 statements · 13/14 interviews · 130
suggested"), interview ids too long to sit under a bar of the saturation chart, and
most interviews undated. The workspace is filled as `jtbd ingest` and `jtbd suggest`
fill it, without running them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from jtbd import Force, ForceKind, Interview, Workspace

TOTAL = 14
DATED = 4
WORDS = ["bank sync", "the invoices", "VAT returns", "receipts", "the accountant", "exports"]


def interview_id(n: int) -> str:
    """A long id, as a recorder's file name gives one."""
    return f"call-{n:02d}-with-the-bookkeeper"


def crowded_interviews() -> list[Interview]:
    """TOTAL interviews; all but the first name every force ten times, by suggestion."""
    interviews = []
    for n in range(TOTAL):
        source = f"{interview_id(n)}.vtt"
        forces = [
            Force(
                kind=kind,
                text=f"{kind.value} about {WORDS[k % len(WORDS)]}, case {k}",
                source=source,
                line=10 * k + 1,
                origin="suggested",
                confidence=0.5,
            )
            for kind in ForceKind
            for k in range(10 if n else 0)
        ]
        if not n:  # one coded force, so the first interview is in the report
            forces = [Force(kind=ForceKind.PUSH, text="Typing the invoices again", source=source)]
        date = dt.date(2025, 3, 1) + dt.timedelta(days=n) if n < DATED else None
        interviews.append(Interview(id=interview_id(n), source=source, date=date, forces=forces))
    return interviews


def fill(workspace: Path, study: Path) -> None:
    """Store the crowded study in ``workspace`` as ingested from the folder ``study``."""
    with Workspace(workspace, create=True) as store:
        for interview in crowded_interviews():
            store.notes_folder(study).put(f"hash-{interview.id}", interview)
