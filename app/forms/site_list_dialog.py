"""Tools → Site list: the clinic sites an administrator keeps (app.db.sites). The patient
dialog offers these; each change is one audited transaction, refused in plain words for a
role without the settings permission (checked by the service, as for the CLI)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.db.sites import add_site, list_sites, set_site_active
from app.domain.errors import InputError
from app.domain.permissions import AccessRefused
from app.forms.refusal_words import access_words, site_words
from app.forms.widgets import FieldMessage, grow_to_fit_text


class SiteListDialog(QDialog):
    def __init__(self, database: Database, user: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database, self.user = database, user
        self.setWindowTitle(self.tr("Site list"))
        intro = QLabel(self.tr("The sites offered in the patient dialog. Only an identified "
                                "export writes a patient's clinic; every export writes this "
                                "installation's site code instead (Tools → Site code)."))
        intro.setWordWrap(True)
        self.sites = QListWidget()
        self.sites.setAccessibleName(self.tr("Sites"))
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("New site name"))
        self.add_button = QPushButton(self.tr("&Add site"))
        self.toggle_button = QPushButton(self.tr("Stop &offering / offer again"))
        self.message = FieldMessage(self.tr("site list"))
        row = QHBoxLayout()
        row.addWidget(self.name, 1)
        row.addWidget(self.add_button)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self.sites):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.toggle_button)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
        self.refresh()

    def refresh(self) -> None:
        self.sites.clear()
        with self.database.reading() as session:
            rows = list_sites(session)
        for site in rows:
            item = QListWidgetItem(f"{site.id}  {site.name}"
                                   + ("" if site.active else "  " + self.tr("(not offered)")))
            item.setData(Qt.UserRole, (site.id, site.active))
            self.sites.addItem(item)

    def _run(self, action) -> bool:
        try:
            with self.database.session() as session:
                action(session)
        except (InputError, AccessRefused) as problem:
            # the list's refusals in the interface's words; a name as typed stays as typed
            self.message.show_message(access_words(problem) if isinstance(
                problem, AccessRefused) else site_words(problem.message))
            grow_to_fit_text(self)  # the message whole, and the text above it
            return False
        self.message.show_message("")
        self.refresh()
        return True

    def add(self) -> None:
        name = self.name.text()
        if self._run(lambda session: add_site(session, name, user=self.user)):
            self.name.clear()

    def toggle(self) -> None:
        item = self.sites.currentItem()
        if item is None:
            self.message.show_message(self.tr("Choose a site in the list first."))
            return
        site_id, active = item.data(Qt.UserRole)
        self._run(lambda session: set_site_active(session, site_id, not active,
                                                  user=self.user))
