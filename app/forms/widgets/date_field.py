"""The one date field of the application.

A line of text, not a spin box: the date is typed as a whole (2015-03-14, 20150314 or the
locale's short form), Tab leaves the field instead of walking its parts, an empty field
says "not entered" as a placeholder (typing replaces it, nothing is appended to it), and
the parsed date is shown in words beside it — "14 Mar 2015, 11 y 2 m old" when a date
of birth is known — or, in red, why the text is not a date ("2026-02-30" is an
impossible date, not a wrong format) or lies outside the allowed range.

API for every form (the visit form adopts it too)::

    field = DateField(today=today)
    field.setRange(earliest, latest, "the date of birth", "today")   # either may be None
    field.set_birth_date(dob)        # words show the age on the date typed
    field.changed.connect(...)       # the value (or its validity) changed
    field.value() -> date | None     # None: empty, not a date, or outside the range
    field.setValue(date | None)
    field.problem() -> str | None    # plain words, None when empty or valid
    field.setReadOnly(True)          # shown, never changed

Drafts keep ISO text: ``iso()`` / ``set_iso()`` read and write it. Up and Down step one
day; Alt+Down (or the button) opens a calendar.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QWidget,
)
from shiboken6 import isValid

from app.domain.dates import (
    DAY_FIRST,
    MONTH_FIRST,
    DateProblem,
    DateRange,
    example_text,
    parse_date,
)
from app.forms.language import describe_date, explanation_in_words
from app.forms.terms import MESSAGE, phrases
from app.forms.widgets import grow_to_fit_text

WORDS_STYLE = "color: #333333;"
PROBLEM_STYLE = "color: #a00000;"
COMPLETE_LENGTH = 8  # shorter text is still being typed: no "not a date" yet


def locale_order(locale: QLocale) -> str:
    """Day-first or month-first, from the locale's short date format ("M/d/yy" → mdy)."""
    pattern = locale.dateFormat(QLocale.ShortFormat)
    day, month = pattern.find("d"), pattern.find("M")
    if day < 0 or month < 0:
        return DAY_FIRST
    return MONTH_FIRST if month < day else DAY_FIRST


