"""Nothing silently overwritten: two workstations, one record (issue 13, item 3).

Each workstation is its own ``Database`` (its own engine and connections) on the same
SQLite file or PostgreSQL server, and saves the way its form does: it opens the record
(values and version), and later saves one change with what it opened.

* Sequential trials (SQLite and PostgreSQL): A opens, B opens and saves, A saves. A must
  be refused naming B's field and B, and B's change must survive.
* Concurrent trials (PostgreSQL): both open, then both save at once (threads released by
  a barrier, each after a random pause of up to 30 ms). Exactly one save is refused, the
  other's change is stored, and nothing surfaces as a raw database error.

A lost update is a trial where both saves were acknowledged but the stored record lacks
one of the two changes. Measured before the fix: patient edits as the GUI made them lost
30/30 sequential and 65/100 concurrent trials, prior therapies 30/30 and 78/100; 67/100
concurrent visit saves raised a raw IntegrityError or StaleDataError; two workstations
adding different patients had 200 of 400 saves fail on the audit table's primary key.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import Any

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.catalog import protocol_catalog
from app.db import audit, users
from app.db.conflicts import ConcurrentEditError
from app.db.demo import fill_demo_database
from app.db.engine import Database
from app.db.enrollments import enrollment_overview, switch_arm
from app.db.models import (
    AdverseEvent,
    ArmAssignment,
    AuditEntry,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    User,
    Visit,
)
from app.db.patients import (
    PatientInput,
    create_patient,
    get_patient_input,
    get_patient_version,
    update_patient,
)
from app.db.prior_therapies import (
    PriorTherapyInput,
    add_prior_therapy,
    delete_prior_therapy,
    edit_prior_therapy,
    list_prior_therapies,
)
from app.db.visit_saving import save_visit
from app.db.visits import AdverseEventData, load_visit
from app.domain.arm_switch import SwitchDraft, finalise_switch
from app.domain.permissions import Role
from app.domain.visit_form import ItemEntry

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
PROTOCOL_ID = "persistent-skin-rash"
SEQUENTIAL_TRIALS = 30
CONCURRENT_TRIALS = 40
PASSWORD = "long enough secret"


@pytest.fixture
def other_workstation(database: Database) -> Iterator[Database]:
    """A second workstation on the same database: its own engine, its own connections."""
    workstation = Database(database.url)
    workstation.actor = database.actor
    try:
        yield workstation
    finally:
        workstation.dispose()


# ------------------------------------------------------------------ one record kind each


@dataclass
class RecordKind:
    """How a form opens one kind of record and saves one change to it.

    ``save(workstation, record, opened, who)`` saves who's change ("a" or "b") with
    what that workstation opened; ``has(workstation, record, who)`` says whether who's
    change is stored. B's change is to the field ``b_field``, recorded as made by
    ``b_user``: A's refusal must name both.
    """

    name: str
    setup: Callable[[Database, int], Any]
    open: Callable[[Database, Any], Any]
    save: Callable[[Database, Any, Any, str], None]
    has: Callable[[Database, Any, str], bool]
    b_field: str
    b_user: str


def _patient_input(number: int, **changes: Any) -> PatientInput:
    values: dict[str, Any] = {
        "study_id": f"JDM-{number:04d}", "given_name": "Ada", "family_name": "King",
        "date_of_birth": date(2014, 3, 9), "sex": "female", "mrn": "MRN-1", "site": "Toronto",
    }
    values.update(changes)
    return PatientInput(**values)


PATIENT_CHANGE = {"a": {"family_name": "Byron"}, "b": {"site": "Ottawa"}}


def _patient_setup(db: Database, number: int) -> tuple[int, int]:
    with db.session() as s:
        return create_patient(s, _patient_input(number), user="registrar"), number


def _patient_open(db: Database, record: tuple[int, int]) -> tuple[PatientInput, int]:
    # As the main window opens the patient dialog: values and version in one session.
    with db.session() as s:
        return get_patient_input(s, record[0]), get_patient_version(s, record[0])


def _patient_save(db: Database, record: tuple[int, int], opened: Any, who: str) -> None:
    values, version = opened
    typed = _patient_input(record[1], **PATIENT_CHANGE[who])
    with db.session() as s:
        update_patient(s, record[0], typed, user=f"nurse_{who}", expected_version=version,
                       opened=values)


def _patient_has(db: Database, record: tuple[int, int], who: str) -> bool:
    with db.session() as s:
        stored = get_patient_input(s, record[0])
    return all(getattr(stored, k) == v for k, v in PATIENT_CHANGE[who].items())


PATIENT = RecordKind("patient", _patient_setup, _patient_open, _patient_save, _patient_has,
                     b_field="site", b_user="nurse_b")


PRIOR_CHANGE = {"a": {"notes": "weekly"}, "b": {"for_skin_disease": True}}


def _therapy(**changes: Any) -> PriorTherapyInput:
    values: dict[str, Any] = {"drug": "methotrexate", "start_date": date(2025, 2, 1)}
    values.update(changes)
    return PriorTherapyInput(**values)


def _prior_setup(db: Database, number: int) -> int:
    with db.session() as s:
        patient_id = create_patient(s, _patient_input(number), user="registrar")
        return add_prior_therapy(s, patient_id, _therapy(), user="registrar", today=TODAY)


def _prior_row(db: Database, therapy_id: int) -> Any:
    with db.session() as s:
        patient_id = s.get_one(PriorTherapy, therapy_id).patient_id
        return next(r for r in list_prior_therapies(s, patient_id) if r.id == therapy_id)


def _prior_save(db: Database, therapy_id: int, opened: Any, who: str) -> None:
    with db.session() as s:
        edit_prior_therapy(s, therapy_id, _therapy(**PRIOR_CHANGE[who]), user=f"nurse_{who}",
                           today=TODAY, expected_version=opened.version_id,
                           opened=opened.to_input())


def _prior_has(db: Database, therapy_id: int, who: str) -> bool:
    row = _prior_row(db, therapy_id)
    return all(getattr(row, k) == v for k, v in PRIOR_CHANGE[who].items())


PRIOR_THERAPY = RecordKind("prior therapy", _prior_setup, _prior_row, _prior_save, _prior_has,
                           b_field="for_skin_disease", b_user="nurse_b")


def _enrolled(db: Database, number: int) -> int:
    """A patient enrolled on arm A (ORM rows, as the visit tests build them)."""
    with db.session() as s:
        patient_id = create_patient(s, _patient_input(number), user="registrar")
        enrollment = Enrollment(
            patient_id=patient_id,
            screening=Screening(patient_id=patient_id, protocol_id=PROTOCOL_ID,
                                protocol_version="1", protocol_hash="0" * 64,
                                status="complete", verdict="eligible"),
            protocol_id=PROTOCOL_ID, protocol_version="1", protocol_hash="0" * 64,
            enrollment_date=date(2026, 11, 2), enrolled_by="registrar")
        enrollment.arm_assignments.append(
            ArmAssignment(arm_id="A", start_date=date(2026, 11, 2), created_by="registrar"))
        s.add(enrollment)
        s.flush()
        return enrollment.id


def _visit_setup(db: Database, number: int) -> int:
    enrollment_id = _enrolled(db, number)
    with db.session() as s:
        visit = Visit(enrollment_id=enrollment_id, visit_code="month_1", label="Month 1",
                      target_date=date(2026, 12, 2))
        s.add(visit)
        s.flush()
        return visit.id


VISIT_CHANGE: dict[str, tuple[dict[str, dict[str, ItemEntry]], list[AdverseEventData]]] = {
    "a": ({"global": {"pga_activity": ItemEntry(value_num=5.0)}}, []),
    "b": ({"cmas": {"cmas_1": ItemEntry(value_num=1.0)}},
          [AdverseEventData(None, "Nausea", date(2026, 11, 20))]),
}


def _visit_open(db: Database, visit_id: int) -> Any:
    with db.session() as s:
        return load_visit(s, visit_id)


def _visit_save(db: Database, visit_id: int, opened: Any, who: str) -> None:
    # As the visit form saves: what is on screen is what was loaded plus what was typed.
    values, events = VISIT_CHANGE[who]
    on_screen = {**opened.values, **values}
    with db.session() as s:
        save_visit(s, visit_id, on_screen, [*opened.adverse_events, *events],
                   user=f"nurse_{who}", expected_version=opened.header.version_id,
                   visit_date=None, opened=opened)


def _visit_has(db: Database, visit_id: int, who: str) -> bool:
    values, events = VISIT_CHANGE[who]
    stored = _visit_open(db, visit_id)
    items_there = all(stored.values.get(i, {}).get(k) == v
                      for i, items in values.items() for k, v in items.items())
    events_there = all(any(e.description == x.description for e in stored.adverse_events)
                       for x in events)
    return items_there and events_there


VISIT = RecordKind("visit", _visit_setup, _visit_open, _visit_save, _visit_has,
                   b_field="cmas", b_user="nurse_b")


SWITCH_TO = {"a": "C", "b": "B"}


def _switch_open(db: Database, enrollment_id: int) -> int:
    with db.session() as s:
        return enrollment_overview(s, enrollment_id).version_id


def _switch_save(db: Database, enrollment_id: int, opened: int, who: str) -> None:
    protocol = protocol_catalog().protocols[PROTOCOL_ID]
    plan = finalise_switch(protocol, "A", SwitchDraft(
        to_arm=SWITCH_TO[who], reason="inadequate_response", switch_date="2026-11-20",
        weight="22", height="118", measured_on="2026-11-20"), date(2026, 11, 2), TODAY)
    with db.session() as s:
        switch_arm(s, enrollment_id, plan, user=f"dr_{who}", expected_version=opened)


def _switch_has(db: Database, enrollment_id: int, who: str) -> bool:
    with db.session() as s:
        arms = s.scalars(select(ArmAssignment.arm_id)
                         .where(ArmAssignment.enrollment_id == enrollment_id)).all()
    return SWITCH_TO[who] in arms


ARM_SWITCH = RecordKind("arm switch", _enrolled, _switch_open, _switch_save, _switch_has,
                        b_field="arm", b_user="dr_b")


def _account_setup(db: Database, number: int) -> str:
    with db.session() as s:
        if not users.has_users(s):
            admin = users.create_first_administrator(s, "admin_a", "Ann", PASSWORD)
            users.create_user(s, admin, "admin_b", "Bea", Role.ADMINISTRATOR, PASSWORD)
        admin = users.get_actor(s, "admin_a")
        users.create_user(s, admin, f"user{number}", "", Role.DATA_ENTRY, PASSWORD)
    return f"user{number}"


def _account_open(db: Database, user_name: str) -> users.UserRow:
    with db.session() as s:
        return next(r for r in users.list_users(s) if r.user_name == user_name)


def _account_save(db: Database, user_name: str, opened: users.UserRow, who: str) -> None:
    with db.session() as s:
        actor = users.get_actor(s, f"admin_{who}")
        if who == "a":
            users.deactivate_user(s, actor, user_name, "left the clinic",
                                  expected_version=opened.version_id, opened=opened)
        else:
            users.change_role(s, actor, user_name, Role.CLINICIAN, "now a doctor",
                              expected_version=opened.version_id, opened=opened)


def _account_has(db: Database, user_name: str, who: str) -> bool:
    row = _account_open(db, user_name)
    return (not row.active) if who == "a" else row.role == Role.CLINICIAN.value


USER_ACCOUNT = RecordKind("user account", _account_setup, _account_open, _account_save,
                          _account_has, b_field="role", b_user="admin_b")

KINDS = [PATIENT, PRIOR_THERAPY, VISIT, ARM_SWITCH, USER_ACCOUNT]


# --------------------------------------------------------------------------- trials


def _stored_changes(kind: RecordKind, db: Database, record: Any) -> tuple[bool, bool]:
    return kind.has(db, record, "a"), kind.has(db, record, "b")


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_save_with_the_version_opened_never_reverts_the_other_workstation(
    database: Database, other_workstation: Database, kind: RecordKind
) -> None:
    a, b = database, other_workstation
    trials = SEQUENTIAL_TRIALS if kind in (PATIENT, PRIOR_THERAPY) else 5
    lost = 0
    for number in range(trials):
        record = kind.setup(a, number)
        opened_a = kind.open(a, record)
        opened_b = kind.open(b, record)
        kind.save(b, record, opened_b, "b")
        with pytest.raises(ConcurrentEditError) as refused:
            kind.save(a, record, opened_a, "a")
        has_a, has_b = _stored_changes(kind, a, record)
        lost += not has_b
        assert (has_a, has_b) == (False, True)
        change = refused.value.change_of(kind.b_field)
        assert change is not None, str(refused.value)
        assert change.changed_by == kind.b_user
        message = str(refused.value)
        assert "changed by someone else after you opened it" in message
        assert f"(by {kind.b_user})" in message and "Nothing was overwritten" in message
    assert lost == 0
    with a.session() as s:
        assert audit.verify_chain(s) == (True, None)


def test_refusal_names_fields_and_people_but_no_patient_data(
    database: Database, other_workstation: Database
) -> None:
    record = PATIENT.setup(database, 1)
    opened_a = PATIENT.open(database, record)
    opened_b = PATIENT.open(other_workstation, record)
    PATIENT.save(other_workstation, record, opened_b, "b")
    with pytest.raises(ConcurrentEditError) as refused:
        PATIENT.save(database, record, opened_a, "a")
    message = str(refused.value)
    assert refused.value.changed_fields == ("site",)
    assert "Patient JDM-0001" in message and "site (by nurse_b)" in message
    for patient_data in ("Ottawa", "Toronto", "Byron", "King", "Ada", "MRN-1", "2014"):
        assert patient_data not in message


def test_without_the_values_opened_the_refusal_lists_what_differs_from_yours(
    database: Database, other_workstation: Database
) -> None:
    patient_id, number = PATIENT.setup(database, 2)
    with database.session() as s:
        version = get_patient_version(s, patient_id)
    PATIENT.save(other_workstation, (patient_id, number),
                 PATIENT.open(other_workstation, (patient_id, number)), "b")
    with pytest.raises(ConcurrentEditError) as refused, database.session() as s:
        update_patient(s, patient_id, _patient_input(number, site="Calgary"), user="nurse_a",
                       expected_version=version)
    assert refused.value.changed_fields == ("site",)
    assert refused.value.changed_by == ("nurse_b",)


def test_a_therapy_deleted_meanwhile_is_refused_naming_who_deleted_it(
    database: Database, other_workstation: Database
) -> None:
    therapy_id = PRIOR_THERAPY.setup(database, 3)
    opened = PRIOR_THERAPY.open(database, therapy_id)
    with other_workstation.session() as s:
        delete_prior_therapy(s, therapy_id, user="nurse_b", reason="entered twice",
                             expected_version=opened.version_id)
    with pytest.raises(ConcurrentEditError, match=r"deleted \(by nurse_b\)"):
        PRIOR_THERAPY.save(database, therapy_id, opened, "a")
    with database.session() as s:
        assert s.get(PriorTherapy, therapy_id) is None


def test_every_editable_row_carries_a_version_the_orm_checks(
    database: Database, other_workstation: Database
) -> None:
    """Two sessions hold the same row; the later write is refused by version_id_col."""
    visit_id = VISIT.setup(database, 4)
    VISIT.save(database, visit_id, VISIT.open(database, visit_id), "b")
    therapy_id = PRIOR_THERAPY.setup(database, 5)
    enrollment_id = _enrolled(database, 6)
    _account_setup(database, 7)
    with database.session() as s:
        rows = {
            Patient: s.scalar(select(Patient.id)),
            PatientIdentity: s.scalar(select(PatientIdentity.id)),
            PriorTherapy: therapy_id,
            Enrollment: enrollment_id,
            ArmAssignment: s.scalar(select(ArmAssignment.id)),
            Visit: visit_id,
            InstrumentValue: s.scalar(select(InstrumentValue.id)),
            AdverseEvent: s.scalar(select(AdverseEvent.id)),
            User: s.scalar(select(User.id)),
        }
        s.add(Prescription(enrollment_id=enrollment_id, drug="ivig", role="arm", unit="g"))
        s.flush()
        rows[Prescription] = s.scalar(select(Prescription.id))
    column = {Patient: "site", PatientIdentity: "mrn", PriorTherapy: "notes",
              Enrollment: "end_reason", ArmAssignment: "notes", Visit: "label",
              InstrumentValue: "value_text", AdverseEvent: "action_taken",
              User: "display_name", Prescription: "override_reason"}
    for model, pk in rows.items():
        first = sessionmaker(database.engine, expire_on_commit=False)()
        second = sessionmaker(other_workstation.engine, expire_on_commit=False)()
        try:
            # Each "form" loads the row and ends its transaction (on SQLite a write unit
            # holds the file's write lock until it ends).
            held_first = first.get_one(model, pk)
            first.commit()
            held_second = second.get_one(model, pk)
            second.commit()
            assert held_first.version_id == held_second.version_id
            setattr(held_second, column[model], "second workstation")
            second.commit()
            setattr(held_first, column[model], "first workstation")
            with pytest.raises(StaleDataError):
                first.commit()
            first.rollback()
        finally:
            first.close()
            second.close()
        with database.session() as s:
            assert getattr(s.get_one(model, pk), column[model]) == "second workstation"


def test_import_refuses_a_patient_added_by_someone_else_while_it_ran(
    database: Database, other_workstation: Database, empty: Database, tmp_path, monkeypatch
) -> None:
    """The import compares the file with the database, then writes in a later
    transaction: a patient added in between is a conflict, not a duplicate-key crash."""
    from app.exports import importing as import_data
    from app.exports.export import export_database

    with empty.session() as s:
        create_patient(s, _patient_input(10), user="registrar")
        create_patient(s, _patient_input(11), user="registrar")
    export_database(empty, tmp_path / "out", profile="identified", user="registrar")
    checked = import_data._refuse_patients_added_meanwhile

    def other_workstation_adds_jdm_0011_first(session: Any, *args: Any) -> None:
        with other_workstation.session() as other:
            create_patient(other, _patient_input(11), user="nurse_b")
        checked(session, *args)

    monkeypatch.setattr(import_data, "_refuse_patients_added_meanwhile",
                        other_workstation_adds_jdm_0011_first)
    with pytest.raises(import_data.ImportRejected) as rejected:
        import_data.import_directory(database, tmp_path / "out", user="registrar")
    message = str(rejected.value)
    assert "JDM-0011 was added to the database by nurse_b" in message
    assert "nothing was imported" in message
    with database.session() as s:
        assert s.scalars(select(Patient.study_id)).all() == ["JDM-0011"]
        assert audit.verify_chain(s) == (True, None)


def test_demo_data_leaves_every_id_sequence_past_its_rows(database: Database) -> None:
    """Demo rows carry their own ids; on a server the sequences must catch up with them,
    or the next row saved through the app collides with a demo row's id."""
    fill_demo_database(database, patients=12, seed=3, as_of=date(2026, 11, 1))
    visit_id = VISIT.setup(database, 500)  # patient, identity, screening, enrollment, arm
    VISIT.save(database, visit_id, VISIT.open(database, visit_id), "b")  # item, event
    therapy_id = PRIOR_THERAPY.setup(database, 501)
    enrollment_id = _enrolled(database, 502)
    ARM_SWITCH.save(database, enrollment_id, _switch_open(database, enrollment_id), "b")
    _account_setup(database, 503)
    with database.session() as s:
        assert s.get(PriorTherapy, therapy_id) is not None
        assert s.scalar(select(func.count()).select_from(Patient)) == 15
        assert audit.verify_chain(s) == (True, None)


