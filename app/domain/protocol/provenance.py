"""How firm a protocol rule is: every rule in a protocol file names its ``source`` and
its ``status`` (clinical rules preamble), so the app can show a provisional number as
provisional wherever a clinician sees it."""

from __future__ import annotations

from enum import StrEnum


class RuleStatus(StrEnum):
    """How firmly a rule is established (clinical rules preamble)."""

    SEED = "seed"  # stated in a source paper in shared/seeds
    PUBLISHED = "published"  # confirmed from a primary publication or label
    PROVISIONAL = "provisional"  # best reading, not yet confirmed: show it as such
