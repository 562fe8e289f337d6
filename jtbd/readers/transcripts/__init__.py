"""Transcript readers: Zoom, Teams, Meet, Otter, Rev, Whisper, Word and Markdown dialogue.

Each format is a small parser, ``text -> cues`` (:mod:`.cues`); :mod:`.build` turns the
cues of any of them into an interview with turns, roles and sentence statements. The
readers here have the notes readers' interface (``extensions`` and ``read``) plus the
transcript's metadata: a ``NAME.meta.yaml`` sidecar (see :func:`sidecar_path`).
"""

from __future__ import annotations

from collections.abc import Callable

from jtbd.errors import NoteError
from jtbd.readers.base import NoteResult
from jtbd.readers.text import frontmatter_span, split_frontmatter, split_lines
from jtbd.readers.transcripts.build import build_result
from jtbd.readers.transcripts.cues import Parsed, clock
from jtbd.readers.transcripts.dialogue import parse_dialogue, speaker_label
from jtbd.readers.transcripts.docx import parse_docx
from jtbd.readers.transcripts.meta import (
    SIDECAR_ENDINGS,
    SIDECAR_SUFFIX,
    Metadata,
    metadata_of,
    read_sidecar,
    sidecar_path,
)
from jtbd.readers.transcripts.plain import detect, drop_line_stamps, parse_text
from jtbd.readers.transcripts.srt import parse_srt
from jtbd.readers.transcripts.vtt import parse_vtt
from jtbd.readers.transcripts.whisper import parse_whisper
from jtbd.readers.vocabulary import Section, classify_heading, label_name

__all__ = [
    "MAX_TRANSCRIPT_BYTES",
    "SIDECAR_ENDINGS",
    "SIDECAR_SUFFIX",
    "TRANSCRIPT_READERS",
    "DialogueReader",
    "DocxReader",
    "TranscriptReader",
    "clock",
    "looks_like_dialogue",
    "sidecar_path",
]

# A one-hour transcript is about 60 kB and a whole day's about 1 MB; a file far past
# that is a recording or a log saved under the wrong name, and would stall a run.
MAX_TRANSCRIPT_BYTES = 20 * 1024 * 1024

TextParser = Callable[[str, str], Parsed]


def _metadata(sidecar: bytes | None, path: str) -> Metadata:
    shown = sidecar_path(path)
    raw, text = read_sidecar(sidecar, shown)
    where = shown.replace("\\", "/").rsplit("/", 1)[-1]
    return metadata_of(raw, shown, where, text)


def check_size(data: bytes, path: str) -> None:
    """Refuse a transcript over :data:`MAX_TRANSCRIPT_BYTES` with a one-line error."""
    if len(data) > MAX_TRANSCRIPT_BYTES:
        size, limit = len(data) / 2**20, MAX_TRANSCRIPT_BYTES // 2**20
        raise NoteError(path, f"too large for a transcript ({size:.1f} MB, over {limit} MB)")


class TranscriptReader:
    """Reads one transcript format (by extension) into an interview with turns."""

    def __init__(self, extensions: tuple[str, ...], parse: TextParser) -> None:
        self.extensions = extensions
        self._parse = parse

    def read(
        self, text: str, path: str, source: str, default_id: str, sidecar: bytes | None = None
    ) -> NoteResult:
        """Parse a transcript's text; ``sidecar`` is its ``NAME.meta.yaml``, if any."""
        parsed = self._parse(text, path)
        return build_result(
            parsed, _metadata(sidecar, path), path, source, default_id, parsed.notes
        )


class DocxReader(TranscriptReader):
    """Reads Word transcripts from their bytes (python-docx): use ``read_bytes``."""

    def __init__(self) -> None:
        super().__init__((".docx",), lambda text, path: parse_text(split_lines(text), path))

    def read_bytes(
        self, data: bytes, path: str, source: str, default_id: str, sidecar: bytes | None = None
    ) -> NoteResult:
        """Parse a ``.docx`` file's bytes; NoteError when it is not a Word document."""
        parsed = parse_docx(data, path)
        return build_result(
            parsed, _metadata(sidecar, path), path, source, default_id, parsed.notes
        )


