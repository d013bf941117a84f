"""Skin degree: the CDASI activity items and their score (issue 18; seed 000 asks for the
"characteristics and degree of skin rash").

Source: the Cutaneous Dermatomyositis Disease Area and Severity Index, version 2 (Klein RQ
et al., J Invest Dermatol 2008;128:1058-63; modified as v2 in Yassaee M et al., Br J
Dermatol 2010;162:669-73: three activity measures, erythema, scale and erosion/
ulceration). Scoring rule: the activity score is the sum of the item grades, the
erythema grade of Gottron's papules on the hands counting twice when papules are present.

* 15 anatomical locations, each graded for erythema (0 absent, 1 pink or faint erythema,
  2 red, 3 dark red), scale (0 absent, 1 scale, 2 crust or lichenification) and erosion/
  ulceration (0 absent, 1 present): 15 x 6 = 90;
* Gottron's papules on the hands: erythema graded as above and doubled when papules are
  present, ulceration 0 absent, 1 present: 3 x 2 + 1 = 7;
* periungual changes (0 absent, 1 pink or red erythema or microscopic telangiectasias,
  2 visible telangiectasias): 2;
* alopecia: recent hair loss, within the last 30 days as reported by the patient
  (0 absent, 1 present): 1. Together 90 + 7 + 2 + 1 = 100, the published maximum.

Status: provisional. The locations and grades were checked against reproductions of the
CDASI v2 form; the primary form and papers could not be read here (only their abstracts).
The Gottron's-papules-on-the-hands row ("examine the patient's hands and double score if
papules are present"; ulceration 0-1) follows one public software reproduction of the
form, and its 7 points are what brings the other items' 93 to the published 100: the
doubling rule is the part not confirmed from the primary form. The damage part of the
CDASI (poikiloderma, calcinosis, and the hands' dyspigmentation/scarring) is not recorded.

Visits recorded before the hands row existed have its three items "not entered": their
activity score stays blank (never scored as if the row were 0), and the sum of the other
47 items is kept apart as ``without_gottron_hands`` (out of 93), named as such wherever
it is shown or exported. The score is blank until every item is graded; nothing is
imputed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.instruments.common import InstrumentInputError, incomplete_note
from app.domain.instruments.data_dictionary import (
    COMPUTED_NOTE,
    ExportContext,
    Field,
    Form,
    FormBuilder,
)
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
)
from app.domain.instruments.printed import OutcomeRow, PaperBlock, PaperGrid
from app.domain.phrases import Number, phrase

STORED = "cdasi"
CITATION = ("CDASI v2 activity (Klein RQ et al., J Invest Dermatol 2008;128:1058-63; "
            "Yassaee M et al., Br J Dermatol 2010;162:669-73)")
SOURCE = (CITATION + "; provisional: the Gottron's papules on the hands row (erythema "
          "doubled when papules are present, ulceration) follows a public reproduction of "
          "the form, not the primary form")

# (code, label) of the 15 anatomical locations, in the form's order.
LOCATIONS: tuple[tuple[str, str], ...] = (
    ("scalp", "Scalp"),
    ("malar", "Malar area"),
    ("periorbital", "Periorbital"),
    ("face", "Rest of the face"),
    ("vneck", "V-area of the neck (front)"),
    ("postneck", "Posterior neck"),
    ("upback", "Upper back and shoulders"),
    ("back", "Rest of back and buttocks"),
    ("abdomen", "Abdomen"),
    ("thigh", "Lateral upper thigh"),
    ("leg", "Rest of leg and feet"),
    ("arm", "Arm"),
    ("mechanic", "Mechanic's hand"),
    ("dorsum", "Dorsum of hands (not over joints)"),
    ("gottron_nh", "Gottron's, not on the hands"),
)


@dataclass(frozen=True)
class Grade:
    """A graded measure: its item-code suffix, name and the grades' words."""

    suffix: str
    name: str
    anchors: tuple[str, ...]  # index = grade

    @property
    def maximum(self) -> int:
        return len(self.anchors) - 1


