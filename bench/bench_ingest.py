"""Ingest benchmark: cold ingest, unchanged re-ingest, memory, and start-up.

    python bench/bench_ingest.py [--notes 10000]

Every measurement runs in its own process so peak memory (max RSS) is its own. The
"floor" only reads every file and parses its frontmatter with PyYAML's C loader: the
least any ingest must do. Targets: cold ingest <= 2x floor; unchanged re-ingest <= 10%
of cold; `jtbd --help` < 0.2 s.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

FLOOR = """
import sys, time, os, yaml
start = time.perf_counter()
for directory, _, files in os.walk(sys.argv[1]):
    for name in files:
        text = open(os.path.join(directory, name), encoding="utf-8").read()
        end = text.index("\\n---", 3)
        yaml.load(text[4:end], Loader=yaml.CSafeLoader)
print(time.perf_counter() - start)
"""


def startup_seconds(runs: int = 7) -> float:
    """Median wall time of `jtbd --help` as a new process."""
    jtbd = Path(sys.executable).parent / "jtbd"
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([str(jtbd), "--help"], capture_output=True, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from corpus import write_corpus
    from harness import run_steps

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notes", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs [3]")
    options = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="jtbd-bench-"))
    try:
        notes, workspace = scratch / "notes", scratch / "ws"
        write_corpus(notes, options.notes)
        size = sum(p.stat().st_size for p in notes.rglob("*.md")) / options.notes
        print(f"corpus: {options.notes} notes, {size / 1024:.1f} KiB each on average")
        runs = run_steps(FLOOR, notes, workspace, options.repeat)
        (floor, _, floor_rss), (cold, _, cold_rss), (warm, _, warm_rss) = (
            min(runs.floors),
            min(runs.colds),
            min(runs.warms),
        )
        print(f"floor (read + frontmatter, C loader): {floor:6.2f} s   peak {floor_rss:5.0f} MiB")
        print(
            f"cold ingest:                          {cold:6.2f} s   peak {cold_rss:5.0f} MiB"
            f"   {options.notes / cold:,.0f} notes/s   {cold / floor:.2f}x floor (target <= 2x)"
        )
        print(
            f"re-ingest, nothing changed:           {warm:6.2f} s   peak {warm_rss:5.0f} MiB"
            f"   {warm / cold:.1%} of cold (target < 10%)"
        )
        print(f"`jtbd --help` start-up (median of 7): {startup_seconds():6.3f} s (target < 0.2 s)")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
