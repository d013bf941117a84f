"""The visit form when the database cannot take a save: its disk is full, or the file was
found damaged. The form says what is true (nothing was saved; the draft lives in the same
database, so it was not saved either), keeps everything typed, and keeps a plain JSON copy
in the data folder only where that helps (another device, not encrypted)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from damaged_files import root_page
from full_disk import FullDatabaseDisk, sqlite_full_error
from sqlalchemy.exc import OperationalError
from visit_fixtures import enrolled_patient, open_form, type_in

from app import paths
from app.db import fallback_drafts
from app.db.automatic_backups import automatic_backup
from app.db.drafts import load_draft
from app.db.opening import open_database
from app.db.visits import load_visit
from app.logs import error_message

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

DISK_FULL = "The disk is full: free space, then press Save again; nothing was saved."


def _stored_values(database, visit_id):
    with database.session() as s:
        return load_visit(s, visit_id).values


def _draft(database, visit_id):
    with database.session() as s:
        return load_draft(s, "visit", f"visit:{visit_id}")


def _fill(window):
    type_in(window.section("globals").fields["pga_activity"], "6.4")
    type_in(window.section("cmas").fields["cmas_1_sec"], "14")


def _typed(window):
    return (window.section("globals").fields["pga_activity"].text(),
            window.section("cmas").fields["cmas_1_sec"].text())


@pytest.fixture
def other_device(monkeypatch):
    """The data folder is on another device than the database (as a USB-stick database
    or a second disk would be); the test machine has one file system, so the answer of
    ``os.stat`` is what is replaced."""
    monkeypatch.setattr(fallback_drafts, "same_device", lambda first, second: False)


def test_save_on_a_full_disk_tells_the_truth_and_keeps_the_form(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
    window.show()
    _fill(window)
    disk = FullDatabaseDisk(database)
    assert window.save() is False
    assert disk.refused >= 1
    text = window.message.text()
    assert text.startswith(DISK_FULL)
    assert "autosaved draft" not in text
    # The data folder is on the same (full) disk here: no copy, and the form says so.
    assert "same full disk" in text and "Keep this window open" in text
    assert not (paths.data_dir() / fallback_drafts.FOLDER_NAME).exists()
    assert window.isVisible() and window.dirty
    assert _typed(window) == ("6.4", "14")
    assert _stored_values(database, visits["month_1"]) == {}
    # Space freed: Save again works and keeps exactly what was typed.
    disk.free_space()
    assert window.save() is True
    stored = _stored_values(database, visits["month_1"])
    assert stored["global"]["pga_activity"].value_num == 6.4
    assert stored["cmas"]["cmas_1_sec"].value_num == 14


def test_autosave_on_a_full_disk_raises_nothing_and_says_so(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
    _fill(window)
    FullDatabaseDisk(database)
    window.autosave_now()  # the timer's call: an exception here would reach the error hook
    assert window.message.text().startswith(DISK_FULL)
    assert _draft(database, visits["month_1"]) is None
    assert window.dirty


def test_closing_with_the_typing_nowhere_else_is_refused_once(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
    window.show()
    _fill(window)
    FullDatabaseDisk(database)
    window.close()
    assert window.isVisible()
    assert "Not closed" in window.message.text() and "Close it again" in window.message.text()
    assert _typed(window) == ("6.4", "14")
    window.close()  # the user's decision
    assert not window.isVisible()


def test_on_another_device_a_json_copy_is_kept_and_comes_back(qtbot, database, other_device):
    _pid, _eid, visits = enrolled_patient(database)
    visit_id = visits["month_1"]
    window = open_form(qtbot, database, visit_id, autosave_ms=60_000)
    window.show()
    _fill(window)
    disk = FullDatabaseDisk(database)
    assert window.save() is False
    copy = fallback_drafts.draft_path(database, "visit", f"visit:{visit_id}")
    text = window.message.text()
    assert text.startswith(DISK_FULL) and str(copy) in text
    document = json.loads(copy.read_text(encoding="utf-8"))
    assert document["payload"]["values"]["global"]["pga_activity"][0] == 6.4
    # With a copy elsewhere, closing is allowed at once.
    window.close()
    assert not window.isVisible()

    disk.free_space()
    again = open_form(qtbot, database, visit_id, autosave_ms=60_000)
    assert _typed(again) == ("6.4", "14")
    assert "when the disk was full" in again.banner.text()
    assert again.save() is True
    assert not copy.exists()  # the visit is in the database: the copy is not needed


def test_an_older_copy_does_not_override_a_newer_draft(qtbot, database, other_device):
    _pid, _eid, visits = enrolled_patient(database)
    visit_id = visits["month_1"]
    window = open_form(qtbot, database, visit_id, autosave_ms=60_000)
    _fill(window)
    outcome = fallback_drafts.keep(database, "visit", f"visit:{visit_id}",
                                   window._draft_payload())
    document = json.loads(outcome.path.read_text(encoding="utf-8"))
    document["saved_at"] = datetime(2020, 1, 1, tzinfo=UTC).isoformat()
    outcome.path.write_text(json.dumps(document), encoding="utf-8")
    type_in(window.section("globals").fields["pga_activity"], "2.2")
    window.autosave_now()  # a newer draft in the database, and the copy is now superseded
    assert not outcome.path.exists()
    again = open_form(qtbot, database, visit_id, autosave_ms=60_000)
    assert again.section("globals").fields["pga_activity"].text() == "2.2"


def test_an_encrypted_database_gets_no_plain_copy(qtbot, tmp_path, other_device):
    database = open_database(tmp_path / "secret.sqlite3", "violet kestrel over the ward")
    try:
        _pid, _eid, visits = enrolled_patient(database)
        window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
        _fill(window)
        FullDatabaseDisk(database)
        assert window.save() is False
        assert window.message.text().startswith(DISK_FULL)
        assert "encrypted" in window.message.text()
        assert not (paths.data_dir() / fallback_drafts.FOLDER_NAME).exists()
        window.close()
    finally:
        database.dispose()


def test_the_error_hook_no_longer_promises_a_draft_on_a_full_disk():
    full = OperationalError("INSERT INTO draft ...", {}, sqlite_full_error())
    text = error_message(full)
    assert text.startswith(DISK_FULL)
    assert "autosaved draft" not in text and "stays open" in text


# ------------------------------------------------------------ damaged database file


def _damaged(database, tmp_path):
    """Damage a page the visit form never reads; returns the newest automatic backup."""
    path = database.file_path
    newest = automatic_backup(path, now=datetime(2026, 5, 1, 7, 0, tzinfo=UTC))
    database.dispose()
    page = root_page(path, "screening_answer")
    with path.open("r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(b"\xa5" * 64)
    return newest


def _run_health_check(qtbot, database):
    from PySide6.QtCore import QThreadPool

    from app.forms.startup_checks import DatabaseHealthCheck

    check = DatabaseHealthCheck(database)
    with qtbot.waitSignal(check.finished, timeout=30_000) as signal:
        QThreadPool.globalInstance().start(check)
    return check, signal.args[0]


def test_a_damaged_file_found_at_start_refuses_every_save(qtbot, database, tmp_path):
    _pid, _eid, visits = enrolled_patient(database)
    newest = _damaged(database, tmp_path)
    check, problem = _run_health_check(qtbot, database)
    assert check.damaged
    assert "is damaged" in problem and str(newest) in problem
    window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
    _fill(window)
    window.autosave_now()
    assert str(newest) in window.message.text()
    assert window.save() is False
    assert window.message.text() == problem
    assert _typed(window) == ("6.4", "14")
    assert _stored_values(database, visits["month_1"]) == {}
    assert _draft(database, visits["month_1"]) is None


def test_a_sound_file_passes_the_start_check_and_saves_go_on(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    check, problem = _run_health_check(qtbot, database)
    assert problem is None and not check.damaged
    window = open_form(qtbot, database, visits["month_1"], autosave_ms=60_000)
    _fill(window)
    assert window.save() is True


# ------------------------------------------------------------------- first start


@pytest.mark.parametrize("kind", ["folder", "named pipe"])
def test_the_application_never_makes_a_folder_or_a_pipe_its_database(qapp, tmp_path,
                                                                      monkeypatch, kind):
    import os
    import sys

    from PySide6.QtWidgets import QMessageBox

    from app.gui import run_gui

    path = tmp_path / "clinic.sqlite3"
    if kind == "folder":
        path.mkdir()
    else:
        os.mkfifo(path)
    told = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_gui installs its own
    monkeypatch.setattr(QMessageBox, "critical",
                        staticmethod(lambda parent, title, text: told.append(text)))
    assert run_gui(str(path)) == 1
    assert told and f"no database at {path}" in told[0]
    assert path.is_dir() if kind == "folder" else path.is_fifo()
