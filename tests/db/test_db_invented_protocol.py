"""A plan invented here -- visits at months 3 and 9, a drug and an arm no shipped plan has
-- goes through screening, enrollment, a visit, the printed summary and worksheet, both
export formats and the import, and the round trip is byte-identical.

Protocols are data (architecture): nothing in the application names these visits, this
drug or this arm. Before the visit events came from the plans, a ``month_3`` visit was
exported under an event the events file did not define, and the import refused the
application's own export.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import paths
from app.catalog import protocol_catalog
from app.db.enrollments import finish_enrollment
from app.db.models import Enrollment, Visit
from app.db.screenings import complete_screening
from app.db.visit_saving import save_visit
from app.db.visits import AdverseEventData, load_visit
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.instruments.cmas import CMAS_ITEMS
from app.domain.screening import CriterionAnswer, ScreeningDraft
from app.domain.visit_values import ItemEntry
from app.exports.export import export_database
from app.exports.importing import import_directory
from app.exports.visit_report_data import gather_visit_report
from app.reports.redcap_rules import unique_event_name
from app.reports.visit_summary_pdf import build_visit_summary
from app.reports.worksheet_pdf import build_worksheet

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)

INVENTED = """
schema_version = 1
id = "invented-plan"
version = "0.1-test"
title = "Invented plan"
citation = "None: written for this test"
source = "test"
status = "provisional"

[[criteria]]
id = "needs_treatment"
group = "required"
text = "Needs treatment."
answer_type = "yes_no_unknown"
source = "test"
status = "seed"

[[arms]]
id = "N"
name = "Novelimab"
source = "test"
status = "provisional"

  [[arms.doses]]
  drug = "novelimab"
  kind = "per_kg"
  amount = 5
  unit = "mg"
  per = "dose"
  cap = 400
  route = "IV"
  frequency = "every 4 weeks"
  source = "test"
  status = "provisional"

{instruments}

[[visits]]
id = "baseline"
label = "Baseline"
offset_months = 0
instruments = ["pga_activity", "cmas", "muscle_enzymes", "medications", "adverse_events"]
window = {{ before_days = 0, after_days = 14, source = "test", status = "provisional" }}
source = "test"
status = "seed"

[[visits]]
id = "month_3"
label = "Month 3"
offset_months = 3
instruments = ["pga_activity", "cmas", "muscle_enzymes", "medications", "adverse_events"]
window = {{ before_days = 14, after_days = 14, source = "test", status = "provisional" }}
source = "test"
status = "seed"

