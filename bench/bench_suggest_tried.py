"""Approaches to the force suggester that were tried and dropped, with their figures.

Each is measured like the shipped model (``bench/bench_suggest.py``): leave-one-repository-
out over the labelled statements, macro-F1 strict / lenient per language on the dev set's
rows. Where an approach has a knob tuned for macro-F1 (class biases, an ensemble weight),
the knob used for a held-out repository is chosen on the *other* repositories'
out-of-source predictions only, so no figure is tuned on the source it is scored on.

- class biases: one additive bias per class on the logits, chosen by coordinate ascent for
  the mean of the per-language macro-F1s;
- lexical ensemble: a logistic model on hashed character 2-4-grams and word 1-2-grams,
  its logits added to the shipped model's with a weight;
- soft targets: a row with defensible ``alt`` labels is trained as its label with weight
  1 - ALPHA and each alt with ALPHA / len(alt).

Needs the training extra (``pip install -e '.[train]'``) and the dev data (``--data``).
Slow (tens of logistic fits per approach): a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))
sys.path.insert(0, str(REPO / "bench"))

import train_suggester as training  # noqa: E402 - the training recipe, imported by path
from bench_suggest import dev_count, language_scores, load_labelled, macro_f1  # noqa: E402

from jtbd.synthesis.suggest import CLASSES  # noqa: E402

BIASES = np.round(np.arange(-1.5, 1.501, 0.1), 2)
WEIGHTS = (0.0, 0.1, 0.2, 0.3, 0.5)
ALPHAS = (0.2, 0.35)
LANGS = ("en", "fr", "it")


def per_language(rows: Sequence[dict[str, Any]], gold: np.ndarray, pred: np.ndarray) -> str:
    """``strict/lenient`` macro-F1 for en, fr, it and all, as one line."""
    scores = language_scores(rows, gold, pred)
    return "  ".join(f"{strict:.3f}/{loose:.3f}" for _, _, strict, loose in scores)


def objective(gold: np.ndarray, pred: np.ndarray, langs: np.ndarray) -> float:
    """Mean over the languages of the strict macro-F1 (the figure the targets are set on)."""
    scores = [
        macro_f1(gold[langs == lang], pred[langs == lang], sorted(set(gold[langs == lang])))
        for lang in LANGS
        if np.sum(langs == lang) >= 20
    ]
    return float(np.mean(scores))


def tune_biases(logits: np.ndarray, gold: np.ndarray, langs: np.ndarray) -> np.ndarray:
    """Per-class biases maximising :func:`objective`, three rounds of coordinate ascent."""
    bias = np.zeros(logits.shape[1])
    for _ in range(3):
        for column in range(len(bias)):
            best, value = objective(gold, (logits + bias).argmax(axis=1), langs), bias[column]
            for candidate in BIASES:
                trial = bias.copy()
                trial[column] = candidate
                score = objective(gold, (logits + trial).argmax(axis=1), langs)
                if score > best + 1e-9:
                    best, value = score, candidate
            bias[column] = value
    return bias


def leave_source_out_choice(
    sources: np.ndarray, tuned: np.ndarray, choose: Callable[[np.ndarray], np.ndarray]
) -> np.ndarray:
    """Logits of each file adjusted by ``choose(train_rows)``, fitted without the file."""
    result = np.zeros((len(sources), len(CLASSES)))
    for source in sorted(set(sources)):
        held = sources == source
        result[held] = choose(np.where(~held & tuned)[0])[held]
    return result


def fit_predict(train: Any, labels: np.ndarray, test: Any, c: float, weight: Any = None) -> Any:
    """Logits of ``test`` from the shipped recipe fitted on ``train`` (a C, sample weights)."""
    coef, intercept = training.fit(train, labels, c, weight)
    return test @ coef.T + intercept


def soft_logits(
    features: np.ndarray,
    rows: list[dict[str, Any]],
    gold: np.ndarray,
    sources: np.ndarray,
    alpha: float,
) -> np.ndarray:
    """Out-of-source logits of a model trained with the ``alt`` labels as soft targets."""
    index, labels, weights = [], [], []
    for row_index, row in enumerate(rows):
        alts = [CLASSES.index(alt) for alt in row.get("alt", [])]
        targets = [(gold[row_index], 1.0 - alpha if alts else 1.0)]
        targets += [(alt, alpha / len(alts)) for alt in alts]
        for label, weight in targets:
            index.append(row_index)
            labels.append(label)
            weights.append(weight)
    index_a, labels_a, weights_a = np.array(index), np.array(labels), np.array(weights)
    logits = np.zeros((len(rows), len(CLASSES)))
    for source in sorted(set(sources)):
        held = sources == source
        keep = ~held[index_a]
        logits[held] = fit_predict(
            features[index_a[keep]], labels_a[keep], features[held], training.C, weights_a[keep]
        )
    return logits


def lexical_logits(texts: list[str], gold: np.ndarray, sources: np.ndarray) -> np.ndarray:
    """Out-of-source logits of a logistic model on hashed character and word n-grams."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import HashingVectorizer

    clean = [text.lower().replace("\u2019", "'") for text in texts]
    options = {"n_features": 2**14, "alternate_sign": False, "norm": "l2"}
    chars = HashingVectorizer(analyzer="char_wb", ngram_range=(2, 4), **options)
    words = HashingVectorizer(analyzer="word", ngram_range=(1, 2), **options)
    matrix = hstack([chars.transform(clean), words.transform(clean)]).tocsr()
    logits = np.zeros((len(texts), len(CLASSES)))
    for source in sorted(set(sources)):
        held = sources == source
        logits[held] = fit_predict(matrix[~held], gold[~held], matrix[held], 1.0)
    return logits


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python bench/bench_suggest_tried.py [--data FILE]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=training.DEFAULT_DATA)
    args = parser.parse_args(argv)
    labelled = load_labelled(args.data)
    if labelled is None:
        return 1
    rows, gold, features = labelled
    sources = np.array([training.source_of(row) for row in rows])
    langs = np.array([row["lang"] for row in rows])
    real = training.is_real(rows)
    dev = dev_count(args.data)
    texts = [row["text"] for row in rows]
    base = training.out_of_source_logits(
        features, gold, sources.tolist(), training.sample_weights(rows)
    )

    def show(name: str, logits: np.ndarray) -> None:
        print(f"  {name:34} {per_language(rows[:dev], gold[:dev], logits[:dev].argmax(axis=1))}")

    print("macro-F1 strict/lenient on unseen sources:   en / fr / it / all")
    show("shipped", base)
    show(
        "+ class biases (other sources)",
        leave_source_out_choice(
            sources, real, lambda idx: base + tune_biases(base[idx], gold[idx], langs[idx])
        ),
    )
    lexical = lexical_logits(texts, gold, sources)
    show("lexical n-grams alone", lexical)
    for weight in WEIGHTS[1:]:
        show(f"+ lexical, weight {weight}", base + weight * lexical)

    def best_weight(idx: np.ndarray) -> np.ndarray:
        scores = [
            objective(gold[idx], (base + w * lexical)[idx].argmax(axis=1), langs[idx])
            for w in WEIGHTS
        ]
        return base + WEIGHTS[int(np.argmax(scores))] * lexical

    show("+ lexical, weight (other sources)", leave_source_out_choice(sources, real, best_weight))
    for alpha in ALPHAS:
        show(f"soft alt targets, alpha {alpha}", soft_logits(features, rows, gold, sources, alpha))
    return 0


if __name__ == "__main__":
    sys.exit(main())
