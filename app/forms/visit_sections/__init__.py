"""Building blocks of the visit form's sections: one field = editor + missing-reason
box + a plain-words message under it; a section = a titled grid of fields with a live
score line at the top.

Fields never clamp or reject typing: whatever is typed is kept (in the draft too), and
a message at the field says what is wrong. Only usable values are saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.visit_form import MISSING_REASONS, ItemEntry, VisitValues
from app.forms.numbers import (
    as_typed_by_the_domain,
    decimal_mark,
    number_words,
    typed_problem,
)
from app.forms.terms import translation_notice
from app.forms.widgets import DateField

BLANK = ""  # item data of the empty first row of every answer box
REASON_SHORT = {"not_done": QT_TRANSLATE_NOOP("VisitSection", "Not done"),
                "not_applicable": QT_TRANSLATE_NOOP("VisitSection", "N/A"),
                "unknown": QT_TRANSLATE_NOOP("VisitSection", "Unknown")}
ERROR_COLOR = "#b00020"
NOTE_COLOR = "#555555"
ERROR_STYLE = "color: #b00020;"
NOTE_STYLE = "color: #555;"
FLAG_STYLE = "color: #b00020; font-weight: bold;"
# The line saying an instrument's wording is the project's own translation: set apart from
# the score line below it (not an error's red: nothing is wrong with what was entered).
NOTICE_NAME = "translation_notice"
NOTICE_STYLE = ("background: #fff4d6; border: 1px solid #c8a24a; border-radius: 3px; "
                "padding: 5px;")


@dataclass
class SectionState:
    """One line for the section list: e.g. "38 / 52", and whether it is done."""

    text: str
    complete: bool
    errors: int = 0


def tint(widget: QWidget, color: str) -> None:
    """Text colour through the palette: a per-widget style sheet costs ~0.2 ms each, and a
    visit form has a few hundred labels."""
    palette = widget.palette()
    palette.setColor(QPalette.WindowText, QColor(color))
    widget.setPalette(palette)


def words(text: str) -> str:
    """A word of this module (listed with QT_TRANSLATE_NOOP) in the interface's language."""
    return QCoreApplication.translate("VisitSection", text)


def message_label() -> QLabel:
    label = QLabel()
    tint(label, ERROR_COLOR)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)  # messages quote what was typed, e.g. "<5"
    label.hide()
    return label


def note_label(text: str = "") -> QLabel:
    label = QLabel(text)
    tint(label, NOTE_COLOR)
    label.setWordWrap(True)
    return label


def _notice_label(notice: str, more: str = "") -> QLabel:
    """The section's line saying its instrument's wording is the project's translation;
    ``more`` (the published versions it names) in its tooltip, and read out with it."""
    label = QLabel(notice)
    label.setObjectName(NOTICE_NAME)
    label.setWordWrap(True)
    label.setTextFormat(Qt.PlainText)
    label.setStyleSheet(NOTICE_STYLE)
    if more:
        label.setToolTip(more)
        label.setAccessibleDescription(more)
    return label


# One item model per list of answers, shared by every box offering it: a visit form has
# ~120 boxes, and filling each with its own items was a third of the form's opening time.
_SHARED_MODELS: dict[tuple, QStandardItemModel] = {}


def shared_choices(
    choices: tuple[tuple[object, str], ...], blank_text: str = ""
) -> QStandardItemModel:
    """A blank first row, then (value, text) rows with the value in Qt.UserRole.

    The blank row holds "" rather than None: PySide6 under Python 3.11 mis-counts
    references to None/True/False passed through item data and can crash at exit.
    """
    model = _SHARED_MODELS.get((blank_text, choices))
    if model is None:
        model = QStandardItemModel()
        for value, text in ((BLANK, blank_text), *choices):
            item = QStandardItem(text)
            item.setData(value, Qt.UserRole)
            model.appendRow(item)
        _SHARED_MODELS[(blank_text, choices)] = model
    return model


class ReasonBox(QComboBox):
    """Why a value is missing; usable only while the value is blank."""

    def __init__(self) -> None:
        super().__init__()
        self.setModel(
            shared_choices(tuple((code, words(REASON_SHORT[code])) for code, _l in MISSING_REASONS))
        )
        self.setToolTip(QCoreApplication.translate(
            "VisitSection", "If this is left blank, say why: not done, not applicable or unknown."))
        self.setAccessibleName(QCoreApplication.translate("VisitSection", "Reason missing"))
        self.setFixedWidth(92)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)

    def reason(self) -> str | None:
        return (self.currentData() or None) if self.isEnabled() else None

    def set_reason(self, reason: str | None) -> None:
        index = self.findData(reason) if reason else 0
        self.setCurrentIndex(max(index, 0))


