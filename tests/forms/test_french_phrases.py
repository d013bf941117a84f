"""The instruments' sentences that the domain now writes as Phrases (issue 21, one
mechanism for domain sentences) read in French through terms.phrases, as the listed
templates did: the medications section's vital signs so far."""

from __future__ import annotations

import pytest

from app.domain.instruments.medications import VITAL_SENTENCES, validate_vital
from app.forms import terms
from app.forms.language import INTERFACE


@pytest.fixture
def french(qapp):
    INTERFACE.switch("fr")
    yield
    INTERFACE.switch("en")


@pytest.mark.parametrize(("item", "text", "unit", "french_words"), [
    ("bp_systolic", "120.5", None,
     "La pression artérielle systolique doit être un nombre entier de 50 à 250 mmHg\u202f; "
     "« 120.5 » a été saisi."),
    ("creatinine", "50", "mg/dL",
     # the limit is a Number: the French decimal comma; what was typed stays as typed
     "La créatinine doit être un nombre de 0,05 à 25 mg/dL\u202f; « 50 » a été saisi."),
    ("weight_kg", "3", "stone", "Poids se saisit en kg ou en lb, pas en stone."),  # as before
    # out of range (2-200 kg; 45-220 cm, 17.72-86.61 in; 10.5 in × 2.54 = 26.67 cm): the
    # numbers with the French decimal comma (they kept their point)
    ("weight_kg", "250.5", "kg", "Poids doit être entre 2 et 200 kg\u202f; 250,5 kg a été "
                                 "saisi."),
    ("height_cm", "10.5", "in", "Taille doit être entre 45 et 220 cm (17,72 à 86,61 in)"
                                "\u202f; 10,5 in (26,67 cm) a été saisi."),
])
def test_vital_messages_read_in_french(french, item, text, unit, french_words):
    assert terms.phrases(terms.MESSAGE, validate_vital(item, text, unit)) == french_words


def test_every_vital_sentence_is_listed_and_translated(french):
    listed = terms.LISTED[terms.MESSAGE]
    assert set(VITAL_SENTENCES) <= set(listed)
    assert [s for s in VITAL_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


def test_in_english_the_phrase_reads_as_the_domain_wrote_it(qapp):
    message = validate_vital("bp_diastolic", "10")
    assert terms.phrases(terms.MESSAGE, message) == str(message) == (
        'Diastolic blood pressure must be a whole number from 20 to 150 mmHg; "10" was '
        "entered.")


def _refractory():
    from app.domain.protocol import load_protocol
    from app.paths import resources_dir

    return load_protocol(resources_dir() / "protocols" / "refractory-biologic.toml")


def test_dose_band_bounds_read_in_french_with_decimal_commas(french):
    """"la SC de 1,5014 m² est dans la tranche > 1.5 m²" kept the band's point (and an
    English "and" between two bounds)."""
    from app.domain.body import BodyMeasurements
    from app.domain.dosing import compute_arm_doses

    protocol = _refractory()
    # rituximab RIM: 575 mg/m² for BSA ≤ 1.5 m², 750 mg/m² above; √(150 × 54.1 / 3600)
    # = √2.254166… = 1.50139… m²
    (rituximab,) = compute_arm_doses(protocol, "rituximab", BodyMeasurements(54.1, 150),
                                     option="rim_weeks_0_and_1")
    words = "\n".join(terms.phrase_words(line) for line in rituximab.explained)
    assert "la SC de 1,5014 m² est dans la tranche > 1,5 m² : 750 mg/m²" in words
    # adalimumab by weight bands; 20 kg is in the band from 15 kg to under 30 kg
    (adalimumab,) = [d for d in compute_arm_doses(protocol, "tnf", BodyMeasurements(20, 115),
                                                  option="adalimumab")]
    words = "\n".join(terms.phrase_words(line) for line in adalimumab.explained)
    assert "le poids de 20 kg est dans la tranche ≥ 15 kg et < 30 kg : " in words, words
