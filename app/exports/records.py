"""Export records: the rows read from one snapshot (``app.db.export_reading``) shaped
into the plain ``PatientRecord``s the writers of ``app.reports`` take, with every score
computed by the domain. (One module although long: the per-row pivot is kept in one loop
on purpose, it is the export's hot path.)

De-identification (exports.md, HIPAA Safe Harbor) is completed here, before any file is
written: in the de-identified profile every date becomes days since the patient's first
enrollment (for a patient never enrolled: since the first screening; a patient with
neither has no dates at all); names, MRN, free text and staff user names were never read.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection

from app.catalog import protocol_catalog
from app.db.export_reading import iter_blocks, prior_therapy_slots
from app.db.score_cache import stamp as score_stamp
from app.db.signatures import SIGNATURE_MEANINGS
from app.db.site_code import is_pooled, site_code
from app.domain.arm_switch import SWITCH_REASONS
from app.domain.coded_values import OTHER, dose_unit_code, drug_code_for, plan_words
from app.domain.cohort.data import scored_values
from app.domain.disease_history import disease_duration_at
from app.domain.instruments.medications import MEDICATION_FORM, medication_columns
from app.domain.instruments.registry import INSTRUMENTS
from app.domain.instruments.steroid_exposure import (
    CUMULATIVE_COLUMNS,
    SteroidExposure,
    SteroidVisit,
    cumulative_columns,
    cumulative_steroid_exposure,
    steroid_exposures,
)
from app.domain.instruments.steroid_exposure import STORED as STEROIDS
from app.domain.protocol import PlanOrigin
from app.domain.protocol.vocabulary import drug_code
from app.domain.visit_events import visit_events, visit_order
from app.domain.visit_response import Baseline, VisitResponse, compare_to_baseline
from app.domain.visit_scores import SCORED_INSTRUMENTS, VisitScores, score_visit
from app.domain.visit_values import ItemEntry
from app.reports.csv_safety import escape_text, format_num, iso_date, iso_datetime
from app.reports.dataset import EnrollmentRecord, PatientRecord, ProtocolVersion, VisitRecord
from app.reports.fields import (
    AGE_GROUPED_FROM,
    AGE_TOP_CODE,
    ARM_CHOICE_CODE,
    PLAN_TEXT_COLUMNS,
    SITE_NOTE,
    Catalogue,
    plan_catalogue,
)

# How many places an export's refusal lists (the count is always whole).
WHERE_LISTED = 20


@dataclass
class ExtractStats:
    """What an export counts on the way: stored values that no export column can hold
    exactly (no column, or a value its type cannot hold: text in a number, NaN, a date that
    is not one), with where each is (study id, column; never the value); protocols seen."""

    unmapped_values: int = 0
    protocols: set[tuple[str, str, str]] = field(default_factory=set)
    unmapped_where: list[tuple[str, str]] = field(default_factory=list)  # the first places
    unmapped_places: int = 0  # all places (a visit of no plan is one place, many values)
    # Scores computed because none were stored with the expected stamp: (visit id, stamp,
    # JSON), for app.db.score_cache.store.
    scores: list[tuple[int, str, str]] = field(default_factory=list)

    def unmapped(self, study_id: str, column: str, count: int = 1) -> None:
        self.unmapped_values += count
        self.unmapped_places += 1
        if len(self.unmapped_where) < WHERE_LISTED:
            self.unmapped_where.append((study_id, column))

    def add(self, other: ExtractStats) -> None:
        """Take in the counts of one block (rendered here or in a worker process)."""
        self.unmapped_values += other.unmapped_values
        self.unmapped_places += other.unmapped_places
        self.unmapped_where += other.unmapped_where[:WHERE_LISTED - len(self.unmapped_where)]
        self.protocols |= other.protocols
        self.scores += other.scores


class _Dates:
    """How dates are written: ISO (identified) or days since the reference date."""

    def __init__(self, identified: bool) -> None:
        self.identified = identified
        self.reference: date | None = None

    def __call__(self, value: date | None) -> str:
        if value is None:
            return ""
        if self.identified:
            return value.isoformat()
        if self.reference is None:
            return ""
        return str((value - self.reference).days)

    def text(self, value: str | None) -> str | None:
        """A stored ISO date as written; None when the text is not a date."""
        if not value:
            return ""
        try:
            return self(date.fromisoformat(value))
        except ValueError:
            return None


def _suffix(identified: bool) -> str:
    return "_date" if identified else "_day"


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


def _text(value: str | None) -> str:
    """Text for a spreadsheet: formula characters escaped (the wide format)."""
    return "" if not value else escape_text(value)


def _plain(value: str | None) -> str:
    """Text exactly as entered (the REDCap import file: REDCap is not a spreadsheet, and
    would store an apostrophe as data)."""
    return value or ""


def _rounded(value: float | None, places: int) -> str:
    if value is None or not math.isfinite(value):
        return ""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _json(value: Any, text: Callable[[str | None], str] = _text) -> str:
    if value is None:
        return ""
    return text(json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":")))


def _age(born: date | None, on: date | None) -> str:
    if born is None or on is None:
        return ""
    years = on.year - born.year - ((on.month, on.day) < (born.month, born.day))
    return str(years)


def access_group(code: str) -> str:
    """A site code as REDCap's unique data access group name (lower case)."""
    return code.lower()


