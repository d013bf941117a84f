"""Synthetic children for demos, tests and benchmarks (`jdm-ctp demo-data`).

One module although long: every table's rows come from one seeded generator per kind of
record, and they must agree with each other (answers, history, doses, visits).

Everything is made up and deterministic: the same seed and the same `as_of` date give the
same database. Children have a prior-therapy history that agrees with their screening
answers (prednisone and methotrexate, IVIG for skin disease where answered so, rarely
rituximab), are screened against the persistent-skin-rash plan (some fail),
enrolled on arms A/B/C (some switch A → B/C), dosed by the real dose engine, and have their
past visits filled item by item following the storage convention of `app.db.visits`
(instrument "global", "cmas", "chaq", "mmt8", "enzymes", "skin", "vitals", "medications",
"steroids", "cdasi", "sun_protection", "autoantibodies").
The arms respond differently (``DEMO_RESPONSE``, invented) so that the cohort view has
something to compare.

Rows are written with bulk Core inserts in one transaction, a batch of children at a time
(memory stays bounded at 50,000): 10,000 patients take seconds, where the ORM unit of work
would take minutes. From MAKER_PROCESS_FROM children on, the next batch is made up in a
process of its own while this one writes the last (``_batches``).
"""

from __future__ import annotations

import os
import random
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from itertools import count
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.db import audit, write_lock
from app.db.access import authorise
from app.db.engine import Database, is_sqlite
from app.db.models import (
    AdverseEvent,
    Anthropometric,
    ArmAssignment,
    Base,
    Enrollment,
    Infusion,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    ScreeningAnswer,
    User,
    Visit,
)
from app.db.record_states import KINDS, append_state_entries, state_entries, written_states
from app.domain.body import BodyMeasurements
from app.domain.display_words import counted
from app.domain.dosing import compute_arm_doses
from app.domain.instruments import cdasi, chaq, cmas, mmt8, skin
from app.domain.instruments import globals as global_assessments
from app.domain.instruments.baseline_tests import AUTOANTIBODIES
from app.domain.permissions import DEMO_DATA_TASK, Permission, PermissionDenied, SystemTask
from app.domain.protocol import Protocol
from app.domain.schedule import ScheduledVisit, infusion_dates, visit_schedule

PROTOCOL_ID = "persistent-skin-rash"
DEMO_USER = "demo-data"
CHUNK = 20_000
# Item values per INSERT batch: with a progress report after each, a 10,000-child
# database's 3 million values show as moving steps instead of one long stall.
ITEM_CHUNK = 20_000
PROGRESS_EVERY = 50  # children made up between two progress reports (made up here)
# Children made up before their rows are written (in the same transaction) and forgotten:
# memory is bounded by a batch (two or three with the maker process), not by the number of
# children asked for. 500 took the two processes over 500 MB together at 50,000 (520 MiB
# measured); 250 was no slower at 3,000 (11.3 s of CPU in the writer against 12.8 s).
BATCH = 250
# From this many children on, the next batch is made up in another process (``_batches``).
MAKER_PROCESS_FROM = 2000

GIVEN = ("Ana", "Ben", "Chloe", "Diego", "Emma", "Farah", "Gabriel", "Hana", "Isaac", "Jade",
         "Kofi", "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sami", "Tara",
         "Uma", "Victor", "Wen", "Yara", "Zoe", "Liam", "Maya", "Noah", "Ivy", "Leo")
FAMILY = ("Adams", "Baker", "Chen", "Diaz", "Evans", "Fischer", "Garcia", "Haddad", "Ito",
          "Jensen", "Kim", "Lopez", "Moreau", "Nguyen", "Okafor", "Patel", "Quispe", "Rossi",
          "Singh", "Tanaka", "Usman", "Varga", "Weber", "Xu", "Yilmaz", "Zhang", "Brown",
          "Silva", "Novak", "Murphy")
SITES = ("Site 01", "Site 02", "Site 03")
DEMO_RESPONSE = {"A": 0.8, "B": 0.55, "C": 0.35}  # share of skin activity gone by month 12
# Invented: the share of enrollments that stop before the last scheduled visit, higher on
# the arms that respond less, with the reasons a coordinator would write.
WITHDRAWAL_SHARE = {"A": 0.08, "B": 0.12, "C": 0.16}
WITHDRAWAL_REASONS = ("lost to follow-up", "family decision", "adverse event",
                      "inadequate response", "moved to another centre")
# The arm's treatment stops with the enrollment, for the coded reason (END_REASONS).
STOP_REASONS = {"lost to follow-up": "other", "family decision": "family_choice",
                "adverse event": "toxicity", "inadequate response": "inadequate_response",
                "moved to another centre": "other"}
COMPLETED_REASON = "completed the visit schedule"
ENZYMES = (("ck", 190.0), ("aldolase", 7.6), ("ldh", 280.0), ("ast", 40.0), ("alt", 35.0))


# Every table written here, with ids assigned here (see _catch_up_id_sequences).
MODELS = (Patient, PatientIdentity, Screening, ScreeningAnswer, Enrollment, ArmAssignment,
          Anthropometric, Prescription, Visit, InstrumentValue, AdverseEvent, PriorTherapy,
          Infusion)

# The item table holds ~300 rows per child: it is written as plain tuples at driver level,
# because SQLAlchemy's per-row parameter processing would triple the run time.
ITEM_COLUMNS = ("id", "visit_id", "instrument", "item", "value_num", "value_text", "unit",
                "missing_reason", "updated_at", "updated_by")


