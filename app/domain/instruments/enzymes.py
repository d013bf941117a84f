"""Muscle enzymes: value, unit and the laboratory's upper limit of normal (ULN).

One module although long: an instrument is defined in one place (architecture, "One
registry per concept") -- its items with their wording, its rules and scorer, and its
declaration for the visit form, the exports and the printouts.

Source: clinical-rules §2.5: CK, aldolase, LDH, AST, ALT; unit U/L or µkat/L with
1 µkat/L = 60 U/L; show ×ULN; "most abnormal enzyme" = the highest ×ULN at baseline,
and later visits follow that same enzyme. (Used by the 2016 ACR/EULAR response
criteria, Rider LG et al., Arthritis Rheumatol 2017;69:911-23.)

×ULN is computed after converting the value and the ULN to U/L, so a value and a ULN
reported in different units are still compared correctly. Arithmetic is decimal, and
×ULN is rounded to 6 decimal places (half-even) to keep float noise out of comparisons.

JUDGEMENT CALL: when two enzymes tie for the highest ×ULN at baseline, the first in the
order CK, aldolase, LDH, AST, ALT is chosen and the tie is reported (``tied_with``), so
the clinician can see and override it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from app.domain.instruments.common import (
    FLOAT_ERROR,
    InstrumentInputError,
    _Invalid,
    format_entered,
    format_number,
    plain_float,
    round_for_comparison,
    round_for_comparison_float,
    to_decimal,
)
from app.domain.instruments.data_dictionary import (
    COMPUTED_NOTE,
    ExportContext,
    Field,
    Form,
    FormBuilder,
    date_field,
)
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
)
from app.domain.instruments.printed import OutcomeRow, PaperBlock, PaperGrid
from app.domain.phrases import (
    Grouped,
    Label,
    Number,
    Phrase,
    Sentence,
    joined,
    phrase,
    sentence,
    sentences,
)
from app.domain.visit_values import ItemEntry

SOURCE = "clinical-rules §2.5 (muscle enzymes; 1 µkat/L = 60 U/L)"
U_PER_L_PER_MICROKAT_PER_L = Decimal(60)


class EnzymeUnit(StrEnum):
    U_PER_L = "U/L"
    MICROKAT_PER_L = "µkat/L"


_UNIT_SPELLINGS = {
    "u/l": EnzymeUnit.U_PER_L,
    "iu/l": EnzymeUnit.U_PER_L,
    "µkat/l": EnzymeUnit.MICROKAT_PER_L,
    "μkat/l": EnzymeUnit.MICROKAT_PER_L,  # Greek mu, as typed on many keyboards
    "ukat/l": EnzymeUnit.MICROKAT_PER_L,
}


@dataclass(frozen=True)
class Enzyme:
    code: str
    label: str
    short: str


ENZYMES: tuple[Enzyme, ...] = (
    Enzyme("ck", "CK (creatine kinase)", "CK"),
    Enzyme("aldolase", "Aldolase", "aldolase"),
    Enzyme("ldh", "LDH (lactate dehydrogenase)", "LDH"),
    Enzyme("ast", "AST (aspartate aminotransferase)", "AST"),
    Enzyme("alt", "ALT (alanine aminotransferase)", "ALT"),
)
ENZYMES_BY_CODE: dict[str, Enzyme] = {e.code: e for e in ENZYMES}
_ORDER = {e.code: i for i, e in enumerate(ENZYMES)}


_PARSED_UNITS: dict[str, EnzymeUnit] = {}  # spellings already seen (bulk exports)


def parse_unit(unit: object) -> EnzymeUnit:
    """ "U/L" (also "IU/L") or "µkat/L" (also "ukat/L"), case-insensitive."""
    if isinstance(unit, EnzymeUnit):
        return unit
    if isinstance(unit, str):
        known = _PARSED_UNITS.get(unit)
        if known is not None:
            return known
        if unit.strip().lower() in _UNIT_SPELLINGS:
            known = _UNIT_SPELLINGS[unit.strip().lower()]
            if len(_PARSED_UNITS) < 1000:
                _PARSED_UNITS[unit] = known
            return known
    raise InstrumentInputError(
        {"unit": f"Enzyme unit must be U/L or µkat/L; {format_entered(unit)} was entered."}
    )


def to_u_per_l(value: object, unit: EnzymeUnit | str) -> Decimal:
    """Value in U/L: µkat/L × 60 (clinical-rules §2.5). Exact decimal arithmetic."""
    number = to_decimal(value)
    if parse_unit(unit) is EnzymeUnit.MICROKAT_PER_L:
        return number * U_PER_L_PER_MICROKAT_PER_L
    return number


class EnzymeMeasurement(NamedTuple):
    """One enzyme result as reported: value and ULN each in its own unit."""

    enzyme: str
    value: float | Decimal | str
    unit: EnzymeUnit | str
    uln: float | Decimal | str
    uln_unit: EnzymeUnit | str | None = None  # None: same unit as the value


class EnzymeTimesUln(NamedTuple):
    """An enzyme result expressed as a multiple of its ULN, with the arithmetic shown."""

    enzyme: str
    value_u_per_l: float
    uln_u_per_l: float
    times_uln: float
    explanation: str


# Plausibility bounds, far outside anything a laboratory reports (CK in rhabdomyolysis can
# exceed 100,000 U/L; a ULN is a few to a few thousand U/L). They catch unit slips and
# typos, and keep the ×ULN arithmetic finite.
MAX_ENZYME_VALUE = 10_000_000
MIN_ULN = Decimal("0.001")
MAX_ULN = 100_000


# The enzymes' sentences (app/forms/terms.py lists them in "Instrument message"): an
# enzyme's name a Label, computed numbers Numbers, what was entered as it was entered.
UNIT_ENTERED = "%1: unit must be U/L or µkat/L; %2 was entered."
ULN_UNIT_ENTERED = "%1: ULN unit must be U/L or µkat/L; %2 was entered."
RESULT_RANGE = "%1: the result must be a number from 0 to %2; %3 was entered."
ULN_RANGE = "%1: the upper limit of normal must be a number from %2 to %3; %4 was entered."
TIMES_ULN = "%1: %2 ÷ ULN %3 = %4 × ULN"
MOST_ABNORMAL = "Most abnormal enzyme at baseline: %1, %2 × ULN (%3)."
NOT_MEASURED = ("%1 (the most abnormal enzyme at baseline) was not measured at this visit; "
                "another enzyme is not substituted.")
NO_BASELINE_RESULTS = "No baseline enzyme results entered."
TIED = "Tied with %1; %2 chosen by the fixed order CK, aldolase, LDH, AST, ALT."
ANOTHER = "The clinician may choose another."
RESULT_COUNT = ("%1 result", "%1 results")
TIMES_ULN_ROW = "%1 (× ULN)"  # the printed summary's row ("Outcome row")
ENZYME_SENTENCES = (UNIT_ENTERED, ULN_UNIT_ENTERED, RESULT_RANGE, ULN_RANGE, TIMES_ULN,
                    MOST_ABNORMAL, NOT_MEASURED, NO_BASELINE_RESULTS, TIED, ANOTHER,
                    *RESULT_COUNT)
# inside TIMES_ULN: a value and its unit (units and the factor 60 are the same words in
# every language, so these are not listed)
_IN_U_PER_L = "%1 U/L"
_FROM_MICROKAT = "%1 µkat/L × 60 = %2 U/L"
_SHORT_RATIO = "%1 %2"


def validate_enzyme(measurement: EnzymeMeasurement) -> dict[str, str]:
    """Plain-words message per field ("enzyme", "value", "unit", "uln", "uln_unit")."""
    messages: dict[str, str] = {}
    label = (
        ENZYMES_BY_CODE[measurement.enzyme].label
        if measurement.enzyme in ENZYMES_BY_CODE
        else (measurement.enzyme)
    )
    if measurement.enzyme not in ENZYMES_BY_CODE:
        messages["enzyme"] = (
            f"Enzyme must be one of: {', '.join(ENZYMES_BY_CODE)}; "
            f"{format_entered(measurement.enzyme)} was entered."
        )
    for name, unit in (("unit", measurement.unit), ("uln_unit", measurement.uln_unit)):
        if name == "uln_unit" and unit is None:
            continue
        try:
            parse_unit(unit)
        except InstrumentInputError:
            messages[name] = sentence(ULN_UNIT_ENTERED if name == "uln_unit" else UNIT_ENTERED,
                                      Label(label), format_entered(unit))
    try:
        value = to_decimal(measurement.value)
        if value < 0 or value > MAX_ENZYME_VALUE:
            raise _Invalid
    except _Invalid:
        # the limit with its thousands commas, as the English has always written it
        messages["value"] = sentence(RESULT_RANGE, Label(label), Grouped(f"{MAX_ENZYME_VALUE:,}"),
                                     format_entered(measurement.value))
    try:
        uln = to_decimal(measurement.uln)
        if not MIN_ULN <= uln <= MAX_ULN:
            raise _Invalid
    except _Invalid:
        messages["uln"] = sentence(ULN_RANGE, Label(label), Number(f"{MIN_ULN}"),
                                   Grouped(f"{MAX_ULN:,}"), format_entered(measurement.uln))
    return messages


def _plain_ratio(m: EnzymeMeasurement) -> tuple[float, float, float] | None:
    """(value, ULN, ×ULN) in floats for plain numbers in U/L (value >= 0, ULN in range)
    when the float ratio provably rounds like the decimal one; None otherwise (the
    checked decimal computation then decides, and explains any refusal)."""
    if _rememberable(m):
        return _remembered_ratio(m)
    return _ratio(m)


def _rememberable(m: EnzymeMeasurement) -> bool:
    """Stored values (floats) are remembered: the same laboratory values recur. Not other
    types or zeros, which compare equal to values that are not the same input (1 == True,
    0.0 == -0.0)."""
    return type(m.value) is float and type(m.uln) is float and bool(m.value and m.uln)


@lru_cache(maxsize=4096)
def _remembered_ratio(m: EnzymeMeasurement) -> tuple[float, float, float] | None:
    return _ratio(m)


def _ratio(m: EnzymeMeasurement) -> tuple[float, float, float] | None:
    if m.enzyme not in ENZYMES_BY_CODE:
        return None
    value, uln = plain_float(m.value), plain_float(m.uln)
    if (value is None or uln is None or not 0 <= value <= MAX_ENZYME_VALUE
            or not float(MIN_ULN) <= uln <= MAX_ULN):
        return None
    try:
        if parse_unit(m.unit) is not EnzymeUnit.U_PER_L or (
            m.uln_unit and parse_unit(m.uln_unit) is not EnzymeUnit.U_PER_L
        ):
            return None  # µkat/L: × 60 in decimals
    except InstrumentInputError:
        return None
    ratio = value / uln
    rounded = round_for_comparison_float(ratio, ratio * FLOAT_ERROR)
    return None if rounded is None else (value, uln, rounded)


def times_uln(measurement: EnzymeMeasurement, *, explain: bool = True) -> EnzymeTimesUln:
    """Value ÷ ULN after converting both to U/L (clinical-rules §2.5).

    Raises InstrumentInputError (messages per field) if the measurement is not usable.
    Plain numbers in U/L are divided in floats when that provably rounds like the exact
    decimal division (``round_for_comparison_float``), else in decimals.
    ``explain=False`` (bulk exports): the same numbers, no explanation text.
    """
    if not explain and _rememberable(measurement):
        return _remembered_times_uln(measurement)
    return _times_uln(measurement, explain)


@lru_cache(maxsize=4096)
def _remembered_times_uln(measurement: EnzymeMeasurement) -> EnzymeTimesUln:
    return _times_uln(measurement, False)  # a refusal raises and is not remembered


def _times_uln(measurement: EnzymeMeasurement, explain: bool) -> EnzymeTimesUln:
    plain = _plain_ratio(measurement)
    if plain is not None:
        value_u: float | Decimal = plain[0]
        uln_u: float | Decimal = plain[1]
        ratio: float | Decimal = plain[2]
        value_unit = uln_unit = EnzymeUnit.U_PER_L
    else:
        messages = validate_enzyme(measurement)
        if messages:
            raise InstrumentInputError(messages)
        value_unit = parse_unit(measurement.unit)
        uln_unit = parse_unit(measurement.uln_unit) if measurement.uln_unit else value_unit
        value_u = to_u_per_l(measurement.value, value_unit)
        uln_u = to_u_per_l(measurement.uln, uln_unit)
        ratio = round_for_comparison(value_u / uln_u)
    if not explain:
        return EnzymeTimesUln(measurement.enzyme, float(value_u), float(uln_u), float(ratio), "")
    label = ENZYMES_BY_CODE[measurement.enzyme].label

    def shown(raw: object, unit: EnzymeUnit, in_u: float | Decimal) -> Phrase:
        if unit is EnzymeUnit.MICROKAT_PER_L:
            return phrase(_FROM_MICROKAT, format_entered(raw), Number(format_number(in_u)))
        return phrase(_IN_U_PER_L, Number(format_number(in_u)))

    explanation = sentence(TIMES_ULN, Label(label),
                           shown(measurement.value, value_unit, value_u),
                           shown(measurement.uln, uln_unit, uln_u),
                           Number(format_number(ratio, 2)))
    return EnzymeTimesUln(measurement.enzyme, float(value_u), float(uln_u), float(ratio),
                          explanation)


def measurements_of(entries: Mapping[str, ItemEntry]) -> list[EnzymeMeasurement]:
    """A visit's stored enzyme results that have both a value and a ULN (others cannot give
    ×ULN), in the order CK, aldolase, LDH, AST, ALT. A value without a unit is in U/L; a
    ULN without one is in the value's unit."""
    out = []
    for enzyme in ENZYMES:
        value, uln = entries.get(enzyme.code), entries.get(f"{enzyme.code}_uln")
        if value is None or value.value_num is None or uln is None or uln.value_num is None:
            continue
        unit = value.unit or "U/L"
        out.append(EnzymeMeasurement(enzyme.code, value.value_num, unit, uln.value_num,
                                     uln.unit or unit))
    return out


