"""What the screening recorded as current is carried forward (issue 20.11): the
concomitant page ticks "continue" and says it, the prior-therapy history offers it."""

from __future__ import annotations

from datetime import date

import pytest
from workstation_windows import TODAY, clinic

from app.domain.screened_therapies import ScreenedTherapy
from app.forms.main_window import MainWindow
from app.forms.prior_therapy_dialog import PriorTherapyDialog

pytestmark = pytest.mark.usefixtures("system_actor")


def test_concomitant_page_carries_current_methotrexate_and_steroids(qtbot, database):
    ids = clinic(database)
    window = MainWindow(database, user="nurse", today=TODAY)
    qtbot.addWidget(window)
    wizard = window.make_enrollment_wizard(ids["screened"], "JDM-002")
    wizard.ask = lambda *_args: "Discard"
    qtbot.addWidget(wizard)
    wizard.show()
    facts = wizard.flow.facts
    assert facts["methotrexate_use"] == "current" and facts["corticosteroid_use"] == "current"
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-21")
    page.measurements.weight.setText("20")
    page.measurements.height.setText("115")
    page.measurements.measured_on.set_iso("2026-11-21")
    wizard.next()
    wizard.arm_page.choose("A")  # IVIG: methotrexate is not one of the arm's drugs
    wizard.next()
    wizard.next()
    c = wizard.concomitant_page
    assert wizard.currentPage() is c
    mtx = c.continuing["methotrexate"]
    assert mtx.isChecked()  # current at screening: continued unless unticked
    text = c.from_screening.text()
    assert "corticosteroids since" in text and "enter today's daily dose above" in text
    assert "methotrexate" in text
    mtx.setChecked(False)  # the clinician's choice stands when the page is seen again
    wizard.back()
    wizard.next()
    assert not c.continuing["methotrexate"].isChecked()


def test_prior_therapy_history_offers_what_the_screening_recorded(qtbot, database):
    ids = clinic(database)
    therapies = [ScreenedTherapy("methotrexate", True, date(2025, 3, 1)),
                 ScreenedTherapy("prednisone", False, date(2024, 6, 1))]
    dialog = PriorTherapyDialog(database, ids["screened"], "nurse", (), TODAY, "JDM-002",
                                from_screening=therapies)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.screening_buttons["methotrexate"]
    assert button.isVisible() and "01 Mar 2025" in button.text()
    button.click()
    assert dialog.drug.currentText() == "methotrexate"
    assert dialog.start.value() == date(2025, 3, 1)
    assert dialog.save()  # ongoing: no stop date
    # Saved: no longer offered; the steroid course still is.
    assert not dialog.screening_buttons["methotrexate"].isVisible()
    assert dialog.screening_buttons["prednisone"].isVisible()
    assert [r.drug for r in dialog.rows] == ["methotrexate"]
