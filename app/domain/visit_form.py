"""What a visit form holds and when it is complete: pure rules, no Qt, no database.

* Which sections a visit shows comes from the protocol's visit definition (seed 000,
  Table 3: the basic set at every visit, MRI-if-done at baseline, autoantibodies at
  baseline) -- ``sections_for``.
* Which items are *required* to mark the visit complete: the protocol's ``instruments``
  of that visit (not its ``optional_instruments``), item by item -- ``requirements_for``
  and ``unmet_requirements``. A required item that is blank may instead carry an explicit
  missing reason (not done / not applicable / unknown).
* Scoring inputs built from stored item values (``cmas_inputs`` ...), and the core set
  measures for the response criteria (issue 8, clinical-rules §3) -- ``core_set``.
* The arm drug's dose re-checked against the protocol for today's weight, with a flag when
  the prescribed dose is outside the protocol rule (a maximum in a taper phase is not a
  target: ``course.check_dose_in_course``) -- ``recheck_arm_doses``.
* On an arm whose rules ask for monitoring (arm C, cyclosporine: blood pressure and
  creatinine, seed 000 Table 2), those vitals are prompted and required -- ``monitoring_for``.

Values are plain ``ItemEntry`` records keyed ``{instrument: {item: ItemEntry}}`` (the
storage convention of ``app.db.visits``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from app.domain.age import age_on
from app.domain.body import BodyMeasurements
from app.domain.course import check_dose_in_course
from app.domain.dosing import DoseResult, compute_dose
from app.domain.errors import InputError
from app.domain.instruments import chaq, cmas, mmt8
from app.domain.instruments.common import InstrumentInputError, ProvisionalRule
from app.domain.instruments.enzymes import (
    ENZYMES,
    EnzymeMeasurement,
    EnzymeTimesUln,
    follow_up_enzyme,
    most_abnormal,
    times_uln,
)
from app.domain.instruments.globals import GLOBAL_ASSESSMENTS, validate_global
from app.domain.instruments.skin import SKIN_ITEMS
from app.domain.protocol import ArmRuleKind, Protocol, VisitDefinition
from app.domain.response import (
    CoreSetValues,
    ImprovementResult,
    PrintoResult,
    ResponseInputError,
    TisResult,
    imacs_improvement,
    muscle_from_cmas,
    muscle_from_mmt8,
    printo_inactive,
    total_improvement_score,
)

MISSING_REASONS: tuple[tuple[str, str], ...] = (
    ("not_done", "Not done"),
    ("not_applicable", "Not applicable"),
    ("unknown", "Unknown"),
)
MISSING_REASON_LABELS = dict(MISSING_REASONS)

AUTOANTIBODIES: tuple[tuple[str, str], ...] = (
    ("tif1g", "Anti-TIF1γ"),
    ("nxp2", "Anti-NXP2"),
    ("mda5", "Anti-MDA5"),
    ("mi2", "Anti-Mi-2"),
    ("sae", "Anti-SAE"),
    ("srp", "Anti-SRP"),
    ("hmgcr", "Anti-HMGCR"),
    ("jo1", "Anti-Jo-1"),
    ("other_synthetase", "Other anti-synthetase"),
    ("pmscl", "Anti-PM-Scl"),
    ("ku", "Anti-Ku"),
    ("u1rnp", "Anti-U1-RNP"),
    ("ro52", "Anti-Ro52"),
)
AUTOANTIBODY_ANSWERS = (
    ("positive", "Positive"),
    ("negative", "Negative"),
    ("not_tested", "Not tested"),
)

# Judgement call (provisional, kept as data): a prescribed dose counts as "within the
# protocol rule" when it is within this fraction of the dose the rule gives for today's
# weight; an "at least" rule only needs the minimum; nothing may exceed a cap.
DOSE_TOLERANCE_RULE = ProvisionalRule(
    name="Dose re-check tolerance",
    value=0.10,
    source=(
        "Project choice: the CTP gives exact per-kg / per-m² doses but no tolerance; a "
        "prescribed dose more than 10% away from today's protocol dose is flagged"
    ),
)


@dataclass(frozen=True)
class ItemEntry:
    """One stored item: a number, a text answer, a unit, or a reason it is missing."""

    value_num: float | None = None
    value_text: str | None = None
    unit: str | None = None
    missing_reason: str | None = None

    @property
    def has_value(self) -> bool:
        return self.value_num is not None or (self.value_text not in (None, ""))

    @property
    def value(self) -> float | str | None:
        return self.value_num if self.value_num is not None else self.value_text


VisitValues = dict[str, dict[str, ItemEntry]]


# --------------------------------------------------------------------------- sections

SECTION_LABELS: dict[str, str] = {
    "globals": "Global assessments",
    "cmas": "CMAS",
    "chaq": "CHAQ",
    "mmt8": "MMT8",
    "enzymes": "Muscle enzymes",
    "skin": "Skin detail",
    "mri": "MRI",
    "autoantibodies": "Autoantibodies",
    "medications": "Medications",
    "adverse_events": "Adverse events",
    "response": "Response",
}
# Which stored instruments (the storage convention of app.db.visits) each section owns.
SECTION_INSTRUMENTS: dict[str, tuple[str, ...]] = {
    "globals": ("global",),
    "cmas": ("cmas",),
    "chaq": ("chaq",),
    "mmt8": ("mmt8",),
    "enzymes": ("enzymes",),
    "skin": ("skin",),
    "mri": ("mri",),
    "autoantibodies": ("autoantibodies",),
    "medications": ("vitals", "medications"),
}


def stored_instrument_label(instrument: str) -> str:
    """The label of the form section where a stored instrument's items are entered."""
    for section, instruments in SECTION_INSTRUMENTS.items():
        if instrument in instruments:
            return SECTION_LABELS[section]
    return instrument


