"""Prior therapies in the coordinator exports and the import: the repeating REDCap form
``prior_therapy`` in the registration event, numbered columns in the wide format, dates
and free text under the de-identified rule, an exact round trip, exports made before the
form existed (data dictionary version 1) still importing, and the demo data having them.

Every expected row below was written by hand from the clinic in ``clinic_data.fill_clinic``
(day offsets counted on a calendar: JDM-001 is enrolled 2025-01-10, JDM-002 was only
screened, on 2025-02-03, so that is its reference date).
"""

from __future__ import annotations

import csv
import io
import shutil
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from clinic_data import fill_clinic, rows_as_exported_with  # noqa: E402
from database_fixtures import reseal, without_audit_head  # noqa: E402

import app.db.export_reading as export_data  # noqa: E402
from app.catalog import protocol_catalog  # noqa: E402
from app.db.demo import fill_demo_database  # noqa: E402
from app.db.models import (  # noqa: E402
    Patient,
    PatientIdentity,
    PriorTherapy,
    Screening,
    ScreeningAnswer,
)
from app.db.opening import open_database  # noqa: E402
from app.db.prior_therapies import PriorTherapyInput, validate  # noqa: E402
from app.db.site_code import set_site_code  # noqa: E402
from app.domain.instruments.data_dictionary import fit_name  # noqa: E402
from app.domain.protocol.vocabulary import plan_drugs  # noqa: E402
from app.exports.export import export_database  # noqa: E402
from app.exports.importing import ImportRejected, import_directory  # noqa: E402
from app.reports.redcap_rules import unique_event_name  # noqa: E402

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

V1_EXPORT = Path(__file__).parent / "export_v1_identified"
PRIOR_KEYS = ("record_id", "redcap_event_name", "redcap_repeat_instrument",
              "redcap_repeat_instance")


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def records(path: Path) -> list[dict[str, str]]:
    rows = read(path)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def clinic(database):
    fill_clinic(database)
    return database


def _code(drug: str) -> str:
    """The number a REDCap file writes for a drug of the plans (dictionary version 5 on:
    the plans' drug codes numbered 1, 2, ... in order; app.reports.fields.numeric_codes)."""
    codes = plan_drugs(protocol_catalog().protocols.values())
    return str(codes.index(drug) + 1)


def _prior_rows(directory: Path) -> list[list[str]]:
    """The prior_therapy rows: keys and the form's columns (header order)."""
    rows = read(directory / "redcap_data.csv")
    header = rows[0]
    keep = [i for i, c in enumerate(header) if c in PRIOR_KEYS or c.startswith("prior_")]
    assert [header[i] for i in keep][4:] == [c for c in header if c.startswith("prior_")]
    return [[row[i] for i in keep] for row in rows[1:] if row[2] == "prior_therapy"]


# ------------------------------------------------------------------ REDCap format


def test_identified_redcap_rows_are_the_prior_therapies_oldest_start_first(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, profile="identified", user="t")
    header = read(out / "redcap_data.csv")[0]
    assert [c for c in header if c.startswith("prior_")] == [
        "prior_drug", "prior_start_date", "prior_stop_date", "prior_reason_stopped",
        "prior_last_dose_date", "prior_b_cells", "prior_for_skin", "prior_drug_other",
        "prior_notes", "prior_therapy_complete"]
    reg = "registration_arm_1"
    # The drugs are the plans' drug codes (all four are named by the plans): no typed text.
    assert _prior_rows(out) == [
        ["TEST-JDM-001", reg, "prior_therapy", "1", _code("prednisone"), "2023-10-02", "", "", "",
         "", "0", "", "", "2"],
        ["TEST-JDM-001", reg, "prior_therapy", "2", _code("methotrexate"), "2024-03-01",
         "2024-11-15", "1", "2024-11-08", "", "0", "", "=Stopped by Dr Lovelace, rash static", "2"],
        ["TEST-JDM-001", reg, "prior_therapy", "3", _code("rituximab"), "2024-05-06", "2024-05-20",
         "4", "2024-05-20", "0", "0", "", "", "2"],
        ["TEST-JDM-002", reg, "prior_therapy", "1", _code("ivig"), "2024-06-01", "2024-12-01", "3",
         "2024-11-20", "", "1", "", "", "2"],
    ]
    # A prior_therapy row carries nothing of any other form, and the form's columns are
    # blank on every other row.
    for r in records(out / "redcap_data.csv"):
        other = {c: v for c, v in r.items()
                 if v and c not in (*PRIOR_KEYS, "redcap_data_access_group")}
        if r["redcap_repeat_instrument"] == "prior_therapy":
            assert all(c.startswith("prior_") for c in other), other
        else:
            assert not any(c.startswith("prior_") for c in other), other


