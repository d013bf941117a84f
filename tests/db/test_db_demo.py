"""`jdm-ctp demo-data`: realistic, deterministic synthetic children."""

from datetime import date

import pytest
from sqlalchemy import func, select

from app.db.demo import fill_demo_database
from app.db.models import (
    ArmAssignment,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    Screening,
    Visit,
)
from app.db.opening import open_database
from app.db.patients import list_patient_rows

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

AS_OF = date(2026, 11, 1)


def _fill(tmp_path, name, patients=150, seed=7):
    database = open_database(str(tmp_path / name))
    fill_demo_database(database, patients=patients, seed=seed, as_of=AS_OF)
    return database


def _snapshot(database):
    with database.session() as s:
        return (
            s.execute(select(Patient.study_id, Patient.sex, PatientIdentity.family_name,
                             PatientIdentity.date_of_birth).join(PatientIdentity)
                      .order_by(Patient.id)).all(),
            s.execute(select(ArmAssignment.arm_id, ArmAssignment.start_date)
                      .order_by(ArmAssignment.id)).all(),
            s.execute(select(InstrumentValue.visit_id, InstrumentValue.item,
                             InstrumentValue.value_num, InstrumentValue.value_text)
                      .order_by(InstrumentValue.id)).all(),
        )


def test_same_seed_gives_the_same_children(tmp_path):
    assert _snapshot(_fill(tmp_path, "a.sqlite3")) == _snapshot(_fill(tmp_path, "b.sqlite3"))


def test_other_seed_gives_other_children(tmp_path):
    a = _snapshot(_fill(tmp_path, "a.sqlite3", seed=1))
    b = _snapshot(_fill(tmp_path, "b.sqlite3", seed=2))
    assert a[0] != b[0]


def test_contents_cover_what_demos_and_benchmarks_need(tmp_path):
    database = _fill(tmp_path, "demo.sqlite3", patients=300)
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 300
        verdicts = dict(s.execute(select(Screening.verdict, func.count())
                                  .group_by(Screening.verdict)).all())
        assert verdicts["not_eligible"] > 0 and verdicts["eligible"] > 0
        assert s.scalar(select(func.count()).select_from(Enrollment)) == verdicts["eligible"]
        arms = set(s.scalars(select(ArmAssignment.arm_id)))
        assert arms == {"A", "B", "C"}
        switches = s.scalar(select(func.count()).select_from(ArmAssignment)
                            .where(ArmAssignment.reason != "initial"))
        assert switches > 0
        statuses = set(s.scalars(select(Visit.status)))
        assert {"complete", "not_started"} <= statuses
        instruments = set(s.scalars(select(InstrumentValue.instrument).distinct()))
        assert {"global", "cmas", "chaq", "mmt8", "enzymes", "skin", "vitals"} <= instruments
        # Completed visits only carry item values; future visits carry none.
        assert s.scalar(select(func.count()).select_from(InstrumentValue).join(Visit)
                        .where(Visit.status == "not_started")) == 0


def test_prescriptions_come_from_the_dose_engine_with_derivation(tmp_path):
    database = _fill(tmp_path, "demo.sqlite3")
    with database.session() as s:
        for rx in s.scalars(select(Prescription).limit(40)):
            assert rx.derivation and rx.source
            weight = rx.inputs["weight_kg"]
            if rx.drug == "ivig":  # 2 g/kg, max 70 g, rounded to 0.1 g
                assert rx.amount == min(70.0, round(2 * weight, 1))
            elif rx.drug == "cyclosporine":  # at least 3 mg/kg/day, rounded up to 1 mg
                assert rx.amount >= 3 * weight and rx.amount - 3 * weight < 1
            else:
                assert rx.drug == "mycophenolate mofetil" and rx.amount <= 1500


def test_patient_list_shows_demo_plans(tmp_path):
    database = _fill(tmp_path, "demo.sqlite3", patients=50)
    with database.session() as s:
        rows = list_patient_rows(s)
    assert len(rows) == 50
    assert any(r.protocol == "persistent-skin-rash" and r.arm in {"A", "B", "C"} for r in rows)


