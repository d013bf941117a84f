"""A consensus treatment plan as loaded from its file: eligibility, arms, concomitant
limits, dosing schedules, visits and instruments, counselling and notes, with the file's
hash (architecture, "Protocols are data": each enrollment records the protocol id,
version and hash it was made under)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.errors import ProtocolFileError, UnknownArmError
from app.domain.protocol.arms import Arm, ConcomitantLimit
from app.domain.protocol.doses import ScheduleSpec
from app.domain.protocol.eligibility import Criterion, CriterionGroup, DetailField
from app.domain.protocol.prior_therapy_rules import DrugGroup, HalfLife, PriorTherapyRule
from app.domain.protocol.provenance import RuleStatus
from app.domain.protocol.visits import Instrument, VisitDefinition


@dataclass(frozen=True)
class Counselling:
    id: str
    text: str
    record: bool
    source: str
    status: RuleStatus


@dataclass(frozen=True)
class Note:
    id: str
    text: str
    source: str
    status: RuleStatus


class PlanOrigin(StrEnum):
    """Where a plan's file comes from: shipped with the application or a site's own folder
    (a site plan is named as such, with its file hash, wherever the plan is named)."""

    SHIPPED = "shipped"
    SITE = "site"


@dataclass(frozen=True)
class Protocol:
    id: str
    version: str
    title: str
    citation: str
    source: str
    status: RuleStatus
    notice: str
    criteria: tuple[Criterion, ...]
    arms: tuple[Arm, ...]
    concomitant_limits: tuple[ConcomitantLimit, ...]
    schedules: tuple[ScheduleSpec, ...]
    visits: tuple[VisitDefinition, ...]
    instruments: tuple[Instrument, ...]
    counselling: tuple[Counselling, ...]
    notes: tuple[Note, ...]
    content_hash: str  # sha256 hex of the file bytes, recorded with each enrollment
    path: str
    drug_groups: tuple[DrugGroup, ...] = ()
    prior_therapy_rules: tuple[PriorTherapyRule, ...] = ()
    half_lives: tuple[HalfLife, ...] = ()
    origin: PlanOrigin = PlanOrigin.SHIPPED  # set by the catalog from the file's folder

    @property
    def site_plan(self) -> bool:
        return self.origin is PlanOrigin.SITE

    @property
    def origin_words(self) -> str:
        """How the plan is named beside its title and version: nothing for a shipped plan,
        "site plan, file SHA-256 <first 12 hex digits>" for a site's own file."""
        return site_plan_words(self.content_hash) if self.site_plan else ""

    @property
    def named_version(self) -> str:
        """"version V", and for a site plan ", site plan, file SHA-256 …" (wizards)."""
        return f"version {self.version}" + (f", {self.origin_words}" if self.site_plan else "")

    def half_life(self, drug: str) -> HalfLife | None:
        return next((h for h in self.half_lives if h.drug == drug), None)

    @property
    def provisional(self) -> bool:
        """True when the plan as a whole is provisional (show the banner everywhere)."""
        return self.status is RuleStatus.PROVISIONAL

    def drug_group(self, group_id: str) -> DrugGroup:
        for g in self.drug_groups:
            if g.id == group_id:
                return g
        raise KeyError(group_id)

    def group_drugs(self, group_ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for g in group_ids for d in self.drug_group(g).drugs))

    def prior_therapy_rules_for(self, arm_id: str) -> tuple[PriorTherapyRule, ...]:
        arm = self.arm(arm_id)
        return tuple(r for r in self.prior_therapy_rules if r.applies_to(arm.id))

    @property
    def arm_ids(self) -> tuple[str, ...]:
        return tuple(a.id for a in self.arms)

    def arm(self, arm_id: str) -> Arm:
        """The arm with this id (case-insensitive); UnknownArmError lists the valid arms."""
        wanted = str(arm_id).strip().casefold()
        for arm in self.arms:
            if arm.id.casefold() == wanted:
                return arm
        raise UnknownArmError(
            str(arm_id).strip(), [f"{a.id} ({a.name})" for a in self.arms], self.id
        )

    def criteria_in(self, group: CriterionGroup | str) -> tuple[Criterion, ...]:
        group = CriterionGroup(group)
        return tuple(c for c in self.criteria if c.group is group)

    def criterion(self, criterion_id: str) -> Criterion:
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise KeyError(criterion_id)

    def detail_field(self, field_id: str) -> DetailField:
        for c in self.criteria:
            for d in c.details:
                if d.id == field_id:
                    return d
        raise KeyError(field_id)

    def schedule(self, schedule_id: str) -> ScheduleSpec:
        for s in self.schedules:
            if s.id == schedule_id:
                return s
        raise KeyError(schedule_id)

    def visit(self, visit_id: str) -> VisitDefinition:
        for v in self.visits:
            if v.id == visit_id:
                return v
        raise KeyError(visit_id)

    def limit(self, limit_id: str) -> ConcomitantLimit:
        for lim in self.concomitant_limits:
            if lim.id == limit_id:
                return lim
        raise KeyError(limit_id)

    def instrument(self, instrument_id: str) -> Instrument:
        for i in self.instruments:
            if i.id == instrument_id:
                return i
        raise KeyError(instrument_id)


HASH_SHOWN = 12  # hex digits of a file's SHA-256 shown beside a site plan's name


def site_plan_words(content_hash: str) -> str:
    return f"site plan, file SHA-256 {content_hash[:HASH_SHOWN]}"


def record_origin_words(
    protocols: Mapping[str, Protocol], protocol_id: str, content_hash: str
) -> str:
    """"site plan, file SHA-256 …" when a record (screening, enrollment) was made under the
    site plan installed here, else "": wherever a plan is named (wizards, patient page,
    printed documents), a site's own file is never mistaken for the shipped one. A file no
    longer installed cannot be told apart and is named by its version alone."""
    plan = protocols.get(protocol_id)
    if plan is not None and plan.site_plan and plan.content_hash == content_hash:
        return plan.origin_words
    return ""


def version_words(
    protocols: Mapping[str, Protocol],
    protocol_id: str,
    version: str,
    content_hash: str,
    *,
    prefix: str = "version ",
) -> str:
    """"version V", with ", site plan, file SHA-256 …" for a site plan (see above)."""
    origin = record_origin_words(protocols, protocol_id, content_hash)
    return f"{prefix}{version}" + (f", {origin}" if origin else "")


@dataclass
class ProtocolCatalog:
    """Protocols on offer, by id, plus the files that were refused (reported, not offered)."""

    protocols: dict[str, Protocol] = field(default_factory=dict)
    rejected: list[ProtocolFileError] = field(default_factory=list)
    replaced: list[Protocol] = field(default_factory=list)  # overridden by a later folder

    def get(self, protocol_id: str) -> Protocol:
        return self.protocols[protocol_id]

    def origin_of(self, protocol_id: str, content_hash: str) -> PlanOrigin | None:
        """Where the file with this hash comes from (offered or replaced here), or None."""
        for plan in (*self.protocols.values(), *self.replaced):
            if plan.id == protocol_id and plan.content_hash == content_hash:
                return plan.origin
        return None
