"""Eligibility screening wizard: pages generated from the protocol's criteria.

The flow, validation and verdict live in ``app.domain.screening``; the pages
(``app.forms.screening_pages``, one criterion's box in ``app.forms.screening_criteria``)
only copy widgets into the ``ScreeningDraft`` and show what the domain says. The draft is
autosaved (debounced, and on every page change) so a half-finished screening survives
closing the application; Cancel asks whether to keep it as a draft or discard it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QWidget,
    QWizard,
    QWizardPage,
)

from app.db.engine import Database
from app.db.prior_therapies import list_prior_therapies
from app.db.screenings import (
    complete_screening,
    discard_screening_draft,
    save_screening_draft,
)
from app.domain.protocol import CriterionGroup, Protocol
from app.domain.screened_therapies import screened_therapies
from app.domain.screening import (
    PRIOR_PAGE,
    SETUP_PAGE,
    VERDICT_PAGE,
    ScreeningDraft,
    ScreeningFlow,
    parse_iso_date,
    saved_answers,
    screening_facts,
)
from app.domain.screening_prior_therapy import PriorAssessment, assess_prior_therapy
from app.forms.screening_criteria import CriterionBox
from app.forms.screening_pages import CriteriaPage, PriorTherapyPage, SetupPage, VerdictPage
from app.forms.widgets import (
    AskFunction,
    ask_with_message_box,
    fit_on_screen,
)

AUTOSAVE_DELAY_MS = 800
PAGE_IDS = {SETUP_PAGE: 0, "required": 1, "allowed": 2, "exclusion": 3, PRIOR_PAGE: 8,
            VERDICT_PAGE: 9}
# The question boxes' buttons; shown translated, answered as these (tests inject answers).
KEEP = QT_TRANSLATE_NOOP("ScreeningWizard", "Keep as draft")
DISCARD = QT_TRANSLATE_NOOP("ScreeningWizard", "Discard")
CONTINUE = QT_TRANSLATE_NOOP("ScreeningWizard", "Continue screening")
CHANGE_PLAN = QT_TRANSLATE_NOOP("ScreeningWizard", "Change plan")
KEEP_PLAN = QT_TRANSLATE_NOOP("ScreeningWizard", "Keep current plan")


# --------------------------------------------------------------------------- wizard


class ScreeningWizard(QWizard):
    """Screen one patient. ``ask`` is the question box (tests inject one)."""

    screening_saved = Signal(int, str)  # screening id, verdict

    def __init__(self, database: Database, patient_id: int, user: str,
                 protocols: dict[str, Protocol], today: date | None = None,
                 draft: ScreeningDraft | None = None, patient_text: str = "",
                 ask: AskFunction | None = None, protocol_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if not protocols:
            raise ValueError("no treatment plan is installed")
        self.database = database
        self.user = user
        self.protocols = protocols
        self.today = today or date.today()
        self.ask: AskFunction = ask or ask_with_message_box
        self.resumed = draft is not None
        self.patient_text = patient_text or f"#{patient_id}"
        if draft is None or draft.protocol_id not in protocols:
            draft = ScreeningDraft(patient_id=patient_id,
                                   protocol_id=protocol_id if protocol_id in protocols
                                   else next(iter(protocols)),
                                   screening_date=self.today.isoformat())
        self.draft = draft
        self._resume_page = draft.page
        self.protocol = protocols[draft.protocol_id]
        self.flow = ScreeningFlow(self.protocol)
        self.saved_screening_id: int | None = None
        self.saved_verdict: str | None = None
        self._finishing = False
        self._closed = False  # set once the user has decided what happens to the draft
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)

        self.setWindowTitle(self.tr("Screen for a treatment plan"))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setOption(QWizard.NoBackButtonOnStartPage, True)
        self.setButtonText(QWizard.FinishButton, self.tr("&Save screening"))
        self.setButtonText(QWizard.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.BackButton, self.tr("< Bac&k"))
        fit_on_screen(self, 900, 700)

        self.setup_page = SetupPage(self, protocols, self.patient_text)
        self.setPage(PAGE_IDS[SETUP_PAGE], self.setup_page)
        self.criteria_pages: dict[str, CriteriaPage] = {}
        self.verdict_page = VerdictPage(self)
        self.setPage(PAGE_IDS[VERDICT_PAGE], self.verdict_page)
        self.prior_page: PriorTherapyPage | None = None
        self.prior_dialog = None
        self._build_criteria_pages()
        self.setup_page.load()
        if self.resumed:
            self.setup_page.resumed.setText(self.tr(
                "Resumed the unfinished screening saved earlier. Your answers are as you "
                "left them; Cancel → Discard starts again."))
            self.setup_page.resumed.show()

        self.currentIdChanged.connect(self._on_page_changed)

    def start_at_saved_page(self) -> None:
        """Resume on the page the user left (pages before it must be complete)."""
        target = self._resume_page
        first_gap = self.flow.first_incomplete_page(self.draft, self.today)
        pages = self.flow.pages()
        if first_gap is not None and target in pages and pages.index(first_gap) < pages.index(
                target):
            target = first_gap
        if target not in PAGE_IDS or target == SETUP_PAGE:
            return
        if self.currentId() == -1:
            self.restart()
        while self.currentId() != PAGE_IDS[target] and self.currentPage().isComplete():
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # ----- pages ---------------------------------------------------------------------------
    def _build_criteria_pages(self) -> None:
        for page in self.criteria_pages.values():
            self.removePage(PAGE_IDS[page.group.value])
            page.deleteLater()
        self.criteria_pages = {}
        if self.prior_page is not None:
            self.removePage(PAGE_IDS[PRIOR_PAGE])
            self.prior_page.deleteLater()
            self.prior_page = None
        for group_name in self.flow.pages()[1:-1]:
            if group_name == PRIOR_PAGE:
                self.prior_page = PriorTherapyPage(self)
                self.setPage(PAGE_IDS[PRIOR_PAGE], self.prior_page)
                continue
            page = CriteriaPage(self, CriterionGroup(group_name))
            self.criteria_pages[group_name] = page
            self.setPage(PAGE_IDS[group_name], page)

    # ----- prior therapies -----------------------------------------------------------------
    def prior_assessment(self) -> PriorAssessment | None:
        """The stored history judged on the screening date (None: the plan has no
        prior-therapy rules, or no screening date yet)."""
        day = parse_iso_date(self.draft.screening_date)
        if not self.protocol.prior_therapy_rules or day is None:
            return None
        with self.database.session() as session:
            rows = list_prior_therapies(session, self.draft.patient_id)
        return assess_prior_therapy(self.protocol, [r.to_record() for r in rows], day)

    def edit_prior_therapies(self) -> None:
        """Open the patient's prior-therapy history (the same record every screening
        uses); the evaluation is refreshed after each save."""
        from app.forms.prior_therapy_dialog import PriorTherapyDialog

        facts = screening_facts(saved_answers(self.protocol, self.draft))
        dialog = PriorTherapyDialog(self.database, self.draft.patient_id, self.user,
                                    self.protocols.values(), self.today, self.patient_text,
                                    parent=self, from_screening=screened_therapies(facts))
        if self.prior_page is not None:
            dialog.changed.connect(self.prior_page.refresh)
        self.prior_dialog = dialog
        dialog.open()

    def _choose(self, title: str, text: str, options: list[str]) -> str:
        """Ask with the buttons in the interface's language; the answer is the option."""
        shown = {QCoreApplication.translate("ScreeningWizard", option): option
                 for option in options}
        chosen = self.ask(self, title, text, list(shown))
        return shown.get(chosen, chosen)

    def change_protocol(self, protocol_id: str) -> bool:
        """Switch plan (answers belong to a plan, so they are cleared); False if kept."""
        if protocol_id == self.protocol.id:
            return True
        if self.has_answers():
            choice = self._choose(self.tr("Change treatment plan"),
                                  self.tr("The answers given so far belong to the current plan "
                                          "and will be cleared. Change the plan?"),
                                  [CHANGE_PLAN, KEEP_PLAN])
            if choice != CHANGE_PLAN:
                return False
        self.protocol = self.protocols[protocol_id]
        self.flow = ScreeningFlow(self.protocol)
        self.draft.protocol_id = protocol_id
        self.draft.answers = {}
        self._build_criteria_pages()
        self.draft_changed()
        return True

    def page_for(self, name: str) -> QWizardPage:
        return self.page(PAGE_IDS[name])

    def criterion_box(self, criterion_id: str) -> CriterionBox:
        for page in self.criteria_pages.values():
            if criterion_id in page.boxes:
                return page.boxes[criterion_id]
        raise KeyError(criterion_id)

    def _on_page_changed(self, page_id: int) -> None:
        name = next((n for n, i in PAGE_IDS.items() if i == page_id), SETUP_PAGE)
        self.draft.page = name
        self.save_draft()

    # ----- drafts --------------------------------------------------------------------------
    def draft_changed(self) -> None:
        self._autosave.start()

    def has_answers(self) -> bool:
        return any(a.answer is not None or a.details for a in self.draft.answers.values())

    def save_draft(self) -> None:
        self._autosave.stop()
        if self.saved_screening_id is not None or self._closed:
            return
        with self.database.session() as session:
            save_screening_draft(session, self.draft, user=self.user)

    def discard_draft(self) -> None:
        self._autosave.stop()
        with self.database.session() as session:
            discard_screening_draft(session, self.draft.patient_id)

    # ----- finish / cancel -----------------------------------------------------------------
    def accept(self) -> None:
        if self._finishing or self.saved_screening_id is not None:
            return  # a second click on Save must not save twice
        if not self.draft.confirmed:
            return
        self._finishing = True
        self.button(QWizard.FinishButton).setEnabled(False)
        self._autosave.stop()
        try:
            with self.database.session() as session:
                screening_id, verdict = complete_screening(session, self.protocol, self.draft,
                                                           user=self.user)
        except Exception as error:  # noqa: BLE001 - shown to the user, data kept
            self.verdict_page.save_message.show_message(
                self.tr("The screening could not be saved: %1. Your answers are kept.")
                .replace("%1", str(error)))
            self._finishing = False
            self.button(QWizard.FinishButton).setEnabled(True)
            return
        self.saved_screening_id = screening_id
        self.saved_verdict = verdict.outcome
        self._closed = True
        self.screening_saved.emit(screening_id, verdict.outcome)
        super().accept()

    def reject(self) -> None:
        if self.saved_screening_id is None and self.has_answers():
            choice = self._choose(self.tr("Cancel screening"),
                                  self.tr("This screening is not finished. Keep it as a draft "
                                          "to resume later, or discard the answers?"),
                                  [KEEP, DISCARD, CONTINUE])
            if choice == CONTINUE:
                return
            if choice == KEEP:
                self.save_draft()
            else:
                self.discard_draft()
        elif self.saved_screening_id is None:
            self.discard_draft()
        self._closed = True
        super().reject()
