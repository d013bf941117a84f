"""Exports of a demo database (the lead's synthetic children, same storage convention):
18-column dictionary covering every data column, PHI scan, exact round trip, snapshot."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from database_fixtures import give_site_code
from sqlalchemy import select

from app.db.demo import fill_demo_database
from app.db.models import Patient, PatientIdentity
from app.db.opening import open_database
from app.db.snapshot import Snapshot
from app.exports.export import export_database
from app.exports.importing import import_directory
from app.reports.redcap import DICTIONARY_HEADER

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

AS_OF = date(2026, 6, 1)


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=25, seed=7, as_of=AS_OF)
    return database


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_demo_redcap_export_columns_are_all_in_the_18_column_dictionary(demo, tmp_path):
    result = export_database(demo, tmp_path / "o", user="t")
    assert result.manifest["unmapped_values"] == 0  # every stored item has a column
    dictionary = read(tmp_path / "o" / "redcap_data_dictionary.csv")
    assert tuple(dictionary[0]) == DICTIONARY_HEADER
    names = {row[0] for row in dictionary[1:]}
    forms = {row[1] for row in dictionary[1:]}
    checkbox = {row[0] for row in dictionary[1:] if row[3] == "checkbox"}
    header = read(tmp_path / "o" / "redcap_data.csv")[0]
    assert header[4] == "redcap_data_access_group"
    for column in header[5:]:
        base = column.split("___")[0]
        assert column in names or base in checkbox or (
            column.endswith("_complete") and column[:-9] in forms), column


def test_demo_deidentified_export_has_no_identifier_from_the_database(demo, tmp_path):
    export_database(demo, tmp_path / "r", user="t")
    export_database(demo, tmp_path / "w", fmt="wide", user="t")
    text = "\n".join(p.read_text(encoding="utf-8") for d in ("r", "w")
                     for p in (tmp_path / d).iterdir())
    with demo.session() as s:
        identities = s.execute(select(PatientIdentity.given_name, PatientIdentity.family_name,
                                      PatientIdentity.mrn, PatientIdentity.date_of_birth)).all()
    assert identities
    for given, family, mrn, born in identities:
        for value in (given, family, mrn):
            if value:
                assert not re.search(rf"\b{re.escape(value)}\b", text), value
        assert born is None or born.isoformat() not in text


def test_demo_round_trip_is_exact(demo, tmp_path):
    export_database(demo, tmp_path / "a", profile="identified", user="t")
    give_site_code(open_database(tmp_path / "target.sqlite3"))  # the same site, elsewhere
    target = open_database(tmp_path / "target.sqlite3")
    try:
        import_directory(target, tmp_path / "a", user="t")
        export_database(target, tmp_path / "b", profile="identified", user="t")
    finally:
        target.dispose()
    for path in (tmp_path / "a").glob("*.csv"):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_export_reads_one_snapshot_while_someone_saves(demo):
    with Snapshot(demo) as connection:
        before = connection.execute(select(Patient.study_id)).scalars().all()
        with demo.session() as s:  # another user adds a patient meanwhile
            s.add(Patient(study_id="LATE-1", sex="female", site=""))
        after = connection.execute(select(Patient.study_id)).scalars().all()
    assert after == before and "LATE-1" not in after
    with demo.session() as s:
        assert s.scalar(select(Patient.id).where(Patient.study_id == "LATE-1"))
