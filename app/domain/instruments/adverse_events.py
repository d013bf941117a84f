"""Adverse events reported at a visit: their coding (category, severity, outcome besides
seriousness and relation), the dates checked, the section's line, the blank rows of the
worksheet. Stored in their own table (``app.db.models.AdverseEvent``) and exported as the
repeating ``adverse_event`` form of the enrollment (``app.reports.fields``).

Coding (issue 18, "what the study needs recorded"): the categories are the toxicities the
plans' arms are compared on (infections split serious / not serious, infusion reactions,
the glucocorticoid toxicities, renal, other); severity follows the CTCAE grade words
(NCI CTCAE v5.0: mild, moderate, severe, life-threatening, death); the outcome that of the
CDISC SDTM AEOUT codelist. Project choice, provisional. Events stored before the coding
existed have no category: they open, and the category says "not recorded" at its cell.
"""

from __future__ import annotations

from datetime import date

from app.domain.dates import DAY_FIRST, DateProblem, parse_date
from app.domain.instruments.declaration import Summary, Values, VisitContext, VisitInstrument
from app.domain.instruments.printed import PaperBlock, PaperGrid, PaperLine
from app.domain.phrases import Number, sentence

# How related an adverse event is to the plan's treatment (code, label).
RELATIONS: tuple[tuple[str, str], ...] = (
    ("unrelated", "Unrelated"), ("unlikely", "Unlikely"), ("possible", "Possible"),
    ("probable", "Probable"), ("definite", "Definite"),
)


CODING_SOURCE = ("Project choice (issue 18), provisional: categories from the plans' "
                 "toxicities; severity as the NCI CTCAE v5.0 grade words; outcome as CDISC "
                 "SDTM AEOUT")
# (code, label); "infection_serious" and "infection" tell a serious infection apart
# (issue 18: "infection - serious or not").
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("infection_serious", "Infection, serious"),
    ("infection", "Infection, not serious"),
    ("infusion_reaction", "Infusion reaction"),
    ("hypertension", "Hypertension"),
    ("hyperglycaemia", "Hyperglycaemia"),
    ("cushingoid", "Cushingoid features"),
    ("bone", "Bone: fracture, osteoporosis or avascular necrosis"),
    ("cataract", "Cataract"),
    ("growth", "Growth impairment"),
    ("renal", "Renal"),
    ("other", "Other"),
)
SEVERITIES: tuple[tuple[str, str], ...] = (
    ("mild", "Mild (grade 1)"), ("moderate", "Moderate (grade 2)"),
    ("severe", "Severe (grade 3)"), ("life_threatening", "Life-threatening (grade 4)"),
    ("fatal", "Death (grade 5)"),
)
OUTCOMES: tuple[tuple[str, str], ...] = (
    ("recovered", "Recovered / resolved"),
    ("recovering", "Recovering / resolving"),
    ("not_recovered", "Not recovered / not resolved"),
    ("sequelae", "Recovered with sequelae"),
    ("fatal", "Fatal"),
    ("unknown", "Unknown"),
)
CATEGORY_NOT_RECORDED = "category not recorded"
# The adverse events' sentences (app/forms/terms.py lists them in "Instrument message"):
# the event's number a Number, a code as stored, dates as written (ISO).
NO_CATEGORY = "Adverse event %1: category not recorded; choose one."
UNLISTED_CATEGORY = "Adverse event %1: category %2 is not one of the listed categories; choose one."
SERIOUS_INFECTION = ("Adverse event %1: a serious infection is a serious event; answer Serious? "
                     "yes, or choose Infection, not serious.")
SERIOUS_GRADE = ("Adverse event %1: a life-threatening or fatal event is serious; answer "
                 "Serious? yes.")
UNLISTED_SEVERITY = "Adverse event %1: severity %2 is not a listed grade."
UNLISTED_OUTCOME = "Adverse event %1: outcome %2 is not a listed outcome."
RESOLVED_NOT_RECOVERED = ("Adverse event %1: it has a resolved date, so its outcome cannot be "
                          "not recovered.")
DEATH_DISAGREES = ("Adverse event %1: severity and outcome disagree about a death; correct one "
                   "of them.")
# per date: onset, resolved
DATE_PROBLEM = {"onset": "Adverse event %1: the onset date: %2",
                "resolved": "Adverse event %1: the resolved date: %2"}
DATE_IN_FUTURE = {"onset": "Adverse event %1: the onset date %2 is in the future.",
                  "resolved": "Adverse event %1: the resolved date %2 is in the future."}
RESOLVED_BEFORE_ENROLLMENT = ("Adverse event %1: the resolved date %2 is before the enrollment "
                              "on %3.")
RESOLVED_BEFORE_ONSET = "Adverse event %1: resolved %2 is before its onset %3."
EVENT_SENTENCES = (NO_CATEGORY, UNLISTED_CATEGORY, SERIOUS_INFECTION, SERIOUS_GRADE,
                   UNLISTED_SEVERITY, UNLISTED_OUTCOME, RESOLVED_NOT_RECOVERED, DEATH_DISAGREES,
                   *DATE_PROBLEM.values(), *DATE_IN_FUTURE.values(), RESOLVED_BEFORE_ENROLLMENT,
                   RESOLVED_BEFORE_ONSET)


