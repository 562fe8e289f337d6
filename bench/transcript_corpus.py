"""Synthetic, seeded one-hour interview transcripts in every text format jtbd reads.

Each is about 9,000 words: an interviewer's short questions and a participant's long
answers, drawn from phrase banks, written as Zoom and Teams WebVTT, SubRip, Otter, Rev,
Markdown dialogue and Whisper JSON in turn.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable
from pathlib import Path

WORDS = (  # noqa: SIM905 - a list of words reads better as prose
    "invoice spreadsheet client payment reminder account bank receipt quarter tax month "
    "week evening weekend team tool app export report number formula template folder "
    "email phone accountant supplier price trial plan data import sync backup error "
    "the a my our their this that every some more less really just still never always "
    "was is were had have would could should will did do does went got made took "
    "slow fast late early easy hard cheap expensive reliable broken simple clear"
).split()
QUESTIONS = [
    "Can you tell me more about that?",
    "What happened next?",
    "How did that make you feel?",
    "What were you using before?",
    "Why did you decide to look for something else?",
    "Who else was involved in that decision?",
]
INTERVIEWER, PARTICIPANT = "Sam Rivera", "Dana Okafor"


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(6, 16))
    return " ".join(words).capitalize() + rng.choice(".........?!")


def turns(rng: random.Random, words: int = 9000) -> list[tuple[str, float, str]]:
    """(speaker, start seconds, text) turns of about ``words`` words over an hour."""
    result: list[tuple[str, float, str]] = []
    count, clock = 0, 0.0
    while count < words:
        question = rng.choice(QUESTIONS)
        answer = " ".join(_sentence(rng) for _ in range(rng.randint(4, 9)))
        for speaker, text in ((INTERVIEWER, question), (PARTICIPANT, answer)):
            result.append((speaker, clock, text))
            size = len(text.split())
            count += size
            clock += size / 2.5  # 150 words a minute
    return result


def _stamp(seconds: float, comma: bool = False) -> str:
    millis = int(round(seconds * 1000))
    hours, rest = divmod(millis, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    secs, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}{',' if comma else '.'}{millis:03d}"


def _cues(talk: list[tuple[str, float, str]]) -> list[tuple[str, float, float, str]]:
    """Turns cut into caption-sized cues of about twelve words."""
    cues = []
    for speaker, start, text in talk:
        words = text.split()
        for index in range(0, len(words), 12):
            chunk = words[index : index + 12]
            begin = start + index / 2.5
            cues.append((speaker, begin, begin + len(chunk) / 2.5, " ".join(chunk)))
    return cues


def zoom_vtt(talk: list[tuple[str, float, str]]) -> str:
    blocks = ["WEBVTT\n"]
    for number, (speaker, start, end, text) in enumerate(_cues(talk), start=1):
        blocks.append(f"{number}\n{_stamp(start)} --> {_stamp(end)}\n{speaker}: {text}\n")
    return "\n".join(blocks)


def teams_vtt(talk: list[tuple[str, float, str]]) -> str:
    blocks = ["WEBVTT\n"]
    base = uuid.UUID(int=len(talk))
    for number, (speaker, start, end, text) in enumerate(_cues(talk)):
        blocks.append(
            f"{base}/{number}-0\n{_stamp(start)} --> {_stamp(end)}\n<v {speaker}>{text}</v>\n"
        )
    return "\n".join(blocks)


def srt(talk: list[tuple[str, float, str]]) -> str:
    blocks = []
    for number, (speaker, start, end, text) in enumerate(_cues(talk), start=1):
        stamps = f"{_stamp(start, True)} --> {_stamp(end, True)}"
        blocks.append(f"{number}\n{stamps}\n{speaker}: {text}\n")
    return "\n".join(blocks)


def otter(talk: list[tuple[str, float, str]]) -> str:
    out = []
    for speaker, start, text in talk:
        minutes, seconds = divmod(int(start), 60)
        out.append(f"{speaker}  {minutes}:{seconds:02d}\n{text}\n")
    return "\n".join(out)


def rev(talk: list[tuple[str, float, str]]) -> str:
    return "\n".join(f"{s} ({_stamp(t)[:8]}):\n{text}\n" for s, t, text in talk)


def markdown(talk: list[tuple[str, float, str]]) -> str:
    out = []
    for speaker, _, text in talk:
        words, lines, line = text.split(), [], f"**{speaker}:**"
        for word in words:  # hard-wrapped at 80 columns, as editors save it
            if len(line) + len(word) + 1 > 80:
                lines.append(line)
                line = word
            else:
                line += " " + word
        lines.append(line)
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def whisper(talk: list[tuple[str, float, str]]) -> str:
    segments = [
        {"id": n, "start": round(s, 2), "end": round(e, 2), "text": " " + text}
        for n, (_, s, e, text) in enumerate(_cues(talk))
    ]
    return json.dumps({"text": "", "segments": segments, "language": "en"}, indent=2)


FORMATS: list[tuple[str, Callable[[list[tuple[str, float, str]]], str]]] = [
    (".vtt", zoom_vtt),
    (".vtt", teams_vtt),
    (".srt", srt),
    (".txt", otter),
    (".txt", rev),
    (".md", markdown),
    (".json", whisper),
]


def write_transcripts(folder: Path, count: int, seed: int = 7) -> float:
    """Write ``count`` transcripts under ``folder``, the formats in turn, 100 per folder.

    Returns the average number of spoken words per transcript.
    """
    rng = random.Random(seed)
    words = 0
    for number in range(count):
        extension, writer = FORMATS[number % len(FORMATS)]
        path = folder / f"batch{number // 100:02d}" / f"t{number:05d}{extension}"
        path.parent.mkdir(parents=True, exist_ok=True)
        talk = turns(rng)
        words += sum(len(text.split()) for _, _, text in talk)
        path.write_text(writer(talk), encoding="utf-8")
    return words / max(count, 1)
