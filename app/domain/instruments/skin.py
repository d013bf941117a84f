"""Skin rash detail: the MDAAT cutaneous items, plus calcinosis, lipoatrophy and
nailfold capillary abnormalities, as data (codes, labels, allowed answers).

Source: clinical-rules §2.6 (MDAAT cutaneous items; seed 000 asks for more detail on the
characteristics and degree of the skin rash); the MDAAT: Isenberg DA et al.,
Rheumatology 2004;43:49-54.

Field codes: ``skin_<item>`` holds presence ("present"/"absent"); ``skin_<item>_change``
holds the MDAAT change rating ("improving", "same", "worse", "new"), used at follow-up.
``skin_calcinosis`` is "none", "mild" or "more_than_mild"; ``skin_lipoatrophy`` and
``skin_nailfold_capillaries`` are "present"/"absent". No score is computed from these
items; they are recorded as observed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain.instruments.common import Anchor, format_entered, is_blank
from app.domain.instruments.data_dictionary import ExportContext, Field, Form, FormBuilder
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
)
from app.domain.instruments.printed import (
    ANSWERED,
    ANSWERED_CHANGE,
    Boxes,
    Finding,
    PaperBlock,
    PaperGrid,
    ended,
)
from app.domain.phrases import Joined, Label, Lowered, Number, Phrase, phrase, sentence, sentences

SOURCE = "clinical-rules §2.6 (MDAAT cutaneous items; seed 000)"

PRESENCE_ANSWERS: tuple[Anchor, ...] = (Anchor("absent", "Absent"), Anchor("present", "Present"))
CHANGE_ANSWERS: tuple[Anchor, ...] = (
    Anchor("improving", "Improving"),
    Anchor("same", "Same"),
    Anchor("worse", "Worse"),
    Anchor("new", "New"),
)
CALCINOSIS_ANSWERS: tuple[Anchor, ...] = (
    Anchor("none", "None"),
    Anchor("mild", "Mild"),
    Anchor("more_than_mild", "More than mild"),
)


@dataclass(frozen=True)
class SkinItem:
    """One skin finding: its presence field, and a change field if it has one."""

    code: str
    label: str
    answers: tuple[Anchor, ...]
    change_code: str | None
    examples: str = ""
    source: str = SOURCE


def _mdaat(code: str, label: str, examples: str = "") -> SkinItem:
    return SkinItem(f"skin_{code}", label, PRESENCE_ANSWERS, f"skin_{code}_change", examples)


SKIN_ITEMS: tuple[SkinItem, ...] = (
    _mdaat("ulceration", "Cutaneous ulceration"),
    _mdaat("erythroderma", "Erythroderma"),
    _mdaat("panniculitis", "Panniculitis"),
    _mdaat(
        "rash_secondary",
        "Erythematous rash with secondary changes",
        "erosions, vesiculobullous change, necrosis",
    ),
    _mdaat(
        "rash_plain",
        "Erythematous rash without secondary changes",
        "malar/facial, linear extensor, V-sign, shawl sign, periungual erythema",
    ),
    _mdaat("heliotrope", "Heliotrope rash"),
    _mdaat("gottron", "Gottron's papules or Gottron's sign"),
    _mdaat("periungual_cap", "Periungual capillary changes"),
    _mdaat("alopecia", "Alopecia"),
    _mdaat("mechanic_hands", "Mechanic's hands"),
    SkinItem("skin_calcinosis", "Calcinosis", CALCINOSIS_ANSWERS, None),
    SkinItem("skin_lipoatrophy", "Lipoatrophy", PRESENCE_ANSWERS, None),
    SkinItem(
        "skin_nailfold_capillaries", "Nailfold capillary abnormalities", PRESENCE_ANSWERS, None
    ),
)
SKIN_ITEMS_BY_CODE: dict[str, SkinItem] = {item.code: item for item in SKIN_ITEMS}


# The skin's sentences (app/forms/terms.py lists them in "Instrument message"): a
# finding's name a Label, what was entered as it was entered, the scores Numbers.
ANSWER = "%1: answer must be one of %2; %3 was entered."
CHANGE_ANSWER = "%1, change since last visit: answer must be one of %2; %3 was entered."
ABSENT_BUT_CHANGED = "%1 is marked absent but its change is '%2'; correct one of them."
HIGHER = "Please check: %1 is marked %2, but %3 is higher than at %4: %5 cm then, %6 cm now."
LOWER = "Please check: %1 is marked %2, but %3 is lower than at %4: %5 cm then, %6 cm now."
NOT_BLOCKED = "Saving is not blocked."
SKIN_SENTENCES = (ANSWER, CHANGE_ANSWER, ABSENT_BUT_CHANGED, HIGHER, LOWER, NOT_BLOCKED)


def _allowed(answers: tuple[Anchor, ...]) -> str:
    return ", ".join(f"{a.value} ({a.label.lower()})" for a in answers)


def validate_skin(values: Mapping[str, object]) -> dict[str, str]:
    """Plain-words message per skin field whose answer is not one of the allowed codes.

    Also flags a change rating of "new" or "worse" recorded for a finding marked absent,
    which contradicts itself. Blank fields are not errors.
    """
    messages: dict[str, str] = {}
    for item in SKIN_ITEMS:
        presence = values.get(item.code)
        allowed = {str(a.value) for a in item.answers}
        # Answers are codes (text); anything else, even unhashable, is simply not allowed.
        if not is_blank(presence) and (not isinstance(presence, str) or presence not in allowed):
            messages[item.code] = sentence(ANSWER, Label(item.label), _allowed(item.answers),
                                           format_entered(presence))
        if item.change_code is None:
            continue
        change = values.get(item.change_code)
        if is_blank(change):
            continue
        if not isinstance(change, str) or change not in {str(a.value) for a in CHANGE_ANSWERS}:
            messages[item.change_code] = sentence(CHANGE_ANSWER, Label(item.label),
                                                  _allowed(CHANGE_ANSWERS), format_entered(change))
        elif presence == "absent" and change in ("new", "worse"):
            messages[item.change_code] = sentence(ABSENT_BUT_CHANGED, Label(item.label),
                                                  Label(change))
    return messages


def _cm(value: float) -> str:
    return f"{value:g}"


def skin_change_warning(
    previous: float | None,
    current: float | None,
    answer: object,
    *,
    finding: str = "The skin",
    measure: str = "the skin activity score",
    previous_label: str = "the last visit",
    unit: str = "cm",
) -> str | None:
    """A reminder when a finding's change rating points the other way from the skin
    activity score recorded at the last visit and at this one; None otherwise.

    "improving" while the score went up, or "worse" while it went down, contradicts the
    numbers. No reminder for equal scores, for "same" (a finding can stay the same while
    the score moves by a few millimetres) or "new" (says nothing about direction), for a
    blank rating, or when either score is missing: there is nothing to contradict.

    It is a reminder, never an error: one finding can improve while the overall skin
    activity rises, so the clinician decides. Project rule, checking the MDAAT change
    ratings (clinical-rules §2.6) against the skin activity VAS (§2.4).
    """
    if previous is None or current is None or answer not in ("improving", "worse"):
        return None
    if answer == "improving" and current > previous:
        direction = "higher"
    elif answer == "worse" and current < previous:
        direction = "lower"
    else:
        return None
    if unit != "cm":  # the listed sentences are in cm: another unit's stays as written
        return (
            f"Please check: {finding} is marked {answer}, but {measure} is {direction} than at "
            f"{previous_label}: {_cm(previous)} {unit} then, {_cm(current)} {unit} now. "
            "Saving is not blocked."
        )
    return sentences(" ", [
        phrase(HIGHER if direction == "higher" else LOWER, Label(finding), Label(answer),
               Label(measure), Label(previous_label), Number(_cm(previous)),
               Number(_cm(current))),
        phrase(NOT_BLOCKED)])


__all__ = [
    "CALCINOSIS_ANSWERS",
    "DEFINITION",
    "CHANGE_ANSWERS",
    "PRESENCE_ANSWERS",
    "SKIN_ITEMS",
    "SKIN_ITEMS_BY_CODE",
    "SkinItem",
    "skin_change_warning",
    "validate_skin",
]


# --------------------------------------------------------------------- declaration


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Every finding's presence (the change ratings are optional)."""
    return [Requirement(f"skin:{s.code}", "skin", "skin", (s.code,), s.label) for s in SKIN_ITEMS]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    entries = values.get("skin", {})
    n = sum(1 for s in SKIN_ITEMS if s.code in entries and entries[s.code].has_value)
    return Summary(f"{n}/{len(SKIN_ITEMS)}", n == len(SKIN_ITEMS))


