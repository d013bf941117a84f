"""What is recorded with the medications at a visit: today's vital signs (weight and
height for the doses; blood pressure and creatinine where the arm monitors them) and the
medications taken (dose, unit and frequency per drug, and other medications as free text).

Sources: clinical-rules §4 (weight and height ranges, lb and inches accepted and
converted); seed 000, Table 2 (arm C monitoring). The blood pressure and creatinine ranges
are a project choice: they catch typing errors, not clinical abnormality. Medications are
stored per drug as ``<drug>_dose`` (value, unit) and ``<drug>_frequency`` (text).
"""

from __future__ import annotations

import math

from app.domain.dose_recheck import recheck_arm_doses
from app.domain.errors import InputError
from app.domain.instruments.common import format_number
from app.domain.instruments.data_dictionary import (
    ExportContext,
    Field,
    Form,
    FormBuilder,
    field_name,
)
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
)
from app.domain.instruments.printed import Finding, PaperBlock, PaperGrid, fmt_num
from app.domain.units import HEIGHT_MAX_CM, HEIGHT_MIN_CM, WEIGHT_MAX_KG, WEIGHT_MIN_KG

# Plausible ranges for the vitals prompted on arm C (project choice: they catch typing
# errors such as a missing decimal point, not clinical abnormality).
VITAL_RANGES: dict[str, tuple[float, float, str, str]] = {
    "bp_systolic": (50, 250, "mmHg", "Systolic blood pressure"),
    "bp_diastolic": (20, 150, "mmHg", "Diastolic blood pressure"),
}
CREATININE_RANGES: dict[str, tuple[float, float]] = {"µmol/L": (5, 2000), "mg/dL": (0.05, 25)}


