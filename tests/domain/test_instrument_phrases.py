"""The instruments' sentences move to Phrases (issue 21, one mechanism for domain
sentences) without changing a byte of their English: a message still reaches every
``{code: message}`` map as text (a ``Sentence``: the phrase's English as a str), so what is
stored, compared, joined and exported reads exactly what it read before, while the
interface translates ``.phrase`` template by template. The English below is worked out
by hand from each instrument's rule."""

from __future__ import annotations

import copy
import importlib
import pickle
from datetime import date

import pytest

from app.catalog import protocol_catalog
from app.domain import (
    arm_switch,
    body,
    course,
    dates,
    dose_recheck,
    enrollment,
    measurements,
    visit_response,
)
from app.domain.arm_switch import SwitchDraft, switch_problems
from app.domain.body import measurement_age_warning
from app.domain.dates import DAY_FIRST, DateProblem, DateRange, parse_date
from app.domain.enrollment import EnrollmentDraft, EnrollmentFlow
from app.domain.instruments import (
    adverse_events,
    chaq,
    cmas,
    common,
    enzymes,
    medications,
    skin,
    steroid_exposure,
)
from app.domain.instruments import globals as globals_instrument
from app.domain.instruments.adverse_events import (
    adverse_event_code_problems,
    adverse_event_date_problems,
)
from app.domain.instruments.chaq import score_chaq
from app.domain.instruments.cmas import score_cmas
from app.domain.instruments.common import InstrumentInputError
from app.domain.instruments.enzymes import (
    EnzymeMeasurement,
    follow_up_enzyme,
    most_abnormal,
    times_uln,
    validate_enzyme,
)
from app.domain.instruments.globals import GLOBALS_BY_CODE, validate_global
from app.domain.instruments.medications import dose_problem
from app.domain.instruments.mmt8 import validate_mmt8
from app.domain.instruments.skin import SKIN_ITEMS, skin_change_warning, validate_skin
from app.domain.instruments.steroid_exposure import steroid_problems, validate_dose_item
from app.domain.measurements import measurement_problems
from app.domain.phrases import Grouped, Label, Number, Phrase, Sentence, phrase, sentence, sentences
from app.domain.response import core_set, imacs_improvement, printo_inactive, total_improvement
from app.domain.response.core_set import CoreSetValues, MuscleInstrument, MuscleScore
from app.domain.response.total_improvement import total_improvement_score
from app.domain.visit_form import PrescribedDose, recheck_arm_doses
from app.domain.visit_response import muscle_pair
from app.domain.visit_scores import score_visit
from app.domain.visit_values import ItemEntry

# the module (the package gives its function under the same name)
imacs = importlib.import_module("app.domain.response.imacs_improvement")
inactive_disease = importlib.import_module("app.domain.response.inactive_disease")

# ------------------------------------------------------------------ the carrier itself

def test_a_sentence_is_its_english_and_keeps_its_phrase():
    text = sentence("%1 must be %2 cm", Label("Height"), Number("12.5"))
    assert text == "Height must be 12.5 cm" and isinstance(text, str)
    assert text.phrase == phrase("%1 must be %2 cm", Label("Height"), Number("12.5"))
    # a join, a slice, an f-string: plain text (the interface falls back to it as written)
    assert type(" ".join([text, text])) is str and type(text[:6]) is str


def test_a_copy_or_a_pickle_keeps_the_english_and_the_phrase():
    text = sentence("%1 of %2", Number("3.5"), Number("4"))
    for again in (copy.copy(text), copy.deepcopy(text), pickle.loads(pickle.dumps(text))):
        assert again == "3.5 of 4" and again.phrase == text.phrase


def test_a_sentence_from_plain_text_reads_as_written_even_with_a_placeholder():
    text = Sentence("50% of %1")  # "%1" in a plain text is not a place to fill
    # nor a template to translate: the text is a value, given back as it is
    assert text == "50% of %1" and text.phrase.words(str.upper) == "50% of %1"


def test_sentences_joined_keep_their_phrases():
    one = sentence("A %1.", Number("1.5"))
    both = sentences(" ", [one, "B."])
    assert both == "A 1.5. B."
    assert both.phrase.parts[0] == one.phrase
    assert both.phrase.words(number=lambda n: n.replace(".", ",")) == "A 1,5. B."


def test_a_sentence_inside_a_phrase_gives_its_own_words():
    inner = sentence("%1 cm", Number("0.1"))
    outer = phrase("steps of %1", inner)
    assert str(outer) == "steps of 0.1 cm"
    assert outer.words(number=lambda n: n.replace(".", ",")) == "steps of 0,1 cm"


# ---------------------------------------------- the shared field messages (common.py)

PGA = GLOBALS_BY_CODE["pga_activity"]


