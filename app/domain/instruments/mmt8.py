"""Manual Muscle Testing of 8 muscle groups (MMT8), Kendall 0-10 scale.

One module although long: an instrument is defined in one place (architecture, "One
registry per concept") -- its items with their wording, its rules and scorer, and its
declaration for the visit form, the exports and the printouts.

Source: clinical-rules §2.3 (published: IMACS form 04, MMT8); Rider LG et al.,
Arthritis Care Res 2010;62:465-72 (validation of MMT8 in myositis). Kendall grade
wording is the IMACS 0-10 Kendall scale, concise.

Variants (recorded in every result; never compared with each other):
* unilateral -- one side per group (right unless it cannot be tested), total 0-80;
  field codes ``mmt_<group>``; the side tested may be recorded per group.
* bilateral -- neck flexors once plus the 7 other groups on both sides, total 0-150;
  field codes ``mmt_neck_flexors`` and ``mmt_<group>_r`` / ``mmt_<group>_l``
  (short suffixes keep every code within REDCap's recommended 26 characters).

Groups: neck_flexors, middle_deltoid, biceps_brachii, gluteus_maximus, gluteus_medius,
quadriceps, wrist_extensors, ankle_dorsiflexors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.instruments.common import (
    Anchor,
    InstrumentInputError,
    ItemDefinition,
    ItemKind,
    incomplete_note,
    is_blank,
    parse_whole_number,
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
from app.domain.phrases import Label, Number, phrase, sentence, sentences
from app.domain.visit_values import ItemEntry, entry_values

INSTRUMENT = "MMT8"
# The MMT8's sentences (app/forms/terms.py lists them in "Instrument message"): the
# variant's word and a muscle group's name Labels, grades and counts Numbers.
NAME = "MMT8 (%1, 0-%2)"
VARIANT_REFUSED = ("MMT8 variant must be 'unilateral' (0-80) or 'bilateral' (0-150); %1 was "
                   "entered.")
SIDE_REFUSED = "%1: side tested must be right or left; %2 was entered."
NOT_ONE_SIDED = "MMT8: %1 is not a muscle group tested on one side; choose one of: %2."
SIDES_UNILATERAL_ONLY = ("MMT8: sides are recorded only for the unilateral variant; the "
                         "bilateral variant has its own right and left fields.")
NOT_COMPUTED = "%1 total not computed: %2"
GRADES_MISSING = ("%1 total not computed: %2 of %3 muscle grades missing (%4). Sum of the "
                  "grades entered: %5 (partial, not a total; missing grades are never filled "
                  "in).")
TOTAL = "%1 total %2 of %3: sum of %4 muscle grades."
LEFT_SIDE = "Left side tested for: %1."
ACROSS_VARIANTS = ("MMT8 totals cannot be compared: baseline is %1 (0-%2) and follow-up is %3 "
                   "(0-%4). Use the same variant at every visit.")
# which total is incomplete -> the sentence
TOTALS_INCOMPLETE = {
    ("baseline",): "MMT8 totals cannot be compared: the baseline total is incomplete.",
    ("follow-up",): "MMT8 totals cannot be compared: the follow-up total is incomplete.",
    ("baseline", "follow-up"): ("MMT8 totals cannot be compared: the baseline and follow-up "
                                "total is incomplete."),
}
CHANGE = "MMT8 (%1) change: %2 - %3 = %4."
WITHOUT_GRADE = "MMT8 groups without a grade: %1"
MMT8_SENTENCES = (NAME, VARIANT_REFUSED, SIDE_REFUSED, NOT_ONE_SIDED, SIDES_UNILATERAL_ONLY,
                  NOT_COMPUTED, GRADES_MISSING, TOTAL, LEFT_SIDE, ACROSS_VARIANTS,
                  *TOTALS_INCOMPLETE.values(), CHANGE, WITHOUT_GRADE)
SOURCE = (
    "clinical-rules §2.3 (IMACS form 04, MMT8, Kendall 0-10); Rider LG et al., "
    "Arthritis Care Res 2010;62:465-72"
)


class Mmt8Variant(StrEnum):
    UNILATERAL = "unilateral"
    BILATERAL = "bilateral"


MAXIMUM_TOTAL: dict[Mmt8Variant, int] = {Mmt8Variant.UNILATERAL: 80, Mmt8Variant.BILATERAL: 150}


class Side(StrEnum):
    RIGHT = "right"
    LEFT = "left"


@dataclass(frozen=True)
class MuscleGroup:
    code: str
    label: str
    bilateral: bool  # tested on both sides in the bilateral variant


MUSCLE_GROUPS: tuple[MuscleGroup, ...] = (
    MuscleGroup("neck_flexors", "neck flexors", False),
    MuscleGroup("middle_deltoid", "middle deltoid", True),
    MuscleGroup("biceps_brachii", "biceps brachii", True),
    MuscleGroup("gluteus_maximus", "gluteus maximus", True),
    MuscleGroup("gluteus_medius", "gluteus medius", True),
    MuscleGroup("quadriceps", "quadriceps", True),
    MuscleGroup("wrist_extensors", "wrist extensors", True),
    MuscleGroup("ankle_dorsiflexors", "ankle dorsiflexors", True),
)
GROUPS_BY_CODE: dict[str, MuscleGroup] = {g.code: g for g in MUSCLE_GROUPS}

KENDALL_ANCHORS: tuple[Anchor, ...] = (
    Anchor(0, "0: no contraction felt"),
    Anchor(1, "Trace (T): contraction felt or tendon prominent, no visible movement"),
    Anchor(2, "Poor- (P-): partial range of motion, gravity minimised"),
    Anchor(3, "Poor (P): full range of motion, gravity minimised"),
    Anchor(4, "Poor+ (P+): gradual release from the test position against gravity"),
    Anchor(5, "Fair (F): holds the test position against gravity, no added pressure"),
    Anchor(6, "Fair+ (F+): holds the test position against slight pressure"),
    Anchor(7, "Good- (G-): holds against slight to moderate pressure"),
    Anchor(8, "Good (G): holds against moderate pressure"),
    Anchor(9, "Good+ (G+): holds against moderate to strong pressure"),
    Anchor(10, "Normal (N): holds against strong pressure"),
)


def _definition(code: str, label: str) -> ItemDefinition:
    return ItemDefinition(
        code=code,
        instrument=INSTRUMENT,
        number="",
        label=label,
        kind=ItemKind.SCORE,
        minimum=0,
        maximum=10,
        step=1,
        anchors=KENDALL_ANCHORS,
        help="Kendall 0-10",
        source=SOURCE,
    )


UNILATERAL_ITEMS: tuple[ItemDefinition, ...] = tuple(
    _definition(f"mmt_{g.code}", g.label) for g in MUSCLE_GROUPS
)
BILATERAL_ITEMS: tuple[ItemDefinition, ...] = tuple(
    definition
    for g in MUSCLE_GROUPS
    for definition in (
        (
            _definition(f"mmt_{g.code}_r", f"{g.label}, right"),
            _definition(f"mmt_{g.code}_l", f"{g.label}, left"),
        )
        if g.bilateral
        else (_definition(f"mmt_{g.code}", g.label),)
    )
)


# Unilateral default: every group tested on both sides in the bilateral variant is
# recorded as tested on the right.
_RIGHT_SIDES = {g.code: Side.RIGHT for g in MUSCLE_GROUPS if g.bilateral}


def items_for(variant: Mmt8Variant | str) -> tuple[ItemDefinition, ...]:
    """The fields to enter for a variant: 8 for unilateral, 15 for bilateral."""
    variant = Mmt8Variant(variant)
    return UNILATERAL_ITEMS if variant is Mmt8Variant.UNILATERAL else BILATERAL_ITEMS


@dataclass(frozen=True)
class Mmt8Result:
    """An MMT8 scored from its muscle grades (clinical-rules §2.3).

    ``total`` only when every field of the variant is present and valid, else None with
    ``partial_sum`` (flagged partial) and ``missing``. ``sides`` records the side tested
    per group in the unilateral variant.
    """

    variant: Mmt8Variant
    total: int | None
    maximum: int
    complete: bool
    partial_sum: int
    missing: tuple[str, ...]
    grades: dict[str, int | None]
    sides: dict[str, Side] = field(default_factory=dict)
    errors: dict[str, str] = field(default_factory=dict)
    explanation: str = ""
    source: str = SOURCE


def _count(value: int) -> Number:
    return Number(str(value))


def _variant_or_error(variant: object) -> Mmt8Variant:
    try:
        return Mmt8Variant(variant)
    except ValueError:
        raise InstrumentInputError(
            {"mmt_variant": sentence(VARIANT_REFUSED, repr(variant))}) from None


def validate_mmt8(
    values: Mapping[str, object],
    variant: Mmt8Variant | str,
    sides: Mapping[str, object] | None = None,
) -> dict[str, str]:
    """Plain-words message per field for every MMT8 entry that cannot be used."""
    messages: dict[str, str] = {}
    try:
        parsed_variant = _variant_or_error(variant)
    except InstrumentInputError as exc:
        return exc.messages
    _parse(values, parsed_variant, sides, messages)
    return messages


def _parse(
    values: Mapping[str, object],
    variant: Mmt8Variant,
    sides: Mapping[str, object] | None,
    messages: dict[str, str],
) -> tuple[dict[str, int | None], dict[str, Side]]:
    grades: dict[str, int | None] = {}
    for item in items_for(variant):
        value = values.get(item.code)
        # A stored grade is a whole number in range: taken as it is (what parse returns).
        if value is None or (
            type(value) is int and item.minimum <= value <= item.maximum  # type: ignore[operator]
        ):
            grades[item.code] = value  # type: ignore[assignment]
            continue
        grades[item.code] = None
        if is_blank(value):
            continue
        try:
            grades[item.code] = parse_whole_number(item, value)
        except InstrumentInputError as exc:
            messages.update(exc.messages)
    parsed_sides: dict[str, Side] = {}
    if variant is Mmt8Variant.UNILATERAL and not sides:
        parsed_sides = dict(_RIGHT_SIDES)
    elif variant is Mmt8Variant.UNILATERAL:
        given = dict(sides or {})
        for group in MUSCLE_GROUPS:
            if not group.bilateral:
                continue
            raw = given.pop(group.code, None)
            if raw is None:
                parsed_sides[group.code] = Side.RIGHT
                continue
            try:
                parsed_sides[group.code] = Side(str(raw).strip().lower())
            except ValueError:
                messages[f"side:{group.code}"] = sentence(
                    SIDE_REFUSED, Label(f"MMT8 {group.label}"), repr(raw))
        for code in given:
            messages[f"side:{code}"] = sentence(
                NOT_ONE_SIDED, repr(code), ", ".join(g.code for g in MUSCLE_GROUPS if g.bilateral))
    elif sides:
        messages["sides"] = sentence(SIDES_UNILATERAL_ONLY)
    return grades, parsed_sides


def score_mmt8(
    values: Mapping[str, object],
    variant: Mmt8Variant | str = Mmt8Variant.UNILATERAL,
    sides: Mapping[str, object] | None = None,
    *,
    explain: bool = True,
) -> Mmt8Result:
    """Total an MMT8 (clinical-rules §2.3; IMACS form 04).

    Unilateral: sum of the 8 groups, 0-80. Bilateral: neck flexors + both sides of the
    other 7 groups, 0-150. Incomplete (total None) when any field is missing; never
    imputes. ``sides`` (unilateral only) maps group code -> "right"/"left"; default right.
    Raises InstrumentInputError if the variant itself is not recognised.
    ``explain=False`` (bulk exports): the same totals without the explanation text.
    """
    parsed_variant = _variant_or_error(variant)
    messages: dict[str, str] = {}
    grades, parsed_sides = _parse(values, parsed_variant, sides, messages)
    maximum = MAXIMUM_TOTAL[parsed_variant]
    missing = tuple(c for c, g in grades.items() if g is None and c not in messages)
    partial = sum(g for g in grades.values() if g is not None)
    if not explain:
        complete = not messages and not missing
        return Mmt8Result(
            parsed_variant, partial if complete else None, maximum, complete, partial,
            missing, grades, parsed_sides, messages, "",
        )
    name = phrase(NAME, Label(parsed_variant.value), _count(maximum))
    if messages:
        explanation = sentence(NOT_COMPUTED, name, sentences(" ", list(messages.values())))
        return Mmt8Result(
            parsed_variant,
            None,
            maximum,
            False,
            partial,
            missing,
            grades,
            parsed_sides,
            messages,
            explanation,
        )
    if missing:
        explanation = sentence(GRADES_MISSING, name, _count(len(missing)), _count(len(grades)),
                               ", ".join(missing), _count(partial))
        return Mmt8Result(
            parsed_variant,
            None,
            maximum,
            False,
            partial,
            missing,
            grades,
            parsed_sides,
            {},
            explanation,
        )
    explanation = sentence(TOTAL, name, _count(partial), _count(maximum), _count(len(grades)))
    left = [g for g, side in parsed_sides.items() if side is Side.LEFT]
    if left:
        explanation = sentences(" ", [explanation, phrase(LEFT_SIDE, ", ".join(left))])
    return Mmt8Result(
        parsed_variant,
        partial,
        maximum,
        True,
        partial,
        (),
        grades,
        parsed_sides,
        {},
        explanation,
    )


def variant_of(entries: Mapping[str, ItemEntry]) -> str:
    """The variant recorded with a visit's MMT8 (unilateral unless recorded otherwise)."""
    entry = entries.get("variant")
    return entry.value_text if entry is not None and entry.value_text else "unilateral"


