"""The screening wizard of each shipped plan walked in French with the plan files' own texts
read too (issue 21): the criteria, their help and cautions, their detail fields and
choices, the field messages, timing lines and consistency findings, the notice, the
prior-therapy page (the history and each rule's reasons) and the verdict's reasons. The
French of the criteria is not checked by a clinician: each criteria page says so and gives
each criterion's English in its tooltip."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QLabel
from test_french import assert_french, shoot

from app.catalog import protocol_catalog
from app.db.patients import PatientInput, create_patient
from app.db.prior_therapies import PriorTherapyInput, add_prior_therapy
from app.domain.protocol import FieldType
from app.domain.source_words import source_in_words
from app.forms import terms
from app.forms.language import INTERFACE
from app.forms.screening_pages import CriteriaPage
from app.forms.screening_wizard import ScreeningWizard

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)
SHIPPED = ("persistent-skin-rash", "moderate-jdm-2010", "refractory-biologic")
NOT_CHECKED = ("Traduction des critères non vérifiée par un clinicien ; le texte anglais "
               "du plan fait foi")


# A history that makes the refractory-biologic plan's rules say most of what they can: a
# TNF inhibitor failed a month ago (washout not over, its half-life alternative; the TNF arm
# only with the other agent), rituximab stopped for toxicity without a B-cell result, an
# abatacept just started, a drug the plan does not know; no glucocorticoid or methotrexate
# recorded (the plan-wide rules cannot be checked).
HISTORY = (
    PriorTherapyInput("infliximab", date(2025, 3, 1), date(2026, 10, 20), "inadequate_response",
                      date(2026, 10, 20)),
    PriorTherapyInput("rituximab", date(2025, 1, 10), date(2025, 7, 1), "toxicity",
                      date(2025, 6, 20)),
    PriorTherapyInput("abatacept", date(2026, 11, 2)),
    PriorTherapyInput("tofacitinib", date(2024, 5, 1), date(2024, 12, 1), "other",
                      date(2024, 12, 1)),
)


def open_wizard(qtbot, database, protocol_id: str, history=()) -> ScreeningWizard:
    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-001", "Zoé", "Tremblay", date(2016, 5, 4), "female"), user="nurse")
        for therapy in history:
            add_prior_therapy(session, patient_id, therapy, user="nurse", today=TODAY)
    wizard = ScreeningWizard(database, patient_id, "dr.ito", protocol_catalog().protocols,
                             today=TODAY, patient_text="JDM-001",
                             ask=lambda *_a: "Discard", protocol_id=protocol_id)
    qtbot.addWidget(wizard)
    wizard.resize(1366, 768)
    wizard.show()
    return wizard


def answer_everything(page: CriteriaPage) -> None:
    """Yes to each criterion, and each detail given so that every field, timing rule and
    consistency finding of the plan shows: a recent date (a 3-month rule not met), every
    choice of a list, the last choice of one (improving skin, active myositis on MRI:
    contradictions), 40 for a number (a CMAS below 48 judged normal: a query)."""
    for box in page.boxes.values():
        box.set_answer("yes")
        for spec in box.criterion.details:
            field = box.inputs[spec.id]
            if spec.type is FieldType.DATE:
                field.set_value("2026-10-01")
            elif spec.type is FieldType.BOOL:
                field.set_value(True)
            elif spec.type is FieldType.CHOICE:
                values = [c.value for c in spec.choices]
                field.set_value(values if spec.multiple else values[-1])
            elif spec.type is FieldType.NUMBER:
                field.set_value("40")


def fill_what_is_required(page: CriteriaPage) -> None:
    for box in page.boxes.values():
        for field_id, message in box.messages.items():
            if message.isVisibleTo(page) and message.text():
                box.inputs[field_id].set_value("Texte saisi")


def cited(protocol_id: str) -> tuple[str, ...]:
    """What the wizard shows as the plan file writes it: the plans' titles and versions,
    the sources of its provisional criteria and of its drugs' half-lives (citations)."""
    plans = protocol_catalog().protocols
    return (*(value for p in plans.values() for value in (p.title, str(p.version))),
            *sorted((source_in_words(c.source) for c in plans[protocol_id].criteria),
                    key=len, reverse=True),
            *(h.source for h in plans[protocol_id].half_lives))


