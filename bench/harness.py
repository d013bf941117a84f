"""What every benchmark of the suite shares: a demo database, and app-vs-floor timing.

A path is something a user waits for (start the app, export, filter the list, save a
visit). Each is timed against its *floor*: the bare libraries doing the same job with
nothing of ours in between, measured in the same run, alternating floor and app so that
both see the same machine load. The suite reports medians and their ratio, never a
single run, because these machines are shared and noisy.

A module ``bench/path_<name>.py`` contributes paths with ``paths(context)``; the suite
(``bench/suite.py``, ``make bench``) finds every such module.
"""

from __future__ import annotations

import gc
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class BenchContext:
    """Where a run's paths find their database and may write their outputs."""

    database: Path
    patients: int
    workdir: Path


@dataclass(frozen=True)
class BenchPath:
    """One user-visible path and its bare-library floor.

    ``app`` and ``floor`` each run the path once; ``prepare`` (if given) runs untimed
    before every timed call, e.g. to reset a file the path changes. A goal is a ratio to
    the floor (``goal_ratio``), a time (``goal_ms``, for paths whose floor is near zero),
    or both; ``per`` divides the times (e.g. pages of a PDF) and names the unit.
    """

    name: str
    app: Callable[[], object]
    floor: Callable[[], object]
    goal_ratio: float | None = None
    goal_ms: float | None = None
    per: int = 1
    unit: str = "run"
    prepare: Callable[[], object] | None = None
    note: str = ""


@dataclass(frozen=True)
class Sample:
    """What a run may return instead of being timed from outside: the time that counts
    (e.g. a child process's own launch-to-window time) and its peak memory."""

    ms: float
    peak_mib: float | None = None


@dataclass
class Timing:
    path: BenchPath
    app_ms: list[float] = field(default_factory=list)
    floor_ms: list[float] = field(default_factory=list)
    app_mib: list[float] = field(default_factory=list)
    floor_mib: list[float] = field(default_factory=list)

    @property
    def app_median(self) -> float:
        return statistics.median(self.app_ms)

    @property
    def floor_median(self) -> float:
        return statistics.median(self.floor_ms)

    @property
    def ratio(self) -> float:
        return self.app_median / self.floor_median if self.floor_median else float("inf")

    @property
    def met(self) -> bool:
        ratio_ok = self.path.goal_ratio is None or self.ratio <= self.path.goal_ratio
        time_ok = self.path.goal_ms is None or self.app_median <= self.path.goal_ms
        return ratio_ok and time_ok


def _timed(run: Callable[[], object], prepare: Callable[[], object] | None,
           per: int) -> Sample:
    if prepare is not None:
        prepare()
    gc.collect()
    start = time.perf_counter()
    result = run()
    took = (time.perf_counter() - start) * 1000.0
    if isinstance(result, Sample):
        return Sample(result.ms / per, result.peak_mib)
    return Sample(took / per)


def measure(path: BenchPath, repeats: int) -> Timing:
    """Floor and app alternately, ``repeats`` times each (a warm-up round is discarded)."""
    timing = Timing(path)
    _timed(path.floor, path.prepare, path.per)
    _timed(path.app, path.prepare, path.per)
    for _ in range(repeats):
        for run, times, memory in ((path.floor, timing.floor_ms, timing.floor_mib),
                                   (path.app, timing.app_ms, timing.app_mib)):
            sample = _timed(run, path.prepare, path.per)
            times.append(sample.ms)
            if sample.peak_mib is not None:
                memory.append(sample.peak_mib)
    return timing


def where_the_time_goes(path: BenchPath, top: int = 12) -> str:
    """One more app run under cProfile, for a path whose goal is not met: the functions it
    spends its own time in (the largest first), with their share of the run, so the table
    is printed with the remaining gap's profile beside it. A path timed in a child process
    (the cold start) shows only the waiting here: its child is profiled apart."""
    import cProfile
    import pstats

    if path.prepare is not None:
        path.prepare()
    profiler = cProfile.Profile()
    profiler.runcall(path.app)
    stats = pstats.Stats(profiler)
    total = sum(row[2] for row in stats.stats.values()) or 1.0  # own time of every function
    rows = sorted(stats.stats.items(), key=lambda item: item[1][2], reverse=True)[:top]
    lines = [f"  where {path.name}'s time goes (one profiled run, own time per function):"]
    for (filename, line, function), (_cc, calls, own, _cum, _callers) in rows:
        lines.append(f"    {own / total:6.1%}  {own * 1000:9.1f} ms  {calls:>9} calls  "
                     f"{_short(filename)}:{line}({function})")
    return "\n".join(lines)


