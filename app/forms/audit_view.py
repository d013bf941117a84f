"""The audit view: who changed what, when and why, filterable and printable to PDF.

``AuditView`` shows ``AuditRow``s from an injected loader (normally
``audit_view_for(database, ...)``, which runs ``query_audit`` in one session); a fixed
scope (a patient or a visit) comes from ``AuditFilter`` and the bar narrows it by user,
record type, dates and text. "Print to PDF…" writes the rows on screen with reportlab
(landscape A4, the filter and the print time in the heading).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import audit, audit_queries
from app.db.access import authorise
from app.db.audit_queries import AuditFilter, AuditRow
from app.db.engine import Database
from app.db.types import utcnow
from app.domain.permissions import Actor, Permission
from app.forms.file_choosers import choose_file_to_save
from app.forms.language import format_date
from app.reports.audit_pdf import write_audit_pdf
from app.reports.pdf_common import audit_head_text

_Index = QModelIndex | QPersistentModelIndex
Loader = Callable[[AuditFilter], list[AuditRow]]
# The default title: English on the printed PDF, translated on screen.
AUDIT_TRAIL = QT_TRANSLATE_NOOP("AuditView", "Audit trail")


def _when(row: AuditRow) -> str:
    return row.occurred_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


class AuditTableModel(QAbstractTableModel):
    WHEN, USER, ACTION, ENTITY, RECORD, FIELD, OLD, NEW, REASON = range(9)
    # English in the printed PDF (printed documents stay English); translated on screen.
    HEADERS = (QT_TRANSLATE_NOOP("AuditTableModel", "When (local time)"),
               QT_TRANSLATE_NOOP("AuditTableModel", "User"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Action"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Record type"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Record"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Field"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Old value"),
               QT_TRANSLATE_NOOP("AuditTableModel", "New value"),
               QT_TRANSLATE_NOOP("AuditTableModel", "Reason"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[AuditRow] = []

    def set_rows(self, rows: Sequence[AuditRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[AuditRow]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.WHEN:
            return self.tr("Audit entry %1; UTC %2").replace("%1", str(row.id)).replace(
                "%2", row.occurred_at.isoformat())
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return cells(row)[index.column()]


def _blank() -> str:
    """No value (a field emptied or first set), in the interface's language."""
    return QCoreApplication.translate("AuditTableModel", "(blank)")


def cells(row: AuditRow) -> tuple[str, ...]:
    """The printed/displayed text of one row, in column order."""
    return (
        _when(row), row.user_name, row.action, row.entity, row.entity_id or "",
        row.field or "", _blank() if row.old_value is None else row.old_value,
        _blank() if row.new_value is None else row.new_value, row.reason or "",
    )


