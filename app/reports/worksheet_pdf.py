"""Blank visit worksheet: for clinics that collect on paper at the bedside and enter the
values later. Pre-filled header (patient, protocol, arm, visit, due date and window),
empty item grids with the anchors, 10 cm VAS lines printed at true length, and the
signature block. Black and white, Letter or A4.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib.units import cm, mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate

from app.domain.instruments import chaq, cmas, enzymes, globals, mmt8, skin
from app.reports.fields import AUTOANTIBODIES, VITALS
from app.reports.pdf_common import (
    FONT,
    FONT_BOLD,
    MARGIN,
    STYLES,
    esc,
    fmt_date,
    grid,
    key_values,
    numbered_canvas,
    p,
    page_size,
    section,
    signature_block,
    spacer,
)
from app.reports.visit_report import VisitReport

BOX = '<font name="Courier">[ ]</font>'  # prints everywhere; symbol fonts vary
ALL_INSTRUMENTS = ("globals", "cmas", "chaq", "mmt8", "enzymes", "skin", "mri",
                   "autoantibodies", "vitals", "medications")
# Protocol instrument ids -> worksheet sections (protocol files name instruments freely).
_ALIASES = {"pga": "globals", "global": "globals", "globals": "globals", "mdaat": "globals",
            "cmas": "cmas", "chaq": "chaq", "mmt": "mmt8", "mmt8": "mmt8",
            "enzymes": "enzymes", "muscle_enzymes": "enzymes", "skin": "skin", "mri": "mri",
            "autoantibodies": "autoantibodies", "vitals": "vitals"}


def _sections(report: VisitReport) -> tuple[str, ...]:
    chosen = []
    for instrument in report.instruments_due:
        key = instrument.lower()
        for alias, target in _ALIASES.items():
            if alias in key and target not in chosen:
                chosen.append(target)
    if not chosen:
        return ALL_INSTRUMENTS
    for always in ("vitals", "medications"):
        if always not in chosen:
            chosen.append(always)
    return tuple(s for s in ALL_INSTRUMENTS if s in chosen)


def _vas(label: str, low: str, high: str, width: float) -> Drawing:
    """A 10 cm line (true length) with end anchors: the patient marks, staff measure."""
    drawing = Drawing(width, 15 * mm)
    x0 = (width - 10 * cm) / 2
    y = 6 * mm
    drawing.add(String(0, 12 * mm, label, fontName=FONT_BOLD, fontSize=8))
    drawing.add(Line(x0, y, x0 + 10 * cm, y, strokeWidth=0.8))
    drawing.add(Line(x0, y - 2 * mm, x0, y + 2 * mm, strokeWidth=0.8))
    drawing.add(Line(x0 + 10 * cm, y - 2 * mm, x0 + 10 * cm, y + 2 * mm, strokeWidth=0.8))
    drawing.add(String(x0, y - 5 * mm, f"0 = {low}", fontName=FONT, fontSize=7))
    drawing.add(String(x0 + 10 * cm, y - 5 * mm, f"10 = {high}", fontName=FONT,
                       fontSize=7, textAnchor="end"))
    drawing.add(String(width, y, "_____ cm", fontName=FONT, fontSize=8,
                       textAnchor="end"))
    return drawing


def _choices(anchors) -> str:
    return "<br/>".join(f"{BOX} {esc(a.value)} {esc(a.label)}" for a in anchors)


def build_worksheet(report: VisitReport, out: Path | str, *, paper: str = "letter",
                    version: str = "", generated: datetime | None = None) -> Path:
    out = Path(out)
    size = page_size(paper)
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    title = report.visit_label or report.visit_code
    story: list = [Paragraph(esc(f"JDM visit worksheet — {title}"), STYLES["title"])]
    window = ""
    if report.window_start:
        window = f" (window {fmt_date(report.window_start)} to {fmt_date(report.window_end)})"
    story.append(key_values([
        ("Site / clinic", report.site or "—"), ("Study ID", report.study_id),
        ("Patient", report.patient_name or "—"), ("Date of birth", fmt_date(report.date_of_birth)),
        ("Protocol", f"{report.protocol_title or report.protocol_id} "
                     f"(version {report.protocol_version})"),
        ("Treatment arm", report.arm or "—"),
        ("Visit", title), ("Due", fmt_date(report.target_date) + window),
        ("Visit date", "____ - ____ - ______"), ("Completed by", ""),
    ], width))
    story.append(p("Record each item; leave nothing blank — if an item is not done, write "
                   "the reason (not done / not applicable / unknown) beside it. Enter the "
                   "values in jdm-ctp after the visit; totals are computed there.", "small"))
    sections = _sections(report)
    if "globals" in sections:
        story.append(section("Global assessments (mark the 10 cm line, then measure)"))
        for d in globals.GLOBAL_ASSESSMENTS:
            story.append(_vas(d.label, d.anchors[0].label, d.anchors[-1].label, width))
    if "cmas" in sections:
        rows: list[list[object]] = [["#", "CMAS item", "Score (tick one)", "Seconds / score"]]
        for d in cmas.CMAS_ITEMS:
            extra = "____ s" if d.code in ("cmas_1", "cmas_3", "cmas_8") else ""
            if d.code == "cmas_5":
                extra = "<br/>".join(f"{BOX} {esc(s.label)}" for s in cmas.CMAS_SIT_UP_ITEMS)
            rows.append([d.number, p(esc(d.label)), p(_choices(d.anchors)),
                         p(extra or "score ____")])
        story += [PageBreak(), section("CMAS — Childhood Myositis Assessment Scale (0-52)"),
                  grid(rows, [0.05 * width, 0.2 * width, 0.55 * width, 0.2 * width])]
    if "chaq" in sections:
        rows = [["Domain", "Item", "0", "1", "2", "3", "N/A"]]
        for domain in chaq.DOMAINS:
            for i, code in enumerate(domain.item_codes):
                d = chaq.ITEMS_BY_CODE[code]
                rows.append([p(esc(domain.label)) if i == 0 else "", p(esc(d.label)),
                             *[p(BOX)] * 5])
        story += [PageBreak(), section("CHAQ — 0 without difficulty, 1 some, 2 much, 3 unable"),
                  grid(rows, [0.17 * width, 0.53 * width] + [0.06 * width] * 5)]
        story.append(p("<b>Aids or devices:</b> " + " &nbsp; ".join(
            f"{BOX} {esc(a.label)}" for a in chaq.AIDS), "small"))
        story.append(p("<b>Help from another person for:</b> " + " &nbsp; ".join(
            f"{BOX} {esc(d.help_label)}" for d in chaq.DOMAINS), "small"))
        for d in chaq.VAS_ITEMS:
            story.append(_vas(d.label, d.anchors[0].label, d.anchors[-1].label, width))
    if "mmt8" in sections:
        rows = [["Muscle group (Kendall 0-10)", "Right", "Left", "Neck / axial"]]
        for group in mmt8.MUSCLE_GROUPS:
            if group.bilateral:
                rows.append([p(esc(group.label.capitalize())), "", "", "—"])
            else:
                rows.append([p(esc(group.label.capitalize())), "—", "—", ""])
        story += [KeepTogether([
            section(f"MMT8 — variant: {BOX} unilateral (0-80) {BOX} bilateral (0-150)",
                    markup=True),
            grid(rows, [0.46 * width, 0.18 * width, 0.18 * width, 0.18 * width],
                 row_height=6.5 * mm)])]
    if "enzymes" in sections:
        rows = [["Enzyme", "Value", "Unit (U/L or µkat/L)", "Lab upper limit of normal",
                 "ULN unit"]]
        for e in enzymes.ENZYMES:
            rows.append([e.label, "", "", "", ""])
        story += [KeepTogether([section("Muscle enzymes — blood collected on: ____________"),
                                grid(rows, [0.34 * width] + [0.165 * width] * 4,
                                     row_height=6.5 * mm)])]
    if "skin" in sections:
        rows = [["Skin finding", "Answer", "Change since last visit"]]
        change = " ".join(f"{BOX} {esc(a.label)}" for a in skin.CHANGE_ANSWERS)
        for s in skin.SKIN_ITEMS:
            answer = " ".join(f"{BOX} {esc(a.label)}" for a in s.answers)
            rows.append([p(esc(s.label)), p(answer), p(change if s.change_code else "")])
        story += [KeepTogether([section("Skin (MDAAT cutaneous items)"),
                                grid(rows, [0.34 * width, 0.26 * width, 0.4 * width])])]
    if "mri" in sections:
        story += [section("Muscle MRI"),
                  p(f"Done: {BOX} yes {BOX} no &nbsp; Date: ____________ &nbsp; Active "
                    f"myositis: {BOX} yes {BOX} no", "body")]
    if "autoantibodies" in sections:
        rows = [["Autoantibody", "Positive", "Negative", "Not tested"]]
        for _code, label in AUTOANTIBODIES:
            rows.append([label, p(BOX), p(BOX), p(BOX)])
        story += [KeepTogether([section("Autoantibodies"),
                                grid(rows, [0.46 * width] + [0.18 * width] * 3)])]
    rows = [["Measurement", "Value", "Unit"]]
    for _code, label, _v, _lo, _hi, unit in VITALS:
        rows.append([label, "", unit or "µmol/L or mg/dL"])
    story += [KeepTogether([section("Vital signs"),
                            grid(rows, [0.46 * width, 0.27 * width, 0.27 * width],
                                 row_height=6.5 * mm)])]
    rows = [["Medication", "Dose", "Unit", "Frequency"]] + [["", "", "", ""]] * 5
    story += [KeepTogether([section("Medications taken"),
                            grid(rows, [0.4 * width] + [0.2 * width] * 3,
                                 row_height=7 * mm)])]
    # The same columns as the visit form, so the sheet can be typed in column by column.
    rows = [["Adverse event", "Onset", "Resolved (blank = ongoing)", "Serious?", "Relation",
             "Action taken"]] + [["", "", "", "", "", ""]] * 3
    story += [KeepTogether([section("Adverse events since the last visit"),
                            grid(rows, [0.28 * width, 0.11 * width, 0.17 * width, 0.09 * width,
                                        0.12 * width, 0.23 * width], row_height=9 * mm)])]
    story.append(spacer())
    story.append(signature_block(width))
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=15 * mm, bottomMargin=16 * mm,
                            title=f"Visit worksheet {report.study_id} {title}", author="jdm-ctp")
    header = f"{report.study_id} · {report.patient_name} · {title}"
    doc.build(story, canvasmaker=numbered_canvas(header, generated, version, "Visit worksheet",
                                                 report.audit_head))
    return out

