"""Small widgets shared by the wizards and dialogs: the date field (``date_field``), a
message next to a field, a big verdict/dose banner, and an injectable question box
(tests replace it)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QTextEdit,
    QWidget,
)

if TYPE_CHECKING:
    from app.forms.widgets.date_field import DateField as DateField


def __getattr__(name: str) -> Any:  # PEP 562: the date field (and its date words) on first use
    # Not imported with the package: the sign-in and the patient list have no date field,
    # and the start imports this package before its first paint (issue 22).
    if name == "DateField":
        from app.forms.widgets.date_field import DateField

        return DateField
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

ERROR_STYLE = "color: #a00000;"
HINT_STYLE = "color: #555555;"
PROVISIONAL_STYLE = (
    "color: #6b4a00; background: #fff4d6; border: 1px solid #d9b44a; padding: 2px 4px;"
)

# (parent, title, text, buttons) -> the chosen button's text. Tests replace it.
AskFunction = Callable[[QWidget | None, str, str, Sequence[str]], str]


def ask_with_message_box(parent: QWidget | None, title: str, text: str,
                         buttons: Sequence[str]) -> str:
    """Ask a question; the last button is the safe default (Escape)."""
    box = QMessageBox(parent)
    box.setWindowTitle(title)
    box.setText(text)
    box.setIcon(QMessageBox.Question)
    made = [box.addButton(label, QMessageBox.ActionRole) for label in buttons]
    box.setDefaultButton(made[-1])
    box.setEscapeButton(made[-1])
    box.exec()
    clicked = box.clickedButton()
    for label, button in zip(buttons, made, strict=True):
        if button is clicked:
            return label
    return buttons[-1]


class FieldMessage(QLabel):
    """The reason a field is not valid, shown next to it (empty = hidden)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(ERROR_STYLE)
        self.setAccessibleName(self.tr("Problem with %1").replace("%1", name))
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


def provisional_label(text: str = "Provisional — verify against the published plan") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(PROVISIONAL_STYLE)
    return label


def banner(text: str = "", point_size: int = 18) -> QLabel:
    """A large, bold label for a verdict or a dose, impossible to overlook."""
    label = QLabel(text)
    label.setWordWrap(True)
    font = QFont(label.font())
    font.setPointSize(point_size)
    font.setBold(True)
    label.setFont(font)
    return label


BANNER_STYLES = {
    "good": "color: #0b4f1c; background: #dff3e3; border: 2px solid #2e7d32; padding: 10px;",
    "bad": "color: #7a0000; background: #fde2e1; border: 2px solid #c62828; padding: 10px;",
    "wait": "color: #5a3d00; background: #fff1cc; border: 2px solid #b7791f; padding: 10px;",
    "info": "color: #0d2f5a; background: #e3eefb; border: 2px solid #1f5fa8; padding: 10px;",
}


# The smallest screen the clinics use is 1366×768; a taskbar takes about 40 px of it.
SMALL_SCREEN_WIDTH, SMALL_SCREEN_HEIGHT = 1366, 728


def labelled(text: str, widget: QWidget) -> QLabel:
    """A form label whose mnemonic (&) moves the focus to ``widget``."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label


def clear_layout(layout) -> None:  # noqa: ANN001 - any QLayout
    """Remove and delete everything in ``layout`` (pages rebuilt for a new arm)."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
        elif item.layout() is not None:
            clear_layout(item.layout())


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Open ``window`` at the size wanted, but never larger than a 1366×768 screen less
    its taskbar, nor than the screen it is on: content scrolls instead."""
    width, height = min(width, SMALL_SCREEN_WIDTH), min(height, SMALL_SCREEN_HEIGHT)
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(width, available.width())
        height = min(height, available.height())
    window.resize(width, height)
    install_mnemonic_guard()


def grow_to_fit_text(window: QWidget) -> None:
    """Make ``window`` tall enough for its wrapped text at its present width (a dialog
    sized before a longer sentence was shown, or a longer translation, cut it)."""
    layout = window.layout()
    if layout is None:
        return
    layout.activate()
    needed = (layout.totalHeightForWidth(window.width()) if layout.hasHeightForWidth()
              else layout.totalSizeHint().height())
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:  # never taller than the screen: its buttons stay reachable
        needed = min(needed, screen.availableGeometry().height())
    if needed > window.height():
        window.resize(window.width(), needed)


def set_column_widths(view: QAbstractItemView, widths: Sequence[tuple[int, int]]) -> None:
    """Fixed column widths (sizing to thousands of rows is slow), each at least as wide
    as its heading in bold with the sort arrow: « Identifiant d'étude » was cut at 140 px."""
    header = view.horizontalHeader()
    for column, width in widths:
        view.setColumnWidth(column, max(width, header.sectionSizeHint(column)))


