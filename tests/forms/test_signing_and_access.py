"""Issue 6 wiring: permissions checked in the services, signing from the visit form,
the Tools menu by role, and the start-up audit check."""

from datetime import date

import pytest
from sqlalchemy import select, update

from app.db import users
from app.db.demo import fill_demo_database
from app.db.models import AuditEntry, Visit
from app.db.patients import PatientInput, create_patient
from app.domain.permissions import Actor, PermissionDenied, Role
from app.exports.export import export_database
from app.forms.main_window import MainWindow
from app.forms.startup_checks import AuditCheck
from app.forms.visit_form import VisitFormWindow

AS_OF = date(2026, 11, 1)
PASSWORD = "long enough secret"


@pytest.fixture
def clinic(database):
    fill_demo_database(database, patients=6, seed=3, as_of=AS_OF)
    with database.session() as s:
        admin = users.create_first_administrator(s, "admin", "Ada Admin", PASSWORD)
    people = {"admin": admin}
    for name, role in (("doc", Role.CLINICIAN), ("nurse", Role.DATA_ENTRY),
                       ("coord", Role.COORDINATOR)):
        with database.session() as s:
            users.create_user(s, admin, name, name.title(), role, PASSWORD)
        people[name] = Actor(name, name.title(), role)
    return database, people


def _complete_visit(database):
    with database.session() as s:
        return s.scalar(select(Visit.id).where(Visit.status == "complete").order_by(Visit.id))


def test_identified_export_is_refused_in_the_service_for_a_clinician(clinic, tmp_path):
    database, people = clinic
    database.actor = people["doc"]
    with pytest.raises(PermissionDenied, match="may not export identified data"):
        export_database(database, tmp_path / "out", profile="identified")
    assert not (tmp_path / "out" / "manifest.json").exists()
    export_database(database, tmp_path / "deid")  # de-identified is allowed
    database.actor = people["coord"]
    export_database(database, tmp_path / "ident", profile="identified")
    assert (tmp_path / "ident" / "manifest.json").exists()


def test_every_session_carries_the_signed_in_person(clinic):
    database, people = clinic
    database.actor = people["nurse"]
    with database.session() as s:
        assert s.info["actor"] == people["nurse"]
        create_patient(s, PatientInput("NEW-1", "Kim", "Lee", date(2015, 2, 2), "female"),
                       user="nurse")


def _form(qtbot, database, visit_pk):
    window = VisitFormWindow(database, visit_pk, database.actor.user_name, today=AS_OF)
    qtbot.addWidget(window)
    return window


def test_clinician_signs_a_completed_visit_which_then_locks(qtbot, clinic, monkeypatch):
    database, people = clinic
    database.actor = people["doc"]
    visit_pk = _complete_visit(database)
    form = _form(qtbot, database, visit_pk)
    assert not form.sign_button.isHidden() and form.sign_button.isEnabled()
    assert form.unlock_button.isHidden()

    def fill(dialog, password):
        def run():
            dialog.password.setText(password)
            dialog.try_sign()
            return dialog.result()
        return run

    original = form.make_sign_dialog

    def wrong_then_right():
        dialog = original()
        qtbot.addWidget(dialog)
        monkeypatch.setattr(dialog, "exec", fill(dialog, PASSWORD))
        dialog.password.setText("wrong password!")
        dialog.try_sign()  # refused, stays open with the reason
        assert "password" in dialog.error.text().lower()
        return dialog

    monkeypatch.setattr(form, "make_sign_dialog", wrong_then_right)
    assert form.sign() is True
    assert form.status == "signed"
    assert "Signed by Doc (doc)" in form.banner.text()
    assert not form.stack.isEnabled() and not form.save_button.isEnabled()
    with database.session() as s:
        assert s.get(Visit, visit_pk).status == "signed"

    # Unlocking needs a reason; afterwards a change can be saved (with its reason).
    original_unlock = form.make_unlock_dialog

    def unlock_dialog():
        dialog = original_unlock()
        qtbot.addWidget(dialog)

        def run():
            dialog.try_unlock()
            assert "reason" in dialog.error.text().lower()  # empty reason refused
            dialog.reason.setPlainText("Wrong CK value transcribed")
            dialog.try_unlock()
            return dialog.result()
        monkeypatch.setattr(dialog, "exec", run)
        return dialog

    monkeypatch.setattr(form, "make_unlock_dialog", unlock_dialog)
    assert form.unlock() is True
    assert form.status == "complete" and form.stack.isEnabled()
    form.ask_reason = lambda *_: "Corrected after unlock"
    form.dirty = True
    assert form.save() is True
    with database.session() as s:
        reasons = list(s.scalars(select(AuditEntry.reason).where(
            AuditEntry.reason.is_not(None))))
    assert "Wrong CK value transcribed" in reasons


