"""Start the desktop application: open (and if needed upgrade) the database, show the window."""

from __future__ import annotations

import getpass
import sys

from app import paths


def current_user() -> str:
    """Who is at the workstation until user accounts exist: the operating-system login."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still attribute the change
        return "unknown"


def run_gui(db_path: str | None = None) -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.db.migrate import DatabaseOpenError, open_database
    from app.forms.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("jdm-ctp")
    app.setOrganizationName("jdm-ctp")
    from PySide6.QtGui import QIcon

    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "jdm-ctp.png")))
    try:
        database = open_database(db_path)
    except DatabaseOpenError as error:
        print(f"jdm-ctp: {error}", file=sys.stderr)
        QMessageBox.critical(None, "Cannot open the database", str(error))
        return 1
    settings = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.IniFormat)
    window = MainWindow(database, user=current_user(), settings=settings)
    window.show()
    return app.exec()