@dataclass(frozen=True)
class MostAbnormalEnzyme:
    """The enzyme to follow: highest ×ULN at baseline (clinical-rules §2.5)."""

    enzyme: str | None
    result: EnzymeTimesUln | None
    tied_with: tuple[str, ...]
    all_results: tuple[EnzymeTimesUln, ...]
    explanation: str


def most_abnormal(
    baseline_results: Iterable[EnzymeMeasurement], *, explain: bool = True
) -> MostAbnormalEnzyme:
    """Pick the baseline enzyme with the highest ×ULN (clinical-rules §2.5).

    Raises InstrumentInputError if a measurement is unusable or an enzyme appears twice.
    With no results, ``enzyme`` is None and the explanation says so. Ties: see the
    module docstring (first in CK, aldolase, LDH, AST, ALT order; tie reported).
    """
    measurements = list(baseline_results)
    results = sorted(
        (times_uln(m, explain=explain) for m in measurements), key=lambda r: _ORDER[r.enzyme]
    )
    seen: set[str] = set()
    for m in measurements:
        if m.enzyme in seen:
            raise InstrumentInputError(
                {
                    m.enzyme: f"{ENZYMES_BY_CODE[m.enzyme].label} is entered more than once for "
                    "the baseline visit; keep one result per enzyme."
                }
            )
        seen.add(m.enzyme)
    if not results:
        return MostAbnormalEnzyme(None, None, (), (), sentence(NO_BASELINE_RESULTS))
    highest = max(r.times_uln for r in results)
    top = [r for r in results if r.times_uln == highest]
    chosen = top[0]
    tied = tuple(r.enzyme for r in top[1:])
    if not explain:
        return MostAbnormalEnzyme(chosen.enzyme, chosen, tied, tuple(results), "")
    chosen_sentence = phrase(
        MOST_ABNORMAL, Label(ENZYMES_BY_CODE[chosen.enzyme].label),
        Number(format_number(chosen.times_uln, 2)),
        joined("; ", [phrase(_SHORT_RATIO, ENZYMES_BY_CODE[r.enzyme].short,
                             Number(format_number(r.times_uln, 2))) for r in results]))
    explanation: str = Sentence(chosen_sentence)
    if tied:
        explanation = sentences(" ", [
            chosen_sentence,
            phrase(TIED, joined(", ", [Label(ENZYMES_BY_CODE[c].label) for c in tied]),
                   Label(ENZYMES_BY_CODE[chosen.enzyme].label)),
            phrase(ANOTHER)])
    return MostAbnormalEnzyme(chosen.enzyme, chosen, tied, tuple(results), explanation)


