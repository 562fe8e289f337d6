"""What the ingest benchmarks share: a step timed in a fresh process, and the best-of-N
run of floor, cold ingest and unchanged re-ingest.

Every step runs in its own interpreter, so its peak memory (max RSS) and CPU time are
its own. Best of N: a shared machine's noise only ever makes a run slower.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

# Cold or unchanged ingest of a folder into a workspace: prints its wall time.
INGEST = """
import sys, time
from pathlib import Path
from jtbd import Workspace, ingest_folder
start = time.perf_counter()
with Workspace(Path(sys.argv[2]), create=True) as store:
    summary = ingest_folder(Path(sys.argv[1]), store)
assert not summary.errors, summary.errors[:3]
print(time.perf_counter() - start)
"""


class Timing(NamedTuple):
    """One step: the wall seconds it printed, CPU seconds (its workers' too), peak MiB."""

    wall: float
    cpu: float
    rss: float


class Runs(NamedTuple):
    """Every repeat of each step, in run order."""

    floors: list[Timing]
    colds: list[Timing]
    warms: list[Timing]


def timed(code: str, *args: str) -> Timing:
    """Run code in a fresh interpreter; the code prints its wall seconds last.

    CPU time counts the process and its workers; on a busy machine it is the steadier
    figure, since wall time then also measures the other work.
    """
    process = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE)
    assert process.stdout is not None
    output = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    if status != 0:
        raise SystemExit(f"benchmark step failed: {code[:40]!r}")
    cpu = usage.ru_utime + usage.ru_stime
    return Timing(float(output.strip().splitlines()[-1]), cpu, usage.ru_maxrss / 1024)


def run_steps(floor_code: str, folder: Path, workspace: Path, repeat: int) -> Runs:
    """Floor, cold ingest into a new workspace, re-ingest unchanged: ``repeat`` times each."""
    timed(floor_code, str(folder))  # warm the page cache so every step reads from memory
    runs = Runs([], [], [])
    for _ in range(repeat):
        runs.floors.append(timed(floor_code, str(folder)))
        shutil.rmtree(workspace, ignore_errors=True)
        runs.colds.append(timed(INGEST, str(folder), str(workspace)))
        runs.warms.append(timed(INGEST, str(folder), str(workspace)))
    return runs
