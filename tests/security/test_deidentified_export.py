"""Issue 15, item 1: the de-identified export carries no typed text and no identifier.

Each leak found by the independent test is reproduced here in both formats (REDCap and
wide): a site typed with an address, a doctor's name and a phone number; a prior-therapy
drug typed with a name and a phone number; an "other" medication whose typed name became
column names (data header, dictionary, codebook) and whose unit and frequency carried a
name, a phone number, a date and an e-mail; a creatinine unit typed as a name; an age of
96 exported as is. Then the last guard (the patient's own identity in any cell stops the
export, naming the column, never the value), and a property test that fills every
free-text field the visit form, the dialogs or the import store with generated
identifiers and finds none of them in either de-identified format.
"""

from __future__ import annotations

import csv
import io
import re
import sys
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from clinic_data import HASH, fill_clinic  # noqa: E402

from app.db.models import (  # noqa: E402
    AdverseEvent,
    ArmAssignment,
    Enrollment,
    Infusion,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    ScreeningAnswer,
    Visit,
)
from app.db.sites import add_site  # noqa: E402
from app.db.snapshot import Snapshot  # noqa: E402
from app.domain.coded_values import drug_code  # noqa: E402
from app.exports import records  # noqa: E402
from app.exports.export import UnexportableValues, export_database  # noqa: E402
from app.exports.importing import _text_coded as stored_codes  # noqa: E402
from app.exports.importing import import_directory  # noqa: E402
from app.exports.records import catalogue_for  # noqa: E402
from app.reports.identity_guard import (  # noqa: E402
    IdentityGuard,
    IdentityInExport,
    date_forms,
)

pytestmark = pytest.mark.usefixtures("system_actor")

FORMATS = ("redcap", "wide", "odm")
PHONE = "555-867-5309"
TYPED_SITE = f"12 Elm Street, Dr Jane Q Public, {PHONE}"
TYPED_PRIOR_DRUG = f"methotrexate per jane q. public {PHONE}"
TYPED_MEDICINE = f"cream from jane q public {PHONE}"
TYPED_UNIT = "per jane@example.org"
TYPED_FREQUENCY = f"call {PHONE} on 2025-03-04"
TYPED_CREATININE_UNIT = "Jane Public"
# What none of the de-identified files may contain (case ignored).
LEAKS = ("jane", "867-5309", "5309", "example.org", "elm street", "2025-03-04", "cream")


def _items(visit: Visit, instrument: str, items: dict) -> None:
    for item, (num, text, unit) in items.items():
        visit.instrument_values.append(InstrumentValue(
            instrument=instrument, item=item, value_num=num, value_text=text, unit=unit,
            updated_by="nurse"))


def add_leaky_patient(database, study_id: str = "JDM-009", *, given: str = "Octavia",
                      family: str = "Quarrington", mrn: str = "MRN-77421",
                      born: date = date(1929, 4, 5)) -> None:
    """A patient of 96 at enrollment whose typed fields hold identifiers, stored as the
    dialogs and the visit form store them."""
    with database.session() as s:
        p = Patient(study_id=study_id, sex="female", site=TYPED_SITE)
        p.identity = PatientIdentity(given_name=given, family_name=family, mrn=mrn,
                                     date_of_birth=born)
        s.add(p)
        s.flush()
        s.add(PriorTherapy(patient_id=p.id, drug=TYPED_PRIOR_DRUG,
                           start_date=date(2024, 1, 2)))
        scr = Screening(patient_id=p.id, protocol_id="persistent-skin-rash",
                        protocol_version="1.0", protocol_hash=HASH, status="complete",
                        verdict="eligible", screened_by="dr.who",
                        screening_date=date(2025, 6, 1))
        s.add(scr)
        s.flush()
        enr = Enrollment(patient_id=p.id, screening_id=scr.id,
                         protocol_id="persistent-skin-rash", protocol_version="1.0",
                         protocol_hash=HASH, enrollment_date=date(2025, 6, 2),
                         enrolled_by="dr.who")
        s.add(enr)
        s.flush()
        s.add(ArmAssignment(enrollment_id=enr.id, arm_id="A", start_date=date(2025, 6, 2),
                            reason="initial", created_by="dr.who"))
        visit = Visit(enrollment_id=enr.id, visit_code="baseline", label="Baseline",
                      target_date=date(2025, 6, 2), visit_date=date(2025, 6, 2),
                      status="complete")
        s.add(visit)
        stem = drug_code(TYPED_MEDICINE)  # as the visit form stores a typed medicine
        _items(visit, "medications", {
            f"{stem}_dose": (1.0, None, TYPED_UNIT),
            f"{stem}_frequency": (None, TYPED_FREQUENCY, None),
            "prednisone_dose": (30.0, None, "mg"),
            "prednisone_frequency": (None, "daily", None),
        })
        _items(visit, "vitals", {"weight_kg": (50.0, None, None),
                                 "creatinine": (41.0, None, TYPED_CREATININE_UNIT)})