@pytest.mark.parametrize(("message", "english", "template"), [
    # VAS: 0 to 10 cm in steps of 0.1 cm (clinical-rules §2.4); 10.05 has two decimals
    (validate_global("pga_activity", "10.05"),
     "Physician global assessment of disease activity must be a number from 0 to 10 cm, "
     'in steps of 0.1 cm; "10.05" was entered.', common.VAS_RANGE),
    # a float from a stored value is shown without quotes: 12.5 > 10
    (common.vas_message(PGA, 12.5),
     "Physician global assessment of disease activity must be a number from 0 to 10 cm, "
     "in steps of 0.1 cm; 12.5 was entered.", common.VAS_RANGE),
    # MMT8 (Kendall 0-10): 11 is out of range
    (validate_mmt8({"mmt_neck_flexors": "11"}, "unilateral").get("mmt_neck_flexors"),
     'MMT8: neck flexors must be a whole number from 0 to 10; "11" was entered.',
     common.WHOLE_NUMBER),
])
def test_field_messages_keep_their_english(message, english, template):
    assert isinstance(message, Sentence)
    assert message == english
    assert message.phrase.template == template and template in common.FIELD_SENTENCES


def test_the_limits_are_numbers_and_the_name_a_label():
    message = common.vas_message(PGA, "x").phrase
    assert message.values[0] == PGA.display_name and isinstance(message.values[0], Label)
    # 0, 10, cm, 0.1, cm: the three numbers marked, the units not
    assert [isinstance(v, Number) for v in message.values[1:6]] == [
        True, True, False, True, False]
    assert message.values[4] == "0.1"


def test_the_error_carries_the_sentences_and_its_text_is_their_english():
    with pytest.raises(InstrumentInputError) as caught:
        common.parse_vas(PGA, "11")
    message = caught.value.messages[PGA.code]
    assert isinstance(message, Sentence) and isinstance(message.phrase, Phrase)
    assert str(caught.value) == str(message)


# ------------------------------------------------------------------------------ CMAS

def _cmas(values, age=None):
    return score_cmas(values, age)


@pytest.mark.parametrize(("message", "english", "template"), [
    # head elevation held 5 s: band 1 (1-9 s, clinical-rules §2.1), but 3 was entered
    (lambda: _cmas({"cmas_1": 3, "cmas_1_sec": "5"}).errors["cmas_1"],
     'CMAS item 1 (head elevation): the score entered (3) does not match the seconds entered '
     '("5" s scores 1). Correct or clear one of them.', cmas.SCORE_VS_SECONDS),
    (lambda: _cmas({"cmas_1_sec": "-1"}).errors["cmas_1_sec"],
     'CMAS item 1 (head elevation, seconds held) must be a number of seconds, 0 or more; "-1" was '
     "entered.", cmas.SECONDS),
    # item 5 scored 2 while 3 variants were done (3 entered, 3 left blank: 3 to 6 allowed)
    (lambda: _cmas({"cmas_5": 2, "cmas_5a": 1, "cmas_5b": 1, "cmas_5c": 1}).errors["cmas_5"],
     "CMAS item 5 (sit-ups): the score entered (2) does not match the sit-up variants "
     "entered (3 done of 3 entered). Correct or clear one of them.", cmas.SCORE_VS_SIT_UPS),
    (lambda: _cmas({"cmas_2": 2}).items[1].derivation, "score entered: 2", cmas.SCORE_ENTERED),
    # four of six variants done, all six entered: score 4
    (lambda: _cmas({"cmas_5a": 1, "cmas_5b": 1, "cmas_5c": 1, "cmas_5d": 1, "cmas_5e": 0,
                    "cmas_5f": 0}).items[4].derivation,
     "4 of 6 sit-up variants done", cmas.SIT_UPS_DONE),
    (lambda: _cmas({"cmas_5a": 1, "cmas_5b": 0}).items[4].derivation,
     "2 of 6 sit-up variants entered; not entered: 5c, 5d, 5e, 5f", cmas.SIT_UPS_ENTERED),
])
def test_cmas_sentences_keep_their_english(message, english, template):
    written = message()
    assert isinstance(written, Sentence) and written == english
    assert written.phrase.template == template and template in cmas.CMAS_SENTENCES


def test_the_cmas_age_caveat_keeps_its_english_and_marks_its_numbers():
    # under 5 years: healthy 4-year-olds average 46.6 of 52 (Rennebohm 2004)
    caveat = cmas.age_caveat(4)
    assert caveat == (
        "Age under 5 years: healthy 4-year-olds average about 46.6 on the CMAS, not 52 "
        "(head lift and sit-ups depend on age). Compare with this child's own earlier "
        f"scores. Source: {cmas.AGE_CAVEAT_SOURCE}.")
    rule, source = caveat.phrase.parts
    assert rule.values == ("5", "46.6", "52") and all(isinstance(v, Number) for v in rule.values)
    assert source.template == common.SOURCE_NOTE
    assert cmas.age_caveat(5) is None


