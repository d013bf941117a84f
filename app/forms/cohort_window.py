"""Cohort → Outcomes by arm: the tables and plots of ``app.domain.cohort`` for one plan.

The figures are computed off the interface thread (``long_jobs.BackgroundJob``) from one
read-only unit (``app.exports.cohort_data``, which checks the permission to view data).
Double-clicking a number lists the patients behind it by study id; opening one of them
hands its study id to ``on_open_patient`` (the main window opens the patient).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.cohort.bootstrap import REPLICATES, BootstrapCancelled
from app.domain.cohort.outcomes import (
    CohortOutcomes,
    Table,
    add_intervals,
    cohort_outcomes,
    plan_layout,
    tables,
)
from app.domain.phrases import Sentence
from app.exports.cohort_data import CohortDataError, enrolled_protocols, read_cohort
from app.forms.chart_view import ChartView
from app.forms.long_jobs import BackgroundJob
from app.forms.numbers import fixed, numbers_in_words
from app.forms.refusal_words import access_words
from app.forms.terms import COHORT, phrases, plan_text_words
from app.reports.charts import Chart
from app.reports.cohort_charts import km_chart, skin_chart, tis_chart

PATIENTS_ROLE = Qt.ItemDataRole.UserRole + 1
# Tab title, tables shown in it, the chart beside them.
TABS = ((QT_TRANSLATE_NOOP("CohortWindow", "Patients"), ("counts",), None),
        (QT_TRANSLATE_NOOP("CohortWindow", "Baseline"), ("baseline",), None),
        (QT_TRANSLATE_NOOP("CohortWindow", "Inactive disease"), ("km",), km_chart),
        (QT_TRANSLATE_NOOP("CohortWindow", "TIS and IMACS"), ("response",), tis_chart),
        (QT_TRANSLATE_NOOP("CohortWindow", "Skin VAS"), ("skin",), skin_chart),
        (QT_TRANSLATE_NOOP("CohortWindow", "Steroids and adverse events"),
         ("steroids", "adverse"), None))


def figure_words(text: str, *, lines: bool = False) -> str:
    """A figure of app.domain.cohort (a row's label, a cell, a note) in the interface's
    language, its numbers (computed, never typed) with the interface's decimal mark;
    ``lines``: a long cell's parts on lines of their own (where the domain allows a
    break, app.domain.phrases.LineBreak)."""
    if isinstance(text, Sentence):
        return numbers_in_words(phrases(COHORT, text, lines=lines))
    said = phrases(COHORT, text)
    # a row named by a plan's visit ("Month 6"): the plan-text catalogue's words
    return numbers_in_words(said if said != text else plan_text_words(text))


def chart_words(chart: Chart) -> Chart:
    """A cohort chart (app.reports.cohort_charts, English as printed) with its title, axis
    titles and legend in the interface's language."""
    return replace(
        chart, title=figure_words(chart.title),
        x=replace(chart.x, title=figure_words(chart.x.title)),
        y=replace(chart.y, title=figure_words(chart.y.title)),
        series=tuple(replace(s, label=figure_words(s.label)) for s in chart.series),
        bands=tuple(replace(b, label=figure_words(b.label)) for b in chart.bands),
        empty_text=figure_words(chart.empty_text))


class PatientsBehind(QDialog):
    """The study ids behind one number; Open (or a double-click) opens the patient."""

    def __init__(self, title: str, study_ids: tuple[str, ...],
                 on_open: Callable[[str], None] | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.on_open = on_open
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("%n patient(s)", "", len(study_ids))))
        self.list = QListWidget()
        self.list.addItems(list(study_ids))
        self.list.itemDoubleClicked.connect(lambda item: self.open(item.text()))
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Open patient"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setEnabled(on_open is not None and bool(study_ids))
        self.open_button.clicked.connect(self._open_current)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if study_ids:
            self.list.setCurrentRow(0)
        self.resize(320, 420)

    def _open_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.open(item.text())

    def open(self, study_id: str) -> None:
        if self.on_open is not None:
            self.on_open(study_id)