def scrolling(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that widens with the window, so a page
    taller than the screen scrolls instead of pushing the buttons off it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setWidget(content)
    return area


class _MnemonicGuard(QObject):
    """Alt+letter is a mnemonic, never text: when nothing takes it (the button it names
    is disabled, e.g. Alt+N on a disabled Next) it must not type the letter into the field
    that has the focus. AltGr (Ctrl+Alt) still types."""

    TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if (event.type() == QEvent.KeyPress
                and event.modifiers() & ~Qt.ShiftModifier == Qt.AltModifier
                and event.text().isalnum()
                and isinstance(watched, self.TEXT_INPUTS)):
            return True
        return False


_guard: _MnemonicGuard | None = None


class AfterFirstPaint(QObject):
    """Calls ``then`` once, just after ``widget`` was first painted: work a window does not
    need to be shown waits until it is (issue 22)."""

    def __init__(self, widget: QWidget, then: Callable[[], object]) -> None:
        super().__init__(widget)
        self._then = then
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)  # after this paint is done
        return False


def install_mnemonic_guard() -> None:
    """Once per application: Alt+letter never types into a field."""
    global _guard
    app = QApplication.instance()
    if app is None or _guard is not None and _guard.parent() is app:
        return
    _guard = _MnemonicGuard(app)
    app.installEventFilter(_guard)


def open_on_enter(view: QAbstractItemView, open_selected) -> None:
    """Enter (and Return) on a list opens its selected row, like a double click; the
    dialog's default button never takes that Enter."""
    action = QAction(view)
    action.setShortcuts([QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)])
    action.setShortcutContext(Qt.WidgetShortcut)
    action.triggered.connect(open_selected)
    view.addAction(action)


class _TabMnemonicFocus(QObject):
    """Alt+letter of a tab shows the tab and puts the keyboard in it: in its first widget
    that takes the focus (the visits list), so the arrows and Enter act there at once
    rather than on the button that had the focus (issue 21)."""

    def __init__(self, tabs: QTabWidget) -> None:
        super().__init__(tabs)
        self._tabs = tabs
        tabs.tabBar().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        # A tab bar is sent a Shortcut event only for a tab's mnemonic.
        if event.type() != QEvent.Type.Shortcut:
            return False
        handled = watched.event(event)  # the tab bar shows the tab
        if not self._focus_in_tab():
            # A tab built as it is first shown (the trend charts) shows its widgets once
            # the events already queued are done.
            QTimer.singleShot(0, self, self._focus_in_tab)
        return handled

    def _focus_in_tab(self) -> bool:
        target = first_focus_in(self._tabs.currentWidget())
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return target is not None


def first_focus_in(page: QWidget | None) -> QWidget | None:
    """The first widget inside ``page`` (or ``page`` itself) that Tab would give the focus
    to, in the focus order; None when nothing there takes it."""
    widget = page
    for _step in range(10_000):  # the focus chain is a ring through the whole window
        if widget is None:
            return None
        if ((widget is page or page.isAncestorOf(widget))  # type: ignore[union-attr]
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisible() and widget.isEnabled()):
            return widget.focusProxy() or widget
        widget = widget.nextInFocusChain()
        if widget is page:
            return None
    return None


def focus_tab_on_mnemonic(tabs: QTabWidget) -> None:
    """Alt+letter of one of ``tabs``' tabs moves the keyboard into the tab it shows."""
    _TabMnemonicFocus(tabs)


FOCUS_COLOUR = "#1f5fa8"
# Where the keyboard is must be visible at a glance (focus was invisible after leaving a
# date): a solid frame in the banner blue on every field and list that has the focus.
FOCUS_STYLE = f"""
QLineEdit:focus, QPlainTextEdit:focus, QTextEdit:focus, QAbstractSpinBox:focus,
QComboBox:focus, QAbstractItemView:focus {{
    border: 2px solid {FOCUS_COLOUR};
}}
QPushButton:focus, QCheckBox:focus, QRadioButton:focus, QToolButton:focus {{
    outline: 2px solid {FOCUS_COLOUR};
}}
"""


def install_workstation_style(app: QApplication) -> None:
    """Application-wide look that is about use, not taste: the visible focus."""
    if FOCUS_STYLE not in app.styleSheet():
        app.setStyleSheet(app.styleSheet() + FOCUS_STYLE)
