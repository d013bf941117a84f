"""The visit form's dose re-check in a course with a taper (issue 18, correction 2): on the
2010 plan, prednisone 2 mg/kg/day (max 60 mg) for 4 weeks then tapered at the clinician's
discretion, so at month 6 a child tapered to 10 mg/day is inside the rule, not "OUTSIDE".
Arithmetic by hand: 30 kg × 2 mg/kg/day = 60 mg/day = the 60 mg maximum.
"""

from __future__ import annotations

import html
import os
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication
from visit_fixtures import enrolled_patient, open_form, type_in

pytestmark = pytest.mark.usefixtures("system_actor")

ARM_STARTED = date(2026, 5, 4)  # first dose; the taper phase begins on day 28, 2026-06-01
SHOTS = os.environ.get("JDM_CTP_SCREENSHOTS")  # a folder for screenshots, to look at


def month_6_medications(qtbot, database, mg_per_day, study_id="JDM-T01"):
    _pid, _eid, visits = enrolled_patient(
        database, study_id=study_id, arm="mp", protocol_id="moderate-jdm-2010",
        enrolled=ARM_STARTED, prescription=(mg_per_day, "mg", "day", "prednisone"))
    window = open_form(qtbot, database, visits["month_6"])
    window.visit_date.set_iso("2026-11-04")  # day 184 of the course
    window.show_section("medications")
    meds = window.section("medications")
    type_in(meds.fields["weight_kg"], "30")
    type_in(meds.fields["height_cm"], "120")
    return window, meds


def test_month_6_prednisone_taper_is_within_the_rule(qtbot, database):
    window, meds = month_6_medications(qtbot, database, 10.0)
    text = html.unescape(meds.recheck.text())
    assert "Protocol maximum for today's weight: 60 mg/day" in text
    assert "taper phase (01 Jun 2026" in text
    assert "prescribed 10 mg/day: at or below the maximum" in text
    assert "OUTSIDE THE PROTOCOL RULE" not in text
    assert not meds.dose_out_of_protocol() and meds.flag.isHidden()
    if SHOTS:
        QApplication.processEvents()
        window.grab().save(f"{SHOTS}/visit_month6_taper.png")


def test_month_6_prednisone_above_the_maximum_is_flagged(qtbot, database):
    _window, meds = month_6_medications(qtbot, database, 61.0, "JDM-T02")
    assert meds.dose_out_of_protocol() and not meds.flag.isHidden()
    assert "above the protocol maximum of 60 mg/day" in meds.recheck.text()
