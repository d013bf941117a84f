"""Choosing a folder, or a file to save to: Qt's file dialog with the labels it cannot
translate itself.

Qt 6.11 gave the dialog's "Look in:" and "Files of type:" a mnemonic ("&Look in:",
"Files of &type:") and Qt's own French catalogue has no translation for the new texts,
so the French dialog said "Look in:". They are set here from this application's
translation. So is the word Qt lists a folder's type with ("Folder", which that catalogue
also lacks): Qt asks every installed translation for it, this application's among them.
A desktop's native dialog (a GNOME or KDE portal, Windows) ignores them and
speaks the desktop's language.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

# Qt's own text and context, marked so that the French catalogue carries it.
# (Qt adds the comment "All other platforms"; a translation without one answers it too.)
QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder")


def file_dialog(parent: QWidget | None, title: str, directory: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, directory)
    dialog.setLabelText(QFileDialog.DialogLabel.LookIn,
                        QCoreApplication.translate("FileChooser", "&Look in:"))
    dialog.setLabelText(QFileDialog.DialogLabel.FileType,
                        QCoreApplication.translate("FileChooser", "Files of &type:"))
    return dialog


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
