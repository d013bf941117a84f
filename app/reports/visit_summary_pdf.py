"""The printed visit summary: one or two pages, black
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

from app.domain.instruments.adverse_events import (
    CATEGORIES as AE_CATEGORIES,
)
from app.domain.instruments.adverse_events import (
    CATEGORY_NOT_RECORDED,
)
from app.domain.instruments.adverse_events import (
    OUTCOMES as AE_OUTCOMES,
)
from app.domain.instruments.adverse_events import (
    SEVERITIES as AE_SEVERITIES,
)
from app.domain.instruments.registry import INSTRUMENTS, item_labels
from app.domain.instruments.steroid_exposure import (
    EQUIVALENCE_SOURCE,
    cumulative_steroid_exposure,
    steroid_visit,
)
from app.domain.instruments.steroid_exposure import STORED as STEROIDS
from app.domain.response import MEASURE_LABELS, CoreMeasure
from app.domain.visit_response import Baseline, VisitResponse, compare_to_baseline
from app.domain.visit_scores import VisitScores, score_visit
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


def _study_facts(report: VisitReport) -> list[tuple[str, str]]:
    """The enrollment facts a comparison of the arms needs (issue 18), when recorded."""
    pairs = []
    if report.onset_date or report.diagnosis_date:
        pairs.append(("Disease onset / diagnosis", f"{fmt_date(report.onset_date)} / "
                      f"{fmt_date(report.diagnosis_date)}"))
    if report.disease_months:
        pairs.append(("Disease duration at enrollment", report.disease_months))
    if report.background:
        pairs.append(("Race, ethnicity (self-reported)", report.background))
    on = report.visit_date or report.target_date
    current = next((a for a in reversed(report.arms) if on is None or (
        a.start_date <= on and (a.end_date is None or a.end_date >= on))), None)
    if current is not None and current.why_chosen:
        pairs.append(("Why this arm", current.why_chosen))
    stopped = [f"arm {a.arm_id} on {fmt_date(a.end_date)}: {a.why_stopped}"
               for a in report.arms if a.why_stopped]
    if stopped:
        pairs.append(("Treatment stopped or changed", "; ".join(stopped)))
    if report.infusions_given:
        pairs.append(("Infusions given to this visit", f"{report.infusions_given} (last "
                      f"{fmt_date(report.last_infusion)})"))
    return pairs


def _head(report: VisitReport, width: float, document: str) -> list:
    pairs = [
        ("Site / clinic", report.site or "—"),
        ("Study ID", report.study_id),
        ("Patient", report.patient_name or "—"),
        ("Date of birth", fmt_date(report.date_of_birth)),
        ("Sex", report.sex),
        ("Protocol", report.protocol_line),
        ("Treatment arm", report.arm or "—"),
        ("Enrolled", fmt_date(report.enrollment_date)),
        *_study_facts(report),
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


def visit_scores(report: VisitReport) -> tuple[VisitScores, VisitScores | None, VisitResponse]:
    """The scores the summary prints: this visit's, its baseline's, and the response
    (``app.domain.visit_scores`` / ``visit_response``, the one scoring path)."""
    scores = score_visit(report.items)
    base = score_visit(report.baseline_items) if report.baseline_items is not None else None
    response = compare_to_baseline(None if base is None else Baseline.of(base), scores,
                                   is_baseline=report.visit_code == "baseline")
    return scores, base, response


def outcome_cells(report: VisitReport, scores: VisitScores,
                  base: VisitScores | None) -> list[list[str]]:
    """The outcome table as printed (below its header): each instrument's outcome rows
    (``outcome_rows`` of the registry), in form order."""
    rows: list[list[str]] = []
    for declared in INSTRUMENTS:
        if declared.outcome_rows is None:
            continue
        for row in declared.outcome_rows(scores, base, report.items, report.baseline_items):
            now = fmt_num(row.now, row.places)
            if row.out_of is not None and row.now is not None:
                now += f" / {row.out_of}"
            rows.append([row.label, now, fmt_num(row.baseline, row.places),
                         _change(row.now, row.baseline, row.change_places), row.note])
    return rows


def _outcomes(report: VisitReport, scores: VisitScores, base: VisitScores | None,
              width: float) -> list:
    rows: list[list[object]] = [["Outcome", "This visit", "Baseline", "Change", "Note"]]
    rows += outcome_cells(report, scores, base)
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
    if sum(v is not None for v in values) < 2:
        # A line needs two points (reportlab refuses fewer): a plan without this
        # instrument, or a bilateral MMT8 on the 0-80 chart, says so instead.
        drawing.add(String(8 * mm, 27 * mm, title, fontName=FONT_BOLD, fontSize=7.5))
        drawing.add(String(8 * mm, 14 * mm, "Fewer than 2 values: no trend drawn.",
                           fontName=FONT, fontSize=7))
        return drawing
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
    """Each instrument's findings (``findings`` of the registry): under their own heading,
    or together under "Other findings"."""
    out: list = []
    other: list[str] = []
    for declared in INSTRUMENTS:
        if declared.findings is None:
            continue
        for finding in declared.findings(report.items):
            if finding.heading:
                out += [section(finding.heading), p(esc(finding.text), "body")]
            else:
                other.append(finding.text)
    if other:
        out += [section("Other findings"), *[p(esc(t), "body") for t in other]]
    return out


def _missing(report: VisitReport, scores: VisitScores) -> list:
    lines: list[str] = []
    labels = item_labels()
    for instrument, values in report.items.items():
        for code, v in values.items():
            if v.missing_reason:
                lines.append(f"{labels.get(code, f'{instrument}: {code}')} — "
                             f"{MISSING_WORDS.get(v.missing_reason, v.missing_reason)}")
    for declared in INSTRUMENTS:
        if declared.unscored is not None:
            lines += declared.unscored(scores)
    for problem in scores.problems:
        lines.append(f"Not scored: {problem}")
    if not lines:
        return [section("Missing items"), p("None: every item recorded.", "body")]
    return [section("Missing items (with the reason recorded)"),
            *[p("• " + esc(line), "body") for line in lines]]


def _steroid_exposure(report: VisitReport) -> list:
    """The cumulative steroid exposure of the enrollment up to this visit, from the visits'
    records (printed only when some visit recorded the steroid exposure items)."""
    visits = [steroid_visit(past.on, past.items) for past in report.history
              if past.on is not None and past.items.get(STEROIDS)]
    if not visits:
        return []
    exposure = cumulative_steroid_exposure(visits)

    def amount(mg: float | None, per_kg: float | None) -> str:
        if mg is None:
            return "not computable"
        return f"{fmt_num(mg, 0)} mg" + (f" ({fmt_num(per_kg, 1)} mg/kg)"
                                         if per_kg is not None else " (mg/kg: no weight)")

    lines = [
        f"From {fmt_date(exposure.first)} to {fmt_date(exposure.last)}: oral "
        f"prednisone-equivalent {amount(exposure.oral_mg, exposure.oral_mg_per_kg)}; IV "
        f"methylprednisolone {amount(exposure.ivmp_mg, exposure.ivmp_mg_per_kg)}; total as "
        f"prednisone {amount(exposure.total_prednisone_mg, exposure.total_prednisone_mg_per_kg)}.",
        "Provisional rule: each visit's oral dose until the next visit; pulses as recorded "
        f"since the last visit; {EQUIVALENCE_SOURCE}.",
    ]
    if exposure.gaps:
        lines.append("Missing: " + "; ".join(exposure.gaps) + ".")
    return [section("Cumulative steroid exposure"), *[p(esc(line), "body") for line in lines]]


def _adverse_events(report: VisitReport, width: float) -> list:
    if not report.adverse_events:
        return [section("Adverse events"), p("None reported at this visit.", "body")]
    rows: list[list[object]] = [["Event", "Onset", "Resolved", "Serious", "Relation",
                                 "Action taken"]]
    # The coding (issue 18) in a table of its own, so the events' words keep their width.
    coding: list[list[object]] = [["Event", "Category", "Severity (CTCAE)", "Outcome"]]
    categories, severities, outcomes = (dict(AE_CATEGORIES), dict(AE_SEVERITIES),
                                        dict(AE_OUTCOMES))
    for ae in report.adverse_events:
        # No resolved date means the event was still going on when it was recorded.
        resolved = ae.resolved_date.isoformat() if ae.resolved_date else "ongoing"
        rows.append([ae.description, fmt_date(ae.onset_date), resolved,
                     "yes" if ae.serious else "no", ae.relation or "—", ae.action_taken or "—"])
        coding.append([ae.description,
                       categories.get(ae.category or "", ae.category or CATEGORY_NOT_RECORDED),
                       severities.get(ae.severity or "", ae.severity or "—"),
                       outcomes.get(ae.outcome or "", ae.outcome or "—")])
    return [section("Adverse events"),
            grid(rows, [0.34 * width, 0.12 * width, 0.12 * width, 0.08 * width, 0.12 * width,
                        0.22 * width]),
            grid(coding, [0.34 * width, 0.26 * width, 0.18 * width, 0.22 * width])]


def build_visit_summary(report: VisitReport, out: Path | str, *, paper: str = "letter",
                        version: str = "", generated: datetime | None = None) -> Path:
    """Write the visit summary PDF; returns its path."""
    out = Path(out)
    size = page_size(paper)
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    scores, base, response = visit_scores(report)
    story: list = []
    story += _head(report, width, f"JDM visit summary — {_visit_title(report)}")
    story += provisional_banner(width, report.provisional_notes)
    story += _doses(report, width)
    story += _outcomes(report, scores, base, width)
    story += _response(report, scores, response, width)
    story += _trends(report, width)
    story += _details(report, width)
    story += _steroid_exposure(report)
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