def test_demo_data_adds_to_an_existing_database(tmp_path):
    database = _fill(tmp_path, "demo.sqlite3", patients=20)
    fill_demo_database(database, patients=10, seed=99, as_of=AS_OF)
    with database.session() as s:
        ids = list(s.scalars(select(Patient.study_id).order_by(Patient.id)))
    assert len(ids) == len(set(ids)) == 30


def _every_row(database):
    """Every data row the demo writes, without its timestamps (the moment it ran: every
    column named *_at), table by table."""
    from app.db.demo import MODELS

    rows = {}
    with database.reading() as s:
        for model in MODELS:
            columns = [c for c in model.__table__.columns
                       if not c.name.endswith("_at")]
            rows[model.__tablename__] = s.execute(
                select(*columns).order_by(model.__table__.c.id)).all()
    return rows


def test_rows_written_in_batches_are_the_rows_of_one_batch(tmp_path, monkeypatch):
    """Children are written a batch at a time (bounded memory): batches of 3 over 11
    children (a last, partial batch; ids running on across batches; visits, items and
    adverse events of one child in the same batch) give exactly the rows of one batch."""
    import app.db.demo as demo

    whole = _every_row(_fill(tmp_path, "whole.sqlite3", patients=11))
    monkeypatch.setattr(demo, "BATCH", 3)
    batched_database = _fill(tmp_path, "batched.sqlite3", patients=11)
    batched = _every_row(batched_database)
    assert batched == whole
    assert len(batched["patient"]) == 11 and len(batched["instrument_value"]) > 1000
    # The states recorded for `audit verify` (appended entry by entry while they are
    # read) match every row written.
    from app.db.record_states import check_states

    with batched_database.reading() as s:
        states = check_states(s)
    assert states.divergences == [] and states.records > 100


def test_recorded_states_are_what_a_read_back_gives(tmp_path, monkeypatch):
    """The demo records the values of what it writes as it writes them, without reading
    every record back (issue 22: that read was a third of the time): for every audited
    record, the last state the trail holds is exactly what a read-back gives, field by
    field. Demo children added to a database that already has some (ids not from 1), in
    batches of 7 (several trail entries per batch), with switches, withdrawals,
    infusions and adverse events among them."""
    import json

    import app.db.demo as demo
    import app.db.record_states as record_states
    from app.db.models import AuditEntry

    monkeypatch.setattr(demo, "BATCH", 7)
    monkeypatch.setattr(record_states, "RECORDS_PER_ENTRY", 50)
    database = _fill(tmp_path, "demo.sqlite3", patients=5, seed=3)
    fill_demo_database(database, patients=60, seed=7, as_of=AS_OF)
    with database.reading() as s:
        recorded = {}
        for text in s.scalars(select(AuditEntry.new_value)
                              .where(AuditEntry.action == record_states.STATE_ACTION)
                              .order_by(AuditEntry.id)):
            for name, records in json.loads(text).items():
                recorded.update({(name, int(key)): state for key, state in records.items()})
        read_back = {(kind.name, key): json.loads(record_states.state_text(state))
                     for kind in record_states.KINDS
                     for key, state in record_states.current_states(s, kind)}
    written = {kind.name for kind in record_states.KINDS if kind.model in demo.MODELS}
    assert {name for name, _key in read_back} == written  # every kind has records here
    assert len(read_back) > 1000
    differing = {record: (state, read_back.get(record)) for record, state in recorded.items()
                 if state != read_back.get(record)}
    assert differing == {}
    assert recorded.keys() == read_back.keys()


def _peak_bytes(tmp_path, name, patients):
    """Peak Python memory (tracemalloc: the objects the generator makes, not SQLite's own
    page cache) of filling a new database, above what was held before."""
    import gc
    import tracemalloc

    database = open_database(str(tmp_path / name))
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        fill_demo_database(database, patients=patients, seed=7, as_of=AS_OF)
        return tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
        database.dispose()


