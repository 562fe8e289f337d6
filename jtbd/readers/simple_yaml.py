"""A fast path for the simplest frontmatter: flat ``key: value`` lines of plain values.

Most notes' frontmatter is a handful of lines like ``role: freelancer`` or
``date: 2024-02-06``. Parsing those exactly as YAML would, without PyYAML, makes ingest
about a third faster. Anything the fast path is not *certain* about (quotes, lists,
comments, yes/no, indentation, ...) returns None and the caller uses PyYAML's safe loader.
tests/readers/test_simple_yaml.py checks it against PyYAML on a corpus of tricky values.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_KEY_VALUE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.*))?")
_INT = re.compile(r"0|[1-9][0-9]{0,17}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_RANGE = re.compile(r"\d+-\d+")
# Starts with a letter; no character that YAML could read as syntax.
_PLAIN = re.compile(r"[^\W\d_][^:#{}\[\]\"`|>*!%@\t\\]*")
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Words YAML 1.1 reads as booleans or null: leave them to PyYAML.
_SPECIAL_WORDS = frozenset({"yes", "no", "on", "off", "null", "y", "n", "~"})


def parse_simple(lines: list[str]) -> dict[str, Any] | None:
    """The mapping these lines mean in YAML, or None when only PyYAML can say."""
    data: dict[str, Any] = {}
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        match = _KEY_VALUE.fullmatch(line.rstrip())
        if match is None:
            return None
        value = _value(match.group(2) or "")
        if value is _UNSURE:
            return None
        data[match.group(1)] = value
    return data


_UNSURE = object()


def _value(text: str) -> Any:
    if not text:
        return None
    if text in _BOOLS:
        return _BOOLS[text]
    if _INT.fullmatch(text):
        return int(text)
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            return _UNSURE  # PyYAML reports the impossible date
    if _RANGE.fullmatch(text):
        return text
    if _PLAIN.fullmatch(text) and text.lower() not in _SPECIAL_WORDS and not text.endswith(" "):
        return text
    return _UNSURE
