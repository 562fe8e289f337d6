"""Exports of the ingested corpus: JSON (the whole model) and CSV (one row per force)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence

from jtbd.models import Interview

CSV_COLUMNS = [
    "interview",
    "consent",
    "kind",
    "text",
    "quote",
    "intensity",
    "tags",
    "detail",
    "source",
    "line",
    "start",
    "origin",
    "confidence",
]
"""``start``: seconds into a recording (transcripts); ``origin``: ``coded`` (the researcher's)
or ``suggested`` (``jtbd suggest``, not yet reviewed), with its ``confidence``."""

# Spreadsheet apps run cells starting with these as formulas; quotes are untrusted text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def shareable(interviews: Sequence[Interview]) -> list[Interview]:
    """The interviews that may leave the workspace: not those with ``consent: false``."""
    return [interview for interview in interviews if interview.consent is not False]


def export_json(interviews: Sequence[Interview]) -> str:
    """The corpus as the documented JSON contract: ``{"interviews": [...]}``."""
    data = {"interviews": [interview.model_dump(mode="json") for interview in interviews]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def export_csv(interviews: Sequence[Interview]) -> str:
    """One row per force with its source, plus a column per participant attribute."""
    attribute_keys = sorted({key for interview in interviews for key in interview.attributes})
    # An attribute named like a column ("tags" in Obsidian frontmatter) gets a prefix.
    headers = [f"attribute.{key}" if key in CSV_COLUMNS else key for key in attribute_keys]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS + headers)
    for interview in interviews:
        attributes = [_cell(interview.attributes.get(key)) for key in attribute_keys]
        for force in interview.forces:
            writer.writerow(
                [
                    _cell(interview.id),
                    "" if interview.consent is None else str(interview.consent).lower(),
                    force.kind.value,
                    _cell(force.text),
                    str(force.quote).lower(),
                    "" if force.intensity is None else force.intensity,
                    _cell(";".join(force.tags)),
                    _cell(" | ".join(force.detail)),
                    _cell(interview.source),
                    "" if force.line is None else force.line,
                    "" if force.start is None else force.start,
                    force.origin,
                    "" if force.confidence is None else force.confidence,
                    *attributes,
                ]
            )
    return buffer.getvalue()


def spreadsheet_safe(text: str) -> str:
    """A CSV cell's text that a spreadsheet shows rather than runs: ``'=SUM(..)`` for ``=SUM(..)``.

    Every CSV jtbd writes goes through here (this export, ``jtbd suggest FILE -o x.csv``):
    interview text and survey answers are untrusted.
    """
    return "'" + text if text.startswith(_FORMULA_START) else text


def _cell(value: object) -> str:
    if value is None:
        return ""
    return spreadsheet_safe(";".join(map(str, value)) if isinstance(value, list) else str(value))