def test_prior_therapy_rows_follow_the_screenings_in_the_registration_event(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, profile="identified", user="t")
    keys = [tuple(r[k] for k in PRIOR_KEYS) for r in records(out / "redcap_data.csv")]
    assert keys[:6] == [
        ("TEST-JDM-001", "registration_arm_1", "", ""),
        ("TEST-JDM-001", "registration_arm_1", "screening", "1"),
        ("TEST-JDM-001", "registration_arm_1", "prior_therapy", "1"),
        ("TEST-JDM-001", "registration_arm_1", "prior_therapy", "2"),
        ("TEST-JDM-001", "registration_arm_1", "prior_therapy", "3"),
        ("TEST-JDM-001", "enrollment_arm_1", "", ""),
    ]
    assert keys[-3:] == [
        ("TEST-JDM-002", "registration_arm_1", "", ""),
        ("TEST-JDM-002", "registration_arm_1", "screening", "1"),
        ("TEST-JDM-002", "registration_arm_1", "prior_therapy", "1"),
    ]


def test_deidentified_redcap_rows_have_day_offsets_and_no_notes(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, user="t")
    header = read(out / "redcap_data.csv")[0]
    assert "prior_notes" not in header
    reg = "registration_arm_1"
    # JDM-001 from its enrollment 2025-01-10: 2023-10-02 is 466 days before, 2024-03-01
    # 315, 2024-11-15 56, 2024-11-08 63, 2024-05-06 249, 2024-05-20 235. JDM-002 was
    # never enrolled: from its screening 2025-02-03, 2024-06-01 is 247 days before,
    # 2024-12-01 64, 2024-11-20 75.
    assert _prior_rows(out) == [
        ["TEST-JDM-001", reg, "prior_therapy", "1", _code("prednisone"), "-466", "", "", "", "",
         "0", "2"],
        ["TEST-JDM-001", reg, "prior_therapy", "2", _code("methotrexate"), "-315", "-56",
         "1", "-63", "", "0", "2"],
        ["TEST-JDM-001", reg, "prior_therapy", "3", _code("rituximab"), "-249", "-235", "4",
         "-235", "0", "0", "2"],
        ["TEST-JDM-002", reg, "prior_therapy", "1", _code("ivig"), "-247", "-64", "3", "-75", "",
         "1", "2"],
    ]
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.iterdir())
    assert "Stopped by" not in text and "Lovelace" not in text


def test_patient_never_screened_has_no_dates_when_deidentified(database, tmp_path):
    """No enrollment and no screening: no reference date, so no date at all (the same as
    for any other date of such a patient), while the drug is still exported."""
    with database.session() as s:
        patient = Patient(study_id="JDM-003", sex="female", site="Kingston")
        patient.identity = PatientIdentity(given_name="Mary", family_name="Somerville",
                                           mrn="MRN-3", date_of_birth=date(2015, 2, 1))
        patient.prior_therapies.append(PriorTherapy(
            drug="hydroxychloroquine", start_date=date(2024, 1, 15),
            stop_date=date(2024, 9, 1), reason_stopped="2",
            last_dose_date=date(2024, 8, 30), notes="retinal screening"))
        s.add(patient)
    export_database(database, tmp_path / "d", user="t")
    export_database(database, tmp_path / "i", profile="identified", user="t")
    reg = "registration_arm_1"
    assert _prior_rows(tmp_path / "d") == [
        ["TEST-JDM-003", reg, "prior_therapy", "1", _code("hydroxychloroquine"), "", "", "2", "",
         "", "0", "2"]]
    assert _prior_rows(tmp_path / "i") == [
        ["TEST-JDM-003", reg, "prior_therapy", "1", _code("hydroxychloroquine"), "2024-01-15",
         "2024-09-01", "2", "2024-08-30", "", "0", "", "retinal screening", "2"]]