class DialogueReader:
    """Markdown transcripts: frontmatter (or a sidecar) for metadata, then the dialogue.

    Not in ``READERS``: ``.md`` belongs to the notes reader, and a Markdown file comes
    here only when :func:`looks_like_dialogue` says so.
    """

    extensions = (".md", ".markdown")

    def read(
        self, text: str, path: str, source: str, default_id: str, sidecar: bytes | None = None
    ) -> NoteResult:
        """Parse a Markdown transcript: dialogue, or an Otter/Rev/Meet text saved as .md."""
        lines = split_lines(text)
        frontmatter = split_frontmatter(lines, path)
        if frontmatter.data:
            front = "\n".join(lines[: frontmatter.body_start])
            meta = metadata_of(frontmatter.data, path, "the frontmatter", front)
        else:
            meta = _metadata(sidecar, path)
        body = drop_line_stamps(lines[frontmatter.body_start :])
        name, parser = detect(body)
        if name in ("dialogue", "paragraphs"):
            parsed = parse_dialogue(lines, path, frontmatter.body_start)
        else:
            offset = frontmatter.body_start
            parsed = parser(body, path)
            parsed = parsed._replace(cues=[c._replace(line=c.line + offset) for c in parsed.cues])
        return build_result(parsed, meta, path, source, default_id, parsed.notes)


def _parse_plain(text: str, path: str) -> Parsed:
    return parse_text(split_lines(text), path)


TRANSCRIPT_READERS: tuple[TranscriptReader, ...] = (
    TranscriptReader((".vtt",), parse_vtt),
    TranscriptReader((".srt",), parse_srt),
    TranscriptReader((".txt",), _parse_plain),
    TranscriptReader((".json",), parse_whisper),
    DocxReader(),
)

# The conservative test of looks_like_dialogue: this many turns, from at least two
# speakers who each speak twice, and at least half the paragraphs opening with a label.
_MIN_TURNS = 4
_MIN_SHARE = 0.5


def looks_like_dialogue(text: str) -> bool:
    """True when a Markdown file is a transcript rather than a note.

    Conservative, so a note is never read as a transcript: the file has no force, job
    or timeline heading nor a ``Push:`` label line (the notes reader would find none), and
    either the paragraphs are mostly turns (at least four labelled ``Name:`` /
    ``**Name:**`` paragraphs, two speakers with two turns each, half of all paragraphs)
    or it is an Otter, Rev, Meet or Zoom chat text saved as Markdown.
    """
    lines = split_lines(text)
    body = _after_frontmatter(lines)
    labels: dict[str, int] = {}
    paragraphs = 0
    previous_blank = True
    for line in body:
        stripped = line.strip()
        if not stripped:
            previous_blank = True
            continue
        if stripped[0] == "#" and stripped.lstrip("#")[:1] == " ":
            if classify_heading(stripped.lstrip("#").strip())[0] != Section.OTHER:
                return False
            previous_blank = True
            continue
        named = label_name(stripped)
        if named is not None and classify_heading(named)[0] != Section.OTHER:
            return False  # "Push: the sheet broke" is a note's force line, not a speaker
        label = speaker_label(stripped)
        if label is not None:
            labels[label[0]] = labels.get(label[0], 0) + 1
            paragraphs += 1
        elif previous_blank:
            paragraphs += 1
        previous_blank = False
    turns = sum(labels.values())
    repeated = sum(1 for count in labels.values() if count >= 2)
    if turns >= _MIN_TURNS and repeated >= 2 and turns >= _MIN_SHARE * paragraphs:
        return True
    name, _ = detect(drop_line_stamps(body))
    return name in ("otter", "rev", "meet", "zoom_chat")


def _after_frontmatter(lines: list[str]) -> list[str]:
    """The lines below a leading ``---`` block (its keys are not speakers)."""
    span = frontmatter_span(lines)
    return lines if span is None or span[1] < 0 else lines[span[1] + 1 :]
