"""Every benchmark path against its floor, in one run: ``make bench``.

    .venv/bin/python bench/suite.py [--patients 10000] [--repeat 5] [--only TEXT]
                                    [--module start --module list ...]

Finds every ``bench/path_*.py`` module, asks each for its paths (see bench/harness.py),
times them floor/app alternately and prints a table of medians, ratios and goals with the
load average before and after. A path whose goal is not met is then run once more under
cProfile, and the functions its time goes to are printed under the table. Exit status 1
when a goal is not met, so a gap is seen.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from bench.harness import (  # noqa: E402
    BenchContext,
    demo_database,
    format_table,
    measure,
    where_the_time_goes,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--only", default="", help="run only paths whose name contains this")
    parser.add_argument("--db", type=Path, default=None,
                        help="an existing demo database of --patients patients to use")
    parser.add_argument("--no-profile", action="store_true",
                        help="do not profile the paths whose goal is not met")
    parser.add_argument("--module", action="append", default=[],
                        help="run only bench/path_NAME.py (repeatable): others are not even set up")
    args = parser.parse_args(argv)
    database = args.db or demo_database(args.patients)
    workdir = Path(tempfile.mkdtemp(prefix="jdm-ctp-bench-"))
    context = BenchContext(database=database, patients=args.patients, workdir=workdir)
    load_before = os.getloadavg()
    try:
        timings = run_paths(context, args)
        load_after = os.getloadavg()
        # The remaining gap explained with its profile (after the timed runs: a profiled
        # run is slower and must not be among them).
        gaps = [] if args.no_profile else [
            where_the_time_goes(t.path) for t in timings if not t.met]
    finally:
        # The paths' copies of the demo (one per save benchmark, 0.8 GB at 10,000).
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"{args.patients} patients, {args.repeat} alternating repetitions, medians; "
          f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after")
    print(format_table(timings))
    for timing in timings:
        if timing.path.note:
            print(f"- {timing.path.name}: {timing.path.note}")
    for gap in gaps:
        print(gap)
    return 0 if all(t.met for t in timings) else 1


def run_paths(context: BenchContext, args: argparse.Namespace) -> list:
    timings = []
    for module_path in sorted(HERE.glob("path_*.py")):
        if args.module and module_path.stem.removeprefix("path_") not in args.module:
            continue
        module = importlib.import_module(f"bench.{module_path.stem}")
        for path in module.paths(context):
            if args.only.lower() in path.name.lower():
                print(f"… {path.name}", file=sys.stderr, flush=True)
                timings.append(measure(path, args.repeat))
                # Each row as soon as it is measured: a long run interrupted keeps them.
                print(format_table(timings[-1:]).splitlines()[-1], file=sys.stderr,
                      flush=True)
    return timings


if __name__ == "__main__":
    sys.exit(main())
