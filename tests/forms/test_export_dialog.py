"""The export dialog: profile choice, confirmation for identified data, progress, cancel."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from clinic_data import fill_clinic  # noqa: E402

from app.exports.export import ExportCancelled  # noqa: E402
from app.forms.export_dialog import ExportDialog  # noqa: E402

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def clinic(database):
    fill_clinic(database)
    return database


def make_dialog(qtbot, database, **kwargs):
    dialog = ExportDialog(database, user="coordinator", **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def test_deidentified_export_runs_with_progress_and_finishes(qtbot, clinic, tmp_path):
    dialog = make_dialog(qtbot, clinic, choose_directory=lambda parent: str(tmp_path / "out"))
    dialog._browse()
    assert dialog.profile.currentData() == "deidentified"  # the default
    with qtbot.waitSignal(dialog.export_finished, timeout=20000) as finished:
        assert dialog.start_export()
    result = finished.args[0]
    assert result.records == 2
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["profile"] == "deidentified"
    assert dialog.progress.value() == dialog.progress.maximum()
    assert "Exported 2 patients" in dialog.status.text()


def test_the_odm_format_is_offered_and_written(qtbot, clinic, tmp_path):
    """CDISC ODM 1.3.2 from the dialog: the same files as ``jdm-ctp export --format odm``
    (the file itself: tests/reports/test_odm_export.py)."""
    dialog = make_dialog(qtbot, clinic, choose_directory=lambda parent: str(tmp_path / "out"))
    dialog._browse()
    dialog.format.setCurrentIndex(dialog.format.findData("odm"))
    assert "ODM 1.3.2" in dialog.format.currentText()
    with qtbot.waitSignal(dialog.export_finished, timeout=20000):
        assert dialog.start_export()
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["format"] == "odm" and manifest["profile"] == "deidentified"
    assert {f["name"] for f in manifest["files"]} == {"odm_clinical_data.xml",
                                                       "redcap_project.xml"}


def test_identified_export_needs_confirmation(qtbot, clinic, tmp_path):
    asked = []

    def refuse(parent, text):
        asked.append(text)
        return False

    dialog = make_dialog(qtbot, clinic, confirm_identified=refuse)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.profile.setCurrentIndex(dialog.profile.findData("identified"))
    assert not dialog.start_export()
    assert asked and "names" in asked[0]
    assert not (tmp_path / "out").exists()
    assert "not confirmed" in dialog.status.text()

    dialog2 = make_dialog(qtbot, clinic, confirm_identified=lambda parent, text: True)
    dialog2.folder.setText(str(tmp_path / "out2"))
    dialog2.profile.setCurrentIndex(dialog2.profile.findData("identified"))
    dialog2.format.setCurrentIndex(dialog2.format.findData("wide"))
    with qtbot.waitSignal(dialog2.export_finished, timeout=20000):
        assert dialog2.start_export()
    assert "Lovelace" in (tmp_path / "out2" / "wide_data.csv").read_text(encoding="utf-8")


def test_cancel_stops_the_export(qtbot, clinic, tmp_path):
    started = threading.Event()

    def slow_export(database, out_dir, *, progress, cancelled, **kwargs):
        progress(0, 10)
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise ExportCancelled("cancelled")

    dialog = make_dialog(qtbot, clinic, export_function=slow_export)
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.export_cancelled, timeout=20000):
        assert dialog.start_export()
        qtbot.waitUntil(started.is_set, timeout=5000)
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert "cancelled" in dialog.status.text()
    assert dialog.export_button.isEnabled() and not dialog.running


def test_export_onto_a_full_disk_says_so_and_leaves_no_folder(qtbot, clinic, tmp_path,
                                                               monkeypatch):
    from full_disk import FillingDisk

    import app.reports.csv_safety as csv_safety

    disk = FillingDisk(2000)
    monkeypatch.setattr(csv_safety, "open", disk.open, raising=False)
    dialog = make_dialog(qtbot, clinic)
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.export_failed, timeout=20000) as failed:
        assert dialog.start_export()
    assert disk.failures == 1
    assert "is full: nothing was written" in failed.args[0]
    assert "is full" in dialog.status.text()
    assert not (tmp_path / "out").exists()
    assert not [p for p in tmp_path.iterdir() if ".partial-" in p.name]


def test_a_read_only_database_is_refused_before_any_file(qtbot, clinic, tmp_path):
    from app.db import file_health

    file_health.refuse_writes(clinic, "The database is damaged; restore the newest backup.")
    dialog = make_dialog(qtbot, clinic)
    dialog.folder.setText(str(tmp_path / "out"))
    with qtbot.waitSignal(dialog.export_failed, timeout=20000) as failed:
        assert dialog.start_export()
    assert "restore the newest backup" in failed.args[0]
    assert not (tmp_path / "out").exists()


def test_no_folder_gives_a_message(qtbot, clinic):
    dialog = make_dialog(qtbot, clinic)
    assert not dialog.start_export()
    assert "Choose a folder" in dialog.status.text()


# ------------------------------------------------------------ print / save-as preview


def test_pdf_preview_shows_pages_saves_and_prints(qtbot, clinic, tmp_path):
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

    from app.forms.pdf_preview import preview_visit_document

    def fake_pages(pdf, dpi):
        image = QImage(85, 110, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        return [image, image]

    printed = []

    def accept_printer(printer, parent):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printed.pdf"))
        printed.append(printer)
        return True

    dialog = preview_visit_document(
        clinic, "JDM-001", "month_6", "summary", "a4", rasterize=fake_pages,
        choose_save_path=lambda parent, name: str(tmp_path / "saved"),
        print_dialog=accept_printer, open_external=lambda url: True)
    qtbot.addWidget(dialog)
    assert len(dialog.pages) == 2 and dialog.print_button.isEnabled()
    saved = dialog.save_as()
    assert saved == tmp_path / "saved.pdf" and saved.read_bytes().startswith(b"%PDF")
    assert dialog.print_document()
    assert printed and (tmp_path / "printed.pdf").exists()
    assert dialog.open_in_viewer()


def test_save_as_pdf_onto_a_full_disk_leaves_the_earlier_file(qtbot, clinic, tmp_path,
                                                              monkeypatch):
    import errno
    import os

    from app.forms.pdf_preview import preview_visit_document

    target = tmp_path / "saved.pdf"
    target.write_bytes(b"%PDF the earlier summary")
    dialog = preview_visit_document(
        clinic, "JDM-001", "month_6", "summary", rasterize=lambda pdf, dpi: [],
        choose_save_path=lambda parent, name: str(target))
    qtbot.addWidget(dialog)
    calls = []

    def sendfile_onto_a_full_disk(out_fd, in_fd, offset, count):
        # The kernel copy shutil uses on Linux: 1,000 bytes fit, then the disk is full.
        calls.append(count)
        os.write(out_fd, os.pread(in_fd, 1000, offset))
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "sendfile", sendfile_onto_a_full_disk)
    assert dialog.save_as() is None
    assert calls
    assert "Not saved" in dialog.status.text() and "full" in dialog.status.text()
    assert target.read_bytes() == b"%PDF the earlier summary"
    assert not [p.name for p in tmp_path.iterdir() if ".partial-" in p.name]


def test_pdf_preview_without_a_renderer_offers_the_viewer(qtbot, clinic):
    from app.forms.pdf_preview import preview_visit_document

    dialog = preview_visit_document(clinic, "JDM-001", "baseline", "worksheet",
                                    rasterize=lambda pdf, dpi: [])
    qtbot.addWidget(dialog)
    assert not dialog.print_button.isEnabled() and dialog.open_button.isEnabled()


def test_the_preview_pdf_is_private_and_removed_on_close(qtbot, clinic, tmp_path):
    """A previewed visit document (name, date of birth) never lingers in a shared
    temporary folder: it is written in the user's private preview folder and removed when
    the preview closes; leftovers of a crashed session are removed at the next start."""
    import stat
    import tempfile

    from app import paths
    from app.forms.pdf_preview import preview_visit_document, remove_leftover_previews

    shared_tmp = Path(tempfile.gettempdir())
    before = set(shared_tmp.glob("jdm-ctp-print-*"))
    dialog = preview_visit_document(clinic, "JDM-001", "baseline", "summary",
                                    rasterize=lambda pdf, dpi: [])
    qtbot.addWidget(dialog)
    pdf = dialog.pdf
    assert pdf.exists() and paths.private_print_dir() in pdf.parents
    assert stat.S_IMODE(paths.private_print_dir().stat().st_mode) == 0o700
    assert set(shared_tmp.glob("jdm-ctp-print-*")) == before
    dialog.reject()
    assert not pdf.exists() and list(paths.private_print_dir().iterdir()) == []

    # A crash leaves one behind; the next start removes it.
    left = paths.private_print_dir() / "preview-crashed"
    left.mkdir()
    (left / "JDM-001-baseline-summary.pdf").write_bytes(b"%PDF-1.4")
    assert remove_leftover_previews() == 1
    assert list(paths.private_print_dir().iterdir()) == []
