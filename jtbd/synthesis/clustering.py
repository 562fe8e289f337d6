"""Centroid clustering of sentence embeddings: one pass in a fixed order, one refinement.

Rows arrive in an order the caller fixed (most frequent text first, then alphabetical).
Each row joins the cluster whose centroid is most similar to it when that similarity
reaches ``threshold``, else it starts a new cluster; the centroid is the (weighted) mean
of the members' vectors. Then every row is moved once to the centroid it is now closest
to, which undoes most of what the order decided early on.

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


def centroid_clusters(
    vectors: np.ndarray, weights: np.ndarray, threshold: float
) -> tuple[list[list[int]], np.ndarray]:
    """Cluster L2-normalised rows; return the clusters (ascending row indexes, in order of
    their first row) and each row's cosine similarity to its cluster's centroid."""
    import numpy as np

    if len(vectors) == 0:
        return [], np.zeros(0, dtype=np.float32)
    assignment = _leader_pass(vectors, weights, threshold)
    assignment = _refine(vectors, weights, assignment, threshold)
    order = sorted(set(assignment.tolist()), key=lambda c: int(np.argmax(assignment == c)))
    clusters = [np.flatnonzero(assignment == c).tolist() for c in order]
    similarity = np.zeros(len(vectors), dtype=np.float32)
    for members in clusters:
        centroid = _normalised(weights[members] @ vectors[members])
        similarity[members] = vectors[members] @ centroid
    return clusters, similarity


def _leader_pass(vectors: np.ndarray, weights: np.ndarray, threshold: float) -> np.ndarray:
    import numpy as np

    count, dimensions = vectors.shape
    assignment = np.empty(count, dtype=np.int64)
    capacity = 64
    sums = np.zeros((capacity, dimensions), dtype=np.float32)
    centroids = np.zeros((capacity, dimensions), dtype=np.float32)
    clusters = 0
    for row in range(count):
        vector = vectors[row]
        best = -1
        if clusters:
            similarities = centroids[:clusters] @ vector
            candidate = int(np.argmax(similarities))
            if similarities[candidate] >= threshold:
                best = candidate
        if best < 0:
            if clusters == capacity:  # grow geometrically: amortised linear copying
                capacity *= 2
                sums = np.resize(sums, (capacity, dimensions))
                centroids = np.resize(centroids, (capacity, dimensions))
            best = clusters
            clusters += 1
            sums[best] = 0
        sums[best] += weights[row] * vector
        centroids[best] = _normalised(sums[best])
        assignment[row] = best
    return assignment


def _refine(
    vectors: np.ndarray, weights: np.ndarray, assignment: np.ndarray, threshold: float
) -> np.ndarray:
    """Move every row to its closest centroid, if that one is close enough."""
    import numpy as np

    clusters = int(assignment.max()) + 1
    sums = np.zeros((clusters, vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, assignment, vectors * weights[:, None])
    centroids = np.stack([_normalised(row) for row in sums])
    moved = assignment.copy()
    for start in range(0, len(vectors), _BLOCK):
        similarities = vectors[start : start + _BLOCK] @ centroids.T
        best = np.argmax(similarities, axis=1)
        close = similarities[np.arange(len(best)), best] >= threshold
        moved[start : start + _BLOCK] = np.where(close, best, assignment[start : start + _BLOCK])
    return moved


def _normalised(vector: np.ndarray) -> np.ndarray:
    import numpy as np

    norm = float(np.linalg.norm(vector))
    return vector / norm if norm > 0 else vector
