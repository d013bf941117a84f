"""Screen and enroll a refractory-JDM patient on each biologic arm (and option) through
the wizards, on a fresh database (issue 7).

Doses are worked out by hand from clinical-rules §1.2 (arithmetic beside each); the
prior-therapy rules from the protocol file (provisional, seeds 002/004). The plan is
provisional as a whole: the banner must be visible on every wizard page.
"""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtWidgets import QApplication, QWizard
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db.models import ArmAssignment, Prescription, ScreeningAnswer
from app.db.patients import PatientInput, create_patient
from app.db.prior_therapies import PriorTherapyInput, add_prior_therapy
from app.db.screenings import get_screening
from app.domain.enrollment import EnrollmentDraft
from app.domain.growth import GrowthSubject
from app.domain.screening import PRIOR_ANSWER_ID
from app.forms.enrollment.wizard import EnrollmentWizard
from app.forms.screening_wizard import ScreeningWizard

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
PLAN = "refractory-biologic"
BANNER_WORDS = "provisional — verify against the published plan"
BASE_HISTORY = (
    PriorTherapyInput("prednisone", date(2025, 1, 10)),
    PriorTherapyInput("methotrexate", date(2025, 2, 1)),
)


SHOTS = os.environ.get("JDM_CTP_SCREENSHOTS")  # a folder for screenshots, to look at


def shot(widget, name):
    if SHOTS:
        QApplication.processEvents()
        widget.grab().save(f"{SHOTS}/{name}.png")


class Asker:
    def __init__(self, answer="Discard"):
        self.answer = answer

    def __call__(self, *_args):
        return self.answer


@pytest.fixture
def protocol():
    return protocol_catalog().protocols[PLAN]


def new_patient(database, history=(), study_id="JDM-101"):
    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            study_id, "Sam", "Lee", date(2014, 1, 5), "male"), user="nurse")
        for item in (*BASE_HISTORY, *history):
            add_prior_therapy(session, patient_id, item, user="nurse", today=TODAY)
    return patient_id


def nxt(wizard):
    return wizard.button(QWizard.NextButton)


def assert_banner(page):
    label = page.plan_banner
    assert BANNER_WORDS in label.text()
    assert label.isVisible()


def answer(wizard, criterion_id, value, **details):
    box = wizard.criterion_box(criterion_id)
    box.set_answer(value)
    for field_id, detail in details.items():
        box.inputs[field_id].set_value(detail)


def screen(qtbot, database, patient_id, screening_date="2026-11-01", biologics=()):
    """Drive the screening wizard to its verdict page; returns the wizard."""
    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, patient_text="JDM-101", ask=Asker(),
                             protocol_id=PLAN)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setup_page.screening_date.set_iso(screening_date)
    assert_banner(wizard.setup_page)
    nxt(wizard).click()  # → required
    assert_banner(wizard.currentPage())
    answer(wizard, "refractory_to_gc_and_mtx", "yes",
           refractory_note="Rash and weakness after 6 months of prednisone and methotrexate")
    answer(wizard, "conventional_dmards_tried", "yes", dmards_tried=["methotrexate"])
    nxt(wizard).click()  # → allowed
    assert_banner(wizard.currentPage())
    if biologics:
        answer(wizard, "prior_biologic_exposure", "yes", prior_biologics=list(biologics))
    else:
        answer(wizard, "prior_biologic_exposure", "no")
    answer(wizard, "ivig", "yes", ivig_use="current")
    nxt(wizard).click()  # → prior therapies
    assert wizard.currentPage() is wizard.prior_page
    assert_banner(wizard.prior_page)
    assert wizard.prior_page.rules_banner.isVisible()
    assert "methotrexate" in wizard.prior_page.history.text()
    nxt(wizard).click()  # → verdict
    assert wizard.currentPage() is wizard.verdict_page
    assert_banner(wizard.verdict_page)
    return wizard


def save_screening(wizard):
    wizard.verdict_page.confirm.setChecked(True)
    wizard.button(QWizard.FinishButton).click()
    assert wizard.saved_screening_id is not None
    return wizard.saved_screening_id


