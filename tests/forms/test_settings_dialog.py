"""Tools → Settings…: values shown and checked at the field, saved only by an administrator,
every change audited old → new, and the main window tells the start-up code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMainWindow
from sqlalchemy import event, select
from sqlalchemy.orm import Session

from app import paths
from app.db import audit
from app.db.engine import Database
from app.db.models import AuditEntry
from app.domain.permissions import Actor, PermissionDenied
from app.forms import clinic_settings
from app.forms.clinic_settings import (
    BACKUP_FOLDER_KEY,
    BACKUPS_KEPT_KEY,
    INACTIVITY_KEY,
    ClinicSettings,
)
from app.forms.inactivity_lock import InactivityLock, inactivity_lock_for
from app.forms.main_window import MainWindow
from app.forms.settings_dialog import (
    AUDIT_ACTION,
    AUDIT_ENTITY,
    SettingsDialog,
    save_settings,
    workstation_name,
)

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel



@pytest.fixture
def ini_path(tmp_path: Path) -> Path:
    return tmp_path / "s.ini"


@pytest.fixture
def settings(ini_path: Path) -> QSettings:
    return QSettings(str(ini_path), QSettings.Format.IniFormat)


@pytest.fixture
def clinic(settings: QSettings) -> ClinicSettings:
    return ClinicSettings(settings)


def _dialog(qtbot, database: Database, actor: Actor, clinic: ClinicSettings) -> SettingsDialog:
    database.actor = actor
    dialog = SettingsDialog(database, actor, clinic)
    qtbot.addWidget(dialog)
    return dialog


def _setting_entries(database: Database) -> list[tuple[str, str, str, str | None, str | None]]:
    with database.session() as s:
        rows = s.execute(
            select(AuditEntry.user_name, AuditEntry.action, AuditEntry.field,
                   AuditEntry.old_value, AuditEntry.new_value)
            .where(AuditEntry.entity == AUDIT_ENTITY).order_by(AuditEntry.id)).all()
    return [tuple(row) for row in rows]


def _ini_text(ini_path: Path) -> str:
    return ini_path.read_text(encoding="utf-8") if ini_path.exists() else ""


# ------------------------------------------------------------------------ the dialog


def test_dialog_shows_the_defaults_within_the_limits(qtbot, database, people, clinic) -> None:
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    assert dialog.inactivity_minutes.value() == 10
    assert (dialog.inactivity_minutes.minimum(), dialog.inactivity_minutes.maximum()) == (1, 240)
    assert dialog.inactivity_minutes.suffix() == " min"
    assert dialog.backups_kept.value() == 10
    assert (dialog.backups_kept.minimum(), dialog.backups_kept.maximum()) == (1, 365)
    assert Path(dialog.backup_folder.text()) == paths.backup_dir()
    assert dialog.buttons.button(OK).isEnabled()
    assert all(dialog.error_text(key) == "" for key in clinic_settings.KEYS)


def test_dialog_shows_stored_values_and_survives_a_hand_edited_file(
    qtbot, database, people, ini_path, tmp_path
) -> None:
    ini_path.write_text(f"[security]\ninactivity_minutes=abc\n[backup]\nkeep=7\n"
                        f"folder={tmp_path / 'usb'}\n", encoding="utf-8")
    clinic = ClinicSettings(QSettings(str(ini_path), QSettings.Format.IniFormat))
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    assert dialog.inactivity_minutes.value() == 10  # "abc" fell back to the default
    assert dialog.backups_kept.value() == 7
    assert dialog.backup_folder.text() == str(tmp_path / "usb")


def test_ok_saves_the_settings_and_audits_each_change_old_to_new(
    qtbot, database, people, clinic, ini_path, tmp_path
) -> None:
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    target = tmp_path / "backups elsewhere"
    dialog.inactivity_minutes.setValue(25)
    dialog.backups_kept.setValue(30)
    dialog.backup_folder.setText(str(target))
    dialog.buttons.button(OK).click()

    assert dialog.result() == QDialog.DialogCode.Accepted
    assert clinic.values().inactivity_minutes == 25
    assert (clinic.backups_kept, clinic.backup_folder) == (30, target)
    on_disk = _ini_text(ini_path)
    assert "inactivity_minutes=25" in on_disk and "keep=30" in on_disk
    assert target.is_dir()
    default = str(paths.backup_dir())
    assert _setting_entries(database) == [
        ("admin", AUDIT_ACTION, INACTIVITY_KEY, "10", "25"),
        ("admin", AUDIT_ACTION, BACKUPS_KEPT_KEY, "10", "30"),
        ("admin", AUDIT_ACTION, BACKUP_FOLDER_KEY, default, str(target)),
    ]
    assert [(c.key, c.old, c.new) for c in dialog.changes] == [
        (INACTIVITY_KEY, "10", "25"), (BACKUPS_KEPT_KEY, "10", "30"),
        (BACKUP_FOLDER_KEY, default, str(target))]
    with database.session() as s:
        ids = list(s.scalars(select(AuditEntry.entity_id)
                             .where(AuditEntry.entity == AUDIT_ENTITY)))
        assert audit.verify_chain(s) == (True, None)
    assert ids == [workstation_name()] * 3  # which computer's settings changed


def test_only_what_changed_is_audited_and_nothing_when_nothing_changed(
    qtbot, database, people, clinic, ini_path
) -> None:
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.buttons.button(OK).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.changes == [] and _setting_entries(database) == []
    assert _ini_text(ini_path) == ""  # the defaults stay unstored

    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.backups_kept.setValue(3)
    dialog.buttons.button(OK).click()
    assert _setting_entries(database) == [
        ("admin", AUDIT_ACTION, BACKUPS_KEPT_KEY, "10", "3")]
    assert "inactivity_minutes" not in _ini_text(ini_path)


def test_saving_repairs_a_hand_edited_value_without_auditing_a_non_change(
    qtbot, database, people, ini_path
) -> None:
    ini_path.write_text("[security]\ninactivity_minutes=abc\n", encoding="utf-8")
    clinic = ClinicSettings(QSettings(str(ini_path), QSettings.Format.IniFormat))
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.buttons.button(OK).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert "inactivity_minutes=10" in _ini_text(ini_path)
    assert _setting_entries(database) == []  # it was 10 in effect before as well


def test_a_folder_that_is_a_file_is_shown_at_the_field_and_the_text_is_kept(
    qtbot, database, people, clinic, ini_path, tmp_path
) -> None:
    a_file = tmp_path / "old-backup.sqlite3"
    a_file.write_text("x")
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.inactivity_minutes.setValue(30)
    dialog.backup_folder.setText(str(a_file))
    dialog.buttons.button(OK).click()

    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "is a file, not a folder" in dialog.error_text(BACKUP_FOLDER_KEY)
    assert dialog.error_text(INACTIVITY_KEY) == "" and dialog.error_text("settings") == ""
    label = dialog.findChild(type(dialog.error), "error_backup_folder")
    assert label is not None and "b00020" in label.styleSheet()  # red, under the field
    # What was typed stays; nothing was saved or audited.
    assert dialog.backup_folder.text() == str(a_file)
    assert dialog.inactivity_minutes.value() == 30
    assert clinic.inactivity_minutes == 10 and _ini_text(ini_path) == ""
    assert _setting_entries(database) == []
    # Typing in the field clears its message; a good folder then saves.
    qtbot.keyClicks(dialog.backup_folder, "-folder")
    assert dialog.error_text(BACKUP_FOLDER_KEY) == ""
    dialog.buttons.button(OK).click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert clinic.backup_folder == Path(f"{a_file}-folder")


def test_a_folder_that_cannot_be_written_is_shown_at_the_field(
    qtbot, database, people, clinic, tmp_path, monkeypatch
) -> None:
    def refuse(*_args, **_kwargs):  # a read-only share (chmod does not stop root)
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(clinic_settings.tempfile, "mkstemp", refuse)
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.backup_folder.setText(str(tmp_path))
    dialog.buttons.button(OK).click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    message = dialog.error_text(BACKUP_FOLDER_KEY)
    assert f"cannot write to {tmp_path}" in message and "Permission denied" in message
    assert _setting_entries(database) == []


def test_a_folder_without_its_full_location_is_refused(qtbot, database, people,
                                                       clinic) -> None:
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.backup_folder.setText("backups")
    dialog.buttons.button(OK).click()
    assert "full location" in dialog.error_text(BACKUP_FOLDER_KEY)
    assert dialog.backup_folder.text() == "backups"
    dialog.backup_folder.setText("")
    dialog.buttons.button(OK).click()
    assert dialog.error_text(BACKUP_FOLDER_KEY) == "Choose a folder for the automatic backups."


def test_choose_and_use_default_fill_the_folder(qtbot, database, people, clinic,
                                                tmp_path, monkeypatch) -> None:
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    monkeypatch.setattr(dialog, "choose_folder", lambda: str(tmp_path / "picked"))
    dialog.choose_button.click()
    assert dialog.backup_folder.text() == str(tmp_path / "picked")
    monkeypatch.setattr(dialog, "choose_folder", lambda: "")  # cancelled: text kept
    dialog.choose_button.click()
    assert dialog.backup_folder.text() == str(tmp_path / "picked")
    dialog.default_button.click()
    assert Path(dialog.backup_folder.text()) == paths.backup_dir()


def test_cancel_discards_what_was_typed(qtbot, database, people, clinic, ini_path,
                                        tmp_path) -> None:
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.inactivity_minutes.setValue(200)
    dialog.backup_folder.setText(str(tmp_path / "never"))
    dialog.buttons.button(CANCEL).click()
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert clinic.inactivity_minutes == 10 and _ini_text(ini_path) == ""
    assert not (tmp_path / "never").exists()
    assert _setting_entries(database) == []


def test_a_settings_file_that_cannot_be_written_rolls_the_audit_back(
    qtbot, database, people, tmp_path
) -> None:
    blocked = tmp_path / "s.ini"
    blocked.mkdir()  # a folder where the file should be
    clinic = ClinicSettings(QSettings(str(blocked), QSettings.Format.IniFormat))
    dialog = _dialog(qtbot, database, people["admin"], clinic)
    dialog.inactivity_minutes.setValue(45)
    dialog.buttons.button(OK).click()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "could not be saved" in dialog.error_text("settings")
    assert dialog.inactivity_minutes.value() == 45
    assert clinic.inactivity_minutes == 10
    assert _setting_entries(database) == []  # audit and file change together or not at all


def test_a_failed_audit_commit_puts_the_settings_file_back(
    qtbot, database, people, clinic, ini_path
) -> None:
    clinic.save(backups_kept=4)
    before = _ini_text(ini_path)

    def refuse_commit(_session) -> None:  # the database fails after the file was written
        raise RuntimeError("database went away")

    database.actor = people["admin"]
    event.listen(Session, "before_commit", refuse_commit)
    try:
        with pytest.raises(RuntimeError, match="went away"):
            save_settings(database, people["admin"], clinic, inactivity_minutes=50,
                          backups_kept=9, backup_folder=str(clinic.backup_folder))
    finally:
        event.remove(Session, "before_commit", refuse_commit)
    assert (clinic.inactivity_minutes, clinic.backups_kept) == (10, 4)
    assert _ini_text(ini_path) == before
    assert _setting_entries(database) == []


# ----------------------------------------------------------------------- permission


def test_data_entry_cannot_save_even_by_calling_the_service(
    database, people, clinic, ini_path, tmp_path
) -> None:
    database.actor = people["nurse"]
    with pytest.raises(PermissionDenied, match="may not change the application settings"):
        save_settings(database, people["nurse"], clinic, inactivity_minutes=240,
                      backups_kept=1, backup_folder=str(tmp_path / "nurse"))
    assert _ini_text(ini_path) == "" and clinic.inactivity_minutes == 10
    assert not (tmp_path / "nurse").exists()  # refused before anything was checked or made
    assert _setting_entries(database) == []


def test_the_signed_in_person_must_be_allowed_too(database, people, clinic, ini_path) -> None:
    database.actor = people["nurse"]  # an administrator actor passed in does not override
    with pytest.raises(PermissionDenied):
        save_settings(database, people["admin"], clinic, inactivity_minutes=240,
                      backups_kept=1, backup_folder=str(clinic.backup_folder))
    assert _ini_text(ini_path) == "" and _setting_entries(database) == []


def test_data_entry_sees_a_read_only_dialog_and_ok_is_refused(
    qtbot, database, people, clinic, ini_path
) -> None:
    dialog = _dialog(qtbot, database, people["nurse"], clinic)
    assert not dialog.buttons.button(OK).isEnabled()
    assert "only an administrator" in dialog.error_text("settings")
    dialog.inactivity_minutes.setValue(240)
    dialog.buttons.accepted.emit()  # as if OK were reached anyway
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "may not change the application settings" in dialog.error_text("settings")
    assert clinic.inactivity_minutes == 10 and _ini_text(ini_path) == ""
    assert _setting_entries(database) == []


# ---------------------------------------------------------------------- main window


def _window(qtbot, database: Database, actor: Actor, settings: QSettings) -> MainWindow:
    database.actor = actor
    window = MainWindow(database, user=actor.user_name, settings=settings)
    qtbot.addWidget(window)
    return window


def test_settings_menu_item_follows_the_role(qtbot, database, people, settings) -> None:
    admin_window = _window(qtbot, database, people["admin"], settings)
    tools = next(a.menu() for a in admin_window.menuBar().actions() if a.text() == "&Tools")
    assert admin_window.settings_action in tools.actions()
    assert admin_window.settings_action.text() == "&Settings…"
    assert admin_window.settings_action.isEnabled()
    nurse_window = _window(qtbot, database, people["nurse"], settings)
    assert not nurse_window.settings_action.isEnabled()


def test_accepting_the_dialog_emits_settings_changed(qtbot, database, people, settings,
                                                     monkeypatch) -> None:
    window = _window(qtbot, database, people["admin"], settings)
    original = window.make_settings_dialog

    def make() -> SettingsDialog:
        dialog = original()
        qtbot.addWidget(dialog)

        def run() -> int:  # what a person would do in the modal dialog
            dialog.inactivity_minutes.setValue(20)
            dialog.buttons.button(OK).click()
            return dialog.result()

        monkeypatch.setattr(dialog, "exec", run)
        return dialog

    monkeypatch.setattr(window, "make_settings_dialog", make)
    with qtbot.waitSignal(window.settings_changed, timeout=1000):
        window.settings_action.trigger()
    assert ClinicSettings(settings).inactivity_minutes == 20
    assert window.statusBar().currentMessage() == "Settings saved."
    assert _setting_entries(database) == [("admin", AUDIT_ACTION, INACTIVITY_KEY, "10", "20")]


def test_cancelling_the_dialog_emits_nothing(qtbot, database, people, settings,
                                             monkeypatch) -> None:
    window = _window(qtbot, database, people["admin"], settings)
    original = window.make_settings_dialog

    def make() -> SettingsDialog:
        dialog = original()
        qtbot.addWidget(dialog)
        monkeypatch.setattr(dialog, "exec", lambda: (dialog.buttons.button(CANCEL).click(),
                                                     dialog.result())[1])
        return dialog

    monkeypatch.setattr(window, "make_settings_dialog", make)
    with qtbot.assertNotEmitted(window.settings_changed):
        window.change_settings()


def test_data_entry_calling_the_action_anyway_is_refused(qtbot, database, people, settings,
                                                         monkeypatch) -> None:
    window = _window(qtbot, database, people["nurse"], settings)
    warnings: list[str] = []
    monkeypatch.setattr(window, "warn", lambda title, text: warnings.append(text))
    monkeypatch.setattr(window, "make_settings_dialog",
                        lambda: pytest.fail("the dialog must not open for data entry"))
    with qtbot.assertNotEmitted(window.settings_changed):
        window.change_settings()
    assert warnings and "may not change the application settings" in warnings[0]


# ---------------------------------------------------------------- applying live


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_running_lock_takes_new_minutes(qtbot, people) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    clock = FakeClock()
    lock = InactivityLock(window, people["admin"], lambda _pw: people["admin"], minutes=10,
                          clock=clock)
    clock.now += 6 * 60
    lock.check()
    assert not lock.locked
    lock.set_minutes("5")  # as read back from the settings file
    lock.check()
    assert lock.locked and lock.minutes == 5
    lock.unlock()
    with pytest.raises(ValueError, match="between 1 and 240"):
        lock.set_minutes(0)
    assert lock.minutes == 5


def test_the_audited_lock_reason_names_the_minutes_in_force(qtbot, database, people) -> None:
    window = QMainWindow()
    qtbot.addWidget(window)
    lock = inactivity_lock_for(window, database, people["admin"], minutes=10)
    lock.set_minutes(3)
    lock.lock()
    lock.unlock()
    with database.session() as s:
        reason = s.scalar(select(AuditEntry.reason).where(AuditEntry.action == "screen_locked"))
    assert reason == "3 minutes inactive"
