"""The cohort data read from a database (app.exports.cohort_data): the permission is
checked in the service, every visit is scored by the one scoring path, and the short cuts
taken for speed (PRINTO not scored after the first inactive visit, other visits read
with PRINTO's instruments only) change no figure."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import select

from app.db.demo import fill_demo_database
from app.db.models import ArmAssignment, Enrollment, InstrumentValue, Visit
from app.domain.cohort.data import CohortPatient, visit_outcome
from app.domain.cohort.outcomes import cohort_outcomes, plan_layout, tables
from app.domain.instruments.steroid_exposure import steroid_visit
from app.domain.permissions import AUTOMATIC_BACKUP_TASK, AccessRefused
from app.domain.visit_response import Baseline, compare_to_baseline, visit_response
from app.domain.visit_scores import score_visit
from app.domain.visit_values import ItemEntry
from app.exports.cohort_data import CohortDataError, enrolled_protocols, read_cohort

# Not a test of sign-in: databases act as the test-fixture task unless a test says not.
pytestmark = pytest.mark.usefixtures("system_actor")
AS_OF = date(2026, 6, 1)


@pytest.fixture
def demo(database):
    fill_demo_database(database, patients=60, seed=11, as_of=AS_OF)
    return database


def stored_items(database) -> dict[int, dict[str, dict[str, ItemEntry]]]:
    """Every visit's stored items, read the plain ORM way (not the service's fast path)."""
    out: dict[int, dict[str, dict[str, ItemEntry]]] = defaultdict(dict)
    with database.reading() as s:
        for v in s.scalars(select(InstrumentValue)):
            out[v.visit_id].setdefault(v.instrument, {})[v.item] = ItemEntry(
                v.value_num, v.value_text, v.unit, v.missing_reason)
    return out


def test_every_enrollment_under_its_first_arm(demo):
    data = read_cohort(demo)
    with demo.reading() as s:
        enrollments = s.scalars(select(Enrollment)).all()
        first_arm = {e.id: s.scalars(select(ArmAssignment.arm_id).where(
            ArmAssignment.enrollment_id == e.id).order_by(ArmAssignment.start_date)).first()
            for e in enrollments}
        study = {e.id: e.patient.study_id for e in enrollments}
    assert len(data.patients) == len(enrollments) > 30
    assert {p.study_id: p.arm for p in data.patients} == {
        study[i]: arm for i, arm in first_arm.items()}
    assert data.protocol.id == "persistent-skin-rash"
    assert enrolled_protocols(demo) == [("persistent-skin-rash", len(enrollments))]


def test_month_6_response_is_the_visit_forms_response(demo):
    """The cohort's TIS and IMACS at month 6 are what the visit form shows for the visit
    (``visit_response`` on the stored items of the visit and its baseline)."""
    data = read_cohort(demo)
    items = stored_items(demo)
    with demo.reading() as s:
        rows = s.execute(select(Visit.id, Visit.visit_code, Enrollment.patient_id,
                                Visit.enrollment_id, Visit.status)
                         .join(Enrollment)).all()
        from app.db.models import Patient
        study = dict(s.execute(select(Patient.id, Patient.study_id)).all())
    by_enrollment = defaultdict(dict)
    for r in rows:
        if r.status in ("complete", "signed"):
            by_enrollment[study[r.patient_id]][r.visit_code] = r.id
    compared = 0
    for p in data.patients:
        visits = by_enrollment[p.study_id]
        month6 = next((v for v in p.visits if v.code == "month_6"), None)
        if month6 is None or "baseline" not in visits:
            continue
        expected = visit_response(items[visits["baseline"]], items[visits["month_6"]])
        assert month6.tis == (None if expected.tis is None else expected.tis.tis)
        assert month6.imacs_improved == (None if expected.imacs is None
                                         else expected.imacs.improved)
        assert month6.printo_inactive == (None if expected.printo is None
                                          else expected.printo.inactive)
        compared += 1
    assert compared >= 10


def test_the_short_cuts_change_no_figure(demo):
    """Score every visit with every instrument (no short cut) and compare all figures."""
    data = read_cohort(demo)
    items = stored_items(demo)
    with demo.reading() as s:
        visits = s.execute(select(Visit.id, Visit.enrollment_id, Visit.visit_code,
                                  Visit.visit_date)
                           .where(Visit.status.in_(("complete", "signed")),
                                  Visit.visit_date.is_not(None))
                           .order_by(Visit.enrollment_id, Visit.visit_date, Visit.id)).all()
        dates = dict(s.execute(select(Enrollment.id, Enrollment.enrollment_date)).all())
        from app.db.models import Patient
        study = dict(s.execute(select(Enrollment.id, Patient.study_id).join(Patient)).all())
    months = {v.id: v.offset_months for v in data.protocol.visits}
    per_enrollment = defaultdict(list)
    for v in visits:
        per_enrollment[study[v.enrollment_id]].append(v)
    full = []
    for p in data.patients:
        rows = per_enrollment[p.study_id]
        base = next((v for v in rows if v.visit_code == "baseline"), None)
        base_scores = score_visit(items.get(base.id, {}) if base else {}, explain=False)
        baseline = Baseline.of(base_scores, explain=False) if base else None
        outcomes = []
        for v in rows:
            stored = items.get(v.id, {})
            scores = score_visit(stored, explain=False)
            response = None if v is base else compare_to_baseline(
                baseline, scores, is_baseline=False, explain=False)
            outcomes.append(visit_outcome(v.visit_code, months.get(v.visit_code),
                                          (v.visit_date - dates[v.enrollment_id]).days,
                                          stored, scores, response))
        # every visit's steroid doses and weight, from all of its stored items
        steroids = tuple(steroid_visit(v.visit_date, items.get(v.id, {})) for v in rows)
        full.append(CohortPatient(p.study_id, p.protocol_id, p.arm, p.status, p.switched,
                                  p.enrollment_date, p.baseline, tuple(outcomes),
                                  p.adverse_events, steroids))
    arms, schedule = plan_layout(data.protocol)
    fast = tables(cohort_outcomes(data.patients, arms, schedule))
    slow = tables(cohort_outcomes(full, arms, schedule))
    assert fast == slow
    km = cohort_outcomes(data.patients, arms, schedule).km
    assert sum(len(k.events) for k in km.values()) > 0  # the curve is not empty


def test_reading_needs_the_permission_to_view_data(demo):
    demo.actor = AUTOMATIC_BACKUP_TASK  # may back up, may not view patient data
    with pytest.raises(AccessRefused):
        read_cohort(demo)
    with pytest.raises(AccessRefused):
        enrolled_protocols(demo)
    demo.actor = None  # nobody signed in
    with pytest.raises(AccessRefused):
        read_cohort(demo)


def test_an_unknown_plan_is_refused_by_name(demo):
    with pytest.raises(CohortDataError, match="no installed treatment plan has the id 'nope'"):
        read_cohort(demo, "nope")


def test_an_empty_database_gives_empty_arms(database):
    data = read_cohort(database, "persistent-skin-rash")
    arms, schedule = plan_layout(data.protocol)
    out = cohort_outcomes(data.patients, arms, schedule)
    assert data.patients == () and out.arms == ("A", "B", "C")


def test_disease_duration_steroid_records_and_event_categories_are_read(demo):
    """The study items of issue 18 reach the cohort: disease onset gives the duration,
    each visit's steroid doses and weight (read the plain ORM way here) the cumulative
    exposure, and an adverse event's coded category its rate."""
    from datetime import timedelta

    from sqlalchemy import update

    from app.db.models import AdverseEvent, Patient
    from app.domain.disease_history import disease_duration_at

    with demo.session() as s:
        enrollment = s.scalars(select(Enrollment).order_by(Enrollment.id)).first()
        study_id = enrollment.patient.study_id
        # onset 365 days before enrollment: 365 / (365.25 / 12) = 11.99 -> 12.0 months
        s.execute(update(Patient).where(Patient.id == enrollment.patient_id).values(
            onset_date=enrollment.enrollment_date - timedelta(days=365)))
        done = s.execute(select(Visit.id, Visit.visit_date).where(
            Visit.enrollment_id == enrollment.id, Visit.status.in_(("complete", "signed")))
            .order_by(Visit.visit_date, Visit.id)).all()
        event = s.scalars(select(AdverseEvent).join(Visit).where(
            Visit.enrollment_id != enrollment.id)).first()
        event.category = "hypertension"
        event_study_id = event.visit.enrollment.patient.study_id
    items = stored_items(demo)
    patients = {p.study_id: p for p in read_cohort(demo).patients}
    patient = patients[study_id]
    assert patient.baseline.disease_duration_months == 12.0
    assert patient.steroid_visits == tuple(steroid_visit(d, items.get(i, {})) for i, d in done)
    assert any(v.prednisone_mg_day is not None for v in patient.steroid_visits)
    assert [e.category for e in patients[event_study_id].adverse_events].count(
        "hypertension") == 1
    with demo.reading() as s:
        onsets = s.execute(select(Patient.study_id, Patient.onset_date,
                                  Enrollment.enrollment_date).join(Enrollment)).all()
    for sid, onset, enrolled in onsets:  # the one rule (app.domain.disease_history)
        expected = disease_duration_at(onset, enrolled)
        assert patients[sid].baseline.disease_duration_months == (
            None if expected is None else float(expected))


