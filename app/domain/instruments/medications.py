"""What is recorded with the medications at a visit: today's vital signs (weight and
height for the doses; blood pressure and creatinine where the arm monitors them) and the
medications taken (dose, unit and frequency per drug, and other medications as free text).

Sources: clinical-rules §4 (weight and height ranges, lb and inches accepted and
converted); seed 000, Table 2 (arm C monitoring). The blood pressure and creatinine ranges
are a project choice: they catch typing errors, not clinical abnormality. Medications are
stored per drug as ``<drug>_dose`` (value, unit) and ``<drug>_frequency`` (text).
"""

from __future__ import annotations

import json
import math

from app.domain.coded_values import (
    CREATININE_UNITS,
    DOSE_UNITS,
    FREQUENCIES,
    OTHER,
    dose_unit_code,
    drug_code,
    frequency_code,
    label_of,
    with_other,
)
from app.domain.dose_recheck import recheck_arm_doses
from app.domain.errors import InputError
from app.domain.instruments.common import format_number
from app.domain.instruments.data_dictionary import (
    ExportContext,
    Field,
    Form,
    FormBuilder,
)
from app.domain.instruments.declaration import (
    Requirement,
    Summary,
    Values,
    VisitContext,
    VisitInstrument,
)
from app.domain.instruments.printed import PARTS, Finding, PaperBlock, PaperGrid, fmt_num
from app.domain.phrases import (
    CodedWord,
    DrugName,
    Joined,
    Label,
    Number,
    Phrase,
    as_typed,
    joined,
    phrase,
    sentence,
)
from app.domain.units import (
    HEIGHT_MAX_CM,
    HEIGHT_MIN_CM,
    WEIGHT_MAX_KG,
    WEIGHT_MIN_KG,
    OutOfRangeError,
)

# Plausible ranges for the vitals prompted on arm C (project choice: they catch typing
# errors such as a missing decimal point, not clinical abnormality).
VITAL_RANGES: dict[str, tuple[float, float, str, str]] = {
    "bp_systolic": (50, 250, "mmHg", "Systolic blood pressure"),
    "bp_diastolic": (20, 150, "mmHg", "Diastolic blood pressure"),
}
CREATININE_RANGES: dict[str, tuple[float, float]] = {"µmol/L": (5, 2000), "mg/dL": (0.05, 25)}
# validate_vital's sentences (app/forms/terms.py lists them in "Instrument message")
VITAL_UNIT = "%1 is entered in %2 or %3, not %4."
VITAL_RANGE = '%1 must be a whole number from %2 to %3 %4; "%5" was entered.'
CREATININE_RANGE = 'Creatinine must be a number from %1 to %2 %3; "%4" was entered.'
VITAL_SENTENCES = (VITAL_UNIT, VITAL_RANGE, CREATININE_RANGE)
# a medication's dose (dose_problem): the drug a Label, what was typed as typed
DOSE_NOT_A_NUMBER = ('The dose of %1 must be a number above 0 (for example 7.5; a range or a '
                     'word goes in "Other (free text)"); "%2" was entered.')
DOSE_NUMBER_ONLY = 'The dose of %1 is a number only; "%2" was stored with it.'
DOSE_SENTENCES = (DOSE_NOT_A_NUMBER, DOSE_NUMBER_ONLY)
# the visit summary's findings: "Vital signs: weight 27.8 kg, height 134.9 cm" and
# "Medications recorded: cyclosporine 84 mg; prednisone 10.9 mg daily; other: …"
VITALS_FOUND = "Vital signs: %1"
WEIGHT_FOUND = "weight %1"
HEIGHT_FOUND = "height %1"
BP_FOUND = "BP %1/%2"
CREATININE_FOUND = "creatinine %1"
MEDICATIONS_FOUND = "Medications recorded: %1"
OTHER_FOUND = "other: %1"
FREQUENCY_WORDS = frozenset(label for _code, label in FREQUENCIES)
MEDICATION_FINDINGS = (VITALS_FOUND, WEIGHT_FOUND, HEIGHT_FOUND, BP_FOUND, CREATININE_FOUND,
                       MEDICATIONS_FOUND, OTHER_FOUND)


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