@dataclass
class _Rows:
    """Rows per table, in insert order, with ids assigned here so children can refer to them."""

    tables: dict[Any, list[dict[str, Any]]] = field(default_factory=dict)
    next_id: dict[Any, int] = field(default_factory=dict)
    items: list[tuple[Any, ...]] = field(default_factory=list)
    item_stamp: Any = None  # updated_at already converted for the driver

    def __post_init__(self) -> None:
        # ~300 item values per child: their ids from a counter, not the dict of next ids.
        self._item_ids = count(self.next_id[InstrumentValue])

    def add_item(self, visit_id: int, instrument: str, item: str, num: float | None,
                 text_value: str | None, unit: str | None) -> None:
        self.items.append((next(self._item_ids), visit_id, instrument, item, num,
                           text_value, unit, None, self.item_stamp, DEMO_USER))

    def add(self, model: Any, row: dict[str, Any]) -> int:
        new_id = self.next_id[model]
        self.next_id[model] = new_id + 1
        row["id"] = new_id
        self.tables.setdefault(model, []).append(row)
        return new_id


def _protocol() -> Protocol:
    from app.catalog import protocol_catalog

    return protocol_catalog().protocols[PROTOCOL_ID]


def _growth(rng: random.Random, age_years: float) -> tuple[float, float]:
    """Rough paediatric weight (kg) and height (cm) for an age, with spread."""
    height = 77 + 6.2 * age_years + rng.gauss(0, 5)
    weight = (8 + 2.3 * age_years) * rng.uniform(0.8, 1.3)
    return round(min(max(weight, 8.0), 120.0), 1), round(min(max(height, 80.0), 190.0), 1)


def is_new_database(database: Database) -> bool:
    """No accounts and no patients yet: demo data may go in with nobody signed in."""
    with database.reading() as session:
        return (session.scalar(select(User.id).limit(1)) is None
                and session.scalar(select(Patient.id).limit(1)) is None)


def fill_demo_database(database: Database, *, patients: int, seed: int = 1,
                       as_of: date | None = None,
                       progress: Callable[[int, int], None] | None = None) -> str:
    """Add `patients` synthetic children to `database`; returns a one-line summary.

    ``progress(done, total)``: one step per child made up, then one per block of rows
    written (the total grows once the rows are known).

    Needs a person who may enter data, or ``DEMO_DATA_TASK`` on a new database."""
    who = authorise(database, Permission.ENTER_DATA)
    if who == DEMO_DATA_TASK and not is_new_database(database):
        raise PermissionDenied(who, Permission.ENTER_DATA)
    audit_user = DEMO_USER if isinstance(who, SystemTask) else who.user_name
    report = progress or (lambda _done, _total: None)
    # The audit trail's entries (the values of every record written, for `audit verify`,
    # and what was done) go in the same transaction as the rows.
    with database.engine.begin() as connection, Session(bind=connection) as trail:
        # Ids are taken as max + 1 below: no other writer may insert until this commits.
        write_lock.hold(connection)
        stamp_type = InstrumentValue.__table__.c.updated_at.type
        to_driver = stamp_type._cached_bind_processor(connection.dialect)
        now = datetime.now(UTC)
        maker = _Maker.start(seed, as_of or date.today(), now,
                             to_driver(now) if to_driver else now,
                             {model: _max_id(connection, model) + 1 for model in MODELS})
        counts: dict[str, int] = {}
        # Steps: one per child made up, one per block of rows written; the total grows
        # as each batch's blocks become known.
        steps, total = 0, patients

        def made_up(made: int) -> None:  # children of the batch being made up, so far
            report(steps + made, total)

        for batch in _batches(maker, patients, made_up):
            steps += batch.children
            if batch.reported < batch.children:
                report(steps, total)
            item_blocks = range(0, len(batch.items), ITEM_CHUNK)
            blocks = [(model, start) for model in MODELS
                      for start in (item_blocks if model is InstrumentValue
                                    else range(0, len(batch.tables.get(model, ())), CHUNK))]
            total += len(blocks)
            # Parents before children: MODELS order (the item values right after visits).
            for model, start in blocks:
                if model is InstrumentValue:
                    _insert_items(connection, batch.items[start:start + ITEM_CHUNK])
                else:
                    _insert_rows(connection, model, batch.tables[model][start:start + CHUNK])
                steps += 1
                report(steps, total)
            append_state_entries(trail, batch.state_entries, user=audit_user)
            for model, table_rows in batch.tables.items():
                counts[model.__tablename__] = counts.get(model.__tablename__, 0) + \
                    len(table_rows)
            counts[InstrumentValue.__tablename__] = \
                counts.get(InstrumentValue.__tablename__, 0) + len(batch.items)
        _catch_up_id_sequences(connection)
        if not is_sqlite(database.url):
            refresh_server_statistics(connection)
        audit.record(trail, user=audit_user, action="create", entity="demo_data",
                     entity_id=str(seed), new=counts,
                     reason=f"synthetic demo data, seed {seed}, as of {maker.as_of.isoformat()}")
    return (f"Added {counted(counts.get('patient', 0), 'synthetic patient')} "
            f"({counts.get('enrollment', 0)} enrolled, {counted(counts.get('visit', 0), 'visit')}, "
            f"{counted(counts.get('instrument_value', 0), 'item value')}) to "
            f"{database.display_name}.")


