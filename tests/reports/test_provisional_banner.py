"""Printed documents carry the provisional banner wherever a provisional rule is involved
(issue 7: "every printed dosing sheet shows a clear provisional banner")."""

from app.exports.visit_report_data import provisional_notes
from app.reports.visit_report import DoseLine


def dose(drug, derivation):
    return DoseLine(drug, "arm", 750.0, None, "mg", "dose", "every 4 weeks", "IV", False,
                    derivation, "src", None, {}, None, "active")


SEED = "Abatacept: … = 750 mg.\nSource: label [published]."
PROVISIONAL = "Rituximab: 750 mg/m² × 1.2 m² = 900 mg.\nSource: Tarvin 2024 [provisional]."
ROUNDING = ("IVIG: 2 g/kg × 20 kg = 40 g; rounded to the nearest 0.1 g: 40 g "
            "(provisional rounding).\nSource: seed 000 [seed].")


def test_nothing_provisional_means_no_banner():
    assert provisional_notes(False, "Plan", [dose("abatacept", SEED)]) == ()


def test_provisional_plan_and_rules_are_named():
    notes = provisional_notes(True, "Refractory JDM: biologics",
                              [dose("abatacept", SEED), dose("rituximab", PROVISIONAL),
                               dose("ivig", ROUNDING)])
    assert notes[0].startswith("The plan \u201cRefractory JDM: biologics\u201d is provisional")
    assert "The rituximab dose rule is provisional." in notes
    assert "The rounding of the ivig dose is provisional." in notes
    assert not any("abatacept" in n for n in notes)


def test_dosing_sheet_of_a_provisional_plan_shows_the_banner(tmp_path):
    from datetime import date

    from pypdf import PdfReader

    from app.reports.dosing_sheet_pdf import build_dosing_sheet
    from app.reports.visit_report import VisitReport

    report = VisitReport(
        site="Site 01", study_id="JDM-9", patient_name="Lee, Kim",
        date_of_birth=date(2014, 1, 1), sex="female", protocol_id="refractory-biologic",
        protocol_title="Refractory JDM: biologics", protocol_version="0.1",
        enrollment_date=date(2026, 1, 1), arm="rituximab", arms=[], visit_code="baseline",
        visit_label="Baseline", occurrence=1, visit_date=date(2026, 1, 1),
        target_date=date(2026, 1, 1), window_start=None, window_end=None, status="draft",
        items={}, baseline_items={}, doses=[dose("rituximab", PROVISIONAL)],
        provisional_notes=provisional_notes(True, "Refractory JDM: biologics",
                                            [dose("rituximab", PROVISIONAL)]))
    out = build_dosing_sheet(report, tmp_path / "dosing.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert "PROVISIONAL — verify against the published plan." in text
    assert "rituximab dose rule is provisional" in text
