"""Checks run in the background at start, reporting back to the main window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from app.db.audit_anchor import check_and_remember
from app.db.engine import Database


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
        self.problem = check_and_remember(self._database)
        self.done = True
        self.finished.emit(self.problem)