@dataclass
class _Maker:
    """What the next children are made up from: the seed's generators as they stand, the
    next ids and the next child's number. Carried from one batch to the next, and
    picklable, so that a batch can be made up in another process while this one writes the
    previous batch (``_batches``): the children are the same either way."""

    as_of: date
    now: datetime
    item_stamp: Any  # updated_at already converted for the driver
    next_id: dict[Any, int]
    number: int
    generators: tuple[random.Random, ...]

    @classmethod
    def start(cls, seed: int, as_of: date, now: datetime, item_stamp: Any,
              next_id: dict[Any, int]) -> _Maker:
        return cls(as_of, now, item_stamp, next_id, next_id[Patient], (
            random.Random(seed),
            # Prior therapies draw from their own generator: the rest of a seed's children
            # (visits, arms, scores) stay exactly what they were before prior therapies
            # were generated.
            random.Random(f"prior-therapy-{seed}"),
            random.Random(f"outcomes-{seed}"),
            # Who stops early, when and why: their own generator too, for the same reason.
            random.Random(f"endings-{seed}"),
            # The study records (disease dates, background, reasons, infusions): their own
            # generator too, for the same reason.
            random.Random(f"study-records-{seed}")))


@dataclass
class _Batch:
    """A batch of children's rows, ready to write, and the trail entries of their values."""

    children: int
    tables: dict[Any, list[dict[str, Any]]]
    items: list[tuple[Any, ...]]
    state_entries: list[str]
    reported: int  # children already reported to ``made`` while they were made up


def _make_batch(maker: _Maker, children: int, made: Callable[[int], None] | None = None
                ) -> tuple[_Batch, _Maker]:
    """The next ``children`` children, and the maker for the ones after them.
    ``made(n)``: every PROGRESS_EVERY children made up (in this process only)."""
    rng, prior_rng, outcome_rng, ending_rng, study_rng = maker.generators
    protocol = _protocol()
    rows = _Rows(next_id=dict(maker.next_id))
    rows.item_stamp = maker.item_stamp
    reported = 0
    for done, number in enumerate(range(maker.number, maker.number + children), 1):
        marks = {model: len(rows.tables.get(model, ())) for model in _STUDY_MODELS}
        _one_child(rows, rng, prior_rng, protocol, number, maker.as_of, maker.now,
                   outcome_rng, ending_rng)
        _study_records(rows, marks, study_rng, protocol, maker.as_of, maker.now)
        if made is not None and done % PROGRESS_EVERY == 0:
            made(done)
            reported = done
    rows.next_id[InstrumentValue] = next(rows._item_ids)
    # The records' values as made, not read back after writing (it was a third of the
    # time): tests/db/test_db_demo.py checks they are what a read-back gives.
    entries = list(state_entries(_written_states(rows)))
    following = _Maker(maker.as_of, maker.now, maker.item_stamp, rows.next_id,
                       maker.number + children, maker.generators)
    return _Batch(children, rows.tables, rows.items, entries, reported), following


def _batches(maker: _Maker, patients: int, made: Callable[[int], None]) -> Iterator[_Batch]:
    """Batches of BATCH children (memory stays bounded by a few batches, whatever the
    number asked for). From MAKER_PROCESS_FROM children on, on a machine of several
    cores, the next batch is made up in a process of its own while the caller writes this
    one: making up and writing each took about half the time (issue 22, 50,000 children
    under 4 minutes). A batch crosses between processes as pickled rows, about a fifth of
    the time saved. ``made``: progress while a batch is made up here (see _make_batch)."""
    sizes = [min(BATCH, patients - start) for start in range(0, patients, BATCH)]
    if patients < MAKER_PROCESS_FROM or (os.cpu_count() or 1) < 2:
        for size in sizes:
            batch, maker = _make_batch(maker, size, made)
            yield batch
        return
    from app.processes import process_pool, stop_resource_tracker

    try:
        with process_pool(1) as pool:
            future = pool.submit(_make_batch, maker, sizes[0])
            for following in [*sizes[1:], 0]:
                batch, maker = future.result()
                if following:
                    future = pool.submit(_make_batch, maker, following)
                yield batch
    finally:
        stop_resource_tracker()


def refresh_server_statistics(connection: Connection) -> None:
    """Fresh statistics after a bulk load, or PostgreSQL plans nested loops over every row.
    This application's tables only: a bare ANALYZE visits every table of the server's
    database, so it waits on, or deadlocks with, another schema's table changes on a
    shared server."""
    quote = connection.dialect.identifier_preparer.quote
    for table in Base.metadata.sorted_tables:
        connection.execute(text(f"ANALYZE {quote(table.name)}"))


def _catch_up_id_sequences(connection: Connection) -> None:
    """Move PostgreSQL's id sequences past the ids written here.

    The rows above carry their own ids, which a server's id sequence does not see: without
    this, the next patient, visit item or audit-worthy row saved through the app would be
    given an id already taken and fail with a duplicate key. (SQLite takes max(id) + 1.)
    """
    if connection.dialect.name != "postgresql":
        return
    for model in MODELS:
        table = model.__tablename__
        connection.execute(
            text(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "  # noqa: S608 - table names are ours
                 f"(SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)"))


def _written_states(rows: _Rows) -> Iterator[tuple[str, int, Any]]:
    """(kind, key, state) of every audited record of the rows of a batch, as written."""
    for kind in KINDS:
        if kind.model is InstrumentValue:  # (id, visit_id, instrument, item, ...)
            given: Any = ((item[1], item[2:8]) for item in rows.items)
        elif kind.model in rows.tables:
            key = kind.group_by or "id"
            given = ((row[key], tuple(map(row.get, kind.fields)))
                     for row in rows.tables[kind.model])
        else:
            continue
        for record, state in written_states(kind.name, given):
            yield kind.name, record, state


