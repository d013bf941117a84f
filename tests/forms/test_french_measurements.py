"""The weight and height checks in French (issue 21): the growth warnings (beyond ±3 SD
for age and sex, CDC 2000) and the unit hints are the domain's phrases
(app.domain.growth), shown in the interface's language on the enrollment wizard's
details page and in the arm switch dialog; the English kept with the record is unchanged.

The case: Zoé, a girl born 2020-05-04, measured 2026-11-20 (6 y 6 m old), 44 typed as kg.
44 kg is far above usual for her age; 44 lb = 44 × 0.45359237 = 19.958 kg ≈ 20 kg fits,
so "did you mean 44 lb?" is asked.
"""

from __future__ import annotations

import pytest
from test_french import TODAY, arm_switch_dialog, assert_french, enrollment_wizard_at_details

pytestmark = pytest.mark.usefixtures("system_actor")


def type_measurements(m, weight: str) -> None:
    m.weight.setText(weight)
    m.height.setText("118")
    m.measured_on.set_iso("2026-11-20")


def arm_switch(qtbot, database):
    dialog = arm_switch_dialog(qtbot, database)
    dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("B"))
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    return dialog


# Median weight for a girl of 6 y 6 m (CDC 2000): 21.6 kg; 44 kg is 4.3 modified SD above.
# BMI 44 / 1.18² = 31.6 kg/m² (median 15.3).
WEIGHT_WORDS = ("Poids 44 kg : bien au-dessus de l’habituel pour une fille de 6 a 6 m "
                "(médiane 21,6 kg\u202f; environ 4,3 É.-T. au-dessus, CDC 2000). Vérifiez la "
                "valeur et son unité.")
BMI_WORDS = "IMC 31,6 kg/m² : bien au-dessus de l’habituel pour une fille de 6 a 6 m"
HINT_WORDS = "Vouliez-vous dire 44 lb (20 kg)\u202f?"
ENGLISH = ("Weight 44 kg is far above what is usual for a girl of 6 y 6 m (median 21.6 kg; "
           "about 4.3 SD above it, CDC 2000). Check the value and its unit.")


def test_enrollment_growth_warning_and_unit_hint_in_french(qtbot, database, french):
    wizard = enrollment_wizard_at_details(qtbot, database)
    m = wizard.details_page.measurements
    type_measurements(m, "44")
    assert m.plausibility.text().split("\n") == [
        WEIGHT_WORDS, BMI_WORDS + " (médiane 15,3 kg/m²\u202f; environ 5,9 É.-T. au-dessus, CDC "
        "2000). Vérifiez la valeur et son unité.", HINT_WORDS]
    assert_french(wizard, WEIGHT_WORDS, HINT_WORDS, "J'ai vérifié ces mesures",
                  data=("JDM-002",))


def test_arm_switch_growth_warning_and_unit_hint_in_french(qtbot, database, french):
    dialog = arm_switch(qtbot, database)
    type_measurements(dialog.measurements, "44")
    qtbot.waitUntil(lambda: dialog.measurements.plausibility.isVisible())
    assert_french(dialog, WEIGHT_WORDS, BMI_WORDS, HINT_WORDS,
                  data=("JDM-001", "IVIG", "Mycophenolate mofetil"))


def test_the_same_warning_reads_and_is_kept_in_english(qtbot, database):
    """English on screen as before, and the English sentence is what the domain keeps."""
    wizard = enrollment_wizard_at_details(qtbot, database)
    m = wizard.details_page.measurements
    type_measurements(m, "44")
    lines = m.plausibility.text().split("\n")
    assert lines[0] == ENGLISH
    assert lines[2] == "Did you mean 44 lb (20 kg)?"
    _hints, warnings = wizard.flow.measurement_warnings(wizard.draft)
    assert str(warnings["weight"]) == ENGLISH