@pytest.fixture
def clinic(database):
    fill_clinic(database)
    add_leaky_patient(database)
    return database


def _files(directory: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8-sig") for p in sorted(directory.iterdir())}


# A SHA-256 digest (the manifest's, a plan's hash) is no identifier, but its hex digits can
# spell a short number by chance: "…e2774211eb…" once held the MRN's 77421. Digests are
# blanked before a file is searched for what was typed.
_DIGEST = re.compile(r"\b[0-9a-f]{64}\b")


def _searched(text: str) -> str:
    """``text`` lower-cased, its SHA-256 digests blanked: what a leak is looked for in."""
    return _DIGEST.sub("<sha256>", text.casefold())


def _records(text: str) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


ODM_NS = "{http://www.cdisc.org/ns/odm/v1.3}"


def _odm_table(directory: Path) -> list[list[str]]:
    """The ODM file's items as a table: one row per event (and repeat key), the item OIDs
    (= the REDCap columns) as the header."""
    root = ET.parse(directory / "odm_clinical_data.xml").getroot()
    rows: list[dict[str, str]] = []
    for subject in root.iter(f"{ODM_NS}SubjectData"):
        for event in subject.iter(f"{ODM_NS}StudyEventData"):
            for form in event.iter(f"{ODM_NS}FormData"):
                row = {"record_id": subject.get("SubjectKey", "")}
                row.update((item.get("ItemOID", ""), item.get("Value", ""))
                           for item in form.iter(f"{ODM_NS}ItemData"))
                rows.append(row)
    header = list(dict.fromkeys(k for row in rows for k in row))
    return [header, *([row.get(k, "") for k in header] for row in rows)]


def _described(directory: Path, fmt: str) -> str:
    """What describes the columns: the dictionary, the codebook or the project XML."""
    return _files(directory)[{"redcap": "redcap_data_dictionary.csv",
                              "wide": "wide_codebook.csv", "odm": "redcap_project.xml"}[fmt]]


def _header(directory: Path, fmt: str) -> list[str]:
    if fmt == "odm":
        return _odm_table(directory)[0]
    return next(csv.reader(io.StringIO(_files(directory)[
        "redcap_data.csv" if fmt == "redcap" else "wide_data.csv"])))


def _data(directory: Path, fmt: str, database=None) -> list[dict[str, str]]:
    """The data rows; the wide format's study id column is named like REDCap's here. With
    the ``database`` exported, a REDCap (or ODM) file's numeric choice codes are read back
    as the stored codes (app.reports.fields.numeric_codes)."""
    name = "redcap_data.csv" if fmt == "redcap" else "wide_data.csv"
    if fmt == "odm":
        table = _odm_table(directory)
        if database is not None:
            with Snapshot(database) as connection:
                table = stored_codes(table, catalogue_for(connection, identified=False))
        rows = [dict(zip(table[0], row, strict=True)) for row in table[1:]]
    elif fmt == "redcap" and database is not None:
        table = list(csv.reader(io.StringIO(_files(directory)[name], newline="")))
        with Snapshot(database) as connection:
            table = stored_codes(table, catalogue_for(connection, identified=False))
        rows = [dict(zip(table[0], row, strict=True)) for row in table[1:]]
    else:
        rows = _records(_files(directory)[name])
    for r in rows:
        if "study_id" in r:
            r["record_id"] = r.pop("study_id")
    return rows


@pytest.mark.parametrize("fmt", FORMATS)
def test_typed_text_reaches_no_file_of_the_deidentified_export(clinic, tmp_path, fmt):
    out = tmp_path / "out"
    export_database(clinic, out, fmt=fmt, user="t")
    files = _files(out)
    assert len(files) >= 3  # data, dictionary or codebook, manifest
    for name, text in files.items():
        for leak in LEAKS:
            assert leak not in _searched(text), (name, leak)


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_typed_name_becomes_a_column_name(clinic, tmp_path, fmt):
    """The medications columns are the plans' drugs only: the typed medicine is "other"."""
    for profile in ("deidentified", "identified"):
        out = tmp_path / profile
        export_database(clinic, out, fmt=fmt, profile=profile, user="t")
        header = _header(out, fmt)
        described = _described(out, fmt)
        for text in (",".join(header), described.split("\n", 1)[1]):
            assert "cream" not in text.casefold() and "5309" not in text
        assert not any(c.startswith("med_cream") for c in header)


@pytest.mark.parametrize("fmt", FORMATS)
def test_typed_values_are_exported_as_other_and_listed_values_as_codes(clinic, tmp_path, fmt):
    out = tmp_path / "out"
    export_database(clinic, out, fmt=fmt, user="t")
    rows = [r for r in _data(out, fmt, clinic) if r["record_id"] == "TEST-JDM-009"]
    merged: dict[str, str] = {}
    for r in rows:
        merged.update({k: v for k, v in r.items() if v})
    prior = next(k for k in merged if k.startswith("prior") and k.endswith("_drug"))
    # The site field holds the installation's site code, never the typed site.
    assert merged.get("pt_site", "") == _site_code(clinic)
    assert merged[prior] == "other"
    # REDCap: the visit's columns; wide: the same with the visit's prefix (baseline).
    def column(name: str) -> str:
        return next(v for k, v in merged.items() if k == name or k.endswith("_" + name)
                    or k.endswith("__" + name))

    assert column("med_other_recorded") == "1"
    assert column("vit_creatinine_unit") == "other"
    # Prednisone 30 mg daily: a plan drug, a listed unit and a usual word for once daily.
    assert column("med_prednisone_dose") == "30"
    assert column("med_prednisone_unit") == "mg"
    assert column("med_prednisone_frequency") == "once_daily"


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_age_of_96_is_exported_as_90_plus(clinic, tmp_path, fmt):
    """Born 1929-04-05, enrolled 2025-06-02: 2025 - 1929 = 96 (birthday passed). HIPAA
    Safe Harbor: every age over 89 is one group, "90+"."""
    out = tmp_path / "out"
    export_database(clinic, out, fmt=fmt, user="t")
    ages = {r["record_id"]: r["pt_age_at_enrollment"] for r in _data(out, fmt)
            if r.get("pt_age_at_enrollment")}
    assert ages["TEST-JDM-009"] == "90+"
    # JDM-001: born 2014-03-09, enrolled 2025-01-10: 10 (birthday not yet passed).
    assert ages["TEST-JDM-001"] == "10"
    assert "90+ for 90 and over (HIPAA Safe Harbor)" in _described(out, fmt)


def test_the_age_stays_exact_in_the_identified_export(clinic, tmp_path):
    export_database(clinic, tmp_path / "i", profile="identified", user="t")
    ages = {r["record_id"]: r["pt_age_at_enrollment"] for r in _data(tmp_path / "i", "redcap")
            if r.get("pt_age_at_enrollment")}
    assert ages["TEST-JDM-009"] == "96"


def test_the_identified_export_keeps_the_typed_text_and_imports_it_back(clinic, empty,
                                                                        tmp_path):
    """Nothing is lost: the typed text goes to the identified export ("other" + text) and
    an import of it stores what was typed (the creatinine unit, outside its two-item list,
    comes back as "other": the visit form offers only the two units)."""
    export_database(clinic, tmp_path / "i", profile="identified", user="t")
    rows = [r for r in _data(tmp_path / "i", "redcap") if r["record_id"] == "TEST-JDM-009"]
    text = "\n".join(v for r in rows for v in r.values())
    assert TYPED_SITE in text and TYPED_PRIOR_DRUG in text and TYPED_FREQUENCY in text
    import_directory(empty, tmp_path / "i", user="t")
    from sqlalchemy import select
    with empty.reading() as s:
        patient = s.scalar(select(Patient).where(Patient.study_id == "JDM-009"))
        assert patient.site == TYPED_SITE
        assert [p.drug for p in patient.prior_therapies] == [TYPED_PRIOR_DRUG]
        stored = {(v.instrument, v.item): (v.value_num, v.value_text, v.unit)
                  for v in s.scalars(select(InstrumentValue).join(Visit).join(Enrollment)
                                     .where(Enrollment.patient_id == patient.id))}
    stem = drug_code(TYPED_MEDICINE)
    assert stored[("medications", f"{stem}_dose")] == (1.0, None, TYPED_UNIT)
    assert stored[("medications", f"{stem}_frequency")] == (None, TYPED_FREQUENCY, None)
    assert stored[("medications", "prednisone_dose")] == (30.0, None, "mg")
    assert stored[("medications", "prednisone_frequency")] == (None, "once daily", None)
    assert stored[("vitals", "creatinine")] == (41.0, None, "other")


def _site_code(db) -> str:
    from app.db.site_code import site_code

    with db.reading() as s:
        return site_code(s) or ""


def test_the_site_field_is_the_installations_code_whatever_the_site_list(clinic, tmp_path):
    """Dictionary 7: no site list in the dictionary (it made the dictionary depend on the
    data); every record carries the installation's site code."""
    with clinic.session() as s:
        add_site(s, "Toronto", user="admin")
    export_database(clinic, tmp_path / "d", user="t")
    sites = {r["pt_site"] for r in _data(tmp_path / "d", "redcap", clinic)
             if r["redcap_event_name"] == "registration_arm_1"
             and not r["redcap_repeat_instrument"]}
    assert sites == {_site_code(clinic)}
    assert "Toronto" not in _files(tmp_path / "d")["redcap_data_dictionary.csv"]


# ------------------------------------------------------------------ the last guard

@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("column", "value"), [
    ("vis_label", "Baseline with Octavia"), ("arm_id", "QUARRINGTON"),
    ("arm_reason", f"asked by Jane {PHONE}"), ("rx_route", "oral (MRN-77421)"),
    ("rx_source", "jane@example.org"), ("rx_frequency", "2025-03-04 then monthly"),
    ("scr_protocol_version", "Jane Q Public"), ("vis_signature_meaning", PHONE),
])
def test_text_an_import_stores_as_given_leaves_only_as_plan_words_or_other(
        clinic, tmp_path, fmt, column, value):
    """The visit label, arm, prescription and protocol text are the plans' words when the
    application writes them, but an import stores whatever its file holds: de-identified,
    anything that is not a word of the installed plans (or the application's) is
    "other"."""
    _store(clinic, column, value)
    out = tmp_path / "out"
    export_database(clinic, out, fmt=fmt, user="t")
    everything = _searched("\n".join(_files(out).values()))
    for part in ("octavia", "quarrington", "jane", "5309", "77421", "2025-03-04"):
        assert part not in everything, part


