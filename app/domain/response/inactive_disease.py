"""PRINTO criteria for clinically inactive juvenile dermatomyositis (clinical-rules §3.1;
Lazarevic D et al., Ann Rheum Dis 2013;72:686-93): at least 3 of CK <= 150 U/L,
CMAS >= 48, MMT8 >= 78 (0-80), physician global activity <= 0.2 cm. Never imputed: with
criteria missing the result is decided only when they could not change it, otherwise
it is undetermined and they are listed.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from typing import NamedTuple

from app.domain.instruments.common import (
    FLOAT_ERROR,
    InstrumentInputError,
    format_number,
    plain_float,
    round_for_comparison,
    round_for_comparison_float,
    to_decimal,
)
from app.domain.instruments.enzymes import EnzymeUnit, parse_unit, to_u_per_l
from app.domain.instruments.mmt8 import MAXIMUM_TOTAL as MMT8_MAXIMUM_TOTAL
from app.domain.instruments.mmt8 import Mmt8Variant
from app.domain.phrases import (
    Joined,
    Label,
    Number,
    Phrase,
    Sentence,
    joined,
    phrase,
    sentence,
    sentences,
)
from app.domain.response.core_set import ResponseInputError, checked_number

PRINTO_SOURCE = "clinical-rules §3.1; Lazarevic D et al., Ann Rheum Dis 2013;72:686-93"


class PrintoStatus(StrEnum):
    INACTIVE = "inactive"
    NOT_INACTIVE = "not_inactive"
    UNDETERMINED = "undetermined"


PRINTO_CK_MAX_U_PER_L = Decimal(150)
PRINTO_CMAS_MIN = Decimal(48)
PRINTO_MMT8_MIN = Decimal(78)  # on the 0-80 (unilateral) scale
PRINTO_PGA_MAX = Decimal("0.2")
PRINTO_REQUIRED = 3


class Criterion(NamedTuple):
    code: str
    label: str
    value: float | None
    threshold: str
    met: bool | None  # None: not available
    detail: str


@dataclass(frozen=True)
class PrintoResult:
    """PRINTO clinically inactive disease: at least 3 of 4 criteria (clinical-rules §3.1)."""

    status: PrintoStatus
    inactive: bool | None
    met: tuple[str, ...]
    not_met: tuple[str, ...]
    missing: tuple[str, ...]
    criteria: tuple[Criterion, ...]
    explanation: str
    source: str = PRINTO_SOURCE


def _decide(met: int, missing: int, required: int) -> bool | None:
    """True if ``required`` are met whatever the missing ones are; False if they cannot
    be even if every missing one were met; else None (undetermined)."""
    if met >= required:
        return True
    if met + missing < required:
        return False
    return None


def _rounded_value(value: float) -> float | Decimal:
    """A plain float rounded for comparison: in floats when provably the same, else as the
    decimal ``round_for_comparison(to_decimal(value))``."""
    rounded = round_for_comparison_float(value, abs(value) * FLOAT_ERROR)
    return round_for_comparison(to_decimal(value)) if rounded is None else rounded


def _as_float_threshold(threshold: Decimal) -> float | None:
    """A threshold with at most COMPARISON_PLACES decimals as a float: a value rounded to
    those places compares with it in floats exactly as in decimals; None otherwise."""
    return float(threshold) if round_for_comparison(threshold) == threshold else None


def _criterion_met(rounded: float | Decimal, threshold: Decimal, at_least: bool) -> bool:
    limit: float | Decimal | None = threshold
    if isinstance(rounded, float):
        limit = _as_float_threshold(threshold)
        if limit is None:
            rounded, limit = to_decimal(rounded), threshold
    assert limit is not None
    return rounded >= limit if at_least else rounded <= limit


# PRINTO criteria after CK: code, label, threshold text, short text, limit, at least?
_PRINTO_OTHER_CRITERIA: tuple[tuple[str, str, str, str, Decimal, bool], ...] = (
    ("cmas", "CMAS", ">= 48", ">= 48", PRINTO_CMAS_MIN, True),
    ("mmt8", "MMT8", ">= 78 (0-80)", ">= 78", PRINTO_MMT8_MIN, True),
    ("pga", "Physician global activity", "<= 0.2 cm", "<= 0.2 cm", PRINTO_PGA_MAX, False),
)
# The PRINTO criteria's sentences (app/forms/terms.py lists them in "Instrument message"):
# criteria's names Labels, values Numbers.
NOT_AVAILABLE = "%1 not available."
BILATERAL_MMT8 = ("MMT8 criterion is defined on the 0-80 unilateral scale; a bilateral (0-150) "
                  "total is not converted, so this criterion is not available.")
MEETS = {True: "%1 meets %2.", False: "%1 does not meet %2."}
PGA_MEETS = {True: "Physician global activity %1 meets %2.",
             False: "Physician global activity %1 does not meet %2."}
CRITERIA_MET = "%1 of 4 PRINTO criteria met"
NOT_MET = "; not met: %1"
NOT_AVAILABLE_LIST = "; not available: %1"
INACTIVE = "Clinically inactive disease (at least 3 of 4 met)."
NOT_INACTIVE = "Not clinically inactive: fewer than 3 of 4 can be met."
UNDETERMINED = "Undetermined: the criteria not available (%1) decide whether 3 of 4 are met."
PRINTO_SENTENCES = (NOT_AVAILABLE, BILATERAL_MMT8, *MEETS.values(), *PGA_MEETS.values(),
                    CRITERIA_MET, NOT_MET, NOT_AVAILABLE_LIST, INACTIVE, NOT_INACTIVE,
                    UNDETERMINED)
# inside them, the same in every language (not listed)
_MEETS_BARE = {True: "%1 meets %2", False: "%1 does not meet %2"}  # a criterion's own detail
_VALUE_OF = "%1 %2"
_CK = "CK %1 %2 150 U/L"
_CK_U = "%1 U/L"
_CK_MICROKAT = "%1 µkat/L × 60 = %2 U/L"
_MET_NAMES = " (%1)"
_WITH_STOP = "%1."

# Ranges checked before scoring (0 to this; CK has no upper limit; MMT8: MAXIMUM_TOTAL).
_PRINTO_CMAS_MAX = Decimal(52)
_PRINTO_PGA_MAX_VAS = Decimal(10)


def _plain_inputs(ck, ck_unit, cmas, mmt8, mmt8_variant, pga):
    """(unit, variant, {code: float or None}) when every value given is a plain number in
    its range and the CK unit and MMT8 variant are known; None when anything needs the
    checked decimal reading (which also words the refusal)."""
    try:
        unit = parse_unit(ck_unit)
        variant = Mmt8Variant(mmt8_variant)
    except (InstrumentInputError, ValueError):
        return None
    mmt_max = float(MMT8_MAXIMUM_TOTAL[variant])
    numbers: dict[str, float | Decimal | None] = {}
    for code, raw, hi in (("ck", ck, None), ("cmas", cmas, float(_PRINTO_CMAS_MAX)),
                          ("mmt8", mmt8, mmt_max), ("pga", pga, float(_PRINTO_PGA_MAX_VAS))):
        if raw is None:
            numbers[code] = None
            continue
        number = plain_float(raw)
        if number is None or number < 0 or (hi is not None and number > hi):
            return None
        numbers[code] = number
    return unit, variant, numbers


def _checked_inputs(ck, ck_unit, cmas, mmt8, mmt8_variant, pga):
    """The inputs as checked decimals; ResponseInputError names every unusable one."""
    messages: dict[str, str] = {}

    def checked(value: object, code: str, label: str, lo: Decimal, hi: Decimal | None):
        if value is None:
            return None
        try:
            return checked_number(value, code, label, lo, hi)
        except ResponseInputError as exc:
            messages.update(exc.messages)
            return None

    try:
        unit = parse_unit(ck_unit)
    except InstrumentInputError:
        messages["ck_unit"] = f"CK unit must be U/L or µkat/L; {ck_unit!r} was given."
        unit = EnzymeUnit.U_PER_L
    numbers: dict[str, float | Decimal | None] = {}
    numbers["ck"] = checked(ck, "ck", "CK", Decimal(0), None)
    numbers["cmas"] = checked(cmas, "cmas", "CMAS total", Decimal(0), _PRINTO_CMAS_MAX)
    try:
        variant = Mmt8Variant(mmt8_variant)
    except ValueError:
        messages["mmt8_variant"] = (
            f"MMT8 variant must be unilateral or bilateral; {mmt8_variant!r} was given."
        )
        variant = Mmt8Variant.UNILATERAL
    mmt_max = Decimal(MMT8_MAXIMUM_TOTAL[variant])
    numbers["mmt8"] = checked(mmt8, "mmt8", "MMT8 total", Decimal(0), mmt_max)
    numbers["pga"] = checked(pga, "pga", "Physician global activity", Decimal(0),
                             _PRINTO_PGA_MAX_VAS)
    if messages:
        raise ResponseInputError(messages)
    return unit, variant, numbers


def _rounded(value: float | Decimal) -> float | Decimal:
    return _rounded_value(value) if isinstance(value, float) else round_for_comparison(value)


def printo_inactive(
    *,
    ck: object = None,
    ck_unit: EnzymeUnit | str = EnzymeUnit.U_PER_L,
    cmas: object = None,
    mmt8: object = None,
    mmt8_variant: Mmt8Variant | str = Mmt8Variant.UNILATERAL,
    pga: object = None,
    explain: bool = True,
) -> PrintoResult:
    """PRINTO criteria for clinically inactive JDM (Lazarevic 2013; clinical-rules §3.1):
    inactive when at least 3 of CK <= 150 U/L, CMAS >= 48, MMT8 >= 78 (0-80), PGA <= 0.2 cm.

    CK in µkat/L is converted (× 60). A bilateral MMT8 total is not rescaled: the
    criterion is then not available. With criteria missing the result is decided only if
    the missing ones cannot change it; otherwise it is UNDETERMINED and they are listed.
    Raises ResponseInputError for values out of range.

    Plain float inputs are compared in floats where that provably gives the same answer
    as the decimal comparison. ``explain=False`` (bulk exports): the same status and
    criteria without the worded details.
    """
    inputs = _plain_inputs(ck, ck_unit, cmas, mmt8, mmt8_variant, pga)
    if inputs is None:
        inputs = _checked_inputs(ck, ck_unit, cmas, mmt8, mmt8_variant, pga)
    unit, variant, numbers = inputs
    criteria: list[Criterion] = []
    ck_value = numbers["ck"]
    if ck_value is None:
        criteria.append(Criterion("ck", "CK", None, "<= 150 U/L", None,
                                  sentence(NOT_AVAILABLE, Label("CK")) if explain else ""))
    else:
        if unit is EnzymeUnit.MICROKAT_PER_L:
            ck_u: float | Decimal = to_u_per_l(to_decimal(ck_value), unit)
        else:
            ck_u = ck_value
        met = _criterion_met(_rounded(ck_u), PRINTO_CK_MAX_U_PER_L, at_least=False)
        detail: str = ""
        if explain:
            shown = (
                phrase(_CK_MICROKAT, Number(format_number(ck_value)), Number(format_number(ck_u)))
                if unit is EnzymeUnit.MICROKAT_PER_L
                else phrase(_CK_U, Number(format_number(ck_u)))
            )
            detail = sentence(_CK, shown, "<=" if met else ">")
        criteria.append(Criterion("ck", "CK", float(ck_u), "<= 150 U/L", met, detail))
    for code, label, threshold, text, limit, at_least in _PRINTO_OTHER_CRITERIA:
        value = numbers[code]
        if code == "mmt8" and value is not None and variant is Mmt8Variant.BILATERAL:
            criteria.append(Criterion(
                code, label, float(value), threshold, None,
                sentence(BILATERAL_MMT8) if explain else ""))
            continue
        if value is None:
            criteria.append(Criterion(code, label, None, threshold, None,
                                      sentence(NOT_AVAILABLE, Label(label)) if explain else ""))
            continue
        met = _criterion_met(_rounded(value), limit, at_least)
        detail = sentence(_MEETS_BARE[met], phrase(_VALUE_OF, Label(label),
                                                   Number(format_number(value))),
                          text) if explain else ""
        criteria.append(Criterion(code, label, float(value), threshold, met, detail))
    return _printo_result(criteria, explain=explain)


def _printo_result(criteria: list[Criterion], *, explain: bool) -> PrintoResult:
    """The PRINTO decision (at least PRINTO_REQUIRED of 4 met, decided only if the missing
    criteria cannot change it) and, with ``explain``, its wording."""
    met_codes = tuple(c.code for c in criteria if c.met is True)
    not_met = tuple(c.code for c in criteria if c.met is False)
    missing = tuple(c.code for c in criteria if c.met is None)
    decision = _decide(len(met_codes), len(missing), PRINTO_REQUIRED)
    status = {
        True: PrintoStatus.INACTIVE,
        False: PrintoStatus.NOT_INACTIVE,
        None: PrintoStatus.UNDETERMINED,
    }[decision]
    if not explain:
        return PrintoResult(status, decision, met_codes, not_met, missing, tuple(criteria), "")
    # The explanation names criteria as people do; the result keeps their codes.
    def named(met: bool | None) -> Joined:
        return joined(", ", [Label(c.label) for c in criteria if c.met is met])

    summary = joined("", [
        phrase(CRITERIA_MET, Number(str(len(met_codes)))),
        *([phrase(_MET_NAMES, named(True))] if met_codes else []),
        *([phrase(NOT_MET, named(False))] if not_met else []),
        *([phrase(NOT_AVAILABLE_LIST, named(None))] if missing else []),
        "."])
    if status is PrintoStatus.INACTIVE:
        verdict = phrase(INACTIVE)
    elif status is PrintoStatus.NOT_INACTIVE:
        verdict = phrase(NOT_INACTIVE)
    else:
        verdict = phrase(UNDETERMINED, joined(", ", [Label(code) for code in missing]))
    details = joined(" ", [_detail_with_stop(c) for c in criteria])
    return PrintoResult(
        status,
        decision,
        met_codes,
        not_met,
        missing,
        tuple(criteria),
        sentences(" ", [verdict, summary, details]),
    )


def _detail_with_stop(criterion: Criterion) -> str | Phrase:
    """A criterion's detail ending with a full stop, as the listed sentences have it (a
    met or not met criterion: "CMAS 48 meets >= 48.", the physician global's own)."""
    detail = criterion.detail
    if detail.endswith("."):
        return detail
    bare = detail.phrase if isinstance(detail, Sentence) else None
    if isinstance(bare, Phrase) and bare.template in _MEETS_BARE.values():
        value_of, threshold = bare.values  # phrase(_VALUE_OF, label, value), the threshold
        met = bare.template == _MEETS_BARE[True]
        if criterion.code == "pga" and isinstance(value_of, Phrase):
            return phrase(PGA_MEETS[met], value_of.values[1], threshold)
        return phrase(MEETS[met], value_of, threshold)
    return phrase(_WITH_STOP, detail)
