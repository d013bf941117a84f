"""File → Print / Save as PDF, with a preview.

The document is written by ``app.reports`` into a PDF in the user's private preview
folder (``paths.private_print_dir``), removed when the preview closes; the preview shows its
pages as images. The PySide6 wheel we ship has no QtPdf module, so pages are rasterised
by an injectable ``rasterize(pdf_path, dpi) -> list[QImage]``; the default uses pdfium
(the pypdfium2 wheel, which carries its own renderer, so it works in the desktop bundle
too). "Open in PDF viewer" remains for the system viewer. Print sends the rasterised
pages to a QPrinter (print dialog injectable); Save as PDF copies the file to the chosen path.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QRectF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import paths
from app.forms.file_choosers import choose_file_to_save
from app.forms.widgets import fit_on_screen
from app.reports.output_files import OutputWriteError, copy_atomically

Rasterize = Callable[[Path, int], list[QImage]]


# pdfium's pixel layouts (with rev_byteorder: RGB order) as QImage formats.
_QIMAGE_FORMATS = {
    "RGB": QImage.Format.Format_RGB888,
    "RGBX": QImage.Format.Format_RGBX8888,
    "RGBA": QImage.Format.Format_RGBA8888,
    "L": QImage.Format.Format_Grayscale8,
}


def rasterize_pdf(pdf: Path, dpi: int = 80) -> list[QImage]:
    """Every page as a QImage, rendered by pdfium straight into a buffer Qt reads (no
    Pillow: the desktop bundle leaves Pillow's image codecs out)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(pdf))
    try:
        images = []
        for page in document:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            try:
                image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height,
                               bitmap.stride, _QIMAGE_FORMATS[bitmap.mode])
                images.append(image.copy())  # own the pixels: the buffer is freed below
            finally:
                bitmap.close()
        return images
    finally:
        document.close()


# The documents' kinds (app.forms.print_dialog.DOCUMENTS) in a preview's title
KIND_WORDS = {"summary": QT_TRANSLATE_NOOP("PdfPreviewDialog", "Visit summary"),
              "worksheet": QT_TRANSLATE_NOOP("PdfPreviewDialog", "Blank worksheet"),
              "dosing": QT_TRANSLATE_NOOP("PdfPreviewDialog", "Dosing sheet")}


def _words(text: str) -> str:
    return QCoreApplication.translate("PdfPreviewDialog", text)


def _save_path(parent: QWidget, suggested: str) -> str:
    return choose_file_to_save(parent, _words("Save as PDF"), suggested, "PDF (*.pdf)")


def _print_dialog(printer: QPrinter, parent: QWidget) -> bool:
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


class PdfPreviewDialog(QDialog):
    """Preview of a generated PDF with Print, Save as PDF and Open in viewer."""

    def __init__(self, pdf: Path, parent: QWidget | None = None, *, title: str = "",
                 suggested_name: str = "document.pdf",
                 rasterize: Rasterize = rasterize_pdf,
                 choose_save_path: Callable[[QWidget, str], str] = _save_path,
                 print_dialog: Callable[[QPrinter, QWidget], bool] = _print_dialog,
                 open_external: Callable[[QUrl], bool] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.setWindowTitle(title or self.tr("Preview"))
        self.pdf = Path(pdf)
        self._suggested = suggested_name
        self._rasterize = rasterize
        self._choose_save_path = choose_save_path
        self._print_dialog = print_dialog
        self._open_external = open_external
        self.pages: list[QImage] = rasterize(self.pdf, 80)

        pages = QWidget()
        column = QVBoxLayout(pages)
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #888; background: white;")
            column.addWidget(label, alignment=Qt.AlignmentFlag.AlignHCenter)
        if not self.pages:
            column.addWidget(QLabel(self.tr("No preview available on this computer: use "
                                            "“Open in PDF viewer” to see and print the "
                                            "document.")))
        scroll = QScrollArea()
        scroll.setWidget(pages)
        scroll.setWidgetResizable(True)
        self.status = QLabel("")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setEnabled(bool(self.pages))
        self.print_button.clicked.connect(self.print_document)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.save_as)
        self.open_button = QPushButton(self.tr("Open in PDF viewer"))
        self.open_button.clicked.connect(self.open_in_viewer)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        for button in (self.print_button, self.save_button, self.open_button, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        fit_on_screen(self, 760, 700)

    def save_as(self) -> Path | None:
        chosen = self._choose_save_path(self, self._suggested)
        if not chosen:
            return None
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            # Whole or not at all: a full disk leaves no cut-off PDF (and keeps an earlier
            # file of that name as it was).
            copy_atomically(self.pdf, target)
        except OutputWriteError as error:
            self.status.setText(self.tr("Not saved: %1").replace("%1", str(error)))
            return None
        self.status.setText(self.tr("Saved %1").replace("%1", str(target)))
        return target

    def open_in_viewer(self) -> bool:
        return bool(self._open_external(QUrl.fromLocalFile(str(self.pdf))))

    def print_document(self, printer: QPrinter | None = None) -> bool:
        """Print the pages (rasterised at 200 dpi) on a chosen printer."""
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        if not self._print_dialog(printer, self):
            return False
        images = self._rasterize(self.pdf, 200) or self.pages
        painter = QPainter()
        if not painter.begin(printer):
            self.status.setText(self.tr("The printer could not be opened."))
            return False
        try:
            for number, image in enumerate(images):
                if number:
                    printer.newPage()
                page = printer.pageLayout().paintRectPixels(printer.resolution())
                target = QRectF(0, 0, page.width(), page.height())
                scaled = image.size().scaled(int(target.width()), int(target.height()),
                                             Qt.AspectRatioMode.KeepAspectRatio)
                painter.drawImage(QRectF(0, 0, scaled.width(), scaled.height()), image)
        finally:
            painter.end()
        self.status.setText(self.tr("Sent %n page(s) to the printer.", "", len(images)))
        return True


def preview_visit_document(database, study_id: str, visit: str, kind: str = "summary",
                           paper: str = "letter", parent: QWidget | None = None,
                           **dialog_kwargs) -> PdfPreviewDialog:
    """Build the document for a visit into a temporary file and open the preview on it
    (what the lead wires to File → Print / Save as PDF), in the interface's language."""
    from app.exports.visit_report_data import gather_visit_report
    from app.forms.print_words import print_words
    from app.reports.documents import write_pdf

    with database.reading() as session:
        report = gather_visit_report(session, study_id, visit)
    folder = Path(tempfile.mkdtemp(prefix="preview-", dir=paths.private_print_dir()))
    name = f"{study_id}-{visit}-{kind}.pdf".replace(":", "-")
    pdf = write_pdf(report, kind, folder / name, paper, print_words())
    title = f"{_words(KIND_WORDS.get(kind, kind))} — {study_id} {visit}"
    dialog = PdfPreviewDialog(pdf, parent, title=title, suggested_name=name, **dialog_kwargs)
    # The document holds the child's identity: it lives as long as its preview.
    dialog.finished.connect(lambda _result: shutil.rmtree(folder, ignore_errors=True))
    dialog.destroyed.connect(lambda *_: shutil.rmtree(folder, ignore_errors=True))
    return dialog


# Emptied at start (a crash leaves one behind): defined with the folder, before Qt.
remove_leftover_previews = paths.remove_leftover_previews
