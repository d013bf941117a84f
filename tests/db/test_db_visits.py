"""Visit storage: upsert with audit, reasons for change, complete, due/overdue, timeline,
trends, unscheduled visits, and a fixed number of queries per load/save."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event, select

from app.catalog import protocol_catalog
from app.db.conflicts import ConcurrentEditError
from app.db.due_visits import due_visits
from app.db.models import (
    ArmAssignment,
    AuditEntry,
    Enrollment,
    InstrumentValue,
    Screening,
    Visit,
)
from app.db.outcome_trends import trend_data, trend_series
from app.db.patients import PatientInput, create_patient
from app.db.visit_completion import IncompleteVisitError, mark_complete
from app.db.visit_saving import ReasonRequiredError, save_visit
from app.db.visit_timeline import add_unscheduled_visit, patient_timeline
from app.db.visits import AdverseEventData, load_visit
from app.domain.schedule import visit_schedule
from app.domain.visit_form import ItemEntry

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PROTOCOL_ID = "persistent-skin-rash"


def enrolled(database, study_id="JDM-D01", enrolled_on=date(2026, 5, 4), arm="A"):
    protocol = protocol_catalog().get(PROTOCOL_ID)
    with database.session() as s:
        pid = create_patient(
            s,
            PatientInput(
                study_id=study_id,
                given_name="Ada",
                family_name="Okafor",
                date_of_birth=date(2016, 2, 1),
                sex="female",
                mrn="",
                site="",
            ),
            user="tester",
        )
        enrollment = Enrollment(
            patient_id=pid,
            screening=Screening(
                patient_id=pid,
                protocol_id=PROTOCOL_ID,
                protocol_version="1",
                protocol_hash="0" * 64,
                status="complete",
                verdict="eligible",
            ),
            protocol_id=PROTOCOL_ID,
            protocol_version="1",
            protocol_hash="0" * 64,
            enrollment_date=enrolled_on,
            enrolled_by="tester",
        )
        enrollment.arm_assignments.append(ArmAssignment(arm_id=arm, start_date=enrolled_on))
        s.add(enrollment)
        s.flush()
        visits = {}
        for v in visit_schedule(protocol, enrolled_on):
            row = Visit(
                enrollment_id=enrollment.id,
                visit_code=v.visit_id,
                label=v.label,
                target_date=v.target,
                window_start=v.window_start,
                window_end=v.window_end,
            )
            s.add(row)
            s.flush()
            visits[v.visit_id] = row.id
        return pid, enrollment.id, visits


def n(value, unit=None):
    return ItemEntry(value_num=value, unit=unit)


def t(value):
    return ItemEntry(value_text=value)


def count_queries(database):
    statements = []

    def before(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(database.engine, "before_cursor_execute", before)
    return statements, lambda: event.remove(database.engine, "before_cursor_execute", before)


def test_save_upserts_deletes_and_audits_per_instrument(database):
    _pid, _eid, visits = enrolled(database)
    vid = visits["baseline"]
    with database.session() as s:
        version = load_visit(s, vid).header.version_id
        r = save_visit(
            s,
            vid,
            {
                "global": {"pga_activity": n(5.0)},
                "cmas": {"cmas_2": n(2), "cmas_4": ItemEntry(missing_reason="not_done")},
            },
            [],
            user="nurse",
            expected_version=version,
            visit_date=date(2026, 5, 4),
        )
    assert r.changed_items == 3 and r.status == "draft"
    with database.session() as s:
        r2 = save_visit(
            s,
            vid,
            {"global": {"pga_activity": n(4.5)}, "cmas": {"cmas_2": n(2)}},
            [],
            user="nurse",
            expected_version=r.version_id,
            visit_date=date(2026, 5, 4),
        )
        assert r2.changed_items == 2  # pga changed, cmas_4 reason removed
        rows = s.execute(
            select(InstrumentValue.item, InstrumentValue.value_num)
            .where(InstrumentValue.visit_id == vid)
            .order_by(InstrumentValue.item)
        ).all()
        assert rows == [("cmas_2", 2.0), ("pga_activity", 4.5)]
        audits = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "visit", AuditEntry.field == "global")
        ).all()
        assert len(audits) == 2
        assert '"value_num": 4.5' in audits[-1].new_value


def test_stale_version_refused(database):
    _pid, _eid, visits = enrolled(database)
    with database.session() as s:
        version = load_visit(s, visits["baseline"]).header.version_id
        save_visit(
            s,
            visits["baseline"],
            {"global": {"pga_activity": n(5.0)}},
            [],
            user="a",
            expected_version=version,
            visit_date=None,
        )
    with pytest.raises(ConcurrentEditError, match=r"Global assessments \(by a\)"), \
            database.session() as s:
        save_visit(
            s,
            visits["baseline"],
            {"global": {"pga_activity": n(6.0)}},
            [],
            user="b",
            expected_version=version,
            visit_date=None,
        )


def test_completed_visit_needs_reason_and_complete_needs_everything(database):
    _pid, _eid, visits = enrolled(database)
    vid = visits["month_1"]
    with pytest.raises(IncompleteVisitError) as info, database.session() as s:
        mark_complete(s, vid, ["CMAS item 4 (supine to prone)"], user="nurse")
    assert "CMAS item 4" in str(info.value)
    with database.session() as s:
        mark_complete(s, vid, [], user="nurse")
        version = s.get(Visit, vid).version_id
    with pytest.raises(ReasonRequiredError), database.session() as s:
        save_visit(
            s,
            vid,
            {"global": {"pga_activity": n(1.0)}},
            [],
            user="nurse",
            expected_version=version,
            visit_date=date.today(),
        )
    with database.session() as s:
        save_visit(
            s,
            vid,
            {"global": {"pga_activity": n(1.0)}},
            [],
            user="nurse",
            expected_version=version,
            visit_date=date.today(),
            reason="late lab",
        )
        assert s.get(Visit, vid).status == "complete"


def test_adverse_events_round_trip(database):
    _pid, _eid, visits = enrolled(database)
    vid = visits["month_1"]
    with database.session() as s:
        version = load_visit(s, vid).header.version_id
        save_visit(
            s,
            vid,
            {},
            [AdverseEventData(None, "Rash", date(2026, 6, 1), None, True, "possible", "none")],
            user="nurse",
            expected_version=version,
            visit_date=None,
        )
    with database.session() as s:
        record = load_visit(s, vid)
    assert [(e.description, e.serious) for e in record.adverse_events] == [("Rash", True)]


def test_load_and_save_use_a_fixed_number_of_queries(database):
    _pid, _eid, visits = enrolled(database)
    values = {
        "chaq": {f"chaq_grip_{i}": n(1) for i in range(1, 6)},
        "mmt8": {f"mmt_x{i}": n(8) for i in range(8)},
    }
    with database.session() as s:
        version = load_visit(s, visits["baseline"]).header.version_id
    statements, stop = count_queries(database)
    try:
        with database.session() as s:
            save_visit(
                s,
                visits["baseline"],
                values,
                [],
                user="nurse",
                expected_version=version,
                visit_date=None,
            )
        saved = len(statements)
        statements.clear()
        with database.session() as s:
            load_visit(s, visits["month_6"])
        loaded = len(statements)
    finally:
        stop()
    assert loaded <= 8  # header, baseline id, values, events, arms, prescriptions (+BEGIN)
    # independent of the 13 items: one bulk insert, the audit rows in one insert (one read
    # of the chain's head), a savepoint on a server, and at commit the record states (the
    # visit's items as the save wrote them, one audit entry), and
    # per flush the enrollment's stored scores forgotten (app.db.score_cache: a read of the
    # changed visits' enrollments and one delete)
    assert saved <= 34


def test_changing_one_item_of_a_full_visit_writes_it_and_the_visit_once(database):
    """A correction of one item of a visit of 40 stored items: that item is the only one
    written, the visit is written once (one version step), its enrollment's stored scores
    are forgotten once, and the visit's enrollment is not looked up (read with the
    visit)."""
    _pid, _eid, visits = enrolled(database)
    values = {"mmt8": {f"mmt_x{i}": n(8) for i in range(20)},
              "chaq": {f"chaq_grip_{i}": n(1) for i in range(20)}}
    with database.session() as s:
        version = load_visit(s, visits["baseline"]).header.version_id
        save_visit(s, visits["baseline"], values, [], user="nurse", expected_version=version,
                   visit_date=date(2026, 5, 4))
        mark_complete(s, visits["baseline"], [], user="nurse")
        version = load_visit(s, visits["baseline"]).header.version_id
    values["mmt8"]["mmt_x3"] = n(9)
    statements, stop = count_queries(database)
    try:
        with database.session() as s:
            saved = save_visit(s, visits["baseline"], values, [], user="nurse",
                               expected_version=version, visit_date=date(2026, 5, 4),
                               reason="typo")
    finally:
        stop()
    flat = [" ".join(st.split()) for st in statements]
    assert saved.version_id == version + 1
    assert len([st for st in flat if st.startswith("UPDATE visit ")]) == 1
    assert len([st for st in flat if st.startswith("UPDATE instrument_value ")]) == 1
    assert len([st for st in flat if st.startswith("DELETE FROM visit_score")]) == 1
    # The visit is read once, its enrollment with it: never looked up again for the scores.
    assert [st for st in flat if st.startswith("SELECT visit.")] == [
        st for st in flat if st.startswith("SELECT visit.enrollment_id, visit.visit_date, "
                                           "visit.status, visit.version_id FROM visit")]
    assert len([st for st in flat if st.startswith("SELECT visit.")]) == 1
    with database.reading() as s:
        record = load_visit(s, visits["baseline"])
        entries = [(e.field, e.old_value, e.new_value) for e in s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "visit", AuditEntry.reason == "typo"))]
    assert record.values["mmt8"]["mmt_x3"] == n(9)
    assert record.values["mmt8"]["mmt_x4"] == n(8) and len(record.values["chaq"]) == 20
    assert entries == [
        ("mmt8", '{"mmt_x3": {"value_num": 8.0}}', '{"mmt_x3": {"value_num": 9}}')]


def test_the_first_save_of_a_visit_audits_its_date_and_status_as_they_were(database):
    """The visit's date and status are set before the audit entries are written (one
    write of the visit): the entries still name the values before the save."""
    _pid, _eid, visits = enrolled(database)
    with database.session() as s:
        opened = load_visit(s, visits["month_1"]).header
        assert (opened.status, opened.visit_date) == ("not_started", None)
        saved = save_visit(s, visits["month_1"], {"mmt8": {"mmt_x1": n(7)}}, [],
                           user="nurse", expected_version=opened.version_id,
                           visit_date=date(2026, 6, 3))
    with database.reading() as s:
        entries = [(e.field, e.old_value, e.new_value) for e in s.scalars(select(AuditEntry).where(
            AuditEntry.entity == "visit", AuditEntry.entity_id == str(visits["month_1"]),
            AuditEntry.field.in_(("visit_date", "status"))).order_by(AuditEntry.id))]
        header = load_visit(s, visits["month_1"]).header
    assert entries == [
        ("visit_date", None, "2026-06-03"), ("status", "not_started", "draft")]
    assert (header.status, header.visit_date, header.version_id) == (
        "draft", date(2026, 6, 3), saved.version_id)
    assert saved.version_id == opened.version_id + 1


def test_timeline_due_overdue_and_unscheduled(database):
    pid, eid, visits = enrolled(database, enrolled_on=date(2026, 5, 4))
    today = date(2026, 6, 15)  # month 1 window (27 May - 10 Jun) closed; baseline closed
    with database.session() as s:
        rows = patient_timeline(s, pid, today)
    by_code = {r.visit_code: r for r in rows}
    assert by_code["baseline"].overdue and by_code["month_1"].overdue
    assert not by_code["month_2"].overdue
    assert by_code["month_2"].target_date == date(2026, 7, 4)
    with database.session() as s:
        due = due_visits(s, today, days_ahead=7)
    assert [r.visit_code for r in due] == ["baseline", "month_1"]
    with database.session() as s:
        due = due_visits(s, date(2026, 6, 28), days_ahead=7)
    assert "month_2" in [r.visit_code for r in due]
    with database.session() as s:
        first = add_unscheduled_visit(s, eid, date(2026, 6, 20), user="nurse")
        second = add_unscheduled_visit(s, eid, date(2026, 6, 25), user="nurse")
        assert s.get(Visit, second).occurrence == 2
        assert s.get(Visit, first).label == "Unscheduled 1"


def test_trend_series(database):
    pid, _eid, visits = enrolled(database)
    base = {
        "global": {"pga_activity": n(5.0), "mdaat_cutaneous_vas": n(6.0)},
        "enzymes": {
            "ck": n(600, "U/L"),
            "ck_uln": n(200, "U/L"),
            "alt": n(40, "U/L"),
            "alt_uln": n(40, "U/L"),
        },
    }
    later = {
        "global": {"pga_activity": n(2.0)},
        "enzymes": {"ck": n(300, "U/L"), "ck_uln": n(200, "U/L")},
    }
    for code, values, on in (
        ("baseline", base, date(2026, 5, 4)),
        ("month_6", later, date(2026, 11, 4)),
    ):
        with database.session() as s:
            version = load_visit(s, visits[code]).header.version_id
            save_visit(
                s, visits[code], values, [], user="n", expected_version=version, visit_date=on
            )
    with database.session() as s:
        series = trend_series(trend_data(s, pid))
    assert series.series["pga"] == [(date(2026, 5, 4), 5.0), (date(2026, 11, 4), 2.0)]
    # CK is the most abnormal at baseline (3 × ULN vs ALT 1 ×): followed, 600/200 then 300/200
    assert series.followed_enzyme == "ck"
    assert series.series["enzyme_x_uln"] == [(date(2026, 5, 4), 3.0), (date(2026, 11, 4), 1.5)]
    assert series.arm_changes == ((date(2026, 5, 4), "A"),)


def test_visit_weight_becomes_a_measurement_once_and_corrections_add_history(database):
    from app.db.models import Anthropometric

    pid, _eid, visits = enrolled(database)
    vid = visits["month_1"]

    def save(weight, day=date(2026, 6, 4)):
        with database.session() as s:
            version = load_visit(s, vid).header.version_id
            save_visit(s, vid, {"vitals": {"weight_kg": n(weight), "height_cm": n(118.0)}},
                       [], user="nurse", expected_version=version, visit_date=day)

    def measurements():
        with database.session() as s:
            return s.execute(select(Anthropometric.measured_on, Anthropometric.weight_kg,
                                    Anthropometric.height_cm, Anthropometric.entered_by)
                             .where(Anthropometric.patient_id == pid)
                             .order_by(Anthropometric.id)).all()

    save(21.5)
    assert measurements() == [(date(2026, 6, 4), 21.5, 118.0, "nurse")]
    save(21.5)  # saved again unchanged: no duplicate
    assert len(measurements()) == 1
    save(22.0)  # corrected: kept as a new measurement, the old one stays in history
    assert [m[1] for m in measurements()] == [21.5, 22.0]


def test_adverse_event_resolved_date_round_trips_and_a_change_is_audited(database):
    _pid, _eid, visits = enrolled(database)
    vid = visits["month_1"]
    with database.session() as s:
        version = load_visit(s, vid).header.version_id
        save_visit(s, vid, {}, [AdverseEventData(None, "Rash", date(2026, 6, 1))],
                   user="nurse", expected_version=version, visit_date=date(2026, 6, 4))
    with database.session() as s:
        [event] = load_visit(s, vid).adverse_events
        version = load_visit(s, vid).header.version_id
    assert event.resolved_date is None  # ongoing
    with database.session() as s:
        result = save_visit(
            s, vid, {},
            [AdverseEventData(event.id, "Rash", date(2026, 6, 1), date(2026, 6, 3))],
            user="doctor", expected_version=version, visit_date=date(2026, 6, 4))
    assert result.changed_events == 1
    with database.session() as s:
        [again] = load_visit(s, vid).adverse_events
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "visit", AuditEntry.field == "adverse_events")
            .order_by(AuditEntry.id.desc())
        ).first()
    assert (again.id, again.resolved_date) == (event.id, date(2026, 6, 3))
    # The audited change names who made it and shows the resolved date before and after.
    assert entry.user_name == "doctor"
    assert '"2026-06-03"' in entry.new_value and "2026-06-03" not in entry.old_value


def _hold(database, visit_id, on, status="complete", values=None):
    with database.session() as s:
        version = load_visit(s, visit_id).header.version_id
        save_visit(s, visit_id, values or {"global": {"pga_skin": n(5.0)}}, [],
                   user="nurse", expected_version=version, visit_date=on)
        s.get(Visit, visit_id).status = status


def test_the_last_visit_held_is_loaded_for_comparison(database):
    _pid, _eid, visits = enrolled(database)
    _hold(database, visits["baseline"], date(2026, 5, 4),
          values={"global": {"mdaat_cutaneous_vas": n(6.0)}})
    _hold(database, visits["month_1"], date(2026, 6, 4), status="draft",
          values={"global": {"mdaat_cutaneous_vas": n(4.0)}})
    # month_2 was never held (not started): it is not "the last visit" of month 6.
    with database.session() as s:
        month6 = load_visit(s, visits["month_6"])
        month1 = load_visit(s, visits["month_1"])
        baseline = load_visit(s, visits["baseline"])
    assert month6.previous_visit_id == visits["month_1"]
    assert (month6.previous_visit_label, month6.previous_visit_date) == (
        "Month 1", date(2026, 6, 4))
    assert month6.previous_values["global"]["mdaat_cutaneous_vas"].value_num == 4.0
    assert month6.baseline_values["global"]["mdaat_cutaneous_vas"].value_num == 6.0
    assert month1.previous_visit_id == visits["baseline"]  # the baseline is a visit held
    assert month1.previous_values == month1.baseline_values
    assert baseline.previous_visit_id is None and baseline.previous_values is None


def test_the_last_visit_is_by_date_and_a_later_visit_is_never_it(database):
    _pid, eid, visits = enrolled(database)
    _hold(database, visits["baseline"], date(2026, 5, 4))
    _hold(database, visits["month_2"], date(2026, 7, 4))
    with database.session() as s:
        extra = add_unscheduled_visit(s, eid, date(2026, 6, 10), user="nurse")
        s.get(Visit, extra).status = "complete"
    with database.session() as s:
        # month 1 entered late: its last visit is the baseline, not month 2 or the
        # unscheduled visit, both held after it.
        month1 = load_visit(s, visits["month_1"])
        month6 = load_visit(s, visits["month_6"])
        unscheduled = load_visit(s, extra)
    assert month1.previous_visit_id == visits["baseline"]
    assert month6.previous_visit_id == visits["month_2"]
    assert unscheduled.previous_visit_id == visits["baseline"]


def test_visit_weight_typed_in_pounds_keeps_the_unit_typed(database):
    from app.db.models import Anthropometric

    pid, _eid, visits = enrolled(database)
    vid = visits["month_1"]
    kg = 45 * 0.45359237  # 45 lb typed; stored as 20.41165665 kg
    with database.session() as s:
        version = load_visit(s, vid).header.version_id
        save_visit(s, vid, {"vitals": {"weight_kg": n(kg), "height_cm": n(118.0)}}, [],
                   user="nurse", expected_version=version, visit_date=date(2026, 6, 4),
                   entered_units="lb/cm")
    with database.session() as s:
        row = s.scalars(select(Anthropometric).where(Anthropometric.patient_id == pid)).one()
        audit_new = s.scalars(select(AuditEntry.new_value).where(
            AuditEntry.entity == "anthropometric", AuditEntry.entity_id == str(row.id))).one()
    assert (row.weight_kg, row.height_cm, row.entered_unit) == (kg, 118.0, "lb/cm")
    assert '"entered_units": "lb/cm"' in audit_new