# --------------------------------------------------------- concurrent, on the server


def _race(*saves: Callable[[], None], seed: int) -> list[BaseException | None]:
    """Run the saves at once (released together, then a random pause of up to 30 ms)."""
    barrier = threading.Barrier(len(saves))
    pauses = random.Random(seed)
    delays = [pauses.uniform(0, 0.03) for _ in saves]
    outcome: list[BaseException | None] = [None] * len(saves)

    def run(index: int, save: Callable[[], None]) -> None:
        barrier.wait()
        time.sleep(delays[index])
        try:
            save()
        except BaseException as error:  # noqa: BLE001 - every outcome is asserted on
            outcome[index] = error

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(saves)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcome


@pytest.mark.postgres
@pytest.mark.parametrize("kind", [PATIENT, PRIOR_THERAPY, VISIT], ids=lambda k: k.name)
def test_concurrent_saves_one_wins_one_is_refused_none_lost(
    database: Database, other_workstation: Database, kind: RecordKind
) -> None:
    a, b = database, other_workstation
    tally: Counter[str] = Counter()
    for number in range(CONCURRENT_TRIALS):
        record = kind.setup(a, 1000 + number)
        opened = {"a": kind.open(a, record), "b": kind.open(b, record)}
        outcome = dict(zip("ab", _race(
            partial(kind.save, a, record, opened["a"], "a"),
            partial(kind.save, b, record, opened["b"], "b"), seed=number), strict=True))
        stored = dict(zip("ab", _stored_changes(kind, a, record), strict=True))
        for who, error in outcome.items():
            if error is None:
                tally["saved"] += 1
                tally["lost"] += not stored[who]
            elif isinstance(error, ConcurrentEditError):
                tally["refused"] += 1
                winner = "b" if who == "a" else "a"
                assert error.changed_by == (f"nurse_{winner}",), str(error)
                assert not stored[who]
            else:
                tally[f"raw {type(error).__name__}"] += 1
    print(f"\n{kind.name}: {dict(tally)}")
    assert tally == Counter(saved=CONCURRENT_TRIALS, refused=CONCURRENT_TRIALS, lost=0)


