"""Decimals in the French interface (issue 21): a weight typed "20,5" is read as 20.5 kg
and the doses are computed from it (shown with the decimal comma, the value read shown
beside the field); "1,500" (1.5 or 1500?) is refused at the field, everything typed kept."""

from __future__ import annotations

from datetime import date

import pytest
from test_french import assert_french, enrollment_wizard_at_details

from app.forms.language import INTERFACE
from app.forms.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


@pytest.fixture
def details(qtbot, database, qapp):
    """The French enrollment wizard on its measurements page (plan: persistent skin rash,
    arm A IVIG 2 g/kg per dose, maximum 70 g, rounded to the nearest 0.1 g)."""
    INTERFACE.switch("fr")
    wizard = enrollment_wizard_at_details(qtbot, database)
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-02")
    page.measurements.height.setText("115")
    page.measurements.measured_on.set_iso("2026-11-02")
    yield wizard
    INTERFACE.switch("en")


def test_a_weight_typed_with_a_decimal_comma_gives_the_dose_of_that_weight(details):
    wizard = details
    measurements = wizard.details_page.measurements
    measurements.weight.setText("20,5")
    assert not measurements.messages["weight"].isVisibleTo(wizard)
    assert measurements.read_as["weight"].text() == "= 20,5 kg"  # what the dose will use
    assert measurements.read_as["height"].text() == "= 115 cm"
    assert wizard.draft.weight == "20.5"  # the domain's digits, with its point
    # Mosteller √(115 cm × 20.5 kg / 3600) = √0.654861… = 0.8092… m²
    assert measurements.bsa.text() == (
        "SC 0,81 m² (Mosteller : √(115 cm × 20,5 kg / 3600) = 0,8092 m²)")
    assert wizard.details_page.isComplete()
    wizard.next()
    wizard.arm_page.choose("A")
    wizard.next()
    assert wizard.currentPage() is wizard.doses_page
    view = wizard.doses_page.views["ivig"]
    derivation = view.derivation.toPlainText().splitlines()
    # 2 g/kg × 20.5 kg = 41 g (below the 70 g maximum); to the nearest 0.1 g: 41 g
    assert derivation[0] == ("IgIV : 2 g/kg × 20,5 kg = 41 g\u202f; maximum de 70 g non "
                             "atteint\u202f; "
                             "arrondi au 0,1 g le plus proche : 41 g (arrondi provisoire).")
    assert view.headline.text().startswith("IgIV : 41 g ")
    assert derivation[2] == "Données : poids 20,5 kg, taille 115 cm (mesurés le 02 nov. 2026)."
    # A final dose typed with a comma: 40,5 g read as 40.5 g (differs from 41 g: a reason)
    view.final.setText("40,5")
    assert view.final_value.text() == "= 40,5 g"
    assert view.message.text() == ("La dose finale de 40,5 g diffère de la dose calculée de "
                                   "41 g. Indiquer le motif de la différence.")
    assert wizard.draft.doses["ivig"].final == "40.5"
    view.final.setText("1,500")  # 1.5 g or 1500 g: refused, kept as typed
    assert view.message.text().startswith("Dose finale : « 1,500 » pourrait valoir 1,5 ou 1500")
    assert view.final.text() == "1,500" and view.final_value.text() == ""
    assert_french(wizard, "Dose finale", data=(wizard.protocol.title,
                                               wizard.protocol.named_version, "JDM-002"))


def test_a_weight_that_could_be_misread_is_refused_at_the_field_and_nothing_is_lost(details):
    wizard = details
    measurements = wizard.details_page.measurements
    measurements.weight.setText("1,500")  # 1.5 kg or 1500 kg: a dose a thousandfold apart
    message = measurements.messages["weight"]
    assert message.isVisibleTo(wizard)
    assert message.text() == (
        "Poids : « 1,500 » pourrait valoir 1,5 ou 1500 (une virgule suivie de trois chiffres "
        "peut séparer les milliers) ; écrivez 1500 pour le nombre entier, ou 1.5 avec un "
        "point pour la décimale.")
    assert measurements.read_as["weight"].text() == ""  # nothing read, nothing used
    assert not wizard.details_page.isComplete()
    # Everything typed is kept: the weight as typed, the height, the dates.
    assert measurements.weight.text() == "1,500"
    assert measurements.height.text() == "115"
    assert measurements.measured_on.iso() == "2026-11-02"
    assert wizard.details_page.enrollment_date.iso() == "2026-11-02"
    assert wizard.draft.weight == "1,500" and wizard.draft.height == "115"
    measurements.weight.setText("1.500,5")  # both marks
    assert "à la fois un point et une virgule" in message.text()
    measurements.weight.setText("1,5")  # now unambiguous: 1.5 kg, refused by its range only
    assert measurements.read_as["weight"].text() == "= 1,5 kg"


def test_english_still_refuses_the_comma_and_reads_nothing(qtbot, database, qapp):
    from workstation_windows import clinic

    ids = clinic(database)
    window = MainWindow(database, user="dr.ito", today=TODAY)
    qtbot.addWidget(window)
    wizard = window.make_enrollment_wizard(ids["screened"], "JDM-002")
    wizard.show()
    while wizard.currentPage() is not wizard.details_page:
        wizard.next()
    measurements = wizard.details_page.measurements
    measurements.weight.setText("20,5")
    assert "A comma is refused" in measurements.messages["weight"].text()
    assert measurements.read_as["weight"].text() == ""
    assert wizard.draft.weight == "20,5"
    measurements.weight.setText("20.5")
    assert measurements.read_as["weight"].text() == "= 20.5 kg"


