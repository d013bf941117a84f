"""The enrollment's arm page in French (issue 21): each arm's summary, its options, its rules
(may continue, monitoring, an exception, a caution) from the plan-text catalogue, and the
prior-therapy rules' reasons on the enrollment date, read with the plan files' texts; the
plan's English stays on demand (tooltips). The French is not checked by a clinician."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from test_biologic_wizards import enroll_wizard, new_patient, save_screening, screen
from test_french import (
    JOURNALS,
    WORD,
    assert_french,
    english_only_words,
    enrollment_wizard_at_details,
    fill_details,
    shoot,
)

from app.catalog import protocol_catalog
from app.db.prior_therapies import PriorTherapyInput
from app.domain import enrollment_sentences
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.prior_therapy import PriorTherapyRecord
from app.domain.treatment_course_record import ARM_CHOICE_REASONS
from app.forms import terms
from app.forms.enrollment.check_words import check_words
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
            *(h.source for h in protocol.half_lives), *cited_sources(protocol),
            *(reason.source for reason in ARM_CHOICE_REASONS))


def cited_sources(protocol) -> tuple[str, ...]:
    """The rules' and half-lives' sources a prior-therapy reason quotes as published."""
    return tuple(h.source for h in protocol.half_lives)


@pytest.fixture
def english_after(qapp):
    """The interface back in English after the test, whatever it switched to."""
    yield
    INTERFACE.switch("en")


def wizard_on_arm_page(qtbot, database, protocol, language):
    """The enrollment wizard of a patient with HISTORY, screened (in English) for the
    refractory-biologic plan on 2026-11-01, then opened in ``language`` and taken to its
    arm page (enrolled 2026-11-02, 35 kg, 140 cm)."""
    patient_id = new_patient(database, HISTORY)
    screening_id = save_screening(screen(qtbot, database, patient_id,
                                         biologics=("infliximab", "rituximab")))
    INTERFACE.switch(language)
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


def test_the_arm_page_of_the_biologic_plan_reads_in_french(qtbot, database, protocol,
                                                           english_after):
    wizard = wizard_on_arm_page(qtbot, database, protocol, "fr")
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


def test_in_english_the_arm_page_says_the_enrollment_date(qtbot, database, protocol):
    """The English reasons are the domain's, with the enrollment date in place of the
    screening date (the rules judge the enrollment date here)."""
    wizard = wizard_on_arm_page(qtbot, database, protocol, "en")
    tnf = wizard.arm_page.prior_labels["tnf"].text()
    assert ("infliximab: last dose 2026-10-20; the washout (4–5 half-lives or 1 calendar "
            "month, whichever is longer) is complete on 2026-12-07, after the enrollment date "
            "2026-11-02.") in tnf
    combo = wizard.arm_page.option_combos["tnf"]
    adalimumab = protocol.arm("tnf").option("adalimumab")
    assert combo.itemText(combo.findData("adalimumab")).startswith(adalimumab.label)


def test_the_arm_page_says_its_problems_in_french(qtbot, database, protocol, english_after):
    """The arm page's own problems in French (issue 21): the option still to choose, the
    prior-therapy rules not met on the enrollment date (the boundary date said too) or
    not checkable, and the reasons ticked for the choice; the command line and a refused
    save keep the English (tests/domain/test_enrollment_sentences.py)."""
    wizard = wizard_on_arm_page(qtbot, database, protocol, "fr")
    page = wizard.arm_page
    page.choose("tnf")  # the TNF arm offers no default option
    assert page.option_message.text().startswith(
        "Choisir l'option du bras tnf : Adalimumab SC toutes les deux semaines")
    assert_french(wizard, "Choisir l'option du bras tnf :", data=cited(protocol),
                  plan_texts=True)
    combo = page.option_combos["tnf"]
    combo.setCurrentIndex(combo.findData("adalimumab"))
    # infliximab's last dose 2026-10-20: its washout is complete on 2026-12-07
    said = page.message.text()
    assert said.startswith("Non permis à la date d'inscription, le 02 nov. 2026 (date "
                           "limite : 07 déc. 2026), par les règles sur les traitements "
                           "antérieurs : infliximab : dernière dose le 20 oct. 2026")
    assert "évaluation" not in said
    assert_french(wizard, "après la date d'inscription, le 02 nov. 2026.", data=cited(protocol),
                  plan_texts=True)
    shoot(wizard, "enrollment-arm-not-allowed")

    page.choose("rituximab")  # closed by the same washout; its B-cell result unrecorded
    assert page.message.text().startswith("Non permis à la date d'inscription")
    assert_french(wizard, "mais la présence de lymphocytes B détectables n'est pas consignée",
                  data=cited(protocol), plan_texts=True)

    page.choice.other.setChecked(True)
    assert page.choice.message.text() == "Préciser l'autre motif."
    page.choice.other.setChecked(False)
    page.choice.other_text.setText("famille")
    assert page.choice.message.text() == ("Un texte a été saisi pour un autre motif, mais "
                                          "« Autre » n'est pas coché.")
    assert_french(wizard, "« Autre »", data=(*cited(protocol), "famille"), plan_texts=True)


def test_the_first_dose_date_is_refused_in_french(qtbot, database, english_after):
    """The doses page's first-dose date before the enrollment date, said in French."""
    INTERFACE.switch("fr")
    wizard = enrollment_wizard_at_details(qtbot, database)
    fill_details(wizard)
    wizard.next()
    wizard.arm_page.choose("A")
    wizard.next()
    doses = wizard.doses_page
    assert wizard.currentPage() is doses
    doses.start_date.set_iso("2026-11-01")
    assert doses.start_message.text() == "La première dose ne peut précéder la date d'inscription."
    assert_french(wizard, "La première dose ne peut précéder la date d'inscription.",
                  data=(wizard.protocol.title, wizard.protocol.named_version, "JDM-002"))
    # a save refused for the same reason says it in French too (the entries kept)
    wizard.accept()
    assert wizard.summary_page.save_message.text() == (
        "Non inscrit : La première dose ne peut précéder la date d'inscription.")
    assert wizard.enrollment_id is None