def validate_vital(item: str, text: object, unit: str | None = None) -> Phrase | str | None:
    """Plain-words message for a vitals entry (weight in kg or lb, height in cm or in,
    blood pressure, creatinine in its unit), or None when blank or usable: a Phrase (its
    str() the English), or the body measure's own message (app.domain.units)."""
    if text is None or str(text).strip() == "":
        return None
    if item in BODY_UNITS:
        if unit is not None and unit not in BODY_UNITS[item]:
            metric, imperial = BODY_UNITS[item]
            label = "Weight" if item == "weight_kg" else "Height"
            return phrase(VITAL_UNIT, Label(label), metric, imperial, unit)
        try:
            body_measure_metric(item, text, unit)
        except OutOfRangeError as exc:
            return exc.phrase
        except InputError as exc:
            return exc.message
        return None
    value = _number(text)
    if item in VITAL_RANGES:
        lo, hi, u, label = VITAL_RANGES[item]
        if value is None or value != int(value) or not lo <= value <= hi:
            return phrase(VITAL_RANGE, Label(label), Number(f"{lo:g}"), Number(f"{hi:g}"), u,
                          as_typed(text))
        return None
    if item == "creatinine":
        lo, hi = CREATININE_RANGES.get(unit or "µmol/L", CREATININE_RANGES["µmol/L"])
        if value is None or not lo <= value <= hi:
            return phrase(CREATININE_RANGE, Number(f"{lo:g}"), Number(f"{hi:g}"),
                          unit or "µmol/L", as_typed(text))
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


MEDICATION_FORM = "medications"
OTHER_RECORDED = "med_other_recorded"
UNCODED_JSON = "med_uncoded_json"


def _medication_fields(drugs: tuple[str, ...], identified: bool) -> tuple[Field, ...]:
    """The medications form: fixed coded columns per plan drug (its name comes from the
    plans, never from what was typed), one "other recorded" flag, and in the identified
    export only the typed text (free-text other medications, and every item the coded
    columns cannot hold) so an identified export still imports without loss."""
    out: list[Field] = []
    for drug in drugs:
        stem = f"med_{drug_code(drug)}"
        out += [
            Field(f"{stem}_dose", MEDICATION_FORM, f"{drug}: dose", validation="number",
                  minimum="0", source=MEDICATION_FORM),
            Field(f"{stem}_unit", MEDICATION_FORM, f"{drug}: dose unit", "dropdown",
                  with_other(DOSE_UNITS), source=MEDICATION_FORM),
            Field(f"{stem}_frequency", MEDICATION_FORM, f"{drug}: frequency", "dropdown",
                  with_other(FREQUENCIES), source=MEDICATION_FORM),
        ]
    out.append(Field(OTHER_RECORDED, MEDICATION_FORM, "Other medication, unit or frequency "
                     "recorded", "yesno", note="1 = something was recorded outside the coded "
                     "lists (a drug not in the plans, a unit or frequency not listed, or "
                     "free text); its text is in the identified export only",
                     source=MEDICATION_FORM))
    if identified:
        out += [Field("med_other", MEDICATION_FORM, "Other medications (free text)", "notes",
                      source=MEDICATION_FORM),
                Field(UNCODED_JSON, MEDICATION_FORM, "Medication items outside the coded "
                      "lists (JSON)", "notes", note="item -> [number, text, unit]",
                      source=MEDICATION_FORM)]
    return tuple(out)


def _plain(num: float) -> str:
    """A stored number as written: whole numbers without ".0", others exactly (repr)."""
    return str(int(num)) if num.is_integer() and abs(num) < 1e15 else repr(num)


