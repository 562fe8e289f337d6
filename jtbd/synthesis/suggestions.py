"""The workspace's suggestion loop: which statements to suggest for, and the merge rules.

``jtbd suggest`` labels every statement no one has coded (:func:`suggest_workspace`);
the researcher reviews them in Markdown review files, which ingest reads as review
records (:mod:`jtbd.readers.review`); :func:`with_suggestions` folds both into the
interviews every report and export sees. The researcher's coding always wins:

- a force coded in a note or transcript beats any suggestion at its place;
- a ticked review line is a coded force (with the kind the researcher left);
- an unticked line stays a suggested force; a line deleted, or set to ``none``, is
  rejected; an interview with no review keeps all its suggestions, marked as such;
- a suggestion made after a review was written (the file's ``jtbd_listed`` does not
  name it) is still undecided: that review never showed it to anyone.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from jtbd.models import Force, Interview, Statement
from jtbd.readers.review import (
    LISTED_KEY,
    REVIEW_KEY,
    UNCITED,
    citation_problem,
    listing_entry,
    review_round,
)
from jtbd.store.suggestions import StoredSuggestion

if TYPE_CHECKING:
    from jtbd.store import Workspace
    from jtbd.synthesis.suggest import ForceSuggester

Place = tuple[str, int | None]
Key = tuple[str, int | None, str]


def review_target(interview: Interview) -> str | None:
    """The id of the interview a review record reviews; None for an ordinary interview."""
    target = interview.attributes.get(REVIEW_KEY)
    return str(target) if target is not None and review_round(interview.id) else None


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _key(source: str, line: int | None, text: str) -> Key:
    return (source, line, _norm(text))


class _Coded:
    """Where an interview's own (note or transcript) coding is: places and texts."""

    def __init__(self, forces: Iterable[Force]) -> None:
        coded = [force for force in forces if force.origin == "coded"]
        self.places = {(force.source, force.line) for force in coded if force.line is not None}
        self.texts = {_norm(force.text) for force in coded}

    def covers(self, source: str, line: int | None, text: str) -> bool:
        return (line is not None and (source, line) in self.places) or _norm(text) in self.texts


def candidate_statements(interview: Interview) -> list[Statement]:
    """The interview's statements no one coded yet, in order (each text once)."""
    coded = _Coded(interview.forces)
    seen: set[Key] = set()
    candidates = []
    for statement in interview.statements:
        key = _key(statement.source, statement.line, statement.text)
        if statement.text.strip() and key not in seen:
            seen.add(key)
            if not coded.covers(statement.source, statement.line, statement.text):
                candidates.append(statement)
    return candidates


def model_fingerprint(suggester: ForceSuggester) -> str:
    """12 hex digits naming the suggester's trained weights (stored with each suggestion)."""
    weights = suggester.weights
    digest = hashlib.sha256(weights.fingerprint.encode())
    digest.update(weights.coef.tobytes())
    digest.update(weights.intercept.tobytes())
    digest.update(repr(weights.temperature).encode())
    return digest.hexdigest()[:12]


def study_inputs(workspace: Workspace) -> str:
    """What a workspace run's suggestions depend on: every note, the weights, this jtbd.

    Read without loading numpy or a single interview, so an unchanged study's re-run
    can keep its table in a fraction of a second.
    """
    from jtbd import __version__
    from jtbd.store.suggestions import notes_digest
    from jtbd.synthesis.suggest import default_weights_path

    try:
        weights = hashlib.sha256(default_weights_path().read_bytes()).hexdigest()
    except OSError:
        weights = "unreadable"  # loading them will say so
    return f"{__version__}:{weights[:16]}:{notes_digest(workspace)}"


def suggest_workspace(
    interviews: Sequence[Interview],
    suggester: ForceSuggester,
    previous: Sequence[StoredSuggestion] = (),
) -> list[StoredSuggestion]:
    """A suggestion for every uncoded statement of every interview that may be analysed.

    Interviews with ``consent: false`` and review records are skipped. The order follows
    the interviews' (by id) and their statements', so the same workspace gives the same
    rows. ``previous`` (the last run's table) is reused for texts the same model already
    labelled: the model reads a statement alone, so its answer cannot have changed, and a
    re-run of an unchanged study computes nothing.
    """
    todo: list[tuple[str, Statement]] = []
    for interview in sorted(interviews, key=lambda item: (item.id, item.source)):
        if interview.consent is False or review_target(interview) is not None:
            continue
        todo.extend((interview.id, statement) for statement in candidate_statements(interview))
    if not todo:
        return []
    model = model_fingerprint(suggester)
    known = {row.text: (row.kind, row.confidence) for row in previous if row.model == model}
    new = sorted({statement.text for _, statement in todo} - known.keys())
    for text, answer in zip(new, suggester.suggest(new), strict=True):
        known[text] = (answer.kind, answer.confidence)
    return [
        StoredSuggestion(
            interview_id=interview_id,
            source=statement.source,
            line=statement.line,
            start=statement.start,
            text=statement.text,
            kind=known[statement.text][0],
            confidence=known[statement.text][1],
            model=model,
        )
        for interview_id, statement in todo
    ]


