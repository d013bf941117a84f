"""The visit schedule of a plan: each visit's offset from baseline in calendar months, its
window in days, and the instruments measured (required and optional) at it."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.protocol.provenance import RuleStatus

# The instrument sets of the CTP papers (basic, expanded, additional) plus "record" for
# things written down at a visit that are not scored (medications, adverse events).
INSTRUMENT_SETS = ("basic", "expanded", "additional", "record")


@dataclass(frozen=True)
class VisitWindow:
    before_days: int
    after_days: int
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class VisitDefinition:
    id: str
    label: str
    offset_months: int
    window: VisitWindow
    instruments: tuple[str, ...]
    optional_instruments: tuple[str, ...]
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class Instrument:
    id: str
    label: str
    set: str
    source: str
    status: RuleStatus
