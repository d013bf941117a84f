"""Visit form: the adverse events' resolved date (saved, validated at the cell, audited,
restored from drafts old and new), weight and height typed in lb / in (converted with the
exact factors, stored in kg / cm), and the skin change-since-last-visit reminder."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from visit_fixtures import enrolled_patient, open_form, type_in

from app.db.drafts import load_draft, save_draft
from app.db.models import Anthropometric, AuditEntry, Visit
from app.db.visit_drafts import DRAFT_KIND, draft_key, draft_payload
from app.db.visit_saving import save_visit
from app.db.visits import AdverseEventData, load_visit
from app.domain.visit_form import ItemEntry
from app.forms.visit_sections.adverse_events import (
    COL_ACTION,
    COL_CATEGORY,
    COL_DESCRIPTION,
    COL_ONSET,
    COL_RELATION,
    COL_RESOLVED,
    COL_SERIOUS,
)

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


def choose(field, value):
    index = field.combo.findData(value)
    assert index > 0, f"{value!r} not offered"
    field.combo.setCurrentIndex(index)


def cell(section, row, col):
    return section.table.item(row, col)


# ------------------------------------------------------------------ adverse events


def test_resolved_column_is_saved_shown_and_empty_means_ongoing(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    section = window.section("adverse_events")
    header = section.table.horizontalHeaderItem(COL_RESOLVED).text()
    assert header.startswith("Resolved") and "ongoing" in header
    section.add_event(AdverseEventData(None, "Infusion headache", date(2026, 6, 1), None,
                                       False, "probable", "slowed infusion",
                                       "infusion_reaction"))
    section.add_event(AdverseEventData(None, "Nausea", date(2026, 6, 2), category="other"))
    cell(section, 0, COL_RESOLVED).setText("2026-06-02")
    assert "1 ongoing" in section.score.text()  # the nausea: no resolved date
    assert window.save()
    with database.session() as s:
        events = load_visit(s, visits["month_1"]).adverse_events
    assert [(e.description, e.resolved_date) for e in events] == [
        ("Infusion headache", date(2026, 6, 2)), ("Nausea", None)]
    again = open_form(qtbot, database, visits["month_1"]).section("adverse_events")
    assert cell(again, 0, COL_RESOLVED).text() == "2026-06-02"
    assert cell(again, 1, COL_RESOLVED).text() == ""


def test_resolved_before_onset_or_in_the_future_is_said_at_the_cell(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    section = window.section("adverse_events")
    section.add_event(AdverseEventData(None, "Rash", date(2026, 6, 1), category="other"))
    section.add_event(AdverseEventData(None, "Headache", date(2026, 6, 5), category="other"))
    cell(section, 1, COL_RESOLVED).setText("2026-06-03")
    before = "Adverse event 2: resolved 2026-06-03 is before its onset 2026-06-05."
    resolved = cell(section, 1, COL_RESOLVED)
    assert resolved.toolTip() == before
    assert resolved.background().color().name() == "#fde7ea"  # tinted: this cell is wrong
    assert cell(section, 1, COL_ONSET).toolTip() == ""  # the onset itself is fine
    assert before in section.messages.text() and not section.messages.isHidden()
    assert not window.save()
    assert before in window.message.text()
    assert cell(section, 1, COL_RESOLVED).text() == "2026-06-03"  # what was typed stays

    resolved.setText("2026-11-22")  # the form's today is 2026-11-21
    assert resolved.toolTip() == (
        "Adverse event 2: the resolved date 2026-11-22 is in the future.")
    resolved.setText("2026-05-01")  # the enrollment was on 2026-05-04
    assert resolved.toolTip() == ("Adverse event 2: the resolved date 2026-05-01 is before "
                                  "the enrollment on 2026-05-04.")
    resolved.setText("20260605")  # the date field's compact form, same day as the onset
    assert resolved.toolTip() == "" and section.messages.isHidden()
    assert resolved.toolTip() == "" and section.messages.isHidden()
    assert window.save()


def test_changed_resolved_date_is_an_audited_change(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    section = window.section("adverse_events")
    section.add_event(AdverseEventData(None, "Rash", date(2026, 6, 1), category="other"))
    assert window.save()
    cell(section, 0, COL_RESOLVED).setText("2026-06-20")
    assert window.save()
    with database.session() as s:
        entry = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity == "visit", AuditEntry.field == "adverse_events",
                   AuditEntry.entity_id == str(visits["month_1"]))
            .order_by(AuditEntry.id.desc())
        ).first()
    assert entry.user_name == "nurse"
    assert "2026-06-20" in entry.new_value and "2026-06-20" not in entry.old_value


def test_draft_saved_by_the_previous_version_still_loads(qtbot, database):
    """Before the resolved date existed, a draft row held 6 values: id, description,
    onset (as typed), serious, relation, action."""
    _pid, _eid, visits = enrolled_patient(database)
    vid = visits["month_1"]
    payload = draft_payload({}, [AdverseEventData(None, "Nausea", None, None, True, "possible",
                                                  "antiemetic")], None)
    payload["adverse_event_rows"] = [[None, "Nausea", "2026-06-0", True, "possible", "antiemetic"]]
    with database.session() as s:
        save_draft(s, DRAFT_KIND, draft_key(vid), payload, user="nurse")

    window = open_form(qtbot, database, vid)
    section = window.section("adverse_events")
    assert section.table.rowCount() == 1
    assert cell(section, 0, COL_DESCRIPTION).text() == "Nausea"
    assert cell(section, 0, COL_ONSET).text() == "2026-06-0"  # unfinished, kept as typed
    assert cell(section, 0, COL_RESOLVED).text() == ""  # no resolved date: ongoing
    assert section.table.cellWidget(0, COL_SERIOUS).currentText() == "Yes"
    assert section.table.cellWidget(0, COL_RELATION).currentData() == "possible"
    assert section.table.cellWidget(0, COL_RELATION).currentText() == "Possible"  # in words
    assert cell(section, 0, COL_ACTION).text() == "antiemetic"
    assert "recovered" in window.banner.text()
    cell(section, 0, COL_ONSET).setText("2026-06-04")
    cell(section, 0, COL_RESOLVED).setText("2026-06-05")
    assert not window.save()  # a draft from before the coding: its category is asked for
    assert "category not recorded" in section.table.cellWidget(0, COL_CATEGORY).toolTip()
    section.set_code(0, COL_CATEGORY, "other")
    assert window.save()
    with database.session() as s:
        [event] = load_visit(s, vid).adverse_events
    assert (event.onset_date, event.resolved_date, event.serious) == (
        date(2026, 6, 4), date(2026, 6, 5), True)


def test_unfinished_resolved_date_survives_in_the_draft(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    vid = visits["month_1"]
    window = open_form(qtbot, database, vid)
    section = window.section("adverse_events")
    section.add_event(AdverseEventData(None, "Rash", date(2026, 6, 1)))
    cell(section, 0, COL_RESOLVED).setText("2026-06-")
    window.autosave_now()
    with database.session() as s:
        rows = load_draft(s, DRAFT_KIND, draft_key(vid))["adverse_event_rows"]
    assert rows == [[None, "Rash", "2026-06-01", False, "", "", "2026-06-", None, None, None]]
    again = open_form(qtbot, database, vid).section("adverse_events")
    assert cell(again, 0, COL_RESOLVED).text() == "2026-06-"
    assert 'the resolved date: "2026-06-" is not a date' in cell(again, 0,
                                                                  COL_RESOLVED).toolTip()


# -------------------------------------------------------------- weight and height


def test_weight_in_pounds_is_converted_shown_and_stored_in_kg(qtbot, database):
    pid, _eid, visits = enrolled_patient(database)
    vid = visits["month_1"]
    window = open_form(qtbot, database, vid)
    window.visit_date.set_iso("2026-06-04")
    meds = window.section("medications")
    weight = meds.fields["weight_kg"]
    assert weight.typed_unit() == "kg"  # default
    weight.set_unit("lb")
    type_in(weight, "45")
    # 45 lb × 0.45359237 = 20.41165665 kg, shown to 0.1 kg
    assert weight.converted.text() == "= 20.4 kg"
    assert weight.message.isHidden()
    assert meds.score.text().startswith("Weight 20.4 kg (45 lb)")
    height = meds.fields["height_cm"]
    height.set_unit("in")
    type_in(height, "47.5")  # 47.5 in × 2.54 = 120.65 cm, shown as 120.7 cm
    assert height.converted.text() == "= 120.7 cm"
    assert window.save()
    with database.session() as s:
        vitals = load_visit(s, vid).values["vitals"]
        measured = s.execute(select(Anthropometric.weight_kg, Anthropometric.height_cm,
                                    Anthropometric.entered_unit)
                             .where(Anthropometric.patient_id == pid)).one()
    assert vitals["weight_kg"].value_num == 45 * 0.45359237  # exactly, not the rounded 20.4
    assert vitals["height_cm"].value_num == 47.5 * 2.54
    assert tuple(measured) == (45 * 0.45359237, 47.5 * 2.54, "lb/in")

    # Reopened: shown in kg; saving without touching it changes nothing (no rounding).
    again = open_form(qtbot, database, vid)
    shown = again.section("medications").fields["weight_kg"]
    assert (shown.text(), shown.typed_unit()) == ("20.4117", "kg")
    assert shown.converted.text() == ""  # nothing to convert when typed in kg
    again.dirty = True
    assert again.save()
    assert again.message.text() == "Saved (0 item changes)."


def test_implausible_weight_in_pounds_says_both_units_and_is_not_saved(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    window = open_form(qtbot, database, visits["month_1"])
    weight = window.section("medications").fields["weight_kg"]
    weight.set_unit("lb")
    type_in(weight, "500")  # 500 lb × 0.45359237 = 226.796185 kg > 200 kg
    assert weight.message.text() == (
        "Weight must be between 2 and 200 kg (4.41 to 440.92 lb); 500 lb (226.8 kg) was "
        "entered.")
    assert weight.converted.text() == ""  # no "= ..." for a value that will not be stored
    assert not window.save()
    height = window.section("medications").fields["height_cm"]
    height.set_unit("in")
    type_in(height, "100")  # 100 in × 2.54 = 254 cm > 220 cm
    assert height.message.text() == (
        "Height must be between 45 and 220 cm (17.72 to 86.61 in); 100 in (254 cm) was "
        "entered.")


def test_changing_the_unit_rereads_the_number_and_the_dose_check_follows(qtbot, database):
    # Arm A IVIG 2 g/kg; 40 g prescribed (for 20 kg).
    _pid, _eid, visits = enrolled_patient(database, prescription=(40.0, "g", "dose", "ivig"))
    window = open_form(qtbot, database, visits["month_1"])
    meds = window.section("medications")
    weight = meds.fields["weight_kg"]
    type_in(weight, "44.1")
    assert meds.dose_out_of_protocol()  # 44.1 kg × 2 g/kg = 88.2 g → 70 g cap; 40 g is far off
    weight.set_unit("lb")
    # 44.1 lb × 0.45359237 = 20.0034235 kg; × 2 g/kg = 40.007 g: 40 g is within the rule
    assert weight.converted.text() == "= 20 kg"
    assert not meds.dose_out_of_protocol()


def test_weight_typed_in_pounds_is_restored_as_typed_from_the_draft(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    vid = visits["month_1"]
    window = open_form(qtbot, database, vid)
    weight = window.section("medications").fields["weight_kg"]
    weight.set_unit("lb")
    type_in(weight, "45")
    window.autosave_now()
    again = open_form(qtbot, database, vid)
    restored = again.section("medications").fields["weight_kg"]
    assert (restored.text(), restored.typed_unit()) == ("45", "lb")
    assert restored.converted.text() == "= 20.4 kg"
    assert again.collect_values()["vitals"]["weight_kg"].value_num == 45 * 0.45359237


# ------------------------------------------------------------ skin change reminder


def _held_visit(database, visit_id, on, cutaneous_vas):
    with database.session() as s:
        version = load_visit(s, visit_id).header.version_id
        save_visit(s, visit_id, {"global": {"mdaat_cutaneous_vas":
                                            ItemEntry(value_num=cutaneous_vas)}},
                   [], user="nurse", expected_version=version, visit_date=on)
        s.get(Visit, visit_id).status = "complete"


def test_skin_change_that_contradicts_the_score_gets_a_reminder_that_does_not_block(
    qtbot, database
):
    _pid, _eid, visits = enrolled_patient(database)
    _held_visit(database, visits["baseline"], date(2026, 5, 4), 3.0)
    window = open_form(qtbot, database, visits["month_1"])
    skin = window.section("skin")
    warning = skin.change_warnings["skin_heliotrope_change"]
    choose(skin.fields["skin_heliotrope"], "present")
    choose(skin.fields["skin_heliotrope_change"], "improving")
    assert warning.isHidden()  # no score at this visit yet: nothing to compare
    window.section("globals").fields["mdaat_cutaneous_vas"].edit.setText("4.5")
    assert not warning.isHidden()
    assert warning.text() == (
        "Please check: Heliotrope rash is marked improving, but the skin activity score "
        "(MDAAT cutaneous VAS) is higher than at the last visit (Baseline, 2026-05-04): "
        "3 cm then, 4.5 cm now. Saving is not blocked.")
    assert skin.errors() == {} and skin.state().errors == 0  # a reminder, not an error
    assert window.save()  # saving is not blocked
    choose(skin.fields["skin_heliotrope_change"], "worse")  # agrees with 3 → 4.5
    assert warning.isHidden()
    window.section("globals").fields["mdaat_cutaneous_vas"].edit.setText("3")
    assert warning.isHidden()  # equal scores: nothing to contradict
    window.section("globals").fields["mdaat_cutaneous_vas"].edit.setText("2")
    assert "is lower than" in warning.text() and not warning.isHidden()


def test_no_skin_reminder_without_a_previous_score(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database)
    # The baseline was never held: month 1 has no last visit to compare with.
    window = open_form(qtbot, database, visits["month_1"])
    window.section("globals").fields["mdaat_cutaneous_vas"].edit.setText("4.5")
    skin = window.section("skin")
    choose(skin.fields["skin_heliotrope"], "present")
    choose(skin.fields["skin_heliotrope_change"], "improving")
    assert skin.warnings() == {}
    assert all(label.isHidden() for label in skin.change_warnings.values())