# Protocol instrument id -> form section.
_INSTRUMENT_SECTION: dict[str, str] = {
    **{g.code: "globals" for g in GLOBAL_ASSESSMENTS},
    "cmas": "cmas",
    "chaq": "chaq",
    "mmt8": "mmt8",
    "muscle_enzymes": "enzymes",
    "skin_detail": "skin",
    "mri": "mri",
    "autoantibodies": "autoantibodies",
    "medications": "medications",
    "adverse_events": "adverse_events",
}
_SECTION_ORDER = tuple(SECTION_LABELS)
# An unscheduled visit (no protocol definition) offers the follow-up basic set.
UNSCHEDULED_SECTIONS = (
    "globals",
    "cmas",
    "chaq",
    "mmt8",
    "enzymes",
    "skin",
    "medications",
    "adverse_events",
    "response",
)


def sections_for(definition: VisitDefinition | None, *, is_baseline: bool) -> tuple[str, ...]:
    """Form sections of a visit, in a fixed order; the response section on follow-ups."""
    if definition is None:
        return UNSCHEDULED_SECTIONS
    wanted = {
        _INSTRUMENT_SECTION[i]
        for i in (*definition.instruments, *definition.optional_instruments)
        if i in _INSTRUMENT_SECTION
    }
    if not is_baseline:
        wanted.add("response")
    return tuple(s for s in _SECTION_ORDER if s in wanted)


# ----------------------------------------------------------------------- requirements


@dataclass(frozen=True)
class Requirement:
    """Something that must be entered (or explained) before the visit is complete.

    ``rule`` "all": every item; "any": at least one of ``items``; "first_or_rest": the
    first item, or all of the others (CMAS item 5 or its six sit-up variants). A missing
    reason on any of the items explains the requirement.
    """

    code: str
    section: str
    instrument: str
    items: tuple[str, ...]
    label: str
    rule: str = "all"


