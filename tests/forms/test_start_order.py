"""The start of the application (issue 22): the main window comes first; the daily
backup runs after its list has been painted, in the background, with its progress in the
status bar; a backup that fails is reported there (and in the log), not lost.

``run_gui`` runs for real with the sign-in answered and the event loop replaced by one
that runs until the daily backup has reported."""

from __future__ import annotations

import gc
import sys
import threading
from pathlib import Path

import pytest
from database_fixtures import STAFF_PASSWORD, add_people
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import app.db.automatic_backups as automatic_backups
import app.forms.login_dialog as login_dialog
from app.db import users
from app.db.automatic_backups import FAILED, NOT_AUDITED, ON_SERVER, SAVED, BackupOutcome
from app.forms.long_jobs import DailyBackup
from app.forms.main_window import MainWindow

pytestmark = [pytest.mark.usefixtures("system_actor"), pytest.mark.app_collector]


def _main_window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets()
                if isinstance(w, MainWindow) and w.isVisible())


def _start(monkeypatch, database, backup, shown: dict) -> int:
    """run_gui on ``database`` with ``backup(progress)`` as the daily backup; ``shown``
    receives what the status bar showed during and after it. Returns the exit code."""
    add_people(database)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a: None))
    monkeypatch.setattr(login_dialog, "sign_in_at_start",
                        lambda db, *a, **k: users.sign_in(db, "nurse", STAFF_PASSWORD))
    if backup is not None:  # None: the real daily backup, into the test's home folder
        monkeypatch.setattr(automatic_backups, "daily_backup_if_due",
                            lambda _path, *, progress, **_kw: backup(progress))
    shown["seen progress"] = threading.Event()

    def exec_until_the_backup_reported(_self=None) -> int:
        window = _main_window()
        # This start's job: the last made. Earlier tests' jobs stay children of the
        # application, and findChild could return one that will never report again.
        job = QApplication.instance().findChildren(DailyBackup)[-1]
        loop = QEventLoop()

        def look() -> None:
            # The first look only: the backup goes on to 10/10 once it has been seen,
            # and a later look would record that instead.
            if window.backup_progress.isVisible() and "progress" not in shown:
                shown["progress"] = (window.backup_progress.value(),
                                     window.backup_progress.maximum(),
                                     window.backup_status.text())
                shown["seen progress"].set()

        job.progress.connect(lambda *_: QTimer.singleShot(0, look))
        # Connected after the application's own slot: that one has run when this quits.
        job.done.connect(lambda _outcome: QTimer.singleShot(0, loop.quit))
        # The real backup of a small file can be over before this runs: its done
        # signal is then already queued for the application's slot, not for the
        # lambda above, so quit after that slot (posted after it) instead of waiting.
        if job.outcome is not None:
            QTimer.singleShot(0, loop.quit)
        QTimer.singleShot(30000, loop.quit)  # a backup that never reports fails below
        loop.exec()
        shown["after"] = {"label shown": window.backup_status.isVisible(),
                          "label": window.backup_status.text(),
                          "tip": window.backup_status.toolTip(),
                          "message": window.statusBar().currentMessage(),
                          "bar shown": window.backup_progress.isVisible()}
        window.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_until_the_backup_reported)
    from app.gui import run_gui

    return run_gui(str(database.file_path))


def test_the_list_is_painted_before_the_backup_starts_and_its_progress_is_shown(
        qapp, database, monkeypatch):
    shown: dict = {}

    def backup(progress):
        shown["painted at start"] = _main_window().painted
        shown["collecting at backup"] = gc.isenabled()
        shown["frozen at backup"] = gc.get_freeze_count()
        progress(5, 10)
        # The status bar shows it while the copy goes on: the interface thread answers.
        shown["answered"] = shown["seen progress"].wait(20)
        progress(10, 10)
        return BackupOutcome(SAVED, "daily", Path("backups") / "clinic-auto.sqlite3")

    assert _start(monkeypatch, database, backup, shown) == 0
    assert shown["painted at start"] is True
    # The cyclic collector, off during the start, is on again once the list is shown, with
    # what the start made set aside; handed back when the application closes.
    assert shown["collecting at backup"] is True and shown["frozen at backup"] > 10_000
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert shown["answered"] is True
    assert shown["progress"] == (5, 10, "Daily backup…")
    assert shown["after"] == {"label shown": False, "label": "Daily backup…", "tip": "",
                              "message": "The daily backup was saved to "
                                         f"{Path('backups') / 'clinic-auto.sqlite3'}.",
                              "bar shown": False}


