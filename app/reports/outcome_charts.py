"""A child's outcomes over time as charts (``app.reports.charts``): one per outcome that
has data, all on the same dates, with arm changes as vertical lines.

The scales come from the instruments (CMAS 0-52, MMT8 0-80 or 0-150, CHAQ 0-3, 10 cm
VAS, TIS 0-100 from its point table) and each maximum is a labelled tick. The enzyme
chart starts at zero with the upper limit of normal always in view: a truncated axis
would make a wobble within the normal range look like a flare. Series are what
``app.db.outcome_trends.trend_series`` computed (incomplete totals left out, never imputed).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from app.domain.instruments.chaq import MAXIMUM_INDEX as CHAQ_MAXIMUM
from app.domain.instruments.cmas import MAXIMUM_TOTAL as CMAS_MAXIMUM
from app.domain.instruments.enzymes import ENZYMES_BY_CODE
from app.domain.instruments.globals import GLOBALS_BY_CODE
from app.domain.instruments.mmt8 import MAXIMUM_TOTAL as MMT8_MAXIMUM
from app.domain.instruments.mmt8 import Mmt8Variant
from app.domain.response import JDM_TIS_THRESHOLDS, PRINTO_REQUIRED, TIS_POINT_TABLE
from app.reports.charts import (
    GREEN,
    RED,
    Axis,
    Chart,
    Marker,
    Orientation,
    Rule,
    Series,
    Shape,
    Stroke,
    date_axis,
    day,
    upper_limit,
)

Points = Sequence[tuple[date, float]]

# The TIS is a sum of points per core measure (Rider 2017, Table 3): its maximum is the sum
# of each measure's top band (20 + 10 + 32.5 + 10 + 7.5 + 20 = 100).
TIS_MAXIMUM = float(sum(max(b.points for b in bands) for bands in TIS_POINT_TABLE.values()))
# PRINTO clinically inactive disease has four criteria: CK, CMAS, MMT8 and physician
# global (clinical-rules §3.1); PRINTO_REQUIRED of them make a visit inactive.
PRINTO_CRITERIA = 4
ULN = 1.0  # the enzyme chart is in multiples of the upper limit of normal


@dataclass(frozen=True)
class OutcomePanel:
    key: str  # the series name in app.db.outcome_trends.trend_series
    title: str
    maximum: float | None  # a fixed scale 0..maximum; None: from the data (enzymes)
    whole_numbers: bool = False


def _vas_maximum(code: str) -> float:
    maximum = GLOBALS_BY_CODE[code].maximum
    assert maximum is not None  # every global assessment is a 10 cm VAS
    return float(maximum)


PANELS: tuple[OutcomePanel, ...] = (
    OutcomePanel("cutaneous_vas", "Cutaneous activity VAS (cm)",
                 _vas_maximum("mdaat_cutaneous_vas")),
    OutcomePanel("pga", "Physician global activity (cm)", _vas_maximum("pga_activity")),
    OutcomePanel("cmas", f"CMAS (0-{CMAS_MAXIMUM})", float(CMAS_MAXIMUM)),
    OutcomePanel("chaq_di", f"CHAQ disability index (0-{CHAQ_MAXIMUM})", float(CHAQ_MAXIMUM)),
    OutcomePanel("mmt8_unilateral", f"MMT8 unilateral (0-{MMT8_MAXIMUM[Mmt8Variant.UNILATERAL]})",
                 float(MMT8_MAXIMUM[Mmt8Variant.UNILATERAL])),
    OutcomePanel("mmt8_bilateral", f"MMT8 bilateral (0-{MMT8_MAXIMUM[Mmt8Variant.BILATERAL]})",
                 float(MMT8_MAXIMUM[Mmt8Variant.BILATERAL])),
    OutcomePanel("enzyme_x_uln", "Most abnormal enzyme (× ULN)", None),
    OutcomePanel("tis", "Total improvement score (provisional)", TIS_MAXIMUM),
    OutcomePanel("printo_met", f"PRINTO criteria met (of {PRINTO_CRITERIA})",
                 float(PRINTO_CRITERIA), whole_numbers=True),
)
PANELS_BY_KEY = {p.key: p for p in PANELS}


def shown_panels(series: Mapping[str, Points]) -> list[str]:
    """The outcomes with at least one point, in PANELS order; the cutaneous VAS (the
    primary outcome of the skin plan) as an empty chart if there is nothing at all."""
    shown = [p.key for p in PANELS if series.get(p.key)]
    return shown or [PANELS[0].key]


def _title(panel: OutcomePanel, followed_enzyme: str | None) -> str:
    if panel.key == "enzyme_x_uln" and followed_enzyme:
        enzyme = ENZYMES_BY_CODE.get(followed_enzyme)
        name = enzyme.short if enzyme else followed_enzyme
        return f"{name[:1].upper()}{name[1:]} (× ULN, most abnormal)"
    return panel.title


def _y_axis(panel: OutcomePanel, points: Points) -> Axis:
    if panel.maximum is not None:
        return Axis(0.0, panel.maximum, always_labelled=(0.0, panel.maximum),
                    whole_numbers=panel.whole_numbers)
    # Enzymes: from zero, the ULN line inside with a fifth of the axis above it at least.
    top = upper_limit((v for _d, v in points), at_least=1.2 * ULN)
    return Axis(0.0, top, always_labelled=(0.0,))


def _rules(panel: OutcomePanel, arm_changes: Sequence[tuple[date, str]]) -> list[Rule]:
    rules: list[Rule] = []
    if panel.key == "enzyme_x_uln":
        rules.append(Rule(Orientation.HORIZONTAL, ULN, "ULN"))
    elif panel.key == "printo_met":
        rules.append(Rule(Orientation.HORIZONTAL, float(PRINTO_REQUIRED),
                          f"inactive: {PRINTO_REQUIRED} of {PRINTO_CRITERIA}"))
    elif panel.key == "tis":
        rules += [Rule(Orientation.HORIZONTAL, float(threshold), category.value)
                  for threshold, category in JDM_TIS_THRESHOLDS]
    rules += [Rule(Orientation.VERTICAL, day(when), f"arm {arm}", RED, Stroke.DASHED)
              for when, arm in arm_changes]
    return rules


def outcome_charts(series: Mapping[str, Points], followed_enzyme: str | None,
                   arm_changes: Sequence[tuple[date, str]]) -> list[Chart]:
    """One chart per outcome with data (``shown_panels``), all on one date axis.

    ``series``: outcome key -> (date, value), as ``trend_series`` gives them, including
    "printo_inactive" (the visits that were inactive, drawn on the PRINTO chart).
    ``arm_changes``: (start date, arm) with the initial arm first (it is not a change).
    """
    changes = list(arm_changes[1:])
    dates = [d for points in series.values() for d, _v in points] + [d for d, _a in changes]
    x = date_axis(dates)
    charts = []
    for key in shown_panels(series):
        panel = PANELS_BY_KEY[key]
        points = series.get(key, ())
        lines = [Series(panel.title, tuple((day(d), v) for d, v in points))]
        if key == "printo_met" and series.get("printo_inactive"):
            lines.append(Series(
                "inactive", tuple((day(d), v) for d, v in series["printo_inactive"]),
                shape=Shape.MARKERS, marker=Marker.CIRCLE, colour=GREEN, marker_size=5.0,
                in_legend=True))
        charts.append(Chart(key, _title(panel, followed_enzyme), x, _y_axis(panel, points),
                            series=tuple(lines), rules=tuple(_rules(panel, changes))))
    return charts


def arm_change_note(arm_changes: Sequence[tuple[date, str]]) -> str:
    note = "Dashed red lines: arm changes." if len(arm_changes) > 1 else "No arm changes."
    return note + " Incomplete totals are not plotted (never imputed)."