def _cmas_requirements() -> list[Requirement]:
    out = []
    for item in cmas.CMAS_ITEMS:
        items: tuple[str, ...] = (item.code,)
        if item.code in ("cmas_1", "cmas_3", "cmas_8"):
            items = (item.code, f"{item.code}_sec")
            rule = "any"
        elif item.code == "cmas_5":
            items = (item.code, *(s.code for s in cmas.CMAS_SIT_UP_ITEMS))
            rule = "first_or_rest"  # the item score, or all six sit-up variants
        else:
            rule = "all"
        out.append(
            Requirement(
                f"cmas:{item.code}",
                "cmas",
                "cmas",
                items,
                f"CMAS item {item.number} ({item.label})",
                rule,
            )
        )
    return out


def requirements_for(
    definition: VisitDefinition | None,
    *,
    mmt8_variant: str = "unilateral",
    monitoring: tuple[str, ...] = (),
    mri_done: bool = False,
    needs_height: bool = False,
) -> tuple[Requirement, ...]:
    """The required items of a visit from its protocol definition (optional instruments
    and unscheduled visits require nothing). ``needs_height``: the arm's dose rule uses
    body surface area, so today's height is required with the weight (clinical §4)."""
    if definition is None:
        return ()
    required: list[Requirement] = []
    for instrument in definition.instruments:
        if instrument in {g.code for g in GLOBAL_ASSESSMENTS}:
            g = next(g for g in GLOBAL_ASSESSMENTS if g.code == instrument)
            required.append(
                Requirement(f"global:{g.code}", "globals", "global", (g.code,), g.label)
            )
        elif instrument == "cmas":
            required += _cmas_requirements()
        elif instrument == "chaq":
            required += [
                Requirement(
                    f"chaq:{i.code}",
                    "chaq",
                    "chaq",
                    (i.code,),
                    f"CHAQ {i.domain} item {i.number.split()[-1]}: {i.label}",
                )
                for i in chaq.CHAQ_ITEMS
            ]
            required += [
                Requirement(f"chaq:{v.code}", "chaq", "chaq", (v.code,), f"CHAQ {v.label}")
                for v in chaq.VAS_ITEMS
            ]
        elif instrument == "mmt8":
            required += [
                Requirement(f"mmt8:{i.code}", "mmt8", "mmt8", (i.code,), f"MMT8 {i.label}")
                for i in mmt8.items_for(mmt8_variant)
            ]
        elif instrument == "muscle_enzymes":
            required.append(
                Requirement(
                    "enzymes:any",
                    "enzymes",
                    "enzymes",
                    tuple(e.code for e in ENZYMES),
                    "At least one muscle enzyme result",
                    "any",
                )
            )
            required.append(
                Requirement(
                    "enzymes:collected_on",
                    "enzymes",
                    "enzymes",
                    ("collected_on",),
                    "Enzyme collection date",
                )
            )
        elif instrument == "skin_detail":
            required += [
                Requirement(f"skin:{s.code}", "skin", "skin", (s.code,), s.label)
                for s in SKIN_ITEMS
            ]
        elif instrument == "mri":
            required.append(Requirement("mri:done", "mri", "mri", ("done",), "MRI done?"))
            if mri_done:
                required.append(Requirement("mri:date", "mri", "mri", ("date",), "MRI date"))
                required.append(
                    Requirement(
                        "mri:active_myositis",
                        "mri",
                        "mri",
                        ("active_myositis",),
                        "MRI: active myositis?",
                    )
                )
        elif instrument == "medications":
            required.append(
                Requirement(
                    "vitals:weight_kg", "medications", "vitals", ("weight_kg",), "Weight today"
                )
            )
            if needs_height:
                required.append(
                    Requirement(
                        "vitals:height_cm",
                        "medications",
                        "vitals",
                        ("height_cm",),
                        "Height today (the arm's dose uses body surface area)",
                    )
                )
    if definition.instruments and "medications" in definition.instruments:
        if "blood_pressure" in monitoring:
            required.append(
                Requirement(
                    "vitals:bp_systolic",
                    "medications",
                    "vitals",
                    ("bp_systolic",),
                    "Blood pressure, systolic",
                )
            )
            required.append(
                Requirement(
                    "vitals:bp_diastolic",
                    "medications",
                    "vitals",
                    ("bp_diastolic",),
                    "Blood pressure, diastolic",
                )
            )
        if "creatinine" in monitoring:
            required.append(
                Requirement(
                    "vitals:creatinine", "medications", "vitals", ("creatinine",), "Creatinine"
                )
            )
    return tuple(required)


