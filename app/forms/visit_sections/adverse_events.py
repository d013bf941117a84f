"""Adverse events since the last visit: description, category, onset date, resolved date
(empty = ongoing), seriousness, severity, relation to the CTP drug, outcome, action taken
(stored in the adverse_event table).

The two date columns are edited in the application's one date field (``DateField``, as
a table delegate): the same typing (2026-03-09, 20260309 or the locale's short form) and
the same checks, made by the domain (``adverse_event_date_problems``: not in the future,
resolved not before onset nor before the enrollment). An event stored before the coding
opens with its category blank and "category not recorded" at that cell."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
)

from app.db.visits import AdverseEventData
from app.domain.instruments.adverse_events import (
    CATEGORIES,
    OUTCOMES,
    RELATIONS,
    SEVERITIES,
    adverse_event_code_problems,
    read_event_date,
)
from app.domain.visit_form import adverse_event_date_problems
from app.forms.terms import MESSAGE, item_words, phrases
from app.forms.visit_sections import Section, SectionState, note_label
from app.forms.widgets.date_field import DateField, locale_order

COLUMNS = (
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Description"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Category"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Onset"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Resolved (empty = ongoing)"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Serious?"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Severity"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Relation to CTP drug"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Outcome"),
    QT_TRANSLATE_NOOP("AdverseEventsSection", "Action taken"),
)
(COL_DESCRIPTION, COL_CATEGORY, COL_ONSET, COL_RESOLVED, COL_SERIOUS, COL_SEVERITY,
 COL_RELATION, COL_OUTCOME, COL_ACTION) = range(9)
# The cell a message belongs to, so the nurse sees which box to correct.
ERROR_COLUMNS = {"description": COL_DESCRIPTION, "onset": COL_ONSET, "resolved": COL_RESOLVED}
# Messages whose cell holds a list (a combo box): tinted and given the message as tooltip.
ERROR_WIDGETS = {"category": COL_CATEGORY, "serious": COL_SERIOUS, "severity": COL_SEVERITY,
                 "outcome": COL_OUTCOME}
ERROR_BACKGROUND = QColor("#fde7ea")
ERROR_STYLE = "QComboBox { background: #fde7ea; }"
# The coded lists: column -> (code, label), with a blank first entry.
CODED_COLUMNS = {COL_CATEGORY: CATEGORIES, COL_SEVERITY: SEVERITIES, COL_OUTCOME: OUTCOMES}


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


class DateDelegate(QStyledItemDelegate):
    """Edits a date cell in the application's date field; the cell keeps the ISO date
    when the text is a date, otherwise the text exactly as typed (refused, never lost)."""

    def __init__(self, parent, today: date | None) -> None:
        super().__init__(parent)
        self.today = today

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt naming
        editor = DateField(parent, today=self.today)
        editor.words.hide()  # the cell is narrow; the messages are at the cell's tooltip
        editor.calendar_button.hide()
        editor.setAutoFillBackground(True)
        return editor

    def setEditorData(self, editor, index) -> None:  # noqa: N802 - Qt naming
        editor.set_iso(index.data() or "")

    def setModelData(self, editor, model, index) -> None:  # noqa: N802 - Qt naming
        model.setData(index, editor.iso() or editor.text().strip())

    def updateEditorGeometry(self, editor, option, index) -> None:  # noqa: N802
        editor.setGeometry(option.rect)


class AdverseEventsSection(Section):
    key = "adverse_events"
    title = QT_TRANSLATE_NOOP("AdverseEventsSection", "Adverse events since the last visit")

    def __init__(self, today: date | None = None, enrolled_on: date | None = None) -> None:
        super().__init__()
        # The form's "today" (injectable in tests); None means the real date at each check.
        self.today = today
        # The enrollment date: a resolved date may not be before it (set by the form).
        self.enrolled_on = enrolled_on
        self.order = locale_order(QLocale.system())
        self.ids: list[int | None] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.column(c) for c in range(len(COLUMNS))])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((220, 190, 120, 150, 70, 150, 130, 170)):
            # never narrower than its title (the French ones are longer)
            self.table.setColumnWidth(col, max(width, header.sectionSizeHint(col)))
        self.dates = DateDelegate(self.table, today)
        self.table.setItemDelegateForColumn(COL_ONSET, self.dates)
        self.table.setItemDelegateForColumn(COL_RESOLVED, self.dates)
        self.table.horizontalHeaderItem(COL_RESOLVED).setToolTip(self.tr(
            "The date the event ended, written YYYY-MM-DD. Leave it empty while the event "
            "is still going on."
        ))
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(220)
        self.table.itemChanged.connect(lambda _i: self._on_changed())
        self.outer.addWidget(self.table)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add adverse event"))
        add.clicked.connect(lambda: self.add_event(AdverseEventData(None, "")))
        remove = QPushButton(self.tr("Remove selected"))
        remove.clicked.connect(self._remove)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.outer.addLayout(buttons)
        self.messages = note_label()
        self.messages.setTextFormat(Qt.PlainText)
        self.messages.setStyleSheet("color: #b00020;")
        self.outer.addWidget(self.messages)
        self.outer.addStretch(1)
        self.refresh()

    @staticmethod
    def column(col: int) -> str:
        """A column's title in the interface's language."""
        return QCoreApplication.translate("AdverseEventsSection", COLUMNS[col])

    def add_event(self, event: AdverseEventData) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.ids.append(event.id)
        self.table.setItem(row, COL_DESCRIPTION, QTableWidgetItem(event.description))
        self.table.setItem(row, COL_ONSET, QTableWidgetItem(_iso(event.onset_date)))
        self.table.setItem(row, COL_RESOLVED, QTableWidgetItem(_iso(event.resolved_date)))
        for col, current in ((COL_CATEGORY, event.category), (COL_SEVERITY, event.severity),
                             (COL_OUTCOME, event.outcome)):
            box = QComboBox()
            box.setAccessibleName(self.column(col))
            box.addItem("", None)
            for code, label in CODED_COLUMNS[col]:
                box.addItem(item_words(label), code)
            index = box.findData(current) if current else 0
            if current and index < 0:  # a code this version does not list: kept, refused
                box.addItem(current, current)
                index = box.count() - 1
            box.setCurrentIndex(index)
            box.currentIndexChanged.connect(lambda _i: self._on_changed())
            self.table.setCellWidget(row, col, box)
        serious = QComboBox()
        serious.addItems([item_words("No"), item_words("Yes")])
        serious.setCurrentIndex(1 if event.serious else 0)
        serious.currentIndexChanged.connect(lambda _i: self._on_changed())
        self.table.setCellWidget(row, COL_SERIOUS, serious)
        relation = QComboBox()
        relation.addItem("", "")
        for code, label in RELATIONS:
            relation.addItem(item_words(label), code)
        found = relation.findData(event.relation) if event.relation else 0
        if event.relation and found < 0:  # a relation this version does not list: kept
            relation.addItem(event.relation, event.relation)
            found = relation.count() - 1
        relation.setCurrentIndex(found)
        relation.currentIndexChanged.connect(lambda _i: self._on_changed())
        self.table.setCellWidget(row, COL_RELATION, relation)
        self.table.setItem(row, COL_ACTION, QTableWidgetItem(event.action_taken or ""))
        self.table.blockSignals(False)
        self._on_changed()

    def _remove(self) -> None:
        for r in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(r)
            del self.ids[r]
        self._on_changed()

    def _text(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text().strip() if item else ""

    def _serious(self, row: int) -> bool:
        return self.table.cellWidget(row, COL_SERIOUS).currentIndex() == 1  # type: ignore[union-attr]

    def _relation(self, row: int) -> str:
        return self.table.cellWidget(row, COL_RELATION).currentData() or ""  # type: ignore[union-attr]

    def _code(self, row: int, col: int) -> str | None:
        return self.table.cellWidget(row, col).currentData()  # type: ignore[union-attr]

    def set_code(self, row: int, col: int, code: str | None) -> None:
        box = self.table.cellWidget(row, col)
        box.setCurrentIndex(box.findData(code) if code else 0)  # type: ignore[union-attr]

    def _date(self, row: int, col: int) -> date | None:
        return read_event_date(self._text(row, col), self.order, self.today)

    def _is_blank_row(self, row: int) -> bool:
        # The combo boxes always hold an answer, so only typed cells make a row count.
        return not any(
            self._text(row, c) for c in (COL_DESCRIPTION, COL_ONSET, COL_RESOLVED, COL_ACTION)
        )

    def events(self) -> list[AdverseEventData]:
        out = []
        for r in range(self.table.rowCount()):
            if self._is_blank_row(r):
                continue
            out.append(
                AdverseEventData(
                    self.ids[r],
                    self._text(r, COL_DESCRIPTION),
                    self._date(r, COL_ONSET),
                    self._date(r, COL_RESOLVED),
                    self._serious(r),
                    self._relation(r) or None,
                    self._text(r, COL_ACTION) or None,
                    self._code(r, COL_CATEGORY),
                    self._code(r, COL_SEVERITY),
                    self._code(r, COL_OUTCOME),
                )
            )
        return out

    def raw_rows(self) -> list[list]:
        """Rows exactly as typed, for the draft. The resolved date is the seventh value so
        a row saved by an earlier version (6 values, no resolved date) reads the same; the
        coding follows it (category, severity, outcome)."""
        return [
            [
                self.ids[r],
                self._text(r, COL_DESCRIPTION),
                self._text(r, COL_ONSET),
                self._serious(r),
                self._relation(r),
                self._text(r, COL_ACTION),
                self._text(r, COL_RESOLVED),
                self._code(r, COL_CATEGORY),
                self._code(r, COL_SEVERITY),
                self._code(r, COL_OUTCOME),
            ]
            for r in range(self.table.rowCount())
        ]

    def set_raw_rows(self, rows: list[list]) -> None:
        """Restore rows exactly as typed (from a draft), even an unfinished date. Rows of
        6 values come from drafts saved before the resolved date existed: ongoing."""
        self.set_events([])
        for event_id, description, onset, serious, relation, action, *rest in rows:
            resolved = rest[0] if rest else ""
            category, severity, outcome = (list(rest[1:4]) + [None] * 3)[:3]
            self.add_event(
                AdverseEventData(
                    event_id,
                    description,
                    None,
                    None,
                    bool(serious),
                    relation or None,
                    action or None,
                    category or None,
                    severity or None,
                    outcome or None,
                )
            )
            row = self.table.rowCount() - 1
            self.table.item(row, COL_ONSET).setText(onset or "")
            self.table.item(row, COL_RESOLVED).setText(resolved or "")

    def row_errors(self, row: int) -> dict[str, str]:
        """This row's messages keyed "description", "onset", "resolved"."""
        if self._is_blank_row(row):
            return {}
        number = row + 1
        out = {}
        if not self._text(row, COL_DESCRIPTION):
            out["description"] = self.tr("Adverse event %1: describe the event.").replace(
                "%1", str(number))
        out.update(
            adverse_event_date_problems(
                number,
                self._text(row, COL_ONSET),
                self._text(row, COL_RESOLVED),
                self.today or date.today(),
                enrolled_on=self.enrolled_on,
                order=self.order,
            )
        )
        out.update(
            adverse_event_code_problems(
                number,
                self._code(row, COL_CATEGORY),
                self._serious(row),
                self._code(row, COL_SEVERITY),
                self._code(row, COL_OUTCOME),
                self._date(row, COL_RESOLVED) is not None,
            )
        )
        return {name: phrases(MESSAGE, message) for name, message in out.items()}

    def errors(self) -> dict[str, str]:
        return {
            f"ae:{r}:{name}": message
            for r in range(self.table.rowCount())
            for name, message in self.row_errors(r).items()
        }

    def set_events(self, events) -> None:
        self.table.setRowCount(0)
        self.ids = []
        for e in events:
            self.add_event(e)

    def _mark_cells(self) -> None:
        """Tint each cell that has a problem and put its message in the cell's tooltip:
        the message is then at the field, not only in the list under the table."""
        self.table.blockSignals(True)  # a tint is an item change: it must not loop back
        try:
            for r in range(self.table.rowCount()):
                problems = self.row_errors(r)
                for name, col in ERROR_COLUMNS.items():
                    item = self.table.item(r, col)
                    if item is None:
                        continue
                    message = problems.get(name, "")
                    item.setBackground(QBrush(ERROR_BACKGROUND) if message else QBrush())
                    item.setToolTip(message)
                for name, col in ERROR_WIDGETS.items():
                    box = self.table.cellWidget(r, col)
                    if box is None:
                        continue
                    message = problems.get(name, "")
                    box.setStyleSheet(ERROR_STYLE if message else "")
                    box.setToolTip(message)
        finally:
            self.table.blockSignals(False)

    def refresh(self) -> None:
        errors = self.errors()
        self.messages.setText(" ".join(errors.values()))
        self.messages.setVisible(bool(errors))
        self._mark_cells()
        events = self.events()
        serious = sum(1 for e in events if e.serious)
        ongoing = sum(1 for e in events if e.resolved_date is None)
        self.score.setText(
            self.tr("%n adverse event(s) recorded", "", len(events))
            + (self.tr(", %n serious", "", serious) if serious else "")
            + (self.tr(", %n ongoing", "", ongoing) if ongoing else "")
            + self.tr(". No row means none reported; an empty resolved date means ongoing.")
        )

    def state(self) -> SectionState:
        n = len(self.events())
        return SectionState(str(n), True, len(self.errors()))
