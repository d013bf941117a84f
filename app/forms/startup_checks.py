"""Checks run in the background at start, reporting back to the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Signal

from app.db.engine import Database
from app.db.file_health import check_open_database, damaged_message, refuse_writes
from app.db.opening import UpgradeReport
from app.domain.phrases import phrase
from app.forms.refusal_words import file_words


class _Signals(QObject):
    finished = Signal(object)  # None when the chain verifies, else the message


class AuditCheck(QRunnable):
    """Verifies the whole audit hash chain, and its end against this computer's anchor
    (app.db.audit_anchor), off the GUI thread."""

    def __init__(self, database: Database) -> None:
        super().__init__()
        self._database = database
        self._signals = _Signals()
        self.finished = self._signals.finished
        # Also kept here, because the signal may still be queued when the app closes and
        # the exit code must not move the anchor past a problem nobody has seen yet.
        self.setAutoDelete(False)
        self.done = False
        self.problem: str | None = None

    def run(self) -> None:
        # Imported here, not with the window: the trail's models are loaded after the list's
        # first paint, on the main thread (app.gui), before this check is started.
        from app.db.audit_anchor import check_and_remember

        self.problem = check_and_remember(self._database)
        self.done = True
        self.finished.emit(self.problem)


class _HealthSignals(QObject):
    finished = Signal(object)  # None when the file is sound, else the message to show


class DatabaseHealthCheck(QRunnable):
    """``PRAGMA quick_check`` of the open database, off the GUI thread: on a large file it
    takes seconds (app.db.file_health). When it finds damage, writes are refused from then
    on (``refuse_writes``) before anyone is told, so no save slips in between."""

    def __init__(self, database: Database, backup_folder: Path | None = None) -> None:
        super().__init__()
        self._database = database
        self._backup_folder = backup_folder
        self._signals = _HealthSignals()
        self.finished = self._signals.finished
        self.setAutoDelete(False)
        self.done = False
        self.damaged = False
        self.problem: str | None = None

    def run(self) -> None:
        try:
            report = check_open_database(self._database)
        except Exception as error:  # noqa: BLE001 - a check that cannot run is reported
            self.problem = QCoreApplication.translate(
                "Startup", "The database file could not be checked for damage (%1). If saving "
                "fails, restore the newest backup.").replace("%1", str(error))
        else:
            if not report.ok and self._database.file_path is not None:
                self.damaged = True
                damage = damaged_message(self._database.file_path, report,
                                         self._backup_folder)
                # the refusal keeps its phrase: a save refused later says it in words too
                refuse_writes(self._database, damage)
                self.problem = file_words(damage)
        self.done = True
        self.finished.emit(self.problem)


def upgrade_words(report: UpgradeReport) -> str:
    """What the start did to the database (app.db.opening.UpgradeReport: its facts, the
    command line's English in ``describe``), in the interface's language."""
    translate = QCoreApplication.translate
    if report.previous_revision is None:
        return translate("Startup", "Created a new database (schema %1).").replace(
            "%1", report.new_revision)
    if not report.upgraded:
        return translate("Startup", "The database is up to date (schema %1).").replace(
            "%1", report.new_revision)
    text = str(phrase(translate("Startup", "Upgraded the database from schema %1 to %2."),
                      str(report.previous_revision), report.new_revision))
    if report.backup_path is not None:
        text += " " + translate("Startup", "A copy of the database as it was is saved at "
                                "%1.").replace("%1", str(report.backup_path))
    return text
