"""The suggester's cue lexicon: a data file, read lazily, that compiles and matches the weights."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from jtbd.errors import JtbdError
from jtbd.synthesis.force_cues import (
    KINDS,
    cue_fingerprint,
    cue_list,
    lexicon,
    lexicon_path,
    read_lexicon,
)
from jtbd.synthesis.suggest import default_weights_path
from tests.conftest import REPO

LANGUAGES = {"en", "fr", "it"}


def test_the_lexicon_is_the_bundled_data_file():
    assert lexicon_path() == REPO / "vocabularies" / "suggester" / "force-cues.yaml"
    assert lexicon_path().is_file()


@pytest.mark.parametrize("part", ["cues", "phrases"])
def test_four_kinds_in_english_french_italian_and_every_cue_compiles(part):
    by_kind = getattr(lexicon(), part)
    assert tuple(by_kind) == KINDS
    for kind, languages in by_kind.items():
        assert set(languages) >= LANGUAGES, kind
        for language, cues in languages.items():
            assert cues, (kind, language)
            re.compile("|".join(cues))  # the alternation of a language
            for cue in cues:
                re.compile(cue)
                assert cue == cue.strip() and cue, (kind, language, cue)


def test_small_talk_and_negation_compile():
    words = lexicon()
    assert words.none_whole and words.none_anywhere and words.negation
    assert re.compile(words.none_pattern(), re.IGNORECASE).search("Merci !")
    for cue in (*words.none_whole, *words.none_anywhere, *words.negation):
        re.compile(cue)


def test_regex_characters_survive_the_yaml_file():
    cues = lexicon().cues
    # Backslashes, brackets, '?' and apostrophes are what YAML quoting would break.
    assert r"annoy\w*" in cues["push"]["en"]
    assert "[àa] la main" in cues["push"]["fr"]
    assert "doesn'?t work" in cues["push"]["en"]
    assert all("\\\\" not in cue for _, cue in cue_list())


def test_the_shipped_weights_were_trained_on_this_lexicon():
    with np.load(default_weights_path(), allow_pickle=False) as data:
        assert str(data["fingerprint"]) == cue_fingerprint()


def test_the_file_is_read_on_first_use_not_at_import():
    code = (
        "import jtbd.synthesis.force_cues as f, jtbd.synthesis.suggest; "
        "print(f.lexicon.cache_info().currsize); f.is_small_talk('ok'); "
        "print(f.lexicon.cache_info().currsize)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert result.stdout.split() == ["0", "1"]


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = lexicon_path().read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "force-cues.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "      frustrat\\w*\n",
            "      frustrat\\w*\n\n      tedious2\n",
            "cues: push: en: cue 3 is blank",
        ),
        (
            "      frustrat\\w*\n",
            "      frustrat\\w* \n",
            "cues: push: en: cue 2 is blank or has spaces around it",
        ),
        ("  pull:\n", "  pulls:\n", "cues: the kinds must be push, pull"),
        (
            "\nnegation: |",
            "\nnegation: [not]\nnegation_words: |",
            "negation: a block of cues is text",
        ),
        ("\nnone:\n", "\nnothing:\n", "none"),
    ],
)
def test_a_malformed_lexicon_is_an_error_naming_the_file(tmp_path, old, new, message):
    path = _edited(tmp_path, old, new)
    with pytest.raises(JtbdError, match=message) as error:
        read_lexicon(path)
    assert str(path) in str(error.value)


def test_an_unchanged_copy_reads_the_same(tmp_path):
    assert read_lexicon(_edited(tmp_path, "cues:", "cues:")) == lexicon()
