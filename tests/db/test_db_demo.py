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
