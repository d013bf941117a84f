"""Childhood Myositis Assessment Scale (CMAS): 14 items, total 0-52.

One module although long: an instrument is defined in one place (architecture, "One
registry per concept") -- its items with their wording, its rules and scorer, and its
declaration for the visit form, the exports and the printouts.

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
    SOURCE_NOTE,
    Anchor,
    InstrumentInputError,
    ItemDefinition,
    ItemKind,
    _Invalid,
    format_entered,
    incomplete_note,
    is_blank,
    parse_whole_number,
    parse_yes_no,
    plain_float,
    to_decimal,
)
from app.domain.instruments.data_dictionary import (
    COMPUTED_NOTE,
    ExportContext,
    Field,
    Form,
    FormBuilder,
    item_field,
)
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
    score_of_section,
)
from app.domain.instruments.printed import Boxes, OutcomeRow, PaperBlock, PaperGrid
from app.domain.phrases import Label, Number, Sentence, joined, phrase, sentence, sentences
from app.domain.visit_values import ItemEntry, entry_values

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


class CmasItemScore(NamedTuple):
    """One of the 14 items as scored. ``derivation`` says how the score was obtained
    (empty when scored without explanations). A NamedTuple: exports score every visit."""

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


# The sentences shown with the CMAS (app/forms/terms.py lists them in "Instrument
# message"): an item's name a Label, scores and counts Numbers, what was typed as typed.
SECONDS = "%1 must be a number of seconds, 0 or more; %2 was entered."
SCORE_VS_SECONDS = ("%1: the score entered (%2) does not match the seconds entered (%3 s "
                    "scores %4). Correct or clear one of them.")
SCORE_VS_SIT_UPS = ("%1: the score entered (%2) does not match the sit-up variants entered "
                    "(%3 done of %4 entered). Correct or clear one of them.")
SCORE_ENTERED = "score entered: %1"
SIT_UPS_DONE = "%1 of 6 sit-up variants done"
SIT_UPS_ENTERED = "%1 of 6 sit-up variants entered; not entered: %2"
AGE_CAVEAT = ("Age under %1 years: healthy 4-year-olds average about %2 on the CMAS, not %3 "
              "(head lift and sit-ups depend on age). Compare with this child's own earlier "
              "scores.")
AGE_REFUSED = "Age must be a number of years, 0 or more; %1 was entered."
# the total's explanation (the visit summary's outcome row says it when incomplete)
NOT_VALID_ONE = "CMAS total not computed: %1 entry is not valid."
NOT_VALID_MANY = "CMAS total not computed: %1 entries are not valid."
ITEMS_MISSING = ("CMAS total not computed: %1 of %2 items missing (%3). Sum of the %4 items "
                 "entered: %5 (partial, not a total; missing items are never filled in).")
MISSING_ITEM = "item %1 (%2)"
TOTAL = "CMAS total %1 of %2: sum of the 14 item scores (%3)."
WITHOUT_SCORE = "CMAS items without a score: %1"
CMAS_SENTENCES = (SECONDS, SCORE_VS_SECONDS, SCORE_VS_SIT_UPS, SCORE_ENTERED, SIT_UPS_DONE,
                  SIT_UPS_ENTERED, AGE_CAVEAT, AGE_REFUSED, NOT_VALID_ONE, NOT_VALID_MANY,
                  ITEMS_MISSING, MISSING_ITEM, TOTAL, WITHOUT_SCORE)


def _count(value: int) -> Number:
    return Number(str(value))


def _score_entered(score: int) -> Sentence:
    return sentence(SCORE_ENTERED, _count(score))


def _seconds_message(item: ItemDefinition, value: object) -> Sentence:
    return sentence(SECONDS, Label(item.display_name), format_entered(value))


def _whole_seconds(item: ItemDefinition, value: object) -> int:
    try:
        number = to_decimal(value)
    except _Invalid:
        raise InstrumentInputError({item.code: _seconds_message(item, value)}) from None
    if number < 0:
        raise InstrumentInputError({item.code: _seconds_message(item, value)})
    return math.floor(number)


def age_caveat(age_years: object) -> Sentence | None:
    """The caveat to show beside a CMAS total for a child under 5 years, else None.

    Clinical-rules §2.1: healthy 4-year-olds average about 46.6, not 52 (Rennebohm 2004).
    Raises InstrumentInputError if the age is not a number of years, 0 or more.
    """
    try:
        age = to_decimal(age_years)
    except _Invalid:
        age = Decimal(-1)
    if age < 0:
        raise InstrumentInputError({"age_years": sentence(AGE_REFUSED,
                                                           format_entered(age_years))})
    if age >= AGE_CAVEAT_BELOW_YEARS:
        return None
    return sentences(" ", [
        phrase(AGE_CAVEAT, _count(AGE_CAVEAT_BELOW_YEARS), Number(f"{HEALTHY_FOUR_YEAR_OLD_MEAN}"),
               _count(MAXIMUM_TOTAL)),
        phrase(SOURCE_NOTE, AGE_CAVEAT_SOURCE)])  # the source as cited


def entries_to_store(entered: Mapping[str, object]) -> dict[str, object]:
    """What a CMAS entry keeps of what was typed (clinical-rules §2.1): seconds held replace
    the score of a timed item, and the six sit-up variants, once any is entered, replace
    the score of item 5 -- the form disables the score it replaces, so that score is not
    an entry. Blank entries (None) are dropped."""
    kept = {code: value for code, value in entered.items() if value is not None}
    for code in _TIMED:
        if f"{code}_sec" in kept:
            kept.pop(code, None)
    if any(sub.code in kept for sub in CMAS_SIT_UP_ITEMS):
        kept.pop("cmas_5", None)
    return kept


def scoring_inputs(entries: Mapping[str, ItemEntry]) -> dict[str, object]:
    """The stored CMAS items (``app.domain.visit_values``) as ``score_cmas`` reads them."""
    return entry_values(entries)


def score_stored(entries: Mapping[str, ItemEntry], *, explain: bool = True) -> CmasResult:
    """The CMAS of a visit from its stored items."""
    return score_cmas(scoring_inputs(entries), explain=explain)


def validate_cmas(values: Mapping[str, object]) -> dict[str, str]:
    """Plain-words message per field for every CMAS entry that cannot be used.

    Checks each item's range, seconds (0 or more), sit-up variants (0/1) and that a
    score entered beside its seconds (or beside the six sit-up variants) agrees.
    Blank fields are not errors here (they make the total incomplete).
    """
    return score_cmas(values, explain=False).errors


def _entry(item: ItemDefinition, value: object, messages: dict[str, str], parser) -> int | None:
    """The item's value as a whole number, None when blank or unusable (message kept)."""
    if value is None:
        return None
    # A stored score is a whole number in range: accepted as it is (what ``parser`` returns).
    if type(value) is int and item.minimum <= value <= item.maximum:  # type: ignore[operator]
        return value
    if is_blank(value):
        return None
    try:
        return parser(item, value)
    except InstrumentInputError as exc:
        messages.update(exc.messages)
        return None