# ------------------------------------------------------------------------------ CHAQ

def test_chaq_item_message_and_invalid_entries_keep_their_english():
    result = score_chaq({"chaq_dressing_1": "7"})
    item = result.errors["chaq_dressing_1"]
    assert isinstance(item, Sentence) and item.phrase.template == chaq.ITEM_ANSWER
    assert item == ('CHAQ item dressing 1 (Dress, including tying shoelaces and doing '
                    'buttons?) must be 0, 1, 2, 3 or not applicable; "7" was entered.')
    # one invalid entry: "entry is"; the item's own message follows, as a phrase of its own
    assert result.explanation == "CHAQ disability index not computed: 1 entry is not valid. " + item
    head, same = result.explanation.phrase.parts
    assert head.template == chaq.ENTRY_NOT_VALID and same == item.phrase
    two = score_chaq({"chaq_dressing_1": "7", "chaq_dressing_2": "x"}).explanation
    assert two.startswith("CHAQ disability index not computed: 2 entries are not valid. ")
    assert two.phrase.parts[0].template == chaq.ENTRIES_NOT_VALID


def test_chaq_too_few_domains_keeps_its_english():
    # dressing and arising answered: 2 of 8, the provisional minimum is 6
    result = score_chaq({"chaq_dressing_1": 1, "chaq_arising_1": 2})
    assert result.explanation == (
        "CHAQ disability index not computed: only 2 of 8 domains answered; at least 6 are "
        "needed (provisional rule: a project choice, as the IMACS CHAQ instructions set no "
        "minimum: the disability index only when at least 6 of the 8 domains are answered). "
        "Unanswered (all items blank or not applicable): Eating, Walking, Hygiene, Reach, "
        "Grip, Activities.")
    rule, unanswered = result.explanation.phrase.parts
    assert rule.template == chaq.TOO_FEW_DOMAINS and rule.values[:3] == ("2", "8", "6")
    assert all(isinstance(v, Label) for v in unanswered.values[0].parts)


# --------------------------------------------------------------------------- enzymes

def test_enzyme_field_messages_keep_their_english():
    messages = validate_enzyme(EnzymeMeasurement("ck", "x", "mg", "0", "kg"))
    assert messages == {
        "unit": 'CK (creatine kinase): unit must be U/L or µkat/L; "mg" was entered.',
        "uln_unit": 'CK (creatine kinase): ULN unit must be U/L or µkat/L; "kg" was entered.',
        "value": 'CK (creatine kinase): the result must be a number from 0 to 10,000,000; "x" '
                 "was entered.",
        "uln": "CK (creatine kinase): the upper limit of normal must be a number from 0.001 "
               'to 100,000; "0" was entered.'}
    assert [m.phrase.template for m in messages.values()] == [
        enzymes.UNIT_ENTERED, enzymes.ULN_UNIT_ENTERED, enzymes.RESULT_RANGE, enzymes.ULN_RANGE]
    # the ULN's lower limit is a Number; the thousands-comma limits are Grouped (written
    # with commas here, grouped its own way by the interface: a French comma is a decimal)
    assert isinstance(messages["uln"].phrase.values[1], Number)
    assert isinstance(messages["uln"].phrase.values[2], Grouped)
    assert isinstance(messages["value"].phrase.values[1], Grouped)


def test_times_uln_keeps_its_arithmetic_in_english():
    # 0.75 µkat/L × 60 = 45 U/L; 2.5 µkat/L × 60 = 150 U/L; 45 ÷ 150 = 0.3 × ULN
    result = times_uln(EnzymeMeasurement("ck", 0.75, "µkat/L", 2.5))
    assert result.explanation == ("CK (creatine kinase): 0.75 µkat/L × 60 = 45 U/L ÷ ULN "
                                  "2.5 µkat/L × 60 = 150 U/L = 0.3 × ULN")
    assert result.explanation.phrase.template == enzymes.TIMES_ULN
    assert result.explanation.phrase.words(number=lambda n: f"<{n}>") == (
        "CK (creatine kinase): 0.75 µkat/L × 60 = <45> U/L ÷ ULN 2.5 µkat/L × 60 = <150> U/L = "
        "<0.3> × ULN")


