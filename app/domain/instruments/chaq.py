"""Childhood Health Assessment Questionnaire (CHAQ): disability index 0-3, pain and
well-being VAS.

One module although long: an instrument is defined in one place (architecture, "One
registry per concept") -- its items with their wording, its rules and scorer, and its
declaration for the visit form, the exports and the printouts.

Source: clinical-rules §2.2 (published: IMACS CHAQ instructions); Singh G et al.,
Arthritis Rheum 1994;37:1761-9 (the CHAQ); the Stanford HAQ scoring conventions
(Bruce B, Fries JF, J Rheumatol 2003;30:167-78) for aids, devices and help.

Field codes
-----------
Items: ``chaq_<domain>_<n>`` with domains ``dressing`` (4 items), ``arising`` (2),
``eating`` (3), ``walking`` (2), ``hygiene`` (5), ``reach`` (4), ``grip`` (5),
``activities`` (5) -- 30 items. Each answer is 0, 1, 2, 3 or ``NOT_APPLICABLE`` ("na").
VAS: ``chaq_pain_vas``, ``chaq_wellbeing_vas`` (0-10 cm, 0.1 cm steps).
Aids/devices are codes from ``AIDS`` (``aid_cane`` ...); help from another person is a
set of domain codes; an "other" aid counts for the domain(s) the clinician names.

Scoring
-------
* Domain score = highest item score in the domain (N/A and blank items ignored).
* If an aid/device mapped to the domain, or help from another person, is recorded for
  the domain, the domain score = max(domain score, 2).
* JUDGEMENT CALL (Stanford HAQ convention, documented and tested): an aid or help raises
  only a domain that has at least one item answered 0-3. A domain whose items are all
  N/A or blank stays unanswered even when an aid or help is recorded -- scoring it 2
  would create an answer the parent did not give. The domain detail says so.
* Disability index = mean of the answered domain scores; at least
  ``MINIMUM_DOMAINS_RULE.value`` (6, provisional) of the 8 domains must be answered,
  otherwise the index is None and the explanation says how many were answered.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from app.domain.instruments.common import (
    Anchor,
    InstrumentInputError,
    ItemDefinition,
    ItemKind,
    ProvisionalRule,
    _Invalid,
    format_entered,
    format_number,
    incomplete_note,
    is_blank,
    parse_vas,
    plain_vas,
    to_decimal,
    vas_item,
)
from app.domain.instruments.data_dictionary import (
    COMPUTED_NOTE,
    ExportContext,
    Field,
    Form,
    FormBuilder,
    item_field,
)
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
    score_of_section,
)
from app.domain.instruments.printed import (
    Boxes,
    OutcomeRow,
    PaperBlock,
    PaperGrid,
    PaperLine,
    PaperVas,
)
from app.domain.phrases import Label, Number, Sentence, joined, phrase, sentence, sentences
from app.domain.visit_values import ItemEntry

INSTRUMENT = "CHAQ"
SOURCE = (
    "clinical-rules §2.2 (IMACS CHAQ instructions); Singh G et al., Arthritis Rheum 1994;37:1761-9"
)
NOT_APPLICABLE = "na"
MAXIMUM_INDEX = 3


MINIMUM_DOMAINS_RULE = ProvisionalRule(
    name="CHAQ minimum answered domains",
    value=6,
    source=(
        "a project choice, as the IMACS CHAQ instructions set no minimum: the disability "
        "index only when at least 6 of the 8 domains are answered"
    ),
)

ANSWER_ANCHORS: tuple[Anchor, ...] = (
    Anchor(0, "Without any difficulty"),
    Anchor(1, "With some difficulty"),
    Anchor(2, "With much difficulty"),
    Anchor(3, "Unable to do"),
    Anchor(NOT_APPLICABLE, "Not applicable"),
)


@dataclass(frozen=True)
class ChaqDomain:
    code: str
    label: str
    help_label: str
    item_codes: tuple[str, ...]


_DOMAIN_ITEMS: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    (
        "dressing",
        "Dressing & grooming",
        "Dressing and grooming",
        (
            "Dress, including tying shoelaces and doing buttons?",
            "Shampoo his/her hair?",
            "Remove socks?",
            "Cut fingernails?",
        ),
    ),
    (
        "arising",
        "Arising",
        "Arising",
        (
            "Stand up from a low chair or floor?",
            "Get in and out of bed or crib?",
        ),
    ),
    (
        "eating",
        "Eating",
        "Eating",
        (
            "Cut his/her own meat?",
            "Lift up a cup or glass to mouth?",
            "Open a new cereal box?",
        ),
    ),
    (
        "walking",
        "Walking",
        "Walking",
        (
            "Walk outdoors on flat ground?",
            "Climb up five steps?",
        ),
    ),
    (
        "hygiene",
        "Hygiene",
        "Hygiene",
        (
            "Wash and dry entire body?",
            "Take a tub bath (get in and out of tub)?",
            "Get on and off the toilet or potty chair?",
            "Brush teeth?",
            "Comb/brush hair?",
        ),
    ),
    (
        "reach",
        "Reach",
        "Reach",
        (
            "Reach and get down a heavy object such as a large game or books from just "
            "above his/her head?",
            "Bend down to pick up clothing or a piece of paper from the floor?",
            "Pull on a sweater over his/her head?",
            "Turn neck to look back over shoulder?",
        ),
    ),
    (
        "grip",
        "Grip",
        "Gripping and opening things",
        (
            "Write or scribble with pen or pencil?",
            "Open car doors?",
            "Open jars which have been previously opened?",
            "Turn faucets on and off?",
            "Push open a door when he/she has to turn a door knob?",
        ),
    ),
    (
        "activities",
        "Activities",
        "Errands and chores",
        (
            "Run errands and shop?",
            "Get in and out of a car or toy car or school bus?",
            "Ride bike or tricycle?",
            "Do household chores (e.g. wash dishes, take out trash, vacuum, do yardwork, "
            "make bed, clean room)?",
            "Run and play?",
        ),
    ),
)

CHAQ_ITEMS: tuple[ItemDefinition, ...] = tuple(
    ItemDefinition(
        code=f"chaq_{domain}_{n}",
        instrument=INSTRUMENT,
        number=f"{domain} {n}",
        label=text,
        kind=ItemKind.SCORE,
        minimum=0,
        maximum=3,
        step=1,
        anchors=ANSWER_ANCHORS,
        domain=domain,
        allows_not_applicable=True,
        help="Is your child able to ... (over the past week)",
        source=SOURCE,
    )
    for domain, _label, _help, texts in _DOMAIN_ITEMS
    for n, text in enumerate(texts, start=1)
)
ITEMS_BY_CODE: dict[str, ItemDefinition] = {item.code: item for item in CHAQ_ITEMS}

DOMAINS: tuple[ChaqDomain, ...] = tuple(
    ChaqDomain(
        code=domain,
        label=label,
        help_label=help_label,
        item_codes=tuple(f"chaq_{domain}_{n}" for n in range(1, len(texts) + 1)),
    )
    for domain, label, help_label, texts in _DOMAIN_ITEMS
)
DOMAINS_BY_CODE: dict[str, ChaqDomain] = {d.code: d for d in DOMAINS}

CHAQ_PAIN_VAS = vas_item(
    "chaq_pain_vas",
    INSTRUMENT,
    "pain in the past week (VAS)",
    "No pain",
    "Very severe pain",
    source=SOURCE,
)
CHAQ_WELLBEING_VAS = vas_item(
    "chaq_wellbeing_vas",
    INSTRUMENT,
    "overall well-being (VAS)",
    "Very well",
    "Very poor",
    source=SOURCE,
)
VAS_ITEMS: tuple[ItemDefinition, ...] = (CHAQ_PAIN_VAS, CHAQ_WELLBEING_VAS)


@dataclass(frozen=True)
class ChaqAid:
    """An aid or device on the CHAQ form and the domain it raises (None: 'other')."""

    code: str
    label: str
    domain: str | None


DEVICE_DOMAIN_SOURCE = (
    "clinical-rules §2.2 device -> domain mapping (provisional, adult HAQ convention)"
)
DEVICE_DOMAIN_STATUS = "provisional"

AIDS: tuple[ChaqAid, ...] = (
    ChaqAid(
        "aid_dressing_devices",
        "Devices used for dressing (button hook, zipper pull, long-handled shoe horn, etc.)",
        "dressing",
    ),
    ChaqAid("aid_special_chair", "Special or built-up chair", "arising"),
    ChaqAid("aid_built_up_utensils", "Built-up pencil or special utensils", "eating"),
    ChaqAid("aid_cane", "Cane", "walking"),
    ChaqAid("aid_walker", "Walker", "walking"),
    ChaqAid("aid_crutches", "Crutches", "walking"),
    ChaqAid("aid_wheelchair", "Wheelchair", "walking"),
    ChaqAid("aid_raised_toilet_seat", "Raised toilet seat", "hygiene"),
    ChaqAid("aid_bathtub_seat", "Bathtub seat", "hygiene"),
    ChaqAid("aid_bathtub_bar", "Bathtub bar", "hygiene"),
    ChaqAid("aid_long_handled_bathroom", "Long-handled appliances in bathroom", "hygiene"),
    ChaqAid("aid_long_handled_reach", "Long-handled appliances for reach", "reach"),
    ChaqAid("aid_jar_opener", "Jar opener (for jars previously opened)", "grip"),
    ChaqAid("aid_other", "Other aid or device (name the domain it helps with)", None),
)
AIDS_BY_CODE: dict[str, ChaqAid] = {aid.code: aid for aid in AIDS}
DEVICE_DOMAIN: dict[str, str] = {a.code: a.domain for a in AIDS if a.domain is not None}


class ChaqDomainScore(NamedTuple):
    """One domain as scored; ``raised_by`` names the aids/help that raised it to 2 (a
    NamedTuple: exports score every visit)."""

    code: str
    label: str
    item_scores: dict[str, int | str | None]
    highest_item_score: int | None
    aids: tuple[str, ...]
    help_from_person: bool
    score: int | None
    raised: bool
    raised_by: tuple[str, ...]
    note: str = ""

    @property
    def answered(self) -> bool:
        return self.score is not None


@dataclass(frozen=True)
class ChaqResult:
    """A CHAQ scored from its items (clinical-rules §2.2).

    ``disability_index`` = ``domain_sum`` / ``domains_answered`` when at least
    ``minimum_domains`` domains are answered, else None with the reason in
    ``explanation``. ``complete`` means every item was answered (0-3 or N/A) and nothing
    is invalid; ``missing`` lists the blank item codes.
    """

    disability_index: float | None
    domains_answered: int
    domain_sum: int
    minimum_domains: int
    domains: tuple[ChaqDomainScore, ...]
    complete: bool
    missing: tuple[str, ...]
    not_applicable: tuple[str, ...]
    pain_vas: float | None
    wellbeing_vas: float | None
    errors: dict[str, str] = field(default_factory=dict)
    explanation: str = ""
    provisional_rules: tuple[ProvisionalRule, ...] = ()
    source: str = SOURCE

    @property
    def disability_index_exact(self) -> Fraction | None:
        if self.disability_index is None:
            return None
        return Fraction(self.domain_sum, self.domains_answered)


# The CHAQ's sentences (app/forms/terms.py lists them in "Instrument message"): an item's
# or a domain's name a Label, counts Numbers, what was entered as it was entered.
ITEM_ANSWER = "%1 must be 0, 1, 2, 3 or not applicable; %2 was entered."
ENTRY_NOT_VALID = "CHAQ disability index not computed: %1 entry is not valid."
ENTRIES_NOT_VALID = "CHAQ disability index not computed: %1 entries are not valid."
# the minimum's source is part of the sentence (its translation too)
TOO_FEW_DOMAINS = ("CHAQ disability index not computed: only %1 of %2 domains answered; at "
                   "least %3 are needed (%4 rule: " + MINIMUM_DOMAINS_RULE.source + ").")
UNANSWERED = "Unanswered (all items blank or not applicable): %1."
DI_LINE = "DI %1"  # the section list's line
DI_ROW = "CHAQ disability index (0-%1)"  # the printed summary's row ("Outcome row")
CHAQ_SENTENCES = (ITEM_ANSWER, ENTRY_NOT_VALID, ENTRIES_NOT_VALID, TOO_FEW_DOMAINS, UNANSWERED,
                  DI_LINE)


def _item_message(item: ItemDefinition, value: object) -> Sentence:
    return sentence(ITEM_ANSWER, Label(item.display_name), format_entered(value))


def _parse_answer(item: ItemDefinition, value: object) -> int | str:
    if isinstance(value, str) and value.strip().lower() in (NOT_APPLICABLE, "n/a"):
        return NOT_APPLICABLE
    try:
        number = to_decimal(value)
    except _Invalid:
        raise InstrumentInputError({item.code: _item_message(item, value)}) from None
    if number != number.to_integral_value() or not 0 <= number <= 3:
        raise InstrumentInputError({item.code: _item_message(item, value)})
    return int(number)


def validate_chaq(
    values: Mapping[str, object],
    aids: Iterable[str] = (),
    help_domains: Iterable[str] = (),
    other_aid_domains: Iterable[str] = (),
) -> dict[str, str]:
    """Plain-words message per field for every CHAQ entry that cannot be used.

    Blank items are not errors (they make the CHAQ incomplete).
    """
    return score_chaq(values, aids, help_domains, other_aid_domains, explain=False).errors


def _answer(item: ItemDefinition, value: object, messages: dict[str, str]) -> int | str | None:
    """An item's answer (0-3 or "na"), None when blank or unusable (message kept)."""
    if type(value) is int and 0 <= value <= 3:  # what _parse_answer returns for it
        return value
    if value is None or is_blank(value):
        return None
    try:
        return _parse_answer(item, value)
    except InstrumentInputError as exc:
        messages.update(exc.messages)
        return None


