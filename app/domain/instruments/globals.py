"""Global assessments: six 10 cm visual analogue scales (VAS), entered to 0.1 cm.

Source: clinical-rules §2.4 (published: IMACS/PRINTO core set measures; seed 000,
Table 3 for the CTP outcome set): 0 = inactive, 10 = extremely active/severe.
``mdaat_extramuscular`` is the MDAAT extramuscular global activity needed by the 2016
ACR/EULAR response criteria (Rider LG et al., Arthritis Rheumatol 2017;69:911-23).
"""

from __future__ import annotations

from collections.abc import Mapping

from app.domain.instruments.common import (
    InstrumentInputError,
    ItemDefinition,
    is_blank,
    parse_vas,
    vas_item,
)
from app.domain.instruments.data_dictionary import ExportContext, Form, FormBuilder, item_field
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
)
from app.domain.instruments.printed import OutcomeRow, PaperBlock, PaperLine, PaperVas
from app.domain.phrases import Label, sentence

INSTRUMENT = "Global assessment"
SOURCE = "clinical-rules §2.4 (IMACS/PRINTO global assessments, 10 cm VAS)"

VAS_ROW = "%1 (0-10 cm)"  # the printed summary's row ("Outcome row"), the scale a Label
_LOW = "Inactive"
_HIGH = "Extremely active or severe"


def _global(code: str, label: str, help: str = "") -> ItemDefinition:
    return vas_item(
        code, INSTRUMENT, label, _LOW, _HIGH, help=help, source=SOURCE, message_name=label
    )


GLOBAL_ASSESSMENTS: tuple[ItemDefinition, ...] = (
    _global(
        "mdaat_cutaneous_vas",
        "MDAAT cutaneous disease activity (physician VAS)",
        "Primary outcome of the persistent-skin-rash CTP (seed 000, Table 3).",
    ),
    _global("pga_activity", "Physician global assessment of disease activity"),
    _global("parent_global_activity", "Patient/parent global assessment of disease activity"),
    _global("pga_skin", "Physician global assessment of skin disease activity"),
    _global("parent_global_skin", "Patient/parent global assessment of skin disease activity"),
    _global(
        "mdaat_extramuscular",
        "MDAAT extramuscular global activity (physician VAS)",
        "Needed for the 2016 ACR/EULAR response criteria (total improvement score).",
    ),
)
GLOBALS_BY_CODE: dict[str, ItemDefinition] = {g.code: g for g in GLOBAL_ASSESSMENTS}


def validate_global(code: str, value: object) -> str | None:
    """The message for one VAS entry, or None if it is usable (blank is usable)."""
    if code not in GLOBALS_BY_CODE:
        raise KeyError(f"{code} is not a global assessment; known: {', '.join(GLOBALS_BY_CODE)}")
    if is_blank(value):
        return None
    try:
        parse_vas(GLOBALS_BY_CODE[code], value)
    except InstrumentInputError as exc:
        return exc.messages[code]
    return None


def validate_globals(values: Mapping[str, object]) -> dict[str, str]:
    """Plain-words message per global-assessment field that cannot be used.

    A value must be a number from 0 to 10 cm with at most one decimal (0.1 cm steps).
    Keys that are not global assessments are ignored.
    """
    messages: dict[str, str] = {}
    for code in GLOBALS_BY_CODE:
        message = validate_global(code, values.get(code))
        if message:
            messages[code] = message
    return messages


def parse_globals(values: Mapping[str, object]) -> dict[str, float | None]:
    """The six VAS values as floats (None when blank).

    Raises InstrumentInputError with every field's message if any entry is unusable.
    """
    messages = validate_globals(values)
    if messages:
        raise InstrumentInputError(messages)
    return {
        code: None if is_blank(values.get(code)) else float(parse_vas(item, values.get(code)))
        for code, item in GLOBALS_BY_CODE.items()
    }


__all__ = [
    "DEFINITION",
    "GLOBALS_BY_CODE",
    "GLOBAL_ASSESSMENTS",
    "parse_globals",
    "validate_global",
    "validate_globals",
]


# --------------------------------------------------------------------- declaration


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    g = GLOBALS_BY_CODE[protocol_id]
    return [Requirement(f"global:{g.code}", "globals", "global", (g.code,), g.label)]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    shown = [code for code in GLOBALS_BY_CODE if ctx.listed(code)]
    entered = values.get("global", {})
    n = sum(1 for code in shown if code in entered)
    return Summary(f"{n}/{len(shown)}", n == len(shown))


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("globals", "Global assessments", "global")
    for d in GLOBAL_ASSESSMENTS:
        form.item(item_field("globals", d, "global"), d.code, "num")
    return (form.build(),)


def _number(values: Values | None, code: str) -> float | None:
    entry = (values or {}).get("global", {}).get(code)
    return None if entry is None else entry.value_num


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    return [OutcomeRow(sentence(VAS_ROW, Label(d.label)), _number(values, d.code),
                       _number(base_values, d.code)) for d in GLOBAL_ASSESSMENTS]


def _paper() -> tuple[PaperBlock, ...]:
    return (PaperLine((), heading="Global assessments (mark the 10 cm line, then measure)"),
            *(PaperVas(d.label, d.anchors[0].label, d.anchors[-1].label)
              for d in GLOBAL_ASSESSMENTS))


DEFINITION = VisitInstrument(
    id="globals",
    label="Global assessments",
    protocol_ids=tuple(GLOBALS_BY_CODE),
    stored=("global",),
    requirements=_requirements,
    summary=_summary,
    export_forms=_export_forms,
    outcome_rows=_outcome_rows,
    paper=_paper,
    item_labels=lambda: {d.code: d.label for d in GLOBAL_ASSESSMENTS},
)
