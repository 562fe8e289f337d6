"""NoteResult: the readers' data is exactly what the models would produce.

Ingest writes a Markdown note's data as JSON without building pydantic models (that is a
third of the cost of a note). These tests hold that shortcut to what the models give:
byte-identical JSON and equal models, on every kind of note we know of.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from jtbd import Interview, NoteError, read_note

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))

from corpus import note_text  # noqa: E402

EXAMPLES = sorted(
    path
    for path in (REPO / "examples" / "notes").rglob("*")
    if path.suffix in (".md", ".yaml", ".yml") and ".obsidian" not in path.parts
)
FIXTURES = sorted(
    path for path in (REPO / "tests" / "fixtures" / "bad").rglob("*") if path.is_file()
)


def assert_same_as_models(path: Path, root: Path) -> None:
    result = read_note(path, root=root)
    model = Interview.model_validate(result.data)
    assert result.interview_json() == model.model_dump_json()
    assert result.interview == model
    assert result.data == model.model_dump(mode="json")


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_example_notes(path):
    assert_same_as_models(path, REPO / "examples" / "notes")


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_real_world_fixtures(path):
    try:
        read_note(path, root=path.parent)
    except NoteError:
        return  # a note that can't be read has no data to compare
    assert_same_as_models(path, path.parent)


def test_benchmark_corpus_sample(tmp_path):
    rng = random.Random(7)
    for number in range(200):
        path = tmp_path / f"n{number}.md"
        path.write_text(note_text(rng, number), encoding="utf-8")
        assert_same_as_models(path, tmp_path)


@pytest.mark.parametrize(
    "frontmatter",
    [
        "score: 4.5\nratio: 1e-7\nbig: 1.0e+16\nhuge: 100000000000000000000",
        "not_a_number: .nan\nforever: .inf\nminus: -.inf",
        "date: 2024-03-05T10:00:00\nwhen: 2024-01-02",
        "date: 'spring 2024'",
        "id: 42\nparticipant: 7\nconsent: yes",
        "team:\n  size: 5\n  lead: Ana\nlist: [1, two, 3.5, null, true, {a: 1}]",
        'quote: "tab\\there, nul-free \\u0007 bell, \\u2028 line sep, emoji 🙂, \\\\ slash"',
    ],
)
def test_frontmatter_values(tmp_path, frontmatter):
    body = '## Push\n- "It broke" #money\n  - detail\n## Jobs\n- When a, I want to b, so I can c\n'
    body += "## Timeline\n- First thought: in May\n"
    path = tmp_path / "p.md"
    path.write_text(f"---\n{frontmatter}\n---\n{body}", encoding="utf-8")
    assert_same_as_models(path, tmp_path)


def test_control_characters_in_text(tmp_path):
    path = tmp_path / "p.md"
    path.write_text("## Push\n- a \x07 bell, a \x1b escape and a \x7f delete\n", encoding="utf-8")
    assert_same_as_models(path, tmp_path)
