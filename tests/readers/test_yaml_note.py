"""YAML notes."""

from __future__ import annotations

from pathlib import Path

import pytest

from jtbd import ForceKind, NoteError, SwitchStage, read_note

NOTE = """\
id: y1
participant: Bo
date: 2024-04-01
consent: true
role: shop-owner
forces:
  push:
    - "Re-typing VAT data every quarter #vat"  # quoted: a bare # starts a YAML comment
    - {text: "The accountant bill doubled", quote: true, intensity: 4, tags: [Accountant]}
  habit:
    - The spreadsheet is familiar
jobs:
  - When the quarter ends, I want to hand over everything, so I can stop worrying.
  - {when: a client pays late, want: remind them politely, so: get paid}
  - Wants peace of mind
timeline:
  - first thought: the letter
  - {stage: deciding, text: trial}
notes: Talked fast.
"""


def read(tmp_path: Path, text: str, name: str = "y1.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_note(path, root=tmp_path)


def test_yaml_note_reads_every_part_with_lines(tmp_path):
    result = read(tmp_path, NOTE)
    interview = result.interview
    assert interview.attributes == {"role": "shop-owner"}
    assert [(f.kind, f.text, f.quote, f.intensity, f.tags, f.line) for f in interview.forces] == [
        (ForceKind.PUSH, "Re-typing VAT data every quarter", False, None, ["vat"], 8),
        (ForceKind.PUSH, "The accountant bill doubled", True, 4, ["accountant"], 9),
        (ForceKind.INERTIA, "The spreadsheet is familiar", False, None, [], 11),
    ]
    assert [(j.when, j.want, j.so) for j in interview.jobs][:2] == [
        ("the quarter ends", "hand over everything", "stop worrying"),
        ("a client pays late", "remind them politely", "get paid"),
    ]
    assert [(e.stage, e.text) for e in interview.timeline] == [
        (SwitchStage.FIRST_THOUGHT, "the letter"),
        (SwitchStage.DECIDING, "trial"),
    ]
    assert interview.notes == "Talked fast."
    assert [w.line for w in result.warnings] == [15]


@pytest.mark.parametrize(
    ("text", "field", "line"),
    [
        ("forces:\n  push:\n    - text: x\n      intensity: high\n", "forces.push.0.intensity", 4),
        ("forces:\n  push: just a string\n", "forces.push", 2),
        ("forces:\n  ambition: [x]\n", "forces.ambition", 2),
        ("jobs: {when: x}\n", "jobs", 1),
        ("participant: {first: Ann}\nforces: {push: [x]}\n", "participant", 1),
    ],
)
def test_wrong_type_names_the_field_and_line(tmp_path, text, field, line):
    with pytest.raises(NoteError) as caught:
        read(tmp_path, text)
    assert caught.value.message.startswith(field)
    assert caught.value.line == line


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "pwned"
    text = f'id: x\nrole: !!python/object/apply:os.system ["touch {marker}"]\n'
    with pytest.raises(NoteError, match="not allowed") as caught:
        read(tmp_path, text)
    assert caught.value.line == 2
    assert not marker.exists()


def test_yaml_note_must_be_a_mapping(tmp_path):
    with pytest.raises(NoteError, match="mapping"):
        read(tmp_path, "- a\n- b\n")
