"""YAML notes: the known keys at top level plus ``forces``, ``jobs``, ``timeline``, ``notes``."""

from __future__ import annotations

from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from jtbd.errors import NoteError
from jtbd.models import Force, Interview, JobStatement, TimelineEvent, job_sentence
from jtbd.readers.base import NoteResult, Problem, interview_fields
from jtbd.readers.text import load_yaml, repeated_keys, split_lines
from jtbd.readers.vocabulary import (
    force_kind_for_name,
    parse_job,
    parse_tagged_text,
    stage_for_label,
)
from jtbd.safe_yaml import SafeLoader

_BODY_KEYS = frozenset({"forces", "jobs", "timeline", "notes"})


class _ForceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)
    text: str
    quote: bool = False
    # Checked against 1-5 in _forces: a slip there costs the intensity, not the whole note.
    intensity: int | None = None
    tags: list[str] = Field(default_factory=list)


class _JobEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    when: str
    want: str
    so: str | None = None


class _StageEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    stage: str
    text: str


class _Body(BaseModel):
    """The shape of a YAML note's body, so a wrong type names its field."""

    model_config = ConfigDict(coerce_numbers_to_str=True)
    forces: dict[str, list[str | _ForceEntry]] = Field(default_factory=dict)
    jobs: list[str | _JobEntry] = Field(default_factory=list)
    # left_to_right: {stage, text} must be read as a stage entry, not as {label: text}.
    timeline: list[Annotated[_StageEntry | dict[str, str], Field(union_mode="left_to_right")]] = (
        Field(default_factory=list)
    )
    notes: str = ""


class YamlReader:
    """Reads ``.yaml`` and ``.yml`` notes."""

    extensions = (".yaml", ".yml")

    def read(self, text: str, path: str, source: str, default_id: str) -> NoteResult:
        """Parse the text of a YAML note into an Interview."""
        data = load_yaml(text, path)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise NoteError(path, "a YAML note must be a mapping of keys (id, forces, ...)", 1)
        lines = _NodeLines(text)
        fields, warnings = interview_fields(data, path, lambda key: lines.of((key,)), _BODY_KEYS)
        warnings = repeated_keys(split_lines(text), path, 1) + warnings
        body_data = {key: data[key] for key in _BODY_KEYS if data.get(key) is not None}
        try:
            body = _Body.model_validate(body_data)
        except ValidationError as error:
            # A union reports one error per member; the deepest one says what is wrong.
            first = max(error.errors(), key=lambda problem: len(problem["loc"]))
            location = tuple(part for part in first["loc"] if not _is_union_branch(part))
            dotted = ".".join(str(part) for part in location)
            raise NoteError(path, f"{dotted}: {first['msg']}", lines.of(location)) from None
        fields.setdefault("id", default_id)
        forces, jobs, timeline = _body_parts(body, path, source, lines, warnings)
        interview = Interview(
            **fields, source=source, forces=forces, jobs=jobs, timeline=timeline, notes=body.notes
        )
        return NoteResult.of_interview(interview, warnings)


def _is_union_branch(part: Any) -> bool:
    # pydantic puts the union member tried ("str", "_ForceEntry") into error locations.
    return isinstance(part, str) and (part in ("str",) or part.startswith(("_", "dict[")))


def _body_parts(
    body: _Body, path: str, source: str, lines: _NodeLines, warnings: list[Problem]
) -> tuple[list[Force], list[JobStatement], list[TimelineEvent]]:
    return (
        _forces(body, path, source, lines, warnings),
        _jobs(body, path, source, lines, warnings),
        _timeline(body, path, source, lines),
    )


def _forces(
    body: _Body, path: str, source: str, lines: _NodeLines, warnings: list[Problem]
) -> list[Force]:
    forces: list[Force] = []
    for name, entries in body.forces.items():
        kind = force_kind_for_name(name)
        if kind is None:
            raise NoteError(
                path,
                f"forces.{name}: not a force (push, pull, anxiety, inertia or habit)",
                lines.of(("forces", name)),
            )
        for position, entry in enumerate(entries):
            line = lines.of(("forces", name, position))
            if isinstance(entry, str):
                tagged = parse_tagged_text(entry)
                text, quote, tags, intensity = tagged.text, tagged.quote, tagged.tags, None
            else:
                text, quote, intensity = entry.text, entry.quote, entry.intensity
                tags = [tag.lower().lstrip("#") for tag in entry.tags]
                if intensity is not None and not 1 <= intensity <= 5:
                    message = (
                        f"forces.{name}.{position}.intensity: {intensity} is not from 1 to 5; "
                        "the force is kept without an intensity"
                    )
                    warnings.append(Problem(path, message, line))
                    intensity = None
            forces.append(
                Force(
                    kind=kind,
                    text=text,
                    quote=quote,
                    intensity=intensity,
                    tags=tags,
                    source=source,
                    line=line,
                )
            )
    return forces


def _jobs(
    body: _Body, path: str, source: str, lines: _NodeLines, warnings: list[Problem]
) -> list[JobStatement]:
    jobs: list[JobStatement] = []
    for position, job in enumerate(body.jobs):
        line = lines.of(("jobs", position))
        if isinstance(job, str):
            parts = parse_job(job)
            if parts.when is None:
                warnings.append(
                    Problem(
                        path,
                        "job statement is not 'When ..., I want to ..., so I can ...': kept whole",
                        line,
                    )
                )
            text, when, want, so = job, parts.when, parts.want, parts.so
        else:
            text, when, want, so = (
                job_sentence(job.when, job.want, job.so),
                job.when,
                job.want,
                job.so,
            )
        jobs.append(JobStatement(text=text, when=when, want=want, so=so, source=source, line=line))
    return jobs


def _timeline(body: _Body, path: str, source: str, lines: _NodeLines) -> list[TimelineEvent]:
    timeline: list[TimelineEvent] = []
    for position, event in enumerate(body.timeline):
        line = lines.of(("timeline", position))
        pairs = (
            [(event.stage, event.text)] if isinstance(event, _StageEntry) else list(event.items())
        )
        for label, text in pairs:
            stage = stage_for_label(label)
            if stage is None:
                raise NoteError(path, f"timeline.{position}: {label!r} is not a switch stage", line)
            timeline.append(TimelineEvent(stage=stage, text=text, source=source, line=line))
    return timeline


class _NodeLines:
    """File lines of YAML values by their key path, composed only when first needed."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._root: yaml.Node | None = None
        self._composed = False

    def of(self, location: tuple[Any, ...]) -> int | None:
        if not self._composed:
            self._composed = True
            # The same text has already loaded without error, so composing it cannot fail.
            self._root = yaml.compose(self._text, Loader=SafeLoader)  # noqa: S506
        node = self._root
        line = None
        for part in location:
            if node is None:
                break
            line = node.start_mark.line + 1
            node = _child(node, part)
        if node is not None:
            line = node.start_mark.line + 1
        return line


def _child(node: yaml.Node, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == str(part):
                return value
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
        return node.value[part]
    return None