def enroll_wizard(qtbot, database, protocol, patient_id, screening_id, date_of_birth=None):
    with database.session() as session:
        record = get_screening(session, screening_id)
    wizard = EnrollmentWizard(database, protocol,
                              EnrollmentDraft(patient_id, screening_id, PLAN), record.facts,
                              record.summary.screening_date, "dr.ito", today=TODAY,
                              patient_text="JDM-101", ask=Asker(),
                              subject=(GrowthSubject(date_of_birth, "female")
                                       if date_of_birth else None))
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def to_arm_page(wizard, weight, height, day="2026-11-02"):
    page = wizard.details_page
    assert_banner(page)
    page.enrollment_date.set_iso(day)
    page.measurements.weight.setText(weight)
    page.measurements.height.setText(height)
    page.measurements.measured_on.set_iso(day)
    assert nxt(wizard).isEnabled(), page.measurements.messages
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.arm_page
    assert_banner(wizard.arm_page)


def choose(wizard, arm, option):
    page = wizard.arm_page
    page.choose(arm)
    combo = page.option_combos[arm]
    combo.setCurrentIndex(combo.findData(option))
    assert wizard.draft.arm_option == option


def to_doses(wizard, arm, option):
    choose(wizard, arm, option)
    assert nxt(wizard).isEnabled(), wizard.flow.arm_problems(wizard.draft)
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.doses_page
    assert_banner(wizard.doses_page)
    (view,) = wizard.doses_page.views.values()  # only the chosen option's dose
    return view


def finish(wizard, pulse=None, pulse_mg="", steroid=""):
    nxt(wizard).click()  # doses → concomitant
    page = wizard.concomitant_page
    assert_banner(page)
    page.steroid.setText(steroid)
    if pulse:
        page.pulse.setChecked(True)
        page.pulse_choice.setCurrentIndex(page.pulse_choice.findData(pulse))
        page.pulse_dose.setText(pulse_mg)
    assert nxt(wizard).isEnabled(), wizard.flow.concomitant_problems(wizard.draft)
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.summary_page
    assert_banner(wizard.summary_page)
    wizard.button(QWizard.FinishButton).click()
    assert wizard.enrollment_id is not None


def saved(database, role="arm"):
    with database.session() as session:
        return list(session.scalars(select(Prescription).where(Prescription.role == role)
                                    .order_by(Prescription.id)))


def screened_eligible(qtbot, database, history=(), biologics=(), screening_date="2026-11-01"):
    patient_id = new_patient(database, history)
    wizard = screen(qtbot, database, patient_id, screening_date, biologics)
    assert wizard.verdict_page.verdict_label.text() == "ELIGIBLE"
    return patient_id, save_screening(wizard)


# --------------------------------------------------------------------------- TNF arm


def test_tnf_adalimumab(qtbot, database, protocol):
    patient_id, screening_id = screened_eligible(qtbot, database)
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "29.9", "130")
    view = to_doses(wizard, "tnf", "adalimumab")
    # Adalimumab SC, label band 15 to < 30 kg → 20 mg every other week (29.9 < 30).
    assert view.key == "adalimumab:adalimumab"
    assert view.headline.text().startswith("Adalimumab: 20 mg every other week, SC")
    assert "02 Nov 2026, 16 Nov 2026, 30 Nov 2026" in view.dates.text()
    # Daily oral glucocorticoid limit: 2 mg/kg/day × 29.9 kg = 59.8 mg/day (< 60 cap).
    nxt(wizard).click()
    wizard.concomitant_page.steroid.setText("59.9")
    assert not nxt(wizard).isEnabled()
    assert "59.8" in wizard.concomitant_page.steroid_message.text()
    wizard.back()
    finish(wizard, steroid="59.8")
    (dose,) = saved(database)
    assert (dose.drug, dose.amount, dose.final_amount, dose.unit) == ("adalimumab", 20, 20, "mg")
    assert dose.inputs["arm_option"] == "adalimumab"
    (steroid,) = saved(database, "concomitant")
    assert (steroid.drug, steroid.final_amount) == ("prednisone", 59.8)


