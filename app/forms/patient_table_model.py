"""Qt table model over plain patient rows, and the search filter for the patient list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.db.patients import PatientRow
from app.domain.search_text import fold, search_words
from app.forms.language import format_date

_Index = QModelIndex | QPersistentModelIndex


class PatientTableModel(QAbstractTableModel):
    STUDY_ID, NAME, PROTOCOL, ARM, NEXT_VISIT_DUE = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("PatientTableModel", "Study id"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Name"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Protocol"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Arm"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Next visit due"))

    def __init__(self, today: date | None = None, parent=None,
                 arm_label: Callable[[str | None, str | None], str] | None = None) -> None:
        super().__init__(parent)
        # (protocol id, arm id) → what the list shows ("Arm A — IVIG", "TNF-α inhibitor").
        self._arm_label = arm_label or (lambda _protocol, arm: arm or "")
        self._rows: list[PatientRow] = []
        self._sort_column: int | None = None
        self._sort_order = Qt.AscendingOrder
        # Folded text per row (no case, no accents), built once per set_rows so filtering
        # 10,000 rows stays cheap.
        self._search_keys: list[str] = []
        self._today = today or date.today()

    def set_rows(self, rows: list[PatientRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search_keys = [
            fold(" ".join((r.study_id, r.name, r.protocol or "", r.arm or "")))
            for r in self._rows
        ]
        self.endResetModel()
        if self._sort_column is not None:  # new rows keep the order the user chose
            self.sort(self._sort_column, self._sort_order)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sort the rows themselves with a Python key: a proxy sort would call data() from
        C++ for every comparison, which takes over a second for 10,000 patients."""
        if not 0 <= column < len(self.HEADERS):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        order_of = sorted(range(len(self._rows)),
                          key=lambda i: self._sort_key(self._rows[i], column),
                          reverse=order == Qt.DescendingOrder)
        self._rows = [self._rows[i] for i in order_of]
        self._search_keys = [self._search_keys[i] for i in order_of]
        self.layoutChanged.emit()

    def _sort_key(self, row: PatientRow, column: int) -> tuple:
        if column == self.NEXT_VISIT_DUE:  # patients with nothing due sort last
            return (row.next_visit_due is None, row.next_visit_due or date.min, row.study_id)
        value = (row.study_id, row.name, row.protocol or "", row.arm or "")[column]
        return (value.casefold(), row.study_id)

    def row_at(self, row: int) -> PatientRow:
        return self._rows[row]

    def search_key(self, row: int) -> str:
        return self._search_keys[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def language_changed(self) -> None:
        """Headers and dates are worded when shown: ask the views to show them again."""
        self.headerDataChanged.emit(Qt.Horizontal, 0, len(self.HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(self.HEADERS) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return self._display(row, column)
        if role == Qt.ForegroundRole and column == self.NEXT_VISIT_DUE:
            if row.next_visit_due and row.next_visit_due < self._today:
                return QBrush(QColor("#b00020"))
        if role == Qt.ToolTipRole and column == self.NEXT_VISIT_DUE:
            if row.next_visit_due and row.next_visit_due < self._today:
                return self.tr("Overdue")
        return None

    def _display(self, row: PatientRow, column: int) -> str:
        if column == self.STUDY_ID:
            return row.study_id
        if column == self.NAME:
            return row.name
        if column == self.PROTOCOL:
            return row.protocol or "—"
        if column == self.ARM:
            return self._arm_label(row.protocol, row.arm) if row.arm else "—"
        if column == self.NEXT_VISIT_DUE:
            if row.next_visit_due is None:
                return "—"
            overdue = self.tr(" (overdue)") if row.next_visit_due < self._today else ""
            return format_date(row.next_visit_due) + overdue
        return ""


class PatientSearchProxy(QSortFilterProxyModel):
    """Matches every word typed against study id, name, protocol and arm, ignoring case
    and accents ("nguyen" finds Nguyễn)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        # The source model sorts itself (fast); the proxy only filters, in source order.
        self.sourceModel().sort(column, order)

    def set_search_text(self, text: str) -> None:
        if hasattr(self, "endFilterChange"):  # Qt ≥ 6.10 replaces invalidateRowsFilter()
            self.beginFilterChange()
            self._words = search_words(text)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = search_words(text)
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _Index) -> bool:
        if not self._words:
            return True
        key = self.sourceModel().search_key(source_row)
        return all(word in key for word in self._words)
