"""The force suggester's library API: shapes, rules, determinism and its weights file."""

from __future__ import annotations

import numpy as np
import pytest

from jtbd.models import ForceKind
from jtbd.synthesis.force_cues import FEATURE_NAMES, PHRASE_SCALE, cue_features, is_small_talk
from jtbd.synthesis.suggest import (
    CLASSES,
    ForceSuggester,
    SuggesterError,
    SuggesterWeights,
    Suggestion,
    default_weights_path,
    load_weights,
)

STATEMENTS = [
    "Every Friday I lose an afternoon reconciling the bank statement by hand.",
    "It would be great if the app could send the reminders itself.",
    "Okay.",
    "Non sono sicura che i miei dati siano al sicuro.",
    "Nous avons toujours fait comme ça.",
    "Every Friday I lose an afternoon reconciling the bank statement by hand.",
]


@pytest.fixture(scope="module")
def suggester() -> ForceSuggester:
    return ForceSuggester().load()


def test_one_suggestion_per_text_in_order_and_repeatable(suggester):
    first = suggester.suggest(STATEMENTS)
    assert len(first) == len(STATEMENTS)
    assert first == suggester.suggest(list(STATEMENTS))
    assert first[0] == first[5]  # the same text, embedded once, gets the same answer
    # Order does not change any single answer (features are per statement).
    assert suggester.suggest(STATEMENTS[::-1]) == first[::-1]
    for suggestion in first:
        assert suggestion.kind is None or isinstance(suggestion.kind, ForceKind)
        assert 0 < suggestion.confidence <= 1
        assert round(suggestion.confidence, 3) == suggestion.confidence


def test_confidence_is_the_calibrated_probability_of_the_kind(suggester):
    probabilities = suggester.probabilities(STATEMENTS[:2])
    assert probabilities.shape == (2, len(CLASSES))
    assert np.allclose(probabilities.sum(axis=1), 1)
    for row, suggestion in zip(probabilities, suggester.suggest(STATEMENTS[:2]), strict=True):
        assert CLASSES[int(row.argmax())] == suggestion.label
        assert suggestion.confidence == round(float(row.max()), 3)


@pytest.mark.parametrize(
    "text",
    [
        "Yeah.",
        "ok",
        "Thanks!",
        "Can you hear me?",
        "Grazie",
        "Oui.",
        # several back-channel words, thanks with an intensifier, a host's greeting
        "Yeah, that's right.",
        "Thanks so much!",
        "Awesome.",
        "Great to be here.",
        "Merci beaucoup !",
        "Grazie mille.",
        "Exactly, yes.",
    ],
)
def test_small_talk_is_none(suggester, text):
    assert is_small_talk(text)
    assert suggester.suggest([text])[0].kind is None


def test_small_talk_rule_does_not_swallow_statements():
    assert not is_small_talk("Yeah, the export breaks every single month.")
    assert not is_small_talk("Thanks to the new app I stopped printing invoices.")
    assert not is_small_talk("Great, the bank sync saved me hours.")
    assert not is_small_talk("That's right, we never switched.")
    assert not is_small_talk("Of course I was worried about the import.")


def test_contexts_must_match_texts(suggester):
    assert suggester.suggest(STATEMENTS[:1], ["What do you use today?"]) == suggester.suggest(
        STATEMENTS[:1]
    )
    with pytest.raises(ValueError):
        suggester.suggest(STATEMENTS[:2], [None])
    assert suggester.suggest([]) == []


def test_suggestion_as_dict():
    assert Suggestion(ForceKind.PUSH, 0.5).to_dict() == {"kind": "push", "confidence": 0.5}
    assert Suggestion(None, 0.9).to_dict() == {"kind": "none", "confidence": 0.9}


def test_cue_features_have_their_named_columns():
    features = cue_features("I wish it were simpler, but I'm worried about losing data.")
    assert len(features) == len(FEATURE_NAMES)
    assert all(0 <= value <= 1 for value in features)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What I liked most was the calendar view.", "pull"),
        ("Ce qui m'a plu, c'est le suivi des colis.", "pull"),
        ("Avevo paura di sbagliare la configurazione.", "anxiety"),
        ("I know where everything is in my binder.", "inertia"),
        ("Je connais ce logiciel par coeur.", "inertia"),
        ("I was sick of retyping the orders.", "push"),
    ],
)
def test_plain_phrases_set_their_kind_column(text, kind):
    columns = dict(zip(FEATURE_NAMES, cue_features(text), strict=True))
    assert columns[f"phrase_{kind}"] == PHRASE_SCALE
    others = [name for name in FEATURE_NAMES if name.startswith("phrase_")]
    assert sum(columns[name] > 0 for name in others) <= 2


def test_negation_column_sees_glued_and_separate_negations():
    names = list(FEATURE_NAMES)
    negation = names.index("negation")
    assert cue_features("It isn't worth it.")[negation] == PHRASE_SCALE
    assert cue_features("Ce n'est pas la peine.")[negation] == PHRASE_SCALE
    assert cue_features("Non vale la pena.")[negation] == PHRASE_SCALE
    assert cue_features("It is worth it.")[negation] == 0


def test_weights_round_trip_byte_identical(tmp_path):
    weights = load_weights()
    assert weights.coef.shape == (len(CLASSES), 512 + len(FEATURE_NAMES))
    weights.save(tmp_path / "a.npz")
    load_weights(tmp_path / "a.npz").save(tmp_path / "b.npz")
    assert (tmp_path / "a.npz").read_bytes() == (tmp_path / "b.npz").read_bytes()
    assert default_weights_path().is_file()


def test_stale_or_broken_weights_are_a_clear_error(tmp_path):
    weights = load_weights()
    stale = SuggesterWeights(weights.coef, weights.intercept, 1.0, "0" * 16)
    stale.save(tmp_path / "stale.npz")
    with pytest.raises(SuggesterError, match="make train"):
        load_weights(tmp_path / "stale.npz")
    (tmp_path / "broken.npz").write_bytes(b"not a zip")
    with pytest.raises(SuggesterError, match="cannot read"):
        load_weights(tmp_path / "broken.npz")
