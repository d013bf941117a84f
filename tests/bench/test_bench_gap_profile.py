"""The bench suite prints, under its table, where the time of a path that missed its goal
goes (issue 22: "every goal met or the remaining gap explained with its profile")."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench import suite  # noqa: E402
from bench.harness import BenchPath, Timing, where_the_time_goes  # noqa: E402


def _slow_part() -> int:
    total = 0
    for i in range(300_000):
        total += i * i
    return total


def _quick_part() -> int:
    return 1


def _path() -> BenchPath:
    def app() -> None:
        _quick_part()
        _slow_part()
    return BenchPath("made-up path", app, _quick_part, goal_ms=0.0)


def test_the_profile_names_the_function_the_time_goes_to():
    text = where_the_time_goes(_path())
    lines = text.splitlines()
    assert lines[0] == "  where made-up path's time goes (one profiled run, own time per function):"
    # _slow_part does the work: it is listed first, as a share of the run.
    assert "test_bench_gap_profile.py" in lines[1] and "_slow_part" in lines[1]
    assert lines[1].split()[0].endswith("%")


def test_prepare_runs_before_the_profiled_run():
    order = []
    path = BenchPath("p", lambda: order.append("app"), _quick_part,
                     prepare=lambda: order.append("prepare"))
    where_the_time_goes(path)
    assert order == ["prepare", "app"]


def test_the_suite_profiles_only_the_paths_that_missed(monkeypatch, capsys, tmp_path):
    met = BenchPath("met path", _quick_part, _quick_part, goal_ms=1e9)
    missed = _path()

    def run_paths(_context, _args):
        return [Timing(met, [1.0], [1.0]), Timing(missed, [5.0], [1.0])]

    monkeypatch.setattr(suite, "run_paths", run_paths)
    status = suite.main(["--db", str(tmp_path / "unused.sqlite3"), "--patients", "1"])
    out = capsys.readouterr().out
    assert status == 1
    assert "where made-up path's time goes" in out
    assert "where met path's time goes" not in out
    status = suite.main(["--db", str(tmp_path / "unused.sqlite3"), "--patients", "1",
                         "--no-profile"])
    assert "time goes" not in capsys.readouterr().out
