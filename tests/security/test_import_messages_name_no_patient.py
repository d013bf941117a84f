"""An import's refusal names where the problem is (file, row, column) and never repeats a
patient's identifying values: the command line prints it on stderr, which a scheduled job
may keep in a log, and the window shows it to whoever is at the workstation.

Attacks: a conflict with a patient already in the database on each identifying field (the
old message quoted both the stored and the file's value), and identifying cells that
cannot be read (Python's own words quoted the cell)."""

from __future__ import annotations

import csv
import io
from argparse import Namespace
from pathlib import Path

import pytest
from clinic_data import identified_export
from database_fixtures import add_people, db_argument, password_file, reseal
from sqlalchemy import select

from app.cli.importing import run as run_import
from app.db.models import Patient, PatientIdentity
from app.exports.importing import ImportRejected, import_directory

pytestmark = pytest.mark.usefixtures("system_actor")

STORED = {"pt_given_name": "Zenobia", "pt_family_name": "Quillfeather",
          "pt_mrn": "MRN-STORED-7", "pt_date_of_birth": "2013-02-17"}
IN_FILE = {"pt_given_name": "Xanthippe", "pt_family_name": "Marchbanks",
           "pt_mrn": "MRN-FILE-9", "pt_date_of_birth": "2011-08-23"}
UNREADABLE = {"pt_date_of_birth": "2014-13-45", "pt_onset_date": "2019-02-30"}


@pytest.fixture
def exported(database, tmp_path) -> Path:
    return identified_export(database, tmp_path / "export")


def _set_cell(directory: Path, study_id: str, column: str, value: str) -> None:
    """The registration row of ``study_id`` gets ``value`` in ``column``; the manifest is
    re-sealed, as someone editing an export on purpose would."""
    path = directory / "redcap_data.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    header = rows[0]
    row = next(r for r in rows[1:] if r[0].endswith(f"-{study_id}") and r[1] == "registration_arm_1"
               and not r[header.index("redcap_repeat_instrument")])
    row[header.index(column)] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    reseal(directory)


def _store(database, study_id: str, column: str, value: str) -> None:
    from datetime import date
    field = column.removeprefix("pt_")
    with database.session() as session:
        identity = session.scalar(select(PatientIdentity).join(Patient).where(
            Patient.study_id == study_id))
        setattr(identity, field, date.fromisoformat(value) if field == "date_of_birth"
                else value)


def _refusal(database, directory) -> tuple[str, list]:
    with pytest.raises(ImportRejected) as caught:
        import_directory(database, directory, user="t")
    return str(caught.value), caught.value.problems


def _cli_stderr(database, directory, tmp_path, capsys) -> str:
    add_people(database)
    args = Namespace(db=db_argument(database), directory=str(directory),
                     user="coord", password_file=str(password_file(tmp_path)))
    capsys.readouterr()
    assert run_import(args) == 1
    captured = capsys.readouterr()
    return captured.out + captured.err


@pytest.mark.parametrize("column", sorted(STORED))
def test_a_conflict_on_an_identifying_field_names_the_field_not_the_values(
        column, empty, exported, tmp_path, capsys):
    import_directory(empty, exported, user="t")
    _store(empty, "JDM-001", column, STORED[column])
    _set_cell(exported, "JDM-001", column, IN_FILE[column])
    said, problems = _refusal(empty, exported)
    (problem,) = problems
    assert (problem.file, problem.column) == ("redcap_data.csv", column)
    assert "conflict" in said and "JDM-001" in said and "nothing was overwritten" in said
    printed = _cli_stderr(empty, exported, tmp_path, capsys)
    assert "conflict" in printed and column in printed
    for text in (said, printed):
        for value in (STORED[column], IN_FILE[column]):
            assert value not in text, (value, text)
            assert value.replace("-", "") not in text.replace("-", "")
    with empty.session() as session:  # and nothing was overwritten
        identity = session.scalar(select(PatientIdentity).join(Patient).where(
            Patient.study_id == "JDM-001"))
        stored = getattr(identity, column.removeprefix("pt_"))
        assert str(stored) == STORED[column]


@pytest.mark.parametrize("column", sorted(UNREADABLE))
def test_an_unreadable_date_of_a_patient_is_refused_without_repeating_it(
        column, empty, exported, tmp_path, capsys):
    _set_cell(exported, "JDM-001", column, UNREADABLE[column])
    said, problems = _refusal(empty, exported)
    assert problems and ("JDM-001" in said or column in said), said
    printed = _cli_stderr(empty, exported, tmp_path, capsys)
    for text in (said, printed):
        assert UNREADABLE[column] not in text, text

