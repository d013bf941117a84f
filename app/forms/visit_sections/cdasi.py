"""CDASI activity: 15 areas graded for erythema, scale and erosion/ulceration, then
Gottron's papules on the hands (erythema, papules present, ulceration), periungual changes
and recent hair loss; the score is the domain's (``score_cdasi``), said in the interface's
language (the domain's words are listed below for translation)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel

from app.domain.instruments.cdasi import (
    CITATION,
    GOTTRON_HANDS_ERYTHEMA,
    GOTTRON_HANDS_PAPULES,
    GOTTRON_HANDS_ULCERATION,
    HAIR_LOSS,
    ITEMS,
    ITEMS_BY_CODE,
    ITEMS_WITHOUT_GOTTRON_HANDS,
    LOCATION_GRADES,
    LOCATIONS,
    MAXIMUM,
    MAXIMUM_WITHOUT_GOTTRON_HANDS,
    PERIUNGUAL,
    STORED,
    score_cdasi,
)
from app.domain.instruments.common import InstrumentInputError
from app.forms.visit_sections import ChoiceField, Section, SectionState

CONTEXT = "CdasiSection"
# The domain's words the section shows (app.domain.instruments.cdasi), for lupdate; a
# test checks that every one is listed here.
TERMS = (
    QT_TRANSLATE_NOOP("CdasiSection", "Scalp"),
    QT_TRANSLATE_NOOP("CdasiSection", "Malar area"),
    QT_TRANSLATE_NOOP("CdasiSection", "Periorbital"),
    QT_TRANSLATE_NOOP("CdasiSection", "Rest of the face"),
    QT_TRANSLATE_NOOP("CdasiSection", "V-area of the neck (front)"),
    QT_TRANSLATE_NOOP("CdasiSection", "Posterior neck"),
    QT_TRANSLATE_NOOP("CdasiSection", "Upper back and shoulders"),
    QT_TRANSLATE_NOOP("CdasiSection", "Rest of back and buttocks"),
    QT_TRANSLATE_NOOP("CdasiSection", "Abdomen"),
    QT_TRANSLATE_NOOP("CdasiSection", "Lateral upper thigh"),
    QT_TRANSLATE_NOOP("CdasiSection", "Rest of leg and feet"),
    QT_TRANSLATE_NOOP("CdasiSection", "Arm"),
    QT_TRANSLATE_NOOP("CdasiSection", "Mechanic's hand"),
    QT_TRANSLATE_NOOP("CdasiSection", "Dorsum of hands (not over joints)"),
    QT_TRANSLATE_NOOP("CdasiSection", "Gottron's, not on the hands"),
    QT_TRANSLATE_NOOP("CdasiSection", "Erythema"),
    QT_TRANSLATE_NOOP("CdasiSection", "Scale"),
    QT_TRANSLATE_NOOP("CdasiSection", "Erosion/ulceration"),
    QT_TRANSLATE_NOOP("CdasiSection", "Periungual changes"),
    QT_TRANSLATE_NOOP("CdasiSection", "Alopecia: recent hair loss (last 30 days, as reported)"),
    QT_TRANSLATE_NOOP("CdasiSection", "absent"),
    QT_TRANSLATE_NOOP("CdasiSection", "pink; faint erythema"),
    QT_TRANSLATE_NOOP("CdasiSection", "red"),
    QT_TRANSLATE_NOOP("CdasiSection", "dark red"),
    QT_TRANSLATE_NOOP("CdasiSection", "scale"),
    QT_TRANSLATE_NOOP("CdasiSection", "crust; lichenification"),
    QT_TRANSLATE_NOOP("CdasiSection", "present"),
    QT_TRANSLATE_NOOP("CdasiSection", "pink or red erythema, or microscopic telangiectasias"),
    QT_TRANSLATE_NOOP("CdasiSection", "visible telangiectasias"),
)


def words(text: str) -> str:
    """A domain word or label in the interface's language."""
    return QCoreApplication.translate(CONTEXT, text)


