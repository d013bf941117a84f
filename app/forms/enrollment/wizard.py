"""Enrollment wizard: date and measurements, arm choice, doses, concomitant medication.

Validation and arm rules come from ``app.domain.enrollment``, doses from
``app.domain.planned_doses``; pages only map widgets to the ``EnrollmentDraft``. Finish
saves everything in one transaction and cannot enroll twice (a guard here, a check in the
service, a unique index below it).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QTimer, Signal
from PySide6.QtWidgets import QWidget, QWizard

from app.catalog import growth_reference
from app.db.engine import Database
from app.db.enrollments import discard_enrollment_draft, finish_enrollment, save_enrollment_draft
from app.db.prior_therapies import prior_therapy_records
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow, EnrollmentPage
from app.domain.errors import InputError
from app.domain.growth import GrowthSubject
from app.domain.protocol import Protocol
from app.forms.enrollment.arm_page import ArmPage
from app.forms.enrollment.check_words import check_words
from app.forms.enrollment.concomitant_page import ConcomitantPage
from app.forms.enrollment.details_page import DetailsPage
from app.forms.enrollment.doses_page import DosesPage
from app.forms.enrollment.summary_page import SummaryPage
from app.forms.widgets import AskFunction, ask_with_message_box, fit_on_screen

PAGE_IDS = {EnrollmentPage.DETAILS: 0, EnrollmentPage.ARM: 1, EnrollmentPage.DOSES: 2,
            EnrollmentPage.CONCOMITANT: 3, EnrollmentPage.SUMMARY: 4}
AUTOSAVE_DELAY_MS = 800
# The question box's buttons; shown translated, answered as these (tests inject answers).
KEEP = QT_TRANSLATE_NOOP("EnrollmentWizard", "Keep as draft")
DISCARD = QT_TRANSLATE_NOOP("EnrollmentWizard", "Discard")
CONTINUE = QT_TRANSLATE_NOOP("EnrollmentWizard", "Continue enrollment")


class EnrollmentWizard(QWizard):
    enrolled = Signal(int)  # enrollment id

    def __init__(self, database: Database, protocol: Protocol, draft: EnrollmentDraft,
                 facts: dict, screening_date: date | None, user: str,
                 today: date | None = None, patient_text: str = "",
                 ask: AskFunction | None = None, protocol_changed_note: str = "",
                 parent: QWidget | None = None, subject: GrowthSubject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.protocol = protocol
        self.draft = draft
        self._resume_page = draft.page
        self.user = user
        self.today = today or date.today()
        self.patient_text = patient_text or f"#{draft.patient_id}"
        self.ask: AskFunction = ask or ask_with_message_box
        records: tuple = ()
        if protocol.prior_therapy_rules:
            # The patient's stored history (entered once), judged on the enrollment date.
            with database.session() as session:
                records = tuple(prior_therapy_records(session, draft.patient_id))
        self.subject = subject
        self.flow = EnrollmentFlow(protocol, facts, self.today, screening_date, records,
                                   subject, growth_reference() if subject else None)
        if not draft.enrollment_date:
            draft.enrollment_date = self.today.isoformat()
        self.enrollment_id: int | None = None
        self._finishing = False
        self._closed = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.save_draft)

        self.setWindowTitle(self.tr("Enroll and choose arm — %1").replace("%1", self.patient_text))
        self.setWizardStyle(QWizard.ClassicStyle)
        self.setButtonText(QWizard.FinishButton, self.tr("&Enroll"))
        self.setButtonText(QWizard.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.BackButton, self.tr("< Bac&k"))
        fit_on_screen(self, 900, 700)
        self.details_page = DetailsPage(self)
        born = subject.date_of_birth if subject else None
        self.details_page.enrollment_date.set_birth_date(born)
        self.details_page.enrollment_date.setRange(screening_date, self.today,
                                                   self.tr("the screening date"),
                                                   self.tr("today"))
        self.details_page.measurements.measured_on.set_birth_date(born)
        self.details_page.measurements.measured_on.setRange(born, self.today,
                                                            self.tr("the date of birth"),
                                                            self.tr("today"))
        self.arm_page = ArmPage(self)
        self.doses_page = DosesPage(self)
        self.concomitant_page = ConcomitantPage(self)
        self.summary_page = SummaryPage(self)
        for name, page in ((EnrollmentPage.DETAILS, self.details_page),
                           (EnrollmentPage.ARM, self.arm_page),
                           (EnrollmentPage.DOSES, self.doses_page),
                           (EnrollmentPage.CONCOMITANT, self.concomitant_page),
                           (EnrollmentPage.SUMMARY, self.summary_page)):
            self.setPage(PAGE_IDS[name], page)
        self.currentIdChanged.connect(self._on_page_changed)
        if protocol_changed_note:
            self.details_page.warning.setText(protocol_changed_note)
            self.details_page.warning.show()

    def _on_page_changed(self, page_id: int) -> None:
        self.draft.page = next((n for n, i in PAGE_IDS.items() if i == page_id), "")
        self.save_draft()

    def start_at_saved_page(self) -> None:
        """Resume on the page the user left, as far as the pages before it are valid."""
        target = PAGE_IDS.get(self._resume_page)
        if target is None:
            return
        if self.currentId() == -1:
            self.restart()
        while self.currentId() < target and self.currentPage().isComplete():
            before = self.currentId()
            self.next()
            if self.currentId() == before:
                break

    # ----- drafts --------------------------------------------------------------------------
    def draft_changed(self) -> None:
        self._autosave.start()

    def save_draft(self) -> None:
        self._autosave.stop()
        if self._closed or self.enrollment_id is not None:
            return
        with self.database.session() as session:
            save_enrollment_draft(session, self.draft, user=self.user)

    # ----- finish / cancel -----------------------------------------------------------------
    def accept(self) -> None:
        if self._finishing or self.enrollment_id is not None:
            return  # double click: enroll once
        self._finishing = True
        self.button(QWizard.FinishButton).setEnabled(False)
        self._autosave.stop()
        try:
            plan = self.flow.finalise(self.draft)
            with self.database.session() as session:
                enrollment_id = finish_enrollment(session, self.protocol, self.draft.screening_id,
                                                  plan, user=self.user)
        except Exception as error:  # noqa: BLE001 - shown to the user, entries kept
            said = check_words(error.message) if isinstance(error, InputError) else str(error)
            self.summary_page.save_message.show_message(
                self.tr("Not enrolled: %1").replace("%1", said))
            self._finishing = False
            self.button(QWizard.FinishButton).setEnabled(True)
            return
        self.enrollment_id = enrollment_id
        self._closed = True
        self.enrolled.emit(enrollment_id)
        super().accept()

    def reject(self) -> None:
        if self.enrollment_id is None:
            shown = {self.tr(option): option for option in (KEEP, DISCARD, CONTINUE)}
            chosen = self.ask(self, self.tr("Cancel enrollment"),
                              self.tr("The patient is not enrolled yet. Keep what you entered "
                                      "as a draft, or discard it?"), list(shown))
            choice = shown.get(chosen, chosen)
            if choice == CONTINUE:
                return
            if choice == KEEP:
                self.save_draft()
            else:
                self._autosave.stop()
                with self.database.session() as session:
                    discard_enrollment_draft(session, self.draft.screening_id)
        self._closed = True
        super().reject()
