"""Choosing a folder, or a file to save to: Qt's file dialog, with what it cannot do
itself in French or at 1366×768.

- Words: Qt 6.11 gave "Look in:" and "Files of type:" a mnemonic and Qt's own French
  catalogue has no translation for the new texts (the French dialog said "Look in:"), nor
  for the type it lists a folder with ("Folder"). The labels are set here from this
  application's translation; "Folder" is carried by it, since Qt asks every installed
  translation.
- Sizes: Qt's own cut « Dernière modification », every date (« 2026-1…1 h 51 »), a
  backup's type (« bas…te3 ») and name, and « Ordinateur » in the places (« Or… »). The window is
  wide enough for its columns, each column as wide as its heading and what it lists, the
  places as wide as their names.

A desktop's native dialog (a GNOME or KDE portal, Windows) has none of this and speaks
the desktop's language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHeaderView,
    QListView,
    QSplitter,
    QTreeView,
    QWidget,
)

from app.forms.widgets import fit_on_screen

# The list's four columns and the sidebar fit in 900 px.
WIDTH, HEIGHT = 900, 540

# Qt's own text and context, marked so that the French catalogue carries it.
# (Qt adds the comment "All other platforms"; a translation without one answers it too.)
QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")


class _FileChooser(QFileDialog):
    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        _show_places_whole(self)


def _show_places_whole(dialog: QFileDialog) -> None:
    """The places beside the list (Computer, the home folder) as wide as their names,
    taken from the list: Qt's own split cut « Ordinateur » and even "Computer"."""
    splitter = dialog.findChild(QSplitter, "splitter")
    places = dialog.findChild(QListView, "sidebar")
    if splitter is None or places is None:  # a desktop's own dialog
        return
    frame = places.width() - places.viewport().width()
    needed = places.sizeHintForColumn(0) + frame
    sizes = splitter.sizes()
    if len(sizes) == 2 and sizes[0] < needed:
        splitter.setSizes([needed, max(0, sum(sizes) - needed)])


def file_dialog(parent: QWidget | None, title: str, directory: str = "") -> QFileDialog:
    dialog = _FileChooser(parent, title, directory)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn,
                        QCoreApplication.translate("FileChooser", "&Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType,
                        QCoreApplication.translate("FileChooser", "Files of &type:"))
    fit_on_screen(dialog, WIDTH, HEIGHT)
    view = dialog.findChild(QTreeView, "treeView")
    if view is not None:  # Qt's own dialog, not the desktop's
        _size_columns_to_contents(view)
    return dialog


def _size_columns_to_contents(view: QTreeView) -> None:
    """Size, Type and Date Modified as wide as their heading and the values listed, in
    every folder opened (a folder the file name's completer has read ahead is shown
    without being read again, so sizing once on reading is not enough). The Name column
    takes the rest: a backup's name was cut in the middle beside empty space."""
    header = view.header()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, header.count()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)


def _chosen(dialog: QFileDialog) -> str:
    """The path chosen, or "" when cancelled."""
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return ""
    files = dialog.selectedFiles()
    return files[0] if files else ""


def choose_folder(parent: QWidget | None, title: str, directory: str = "") -> str:
    dialog = file_dialog(parent, title, directory)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    return _chosen(dialog)


def choose_file_to_save(parent: QWidget | None, title: str, suggested: str,
                        filters: str) -> str:
    """``filters`` as Qt writes them: "PDF files (*.pdf);;All files (*)"."""
    dialog = file_dialog(parent, title)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setNameFilters(filters.split(";;"))
    dialog.selectFile(suggested)
    return _chosen(dialog)