ERYTHEMA = Grade("e", "Erythema", ("absent", "pink; faint erythema", "red", "dark red"))
SCALE = Grade("s", "Scale", ("absent", "scale", "crust; lichenification"))
EROSION = Grade("u", "Erosion/ulceration", ("absent", "present"))
LOCATION_GRADES = (ERYTHEMA, SCALE, EROSION)
PERIUNGUAL = Grade("periungual", "Periungual changes",
                   ("absent", "pink or red erythema, or microscopic telangiectasias",
                    "visible telangiectasias"))
# Gottron's papules on the hands: one row of the form, graded for erythema (doubled when
# papules are present) and ulceration.
GOTTRON_HANDS_ERYTHEMA = Grade("gottron_h_e", "Gottron's papules on the hands: erythema",
                               ERYTHEMA.anchors)
GOTTRON_HANDS_PAPULES = Grade("gottron_h_papules",
                              "Gottron's papules on the hands: papules present (doubles the "
                              "erythema grade)", ("absent", "present"))
GOTTRON_HANDS_ULCERATION = Grade("gottron_h_u", "Gottron's papules on the hands: ulceration",
                                 ("absent", "present"))
GOTTRON_HANDS = (GOTTRON_HANDS_ERYTHEMA, GOTTRON_HANDS_PAPULES, GOTTRON_HANDS_ULCERATION)
GOTTRON_HANDS_CODES = tuple(g.suffix for g in GOTTRON_HANDS)
HAIR_LOSS = Grade("hair_loss", "Alopecia: recent hair loss (last 30 days, as reported)",
                  ("absent", "present"))


@dataclass(frozen=True)
class CdasiItem:
    code: str
    label: str
    grade: Grade


ITEMS: tuple[CdasiItem, ...] = (
    *(CdasiItem(f"{loc}_{g.suffix}", f"{label}: {g.name.lower()}", g)
      for loc, label in LOCATIONS for g in LOCATION_GRADES),
    *(CdasiItem(g.suffix, g.name, g) for g in GOTTRON_HANDS),
    CdasiItem("periungual", PERIUNGUAL.name, PERIUNGUAL),
    CdasiItem("hair_loss", HAIR_LOSS.name, HAIR_LOSS),
)
ITEMS_BY_CODE: dict[str, CdasiItem] = {i.code: i for i in ITEMS}
# The items recorded before the hands row, and their maximum (the score of those visits).
ITEMS_WITHOUT_GOTTRON_HANDS = tuple(i for i in ITEMS if i.code not in GOTTRON_HANDS_CODES)
MAXIMUM_WITHOUT_GOTTRON_HANDS = sum(i.grade.maximum for i in ITEMS_WITHOUT_GOTTRON_HANDS)
# Every grade once, the papules' presence adding the erythema grade a second time.
MAXIMUM = (sum(i.grade.maximum for i in ITEMS if i.grade is not GOTTRON_HANDS_PAPULES)
           + GOTTRON_HANDS_ERYTHEMA.maximum * GOTTRON_HANDS_PAPULES.maximum)


@dataclass(frozen=True)
class CdasiResult:
    """The activity score (None until every item is graded) and what is missing;
    ``without_gottron_hands``: the sum of the 47 items other than the hands row (out of
    93) when all of them are graded, the score of visits recorded before that row."""

    total: int | None
    partial: int
    missing: tuple[str, ...]
    explanation: str = ""
    without_gottron_hands: int | None = None


def _grade(item: CdasiItem, value: object) -> int:
    """A stored or typed grade as an int; InstrumentInputError (at the item) otherwise."""
    # The usual case first, without the general checks: a stored grade (a float) in range.
    if type(value) is float and value.is_integer() and 0 <= value <= item.grade.maximum:
        return int(value)
    number: float | None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip())
        except ValueError:
            number = None
    if number is None or number != int(number) or not 0 <= number <= item.grade.maximum:
        raise InstrumentInputError({item.code: (
            f"CDASI {item.label}: grade must be a whole number from 0 to "
            f"{item.grade.maximum}; {value!r} was entered.")})
    return int(number)


