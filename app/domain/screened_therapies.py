"""Current or previous therapies a screening recorded, carried forward.

A screening asks "corticosteroids: previous or current, since when" and the same for
methotrexate, hydroxychloroquine and IVIG. Those answers were typed again at enrollment
(concomitant medication) and in the prior-therapy history; here they are read once from
the screening's facts so both can offer them.

The plans name these details ``<therapy>_use`` (choice previous / current) and
``<therapy>_started_on`` (date); the therapy part names the drug, except corticosteroids,
recorded in the history as prednisone (or equivalent), the plans' reference steroid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

USE_SUFFIX, STARTED_SUFFIX = "_use", "_started_on"
DRUG_OF = {"corticosteroid": "prednisone"}


@dataclass(frozen=True)
class ScreenedTherapy:
    drug: str  # generic name as the prior-therapy history records it
    current: bool  # "current" at screening; else "previous (stopped)"
    started_on: date | None


def screened_therapies(facts: dict[str, Any]) -> list[ScreenedTherapy]:
    """The therapies the screening facts record, in the order they were asked."""
    found = []
    for key, value in facts.items():
        if not key.endswith(USE_SUFFIX) or value not in ("current", "previous"):
            continue
        stem = key.removesuffix(USE_SUFFIX)
        started = facts.get(stem + STARTED_SUFFIX)
        try:
            day = date.fromisoformat(started) if isinstance(started, str) else None
        except ValueError:
            day = None
        found.append(ScreenedTherapy(DRUG_OF.get(stem, stem), value == "current", day))
    return found


def current_drugs(facts: dict[str, Any]) -> set[str]:
    return {t.drug for t in screened_therapies(facts) if t.current}
