"""A screening answer's number in French (issue 21): typed with the decimal comma where it
cannot be misread, like every other number field (app/forms/numbers.py); "1,500" and
mixed marks refused with the reason, what was typed kept; the limits and the refusals
written with the French decimal comma and in French. The plan's CMAS total is 0 to 52."""

from __future__ import annotations

import pytest
from test_screening_wizard import fill_required, make_wizard, next_button, patient_id  # noqa: F401

from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor")
LABEL = "Total du CMAS jugé normal pour ce patient"  # the plan's text, from its catalogue


@pytest.fixture
def cmas(qtbot, database, patient_id):  # noqa: F811
    """The CMAS total of the French wizard's first criteria page, answered Yes."""
    INTERFACE.switch("fr")
    wizard = make_wizard(qtbot, database, patient_id)
    next_button(wizard).click()
    fill_required(wizard)
    box = wizard.criterion_box("cmas_normal")
    yield wizard, box, box.inputs["cmas_total"].editor, box.messages["cmas_total"]
    INTERFACE.switch("en")


def test_a_number_typed_with_a_decimal_comma_is_read(cmas):
    wizard, box, field, message = cmas
    field.setText("50,5")
    assert not message.isVisibleTo(wizard) and next_button(wizard).isEnabled()
    assert wizard.draft.answer_for("cmas_normal").details["cmas_total"] == "50.5"
    assert field.text() == "50,5"
    assert field.placeholderText() == "0–52"


@pytest.mark.parametrize(("typed", "words"), [
    # a comma before three digits: 1.5 or 1500?
    ("1,500", f"{LABEL} : « 1,500 » pourrait valoir 1,5 ou 1500"),
    ("1.500,5", f"{LABEL} : « 1.500,5 » a à la fois un point et une virgule"),
    ("52,5", f"{LABEL} : doit être d'au plus 52\u202f; 52,5 a été saisi."),
    ("-0,5", f"{LABEL} : doit être d'au moins 0\u202f; -0,5 a été saisi."),
    ("beaucoup", f"{LABEL} : entrez un nombre\u202f; « beaucoup » a été saisi."),
])
def test_a_number_that_cannot_be_used_is_refused_in_french_and_kept(cmas, typed, words):
    """It said "…: must be at most 52; 52.5 was entered." in English, and refused "52,5"
    as "enter a number"."""
    wizard, _box, field, message = cmas
    field.setText(typed)
    assert message.isVisibleTo(wizard) and message.text().startswith(words), message.text()
    assert not next_button(wizard).isEnabled()
    assert field.text() == typed  # nothing typed is lost


def test_a_stored_answer_comes_back_with_the_decimal_comma(qtbot, database,
                                                          patient_id):  # noqa: F811
    from app.domain.screening import ScreeningDraft

    INTERFACE.switch("fr")
    try:
        draft = ScreeningDraft(patient_id, "persistent-skin-rash", "2026-11-20")
        draft.answer_for("cmas_normal").answer = "yes"
        draft.answer_for("cmas_normal").details["cmas_total"] = "50.5"
        wizard = make_wizard(qtbot, database, patient_id, draft=draft)
        next_button(wizard).click()  # the draft resumes at the set-up page
        field = wizard.criterion_box("cmas_normal").inputs["cmas_total"].editor
        assert field.text() == "50,5"
    finally:
        INTERFACE.switch("en")


def test_in_english_a_comma_is_refused_as_in_every_number_field(qtbot, database,
                                                               patient_id):  # noqa: F811
    wizard = make_wizard(qtbot, database, patient_id)
    next_button(wizard).click()
    fill_required(wizard)
    box = wizard.criterion_box("cmas_normal")
    box.inputs["cmas_total"].editor.setText("50,5")
    assert box.messages["cmas_total"].text() == (
        "CMAS total judged normal for this patient must be a number written with a point for "
        'decimals (for example 20.5); "50,5" was entered.')
    assert not next_button(wizard).isEnabled()