def requirement_met(
    requirement: Requirement, values: Mapping[str, Mapping[str, ItemEntry]]
) -> bool:
    entries = values.get(requirement.instrument, {})
    present = [entries.get(i) is not None and entries[i].has_value for i in requirement.items]
    if requirement.rule == "first_or_rest":
        return present[0] or all(present[1:])
    return any(present) if requirement.rule == "any" else all(present)


def requirement_explained(
    requirement: Requirement, values: Mapping[str, Mapping[str, ItemEntry]]
) -> bool:
    entries = values.get(requirement.instrument, {})
    return any(entries.get(i) is not None and entries[i].missing_reason for i in requirement.items)


def unmet_requirements(
    requirements: tuple[Requirement, ...], values: Mapping[str, Mapping[str, ItemEntry]]
) -> tuple[Requirement, ...]:
    """Required items neither entered nor explained by a missing reason."""
    return tuple(
        r
        for r in requirements
        if not requirement_met(r, values) and not requirement_explained(r, values)
    )


def arm_needs_height(protocol: Protocol | None, arm_id: str | None) -> bool:
    """True when a dose rule of the arm uses body surface area (e.g. arm B, 600 mg/m²)."""
    if protocol is None or not arm_id:
        return False
    try:
        return any(d.needs_height for d in protocol.arm(arm_id).doses)
    except InputError:
        return False


def monitoring_for(protocol: Protocol | None, arm_id: str | None) -> tuple[str, ...]:
    """Measurements the arm's monitoring rules ask for at visits (arm C: blood pressure,
    creatinine; seed 000, Table 2, Treatment C)."""
    if protocol is None or not arm_id:
        return ()
    try:
        arm = protocol.arm(arm_id)
    except InputError:
        return ()
    out: list[str] = []
    for rule in arm.rules_of(ArmRuleKind.MONITORING):
        out += [m for m in rule.measurements if m not in out]
    return tuple(out)


# --------------------------------------------------------------------- field checks

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


def validate_iso_date(text: object, label: str) -> str | None:
    """Message for a date typed as YYYY-MM-DD, or None (blank is fine)."""
    if text is None or str(text).strip() == "":
        return None
    try:
        date.fromisoformat(str(text).strip())
    except ValueError:
        return f'{label} must be a date written YYYY-MM-DD, e.g. 2026-03-09; "{text}" was entered.'
    return None


def adverse_event_date_problems(
    number: int, onset: object, resolved: object, today: date
) -> dict[str, str]:
    """Plain-words problems with adverse event ``number``'s dates, keyed "onset" and
    "resolved" (nothing when both are usable).

    Both dates are optional and written YYYY-MM-DD; neither may be after ``today``. An
    empty resolved date means the event is ongoing. A resolved date before the onset is
    refused (an event cannot end before it began); the same day is allowed (it began and
    ended that day). Project rule for the adverse_event table's onset/resolved columns.
    """
    problems: dict[str, str] = {}
    days: dict[str, date] = {}
    for key, text, label in (
        ("onset", onset, "the onset date"),
        ("resolved", resolved, "the resolved date"),
    ):
        typed = "" if text is None else str(text).strip()
        if not typed:
            continue
        message = validate_iso_date(typed, f"Adverse event {number}: {label}")
        if message:
            problems[key] = message
            continue
        day = date.fromisoformat(typed)
        if day > today:
            problems[key] = f"Adverse event {number}: {label} {typed} is in the future."
        else:
            days[key] = day
    if "onset" in days and "resolved" in days and days["resolved"] < days["onset"]:
        problems["resolved"] = (
            f"Adverse event {number}: resolved {days['resolved'].isoformat()} is before its "
            f"onset {days['onset'].isoformat()}."
        )
    return problems


