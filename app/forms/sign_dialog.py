"""Sign a completed visit (password re-entered, meaning chosen) and unlock a signed one.

``SignVisitDialog`` calls an injected ``sign(password, meaning_code) -> SignatureInfo``
(normally ``signatures.sign_visit_committing`` bound to the database, actor and visit);
``UnlockVisitDialog`` calls ``unlock(reason)``. Refusals are shown in the dialog, which
stays open; the password field is cleared after each attempt.
"""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.db import signatures, users
from app.db.conflicts import ConcurrentEditError
from app.db.engine import Database
from app.db.signatures import DEFAULT_MEANING, SIGNATURE_MEANINGS, SignatureInfo
from app.db.visits import VisitRecord
from app.domain.permissions import Actor
from app.forms.refusal_words import access_words
from app.forms.widgets import grow_to_fit_text

Sign = Callable[[str, str], SignatureInfo]
Unlock = Callable[[str], None]
_REFUSALS = (signatures.SignatureError, users.AccountError, PermissionError,
             ConcurrentEditError)


# app.db.signatures' words (SIGNATURE_MEANINGS and the verdicts), shown in the
# interface's language; the PDF and the audit keep the English.
SIGNATURE = "Signature"
_WORDS = (QT_TRANSLATE_NOOP("Signature", "Reviewed and approved"),
          QT_TRANSLATE_NOOP("Signature", "Author of the recorded data"),
          QT_TRANSLATE_NOOP("Signature", "Reviewed"),
          QT_TRANSLATE_NOOP("Signature", "signature valid"),
          QT_TRANSLATE_NOOP("Signature", "content changed after signing"),
          QT_TRANSLATE_NOOP("Signature", "no signature was made in jdm-ctp for this visit"))


def meaning_words(text: str) -> str:
    """A signature's meaning or verdict (app.db.signatures) in the interface's language."""
    return QCoreApplication.translate(SIGNATURE, text)


def signature_words(info: SignatureInfo) -> str:
    """``SignatureInfo.describe()`` in the interface's language."""
    translate = QCoreApplication.translate
    when = (info.signed_at.astimezone().strftime("%Y-%m-%d %H:%M %Z") if info.signed_at
            else translate("Signature", "an unknown date"))
    text = (translate("Signature", "Signed by %1 (%2) on %3: %4")
            .replace("%1", info.printed_name).replace("%2", info.signed_by)
            .replace("%3", when).replace("%4", meaning_words(info.meaning)))
    if info.valid:
        return translate("Signature", "%1 — %2.").replace("%1", text).replace(
            "%2", meaning_words(info.verdict))
    return translate("Signature", "%1 — NOT VALID: %2.").replace("%1", text).replace(
        "%2", meaning_words(info.verdict))


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


class SignVisitDialog(QDialog):
    def __init__(self, signer: Actor, visit_label: str, sign: Sign,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sign = sign
        self.signature: SignatureInfo | None = None
        self.setWindowTitle(self.tr("Sign visit"))
        self.setModal(True)
        statement = QLabel(
            self.tr("You are signing the visit <b>%1</b> as <b>%2</b> (%3). Your signature, "
                    "the date and time, and its meaning are recorded and printed with the "
                    "visit, and the visit is locked against changes.")
            .replace("%1", html.escape(visit_label))
            .replace("%2", html.escape(signer.printed_name))
            .replace("%3", html.escape(signer.user_name))
        )
        statement.setWordWrap(True)
        self.meaning = QComboBox()
        for code, text in SIGNATURE_MEANINGS.items():
            self.meaning.addItem(meaning_words(text), code)
        self.meaning.setCurrentIndex(self.meaning.findData(DEFAULT_MEANING))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&Meaning of this signature"), self.meaning)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        self.buttons.accepted.connect(self.try_sign)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(statement)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def try_sign(self) -> None:
        password = self.password.text()
        self.password.clear()
        if not password:
            self._show(self.tr("Enter your password to sign."))
            return
        try:
            self.signature = self._sign(password, self.meaning.currentData())
        except _REFUSALS as error:
            self._show(access_words(error))
            return
        self.accept()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        grow_to_fit_text(self)  # the statement whole, also in a longer language

    def _show(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        grow_to_fit_text(self)
        self.password.setFocus()


class UnlockVisitDialog(QDialog):
    def __init__(self, visit_label: str, signed_by: str, unlock: Unlock,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._unlock = unlock
        self.setWindowTitle(self.tr("Unlock signed visit"))
        self.setModal(True)
        text = QLabel(
            self.tr("The visit <b>%1</b> was signed by %2. Unlocking removes the signature so "
                    "the visit can be corrected; it must then be signed again. The reason is "
                    "kept in the audit trail.")
            .replace("%1", html.escape(visit_label)).replace("%2", html.escape(signed_by))
        )
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Reason for unlocking"))
        self.reason.setPlaceholderText(self.tr("Why must this signed visit be changed?"))
        self.error = _error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        self.buttons.accepted.connect(self.try_unlock)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        reason_label = QLabel(self.tr("&Reason"))
        reason_label.setBuddy(self.reason)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.done_ok = False

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        super().showEvent(event)
        grow_to_fit_text(self)  # the explanation whole, also in a longer language

    def try_unlock(self) -> None:
        reason = self.reason.toPlainText().strip()
        if not reason:
            self.error.setText(self.tr("Give the reason for unlocking this signed visit."))
            self.error.show()
            grow_to_fit_text(self)
            return
        try:
            self._unlock(reason)
        except _REFUSALS as error:
            self.error.setText(access_words(error))
            self.error.show()
            grow_to_fit_text(self)
            return
        self.done_ok = True
        self.accept()


def database_signer(database: Database, actor: Actor, visit_pk: int,
                    opened: VisitRecord | None = None) -> Sign:
    """Signs in its own transaction; ``opened`` (the visit as the form shows it) makes a
    visit saved elsewhere meanwhile a refusal instead of a signature over unseen data."""
    return lambda password, meaning: signatures.sign_visit_committing(
        database, actor, visit_pk, password, meaning, opened=opened)


def database_unlocker(database: Database, actor: Actor, visit_pk: int) -> Unlock:
    def unlock(reason: str) -> None:
        with database.session() as session:
            signatures.unlock_signed_visit(session, actor, visit_pk, reason)

    return unlock
