"""Import of an identified redcap export (issue 5): exact round trip, all-or-nothing
rejection of malformed files with row/column/reason, conflicts reported."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import sys
from argparse import Namespace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from clinic_data import fill_clinic, identified_export, rows_as_exported_with  # noqa: E402
from database_fixtures import add_people, password_file, reseal  # noqa: E402

from app.catalog import protocol_catalog  # noqa: E402
from app.cli.importing import run as run_import  # noqa: E402
from app.db.models import (  # noqa: E402
    AdverseEvent,
    AuditEntry,
    InstrumentValue,
    Patient,
    Visit,
)
from app.domain.instruments.data_dictionary import fit_name  # noqa: E402
from app.domain.protocol.vocabulary import plan_drugs  # noqa: E402
from app.exports.export import export_database  # noqa: E402
from app.exports.importing import ImportRejected, import_directory  # noqa: E402
from app.reports.redcap_xml import XML_NAME  # noqa: E402

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def exported(database, tmp_path) -> Path:
    return identified_export(database, tmp_path / "export")


def snapshot(db) -> tuple[int, ...]:
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(model))
                     for model in (Patient, Visit, InstrumentValue, AuditEntry))


def test_round_trip_is_byte_identical_apart_from_the_manifest_time(exported, empty, tmp_path):
    summary = import_directory(empty, exported, user="coordinator")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    again = tmp_path / "again"
    export_database(empty, again, profile="identified", user="t")
    for path in sorted(exported.iterdir()):
        if path.name == "manifest.json":
            first = json.loads(path.read_text(encoding="utf-8"))
            second = json.loads((again / path.name).read_text(encoding="utf-8"))
            for varying in ("exported_at", "audit_trail_head"):
                first.pop(varying)
                second.pop(varying)
            first["files"] = [f for f in first["files"] if f["name"] != XML_NAME]
            second["files"] = [f for f in second["files"] if f["name"] != XML_NAME]
            assert first == second
            continue
        if path.name == XML_NAME:  # the project XML names the time it was made
            def timeless(data: bytes) -> bytes:
                return re.sub(rb'CreationDateTime="[^"]*"', b"", data)

            assert timeless(path.read_bytes()) == timeless((again / path.name).read_bytes())
            continue
        assert path.read_bytes() == (again / path.name).read_bytes(), path.name


def test_adverse_event_resolved_or_ongoing_survives_export_and_import(database, empty,
                                                                       tmp_path):
    fill_clinic(database)
    with database.session() as s:  # add an ongoing event next to the resolved one
        visit = s.scalars(select(Visit).where(Visit.visit_code == "unscheduled")).one()
        visit.adverse_events.append(AdverseEvent(
            description="Nausea", onset_date=date(2025, 5, 1), resolved_date=None,
            serious=False, relation="unlikely", reported_by="nurse"))
    out = tmp_path / "export"
    export_database(database, out, profile="identified", user="t")
    import_directory(empty, out, user="coordinator")

    def events(db):
        with db.session() as s:
            return s.execute(select(AdverseEvent.description, AdverseEvent.onset_date,
                                    AdverseEvent.resolved_date)
                             .order_by(AdverseEvent.onset_date, AdverseEvent.description)).all()

    assert events(empty) == events(database) == [
        ("Headache after infusion; seen by Dr Lovelace", date(2025, 5, 1), date(2025, 5, 2)),
        ("Nausea", date(2025, 5, 1), None),
    ]


def test_import_is_audited(exported, empty):
    import_directory(empty, exported, user="coordinator")
    with empty.session() as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
    # One event (issue 14, item 2), naming the source manifest's SHA-256 and the patients.
    manifest_sha = hashlib.sha256((exported / "manifest.json").read_bytes()).hexdigest()
    assert [(e.user_name, e.entity, e.entity_id) for e in entries] == [
        ("coordinator", "import", manifest_sha)]
    assert json.loads(entries[0].new_value)["added"] == ["JDM-001", "JDM-002"]


def test_importing_the_same_export_again_changes_nothing(exported, empty):
    import_directory(empty, exported, user="t")
    before = snapshot(empty)[:3]
    summary = import_directory(empty, exported, user="t")
    assert summary.added == [] and sorted(summary.already_present) == ["JDM-001", "JDM-002"]
    assert snapshot(empty)[:3] == before


def _edit(directory: Path, name: str, old: bytes, new: bytes, count: int = 1) -> None:
    """Change a file of the export and re-seal the manifest, as someone who edits an
    export on purpose would: the checks under test are then the content checks."""
    path = directory / name
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, count))
    reseal(directory)



def _rejected(db, directory) -> list:
    before = snapshot(db)
    with pytest.raises(ImportRejected) as caught:
        import_directory(db, directory, user="t")
    assert snapshot(db) == before  # nothing half-imported
    return caught.value.problems


def _find(problems, column):
    return next(p for p in problems if p.column == column and p.file == "redcap_data.csv")


def test_wrong_header_is_rejected_with_its_column(exported, empty):
    _edit(exported, "redcap_data.csv", b"pt_sex,", b"sex,")
    problem = _find(_rejected(empty, exported), "sex")
    assert problem.row == 1 and "wrong header" in problem.reason


def test_unknown_event_is_rejected_with_row_and_column(exported, empty):
    _edit(exported, "redcap_data.csv", b"month_6_arm_1", b"month_7_arm_1")
    problem = _find(_rejected(empty, exported), "redcap_event_name")
    assert problem.row > 1 and "unknown event 'month_7_arm_1'" in problem.reason


def test_value_out_of_range_is_rejected_with_row_column_and_reason(exported, empty):
    # The baseline row's CMAS item 1 (score 2) becomes 9; the item's maximum is 5.
    path = exported / "redcap_data.csv"
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    column = rows[0].index("cmas_1")
    number = next(i for i, row in enumerate(rows) if row[1] == "baseline_arm_1")
    assert rows[number][column] == "2"
    rows[number][column] = "9"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    reseal(exported)
    problem = _find(_rejected(empty, exported), "cmas_1")
    assert problem.row == number + 1
    assert "out of range" in problem.reason and "maximum 5" in problem.reason
    assert "row" in str(problem) and "cmas_1" in str(problem)


def test_bad_encoding_is_rejected_with_row_and_column(exported, empty):
    _edit(exported, "redcap_data.csv", b"Lovelace", "Lovelace\xe9".encode("latin-1"))
    problems = _rejected(empty, exported)
    problem = _find(problems, "pt_family_name")
    assert problem.row == 2 and "bad encoding" in problem.reason


def test_changed_file_fails_its_checksum(exported, empty):
    path = exported / "redcap_data.csv"
    path.write_bytes(path.read_bytes().replace(b"Toronto", b"Toronta"))  # manifest as it was
    problems = _rejected(empty, exported)
    assert any("SHA-256" in p.reason for p in problems)


def test_deidentified_export_cannot_be_imported(database, empty, tmp_path):
    fill_clinic(database)
    export_database(database, tmp_path / "d", user="t")
    problems = _rejected(empty, tmp_path / "d")
    assert any("identified" in p.reason for p in problems)


def test_conflicting_patient_is_reported_not_overwritten(exported, empty, tmp_path):
    import_directory(empty, exported, user="t")
    with empty.session() as s:
        s.scalar(select(Patient).where(Patient.study_id == "JDM-002")).site = "Ottawa"
    problems = _rejected(empty, exported)
    problem = _find(problems, "pt_clinic")  # the clinic as recorded
    # free text, left out of a de-identified export: its values are not repeated
    assert problem.reason == ("conflict: patient JDM-002 is already in the database with "
                              "another value in this column (not shown: it may identify the "
                              "patient); nothing was overwritten")
    assert "Ottawa" not in str(problem) and "Toronto" not in str(problem)
    with empty.session() as s:
        assert s.scalar(select(Patient.site).where(Patient.study_id == "JDM-002")) == "Ottawa"


def test_a_conflict_on_a_coded_field_quotes_both_values(exported, empty):
    import_directory(empty, exported, user="t")
    with empty.session() as s:
        patient = s.scalar(select(Patient).where(Patient.study_id == "JDM-002"))
        was, patient.sex = patient.sex, "other"
    problem = _find(_rejected(empty, exported), "pt_sex")
    assert problem.reason == ("conflict: patient JDM-002 is already in the database with "
                              f"'other' here, the file has {was!r}; nothing was overwritten")


def test_run_import_cli_function(exported, empty, capsys, tmp_path):
    url = empty.url.replace("sqlite:///", "")
    add_people(empty)
    args = Namespace(db=url, directory=str(exported), user="coord",
                     password_file=str(password_file(tmp_path)))
    assert run_import(args) == 0
    assert "Imported 2 new patients" in capsys.readouterr().out
    _edit(exported, "redcap_data.csv", b"month_6_arm_1", b"month_7_arm_1")
    assert run_import(args) == 1
    assert "unknown event" in capsys.readouterr().err


def test_duplicate_row_is_rejected(exported, empty):
    path = exported / "redcap_data.csv"
    lines = path.read_bytes().split(b"\r\n")
    month1 = next(line for line in lines if b",month_1_arm_1," in line)
    path.write_bytes(path.read_bytes() + month1 + b"\r\n")
    reseal(exported)
    problem = _find(_rejected(empty, exported), "redcap_event_name")
    assert "duplicate of row" in problem.reason


def test_missing_dictionary_is_rejected(exported, empty):
    (exported / "redcap_data_dictionary.csv").unlink()
    problems = _rejected(empty, exported)
    assert any(p.file == "redcap_data_dictionary.csv" and "missing" in p.reason
               for p in problems)


V2_EXPORT = Path(__file__).parent / "export_v2_identified"


def test_an_export_with_dictionary_version_2_still_imports(empty, tmp_path):
    """``export_v2_identified`` was written by the application before dictionary version 3
    (the clinic of clinic_data): it had no field for the domains a CHAQ "other" aid helps
    with and listed blood-pressure ranges the visit form does not use. It imports, and
    exporting the result gives its data back, plus the new field's empty columns; in the
    format of dictionary 2 the data is exactly the file imported."""
    old = tmp_path / "old"
    shutil.copytree(V2_EXPORT, old)
    assert '"data_dictionary_version": "2"' in (old / "manifest.json").read_text("utf-8")
    summary = import_directory(empty, old, user="coordinator")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    new = tmp_path / "new"
    export_database(empty, new, profile="identified", user="t")

    def read_rows(path):
        return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))

    old_data = read_rows(old / "redcap_data.csv")
    old_dictionary = read_rows(old / "redcap_data_dictionary.csv")
    # In the format of dictionary 2 (its text escaped for spreadsheets, as every export
    # before version 4) the database gives exactly the file imported.
    assert rows_as_exported_with(empty, old_dictionary, escape=True) == old_data
    old_fields = {row[0]: row for row in old_dictionary}
    new_fields = {row[0]: row for row in read_rows(new / "redcap_data_dictionary.csv")}
    # Dictionary 6 codes the prior drug and the medications (issue 15); 7 keeps the clinic
    # as recorded beside the site code (identified profile).
    assert set(new_fields) - set(fit_name(n) for n in old_fields) >= {
        "chaq_aid_other", "med_other_recorded", "pt_clinic", "prior_drug_other"}
    # The dose columns are the plans' drugs', never a name typed in the data.
    assert {name for name in new_fields if name.startswith("med_") and name.endswith("_dose")
            } == {fit_name(f"med_{code}_dose")
                  for code in plan_drugs(protocol_catalog().protocols.values())}
    assert (old_fields["vit_bp_systolic"][8:10], new_fields["vit_bp_systolic"][8:10]) == (
        ["40", "260"], ["50", "250"])  # now the range the visit form accepts
