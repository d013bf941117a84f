"""Childhood Myositis Assessment Scale (CMAS): 14 items, total 0-52.

Source: clinical-rules §2.1 (item ranges, seconds bands, incomplete totals, age caveat);
Lovell DJ et al., Arthritis Rheum 1999;42:2213-19 (the scale); Huber AM et al.,
Arthritis Rheum 2004;50:1595-1603 (validation); Rennebohm RM et al., Arthritis Rheum
(Arthritis Care Res) 2004;51:365-70 (scores of healthy children). Anchor wording is a
concise rendering of the IMACS CMAS scoring sheet.

Field codes
-----------
``cmas_1`` .. ``cmas_14``: item scores.
``cmas_1_sec``, ``cmas_3_sec``, ``cmas_8_sec``: seconds held for the timed items; when
entered, the item score is derived from the bands (the score field may then be left
blank; if both are entered they must agree).
``cmas_5a`` .. ``cmas_5f``: the six sit-up variants, 0 = unable, 1 = able; item 5 =
their count. A direct ``cmas_5`` (0-6) is also accepted (must agree if both are given).

Fractional seconds (judgement call, documented)
------------------------------------------------
The bands are written on whole seconds (1-9, 10-29, ...), as counted on a stopwatch.
A fractional entry is counted as the whole seconds completed, i.e. rounded **down**:
9.5 s -> 9 s -> score 1; 119.9 s -> 119 s -> score 4; 0.5 s -> 0 s -> score 0 (unable to
hold for one full second). Rounding down never awards a band the child did not reach.

Missing items are never imputed: with any item missing, ``total`` is None and
``partial_sum`` carries the sum of the items entered, flagged as partial.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import NamedTuple

from app.domain.instruments.common import (
    Anchor,
    InstrumentInputError,
    ItemDefinition,
    ItemKind,
    _Invalid,
    format_entered,
    is_blank,
    parse_whole_number,
    parse_yes_no,
    plain_float,
    plain_whole_number,
    to_decimal,
)

INSTRUMENT = "CMAS"
MAXIMUM_TOTAL = 52
SOURCE = (
    "clinical-rules §2.1; Lovell DJ et al., Arthritis Rheum 1999;42:2213-19; "
    "Huber AM et al., Arthritis Rheum 2004;50:1595-1603 (IMACS CMAS scoring sheet)"
)

# Healthy 4-year-olds average about 46.6 (clinical-rules §2.1; Rennebohm 2004).
AGE_CAVEAT_BELOW_YEARS = 5
HEALTHY_FOUR_YEAR_OLD_MEAN = 46.6
AGE_CAVEAT_SOURCE = (
    "clinical-rules §2.1; Rennebohm RM et al., Arthritis Rheum 2004;51:365-70 "
    "(normal CMAS scores in healthy children aged 4-9)"
)

# Seconds bands: (lowest whole second of the band, score). Seconds are floored first.
HOLD_BANDS_0_TO_5: tuple[tuple[int, int], ...] = (
    (0, 0),
    (1, 1),
    (10, 2),
    (30, 3),
    (60, 4),
    (120, 5),
)
HOLD_BANDS_0_TO_4: tuple[tuple[int, int], ...] = ((0, 0), (1, 1), (10, 2), (30, 3), (60, 4))

_SECONDS_ANCHORS_5 = (
    Anchor(0, "Unable"),
    Anchor(1, "1-9 seconds"),
    Anchor(2, "10-29 seconds"),
    Anchor(3, "30-59 seconds"),
    Anchor(4, "60-119 seconds"),
    Anchor(5, "2 minutes (120 seconds) or more"),
)
_SECONDS_ANCHORS_4 = (
    Anchor(0, "Unable"),
    Anchor(1, "1-9 seconds"),
    Anchor(2, "10-29 seconds"),
    Anchor(3, "30-59 seconds"),
    Anchor(4, "60 seconds or more"),
)


def _item(number: int, label: str, maximum: int, anchors: tuple[Anchor, ...], help: str = ""):
    return ItemDefinition(
        code=f"cmas_{number}",
        instrument=INSTRUMENT,
        number=str(number),
        label=label,
        kind=ItemKind.SCORE,
        minimum=0,
        maximum=maximum,
        step=1,
        anchors=anchors,
        help=help,
        source=SOURCE,
    )


CMAS_ITEMS: tuple[ItemDefinition, ...] = (
    _item(
        1,
        "head elevation",
        5,
        _SECONDS_ANCHORS_5,
        "Supine, neck flexed (chin towards chest): time the head is held off the table.",
    ),
    _item(
        2,
        "leg raise / touch object",
        2,
        (
            Anchor(0, "Unable to lift leg off table"),
            Anchor(1, "Clears the table but cannot touch the object"),
            Anchor(2, "Lifts the leg high enough to touch the object"),
        ),
    ),
    _item(
        3,
        "straight leg lift duration",
        5,
        _SECONDS_ANCHORS_5,
        "Supine: time the straight leg is held off the table.",
    ),
    _item(
        4,
        "supine to prone",
        3,
        (
            Anchor(0, "Unable: difficulty even turning onto side; frees arms little or not at all"),
            Anchor(
                1, "Turns onto side fairly easily but cannot fully free arms or lie fully prone"
            ),
            Anchor(2, "Turns easily; some difficulty freeing arms but fully prone"),
            Anchor(3, "Turns over easily and frees arms with no difficulty"),
        ),
    ),
    _item(
        5,
        "sit-ups",
        6,
        tuple(Anchor(n, f"{n} of 6 sit-up variants done") for n in range(7)),
        "One point for each of the six sit-up variants done (items 5a-5f).",
    ),
    _item(
        6,
        "supine to sit",
        3,
        (
            Anchor(0, "Unable by self"),
            Anchor(1, "Much difficulty: very slow, struggles greatly, barely makes it"),
            Anchor(2, "Some difficulty: able, but somewhat slow, struggles some"),
            Anchor(3, "No difficulty"),
        ),
    ),
    _item(
        7,
        "arm raise / straighten",
        3,
        (
            Anchor(0, "Cannot raise wrists"),
            Anchor(1, "Raises wrists to shoulder (acromioclavicular) level, not above top of head"),
            Anchor(2, "Raises wrists above top of head but elbows not fully straight"),
            Anchor(3, "Raises arms straight above head, elbows fully extended"),
        ),
    ),
    _item(
        8,
        "arm raise duration",
        4,
        _SECONDS_ANCHORS_4,
        "Time the wrists are held above the top of the head.",
    ),
    _item(
        9,
        "floor sit",
        3,
        (
            Anchor(0, "Unable: afraid even to try sitting on the floor"),
            Anchor(1, "Much difficulty: needs a chair for support on the way down"),
            Anchor(2, "Some difficulty: sits down somewhat slowly or gingerly, no chair needed"),
            Anchor(3, "No difficulty: no compensatory manoeuvre"),
        ),
    ),
    _item(
        10,
        "all-fours manoeuvre",
        4,
        (
            Anchor(0, "Unable to go from prone to all-fours"),
            Anchor(1, "Barely able to assume and hold all-fours"),
            Anchor(2, "Holds all-fours with back straight and head up, cannot crawl forward"),
            Anchor(3, "Holds all-fours, looks straight ahead and crawls forward"),
            Anchor(4, "Keeps balance while lifting and extending a leg"),
        ),
    ),
    _item(
        11,
        "floor rise",
        4,
        (
            Anchor(0, "Unable, even with a chair for support"),
            Anchor(1, "Much difficulty: needs a chair for support"),
            Anchor(2, "Moderate difficulty: no chair, but hands on thighs/knees or floor"),
            Anchor(3, "Mild difficulty: no hands needed, but some difficulty"),
            Anchor(4, "No difficulty"),
        ),
    ),
    _item(
        12,
        "chair rise",
        4,
        (
            Anchor(0, "Unable, even with hands on the sides of the chair"),
            Anchor(1, "Much difficulty: needs hands on the sides of the chair"),
            Anchor(2, "Moderate difficulty: needs hands on knees/thighs, not the chair"),
            Anchor(3, "Mild difficulty: no hands needed, but some difficulty"),
            Anchor(4, "No difficulty"),
        ),
    ),
    _item(
        13,
        "stool step",
        3,
        (
            Anchor(0, "Unable"),
            Anchor(1, "Much difficulty: needs a hand on the exam table or examiner's hand"),
            Anchor(2, "Some difficulty: no table support, but a hand on knee/thigh"),
            Anchor(3, "Able: no table support and no hands on knee/thigh"),
        ),
    ),
    _item(
        14,
        "pick-up",
        3,
        (
            Anchor(0, "Unable to bend over and pick up a pencil from the floor"),
            Anchor(1, "Much difficulty: relies heavily on hands on knees/thighs"),
            Anchor(2, "Some difficulty: briefly needs hands on knees/thighs, somewhat slow"),
            Anchor(3, "No difficulty: no compensatory manoeuvre"),
        ),
    ),
)

ITEMS_BY_CODE: dict[str, ItemDefinition] = {item.code: item for item in CMAS_ITEMS}

# Timed items: item code -> (seconds field definition, bands).
_TIMED = {
    "cmas_1": HOLD_BANDS_0_TO_5,
    "cmas_3": HOLD_BANDS_0_TO_5,
    "cmas_8": HOLD_BANDS_0_TO_4,
}


def _seconds_item(item: ItemDefinition) -> ItemDefinition:
    return ItemDefinition(
        code=f"{item.code}_sec",
        instrument=INSTRUMENT,
        number=item.number,
        label=f"{item.label}, seconds held",
        kind=ItemKind.SECONDS,
        minimum=0,
        maximum=None,
        step=1,
        unit="s",
        help="Seconds held; the item score is derived from the bands (whole seconds).",
        source=SOURCE,
    )


CMAS_SECONDS_ITEMS: tuple[ItemDefinition, ...] = tuple(
    _seconds_item(ITEMS_BY_CODE[code]) for code in _TIMED
)
SECONDS_ITEMS_BY_CODE: dict[str, ItemDefinition] = {i.code: i for i in CMAS_SECONDS_ITEMS}

_SIT_UP_VARIANTS = (
    ("a", "hands on thighs, with counterbalance"),
    ("b", "hands across chest, with counterbalance"),
    ("c", "hands behind head, with counterbalance"),
    ("d", "hands on thighs, without counterbalance"),
    ("e", "hands across chest, without counterbalance"),
    ("f", "hands behind head, without counterbalance"),
)

CMAS_SIT_UP_ITEMS: tuple[ItemDefinition, ...] = tuple(
    ItemDefinition(
        code=f"cmas_5{letter}",
        instrument=INSTRUMENT,
        number=f"5{letter}",
        label=f"sit-up: {label}",
        kind=ItemKind.YES_NO,
        minimum=0,
        maximum=1,
        step=1,
        anchors=(Anchor(0, "unable"), Anchor(1, "able")),
        source=SOURCE,
    )
    for letter, label in _SIT_UP_VARIANTS
)
SIT_UP_ITEMS_BY_CODE: dict[str, ItemDefinition] = {i.code: i for i in CMAS_SIT_UP_ITEMS}

ALL_FIELDS: tuple[ItemDefinition, ...] = CMAS_ITEMS + CMAS_SECONDS_ITEMS + CMAS_SIT_UP_ITEMS


@dataclass(frozen=True)
class CmasItemScore:
    """One of the 14 items as scored. ``derivation`` says how the score was obtained."""

    code: str
    number: str
    label: str
    score: int | None
    maximum: int
    seconds: float | None = None
    derivation: str = ""
    missing_parts: tuple[str, ...] = ()


@dataclass(frozen=True)
class CmasResult:
    """A CMAS scored from its items (clinical-rules §2.1).

    ``total`` is set only when all 14 items are present and valid; otherwise it is None,
    ``complete`` is False and ``partial_sum`` is the sum of the items that could be
    scored (a partial sum, never a total).
    """

    total: int | None
    complete: bool
    partial_sum: int
    missing: tuple[str, ...]
    items: tuple[CmasItemScore, ...]
    errors: dict[str, str] = field(default_factory=dict)
    explanation: str = ""
    age_caveat: str | None = None
    maximum: int = MAXIMUM_TOTAL
    source: str = SOURCE


def score_from_seconds(item_code: str, seconds: object) -> int:
    """Item score for seconds held on a timed item (``cmas_1``, ``cmas_3`` or ``cmas_8``).

    Bands (clinical-rules §2.1): items 1 and 3: 0 s -> 0, 1-9 -> 1, 10-29 -> 2, 30-59 -> 3,
    60-119 -> 4, >= 120 -> 5; item 8: 0 -> 0, 1-9 -> 1, 10-29 -> 2, 30-59 -> 3, >= 60 -> 4.
    Fractional seconds are rounded down to whole seconds held (9.5 s -> 9 s -> 1).
    Raises InstrumentInputError for a negative or non-numeric entry.
    """
    if item_code not in _TIMED:
        raise KeyError(f"{item_code} is not a timed CMAS item; timed items: {', '.join(_TIMED)}")
    return _band(
        _TIMED[item_code], _whole_seconds(SECONDS_ITEMS_BY_CODE[f"{item_code}_sec"], seconds)
    )


def _band(bands: tuple[tuple[int, int], ...], whole_seconds: int) -> int:
    score = 0
    for lowest, band_score in bands:
        if whole_seconds >= lowest:
            score = band_score
    return score


def _seconds_message(item: ItemDefinition, value: object) -> str:
    return (
        f"{item.display_name} must be a number of seconds, 0 or more; "
        f"{format_entered(value)} was entered."
    )


def _whole_seconds(item: ItemDefinition, value: object) -> int:
    try:
        number = to_decimal(value)
    except _Invalid:
        raise InstrumentInputError({item.code: _seconds_message(item, value)}) from None
    if number < 0:
        raise InstrumentInputError({item.code: _seconds_message(item, value)})
    return math.floor(number)


def age_caveat(age_years: object) -> str | None:
    """The caveat to show beside a CMAS total for a child under 5 years, else None.

    Clinical-rules §2.1: healthy 4-year-olds average about 46.6, not 52 (Rennebohm 2004).
    Raises InstrumentInputError if the age is not a number of years, 0 or more.
    """
    try:
        age = to_decimal(age_years)
    except _Invalid:
        age = Decimal(-1)
    if age < 0:
        raise InstrumentInputError(
            {
                "age_years": f"Age must be a number of years, 0 or more; "
                f"{format_entered(age_years)} was entered."
            }
        )
    if age >= AGE_CAVEAT_BELOW_YEARS:
        return None
    return (
        f"Age under {AGE_CAVEAT_BELOW_YEARS} years: healthy 4-year-olds average about "
        f"{HEALTHY_FOUR_YEAR_OLD_MEAN} on the CMAS, not {MAXIMUM_TOTAL} (head lift and "
        "sit-ups depend on age). Compare with this child's own earlier scores. "
        f"Source: {AGE_CAVEAT_SOURCE}."
    )


def validate_cmas(values: Mapping[str, object]) -> dict[str, str]:
    """Plain-words message per field for every CMAS entry that cannot be used.

    Checks each item's range, seconds (0 or more), sit-up variants (0/1) and that a
    score entered beside its seconds (or beside the six sit-up variants) agrees.
    Blank fields are not errors here (they make the total incomplete).
    """
    messages: dict[str, str] = {}
    _resolve_all(values, messages)
    return messages


def _parse_into(
    item: ItemDefinition, value: object, messages: dict[str, str], parser
) -> int | None:
    if value is None:
        return None
    fast = plain_whole_number(item, value)  # yes/no items are whole numbers 0-1
    if fast is not None:
        return fast
    if is_blank(value):
        return None
    try:
        return parser(item, value)
    except InstrumentInputError as exc:
        messages.update(exc.messages)
        return None


def _resolve_timed(
    item: ItemDefinition, values: Mapping[str, object], messages: dict[str, str],
    explain: bool = True,
) -> CmasItemScore:
    seconds_item = SECONDS_ITEMS_BY_CODE[f"{item.code}_sec"]
    direct = _parse_into(item, values.get(item.code), messages, parse_whole_number)
    raw_seconds = values.get(seconds_item.code)
    derived: int | None = None
    seconds: float | None = None
    derivation = ""
    plain = plain_float(raw_seconds)
    if plain is not None and plain >= 0 and not explain:
        # A plain number of seconds: floor of the float = floor of its decimal (the
        # shortest repr lies on the same side of every whole number).
        seconds = plain
        derived = _band(_TIMED[item.code], math.floor(plain))
    elif not is_blank(raw_seconds):
        try:
            whole = _whole_seconds(seconds_item, raw_seconds)
        except InstrumentInputError as exc:
            messages.update(exc.messages)
        else:
            seconds = float(to_decimal(raw_seconds))
            derived = _band(_TIMED[item.code], whole)
            floored = "" if not explain else (
                ""
                if Decimal(whole) == to_decimal(raw_seconds)
                else (f" (counted as {whole} whole seconds)")
            )
            derivation = (
                f"{format_entered(raw_seconds)} s{floored} -> score {derived} "
                f"({item.anchor_label(derived)})"
            ) if explain else ""
    bad = item.code in messages or seconds_item.code in messages
    if derived is not None and direct is not None and derived != direct:
        messages[item.code] = (
            f"{item.display_name}: the score entered ({direct}) does not match the seconds "
            f"entered ({format_entered(raw_seconds)} s scores {derived}). "
            "Correct or clear one of them."
        )
        bad = True
    score = None if bad else (derived if derived is not None else direct)
    if score is not None and not derivation and explain:
        derivation = f"score entered: {score}"
    return CmasItemScore(
        item.code, item.number, item.label, score, int(item.maximum or 0), seconds, derivation
    )


def _resolve_sit_ups(
    item: ItemDefinition, values: Mapping[str, object], messages: dict[str, str],
    explain: bool = True,
) -> CmasItemScore:
    direct = _parse_into(item, values.get(item.code), messages, parse_whole_number)
    parts = {
        sub.code: _parse_into(sub, values.get(sub.code), messages, parse_yes_no)
        for sub in CMAS_SIT_UP_ITEMS
    }
    if any(code in messages for code in (item.code, *parts)):
        return CmasItemScore(item.code, item.number, item.label, None, 6)
    done = sum(v for v in parts.values() if v is not None)
    not_entered = tuple(code for code, v in parts.items() if v is None)
    entered = len(parts) - len(not_entered)
    if direct is not None:
        # The variants entered must fit the direct score: at least the ones done, at
        # most the ones done plus the ones left blank.
        if entered and not done <= direct <= done + len(not_entered):
            messages[item.code] = (
                f"{item.display_name}: the score entered ({direct}) does not match the "
                f"sit-up variants entered ({done} done of {entered} entered). "
                "Correct or clear one of them."
            )
            return CmasItemScore(item.code, item.number, item.label, None, 6)
        return CmasItemScore(
            item.code, item.number, item.label, direct, 6, None,
            f"score entered: {direct}" if explain else "",
        )
    if entered == len(parts):
        return CmasItemScore(
            item.code, item.number, item.label, done, 6, None,
            f"{done} of 6 sit-up variants done" if explain else "",
        )
    derivation = ""
    if entered and explain:
        derivation = f"{entered} of 6 sit-up variants entered; not entered: " + ", ".join(
            code.removeprefix("cmas_") for code in not_entered
        )
    return CmasItemScore(item.code, item.number, item.label, None, 6, None, derivation, not_entered)


def _resolve_all(
    values: Mapping[str, object], messages: dict[str, str], explain: bool = True
) -> tuple[CmasItemScore, ...]:
    scored: list[CmasItemScore] = []
    for item in CMAS_ITEMS:
        if item.code in _TIMED:
            scored.append(_resolve_timed(item, values, messages, explain))
        elif item.code == "cmas_5":
            scored.append(_resolve_sit_ups(item, values, messages, explain))
        else:
            score = _parse_into(item, values.get(item.code), messages, parse_whole_number)
            derivation = f"score entered: {score}" if score is not None and explain else ""
            scored.append(
                CmasItemScore(
                    item.code,
                    item.number,
                    item.label,
                    score,
                    int(item.maximum or 0),
                    None,
                    derivation,
                )
            )
    return tuple(scored)


def score_cmas(
    values: Mapping[str, object], age_years: object = None, *, explain: bool = True
) -> CmasResult:
    """Score a CMAS from item-level entries (clinical-rules §2.1).

    ``values`` maps field codes (see the module docstring) to entries or None; unknown
    keys are ignored. Total = sum of the 14 item scores (0-52), only when every item is
    present and valid. Never imputes. ``age_years``, if given, adds the under-5 caveat.
    ``explain=False`` (bulk exports): the same scores without the derivation and
    explanation texts.
    """
    messages: dict[str, str] = {}
    items = _resolve_all(values, messages, explain)
    missing = tuple(i.code for i in items if i.score is None and not _has_error(i.code, messages))
    partial_sum = sum(i.score for i in items if i.score is not None)
    caveat = age_caveat(age_years) if age_years is not None else None
    if not explain:
        complete = not messages and not missing
        return CmasResult(
            partial_sum if complete else None, complete, partial_sum, missing, items,
            messages, "", caveat,
        )
    if messages:
        explanation = (
            f"CMAS total not computed: {len(messages)} "
            f"{'entry is' if len(messages) == 1 else 'entries are'} not valid. "
            + " ".join(messages.values())
        )
        return CmasResult(None, False, partial_sum, missing, items, messages, explanation, caveat)
    if missing:
        names = ", ".join(
            f"item {ITEMS_BY_CODE[c].number} ({ITEMS_BY_CODE[c].label})" for c in missing
        )
        scored_count = len(CMAS_ITEMS) - len(missing)
        explanation = (
            f"CMAS total not computed: {len(missing)} of {len(CMAS_ITEMS)} items missing "
            f"({names}). Sum of the {scored_count} items entered: {partial_sum} "
            f"(partial, not a total; missing items are never filled in)."
        )
        return CmasResult(None, False, partial_sum, missing, items, {}, explanation, caveat)
    explanation = (
        f"CMAS total {partial_sum} of {MAXIMUM_TOTAL}: sum of the 14 item scores ("
        + " + ".join(str(i.score) for i in items)
        + ")."
    )
    return CmasResult(partial_sum, True, partial_sum, (), items, {}, explanation, caveat)


class CmasTotal(NamedTuple):
    """The numbers of a CmasResult (``cmas_total``): total (None unless complete) and the
    sum of the items that could be scored."""

    total: int | None
    partial_sum: int


def cmas_total(values: Mapping[str, object]) -> CmasTotal:
    """``score_cmas(values)``'s total and partial sum, numbers only (bulk exports).

    Whole-number item scores in range (with or without seconds held, without sit-up
    variants) take a short path using the same item ranges and seconds bands; anything
    else (sit-up variants, disagreements, invalid entries) is scored by ``score_cmas``.
    """
    fast = _cmas_total_fast(values)
    if fast is not None:
        return fast
    result = score_cmas(values, explain=False)
    return CmasTotal(result.total, result.partial_sum)


def _cmas_total_fast(values: Mapping[str, object]) -> CmasTotal | None:
    partial = 0
    complete = True
    for item in CMAS_ITEMS:
        code = item.code
        score = values.get(code)
        if score is not None and plain_whole_number(item, score) is None:
            return None  # not a whole number in range: the checked path says why
        if code in _TIMED:
            seconds = values.get(f"{code}_sec")
            if seconds is not None:
                plain = plain_float(seconds)
                if plain is None or plain < 0:
                    return None
                derived = _band(_TIMED[code], math.floor(plain))
                if score is not None and score != derived:
                    return None  # disagreement: an error, reported by score_cmas
                score = derived
        elif code == "cmas_5" and any(values.get(sub.code) is not None
                                      for sub in CMAS_SIT_UP_ITEMS):
            return None  # sit-up variants: reconciled by score_cmas
        if score is None:
            complete = False
        else:
            partial += score  # type: ignore[operator]
    return CmasTotal(partial if complete else None, partial)


def _has_error(item_code: str, messages: dict[str, str]) -> bool:
    if item_code in messages or f"{item_code}_sec" in messages:
        return True
    if item_code == "cmas_5":
        return any(code in messages for code in SIT_UP_ITEMS_BY_CODE)
    return False


__all__ = [
    "AGE_CAVEAT_BELOW_YEARS",
    "ALL_FIELDS",
    "CMAS_ITEMS",
    "CMAS_SECONDS_ITEMS",
    "CMAS_SIT_UP_ITEMS",
    "CmasItemScore",
    "CmasResult",
    "HEALTHY_FOUR_YEAR_OLD_MEAN",
    "HOLD_BANDS_0_TO_4",
    "HOLD_BANDS_0_TO_5",
    "MAXIMUM_TOTAL",
    "SOURCE",
    "CmasTotal",
    "age_caveat",
    "cmas_total",
    "score_cmas",
    "score_from_seconds",
    "validate_cmas",
]