class Field(QObject):
    """Base: an item of an instrument. ``editor`` is placed by the section."""

    changed = Signal()

    def __init__(self, instrument: str, item: str, label: str) -> None:
        super().__init__()
        self.instrument = instrument
        self.item = item
        self.label_text = label
        self.reason_box = ReasonBox()
        self.message = message_label()
        self.reason_box.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.changed.connect(self._refresh_reason)

    def is_blank(self) -> bool:
        raise NotImplementedError

    def entry(self) -> ItemEntry | None:
        raise NotImplementedError

    def set_entry(self, entry: ItemEntry | None) -> None:
        raise NotImplementedError

    def validate(self) -> str | None:
        return None

    def show_message(self) -> str | None:
        text = self.validate()
        self.message.setText(text or "")
        if not self.message.property("never_shown") and self.message.parentWidget():
            self.message.setVisible(bool(text))
        return text

    def _refresh_reason(self) -> None:
        # Only a blank value can carry a reason; hiding (not greying) keeps rows calm.
        blank = self.is_blank()
        self.reason_box.setEnabled(blank)
        # A box not placed in a section yet (or never placed) must not be shown: a widget
        # without a parent is shown as a window of its own, one that outlives the visit.
        if not self.reason_box.property("never_shown") and self.reason_box.parentWidget():
            self.reason_box.setVisible(blank)

    def _with_reason(self, entry: ItemEntry | None) -> ItemEntry | None:
        if entry is None or not entry.has_value:
            reason = self.reason_box.reason()
            return ItemEntry(missing_reason=reason) if reason else None
        return entry


class NumberField(Field):
    """A typed number; ``check(text, unit)`` returns the plain-words message or None."""

    def __init__(
        self,
        instrument: str,
        item: str,
        label: str,
        *,
        check: Callable[[str], str | None] | None = None,
        unit: str | None = None,
        width: int = 64,
        placeholder: str = "",
    ) -> None:
        super().__init__(instrument, item, label)
        self.unit = unit
        self.check = check
        self.edit = QLineEdit()
        self.edit.setAccessibleName(label)
        self.edit.setFixedWidth(width)
        self.edit.setPlaceholderText(placeholder)
        self.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.changed.connect(self.show_message)
        self._refresh_reason()

    @property
    def editor(self) -> QWidget:
        return self.edit

    def text(self) -> str:
        """What was typed, a decimal comma the interface reads ("20,5" in French) given
        as the same digits with a point, as the domain reads numbers, that keep what was
        typed for a refusal to quote (a ReadAs); anything else as typed
        (app.forms.numbers)."""
        return as_typed_by_the_domain(self.edit.text().strip())

    def set_text(self, text: str) -> None:
        self.edit.setText(text)

    def is_blank(self) -> bool:
        return self.text() == ""

    def number(self) -> float | None:
        try:
            return float(self.text())
        except ValueError:
            return None

    def validate(self) -> str | None:
        if self.is_blank():
            return None
        # A comma that could be misread ("1,500") is refused with the reason (issue 21).
        own = (typed_problem(self.item, self.edit.text().strip(), self.label_text)
               if decimal_mark() == "," else None)
        if own:
            return own
        if self.check is not None:
            return self.check(self.text())
        if self.number() is None:
            return (QCoreApplication.translate("VisitSection",
                                               '%1 must be a number; "%2" was entered.')
                    .replace("%1", self.label_text).replace("%2", self.text()))
        return None

    def current_unit(self) -> str | None:
        return self.unit

    def entry(self) -> ItemEntry | None:
        if self.is_blank():
            return self._with_reason(None)
        number = self.number()
        if number is None:  # kept as typed so nothing is lost; never saved as a value
            return ItemEntry(value_text=self.text(), unit=self.current_unit())
        return ItemEntry(value_num=number, unit=self.current_unit())

    def set_entry(self, entry: ItemEntry | None) -> None:
        self.reason_box.set_reason(entry.missing_reason if entry else None)
        if entry is None or not entry.has_value:
            self.edit.setText("")
        elif entry.value_num is not None:  # as the interface writes it: 12,5 in French
            self.edit.setText(number_words(f"{entry.value_num:g}"))
        else:
            self.edit.setText(entry.value_text or "")