def test_tnf_infliximab_after_adalimumab_failure_different_tnf_rule(qtbot, database,
                                                                    protocol):
    # Adalimumab failed (inadequate response); last dose 2026-08-01, so the 1-month
    # washout was complete on 2026-09-01, before the screening on 2026-11-01.
    failed = PriorTherapyInput("adalimumab", date(2025, 5, 1), date(2026, 8, 10),
                               "inadequate_response", date(2026, 8, 1))
    patient_id = new_patient(database, (failed,))
    wizard = screen(qtbot, database, patient_id, biologics=("adalimumab",))
    page = wizard.prior_page
    assert page.outcome_text("tnf", "adalimumab") == "not_met"
    assert page.outcome_text("tnf", "infliximab_5") == "met"
    assert page.outcome_text("tnf", "infliximab_6_10") == "met"
    assert "EXCLUDED" in page.arms.text() and "different agent" in page.arms.text()
    assert wizard.verdict_page.verdict_label.text() == "ELIGIBLE"
    assert "Arm tnf, option Adalimumab" in wizard.verdict_page.notes.text()
    screening_id = save_screening(wizard)

    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "40", "150")
    choose(wizard, "tnf", "adalimumab")
    assert not nxt(wizard).isEnabled()
    assert "a different agent" in wizard.arm_page.message.text()
    # The 6-10 mg/kg practice range: 6 × 40 = 240 mg to 10 × 40 = 400 mg.
    view = to_doses(wizard, "tnf", "infliximab_6_10")
    assert view.key == "infliximab_6_10:infliximab"
    assert view.headline.text().startswith("Infliximab 6-10 mg/kg (practice range): 240 mg")
    assert view.range.isVisible() and "240 to 400 mg" in view.range.text()
    assert view.provisional is not None and view.provisional.isVisible()
    assert BANNER_WORDS in view.provisional.text()
    view.final.setText("400.1")  # above the top of the range: refused
    assert not nxt(wizard).isEnabled()
    assert "400" in view.message.text()
    view.final.setText("320")  # 8 mg/kg × 40 kg = 320 mg, within the range, with a reason
    assert not nxt(wizard).isEnabled()  # a reason is required
    view.reason.setText("8 mg/kg: severe skin disease")
    assert nxt(wizard).isEnabled()
    # Back to the label option: 5 mg/kg × 40 kg = 200 mg, the 320 mg is not carried over.
    wizard.back()
    view = to_doses(wizard, "tnf", "infliximab_5")
    assert view.key == "infliximab_5:infliximab" and view.final.text() == ""
    assert view.headline.text().startswith("Infliximab 5 mg/kg (label): 200 mg")
    # weeks 0, 2, 6 from 2026-11-02: 11-02, 11-16, 12-14, then every 8 weeks: 2027-02-08
    assert "02 Nov 2026, 16 Nov 2026, 14 Dec 2026, 08 Feb 2027" in view.dates.text()
    wizard.back()
    view = to_doses(wizard, "tnf", "infliximab_6_10")
    assert view.final.text() == "320"  # its own entry kept under its own key
    finish(wizard)
    (dose,) = saved(database)
    assert (dose.drug, dose.amount, dose.final_amount) == ("infliximab", 240, 320)
    assert dose.override_reason == "8 mg/kg: severe skin disease"
    assert dose.inputs["arm_option"] == "infliximab_6_10" and dose.inputs["range_max"] == 400


# --------------------------------------------------------------------------- abatacept


def test_abatacept_iv_80_kg_with_bridging_pulses(qtbot, database, protocol):
    patient_id, screening_id = screened_eligible(qtbot, database)
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "80", "170")
    view = to_doses(wizard, "abatacept", "iv")
    # 75-100 kg band → 750 mg fixed (not 10 mg/kg × 80 = 800 mg).
    assert view.headline.text().startswith("Abatacept IV: 750 mg weeks 0, 2 and 4")
    # weeks 0, 2, 4 then every 4 weeks: 11-02, 11-16, 11-30, 12-28
    assert "02 Nov 2026, 16 Nov 2026, 30 Nov 2026, 28 Dec 2026" in view.dates.text()
    nxt(wizard).click()
    page = wizard.concomitant_page
    page.pulse.setChecked(True)
    assert not nxt(wizard).isEnabled()  # weekly × 4 or daily × 3 must be chosen
    assert "Choose the pulse schedule" in page.pulse_message.text()
    page.pulse_choice.setCurrentIndex(page.pulse_choice.findData("bridging_methylprednisolone_weekly"))
    # 30 mg/kg × 80 kg = 2400 mg → capped at 1000 mg per pulse.
    assert "1000 mg" in page.pulse_max.text()
    page.pulse_dose.setText("1000.5")
    assert not nxt(wizard).isEnabled()
    assert "1000" in page.pulse_message.text()
    wizard.back()
    finish(wizard, pulse="bridging_methylprednisolone_weekly", pulse_mg="1000")
    (dose,) = saved(database)
    assert (dose.drug, dose.amount, dose.final_amount) == ("abatacept", 750, 750)
    (pulse,) = saved(database, "concomitant")
    assert (pulse.drug, pulse.amount, pulse.final_amount) == ("methylprednisolone", 1000, 1000)
    # weekly × 4 from the first dose: 11-02, 11-09, 11-16, 11-23
    assert pulse.schedule == ["2026-11-02", "2026-11-09", "2026-11-16", "2026-11-23"]


