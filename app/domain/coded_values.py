"""The coded lists a de-identified export writes instead of typed text: drugs (from the
plans' own drug lists), dose units, dose frequencies and creatinine units, each with one
"other" code.

Why coded: a de-identified export must never carry text a person typed (it may hold a
name, a phone number or a date; HIPAA Safe Harbor, exports.md). A typed value that is not
in its list is exported as ``OTHER`` only; its text goes to the identified export alone.
A value typed before these lists existed is read the same way (``code_for``), so stored
records keep opening and exporting without a migration.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from enum import Enum

from app.domain.protocol import Protocol
from app.domain.protocol.vocabulary import drug_code

OTHER = "other"
OTHER_LABEL = "Other (text not exported when de-identified)"

# Dose units of the medications recorded at a visit: (code, label = the stored text).
DOSE_UNITS: tuple[tuple[str, str], ...] = (
    ("mg", "mg"), ("g", "g"), ("mcg", "mcg"), ("mg_kg", "mg/kg"), ("mg_m2", "mg/m²"),
    ("ml", "mL"), ("iu", "IU"), ("units", "units"), ("tablet", "tablet"),
    ("application", "application"), ("drop", "drop"), ("puff", "puff"),
)
# Dose frequencies: (code, label = the stored text).
FREQUENCIES: tuple[tuple[str, str], ...] = (
    ("once_daily", "once daily"), ("twice_daily", "twice daily"),
    ("three_times_daily", "three times daily"), ("four_times_daily", "four times daily"),
    ("every_other_day", "every other day"), ("weekly", "weekly"),
    ("twice_weekly", "twice weekly"), ("every_2_weeks", "every 2 weeks"),
    ("every_4_weeks", "every 4 weeks"), ("monthly", "monthly"), ("as_needed", "as needed"),
    ("once", "once"),
)
# What clinic staff usually type for the same frequency (read as that code).
_FREQUENCY_WORDS = {"daily": "once_daily", "qd": "once_daily", "od": "once_daily",
                    "bid": "twice_daily", "tid": "three_times_daily", "qid": "four_times_daily",
                    "prn": "as_needed", "every week": "weekly", "every 2 weeks": "every_2_weeks",
                    "every month": "monthly"}
_UNIT_WORDS = {"µg": "mcg", "ug": "mcg", "ml": "ml", "mg/m2": "mg_m2", "unit": "units",
               "tablets": "tablet", "applications": "application", "drops": "drop",
               "puffs": "puff"}
CREATININE_UNITS: tuple[tuple[str, str], ...] = (("umol_l", "µmol/L"), ("mg_dl", "mg/dL"))


def _key(text: str) -> str:
    return " ".join(text.strip().casefold().split())


def code_for(text: str | None, choices: Sequence[tuple[str, str]],
             words: dict[str, str] | None = None) -> str:
    """The code of ``text`` in ``choices`` (matched on code or label, case and spacing
    ignored, or on a usual word for it); ``OTHER`` for any other text; "" for none."""
    if text is None or not text.strip():
        return ""
    key = _key(text)
    for code, label in choices:
        if key in (code, _key(label)):
            return code
    if words and key in words:
        return words[key]
    return OTHER


def dose_unit_code(text: str | None) -> str:
    return code_for(text, DOSE_UNITS, _UNIT_WORDS)


def frequency_code(text: str | None) -> str:
    return code_for(text, FREQUENCIES, _FREQUENCY_WORDS)


def label_of(code: str, choices: Sequence[tuple[str, str]]) -> str | None:
    """The stored text of a code (None for OTHER or an unknown code)."""
    return next((label for c, label in choices if c == code), None)


def with_other(choices: Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    return (*choices, (OTHER, OTHER_LABEL))


def drug_choices(drugs: Iterable[str]) -> tuple[tuple[str, str], ...]:
    return tuple((drug_code(d), d) for d in drugs)


def drug_code_for(name: str | None, drugs: Iterable[str]) -> str:
    """The code of a typed drug name among the plans' drugs; OTHER if not one of them."""
    if name is None or not name.strip():
        return ""
    key = drug_code(name)
    return key if key in {drug_code(d) for d in drugs} else OTHER


def plan_words(protocols: Iterable[Protocol], *more: Iterable[str]) -> frozenset[str]:
    """Every text the installed plan files hold (ids, versions, arm ids, visit labels,
    drugs, units, routes, frequencies, statuses, sources ...) plus ``more`` (the
    application's own words): the only texts a de-identified export writes in the text
    columns that a person never types but an import stores as given (app.exports.records;
    anything else leaves as OTHER)."""
    words: set[str] = set()
    seen: set[int] = set()

    def walk(value: object) -> None:
        if isinstance(value, Enum):
            walk(value.value)
        elif isinstance(value, str):
            words.add(value)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            if id(value) in seen:
                return
            seen.add(id(value))
            for f in dataclasses.fields(value):
                if f.name != "path":  # where the file was read from: not plan data
                    walk(getattr(value, f.name))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list | tuple | set | frozenset):
            for item in value:
                walk(item)

    for protocol in protocols:
        walk(protocol)
    for extra in more:
        words.update(extra)
    return frozenset(words)


__all__ = [
    "CREATININE_UNITS",
    "DOSE_UNITS",
    "FREQUENCIES",
    "OTHER",
    "OTHER_LABEL",
    "code_for",
    "dose_unit_code",
    "drug_choices",
    "drug_code",
    "drug_code_for",
    "frequency_code",
    "label_of",
    "plan_words",
    "with_other",
]