def _vas(item: ItemDefinition, value: object, messages: dict[str, str]) -> float | None:
    fast = plain_vas(item, value)
    if fast is not None:
        return fast  # = float(parse_vas(item, value))
    if value is None or is_blank(value):
        return None
    try:
        return float(parse_vas(item, value))
    except InstrumentInputError as exc:
        messages.update(exc.messages)
        return None


_AID_CODES = frozenset(AIDS_BY_CODE)
_DOMAIN_CODES = frozenset(DOMAINS_BY_CODE)
# Each domain with its item definitions, in form order.
_DOMAIN_ITEMS = tuple((d, tuple(ITEMS_BY_CODE[c] for c in d.item_codes)) for d in DOMAINS)


def _flags(
    aids: Iterable[str],
    help_domains: Iterable[str],
    other_aid_domains: Iterable[str],
    messages: dict[str, str],
) -> tuple[set[str], set[str], set[str]]:
    """The aids (known ones), help domains and other-aid domains recorded; a message for
    every code that is not on the form, and for an "other" aid without its domain."""
    if not aids and not help_domains and not other_aid_domains:
        return set(), set(), set()  # nothing recorded: nothing to check (most visits)
    aid_codes = set(aids)
    for code in sorted(aid_codes - _AID_CODES):
        messages[f"aid:{code}"] = (
            f"CHAQ aid or device {code!r} is not on the form; choose one of: "
            + ", ".join(AIDS_BY_CODE)
            + "."
        )
    help_codes = set(help_domains)
    other_codes = set(other_aid_domains)
    for label, codes in (("help from another person", help_codes), ("other aid", other_codes)):
        for code in sorted(codes - _DOMAIN_CODES):
            messages[f"domain:{code}"] = (
                f"CHAQ {label}: {code!r} is not a CHAQ domain; choose one of: "
                + ", ".join(DOMAINS_BY_CODE)
                + "."
            )
    if other_codes and "aid_other" not in aid_codes:
        aid_codes.add("aid_other")
    if "aid_other" in aid_codes and not other_codes:
        messages["aid_other"] = (
            "CHAQ: an 'other' aid or device is recorded; name the domain it helps with so "
            "it can be scored."
        )
    return aid_codes & _AID_CODES, help_codes, other_codes


