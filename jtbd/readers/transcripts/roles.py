"""Who is the interviewer: named in metadata, named by the speaker label, or guessed.

The guess is the speaker who asks the most questions (turns that end in a question mark:
an answer may ask a rhetorical question, a question usually ends the interviewer's
turn); on a tie, the one who speaks first. It is always reported, so the user can correct it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jtbd.readers.base import Problem

# Speaker labels that say the role themselves ("INTERVIEWER:", "Moderator 2:", "Q:").
_ROLE_LABELS = frozenset(
    [
        "interviewer",
        "interviewers",
        "moderator",
        "facilitator",
        "researcher",
        "host",
        "q",
        "int",
        "intervistatore",
        "intervistatrice",
        "intervieweur",
        "enquêteur",
        "enquêtrice",
    ]
)


@dataclass
class Roles:
    """The interviewer speakers, and what the user should be told about how."""

    interviewers: set[str] = field(default_factory=set)
    warnings: list[Problem] = field(default_factory=list)


def _is_role_label(speaker: str) -> bool:
    words = speaker.casefold().rstrip(".").split()
    if words and words[-1].isdigit():
        words = words[:-1]  # "Interviewer 2"
    return " ".join(words) in _ROLE_LABELS


def _matches(name: str, speaker: str) -> bool:
    """A metadata name names a speaker: the same, or one is the other's first name."""
    a, b = name.casefold().split(), speaker.casefold().split()
    return bool(a and b) and (a == b or a == b[:1] or b == a[:1])


def decide_roles(
    speakers: list[str],
    questions: dict[str, int],
    named: list[str],
    path: str,
    where: str,
) -> Roles:
    """Decide the interviewers among ``speakers`` (in order of first turn).

    ``questions`` counts each speaker's turns that end in a question mark; ``named`` are
    the interviewers the metadata names; ``where`` says where the user can name them.
    """
    roles = Roles()
    if not speakers:
        roles.warnings.append(
            Problem(path, "no speaker labels: every turn is read as the participant's")
        )
        return roles
    labelled = {speaker for speaker in speakers if _is_role_label(speaker)}
    unmatched: list[str] = []
    for name in named:
        found = {speaker for speaker in speakers if _matches(name, speaker)}
        roles.interviewers |= found
        if not found:
            unmatched.append(name)
    if roles.interviewers or labelled:
        roles.interviewers |= labelled  # "Alex" named, "INTERVIEWER:" labelled: both
        return roles
    for name in unmatched:
        message = f"interviewer {name!r} never speaks here; the speakers are "
        roles.warnings.append(Problem(path, message + ", ".join(speakers)))
    if len(speakers) == 1:
        return roles  # a monologue: the one speaker is the participant
    total = sum(questions.values())
    best = max(speakers, key=lambda speaker: questions.get(speaker, 0))  # first on a tie
    if total:
        why = f"asked {questions.get(best, 0)} of {total} questions"
    else:
        why = "no one asked a question: the first speaker"
    roles.interviewers = {best}
    roles.warnings.append(
        Problem(
            path, f"interviewer guessed: {best} ({why}); set 'interviewer:' in {where} to change"
        )
    )
    return roles
