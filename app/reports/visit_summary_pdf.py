"""The printed visit summary (issue 5; issue 8 response section): one or two pages, black
and white, Letter or A4 — who, which protocol/arm/visit, current doses with derivation,
every outcome with its computed score and change from baseline, response criteria, small
trend charts, missing items with reasons, adverse events and the signature block.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Table, TableStyle

from app.domain.instruments.chaq import ITEMS_BY_CODE as CHAQ_BY_CODE
from app.domain.instruments.cmas import ITEMS_BY_CODE as CMAS_BY_CODE
from app.domain.instruments.enzymes import ENZYMES
from app.domain.instruments.globals import GLOBAL_ASSESSMENTS
from app.domain.instruments.skin import CHANGE_ANSWERS, SKIN_ITEMS
from app.domain.response import MEASURE_LABELS, CoreMeasure
from app.reports.fields import AUTOANTIBODIES
from app.reports.outcomes import (
    VisitResponse,
    VisitScores,
    compare_to_baseline,
    score_visit,
)
from app.reports.pdf_common import (
    FONT,
    FONT_BOLD,
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
from app.reports.visit_report import VisitReport

MISSING_WORDS = {"not_done": "not done", "not_applicable": "not applicable",
                 "unknown": "unknown"}


def _visit_title(report: VisitReport) -> str:
    label = report.visit_label or report.visit_code
    if report.visit_code == "unscheduled" and report.occurrence > 1:
        label += f" #{report.occurrence}"
    return label


def _head(report: VisitReport, width: float, document: str) -> list:
    pairs = [
        ("Site / clinic", report.site or "—"),
        ("Study ID", report.study_id),
        ("Patient", report.patient_name or "—"),
        ("Date of birth", fmt_date(report.date_of_birth)),
        ("Sex", report.sex),
        ("Protocol", f"{report.protocol_title or report.protocol_id} "
                     f"(version {report.protocol_version})"),
        ("Treatment arm", report.arm or "—"),
        ("Enrolled", fmt_date(report.enrollment_date)),
        ("Visit", _visit_title(report)),
        ("Visit date", fmt_date(report.visit_date)),
        ("Due (window)", f"{fmt_date(report.target_date)}"
                         + (f" ({fmt_date(report.window_start)} to {fmt_date(report.window_end)})"
                            if report.window_start else "")),
        ("Status", report.status.replace("_", " ")),
    ]
    return [Paragraph(esc(document), STYLES["title"]), key_values(pairs, width), spacer(1)]


def _doses(report: VisitReport, width: float) -> list:
    if not report.doses:
        return [section("Current doses"), p("No active prescriptions.", "body")]
    rows: list[list[object]] = [["Drug", "Dose given", "How it was computed"]]
    for dose in report.doses:
        given = dose.final_amount if dose.final_amount is not None else dose.amount
        text = f"{fmt_num(given, 3)} {dose.unit}/{dose.per}"
        text += f", {dose.frequency}" if dose.frequency else ""
        text += f", {dose.route}" if dose.route else ""
        how = dose.derivation or ("entered by hand" if not dose.calculated else "—")
        if dose.capped:
            how += " — protocol maximum applied"
        if dose.final_amount is not None and dose.amount is not None and \
                dose.final_amount != dose.amount:
            how += (f" — computed {fmt_num(dose.amount, 3)} {dose.unit}, final differs: "
                    f"{dose.override_reason or 'no reason recorded'}")
        if dose.source:
            how += f" [{dose.source}]"
        rows.append([f"{dose.drug} ({dose.role})", text, how])
    return [section("Current doses"), grid(rows, [0.2 * width, 0.28 * width, 0.52 * width])]


def _change(now: float | None, base: float | None, places: int = 1) -> str:
    if now is None or base is None:
        return "—"
    diff = now - base
    return ("+" if diff > 0 else "") + fmt_num(diff, places)


def _outcomes(report: VisitReport, scores: VisitScores, base: VisitScores | None,
              width: float) -> list:
    rows: list[list[object]] = [["Outcome", "This visit", "Baseline", "Change", "Note"]]
    g_now = report.items.get("global", {})
    g_base = (report.baseline_items or {}).get("global", {})
    for d in GLOBAL_ASSESSMENTS:
        now = g_now.get(d.code)
        was = g_base.get(d.code)
        rows.append([f"{d.label} (0-10 cm)", fmt_num(now.num if now else None, 1),
                     fmt_num(was.num if was else None, 1),
                     _change(now.num if now else None, was.num if was else None), ""])

    def total_row(label, result_now, result_base, value, maximum, places=0):
        n = value(result_now) if result_now is not None else None
        b = value(result_base) if result_base is not None else None
        note = ""
        if result_now is not None and n is None:
            note = "incomplete: " + (getattr(result_now, "explanation", "") or "items missing")
        rows.append([label, fmt_num(n, places) + (f" / {maximum}" if n is not None else ""),
                     fmt_num(b, places), _change(n, b, places or 2), note])

    total_row("CMAS total", scores.cmas, base.cmas if base else None,
              lambda r: r.total, 52)
    total_row("CHAQ disability index (0-3)", scores.chaq, base.chaq if base else None,
              lambda r: r.disability_index, 3, 3)
    pain_now = report.items.get("chaq", {}).get("chaq_pain_vas")
    pain_was = (report.baseline_items or {}).get("chaq", {}).get("chaq_pain_vas")
    rows.append(["CHAQ pain (0-10 cm)", fmt_num(pain_now.num if pain_now else None, 1),
                 fmt_num(pain_was.num if pain_was else None, 1),
                 _change(pain_now.num if pain_now else None, pain_was.num if pain_was else None),
                 ""])
    maximum = scores.mmt8.maximum if scores.mmt8 else 80
    total_row(f"MMT8 total ({scores.mmt8.variant.value if scores.mmt8 else 'unilateral'})",
              scores.mmt8, base.mmt8 if base else None, lambda r: r.total, maximum)
    for enzyme in ENZYMES:
        now = scores.enzymes.get(enzyme.code)
        was = base.enzymes.get(enzyme.code) if base else None
        if now is None and was is None:
            continue
        rows.append([f"{enzyme.short} (× ULN)", fmt_num(now.times_uln if now else None, 2),
                     fmt_num(was.times_uln if was else None, 2),
                     _change(now.times_uln if now else None, was.times_uln if was else None, 2),
                     now.explanation if now else ""])
    table = grid(rows, [0.3 * width, 0.12 * width, 0.1 * width, 0.09 * width, 0.39 * width],
                 zebra=True)
    return [section("Outcomes (computed from the items; change = this visit − baseline)"), table]


def _response(report: VisitReport, scores: VisitScores, response: VisitResponse,
              width: float) -> list:
    out: list = [section("Response criteria")]
    printo = scores.printo
    if printo is not None:
        met = ", ".join(printo.met) or "none"
        missing = f"; missing: {', '.join(printo.missing)}" if printo.missing else ""
        out.append(p(f"<b>PRINTO clinically inactive disease:</b> "
                     f"{esc(printo.status.value.replace('_', ' '))} (criteria met: {esc(met)}"
                     f"{esc(missing)}; ≥ 3 of 4 needed). <i>{esc(printo.source)}</i>", "body"))
    if report.visit_code == "baseline":
        out.append(p("Baseline visit: improvement is measured against this visit.", "body"))
        return out
    tis = response.tis
    if tis is not None:
        if tis.tis is None:
            head = (f"<b>Total Improvement Score:</b> not computed — "
                    f"{esc('; '.join(tis.missing + tis.not_comparable) or tis.explanation)}")
        else:
            head = (f"<b>Total Improvement Score: {fmt_num(tis.tis, 1)} / 100 — "
                    f"{esc(tis.category.value if tis.category else '')} response</b>"
                    + (" <b>[PROVISIONAL]</b>" if tis.provisional else ""))
        out.append(p(head, "body"))
        rows: list[list[object]] = [["Measure", "Baseline", "Now", "% change", "Band", "Points"]]
        for m in tis.measures:
            rows.append([m.label, fmt_num(m.baseline, 2), fmt_num(m.follow_up, 2),
                         fmt_num(m.percent_change, 1), m.band or (m.reason or "—"),
                         fmt_num(m.points, 1)])
        out.append(grid(rows, [0.3 * width, 0.1 * width, 0.1 * width, 0.1 * width,
                               0.3 * width, 0.1 * width]))
        if tis.provisional:
            rule_source = getattr(tis.percent_change_rule, "source", "")
            out.append(p(f"Provisional: the percent-change rule is not yet confirmed "
                         f"({esc(rule_source)}). <i>{esc(tis.source)}</i>", "small"))
    elif report.baseline_items is None:
        out.append(p("No baseline visit data: response criteria cannot be computed.", "body"))
    imacs = response.imacs
    if imacs is not None:
        improved = ", ".join(MEASURE_LABELS[CoreMeasure(m)] for m in imacs.improved_measures)
        worsened = ", ".join(MEASURE_LABELS[CoreMeasure(m)] for m in imacs.worsened_measures)
        out.append(p(f"<b>IMACS definition of improvement:</b> "
                     f"{esc(imacs.status.value.replace('_', ' '))} (improved ≥ 20%: "
                     f"{esc(improved or 'none')}; worse ≥ 25%: {esc(worsened or 'none')}). "
                     f"<i>{esc(imacs.source)}</i>", "body"))
    return out


def _chart(title: str, labels: list[str], values: list[float | None], top: float,
           width: float) -> Drawing:
    drawing = Drawing(width, 30 * mm)
    chart = HorizontalLineChart()
    chart.x, chart.y = 8 * mm, 6 * mm
    chart.width, chart.height = width - 11 * mm, 19 * mm
    chart.data = [[v if v is not None else None for v in values]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontSize = 6
    chart.categoryAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = top
    chart.valueAxis.labels.fontSize = 6
    chart.valueAxis.labels.fontName = FONT
    chart.lines[0].strokeColor = colors.black
    chart.lines[0].strokeWidth = 1
    chart.lines.symbol = None
    chart.joinedLines = 1
    from reportlab.graphics.widgets.markers import makeMarker

    chart.lines[0].symbol = makeMarker("FilledCircle", size=3, fillColor=colors.black)
    drawing.add(chart)
    drawing.add(String(8 * mm, 27 * mm, title, fontName=FONT_BOLD, fontSize=7.5))
    return drawing


def _trends(report: VisitReport, width: float) -> list:
    if len(report.history) < 2:
        return []
    labels, cmas, chaq_di, mmt, pga = [], [], [], [], []
    for past in report.history:
        s = score_visit(past.items)
        labels.append(past.label.replace("Month ", "M").replace("Baseline", "BL"))
        cmas.append(s.cmas.total if s.cmas else None)
        chaq_di.append(s.chaq.disability_index if s.chaq else None)
        mmt.append(s.mmt8.total if s.mmt8 and s.mmt8.maximum == 80 else None)
        pga.append(s.pga)
    w = width / 4
    row = [_chart("CMAS (0-52)", labels, cmas, 52, w),
           _chart("CHAQ DI (0-3)", labels, chaq_di, 3, w),
           _chart("MMT8 (0-80)", labels, mmt, 80, w),
           _chart("Physician global (cm)", labels, pga, 10, w)]
    table = Table([row], colWidths=[w] * 4)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.4, colors.black),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([section("Trends in this enrollment"), table])]


def _details(report: VisitReport, width: float) -> list:
    out: list = []
    skin = report.items.get("skin", {})
    if skin:
        change_words = {str(a.value): a.label.lower() for a in CHANGE_ANSWERS}
        parts = []
        for item in SKIN_ITEMS:
            v = skin.get(item.code)
            if v is None or not v.text:
                continue
            text = f"{item.label}: {v.text.replace('_', ' ')}"
            if item.change_code and skin.get(item.change_code) and skin[item.change_code].text:
                text += f" ({change_words.get(skin[item.change_code].text, '')})"
            parts.append(text)
        out += [section("Skin (MDAAT cutaneous items)"), p(esc("; ".join(parts)) + ".", "body")]
    other: list[str] = []
    mri = report.items.get("mri", {})
    if mri:
        done = mri.get("done")
        other.append("MRI: " + (done.text if done and done.text else "—")
                     + (f" on {mri['date'].text}" if mri.get("date") and mri["date"].text else "")
                     + (f", active myositis {mri['active_myositis'].text}"
                        if mri.get("active_myositis") and mri["active_myositis"].text else ""))
    antibodies = report.items.get("autoantibodies", {})
    if antibodies:
        names = dict(AUTOANTIBODIES)
        other.append("Autoantibodies: " + ", ".join(
            f"{names.get(code, code)} {v.text.replace('_', ' ')}"
            for code, v in antibodies.items() if v.text))
    vitals = report.items.get("vitals", {})
    if vitals:
        def vv(code: str, unit: str) -> str:
            v = vitals.get(code)
            return f"{fmt_num(v.num, 1)} {v.unit or unit}".strip() if v and v.num is not None \
                else "—"
        parts = [f"weight {vv('weight_kg', 'kg')}", f"height {vv('height_cm', 'cm')}"]
        if "bp_systolic" in vitals or "bp_diastolic" in vitals:
            parts.append(f"BP {vv('bp_systolic', '')}/{vv('bp_diastolic', 'mmHg')}")
        if "creatinine" in vitals:
            parts.append(f"creatinine {vv('creatinine', '')}")
        other.append("Vital signs: " + ", ".join(parts))
    meds = report.items.get("medications", {})
    doses = [f"{code[:-5]} {fmt_num(v.num, 2)} {v.unit or ''}".strip()
             + (f" {meds[code[:-5] + '_frequency'].text}"
                if meds.get(code[:-5] + "_frequency") and meds[code[:-5] + "_frequency"].text
                else "")
             for code, v in meds.items() if code.endswith("_dose") and v.num is not None]
    if doses or (meds.get("other") and meds["other"].text):
        other.append("Medications recorded: " + "; ".join(doses)
                     + (f"; other: {meds['other'].text}" if meds.get("other")
                        and meds["other"].text else ""))
    if other:
        out += [section("Other findings"), *[p(esc(t), "body") for t in other]]
    return out


def _missing(report: VisitReport, scores: VisitScores) -> list:
    lines: list[str] = []
    labels = {**{c: d.display_name for c, d in CMAS_BY_CODE.items()},
              **{c: d.display_name for c, d in CHAQ_BY_CODE.items()},
              **{d.code: d.label for d in GLOBAL_ASSESSMENTS},
              **{e.code: e.label for e in ENZYMES}}
    for instrument, values in report.items.items():
        for code, v in values.items():
            if v.missing:
                lines.append(f"{labels.get(code, f'{instrument}: {code}')} — "
                             f"{MISSING_WORDS.get(v.missing, v.missing)}")
    if scores.cmas is not None and scores.cmas.missing:
        lines.append("CMAS items without a score: " + ", ".join(scores.cmas.missing))
    if scores.mmt8 is not None and scores.mmt8.missing:
        lines.append("MMT8 groups without a grade: " + ", ".join(scores.mmt8.missing))
    for problem in scores.problems:
        lines.append(f"Not scored: {problem}")
    if not lines:
        return [section("Missing items"), p("None: every item recorded.", "body")]
    return [section("Missing items (with the reason recorded)"),
            *[p("• " + esc(line), "body") for line in lines]]


def _adverse_events(report: VisitReport, width: float) -> list:
    if not report.adverse_events:
        return [section("Adverse events"), p("None reported at this visit.", "body")]
    rows: list[list[object]] = [["Event", "Onset", "Resolved", "Serious", "Relation",
                                 "Action taken"]]
    for ae in report.adverse_events:
        # No resolved date means the event was still going on when it was recorded.
        resolved = ae.resolved_date.isoformat() if ae.resolved_date else "ongoing"
        rows.append([ae.description, fmt_date(ae.onset_date), resolved,
                     "yes" if ae.serious else "no", ae.relation or "—", ae.action_taken or "—"])
    return [section("Adverse events"),
            grid(rows, [0.34 * width, 0.12 * width, 0.12 * width, 0.08 * width, 0.12 * width,
                        0.22 * width])]


def build_visit_summary(report: VisitReport, out: Path | str, *, paper: str = "letter",
                        version: str = "", generated: datetime | None = None) -> Path:
    """Write the visit summary PDF; returns its path."""
    out = Path(out)
    size = page_size(paper)
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    scores = score_visit(report.items)
    base = score_visit(report.baseline_items) if report.baseline_items is not None else None
    response = compare_to_baseline(base, scores, is_baseline=report.visit_code == "baseline")
    story: list = []
    story += _head(report, width, f"JDM visit summary — {_visit_title(report)}")
    story += provisional_banner(width, report.provisional_notes)
    story += _doses(report, width)
    story += _outcomes(report, scores, base, width)
    story += _response(report, scores, response, width)
    story += _trends(report, width)
    story += _details(report, width)
    story += _missing(report, scores)
    story += _adverse_events(report, width)
    story.append(signature_block(width, report.signed_by, report.signed_at,
                                 report.signature_meaning, report.signature_status))
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=15 * mm, bottomMargin=16 * mm,
                            title=f"Visit summary {report.study_id} {_visit_title(report)}",
                            author="jdm-ctp")
    header = f"{report.study_id} · {report.patient_name} · {_visit_title(report)}"
    doc.build(story, canvasmaker=numbered_canvas(header, generated, version, "Visit summary",
                                                 report.audit_head))
    return out
