"""Tools → Site code (issue 17): the administrator sets the code in the GUI; a bad code
stays in the box with the reason under it; a change after exports asks first; any other
role is refused by the service, whatever the menu shows."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QMessageBox
from sqlalchemy import delete, select

from app.db.models import AuditEntry, InstallationSetting
from app.db.site_code import site_code
from app.exports.export import export_database
from app.forms.site_code_dialog import SiteCodeDialog


def _code(database) -> str | None:
    with database.reading() as s:
        return site_code(s)


def test_the_administrator_sets_the_code_and_a_bad_one_stays_shown(qtbot, database, people):
    with database.session() as s:
        s.execute(delete(InstallationSetting))
    database.actor = people["admin"]
    dialog = SiteCodeDialog(database, "admin")
    qtbot.addWidget(dialog)
    dialog.code.setText("T-1")
    dialog.save()
    assert dialog.code.text() == "T-1" and "2 to 10" in dialog.message.text()
    assert _code(database) is None
    dialog.code.setText("tor")
    dialog.save()
    assert _code(database) == "TOR" and dialog.result() == QDialog.Accepted


def test_a_change_after_exports_asks_and_is_audited(qtbot, database, people, tmp_path,
                                                    monkeypatch):
    database.actor = people["admin"]
    export_database(database, tmp_path / "e", user="admin")
    asked = []
    answers = iter([QMessageBox.No, QMessageBox.Yes])

    def question(_parent, _title, text):
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = SiteCodeDialog(database, "admin")
    qtbot.addWidget(dialog)
    assert dialog.code.text() == "TEST"
    dialog.code.setText("SICK")
    dialog.save()  # No: nothing changes
    assert _code(database) == "TEST" and "1 exports" in asked[0]
    dialog.save()  # Yes
    assert _code(database) == "SICK"
    with database.reading() as s:
        reasons = s.scalars(select(AuditEntry.reason).where(
            AuditEntry.entity == "site_code")).all()
    assert reasons == ["changed after 1 exports, confirmed"]


def test_another_role_is_refused_by_the_service(qtbot, database, people):
    database.actor = people["nurse"]
    dialog = SiteCodeDialog(database, "nurse")
    qtbot.addWidget(dialog)
    dialog.code.setText("MTL")
    dialog.save()
    assert _code(database) == "TEST"
    assert "may not" in dialog.message.text()
