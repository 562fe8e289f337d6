"""What every reader returns, and the note metadata both formats share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import to_json

from jtbd.errors import NoteError
from jtbd.models import (
    AttributeValue,
    Force,
    Interview,
    JobStatement,
    Statement,
    TimelineEvent,
)
from jtbd.readers.frontmatter_values import parse_consent, parse_date
from jtbd.readers.vocabulary import Vocabulary, default_vocabulary


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
    """A note read into interview data, with what the reader wants the user to know.

    ``data`` is exactly ``interview.model_dump(mode="json")``: every field in field
    order, enums and dates as strings, already valid. Ingest writes it as JSON without
    building the models, which was a third of the cost of reading a note.
    ``interview`` builds the model when asked.
    """

    data: dict[str, Any]
    warnings: list[Problem] = field(default_factory=list)
    free_note_items: int = 0
    """List items, quotes and paragraphs the reader kept as free notes (for the summary)."""
    _interview: Interview | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of_interview(cls, interview: Interview, warnings: list[Problem]) -> NoteResult:
        """The result for a reader that built the model itself."""
        result = cls(interview.model_dump(mode="json"), warnings)
        result._interview = interview
        return result

    @property
    def interview(self) -> Interview:
        """The note as an :class:`Interview` model."""
        if self._interview is None:
            self._interview = Interview.model_validate(self.data)
        return self._interview

    @property
    def has_content(self) -> bool:
        """True when the note holds any forces, jobs or timeline."""
        data = self.data
        return bool(data["forces"] or data["jobs"] or data["timeline"] or data["turns"])

    def interview_json(self) -> str:
        """The interview as JSON, byte for byte what ``interview.model_dump_json()`` gives."""
        # pydantic's own serializer, so floats and escapes come out the same.
        return to_json(self.data, inf_nan_mode="null").decode()


def json_template(model: type[BaseModel]) -> dict[str, Any]:
    """Every field of ``model`` in field order, at its default in JSON form (required: None).

    Fast readers copy a template and fill in what they know, so the dicts they build are
    ``model_dump(mode="json")`` in shape without a second list of fields to keep in step.
    """
    template: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        default: Any = None
        if not info.is_required():
            default = info.get_default(call_default_factory=True)
        template[name] = default.value if isinstance(default, Enum) else default
    return template


FORCE_TEMPLATE = json_template(Force)
JOB_TEMPLATE = json_template(JobStatement)
TIMELINE_TEMPLATE = json_template(TimelineEvent)
STATEMENT_TEMPLATE = json_template(Statement)
_INTERVIEW_TEMPLATE = json_template(Interview)


def interview_data(
    fields: dict[str, Any],
    source: str,
    forces: list[dict[str, Any]],
    jobs: list[dict[str, Any]],
    timeline: list[dict[str, Any]],
    notes: str,
) -> dict[str, Any]:
    """Interview data as NoteResult holds it, from ``interview_fields`` and a note body."""
    data = _INTERVIEW_TEMPLATE.copy()
    data.update(fields)
    date = fields.get("date")
    data["date"] = date.isoformat() if date is not None else None
    data.update(source=source, forces=forces, jobs=jobs, timeline=timeline, notes=notes)
    data["turns"], data["statements"] = [], []  # fresh lists: the template's are shared
    return data


class _KnownKeys(BaseModel):
    """The frontmatter keys with a meaning; validated so a wrong type names its field."""

    model_config = ConfigDict(coerce_numbers_to_str=True)

    id: str | None = None
    participant: str | None = None
    interviewer: str | None = None
    switched_from: str | None = None
    switched_to: str | None = None


KNOWN_KEYS = frozenset(_KnownKeys.model_fields) | {"date", "consent"}
# A value of exactly the type validation gives needs no validation (every note asks).
_TEXT_KEYS = tuple(_KnownKeys.model_fields)

# line_of(key) gives the file line of a top-level key, for error messages.
LineOf = Callable[[str], "int | None"]


def interview_fields(
    data: dict[str, Any],
    path: str,
    line_of: LineOf,
    skip: frozenset[str] = frozenset(),
    vocabulary: Vocabulary | None = None,
) -> tuple[dict[str, Any], list[Problem]]:
    """Validate the known keys of a note and keep every other key as an attribute."""
    known = {key: data[key] for key in _TEXT_KEYS if key in data}
    try:
        if all(type(value) is str for value in known.values()):
            fields = known
        else:
            fields = _KnownKeys.model_validate(known).model_dump(exclude_none=True)
    except ValidationError as error:
        first = error.errors()[0]
        key = str(first["loc"][0])
        raise NoteError(path, f"{key}: {first['msg']}", line_of(key)) from None
    if "switched_to" in data and not str(data["switched_to"] or "").strip():
        # Kept apart from a missing key: a blank one is a question left unanswered, not
        # the "named only what they had" of a stay (see balance.switch_outcome).
        fields["switched_to"] = ""
    words = vocabulary or default_vocabulary()
    warnings: list[Problem] = []
    attributes: dict[str, AttributeValue] = {}
    if "consent" in data:
        _read_consent(data["consent"], fields, warnings, path, line_of("consent"), words)
    if "date" in data and data["date"] is not None:
        date = _read_date(data["date"], words)
        if date is not None:
            fields["date"] = date
        else:
            attributes["date"] = str(data["date"])
            warnings.append(
                Problem(
                    path,
                    f"date: {data['date']!r} is not a date (write YYYY-MM-DD); kept as text",
                    line_of("date"),
                )
            )
    for key, value in data.items():
        if key in KNOWN_KEYS or key in skip:
            continue
        _add_attribute(attributes, str(key), value)
    fields["attributes"] = attributes
    return fields, warnings


def _read_date(value: Any, words: Vocabulary) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return parse_date(str(value), words)


def _read_consent(
    value: Any,
    fields: dict[str, Any],
    warnings: list[Problem],
    path: str,
    line: int | None,
    words: Vocabulary,
) -> None:
    consent, text, clear = parse_consent(value, words)
    fields["consent"] = consent
    if text is not None:
        fields["consent_text"] = text
    if not clear:
        warnings.append(
            Problem(
                path,
                f"consent: {text!r} is neither yes nor no: the interview is kept out of "
                "reports until it says (e.g. 'consent: verbal' or 'consent: no')",
                line,
            )
        )


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