def test_most_abnormal_with_a_tie_keeps_its_english():
    # CK 300/150 = 2, LDH 600/300 = 2, AST 45.5/40 = 1.1375 -> 1.14: CK and LDH tie at 2
    chosen = most_abnormal([EnzymeMeasurement("ck", 300, "U/L", 150),
                            EnzymeMeasurement("ldh", 600, "U/L", 300),
                            EnzymeMeasurement("ast", 45.5, "U/L", 40)])
    assert chosen.explanation == (
        "Most abnormal enzyme at baseline: CK (creatine kinase), 2 × ULN (CK 2; LDH 2; AST "
        "1.14). Tied with LDH (lactate dehydrogenase); CK (creatine kinase) chosen by the "
        "fixed order CK, aldolase, LDH, AST, ALT. The clinician may choose another.")
    assert [p.template for p in chosen.explanation.phrase.parts] == [
        enzymes.MOST_ABNORMAL, enzymes.TIED, enzymes.ANOTHER]
    follow = follow_up_enzyme("ck", [])
    assert follow.reason == ("CK (creatine kinase) (the most abnormal enzyme at baseline) was "
                             "not measured at this visit; another enzyme is not substituted.")
    assert follow.reason.phrase.template == enzymes.NOT_MEASURED


# ------------------------------------------------------------------------------ skin

def test_skin_messages_keep_their_english():
    item = SKIN_ITEMS[0]
    messages = validate_skin({item.code: "absent", item.change_code: "new"})
    assert messages == {item.change_code: "Cutaneous ulceration is marked absent but its "
                                          "change is 'new'; correct one of them."}
    assert messages[item.change_code].phrase.template == skin.ABSENT_BUT_CHANGED
    wrong = validate_skin({item.code: "maybe"})[item.code]
    assert wrong == ('Cutaneous ulceration: answer must be one of absent (absent), present '
                     '(present); "maybe" was entered.')
    assert wrong.phrase.template == skin.ANSWER


def test_the_skin_change_reminder_keeps_its_english_and_marks_the_scores():
    # "improving" while the activity VAS went from 2.5 to 4 cm: higher
    reminder = skin_change_warning(2.5, 4.0, "improving", finding="Cutaneous ulceration")
    assert reminder == ("Please check: Cutaneous ulceration is marked improving, but the skin "
                        "activity score is higher than at the last visit: 2.5 cm then, 4 cm "
                        "now. Saving is not blocked.")
    check, saving = reminder.phrase.parts
    assert check.template == skin.HIGHER and saving.template == skin.NOT_BLOCKED
    assert check.values[4:] == ("2.5", "4") and all(isinstance(v, Number)
                                                      for v in check.values[4:])
    lower = skin_change_warning(4.5, 4.0, "worse")
    assert lower.phrase.parts[0].template == skin.LOWER
    assert "lower than at the last visit: 4.5 cm then, 4 cm now." in lower


# ------------------------------------------------------------------ steroid exposure

def test_steroid_messages_keep_their_english():
    # IV methylprednisolone pulses: whole, 0 to 60; the pulse dose 1 to 1000 mg
    assert validate_dose_item("ivmp_pulses", "2.5") == (
        'IV methylprednisolone pulses since the last visit must be a whole number; "2.5" was '
        "entered.")
    too_high = validate_dose_item("ivmp_dose_mg", "99999")
    assert too_high == ('IV methylprednisolone dose per pulse must be from 1 to 1000 mg; '
                        '"99999" was entered.')
    assert too_high.phrase.template == steroid_exposure.FROM_TO
    assert too_high.phrase.values[1:3] == ("1", "1000")
    assert all(isinstance(v, Number) for v in too_high.phrase.values[1:3])
    needed = steroid_problems({"ivmp_pulses": "3"})["ivmp_dose_mg"]
    assert needed == ("IV methylprednisolone: pulses were given since the last visit; enter "
                      "the dose of each pulse in mg.")
    assert needed.phrase.template == steroid_exposure.PULSE_DOSE_NEEDED


# ----------------------------------------------------- dates and adverse events' dates

def _problem(text, order=DAY_FIRST):
    with pytest.raises(DateProblem) as caught:
        parse_date(text, order, date(2026, 5, 1))
    return caught.value.message


@pytest.mark.parametrize(("typed", "english", "template"), [
    ("abc", '"abc" is not a date. Write it as 2015-03-14, 20150314 or 14/03/2015.',
     dates.NOT_A_DATE),
    ("0000-01-01", '"0000-01-01": the year must be written in full, e.g. 2015.',
     dates.YEAR_IN_FULL),
    ("2015-13-01", '"2015-13-01" is an impossible date: there is no month 13 (months run from '
                   "1 to 12).", dates.NO_MONTH),
    # 2015 is not a leap year: February has 28 days
    ("2015-02-30", '"2015-02-30" is an impossible date: February 2015 has 28 days.',
     dates.MONTH_DAYS),
])
def test_date_problems_keep_their_english(typed, english, template):
    message = _problem(typed)
    assert isinstance(message, Sentence) and message == english
    assert message.phrase.template == template and template in dates.DATE_SENTENCES


