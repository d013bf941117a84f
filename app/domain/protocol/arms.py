"""Treatment arms of a plan: the doses given on each arm, the choices (options) inside an
arm, the rules about when an arm is offered, what may continue, where a patient may
switch and what to monitor; and the limits on concomitant medicines."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from app.domain.errors import InputError
from app.domain.protocol.doses import DoseRule
from app.domain.protocol.eligibility import Condition
from app.domain.protocol.provenance import RuleStatus


class ArmRuleKind(StrEnum):
    UNAVAILABLE_IF = "unavailable_if"  # arm not offered when the condition holds
    MAY_CONSIDER = "may_consider"  # the provider may still consider it (record why)
    MAY_CONTINUE = "may_continue"  # current medications that may continue on this arm
    MAY_SWITCH_TO = "may_switch_to"  # other arms a patient may move to, and why
    MONITORING = "monitoring"  # measurements to prompt for at visits on this arm


@dataclass(frozen=True)
class ArmRule:
    kind: ArmRuleKind
    text: str
    source: str
    status: RuleStatus
    when: Condition | None = None
    drugs: tuple[str, ...] = ()
    arms: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()
    measurements: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArmOption:
    """A choice inside an arm (drug, route or regimen), e.g. adalimumab or infliximab in
    the TNF-inhibitor arm; doses naming it are given only when it is chosen."""

    id: str
    label: str
    source: str
    status: RuleStatus
    summary: str = ""
    note: str = ""
    default: bool = False  # offered first and used when no option is chosen


@dataclass(frozen=True)
class Arm:
    id: str
    name: str
    summary: str
    doses: tuple[DoseRule, ...]
    rules: tuple[ArmRule, ...]
    source: str
    status: RuleStatus
    options: tuple[ArmOption, ...] = ()

    def rules_of(self, kind: ArmRuleKind) -> tuple[ArmRule, ...]:
        return tuple(r for r in self.rules if r.kind is kind)

    @property
    def option_ids(self) -> tuple[str, ...]:
        return tuple(o.id for o in self.options)

    @property
    def default_option(self) -> ArmOption | None:
        """The option the plan names as its default (e.g. the RIM rituximab regimen)."""
        return next((o for o in self.options if o.default), None)

    @property
    def drugs(self) -> tuple[str, ...]:
        """The arm's drugs (every option), in file order, without repeats."""
        return tuple(dict.fromkeys(d.drug for d in self.doses))

    def option(self, option_id: str) -> ArmOption:
        """The option with this id (case-insensitive, "-" read as "_"); InputError lists
        the valid options."""
        wanted = str(option_id).strip().casefold().replace("-", "_")
        for opt in self.options:
            if opt.id.casefold() == wanted:
                return opt
        valid = ", ".join(f"{o.id} ({o.label})" for o in self.options) or "(this arm has none)"
        raise InputError(
            "option",
            f'Arm {self.id} ({self.name}) has no option "{str(option_id).strip()}". '
            f"Choose one of: {valid}.",
        )

    def doses_for(self, option_id: str | None) -> tuple[DoseRule, ...]:
        """Doses given under one option (plus doses common to all options); all doses
        when ``option_id`` is None."""
        if option_id is None:
            return self.doses
        chosen = self.option(option_id).id
        return tuple(d for d in self.doses if d.option in (None, chosen))

    def drugs_for(self, option_id: str | None) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d.drug for d in self.doses_for(option_id)))


@dataclass(frozen=True)
class ConcomitantLimit:
    id: str
    label: str
    rule: DoseRule
    note: str = ""
