"""Typing numbers in the French visit form (issue 21): what a walk with the keyboard at
1366×768 found. A refused entry no longer leaves the slider showing the last accepted
value; a refusal quotes what was typed (« 12,5 », not the point the form reads it with);
a recovered draft shows its numbers as French writes them; the CMAS section fits beside
the section list without a sideways scroll bar; the score lines' counts agree in French;
a tab's mnemonic puts the keyboard in the tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_french import plain
from test_french_visits import patient_page
from visit_fixtures import enrolled_patient, open_form, type_in

pytestmark = pytest.mark.usefixtures("system_actor")


def globals_form(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    window.resize(1366, 768)
    window.show()
    window.show_section("globals")
    qtbot.waitExposed(window)
    return window, visits


def picture(slider):
    return slider.grab().toImage()


def test_a_refused_entry_leaves_no_value_on_the_slider(qtbot, database, french):
    window, _visits = globals_form(qtbot, database)
    field = window.section("globals").fields["pga_activity"]
    blank = picture(field.slider)
    type_in(field, "0")
    at_zero = picture(field.slider)
    assert at_zero != blank  # the handle at 0 is a value; a blank field shows none
    type_in(field, "7,3")
    assert field.slider.value() == 73
    at_seven = picture(field.slider)
    assert at_seven != blank
    type_in(field, "12,5")  # refused at the field
    assert field.validate()
    assert picture(field.slider) == blank  # no handle: not 7.3, not any value
    assert field.slider.accessibleDescription() != ""  # said to a screen reader too
    assert field.slider.isEnabled()  # still a way to enter a value
    type_in(field, "7,3")  # valid again: the handle comes back where the value is
    assert field.slider.value() == 73 and picture(field.slider) == at_seven
    assert field.slider.accessibleDescription() == ""


def test_the_slider_replaces_a_refused_entry_from_its_start(qtbot, database, french):
    """With no value shown, the keyboard moves the slider from 0 (as from a blank field),
    not from the hidden last value."""
    window, _visits = globals_form(qtbot, database)
    field = window.section("globals").fields["pga_activity"]
    type_in(field, "7,3")
    type_in(field, "12,5")
    unfocused = picture(field.slider)
    field.slider.setFocus()
    qtbot.waitUntil(field.slider.hasFocus)
    assert picture(field.slider) != unfocused  # where the keyboard is shows without a handle
    QTest.keyClick(field.slider, Qt.Key_Right)
    assert field.edit.text() == "0,1"
    assert field.validate() is None


@pytest.mark.parametrize(("section", "item", "typed", "quoted"), [
    ("globals", "pga_activity", "12,5", "« 12,5 » a été saisi."),
    ("chaq", "chaq_pain_vas", "10,5", "« 10,5 » a été saisi."),
    ("mmt8", "mmt_quadriceps", "3,5", "« 3,5 » a été saisi."),
    ("medications", "bp_systolic", "120,5", "« 120,5 » a été saisi."),
    ("cmas", "cmas_1_sec", "-2,5", "« -2,5 » a été saisi."),
    ("steroid_exposure", "ivmp_pulses", "2,5", "« 2,5 » a été saisi."),
    ("enzymes", "ck", "-1,5", "« -1,5 » a été saisi."),
])
def test_a_refusal_quotes_what_was_typed(qtbot, database, french, section, item, typed,
                                         quoted):
    window, _visits = globals_form(qtbot, database)
    field = window.section(section).fields[item]
    type_in(field, typed)
    said = plain(field.validate() or "")
    assert said.endswith(quoted), said
    assert typed.replace(",", ".") not in said


def test_a_refused_dose_quotes_what_was_typed(qtbot, database, french):
    window, _visits = globals_form(qtbot, database)
    medications = window.section("medications")
    medications.add_row("methotrexate", "-1,5", "mg", "weekly")
    said = plain(medications.errors()["medications:methotrexate_dose"])
    assert said.endswith("« -1,5 » a été saisi."), said
    assert "par exemple 7,5" in said  # the example as French writes it, as the cell reads it


def test_the_english_refusal_is_unchanged(qtbot, database):
    window, _visits = globals_form(qtbot, database)
    field = window.section("globals").fields["pga_activity"]
    type_in(field, "12.5")
    assert field.validate() == (
        "Physician global assessment of disease activity must be a number from 0 to 10 cm, "
        'in steps of 0.1 cm; "12.5" was entered.')


def test_a_recovered_draft_shows_numbers_as_french_writes_them(qtbot, database, french):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    type_in(window.section("globals").fields["pga_activity"], "7,3")
    type_in(window.section("cmas").fields["cmas_1_sec"], "12,5")
    window.section("medications").add_row("methotrexate", "12,5", "mg", "weekly")
    window.autosave_now()
    again = open_form(qtbot, database, visits["baseline"])
    assert again.banner.text()  # "… recovered from the draft"
    pga = again.section("globals").fields["pga_activity"]
    assert (pga.edit.text(), pga.slider.value()) == ("7,3", 73)
    assert again.section("cmas").fields["cmas_1_sec"].edit.text() == "12,5"
    medications = again.section("medications")
    assert medications.table.item(0, 1).text() == "12,5"  # the dose beside its drug
    assert again.collect_values()["medications"]["methotrexate_dose"].value_num == 12.5
    assert again.collect_values()["global"]["pga_activity"].value_num == 7.3


def test_a_recovered_draft_in_english_keeps_the_point(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    type_in(window.section("globals").fields["pga_activity"], "7.3")
    window.autosave_now()
    again = open_form(qtbot, database, visits["baseline"])
    assert again.section("globals").fields["pga_activity"].edit.text() == "7.3"


def test_the_cmas_section_fits_beside_the_section_list_at_1366_px(qtbot, database,
                                                                   french):
    """Opened as it opens on a 1366×768 screen, with what makes the section widest shown:
    a timed item's score from its seconds and the sit-up variants' reading."""
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    window.show()
    qtbot.waitExposed(window)
    assert window.width() <= 1366
    window.show_section("cmas")
    cmas = window.section("cmas")
    type_in(cmas.fields["cmas_1_sec"], "12,5")
    type_in(cmas.fields["cmas_3_sec"], "65")
    for code in ("cmas_5a", "cmas_5b", "cmas_5c"):
        cmas.fields[code].combo.setCurrentIndex(1)
    qtbot.wait(10)
    assert cmas.derived["cmas_1"].text() and cmas.derived["cmas_5"].text()
    area = window._areas["cmas"]
    assert not area.horizontalScrollBar().isVisible()
    assert cmas.width() <= area.viewport().width()


@pytest.mark.parametrize(("entered", "said"), [
    (13, "1 item sur 14 manquant\u202f; somme des items saisis 26"),
    (12, "2 items sur 14 manquants\u202f; somme des items saisis 24"),
])
def test_the_cmas_items_missing_are_counted_in_french(qtbot, database, french, entered,
                                                      said):
    _pid, _eid, visits = enrolled_patient(database)
    cmas = open_form(qtbot, database, visits["baseline"]).section("cmas")
    for code in [f"cmas_{n}" for n in range(1, 15)][:entered]:
        cmas.fields[code].set_value(2)
    assert said in cmas.score.text(), cmas.score.text()


def test_the_cmas_items_missing_in_english(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    cmas = open_form(qtbot, database, visits["baseline"]).section("cmas")
    cmas.fields["cmas_1"].set_value(2)
    assert cmas.score.text() == ("<b>Incomplete</b>: 13 of 14 items missing; sum of the "
                                 "items entered 2 (partial, not a total).")


@pytest.mark.parametrize(("typed", "said"), [
    (("7,3",), "1 évaluation saisie sur 6"),
    (("7,3", "2"), "2 évaluations saisies sur 6"),
])
def test_the_assessments_entered_are_counted_in_french(qtbot, database, french, typed,
                                                       said):
    window, _visits = globals_form(qtbot, database)
    section = window.section("globals")
    for field, text in zip(section.fields.values(), typed, strict=False):
        type_in(field, text)
    assert section.score.text() == said


def test_the_assessments_entered_in_english(qtbot, database):
    window, _visits = globals_form(qtbot, database)
    section = window.section("globals")
    type_in(section.fields["pga_activity"], "7.3")
    assert section.score.text() == "1 of 6 assessments entered"


# Six assessments typed, the last refused (12 cm is beyond the 10 cm line): it is one to
# correct, not one entered, so 5 of 6 are entered.
@pytest.mark.parametrize(("language", "typed", "said"), [
    ("fr", ("7,3", "2", "4", "5", "6", "12"),
     "5 évaluations saisies sur 6\u202f; 1 entrée à corriger"),
    ("en", ("7.3", "2", "4", "5", "6", "12"), "5 of 6 assessments entered; 1 entry to correct"),
])
def test_a_refused_assessment_is_not_counted_as_entered(qtbot, database, request, language,
                                                       typed, said):
    if language == "fr":
        request.getfixturevalue("french")
    window, _visits = globals_form(qtbot, database)
    section = window.section("globals")
    for field, text in zip(section.fields.values(), typed, strict=True):
        type_in(field, text)
    assert section.score.text() == said
    state = section.state()
    assert (state.text, state.complete, state.errors) == ("5/6", False, 1)


# A word typed as today's oral dose is refused at its field: the score line does not give
# it as the dose today ("Oral dose today: twenty mg/day").
@pytest.mark.parametrize(("language", "said"), [
    ("fr", "Dose orale du jour non saisie\u202f; 1 entrée à corriger"),
    ("en", "Oral dose today not entered; 1 entry to correct"),
])
def test_a_refused_oral_dose_is_not_given_as_the_dose_today(qtbot, request, language, said):
    from datetime import date

    from app.forms.visit_sections.registry import SectionContext, make_section

    if language == "fr":
        request.getfixturevalue("french")
    steroids = make_section("steroid_exposure", SectionContext(
        follow_up=True, shown=None, today=date(2026, 11, 21), enrollment_date=date(2026, 5, 4)))
    qtbot.addWidget(steroids)
    steroids.fields["prednisone_mg_day"].edit.setText("twenty")
    assert steroids.score.text() == said
    assert steroids.state().text == ""


def shown_patient_page(qtbot, database):
    _window, page = patient_page(qtbot, database)
    qtbot.waitExposed(page)
    return page

def test_a_tab_mnemonic_puts_the_keyboard_in_the_visits_list(qtbot, database, french):
    page = shown_patient_page(qtbot, database)
    page.prior_button.setFocus()
    qtbot.waitUntil(page.prior_button.hasFocus)
    QTest.keyClick(page, Qt.Key_S, Qt.AltModifier)  # « Vi&sites »
    assert page.tabs.currentWidget() is page.timeline
    view = page.timeline.view
    assert view.hasFocus()
    opened = []
    page.timeline.open_visit.disconnect()  # which visit Enter opens; no form opened here
    page.timeline.open_visit.connect(opened.append)
    QTest.keyClick(view, Qt.Key_Down)
    QTest.keyClick(view, Qt.Key_Return)
    assert len(opened) == 1  # Enter opened the row the arrow chose
    assert opened[0] == page.timeline.model.rows[view.currentIndex().row()].visit_id


def test_the_mnemonic_of_the_current_tab_also_puts_the_keyboard_in_it(qtbot, database,
                                                                      french):
    page = shown_patient_page(qtbot, database)
    page.tabs.setCurrentWidget(page.timeline)
    page.prior_button.setFocus()
    qtbot.waitUntil(page.prior_button.hasFocus)
    QTest.keyClick(page, Qt.Key_S, Qt.AltModifier)
    assert page.timeline.view.hasFocus()
    QTest.keyClick(page, Qt.Key_V, Qt.AltModifier)  # « &Vue d'ensemble »
    assert page.tabs.currentIndex() == 0
    assert page.tabs.currentWidget().isAncestorOf(page.focusWidget()) or (
        page.tabs.currentWidget() is page.focusWidget())


def test_the_trends_mnemonic_puts_the_keyboard_in_the_charts_built_for_it(qtbot, database,
                                                                          french):
    """The trend charts are built when their tab is first shown: the keyboard still lands
    in them."""
    page = shown_patient_page(qtbot, database)
    page.prior_button.setFocus()
    qtbot.waitUntil(page.prior_button.hasFocus)
    QTest.keyClick(page, Qt.Key_T, Qt.AltModifier)  # « &Tendances »
    assert page.trends is not None and page.tabs.currentWidget().isAncestorOf(page.trends)
    qtbot.waitUntil(lambda: page.trends.isAncestorOf(page.focusWidget()))


def test_a_long_chaq_aid_wraps_and_its_words_tick_it(qtbot, database, french):
    """QCheckBox never wraps, so « Aides pour l'habillage (tire-bouton, …) » made the CHAQ
    section 1,280 px wide, past the 1,020 px beside the section list at 1366 px. Its words
    now wrap beside the box; clicking them ticks the box (as a check box's own text does)
    and the domain's score follows; a closed visit's boxes cannot be ticked that way."""
    from app.forms.widgets.wrapped_check import WrappedCheck

    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["baseline"])
    window.show()
    qtbot.waitExposed(window)
    window.show_section("chaq")
    qtbot.wait(10)
    chaq = window.section("chaq")
    area = window._areas["chaq"]
    assert not area.horizontalScrollBar().isVisible()
    box = chaq.flags["aid_dressing_devices"]
    check = box.parent()
    assert isinstance(check, WrappedCheck) and check.words.wordWrap()
    assert check.words.text().startswith("Aides pour l'habillage")
    assert check.words.height() > check.words.fontMetrics().height()  # on two lines
    assert box.accessibleName() == check.words.text()
    QTest.mouseClick(check.words, Qt.LeftButton)
    assert box.isChecked() and box.hasFocus()
    (dressing,) = [d for d in chaq.result().domains if "aid_dressing_devices" in d.aids]
    assert dressing.code == chaq.result().domains[0].code
    QTest.keyClick(box, Qt.Key_Space)  # the keyboard acts on the box itself
    assert not box.isChecked()
    window.stack.setEnabled(False)  # as a completed or signed visit shows it
    QTest.mouseClick(check.words, Qt.LeftButton)
    assert not box.isChecked()
