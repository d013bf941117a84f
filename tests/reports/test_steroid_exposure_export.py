"""The cumulative steroid exposure as exported columns (issue 18): at each visit that
recorded the steroid items, the oral prednisone-equivalent, IV methylprednisolone and total
exposure since enrollment in mg and mg/kg, by the rule of app.domain.instruments.
steroid_exposure (worked by hand below), in the REDCap and the wide export, both profiles;
a missing dose leaves the total blank and is counted, never imputed; the dictionary names
units and carries the rule in the Field Annotation."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from clinic_data import fill_clinic
from sqlalchemy import select

from app.db.models import InstrumentValue, Visit
from app.exports.export import export_database

pytestmark = pytest.mark.usefixtures("system_actor")

CUMULATIVE = ("ster_cum_oral_mg", "ster_cum_oral_mg_kg", "ster_cum_ivmp_mg",
              "ster_cum_ivmp_mg_kg", "ster_cum_total_mg", "ster_cum_total_mg_kg",
              "ster_cum_missing")


def _steroids(database, *, unscheduled_dose_missing: bool = False) -> None:
    """JDM-001: baseline 2025-01-10 (32.5 kg), unscheduled 2025-05-02 (32 kg added here),
    month 6 2025-07-08 (32.5 kg); month 1 was never done (no items)."""
    with database.session() as s:
        visits = {v.visit_code: v for v in s.scalars(select(Visit))}

        def put(code, item, num=None, missing=None, instrument="steroids"):
            visits[code].instrument_values.append(InstrumentValue(
                instrument=instrument, item=item, value_num=num, missing_reason=missing,
                updated_by="nurse"))

        put("baseline", "prednisone_mg_day", 40.0)
        put("baseline", "ivmp_pulses", 3.0)
        put("baseline", "ivmp_dose_mg", 900.0)
        if unscheduled_dose_missing:
            put("unscheduled", "prednisone_mg_day", missing="unknown")
        else:
            put("unscheduled", "prednisone_mg_day", 20.0)
        put("unscheduled", "ivmp_pulses", 0.0)
        put("unscheduled", "weight_kg", 32.0, instrument="vitals")
        put("month_6", "prednisone_mg_day", 10.0)
        put("month_6", "ivmp_pulses", 1.0)
        put("month_6", "ivmp_dose_mg", 500.0)


def _rows(path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text("utf-8-sig"))))


def _by_visit(rows: list[dict[str, str]], key: str) -> dict[str, dict[str, str]]:
    return {r[key]: r for r in rows if r.get("ster_prednisone_mg_day", "") != ""
            or r.get("ster_prednisone_mg_day_mr", "") != ""}


# Days: 2025-01-10 -> 2025-05-02 = 21 (Jan) + 28 (Feb) + 31 (Mar) + 30 (Apr) + 2 = 112;
# 2025-05-02 -> 2025-07-08 = 29 (May) + 30 (Jun) + 8 = 67.
WORKED = {
    # Baseline: no next visit yet, no oral days: 0. IV 3 x 900 = 2700 mg; / 32.5 kg =
    # 83.0769 -> 83.08 mg/kg. Total 0 + 1.25 x 2700 = 3375 mg; 1.25 x 83.0769 = 103.846
    # -> 103.85 mg/kg.
    "baseline": ("0", "0", "2700", "83.08", "3375", "103.85", "0"),
    # Unscheduled: oral 40 mg/day x 112 days = 4480 mg; / 32.5 kg (the weight at the visit
    # starting the interval) = 137.846 -> 137.85 mg/kg. IV 2700 + 0 = 2700 mg, 83.08 mg/kg.
    # Total 4480 + 3375 = 7855 mg; 137.846 + 103.846 = 241.692 -> 241.69 mg/kg.
    "unscheduled": ("4480", "137.85", "2700", "83.08", "7855", "241.69", "0"),
    # Month 6: oral 4480 + 20 x 67 = 4480 + 1340 = 5820 mg; mg/kg 137.846 + 1340 / 32 =
    # 137.846 + 41.875 = 179.721 -> 179.72. IV 2700 + 1 x 500 = 3200 mg; mg/kg 83.0769 +
    # 500 / 32.5 = 83.0769 + 15.3846 = 98.4615 -> 98.46. Total 5820 + 1.25 x 3200 = 5820 +
    # 4000 = 9820 mg; 179.721 + 1.25 x 98.4615 = 179.721 + 123.077 = 302.798 -> 302.8.
    "month_6": ("5820", "179.72", "3200", "98.46", "9820", "302.8", "0"),
}


@pytest.mark.parametrize("profile", ["identified", "deidentified"])
def test_the_cumulative_exposure_is_exported_worked_by_hand(database, tmp_path, profile):
    fill_clinic(database)
    _steroids(database)
    out = tmp_path / "redcap"
    export_database(database, out, profile=profile, user="t")
    visits = _by_visit(_rows(out / "redcap_data.csv"), "redcap_event_name")
    got = {event.removesuffix("_arm_1").removesuffix("_arm_2"): tuple(r[c] for c in CUMULATIVE)
           for event, r in visits.items()}
    assert got == WORKED
    wide = tmp_path / "wide"
    export_database(database, wide, profile=profile, fmt="wide", user="t")
    rows = _by_visit(_rows(wide / "wide_data.csv"), "visit_code")
    assert {code: tuple(r[c] for c in CUMULATIVE) for code, r in rows.items()} == WORKED


def test_a_missing_dose_leaves_the_oral_and_total_blank_and_is_counted(database, tmp_path):
    fill_clinic(database)
    _steroids(database, unscheduled_dose_missing=True)
    out = tmp_path / "redcap"
    export_database(database, out, profile="deidentified", user="t")
    visits = {e.split("_arm_")[0]: r
              for e, r in _by_visit(_rows(out / "redcap_data.csv"), "redcap_event_name").items()}
    # At the unscheduled visit its own (missing) dose is not used yet: the interval before
    # it is the baseline's 40 mg/day x 112 days = 4480 mg, as when it was recorded.
    assert visits["unscheduled"]["ster_cum_oral_mg"] == "4480"
    assert visits["unscheduled"]["ster_cum_missing"] == "0"
    # Month 6: the interval 2025-05-02 -> 2025-07-08 has no dose: oral and total unknown
    # (blank, never 4480 as if 0 had been given), counted as 1 missing value; IV known.
    month6 = visits["month_6"]
    assert (month6["ster_cum_oral_mg"], month6["ster_cum_oral_mg_kg"],
            month6["ster_cum_total_mg"], month6["ster_cum_total_mg_kg"]) == ("", "", "", "")
    assert (month6["ster_cum_ivmp_mg"], month6["ster_cum_missing"]) == ("3200", "1")


def test_the_dictionary_names_units_and_the_rule(database, tmp_path):
    fill_clinic(database)
    out = tmp_path / "redcap"
    export_database(database, out, profile="deidentified", user="t")
    rows = {r["Variable / Field Name"]: r for r in _rows(out / "redcap_data_dictionary.csv")}
    oral = rows["ster_cum_oral_mg_kg"]
    assert oral["Form Name"] == "steroid_exposure" and "(mg/kg" in oral["Field Label"]
    assert oral["Text Validation Type OR Show Slider Number"] == "number"
    annotation = oral["Field Annotation"]
    assert annotation.startswith("@READONLY ")
    for words in ("days to the next such visit", "1.25 x IV", "Nothing imputed",
                  "ster_cum_missing", "Provisional"):
        assert words in annotation, words
    assert rows["ster_cum_total_mg"]["Field Label"].endswith("(mg, provisional)")
    assert "counted apart, never imputed" in rows["ster_cum_missing"]["Field Note"]
    codebook = {r["name"]: r for r in _rows(export_and_codebook(database, tmp_path))}
    assert codebook["ster_cum_ivmp_mg"]["units"] == "mg"


def export_and_codebook(database, tmp_path):
    out = tmp_path / "wide"
    export_database(database, out, profile="deidentified", fmt="wide", user="t")
    return out / "wide_codebook.csv"


def test_the_visit_dates_of_the_example_are_as_counted():
    assert (date(2025, 5, 2) - date(2025, 1, 10)).days == 112
    assert (date(2025, 7, 8) - date(2025, 5, 2)).days == 67