def _insert_rows(connection: Connection, model: Any, rows: list[dict[str, Any]]) -> None:
    """One table's rows (all with the same keys) with one prepared INSERT of plain tuples,
    each value converted by its column's type as SQLAlchemy would (dates, timestamps,
    JSON, booleans): its per-row handling of dicts took longer than SQLite's inserts."""
    if not rows:
        return
    if connection.dialect.name != "sqlite":  # a server: kept as it was (not measured)
        connection.execute(insert(model.__table__), rows)
        return
    table = model.__table__
    names = list(rows[0])
    columns = []
    for name in names:
        values = [row[name] for row in rows]
        convert = table.c[name].type._cached_bind_processor(connection.dialect)
        columns.append(list(map(convert, values)) if convert else values)
    sql = (f"INSERT INTO {table.name} ({', '.join(names)}) "  # noqa: S608 - our names
           f"VALUES ({', '.join('?' * len(names))})")
    connection.exec_driver_sql(sql, list(zip(*columns, strict=True)))


def _insert_items(connection: Connection, items: list[tuple[Any, ...]]) -> None:
    marker = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    sql = (f"INSERT INTO {InstrumentValue.__tablename__} ({', '.join(ITEM_COLUMNS)}) "
           f"VALUES ({', '.join([marker] * len(ITEM_COLUMNS))})")
    connection.exec_driver_sql(sql, items)


def _max_id(connection: Connection, model: Any) -> int:
    return connection.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()