def test_a_date_range_problem_keeps_its_english():
    limits = DateRange(date(2020, 1, 1), date(2026, 1, 1), "the date of birth", "today")
    early = limits.problem(date(2019, 5, 5))
    assert early == ("05 May 2019 is before the earliest date allowed here, 01 Jan 2020 (the "
                     "date of birth).")
    assert early.phrase.template == dates.BEFORE_EARLIEST[1]
    late = DateRange(latest=date(2026, 1, 1)).problem(date(2027, 5, 5))
    assert late == "05 May 2027 is after the latest date allowed here, 01 Jan 2026."
    assert late.phrase.template == dates.AFTER_LATEST[0]


def test_adverse_event_messages_keep_their_english():
    coded = adverse_event_code_problems(4, "infection_serious", False, None, "not_recovered",
                                        True)
    assert coded == {
        "serious": "Adverse event 4: a serious infection is a serious event; answer Serious? "
                   "yes, or choose Infection, not serious.",
        "outcome": "Adverse event 4: it has a resolved date, so its outcome cannot be not "
                   "recovered."}
    assert {m.phrase.template for m in coded.values()} == {
        adverse_events.SERIOUS_INFECTION, adverse_events.RESOLVED_NOT_RECOVERED}
    unlisted = adverse_event_code_problems(3, "zzz", True, None, None, False)["category"]
    assert unlisted == ("Adverse event 3: category 'zzz' is not one of the listed categories; "
                        "choose one.")
    today = date(2026, 5, 1)
    dated = adverse_event_date_problems(1, "abc", "2026-03-01", today,
                                        enrolled_on=date(2026, 4, 1))
    assert dated == {
        "onset": 'Adverse event 1: the onset date: "abc" is not a date. Write it as 2015-03-14, '
                 "20150314 or 14/03/2015.",
        "resolved": "Adverse event 1: the resolved date 2026-03-01 is before the enrollment on "
                    "2026-04-01."}
    # the date's own problem is a phrase inside the event's
    assert dated["onset"].phrase.values[1].phrase.template == dates.NOT_A_DATE
    order = adverse_event_date_problems(1, "2026-03-01", "2026-02-15", today)["resolved"]
    assert order == "Adverse event 1: resolved 2026-02-15 is before its onset 2026-03-01."
    assert set(m.phrase.template for m in (*coded.values(), *dated.values(), order)) <= set(
        adverse_events.EVENT_SENTENCES)


# ------------------------------------------------------------- TIS (core_set, total)

BASE = CoreSetValues(physician_global=6.0, parent_global=5.0,
                     muscle=MuscleScore(MuscleInstrument.MMT8_UNILATERAL, 60), chaq_di=1.5,
                     enzyme=3.0, enzyme_code="ck", extramuscular=4.0)
FOLLOW = CoreSetValues(physician_global=2.5, parent_global=3.0,
                       muscle=MuscleScore(MuscleInstrument.MMT8_UNILATERAL, 70), chaq_di=0.75,
                       enzyme=1.2, enzyme_code="ck", extramuscular=1.0)


def test_the_tis_keeps_its_english_and_marks_its_numbers():
    result = total_improvement_score(BASE, FOLLOW)
    # physician global (6 - 2.5) / 10 × 100 = 35% -> >25-40% -> 17.5 points (Rider 2016)
    physician = result.measures[0].calculation
    assert physician == "(6 - 2.5) / 10 × 100 = 35% -> >25-40% -> 17.5 points"
    assert physician.phrase.parts[1].template == total_improvement.POINTS
    assert physician.phrase.words(number=lambda n: n.replace(".", ",")) == (
        "(6 - 2,5) / 10 × 100 = 35% -> >25-40% -> 17,5 points")
    # 17.5 + 5 + 20 + 7.5 + 7.5 + 15 = 72.5: major (>= 70)
    assert result.explanation.startswith(
        "Total improvement score 72.5 = 17.5 (Physician global activity) + 5 (Patient/parent "
        "global activity) + 20 (Muscle strength (MMT8 or CMAS)) + 7.5 (CHAQ disability index) "
        "+ 7.5 (Most abnormal muscle enzyme) + 15 (Extramuscular activity); category: major "
        "(JDM: minimal >= 30, moderate >= 45, major >= 70). Percent change rule is "
        "PROVISIONAL: ")
    total, note = result.explanation.phrase.parts
    assert total.template == total_improvement.TOTAL and str(note) == str(note.template)


