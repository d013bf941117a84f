"""The visit summary's findings as Sentences (issue 21): each finding's text is exactly the
English the instrument always printed (worked out by hand below from the old f-strings),
while ``.phrase`` keeps its item labels (Label, or Lowered where the English lowers the
label), its numbers (Number) and what was typed (plain text) apart for the French."""

from __future__ import annotations

import copy
import pickle

import pytest

from app.domain.instruments.registry import instrument
from app.domain.phrases import Joined, Label, Lowered, Number, Phrase, Sentence
from app.domain.visit_values import ItemEntry


def texts(instrument_id: str, values) -> list[str]:
    found = instrument(instrument_id).findings(values)
    assert all(isinstance(f.text, Sentence) for f in found)
    return [f.text for f in found]


def values_of(phrase: Phrase | Joined) -> list[object]:
    """Every value inside a phrase, depth first."""
    parts = phrase.values if isinstance(phrase, Phrase) else phrase.parts
    out: list[object] = []
    for part in parts:
        out += values_of(part) if isinstance(part, Phrase | Joined) else [part]
    return out


@pytest.mark.parametrize(("values", "english"), [
    # "{label}: {answer}" + " ({change lowered})", joined "; ", ended "."
    ({"skin": {"skin_ulceration": ItemEntry(value_text="absent"),
               "skin_heliotrope": ItemEntry(value_text="present"),
               "skin_heliotrope_change": ItemEntry(value_text="improving"),
               "skin_calcinosis": ItemEntry(value_text="more_than_mild")}},
     "Cutaneous ulceration: absent; Heliotrope rash: present (improving); "
     "Calcinosis: more than mild."),
    # an answer or change stored outside the list prints as stored (the change as "()")
    ({"skin": {"skin_alopecia": ItemEntry(value_text="patchy_hair"),
               "skin_alopecia_change": ItemEntry(value_text="odd")}},
     "Alopecia: patchy hair ()."),
    ({"skin": {"skin_alopecia": ItemEntry(value_num=1.0)}}, "."),
])
def test_skin_finding_keeps_its_english(values, english):
    assert texts("skin", values) == [english]


def test_skin_finding_keeps_labels_and_lowered_answers_apart():
    found, = texts("skin", {"skin": {"skin_heliotrope": ItemEntry(value_text="present"),
                                     "skin_heliotrope_change": ItemEntry(value_text="same")}})
    kept = values_of(found.phrase)
    assert kept == ["Heliotrope rash", "present", "same"]
    assert type(kept[0]) is Label and type(kept[1]) is Lowered and kept[1].label == "Present"
    assert kept[2].label == "Same"


def test_steroid_finding_keeps_its_english():
    # "{label lowered} {number, 2 places} {unit}" joined "; " and ended "."
    found, = texts("steroid_exposure", {"steroids": {
        "prednisone_mg_day": ItemEntry(10.9), "ivmp_pulses": ItemEntry(0.0),
        "mtx_mg_week": ItemEntry(15.0)}})
    assert found == ("oral prednisone-equivalent dose today 10.9 mg/day; iv "
                     "methylprednisolone pulses since the last visit 0 pulses; methotrexate "
                     "dose 15 mg/week.")
    kept = values_of(found.phrase)
    assert kept[:3] == ["oral prednisone-equivalent dose today", "10.9", "mg/day"]
    assert [type(v) for v in kept[:3]] == [Lowered, Number, Label]
    assert kept[3].label == "IV methylprednisolone pulses since the last visit"
    # a stored row without a number: nothing recorded
    assert texts("steroid_exposure", {"steroids": {"mtx_mg_week": ItemEntry()}}) == [
        "nothing recorded."]


