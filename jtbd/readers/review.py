"""Review files: the researcher's verdict on ``jtbd suggest``'s suggestions for one interview.

A Markdown file whose frontmatter has ``jtbd_review: <interview id>`` holds a checklist,
one line per suggestion, as ``jtbd suggest --review`` writes it::

    - [x] push 0.82 "Every Friday I retype the receipts." — t01.vtt:12 @ 00:00:07

It becomes a review record: an interview ``<id>#review`` whose forces are the ticked
lines (the researcher's coding, citing the transcript, not the review file) and whose
statements are every line still listed, ticked or not. Lines set to ``none`` are left
out of both, so they read as rejected. The merge is in :mod:`jtbd.synthesis.suggestions`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from jtbd.errors import NoteError
from jtbd.models import ForceKind, Interview
from jtbd.readers.base import (
    FORCE_TEMPLATE,
    STATEMENT_TEMPLATE,
    NoteResult,
    Problem,
    interview_data,
)
from jtbd.readers.text import split_frontmatter, split_lines

REVIEW_KEY = "jtbd_review"
REVIEW_SUFFIX = "#review"
# A later review of the same interview (`jtbd suggest --review` again, after an earlier
# review was ingested) lists only what is still undecided, under its own round number,
# so both files can be ingested: ``<id>#review`` is round 1, ``<id>#review2`` round 2.
ROUND_KEY = "jtbd_review_round"
# What the file listed when jtbd wrote it (:func:`listing_entry` per line), so that a line
# the researcher deleted reads as rejected while a suggestion made later (a transcript
# grew, a note lost its coding) reads as new, not as deleted. Files without it are from
# before: there, whatever a file does not list counts as deleted.
LISTED_KEY = "jtbd_listed"
# What becomes of a ticked line whose citation names no line of the interview.
UNCITED = "kept as your coding, without a line (not shown as a quote)"
_REVIEW_ID = re.compile(r"#review(?P<round>[2-9]|[1-9]\d+)?$")

_CHECKBOX = re.compile(r"^\s*[-*+]\s+\[(?P<mark>[ xX]?)\]")
_LINE = re.compile(
    r"^\s*[-*+]\s+\[(?P<mark>[ xX]?)\]\s+(?P<kind>[A-Za-z]+)"
    r"(?:\s+(?P<confidence>\d(?:\.\d+)?))?"
    r'\s+"(?P<text>.*)"\s+[—–-]{1,2}\s+'
    r"(?P<source>.+?):(?P<line>\d+)"
    r"(?:\s+@\s+(?P<time>\d+:\d{2}:\d{2}(?:\.\d+)?))?\s*$"
)
# "habit" is what many researchers call inertia; "none" rejects the suggestion.
_KINDS = {kind.value: kind for kind in ForceKind} | {"habit": ForceKind.INERTIA}
_NONE = "none"


def looks_like_review(text: str) -> bool:
    """A cheap test before parsing: frontmatter that names ``jtbd_review``."""
    if not text.startswith("---"):
        return False
    head = text[:4000]
    return f"\n{REVIEW_KEY}:" in head


def review_round(interview_id: str) -> int | None:
    """The round of a review record's id (1 for ``t01#review``); None for other ids."""
    found = _REVIEW_ID.search(interview_id)
    if found is None:
        return None
    return int(found.group("round") or 1)


def review_id(target: str, round_: int = 1) -> str:
    """The id of a review record: ``t01#review``, ``t01#review2`` for round 2."""
    return target + REVIEW_SUFFIX + (str(round_) if round_ > 1 else "")


def _round_of(value: Any, path: str) -> int:
    if value is None:
        return 1
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise NoteError(path, f"{ROUND_KEY}: must be a whole number from 1 (the review's round)")
    return value


def listing_entry(source: str, line: int | None, text: str) -> str:
    """How a review file's ``jtbd_listed`` records one suggestion: ``FILE:LINE`` and a
    short hash of its words, so that other words at the same place read as new."""
    words = " ".join(text.split()).casefold()
    digest = hashlib.sha1(words.encode("utf-8")).hexdigest()[:8]
    return f"{source}:{line or 0} {digest}"


def _listed_of(value: Any, path: str) -> list[str] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(entry, str) for entry in value):
        raise NoteError(
            path, f"{LISTED_KEY}: must stay the list jtbd wrote (delete the key to drop it)"
        )
    return value