def with_suggestions(
    interviews: Sequence[Interview],
    suggestions: Sequence[StoredSuggestion],
    warnings: list[str] | None = None,
) -> list[Interview]:
    """The interviews with review records folded in and stored suggestions as forces.

    Review records leave the list; one for an interview not in the list adds a line
    to ``warnings``. See the module docstring for the rules.
    """
    plain, reviews = split_reviews(interviews)
    known = {interview.id for interview in plain}
    for target, records in sorted(reviews.items()):
        if target not in known and warnings is not None:
            warnings.extend(
                f"{record.source}: reviews interview {target!r}, which is not among the "
                "interviews: its lines are ignored"
                for record in records
            )
    by_interview = _by_interview(suggestions)
    merged = []
    for interview in plain:
        mine = reviews.get(interview.id, [])
        suggested = by_interview.get(interview.id, [])
        if not mine and not suggested:
            merged.append(interview)
            continue
        forces = _merged_forces(interview, mine, suggested, warnings)
        merged.append(interview.model_copy(update={"forces": forces}))
    return merged


def split_reviews(
    interviews: Sequence[Interview],
) -> tuple[list[Interview], dict[str, list[Interview]]]:
    """Ordinary interviews, and the review records of each reviewed id (in round order)."""
    reviews: dict[str, list[Interview]] = defaultdict(list)
    plain: list[Interview] = []
    for interview in interviews:
        target = review_target(interview)
        if target is None:
            plain.append(interview)
        else:
            reviews[target].append(interview)
    for records in reviews.values():
        records.sort(key=lambda record: (review_round(record.id) or 1, record.source))
    return plain, dict(reviews)


def _by_interview(suggestions: Iterable[StoredSuggestion]) -> dict[str, list[StoredSuggestion]]:
    by_interview: dict[str, list[StoredSuggestion]] = defaultdict(list)
    for suggestion in suggestions:
        by_interview[suggestion.interview_id].append(suggestion)
    return by_interview


def undecided(
    reviews: Sequence[Interview], suggestions: Sequence[StoredSuggestion]
) -> tuple[list[StoredSuggestion], list[StoredSuggestion]]:
    """The suggestions no ingested review decided (with no review, all of them; ticked,
    retagged, ``none`` or deleted is decided), and those of them no review ever listed:
    new since the last review round."""
    matches = [_ReviewMatch(review, suggestions) for review in reviews]
    left = _undecided(matches, suggestions)
    return left, [s for s in left if not any(match.lists(s) for match in matches)]


def _undecided(
    matches: Sequence[_ReviewMatch], suggestions: Sequence[StoredSuggestion]
) -> list[StoredSuggestion]:
    return [s for s in suggestions if all(match.leaves_undecided(s) for match in matches)]


def next_round(reviews: Sequence[Interview]) -> int:
    """The round number of an interview's next review file (1 when it has none)."""
    return max((review_round(review.id) or 1 for review in reviews), default=0) + 1