def test_abatacept_iv_under_6_years_warns_on_the_dose_page(qtbot, database, protocol,
                                                           tmp_path):
    # Born 2021-06-01; first dose 2026-11-02: 5 completed years (birthday 1 June passed in
    # 2026: 2026 - 2021 = 5) < 6, the age abatacept IV is labelled from. 18 kg < 75 kg →
    # 10 mg/kg × 18 = 180 mg, computed all the same, with the warning shown and stored.
    born = date(2021, 6, 1)
    patient_id, screening_id = screened_eligible(qtbot, database)
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id,
                           date_of_birth=born)
    to_arm_page(wizard, "18", "108")
    view = to_doses(wizard, "abatacept", "iv")
    assert view.headline.text().startswith("Abatacept IV: 180 mg")
    assert view.warnings.isVisible()
    assert "labelled from age 6 years; this child is 5 years old on 02 Nov 2026" in (
        view.warnings.text())
    shot(wizard, "doses_abatacept_under_6")
    wizard.back()
    view = to_doses(wizard, "abatacept", "sc")  # SC is labelled from 2: no warning
    assert not view.warnings.isVisible()
    wizard.back()
    to_doses(wizard, "abatacept", "iv")
    finish(wizard)
    (dose,) = saved(database)
    assert "WARNING: Abatacept IV is labelled from age 6 years" in dose.derivation
    assert born.isoformat() not in dose.derivation
    # the pharmacy's dosing sheet prints the warning with the derivation
    from pypdf import PdfReader

    from app.exports.visit_report_data import gather_visit_report
    from app.reports.dosing_sheet_pdf import build_dosing_sheet

    with database.session() as session:
        report = gather_visit_report(session, "JDM-101", "baseline")
    sheet = build_dosing_sheet(report, tmp_path / "dosing.pdf")
    text = " ".join(" ".join((page.extract_text() or "").split())
                    for page in PdfReader(str(sheet)).pages)
    assert "WARNING: Abatacept IV is labelled from age 6 years; this child is 5 years old" in text


def test_abatacept_sc_just_started_window_expires_before_enrollment(qtbot, database,
                                                                   protocol):
    # Abatacept started 2026-10-05 and still given: "enrol up to 1 calendar month after
    # starting" → the last day is 2026-11-05 (boundary day included).
    started = PriorTherapyInput("abatacept", date(2026, 10, 5))
    patient_id = new_patient(database, (started,))
    wizard = screen(qtbot, database, patient_id, biologics=("abatacept",))
    page = wizard.prior_page
    assert page.outcome_text("abatacept", "sc") == "met"
    # Ongoing abatacept fails the washout for every other arm.
    assert page.outcome_text("tocilizumab", "every_2_weeks") == "not_met"
    assert "enrol no later than 05 Nov 2026" in page.arms.text()
    assert wizard.verdict_page.verdict_label.text() == "ELIGIBLE"
    screening_id = save_screening(wizard)

    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "30", "135", day="2026-11-06")
    choose(wizard, "abatacept", "sc")
    assert not nxt(wizard).isEnabled()
    message = wizard.arm_page.message.text()
    assert "2026-11-06" in message and "2026-11-05" in message
    assert "more than 1 calendar month" in message
    wizard.back()
    to_arm_page(wizard, "30", "135", day="2026-11-05")  # the boundary day: allowed
    view = to_doses(wizard, "abatacept", "sc")
    # SC band 25 to < 50 kg → 87.5 mg weekly.
    assert view.headline.text().startswith("Abatacept SC: 87.5 mg weekly, SC")
    finish(wizard)
    (dose,) = saved(database)
    assert (dose.drug, dose.amount, dose.route) == ("abatacept", 87.5, "SC")
    with database.session() as session:
        notes = session.scalar(select(ArmAssignment.notes))
    assert "Prior-therapy rules on 2026-11-05: met (provisional)" in notes


