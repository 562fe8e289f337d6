"""The labelled statements under training/data/ are well formed and every source is named.

The trained weights are only as trustworthy as this data: a row with a misspelt label or
a source file missing from training/SOURCES.md would be trained on silently.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from jtbd.synthesis.suggest import CLASSES

TRAINING = Path(__file__).resolve().parent.parent / "training"
FILES = sorted((TRAINING / "data").rglob("*.jsonl"))
ADDED = [path for path in FILES if path.name.startswith("real-")]


def rows_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_there_is_added_real_data() -> None:
    assert ADDED, "training/data/real-*.jsonl is missing"


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_rows_are_well_formed(path: Path) -> None:
    for number, row in enumerate(rows_of(path), start=1):
        where = f"{path.name}:{number}"
        assert {"text", "label", "alt", "lang", "repo", "commit", "path"} <= set(row), where
        assert row["text"].strip() and "\n" not in row["text"], where
        assert row["label"] in CLASSES, where
        assert set(row["alt"]) <= set(CLASSES) - {row["label"]}, where
        assert row["lang"] in {"en", "fr", "it"}, where


@pytest.mark.parametrize("path", ADDED, ids=lambda path: path.name)
def test_added_rows_name_a_listed_source(path: Path) -> None:
    sources = (TRAINING / "SOURCES.md").read_text(encoding="utf-8")
    for number, row in enumerate(rows_of(path), start=1):
        assert re.fullmatch(r"[0-9a-f]{40}", row["commit"]), f"{path.name}:{number}"
        assert isinstance(row["line"], int) and row["line"] >= 1, f"{path.name}:{number}"
        listed = f"| {row['repo']} | `{row['commit']}` | `{row['path']}` |"
        assert listed in sources, f"{path.name}:{number}: {row['repo']} {row['path']}"


def test_no_statement_is_labelled_twice_across_added_files() -> None:
    seen: dict[tuple[str, str, str], str] = {}
    for path in ADDED:
        for row in rows_of(path):
            key = (row["repo"], row["path"], row["text"])
            assert key not in seen or seen[key] == path.name, f"{key} in {seen.get(key)}"
            seen[key] = path.name