@dataclass(frozen=True)
class FollowUpEnzyme:
    """The follow-up result for the baseline's most abnormal enzyme, or why there is none."""

    enzyme: str
    result: EnzymeTimesUln | None
    reason: str


def follow_up_enzyme(enzyme: str, follow_up_results: Iterable[EnzymeMeasurement]) -> FollowUpEnzyme:
    """At a follow-up visit, the same enzyme as chosen at baseline (clinical-rules §2.5).

    Never substitutes another enzyme: if that enzyme was not measured, ``result`` is None.
    """
    if enzyme not in ENZYMES_BY_CODE:
        raise InstrumentInputError(
            {
                "enzyme": f"Enzyme must be one of: {', '.join(ENZYMES_BY_CODE)}; "
                f"{format_entered(enzyme)} was entered."
            }
        )
    label = ENZYMES_BY_CODE[enzyme].label
    for m in follow_up_results:
        if m.enzyme == enzyme:
            result = times_uln(m)
            return FollowUpEnzyme(enzyme, result, result.explanation)
    return FollowUpEnzyme(
        enzyme,
        None,
        sentence(NOT_MEASURED, Label(label)),
    )


__all__ = [
    "DEFINITION",
    "ENZYMES",
    "U_PER_L_PER_MICROKAT_PER_L",
    "Enzyme",
    "EnzymeMeasurement",
    "EnzymeTimesUln",
    "EnzymeUnit",
    "FollowUpEnzyme",
    "MostAbnormalEnzyme",
    "follow_up_enzyme",
    "measurements_of",
    "most_abnormal",
    "parse_unit",
    "times_uln",
    "to_u_per_l",
    "validate_enzyme",
]