AIDED_DOMAIN_MINIMUM = 2  # an aid, device or help raises an answered domain to this


def _domain_score(highest: int | None, aided: bool) -> tuple[int | None, bool]:
    """(domain score, raised?): the highest item score, raised to AIDED_DOMAIN_MINIMUM
    when an aid, device or help is recorded -- only for a domain that has a score
    (module docstring: judgement call)."""
    if highest is not None and aided and highest < AIDED_DOMAIN_MINIMUM:
        return AIDED_DOMAIN_MINIMUM, True
    return highest, False


# The disability index is the mean of the answered domains' scores, given when at least
# this many are answered (MINIMUM_DOMAINS_RULE, provisional).
_MINIMUM_DOMAINS = MINIMUM_DOMAINS_RULE.value
assert isinstance(_MINIMUM_DOMAINS, int)


_PROVISIONAL_RULES = (
    MINIMUM_DOMAINS_RULE,
    ProvisionalRule("CHAQ device -> domain mapping", DEVICE_DOMAIN, DEVICE_DOMAIN_SOURCE),
)


def _domain_note(highest: int | None, raised: bool, reasons: tuple[str, ...]) -> str:
    """Why an aid, device or help did or did not change a domain's score."""
    if highest is None:
        return (
            f"{'; '.join(reasons)} recorded, but no item in this domain was answered "
            "0-3: the domain stays unanswered (an aid or help raises only a domain "
            "that has a score; Stanford HAQ convention)."
        )
    if raised:
        return f"Highest item score {highest}, raised to 2 because of: {'; '.join(reasons)}."
    return f"Highest item score {highest}; {'; '.join(reasons)} recorded (already 2 or more)."


