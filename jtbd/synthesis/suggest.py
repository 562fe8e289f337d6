"""Suggest a force (push, pull, anxiety, inertia or none) for each statement, offline.

The model is a multinomial logistic regression over two kinds of features: the shared
multilingual sentence embedding (:mod:`jtbd.embeddings`) and the cue features of
:mod:`jtbd.synthesis.force_cues`. Its weights are a small file inside the package
(``jtbd/weights/suggester.npz``), trained by ``training/train_suggester.py`` (``make
train``); prediction needs numpy only. A temperature fitted on statements from sources
the model did not see makes the confidence mean what it says (see ``bench/``).

Suggestions are a first pass for the researcher to review, never coding.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jtbd.errors import JtbdError
from jtbd.models import ForceKind

if TYPE_CHECKING:
    import numpy as np

    from jtbd.embeddings import SentenceEncoder

# The model's output columns, in this order; "none" means the statement carries no force.
CLASSES = ("push", "pull", "anxiety", "inertia", "none")
NONE = "none"
# Confidences are rounded so the same input gives the same bytes on every machine.
DECIMALS = 3
# Greetings, back-channel and call logistics are none by rule: the training statements
# leave them out (they carry no force), so the model has never seen one.
SMALL_TALK_CONFIDENCE = 0.95
WEIGHTS_FILE = "suggester.npz"


class SuggesterError(JtbdError):
    """The suggester's weights are missing, unreadable or out of date."""


@dataclass(frozen=True)
class Suggestion:
    """The force suggested for one statement: ``kind`` None means no force."""

    kind: ForceKind | None
    confidence: float

    @property
    def label(self) -> str:
        """The kind as text, ``"none"`` for no force (for files and reports)."""
        return self.kind.value if self.kind else NONE

    def to_dict(self) -> dict[str, Any]:
        """``{"kind": ..., "confidence": ...}`` as written to statement files."""
        return {"kind": self.label, "confidence": self.confidence}