# --------------------------------------------------------------------- declaration

# Units as exported: (CSV code, stored unit) and (CSV code, label).
UNIT_CODES = (("u_l", EnzymeUnit.U_PER_L.value), ("ukat_l", EnzymeUnit.MICROKAT_PER_L.value))
UNIT_CHOICES = (("u_l", "U/L"), ("ukat_l", "µkat/L (1 µkat/L = 60 U/L)"))


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """At least one enzyme result, and the date the blood was collected."""
    return [
        Requirement("enzymes:any", "enzymes", "enzymes", tuple(e.code for e in ENZYMES),
                    "At least one muscle enzyme result", "any"),
        Requirement("enzymes:collected_on", "enzymes", "enzymes", ("collected_on",),
                    "Enzyme collection date"),
    ]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    n = 0
    for measurement in measurements_of(values.get("enzymes", {})):
        try:
            times_uln(measurement, explain=False)
        except InstrumentInputError:
            continue
        n += 1
    return Summary(sentence(RESULT_COUNT[n != 1], Number(str(n))), n > 0)


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("enzymes", "Muscle enzymes", "enzymes")
    for e in ENZYMES:
        stem = f"enz_{e.code}"
        form.item(Field(stem, "enzymes", e.label, validation="number", minimum="0"), e.code,
                  "num", Field(f"{stem}_unit", "enzymes", f"{e.short} unit", "dropdown",
                               UNIT_CHOICES), UNIT_CODES)
        form.item(Field(f"{stem}_uln", "enzymes", f"{e.short} upper limit of normal",
                        validation="number", minimum="0"), f"{e.code}_uln", "num",
                  Field(f"{stem}_uln_unit", "enzymes", f"{e.short} ULN unit", "dropdown",
                        UNIT_CHOICES), UNIT_CODES, missing=False)
        form.add(Field(f"{stem}_xuln", "enzymes", f"{e.short} × ULN", validation="number",
                       computed=True, note=COMPUTED_NOTE, source="enzymes", places=2))
    form.item(date_field("enz_collected", "enzymes", "Blood collected", ctx.identified,
                         "enzymes"), "collected_on", "date", missing=False)
    form.add(
        Field("enz_most_abnormal", "enzymes", "Most abnormal enzyme at baseline", "dropdown",
              tuple((e.code, e.short) for e in ENZYMES), computed=True,
              note=COMPUTED_NOTE + " (highest × ULN at baseline)", source="enzymes"),
        Field("enz_followed_xuln", "enzymes", "Most abnormal enzyme × ULN at this visit",
              validation="number", computed=True, note=COMPUTED_NOTE, source="enzymes",
              places=2),
    )
    return (form.build(),)


