"""The instruments' sentences that the domain now writes as Phrases (issue 21, one
mechanism for domain sentences) read in French through terms.phrases, as the listed
templates did: the medications section's vital signs, the instruments' shared field
messages (app.domain.instruments.common) and the instruments moved since."""

from __future__ import annotations

from datetime import date

import pytest

from app.catalog import protocol_catalog
from app.domain.arm_switch import SWITCH_DATE_SENTENCES
from app.domain.body import WEIGHT_DATE_SENTENCES
from app.domain.dates import DATE_SENTENCES
from app.domain.dose_recheck import RECHECK_SENTENCES
from app.domain.enrollment import ENROLLMENT_DATE_SENTENCES
from app.domain.instruments.adverse_events import EVENT_SENTENCES, adverse_event_date_problems
from app.domain.instruments.chaq import CHAQ_SENTENCES, DI_LINE, DI_ROW, score_chaq
from app.domain.instruments.cmas import (
    AGE_CAVEAT_SOURCE,
    CMAS_SENTENCES,
    age_caveat,
    score_cmas,
    validate_cmas,
)
from app.domain.instruments.common import FIELD_SENTENCES
from app.domain.instruments.enzymes import (
    ENZYME_SENTENCES,
    TIMES_ULN_ROW,
    EnzymeMeasurement,
    most_abnormal,
)
from app.domain.instruments.globals import VAS_ROW, validate_global
from app.domain.instruments.medications import DOSE_SENTENCES, VITAL_SENTENCES, validate_vital
from app.domain.instruments.mmt8 import validate_mmt8
from app.domain.instruments.skin import SKIN_SENTENCES, skin_change_warning
from app.domain.instruments.steroid_exposure import STEROID_SENTENCES, validate_dose_item
from app.domain.measurements import NEW_MEASUREMENT, measurement_problems
from app.domain.phrases import Label, Number, Sentence, sentence
from app.domain.response import imacs_improvement, printo_inactive
from app.domain.response.core_set import NOT_AVAILABLE_AT, CoreSetValues
from app.domain.response.imacs_improvement import IMACS_SENTENCES
from app.domain.response.inactive_disease import PRINTO_SENTENCES
from app.domain.response.total_improvement import (
    POINTS,
    TIS_SENTENCES,
    total_improvement_score,
)
from app.domain.response_section import TIS_LINE
from app.domain.visit_form import PrescribedDose, recheck_arm_doses
from app.forms import terms
from app.forms.language import INTERFACE


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


# The instruments' shared field messages (app.domain.instruments.common) are Sentences:
# text to every caller, read in French from their phrase. The step of a VAS is a Number,
# so French writes "0,1" (the pattern matching left "0.1"); what was typed stays as typed.
@pytest.mark.parametrize(("message", "french_words"), [
    (lambda: validate_global("pga_activity", "10.05"),
     "Évaluation globale de l'activité de la maladie par le médecin doit être un nombre de 0 "
     'à 10 cm, par pas de 0,1 cm\u202f; « 10.05 » a été saisi.'),
    (lambda: validate_mmt8({"mmt_neck_flexors": "11"}, "unilateral")["mmt_neck_flexors"],
     'MMT8 : fléchisseurs du cou doit être un nombre entier de 0 à 10\u202f; « 11 » a été saisi.'),
    # the yes/no answers are Labels: the instrument's own words for them
    (lambda: validate_cmas({"cmas_5a": "2"})["cmas_5a"],
     "CMAS, item 5a (redressement assis : mains sur les cuisses, avec contrepoids) doit être "
     '0 (incapable) ou 1 (capable)\u202f; « 2 » a été saisi.'),
])
def test_field_messages_read_in_french(french, message, french_words):
    written = message()
    assert isinstance(written, Sentence)
    assert terms.phrases(terms.MESSAGE, written) == french_words


