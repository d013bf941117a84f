"""Long work off the interface thread (issue 20): "Back up now" and the daily backup no
longer freeze the window; a backup can be cancelled and leaves nothing behind."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from workstation_windows import TODAY, clinic

from app.db.backup import backup_database
from app.forms.long_jobs import BackgroundJob, JobCancelled, start_daily_backup
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")


def test_the_interface_answers_while_a_job_runs(qtbot):
    release = threading.Event()
    ticks: list[int] = []

    def work(report):
        report(1, 2)
        assert release.wait(10)  # holds the worker until the interface has answered
        report(2, 2)
        return "done"

    job = BackgroundJob(None, "Working…", work)
    timer = QTimer()
    timer.timeout.connect(lambda: (ticks.append(1), len(ticks) >= 3 and release.set()))
    timer.start(5)
    with qtbot.waitSignal(job.finished, timeout=10000) as finished:
        job.start()
    timer.stop()
    assert finished.args == ["done"] and len(ticks) >= 3
    assert not job.running


def test_a_failing_job_reports_its_error(qtbot):
    def work(_report):
        raise OSError(28, "No space left on device")

    job = BackgroundJob(None, "Working…", work)
    with qtbot.waitSignal(job.failed, timeout=10000) as failed:
        job.start()
    assert isinstance(failed.args[0], OSError)


def test_cancelled_backup_leaves_no_file(database, tmp_path: Path):
    target = tmp_path / "copy.sqlite3"
    calls: list[tuple[int, int]] = []

    def cancel_at_once(done: int, total: int) -> None:
        calls.append((done, total))
        raise JobCancelled("cancelled")

    with pytest.raises(JobCancelled):
        backup_database(database.file_path, target, actor=database.actor,
                        progress=cancel_at_once)
    assert calls and calls[0][1] > 0
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if "copy" in p.name] == []


def test_backup_reports_progress_to_the_end(database, tmp_path: Path):
    seen: list[tuple[int, int]] = []
    written = backup_database(database.file_path, tmp_path / "copy.sqlite3",
                              actor=database.actor,
                              progress=lambda done, total: seen.append((done, total)))
    assert written.is_file() and seen and seen[-1][0] == seen[-1][1]


def test_back_up_now_runs_on_a_worker_thread(qtbot, database, tmp_path, monkeypatch):
    clinic(database)
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    target = tmp_path / "now.sqlite3"
    monkeypatch.setattr(window, "choose_backup_path", lambda: str(target))
    window.backup_action.trigger()
    job = window.backups.job
    assert job is not None
    with qtbot.waitSignal(job.finished, timeout=30000):
        pass  # the trigger returned at once; the copy finishes in the background
    assert target.is_file()
    assert "Backup written to" in window.statusBar().currentMessage()


def test_daily_backup_starts_in_the_background(qtbot, database, tmp_path):
    folder = tmp_path / "backups"
    job = start_daily_backup(None, database, keep=3, folder=folder, start=False)
    with qtbot.waitSignal(job.done, timeout=30000) as done:
        assert job.start()
    assert done.args[0] is not None and done.args[0].ok
    assert any(folder.iterdir())
    again = start_daily_backup(None, database, keep=3, folder=folder, start=False)
    with qtbot.waitSignal(again.done, timeout=30000) as done:
        again.start()
    assert done.args[0] is None  # today's is done: not due again


def another_clinics_export(tmp_path: Path) -> Path:
    """An identified export of another clinic's three demo children, to import."""
    from database_fixtures import give_site_code

    from app.db.demo import fill_demo_database
    from app.db.opening import open_database
    from app.exports.export import export_database

    give_site_code(open_database(str(tmp_path / "other-clinic.sqlite3")))  # it exports
    source = open_database(str(tmp_path / "other-clinic.sqlite3"))
    fill_demo_database(source, patients=3, seed=9, as_of=TODAY)
    out = tmp_path / "export"
    export_database(source, out, profile="identified", fmt="redcap", user="coordinator")
    source.dispose()
    return out


def test_an_import_from_the_menu_runs_off_the_interface_thread(qtbot, database, tmp_path,
                                                                monkeypatch):
    """The import of a large export held the window frozen with no sign of work: it runs
    on a worker thread under a progress dialog, and its result is shown as before."""
    from app.exports import importing

    out = another_clinics_export(tmp_path)

    window = MainWindow(database, user="coordinator", today=TODAY)
    qtbot.addWidget(window)
    release = threading.Event()
    threads: list[threading.Thread] = []
    real = importing.import_directory

    def held(*args, **kwargs):
        threads.append(threading.current_thread())
        assert release.wait(10)  # until the interface has answered
        return real(*args, **kwargs)

    monkeypatch.setattr(importing, "import_directory", held)
    shown: list[tuple[str, bool]] = []
    monkeypatch.setattr(window, "choose_import_folder", lambda: str(out))
    monkeypatch.setattr(window, "show_import_result",
                        lambda title, _text, *, ok: shown.append((title, ok)))
    window.import_action.trigger()
    assert shown == []  # returned to the event loop with the import still running
    QTimer.singleShot(20, release.set)  # the interface thread answers while it works
    qtbot.waitUntil(lambda: shown != [], timeout=20000)
    assert shown == [("Import finished", True)]
    assert threads and threads[0] is not threading.main_thread()
    assert window.model.rowCount() == 3


def test_a_cancelled_import_leaves_nothing(qtbot, database, tmp_path, monkeypatch):
    """Cancel during the import: the one transaction is rolled back, no patient and no
    audit entry of an import remain, and the status bar says so."""
    from sqlalchemy import func, select

    from app.db.models import AuditEntry, Patient
    from app.exports import importing

    out = another_clinics_export(tmp_path)

    window = MainWindow(database, user="coordinator", today=TODAY)
    qtbot.addWidget(window)
    first_written = threading.Event()
    go_on = threading.Event()
    real = importing._build_patient
    built: list[str] = []

    def held(study_id, *args, **kwargs):
        built.append(study_id)
        if len(built) == 2:  # the first patient is written (flushed) by now
            first_written.set()
            assert go_on.wait(10)
        return real(study_id, *args, **kwargs)

    monkeypatch.setattr(importing, "_build_patient", held)
    shown: list[str] = []
    monkeypatch.setattr(window, "choose_import_folder", lambda: str(out))
    monkeypatch.setattr(window, "show_import_result",
                        lambda title, _text, *, ok: shown.append(title))
    job = window.import_export_folder()
    qtbot.waitUntil(first_written.is_set, timeout=20000)
    job.cancel()
    go_on.set()
    job.wait_in_event_loop()
    assert isinstance(job.error, JobCancelled) and shown == []
    assert window.statusBar().currentMessage() == "Import cancelled; nothing was imported."
    with database.session() as session:
        assert session.scalar(select(func.count()).select_from(Patient)) == 0
        assert session.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == "import")) == 0