def _store(database, column: str, value: str) -> None:
    """``value`` in ``column``'s stored field of JDM-009 (a prescription is added)."""
    from sqlalchemy import select
    with database.session() as s:
        enr = s.scalar(select(Enrollment).join(Patient).where(Patient.study_id == "JDM-009"))
        scr = s.get(Screening, enr.screening_id)
        arm = s.scalar(select(ArmAssignment).where(ArmAssignment.enrollment_id == enr.id))
        rx = Prescription(enrollment_id=enr.id, arm_assignment_id=arm.id, drug="ivig",
                          role="arm", amount=1.0, unit="g", per="dose", frequency="monthly",
                          route="iv", source="seed 000", final_amount=1.0,
                          start_date=date(2025, 6, 2), prescribed_by="dr.who")
        s.add(rx)
        visit = s.scalar(select(Visit).where(Visit.enrollment_id == enr.id))
        target = {"vis_label": (visit, "label"), "arm_reason": (arm, "reason"),
                  "arm_id": (arm, "arm_id"), "rx_route": (rx, "route"),
                  "rx_source": (rx, "source"), "rx_frequency": (rx, "frequency"),
                  "scr_protocol_version": (scr, "protocol_version"),
                  "vis_signature_meaning": (visit, "signature_meaning"),
                  "visit_code": (visit, "visit_code")}[column]
        setattr(*target, value)


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_visit_code_found_only_in_the_data_is_never_written(clinic, tmp_path, fmt):
    """The visit events are the plans' alone (dictionary version 4 on): a visit code an
    import stored as given ("quarrington", the patient's own name) has no event, so it is
    never written: its values are counted as unmapped and the export is refused, the
    refusal naming the study id and "visit of no installed plan", never the code."""
    _store(clinic, "visit_code", "quarrington")
    out = tmp_path / "out"
    with pytest.raises(UnexportableValues) as refused:
        export_database(clinic, out, fmt=fmt, user="t")
    assert refused.value.count >= 1
    assert "visit of no installed plan" in str(refused.value)
    assert "quarrington" not in str(refused.value).casefold()
    assert not out.exists()