def catalogue_for(connection: Connection | None, identified: bool) -> Catalogue:
    """The export catalogue: the profile's forms with every criterion and drug of the
    installed plans and their visit events (app.reports.fields.plan_catalogue); the same
    for every database with the same plans. From the database the installation's site
    code (the site field's value, not a choice list) and
    (``connection``; none without one) only the wide format's number of prior-therapy
    column groups. De-identified, the plans' and the application's words are the only
    texts its plan text columns may hold (app.domain.coded_values.plan_words)."""
    protocols = tuple(protocol_catalog().protocols.values())
    slots = prior_therapy_slots(connection) if connection is not None else 0
    catalogue = plan_catalogue(protocols, identified, slots)
    if connection is not None:
        # Not part of the dictionary: the value of the site field (app.db.site_code).
        # A pooled database's records keep their own sites' codes.
        catalogue.site_code = "" if is_pooled(connection) else site_code(connection) or ""
    if not identified:
        catalogue.plan_words = plan_words(protocols, APPLICATION_WORDS,
                                          (event.label for event in visit_events(protocols)))
    return catalogue


# The texts the application itself writes in PLAN_TEXT_COLUMNS (arm reasons, prescription
# statuses, signature meanings): a de-identified export keeps them.
APPLICATION_WORDS = frozenset({"initial", OTHER, *SWITCH_REASONS, "active", "stopped",
                               *SIGNATURE_MEANINGS})


def records_of_block(payload: list[tuple], catalogue: Catalogue,
                     stats: ExtractStats, *, escape: bool) -> Iterator[PatientRecord]:
    """The records of one block of ``app.db.export_reading.iter_blocks``; ``escape``:
    text cells with the spreadsheet formula escaping (the wide format) or as entered."""
    sfx = _suffix(catalogue.identified)
    plan = item_plan(catalogue, escape)
    for args in payload:
        yield _patient_record(*args, catalogue, plan, stats, sfx)


def iter_patient_records(
    connection: Connection,
    catalogue: Catalogue,
    stats: ExtractStats,
    progress: Callable[[int], None] | None = None,
    *,
    escape: bool = False,
) -> Iterator[PatientRecord]:
    """Every patient as a PatientRecord, in study id order, from the open snapshot (text
    as a REDCap import file holds it unless ``escape``)."""
    for payload in iter_blocks(connection, catalogue.identified, progress):
        yield from records_of_block(payload, catalogue, stats, escape=escape)


