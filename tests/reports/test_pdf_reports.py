"""PDF visit summary, blank worksheet and dosing sheet (issue 5; issue 8 response section)."""

from __future__ import annotations

from argparse import Namespace
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from database_fixtures import add_people, password_file
from pdf_text import page_count, pdf_text, render_png

from app.cli.pdf import run as run_pdf
from app.domain.visit_values import ItemEntry
from app.exports.visit_report_data import VisitNotFoundError, gather_visit_report
from app.reports.dosing_sheet_pdf import build_dosing_sheet
from app.reports.visit_report import AdverseEventLine, PastVisit
from app.reports.visit_summary_pdf import build_visit_summary
from app.reports.worksheet_pdf import build_worksheet

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

GENERATED = datetime(2025, 7, 8, 14, 5, tzinfo=UTC)


def report_for(database, visit="month_6"):
    with database.session() as session:
        return gather_visit_report(session, "JDM-001", visit)


@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_visit_summary_of_a_filled_visit_has_the_expected_text(clinic, tmp_path, paper):
    out = build_visit_summary(report_for(clinic), tmp_path / "s.pdf", paper=paper,
                              version="9.9", generated=GENERATED)
    text = pdf_text(out)
    for expected in (
        "JDM visit summary", "Month 6", "JDM-001", "Lovelace, Ada", "2014-03-09", "Toronto",
        "version 1.0", "Mycophenolate", "2025-07-08",  # arm B at the visit; visit date
        "600 mg/m", "tablet size",  # dose derivation and the override reason
        "CMAS total", "52 / 52", "CHAQ disability index", "MMT8 total", "80 / 80",
        "CK (", "0.6",  # enzyme × ULN
        "Total Improvement Score", "major", "PROVISIONAL",
        "PRINTO clinically inactive disease", "IMACS definition of improvement",
        "Heliotrope", "aldolase", "not done",  # skin detail, missing item with reason
        "Adverse events", "Signature", "Meaning",
        "Generated 2025-07-08 14:05 UTC", "jdm-ctp 9.9", "Page 1 of",
    ):
        assert expected in text, expected
    assert 1 <= page_count(out) <= 2
    size = b"612 792" if paper == "letter" else b"595.2756 841.8898"
    assert b"/MediaBox [ 0 0 " + size in out.read_bytes()


def test_visit_summary_renders_to_images(clinic, tmp_path):
    out = build_visit_summary(report_for(clinic), tmp_path / "s.pdf", generated=GENERATED)
    pages = render_png(out, tmp_path / "page")
    assert pages and all(p.stat().st_size > 5000 for p in pages)
    from PIL import Image

    with Image.open(pages[0]) as image:  # Letter at 60 dpi: 8.5 × 11 in → 510 × 660 px
        assert image.size == (510, 660)
        # Not a blank page: a clinical document has plenty of dark text pixels.
        dark = sum(1 for value in image.convert("L").tobytes() if value < 128)
        assert dark > 2000


def test_baseline_summary_says_improvement_is_measured_against_it(clinic, tmp_path):
    out = build_visit_summary(report_for(clinic, "baseline"), tmp_path / "b.pdf")
    text = pdf_text(out)
    assert "Baseline visit" in text and "41 / 52" in text
    assert "Headache" not in text  # the AE belongs to the unscheduled visit


def test_unscheduled_visit_lists_its_adverse_event(clinic, tmp_path):
    out = build_visit_summary(report_for(clinic, "unscheduled"), tmp_path / "u.pdf")
    text = pdf_text(out)
    assert "Headache after infusion" in text and "possible" in text


def test_adverse_events_show_the_resolved_date_or_ongoing(clinic, tmp_path):
    report = report_for(clinic, "unscheduled")
    [headache] = report.adverse_events
    assert headache.resolved_date == date(2025, 5, 2)
    ongoing = AdverseEventLine("Nausea", date(2025, 5, 1), None, False, "unlikely", None)
    out = build_visit_summary(replace(report, adverse_events=[headache, ongoing]),
                              tmp_path / "u.pdf")
    text = " ".join(pdf_text(out).split())
    assert "Resolved" in text
    assert "Headache after infusion; seen by Dr Lovelace 2025-05-01 2025-05-02" in text
    assert "Nausea 2025-05-01 ongoing" in text


