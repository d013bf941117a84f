"""Dosing sheet for the pharmacy: each active prescription of the visit with its inputs
(weight, height, BSA and when they were measured), the rule and its source, the raw
computed value, the cap, the computed and final doses, and any reason they differ.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

from app.reports.pdf_common import (
    MARGIN,
    STYLES,
    esc,
    fmt_date,
    fmt_num,
    grid,
    key_values,
    numbered_canvas,
    p,
    page_size,
    provisional_banner,
    section,
    signature_block,
    spacer,
)
from app.reports.visit_report import DoseLine, VisitReport

_INPUT_LABELS = {"weight_kg": ("Weight", "kg"), "height_cm": ("Height", "cm"),
                 "bsa_m2": ("Body surface area", "m²"), "bsa_formula": ("BSA formula", "")}


def _inputs(dose: DoseLine) -> str:
    parts = []
    for key, value in sorted(dose.inputs.items()):
        label, unit = _INPUT_LABELS.get(key, (key.replace("_", " "), ""))
        shown = fmt_num(value, 4) if isinstance(value, int | float) else str(value)
        parts.append(f"{label}: {shown} {unit}".strip())
    return "; ".join(parts) or "—"


def _dose_table(dose: DoseLine, width: float) -> KeepTogether:
    given = dose.final_amount if dose.final_amount is not None else dose.amount
    differs = (dose.final_amount is not None and dose.amount is not None
               and dose.final_amount != dose.amount)
    rows = [
        ["Drug", f"{dose.drug} ({dose.role})"],
        ["Route / frequency", f"{dose.route or '—'} / {dose.frequency or '—'}"],
        ["Inputs", _inputs(dose)],
        ["Rule and derivation", dose.derivation or ("dose entered by hand, not computed"
                                                    if not dose.calculated else "—")],
        ["Source", dose.source or "—"],
        ["Protocol maximum", "APPLIED: the computed dose was capped" if dose.capped
         else "not applied (the computed dose was not above it)"],
        ["Computed dose", f"{fmt_num(dose.amount, 3)} {dose.unit}/{dose.per}"],
        [p("<b>FINAL DOSE</b>"), p(f"<b>{esc(fmt_num(given, 3))} {esc(dose.unit)}/"
                                   f"{esc(dose.per)}</b>")],
        ["Reason final differs", (dose.override_reason or "no reason recorded") if differs
         else "—"],
        ["Start date", fmt_date(dose.start_date)],
    ]
    table = grid(rows, [0.25 * width, 0.75 * width], header=False)
    return KeepTogether([section(f"{dose.drug}"), table, spacer(2)])


def build_dosing_sheet(report: VisitReport, out: Path | str, *, paper: str = "letter",
                       version: str = "", generated: datetime | None = None) -> Path:
    out = Path(out)
    size = page_size(paper)
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    title = report.visit_label or report.visit_code
    story: list = [Paragraph("Dosing sheet (pharmacy)", STYLES["title"])]
    story += provisional_banner(width, report.provisional_notes)
    story.append(key_values([
        ("Site / clinic", report.site or "—"), ("Study ID", report.study_id),
        ("Patient", report.patient_name or "—"), ("Date of birth", fmt_date(report.date_of_birth)),
        ("Protocol", report.protocol_line),
        ("Treatment arm", report.arm or "—"),
        ("Visit", f"{title} ({fmt_date(report.visit_date or report.target_date)})"),
        ("Latest weight", (f"{fmt_num(report.weight_kg, 2)} kg on "
                           f"{fmt_date(report.weight_measured_on)}") if report.weight_kg
         else "—"),
    ], width))
    if not report.doses:
        story.append(p("No active prescriptions at this visit.", "body"))
    for dose in report.doses:
        story.append(_dose_table(dose, width))
    story.append(p("Check: weight date is recent, the final dose does not exceed the protocol "
                   "maximum, and any difference from the computed dose has a reason.",
                   "small"))
    story.append(signature_block(width))
    story.append(p(esc("Pharmacist check: name ____________________  date/time "
                       "________________  signature ____________________"), "body"))
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=15 * mm, bottomMargin=16 * mm,
                            title=f"Dosing sheet {report.study_id} {title}", author="jdm-ctp")
    header = f"{report.study_id} · {report.patient_name} · {title}"
    doc.build(story, canvasmaker=numbered_canvas(header, generated, version, "Dosing sheet",
                                                 report.audit_head))
    return out