[[visits]]
id = "month_9"
label = "Month 9"
offset_months = 9
instruments = ["pga_activity", "cmas", "medications", "adverse_events"]
window = {{ before_days = 28, after_days = 28, source = "test", status = "provisional" }}
source = "test"
status = "seed"
"""
INSTRUMENT = """[[instruments]]
id = "{id}"
label = "{id}"
set = "basic"
source = "test"
status = "seed"
"""


@pytest.fixture
def plan():
    folder = paths.site_protocol_dir()
    folder.mkdir(parents=True, exist_ok=True)
    ids = ("pga_activity", "cmas", "muscle_enzymes", "medications", "adverse_events")
    text = INVENTED.format(instruments="\n".join(INSTRUMENT.format(id=i) for i in ids))
    (folder / "invented.toml").write_text(text, encoding="utf-8")
    catalog = protocol_catalog()
    assert not catalog.rejected, catalog.rejected
    return catalog.get("invented-plan")


def entries(pga: float, cmas: int, ck: float, dose: float) -> dict:
    return {
        "global": {"pga_activity": ItemEntry(pga)},
        "cmas": {item.code: ItemEntry(float(min(cmas, item.maximum))) for item in CMAS_ITEMS},
        "enzymes": {"ck": ItemEntry(ck, unit="U/L"), "ck_uln": ItemEntry(200.0, unit="U/L"),
                    "collected_on": ItemEntry(value_text="2026-11-02")},
        "vitals": {"weight_kg": ItemEntry(20.0)},
        "medications": {"novelimab_dose": ItemEntry(dose, unit="mg"),
                        "novelimab_frequency": ItemEntry(value_text="every 4 weeks")},
    }


def save(database, visit_id: int, values: dict, on: date, events=()) -> None:
    with database.session() as session:
        record = load_visit(session, visit_id)
        save_visit(session, visit_id, values, list(events), user="nurse",
                   expected_version=record.header.version_id, visit_date=on, opened=record)


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(path).pages).split())


def export_all(database, folder: Path) -> None:
    for fmt in ("redcap", "wide"):
        export_database(database, folder / fmt, fmt=fmt, profile="identified", user="t")


def test_an_invented_plan_goes_through_every_layer_and_round_trips(database, empty,
                                                                   saved_patient, plan,
                                                                   tmp_path):
    # Screening and enrollment on the invented plan, its new arm and drug.
    draft = ScreeningDraft(saved_patient, plan.id, "2026-11-01",
                           {"needs_treatment": CriterionAnswer("yes")})
    with database.session() as session:
        screening_id, verdict = complete_screening(session, plan, draft, user="nurse")
    assert verdict.outcome == "eligible", verdict
    enrollment = EnrollmentDraft(patient_id=saved_patient, screening_id=screening_id,
                                 protocol_id=plan.id, enrollment_date="2026-11-02",
                                 weight="20", height="115", measured_on="2026-11-02",
                                 arm_id="N")
    planned = EnrollmentFlow(plan, {}, TODAY, date(2026, 11, 1)).finalise(enrollment)
    with database.session() as session:
        enrollment_id = finish_enrollment(session, plan, screening_id, planned, user="dr.ito")
    with database.reading() as session:
        e = session.get(Enrollment, enrollment_id)
        # 5 mg/kg × 20 kg = 100 mg (under the 400 mg cap)
        assert [(p.drug, p.amount) for p in e.prescriptions] == [("novelimab", 100)]
        visits = {v.visit_code: v.id for v in session.scalars(
            select(Visit).where(Visit.enrollment_id == enrollment_id))}
    assert set(visits) == {"baseline", "month_3", "month_9"}

    # Two visits, one with an adverse event reported at month 3.
    save(database, visits["baseline"], entries(6.0, 2, 600.0, 100.0), date(2026, 11, 2))
    event = AdverseEventData(None, "Infusion reaction", date(2027, 2, 1), None, False,
                             "possible", "slowed infusion")
    save(database, visits["month_3"], entries(2.0, 3, 300.0, 100.0), date(2027, 2, 2),
         [event])

    # The printed summary and worksheet of the month-3 visit.
    with database.reading() as session:
        report = gather_visit_report(session, "JDM-001", "month_3")
    summary = pdf_text(build_visit_summary(report, tmp_path / "summary.pdf"))
    assert "Month 3" in summary and "Novelimab" in summary and "novelimab" in summary
    assert "Infusion reaction" in summary
    worksheet = pdf_text(build_worksheet(report, tmp_path / "sheet.pdf"))
    assert "Month 3" in worksheet and "CMAS" in worksheet and "MMT8" not in worksheet

    # Both formats: the plan's visits are events, the new drug has its columns.
    export_all(database, tmp_path / "first")
    first = tmp_path / "first"
    events = [unique_event_name(row[0], row[1])
              for row in rows(first / "redcap" / "redcap_events.csv")[1:]]
    assert events[:5] == ["registration_arm_1", "enrollment_arm_1", "baseline_arm_1",
                          "month_1_arm_1", "month_2_arm_1"]  # the shipped plans' first
    assert events.index("month_3_arm_1") < events.index("month_6_arm_1")
    assert events.index("month_6_arm_1") < events.index("month_9_arm_1")
    mapping = {(row[1], row[2]) for row in rows(first / "redcap" /
                                                 "redcap_instrument_event_mapping.csv")}
    assert ("month_3_arm_1", "cmas") in mapping and ("month_9_arm_1", "visit") in mapping
    data = rows(first / "redcap" / "redcap_data.csv")
    header = data[0]
    by_event = {row[1]: dict(zip(header, row, strict=True)) for row in data[1:]
                if not row[2]}
    month3 = by_event["month_3_arm_1"]
    assert month3["cmas_total"] == "41"  # 13 items × 3 + item 2 (maximum 2) = 39 + 2
    assert month3["med_novelimab_dose"] == "100"
    # Compared with its baseline: no TIS without the CHAQ the plan does not collect, the
    # enzyme followed (CK 300/200 = 1.5 × ULN), PRINTO decided on what there is.
    assert month3["resp_tis"] == "" and "chaq" in month3["resp_tis_missing"].split(";")
    # ("1": CK, the first of the enzyme choices, numbered 1 to 5 from dictionary version 5)
    assert (month3["enz_most_abnormal"], month3["enz_followed_xuln"]) == ("1", "1.5")
    assert month3["resp_printo_status"] != ""
    adverse = next(row for row in data[1:] if row[2] == "adverse_event")
    assert dict(zip(header, adverse, strict=True))["ae_visit"] == "month_3"
    wide = rows(first / "wide" / "wide_data.csv")
    assert [row[wide[0].index("visit_code")] for row in wide[1:]] == [
        "baseline", "month_3", "month_9"]

    # The import takes the export back, and exporting the copy gives the same files.
    summary_of_import = import_directory(empty, first / "redcap", user="registrar")
    assert summary_of_import.added == ["JDM-001"]
    export_all(empty, tmp_path / "again")
    for fmt in ("redcap", "wide"):
        names = sorted(p.name for p in (first / fmt).glob("*.csv"))
        assert names
        for name in names:
            assert (tmp_path / "again" / fmt / name).read_bytes() == \
                (first / fmt / name).read_bytes(), f"{fmt}/{name}"
