"""Tools → Treatment plans: the plans this installation offers, where each comes from
(shipped or the site's folder, with the file's SHA-256), and every protocol file that was
refused with the reasons, so a site author sees the problem without the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.domain.protocol import ProtocolCatalog
from app.forms.widgets import HINT_STYLE, fit_on_screen

HASH_SHOWN = 12  # hex digits shown; the whole hash is in the cell's tooltip


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setWordWrap(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    # The last column takes the rest of the width and wraps (a reason can be long).
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.Stretch)
    return table


def _item(text: str, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setToolTip(tip or text)
    return item


class TreatmentPlansDialog(QDialog):
    PLAN_HEADERS = ["Plan", "Version", "Title", "From", "Status", "File SHA-256", "File"]
    REJECTED_HEADERS = ["File", "Where in the file", "Why it was refused"]

    def __init__(self, catalog: ProtocolCatalog, site_folder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Treatment plans")
        fit_on_screen(self, 1100, 560)
        layout = QVBoxLayout(self)

        count = len(catalog.protocols)
        self.plans_heading = QLabel(f"<b>Plans offered ({count})</b>")
        layout.addWidget(self.plans_heading)
        self.plans = _table(self.PLAN_HEADERS, "Plans offered")
        for plan in catalog.protocols.values():
            origin = "site plan" if plan.site_plan else "shipped"
            status = plan.status.value + (" — verify before use" if plan.provisional else "")
            self._add_row(self.plans, [
                _item(plan.id), _item(plan.version), _item(plan.title),
                _item(origin), _item(status),
                _item(plan.content_hash[:HASH_SHOWN], plan.content_hash),
                _item(Path(plan.path).name, plan.path),
            ])
        layout.addWidget(self.plans, 2)

        refused = catalog.rejected
        self.rejected_heading = QLabel(
            f"<b>Protocol files refused ({len(refused)})</b>" if refused
            else "<b>Protocol files refused: none</b>")
        layout.addWidget(self.rejected_heading)
        self.rejected = _table(self.REJECTED_HEADERS, "Protocol files refused")
        for error in refused:
            for problem in error.problems:
                self._add_row(self.rejected, [
                    _item(Path(error.file).name, error.file),
                    _item(problem.key or "(whole file)"), _item(problem.reason),
                ])
        self.rejected.setVisible(bool(refused))
        layout.addWidget(self.rejected, 3)

        where = f" ({site_folder})" if site_folder else ""
        self.hint = QLabel(
            "A refused file is not offered; the plans above are used as listed. A site "
            f"plan is a file in the site's protocol folder{where}. It may not reuse a "
            "shipped plan's id and version; replacing a shipped plan needs a new version.")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.hint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        layout.addWidget(self.hint)

        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _add_row(table: QTableWidget, items: list[QTableWidgetItem]) -> None:
        row = table.rowCount()
        table.insertRow(row)
        for column, item in enumerate(items):
            table.setItem(row, column, item)
        table.resizeRowToContents(row)

    def rows(self, table: QTableWidget) -> list[list[str]]:
        """The cells' text, row by row (for tests and accessibility checks)."""
        return [[table.item(r, c).text() for c in range(table.columnCount())]
                for r in range(table.rowCount())]
