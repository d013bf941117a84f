"""The patient page: identity, screening log, current plan, arm and history, current
doses with their derivations, and visit due dates. Plain read models from
``app.db.enrollments.patient_overview``; actions are callbacks from the main window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.db.audit_queries import AuditFilter
from app.db.engine import Database
from app.db.enrollments import ArmPeriod, PatientOverview, patient_overview
from app.db.prior_therapies import list_prior_therapies
from app.db.screenings import enrollable_screening, get_screening
from app.domain.arm_switch import SWITCH_REASONS, switch_targets
from app.domain.coded_values import label_of
from app.domain.disease_history import ETHNICITY_CHOICES, RACE_CHOICES, disease_duration_at
from app.domain.display_words import code_words, drug_name
from app.domain.patient import SEX_CHOICES
from app.domain.protocol import Protocol, version_words
from app.domain.screened_therapies import screened_therapies
from app.domain.screening import VERDICT_LABELS
from app.domain.treatment_course_record import chosen_phrase, stopped_phrase
from app.forms.language import INTERFACE, explanation_in_words, format_date
from app.forms.numbers import decimal
from app.forms.terms import (
    ARM_CHOICE,
    DOSE_DERIVATION,
    ETHNICITY,
    RACE,
    REASON,
    SEX,
    VERDICT,
    VISIT_STATUS,
    arm_title,
    drug_words,
    phrases,
    plan_text,
    plan_text_known,
    plan_text_words,
    term,
    visit_words,
)
from app.forms.trend_charts import TrendChartsWidget
from app.forms.visit_timeline import VisitTimelineWidget
from app.forms.widgets import (
    BANNER_STYLES,
    HINT_STYLE,
    banner,
    fit_on_screen,
    focus_tab_on_mnemonic,
)

Action = Callable[[], None]
ARM_REASONS = {"initial": "Initial", **SWITCH_REASONS, "other": "Other"}
# The enrolled-by and screened-by names, plan ids and free notes are data, not words.


def _table(headers: list[str], rows: list[list[str]], name: str) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMaximumHeight(32 + 30 * max(1, len(rows)))
    return table


def _why_chosen(period: ArmPeriod) -> str:
    return phrases(ARM_CHOICE, chosen_phrase(period.choice_reasons, period.choice_other))


def _why_stopped(period: ArmPeriod) -> str:
    return phrases(REASON, stopped_phrase(period.stop_reason, period.stop_other))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _d(day: date | None) -> str:
    return format_date(day)


class PatientPage(QDialog):
    def __init__(self, database: Database, patient_id: int, protocols: dict[str, Protocol],
                 today: date | None = None, on_screen: Action | None = None,
                 on_enroll: Action | None = None, on_change_arm: Action | None = None,
                 on_edit: Action | None = None, parent: QWidget | None = None,
                 on_open_visit: Callable[[int], None] | None = None, user: str = "",
                 on_audit: Callable[[AuditFilter], None] | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.patient_id = patient_id
        self.protocols = protocols
        self.today = today or date.today()
        fit_on_screen(self, 980, 700)
        layout = QVBoxLayout(self)
        actions = QHBoxLayout()
        self.screen_button = QPushButton(self.tr("&Screen…"))
        self.enroll_button = QPushButton(self.tr("E&nroll and choose arm…"))
        self.change_arm_button = QPushButton(self.tr("Change &arm…"))
        self.edit_button = QPushButton(self.tr("&Edit patient…"))
        self.user = user
        self.prior_button = QPushButton(self.tr("&Prior therapies…"))
        self.prior_button.setAccessibleName(self.tr("Prior therapies"))
        self.prior_button.setToolTip(self.tr("The prior and current therapies every screening "
                                             "uses (drug, start, stop, why stopped)."))
        self.prior_button.clicked.connect(self.edit_prior_therapies)
        self.prior_button.setEnabled(bool(user))
        actions.addWidget(self.prior_button)
        self.course_button = QPushButton(self.tr("Infusions, stop t&reatment…"))
        self.course_button.setToolTip(self.tr("The infusions given beside the arm's dose "
                                              "dates; stopping the current treatment with "
                                              "its reason."))
        self.course_button.clicked.connect(self.edit_treatment_course)
        actions.addWidget(self.course_button)
        self.audit_button = QPushButton(self.tr("A&udit trail…"))
        self.audit_button.setToolTip(self.tr("Every change to this patient's data: who, when, "
                                             "old and new value, and why."))
        self.audit_button.setEnabled(on_audit is not None)
        if on_audit is not None:
            self.audit_button.clicked.connect(
                lambda: on_audit(AuditFilter(patient_id=self.patient_id)))
        for button, action in ((self.screen_button, on_screen), (self.enroll_button, on_enroll),
                               (self.change_arm_button, on_change_arm),
                               (self.edit_button, on_edit)):
            actions.addWidget(button)
            if action is not None:
                button.clicked.connect(lambda _c=False, a=action: (a(), self.reload()))
            else:
                button.setEnabled(False)
        actions.addWidget(self.audit_button)
        actions.addStretch(1)
        # Enter belongs to the list that has the focus (open the visit), never to the first
        # button of the page (Enter on a Visits row opened Prior therapies).
        for button in (self.prior_button, self.course_button, self.audit_button,
                       self.screen_button,
                       self.enroll_button, self.change_arm_button, self.edit_button):
            button.setAutoDefault(False)
        layout.addLayout(actions)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.column = QVBoxLayout(self.body)
        scroll.setWidget(self.body)
        # Overview, the visit timeline and the outcome trends, each a tab of the same page.
        self.tabs = QTabWidget()
        self.tabs.addTab(scroll, self.tr("&Overview"))
        self.timeline: VisitTimelineWidget | None = None
        self.trends: TrendChartsWidget | None = None
        self._trends_tab: QWidget | None = None
        if on_open_visit is not None:
            self.timeline = VisitTimelineWidget(database, patient_id, user=user, today=self.today)
            self.timeline.open_visit.connect(on_open_visit)
            self.tabs.addTab(self.timeline, self.tr("&Visits"))
            # The charts are drawn when their tab is first opened: drawing them took
            # seconds and made opening a patient slow for everyone.
            self._trends_tab = QWidget()
            QVBoxLayout(self._trends_tab).setContentsMargins(0, 0, 0, 0)
            self.tabs.addTab(self._trends_tab, self.tr("&Trends"))
            self.tabs.currentChanged.connect(self._on_tab)
        focus_tab_on_mnemonic(self.tabs)
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.overview: PatientOverview | None = None
        self._has_actions = {"enroll": on_enroll is not None,
                             "change_arm": on_change_arm is not None}
        self.reload()

    def _on_tab(self, index: int) -> None:
        if self.tabs.widget(index) is self._trends_tab:
            self.show_trends()

    def show_trends(self) -> TrendChartsWidget | None:
        """The trend charts, built on first use."""
        if self.trends is None and self._trends_tab is not None:
            self.trends = TrendChartsWidget(self.database, self.patient_id)
            self._trends_tab.layout().addWidget(self.trends)
        return self.trends

    # ----- content -----------------------------------------------------------------------
    def visit_saved(self, _visit_id: int) -> None:
        """A visit was saved elsewhere (its form is above this page): show it as it is now."""
        self.reload()

    def reload(self) -> None:
        with self.database.reading() as session:
            self.overview = patient_overview(session, self.patient_id, self.protocols)
            can_enroll = enrollable_screening(session, self.patient_id) is not None
        o = self.overview
        self.setWindowTitle(self.tr("Patient %1 — %2").replace("%1", o.study_id)
                            .replace("%2", o.name))
        while self.column.count():
            item = self.column.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._identity(o)
        self._plan(o)
        self._prior_therapies()
        self._screenings(o)
        self.column.addStretch(1)
        e = o.enrollment
        self.enroll_button.setEnabled(self._has_actions["enroll"] and can_enroll)
        self.course_button.setEnabled(bool(self.user) and e is not None)
        can_switch = False
        if e is not None and e.current_arm is not None and e.protocol_id in self.protocols:
            can_switch = bool(switch_targets(self.protocols[e.protocol_id],
                                             e.current_arm.arm_id))
        self.change_arm_button.setEnabled(self._has_actions["change_arm"] and can_switch)
        if getattr(self, "_shown_once", False):  # the tabs loaded themselves when built
            for tab in (self.timeline, self.trends):
                if tab is not None:
                    tab.refresh()
        self._shown_once = True

    def _identity(self, o: PatientOverview) -> None:
        title = banner(f"{o.study_id} — {o.name}", point_size=16)
        title.setAccessibleName(self.tr("Patient"))
        self.column.addWidget(title)
        sex = dict(SEX_CHOICES).get(o.sex, o.sex)
        bits = [self.tr("Date of birth %1").replace("%1", _d(o.date_of_birth)),
                self.tr("sex %1").replace("%1", term(SEX, sex).lower())]
        if o.site:
            bits.append(self.tr("site %1").replace("%1", o.site))
        if o.onset_date or o.diagnosis_date:
            bits.append(self.tr("disease onset %1, diagnosed %2")
                        .replace("%1", _d(o.onset_date)).replace("%2", _d(o.diagnosis_date)))
        if o.enrollment is not None:
            months = disease_duration_at(o.onset_date, o.enrollment.enrollment_date)
            if months is not None:
                bits.append(self.tr("disease duration at enrollment %1 months")
                            .replace("%1", decimal(months, 1)))
        background = [term(context, label_of(code, choices) or code)
                      for code, choices, context in ((o.race, RACE_CHOICES, RACE),
                                                     (o.ethnicity, ETHNICITY_CHOICES, ETHNICITY))
                      if code]
        if background:
            bits.append(self.tr("self-reported %1").replace("%1", ", ".join(background)))
        if o.latest_weight is not None:
            kg, cm, measured = o.latest_weight
            bits.append(self.tr("last measured %1: %2").replace("%1", format_date(measured))
                        .replace("%2", f"{decimal(kg or 0, 3)} kg"
                                 + (f", {decimal(cm, 2)} cm" if cm else "")))
        line = QLabel(" · ".join(bits))
        line.setWordWrap(True)
        self.column.addWidget(line)

    def _plan(self, o: PatientOverview) -> None:
        e = o.enrollment
        box = QGroupBox(self.tr("Current treatment plan"))
        column = QVBoxLayout(box)
        # How the child stands: enrolled, or how the last enrollment ended ("Not enrolled"
        # only for a child never enrolled).
        self.status_line = QLabel(self._status_text(o))
        self.status_line.setAccessibleName(self.tr("Enrollment status"))
        self.status_line.setWordWrap(True)
        column.addWidget(self.status_line)
        if e is None:
            self.status_line.setStyleSheet(HINT_STYLE)
            self.column.addWidget(box)
            self._past(o)
            return
        protocol = self.protocols.get(e.protocol_id)
        title = plan_text_words(protocol.title) if protocol else e.protocol_id
        arm_text = self.tr("no current arm")
        if e.current_arm is not None:
            arm_text = self._arm_title(protocol, e.current_arm.arm_id)
        self.arm_banner = banner(arm_text, point_size=18)
        self.arm_banner.setStyleSheet(BANNER_STYLES["good"])
        self.arm_banner.setAccessibleName(self.tr("Current arm"))
        if e.current_arm is not None and not plan_text_known(
                self._arm_name(protocol, e.current_arm.arm_id)):
            plan_text(self.arm_banner)  # the arm's name, as its plan file writes it
        column.addWidget(self.arm_banner)
        plan_version = version_words(self.protocols, e.protocol_id, e.protocol_version,
                                     e.protocol_hash)
        enrolled = (self.tr("enrolled %1 by %2 · sun-protection counselling given")
                    if e.sun_protection_counselled else
                    self.tr("enrolled %1 by %2 · sun-protection counselling not recorded"))
        column.addWidget(QLabel(
            f"{title} ({plan_version}) · " + enrolled.replace(
                "%1", format_date(e.enrollment_date)).replace("%2", e.enrolled_by)))
        column.addWidget(QLabel(self.tr("Arm history:")))
        self.arm_table = self._arm_history(protocol, e.arm_history)
        column.addWidget(self.arm_table)
        column.addWidget(QLabel(self.tr("Current doses:")))
        self.dose_texts: dict[str, QPlainTextEdit] = {}
        # A stored derivation is the dose engine's English as it was recorded and printed
        # then: another interface language says so above it (as its PDFs do).
        self.dose_recorded_notes: dict[str, QLabel] = {}
        for dose in e.doses:
            given = dose.final_amount if dose.final_amount is not None else dose.amount
            unit = (term(DOSE_DERIVATION, "%1/day").replace("%1", dose.unit)
                    if dose.per == "day" else dose.unit)
            amount = (f"{decimal(given)} {unit}" if given is not None
                      else self.tr("current dose"))
            label = self._drug_label(dose.drug, e.protocol_id, dose.option)
            plan_words = [text for text in (label, dose.frequency, dose.route) if text]
            how = " ".join([amount, *(plan_text_words(t) for t in (dose.frequency,) if t)])
            if dose.route:
                how = self.tr("%1, %2").replace("%1", how).replace(
                    "%2", plan_text_words(dose.route))
            head = QLabel(self.tr("%1: %2").replace(
                "%1", f"<b>{_esc(plan_text_words(label))}</b>").replace("%2", _esc(how))
                          + (" <i>" + self.tr("(concomitant)") + "</i>"
                             if dose.role == "concomitant" else "")
                          + (" — " + self.tr("final dose differs from computed %1: %2")
                             .replace("%1", f"{decimal(dose.amount or 0)} {unit}")
                             .replace("%2", _esc(dose.override_reason))
                             if dose.override_reason else ""))
            head.setTextFormat(Qt.RichText)
            if dose.override_reason or not all(map(plan_text_known, plan_words)):
                plan_text(head)  # the reason as typed; a plan's words the catalogue lacks
            head.setWordWrap(True)
            column.addWidget(head)
            if dose.schedule:
                dates = QLabel(self.tr("Dose dates: %1").replace(
                    "%1", ", ".join(format_date(d) for d in dose.schedule)))
                dates.setWordWrap(True)
                column.addWidget(dates)
            if INTERFACE.language != "en":
                note = QLabel(self.tr("Derivation as recorded, in English:"))
                note.setStyleSheet(HINT_STYLE)
                column.addWidget(note)
                self.dose_recorded_notes[dose.drug] = note
            text = QPlainTextEdit(explanation_in_words(dose.derivation))
            text.setReadOnly(True)
            text.setAccessibleName(self.tr("%1 derivation").replace("%1", dose.drug))
            plan_text(text)  # the dose engine's derivation (English, as printed)
            text.setMaximumHeight(96)
            column.addWidget(text)
            self.dose_texts[dose.drug] = text
        column.addWidget(QLabel(self.tr("Visits:")))
        self.visits_table = _table(
            [self.tr("Visit"), self.tr("Due"), self.tr("Window"), self.tr("Status")],
            [[visit_words(v.label), _d(v.target_date),
              self.tr("%1 to %2").replace("%1", _d(v.window_start)).replace("%2",
                                                                             _d(v.window_end)),
              term(VISIT_STATUS, code_words(v.status))
              + (" — " + self.tr("OVERDUE") if v.status in ("not_started", "draft")
                 and v.window_end and v.window_end < self.today else "")]
             for v in e.visits], self.tr("Visits"))
        column.addWidget(self.visits_table)
        self.column.addWidget(box)
        self._past(o)

    def _arm_history(self, protocol: Protocol | None, history: tuple[ArmPeriod, ...],
                     ended_on: date | None = None) -> QTableWidget:
        # The reasons an arm was chosen come from the plans' lists (plan words, as written).
        # An arm still open when its enrollment ended ran until that end, not "current".
        table = _table(
            [self.tr("Arm"), self.tr("From"), self.tr("To"), self.tr("Reason"),
             self.tr("Why this arm"), self.tr("Why stopped"), self.tr("Notes")],
            [[self._arm_title(protocol, p.arm_id), _d(p.start_date),
              _d(p.end_date) if p.end_date else
              _d(ended_on) if ended_on else self.tr("current"),
              term(REASON, ARM_REASONS.get(p.reason, p.reason)), _why_chosen(p),
              _why_stopped(p), p.notes]
             for p in history],
            self.tr("Arm history"))
        return plan_text(table)

    def _plan_and_arm(self, protocol_id: str, arm_id: str | None) -> tuple[str, str]:
        """The plan's title and "arm A — IVIG" for a sentence."""
        protocol = self.protocols.get(protocol_id)
        title = plan_text_words(protocol.title) if protocol else protocol_id
        if arm_id is None:
            return title, self.tr("no arm")
        arm = self._arm_title(protocol, arm_id)
        if len(arm_id) == 1 and arm_id.isalpha():  # "Arm A — IVIG" inside a sentence
            arm = arm[:1].lower() + arm[1:]
        return title, arm

    def _status_text(self, o: PatientOverview) -> str:
        e = o.enrollment
        if e is not None:
            plan, arm = self._plan_and_arm(
                e.protocol_id, e.current_arm.arm_id if e.current_arm else
                (e.arm_history[-1].arm_id if e.arm_history else None))
            return (self.tr("Enrolled (plan %1, %2) on %3").replace("%1", plan)
                    .replace("%2", arm).replace("%3", format_date(e.enrollment_date)))
        if not o.past_enrollments:
            return self.tr("Not enrolled in a treatment plan.")
        last = o.past_enrollments[0]
        plan, arm = self._plan_and_arm(last.protocol_id, last.last_arm)
        if last.status == "completed":
            text = self.tr("Completed (plan %1, %2) on %3")
        elif last.end_reason:
            text = self.tr("Withdrawn (plan %1, %2) on %3: %4")
        else:
            text = self.tr("Withdrawn (plan %1, %2) on %3")
        return (text.replace("%1", plan).replace("%2", arm)
                .replace("%3", format_date(last.ended_on) if last.ended_on else "—")
                .replace("%4", last.end_reason))

    def _past(self, o: PatientOverview) -> None:
        """The enrollments that ended: plan, version, dates, how it ended, arm history."""
        self.past_summaries: list[QLabel] = []
        self.past_arm_tables: list[QTableWidget] = []
        if not o.past_enrollments:
            return
        box = QGroupBox(self.tr("Past enrollments"))
        column = QVBoxLayout(box)
        for past in o.past_enrollments:
            protocol = self.protocols.get(past.protocol_id)
            title = plan_text_words(protocol.title) if protocol else past.protocol_id
            version = version_words(self.protocols, past.protocol_id, past.protocol_version,
                                    past.protocol_hash)
            if past.status == "completed":
                ended = self.tr("completed %1: %2") if past.end_reason else self.tr(
                    "completed %1")
            else:
                ended = self.tr("withdrawn %1: %2") if past.end_reason else self.tr(
                    "withdrawn %1")
            ended = ended.replace("%1", format_date(past.ended_on) if past.ended_on
                                  else "—").replace("%2", past.end_reason)
            summary = QLabel(f"{title} ({version}) · " + self.tr("enrolled %1 by %2").replace(
                "%1", format_date(past.enrollment_date)).replace("%2", past.enrolled_by)
                + f" · {ended}")
            summary.setWordWrap(True)
            plan_text(summary)  # the plan's title; the end reason as entered
            column.addWidget(summary)
            table = self._arm_history(protocol, past.arm_history, past.ended_on)
            column.addWidget(table)
            self.past_summaries.append(summary)
            self.past_arm_tables.append(table)
        self.column.addWidget(box)

    @staticmethod
    def _arm_name(protocol: Protocol | None, arm_id: str) -> str:
        try:
            return protocol.arm(arm_id).name if protocol else arm_id
        except (KeyError, ValueError):
            return arm_id

    @staticmethod
    def _arm_title(protocol: Protocol | None, arm_id: str) -> str:
        try:
            return arm_title(arm_id, protocol.arm(arm_id).name) if protocol else arm_id
        except (KeyError, ValueError):
            return arm_id

    def _drug_label(self, drug: str, protocol_id: str = "", option: str = "") -> str:
        """The dose rule's label in the enrollment's own plan (and arm option, so the two
        infliximab options are not confused), else the drug name."""
        protocol = self.protocols.get(protocol_id)
        for candidate in ([protocol] if protocol else list(self.protocols.values())):
            for arm in candidate.arms:
                for rule in arm.doses:
                    if rule.drug == drug and rule.label and (rule.option or "") == option:
                        return rule.label
        name = drug_name(drug)
        return name[:1].upper() + name[1:]

    # ----- prior therapies -------------------------------------------------------------
    def make_prior_therapy_dialog(self):
        """The patient's prior-therapy history dialog (the record every screening uses)."""
        from app.forms.prior_therapy_dialog import PriorTherapyDialog

        from_screening = []
        if self.overview is not None and self.overview.screenings:
            latest = max(self.overview.screenings, key=lambda s: s.screening_id)
            with self.database.reading() as session:
                from_screening = screened_therapies(get_screening(session,
                                                                  latest.screening_id).facts)
        dialog = PriorTherapyDialog(self.database, self.patient_id, self.user,
                                    self.protocols.values(), self.today,
                                    f"{self.overview.study_id} — {self.overview.name}"
                                    if self.overview else "", parent=self,
                                    from_screening=from_screening)
        dialog.changed.connect(self.reload)
        return dialog

    def make_treatment_course_dialog(self):
        """Infusions given against the schedule, and stopping the current treatment."""
        from app.forms.treatment_course_dialog import TreatmentCourseDialog

        assert self.overview is not None and self.overview.enrollment is not None
        dialog = TreatmentCourseDialog(self.database, self.overview.enrollment.enrollment_id,
                                       self.user, self.today,
                                       self.windowTitle().removeprefix("Patient "), parent=self)
        dialog.changed.connect(self.reload)
        return dialog

    def edit_treatment_course(self) -> None:
        self.make_treatment_course_dialog().exec()
        self.reload()

    def edit_prior_therapies(self) -> None:
        self.make_prior_therapy_dialog().exec()
        self.reload()

    def _prior_therapies(self) -> None:
        with self.database.reading() as session:
            rows = list_prior_therapies(session, self.patient_id)
        if not rows:
            return
        box = QGroupBox(self.tr("Prior therapies"))
        column = QVBoxLayout(box)
        self.prior_table = _table(
            [self.tr("Drug"), self.tr("Started"), self.tr("Stopped"), self.tr("Why stopped"),
             self.tr("Last dose")],
            [[drug_words(r.drug), _d(r.start_date),
              self.tr("ongoing") if r.ongoing else _d(r.stop_date),
              term(REASON, code_words(r.reason_stopped or "")), _d(r.last_dose_date)]
             for r in rows], self.tr("Prior therapies"))
        column.addWidget(self.prior_table)
        self.column.addWidget(box)

    def _screenings(self, o: PatientOverview) -> None:
        box = QGroupBox(self.tr("Screening log"))
        column = QVBoxLayout(box)
        if not o.screenings:
            none = QLabel(self.tr("Not screened yet."))
            none.setStyleSheet(HINT_STYLE)
            column.addWidget(none)
        else:
            self.screenings_table = _table(
                [self.tr("Date"), self.tr("Plan"), self.tr("Verdict"), self.tr("By"),
                 self.tr("Saved"), self.tr("Why")],
                [[_d(s.screening_date),
                  f"{s.protocol_id} " + version_words(
                      self.protocols, s.protocol_id, s.protocol_version, s.protocol_hash,
                      prefix=""),
                  term(VERDICT, VERDICT_LABELS.get(s.verdict or "", s.verdict or ""))
                  + (" " + self.tr("(enrolled)") if s.enrolled else ""), s.screened_by,
                  f"{format_date(s.screened_at.date())} {s.screened_at:%H:%M} UTC"
                  if s.screened_at else "",
                  "; ".join(s.reasons)] for s in o.screenings], self.tr("Screening log"))
            # the reasons are the plan's criteria, as written in its file
            column.addWidget(self.screenings_table)
        self.column.addWidget(box)
