"""Backups seen from the main window: Back up now on a worker thread (the window keeps
answering; its outcome in the status bar, or a warning), and the daily backup's progress
in the status bar, its failure shown there until the next backup succeeds. The words
keep the main window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import QLabel, QProgressBar

from app.db.automatic_backups import NOT_AUDITED, ON_SERVER, SAVED, UNEXPECTED, BackupOutcome
from app.domain.permissions import AccessRefused, Permission
from app.domain.phrases import Sentence, phrase, sentence_of
from app.forms.long_jobs import JobCancelled, run_backup_now
from app.forms.refusal_words import access_words, backup_words

if TYPE_CHECKING:
    from app.forms.main_window import MainWindow


class BackupStatus(QObject):
    """The backups of the database ``window`` shows, and their place in its status bar."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job = None  # "Back up now" running on its worker thread
        # The daily backup's progress, and its failure until the next backup succeeds.
        self.label = QLabel()
        self.label.setObjectName("backup_status")
        self.label.hide()
        self.progress = QProgressBar()
        self.progress.setObjectName("backup_progress")
        self.progress.setMaximumWidth(160)
        self.progress.setAccessibleName(
            QCoreApplication.translate("MainWindow", "Daily backup progress"))
        self.progress.hide()
        window.statusBar().addPermanentWidget(self.label)
        window.statusBar().addPermanentWidget(self.progress)

    def back_up_now(self) -> None:
        window = self.window
        if not window.may(Permission.BACKUP) or window.database.file_path is None:
            window.warn(QCoreApplication.translate("MainWindow", "Back up"),
                        QCoreApplication.translate(
                            "MainWindow",
                            "Backups from here are for the local database file; a server "
                            "database is backed up by its administrator."))
            return
        target = window.choose_backup_path()
        if not target:
            return
        # On a worker thread with a progress bar and Cancel: the window keeps answering.
        # An encrypted database's backup stays keyed with the database passphrase.
        self.job = run_backup_now(window, window.database, target)
        self.job.finished.connect(
            lambda written: window.statusBar().showMessage(
                QCoreApplication.translate("MainWindow", "Backup written to %1.").replace(
                    "%1", str(written)), 10000))
        self.job.failed.connect(self._failed)

    def _failed(self, error: BaseException) -> None:
        window = self.window
        if isinstance(error, JobCancelled):
            window.statusBar().showMessage(QCoreApplication.translate(
                "MainWindow", "Backup cancelled; no file was written."), 8000)
            return
        if isinstance(error, AccessRefused):
            window.warn(QCoreApplication.translate("MainWindow", "Not allowed"),
                        access_words(error))
            return
        # A BackupError says what went wrong in a sentence of the interface's language; the
        # operating system's or SQLite's own words are shown as technical detail.
        said = sentence_of(error)
        if said is not None:
            text = _fill(QCoreApplication.translate(
                "MainWindow", "The backup could not be written: %1"), backup_words(said))
        else:
            text = _fill(QCoreApplication.translate(
                "MainWindow", "The backup could not be written: %1", "technical detail"),
                str(error))
        window.warn(QCoreApplication.translate("MainWindow", "Backup failed"), text)

    def show_progress(self, done: int, total: int) -> None:
        """The daily backup copies in the background: how far it is, in the status bar."""
        if not self.progress.isVisible():
            self.label.setStyleSheet("")
            self.label.setText(QCoreApplication.translate("MainWindow", "Daily backup…"))
            self.label.show()
            self.progress.show()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(min(done, total))

    def show_outcome(self, outcome: BackupOutcome | None) -> None:
        """The daily backup ended: a success for a while; a failure stays until the next
        backup succeeds (the log has it too)."""
        self.progress.hide()
        if outcome is None:  # none was due
            self.label.hide()
            return
        message = daily_outcome_text(outcome)
        if outcome.ok:
            self.label.hide()
            self.window.statusBar().showMessage(message, 10000)
            return
        self.label.setStyleSheet("color: #a00000;")
        self.label.setText(QCoreApplication.translate("MainWindow", "Daily backup failed"))
        self.label.setToolTip(message)
        self.label.show()
        self.window.statusBar().showMessage(message)


def daily_outcome_text(outcome: BackupOutcome) -> str:
    """What the daily backup did, in the interface's language. The file's path and an
    error's own words (the operating system's, a check's) are shown as they came."""
    translate = QCoreApplication.translate
    if outcome.kind == ON_SERVER:
        return translate("MainWindow", "Server databases are backed up on the server.")
    if outcome.kind == SAVED:
        return translate("MainWindow", "The daily backup was saved to %1.").replace(
            "%1", str(outcome.path))
    # the audit trail's and the operating system's words (a type's name when unforeseen) are
    # technical detail, which the translations say
    if outcome.kind == NOT_AUDITED:
        return _fill(translate("MainWindow", "The daily backup was saved to %1. It could not be "
                               "recorded in the audit trail: %2"),
                     str(outcome.path), outcome.problem)
    if outcome.kind == UNEXPECTED:
        return _fill(translate("MainWindow", "The daily backup failed (%1); the database itself "
                               "is unchanged. Use Tools → Back up now, or see the log."),
                     outcome.problem)
    if isinstance(outcome.problem, Sentence):
        return _fill(translate("MainWindow", "The daily backup failed: %1"),
                     backup_words(outcome.problem))
    return _fill(translate("MainWindow", "The daily backup failed: %1", "technical detail"),
                 outcome.problem)


def _fill(template: str, *values: str) -> str:
    # in one pass: a path holding "%2" is never filled in again
    return str(phrase(template, *values))
