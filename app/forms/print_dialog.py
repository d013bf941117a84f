"""File → Print / Save as PDF: choose the visit, the document and the paper, then preview."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.db.visit_timeline import VisitRow, patient_timeline
from app.domain.display_words import code_words
from app.forms.language import format_date
from app.forms.terms import VISIT_STATUS, term, visit_words

DOCUMENTS = (
    ("summary", QT_TRANSLATE_NOOP("PrintChoiceDialog", "Visit &summary (what was recorded)")),
    ("worksheet", QT_TRANSLATE_NOOP("PrintChoiceDialog",
                                    "&Blank worksheet (collect on paper, enter later)")),
    ("dosing", QT_TRANSLATE_NOOP("PrintChoiceDialog", "&Dosing sheet for the pharmacy")),
)


def visit_reference(row: VisitRow) -> str:
    """How `jdm-ctp pdf --visit` and the report builder name a visit."""
    return f"unscheduled:{row.occurrence}" if row.visit_code == "unscheduled" else row.visit_code


def default_paper() -> str:
    # Letter in the US and Canada, A4 nearly everywhere else.
    country = QLocale.system().territory()
    return "letter" if country in (QLocale.UnitedStates, QLocale.Canada) else "a4"


class PrintChoiceDialog(QDialog):
    def __init__(self, database: Database, patient_id: int, study_id: str,
                 today: date | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print / Save as PDF — %1").replace("%1", study_id))
        self.study_id = study_id
        with database.reading() as session:
            self.visits = patient_timeline(session, patient_id, today)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.visit = QComboBox()
        self.visit.setAccessibleName(self.tr("Visit"))
        for row in self.visits:
            when = (row.visit_date or row.target_date)
            self.visit.addItem(
                f"{visit_words(row.label)} — {format_date(when) if when else self.tr('no date')} "
                f"({term(VISIT_STATUS, code_words(row.status)).lower()})", visit_reference(row))
        # Default to the most recent visit that has data, else the next one due.
        started = [i for i, r in enumerate(self.visits) if r.status != "not_started"]
        if started:
            self.visit.setCurrentIndex(started[-1])
        label = QLabel(self.tr("V&isit"))
        label.setBuddy(self.visit)
        form.addRow(label, self.visit)
        self.documents = QButtonGroup(self)
        column = QVBoxLayout()
        for index, (kind, text) in enumerate(DOCUMENTS):
            button = QRadioButton(self.tr(text))
            button.setProperty("kind", kind)
            button.setChecked(index == 0)
            self.documents.addButton(button, index)
            column.addWidget(button)
        form.addRow(QLabel(self.tr("Document")), column)
        self.paper = QComboBox()
        self.paper.setAccessibleName(self.tr("Paper size"))
        self.paper.addItem(self.tr("Letter"), "letter")
        self.paper.addItem("A4", "a4")
        self.paper.setCurrentIndex(max(0, self.paper.findData(default_paper())))
        paper_label = QLabel(self.tr("&Paper"))
        paper_label.setBuddy(self.paper)
        form.addRow(paper_label, self.paper)
        layout.addLayout(form)
        if not self.visits:
            empty = QLabel(self.tr("This patient has no visits yet: enroll the patient first."))
            empty.setWordWrap(True)
            layout.addWidget(empty)
        buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.preview_button = buttons.addButton(self.tr("Pre&view…"), QDialogButtonBox.AcceptRole)
        self.preview_button.setEnabled(bool(self.visits))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(buttons)
        layout.addLayout(row)

    def choice(self) -> tuple[str, str, str]:
        """(visit reference, document kind, paper)."""
        kind = self.documents.checkedButton().property("kind")
        return self.visit.currentData(), kind, self.paper.currentData()
