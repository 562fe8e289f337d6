"""Transcript ingest benchmark: cold ingest and unchanged re-ingest against a floor.

    python bench/bench_transcripts.py [--transcripts 1000]

1,000 synthetic one-hour transcripts (about 9,000 words each) in turn as Zoom and Teams
WebVTT, SubRip, Otter and Rev text, Markdown dialogue and Whisper JSON (see
transcript_corpus.py). The floor reads every file and splits it into lines: the least a
reader must do. Targets: cold ingest <= 3x floor; unchanged re-ingest <= 10% of cold.
Each step runs in a fresh process (harness.py); best of N, and the range over the runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FLOOR = """
import sys, time, os
start = time.perf_counter()
for directory, _, files in os.walk(sys.argv[1]):
    for name in files:
        with open(os.path.join(directory, name), encoding="utf-8") as file:
            file.read().split("\\n")
print(time.perf_counter() - start)
"""

# One process, no pool: what each format costs to parse, per file (CPU seconds).
PER_FORMAT = """
import gc, sys, time, os
from collections import defaultdict
gc.disable()  # as ingest reads: its parsing runs with the cyclic GC paused
from jtbd.readers import read_note_bytes
costs = defaultdict(list)
for directory, _, files in os.walk(sys.argv[1]):
    for name in sorted(files)[:28]:
        path = os.path.join(directory, name)
        data = open(path, "rb").read()
        start = time.process_time()
        for _ in range(3):
            read_note_bytes(data, path, name).interview_json()
        parse = (time.process_time() - start) / 3
        start = time.process_time()
        for _ in range(3):
            data.decode().split("\\n")
        floor = (time.process_time() - start) / 3
        number = int(name[1:6])
        costs[(number % 7, name.rsplit(".", 1)[1])].append((parse, floor, len(data)))
names = ["Zoom vtt", "Teams vtt", "SubRip", "Otter txt", "Rev txt", "Markdown", "Whisper"]
for (kind, ext), rows in sorted(costs.items()):
    parse = sum(r[0] for r in rows) / len(rows)
    floor = sum(r[1] for r in rows) / len(rows)
    size = sum(r[2] for r in rows) / len(rows) / 1024
    print(f"  {names[kind]:10s} {size:5.0f} KiB  read {parse * 1000:6.2f} ms  "
          f"floor {floor * 1000:5.2f} ms  {parse / floor:5.0f}x")
"""


# The least a reader in CPython can do beyond the floor: one regex pass that finds the
# timing or speaker lines (json.loads for Whisper), and one that splits the text into
# sentences. Both are cheaper
# than any real reader (no turns, no merging, no models, nothing stored). If these alone
# cost more than 3x the floor, the 3x target needs compiled code, not a faster reader.
LEAST_PARSE = r"""
import json, os, re, sys, time
from collections import defaultdict
# the cheapest pattern that finds each format's timing or speaker lines
HEADERS = [" --> ", " --> ", " --> ", r" \d+:\d\d\n", r"\(\d\d:\d\d:\d\d\):",
           r"\*\*[^*\n]+:\*\*", None]
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
def cpu(function, text):
    start = time.process_time()
    for _ in range(5):
        function(text)
    return (time.process_time() - start) / 5
costs = defaultdict(list)
for directory, _, files in os.walk(sys.argv[1]):
    for name in sorted(files)[:28]:
        text = open(os.path.join(directory, name), encoding="utf-8").read()
        kind = int(name[1:6]) % 7
        floor = cpu(lambda t: t.split("\n"), text)
        pattern = HEADERS[kind]
        header = cpu(json.loads if pattern is None else re.compile(pattern).findall, text)
        sentences = cpu(SENTENCE_END.split, text)
        costs[kind].append((header / floor, (header + sentences) / floor))
names = ["Zoom vtt", "Teams vtt", "SubRip", "Otter txt", "Rev txt", "Markdown", "Whisper"]
for kind, rows in sorted(costs.items()):
    header = sum(r[0] for r in rows) / len(rows)
    both = sum(r[1] for r in rows) / len(rows)
    what = "json.loads  " if HEADERS[kind] is None else "header regex"
    print(f"  {names[kind]:10s} {what} {header:5.1f}x   + sentence split {both:5.1f}x")
"""


def _range(values: list[float], unit: str) -> str:
    low, high = min(values), max(values)
    return f"{low:6.2f}{unit}" if len(values) == 1 else f"{low:6.2f}-{high:.2f}{unit}"


def main() -> None:
    from harness import run_steps
    from transcript_corpus import write_transcripts

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--transcripts", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs [3]")
    options = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="jtbd-bench-transcripts-"))
    try:
        folder, workspace = scratch / "transcripts", scratch / "ws"
        words = write_transcripts(folder, options.transcripts)
        files = [p for p in folder.rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
        print(
            f"corpus: {len(files)} transcripts, {size / 2**20:.0f} MiB, "
            f"{size / len(files) / 1024:.0f} KiB and {words:,.0f} spoken words each on average"
        )
        runs = run_steps(FLOOR, folder, workspace, options.repeat)
        floor, cold, warm = min(runs.floors), min(runs.colds), min(runs.warms)
        print(f"load average when done: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"best of {options.repeat} (range over the runs):  wall          CPU          peak")
        for name, steps in [
            ("floor (read + split lines)", runs.floors),
            ("cold ingest", runs.colds),
            ("re-ingest, nothing changed", runs.warms),
        ]:
            walls = _range([step.wall for step in steps], " s")
            cpus = _range([step.cpu for step in steps], " s")
            print(f"{name:27s} {walls:13s} {cpus:13s} {min(s.rss for s in steps):5.0f} MiB")
        print(
            f"cold ingest: {cold.wall / floor.wall:.0f}x the floor's wall time, "
            f"{cold.cpu / floor.cpu:.0f}x its CPU time (target <= 3x); "
            f"{len(files) / cold.wall:,.0f} transcripts/s"
        )
        print(f"re-ingest: {warm.wall / cold.wall:.1%} of cold (target <= 10%)")
        print("per format, one process (CPU time per file, parse + JSON, against its floor):")
        subprocess.run([sys.executable, "-c", PER_FORMAT, str(folder)], check=True)
        print("least parse, one process (CPU per file of two bare passes, against its floor):")
        subprocess.run([sys.executable, "-c", LEAST_PARSE, str(folder)], check=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
