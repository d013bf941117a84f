"""CDASI activity: 15 areas graded for erythema, scale and erosion/ulceration, then
Gottron's papules on the hands (erythema, papules present, ulceration), periungual changes
and recent hair loss; the score is the domain's (``score_cdasi``)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from app.domain.instruments.cdasi import (
    GOTTRON_HANDS_ERYTHEMA,
    GOTTRON_HANDS_PAPULES,
    GOTTRON_HANDS_ULCERATION,
    HAIR_LOSS,
    ITEMS_BY_CODE,
    LOCATION_GRADES,
    LOCATIONS,
    MAXIMUM,
    PERIUNGUAL,
    SOURCE,
    STORED,
    score_cdasi,
)
from app.domain.instruments.common import InstrumentInputError
from app.forms.visit_sections import ChoiceField, Section, SectionState


def _problem(code: str, value: object) -> str | None:
    try:
        score_cdasi({code: value})
    except InstrumentInputError as exc:
        return exc.messages.get(code)
    return None


def _choices(grade) -> list[tuple[object, str]]:
    return [(float(n), f"{n} {word}") for n, word in enumerate(grade.anchors)]


class CdasiSection(Section):
    key = "cdasi"
    title = "CDASI activity (degree of the skin rash)"

    def __init__(self) -> None:
        super().__init__()
        self.kept: dict = {}
        grid = self.grid()
        grid.addWidget(QLabel(self.tr("Area")), 0, 0)
        for col, grade in enumerate(LOCATION_GRADES, start=1):
            grid.addWidget(QLabel(f"{grade.name} (0-{grade.maximum})"), 0, col)
        for row, (loc, label) in enumerate(LOCATIONS, start=1):
            grid.addWidget(QLabel(label), row, 0)
            for col, grade in enumerate(LOCATION_GRADES, start=1):
                code = f"{loc}_{grade.suffix}"
                field = self.add_field(ChoiceField(STORED, code, ITEMS_BY_CODE[code].label,
                                                   _choices(grade), numeric=True, width=150))
                grid.addWidget(field.combo, row, col)  # type: ignore[attr-defined]
        row = len(LOCATIONS) + 1
        # Gottron's papules on the hands: erythema and ulceration in the areas' columns,
        # then whether papules are present (which doubles the erythema grade).
        grid.addWidget(QLabel(self.tr("Gottron's papules on the hands")), row, 0)
        for col, grade in ((1, GOTTRON_HANDS_ERYTHEMA), (3, GOTTRON_HANDS_ULCERATION)):
            field = self.add_field(ChoiceField(STORED, grade.suffix, grade.name, _choices(grade),
                                               numeric=True, width=150))
            grid.addWidget(field.combo, row, col)  # type: ignore[attr-defined]
        row += 1
        papules = self.add_field(ChoiceField(
            STORED, GOTTRON_HANDS_PAPULES.suffix, GOTTRON_HANDS_PAPULES.name,
            _choices(GOTTRON_HANDS_PAPULES), numeric=True, width=300))
        grid.addWidget(QLabel(self.tr("Papules present on the hands (doubles the erythema "
                                      "grade above)")), row, 0)
        grid.addWidget(papules.combo, row, 1, 1, 3)  # type: ignore[attr-defined]
        row += 1
        for grade in (PERIUNGUAL, HAIR_LOSS):
            field = self.add_field(ChoiceField(STORED, grade.suffix, grade.name, _choices(grade),
                                               numeric=True, width=300))
            grid.addWidget(QLabel(f"{grade.name} (0-{grade.maximum})"), row, 0)
            grid.addWidget(field.combo, row, 1, 1, 3)  # type: ignore[attr-defined]
            row += 1
        grid.setColumnStretch(4, 1)
        self.outer.addLayout(grid)
        note = QLabel(self.tr("Provisional: ") + SOURCE)
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
            result = score_cdasi(self._grades())
        except InstrumentInputError as exc:  # a stored grade outside its range
            self.score.setText(str(exc))
            return
        self.score.setText(result.explanation)

    def state(self) -> SectionState:
        answered = sum(1 for f in self.fields.values() if not f.is_blank())
        try:
            total = score_cdasi(self._grades()).total
        except InstrumentInputError:
            total = None
        shown = f"{total}/{MAXIMUM}" if total is not None else f"{answered}/{len(self.fields)}"
        return SectionState(shown, total is not None, len(self.errors()))