def _timed(item: ItemDefinition, values: Mapping[str, object], messages: dict[str, str],
           explain: bool) -> CmasItemScore:
    """A timed item: the score entered, or the band of the seconds held; both must agree."""
    seconds_item = SECONDS_ITEMS_BY_CODE[f"{item.code}_sec"]
    direct = _entry(item, values.get(item.code), messages, parse_whole_number)
    raw = values.get(seconds_item.code)
    derived: int | None = None
    seconds: float | None = None
    whole = 0
    if raw is not None and not is_blank(raw):
        plain = plain_float(raw)
        if plain is not None and plain >= 0:
            # floor of the float = floor of its decimal (the shortest repr lies on the
            # same side of every whole number)
            seconds, whole = plain, math.floor(plain)
        else:
            try:
                whole = _whole_seconds(seconds_item, raw)
                seconds = float(to_decimal(raw))
            except InstrumentInputError as exc:
                messages.update(exc.messages)
        if seconds is not None:
            derived = _band(_TIMED[item.code], whole)
    bad = item.code in messages or seconds_item.code in messages
    if derived is not None and direct is not None and derived != direct:
        messages[item.code] = sentence(SCORE_VS_SECONDS, Label(item.display_name),
                                       _count(direct), format_entered(raw), _count(derived))
        bad = True
    score = None if bad else (derived if derived is not None else direct)
    derivation = ""
    if explain and score is not None:
        if derived is not None:
            floored = "" if whole == seconds else f" (counted as {whole} whole seconds)"
            derivation = (f"{format_entered(raw)} s{floored} -> score {derived} "
                          f"({item.anchor_label(derived)})")
        else:
            derivation = _score_entered(score)
    maximum = item.maximum
    return CmasItemScore(item.code, item.number, item.label, score, maximum,  # type: ignore[arg-type]
                         seconds, derivation)