def test_the_tis_not_computed_keeps_its_english():
    follow = CoreSetValues(physician_global=2.5, parent_global=3.0,
                           muscle=MuscleScore(MuscleInstrument.CMAS, 40), chaq_di=0.75,
                           enzyme=1.2, enzyme_code="ldh", extramuscular=1.0)
    result = total_improvement_score(BASE, follow)
    assert result.explanation.startswith(
        "Total improvement score not computed (never estimated from partial data). Muscle "
        "strength not comparable: baseline MMT8 (unilateral, 0-80) vs follow-up CMAS (0-52); "
        "use the same instrument and variant at both visits. Enzyme not comparable: baseline "
        "ck vs follow-up ldh; follow the baseline's most abnormal enzyme. Percent change rule "
        "is PROVISIONAL: ")
    assert [p.template for p in result.explanation.phrase.parts[:3]] == [
        total_improvement.NOT_COMPUTED, total_improvement.MUSCLE_NOT_COMPARABLE,
        total_improvement.ENZYME_NOT_COMPARABLE]
    missing = total_improvement_score(CoreSetValues(physician_global=6.0),
                                      CoreSetValues(physician_global=5.4)).measures[1].reason
    assert missing == "Patient/parent global activity not available at baseline and follow-up."
    assert missing.phrase.template == core_set.NOT_AVAILABLE_AT[("baseline", "follow-up")]


# ---------------------------------------------------------------- IMACS improvement

def test_the_imacs_improvement_keeps_its_english():
    # MMT8 60 -> 40: (40 - 60) / 60 = -33.33% (worsened); physician 6 -> 8, parent 5 -> 7,
    # CHAQ 1.5 -> 2.5 worsened too: 4 worsened (at most 2), 2 improved (3 needed)
    follow = CoreSetValues(physician_global=8.0, parent_global=7.0,
                           muscle=MuscleScore(MuscleInstrument.MMT8_UNILATERAL, 40),
                           chaq_di=2.5, enzyme=1.2, enzyme_code="ck", extramuscular=1.0)
    result = imacs_improvement(BASE, follow)
    assert result.explanation == (
        "Not improved (IMACS definition): MMT8 worsened by 25% or more; 4 measures worsened by "
        "25% or more (at most 2 allowed); only 2 improved by 20% or more (3 needed). Improved "
        "by 20% or more: Most abnormal muscle enzyme, Extramuscular activity; worsened by 25% "
        "or more: Physician global activity, Patient/parent global activity, Manual muscle "
        "testing (MMT8), Physical function (CHAQ). Physician global activity: (6 - 8) / 6 × "
        "100 = -33.33% -> worsened. Patient/parent global activity: (5 - 7) / 5 × 100 = -40% "
        "-> worsened. Manual muscle testing (MMT8): (40 - 60) / 60 × 100 = -33.33% -> "
        "worsened. Physical function (CHAQ): (1.5 - 2.5) / 1.5 × 100 = -66.67% -> worsened. "
        "Most abnormal muscle enzyme: (3 - 1.2) / 3 × 100 = 60% -> improved. Extramuscular "
        "activity: (4 - 1) / 4 × 100 = 75% -> improved.")
    verdict, summary, details = result.explanation.phrase.parts
    assert verdict.template == imacs.NOT_IMPROVED
    assert summary.parts[0].template == imacs.IMPROVED_AND_WORSENED
    assert details.parts[0].template == imacs.DETAIL[imacs.MeasureChange.WORSENED]
    assert result.measures[4].calculation == "(3 - 1.2) / 3 × 100 = 60% -> improved"


def test_the_imacs_undetermined_keeps_its_english():
    follow = CoreSetValues(physician_global=2.5, muscle=MuscleScore(
        MuscleInstrument.MMT8_BILATERAL, 120), enzyme=1.0, enzyme_code="ldh")
    result = imacs_improvement(BASE, follow)
    assert result.explanation.startswith(
        "Undetermined: the measures not available (Patient/parent global activity, Manual "
        "muscle testing (MMT8), Physical function (CHAQ), Most abnormal muscle enzyme, "
        "Extramuscular activity) decide the result. Improved by 20% or more: Physician global "
        "activity; worsened by 25% or more: none; not available: Patient/parent global "
        "activity, ")
    # a measure not available is named, then its reason, as the English always wrote it
    assert result.explanation.endswith(
        "Manual muscle testing (MMT8): MMT8 not comparable: baseline MMT8 (unilateral, 0-80) "
        "vs follow-up MMT8 (bilateral, 0-150).. Physical function (CHAQ): CHAQ disability "
        "index not available at follow-up.. Most abnormal muscle enzyme: Enzyme not "
        "comparable: baseline ck vs follow-up ldh.. Extramuscular activity: Extramuscular "
        "activity not available at follow-up..")
    assert result.measures[2].calculation.phrase.template == imacs.MMT8_NOT_COMPARABLE


# ------------------------------------------------------ PRINTO inactive disease

