"""Grouping statements from different interviews that mean the same thing into themes.

Statements are compared by the cosine similarity of their sentence embeddings after the
study's common direction is taken out (:func:`semantic_center`): in one study everything
is about the same product, and without that step unrelated statements look alike.

1. A user's own ``#tag`` names a theme explicitly and always wins.
2. An untagged statement the researcher coded joins the tag theme whose centroid (the
   mean of its statements' vectors) is closest, when it is at least ``JOIN_THRESHOLD``
   similar. A suggestion nobody has reviewed never joins a tag by meaning (only when it is
   worded exactly like a tagged statement): a tag is the researcher's own theme, and
   unreviewed guesses would swell its count in the diagram.
3. The rest are clustered by meaning (:func:`jtbd.synthesis.clustering.centroid_clusters`
   over the distinct texts, most repeated first): statements saying the same thing in
   other words, or in another language the model knows, end up together.
4. A theme is named by one of its most typical statements, shortened at a phrase or word
   boundary (:func:`jtbd.synthesis.labels.short_label`); a statement no one else made
   stands alone, named by itself.

Everything is ordered explicitly, so the same input always gives the same themes.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jtbd.models import Force, Interview
from jtbd.synthesis.labels import content_words, short_label

if TYPE_CHECKING:
    import numpy as np

# Cosine similarities of centred multilingual USE v3 vectors, tuned on the tuning studies
# of bench/themes/ (see its README and bench/bench_themes.py): start or join a cluster at
# THRESHOLD; a statement left alone joins a cluster, or a tag, at the lower one.
THRESHOLD = 0.24
ATTACH_THRESHOLD = 0.2
JOIN_THRESHOLD = 0.2
# A study of this many distinct texts is centred on its own mean (tuned: any background
# in the mix made the benchmark worse); a smaller one is topped up with the background.
CENTER_FROM = 20
# A mentioned-once theme shows the statement itself, shortened only past this length.
SINGLE_LABEL_CHARS = 80

Embed = Callable[[Sequence[str]], "np.ndarray"]


@dataclass(frozen=True)
class Statement:
    """One thing one interview said: a force, a job, a timeline trigger."""

    text: str
    interview: str
    source: str
    line: int | None = None
    quote: bool = False
    tags: tuple[str, ...] = ()
    origin: str = "coded"
    """``coded`` by the researcher, or ``suggested`` by ``jtbd suggest``."""

    @classmethod
    def of_force(cls, force: Force, interview: Interview) -> Statement:
        """The statement of one force of an interview."""
        return cls(
            force.text,
            interview.id,
            interview.source,
            force.line,
            force.quote,
            tuple(force.tags),
            force.origin,
        )

    def to_dict(self) -> dict[str, Any]:
        """As listed under a theme in the report data: ``{text, interview, source, line,
        origin}``."""
        return {
            "text": self.text,
            "interview": self.interview,
            "source": self.source,
            "line": self.line,
            "origin": self.origin,
        }


def statement_order(statement: Statement) -> tuple[str, str, int, str]:
    """The stable order statements are listed in: interview, file, line, text."""
    return (statement.interview, statement.source, statement.line or 0, statement.text)


@dataclass
class Theme:
    """Statements that say the same thing, with a label and the interviews behind it."""

    label: str
    statements: list[Statement]
    """Every statement of the theme, in :func:`statement_order`."""
    tag: str | None = None
    """The user's #tag that named the theme, or None for an automatic theme."""
    ranked: list[Statement] = field(default_factory=list)
    """The statements, most typical of the theme first (defaults to ``statements``)."""
    interviews: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.interviews = sorted({s.interview for s in self.statements})
        if not self.ranked:
            self.ranked = list(self.statements)

    @property
    def count(self) -> int:
        """How many distinct interviews mention the theme."""
        return len(self.interviews)

    def quotes(self, limit: int = 3) -> list[Statement]:
        """Up to ``limit`` of the most typical statements, from different interviews."""
        chosen: list[Statement] = []
        seen: set[str] = set()
        for statement in self.ranked:
            if statement.interview not in seen:
                chosen.append(statement)
                seen.add(statement.interview)
            if len(chosen) == limit:
                break
        return chosen