def _patient_record(patient, ident, screenings, answers, prior, enrollments, arms,
                    prescriptions, visits, adverse, items_by_visit, infusions, stored_scores,
                    catalogue: Catalogue,
                    plan: ItemPlan,
                    stats: ExtractStats, sfx: str) -> PatientRecord:
    identified = catalogue.identified
    order = plan.visit_order
    _text = plan.text
    dates = _Dates(identified)
    first_enrollment = enrollments[0].enrollment_date if enrollments else None
    first_screening = next((s.screening_date for s in screenings if s.screening_date), None)
    dates.reference = first_enrollment or first_screening
    born = ident.date_of_birth if ident is not None else None

    record = PatientRecord(patient.study_id)
    if catalogue.data_access_groups:
        # A pooled record's study id is already the record id it arrived with.
        code = patient.site_code or catalogue.site_code
        if not patient.site_code:
            record.study_id = f"{code}-{patient.study_id}"
        record.access_group = access_group(code)

    def word(text: str) -> str:
        # The manifest's protocol list, as the protocol columns (see _plan_text_only).
        return text if identified or not text or text in catalogue.plan_words else OTHER
    values = record.values
    values["pt_sex"] = patient.sex
    site = (patient.site or "").strip()
    if plan.site_kind == _SITE_CODE:
        # A pooled record keeps the code of the site it came from.
        values["pt_site"] = patient.site_code or catalogue.site_code
        if identified:
            values["pt_clinic"] = _text(site)
    elif plan.site_kind == _SITE_LIST:  # dictionary 6 (the import compares with it)
        values["pt_site"] = plan.site_code.get(site, OTHER) if site else ""
    else:  # an earlier dictionary's text
        values["pt_site"] = _text(site)
    age = _age(born, first_enrollment or first_screening)
    if not identified and age and int(age) >= AGE_GROUPED_FROM:
        age = AGE_TOP_CODE
    if not age and patient.pooled_age:  # a pooled record: the age group its site exported
        age = patient.pooled_age
    values["pt_age_at_enrollment"] = age
    # Disease history: dates like every other date; the duration at the first enrollment
    # computed by the domain (a duration, not a date: the same in both profiles).
    values[f"pt_onset{sfx}"] = dates(patient.onset_date)
    values[f"pt_diagnosis{sfx}"] = dates(patient.diagnosis_date)
    months = disease_duration_at(patient.onset_date, first_enrollment)
    values["pt_disease_months"] = "" if months is None else str(months)
    values["pt_race"] = patient.race or ""
    values["pt_ethnicity"] = patient.ethnicity or ""
    if identified and plan.site_kind == _SITE_LIST:
        values["pt_site_other"] = _text(site) if values["pt_site"] == OTHER else ""
    if identified and ident is not None:
        values["pt_given_name"] = _text(ident.given_name)
        values["pt_family_name"] = _text(ident.family_name)
        values["pt_mrn"] = _text(ident.mrn)
        values["pt_date_of_birth"] = iso_date(ident.date_of_birth)

    for s in screenings:
        stats.protocols.add((word(s.protocol_id), word(s.protocol_version), s.protocol_hash))
        v = {
            "scr_protocol_id": _text(s.protocol_id),
            "scr_protocol_version": _text(s.protocol_version),
            "scr_protocol_hash": s.protocol_hash,
            "scr_status": s.status,
            "scr_verdict": s.verdict or "",
            f"scr{sfx}": dates(s.screening_date),
        }
        details = {}
        for a in answers.get(s.id, ()):
            column = plan.criteria.get(a.criterion_id)
            if column is not None:
                v[column] = a.answer
            else:  # a criterion of no installed plan has no column: counted, not hidden
                stats.unmapped(patient.study_id, "screening criterion of no installed plan")
            if a.details is not None:
                details[a.criterion_id] = a.details
        if identified:
            v["scr_by"] = _text(s.screened_by)
            v["scr_details_json"] = _json(details, _text) if details else ""
        record.screenings.append(v)
        record.screening_statuses.append(s.status)

    # Dates like every other date (days since the reference date when de-identified);
    # the free-text notes only in the identified profile (not even read otherwise).
    for p in prior:
        drug = drug_code_for(p.drug, catalogue.drugs) if plan.coded_text else _text(p.drug)
        v = {"prior_drug": drug, f"prior_start{sfx}": dates(p.start_date),
             f"prior_stop{sfx}": dates(p.stop_date),
             "prior_reason_stopped": p.reason_stopped or "",
             f"prior_last_dose{sfx}": dates(p.last_dose_date),
             "prior_b_cells": _yes_no(p.b_cells_detectable),
             "prior_for_skin": _yes_no(p.for_skin_disease)}
        if identified:
            if plan.coded_text:
                v["prior_drug_other"] = _text(p.drug) if drug == OTHER else ""
            v["prior_notes"] = _text(p.notes)
        record.prior_therapies.append(v)

    screening_instance = {s.id: i for i, s in enumerate(screenings, start=1)}
    for e in enrollments:
        stats.protocols.add((word(e.protocol_id), word(e.protocol_version), e.protocol_hash))
        er = EnrollmentRecord()
        er.values = {
            "enr_screening_instance": str(screening_instance.get(e.screening_id, "")),
            "enr_protocol_id": _text(e.protocol_id),
            "enr_protocol_version": _text(e.protocol_version),
            "enr_protocol_hash": e.protocol_hash,
            f"enr{sfx}": dates(e.enrollment_date),
            "enr_sun_counselled": _yes_no(e.sun_protection_counselled),
            "enr_status": e.status,
            f"enr_ended{sfx}": dates(e.ended_on),
        }
        if identified:
            er.values["enr_by"] = _text(e.enrolled_by)
            er.values["enr_end_reason"] = _text(e.end_reason)
        arm_rows = arms.get(e.id, [])
        arm_instance = {a.id: i for i, a in enumerate(arm_rows, start=1)}
        for a in arm_rows:
            v = {"arm_id": _text(a.arm_id), f"arm_start{sfx}": dates(a.start_date),
                 f"arm_end{sfx}": dates(a.end_date), "arm_reason": _text(a.reason),
                 "arm_stop_reason": a.stop_reason or ""}
            chosen = {ARM_CHOICE_CODE[c] for c in (a.choice_reasons or ())
                      if c in ARM_CHOICE_CODE}
            for code in ARM_CHOICE_CODE.values():
                v[f"arm_choice___{code}"] = "1" if code in chosen else "0"
            if identified:
                v["arm_notes"] = _text(a.notes)
                v["arm_created_by"] = _text(a.created_by)
                v["arm_choice_other"] = _text(a.choice_other)
                v["arm_stop_other"] = _text(a.stop_other)
            er.arms.append(v)
        for i in infusions.get(e.id, []):
            drug = drug_code_for(i.drug, catalogue.drugs)
            unit = dose_unit_code(i.unit)
            v = {"inf_arm_instance": str(arm_instance.get(i.arm_assignment_id, "")),
                 "inf_drug": drug, f"inf_given{sfx}": dates(i.given_on),
                 "inf_dose": format_num(i.dose), "inf_unit": unit}
            if identified:
                v["inf_drug_other"] = _text(i.drug) if drug == OTHER else ""
                v["inf_unit_other"] = _text(i.unit) if unit == OTHER else ""
                v["inf_entered_by"] = _text(i.entered_by)
            er.infusions.append(v)
        for rx in prescriptions.get(e.id, []):
            inputs = rx.inputs if isinstance(rx.inputs, dict) else {}

            def number(key: str, inputs: dict = inputs) -> str:
                value = inputs.get(key)
                if not isinstance(value, int | float) or isinstance(value, bool):
                    return ""
                return _rounded(float(value), plan.places[f"rx_{key}"])

            v = {
                "rx_drug": _text(rx.drug), "rx_role": rx.role,
                "rx_arm_instance": str(arm_instance.get(rx.arm_assignment_id, "")),
                "rx_calculated": _yes_no(rx.calculated), "rx_amount": format_num(rx.amount),
                "rx_final_amount": format_num(rx.final_amount), "rx_unit": _text(rx.unit),
                "rx_per": _text(rx.per), "rx_frequency": _text(rx.frequency),
                "rx_route": _text(rx.route), "rx_capped": _yes_no(rx.capped),
                "rx_status": _text(rx.status), "rx_source": _text(rx.source),
                "rx_weight_kg": number("weight_kg"), "rx_height_cm": number("height_cm"),
                "rx_bsa_m2": number("bsa_m2"),
                f"rx_start{sfx}": dates(rx.start_date), f"rx_stop{sfx}": dates(rx.stop_date),
            }
            if identified:
                v["rx_derivation"] = _text(rx.derivation)
                v["rx_override_reason"] = _text(rx.override_reason)
                v["rx_inputs_json"] = _json(rx.inputs, _text)
                v["rx_schedule_json"] = _json(rx.schedule, _text)
                v["rx_prescribed_by"] = _text(rx.prescribed_by)
            er.prescriptions.append(v)

        visit_rows = sorted(visits.get(e.id, []),
                            key=lambda x: (order.get(x.visit_code, 99), x.occurrence))
        # What each visit recorded of the steroid items, for the cumulative columns (added
        # once every visit is read: a visit's exposure counts later visits of its day).
        steroid_visits: dict[int, SteroidVisit] = {}
        built: list[tuple[int, VisitRecord]] = []
        # The baseline: the first baseline visit with data. Its scores are computed only
        # when some visit's stored scores are missing or stale (Baseline.of, lazily).
        baseline_visit: tuple[int, int] | None = None
        baseline_scoring: dict | None = None
        baseline: Baseline | None = None
        for vis in visit_rows:
            if vis.visit_code not in order:  # a visit of no installed plan has no event
                # (its code is not named: an import may have stored any text there)
                stats.unmapped(patient.study_id, "visit of no installed plan",
                               1 + len(items_by_visit.get(vis.id, ())))
                steroids = _steroid_visit(vis, items_by_visit.get(vis.id, ()))
                if steroids is not None:  # still counted in the other visits' exposure
                    steroid_visits[vis.id] = steroids
                continue
            items = items_by_visit.get(vis.id, ())
            vr, scoring, steroid_rows = _visit_record(vis, items, adverse, plan, stats, dates,
                                                      sfx, patient.study_id)
            steroids = _steroid_visit(vis, steroid_rows)
            if steroids is not None:
                steroid_visits[vis.id] = steroids
            on = vis.visit_date or vis.target_date
            if on is not None:
                current = [a for a in arm_rows if a.start_date <= on
                           and (a.end_date is None or a.end_date >= on)]
                vr.arm_at_visit = _text(current[-1].arm_id) if current else ""
            is_baseline = vis.visit_code == "baseline"
            if vr.forms_with_data and is_baseline and baseline_visit is None:
                baseline_visit, baseline_scoring = (vis.id, vis.version_id), scoring
            expected = score_stamp(vis.version_id, baseline_visit, e.protocol_hash)
            stored = stored_scores.get(vis.id)
            if stored is not None and stored[0] == expected:
                computed = json.loads(stored[1])
            else:
                scores = score_visit(_scoring(scoring), explain=False) if items else \
                    VisitScores()
                response = None
                if vr.forms_with_data:
                    if baseline is None and baseline_visit is not None:
                        base_scores = scores if baseline_visit[0] == vis.id else \
                            score_visit(_scoring(baseline_scoring or {}), explain=False)
                        baseline = Baseline.of(base_scores, explain=False)
                    response = compare_to_baseline(baseline, scores, is_baseline=is_baseline,
                                                   explain=False)
                computed = computed_scores(scores, response)
                stats.scores.append((vis.id, expected, json.dumps(computed,
                                                                  separators=(",", ":"))))
            _add_scores(vr, computed, plan)
            er.visits.append(vr)
            built.append((vis.id, vr))
        cumulative = _cumulative_steroids(visit_rows, steroid_visits, plan)
        for visit_id, vr in built:
            columns = cumulative.get(visit_id)
            if columns is not None:
                vr.values.update(columns)
        record.enrollments.append(er)
    if not identified:
        _plan_text_only(record, catalogue.plan_words)
    return record


