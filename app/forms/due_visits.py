"""Visits due this week and overdue, across all patients (one query)."""

from __future__ import annotations

import threading
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from app.db.due_visits import due_visits
from app.db.engine import Database
from app.forms.language import format_date
from app.forms.visit_timeline import VisitTableModel
from app.forms.widgets import fit_on_screen, open_on_enter, set_column_widths


class DueVisitsDialog(QDialog):
    """Embed from the main window's menu; ``open_visit(visit_id)`` on double-click."""

    open_visit = Signal(int)
    _loaded = Signal(object)  # rows read on the worker thread

    def __init__(
        self, database: Database, today: date | None = None, days_ahead: int = 7, parent=None,
        background: bool = False,
    ) -> None:
        super().__init__(parent)
        # background: the query runs on a worker thread and the list fills when it is done
        # (thousands of rows at 10,000 patients); the window opens and answers at once.
        self._background = background
        self._loader: threading.Thread | None = None
        self._loaded.connect(self._show_rows)
        self.database = database
        self.today = today or date.today()
        self.days_ahead = days_ahead
        self.setWindowTitle(self.tr("Visits due this week and overdue"))
        fit_on_screen(self, 900, 520)
        self.model = VisitTableModel(show_study_id=True, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setAccessibleName(self.tr("Due visits"))
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.moveSection(VisitTableModel.STUDY_ID, 0)
        header.moveSection(VisitTableModel.PATIENT, 1)
        # Fixed widths: sizing columns to the contents of thousands of rows froze the
        # window for seconds; rows have one height for the same reason.
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        set_column_widths(self.view, (
            (VisitTableModel.STUDY_ID, 110), (VisitTableModel.PATIENT, 200),
            (VisitTableModel.VISIT, 110), (VisitTableModel.TARGET, 100),
            (VisitTableModel.WINDOW, 170), (VisitTableModel.VISIT_DATE, 100)))
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.doubleClicked.connect(
            lambda i: self.open_visit.emit(self.model.rows[i.row()].visit_id)
        )
        open_on_enter(self.view, self.open_selected)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("&Open visit"))
        self.open_button.setAutoDefault(False)
        self.open_button.setToolTip(self.tr("Open the selected visit (Enter on the list does "
                                            "the same)."))
        self.open_button.clicked.connect(self.open_selected)
        buttons.addWidget(self.open_button)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        close.clicked.connect(self.accept)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.refresh()

    def open_selected(self) -> None:
        index = self.view.currentIndex()
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else index.row() if index.isValid() else None
        if row is not None:
            self.open_visit.emit(self.model.rows[row].visit_id)

    def refresh(self) -> None:
        if not self._background:
            self._show_rows(self._read())
            return
        if self._loader is not None and self._loader.is_alive():
            return  # the running load reads the latest data anyway
        self.summary.setText(self.tr("Loading the visits due…"))
        self._loader = threading.Thread(target=lambda: self._loaded.emit(self._read()),
                                        name="due-visits", daemon=True)
        self._loader.start()

    def wait_until_loaded(self) -> None:
        """Until the list is filled (tests, benchmarks; the window never waits)."""
        if self._loader is not None:
            self._loader.join()
        QCoreApplication.sendPostedEvents(self)

    def _read(self) -> list:
        with self.database.reading() as session:
            return due_visits(session, self.today, self.days_ahead)

    def _show_rows(self, rows: list) -> None:
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        self.summary.setText(
            self.tr("%1 overdue, %2 due by %3.").replace("%1", str(overdue))
            .replace("%2", str(len(rows) - overdue))
            .replace("%3", format_date(self.today + timedelta(days=self.days_ahead))))
