"""The patient list: refresh, and the search filter per keystroke, painted.

* refresh: ``MainWindow.refresh`` (the list query, rows, model reset) and the table
  repainted, against the same SQL replayed through ``sqlite3`` into tuples, a bare
  model reset and the same repaint — goal ≤ 1.5× of that floor;
* filter per keystroke: the search text applied as the window applies it after typing,
  and the table repainted, for each prefix of a typed search — goal ≤ 16 ms per
  keystroke and ≤ 1.5× of each floor: one Python pass over precomputed search keys into
  a bare model of the same five columns, and Qt's own (C++) proxy filtering a C++ item
  model of the same columns and keys. Every run repaints the same size of table.
"""

from __future__ import annotations

import os
import sqlite3

from bench.harness import BenchContext, BenchPath

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# A family name typed letter by letter, then a study id (one word each, so that Qt's
# fixed-string filter of the C++ floor finds the same rows as the app's word search).
TYPED = ["g", "ga", "gar", "garc", "garci", "garcia", "demo-01", "demo-012"]


def _captured_select(database, run) -> tuple[str, object]:
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def capture(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", capture)
    try:
        run()
    finally:
        event.remove(database.engine, "before_cursor_execute", capture)
    return max((s for s in statements if s[0].lstrip().upper().startswith("SELECT")),
               key=lambda s: len(s[0]))


def paths(context: BenchContext) -> list[BenchPath]:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    from app.db.opening import open_database
    from app.domain.permissions import Permission, system_task
    from app.forms.main_window import MainWindow

    # The floors' models read the role the fast way: PySide6's short spelling
    # (``Qt.DisplayRole``) costs ~8 µs per lookup, ~7 ms per repaint of this table.
    display = Qt.ItemDataRole.DisplayRole

    qt = QApplication.instance() or QApplication([])
    database = open_database(context.database)
    database.actor = system_task("list benchmark", *Permission)
    window = MainWindow(database, user="bench")
    window.resize(1366, 728)
    window.show()
    qt.processEvents()
    sql, parameters = _captured_select(database, window.refresh)

    # ----- the floor's window: the same size of table, a bare model
    bare_rows: list[tuple] = []

    class BareModel(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return len(bare_rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return 5

        def data(self, index, role=display):
            if role != display:
                return None
            value = bare_rows[index.row()][index.column() + 1]
            return "" if value is None else str(value)

    bare_model = BareModel()
    bare_view = QTableView()
    bare_view.setModel(bare_model)
    bare_view.resize(window.table.size())
    bare_view.show()
    qt.processEvents()

    def refresh_floor():
        connection = sqlite3.connect(context.database)
        try:
            rows = connection.execute(sql, parameters).fetchall()
        finally:
            connection.close()
        bare_model.beginResetModel()
        bare_rows[:] = rows
        bare_model.endResetModel()
        bare_view.viewport().repaint()

    def refresh_app():
        window.refresh()
        window.table.viewport().repaint()

    # ----- filtering: the app's keys are the floors' keys, so all match the same rows;
    # every floor shows the same five columns of text as the app (plain strings here).
    model = window.model
    keys = [model.search_key(i) for i in range(model.rowCount())]
    texts = [tuple(model.data(model.index(i, c)) for c in range(5))
             for i in range(model.rowCount())]

    def type_app():
        for text in TYPED:
            window.search.setText(text)
            window.patient_list.apply_search()
            window.table.viewport().repaint()
        window.search.clear()
        window.patient_list.apply_search()

    from app.domain.search_text import search_words

    python_view = QTableView()
    python_view.resize(window.table.size())
    shown: list[int] = []

    class MaskModel(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return len(shown)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return 5

        def data(self, index, role=display):
            return texts[shown[index.row()]][index.column()] if role == display else None

    mask_model = MaskModel()
    python_view.setModel(mask_model)
    python_view.show()

    def type_python_pass():
        for text in [*TYPED, ""]:
            words = search_words(text)
            mask_model.beginResetModel()
            shown[:] = [i for i, key in enumerate(keys) if all(w in key for w in words)]
            mask_model.endResetModel()
            python_view.viewport().repaint()

    # Qt's own: a C++ item model (the five columns and the key, hidden) and C++ filtering.
    items = QStandardItemModel(len(keys), 6)
    for row, (key, words_of_row) in enumerate(zip(keys, texts, strict=True)):
        for column, text in enumerate((*words_of_row, key)):
            items.setItem(row, column, QStandardItem(text))
    cpp_proxy = QSortFilterProxyModel()
    cpp_proxy.setSourceModel(items)
    cpp_proxy.setFilterKeyColumn(5)
    cpp_view = QTableView()
    cpp_view.setModel(cpp_proxy)
    cpp_view.setColumnHidden(5, True)
    cpp_view.resize(window.table.size())
    cpp_view.show()
    qt.processEvents()

    def type_cpp_proxy():
        for text in [*TYPED, ""]:
            cpp_proxy.setFilterFixedString(" ".join(search_words(text)))
            cpp_view.viewport().repaint()

    keystrokes = len(TYPED) + 1
    patients = context.patients
    return [
        BenchPath(name=f"patient list refresh, painted ({patients})", app=refresh_app,
                  floor=refresh_floor, goal_ratio=1.5,
                  note="floor: the app's list SQL through sqlite3 into a bare model, "
                       "same repaint"),
        BenchPath(name=f"list filter per keystroke vs one Python pass ({patients})",
                  app=type_app, floor=type_python_pass, goal_ratio=1.5, goal_ms=16,
                  per=keystrokes, unit="key"),
        BenchPath(name=f"list filter per keystroke vs C++ proxy ({patients})",
                  app=type_app, floor=type_cpp_proxy, goal_ratio=1.5, goal_ms=16,
                  per=keystrokes, unit="key"),
    ]
