"""The patient's visit timeline: baseline, 1, 2, 6, 12, 18 months (and unscheduled
visits) with target dates, windows and status; overdue visits highlighted.

Embed ``VisitTimelineWidget(database, patient_id)``; it emits ``open_visit(visit_id)``
on double-click / "Open", and adds unscheduled visits itself.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.db.visit_timeline import VisitRow, add_unscheduled_visit, patient_timeline
from app.domain.display_words import code_words
from app.forms.language import format_date
from app.forms.terms import VISIT_STATUS, term, visit_words
from app.forms.widgets import DateField, FieldMessage, open_on_enter

# Bound once: PySide6's short spelling (``Qt.DisplayRole``) costs ~8 µs a lookup, and a
# repaint asks ``data`` for every role of every cell shown.
_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_VISIT_ID = Qt.ItemDataRole.UserRole
_HORIZONTAL = Qt.Orientation.Horizontal

OVERDUE = QColor("#fde2e1")
DUE = QColor("#fff4d6")


def _d(value: date | None) -> str:
    return format_date(value, "")




class VisitTableModel(QAbstractTableModel):
    """Plain VisitRow records; one ``set_rows``. Shared by the timeline and due list."""

    VISIT, STUDY_ID, TARGET, WINDOW, VISIT_DATE, STATUS, PATIENT = range(7)
    HEADERS = (QT_TRANSLATE_NOOP("VisitTableModel", "Visit"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Study id"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Target date"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Window"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Visit date"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Status"),
               QT_TRANSLATE_NOOP("VisitTableModel", "Patient"))

    def __init__(self, show_study_id: bool = False, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[VisitRow] = []
        self.show_study_id = show_study_id

    def set_rows(self, rows: list[VisitRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802
        return len(self.HEADERS)

    def headerData(self, section, orientation, role=_DISPLAY):  # noqa: N802
        if orientation == _HORIZONTAL and role == _DISPLAY:
            return QCoreApplication.translate("VisitTableModel", self.HEADERS[section])
        return None

    def data(self, index, role=_DISPLAY):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == _DISPLAY:
            if col == self.VISIT:
                return visit_words(r.label) if r.label else r.visit_code
            if col == self.STUDY_ID:
                return r.study_id
            if col == self.PATIENT:
                return r.patient_name
            if col == self.TARGET:
                return _d(r.target_date)
            if col == self.WINDOW:
                if r.window_start and r.window_end:
                    start = _d(r.window_start)
                    if r.window_start.year == r.window_end.year:  # "28 May – 11 Jun 2026"
                        start = start.rsplit(" ", 1)[0]
                    return f"{start} – {_d(r.window_end)}"
                return ""
            if col == self.VISIT_DATE:
                return _d(r.visit_date)
            if col == self.STATUS:
                word = term(VISIT_STATUS, code_words(r.status))
                if r.overdue:
                    return word + " — " + QCoreApplication.translate("VisitTableModel",
                                                                     "OVERDUE")
                if r.due_soon:
                    return word + " — " + QCoreApplication.translate("VisitTableModel", "due")
                return word
        if role == _BACKGROUND:
            if r.overdue:
                return QBrush(OVERDUE)
            if r.due_soon:
                return QBrush(DUE)
        if role == _VISIT_ID:
            return r.visit_id
        return None


class UnscheduledVisitDialog(QDialog):
    """The date of an unscheduled visit: today by default, not after today."""

    def __init__(self, today: date, parent=None, earliest: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add unscheduled visit"))
        form = QFormLayout(self)
        self.date = DateField(today=today)
        self.date.setAccessibleName(self.tr("Visit date"))
        self.date.setRange(earliest, today, self.tr("the enrollment date"), self.tr("today"))
        self.date.setValue(today)
        label = QLabel(self.tr("Visit &date:"))
        label.setBuddy(self.date)
        form.addRow(label, self.date)
        self.error = FieldMessage(self.tr("Visit date"))
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> date | None:
        return self.date.value()

    def _ok(self) -> None:
        if self.value() is None:
            # The field already says why in red beside the date; an empty field does not.
            self.error.show_message(None if self.date.problem()
                                    else self.tr("Enter the visit date."))
            self.date.setFocus()
            return
        self.accept()


class VisitTimelineWidget(QWidget):
    open_visit = Signal(int)

    def __init__(
        self,
        database: Database,
        patient_id: int,
        user: str = "",
        today: date | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self.database = database
        self.patient_id = patient_id
        self.user = user
        self.today = today or date.today()
        self.model = VisitTableModel(parent=self)
        self.view = QTableView()
        self.view.setAccessibleName(self.tr("Visit timeline"))
        self.view.setModel(self.model)
        self.view.setColumnHidden(VisitTableModel.STUDY_ID, True)
        self.view.setColumnHidden(VisitTableModel.PATIENT, True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.doubleClicked.connect(
            lambda i: self.open_visit.emit(self.model.rows[i.row()].visit_id)
        )
        open_on_enter(self.view, self._open_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        self.summary = QLabel()
        buttons.addWidget(self.summary, 1)
        self.open_button = open_button = QPushButton(self.tr("Open v&isit"))
        open_button.setToolTip(self.tr("Open the selected visit (Enter on the list does the "
                                       "same)."))
        open_button.clicked.connect(self._open_selected)
        add = QPushButton(self.tr("&Add unscheduled visit…"))
        add.clicked.connect(self.ask_unscheduled)
        buttons.addWidget(open_button)
        buttons.addWidget(add)
        layout.addLayout(buttons)
        self.refresh()

    def refresh(self) -> None:
        with self.database.reading() as session:
            rows = patient_timeline(session, self.patient_id, self.today)
        self.model.set_rows(rows)
        overdue = sum(1 for r in rows if r.overdue)
        done = sum(1 for r in rows if r.status in ("complete", "signed"))
        text = self.tr("%1 of %n visit(s) complete", "", len(rows)).replace("%1", str(done))
        if overdue:
            text += (self.tr("; ") + "<b style='color:#b00020'>"
                     + self.tr("%n overdue", "", overdue) + "</b>")
        self.summary.setText(text)

    def _open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if not rows and self.view.currentIndex().isValid():
            rows = [self.view.currentIndex()]
        if rows:
            self.open_visit.emit(self.model.rows[rows[0].row()].visit_id)

    def add_unscheduled(self, visit_date: date) -> int:
        with self.database.session() as session:
            rows = patient_timeline(session, self.patient_id, self.today)
            if not rows:
                raise ValueError(self.tr("This patient has no enrollment to add a visit to."))
            visit_id = add_unscheduled_visit(
                session, rows[-1].enrollment_id, visit_date, user=self.user or "unknown"
            )
        self.refresh()
        return visit_id

    def ask_unscheduled(self) -> None:
        # The baseline visit is due on the enrollment date: no visit can come before it.
        baseline = next((r.target_date for r in self.model.rows if r.visit_code == "baseline"),
                        None)
        dialog = UnscheduledVisitDialog(self.today, self, earliest=baseline)
        if dialog.exec() and dialog.value() is not None:
            self.open_visit.emit(self.add_unscheduled(dialog.value()))  # type: ignore[arg-type]