def test_every_field_sentence_is_listed_and_translated(french):
    assert set(FIELD_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in FIELD_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


# The CMAS's sentences (app.domain.instruments.cmas CMAS_SENTENCES): the same French as
# the pattern matching gave, the age caveat's mean now with the decimal comma (46,6).
def test_cmas_sentences_read_in_french(french):
    result = score_cmas({"cmas_1": 3, "cmas_1_sec": "5"})
    assert terms.phrases(terms.MESSAGE, result.errors["cmas_1"]) == (
        "CMAS, item 1 (élévation de la tête) : le score saisi (3) ne correspond pas aux "
        'secondes saisies (« 5 » s donnent le score 1). Corrigez ou effacez l\'un des deux.')
    sit_ups = score_cmas({"cmas_5a": 1, "cmas_5b": 0}).items[4].derivation
    assert terms.phrases(terms.MESSAGE, sit_ups) == (
        "2 des 6 variantes de redressement assis saisies\u202f; non saisies : 5c, 5d, 5e, 5f")
    caveat = terms.phrases(terms.MESSAGE, age_caveat(4))
    assert caveat.startswith("Âge inférieur à 5 ans : les enfants de 4 ans en bonne santé "
                             "obtiennent en moyenne environ 46,6 au CMAS, et non 52 ")
    assert caveat.endswith(f"Source : {AGE_CAVEAT_SOURCE}.")


def test_every_cmas_sentence_is_listed_and_translated(french):
    assert set(CMAS_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in CMAS_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


# The CHAQ's sentences (app.domain.instruments.chaq CHAQ_SENTENCES): the domains that are
# not answered are Labels, each in the instrument's French word.
def test_chaq_too_few_domains_reads_in_french(french):
    explanation = score_chaq({"chaq_dressing_1": 1, "chaq_arising_1": 2}).explanation
    assert terms.phrases(terms.MESSAGE, explanation) == (
        "Indice d'incapacité du CHAQ non calculé : seulement 2 domaines répondus sur 8\u202f; "
        "il en faut au moins 6 (règle provisoire : un choix du projet, car les instructions "
        "IMACS du CHAQ ne fixent aucun minimum : l'indice seulement si au moins 6 des 8 "
        "domaines sont répondus). Sans réponse (tous les items vides ou sans objet) : "
        "Alimentation, Marche, Hygiène, Atteindre, Préhension, Activités.")


def test_every_chaq_sentence_is_listed_and_translated(french):
    assert set(CHAQ_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    # "DI %1" is the same in French
    assert [s for s in CHAQ_SENTENCES if terms.term(terms.MESSAGE, s) == s] == [DI_LINE]


# The enzymes' sentences (app.domain.instruments.enzymes ENZYME_SENTENCES): the ratios are
# Numbers, so French writes 1,14 (the pattern matching left 1.14); the tie reads as before.
def test_most_abnormal_enzyme_reads_in_french(french):
    chosen = most_abnormal([EnzymeMeasurement("ck", 300, "U/L", 150),
                            EnzymeMeasurement("ldh", 600, "U/L", 300),
                            EnzymeMeasurement("ast", 45.5, "U/L", 40)])
    assert terms.phrases(terms.MESSAGE, chosen.explanation) == (
        "Enzyme la plus anormale à la visite initiale : CK (créatine kinase), 2 × LSN (CK 2; "
        "LDH 2; AST 1,14). À égalité avec LDH (lactate déshydrogénase)\u202f; CK (créatine "
        "kinase) choisie selon l'ordre fixe CK, aldolase, LDH, AST, ALT. Le clinicien peut en "
        "choisir une autre.")


def test_every_enzyme_sentence_is_listed_and_translated(french):
    assert set(ENZYME_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in ENZYME_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


# The skin's sentences (app.domain.instruments.skin SKIN_SENTENCES): the answer a Label
# in the instrument's French word, the activity scores Numbers (2,5 where the pattern
# matching left 2.5).
def test_the_skin_change_reminder_reads_in_french(french):
    reminder = skin_change_warning(2.5, 4.0, "improving", finding="Cutaneous ulceration",
                                   measure="MDAAT cutaneous disease activity (physician VAS)")
    assert terms.phrases(terms.MESSAGE, reminder) == (
        # (not "Ulcération cutanée est coté": the finding's gender is not the sentence's)
        "À vérifier : pour Ulcération cutanée, « en amélioration » est noté, mais MDAAT : "
        "activité cutanée de la maladie (EVA du médecin) est plus élevé qu'à la dernière "
        "visite : 2,5 cm alors, 4 cm maintenant. L'enregistrement n'est pas bloqué.")


def test_every_skin_sentence_is_listed_and_translated(french):
    assert set(SKIN_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in SKIN_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


def test_steroid_messages_read_in_french(french):
    assert terms.phrases(terms.MESSAGE, validate_dose_item("ivmp_dose_mg", "99999")) == (
        "Dose de méthylprednisolone IV par bolus doit être de 1 à 1000 mg\u202f; « 99999 » a été "
        "saisi.")
    assert set(STEROID_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in STEROID_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


# The date problems (app.domain.dates DATE_SENTENCES) and the adverse events' sentences
# (EVENT_SENTENCES): a date's problem inside an event's reads as its own sentence.
def test_an_adverse_event_date_problem_reads_in_french(french):
    dated = adverse_event_date_problems(1, "2026-02-30", None, date(2026, 5, 1))
    assert terms.phrases(terms.MESSAGE, dated["onset"]) == (
        "Événement indésirable 1 : la date de début : « 2026-02-30 » est une date impossible : "
        "février 2026 compte 28 jours.")


@pytest.mark.parametrize("listed", [DATE_SENTENCES, EVENT_SENTENCES])
def test_every_date_and_event_sentence_is_listed_and_translated(french, listed):
    assert set(listed) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in listed if terms.term(terms.MESSAGE, s) == s] == []


# The TIS's sentences (app.domain.response.total_improvement TIS_SENTENCES, core_set's
# NOT_AVAILABLE_AT): the points and percentages Numbers (17,5 where the pattern matching
# left 17.5), the measures' names Labels.
def test_the_tis_reads_in_french(french):
    base = CoreSetValues(physician_global=6.0, enzyme=3.0, enzyme_code="ck")
    follow = CoreSetValues(physician_global=2.5, enzyme=0.9, enzyme_code="ldh")
    result = total_improvement_score(base, follow)
    assert terms.phrases(terms.MESSAGE, result.measures[0].calculation) == (
        "(6 - 2,5) / 10 × 100 = 35% -> >25-40% -> 17,5 points")
    assert terms.phrases(terms.MESSAGE, result.measures[1].reason) == (
        "Activité globale (patient/parent) non disponible à la visite initiale ni au suivi.")
    assert terms.phrases(terms.MESSAGE, result.measures[4].reason) == (
        "Enzyme non comparable : ck à la visite initiale contre ldh au suivi\u202f; suivez "
        "l'enzyme la plus anormale de la visite initiale.")


def test_every_tis_sentence_is_listed_and_translated(french):
    listed = (*TIS_SENTENCES, *NOT_AVAILABLE_AT.values())
    assert set(listed) <= set(terms.LISTED[terms.MESSAGE])
    # "-> %1 points" is the same words in French
    assert [s for s in listed if terms.term(terms.MESSAGE, s) == s] == [POINTS]


# The IMACS improvement's sentences (IMACS_SENTENCES): better than the pattern matching,
# which left "Not improved (IMACS definition)" and "; not available" in English when a
# reason it did not know came first, and the percentages with a point.
def test_the_imacs_improvement_reads_in_french(french):
    base = CoreSetValues(physician_global=6.0, parent_global=5.0, chaq_di=1.5, enzyme=3.0,
                         extramuscular=4.0)
    follow = CoreSetValues(physician_global=5.5, parent_global=5.0, chaq_di=1.5, enzyme=3.0,
                           extramuscular=4.0)
    words = terms.phrases(terms.MESSAGE, imacs_improvement(base, follow).explanation)
    assert words.startswith(
        "Pas d'amélioration (définition IMACS) : seulement 0 améliorées de 20 % ou plus (3 "
        "requises). Améliorées de 20 % ou plus : aucune\u202f; aggravées de 25 % ou plus : "
        "aucune\u202f; non disponibles : Examen musculaire manuel (MMT8). Activité globale "
        "(médecin) : (6 - 5,5) / 6 × 100 = 8,33% -> ni l'un ni l'autre.")


def test_every_imacs_sentence_is_listed_and_translated(french):
    assert set(IMACS_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in IMACS_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


# PRINTO's sentences (PRINTO_SENTENCES): the values Numbers (0,5 and 2,5 where the pattern
# matching left a point), the physician global's own sentence.
def test_the_printo_explanation_reads_in_french(french):
    result = printo_inactive(ck=2.5, ck_unit="µkat/L", cmas=40, mmt8=70, pga=0.5)
    words = terms.phrases(terms.MESSAGE, result.explanation)
    assert "CK 2,5 µkat/L × 60 = 150 U/L <= 150 U/L. CMAS 40 : ne remplit pas >= 48." in words
    assert words.endswith("Activité globale (médecin) 0,5 : ne remplit pas <= 0.2 cm.")
    assert words.startswith("Maladie non cliniquement inactive : moins de 3 critères sur 4 "
                            "peuvent être remplis.")


def test_every_printo_sentence_is_listed_and_translated(french):
    assert set(PRINTO_SENTENCES) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in PRINTO_SENTENCES if terms.term(terms.MESSAGE, s) == s] == []


def test_the_section_lines_read_in_french(french):
    assert terms.phrases(terms.MESSAGE, sentence(DI_LINE, Number("1.25"))) == "DI 1,25"
    assert terms.phrases(terms.MESSAGE, sentence(TIS_LINE, Number("72.5"), Label("major"))) == (
        "TIS 72,5 majeure")


# The medications' dose messages (DOSE_SENTENCES) and the re-check's (RECHECK_SENTENCES):
# "mg/day" in French where the re-check names today's dose; the course check's own
# sentences (app.domain.course) in French too (they were English whole).
def test_the_dose_recheck_reads_in_french(french):
    plan = protocol_catalog().protocols["moderate-jdm-2010"]
    on, start = date(2026, 7, 5), date(2026, 1, 5)
    (missing,) = [c for c in recheck_arm_doses(plan, "mp", 30, 120, [], on, started_on=start)
                  if c.drug == "prednisone"]
    assert terms.phrases(terms.MESSAGE, missing.message) == (
        "Dose du protocole pour le poids d'aujourd'hui : 60 mg/jour. Aucune ordonnance de "
        "prednisone consignée.")
    (over,) = [c for c in recheck_arm_doses(
        plan, "mp", 30, 120, [PrescribedDose("prednisone", 61, "mg", "day")], on,
        started_on=start) if c.drug == "prednisone"]
    assert terms.phrases(terms.MESSAGE, over.message) == (
        "Dose du protocole pour le poids d'aujourd'hui : 60 mg/jour\u202f; prescrit 61 mg/jour : "
        "au-dessus du maximum du protocole de 60 mg/jour — HORS DE LA RÈGLE DU PROTOCOLE.")
    assert str(over.message) == (  # the English as it always read
        "Protocol dose for today's weight: 60 mg/day; prescribed 61 mg/day: above the protocol "
        "maximum of 60 mg/day — OUTSIDE THE PROTOCOL RULE.")


def test_the_dose_recheck_names_the_course_schedule_in_french(french):
    """The course's schedule the re-check names (its phase on the day measured) from the
    plan-text catalogue; the English keeps the plan file's name."""
    plan = protocol_catalog().protocols["moderate-jdm-2010"]
    on, start = date(2026, 7, 5), date(2026, 1, 5)
    (taper,) = [c for c in recheck_arm_doses(
        plan, "mp", 30, 120, [PrescribedDose("prednisone", 30, "mg", "day")], on,
        started_on=start) if c.drug == "prednisone"]
    schedule = "daily, 2 mg/kg/day for 4 weeks, then tapered at the clinician's discretion"
    assert schedule in str(taper.message)
    assert ("tous les jours, 2 mg/kg/jour pendant 4 semaines, puis diminution progressive à "
            "la discrétion du clinicien") in terms.phrases(terms.MESSAGE, taper.message)
    assert schedule not in terms.phrases(terms.MESSAGE, taper.message)


@pytest.mark.parametrize("listed", [DOSE_SENTENCES, RECHECK_SENTENCES])
def test_every_dose_sentence_is_listed_and_translated(french, listed):
    assert set(listed) <= set(terms.LISTED[terms.MESSAGE])
    assert [s for s in listed if terms.term(terms.MESSAGE, s) == s] == []


# The dates of an enrollment, an arm switch and a weight ("Date check", read through
# terms.date_check_words): their days Numbers, their dates in the interface's language.
def test_a_weights_date_reads_in_french(french):
    problems = measurement_problems("20", "kg", "120", "cm", "2026-01-01", date(2026, 5, 1),
                                    False)
    words = terms.date_check_words(problems["measured_on"])
    assert words.startswith("Ce poids a été mesuré il y a 120 jours (le ")
    assert words.endswith("doit être mesuré de nouveau avant de calculer une dose. Saisir une "
                          "nouvelle mesure.")


@pytest.mark.parametrize("listed", [WEIGHT_DATE_SENTENCES, ENROLLMENT_DATE_SENTENCES,
                                    SWITCH_DATE_SENTENCES, (NEW_MEASUREMENT,)])
def test_every_date_check_sentence_is_listed_and_translated(french, listed):
    assert set(listed) <= set(terms.LISTED[terms.DATE_CHECK])
    assert [s for s in listed if terms.term(terms.DATE_CHECK, s) == s] == []


def test_outcome_rows_read_in_french(french):
    assert terms.phrases(terms.OUTCOME_ROW, sentence(TIMES_ULN_ROW, Label("CK"))) == "CK (× LSN)"
    assert terms.phrases(terms.OUTCOME_ROW, sentence(DI_ROW, Number("3"))) == (
        "Indice d'incapacité du CHAQ (0-3)")
    listed = (VAS_ROW, TIMES_ULN_ROW, DI_ROW)
    assert set(listed) <= set(terms.LISTED[terms.OUTCOME_ROW])


def _english_samples():
    """One sentence of each module moved, as the domain writes them."""
    base = CoreSetValues(physician_global=6.0, parent_global=5.0, chaq_di=1.5, enzyme=3.0,
                         extramuscular=4.0)
    follow = CoreSetValues(physician_global=2.5, parent_global=5.0, chaq_di=1.5, enzyme=0.9,
                           extramuscular=4.0)
    return [
        validate_global("pga_activity", "10.05"),
        score_cmas({"cmas_5a": 1, "cmas_5b": 0}).items[4].derivation, age_caveat(4),
        score_chaq({"chaq_dressing_1": 1}).explanation,
        most_abnormal([EnzymeMeasurement("ck", 300, "U/L", 150),
                       EnzymeMeasurement("ldh", 600, "U/L", 300)]).explanation,
        skin_change_warning(2.5, 4.0, "improving"), validate_dose_item("ivmp_dose_mg", "0"),
        adverse_event_date_problems(1, "2026-02-30", None, date(2026, 5, 1))["onset"],
        total_improvement_score(base, follow).explanation,
        imacs_improvement(base, follow).explanation,
        printo_inactive(ck=2.5, ck_unit="µkat/L", cmas=40, mmt8=70, pga=0.5).explanation,
        measurement_problems("20", "kg", "120", "cm", "2026-01-01", date(2026, 5, 1),
                             False)["measured_on"],
    ]


def test_in_english_every_moved_sentence_reads_as_the_domain_wrote_it(qapp):
    INTERFACE.switch("en")
    for written in _english_samples():
        assert isinstance(written, Sentence)
        assert terms.phrases(terms.MESSAGE, written) == str.__str__(written)


# The visit summary's findings (app.domain.instruments.printed and each instrument's
# *_FINDINGS), listed under "Instrument finding": every template has its French.
def test_every_finding_sentence_is_listed_and_translated(french):
    from app.domain.instruments.baseline_tests import BASELINE_FINDINGS
    from app.domain.instruments.medications import MEDICATION_FINDINGS
    from app.domain.instruments.printed import FINDING_SENTENCES
    from app.domain.instruments.steroid_exposure import STEROID_FINDINGS
    from app.domain.instruments.sun_protection import SUN_FINDINGS

    listed = (FINDING_SENTENCES + STEROID_FINDINGS + SUN_FINDINGS + MEDICATION_FINDINGS
              + BASELINE_FINDINGS)
    assert set(listed) <= set(terms.LISTED[terms.FINDING])
    # "%1." and "%1 %2" read the same in French
    assert [s for s in listed if terms.term(terms.FINDING, s) == s
            and s not in ("%1.", "%1 %2")] == []


def test_a_finding_still_in_plain_english_reads_whole_not_half_swapped(french):
    """Issue 21: matched against the listed sentences, a listed piece was swapped inside
    an unlisted one ("… pulses since la dernière visite 0 pulses"); a finding not (yet) a
    Sentence reads as the domain wrote it."""
    text = "iv methylprednisolone pulses since the last visit 0 pulses."
    assert "la dernière visite" in terms.phrases(terms.MESSAGE, text)  # the old way
    assert terms.phrases(terms.FINDING, text) == text


def test_a_lowered_label_reads_as_the_instruments_word_in_lower_case(french):
    from app.domain.phrases import Lowered, phrase

    said = phrase("%1: %2", Lowered("Sun avoidance and sunscreen since the last visit"),
                  Lowered("Present"))
    assert terms.phrases(terms.FINDING, said) == (
        "évitement du soleil et écran solaire depuis la dernière visite : présence")
    # an acronym first keeps its capitals; a label without French as the English wrote it
    assert terms.phrases(terms.FINDING, phrase("%1", Lowered("CK (creatine kinase)"))) == (
        terms.item_words("CK (creatine kinase)"))
    assert terms.phrases(terms.FINDING, phrase("%1", Lowered("Not A Label"))) == "not a label"


def test_no_dose_for_this_weight_reads_in_french(french):
    """A weight outside every band of a banded rule: the dose re-check's message was the
    English whole ("The protocol gives no adalimumab dose for a weight of 8 kg (dose
    bands: ≥ 10 kg and < 15 kg; …)"); its English stays what the command line prints."""
    plan = _refractory()
    checks = recheck_arm_doses(plan, "tnf", 8, 70, [], date(2026, 11, 2), option="adalimumab")
    (check,) = [c for c in checks if c.drug == "adalimumab"]
    assert str(check.message) == (
        "The protocol gives no adalimumab dose for a weight of 8 kg (dose bands: ≥ 10 kg and "
        "< 15 kg; ≥ 15 kg and < 30 kg; ≥ 30 kg).")
    assert terms.phrases(terms.MESSAGE, check.message) == (
        "Le protocole ne donne aucune dose pour ce poids : adalimumab, 8 kg (tranches de "
        "dose : ≥ 10 kg et < 15 kg; ≥ 15 kg et < 30 kg; ≥ 30 kg).")  # "; " as MESSAGE has it