def _export_values(scores, response) -> dict[str, object]:
    out: dict[str, object] = {f"enz_{code}_xuln": result.times_uln
                              for code, result in scores.enzymes.items()}
    most = response.most_abnormal if response is not None else None
    if most is not None and most.enzyme:
        out["enz_most_abnormal"] = most.enzyme
        out["enz_followed_xuln"] = response.followed_xuln  # type: ignore[union-attr]
    return out


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    rows = []
    for enzyme in ENZYMES:
        result = now.enzymes.get(enzyme.code)
        was = base.enzymes.get(enzyme.code) if base is not None else None
        if result is None and was is None:
            continue
        rows.append(OutcomeRow(sentence(TIMES_ULN_ROW, Label(enzyme.short)),
                               None if result is None else result.times_uln,
                               None if was is None else was.times_uln, places=2,
                               change_places=2,
                               note=result.explanation if result is not None else ""))
    return rows


def _paper() -> tuple[PaperBlock, ...]:
    return (PaperGrid("Muscle enzymes — blood collected on: ____________",
                      ("Enzyme", "Value", "Unit (U/L or µkat/L)", "Lab upper limit of normal",
                       "ULN unit"), tuple((e.label, "", "", "", "") for e in ENZYMES),
                      (0.34,) + (0.165,) * 4, row_height_mm=6.5),)


DEFINITION = VisitInstrument(
    id="enzymes",
    label="Muscle enzymes",
    protocol_ids=("muscle_enzymes",),
    stored=("enzymes",),
    requirements=_requirements,
    summary=_summary,
    export_forms=_export_forms,
    export_values=_export_values,
    outcome_rows=_outcome_rows,
    paper=_paper,
    item_labels=lambda: {e.code: e.label for e in ENZYMES},
)
