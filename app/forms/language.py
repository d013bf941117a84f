"""The interface language: English or French (Canada), from the system locale unless
Settings chooses one.

Qt's own translation system does the work: the strings are marked with ``tr()`` /
``QCoreApplication.translate()`` in the forms, ``pyside6-lupdate`` collects them into
resources/translations/jdm_ctp_fr.ts (edited with Qt Linguist), and ``pyside6-lrelease``
compiles it into the .qm loaded here (installer/translations.py, run by ``make setup``
and by the bundle build). jdm_ctp_en.qm holds only the English plural forms ("1 patient",
"2 patients"). Qt's own qtbase_fr.qm translates its standard buttons and dialogs.

Exports and the command line's own messages stay in English: codes and English labels
are the data standard the coordinators read. The printed documents of a visit (summary,
worksheet, dosing sheet) are printed in the interface's language: the forms hand the
writers in app/reports a words object (app/forms/print_words.py) built on these same
translations; ``jdm-ctp pdf --language fr`` loads them without a window (English is its
default, and an English document is exactly what it was before translations existed).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from app import paths

LANGUAGE_KEY = "interface/language"
SYSTEM = "system"
# Stored value -> what Settings shows (the language's own name, so a person who cannot
# read the current language still finds theirs).
LANGUAGES: dict[str, str] = {SYSTEM: "", "en": "English", "fr": "Français (Canada)"}
TRANSLATION_FILE_PREFIX = "jdm_ctp_"


def translations_dir() -> Path:
    return paths.resources_dir() / "translations"


def system_language(locale: QLocale | None = None) -> str:
    """"fr" when the operating system's language is French, otherwise "en"."""
    locale = locale or QLocale.system()
    return "fr" if locale.language() == QLocale.Language.French else "en"


def stored_choice(settings: QSettings | None) -> str:
    """The setting as stored: "system", "en" or "fr" (anything else reads as "system")."""
    value = settings.value(LANGUAGE_KEY, SYSTEM) if settings is not None else SYSTEM
    return value if value in LANGUAGES else SYSTEM


def resolve(choice: str, locale: QLocale | None = None) -> str:
    return system_language(locale) if choice == SYSTEM else choice


def qt_translations_dir() -> Path:
    """Where Qt's own .qm files are: the PySide6 wheel's folder, also inside the bundle."""
    return Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))


class LanguageError(RuntimeError):
    """A translation file that should be there is missing or unreadable."""


class Interface:
    """The translators installed on the application; ``switch`` replaces them."""

    def __init__(self) -> None:
        self.language = "en"
        self._translators: list[QTranslator] = []

    def switch(self, language: str) -> None:
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before choosing the language")
        for translator in self._translators:
            app.removeTranslator(translator)
        self._translators = []
        for name, folder in ((f"{TRANSLATION_FILE_PREFIX}{language}", translations_dir()),
                             (f"qtbase_{language}", qt_translations_dir())):
            if language == "en" and name.startswith("qtbase"):
                continue  # Qt's own strings are English already
            translator = QTranslator(app)
            if not translator.load(name, str(folder)):
                raise LanguageError(
                    f"the translation {name}.qm was not found in {folder}; reinstall the "
                    "application (from source: make setup)")
            app.installTranslator(translator)
            self._translators.append(translator)
        self.language = language


INTERFACE = Interface()


def install_language(settings: QSettings | None) -> str:
    """At start-up, before any window: the stored choice (or the system's language).
    A missing French file falls back to English and says why in the log."""
    language = resolve(stored_choice(settings))
    try:
        INTERFACE.switch(language)
    except LanguageError as error:
        from app.logs import log

        log.error("interface language %s: %s", language, error)
        if language != "en":
            try:
                INTERFACE.switch("en")
            except LanguageError:
                pass  # English without its plural forms: still readable
        return "en"
    return language


# Dates in words follow the interface language (the domain takes the language as a
# parameter and knows nothing of Qt): every window formats dates through these.
def format_date(day, empty: str = "—") -> str:  # noqa: ANN001 - date | None
    from app.domain import dates

    return dates.format_date(day, empty, language=INTERFACE.language)


def describe_date(day, born=None) -> str:  # noqa: ANN001 - date, date | None
    from app.domain import dates

    return dates.describe_date(day, born, language=INTERFACE.language)


def explanation_in_words(text: str) -> str:
    """A stored dose derivation as shown: sources in words, dates in the interface's
    language (derivations saved by earlier versions quote ISO dates)."""
    from app.domain.source_words import text_in_words

    return text_in_words(text, INTERFACE.language)
