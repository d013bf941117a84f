"""Tools → Language: the interface language of this workstation (settings.ini), for
everyone who signs in here. It applies at once (the main window takes its words again on
QEvent.LanguageChange) and at every start."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from app.forms.language import INTERFACE, LANGUAGE_KEY, LANGUAGES, SYSTEM, stored_choice


class LanguageDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle(self.tr("Interface language"))
        self.choice = QComboBox()
        for code, name in LANGUAGES.items():
            self.choice.addItem(name or self.tr("Language of this computer"), code)
        self.choice.setCurrentIndex(max(0, self.choice.findData(stored_choice(settings))))
        self.choice.setAccessibleName(self.tr("Interface language"))
        note = QLabel(self.tr("The new language applies at once. Exports, printed "
                              "summaries and the command line stay in English."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("&Language:"), self.choice)
        form.addRow(note)
        form.addRow(buttons)

    def save(self) -> None:
        code = self.choice.currentData() or SYSTEM
        if code == SYSTEM:
            self._settings.remove(LANGUAGE_KEY)
        else:
            self._settings.setValue(LANGUAGE_KEY, code)
        self._settings.sync()
        self.accept()

    @staticmethod
    def current() -> str:
        return INTERFACE.language
