"""Centroid clustering of sentence embeddings: one pass in a fixed order, one refinement.

Rows arrive in an order the caller fixed (most frequent text first, then alphabetical).
Each row joins the cluster whose centroid is most similar to it when that similarity
reaches ``threshold``, else it starts a new cluster; the centroid is the (weighted) mean
of the members' vectors. Then every row is moved once to the centroid it is now closest
to, which undoes most of what the order decided early on. Last, a row still alone joins
the closest cluster of several rows when it reaches the lower ``attach_threshold``: a
paraphrase too far from any one statement is often close to what several have in common.
Rows that join move the centroids, so this is repeated until no row moves (at most
``_ATTACH_ROUNDS`` times; two rounds settle the benchmark studies).

Cost: rows x clusters x 512 multiply-adds, never rows x rows. Clusters grow with the
number of different things people say, not with the number of interviews, so in a study
where themes recur the work grows linearly with the statements. No randomness: ties go
to the older cluster (``argmax`` takes the first maximum).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

_BLOCK = 4096  # rows per matrix product in the refinement, to bound memory
# Rows per step of the first pass: large enough that most rows are placed by one matrix
# product, small enough that centroids follow the clusters as they grow.
_LEADER_BLOCK = 256
# Rounds of attaching loners: each costs one pass over the loners, and each round moves
# fewer rows, so a small bound keeps the cost linear without changing the result in practice.
_ATTACH_ROUNDS = 4


def centroid_clusters(
    vectors: np.ndarray, weights: np.ndarray, threshold: float, attach_threshold: float
) -> tuple[list[list[int]], np.ndarray]:
    """Cluster L2-normalised rows; return the clusters (ascending row indexes, in order of
    their first row) and each row's cosine similarity to its cluster's centroid."""
    import numpy as np

    if len(vectors) == 0:
        return [], np.zeros(0, dtype=np.float32)
    assignment = _leader_pass(vectors, weights, threshold)
    assignment = _refine(vectors, weights, assignment, threshold)
    for _ in range(_ATTACH_ROUNDS):
        attached = _attach_loners(vectors, weights, assignment, attach_threshold)
        if np.array_equal(attached, assignment):
            break
        assignment = attached
    members: dict[int, list[int]] = {}  # in order of each cluster's first row
    for row, cluster in enumerate(assignment.tolist()):
        members.setdefault(cluster, []).append(row)
    centroids = _centroids(vectors, weights, assignment)
    similarity = np.einsum("ij,ij->i", vectors, centroids[assignment]).astype(np.float32)
    return list(members.values()), similarity


def _leader_pass(vectors: np.ndarray, weights: np.ndarray, threshold: float) -> np.ndarray:
    """Rows in blocks: a row close enough to a centroid as it stood at the start of its
    block joins it (one matrix product per block); the others go one by one, joining a
    cluster started earlier in the block or starting one. Centroids move after each block."""
    import numpy as np

    count, dimensions = vectors.shape
    assignment = np.full(count, -1, dtype=np.int64)
    # Buffers grow geometrically (amortised linear copying); rows [0, known) are in use.
    sums = np.zeros((_LEADER_BLOCK, dimensions), dtype=np.float64)
    centroids = np.zeros((_LEADER_BLOCK, dimensions), dtype=np.float32)
    known = 0
    for start in range(0, count, _LEADER_BLOCK):
        block = vectors[start : start + _LEADER_BLOCK]
        rows = assignment[start : start + len(block)]  # a view: writes go to assignment
        if known:
            similarities = block @ centroids[:known].T
            best = np.argmax(similarities, axis=1)
            close = similarities[np.arange(len(block)), best] >= threshold
            rows[close] = best[close]
        new = np.zeros((len(block), dimensions), dtype=np.float64)  # clusters started here
        unit = np.zeros((len(block), dimensions), dtype=np.float32)
        started = 0
        for offset in np.flatnonzero(rows < 0).tolist():
            target = started
            if started:
                fresh = unit[:started] @ block[offset]
                candidate = int(np.argmax(fresh))
                if fresh[candidate] >= threshold:
                    target = candidate
            if target == started:
                started += 1
            new[target] += block[offset] * float(weights[start + offset])
            unit[target] = new[target] / np.linalg.norm(new[target])
            rows[offset] = known + target
        if known + started > len(sums):
            size = max(2 * len(sums), known + started)
            sums = np.resize(sums, (size, dimensions))
            centroids = np.resize(centroids, (size, dimensions))
        sums[known : known + started] = new[:started]
        joined = rows < known  # rows that joined a cluster from before this block
        weighted = block[joined] * weights[start : start + len(block)][joined, None]
        _add_rows(sums, rows[joined], weighted)
        touched = np.unique(np.concatenate([rows[joined], np.arange(known, known + started)]))
        norms = np.linalg.norm(sums[touched], axis=1, keepdims=True)
        centroids[touched] = sums[touched] / np.where(norms == 0, 1, norms)
        known += started
    return assignment


def _refine(
    vectors: np.ndarray, weights: np.ndarray, assignment: np.ndarray, threshold: float
) -> np.ndarray:
    """Move every row to its closest centroid, if that one is close enough."""
    import numpy as np

    centroids = _centroids(vectors, weights, assignment)
    moved = assignment.copy()
    for start in range(0, len(vectors), _BLOCK):
        similarities = vectors[start : start + _BLOCK] @ centroids.T
        best = np.argmax(similarities, axis=1)
        close = similarities[np.arange(len(best)), best] >= threshold
        moved[start : start + _BLOCK] = np.where(close, best, assignment[start : start + _BLOCK])
    return moved


def _attach_loners(
    vectors: np.ndarray, weights: np.ndarray, assignment: np.ndarray, threshold: float
) -> np.ndarray:
    """Rows alone in their cluster join the closest cluster of several rows, if close."""
    import numpy as np

    sizes = np.bincount(assignment)
    alone = np.flatnonzero(sizes[assignment] == 1)
    groups = np.flatnonzero(sizes > 1)
    if not len(alone) or not len(groups):
        return assignment
    centroids = _centroids(vectors, weights, assignment)[groups]
    moved = assignment.copy()
    for start in range(0, len(alone), _BLOCK):
        rows = alone[start : start + _BLOCK]
        similarities = vectors[rows] @ centroids.T
        best = np.argmax(similarities, axis=1)
        close = similarities[np.arange(len(rows)), best] >= threshold
        moved[rows[close]] = groups[best[close]]
    return moved


def _centroids(vectors: np.ndarray, weights: np.ndarray, assignment: np.ndarray) -> np.ndarray:
    """Row c: the normalised weighted mean of cluster c's rows (zero for an empty one)."""
    import numpy as np

    sums = np.zeros((int(assignment.max()) + 1, vectors.shape[1]), dtype=np.float64)
    _add_rows(sums, assignment, vectors * weights[:, None])
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return (sums / np.where(norms == 0, 1, norms)).astype(np.float32)


def _add_rows(target: np.ndarray, index: np.ndarray, values: np.ndarray) -> None:
    """``target[index[i]] += values[i]`` for every i: sorted by index, each target row's
    values are one run to sum (``np.add.at`` does the same 20 times slower)."""
    import numpy as np

    if not len(index):
        return
    order = np.argsort(index, kind="stable")
    rows, starts = np.unique(index[order], return_index=True)
    target[rows] += np.add.reduceat(values[order].astype(np.float64), starts, axis=0)