@pytest.mark.postgres
def test_two_workstations_adding_different_patients_never_fail(
    database: Database, other_workstation: Database
) -> None:
    """The audit trail is one hash chain: appends wait for each other instead of
    colliding on the next entry's id."""
    per_workstation = 100
    failures: list[BaseException] = []

    def add_patients(db: Database, prefix: str) -> Callable[[], None]:
        def run() -> None:
            for n in range(per_workstation):
                try:
                    with db.session() as s:
                        create_patient(s, _patient_input(0, study_id=f"{prefix}-{n:03d}"),
                                       user=f"nurse_{prefix}")
                except BaseException as error:  # noqa: BLE001 - counted below
                    failures.append(error)
        return run

    outcome = _race(add_patients(database, "A"), add_patients(other_workstation, "B"), seed=7)
    assert outcome == [None, None]
    assert failures == []
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 2 * per_workstation
        entries = s.scalars(select(AuditEntry.action)).all()
        # 11 audited fields per patient (7, and the disease onset and diagnosis dates, race
        # and ethnicity), and each save's recorded values (issue 14, item 7)
        assert entries.count("create") == 2 * per_workstation * 11
        assert entries.count("state") == 2 * per_workstation
        assert audit.verify_chain(s) == (True, None)


@pytest.mark.postgres
def test_a_writer_that_ignores_the_write_lock_is_still_caught_by_the_version(
    database: Database, monkeypatch
) -> None:
    """Between the save's read and its UPDATE, a raw SQL writer (no lock, no audit)
    changes the patient: the UPDATE's version check refuses the save, nothing is lost."""
    from app.db import patients

    patient_id, number = PATIENT.setup(database, 20)
    opened, version = PATIENT.open(database, (patient_id, number))
    real_check = patients.study_id_exists

    def raw_writer_strikes(session: Any, *args: Any, **kwargs: Any) -> bool:
        with database.engine.connect() as raw:
            raw.execute(text("UPDATE patient SET site = 'Ottawa', version_id = version_id + 1 "
                             "WHERE id = :id"), {"id": patient_id})
            raw.commit()
        return real_check(session, *args, **kwargs)

    monkeypatch.setattr(patients, "study_id_exists", raw_writer_strikes)
    with pytest.raises(ConcurrentEditError) as refused, database.session() as s:
        update_patient(s, patient_id, _patient_input(number, family_name="Byron"),
                       user="nurse_a", expected_version=version, opened=opened)
    assert refused.value.changed_fields == ("site",)
    with database.session() as s:
        stored = get_patient_input(s, patient_id)
    assert (stored.site, stored.family_name) == ("Ottawa", "King")
