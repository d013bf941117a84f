"""Benchmark: opening and saving a visit form on the 10,000-patient demo database.

Compares, in the same run, the application's path with a bare SQLAlchemy baseline doing
the same row work:

* open: ``load_visit`` (header, this visit's and the baseline's items, adverse events,
  arm, prescriptions), the ``VisitFormWindow`` as it opens (first section built, every
  section's score in the side list), and the window after visiting every section (all
  widgets built), vs one bare ``select`` of the same item rows;
* save: ``save_visit`` (diff, upsert, audit chain, version bump, draft delete, commit),
  for one changed item and for a full visit written from scratch, vs a bare ``insert``
  of the same rows and commit.

The demo database is modified (saves are committed): use a copy. Run by hand:

    .venv/bin/jdm-ctp demo-data --db demo.sqlite3 --patients 10000
    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_visit_form.py demo.sqlite3
"""

from __future__ import annotations

import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def timed(label: str, runs: int, func, setup=None) -> float:
    times = []
    for _ in range(runs):
        if setup is not None:
            setup()
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"{label:<60} median {median * 1000:7.1f} ms  (min {min(times) * 1000:.1f})")
    return median


def main(path: str) -> None:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import delete, insert, select

    from app.db.models import InstrumentValue, Visit
    from app.db.opening import open_database
    from app.db.visits import load_visit, save_visit
    from app.domain.visit_form import ItemEntry
    from app.forms.visit_form import VisitFormWindow

    app = QApplication.instance() or QApplication(sys.argv)
    database = open_database(path)
    with database.session() as session:
        visit_id = session.scalar(
            select(Visit.id)
            .where(Visit.visit_code == "month_6", Visit.status == "complete")
            .order_by(Visit.id)
            .limit(1)
        )
        empty_id = session.scalar(
            select(Visit.id)
            .where(Visit.visit_code == "month_12", Visit.status == "not_started")
            .order_by(Visit.id)
            .limit(1)
        )
        patients = session.scalar(select(Visit.id).order_by(Visit.id.desc()).limit(1))
        record = load_visit(session, visit_id)
    items = sum(len(v) for v in record.values.values())
    base = sum(len(v) for v in (record.baseline_values or {}).values())
    print(
        f"database {path}: visit {visit_id} (month 6, {items} items; baseline {base} items); "
        f"{patients} visits in all"
    )
    wanted = [visit_id, record.baseline_visit_id]

    def bare_select():
        with database.engine.connect() as conn:
            conn.execute(
                select(
                    InstrumentValue.instrument,
                    InstrumentValue.item,
                    InstrumentValue.value_num,
                    InstrumentValue.value_text,
                    InstrumentValue.unit,
                    InstrumentValue.missing_reason,
                ).where(InstrumentValue.visit_id.in_(wanted))
            ).all()

    def app_load():
        with database.session() as session:
            load_visit(session, visit_id)

    windows = []

    def open_form():
        window = VisitFormWindow(database, visit_id, "bench")
        windows.append(window)

    def close_forms():
        while windows:
            w = windows.pop()
            w.dirty = False
            w.deleteLater()
        app.processEvents()

    print("-- open")
    timed("bare SQLAlchemy select of the same item rows", 30, bare_select)
    timed("app: load_visit (6 queries, plain dataclasses)", 30, app_load)
    timed(
        "app: open VisitFormWindow (load, first section, side list)",
        10,
        open_form,
        setup=close_forms,
    )
    close_forms()

    def open_every_section():
        window = VisitFormWindow(database, visit_id, "bench")
        windows.append(window)
        for key in window.section_keys:
            window.show_section(key)

    timed(
        "app: open it and visit every section (all widgets built)",
        10,
        open_every_section,
        setup=close_forms,
    )
    close_forms()

    print("-- save")
    values = {inst: dict(items) for inst, items in record.values.items()}
    state = {"version": record.header.version_id, "pga": 1.0}

    def app_save_one():
        state["pga"] = 1.1 if state["pga"] == 1.0 else 1.0
        values["global"]["pga_activity"] = ItemEntry(value_num=state["pga"])
        with database.session() as session:
            result = save_visit(
                session,
                visit_id,
                values,
                list(record.adverse_events),
                user="bench",
                expected_version=state["version"],
                visit_date=record.header.visit_date,
                reason="benchmark",
            )
        state["version"] = result.version_id

    timed("app: save_visit, one item changed (audit, version, commit)", 30, app_save_one)

    window = VisitFormWindow(database, visit_id, "bench")

    def form_save():
        field = window.section("globals").fields["pga_activity"]
        field.set_text("2.2" if field.text() != "2.2" else "2.3")
        assert window.save(reason="benchmark")

    timed("app: VisitFormWindow.save(), one item changed", 20, form_save)
    window.dirty = False
    window.deleteLater()

    rows = [(inst, item, e) for inst, items in record.values.items() for item, e in items.items()]

    def clear_empty():
        with database.session() as session:
            session.execute(delete(InstrumentValue).where(InstrumentValue.visit_id == empty_id))
            visit = session.get(Visit, empty_id)
            visit.status = "not_started"
            state["empty_version"] = visit.version_id + 1
        with database.session() as session:
            state["empty_version"] = session.get(Visit, empty_id).version_id

    def app_save_full():
        with database.session() as session:
            save_visit(
                session,
                empty_id,
                record.values,
                [],
                user="bench",
                expected_version=state["empty_version"],
                visit_date=None,
            )

    def bare_insert():
        with database.engine.begin() as conn:
            conn.execute(
                insert(InstrumentValue),
                [
                    {
                        "visit_id": empty_id,
                        "instrument": inst,
                        "item": item,
                        "value_num": e.value_num,
                        "value_text": e.value_text,
                        "unit": e.unit,
                        "missing_reason": e.missing_reason,
                        "updated_by": "bench",
                    }
                    for inst, item, e in rows
                ],
            )

    timed(
        f"bare SQLAlchemy insert of the same {len(rows)} rows + commit",
        15,
        bare_insert,
        setup=clear_empty,
    )
    timed(
        f"app: save_visit of a full visit ({len(rows)} new items)",
        15,
        app_save_full,
        setup=clear_empty,
    )
    clear_empty()
    database.dispose()


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
