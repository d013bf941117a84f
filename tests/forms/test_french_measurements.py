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
from test_french import TODAY, assert_french

from app.forms.language import INTERFACE
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def french(qapp):
    INTERFACE.switch("fr")
    yield
    INTERFACE.switch("en")


def type_measurements(m, weight: str) -> None:
    m.weight.setText(weight)
    m.height.setText("118")
    m.measured_on.set_iso("2026-11-20")


def enrollment_details(qtbot, database):
    from workstation_windows import clinic

    ids = clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    wizard = window.make_enrollment_wizard(ids["screened"], "JDM-002")
    wizard.resize(1366, 728)
    wizard.show()
    while wizard.currentPage() is not wizard.details_page:
        wizard.next()
    return wizard


def arm_switch(qtbot, database):
    from workstation_windows import clinic

    ids = clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    dialog = window.make_arm_switch_dialog(ids["enrolled"], "JDM-001")
    qtbot.addWidget(dialog)
    dialog.resize(1366, 728)
    dialog.show()
    dialog.to_arm.setCurrentIndex(dialog.to_arm.findData("B"))
    dialog.reason.setCurrentIndex(dialog.reason.findData("toxicity"))
    return dialog


# Median weight for a girl of 6 y 6 m (CDC 2000): 21.6 kg; 44 kg is 4.3 modified SD above.
# BMI 44 / 1.18² = 31.6 kg/m² (median 15.3).
WEIGHT_WORDS = ("Poids 44 kg : bien au-dessus de l’habituel pour une fille de 6 a 6 m "
                "(médiane 21.6 kg; environ 4.3 É.-T. au-dessus, CDC 2000). Vérifiez la "
                "valeur et son unité.")
BMI_WORDS = "IMC 31.6 kg/m² : bien au-dessus de l’habituel pour une fille de 6 a 6 m"
HINT_WORDS = "Vouliez-vous dire 44 lb (20 kg)?"
ENGLISH = ("Weight 44 kg is far above what is usual for a girl of 6 y 6 m (median 21.6 kg; "
           "about 4.3 SD above it, CDC 2000). Check the value and its unit.")


def test_enrollment_growth_warning_and_unit_hint_in_french(qtbot, database, french):
    wizard = enrollment_details(qtbot, database)
    m = wizard.details_page.measurements
    type_measurements(m, "44")
    assert m.plausibility.text().split("\n") == [
        WEIGHT_WORDS, BMI_WORDS + " (médiane 15.3 kg/m²; environ 5.9 É.-T. au-dessus, CDC "
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
    wizard = enrollment_details(qtbot, database)
    m = wizard.details_page.measurements
    type_measurements(m, "44")
    lines = m.plausibility.text().split("\n")
    assert lines[0] == ENGLISH
    assert lines[2] == "Did you mean 44 lb (20 kg)?"
    _hints, warnings = wizard.flow.measurement_warnings(wizard.draft)
    assert str(warnings["weight"]) == ENGLISH