_STEROID_SOURCES = frozenset({STEROIDS, "vitals"})


def _steroid_visit(vis, items) -> SteroidVisit | None:
    """A visit's steroid items and weight as the cumulative rule reads them
    (``app.domain.instruments.steroid_exposure.steroid_visit``), or None for a visit that
    recorded none of them or has no date (visit date, else target date)."""
    on = vis.visit_date or vis.target_date
    if on is None:
        return None
    wanted = [row for row in items if row[1] in _STEROID_SOURCES]
    steroids = {row[2]: row[3] for row in wanted if row[1] == STEROIDS}
    if not steroids:
        return None
    weight = next((row[3] for row in wanted if row[2] == "weight_kg" and row[1] == "vitals"),
                  None)
    return SteroidVisit(on, steroids.get("prednisone_mg_day"), steroids.get("ivmp_pulses"),
                        steroids.get("ivmp_dose_mg"), weight)


def _cumulative_steroids(visit_rows, steroid_visits: dict, plan: ItemPlan
                         ) -> dict[int, dict[str, str]]:
    """Visit id -> the texts of its cumulative steroid columns: the enrollment's exposure
    up to that visit (the visits that recorded the steroid items, dated on or before it;
    a visit not started counts only for itself), as the visit summary prints it
    (app.reports.visit_summary_pdf). The started visits' exposures in one running pass
    (``steroid_exposures``): a visit's is the one up to the last visit of its day."""
    if CUMULATIVE_COLUMNS[0][0] not in plan.places or not steroid_visits:
        return {}  # a dictionary before "9" (the import's check of an earlier export)
    started = sorted((v for v in visit_rows if v.id in steroid_visits
                      and v.status != "not_started"), key=lambda v: steroid_visits[v.id].day)
    exposures = steroid_exposures([steroid_visits[v.id] for v in started])
    out: dict[int, dict[str, str]] = {}
    day, last = None, -1
    for number in range(len(started) - 1, -1, -1):
        vis = started[number]
        if steroid_visits[vis.id].day != day:
            day, last = steroid_visits[vis.id].day, number
        out[vis.id] = _cumulative_texts(exposures[last], plan)
    for vis in visit_rows:
        if vis.id in steroid_visits and vis.id not in out:  # not started: itself counts
            on = steroid_visits[vis.id].day
            upto = [steroid_visits[v.id] for v in visit_rows if v.id in steroid_visits
                    and steroid_visits[v.id].day <= on
                    and (v.status != "not_started" or v.id == vis.id)]
            out[vis.id] = _cumulative_texts(cumulative_steroid_exposure(upto), plan)
    return out


