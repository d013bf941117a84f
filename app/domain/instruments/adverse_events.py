"""Adverse events reported at a visit: the dates checked, the section's line, the blank
rows of the worksheet. Stored in their own table (``app.db.models.AdverseEvent``) and
exported as the repeating ``adverse_event`` form of the enrollment (``app.reports.fields``).
"""

from __future__ import annotations

from datetime import date

from app.domain.instruments.declaration import Summary, Values, VisitContext, VisitInstrument
from app.domain.instruments.printed import PaperBlock, PaperGrid

# How related an adverse event is to the plan's treatment (code, label).
RELATIONS: tuple[tuple[str, str], ...] = (
    ("unrelated", "Unrelated"), ("unlikely", "Unlikely"), ("possible", "Possible"),
    ("probable", "Probable"), ("definite", "Definite"),
)


def validate_iso_date(text: object, label: str) -> str | None:
    """Message for a date typed as YYYY-MM-DD, or None (blank is fine)."""
    if text is None or str(text).strip() == "":
        return None
    try:
        date.fromisoformat(str(text).strip())
    except ValueError:
        return f'{label} must be a date written YYYY-MM-DD, e.g. 2026-03-09; "{text}" was entered.'
    return None


def adverse_event_date_problems(
    number: int, onset: object, resolved: object, today: date
) -> dict[str, str]:
    """Plain-words problems with adverse event ``number``'s dates, keyed "onset" and
    "resolved" (nothing when both are usable).

    Both dates are optional and written YYYY-MM-DD; neither may be after ``today``. An
    empty resolved date means the event is ongoing. A resolved date before the onset is
    refused (an event cannot end before it began); the same day is allowed (it began and
    ended that day). Project rule for the adverse_event table's onset/resolved columns.
    """
    problems: dict[str, str] = {}
    days: dict[str, date] = {}
    for key, text, label in (
        ("onset", onset, "the onset date"),
        ("resolved", resolved, "the resolved date"),
    ):
        typed = "" if text is None else str(text).strip()
        if not typed:
            continue
        message = validate_iso_date(typed, f"Adverse event {number}: {label}")
        if message:
            problems[key] = message
            continue
        day = date.fromisoformat(typed)
        if day > today:
            problems[key] = f"Adverse event {number}: {label} {typed} is in the future."
        else:
            days[key] = day
    if "onset" in days and "resolved" in days and days["resolved"] < days["onset"]:
        problems["resolved"] = (
            f"Adverse event {number}: resolved {days['resolved'].isoformat()} is before its "
            f"onset {days['onset'].isoformat()}."
        )
    return problems


def _summary(values: Values, ctx: VisitContext) -> Summary:
    return Summary(str(ctx.adverse_events), True)


def _paper() -> tuple[PaperBlock, ...]:
    # The same columns as the visit form, so the sheet can be typed in column by column.
    return (PaperGrid("Adverse events since the last visit",
                      ("Adverse event", "Onset", "Resolved (blank = ongoing)", "Serious?",
                       "Relation", "Action taken"), (("",) * 6,) * 3,
                      (0.28, 0.11, 0.17, 0.09, 0.12, 0.23), row_height_mm=9),)


DEFINITION = VisitInstrument(
    id="adverse_events",
    label="Adverse events",
    protocol_ids=("adverse_events",),
    summary=_summary,
    paper=_paper,
    paper_always=True,
)

__all__ = ["DEFINITION", "RELATIONS", "adverse_event_date_problems", "validate_iso_date"]
