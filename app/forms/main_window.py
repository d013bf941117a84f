"""Main window: the patient list with search, and the menus of the clinic's work."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid as shiboken_valid
from sqlalchemy.exc import SQLAlchemyError

from app import __version__, paths
from app.catalog import protocol_catalog
from app.db.access import account_now
from app.db.audit_queries import AuditFilter
from app.db.conflicts import ConcurrentEditError
from app.db.engine import Database
from app.db.enrollments import (
    active_enrollment_id,
    enrollment_overview,
    latest_measurement,
    load_enrollment_draft,
)
from app.db.patients import (
    DuplicateStudyIdError,
    PatientInput,
    create_patient,
    get_patient_input,
    get_patient_version,
    list_patient_rows,
    patient_id_of,
    update_patient,
)
from app.db.screenings import enrollable_screening, load_screening_draft
from app.db.sites import list_sites
from app.domain.enrollment import EnrollmentDraft
from app.domain.growth import GrowthSubject
from app.domain.permissions import (
    AccessRefused,
    Actor,
    NotSignedIn,
    Permission,
    PermissionDenied,
)
from app.domain.protocol import Protocol, ProtocolCatalog
from app.domain.screening import VERDICT_LABELS
from app.domain.units import format_number
from app.forms.clinic_settings import ClinicSettings
from app.forms.data_changes import DataChanges
from app.forms.language import INTERFACE
from app.forms.long_jobs import JobCancelled, run_backup_now
from app.forms.patient_table_model import PatientSearchProxy, PatientTableModel
from app.forms.terms import VERDICT, arm_title, term
from app.forms.widgets import HINT_STYLE, fit_on_screen

if TYPE_CHECKING:  # the windows not shown at start are imported when first opened
    from app.db.encryption_setup import EncryptionReport
    from app.forms.arm_switch_dialog import ArmSwitchDialog
    from app.forms.cohort_window import CohortWindow
    from app.forms.due_visits import DueVisitsDialog
    from app.forms.encryption_dialog import EncryptionDialog
    from app.forms.enrollment.wizard import EnrollmentWizard
    from app.forms.export_dialog import ExportDialog
    from app.forms.patient_dialog import PatientDialog
    from app.forms.patient_page import PatientPage
    from app.forms.print_dialog import PrintChoiceDialog
    from app.forms.screening_wizard import ScreeningWizard
    from app.forms.settings_dialog import SettingsDialog
    from app.forms.treatment_plans_dialog import TreatmentPlansDialog
    from app.forms.visit_form import VisitFormWindow

SEARCH_DELAY_MS = 120
# How often the signed-in account is re-read (one small query): a role lowered at another
# workstation reaches this one's open windows within a minute.
ACCOUNT_CHECK_MS = 60_000
  # lets a fast typist finish a word before the 10,000-row filter runs


class _FirstPaint(QObject):
    """Calls ``then`` once, just after ``widget`` was first painted."""

    def __init__(self, widget: QWidget, then) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint is done
        return False


class MainWindow(QMainWindow):
    # Emitted after Tools → Settings… is accepted, so start-up code applies the new values.
    settings_changed = Signal()
    # Emitted once, when the patient list has first been painted: background work of the
    # start (daily backup, file and audit checks) waits for it so the window comes first.
    usable = Signal()

    def __init__(self, database: Database, user: str, settings: QSettings | None = None,
                 today: date | None = None,
                 protocols: dict[str, Protocol] | None = None) -> None:
        super().__init__()
        self._protocols = protocols
        self._acting_on: str | None = None
        self.database = database
        self.user = user
        self._settings = settings
        self._today = today or date.today()
        self.visit_windows: dict[int, VisitFormWindow] = {}
        # Saves report here; every open list showing that data refreshes itself.
        self.changes = DataChanges(self)
        self.changes.visit_saved.connect(lambda _visit: self._refresh_keeping_selection())
        self.audit_problem: str | None = None
        self.audit_window: QWidget | None = None
        self.backup_job = None  # "Back up now" running on its worker thread
        self.signed_out = False
        # What signing out does: the application closes this window and asks who signs in.
        self.on_sign_out = self.close
        fit_on_screen(self, 1100, 700)

        self.model = PatientTableModel(today=self._today, parent=self,
                                       arm_label=self._arm_label)
        self.proxy = PatientSearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)
        # Type a name, then Down to move into the list or Enter to open the patient.
        self.search.installEventFilter(self)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(PatientTableModel.STUDY_ID, Qt.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row heights and no per-row content sizing keep 10,000 rows fast to show.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((0, 140), (1, 260), (2, 220), (3, 80)):
            self.table.setColumnWidth(column, width)
        # Double-click or Enter opens the patient page (plan, doses, due dates); editing the
        # identity stays on Ctrl+E and on the page itself.
        self.table.doubleClicked.connect(lambda _index: self.open_selected_patient())
        open_page = QAction(self.table)
        open_page.setShortcuts([QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)])
        open_page.setShortcutContext(Qt.WidgetShortcut)
        open_page.triggered.connect(self.open_selected_patient)
        self.table.addAction(open_page)

        self.count_label = QLabel()
        self.no_match = QLabel()
        self.no_match.setObjectName("no_match")
        self.no_match.setStyleSheet(HINT_STYLE + " font-size: 12pt; padding: 6px;")
        self.no_match.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.no_match)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.count_label)
        # The daily backup's progress, and its failure until the next backup succeeds.
        self.backup_status = QLabel()
        self.backup_status.setObjectName("backup_status")
        self.backup_status.hide()
        self.backup_progress = QProgressBar()
        self.backup_progress.setObjectName("backup_progress")
        self.backup_progress.setMaximumWidth(160)
        self.backup_progress.setAccessibleName(self.tr("Daily backup progress"))
        self.backup_progress.hide()
        self.statusBar().addPermanentWidget(self.backup_status)
        self.statusBar().addPermanentWidget(self.backup_progress)
        # Whether the file on this disk is encrypted is something staff should be able to
        # see at a glance (and an auditor ask about).
        self.storage_label = QLabel()
        self.storage_label.setObjectName("storage_label")
        self.statusBar().addPermanentWidget(self.storage_label)
        # A refused protocol file stays visible until it is fixed: the plan a site meant to
        # use may be the one refused (the shipped one is then still offered).
        refused = len(self._catalog().rejected)
        self.refused_plans_label = QLabel(
            f"{refused} protocol file{'s' if refused != 1 else ''} refused — see Tools → "
            "Treatment plans" if refused else "")
        self.refused_plans_label.setObjectName("refused_plans_label")
        self.refused_plans_label.setStyleSheet("color: #a00000;")
        self.refused_plans_label.setVisible(bool(refused))
        self.statusBar().addPermanentWidget(self.refused_plans_label)

        self._build_menus()
        self._watch_the_account()
        self._name_things()
        self.refresh()
        self.search.setFocus()
        self.painted = False  # the list has been on screen
        self._first_paint = _FirstPaint(self.table.viewport(), self._on_first_paint)

    def _name_things(self) -> None:
        """The words of this window outside its menus; again when the language changes."""
        self.setWindowTitle(
            self.tr("JDM treatment plans — %1").replace("%1", self.database.display_name))
        self.search.setPlaceholderText(
            self.tr("Search by study id, name, protocol or arm  (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search patients"))
        self.table.setAccessibleName(self.tr("Patients"))
        self.no_match.setAccessibleName(self.tr("Search result"))
        self.storage_label.setText(self.tr("Encrypted database")
                                   if getattr(self.database, "encrypted", False) else "")
        self.storage_label.setVisible(bool(self.storage_label.text()))
        self.storage_label.setToolTip(self.tr(
            "The database file is encrypted at rest (SQLCipher); its backups are too."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        """Tools → Language applies at once: Qt sends LanguageChange to every widget when
        the translators are replaced; this window takes its words again in place, so the
        signed-in session, the search typed and the selected patient stay. Every other
        window opened from here is modal (it is closed before the menu can be used) and
        takes its words when it is built."""
        if event.type() == QEvent.LanguageChange and hasattr(self, "count_label"):
            self.menuBar().clear()
            self._build_menus()
            self._name_things()
            # Arm names are searched as shown: the rows are read again in the new words,
            # keeping the patient selected.
            selected = self.table.selectionModel().selectedRows()
            study_id = (self.model.row_at(self.proxy.mapToSource(selected[0]).row()).study_id
                        if selected else None)
            self.model.language_changed()
            self.refresh()
            self._apply_search()
            if study_id:
                self.select_study_id(study_id)
        super().changeEvent(event)

    # ----- menus -------------------------------------------------------------------------
    def _action(self, text: str, slot=None, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if slot is not None:
            action.triggered.connect(slot)
        else:
            # Laid out now so staff learn where things live; enabled as each feature lands.
            action.setEnabled(False)
            tip = tip or self.tr("Not available in this version yet.")
        action.setStatusTip(tip)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.new_patient_action = self._action(
            self.tr("&New patient…"), self.add_patient, QKeySequence.New,
            self.tr("Add a patient to the list."))
        self.print_action = self._action(
            self.tr("&Print / Save as PDF…"), self.print_selected_patient, QKeySequence.Print,
            self.tr("Visit summary, blank worksheet or dosing sheet for the selected patient."))
        file_menu.addAction(self.print_action)
        self.export_action = self._action(
            self.tr("&Export for coordinators…"), self.export_for_coordinators, "Ctrl+Shift+E",
            self.tr("CSV files for the study coordinators (de-identified by default)."))
        file_menu.addAction(self.export_action)
        self.import_action = self._action(
            self.tr("&Import…"), self.import_export_folder,
            tip=self.tr("Load an identified export of this app."))
        file_menu.addAction(self.import_action)
        file_menu.addSeparator()
        self.sign_out_action = self._action(
            self.tr("&Sign out / switch user…"), self.sign_out, "Ctrl+Shift+L",
            self.tr("Close this person's work (drafts are kept) and let someone else sign in."))
        file_menu.addAction(self.sign_out_action)
        file_menu.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.Quit))

        # Patients are added where patients are worked on, not under File.
        patient_menu = bar.addMenu(self.tr("&Patient"))
        patient_menu.addAction(self.new_patient_action)
        patient_menu.addSeparator()
        self.edit_patient_action = self._action(
            self.tr("&Edit patient…"), self.edit_selected_patient, "Ctrl+E",
            self.tr("Edit the selected patient."))
        patient_menu.addAction(self.edit_patient_action)
        self.open_patient_action = self._action(
            self.tr("&Open patient page…"), self.open_selected_patient, "Ctrl+O",
            self.tr("Plan, arm, doses, visit due dates and screening log of the selected patient."))
        patient_menu.addAction(self.open_patient_action)
        patient_menu.addSeparator()
        self.screen_action = self._action(
            self.tr("&Screen for a treatment plan…"), self.screen_selected_patient, "Ctrl+Shift+S",
            self.tr("Check the selected patient against a plan's eligibility criteria."))
        self.enroll_action = self._action(
            self.tr("En&roll and choose arm…"), self.enroll_selected_patient, "Ctrl+Shift+N",
            self.tr("Enroll the selected patient from an eligible screening and choose the arm."))
        self.change_arm_action = self._action(
            self.tr("&Change arm…"), self.change_arm_selected_patient, None,
            self.tr("Move the selected patient to another arm (e.g. A to B or C)."))
        for action in (self.screen_action, self.enroll_action, self.change_arm_action):
            patient_menu.addAction(action)

        visits_menu = bar.addMenu(self.tr("&Visits"))
        self.due_visits_action = self._action(
            self.tr("Visits due this &week and overdue…"), self.show_due_visits, "Ctrl+D",
            self.tr("Every patient's visits due in the next 7 days and those overdue."))
        visits_menu.addAction(self.due_visits_action)

        cohort_menu = bar.addMenu(self.tr("&Cohort"))
        self.cohort_action = self._action(
            self.tr("&Outcomes by arm…"), self.show_cohort_outcomes,
            tip=self.tr("Counts, baseline balance, time to inactive disease, TIS, skin VAS, "
                        "steroids and adverse events by arm, each figure with the patients "
                        "behind it."))
        self.cohort_action.setEnabled(self._may(Permission.VIEW_DATA))
        cohort_menu.addAction(self.cohort_action)

        tools_menu = bar.addMenu(self.tr("&Tools"))
        self.users_action = self._action(self.tr("&User accounts…"), self.manage_users,
                                         tip=self.tr("Add people, change roles, unlock accounts."))
        self.audit_action = self._action(self.tr("&Audit trail…"), self.show_audit_trail,
                                         tip=self.tr("Who changed what, when and why."))
        self.backup_action = self._action(self.tr("&Back up now…"), self.back_up_now,
                                          tip=self.tr("Copy the database to a file you choose."))
        self.settings_action = self._action(
            self.tr("&Settings…"), self.change_settings,
            tip=self.tr("Screen lock after idle minutes, automatic backups kept and their folder."))
        self.sites_action = self._action(
            self.tr("S&ite list…"), self.manage_sites,
            tip=self.tr("The sites offered in the patient dialog (exported as codes)."))
        self.site_code_action = self._action(
            self.tr("Site &code…"), self.set_site_code,
            tip=self.tr("This site's code: every exported record id starts with it."))
        self.encryption_action = self._action(
            self.tr("Database &encryption…"), self.change_encryption,
            tip=self.tr("Encrypt the database file with a passphrase, change it, or stop "
                        "encrypting."))
        self._gated_actions = ((self.users_action, Permission.MANAGE_USERS),
                               (self.audit_action, Permission.VIEW_AUDIT),
                               (self.backup_action, Permission.BACKUP),
                               (self.settings_action, Permission.CHANGE_SETTINGS),
                               (self.sites_action, Permission.CHANGE_SETTINGS),
                               (self.site_code_action, Permission.CHANGE_SETTINGS),
                               (self.encryption_action, Permission.MANAGE_ENCRYPTION))
        for action, _permission in self._gated_actions:
            tools_menu.addAction(action)
        self._apply_permissions()
        tools_menu.addSeparator()
        # Everyone may see which plans are offered and why a protocol file was refused.
        self.plans_action = self._action(
            self.tr("&Treatment plans…"), self.show_treatment_plans,
            tip=self.tr("The plans offered (shipped or site plan, with file hash) and any "
                        "protocol file refused, with the reasons."))
        tools_menu.addAction(self.plans_action)
        if self.database.file_path is None:
            self.encryption_action.setEnabled(False)
            self.encryption_action.setStatusTip(
                self.tr("A server database is protected by the server, not encrypted here."))

        # Everyone may choose the language of the workstation's interface (not audited:
        # it changes no data and no protection).
        self.language_action = self._action(
            self.tr("&Language…"), self.change_language,
            tip=self.tr("English or French; the computer's language by default."))
        self.language_action.setEnabled(self._settings is not None)
        tools_menu.addAction(self.language_action)

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), self._about,
                                         tip=self.tr("About this application.")))

        find = QAction(self)
        find.setShortcut(QKeySequence.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)

    # ----- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.database.reading() as session:
            rows = list_patient_rows(session)
        self.model.set_rows(rows)
        self._update_count()

    def _apply_search(self) -> None:
        self.proxy.set_search_text(self.search.text())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.total_count()
        typed = self.search.text().strip()
        self.no_match.setText(self.tr("No patient matches “%1”.").replace("%1", typed)
                              if typed else "")
        self.no_match.setVisible(bool(typed) and shown == 0 and total > 0)
        # %n is the plural's count (translations choose "1 patient" / "2 patients");
        # %L1 and %Ln are written with the interface language's digit grouping.
        self.count_label.setText(
            self.tr("%Ln patient(s)", "", total) if shown == total
            else self.tr("%L1 of %Ln patient(s)", "", total).replace(
                "%L1", QLocale().toString(shown)))

    def selected_patient_id(self) -> int | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        return self.model.row_at(self.proxy.mapToSource(indexes[0]).row()).patient_id

    def select_study_id(self, study_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).study_id == study_id:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return

    # ----- actions -----------------------------------------------------------------------
    def make_patient_dialog(self, on_save, initial: PatientInput | None = None) -> PatientDialog:
        """Separate so tests can drive the dialog without a modal event loop."""
        from app.forms.patient_dialog import PatientDialog

        with self.database.reading() as session:
            sites = [site.name for site in list_sites(session, active_only=True)]
        return PatientDialog(on_save, initial=initial, today=self._today, parent=self,
                             sites=sites)

    def add_patient(self) -> None:
        dialog = self.make_patient_dialog(self._save_new_patient)
        if dialog.exec():
            self.refresh()
            self.select_study_id(dialog.entered().study_id)

    def _save_new_patient(self, data: PatientInput) -> dict[str, str] | None:
        try:
            with self.database.session() as session:
                create_patient(session, data, user=self.user)
        except DuplicateStudyIdError as error:
            return {"study_id": str(error)}
        self.statusBar().showMessage(
            self.tr("Patient %1 saved.").replace("%1", data.study_id), 5000)
        return None

    def edit_selected_patient(self) -> None:
        from app.forms.patient_dialog import conflict_problems

        patient_id = self.selected_patient_id()
        if patient_id is None:
            self.statusBar().showMessage(self.tr("Select a patient first."), 4000)
            return
        # The values and the version the form opens with, read together: the save passes
        # both back, so another workstation's change in between is refused, not reverted.
        with self.database.reading() as session:
            initial = get_patient_input(session, patient_id)
            opened_version = get_patient_version(session, patient_id)

        def save(data: PatientInput) -> dict[str, str] | None:
            try:
                with self.database.session() as session:
                    update_patient(session, patient_id, data, user=self.user,
                                   expected_version=opened_version, opened=initial)
            except DuplicateStudyIdError as error:
                return {"study_id": str(error)}
            except ConcurrentEditError as error:
                return conflict_problems(error)
            return None

        dialog = self.make_patient_dialog(save, initial=initial)
        if dialog.exec():
            self.refresh()
            self.select_study_id(dialog.entered().study_id)

    # ----- treatment plans -----------------------------------------------------------------
    def _arm_label(self, protocol_id: str | None, arm_id: str | None) -> str:
        protocol = self.protocols.get(protocol_id or "")
        if protocol is None or not arm_id:
            return arm_id or ""
        try:
            return arm_title(arm_id, protocol.arm(arm_id).name)
        except ValueError:
            return arm_id

    @property
    def protocols(self) -> dict[str, Protocol]:
        if self._protocols is None:
            self._protocols = protocol_catalog().protocols
        return self._protocols

    def _catalog(self) -> ProtocolCatalog:
        """The catalog behind ``protocols`` (a window given its plans has no refused files)."""
        if self._protocols is None:
            return protocol_catalog()
        return ProtocolCatalog(protocols=dict(self._protocols))

    def make_treatment_plans_dialog(self) -> TreatmentPlansDialog:
        from app.forms.treatment_plans_dialog import TreatmentPlansDialog

        folder = str(paths.site_protocol_dir()) if self._protocols is None else ""
        return TreatmentPlansDialog(self._catalog(), folder, parent=self)

    def show_treatment_plans(self) -> None:
        self.make_treatment_plans_dialog().exec()

    def _selected(self) -> tuple[int, str] | None:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            self.statusBar().showMessage(self.tr("Select a patient first."), 4000)
            return None
        row = self.model.row_at(self.proxy.mapToSource(indexes[0]).row())
        self._acting_on = row.study_id
        return row.patient_id, f"{row.study_id} {row.name}"

    def _refresh_keeping_selection(self) -> None:
        study_id = self._acting_on
        self.refresh()
        if study_id:
            self.select_study_id(study_id)

    def make_screening_wizard(self, patient_id: int, patient_text: str) -> ScreeningWizard:
        """Separate so tests can drive the wizard without a modal event loop."""
        from app.forms.screening_wizard import ScreeningWizard

        with self.database.session() as session:
            draft = load_screening_draft(session, patient_id)
        wizard = ScreeningWizard(self.database, patient_id, self.user, self.protocols,
                                 today=self._today, draft=draft, patient_text=patient_text,
                                 parent=self)
        wizard.start_at_saved_page()
        return wizard

    def screen_selected_patient(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        if not self.protocols:
            self.statusBar().showMessage(self.tr("No treatment plan is installed."), 6000)
            return
        wizard = self.make_screening_wizard(*selected)
        if wizard.exec():
            verdict = VERDICT_LABELS.get(wizard.saved_verdict, wizard.saved_verdict)
            self.statusBar().showMessage(
                self.tr("Screening saved: %1.").replace("%1", term(VERDICT, verdict).lower()),
                6000)
        self._refresh_keeping_selection()

    @staticmethod
    def _growth_subject(session, patient_id: int) -> GrowthSubject:
        """Age and sex for judging weight and height."""
        identity = get_patient_input(session, patient_id)
        return GrowthSubject(identity.date_of_birth, identity.sex)

    def make_enrollment_wizard(self, patient_id: int, patient_text: str
                               ) -> EnrollmentWizard | None:
        from app.forms.enrollment.wizard import EnrollmentWizard

        with self.database.session() as session:
            record = enrollable_screening(session, patient_id)
            if record is None:
                return None
            draft = load_enrollment_draft(session, record.summary.screening_id)
            latest = latest_measurement(session, patient_id)
            subject = self._growth_subject(session, patient_id)
        protocol = self.protocols.get(record.summary.protocol_id)
        if protocol is None:
            return None
        if draft is None:
            draft = EnrollmentDraft(patient_id, record.summary.screening_id, protocol.id)
            if latest is not None:  # offered, and refused on the page if older than 30 days
                kg, cm, measured_on = latest
                draft.weight = format_number(kg, 3) if kg else ""
                draft.height = format_number(cm, 2) if cm else ""
                draft.measured_on = measured_on.isoformat()
        note = ""
        if record.protocol_hash != protocol.content_hash:
            note = (f"The plan file has changed since this screening (now version "
                    f"{protocol.version}). Check that the eligibility criteria still hold, or "
                    "screen again.")
        wizard = EnrollmentWizard(self.database, protocol, draft, record.facts,
                                  record.summary.screening_date, self.user, today=self._today,
                                  patient_text=patient_text, protocol_changed_note=note,
                                  parent=self, subject=subject)
        wizard.start_at_saved_page()
        return wizard

    def enroll_selected_patient(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        wizard = self.make_enrollment_wizard(*selected)
        if wizard is None:
            self.statusBar().showMessage(
                "No eligible screening to enroll from (or the patient is already enrolled). "
                "Screen the patient first.", 8000)
            return
        if wizard.exec():
            self.statusBar().showMessage(self.tr("Patient enrolled."), 6000)
        self._refresh_keeping_selection()

    def make_arm_switch_dialog(self, patient_id: int, patient_text: str
                               ) -> ArmSwitchDialog | None:
        from app.forms.arm_switch_dialog import ArmSwitchDialog

        with self.database.session() as session:
            enrollment_id = active_enrollment_id(session, patient_id)
            if enrollment_id is None:
                return None
            overview = enrollment_overview(session, enrollment_id)
            latest = latest_measurement(session, patient_id)
            subject = self._growth_subject(session, patient_id)
        protocol = self.protocols.get(overview.protocol_id)
        if protocol is None or overview.current_arm is None:
            return None
        dialog = ArmSwitchDialog(self.database, protocol, enrollment_id,
                                 overview.current_arm.arm_id, overview.current_arm.start_date,
                                 self.user, today=self._today, patient_text=patient_text,
                                 parent=self, enrollment_version=overview.version_id,
                                 subject=subject)
        if latest is not None:  # a weight older than 30 days is refused there
            kg, cm, measured_on = latest
            dialog.measurements.load(format_number(kg, 3) if kg else "", "kg",
                                     format_number(cm, 2) if cm else "", "cm",
                                     measured_on.isoformat())
        return dialog

    def change_arm_selected_patient(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        dialog = self.make_arm_switch_dialog(*selected)
        if dialog is None:
            self.statusBar().showMessage(self.tr("The patient is not enrolled on an arm."), 6000)
            return
        if dialog.exec():
            self.statusBar().showMessage(self.tr("Arm changed."), 6000)
        self._refresh_keeping_selection()

    def make_patient_page(self, patient_id: int) -> PatientPage:
        page = self._patient_page(patient_id)
        self.changes.visit_saved.connect(page.visit_saved)  # dropped when the page is deleted
        return page

    def _patient_page(self, patient_id: int) -> PatientPage:
        from app.forms.patient_page import PatientPage

        return PatientPage(self.database, patient_id, self.protocols, today=self._today,
                           on_screen=self.screen_selected_patient,
                           on_enroll=self.enroll_selected_patient,
                           on_change_arm=self.change_arm_selected_patient,
                           on_edit=self.edit_selected_patient, parent=self,
                           on_open_visit=self.open_visit_form, user=self.user,
                           on_audit=self.show_audit_trail if self._may(Permission.VIEW_AUDIT)
                           else None)

    # ----- documents and exchange -------------------------------------------------------
    def make_print_dialog(self, patient_id: int, study_id: str) -> PrintChoiceDialog:
        from app.forms.print_dialog import PrintChoiceDialog

        return PrintChoiceDialog(self.database, patient_id, study_id, today=self._today,
                                 parent=self)

    def print_selected_patient(self) -> None:
        from app.forms.pdf_preview import preview_visit_document

        selected = self._selected()
        if selected is None:
            self.statusBar().showMessage(self.tr("Select a patient first."), 4000)
            return
        patient_id = selected[0]
        study_id = self.model.row_at(
            self.proxy.mapToSource(self.table.selectionModel().selectedRows()[0]).row()).study_id
        dialog = self.make_print_dialog(patient_id, study_id)
        if not dialog.exec():
            return
        visit, kind, paper = dialog.choice()
        try:
            preview = preview_visit_document(self.database, study_id, visit, kind, paper,
                                             parent=self)
        except (LookupError, ValueError) as error:
            self.warn(self.tr("Cannot print"), str(error))
            return
        preview.exec()

    # ----- tools -------------------------------------------------------------------------
    def _may(self, permission: Permission) -> bool:
        # Only what enables menu entries; the services check the account as it is now.
        actor = self.database.actor
        return actor is not None and actor.may(permission)

    def _actor(self) -> Actor:
        return self.database.actor

    def _apply_permissions(self) -> None:
        # Shown to everyone so staff know they exist; enabled for the roles that may.
        for action, permission in self._gated_actions:
            action.setEnabled(self._may(permission))

    # ----- the account as it is now --------------------------------------------------------
    closed = False  # set when the window has closed for good

    def _watch_the_account(self) -> None:
        """Re-read the signed-in account periodically, after every change reported here and
        when the application becomes active again, so that a role lowered or an account
        deactivated (at this or another workstation) is followed by the open windows."""
        self.account_timer = QTimer(self)
        self.account_timer.timeout.connect(self.recheck_account)
        self.account_timer.start(ACCOUNT_CHECK_MS)
        self.changes.visit_saved.connect(lambda _visit: self.recheck_account())
        self.changes.patient_changed.connect(lambda _patient: self.recheck_account())
        application = QApplication.instance()
        if application is not None:
            application.applicationStateChanged.connect(self._application_state)

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.recheck_account()

    def recheck_account(self) -> None:
        actor = self.database.actor
        # A window already closed (signed out, quit, replaced) watches nothing: it would
        # otherwise answer the application becoming active with a message of its own.
        if not isinstance(actor, Actor) or self.signed_out or self.closed:
            return
        try:
            with self.database.reading() as session:
                now = account_now(session, actor)
        except SQLAlchemyError:  # unreachable for a moment: the next check will tell
            return
        if now == actor:
            return
        if now is None:
            self._account_withdrawn()
            return
        self.database.actor = now
        self._apply_permissions()
        may_audit = now.may(Permission.VIEW_AUDIT)
        for window in list(self.visit_windows.values()):
            window.account_changed(may_view_audit=may_audit)
        if not may_audit:
            self._close_audit_window()
            from app.forms.patient_page import PatientPage

            for page in self.findChildren(PatientPage):
                page.audit_button.setEnabled(False)
        for dialog in self.findChildren(QDialog):
            needed = _DIALOG_PERMISSIONS.get(type(dialog).__name__)
            if needed is not None and dialog.isVisible() and not now.may(needed):
                dialog.reject()

    def _close_audit_window(self) -> None:
        view, self.audit_window = self.audit_window, None
        if view is not None and shiboken_valid(view):
            view.close()

    def _account_withdrawn(self) -> None:
        """Deactivated (or removed) mid-session: every window closes, drafts kept, and the
        workstation goes back to the sign-in."""
        for visit_pk, window in list(self.visit_windows.items()):
            window.close_keeping_draft()
            self.visit_windows.pop(visit_pk, None)  # (deleted later, by the event loop)
        self._close_audit_window()
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        self.warn(self.tr("Signed out"),
                  self.tr("Your account has been deactivated by an administrator: you are "
                          "signed out. What you had typed is kept as a draft."))
        self.signed_out = True
        self.on_sign_out()

    def set_site_code(self) -> None:
        from app.forms.site_code_dialog import SiteCodeDialog

        SiteCodeDialog(self.database, self._actor().user_name, self).exec()

    def manage_sites(self) -> None:
        from app.forms.site_list_dialog import SiteListDialog

        SiteListDialog(self.database, self._actor().user_name, self).exec()

    def manage_users(self) -> None:
        from app.forms.users_dialog import UserAdministration, UsersDialog

        try:
            dialog = UsersDialog(UserAdministration(self.database, self._actor()), self)
        except AccessRefused as denied:
            self.warn(self.tr("Not allowed"), str(denied))
            return
        dialog.exec()

    def show_audit_trail(self, scope: AuditFilter | None = None) -> None:
        from app.forms.audit_view import audit_view_for

        try:
            view = audit_view_for(self.database, self._actor(), scope, parent=self)
        except AccessRefused as denied:
            self.warn(self.tr("Not allowed"), str(denied))
            return
        view.setWindowFlag(Qt.Window)
        # Opened from modal pages (patient page, visit form): modal too, or it gets no input.
        view.setWindowModality(Qt.ApplicationModal)
        view.setAttribute(Qt.WA_DeleteOnClose)
        view.resize(1100, 600)
        view.show()
        self.audit_window = view

    def make_settings_dialog(self) -> SettingsDialog:
        """Separate so tests can drive the dialog without a modal event loop."""
        from app.forms.settings_dialog import SettingsDialog

        assert self._settings is not None
        return SettingsDialog(self.database, self._actor(), ClinicSettings(self._settings),
                              parent=self)

    def change_settings(self) -> None:
        if self._settings is None:
            self.warn(self.tr("Settings"),
                      self.tr("This window was opened without a settings file."))
            return
        if not self._may(Permission.CHANGE_SETTINGS):
            self.warn(self.tr("Not allowed"), _refusal(self._actor(), Permission.CHANGE_SETTINGS))
            return
        if self.make_settings_dialog().exec():
            self.statusBar().showMessage(self.tr("Settings saved."), 5000)
            self.settings_changed.emit()

    def make_language_dialog(self):  # noqa: ANN201 - LanguageDialog
        from app.forms.language_dialog import LanguageDialog

        return LanguageDialog(self._settings, self)

    def change_language(self) -> None:
        from app.forms.language import LanguageError, resolve, stored_choice

        if self._settings is None or not self.make_language_dialog().exec():
            return
        try:
            INTERFACE.switch(resolve(stored_choice(self._settings)))
        except LanguageError as error:
            self.warn(self.tr("Language"), str(error))
            return
        self.statusBar().showMessage(self.tr("The interface language has changed."), 8000)

    def make_encryption_dialog(self) -> EncryptionDialog:
        """Separate so tests can drive the dialog without a modal event loop."""
        from app.forms.encryption_dialog import EncryptionDialog

        return EncryptionDialog(self.database, self._actor(), parent=self)

    def change_encryption(self) -> None:
        if not self._may(Permission.MANAGE_ENCRYPTION):
            self.warn(self.tr("Not allowed"), _refusal(self._actor(), Permission.MANAGE_ENCRYPTION))
            return
        dialog = self.make_encryption_dialog()
        if dialog.exec() and dialog.report is not None:
            self.show_encryption_change(dialog.report)

    def show_encryption_change(self, report: EncryptionReport) -> None:
        self.storage_label.setText(self.tr("Encrypted database") if self.database.encrypted else "")
        self.storage_label.setVisible(self.database.encrypted)
        QMessageBox.information(self, self.tr("Database encryption"), report.describe())

    def choose_backup_path(self) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database to"),
            f"jdm-ctp-backup-{date.today().isoformat()}.sqlite3",
            self.tr("SQLite backup (*.sqlite3);;All files (*)"))
        return path

    def back_up_now(self) -> None:
        if not self._may(Permission.BACKUP) or self.database.file_path is None:
            self.warn(self.tr("Back up"), self.tr(
                "Backups from here are for the local database file; a server database is "
                "backed up by its administrator."))
            return
        target = self.choose_backup_path()
        if not target:
            return
        # On a worker thread with a progress bar and Cancel: the window keeps answering.
        # An encrypted database's backup stays keyed with the database passphrase.
        self.backup_job = run_backup_now(self, self.database, target)
        self.backup_job.finished.connect(
            lambda written: self.statusBar().showMessage(
                self.tr("Backup written to %1.").replace("%1", str(written)), 10000))
        self.backup_job.failed.connect(self._backup_failed)

    def _backup_failed(self, error: BaseException) -> None:
        if isinstance(error, JobCancelled):
            self.statusBar().showMessage(self.tr("Backup cancelled; no file was written."), 8000)
            return
        if isinstance(error, AccessRefused):
            self.warn(self.tr("Not allowed"), str(error))
            return
        # BackupError and OSError say what went wrong in words; anything else too.
        self.warn(self.tr("Backup failed"),
                  self.tr("The backup could not be written: %1").replace("%1", str(error)))

    def _on_first_paint(self) -> None:
        self.painted = True
        self.usable.emit()

    def show_backup_progress(self, done: int, total: int) -> None:
        """The daily backup copies in the background: how far it is, in the status bar."""
        if not self.backup_progress.isVisible():
            self.backup_status.setStyleSheet("")
            self.backup_status.setText(self.tr("Daily backup…"))
            self.backup_status.show()
            self.backup_progress.show()
        self.backup_progress.setMaximum(max(total, 1))
        self.backup_progress.setValue(min(done, total))

    def show_backup_outcome(self, outcome) -> None:
        """The daily backup ended: a success for a while; a failure stays until the next
        backup succeeds (the log has it too)."""
        self.backup_progress.hide()
        if outcome is None:  # none was due
            self.backup_status.hide()
            return
        if outcome.ok:
            self.backup_status.hide()
            self.statusBar().showMessage(outcome.message, 10000)
            return
        self.backup_status.setStyleSheet("color: #a00000;")
        self.backup_status.setText(self.tr("Daily backup failed"))
        self.backup_status.setToolTip(outcome.message)
        self.backup_status.show()
        self.statusBar().showMessage(outcome.message)

    def report_audit_check(self, message: str | None) -> None:
        """Result of the start-up audit-chain check: silent when intact."""
        self.audit_problem = message
        if message:
            self.warn(self.tr("Audit trail check failed"), message)

    def warn(self, title: str, text: str) -> None:
        """A plain warning box; separate so tests can see the message instead of blocking."""
        QMessageBox.warning(self, title, text)

    def make_export_dialog(self) -> ExportDialog:
        from app.forms.export_dialog import ExportDialog

        return ExportDialog(self.database, self, user=self.user)

    def export_for_coordinators(self) -> None:
        self.make_export_dialog().exec()

    def choose_import_folder(self) -> str:
        return QFileDialog.getExistingDirectory(self, "Folder of a jdm-ctp export")

    def import_export_folder(self) -> None:
        from app.exports.importing import ImportRejected, import_directory

        folder = self.choose_import_folder()
        if not folder:
            return
        try:
            summary = import_directory(self.database, folder, user=self.user)
        except ImportRejected as error:
            self.show_import_result("Import rejected", str(error), ok=False)
            return
        except AccessRefused as refused:
            self.warn(self.tr("Not allowed"), str(refused))
            return
        self._refresh_keeping_selection()
        self.show_import_result("Import finished", summary.describe(), ok=True)

    def show_import_result(self, title: str, text: str, *, ok: bool) -> None:
        box = QMessageBox(QMessageBox.Information if ok else QMessageBox.Warning, title,
                          text.splitlines()[0], QMessageBox.Ok, self)
        if "\n" in text:
            box.setDetailedText(text)
        box.exec()

    # ----- visits ------------------------------------------------------------------------
    def open_visit_form(self, visit_pk: int) -> VisitFormWindow:
        """One window per visit: a second request (double click) raises the open one."""
        from app.forms.visit_form import VisitFormWindow

        window = self.visit_windows.get(visit_pk)
        if window is not None:
            window.raise_()
            window.activateWindow()
            return window
        window = VisitFormWindow(self.database, visit_pk, self.user, today=self._today)
        # The patient page and the due-visits list are modal; the form must take input above
        # them, so it is modal too (it saves its draft on close, nothing is lost).
        window.setWindowModality(Qt.ApplicationModal)
        window.setAttribute(Qt.WA_DeleteOnClose)
        window.saved.connect(self.changes.visit_saved)
        if self._may(Permission.VIEW_AUDIT):
            window.set_audit_action(lambda: self.show_audit_trail(AuditFilter(visit_id=visit_pk)))
        window.destroyed.connect(lambda _obj=None, pk=visit_pk: self.visit_windows.pop(pk, None))
        self.visit_windows[visit_pk] = window
        window.show()
        return window

    def make_due_visits_dialog(self) -> DueVisitsDialog:
        from app.forms.due_visits import DueVisitsDialog

        dialog = DueVisitsDialog(self.database, today=self._today, parent=self,
                                 background=True)
        dialog.open_visit.connect(self.open_visit_form)
        # (Qt drops the connection when the dialog is deleted.)
        self.changes.visit_saved.connect(dialog.refresh)
        return dialog

    def make_cohort_window(self) -> CohortWindow:
        from app.forms.cohort_window import CohortWindow

        return CohortWindow(self.database, on_open_patient=self.open_patient_by_study_id,
                            parent=self)

    def show_cohort_outcomes(self) -> None:
        window = self.make_cohort_window()
        fit_on_screen(window, 1280, 720)
        window.exec()
        window.deleteLater()

    def open_patient_by_study_id(self, study_id: str) -> None:
        with self.database.reading() as session:
            patient_id = patient_id_of(session, study_id)
        if patient_id is None:
            QMessageBox.information(self, "Open patient",
                                    f"No patient has the study id {study_id} any more.")
            return
        page = self.make_patient_page(patient_id)
        page.exec()
        page.deleteLater()
        self._refresh_keeping_selection()

    def show_due_visits(self) -> None:
        dialog = self.make_due_visits_dialog()
        dialog.exec()
        dialog.deleteLater()
        self._refresh_keeping_selection()

    def eventFilter(self, watched, event) -> bool:
        if watched is self.search and event.type() == QEvent.KeyPress:
            if event.key() in (Qt.Key_Down, Qt.Key_Return, Qt.Key_Enter):
                if self._search_timer.isActive():  # apply what was typed before acting
                    self._search_timer.stop()
                    self._apply_search()
                if self.proxy.rowCount() == 0:
                    return False
                if not self.table.selectionModel().selectedRows():
                    self.table.selectRow(0)
                if event.key() == Qt.Key_Down:
                    self.table.setFocus()
                else:
                    self.open_selected_patient()
                return True
        return super().eventFilter(watched, event)

    def open_selected_patient(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        page = self.make_patient_page(selected[0])
        page.exec()
        # Closed pages are deleted: hidden ones would go on listening and reloading.
        page.deleteLater()
        self._refresh_keeping_selection()

    # ----- sign out ------------------------------------------------------------------------
    def sign_out(self) -> None:
        """Close every visit form (each keeps its draft), then hand the workstation back to
        the sign-in (``on_sign_out``, set by the application; tests record the call)."""
        for window in list(self.visit_windows.values()):
            window.close()
            if window.isVisible():  # the form asked and the person chose to stay
                return
        self.signed_out = True
        self.on_sign_out()

    def _about(self) -> None:
        QMessageBox.about(
            self, self.tr("About jdm-ctp"),
            f"jdm-ctp {__version__}\n\n"
            + self.tr("Records screening, enrollment, doses and outcomes for the CARRA "
                      "consensus treatment plans in juvenile dermatomyositis.")
            + "\n\n" + self.tr("Database: %1").replace("%1", self.database.display_name)
            + ("\n" + self.tr("Encrypted at rest (SQLCipher).")
               if getattr(self.database, "encrypted", False) else ""))

    # ----- window state ------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if self._settings is not None:
            geometry = self._settings.value("main_window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        if self._settings is not None:
            self._settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
        if event.isAccepted():
            self.closed = True
            self.account_timer.stop()


# Windows that a role may lose mid-session (the others need only view_data or
# enter_data, which every role has).
# By class name: the dialogs are imported only when first opened.
_DIALOG_PERMISSIONS = {"UsersDialog": Permission.MANAGE_USERS,
                       "SiteCodeDialog": Permission.CHANGE_SETTINGS,
                       "SettingsDialog": Permission.CHANGE_SETTINGS,
                       "SiteListDialog": Permission.CHANGE_SETTINGS,
                       "EncryptionDialog": Permission.MANAGE_ENCRYPTION}


def _refusal(actor: Actor | None, permission: Permission) -> str:
    """Why a menu entry is refused, in the words the services would use."""
    return str(NotSignedIn(permission) if actor is None else PermissionDenied(actor, permission))