class ChaqInputs(NamedTuple):
    """What ``score_chaq`` reads, gathered from a visit's stored CHAQ items."""

    values: dict[str, object]
    aids: tuple[str, ...]
    help_domains: tuple[str, ...]
    other_aid_domains: tuple[str, ...]


_HELP_ITEMS = {f"help_{d.code}": d.code for d in DOMAINS}
_OTHER_AID_ITEMS = {f"aid_other_{d.code}": d.code for d in DOMAINS}
_FLAG_ITEMS = frozenset(AIDS_BY_CODE) | frozenset(_HELP_ITEMS) | frozenset(_OTHER_AID_ITEMS)


def scoring_inputs(entries: Mapping[str, ItemEntry]) -> ChaqInputs:
    """The stored CHAQ items as ``score_chaq`` reads them (``app.db.visits`` storage):
    answers and VAS as numbers (or "na"); an aid or device, help from another person
    (``help_<domain>``) and the domains an "other" aid helps with (``aid_other_<domain>``)
    each recorded as 1."""
    values: dict[str, object] = {}
    aids: list[str] = []
    helped: list[str] = []
    other: list[str] = []
    for code, entry in entries.items():
        num = entry[0]
        if code not in _FLAG_ITEMS:
            values[code] = entry[1] if num is None else (int(num) if num.is_integer() else num)
        elif num != 1:
            continue
        elif code in AIDS_BY_CODE:
            aids.append(code)
        elif code in _HELP_ITEMS:
            helped.append(_HELP_ITEMS[code])
        else:
            other.append(_OTHER_AID_ITEMS[code])
    return ChaqInputs(values, tuple(aids), tuple(helped), tuple(other))


