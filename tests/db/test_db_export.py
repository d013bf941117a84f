"""Coordinator exports (issue 5): REDCap and wide formats, de-identification, manifest,
formula escaping, BOM, read-only snapshot, audit, cancel."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from argparse import Namespace
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from clinic_data import PHI, fill_clinic  # noqa: E402
from database_fixtures import add_people, password_file, without_audit_head  # noqa: E402

from app.cli.export import run as run_export  # noqa: E402
from app.db.models import AuditEntry, Patient  # noqa: E402
from app.exports.export import ExportCancelled, export_database  # noqa: E402
from app.exports.importing import _text_coded as stored_codes  # noqa: E402
from app.exports.records import catalogue_for  # noqa: E402
from app.reports.redcap import DICTIONARY_HEADER  # noqa: E402

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"), newline="")))


@pytest.fixture
def clinic(database):
    fill_clinic(database)
    return database


def test_redcap_dictionary_has_18_columns_and_documents_every_data_column(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, profile="deidentified", fmt="redcap", user="t")
    dictionary = read(out / "redcap_data_dictionary.csv")
    assert tuple(dictionary[0]) == DICTIONARY_HEADER and len(DICTIONARY_HEADER) == 18
    assert all(len(row) == 18 for row in dictionary)
    assert dictionary[1][0] == "record_id"
    fields = {row[0]: row for row in dictionary[1:]}
    forms = {row[1] for row in dictionary[1:]}
    data = read(out / "redcap_data.csv")
    header = data[0]
    assert header[:5] == ["record_id", "redcap_event_name", "redcap_repeat_instrument",
                          "redcap_repeat_instance", "redcap_data_access_group"]
    for column in header[5:]:
        if column.endswith("_complete") and column[: -len("_complete")] in forms:
            continue
        if "___" in column:
            name, code = column.split("___")
            assert fields[name][3] == "checkbox", column
            assert code in [c.split(",")[0].strip() for c in fields[name][5].split("|")]
            continue
        assert column in fields, column
    for name in fields:  # REDCap naming rules
        assert name[0].isalpha() and name == name.lower() and name.replace("_", "").isalnum()
    assert all(len(row) == len(header) for row in data)
    mapping = read(out / "redcap_instrument_event_mapping.csv")
    assert mapping[0] == ["arm_num", "unique_event_name", "form"]
    events = {row[1] for row in mapping[1:]}
    assert {row[1] for row in data[1:]} <= events
    assert {row[2] for row in mapping[1:]} == forms


def test_redcap_rows_cover_screen_failures_arms_prescriptions_and_scores(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, fmt="redcap", user="t")
    raw = read(out / "redcap_data.csv")
    # The file writes numeric choice codes (not_eligible is the verdicts' 2nd choice); read
    # back as the stored codes, as the import reads them.
    assert any(row[raw[0].index("scr_verdict")] == "2" for row in raw[1:]
               if row[0] == "TEST-JDM-002")
    rows = stored_codes(raw, catalogue_for(None, identified=False))
    header = rows[0]
    records = [dict(zip(header, row, strict=True)) for row in rows[1:]]
    failure = [r for r in records if r["record_id"] == "TEST-JDM-002"]
    assert any(r["scr_verdict"] == "not_eligible" for r in failure)
    arms = [r["arm_id"] for r in records if r["redcap_repeat_instrument"] == "arm_history"]
    assert arms == ["A", "B"]
    month6 = next(r for r in records if r["redcap_event_name"] == "month_6_arm_1")
    baseline = next(r for r in records if r["redcap_event_name"] == "baseline_arm_1")
    # CMAS baseline: 52 - 3 - 3 - 3 - 2 = 41 (items 1, 3, 11, 12 lowered); month 6 all max.
    assert baseline["cmas_total"] == "41" and month6["cmas_total"] == "52"
    # MMT8 8 × 7 = 56 -> 8 × 10 = 80; CK 900/200 = 4.5 × ULN -> 120/200 = 0.6.
    assert baseline["mmt8_total"] == "56" and month6["mmt8_total"] == "80"
    assert baseline["enz_ck_xuln"] == "4.5" and month6["enz_followed_xuln"] == "0.6"
    assert baseline["chaq_di"] == "2" and month6["chaq_di"] == "0"
    assert baseline["chaq_aids___4"] == "1" and month6["chaq_aids___4"] == "0"  # cane
    assert month6["resp_printo_status"] == "inactive"
    assert month6["resp_tis_category"] in ("minimal", "moderate", "major")
    assert month6["resp_tis"] and month6["resp_tis_provisional"] == "1"
    assert month6["resp_imacs_status"] == "improved"
    assert baseline["resp_tis"] == ""  # no TIS at baseline
    assert month6["enz_aldolase_mr"] == "not_done"
    assert baseline["enz_aldolase_unit"] == "ukat_l"
    unscheduled = next(r for r in records if r["redcap_event_name"] == "unscheduled_arm_1")
    assert unscheduled["redcap_repeat_instance"] == "1"
    ae = next(r for r in records if r["redcap_repeat_instrument"] == "adverse_event")
    assert ae["redcap_event_name"] == "enrollment_arm_1" and ae["ae_visit"] == "unscheduled"


def _all_text(directory: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8-sig") for p in sorted(directory.iterdir()))


@pytest.mark.parametrize("fmt", ["redcap", "wide"])
def test_deidentified_export_holds_no_name_mrn_dob_or_free_text(clinic, tmp_path, fmt):
    out = tmp_path / "out"
    export_database(clinic, out, fmt=fmt, user="t")
    text = _all_text(out)
    for name in PHI["names"]:
        assert name not in text
    for mrn in PHI["mrns"]:
        assert mrn not in text
    for born in PHI["dobs"]:
        for shown in (born.isoformat(), born.strftime("%d/%m/%Y"), born.strftime("%m/%d/%Y")):
            assert shown not in text
    # No calendar date at all: every date is a day offset.
    import re

    assert not re.search(r"\b20\d\d-\d\d-\d\d\b", text)
    for free_text in ("Headache", "Vitamin D", "switched after", "tablet size", "dr.who"):
        assert free_text not in text
    assert ",10," in text or ",10\r" in text  # age at enrollment in whole years


def test_identified_export_carries_identity_and_flags_identifiers(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, profile="identified", user="t")
    text = _all_text(out)
    assert "Lovelace" in text and "MRN-12345" in text and "2014-03-09" in text
    dictionary = {row[0]: row for row in read(out / "redcap_data_dictionary.csv")[1:]}
    assert dictionary["pt_mrn"][10] == "y" and dictionary["pt_date_of_birth"][10] == "y"
    assert dictionary["pt_date_of_birth"][7] == "date_ymd"


def test_manifest_checksums_and_row_counts_match(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, user="t")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["profile"] == "deidentified" and manifest["format"] == "redcap"
    assert manifest["protocol_versions"][0]["id"] == "persistent-skin-rash"
    assert manifest["data_dictionary_version"] and manifest["exported_at"]
    names = {entry["name"] for entry in manifest["files"]}
    assert names == {p.name for p in out.iterdir()} - {"manifest.json"}
    for entry in manifest["files"]:
        path = out / entry["name"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == entry["sha256"]
        assert entry["bytes"] == path.stat().st_size
        if path.suffix == ".csv":  # the project XML has no rows
            assert len(read(path)) - 1 == entry["rows"]


def test_redcap_import_file_holds_text_as_entered_the_wide_file_escapes_it(clinic, tmp_path):
    """REDCap is not a spreadsheet: an apostrophe in its import file would be stored as
    data (issue 17). The wide file, for spreadsheets, keeps the formula escaping; the
    manifests say which is which. The clinic as recorded is in ``pt_clinic`` (identified
    only)."""
    with clinic.session() as session:  # every patient, so that the wide rows show it too
        for patient in session.scalars(select(Patient)):
            patient.site = "=Hamilton"
    export_database(clinic, tmp_path / "r", profile="identified", user="t")
    export_database(clinic, tmp_path / "w", profile="identified", fmt="wide", user="t")
    rows = read(tmp_path / "r" / "redcap_data.csv")
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert any(r["pt_clinic"] == "=Hamilton" for r in records)
    assert any(r["arm_notes"] == "=switched after rash flare" for r in records)
    assert not any(value.startswith("'") for r in records for value in r.values())
    wide_rows = read(tmp_path / "w" / "wide_data.csv")
    wide = [dict(zip(wide_rows[0], row, strict=True)) for row in wide_rows[1:]]
    assert any(r["pt_clinic"] == "'=Hamilton" for r in wide)
    for r in wide:  # numbers are never escaped, text always is
        for column, value in r.items():
            assert not value.startswith(("=", "+", "@")), (column, value)
    redcap_manifest = json.loads((tmp_path / "r" / "manifest.json").read_text("utf-8"))
    wide_manifest = json.loads((tmp_path / "w" / "manifest.json").read_text("utf-8"))
    assert redcap_manifest["formula_escaping"] == {
        "redcap_data.csv": "none: text exactly as entered (a REDCap import file)"}
    assert wide_manifest["formula_escaping"]["wide_data.csv"].startswith("apostrophe")


def test_bom_option_and_plain_utf8(clinic, tmp_path):
    export_database(clinic, tmp_path / "bom", fmt="wide", bom=True, user="t")
    export_database(clinic, tmp_path / "plain", fmt="wide", user="t")
    assert (tmp_path / "bom" / "wide_data.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert not (tmp_path / "plain" / "wide_data.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_wide_has_one_row_per_visit_and_a_codebook_for_every_column(clinic, tmp_path):
    out = tmp_path / "out"
    export_database(clinic, out, fmt="wide", user="t")
    data = read(out / "wide_data.csv")
    codebook = read(out / "wide_codebook.csv")
    assert codebook[0] == ["name", "label", "type", "units", "allowed values",
                           "source instrument", "note"]
    # Every column of the visit table in order, then those of the treatment-course files
    # (wide_arms.csv, wide_infusions.csv), each documented as such.
    assert [row[0] for row in codebook[1:len(data[0]) + 1]] == data[0]
    course = codebook[len(data[0]) + 1:]
    for name in ("wide_arms.csv", "wide_infusions.csv"):
        header = read(out / name)[0]
        assert [row[0] for row in course if row[6].startswith(f"Column of {name}")] == \
            header[2:]  # after study_id and enrollment_number, the visit table's keys
    assert len(data) - 1 == 4  # baseline, month 1, month 6, unscheduled
    rows = [dict(zip(data[0], row, strict=True)) for row in data[1:]]
    month6 = next(r for r in rows if r["visit_code"] == "month_6")
    assert month6["arm_at_visit"] == "B" and month6["resp_printo_status"] == "inactive"
    assert month6["resp_tis_category"] and month6["cmas_total"] == "52"
    documented = {row[0] for row in codebook[1:]}
    computed = {"resp_tis", "resp_tis_category", "resp_printo_status", "resp_imacs_status"}
    assert computed <= documented


def test_export_audited_and_database_unchanged_otherwise(clinic, tmp_path):
    def counts():
        with clinic.session() as s:
            return s.scalar(select(func.count()).select_from(AuditEntry))

    before = counts()
    export_database(clinic, tmp_path / "o", profile="identified", user="coordinator")
    with clinic.session() as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
    assert len(entries) == before + 1
    assert entries[-1].action == "export" and entries[-1].user_name == "coordinator"
    assert entries[-1].entity_id == "identified"


def test_cancel_removes_partial_files(clinic, tmp_path):
    out = tmp_path / "o"
    with pytest.raises(ExportCancelled):
        export_database(clinic, out, user="t", cancelled=lambda: True)
    # Not even the folder: it was never there, and no hidden staging folder is left.
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".o.")] == []


def test_snapshot_is_read_only(clinic):
    from app.db.snapshot import Snapshot

    with Snapshot(clinic) as connection, pytest.raises(Exception, match="readonly|read-only"):
        connection.exec_driver_sql("DELETE FROM patient")
    with clinic.session() as s:  # the connection is usable for writing again afterwards
        s.execute(select(1))


def test_run_export_cli_function(clinic, tmp_path, capsys):
    url = clinic.url.replace("sqlite:///", "")
    add_people(clinic)
    args = Namespace(db=url, out=str(tmp_path / "x"), profile="identified", format="wide",
                     bom=False, confirm_identified=False, user="coord",
                     password_file=str(password_file(tmp_path)))
    assert run_export(args) == 2
    args.confirm_identified = True
    assert run_export(args) == 0
    assert "Exported 2 patients" in capsys.readouterr().out
    assert (tmp_path / "x" / "manifest.json").exists()


def test_worker_processes_give_the_same_files(clinic, tmp_path):
    from datetime import UTC, datetime

    moment = datetime(2025, 8, 1, tzinfo=UTC)
    export_database(clinic, tmp_path / "one", user="t", now=moment)
    export_database(clinic, tmp_path / "two", user="t", now=moment, workers=2)
    for path in (tmp_path / "one").iterdir():
        if path.name == "manifest.json":  # each export's own audit entry is its head
            assert without_audit_head(path) == without_audit_head(tmp_path / "two" / path.name)
            continue
        assert path.read_bytes() == (tmp_path / "two" / path.name).read_bytes(), path.name


def test_export_uses_one_process_unless_workers_are_asked_for(monkeypatch):
    """Chosen by measurement on 2 cores (issue 22): workers did not make it faster."""
    from app.exports.export import choose_workers

    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert choose_workers(None, 50_000) == 1
    assert choose_workers(None, 10) == 1
    assert choose_workers(3, 10) == 3  # an explicit request wins
    assert choose_workers(2, 10_000) == 2
    assert choose_workers(0, 10_000) == 1


def test_a_chaq_other_aid_is_exported_and_scored_as_the_visit_form_scores_it(clinic, empty,
                                                                            tmp_path):
    from app.db.models import InstrumentValue, Visit
    from app.domain.visit_scores import score_visit
    from app.exports.importing import import_directory

    # Month 6 of JDM-001: every CHAQ item answered 0. An "other" aid named for the reach
    # domain raises reach to 2 (clinical-rules §2.2): DI = (0×7 + 2) / 8 domains = 0.25.
    with clinic.session() as session:
        visit = session.scalars(select(Visit).where(Visit.visit_code == "month_6")).one()
        session.add_all([InstrumentValue(visit_id=visit.id, instrument="chaq", item=item,
                                         value_num=1.0)
                         for item in ("aid_other", "aid_other_reach")])
        values = {}
        for row in session.scalars(select(InstrumentValue).where(
                InstrumentValue.visit_id == visit.id)):
            from app.domain.visit_values import ItemEntry
            values.setdefault(row.instrument, {})[row.item] = ItemEntry(
                row.value_num, row.value_text, row.unit, row.missing_reason)
    assert score_visit(values).chaq.disability_index == 0.25  # what the visit form shows
    out = tmp_path / "out"
    result = export_database(clinic, out, profile="identified", user="t")
    assert result.manifest["unmapped_values"] == 0  # the other aid's domain is exported
    data = read(out / "redcap_data.csv")
    month6 = next(dict(zip(data[0], row, strict=True)) for row in data[1:]
                  if row[1] == "month_6_arm_1")
    assert month6["chaq_di"] == "0.25"
    dictionary = {row[0]: row for row in read(out / "redcap_data_dictionary.csv")[1:]}
    reach = next(code for code, label in (c.split(", ", 1) for c in
                 dictionary["chaq_aid_other"][5].split(" | ")) if label == "Reach")
    assert month6[f"chaq_aid_other___{reach}"] == "1"
    # And it comes back with an import: the copy exports the same file.
    import_directory(empty, out, user="registrar")
    export_database(empty, tmp_path / "again", profile="identified", user="t")
    assert (tmp_path / "again" / "redcap_data.csv").read_bytes() == \
        (out / "redcap_data.csv").read_bytes()