def test_sun_protection_finding_keeps_its_english():
    found, = texts("sun_protection", {"sun_protection": {
        "counselled": ItemEntry(value_text="yes"), "adherence": ItemEntry(value_text="rarely")}})
    assert found == ("Sun protection: sun-protection counselling given at this visit: Yes; "
                     "sun avoidance and sunscreen since the last visit: Rarely or never.")
    assert values_of(found.phrase)[-1] == "Rarely or never"
    assert type(values_of(found.phrase)[-1]) is Label
    # an answer outside the list as stored (typed text, plain); none at all: nothing recorded
    found, = texts("sun_protection", {"sun_protection": {
        "adherence": ItemEntry(value_text="weekends")}})
    assert found == "Sun protection: sun avoidance and sunscreen since the last visit: weekends."
    assert type(values_of(found.phrase)[-1]) is str
    assert texts("sun_protection", {"sun_protection": {"adherence": ItemEntry()}}) == [
        "Sun protection: nothing recorded."]


def test_vital_signs_and_medications_keep_their_english():
    # weight and height always, "—" when missing; BP and creatinine when stored; a
    # number with 1 place (vitals) or 2 (doses), its stored unit else the default
    found = texts("medications", {
        "vitals": {"weight_kg": ItemEntry(27.8, unit="kg"), "bp_diastolic": ItemEntry(66.0),
                   "creatinine": ItemEntry(41.04, unit="µmol/L")},
        "medications": {"cyclosporine_dose": ItemEntry(84.0, unit="mg"),
                        "prednisone_dose": ItemEntry(10.9, unit="mg"),
                        "prednisone_frequency": ItemEntry(value_text="daily"),
                        "mtx_dose": ItemEntry(None, unit="mg")}})
    assert found == ["Vital signs: weight 27.8 kg, height —, BP —/66 mmHg, creatinine 41 µmol/L",
                     "Medications recorded: cyclosporine 84 mg; prednisone 10.9 mg daily"]
    assert [type(v) for v in values_of(found[0].phrase)[:2]] == [Number, str]
    # only "other": the English always began with "; " there
    found = texts("medications", {"medications": {
        "other": ItemEntry(value_text="Vitamin D"),
        "ivig_dose": ItemEntry(2.0)}})
    assert found == ["Medications recorded: ivig 2; other: Vitamin D"]
    assert texts("medications", {"medications": {"other": ItemEntry(value_text="Vitamin D")}}
                 ) == ["Medications recorded: ; other: Vitamin D"]


def test_a_lowered_label_survives_a_copy_and_a_pickle():
    label = Lowered("IV methylprednisolone pulses since the last visit")
    for again in (copy.copy(label), copy.deepcopy(label), pickle.loads(pickle.dumps(label))):
        assert again == "iv methylprednisolone pulses since the last visit"
        assert type(again) is Lowered and again.label == label.label


@pytest.mark.parametrize(("values", "english"), [
    # "MRI: {done or —}" + " on {date}" + ", active myositis {answer}", each as stored
    ({"mri": {"done": ItemEntry(value_text="yes"), "date": ItemEntry(value_text="2025-01-08"),
              "active_myositis": ItemEntry(value_text="no")}},
     "MRI: yes on 2025-01-08, active myositis no"),
    ({"mri": {"date": ItemEntry(value_text="2025-01-08")}}, "MRI: — on 2025-01-08"),
    ({"mri": {"done": ItemEntry(value_text="not_sure"),
              "active_myositis": ItemEntry(value_text="yes")}},
     "MRI: not_sure, active myositis yes"),
    ({"mri": {"done": ItemEntry(value_text="no")}}, "MRI: no"),
])
def test_mri_finding_keeps_its_english(values, english):
    assert texts("mri", values) == [english]


def test_autoantibody_finding_keeps_its_english():
    # "{name} {answer, _ as space}" joined ", "; a code outside the panel as stored
    found, = texts("autoantibodies", {"autoantibodies": {
        "nxp2": ItemEntry(value_text="positive"), "mda5": ItemEntry(value_text="not_tested"),
        "xyz": ItemEntry(value_text="weak_positive"), "ku": ItemEntry()}})
    assert found == "Autoantibodies: Anti-NXP2 positive, Anti-MDA5 not tested, xyz weak positive"
    kept = values_of(found.phrase)
    assert [type(v) for v in kept] == [Label, Lowered, Label, Lowered, str, str]
