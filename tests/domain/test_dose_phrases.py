"""The dose engine's sentences are written once, as phrases: the English stored with an
enrollment and printed stays exactly as before, and the interface can fill the same values
into its own words."""

from __future__ import annotations

import json
from datetime import date

from dose_derivation_cases import GOLDEN, PLANS, texts

from app.domain import age, body, growth
from app.domain import dose_sentences as said
from app.domain.body import BodyMeasurements
from app.domain.dosing import compute_dose
from app.domain.phrases import phrase
from app.domain.protocol import load_protocol


def test_english_derivations_and_warnings_are_unchanged():
    """Every dose and concomitant maximum of the shipped plans for five children (8 to
    150 kg; ages unknown, 3 and 10 years for the drugs labelled from an age): byte for
    byte the text the engine wrote before its sentences became phrases."""
    before = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = texts()
    assert sorted(now) == sorted(before)
    changed = [case for case in before if now[case] != before[case]]
    assert changed == []


def test_a_worked_dose_through_a_translation():
    """Cyclosporine, persistent skin rash arm C, 20 kg: at least 3 mg/kg/day × 20 kg =
    60 mg/day, no maximum, rounded up to 1 mg: 60 mg/day. A translation replaces each
    template and keeps each value exactly (20, 60, 3 and the units' numbers)."""
    plan = load_protocol(PLANS / "persistent-skin-rash.toml")
    rule = plan.arm("C").doses[0]
    result = compute_dose(rule, BodyMeasurements(20, 115, date(2026, 11, 2)))
    assert result.amount == 3 * 20 == 60
    words = {said.PER_DAY_RATE: "%1/%2/jour", said.PER_DAY: "%1/jour",
             said.AT_LEAST: "au moins %1", said.HEADINGS_HOW["Dose"]: "Dose : %1 (%2).",
             said.GIVE_AT_LEAST: "au moins %1 %2"}
    lines = [line.words(lambda t: words.get(t, t)) for line in result.explained]
    assert lines[0].startswith("Cyclosporine: au moins 3 mg/kg/jour × 20 kg = 60 mg/jour; ")
    assert lines[1] == "Dose : au moins 60 mg/jour (total daily dose, oral)."
    # untranslated templates stay English; the English text is the phrases' own
    assert "\n".join(str(line) for line in result.explained) == result.derivation
    assert result.derivation.splitlines()[1] == "Dose: at least 60 mg/day (total daily dose, oral)."


def test_values_are_filled_in_once():
    """A value that itself contains "%1" (a typed reason, a plan's note) is not filled in
    again, and a repeated placeholder takes the same value."""
    text = phrase(said.BELOW_MINIMUM, "5", phrase(said.PER_DAY, "mg %1"))
    assert str(text) == "below the protocol minimum of 5 mg %1/day, so 5 mg %1/day"


def test_every_template_names_its_values_in_order():
    """%1…%n with none skipped, so a translation can be checked against its source."""
    import re

    for template in (*said.SENTENCES, *body.SENTENCES, *age.SENTENCES, *growth.SENTENCES):
        used = sorted({int(n) for n in re.findall(r"%(\d)", template)})
        assert used == list(range(1, len(used) + 1)), template


def test_a_final_dose_above_the_maximum_names_the_drug_not_its_code():
    """Persistent skin rash arm A, IVIG 2 g/kg at 50 kg = 100 g, capped at the 70 g
    maximum; 80 g typed is refused. The drug is named as people write it ("IVIG", not the
    plan's code "ivig"), and stays a value the interface can say in its own words."""
    from app.domain.dosing import final_dose_words
    from app.domain.phrases import PlanText

    plan = load_protocol(PLANS / "persistent-skin-rash.toml")
    result = compute_dose(plan.arm("A").doses[0], BodyMeasurements(50))
    assert result.drug == "ivig" and result.amount == 70
    said_now = final_dose_words(result, 80)
    assert str(said_now) == ("The final IVIG dose cannot be above the protocol maximum of "
                             "70 g; 80 g was entered.")
    assert isinstance(said_now.values[0], PlanText)
