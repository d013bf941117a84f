"""Main window: the patient list with search, and the menus of the clinic's work.

Its parts live beside it: the menus (``app.forms.main_menus``), the patient list
(``app.forms.patient_list``), the watch on the signed-in account
(``app.forms.account_watch``), the backups in the status bar (``app.forms.backup_status``)
and the steps of a treatment plan it opens (``app.forms.treatment_steps``).

One module although long: each method left opens one piece of the clinic's work (a dialog
or window on the selected patient or the whole clinic) and refreshes the list after it,
through the same selection, permissions and warnings.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QWidget,
)

from app import __version__, paths
from app.catalog import protocol_catalog, remember_arm_names, remembered_arm_names
from app.db.engine import Database
from app.db.patient_list import patient_row, read_patient_list
from app.domain.permissions import (
    AccessRefused,
    Actor,
    NotSignedIn,
    Permission,
    PermissionDenied,
)
from app.forms.account_watch import AccountWatch
from app.forms.backup_status import BackupStatus
from app.forms.clinic_settings import ClinicSettings
from app.forms.data_changes import DataChanges
from app.forms.file_choosers import choose_file_to_save, choose_folder
from app.forms.language import INTERFACE
from app.forms.main_menus import build_menus
from app.forms.patient_list import PatientList
from app.forms.refusal_words import access_words
from app.forms.terms import VERDICT, arm_title, term
from app.forms.widgets import AfterFirstPaint, fit_on_screen

if TYPE_CHECKING:  # the windows not shown at start are imported when first opened
    from app.db.audit_queries import AuditFilter
    from app.db.encryption_setup import EncryptionReport
    from app.db.patients import PatientInput
    from app.domain.protocol import Protocol, ProtocolCatalog
    from app.forms.arm_switch_dialog import ArmSwitchDialog
    from app.forms.cohort_window import CohortWindow
    from app.forms.due_visits import DueVisitsDialog
    from app.forms.encryption_dialog import EncryptionDialog
    from app.forms.enrollment.wizard import EnrollmentWizard
    from app.forms.export_dialog import ExportDialog
    from app.forms.long_jobs import BackgroundJob
    from app.forms.patient_dialog import PatientDialog
    from app.forms.patient_page import PatientPage
    from app.forms.print_dialog import PrintChoiceDialog
    from app.forms.screening_wizard import ScreeningWizard
    from app.forms.settings_dialog import SettingsDialog
    from app.forms.treatment_plans_dialog import TreatmentPlansDialog
    from app.forms.visit_form import VisitFormWindow



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
        # The arms' names kept from the last start (app.catalog): with them, the plans are
        # loaded just after the list's first paint, not before it.
        self._arm_names = remembered_arm_names() if protocols is None else None
        self._plans_loaded = False
        self._acting_on: str | None = None
        self.database = database
        self.user = user
        self.settings = settings
        self._today = today or date.today()
        self.visit_windows: dict[int, VisitFormWindow] = {}
        self.import_job: BackgroundJob | None = None
        # Saves report here; every open list showing that data refreshes itself.
        self.changes = DataChanges(self)
        self.changes.visit_saved.connect(lambda _visit: self._refresh_keeping_selection())
        self.audit_problem: str | None = None
        self.audit_window: QWidget | None = None
        self.signed_out = False
        self.closed = False  # set when the window has closed for good
        # What signing out does: the application closes this window and asks who signs in.
        self.on_sign_out = self.close
        fit_on_screen(self, 1100, 700)

        self.patient_list = PatientList(self._today, self._arm_label, self)
        self.patient_list.open_requested.connect(lambda: self.open_selected_patient())
        self.patient_list.search_applied.connect(self._update_count)
        # The list's parts, by the names the window (and its tests) use.
        self.model, self.proxy = self.patient_list.model, self.patient_list.proxy
        self.search, self.table = self.patient_list.search, self.patient_list.table
        self.no_match = self.patient_list.no_match
        self.count_label = QLabel()
        self.setCentralWidget(self.patient_list)
        self.statusBar().addPermanentWidget(self.count_label)
        self.backups = BackupStatus(self)
        self.backup_status, self.backup_progress = self.backups.label, self.backups.progress
        # Whether the file on this disk is encrypted is something staff should be able to
        # see at a glance (and an auditor ask about).
        self.storage_label = QLabel()
        self.storage_label.setObjectName("storage_label")
        self.statusBar().addPermanentWidget(self.storage_label)
        # A refused protocol file stays visible until it is fixed: the plan a site meant to
        # use may be the one refused (the shipped one is then still offered).
        self.refused_plans_label = QLabel()
        self.refused_plans_label.setObjectName("refused_plans_label")
        self.refused_plans_label.setStyleSheet("color: #a00000;")
        self.refused_plans_label.setVisible(False)
        self.statusBar().addPermanentWidget(self.refused_plans_label)
        if self._arm_names is None:
            self._load_plans()

        build_menus(self)
        self.account_watch = AccountWatch(self)
        self.account_timer = self.account_watch.timer
        self._name_things()
        self.refresh()
        self.search.setFocus()
        self.painted = False  # the list has been on screen
        self._first_paint = AfterFirstPaint(self.table.viewport(), self._on_first_paint)

    def _name_things(self) -> None:
        """The words of this window outside its menus; again when the language changes."""
        self.setWindowTitle(
            self.tr("JDM treatment plans — %1").replace("%1", self.database.display_name))
        self.patient_list.name_things()
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
            build_menus(self)
            self._name_things()
            # Arm names are searched as shown: the rows are read again in the new words,
            # keeping the patient selected.
            selected = self.patient_list.selected_row()
            study_id = selected.study_id if selected is not None else None
            self.model.language_changed()
            self.refresh()
            self.patient_list.apply_search()
            if study_id:
                self.select_study_id(study_id)
        super().changeEvent(event)

    # ----- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.database.reading_connection() as connection:
            rows = read_patient_list(connection)
        self.model.set_rows(rows, make_row=patient_row)
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
        row = self.patient_list.selected_row()
        return None if row is None else row.patient_id

    def select_study_id(self, study_id: str) -> None:
        self.patient_list.select_study_id(study_id)

    # ----- actions -----------------------------------------------------------------------
    def make_patient_dialog(self, on_save, initial: PatientInput | None = None) -> PatientDialog:
        """Separate so tests can drive the dialog without a modal event loop."""
        from app.db.sites import list_sites
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
        from app.db.patients import DuplicateStudyIdError, create_patient

        try:
            with self.database.session() as session:
                create_patient(session, data, user=self.user)
        except DuplicateStudyIdError as error:
            return {"study_id": str(error)}
        self.statusBar().showMessage(
            self.tr("Patient %1 saved.").replace("%1", data.study_id), 5000)
        return None

    def edit_selected_patient(self) -> None:
        from app.db.conflicts import ConcurrentEditError
        from app.db.patients import (
            DuplicateStudyIdError,
            get_patient_input,
            get_patient_version,
            update_patient,
        )
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
    def _load_plans(self) -> None:
        """The plans offered, and how many files were refused, in the status bar."""
        catalog = self._catalog()
        if self._protocols is None:  # the installed plans, not ones given to this window
            remember_arm_names(catalog)
        self._plans_loaded = True
        refused = len(catalog.rejected)
        self.refused_plans_label.setText(
            self.tr("%n protocol file(s) refused — see Tools → Treatment plans", "", refused)
            if refused else "")
        self.refused_plans_label.setVisible(bool(refused))

    def _arm_label(self, protocol_id: str | None, arm_id: str | None) -> str:
        if not self._plans_loaded and self._arm_names is not None:  # before the plans load
            name = self._arm_names.get(protocol_id or "", {}).get((arm_id or "").strip().casefold())
            return arm_title(arm_id, name) if name and arm_id else arm_id or ""
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
        from app.domain.protocol import ProtocolCatalog

        return ProtocolCatalog(protocols=dict(self._protocols))

    def make_treatment_plans_dialog(self) -> TreatmentPlansDialog:
        from app.forms.treatment_plans_dialog import TreatmentPlansDialog

        folder = str(paths.site_protocol_dir()) if self._protocols is None else ""
        return TreatmentPlansDialog(self._catalog(), folder, parent=self)

    def show_treatment_plans(self) -> None:
        self.make_treatment_plans_dialog().exec()

    def _selected(self) -> tuple[int, str] | None:
        row = self.patient_list.selected_row()
        if row is None:
            self.statusBar().showMessage(self.tr("Select a patient first."), 4000)
            return None
        self._acting_on = row.study_id
        return row.patient_id, f"{row.study_id} {row.name}"

    def _refresh_keeping_selection(self) -> None:
        study_id = self._acting_on
        self.refresh()
        if study_id:
            self.select_study_id(study_id)

    def make_screening_wizard(self, patient_id: int, patient_text: str) -> ScreeningWizard:
        from app.forms.treatment_steps import screening_wizard

        return screening_wizard(self.database, self.protocols, self.user, self._today,
                                patient_id, patient_text, parent=self)

    def screen_selected_patient(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        if not self.protocols:
            self.statusBar().showMessage(self.tr("No treatment plan is installed."), 6000)
            return
        wizard = self.make_screening_wizard(*selected)
        if wizard.exec():
            from app.domain.screening import VERDICT_LABELS

            verdict = VERDICT_LABELS.get(wizard.saved_verdict, wizard.saved_verdict)
            self.statusBar().showMessage(
                self.tr("Screening saved: %1.").replace("%1", term(VERDICT, verdict).lower()),
                6000)
        self._refresh_keeping_selection()

    def make_enrollment_wizard(self, patient_id: int, patient_text: str
                               ) -> EnrollmentWizard | None:
        from app.forms.treatment_steps import enrollment_wizard

        return enrollment_wizard(self.database, self.protocols, self.user, self._today,
                                 patient_id, patient_text, parent=self)

    def enroll_selected_patient(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        wizard = self.make_enrollment_wizard(*selected)
        if wizard is None:
            self.statusBar().showMessage(self.tr(
                "No eligible screening to enroll from (or the patient is already enrolled). "
                "Screen the patient first."), 8000)
            return
        if wizard.exec():
            self.statusBar().showMessage(self.tr("Patient enrolled."), 6000)
        self._refresh_keeping_selection()

    def make_arm_switch_dialog(self, patient_id: int, patient_text: str
                               ) -> ArmSwitchDialog | None:
        from app.forms.treatment_steps import arm_switch_dialog

        return arm_switch_dialog(self.database, self.protocols, self.user, self._today,
                                 patient_id, patient_text, parent=self)

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
                           on_audit=self.show_audit_trail if self.may(Permission.VIEW_AUDIT)
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
        row = self.patient_list.selected_row()
        assert row is not None  # just selected
        study_id = row.study_id
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
    def may(self, permission: Permission) -> bool:
        # Only what enables menu entries; the services check the account as it is now.
        actor = self.database.actor
        return actor is not None and actor.may(permission)

    def _actor(self) -> Actor:
        return self.database.actor

    # ----- administration ---------------------------------------------------------------
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
            self.warn(self.tr("Not allowed"), access_words(denied))
            return
        dialog.exec()

    def show_audit_trail(self, scope: AuditFilter | None = None) -> None:
        from app.forms.audit_view import audit_view_for

        try:
            view = audit_view_for(self.database, self._actor(), scope, parent=self)
        except AccessRefused as denied:
            self.warn(self.tr("Not allowed"), access_words(denied))
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

        assert self.settings is not None
        return SettingsDialog(self.database, self._actor(), ClinicSettings(self.settings),
                              parent=self)

    def change_settings(self) -> None:
        if self.settings is None:
            self.warn(self.tr("Settings"),
                      self.tr("This window was opened without a settings file."))
            return
        if not self.may(Permission.CHANGE_SETTINGS):
            self.warn(self.tr("Not allowed"), _refusal(self._actor(), Permission.CHANGE_SETTINGS))
            return
        if self.make_settings_dialog().exec():
            self.statusBar().showMessage(self.tr("Settings saved."), 5000)
            self.settings_changed.emit()

    def make_language_dialog(self):  # noqa: ANN201 - LanguageDialog
        from app.forms.language_dialog import LanguageDialog

        return LanguageDialog(self.settings, self)

    def change_language(self) -> None:
        from app.forms.language import LanguageError, resolve, stored_choice

        if self.settings is None or not self.make_language_dialog().exec():
            return
        try:
            INTERFACE.switch(resolve(stored_choice(self.settings)))
        except LanguageError as error:
            self.warn(self.tr("Language"), str(error))
            return
        self.statusBar().showMessage(self.tr("The interface language has changed."), 8000)

    def make_encryption_dialog(self) -> EncryptionDialog:
        """Separate so tests can drive the dialog without a modal event loop."""
        from app.forms.encryption_dialog import EncryptionDialog

        return EncryptionDialog(self.database, self._actor(), parent=self)

    def change_encryption(self) -> None:
        if not self.may(Permission.MANAGE_ENCRYPTION):
            self.warn(self.tr("Not allowed"), _refusal(self._actor(), Permission.MANAGE_ENCRYPTION))
            return
        dialog = self.make_encryption_dialog()
        if dialog.exec() and dialog.report is not None:
            self.show_encryption_change(dialog.report)

    def show_encryption_change(self, report: EncryptionReport) -> None:
        self.storage_label.setText(self.tr("Encrypted database") if self.database.encrypted else "")
        self.storage_label.setVisible(self.database.encrypted)
        QMessageBox.information(self, self.tr("Database encryption"),
                                self.encryption_report_text(report))

    def encryption_report_text(self, report: EncryptionReport) -> str:
        """The change made, in the interface's language (``report.describe()`` is the
        terminal's English)."""
        where = str(report.database)
        if report.state == "created encrypted":
            text = self.tr("A new encrypted database was created at %1.").replace("%1", where)
        elif report.state == "stored unencrypted":
            text = self.tr("The database %1 is now stored unencrypted (%n rows checked).",
                           "", report.rows).replace("%1", where)
        elif report.state == "encrypted with the new passphrase":
            text = self.tr("The database %1 is now encrypted with the new passphrase (%n rows "
                           "checked).", "", report.rows).replace("%1", where)
        else:
            text = self.tr("The database %1 is now encrypted (%n rows checked).", "",
                           report.rows).replace("%1", where)
        if report.plain_backups:
            backups = report.plain_backups
            shown = ", ".join(str(p) for p in backups[:5])
            if len(backups) > 5:
                shown = self.tr("%1 and %n more", "", len(backups) - 5).replace("%1", shown)
            text += " " + self.tr(
                "%n earlier backup(s) of it are NOT encrypted: %1. Delete them or keep them "
                "somewhere as safe as the database.", "", len(backups)).replace("%1", shown)
        return text

    def choose_backup_path(self) -> str:
        return choose_file_to_save(
            self, self.tr("Back up the database to"),
            f"jdm-ctp-backup-{date.today().isoformat()}.sqlite3",
            self.tr("SQLite backup (*.sqlite3);;All files (*)"))

    def _on_first_paint(self) -> None:
        if not self._plans_loaded:  # the list was named from the kept arms' names
            self._arm_names = None
            self._load_plans()
            self.model.language_changed()  # the arms named again, now from the plans
        self.painted = True
        self.usable.emit()

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
        return choose_folder(self, self.tr("Folder of a jdm-ctp export"))

    def import_export_folder(self) -> BackgroundJob | None:
        """The folder is read, checked and written on a worker thread under a progress
        dialog counting the patients (a large export took minutes with the window
        frozen). Cancel is safe: the import is one transaction, rolled back whole."""
        from app.exports import importing
        from app.forms.long_jobs import BackgroundJob, JobCancelled

        folder = self.choose_import_folder()
        if not folder:
            return None
        database, user = self.database, self.user
        cancelled = self.tr("Import cancelled; nothing was imported.")

        def work(report) -> importing.ImportSummary:  # noqa: ANN001 - long_jobs.Report
            def step(done: int, total: int) -> None:
                if not report(done, total):
                    raise JobCancelled(cancelled)

            return importing.import_directory(database, folder, user=user, progress=step)

        self.import_job = BackgroundJob(
            self, self.tr("Importing… The whole folder is checked before anything is "
                          "written."), work, cancellable=True)
        self.import_job.finished.connect(self._imported)
        self.import_job.failed.connect(self._import_failed)
        self.import_job.start()
        return self.import_job

    def _imported(self, summary) -> None:  # noqa: ANN001 - an ImportSummary
        from app.forms.import_result import summary_words

        self._refresh_keeping_selection()
        self.show_import_result(self.tr("Import finished"), summary_words(summary), ok=True)

    def _import_failed(self, error: BaseException) -> None:
        from app.exports.importing import ImportRejected
        from app.forms.import_result import rejection_words
        from app.forms.long_jobs import JobCancelled

        if isinstance(error, JobCancelled):
            self.statusBar().showMessage(str(error), 8000)
        elif isinstance(error, ImportRejected):
            self.show_import_result(self.tr("Import rejected"), rejection_words(error), ok=False)
        elif isinstance(error, AccessRefused):
            self.warn(self.tr("Not allowed"), access_words(error))
        else:  # as on the interface thread: the application's handler of the unexpected
            raise error

    def show_import_result(self, title: str, text: str, *, ok: bool) -> None:
        from app.forms.import_result import import_result_box

        import_result_box(self, title, text, ok=ok).exec()

    # ----- visits ------------------------------------------------------------------------
    def open_visit_form(self, visit_pk: int) -> VisitFormWindow:
        """One window per visit: a second request (double click) raises the open one."""
        from app.db.audit_queries import AuditFilter
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
        if self.may(Permission.VIEW_AUDIT):
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
        from app.db.patients import patient_id_of

        with self.database.reading() as session:
            patient_id = patient_id_of(session, study_id)
        if patient_id is None:
            QMessageBox.information(self, self.tr("Open patient"),
                                    self.tr("No patient has the study id %1 any more.")
                                    .replace("%1", study_id))
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

    def make_about_box(self) -> QMessageBox:
        """Help → About, built apart so the French walk reads it without its event loop."""
        box = QMessageBox(QMessageBox.Icon.NoIcon, self.tr("About jdm-ctp"),
                          f"jdm-ctp {__version__}\n\n"
                          + self.tr("Records screening, enrollment, doses and outcomes for the "
                                    "CARRA consensus treatment plans in juvenile "
                                    "dermatomyositis.")
                          + "\n\n" + self.tr("Database: %1").replace(
                              "%1", self.database.display_name)
                          + ("\n" + self.tr("Encrypted at rest (SQLCipher).")
                             if getattr(self.database, "encrypted", False) else ""),
                          QMessageBox.StandardButton.Ok, self)
        box.setIconPixmap(self.windowIcon().pixmap(64, 64))
        return box

    def about(self) -> None:
        box = self.make_about_box()
        box.exec()
        box.deleteLater()

    # ----- window state ------------------------------------------------------------------
    def showEvent(self, event) -> None:
        if self.settings is not None:
            geometry = self.settings.value("main_window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)
        super().showEvent(event)

    def closeEvent(self, event) -> None:
        if self.settings is not None:
            self.settings.setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)
        if event.isAccepted():
            self.closed = True
            self.account_timer.stop()


def _refusal(actor: Actor | None, permission: Permission) -> str:
    """Why a menu entry is refused, in the words the services would use (in the
    interface's language)."""
    return access_words(NotSignedIn(permission) if actor is None
                        else PermissionDenied(actor, permission))
