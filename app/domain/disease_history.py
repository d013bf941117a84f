"""A patient's disease history and self-reported background: when the disease began and
was diagnosed, how long it had lasted at enrollment, race and ethnicity.

Disease duration at enrollment is the usual baseline covariate of JDM outcome studies
(a longer untreated course predicts calcinosis and a chronic course), and with the
diagnosis date it gives time to a biologic; both are computed, never stored.

Race and ethnicity follow the NIH/OMB minimum categories (OMB Directive 15, 1997; the
NIH inclusion enrollment report), which is what the REDCap projects of US multi-centre
paediatric rheumatology registries (CARRA among them) use, so a coordinator can pool
them without recoding. Ethnicity is asked separately from race, as OMB asks. Both are
optional and self-reported (or reported by the parent); "prefer not to say" is kept
apart from "unknown" because a refusal is an answer and an unknown is missing data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

# NIH/OMB race categories; the stored code is the first element.
RACE_CHOICES: tuple[tuple[str, str], ...] = (
    ("american_indian_alaska_native", "American Indian or Alaska Native"),
    ("asian", "Asian"),
    ("black_african_american", "Black or African American"),
    ("native_hawaiian_pacific_islander", "Native Hawaiian or Other Pacific Islander"),
    ("white", "White"),
    ("more_than_one", "More than one race"),
    ("unknown", "Unknown"),
    ("prefer_not_to_say", "Prefer not to say"),
)
ETHNICITY_CHOICES: tuple[tuple[str, str], ...] = (
    ("hispanic_latino", "Hispanic or Latino"),
    ("not_hispanic_latino", "Not Hispanic or Latino"),
    ("unknown", "Unknown"),
    ("prefer_not_to_say", "Prefer not to say"),
)
RACE_CODES = frozenset(code for code, _ in RACE_CHOICES)
ETHNICITY_CODES = frozenset(code for code, _ in ETHNICITY_CHOICES)

# Average Gregorian month (365.25 / 12 days): durations in months to one decimal, the
# unit JDM cohort papers report disease duration in.
DAYS_PER_MONTH = Decimal("365.25") / Decimal(12)


@dataclass(frozen=True)
class DiseaseHistory:
    onset_date: date | None = None
    diagnosis_date: date | None = None
    race: str = ""  # "" = not recorded
    ethnicity: str = ""


def history_problems(history: DiseaseHistory, born: date | None,
                     today: date) -> dict[str, str]:
    """{field: plain-words problem}; empty when the history is consistent. Each date is
    optional; a date given must not be in the future nor before birth, and the disease
    cannot be diagnosed before it began."""
    problems: dict[str, str] = {}
    for name, label, value in (("onset_date", "Disease onset", history.onset_date),
                               ("diagnosis_date", "Diagnosis", history.diagnosis_date)):
        if value is None:
            continue
        if value > today:
            problems[name] = (f"{label} date {value.isoformat()} is in the future "
                              f"(today is {today.isoformat()}).")
        elif born is not None and value < born:
            problems[name] = (f"{label} date {value.isoformat()} is before the date of "
                              f"birth {born.isoformat()}.")
    onset, diagnosis = history.onset_date, history.diagnosis_date
    if (onset is not None and diagnosis is not None and onset > diagnosis
            and "diagnosis_date" not in problems):
        problems["diagnosis_date"] = (
            f"Diagnosis date {diagnosis.isoformat()} is before the disease onset "
            f"{onset.isoformat()}; the disease is diagnosed after it begins.")
    if history.race and history.race not in RACE_CODES:
        problems["race"] = "Choose the race from the list (or leave it blank)."
    if history.ethnicity and history.ethnicity not in ETHNICITY_CODES:
        problems["ethnicity"] = "Choose the ethnicity from the list (or leave it blank)."
    return problems


def months_between(start: date | None, end: date | None) -> Decimal | None:
    """Whole days from ``start`` to ``end`` in average months, to one decimal (half up);
    None when either date is missing or ``end`` is before ``start``."""
    if start is None or end is None or end < start:
        return None
    days = Decimal((end - start).days)
    return (days / DAYS_PER_MONTH).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def disease_duration_at(onset: date | None, enrolled: date | None) -> Decimal | None:
    """Disease duration at enrollment: months from disease onset to the enrollment date."""
    return months_between(onset, enrolled)
