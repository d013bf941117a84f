"""The visit sections of issue 18: a word where a dose belongs is refused at its field and
kept as typed; a stored record that breaks a rule (a word stored as a dose, a CDASI grade
out of range, an adverse event stored before the coding) still opens, with the problem
at the field and the stored value kept; the adverse events' date cells are edited in the
application's date field (its typing, its checks)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QStyleOptionViewItem

from app.db.visits import AdverseEventData
from app.domain.instruments.cdasi import ITEMS as CDASI_ITEMS
from app.domain.visit_values import ItemEntry
from app.forms.visit_sections.adverse_events import (
    COL_CATEGORY,
    COL_ONSET,
    COL_OUTCOME,
    COL_RESOLVED,
    COL_SERIOUS,
    COL_SEVERITY,
    AdverseEventsSection,
)
from app.forms.visit_sections.registry import SectionContext, make_section
from app.forms.widgets.date_field import DateField

TODAY = date(2026, 11, 21)


def section(qtbot, key: str, follow_up: bool = True):
    made = make_section(key, SectionContext(follow_up=follow_up, shown=None, today=TODAY,
                                            enrollment_date=date(2026, 5, 4)))
    qtbot.addWidget(made)
    return made


# ------------------------------------------------------------------ steroid exposure


def test_a_word_where_a_dose_belongs_is_refused_at_the_field_and_kept(qtbot):
    steroids = section(qtbot, "steroid_exposure")
    dose = steroids.fields["prednisone_mg_day"]
    dose.edit.setText("twenty")
    assert 'must be a number in mg/day; "twenty"' in dose.message.text()
    assert "steroids:prednisone_mg_day" in steroids.errors()
    values: dict = {}
    steroids.collect(values)
    assert values["steroids"]["prednisone_mg_day"] == ItemEntry(value_text="twenty")
    assert not steroids.state().complete


def test_pulses_without_their_dose_are_said_at_the_dose(qtbot):
    steroids = section(qtbot, "steroid_exposure")
    steroids.fields["prednisone_mg_day"].edit.setText("20")
    steroids.fields["ivmp_pulses"].edit.setText("2")
    assert "enter the dose of each pulse" in steroids.fields["ivmp_dose_mg"].message.text()
    steroids.fields["ivmp_dose_mg"].edit.setText("600")
    assert steroids.errors() == {}
    assert steroids.state().complete and steroids.state().text == "20 mg/day"


def test_a_stored_word_as_a_dose_opens_with_its_message(qtbot):
    steroids = section(qtbot, "steroid_exposure")
    steroids.load({"steroids": {"prednisone_mg_day": ItemEntry(value_text="ten"),
                                "ivmp_pulses": ItemEntry(0.0)}})
    dose = steroids.fields["prednisone_mg_day"]
    assert dose.text() == "ten"
    assert "must be a number" in dose.message.text()
    values: dict = {}
    steroids.collect(values)
    assert values["steroids"]["prednisone_mg_day"] == ItemEntry(value_text="ten")


def test_baseline_asks_for_pulses_since_enrollment(qtbot):
    baseline = section(qtbot, "steroid_exposure", follow_up=False)
    texts = [label.text() for label in baseline.findChildren(type(baseline.score))]
    assert "IV methylprednisolone pulses since enrollment" in texts


# ------------------------------------------------------------------ CDASI


def test_cdasi_grades_give_the_domains_score(qtbot):
    cdasi = section(qtbot, "cdasi")
    stored = {i.code: ItemEntry(0.0) for i in CDASI_ITEMS}
    stored["malar_e"] = ItemEntry(3.0)
    stored["hair_loss"] = ItemEntry(1.0)
    cdasi.load({"cdasi": stored})
    # 3 + 1 = 4 of 100.
    assert "CDASI activity 4 of 100" in cdasi.score.text()
    assert cdasi.state().complete and cdasi.state().text == "4/100"


def test_the_hands_gottron_row_is_entered_by_keyboard_and_doubles_with_papules(qtbot):
    from PySide6.QtCore import Qt

    cdasi = section(qtbot, "cdasi")
    stored = {i.code: ItemEntry(0.0) for i in CDASI_ITEMS}
    del stored["gottron_h_e"], stored["gottron_h_papules"], stored["gottron_h_u"]
    cdasi.load({"cdasi": stored})
    cdasi.show()
    # Typed at the keyboard: the first letter of a grade's words picks it ("2 red").
    erythema = cdasi.fields["gottron_h_e"].combo
    erythema.setFocus()
    qtbot.keyClicks(erythema, "2")
    assert cdasi.fields["gottron_h_e"].value() == 2.0
    # Tab goes on to the row's ulceration, then to the papules' box.
    qtbot.keyClick(erythema, Qt.Key_Tab)
    assert cdasi.focusWidget() is cdasi.fields["gottron_h_u"].combo
    qtbot.keyClicks(cdasi.fields["gottron_h_u"].combo, "1")
    qtbot.keyClick(cdasi.fields["gottron_h_u"].combo, Qt.Key_Tab)
    assert cdasi.focusWidget() is cdasi.fields["gottron_h_papules"].combo
    assert cdasi.state().text.endswith("/50") and not cdasi.state().complete
    qtbot.keyClicks(cdasi.fields["gottron_h_papules"].combo, "1")
    # Red 2 doubled by the papules = 4, ulceration 1: 5 of 100.
    assert "CDASI activity 5 of 100" in cdasi.score.text()
    assert cdasi.state().text == "5/100"
    values: dict = {}
    cdasi.collect(values)
    assert values["cdasi"]["gottron_h_e"] == ItemEntry(2.0)
    assert values["cdasi"]["gottron_h_papules"] == ItemEntry(1.0)


def test_a_visit_recorded_before_the_hands_row_opens_with_its_score_incomplete(qtbot):
    cdasi = section(qtbot, "cdasi")
    stored = {i.code: ItemEntry(0.0) for i in CDASI_ITEMS
              if not i.code.startswith("gottron_h_")}
    stored["malar_e"] = ItemEntry(3.0)
    stored["periungual"] = ItemEntry(2.0)
    cdasi.load({"cdasi": stored})
    # Never 5 of 100: the hands row was not graded; the other items 3 + 2 = 5 of 93.
    text = cdasi.score.text()
    assert "CDASI activity not scored" in text and "5 of 93" in text
    assert not cdasi.state().complete and cdasi.state().text == "47/50"
    for code in ("gottron_h_e", "gottron_h_papules", "gottron_h_u"):
        assert cdasi.fields[code].is_blank()
    values: dict = {}
    cdasi.collect(values)  # the stored grades kept; nothing invented for the new row
    assert values["cdasi"]["malar_e"] == ItemEntry(3.0)
    assert not {"gottron_h_e", "gottron_h_papules", "gottron_h_u"} & set(values["cdasi"])


def test_a_stored_hands_grade_out_of_range_is_shown_at_its_box(qtbot):
    cdasi = section(qtbot, "cdasi")
    stored = {i.code: ItemEntry(0.0) for i in CDASI_ITEMS}
    stored["gottron_h_papules"] = ItemEntry(2.0)
    cdasi.load({"cdasi": stored})
    combo = cdasi.fields["gottron_h_papules"].combo
    assert "grade must be a whole number from 0 to 1; 2" in combo.toolTip()
    assert "cdasi:gottron_h_papules" in cdasi.errors()
    values: dict = {}
    cdasi.collect(values)
    assert values["cdasi"]["gottron_h_papules"] == ItemEntry(2.0)


def test_a_stored_grade_out_of_range_opens_is_shown_and_kept(qtbot):
    cdasi = section(qtbot, "cdasi")
    stored = {i.code: ItemEntry(0.0) for i in CDASI_ITEMS}
    stored["malar_e"] = ItemEntry(7.0)
    cdasi.load({"cdasi": stored})
    combo = cdasi.fields["malar_e"].combo
    assert "grade must be a whole number from 0 to 3; 7" in combo.toolTip()
    assert "fde7ea" in combo.styleSheet()
    assert "cdasi:malar_e" in cdasi.errors()
    assert not cdasi.state().complete
    values: dict = {}
    cdasi.collect(values)
    assert values["cdasi"]["malar_e"] == ItemEntry(7.0)  # not lost by opening the visit
    cdasi.fields["malar_e"].set_value(2.0)  # a grade chosen replaces it
    values = {}
    cdasi.collect(values)
    assert values["cdasi"]["malar_e"] == ItemEntry(2.0)
    assert cdasi.errors() == {}


# ------------------------------------------------------------------ sun protection


def test_sun_protection_stores_codes(qtbot):
    sun = section(qtbot, "sun_protection")
    sun.fields["counselled"].set_value("yes")
    sun.fields["adherence"].set_value("sometimes")
    values: dict = {}
    sun.collect(values)
    assert values["sun_protection"] == {"counselled": ItemEntry(value_text="yes"),
                                        "adherence": ItemEntry(value_text="sometimes")}
    assert sun.state().complete


# ------------------------------------------------------------------ adverse events


def test_an_event_stored_before_the_coding_opens_saying_category_not_recorded(qtbot):
    events: AdverseEventsSection = section(qtbot, "adverse_events")
    events.set_events([AdverseEventData(7, "Rash", date(2026, 6, 1), None, False, "possible")])
    category = events.table.cellWidget(0, COL_CATEGORY)
    assert category.currentData() is None
    assert "category not recorded" in category.toolTip()
    assert "fde7ea" in category.styleSheet()
    assert "category not recorded" in events.messages.text()
    [event] = events.events()
    assert (event.id, event.description, event.category) == (7, "Rash", None)
    events.set_code(0, COL_CATEGORY, "other")
    assert category.toolTip() == "" and events.errors() == {}


def test_the_coding_must_agree_with_itself(qtbot):
    events = section(qtbot, "adverse_events")
    events.add_event(AdverseEventData(None, "Pneumonia", date(2026, 6, 1), date(2026, 6, 9),
                                      False, "possible", None, "infection_serious", "severe",
                                      "not_recovered"))
    serious = events.table.cellWidget(0, COL_SERIOUS)
    outcome = events.table.cellWidget(0, COL_OUTCOME)
    assert "a serious infection is a serious event" in serious.toolTip()
    assert "cannot be not recovered" in outcome.toolTip()
    serious.setCurrentIndex(1)  # Yes
    events.set_code(0, COL_OUTCOME, "recovered")
    assert events.errors() == {}
    [event] = events.events()
    assert (event.serious, event.category, event.severity, event.outcome) == (
        True, "infection_serious", "severe", "recovered")
    assert events.table.cellWidget(0, COL_SEVERITY).currentText() == "Severe (grade 3)"


def test_date_cells_are_edited_in_the_shared_date_field(qtbot):
    events = section(qtbot, "adverse_events")
    events.add_event(AdverseEventData(None, "Rash", None, category="other"))
    table = events.table
    delegate = table.itemDelegateForColumn(COL_RESOLVED)
    assert delegate is table.itemDelegateForColumn(COL_ONSET)
    editor = delegate.createEditor(table.viewport(), QStyleOptionViewItem(),
                                   table.model().index(0, COL_ONSET))
    assert isinstance(editor, DateField)
    # The date field's compact typing is stored as the ISO date.
    editor.edit.setText("20260601")
    delegate.setModelData(editor, table.model(), table.model().index(0, COL_ONSET))
    assert table.item(0, COL_ONSET).text() == "2026-06-01"
    # Text that is not a date is kept as typed, and said at the cell.
    resolved = table.model().index(0, COL_RESOLVED)
    delegate.setEditorData(editor, resolved)
    editor.edit.setText("1st June")
    delegate.setModelData(editor, table.model(), resolved)
    assert table.item(0, COL_RESOLVED).text() == "1st June"
    assert '"1st June" is not a date' in table.item(0, COL_RESOLVED).toolTip()
    # The same checks as the date field: before the enrollment (2026-05-04) is refused.
    editor.edit.setText("2026-05-03")
    delegate.setModelData(editor, table.model(), resolved)
    assert "before the enrollment on 2026-05-04" in table.item(0, COL_RESOLVED).toolTip()
    [event] = events.events()
    assert (event.onset_date, event.resolved_date) == (date(2026, 6, 1), date(2026, 5, 3))