class TextField(NumberField):
    """Free text or a date typed as text; stored in value_text."""

    def text(self) -> str:
        return self.edit.text().strip()  # as typed: a comma here is not a decimal mark

    def validate(self) -> str | None:
        if self.is_blank() or self.check is None:
            return None
        return self.check(self.text())

    def entry(self) -> ItemEntry | None:
        if self.is_blank():
            return self._with_reason(None)
        return ItemEntry(value_text=self.text())


class DateItemField(Field):
    """A date item (stored as ISO text), typed in the application's one date field
    (``app.forms.widgets.DateField``): 2015-03-14, 20150314 or the locale's short form,
    in words beside it, and refused there when outside ``earliest``..``latest``."""

    def __init__(self, instrument: str, item: str, label: str, *,
                 born: date | None = None, today: date | None = None) -> None:
        super().__init__(instrument, item, label)
        self.date = DateField(today=today)
        self.date.setAccessibleName(label)
        # From birth to today (a sample or scan of this child, already done).
        self.date.setRange(born, today or date.today(),
                           QCoreApplication.translate("VisitSection", "the date of birth")
                           if born else "", QCoreApplication.translate("VisitSection", "today"))
        self.date.set_birth_date(born)
        self.date.edit.textChanged.connect(lambda _t: self.changed.emit())
        self.changed.connect(self.show_message)
        self._refresh_reason()

    @property
    def editor(self) -> QWidget:
        return self.date

    @property
    def edit(self) -> QLineEdit:
        return self.date.edit

    def text(self) -> str:
        return self.date.text().strip()

    def is_blank(self) -> bool:
        return self.date.is_empty()

    def validate(self) -> str | None:
        problem = self.date.problem()
        return (QCoreApplication.translate("VisitSection", "%1: %2").replace(
            "%1", self.label_text).replace("%2", problem) if problem else None)

    def show_message(self) -> str | None:
        # The date field says what is wrong in red beside itself: no second message.
        self.message.hide()
        return self.validate()

    def entry(self) -> ItemEntry | None:
        if self.is_blank():
            return self._with_reason(None)
        # Kept as typed while it is not a usable date (Save refuses it meanwhile).
        return ItemEntry(value_text=self.date.iso() or self.text())

    def set_entry(self, entry: ItemEntry | None) -> None:
        self.reason_box.set_reason(entry.missing_reason if entry else None)
        if entry is None or not entry.has_value:
            self.date.set_iso("")
        elif entry.value_num is not None:  # a number where a date belongs: shown, refused
            self.date.set_iso(f"{entry.value_num:g}")
        else:
            self.date.set_iso(entry.value_text or "")


class ChoiceField(Field):
    """One of fixed answers (anchors). ``numeric``: the answer is stored in value_num."""

    def __init__(
        self,
        instrument: str,
        item: str,
        label: str,
        choices: list[tuple[object, str]],
        *,
        numeric: bool = False,
        width: int | None = None,
        blank_text: str = "",
    ) -> None:
        super().__init__(instrument, item, label)
        self.numeric = numeric
        self.combo = QComboBox()
        self.combo.setAccessibleName(label)
        self.combo.setModel(shared_choices(tuple(choices), blank_text))
        if width:
            self.combo.setFixedWidth(width)
        self.combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.combo.setMinimumContentsLength(8)
        self.combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.combo.currentIndexChanged.connect(
            lambda _i: self.combo.setToolTip(self.combo.currentText())
        )
        self._refresh_reason()

    @property
    def editor(self) -> QWidget:
        return self.combo

    def value(self) -> object:
        data = self.combo.currentData()
        return None if data == BLANK else data

    def set_value(self, value: object) -> None:
        index = 0
        if value is not None and value != BLANK:
            for i in range(1, self.combo.count()):
                data = self.combo.itemData(i)
                numeric = self.numeric and not isinstance(data, str) and not isinstance(value, str)
                if data == value or (numeric and float(data) == float(value)):  # type: ignore[arg-type]
                    index = i
                    break
        self.combo.setCurrentIndex(index)

    def is_blank(self) -> bool:
        return self.value() is None

    def entry(self) -> ItemEntry | None:
        value = self.value()
        if value is None:
            return self._with_reason(None)
        if self.numeric and not isinstance(value, str):
            return ItemEntry(value_num=float(value))  # type: ignore[arg-type]
        return ItemEntry(value_text=str(value))

    def set_entry(self, entry: ItemEntry | None) -> None:
        self.reason_box.set_reason(entry.missing_reason if entry else None)
        self.set_value(None if entry is None else entry.value)