def _sit_ups(item: ItemDefinition, values: Mapping[str, object], messages: dict[str, str],
             explain: bool) -> CmasItemScore:
    """Item 5: the score entered, or the count of the six sit-up variants done."""
    direct = _entry(item, values.get(item.code), messages, parse_whole_number)
    parts = [_entry(sub, values.get(sub.code), messages, parse_yes_no)
             for sub in CMAS_SIT_UP_ITEMS]
    if item.code in messages or any(sub.code in messages for sub in CMAS_SIT_UP_ITEMS):
        return CmasItemScore(item.code, item.number, item.label, None, 6)
    entered = [v for v in parts if v is not None]
    if not entered:
        if direct is None:
            return CmasItemScore(item.code, item.number, item.label, None, 6, None, "",
                                 _SIT_UP_CODES)
        derivation = _score_entered(direct) if explain else ""
        return CmasItemScore(item.code, item.number, item.label, direct, 6, None, derivation)
    done = sum(entered)
    not_entered = tuple(sub.code for sub, v in zip(CMAS_SIT_UP_ITEMS, parts, strict=True)
                        if v is None)
    if direct is not None:
        # The variants entered must fit the direct score: at least the ones done, at
        # most the ones done plus the ones left blank.
        if not done <= direct <= done + len(not_entered):
            messages[item.code] = sentence(SCORE_VS_SIT_UPS, Label(item.display_name),
                                           _count(direct), _count(done), _count(len(entered)))
            return CmasItemScore(item.code, item.number, item.label, None, 6)
        derivation = _score_entered(direct) if explain else ""
        return CmasItemScore(item.code, item.number, item.label, direct, 6, None, derivation)
    if not not_entered:
        derivation = sentence(SIT_UPS_DONE, _count(done)) if explain else ""
        return CmasItemScore(item.code, item.number, item.label, done, 6, None, derivation)
    derivation = ""
    if explain:
        derivation = sentence(SIT_UPS_ENTERED, _count(len(entered)),
                              ", ".join(code.removeprefix("cmas_") for code in not_entered))
    return CmasItemScore(item.code, item.number, item.label, None, 6, None, derivation,
                         not_entered)


_SIT_UP_CODES = tuple(sub.code for sub in CMAS_SIT_UP_ITEMS)


def _resolver(item: ItemDefinition):
    if item.code in _TIMED:
        return _timed
    if item.code == "cmas_5":
        return _sit_ups
    return None


# How each item is read: a resolver for the timed items and item 5, else a plain score.
_PLAN = tuple((item, _resolver(item)) for item in CMAS_ITEMS)
# The entries that make a timed item or item 5 more than an entered score.
_DERIVED_FROM = {"cmas_5": _SIT_UP_CODES, **{code: (f"{code}_sec",) for code in _TIMED}}


def _plain(values: Mapping[str, object], code: str) -> bool:
    """Whether only the item's own score can be entered (no seconds, no variants)."""
    return all(values.get(other) is None for other in _DERIVED_FROM[code])


def score_cmas(
    values: Mapping[str, object], age_years: object = None, *, explain: bool = True
) -> CmasResult:
    """Score a CMAS from item-level entries (clinical-rules §2.1).

    ``values`` maps field codes (see the module docstring) to entries or None; unknown
    keys are ignored. Total = sum of the 14 item scores (0-52), only when every item is
    present and valid. Never imputes. ``age_years``, if given, adds the under-5 caveat.
    ``explain=False`` (bulk exports): the same total, partial sum, missing items and
    errors, without the per-item detail (``items`` is empty) and the explanation.
    """
    messages: dict[str, str] = {}
    items: list[CmasItemScore] = []
    missing: list[str] = []
    partial = 0
    get = values.get
    for item, resolve in _PLAN:
        code = item.code
        if resolve is not None and not explain and _plain(values, code):
            resolve = None  # no seconds, no sit-up variants: an entered score, as below
        if resolve is None:
            raw = get(code)
            if raw is None:
                score = None
            elif type(raw) is int and 0 <= raw <= item.maximum:  # type: ignore[operator]
                score = raw  # a stored whole score in range: what parsing returns
            else:
                score = _entry(item, raw, messages, parse_whole_number)
            if explain:
                derivation = "" if score is None else _score_entered(score)
                items.append(CmasItemScore(code, item.number, item.label, score,
                                           item.maximum,  # type: ignore[arg-type]
                                           None, derivation))
        else:
            scored = resolve(item, values, messages, explain)
            score = scored.score
            if explain:
                items.append(scored)
        if score is None:
            if not _has_error(code, messages):
                missing.append(code)
        else:
            partial += score
    caveat = age_caveat(age_years) if age_years is not None else None
    complete = not messages and not missing
    total = partial if complete else None
    explanation = _explanation(items, tuple(missing), messages, partial) if explain else ""
    return CmasResult(total, complete, partial, tuple(missing), tuple(items), messages,
                      explanation, caveat)


