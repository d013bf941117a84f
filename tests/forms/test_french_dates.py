"""Dates in words follow the interface language (issue 21): "14 mars 2015" in French,
"14 Mar 2015" in English, whatever the computer's locale; the domain formats them and
the interface passes its language in (app/forms/language.py)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QLocale
from workstation_windows import TODAY, clinic

from app.domain import dates
from app.forms.language import INTERFACE
from app.forms.main_window import MainWindow
from app.forms.widgets.date_field import DateField

pytestmark = pytest.mark.usefixtures("system_actor")

FRENCH = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
          "nov.", "déc."]
ENGLISH = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


@pytest.mark.parametrize("month", range(1, 13))
def test_every_month_in_both_languages(month):
    day = date(2015, month, 4)
    assert dates.format_date(day, language="fr") == f"04 {FRENCH[month - 1]} 2015"
    assert dates.format_date(day, language="en") == f"04 {ENGLISH[month - 1]} 2015"
    assert dates.format_date(day) == f"04 {ENGLISH[month - 1]} 2015"  # English by default


def test_an_age_beside_a_date_in_french():
    born = date(2004, 1, 10)
    assert dates.describe_date(date(2015, 3, 14), born, "fr") == "14 mars 2015, 11 a 2 m"
    assert dates.describe_date(date(2015, 3, 14), born, "en") == "14 Mar 2015, 11 y 2 m old"
    assert (dates.describe_date(date(2003, 3, 14), born, "fr")
            == "14 mars 2003, avant la date de naissance 10 janv. 2004")


@pytest.fixture
def interface(qapp):
    yield INTERFACE
    INTERFACE.switch("en")


@pytest.mark.parametrize(("language", "words"), [("fr", "14 mars 2015, 11 a 2 m"),
                                                 ("en", "14 Mar 2015, 11 y 2 m old")])
def test_the_date_field_writes_the_parsed_date_in_the_interface_language(
        qtbot, interface, language, words):
    interface.switch(language)
    # An English (Canada) computer locale: the month words follow the interface, not it.
    field = DateField(today=date(2026, 11, 21), locale=QLocale(QLocale.English,
                                                              QLocale.Canada))
    qtbot.addWidget(field)
    field.set_birth_date(date(2004, 1, 10))
    field.edit.setText("2015-03-14")
    assert field.words.text() == words


def test_patient_list_and_page_write_dates_in_french(qtbot, database, interface):
    clinic(database)
    interface.switch("fr")
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.table.selectRow(0)  # JDM-001, enrolled 02 Nov 2026: baseline overdue, month 1 02 Dec
    shown = [window.table.model().index(row, column).data()
             for row in range(window.table.model().rowCount())
             for column in range(window.table.model().columnCount())]
    assert "02 nov. 2026 (en retard)" in shown, shown
    page = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(page)
    assert page.visits_table.item(1, 1).text() == "02 déc. 2026"
    derivation = page.dose_texts["ivig"].toPlainText()
    assert "(measured 02 nov. 2026)" in derivation
    assert "clinical-rules" not in derivation and "2026-11-02" not in derivation


def test_a_stored_derivation_says_it_is_shown_as_recorded_in_english(qtbot, database,
                                                                        interface):
    """The dose engine's derivation is stored in English (the record as printed): a French
    page must say so above it, as the French PDF does, not leave English unexplained."""
    clinic(database)
    interface.switch("fr")
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    window.table.selectRow(0)
    page = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(page)
    said = page.dose_recorded_notes["ivig"].text()
    assert said == "Dérivation telle que consignée, en anglais :", said
    interface.switch("en")
    english = window.make_patient_page(window.selected_patient_id())
    qtbot.addWidget(english)
    assert english.dose_recorded_notes == {}  # nothing to explain in English
