"""The laboratory ULN defaults dialog (Visit → Muscle enzymes → Lab ULN defaults…) in French
(issue 21): a ULN typed with the decimal comma is read where it cannot be misread, like
every other number field (app/forms/numbers.py); "1,500" (1.5 or 1500?) and mixed marks
are refused with the reason, nothing saved and everything typed kept; the values it shows
are written with the French decimal comma."""

from __future__ import annotations

import json

import pytest

from app.forms.language import INTERFACE
from app.forms.visit_sections.enzymes import (
    UlnDefaultsDialog,
    load_uln_defaults,
    save_uln_defaults,
    uln_defaults_path,
)


@pytest.fixture
def dialog(qtbot, qapp):
    """The French dialog, the site's aldolase ULN 7.6 U/L."""
    defaults = load_uln_defaults()
    defaults["aldolase"] = (7.6, defaults["aldolase"][1])
    save_uln_defaults(defaults)
    INTERFACE.switch("fr")
    window = UlnDefaultsDialog()
    qtbot.addWidget(window)
    window.show()
    yield window
    INTERFACE.switch("en")


def test_the_values_are_shown_with_the_decimal_comma(dialog):
    edit, _box = dialog.rows["aldolase"]
    assert edit.text() == "7,6"


def test_a_uln_typed_with_a_decimal_comma_is_saved(dialog):
    edit, _box = dialog.rows["ck"]
    edit.setText("190,5")
    dialog._save()
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = json.loads(uln_defaults_path().read_text(encoding="utf-8"))
    assert saved["ck"][0] == 190.5 and saved["aldolase"][0] == 7.6


@pytest.mark.parametrize(("typed", "words"), [
    ("1,500", "« 1,500 » pourrait valoir 1,5 ou 1500"),
    ("1.500,5", "« 1.500,5 » a à la fois un point et une virgule"),
    ("0", "doit être un nombre supérieur à 0"),
    ("beaucoup", "doit être un nombre supérieur à 0"),
])
def test_a_uln_that_cannot_be_read_is_refused_and_kept(dialog, typed, words):
    before = uln_defaults_path().read_text(encoding="utf-8")
    edit, _box = dialog.rows["ck"]
    edit.setText(typed)
    dialog._save()
    assert dialog.isVisible()  # not accepted
    assert words in dialog.error.text(), dialog.error.text()
    assert edit.text() == typed
    assert uln_defaults_path().read_text(encoding="utf-8") == before


def test_in_english_a_comma_is_refused_as_in_every_number_field(qtbot):
    window = UlnDefaultsDialog()
    qtbot.addWidget(window)
    window.show()
    edit, _box = window.rows["ck"]
    edit.setText("190,5")
    window._save()
    assert window.isVisible() and edit.text() == "190,5"
    assert window.error.text() == ('ULN for CK must be a number written with a point for '
                                   'decimals (for example 20.5); "190,5" was entered.')