def _a_plan_word(monkeypatch, word: str) -> None:
    """``word`` one of the application's own words: a plan text column keeps it."""
    monkeypatch.setattr(records, "APPLICATION_WORDS", records.APPLICATION_WORDS | {word})


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("word", "kind"), [("quarrington", "name"),
                                             ("octavia", "name"),
                                             ("mrn-77421", "medical record number")])
def test_own_identity_in_any_cell_stops_the_export_naming_the_field(clinic, tmp_path, fmt,
                                                                    word, kind, monkeypatch):
    """A plan word that is also the patient's own name or MRN (the plan text columns keep
    the plans' words) reaches a cell: the guard finds it there, stops the export and names
    the column, never the value."""
    _a_plan_word(monkeypatch, word)
    _store(clinic, "vis_label", word)
    out = tmp_path / "out"
    with pytest.raises(IdentityInExport) as refused:
        export_database(clinic, out, fmt=fmt, user="t")
    message = str(refused.value)
    assert "vis_label" in refused.value.column and refused.value.column in message
    assert kind in message and "JDM-009" in message
    assert word not in message.casefold()


@pytest.mark.parametrize(("cell", "kind"), [
    ("Baseline with Octavia", "name"), ("QUARRINGTON asked", "name"),
    ("oral (mrn-77421)", "medical record number"), ("MRN-77421", "medical record number"),
    ("seen 1929-04-05", "date of birth"), ("born 04/05/1929", "date of birth"),
    ("born 5.4.1929", "date of birth"), ("born April 5, 1929", "date of birth"),
    ("19290405", "date of birth"), ("5 Apr 1929", "date of birth"),
    ("05-04-29", "date of birth"),
])
def test_the_guard_names_the_column_and_the_kind_never_the_value(cell, kind):
    guard = IdentityGuard("Octavia", "Quarrington", "MRN-77421", date(1929, 4, 5))
    header = ("record_id", "a", "b")
    with pytest.raises(IdentityInExport) as refused:
        guard.check("JDM-009", header, [("JDM-009", "", ""), ("JDM-009", "x", cell)])
    assert (refused.value.column, refused.value.kind) == ("b", kind)
    assert cell not in str(refused.value) and "1929" not in str(refused.value)


