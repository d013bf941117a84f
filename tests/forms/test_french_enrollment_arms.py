"""The enrollment's arm page in French (issue 21): each arm's summary, its options, its rules
(may continue, monitoring, an exception, a caution) from the plan-text catalogue, and the
prior-therapy rules' reasons on the enrollment date, read with the plan files' texts; the
plan's English stays on demand (tooltips). The French is not checked by a clinician."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_biologic_wizards import enroll_wizard, new_patient, save_screening, screen
from test_french import assert_french, shoot

from app.catalog import protocol_catalog
from app.db.prior_therapies import PriorTherapyInput
from app.domain.treatment_course_record import ARM_CHOICE_REASONS
from app.forms import terms
from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor")

# An infliximab failed a month before the enrollment date (the TNF arm only with
# adalimumab, after its washout) and rituximab stopped for toxicity without a B-cell result.
HISTORY = (
    PriorTherapyInput("infliximab", date(2025, 3, 1), date(2026, 10, 20), "inadequate_response",
                      date(2026, 10, 20)),
    PriorTherapyInput("rituximab", date(2025, 1, 10), date(2025, 7, 1), "toxicity",
                      date(2025, 6, 20)),
)


@pytest.fixture
def protocol():
    return protocol_catalog().protocols["refractory-biologic"]


def cited(protocol) -> tuple[str, ...]:
    """What the page shows as the plan file writes it: the plan's title and version, its
    drugs' half-life sources and the arm-choice reasons' sources (citations, as
    published)."""
    return (protocol.title, protocol.named_version, "JDM-101",
            *(h.source for h in protocol.half_lives),
            *(reason.source for reason in ARM_CHOICE_REASONS))


def arm_page_in_french(qtbot, database, protocol):
    patient_id = new_patient(database, HISTORY)
    screening = screen(qtbot, database, patient_id, biologics=("infliximab", "rituximab"))
    screening_id = save_screening(screening)
    INTERFACE.switch("fr")
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    wizard.resize(1366, 768)
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-02")
    page.measurements.weight.setText("35")
    page.measurements.height.setText("140")
    page.measurements.measured_on.set_iso("2026-11-02")
    wizard.next()
    assert wizard.currentPage() is wizard.arm_page
    return wizard


def test_the_arm_page_of_the_biologic_plan_reads_in_french(qtbot, database, protocol):
    try:
        wizard = arm_page_in_french(qtbot, database, protocol)
        page = wizard.arm_page
        assert_french(wizard, "Ajouter un inhibiteur du TNF-α : adalimumab SC toutes les deux "
                      "semaines, ou infliximab IV.",
                      "Les IgIV peuvent être poursuivies au début de l'agent biologique.",
                      data=cited(protocol), plan_texts=True)
        shoot(wizard, "enrollment-arm-biologics")
        # the prior-therapy rules judge the enrollment date, and say so in French
        tnf = page.prior_labels["tnf"].text()
        assert "date d'inscription" in tnf and "évaluation" not in tnf
        assert "infliximab : dernière dose le 20 oct. 2026" in tnf
        rituximab = page.prior_labels["rituximab"].text()
        assert ("mais la présence de lymphocytes B détectables n'est pas consignée"
                in rituximab)
        # each option in French, its tooltip the plan's English
        combo = page.option_combos["tnf"]
        labels = {o.id: o.label for o in protocol.arm("tnf").options}
        index = combo.findData("adalimumab")
        assert combo.itemText(index).startswith("Adalimumab SC toutes les deux semaines")
        assert combo.itemData(index, Qt.ToolTipRole) == labels["adalimumab"]
        assert combo.property(terms.PLAN_ENGLISH_PROPERTY)
        # the summary's English on demand
        summaries = [label for label in page.findChildren(QLabel)
                     if label.toolTip() == protocol.arm("tnf").summary]
        assert summaries and summaries[0].text().startswith("Ajouter un inhibiteur du TNF-α")
    finally:
        INTERFACE.switch("en")


def test_in_english_the_arm_page_says_the_enrollment_date(qtbot, database, protocol):
    """The English reasons are the domain's, with the enrollment date in place of the
    screening date (the rules judge the enrollment date here)."""
    patient_id = new_patient(database, HISTORY)
    screening_id = save_screening(screen(qtbot, database, patient_id,
                                         biologics=("infliximab", "rituximab")))
    wizard = enroll_wizard(qtbot, database, protocol, patient_id, screening_id)
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-02")
    page.measurements.weight.setText("35")
    page.measurements.height.setText("140")
    page.measurements.measured_on.set_iso("2026-11-02")
    wizard.next()
    tnf = wizard.arm_page.prior_labels["tnf"].text()
    assert ("infliximab: last dose 2026-10-20; the washout (4–5 half-lives or 1 calendar "
            "month, whichever is longer) is complete on 2026-12-07, after the enrollment date "
            "2026-11-02.") in tnf
    combo = wizard.arm_page.option_combos["tnf"]
    adalimumab = protocol.arm("tnf").option("adalimumab")
    assert combo.itemText(combo.findData("adalimumab")).startswith(adalimumab.label)
