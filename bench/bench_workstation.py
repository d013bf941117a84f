"""Benchmark: the clinic workstation at 10,000 patients (issue 20, responsiveness).

Each measure runs the application's path and, in the same run, alternating with it, its
bare-library floor: the very SQL statements the application ran (captured once), replayed
through the ``sqlite3`` module into tuples, with no ORM, no Qt. At least 5 repetitions
each; medians reported with the ratio app / floor.

* open a patient: ``MainWindow.make_patient_page`` (overview, visit timeline, trends)
  — target ≤ 150 ms;
* the due / overdue list: ``DueVisitsDialog`` built and filled — target ≤ 300 ms;
* sign-in to a usable main window: what runs on the interface thread between the
  sign-in and the window answering (main window built and shown; the daily backup is
  started in the background) — target ≤ 1 s;
* "Back up now" and database encryption: the longest the interface thread is blocked
  while they run (a 10 ms timer measures the gaps) — target: never over 100 ms.

Run by hand on a copy of the demo database (backups are written beside it):

    .venv/bin/jdm-ctp demo-data --db /tmp/ws-demo.sqlite3 --patients 10000 --seed 1
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_workstation.py /tmp/ws-demo.sqlite3
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPEATS = 5


def captured_sql(database, func):
    """Run ``func`` once and return the SQL statements (with parameters) it executed."""
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _executemany):
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    try:
        func()
    finally:
        event.remove(database.engine, "before_cursor_execute", capture)
    return [(s, p) for s, p in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))]


def replay(path: str, statements) -> None:
    connection = sqlite3.connect(path)
    try:
        for sql, params in statements:
            connection.execute(sql, params).fetchall()
    finally:
        connection.close()


def alternate(label: str, app_run, floor_run, repeats: int = REPEATS) -> tuple[float, float]:
    """Median of app and floor, run alternately so both see the same machine state."""
    app_times, floor_times = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        floor_run()
        floor_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        measured = app_run()  # a float: the part that counts, timed by the run itself
        took = time.perf_counter() - start
        app_times.append(measured if isinstance(measured, float) else took)
    ours, floor = statistics.median(app_times), statistics.median(floor_times)
    print(f"{label:<44} app {ours * 1000:8.1f} ms   floor {floor * 1000:7.1f} ms   "
          f"ratio {ours / floor if floor else float('inf'):6.1f}   "
          f"(app min {min(app_times) * 1000:.1f}, max {max(app_times) * 1000:.1f})")
    return ours, floor


class StallMeter:
    """The longest gap between ticks of a 10 ms timer: how long the interface thread
    was unable to answer."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now

    def start(self) -> None:
        self.longest, self._last = 0.0, time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self.longest


def main(path: str) -> None:
    from PySide6.QtWidgets import QApplication

    from app.db.opening import open_database
    from app.forms.due_visits import DueVisitsDialog
    from app.forms.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    database = open_database(path)
    today = date.today()
    with sqlite3.connect(path) as connection:
        patient_id = connection.execute(
            "SELECT patient_id FROM enrollment ORDER BY id LIMIT 1 OFFSET 4000").fetchone()[0]
        patients = connection.execute("SELECT count(*) FROM patient").fetchone()[0]
    print(f"{patients} patients; opening patient #{patient_id}; today {today}")

    window = MainWindow(database, user="bench", today=today)
    window.show()
    app.processEvents()

    # ----- open a patient -------------------------------------------------------------
    def open_patient():
        page = window.make_patient_page(patient_id)
        page.show()
        app.processEvents()
        page.close()
        page.deleteLater()
        app.processEvents()

    page_sql = captured_sql(database, open_patient)
    alternate("open a patient (page shown)", open_patient, lambda: replay(path, page_sql))

    # ----- due / overdue list --------------------------------------------------------------
    def due_list():
        dialog = DueVisitsDialog(database, today=today, background=True)
        dialog.show()
        app.processEvents()
        if hasattr(dialog, "wait_until_loaded"):
            dialog.wait_until_loaded()
        rows = dialog.model.rowCount()
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
        return rows

    due_sql = captured_sql(database, due_list)
    print(f"due list: {due_list()} visits")
    alternate("due / overdue list (filled and shown)", due_list, lambda: replay(path, due_sql))
    meter = StallMeter()
    stalls = []
    for _ in range(REPEATS):
        meter.start()
        dialog = DueVisitsDialog(database, today=today, background=True)
        dialog.show()
        while dialog.model.rowCount() == 0:  # the event loop runs while the list loads
            app.processEvents()
        stalls.append(meter.stop())
        dialog.close()
        dialog.deleteLater()
        app.processEvents()
    print(f"{'due list: interface blocked at most':<44} {max(stalls) * 1000:8.1f} ms "
          f"(median {statistics.median(stalls) * 1000:.1f} ms)")

    # ----- sign-in to a usable main window -------------------------------------------------
    folder = Path(tempfile.mkdtemp(prefix="bench-backups-"))

    def usable_main_window():
        from app.forms.long_jobs import start_daily_backup

        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()  # empty: a daily backup is due every time
        start = time.perf_counter()
        main = MainWindow(database, user="bench", today=today)
        job = start_daily_backup(main, database, keep=3, folder=folder)
        main.show()
        app.processEvents()
        usable = time.perf_counter() - start  # the window answers; the backup goes on
        job.wait()
        app.processEvents()
        main.close()
        main.deleteLater()
        app.processEvents()
        return usable

    list_sql = captured_sql(database, window.refresh)
    alternate("sign-in → usable main window", usable_main_window,
              lambda: replay(path, list_sql))

    # ----- long jobs: the interface thread must keep answering -------------------------------
    meter = StallMeter()
    from app.forms.long_jobs import run_backup_now

    for repeat in range(REPEATS):
        target = folder / f"now-{repeat}.sqlite3"
        meter.start()
        start = time.perf_counter()
        job = run_backup_now(window, database, str(target))
        job.wait_in_event_loop()
        took = time.perf_counter() - start
        print(f"Back up now #{repeat + 1}: {took * 1000:8.1f} ms in all, interface thread "
              f"blocked at most {meter.stop() * 1000:6.1f} ms")
    shutil.rmtree(folder, ignore_errors=True)
    window.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo.sqlite3")