def _explanation(items: list[CmasItemScore], missing: tuple[str, ...],
                 messages: dict[str, str], partial: int) -> Sentence:
    if messages:
        return sentences(" ", [
            phrase(NOT_VALID_ONE if len(messages) == 1 else NOT_VALID_MANY,
                   _count(len(messages))), *messages.values()])
    if missing:
        names = joined(", ", [phrase(MISSING_ITEM, ITEMS_BY_CODE[c].number,
                                     Label(ITEMS_BY_CODE[c].label)) for c in missing])
        return sentence(ITEMS_MISSING, _count(len(missing)), _count(len(CMAS_ITEMS)), names,
                        _count(len(CMAS_ITEMS) - len(missing)), _count(partial))
    return sentence(TOTAL, _count(partial), _count(MAXIMUM_TOTAL),
                    " + ".join(str(i.score) for i in items))


def _has_error(item_code: str, messages: dict[str, str]) -> bool:
    if item_code in messages or f"{item_code}_sec" in messages:
        return True
    if item_code == "cmas_5":
        return any(code in messages for code in SIT_UP_ITEMS_BY_CODE)
    return False


__all__ = [
    "AGE_CAVEAT_BELOW_YEARS",
    "DEFINITION",
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
    "age_caveat",
    "entries_to_store",
    "score_cmas",
    "score_stored",
    "scoring_inputs",
    "score_from_seconds",
    "validate_cmas",
]


# --------------------------------------------------------------------- declaration


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Every item; a timed item by its score or its seconds; item 5 by its score or all
    six sit-up variants."""
    out = []
    for item in CMAS_ITEMS:
        items: tuple[str, ...] = (item.code,)
        rule = "all"
        if item.code in _TIMED:
            items, rule = (item.code, f"{item.code}_sec"), "any"
        elif item.code == "cmas_5":
            items, rule = (item.code, *_SIT_UP_CODES), "first_or_rest"
        out.append(Requirement(f"cmas:{item.code}", "cmas", "cmas", items,
                               f"CMAS item {item.number} ({item.label})", rule))
    return out


def _summary(values: Values, ctx: VisitContext) -> Summary:
    total = score_stored(values.get("cmas", {}), explain=False).total
    return Summary("incomplete" if total is None else f"{total}/{MAXIMUM_TOTAL}",
                   total is not None)


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("cmas", "CMAS", "cmas")
    for d in ALL_FIELDS:
        form.item(item_field("cmas", d, "cmas"), d.code, "num")
    form.add(
        Field("cmas_total", "cmas", f"CMAS total (0-{MAXIMUM_TOTAL})", validation="integer",
              minimum="0", maximum=str(MAXIMUM_TOTAL), computed=True,
              note=COMPUTED_NOTE + "; blank if any item missing", source="cmas"),
        Field("cmas_partial_sum", "cmas", "CMAS sum of the items entered (partial)",
              validation="integer", computed=True, note=COMPUTED_NOTE, source="cmas"),
    )
    return (form.build(),)


def _export_values(scores, response) -> dict[str, object]:
    if scores.cmas is None:
        return {}
    return {"cmas_total": scores.cmas.total, "cmas_partial_sum": scores.cmas.partial_sum}


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    result = now.cmas
    note = ""
    if result is not None and result.total is None:
        note = incomplete_note(result.explanation)
    return [OutcomeRow("CMAS total", None if result is None else result.total,
                       None if base is None or base.cmas is None else base.cmas.total,
                       places=0, change_places=2, out_of=MAXIMUM_TOTAL, note=note)]


def _unscored(scores) -> list[str]:
    if scores.cmas is None or not scores.cmas.missing:
        return []
    return [sentence(WITHOUT_SCORE, ", ".join(scores.cmas.missing))]


def _paper() -> tuple[PaperBlock, ...]:
    rows: list[tuple] = []
    for d in CMAS_ITEMS:
        extra: str | Boxes = "____ s" if d.code in _TIMED else "score ____"
        if d.code == "cmas_5":
            extra = Boxes(tuple(s.label for s in CMAS_SIT_UP_ITEMS))
        rows.append((d.number, d.label, Boxes(tuple(f"{a.value} {a.label}" for a in d.anchors)),
                     extra))
    return (PaperGrid(f"CMAS — Childhood Myositis Assessment Scale (0-{MAXIMUM_TOTAL})",
                      ("#", "CMAS item", "Score (tick one)", "Seconds / score"), tuple(rows),
                      (0.05, 0.2, 0.55, 0.2), new_page=True),)


DEFINITION = VisitInstrument(
    id="cmas",
    label="CMAS",
    protocol_ids=("cmas",),
    stored=("cmas",),
    requirements=_requirements,
    summary=_summary,
    score=score_of_section("cmas", score_stored),
    export_forms=_export_forms,
    export_values=_export_values,
    outcome_rows=_outcome_rows,
    unscored=_unscored,
    paper=_paper,
    item_labels=lambda: {d.code: d.display_name for d in ALL_FIELDS},
)