# --------------------------------------------------------------- scoring from values


def _num_or_text(entry: ItemEntry | None) -> object:
    if entry is None:
        return None
    return entry.value


def cmas_inputs(values: Mapping[str, Mapping[str, ItemEntry]]) -> dict[str, object]:
    entries = values.get("cmas", {})
    return {f.code: _num_or_text(entries.get(f.code)) for f in cmas.ALL_FIELDS}


@dataclass(frozen=True)
class ChaqInputs:
    values: dict[str, object]
    aids: tuple[str, ...]
    help_domains: tuple[str, ...]
    other_aid_domains: tuple[str, ...]


def chaq_inputs(values: Mapping[str, Mapping[str, ItemEntry]]) -> ChaqInputs:
    entries = values.get("chaq", {})
    items = {i.code: _num_or_text(entries.get(i.code)) for i in chaq.CHAQ_ITEMS}
    for v in chaq.VAS_ITEMS:
        items[v.code] = _num_or_text(entries.get(v.code))

    def flagged(code: str) -> bool:
        entry = entries.get(code)
        return entry is not None and entry.value_num == 1

    aids = tuple(a.code for a in chaq.AIDS if flagged(a.code))
    help_domains = tuple(d.code for d in chaq.DOMAINS if flagged(f"help_{d.code}"))
    other = tuple(d.code for d in chaq.DOMAINS if flagged(f"aid_other_{d.code}"))
    return ChaqInputs(items, aids, help_domains, other)


def score_chaq_values(values: Mapping[str, Mapping[str, ItemEntry]]) -> chaq.ChaqResult:
    i = chaq_inputs(values)
    return chaq.score_chaq(i.values, i.aids, i.help_domains, i.other_aid_domains)


def mmt8_variant_of(values: Mapping[str, Mapping[str, ItemEntry]]) -> str:
    entry = values.get("mmt8", {}).get("variant")
    return entry.value_text if entry is not None and entry.value_text else "unilateral"


def score_mmt8_values(values: Mapping[str, Mapping[str, ItemEntry]]) -> mmt8.Mmt8Result:
    variant = mmt8_variant_of(values)
    entries = values.get("mmt8", {})
    grades = {i.code: _num_or_text(entries.get(i.code)) for i in mmt8.items_for(variant)}
    return mmt8.score_mmt8(grades, variant)


def enzyme_measurements(
    values: Mapping[str, Mapping[str, ItemEntry]],
) -> list[EnzymeMeasurement]:
    """The enzymes with both a value and a ULN (others cannot give ×ULN)."""
    entries = values.get("enzymes", {})
    out = []
    for enzyme in ENZYMES:
        value, uln = entries.get(enzyme.code), entries.get(f"{enzyme.code}_uln")
        if value is None or value.value_num is None or uln is None or uln.value_num is None:
            continue
        out.append(
            EnzymeMeasurement(
                enzyme.code,
                value.value_num,
                value.unit or "U/L",
                uln.value_num,
                uln.unit or value.unit or "U/L",
            )
        )
    return out


def enzyme_times_uln(values: Mapping[str, Mapping[str, ItemEntry]]) -> dict[str, EnzymeTimesUln]:
    out: dict[str, EnzymeTimesUln] = {}
    for m in enzyme_measurements(values):
        try:
            out[m.enzyme] = times_uln(m)
        except InstrumentInputError:
            continue
    return out


def global_value(values: Mapping[str, Mapping[str, ItemEntry]], code: str) -> float | None:
    entry = values.get("global", {}).get(code)
    return entry.value_num if entry is not None else None


# The skin activity measures a skin finding's "change since the last visit" is checked
# against, in order of preference: the MDAAT cutaneous activity VAS is the skin-rash plan's
# primary outcome (seed 000, Table 3); the physician's global of skin activity stands in
# when the VAS was not recorded at both visits (it is optional in some plans).
SKIN_ACTIVITY_MEASURES: tuple[tuple[str, str], ...] = (
    ("mdaat_cutaneous_vas", "the skin activity score (MDAAT cutaneous VAS)"),
    ("pga_skin", "the physician's skin activity score (PGA skin)"),
)


