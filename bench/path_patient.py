"""Open a patient's page (issue 20: goal ≤ 150 ms): ``MainWindow.make_patient_page``
(overview, visit timeline, trends) shown and painted, against the SQL it ran, replayed
through ``sqlite3`` into tuples (kept from the retired bench_workstation.py)."""

from __future__ import annotations

import os
import sqlite3

from bench.harness import BenchContext, BenchPath, sql_replay

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def paths(context: BenchContext) -> list[BenchPath]:
    from PySide6.QtWidgets import QApplication

    from app.db.opening import open_database
    from app.domain.permissions import Permission, system_task
    from app.forms.main_window import MainWindow

    qt = QApplication.instance() or QApplication([])
    database = open_database(context.database)
    database.actor = system_task("patient-page benchmark", *Permission)
    with sqlite3.connect(context.database) as connection:
        patient_id = connection.execute(
            "SELECT patient_id FROM enrollment ORDER BY id LIMIT 1 OFFSET ?",
            (context.patients * 2 // 5,)).fetchone()[0]
    connection.close()
    window = MainWindow(database, user="bench")
    window.show()
    qt.processEvents()

    def open_patient():
        page = window.make_patient_page(patient_id)
        page.show()
        qt.processEvents()
        page.repaint()
        page.close()
        page.deleteLater()
        qt.processEvents()

    statements, replay = sql_replay(database.engine, open_patient, context.database)

    return [BenchPath(name=f"open a patient page, painted ({context.patients})",
                      app=open_patient, floor=replay, goal_ms=150,
                      note=f"{len(statements)} queries; floor: the same SQL through sqlite3")]