def _item_label(code: str) -> str:
    """An item's name as the section says it (the box's accessible name, its problem)."""
    hands = {
        GOTTRON_HANDS_ERYTHEMA.suffix: QT_TRANSLATE_NOOP(
            "CdasiSection", "Gottron's papules on the hands: erythema"),
        GOTTRON_HANDS_PAPULES.suffix: QT_TRANSLATE_NOOP(
            "CdasiSection", "Gottron's papules on the hands: papules present"),
        GOTTRON_HANDS_ULCERATION.suffix: QT_TRANSLATE_NOOP(
            "CdasiSection", "Gottron's papules on the hands: ulceration"),
    }
    if code in hands:
        return words(hands[code])
    item = ITEMS_BY_CODE[code]
    if item.grade in LOCATION_GRADES:
        area = dict(LOCATIONS)[code.rsplit("_", 1)[0]]
        return f"{words(area)}: {words(item.grade.name).lower()}"
    return words(item.grade.name)


def _problem(code: str, value: object) -> str | None:
    """The plain-words problem of one stored or chosen grade, or None."""
    try:
        score_cdasi({code: value})
    except InstrumentInputError as exc:
        if code not in exc.messages:
            return None
        return QCoreApplication.translate(
            "CdasiSection", "CDASI %1: grade must be a whole number from 0 to %2; %3 was "
            "entered.").replace("%1", _item_label(code)).replace(
            "%2", str(ITEMS_BY_CODE[code].grade.maximum)).replace("%3", repr(value))
    return None


def _choices(grade) -> list[tuple[object, str]]:
    return [(float(n), f"{n} {words(word)}") for n, word in enumerate(grade.anchors)]