def test_a_failed_backup_stays_in_the_status_bar(qapp, database, monkeypatch):
    shown: dict = {}
    failure = "The daily backup failed: [Errno 28] No space left on device"
    assert _start(monkeypatch, database,
                  lambda _progress: BackupOutcome(FAILED, "daily", problem=(
                      "[Errno 28] No space left on device")), shown) == 0
    after = shown["after"]
    assert after["label shown"] and after["label"] == "Daily backup failed"
    assert after["tip"] == failure and after["message"] == failure
    assert not after["bar shown"]


def test_a_backup_that_raises_is_reported_without_its_text(qapp, database, monkeypatch):
    shown: dict = {}

    def backup(_progress):
        raise RuntimeError("unexpected: Okafor, Ada")  # text that must not be shown

    assert _start(monkeypatch, database, backup, shown) == 0
    after = shown["after"]
    assert after["label shown"] and after["label"] == "Daily backup failed"
    assert "RuntimeError" in after["tip"] and "Okafor" not in after["tip"]
    assert "Back up now" in after["message"]


def test_a_start_that_cannot_open_its_database_leaves_the_collector_on(
        qapp, tmp_path, monkeypatch, capsys):
    from app.gui import run_gui

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: None))
    folder = tmp_path / "a folder, not a database"
    folder.mkdir()
    assert gc.isenabled()
    assert run_gui(str(folder)) == 1
    assert "jdm-ctp:" in capsys.readouterr().err
    assert gc.isenabled() and gc.get_freeze_count() == 0


# ------------------------------------------------------------------ the same, in French

@pytest.fixture
def french_workstation(qapp):
    """This workstation chose French (Tools → Language…), as run_gui reads it at start."""
    from PySide6.QtCore import QSettings

    from app import paths
    from app.forms.language import INTERFACE, LANGUAGE_KEY

    settings = QSettings(str(paths.config_dir() / "settings.ini"), QSettings.IniFormat)
    settings.setValue(LANGUAGE_KEY, "fr")
    settings.sync()
    yield
    INTERFACE.switch("en")


def test_the_daily_backup_is_reported_in_french(qapp, database, monkeypatch,
                                                french_workstation):
    """The real daily backup, started by run_gui on a French workstation: the status bar
    says where the copy went in French (it said "The daily backup was saved to …")."""
    from app import paths

    shown: dict = {}
    assert _start(monkeypatch, database, None, shown) == 0
    # the daily backup, then the one on exit as the window closed
    written = sorted(paths.backup_dir().glob("clinic-auto-*.sqlite3"))
    assert len(written) == 2
    assert shown["after"]["message"] == (
        f"La sauvegarde quotidienne a été enregistrée dans {written[0]}.")
    assert shown["after"]["label"] == "Sauvegarde quotidienne…"


@pytest.mark.parametrize(("outcome", "label", "message"), [
    (BackupOutcome(FAILED, "daily", problem="[Errno 28] No space left on device"),
     "Échec de la sauvegarde quotidienne",
     # the operating system's words, said to be technical detail
     "La sauvegarde quotidienne a échoué (détail technique : [Errno 28] No space left on "
     "device)"),
    (BackupOutcome(NOT_AUDITED, "daily", Path("b") / "c-auto.sqlite3", "disk I/O error"),
     "Échec de la sauvegarde quotidienne",
     f"La sauvegarde quotidienne a été enregistrée dans {Path('b') / 'c-auto.sqlite3'}. "
     "Elle n'a pas pu être consignée au journal d'audit (détail technique : disk I/O "
     "error)."),
], ids=["failed", "not audited"])
def test_every_daily_backup_outcome_reads_in_french(qapp, database, monkeypatch,
                                                    french_workstation, outcome, label,
                                                    message):
    shown: dict = {}
    assert _start(monkeypatch, database, lambda _progress: outcome, shown) == 0
    after = shown["after"]
    assert after["message"] == message
    assert after["label shown"] and after["label"] == label and after["tip"] == message


def test_a_server_database_outcome_reads_in_french(french_workstation):
    """(A server database has no daily backup from here: the words, for completeness.)"""
    from app.forms.backup_status import daily_outcome_text
    from app.forms.language import INTERFACE

    INTERFACE.switch("fr")
    assert daily_outcome_text(BackupOutcome(ON_SERVER, "daily")) == (
        "Les bases de données sur serveur sont sauvegardées sur le serveur.")


def test_a_backup_that_raises_is_reported_in_french_without_its_text(
        qapp, database, monkeypatch, french_workstation):
    shown: dict = {}

    def backup(_progress):
        raise RuntimeError("unexpected: Okafor, Ada")

    assert _start(monkeypatch, database, backup, shown) == 0
    assert shown["after"]["message"] == (
        "La sauvegarde quotidienne a échoué (détail technique : RuntimeError) ; la base de "
        "données elle-même n'a pas changé. Utilisez Outils → Sauvegarder maintenant, ou "
        "consultez le journal.")
