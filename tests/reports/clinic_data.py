"""A small clinic, built directly with the ORM the way the visit form stores visits
(one InstrumentValue per observed item), for the export, import and PDF tests."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from app.db.engine import Database
from app.db.models import (
    AdverseEvent,
    ArmAssignment,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Prescription,
    PriorTherapy,
    Screening,
    ScreeningAnswer,
    Visit,
)
from app.domain.instruments import chaq, cmas, globals, mmt8

PHI = {
    "names": ["Lovelace", "Ada", "Hopper", "Grace"],
    "mrns": ["MRN-12345", "MRN-99881"],
    "dobs": [date(2014, 3, 9), date(2012, 11, 30)],
}
HASH = "ab" * 32


def _values(visit: Visit, instrument: str, items: dict, unit: str | None = None) -> None:
    for item, value in items.items():
        row = InstrumentValue(instrument=instrument, item=item, updated_by="nurse")
        if isinstance(value, tuple):
            value, row.unit = value
        elif unit is not None:
            row.unit = unit
        if value is None:
            row.missing_reason = "not_done"
        elif isinstance(value, str):
            row.value_text = value
        else:
            row.value_num = float(value)
        visit.instrument_values.append(row)


def fill_visit(visit: Visit, *, improved: bool) -> None:
    g = {d.code: (2.0 if improved else 6.5) for d in globals.GLOBAL_ASSESSMENTS}
    g["pga_activity"] = 0.2 if improved else 6.5
    _values(visit, "global", g)
    c = {d.code: d.maximum for d in cmas.CMAS_ITEMS}
    if not improved:
        c.update({"cmas_1": 2, "cmas_3": 2, "cmas_11": 1, "cmas_12": 2})  # 52 - 11 = 41
    c["cmas_1_sec"] = 125 if improved else 15
    _values(visit, "cmas", c)
    q: dict = {d.code: (0 if improved else 2) for d in chaq.CHAQ_ITEMS}
    q["chaq_grip_5"] = "na"
    q["chaq_pain_vas"] = 1.5 if improved else 7.0
    q["chaq_wellbeing_vas"] = 1.0
    if not improved:
        q["aid_cane"] = 1
        q["help_dressing"] = 1
    _values(visit, "chaq", q)
    m: dict = {d.code: (10 if improved else 7) for d in mmt8.items_for("unilateral")}
    m["variant"] = "unilateral"
    _values(visit, "mmt8", m)
    e = {
        "ck": ((120 if improved else 900), "U/L"), "ck_uln": (200, "U/L"),
        "aldolase": (None if improved else (0.2, "µkat/L")), "aldolase_uln": (0.13, "µkat/L"),
        "ldh": (250, "U/L"), "ldh_uln": (250, "U/L"),
        "collected_on": "2025-07-07" if improved else "2025-01-09",
    }
    _values(visit, "enzymes", e)
    _values(visit, "skin", {"skin_heliotrope": "present", "skin_heliotrope_change": "same",
                            "skin_gottron": "absent" if improved else "present",
                            "skin_calcinosis": "mild"})
    if not improved:
        _values(visit, "mri", {"done": "yes", "date": "2025-01-08", "active_myositis": "yes"})
        _values(visit, "autoantibodies", {"tif1g": "positive", "nxp2": "negative",
                                          "mda5": "not_tested"})
    _values(visit, "vitals", {"weight_kg": 32.5, "height_cm": 138, "bp_systolic": 104,
                              "bp_diastolic": 66, "creatinine": (41, "µmol/L")})
    _values(visit, "medications", {"prednisone_dose": ((5 if improved else 30), "mg"),
                                   "prednisone_frequency": "daily",
                                   "other": "Vitamin D, from Dr Lovelace's clinic"})


def fill_clinic(database: Database) -> None:
    """JDM-001 enrolled (baseline + month 6 filled, arm switch, AE); JDM-002 screen failure.
    Prior therapies: JDM-001 three (stored out of start order, one ongoing, one with a
    formula-like note naming a person, rituximab with B cells), JDM-002 IVIG for skin."""
    with database.session() as s:
        p1 = Patient(study_id="JDM-001", sex="female", site="Toronto")
        p1.identity = PatientIdentity(given_name="Ada", family_name="Lovelace", mrn="MRN-12345",
                                      date_of_birth=date(2014, 3, 9))
        p2 = Patient(study_id="JDM-002", sex="male", site="=Hamilton")
        p2.identity = PatientIdentity(given_name="Grace", family_name="Hopper", mrn="MRN-99881",
                                      date_of_birth=date(2012, 11, 30))
        s.add_all([p1, p2])
        s.flush()
        scr1 = Screening(patient_id=p1.id, protocol_id="persistent-skin-rash",
                         protocol_version="1.0", protocol_hash=HASH, status="complete",
                         verdict="eligible", screened_by="dr.who",
                         screening_date=date(2025, 1, 6))
        scr1.answers = [
            ScreeningAnswer(criterion_id="skin_not_improving", answer="yes",
                            details={"skin_trend": "static", "muscle_resolved_on": "2024-09-01"}),
            ScreeningAnswer(criterion_id="no_active_myositis", answer="yes"),
        ]
        scr2 = Screening(patient_id=p2.id, protocol_id="persistent-skin-rash",
                         protocol_version="1.0", protocol_hash=HASH, status="complete",
                         verdict="not_eligible", screened_by="dr.who",
                         screening_date=date(2025, 2, 3))
        scr2.answers = [ScreeningAnswer(criterion_id="skin_not_improving", answer="no"),
                        ScreeningAnswer(criterion_id="no_active_myositis", answer="unknown")]
        s.add_all([scr1, scr2])
        s.flush()
        # Stored in this order on purpose: exports list them oldest start first.
        s.add_all([
            PriorTherapy(patient_id=p1.id, drug="methotrexate", start_date=date(2024, 3, 1),
                         stop_date=date(2024, 11, 15), reason_stopped="inadequate_response",
                         last_dose_date=date(2024, 11, 8),
                         notes="=Stopped by Dr Lovelace, rash static"),
            PriorTherapy(patient_id=p1.id, drug="prednisone", start_date=date(2023, 10, 2)),
            PriorTherapy(patient_id=p1.id, drug="rituximab", start_date=date(2024, 5, 6),
                         stop_date=date(2024, 5, 20), reason_stopped="other",
                         last_dose_date=date(2024, 5, 20), b_cells_detectable=False),
            PriorTherapy(patient_id=p2.id, drug="ivig", start_date=date(2024, 6, 1),
                         stop_date=date(2024, 12, 1), reason_stopped="benefit",
                         last_dose_date=date(2024, 11, 20), for_skin_disease=True),
        ])
        s.flush()
        enr = Enrollment(patient_id=p1.id, screening_id=scr1.id,
                         protocol_id="persistent-skin-rash", protocol_version="1.0",
                         protocol_hash=HASH, enrollment_date=date(2025, 1, 10),
                         enrolled_by="dr.who", sun_protection_counselled=True)
        s.add(enr)
        s.flush()
        arm_a = ArmAssignment(enrollment_id=enr.id, arm_id="A", start_date=date(2025, 1, 10),
                              end_date=date(2025, 3, 31), reason="initial", created_by="dr.who")
        arm_b = ArmAssignment(enrollment_id=enr.id, arm_id="B", start_date=date(2025, 4, 1),
                              reason="inadequate_response", notes="=switched after rash flare",
                              created_by="dr.who")
        s.add_all([arm_a, arm_b])
        s.flush()
        s.add_all([
            Prescription(enrollment_id=enr.id, arm_assignment_id=arm_a.id, drug="ivig",
                         role="arm", amount=65.0, unit="g", per="dose",
                         frequency="every 2 weeks x 3 then monthly", route="iv", capped=False,
                         derivation="2 g/kg × 32.5 kg = 65 g (maximum 70 g not reached)",
                         source="seed 000, Table 2", final_amount=65.0,
                         start_date=date(2025, 1, 10),
                         inputs={"weight_kg": 32.5, "height_cm": 138.0,
                                 "weight_measured_on": "2025-01-09"},
                         prescribed_by="dr.who"),
            Prescription(enrollment_id=enr.id, arm_assignment_id=arm_b.id, drug="mycophenolate",
                         role="arm", amount=1000.0, unit="mg", per="dose",
                         frequency="twice daily", route="oral", capped=False,
                         derivation="600 mg/m² × 1.12 m² = 672 mg → 1000 mg? (rounded)",
                         source="seed 000, Table 2", final_amount=750.0,
                         override_reason="tablet size", start_date=date(2025, 4, 1),
                         inputs={"weight_kg": 33.0, "height_cm": 139.0, "bsa_m2": 1.1289},
                         prescribed_by="dr.who"),
        ])
        baseline = Visit(enrollment_id=enr.id, visit_code="baseline", label="Baseline",
                         target_date=date(2025, 1, 10), visit_date=date(2025, 1, 10),
                         status="complete", completed_by="nurse",
                         completed_at=datetime(2025, 1, 10, 15, 30, tzinfo=UTC))
        month1 = Visit(enrollment_id=enr.id, visit_code="month_1", label="Month 1",
                       target_date=date(2025, 2, 10), window_start=date(2025, 2, 3),
                       window_end=date(2025, 2, 17))
        month6 = Visit(enrollment_id=enr.id, visit_code="month_6", label="Month 6",
                       target_date=date(2025, 7, 10), visit_date=date(2025, 7, 8),
                       status="draft")
        extra = Visit(enrollment_id=enr.id, visit_code="unscheduled", occurrence=1,
                      label="Unscheduled", visit_date=date(2025, 5, 2), status="complete")
        s.add_all([baseline, month1, month6, extra])
        fill_visit(baseline, improved=False)
        fill_visit(month6, improved=True)
        extra.adverse_events.append(AdverseEvent(
            description="Headache after infusion; seen by Dr Lovelace", onset_date=date(2025, 5, 1),
            resolved_date=date(2025, 5, 2), serious=False, relation="possible",
            action_taken="paracetamol", reported_by="nurse"))


def identified_export(database: Database, folder: Path) -> Path:
    """The test clinic, filled into ``database`` and exported identified to ``folder``."""
    from app.exports.export import export_database

    fill_clinic(database)
    export_database(database, folder, profile="identified", user="t")
    return folder


def rows_as_exported_with(database: Database, dictionary: list[list[str]],
                          escape: bool = False) -> list[list[str]]:
    """The REDCap data rows (header first) the database gives in the format of an earlier
    export's data dictionary (app.exports.legacy_dictionaries): what an export of that
    version would have held, to compare an imported old export with (``escape``: text with
    the spreadsheet formula escaping, as every export before dictionary version 4)."""
    from app.db.snapshot import Snapshot
    from app.exports.importing import _catalogue_from_dictionary
    from app.exports.records import ExtractStats, iter_patient_records
    from app.reports import redcap

    problems: list = []
    catalogue = _catalogue_from_dictionary(dictionary, problems)
    assert catalogue is not None, problems
    layout = redcap.DataLayout(catalogue)
    with Snapshot(database) as connection:
        rows = [row for record in iter_patient_records(connection, catalogue, ExtractStats(),
                                                            escape=escape)
                for row in redcap.record_rows(layout, record)]
    return [list(layout.header), *rows]
