"""Benchmark: the main window's patient list on the 10,000-patient demo database.

Compares, in the same run, the application's path (one SQLAlchemy query into plain rows,
the Qt table model, and search-as-you-type filtering) with a bare-library baseline (the
same query text through the `sqlite3` module into tuples). Run by hand:

    .venv/bin/jdm-ctp demo-data --db demo.sqlite3 --patients 10000
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_patient_list.py demo.sqlite3
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def best_of(label: str, runs: int, func) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<52} median {median * 1000:8.1f} ms  (min {min(times) * 1000:.1f})")
    return median


def main(path: str) -> None:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    from app.db.opening import open_database
    from app.db.patients import list_patient_rows
    from app.forms.main_window import MainWindow
    from app.forms.patient_table_model import PatientSearchProxy, PatientTableModel

    app = QApplication.instance() or QApplication([])
    database = open_database(path)

    # The exact SQL the repository runs, compiled once, for the bare sqlite3 baseline.
    captured: list[str] = []
    from sqlalchemy import event

    def capture(conn, cursor, statement, parameters, context, executemany):
        captured.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    with database.session() as s:
        rows = list_patient_rows(s)
    event.remove(database.engine, "before_cursor_execute", capture)
    sql, params = captured[-1]
    _ = sqlite_dialect
    print(f"{len(rows)} patients")

    def bare():
        connection = sqlite3.connect(path)
        connection.execute(sql, params).fetchall()
        connection.close()

    def repository():
        with database.session() as s:
            list_patient_rows(s)

    model = PatientTableModel()
    proxy = PatientSearchProxy()
    proxy.setSourceModel(model)

    def load_model():
        model.set_rows(rows)

    def type_search():
        for prefix in ("d", "de", "dem", "demo-0", "demo-01", "demo-012"):
            proxy.set_search_text(prefix)
        proxy.set_search_text("")

    baseline = best_of("bare sqlite3: same query into tuples", 7, bare)
    ours = best_of("app: list_patient_rows (SQLAlchemy → PatientRow)", 7, repository)
    best_of("app: PatientTableModel.set_rows", 7, load_model)
    best_of("app: 6 keystrokes of search + clear (per run)", 7, type_search)

    window = MainWindow(database, user="bench")
    window.show()
    app.processEvents()
    best_of("app: MainWindow.refresh (query + model + view)", 5, window.refresh)
    print(f"ratio list_patient_rows / bare sqlite3 = {ours / baseline:.2f}")
    window.close()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "demo.sqlite3")
