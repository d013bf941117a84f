"""The one date field (issue 20.3): typed as a whole, in words beside it, Tab leaves it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.forms.widgets import DateField

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 5, 20)
UK = QLocale(QLocale.English, QLocale.UnitedKingdom)
US = QLocale(QLocale.English, QLocale.UnitedStates)


@pytest.fixture
def form(qtbot):
    """A date field between two text fields, shown, like in a real form."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    before, after = QLineEdit(), QLineEdit()
    field = DateField(today=TODAY, locale=UK)
    for widget in (before, field, after):
        layout.addWidget(widget)
    qtbot.addWidget(holder)
    holder.show()
    qtbot.waitExposed(holder)
    field.holder = holder  # keeps the window alive as long as the field is used
    return field, before, after


def type_into(qtbot, field: DateField, text: str) -> None:
    field.setFocus()
    qtbot.keyClicks(field.edit, text)


def test_typing_into_an_empty_field_gives_the_date_not_appended_text(qtbot, form):
    field, _before, _after = form
    assert field.value() is None and field.problem() is None
    assert field.edit.text() == "" and field.edit.placeholderText() == "not entered"
    type_into(qtbot, field, "20150314")
    # Was "not entered0150314": the empty state is a placeholder, never text.
    assert field.value() == date(2015, 3, 14)
    assert field.words.text() == "14 Mar 2015"


@pytest.mark.parametrize(("locale", "typed"), [(UK, "14/03/2015"), (US, "3/14/2015"),
                                                (UK, "2015-03-14"), (US, "20150314")])
def test_iso_compact_and_the_locale_short_form(qtbot, locale, typed):
    field = DateField(today=TODAY, locale=locale)
    qtbot.addWidget(field)
    qtbot.keyClicks(field.edit, typed)
    assert field.value() == date(2015, 3, 14)
    assert field.iso() == "2015-03-14"


def test_after_up_typing_replaces_the_date(qtbot, form):
    field, _before, _after = form
    field.setFocus()
    qtbot.keyClick(field.edit, Qt.Key_Up)  # empty: Up starts from today
    assert field.value() == TODAY
    qtbot.keyClick(field.edit, Qt.Key_Up)
    assert field.value() == date(2026, 5, 21)
    # Was 2015-01-03: whatever Up did, the date typed next is the date kept.
    qtbot.keyClicks(field.edit, "2015-03-14")
    assert field.value() == date(2015, 3, 14)


def test_tab_leaves_the_field_and_never_walks_the_date(qtbot, form):
    field, _before, after = form
    type_into(qtbot, field, "2026-05-02")
    qtbot.keyClick(field.edit, Qt.Key_Tab)
    assert after.hasFocus()
    qtbot.keyClicks(after, "440")
    assert field.value() == date(2026, 5, 2)
    assert after.text() == "440"


def test_shift_tab_goes_back_to_the_field_before(qtbot, form):
    field, before, _after = form
    field.setFocus()
    qtbot.keyClick(field.edit, Qt.Key_Backtab)
    assert before.hasFocus()


def test_impossible_date_is_reported_as_such(qtbot, form):
    field, _before, after = form
    type_into(qtbot, field, "2026-02-30")
    after.setFocus()
    assert field.value() is None
    assert "impossible date: February 2026 has 28 days" in field.problem()
    assert field.words.text() == field.problem()
    assert field.iso() == ""


def test_words_show_the_age_on_that_day(qtbot, form):
    field, _before, _after = form
    field.set_birth_date(date(2004, 1, 10))
    field.setValue(date(2015, 3, 14))
    assert field.words.text() == "14 Mar 2015, 11 y 2 m old"


def test_range_refuses_with_a_plain_message_and_keeps_the_text(qtbot, form):
    field, _before, _after = form
    field.setRange(date(2016, 5, 4), TODAY, "the date of birth", "today")
    with qtbot.waitSignal(field.changed):
        field.setValue(date(2010, 1, 1))
    assert field.value() is None
    assert field.problem() == ("01 Jan 2010 is before the earliest date allowed here, "
                               "04 May 2016 (the date of birth).")
    assert field.text() == "2010-01-01"  # nothing typed is lost
    field.setValue(date(2027, 1, 1))
    assert "after the latest date allowed here, 20 May 2026 (today)" in field.problem()
    field.setValue(date(2020, 1, 1))
    assert field.problem() is None and field.value() == date(2020, 1, 1)


def test_changed_fires_when_the_value_changes_not_on_every_key(qtbot, form):
    field, _before, _after = form
    seen = []
    field.changed.connect(lambda: seen.append(field.value()))
    type_into(qtbot, field, "2015-03-")  # still typing: once "not a date", not per key
    assert seen == [None]
    qtbot.keyClicks(field.edit, "14")
    assert seen == [None, date(2015, 3, 1), date(2015, 3, 14)]
    field.setValue(None)
    assert seen[-1] is None and field.is_empty()


def test_another_form_is_shown_back_in_iso_after_leaving(qtbot, form):
    field, _before, after = form
    type_into(qtbot, field, "14/03/2015")
    after.setFocus()
    assert field.text() == "2015-03-14"


def test_calendar_popup_sets_the_date_and_leaves_no_window(qtbot, form):
    from PySide6.QtWidgets import QApplication

    field, _before, _after = form
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    windows = len(QApplication.topLevelWidgets())
    field.setValue(date(2015, 3, 14))
    field.open_calendar()
    popup = field._popup
    assert popup is not None and popup.selectedDate().toPython() == date(2015, 3, 14)
    popup.activated.emit(popup.selectedDate().addDays(1))
    assert field.value() == date(2015, 3, 15)
    QApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert len(QApplication.topLevelWidgets()) == windows


def test_label_buddy_and_accessible_name_reach_the_text(qtbot, form):
    field, _before, _after = form
    field.setAccessibleName("Visit date")
    assert field.edit.accessibleName() == "Visit date"
    field.setFocus()
    assert field.edit.hasFocus()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_long_refusal_in_the_new_patient_form_is_shown_whole(qtbot, language):
    """In French the refusal « « 2014-02-31 » est une date impossible : février 2014 compte
    28 jours. » wrapped on four lines beside the date, and the form, already open, kept
    its height: the row showed two lines and the rest was cut off."""
    from PySide6.QtTest import QTest

    from app.forms.language import INTERFACE
    from app.forms.patient_dialog import PatientDialog

    INTERFACE.switch(language)
    dialog = PatientDialog(lambda _data: None, today=date(2026, 12, 4))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.date_of_birth.setFocus()
    qtbot.keyClicks(dialog.date_of_birth.edit, "2014-02-31")
    QTest.keyClick(dialog.date_of_birth.edit, Qt.Key_Tab)
    words = dialog.date_of_birth.words
    qtbot.waitUntil(lambda: "2014" in words.text() and words.height() >= words.heightForWidth(
        words.width()))
    assert "28" in words.text()
    bottom = words.mapTo(dialog, words.rect().bottomLeft()).y()
    assert bottom < dialog.height()
    # and the rows below it are not pushed under the buttons
    sex = dialog.sex.mapTo(dialog, dialog.sex.rect().topLeft()).y()
    assert sex > bottom
