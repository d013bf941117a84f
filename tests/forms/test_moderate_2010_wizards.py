"""Screen and enroll a new moderately severe JDM patient on each 2010 plan (MP, MMP,
MMPI — stored by composition) through the wizards; every drug of the plan is enrolled.

Doses worked out by hand from clinical-rules §1.3 (provisional): methotrexate the lesser
of 15 mg/m² and 1 mg/kg weekly (max 40 mg), prednisone 2 mg/kg/day (max 60 mg), IV
methylprednisolone 30 mg/kg (max 1000 mg), IVIG 2 g/kg (max 70 g). BSA by Mosteller.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db.models import Prescription
from app.db.patients import PatientInput, create_patient
from app.db.screenings import get_screening
from app.domain.enrollment import EnrollmentDraft
from app.forms.enrollment.wizard import EnrollmentWizard
from app.forms.screening_wizard import ScreeningWizard

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
PLAN = "moderate-jdm-2010"
BANNER_WORDS = "provisional — verify against the published plan"


class Asker:
    def __call__(self, *_args):
        return "Discard"


@pytest.fixture
def protocol():
    return protocol_catalog().protocols[PLAN]


def nxt(wizard):
    return wizard.button(QWizard.NextButton)


def assert_banner(page):
    assert BANNER_WORDS in page.plan_banner.text()
    assert page.plan_banner.isVisible()


def screen_and_enroll_to_doses(qtbot, database, protocol, arm, weight, height):
    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-201", "Ana", "Silva", date(2017, 2, 3), "female"), user="nurse")
    screening = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                                today=TODAY, ask=Asker(), protocol_id=PLAN)
    qtbot.addWidget(screening)
    screening.show()
    screening.setup_page.screening_date.set_iso("2026-11-01")
    assert_banner(screening.setup_page)
    nxt(screening).click()
    assert_banner(screening.currentPage())
    box = screening.criterion_box("new_moderately_severe_jdm")
    box.set_answer("yes")
    box.inputs["diagnosed_on"].set_value("2026-10-20")
    box.inputs["severity_note"].set_value("Weakness, CMAS 30, dysphagia absent")
    nxt(screening).click()  # → exclusions (carried over from the later plans, provisional)
    for criterion_id in ("significant_organ_involvement", "ulcerative_skin_disease"):
        screening.criterion_box(criterion_id).set_answer("no")
    nxt(screening).click()
    assert screening.currentPage() is screening.verdict_page  # no prior-therapy rules
    assert screening.prior_page is None
    assert_banner(screening.verdict_page)
    assert screening.verdict_page.verdict_label.text() == "ELIGIBLE"
    screening.verdict_page.confirm.setChecked(True)
    screening.button(QWizard.FinishButton).click()
    screening_id = screening.saved_screening_id
    assert screening_id is not None

    with database.session() as session:
        record = get_screening(session, screening_id)
    wizard = EnrollmentWizard(database, protocol,
                              EnrollmentDraft(patient_id, screening_id, PLAN), record.facts,
                              record.summary.screening_date, "dr.ito", today=TODAY,
                              ask=Asker())
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.details_page
    assert_banner(page)
    page.enrollment_date.set_iso("2026-11-02")
    page.measurements.weight.setText(weight)
    page.measurements.height.setText(height)
    page.measurements.measured_on.set_iso("2026-11-02")
    nxt(wizard).click()
    assert_banner(wizard.arm_page)
    assert not wizard.arm_page.option_combos  # plans have no options
    wizard.arm_page.choose(arm)
    assert nxt(wizard).isEnabled()
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.doses_page
    assert_banner(wizard.doses_page)
    for view in wizard.doses_page.views.values():  # every dose rule is provisional
        assert view.provisional is not None and view.provisional.isVisible()
    return wizard


@pytest.mark.parametrize(
    ("criterion_id", "details", "reason"),
    [
        ("significant_organ_involvement", {"organ_involvement": ["parenchymal_lung_disease"]},
         "Exclusion present (Should not have 1): Significant organ involvement"),
        ("ulcerative_skin_disease", {}, "Exclusion present (Should not have 2): Ulcerative skin"),
    ],
)
def test_2010_plan_screens_out_organ_involvement_and_ulceration(
    qtbot, database, criterion_id, details, reason
):
    # Issue 18 correction 6: the 2010 plan screened nobody out; the organ-involvement and
    # ulceration exclusions of the later plans are carried over, provisional, with the reason.
    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-202", "Ana", "Silva", date(2017, 2, 3), "female"), user="nurse")
    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, ask=Asker(), protocol_id=PLAN)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.setup_page.screening_date.set_iso("2026-11-01")
    nxt(wizard).click()
    box = wizard.criterion_box("new_moderately_severe_jdm")
    box.set_answer("yes")
    box.inputs["diagnosed_on"].set_value("2026-10-20")
    box.inputs["severity_note"].set_value("Weakness")
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.criteria_pages["exclusion"]
    assert_banner(wizard.currentPage())
    for other in ("significant_organ_involvement", "ulcerative_skin_disease"):
        excl = wizard.criterion_box(other)
        assert excl.caution is not None and excl.caution.isVisible()
        assert "Provisional exclusion: not known to be in the 2010 plan" in excl.caution.text()
        assert "different treatment" in excl.caution.text()
        excl.set_answer("yes" if other == criterion_id else "no")
    for field_id, value in details.items():
        wizard.criterion_box(criterion_id).inputs[field_id].set_value(value)
    nxt(wizard).click()
    assert wizard.currentPage() is wizard.verdict_page
    assert wizard.verdict_page.verdict_label.text() == "NOT ELIGIBLE"
    assert reason in wizard.verdict_page.reasons.text()


def headline(wizard, drug):
    return wizard.doses_page.views[drug].headline.text()


def finish(wizard):
    nxt(wizard).click()
    page = wizard.concomitant_page
    assert_banner(page)
    assert not page.steroid.isEnabled()  # prednisone is a plan drug here, dosed above
    assert "methotrexate" not in page.continuing  # a plan drug, not "continued"
    nxt(wizard).click()
    assert_banner(wizard.summary_page)
    assert "PROVISIONAL — verify against the published plan" in \
        wizard.summary_page.summary.text()
    wizard.button(QWizard.FinishButton).click()
    assert wizard.enrollment_id is not None


def saved(database):
    with database.session() as session:
        return {p.drug: (p.amount, p.unit, p.per, p.capped, p.schedule) for p in session.scalars(
            select(Prescription).where(Prescription.role == "arm"))}


def test_mp_35_kg_140_cm(qtbot, database, protocol):
    wizard = screen_and_enroll_to_doses(qtbot, database, protocol, "mp", "35", "140")
    assert set(wizard.doses_page.views) == {"methotrexate", "prednisone"}
    # BSA √(140 × 35 / 3600) = √1.3611 = 1.16667 m²; 15 × 1.16667 = 17.5 mg vs
    # 1 × 35 = 35 mg → the lesser, 17.5 mg weekly (< 40 mg cap).
    assert headline(wizard, "methotrexate").startswith("Methotrexate: 17.5 mg once weekly")
    # 2 mg/kg/day × 35 kg = 70 mg/day → capped at 60 mg/day.
    assert headline(wizard, "prednisone").startswith("Prednisone: 60 mg/day daily")
    finish(wizard)
    doses = saved(database)
    assert doses["methotrexate"][:4] == (17.5, "mg", "dose", False)
    assert doses["prednisone"][:4] == (60, "mg", "day", True)
    # weekly from 2026-11-02
    assert doses["methotrexate"][4][:3] == ["2026-11-02", "2026-11-09", "2026-11-16"]


def test_mmp_20_kg_115_cm(qtbot, database, protocol):
    wizard = screen_and_enroll_to_doses(qtbot, database, protocol, "mmp", "20", "115")
    assert set(wizard.doses_page.views) == {"methylprednisolone", "methotrexate", "prednisone"}
    # 30 mg/kg × 20 kg = 600 mg per pulse (< 1000 mg cap)
    assert headline(wizard, "methylprednisolone").startswith("IV methylprednisolone: 600 mg")
    # BSA √(115 × 20 / 3600) = √0.63889 = 0.79931 m²; 15 × 0.79931 = 11.99 → 12 mg vs
    # 1 × 20 = 20 mg → 12 mg.
    assert headline(wizard, "methotrexate").startswith("Methotrexate: 12 mg once weekly")
    # 2 × 20 = 40 mg/day
    assert headline(wizard, "prednisone").startswith("Prednisone: 40 mg/day")
    finish(wizard)
    doses = saved(database)
    assert doses["methylprednisolone"][:4] == (600, "mg", "dose", False)
    # daily × 3 from 2026-11-02, then weekly from the third: 11-02, 11-03, 11-04, 11-11
    assert doses["methylprednisolone"][4][:4] == ["2026-11-02", "2026-11-03", "2026-11-04",
                                                  "2026-11-11"]
    assert doses["methotrexate"][0] == 12 and doses["prednisone"][0] == 40


def test_mmpi_40_kg_150_cm_all_caps(qtbot, database, protocol):
    wizard = screen_and_enroll_to_doses(qtbot, database, protocol, "mmpi", "40", "150")
    assert set(wizard.doses_page.views) == {"methylprednisolone", "methotrexate",
                                            "prednisone", "ivig"}
    # 30 × 40 = 1200 mg → capped at 1000 mg
    assert headline(wizard, "methylprednisolone").startswith("IV methylprednisolone: 1000 mg")
    # BSA √(150 × 40 / 3600) = √1.66667 = 1.29099 m²; 15 × 1.29099 = 19.36 → 19.4 mg vs
    # 40 mg → 19.4 mg.
    assert headline(wizard, "methotrexate").startswith("Methotrexate: 19.4 mg")
    # 2 × 40 = 80 mg/day → 60 mg/day; IVIG 2 g/kg × 40 = 80 g → 70 g
    assert headline(wizard, "prednisone").startswith("Prednisone: 60 mg/day")
    assert headline(wizard, "ivig").startswith("IVIG: 70 g")
    view = wizard.doses_page.views["ivig"]
    view.final.setText("70.1")  # above the 70 g maximum: refused
    assert not nxt(wizard).isEnabled()
    assert "70" in view.message.text()
    view.final.setText("")
    finish(wizard)
    doses = saved(database)
    assert {d: v[0] for d, v in doses.items()} == {
        "methylprednisolone": 1000, "methotrexate": 19.4, "prednisone": 60, "ivig": 70}
    # IVIG every 2 weeks × 3 then monthly: 11-02, 11-16, 11-30, 12-30
    assert doses["ivig"][4][:4] == ["2026-11-02", "2026-11-16", "2026-11-30", "2026-12-30"]
