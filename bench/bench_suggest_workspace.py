"""`jtbd suggest` on a workspace: the cold run and the re-run of an unchanged study.

    python bench/bench_suggest_workspace.py [--transcripts 100] [--words 9000]

Writes synthetic transcripts (see transcript_corpus.py; WebVTT, SubRip, Otter, Rev,
Markdown dialogue and Whisper JSON in turn), ingests them, then times the command as a
user runs it, in a fresh process each time: ``cold`` with no embedding cache (the model
loads and embeds every statement), ``re-run`` of the unchanged study (every vector comes
from the workspace's cache and the model is never loaded), and ``--review`` writing the
review files. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import transcript_corpus as corpus  # noqa: E402 - a sibling module, imported by path


def _jtbd() -> list[str]:
    return [sys.executable, "-c", "from jtbd.cli import main; main()"]


def _timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([*_jtbd(), *args], cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def _write(folder: Path, count: int, words: int) -> None:
    import random

    rng = random.Random(7)
    for number in range(count):
        extension, writer = corpus.FORMATS[number % len(corpus.FORMATS)]
        path = folder / f"t{number:04d}{extension}"
        path.write_text(writer(corpus.turns(rng, words)), encoding="utf-8")


def main() -> None:
    """Build the study, then print the cold and re-run times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=100)
    parser.add_argument("--words", type=int, default=9000, help="spoken words a transcript")
    parser.add_argument("--repeat", type=int, default=3, help="re-runs (best is printed)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        top = Path(temporary)
        (top / "study").mkdir()
        _write(top / "study", options.transcripts, options.words)
        subprocess.run([*_jtbd(), "ingest", "study", "-q"], cwd=top, check=True)
        cold = _timed(["suggest"], top)
        db = sqlite3.connect(top / ".jtbd" / "jtbd.sqlite3")
        statements = db.execute("SELECT COUNT(*) FROM suggestions").fetchone()[0]
        db.close()
        rerun = min(_timed(["suggest"], top) for _ in range(options.repeat))
        review = _timed(["suggest", "--review", "review"], top)
        files = len(list((top / "review").glob("*.review.md")))
        shutil.rmtree(top / "review")
    print(f"study: {options.transcripts} transcripts of ~{options.words} words")
    print(f"statements suggested for: {statements}")
    print(f"cold run (model load + embedding):  {cold:7.2f} s  ({statements / cold:,.0f}/s)")
    print(f"re-run of the unchanged study:      {rerun:7.2f} s  (best of {options.repeat})")
    print(f"re-run with --review ({files} files): {review:7.2f} s")


if __name__ == "__main__":
    main()