@pytest.mark.parametrize("protocol_id", SHIPPED)
def test_the_screening_of_each_shipped_plan_reads_in_french(qtbot, database, french,
                                                             protocol_id):
    wizard = open_wizard(qtbot, database, protocol_id, HISTORY)
    data = cited(protocol_id)
    assert_french(wizard, "ne remplacent pas le jugement clinique", data=data,
                  plan_texts=True)
    wizard.next()
    while isinstance(wizard.currentPage(), CriteriaPage):
        page = wizard.currentPage()
        answer_everything(page)
        assert_french(wizard, "Oui", data=data, plan_texts=True)
        # a provisional criterion's source is the plan file's English, and says so
        sources = [label.text() for label in page.findChildren(QLabel)
                   if label.text().startswith("Source")]
        assert all(text.startswith("Source (texte anglais du plan) : ") for text in sources)
        assert bool(sources) == any(c.status.value == "provisional"
                                    for c in page.w.protocol.criteria_in(page.group))
        shoot(wizard, f"screening-{protocol_id}-{page.group.value}")
        fill_what_is_required(page)
        assert page.isComplete()
        wizard.next()
    if protocol_id == "refractory-biologic":
        page = wizard.currentPage()
        assert page.title() == "Traitements antérieurs"
        assert_french(wizard, "Historique consigné (4)", "infliximab (commencé le ",
                      "Options de période d'élimination, la plus longue en premier",
                      "Traitement antérieur : ", data=data, plan_texts=True)
        shoot(wizard, f"screening-{protocol_id}-prior-therapy")
        wizard.next()
    assert wizard.currentPage() is wizard.verdict_page
    assert_french(wizard, "NON ADMISSIBLE", data=data, plan_texts=True)
    shoot(wizard, f"screening-{protocol_id}-verdict")


def test_timing_contradiction_and_query_in_french(qtbot, database, french):
    """Persistent skin rash: a muscle resolution 7 weeks ago, improving skin and a CMAS of
    40 judged normal without a reason, in French at the criterion and on the verdict."""
    wizard = open_wizard(qtbot, database, "persistent-skin-rash")
    wizard.next()
    page = wizard.currentPage()
    answer_everything(page)
    skin = page.boxes["skin_not_improving"]
    assert skin.timing.text() == (
        "✘ Date de résolution de l'atteinte musculaire 01 oct. 2026 précède de moins de 3 "
        "mois civils la date de l'évaluation 21 nov. 2026 : le critère n'est pas rempli avant "
        "le 01 janv. 2027.")
    assert ("✘ Contradiction : Noté : réponse Oui, « Atteinte cutanée au cours des 3 derniers "
            "mois » : En amélioration. Le critère exige") in skin.consistency.text()
    cmas = page.boxes["cmas_normal"]
    assert ("? Question à vérifier <i>(règle provisoire)</i> : Noté : réponse Oui, « Total du "
            "CMAS jugé normal pour ce patient » 40 (inférieur à 48)") in cmas.consistency.text()
    assert "Un CMAS inférieur à 48 est noté comme normal" in cmas.consistency.text()


