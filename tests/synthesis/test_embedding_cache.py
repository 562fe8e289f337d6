"""The embedding cache: hits skip the model, a read-only or broken cache only costs time."""

from __future__ import annotations

import sqlite3

import numpy as np

from jtbd.synthesis import embedding_cache
from jtbd.synthesis.embedding_cache import CACHE_NAME, Embedder


class CountingEncoder:
    """A stand-in model: a fixed vector per text, and a record of what it was asked."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def __call__(self, texts):
        self.calls.append(list(texts))
        return np.array([[len(t), 1.0, 0.0] for t in texts], dtype=np.float32)


def test_vectors_come_back_in_order_and_the_model_sees_each_text_once(tmp_path):
    encoder = CountingEncoder()
    with Embedder(tmp_path, encoder) as embedder:
        first = embedder.embed(["bb", "a", "bb"])
        again = embedder.embed(["a"])
    assert first[:, 0].tolist() == [2, 1, 2]
    assert again[:, 0].tolist() == [1]
    assert encoder.calls == [["a", "bb"]]


def test_a_second_run_reads_the_cache_instead_of_the_model(tmp_path):
    with Embedder(tmp_path, CountingEncoder()) as embedder:
        expected = embedder.embed(["copying VAT by hand", "lost receipts"])
    encoder = CountingEncoder()
    with Embedder(tmp_path, encoder) as embedder:
        cached = embedder.embed(["lost receipts", "copying VAT by hand", "new text"])
    assert encoder.calls == [["new text"]]
    assert np.array_equal(cached[[1, 0]], expected)


def test_a_read_only_cache_is_read_and_never_written(tmp_path, monkeypatch):
    with Embedder(tmp_path, CountingEncoder()) as embedder:
        embedder.embed(["stored"])
    path = tmp_path / CACHE_NAME
    before = path.read_bytes()
    # What a read-only workspace gives (chmod would not stop a test running as root).
    real_connect = sqlite3.connect
    monkeypatch.setattr(
        embedding_cache.sqlite3,
        "connect",
        lambda *a, **k: real_connect(f"{path.as_uri()}?mode=ro", uri=True),
    )
    encoder = CountingEncoder()
    with Embedder(tmp_path, encoder) as embedder:
        vectors = embedder.embed(["stored", "not stored"])
    assert encoder.calls == [["not stored"]]
    assert vectors.shape == (2, 3)
    assert path.read_bytes() == before


def test_no_folder_no_cache_file(tmp_path):
    encoder = CountingEncoder()
    with Embedder(None, encoder) as embedder:
        embedder.embed(["x"])
    assert list(tmp_path.iterdir()) == []
