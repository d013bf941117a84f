"""The one path from a visit's stored items to its scores, used by the visit form, the
printed visit summary and every export (architecture, "One path from stored items to
scores").

Each instrument scores its own stored items (the ``score`` it declares in the instrument
registry) and nothing is imputed. A stored value the domain refuses (data out of range) is reported
in ``problems`` and the score that needs it is left blank rather than stopping an export.
``explain=False`` gives the same numbers without the worded derivations (bulk exports).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.instruments import enzymes
from app.domain.instruments.chaq import ChaqResult
from app.domain.instruments.cmas import CmasResult
from app.domain.instruments.common import InstrumentInputError
from app.domain.instruments.enzymes import EnzymeMeasurement, EnzymeTimesUln, times_uln
from app.domain.instruments.mmt8 import Mmt8Result
from app.domain.instruments.registry import INSTRUMENTS
from app.domain.response import PrintoResult, printo_inactive
from app.domain.visit_values import ItemEntry

StoredValues = Mapping[str, Mapping[str, ItemEntry]]
# The stored instruments ``score_visit`` reads (an export gathers only these for it).
SCORED_INSTRUMENTS = frozenset({"cmas", "chaq", "mmt8", "enzymes", "global", "cdasi"})


@dataclass
class VisitScores:
    """The results of one visit: each scored instrument's by its id (absent: the instrument
    has no stored items), the enzymes ×ULN, the global assessments and PRINTO."""

    results: dict[str, Any] = field(default_factory=dict)
    enzymes: dict[str, EnzymeTimesUln] = field(default_factory=dict)  # ×ULN per enzyme
    measurements: list[EnzymeMeasurement] = field(default_factory=list)  # the usable ones
    pga: float | None = None
    parent_global: float | None = None
    extramuscular: float | None = None
    printo: PrintoResult | None = None
    problems: list[str] = field(default_factory=list)

    # The results the response criteria read by name (clinical-rules §3).
    @property
    def cmas(self) -> CmasResult | None:
        return self.results.get("cmas")

    @property
    def chaq(self) -> ChaqResult | None:
        return self.results.get("chaq")

    @property
    def mmt8(self) -> Mmt8Result | None:
        return self.results.get("mmt8")


# The instruments that declare a score, in registry order.
SCORED = tuple(i for i in INSTRUMENTS if i.score is not None)


def global_value(values: StoredValues, code: str) -> float | None:
    """A global assessment (10 cm VAS) as stored, or None."""
    entry = values.get("global", {}).get(code)
    return None if entry is None else entry.value_num


def score_visit(values: StoredValues, *, explain: bool = True) -> VisitScores:
    """The instrument totals, enzymes ×ULN, global assessments and PRINTO status of one
    visit from its stored items (``explain=False``: the same numbers without the worded
    explanations)."""
    out = VisitScores()
    results = out.results
    for declared in SCORED:
        try:
            result = declared.score(values, explain)  # type: ignore[misc]
        except InstrumentInputError as exc:  # e.g. an MMT8 variant not recorded as one
            out.problems.append(str(exc))
            continue
        if result is not None:
            results[declared.id] = result
    enzyme_entries = values.get("enzymes") or {}
    for measurement in enzymes.measurements_of(enzyme_entries):
        try:
            out.enzymes[measurement.enzyme] = times_uln(measurement, explain=explain)
        except InstrumentInputError as exc:
            out.problems.append(str(exc))
            continue
        out.measurements.append(measurement)
    globals_ = values.get("global")
    if globals_:
        out.pga, out.parent_global, out.extramuscular = (
            None if (entry := globals_.get(code)) is None else entry.value_num
            for code in ("pga_activity", "parent_global_activity", "mdaat_extramuscular"))
    # PRINTO reads the CK value as entered: a CK without a ULN still counts.
    ck = enzyme_entries.get("ck")
    try:
        out.printo = printo_inactive(
            ck=None if ck is None else ck.value_num,
            ck_unit=(ck.unit if ck is not None and ck.unit else "U/L"),
            cmas=None if out.cmas is None else out.cmas.total,
            mmt8=None if out.mmt8 is None else out.mmt8.total,
            mmt8_variant=(out.mmt8.variant if out.mmt8 is not None else "unilateral"),
            pga=out.pga,
            explain=explain,
        )
    except InstrumentInputError as exc:
        out.problems.append(str(exc))
    return out


__all__ = ["SCORED_INSTRUMENTS", "StoredValues", "VisitScores", "global_value", "score_visit"]