@pytest.mark.parametrize("cell", ["Octavian", "first_day", "quarringtons", "MRN-774210",
                                  "1929", "04/05", "other", "19290406", "-29"])
def test_the_guard_lets_near_misses_pass(cell):
    IdentityGuard("Octavia", "Quarrington", "MRN-77421", date(1929, 4, 5)).check(
        "JDM-009", ("a",), [(cell,)])


def test_the_guard_finds_the_date_of_birth_in_its_common_forms():
    forms = date_forms(date(1929, 4, 5))
    for written in ("1929-04-05", "19290405", "05/04/1929", "04/05/1929", "5/4/1929",
                    "4/5/1929", "05.04.1929", "05-04-1929", "05/04/29", "5 April 1929",
                    "April 5, 1929", "5 Apr 1929", "Apr 5, 1929"):
        assert written in forms, written


def test_a_name_inside_a_longer_word_does_not_stop_the_export(database, tmp_path):
    """Family name "Base": the visit label "Baseline" is not the name (whole words only)."""
    add_leaky_patient(database, family="Base", given="Li")
    with database.session() as s:
        from sqlalchemy import select
        s.scalar(select(Patient).where(Patient.study_id == "JDM-009")).site = "Lisbon"
    export_database(database, tmp_path / "d", user="t")


