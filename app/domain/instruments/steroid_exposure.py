"""Steroid exposure over time and the background medicines beside it (issue 18, "what the
study needs recorded"): at each visit the daily oral prednisone-equivalent dose, the IV
methylprednisolone pulses given since the last visit (how many, and the dose of each), and
the weekly methotrexate and daily hydroxychloroquine doses; and, over an enrollment, the
cumulative steroid exposure in mg and mg/kg computed from those visit records.

Rules (project rules, provisional, shown with their source where a clinician sees them):

* Oral: the daily dose recorded at a visit is taken to be the dose from that visit until
  the next one (a step function: last value carried forward between visits, never past
  the last visit). Interval mg = dose (mg/day) x days to the next visit; mg/kg divides by
  the weight recorded at the visit that starts the interval.
* IV: pulses recorded at a visit are those given since the previous visit (at baseline:
  since enrollment). Visit mg = number of pulses x dose per pulse; mg/kg divides by the
  weight recorded at that visit.
* Prednisone equivalent of methylprednisolone: x 1.25 (4 mg methylprednisolone = 5 mg
  prednisone in the standard glucocorticoid equivalence tables, e.g. Liu D et al.,
  Allergy Asthma Clin Immunol 2013;9:30, Table 1).
* Nothing is imputed: an interval whose dose (or a visit whose pulse dose) is missing
  makes the total unknown (None) and is named in ``gaps``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

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
from app.domain.instruments.printed import (
    Finding,
    OutcomeRow,
    PaperBlock,
    PaperGrid,
    ended,
    fmt_num,
)
from app.domain.phrases import Joined, Label, Lowered, Number, Phrase, as_typed, phrase, sentence

STORED = "steroids"
SOURCE = ("Project rule (issue 18): steroid exposure recorded at each visit; "
          "provisional")
EQUIVALENCE_SOURCE = ("4 mg methylprednisolone = 5 mg prednisone (Liu D et al., Allergy "
                      "Asthma Clin Immunol 2013;9:30, Table 1); provisional")
# mg of prednisone equivalent to 1 mg of methylprednisolone.
METHYLPREDNISOLONE_TO_PREDNISONE = 1.25


@dataclass(frozen=True)
class DoseItem:
    """One number recorded at the visit: code, label, unit, accepted range (a typing
    check, not a clinical limit) and whether it must be a whole number."""

    code: str
    label: str
    unit: str
    minimum: float
    maximum: float
    whole: bool = False
    help: str = ""


# The ranges catch typing errors (a missing decimal point, mg typed as mg/kg); they are a
# project choice. The IV pulse dose's 1000 mg is the plans' own cap (clinical-rules §1).
ITEMS: tuple[DoseItem, ...] = (
    DoseItem("prednisone_mg_day", "Oral prednisone-equivalent dose today", "mg/day", 0, 200,
             help="The daily oral glucocorticoid dose, as prednisone (0 if none)."),
    DoseItem("ivmp_pulses", "IV methylprednisolone pulses since the last visit", "pulses",
             0, 60, whole=True,
             help="How many pulses were given since the last visit (at baseline: since "
                  "enrollment); 0 if none."),
    DoseItem("ivmp_dose_mg", "IV methylprednisolone dose per pulse", "mg", 1, 1000,
             help="The dose of each pulse (the plans cap it at 1000 mg)."),
    DoseItem("mtx_mg_week", "Methotrexate dose", "mg/week", 0, 60,
             help="Weekly methotrexate (oral or subcutaneous); 0 if none."),
    DoseItem("hcq_mg_day", "Hydroxychloroquine dose", "mg/day", 0, 600,
             help="Daily hydroxychloroquine; 0 if none."),
)
ITEMS_BY_CODE: dict[str, DoseItem] = {i.code: i for i in ITEMS}


# The section's sentences (app/forms/terms.py lists them in "Instrument message"): an
# item's name a Label, its limits Numbers, what was typed as typed.
NUMBER_IN = '%1 must be a number in %2; "%3" was entered.'
WHOLE = '%1 must be a whole number; "%2" was entered.'
FROM_TO = '%1 must be from %2 to %3 %4; "%5" was entered.'
PULSE_DOSE_NEEDED = ("IV methylprednisolone: pulses were given since the last visit; enter the "
                     "dose of each pulse in mg.")
PER_DAY = "%1 mg/day"
STEROID_SENTENCES = (NUMBER_IN, WHOLE, FROM_TO, PULSE_DOSE_NEEDED, PER_DAY)
# the visit summary's finding: "oral prednisone-equivalent dose today 10.9 mg/day; …."
DOSE_FOUND = "%1 %2 %3"
NOTHING_FOUND = "nothing recorded."
STEROID_FINDINGS = (DOSE_FOUND, NOTHING_FOUND)


def validate_dose_item(code: str, text: object) -> str | None:
    """The plain-words message for one typed entry, or None (blank is fine here; what
    must be entered is a requirement)."""
    item = ITEMS_BY_CODE[code]
    if text is None or str(text).strip() == "":
        return None
    typed = as_typed(text).strip()  # quoted as typed ("12,5"); read as the domain reads it
    try:
        value = float(str(text).strip())
    except ValueError:
        value = math.nan
    if not math.isfinite(value):
        return sentence(NUMBER_IN, Label(item.label), Label(item.unit), typed)
    if item.whole and value != int(value):
        return sentence(WHOLE, Label(item.label), typed)
    if not item.minimum <= value <= item.maximum:
        return sentence(FROM_TO, Label(item.label), Number(f"{item.minimum:g}"),
                        Number(f"{item.maximum:g}"), Label(item.unit), typed)
    return None


def steroid_problems(values: Mapping[str, object]) -> dict[str, str]:
    """Every field's message, plus the one rule across fields: pulses given need their
    dose (otherwise the cumulative exposure cannot be computed)."""
    out = {code: m for code in ITEMS_BY_CODE if (m := validate_dose_item(code, values.get(code)))}
    pulses, dose = values.get("ivmp_pulses"), values.get("ivmp_dose_mg")
    if "ivmp_pulses" not in out and _number(pulses) and _blank(dose) and "ivmp_dose_mg" not in out:
        out["ivmp_dose_mg"] = sentence(PULSE_DOSE_NEEDED)
    return out


def _blank(value: object) -> bool:
    return value is None or str(value).strip() == ""


def _number(value: object) -> float | None:
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


# --------------------------------------------------------------------- cumulative


@dataclass(frozen=True)
class SteroidVisit:
    """What one visit recorded, for the cumulative computation."""

    day: date
    prednisone_mg_day: float | None = None
    ivmp_pulses: float | None = None
    ivmp_dose_mg: float | None = None
    weight_kg: float | None = None


@dataclass(frozen=True)
class SteroidExposure:
    """Cumulative exposure from the first to the last visit given (mg and mg/kg; None when
    a needed value is missing, named in ``gaps``)."""

    first: date | None
    last: date | None
    oral_mg: float | None
    oral_mg_per_kg: float | None
    ivmp_mg: float | None
    ivmp_mg_per_kg: float | None
    total_prednisone_mg: float | None
    total_prednisone_mg_per_kg: float | None
    gaps: tuple[str, ...] = field(default_factory=tuple)


def cumulative_steroid_exposure(visits: Sequence[SteroidVisit]) -> SteroidExposure:
    """Cumulative oral prednisone-equivalent, IV methylprednisolone and total prednisone
    equivalent exposure over the visits of an enrollment (rules: module docstring)."""
    exposures = steroid_exposures(visits)
    return exposures[-1] if exposures else SteroidExposure(None, None, 0.0, 0.0, 0.0, 0.0,
                                                           0.0, 0.0)


def steroid_exposures(visits: Sequence[SteroidVisit]) -> list[SteroidExposure]:
    """The cumulative exposure up to each visit: the visits in day order (a day's visits
    in the order given), element i the exposure over the first i + 1 of them, each the
    exposure ``cumulative_steroid_exposure`` gives for those visits alone. One pass:
    every interval and pulse is added once, in day order (running sums), so an
    enrollment's visits cost as many steps as there are visits, not their square.

    Oral: each visit's mg/day x days to the next visit (the last visit's dose is not
    counted after it), mg/kg with the weight of the visit that starts the interval. IV:
    pulses x mg per pulse at each visit, mg/kg with that visit's weight. A value needed
    and missing makes the sum it belongs to None, and is named once in ``gaps``."""
    ordered = sorted(visits, key=lambda v: v.day)
    out: list[SteroidExposure] = []
    oral_gaps: list[str] = []
    iv_gaps: list[str] = []
    # Running sums, started at 0 and added to in day order as sum() over the parts would;
    # None once a part is missing.
    oral: float | None = 0
    oral_kg: float | None = 0
    iv: float | None = 0
    iv_kg: float | None = 0
    k = METHYLPREDNISOLONE_TO_PREDNISONE
    for number, v in enumerate(ordered):
        if number:  # the interval from the visit before to this one
            start = ordered[number - 1]
            days = (v.day - start.day).days
            if start.prednisone_mg_day is None:
                oral_gaps.append(f"oral dose not recorded on {start.day.isoformat()}")
                oral = oral_kg = None
            else:
                mg = start.prednisone_mg_day * days
                if oral is not None:
                    oral += mg
                if start.weight_kg:
                    if oral_kg is not None:
                        oral_kg += mg / start.weight_kg
                elif mg:
                    oral_gaps.append(f"weight not recorded on {start.day.isoformat()}")
                    oral_kg = None
                elif oral_kg is not None:
                    oral_kg += 0.0
        if v.ivmp_pulses is None:
            iv_gaps.append(f"IV pulses not recorded on {v.day.isoformat()}")
            iv = iv_kg = None
        elif v.ivmp_pulses == 0:
            if iv is not None:
                iv += 0.0
            if iv_kg is not None:
                iv_kg += 0.0
        elif v.ivmp_dose_mg is None:
            iv_gaps.append(f"IV pulse dose not recorded on {v.day.isoformat()}")
            iv = iv_kg = None
        else:
            mg = v.ivmp_pulses * v.ivmp_dose_mg
            if iv is not None:
                iv += mg
            if v.weight_kg:
                if iv_kg is not None:
                    iv_kg += mg / v.weight_kg
            else:
                iv_gaps.append(f"weight not recorded on {v.day.isoformat()}")
                iv_kg = None
        oral_mg = None if oral is None else float(oral)
        oral_per_kg = None if oral_kg is None else float(oral_kg)
        iv_mg = None if iv is None else float(iv)
        iv_per_kg = None if iv_kg is None else float(iv_kg)
        total = None if oral_mg is None or iv_mg is None else oral_mg + k * iv_mg
        total_kg = (None if oral_per_kg is None or iv_per_kg is None
                    else oral_per_kg + k * iv_per_kg)
        out.append(SteroidExposure(ordered[0].day, v.day, oral_mg, oral_per_kg, iv_mg,
                                   iv_per_kg, total, total_kg,
                                   tuple(dict.fromkeys(oral_gaps + iv_gaps))))
    return out


def steroid_visit(day: date, values: Values) -> SteroidVisit:
    """A visit's stored items (steroids and today's weight) as a ``SteroidVisit``."""
    entries = values.get(STORED, {})

    def num(code: str, stored: Mapping | None = None) -> float | None:
        entry = (entries if stored is None else stored).get(code)
        return None if entry is None else entry.value_num

    return SteroidVisit(day, num("prednisone_mg_day"), num("ivmp_pulses"), num("ivmp_dose_mg"),
                        num("weight_kg", values.get("vitals", {})))


# --------------------------------------------------------------------- declaration


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Today's oral dose and the pulses since the last visit (0 when none); methotrexate
    and hydroxychloroquine when given are optional entries."""
    return [Requirement(f"steroids:{code}", "steroid_exposure", STORED, (code,),
                        ITEMS_BY_CODE[code].label)
            for code in ("prednisone_mg_day", "ivmp_pulses")]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    entry = values.get(STORED, {}).get("prednisone_mg_day")
    if entry is None or entry.value_num is None:
        return Summary("no dose", False)
    return Summary(sentence(PER_DAY, Number(f"{entry.value_num:g}")), True)


