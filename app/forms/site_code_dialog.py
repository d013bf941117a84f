"""Tools → Site code: the installation's site code (app.db.site_code), set once by an
administrator. The service checks the role and audits; a change after exports asks here
for confirmation, the service refusing it otherwise."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.db.site_code import SiteCodeChangeNeedsConfirmation, set_site_code, site_code
from app.domain.errors import InputError
from app.domain.permissions import AccessRefused
from app.forms.refusal_words import access_words, site_words
from app.forms.widgets import FieldMessage, grow_to_fit_text


class SiteCodeDialog(QDialog):
    def __init__(self, database: Database, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.user = database, user
        self.setWindowTitle(self.tr("Site code"))
        intro = QLabel(self.tr(
            "The short code of this site (2 to 10 capital letters and digits, starting with "
            "a letter). Every exported record id starts with it (SITE-studyid), so that the "
            "coordinator can pool several sites. Set it once; changing it later splits this "
            "site's records in two at the coordinator."))
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setAccessibleName(self.tr("Site code"))
        self.code.setMaxLength(10)
        with database.reading() as session:
            self.code.setText(site_code(session) or "")
        self.message = FieldMessage(self.tr("site code"))
        buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.code, self.message, buttons):
            layout.addWidget(widget)

    def save(self, *, confirmed: bool = False) -> None:
        try:
            with self.database.session() as session:
                set_site_code(session, self.code.text(), user=self.user,
                              confirm_change=confirmed)
        except SiteCodeChangeNeedsConfirmation as error:
            answer = QMessageBox.question(self, self.tr("Change the site code?"),
                                          site_words(error.message))
            if answer == QMessageBox.Yes:
                self.save(confirmed=True)
            return
        except (InputError, AccessRefused) as error:
            # What was typed stays in the box, with the reason under it.
            self.message.show_message(access_words(error) if isinstance(error, AccessRefused)
                                      else site_words(error.message))
            grow_to_fit_text(self)  # the message whole, and the text above it
            return
        self.accept()