class DateField(QWidget):
    """A date that may be left empty; see the module docstring for the API."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, today: date | None = None,
                 locale: QLocale | None = None) -> None:
        super().__init__(parent)
        self._today = today
        self._order = locale_order(locale or QLocale.system())
        self._range = DateRange()
        self._born: date | None = None
        self._last_value: date | None = None
        self._last_acceptable = True
        self._popup: QCalendarWidget | None = None

        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("not entered"))
        self.edit.setClearButtonEnabled(True)
        self.edit.setToolTip(self.tr("Type the date as %1. Up and Down change it by a day; "
                                     "Alt+Down opens a calendar.")
                             .replace("%1", example_text(self._order).replace(
                                 " or ", self.tr(" or "))))
        width = self.edit.fontMetrics().horizontalAdvance("2015-03-14") + 48
        self.edit.setMinimumWidth(width)
        self.edit.setMaximumWidth(width + 40)
        self.edit.installEventFilter(self)
        self.calendar_button = QToolButton()
        self.calendar_button.setText("▾")
        self.calendar_button.setToolTip(self.tr("Choose the date on a calendar (Alt+Down)"))
        self.calendar_button.setAccessibleName(self.tr("Open calendar"))
        # The button is for the mouse; Tab goes from the date straight to the next field.
        self.calendar_button.setFocusPolicy(Qt.NoFocus)
        self.calendar_button.clicked.connect(self.open_calendar)
        self.words = QLabel()
        self.words.setWordWrap(True)
        self.words.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        self.words.setStyleSheet(WORDS_STYLE)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # the date stays on the line of its caption when the words wrap on several lines
        layout.addWidget(self.edit, 0, Qt.AlignTop)
        layout.addWidget(self.calendar_button, 0, Qt.AlignTop)
        layout.addWidget(self.words, 1)
        self.setFocusProxy(self.edit)
        self.setFocusPolicy(Qt.StrongFocus)
        self.edit.textChanged.connect(self._on_text)
        self.edit.editingFinished.connect(self._on_finished)
        self._show()

    # ----- the API -------------------------------------------------------------------------
    def value(self) -> date | None:
        """The date typed, or None when empty, not a date, or outside the range."""
        day, problem = self._read()
        return None if problem else day

    def setValue(self, day: date | None) -> None:  # noqa: N802 - Qt naming, like setText
        self.edit.setText(day.isoformat() if day is not None else "")
        self._show(final=True)

    def setRange(self, earliest: date | None, latest: date | None,  # noqa: N802
                 earliest_name: str = "", latest_name: str = "") -> None:
        """Dates outside [earliest, latest] are refused with a plain message naming the
        limit (``earliest_name`` / ``latest_name``, e.g. "the date of birth", "today")."""
        self._range = DateRange(earliest, latest, earliest_name, latest_name)
        self._show(final=True)
        self._emit_if_changed()

    def set_birth_date(self, born: date | None) -> None:
        """Show the age on the date typed beside it."""
        self._born = born
        self._show(final=True)

    def problem(self) -> str | None:
        """Why the text is not an acceptable date, in plain words (None when empty/valid)."""
        return self._read()[1]

    def text(self) -> str:
        return self.edit.text()

    def is_empty(self) -> bool:
        return not self.edit.text().strip()

    # Drafts store ISO text.
    def iso(self) -> str:
        day = self.value()
        return day.isoformat() if day is not None else ""

    def set_iso(self, value: str | date | None) -> None:
        if isinstance(value, date):
            self.setValue(value)
            return
        self.edit.setText(value or "")
        self._show(final=True)

    def setReadOnly(self, read_only: bool) -> None:  # noqa: N802 - Qt naming
        """Shown, never changed (a signed visit's date): no typing, stepping or calendar."""
        self.edit.setReadOnly(read_only)
        self.edit.setClearButtonEnabled(not read_only)
        self.calendar_button.setEnabled(not read_only)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.words.setAccessibleName(f"{name} in words")

    # ----- behaviour -----------------------------------------------------------------------
    def _reference(self) -> date:
        return self._today or date.today()

    def _read(self) -> tuple[date | None, str | None]:
        try:
            day = parse_date(self.edit.text(), self._order, self._reference())
        except DateProblem as problem:
            return None, phrases(MESSAGE, problem.message)
        if day is None:
            return None, None
        # the limits' dates in the interface's language too
        return day, explanation_in_words(phrases(MESSAGE, self._range.problem(day) or "")
                                         ) or None

    def _show(self, final: bool = False) -> None:
        day, problem = self._read()
        typing = not final and self.edit.hasFocus() and len(self.edit.text().strip()) < \
            COMPLETE_LENGTH
        before = self.words.text()
        if problem and not typing:
            self.words.setStyleSheet(PROBLEM_STYLE)
            self.words.setText(problem)
        elif day is not None:
            self.words.setStyleSheet(WORDS_STYLE)
            self.words.setText(describe_date(day, self._born))
        else:
            self.words.setStyleSheet(WORDS_STYLE)
            self.words.setText("")
        if self.words.text() != before:
            self._fit_window()

    def _fit_window(self) -> None:
        """A window already open does not grow by itself for words wrapped on more lines
        (Qt's windows ignore height-for-width), and the row cut them; in a scroll area the
        page grows instead, so only a window holding the field directly is made taller."""
        window = self.window()
        if window is self or not window.isVisible():
            return
        holder = self.parentWidget()
        while holder is not None and holder is not window:
            if isinstance(holder, QAbstractScrollArea):
                return
            holder = holder.parentWidget()
        grow_to_fit_text(window)

    def _on_text(self, _text: str) -> None:
        self._show()
        self._emit_if_changed()

    def _emit_if_changed(self) -> None:
        # The value, or whether the text is acceptable: not every key typed.
        value, acceptable = self.value(), self.problem() is None
        if (value, acceptable) != (self._last_value, self._last_acceptable):
            self._last_value, self._last_acceptable = value, acceptable
            self.changed.emit()

    def _on_finished(self) -> None:
        # A date typed in another accepted form is shown back in ISO, the stored form.
        day, _problem = self._read()
        if day is not None and self.edit.text().strip() != day.isoformat():
            self.edit.setText(day.isoformat())
        self._show(final=True)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        # While the window is torn down Qt may still deliver events after the Python side
        # of this widget is gone: nothing to do then.
        if getattr(self, "edit", None) is None:
            return False
        if watched is self.edit and event.type() == QEvent.KeyPress \
                and not self.edit.isReadOnly():
            key = event.key()
            if key == Qt.Key_Down and event.modifiers() & Qt.AltModifier:
                self.open_calendar()
                return True
            if key in (Qt.Key_Up, Qt.Key_Down) and not event.modifiers():
                day, _problem = self._read()
                start = day or self._reference()
                step = timedelta(days=1 if key == Qt.Key_Up else -1)
                self.setValue(start + step if day is not None else start)
                # Typing next replaces the date instead of being appended to it.
                self.edit.selectAll()
                return True
        if event.type() == QEvent.FocusOut and isValid(self.edit) and watched is self.edit:
            self._show(final=True)  # (focus also leaves while the window is torn down)
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        """A calendar under the field; choosing a day fills it in (Escape closes)."""
        if self._popup is not None:
            self._popup.close()
        popup = QCalendarWidget(self)
        popup.setWindowFlags(Qt.Popup)
        # Deleted when closed: a popup left behind would be a stray top-level window.
        popup.setAttribute(Qt.WA_DeleteOnClose)
        popup.setGridVisible(True)
        day = self._read()[0] or self._reference()
        popup.setSelectedDate(QDate(day.year, day.month, day.day))
        if self._range.earliest is not None:
            e = self._range.earliest
            popup.setMinimumDate(QDate(e.year, e.month, e.day))
        if self._range.latest is not None:
            la = self._range.latest
            popup.setMaximumDate(QDate(la.year, la.month, la.day))
        popup.activated.connect(lambda chosen: self._choose(chosen, popup))
        popup.clicked.connect(lambda chosen: self._choose(chosen, popup))
        popup.destroyed.connect(lambda _obj=None: setattr(self, "_popup", None))
        popup.move(self.edit.mapToGlobal(self.edit.rect().bottomLeft()))
        self._popup = popup
        popup.show()
        popup.setFocus()

    def _choose(self, chosen: QDate, popup: QCalendarWidget) -> None:
        self.setValue(chosen.toPython())
        popup.close()
        self.edit.setFocus(Qt.PopupFocusReason)
