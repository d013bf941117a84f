"""The study's patient- and enrollment-level records in both export profiles: the
identified export -> import -> the same stored values (and the same file again); the
de-identified export: dates as day offsets, numeric codes, no typed text; the dictionary
entries and the REDCap repeating set-up of the infusion form."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from database_fixtures import make_patient_input
from screening_answers import eligible_answers
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db.enrollments import (
    enrollment_overview,
    finish_enrollment,
    record_infusion,
    stop_treatment,
    switch_arm,
)
from app.db.models import ArmAssignment, Infusion, Patient
from app.db.patients import create_patient
from app.db.screenings import complete_screening
from app.domain.arm_switch import SwitchDraft, finalise_switch
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.screening import ScreeningDraft
from app.domain.treatment_course_record import GivenInfusion
from app.exports.export import export_database
from app.exports.importing import import_directory

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def rows_of(path: Path) -> list[dict[str, str]]:
    rows = read(path)
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


@pytest.fixture
def study(database):
    """JDM-001: onset 2026-05-05, diagnosis 2026-06-20, White / Not Hispanic; enrolled on
    arm A 2026-11-02 (reasons: provider preference + other "lives next door"), two IVIG
    infusions, switched to B on 2026-11-20 for toxicity (reason: IVIG intolerance)...
    then B stopped for family choice on 2026-11-21."""
    protocol = protocol_catalog().protocols["persistent-skin-rash"]
    with database.session() as session:
        patient_id = create_patient(session, make_patient_input(
            onset_date=date(2026, 5, 5), diagnosis_date=date(2026, 6, 20), race="white",
            ethnicity="not_hispanic_latino"), user="nurse")
    draft = ScreeningDraft(patient_id, protocol.id, "2026-11-01", eligible_answers())
    with database.session() as session:
        screening_id, _ = complete_screening(session, protocol, draft, user="nurse")
    plan = EnrollmentFlow(protocol, {"ivig": "no"}, TODAY, date(2026, 11, 1)).finalise(
        EnrollmentDraft(patient_id=patient_id, screening_id=screening_id,
                        protocol_id=protocol.id, enrollment_date="2026-11-02", weight="20",
                        height="115", measured_on="2026-11-02", arm_id="A",
                        corticosteroid_mg_per_day="10", sun_protection_counselled=True,
                        choice_reasons=["provider_preference", "other"],
                        choice_other="lives next door"))
    with database.session() as session:
        enrollment_id = finish_enrollment(session, protocol, screening_id, plan, user="dr")
        for day in (date(2026, 11, 2), date(2026, 11, 17)):
            record_infusion(session, enrollment_id, GivenInfusion(day, "ivig", 40, "g"),
                            user="nurse", today=TODAY)
    switch = finalise_switch(protocol, "A", SwitchDraft(
        to_arm="B", reason="toxicity", switch_date="2026-11-20", weight="22", height="118",
        measured_on="2026-11-20", choice_reasons=["ivig_intolerance"]),
        date(2026, 11, 2), TODAY)
    with database.session() as session:
        version = enrollment_overview(session, enrollment_id).version_id
        switch_arm(session, enrollment_id, switch, user="dr", expected_version=version)
    with database.session() as session:
        version = enrollment_overview(session, enrollment_id).version_id
        stop_treatment(session, enrollment_id, stop_date=date(2026, 11, 21),
                       reason="family_choice", user="dr", expected_version=version,
                       today=TODAY)
    return database


def stored(db) -> tuple:
    with db.session() as s:
        p = s.scalar(select(Patient))
        arms = [(a.arm_id, a.start_date, a.end_date, a.choice_reasons, a.choice_other,
                 a.stop_reason, a.stop_other)
                for a in s.scalars(select(ArmAssignment).order_by(ArmAssignment.start_date))]
        infusions = [(i.drug, i.given_on, i.dose, i.unit, i.entered_by)
                     for i in s.scalars(select(Infusion).order_by(Infusion.given_on))]
        return ((p.onset_date, p.diagnosis_date, p.race, p.ethnicity), arms, infusions)


def test_identified_export_then_import_gives_the_same_values_and_file(study, empty,
                                                                      tmp_path) -> None:
    out = tmp_path / "out"
    export_database(study, out, profile="identified", user="t")
    summary = import_directory(empty, out, user="coordinator")
    assert summary.added == ["JDM-001"]
    assert stored(empty) == stored(study) == (
        (date(2026, 5, 5), date(2026, 6, 20), "white", "not_hispanic_latino"),
        [("A", date(2026, 11, 2), date(2026, 11, 20), ["provider_preference", "other"],
          "lives next door", "toxicity", ""),
         ("B", date(2026, 11, 20), date(2026, 11, 21), ["ivig_intolerance"], "",
          "family_choice", "")],
        [("ivig", date(2026, 11, 2), 40.0, "g", "nurse"),
         ("ivig", date(2026, 11, 17), 40.0, "g", "nurse")])
    again = tmp_path / "again"
    export_database(empty, again, profile="identified", user="t")
    assert (out / "redcap_data.csv").read_bytes() == (again / "redcap_data.csv").read_bytes()


def test_identified_values_codes_and_identifier_flags(study, tmp_path) -> None:
    out = tmp_path / "out"
    export_database(study, out, profile="identified", user="t")
    data = rows_of(out / "redcap_data.csv")
    registration = next(r for r in data if r["redcap_event_name"] == "registration_arm_1"
                        and not r["redcap_repeat_instrument"])
    # 2026-05-05 -> 2026-11-02: 26+30+31+31+30+31+2 = 181 days; 181 / 30.4375 = 5.95 -> 5.9
    # (5.946..., one decimal)
    assert (registration["pt_onset_date"], registration["pt_diagnosis_date"],
            registration["pt_disease_months"]) == ("2026-05-05", "2026-06-20", "5.9")
    # Numeric codes in list order: White is the 5th race, Not Hispanic the 2nd ethnicity.
    assert (registration["pt_race"], registration["pt_ethnicity"]) == ("5", "2")
    arms = [r for r in data if r["redcap_repeat_instrument"] == "arm_history"]
    # provider_preference is the 4th reason, other 99; toxicity is the 2nd stop reason,
    # family_choice the 4th.
    assert [(r["arm_choice___4"], r["arm_choice___99"], r["arm_choice___1"],
             r["arm_choice_other"], r["arm_stop_reason"]) for r in arms] == [
        ("1", "1", "0", "lives next door", "2"), ("0", "0", "1", "", "4")]
    infusions = [r for r in data if r["redcap_repeat_instrument"] == "infusion"]
    assert [(r["redcap_event_name"], r["redcap_repeat_instance"], r["inf_arm_instance"],
             r["inf_given_date"], r["inf_dose"], r["infusion_complete"])
            for r in infusions] == [
        ("enrollment_arm_1", "1", "1", "2026-11-02", "40", "2"),
        ("enrollment_arm_1", "2", "1", "2026-11-17", "40", "2")]
    dictionary = {row[0]: row for row in read(out / "redcap_data_dictionary.csv")[1:]}
    for name in ("pt_onset_date", "pt_diagnosis_date", "inf_given_date", "arm_choice_other",
                 "arm_stop_other", "inf_entered_by"):
        assert dictionary[name][10] == "y", name  # identifiers in the identified profile
    for name in ("pt_race", "pt_ethnicity", "pt_disease_months", "arm_choice",
                 "arm_stop_reason", "inf_dose"):
        assert dictionary[name][10] == "", name
    assert dictionary["pt_race"][5].startswith("1, American Indian or Alaska Native | ")
    assert "99, Other" in dictionary["arm_choice"][5]
    assert dictionary["arm_stop_reason"][5] == ("1, Inadequate response | 2, Toxicity | "
                                                "3, Remission | 4, Family choice | 5, Other")
    repeating = read(out / "redcap_repeating_instruments_events.csv")
    assert ["enrollment_arm_1", "infusion", "[inf_drug] [inf_dose]"] in repeating


def test_deidentified_export_has_day_offsets_codes_and_no_typed_reason(study,
                                                                      tmp_path) -> None:
    out = tmp_path / "out"
    export_database(study, out, profile="deidentified", user="t")
    text = (out / "redcap_data.csv").read_text(encoding="utf-8-sig")
    assert "lives next door" not in text
    assert "2026-" not in text  # no calendar date at all
    data = rows_of(out / "redcap_data.csv")
    registration = next(r for r in data if r["redcap_event_name"] == "registration_arm_1"
                        and not r["redcap_repeat_instrument"])
    # Enrollment 2026-11-02: onset 181 days before, diagnosis 2026-06-20 -> 11-02 is
    # 10+31+31+30+31+2 = 135 days before.
    assert (registration["pt_onset_day"], registration["pt_diagnosis_day"],
            registration["pt_disease_months"]) == ("-181", "-135", "5.9")
    assert "pt_onset_date" not in registration and "arm_choice_other" not in data[0]
    infusions = [r for r in data if r["redcap_repeat_instrument"] == "infusion"]
    assert [(r["inf_given_day"], r["inf_dose"]) for r in infusions] == [("0", "40"),
                                                                       ("15", "40")]
    arms = [r for r in data if r["redcap_repeat_instrument"] == "arm_history"]
    assert [r["arm_choice___99"] for r in arms] == ["1", "0"]  # the tick, not the text


def test_the_wide_format_carries_the_patient_fields_on_every_visit_row(study,
                                                                       tmp_path) -> None:
    out = tmp_path / "out"
    export_database(study, out, profile="deidentified", user="t", fmt="wide")
    rows = rows_of(out / "wide_data.csv")
    assert rows and {(r["pt_onset_day"], r["pt_disease_months"], r["pt_race"])
                     for r in rows} == {("-181", "5.9", "white")}


def test_the_visit_summary_prints_the_enrollment_facts(study, tmp_path) -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))
    from pdf_text import pdf_text

    from app.exports.visit_report_data import gather_visit_report
    from app.reports.visit_summary_pdf import build_visit_summary

    with study.session() as session:
        report = gather_visit_report(session, "JDM-001", "baseline")
    # The baseline is due on the enrollment day 2026-11-02: arm A then, one infusion given.
    assert (report.disease_months, report.infusions_given) == (Decimal("5.9"), 1)
    text = " ".join(pdf_text(build_visit_summary(report, tmp_path / "s.pdf",
                                                 version="9.9")).split())
    for expected in ("Disease onset / diagnosis", "2026-05-05 / 2026-06-20",
                     "Disease duration at enrollment", "5.9 months",
                     "Race, ethnicity (self-reported)", "White, Not Hispanic or Latino",
                     "Why this arm", "Care provider preference; other: lives next door",
                     "Treatment stopped or changed", "arm A on 2026-11-20: Toxicity",
                     "arm B on 2026-11-21: Family choice",
                     "Infusions given to this visit", "1 (last 2026-11-02)"):
        assert expected in text, expected


def test_the_wide_format_carries_the_treatment_course_beside_the_visits(study,
                                                                      tmp_path) -> None:
    """Issue 18: a coordinator comparing arms needs each arm with its dates and coded
    reasons, and the infusions given: ``wide_arms.csv`` and ``wide_infusions.csv``."""
    out = tmp_path / "ident"
    export_database(study, out, profile="identified", user="t", fmt="wide")
    arms = rows_of(out / "wide_arms.csv")
    [study_id] = {r["study_id"] for r in arms}
    assert [(r["enrollment_number"], r["arm_number"], r["arm_id"], r["arm_start_date"],
             r["arm_end_date"], r["arm_reason"], r["arm_stop_reason"]) for r in arms] == [
        ("1", "1", "A", "2026-11-02", "2026-11-20", "initial", "toxicity"),
        ("1", "2", "B", "2026-11-20", "2026-11-21", "toxicity", "family_choice")]
    from app.reports.fields import ARM_CHOICE_CODE

    def ticked(code: str) -> str:
        return f"arm_choice___{ARM_CHOICE_CODE[code]}"

    assert [(r[ticked("provider_preference")], r[ticked("other")],
             r[ticked("ivig_intolerance")], r["arm_choice_other"]) for r in arms] == [
        ("1", "1", "0", "lives next door"), ("0", "0", "1", "")]
    infusions = rows_of(out / "wide_infusions.csv")
    assert [(r["study_id"], r["enrollment_number"], r["infusion_number"],
             r["inf_arm_instance"], r["inf_given_date"], r["inf_drug"], r["inf_dose"],
             r["inf_unit"]) for r in infusions] == [
        (study_id, "1", "1", "1", "2026-11-02", "ivig", "40", "g"),
        (study_id, "1", "2", "1", "2026-11-17", "ivig", "40", "g")]
    # The codebook documents both files' columns; the manifest lists them with checksums.
    codebook = {r["name"]: r for r in rows_of(out / "wide_codebook.csv")}
    assert codebook["arm_number"]["note"].startswith("Column of wide_arms.csv")
    assert codebook["inf_dose"]["note"].startswith("Column of wide_infusions.csv")
    import json
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    listed = {f["name"]: f["rows"] for f in manifest["files"]}
    assert (listed["wide_arms.csv"], listed["wide_infusions.csv"]) == (2, 2)
    assert manifest["formula_escaping"]["wide_infusions.csv"].startswith("apostrophe")
    # De-identified: days since enrollment, the codes, never a typed reason.
    out = tmp_path / "deid"
    export_database(study, out, profile="deidentified", user="t", fmt="wide")
    arms = rows_of(out / "wide_arms.csv")
    assert [(r["arm_start_day"], r["arm_end_day"], r["arm_stop_reason"]) for r in arms] == [
        ("0", "18", "toxicity"), ("18", "19", "family_choice")]
    assert "arm_choice_other" not in arms[0] and "arm_start_date" not in arms[0]
    assert [r["inf_given_day"] for r in rows_of(out / "wide_infusions.csv")] == ["0", "15"]


def test_an_identifier_typed_in_an_other_reason_stays_out_of_the_deidentified_wide_files(
        study, tmp_path) -> None:
    """The attack: the patient's name, MRN and date of birth typed into the "other" reasons
    of the arm history; the identified wide files carry the text (they are meant to), the
    de-identified ones nowhere, in no file of the export."""
    with study.session() as s:
        patient = s.scalar(select(Patient))
        identity = patient.identity
        planted = (f"{identity.given_name} {identity.family_name} MRN {identity.mrn} born "
                   f"{identity.date_of_birth.isoformat()}")
        for arm in s.scalars(select(ArmAssignment)):
            arm.choice_other = planted
            arm.stop_other = planted
            arm.notes = planted
            arm.reason = planted  # a text column the plans' words fill: not theirs
    out = tmp_path / "ident"
    export_database(study, out, profile="identified", user="t", fmt="wide")
    assert planted in (out / "wide_arms.csv").read_text("utf-8")
    out = tmp_path / "deid"
    export_database(study, out, profile="deidentified", user="t", fmt="wide")
    for path in out.iterdir():
        text = path.read_text("utf-8-sig")
        for word in (identity.given_name, identity.family_name, identity.mrn,
                     identity.date_of_birth.isoformat(), "born"):
            assert word not in text, (path.name, "identifier found")


V6_EXPORT = Path(__file__).parent / "export_v6_identified"


def test_an_export_of_dictionary_version_6_still_imports(empty, tmp_path) -> None:
    """``export_v6_identified``: the clinic of clinic_data exported by the application
    before these records existed (dictionary 6). It imports with the new records empty,
    and in the format of dictionary 6 the database gives exactly the file imported."""
    import shutil
    import sys

    sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))
    from clinic_data import rows_as_exported_with

    old = tmp_path / "old"
    shutil.copytree(V6_EXPORT, old)
    assert '"data_dictionary_version": "6"' in (old / "manifest.json").read_text("utf-8")
    summary = import_directory(empty, old, user="coordinator")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    with empty.session() as s:
        assert {(p.onset_date, p.race) for p in s.scalars(select(Patient))} == {(None, "")}
        assert {(a.choice_reasons, a.stop_reason) for a in s.scalars(select(ArmAssignment))} \
            == {(None, None)}
        assert s.scalars(select(Infusion)).all() == []
    assert rows_as_exported_with(empty, read(old / "redcap_data_dictionary.csv")) == read(
        old / "redcap_data.csv")


@pytest.mark.parametrize(("column", "value", "words"), [
    ("inf_arm_instance", "5", "names arm history instance 5; the file has 2"),
    ("inf_dose", "0", "no dose above zero"),
    ("inf_given_date", "", "no date given"),
])
def test_an_edited_infusion_row_is_refused_whole(study, empty, tmp_path, column, value,
                                                 words) -> None:
    import hashlib
    import json

    from app.exports.importing import ImportRejected

    out = tmp_path / "out"
    export_database(study, out, profile="identified", user="t")
    rows = read(out / "redcap_data.csv")
    position = rows[0].index(column)
    target = next(row for row in rows if row[2] == "infusion")
    target[position] = value
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    (out / "redcap_data.csv").write_bytes(buffer.getvalue().encode("utf-8"))
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    for entry in manifest["files"]:
        if entry["name"] == "redcap_data.csv":
            entry["sha256"] = hashlib.sha256((out / "redcap_data.csv").read_bytes()).hexdigest()
    (out / "manifest.json").write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(ImportRejected) as refused:
        import_directory(empty, out, user="coordinator")
    assert words in str(refused.value)
    with empty.session() as s:
        assert s.scalars(select(Patient)).all() == []


V8_EXPORT = Path(__file__).parent / "export_v8_identified"


def test_an_export_of_dictionary_version_8_still_imports(empty, tmp_path) -> None:
    """``export_v8_identified``: the clinic of clinic_data with the steroid and CDASI items
    of issue 18 at its unscheduled visit, exported before the CDASI's Gottron's papules on
    the hands row (dictionary 8, CDASI out of 93). It imports; the visit's CDASI has the
    hands row "not entered", so its activity (out of 100) is blank, never the old 93-point
    sum passed off as it: that sum is exported apart in ``cdasi_activity_93``. In the
    format of dictionary 8 the database gives the file imported, but for that column."""
    import shutil

    from app.db.models import InstrumentValue
    from app.db.snapshot import Snapshot
    from app.exports.importing import _catalogue_from_dictionary
    from app.exports.records import ExtractStats, iter_patient_records
    from app.reports import redcap

    def rows_as_exported_with(database, dictionary):
        # The data rows in the format of ``dictionary``, under the export's site code.
        catalogue = _catalogue_from_dictionary(dictionary, [])
        catalogue.site_code = "TEST"
        layout = redcap.DataLayout(catalogue)
        with Snapshot(database) as connection:
            return [list(layout.header), *(
                row for record in iter_patient_records(connection, catalogue, ExtractStats())
                for row in redcap.record_rows(layout, record))]

    old = tmp_path / "old"
    shutil.copytree(V8_EXPORT, old)
    assert '"data_dictionary_version": "8"' in (old / "manifest.json").read_text("utf-8")
    summary = import_directory(empty, old, user="coordinator")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    with empty.session() as s:
        cdasi = {v.item for v in s.scalars(select(InstrumentValue).where(
            InstrumentValue.instrument == "cdasi"))}
    assert len(cdasi) == 47 and not {"gottron_h_e", "gottron_h_papules", "gottron_h_u"} & cdasi
    file_rows = read(old / "redcap_data.csv")
    again = rows_as_exported_with(empty, read(old / "redcap_data_dictionary.csv"))
    column = file_rows[0].index("cdasi_activity")
    [scored] = [row for row in file_rows[1:] if row[column]]
    assert scored[column] == "6"  # malar 2 + scale 1 + periungual 2 + hair loss 1, of 93

    def without(rows: list[list[str]]) -> list[list[str]]:
        return [row[:column] + row[column + 1:] for row in rows]

    assert without(again) == without(file_rows)
    assert [row[column] for row in again[1:] if row[column]] == []
    out = tmp_path / "new"
    export_database(empty, out, profile="identified", user="t")
    [visit] = [r for r in rows_of(out / "redcap_data.csv") if r["cdasi_activity_93"]]
    assert visit["cdasi_activity_93"] == "6" and visit["cdasi_activity"] == ""
    assert visit["cdasi_gottron_h_e"] == ""
