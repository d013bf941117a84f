"""Which widget shows each visit instrument: the form-side half of the instrument
registry (``app.domain.instruments.registry``). A section only maps widgets to values;
the rules, scores and requirements are the domain's.

To add an instrument's section: write it in this package and add its builder to
``SECTION_WIDGETS`` (docs/architecture.md).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from app.domain.instruments.globals import GLOBALS_BY_CODE
from app.domain.visit_values import VisitValues
from app.forms.visit_sections import Section
from app.forms.visit_sections.adverse_events import AdverseEventsSection
from app.forms.visit_sections.baseline_tests import AutoantibodiesSection, MriSection
from app.forms.visit_sections.cdasi import CdasiSection
from app.forms.visit_sections.chaq import ChaqSection
from app.forms.visit_sections.cmas import CmasSection
from app.forms.visit_sections.enzymes import EnzymesSection
from app.forms.visit_sections.globals import GlobalsSection
from app.forms.visit_sections.medications import MedicationsSection
from app.forms.visit_sections.mmt8 import Mmt8Section
from app.forms.visit_sections.response import ResponseSection
from app.forms.visit_sections.skin import SkinSection
from app.forms.visit_sections.steroid_exposure import SteroidExposureSection
from app.forms.visit_sections.sun_protection import SunProtectionSection


@dataclass(frozen=True)
class SectionContext:
    """What a section may need besides the values, gathered once per visit form."""

    follow_up: bool
    shown: frozenset[str] | None  # protocol instrument ids of the visit (None: unscheduled)
    age_years: float | None = None
    baseline_values: VisitValues | None = None
    previous_label: str = "the last visit"
    protocol: Any = None
    arm_id: str | None = None
    prescriptions: tuple = ()
    monitoring: tuple[str, ...] = ()
    today: date | None = None
    arm_option: str = ""  # the arm's option chosen at enrollment (its doses only)
    arm_started_on: date | None = None  # where a taper course is counted from
    date_of_birth: date | None = None  # drugs labelled from an age
    sex: str = ""  # with the date of birth, weight and height judged (CDC 2000)
    enrollment_date: date | None = None  # an adverse event cannot end before it


def _globals(ctx: SectionContext) -> Section:
    if ctx.shown is None:
        return GlobalsSection(None)
    return GlobalsSection(tuple(code for code in GLOBALS_BY_CODE if code in ctx.shown))


SECTION_WIDGETS: dict[str, Callable[[SectionContext], Section]] = {
    "globals": _globals,
    "cmas": lambda ctx: CmasSection(ctx.age_years),
    "chaq": lambda ctx: ChaqSection(),
    "mmt8": lambda ctx: Mmt8Section(),
    "enzymes": lambda ctx: EnzymesSection(ctx.baseline_values if ctx.follow_up else None,
                                          born=ctx.date_of_birth, today=ctx.today),
    "skin": lambda ctx: SkinSection(follow_up=ctx.follow_up, previous_label=ctx.previous_label),
    "cdasi": lambda ctx: CdasiSection(),
    "sun_protection": lambda ctx: SunProtectionSection(),
    "mri": lambda ctx: MriSection(ctx.date_of_birth, ctx.today),
    "autoantibodies": lambda ctx: AutoantibodiesSection(),
    "medications": lambda ctx: MedicationsSection(ctx.protocol, ctx.arm_id,
                                                  ctx.prescriptions, ctx.monitoring,
                                                  ctx.today, ctx.arm_option,
                                                  ctx.arm_started_on, ctx.date_of_birth,
                                                  ctx.sex),
    "steroid_exposure": lambda ctx: SteroidExposureSection(ctx.follow_up),
    "adverse_events": lambda ctx: AdverseEventsSection(ctx.today, ctx.enrollment_date),
    "response": lambda ctx: ResponseSection(ctx.baseline_values),
}


def make_section(instrument_id: str, ctx: SectionContext) -> Section:
    """The widget of a registry instrument (KeyError for one without a section)."""
    section = SECTION_WIDGETS[instrument_id](ctx)
    section.adopt_unplaced()
    return section


__all__ = ["SECTION_WIDGETS", "SectionContext", "make_section"]
