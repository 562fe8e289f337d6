"""Speaker prefixes inside caption text: ``Sam Rivera: text``, ``[SPEAKER_00]: text``.

Zoom, Descript and diarised Whisper put the speaker in front of the caption text. A
caption can also begin "Note: ..." by chance, so prefixes count as speakers only when the
file uses them consistently (see :func:`label_prefixed`).
"""

from __future__ import annotations

import re
from collections import Counter

from jtbd.readers.transcripts.cues import Cue

# A name of one to five words that starts with a capital (or a bracketed label), then a
# colon and the text. "- " in front is how some exports mark a change of speaker.
# Matched against the text before the colon only (short), not the whole caption.
_NAME = re.compile(
    r"(?:-\s*)?(?:\[(?P<bracket>[^\]]{1,40})\]|(?P<name>[^\W\d_][\w.'\u2019&-]*"
    r"(?: [\w.'\u2019&-]+){0,4}))\s*"
)
# Share of cues that must carry a prefix for prefixes to be read as speakers.
_CONSISTENT = 0.3
_MOSTLY = 0.5


def _name_in(head: str) -> str | None:
    """The speaker ``head`` (the text before a caption's colon) names, or None."""
    match = _NAME.fullmatch(head)
    if match is None:
        return None
    bracket, name = match.group("bracket", "name")
    if bracket is None and not name[0].isupper():
        return None
    return (bracket or name).strip()


def split_prefix(text: str, names: dict[str, str | None] | None = None) -> tuple[str | None, str]:
    """The speaker named in front of ``text``, and the rest (None and ``text`` if none).

    ``names`` caches what each text before a colon names: a file repeats a few speakers
    a thousand times, and the cache spares the regex for all but the first.
    """
    colon = text.find(":", 1, 48)  # every caption asks: the regex only when it can match
    if colon < 0 or text[colon + 1 : colon + 2] not in (" ", "\t"):
        return None, text
    head = text[:colon]
    if names is None:
        name = _name_in(head)
    elif head in names:
        name = names[head]
    else:
        name = names[head] = _name_in(head)
    if name is None:
        return None, text
    rest = text[colon + 2 :].strip()
    if not rest:
        return None, text
    return name, rest


def label_prefixed(cues: list[Cue]) -> list[Cue]:
    """Cues with their ``Name:`` prefixes read as speakers, when the file uses them.

    Prefixes count when at least 30% of the cues without a speaker start with one, and
    then only names that occur twice, unless half the cues or more have a prefix;
    otherwise the text is left whole, so a caption that happens to begin "Update: ..."
    is not a speaker.
    """
    heads: dict[str, str | None] = {}
    found = [
        split_prefix(cue.text, heads) if cue.speaker is None else (None, cue.text) for cue in cues
    ]
    counts = Counter(name for name, _ in found if name is not None)
    unlabelled = sum(1 for cue in cues if cue.speaker is None)
    prefixed = sum(counts.values())
    if not counts or prefixed < _CONSISTENT * unlabelled:
        return cues
    everyone = prefixed >= _MOSTLY * unlabelled
    names = {name for name, count in counts.items() if count >= 2 or everyone}
    if not names:
        return cues
    labelled: list[Cue] = []
    for cue, (name, rest) in zip(cues, found, strict=True):
        if name is not None and name in names:
            cue = Cue(name, cue.start, cue.end, rest, cue.line)  # _replace costs 3x this
        labelled.append(cue)
    return labelled