def _merged_forces(
    interview: Interview,
    reviews: list[Interview],
    suggestions: list[StoredSuggestion],
    warnings: list[str] | None,
) -> list[Force]:
    coded = _Coded(interview.forces)
    forces = list(interview.forces)
    # A suggestion whose statement is no longer in the interview (the transcript changed
    # since `jtbd suggest` ran) is stale: left out rather than quoting words now gone.
    present = {_key(s.source, s.line, s.text) for s in interview.statements}
    suggestions = [s for s in suggestions if _key(s.source, s.line, s.text) in present]
    added: set[Key] = set()
    matches = [_ReviewMatch(review, suggestions) for review in reviews]
    for review, match in zip(reviews, matches, strict=True):
        for ticked in review.forces:
            key = _key(ticked.source, ticked.line, ticked.text)
            if key in added or coded.covers(ticked.source, ticked.line, ticked.text):
                continue
            added.add(key)
            problem = citation_problem(ticked.source, ticked.line, interview)
            if problem is not None:
                forces.append(_uncited(ticked, interview))
                if warnings is not None:
                    warnings.append(f"{review.source}: {problem}: {UNCITED}")
                continue
            start = match.start_of(ticked)
            forces.append(ticked if start is None else ticked.model_copy(update={"start": start}))
    # Ticked (coded above), deleted, or set to none in any review: the researcher decided.
    for suggestion in _undecided(matches, suggestions):
        if suggestion.kind is None or coded.covers(
            suggestion.source, suggestion.line, suggestion.text
        ):
            continue
        forces.append(
            Force(
                kind=suggestion.kind,
                text=suggestion.text,
                quote=bool(interview.turns),  # a transcript's words are verbatim; a note's not
                source=suggestion.source,
                line=suggestion.line,
                start=suggestion.start,
                origin="suggested",
                confidence=suggestion.confidence,
            )
        )
    return forces


def _uncited(force: Force, interview: Interview) -> Force:
    """A ticked line whose citation names no line of the interview: still the researcher's
    coding, but citing the interview's file without a line, and not shown as a verbatim
    quote (no one can check that it was said)."""
    update = {"source": interview.source, "line": None, "start": None, "quote": False}
    return force.model_copy(update=update)


class _ReviewMatch:
    """Matches a review's lines to stored suggestions: by citation and quote, or by
    citation alone when the researcher edited the quote and the place is unambiguous."""

    def __init__(self, review: Interview | None, suggestions: Sequence[StoredSuggestion]) -> None:
        self.listed: set[Key] = set()
        self.ticked: set[Key] = set()
        self.listed_places: dict[Place, int] = defaultdict(int)
        self.ticked_places: dict[Place, int] = defaultdict(int)
        if review is not None:
            for statement in review.statements:
                self.listed.add(_key(statement.source, statement.line, statement.text))
                self.listed_places[(statement.source, statement.line)] += 1
            for force in review.forces:
                self.ticked.add(_key(force.source, force.line, force.text))
                self.ticked_places[(force.source, force.line)] += 1
        # None for a file written before reviews recorded what they listed.
        written = review.attributes.get(LISTED_KEY) if review is not None else None
        self.written = {str(entry) for entry in written} if isinstance(written, list) else None
        self.places: dict[Place, list[StoredSuggestion]] = defaultdict(list)
        for suggestion in suggestions:
            self.places[(suggestion.source, suggestion.line)].append(suggestion)

    def _unique(self, place: Place) -> bool:
        return len(self.places.get(place, [])) == 1 and self.listed_places.get(place) == 1

    def lists(self, suggestion: StoredSuggestion) -> bool:
        """True when the review lists the suggestion now, or did when it was written."""
        key = _key(suggestion.source, suggestion.line, suggestion.text)
        if key in self.listed or self._unique((suggestion.source, suggestion.line)):
            return True
        return self._was_written(suggestion)

    def leaves_undecided(self, suggestion: StoredSuggestion) -> bool:
        """True when the review lists the suggestion unticked, or never listed it (it was
        made after the file was written); False when ticked, retagged, none or deleted."""
        key = _key(suggestion.source, suggestion.line, suggestion.text)
        place = (suggestion.source, suggestion.line)
        if key in self.listed:
            return key not in self.ticked
        if self._unique(place):  # its quote was edited
            return self.ticked_places.get(place, 0) == 0
        # Gone from the file: deleted if the file listed it, else made since.
        return self.written is not None and not self._was_written(suggestion)

    def _was_written(self, suggestion: StoredSuggestion) -> bool:
        entry = listing_entry(suggestion.source, suggestion.line, suggestion.text)
        return self.written is not None and entry in self.written

    def start_of(self, force: Force) -> float | None:
        """The exact time of a ticked line's statement (the review shows whole seconds)."""
        place = (force.source, force.line)
        for suggestion in self.places.get(place, []):
            if _norm(suggestion.text) == _norm(force.text) or self._unique(place):
                return suggestion.start
        return None


def workspace_interviews(
    workspace: Workspace, warnings: list[str] | None = None
) -> list[Interview]:
    """The workspace's interviews as reports and exports see them (:func:`with_suggestions`)."""
    from jtbd.store.suggestions import read_suggestions

    suggestions = read_suggestions(workspace, forces_only=True)
    return with_suggestions(workspace.interviews(), suggestions, warnings)