def test_dictionary_and_mapping_describe_the_form(clinic, tmp_path):
    export_database(clinic, tmp_path / "i", profile="identified", user="t")
    export_database(clinic, tmp_path / "d", user="t")
    blank = [""] * 10
    # Numeric codes with labels (dictionary version 5), in the order of REASONS_STOPPED.
    reasons = ("1, Inadequate response | 2, Toxicity | 3, Benefit (stopped while it was "
               "helping) | 4, Another reason")
    identified = [row for row in read(tmp_path / "i" / "redcap_data_dictionary.csv")
                  if row[1] == "prior_therapy"]
    # The plans' drug codes numbered in order (dictionary version 5 on), then "other".
    codes = plan_drugs(protocol_catalog().protocols.values())
    drugs = " | ".join([f"{n}, {code}" for n, code in enumerate(codes, start=1)]
                       + [f"{len(codes) + 1}, Other (text not exported when de-identified)"])
    assert "mycophenolate_mofetil" in codes
    # Calendar dates and free text are identifiers (issue 17): "y" in "Identifier?".
    ident = ["", "", "y", *blank[3:]]
    assert identified == [
        ["prior_drug", "prior_therapy", "", "dropdown", "Drug", drugs,
         "The drugs the plans name", "", *blank],
        ["prior_start_date", "prior_therapy", "", "text", "Started", "", "YYYY-MM-DD",
         "date_ymd", *ident],
        ["prior_stop_date", "prior_therapy", "", "text", "Stopped", "", "YYYY-MM-DD",
         "date_ymd", *ident],
        ["prior_reason_stopped", "prior_therapy", "", "dropdown", "Why it was stopped", reasons,
         "Blank while the therapy is ongoing", "", *blank],
        ["prior_last_dose_date", "prior_therapy", "", "text", "Last dose", "", "YYYY-MM-DD",
         "date_ymd", *ident],
        ["prior_b_cells", "prior_therapy", "", "yesno", "B cells detectable", "",
         "Rituximab only; blank = not recorded", "", *blank],
        ["prior_for_skin", "prior_therapy", "", "yesno", "Given for skin disease", "", "", "",
         *blank],
        ["prior_drug_other", "prior_therapy", "", "text", "Drug (other, as typed)", "", "",
         "", *ident],
        ["prior_notes", "prior_therapy", "", "notes", "Notes", "", "", "", *ident],
    ]
    day_note = ("Days since the enrollment date (0 = enrollment day, negative = before it; "
                "never enrolled: since the first screening) (days)")
    deidentified = {row[0]: row for row in read(tmp_path / "d" / "redcap_data_dictionary.csv")
                    if row[1] == "prior_therapy"}
    assert list(deidentified) == ["prior_drug", "prior_start_day", "prior_stop_day",
                                  "prior_reason_stopped", "prior_last_dose_day",
                                  "prior_b_cells", "prior_for_skin"]
    assert deidentified["prior_stop_day"] == [
        "prior_stop_day", "prior_therapy", "", "text", "Stopped (days since enrollment)", "",
        day_note, "integer", *blank]
    for directory in ("i", "d"):
        mapping = read(tmp_path / directory / "redcap_instrument_event_mapping.csv")
        assert mapping[1:4] == [["1", "registration_arm_1", "patient"],
                                ["1", "registration_arm_1", "screening"],
                                ["1", "registration_arm_1", "prior_therapy"]]
        assert sum(row[2] == "prior_therapy" for row in mapping) == 1


# -------------------------------------------------------------------- wide format


