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

INSTRUMENT = "Global assessment"
SOURCE = "clinical-rules §2.4 (IMACS/PRINTO global assessments, 10 cm VAS)"

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
    "GLOBALS_BY_CODE",
    "GLOBAL_ASSESSMENTS",
    "parse_globals",
    "validate_global",
    "validate_globals",
]
