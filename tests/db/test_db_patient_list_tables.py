"""The patient list is read without the ORM models (app.db.patient_list, so the desktop
start shows it before importing them, issue 22). What that costs in guarantees is checked
here: the tables and columns it names are the models' own, a change made through the
models is still audited and still forgets cached scores however storage was imported,
and the read-only connection keeps nothing."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import Date, text

from app.db import patient_list
from app.db.models import Base

pytestmark = pytest.mark.usefixtures("system_actor")


def _named_columns() -> list[tuple[str, str, object]]:
    tables = (patient_list._patient, patient_list._identity, patient_list._enrollment,
              patient_list._arm, patient_list._visit)
    return [(t.name, c.name, c.type) for t in tables for c in t.columns]


def test_every_table_and_column_the_list_names_is_in_the_models_with_the_same_dates():
    named = _named_columns()
    assert len(named) == 2 + 3 + 5 + 4 + 3  # patient, identity, enrollment, arm, visit
    for table_name, column_name, declared in named:
        assert table_name in Base.metadata.tables, table_name
        model_column = Base.metadata.tables[table_name].c.get(column_name)
        assert model_column is not None, f"{table_name}.{column_name}"
        # A date read as a date (SQLite stores text): the list's Date columns are the
        # models' Date columns, and the models' Date columns it names are declared Date.
        assert (isinstance(declared, Date), table_name, column_name) == (
            isinstance(model_column.type, Date), table_name, column_name)


def test_a_misspelt_column_would_be_caught(monkeypatch):
    """The check above attacks: a list naming a column the models lack fails it."""
    from sqlalchemy import column, table

    monkeypatch.setattr(patient_list, "_visit",
                        table("visit", column("enrollment_id"), column("state")))
    with pytest.raises(AssertionError):
        test_every_table_and_column_the_list_names_is_in_the_models_with_the_same_dates()


def test_the_list_matches_what_the_models_hold(database):
    """Rows read through the Core query equal an ORM reading of the same patients."""
    from app.db.models import Patient
    from app.db.patients import PatientInput, create_patient

    with database.session() as session:
        for study_id, family, given in (("P-2", "Ńguyen", "Lê"), ("P-1", "", "Ana"),
                                        ("P-3", "Smith", "")):
            create_patient(session, PatientInput(study_id, given, family, None, "female"),
                           user="tester")
    with database.reading_connection() as connection:
        listed = patient_list.list_patient_rows(connection)
    with database.reading() as session:
        from_models = [(p.study_id, p.identity.family_name, p.identity.given_name)
                       for p in session.query(Patient).order_by(Patient.study_id)]
        assert patient_list.list_patient_rows(session) == listed  # a Session reads the same
    assert [(r.study_id, r.name) for r in listed] == [
        (study_id, patient_list.display_name(family, given))
        for study_id, family, given in from_models]
    assert [r.name for r in listed] == ["Ana", "Ńguyen, Lê", "Smith"]


def test_the_reading_connection_keeps_nothing(database):
    with database.reading_connection() as connection:
        connection.execute(text("INSERT INTO site (name, active) VALUES ('Ghost', :active)"),
                           {"active": True})
    with database.reading_connection() as connection:
        assert connection.execute(text("SELECT count(*) FROM site WHERE name = 'Ghost'")
                                  ).scalar_one() == 0


_HOOKS = r"""
import importlib, json, sys
from sqlalchemy import event
from sqlalchemy.orm import Session

first = sys.argv[1]
importlib.import_module(first)
loaded_before_models = "app.db.models" in sys.modules
import app.db.models  # what any write needs
from app.db import record_states, score_cache
print(json.dumps({
    "models with the package": loaded_before_models,
    "audit hook": event.contains(Session, "before_commit", record_states._before_commit),
    "score hook": event.contains(Session, "after_flush", score_cache._forget_changed),
}))
"""


@pytest.mark.parametrize("first", ["app.db", "app.db.patient_list", "app.db.models",
                                   "app.db.audit", "app.db.record_states", "app.db.visits",
                                   "app.db.visit_saving"])
def test_the_audit_and_score_hooks_come_with_the_models_whatever_is_imported_first(first):
    done = subprocess.run([sys.executable, "-c", _HOOKS, first], capture_output=True,
                          text=True, check=True, timeout=120)
    shown = json.loads(done.stdout.splitlines()[-1])
    assert shown["audit hook"] and shown["score hook"]
    if first in ("app.db", "app.db.patient_list"):
        assert shown["models with the package"] is False


def test_has_accounts_reads_the_accounts_table_the_models_declare(database):
    """The sign-in asks whether anyone can sign in yet on a plain connection
    (app.db.access.has_accounts); it answers as the accounts' service does."""
    from app.db import users
    from app.db.access import has_accounts
    from app.db.models import User

    assert User.__tablename__ == "app_user" and "id" in User.__table__.c
    for expected in (False, True):
        with database.reading_connection() as connection:
            assert has_accounts(connection) is expected
        with database.reading() as session:
            assert users.has_users(session) is expected
        if not expected:
            with database.session() as session:
                users.create_first_administrator(session, "admin", "Ada Admin",
                                                 "a long enough password 1")