class CdasiSection(Section):
    key = "cdasi"
    title = "CDASI activity (degree of the skin rash)"

    def __init__(self) -> None:
        super().__init__()
        # The heading the base class made from ``title``, in the interface's language.
        heading = self.tr("CDASI activity (degree of the skin rash)")
        self.outer.itemAt(0).widget().setText(f"<b>{heading}</b>")  # type: ignore[union-attr]
        self.kept: dict = {}
        grid = self.grid()
        grid.addWidget(QLabel(self.tr("Area")), 0, 0)
        for col, grade in enumerate(LOCATION_GRADES, start=1):
            grid.addWidget(QLabel(f"{words(grade.name)} (0-{grade.maximum})"), 0, col)
        for row, (loc, label) in enumerate(LOCATIONS, start=1):
            grid.addWidget(QLabel(words(label)), row, 0)
            for col, grade in enumerate(LOCATION_GRADES, start=1):
                code = f"{loc}_{grade.suffix}"
                field = self.add_field(ChoiceField(STORED, code, _item_label(code),
                                                   _choices(grade), numeric=True, width=150))
                grid.addWidget(field.combo, row, col)  # type: ignore[attr-defined]
        row = len(LOCATIONS) + 1
        # Gottron's papules on the hands: erythema and ulceration in the areas' columns,
        # then whether papules are present (which doubles the erythema grade).
        grid.addWidget(QLabel(self.tr("Gottron's papules on the hands")), row, 0)
        for col, grade in ((1, GOTTRON_HANDS_ERYTHEMA), (3, GOTTRON_HANDS_ULCERATION)):
            field = self.add_field(ChoiceField(STORED, grade.suffix, _item_label(grade.suffix),
                                               _choices(grade), numeric=True, width=150))
            grid.addWidget(field.combo, row, col)  # type: ignore[attr-defined]
        row += 1
        papules = self.add_field(ChoiceField(
            STORED, GOTTRON_HANDS_PAPULES.suffix, _item_label(GOTTRON_HANDS_PAPULES.suffix),
            _choices(GOTTRON_HANDS_PAPULES), numeric=True, width=300))
        grid.addWidget(QLabel(self.tr("Papules present on the hands (doubles the erythema "
                                      "grade above)")), row, 0)
        grid.addWidget(papules.combo, row, 1, 1, 3)  # type: ignore[attr-defined]
        row += 1
        for grade in (PERIUNGUAL, HAIR_LOSS):
            field = self.add_field(ChoiceField(STORED, grade.suffix, words(grade.name),
                                               _choices(grade), numeric=True, width=300))
            grid.addWidget(QLabel(f"{words(grade.name)} (0-{grade.maximum})"), row, 0)
            grid.addWidget(field.combo, row, 1, 1, 3)  # type: ignore[attr-defined]
            row += 1
        grid.setColumnStretch(4, 1)
        self.outer.addLayout(grid)
        note = QLabel(self.tr(
            "Provisional: the Gottron's papules on the hands row (erythema doubled when "
            "papules are present, ulceration) follows a public reproduction of the form, not "
            "the primary form. Source: %1").replace("%1", CITATION))
        note.setWordWrap(True)
        self.outer.addWidget(note)
        self.outer.addStretch(1)
        self.refresh()

    def load(self, values) -> None:
        # A stored grade the lists cannot show (outside its range) is kept, shown as a
        # problem at its box, and written back unchanged unless a grade is chosen.
        entries = values.get(STORED, {})
        self.kept = {code: e for code, e in entries.items()
                     if code in self.fields and e.has_value
                     and _problem(code, e.value) is not None}
        super().load(values)
        for code, field in self.fields.items():
            message = _problem(code, self.kept[code].value) if code in self.kept else None
            field.combo.setStyleSheet("background: #fde7ea;" if message else "")  # type: ignore[attr-defined]
            field.combo.setToolTip(message or "")  # type: ignore[attr-defined]
        self.refresh()

    def collect(self, values) -> None:
        super().collect(values)
        for code, entry in self.kept.items():
            if self.fields[code].is_blank():
                values.setdefault(STORED, {})[code] = entry

    def errors(self) -> dict[str, str]:
        out = super().errors()
        for code, entry in self.kept.items():
            if self.fields[code].is_blank():
                out[f"{STORED}:{code}"] = _problem(code, entry.value) or ""
        return out

    def _grades(self) -> dict[str, object]:
        grades: dict[str, object] = {code: f.value() for code, f in self.fields.items()}  # type: ignore[attr-defined]
        return {code: (value if value is not None or code not in self.kept
                       or not self.fields[code].is_blank() else None)
                for code, value in grades.items()}

    def refresh(self) -> None:
        problems = [m for m in self.errors().values() if m]
        if problems:
            self.score.setText(" ".join(problems))
            return
        try:
            result = score_cdasi(self._grades(), explain=False)
        except InstrumentInputError as exc:  # a stored grade outside its range
            self.score.setText(str(exc))
            return
        self.score.setText(self._explanation(result))

    def _explanation(self, result) -> str:
        """The domain's explanation of the score (``score_cdasi``), in the interface's
        language."""
        if result.total is not None:
            return self.tr("CDASI activity %1 of %2 (sum of the item grades, the hands' "
                           "Gottron's erythema counted twice when papules are present)"
                           ).replace("%1", str(result.total)).replace("%2", str(MAXIMUM))
        if result.without_gottron_hands is not None:
            return self.tr(
                "CDASI activity not scored: the Gottron's papules on the hands row is not "
                "graded (a visit recorded before the row was added does not have it); the other %1 "
                "items add up to %2 of %3").replace("%1", str(len(ITEMS_WITHOUT_GOTTRON_HANDS))
                                               ).replace("%2", str(result.without_gottron_hands)
                                                         ).replace(
                "%3", str(MAXIMUM_WITHOUT_GOTTRON_HANDS))
        return self.tr("CDASI activity not scored: %1 of %2 items not graded (graded so far "
                       "add up to %3)").replace("%1", str(len(result.missing))).replace(
            "%2", str(len(ITEMS))).replace("%3", str(result.partial))

    def state(self) -> SectionState:
        answered = sum(1 for f in self.fields.values() if not f.is_blank())
        try:
            total = score_cdasi(self._grades()).total
        except InstrumentInputError:
            total = None
        shown = f"{total}/{MAXIMUM}" if total is not None else f"{answered}/{len(self.fields)}"
        return SectionState(shown, total is not None, len(self.errors()))