def score_stored(entries: Mapping[str, ItemEntry], *, explain: bool = True) -> Mmt8Result:
    """The MMT8 of a visit from its stored items (grades and the variant recorded).
    Raises InstrumentInputError when the recorded variant is not one of the two."""
    variant = variant_of(entries)
    return score_mmt8(entry_values(entries), variant, explain=explain)


@dataclass(frozen=True)
class Mmt8Comparison:
    """Change between two MMT8 totals, or the reason they cannot be compared."""

    comparable: bool
    change: int | None
    reason: str


def compare_mmt8(baseline: Mmt8Result, follow_up: Mmt8Result) -> Mmt8Comparison:
    """Follow-up minus baseline total, refusing to compare across variants
    (clinical-rules §2.3: "never compare across variants") or incomplete totals."""
    if baseline.variant is not follow_up.variant:
        return Mmt8Comparison(False, None, sentence(
            ACROSS_VARIANTS, Label(baseline.variant.value), _count(baseline.maximum),
            Label(follow_up.variant.value), _count(follow_up.maximum)))
    if baseline.total is None or follow_up.total is None:
        which = tuple(
            n for n, r in (("baseline", baseline), ("follow-up", follow_up)) if r.total is None
        )
        return Mmt8Comparison(False, None, sentence(TOTALS_INCOMPLETE[which]))
    change = follow_up.total - baseline.total
    return Mmt8Comparison(True, change, sentence(
        CHANGE, Label(baseline.variant.value), _count(follow_up.total), _count(baseline.total),
        Number(f"{change:+d}")))


