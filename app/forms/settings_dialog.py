"""Administrator: this workstation's settings (idle lock minutes, automatic backups).

The values live in the workstation's ``settings.ini`` (``ClinicSettings``), not in the
database, yet who changed them matters as much as a role change: a longer idle time
leaves children's data on an unattended screen, a backup folder elsewhere moves copies of
the whole database. So ``save_settings`` checks the role itself (the menu item being
disabled is not the guard) and writes one audit entry per changed setting, old value to
new, in one transaction with the settings file: if the file cannot be written, the audit
entries are rolled back; if the audit cannot be committed, the file is put back.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDir, QSysInfo
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.db import audit
from app.db.access import authorise
from app.db.engine import Database
from app.domain.permissions import (
    MAX_INACTIVITY_MINUTES,
    MIN_INACTIVITY_MINUTES,
    Actor,
    Permission,
)
from app.forms.clinic_settings import (
    BACKUP_FOLDER_KEY,
    BACKUPS_KEPT_KEY,
    INACTIVITY_KEY,
    MAX_BACKUPS_KEPT,
    MIN_BACKUPS_KEPT,
    ClinicSettings,
    SettingsError,
    SettingValues,
)
from app.forms.file_choosers import choose_folder
from app.forms.refusal_words import access_words, settings_words

AUDIT_ENTITY = "settings"
AUDIT_ACTION = "change_setting"
_AUDIT_TEXT_MAX = 64  # user_name / entity_id columns are 64 characters wide
ERROR_STYLE = "color: #b00020;"


@dataclass(frozen=True)
class SettingChange:
    """One setting that a save changed, as written to the audit trail."""

    key: str
    old: str
    new: str


def workstation_name() -> str:
    """The audit entry's entity id: the settings belong to this computer, not the clinic."""
    return (QSysInfo.machineHostName() or "this workstation")[:_AUDIT_TEXT_MAX]


@contextmanager
def _put_back_on_failure(clinic: ClinicSettings) -> Iterator[None]:
    """Restore the settings file if anything after the save fails (the audit commit)."""
    before = clinic.snapshot()
    try:
        yield
    except BaseException:
        clinic.restore(before)
        raise


def save_settings(
    database: Database,
    actor: Actor,
    clinic: ClinicSettings,
    *,
    inactivity_minutes: object,
    backups_kept: object,
    backup_folder: object,
) -> list[SettingChange]:
    """Store the values as ``actor`` and audit each one that changed; returns the changes.

    Raises PermissionDenied (nothing checked, created or written) unless both ``actor``
    and the person signed in on ``database`` may change settings; SettingsError naming
    each unacceptable value; OSError when the settings file cannot be written.
    """
    # Both the person at this window and the session's account, as they are now.
    authorise(database, Permission.CHANGE_SETTINGS, actor)
    authorise(database, Permission.CHANGE_SETTINGS)
    new = clinic.check(inactivity_minutes=inactivity_minutes, backups_kept=backups_kept,
                       backup_folder=backup_folder)
    old = clinic.values()
    old_text, new_text = _as_text(old), _as_text(new)
    changes = [SettingChange(key, old_text[key], new_text[key])
               for key in new_text if new_text[key] != old_text[key]]
    # A value is written when it changes, or when the stored text is unusable (a hand
    # edit): an untouched default is left unstored so it follows the application's.
    to_write = {key for key in new_text
                if new_text[key] != old_text[key] or clinic.is_unusable(key)}
    if not to_write:
        return []
    with _put_back_on_failure(clinic), database.session() as session:
        for change in changes:
            audit.record(session, user=actor.user_name[:_AUDIT_TEXT_MAX], action=AUDIT_ACTION,
                         entity=AUDIT_ENTITY, entity_id=workstation_name(), field=change.key,
                         old=change.old, new=change.new)
        clinic.save(
            inactivity_minutes=new.inactivity_minutes if INACTIVITY_KEY in to_write else None,
            backups_kept=new.backups_kept if BACKUPS_KEPT_KEY in to_write else None,
            backup_folder=new.backup_folder if BACKUP_FOLDER_KEY in to_write else None,
        )
    return changes


def _as_text(values: SettingValues) -> dict[str, str]:
    return {key: str(value) for key, value in values.by_key().items()}


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(f"error_{name}")
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.hide()
    return label


