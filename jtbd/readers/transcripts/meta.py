"""Transcript metadata: a ``NAME.meta.yaml`` sidecar or Markdown frontmatter.

The keys mean what they mean in a note's frontmatter (``jtbd.readers.base``), plus
``interviewer``, which may name several people (a list).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from jtbd.errors import NoteError
from jtbd.readers.base import Problem, interview_fields
from jtbd.readers.text import decode_note, load_yaml, split_lines

SIDECAR_SUFFIX = ".meta.yaml"
# How a sidecar's name may end: ".meta.yml" is read by no transcript (ingest says so), but
# it is never a YAML note of its own either.
SIDECAR_ENDINGS = (SIDECAR_SUFFIX, ".meta.yml")


def sidecar_path(path: str) -> str:
    """The metadata file beside a transcript: ``NAME.vtt`` -> ``NAME.meta.yaml``."""
    stem, _ = os.path.splitext(path)
    return stem + SIDECAR_SUFFIX


@dataclass
class Metadata:
    """What the metadata says, ready for the interview, and where it was written."""

    fields: dict[str, Any]
    """``interview_fields`` output: id, participant, date, consent, attributes ..."""
    interviewers: list[str] = field(default_factory=list)
    where: str = ""
    """Where a user changes it, for messages: ``t01.meta.yaml`` or ``the frontmatter``."""
    warnings: list[Problem] = field(default_factory=list)


def read_sidecar(data: bytes | None, shown: str) -> tuple[dict[str, Any], str]:
    """The mapping in a sidecar's bytes and its text (empty when there is none).

    Raises NoteError naming the sidecar and line when it is not a YAML mapping.
    """
    if data is None:
        return {}, ""
    text = decode_note(data, shown)
    loaded = load_yaml(text, shown) if text.strip() else None
    if loaded is None:
        return {}, text
    if not isinstance(loaded, dict):
        raise NoteError(shown, "a .meta.yaml must be a mapping of `key: value` lines", 1)
    return loaded, text


def metadata_of(raw: dict[str, Any], shown: str, where: str, text: str | None = None) -> Metadata:
    """Validate metadata as a note's frontmatter is validated, plus a list of interviewers.

    ``shown`` names the file problems are reported against; ``text`` is that file's text,
    to find the line of a bad key.
    """
    lines = split_lines(text) if text else []

    def line_of(key: str) -> int | None:
        prefix = f"{key}:"
        for number, line in enumerate(lines, start=1):
            if line.startswith(prefix):
                return number
        return None

    interviewers = _interviewers(raw.get("interviewer"), shown, line_of)
    others = {key: value for key, value in raw.items() if key != "interviewer"}
    fields, warnings = interview_fields(others, shown, line_of)
    return Metadata(fields, interviewers, where, warnings)


def _interviewers(value: Any, shown: str, line_of: Any) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in values:
        if isinstance(item, (dict, list)) or item is None:
            raise NoteError(
                shown, "interviewer: give a name, or a list of names", line_of("interviewer")
            )
        name = str(item).strip()
        if name:
            names.append(name)
    return names