@dataclass(frozen=True)
class SkinActivityChange:
    """One skin activity measure recorded at the last visit and at this one (cm)."""

    code: str
    label: str
    previous: float
    current: float


def skin_activity_change(
    previous: Mapping[str, Mapping[str, ItemEntry]] | None,
    current: Mapping[str, Mapping[str, ItemEntry]],
) -> SkinActivityChange | None:
    """The first of ``SKIN_ACTIVITY_MEASURES`` with a usable value (a number from 0 to
    10 cm in 0.1 cm steps) at both visits, or None when there is nothing to compare. Never
    mixes measures: both numbers are always the same measure."""
    if previous is None:
        return None
    for code, label in SKIN_ACTIVITY_MEASURES:
        before, now = global_value(previous, code), global_value(current, code)
        if before is None or now is None:
            continue
        if validate_global(code, before) or validate_global(code, now):
            continue  # an entry still being corrected is not compared
        return SkinActivityChange(code, label, before, now)
    return None


# ------------------------------------------------------------------ response (issue 8)


@dataclass(frozen=True)
class VisitResponse:
    """TIS, PRINTO and IMACS for a follow-up visit against its baseline (clinical §3)."""

    tis: TisResult | None
    printo: PrintoResult | None
    imacs: ImprovementResult | None
    baseline: CoreSetValues
    follow_up: CoreSetValues
    enzyme_note: str
    muscle_note: str
    errors: dict[str, str] = field(default_factory=dict)


def _core_set(
    values, muscle_choice: str, enzyme_code: str | None, enzyme_x: float | None
) -> CoreSetValues:
    muscle = None
    if muscle_choice == "mmt8":
        try:
            muscle = muscle_from_mmt8(score_mmt8_values(values))
        except InstrumentInputError:
            muscle = None
    elif muscle_choice == "cmas":
        muscle = muscle_from_cmas(cmas.score_cmas(cmas_inputs(values)))
    return CoreSetValues(
        physician_global=global_value(values, "pga_activity"),
        parent_global=global_value(values, "parent_global_activity"),
        muscle=muscle,
        chaq_di=score_chaq_values(values).disability_index,
        enzyme=enzyme_x,
        enzyme_code=enzyme_code,
        extramuscular=global_value(values, "mdaat_extramuscular"),
    )


def visit_response(
    baseline: Mapping[str, Mapping[str, ItemEntry]],
    current: Mapping[str, Mapping[str, ItemEntry]],
) -> VisitResponse:
    """Core set at baseline and now, then the TIS, PRINTO inactive disease and IMACS
    improvement (clinical-rules §3; sources in ``app.domain.response``).

    Muscle strength: MMT8 when both visits have a complete MMT8 of the same variant,
    else CMAS when both have a complete CMAS (the TIS accepts either; never mixed).
    Enzyme: the baseline's most abnormal enzyme (×ULN), followed at this visit.
    """
    errors: dict[str, str] = {}
    try:
        base_mmt, now_mmt = score_mmt8_values(baseline), score_mmt8_values(current)
        mmt_ok = (
            base_mmt.total is not None
            and now_mmt.total is not None
            and base_mmt.variant is now_mmt.variant
        )
    except InstrumentInputError:
        base_mmt = now_mmt = None
        mmt_ok = False
    base_cmas = cmas.score_cmas(cmas_inputs(baseline))
    now_cmas = cmas.score_cmas(cmas_inputs(current))
    if mmt_ok:
        muscle_choice, muscle_note = "mmt8", "Muscle strength: MMT8 (complete at both visits)."
    elif base_cmas.total is not None and now_cmas.total is not None:
        muscle_choice = "cmas"
        muscle_note = "Muscle strength: CMAS (MMT8 not complete and comparable at both visits)."
    else:
        muscle_choice = "mmt8"
        muscle_note = "Muscle strength: neither MMT8 nor CMAS is complete at both visits."
    base_enzymes = enzyme_measurements(baseline)
    enzyme_code = None
    base_x = now_x = None
    try:
        chosen = most_abnormal(base_enzymes)
    except InstrumentInputError as exc:
        chosen = None
        errors.update(exc.messages)
    if chosen is not None and chosen.enzyme is not None and chosen.result is not None:
        enzyme_code = chosen.enzyme
        base_x = chosen.result.times_uln
        try:
            follow = follow_up_enzyme(chosen.enzyme, enzyme_measurements(current))
        except InstrumentInputError as exc:
            errors.update(exc.messages)
            follow = None
        now_x = follow.result.times_uln if follow is not None and follow.result else None
        enzyme_note = chosen.explanation + (
            "" if follow is None else f" This visit: {follow.reason}"
        )
    else:
        enzyme_note = "No baseline enzyme result with a ULN: the enzyme measure is missing."
    base_core = _core_set(baseline, muscle_choice, enzyme_code, base_x)
    now_core = _core_set(current, muscle_choice, enzyme_code, now_x)
    tis = imacs = printo = None
    try:
        tis = total_improvement_score(base_core, now_core)
        imacs = imacs_improvement(base_core, now_core)
    except ResponseInputError as exc:
        errors.update(exc.messages)
    try:
        printo = printo_for(current)
    except ResponseInputError as exc:
        errors.update(exc.messages)
    return VisitResponse(tis, printo, imacs, base_core, now_core, enzyme_note, muscle_note, errors)