def test_worksheet_has_header_due_date_and_empty_grids_with_anchors(clinic, tmp_path):
    out = build_worksheet(report_for(clinic, "month_1"), tmp_path / "w.pdf", paper="a4")
    text = pdf_text(out)
    for expected in ("JDM visit worksheet", "Month 1", "JDM-001", "2025-02-10",
                     "2025-02-03", "head elevation", "Unable", "60-119 seconds",
                     "Dress, including tying shoelaces", "N/A", "Neck flexors",
                     "CK (creatine kinase)", "Heliotrope rash", "Signature"):
        assert expected in text, expected
    # The adverse-event grid has the form's resolved column (its header wraps in the cell).
    assert "Resolved (blank = ongoing)" in " ".join(text.split())
    assert "52 / 52" not in text  # blank: no values


def test_dosing_sheet_shows_inputs_formula_cap_and_final_dose(clinic, tmp_path):
    out = build_dosing_sheet(report_for(clinic), tmp_path / "d.pdf")
    text = pdf_text(out)
    for expected in ("Dosing sheet", "mycophenolate", "Body surface area: 1.1289",
                     "600 mg/m", "Protocol maximum", "not reached", "1000 mg/dose",
                     "FINAL DOSE", "750 mg/dose", "tablet size", "seed 000, Table 2"):
        assert expected in text, expected


def test_run_pdf_cli_function(clinic, tmp_path, capsys):
    db = clinic.url.replace("sqlite:///", "")
    add_people(clinic)
    account = {"user": "nurse", "password_file": str(password_file(tmp_path))}
    for kind in ("summary", "worksheet", "dosing"):
        out = tmp_path / f"{kind}.pdf"
        args = Namespace(db=db, patient="JDM-001", visit="month_6", out=str(out), kind=kind,
                         paper="a4", **account)
        assert run_pdf(args) == 0
        assert out.read_bytes().startswith(b"%PDF")
    bad = Namespace(db=db, patient="JDM-404", visit="month_6", out=str(tmp_path / "x.pdf"),
                    kind="summary", paper="letter", **account)
    assert run_pdf(bad) == 1
    assert "no patient" in capsys.readouterr().err


def test_unknown_visit_is_a_clear_error(clinic):
    with pytest.raises(VisitNotFoundError, match="has no visit"), clinic.session() as s:
        gather_visit_report(s, "JDM-001", "month_99")


def test_dosing_sheet_text_is_extractable(clinic, tmp_path):
    out = build_dosing_sheet(report_for(clinic), tmp_path / "d.pdf")
    text = pdf_text(out)
    assert "Dosing sheet" in text and "750 mg/dose" in text


# Vietnamese, Polish and Greek letters: none of them is in Helvetica's WinAnsi set.
UNICODE_NAMES = [("Nguyễn Thị", "Đặng"), ("Łukasz", "Żółkiewski-Wąs"), ("Σοφία", "Παπαδοπούλου")]


@pytest.mark.parametrize(("given", "family"), UNICODE_NAMES)
@pytest.mark.parametrize("kind", ["summary", "worksheet", "dosing"])
def test_names_in_any_script_print_as_typed(clinic, tmp_path, given, family, kind):
    report = replace(report_for(clinic), patient_name=f"{family}, {given}")
    builders = {"summary": build_visit_summary, "worksheet": build_worksheet,
                "dosing": build_dosing_sheet}
    out = builders[kind](report, tmp_path / f"{kind}.pdf", generated=GENERATED)
    text = pdf_text(out)
    assert f"{family}, {given}" in text
    assert "■" not in text and "\ufffd" not in text
    assert b"DejaVuSansCondensed" in out.read_bytes()  # the font is embedded, not a base-14 name


def test_the_printed_audit_trail_keeps_every_letter(tmp_path):
    from app.reports.audit_pdf import write_audit_pdf

    headers = ("When", "User", "Action", "Record", "Id", "Field", "Old", "New", "Reason")
    row = ("2026-01-02 10:00", "nurse", "update", "patient", "1", "family_name",
           "Nguyen", "Nguyễn", "Spelling corrected: Łukasz / Σοφία")
    out = write_audit_pdf(headers, [row], tmp_path / "audit.pdf", title="Audit trail",
                          scope="Patient JDM-001", printed=GENERATED)
    text = pdf_text(out)
    assert "Nguyễn" in text and "Łukasz" in text and "Σοφία" in text


def test_adverse_event_coding_is_printed_and_an_uncoded_event_says_so(clinic, tmp_path):
    """Issue 18: each event's category, severity and outcome; an event stored before the
    coding existed prints "category not recorded" rather than a guess."""
    report = report_for(clinic, "unscheduled")
    [headache] = report.adverse_events
    coded = AdverseEventLine("Chest infection", date(2025, 5, 1), date(2025, 5, 9), True,
                             "possible", None, "infection_serious", "severe", "recovered")
    out = build_visit_summary(replace(report, adverse_events=[headache, coded]),
                              tmp_path / "c.pdf")
    text = " ".join(pdf_text(out).split())
    assert "Category Severity (CTCAE) Outcome" in text
    assert "Chest infection Infection, serious Severe (grade 3) Recovered / resolved" in text
    assert "category not recorded" in text