def parse_time(text: str) -> float:
    """``HH:MM:SS`` (optionally with decimals) as seconds."""
    hours, minutes, seconds = text.split(":")
    return int(hours) * 3600 + int(minutes) * 60 + float(seconds)


def read_review(text: str, path: str, source: str) -> NoteResult | None:
    """Read a review file; None when its frontmatter has no ``jtbd_review`` after all."""
    lines = split_lines(text)
    frontmatter = split_frontmatter(lines, path)
    target = frontmatter.data.get(REVIEW_KEY)
    if target is None:
        return None
    if not isinstance(target, (str, int)) or not str(target).strip():
        raise NoteError(path, f"{REVIEW_KEY}: must name the interview id it reviews", 2)
    target = str(target).strip()
    round_ = _round_of(frontmatter.data.get(ROUND_KEY), path)
    listed = _listed_of(frontmatter.data.get(LISTED_KEY), path)
    forces: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    warnings: list[Problem] = []
    for number, item in _items(lines, frontmatter.body_start):
        kind_word = item.group("kind").lower() if item else ""
        if item is None or (kind_word not in _KINDS and kind_word != _NONE):
            warnings.append(
                Problem(
                    path,
                    "cannot read this review line: write "
                    '- [x] KIND 0.80 "quote" — FILE:LINE @ HH:MM:SS (KIND: push, pull, '
                    "anxiety, inertia or none); it is ignored",
                    number,
                )
            )
            continue
        if kind_word == _NONE:
            continue  # rejected: neither coded nor still suggested
        where = _where(item)
        statements.append(STATEMENT_TEMPLATE | where)
        if item.group("mark").strip():
            force = FORCE_TEMPLATE | where | {"kind": _KINDS[kind_word].value, "quote": True}
            force["tags"], force["detail"] = [], []
            forces.append(force)
    attributes: dict[str, Any] = {REVIEW_KEY: target}
    if listed is not None:
        attributes[LISTED_KEY] = listed
    fields = {"id": review_id(target, round_), "attributes": attributes}
    data = interview_data(fields, source, forces, [], [], "")
    data["statements"] = statements
    return NoteResult(data, warnings)


def _items(lines: list[str], start: int) -> Iterator[tuple[int, re.Match[str] | None]]:
    """Each checklist line of the body: its 1-based number and its parts (None: unreadable)."""
    for number in range(start, len(lines)):
        raw = lines[number]
        if _CHECKBOX.match(raw):
            yield number + 1, _LINE.match(raw)


def _where(item: re.Match[str]) -> dict[str, Any]:
    return {
        "text": item.group("text").strip(),
        "source": item.group("source").strip(),
        "line": int(item.group("line")),
        "start": parse_time(item.group("time")) if item.group("time") else None,
    }


class TickedLine(NamedTuple):
    """A ticked line of a review file: where it is in the file, and what it cites."""

    number: int
    source: str
    line: int
    text: str


def ticked_lines(text: str) -> list[TickedLine]:
    """The ticked lines of a review file's text with a force kind, as ingest reads them."""
    lines = split_lines(text)
    ticked = []
    for number, item in _items(lines, 0):
        if item is None or not item.group("mark").strip():
            continue
        if item.group("kind").lower() in _KINDS:
            where = _where(item)
            ticked.append(TickedLine(number, where["source"], where["line"], where["text"]))
    return ticked


def citation_problem(source: str, line: int | None, target: Interview) -> str | None:
    """Why a review line's citation names no line of the interview it reviews; None if fine.

    A review file is the researcher's own text, so a line added or edited by hand may
    cite a file the interview does not come from, or a line past the end of its text
    (the last line jtbd read anything at). Line 0 is how a review writes "no line".
    """
    if not line:
        return None
    files = {target.source}
    for items in _placed(target):
        files.update(item.source for item in items)
    if source not in files:
        return f"cites {source}:{line}, which is not a file of interview {target.id!r}"
    last = max((_last_line(items, source) for items in _placed(target)), default=0)
    if line > last:
        ends = f"its text ends at line {last}"
        return f"cites {source}:{line}, but {source} has no line {line} ({ends})"
    return None


def _placed(target: Interview) -> tuple[Sequence[Any], ...]:
    return (target.turns, target.statements, target.forces, target.jobs, target.timeline)


def _last_line(items: Sequence[Any], source: str) -> int:
    return max((item.line or 0 for item in items if item.source == source), default=0)
