"""Adverse events since the last visit: description, onset date, seriousness, relation
to the CTP drug, action taken (stored in the adverse_event table)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
)

from app.db.visits import AdverseEventData
from app.domain.visit_form import validate_iso_date
from app.forms.visit_sections import Section, SectionState, note_label

RELATIONS = ("unrelated", "unlikely", "possible", "probable", "definite")
COLUMNS = ("Description", "Onset (YYYY-MM-DD)", "Serious?", "Relation to CTP drug", "Action taken")


class AdverseEventsSection(Section):
    key = "adverse_events"
    title = "Adverse events since the last visit"

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[int | None] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels(COLUMNS)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((300, 130, 80, 150)):
            self.table.setColumnWidth(col, width)
        self.table.verticalHeader().hide()
        self.table.setMinimumHeight(220)
        self.table.itemChanged.connect(lambda _i: self._on_changed())
        self.outer.addWidget(self.table)
        buttons = QHBoxLayout()
        add = QPushButton("Add adverse event")
        add.clicked.connect(lambda: self.add_event(AdverseEventData(None, "")))
        remove = QPushButton("Remove selected")
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

    def add_event(self, event: AdverseEventData) -> None:
        self.table.blockSignals(True)
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.ids.append(event.id)
        self.table.setItem(row, 0, QTableWidgetItem(event.description))
        self.table.setItem(
            row, 1, QTableWidgetItem(event.onset_date.isoformat() if event.onset_date else "")
        )
        serious = QComboBox()
        serious.addItems(["No", "Yes"])
        serious.setCurrentIndex(1 if event.serious else 0)
        serious.currentIndexChanged.connect(lambda _i: self._on_changed())
        self.table.setCellWidget(row, 2, serious)
        relation = QComboBox()
        relation.addItem("")
        relation.addItems(RELATIONS)
        relation.setCurrentText(event.relation or "")
        relation.currentIndexChanged.connect(lambda _i: self._on_changed())
        self.table.setCellWidget(row, 3, relation)
        self.table.setItem(row, 4, QTableWidgetItem(event.action_taken or ""))
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

    def events(self) -> list[AdverseEventData]:
        out = []
        for r in range(self.table.rowCount()):
            description = self._text(r, 0)
            onset_text = self._text(r, 1)
            if not description and not onset_text and not self._text(r, 4):
                continue
            try:
                onset = date.fromisoformat(onset_text) if onset_text else None
            except ValueError:
                onset = None
            serious = self.table.cellWidget(r, 2).currentIndex() == 1  # type: ignore[union-attr]
            relation = self.table.cellWidget(r, 3).currentText() or None  # type: ignore[union-attr]
            out.append(
                AdverseEventData(
                    self.ids[r],
                    description,
                    onset,
                    None,
                    serious,
                    relation,
                    self._text(r, 4) or None,
                )
            )
        return out

    def raw_rows(self) -> list[list]:
        return [
            [
                self.ids[r],
                self._text(r, 0),
                self._text(r, 1),
                self.table.cellWidget(r, 2).currentIndex() == 1,  # type: ignore[union-attr]
                self.table.cellWidget(r, 3).currentText(),  # type: ignore[union-attr]
                self._text(r, 4),
            ]
            for r in range(self.table.rowCount())
        ]

    def errors(self) -> dict[str, str]:
        out = {}
        for r in range(self.table.rowCount()):
            description, onset = self._text(r, 0), self._text(r, 1)
            if not (description or onset or self._text(r, 4)):
                continue
            if not description:
                out[f"ae:{r}:description"] = f"Adverse event {r + 1}: describe the event."
            message = validate_iso_date(onset, f"Adverse event {r + 1}: the onset date")
            if message:
                out[f"ae:{r}:onset"] = message
            elif onset and date.fromisoformat(onset) > date.today():
                out[f"ae:{r}:onset"] = (
                    f"Adverse event {r + 1}: the onset date {onset} is in the future."
                )
        return out

    def set_raw_rows(self, rows: list[list]) -> None:
        """Restore rows exactly as typed (from a draft), even an unfinished date."""
        self.set_events([])
        for event_id, description, onset, serious, relation, action in rows:
            self.add_event(
                AdverseEventData(
                    event_id,
                    description,
                    None,
                    None,
                    bool(serious),
                    relation or None,
                    action or None,
                )
            )
            self.table.item(self.table.rowCount() - 1, 1).setText(onset or "")

    def set_events(self, events) -> None:
        self.table.setRowCount(0)
        self.ids = []
        for e in events:
            self.add_event(e)

    def refresh(self) -> None:
        errors = self.errors()
        self.messages.setText(" ".join(errors.values()))
        self.messages.setVisible(bool(errors))
        events = self.events()
        serious = sum(1 for e in events if e.serious)
        self.score.setText(
            f"{len(events)} adverse event{'s' if len(events) != 1 else ''} "
            f"recorded"
            + (f", {serious} serious" if serious else "")
            + ". No row means none reported."
        )

    def state(self) -> SectionState:
        n = len(self.events())
        return SectionState(str(n), True, len(self.errors()))
