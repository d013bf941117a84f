"""Administrator: list user accounts, add one, change a role, deactivate, unlock, reset.

The dialog talks to ``UserAdministration`` (one session per action, the acting
administrator passed to every service call, so the service layer checks permission and
audits). Questions to the administrator go through overridable methods
(``ask_new_user``, ``ask_role``, ``ask_text``, ``ask_password``, ``confirm``) so tests
answer them without modal dialogs.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.db import users
from app.db.conflicts import ConcurrentEditError
from app.db.engine import Database
from app.db.types import utcnow
from app.domain.permissions import (
    ROLE_LABELS,
    Actor,
    PasswordPolicyError,
    Permission,
    Role,
    password_problem,
    require,
)
from app.forms.language import format_date
from app.forms.refusal_words import account_refusal_words
from app.forms.terms import ROLE, account_words, term

_Index = QModelIndex | QPersistentModelIndex


class UserAdministration:
    """The users dialog's services: each call one transaction, as ``actor``."""

    def __init__(self, database: Database, actor: Actor) -> None:
        require(actor, Permission.MANAGE_USERS)
        self.database = database
        self.actor = actor

    def rows(self) -> list[users.UserRow]:
        with self.database.session() as s:
            return users.list_users(s)

    def add(self, user_name: str, display_name: str, role: str, password: str) -> None:
        with self.database.session() as s:
            users.create_user(s, self.actor, user_name, display_name, role, password)

    # Each change passes the account as the dialog listed it: an account changed since
    # (by another administrator, or by its own sign-ins) is refused, never overwritten.
    def change_role(self, row: users.UserRow, role: str, reason: str) -> None:
        with self.database.session() as s:
            users.change_role(s, self.actor, row.user_name, role, reason,
                              expected_version=row.version_id, opened=row)

    def deactivate(self, row: users.UserRow, reason: str) -> None:
        with self.database.session() as s:
            users.deactivate_user(s, self.actor, row.user_name, reason,
                                  expected_version=row.version_id, opened=row)

    def reactivate(self, row: users.UserRow) -> None:
        with self.database.session() as s:
            users.reactivate_user(s, self.actor, row.user_name,
                                  expected_version=row.version_id, opened=row)

    def unlock(self, row: users.UserRow) -> None:
        with self.database.session() as s:
            users.unlock_account(s, self.actor, row.user_name,
                                 expected_version=row.version_id, opened=row)

    def reset_password(self, row: users.UserRow, password: str) -> None:
        with self.database.session() as s:
            users.reset_password(s, self.actor, row.user_name, password,
                                 expected_version=row.version_id, opened=row)


class UsersTableModel(QAbstractTableModel):
    USER, NAME, ROLE, STATUS, LAST_LOGIN = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("UsersTableModel", "User name"),
               QT_TRANSLATE_NOOP("UsersTableModel", "Full name"),
               QT_TRANSLATE_NOOP("UsersTableModel", "Role"),
               QT_TRANSLATE_NOOP("UsersTableModel", "Status"),
               QT_TRANSLATE_NOOP("UsersTableModel", "Last sign-in"))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[users.UserRow] = []

    def set_rows(self, rows: list[users.UserRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> users.UserRow:
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self._rows[index.row()]
        column = index.column()
        if column == self.USER:
            return row.user_name
        if column == self.NAME:
            return row.display_name
        if column == self.ROLE:
            return term(ROLE, ROLE_LABELS.get(Role(row.role), row.role))
        if column == self.STATUS:
            if not row.active:
                return self.tr("Deactivated")
            if row.is_locked(utcnow()):
                return self.tr("Locked (too many wrong passwords)")
            return self.tr("Active")
        if column == self.LAST_LOGIN:
            when = row.last_login_at
            return (f"{format_date(when.astimezone().date())} {when.astimezone():%H:%M}"
                    if when else self.tr("never"))
        return None


class NewUserDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add user"))
        self.user_name = QLineEdit()
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for role, label in ROLE_LABELS.items():
            self.role.addItem(term(ROLE, label), role.value)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("&Full name"), self.display_name)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("Initial &password"), self.password)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _check(self) -> None:
        problem = password_problem(self.password.text(), user_name=self.user_name.text())
        if problem:
            self.error.setText(account_words(problem))
            self.error.show()
            return
        self.accept()

    def values(self) -> tuple[str, str, str, str]:
        return (self.user_name.text().strip(), self.display_name.text().strip(),
                self.role.currentData(), self.password.text())


