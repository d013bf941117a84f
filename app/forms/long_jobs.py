"""Long work off the interface thread, with a progress bar.

"Back up now" took 14.5 s and database encryption 43.5 s on the interface thread with
only a wait cursor: the window could not repaint or answer. Here the work runs on a
worker thread while a progress dialog stays responsive; Cancel is offered only where
stopping half-way is safe (a backup: the partial copy is discarded; not an encryption
change, which swaps the file in at its end and must finish or fail as a whole).

    job = BackgroundJob(parent, "Backing up…", work, cancellable=True)
    job.finished.connect(on_result)      # the work's return value
    job.failed.connect(on_error)         # the exception, as raised by the work
    job.start()

``work(report)`` receives ``report(done, total) -> bool``: it updates the bar and returns
False once the person pressed Cancel (the work then stops by raising ``JobCancelled``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

Report = Callable[[int, int], bool]


class JobCancelled(Exception):
    """The person cancelled; nothing was written."""


class _Worker(QObject):
    done = Signal(object)
    error = Signal(object)
    progress = Signal(int, int)

    def __init__(self, work: Callable[[Report], Any], stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._stop = stop

    def run(self) -> None:
        def report(done: int, total: int) -> bool:
            self.progress.emit(done, total)
            return not self._stop.is_set()

        try:
            result = self._work(report)
        except BaseException as error:  # noqa: BLE001 - handed to the interface thread
            self.error.emit(error)
            return
        self.done.emit(result)


class BackgroundJob(QObject):
    finished = Signal(object)  # the work's result
    failed = Signal(object)  # the exception (JobCancelled when cancelled)

    def __init__(self, parent: QWidget | None, label: str, work: Callable[[Report], Any], *,
                 cancellable: bool = False) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._thread = QThread(self)  # owned by the job: deleted with it, never at exit
        self._worker = _Worker(work, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.done.connect(self._on_done)
        self._worker.error.connect(self._on_error)
        self._worker.progress.connect(self._on_progress)
        self.dialog = QProgressDialog(label, self.tr("Cancel") if cancellable else "", 0, 0,
                                      parent)
        self.dialog.setWindowTitle(self.tr("Please wait"))
        self.dialog.setWindowModality(Qt.WindowModal)
        self.dialog.setMinimumDuration(300)  # quick jobs finish without a flash
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        if cancellable:
            self.dialog.canceled.connect(self.cancel)
        else:
            self.dialog.setCancelButton(None)
        self.result: Any = None
        self.error: BaseException | None = None
        self.running = False

    def start(self) -> None:
        self.running = True
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()
        self.dialog.setLabelText(self.tr("Cancelling…"))

    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _finish(self) -> None:
        self.running = False
        self._thread.quit()
        self._thread.wait()
        self._worker.deleteLater()
        self.dialog.reset()
        self.dialog.hide()

    def _on_done(self, result: object) -> None:
        self.result = result
        self._finish()
        self.finished.emit(result)

    def _on_error(self, error: object) -> None:
        self.error = error if isinstance(error, BaseException) else RuntimeError(str(error))
        self._finish()
        self.failed.emit(self.error)

    def wait_in_event_loop(self) -> None:
        """Block the caller, not the interface: events go on being processed (tests,
        benchmarks, and the dialogs that need the result before they close)."""
        if not self.running:
            return
        loop = QEventLoop()
        self.finished.connect(loop.quit)
        self.failed.connect(loop.quit)
        if self.running:
            loop.exec()


def run_backup_now(parent: QWidget | None, database, target: str) -> BackgroundJob:
    """Tools → Back up now: the copy made on a worker thread, with progress and Cancel."""
    from app.db.backup import backup_database

    def work(report: Report):
        def progress(done: int, total: int) -> None:
            if not report(done, total):
                raise JobCancelled(QCoreApplication.translate(
                    "BackgroundJob", "The backup was cancelled; no file was written."))

        return backup_database(database.file_path, target, db_passphrase=database.passphrase,
                               actor=database.actor, progress=progress)

    job = BackgroundJob(parent, QCoreApplication.translate(
        "BackgroundJob", "Backing up the database…"), work, cancellable=True)
    job.start()
    return job


class DailyBackup(QObject):
    """The automatic daily backup, on a worker thread, started once the main window is
    usable (first sign-in took 5.9 s with the backup in the way). ``progress(done,
    total)`` as it copies, for the status bar; ``done(outcome)`` reports the
    BackupOutcome, or None when no backup was due. A backup that raised instead of
    returning its outcome is reported as a failed outcome, never dropped."""

    done = Signal(object)
    progress = Signal(int, int)

    def __init__(self, parent: QObject | None,
                 run: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__(parent)
        self._run = run
        self._thread: threading.Thread | None = None
        self.outcome: Any = None

    def start(self) -> bool:
        if self._thread is not None and self._thread.is_alive():
            return False  # one at a time: the hourly check waits for the next hour
        self._thread = threading.Thread(target=self._work, name="daily-backup", daemon=True)
        self._thread.start()
        return True

    def _work(self) -> None:
        try:
            self.outcome = self._run(self.progress.emit)
        except Exception as error:  # noqa: BLE001 - reported, never raised into Qt
            from app.db.automatic_backups import UNEXPECTED, BackupOutcome
            from app.logs import log

            log.error("daily backup failed: %s", type(error).__name__)
            # The type only: an unexpected error's text may quote anything it read.
            self.outcome = BackupOutcome(UNEXPECTED, "daily", problem=type(error).__name__)
        self.done.emit(self.outcome)

    def wait(self) -> None:
        """For the exit path and benchmarks: the backup finished (or none is running)."""
        if self._thread is not None:
            self._thread.join()


def start_daily_backup(parent: QObject | None, database, *, keep: int, folder,
                       skip: Callable[[], bool] = lambda: False,
                       start: bool = True) -> DailyBackup:
    """Start today's automatic backup (if due) in the background and return its job
    (``start=False``: connect to ``done`` first, then call ``start()``)."""

    def run(progress: Callable[[int, int], None]):
        from app.db.automatic_backups import daily_backup_if_due

        if skip():
            return None
        return daily_backup_if_due(database.file_path, keep=keep, folder=folder,
                                   db_passphrase=database.passphrase, progress=progress)

    job = DailyBackup(parent, run)
    if start:
        job.start()
    return job