class Section(QWidget):
    """A form section: a score line, then a grid of fields; emits ``changed``."""

    changed = Signal()
    key = ""
    title = ""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, Field] = {}
        self.outer = QVBoxLayout(self)
        self.outer.setContentsMargins(10, 8, 10, 8)
        self.outer.setSpacing(6)
        # ``title``: listed with QT_TRANSLATE_NOOP under the section's class name.
        heading = QLabel(f"<b>{QCoreApplication.translate(type(self).__name__, self.title)}</b>")
        heading.setStyleSheet("font-size: 14px;")
        self.outer.addWidget(heading)
        notice = translation_notice(self.key)
        if notice:
            self.outer.addWidget(_notice_label(*notice))
        self.score = QLabel()
        self.score.setWordWrap(True)
        self.score.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.score.setStyleSheet("background: #eef3f8; padding: 5px; border-radius: 3px;")
        self.outer.addWidget(self.score)

    def add_field(self, field: Field) -> Field:
        self.fields[field.item] = field
        field.changed.connect(self._on_changed)
        return field

    def adopt_unplaced(self) -> None:
        """Give every widget of a field that the section did not place (a reason box its
        answers make needless, say) to the section, hidden for good: a widget without a
        parent would become a stray window of its own, outliving the visit form."""
        for f in self.fields.values():
            for widget in (f.reason_box, f.message):
                if widget.parentWidget() is None:
                    widget.setParent(self)
                    widget.setProperty("never_shown", True)
                    widget.hide()
                    if widget is f.reason_box:
                        f.reason_box.setEnabled(False)

    _loading = False

    def _on_changed(self) -> None:
        if self._loading:  # one refresh after the whole section is filled
            return
        self.refresh()
        self.changed.emit()

    def grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(3)
        return grid

    def place(
        self,
        grid: QGridLayout,
        row: int,
        field: Field,
        label: str | QWidget,
        editor: QWidget | None = None,
        extra: QWidget | None = None,
        columns: int = 4,
    ) -> int:
        """label | editor | extra | reason, message on the next row. Returns next row."""
        if isinstance(label, str):
            label = QLabel(label)
            label.setWordWrap(True)
        grid.addWidget(label, row, 0)
        grid.addWidget(editor or field.editor, row, 1)  # type: ignore[attr-defined]
        if extra is not None:
            grid.addWidget(extra, row, 2)
        grid.addWidget(field.reason_box, row, columns - 1)
        grid.addWidget(field.message, row + 1, 0, 1, columns)
        return row + 2

    # --- data

    def load(self, values: VisitValues) -> None:
        self._loading = True
        try:
            for f in self.fields.values():
                f.set_entry(values.get(f.instrument, {}).get(f.item))
        finally:
            self._loading = False
        self.refresh()

    def collect(self, values: VisitValues) -> None:
        for f in self.active_fields():
            entry = f.entry()
            if entry is not None:
                values.setdefault(f.instrument, {})[f.item] = entry

    def active_fields(self) -> list[Field]:
        """Fields that count now (e.g. only the MMT8 variant chosen)."""
        return list(self.fields.values())

    def errors(self) -> dict[str, str]:
        out = {}
        for f in self.active_fields():
            message = f.validate()
            if message:
                out[f"{f.instrument}:{f.item}"] = message
        return out

    def refresh(self) -> None:
        """Recompute the live score line (sections override)."""

    def state(self) -> SectionState:
        return SectionState("", True, len(self.errors()))

    def set_reason_for_blank(self, reason: str) -> None:
        for f in self.active_fields():
            if f.is_blank() and f.reason_box.isEnabled():
                f.reason_box.set_reason(reason)


def separator() -> QFrame:
    line = QFrame()
    line.setFrameShape(QFrame.HLine)
    line.setStyleSheet("color: #ccc;")
    return line


def expanding() -> QSizePolicy:
    return QSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