def test_enrollment_date_and_weight_age_problems_in_french(qtbot, database, french):
    """Enrollment dated 2026-11-25, after today (2026-11-21), and a weight measured on
    2026-09-01: 2026-09-01 → 2026-11-21 is 29 + 31 + 21 = 81 days, over the 30 days
    allowed (clinical rules §4; the enrollment date being refused, the page judges the
    weight's age on today)."""
    wizard = enrollment_wizard_at_details(qtbot, database)
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-25")
    page.measurements.weight.setText("20")
    page.measurements.height.setText("115")
    page.measurements.measured_on.set_iso("2026-09-01")
    assert page.measurements.messages["measured_on"].text() == (
        "Ce poids a été mesuré il y a 81 jours (le 01 sept. 2026)\u202f; un poids de plus de 30 "
        "jours doit être mesuré de nouveau avant de calculer une dose. Saisir une nouvelle "
        "mesure.")
    # the date field says the enrollment date's problem itself (the domain's sentence
    # would repeat it), its limit named and dated in French
    assert_french(wizard, "25 nov. 2026 est après la date la plus récente permise ici, "
                  "21 nov. 2026 (aujourd'hui).", data=("JDM-002",))


@pytest.mark.parametrize(("english", "french_words"), [
    ("The enrollment date 2026-11-25 is in the future.",
     "La date d'inscription 25 nov. 2026 est dans le futur."),
    ("The enrollment date cannot be before the screening date 2026-11-01.",
     "La date d'inscription ne peut précéder la date de l'évaluation 01 nov. 2026."),
    ("The switch date cannot be before the current arm started (2026-11-02).",
     "La date du changement ne peut précéder le début du bras actuel (02 nov. 2026)."),
    ("The weight is dated 25 Nov 2026, which is after today (21 Nov 2026). Check the date or "
     "re-measure before dosing. Enter a new measurement.",
     "Le poids est daté du 25 nov. 2026, après aujourd'hui (21 nov. 2026). Vérifier la date "
     "ou mesurer de nouveau avant de calculer une dose. Saisir une nouvelle mesure."),
])
def test_the_domain_date_problems_read_in_french(english, french_words, french):
    from app.forms.terms import date_check_words

    assert date_check_words(english) == french_words


def test_the_domain_writes_those_sentences():
    """The sentences above are the domain's own (a reworded one would fail here)."""
    from datetime import date

    from app.catalog import protocol_catalog
    from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
    from app.domain.measurements import measurement_problems

    plan = protocol_catalog().protocols["persistent-skin-rash"]
    flow = EnrollmentFlow(plan, {}, TODAY, date(2026, 11, 1))
    future = EnrollmentDraft(1, 1, plan.id, enrollment_date="2026-11-25", weight="20",
                             height="115", measured_on="2026-11-20")
    early = EnrollmentDraft(1, 1, plan.id, enrollment_date="2026-10-30", weight="20",
                            height="115", measured_on="2026-10-30")
    assert flow.details_problems(future)["enrollment_date"] == (
        "The enrollment date 2026-11-25 is in the future.")
    assert flow.details_problems(early)["enrollment_date"] == (
        "The enrollment date cannot be before the screening date 2026-11-01.")
    assert measurement_problems("20", "kg", "115", "cm", "2026-11-25", TODAY, False)[
        "measured_on"] == ("The weight is dated 25 Nov 2026, which is after today (21 Nov "
                           "2026). Check the date or re-measure before dosing. Enter a new "
                           "measurement.")


def test_the_growth_words_have_a_context_of_their_own(french):
    """"Weight", "a boy", "%1 y %2 m" are the growth check's words, not the dose
    derivation's: listed and translated in the context "Growth", shown through the same
    phrase_words."""
    from PySide6.QtCore import QCoreApplication

    from app.domain import growth
    from app.forms import terms

    assert set(growth.SENTENCES) == set(terms.LISTED[terms.GROWTH])
    assert not set(growth.SENTENCES) & set(terms.LISTED[terms.DOSE_DERIVATION])
    assert QCoreApplication.translate("Growth", "%1 y %2 m") == "%1 a %2 m"
    assert QCoreApplication.translate("Dose derivation", "%1 y %2 m") == "%1 y %2 m"
    hint = growth.phrase(growth.MEANT_UNIT, "44", "lb")
    assert terms.phrase_words(hint) == "Vouliez-vous dire 44 lb\u202f?"
