"""Dosing sheet for the pharmacy: each active prescription of the visit with its inputs
(weight, height, BSA and when they were measured), the rule and its source, the raw
computed value, the cap, the computed and final doses, and any reason they differ.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate

from app.domain.dates import parse_iso
from app.reports.pdf_common import (
    MARGIN,
    STYLES,
    bold,
    esc,
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
from app.reports.words import (
    CITED_AS_PUBLISHED,
    ENGLISH,
    PDF,
    QT_TRANSLATE_NOOP,
    Words,
    fill,
)

_INPUT_LABELS = {"weight_kg": (QT_TRANSLATE_NOOP("PDF", "Weight"), "kg"),
                 "height_cm": (QT_TRANSLATE_NOOP("PDF", "Height"), "cm"),
                 "bsa_m2": (QT_TRANSLATE_NOOP("PDF", "Body surface area"), "m²"),
                 "bsa_formula": (QT_TRANSLATE_NOOP("PDF", "BSA formula"), ""),
                 "weight_measured_on": (QT_TRANSLATE_NOOP("PDF", "weight measured on"), "")}


def _num(words: Words, value: float | None, places: int) -> str:
    return words.number(fmt_num(value, places))


def _inputs(dose: DoseLine, words: Words) -> str:
    parts = []
    for key, value in sorted(dose.inputs.items()):
        label, unit = _INPUT_LABELS.get(key, (key.replace("_", " "), ""))
        shown = _num(words, value, 4) if isinstance(value, int | float) else str(value)
        if key == "weight_measured_on" and isinstance(value, str):
            shown = words.date(parse_iso(value)) if parse_iso(value) else value
        parts.append(fill(words.translate("PDF", "%1: %2"), words.translate(PDF, label),
                          f"{shown} {unit}".strip()).strip())
    return "; ".join(parts) or "—"


def _dose_table(dose: DoseLine, width: float, words: Words) -> KeepTogether:
    translate = words.translate
    given = dose.final_amount if dose.final_amount is not None else dose.amount
    differs = (dose.final_amount is not None and dose.amount is not None
               and dose.final_amount != dose.amount)
    per = translate(PDF, dose.per)
    rows = [
        [translate("PDF", "Drug"), f"{words.drug(dose.drug)} ({translate(PDF, dose.role)})"],
        [translate("PDF", "Route / frequency"),
         f"{words.plan_text(dose.route) or '—'} / {words.plan_text(dose.frequency) or '—'}"],
        [translate("PDF", "Inputs"), _inputs(dose, words)],
        [translate("PDF", "Rule and derivation"), words.derivation(dose.derivation) or (
            translate("PDF", "dose entered by hand, not computed")
            if not dose.calculated else "—")],
        [translate("PDF", "Source"), words.source(dose.source) or "—"],
        [translate("PDF", "Protocol maximum"),
         translate("PDF", "APPLIED: the computed dose was capped") if dose.capped
         else translate("PDF", "not applied (the computed dose was not above it)")],
        [translate("PDF", "Computed dose"), f"{_num(words, dose.amount, 3)} {dose.unit}/{per}"],
        [bold(translate("PDF", "FINAL DOSE")),
         p(f"<b>{esc(_num(words, given, 3))} {esc(dose.unit)}/{esc(per)}</b>")],
        [translate("PDF", "Reason final differs"),
         (dose.override_reason or translate("PDF", "no reason recorded")) if differs else "—"],
        [translate("PDF", "Start date"), words.date(dose.start_date)],
    ]
    table = grid(rows, [0.25 * width, 0.75 * width], header=False)
    return KeepTogether([section(words.drug(dose.drug)), table, spacer(2)])


def build_dosing_sheet(report: VisitReport, out: Path | str, *, paper: str = "letter",
                       version: str = "", generated: datetime | None = None,
                       words: Words = ENGLISH) -> Path:
    out = Path(out)
    translate = words.translate
    size = page_size(paper)
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    title = report.visit_words(words)
    story: list = [Paragraph(esc(translate("PDF", "Dosing sheet (pharmacy)")), STYLES["title"])]
    story += provisional_banner(width, report.provisional_notes, words)
    weight = "—"
    if report.weight_kg:
        weight = fill(translate("PDF", "%1 kg on %2"), _num(words, report.weight_kg, 2),
                      words.date(report.weight_measured_on))
    story.append(key_values([
        (translate("PDF", "Site / clinic"), report.site or "—"),
        (translate("PDF", "Study ID"), report.study_id),
        (translate("PDF", "Patient"), report.patient_name or "—"),
        (translate("PDF", "Date of birth"), words.date(report.date_of_birth)),
        (translate("PDF", "Protocol"), report.protocol_words(words)),
        (translate("PDF", "Treatment arm"), report.arm or "—"),
        (translate("PDF", "Visit"),
         f"{title} ({words.date(report.visit_date or report.target_date)})"),
        (translate("PDF", "Latest weight"), weight),
    ], width))
    if not report.doses:
        story.append(p(esc(translate("PDF", "No active prescriptions at this visit.")), "body"))
    for dose in report.doses:
        story.append(_dose_table(dose, width, words))
    story.append(p(esc(translate("PDF", "Check: weight date is recent, the final dose does "
                                        "not exceed the protocol maximum, and any difference "
                                        "from the computed dose has a reason.")), "small"))
    if words.language != "en":
        story.append(p(esc(translate(PDF, CITED_AS_PUBLISHED)), "small"))
    story.append(signature_block(width, words=words))
    story.append(p(esc(translate("PDF", "Pharmacist check: name ____________________  date/time "
                                 "________________  signature ____________________")), "body"))
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=15 * mm, bottomMargin=16 * mm,
                            title=fill(translate("PDF", "Dosing sheet %1 %2"), report.study_id,
                                       title),
                            author="jdm-ctp")
    header = f"{report.study_id} · {report.patient_name} · {title}"
    doc.build(story, canvasmaker=numbered_canvas(
        header, generated, version, QT_TRANSLATE_NOOP("PDF", "Dosing sheet"),
        report.audit_head, words=words))
    return out