def test_the_printo_explanation_keeps_its_english():
    # CK 2.5 µkat/L × 60 = 150 U/L <= 150 (met); CMAS 40 < 48, MMT8 70 < 78, PGA 0.5 > 0.2
    result = printo_inactive(ck=2.5, ck_unit="µkat/L", cmas=40, mmt8=70, pga=0.5)
    assert result.explanation == (
        "Not clinically inactive: fewer than 3 of 4 can be met. 1 of 4 PRINTO criteria met "
        "(CK); not met: CMAS, MMT8, Physician global activity. CK 2.5 µkat/L × 60 = 150 U/L <= "
        "150 U/L. CMAS 40 does not meet >= 48. MMT8 70 does not meet >= 78. Physician global "
        "activity 0.5 does not meet <= 0.2 cm.")
    verdict, summary, details = result.explanation.phrase.parts
    assert verdict.template == inactive_disease.NOT_INACTIVE
    assert summary.parts[0].template == inactive_disease.CRITERIA_MET
    assert [getattr(p, "template", None) for p in details.parts[1:]] == [
        inactive_disease.MEETS[False], inactive_disease.MEETS[False],
        inactive_disease.PGA_MEETS[False]]
    # each criterion's own detail, without the full stop, as before
    assert [c.detail for c in result.criteria] == [
        "CK 2.5 µkat/L × 60 = 150 U/L <= 150 U/L", "CMAS 40 does not meet >= 48",
        "MMT8 70 does not meet >= 78", "Physician global activity 0.5 does not meet <= 0.2 cm"]


def test_the_printo_undetermined_keeps_its_english():
    result = printo_inactive(ck=100, mmt8=140, mmt8_variant="bilateral", pga=0.2)
    assert result.explanation == (
        "Undetermined: the criteria not available (cmas, mmt8) decide whether 3 of 4 are met. "
        "2 of 4 PRINTO criteria met (CK, Physician global activity); not available: CMAS, "
        "MMT8. CK 100 U/L <= 150 U/L. CMAS not available. MMT8 criterion is defined on the "
        "0-80 unilateral scale; a bilateral (0-150) total is not converted, so this criterion "
        "is not available. Physician global activity 0.2 meets <= 0.2 cm.")
    assert result.criteria[1].detail.phrase.template == inactive_disease.NOT_AVAILABLE
    assert result.criteria[2].detail.phrase.template == inactive_disease.BILATERAL_MMT8


# ------------------------------------------ the section list's lines, the response notes

def test_the_section_lines_and_the_response_notes_keep_their_english():
    # CHAQ: 2 + 1 + 1 + 1 + 0 + 0 + 0 + 0 = 5 over 8 domains = 0.625 -> "DI 0.62" (:.2f
    # rounds half to even on the binary float 0.625)
    values = {f"chaq_{d}_1": s for d, s in (("dressing", 2), ("arising", 1), ("eating", 1),
                                             ("walking", 1), ("hygiene", 0), ("reach", 0),
                                             ("grip", 0), ("activities", 0))}
    line = chaq.DEFINITION.summary({"chaq": {c: ItemEntry(value_num=float(v))
                                             for c, v in values.items()}}, None)
    assert line.text == "DI 0.62" and line.text.phrase.template == chaq.DI_LINE
    baseline = score_visit({"mmt8": {}})
    note = muscle_pair(baseline, baseline)[2]
    assert note == visit_response.NEITHER_AT_BOTH and isinstance(note, Sentence)
    chosen = most_abnormal([EnzymeMeasurement("ck", 300, "U/L", 150)])
    both = visit_response._enzyme_note(chosen, score_visit({}))
    assert both == ("Most abnormal enzyme at baseline: CK (creatine kinase), 2 × ULN (CK 2). "
                    "This visit: CK (creatine kinase) (the most abnormal enzyme at baseline) "
                    "was not measured at this visit; another enzyme is not substituted.")
    assert both.phrase.parts[1].template == visit_response.THIS_VISIT


# ------------------------------------------------ medications' doses and the re-check

def test_dose_messages_keep_their_english():
    wrong = dose_problem("methotrexate", "abc")
    assert wrong == ('The dose of methotrexate must be a number above 0 (for example 7.5; a '
                     'range or a word goes in "Other (free text)"); "abc" was entered.')
    assert wrong.phrase.template == medications.DOSE_NOT_A_NUMBER
    extra = dose_problem("IVIG", 2.0, "twice")
    assert extra == 'The dose of IVIG is a number only; "twice" was stored with it.'
    assert extra.phrase.template == medications.DOSE_NUMBER_ONLY


