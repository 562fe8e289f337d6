"""Cues to an interview: turns, roles, sentence statements and tagged forces.

Shared by every transcript format. The dicts are built in the models' JSON shape from
templates (as the Markdown reader does), so ingest stores them without building a
pydantic model per turn; ``tests/readers/transcripts`` checks they validate unchanged.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from jtbd.models import Statement, Turn
from jtbd.readers.base import FORCE_TEMPLATE, NoteResult, Problem, interview_data, json_template
from jtbd.readers.transcripts.cues import Cue, Parsed
from jtbd.readers.transcripts.meta import Metadata
from jtbd.readers.transcripts.roles import decide_roles
from jtbd.readers.transcripts.sentences import split_sentences
from jtbd.readers.vocabulary import parse_tagged_text

# The dict literals below must list these fields in this order (asserted at import, so
# a field added to the model cannot be silently left out).
assert list(json_template(Turn)) == ["speaker", "role", "start", "end", "text", "source", "line"]
assert list(json_template(Statement)) == ["text", "speaker", "turn", "start", "source", "line"]


class _Turn:
    """A turn being built: its cues' texts and where each cue starts in the joined text."""

    __slots__ = ("speaker", "start", "end", "parts", "offsets", "starts", "lines", "size")

    def __init__(self, cue: Cue) -> None:
        self.speaker = cue.speaker
        self.start = cue.start
        self.end = cue.end
        self.parts = [cue.text]
        self.offsets = [0]
        self.starts = [cue.start]
        self.lines = [cue.line]
        self.size = len(cue.text)

    def add(self, cue: Cue) -> None:
        # Captions wrap one sentence over several cues: joined with a space.
        self.size += 1
        self.offsets.append(self.size)
        self.parts.append(cue.text)
        self.starts.append(cue.start)
        self.lines.append(cue.line)
        self.size += len(cue.text)
        if cue.end is not None:
            self.end = cue.end
        if self.start is None:
            self.start = cue.start


# In captions without speaker labels, a pause this long (seconds) starts a new turn, so
# an hour of unlabelled captions reads as paragraphs rather than one turn.
PAUSE = 2.0


def merge_cues(cues: list[Cue]) -> list[_Turn]:
    """Consecutive cues of one speaker as one turn; an unlabelled cue continues the last.

    Without any speaker, a pause of :data:`PAUSE` seconds between cues ends a turn.
    """
    turns: list[_Turn] = []
    current: _Turn | None = None
    for cue in cues:
        if not cue.text:
            continue
        if current is not None and _continues(current, cue):
            current.add(cue)
            continue
        current = _Turn(cue)
        turns.append(current)
    return turns


def _continues(turn: _Turn, cue: Cue) -> bool:
    """True when ``cue`` belongs to ``turn``: same speaker, or unlabelled without a pause."""
    if cue.speaker is not None and cue.speaker != turn.speaker:
        return False
    if turn.speaker is None and turn.end is not None and cue.start is not None:
        return cue.start - turn.end < PAUSE
    return True


def _questions(turns: list[_Turn]) -> tuple[list[str], dict[str, int]]:
    """The speakers in order of first turn, and how many questions each asked."""
    speakers: list[str] = []
    questions: dict[str, int] = {}
    for turn in turns:
        if turn.speaker is not None:
            if turn.speaker not in questions:
                speakers.append(turn.speaker)
                questions[turn.speaker] = 0
            # A question is a turn that ends in one: answers ask rhetorical questions too.
            questions[turn.speaker] += turn.parts[-1].rstrip().endswith("?")
    return speakers, questions


def build_result(
    parsed: Parsed, meta: Metadata, path: str, source: str, default_id: str, notes: str = ""
) -> NoteResult:
    """The interview a transcript's cues make, with the parser's and the roles' warnings."""
    turns = merge_cues(parsed.cues)
    speakers, questions = _questions(turns)
    roles = decide_roles(speakers, questions, meta.interviewers, path, meta.where)
    warnings = [*meta.warnings, *parsed.warnings, *roles.warnings]
    turn_data: list[dict[str, Any]] = []
    statements: list[dict[str, Any]] = []
    forces: list[dict[str, Any]] = []
    for index, turn in enumerate(turns):
        text = " ".join(turn.parts)
        interviewer = turn.speaker in roles.interviewers
        item: dict[str, Any] = {  # in Turn's field order, checked by the reader tests
            "speaker": turn.speaker,
            "role": "interviewer" if interviewer else "participant",
            "start": turn.start,
            "end": turn.end,
            "text": text,
            "source": source,
            "line": turn.lines[0],
        }
        turn_data.append(item)
        if interviewer:
            if "#" in text and parse_tagged_text(text).kind is not None:
                warnings.append(
                    Problem(
                        path, "a force tag in an interviewer's turn: not counted", turn.lines[0]
                    )
                )
            continue
        _add_statements(turn, index, text, source, statements, forces)
    fields = dict(meta.fields)
    fields.setdefault("id", default_id)
    if meta.interviewers:
        fields["interviewer"] = ", ".join(meta.interviewers)
    elif roles.interviewers:
        fields["interviewer"] = ", ".join(s for s in speakers if s in roles.interviewers)
    participants = [s for s in speakers if s not in roles.interviewers]
    if "participant" not in fields and len(participants) == 1:
        fields["participant"] = participants[0]
    data = interview_data(fields, source, forces, [], [], notes)
    data["turns"], data["statements"] = turn_data, statements
    return NoteResult(data, warnings)


def _add_statements(
    turn: _Turn,
    index: int,
    text: str,
    source: str,
    statements: list[dict[str, Any]],
    forces: list[dict[str, Any]],
) -> None:
    """Split a participant turn into sentences; a sentence with a force #tag is a force."""
    offsets, speaker = turn.offsets, turn.speaker
    single = len(offsets) == 1
    for offset, sentence in split_sentences(text):
        cue = 0 if single else bisect_right(offsets, offset) - 1
        start, line = turn.starts[cue], turn.lines[cue]
        if start is None:
            start = turn.start
        if "#" in sentence or sentence[0] in '["\u201c\u201e\u00ab':
            tagged = parse_tagged_text(sentence)
            if not tagged.text:
                continue  # a tag on its own
            sentence = tagged.text
            if tagged.kind is not None:
                force = FORCE_TEMPLATE.copy()
                force.update(
                    kind=tagged.kind._value_,
                    text=tagged.text,
                    quote=True,  # the participant's own words
                    tags=tagged.tags,
                    source=source,
                    line=line,
                    start=start,
                )
                forces.append(force)
        # A literal in Statement's field order (a template copy costs twice as much);
        # the reader tests check it is exactly Statement.model_dump().
        statements.append(
            {
                "text": sentence,
                "speaker": speaker,
                "turn": index,
                "start": start,
                "source": source,
                "line": line,
            }
        )
