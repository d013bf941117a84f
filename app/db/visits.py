"""A visit as stored, and reading it: its records (header, item values, adverse events)
and ``load_visit``, what the visit form needs, in six queries.

Every module that reads or writes a visit's items follows the one storage convention below
(saving them: app.db.visit_saving; reading them for the outcome trends: app.db.outcome_trends).

STORAGE CONVENTION for visit data (fixed; the CSV/PDF export is written against it)
-------------------------------------------------------------------------------------
One ``InstrumentValue`` row per observed item, keyed (visit_id, instrument, item):

* ``global``: item = one of the six GLOBAL_ASSESSMENTS codes (mdaat_cutaneous_vas,
  pga_activity, parent_global_activity, pga_skin, parent_global_skin,
  mdaat_extramuscular); value_num in cm (0-10, 0.1 steps).
* ``cmas``: item = codes from ``cmas.ALL_FIELDS`` (cmas_1..cmas_14, cmas_1_sec,
  cmas_3_sec, cmas_8_sec, cmas_5a..cmas_5f); value_num.
* ``chaq``: item = CHAQ item codes (chaq_dressing_1 ...), value_num 0-3 or value_text
  "na"; aids: item = the aid code itself, which already reads "aid_<aid>" (e.g.
  "aid_cane", "aid_other"), value_num 1; the domains an "other" aid helps with:
  item "aid_other_<domain>" value_num 1; help from another person: item
  "help_<domain>" value_num 1; chaq_pain_vas / chaq_wellbeing_vas value_num (cm).
* ``mmt8``: item = MMT8 codes (mmt_<group>, or mmt_<group>_r / _l), value_num 0-10;
  item "variant" value_text "unilateral" / "bilateral".
* ``enzymes``: item "<enzyme>" (ck, aldolase, ldh, ast, alt) value_num + unit "U/L" or
  "µkat/L"; item "<enzyme>_uln" value_num + unit; item "collected_on" value_text ISO date.
* ``skin``: skin item codes (skin_<item>, skin_<item>_change, skin_calcinosis,
  skin_lipoatrophy, skin_nailfold_capillaries), value_text answers.
* ``mri``: items "done" (value_text yes/no), "date" (value_text ISO date),
  "active_myositis" (value_text yes/no).
* ``autoantibodies``: item = antibody code (tif1g, nxp2, mda5, mi2, sae, srp, hmgcr, jo1,
  other_synthetase, pmscl, ku, u1rnp, ro52); value_text positive/negative/not_tested.
* ``vitals``: weight_kg, height_cm, bp_systolic, bp_diastolic (value_num); creatinine
  (value_num + unit "µmol/L" or "mg/dL").
* ``medications``: "<drug>_dose" value_num + unit and "<drug>_frequency" value_text for
  other medications; item "other" value_text free text.

``missing_reason`` is one of "not_done", "not_applicable", "unknown", with the value null.
Adverse events live in the ``adverse_event`` table. Totals are never stored.

Every function of the visit modules takes the caller's Session (one transaction per user
action) and uses a fixed, small number of queries (no per-item or per-visit queries).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.db.models import (
    AdverseEvent,
    ArmAssignment,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    Visit,
)
from app.domain.instruments.registry import STORED
from app.domain.visit_form import ItemEntry, PrescribedDose, VisitValues

MISSING_REASON_CODES = ("not_done", "not_applicable", "unknown")
# The stored instruments of a visit (the instrument registry's storage keys).
INSTRUMENTS = STORED


class VisitError(RuntimeError):
    """A visit action that cannot be done; the message is for the user."""


# --------------------------------------------------------------------- plain records


@dataclass(frozen=True)
class AdverseEventData:
    id: int | None
    description: str
    onset_date: date | None = None
    resolved_date: date | None = None
    serious: bool = False
    relation: str | None = None
    action_taken: str | None = None
    # Coding (issue 18): None on events stored before it existed.
    category: str | None = None
    severity: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class VisitHeader:
    visit_id: int
    enrollment_id: int
    patient_id: int
    study_id: str
    protocol_id: str
    visit_code: str
    occurrence: int
    label: str
    target_date: date | None
    window_start: date | None
    window_end: date | None
    visit_date: date | None
    status: str
    version_id: int
    completed_at: datetime | None
    completed_by: str | None
    date_of_birth: date | None
    enrollment_date: date
    sex: str = ""  # with the date of birth: weight and height judged for age and sex

    @property
    def is_baseline(self) -> bool:
        return self.visit_code == "baseline"


@dataclass(frozen=True)
class VisitRecord:
    header: VisitHeader
    values: VisitValues
    adverse_events: tuple[AdverseEventData, ...]
    arm_id: str | None
    prescriptions: tuple[PrescribedDose, ...]
    baseline_values: VisitValues | None
    baseline_visit_id: int | None
    last_weight_kg: float | None = None
    last_height_cm: float | None = None
    # The last visit held before this one (dated and saved at least once), for answers
    # that compare with "the last visit" (the skin findings' change ratings).
    previous_values: VisitValues | None = None
    previous_visit_id: int | None = None
    previous_visit_label: str | None = None
    previous_visit_date: date | None = None
    # The arm's first dose day and option, for the course phase of the dose re-check
    # (a taper after 4 weeks).
    arm_started_on: date | None = None
    arm_option: str = ""


def event_tuple(e: Any) -> tuple:
    """An adverse event as a save compares and audits it (app.db.visit_saving, and a
    conflict's refusal, app.db.visit_conflicts)."""
    coded = (e.category, e.severity, e.outcome)
    # The coding only when there is some: an event stored before it compares (and is
    # audited) as it always was.
    return (
        e.description,
        e.onset_date,
        e.resolved_date,
        bool(e.serious),
        e.relation,
        e.action_taken,
    ) + (coded if any(coded) else ())


def item_entry(row: Any) -> ItemEntry:
    return ItemEntry(row.value_num, row.value_text, row.unit, row.missing_reason)


def values_by_visit(rows: Any) -> dict[int, VisitValues]:
    out: dict[int, VisitValues] = defaultdict(lambda: defaultdict(dict))
    for row in rows:
        out[row.visit_id][row.instrument][row.item] = item_entry(row)
    return {k: {i: dict(items) for i, items in v.items()} for k, v in out.items()}


VALUE_COLUMNS = (
    InstrumentValue.visit_id,
    InstrumentValue.instrument,
    InstrumentValue.item,
    InstrumentValue.value_num,
    InstrumentValue.value_text,
    InstrumentValue.unit,
    InstrumentValue.missing_reason,
)


def stored_entries(values: VisitValues) -> dict[tuple[str, str], ItemEntry]:
    """Rows to store: an entry with neither a value nor a reason is not stored."""
    out: dict[tuple[str, str], ItemEntry] = {}
    for instrument, items in values.items():
        for item, entry in items.items():
            num, text, unit, reason = entry
            if reason is not None and reason not in MISSING_REASON_CODES:
                raise VisitError(f"Unknown missing reason {reason!r} for {item}.")
            if num is not None or text not in (None, ""):  # ItemEntry.has_value
                # A value wins over a reason; an entry without a reason is kept as it is
                # (a save cleans a whole visit: building each anew was a tenth of it).
                out[(instrument, item)] = (entry if reason is None and type(entry) is ItemEntry
                                           else ItemEntry(num, text, unit))
            elif reason:
                out[(instrument, item)] = ItemEntry(None, None, None, reason)
    return out


def as_stored(values: VisitValues) -> VisitValues:
    """``values`` as ``load_visit`` reads them back once saved (what ``stored_entries``
    keeps): a form that just saved them holds the stored visit without reading it again."""
    stored: VisitValues = {}
    for (instrument, item), entry in stored_entries(values).items():
        stored.setdefault(instrument, {})[item] = entry
    return stored


# ----------------------------------------------------------------------------- load


def _previous_visit(siblings: Any, visit_id: int, on: date) -> Any:
    """The enrollment's last visit held before ``on`` (a later id breaks a same-day tie):
    dated and not "not started", so a skipped or future visit is never "the last visit"."""
    held = [
        v
        for v in siblings
        if v.visit_date is not None
        and v.status != "not_started"
        and (v.visit_date, v.id) < (on, visit_id)
    ]
    return max(held, key=lambda v: (v.visit_date, v.id), default=None)


def load_visit(session: Session, visit_id: int) -> VisitRecord:
    """Everything the form needs, in six queries: header, the enrollment's other visits
    (to find the baseline and the last visit held), values (this visit, the baseline and
    the last visit), adverse events, arm on the visit date, arm prescriptions."""
    row = session.execute(
        select(
            Visit.id,
            Visit.enrollment_id,
            Enrollment.patient_id,
            Patient.study_id,
            Enrollment.protocol_id,
            Visit.visit_code,
            Visit.occurrence,
            Visit.label,
            Visit.target_date,
            Visit.window_start,
            Visit.window_end,
            Visit.visit_date,
            Visit.status,
            Visit.version_id,
            Visit.completed_at,
            Visit.completed_by,
            PatientIdentity.date_of_birth,
            Enrollment.enrollment_date,
            Patient.sex,
        )
        .join(Enrollment, Enrollment.id == Visit.enrollment_id)
        .join(Patient, Patient.id == Enrollment.patient_id)
        .outerjoin(PatientIdentity, PatientIdentity.patient_id == Patient.id)
        .where(Visit.id == visit_id)
    ).one_or_none()
    if row is None:
        raise VisitError(f"Visit {visit_id} does not exist.")
    header = VisitHeader(*row)
    on = header.visit_date or header.target_date or date.today()
    siblings = session.execute(
        select(Visit.id, Visit.visit_code, Visit.label, Visit.visit_date, Visit.status)
        .where(Visit.enrollment_id == header.enrollment_id, Visit.id != visit_id)
        .order_by(Visit.id)
    ).all()
    baseline_id = None
    if not header.is_baseline:
        baseline_id = next((v.id for v in siblings if v.visit_code == "baseline"), None)
    previous = _previous_visit(siblings, visit_id, on)
    wanted = {visit_id, baseline_id, previous.id if previous is not None else None} - {None}
    grouped = values_by_visit(
        session.execute(select(*VALUE_COLUMNS).where(InstrumentValue.visit_id.in_(wanted)))
    )
    events = tuple(
        AdverseEventData(
            e.id,
            e.description,
            e.onset_date,
            e.resolved_date,
            e.serious,
            e.relation,
            e.action_taken,
            e.category,
            e.severity,
            e.outcome,
        )
        for e in session.execute(
            select(
                AdverseEvent.id,
                AdverseEvent.description,
                AdverseEvent.onset_date,
                AdverseEvent.resolved_date,
                AdverseEvent.serious,
                AdverseEvent.relation,
                AdverseEvent.action_taken,
                AdverseEvent.category,
                AdverseEvent.severity,
                AdverseEvent.outcome,
            )
            .where(AdverseEvent.visit_id == visit_id)
            .order_by(AdverseEvent.id)
        )
    )
    arms = session.execute(
        select(
            ArmAssignment.id, ArmAssignment.arm_id, ArmAssignment.start_date, ArmAssignment.end_date
        )
        .where(ArmAssignment.enrollment_id == header.enrollment_id)
        .order_by(ArmAssignment.start_date)
    ).all()
    arm = None
    for a in arms:
        if a.start_date <= on and (a.end_date is None or a.end_date >= on):
            arm = a
    if arm is None and arms:
        arm = arms[-1] if arms[-1].end_date is None else arms[0]
    prescriptions: tuple[PrescribedDose, ...] = ()
    arm_option = ""
    if arm is not None:
        rows = session.execute(
            select(
                Prescription.drug,
                Prescription.final_amount,
                Prescription.amount,
                Prescription.unit,
                Prescription.per,
                Prescription.inputs,
            )
            .where(
                Prescription.enrollment_id == header.enrollment_id,
                Prescription.role == "arm",
                Prescription.status == "active",
                or_(
                    Prescription.arm_assignment_id == arm.id,
                    Prescription.arm_assignment_id.is_(None),
                ),
            )
            .order_by(Prescription.id)
        ).all()
        prescriptions = tuple(
            PrescribedDose(
                p.drug, p.final_amount if p.final_amount is not None else p.amount, p.unit, p.per
            )
            for p in rows
            if (p.final_amount if p.final_amount is not None else p.amount) is not None
        )
        arm_option = next((str(p.inputs.get("arm_option")) for p in rows
                           if p.inputs and p.inputs.get("arm_option")), "")
    return VisitRecord(
        header=header,
        values=grouped.get(visit_id, {}),
        adverse_events=events,
        arm_id=arm.arm_id if arm is not None else None,
        prescriptions=prescriptions,
        baseline_values=grouped.get(baseline_id, {}) if baseline_id else None,
        baseline_visit_id=baseline_id,
        previous_values=grouped.get(previous.id, {}) if previous is not None else None,
        previous_visit_id=previous.id if previous is not None else None,
        previous_visit_label=previous.label if previous is not None else None,
        previous_visit_date=previous.visit_date if previous is not None else None,
        arm_started_on=arm.start_date if arm is not None else None,
        arm_option=arm_option,
    )


def visit_version(session: Session, visit_id: int) -> int:
    """The visit's optimistic-lock version, for a form that must keep saving after a
    signature or unlock changed it."""
    version = session.scalar(select(Visit.version_id).where(Visit.id == visit_id))
    if version is None:
        raise VisitError(f"Visit {visit_id} does not exist.")
    return version
