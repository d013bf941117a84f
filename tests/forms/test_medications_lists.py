"""The medications table of the visit form chooses the drug (the plans' drugs), the unit
and the frequency from lists (issue 15): what is chosen is stored as the list's text and
exported as a code; a typed drug, unit or frequency is kept as typed (and exported as
"other" only when de-identified: tests/security/test_deidentified_export.py)."""

from __future__ import annotations

from app.domain.visit_form import ItemEntry
from app.forms.visit_sections.medications import MedicationsSection


def _section(qtbot) -> MedicationsSection:
    section = MedicationsSection(None, None, (), ())
    qtbot.addWidget(section)
    return section


def test_drug_unit_and_frequency_are_offered_from_their_lists(qtbot):
    section = _section(qtbot)
    section.add_row()
    drug, unit, frequency = (section.table.cellWidget(0, c) for c in (0, 2, 3))
    drugs = [drug.itemText(i) for i in range(drug.count())]
    assert "prednisone" in drugs and "methotrexate" in drugs
    assert "mg" in [unit.itemText(i) for i in range(unit.count())]
    assert "once daily" in [frequency.itemText(i) for i in range(frequency.count())]
    drug.setCurrentIndex(drugs.index("prednisone"))
    section.table.item(0, 1).setText("7.5")
    unit.setCurrentText("mg")
    frequency.setCurrentText("once daily")
    values: dict = {}
    section.collect(values)
    assert values["medications"] == {
        "prednisone_dose": ItemEntry(value_num=7.5, unit="mg"),
        "prednisone_frequency": ItemEntry(value_text="once daily")}


def test_typed_values_are_kept_and_a_stored_row_opens_unchanged(qtbot):
    section = _section(qtbot)
    stored = {"medications": {
        "vitamin_d_dose": ItemEntry(value_num=400.0, unit="IU per Dr Who"),
        "vitamin_d_frequency": ItemEntry(value_text="with breakfast"),
        "other": ItemEntry(value_text="sunscreen"),
    }}
    section.load(stored)
    assert section.table.cellWidget(0, 0).currentText() == "vitamin d"
    assert section.table.cellWidget(0, 2).currentText() == "IU per Dr Who"
    values: dict = {}
    section.collect(values)
    assert values == stored