def test_memory_is_bounded_by_one_batch_not_by_the_children_asked_for(tmp_path, monkeypatch):
    """Issue 22: 50,000 children in under 500 MB. Attacked without timing, at a scale a
    test can afford: batches of 4 children and state entries of 20 records, so that 160
    children are 40 batches. (1) While a child is made up, the rows held are those of
    its own batch only: at most BATCH - 1 earlier children. (2) The peak memory of 160
    children is within twice that of 16: holding every child's rows (~100 KB each, about
    550 item values) would add ~14 MB, five times the peak of 16 children."""
    import app.db.demo as demo
    import app.db.record_states as record_states

    monkeypatch.setattr(demo, "BATCH", 4)
    monkeypatch.setattr(record_states, "RECORDS_PER_ENTRY", 20)
    held: list[int] = []
    one_child = demo._one_child

    def counted(rows, *args, **kwargs):
        held.append(len(rows.tables.get(Patient, ())))
        return one_child(rows, *args, **kwargs)

    monkeypatch.setattr(demo, "_one_child", counted)
    _peak_bytes(tmp_path, "warm.sqlite3", 4)  # imports and caches, once
    held.clear()
    small = _peak_bytes(tmp_path, "small.sqlite3", 16)
    assert held == [0, 1, 2, 3] * 4
    large = _peak_bytes(tmp_path, "large.sqlite3", 160)
    assert max(held) == 3 and len(held) == 176
    assert large < 2 * small, (large, small)


def _endings(database):
    with database.reading() as s:
        return s.execute(select(Enrollment.id, Enrollment.status, Enrollment.ended_on,
                                Enrollment.end_reason).order_by(Enrollment.id)).all()


def test_enrollments_complete_or_stop_so_the_cohort_counts_are_not_all_zero(tmp_path):
    database = _fill(tmp_path, "demo.sqlite3", patients=300)
    endings = _endings(database)
    by_status = {s: [e for e in endings if e.status == s]
                 for s in ("active", "completed", "withdrawn")}
    assert len(by_status["completed"]) > 0 and len(by_status["withdrawn"]) > 0
    assert len(by_status["active"]) > 0
    # a plausible share stops early: 8-16 % by arm (WITHDRAWAL_SHARE), of the enrollments
    # that had time to stop; well away from none and from most
    assert 0.03 * len(endings) < len(by_status["withdrawn"]) < 0.25 * len(endings)
    with database.reading() as s:
        visits = s.execute(select(Visit.enrollment_id, Visit.target_date, Visit.visit_date,
                                  Visit.status).order_by(Visit.enrollment_id,
                                                         Visit.target_date)).all()
        valued = set(s.scalars(select(InstrumentValue.visit_id).distinct()))
        not_done = set(s.scalars(select(Visit.id).where(Visit.status == "not_started")))
    schedule: dict[int, list] = {}
    for v in visits:
        schedule.setdefault(v.enrollment_id, []).append(v)
    for e in by_status["completed"]:
        last = schedule[e.id][-1]  # the last scheduled visit, done and completed
        assert last.status == "complete" and e.ended_on == last.visit_date
        assert e.end_reason == "completed the visit schedule"
    for e in by_status["active"]:
        assert e.ended_on is None and e.end_reason is None
    for e in by_status["withdrawn"]:
        assert e.ended_on is not None and e.end_reason in (
            "lost to follow-up", "family decision", "adverse event", "inadequate response",
            "moved to another centre")
        assert e.ended_on < AS_OF
        for v in schedule[e.id]:
            if v.target_date > e.ended_on:  # nothing done after stopping
                assert v.status == "not_started" and v.visit_date is None
        assert schedule[e.id][-1].status == "not_started"  # stopped before the end
    # a withdrawn child's later visits were drawn and thrown away: no values stored there
    assert valued and valued.isdisjoint(not_done)


def test_endings_are_deterministic_by_seed(tmp_path):
    a, b = _fill(tmp_path, "a.sqlite3"), _fill(tmp_path, "b.sqlite3")
    assert _endings(a) == _endings(b)
    assert _endings(a) != _endings(_fill(tmp_path, "c.sqlite3", seed=8))


