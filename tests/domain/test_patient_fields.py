from datetime import date

import pytest

from app.domain.patient import PatientFields, validate_patient_fields

TODAY = date(2026, 11, 21)


def fields(**over):
    base = dict(study_id="JDM-001", given_name="Ana", family_name="Lopez",
                date_of_birth=date(2015, 3, 2), sex="female")
    base.update(over)
    return PatientFields(**base)


def test_valid_patient_has_no_problems():
    assert validate_patient_fields(fields(), TODAY) == {}


@pytest.mark.parametrize(
    ("over", "field", "words"),
    [
        ({"study_id": ""}, "study_id", "required"),
        ({"study_id": "   "}, "study_id", "required"),
        ({"study_id": "JDM 001"}, "study_id", "letters, digits"),
        ({"study_id": "=cmd"}, "study_id", "letters, digits"),
        ({"family_name": ""}, "family_name", "required"),
        ({"given_name": " "}, "given_name", "required"),
        ({"date_of_birth": None}, "date_of_birth", "required"),
        ({"date_of_birth": date(2026, 11, 22)}, "date_of_birth", "in the future"),
        ({"date_of_birth": date(1990, 1, 1)}, "date_of_birth", "check the year"),
        ({"sex": ""}, "sex", "Choose"),
    ],
)
def test_each_bad_field_gets_its_own_plain_message(over, field, words):
    problems = validate_patient_fields(fields(**over), TODAY)
    assert list(problems) == [field]
    assert words in problems[field]


def test_born_today_is_allowed():
    assert validate_patient_fields(fields(date_of_birth=TODAY), TODAY) == {}