def printo_for(values: Mapping[str, Mapping[str, ItemEntry]]) -> PrintoResult:
    """PRINTO clinically inactive disease at one visit (Lazarevic 2013; clinical-rules
    §3.1) from its stored items: CK (value and unit as entered), CMAS and MMT8 totals
    (None when incomplete), physician global activity. Raises ResponseInputError."""
    ck = next((m for m in enzyme_measurements(values) if m.enzyme == "ck"), None)
    if ck is None:  # a CK without a ULN still counts: PRINTO uses the value, not ×ULN
        entry = values.get("enzymes", {}).get("ck")
        if entry is not None and entry.value_num is not None:
            ck = EnzymeMeasurement("ck", entry.value_num, entry.unit or "U/L", 1)
    try:
        mmt = score_mmt8_values(values)
    except InstrumentInputError:
        mmt = None
    return printo_inactive(
        ck=None if ck is None else ck.value,
        ck_unit=(ck.unit if ck is not None else "U/L"),
        cmas=cmas.score_cmas(cmas_inputs(values)).total,
        mmt8=None if mmt is None else mmt.total,
        mmt8_variant=(mmt.variant if mmt is not None else "unilateral"),
        pga=global_value(values, "pga_activity"),
    )


# --------------------------------------------------------------------- dose re-check


@dataclass(frozen=True)
class PrescribedDose:
    """The arm drug as currently prescribed (final dose given, else the computed one)."""

    drug: str
    amount: float
    unit: str
    per: str


@dataclass(frozen=True)
class DoseRecheck:
    drug: str
    prescribed: PrescribedDose | None
    protocol: DoseResult | None
    within_protocol: bool | None  # None: cannot tell (no prescription, no weight, units)
    message: str


def _normalise_drug(name: str) -> str:
    return " ".join(name.strip().casefold().split())


