"""The visit timeline, the due/overdue list, and adding an unscheduled visit."""

from __future__ import annotations

from datetime import date

from app.catalog import protocol_catalog
from app.db.models import ArmAssignment, Enrollment, Prescription, Screening, Visit
from app.db.patients import PatientInput, create_patient
from app.domain.schedule import visit_schedule
from app.forms.due_visits import DueVisitsDialog
from app.forms.visit_timeline import VisitTableModel, VisitTimelineWidget

PROTOCOL_ID = "persistent-skin-rash"
TODAY = date(2026, 11, 21)


def enrolled_patient(
    database,
    *,
    study_id="JDM-V01",
    arm="A",
    enrolled=date(2026, 5, 4),
    dob=date(2016, 2, 1),
    prescription=(40.0, "g", "dose", "ivig"),
):
    """Patient + screening + enrollment on arm ``arm`` + the protocol's visits, via the ORM."""
    protocol = protocol_catalog().get(PROTOCOL_ID)
    with database.session() as s:
        pid = create_patient(
            s,
            PatientInput(
                study_id=study_id,
                given_name="Ada",
                family_name="Okafor",
                date_of_birth=dob,
                sex="female",
                mrn="",
                site="Toronto",
            ),
            user="tester",
        )
        screening = Screening(
            patient_id=pid,
            protocol_id=PROTOCOL_ID,
            protocol_version=protocol.version,
            protocol_hash=protocol.content_hash,
            status="complete",
            verdict="eligible",
            screened_by="tester",
            screening_date=enrolled,
        )
        enrollment = Enrollment(
            patient_id=pid,
            screening=screening,
            protocol_id=PROTOCOL_ID,
            protocol_version=protocol.version,
            protocol_hash=protocol.content_hash,
            enrollment_date=enrolled,
            enrolled_by="tester",
        )
        arm_row = ArmAssignment(arm_id=arm, start_date=enrolled, created_by="tester")
        enrollment.arm_assignments.append(arm_row)
        s.add(enrollment)
        s.flush()
        visits = {}
        for v in visit_schedule(protocol, enrolled):
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
        if prescription:
            amount, unit, per, drug = prescription
            s.add(
                Prescription(
                    enrollment_id=enrollment.id,
                    arm_assignment_id=arm_row.id,
                    drug=drug,
                    role="arm",
                    amount=amount,
                    final_amount=amount,
                    unit=unit,
                    per=per,
                )
            )
        return pid, enrollment.id, visits


def test_timeline_shows_schedule_and_highlights_overdue(qtbot, database):
    pid, _eid, visits = enrolled_patient(database, enrolled=date(2026, 5, 4))
    widget = VisitTimelineWidget(database, pid, user="nurse", today=date(2026, 6, 15))
    qtbot.addWidget(widget)
    model = widget.model
    labels = [model.index(r, VisitTableModel.VISIT).data() for r in range(model.rowCount())]
    assert labels == ["Baseline", "Month 1", "Month 2", "Month 6", "Month 12", "Month 18"]
    status = [model.index(r, VisitTableModel.STATUS).data() for r in range(model.rowCount())]
    assert status[0] == "Not started — OVERDUE" and status[1] == "Not started — OVERDUE"
    assert status[2] == "Not started"
    assert model.index(1, VisitTableModel.TARGET).data() == "04 Jun 2026"
    assert model.index(1, VisitTableModel.WINDOW).data() == "28 May – 11 Jun 2026"
    assert model.index(0, 0).data(0x0008) is not None  # background brush on overdue
    assert "2 overdue" in widget.summary.text()
    opened = []
    widget.open_visit.connect(opened.append)
    new_id = widget.add_unscheduled(date(2026, 6, 20))
    assert model.rowCount() == 7
    assert "Unscheduled 1" in [model.index(r, 0).data() for r in range(7)]
    # sorted by date: the unscheduled visit (20 Jun) sits between month 1 and month 2
    assert model.index(2, 0).data() == "Unscheduled 1"
    widget.view.selectRow(3)
    widget._open_selected()
    assert opened == [visits["month_2"]] and new_id


def test_due_visits_dialog_lists_overdue_first(qtbot, database):
    enrolled_patient(database, study_id="JDM-A", enrolled=date(2026, 5, 4))
    enrolled_patient(database, study_id="JDM-B", enrolled=date(2026, 5, 20))
    dialog = DueVisitsDialog(database, today=date(2026, 6, 15))
    qtbot.addWidget(dialog)
    rows = dialog.model.rows
    assert [(r.study_id, r.visit_code, r.overdue) for r in rows] == [
        ("JDM-A", "baseline", True),  # window closed 18 May
        ("JDM-B", "baseline", True),  # window closed 3 Jun
        ("JDM-A", "month_1", True),  # window closed 11 Jun
        ("JDM-B", "month_1", False),
    ]  # target 20 Jun, within the week
    assert "3 overdue, 1 due" in dialog.summary.text()
