"""One cold start, in a fresh process, for bench/path_start.py.

    python bench/start_child.py app|floor DATABASE

Prints ``shown <monotonic seconds> <peak RSS in KiB>`` the moment the patient list has
been painted, then leaves at once (the parent measures from before it launched this
process, on the same monotonic clock).

``app``: the application's own start (the ``jdm-ctp`` command) with the sign-in answered
by a bench actor, up to the main window's list painted. ``floor``: bare PySide6 + SQLAlchemy
reading the patients with their identity and showing them in a QTableView.
"""

from __future__ import annotations

import os
import resource
import sys
import time


def _peak_kib() -> int:
    """This process's peak resident memory (VmHWM: ru_maxrss would include the parent's,
    kept by Linux across the fork and exec that started this process)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _shown() -> None:
    peak = _peak_kib()
    print(f"shown {time.monotonic():.6f} {peak}", flush=True)
    os._exit(0)


def _until_painted(app, view) -> None:
    from PySide6.QtCore import QEvent, QEventLoop, QObject

    class Painted(QObject):
        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint:
                # The paint event is delivered; let the view draw it, then report.
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, _shown)
            return False

    watcher = Painted()
    view.viewport().installEventFilter(watcher)
    view.viewport().update()
    QEventLoop().exec()


def floor(database: str) -> None:
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
    from PySide6.QtWidgets import QApplication, QTableView
    from sqlalchemy import create_engine, text

    app = QApplication(sys.argv)  # noqa: F841 - the application must exist for widgets
    engine = create_engine(f"sqlite:///{database}")
    with engine.connect() as connection:
        rows = connection.execute(text(
            "SELECT p.study_id, i.family_name || ', ' || i.given_name FROM patient p "
            "LEFT JOIN patient_identity i ON i.patient_id = p.id ORDER BY p.study_id")).all()

    display = Qt.ItemDataRole.DisplayRole

    class Model(QAbstractTableModel):
        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return len(rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return 2

        def data(self, index, role=display):  # not the slow Qt.DisplayRole (~8 µs a lookup)
            return rows[index.row()][index.column()] if role == display else None

    view = QTableView()
    model = Model()
    view.setModel(model)
    view.resize(1100, 700)
    view.show()
    _until_painted(app, view)


def application(database: str) -> None:
    import importlib.abc
    import importlib.util

    def exec_until_list_painted(self=None) -> int:
        from PySide6.QtWidgets import QApplication

        from app.forms.main_window import MainWindow

        app = QApplication.instance()
        window = next(w for w in app.topLevelWidgets() if isinstance(w, MainWindow))
        _until_painted(app, window.table)
        return 0

    class AnswerSignIn(importlib.abc.MetaPathFinder):
        """When the start imports its sign-in dialog, answer the sign-in with a bench actor
        and stop the event loop at the list painted. Nothing of the application, and not
        Qt, is imported here before the start imports it: the order of imports is the
        start's own (PySide6 inspects every module imported after it)."""

        def find_spec(self, name, path, target=None):  # noqa: ANN001, ANN201 - importlib's
            if name != "app.forms.login_dialog":
                return None
            sys.meta_path.remove(self)
            spec = importlib.util.find_spec(name)
            run_module = spec.loader.exec_module

            def exec_module(module) -> None:  # noqa: ANN001
                run_module(module)
                from PySide6.QtWidgets import QApplication

                from app.domain.permissions import Permission, system_task

                actor = system_task("cold-start benchmark", *Permission)
                module.sign_in_at_start = lambda _database, *a, **k: actor
                QApplication.exec = exec_until_list_painted

            spec.loader.exec_module = exec_module
            return spec

    sys.meta_path.insert(0, AnswerSignIn())
    from app.cli import main  # the `jdm-ctp` command, as the desktop shortcut starts it

    main(["--db", database])


if __name__ == "__main__":
    {"app": application, "floor": floor}[sys.argv[1]](sys.argv[2])
