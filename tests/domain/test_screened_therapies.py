from datetime import date

from app.domain.screened_therapies import ScreenedTherapy, current_drugs, screened_therapies


def test_therapies_from_the_screening_answers():
    facts = {
        "prior_corticosteroid_and_methotrexate": "yes",
        "corticosteroid_use": "current", "corticosteroid_started_on": "2025-03-01",
        "methotrexate_use": "previous", "methotrexate_started_on": "2024-01-10",
        "hydroxychloroquine_use": "current",  # start date not given
        "ivig_use": "none",  # not a therapy given
        "calcinosis_grade": "mild",
    }
    assert screened_therapies(facts) == [
        ScreenedTherapy("prednisone", True, date(2025, 3, 1)),
        ScreenedTherapy("methotrexate", False, date(2024, 1, 10)),
        ScreenedTherapy("hydroxychloroquine", True, None),
    ]
    assert current_drugs(facts) == {"prednisone", "hydroxychloroquine"}


def test_a_bad_date_is_left_out_not_guessed():
    assert screened_therapies({"methotrexate_use": "current",
                               "methotrexate_started_on": "2024-02-30"}) == [
        ScreenedTherapy("methotrexate", True, None)]
