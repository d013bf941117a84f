"""Validation messages in New patient are shown whole (issue 20.9: they were clipped)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication

from app.forms.patient_dialog import FORM, PatientDialog

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


def test_every_message_is_shown_whole(qtbot):
    dialog = PatientDialog(lambda _data: None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    long = ("Study id may use only letters, digits, '-' and '_' (up to 32 characters), "
            "starting with a letter or digit.")
    problems = {"study_id": long, "family_name": "Family name is required.",
                "given_name": "Given name is required.",
                "date_of_birth": "Date of birth 2027-01-01 is in the future (today is "
                                 "2026-11-21).",
                "sex": "Choose the patient's sex.",
                FORM: "Changed by someone else after you opened this form.\nWhat you typed "
                      "is still in this form."}
    dialog.show_errors(problems)
    QApplication.processEvents()
    labels = [dialog._errors[name] for name in problems if name != FORM] + [dialog.form_message]
    for label in labels:
        assert label.isVisible()
        needed = label.heightForWidth(label.width())
        assert label.height() >= needed, (label.text(), label.height(), needed)
        bottom = label.mapTo(dialog, label.rect().bottomLeft()).y()
        assert bottom <= dialog.height(), label.text()