def test_withdrawn_arms_stop_with_a_coded_reason_and_disease_history_is_plausible(tmp_path):
    from app.domain.treatment_course_record import END_REASON_CODES

    database = _fill(tmp_path, "demo.sqlite3", patients=300)
    with database.reading() as s:
        withdrawn = s.execute(select(Enrollment.id, Enrollment.ended_on, Enrollment.end_reason)
                              .where(Enrollment.status == "withdrawn")).all()
        assert withdrawn
        for e in withdrawn:
            last = s.scalars(select(ArmAssignment).where(ArmAssignment.enrollment_id == e.id)
                             .order_by(ArmAssignment.start_date.desc())).first()
            # the arm running when the child left ends then, for a coded reason
            assert last.end_date == max(e.ended_on, last.start_date)
            assert last.stop_reason in END_REASON_CODES
            assert (last.stop_other == e.end_reason) is (last.stop_reason == "other")
            statuses = set(s.scalars(select(Prescription.status).where(
                Prescription.arm_assignment_id == last.id)))
            assert statuses <= {"stopped"}
        # the first arm of a switched child ends for the reason the second began
        switched_first = s.scalars(select(ArmAssignment.stop_reason).where(
            ArmAssignment.reason == "initial", ArmAssignment.end_date.is_not(None))).all()
        assert switched_first and set(switched_first) <= END_REASON_CODES
        history = s.execute(select(Patient.onset_date, Patient.diagnosis_date,
                                   PatientIdentity.date_of_birth, Screening.screening_date)
                            .join(PatientIdentity).join(Screening)).all()
    for onset, diagnosis, born, screened in history:
        # onset 1-36 months before screening, not before birth; diagnosis after onset
        assert born <= onset <= diagnosis <= screened
        assert (screened - onset).days <= 1095


def test_every_demo_cdasi_has_the_hands_row_and_scores_out_of_100(tmp_path):
    """The demo's CDASI includes Gottron's papules on the hands: every visit with CDASI
    grades has the row (so its activity is scored, out of 100), papules present at some
    visits (their erythema then counts twice) and never on skin without erythema."""
    from collections import defaultdict

    from app.domain.instruments.cdasi import ITEMS, MAXIMUM, score_cdasi

    database = _fill(tmp_path, "demo.sqlite3", patients=60)
    with database.session() as s:
        rows = s.execute(select(InstrumentValue.visit_id, InstrumentValue.item,
                                InstrumentValue.value_num)
                         .where(InstrumentValue.instrument == "cdasi")).all()
    visits: dict[int, dict[str, float]] = defaultdict(dict)
    for visit_id, item, num in rows:
        visits[visit_id][item] = num
    assert visits
    hands = [(v["gottron_h_e"], v["gottron_h_papules"], v["gottron_h_u"])
             for v in visits.values()]
    assert all(len(v) == len(ITEMS) for v in visits.values())
    assert all(score_cdasi(v).total is not None and score_cdasi(v).total <= MAXIMUM
               for v in visits.values())
    assert any(p == 1 for _e, p, _u in hands) and any(p == 0 for _e, p, _u in hands)
    assert all(e > 0 for e, p, _u in hands if p == 1)  # papules come with erythema
    assert all(e >= 2 for e, _p, u in hands if u == 1)  # ulceration only on red skin


@pytest.mark.postgres
def test_demo_data_analyzes_only_its_own_tables_on_the_server(database):
    # Found in CI: a bare ANALYZE visits every table of the server's database, and
    # deadlocked with another schema's table changes (two test workers, each in its own
    # schema). The statistics are refreshed table by table, for this application's tables.
    from sqlalchemy import event

    from app.db.models import Base

    sent: list[str] = []

    def record(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("ANALYZE"):
            sent.append(statement.strip())

    event.listen(database.engine, "before_cursor_execute", record)
    try:
        fill_demo_database(database, patients=2, seed=5)
    finally:
        event.remove(database.engine, "before_cursor_execute", record)
    quote = database.engine.dialect.identifier_preparer.quote
    assert sent == [f"ANALYZE {quote(table.name)}" for table in Base.metadata.sorted_tables]