def _one_child(rows: _Rows, rng: random.Random, prior_rng: random.Random, protocol: Protocol,
               number: int, as_of: date, now: datetime, outcome_rng: random.Random,
               ending_rng: random.Random) -> None:
    stamp = {"created_at": now, "updated_at": now}
    age = rng.uniform(3.0, 17.5)
    screening_date = as_of - timedelta(days=rng.randint(0, 730))
    dob = screening_date - timedelta(days=int(age * 365.25))
    sex = "female" if rng.random() < 0.7 else "male"  # JDM affects girls about 2:1
    patient_id = rows.add(Patient, {
        "study_id": f"DEMO-{number:05d}", "sex": sex, "site": rng.choice(SITES),
        "version_id": 1, **stamp})
    rows.add(PatientIdentity, {
        "patient_id": patient_id, "given_name": rng.choice(GIVEN),
        "family_name": rng.choice(FAMILY), "mrn": f"MRN{700000 + number}",
        "date_of_birth": dob})

    eligible = rng.random() < 0.85
    used_ivig_for_skin = rng.random() < 0.2
    exclusions = [c.id for c in protocol.criteria if c.group.value == "exclusion"]
    failing = None if eligible else rng.choice(exclusions)
    screening_id = rows.add(Screening, {
        "patient_id": patient_id, "protocol_id": protocol.id,
        "protocol_version": protocol.version, "protocol_hash": protocol.content_hash,
        "status": "complete", "verdict": "eligible" if eligible else "not_eligible",
        "screened_by": DEMO_USER, "screened_at": now, "screening_date": screening_date,
        "version_id": 1, **stamp})
    for criterion in protocol.criteria:
        answer = _screening_answer(criterion.group.value, criterion.id, failing)
        details = None
        if criterion.id == "ivig" and used_ivig_for_skin:
            answer, details = "yes", {"ivig_use": "previous", "ivig_for_skin_disease": True}
        rows.add(ScreeningAnswer, {"screening_id": screening_id, "criterion_id": criterion.id,
                                   "answer": answer, "details": details})
    _prior_therapies(rows, prior_rng, patient_id, dob, screening_date, used_ivig_for_skin,
                     stamp)
    if not eligible:
        return

    weight, height = _growth(rng, age)
    enrollment_date = screening_date + timedelta(days=rng.randint(0, 14))
    if enrollment_date > as_of:
        enrollment_date = as_of
    rows.add(Anthropometric, {"patient_id": patient_id, "measured_on": enrollment_date,
                              "weight_kg": weight, "height_cm": height,
                              "entered_unit": "metric", "entered_by": DEMO_USER, **stamp})
    enrollment_id = rows.add(Enrollment, {
        "patient_id": patient_id, "screening_id": screening_id, "protocol_id": protocol.id,
        "protocol_version": protocol.version, "protocol_hash": protocol.content_hash,
        "enrollment_date": enrollment_date, "enrolled_by": DEMO_USER,
        "sun_protection_counselled": True, "status": "active", "ended_on": None,
        "end_reason": None, "version_id": 1, **stamp})

    arm = _choose_arm(rng, used_ivig_for_skin)
    switch_on = None
    if arm == "A" and rng.random() < 0.25:
        switch_on = enrollment_date + timedelta(days=rng.randint(45, 300))
        if switch_on >= as_of:
            switch_on = None
    body = BodyMeasurements(weight_kg=weight, height_cm=height, measured_on=enrollment_date)
    first_end = switch_on - timedelta(days=1) if switch_on else None
    assignment_id = rows.add(ArmAssignment, {
        "enrollment_id": enrollment_id, "arm_id": arm, "start_date": enrollment_date,
        "end_date": first_end, "reason": "initial", "notes": "",
        "created_by": DEMO_USER, "created_at": now})
    doses = _prescribe(rows, protocol, arm, body, enrollment_id, assignment_id,
                       enrollment_date, first_end, stamp)
    if switch_on is not None:
        new_arm = rng.choice(("B", "C"))
        new_id = rows.add(ArmAssignment, {
            "enrollment_id": enrollment_id, "arm_id": new_arm, "start_date": switch_on,
            "end_date": None,
            "reason": rng.choice(("inadequate_response", "toxicity")), "notes": "",
            "created_by": DEMO_USER, "created_at": now})
        doses = _prescribe(rows, protocol, new_arm, body, enrollment_id, new_id, switch_on,
                           None, stamp)
        arm = new_arm

    severity = rng.uniform(2.0, 7.0)  # cutaneous activity at baseline, cm
    # Invented for demonstration (no comparative results exist): the arms respond
    # differently so that the cohort view's curves differ by arm.
    response = DEMO_RESPONSE[arm] * rng.uniform(0.3, 1.4)
    # Drawn from their own generator, so that every other value of a seed stays what it
    # was: a daily corticosteroid at enrollment, and how high this child's CK runs.
    on_steroid = outcome_rng.random() < 0.6
    # × the CK ULN: within normal limits (the plan's muscle criteria), yet often above
    # PRINTO's 150 U/L (below this ULN of 190), so inactive disease is not a given.
    ck_level = outcome_rng.uniform(0.55, 0.95)
    steroid_mg_kg = round(outcome_rng.uniform(0.25, 1.0), 2)
    arm_doses = [(d.drug, d.amount, d.unit) for d in doses]  # the current arm's
    schedule = visit_schedule(protocol, enrollment_date)
    withdrawn_on, withdrawal_reason = _withdrawal(ending_rng, arm, schedule, as_of)
    # A withdrawn child's later visits are still drawn (into a sink thrown away), so that
    # every other child of the seed stays what it was; they are stored as not done.
    sink = _Rows(next_id=defaultdict(int))
    last_done: tuple[date, str] | None = None
    for planned in schedule:
        months = planned.definition.offset_months
        done = planned.window_end < as_of or (planned.target <= as_of and rng.random() < 0.6)
        kept = withdrawn_on is None or planned.target <= withdrawn_on
        status = "not_started"
        visit_date = None
        if done:
            status = "complete" if rng.random() < 0.96 else "draft"
            visit_date = min(as_of, planned.target + timedelta(days=rng.randint(-5, 5)))
            visit_date = max(visit_date, enrollment_date)
        if not kept:
            status, stored_date = "not_started", None
        else:
            stored_date = visit_date
            last_done = (visit_date, status) if done else None
        visit_id = rows.add(Visit, {
            "enrollment_id": enrollment_id, "visit_code": planned.visit_id, "occurrence": 1,
            "label": planned.label, "target_date": planned.target,
            "window_start": planned.window_start, "window_end": planned.window_end,
            "visit_date": stored_date, "status": status,
            "completed_at": now if status == "complete" else None,
            "completed_by": DEMO_USER if status == "complete" else None,
            "version_id": 1, **stamp})
        target = rows if kept else sink
        if done:
            improvement = min(0.95, response * min(months, 12) / 12)
            _visit_values(target, rng, visit_id, severity * (1 - improvement), visit_date,
                          weight, height, now, baseline=months == 0,
                          ck_factor=ck_level * (1 - 0.6 * improvement))
            for drug, amount, unit in arm_doses:
                target.add_item(visit_id, "medications", f"{drug}_dose", amount, None, unit)
            # Tapered as the skin improves.
            dose_today = 0.0
            if on_steroid and outcome_rng.random() < 1 - improvement:
                dose = round(weight * steroid_mg_kg * (1 - improvement), 1)
                if dose > 0:
                    dose_today = dose
                    target.add_item(visit_id, "medications", "prednisone_dose", dose, None, "mg")
                    target.add_item(visit_id, "medications", "prednisone_frequency", None,
                                    "daily", None)
            _study_items(target, visit_id, baseline=months == 0, weight=weight, height=height,
                         prednisone_mg_day=dose_today,
                         skin_activity=severity * (1 - improvement))
            if rng.random() < 0.04 and months > 0:
                description = rng.choice(tuple(_DEMO_EVENTS))
                target.add(AdverseEvent, {
                    "visit_id": visit_id, "description": description,
                    "onset_date": visit_date - timedelta(days=rng.randint(1, 20)),
                    "resolved_date": None, "serious": False,
                    "relation": rng.choice(("unlikely", "possible", "probable")),
                    "action_taken": "none", "reported_by": DEMO_USER,
                    "category": _DEMO_EVENTS[description], "severity": "mild",
                    "outcome": "recovering", **stamp})

    enrollment = rows.tables[Enrollment][-1]
    if withdrawn_on is not None:
        enrollment.update(status="withdrawn", ended_on=withdrawn_on,
                          end_reason=withdrawal_reason)
        _stop_current_arm(rows, enrollment_id, withdrawn_on, str(withdrawal_reason))
    elif last_done is not None and last_done[1] == "complete":
        # The last scheduled visit was done and completed: the plan's course is over.
        enrollment.update(status="completed", ended_on=last_done[0],
                          end_reason=COMPLETED_REASON)


