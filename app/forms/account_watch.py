"""The signed-in account as it is now: re-read periodically, after every change reported
in the main window and when the application becomes active again, so that a role lowered
or an account deactivated (at this or another workstation) is followed by the open
windows. Only what the interface offers changes here; the services check the account
themselves on every call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog
from shiboken6 import isValid as shiboken_valid
from sqlalchemy.exc import SQLAlchemyError

from app.db.access import account_now
from app.domain.permissions import Actor, Permission
from app.forms.main_menus import apply_permissions

if TYPE_CHECKING:
    from app.forms.main_window import MainWindow

# How often the signed-in account is re-read (one small query): a role lowered at another
# workstation reaches this one's open windows within a minute.
ACCOUNT_CHECK_MS = 60_000

# Windows that a role may lose mid-session (the others need only view_data or
# enter_data, which every role has).
# By class name: the dialogs are imported only when first opened.
DIALOG_PERMISSIONS = {"UsersDialog": Permission.MANAGE_USERS,
                      "SiteCodeDialog": Permission.CHANGE_SETTINGS,
                      "SettingsDialog": Permission.CHANGE_SETTINGS,
                      "SiteListDialog": Permission.CHANGE_SETTINGS,
                      "EncryptionDialog": Permission.MANAGE_ENCRYPTION}


class AccountWatch(QObject):
    """Follows the account signed in to ``window`` (its ``database.actor``)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.recheck)
        self.timer.start(ACCOUNT_CHECK_MS)
        window.changes.visit_saved.connect(lambda _visit: self.recheck())
        window.changes.patient_changed.connect(lambda _patient: self.recheck())
        application = QApplication.instance()
        if application is not None:
            application.applicationStateChanged.connect(self._application_state)

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.recheck()

    def recheck(self) -> None:
        window = self.window
        actor = window.database.actor
        # A window already closed (signed out, quit, replaced) watches nothing: it would
        # otherwise answer the application becoming active with a message of its own.
        if not isinstance(actor, Actor) or window.signed_out or window.closed:
            return
        try:
            with window.database.reading() as session:
                now = account_now(session, actor)
        except SQLAlchemyError:  # unreachable for a moment: the next check will tell
            return
        if now == actor:
            return
        if now is None:
            self._account_withdrawn()
            return
        window.database.actor = now
        apply_permissions(window)
        may_audit = now.may(Permission.VIEW_AUDIT)
        for visit_window in list(window.visit_windows.values()):
            visit_window.account_changed(may_view_audit=may_audit)
        if not may_audit:
            self._close_audit_window()
            from app.forms.patient_page import PatientPage

            for page in window.findChildren(PatientPage):
                page.audit_button.setEnabled(False)
        for dialog in window.findChildren(QDialog):
            needed = DIALOG_PERMISSIONS.get(type(dialog).__name__)
            if needed is not None and dialog.isVisible() and not now.may(needed):
                dialog.reject()

    def _close_audit_window(self) -> None:
        view, self.window.audit_window = self.window.audit_window, None
        if view is not None and shiboken_valid(view):
            view.close()

    def _account_withdrawn(self) -> None:
        """Deactivated (or removed) mid-session: every window closes, drafts kept, and the
        workstation goes back to the sign-in."""
        window = self.window
        for visit_pk, visit_window in list(window.visit_windows.items()):
            visit_window.close_keeping_draft()
            window.visit_windows.pop(visit_pk, None)  # (deleted later, by the event loop)
        self._close_audit_window()
        for dialog in window.findChildren(QDialog):
            if dialog.isVisible():
                dialog.reject()
        window.warn(QCoreApplication.translate("MainWindow", "Signed out"),
                    QCoreApplication.translate(
                        "MainWindow",
                        "Your account has been deactivated by an administrator: you are "
                        "signed out. What you had typed is kept as a draft."))
        window.signed_out = True
        window.on_sign_out()
