"""Checking the review files of a run against the interviews they review.

A review file is the researcher's own text: a line added or edited by hand may cite a
line the reviewed transcript or note does not have. Ingest says so at once, naming the
review file's line; reports apply the rule itself (:mod:`jtbd.synthesis.suggestions`),
also when the interview is ingested after its review.
"""

from __future__ import annotations

from collections.abc import Iterable

from jtbd.models import Interview
from jtbd.readers import Problem
from jtbd.readers.review import REVIEW_KEY, UNCITED, citation_problem, review_round, ticked_lines
from jtbd.readers.text import decode_text
from jtbd.store import NoteRecord, Workspace


def review_citation_warnings(
    top: str, records: Iterable[NoteRecord], workspace: Workspace
) -> list[Problem]:
    """Ticked lines of this run's review files that cite no line of the reviewed interview.

    Call it once the run's notes are written, so a review and its interview ingested
    together are checked; a review of an interview not (yet) ingested is not checked.
    """
    problems: list[Problem] = []
    for record in records:
        if review_round(record.interview_id) is None:
            continue  # the usual note: no JSON parsed
        review = Interview.model_validate_json(record.interview_json)
        target_id = review.attributes.get(REVIEW_KEY)
        target = workspace.interview(str(target_id)) if target_id is not None else None
        if target is None or not review.forces:
            continue
        path = top + record.source
        try:
            with open(path, "rb") as file:
                text, _ = decode_text(file.read(), path)
        except OSError:
            continue  # gone since it was read: the next run reads it again
        for ticked in ticked_lines(text):
            problem = citation_problem(ticked.source, ticked.line, target)
            if problem is not None:
                problems.append(Problem(path, f"{problem}: {UNCITED}", ticked.number))
    return problems