def score_stored(entries: Mapping[str, ItemEntry], *, explain: bool = True) -> ChaqResult:
    """The CHAQ of a visit from its stored items."""
    i = scoring_inputs(entries)
    return score_chaq(i.values, i.aids, i.help_domains, i.other_aid_domains, explain=explain)


def score_chaq(
    values: Mapping[str, object],
    aids: Iterable[str] = (),
    help_domains: Iterable[str] = (),
    other_aid_domains: Iterable[str] = (),
    *,
    explain: bool = True,
) -> ChaqResult:
    """Score a CHAQ (clinical-rules §2.2; IMACS CHAQ instructions; Singh 1994).

    ``values``: item codes -> 0-3, "na" or None, plus the two VAS codes.
    ``aids``: aid/device codes recorded (``AIDS``); ``help_domains``: domains for which
    help from another person is recorded; ``other_aid_domains``: domains the clinician
    assigned an "other" aid to. Never imputes; see the module docstring for the rules.
    ``explain=False`` (bulk exports): the same index, sums, missing items and errors,
    without the per-domain detail (``domains`` is empty) and the explanation.
    """
    messages: dict[str, str] = {}
    get = values.get
    aid_codes, help_codes, other_codes = _flags(aids, help_domains, other_aid_domains, messages)
    domains: list[ChaqDomainScore] = []
    missing: list[str] = []
    not_applicable: list[str] = []
    domain_sum = answered = 0
    aided = bool(aid_codes or help_codes or other_codes)
    unanswered: list[str] = []
    for domain, items in _DOMAIN_ITEMS:
        item_scores: dict[str, int | str | None] = {}
        highest: int | None = None
        for item in items:
            code = item.code
            answer = get(code)
            if type(answer) is int and 0 <= answer <= 3:  # type: ignore[operator]
                # an answer 0-3 as stored: what _answer returns for it
                if highest is None or answer > highest:
                    highest = answer
                if explain:
                    item_scores[code] = answer
                continue
            answer = _answer(item, answer, messages)
            if explain:
                item_scores[code] = answer  # type: ignore[assignment]
            if answer is None:
                if code not in messages:
                    missing.append(code)
            elif answer == NOT_APPLICABLE:
                not_applicable.append(code)
            elif highest is None or answer > highest:  # type: ignore[operator]
                highest = answer  # type: ignore[assignment]
        domain_aids: tuple[str, ...] = ()
        help_flag = False
        reasons: tuple[str, ...] = ()
        if aided:
            if aid_codes:
                domain_aids = tuple(
                    code for code in sorted(aid_codes) if DEVICE_DOMAIN.get(code) == domain.code
                )
            if domain.code in other_codes:
                domain_aids += ("aid_other",)
            help_flag = domain.code in help_codes
            if domain_aids or help_flag:
                reasons = tuple(AIDS_BY_CODE[a].label for a in domain_aids) + (
                    ("help from another person",) if help_flag else ()
                )
        score, raised = _domain_score(highest, bool(reasons))
        if score is None:
            unanswered.append(domain.label)
        else:
            domain_sum += score
            answered += 1
        if explain:
            note = _domain_note(highest, raised, reasons) if reasons else ""
            domains.append(
                ChaqDomainScore(domain.code, domain.label, item_scores, highest, domain_aids,
                                help_flag, score, raised, reasons if raised else (), note)
            )
    pain = _vas(CHAQ_PAIN_VAS, get(CHAQ_PAIN_VAS.code), messages)
    wellbeing = _vas(CHAQ_WELLBEING_VAS, get(CHAQ_WELLBEING_VAS.code), messages)
    minimum = _MINIMUM_DOMAINS
    complete = not missing and not messages
    item_errors = [c for c in messages if c in ITEMS_BY_CODE or c.startswith(("aid", "domain"))
                   ] if messages else []
    index = None if item_errors or answered < minimum else domain_sum / answered
    if not explain:
        explanation = ""
    elif item_errors:
        explanation = sentences(" ", [
            phrase(ENTRY_NOT_VALID if len(item_errors) == 1 else ENTRIES_NOT_VALID,
                   Number(str(len(item_errors)))),
            *(messages[c] for c in item_errors)])
    elif answered < minimum:
        explanation = sentences(" ", [
            phrase(TOO_FEW_DOMAINS, Number(str(answered)), Number(str(len(DOMAINS))),
                   Number(str(minimum)), Label(MINIMUM_DOMAINS_RULE.status)),
            phrase(UNANSWERED, joined(", ", [Label(label) for label in unanswered]))])
    else:
        parts = " + ".join(f"{d.label} {d.score}" for d in domains if d.score is not None)
        explanation = (
            f"CHAQ disability index {format_number(Decimal(domain_sum) / answered, 3)} = "
            f"({parts}) / {answered} answered domains = {domain_sum} / {answered}."
        )
        if unanswered:
            explanation += f" Not answered: {', '.join(unanswered)}."
    return ChaqResult(
        disability_index=index,
        domains_answered=answered,
        domain_sum=domain_sum,
        minimum_domains=minimum,
        domains=tuple(domains),
        complete=complete,
        missing=tuple(missing),
        not_applicable=tuple(not_applicable),
        pain_vas=pain,
        wellbeing_vas=wellbeing,
        errors=messages,
        explanation=explanation,
        provisional_rules=_PROVISIONAL_RULES,
    )


