"""The frontmatter fast path means exactly what PyYAML means, or steps aside."""

from __future__ import annotations

import random

import pytest
import yaml

from jtbd.readers.simple_yaml import parse_simple
from tests.conftest import EXAMPLES

VALUES = [
    "freelancer",
    "Anna Berg",
    "Chloé Martin",
    "Google Sheets",
    "2-10",
    "11-50",
    "1",
    "0",
    "007",
    "12",
    "-3",
    "+4",
    "1.5",
    "1e3",
    "0x1F",
    "1_000",
    "1:20",
    "2024-02-06",
    "2024-2-6",
    "2024-02-30",
    "2024-02-06 10:00",
    "2024-02-06T10:00:00Z",
    "true",
    "True",
    "TRUE",
    "false",
    "yes",
    "No",
    "ON",
    "off",
    "y",
    "n",
    "null",
    "Null",
    "~",
    "",
    "'quoted'",
    '"double"',
    "a: b",
    "value # comment",
    "value#notcomment",
    "[a, b]",
    "{a: 1}",
    "- item",
    "&anchor",
    "*alias",
    "!tag",
    "|",
    ">",
    "%x",
    "@x",
    "`x`",
    "shoebox + accountant",
    "Rossi, Marco",
    "O'Brien",
    "it's fine",
    "tab\there",
    ".inf",
    ".nan",
    "-.inf",
    "<<",
    "=",
    "x ",
    "3 people",
    "Ledgerly",
    "SageDesk (old)",
    "a/b",
    "über",
    "1.0.2",
    "v1.2",
    "p01",
    "NaN",
    "nan",
    "Inf",
]


def parsed_by_yaml(lines: list[str]) -> object:
    try:
        return ("ok", yaml.load("\n".join(lines), Loader=yaml.CSafeLoader))
    except (yaml.YAMLError, ValueError) as error:
        return ("error", type(error).__name__)


@pytest.mark.parametrize("value", VALUES)
def test_each_value_means_what_yaml_means_or_falls_back(value):
    lines = [f"key: {value}" if value else "key:"]
    fast = parse_simple(lines)
    if fast is not None:
        assert ("ok", fast) == parsed_by_yaml(lines)
        assert type(fast["key"]) is type(parsed_by_yaml(lines)[1]["key"])  # type: ignore[index]


def test_random_frontmatter_blocks_agree_with_yaml():
    rng = random.Random(7)
    keys = ["id", "role", "date", "consent", "size", "region", "x-y", "_k", "Key2"]
    fast_used = 0
    for _ in range(2000):
        lines = [f"{rng.choice(keys)}: {rng.choice(VALUES)}" for _ in range(rng.randint(1, 6))]
        if rng.random() < 0.2:
            lines.insert(
                rng.randint(0, len(lines)), rng.choice(["", "# a comment", "  indented: x"])
            )
        fast = parse_simple(lines)
        if fast is not None:
            fast_used += 1
            assert ("ok", fast) == parsed_by_yaml(lines), lines
    assert fast_used > 100  # the fast path is really exercised


def test_every_example_note_frontmatter_agrees(examples_dir=EXAMPLES):
    for path in sorted(examples_dir.glob("*.md")):
        raw = path.read_bytes()
        text = raw.decode("utf-16" if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig")
        lines = text.replace("\r\n", "\n").split("\n")
        end = lines.index("---", 1)
        fast = parse_simple(lines[1:end])
        if fast is not None:
            assert ("ok", fast) == parsed_by_yaml(lines[1:end]), path.name