def adverse_event_code_problems(number: int, category: str | None, serious: bool,
                                severity: str | None, outcome: str | None,
                                resolved: bool) -> dict[str, str]:
    """Plain-words problems with adverse event ``number``'s coding, keyed "category",
    "serious", "severity", "outcome" (nothing when it is coherent).

    A category is required ("category not recorded" for an event stored before the
    coding); a serious infection is a serious event; a grade 4 or 5 event is serious; an
    event with a resolved date cannot be "not recovered"; death needs the outcome fatal.
    Project rules (issue 18), provisional.
    """
    out: dict[str, str] = {}
    codes = {c for c, _ in CATEGORIES}
    event = Number(str(number))
    if not category:
        out["category"] = sentence(NO_CATEGORY, event)
    elif category not in codes:
        out["category"] = sentence(UNLISTED_CATEGORY, event, repr(category))
    if category == "infection_serious" and not serious:
        out["serious"] = sentence(SERIOUS_INFECTION, event)
    elif severity in ("life_threatening", "fatal") and not serious:
        out["serious"] = sentence(SERIOUS_GRADE, event)
    if severity and severity not in {c for c, _ in SEVERITIES}:
        out["severity"] = sentence(UNLISTED_SEVERITY, event, repr(severity))
    if outcome and outcome not in {c for c, _ in OUTCOMES}:
        out["outcome"] = sentence(UNLISTED_OUTCOME, event, repr(outcome))
    elif outcome == "not_recovered" and resolved:
        out["outcome"] = sentence(RESOLVED_NOT_RECOVERED, event)
    elif (severity == "fatal") != (outcome == "fatal") and severity and outcome:
        out["outcome"] = sentence(DEATH_DISAGREES, event)
    return out


def validate_iso_date(text: object, label: str) -> str | None:
    """Message for a date typed as YYYY-MM-DD, or None (blank is fine)."""
    if text is None or str(text).strip() == "":
        return None
    try:
        date.fromisoformat(str(text).strip())
    except ValueError:
        return f'{label} must be a date written YYYY-MM-DD, e.g. 2026-03-09; "{text}" was entered.'
    return None


def read_event_date(text: object, order: str = DAY_FIRST,
                    today: date | None = None) -> date | None:
    """An adverse event date as the application's date field reads it (2026-03-09,
    20260309 or the locale's short form); None when blank or not a date."""
    try:
        return parse_date("" if text is None else str(text), order, today)
    except DateProblem:
        return None


def adverse_event_date_problems(
    number: int, onset: object, resolved: object, today: date, *,
    enrolled_on: date | None = None, order: str = DAY_FIRST,
) -> dict[str, str]:
    """Plain-words problems with adverse event ``number``'s dates, keyed "onset" and
    "resolved" (nothing when both are usable).

    Both dates are optional and read as the application's one date field reads them
    (``app.domain.dates.parse_date``: 2026-03-09, 20260309 or the locale's short form);
    neither may be after ``today``; the resolved date may not be before the enrollment
    (an event that ended before the plan began is not the plan's). An empty resolved date
    means the event is ongoing. A resolved date before the onset is refused (an event
    cannot end before it began); the same day is allowed (it began and ended that day).
    Project rule for the adverse_event table's onset/resolved columns.
    """
    problems: dict[str, str] = {}
    days: dict[str, date] = {}
    event = Number(str(number))
    for key, text in (("onset", onset), ("resolved", resolved)):
        typed = "" if text is None else str(text).strip()
        if not typed:
            continue
        try:
            day = parse_date(typed, order, today)
        except DateProblem as problem:
            # the date's own problem (a Sentence) inside: translated as itself
            problems[key] = sentence(DATE_PROBLEM[key], event, problem.message)
            continue
        assert day is not None
        if day > today:
            problems[key] = sentence(DATE_IN_FUTURE[key], event, day.isoformat())
        elif key == "resolved" and enrolled_on is not None and day < enrolled_on:
            problems[key] = sentence(RESOLVED_BEFORE_ENROLLMENT, event, day.isoformat(),
                                     enrolled_on.isoformat())
        else:
            days[key] = day
    if "onset" in days and "resolved" in days and days["resolved"] < days["onset"]:
        problems["resolved"] = sentence(RESOLVED_BEFORE_ONSET, event,
                                        days["resolved"].isoformat(), days["onset"].isoformat())
    return problems


def _summary(values: Values, ctx: VisitContext) -> Summary:
    return Summary(str(ctx.adverse_events), True)


def _paper() -> tuple[PaperBlock, ...]:
    # The same columns as the visit form, so the sheet can be typed in column by column.
    return (PaperGrid("Adverse events since the last visit",
                      ("Adverse event", "Category", "Onset", "Resolved (blank = ongoing)",
                       "Serious?", "Severity", "Relation", "Outcome", "Action taken"),
                      (("",) * 9,) * 3,
                      (0.17, 0.12, 0.09, 0.12, 0.07, 0.09, 0.09, 0.11, 0.14), row_height_mm=9),
            PaperLine(("Category: " + "; ".join(label for _c, label in CATEGORIES)
                       + ". Severity: mild, moderate, severe, life-threatening, death. "
                       "Outcome: " + "; ".join(label.lower() for _c, label in OUTCOMES) + ".",),
                      small=True))


DEFINITION = VisitInstrument(
    id="adverse_events",
    label="Adverse events",
    protocol_ids=("adverse_events",),
    summary=_summary,
    paper=_paper,
    paper_always=True,
)

__all__ = [
    "CATEGORIES",
    "CATEGORY_NOT_RECORDED",
    "CODING_SOURCE",
    "DEFINITION",
    "OUTCOMES",
    "RELATIONS",
    "SEVERITIES",
    "adverse_event_code_problems",
    "adverse_event_date_problems",
    "read_event_date",
    "validate_iso_date",
]
