"""Sun protection at follow-up visits: whether counselling was given again, and how well
the child keeps to sun avoidance and sunscreen (coded).

Source: seed 000, Results ("appropriate sun avoidance and sunscreen use were recommended
for all"); the counselling at enrollment is recorded by the enrollment. The adherence
categories are a project choice (provisional): the seed names no scale.
"""

from __future__ import annotations

from app.domain.instruments.data_dictionary import (
    YES_NO_TEXT,
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
    ANSWERED,
    PARTS,
    Boxes,
    Finding,
    PaperBlock,
    PaperLine,
)
from app.domain.phrases import Joined, Label, Lowered, Phrase, joined, phrase, sentence

STORED = "sun_protection"
SOURCE = ("Seed 000, Results (sun avoidance and sunscreen recommended for all); adherence "
          "categories: project choice, provisional")

COUNSELLED: tuple[tuple[str, str], ...] = YES_NO_TEXT
ADHERENCE: tuple[tuple[str, str], ...] = (
    ("always", "Always or nearly always"),
    ("mostly", "Most days"),
    ("sometimes", "Sometimes"),
    ("rarely", "Rarely or never"),
    ("unknown", "Not known"),
)
# the visit summary's finding: "Sun protection: sun avoidance and sunscreen since the last
# visit: Rarely or never."
FOUND = "Sun protection: %1."
NOTHING_FOUND = "Sun protection: nothing recorded."
SUN_FINDINGS = (FOUND, NOTHING_FOUND)
# (code, label, answers)
ITEMS: tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...] = (
    ("counselled", "Sun-protection counselling given at this visit", COUNSELLED),
    ("adherence", "Sun avoidance and sunscreen since the last visit", ADHERENCE),
)


def validate_sun_protection(values: dict[str, object]) -> dict[str, str]:
    """Message per item whose stored answer is not one of its codes (blank is fine)."""
    out = {}
    for code, label, answers in ITEMS:
        value = values.get(code)
        if value in (None, ""):
            continue
        if value not in {c for c, _ in answers}:
            allowed = ", ".join(a.lower() for _c, a in answers)
            out[code] = f"{label}: answer must be one of {allowed}; {value!r} was recorded."
    return out


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    return [Requirement(f"sun:{code}", "sun_protection", STORED, (code,), label)
            for code, label, _ in ITEMS]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    entries = values.get(STORED, {})
    n = sum(1 for code, _l, _a in ITEMS if code in entries and entries[code].has_value)
    return Summary(f"{n}/{len(ITEMS)}", n == len(ITEMS))


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("sun_protection", "Sun protection", STORED)
    for code, label, answers in ITEMS:
        form.item(Field(f"sun_{code}", "sun_protection", label, "dropdown", answers,
                        source=SOURCE), code, "code")
    return (form.build(),)


def _findings(values: Values) -> list[Finding]:
    entries = values.get(STORED, {})
    if not entries:
        return []
    parts: list[str | Phrase | Joined] = []
    for code, label, answers in ITEMS:
        entry = entries.get(code)
        if entry is not None and entry.value_text:
            answer = dict(answers).get(entry.value_text)
            parts.append(phrase(ANSWERED, Lowered(label),
                                entry.value_text if answer is None else Label(answer)))
    if not parts:
        return [Finding(sentence(NOTHING_FOUND))]
    return [Finding(sentence(FOUND, joined(PARTS, parts)))]


def _paper() -> tuple[PaperBlock, ...]:
    return (PaperLine(("Counselling given:", Boxes(("yes", "no"), across=True)),
                      heading="Sun protection"),
            PaperLine(("Adherence since the last visit:",
                       Boxes(tuple(label for _c, label in ADHERENCE), across=True))))


DEFINITION = VisitInstrument(
    id="sun_protection",
    label="Sun protection",
    protocol_ids=("sun_protection",),
    stored=(STORED,),
    requirements=_requirements,
    summary=_summary,
    export_forms=_export_forms,
    findings=_findings,
    paper=_paper,
    item_labels=lambda: {code: label for code, label, _ in ITEMS},
)

__all__ = ["ADHERENCE", "COUNSELLED", "DEFINITION", "ITEMS", "STORED",
           "validate_sun_protection"]
