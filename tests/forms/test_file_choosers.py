"""The folder and file choosers in French (issue 21): Qt 6.11 gave its file dialog's
"Look in:" and "Files of type:" a mnemonic, and Qt's own French catalogue has no
translation for the new texts: the French dialog said "Look in:" (seen on screen)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel

from app.forms.file_choosers import file_dialog
from app.forms.language import INTERFACE


@pytest.mark.parametrize(("language", "look_in", "file_type"), [
    ("fr", "&Voir dans\u00a0:", "Fichiers de &type\u00a0:"),
    ("en", "&Look in:", "Files of &type:"),
])
def test_the_file_dialog_labels_are_in_the_interface_language(qtbot, language, look_in,
                                                              file_type):
    INTERFACE.switch(language)
    dialog = file_dialog(None, "Dossier de l'export")
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    shown = [label.text() for label in dialog.findChildren(QLabel)]
    assert look_in in shown and file_type in shown
