"""``jtbd suggest`` without FILE: suggest for the workspace's uncoded statements.

Imported only when the command runs (it pulls in the store and the suggester).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import typer

from jtbd.cli.common import make_folder
from jtbd.errors import JtbdError
from jtbd.models import ForceKind, Interview
from jtbd.store import ReadOnlyWorkspaceError, Workspace
from jtbd.store.suggestions import (
    StoredSuggestion,
    read_suggestions,
    replace_suggestions,
    stored_inputs,
    suggestion_counts,
)


def suggest_in_workspace(folder: Path, review: Path | None) -> None:
    """Suggest, store the suggestions (replacing the last run's), print a summary."""
    from jtbd.synthesis.embedding_cache import Embedder
    from jtbd.synthesis.suggest import ForceSuggester
    from jtbd.synthesis.suggestions import study_inputs, suggest_workspace

    try:
        store = Workspace(folder, writable=True)
    except ReadOnlyWorkspaceError:
        raise ReadOnlyWorkspaceError(
            f"workspace {folder} is read-only: `jtbd suggest` stores its suggestions there "
            "and needs write access (`jtbd suggest FILE` works on files without one)"
        ) from None
    with store:
        # One read snapshot, so the inputs digest names exactly the notes read even if
        # an ingest commits meanwhile; the write lock is not held while the model runs.
        store.connection.execute("BEGIN")
        try:
            inputs = study_inputs(store)
            unchanged = stored_inputs(store) == inputs
            if not unchanged:
                previous = read_suggestions(store)
                interviews = store.interviews()
        finally:
            store.connection.execute("COMMIT")
        if not unchanged:
            # Vectors are kept beside the workspace (as for the report): statements
            # embedded before, by a report or an earlier run, are read, not computed.
            with Embedder(folder) as embedder:
                suggester = ForceSuggester(embed=embedder.embed)
                rows = suggest_workspace(interviews, suggester, previous)
            replace_suggestions(store, rows, inputs)
        # else nothing changed since the last run: its table stands as it is
        counts, interviews_count = suggestion_counts(store)
        forces = read_suggestions(store, forces_only=True) if review is not None else []
        reviewed = _ingested_reviews(store) if review is not None else {}
    _print_summary(counts, interviews_count)
    if review is not None:
        write_reviews(review, forces, reviewed)


def _ingested_reviews(store: Workspace) -> dict[str, list[Interview]]:
    """The review records in the workspace, by the id of the interview they review."""
    from jtbd.readers.review import REVIEW_SUFFIX
    from jtbd.synthesis.suggestions import split_reviews

    # Only the rows that can be review records: a large study's interviews are not loaded.
    return split_reviews(store.interviews(id_like=f"%{REVIEW_SUFFIX}%"))[1]


def _print_summary(counts: dict[str, int], interviews: int) -> None:
    typer.echo(f"statements looked at: {sum(counts.values())} (in {interviews} interviews)")
    for kind in [*(kind.value for kind in ForceKind), "none"]:
        typer.echo(f"  {kind}: {counts.get(kind, 0)}")
    typer.echo(
        "Suggestions are a first pass, not coding: reports mark them as suggested until "
        "you review them (jtbd suggest --review DIR); `jtbd report --coded-only` leaves them out."
    )


def write_reviews(
    folder: Path, rows: list[StoredSuggestion], reviewed: dict[str, list[Interview]]
) -> None:
    """One review file per interview with an undecided suggested force; existing files are
    kept. Lines an ingested review (``reviewed``) already decided are not listed again, and
    a folder that already holds an interview's earlier rounds gets a new round only when
    there is something new (a suggestion none of them listed)."""
    from jtbd.rendering.review import render_review, review_file_name
    from jtbd.rendering.templates import environment
    from jtbd.synthesis.suggestions import next_round, undecided

    by_interview: dict[str, list[StoredSuggestion]] = defaultdict(list)
    for row in rows:
        if row.kind is not None:
            by_interview[row.interview_id].append(row)
    _make_folder(folder)
    written = kept = decided = unchanged = 0
    env = environment()
    for interview_id, suggestions in sorted(by_interview.items()):
        reviews = reviewed.get(interview_id, [])
        left, new = undecided(reviews, suggestions)
        decided += len(suggestions) - len(left)
        round_ = next_round(reviews)
        if not left:
            continue  # every suggestion was decided in an ingested review
        earlier = any(
            (folder / review_file_name(interview_id, r)).exists() for r in range(1, round_)
        )
        if earlier and not new:
            unchanged += 1  # its rounds here already list all that is left
            continue
        path = folder / review_file_name(interview_id, round_)
        if _write_new(path, render_review(interview_id, left, env, round_)):
            written += 1
        else:
            kept += 1
    already = f"; {decided} lines already decided in ingested reviews left out" if decided else ""
    if unchanged:
        already += f"; {unchanged} interviews with nothing new since their last round there"
    typer.echo(f"review files: {written} written, {kept} kept in {folder}{already}", err=True)


def _make_folder(folder: Path) -> None:
    try:
        make_folder(folder)
    except OSError as error:
        raise JtbdError(f"cannot create {folder}: {error.strerror}") from None


def _write_new(path: Path, text: str) -> bool:
    """Write a review file that does not exist yet; False (said on stderr) if it does."""
    try:
        # "x": never overwrite, even if the file appeared since we looked.
        with path.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except FileExistsError:
        typer.echo(
            f"kept {path} (it may hold your review): ingest it, or delete it to regenerate",
            err=True,
        )
        return False
    except OSError as error:
        raise JtbdError(f"cannot write {path}: {error.strerror}") from None
    return True