def _points(grades: Mapping[str, int]) -> int:
    """The activity points of the graded items: each grade once, except that the papules'
    presence (0/1) is no point of its own but adds the hands' erythema grade again."""
    points = sum(g for code, g in grades.items() if code != GOTTRON_HANDS_PAPULES.suffix)
    erythema = grades.get(GOTTRON_HANDS_ERYTHEMA.suffix)
    papules = grades.get(GOTTRON_HANDS_PAPULES.suffix)
    if erythema is not None and papules is not None:
        points += erythema * papules
    return points


def score_cdasi(values: Mapping[str, object], *, explain: bool = True) -> CdasiResult:
    """The CDASI activity score from item grades ``{code: 0..max or None}``: their points
    (``_points``) when every item is graded, else None with the items missing. A grade
    outside its range raises InstrumentInputError naming every such item."""
    messages: dict[str, str] = {}
    grades: dict[str, int] = {}
    missing: list[str] = []
    for item in ITEMS:
        value = values.get(item.code)
        if value is None or (isinstance(value, str) and not value.strip()):
            missing.append(item.code)
            continue
        try:
            grades[item.code] = _grade(item, value)
        except InstrumentInputError as exc:
            messages.update(exc.messages)
    if messages:
        raise InstrumentInputError(messages)
    partial = _points(grades)
    total = None if missing else partial
    others_missing = [c for c in missing if c not in GOTTRON_HANDS_CODES]
    without = None if others_missing else sum(
        g for code, g in grades.items() if code not in GOTTRON_HANDS_CODES)
    text = ""
    if explain:
        if total is not None:
            text = (f"CDASI activity {total} of {MAXIMUM} (sum of the item grades, the hands' "
                    f"Gottron's erythema counted twice when papules are present)")
        elif without is not None:
            text = (f"CDASI activity not scored: the Gottron's papules on the hands row is not "
                    f"graded (a visit recorded before the row was added does not have it); "
                    f"the other {len(ITEMS_WITHOUT_GOTTRON_HANDS)} items add up to {without} "
                    f"of {MAXIMUM_WITHOUT_GOTTRON_HANDS}")
        else:
            text = (f"CDASI activity not scored: {len(missing)} of {len(ITEMS)} items not "
                    f"graded (graded so far add up to {partial})")
    return CdasiResult(total, partial, tuple(missing), text, without)


# --------------------------------------------------------------------- declaration


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    return [Requirement(f"cdasi:{i.code}", "cdasi", STORED, (i.code,), f"CDASI {i.label}")
            for i in ITEMS]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    entries = values.get(STORED, {})
    n = sum(1 for i in ITEMS if i.code in entries and entries[i.code].has_value)
    return Summary(f"{n}/{len(ITEMS)}", n == len(ITEMS))


def _score(values: Values, explain: bool) -> CdasiResult | None:
    entries = values.get(STORED)
    if not entries:
        return None
    return score_cdasi({code: e.value for code, e in entries.items()}, explain=explain)


def _choices(grade: Grade) -> tuple[tuple[str, str], ...]:
    return tuple((str(n), f"{n} {word}") for n, word in enumerate(grade.anchors))


# The computed 47-item sum (out of 93): the activity of visits recorded before the hands row.
WITHOUT_HANDS_FIELD = "cdasi_activity_93"


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("cdasi", "CDASI activity (skin degree)", STORED)
    for item in ITEMS:
        form.item(Field(f"cdasi_{item.code}", "cdasi", f"CDASI {item.label}", validation="integer",
                        minimum="0", maximum=str(item.grade.maximum),
                        note="; ".join(f"{n} {w}" for n, w in enumerate(item.grade.anchors))),
                  item.code, "num")
    form.add(Field("cdasi_activity", "cdasi", f"CDASI activity score (0-{MAXIMUM}, provisional)",
                   validation="integer", minimum="0", maximum=str(MAXIMUM), computed=True,
                   note=COMPUTED_NOTE + "; blank if any item is not graded (a visit recorded "
                   f"before the Gottron's papules on the hands row: see {WITHOUT_HANDS_FIELD}"
                   "). " + SOURCE, source=STORED))
    form.add(Field(WITHOUT_HANDS_FIELD, "cdasi",
                   f"CDASI activity without the Gottron's papules on the hands row "
                   f"(0-{MAXIMUM_WITHOUT_GOTTRON_HANDS}, provisional)", validation="integer",
                   minimum="0", maximum=str(MAXIMUM_WITHOUT_GOTTRON_HANDS), computed=True,
                   note=COMPUTED_NOTE + "; the sum of the other 47 items, blank if any of them "
                   "is not graded; the only activity figure of a visit recorded before the "
                   "hands row was added (not comparable with the 0-100 score)",
                   source=STORED))
    return (form.build(),)


