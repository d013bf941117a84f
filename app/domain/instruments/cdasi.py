"""Skin degree: the CDASI activity items and their score (issue 18; seed 000 asks for the
"characteristics and degree of skin rash").

Source: the Cutaneous Dermatomyositis Disease Area and Severity Index, version 2 (Klein RQ
et al., J Invest Dermatol 2008;128:1058-63; modified as v2 in Yassaee M et al., Br J
Dermatol 2010;162:669-73: three activity measures, erythema, scale and erosion/
ulceration). Scoring rule: the activity score is the plain sum of the item grades.

* 15 anatomical locations, each graded for erythema (0 absent, 1 pink or faint erythema,
  2 red, 3 dark red), scale (0 absent, 1 scale, 2 crust or lichenification) and erosion/
  ulceration (0 absent, 1 present);
* periungual changes (0 absent, 1 pink or red erythema or microscopic telangiectasias,
  2 visible telangiectasias);
* alopecia: recent hair loss, within the last 30 days as reported by the patient
  (0 absent, 1 present).

Status: provisional. The locations and grades above were checked against reproductions of
the CDASI v2 form (search of public sources, 2026-12-03); the primary form itself was not
available here. The published activity score runs to 100; the items recorded here reach
``MAXIMUM`` (93): the Gottron's-papules-on-the-hands activity row of the form could not be
verified and is not recorded, so scores are not yet comparable with published cut-offs
(e.g. 14 or 19 separating mild from moderate disease, Anyanwu CO et al., Br J Dermatol
2015;173:969-74). The score is blank until every item is graded; nothing is imputed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.instruments.common import InstrumentInputError
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

STORED = "cdasi"
SOURCE = ("CDASI v2 activity (Klein RQ et al., J Invest Dermatol 2008;128:1058-63; "
          "Yassaee M et al., Br J Dermatol 2010;162:669-73); provisional: the Gottron's "
          "papules on the hands row is not recorded")

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
    CdasiItem("periungual", PERIUNGUAL.name, PERIUNGUAL),
    CdasiItem("hair_loss", HAIR_LOSS.name, HAIR_LOSS),
)
ITEMS_BY_CODE: dict[str, CdasiItem] = {i.code: i for i in ITEMS}
MAXIMUM = sum(i.grade.maximum for i in ITEMS)


@dataclass(frozen=True)
class CdasiResult:
    """The activity score (None until every item is graded) and what is missing."""

    total: int | None
    partial: int
    missing: tuple[str, ...]
    explanation: str = ""


def _grade(item: CdasiItem, value: object) -> int:
    """A stored or typed grade as an int; InstrumentInputError (at the item) otherwise."""
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


def score_cdasi(values: Mapping[str, object], *, explain: bool = True) -> CdasiResult:
    """The CDASI activity score from item grades ``{code: 0..max or None}``: their sum
    when every item is graded, else None with the items missing. A grade outside its
    range raises InstrumentInputError naming every such item."""
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
    partial = sum(grades.values())
    total = None if missing else partial
    text = ""
    if explain:
        text = (f"CDASI activity {total} of {MAXIMUM} (sum of the {len(ITEMS)} item grades)"
                if total is not None else
                f"CDASI activity not scored: {len(missing)} of {len(ITEMS)} items not graded "
                f"(graded so far add up to {partial})")
    return CdasiResult(total, partial, tuple(missing), text)


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


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("cdasi", "CDASI activity (skin degree)", STORED)
    for item in ITEMS:
        form.item(Field(f"cdasi_{item.code}", "cdasi", f"CDASI {item.label}", validation="integer",
                        minimum="0", maximum=str(item.grade.maximum),
                        note="; ".join(f"{n} {w}" for n, w in enumerate(item.grade.anchors))),
                  item.code, "num")
    form.add(Field("cdasi_activity", "cdasi", f"CDASI activity score (0-{MAXIMUM}, provisional)",
                   validation="integer", minimum="0", maximum=str(MAXIMUM), computed=True,
                   note=COMPUTED_NOTE + "; blank if any item is not graded. " + SOURCE,
                   source=STORED))
    return (form.build(),)


def _export_values(scores, response) -> dict[str, object]:
    result = scores.results.get("cdasi")
    return {} if result is None else {"cdasi_activity": result.total}


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    result = now.results.get("cdasi")
    if result is None and (base is None or base.results.get("cdasi") is None):
        return []
    before = None if base is None or base.results.get("cdasi") is None \
        else base.results["cdasi"].total
    note = "" if result is None or result.total is not None else \
        f"incomplete: {len(result.missing)} items not graded"
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
                      (*rows, ("Periungual changes (0-2)", "", "—", "—"),
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
    "ITEMS",
    "ITEMS_BY_CODE",
    "LOCATIONS",
    "MAXIMUM",
    "CdasiResult",
    "score_cdasi",
]
