"""The walk the plain-text shapes share: header lines that name a speaker or a time, then text.

Otter, Rev, Meet and Zoom chat texts differ only in what a header line looks like, so
each gives a :data:`Header` matcher and :func:`walk` does the rest: every other
non-blank line is a cue of the speaker above, or free notes before the first speaker.
"""

from __future__ import annotations

from collections.abc import Callable

from jtbd.readers.transcripts.cues import Cue, Parsed

Header = Callable[[str, str], "tuple[str | None, float | None, str] | None"]
"""``header(raw, stripped)``: None for a line that is no header, else ``(speaker, start,
text)``: the speaker and start it sets (None keeps the one above) and the text on the
header line itself ("" when there is none)."""


def walk(lines: list[str], header: Header, is_note: Callable[[str], bool] | None = None) -> Parsed:
    """Cues from ``lines``, one per text line, each with the speaker and start above it.

    ``is_note`` marks text lines kept as free notes even under a speaker (a footer).
    """
    cues: list[Cue] = []
    notes: list[str] = []
    speaker: str | None = None
    start: float | None = None
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        if not text:
            continue
        found = header(raw, text)
        if found is not None:
            name, stamp, text = found
            if name is not None:
                speaker = name
            if stamp is not None:
                start = stamp
            if not text:
                continue
        if speaker is None or (is_note is not None and is_note(text)):
            notes.append(text)
        else:
            cues.append(Cue(speaker, start, None, text, number))
    return Parsed(cues, [], "\n".join(notes))
