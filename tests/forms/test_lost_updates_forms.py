"""Two workstations, one record, as people use the forms (issue 13, item 3).

A form is opened; another workstation (its own engine on the same file) saves the same
record; then the form is saved. The save must be refused in plain words naming the
fields the other person changed and who, the form must keep everything typed, and the
other person's change must still be stored.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import select
from test_patient_page import drive, enrolled_on_a
from visit_fixtures import TODAY, enrolled_patient, open_form, type_in

from app.catalog import protocol_catalog
from app.db import users
from app.db.engine import Database
from app.db.enrollments import active_enrollment_id, enrollment_overview, switch_arm
from app.db.models import ArmAssignment
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
    edit_prior_therapy,
    list_prior_therapies,
)
from app.db.visit_completion import mark_complete
from app.db.visit_saving import save_visit
from app.db.visits import load_visit
from app.domain.arm_switch import SwitchDraft, finalise_switch
from app.domain.permissions import Actor, Role
from app.domain.visit_form import ItemEntry
from app.forms.main_window import MainWindow
from app.forms.patient_dialog import FORM, PatientDialog
from app.forms.prior_therapy_dialog import PriorTherapyDialog
from app.forms.users_dialog import UserAdministration, UsersDialog

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PASSWORD = "long enough secret"


@pytest.fixture
def other_workstation(database: Database) -> Iterator[Database]:
    workstation = Database(database.url)
    try:
        yield workstation
    finally:
        workstation.dispose()


def _patient(database: Database) -> int:
    with database.session() as s:
        return create_patient(s, PatientInput("JDM-001", "Ana", "Lopez", date(2015, 3, 2),
                                              "female", site="Toronto"), user="nurse_a")


def test_patient_edit_refused_when_saved_meanwhile_and_what_was_typed_stays(
    qtbot, database: Database, other_workstation: Database, monkeypatch
) -> None:
    patient_id = _patient(database)
    window = MainWindow(database, user="nurse_a", today=TODAY)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    dialogs: list[PatientDialog] = []
    original = window.make_patient_dialog

    def make(on_save, initial=None):
        dialog = original(on_save, initial)
        qtbot.addWidget(dialog)
        dialogs.append(dialog)

        def user_edits_while_someone_else_saves() -> int:
            with other_workstation.session() as s:  # nurse_b, at the other desk
                theirs = get_patient_input(s, patient_id)
                version = get_patient_version(s, patient_id)
            theirs.site = "Ottawa"
            with other_workstation.session() as s:
                update_patient(s, patient_id, theirs, user="nurse_b",
                               expected_version=version, opened=get_patient_input(
                                   s, patient_id))
            dialog.family_name.setText("Lopez-Diaz")
            dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
            return dialog.result()

        monkeypatch.setattr(dialog, "exec", user_edits_while_someone_else_saves)
        return dialog

    monkeypatch.setattr(window, "make_patient_dialog", make)
    window.edit_patient_action.trigger()

    (dialog,) = dialogs
    assert dialog.result() == 0  # not accepted: the dialog stays open
    refusal = dialog.error_text(FORM)
    assert "Patient JDM-001 was changed by someone else after you opened it" in refusal
    assert "site (by nurse_b)" in refusal and "What you typed is still in this form" in refusal
    assert dialog.error_text("site") == "Changed by nurse_b after you opened this form."
    assert dialog.error_text("family_name") == ""
    assert dialog.family_name.text() == "Lopez-Diaz"  # what was typed stays
    assert dialog.site.text() == "Toronto"
    with database.session() as s:
        stored = get_patient_input(s, patient_id)
    assert (stored.site, stored.family_name) == ("Ottawa", "Lopez")  # nothing reverted


def test_prior_therapy_edit_refused_when_saved_meanwhile(
    qtbot, database: Database, other_workstation: Database
) -> None:
    patient_id = _patient(database)
    with database.session() as s:
        add_prior_therapy(s, patient_id, PriorTherapyInput("methotrexate", date(2025, 2, 1)),
                          user="nurse_a", today=TODAY)
    dialog = PriorTherapyDialog(database, patient_id, "dr_a",
                                protocol_catalog().protocols.values(), TODAY, "JDM-001")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.table.selectRow(0)  # opens the therapy in the form
    with other_workstation.session() as s:
        (theirs,) = list_prior_therapies(s, patient_id)
        edit_prior_therapy(s, theirs.id, PriorTherapyInput(
            "methotrexate", date(2025, 2, 1), for_skin_disease=True), user="dr_b",
            today=TODAY, expected_version=theirs.version_id, opened=theirs.to_input())
    dialog.notes.setText("15 mg weekly")
    assert dialog.save() is False
    refusal = dialog.save_message.text()
    assert "A prior therapy of patient JDM-001 was changed by someone else" in refusal
    assert "given for skin disease (by dr_b)" in refusal
    assert "methotrexate" not in refusal  # no clinical data in the message
    assert dialog.notes.text() == "15 mg weekly" and dialog.editing_id == theirs.id
    with database.session() as s:
        (stored,) = list_prior_therapies(s, patient_id)
    assert (stored.for_skin_disease, stored.notes) == (True, "")


def test_visit_form_save_refused_when_saved_meanwhile_naming_sections_and_who(
    qtbot, database: Database, other_workstation: Database
) -> None:
    _pid, _eid, visits = enrolled_patient(database)
    form = open_form(qtbot, database, visits["month_1"])
    with other_workstation.session() as s:
        theirs = load_visit(s, visits["month_1"])
        save_visit(s, visits["month_1"], {"cmas": {"cmas_1": ItemEntry(value_num=2.0)}}, [],
                   user="nurse_b", expected_version=theirs.header.version_id,
                   visit_date=None, opened=theirs)
    type_in(form.section("globals").fields["pga_activity"], "4")
    assert form.save() is False
    refusal = form.message.text()
    assert "The Month 1 visit of patient JDM-V01 was changed by someone else" in refusal
    assert "CMAS (by nurse_b)" in refusal and "Global assessments" not in refusal
    assert "What you typed is still in this form" in refusal
    assert form.section("globals").fields["pga_activity"].text() == "4"
    assert form.collect_values()["global"]["pga_activity"] == ItemEntry(value_num=4.0)
    with database.session() as s:
        stored = load_visit(s, visits["month_1"])
    assert stored.values == {"cmas": {"cmas_1": ItemEntry(value_num=2.0)}}


def test_visit_form_keeps_saving_after_its_own_saves(qtbot, database: Database) -> None:
    """The form's own saves move its version on: only someone else's save is refused."""
    _pid, _eid, visits = enrolled_patient(database)
    form = open_form(qtbot, database, visits["month_1"])
    for value in ("2", "3", "5"):
        type_in(form.section("globals").fields["pga_activity"], value)
        assert form.save() is True, form.message.text()
    with database.session() as s:
        stored = load_visit(s, visits["month_1"])
    assert stored.values["global"]["pga_activity"] == ItemEntry(value_num=5.0)


def test_signing_a_visit_saved_elsewhere_since_it_was_opened_is_refused(
    qtbot, database: Database, other_workstation: Database, monkeypatch
) -> None:
    """A signature covers what the signer saw: a visit changed meanwhile is not signed."""
    with database.session() as s:
        admin = users.create_first_administrator(s, "admin", "Ada Admin", PASSWORD)
        users.create_user(s, admin, "doc", "Doc", Role.CLINICIAN, PASSWORD)
    _pid, _eid, visits = enrolled_patient(database)  # as the test fixture
    database.actor = Actor("doc", "Doc", Role.CLINICIAN)
    visit_pk = visits["month_1"]
    with database.session() as s:
        mark_complete(s, visit_pk, [], user="doc")
    form = open_form(qtbot, database, visit_pk)
    with other_workstation.session() as s:
        theirs = load_visit(s, visit_pk)
        save_visit(s, visit_pk, {"global": {"pga_activity": ItemEntry(value_num=7.0)}}, [],
                   user="nurse_b", expected_version=theirs.header.version_id,
                   visit_date=theirs.header.visit_date, reason="late entry", opened=theirs)
    original = form.make_sign_dialog
    shown: list[str] = []

    def sign_dialog():
        dialog = original()
        qtbot.addWidget(dialog)

        def run() -> int:
            dialog.password.setText(PASSWORD)
            dialog.try_sign()
            shown.append(dialog.error.text())
            return dialog.result()

        monkeypatch.setattr(dialog, "exec", run)
        return dialog

    monkeypatch.setattr(form, "make_sign_dialog", sign_dialog)
    assert form.sign() is False
    assert "Global assessments (by nurse_b)" in shown[0]
    with database.session() as s:
        assert load_visit(s, visit_pk).header.status == "complete"


def test_users_dialog_refuses_a_change_to_an_account_changed_meanwhile(
    qtbot, database: Database, other_workstation: Database
) -> None:
    with database.session() as s:
        admin = users.create_first_administrator(s, "admin", "Ada Admin", PASSWORD)
        users.create_user(s, admin, "admin_b", "Bea Admin", Role.ADMINISTRATOR, PASSWORD)
        users.create_user(s, admin, "nurse", "Nia Nurse", Role.DATA_ENTRY, PASSWORD)
    dialog = UsersDialog(UserAdministration(database, admin))
    qtbot.addWidget(dialog)
    dialog.select_user("nurse")
    listed = dialog.selected()
    assert listed is not None
    with other_workstation.session() as s:  # the other administrator, at another desk
        users.change_role(s, users.get_actor(s, "admin_b"), "nurse", Role.CLINICIAN,
                          "qualified", expected_version=listed.version_id, opened=listed)
    dialog.ask_text = lambda title, prompt: "left the clinic"
    dialog.deactivate_button.click()
    message = dialog.message.text()
    assert "The account nurse was changed by someone else after you opened it" in message
    assert "role (by admin_b)" in message
    refreshed = dialog.selected()
    assert refreshed is not None and refreshed.role == Role.CLINICIAN.value
    assert refreshed.active is True  # not deactivated on top of a change not seen
    dialog.deactivate_button.click()  # now with the account as it is: done
    with database.session() as s:
        row = next(r for r in users.list_users(s) if r.user_name == "nurse")
    assert (row.role, row.active) == (Role.CLINICIAN.value, False)


def test_arm_switch_refused_when_someone_switched_meanwhile(
    qtbot, database: Database, other_workstation: Database, monkeypatch
) -> None:
    patient_id = enrolled_on_a(database)
    window = MainWindow(database, user="dr_a", today=TODAY)
    qtbot.addWidget(window)
    window.table.selectRow(0)

    def fill(dialog) -> None:
        with other_workstation.session() as s:  # dr_b switches A -> C at another desk
            enrollment_id = active_enrollment_id(s, patient_id)
            version = enrollment_overview(s, enrollment_id).version_id
            plan = finalise_switch(protocol_catalog().protocols["persistent-skin-rash"], "A",
                                   SwitchDraft(to_arm="C", reason="toxicity",
                                               switch_date="2026-11-19", weight="22",
                                               height="118", measured_on="2026-11-19"),
                                   date(2026, 11, 2), TODAY)
            switch_arm(s, enrollment_id, plan, user="dr_b", expected_version=version)
        dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("B"))
        dialog.reason.setCurrentIndex(dialog.reason.findData("inadequate_response"))
        dialog.switch_date.set_iso("2026-11-20")
        dialog.measurements.weight.setText("22")
        dialog.measurements.height.setText("118")
        dialog.measurements.measured_on.set_iso("2026-11-20")
        dialog.buttons.button(QDialogButtonBox.Save).click()

    made = drive(qtbot, monkeypatch, window, "make_arm_switch_dialog", fill)
    window.change_arm_action.trigger()
    (dialog,) = made
    assert dialog.result() == 0 and dialog.new_assignment_id is None
    refusal = dialog.save_message.text()
    assert "The enrollment of patient JDM-001 was changed by someone else" in refusal
    assert "current arm (by dr_b)" in refusal
    assert dialog.to_arm.currentData() == "B"  # what was chosen stays
    with database.session() as s:
        arms = s.scalars(select(ArmAssignment.arm_id).order_by(ArmAssignment.id)).all()
    assert arms == ["A", "C"]  # one switch, not a second one on top of it
