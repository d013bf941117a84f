"""File → Export: choose profile and format, pick a folder, watch a progress bar, cancel.

The export runs in a worker thread (the window stays responsive); Cancel asks the worker
to stop at the next block of patients and the partial files are removed. An identified
export (names, MRN, dates of birth) needs a confirmation until the security issue brings
permissions; the confirmation and the folder chooser are injectable for tests.
"""

from __future__ import annotations

import getpass
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.domain.permissions import AccessRefused
from app.exports.export import ExportCancelled, default_workers, export_database
from app.forms.file_choosers import choose_folder
from app.forms.refusal_words import access_words

IDENTIFIED_WARNING = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "An identified export contains patients' names, medical record numbers and dates of "
    "birth. Only send it where the law and your ethics approval allow. The export will be "
    "recorded in the audit trail under your name.\n\nExport identified data?"
)



def _ask(parent: QWidget, text: str) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate("ExportDialog",
                                                                   "Identified export"), text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def _choose(parent: QWidget) -> str:
    return choose_folder(
        parent, QCoreApplication.translate("ExportDialog", "Folder for the export files"))


class _ExportWorker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    cancelled = Signal()
    failed = Signal(object)  # the error: said in the interface's words on the GUI thread

    def __init__(self, run: Callable[..., Any], kwargs: dict[str, Any],
                 stop: threading.Event) -> None:
        super().__init__()
        self._run = run
        self._kwargs = kwargs
        self._stop = stop

    @Slot()
    def work(self) -> None:
        try:
            result = self._run(progress=lambda done, total: self.progressed.emit(done, total),
                               cancelled=self._stop.is_set, **self._kwargs)
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as error:  # noqa: BLE001 - shown to the user, never swallowed
            self.failed.emit(error)
        else:
            self.succeeded.emit(result)


class ExportDialog(QDialog):
    """Coordinator export from the GUI (same files as `jdm-ctp export`)."""

    export_finished = Signal(object)  # ExportResult
    export_cancelled = Signal()
    export_failed = Signal(str)

    def __init__(self, database: Database, parent: QWidget | None = None, *,
                 user: str | None = None,
                 confirm_identified: Callable[[QWidget, str], bool] = _ask,
                 choose_directory: Callable[[QWidget], str] = _choose,
                 export_function: Callable[..., Any] = export_database) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export for coordinators"))
        self._database = database
        self._user = user or getpass.getuser()
        self._confirm = confirm_identified
        self._choose = choose_directory
        self._export = export_function
        self._stop = threading.Event()
        self._thread: QThread | None = None
        self._worker: _ExportWorker | None = None

        self.profile = QComboBox()
        self.profile.addItem(
            self.tr("De-identified (no names, MRN, birth dates; dates as days)"), "deidentified")
        self.profile.addItem(self.tr("Identified (names, MRN, dates) — audited"), "identified")
        self.format = QComboBox()
        self.format.addItem(self.tr("REDCap (data dictionary, event mapping, import CSV)"),
                            "redcap")
        self.format.addItem(self.tr("Wide (one row per visit, with codebook)"), "wide")
        self.format.addItem(self.tr("CDISC ODM 1.3.2 (clinical data XML, with the REDCap "
                                    "project XML)"), "odm")
        self.bom = QCheckBox(self.tr("Byte-order mark for Excel"))
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Folder for the files"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.folder)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Profile"), self.profile)
        form.addRow(self.tr("Format"), self.format)
        form.addRow("", self.bom)
        form.addRow(self.tr("Folder"), row)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start_export)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def _browse(self) -> None:
        chosen = self._choose(self)
        if chosen:
            self.folder.setText(chosen)

    def start_export(self) -> bool:
        """Start the export (returns False if it did not start: no folder, not confirmed)."""
        if self.running:
            return False
        folder = self.folder.text().strip()
        if not folder:
            self.status.setText(self.tr("Choose a folder for the export files first."))
            return False
        profile = self.profile.currentData()
        if profile == "identified" and not self._confirm(self, self.tr(IDENTIFIED_WARNING)):
            self.status.setText(self.tr("Identified export not confirmed; nothing was exported."))
            return False
        self._stop.clear()
        kwargs = {"database": self._database, "out_dir": Path(folder), "profile": profile,
                  "fmt": self.format.currentData(), "bom": self.bom.isChecked(),
                  "user": self._user, "workers": default_workers(self._database)}
        self._thread = QThread(self)
        self._worker = _ExportWorker(lambda **kw: self._export(kw.pop("database"),
                                                               kw.pop("out_dir"), **kw),
                                     kwargs, self._stop)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.work)
        self._worker.progressed.connect(self._on_progress)
        self._worker.succeeded.connect(self._on_success)
        self._worker.cancelled.connect(self._on_cancelled)
        self._worker.failed.connect(self._on_failed)
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy until the first count arrives
        self.status.setText(self.tr("Exporting…"))
        self._thread.start()
        return True

    def cancel(self) -> None:
        if self.running:
            self._stop.set()
            self.status.setText(self.tr("Cancelling…"))
        else:
            self.reject()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(self.tr("Exported %1 of %n patient(s)…", "", total)
                            .replace("%1", str(done)))

    def _finish(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        self._thread = None
        self._worker = None
        self.export_button.setEnabled(True)

    @Slot(object)
    def _on_success(self, result: Any) -> None:
        self._finish()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(self.tr("Exported %n patient(s) to %1; see manifest.json for "
                                    "checksums.", "", result.records)
                            .replace("%1", str(result.directory)))
        self.export_finished.emit(result)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("Export cancelled; no files were kept."))
        self.export_cancelled.emit()

    @Slot(object)
    def _on_failed(self, error: Exception) -> None:
        # refused for the role (an identified export): the refusal in the interface's words
        message = (access_words(error) if isinstance(error, AccessRefused)
                   else str(error) or error.__class__.__name__)
        self._finish()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(self.tr("The export failed: %1").replace("%1", message))
        self.export_failed.emit(message)

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt API
        if self.running:
            self._stop.set()
            if self._thread is not None:
                self._thread.quit()
                self._thread.wait(5000)
        super().closeEvent(event)
