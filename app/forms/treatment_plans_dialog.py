"""Tools → Treatment plans: the plans this installation offers, where each comes from
(shipped or the site's folder, with the file's SHA-256), and every protocol file that was
refused with the reasons, so a site author sees the problem without the command line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
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

from app.domain.phrases import Sentence
from app.domain.protocol import ProtocolCatalog
from app.forms.language import INTERFACE
from app.forms.sentence_words import sentence_words
from app.forms.terms import DOSE_DERIVATION, PLAN_FILE, plan_text_words, term
from app.forms.widgets import HINT_STYLE, fit_on_screen

HASH_SHOWN = 12  # hex digits shown; the whole hash is in the cell's tooltip
CONTEXT = "TreatmentPlansDialog"
# app.domain.protocol.provenance.RuleStatus of a plan, in words
STATUS_WORDS = {"seed": QT_TRANSLATE_NOOP("TreatmentPlansDialog", "seed"),
                "published": QT_TRANSLATE_NOOP("TreatmentPlansDialog", "published"),
                "provisional": QT_TRANSLATE_NOOP("TreatmentPlansDialog", "provisional")}


# The context of a key's refusals for its value alone (app.domain.protocol.key_refusals)
# in terms.LISTED, beside the file's own refusals (PLAN_FILE)
PLAN_FILE_KEY = "Plan file key"


def _words(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def refusal_words(reason: str) -> str:
    """Why a plan file is refused, in the interface's language: a Sentence template by
    template (PLAN_FILE, PLAN_FILE_KEY); a reason not yet a Sentence whole, as PLAN_FILE
    lists it, else as the loader wrote it (never matched piece by piece: every listed
    template is a Sentence's)."""
    if not isinstance(reason, Sentence):
        return term(PLAN_FILE, reason)
    if INTERFACE.language == "en":
        return reason
    # A dose band's bounds ("≥ 10 kg and < 15 kg") are the dose derivation's words.
    return sentence_words(reason, (PLAN_FILE, PLAN_FILE_KEY, DOSE_DERIVATION))


def _table(headers: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels([_words(h) for h in headers])
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
    PLAN_HEADERS = [QT_TRANSLATE_NOOP("TreatmentPlansDialog", "Plan"),
                    QT_TRANSLATE_NOOP("TreatmentPlansDialog", "Version"),
                    QT_TRANSLATE_NOOP("TreatmentPlansDialog", "Title"),
                    QT_TRANSLATE_NOOP("TreatmentPlansDialog", "From"),
                    QT_TRANSLATE_NOOP("TreatmentPlansDialog", "Status"),
                    QT_TRANSLATE_NOOP("TreatmentPlansDialog", "File SHA-256"),
                    QT_TRANSLATE_NOOP("TreatmentPlansDialog", "File")]
    REJECTED_HEADERS = [QT_TRANSLATE_NOOP("TreatmentPlansDialog", "File"),
                        QT_TRANSLATE_NOOP("TreatmentPlansDialog", "Where in the file"),
                        QT_TRANSLATE_NOOP("TreatmentPlansDialog", "Why it was refused")]

    def __init__(self, catalog: ProtocolCatalog, site_folder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Treatment plans"))
        fit_on_screen(self, 1100, 560)
        layout = QVBoxLayout(self)

        count = len(catalog.protocols)
        self.plans_heading = QLabel(
            "<b>" + self.tr("Plans offered (%1)").replace("%1", str(count)) + "</b>")
        layout.addWidget(self.plans_heading)
        self.plans = _table(self.PLAN_HEADERS, self.tr("Plans offered"))
        for plan in catalog.protocols.values():
            origin = self.tr("site plan") if plan.site_plan else self.tr("shipped")
            status = _words(STATUS_WORDS.get(plan.status.value, plan.status.value)) + (
                self.tr(" — verify before use") if plan.provisional else "")
            self._add_row(self.plans, [
                _item(plan.id), _item(plan.version), _item(plan_text_words(plan.title)),
                _item(origin), _item(status),
                _item(plan.content_hash[:HASH_SHOWN], plan.content_hash),
                _item(Path(plan.path).name, plan.path),
            ])
        layout.addWidget(self.plans, 2)

        refused = catalog.rejected
        self.rejected_heading = QLabel(
            "<b>" + (self.tr("Protocol files refused (%1)").replace("%1", str(len(refused)))
                     if refused else self.tr("Protocol files refused: none")) + "</b>")
        layout.addWidget(self.rejected_heading)
        self.rejected = _table(self.REJECTED_HEADERS, self.tr("Protocol files refused"))
        for error in refused:
            for problem in error.problems:
                self._add_row(self.rejected, [
                    _item(Path(error.file).name, error.file),
                    _item(problem.key or self.tr("(whole file)")),
                    _item(refusal_words(problem.reason)),
                ])
        self.rejected.setVisible(bool(refused))
        layout.addWidget(self.rejected, 3)

        self.hint = QLabel(
            (self.tr("A refused file is not offered; the plans above are used as listed. A "
                     "site plan is a file in the site's protocol folder (%1). It may not reuse "
                     "a shipped plan's id and version; replacing a shipped plan needs a new "
                     "version.") if site_folder else
             self.tr("A refused file is not offered; the plans above are used as listed. A "
                     "site plan is a file in the site's protocol folder. It may not reuse a "
                     "shipped plan's id and version; replacing a shipped plan needs a new "
                     "version.")).replace("%1", site_folder))
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