def test_the_garbage_collector_runs_again_after_a_read_even_a_refused_one(demo,
                                                                         system_actor):
    """The read pauses the cyclic collector for speed; it must never leave it paused (a
    read that fails halfway included), nor start it when the caller had paused it."""
    import gc
    assert gc.isenabled()
    read_cohort(demo)
    assert gc.isenabled()
    with pytest.raises(CohortDataError):
        read_cohort(demo, "nope")
    assert gc.isenabled()
    demo.actor = AUTOMATIC_BACKUP_TASK
    with pytest.raises(AccessRefused):
        read_cohort(demo)
    assert gc.isenabled()
    gc.disable()
    try:
        demo.actor = system_actor
        read_cohort(demo)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_steroid_items_read_are_every_item_the_exposure_reads():
    """Every visit's steroid items are read as the numbers NUMBERS names: a visit with
    every steroid-form item and vitals item recorded, with text, unit and missing reason,
    gives the same SteroidVisit from those numbers alone as from all of them (fails if
    steroid_visit comes to read another item, or more of an item than its number), and
    the same from the read's row of those numbers (fails if steroid_visit_of takes a
    number from the wrong place)."""
    from app.domain.instruments.steroid_exposure import ITEMS_BY_CODE, STORED
    from app.exports.cohort_data import NUMBERS
    everything = {STORED: {code: ItemEntry(float(n + 1), "text", "mg", "reason")
                           for n, code in enumerate(ITEMS_BY_CODE)},
                  "vitals": {"weight_kg": ItemEntry(31.5, "text", "kg", "reason"),
                             "height_cm": ItemEntry(140.0, None, "cm", None)}}
    chosen = set(NUMBERS)
    selected = {instrument: {k: ItemEntry(v.value_num) for k, v in items.items()
                             if (instrument, k) in chosen}
                for instrument, items in everything.items()}
    day = date(2026, 1, 5)
    full = steroid_visit(day, everything)
    assert steroid_visit(day, selected) == full
    # The read builds it from the row of numbers its query gives (visit id, then the
    # value_num of each NUMBERS item in that order): the same SteroidVisit.
    from app.exports.cohort_data import steroid_visit_of
    row = (7, *(everything.get(instrument, {}).get(item, ItemEntry()).value_num
                for instrument, item in NUMBERS))
    assert steroid_visit_of(day, row) == full
    assert None not in (full.prednisone_mg_day, full.ivmp_pulses, full.ivmp_dose_mg,
                        full.weight_kg)


