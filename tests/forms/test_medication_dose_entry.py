"""The dose typed in the visit form's medications table (issue 17, item 5): "5-6.5" was
accepted, stored as text and exported blank. A dose its export column cannot hold (a
number above 0) is refused at the table with a plain message, what was typed stays, and a
dose stored that way by an earlier version opens with the problem shown."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from visit_fixtures import enrolled_patient, open_form

from app.db.models import InstrumentValue
from app.domain.visit_form import ItemEntry
from app.forms.visit_sections.medications import MedicationsSection

pytestmark = pytest.mark.usefixtures("system_actor")


def _section(qtbot) -> MedicationsSection:
    section = MedicationsSection(None, None, (), ())
    qtbot.addWidget(section)
    return section


def _type_dose(section: MedicationsSection, drug: str, dose: str) -> None:
    section.add_row()
    section.table.cellWidget(0, 0).setCurrentText(drug)
    section.table.item(0, 1).setText(dose)


@pytest.mark.parametrize("dose", ["5-6.5", "7,5", "nan", "inf", "0", "-2", "five", "5 mg"])
def test_a_dose_that_is_not_a_number_above_zero_is_refused_at_the_table(qtbot, dose):
    section = _section(qtbot)
    _type_dose(section, "prednisone", dose)
    message = section.errors()["medications:prednisone_dose"]
    assert f'"{dose}" was entered' in message and "number above 0" in message
    assert section.table_message.text() == message  # said at the table itself
    assert not section.table_message.isHidden()
    values: dict = {}
    section.collect(values)  # what was typed is kept (the draft), never as a number
    assert values["medications"]["prednisone_dose"] == ItemEntry(value_text=dose, unit="mg")


def test_a_number_is_accepted_and_the_message_goes(qtbot):
    section = _section(qtbot)
    _type_dose(section, "prednisone", "5-6.5")
    section.table.item(0, 1).setText("6.5")
    assert section.errors() == {} and section.table_message.isHidden()
    values: dict = {}
    section.collect(values)
    assert values["medications"]["prednisone_dose"] == ItemEntry(value_num=6.5, unit="mg")


def test_a_stored_text_dose_opens_with_the_problem_shown(qtbot):
    section = _section(qtbot)
    section.load({"medications": {"prednisone_dose": ItemEntry(value_text="5-6.5", unit="mg")}})
    assert section.table.item(0, 1).text() == "5-6.5"
    assert '"5-6.5" was entered' in section.table_message.text()
    assert not section.table_message.isHidden()


def test_the_visit_form_refuses_to_save_it_and_keeps_everything_typed(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    section = window.section("medications")
    section.weight.edit.setText("20.4")
    _type_dose(section, "prednisone", "5-6.5")
    assert not window.save()
    assert "dose of prednisone" in window.message.text()
    assert section.weight.text() == "20.4" and section.table.item(0, 1).text() == "5-6.5"
    with database.reading() as s:
        assert s.scalars(select(InstrumentValue)).all() == []
    section.table.item(0, 1).setText("5")
    assert window.save()
    with database.reading() as s:
        stored = {r.item: r.value_num for r in s.scalars(select(InstrumentValue))}
    assert stored["prednisone_dose"] == 5.0 and stored["weight_kg"] == 20.4


def test_a_stored_text_in_a_number_item_opens_with_the_problem_and_blocks_the_save(
        qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    with database.session() as s:
        s.add(InstrumentValue(visit_id=visits["month_1"], instrument="global",
                              item="pga_activity", value_text="4-5", updated_by="old"))
    window = open_form(qtbot, database, visits["month_1"])
    assert '"4-5" was entered' in window.errors()["global:pga_activity"]
    assert not window.save()
    with database.reading() as s:
        assert s.scalar(select(InstrumentValue.value_text)) == "4-5"  # not lost either