# The cumulative exposure at each visit, exported beside the visit's own records (computed
# by app.exports.records from the enrollment's visits up to this one).
CUMULATIVE_RULE = (
    "Cumulative since enrollment, up to and including this visit, over the enrollment's "
    "visits that recorded the steroid items (dated on or before this visit): oral = each "
    "visit's prednisone-equivalent mg/day x days to the next such visit (the last one's "
    "dose not counted after it), mg/kg with the weight of the visit starting the interval; "
    "IV = pulses x mg per pulse as recorded at each visit, mg/kg with that visit's weight; "
    "total as prednisone = oral + 1.25 x IV (" + EQUIVALENCE_SOURCE + "). Nothing imputed: "
    "blank when a needed dose is missing (mg/kg also when a weight is), counted in "
    "ster_cum_missing; blank at a visit that did not record the steroid items. Provisional "
    "project rule (issue 18)")
# (column, what, unit, places): the columns the rule fills, in order.
CUMULATIVE_COLUMNS: tuple[tuple[str, str, str, int], ...] = (
    ("ster_cum_oral_mg", "oral prednisone-equivalent", "mg", 1),
    ("ster_cum_oral_mg_kg", "oral prednisone-equivalent", "mg/kg", 2),
    ("ster_cum_ivmp_mg", "IV methylprednisolone", "mg", 1),
    ("ster_cum_ivmp_mg_kg", "IV methylprednisolone", "mg/kg", 2),
    ("ster_cum_total_mg", "total as prednisone (oral + 1.25 x IV)", "mg", 1),
    ("ster_cum_total_mg_kg", "total as prednisone (oral + 1.25 x IV)", "mg/kg", 2),
)
CUMULATIVE_MISSING = "ster_cum_missing"