def _cumulative_texts(exposure: SteroidExposure, plan: ItemPlan) -> dict[str, str]:
    return {column: _text_of(value, plan.places.get(column))
            for column, value in cumulative_columns(exposure).items()}


def _plan_text_only(record: PatientRecord, words: frozenset[str]) -> None:
    """De-identified: in the text columns a person never types but an import stores as
    given (PLAN_TEXT_COLUMNS), only the plans' and the application's words; any other
    text leaves as "other" (by construction, not by searching it for identifiers)."""
    def clean(values: dict[str, str]) -> None:
        for column in PLAN_TEXT_COLUMNS.intersection(values):
            if values[column] and values[column] not in words:
                values[column] = OTHER

    for v in record.screenings:
        clean(v)
    for er in record.enrollments:
        clean(er.values)
        for rows in (er.arms, er.prescriptions):
            for v in rows:
                clean(v)
        for vr in er.visits:
            clean(vr.values)
            if vr.arm_at_visit and vr.arm_at_visit not in words:
                vr.arm_at_visit = OTHER


def _visit_record(vis, items, adverse, plan: ItemPlan, stats: ExtractStats,
                  dates: _Dates, sfx: str, study_id: str
                  ) -> tuple[VisitRecord, dict[str, list[tuple]], list[tuple]]:
    """The visit's own columns and item columns, its scored instruments' item rows (made
    what ``score_visit`` reads by ``_scoring`` only when no stored scores stand for
    them), and its rows of the instruments the cumulative steroid exposure reads
    (``_steroid_visit``)."""
    identified = plan.identified
    _text = plan.text
    vr = VisitRecord(vis.visit_code, vis.occurrence, vis.status, visit_id=vis.id)
    values = vr.values
    values.update({
        "vis_label": _text(vis.label), "vis_status": vis.status,
        f"vis_target{sfx}": dates(vis.target_date),
        f"vis_window_start{sfx}": dates(vis.window_start),
        f"vis_window_end{sfx}": dates(vis.window_end),
        f"vis{sfx}": dates(vis.visit_date),
        "vis_signature_meaning": _text(vis.signature_meaning),
    })
    if identified:
        values.update({
            "vis_completed_at": iso_datetime(vis.completed_at),
            "vis_completed_by": _text(vis.completed_by),
            "vis_signed_at": iso_datetime(vis.signed_at),
            "vis_signed_by": _text(vis.signed_by),
        })
    scoring: dict[str, list[tuple]] = {}
    forms = vr.forms_with_data
    num_text = _NUM_TEXT
    num_kind, code_num_kind, check_kind, date_kind = _NUM, _CODE_NUM, _CHECK, _DATE
    # Rows come grouped by instrument (ORDER BY visit_id, instrument, item); correct
    # without that too: a repeated instrument updates, forms is a set.
    steroid_rows: list[tuple] = []
    for instrument, group in groupby(items, _SECOND):
        rows = list(group)
        if instrument in _STEROID_SOURCES:
            steroid_rows += rows
        if instrument == MEDICATION_FORM and instrument not in plan.instruments:
            # Coded columns per plan drug, never a typed name (app.domain.instruments.
            # medications); the typed text only in the identified profile.
            columns = medication_columns({row[2]: (row[3], row[4], row[5]) for row in rows},
                                         plan.drugs, identified)
            # A drug no plan names is no loss: the identified export holds it exactly
            # (med_uncoded_json), the de-identified one says "other" by design. A dose
            # that is not a number above 0 fits no dose column: counted.
            for row in rows:
                if row[2].endswith("_dose") and _not_a_dose(row[3], row[4]):
                    code = drug_code(row[2].rpartition("_")[0])
                    full = f"med_{code}_dose"
                    stats.unmapped(study_id, plan.short_names.get(full, full)
                                   if code in plan.drug_codes else "med_uncoded_json")
            # Names over 26 characters as the dictionary shortened them (fit_name).
            values.update({plan.short_names.get(k, k): _text(v) for k, v in columns.items()})
            if columns:
                forms.add(MEDICATION_FORM)
            continue
        if instrument in SCORED_INSTRUMENTS:
            # Kept as read: most visits' stored scores stand, and only a visit scored
            # again needs them as score_visit reads them (_scoring).
            scored = scoring.get(instrument)
            if scored is None:
                scoring[instrument] = rows
            else:
                scored += rows
        entry = plan.instruments.get(instrument)
        steps = entry[1] if entry is not None else _NO_STEPS
        mapped = False
        for row in rows:
            step = steps.get(row[2])
            if step is None:
                stats.unmapped(study_id, f"{instrument} item without a column")
                continue
            mapped = True
            column, kind, unit_column, unit_codes, missing_column, codes = step
            num = row[3]
            if kind is num_kind:
                if num is None:
                    value = ""
                    if row[4]:  # text in a number column
                        stats.unmapped(study_id, column)
                else:
                    value = num_text.get(num)
                    if value is None:
                        value = _num_text(num)
                        if not value:  # NaN or infinity
                            stats.unmapped(study_id, column)
            elif kind is code_num_kind:
                if num is None:
                    value = _text(row[4])
                elif type(num) is float:  # format_num of a float is _num_text
                    value = num_text.get(num)
                    if value is None:
                        value = _num_text(num)
                        if not value:
                            stats.unmapped(study_id, column)
                else:
                    value = format_num(num)
            elif kind is check_kind:
                value = "1" if num == 1 else ""
            elif kind is date_kind:
                value = dates.text(row[4])
                if value is None:
                    value = ""
                    stats.unmapped(study_id, column)
            else:
                value = _text(row[4])
            if value:
                values[column] = value
                if codes is not None and value not in codes:
                    stats.unmapped(study_id, column)
            if unit_column is not None:
                unit = row[5]
                if unit:
                    if unit_codes is not None:
                        values[unit_column] = unit_codes.get(unit, unit_codes.get(None, ""))
                    else:
                        values[unit_column] = _text(unit)
            if missing_column is not None:
                missing = row[6]
                if missing:
                    values[missing_column] = missing
        if mapped:
            forms.add(entry[0])  # type: ignore[index]
    for ae in adverse.get(vis.id, ()):
        v = {f"ae_onset{sfx}": dates(ae.onset_date), f"ae_resolved{sfx}": dates(ae.resolved_date),
             "ae_serious": _yes_no(ae.serious), "ae_relation": ae.relation or "",
             "ae_category": ae.category or "", "ae_severity": ae.severity or "",
             "ae_outcome": ae.outcome or ""}
        if identified:
            v["ae_description"] = _text(ae.description)
            v["ae_action"] = _text(ae.action_taken)
            v["ae_reported_by"] = _text(ae.reported_by)
        vr.adverse_events.append(v)
    return vr, scoring, steroid_rows