def _number(text: object) -> float | None:
    try:
        value = float(str(text).strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None


# The units a weight or height may be typed in at a visit (clinical-rules §4: lb and
# inches accepted and converted); the first is the one stored.
BODY_UNITS: dict[str, tuple[str, str]] = {"weight_kg": ("kg", "lb"), "height_cm": ("cm", "in")}


def body_measure_metric(item: str, text: object, unit: str | None = None) -> float:
    """The weight in kg (``item`` "weight_kg", typed in kg or lb) or the height in cm
    ("height_cm", typed in cm or in), checked against the plausible range.

    Raises InputError whose message names the range in the unit typed and in the stored
    unit, e.g. for 500 lb: "Weight must be between 2 and 200 kg (4.41 to 440.92 lb); 500 lb
    (226.8 kg) was entered." Conversions are those of ``app.domain.units`` (exact factors).
    Source: clinical-rules §4.
    """
    from app.domain.units import (
        height_cm_from_inches,
        validate_height_cm,
        validate_weight_kg,
        weight_kg_from_lb,
    )

    metric, imperial = BODY_UNITS[item]
    unit = unit or metric
    if unit not in (metric, imperial):
        raise ValueError(f"{item} cannot be typed in {unit!r}; use {metric} or {imperial}")
    if item == "weight_kg":
        return validate_weight_kg(text) if unit == metric else weight_kg_from_lb(text)
    return validate_height_cm(text) if unit == metric else height_cm_from_inches(text)


def validate_vital(item: str, text: object, unit: str | None = None) -> str | None:
    """Plain-words message for a vitals entry (weight in kg or lb, height in cm or in,
    blood pressure, creatinine in its unit), or None when blank or usable."""
    if text is None or str(text).strip() == "":
        return None
    if item in BODY_UNITS:
        if unit is not None and unit not in BODY_UNITS[item]:
            metric, imperial = BODY_UNITS[item]
            label = "Weight" if item == "weight_kg" else "Height"
            return f"{label} is entered in {metric} or {imperial}, not {unit}."
        try:
            body_measure_metric(item, text, unit)
        except InputError as exc:
            return exc.message
        return None
    value = _number(text)
    if item in VITAL_RANGES:
        lo, hi, u, label = VITAL_RANGES[item]
        if value is None or value != int(value) or not lo <= value <= hi:
            return (
                f'{label} must be a whole number from {lo:g} to {hi:g} {u}; "{text}" was entered.'
            )
        return None
    if item == "creatinine":
        lo, hi = CREATININE_RANGES.get(unit or "µmol/L", CREATININE_RANGES["µmol/L"])
        if value is None or not lo <= value <= hi:
            return (
                f"Creatinine must be a number from {lo:g} to {hi:g} {unit or 'µmol/L'}; "
                f'"{text}" was entered.'
            )
        return None
    return None


# --------------------------------------------------------------------- declaration

# The vital signs as exported: code, label, validation, lowest, highest, unit: the ranges
# the visit form accepts (weight and height: clinical-rules §4; blood pressure:
# VITAL_RANGES).
VITALS: tuple[tuple[str, str, str, str, str, str], ...] = (
    ("weight_kg", "Weight", "number", format_number(WEIGHT_MIN_KG),
     format_number(WEIGHT_MAX_KG), "kg"),
    ("height_cm", "Height", "number", format_number(HEIGHT_MIN_CM),
     format_number(HEIGHT_MAX_CM), "cm"),
    *((code, label, "integer", format_number(VITAL_RANGES[code][0]),
       format_number(VITAL_RANGES[code][1]), VITAL_RANGES[code][2])
      for code, label in (("bp_systolic", "Blood pressure, systolic"),
                          ("bp_diastolic", "Blood pressure, diastolic"))),
    ("creatinine", "Serum creatinine", "number", "0", "", ""),
)


def _requirements(protocol_id: str, ctx: VisitContext) -> list[Requirement]:
    """Today's weight; the height when the arm's dose uses body surface area; the blood
    pressure and creatinine when the arm monitors them (seed 000, Table 2, arm C)."""
    out = [Requirement("vitals:weight_kg", "medications", "vitals", ("weight_kg",),
                       "Weight today")]
    if ctx.needs_height:
        out.append(Requirement("vitals:height_cm", "medications", "vitals", ("height_cm",),
                               "Height today (the arm's dose uses body surface area)"))
    if "blood_pressure" in ctx.monitoring:
        out += [Requirement("vitals:bp_systolic", "medications", "vitals", ("bp_systolic",),
                            "Blood pressure, systolic"),
                Requirement("vitals:bp_diastolic", "medications", "vitals", ("bp_diastolic",),
                            "Blood pressure, diastolic")]
    if "creatinine" in ctx.monitoring:
        out.append(Requirement("vitals:creatinine", "medications", "vitals", ("creatinine",),
                               "Creatinine"))
    return out


def _summary(values: Values, ctx: VisitContext) -> Summary:
    vitals = values.get("vitals", {})
    weight = vitals.get("weight_kg")
    if weight is None or weight.value_num is None:
        return Summary("no weight", False)
    height = vitals.get("height_cm")
    checks = recheck_arm_doses(ctx.protocol, ctx.arm_id, weight.value_num,
                               None if height is None else height.value_num,
                               list(ctx.prescriptions), ctx.visit_date,
                               option=ctx.arm_option or None,
                               started_on=ctx.arm_started_on,
                               date_of_birth=ctx.date_of_birth)
    if any(c.within_protocol is False for c in checks):
        return Summary("dose flag", False)
    return Summary(f"{weight.value_num:g} kg", True)


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    vitals = FormBuilder("vitals", "Vital signs", "vitals")
    for code, label, validation, lo, hi, unit in VITALS:
        unit_field = None
        if code == "creatinine":
            unit_field = Field("vit_creatinine_unit", "vitals", "Creatinine unit",
                               note="as recorded, e.g. µmol/L or mg/dL")
        vitals.item(Field(f"vit_{code}", "vitals", label, validation=validation, minimum=lo,
                          maximum=hi, units=unit), code, "num", unit_field,
                    ("*",) if unit_field else ())
    medications = FormBuilder("medications", "Medications", "medications")
    for drug in ctx.drugs:
        stem = f"med_{field_name(drug)}"
        medications.item(Field(f"{stem}_dose", "medications", f"{drug}: dose",
                               validation="number", minimum="0"), f"{drug}_dose", "num",
                         Field(f"{stem}_unit", "medications", f"{drug}: dose unit"), ("*",))
        medications.item(Field(f"{stem}_frequency", "medications", f"{drug}: frequency"),
                         f"{drug}_frequency", "text", missing=False)
    if ctx.identified:
        medications.item(Field("med_other", "medications", "Other medications (free text)",
                               "notes"), "other", "text", missing=False)
    return (vitals.build(), medications.build())


def _findings(values: Values) -> list[Finding]:
    out = []
    vitals = values.get("vitals", {})
    if vitals:
        def shown(code: str, unit: str) -> str:
            v = vitals.get(code)
            if v is None or v.value_num is None:
                return "—"
            return f"{fmt_num(v.value_num, 1)} {v.unit or unit}".strip()

        parts = [f"weight {shown('weight_kg', 'kg')}", f"height {shown('height_cm', 'cm')}"]
        if "bp_systolic" in vitals or "bp_diastolic" in vitals:
            parts.append(f"BP {shown('bp_systolic', '')}/{shown('bp_diastolic', 'mmHg')}")
        if "creatinine" in vitals:
            parts.append(f"creatinine {shown('creatinine', '')}")
        out.append(Finding("Vital signs: " + ", ".join(parts)))
    meds = values.get("medications", {})

    def frequency(drug: str) -> str:
        entry = meds.get(f"{drug}_frequency")
        return f" {entry.value_text}" if entry is not None and entry.value_text else ""

    doses = [f"{code[:-5]} {fmt_num(v.value_num, 2)} {v.unit or ''}".strip()
             + frequency(code[:-5])
             for code, v in meds.items() if code.endswith("_dose") and v.value_num is not None]
    other = meds.get("other")
    if doses or (other is not None and other.value_text):
        out.append(Finding("Medications recorded: " + "; ".join(doses)
                           + (f"; other: {other.value_text}"
                              if other is not None and other.value_text else "")))
    return out


def _paper() -> tuple[PaperBlock, ...]:
    return (
        PaperGrid("Vital signs", ("Measurement", "Value", "Unit"),
                  tuple((label, "", unit or "µmol/L or mg/dL")
                        for _code, label, _v, _lo, _hi, unit in VITALS),
                  (0.46, 0.27, 0.27), row_height_mm=6.5),
        PaperGrid("Medications taken", ("Medication", "Dose", "Unit", "Frequency"),
                  (("", "", "", ""),) * 5, (0.4, 0.2, 0.2, 0.2), row_height_mm=7),
    )


DEFINITION = VisitInstrument(
    id="medications",
    label="Medications",
    protocol_ids=("medications",),
    stored=("vitals", "medications"),
    requirements=_requirements,
    summary=_summary,
    export_forms=_export_forms,
    findings=_findings,
    paper=_paper,
    paper_always=True,
    item_labels=lambda: {code: label for code, label, *_ in VITALS},
)

__all__ = [
    "BODY_UNITS",
    "CREATININE_RANGES",
    "DEFINITION",
    "VITALS",
    "VITAL_RANGES",
    "body_measure_metric",
    "validate_vital",
]