Grouper = Callable[[list[Statement]], list[Theme]]
"""Statements -> themes, with the embedding and the study's centre already chosen."""


def semantic_center(texts: Sequence[str], embed: Embed) -> np.ndarray:
    """What the statements of a study have in common: the mean vector of its distinct
    texts; below ``CENTER_FROM`` texts, topped up with a fixed multilingual background, so
    that a handful of statements is not centred on itself."""
    from jtbd.synthesis.background import BACKGROUND

    own = embed(sorted(set(texts)))
    background = embed(BACKGROUND).mean(axis=0)
    weight = max(0, CENTER_FROM - len(own))
    return (own.sum(axis=0) + weight * background) / (len(own) + weight)


def meaning_grouper(texts: Sequence[str], embed: Embed) -> Grouper:
    """A :func:`group_statements` for the statements of one study (``texts``), compared
    around their common direction."""
    return functools.partial(group_statements, embed=embed, center=semantic_center(texts, embed))


def group_statements(
    statements: list[Statement],
    embed: Embed,
    center: np.ndarray | None = None,
    threshold: float = THRESHOLD,
    attach_threshold: float = ATTACH_THRESHOLD,
    join_threshold: float = JOIN_THRESHOLD,
) -> list[Theme]:
    """Group statements into themes by meaning, most-mentioned first (ties by label).

    ``embed`` maps texts to L2-normalised vectors (an :class:`~jtbd.synthesis.
    embedding_cache.Embedder`'s ``embed``, or the shared encoder's ``encode``); ``center``
    is the study's :func:`semantic_center` (by default, that of these statements alone).
    """
    import numpy as np

    ordered = sorted(statements, key=statement_order)
    if not ordered:
        return []
    texts = sorted({s.text for s in ordered})
    if center is None:
        center = semantic_center(texts, embed)
    vectors = embed(texts) - center
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    vectors = vectors.astype(np.float32)
    row_of = {text: row for row, text in enumerate(texts)}
    tag_of = _tag_of_text(ordered)
    groups: dict[str, list[Statement]] = defaultdict(list)
    for statement in ordered:
        if statement.tags:
            groups[statement.tags[0]].append(statement)
    tags = sorted(groups)
    untagged = sorted(
        {s.text for s in ordered if not s.tags and s.origin == "coded" and s.text not in tag_of}
    )
    if tags and untagged:
        tag_of.update(_join_tags(groups, tags, untagged, vectors, row_of, join_threshold))
    free: dict[str, list[Statement]] = defaultdict(list)
    for statement in ordered:
        if not statement.tags and statement.text in tag_of:
            groups[tag_of[statement.text]].append(statement)
        elif not statement.tags:
            free[statement.text].append(statement)
    result = [_tag_theme(tag, groups[tag], vectors, row_of) for tag in tags]
    result += _meaning_themes(free, vectors, row_of, threshold, attach_threshold)
    result.sort(key=lambda theme: (-theme.count, theme.label.lower(), theme.label))
    return result


def _tag_of_text(ordered: list[Statement]) -> dict[str, str]:
    """An untagged statement worded exactly like a tagged one takes that tag."""
    tag_of: dict[str, str] = {}
    for statement in ordered:
        if statement.tags:
            tag_of.setdefault(statement.text, statement.tags[0])
    return tag_of


def _join_tags(
    groups: dict[str, list[Statement]],
    tags: list[str],
    untagged: list[str],
    vectors: np.ndarray,
    row_of: dict[str, int],
    join_threshold: float,
) -> dict[str, str]:
    """The tag each untagged text joins: the closest tag centroid, if close enough."""
    import numpy as np

    centroids = np.stack([_centroid(groups[tag], vectors, row_of) for tag in tags])
    similarities = vectors[[row_of[text] for text in untagged]] @ centroids.T
    best = np.argmax(similarities, axis=1)
    return {
        text: tags[int(best[i])]
        for i, text in enumerate(untagged)
        if similarities[i, best[i]] >= join_threshold
    }