class UsersDialog(QDialog):
    def __init__(self, admin: UserAdministration, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.admin = admin
        self.setWindowTitle(self.tr("User accounts"))
        self.resize(760, 400)
        self.model = UsersTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.deactivate_button = QPushButton(self.tr("&Deactivate…"))
        self.reactivate_button = QPushButton(self.tr("Re&activate"))
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.reset_button = QPushButton(self.tr("Reset &password…"))
        self.add_button.clicked.connect(self.add_user)
        self.role_button.clicked.connect(self.change_role)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.unlock_button.clicked.connect(self.unlock)
        self.reset_button.clicked.connect(self.reset_password)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.role_button, self.deactivate_button,
                       self.reactivate_button, self.unlock_button, self.reset_button):
            buttons.addWidget(button)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.refresh()

    # ------------------------------------------------------- questions (overridable)

    def ask_new_user(self) -> tuple[str, str, str, str] | None:
        dialog = NewUserDialog(self)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def ask_role(self, current: str) -> str | None:
        labels = [term(ROLE, ROLE_LABELS[r]) for r in Role]
        label, ok = QInputDialog.getItem(self, self.tr("Change role"), self.tr("New role:"),
                                         labels, list(Role).index(Role(current)), False)
        if not ok:
            return None
        return next(r.value for r in Role if term(ROLE, ROLE_LABELS[r]) == label)

    def ask_text(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None

    def ask_password(self, user_name: str) -> str | None:
        text, ok = QInputDialog.getText(self, self.tr("Reset password"),
                                        self.tr("New password for %1:").replace("%1", user_name),
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    # ------------------------------------------------------------------ actions

    def refresh(self) -> None:
        self.model.set_rows(self.admin.rows())
        # Role names and headers whole (the French ones are longer), not elided.
        self.table.resizeColumnsToContents()

    def selected(self) -> users.UserRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_user(self, user_name: str) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row_at(row).user_name == user_name:
                self.table.selectRow(row)
                return

    def _run(self, done: str, action: Any, *args: Any) -> bool:
        try:
            action(*args)
        except ConcurrentEditError as error:
            self.message.setText(f"{error}\n"
                                 + self.tr("The list below now shows the accounts as stored."))
            self.message.setStyleSheet("color: #b00020;")
            self._refresh_keeping_selection()
            return False
        except (users.AccountError, PasswordPolicyError, PermissionError, ValueError) as error:
            self.message.setText(account_refusal_words(
                error.args[0] if error.args else str(error)))
            self.message.setStyleSheet("color: #b00020;")
            return False
        self.message.setText(done)
        self.message.setStyleSheet("")
        self._refresh_keeping_selection()
        return True

    def _refresh_keeping_selection(self) -> None:
        selected = self.selected()
        self.refresh()
        if selected is not None:
            self.select_user(selected.user_name)

    def _need_selection(self) -> users.UserRow | None:
        row = self.selected()
        if row is None:
            self.message.setText(self.tr("Select a user first."))
        return row

    def add_user(self) -> None:
        values = self.ask_new_user()
        if values is not None:
            if self._run(self.tr("Added %1.").replace("%1", values[0]), self.admin.add, *values):
                self.select_user(values[0])

    def change_role(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        role = self.ask_role(row.role)
        if role is None or role == row.role:
            return
        reason = self.ask_text(self.tr("Change role"), self.tr(
            "Reason for changing the role of %1:").replace("%1", row.user_name))
        if reason is None:
            return
        self._run(self.tr("%1 is now %2.").replace("%1", row.user_name).replace(
            "%2", term(ROLE, ROLE_LABELS[Role(role)])), self.admin.change_role, row, role, reason)

    def deactivate(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        reason = self.ask_text(self.tr("Deactivate user"), self.tr(
            "Reason for deactivating %1:").replace("%1", row.user_name))
        if reason is None:
            return
        self._run(self.tr("%1 can no longer sign in.").replace("%1", row.user_name),
                  self.admin.deactivate,
                  row, reason)

    def reactivate(self) -> None:
        row = self._need_selection()
        if row is not None:
            self._run(self.tr("%1 can sign in again.").replace("%1", row.user_name),
                      self.admin.reactivate, row)

    def unlock(self) -> None:
        row = self._need_selection()
        if row is not None:
            self._run(self.tr("%1 is unlocked.").replace("%1", row.user_name),
                      self.admin.unlock, row)

    def reset_password(self) -> None:
        row = self._need_selection()
        if row is None:
            return
        password = self.ask_password(row.user_name)
        if password is not None:
            self._run(self.tr("New password set for %1.").replace("%1", row.user_name),
                      self.admin.reset_password,
                      row, password)

    def confirm(self, question: str) -> bool:
        answer = QMessageBox.question(self, self.tr("User accounts"), question)
        return answer == QMessageBox.StandardButton.Yes