def _stop_current_arm(rows: _Rows, enrollment_id: int, on: date, why: str) -> None:
    """The running arm ends with the enrollment (as ``enrollments.stop_treatment`` ends
    it): coded reason, its prescriptions stopped that day."""
    current = next(a for a in reversed(rows.tables[ArmAssignment])
                   if a["enrollment_id"] == enrollment_id and a["end_date"] is None)
    code = STOP_REASONS[why]
    current.update(end_date=max(on, current["start_date"]), stop_reason=code,
                   stop_other=why if code == "other" else "")
    for prescription in reversed(rows.tables[Prescription]):  # this child's are the last
        if prescription["enrollment_id"] != enrollment_id:
            break
        if (prescription["arm_assignment_id"] == current["id"]
                and prescription["status"] == "active"):
            prescription.update(status="stopped", stop_date=current["end_date"])


def _withdrawal(rng: random.Random, arm: str, schedule: list[ScheduledVisit], as_of: date,
                ) -> tuple[date | None, str | None]:
    """When and why this enrollment stops early (None: it does not): a share by arm, on a
    day between the first visit after baseline and the last scheduled one, not after
    ``as_of``. Three draws for every child, so each child's draws stay in step."""
    stops = rng.random() < WITHDRAWAL_SHARE[arm]
    fraction = rng.random()
    reason = rng.choice(WITHDRAWAL_REASONS)
    if not stops or len(schedule) < 2:
        return None, None
    first, last = schedule[1].target, schedule[-1].target
    day = first + timedelta(days=int(fraction * (last - first).days))
    if day >= as_of:
        return None, None
    return day - timedelta(days=1), reason


def _prior_therapies(rows: _Rows, rng: random.Random, patient_id: int, dob: date,
                     screening_date: date, used_ivig_for_skin: bool,
                     stamp: dict[str, datetime]) -> None:
    """A plausible history before the screening, valid for the prior-therapy dialog's
    checks (start given, stop with a reason, last dose within the course, B cells for
    rituximab only, nothing after the screening date), agreeing with the screening
    answers: every child is answered "yes" to the required "corticosteroids AND
    methotrexate", "no" to hydroxychloroquine, and "yes, previous, for skin disease" to
    IVIG exactly when ``used_ivig_for_skin``."""
    # Diagnosis between 6 months and 4 years before screening, not before age 2.
    diagnosed = max(screening_date - timedelta(days=rng.randint(180, 1460)),
                    min(dob + timedelta(days=730), screening_date - timedelta(days=180)))

    def course(drug: str, start: date, days: int, reasons: tuple[str, ...],
               infusions: bool = False, **extra: Any) -> None:
        stop = start + timedelta(days=days)
        if stop >= screening_date:  # still being given when screened
            stop, reason, last_dose = None, None, None
        else:
            reason = rng.choice(reasons)
            last_dose = stop - timedelta(days=rng.randint(0, 27)) if infusions else stop
            last_dose = max(last_dose, start)
        rows.add(PriorTherapy, {
            "patient_id": patient_id, "drug": drug, "start_date": start, "stop_date": stop,
            "reason_stopped": reason, "last_dose_date": last_dose,
            "b_cells_detectable": None, "for_skin_disease": False, "notes": "", **stamp,
            **extra})

    course("prednisone", diagnosed, rng.randint(150, 720), ("benefit", "benefit", "toxicity"))
    course("methotrexate", diagnosed + timedelta(days=rng.randint(0, 30)),
           rng.randint(200, 1400), ("inadequate_response", "toxicity", "benefit", "other"))
    if used_ivig_for_skin:
        start = min(diagnosed + timedelta(days=rng.randint(30, 120)),
                    screening_date - timedelta(days=60))
        course("ivig", start, rng.randint(30, (screening_date - start).days - 1),
               ("inadequate_response", "other"), infusions=True, for_skin_disease=True)
    if rng.random() < 0.03:
        course("rituximab", diagnosed + timedelta(days=rng.randint(90, 170)),
               rng.randint(14, 60), ("inadequate_response",), infusions=True,
               b_cells_detectable=rng.choice((True, False, None)),
               notes="Two infusions, two weeks apart")


def _screening_answer(group: str, criterion_id: str, failing: str | None) -> str:
    if group == "exclusion":
        return "yes" if criterion_id == failing else "no"
    if group == "required":
        return "yes"
    return "no"


# What _study_records reads back of the child just made.
_STUDY_MODELS = (Patient, PatientIdentity, Screening, ArmAssignment, Prescription)
# Invented shares, roughly a North American JDM clinic; about one in ten not recorded.
_RACES = (("white", 50), ("black_african_american", 15), ("asian", 12),
          ("more_than_one", 8), ("american_indian_alaska_native", 2), ("unknown", 5),
          ("prefer_not_to_say", 3), ("", 5))
_ETHNICITIES = (("not_hispanic_latino", 70), ("hispanic_latino", 18), ("unknown", 5),
                ("prefer_not_to_say", 2), ("", 5))
_NOT_IVIG = ("ivig_intolerance", "ivig_unavailable", "no_venous_access",
             "provider_preference")


