"""File menu: print a visit document, export for coordinators, import an export."""

from datetime import date
from pathlib import Path

import pytest
from database_fixtures import give_site_code
from sqlalchemy import func, select

from app.db.demo import fill_demo_database
from app.db.models import Enrollment, Patient
from app.db.opening import open_database
from app.exports.export import export_database
from app.forms.main_window import MainWindow
from app.forms.pdf_preview import PdfPreviewDialog
from app.forms.print_dialog import PrintChoiceDialog

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

AS_OF = date(2026, 11, 1)


def _window(qtbot, database, patients=8):
    if patients:
        fill_demo_database(database, patients=patients, seed=4, as_of=AS_OF)
    window = MainWindow(database, user="coordinator", today=AS_OF)
    qtbot.addWidget(window)
    return window


def _select_enrolled(window, database):
    with database.session() as s:
        study_id = s.scalar(select(Patient.study_id).join(Enrollment).order_by(Patient.id))
    window.select_study_id(study_id)
    return study_id


def test_print_builds_the_chosen_document_and_previews_it(qtbot, database, monkeypatch):
    window = _window(qtbot, database)
    study_id = _select_enrolled(window, database)
    chosen: dict = {}
    previews: list[PdfPreviewDialog] = []

    def make_print_dialog(patient_id, sid):
        dialog = PrintChoiceDialog(database, patient_id, sid, today=AS_OF, parent=window)
        qtbot.addWidget(dialog)
        assert dialog.visit.count() == 6
        dialog.visit.setCurrentIndex(dialog.visit.findData("baseline"))
        dialog.documents.button(2).setChecked(True)  # dosing sheet
        dialog.paper.setCurrentIndex(dialog.paper.findData("a4"))
        monkeypatch.setattr(dialog, "exec", lambda: 1)
        chosen["dialog"] = dialog
        return dialog

    monkeypatch.setattr(window, "make_print_dialog", make_print_dialog)
    warnings = []
    monkeypatch.setattr(window, "warn", lambda title, text: warnings.append(text))
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: previews.append(self) or 0)
    window.print_action.trigger()

    assert warnings == []
    assert chosen["dialog"].choice() == ("baseline", "dosing", "a4")
    (preview,) = previews
    qtbot.addWidget(preview)
    assert preview.pdf.name == f"{study_id}-baseline-dosing.pdf"
    assert preview.pdf.read_bytes().startswith(b"%PDF")
    assert preview.pages  # rendered for the on-screen preview


def test_print_without_selection_says_so(qtbot, database):
    window = _window(qtbot, database, patients=0)
    window.print_action.trigger()
    assert "Select a patient" in window.statusBar().currentMessage()


def test_export_action_opens_the_export_dialog(qtbot, database, monkeypatch):
    window = _window(qtbot, database, patients=2)
    opened = []
    monkeypatch.setattr("app.forms.export_dialog.ExportDialog.exec",
                        lambda self: opened.append(self) or 0)
    window.export_action.trigger()
    (dialog,) = opened
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Export for coordinators"


def test_import_from_the_menu_adds_patients_and_reports(qtbot, database, tmp_path,
                                                         monkeypatch):
    give_site_code(open_database(str(tmp_path / "other-clinic.sqlite3")))  # it exports
    source = open_database(str(tmp_path / "other-clinic.sqlite3"))
    fill_demo_database(source, patients=5, seed=9, as_of=AS_OF)
    out = tmp_path / "export"
    export_database(source, out, profile="identified", fmt="redcap", user="coordinator")
    window = _window(qtbot, database, patients=0)
    shown = []
    monkeypatch.setattr(window, "choose_import_folder", lambda: str(out))
    monkeypatch.setattr(window, "show_import_result",
                        lambda title, text, ok: shown.append((title, text, ok)))
    window.import_action.trigger()
    qtbot.waitUntil(lambda: shown != [])  # the import runs on a worker thread
    assert shown and shown[0][0] == "Import finished" and shown[0][2] is True
    assert window.model.rowCount() == 5
    with database.session() as s:
        assert s.scalar(select(func.count()).select_from(Patient)) == 5


def test_import_of_a_broken_folder_is_rejected_and_changes_nothing(qtbot, database, tmp_path,
                                                                   monkeypatch):
    broken = Path(tmp_path / "broken")
    broken.mkdir()
    (broken / "redcap_data.csv").write_text("not,a,real,export\n")
    window = _window(qtbot, database, patients=0)
    shown = []
    monkeypatch.setattr(window, "choose_import_folder", lambda: str(broken))
    monkeypatch.setattr(window, "show_import_result",
                        lambda title, text, ok: shown.append((title, text, ok)))
    window.import_action.trigger()
    qtbot.waitUntil(lambda: shown != [])  # the import runs on a worker thread
    assert shown[0][0] == "Import rejected" and shown[0][2] is False
    assert "nothing was changed" in shown[0][1]
    assert window.model.rowCount() == 0
