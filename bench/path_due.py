"""The visits due this week and overdue (issue 20: goal ≤ 300 ms), filled and shown,
against the same SQL replayed through ``sqlite3`` into tuples."""

from __future__ import annotations

import os
from datetime import date

from bench.harness import BenchContext, BenchPath, sql_replay

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def paths(context: BenchContext) -> list[BenchPath]:
    from PySide6.QtWidgets import QApplication

    from app.db.opening import open_database
    from app.domain.permissions import Permission, system_task
    from app.forms.due_visits import DueVisitsDialog

    qt = QApplication.instance() or QApplication([])
    database = open_database(context.database)
    database.actor = system_task("due-list benchmark", *Permission)
    today = date.today()
    shown = {"rows": 0}

    def due_list():
        dialog = DueVisitsDialog(database, today=today, background=True)
        dialog.show()
        qt.processEvents()
        dialog.wait_until_loaded()
        dialog.view.viewport().repaint()
        shown["rows"] = dialog.model.rowCount()
        dialog.close()
        dialog.deleteLater()
        qt.processEvents()

    statements, replay = sql_replay(database.engine, due_list, context.database)

    return [BenchPath(name=f"due / overdue list, filled and shown ({context.patients})",
                      app=due_list, floor=replay, goal_ms=300,
                      note=f"{shown['rows']} visits listed; floor: its SQL through sqlite3")]