class CohortWindow(QDialog):
    def __init__(self, database, *, on_open_patient: Callable[[str], None] | None = None,
                 parent: QWidget | None = None, background: bool = True) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Outcomes by arm"))
        self.database = database
        self.on_open_patient = on_open_patient
        self.background = background
        self.outcomes: CohortOutcomes | None = None
        self.tables: dict[str, QTableWidget] = {}
        self.charts: dict[str, ChartView] = {}
        self.job: BackgroundJob | None = None
        self.intervals_job: BackgroundJob | None = None
        self.patients: tuple = ()
        self.seconds: float | None = None

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Plan:")))
        self.plan = QComboBox()
        top.addWidget(self.plan, 1)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        top.addWidget(self.refresh_button)
        layout.addLayout(top)
        self.summary = QLabel("")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        for title, keys, chart in TABS:
            page = QWidget()
            page_layout = QHBoxLayout(page)
            page_layout.setContentsMargins(2, 2, 2, 2)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            for key in keys:
                table = QTableWidget()
                table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
                table.setWordWrap(False)
                table.verticalHeader().setVisible(False)
                table.cellDoubleClicked.connect(
                    lambda row, col, key=key: self.show_patients(key, row, col))
                self.tables[key] = table
                column.addWidget(table)
            if chart is None:
                page_layout.addWidget(holder)
            else:
                splitter = QSplitter(Qt.Orientation.Horizontal)
                splitter.addWidget(holder)
                view = ChartView()
                view.setMinimumSize(320, 240)
                self.charts[chart.__name__] = view
                splitter.addWidget(view)
                splitter.setSizes([780, 420])  # the figures first; the plot beside them
                page_layout.addWidget(splitter)
            self.tabs.addTab(page, self.tr(title))
        self._add_weighted_tab()
        self.notes = QLabel("")
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        notes_page = QWidget()
        QVBoxLayout(notes_page).addWidget(self.notes, 0, Qt.AlignmentFlag.AlignTop)
        self.tabs.addTab(notes_page, self.tr("How these are computed"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(1280, 700)
        self._load_plans()

    def _add_weighted_tab(self) -> None:
        """The exploratory propensity-weighted comparison, its caveats above the figures
        (not only in a tooltip: they are what keeps it from being read as a trial)."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(2, 2, 2, 2)
        self.weighted_caveats = QLabel("")
        self.weighted_caveats.setWordWrap(True)
        self.weighted_caveats.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.weighted_caveats)
        table = QTableWidget()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.cellDoubleClicked.connect(
            lambda row, col: self.show_patients("propensity", row, col))
        self.tables["propensity"] = table
        column.addWidget(table, 1)
        row = QHBoxLayout()
        # Minutes on a large cohort (each replicate re-fits the model), so on request, on
        # a worker thread with progress and Cancel.
        self.intervals_button = QPushButton(
            self.tr("Compute 95% &intervals (bootstrap, %1 replicates)").replace(
                "%1", str(REPLICATES)))
        self.intervals_button.setEnabled(False)
        self.intervals_button.clicked.connect(self.compute_intervals)
        row.addWidget(self.intervals_button)
        self.intervals_status = QLabel("")
        self.intervals_status.setWordWrap(True)
        row.addWidget(self.intervals_status, 1)
        column.addLayout(row)
        self.tabs.addTab(page, self.tr("Weighted comparison (exploratory)"))

    def compute_intervals(self, replicates: int = REPLICATES) -> None:
        """The bootstrap intervals of every weighted comparison shown, added to the
        table when done; Cancel keeps the table as it was."""
        outcomes, patients = self.outcomes, self.patients
        if outcomes is None or not any(c.fit is not None for c in outcomes.propensity.values()):
            return

        def work(report):  # noqa: ANN001, ANN202 - a BackgroundJob's work
            started = time.perf_counter()
            scratch = replace(outcomes, intervals={})
            add_intervals(scratch, patients, replicates=replicates, progress=report)
            return scratch.intervals, time.perf_counter() - started

        if not self.background:
            self._intervals_done(work(lambda done, total: True))
            return
        self.intervals_button.setEnabled(False)
        self.intervals_job = BackgroundJob(
            self, self.tr("Bootstrap: %1 replicates per pair of arms, the model re-fitted in "
                          "each…").replace("%1", str(replicates)), work, cancellable=True)
        self.intervals_job.finished.connect(self._intervals_done)
        self.intervals_job.failed.connect(self._intervals_failed)
        self.intervals_job.start()

    def _intervals_done(self, result) -> None:  # noqa: ANN001 - (intervals, seconds)
        intervals, seconds = result
        self.intervals_button.setEnabled(True)
        if self.outcomes is None:
            return
        self.outcomes.intervals.update(intervals)
        table = next(t for t in tables(self.outcomes) if t.key == "propensity")
        self._fill(self.tables["propensity"], table)
        self.intervals_status.setText(self.tr("Intervals computed in %1 s.").replace(
            "%1", f"{seconds:.0f}"))

    def _intervals_failed(self, error: object) -> None:
        self.intervals_button.setEnabled(True)
        if isinstance(error, BootstrapCancelled):
            self.intervals_status.setText(self.tr("Cancelled: no interval was kept."))
            return
        QMessageBox.warning(self, self.tr("Outcomes by arm"), str(error))

    # ----- data ---------------------------------------------------------------------------
    def _load_plans(self) -> None:
        try:
            plans = enrolled_protocols(self.database)
        except PermissionError as error:  # refused (AccessRefused): said plainly, nothing shown
            self.summary.setText(access_words(error))
            self.refresh_button.setEnabled(False)
            return
        from app.catalog import protocol_catalog

        offered = protocol_catalog().protocols
        for protocol_id, count in plans:
            # the plan's title in the interface's words; a plan no longer offered by its id
            plan = offered.get(protocol_id)
            name = plan_text_words(plan.title) if plan is not None else protocol_id
            self.plan.addItem(self.tr("%1 (%n enrollment(s))", "", count)
                              .replace("%1", name), protocol_id)
        if not plans:
            self.summary.setText(self.tr("No patient is enrolled yet: there are no outcomes to "
                                         "show."))
            self.refresh_button.setEnabled(False)
            return
        self.plan.currentIndexChanged.connect(lambda _i: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        protocol_id = self.plan.currentData()
        if protocol_id is None:
            return

        def work(report):  # noqa: ANN001, ANN202 - a BackgroundJob's work
            started = time.perf_counter()
            # The values scored for lack of stored ones are kept: the next opening is
            # lean (app.exports.cohort_data.read_cohort).
            data = read_cohort(self.database, protocol_id,
                               progress=lambda done, total: report(done, total),
                               keep_scores=True)
            arms, schedule = plan_layout(data.protocol)
            return data, cohort_outcomes(data.patients, arms, schedule), \
                time.perf_counter() - started

        if not self.background:
            try:
                self._show(*work(lambda done, total: True))
            except (CohortDataError, PermissionError) as error:
                self.summary.setText(str(error))
            return
        self.refresh_button.setEnabled(False)
        self.job = BackgroundJob(self, self.tr("Computing outcomes by arm…"), work)
        self.job.finished.connect(lambda result: self._show(*result))
        self.job.failed.connect(self._failed)
        self.job.start()

    def _failed(self, error: object) -> None:
        self.refresh_button.setEnabled(True)
        QMessageBox.warning(self, self.tr("Outcomes by arm"), str(error))

    def _show(self, data, outcomes: CohortOutcomes, seconds: float) -> None:  # noqa: ANN001
        self.refresh_button.setEnabled(True)
        self.outcomes = outcomes
        self.patients = data.patients
        self.intervals_button.setEnabled(
            any(c.fit is not None for c in outcomes.propensity.values()))
        self.intervals_status.setText("")
        self.seconds = seconds
        self.summary.setText(
            self.tr("%1: %n enrollment(s), analysed under the arm each started on. Every "
                    "figure gives the patients it rests on (n); double-click a number to list "
                    "them. Computed in %2 s.", "", len(data.patients))
            .replace("%1", plan_text_words(data.protocol.title))
            .replace("%2", fixed(seconds, 1)))
        for table in tables(outcomes):
            self._fill(self.tables[table.key], table)
            if table.key == "propensity":
                self.weighted_caveats.setText(figure_words(table.note))
        self.charts["km_chart"].set_chart(chart_words(km_chart(outcomes)))
        self.charts["tis_chart"].set_chart(chart_words(tis_chart(outcomes)))
        self.charts["skin_chart"].set_chart(chart_words(skin_chart(outcomes)))
        self.notes.setText("\n\n".join(figure_words(note) for note in outcomes.notes))

    def _fill(self, widget: QTableWidget, table: Table) -> None:
        widget.clear()
        widget.setColumnCount(len(table.header))
        widget.setRowCount(len(table.rows))
        # "B: Mycophenolate mofetil" on two lines: narrow arm columns keep the whole name.
        widget.setHorizontalHeaderLabels([self._header(h) for h in table.header])
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                # the mean (SD) under the median, the crude figures under the weighted
                # ones: two short lines rather than a wrap
                # the bootstrap interval on a line of its own too (a 1366-pixel screen)
                item = QTableWidgetItem(figure_words(cell.text, lines=True))
                if c > 0:
                    item.setData(PATIENTS_ROLE, cell.patients)
                    item.setToolTip(figure_words(cell.text) + (
                        "\n" + self.tr("Double-click to list the patients behind this figure")
                        if cell.patients else ""))
                widget.setItem(r, c, item)
        header = widget.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        arms = len(self.outcomes.arms) if self.outcomes is not None else len(table.header) - 1
        for c in range(1, len(table.header)):
            # the arms share the room; the SMD columns are narrow numbers
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.Stretch if c <= arms
                                        else QHeaderView.ResizeMode.ResizeToContents)
        widget.resizeRowsToContents()
        widget.setToolTip(figure_words(table.note))

    def _header(self, text: str) -> str:
        """A column's title: "A: IVIG" as "A" over the arm's name in the interface's
        language (the plan-text catalogue), "SMD A–B", "A vs B"."""
        if text.startswith("SMD "):
            return self.tr("SMD %1").replace("%1", text.removeprefix("SMD "))
        if " vs " in text:
            first, second = text.split(" vs ", 1)
            return self.tr("%1 vs %2").replace("%1", first).replace("%2", second)
        arm, sep, name = text.partition(": ")
        return f"{arm}\n{plan_text_words(name)}" if sep else text

    # ----- the patients behind a number ------------------------------------------------------
    def patients_at(self, key: str, row: int, column: int) -> tuple[str, ...]:
        item = self.tables[key].item(row, column)
        return () if item is None else tuple(item.data(PATIENTS_ROLE) or ())

    def patients_dialog(self, key: str, row: int, column: int) -> PatientsBehind | None:
        study_ids = self.patients_at(key, row, column)
        if not study_ids:
            return None
        table = self.tables[key]
        label = table.item(row, 0).text()
        arm = table.horizontalHeaderItem(column).text().replace("\n", ": ", 1)
        return PatientsBehind(f"{label} — {arm}", study_ids, self.on_open_patient, self)

    def show_patients(self, key: str, row: int, column: int) -> None:
        dialog = self.patients_dialog(key, row, column)
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()
