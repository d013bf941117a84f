"""Choosing the interface language: the computer's by default, Tools → Language to
override it (from the next start), English when a translation file is missing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings

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
