"""The open vocabularies of the installed plans that become export columns: every
screening criterion and every drug a plan names (arm doses and rules, concomitant
limits, drug lists). Taken from the plans alone, never from the data, so that the data
dictionary is the same for every database with the same plans."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from app.domain.protocol.plan import Protocol


@lru_cache(maxsize=4096)  # an export asks for the same few names hundreds of thousands of times
def drug_code(name: str) -> str:
    """The code a drug's name is stored under on the medications form
    (``<code>_dose``, ``<code>_frequency``): "Mycophenolate mofetil" ->
    ``mycophenolate_mofetil``."""
    return re.sub(r"[^a-z0-9]+", "_", name.strip().casefold()).strip("_")


def plan_criteria(protocols: Iterable[Protocol]) -> tuple[str, ...]:
    """Every criterion id of the plans, sorted, without repeats."""
    return tuple(sorted({c.id for p in protocols for c in p.criteria}))


def plan_drug_names(protocols: Iterable[Protocol]) -> tuple[str, ...]:
    """Every drug the plans name (drug lists, arm doses and rules, prior-therapy rules,
    concomitant limits), sorted, without repeats: the drugs offered for prior therapy
    and medications, and the only drug names an export writes."""
    names: set[str] = set()
    for p in protocols:
        for arm in p.arms:
            names.update(d.drug for d in arm.doses)
            names.update(drug for rule in arm.rules for drug in rule.drugs)
        names.update(drug for rule in p.prior_therapy_rules for drug in rule.drugs)
        names.update(limit.rule.drug for limit in p.concomitant_limits)
        names.update(drug for group in p.drug_groups for drug in group.drugs)
    return tuple(sorted(names))


def plan_drugs(protocols: Iterable[Protocol]) -> tuple[str, ...]:
    """The codes of :func:`plan_drug_names`, sorted, without repeats."""
    return tuple(sorted({drug_code(n) for n in plan_drug_names(protocols) if drug_code(n)}))


__all__ = ["drug_code", "plan_criteria", "plan_drug_names", "plan_drugs"]