def test_each_criteria_page_says_the_translation_is_not_checked(qtbot, database, french):
    wizard = open_wizard(qtbot, database, "persistent-skin-rash")
    wizard.next()
    page = wizard.currentPage()
    assert page.not_checked.isVisibleTo(wizard)
    assert page.not_checked.text().startswith(NOT_CHECKED)
    # the plan's English on demand: each criterion's tooltip
    box = page.boxes["skin_not_improving"]
    texts = [label for label in box.findChildren(QLabel)
             if label.property(terms.PLAN_ENGLISH_PROPERTY)]
    criterion = box.criterion
    assert texts[0].text().startswith("Atteinte cutanée compatible avec une DMJ")
    assert texts[0].toolTip() == criterion.text
    assert {label.toolTip() for label in texts} >= {d.label for d in criterion.details}


def test_in_english_the_criteria_are_the_plans_and_nothing_is_said(qtbot, database):
    INTERFACE.switch("en")
    wizard = open_wizard(qtbot, database, "persistent-skin-rash")
    wizard.next()
    page = wizard.currentPage()
    assert not page.not_checked.isVisibleTo(wizard)
    box = page.boxes["skin_not_improving"]
    labels = [label.text() for label in box.findChildren(QLabel)]
    assert box.criterion.text in labels
    assert not [label for label in box.findChildren(QLabel)
                if label.property(terms.PLAN_ENGLISH_PROPERTY)]


def test_a_criterion_the_catalogue_does_not_know_stays_in_its_plans_words(
        qtbot, database, french, monkeypatch):
    """A changed English text (or a site's own plan file) falls back to its English,
    marked as the plan's own words (the walk skips it), never to a stale French."""
    from dataclasses import replace

    plans = dict(protocol_catalog().protocols)
    plan = plans["persistent-skin-rash"]
    changed = replace(plan.criteria[0], text=plan.criteria[0].text + " (changed)")
    monkeypatch.setitem(plans, plan.id, replace(plan, criteria=(changed, *plan.criteria[1:])))
    with database.session() as session:
        patient_id = create_patient(session, PatientInput(
            "JDM-002", "Léa", "Roy", date(2016, 5, 4), "female"), user="nurse")
    wizard = ScreeningWizard(database, patient_id, "dr.ito", plans, today=TODAY,
                             patient_text="JDM-002", ask=lambda *_a: "Discard",
                             protocol_id=plan.id)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    box = wizard.currentPage().boxes[changed.id]
    shown = [label for label in box.findChildren(QLabel) if label.text() == changed.text]
    assert shown and shown[0].property(terms.PLAN_TEXT_PROPERTY)
    assert not any("Atteinte cutanée compatible" in label.text()
                   for label in box.findChildren(QLabel))


def test_an_arm_closed_by_an_answer_is_said_in_french_on_the_verdict(qtbot, database, french):
    """Eligible, with IVIG given before for the skin disease: arm A will not be available,
    the plan's rule and the answer recorded in French (the English stays in the log)."""
    from screening_answers import eligible_answers

    from app.domain.screening import CriterionAnswer

    wizard = open_wizard(qtbot, database, "persistent-skin-rash")
    answers = {**eligible_answers(), "ivig": CriterionAnswer("yes", {
        "ivig_use": "previous", "ivig_started_on": "2025-03-01",
        "ivig_stopped_on": "2025-09-01", "ivig_for_skin_disease": "yes"})}
    wizard.next()
    while wizard.currentPage() is not wizard.verdict_page:
        for box in wizard.currentPage().boxes.values():
            box.set_answer(answers[box.criterion.id].answer)
            for field_id, value in answers[box.criterion.id].details.items():
                box.inputs[field_id].set_value(value)
        wizard.next()
    assert_french(wizard, "ADMISSIBLE", data=cited("persistent-skin-rash"), plan_texts=True)
    assert ("Le bras A (IgIV) ne sera pas offert : Le bras A s'adresse aux patients qui n'ont "
            "pas déjà été traités par IgIV pour l'atteinte cutanée. Évaluation notée : « Les "
            "IgIV ont-elles été données pour traiter l'atteinte cutanée\u202f? » Oui. La reprise "
            "d'IgIV déjà arrêtées peut être envisagée.") in wizard.verdict_page.notes.text()