_NUM, _CODE_NUM, _CHECK, _DATE, _TEXT = "num", "code_num", "check", "date", "text"
_KINDS = {k: k for k in (_NUM, _CODE_NUM, _CHECK, _DATE)}
_new_item_value = partial(tuple.__new__, ItemEntry)  # ItemEntry(*fields), in C
_ITEM_VALUE_FIELDS = itemgetter(slice(3, 7))  # num, text, unit, missing of an item row
_SECOND = itemgetter(1)
_THIRD = itemgetter(2)
_NO_STEPS: dict[str, tuple] = {}
_NUM_TEXT: dict[float, str] = {}  # text of a stored number (bounded cache, see _num_text)


def _scoring(rows_by_instrument: dict[str, list[tuple]]) -> dict[str, dict[str, ItemEntry]]:
    """What score_visit reads: instrument -> item -> ItemEntry, built in C per group (a
    repeated item: the last row read stands)."""
    return {instrument: dict(zip(map(_THIRD, rows),
                                 map(_new_item_value, map(_ITEM_VALUE_FIELDS, rows)),
                                 strict=True))
            for instrument, rows in rows_by_instrument.items()}


def _not_a_dose(num: float | None, text: str | None) -> bool:
    """A stored medication dose no dose column holds (app.domain.instruments.medications.
    dose_problem): text, NaN or infinity, or not above 0."""
    if text:
        return True
    return num is not None and not (math.isfinite(num) and num > 0)


