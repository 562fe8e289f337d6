"""Report benchmark: build and render the report for 1,000 and 10,000 synthetic interviews.

    python bench/bench_report.py [--sizes 1000 10000]

Prints the time to load the interviews from the workspace, to build the aggregates
(theme grouping is most of it) with the embeddings already cached, and to render HTML,
and how that scales with size.
Target: 1,000 interviews under 2 s in all.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def main() -> None:
    from corpus import write_corpus

    from jtbd import Workspace, ingest_folder
    from jtbd.rendering.report import render_report
    from jtbd.synthesis.report import build_report

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    sizes = parser.parse_args().sizes
    previous: tuple[int, float] | None = None
    for size in sizes:
        scratch = Path(tempfile.mkdtemp(prefix="jtbd-bench-report-"))
        try:
            write_corpus(scratch / "notes", size)
            with Workspace(scratch / "ws", create=True) as store:
                ingest_folder(scratch / "notes", store)
                # The first report fills the workspace's embedding cache (the model's time,
                # reported by bench/bench_themes.py); the timed one reads it, as a user's
                # second report does.
                build_report(store.interviews(), embedding_cache=scratch / "ws")
                start = time.perf_counter()
                interviews = store.interviews()
                loaded = time.perf_counter()
            report = build_report(interviews, by="role", embedding_cache=scratch / "ws")
            built = time.perf_counter()
            html = render_report(report, "html").text
            rendered = time.perf_counter()
            total = rendered - start
            statements = sum(f.mentions for f in report.forces.values())
            line = (
                f"{size:>6} interviews ({statements} forces): load {loaded - start:5.2f} s, "
                f"build {built - loaded:5.2f} s, render html {rendered - built:5.2f} s "
                f"({len(html) / 1e6:.1f} MB) = {total:5.2f} s"
            )
            if previous is not None:
                growth = (total / previous[1]) / (size / previous[0])
                line += f"; time grew {total / previous[1]:.1f}x for {size / previous[0]:.0f}x"
                line += f" the interviews ({growth:.2f}x per interview)"
            print(line)
            previous = (size, total)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
