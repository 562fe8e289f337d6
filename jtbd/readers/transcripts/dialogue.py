"""Dialogue: ``**Name:** text``, ``Name: text`` or ``INTERVIEWER:`` lines, in Markdown or text.

Podcast and interview transcripts published as Markdown write one paragraph per turn
with the speaker in bold or capitals; lines may be hard-wrapped. A paragraph without a
label continues the speaker above; one under a heading, or before the first label, is
free notes. Headings are kept as notes. A ``[04:05]`` stamp opening a line (as
podcast transcripts write them) is the start time of that line's words.
"""

from __future__ import annotations

import functools
import re

from jtbd.readers.transcripts.cues import TIMESTAMP, Cue, Parsed, seconds
from jtbd.readers.vocabulary import Section, classify_heading, stage_for_label

_NAME = r"[^\W\d_][\w.'\u2019&-]*(?: [\w.'\u2019&()-]+){0,4}"
_LABEL = re.compile(
    rf"^\s*(?:[-*]\s+)?(?:\*\*(?P<bold>[^*:]{{1,60}}?)\s*(?::\*\*|\*\*\s*:)"
    rf"|__(?P<under>[^_:]{{1,60}}?)\s*(?::__|__\s*:)"
    rf"|(?P<plain>{_NAME})\s*:(?=\s|$))\s*(?P<text>.*)$"
)
# Line openings that look like a label but are not a person speaking.
_NOT_SPEAKERS = frozenset(
    [
        "note",
        "notes",
        "update",
        "source",
        "sources",
        "date",
        "time",
        "link",
        "links",
        "example",
        "summary",
        "tl;dr",
        "tldr",
        "warning",
        "tip",
        "todo",
        "edit",
        "ps",
        "p.s.",
        "nb",
        "attendees",
        "agenda",
        "title",
        "subject",
        "re",
        "fyi",
        "http",
        "https",
        "author",
        "category",
        "tags",
        "status",
    ]
)
# Labels that mark a pause in the recording, not a person: their line is free notes.
_NOT_SPEECH = frozenset(
    [
        "break",
        "jingle",
        "music",
        "intro",
        "outro",
        "sponsor",
        "ad",
        "advert",
        "applause",
        "laughter",
        "silence",
        "crosstalk",
        "pause",
        "inaudible",
    ]
)
# "[04:05]" (or "\\[04:05\\]", escaped) opening a line: when it was said.
_TIME_PREFIX = re.compile(rf"^\\?\[({TIMESTAMP})\\?\]\s*")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")


def speaker_label(line: str) -> tuple[str, str] | None:
    """``(speaker, text)`` when the line opens a turn; None otherwise.

    A plain ``Name:`` needs a capital first letter and at most five words; names that
    are note headings ("Push", "Jobs", "First thought") or common prefixes ("Note",
    "Update") are not speakers.
    """
    if ":" not in line:
        return None
    match = _LABEL.match(line)
    if match is None:
        return None
    name = (match.group("bold") or match.group("under") or match.group("plain") or "").strip()
    text = match.group("text")
    if not name or not name[0].isupper():
        return None
    if match.group("plain") is not None and not text and not name.isupper():
        return None  # "Name:" alone on a line is a heading unless in capitals
    return (name, text) if _names_a_person(name) else None


# A transcript labels a few speakers hundreds of times: each name is judged once. The
# bundled vocabulary never changes within a process, so the answer cannot go stale.
@functools.lru_cache(maxsize=4096)
def _names_a_person(name: str) -> bool:
    """False for a note heading ("Push"), a timeline label or a common prefix ("Note")."""
    if name.casefold() in _NOT_SPEAKERS or classify_heading(name)[0] != Section.OTHER:
        return False
    return stage_for_label(name) is None


def clean_markdown(text: str) -> str:
    """Inline Markdown to plain words: links to their text, escapes, bold and italics."""
    if "[" in text:
        text = _LINK.sub(r"\1", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    if "**" in text or "__" in text:
        text = text.replace("**", "").replace("__", "")
    return text.strip()


def parse_dialogue(lines: list[str], path: str, first: int = 0) -> Parsed:
    """Cues of a dialogue from ``lines[first:]``, one per line so statements keep lines."""
    cues: list[Cue] = []
    notes: list[str] = []
    speaker: str | None = None
    for number in range(first, len(lines)):
        raw = lines[number]
        stripped = raw.strip()
        if not stripped:
            continue
        if stripped[0] == "#" and stripped.lstrip("#")[:1] in (" ", ""):
            notes.append(stripped)
            speaker = None  # a new section: what follows needs a label
            continue
        label = speaker_label(stripped)
        if label is not None and label[0].casefold() in _NOT_SPEECH:
            notes.append(clean_markdown(stripped))
            speaker = None
            continue
        if label is not None:
            speaker, stripped = label
            if not stripped:
                continue
        start = None
        if stripped[0] in "[\\":
            stamp = _TIME_PREFIX.match(stripped)
            if stamp is not None:
                start, stripped = seconds(stamp.group(1)), stripped[stamp.end() :]
        text = clean_markdown(stripped)
        if not text:
            continue
        if speaker is None:
            notes.append(text)
        else:
            cues.append(Cue(speaker, start, None, text, number + 1))
    return Parsed(cues, [], "\n".join(notes))
