"""Main window: the patient list with search, and the menus of the clinic's work."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import __version__
from app.db.engine import Database
from app.db.patients import (
    DuplicateStudyIdError,
    PatientInput,
    create_patient,
    get_patient_input,
    list_patient_rows,
    update_patient,
)
from app.forms.patient_dialog import PatientDialog
from app.forms.patient_table_model import PatientSearchProxy, PatientTableModel

SEARCH_DELAY_MS = 120  # lets a fast typist finish a word before the 10,000-row filter runs


class MainWindow(QMainWindow):
    def __init__(self, database: Database, user: str, settings: QSettings | None = None,
                 today: date | None = None) -> None:
        super().__init__()
        self.database = database
        self.user = user
        self._settings = settings
        self._today = today or date.today()
        self.setWindowTitle(f"JDM treatment plans — {database.display_name}")
        self.resize(1100, 700)

        self.model = PatientTableModel(today=self._today, parent=self)
        self.proxy = PatientSearchProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search by study id, name, protocol or arm  (Ctrl+F)")
        self.search.setAccessibleName("Search patients")
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search.textChanged.connect(self._search_timer.start)

        self.table = QTableView()
        self.table.setAccessibleName("Patients")
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
        self.table.doubleClicked.connect(lambda _index: self.edit_selected_patient())

        self.count_label = QLabel()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        self.setCentralWidget(central)
        self.statusBar().addPermanentWidget(self.count_label)

        self._build_menus()
        self.refresh()
        self.search.setFocus()

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
            tip = tip or "Not available in this version yet."
        action.setStatusTip(tip)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_patient_action = self._action("&New patient…", self.add_patient,
                                               QKeySequence.New, "Add a patient to the list.")
        file_menu.addAction(self.new_patient_action)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Print / Save as PDF…"))
        file_menu.addAction(self._action("&Export for coordinators…"))
        file_menu.addAction(self._action("&Import…"))
        file_menu.addAction(self._action("&Back up database…"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.Quit))

        patient_menu = bar.addMenu("&Patient")
        self.edit_patient_action = self._action("&Edit patient…", self.edit_selected_patient,
                                                "Ctrl+E", "Edit the selected patient.")
        patient_menu.addAction(self.edit_patient_action)
        patient_menu.addSeparator()
        patient_menu.addAction(self._action("&Screen for a treatment plan…"))
        patient_menu.addAction(self._action("E&nroll and choose arm…"))
        patient_menu.addAction(self._action("&Change arm…"))

        visits_menu = bar.addMenu("&Visits")
        visits_menu.addAction(self._action("Visits due this &week"))
        visits_menu.addAction(self._action("&Overdue visits"))

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("&About", self._about, tip="About this application."))

        find = QAction(self)
        find.setShortcut(QKeySequence.Find)
        find.triggered.connect(lambda: (self.search.setFocus(), self.search.selectAll()))
        self.addAction(find)

    # ----- data --------------------------------------------------------------------------
    def refresh(self) -> None:
        with self.database.session() as session:
            rows = list_patient_rows(session)
        self.model.set_rows(rows)
        self._update_count()

    def _apply_search(self) -> None:
        self.proxy.set_search_text(self.search.text())
        self._update_count()

    def _update_count(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        noun = "patient" if total == 1 else "patients"
        self.count_label.setText(
            f"{total:,} {noun}" if shown == total else f"{shown:,} of {total:,} {noun}")

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
        return PatientDialog(on_save, initial=initial, today=self._today, parent=self)

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
        self.statusBar().showMessage(f"Patient {data.study_id} saved.", 5000)
        return None

    def edit_selected_patient(self) -> None:
        patient_id = self.selected_patient_id()
        if patient_id is None:
            self.statusBar().showMessage("Select a patient first.", 4000)
            return
        with self.database.session() as session:
            initial = get_patient_input(session, patient_id)

        def save(data: PatientInput) -> dict[str, str] | None:
            try:
                with self.database.session() as session:
                    update_patient(session, patient_id, data, user=self.user)
            except DuplicateStudyIdError as error:
                return {"study_id": str(error)}
            return None

        dialog = self.make_patient_dialog(save, initial=initial)
        if dialog.exec():
            self.refresh()
            self.select_study_id(dialog.entered().study_id)

    def _about(self) -> None:
        QMessageBox.about(
            self, "About jdm-ctp",
            f"jdm-ctp {__version__}\n\nRecords screening, enrollment, doses and outcomes for "
            "the CARRA consensus treatment plans in juvenile dermatomyositis.\n\n"
            f"Database: {self.database.display_name}")

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
