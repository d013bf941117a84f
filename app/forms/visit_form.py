"""The visit form: one window per visit, sections in a side list, live scores, a draft
autosaved about a second after every edit (and on close), Save, and Mark complete.

Embed with ``VisitFormWindow(database, visit_pk, user)``. Dialogs that ask the user
something are injected (``ask_reason``, ``ask_missing``, ``ask_close``: Save / Keep as
draft / Discard changes / Cancel when closed with changes not saved) so tests can answer
them. The visit date is checked at its field (``visit_date_range``: from the enrollment
date to today); a visit stored with a date outside it still opens, the problem shown
there, so it can be corrected.

One module although long: the window's save, complete, sign and autosave steps share its
state; the clinical rules are in the domain and each section's widgets in
``app.forms.visit_sections`` (split further once the signature work there settles).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.catalog import protocol_catalog
from app.db import fallback_drafts
from app.db.conflicts import ConcurrentEditError
from app.db.drafts import delete_draft, draft_saved_at, load_draft, save_draft
from app.db.engine import Database
from app.db.file_health import is_disk_full, storage_problem
from app.db.signatures import signature_of
from app.db.visit_completion import mark_complete
from app.db.visit_drafts import DRAFT_KIND, draft_key, draft_payload, values_from_payload
from app.db.visit_saving import save_visit
from app.db.visits import AdverseEventData, VisitError, VisitRecord, load_visit
from app.domain.errors import UnknownArmError
from app.domain.exportable import visit_value_problems
from app.domain.instruments import registry
from app.domain.instruments.declaration import VisitContext
from app.domain.instruments.mmt8 import variant_of
from app.domain.permissions import AccessRefused, Permission
from app.domain.protocol import Protocol, VisitDefinition
from app.domain.visit_form import (
    MISSING_REASONS,
    SECTION_INSTRUMENTS,
    SECTION_LABELS,
    ItemEntry,
    Requirement,
    VisitValues,
    arm_needs_height,
    monitoring_for,
    requirements_for,
    sections_for,
    skin_activity_change,
    unmet_requirements,
    visit_date_range,
)
from app.forms.language import format_date
from app.forms.numbers import numbers_in_words
from app.forms.refusal_words import access_words, file_words
from app.forms.sign_dialog import (
    SignVisitDialog,
    UnlockVisitDialog,
    database_signer,
    database_unlocker,
    signature_words,
)
from app.forms.terms import DATE_LIMIT, MESSAGE, SECTION, phrases, plan_text, term, visit_words
from app.forms.terms import arm_title as terms_arm_title
from app.forms.visit_sections import ERROR_STYLE, Section, SectionState
from app.forms.visit_sections.registry import SectionContext, make_section
from app.forms.widgets import AskFunction, DateField, ask_with_message_box

AUTOSAVE_DELAY_MS = 1000
STATUS_WORDS = {
    "not_started": QT_TRANSLATE_NOOP("VisitFormWindow", "not started"),
    "draft": QT_TRANSLATE_NOOP("VisitFormWindow", "draft"),
    "complete": QT_TRANSLATE_NOOP("VisitFormWindow", "complete"),
    "signed": QT_TRANSLATE_NOOP("VisitFormWindow", "signed"),
}

# Closing with changes not saved (the Close button, Alt+F4, signing out): the last answer
# is the safe default, Escape.
# (the options as the code knows them; the question shows them in the interface's words)
SAVE = QT_TRANSLATE_NOOP("VisitFormWindow", "Save")
KEEP_DRAFT = QT_TRANSLATE_NOOP("VisitFormWindow", "Keep as draft")
DISCARD = QT_TRANSLATE_NOOP("VisitFormWindow", "Discard changes")
STAY = QT_TRANSLATE_NOOP("VisitFormWindow", "Cancel")
CLOSE_QUESTION = QT_TRANSLATE_NOOP(
    "VisitFormWindow",
    "This visit has changes that are not saved. Save them now; keep them as a draft to "
    "finish later (a draft is not part of the visit until it is saved); or discard them "
    "and keep the visit as it was last saved?")

# app.domain.instruments.data_dictionary.MISSING_REASONS in words (the dialog's context)
MISSING_WORDS = (QT_TRANSLATE_NOOP("MissingReasonsDialog", "Not done"),
                 QT_TRANSLATE_NOOP("MissingReasonsDialog", "Not applicable"),
                 QT_TRANSLATE_NOOP("MissingReasonsDialog", "Unknown"))

AskReason = Callable[[str, str], str | None]
AskMissing = Callable[[list[Requirement]], dict[str, str] | None]


class MissingReasonsDialog(QDialog):
    """Each required item still blank, with a box to say why it is missing."""

    def __init__(self, missing: list[Requirement], parent: QWidget | None = None,
                 words: Callable[[Requirement], str] | None = None) -> None:
        """``words``: a requirement as the form names it (its fields' labels)."""
        super().__init__(parent)
        words = words or (lambda r: phrases(MESSAGE, r.label))
        self.setWindowTitle(self.tr("Required items not entered"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "%n required item(s) blank. Enter them in the form, or give a reason for each to "
            "mark the visit complete.", "", len(missing))))
        apply_all = QHBoxLayout()
        apply_all.addWidget(QLabel(self.tr("Set all to:")))
        self.all_box = QComboBox()
        self.all_box.addItem("", "")
        for code, label in MISSING_REASONS:
            self.all_box.addItem(self.tr(label), code)
        self.all_box.currentIndexChanged.connect(self._apply_all)
        apply_all.addWidget(self.all_box)
        apply_all.addStretch(1)
        layout.addLayout(apply_all)
        area = QScrollArea()
        area.setWidgetResizable(True)
        inner = QWidget()
        grid = QGridLayout(inner)
        self.boxes: dict[str, QComboBox] = {}
        for row, r in enumerate(missing):
            grid.addWidget(QLabel(self.tr("%1: %2").replace(
                "%1", term(SECTION, SECTION_LABELS.get(r.section, r.section)))
                .replace("%2", words(r))), row, 0)
            box = QComboBox()
            box.addItem("", "")
            for code, label in MISSING_REASONS:
                box.addItem(self.tr(label), code)
            grid.addWidget(box, row, 1)
            self.boxes[r.code] = box
        area.setWidget(inner)
        area.setMinimumSize(620, 320)
        layout.addWidget(area)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.button(QDialogButtonBox.Ok).setText(self.tr("Mark complete"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _apply_all(self) -> None:
        for box in self.boxes.values():
            box.setCurrentIndex(self.all_box.currentIndex())

    def reasons(self) -> dict[str, str]:
        return {code: box.currentData() for code, box in self.boxes.items() if box.currentData()}

    def _accept(self) -> None:
        if len(self.reasons()) < len(self.boxes):
            self.error.setText(self.tr("Give a reason for every item, or cancel and enter the "
                                       "values."))
            return
        self.accept()


def _default_ask_reason(parent: QWidget) -> AskReason:
    def ask(title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(parent, title, prompt)
        return text.strip() if ok and text.strip() else None

    return ask


def _default_ask_missing(parent: QWidget) -> AskMissing:
    def ask(missing: list[Requirement]) -> dict[str, str] | None:
        dialog = MissingReasonsDialog(missing, parent, words=getattr(
            parent, "requirement_words", None))
        return dialog.reasons() if dialog.exec() == QDialog.Accepted else None

    return ask


class VisitFormWindow(QMainWindow):
    """Enter one visit's outcomes. Signals: ``saved(visit_id)``, ``draft_saved()``."""

    saved = Signal(int)
    draft_saved = Signal()

    def __init__(
        self,
        database: Database,
        visit_pk: int,
        user: str,
        *,
        today: date | None = None,
        ask_reason: AskReason | None = None,
        ask_missing: AskMissing | None = None,
        autosave_ms: int = AUTOSAVE_DELAY_MS,
        protocol: Protocol | None = None,
        ask_close: AskFunction | None = None,
    ) -> None:
        super().__init__()
        self.ask_close: AskFunction = ask_close or ask_with_message_box
        self.database = database
        self.visit_id = visit_pk
        self.user = user
        self.today = today or date.today()
        self.ask_reason = ask_reason or _default_ask_reason(self)
        self.ask_missing = ask_missing or _default_ask_missing(self)
        with database.session() as session:
            self.record: VisitRecord = load_visit(session, visit_pk)
            draft = load_draft(session, DRAFT_KIND, draft_key(visit_pk))
            drafted_at = draft_saved_at(session, DRAFT_KIND, draft_key(visit_pk)) if draft else None
        # A copy written outside the database while its disk was full, if newer.
        kept = fallback_drafts.load(database, DRAFT_KIND, draft_key(visit_pk))
        self._outside_copy = fallback_drafts.draft_path(database, DRAFT_KIND,
                                                         draft_key(visit_pk))
        recovered = self.tr("Unsaved entries from %1 were recovered from the draft. Save to "
                            "keep them.")
        if kept is not None and (drafted_at is None or kept.saved_at > drafted_at):
            draft, drafted_at = kept.payload, kept.saved_at
            recovered = self.tr("Unsaved entries from %1 were recovered from the copy kept in "
                                "%2 when the disk was full. Save to keep them.").replace(
                "%2", str(kept.path))
        header = self.record.header
        self.version_id = header.version_id
        self.status = header.status
        self.protocol = protocol or protocol_catalog().protocols.get(header.protocol_id)
        self.definition: VisitDefinition | None = None
        if self.protocol is not None and header.visit_code != "unscheduled":
            try:
                self.definition = self.protocol.visit(header.visit_code)
            except KeyError:
                self.definition = None
        self.monitoring = monitoring_for(self.protocol, self.record.arm_id)
        self.dirty = False
        # Set when the last save or autosave failed for lack of storage and what was typed
        # is nowhere but in this window: closing it then would lose it.
        self._only_in_window = False
        self._close_warned = False
        self._loading = True
        self.setWindowTitle(self.tr("%1 — %2 visit").replace("%1", header.study_id)
                            .replace("%2", visit_words(header.label) if header.label
                                     else header.visit_code))
        self.resize(1366, 760)

        # Sections are built when first shown (building every widget of a full visit is
        # most of the cost of opening the form); until then their stored values wait in
        # ``_values`` / ``_events`` and are summarised from the domain for the side list.
        self.section_keys = sections_for(self.definition, is_baseline=header.is_baseline)
        self.sections: dict[str, Section] = {}
        self._areas: dict[str, QScrollArea] = {}
        self._values: VisitValues = {}
        self._events: list[AdverseEventData] = []
        self._event_rows: list[list] | None = None
        self._build(header)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(autosave_ms)
        self._timer.timeout.connect(self.autosave_now)

        if draft:
            values, events, visit_date = values_from_payload(draft)
            self._event_rows = draft.get("adverse_event_rows")
            self._load(values, events, visit_date)
            if "visit_date_text" in draft:
                self.visit_date.set_iso(draft["visit_date_text"])
            # A draft may hold entries that are not valid yet: build every section so
            # their messages show and Save refuses them.
            for key in self.section_keys:
                self.section(key)
            meds = self.sections.get("medications")
            if meds is not None and draft.get("body_entry"):
                meds.set_raw_body(draft["body_entry"])  # type: ignore[attr-defined]
            local = drafted_at.astimezone() if drafted_at else None
            # The application's one date format (14 Mar 2015), then the time.
            when = f"{format_date(local.date())} {local:%H:%M}" if local else ""
            self.banner.setText(recovered.replace("%1", when))
            self.banner.show()
            self.dirty = True
        else:
            self._load(self.record.values, list(self.record.adverse_events), header.visit_date)
        self._loading = False
        resume = draft.get("current_section") if draft else None  # reopen where it was
        self.section_list.setCurrentRow(
            self.section_keys.index(resume) if resume in self.section_keys else 0
        )
        self._refresh_states()
        if self.status == "signed":
            self._make_read_only()
        self._update_signature_buttons()
        QShortcut(QKeySequence.Save, self, activated=self.save)

    # ------------------------------------------------------------------ signature

    def set_audit_action(self, show_history: Callable[[], None]) -> None:
        """Offer the visit's audit trail (the caller decides who may see it)."""
        self.audit_button.clicked.connect(lambda: show_history())
        self.audit_button.show()

    def _update_signature_buttons(self) -> None:
        actor = self.database.actor
        self.sign_button.setVisible(self.status == "complete")
        self.sign_button.setEnabled(actor is not None and actor.may(Permission.SIGN_VISIT)
                                    and not self.dirty)
        self.sign_button.setToolTip(
            self.tr("Sign this completed visit (clinicians).") if actor is not None
            and actor.may(Permission.SIGN_VISIT) else self.tr("Only a clinician may sign a "
                                                              "visit."))
        self.unlock_button.setVisible(self.status == "signed")
        self.unlock_button.setEnabled(actor is not None and actor.may(Permission.UNLOCK_VISIT))

    def _visit_label(self) -> str:
        header = self.record.header
        return f"{header.study_id} · {visit_words(header.label)}"

    def make_sign_dialog(self) -> SignVisitDialog:
        actor = self.database.actor
        return SignVisitDialog(actor, self._visit_label(),
                               database_signer(self.database, actor, self.visit_id,
                                               self.record), self)

    def sign(self) -> bool:
        """Sign the completed visit (password again, meaning chosen); it is then locked."""
        if self.dirty and not self.save():
            return False
        dialog = self.make_sign_dialog()
        if not dialog.exec() or dialog.signature is None:
            return False
        self._after_signature_change("signed")
        self._make_read_only()
        self.banner.setText(self.tr("This visit is signed: it is shown read-only.") + " "
                            + signature_words(dialog.signature))
        self.saved.emit(self.visit_id)
        return True

    def make_unlock_dialog(self) -> UnlockVisitDialog:
        actor = self.database.actor
        with self.database.session() as session:
            info = signature_of(session, self.visit_id)
        signed_by = info.printed_name if info else self.tr("a clinician")
        return UnlockVisitDialog(self._visit_label(), signed_by,
                                 database_unlocker(self.database, actor, self.visit_id), self)

    def unlock(self) -> bool:
        """Remove the signature (reason required, audited) so the visit can be corrected."""
        dialog = self.make_unlock_dialog()
        if not dialog.exec():
            return False
        self._after_signature_change("complete")
        self.stack.setEnabled(True)
        self.visit_date.setReadOnly(False)
        self.save_button.setEnabled(True)
        self.banner.setText(self.tr("Signature removed: changes now need a reason and a new "
                                    "signature."))
        self.saved.emit(self.visit_id)
        return True

    def _after_signature_change(self, status: str) -> None:
        # Signing and unlocking bump the visit's version: read it back, or the next save
        # would be refused as someone else's change.
        with self.database.reading() as session:
            self.record = load_visit(session, self.visit_id)
        self.version_id = self.record.header.version_id
        self.status = status
        self._refresh_states()
        self._update_signature_buttons()

    def _make_read_only(self) -> None:
        """A signed visit is shown, never edited (its signature covers these values)."""
        self.stack.setEnabled(False)
        self.visit_date.setReadOnly(True)
        self.save_button.setEnabled(False)
        self.complete_button.setEnabled(False)
        with self.database.session() as session:
            info = signature_of(session, self.visit_id)
        self.banner.setText(self.tr("This visit is signed: it is shown read-only.")
                            + (" " + signature_words(info) if info else ""))
        self.banner.show()

    # ------------------------------------------------------------------ building

    def _age_years(self) -> float | None:
        """Age on the visit day; None when unknown or when the stored visit date is before
        birth (that date is shown wrong at its field and must not break the sections)."""
        dob = self.record.header.date_of_birth
        if dob is None:
            return None
        on = self.record.header.visit_date or self.today
        return (on - dob).days / 365.25 if on >= dob else None

    def _arm_words(self) -> str:
        """"Arm A — IVIG" or "TNF-α inhibitor (…)", as the plan names the arm."""
        arm_id = self.record.arm_id
        if not arm_id:
            return self.tr("no arm yet")
        try:
            name = self.protocol.arm(arm_id).name if self.protocol is not None else ""
        except UnknownArmError:
            name = ""
        return terms_arm_title(arm_id, name) if name else self.tr("Arm %1").replace(
            "%1", arm_id.upper())

    def _previous_label(self) -> str:
        """How messages name the last visit held, e.g. "the last visit (Month 1, 2026-06-04)"."""
        r = self.record
        details = [t for t in (r.previous_visit_label, r.previous_visit_date
                               and r.previous_visit_date.isoformat()) if t]
        return "the last visit" + (f" ({', '.join(details)})" if details else "")

    def _section_context(self) -> SectionContext:
        r = self.record
        return SectionContext(
            follow_up=not r.header.is_baseline,
            shown=self._shown(),
            age_years=self._age_years(),
            baseline_values=r.baseline_values,
            previous_label=self._previous_label(),
            protocol=self.protocol,
            arm_id=r.arm_id,
            prescriptions=r.prescriptions,
            monitoring=self.monitoring,
            today=self.today,
            arm_option=r.arm_option,
            arm_started_on=r.arm_started_on,
            date_of_birth=r.header.date_of_birth,
            sex=r.header.sex,
            enrollment_date=r.header.enrollment_date,
        )

    def _shown(self) -> frozenset[str] | None:
        """The protocol instruments this visit lists (None: unscheduled, all of them)."""
        if self.definition is None:
            return None
        return frozenset((*self.definition.instruments, *self.definition.optional_instruments))

    def _make_section(self, key: str) -> Section:
        return make_section(key, self._section_context())

    def _build(self, header) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)
        top = QHBoxLayout()
        window = ""
        if header.window_start and header.window_end:
            window = (self.tr(" (window %1 – %2)")
                      .replace("%1", format_date(header.window_start))
                      .replace("%2", format_date(header.window_end)))
        target = (self.tr("target %1").replace("%1", format_date(header.target_date)) + window
                  if header.target_date else "")
        arm = self._arm_words()
        # (read by the French walk: the visit and the arm are named in the interface's words)
        self.title = QLabel(
            f"<b>{header.study_id}</b> · "
            f"{visit_words(header.label) if header.label else header.visit_code} · {target} · {arm}"
        )
        top.addWidget(self.title, 1)
        self.status_label = QLabel()
        top.addWidget(self.status_label)
        outer.addLayout(top)
        # The visit date has a row of its own: beside it, the date in words with the
        # child's age, or in red why it cannot be this visit's date (before enrollment or
        # birth, after today) -- also for a wrong date already stored, so it can be fixed.
        dated = QHBoxLayout()
        date_label = QLabel(self.tr("Visit &date"))
        self.visit_date = DateField(today=self.today)
        self.visit_date.setAccessibleName("Visit date")
        allowed = visit_date_range(header.date_of_birth, header.enrollment_date, self.today)
        # the limits' names (domain words, app.domain.visit_form) in the interface's language
        self.visit_date.setRange(allowed.earliest, allowed.latest,
                                 term(DATE_LIMIT, allowed.earliest_name),
                                 term(DATE_LIMIT, allowed.latest_name))
        self.visit_date.set_birth_date(header.date_of_birth)
        self.visit_date.edit.textChanged.connect(self._on_changed)
        date_label.setBuddy(self.visit_date.edit)
        dated.addWidget(date_label)
        dated.addWidget(self.visit_date, 1)
        outer.addLayout(dated)
        self.banner = QLabel()
        self.banner.setStyleSheet("background: #fff4d6; padding: 4px;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        if self.protocol is None:
            warn = QLabel(self.tr(
                "The treatment plan of this enrollment is not installed on this computer: "
                "the sections are shown without their required items."))
            warn.setStyleSheet(ERROR_STYLE)
            outer.addWidget(warn)

        splitter = QSplitter()
        self.section_list = QListWidget()
        self.section_list.setAccessibleName(self.tr("Sections"))
        self.section_list.setMinimumWidth(310)
        # "Exposition aux corticoïdes — 10,5 mg/jour" read whole; the form opens as wide as
        # a 1366 px screen so that the globals' sliders (978 px) still fit beside it
        self.section_list.setMaximumWidth(360)
        self.stack = QStackedWidget()
        for key in self.section_keys:
            area = QScrollArea()
            area.setWidgetResizable(True)
            if key == "cdasi":
                # Its words stay English until the section's rework with the study's
                # scoring (issue 18); every other section is in the interface's language.
                plan_text(area)
            self._areas[key] = area
            self.stack.addWidget(area)
            item = QListWidgetItem(term(SECTION, SECTION_LABELS[key]))
            item.setData(Qt.UserRole, key)
            self.section_list.addItem(item)
        self.section_list.currentRowChanged.connect(self._show_row)
        self.section_list.currentRowChanged.connect(lambda _r: self._refresh_response())
        splitter.addWidget(self.section_list)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        outer.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.PlainText)
        bottom.addWidget(self.message, 1)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.clicked.connect(lambda: self.save())
        self.complete_button = QPushButton(self.tr("Mark complete…"))
        self.complete_button.clicked.connect(lambda: self.mark_complete())
        self.sign_button = QPushButton(self.tr("Si&gn…"))
        self.sign_button.clicked.connect(lambda: self.sign())
        self.unlock_button = QPushButton(self.tr("&Unlock…"))
        self.unlock_button.clicked.connect(lambda: self.unlock())
        self.audit_button = QPushButton(self.tr("&History…"))
        self.audit_button.setToolTip(self.tr("Who changed this visit's data, when and why."))
        self.audit_button.hide()
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.close)
        for b in (self.save_button, self.complete_button, self.sign_button, self.unlock_button,
                  self.audit_button, close):
            bottom.addWidget(b)
        outer.addLayout(bottom)
        self.setCentralWidget(central)

    # ------------------------------------------------------------------ data

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        self.section(self.section_keys[row])
        self.stack.setCurrentIndex(row)

    def section(self, key: str) -> Section:
        """The section widget, built (and filled with the values held for it) on first use."""
        section = self.sections.get(key)
        if section is not None:
            return section
        section = self._make_section(key)
        was_loading, self._loading = self._loading, True
        if key == "adverse_events":
            if self._event_rows is not None:
                section.set_raw_rows(self._event_rows)  # type: ignore[attr-defined]
            else:
                section.set_events(self._events)  # type: ignore[attr-defined]
        elif key == "response":
            section.set_current(self.collect_values())  # type: ignore[attr-defined]
        else:
            section.load(self._values)
        self._loading = was_loading
        if key == "medications":
            section.today = self.visit_date_value() or self.today  # type: ignore[attr-defined]
            section.refresh()
        section.changed.connect(self._on_changed)
        self.sections[key] = section
        self._areas[key].setWidget(section)
        if key == "skin":
            self._refresh_skin()
        return section

    def show_section(self, key: str) -> None:
        self.section_list.setCurrentRow(self.section_keys.index(key))

    def _load(
        self, values: VisitValues, events: list[AdverseEventData], visit_date: date | None
    ) -> None:
        self._loading = True
        self._values = values
        self._events = list(events)
        self.visit_date.setValue(visit_date)
        for key, section in self.sections.items():
            if key == "adverse_events":
                section.set_events(events)  # type: ignore[attr-defined]
            elif key != "response":
                section.load(values)
        self._loading = False

    def collect_values(self) -> VisitValues:
        values: VisitValues = {}
        for key in self.section_keys:
            section = self.sections.get(key)
            if section is not None:
                section.collect(values)
                continue
            for instrument in SECTION_INSTRUMENTS.get(key, ()):
                if instrument in self._values:
                    values[instrument] = dict(self._values[instrument])
        return values

    def adverse_events(self) -> list[AdverseEventData]:
        section = self.sections.get("adverse_events")
        if section is None:
            return list(self._events)
        return section.events()  # type: ignore[attr-defined]

    def _entered_units(self) -> str | None:
        meds = self.sections.get("medications")
        return meds.entered_units() if meds is not None else None  # type: ignore[attr-defined]

    def visit_date_value(self) -> date | None:
        """The visit date typed, None when blank or not acceptable (its field says why)."""
        return self.visit_date.value()

    def errors(self, values: VisitValues | None = None) -> dict[str, str]:
        """Entries to correct, by key; ``values``: ``collect_values()`` if already taken."""
        out: dict[str, str] = {}
        message = self.visit_date.problem()
        if message:
            out["visit_date"] = f"The visit date: {message}"
        for section in self.sections.values():
            out.update(section.errors())
        # What the save would refuse, also in a section not opened yet (a value stored by
        # an earlier version that its export column cannot hold): issue 17.
        collected = values if values is not None else self.collect_values()
        for key, problem in visit_value_problems(collected).items():
            out.setdefault(key, problem)
        return out

    def _on_changed(self) -> None:
        if self._loading:
            return
        self.dirty = True
        self._timer.start()
        meds = self.sections.get("medications")
        if meds is not None:  # the weight is measured on the visit day
            day = self.visit_date_value() or self.today
            if meds.today != day:  # type: ignore[attr-defined]
                meds.today = day  # type: ignore[attr-defined]
                meds.refresh()  # judged for the age on that day
        self._refresh_states()

    def _refresh_response(self) -> None:
        response = self.sections.get("response")
        if response is not None:
            response.set_current(self.collect_values())  # type: ignore[attr-defined]

    def _refresh_skin(self) -> None:
        """Give the skin section the skin activity score at the last visit and now, so each
        finding's change rating can be checked against it (a reminder, never an error)."""
        skin = self.sections.get("skin")
        if skin is None or self.record.previous_values is None:
            return
        skin.set_activity(  # type: ignore[attr-defined]
            skin_activity_change(self.record.previous_values, self.collect_values())
        )

    def _refresh_states(self) -> None:
        self._refresh_response()
        self._refresh_skin()
        for row in range(self.section_list.count()):
            item = self.section_list.item(row)
            key = item.data(Qt.UserRole)
            section = self.sections.get(key)
            state = section.state() if section is not None else self._summary(key)
            mark = "⚠" if state.errors else ("✓" if state.complete else "·")
            text = f"{mark} {term(SECTION, SECTION_LABELS[key])}"
            if state.text:  # a score or count the section computed: its decimal mark too
                text += f"  —  {numbers_in_words(state.text)}"
            item.setText(text)
            item.setForeground(Qt.darkRed if state.errors else Qt.black)
        self._show_status()

    def _show_status(self) -> None:
        word = self.tr(STATUS_WORDS[self.status]) if self.status in STATUS_WORDS else self.status
        self.status_label.setText(self.tr("Status: <b>%1</b>").replace("%1", word))

    def _summary(self, key: str) -> SectionState:
        """Side-list line for a section not built yet, from the values held (the
        instrument's own summary, ``app.domain.instruments``)."""
        declared = registry.instrument(key)
        if declared.summary is None:
            return SectionState("", True)
        context = VisitContext(
            shown=self._shown(), protocol=self.protocol, arm_id=self.record.arm_id,
            prescriptions=tuple(self.record.prescriptions),
            baseline_values=self.record.baseline_values, adverse_events=len(self._events),
            arm_option=self.record.arm_option, arm_started_on=self.record.arm_started_on,
            date_of_birth=self.record.header.date_of_birth,
            visit_date=self.visit_date_value() or self.today)
        line = declared.summary(self.collect_values(), context)
        return SectionState(phrases(MESSAGE, line.text), line.complete)

    def requirement_words(self, requirement: Requirement) -> str:
        """A required item as its section names it on screen (its fields' labels, in the
        interface's language); the domain's label when no field shows it."""
        fields = (self.section(requirement.section).fields
                  if requirement.section in self.section_keys else {})
        labels = [fields[item].label_text for item in requirement.items
                  if item in fields and fields[item].label_text]
        if requirement.rule == "first_or_rest":
            labels = labels[:1]
        if not labels or len(labels) > 3:
            return phrases(MESSAGE, requirement.label)
        return (" / " if requirement.rule == "any" else ", ").join(labels)

    def requirements(self) -> tuple[Requirement, ...]:
        values = self.collect_values()
        mri = values.get("mri", {}).get("done")
        return requirements_for(
            self.definition,
            mmt8_variant=variant_of(values.get("mmt8", {})),
            monitoring=self.monitoring,
            mri_done=mri is not None and mri.value_text == "yes",
            needs_height=arm_needs_height(self.protocol, self.record.arm_id),
        )

    def unmet(self, values: VisitValues | None = None) -> tuple[Requirement, ...]:
        return unmet_requirements(
            self.requirements(), values if values is not None else self.collect_values()
        )

    # ------------------------------------------------------------------ actions

    def _draft_payload(self) -> dict:
        """Everything typed, as the draft keeps it (also what a fallback copy keeps)."""
        section = self.sections.get("adverse_events")
        events = self.adverse_events()
        payload = draft_payload(self.collect_values(), events, self.visit_date_value())
        if section is not None:
            payload["adverse_event_rows"] = section.raw_rows()  # type: ignore[attr-defined]
        meds = self.sections.get("medications")
        if meds is not None:  # lb / in typed are kept as typed, not only as kg / cm
            payload["body_entry"] = meds.raw_body()  # type: ignore[attr-defined]
        payload["visit_date_text"] = self.visit_date.text()
        payload["current_section"] = self.section_keys[max(self.section_list.currentRow(), 0)]
        return payload

    def autosave_now(self) -> None:
        """Write the draft now (the timer calls this a second after the last edit)."""
        self._timer.stop()
        if not self.dirty:
            return
        payload = self._draft_payload()
        try:
            with self.database.session() as session:
                save_draft(session, DRAFT_KIND, draft_key(self.visit_id), payload,
                           user=self.user)
        except AccessRefused as refused:  # the form keeps everything typed
            self.message.setText(self.tr("Draft not saved: %1").replace(
                "%1", access_words(refused)))
            return
        except Exception as exc:
            if not self._storage_failed(exc, payload):
                raise
            return
        self._stored()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Draft saved automatically."))
        self.draft_saved.emit()

    def _storage_failed(self, exc: Exception, payload: dict | None = None) -> bool:
        """Tell the truth when the database could not take a save (full disk, read-only or
        damaged file): nothing was saved, the window keeps everything typed, and where a
        copy outside the database is possible it is made (app.db.fallback_drafts).
        False when ``exc`` is not such a problem (the caller re-raises it)."""
        problem = storage_problem(exc, self.database)
        if problem is None:
            return False
        message = file_words(problem)
        kept = None
        if is_disk_full(exc):
            outcome = fallback_drafts.keep(
                self.database, DRAFT_KIND, draft_key(self.visit_id),
                payload if payload is not None else self._draft_payload())
            kept = outcome.path
            message = f"{message} {file_words(outcome.message)}"
        self._only_in_window = kept is None
        self._show_error(message)
        return True

    def _stored(self) -> None:
        """The draft or the visit reached the database: an outside copy is superseded."""
        self._only_in_window = False
        self._close_warned = False
        fallback_drafts.discard_at(self._outside_copy)

    def save(self, reason: str | None = None) -> bool:
        """Save to the database (one transaction). Refuses while any entry needs
        correcting; asks a reason for change when the visit is already complete."""
        values = self.collect_values()
        errors = self.errors(values)
        if errors:
            self._show_error(
                self.tr("%n entries need correcting before saving:", "", len(errors))
                + " " + " ".join(list(errors.values())[:3])
            )
            return False
        if self.status == "complete" and reason is None and self.dirty:
            reason = self.ask_reason(
                self.tr("Reason for change"),
                self.tr("This visit is complete. Why is it being changed?")
            )
            if not reason:
                self._show_error(self.tr("Not saved: a completed visit needs a reason for "
                                         "change."))
                return False
        events, visit_date = self.adverse_events(), self.visit_date_value()
        try:
            with self.database.session() as session:
                result = save_visit(
                    session,
                    self.visit_id,
                    values,
                    events,
                    user=self.user,
                    expected_version=self.version_id,
                    visit_date=visit_date,
                    reason=reason,
                    entered_units=self._entered_units(),
                    opened=self.record,
                )
                if any(event.id is None for event in events):
                    self._reload_after_save(session)  # the new adverse events' ids
            if self.record.header.version_id != result.version_id:
                # What was saved is what is stored now: no need to read the visit again.
                self._saved_as(result, events, visit_date)
        except ConcurrentEditError as exc:
            self._show_conflict(exc)
            return False
        except AccessRefused as exc:  # deactivated meanwhile: what was typed is kept
            self._show_error(access_words(exc))
            return False
        except VisitError as exc:  # a refusal keeps what was typed
            self._show_error(str(exc))
            return False
        except Exception as exc:
            if not self._storage_failed(exc):
                raise
            return False
        self._stored()
        self.version_id = result.version_id
        self.status = result.status
        self.dirty = False
        self._timer.stop()
        self.banner.hide()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved (%n item changes).", "", result.changed_items))
        # The sections' lines were redrawn as the values changed; a save changes only the
        # status (not started → draft).
        self._show_status()
        self.saved.emit(self.visit_id)
        return True

    def _saved_as(self, result, events: list[AdverseEventData],
                  visit_date: date | None) -> None:
        """The record as ``load_visit`` would now read it, from what was just saved."""
        header = replace(self.record.header, version_id=result.version_id,
                         status=result.status, visit_date=visit_date)
        self.record = replace(self.record, header=header, values=result.stored_values,
                              adverse_events=tuple(events))
        self.version_id = result.version_id
        self._events = list(events)

    def _reload_after_save(self, session) -> None:
        """Take the stored visit back: adverse-event ids are assigned by the save, and the
        next save's version and "what you opened" are what was just saved."""
        self.record = load_visit(session, self.visit_id)
        self.version_id = self.record.header.version_id
        self._events = list(self.record.adverse_events)
        self._event_rows = None
        section = self.sections.get("adverse_events")
        if section is None:
            return
        self._loading = True
        section.set_events(self._events)  # type: ignore[attr-defined]
        self._loading = False

    def mark_complete(self) -> bool:
        """Complete the visit: every required item entered or given a missing reason."""
        errors = self.errors()
        if errors:
            self._show_error(self.tr("Correct these first:") + " "
                             + " ".join(list(errors.values())[:3]))
            return False
        missing = list(self.unmet())
        if missing:
            reasons = self.ask_missing(missing)
            if not reasons or any(r.code not in reasons for r in missing):
                self._show_error(self.tr(
                    "Not complete: %n required item(s) with neither a value nor a reason.", "",
                    len(missing)))
                return False
            self._apply_reasons(missing, reasons)
        if self.status == "complete":
            return True
        values = self.collect_values()
        unmet = [r.label for r in self.unmet(values)]
        try:
            with self.database.session() as session:
                save_visit(
                    session,
                    self.visit_id,
                    values,
                    self.adverse_events(),
                    user=self.user,
                    expected_version=self.version_id,
                    visit_date=self.visit_date_value() or self.today,
                    reason=None,
                    entered_units=self._entered_units(),
                    opened=self.record,
                )
                mark_complete(session, self.visit_id, unmet, user=self.user)
                session.flush()
                self.record = load_visit(session, self.visit_id)
                version = self.record.header.version_id
        except ConcurrentEditError as exc:
            self._show_conflict(exc)
            return False
        except AccessRefused as exc:  # deactivated meanwhile: what was typed is kept
            self._show_error(access_words(exc))
            return False
        except VisitError as exc:  # a refusal keeps what was typed
            self._show_error(str(exc))
            return False
        except Exception as exc:
            if not self._storage_failed(exc):
                raise
            return False
        self._stored()
        if self.visit_date.is_empty():
            self._loading = True
            self.visit_date.setValue(self.today)
            self._loading = False
        self.version_id = version
        self.status = "complete"
        self.dirty = False
        self._timer.stop()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Visit marked complete."))
        self._refresh_states()
        self._update_signature_buttons()
        self.saved.emit(self.visit_id)
        return True

    def _apply_reasons(self, missing: list[Requirement], reasons: dict[str, str]) -> None:
        """Write each reason into the first field of its requirement (stored as the item's
        missing_reason)."""
        self._loading = True
        for r in missing:
            if r.section not in self.section_keys:
                continue
            section = self.section(r.section)
            for item in r.items:
                field = section.fields.get(item)
                if field is not None and field.is_blank():
                    field.reason_box.setEnabled(True)
                    field.reason_box.set_reason(reasons[r.code])
                    break
        self._loading = False

    def _show_conflict(self, error: ConcurrentEditError) -> None:
        """Someone else saved the visit: say what and who; everything typed stays in the
        form (and in its autosaved draft)."""
        self._show_error(f"{error}\n" + self.tr("What you typed is still in this form."))

    def _show_error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def _discard_changes(self) -> None:
        """Forget what was typed since the last save: its draft (and any copy kept outside
        the database) is deleted; the stored visit is unchanged."""
        self._timer.stop()
        try:
            with self.database.session() as session:
                delete_draft(session, DRAFT_KIND, draft_key(self.visit_id))
        except Exception as exc:  # the draft stays; it is offered again on opening
            if not self._storage_failed(exc):
                raise
        fallback_drafts.discard_at(self._outside_copy)
        self.dirty = False
        self._only_in_window = False

    def close_keeping_draft(self) -> None:
        """Close without asking, what was typed kept as a draft (the person's account was
        deactivated: a save would be refused, and nobody may stay in the form)."""
        self._closing_without_asking = True
        self.close()

    def account_changed(self, *, may_view_audit: bool) -> None:
        """The signed-in person's role changed mid-session: offer only what it permits."""
        self._update_signature_buttons()
        if not may_view_audit:
            self.audit_button.hide()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        if getattr(self, "_closing_without_asking", False):
            if self.dirty:
                self.autosave_now()
            super().closeEvent(event)
            return
        if self.dirty and not self._close_warned:
            shown = {self.tr(option): option for option in (SAVE, KEEP_DRAFT, DISCARD, STAY)}
            answer = self.ask_close(self, self.tr("Close visit"), self.tr(CLOSE_QUESTION),
                                    list(shown))
            choice = shown.get(answer, answer)
            if choice == STAY or (choice == SAVE and not self.save()):
                event.ignore()  # (a save refused says why in the form)
                return
            if choice == DISCARD:
                self._discard_changes()
        if self.dirty:
            self.autosave_now()
        if self.dirty and self._only_in_window and not self._close_warned:
            # The draft could be kept nowhere: closing would lose what was typed. The first
            # close is refused with a warning; a second one is the user's decision (a
            # damaged database, for one, will not take the draft however long they wait).
            self._close_warned = True
            self._show_error(self.message.text() + " " + self.tr(
                "Not closed: what you typed is only in this window. Close it again to discard "
                "it."))
            event.ignore()
            return
        super().closeEvent(event)


def stored_entry(value: float | str) -> ItemEntry:
    """Convenience for callers building values by hand."""
    if isinstance(value, str):
        return ItemEntry(value_text=value)
    return ItemEntry(value_num=float(value))


def open_visit_form(
    database: Database, visit_pk: int, user: str, parent: QWidget | None = None
) -> VisitFormWindow:
    window = VisitFormWindow(database, visit_pk, user)
    if parent is not None:
        window.setParent(parent, Qt.Window)
    window.show()
    return window


__all__ = ["MissingReasonsDialog", "VisitFormWindow", "open_visit_form"]
