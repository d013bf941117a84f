"""Tools → Database encryption…: an administrator encrypts the database file, changes its
passphrase, or stores it unencrypted again, without leaving the application.

The work is app.db.encryption_setup's (complete new file, checked, audited, swapped in
atomically). Here the open database is closed first (its connections would otherwise
keep the old file alive), the change is made, and the same ``Database`` object is
reconnected with the new passphrase, so every window keeps working. If the change fails
the database is reconnected as it was and nothing is lost.
"""

from __future__ import annotations

import hmac
import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db import encryption
from app.db.access import authorise
from app.db.encryption_setup import (
    EncryptionReport,
    change_database_passphrase,
    decrypt_database,
    encrypt_database,
)
from app.db.engine import Database
from app.db.opening import DatabaseOpenError
from app.domain.permissions import AccessRefused, Actor, Permission
from app.domain.phrases import phrase, sentence_of
from app.forms import terms
from app.forms.long_jobs import BackgroundJob
from app.forms.refusal_words import access_words, encryption_words
from app.forms.widgets import grow_to_fit_text
from app.logs import log

ENCRYPT = "encrypt"
CHANGE = "change"
DECRYPT = "decrypt"


class EncryptionChangeError(Exception):
    """The change was refused or failed; the message says which field and why."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def change_encryption(
    database: Database, actor: Actor, action: str, current: str, new: str, repeated: str
) -> EncryptionReport:
    """Do one change on the open database; raises EncryptionChangeError (nothing changed)."""
    authorise(database, Permission.MANAGE_ENCRYPTION, actor)
    path = database.file_path
    if path is None:
        raise EncryptionChangeError("action", QCoreApplication.translate(
            "EncryptionDialog", "Only a database file on this computer can be encrypted "
            "here; a server database is protected by the server."))
    if action in (CHANGE, DECRYPT) and not hmac.compare_digest(
        current.encode("utf-8"), (database.passphrase or "").encode("utf-8")
    ):
        # Checked against the passphrase the database was opened with, before closing it.
        raise EncryptionChangeError("current", QCoreApplication.translate(
            "EncryptionDialog", "That is not the current database passphrase."))
    if action in (ENCRYPT, CHANGE):
        try:
            encryption.check_new_passphrase(new, repeated)
        except encryption.PassphraseError as error:
            raise EncryptionChangeError(
                error.field, terms.phrases(terms.PASSPHRASE_CHECK, error.message)) from None
    old = database.passphrase
    database.dispose()
    try:
        if action == ENCRYPT:
            report = encrypt_database(path, new, actor=actor)
        elif action == CHANGE:
            report = change_database_passphrase(path, current, new, actor=actor)
        else:
            report = decrypt_database(path, current, actor=actor)
    except encryption.PassphraseError as error:  # the same passphrase again
        database.reopen(old)
        raise EncryptionChangeError(
            error.field, terms.phrases(terms.PASSPHRASE_CHECK, error.message)) from None
    except (DatabaseOpenError, OSError, PermissionError) as error:
        database.reopen(old)
        log.warning("database encryption change failed: %s", error)
        raise EncryptionChangeError("action", _failure_words(error)) from None
    database.reopen(None if action == DECRYPT else new)
    log.info("database encryption changed: %s", report.state)
    return report


def _failure_words(error: BaseException) -> str:
    """Why the change failed: the storage's sentence in the interface's language, or the
    operating system's own words said to be technical detail."""
    said = sentence_of(error)
    if said is not None:
        return encryption_words(said)
    return str(phrase(QCoreApplication.translate(
        "EncryptionDialog", "The encryption could not be changed (technical detail: %1)."),
        str(error)))


