"""A child's age on a given day, from the date of birth (completed years, as a label's
"from 6 years" is read: from the sixth birthday)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain.dates import format_date
from app.domain.errors import InputError
from app.domain.phrases import Phrase, phrase


def _is_day(value: object) -> bool:
    return isinstance(value, date) and not hasattr(value, "hour")


# The age as a dose derivation says it (translated in the interface: app/forms/terms.py).
AGE_ONE_YEAR = "%1 year old on %2 (from the date of birth)"
AGE_YEARS = "%1 years old on %2 (from the date of birth)"
SENTENCES = (AGE_ONE_YEAR, AGE_YEARS)

@dataclass(frozen=True)
class AgeOnDay:
    """Age in completed years on ``on``; a birthday on 29 February counts from 1 March in
    a year without one (the day after 28 February)."""

    date_of_birth: date
    on: date

    def __post_init__(self) -> None:
        if not _is_day(self.date_of_birth):
            raise InputError("date_of_birth", "The date of birth must be a calendar date.")
        if not _is_day(self.on):
            raise InputError("date_of_birth", "The day the age is worked out on must be a date.")
        if self.date_of_birth > self.on:
            raise InputError(
                "date_of_birth",
                f"The date of birth {self.date_of_birth.isoformat()} is after "
                f"{self.on.isoformat()}, the day the age is needed for.",
            )

    @property
    def years(self) -> int:
        born, on = self.date_of_birth, self.on
        before_birthday = (on.month, on.day) < (born.month, born.day)
        return on.year - born.year - (1 if before_birthday else 0)

    def describe(self) -> str:
        """E.g. "4 years old on 05 Jan 2026 (from the date of birth)"; the date of birth
        itself is not repeated (it is identifying)."""
        return str(self.describe_phrase())

    def describe_phrase(self) -> Phrase:
        return phrase(AGE_ONE_YEAR if self.years == 1 else AGE_YEARS, str(self.years),
                      format_date(self.on))


def age_on(date_of_birth: date | None, on: date | None) -> AgeOnDay | None:
    """The age on ``on``, or None when either date is missing or the date of birth is
    after it (then the dose shows "age not known" rather than a wrong age)."""
    if date_of_birth is None or on is None or date_of_birth > on:
        return None
    return AgeOnDay(date_of_birth, on)
