"""Start the desktop application: open (and if needed upgrade) the database, sign in, show
the window; back up daily and on exit; lock the screen when idle."""

from __future__ import annotations

import ctypes.util
import gc
import importlib
import os
import sys
from collections.abc import Callable, Mapping

from app import paths

BACKUP_CHECK_MS = 60 * 60 * 1000  # look hourly whether today's automatic backup is due
NO_DISPLAY_EXIT = 2
# What the start needs that does not use Qt, imported before Qt is (see _run_gui).
BEFORE_QT = ("app.db.opening", "app.db.file_checks", "app.db.file_health",
             "app.db.patient_list", "app.db.automatic_backups", "app.catalog", "app.logs",
             "app.domain.search_text", "app.domain.body", "app.domain.phrases")


def display_problem(environ: Mapping[str, str], platform: str,
                    find_library: Callable[[str], str | None] = ctypes.util.find_library
                    ) -> str | None:
    """Why the window cannot open here, in plain words, or None.

    Without this Qt aborts with a misleading message about the "xcb" plugin and
    libxcb-cursor when there is simply no display (a server, an SSH session, a
    container), and the same message when the one missing library is libxcb-cursor.
    """
    if not platform.startswith("linux"):
        return None
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen and not chosen.startswith("xcb"):
        return None  # wayland, offscreen, vnc…: Qt's own choice, and its own message
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return None
    if not environ.get("DISPLAY"):
        return ("jdm-ctp needs a graphical display and none was found (DISPLAY and "
                "WAYLAND_DISPLAY are not set). Start it from the desktop of this computer; "
                "commands that need no window are listed by `jdm-ctp --help`.")
    if find_library("xcb-cursor") is None:
        return ("jdm-ctp cannot open its window: the system library libxcb-cursor is "
                "missing. Install it (Debian/Ubuntu: sudo apt install libxcb-cursor0), or "
                "run `python installer/qt_system_libs.py` to list every missing library.")
    return None


def run_gui(db_path: str | None = None, db_passphrase: str | None = None) -> int:
    problem = display_problem(os.environ, sys.platform)
    if problem is not None:
        print(f"jdm-ctp: {problem}", file=sys.stderr)
        return NO_DISPLAY_EXIT
    # The start makes a few hundred thousand objects that live as long as the application
    # (modules, classes, the list's rows); the cyclic collector walked them again and again,
    # 15% of the start's CPU (issue 22). It resumes once the list is shown (resume_collector).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_gui(db_path, db_passphrase)
    finally:
        if collecting:
            resume_collector()
            gc.unfreeze()  # the application is closing: nothing is set aside any more