__all__ = [
    "AIDS",
    "DEFINITION",
    "ANSWER_ANCHORS",
    "CHAQ_ITEMS",
    "CHAQ_PAIN_VAS",
    "CHAQ_WELLBEING_VAS",
    "DEVICE_DOMAIN",
    "DOMAINS",
    "MINIMUM_DOMAINS_RULE",
    "NOT_APPLICABLE",
    "ChaqAid",
    "ChaqDomain",
    "ChaqDomainScore",
    "ChaqResult",
    "ProvisionalRule",
    "ChaqInputs",
    "score_chaq",
    "score_stored",
    "scoring_inputs",
    "validate_chaq",
]


# --------------------------------------------------------------------- declaration


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Every item and both VAS."""
    return [
        Requirement(f"chaq:{i.code}", "chaq", "chaq", (i.code,),
                    f"CHAQ {i.domain} item {i.number.split()[-1]}: {i.label}")
        for i in CHAQ_ITEMS
    ] + [Requirement(f"chaq:{v.code}", "chaq", "chaq", (v.code,), f"CHAQ {v.label}")
         for v in VAS_ITEMS]


def _summary(values: Values, ctx: VisitContext) -> Summary:
    result = score_stored(values.get("chaq", {}), explain=False)
    if result.disability_index is None:
        return Summary("no index", False)
    return Summary(sentence(DI_LINE, Number(f"{result.disability_index:.2f}")), result.complete)


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    form = FormBuilder("chaq", "CHAQ", "chaq")
    answers = tuple((str(a.value), a.label) for a in ANSWER_ANCHORS)
    for d in CHAQ_ITEMS:
        form.item(Field(d.code, "chaq", d.display_name, "dropdown", answers, source="chaq"),
                  d.code, "code_num")
    for d in VAS_ITEMS:
        form.item(item_field("chaq", d, "chaq"), d.code, "num")
    aid_choices = tuple((str(i + 1), aid.label) for i, aid in enumerate(AIDS))
    help_choices = tuple((str(i + 1), dom.help_label) for i, dom in enumerate(DOMAINS))
    other_choices = tuple((str(i + 1), dom.label) for i, dom in enumerate(DOMAINS))
    form.add(Field("chaq_aids", "chaq", "Aids or devices used", "checkbox", aid_choices,
                   source="chaq"),
             Field("chaq_help", "chaq", "Help from another person needed for", "checkbox",
                   help_choices, source="chaq"),
             Field("chaq_aid_other", "chaq", "Domains the other aid or device helps with",
                   "checkbox", other_choices, source="chaq"))
    for (code, _), aid in zip(aid_choices, AIDS, strict=True):
        form.check(f"chaq_aids___{code}", aid.code)
    for (code, _), dom in zip(help_choices, DOMAINS, strict=True):
        form.check(f"chaq_help___{code}", f"help_{dom.code}")
    for (code, _), dom in zip(other_choices, DOMAINS, strict=True):
        form.check(f"chaq_aid_other___{code}", f"aid_other_{dom.code}")
    form.add(Field("chaq_di", "chaq", f"CHAQ disability index (0-{MAXIMUM_INDEX})",
                   validation="number", minimum="0", maximum=str(MAXIMUM_INDEX), computed=True,
                   note=COMPUTED_NOTE + f"; blank if fewer than {MINIMUM_DOMAINS_RULE.value} "
                   "domains answered", source="chaq", places=3))
    return (form.build(),)


def _export_values(scores, response) -> dict[str, object]:
    return {} if scores.chaq is None else {"chaq_di": scores.chaq.disability_index}


def _pain(values: Values | None) -> float | None:
    entry = (values or {}).get("chaq", {}).get(CHAQ_PAIN_VAS.code)
    return None if entry is None else entry.value_num


def _outcome_rows(now, base, values: Values, base_values: Values | None) -> list[OutcomeRow]:
    result = now.chaq
    note = ""
    if result is not None and result.disability_index is None:
        note = incomplete_note(result.explanation)
    return [
        OutcomeRow(sentence(DI_ROW, Number(str(MAXIMUM_INDEX))),
                   None if result is None else result.disability_index,
                   None if base is None or base.chaq is None else base.chaq.disability_index,
                   places=3, change_places=3, out_of=MAXIMUM_INDEX, note=note),
        OutcomeRow("CHAQ pain (0-10 cm)", _pain(values), _pain(base_values)),
    ]


def _paper() -> tuple[PaperBlock, ...]:
    rows: list[tuple] = []
    for domain in DOMAINS:
        for i, code in enumerate(domain.item_codes):
            rows.append((domain.label if i == 0 else "", ITEMS_BY_CODE[code].label,
                         *[Boxes(("",))] * 5))
    return (
        PaperGrid("CHAQ — 0 without difficulty, 1 some, 2 much, 3 unable",
                  ("Domain", "Item", "0", "1", "2", "3", "N/A"), tuple(rows),
                  (0.17, 0.53) + (0.06,) * 5, new_page=True),
        PaperLine((Boxes(tuple(a.label for a in AIDS), across=True),),
                  label="Aids or devices:", small=True),
        PaperLine((Boxes(tuple(d.help_label for d in DOMAINS), across=True),),
                  label="Help from another person for:", small=True),
        *(PaperVas(d.label, d.anchors[0].label, d.anchors[-1].label) for d in VAS_ITEMS),
    )


DEFINITION = VisitInstrument(
    id="chaq",
    label="CHAQ",
    protocol_ids=("chaq",),
    stored=("chaq",),
    requirements=_requirements,
    summary=_summary,
    score=score_of_section("chaq", score_stored),
    export_forms=_export_forms,
    export_values=_export_values,
    outcome_rows=_outcome_rows,
    paper=_paper,
    item_labels=lambda: {d.code: d.display_name for d in CHAQ_ITEMS + VAS_ITEMS},
)
