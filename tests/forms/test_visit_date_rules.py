"""A visit that can always be reopened (issue 20.1, the blocker).

A visit dated 2010-01-01, before the child's birth, saved with no warning; reopening it
then failed with "Unexpected error: Age must be a number of years, 0 or more; -2.03…"
(the CMAS age caveat of a negative age), also after a restart, so the wrong date could
never be corrected. Future dates and dates years before enrollment were accepted too.

Now the visit date is checked at its field against the enrollment date (after the date
of birth), and today; a wrong date already stored (written here straight into the
database, as the form no longer lets one through) still opens, with the problem shown
at the field so it can be corrected. And so does any stored value that breaks a rule.

The patient of these tests: born 2016-02-01, enrolled 2026-05-04, "today" 2026-11-21.
"""

from __future__ import annotations

from datetime import date

import pytest
from visit_fixtures import enrolled_patient, open_form, type_in

from app.db.models import InstrumentValue, Visit
from app.db.visit_saving import save_visit
from app.db.visits import VisitError, load_visit

pytestmark = pytest.mark.usefixtures("system_actor")

BORN, ENROLLED = date(2016, 2, 1), date(2026, 5, 4)


def store_visit_date(database, visit_id: int, day: date) -> None:
    with database.session() as s:
        s.get(Visit, visit_id).visit_date = day


def stored_date(database, visit_id: int) -> date | None:
    with database.reading() as s:
        return load_visit(s, visit_id).header.visit_date


def test_a_visit_stored_before_birth_opens_and_can_be_corrected(qtbot, database):
    _pid, _eid, visits = enrolled_patient(database, dob=BORN, enrolled=ENROLLED)
    visit_id = visits["baseline"]
    store_visit_date(database, visit_id, date(2010, 1, 1))  # age on that day: -6.08 years

    window = open_form(qtbot, database, visit_id)  # raised InstrumentInputError before
    for key in window.section_keys:  # the CMAS section computed the age caveat
        window.section(key)
    # The problem is shown at the field, in words, with the date stored kept as it is.
    assert window.visit_date.text() == "2010-01-01"
    assert window.visit_date.words.text() == (
        "01 Jan 2010 is before the earliest date allowed here, 04 May 2026 "
        "(the enrollment date).")
    assert window.visit_date.words.isVisibleTo(window)
    assert "visit_date" in window.errors()
    type_in(window.section("medications").fields["weight_kg"], "20")
    assert not window.save()
    assert "The visit date: 01 Jan 2010 is before" in window.message.text()
    assert stored_date(database, visit_id) == date(2010, 1, 1)

    # Corrected in the form, it saves; reopened, it is clean.
    type_in(window.visit_date, "2026-05-06")
    assert window.visit_date.problem() is None
    assert window.visit_date.words.text() == "06 May 2026, 10 y 3 m old"
    assert window.save(), window.message.text()
    assert stored_date(database, visit_id) == date(2026, 5, 6)
    again = open_form(qtbot, database, visit_id)
    assert again.errors() == {}


@pytest.mark.parametrize(("typed", "limit"), [
    ("2010-01-01", "before the earliest date allowed here, 04 May 2026 (the enrollment date)"),
    # six years before enrollment (the child was 4): still before the study began
    ("2020-05-04", "before the earliest date allowed here, 04 May 2026 (the enrollment date)"),
    ("2026-05-03", "before the earliest date allowed here, 04 May 2026 (the enrollment date)"),
    ("2026-11-22", "after the latest date allowed here, 21 Nov 2026 (today)"),
    ("2031-01-01", "after the latest date allowed here, 21 Nov 2026 (today)"),
])
def test_a_visit_date_outside_enrollment_to_today_is_refused_at_the_field(
        qtbot, database, typed, limit):
    _pid, _eid, visits = enrolled_patient(database, dob=BORN, enrolled=ENROLLED)
    window = open_form(qtbot, database, visits["baseline"])
    type_in(window.visit_date, typed)
    assert limit in window.visit_date.problem()
    assert window.visit_date.words.text() == window.visit_date.problem()
    assert window.visit_date_value() is None
    assert not window.save()
    assert limit in window.message.text()
    assert stored_date(database, visits["baseline"]) is None
    # What was typed stays in the field to be corrected, and in the draft.
    assert window.visit_date.text() == typed
    window.autosave_now()
    reopened = open_form(qtbot, database, visits["baseline"])
    assert reopened.visit_date.text() == typed
    assert limit in reopened.visit_date.problem()


