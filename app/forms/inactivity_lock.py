"""Lock the window after N idle minutes; unlock with the signed-in person's password.

``InactivityLock`` is an application-wide event filter: any key, mouse or wheel input
counts as activity. A timer (every ``check_interval_ms``) compares the injected clock
with the last activity; tests inject a fake clock and call ``check()`` directly.

While locked an opaque cover hides the main window's content (children's health data)
and every other visible window gets a plain cover too (open dialogs keep their typed
data: they are covered, not closed). Input outside the unlock form is swallowed.
The password check is injected (``confirm(password) -> Actor``, normally
``users.confirm_password`` which counts failures towards the lockout), as are
``on_lock`` / ``on_unlock`` (normally audit ``screen_locked`` / ``screen_unlocked``).
"""

from __future__ import annotations

import html
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.db.engine import Database
from app.domain.permissions import DEFAULT_INACTIVITY_MINUTES, Actor, validate_inactivity_minutes
from app.forms.refusal_words import access_words

Confirm = Callable[[str], Actor]

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}
_INPUT = _ACTIVITY | {
    QEvent.Type.KeyRelease,
    QEvent.Type.ShortcutOverride,
    QEvent.Type.Shortcut,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
}


class LockCover(QWidget):
    """Opaque cover over a window; the main window's cover carries the unlock form."""

    def __init__(self, parent: QWidget, actor: Actor | None, with_form: bool) -> None:
        super().__init__(parent)
        self.setObjectName("lock_cover")
        self.setAutoFillBackground(True)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lock_cover { background: palette(window); }")
        layout = QVBoxLayout(self)
        layout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password: QLineEdit | None = None
        self.error: QLabel | None = None
        self.unlock_button: QPushButton | None = None
        if not with_form:
            layout.addWidget(QLabel(self.tr("jdm-ctp is locked. Unlock it in the main "
                                            "window.")))
            return
        who = (html.escape(f"{actor.printed_name} ({actor.user_name})") if actor else "")
        title = QLabel(self.tr("<h2>jdm-ctp is locked</h2><p>Signed in: %1</p><p>Enter your "
                               "password to continue.</p>").replace("%1", who))
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setMaximumWidth(320)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        layout.addWidget(title)
        layout.addWidget(self.password, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.error, alignment=Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.unlock_button, alignment=Qt.AlignmentFlag.AlignCenter)

    def fit(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()


class InactivityLock(QObject):
    def __init__(
        self,
        window: QWidget,
        actor: Actor,
        confirm: Confirm,
        *,
        minutes: int = DEFAULT_INACTIVITY_MINUTES,
        clock: Callable[[], float] = time.monotonic,
        timer: QTimer | None = None,
        check_interval_ms: int = 15_000,
        on_lock: Callable[[], None] | None = None,
        on_unlock: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.actor = actor
        self._confirm = confirm
        self.minutes = validate_inactivity_minutes(minutes)
        self._clock = clock
        self._last_activity = clock()
        self._on_lock = on_lock
        self._on_unlock = on_unlock
        self.cover: LockCover | None = None
        self._other_covers: list[LockCover] = []
        self.timer = timer if timer is not None else QTimer(self)
        self.timer.setInterval(check_interval_ms)
        self.timer.timeout.connect(self.check)

    # -------------------------------------------------------------- lifecycle

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.window.installEventFilter(self)
        self._last_activity = self._clock()
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.removeEventFilter(self)

    def set_minutes(self, minutes: object) -> None:
        """Change the idle time while running (settings dialog); ValueError if out of range.

        Measured from the last activity as before: a shorter time may lock at the next check.
        """
        self.minutes = validate_inactivity_minutes(minutes)

    @property
    def locked(self) -> bool:
        return self.cover is not None

    def idle_seconds(self) -> float:
        return self._clock() - self._last_activity

    # --------------------------------------------------------------- checking

    def check(self) -> None:
        if not self.locked and self.idle_seconds() >= self.minutes * 60:
            self.lock()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize and self.cover is not None:
            self.cover.fit()
        if kind not in _INPUT:
            return False
        if not self.locked:
            if kind in _ACTIVITY:
                self._last_activity = self._clock()
            return False
        # Locked: only the unlock form receives input.
        return not self._inside_cover(watched)

    def _inside_cover(self, watched: QObject) -> bool:
        if self.cover is None:
            return False
        node: QObject | None = watched
        while node is not None:
            if node is self.cover:
                return True
            node = node.parent()
        return False

    # ---------------------------------------------------------- lock / unlock

    def lock(self) -> None:
        if self.locked:
            return
        cover = LockCover(self.window, self.actor, with_form=True)
        assert cover.password is not None and cover.unlock_button is not None
        cover.unlock_button.clicked.connect(lambda: self.try_unlock())
        cover.password.returnPressed.connect(lambda: self.try_unlock())
        cover.fit()
        cover.show()
        cover.password.setFocus()
        self.cover = cover
        for other in QApplication.topLevelWidgets():
            if other is self.window or not other.isVisible():
                continue
            extra = LockCover(other, None, with_form=False)
            extra.fit()
            extra.show()
            self._other_covers.append(extra)
        if self._on_lock is not None:
            self._on_lock()

    def try_unlock(self, password: str | None = None) -> bool:
        if self.cover is None:
            return True
        assert self.cover.password is not None and self.cover.error is not None
        typed = self.cover.password.text() if password is None else password
        from app.db import users

        self.cover.password.clear()
        try:
            self._confirm(typed)
        except users.AccountError as error:
            self.cover.error.setText(access_words(error))
            self.cover.error.show()
            return False
        self.unlock()
        return True

    def unlock(self) -> None:
        if self.cover is not None:
            self.cover.hide()
            self.cover.deleteLater()
            self.cover = None
        for extra in self._other_covers:
            extra.hide()
            extra.deleteLater()
        self._other_covers.clear()
        self._last_activity = self._clock()
        if self._on_unlock is not None:
            self._on_unlock()


def inactivity_lock_for(
    window: QWidget, database: Database, actor: Actor, minutes: int = DEFAULT_INACTIVITY_MINUTES
) -> InactivityLock:
    """The lock wired to the database: password checks count, lock/unlock audited."""
    # The accounts' services (and the models) on first use, not before the list's first
    # paint (issue 22).

    def confirm(password: str) -> Actor:
        from app.db import users

        return users.confirm_password(database, actor, password)

    def audit_event(action: str) -> Callable[[], None]:
        def record() -> None:
            # The lock's minutes now, not at start: the settings dialog may have changed them.
            reason = f"{lock.minutes} minutes inactive" if action == "screen_locked" else None
            from app.db import users

            with database.session() as session:
                users.record_event(session, actor, action, reason=reason)
        return record

    lock = InactivityLock(
        window, actor,
        confirm,
        minutes=minutes,
        on_lock=audit_event("screen_locked"),
        on_unlock=audit_event("screen_unlocked"),
    )
    return lock
