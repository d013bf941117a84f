"""Derived outcomes (clinical-rules §3): three definitions of JDM response over the core
set measures, each in its own module, with what they share in one.

  ``core_set``           the six core set measures at a visit, their ranges and checks,
                         and the percent-change formula (shared)
  ``total_improvement``  the 2016 ACR/EULAR total improvement score (TIS), §3.2
  ``inactive_disease``   PRINTO clinically inactive disease, §3.1
  ``imacs_improvement``  the IMACS definition of improvement, §3.3

None of them imputes: a missing measure is listed. The PRINTO and IMACS results are
still decided when the missing measures could not change the answer whatever their
values; otherwise they are "undetermined". The TIS is None if any measure is missing.
"""

from app.domain.response.core_set import (
    MEASURE_LABELS,
    MUSCLE_LABELS,
    CoreMeasure,
    CoreSetValues,
    MuscleInstrument,
    MuscleScore,
    ResponseInputError,
    muscle_from_cmas,
    muscle_from_mmt8,
)
from app.domain.response.imacs_improvement import (
    IMACS_IMPROVEMENT_MIN_PERCENT,
    IMACS_MAX_WORSENED,
    IMACS_MEASURE_LABELS,
    IMACS_REQUIRED_IMPROVED,
    IMACS_SOURCE,
    IMACS_WORSENING_MIN_PERCENT,
    ZERO_BASELINE_RULE,
    ImacsMeasureResult,
    ImprovementResult,
    ImprovementStatus,
    MeasureChange,
    imacs_improvement,
)
from app.domain.response.inactive_disease import (
    PRINTO_CK_MAX_U_PER_L,
    PRINTO_CMAS_MIN,
    PRINTO_MMT8_MIN,
    PRINTO_PGA_MAX,
    PRINTO_REQUIRED,
    PRINTO_SOURCE,
    Criterion,
    PrintoResult,
    PrintoStatus,
    printo_inactive,
)
from app.domain.response.total_improvement import (
    JDM_TIS_THRESHOLDS,
    MUSCLE_EDGES,
    STANDARD_EDGES,
    TIS_PERCENT_CHANGE_RULE,
    TIS_POINT_TABLE,
    TIS_SOURCE,
    PercentChangeRule,
    PointBand,
    TisCategory,
    TisMeasureResult,
    TisResult,
    points_for,
    tis_category,
    total_improvement_score,
)

__all__ = [
    "IMACS_IMPROVEMENT_MIN_PERCENT",
    "IMACS_MAX_WORSENED",
    "IMACS_MEASURE_LABELS",
    "IMACS_REQUIRED_IMPROVED",
    "IMACS_SOURCE",
    "IMACS_WORSENING_MIN_PERCENT",
    "JDM_TIS_THRESHOLDS",
    "MEASURE_LABELS",
    "MUSCLE_EDGES",
    "MUSCLE_LABELS",
    "PRINTO_CK_MAX_U_PER_L",
    "PRINTO_CMAS_MIN",
    "PRINTO_MMT8_MIN",
    "PRINTO_PGA_MAX",
    "PRINTO_REQUIRED",
    "PRINTO_SOURCE",
    "STANDARD_EDGES",
    "TIS_PERCENT_CHANGE_RULE",
    "TIS_POINT_TABLE",
    "TIS_SOURCE",
    "ZERO_BASELINE_RULE",
    "CoreMeasure",
    "CoreSetValues",
    "Criterion",
    "ImacsMeasureResult",
    "ImprovementResult",
    "ImprovementStatus",
    "MeasureChange",
    "MuscleInstrument",
    "MuscleScore",
    "PercentChangeRule",
    "PointBand",
    "PrintoResult",
    "PrintoStatus",
    "ResponseInputError",
    "TisCategory",
    "TisMeasureResult",
    "TisResult",
    "imacs_improvement",
    "muscle_from_cmas",
    "muscle_from_mmt8",
    "points_for",
    "printo_inactive",
    "tis_category",
    "total_improvement_score",
]