__all__ = [
    "BILATERAL_ITEMS",
    "DEFINITION",
    "KENDALL_ANCHORS",
    "MAXIMUM_TOTAL",
    "MUSCLE_GROUPS",
    "UNILATERAL_ITEMS",
    "Mmt8Comparison",
    "Mmt8Result",
    "Mmt8Variant",
    "MuscleGroup",
    "Side",
    "compare_mmt8",
    "items_for",
    "score_mmt8",
    "score_stored",
    "variant_of",
    "validate_mmt8",
]


# --------------------------------------------------------------------- declaration

VARIANT_CHOICES = tuple((v.value, f"{v.value.capitalize()} (0-{MAXIMUM_TOTAL[v]})")
                        for v in Mmt8Variant)


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Every muscle group of the variant recorded."""
    return [Requirement(f"mmt8:{i.code}", "mmt8", "mmt8", (i.code,), f"MMT8 {i.label}")
            for i in items_for(ctx.mmt8_variant)]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    try:
        result = score_stored(values.get("mmt8", {}), explain=False)
    except InstrumentInputError:
        return Summary("incomplete", False)
    if result.total is None:
        return Summary("incomplete", False)
    return Summary(f"{result.total}/{result.maximum}", True)


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("mmt8", "MMT8", "mmt8")
    form.item(Field("mmt_variant", "mmt8", "MMT8 variant", "dropdown", VARIANT_CHOICES,
                    source="mmt8"), "variant", "code", missing=False)
    both = {d.code: d for d in UNILATERAL_ITEMS + BILATERAL_ITEMS}
    for d in both.values():
        form.item(item_field("mmt8", d, "mmt8"), d.code, "num")
    unilateral, bilateral = (MAXIMUM_TOTAL[v] for v in Mmt8Variant)
    form.add(Field("mmt8_total", "mmt8",
                   f"MMT8 total (0-{unilateral} unilateral, 0-{bilateral} bilateral)",
                   validation="integer", minimum="0", maximum=str(max(MAXIMUM_TOTAL.values())),
                   computed=True, note=COMPUTED_NOTE + "; blank if any muscle group missing",
                   source="mmt8"))
    return (form.build(),)


def _export_values(scores, response) -> dict[str, object]:
    return {} if scores.mmt8 is None else {"mmt8_total": scores.mmt8.total}


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    result = now.mmt8
    note = ""
    if result is not None and result.total is None:
        note = incomplete_note(result.explanation)
    variant = result.variant.value if result is not None else Mmt8Variant.UNILATERAL.value
    maximum = result.maximum if result is not None else MAXIMUM_TOTAL[Mmt8Variant.UNILATERAL]
    return [OutcomeRow(f"MMT8 total ({variant})", None if result is None else result.total,
                       None if base is None or base.mmt8 is None else base.mmt8.total,
                       places=0, change_places=2, out_of=maximum, note=note)]


def _unscored(scores) -> list[str]:
    if scores.mmt8 is None or not scores.mmt8.missing:
        return []
    return [sentence(WITHOUT_GRADE, ", ".join(scores.mmt8.missing))]


def _paper() -> tuple[PaperBlock, ...]:
    rows = tuple(
        (g.label.capitalize(), "", "", "—") if g.bilateral else (g.label.capitalize(), "—", "—", "")
        for g in MUSCLE_GROUPS
    )
    return (PaperGrid("MMT8 — variant:", ("Muscle group (Kendall 0-10)", "Right", "Left",
                                          "Neck / axial"), rows, (0.46, 0.18, 0.18, 0.18),
                      row_height_mm=6.5,
                      title_boxes=Boxes(tuple(label.lower() for _, label in VARIANT_CHOICES),
                                        across=True)),)


DEFINITION = VisitInstrument(
    id="mmt8",
    label="MMT8",
    protocol_ids=("mmt8",),
    stored=("mmt8",),
    requirements=_requirements,
    summary=_summary,
    score=score_of_section("mmt8", score_stored),
    export_forms=_export_forms,
    export_values=_export_values,
    outcome_rows=_outcome_rows,
    unscored=_unscored,
    paper=_paper,
    item_labels=lambda: {d.code: f"MMT8 {d.label}" for d in UNILATERAL_ITEMS + BILATERAL_ITEMS},
)
