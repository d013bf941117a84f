"""Checks run in the background at start, reporting back to the main window."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from app.db.audit import check_audit_on_start
from app.db.engine import Database


class _Signals(QObject):
    finished = Signal(object)  # None when the chain verifies, else the message


class AuditCheck(QRunnable):
    """Verifies the whole audit hash chain off the GUI thread."""

    def __init__(self, database: Database) -> None:
        super().__init__()
        self._database = database
        self._signals = _Signals()
        self.finished = self._signals.finished

    def run(self) -> None:
        self.finished.emit(check_audit_on_start(self._database))