def test_wide_rows_carry_numbered_prior_therapy_columns(clinic, tmp_path):
    export_database(clinic, tmp_path / "w", fmt="wide", user="t")
    data = read(tmp_path / "w" / "wide_data.csv")
    header = data[0]
    # Appended after the last column that existed before, up to the 3 of JDM-001.
    tail = [f"prior{n}_{name}" for n in (1, 2, 3) for name in (
        "drug", "start_day", "stop_day", "reason_stopped", "last_dose_day", "b_cells",
        "for_skin")]
    assert header[header.index("ae_count") + 1:] == tail
    rows = [dict(zip(header, row, strict=True)) for row in data[1:]]
    assert len(rows) == 4 and {r["study_id"] for r in rows} == {"TEST-JDM-001"}  # JDM-002: no visit
    for r in rows:  # the same patient-level values on every visit row
        assert [r[c] for c in tail] == [
            "prednisone", "-466", "", "", "", "", "0",
            "methotrexate", "-315", "-56", "inadequate_response", "-63", "", "0",
            "rituximab", "-249", "-235", "other", "-235", "0", "0"]


def test_wide_codebook_documents_each_numbered_column(clinic, tmp_path):
    export_database(clinic, tmp_path / "w", fmt="wide", profile="identified", user="t")
    codebook = {row[0]: row for row in read(tmp_path / "w" / "wide_codebook.csv")[1:]}
    slot = ("Prior therapy 2 of up to 3, oldest start first (blank when the patient has "
            "fewer); the same on every visit row of the patient.")
    assert codebook["prior2_stop_date"] == [
        "prior2_stop_date", "Prior therapy 2: Stopped", "date", "", "", "prior_therapy",
        "IDENTIFIER. " + slot + " YYYY-MM-DD"]
    assert codebook["prior2_reason_stopped"] == [
        "prior2_reason_stopped", "Prior therapy 2: Why it was stopped", "code", "",
        "inadequate_response = Inadequate response | toxicity = Toxicity | benefit = Benefit "
        "(stopped while it was helping) | other = Another reason", "prior_therapy",
        slot + " Blank while the therapy is ongoing"]
    assert codebook["prior2_b_cells"][2:5] == ["0/1", "", "0 = No | 1 = Yes"]
    assert codebook["prior3_notes"][:3] == ["prior3_notes", "Prior therapy 3: Notes", "text"]
    assert "prior4_drug" not in codebook
    data = read(tmp_path / "w" / "wide_data.csv")
    # The visit table's columns in order, then those of the treatment-course files.
    rows = read(tmp_path / "w" / "wide_codebook.csv")[1:]
    assert [row[0] for row in rows[:len(data[0])]] == data[0]
    assert all(row[6].startswith(("Column of wide_arms.csv", "Column of wide_infusions.csv"))
               for row in rows[len(data[0]):])
    notes = data[0].index("prior2_notes")
    assert {row[notes] for row in data[1:]} == {"'=Stopped by Dr Lovelace, rash static"}


def test_wide_without_prior_therapies_has_no_prior_columns(database, tmp_path):
    fill_clinic(database)
    with database.session() as s:
        for row in s.scalars(select(PriorTherapy)):
            s.delete(row)
    export_database(database, tmp_path / "w", fmt="wide", user="t")
    header = read(tmp_path / "w" / "wide_data.csv")[0]
    assert header[-1] == "ae_count" and not any(c.startswith("prior") for c in header)


# ------------------------------------------------------------------------- import


def _stored(db) -> list[tuple]:
    with db.session() as s:
        return s.execute(select(
            Patient.study_id, PriorTherapy.drug, PriorTherapy.start_date, PriorTherapy.stop_date,
            PriorTherapy.reason_stopped, PriorTherapy.last_dose_date,
            PriorTherapy.b_cells_detectable, PriorTherapy.for_skin_disease, PriorTherapy.notes)
            .join(Patient).order_by(Patient.study_id, PriorTherapy.id)).all()