def _export_values(scores, response) -> dict[str, object]:
    result = scores.results.get("cdasi")
    return {} if result is None else {"cdasi_activity": result.total,
                                      WITHOUT_HANDS_FIELD: result.without_gottron_hands}


# the outcome row's note when the activity is not computed (the interface lists them)
HANDS_NOT_GRADED = "Gottron's papules on the hands not graded; other items %1 of %2"
ONE_NOT_GRADED = "%1 item not graded"
MANY_NOT_GRADED = "%1 items not graded"
CDASI_SENTENCES = (HANDS_NOT_GRADED, ONE_NOT_GRADED, MANY_NOT_GRADED)


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    result = now.results.get("cdasi")
    if result is None and (base is None or base.results.get("cdasi") is None):
        return []
    before = None if base is None or base.results.get("cdasi") is None \
        else base.results["cdasi"].total
    note = ""
    if result is not None and result.total is None:
        note = incomplete_note(
            phrase(HANDS_NOT_GRADED, Number(str(result.without_gottron_hands)),
                   Number(str(MAXIMUM_WITHOUT_GOTTRON_HANDS)))
            if result.without_gottron_hands is not None else
            phrase(ONE_NOT_GRADED if len(result.missing) == 1 else MANY_NOT_GRADED,
                   Number(str(len(result.missing)))))
    return [OutcomeRow("CDASI activity (provisional)", None if result is None else result.total,
                       before, places=0, change_places=0, out_of=MAXIMUM, note=note)]


def _unscored(scores) -> list[str]:
    result = scores.results.get("cdasi")
    if result is None or not result.missing:
        return []
    labels = [ITEMS_BY_CODE[c].label for c in result.missing]
    return ["CDASI items not graded: " + ", ".join(labels)]


def _paper() -> tuple[PaperBlock, ...]:
    rows = tuple((label, "", "", "") for _code, label in LOCATIONS)
    return (PaperGrid("CDASI activity (erythema 0-3, scale 0-2, erosion/ulceration 0-1)",
                      ("Location", "Erythema", "Scale", "Erosion/ulceration"),
                      (*rows,
                       ("Gottron's papules on the hands (erythema doubled if papules; "
                        "papules present: yes / no)", "", "—", ""),
                       ("Periungual changes (0-2)", "", "—", "—"),
                       ("Recent hair loss, last 30 days (0-1)", "", "—", "—")),
                      (0.46, 0.18, 0.18, 0.18), row_height_mm=6),)


DEFINITION = VisitInstrument(
    id="cdasi",
    label="CDASI activity",
    protocol_ids=("cdasi",),
    stored=(STORED,),
    requirements=_requirements,
    summary=_summary,
    score=_score,
    export_forms=_export_forms,
    export_values=_export_values,
    outcome_rows=_outcome_rows,
    unscored=_unscored,
    paper=_paper,
    item_labels=lambda: {i.code: f"CDASI {i.label}" for i in ITEMS},
)

__all__ = [
    "DEFINITION",
    "GOTTRON_HANDS",
    "GOTTRON_HANDS_CODES",
    "ITEMS",
    "ITEMS_WITHOUT_GOTTRON_HANDS",
    "ITEMS_BY_CODE",
    "LOCATIONS",
    "MAXIMUM",
    "MAXIMUM_WITHOUT_GOTTRON_HANDS",
    "WITHOUT_HANDS_FIELD",
    "CdasiResult",
    "score_cdasi",
]