def _short(filename: str) -> str:
    """A profiled function's file, named from the project or the library it belongs to."""
    parts = Path(filename).parts
    for marker in ("site-packages", "app", "bench"):
        if marker in parts:
            index = len(parts) - 1 - parts[::-1].index(marker)
            return "/".join(parts[index + (marker == "site-packages"):])
    return filename


def demo_database(patients: int, seed: int = 1) -> Path:
    """The demo database of that size, created once and kept between runs (it takes minutes)."""
    os.environ.setdefault("JDM_CTP_HOME", str(Path(tempfile.gettempdir()) / "jdm-ctp-bench"))
    # Named by the schema's head revision: a branch with another migration builds its own.
    path = Path(tempfile.gettempdir()) / f"jdm-ctp-bench-{patients}-{_schema_head()}.sqlite3"
    if not path.exists():
        from app.db.demo import fill_demo_database
        from app.db.opening import open_database
        from app.db.site_code import set_site_code
        from app.domain.permissions import DEMO_DATA_TASK

        print(f"creating {patients} demo patients in {path} …", flush=True)
        # Per process: two suites starting at once each build their own and one wins.
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
        partial.unlink(missing_ok=True)
        database = open_database(partial)
        database.actor = DEMO_DATA_TASK  # a new database: demo data needs no account
        try:
            # As `jdm-ctp demo-data` does: exports name the site in every record id.
            with database.session() as session:
                set_site_code(session, "DEMO", user=DEMO_DATA_TASK.user_name)
            print(fill_demo_database(database, patients=patients, seed=seed), flush=True)
        finally:
            database.dispose()
        partial.rename(path)
    return path


def _schema_head() -> str:
    from app.db.migrate import head_revision

    return head_revision()


def warm_file_cache(database: Path) -> None:
    """Read the database file (and its WAL) once, so floor and app both start warm."""
    for path in (database, database.with_name(database.name + "-wal")):
        if path.exists():
            with open(path, "rb") as handle:
                while handle.read(1 << 24):
                    pass


def format_table(timings: list[Timing]) -> str:
    """A Markdown table of medians, ratios and goals, ready for an issue note."""
    lines = ["| path | app | floor | ratio | goal | met |", "|---|---|---|---|---|---|"]
    for t in timings:
        goals = []
        if t.path.goal_ratio is not None:
            goals.append(f"≤ {t.path.goal_ratio:g}×")
        if t.path.goal_ms is not None:
            goals.append(f"≤ {t.path.goal_ms:g} ms")
        unit = "" if t.path.per == 1 and t.path.unit == "run" else f"/{t.path.unit}"
        app_mib = f", {statistics.median(t.app_mib):.0f} MiB" if t.app_mib else ""
        floor_mib = f", {statistics.median(t.floor_mib):.0f} MiB" if t.floor_mib else ""
        lines.append(
            f"| {t.path.name} | {t.app_median:.1f} ms{unit}{app_mib} "
            f"| {t.floor_median:.1f} ms{unit}{floor_mib} "
            f"| {t.ratio:.2f}× | {', '.join(goals) or '—'} | {'yes' if t.met else 'NO'} |")
    return "\n".join(lines)


def sql_replay(engine, run: Callable[[], object], database: Path
               ) -> tuple[list[tuple[str, object]], Callable[[], None]]:
    """The SELECT statements ``run`` sends through ``engine`` (captured once), and a floor
    that sends the same SQL through bare sqlite3 and reads every row."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        if statement.lstrip().upper().startswith(("SELECT", "WITH")):
            statements.append((statement, parameters))

    event.listen(engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(engine, "before_cursor_execute", capture)

    def replay() -> None:
        import sqlite3

        connection = sqlite3.connect(database)
        try:
            for sql, parameters in statements:
                connection.execute(sql, parameters).fetchall()
        finally:
            connection.close()

    return statements, replay