def test_cumulative_steroid_exposure_is_printed_worked_by_hand(clinic, tmp_path):
    """Issue 18: the enrollment's cumulative exposure up to this visit, from the visits'
    records (app.domain.instruments.steroid_exposure's provisional rule)."""
    report = report_for(clinic, "unscheduled")

    def visit(day, dose, pulses, pulse_dose=None):
        steroids = {"prednisone_mg_day": ItemEntry(dose), "ivmp_pulses": ItemEntry(pulses)}
        if pulse_dose is not None:
            steroids["ivmp_dose_mg"] = ItemEntry(pulse_dose)
        return PastVisit("v", "v", day, {"steroids": steroids,
                                         "vitals": {"weight_kg": ItemEntry(20.0)}})

    history = [visit(date(2026, 1, 1), 40.0, 3.0, 600.0), visit(date(2026, 2, 1), 30.0, 0.0)]
    out = build_visit_summary(replace(report, history=history), tmp_path / "s.pdf")
    text = " ".join(pdf_text(out).split())
    # Oral: 40 mg/day x 31 days = 1240 mg, / 20 kg = 62 mg/kg (the last visit's dose counts
    # after it: 0). IV: 3 x 600 = 1800 mg, / 20 kg = 90 mg/kg. Total as prednisone:
    # 1240 + 1.25 x 1800 = 1240 + 2250 = 3490 mg; 62 + 1.25 x 90 = 62 + 112.5 = 174.5 mg/kg.
    assert "Cumulative steroid exposure" in text
    assert ("oral prednisone-equivalent 1240 mg (62 mg/kg); IV methylprednisolone 1800 mg "
            "(90 mg/kg); total as prednisone 3490 mg (174.5 mg/kg)") in text
    assert "Provisional rule" in text
    # Without the items at any visit, nothing is printed.
    out = build_visit_summary(replace(report, history=[]), tmp_path / "n.pdf")
    assert "Cumulative steroid exposure" not in pdf_text(out)


def test_worksheet_has_the_issue_18_blocks_where_the_plan_lists_them(clinic, tmp_path):
    month_1 = " ".join(pdf_text(build_worksheet(report_for(clinic, "month_1"),
                                                tmp_path / "m.pdf", paper="a4")).split())
    for expected in ("CDASI activity (erythema 0-3, scale 0-2, erosion/ulceration 0-1)",
                     "Gottron's papules on the hands (erythema doubled if papules; papules "
                     "present: yes / no)", "Periungual changes (0-2)", "Sun protection",
                     "Oral prednisone-equivalent dose today", "IV methylprednisolone dose per "
                     "pulse", "Category", "Severity", "Outcome"):
        assert expected in month_1, expected
    baseline = " ".join(pdf_text(build_worksheet(report_for(clinic, "baseline"),
                                                 tmp_path / "b.pdf", paper="a4")).split())
    assert "Sun protection" not in baseline  # follow-up visits only
    assert "Not tested" in baseline  # the antibody panel, required at baseline


def test_the_cdasi_row_is_out_of_100_and_an_earlier_visit_prints_incomplete(clinic, tmp_path):
    """The CDASI activity row: out of 100 with the hands' Gottron's row; a visit recorded
    before that row prints no score but "incomplete", with the other items' sum of 93."""
    from app.domain.instruments.cdasi import ITEMS

    report = report_for(clinic, "unscheduled")
    graded = {i.code: ItemEntry(0.0) for i in ITEMS}
    graded.update(malar_e=ItemEntry(2.0), gottron_h_e=ItemEntry(3.0),
                  gottron_h_papules=ItemEntry(1.0), gottron_h_u=ItemEntry(1.0))
    out = build_visit_summary(replace(report, items={**report.items, "cdasi": graded}),
                              tmp_path / "now.pdf")
    text = " ".join(pdf_text(out).split())
    # Malar 2 + hands 3 x 2 (papules) + 1 (ulceration) = 9 of 100.
    assert "CDASI activity (provisional) 9 / 100" in text
    earlier = {code: entry for code, entry in graded.items() if not code.startswith("gottron_h")}
    out = build_visit_summary(replace(report, items={**report.items, "cdasi": earlier}),
                              tmp_path / "old.pdf")
    text = " ".join(pdf_text(out).split())
    assert "9 / 100" not in text and "2 / 100" not in text
    # Malar 2 is the only grade of the other 47 items: 2 of 93.
    assert "incomplete: Gottron's papules on the hands not graded; other items 2 of 93" in text
