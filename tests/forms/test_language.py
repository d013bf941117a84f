"""Choosing the interface language: the computer's by default, Tools → Language to
override it (at once and at every start), English when a translation file is missing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt

from app.forms import language
from app.forms.language import INTERFACE, LANGUAGE_KEY, install_language, resolve, stored_choice
from app.forms.language_dialog import LanguageDialog

pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.mark.parametrize(("locale", "expected"), [
    (QLocale(QLocale.French, QLocale.Canada), "fr"),
    (QLocale(QLocale.French, QLocale.France), "fr"),
    (QLocale(QLocale.English, QLocale.Canada), "en"),
    (QLocale(QLocale.German, QLocale.Germany), "en"),  # no German interface: English
])
def test_the_computers_language_is_the_default(locale, expected):
    assert resolve("system", locale) == expected
    # A choice in Settings wins over the computer's language.
    assert resolve("en", locale) == "en"
    assert resolve("fr", locale) == "fr"


@pytest.mark.parametrize(("stored", "choice"), [
    (None, "system"), ("fr", "fr"), ("en", "en"), ("de", "system"), ("", "system"),
])
def test_a_stored_choice_that_makes_no_sense_reads_as_the_computers(settings, stored, choice):
    if stored is not None:
        settings.setValue(LANGUAGE_KEY, stored)
    assert stored_choice(settings) == choice


def test_the_stored_choice_is_installed_at_start(settings):
    settings.setValue(LANGUAGE_KEY, "fr")
    assert install_language(settings) == "fr"
    assert QCoreApplication.translate("MainWindow", "&File") == "&Fichier"
    settings.setValue(LANGUAGE_KEY, "en")
    assert install_language(settings) == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_a_missing_translation_falls_back_to_english(settings, tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(language, "translations_dir", lambda: tmp_path / "nowhere")
    settings.setValue(LANGUAGE_KEY, "fr")
    assert install_language(settings) == "en"
    assert INTERFACE.language == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_tools_language_stores_the_choice_for_the_next_start(qtbot, settings):
    dialog = LanguageDialog(settings)
    qtbot.addWidget(dialog)
    dialog.choice.setCurrentIndex(dialog.choice.findData("fr"))
    dialog.save()
    assert QSettings(settings.fileName(), QSettings.IniFormat).value(LANGUAGE_KEY) == "fr"
    dialog.choice.setCurrentIndex(dialog.choice.findData("system"))
    dialog.save()
    assert QSettings(settings.fileName(), QSettings.IniFormat).value(LANGUAGE_KEY) is None
    # Each language is listed in its own name, whatever the interface's language.
    names = [dialog.choice.itemText(i) for i in range(dialog.choice.count())]
    assert "Français (Canada)" in names and "English" in names


def test_everyone_may_choose_the_language(qtbot, database, settings):
    from app.forms.main_window import MainWindow

    window = MainWindow(database, user="nurse", settings=settings)
    qtbot.addWidget(window)
    assert window.language_action.isEnabled()


def test_the_language_applies_at_once_and_nothing_typed_is_lost(qtbot, database, settings,
                                                                   monkeypatch):
    """Tools → Language switches the open main window without a restart: menus, columns,
    counts and dates in French; the same window (the signed-in session), the search typed
    and the selected patient stay; and back to English the same way."""
    from datetime import date

    from test_french import assert_french
    from workstation_windows import clinic

    from app.forms.main_window import MainWindow

    clinic(database)
    INTERFACE.switch("en")
    window = MainWindow(database, user="dr.ito", settings=settings, today=date(2026, 11, 21))
    qtbot.addWidget(window)
    window.show()
    qtbot.keyClicks(window.search, "JDM-00")
    qtbot.waitUntil(lambda: window.count_label.text() == "2 patients")
    window.table.selectRow(1)
    selected = window.selected_patient_id()
    assert window.menuBar().actions()[0].text() == "&File"

    def choose(language):
        def make():
            dialog = LanguageDialog(settings, window)
            qtbot.addWidget(dialog)
            dialog.choice.setCurrentIndex(dialog.choice.findData(language))
            monkeypatch.setattr(dialog, "exec", lambda: (dialog.save(), True)[1])
            return dialog
        monkeypatch.setattr(window, "make_language_dialog", make)
        window.change_language()
        # Qt posts LanguageChange to each window once the translators are replaced.
        first = {"fr": "&Fichier", "en": "&File"}[language]
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() == first)

    try:
        choose("fr")
        assert INTERFACE.language == "fr"
        assert_french(window, "Fichier", "Nouveau patient…", "Identifiant d'étude",
                      "2 patients", "Prochaine visite prévue",
                      data=(database.display_name, "JDM-00"))
        assert window.statusBar().currentMessage() == "La langue de l'interface a changé."
        model = window.table.model()
        dates = [model.index(row, 4).data() for row in range(model.rowCount())]
        assert "02 nov. 2026 (en retard)" in dates
        assert "Bras A — IgIV" in [model.index(row, 3).data() for row in range(model.rowCount())]
        assert window.search.text() == "JDM-00"  # what was typed stays
        assert window.selected_patient_id() == selected
        assert window.language_action.isEnabled()  # the rebuilt menus still work
        choose("en")
        assert window.menuBar().actions()[0].text() == "&File"
        assert model.headerData(0, Qt.Horizontal) == "Study id"
        assert "02 Nov 2026 (overdue)" in [model.index(r, 4).data()
                                           for r in range(model.rowCount())]
        assert window.search.text() == "JDM-00" and window.selected_patient_id() == selected
    finally:
        INTERFACE.switch("en")