def dose_problem(drug: str, value: object, with_text: str | None = None) -> str | None:
    """Why a dose typed (text) or stored (a number) for ``drug`` cannot be kept, or None.

    The export's dose column of a plan drug is a number above 0 (``_medication_fields``):
    a range ("5-6.5"), a word, a comma decimal ("7,5": 7.5 or 75?), NaN or infinity would
    leave it blank, so each is refused where it is entered (``parse_number``'s rules).
    ``with_text``: text stored beside a number, which no column holds.
    """
    from app.domain.units import parse_number

    shown = as_typed(value) if isinstance(value, str) else f"{value:g}"
    try:
        number = parse_number("dose", value)
    except InputError:
        number = None
    if number is None or number <= 0:
        return sentence(DOSE_NOT_A_NUMBER, Label(drug), shown)
    if with_text:
        return sentence(DOSE_NUMBER_ONLY, Label(drug), with_text)
    return None


def medication_columns(entries: dict[str, tuple[float | None, str | None, str | None]],
                       drugs: tuple[str, ...], identified: bool) -> dict[str, str]:
    """A visit's stored medication items (item -> (number, text, unit)) as the coded
    columns of ``_medication_fields``. Nothing typed is written unless ``identified``."""
    out: dict[str, str] = {}
    uncoded: dict[str, list] = {}
    codes = {drug_code(d) for d in drugs}
    for item, (num, text, unit) in entries.items():
        stem, _, kind = item.rpartition("_")
        # An item stored under the drug's name ("mycophenolate mofetil_dose") is the drug's.
        stem = drug_code(stem)
        if item == "other":
            if text:
                out["med_other"] = text
                out[OTHER_RECORDED] = "1"
            continue
        if stem in codes and kind == "dose" and num is not None and text is None:
            out[f"med_{stem}_dose"] = _plain(num)
            unit_code = dose_unit_code(unit)
            if unit_code:
                out[f"med_{stem}_unit"] = unit_code
            if unit_code == OTHER:
                uncoded[item] = [num, text, unit]
            continue
        if stem in codes and kind == "frequency" and num is None and unit is None:
            code = frequency_code(text)
            if code:
                out[f"med_{stem}_frequency"] = code
            if code == OTHER:
                uncoded[item] = [num, text, unit]
            continue
        uncoded[item] = [num, text, unit]
    if uncoded:
        out[OTHER_RECORDED] = "1"
        out[UNCODED_JSON] = json.dumps(uncoded, sort_keys=True, ensure_ascii=False,
                                       separators=(",", ":"))
    elif entries and OTHER_RECORDED not in out:
        out[OTHER_RECORDED] = "0"
    if not identified:
        out.pop("med_other", None)
        out.pop(UNCODED_JSON, None)
    return out


def medication_items(row: dict[str, str], drugs: tuple[str, ...]
                     ) -> dict[str, tuple[float | None, str | None, str | None]]:
    """The stored items of an identified export's medications columns (the inverse of
    ``medication_columns``): coded columns first, then the typed items over them."""
    out: dict[str, tuple[float | None, str | None, str | None]] = {}
    for drug in drugs:
        stem = drug_code(drug)
        dose = row.get(f"med_{stem}_dose", "")
        unit = row.get(f"med_{stem}_unit", "")
        if dose:
            out[f"{stem}_dose"] = (float(dose), None, label_of(unit, DOSE_UNITS))
        frequency = label_of(row.get(f"med_{stem}_frequency", ""), FREQUENCIES)
        if frequency:
            out[f"{stem}_frequency"] = (None, frequency, None)
    if row.get("med_other"):
        out["other"] = (None, row["med_other"], None)
    if row.get(UNCODED_JSON):
        for item, (num, text, unit) in json.loads(row[UNCODED_JSON]).items():
            out[item] = (num, text, unit)
    return out


