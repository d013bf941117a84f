"""Start the desktop application: open (and if needed upgrade) the database, sign in, show
the window; back up daily and on exit; lock the screen when idle."""

from __future__ import annotations

import getpass
import sys

from app import paths

BACKUP_CHECK_MS = 60 * 60 * 1000  # look hourly whether today's automatic backup is due


def current_user() -> str:
    """The operating-system login, for headless commands that have no signed-in person."""
    try:
        return getpass.getuser()
    except Exception:  # no login name (some service accounts): still attribute the change
        return "unknown"


def run_gui(db_path: str | None = None) -> int:
    from PySide6.QtCore import QSettings, QThreadPool, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.db.backup import backup_on_exit, daily_backup_if_due
    from app.db.file_checks import network_share_warning
    from app.db.migrate import DatabaseOpenError, open_database
    from app.forms.inactivity_lock import inactivity_lock_for
    from app.forms.login_dialog import sign_in_at_start
    from app.forms.main_window import MainWindow
    from app.forms.startup_checks import AuditCheck
    from app.logs import install_error_hook, log, setup_logging

    setup_logging()

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("jdm-ctp")
    app.setOrganizationName("jdm-ctp")
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "jdm-ctp.png")))
    install_error_hook(lambda text: QMessageBox.critical(None, "Unexpected error", text))
    try:
        database = open_database(db_path)
    except DatabaseOpenError as error:
        log.error("cannot open the database: %s", error)
        print(f"jdm-ctp: {error}", file=sys.stderr)
        QMessageBox.critical(None, "Cannot open the database", str(error))
        return 1
    log.info("started, database %s", database.display_name)
    if database.upgrade_report is not None and database.upgrade_report.upgraded:
        log.info("database upgraded: %s", database.upgrade_report.describe())
    share_warning = network_share_warning(database.file_path)
    if share_warning:
        QMessageBox.warning(None, "Database on a network share", share_warning)

    actor = sign_in_at_start(database)
    if actor is None:  # cancelled at the sign-in: nothing was opened for editing
        log.info("sign-in cancelled")
        database.dispose()
        return 0
    database.actor = actor

    settings = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.IniFormat)
    window = MainWindow(database, user=actor.user_name, settings=settings)
    window.setWindowTitle(f"{window.windowTitle()} — {actor.display_name or actor.user_name}")
    if database.upgrade_report is not None and database.upgrade_report.upgraded:
        window.statusBar().showMessage(database.upgrade_report.describe(), 15000)

    minutes = int(settings.value("security/inactivity_minutes", 10))
    lock = inactivity_lock_for(window, database, actor, minutes=minutes)
    lock.start()

    # The audit chain is verified in the background: a large trail takes seconds.
    audit_check = AuditCheck(database)
    audit_check.finished.connect(window.report_audit_check)
    QThreadPool.globalInstance().start(audit_check)

    keep = int(settings.value("backup/keep", 10))

    def backup_if_due() -> None:
        outcome = daily_backup_if_due(database.file_path, keep=keep)
        if outcome is not None:
            log.info("daily backup: %s", outcome.message)
            window.statusBar().showMessage(outcome.message, 10000)

    backup_if_due()
    timer = QTimer(window)
    timer.timeout.connect(backup_if_due)
    timer.start(BACKUP_CHECK_MS)

    window.show()
    # The sign-in dialog had the focus; make the main window the active one so its keyboard
    # shortcuts work at once (some desktops do not activate it by themselves).
    window.raise_()
    window.activateWindow()
    code = app.exec()
    QThreadPool.globalInstance().waitForDone()
    database.dispose()
    outcome = backup_on_exit(database.file_path, keep=keep)
    log.info("closed; backup on exit: %s", outcome.message)
    if not outcome.ok:
        print(f"jdm-ctp: {outcome.message}", file=sys.stderr)
    return code
