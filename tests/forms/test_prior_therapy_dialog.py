"""The prior-therapy dialog: table, add/edit/stop, validation at the field in plain words,
and the patient page's "Prior therapies…" button."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db.models import AuditEntry
from app.db.patients import PatientInput, create_patient
from app.db.prior_therapies import list_prior_therapies
from app.forms.patient_page import PatientPage
from app.forms.prior_therapy_dialog import PriorTherapyDialog, known_drugs

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


@pytest.fixture
def patient_id(database):
    with database.session() as session:
        return create_patient(session, PatientInput("JDM-007", "Noor", "Haddad",
                                                    date(2014, 3, 2), "female"), user="nurse")


@pytest.fixture
def dialog(qtbot, database, patient_id):
    d = PriorTherapyDialog(database, patient_id, "dr.ito",
                           protocol_catalog().protocols.values(), TODAY, "JDM-007")
    qtbot.addWidget(d)
    d.show()
    return d


def fill(d, drug, start="", stop="", reason="", last="", b_cells=None):
    d.drug.setCurrentText(drug)
    d.start.set_iso(start)
    d.stop.set_iso(stop)
    d.reason.setCurrentIndex(d.reason.findData(reason))
    d.last_dose.set_iso(last)
    if b_cells is not None:
        d.b_cells.setCurrentIndex(d.b_cells.findData(b_cells))


def shown(d, name):
    message = d.messages[name]
    return message.text() if message.isVisible() else ""


def test_known_drugs_come_from_the_plans_lists():
    drugs = known_drugs(protocol_catalog().protocols.values())
    for name in ("methotrexate", "prednisone", "infliximab", "adalimumab", "abatacept",
                 "rituximab", "tocilizumab", "etanercept", "ivig"):
        assert name in drugs


def test_add_then_table_shows_it_and_audit(dialog, database, patient_id):
    assert dialog.table.rowCount() == 0
    assert not dialog.save_button.isEnabled()
    fill(dialog, "methotrexate", "2025-02-01")
    assert dialog.save_button.isEnabled()
    assert dialog.save()
    fill(dialog, "infliximab", "2025-03-01", "2026-06-01", "inadequate_response", "2026-05-20")
    assert dialog.save()
    assert dialog.table.rowCount() == 2
    cells = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert cells == [["methotrexate", "01 Feb 2025", "ongoing", ""],
                     ["infliximab", "01 Mar 2025", "01 Jun 2026", "inadequate response"]]
    with database.session() as session:
        assert len(list_prior_therapies(session, patient_id)) == 2
        users = set(session.scalars(select(AuditEntry.user_name).where(
            AuditEntry.entity == "prior_therapy")))
        assert users == {"dr.ito"}


def test_stop_before_start_is_refused_at_the_field(dialog, database, patient_id):
    fill(dialog, "abatacept", "2026-03-01", "2026-02-01", "toxicity")
    assert "before the start date 2026-03-01" in shown(dialog, "stop_date")
    assert not dialog.save_button.isEnabled()
    assert not dialog.save()
    with database.session() as session:
        assert list_prior_therapies(session, patient_id) == []


def test_future_dates_are_refused(dialog):
    fill(dialog, "abatacept", "2026-11-22")
    assert shown(dialog, "start_date") == ("The start date 2026-11-22 is in the future "
                                           "(today is 2026-11-21).")
    fill(dialog, "abatacept", "2026-03-01", "2026-12-01", "toxicity", "2026-12-01")
    assert "in the future" in shown(dialog, "stop_date")
    assert "in the future" in shown(dialog, "last_dose_date")
    assert not dialog.save_button.isEnabled()


def test_stopped_needs_why_and_last_dose_within_the_course(dialog):
    fill(dialog, "abatacept", "2026-03-01", "2026-05-01")
    assert shown(dialog, "reason_stopped") == "Choose why the therapy was stopped."
    fill(dialog, "abatacept", "2026-03-01", "2026-05-01", "benefit", "2026-05-02")
    assert "after the stop date" in shown(dialog, "last_dose_date")
    fill(dialog, "abatacept", "2026-03-01", "", "toxicity")
    assert shown(dialog, "stop_date") == "Enter the date the therapy was stopped."
    fill(dialog, "", "2026-03-01")
    assert "generic name" in shown(dialog, "drug")


def test_b_cells_only_for_rituximab(dialog, database, patient_id):
    fill(dialog, "abatacept", "2026-01-01")
    assert not dialog.b_cells.isEnabled()
    fill(dialog, "rituximab", "2025-01-01", "2025-01-15", "benefit", "2025-01-15", True)
    assert dialog.b_cells.isEnabled()
    assert dialog.save()
    with database.session() as session:
        (row,) = list_prior_therapies(session, patient_id)
    assert row.b_cells_detectable is True


def test_edit_and_stop_an_ongoing_therapy(dialog, database, patient_id):
    fill(dialog, "adalimumab", "2026-01-10")
    assert dialog.save()
    dialog.table.selectRow(0)
    assert dialog.editing_id is not None and "ongoing" in dialog.form_box.title()
    dialog.stop.set_iso("2026-09-01")
    dialog.reason.setCurrentIndex(dialog.reason.findData("inadequate_response"))
    dialog.last_dose.set_iso("2026-08-25")
    assert dialog.save()
    with database.session() as session:
        (row,) = list_prior_therapies(session, patient_id)
    assert (row.stop_date, row.reason_stopped, row.last_dose_date) == (
        date(2026, 9, 1), "inadequate_response", date(2026, 8, 25))
    assert dialog.table.item(0, 2).text() == "01 Sep 2026"


def test_reachable_from_the_patient_page(qtbot, database, patient_id):
    protocols = protocol_catalog().protocols
    page = PatientPage(database, patient_id, protocols, today=TODAY, user="dr.ito")
    qtbot.addWidget(page)
    assert page.prior_button.text() == "&Prior therapies…" and page.prior_button.isEnabled()
    d = page.make_prior_therapy_dialog()
    qtbot.addWidget(d)
    fill(d, "methotrexate", "2025-02-01")
    assert d.save()
    # The page reloads after a save and lists the history.
    assert page.prior_table.item(0, 0).text() == "methotrexate"