class EncryptionDialog(QDialog):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.report: EncryptionReport | None = None
        self.setWindowTitle(self.tr("Database encryption"))
        layout = QVBoxLayout(self)
        encrypted = database.encrypted
        name = html.escape(database.display_name)
        state = QLabel(
            (self.tr("The database <b>%1</b> is <b>encrypted</b> (SQLCipher).") if encrypted
             else self.tr("The database <b>%1</b> is <b>not encrypted</b>.")).replace("%1", name)
            + "<br>" + self.tr("Every computer that opens it will need the passphrase. A lost "
                               "passphrase cannot be recovered: keep it where the clinic "
                               "keeps its other secrets.")
        )
        state.setTextFormat(Qt.TextFormat.RichText)
        state.setWordWrap(True)
        layout.addWidget(state)

        self.encrypt_choice = QRadioButton(self.tr("&Encrypt the database with a passphrase"))
        self.change_choice = QRadioButton(self.tr("&Change the passphrase"))
        self.decrypt_choice = QRadioButton(
            self.tr("&Stop encrypting (store the file unencrypted)"))
        for choice in (self.encrypt_choice, self.change_choice, self.decrypt_choice):
            layout.addWidget(choice)
            choice.toggled.connect(self._update_fields)
        self.encrypt_choice.setVisible(not encrypted)
        self.change_choice.setVisible(encrypted)
        self.decrypt_choice.setVisible(encrypted)

        form = QFormLayout()
        self.current = self._password_field(self.tr("Current database passphrase"))
        self.new = self._password_field(
            self.tr("New passphrase (10 characters or more)"))
        self.repeated = self._password_field(self.tr("Repeat the new passphrase"))
        self.errors: dict[str, QLabel] = {}
        for key, label, field in (("current", self.tr("C&urrent passphrase"), self.current),
                                  ("new", self.tr("&New passphrase"), self.new),
                                  ("repeated", self.tr("&Repeat new passphrase"),
                                   self.repeated)):
            error = QLabel()
            error.setObjectName(f"{key}_error")
            error.setStyleSheet("color: #b00020;")
            error.setWordWrap(True)
            error.hide()
            self.errors[key] = error
            column = QVBoxLayout()
            column.addWidget(field)
            column.addWidget(error)
            form.addRow(label, column)
            form.labelForField(column).setBuddy(field)
        layout.addLayout(form)
        self.action_error = QLabel()
        self.action_error.setObjectName("action_error")
        self.action_error.setStyleSheet("color: #b00020;")
        self.action_error.setWordWrap(True)
        self.action_error.hide()
        self.errors["action"] = self.action_error
        layout.addWidget(self.action_error)
        note = QLabel(self.tr("Other copies of jdm-ctp using this database must be closed "
                              "first. The change writes a new copy of the file, checks it and "
                              "then swaps it in; if anything fails, the database stays as it "
                              "was."))
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.apply)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        (self.change_choice if encrypted else self.encrypt_choice).setChecked(True)
        self._update_fields()
        self.resize(560, self.sizeHint().height())

    def show_error(self, error: EncryptionChangeError) -> None:
        """What was typed stays in the fields; only the message is added, at its field."""
        self.errors[error.field].setText(str(error))
        self.errors[error.field].show()
        grow_to_fit_text(self)  # the message whole

    def _password_field(self, accessible: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(accessible)
        return field

    def action(self) -> str:
        if self.encrypt_choice.isChecked():
            return ENCRYPT
        if self.change_choice.isChecked():
            return CHANGE
        return DECRYPT

    def _update_fields(self) -> None:
        action = self.action()
        self.current.setEnabled(action in (CHANGE, DECRYPT))
        self.new.setEnabled(action in (ENCRYPT, CHANGE))
        self.repeated.setEnabled(action in (ENCRYPT, CHANGE))

    def apply(self) -> None:
        for label in self.errors.values():
            label.hide()
        action, current, new, repeated = (self.action(), self.current.text(), self.new.text(),
                                          self.repeated.text())
        # The copy, check and swap run on a worker thread (43 s on a large database): the
        # window repaints and shows progress. No Cancel: the change swaps the file in at
        # its end, so it finishes or fails as a whole.
        job = BackgroundJob(self, self.tr("Changing the database encryption… This can take "
                                          "a minute on a large database."),
                            lambda _report: change_encryption(self.database, self.actor,
                                                              action, current, new, repeated))
        self.setEnabled(False)
        try:
            job.start()
            job.wait_in_event_loop()
        finally:
            self.setEnabled(True)
        if isinstance(job.error, EncryptionChangeError):
            self.show_error(job.error)
            return
        if isinstance(job.error, AccessRefused):
            self.action_error.setText(access_words(job.error))
            self.action_error.show()
            grow_to_fit_text(self)  # the message whole
            return
        if job.error is not None:
            raise job.error
        self.report = job.result
        self.accept()
