"""A site plan that replaces a shipped one is named as a site plan, with its file's hash,
wherever the plan is named (issue 15, item 4): the screening wizard, the enrollment
summary, the patient page, the printed visit summary and the export manifest. A record
made under the shipped file is named by its version alone."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QLabel

from app import paths
from app.catalog import _cached, protocol_catalog
from app.db.models import ArmAssignment, Enrollment, Patient, PatientIdentity, Screening, Visit
from app.exports.export import export_database
from app.exports.visit_report_data import gather_visit_report
from app.forms.patient_page import PatientPage
from app.forms.screening_wizard import ScreeningWizard
from app.reports.visit_summary_pdf import build_visit_summary

pytestmark = pytest.mark.usefixtures("system_actor")

BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "protocols"


@pytest.fixture
def site_plan(private_home):
    _cached.cache_clear()
    folder = paths.site_protocol_dir()
    folder.mkdir(parents=True, exist_ok=True)
    text = (BUILTIN / "persistent-skin-rash.toml").read_text(encoding="utf-8")
    (folder / "our-skin.toml").write_text(
        text.replace('version = "2017.2"', 'version = "site-1"', 1), encoding="utf-8")
    plan = protocol_catalog().get("persistent-skin-rash")
    assert plan.site_plan
    yield plan
    _cached.cache_clear()


def enrolled(database, study_id: str, version: str, content_hash: str) -> int:
    """A patient screened and enrolled (arm A) under the given plan file, with a baseline."""
    with database.session() as s:
        patient = Patient(study_id=study_id, sex="female", site="Toronto")
        patient.identity = PatientIdentity(given_name="Ada", family_name="Okafor",
                                           date_of_birth=date(2015, 3, 9))
        s.add(patient)
        s.flush()
        common = {"patient_id": patient.id, "protocol_id": "persistent-skin-rash",
                  "protocol_version": version, "protocol_hash": content_hash}
        screening = Screening(**common, status="complete", verdict="eligible",
                              screened_by="nurse", screening_date=date(2026, 11, 2))
        enrollment = Enrollment(**common, screening=screening, enrolled_by="doc",
                                enrollment_date=date(2026, 11, 3),
                                sun_protection_counselled=True)
        enrollment.arm_assignments.append(
            ArmAssignment(arm_id="A", start_date=date(2026, 11, 3), created_by="doc"))
        s.add(enrollment)
        s.flush()
        s.add(Visit(enrollment_id=enrollment.id, visit_code="baseline", label="Baseline",
                    target_date=date(2026, 11, 3), visit_date=date(2026, 11, 3),
                    status="draft"))
        return patient.id


def page_text(page: PatientPage) -> str:
    return "\n".join(label.text() for label in page.findChildren(QLabel))


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_a_site_plan_is_named_with_its_hash_everywhere(qtbot, database, site_plan, tmp_path):
    words = f"site plan, file SHA-256 {site_plan.content_hash[:12]}"
    patient_id = enrolled(database, "JDM-101", "site-1", site_plan.content_hash)
    protocols = protocol_catalog().protocols

    wizard = ScreeningWizard(database, patient_id, "nurse", protocols, patient_text="JDM-101")
    qtbot.addWidget(wizard)
    combo = wizard.page(0).protocol
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert f"JDM with persistent skin rash (version site-1, {words})" in texts
    assert "(version 0.2-provisional)" in next(t for t in texts if "2010" in t)

    page = PatientPage(database, patient_id, protocols, today=date(2026, 11, 21))
    qtbot.addWidget(page)
    text = page_text(page)
    assert f"(version site-1, {words}) · enrolled" in text
    log = page.screenings_table
    assert log.model().index(0, 1).data() == f"persistent-skin-rash site-1, {words}"

    with database.reading() as session:
        report = gather_visit_report(session, "JDM-101", "baseline")
    assert report.protocol_line == f"JDM with persistent skin rash (version site-1, {words})"
    assert f"(version site-1, {words})" in pdf_text(
        build_visit_summary(report, tmp_path / "summary.pdf"))

    export_database(database, tmp_path / "out", fmt="redcap", profile="deidentified", user="t")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["protocol_versions"] == [{
        "id": "persistent-skin-rash", "version": "site-1",
        "content_hash": site_plan.content_hash, "origin": "site plan"}]


def test_records_under_the_shipped_file_are_named_by_version_alone(qtbot, database, tmp_path):
    _cached.cache_clear()
    shipped = protocol_catalog().get("persistent-skin-rash")
    assert not shipped.site_plan
    patient_id = enrolled(database, "JDM-102", shipped.version, shipped.content_hash)
    enrolled(database, "JDM-103", "2016.1", "f" * 64)  # a file not installed here
    page = PatientPage(database, patient_id, protocol_catalog().protocols,
                       today=date(2026, 11, 21))
    qtbot.addWidget(page)
    assert f"(version {shipped.version}) · enrolled" in page_text(page)
    assert "site plan" not in page_text(page)
    with database.reading() as session:
        report = gather_visit_report(session, "JDM-102", "baseline")
    assert report.protocol_line == f"JDM with persistent skin rash (version {shipped.version})"
    export_database(database, tmp_path / "out", fmt="wide", profile="deidentified", user="t")
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    origins = {(p["version"], p["origin"]) for p in manifest["protocol_versions"]}
    # De-identified, a version no installed plan names is written as "other" (only plan
    # words leave the clinic); its origin still says it is not installed here.
    assert origins == {(shipped.version, "shipped"), ("other", "not installed here")}


def test_the_enrollment_wizard_names_the_site_plan_and_stores_its_hash(qtbot, database,
                                                                       site_plan):
    from test_enrollment_wizard import finish, go_to_doses, make_wizard, screened

    patient_id, screening_id = screened(database, site_plan)
    wizard = make_wizard(qtbot, database, site_plan, patient_id, screening_id)
    go_to_doses(wizard, "A")
    nxt = wizard.button(wizard.WizardButton.NextButton)
    nxt.click()
    wizard.concomitant_page.steroid.setText("10")
    wizard.concomitant_page.sun.setChecked(True)
    nxt.click()
    assert wizard.currentPage() is wizard.summary_page
    words = f"site plan, file SHA-256 {site_plan.content_hash[:12]}"
    assert f"(version site-1, {words})" in wizard.summary_page.summary.text()
    wizard.back()
    wizard.back()
    finish(wizard)
    with database.reading() as session:
        enrollment = session.get(Enrollment, wizard.enrollment_id)
        assert (enrollment.protocol_version, enrollment.protocol_hash) == (
            "site-1", site_plan.content_hash)
