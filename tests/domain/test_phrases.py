"""A phrase's English is exactly what the domain wrote; the interface's hooks change only
the parts marked for them (a template, a plan's text, a number's decimal mark)."""

import re
import sys
from datetime import date
from pathlib import Path

from app.catalog import growth_reference
from app.domain.body import BodyMeasurements
from app.domain.dosing import compute_dose
from app.domain.growth import GrowthSubject, judge_measurements
from app.domain.phrases import DrugName, Number, joined, phrase
from app.domain.protocol import load_protocol

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dose_derivation_cases import PLANS  # noqa: E402


def comma(text: str) -> str:
    return text.replace(".", ",")


def test_a_number_keeps_its_english_digits_in_str():
    sentence = phrase("CMAS %1 of %2", Number("37.5"), Number("52"))
    assert str(sentence) == "CMAS 37.5 of 52"


def test_the_number_hook_changes_only_numbers():
    # "v1.2" is a plain value (not a Number): its point must stay.
    sentence = phrase("%1 at %2 (%3)", Number("2.5"), "v1.2", DrugName("IVIG"))
    assert sentence.words(number=comma) == "2,5 at v1.2 (IVIG)"


def test_numbers_inside_nested_and_joined_phrases_reach_the_hook():
    inner = phrase("%1 mg", Number("12.5"))
    both = joined("; ", [phrase("dose %1", inner), Number("0.5")])
    assert both.words(number=comma) == "dose 12,5 mg; 0,5"
    assert str(both) == "dose 12.5 mg; 0.5"


# ------------------------------------------------- the dose engine's numbers are marked

NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")


def _through_the_hook(sentences):
    """(English, the same with the hook's comma, every Number the hook was given)."""
    seen: list[str] = []

    def mark(value: str) -> str:
        seen.append(value)
        return comma(value)

    return ([str(s) for s in sentences], [s.words(number=mark) for s in sentences], seen)


def test_a_dose_derivation_gives_its_numbers_to_the_hook():
    """IVIG, persistent skin rash arm A, 20.5 kg and 115.5 cm: 2 g/kg × 20.5 kg = 41 g,
    rounded to the nearest 0.1 g: 41 g; BSA √(115.5 × 20.5 / 3600) = 0.8110 m². Every
    computed number reaches the hook (the weight, the rounding step, the BSA), the hook is
    given only numbers, and only the decimal mark differs from the English."""
    plan = load_protocol(PLANS / "persistent-skin-rash.toml")
    result = compute_dose(plan.arm("A").doses[0], BodyMeasurements(20.5, 115.5,
                                                                   date(2026, 11, 2)))
    assert result.amount == 41.0  # 2 × 20.5
    english, shown, seen = _through_the_hook(result.explained)
    assert all(NUMBER.fullmatch(value) for value in seen), seen
    assert {"20.5", "0.1", "41"} <= set(seen)
    assert "2 g/kg × 20,5 kg = 41 g" in shown[0] and "0,1 g" in shown[0]
    assert "2 g/kg × 20.5 kg = 41 g" in english[0]
    assert [s.replace(",", ".") for s in shown] == [e.replace(",", ".") for e in english]
    assert "weight 20,5 kg, height 115,5 cm" in shown[2]


def test_growth_findings_give_their_numbers_to_the_hook():
    """A girl of 6 y 5 m weighing 44 kg (CDC 2000: median 21.5 kg, 4.4 modified SD above;
    the 6 y 6 m girl of tests/forms/test_french_measurements.py has 21.6 and 4.3): the
    median and the SD reach the hook."""
    findings = judge_measurements(growth_reference(), GrowthSubject(date(2020, 5, 4), "female"),
                                  date(2026, 11, 2), 44.0, None)
    english, shown, seen = _through_the_hook([f.words for f in findings if f.implausible])
    assert "median 21.5 kg" in english[0] and "about 4.4 SD" in english[0]
    assert "median 21,5 kg" in shown[0] and "about 4,4 SD" in shown[0]
    assert all(NUMBER.fullmatch(value) for value in seen), seen


def test_a_number_read_as_the_domain_reads_it_is_quoted_as_typed():
    """The French form reads "12,5" as "12.5": the domain checks 12.5, and its refusal
    quotes what was typed (issue 21)."""
    from app.domain.instruments.globals import validate_global
    from app.domain.instruments.medications import validate_vital
    from app.domain.phrases import ReadAs, Typed, as_typed

    typed = ReadAs("12.5", "12,5")
    assert (str.__str__(typed), typed.typed, as_typed(typed)) == ("12.5", "12,5", "12,5")
    assert Typed(typed) == '"12,5"' and Typed(typed).typed == "12,5"
    assert validate_global("pga_activity", typed).endswith('; "12,5" was entered.')
    assert validate_global("pga_activity", ReadAs("7.3", "7,3")) is None  # read as 7.3
    assert str(validate_vital("bp_systolic", ReadAs("120.5", "120,5"))).endswith(
        '; "120,5" was entered.')
    # text typed with the point is quoted as it was, as always
    assert validate_global("pga_activity", "12.5").endswith('; "12.5" was entered.')