@pytest.mark.parametrize(("language", "domain", "shown"), [
    ("fr", "87.5", "87,5"),
    ("fr", "-0.25", "-0,25"),
    ("fr", "1500", "1500"),  # no thousands grouping: shown as it can be typed back
    ("fr", "1234.5678", "1234,5678"),  # every digit kept
    ("en", "87.5", "87.5"),
])
def test_a_number_on_screen_changes_only_its_decimal_mark(qapp, language, domain, shown):
    from app.forms import numbers

    INTERFACE.switch(language)
    try:
        assert numbers.number_words(domain) == shown
        assert numbers.decimal(float(domain)) == shown
    finally:
        INTERFACE.switch("en")


@pytest.mark.parametrize(("typed", "for_the_domain", "again"), [
    ("20,5", "20.5", "20,5"),  # read: the domain gets the same digits with a point
    ("1,500", "1,500", "1,500"),  # cannot be read safely: kept as typed, refused
    ("20.5", "20.5", "20,5"),  # a point stays accepted; shown again with the comma
    ("abc", "abc", "abc"),
])
def test_typed_text_reaches_the_domain_with_its_digits(qapp, typed, for_the_domain, again):
    from app.forms import numbers

    INTERFACE.switch("fr")
    try:
        assert numbers.as_typed_by_the_domain(typed) == for_the_domain
        assert numbers.shown_as_typed(for_the_domain) == again
    finally:
        INTERFACE.switch("en")


def test_the_visit_weight_and_a_dose_typed_with_a_comma(qtbot, database, qapp):
    """The visit form in French: weight "32,5" kg is stored as 32.5 (the value read shown
    beside it), "1,500" is refused at the field and kept as typed; a medication dose
    "7,5" mg is stored as 7.5."""
    from visit_fixtures import enrolled_patient, open_form, type_in

    from app.db.visits import load_visit

    _pid, _eid, visits = enrolled_patient(database)
    INTERFACE.switch("fr")
    try:
        window = open_form(qtbot, database, visits["baseline"])
        type_in(window.visit_date, "2026-05-04")
        meds = window.section("medications")
        type_in(meds.height, "140")
        type_in(meds.weight, "1,500")
        assert meds.weight.validate().startswith("Poids")
        assert "pourrait valoir 1,5 ou 1500" in meds.weight.validate()
        assert meds.weight.edit.text() == "1,500" and meds.height.text() == "140"
        assert not window.save()
        type_in(meds.weight, "32,5")
        assert meds.weight.validate() is None
        assert meds.weight.converted.text() == "= 32,5 kg"
        meds.add_row("prednisone", "7,5", "mg", "")
        assert meds.table_errors() == {}
        assert window.save(), window.message.text()
        with database.reading() as s:
            values = load_visit(s, visits["baseline"]).values
        assert values["vitals"]["weight_kg"].value_num == 32.5
        assert values["medications"]["prednisone_dose"].value_num == 7.5
        meds.add_row("methotrexate", "1,500", "mg", "")
        assert "pourrait valoir 1,5 ou 1500" in meds.table_errors()[
            "medications:methotrexate_dose"]
    finally:
        INTERFACE.switch("en")


# The plausible ranges (clinical rules §4): 2-200 kg, 45-220 cm. In lb and in, the bounds
# rounded inwards: 2 / 0.45359237 = 4.409… -> 4.41 lb, 200 / 0.45359237 = 440.924… ->
# 440.92 lb; 600.5 lb × 0.45359237 = 272.382… kg; 45 / 2.54 = 17.716… -> 17.72 in,
# 220 / 2.54 = 86.614… -> 86.61 in; 10.5 in × 2.54 = 26.67 cm.
@pytest.mark.parametrize(("name", "unit", "typed", "message"), [
    ("weight", "kg", "250,5",
     "Le poids doit être entre 2 et 200 kg\u202f; 250,5 kg a été saisi."),
    ("weight", "kg", "1,5", "Le poids doit être entre 2 et 200 kg\u202f; 1,5 kg a été saisi."),
    ("weight", "lb", "600,5", "Le poids doit être entre 2 et 200 kg (4,41 à 440,92 lb)\u202f; "
                              "600,5 lb (272,38 kg) a été saisi."),
    ("height", "cm", "300", "La taille doit être entre 45 et 220 cm\u202f; 300 cm a été saisi."),
    ("height", "in", "10,5", "La taille doit être entre 45 et 220 cm (17,72 à 86,61 in)\u202f; "
                             "10,5 in (26,67 cm) a été saisi."),
])
def test_a_measure_out_of_range_is_refused_in_french_with_its_decimal_commas(
        details, name, unit, typed, message):
    """It read "Weight must be between 2 and 200 kg; 250.5 kg was entered." in the French
    window. What was typed stays in the field."""
    measurements = details.details_page.measurements
    measurements.weight.setText("20")
    combo = measurements.weight_unit if name == "weight" else measurements.height_unit
    combo.setCurrentIndex(combo.findData(unit))
    field = measurements.weight if name == "weight" else measurements.height
    field.setText(typed)
    shown = measurements.messages[name].text()
    # (a unit hint may follow: "Vouliez-vous dire 250,5 lb … ?")
    assert shown.startswith(message), shown
    assert field.text() == typed
    assert not details.details_page.isComplete()