# Histories that leave the prior-therapy rules met, unknown or not met on 2026-11-02
DOMAIN_HISTORIES = (
    (),
    (PriorTherapyRecord("prednisone", date(2025, 1, 1)),
     PriorTherapyRecord("methotrexate", date(2025, 1, 1))),
    (PriorTherapyRecord("prednisone", date(2025, 1, 1)),
     PriorTherapyRecord("methotrexate", date(2025, 1, 1)),
     PriorTherapyRecord("abatacept", date(2026, 9, 5))),
    tuple(PriorTherapyRecord(h.drug, h.start_date, h.stop_date, h.reason_stopped,
                             h.last_dose_date)
          for h in HISTORY),
)
FACTS = ({}, {"ivig": "unknown"},
         {"ivig": "yes", "ivig_use": "current", "ivig_for_skin_disease": "yes"},
         {"ivig": "yes", "ivig_use": "previous", "ivig_for_skin_disease": "yes"})


def test_every_arm_problem_of_the_shipped_plans_reads_in_french(english_after):
    """Each arm problem the shipped plans give (an arm, an option or an exception to
    choose, the prior-therapy rules not met or to check on the enrollment date, a closed
    arm, the choice's reasons), said in French: no English word of the .ts left, only the
    sources the rules cite as published."""
    english = english_only_words()
    said: dict[str, str] = {}
    for protocol in protocol_catalog().protocols.values():
        for history, facts in itertools.product(DOMAIN_HISTORIES, FACTS):
            flow = EnrollmentFlow(protocol, facts, date(2026, 11, 21), date(2026, 11, 1),
                                  history)
            for arm in [*protocol.arms, None]:
                for option, exception, codes in itertools.product(
                        ("", *(arm.option_ids if arm else ())), (False, True),
                        ([], ["other"], ["other", "x"])):
                    draft = EnrollmentDraft(
                        1, 1, protocol.id, enrollment_date="2026-11-02", weight="35",
                        height="140", measured_on="2026-11-02", arm_id=arm.id if arm else "",
                        arm_option=option, consider_exception=exception,
                        choice_reasons=list(codes))
                    INTERFACE.switch("en")
                    problems = flow.arm_problems(draft)
                    INTERFACE.switch("fr")
                    for key, problem in problems.items():
                        words = check_words(problem)
                        for source in (*cited_sources(protocol), *JOURNALS):
                            words = words.replace(source, " ")
                        said[f"{protocol.id} {key}: {problem}"] = words
    left = {english_text: french for english_text, french in said.items()
            if {w.lower() for w in WORD.findall(french)} & english}
    assert not left, "English left:\n" + "\n".join(f"{e}\n  -> {f}" for e, f in left.items())
    templates = {getattr(p.phrase, "template", "") for p in (
        EnrollmentFlow(protocol_catalog().protocols["refractory-biologic"], {},
                       date(2026, 11, 21), date(2026, 11, 1), ()).arm_problems(EnrollmentDraft(
                           1, 1, "refractory-biologic", enrollment_date="2026-11-05",
                           weight="40", height="150", measured_on="2026-11-05",
                           arm_id="abatacept", arm_option="iv")).values())}
    assert templates == {enrollment_sentences.PRIOR_UNKNOWN}
    assert len(said) >= 20  # the distinct English problems
    assert any(f.startswith("Certaines règles sur les traitements antérieurs ne peuvent être "
                            "vérifiées : ") for f in said.values())
    assert any(f.startswith("Le bras A n'est pas offert : ") and "Cocher l'exception" in f
               for f in said.values())
