"""Patient data never reaches the application log, whatever error a save meets.

Attack: a save fails in the database with identifying text in its parameters (an
adverse-event description naming the child, a phone number, an e-mail, the MRN), as in
the reported case, and the unexpected-error hook logs it. Neither the exception's text
(shown, reported) nor the log file may contain any of those values. Runs on SQLite and,
with JDM_CTP_TEST_DATABASE_URL, on PostgreSQL (whose messages quote key values).
"""

from __future__ import annotations

import sys

import pytest
from sqlalchemy.exc import IntegrityError

from app.db.engine import Database
from app.db.models import AdverseEvent, Draft
from app.logs import install_error_hook, log, setup_logging

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

IDENTITY = ("Jane Q. Public", "555-867-5309", "jane.public@example.org", "MRN-7734215")
TEXT = "; ".join(IDENTITY)


def _log_text(path) -> str:
    for handler in log.handlers:
        handler.flush()
    return path.read_text(encoding="utf-8")


def _fail_through_the_hook(monkeypatch, action) -> tuple[str, list[str]]:
    told: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook(told.append)
    try:
        action()
    except Exception:  # noqa: BLE001 - handed to the hook as Qt would
        sys.excepthook(*sys.exc_info())
    else:
        pytest.fail("the save was expected to fail")
    return "\n".join(told), told


def test_a_failed_adverse_event_save_logs_no_identity(database: Database, private_home,
                                                       monkeypatch):
    path = setup_logging()

    def save() -> None:
        with database.session() as session:  # visit 999999 does not exist: FK violation
            session.add(AdverseEvent(visit_id=999_999, description=TEXT, action_taken=TEXT,
                                     reported_by="nurse"))

    shown, told = _fail_through_the_hook(monkeypatch, save)
    text = _log_text(path)
    assert "IntegrityError" in text and "Traceback" in text
    for value in IDENTITY:
        assert value not in text, f"{value!r} reached the log"
        assert value not in shown, f"{value!r} was shown in the error message"


def test_a_failed_draft_autosave_logs_no_identity(database: Database, private_home,
                                                   monkeypatch):
    """The autosave path: a draft payload holding what was typed, saved twice under one key."""
    path = setup_logging()
    payload = {"ae_description": TEXT, "mrn": IDENTITY[3]}

    def autosave_twice() -> None:
        with database.session() as session:
            session.add(Draft(kind="visit", key="visit:1", payload=payload))
            session.add(Draft(kind="visit", key="visit:1", payload=payload))
            session.flush()

    shown, _told = _fail_through_the_hook(monkeypatch, autosave_twice)
    text = _log_text(path)
    assert "IntegrityError" in text
    for value in IDENTITY:
        assert value not in text and value not in shown


def test_sql_parameters_are_hidden_in_database_errors(database: Database):
    with pytest.raises(IntegrityError) as caught, database.session() as session:
        session.add(AdverseEvent(visit_id=999_999, description=TEXT, reported_by="nurse"))
        session.flush()
    message = str(caught.value)
    assert "parameters hidden" in message
    for value in IDENTITY:
        assert value not in message
