"""How an instrument declares itself, once (architecture, "One registry per concept").

A ``VisitInstrument`` is one part of a visit: a section of the visit form, the form(s) it
fills in an export, what a protocol's visit may list to ask for it, what must be entered
to complete it, the one line the form shows for it, how its stored items are scored, its
export columns and their computed values, and what it prints. Each instrument module
ends with its declaration; ``app.domain.instruments.registry`` lists them in form order,
and every layer (visit form, exports, import, PDFs, protocol loader) reads them from there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from app.domain.instruments.data_dictionary import ExportContext, Form
from app.domain.instruments.printed import Finding, OutcomeRow, PaperBlock
from app.domain.visit_values import ItemEntry

if TYPE_CHECKING:
    from app.domain.visit_response import VisitResponse
    from app.domain.visit_scores import VisitScores

Values = Mapping[str, Mapping[str, ItemEntry]]


@dataclass(frozen=True)
class Requirement:
    """Something that must be entered (or explained) before the visit is complete.

    ``rule`` "all": every item; "any": at least one of ``items``; "first_or_rest": the
    first item, or all of the others (CMAS item 5 or its six sit-up variants). A missing
    reason on any of the items explains the requirement.
    """

    code: str
    section: str
    instrument: str
    items: tuple[str, ...]
    label: str
    rule: str = "all"


def requirement_met(requirement: Requirement, values: Values) -> bool:
    entries = values.get(requirement.instrument, {})
    present = [entries.get(i) is not None and entries[i].has_value for i in requirement.items]
    if requirement.rule == "first_or_rest":
        return present[0] or all(present[1:])
    return any(present) if requirement.rule == "any" else all(present)


def requirement_explained(requirement: Requirement, values: Values) -> bool:
    entries = values.get(requirement.instrument, {})
    return any(entries.get(i) is not None and entries[i].missing_reason for i in requirement.items)


def unmet_requirements(
    requirements: tuple[Requirement, ...], values: Values
) -> tuple[Requirement, ...]:
    """Required items neither entered nor explained by a missing reason."""
    return tuple(
        r
        for r in requirements
        if not requirement_met(r, values) and not requirement_explained(r, values)
    )


@dataclass(frozen=True)
class VisitContext:
    """What, besides the values, decides an instrument's requirements and its line in the
    visit form: the protocol ids the visit lists as required (``required``) and shown
    (``shown``; None at an unscheduled visit: everything), the MMT8 variant and MRI answer
    recorded, the measurements the arm monitors, whether the arm's dose needs the height,
    and for the lines: the plan, arm and prescriptions, the baseline visit's values and the
    number of adverse events."""

    required: frozenset[str] = frozenset()
    shown: frozenset[str] | None = None
    mmt8_variant: str = "unilateral"
    mri_done: bool = False
    monitoring: tuple[str, ...] = ()
    needs_height: bool = False
    protocol: Any = None  # app.domain.protocol.Protocol (not imported: the loader reads us)
    arm_id: str | None = None
    prescriptions: tuple = ()
    baseline_values: Values | None = None
    adverse_events: int = 0
    arm_option: str = ""
    arm_started_on: date | None = None
    date_of_birth: date | None = None
    visit_date: date | None = None

    def listed(self, protocol_id: str) -> bool:
        """Whether the visit shows this protocol instrument (everything when unscheduled)."""
        return self.shown is None or protocol_id in self.shown


@dataclass(frozen=True)
class Summary:
    """The instrument's line in the visit form's section list, e.g. "38/52"."""

    text: str
    complete: bool


@dataclass(frozen=True)
class VisitInstrument:
    """One instrument of a visit, declared once (see the module docstring).

    ``id`` names its form section and its export form; ``protocol_ids`` are what a
    protocol's ``[[instruments]]`` and visits may list for it; ``stored`` the storage keys
    of its items (``app.db.visits``). ``unscheduled``: offered at an unscheduled visit;
    ``follow_up_only``: shown only after baseline (the response). Every callable is
    optional: an instrument without a score has no ``export_values``, one that prints
    nothing has no ``outcome_rows``.
    """

    id: str
    label: str
    protocol_ids: tuple[str, ...] = ()
    stored: tuple[str, ...] = ()
    unscheduled: bool = True
    follow_up_only: bool = False
    # What must be entered when a visit requires one of its protocol ids.
    requirements: Callable[[str, VisitContext], list[Requirement]] | None = None
    # The section list line for stored values not (yet) shown in a section widget.
    summary: Callable[[Values, VisitContext], Summary] | None = None
    # The score: the visit's stored values -> the instrument's result with its derivation
    # (None when it has no stored items); ``explain`` False leaves out the words.
    score: Callable[[Values, bool], Any] | None = None
    # Export: the forms (fields + stored item -> column), then the computed values
    # (column -> number, text, code list or None) from the visit's scores and response.
    export_forms: Callable[[ExportContext], tuple[Form, ...]] | None = None
    export_values: Callable[[VisitScores, VisitResponse | None], dict[str, object]] | None = None
    # Printing: outcome rows (scores now and at baseline, values now and at baseline),
    # a findings line, and the blank worksheet's blocks.
    outcome_rows: Callable[[VisitScores, VisitScores | None, Values, Values | None],
                           list[OutcomeRow]] | None = None
    findings: Callable[[Values], list[Finding]] | None = None
    # Lines for the printout's missing items: what could not be scored, and why.
    unscored: Callable[[VisitScores], list[str]] | None = None
    paper: Callable[[], tuple[PaperBlock, ...]] | None = None
    paper_always: bool = False  # printed on every worksheet, whatever the visit lists
    # Entry items' display names by code (missing-item lists, messages).
    item_labels: Callable[[], dict[str, str]] | None = None


__all__ = [
    "Requirement",
    "Summary",
    "Values",
    "VisitContext",
    "VisitInstrument",
    "requirement_explained",
    "requirement_met",
    "unmet_requirements",
]


def score_of_section(section: str, scorer: Callable[..., Any]) -> Callable[[Values, bool], Any]:
    """The ``score`` of an instrument whose items are stored under one section key and
    scored by ``scorer(entries, explain=...)``: nothing entered gives no score."""

    def score(values: Values, explain: bool) -> Any:
        entries = values.get(section)
        return scorer(entries, explain=explain) if entries else None

    return score