class SettingsDialog(QDialog):
    """OK saves (as ``actor``, audited) and closes; Cancel closes and changes nothing."""

    def __init__(self, database: Database, actor: Actor, clinic: ClinicSettings,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.clinic = clinic
        self.changes: list[SettingChange] = []
        self.setWindowTitle(self.tr("Settings"))
        self.setMinimumWidth(640)
        current = clinic.values()

        self.inactivity_minutes = QSpinBox()
        self.inactivity_minutes.setRange(MIN_INACTIVITY_MINUTES, MAX_INACTIVITY_MINUTES)
        self.inactivity_minutes.setSuffix(self.tr(" min"))
        self.inactivity_minutes.setValue(current.inactivity_minutes)
        self.backups_kept = QSpinBox()
        self.backups_kept.setRange(MIN_BACKUPS_KEPT, MAX_BACKUPS_KEPT)
        self.backups_kept.setValue(current.backups_kept)
        self.backup_folder = QLineEdit(QDir.toNativeSeparators(str(current.backup_folder)))
        self.choose_button = QPushButton(self.tr("C&hoose…"))
        self.choose_button.clicked.connect(self._choose_folder)
        self.default_button = QPushButton(self.tr("Use &default"))
        self.default_button.setToolTip(
            QDir.toNativeSeparators(str(clinic.default_backup_folder)))
        self.default_button.clicked.connect(self._use_default_folder)

        # Numbers stay narrow next to their unit; the folder takes the width.
        minutes_row = QHBoxLayout()
        minutes_row.addWidget(self.inactivity_minutes)
        minutes_row.addWidget(QLabel(self.tr("without keyboard or mouse use")))
        minutes_row.addStretch(1)
        kept_row = QHBoxLayout()
        kept_row.addWidget(self.backups_kept)
        kept_row.addStretch(1)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.default_button)

        # A grid, not a QFormLayout: wrapped messages under a field get their full height
        # there instead of being drawn over the next line.
        self._errors: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        grid.setVerticalSpacing(4)
        row = 0
        for key, label, field, field_row, note in (
            (INACTIVITY_KEY, self.tr("&Lock the screen after"), self.inactivity_minutes,
             minutes_row, self.tr("The signed-in person's password unlocks it.")),
            (BACKUPS_KEPT_KEY, self.tr("&Automatic backups kept"), self.backups_kept, kept_row,
             self.tr("Older automatic backups are deleted. Backups made with Back up now… are "
                     "kept.")),
            (BACKUP_FOLDER_KEY, self.tr("Backup &folder"), self.backup_folder, folder_row,
             self.tr("For the daily and on-exit backups. Best on another drive or a backed-up "
                     "share.")),
        ):
            caption = QLabel(label)
            caption.setBuddy(field)
            field.setAccessibleName(label.replace("&", ""))
            hint = QLabel(note)
            hint.setWordWrap(True)
            error = _error_label(key.replace("/", "_"))
            self._errors[key] = error
            grid.addWidget(caption, row, 0)
            grid.addLayout(field_row, row, 1)
            grid.addWidget(error, row + 1, 1)
            grid.addWidget(hint, row + 2, 1)
            grid.setRowMinimumHeight(row + 3, 8)
            row += 4

        self.inactivity_minutes.valueChanged.connect(lambda _v: self._clear(INACTIVITY_KEY))
        self.backups_kept.valueChanged.connect(lambda _v: self._clear(BACKUPS_KEPT_KEY))
        self.backup_folder.textEdited.connect(lambda _t: self._clear(BACKUP_FOLDER_KEY))

        intro = QLabel(self.tr("These settings apply to this computer only. Every change is "
                               "recorded in the audit trail."))
        intro.setWordWrap(True)
        self.error = _error_label("settings")  # not about one field: permission, file access
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        if not actor.may(Permission.CHANGE_SETTINGS):
            # Shown read-only; save_settings refuses anyway should OK be reached.
            self.error.setText(self.tr("You may look at these settings; only an administrator "
                                       "may change them."))
            self.error.show()
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------- questions (overridable)

    def choose_folder(self) -> str:
        """Ask for a folder; "" when cancelled. Separate so tests answer without a dialog."""
        start = Path(self.backup_folder.text().strip() or self.clinic.default_backup_folder)
        return choose_folder(
            self, self.tr("Folder for the automatic backups"),
            str(start if start.is_dir() else self.clinic.default_backup_folder))

    # ---------------------------------------------------------------- actions

    def _choose_folder(self) -> None:
        chosen = self.choose_folder()
        if chosen:
            self.backup_folder.setText(QDir.toNativeSeparators(chosen))
            self._clear(BACKUP_FOLDER_KEY)

    def _use_default_folder(self) -> None:
        self.backup_folder.setText(QDir.toNativeSeparators(str(self.clinic.default_backup_folder)))
        self._clear(BACKUP_FOLDER_KEY)

    def _clear(self, key: str) -> None:
        self._errors[key].hide()

    def error_text(self, key: str) -> str:
        """The message shown under a field (or, for "settings", under the form); "" if none."""
        label = self.error if key == "settings" else self._errors[key]
        return label.text() if label.isVisibleTo(self) else ""

    def show_errors(self, problems: dict[str, str]) -> None:
        for key, label in self._errors.items():
            message = settings_words(problems.get(key, ""))
            label.setText(message)
            label.setVisible(bool(message))
        fields = {INACTIVITY_KEY: self.inactivity_minutes, BACKUPS_KEPT_KEY: self.backups_kept,
                  BACKUP_FOLDER_KEY: self.backup_folder}
        first = next((key for key in fields if key in problems), None)
        if first is not None:
            fields[first].setFocus()
        self.adjustSize()  # room for the messages; typed values are untouched

    def _show_general_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.adjustSize()

    def _save(self) -> None:
        # A spin box keeps its last valid value while its text is being edited: take the text.
        for spin in (self.inactivity_minutes, self.backups_kept):
            spin.interpretText()
        self.error.hide()
        try:
            self.changes = save_settings(
                self.database, self.actor, self.clinic,
                inactivity_minutes=self.inactivity_minutes.value(),
                backups_kept=self.backups_kept.value(),
                backup_folder=self.backup_folder.text(),
            )
        except SettingsError as error:
            self.show_errors(error.problems)
            return
        except PermissionError as error:  # PermissionDenied, or nobody signed in
            self._show_general_error(access_words(error))
            return
        except OSError as error:
            self._show_general_error(
                self.tr("The settings could not be saved: %1").replace("%1", str(error)))
            return
        self.accept()
