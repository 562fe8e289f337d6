"""A manual check of the transcript readers on real public files (shared/devdata).

    python bench/transcripts_devdata.py [FOLDER]   # default ../shared/devdata

Reads every file in FOLDER/files, prints how each was read (note or transcript, turns,
speakers and roles, statements) and, from FOLDER/forces-dev.jsonl, how many of the
labelled customer statements land in a participant's turn and in one statement. Prints
counts only, never the files' text (their licences allow use, not copying here).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from jtbd.errors import NoteError
from jtbd.readers import is_note, read_note


def _label_rows(folder: Path) -> dict[str, list[dict]]:
    rows: dict[str, list[dict]] = {}
    labels = folder / "forces-dev.jsonl"
    if labels.exists():
        for line in labels.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            name = f"{row['repo']}/{row['path']}".replace("/", "__")
            rows.setdefault(name, []).append(row)
    return rows


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/devdata")
    rows = _label_rows(folder)
    for path in sorted((folder / "files").iterdir()):
        if not is_note(path.name):
            continue
        try:
            result = read_note(path)
        except NoteError as error:
            print(f"{path.name[:60]:60s} error: {error.message}")
            continue
        data = result.data
        if not data["turns"]:
            print(f"{path.name[:60]:60s} note: {len(data['forces'])} forces")
            continue
        roles = Counter(turn["role"] for turn in data["turns"])
        speakers = len({turn["speaker"] for turn in data["turns"]})
        where: Counter[str] = Counter()
        for row in rows.get(path.name, []):
            turn = max(
                (t for t in data["turns"] if t["line"] <= row["line"]),
                key=lambda t: t["line"],
                default=None,
            )
            where[turn["role"] if turn else "before the first turn"] += 1
            text = " ".join(row["text"].split())
            if any(s["text"] in text or text in s["text"] for s in data["statements"]):
                where["in one statement"] += 1
        print(
            f"{path.name[:60]:60s} transcript: {len(data['turns'])} turns, {speakers} speakers, "
            f"{roles['interviewer']} interviewer turns, {len(data['statements'])} statements; "
            f"labelled rows {dict(where)}"
        )


if __name__ == "__main__":
    main()