# --------------------------------------------------------------------------- rituximab


def test_rituximab_140_cm_35_kg_default_rim_regimen(qtbot, database, protocol):
    patient_id, screening_id = screened_eligible(qtbot, database)
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "35", "140")
    page = wizard.arm_page
    page.choose("rituximab")
    # The plan's default option (the RIM regimen) is offered first, already chosen.
    assert page.option_combos["rituximab"].currentData() == "rim_weeks_0_and_1"
    assert wizard.draft.arm_option == "rim_weeks_0_and_1"
    assert "default" in page.option_combos["rituximab"].currentText()
    shot(wizard, "arm_rituximab_default")
    view = to_doses(wizard, "rituximab", "rim_weeks_0_and_1")
    # BSA √(140 × 35 / 3600) = √1.36111 = 1.16667 m² ≤ 1.5 → 575 mg/m² × 1.16667 =
    # 670.83 mg → nearest 0.1 = 670.8 mg (< 1000 cap)
    assert view.headline.text().startswith("Rituximab, RIM regimen (2 doses, 1 week apart): "
                                           "670.8 mg")
    assert "BSA 1.1667 m² is in the band ≤ 1.5 m²" in view.derivation.toPlainText()
    shot(wizard, "doses_rituximab_rim")
    assert view.provisional is not None and view.provisional.isVisible()
    assert BANNER_WORDS in view.provisional.text()
    assert view.dates.text() == "Dose dates (2 doses, 1 week apart (weeks 0 and 1)): " \
                                "02 Nov 2026, 09 Nov 2026"
    nxt(wizard).click()
    nxt(wizard).click()
    assert "PROVISIONAL — verify against the published plan" in \
        wizard.summary_page.summary.text()
    wizard.back()
    wizard.back()
    finish(wizard)
    (dose,) = saved(database)
    assert (dose.drug, dose.amount) == ("rituximab", 670.8)
    assert dose.schedule == ["2026-11-02", "2026-11-09"]


def test_rituximab_flat_option_is_the_higher_second_choice(qtbot, database, protocol):
    patient_id, screening_id = screened_eligible(qtbot, database)
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "35", "140")
    view = to_doses(wizard, "rituximab", "flat_weeks_0_and_1")
    # 750 mg/m² × 1.16667 m² = 875.0 mg (30% above the RIM 670.8 mg)
    assert view.headline.text().startswith("Rituximab, flat 750 mg/m² (2 doses, 1 week apart):"
                                           " 875 mg")
    assert "higher than the RIM regimen" in view.derivation.toPlainText()


def test_rituximab_arm_closed_after_rituximab_failure(qtbot, database, protocol):
    # Rituximab stopped for inadequate response → the same arm is excluded; its washout
    # (6 months after the last dose 2026-01-10 → 2026-07-10, B cells detectable) is met,
    # so the other arms stay open.
    failed = PriorTherapyInput("rituximab", date(2026, 1, 3), date(2026, 1, 10),
                               "inadequate_response", date(2026, 1, 10), True)
    patient_id = new_patient(database, (failed,))
    wizard = screen(qtbot, database, patient_id, biologics=("rituximab",))
    page = wizard.prior_page
    assert page.outcome_text("rituximab", "rim_weeks_0_and_1") == "not_met"
    assert page.outcome_text("rituximab", "flat_weeks_0_and_2") == "not_met"
    assert "a prior failure of rituximab excludes this arm" in page.arms.text()
    assert page.outcome_text("abatacept", "iv") == "met"
    assert wizard.verdict_page.verdict_label.text() == "ELIGIBLE"
    screening_id = save_screening(wizard)
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "35", "140")
    choose(wizard, "rituximab", "rim_weeks_0_and_2")
    assert not nxt(wizard).isEnabled()
    assert "prior failure of rituximab" in wizard.arm_page.message.text()