def cumulative_columns(exposure: SteroidExposure) -> dict[str, float | int | None]:
    """The cumulative columns of one visit from its exposure (``CUMULATIVE_COLUMNS``), and
    how many needed values were missing (``gaps``, counted apart, never imputed)."""
    amounts = (exposure.oral_mg, exposure.oral_mg_per_kg, exposure.ivmp_mg,
               exposure.ivmp_mg_per_kg, exposure.total_prednisone_mg,
               exposure.total_prednisone_mg_per_kg)
    out: dict[str, float | int | None] = {
        column: amount for (column, *_), amount in zip(CUMULATIVE_COLUMNS, amounts,
                                                       strict=True)}
    out[CUMULATIVE_MISSING] = len(exposure.gaps)
    return out


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("steroid_exposure", "Steroid exposure and background medicines",
                       STORED)
    for item in ITEMS:
        form.item(Field(f"ster_{item.code}", "steroid_exposure", f"{item.label} ({item.unit})",
                        validation="integer" if item.whole else "number",
                        minimum=f"{item.minimum:g}", maximum=f"{item.maximum:g}",
                        units=item.unit, note=item.help), item.code, "num")
    for column, what, unit, places in CUMULATIVE_COLUMNS:
        form.add(Field(column, "steroid_exposure",
                       f"Cumulative {what} since enrollment ({unit}, provisional)",
                       validation="number", minimum="0", units=unit, computed=True,
                       places=places, source=STORED,
                       note=COMPUTED_NOTE + "; blank when not computable (see the annotation)",
                       annotation=CUMULATIVE_RULE))
    form.add(Field(CUMULATIVE_MISSING, "steroid_exposure",
                   "Cumulative steroid exposure: needed values missing", validation="integer",
                   minimum="0", computed=True, source=STORED,
                   note=COMPUTED_NOTE + "; how many doses or weights the cumulative columns "
                   "lacked (0: complete), counted apart, never imputed",
                   annotation=CUMULATIVE_RULE))
    return (form.build(),)