def resume_collector() -> None:
    """The cyclic collector on again, with what exists now set aside (gc.freeze): what the
    start made lives as long as the application, so no later collection walks it again."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()


def _run_gui(db_path: str | None, db_passphrase: str | None) -> int:
    # Storage, plans and domain before Qt: once PySide6 is imported it reads the source of
    # every module imported after it (looking for its `from __feature__ import` switch), 8%
    # of the start's CPU for modules that never use Qt (issue 22).
    for module in BEFORE_QT:
        importlib.import_module(module)
    from app.db.engine import is_sqlite, resolve_database_url

    if is_sqlite(resolve_database_url(db_path)):  # the engine's dialect, loaded when it connects
        importlib.import_module("sqlalchemy.dialects.sqlite")
    from PySide6.QtCore import QCoreApplication, QSettings, Qt, QThreadPool, QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.db.file_checks import network_share_warning
    from app.db.file_health import NoDatabaseError, check_database_path
    from app.db.opening import DatabaseOpenError
    from app.forms.inactivity_lock import inactivity_lock_for
    from app.forms.login_dialog import sign_in_at_start
    from app.forms.long_jobs import DailyBackup
    from app.forms.main_window import MainWindow
    from app.forms.passphrase_dialog import TooManyAttemptsError, open_database_asking
    from app.forms.startup_checks import AuditCheck, DatabaseHealthCheck, upgrade_words
    from app.logs import install_error_hook, log, setup_logging

    setup_logging()
    if paths.remove_leftover_previews():
        log.info("removed print previews left by an earlier session")

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("jdm-ctp")
    app.setOrganizationName("jdm-ctp")
    app.setWindowIcon(QIcon(str(paths.resources_dir() / "icons" / "jdm-ctp.png")))
    settings = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.IniFormat)
    # Before any window: widgets take their words when they are built.
    from app.forms.language import install_language

    install_language(settings)
    from app.forms.error_box import tell_user

    install_error_hook(tell_user)
    from app.forms.widgets import install_mnemonic_guard, install_workstation_style

    install_workstation_style(app)
    install_mnemonic_guard()
    try:
        # The first start creates the database, but never in place of a folder or a pipe.
        check_database_path(db_path, must_exist=False)
        # An encrypted database asks for its passphrase here (unless one was given).
        database = open_database_asking(db_path, db_passphrase)
    except (DatabaseOpenError, TooManyAttemptsError, NoDatabaseError) as error:
        log.error("cannot open the database: %s", error)
        print(f"jdm-ctp: {error}", file=sys.stderr)
        from app.forms.refusal_words import file_words, opening_words

        # a path that is no database file (a folder, a pipe), a file that cannot be opened
        # (too new, encrypted, unreadable…) said in the interface's words
        QMessageBox.critical(None, QCoreApplication.translate(
            "Startup", "Cannot open the database"),
            file_words(error.message) if isinstance(error, NoDatabaseError)
            else opening_words(error))
        return 1
    if database is None:  # cancelled at the passphrase prompt
        log.info("database passphrase prompt cancelled")
        return 0
    log.info("started, database %s%s", database.display_name,
             " (encrypted)" if database.encrypted else "")
    if database.upgrade_report is not None and database.upgrade_report.upgraded:
        log.info("database upgraded: %s", database.upgrade_report.describe())
    share_warning = network_share_warning(database.file_path)
    if share_warning:
        QMessageBox.warning(None, QCoreApplication.translate(
            "Startup", "Database on a network share"), share_warning)

    actor = sign_in_at_start(database)
    if actor is None:  # cancelled at the sign-in: nothing was opened for editing
        log.info("sign-in cancelled")
        database.dispose()
        return 0
    database.actor = actor

    # Read through ClinicSettings: a hand-edited value that makes no sense falls back to the
    # default (and is logged) instead of stopping the start-up.
    from app.forms.clinic_settings import ClinicSettings

    clinic_settings = ClinicSettings(settings)
    # The window of the person signed in; "Sign out / switch user" replaces it (below).
    current: dict = {}

    def open_main_window(person) -> None:
        window = MainWindow(database, user=person.user_name, settings=settings)
        window.setWindowTitle(f"{window.windowTitle()} — {person.display_name or person.user_name}")
        if database.upgrade_report is not None and database.upgrade_report.upgraded:
            window.statusBar().showMessage(upgrade_words(database.upgrade_report), 15000)
        lock = inactivity_lock_for(window, database, person,
                                   minutes=clinic_settings.inactivity_minutes)
        lock.start()

        def apply_settings() -> None:
            lock.set_minutes(clinic_settings.inactivity_minutes)
            log.info("settings changed: lock after %s min, keep %s backups in %s",
                     lock.minutes, clinic_settings.backups_kept, clinic_settings.backup_folder)

        window.settings_changed.connect(apply_settings)
        current.update(window=window, lock=lock)
        window.show()
        # The sign-in dialog had the focus; make the main window the active one so its
        # keyboard shortcuts work at once (some desktops do not activate it by themselves).
        window.raise_()
        window.activateWindow()

    open_main_window(actor)

    # The audit chain is verified in the background: a large trail takes seconds.
    audit_check = AuditCheck(database)
    audit_check.finished.connect(lambda problem: current["window"].report_audit_check(problem))

    # So is the file itself (PRAGMA quick_check: seconds on a large database). A damaged
    # file is written to no more; the message names the backup to restore.
    health_check = DatabaseHealthCheck(database, clinic_settings.backup_folder)

    def report_health(problem: str | None) -> None:
        if problem is None:
            return
        log.error("database check: %s", problem)
        window = current["window"]
        if health_check.damaged:
            window.statusBar().showMessage(QCoreApplication.translate(
                "Startup", "Read only: the database file is damaged."))
            QMessageBox.critical(window, QCoreApplication.translate(
                "Startup", "The database file is damaged"), problem)
        else:
            QMessageBox.warning(window, QCoreApplication.translate(
                "Startup", "Database check"), problem)

    health_check.finished.connect(report_health)

    # Kept and folder are read at each backup, so a change in Tools → Settings… applies to
    # the next one (a new, empty folder makes a backup due at the next hourly check).
    # On a worker thread: the window is usable at once; the status bar shows its progress.
    def daily_backup(progress):
        from app.db.automatic_backups import daily_backup_if_due

        if health_check.damaged:  # a copy of a damaged file is no backup
            return None
        # An encrypted database's backups are keyed with the same passphrase.
        return daily_backup_if_due(database.file_path, keep=clinic_settings.backups_kept,
                                   folder=clinic_settings.backup_folder,
                                   db_passphrase=database.passphrase, progress=progress)

    def report_backup(outcome) -> None:
        if outcome is not None:
            if outcome.ok:
                log.info("daily backup: %s", outcome.message)
            else:
                log.error("daily backup: %s", outcome.message)
        current["window"].backups.show_outcome(outcome)

    backup_job = DailyBackup(app, daily_backup)
    backup_job.progress.connect(lambda done, total: current["window"].backups.show_progress(
        done, total))
    backup_job.done.connect(report_backup)
    backup_if_due = backup_job.start  # a check while one still runs waits for the next
    timer = QTimer(app)
    timer.timeout.connect(backup_if_due)

    def start_background_work() -> None:
        """Once the list is on screen: nothing of this delays the first window."""
        # The storage models (with their audit and score-cache hooks), which the list did
        # not need: imported here on this thread before any worker needs them, so no two
        # threads import that circle of modules at once.
        importlib.import_module("app.db.models")
        resume_collector()
        QThreadPool.globalInstance().start(audit_check)
        QThreadPool.globalInstance().start(health_check)
        backup_if_due()
        timer.start(BACKUP_CHECK_MS)

    current["window"].usable.connect(start_background_work, Qt.SingleShotConnection)

    code = app.exec()
    # Sign out / switch user: the window closed with its visit forms (drafts kept); the
    # next person signs in to a new window. Cancelling the sign-in closes the application.
    while current["window"].signed_out:
        current["lock"].stop()
        current["window"].deleteLater()
        log.info("signed out")
        actor = sign_in_at_start(database)
        if actor is None:
            break
        database.actor = actor
        open_main_window(actor)
        code = app.exec()
    window = current["window"]
    QThreadPool.globalInstance().waitForDone()
    backup_job.wait()  # a daily backup still copying finishes before the file is closed
    # Remember where the audit trail ends, so removing entries from its end before the next
    # start is noticed; not after a failed check, whose anchor is the evidence.
    if audit_check.done and audit_check.problem is None and window.audit_problem is None:
        from app.db.audit_anchor import remember_head

        try:
            with database.session() as session:
                remember_head(session, database.display_name)
        except Exception:  # noqa: BLE001 - closing must go on; the log keeps the reason
            log.exception("could not record the audit trail's end at exit")
    database.dispose()
    if health_check.damaged:
        log.info("closed; no backup on exit: the database file is damaged")
        return code
    from app.db.automatic_backups import backup_on_exit

    outcome = backup_on_exit(database.file_path, keep=clinic_settings.backups_kept,
                             folder=clinic_settings.backup_folder,
                             db_passphrase=database.passphrase)
    log.info("closed; backup on exit: %s", outcome.message)
    if not outcome.ok:
        print(f"jdm-ctp: {outcome.message}", file=sys.stderr)
    return code
