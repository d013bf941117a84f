"""What the study records about the course of treatment: why an arm was chosen, why a
treatment was stopped or changed, and the infusions actually given against the arm's
schedule.

The plans are compared across arms that clinicians chose, not randomised: the reasons
for a choice are the confounders an analysis adjusts for (confounding by indication), so
they are coded from the reasons the consensus papers themselves list, each with its seed,
plus "other" with text (free text never leaves the clinic de-identified).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from app.domain import enrollment_sentences as said
from app.domain.phrases import Joined, Label, Phrase, joined, phrase, sentence

OTHER = "other"
# "other" with what was typed, after the coded reasons (app/forms/terms.py lists it in
# "Arm choice" and "Reason").
OTHER_REASON = "other: %1"


@dataclass(frozen=True)
class CodedReason:
    code: str
    label: str
    group: str  # which question it answers (ARM_CHOICE_GROUPS)
    source: str


# Two questions the seeds answer: why not IVIG (seed 000: the persistent-skin-rash plan
# names IVIG "may not be possible or appropriate" for these reasons) and why escalate to a
# biologic (seed 003: the reasons respondents gave for starting a biologic).
NOT_IVIG = "not_ivig"
BIOLOGIC = "biologic"
ARM_CHOICE_GROUPS: dict[str, str] = {
    NOT_IVIG: "Why not IVIG",
    BIOLOGIC: "Why escalate to a biologic",
}
_SEED_000 = ("seed 000 (persistent skin rash CTP): IVIG \"may not be possible or "
             "appropriate ... including intolerance, lack of availability, lack of venous "
             "access, or care provider preference\"")
_SEED_003 = ("seed 003 (biologics survey): reasons for use of a biologic — uncontrolled "
             "disease, steroid or mtx toxicity, steroid dependence, family request; "
             "internal organ involvement, severe ulcerative disease (Table 3)")
ARM_CHOICE_REASONS: tuple[CodedReason, ...] = (
    CodedReason("ivig_intolerance", "IVIG intolerance", NOT_IVIG, _SEED_000),
    CodedReason("ivig_unavailable", "IVIG not available", NOT_IVIG, _SEED_000),
    CodedReason("no_venous_access", "No venous access", NOT_IVIG, _SEED_000),
    CodedReason("provider_preference", "Care provider preference", NOT_IVIG, _SEED_000),
    CodedReason("uncontrolled_disease", "Uncontrolled disease", BIOLOGIC, _SEED_003),
    CodedReason("steroid_mtx_toxicity", "Steroid or methotrexate toxicity", BIOLOGIC,
                _SEED_003),
    CodedReason("steroid_dependence", "Steroid dependence", BIOLOGIC, _SEED_003),
    CodedReason("family_request", "Family request", BIOLOGIC, _SEED_003),
    CodedReason("organ_involvement", "Internal organ involvement", BIOLOGIC, _SEED_003),
    CodedReason("ulcerative_disease", "Severe ulcerative disease", BIOLOGIC, _SEED_003),
)
ARM_CHOICE_CODES = tuple(r.code for r in ARM_CHOICE_REASONS) + (OTHER,)
ARM_CHOICE_CHOICES: tuple[tuple[str, str], ...] = (
    *((r.code, r.label) for r in ARM_CHOICE_REASONS), (OTHER, "Other"))

# Why a treatment was stopped or changed (issue 18's list), for every arm.
END_REASONS: tuple[tuple[str, str], ...] = (
    ("inadequate_response", "Inadequate response"),
    ("toxicity", "Toxicity"),
    ("remission", "Remission"),
    ("family_choice", "Family choice"),
    (OTHER, "Other"),
)
END_REASON_CODES = frozenset(code for code, _ in END_REASONS)


@dataclass(frozen=True)
class ArmChoiceReasons:
    codes: tuple[str, ...] = ()
    other_text: str = ""

    @property
    def empty(self) -> bool:
        return not self.codes and not self.other_text.strip()


def arm_choice_problems(reasons: ArmChoiceReasons) -> list[str]:
    """Plain-words problems with the reasons given (none given is allowed), each a Sentence
    (app.domain.enrollment_sentences)."""
    problems = []
    unknown = [c for c in reasons.codes if c not in ARM_CHOICE_CODES]
    if unknown:
        problems.append(sentence(said.UNKNOWN_REASON_CODE, ", ".join(unknown)))
    if len(set(reasons.codes)) != len(reasons.codes):
        problems.append(sentence(said.REASON_TWICE))
    has_other = OTHER in reasons.codes
    if has_other and not reasons.other_text.strip():
        problems.append(sentence(said.OTHER_REASON_NEEDED))
    if reasons.other_text.strip() and not has_other:
        problems.append(sentence(said.OTHER_NOT_TICKED))
    return problems


def normalised_reasons(reasons: ArmChoiceReasons) -> ArmChoiceReasons:
    """The codes in list order (so two saves of the same choice compare equal)."""
    order = {code: i for i, code in enumerate(ARM_CHOICE_CODES)}
    return ArmChoiceReasons(tuple(sorted(set(reasons.codes), key=lambda c: order.get(c, 99))),
                            reasons.other_text.strip())


def end_problems(reason: str, other_text: str, end: date, started: date,
                 today: date) -> list[str]:
    """Problems with stopping or changing a treatment on ``end`` (started ``started``)."""
    problems = []
    if reason not in END_REASON_CODES:
        problems.append("Choose why the treatment was stopped or changed.")
    if reason == OTHER and not other_text.strip():
        problems.append("Say what the other reason is.")
    if end < started:
        problems.append(f"The stop date {end.isoformat()} is before the treatment started "
                        f"({started.isoformat()}).")
    if end > today:
        problems.append(f"The stop date {end.isoformat()} is in the future "
                        f"(today is {today.isoformat()}).")
    return problems


def chosen_phrase(codes: tuple[str, ...] | list[str], other_text: str) -> Joined:
    """The reasons an arm was chosen, each reason's label a Label, "other" with its text
    (as typed); ``str()`` is ``chosen_words``."""
    labels = dict(ARM_CHOICE_CHOICES)
    parts: list[str | Phrase | Joined] = [Label(labels.get(code, code)) for code in codes
                                          if code != OTHER]
    if OTHER in codes:
        parts.append(phrase(OTHER_REASON, other_text))
    return joined("; ", parts)


def chosen_words(codes: tuple[str, ...] | list[str], other_text: str) -> str:
    """The reasons an arm was chosen, in words, "other" with its text."""
    return str(chosen_phrase(codes, other_text))


def stopped_phrase(reason: str | None, other_text: str) -> Phrase:
    """Why a treatment was stopped: its reason's label a Label, or "other" with its text;
    ``str()`` is ``stopped_words``."""
    if not reason:
        return phrase("")
    if reason == OTHER:
        return phrase(OTHER_REASON, other_text)
    return phrase("%1", Label(dict(END_REASONS).get(reason, reason)))


def stopped_words(reason: str | None, other_text: str) -> str:
    return str(stopped_phrase(reason, other_text))


# ------------------------------------------------------------------ infusions


@dataclass(frozen=True)
class GivenInfusion:
    given_on: date
    drug: str
    dose: float
    unit: str


@dataclass(frozen=True)
class DueLine:
    """One row of "due vs given": a scheduled dose and the infusion matched to it, or an
    infusion given off the schedule (``due`` None)."""

    due: date | None
    given: GivenInfusion | None
    status: str  # given / missed / due / off_schedule

    @property
    def days_late(self) -> int | None:
        if self.due is None or self.given is None:
            return None
        return (self.given.given_on - self.due).days


# An infusion counts for a scheduled dose given up to this many days either side of it,
# but never more than half the gap to the neighbouring dose (rituximab's two infusions a
# week apart would otherwise both match the first).
MATCH_WINDOW_DAYS = 14


MAX_UNIT = 16  # the stored unit's width (as a prescription's)


def infusion_problems(given_on: date | None, dose: float | None, unit: str, drug: str,
                      started: date | None, today: date) -> dict[str, str]:
    problems: dict[str, str] = {}
    if given_on is None:
        problems["given_on"] = "Enter the date the infusion was given."
    elif given_on > today:
        problems["given_on"] = (f"The infusion date {given_on.isoformat()} is in the future "
                                f"(today is {today.isoformat()}).")
    elif started is not None and given_on < started:
        problems["given_on"] = (f"The infusion date {given_on.isoformat()} is before the "
                                f"treatment started ({started.isoformat()}).")
    if dose is None:
        problems["dose"] = "Enter the dose given."
    elif not dose > 0:
        problems["dose"] = "The dose given must be more than zero."
    if not unit.strip():
        problems["unit"] = "Enter the dose unit."
    elif len(unit.strip()) > MAX_UNIT:
        problems["unit"] = f"The dose unit may have at most {MAX_UNIT} characters."
    if not drug.strip():
        problems["drug"] = "Choose the drug given."
    return problems


def _window(schedule: list[date], i: int) -> int:
    gaps = [(schedule[j + 1] - schedule[j]).days for j in (i - 1, i)
            if 0 <= j < len(schedule) - 1]
    return min([MATCH_WINDOW_DAYS, *((g - 1) // 2 for g in gaps)])


def due_vs_given(schedule: list[date], given: list[GivenInfusion],
                 today: date) -> list[DueLine]:
    """Each scheduled dose with the infusion that counts for it, in date order.

    An infusion counts for the nearest scheduled dose still unmatched within that dose's
    window (ties: the earlier dose); a dose whose window has passed with nothing given is
    "missed", one still ahead or open is "due"; an infusion that matches no dose is listed
    as given off the schedule."""
    schedule = sorted(schedule)
    matched: dict[int, GivenInfusion] = {}
    extra: list[GivenInfusion] = []
    for infusion in sorted(given, key=lambda g: g.given_on):
        candidates = [(abs((infusion.given_on - due).days), i)
                      for i, due in enumerate(schedule)
                      if i not in matched
                      and abs((infusion.given_on - due).days) <= _window(schedule, i)]
        if candidates:
            matched[min(candidates)[1]] = infusion
        else:
            extra.append(infusion)
    lines = []
    for i, due in enumerate(schedule):
        if i in matched:
            lines.append(DueLine(due, matched[i], "given"))
        elif (today - due).days > _window(schedule, i):
            lines.append(DueLine(due, None, "missed"))
        else:
            lines.append(DueLine(due, None, "due"))
    lines += [DueLine(None, g, "off_schedule") for g in extra]
    return sorted(lines, key=lambda x: (x.due or x.given.given_on))  # type: ignore[union-attr]