@dataclass(frozen=True)
class SuggesterWeights:
    """A trained model: ``coef`` is (classes, features), one temperature for all classes."""

    coef: np.ndarray
    intercept: np.ndarray
    temperature: float
    fingerprint: str

    def save(self, path: Path) -> None:
        """Write the weights as an ``.npz`` (no pickles: loading runs no code).

        Written by hand rather than with ``np.savez``, whose zip entries carry the clock
        time: the same training run must give a byte-identical file.
        """
        import io
        import zipfile

        import numpy as np

        arrays = {
            "coef": np.round(self.coef, 5).astype(np.float32),
            "intercept": np.round(self.intercept, 5).astype(np.float32),
            "temperature": np.float32(round(self.temperature, 3)),
            "classes": np.array(CLASSES),
            "fingerprint": np.array(self.fingerprint),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, array in arrays.items():
                buffer = io.BytesIO()
                np.lib.format.write_array(buffer, np.asarray(array), allow_pickle=False)
                entry = zipfile.ZipInfo(f"{name}.npy", date_time=(2020, 1, 1, 0, 0, 0))
                archive.writestr(entry, buffer.getvalue(), zipfile.ZIP_DEFLATED)


def default_weights_path() -> Path:
    """The weights file inside the installed package."""
    return Path(str(resources.files("jtbd") / "weights" / WEIGHTS_FILE))


def load_weights(path: Path | None = None) -> SuggesterWeights:
    """Read trained weights, checking they match this version's classes and cues."""
    import numpy as np

    from jtbd.synthesis.force_cues import cue_fingerprint

    path = path or default_weights_path()
    try:
        with np.load(path, allow_pickle=False) as data:
            classes = tuple(str(name) for name in data["classes"])
            weights = SuggesterWeights(
                coef=data["coef"].astype(np.float64),
                intercept=data["intercept"].astype(np.float64),
                temperature=float(data["temperature"]),
                fingerprint=str(data["fingerprint"]),
            )
    except (OSError, KeyError, ValueError) as error:
        raise SuggesterError(f"{path}: cannot read the suggester weights: {error}") from None
    if classes != CLASSES or weights.fingerprint != cue_fingerprint():
        raise SuggesterError(f"{path}: weights do not match this jtbd's cues (run make train)")
    return weights


def feature_matrix(texts: Sequence[str], encoder: SentenceEncoder) -> np.ndarray:
    """The model's input for ``texts``: embedding then cue features, one row each.

    Training and prediction both call this, so the columns can never drift apart.
    """
    return with_cues(encoder.encode(list(texts)), texts)


def with_cues(embedded: np.ndarray, texts: Sequence[str]) -> np.ndarray:
    """The model's input from ``texts``' embeddings (computed, or read from a cache)."""
    import numpy as np

    from jtbd.synthesis.force_cues import cue_features

    embedded = np.asarray(embedded, dtype=np.float64)
    cues = np.array([cue_features(text) for text in texts], dtype=np.float64)
    return np.hstack([embedded, cues.reshape(len(texts), -1)])


def softmax(logits: np.ndarray) -> np.ndarray:
    """Row-wise softmax, stable for large logits."""
    import numpy as np

    shifted = logits - logits.max(axis=1, keepdims=True)
    exp = np.exp(shifted)
    return np.asarray(exp / exp.sum(axis=1, keepdims=True))


class ForceSuggester:
    """Suggests a force for statements; loads its weights and the encoder on first use.

    ``encoder`` defaults to :func:`jtbd.embeddings.shared_encoder`, ``weights`` to the
    file inside the package. ``embed`` (texts -> vectors, e.g. a workspace
    :class:`~jtbd.synthesis.embedding_cache.Embedder`'s ``embed``) replaces the encoder,
    so vectors already cached are not computed again. The same texts always give the
    same suggestions.
    """

    def __init__(
        self,
        encoder: SentenceEncoder | None = None,
        weights: SuggesterWeights | None = None,
        embed: Callable[[Sequence[str]], np.ndarray] | None = None,
    ) -> None:
        self._encoder = encoder
        self._weights = weights
        self._embed = embed

    @property
    def weights(self) -> SuggesterWeights:
        """The trained weights, read from the package on first use."""
        if self._weights is None:
            self._weights = load_weights()
        return self._weights

    @property
    def encoder(self) -> SentenceEncoder:
        """The sentence encoder (the process-wide shared one unless given)."""
        if self._encoder is None:
            from jtbd.embeddings import shared_encoder

            self._encoder = shared_encoder()
        return self._encoder

    def load(self) -> ForceSuggester:
        """Load the weights and the encoder now (else the first call pays for it)."""
        self.weights  # noqa: B018 - the property loads
        self.encoder.encode(["warm up"])
        return self

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Calibrated probabilities, shape ``(len(texts), 5)``, columns in :data:`CLASSES`."""
        import numpy as np

        if not texts:
            return np.zeros((0, len(CLASSES)))
        # Repeated statements ("yeah", stock answers) are embedded once.
        unique = sorted(set(texts))
        index = {text: row for row, text in enumerate(unique)}
        if self._embed is not None:
            features = with_cues(self._embed(unique), unique)
        else:
            features = feature_matrix(unique, self.encoder)
        weights = self.weights
        logits = features @ weights.coef.T + weights.intercept
        probabilities = softmax(logits / weights.temperature)
        return probabilities[[index[text] for text in texts]]

    def suggest(
        self, texts: Sequence[str], contexts: Sequence[str | None] | None = None
    ) -> list[Suggestion]:
        """One :class:`Suggestion` per text, in order.

        ``contexts`` (the interviewer's question before each statement, or None) is
        accepted so callers can pass it, but this model does not use it: on sources it
        did not see, adding the question or the neighbouring lines lowered macro-F1
        (see ``bench/bench_suggest.py``).
        """
        if contexts is not None and len(contexts) != len(texts):
            raise ValueError("contexts must have one entry per text")
        probabilities = self.probabilities(texts)
        from jtbd.synthesis.force_cues import is_small_talk

        suggestions = []
        for text, row in zip(texts, probabilities, strict=True):
            if is_small_talk(text):
                suggestions.append(Suggestion(None, SMALL_TALK_CONFIDENCE))
                continue
            best = int(row.argmax())
            kind = None if CLASSES[best] == NONE else ForceKind(CLASSES[best])
            suggestions.append(Suggestion(kind, round(float(row[best]), DECIMALS)))
        return suggestions