def _centroid(members: list[Statement], vectors: np.ndarray, row_of: dict[str, int]) -> np.ndarray:
    import numpy as np

    total = vectors[[row_of[s.text] for s in members]].sum(axis=0)
    norm = float(np.linalg.norm(total))
    return total / norm if norm > 0 else total


def _tag_theme(
    tag: str, members: list[Statement], vectors: np.ndarray, row_of: dict[str, int]
) -> Theme:
    members = sorted(members, key=statement_order)
    centroid = _centroid(members, vectors, row_of)
    typical = {s.text: float(vectors[row_of[s.text]] @ centroid) for s in members}
    return Theme(_humanise(tag), members, tag=tag, ranked=_ranked(members, typical))


def _meaning_themes(
    free: dict[str, list[Statement]],
    vectors: np.ndarray,
    row_of: dict[str, int],
    threshold: float,
    attach_threshold: float,
) -> list[Theme]:
    """Cluster the untagged texts by meaning; one theme per cluster."""
    import numpy as np

    from jtbd.synthesis.clustering import centroid_clusters

    # Most repeated first, then alphabetical: the leaders are the commonest wordings.
    texts = sorted(free, key=lambda text: (-len(free[text]), text))
    weights = np.array([len(free[text]) for text in texts], dtype=np.float32)
    clusters, similarity = centroid_clusters(
        vectors[[row_of[text] for text in texts]], weights, threshold, attach_threshold
    )
    themes = []
    for cluster in clusters:
        members = sorted((s for i in cluster for s in free[texts[i]]), key=statement_order)
        typical = {texts[i]: float(similarity[i]) for i in cluster}
        ranked = _ranked(members, typical)
        themes.append(Theme(_auto_label(ranked, typical), members, ranked=ranked))
    return themes


def _ranked(members: list[Statement], typical: dict[str, float]) -> list[Statement]:
    """The researcher's coding first, then most typical first; a verbatim quote wins a
    tie, its words carry more. A theme's quotes are its first few from different
    interviews: an unreviewed guess is never shown in place of what someone coded."""
    return sorted(
        members,
        key=lambda s: (
            s.origin != "coded",
            -round(typical[s.text], 3),
            not s.quote,
            *statement_order(s),
        ),
    )


def _auto_label(ranked: list[Statement], typical: dict[str, float]) -> str:
    """The label of an automatic theme: its most typical statement, shortened.

    Among the statements nearly as typical as the best (within 0.05), the one whose label
    is shortest wins: a short statement names a theme better than a long one cut short.
    """
    texts = list(dict.fromkeys(s.text for s in ranked))
    if len(texts) == 1 and len({s.interview for s in ranked}) == 1:
        return _shorten(texts[0], SINGLE_LABEL_CHARS)
    best = typical[texts[0]]
    near = [text for text in texts if typical[text] >= best - 0.05]
    labels = _worded(map(short_label, near))
    if not labels:  # nothing but punctuation near the top: name it by any words it has
        labels = _worded(map(short_label, texts)) or ["(no text)"]
    # Says something (two content words) first, then whole rather than cut, then short.
    return min(
        labels,
        key=lambda label: (len(content_words(label)) < 2, label.endswith("…"), len(label), label),
    )


def _worded(labels: Iterable[str]) -> list[str]:
    return [label for label in labels if any(c.isalnum() for c in label)]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:—-") + "…"


def _humanise(tag: str) -> str:
    """ "late-payments" -> "Late payments"; a short tag is read as an acronym: "vat" -> "VAT"."""
    if len(tag) <= 3 and tag.isalpha():
        return tag.upper()
    words = tag.replace("-", " ").replace("_", " ").replace("/", " / ").strip()
    return words[:1].upper() + words[1:]
