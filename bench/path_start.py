"""Cold start to the patient list shown, in a fresh process, against bare PySide6 +
SQLAlchemy showing the same patients in a table (issue 22: goal ≤ 1.5× of that floor).

Each run launches ``bench/start_child.py`` and takes the time from just before the launch
to the moment the list has been painted (the child reports it on the shared monotonic
clock), with the child's peak memory. Today's automatic backup is made once beforehand,
so this is an ordinary start; the first start of a day differs only by the backup, which
runs after the window is shown. ``BENCH_APP_ROOT=<checkout>`` times another checkout's
start against the same floor (before/after tables).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from bench.harness import BenchContext, BenchPath, Sample

CHILD = Path(__file__).with_name("start_child.py")


def _start(which: str, database: Path, env: dict[str, str]) -> Sample:
    if which == "app" and os.environ.get("BENCH_APP_ROOT"):
        # Another checkout of the application (e.g. the code before a change), same floor.
        env = dict(env, PYTHONPATH=os.environ["BENCH_APP_ROOT"])
    launched = time.monotonic()
    done = subprocess.run([sys.executable, str(CHILD), which, str(database)], env=env,
                          capture_output=True, text=True, timeout=300)
    shown = [line.split() for line in done.stdout.splitlines() if line.startswith("shown ")]
    if not shown:
        raise RuntimeError(f"{which} start did not show its list:\n{done.stderr[-2000:]}")
    _word, at, peak_kib = shown[-1]
    return Sample((float(at) - launched) * 1000.0, int(peak_kib) / 1024.0)


def paths(context: BenchContext) -> list[BenchPath]:
    home = context.workdir / "start-home"
    # Compiled modules cached as an installation has them (a shell may set
    # PYTHONDONTWRITEBYTECODE, which would compile every module of ours at every start),
    # kept in the bench's own folder; the warm-up start fills the cache.
    env = dict(os.environ, JDM_CTP_HOME=str(home), QT_QPA_PLATFORM="offscreen",
               PYTHONPYCACHEPREFIX=str(context.workdir / "pycache"))
    env.pop("JDM_CTP_DATABASE_URL", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    # Today's automatic backup, made now: the timed starts are ordinary ones.
    previous = os.environ.get("JDM_CTP_HOME")
    os.environ["JDM_CTP_HOME"] = str(home)
    try:
        from app import paths as app_paths
        from app.db.automatic_backups import daily_backup_if_due

        daily_backup_if_due(context.database, folder=app_paths.backup_dir())
    finally:
        if previous is None:
            os.environ.pop("JDM_CTP_HOME", None)
        else:
            os.environ["JDM_CTP_HOME"] = previous
    return [BenchPath(
        name=f"cold start to patient list shown ({context.patients} patients)",
        app=lambda: _start("app", context.database, env),
        floor=lambda: _start("floor", context.database, env),
        goal_ratio=1.5,
        note="floor: bare PySide6 + SQLAlchemy reading the patients into a QTableView; "
             "peak memory of the process beside each time")]
