"""Qt table model over plain patient rows, and the search filter for the patient list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from itertools import compress, islice, repeat
from operator import contains, itemgetter, le
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor

from app.db.patient_list import PatientRow
from app.domain.search_text import fold_all, search_words
from app.forms.language import format_date

_Index = QModelIndex | QPersistentModelIndex

# Bound once: in PySide6 the short spelling (``Qt.DisplayRole``) is looked up through a
# compatibility hook that costs ~8 µs per use, and one repaint of the list asks ``data``
# ~900 times (five columns × the visible rows × every role a delegate asks for).
_DISPLAY = Qt.ItemDataRole.DisplayRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_HORIZONTAL = Qt.Orientation.Horizontal
_DESCENDING = Qt.SortOrder.DescendingOrder
_STUDY_IDS = itemgetter(1)  # PatientRow.study_id, read in C


class PatientTableModel(QAbstractTableModel):
    """The patients shown: all of them, or those matching the search.

    Filtering is done here, in one pass over search keys folded once per ``set_rows``: a
    proxy asking Python ``filterAcceptsRow`` 10,000 times per keystroke took longer than
    Qt's whole C++ filter (issue 22). The rows the search keeps are the model's rows.

    The rows may be given as read (``make_row`` then makes the PatientRow of one): a
    refresh then does no Python work per patient. A row is made when it is shown or
    asked for; the search keys are folded just after a view has painted the rows (or at
    the first search, if that comes first); sorting on another column makes every row."""

    STUDY_ID, NAME, PROTOCOL, ARM, NEXT_VISIT_DUE = range(5)
    HEADERS = (QT_TRANSLATE_NOOP("PatientTableModel", "Study id"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Name"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Protocol"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Arm"),
               QT_TRANSLATE_NOOP("PatientTableModel", "Next visit due"))

    def __init__(self, today: date | None = None, parent=None,
                 arm_label: Callable[[str | None, str | None], str] | None = None) -> None:
        super().__init__(parent)
        # (protocol id, arm id) → what the list shows ("Arm A — IVIG", "TNF-α inhibitor").
        self._arm_label = arm_label or (lambda _protocol, arm: arm or "")
        # Every patient in the order chosen, as given: PatientRows, or rows as read that
        # _make turns into PatientRows. Either way a row's [0] is the patient id and its
        # [1] the study id.
        self._all: Sequence[Sequence[Any]] = []
        self._make: Callable[[Any], PatientRow] | None = None
        self._keys: list[str] | None = None  # folded text per patient, once needed
        self._words: list[str] = []  # the search: every word must match
        self._kept: list[int] = []  # positions in _all of the rows shown, while searching
        self._shown: Sequence[Sequence[Any]] = []  # the rows shown, as given
        self._sort_column: int | None = None
        self._sort_order = Qt.AscendingOrder
        self._today = today or date.today()
        self._made: dict[int, PatientRow] = {}  # patient id → its row, once made
        self._texts: dict[int, tuple[str, ...]] = {}  # patient id → the row's words
        self._fold_when_shown = False

    def set_rows(self, rows: Sequence[Any],
                 make_row: Callable[[Any], PatientRow] | None = None) -> None:
        """Show these patients: PatientRows, or rows that ``make_row`` makes into them."""
        self.beginResetModel()
        self._made, self._texts = {}, {}
        self._all, self._make, self._keys = list(rows), make_row, None
        if self._sort_column is not None:  # new rows keep the order the user chose
            self._order(self._sort_column, self._sort_order)
        self._keep_matching()
        self.endResetModel()
        # Folded for the search once the list has been painted (see data), not before.
        self._fold_when_shown = self._keys is None

    def set_search_words(self, words: list[str]) -> None:
        """Show only the patients whose key contains every word (folded, see search_text)."""
        if words == self._words:
            return
        # Typing on: when each earlier word is inside the new word at its place (more
        # words may follow), a patient matching the new search matched the earlier one,
        # so only the patients shown now need looking at.
        narrower = bool(self._words) and len(words) >= len(self._words) and all(
            earlier in word for earlier, word in zip(self._words, words, strict=False))
        self.beginResetModel()
        self._words = list(words)
        self._keep_matching(among=self._kept if narrower else None)
        self.endResetModel()

    def _search_keys(self) -> list[str]:
        if self._keys is None:
            self._keys = fold_all([f"{r.study_id} {r.name} {r.protocol or ''} {r.arm or ''}"
                                   for r in self._every_row()])
        return self._keys

    def _every_row(self) -> Sequence[PatientRow]:
        return self._all if self._make is None else list(map(self._make, self._all))

    def _keep_matching(self, among: list[int] | None = None) -> None:
        """The rows shown for the search words: every patient, or those whose key holds
        every word, found among ``among`` (positions in ``_all``) when given."""
        words = self._words
        if not words:
            self._kept, self._shown = [], self._all
            return
        keys = self._search_keys()
        if among is None:  # every patient: the first word over the keys themselves
            kept = list(compress(range(len(keys)), map(contains, keys, repeat(words[0]))))
            words = words[1:]
        else:
            kept = among
        for word in words:  # each word narrows what the previous ones kept; in C
            kept = list(compress(kept, map(contains, map(keys.__getitem__, kept), repeat(word))))
        self._kept = kept
        self._shown = list(map(self._all.__getitem__, kept))

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Sort the rows themselves with a Python key: a proxy sort would call data() from
        C++ for every comparison, which takes over a second for 10,000 patients."""
        if not 0 <= column < len(self.HEADERS):
            return
        self._sort_column, self._sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._order(column, order)
        self._keep_matching()
        self.layoutChanged.emit()

    def _order(self, column: int, order: Qt.SortOrder) -> None:
        rows = self._all
        descending = order == _DESCENDING
        if column == self.STUDY_ID and not descending:
            # The list's query already gives study id order: nothing to move then. Checked
            # in C (study ids are unique ignoring case, so no tie needs the second key).
            ids = list(map(str.casefold, map(_STUDY_IDS, rows)))
            if all(map(le, ids, islice(ids, 1, None))):
                return
        made = self._every_row()
        if column == self.NEXT_VISIT_DUE:  # patients with nothing due sort last
            keys = [(r.next_visit_due is None, r.next_visit_due or date.min, r.study_id)
                    for r in made]
        else:
            attribute = ("study_id", "name", "protocol", "arm")[column]
            keys = [((getattr(r, attribute) or "").casefold(), r.study_id) for r in made]
        order_of = sorted(range(len(rows)), key=keys.__getitem__, reverse=descending)
        self._all = [rows[i] for i in order_of]
        if self._keys is not None:
            self._keys = [self._keys[i] for i in order_of]

    def total_count(self) -> int:
        """Every patient, shown or not."""
        return len(self._all)

    def row_at(self, row: int) -> PatientRow:
        return self._made_row(self._shown[row])

    def _made_row(self, given: Sequence[Any]) -> PatientRow:
        if self._make is None:
            return given  # type: ignore[return-value] - given as PatientRows
        made = self._made.get(given[0])
        if made is None:
            made = self._made[given[0]] = self._make(given)
        return made

    def search_key(self, row: int) -> str:
        """The folded text the search looks in, for the row shown at ``row``."""
        return self._search_keys()[self._kept[row] if self._words else row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def language_changed(self) -> None:
        """Headers and dates are worded when shown: ask the views to show them again."""
        self._texts = {}  # the words kept per shown row are in the old language
        self.headerDataChanged.emit(Qt.Horizontal, 0, len(self.HEADERS) - 1)
        if self._shown:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._shown) - 1, len(self.HEADERS) - 1))

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        if orientation == _HORIZONTAL and role == _DISPLAY:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY:
            if self._fold_when_shown:  # a view is painting the new rows: fold after it
                self._fold_when_shown = False
                QTimer.singleShot(0, self, self._search_keys)
            given = self._shown[index.row()]
            texts = self._texts.get(given[0])
            if texts is None:  # worked out once per patient shown, not per paint
                row = self._made_row(given)
                texts = self._texts[given[0]] = tuple(
                    self._display(row, column) for column in range(len(self.HEADERS)))
            return texts[index.column()]
        if role == _FOREGROUND or role == _TOOLTIP:
            if index.column() != self.NEXT_VISIT_DUE:
                return None
            due = self.row_at(index.row()).next_visit_due
            if due and due < self._today:
                return QBrush(QColor("#b00020")) if role == _FOREGROUND \
                    else self.tr("Overdue")
        return None

    def _display(self, row: PatientRow, column: int) -> str:
        if column == self.STUDY_ID:
            return row.study_id
        if column == self.NAME:
            return row.name
        if column == self.PROTOCOL:
            if row.protocol and row.ended:  # no enrollment active: the last, and how it ended
                return (self.tr("%1 (withdrawn)") if row.ended == "withdrawn"
                        else self.tr("%1 (completed)")).replace("%1", row.protocol)
            return row.protocol or "—"
        if column == self.ARM:
            return self._arm_label(row.protocol, row.arm) if row.arm else "—"
        if column == self.NEXT_VISIT_DUE:
            if row.next_visit_due is None:
                return "—"
            overdue = self.tr(" (overdue)") if row.next_visit_due < self._today else ""
            return format_date(row.next_visit_due) + overdue
        return ""


class PatientSearchProxy(QIdentityProxyModel):
    """Matches every word typed against study id, name, protocol and arm, ignoring case
    and accents ("nguyen" finds Nguyễn). The source model filters and sorts itself (see
    PatientTableModel); this proxy passes its rows on one to one, in C++, with no work
    per row when they change."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        # The source model sorts itself (fast); the proxy keeps source order.
        self.sourceModel().sort(column, order)

    def set_search_text(self, text: str) -> None:
        self.sourceModel().set_search_words(search_words(text))