def test_the_dose_recheck_keeps_its_english():
    plan = protocol_catalog().protocols["moderate-jdm-2010"]
    on, start = date(2026, 7, 5), date(2026, 1, 5)
    (none,) = [c for c in recheck_arm_doses(plan, "mp", None, 120, [], on, started_on=start)
               if c.drug == "prednisone"]
    assert none.message == "Enter today's weight to re-check the dose."
    assert none.message.phrase.template == dose_recheck.ENTER_WEIGHT
    # 2 mg/kg/day × 30 kg = 60 mg/day (maximum 60)
    (missing,) = [c for c in recheck_arm_doses(plan, "mp", 30, 120, [], on, started_on=start)
                  if c.drug == "prednisone"]
    assert missing.message == ("Protocol dose for today's weight: 60 mg/day. No prednisone "
                               "prescription recorded.")
    first = missing.message.phrase.parts[0]
    assert first.template == dose_recheck.NO_PRESCRIPTION[False]
    assert first.values[0].template == dose_recheck.PER_DAY
    (other,) = [c for c in recheck_arm_doses(
        plan, "mp", 30, 120, [PrescribedDose("prednisone", 10, "mg", "week")], on,
        started_on=start) if c.drug == "prednisone"]
    assert other.message == ("Protocol dose for today's weight: 60 mg/day. Prescribed 10 "
                             "mg/week is in other units: check by hand.")
    (over,) = [c for c in recheck_arm_doses(
        plan, "mp", 30, 120, [PrescribedDose("prednisone", 61, "mg", "day")], on,
        started_on=start) if c.drug == "prednisone"]
    assert over.message.endswith("above the protocol maximum of 60 mg/day — OUTSIDE THE "
                                 "PROTOCOL RULE.")
    # the course check's sentences, the prescription and the verdict: one phrase
    checked = over.message.phrase.parts[0]
    assert checked.template == dose_recheck.CHECKED
    assert checked.values[0].phrase.template == course.DOSE_TODAY
    assert checked.values[2].phrase.template == course.ABOVE_CAP
    assert checked.values[3].template == dose_recheck.VERDICT[False]


# -------------------------- the dates of an enrollment, an arm switch and a weight

def test_a_weights_date_keeps_its_english():
    today = date(2026, 5, 1)
    # 2026-01-01 to 2026-05-01: 31 + 28 + 31 + 30 = 120 days, over the default 30
    old = measurement_problems("20", "kg", "120", "cm", "2026-01-01", today, False)
    assert old["measured_on"] == (
        "This weight was measured 120 days ago (on 01 Jan 2026); weights older than 30 days "
        "should be re-measured before dosing. Enter a new measurement.")
    warning, again = old["measured_on"].phrase.parts
    assert warning.template == body.WEIGHT_TOO_OLD and warning.values[0] == "120"
    assert again.template == measurements.NEW_MEASUREMENT
    assert measurement_age_warning(None, today) == (
        "The date this weight was measured is not recorded. Re-measure before dosing.")
    assert measurement_age_warning(date(2026, 6, 1), today).phrase.template == (
        body.WEIGHT_AFTER_TODAY)


def test_the_enrollment_and_switch_dates_keep_their_english():
    plan = protocol_catalog().protocols["persistent-skin-rash"]
    today = date(2026, 11, 21)
    draft = EnrollmentDraft(patient_id=1, screening_id=1, protocol_id="persistent-skin-rash",
                            enrollment_date="2026-10-30", weight="20", height="115",
                            measured_on="2026-11-02", arm_id="B")
    problems = EnrollmentFlow(plan, {"ivig": "no"}, today, date(2026, 11, 1)).details_problems(
        draft)
    assert problems["enrollment_date"] == (
        "The enrollment date cannot be before the screening date 2026-11-01.")
    assert problems["enrollment_date"].phrase.template == enrollment.ENROLLMENT_BEFORE_SCREENING
    switch = SwitchDraft(to_arm="B", reason="inadequate_response", switch_date="2026-11-30",
                         weight="22", height="118", measured_on="2026-11-20")
    said = switch_problems(plan, "A", switch, date(2026, 11, 2), today)["switch_date"]
    assert said == "The switch date 2026-11-30 is in the future."
    assert said.phrase.template == arm_switch.SWITCH_IN_FUTURE


# ------------------------------------------------- the printed summary's outcome rows

def test_outcome_row_labels_keep_their_english():
    rows = globals_instrument.DEFINITION.outcome_rows(None, None, {}, None)
    assert rows[1].label == "Physician global assessment of disease activity (0-10 cm)"
    assert rows[1].label.phrase.template == globals_instrument.VAS_ROW
    assert isinstance(rows[1].label.phrase.values[0], Label)
    assert sentence(chaq.DI_ROW, Number("3")) == "CHAQ disability index (0-3)"
    assert sentence(enzymes.TIMES_ULN_ROW, Label("CK")) == "CK (× ULN)"
    assert most_abnormal([]).explanation == "No baseline enzyme results entered."