# ---------------------------------------------------------------- property test

_word = st.from_regex(r"Zq[a-z]{3,8}", fullmatch=True)
_identifiers = st.lists(st.one_of(
    st.builds(lambda a, b: f"{a} {b}", _word, _word),                          # a name
    st.from_regex(r"5[0-9]{2}-[0-9]{3}-[0-9]{4}", fullmatch=True),             # a phone
    st.builds(lambda a, b: f"{a}@{b}.org", _word, _word),                      # an e-mail
    st.from_regex(r"MRN[0-9]{6}", fullmatch=True),                             # an MRN
    st.dates(date(1930, 1, 1), date(2020, 12, 31)).map(date.isoformat),        # a date
    st.builds(lambda n, a: f"{n} {a} Street", st.integers(10, 9999), _word),   # an address
), min_size=1, max_size=2).map(" ".join)  # at most 64 characters (the narrowest column)

# For the narrow columns (units, prescription per, route and status: 16 characters;
# protocol version: 32): one identifier.
_short = st.one_of(
    st.from_regex(r"Zq[a-z]{3,8}", fullmatch=True),
    st.from_regex(r"5[0-9]{2}-[0-9]{3}-[0-9]{4}", fullmatch=True),
    st.from_regex(r"MRN[0-9]{6}", fullmatch=True),
    st.dates(date(1930, 1, 1), date(2020, 12, 31)).map(date.isoformat),
)

_counter = iter(range(10_000))


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(texts=st.lists(_identifiers, min_size=25, max_size=25),
       short=st.lists(_short, min_size=10, max_size=10))
