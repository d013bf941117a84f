"""Login, first-start administrator, inactivity lock, signing, users and audit dialogs."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from database_fixtures import written_by_services
from pypdf import PdfReader
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QMainWindow, QPushButton
from sqlalchemy import select

from app.db import signatures, users
from app.db.audit_queries import AuditFilter
from app.db.engine import Database
from app.db.models import AuditEntry, Enrollment, Screening, Visit
from app.db.patients import PatientInput, create_patient
from app.domain.permissions import Actor, Role
from app.forms.audit_view import AuditTableModel, audit_view_for
from app.forms.inactivity_lock import InactivityLock, inactivity_lock_for
from app.forms.login_dialog import (
    FirstAdministratorDialog,
    LoginDialog,
    database_create_admin,
    database_sign_in,
    sign_in_at_start,
)
from app.forms.sign_dialog import (
    SignVisitDialog,
    UnlockVisitDialog,
    database_signer,
    database_unlocker,
)
from app.forms.users_dialog import UserAdministration, UsersDialog

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

ADMIN_PW = "admin password 1"
PW = "clinician pass 1"



@pytest.fixture
def admin(database: Database) -> Actor:
    with database.session() as s:
        return users.create_first_administrator(s, "admin", "Ada Admin", ADMIN_PW)


@pytest.fixture
def doctor(database: Database, admin: Actor) -> Actor:
    with database.session() as s:
        return users.create_user(s, admin, "drlee", "Dr Lena Lee", "clinician", PW)


def _actions(database: Database) -> list[str]:
    with database.session() as s:
        return list(s.scalars(written_by_services(select(AuditEntry.action))
                              .order_by(AuditEntry.id)))


# ----------------------------------------------------------------------- sign-in


def test_first_start_creates_administrator(qtbot, database: Database) -> None:
    shown: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        shown.append(dialog)
        assert isinstance(dialog, FirstAdministratorDialog)
        dialog.user_name.setText("admin")
        dialog.display_name.setText("Ada Admin")
        dialog.password.setText("short")
        dialog.confirm.setText("short")
        dialog.buttons.accepted.emit()
        assert "at least 10" in dialog.error.text() and not dialog.error.isHidden()
        dialog.password.setText(ADMIN_PW)
        dialog.confirm.setText(ADMIN_PW + "x")
        dialog.buttons.accepted.emit()
        assert "not the same" in dialog.error.text()
        dialog.confirm.setText(ADMIN_PW)
        dialog.buttons.accepted.emit()
        return dialog.result()

    actor = sign_in_at_start(database, run=run)
    assert actor == Actor("admin", "Ada Admin", Role.ADMINISTRATOR)
    # Next start: the sign-in dialog instead.
    def run_login(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        assert isinstance(dialog, LoginDialog)
        dialog.user_name.setText("admin")
        dialog.password.setText(ADMIN_PW)
        dialog.buttons.accepted.emit()
        return dialog.result()

    assert sign_in_at_start(database, run=run_login) == actor


def test_first_admin_dialog_refuses_when_users_exist(qtbot, database: Database,
                                                      admin: Actor) -> None:
    dialog = FirstAdministratorDialog(database_create_admin(database))
    qtbot.addWidget(dialog)
    dialog.user_name.setText("second")
    dialog.password.setText("another password")
    dialog.confirm.setText("another password")
    dialog.buttons.accepted.emit()
    assert dialog.actor is None and "already exist" in dialog.error.text()


def test_login_wrong_password_then_right(qtbot, database: Database, doctor: Actor) -> None:
    dialog = LoginDialog(database_sign_in(database), database_name="clinic.sqlite3")
    qtbot.addWidget(dialog)
    dialog.user_name.setText("drlee")
    dialog.password.setText("wrong password")
    dialog.buttons.accepted.emit()
    assert dialog.actor is None and dialog.result() != QDialog.DialogCode.Accepted
    assert "not correct" in dialog.error.text()
    assert dialog.password.text() == "" and dialog.user_name.text() == "drlee"
    dialog.password.setText(PW)
    dialog.buttons.accepted.emit()
    assert dialog.actor == doctor
    assert _actions(database)[-2:] == ["login_failed", "login"]


def test_login_blank_user_name(qtbot) -> None:
    dialog = LoginDialog(lambda name, pw: pytest.fail("must not be called"))
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert "user name" in dialog.error.text()


# ------------------------------------------------------------------ inactivity lock


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _window(qtbot) -> QMainWindow:
    window = QMainWindow()
    button = QPushButton("Save patient")
    window.setCentralWidget(button)
    window.resize(640, 480)
    qtbot.addWidget(window)
    window.show()
    return window


def test_window_locks_after_idle_minutes_and_unlocks_with_password(
    qtbot, database: Database, doctor: Actor
) -> None:
    window = _window(qtbot)
    clock = FakeClock()
    locks: list[str] = []
    lock = InactivityLock(
        window, doctor, lambda pw: users.confirm_password(database, doctor, pw),
        minutes=10, clock=clock, on_lock=lambda: locks.append("lock"),
        on_unlock=lambda: locks.append("unlock"))
    lock.start()
    try:
        clock.now += 9 * 60
        lock.check()
        assert not lock.locked
        # A key press is activity: the idle time starts again.
        qtbot.keyClick(window.centralWidget(), Qt.Key.Key_A)
        clock.now += 9 * 60
        lock.check()
        assert not lock.locked
        clock.now += 61
        lock.check()
        assert lock.locked and locks == ["lock"]
        assert lock.cover is not None and lock.cover.isVisible()
        assert lock.cover.geometry() == window.rect()  # covers all the patient data
        # While locked, input to the window's own widgets is swallowed.
        clicked: list[bool] = []
        window.centralWidget().clicked.connect(lambda: clicked.append(True))
        qtbot.mouseClick(window.centralWidget(), Qt.MouseButton.LeftButton)
        assert clicked == []
        assert not lock.try_unlock("wrong password")
        assert lock.locked and "not correct" in lock.cover.error.text()
        lock.cover.password.setText(PW)
        lock.cover.unlock_button.click()
        assert not lock.locked and locks == ["lock", "unlock"]
        qtbot.mouseClick(window.centralWidget(), Qt.MouseButton.LeftButton)
        assert clicked == [True]
    finally:
        lock.stop()
    assert "unlock_screen_failed" in _actions(database)
    assert _actions(database)[-1] == "unlock_screen"


def test_lock_wired_to_database_audits_lock_and_unlock(
    qtbot, database: Database, doctor: Actor
) -> None:
    window = _window(qtbot)
    lock = inactivity_lock_for(window, database, doctor, minutes=5)
    lock.lock()
    assert lock.try_unlock(PW)
    actions = _actions(database)
    assert actions[-3:] == ["screen_locked", "unlock_screen", "screen_unlocked"]


def test_lock_covers_other_open_windows(qtbot, doctor: Actor) -> None:
    window = _window(qtbot)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    lock = InactivityLock(window, doctor, lambda pw: doctor, minutes=1, clock=FakeClock())
    lock.lock()
    assert dialog.isVisible()  # not closed: typed data stays
    # (Other tests may leave windows open; what matters is that this one is covered.)
    assert dialog in [cover.parentWidget() for cover in lock._other_covers]
    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert lock.eventFilter(dialog, event) is True  # swallowed
    assert lock.try_unlock("anything")
    assert not lock._other_covers


def test_inactivity_minutes_validated(qtbot, doctor: Actor) -> None:
    window = _window(qtbot)
    with pytest.raises(ValueError):
        InactivityLock(window, doctor, lambda pw: doctor, minutes=0)


# ------------------------------------------------------------------------- signing


@pytest.fixture
def visit_pk(database: Database) -> int:
    with database.session() as s:
        patient = create_patient(s, PatientInput("JDM-001", "Ada", "Lovelace",
                                                 date(2014, 3, 9), "female"), user="nurse")
        screening = Screening(patient_id=patient, protocol_id="p", protocol_version="1",
                              protocol_hash="0" * 64, status="complete", verdict="eligible")
        enrollment = Enrollment(patient_id=patient, screening=screening, protocol_id="p",
                                protocol_version="1", protocol_hash="0" * 64,
                                enrollment_date=date(2025, 1, 6), enrolled_by="doctor")
        visit = Visit(enrollment=enrollment, visit_code="month_1", label="Month 1",
                      status="complete")
        s.add_all([screening, enrollment, visit])
        s.flush()
        return visit.id


def test_sign_dialog_wrong_password_then_sign(qtbot, database: Database, doctor: Actor,
                                             visit_pk: int) -> None:
    dialog = SignVisitDialog(doctor, "Month 1", database_signer(database, doctor, visit_pk))
    qtbot.addWidget(dialog)
    assert dialog.meaning.currentData() == "reviewed_approved"
    dialog.buttons.accepted.emit()
    assert "Enter your password" in dialog.error.text()
    dialog.password.setText("wrong!")
    dialog.buttons.accepted.emit()
    assert dialog.signature is None and "not correct" in dialog.error.text()
    assert dialog.password.text() == ""
    dialog.password.setText(PW)
    dialog.buttons.accepted.emit()
    assert dialog.signature is not None
    assert dialog.signature.printed_name == "Dr Lena Lee"
    assert dialog.result() == QDialog.DialogCode.Accepted
    with database.session() as s:
        assert signatures.is_visit_locked(s, visit_pk)


def test_sign_dialog_shows_permission_refusal(qtbot, database: Database, admin: Actor,
                                             visit_pk: int) -> None:
    dialog = SignVisitDialog(admin, "Month 1", database_signer(database, admin, visit_pk))
    qtbot.addWidget(dialog)
    dialog.password.setText(ADMIN_PW)
    dialog.buttons.accepted.emit()
    assert dialog.signature is None and "may not sign a visit" in dialog.error.text()


def test_unlock_dialog_requires_reason(qtbot, database: Database, doctor: Actor,
                                      visit_pk: int) -> None:
    signatures.sign_visit_committing(database, doctor, visit_pk, PW)
    dialog = UnlockVisitDialog("Month 1", "Dr Lena Lee",
                               database_unlocker(database, doctor, visit_pk))
    qtbot.addWidget(dialog)
    dialog.buttons.accepted.emit()
    assert "reason" in dialog.error.text() and not dialog.done_ok
    dialog.reason.setPlainText("CK typed in the wrong unit")
    dialog.buttons.accepted.emit()
    assert dialog.done_ok
    with database.session() as s:
        assert not signatures.is_visit_locked(s, visit_pk)


# ---------------------------------------------------------------------- users dialog


def test_users_dialog_add_change_role_deactivate(qtbot, database: Database,
                                                admin: Actor) -> None:
    dialog = UsersDialog(UserAdministration(database, admin))
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    dialog.ask_new_user = lambda: ("nurse", "Nora Nurse", "data_entry", "short")
    dialog.add_button.click()
    assert "at least 10" in dialog.message.text() and dialog.model.rowCount() == 1
    dialog.ask_new_user = lambda: ("nurse", "Nora Nurse", "data_entry", "nurse password 1")
    dialog.add_button.click()
    assert dialog.model.rowCount() == 2 and dialog.selected().user_name == "nurse"
    dialog.ask_role = lambda current: "clinician"
    dialog.ask_text = lambda title, prompt: "qualified as NP"
    dialog.role_button.click()
    assert dialog.selected().role == "clinician"
    assert "Clinician" in dialog.model.index(1, dialog.model.ROLE).data()
    dialog.ask_text = lambda title, prompt: "left the clinic"
    dialog.deactivate_button.click()
    assert dialog.selected().active is False
    assert dialog.model.index(1, dialog.model.STATUS).data() == "Deactivated"
    dialog.select_user("admin")
    dialog.deactivate_button.click()
    assert "your own account" in dialog.message.text()
    assert _actions(database)[-3:] == ["create_user", "change_role", "deactivate_user"]


def test_users_dialog_needs_administrator(database: Database, doctor: Actor) -> None:
    with pytest.raises(PermissionError):
        UserAdministration(database, doctor)


def test_users_dialog_unlock_and_reset(qtbot, database: Database, admin: Actor,
                                      doctor: Actor) -> None:
    for _ in range(5):
        with pytest.raises(users.LoginRefused):
            users.sign_in(database, "drlee", "wrong password")
    dialog = UsersDialog(UserAdministration(database, admin))
    qtbot.addWidget(dialog)
    dialog.select_user("drlee")
    assert "Locked" in dialog.model.index(dialog.table.selectionModel().selectedRows()[0].row(),
                                          dialog.model.STATUS).data()
    dialog.unlock_button.click()
    dialog.ask_password = lambda name: "fresh password 9"
    dialog.reset_button.click()
    assert users.sign_in(database, "drlee", "fresh password 9") == doctor


# ------------------------------------------------------------------------ audit view


def test_audit_view_filters_and_prints(qtbot, database: Database, doctor: Actor,
                                      visit_pk: int, tmp_path: Path) -> None:
    signatures.sign_visit_committing(database, doctor, visit_pk, PW)
    view = audit_view_for(database, doctor, AuditFilter(patient_id=1), title="Audit JDM-001")
    qtbot.addWidget(view)
    rows = view.model.rows()
    assert {r.entity for r in rows} == {"patient", "visit"}
    assert view.model.headerData(AuditTableModel.OLD, Qt.Orientation.Horizontal) == "Old value"
    view.user.setCurrentIndex(view.user.findData("drlee"))
    view.apply_button.click()
    assert {r.user_name for r in view.model.rows()} == {"drlee"}
    assert {r.action for r in view.model.rows()} == {"sign"}
    view.text.setText("approved")
    view.apply_button.click()
    # every sign entry carries the meaning as reason: status, time, signer, meaning, and
    # the digest of what was signed (issue 14, item 6)
    assert view.model.rowCount() == 5
    view.ask_pdf_path = lambda: str(tmp_path / "audit.pdf")
    written = view.print_pdf()
    assert written is not None
    text = "".join(page.extract_text() for page in PdfReader(written).pages)
    assert "Audit JDM-001" in text and "drlee" in text and "signed" in text


def test_audit_view_needs_permission(database: Database, admin: Actor) -> None:
    with database.session() as s:
        nurse = users.create_user(s, admin, "nurse", "", "data_entry", "nurse password 1")
    with pytest.raises(PermissionError):
        audit_view_for(database, nurse)
