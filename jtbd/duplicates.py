"""Interview ids are unique: the rule ingest and direct folder reads both keep.

Two notes with the same id are both refused unless one is already stored and unchanged
(copying a note must not make the original vanish).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from jtbd.readers import Problem
from jtbd.store import ForeignNote, NoteRecord, StoredNote


def duplicate_sources(
    top: str,
    records: list[NoteRecord],
    unchanged: list[str],
    stored: dict[str, StoredNote],
    outside: list[ForeignNote],
) -> tuple[set[str], list[Problem]]:
    """Sources of new or changed notes whose interview id another note also uses.

    They are refused, with an error naming both files. A note already in the workspace
    and unchanged keeps its place: copying a note must not make the original vanish.
    ``top`` is the ingested folder as the user wrote it, ending in a separator.
    """
    places: dict[str, list[str]] = defaultdict(list)  # id -> paths as the user sees them
    mine: dict[str, str] = {}  # path as shown -> source, for the new or changed notes
    for record in records:
        shown = top + record.source
        places[record.interview_id].append(shown)
        mine[shown] = record.source
    if not places:
        return set(), []  # nothing new can clash (an unchanged re-ingest ends here)
    for source in unchanged:
        interview_id = stored[source].interview_id
        if interview_id in places:
            places[interview_id].append(top + source)
    for note in outside:
        if note.interview_id in places:
            places[note.interview_id].append(note.path)
    clashing, errors = duplicate_ids(places, mine)
    return {mine[shown] for shown in clashing}, errors


def duplicate_ids(
    places: dict[str, list[str]], checked: Iterable[str]
) -> tuple[set[str], list[Problem]]:
    """Paths (among ``checked``) whose interview id is used by another path, with errors."""
    checked = set(checked)
    clashing: set[str] = set()
    errors: list[Problem] = []
    for interview_id, paths in sorted(places.items()):
        if len(paths) < 2:
            continue
        for path in paths:
            if path in checked:
                clashing.add(path)
                others = ", ".join(other for other in paths if other != path)
                errors.append(
                    Problem(path, f"duplicate interview id {interview_id!r}: also used by {others}")
                )
    return clashing, errors
