"""Whisper JSON (``.json``): ``{"text": ..., "segments": [{"start", "end", "text"}]}``.

Shape from openai-whisper's ``--output_format json`` (``transcribe()``'s result); a
``speaker`` key per segment, as WhisperX writes after diarisation, is used when present.
JSON gives no line per segment, so each is found in the file after the previous one.
"""

from __future__ import annotations

import json
from typing import Any

from jtbd.errors import NoteError
from jtbd.readers.base import Problem
from jtbd.readers.transcripts.cues import Cue, Parsed


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return round(float(value), 3)


def parse_whisper(text: str, path: str) -> Parsed:
    """Cues of a Whisper JSON transcript; NoteError when it is not one."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise NoteError(path, f"not valid JSON: {error.msg}", error.lineno) from None
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise NoteError(path, "not a Whisper transcript: no 'segments' list", 1)
    cues: list[Cue] = []
    warnings: list[Problem] = []
    position, line = 0, 1
    for number, segment in enumerate(segments):
        if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
            warnings.append(Problem(path, f"segment {number} has no 'text': skipped", line))
            continue
        words = " ".join(segment["text"].split())
        found = _find(text, segment["text"], position)
        if found >= 0:
            line += text.count("\n", position, found)
            position = found
        speaker = segment.get("speaker")
        cues.append(
            Cue(
                str(speaker) if speaker is not None else None,
                _number(segment.get("start")),
                _number(segment.get("end")),
                words,
                line,
            )
        )
    return Parsed([cue for cue in cues if cue.text], warnings)


def _find(text: str, value: str, position: int) -> int:
    """Where the JSON string ``value`` is written in ``text`` after ``position``, or -1."""
    for ascii_only in (False, True):
        found = text.find(json.dumps(value, ensure_ascii=ascii_only), position)
        if found >= 0:
            return found
    return -1