def uncoded_items_problem(parsed: dict) -> str | None:
    """Why an imported ``med_uncoded_json`` object cannot be stored (None when fine):
    each entry is item -> [number or null, text or null, unit or null]."""
    for item, value in parsed.items():
        if not (isinstance(value, list) and len(value) == 3
                and (value[0] is None or (isinstance(value[0], int | float)
                                          and not isinstance(value[0], bool)
                                          and math.isfinite(value[0])))
                and all(v is None or isinstance(v, str) for v in value[1:])):
            return (f"entry {str(item)[:40]!r} must be [number or null, text or null, "
                    "unit or null]")
        drug, _, kind = str(item).rpartition("_")
        if kind == "dose" and (value[0] is not None or value[1]):
            problem = dose_problem(drug.replace("_", " ")[:40],
                                   value[1] if value[0] is None else value[0],
                                   with_text=value[1] if value[0] is not None else None)
            if problem:
                return f"entry {str(item)[:40]!r}: {problem}"
    return None


def _export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    vitals = FormBuilder("vitals", "Vital signs", "vitals")
    for code, label, validation, lo, hi, unit in VITALS:
        unit_field = None
        unit_codes: tuple = ()
        if code == "creatinine":
            unit_field = Field("vit_creatinine_unit", "vitals", "Creatinine unit", "dropdown",
                               with_other(CREATININE_UNITS))
            unit_codes = (*CREATININE_UNITS, (OTHER, OTHER))
        vitals.item(Field(f"vit_{code}", "vitals", label, validation=validation, minimum=lo,
                          maximum=hi, units=unit), code, "num", unit_field, unit_codes)
    medications = Form(MEDICATION_FORM, "Medications",
                       fields=_medication_fields(ctx.drugs, ctx.identified))
    return (vitals.build(), medications)


def _findings(values: Values) -> list[Finding]:
    out = []
    vitals = values.get("vitals", {})
    if vitals:
        def shown(code: str, unit: str) -> str | Joined:
            v = vitals.get(code)
            if v is None or v.value_num is None:
                return "—"
            unit = v.unit or unit
            amount = Number(fmt_num(v.value_num, 1))
            return joined(" ", (amount, unit)) if unit else amount

        parts: list[str | Phrase | Joined] = [phrase(WEIGHT_FOUND, shown("weight_kg", "kg")),
                                              phrase(HEIGHT_FOUND, shown("height_cm", "cm"))]
        if "bp_systolic" in vitals or "bp_diastolic" in vitals:
            parts.append(phrase(BP_FOUND, shown("bp_systolic", ""),
                                shown("bp_diastolic", "mmHg")))
        if "creatinine" in vitals:
            parts.append(phrase(CREATININE_FOUND, shown("creatinine", "")))
        out.append(Finding(sentence(VITALS_FOUND, joined(", ", parts))))
    meds = values.get("medications", {})

    def dose(code: str, v) -> Joined:
        # "prednisone 10.9 mg daily": the drug as stored (its code, a DrugName: the
        # interface shows its own name for it), its frequency as chosen (a CodedWord: the
        # interface's word for a listed one) or as typed
        entry = meds.get(f"{code[:-5]}_frequency")
        frequency = entry.value_text if entry is not None and entry.value_text else ""
        said = [DrugName(code[:-5]), Number(fmt_num(v.value_num, 2)), v.unit or "",
                CodedWord(frequency) if frequency in FREQUENCY_WORDS else frequency]
        return joined(" ", [w for w in said if w])

    doses = [dose(code, v) for code, v in meds.items()
             if code.endswith("_dose") and v.value_num is not None]
    other = meds.get("other")
    if doses or (other is not None and other.value_text):
        recorded: list[str | Phrase | Joined] = [joined(PARTS, doses)]
        if other is not None and other.value_text:
            recorded.append(phrase(OTHER_FOUND, other.value_text))
        out.append(Finding(sentence(MEDICATIONS_FOUND, joined(PARTS, recorded))))
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
    "MEDICATION_FORM",
    "OTHER_RECORDED",
    "UNCODED_JSON",
    "body_measure_metric",
    "dose_problem",
    "medication_columns",
    "medication_items",
    "uncoded_items_problem",
    "validate_vital",
]
