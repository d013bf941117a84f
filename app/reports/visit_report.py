"""Plain data for the printed documents of one visit (filled by
``app.exports.visit_report_data``; read by the three PDF writers)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from app.domain.phrases import Joined, Phrase, phrase
from app.domain.visit_values import ItemEntry
from app.reports.words import PDF, Words, fill


@dataclass(frozen=True)
class DoseLine:
    drug: str
    role: str
    amount: float | None
    final_amount: float | None
    unit: str
    per: str
    frequency: str
    route: str
    capped: bool
    derivation: str
    source: str
    override_reason: str | None
    inputs: dict
    start_date: date | None
    status: str
    calculated: bool = True


NO_REASON = phrase("")


@dataclass(frozen=True)
class ArmLine:
    arm_id: str
    arm_name: str
    start_date: date
    end_date: date | None
    reason: str
    # the coded reasons in words ("other" with its text): str() the English
    why_chosen: Phrase | Joined = NO_REASON
    why_stopped: Phrase | Joined = NO_REASON


@dataclass(frozen=True)
class AdverseEventLine:
    description: str
    onset_date: date | None
    resolved_date: date | None
    serious: bool
    relation: str | None
    action_taken: str | None
    category: str | None = None
    severity: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class PastVisit:
    """An earlier (or this) visit of the same enrollment, for the trend charts."""

    label: str
    visit_code: str
    on: date | None
    items: dict[str, dict[str, ItemEntry]]


@dataclass
class VisitReport:
    site: str
    study_id: str
    patient_name: str
    date_of_birth: date | None
    sex: str
    protocol_id: str
    protocol_title: str
    protocol_version: str
    enrollment_date: date | None
    arm: str
    arms: list[ArmLine]
    visit_code: str
    visit_label: str
    occurrence: int
    visit_date: date | None
    target_date: date | None
    window_start: date | None
    window_end: date | None
    status: str
    items: dict[str, dict[str, ItemEntry]] = field(default_factory=dict)
    baseline_items: dict[str, dict[str, ItemEntry]] | None = None
    history: list[PastVisit] = field(default_factory=list)
    doses: list[DoseLine] = field(default_factory=list)
    adverse_events: list[AdverseEventLine] = field(default_factory=list)
    instruments_due: tuple[str, ...] = ()
    # What on this report rests on a provisional rule, in words (empty when nothing does).
    provisional_notes: tuple[str, ...] = ()
    signed_by: str | None = None
    signed_at: datetime | None = None
    signature_meaning: str | None = None
    # "signature valid", "content changed after signing", ... (app.db.signatures)
    signature_status: str | None = None
    # The audit trail's newest entry when the document was made, printed on every page:
    # a copy of the chain's head held outside the database.
    audit_head: str = ""
    weight_kg: float | None = None
    weight_measured_on: date | None = None
    height_cm: float | None = None
    # ", site plan, file SHA-256 …" when the enrollment's file is a site's own plan.
    plan_origin: str = ""
    # The study's enrollment facts (issue 18): disease dates and duration at enrollment,
    # self-reported background in words, the infusions given up to this visit.
    onset_date: date | None = None
    diagnosis_date: date | None = None
    disease_months: Decimal | None = None  # app.domain.disease_history.disease_duration_at
    # self-reported race and ethnicity: (context of its label, its label), in that order
    background: tuple[tuple[str, str], ...] = ()
    infusions_given: int = 0
    last_infusion: date | None = None

    @property
    def protocol_line(self) -> str:
        """The plan as every printed document names it."""
        return (f"{self.protocol_title or self.protocol_id} "
                f"(version {self.protocol_version}{self.plan_origin})")

    def visit_words(self, words: Words) -> str:
        """The plan's visit name ("Month 6") in ``words``' language, from the plan-text
        catalogue as the screen has it (the visit's code when it has no name)."""
        return words.plan_text(self.visit_label) if self.visit_label else self.visit_code

    def protocol_words(self, words: Words) -> str:
        """``protocol_line`` in ``words``' language (the plan's title from its catalogue)."""
        return fill(words.translate("PDF", "%1 (version %2%3)"),
                    words.plan_text(self.protocol_title or self.protocol_id),
                    self.protocol_version, words.sentences(PDF, self.plan_origin))
