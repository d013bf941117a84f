"""Ask for the database passphrase at start when the database file is encrypted.

``open_database_asking`` tries to open the database; when the file turns out to be
encrypted (or the passphrase given was wrong) it asks through ``ask`` (the dialog below,
injected so tests can answer) and tries again, at most ``MAX_ATTEMPTS`` times. A wrong
passphrase never changes the file; each try costs SQLCipher's key derivation (about a
tenth of a second), which is what slows down guessing at the keyboard.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database, resolve_database_url, sqlite_file_path
from app.db.opening import PassphraseRequiredError, WrongDatabasePassphraseError, open_database
from app.logs import log

MAX_ATTEMPTS = 5
translate = QCoreApplication.translate  # collected by pyside6-lupdate

# ask(database file, message shown above the field) -> passphrase, or None if cancelled
Ask = Callable[[Path, str], "str | None"]


class TooManyAttemptsError(Exception):
    """The passphrase was wrong too many times in a row; the app stops."""


class DatabasePassphraseDialog(QDialog):
    def __init__(self, db_file: Path, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Encrypted database"))
        self.setObjectName("database_passphrase_dialog")
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("The database <b>%1</b> is encrypted.<br>Type its database passphrase to "
                    "open it. (This is the clinic's database passphrase, not your own sign-in "
                    "password.)").replace("%1", _escape(str(db_file)))
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(intro)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Database passphrase"))
        layout.addWidget(self.passphrase)
        self.message = QLabel(message)
        self.message.setObjectName("passphrase_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setVisible(bool(message))
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.open_button = buttons.button(QDialogButtonBox.StandardButton.Open)
        buttons.accepted.connect(self._accept_if_typed)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.passphrase.setFocus()
        self.resize(480, self.sizeHint().height())

    def _accept_if_typed(self) -> None:
        if not self.passphrase.text():
            self.message.setText(self.tr("Type the database passphrase, or Cancel to close."))
            self.message.setVisible(True)
            return
        self.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def ask_with_dialog(db_file: Path, message: str) -> str | None:
    dialog = DatabasePassphraseDialog(db_file, message)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase.text()


def open_database_asking(
    db_path: str | None, passphrase: str | None = None, ask: Ask = ask_with_dialog
) -> Database | None:
    """Open the database, asking for its passphrase while needed; None if cancelled.

    Other DatabaseOpenError problems (not a database, too new…) propagate unchanged.
    """
    db_file = sqlite_file_path(resolve_database_url(db_path))
    message = ""
    wrong = 0
    while True:
        try:
            return open_database(db_path, passphrase)
        except PassphraseRequiredError:
            if db_file is None:  # pragma: no cover - only SQLite files are encrypted
                raise
            message = ""
        except WrongDatabasePassphraseError:
            if db_file is None:  # pragma: no cover
                raise
            wrong += 1
            log.warning("wrong database passphrase (%d of %d)", wrong, MAX_ATTEMPTS)
            if wrong >= MAX_ATTEMPTS:
                raise TooManyAttemptsError(translate(
                    "DatabasePassphraseDialog", "The database passphrase was wrong %1 times. "
                    "jdm-ctp will close; start it again to retry. The database has not been "
                    "changed.").replace("%1", str(MAX_ATTEMPTS))) from None
            message = translate(
                "DatabasePassphraseDialog", "That passphrase does not open this database "
                "(attempt %1 of %2). Check Caps Lock and try again.").replace(
                "%1", str(wrong)).replace("%2", str(MAX_ATTEMPTS))
        passphrase = ask(db_file, message)
        if passphrase is None:
            return None