# --------------------------------------------------------------------------- washout (issue 18)


def test_adalimumab_36_days_ago_is_not_met_and_the_split_is_shown(qtbot, database, protocol):
    # Adalimumab stopped for benefit, last dose 2026-09-26; screening 2026-11-01 = 36 days
    # later. 1 calendar month → 2026-10-26 (complete), but 4 × 14 = 56 days → 2026-11-21
    # and 5 × 14 = 70 days → 2026-12-05 are not: the longer applies, so every other arm is
    # closed until 2026-12-05 and "met" is never shown for that washout.
    last = PriorTherapyInput("adalimumab", date(2026, 3, 1), date(2026, 9, 26), "benefit",
                             date(2026, 9, 26))
    patient_id = new_patient(database, (last,))
    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, patient_text="JDM-101", ask=Asker(),
                             protocol_id=PLAN)
    qtbot.addWidget(wizard)
    wizard.show()
    box = wizard.criterion_box("prior_biologic_exposure")
    assert box.caution is not None
    assert "split 50% for, 50% against" in box.caution.text()
    wizard = screen(qtbot, database, patient_id, biologics=("adalimumab",))
    box = wizard.criterion_box("prior_biologic_exposure")
    assert not box.caution.isHidden()
    page = wizard.prior_page
    assert page.outcome_text("abatacept", "iv") == "not_met"
    assert page.outcome_text("tnf", "infliximab_5") == "not_met"
    text = page.arms.text()
    assert "washout complete on 05 Dec 2026" in text
    assert ("4–5 half-lives (half-life of adalimumab 14 days" in text
            and "complete on 2026-11-21 (4) to 2026-12-05 (5); 1 calendar month: complete on "
                "2026-10-26" in text)
    notes = wizard.verdict_page.notes.text()
    assert "No consensus: the surveyed clinicians were split" in notes


# --------------------------------------------------------------------------- tocilizumab


def test_tocilizumab_29_9_kg(qtbot, database, protocol):
    patient_id, screening_id = screened_eligible(qtbot, database)
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    to_arm_page(wizard, "29.9", "130")
    view = to_doses(wizard, "tocilizumab", "every_2_weeks")
    # < 30 kg → 12 mg/kg: 12 × 29.9 = 358.8 mg every 2 weeks
    assert view.headline.text().startswith("Tocilizumab every 2 weeks: 358.8 mg every 2 weeks")
    wizard.back()
    view = to_doses(wizard, "tocilizumab", "every_4_weeks")
    # every-4-weeks (provisional): < 30 kg → 10 mg/kg: 10 × 29.9 = 299 mg
    assert view.headline.text().startswith("Tocilizumab every 4 weeks (provisional): 299 mg")
    assert view.provisional is not None and view.provisional.isVisible()
    wizard.back()
    to_doses(wizard, "tocilizumab", "every_2_weeks")
    finish(wizard, pulse="bridging_methylprednisolone_daily")
    (dose,) = saved(database)
    assert (dose.drug, dose.amount) == ("tocilizumab", 358.8)
    (pulse,) = saved(database, "concomitant")
    # 30 mg/kg × 29.9 kg = 897 mg per pulse (rounded down, < 1000 cap), daily × 3
    assert (pulse.amount, pulse.final_amount) == (897, None)
    assert pulse.schedule == ["2026-11-02", "2026-11-03", "2026-11-04"]


def test_tocilizumab_failure_excludes_the_arm(qtbot, database, protocol):
    failed = PriorTherapyInput("tocilizumab", date(2025, 6, 1), date(2026, 9, 1),
                               "inadequate_response", date(2026, 8, 20))
    patient_id = new_patient(database, (failed,))
    wizard = screen(qtbot, database, patient_id, biologics=("tocilizumab",))
    assert wizard.prior_page.outcome_text("tocilizumab", "every_2_weeks") == "not_met"
    assert wizard.prior_page.outcome_text("tocilizumab", "every_4_weeks") == "not_met"
    notes = wizard.verdict_page.notes.text()
    assert "Arm tocilizumab, option Tocilizumab IV every 2 weeks" in notes
    assert "a prior failure of tocilizumab excludes this arm" in notes


# --------------------------------------------------------------------------- washout


