"""The cohort report's files say what they hold: the PDF is an aggregate report (counts
and statistics by arm, no names, no study ids), and its footer must say so rather than the
visit documents' "contains patient information" (issue 19, defect found in review)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from pdf_text import pdf_text

from app.domain.cohort.data import BaselineValues, CohortPatient, VisitOutcome
from app.domain.cohort.outcomes import ScheduledVisit, cohort_outcomes
from app.reports.cohort_report import build_cohort_pdf, write_cohort_csv

SCHEDULE = [ScheduledVisit("baseline", "Baseline", 0, 14),
            ScheduledVisit("month_6", "Month 6", 6, 28)]
ARMS = [("A", "IVIG"), ("B", "Mycophenolate mofetil")]
COHORT = [
    CohortPatient(study_id, "persistent-skin-rash", arm, "active", False, date(2026, 1, 5),
                  BaselineValues(age_years=age, female=True, skin_vas=4.0),
                  (VisitOutcome("baseline", 0, 0, False, skin_vas=4.0),
                   VisitOutcome("month_6", 6, 183, True, 40.0, "moderate", True, 2.0)))
    for study_id, arm, age in (("A1", "A", 9.0), ("A2", "A", 11.0), ("B1", "B", 10.0),
                               ("B2", "B", 12.0))]


def test_the_footer_describes_an_aggregate_report(tmp_path):
    out = cohort_outcomes(COHORT, ARMS, SCHEDULE)
    target = build_cohort_pdf(out, tmp_path / "cohort.pdf", title="Cohort outcomes",
                              version="1.0", generated=datetime(2026, 12, 3, tzinfo=UTC))
    text = " ".join(pdf_text(target).split())
    assert "contains patient information" not in text
    assert "Aggregate report: counts and statistics by arm, no names or study ids" in text
    for study_id in ("A1", "A2", "B1", "B2"):  # and it keeps that promise
        assert f" {study_id} " not in f" {text} "


def test_pdf_and_csv_carry_the_weighted_comparison_and_its_caveats(tmp_path):
    out = cohort_outcomes(COHORT, ARMS, SCHEDULE)
    text = " ".join(pdf_text(build_cohort_pdf(out, tmp_path / "c.pdf", title="t")).split())
    assert "Exploratory: propensity-score weighted comparison" in text
    # two children per arm: fewer than the minimum, and the report says so
    assert "not shown: fewer than 10 patients with every covariate recorded" in text
    assert "observational comparison" in text and "complete cases" in text
    written = write_cohort_csv(out, tmp_path)
    assert tmp_path / "cohort_propensity.csv" in written
    rows = (tmp_path / "cohort_propensity.csv").read_text(encoding="utf-8").splitlines()
    assert rows[0] == ",A vs B"
    assert rows[1] == "Patients with every covariate recorded (of those enrolled),\"A 0/2, B 0/2\""
    assert rows[-1].startswith('"Note: Exploratory: an observational comparison.')