def _choices(answers: tuple[Anchor, ...]) -> tuple[tuple[str, str], ...]:
    return tuple((str(a.value), a.label) for a in answers)


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("skin", "Skin (MDAAT cutaneous items)", "skin")
    for s in SKIN_ITEMS:
        form.item(Field(s.code, "skin", s.label, "dropdown", _choices(s.answers)), s.code, "code")
        if s.change_code:
            form.item(Field(s.change_code, "skin", f"{s.label}: change since last visit",
                            "dropdown", _choices(CHANGE_ANSWERS)), s.change_code, "code",
                      missing=False)
    return (form.build(),)


def _answer_words(answers: tuple[Anchor, ...], code: str, written: str) -> str:
    """A stored answer as the finding writes it (``written``, lower case: "more than
    mild"): the answer's label lowered when the code is one of them and reads so, else
    as written."""
    for answer in answers:
        if str(answer.value) == code and answer.label.lower() == written:
            return Lowered(answer.label)
    return written


def _findings(values: Values) -> list[Finding]:
    entries = values.get("skin", {})
    if not entries:
        return []
    parts: list[str | Phrase | Joined] = []
    for item in SKIN_ITEMS:
        entry = entries.get(item.code)
        if entry is None or not entry.value_text:
            continue
        answer = _answer_words(item.answers, entry.value_text,
                               entry.value_text.replace("_", " "))
        change = entries.get(item.change_code) if item.change_code else None
        if change is not None and change.value_text:
            changed = next((Lowered(a.label) for a in CHANGE_ANSWERS
                            if str(a.value) == change.value_text), "")
            parts.append(phrase(ANSWERED_CHANGE, Label(item.label), answer, changed))
        else:
            parts.append(phrase(ANSWERED, Label(item.label), answer))
    return [Finding(ended(parts), heading="Skin (MDAAT cutaneous items)")]


def _paper() -> tuple[PaperBlock, ...]:
    change = Boxes(tuple(a.label for a in CHANGE_ANSWERS), across=True)
    rows = tuple((s.label, Boxes(tuple(a.label for a in s.answers), across=True),
                  change if s.change_code else "") for s in SKIN_ITEMS)
    return (PaperGrid("Skin (MDAAT cutaneous items)",
                      ("Skin finding", "Answer", "Change since last visit"), rows,
                      (0.34, 0.26, 0.4)),)


DEFINITION = VisitInstrument(
    id="skin",
    label="Skin detail",
    protocol_ids=("skin_detail",),
    stored=("skin",),
    requirements=_requirements,
    summary=_summary,
    export_forms=_export_forms,
    findings=_findings,
    paper=_paper,
    item_labels=lambda: {s.code: s.label for s in SKIN_ITEMS},
)
