"""The box that tells the person at the screen about an error no form handled itself
(app.logs.install_error_hook), in the interface's language: app.logs writes the message
once, in English with its sentences kept apart (a Sentence), a storage problem's among
them (app.db.file_health); here each is translated (app.forms.refusal_words)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.forms.refusal_words import error_words
from app.logs import error_message


def error_box(text: str, parent: QWidget | None = None) -> QMessageBox:
    return QMessageBox(QMessageBox.Icon.Critical,
                       QCoreApplication.translate("ErrorBox", "Unexpected error"),
                       error_words(text), QMessageBox.StandardButton.Ok, parent)


def unexpected_error_box(error: BaseException, parent: QWidget | None = None) -> QMessageBox:
    """What the hook shows for ``error`` (built apart so a test reads it unshown)."""
    return error_box(error_message(error), parent)


def tell_user(text: str) -> None:
    """install_error_hook's way of telling: the box, modal, until it is closed."""
    box = error_box(text)
    box.exec()
    box.deleteLater()