def test_the_cdasi_left_unread_changes_no_cohort_value(demo):
    """The read leaves the CDASI out (no figure uses it): every demo visit that has one
    gives the same cohort values (scored_values) and the same response against its
    baseline with it as without it."""
    from app.domain.cohort.data import scored_values
    items = stored_items(demo)
    with demo.reading() as s:
        rows = s.execute(select(Visit.id, Visit.visit_code, Visit.enrollment_id)).all()
    baseline_of_enrollment = {r.enrollment_id: r.id for r in rows
                              if r.visit_code == "baseline"}
    compared = 0
    for r in rows:
        values = items.get(r.id, {})
        base = items.get(baseline_of_enrollment.get(r.enrollment_id), {})
        if "cdasi" not in values or "cdasi" not in base:
            continue
        without = {k: v for k, v in values.items() if k != "cdasi"}
        base_without = {k: v for k, v in base.items() if k != "cdasi"}

        def cohort_values(visit, baseline):  # noqa: ANN001, ANN202
            scores = score_visit(visit, explain=False)
            response = compare_to_baseline(
                Baseline.of(score_visit(baseline, explain=False), explain=False), scores,
                is_baseline=False, explain=False)
            return scored_values(scores, response)
        assert cohort_values(values, base) == cohort_values(without, base_without)
        compared += 1
    assert compared > 50


@pytest.mark.parametrize(("stored", "expected"), [
    # as the export writes it: the cohort's part last
    ('{"cmas":{"cmas_total":52},"_cohort":{"tis":null,"cmas":52.0}}',
     {"tis": None, "cmas": 52.0}),
    # not last, spaced, nested under another member, named inside a string: decoded whole
    ('{"_cohort":{"tis":1.5},"cmas":{"cmas_total":52}}', {"tis": 1.5}),
    ('{"cmas": {"a": 1}, "_cohort": {"tis": 2.0}}', {"tis": 2.0}),
    ('{"x":{"_cohort":{"tis":3.0}}}', None),
    ('{"x":"a\\",\\"_cohort\\":{\\"tis\\":4.0}}"}', None),
    ('{"x":"\\"_cohort\\":{}","_cohort":{"tis":5.0}}', {"tis": 5.0}),
    ('{"cmas":{"cmas_total":52}}', None),
])
def test_the_cohort_part_of_stored_scores_is_read_whatever_its_place(stored, expected):
    """Only the last member is decoded when it is the cohort's part; every other shape
    gives what decoding the whole text gives."""
    import json

    from app.exports.cohort_data import _cohort_values
    assert _cohort_values(stored) == expected == json.loads(stored).get("_cohort")