def test_data_entry_cannot_sign(qtbot, clinic):
    database, people = clinic
    database.actor = people["nurse"]
    form = _form(qtbot, database, _complete_visit(database))
    assert not form.sign_button.isHidden()
    assert not form.sign_button.isEnabled()
    assert "Only a clinician" in form.sign_button.toolTip()


@pytest.mark.parametrize(("who", "users_ok", "audit_ok", "backup_ok"), [
    ("nurse", False, False, False),
    ("doc", False, True, False),
    ("coord", False, True, True),
    ("admin", True, True, True),
])
def test_tools_menu_follows_the_role(qtbot, clinic, who, users_ok, audit_ok, backup_ok):
    database, people = clinic
    database.actor = people[who]
    window = MainWindow(database, user=who, today=AS_OF)
    qtbot.addWidget(window)
    assert window.users_action.isEnabled() is users_ok
    assert window.audit_action.isEnabled() is audit_ok
    assert window.backup_action.isEnabled() is backup_ok


def test_start_up_audit_check_warns_when_the_chain_is_broken(qtbot, clinic, monkeypatch):
    database, people = clinic
    database.actor = people["admin"]
    window = MainWindow(database, user="admin", today=AS_OF)
    qtbot.addWidget(window)
    warnings = []
    monkeypatch.setattr(window, "warn", lambda title, text: warnings.append(text))
    check = AuditCheck(database)
    check.finished.connect(window.report_audit_check)
    check.run()
    assert window.audit_problem is None and warnings == []

    with database.engine.begin() as connection:  # tamper with history behind the app's back
        connection.execute(update(AuditEntry.__table__).where(AuditEntry.id == 2)
                           .values(reason="rewritten"))
    check = AuditCheck(database)
    check.finished.connect(window.report_audit_check)
    check.run()
    assert window.audit_problem and warnings and "2" in warnings[0]


def test_signed_visit_prints_the_signature_on_the_summary(clinic, tmp_path):
    from app.db.signatures import sign_visit_committing
    from app.exports.visit_report_data import gather_visit_report
    from app.reports.visit_summary_pdf import build_visit_summary

    database, people = clinic
    visit_pk = _complete_visit(database)
    sign_visit_committing(database, people["doc"], visit_pk, PASSWORD)
    with database.session() as s:
        visit = s.get(Visit, visit_pk)
        study_id = visit.enrollment.patient.study_id
        reference = visit.visit_code
        report = gather_visit_report(s, study_id, reference)
    assert report.signed_by == "Doc (doc)"
    assert report.signature_meaning and "_" not in report.signature_meaning
    out = build_visit_summary(report, tmp_path / "signed.pdf")
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "Doc (doc)" in text and "Signed electronically" in text


def test_patient_and_visit_audit_views_are_scoped(qtbot, clinic, monkeypatch):
    from app.db.audit_queries import AuditFilter

    database, people = clinic
    database.actor = people["doc"]
    window = MainWindow(database, user="doc", today=AS_OF)
    qtbot.addWidget(window)
    shown: list[AuditFilter | None] = []
    monkeypatch.setattr(window, "show_audit_trail", lambda scope=None: shown.append(scope))
    with database.session() as s:
        visit = s.get(Visit, _complete_visit(database))
        patient_id = visit.enrollment.patient_id
        visit_pk = visit.id
    page = window.make_patient_page(patient_id)
    qtbot.addWidget(page)
    page.audit_button.click()
    form = window.open_visit_form(visit_pk)
    assert not form.audit_button.isHidden()
    form.audit_button.click()
    form.close()
    assert shown == [AuditFilter(patient_id=patient_id), AuditFilter(visit_id=visit_pk)]


def test_audit_view_for_a_patient_lists_its_changes(qtbot, clinic):
    database, people = clinic
    database.actor = people["doc"]
    window = MainWindow(database, user="doc", today=AS_OF)
    qtbot.addWidget(window)
    with database.session() as s:
        patient_id = create_patient(s, PatientInput("AUD-1", "Ana", "Ruiz", date(2016, 1, 1),
                                                    "female"), user="doc")
    from app.db.audit_queries import AuditFilter

    window.show_audit_trail(AuditFilter(patient_id=patient_id))
    view = window.audit_window
    assert view is not None and view.isVisible()
    assert view.model.rowCount() > 0
    view.close()


def test_nurse_has_no_audit_button_action(qtbot, clinic):
    database, people = clinic
    database.actor = people["nurse"]
    window = MainWindow(database, user="nurse", today=AS_OF)
    qtbot.addWidget(window)
    with database.session() as s:
        patient_id = s.get(Visit, _complete_visit(database)).enrollment.patient_id
    page = window.make_patient_page(patient_id)
    qtbot.addWidget(page)
    assert not page.audit_button.isEnabled()