class AuditView(QWidget):
    def __init__(self, load: Loader, scope: AuditFilter | None = None, *,
                 title: str = AUDIT_TRAIL, users: Sequence[str] = (),
                 entities: Sequence[str] = (), today: date | None = None,
                 parent: QWidget | None = None,
                 head: Callable[[], str] | None = None) -> None:
        super().__init__(parent)
        self._load = load
        self._head = head  # the chain's head, printed on every page of the PDF
        self.scope = scope or AuditFilter()
        self.title = title
        self.setWindowTitle(self.tr(title))
        today = today or date.today()
        self.user = QComboBox()
        self.user.addItem(self.tr("Any user"), "")
        for name in users:
            self.user.addItem(name, name)
        self.entity = QComboBox()
        self.entity.addItem(self.tr("Any record type"), "")
        for name in entities:
            self.entity.addItem(name, name)
        self.use_dates = QCheckBox(self.tr("&Dates"))
        self.date_from = QDateEdit(QDate(today.year, today.month, 1))
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.date_from, self.date_to):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Text in field, values or reason"))
        self.apply_button = QPushButton(self.tr("&Filter"))
        self.print_button = QPushButton(self.tr("&Print to PDF…"))
        self.apply_button.clicked.connect(self.refresh)
        self.text.returnPressed.connect(self.refresh)
        self.print_button.clicked.connect(self.print_pdf)
        bar = QHBoxLayout()
        for widget in (self.user, self.entity, self.use_dates, self.date_from,
                       QLabel(self.tr("to")), self.date_to, self.text, self.apply_button,
                       self.print_button):
            bar.addWidget(widget)
        self.model = AuditTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.status = QLabel()
        layout = QVBoxLayout(self)
        heading = QLabel(f"<b>{self.tr(title)}</b> — {self.scope_words(self.scope)}")
        layout.addWidget(heading)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.status)
        self.refresh()

    def scope_words(self, criteria: AuditFilter) -> str:
        """AuditFilter.describe() in the interface's language (the printed trail's too)."""
        parts = []
        for value, text in ((criteria.patient_id, self.tr("patient record %1")),
                            (criteria.visit_id, self.tr("visit record %1")),
                            (criteria.user_name, self.tr("user %1")),
                            (criteria.entity and " ".join(
                                str(v) for v in (criteria.entity, criteria.entity_id) if v),
                             self.tr("record type %1")),
                            (criteria.action, self.tr("action %1")),
                            (criteria.date_from and format_date(criteria.date_from),
                             self.tr("from %1")),
                            (criteria.date_to and format_date(criteria.date_to),
                             self.tr("to %1")),
                            (criteria.text and f"« {criteria.text} »", self.tr("containing %1"))):
            if value is not None and value != "":
                parts.append(text.replace("%1", str(value)))
        return ", ".join(parts) if parts else self.tr("all entries")

    def current_filter(self) -> AuditFilter:
        changes: dict[str, Any] = {
            "user_name": self.user.currentData() or self.scope.user_name,
            "entity": self.entity.currentData() or self.scope.entity,
            "text": self.text.text().strip() or None,
        }
        if self.use_dates.isChecked():
            changes["date_from"] = self.date_from.date().toPython()
            changes["date_to"] = self.date_to.date().toPython()
        return dataclasses.replace(self.scope, **changes)

    def refresh(self) -> None:
        criteria = self.current_filter()
        rows = self._load(criteria)
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.status.setText(self.tr("%n entries (%1).", "", len(rows))
                            .replace("%1", self.scope_words(criteria)))

    def ask_pdf_path(self) -> str | None:
        path = choose_file_to_save(self, self.tr("Print audit trail to PDF"), "audit-trail.pdf",
                                   self.tr("PDF files (*.pdf)"))
        return path or None

    def print_pdf(self) -> Path | None:
        path = self.ask_pdf_path()
        if not path:
            return None
        from app.forms.print_words import print_words

        # In the interface's language, as on screen (English: the filter as the domain
        # describes it, dates in ISO); the entries' values as recorded.
        words = print_words()
        criteria = self.current_filter()
        written = write_audit_pdf([QCoreApplication.translate("AuditTableModel", header)
                                   for header in AuditTableModel.HEADERS],
                                  [cells(row) for row in self.model.rows()], path,
                                  printed=utcnow().astimezone(), title=self.tr(self.title),
                                  scope=criteria.describe() if words.language == "en"
                                  else self.scope_words(criteria),
                                  audit_head=self._head() if self._head else "",
                                  words=words)
        self.status.setText(self.tr("Printed %n entries to %1.", "", self.model.rowCount())
                            .replace("%1", str(written)))
        return written


def audit_view_for(database: Database, actor: Actor, scope: AuditFilter | None = None,
                   title: str = AUDIT_TRAIL, parent: QWidget | None = None) -> AuditView:
    """The view wired to the database; needs the view_audit permission."""
    authorise(database, Permission.VIEW_AUDIT, actor)

    def load(criteria: AuditFilter) -> list[AuditRow]:
        with database.reading() as session:
            return audit_queries.query_audit(session, criteria)

    with database.reading() as session:
        user_names = audit_queries.distinct_users(session)
        entities = audit_queries.distinct_entities(session)
    def head() -> str:
        with database.reading() as session:
            return audit_head_text(*(audit.head(session) or (None, None)))

    return AuditView(load, scope, title=title, users=user_names, entities=entities,
                     parent=parent, head=head)
