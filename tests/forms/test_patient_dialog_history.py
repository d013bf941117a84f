"""The patient dialog's disease dates, race and ethnicity: entered, shown back, and a
rule broken named at its field without losing what was typed."""

from __future__ import annotations

from datetime import date

import pytest

from app.db.patients import PatientInput
from app.forms.patient_dialog import PatientDialog

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


def _input(**overrides) -> PatientInput:
    values = {"study_id": "JDM-7", "given_name": "Ada", "family_name": "Lovelace",
              "date_of_birth": date(2015, 4, 1), "sex": "female", "mrn": "", "site": "",
              "onset_date": date(2025, 9, 1), "diagnosis_date": date(2025, 10, 15),
              "race": "asian", "ethnicity": "prefer_not_to_say", **overrides}
    return PatientInput(**values)


def _dialog(qtbot, initial=None):
    saved: list[PatientInput] = []
    dialog = PatientDialog(lambda data: saved.append(data), initial=initial, today=TODAY)
    qtbot.addWidget(dialog)
    return dialog, saved


def test_the_history_is_shown_and_saved_as_entered(qtbot) -> None:
    dialog, saved = _dialog(qtbot, _input())
    assert dialog.onset_date.value() == date(2025, 9, 1)
    assert dialog.race.currentData() == "asian"
    assert dialog.entered() == _input()
    dialog._save()
    assert saved == [_input()]


def test_blank_history_is_allowed(qtbot) -> None:
    dialog, saved = _dialog(qtbot, _input(onset_date=None, diagnosis_date=None, race="",
                                          ethnicity=""))
    assert dialog.race.currentIndex() == 0  # "not recorded"
    dialog._save()
    assert len(saved) == 1 and saved[0].race == "" and saved[0].onset_date is None


def test_diagnosis_before_onset_is_named_at_the_diagnosis_and_nothing_is_lost(qtbot) -> None:
    dialog, saved = _dialog(qtbot, _input())
    dialog.show()
    dialog.diagnosis_date.set_iso("2025-08-31")
    dialog._save()
    assert saved == []  # not saved
    assert "before the disease onset" in dialog.error_text("diagnosis_date")
    assert dialog.error_text("onset_date") == ""
    assert dialog.diagnosis_date.value() == date(2025, 8, 31)  # what was typed stays
    assert dialog.onset_date.value() == date(2025, 9, 1)


def test_onset_before_birth_is_refused_at_the_onset(qtbot) -> None:
    dialog, saved = _dialog(qtbot, _input(onset_date=date(2015, 3, 1)))
    dialog.show()
    dialog._save()
    assert saved == []
    assert "before the date of birth" in dialog.error_text("onset_date")


def test_a_future_onset_is_refused(qtbot) -> None:
    dialog, saved = _dialog(qtbot, _input())
    dialog.show()
    dialog.onset_date.set_iso("2026-11-22")
    dialog._save()
    assert saved == []
    assert dialog.onset_date.problem() or dialog.error_text("onset_date")


def test_a_stored_code_no_longer_listed_still_opens_and_is_named_on_save(qtbot) -> None:
    dialog, saved = _dialog(qtbot, _input(race="caucasian"))
    dialog.show()
    assert dialog.race.currentData() == "caucasian"  # kept, not silently blanked
    dialog._save()
    assert saved == []
    assert "from the list" in dialog.error_text("race")