def recheck_arm_doses(
    protocol: Protocol | None,
    arm_id: str | None,
    weight_kg: object,
    height_cm: object,
    prescriptions: list[PrescribedDose],
    measured_on: date | None = None,
    *,
    option: str | None = None,
    started_on: date | None = None,
    date_of_birth: date | None = None,
) -> list[DoseRecheck]:
    """Today's protocol dose for each arm drug vs what is prescribed (seed 000, Table 2;
    tolerance: ``DOSE_TOLERANCE_RULE``, provisional).

    Out of protocol when the prescribed amount is above the protocol cap, below an
    "at least" minimum, or further than the tolerance from today's dose -- except where
    the course's schedule makes the dose a maximum on ``measured_on`` (a taper after the
    first 4 weeks, counted from ``started_on``; ``course.check_dose_in_course``). Only
    the doses of the arm ``option`` when one is given; a drug labelled from an age is
    checked against the age on ``measured_on`` (from ``date_of_birth``). Raises nothing for
    bad measurements: the message says what is wrong instead.
    """
    if protocol is None or not arm_id:
        return []
    try:
        arm = protocol.arm(arm_id)
        rules = arm.doses_for(option or None)
    except InputError:
        return []
    by_drug = {_normalise_drug(p.drug): p for p in prescriptions}
    if weight_kg in (None, ""):
        return [
            DoseRecheck(
                d.drug,
                by_drug.get(_normalise_drug(d.drug)),
                None,
                None,
                "Enter today's weight to re-check the dose.",
            )
            for d in rules
        ]
    try:
        height = None if height_cm in (None, "") else height_cm
        body = BodyMeasurements(
            weight_kg=weight_kg,
            height_cm=height,  # type: ignore[arg-type]
            measured_on=measured_on,
        )
        age = age_on(date_of_birth, measured_on)
        doses = [compute_dose(rule, body, age) for rule in rules]
    except InputError as exc:
        return [
            DoseRecheck(d.drug, by_drug.get(_normalise_drug(d.drug)), None, None, exc.message)
            for d in rules
        ]
    tolerance = float(DOSE_TOLERANCE_RULE.value)  # type: ignore[arg-type]
    out: list[DoseRecheck] = []
    for rule, dose in zip(rules, doses, strict=True):
        unit = f"{dose.unit}/{dose.per}"
        prescribed = by_drug.get(_normalise_drug(dose.drug))
        warned = "".join(f" WARNING: {w}" for w in dose.warnings)  # e.g. below labelled age
        spec = protocol.schedule(rule.schedule) if rule.schedule else None
        if prescribed is None:
            today = (
                f"Protocol minimum for today's weight: {dose.amount:g} {unit}"
                if dose.at_least
                else f"Protocol dose for today's weight: {dose.amount:g} {unit}"
            )
            out.append(
                DoseRecheck(
                    dose.drug,
                    None,
                    dose,
                    None,
                    f"{today}. No {dose.drug} prescription recorded.{warned}",
                )
            )
            continue
        if (prescribed.unit, prescribed.per) != (dose.unit, dose.per):
            out.append(
                DoseRecheck(
                    dose.drug,
                    prescribed,
                    dose,
                    None,
                    f"Protocol dose for today's weight: {dose.amount:g} {unit}. Prescribed "
                    f"{prescribed.amount:g} {prescribed.unit}/{prescribed.per} "
                    "is in other units: check by hand.",
                )
            )
            continue
        check = check_dose_in_course(
            dose.amount, unit, dose.cap, dose.at_least, prescribed.amount, tolerance,
            spec, started_on, measured_on,
        )
        given = f"prescribed {prescribed.amount:g} {unit}"
        verdict = {True: "within the protocol rule", False: "OUTSIDE THE PROTOCOL RULE",
                   None: "check by hand"}[check.within]
        out.append(
            DoseRecheck(dose.drug, prescribed, dose, check.within,
                        f"{check.today}; {given}: {check.why} — {verdict}.{warned}")
        )
    return out


__all__ = [
    "AUTOANTIBODIES",
    "DOSE_TOLERANCE_RULE",
    "MISSING_REASONS",
    "SECTION_LABELS",
    "DoseRecheck",
    "ItemEntry",
    "PrescribedDose",
    "Requirement",
    "VisitResponse",
    "VisitValues",
    "chaq_inputs",
    "cmas_inputs",
    "enzyme_measurements",
    "enzyme_times_uln",
    "monitoring_for",
    "recheck_arm_doses",
    "requirements_for",
    "score_chaq_values",
    "score_mmt8_values",
    "sections_for",
    "unmet_requirements",
    "visit_response",
]
