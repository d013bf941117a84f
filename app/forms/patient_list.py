"""The main window's patient list: a search box that filters after a short pause, a line
when nothing matches, and the table sorted by study id. Type a name, then Down to move
into the list or Enter to open the patient; double-click or Enter in the list opens it too.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.patient_list import PatientRow
from app.forms.patient_table_model import PatientSearchProxy, PatientTableModel
from app.forms.widgets import HINT_STYLE, set_column_widths

# Lets a fast typist finish a word before the 10,000-row filter runs.
SEARCH_DELAY_MS = 120


class PatientList(QWidget):
    """The search box, the no-match line and the table of every patient."""

    # The patient selected is to be opened (its page: plan, doses, due dates).
    open_requested = Signal()
    # The search typed has been applied: the rows shown changed.
    search_applied = Signal()

    def __init__(self, today: date, arm_label: Callable[[str | None, str | None], str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PatientTableModel(today=today, parent=self, arm_label=arm_label)
        self.proxy = PatientSearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        # Type a name, then Down to move into the list or Enter to open the patient.
        self.search.installEventFilter(self)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PatientTableModel.STUDY_ID, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights and no per-row content sizing keep 10,000 rows fast to show.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        # The arm column fits "Bras B — Mycophénolate mofétil" at 1366 px (was 80 px).
        set_column_widths(self.table, ((0, 140), (1, 220), (2, 240), (3, 280)))
        # Double-click or Enter opens the patient page (plan, doses, due dates); editing the
        # identity stays on Ctrl+E and on the page itself.
        self.table.doubleClicked.connect(lambda _index: self.open_requested.emit())
        open_page = QAction(self.table)
        open_page.setShortcuts([QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)])
        open_page.setShortcutContext(Qt.WidgetShortcut)
        open_page.triggered.connect(self.open_requested)
        self.table.addAction(open_page)

        self.no_match = QLabel()
        self.no_match.setObjectName("no_match")
        self.no_match.setStyleSheet(HINT_STYLE + " font-size: 12pt; padding: 6px;")
        self.no_match.hide()
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addWidget(self.table)

    def name_things(self) -> None:
        """The list's words (in the main window's translation context)."""
        self.search.setPlaceholderText(QCoreApplication.translate(
            "MainWindow", "Search by study id, name, protocol or arm  (Ctrl+F)"))
        self.search.setAccessibleName(QCoreApplication.translate("MainWindow", "Search patients"))
        self.table.setAccessibleName(QCoreApplication.translate("MainWindow", "Patients"))
        self.no_match.setAccessibleName(QCoreApplication.translate("MainWindow", "Search result"))

    def apply_search(self) -> None:
        self.proxy.set_search_text(self.search.text())
        self.search_applied.emit()

    def selected_row(self) -> PatientRow | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row())

    def select_study_id(self, study_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).study_id == study_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if watched is self.table and event.type() == QEvent.FocusIn:
            # The row framed when the keyboard arrives is the one acted on: Tab framed
            # the first row without selecting it, and Enter said "Select a patient first."
            if self.proxy.rowCount() and not self.table.selectionModel().selectedRows():
                current = self.table.currentIndex()
                self.table.selectRow(current.row() if current.isValid() else 0)
        if watched is self.search and event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter):
                if self._search_timer.isActive():  # apply what was typed before acting
                    self._search_timer.stop()
                    self.apply_search()
                if self.proxy.rowCount() == 0:
                    return False
                if not self.table.selectionModel().selectedRows():
                    self.table.selectRow(0)
                if event.key() == Qt.Key_Down:
                    self.table.setFocus()
                else:
                    self.open_requested.emit()
                return True
        return super().eventFilter(watched, event)
