"""Review files: one interview's suggestions as a Markdown checklist (``review.md.j2``).

The renderer is pure: data in, text out. ``jtbd.readers.review`` reads the lines back,
so the line format here and the pattern there change together.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from jtbd.readers.review import listing_entry
from jtbd.store.suggestions import StoredSuggestion
from jtbd.synthesis.quotes import clock

if TYPE_CHECKING:
    import jinja2

TEMPLATE = "review.md.j2"


def citation(source: str, line: int | None, start: float | None) -> str:
    """``t01.vtt:12 @ 00:00:07`` (as reports cite quotes); no ``@`` part without a time.

    The line is always written: the review reader needs it to find the statement.
    """
    where = f"{source}:{line if line is not None else 0}"
    return where if start is None else f"{where} @ {clock(start)}"


def review_context(
    interview_id: str, suggestions: Sequence[StoredSuggestion], round_: int = 1
) -> dict[str, Any]:
    """What the template gets: the id, the review's round, one item per suggestion with a
    force, and the ``jtbd_listed`` entries that tell a deleted line from a later one."""
    items: list[dict[str, str]] = []
    listed: list[str] = []
    for suggestion in suggestions:
        if suggestion.kind is None:
            continue
        items.append(
            {
                "kind": suggestion.kind.value,
                "confidence": f"{suggestion.confidence:.2f}",
                "text": " ".join(suggestion.text.split()),
                "citation": citation(suggestion.source, suggestion.line, suggestion.start),
            }
        )
        listed.append(listing_entry(suggestion.source, suggestion.line, suggestion.text))
    return {"interview_id": interview_id, "round": round_, "items": items, "listed": listed}


def render_review(
    interview_id: str,
    suggestions: Sequence[StoredSuggestion],
    env: jinja2.Environment | None = None,
    round_: int = 1,
) -> str:
    """The review file of one interview; ``env`` defaults to the bundled templates'.

    Pass one environment for many files: building it costs more than rendering. A
    ``round_`` above 1 marks a later review of an interview already reviewed.
    """
    from jtbd.rendering.templates import environment, render

    context = review_context(interview_id, suggestions, round_)
    return render(env if env is not None else environment(), TEMPLATE, context)


def review_file_name(interview_id: str, round_: int = 1) -> str:
    """``<id>.review.md`` (``<id>.review2.md`` for round 2), with characters a file name
    cannot hold replaced by ``_``: each round has its own file, so a later round never
    asks the researcher to delete the file that holds an earlier round's decisions."""
    safe = "".join(c if c.isalnum() or c in "-_.@+ " else "_" for c in interview_id)
    safe = safe.strip(". ") or "_"
    if safe != interview_id:
        # "a/b" and "a_b" would share a file: a changed id carries a hash of the real one
        safe += "-" + hashlib.sha256(interview_id.encode("utf-8")).hexdigest()[:6]
    suffix = "" if round_ == 1 else str(round_)
    return f"{safe}.review{suffix}.md"
