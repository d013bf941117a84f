"""Sign-in dialog, and the first-start dialog that creates the administrator account.

The dialogs call injected functions (``sign_in(user, password) -> Actor`` and
``create_admin(user, display, password) -> Actor``) and show any ``AccountError`` /
policy message under the fields; the password is cleared after a failure, the user
name stays. ``sign_in_at_start(database)`` is what the GUI calls before the main window.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.domain.permissions import (
    MIN_PASSWORD_LENGTH,
    Actor,
    PasswordPolicyError,
    password_problem,
    user_name_problem,
)
from app.forms.refusal_words import access_words, account_refusal_words
from app.forms.terms import account_words
from app.forms.widgets import AfterFirstPaint, grow_to_fit_text

SignIn = Callable[[str, str], Actor]
CreateAdmin = Callable[[str, str, str], Actor]


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("error")
    label.setStyleSheet("color: #b00020;")
    label.setWordWrap(True)
    label.hide()
    return label


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


class LoginDialog(QDialog):
    def __init__(self, sign_in: SignIn, *, database_name: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._sign_in = sign_in
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Sign in to jdm-ctp"))
        self.setModal(True)
        self.user_name = QLineEdit()
        self.user_name.setAccessibleName(self.tr("User name"))
        self.password = _password_field()
        self.password.setAccessibleName(self.tr("Password"))
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("&Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if database_name:
            where = QLabel(self.tr("Database: %1").replace("%1", database_name))
            where.setWordWrap(True)
            layout.addWidget(where)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        grow_to_fit_text(self)  # a locked account's message whole, also in French

    def try_sign_in(self) -> None:
        from app.db import users

        name = self.user_name.text().strip()
        if not name:
            self.show_error(self.tr("Enter your user name."))
            self.user_name.setFocus()
            return
        try:
            self.actor = self._sign_in(name, self.password.text())
        except users.AccountError as error:
            self.password.clear()
            self.password.setFocus()
            self.show_error(access_words(error))
            return
        self.password.clear()
        self.accept()


class FirstAdministratorDialog(QDialog):
    """First start: no accounts exist yet, so the person installing creates the administrator."""

    def __init__(self, create_admin: CreateAdmin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create = create_admin
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Create the administrator account"))
        self.setModal(True)
        intro = QLabel(self.tr(
            "This is the first start of jdm-ctp with this database. Create the administrator "
            "account: it adds the other users and chooses their roles. The password must "
            "have at least %1 characters.").replace("%1", str(MIN_PASSWORD_LENGTH)))
        intro.setWordWrap(True)
        self.user_name = QLineEdit()
        self.display_name = QLineEdit()
        self.password = _password_field()
        self.confirm = _password_field()
        self.error = _error_label()
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("&Full name (printed on signatures)"), self.display_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Repeat password"), self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create administrator"))
        self.buttons.accepted.connect(self.try_create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problem(self) -> str | None:
        name = self.user_name.text().strip()
        problem = user_name_problem(name) or password_problem(self.password.text(),
                                                              user_name=name)
        if problem:
            return account_words(problem)
        if self.password.text() != self.confirm.text():
            return self.tr("The two passwords are not the same.")
        return None

    def try_create(self) -> None:
        from app.db import users

        problem = self.problem()
        if problem is None:
            try:
                self.actor = self._create(self.user_name.text().strip(),
                                          self.display_name.text().strip(),
                                          self.password.text())
            except (users.AccountError, PasswordPolicyError) as error:
                problem = account_refusal_words(
                    error.args[0] if error.args else str(error))
        if problem is not None:
            self.error.setText(problem)
            self.error.show()
            return
        self.password.clear()
        self.confirm.clear()
        self.accept()


def database_sign_in(database: Database) -> SignIn:
    def sign_in(name: str, password: str) -> Actor:
        from app.db import users  # loaded while the dialog waits (sign_in_at_start)

        return users.sign_in(database, name, password)

    return sign_in


def database_create_admin(database: Database) -> CreateAdmin:
    def create(name: str, display: str, password: str) -> Actor:
        from app.db import users

        with database.session() as session:
            return users.create_first_administrator(session, name, display, password)

    return create


def sign_in_at_start(
    database: Database,
    parent: QWidget | None = None,
    run: Callable[[QDialog], int] = lambda dialog: dialog.exec(),
) -> Actor | None:
    """First start: create the administrator; otherwise sign in. None if cancelled."""
    from app.db.access import has_accounts

    with database.reading_connection() as connection:
        first_start = not has_accounts(connection)
    dialog: LoginDialog | FirstAdministratorDialog
    if first_start:
        dialog = FirstAdministratorDialog(database_create_admin(database), parent)
    else:
        dialog = LoginDialog(database_sign_in(database), database_name=database.display_name,
                             parent=parent)
    # The accounts' services and the storage models (a quarter of the start's CPU) load
    # while the person types, not after they press Enter; the patient list needs neither.
    AfterFirstPaint(dialog, lambda: importlib.import_module("app.db.users"))
    run(dialog)
    return dialog.actor  # set only when the dialog succeeded
