"""What every reader returns, and the note metadata both formats share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from jtbd.errors import NoteError
from jtbd.models import AttributeValue, Interview


@dataclass(frozen=True)
class Problem:
    """A warning or error about one note, with the file and (where known) the line."""

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass
class NoteResult:
    """A note read into an Interview, with what the reader wants the user to know."""

    interview: Interview
    warnings: list[Problem] = field(default_factory=list)


class _KnownKeys(BaseModel):
    """The frontmatter keys with a meaning; validated so a wrong type names its field."""

    model_config = ConfigDict(coerce_numbers_to_str=True)

    id: str | None = None
    participant: str | None = None
    interviewer: str | None = None
    consent: bool | None = None
    switched_from: str | None = None
    switched_to: str | None = None


KNOWN_KEYS = frozenset(_KnownKeys.model_fields) | {"date"}

# line_of(key) gives the file line of a top-level key, for error messages.
LineOf = Callable[[str], "int | None"]


def interview_fields(
    data: dict[str, Any], path: str, line_of: LineOf, skip: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], list[Problem]]:
    """Validate the known keys of a note and keep every other key as an attribute."""
    known = {key: data[key] for key in _KnownKeys.model_fields if key in data}
    try:
        fields = _KnownKeys.model_validate(known).model_dump(exclude_none=True)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0])
        raise NoteError(path, f"{key}: {first['msg']}", line_of(key)) from None
    warnings: list[Problem] = []
    attributes: dict[str, AttributeValue] = {}
    if "date" in data and data["date"] is not None:
        value = data["date"]
        if isinstance(value, dt.datetime):
            fields["date"] = value.date()
        elif isinstance(value, dt.date):
            fields["date"] = value
        else:
            try:
                fields["date"] = dt.date.fromisoformat(str(value).strip())
            except ValueError:
                attributes["date"] = str(value)
                warnings.append(
                    Problem(
                        path, f"date: {value!r} is not YYYY-MM-DD; kept as text", line_of("date")
                    )
                )
    for key, value in data.items():
        if key in KNOWN_KEYS or key in skip:
            continue
        _add_attribute(attributes, str(key), value)
    fields["attributes"] = attributes
    return fields, warnings


def _add_attribute(attributes: dict[str, AttributeValue], key: str, value: Any) -> None:
    """Store a frontmatter value as JSON-safe data; nested mappings become dotted keys."""
    if isinstance(value, dict):
        for sub_key, sub_value in value.items():
            _add_attribute(attributes, f"{key}.{sub_key}", sub_value)
    elif isinstance(value, (list, tuple, set)):
        attributes[key] = [_scalar(item) for item in value]
    else:
        attributes[key] = _scalar(value)


def _scalar(value: Any) -> str | int | float | bool | None:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)