def _value(values: Values | None, code: str) -> float | None:
    entry = (values or {}).get(STORED, {}).get(code)
    return None if entry is None else entry.value_num


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    return [OutcomeRow("Oral prednisone-equivalent dose (mg/day)",
                       _value(values, "prednisone_mg_day"),
                       _value(base_values, "prednisone_mg_day"))]


def _findings(values: Values) -> list[Finding]:
    if not values.get(STORED):
        return []
    parts: list[str | Phrase | Joined] = []
    for item in ITEMS:
        number = _value(values, item.code)
        if number is not None:
            parts.append(phrase(DOSE_FOUND, Lowered(item.label), Number(fmt_num(number, 2)),
                                Label(item.unit)))
    return [Finding(ended(parts) if parts else sentence(NOTHING_FOUND),
                    heading="Steroid exposure and background medicines")]


def _paper() -> tuple[PaperBlock, ...]:
    return (PaperGrid("Steroid exposure and background medicines", ("Item", "Value", "Unit"),
                      tuple((i.label, "", i.unit) for i in ITEMS), (0.56, 0.22, 0.22),
                      row_height_mm=6.5),)


DEFINITION = VisitInstrument(
    id="steroid_exposure",
    label="Steroid exposure",
    protocol_ids=("steroid_exposure",),
    stored=(STORED,),
    requirements=_requirements,
    summary=_summary,
    export_forms=_export_forms,
    outcome_rows=_outcome_rows,
    findings=_findings,
    paper=_paper,
    item_labels=lambda: {i.code: i.label for i in ITEMS},
)

__all__ = [
    "DEFINITION",
    "EQUIVALENCE_SOURCE",
    "ITEMS",
    "ITEMS_BY_CODE",
    "CUMULATIVE_COLUMNS",
    "CUMULATIVE_MISSING",
    "CUMULATIVE_RULE",
    "METHYLPREDNISOLONE_TO_PREDNISONE",
    "STORED",
    "SteroidExposure",
    "SteroidVisit",
    "cumulative_columns",
    "cumulative_steroid_exposure",
    "steroid_problems",
    "steroid_visit",
    "validate_dose_item",
]