def _num_text(num: float) -> str:
    """The CSV text of a stored number (whole: "3"; else the shortest repr), cached; ""
    for NaN and infinity, which no number column holds (counted by the caller)."""
    if not math.isfinite(num):
        return ""
    if num.is_integer() and -1e15 < num < 1e15:
        text = str(int(num))
    else:
        text = repr(num)
    if len(_NUM_TEXT) < 200_000:
        _NUM_TEXT[num] = text
    return text


@dataclass(frozen=True)
class ItemPlan:
    """How the stored items of a catalogue become columns, as plain tuples for the hot loop:
    per stored instrument, its form and, per item, (column, kind, unit column, unit codes
    (stored unit -> csv code; None = write the unit itself), missing-reason column)."""

    identified: bool
    instruments: dict[str, tuple[str, dict[str, tuple]]]
    places: dict[str, int]  # decimals of each computed number column
    computed_forms: frozenset[str]  # forms whose columns are all computed
    visit_order: dict[str, int]  # position of each visit code (the plans' time order)
    criteria: dict[str, str]  # criterion id -> its screening column
    text: Callable[[str | None], str] = _text  # how text cells are written (see _plain)
    drugs: tuple[str, ...] = ()  # the plans' drugs (the medications form's columns)
    drug_codes: frozenset[str] = frozenset()  # their codes (app.domain.protocol.vocabulary)
    short_names: dict[str, str] = field(default_factory=dict)  # full -> exported name
    site_code: dict[str, str] = field(default_factory=dict)  # site name -> code
    coded_text: bool = True  # False: an earlier dictionary with the site and drug as text
    site_kind: str = "code"  # _SITE_CODE, _SITE_LIST (dictionary 6) or _SITE_TEXT (1 to 5)


_SITE_CODE, _SITE_LIST, _SITE_TEXT = "code", "list", "text"


def _site_kind(catalogue: Catalogue) -> str:
    if "pt_clinic" in catalogue.fields_by_name or not catalogue.identified and \
            catalogue.fields_by_name["pt_site"].note == SITE_NOTE:
        return _SITE_CODE
    return _SITE_LIST if catalogue.fields_by_name["pt_site"].type == "dropdown" else _SITE_TEXT

