from __future__ import annotations

import pytest

from app.db import users
from app.db.engine import Database
from app.db.opening import open_database
from app.domain.permissions import Actor, Role

STAFF_PASSWORD = "long enough secret"


@pytest.fixture
def database(tmp_path, migrated_sqlite_file):
    """A fresh database file at head of the migrations (a copy of the session's template)."""
    return open_database(str(migrated_sqlite_file(tmp_path / "clinic.sqlite3")))


@pytest.fixture
def people(database: Database) -> dict[str, Actor]:
    """An administrator ("admin") and a data-entry nurse ("nurse"), both STAFF_PASSWORD."""
    with database.session() as s:
        admin = users.create_first_administrator(s, "admin", "Ada Admin", STAFF_PASSWORD)
    with database.session() as s:
        nurse = users.create_user(s, admin, "nurse", "Nia Nurse", Role.DATA_ENTRY,
                                  STAFF_PASSWORD)
    return {"admin": admin, "nurse": nurse}


@pytest.fixture(autouse=True)
def unattended_visit_close(monkeypatch):
    """A visit form closed with changes not saved asks Save / Keep as draft / Discard /
    Cancel in a message box; nobody answers one in a test. Forms closed by a test (or at
    its teardown) keep their draft, as before the question existed; the question itself
    is tested in test_visit_form_close.py. The calls are kept for tests that check them."""
    from app.forms import visit_form

    asked: list[str] = []

    def keep_draft(_parent, title, _text, _buttons):
        asked.append(title)
        return visit_form.KEEP_DRAFT

    monkeypatch.setattr(visit_form, "ask_with_message_box", keep_draft)
    return asked


@pytest.fixture(autouse=True)
def english_interface(qapp):
    """The windows in English, as the application starts them for an English workstation
    (its plural forms come from jdm_ctp_en.qm); tests/forms/test_french.py switches."""
    from app.forms.language import INTERFACE

    if INTERFACE.language != "en" or not INTERFACE._translators:
        INTERFACE.switch("en")
    yield
    if INTERFACE.language != "en":
        INTERFACE.switch("en")


@pytest.fixture
def french(qapp):
    """The windows in French (Canada), as a workstation set to French shows them; back to
    English afterwards."""
    from app.forms.language import INTERFACE

    INTERFACE.switch("fr")
    yield
    INTERFACE.switch("en")


@pytest.fixture
def main_window_stand_in(qtbot):
    """An empty main window 800×600, shown: what the lock screen covers (its tests need a
    window, not the application's)."""
    from PySide6.QtWidgets import QMainWindow, QWidget

    window = QMainWindow()
    window.setCentralWidget(QWidget())
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    return window
