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


def _type_shown(qtbot, dialog: QFileDialog, name: str) -> str:
    """The Type column of ``name`` in the dialog's list, once the folder has been read."""
    from PySide6.QtWidgets import QFileSystemModel

    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.index(str(dialog.directory().filePath(name))).isValid()
                    and model.index(dialog.directory().filePath(name), 2).data() != "",
                    timeout=10000)
    return model.index(dialog.directory().filePath(name), 2).data()


@pytest.mark.parametrize(("language", "folder"), [("fr", "Dossier"), ("en", "Folder")])
def test_a_folder_is_called_a_folder_in_the_interface_language(qtbot, tmp_path, language,
                                                              folder):
    """Qt names a folder's type with a text its French catalogue lacks: the French
    chooser listed every folder as "Folder" (seen on screen)."""
    (tmp_path / "exports").mkdir()
    INTERFACE.switch(language)
    dialog = file_dialog(None, "Dossier de l'export", str(tmp_path))
    qtbot.addWidget(dialog)
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    assert _type_shown(qtbot, dialog, "exports") == folder


def _columns_whole(dialog: QFileDialog) -> bool:
    from PySide6.QtWidgets import QTreeView

    view = dialog.findChild(QTreeView, "treeView")
    header = view.header()
    return all(header.sectionSize(column) >= max(header.sectionSizeHint(column),
                                                  view.sizeHintForColumn(column))
               for column in (1, 2, 3))


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_file_list_shows_whole_headings_and_dates(qtbot, tmp_path, language):
    """At 1366×768 the French chooser cut « Dernière modification », every date to
    « 2026-1…1 h 51 » and « Ordinateur » in the places beside the list to « Or… »; in a
    folder of backups, the size to « 256…Kio », the type to « bas…te3 » and the names in
    their middle (seen on
    screen): the columns are as wide as what they show in every folder opened, the places
    whole, and the window wide enough to show them all."""
    from PySide6.QtWidgets import QListView, QTreeView

    (tmp_path / "exports").mkdir()  # a folder of folders: its types are short
    backups = tmp_path / "backups"
    backups.mkdir()
    (backups / "clinic-auto-20261204T143412531899Z.sqlite3").write_bytes(
        b"SQLite format 3\x00" + bytes(262_000))
    (backups / "summary.pdf").write_bytes(b"%PDF-1.4\n")
    INTERFACE.switch(language)
    dialog = file_dialog(None, "Dossier de l'export", str(tmp_path))
    dialog.setOption(QFileDialog.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    _type_shown(qtbot, dialog, "exports")
    qtbot.waitUntil(lambda: _columns_whole(dialog), timeout=5000)
    view = dialog.findChild(QTreeView, "treeView")
    header = view.header()
    last = header.logicalIndex(header.count() - 1)
    assert header.sectionViewportPosition(last) + header.sectionSize(last) \
        <= view.viewport().width()
    places = dialog.findChild(QListView, "sidebar")
    assert places.viewport().width() >= places.sizeHintForColumn(0)

    # Read ahead of the list (the file name's completer does, as a path is typed), then
    # opened: the folder is loaded before the list shows it.
    from PySide6.QtWidgets import QFileSystemModel
    model = dialog.findChild(QFileSystemModel)
    with qtbot.waitSignal(model.directoryLoaded, timeout=10000):
        model.fetchMore(model.index(str(backups)))
    backup = model.index(str(backups / "clinic-auto-20261204T143412531899Z.sqlite3"), 2)
    qtbot.waitUntil(lambda: backup.data() not in (None, ""), timeout=10000)
    dialog.setDirectory(str(backups))
    _type_shown(qtbot, dialog, "clinic-auto-20261204T143412531899Z.sqlite3")
    qtbot.waitUntil(lambda: _columns_whole(dialog), timeout=5000)
    # The backup's name too: it was cut in the middle beside empty space.
    assert header.sectionSize(0) >= view.sizeHintForColumn(0)