def _weighted(rng: random.Random, choices: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([c for c, _ in choices], weights=[w for _, w in choices])[0]


def _study_records(rows: _Rows, marks: dict[Any, int], rng: random.Random,
                   protocol: Protocol, as_of: date, now: datetime) -> None:
    """Disease dates, race and ethnicity, why each arm was chosen and why it ended, and
    the IVIG infusions given against the schedule, for the child just made (seed 000:
    IVIG not chosen for intolerance, availability, venous access or preference)."""
    def new(model: Any) -> list[dict[str, Any]]:
        return rows.tables.get(model, [])[marks[model]:]

    (patient,) = new(Patient)
    (identity,) = new(PatientIdentity)
    (screening,) = new(Screening)
    dob, screened = identity["date_of_birth"], screening["screening_date"]
    # JDM: skin rash for months before diagnosis, here 2 weeks to 6 months; the persistent
    # rash plan screens children months to years after it.
    diagnosis = screened - timedelta(days=rng.randint(60, 900))
    diagnosis = max(diagnosis, dob + timedelta(days=400))
    onset = max(dob + timedelta(days=200), diagnosis - timedelta(days=rng.randint(14, 180)))
    patient.update(onset_date=min(onset, screened), diagnosis_date=min(diagnosis, screened),
                   race=_weighted(rng, _RACES), ethnicity=_weighted(rng, _ETHNICITIES))
    arms = new(ArmAssignment)
    for index, arm in enumerate(arms):
        reasons: list[str] = []
        other = ""
        if arm["arm_id"] in ("B", "C"):  # not the IVIG arm: why not
            reasons = sorted(rng.sample(_NOT_IVIG, rng.choice((1, 1, 2))),
                             key=_NOT_IVIG.index)
            if rng.random() < 0.05:
                reasons.append("other")
                other = "Family travels far for each infusion"
        arm["choice_reasons"] = reasons or None
        arm["choice_other"] = other
        # Switched: the arm left ends for the switch's reason. (Every row of a bulk insert
        # needs the same keys.)
        # The running arm of a withdrawn child already ended with the enrollment.
        arm["stop_reason"] = (arms[index + 1]["reason"] if index + 1 < len(arms)
                              else arm.get("stop_reason"))
        arm["stop_other"] = arm.get("stop_other", "")
    prescriptions = new(Prescription)
    for arm in arms:
        if arm["arm_id"] != "A":
            continue
        start, end = arm["start_date"], arm["end_date"] or as_of
        for rx in prescriptions:
            rule = next((r for r in protocol.arm("A").doses if r.drug == rx["drug"]), None)
            if rx["arm_assignment_id"] != arm["id"] or rule is None or not rule.schedule:
                continue
            spec = protocol.schedule(rule.schedule)
            planned = infusion_dates(spec, start, 24, allow_fewer=True)
            rx["schedule"] = [d.isoformat() for d in planned[:6]]
            for due in planned:
                if due > min(end, as_of) or rng.random() < 0.08:  # now and then one missed
                    continue
                given = min(due + timedelta(days=rng.choice((0, 0, 0, 1, 2, 3, 7))), as_of)
                rows.add(Infusion, {"arm_assignment_id": arm["id"], "drug": rx["drug"],
                                    "given_on": given, "dose": rx["final_amount"],
                                    "unit": rx["unit"], "entered_by": DEMO_USER,
                                    "version_id": 1, "created_at": now, "updated_at": now})


def _choose_arm(rng: random.Random, used_ivig_for_skin: bool) -> str:
    if used_ivig_for_skin:  # arm A is not offered after IVIG for skin disease (seed 000)
        return rng.choice(("B", "C"))
    roll = rng.random()
    return "A" if roll < 0.4 else ("B" if roll < 0.75 else "C")


def _prescribe(rows: _Rows, protocol: Protocol, arm: str, body: BodyMeasurements,
               enrollment_id: int, assignment_id: int, start: date, stop: date | None,
               stamp: dict[str, datetime]) -> list[Any]:
    """The arm's doses prescribed (and returned: the dose engine is not cheap)."""
    doses = compute_arm_doses(protocol, arm, body)
    for dose in doses:
        rows.add(Prescription, {
            "enrollment_id": enrollment_id, "arm_assignment_id": assignment_id,
            "drug": dose.drug, "role": "arm", "calculated": True, "amount": dose.amount,
            "unit": dose.unit, "per": dose.per, "frequency": dose.frequency,
            "route": dose.route, "capped": dose.capped, "derivation": dose.derivation,
            "source": dose.source, "status": "active" if stop is None else "stopped",
            "final_amount": dose.amount, "override_reason": None, "start_date": start,
            "stop_date": stop,
            "inputs": {"weight_kg": body.weight_kg, "height_cm": body.height_cm,
                       "bsa_m2": body.bsa_m2, "measured_on": start.isoformat()},
            "schedule": None, "prescribed_by": DEMO_USER, **stamp})
    return doses


# The demo's adverse events and their category (app.domain.instruments.adverse_events).
_DEMO_EVENTS = {"Infusion headache": "infusion_reaction", "Nausea": "other",
                "Upper respiratory infection": "infection",
                "Raised blood pressure": "hypertension"}
# Autoantibodies found in juvenile dermatomyositis, roughly by how often (invented shares
# for the demonstration; each child has at most one myositis-specific antibody).
_DEMO_ANTIBODIES = ("tif1g", "tif1g", "nxp2", "nxp2", "mda5", "mi2", None, None)
_INVOLVED_AREAS = frozenset({"scalp", "malar", "periorbital", "vneck", "dorsum", "gottron_nh"})


def _study_items(rows: _Rows, visit_id: int, *, baseline: bool, weight: float, height: float,
                 prednisone_mg_day: float, skin_activity: float) -> None:
    """The items issue 18 added (steroid exposure, CDASI, sun protection, the antibody
    panel at baseline), from a generator of their own so that every earlier demo value of
    a seed stays what it was."""
    rng = random.Random(f"demo-study-items-{visit_id}")

    def put(instrument: str, item: str, num: float | None = None,
            text_value: str | None = None) -> None:
        rows.add_item(visit_id, instrument, item, num, text_value, None)

    put("steroids", "prednisone_mg_day", prednisone_mg_day)
    pulses = rng.choice((0, 1, 3)) if baseline else (1 if rng.random() < 0.1 else 0)
    put("steroids", "ivmp_pulses", float(pulses))
    if pulses:  # 30 mg/kg, at most 1000 mg (clinical-rules §1), to the nearest 10 mg
        put("steroids", "ivmp_dose_mg", float(min(1000, round(30 * weight / 10) * 10)))
    bsa = (weight * height / 3600) ** 0.5
    put("steroids", "mtx_mg_week", float(min(40, round(15 * bsa))))
    put("steroids", "hcq_mg_day", float(min(400, round(5 * weight / 50) * 50))
        if rng.random() < 0.4 else 0.0)
    share = max(0.0, min(1.0, skin_activity / 10))
    for item in cdasi.ITEMS_WITHOUT_GOTTRON_HANDS:
        area = item.code.rsplit("_", 1)[0]
        likely = share if area in _INVOLVED_AREAS or item.code in ("periungual", "hair_loss") \
            else share / 6
        grade = sum(1 for _ in range(item.grade.maximum) if rng.random() < likely)
        put("cdasi", item.code, float(grade))
    _gottron_hands(put, visit_id, share)
    if not baseline:
        put("sun_protection", "counselled", None, "yes" if rng.random() < 0.7 else "no")
        put("sun_protection", "adherence", None,
            rng.choice(("always", "mostly", "mostly", "sometimes", "rarely")))
    if baseline:
        positive = rng.choice(_DEMO_ANTIBODIES)
        untested = rng.random() < 0.15
        for code, _label in AUTOANTIBODIES:
            answer = "positive" if code == positive else "negative"
            if untested and code not in ("tif1g", "nxp2", "mda5", "mi2"):
                answer = "not_tested"
            put("autoantibodies", code, None, answer)


def _gottron_hands(put, visit_id: int, share: float) -> None:
    """The CDASI's Gottron's papules on the hands (added after the other items), from a
    generator of its own so that the other demo values stay what they were: the hands
    are among the areas most often involved in JDM, papules going with redder skin."""
    rng = random.Random(f"demo-gottron-hands-{visit_id}")
    erythema = sum(1 for _ in range(3) if rng.random() < share)
    put("cdasi", "gottron_h_e", float(erythema))
    put("cdasi", "gottron_h_papules", 1.0 if erythema and rng.random() < 0.3 + 0.2 * erythema
        else 0.0)
    put("cdasi", "gottron_h_u", 1.0 if erythema >= 2 and rng.random() < share / 4 else 0.0)


def _visit_values(rows: _Rows, rng: random.Random, visit_id: int, skin_activity: float,
                  visit_date: date, weight: float, height: float, now: datetime, *,
                  baseline: bool, ck_factor: float = 1.0) -> None:
    def put(instrument: str, item: str, num: float | None = None, text_value: str | None = None,
            unit: str | None = None) -> None:
        rows.add_item(visit_id, instrument, item, num, text_value, unit)

    def vas(centre: float) -> float:
        return round(min(10.0, max(0.0, rng.gauss(centre, 0.6))), 1)

    for definition in global_assessments.GLOBAL_ASSESSMENTS:
        centre = skin_activity if "skin" in definition.code or "cutaneous" in definition.code \
            else skin_activity * 0.5
        put("global", definition.code, vas(centre))
    # Muscle disease has resolved in this plan's patients: near-normal strength and function.
    for item in cmas.CMAS_ITEMS:
        drop = 1 if rng.random() < 0.08 else 0
        put("cmas", item.code, float(max(0, int(item.maximum) - drop)))
    for item in chaq.CHAQ_ITEMS:
        roll = rng.random()
        put("chaq", item.code, None, "na") if roll < 0.02 else \
            put("chaq", item.code, float(0 if roll < 0.85 else 1))
    put("chaq", "chaq_pain_vas", vas(skin_activity * 0.4))
    put("chaq", "chaq_wellbeing_vas", vas(skin_activity * 0.5))
    put("mmt8", "variant", None, "unilateral")
    for item in mmt8.items_for("unilateral"):
        put("mmt8", item.code, float(10 if rng.random() < 0.9 else 9))
    for code, uln in ENZYMES:
        # CK runs near the child's own level and settles as the disease improves (the
        # same draws, mapped).
        spread = rng.uniform(0.3, 1.05)
        if code == "ck":  # within 20% of the child's level (at most 1.14 × ULN)
            value = uln * ck_factor * (0.8 + 0.4 * (spread - 0.3) / 0.75)
        else:
            value = uln * spread
        put("enzymes", code, round(value, 1), None, "U/L")
        put("enzymes", f"{code}_uln", uln, None, "U/L")
    put("enzymes", "collected_on", None, visit_date.isoformat())
    for item in skin.SKIN_ITEMS:
        if item.code in ("skin_heliotrope", "skin_gottron", "skin_rash_plain"):
            present = rng.random() < min(0.95, 0.2 + skin_activity / 8)
            put("skin", item.code, None, "present" if present else "absent")
            if item.change_code and not baseline:
                put("skin", item.change_code, None, rng.choice(("improving", "same", "same")))
        elif item.code == "skin_calcinosis":
            put("skin", item.code, None, "mild" if rng.random() < 0.1 else "none")
        else:
            put("skin", item.code, None, "absent")
    put("vitals", "weight_kg", weight)
    put("vitals", "height_cm", height)
