"""One visit save with its audit entry, against a bare insert + commit (issue 22: goal
≤ 5 ms on a quiet machine, ≤ 20 ms at most).

* the form: ``VisitFormWindow.save()`` with one item changed (the globals' physician
  activity, typed beforehand, untimed), then the window painted — what the person waits
  for after Ctrl+S;
* the service alone: ``save_visit`` with one item changed (diff, audit, version, commit).

The floor is one ``UPDATE`` of that item's row and ``COMMIT`` through ``sqlite3`` on the
same file with the application's pragmas (WAL, synchronous=FULL). Saves are committed,
so the suite works on its own copy of the demo database.
"""

from __future__ import annotations

import gc
import os
import shutil
import sqlite3

from bench.harness import BenchContext, BenchPath

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def paths(context: BenchContext) -> list[BenchPath]:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import select

    from app.db.models import InstrumentValue, Visit
    from app.db.opening import open_database
    from app.db.visit_saving import save_visit
    from app.db.visits import load_visit
    from app.domain.permissions import Permission, system_task
    from app.domain.visit_form import ItemEntry
    from app.forms.visit_form import VisitFormWindow

    qt = QApplication.instance() or QApplication([])
    copy = context.workdir / "save-bench.sqlite3"
    shutil.copyfile(context.database, copy)
    database = open_database(copy)
    database.actor = system_task("save benchmark", *Permission)
    with database.reading() as session:
        visit_id, other_id = session.scalars(
            select(Visit.id).where(Visit.visit_code == "month_6", Visit.status == "complete")
            .order_by(Visit.id).limit(2)).all()
        item_row = session.scalar(select(InstrumentValue.id).where(
            InstrumentValue.visit_id == other_id).limit(1))
        record = load_visit(session, other_id)

    # The application sets aside what its start made once the list is shown (gc.freeze in
    # app.gui.resume_collector), so a collection walks only what came after: the form is
    # timed in that state, not with this process's whole heap walked before each save.
    gc.freeze()
    window = VisitFormWindow(database, visit_id, "bench")
    window.resize(1366, 728)
    window.show()
    qt.processEvents()
    field = window.section("globals").fields["pga_activity"]

    def change_one_item():  # typed before the save, untimed (its redraw is typing's)
        field.set_text("2.2" if field.text() != "2.2" else "2.3")

    def form_save():
        if not window.save(reason="benchmark"):
            raise RuntimeError(window.message.text())
        window.repaint()

    values = {inst: dict(items) for inst, items in record.values.items()}
    state = {"version": record.header.version_id, "pga": 1.0}

    def service_save():
        state["pga"] = 1.1 if state["pga"] == 1.0 else 1.0
        values["global"]["pga_activity"] = ItemEntry(value_num=state["pga"])
        with database.session() as session:
            result = save_visit(session, other_id, values, list(record.adverse_events),
                                user="bench", expected_version=state["version"],
                                visit_date=record.header.visit_date, reason="benchmark")
        state["version"] = result.version_id

    bare = sqlite3.connect(copy, isolation_level=None)
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("PRAGMA synchronous=FULL")
    flip = {"value": 1.0}

    def bare_update():
        flip["value"] = 2.0 if flip["value"] == 1.0 else 1.0
        bare.execute("BEGIN")
        bare.execute("UPDATE instrument_value SET value_num = ? WHERE id = ?",
                     (flip["value"], item_row))
        bare.execute("COMMIT")

    return [
        BenchPath(name="one visit save with audit, form, painted", app=form_save,
                  floor=bare_update, goal_ms=5.0, prepare=change_one_item,
                  note="floor: one UPDATE + COMMIT through sqlite3, same pragmas"),
        BenchPath(name="one visit save with audit, save_visit alone", app=service_save,
                  floor=bare_update, goal_ms=5.0),
    ]