def test_import_restores_the_prior_therapies(clinic, empty, tmp_path):
    export_database(clinic, tmp_path / "a", profile="identified", user="t")
    import_directory(empty, tmp_path / "a", user="coordinator")
    assert _stored(empty) == [  # in instance order: the ids keep the exported order
        ("JDM-001", "prednisone", date(2023, 10, 2), None, None, None, None, False, ""),
        ("JDM-001", "methotrexate", date(2024, 3, 1), date(2024, 11, 15), "inadequate_response",
         date(2024, 11, 8), None, False, "=Stopped by Dr Lovelace, rash static"),
        ("JDM-001", "rituximab", date(2024, 5, 6), date(2024, 5, 20), "other",
         date(2024, 5, 20), False, False, ""),
        ("JDM-002", "ivig", date(2024, 6, 1), date(2024, 12, 1), "benefit", date(2024, 11, 20),
         None, True, ""),
    ]
    export_database(empty, tmp_path / "b", profile="identified", user="t")
    for name in ("redcap_data.csv", "redcap_data_dictionary.csv",
                 "redcap_instrument_event_mapping.csv", "redcap_events.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def _edit_cell(directory: Path, instance: str, column: str, value: str) -> int:
    """Set one cell of JDM-001's prior therapy ``instance``; returns its line number."""
    path = directory / "redcap_data.csv"
    rows = read(path)
    index = rows[0].index(column)
    number = next(i for i, row in enumerate(rows)
                  if row[0] == "TEST-JDM-001" and row[2] == "prior_therapy" and row[3] == instance)
    rows[number][index] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    reseal(directory)
    return number + 1


def _problems(db, directory: Path) -> list:
    with pytest.raises(ImportRejected) as caught:
        import_directory(db, directory, user="t")
    with db.session() as s:
        assert s.scalars(select(Patient.id)).all() == []  # nothing half-imported
    return [p for p in caught.value.problems if p.file == "redcap_data.csv"]


def test_unknown_reason_stopped_is_rejected_with_row_and_column(clinic, empty, tmp_path):
    export_database(clinic, tmp_path / "a", profile="identified", user="t")
    line = _edit_cell(tmp_path / "a", "2", "prior_reason_stopped", "failure")
    problem = next(p for p in _problems(empty, tmp_path / "a")
                   if p.column == "prior_reason_stopped")
    assert problem.row == line
    assert problem.reason == ("'failure' is not one of inadequate_response, toxicity, "
                              "benefit, other")


def test_prior_therapy_without_a_drug_is_rejected(clinic, empty, tmp_path):
    export_database(clinic, tmp_path / "a", profile="identified", user="t")
    _edit_cell(tmp_path / "a", "3", "prior_drug", "")
    problem = next(p for p in _problems(empty, tmp_path / "a") if p.column == "prior_drug")
    assert problem.reason == "JDM-001: prior therapy 3 names no drug"


def test_prior_therapy_date_must_be_a_date(clinic, empty, tmp_path):
    export_database(clinic, tmp_path / "a", profile="identified", user="t")
    line = _edit_cell(tmp_path / "a", "1", "prior_start_date", "02/10/2023")
    problem = next(p for p in _problems(empty, tmp_path / "a")
                   if p.column == "prior_start_date")
    # a calendar date of the patient: the refusal does not repeat it (a date identifies)
    assert (problem.row, problem.reason) == (
        line, "the value in this cell (not shown: it may identify the patient) is not a date "
              "(YYYY-MM-DD)")


def test_export_from_before_prior_therapies_still_imports(empty, tmp_path):
    """``export_v1_identified`` was written by the application before this form existed
    (data dictionary version 1; the clinic of clinic_data without prior therapies). It
    imports; the data in the format of dictionary 1 is exactly the file imported, and a
    new export is the old one plus the empty new form (and what later versions changed:
    the CHAQ other-aid domains field and the blood-pressure ranges in 3, the coded site,
    drugs and medications in 4)."""
    old = tmp_path / "old"
    shutil.copytree(V1_EXPORT, old)
    assert '"data_dictionary_version": "1"' in (old / "manifest.json").read_text("utf-8")
    summary = import_directory(empty, old, user="coordinator")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    assert _stored(empty) == []
    new = tmp_path / "new"
    export_database(empty, new, profile="identified", user="t")
    old_dictionary = read(old / "redcap_data_dictionary.csv")
    new_dictionary = read(new / "redcap_data_dictionary.csv")

    old_names = {fit_name(row[0]) for row in old_dictionary}
    # Version 4 shortened names over 26 characters, flags every date and free-text field
    # an identifier, and labels the BSA with its formula and decimals.
    def v4(row):
        if row[3] in ("dropdown", "radio"):  # version 5: numeric codes, the same labels
            row = [*row[:5], " | ".join(c.split(", ", 1)[-1] for c in row[5].split(" | ")),
                   *row[6:]]
        row = [fit_name(row[0]), *row[1:10], "", *row[11:]]
        return [*row[:4], "", row[5], "", *row[7:]] if row[0] == "rx_bsa_m2" else row

    old_dictionary_as_read = old_dictionary
    old_dictionary, new_dictionary = list(map(v4, old_dictionary)), list(map(v4, new_dictionary))
    # Version 6 codes the site, the prior drug, the creatinine unit and the medications.
    coded_in_6 = ("pt_site", "pt_site_other", "pt_clinic", "vit_creatinine_unit")
    # Version 7 adds the study's patient and arm fields and the infusion form (issue 18),
    # three visit forms and the adverse events' coding.
    added_in_7 = ("pt_onset_date", "pt_diagnosis_date", "pt_disease_months", "pt_race",
                  "pt_ethnicity", "arm_choice", "arm_choice_other", "arm_stop_reason",
                  "arm_stop_other", "ae_category", "ae_severity", "ae_outcome")
    forms_of_7 = ("infusion", "cdasi", "sun_protection", "steroid_exposure")

    def without_later_changes(rows):
        # Version 4: every criterion and drug of the plans (not only those in the data),
        # and the version in the record id's note.
        return [row[:8] + ["", ""] + row[10:] if row[0].startswith("vit_bp_") else
                row[:6] + [""] + row[7:] if row[0] == "record_id" else row
                for row in rows if row[1] not in ("prior_therapy", "medications", *forms_of_7)
                and row[0] != "chaq_aid_other" and row[0] not in coded_in_6
                and row[0] not in added_in_7
                and (row[0] in old_names or not row[0].startswith("scr_"))]

    assert without_later_changes(new_dictionary) == without_later_changes(old_dictionary)
    # In the format of dictionary 1 (its text escaped for spreadsheets, as every export
    # before version 4) the database gives exactly the file imported.
    assert rows_as_exported_with(empty, old_dictionary_as_read, escape=True) == read(
        old / "redcap_data.csv")
    old_mapping = read(old / "redcap_instrument_event_mapping.csv")
    new_mapping = read(new / "redcap_instrument_event_mapping.csv")
    assert [row for row in new_mapping
            if row[2] not in ("prior_therapy", *forms_of_7)] == old_mapping
    # The events file has REDCap's events shape since (issue 17): the same events.
    old_events = [row[2] for row in read(old / "redcap_events.csv")[1:]]
    assert [unique_event_name(row[0], row[1])
            for row in read(new / "redcap_events.csv")[1:]] == old_events


def test_old_export_finds_patients_with_prior_therapies_already_present(clinic, tmp_path):
    """A version-1 file cannot say anything about prior therapies, so a patient whose
    other data is identical is "already present", not a conflict."""
    summary = import_directory(clinic, V1_EXPORT, user="t")
    assert summary.added == [] and sorted(summary.already_present) == ["JDM-001", "JDM-002"]
    assert len(_stored(clinic)) == 4


def test_mixing_versions_is_rejected(tmp_path, empty):
    """A version-1 data file with a current dictionary (or the reverse) does not match."""
    old = tmp_path / "old"
    shutil.copytree(V1_EXPORT, old)
    clinic_db = open_database(tmp_path / "clinic.sqlite3")
    try:
        fill_clinic(clinic_db)
        with clinic_db.session() as s:
            set_site_code(s, "TEST", user="t")
        export_database(clinic_db, tmp_path / "new", profile="identified", user="t")
    finally:
        clinic_db.dispose()
    shutil.copy(tmp_path / "new" / "redcap_data_dictionary.csv", old)
    reseal(old)
    with pytest.raises(ImportRejected) as caught:
        import_directory(empty, old, user="t")
    assert any(p.file == "redcap_data.csv" and p.row == 1 and "wrong header" in p.reason
               for p in caught.value.problems)


# -------------------------------------------------------------------------- demo


AS_OF = date(2026, 6, 1)


def test_demo_prior_therapies_are_valid_and_agree_with_the_screening(database):
    fill_demo_database(database, patients=200, seed=5, as_of=AS_OF)
    with database.session() as s:
        therapies = s.scalars(select(PriorTherapy).order_by(PriorTherapy.id)).all()
        screening_date = dict(s.execute(select(Screening.patient_id,
                                               Screening.screening_date)).all())
        ivig_yes = set(s.scalars(select(Screening.patient_id).join(ScreeningAnswer).where(
            ScreeningAnswer.criterion_id == "ivig", ScreeningAnswer.answer == "yes")))
        patients = set(s.scalars(select(Patient.id)))
        by_patient: dict[int, list[PriorTherapy]] = {}
        for t in therapies:
            # What the prior-therapy dialog would accept, on the day of the screening.
            validate(PriorTherapyInput(t.drug, t.start_date, t.stop_date, t.reason_stopped,
                                       t.last_dose_date, t.b_cells_detectable,
                                       t.for_skin_disease, t.notes),
                     today=screening_date[t.patient_id])
            by_patient.setdefault(t.patient_id, []).append(t)
    assert set(by_patient) == patients
    for patient_id, rows in by_patient.items():
        drugs = [t.drug for t in rows]
        # "corticosteroids AND methotrexate" is answered yes for every demo child.
        assert drugs[:2] == ["prednisone", "methotrexate"], drugs
        assert ("ivig" in drugs) == (patient_id in ivig_yes)
        assert "hydroxychloroquine" not in drugs  # answered no
        for t in rows:
            assert t.for_skin_disease == (t.drug == "ivig")
            if t.drug == "ivig":  # the screening detail says "previous" IVIG
                assert t.stop_date is not None
    assert 0 < len(ivig_yes) < len(patients)
    assert any(t.drug == "rituximab" for t in therapies)


def test_demo_prior_therapies_are_deterministic(tmp_path):
    def rows(name: str) -> list[tuple]:
        db = open_database(tmp_path / name)
        try:
            fill_demo_database(db, patients=40, seed=9, as_of=AS_OF)
            with db.session() as s:
                return s.execute(select(
                    PriorTherapy.patient_id, PriorTherapy.drug, PriorTherapy.start_date,
                    PriorTherapy.stop_date, PriorTherapy.reason_stopped,
                    PriorTherapy.last_dose_date, PriorTherapy.b_cells_detectable)
                    .order_by(PriorTherapy.id)).all()
        finally:
            db.dispose()

    first = rows("a.sqlite3")
    assert first and first == rows("b.sqlite3")


@pytest.mark.parametrize("fmt", ["redcap", "wide"])
def test_demo_export_with_two_workers_is_byte_identical(database, tmp_path, monkeypatch, fmt):
    """Blocks of 7 patients, so the 2 workers really share the prior therapies."""
    fill_demo_database(database, patients=40, seed=3, as_of=AS_OF)
    monkeypatch.setattr(export_data, "BLOCK", 7)
    moment = datetime(2026, 6, 2, tzinfo=UTC)
    export_database(database, tmp_path / "one", fmt=fmt, user="t", now=moment)
    export_database(database, tmp_path / "two", fmt=fmt, user="t", now=moment, workers=2)
    names = sorted(p.name for p in (tmp_path / "one").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "two").iterdir())
    for name in names:
        if name == "manifest.json":  # each export's own audit entry is its head
            assert without_audit_head(tmp_path / "one" / name) == \
                without_audit_head(tmp_path / "two" / name)
            continue
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()
    header = read(tmp_path / "one" / f"{fmt}_data.csv")[0]
    assert ("prior_drug" if fmt == "redcap" else "prior1_drug") in header
