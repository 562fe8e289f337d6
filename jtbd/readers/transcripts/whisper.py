"""Whisper JSON (``.json``): ``{"text": ..., "segments": [{"start", "end", "text"}]}``.

Shape from openai-whisper's ``--output_format json`` (``transcribe()``'s result); a
``speaker`` key per segment, as WhisperX writes after diarisation, is used when present.
JSON gives no line per segment: a segment's line is that of the next ``"text"`` key.
"""

from __future__ import annotations

import json
from typing import Any

from pydantic_core import from_json

from jtbd.errors import GeneratedFileError, NoteError
from jtbd.readers.base import Problem
from jtbd.readers.transcripts.cues import Cue, Parsed


class NotATranscriptError(GeneratedFileError):
    """A ``.json`` file that is not a Whisper transcript: skipped like an attachment.

    ``.json`` is a common extension (exports, settings); one without ``"segments"`` is
    some other file, not a broken transcript. It derives from GeneratedFileError, which
    ingest already lists as ignored rather than as an error.
    """


def _number(value: Any) -> float | None:
    if type(value) is float:  # nearly every segment: skip the checks below
        return round(value, 3)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return round(float(value), 3)


def _load(text: str, path: str) -> Any:
    """The JSON in ``text``; NoteError with the line of the first mistake when it is broken."""
    try:
        # pydantic-core's parser: three times the speed of json.loads on a transcript.
        return from_json(text, cache_strings="keys")
    except ValueError:
        pass
    try:  # the standard library's message and line, for the error only
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise NoteError(path, f"not valid JSON: {error.msg}", error.lineno) from None


def parse_whisper(text: str, path: str) -> Parsed:
    """Cues of a Whisper JSON transcript.

    Raises NotATranscriptError for other JSON, NoteError for a broken transcript.
    """
    if '"segments"' not in text:
        raise NotATranscriptError(path, "not a Whisper transcript: no 'segments'")
    data = _load(text, path)
    segments = data.get("segments") if isinstance(data, dict) else None
    if not isinstance(segments, list):
        raise NoteError(path, "not a Whisper transcript: 'segments' is not a list", 1)
    cues: list[Cue] = []
    warnings: list[Problem] = []
    # Each segment's line: the next "text" key after the last one, from "segments" on.
    position = max(text.find('"segments"'), 0)
    line = text.count("\n", 0, position) + 1
    for number, segment in enumerate(segments):
        if not isinstance(segment, dict) or not isinstance(segment.get("text"), str):
            warnings.append(Problem(path, f"segment {number} has no 'text': skipped", line))
            continue
        words = " ".join(segment["text"].split())
        found = text.find('"text"', position + 1)
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