def item_plan(catalogue: Catalogue, escape: bool = True) -> ItemPlan:
    """The catalogue's ItemField rules as an ItemPlan (built once per block of patients)."""
    plan: dict[str, tuple[str, dict[str, tuple]]] = {}
    for (instrument, item), spec in catalogue.item_map.items():
        unit_codes = None
        if spec.unit_codes and spec.unit_codes[0] != "*":
            unit_codes = {}
            for code, stored in spec.unit_codes:
                unit_codes.setdefault(stored, code)  # first code wins, as before
            if OTHER in unit_codes:
                unit_codes[None] = unit_codes[OTHER]  # any other stored unit
        entry = plan.setdefault(instrument, (spec.form, {}))
        # A list column holds only its codes: a stored value outside them (entered before
        # entry checked it) is counted as one the export cannot write.
        column = catalogue.fields_by_name.get(spec.column)
        codes = (frozenset(code for code, _label in column.choices)
                 if spec.kind in ("code", "code_num") and column is not None
                 and column.choices else None)
        entry[1][item] = (spec.column, _KINDS.get(spec.kind, _TEXT), spec.unit_column or None,
                          unit_codes, spec.missing_column or None, codes)
    places = {f.name: f.places for f in catalogue.all_fields if f.places is not None}
    computed = frozenset(form.name for form in catalogue.forms
                         if form.fields and all(f.computed for f in form.fields))
    return ItemPlan(catalogue.identified, plan, places, computed, visit_order(catalogue.visits),
                    {c: catalogue.criterion_column(c) for c in catalogue.criteria},
                    _text if escape else _plain, catalogue.drugs,
                    frozenset(drug_code(d) for d in catalogue.drugs), catalogue.short_names,
                    {name: code for code, name in catalogue.sites},
                    # Dictionary 6 on codes the prior drug (1 has no prior therapies).
                    getattr(catalogue.fields_by_name.get("prior_drug"), "type",
                            "dropdown") == "dropdown",
                    _site_kind(catalogue))


def _text_of(value: object, places: int | None) -> str:
    """A computed value as written: blank for None, 1/0 for yes/no, a list of codes
    joined by ";", a number with the field's decimals (trailing zeros dropped)."""
    kind = type(value)
    if kind is str:
        return value  # type: ignore[return-value]
    if value is None:
        return ""
    if kind is float:
        if places is None:
            raise ValueError("a computed number needs the decimals of its field")
        return _rounded(value, places)  # type: ignore[arg-type]
    if kind is bool:
        return "1" if value else "0"
    if kind is tuple or kind is list:
        return ";".join(value)  # type: ignore[arg-type]
    return str(value)


def _stored_value(value: object) -> object:
    """A computed value as kept in the score cache (JSON) so that ``_text_of`` writes the
    same text from it: plain str/int/float/bool/None and lists of codes as they are,
    anything else (an enum) as the text ``_text_of`` would have written."""
    kind = type(value)
    if value is None or kind in (str, int, float, bool):
        return value
    if kind is tuple or kind is list:
        return list(value)  # type: ignore[arg-type]
    return str(value)


def computed_scores(scores: VisitScores, response: VisitResponse | None) -> dict[str, dict]:
    """The computed columns each instrument declares (``export_values``) from a visit's
    scores and its response: instrument -> column -> value, as the score cache keeps it,
    with the cohort's values (``COHORT_KEY``)."""
    computed: dict[str, dict] = {
        declared.id: {column: _stored_value(value) for column, value in
                      declared.export_values(scores, response).items()}  # type: ignore[misc]
        for declared in EXPORTED_SCORES}
    # What the cohort view reads, unrounded (app.exports.cohort_data): not a column.
    computed[COHORT_KEY] = scored_values(scores, response)
    return computed


COHORT_KEY = "_cohort"
# The text of a computed number with its field's decimals (``_text_of``): (value, places)
# -> text, bounded. (-0.0 and 0.0 share a key and a text: "0".)
_SCORE_TEXT: dict[tuple[float, int | None], str] = {}


def _add_scores(vr: VisitRecord, computed: dict[str, dict], plan: ItemPlan) -> None:
    """The computed columns (``computed_scores``) into the visit's row; a form of computed
    columns only (the response) counts as having data once one of them is set."""
    values = vr.values
    places = plan.places
    texts = _SCORE_TEXT
    for instrument, columns in computed.items():
        if instrument == COHORT_KEY:
            continue
        for column, value in columns.items():
            if type(value) is float:  # the same few scores again and again: cached
                key = (value, places.get(column))
                text = texts.get(key)
                if text is None:
                    text = _text_of(value, key[1])
                    if len(texts) < 200_000:
                        texts[key] = text
                values[column] = text
            else:
                values[column] = _text_of(value, places.get(column))
        if instrument in plan.computed_forms and any(v != "" for v in
                                                     map(values.get, columns)):
            vr.forms_with_data.add(instrument)


# The instruments with computed columns, in registry order.
EXPORTED_SCORES = tuple(i for i in INSTRUMENTS if i.export_values is not None)


def protocol_versions(stats: ExtractStats) -> tuple[ProtocolVersion, ...]:
    """The plan files the exported records were made under, each with where it comes from:
    "shipped", "site plan" (a site's own file) or "not installed here" (a file this
    installation no longer has, e.g. an earlier version), so a coordinator never takes a
    site plan for the shipped one."""
    catalog = protocol_catalog()
    words = {PlanOrigin.SHIPPED: "shipped", PlanOrigin.SITE: "site plan",
             None: "not installed here"}
    return tuple(ProtocolVersion(*p, origin=words[catalog.origin_of(p[0], p[2])])
                 for p in sorted(stats.protocols))