def test_generated_identifiers_in_every_free_text_field_never_reach_the_export(
        database, tmp_path_factory, texts, short):
    """Every free-text field a person can fill (patient dialog: site; prior therapy: drug
    and notes; screening details; arm-switch notes; enrollment end reason; dose override
    reason; why an arm was chosen or stopped ("other"); an infusion's drug and unit; visit
    form: medicine names, doses' units, frequencies, other medications,
    creatinine unit; adverse event description and action), and every text field an
    import stores as given (site, prior drug, protocol id and version, arm id and reason,
    the prescription's drug, unit, per, frequency, route, status and source, the visit's
    label and signature meaning), holds generated identifiers; neither de-identified
    format contains any of them."""
    n = next(_counter)
    t = iter(texts)
    u = iter(short)
    with database.session() as s:
        p = Patient(study_id=f"JDM-P{n:04d}", sex="male", site=next(t))
        p.identity = PatientIdentity(given_name="Zzgiven", family_name="Zzfamily",
                                     mrn=f"MRN-P{n:06d}", date_of_birth=date(2012, 1, 2))
        s.add(p)
        s.flush()
        s.add(PriorTherapy(patient_id=p.id, drug=next(t), notes=next(t),
                           start_date=date(2024, 1, 2)))
        scr = Screening(patient_id=p.id, protocol_id=next(t),
                        protocol_version=next(u), protocol_hash=HASH, status="complete",
                        verdict="eligible", screened_by="dr.who",
                        screening_date=date(2025, 1, 6))
        scr.answers = [ScreeningAnswer(criterion_id="skin_not_improving", answer="yes",
                                       details={"note": next(t)})]
        s.add(scr)
        s.flush()
        enr = Enrollment(patient_id=p.id, screening_id=scr.id,
                         protocol_id=next(t), protocol_version=next(u),
                         protocol_hash=HASH, enrollment_date=date(2025, 1, 10),
                         enrolled_by="dr.who", status="withdrawn", end_reason=next(t),
                         ended_on=date(2025, 8, 1))
        s.add(enr)
        s.flush()
        arm = ArmAssignment(enrollment_id=enr.id, arm_id=next(t),
                            start_date=date(2025, 1, 10), reason=next(t), notes=next(t),
                            created_by="dr.who", choice_reasons=["other"],
                            choice_other=next(t), stop_reason="other", stop_other=next(t))
        s.add(arm)
        s.flush()
        # An infusion's drug and unit typed outside the lists (an import stores them).
        s.add(Infusion(arm_assignment_id=arm.id, drug=next(t), given_on=date(2025, 1, 10),
                       dose=2.0, unit=next(u), entered_by="nurse"))
        s.add(Prescription(enrollment_id=enr.id, arm_assignment_id=arm.id, drug=next(t),
                           role="arm", amount=40.0, unit=next(u), per=next(u),
                           frequency=next(t), route=next(u), source=next(t),
                           status=next(u), final_amount=35.0,
                           override_reason=next(t), start_date=date(2025, 1, 10),
                           prescribed_by="dr.who"))
        visit = Visit(enrollment_id=enr.id, visit_code="baseline", label=next(t),
                      target_date=date(2025, 1, 10), visit_date=date(2025, 1, 10),
                      status="complete", signature_meaning=next(t))
        s.add(visit)
        medicine = next(t)
        stem = drug_code(medicine)
        _items(visit, "medications", {
            f"{stem}_dose": (2.0, None, next(u)),
            f"{stem}_frequency": (None, next(t), None),
            "prednisone_dose": (10.0, None, next(u)),
            "prednisone_frequency": (None, next(t), None),
            "other": (None, next(t), None),
        })
        _items(visit, "vitals", {"creatinine": (40.0, None, next(u))})
        visit.adverse_events.append(AdverseEvent(description=next(t), action_taken=next(t),
                                                 onset_date=date(2025, 1, 12),
                                                 relation="possible", reported_by="nurse"))
    typed = [*texts, *short, medicine]
    for fmt in FORMATS:
        out = tmp_path_factory.mktemp("deid")
        export_database(database, out / "x", fmt=fmt, user="t")
        everything = "\n".join(_files(out / "x").values()).casefold()
        for text in typed:
            for part in text.split(" "):
                if part.startswith(("zq", "mrn")) or "@" in part or part.count("-") >= 2:
                    assert part.casefold() not in everything, (fmt, part)


def test_the_command_line_refuses_in_one_line_with_exit_1(clinic, tmp_path, capsys,
                                                         monkeypatch):
    """``jdm-ctp export`` (de-identified): one plain line naming the column, exit 1, no
    file left and no identity value on the terminal."""
    from argparse import Namespace

    from database_fixtures import add_people, password_file

    from app.cli.export import run as run_export

    _a_plan_word(monkeypatch, "quarrington")
    _store(clinic, "arm_reason", "quarrington")
    add_people(clinic)
    args = Namespace(db=clinic.url.replace("sqlite:///", ""), out=str(tmp_path / "x"),
                     profile="deidentified", format="redcap", bom=False,
                     confirm_identified=False, user="coord",
                     password_file=str(password_file(tmp_path)))
    assert run_export(args) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "arm_reason" in err and "JDM-009" in err
    assert "quarrington" not in err.casefold() and "octavia" not in err.casefold()
    assert not (tmp_path / "x").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_a_study_id_made_of_the_patients_identity_is_refused(database, tmp_path, fmt):
    """The record id is the study id: one derived from the patient's MRN is refused."""
    add_leaky_patient(database, study_id="MRN77421")
    with pytest.raises(IdentityInExport) as refused:
        export_database(database, tmp_path / "out", fmt=fmt, user="t")
    assert refused.value.column == ("study_id" if fmt == "wide" else "record_id")
    assert refused.value.kind == "medical record number"
    assert "77421" not in str(refused.value)  # the study id is not repeated either