def test_washout_not_met_excludes_with_the_boundary_day(qtbot, database):
    # Etanercept last dose 2026-10-15: 1 month → 2026-11-15; 4-5 half-lives (4.25 days:
    # 17-22 days) → 2026-11-01 to 2026-11-06. The longer, 1 month, applies: 2026-11-15.
    stopped = PriorTherapyInput("etanercept", date(2025, 1, 1), date(2026, 10, 20),
                                "toxicity", date(2026, 10, 15))
    patient_id = new_patient(database, (stopped,))
    wizard = screen(qtbot, database, patient_id, screening_date="2026-11-14",
                    biologics=("etanercept",))
    page = wizard.prior_page
    assert page.outcome_text("abatacept", "iv") == "not_met"
    assert ("the washout (4–5 half-lives or 1 calendar month, whichever is longer) is complete "
            "on 2026-11-15" in page.arms.text())
    assert "washout complete on 15 Nov 2026" in page.arms.text()
    assert wizard.verdict_page.verdict_label.text() == "NOT ELIGIBLE"
    assert "every arm of this plan is closed" in wizard.verdict_page.reasons.text()
    screening_id = save_screening(wizard)
    with database.session() as session:
        stored = session.scalar(select(ScreeningAnswer).where(
            ScreeningAnswer.screening_id == screening_id,
            ScreeningAnswer.criterion_id == PRIOR_ANSWER_ID))
    assert stored.answer == "no"
    # On the boundary day the washout is met.
    wizard.close()
    wizard = screen(qtbot, database, patient_id, screening_date="2026-11-15",
                    biologics=("etanercept",))
    assert wizard.prior_page.outcome_text("abatacept", "iv") == "met"
    assert wizard.verdict_page.verdict_label.text() == "ELIGIBLE"


def test_history_missing_methotrexate_is_not_yet_eligible_and_editable(qtbot, database):
    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-102", "Kim", "Ro", date(2013, 1, 5), "female"), user="nurse")
    wizard = screen_without_history(qtbot, database, patient_id)
    assert wizard.verdict_page.verdict_label.text() == "NOT YET ELIGIBLE"
    assert "No methotrexate is recorded" in wizard.verdict_page.reasons.text()
    wizard.back()  # back to the prior-therapy page: edit the history from the wizard
    assert wizard.currentPage() is wizard.prior_page
    wizard.prior_page.edit_button.click()
    dialog = wizard.prior_dialog
    for drug, start in (("methotrexate", "2025-02-01"), ("prednisone", "2025-01-10")):
        dialog.drug.setCurrentText(drug)
        dialog.start.set_iso(start)
        assert dialog.save()
    dialog.close()
    assert "methotrexate" in wizard.prior_page.history.text()
    nxt(wizard).click()
    assert wizard.verdict_page.verdict_label.text() == "ELIGIBLE"


def screen_without_history(qtbot, database, patient_id):
    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, ask=Asker(), protocol_id=PLAN)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setup_page.screening_date.set_iso("2026-11-01")
    nxt(wizard).click()
    answer(wizard, "refractory_to_gc_and_mtx", "yes", refractory_note="refractory")
    answer(wizard, "conventional_dmards_tried", "yes", dmards_tried=["methotrexate"])
    nxt(wizard).click()
    answer(wizard, "prior_biologic_exposure", "no")
    answer(wizard, "ivig", "no")
    nxt(wizard).click()
    assert "No prior therapy is recorded" in wizard.prior_page.history.text()
    nxt(wizard).click()
    return wizard


def test_prior_page_follows_the_chosen_plan(qtbot, database):
    patient_id = new_patient(database)
    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, ask=Asker(), protocol_id="persistent-skin-rash")
    qtbot.addWidget(wizard)
    wizard.show()
    assert wizard.prior_page is None
    assert not wizard.setup_page.plan_banner.isVisible()  # that plan is not provisional
    combo = wizard.setup_page.protocol
    combo.setCurrentIndex(combo.findData(PLAN))
    assert wizard.prior_page is not None and wizard.page(8) is wizard.prior_page
    assert_banner(wizard.setup_page)
    combo.setCurrentIndex(combo.findData("persistent-skin-rash"))
    assert wizard.prior_page is None and wizard.page(8) is None
    assert not wizard.setup_page.plan_banner.isVisible()