@pytest.mark.parametrize("typed", ["2026-05-04", "2026-11-21", "20260801", "01/08/2026"])
def test_the_enrollment_day_and_today_are_allowed(qtbot, database, typed):
    _pid, _eid, visits = enrolled_patient(database, dob=BORN, enrolled=ENROLLED)
    window = open_form(qtbot, database, visits["baseline"])
    type_in(window.visit_date, typed)
    assert window.visit_date.problem() is None, typed
    assert window.visit_date_value() is not None
    assert "visit_date" not in window.errors()


def test_the_service_refuses_a_visit_date_before_enrollment(database):
    """The CLI and imports go through save_visit: the same rule, as a refusal."""
    _pid, _eid, visits = enrolled_patient(database, dob=BORN, enrolled=ENROLLED)
    with database.session() as s:
        version = load_visit(s, visits["baseline"]).header.version_id
    with pytest.raises(VisitError, match="01 Jan 2010 is before the earliest date"), \
            database.session() as s:
        save_visit(s, visits["baseline"], {}, [], user="nurse", expected_version=version,
                   visit_date=date(2010, 1, 1))
    assert stored_date(database, visits["baseline"]) is None


# Values that break a rule, as they might be stored by an older version, an import, or a
# hand-edited database: a negative number, an impossible one, text where a number belongs,
# an answer no list offers, a unit nobody uses and a missing reason that does not exist.
BROKEN_ENTRIES = [
    {"value_num": -999.5},
    {"value_num": 1e12, "unit": "furlongs"},
    {"value_text": "<5 zz", "missing_reason": "gone_fishing"},
]


@pytest.mark.parametrize("broken", BROKEN_ENTRIES, ids=["negative", "huge", "text"])
@pytest.mark.parametrize("visit", ["baseline", "month_6"])
def test_every_stored_visit_opens_whatever_its_values(qtbot, database, visit, broken):
    _pid, _eid, visits = enrolled_patient(database, dob=BORN, enrolled=ENROLLED)
    visit_id = visits[visit]
    # Every item of every section of this visit, all wrong at once.
    probe = open_form(qtbot, database, visit_id)
    items = {(f.instrument, f.item) for key in probe.section_keys
             for f in probe.section(key).fields.values()}
    assert len(items) > 100
    with database.session() as s:
        s.get(Visit, visit_id).visit_date = date(2010, 1, 1)
        for instrument, item in sorted(items):
            s.add(InstrumentValue(visit_id=visit_id, instrument=instrument, item=item,
                                  **broken))

    window = open_form(qtbot, database, visit_id)  # the side list summarises every section
    window.show()
    for key in window.section_keys:
        window.show_section(key)
    window.collect_values()
    errors = window.errors()
    assert "visit_date" in errors
    # The form says what is wrong and refuses to save it until corrected.
    assert not window.save()
    assert "correcting before saving" in window.message.text()


@pytest.mark.parametrize(("section", "item"), [("enzymes", "collected_on"), ("mri", "date")])
def test_the_other_dates_of_the_visit_use_the_one_date_field(qtbot, database, section, item):
    """Blood collected / MRI done: typed as 20260504 too, in words with the age, and never
    before birth or after today."""
    _pid, _eid, visits = enrolled_patient(database, dob=BORN, enrolled=ENROLLED)
    window = open_form(qtbot, database, visits["baseline"])
    if section == "mri":
        window.section("mri").done.combo.setCurrentIndex(
            window.section("mri").done.combo.findData("yes"))
    field = window.section(section).fields[item]
    type_in(field, "20260502")
    assert field.date.words.text() == "02 May 2026, 10 y 3 m old"
    assert field.entry().value_text == "2026-05-02"
    assert window.errors() == {}
    type_in(field, "2015-12-31")
    assert "(the date of birth)" in field.validate()
    type_in(field, "2026-11-22")
    assert "21 Nov 2026 (today)" in field.validate()
    assert f"{section}:{item}" in window.errors()
