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
from app.domain.instruments.registry import BY_STORED, INSTRUMENTS, item_labels
from app.domain.instruments.steroid_exposure import (
    EQUIVALENCE_SOURCE,
    cumulative_steroid_exposure,
    steroid_visit,
)
from app.domain.instruments.steroid_exposure import STORED as STEROIDS
from app.domain.patient import SEX_CHOICES
from app.domain.response import MEASURE_LABELS, CoreMeasure
from app.domain.visit_response import Baseline, VisitResponse, compare_to_baseline
from app.domain.visit_scores import VisitScores, score_visit
from app.reports.pdf_common import (
    FONT,
    FONT_BOLD,
    MARGIN,
    STYLES,
    esc,
    fmt_num,
    grid,
    key_values,
    notice_lines,
    numbered_canvas,
    p,
    page_size,
    provisional_banner,
    section,
    signature_block,
    spacer,
)
from app.reports.visit_report import VisitReport
from app.reports.words import (
    ARM_CHOICE,
    CITED_AS_PUBLISHED,
    ENGLISH,
    FINDING,
    INSTRUMENT_ITEM,
    MESSAGE,
    OUTCOME_ROW,
    PAPER,
    PDF,
    QT_TRANSLATE_NOOP,
    REASON,
    SEX,
    VISIT_STATUS,
    Words,
    fill,
)

MISSING_WORDS = {"not_done": QT_TRANSLATE_NOOP("PDF", "not done"),
                 "not_applicable": QT_TRANSLATE_NOOP("PDF", "not applicable"),
                 "unknown": QT_TRANSLATE_NOOP("PDF", "unknown")}
# The response criteria's verdicts and the prescriptions' roles as printed (their codes
# with spaces): listed for the translation catalogue.
CODED_WORDS = (
    QT_TRANSLATE_NOOP("PDF", "inactive"), QT_TRANSLATE_NOOP("PDF", "not inactive"),
    QT_TRANSLATE_NOOP("PDF", "undetermined"), QT_TRANSLATE_NOOP("PDF", "improved"),
    QT_TRANSLATE_NOOP("PDF", "not improved"), QT_TRANSLATE_NOOP("PDF", "none"),
    QT_TRANSLATE_NOOP("PDF", "minimal"), QT_TRANSLATE_NOOP("PDF", "moderate"),
    QT_TRANSLATE_NOOP("PDF", "major"), QT_TRANSLATE_NOOP("PDF", "arm"),
    QT_TRANSLATE_NOOP("PDF", "concomitant"), QT_TRANSLATE_NOOP("PDF", "dose"),
    QT_TRANSLATE_NOOP("PDF", "day"),
    QT_TRANSLATE_NOOP("PDF", "category not recorded"),  # CATEGORY_NOT_RECORDED
)


# The TIS category as a whole phrase: a language agrees the adjective with "response" and
# says none its own way ("aucune réponse"), which "%2 response" cannot.
RESPONSE_WORDS = {
    "none": QT_TRANSLATE_NOOP("PDF", "no response"),
    "minimal": QT_TRANSLATE_NOOP("PDF", "minimal response"),
    "moderate": QT_TRANSLATE_NOOP("PDF", "moderate response"),
    "major": QT_TRANSLATE_NOOP("PDF", "major response"),
}


def response_words(words: Words, category: str) -> str:
    """The TIS category (app.domain.response.total_improvement) as the response it names."""
    return words.translate(PDF, RESPONSE_WORDS[category])


def _coded(words: Words, code: str) -> str:
    """A code printed as words ("not_inactive" -> "not inactive"), translated."""
    return words.translate(PDF, code.replace("_", " "))


def _num(words: Words, value: float | None, places: int = 1) -> str:
    return words.number(fmt_num(value, places))


def _visit_title(report: VisitReport, words: Words) -> str:
    label = report.visit_words(words)
    if report.visit_code == "unscheduled" and report.occurrence > 1:
        label += f" #{report.occurrence}"
    return label


def _study_facts(report: VisitReport, words: Words) -> list[tuple[str, str]]:
    """The enrollment facts a comparison of the arms needs (issue 18), when recorded."""
    translate, date = words.translate, words.date
    pairs = []
    if report.onset_date or report.diagnosis_date:
        pairs.append((translate("PDF", "Disease onset / diagnosis"),
                      f"{date(report.onset_date)} / {date(report.diagnosis_date)}"))
    if report.disease_months is not None:
        pairs.append((translate("PDF", "Disease duration at enrollment"),
                      fill(translate("PDF", "%1 months"),
                           words.number(str(report.disease_months)))))
    if report.background:
        pairs.append((translate("PDF", "Race, ethnicity (self-reported)"),
                      ", ".join(words.translate(context, label)
                                for context, label in report.background)))
    on = report.visit_date or report.target_date
    current = next((a for a in reversed(report.arms) if on is None or (
        a.start_date <= on and (a.end_date is None or a.end_date >= on))), None)
    if current is not None and str(current.why_chosen):
        pairs.append((translate("PDF", "Why this arm"),
                      words.sentences(ARM_CHOICE, current.why_chosen)))
    stopped = [fill(translate("PDF", "arm %1 on %2: %3"), a.arm_id, date(a.end_date),
                    words.sentences(REASON, a.why_stopped))
               for a in report.arms if str(a.why_stopped)]
    if stopped:
        pairs.append((translate("PDF", "Treatment stopped or changed"), "; ".join(stopped)))
    if report.infusions_given:
        pairs.append((translate("PDF", "Infusions given to this visit"),
                      fill(translate("PDF", "%1 (last %2)"), report.infusions_given,
                           date(report.last_infusion))))
    return pairs


def _sex(report: VisitReport, words: Words) -> str:
    """The stored code in English (as the exports have it); its label in another language."""
    if words.language == "en":
        return report.sex
    return words.translate(SEX, dict(SEX_CHOICES).get(report.sex, report.sex))


def _status(report: VisitReport, words: Words) -> str:
    if words.language == "en":
        return report.status.replace("_", " ")
    return words.translate(VISIT_STATUS, report.status.replace("_", " ").capitalize())


def _head(report: VisitReport, width: float, document: str, words: Words) -> list:
    translate, date = words.translate, words.date
    window = ""
    if report.window_start:
        window = " " + fill(translate("PDF", "(%1 to %2)"), date(report.window_start),
                            date(report.window_end))
    pairs = [
        (translate("PDF", "Site / clinic"), report.site or "—"),
        (translate("PDF", "Study ID"), report.study_id),
        (translate("PDF", "Patient"), report.patient_name or "—"),
        (translate("PDF", "Date of birth"), date(report.date_of_birth)),
        (translate("PDF", "Sex"), _sex(report, words)),
        (translate("PDF", "Protocol"), report.protocol_words(words)),
        (translate("PDF", "Treatment arm"), report.arm or "—"),
        (translate("PDF", "Enrolled"), date(report.enrollment_date)),
        *_study_facts(report, words),
        (translate("PDF", "Visit"), _visit_title(report, words)),
        (translate("PDF", "Visit date"), date(report.visit_date)),
        (translate("PDF", "Due (window)"), f"{date(report.target_date)}{window}"),
        (translate("PDF", "Status"), _status(report, words)),
    ]
    return [Paragraph(esc(document), STYLES["title"]), key_values(pairs, width), spacer(1)]


def _doses(report: VisitReport, width: float, words: Words) -> list:
    translate = words.translate
    if not report.doses:
        return [section(translate("PDF", "Current doses")),
                p(esc(translate("PDF", "No active prescriptions.")), "body")]
    rows: list[list[object]] = [[translate("PDF", "Drug"), translate("PDF", "Dose given"),
                                 translate("PDF", "How it was computed")]]
    for dose in report.doses:
        given = dose.final_amount if dose.final_amount is not None else dose.amount
        text = f"{_num(words, given, 3)} {dose.unit}/{translate(PDF, dose.per)}"
        text += f", {words.plan_text(dose.frequency)}" if dose.frequency else ""
        text += f", {words.plan_text(dose.route)}" if dose.route else ""
        how = words.derivation(dose.derivation) or (
            translate("PDF", "entered by hand") if not dose.calculated else "—")
        if dose.capped:
            how += " — " + translate("PDF", "protocol maximum applied")
        if dose.final_amount is not None and dose.amount is not None and \
                dose.final_amount != dose.amount:
            how += " — " + fill(translate("PDF", "computed %1 %2, final differs: %3"),
                                _num(words, dose.amount, 3), dose.unit,
                                dose.override_reason or translate("PDF", "no reason recorded"))
        if dose.source:
            how += f" [{words.source(dose.source)}]"
        rows.append([f"{words.drug(dose.drug)} ({_coded(words, dose.role)})", text, how])
    return [section(translate("PDF", "Current doses")),
            grid(rows, [0.2 * width, 0.28 * width, 0.52 * width])]


def _change(now: float | None, base: float | None, places: int = 1,
            words: Words = ENGLISH) -> str:
    if now is None or base is None:
        return "—"
    diff = now - base
    return ("+" if diff > 0 else "") + _num(words, diff, places)


def visit_scores(report: VisitReport) -> tuple[VisitScores, VisitScores | None, VisitResponse]:
    """The scores the summary prints: this visit's, its baseline's, and the response
    (``app.domain.visit_scores`` / ``visit_response``, the one scoring path)."""
    scores = score_visit(report.items)
    base = score_visit(report.baseline_items) if report.baseline_items is not None else None
    response = compare_to_baseline(None if base is None else Baseline.of(base), scores,
                                   is_baseline=report.visit_code == "baseline")
    return scores, base, response


def outcome_cells(report: VisitReport, scores: VisitScores,
                  base: VisitScores | None, words: Words = ENGLISH) -> list[list[str]]:
    """The outcome table as printed (below its header): each instrument's outcome rows
    (``outcome_rows`` of the registry), in form order."""
    rows: list[list[str]] = []
    for declared in INSTRUMENTS:
        if declared.outcome_rows is None:
            continue
        for row in declared.outcome_rows(scores, base, report.items, report.baseline_items):
            now = _num(words, row.now, row.places)
            if row.out_of is not None and row.now is not None:
                now += f" / {row.out_of}"
            rows.append([words.sentences(OUTCOME_ROW, row.label), now,
                         _num(words, row.baseline, row.places),
                         _change(row.now, row.baseline, row.change_places, words),
                         words.sentences(MESSAGE, row.note)])
    return rows


def _outcomes(report: VisitReport, scores: VisitScores, base: VisitScores | None,
              width: float, words: Words) -> list:
    translate = words.translate
    rows: list[list[object]] = [[translate("PDF", "Outcome"), translate("PDF", "This visit"),
                                 translate("PDF", "Baseline"), translate("PDF", "Change"),
                                 translate("PDF", "Note")]]
    rows += outcome_cells(report, scores, base, words)
    table = grid(rows, [0.3 * width, 0.12 * width, 0.1 * width, 0.09 * width, 0.39 * width],
                 zebra=True)
    return [section(translate("PDF", "Outcomes (computed from the items; change = this visit − "
                               "baseline)")), table]


def _measure(words: Words, code: str) -> str:
    return words.translate(INSTRUMENT_ITEM, MEASURE_LABELS[CoreMeasure(code)])


def _response(report: VisitReport, scores: VisitScores, response: VisitResponse,
              width: float, words: Words) -> list:
    translate = words.translate
    out: list = [section(translate("PDF", "Response criteria"))]
    printo = scores.printo
    if printo is not None:
        met = ", ".join(printo.met) or translate("PDF", "none")
        missing = (fill(translate("PDF", "; missing: %1"), ", ".join(printo.missing))
                   if printo.missing else "")
        out.append(p(fill(translate("PDF", "<b>PRINTO clinically inactive disease:</b> %1 "
                                           "(criteria met: %2%3; ≥ 3 of 4 needed). <i>%4</i>"),
                          esc(_coded(words, printo.status.value)), esc(met), esc(missing),
                          esc(words.citation(printo.source))), "body"))
    if report.visit_code == "baseline":
        out.append(p(esc(translate("PDF", "Baseline visit: improvement is measured against this "
                                    "visit.")), "body"))
        return out
    tis = response.tis
    if tis is not None:
        if tis.tis is None:
            why = "; ".join(words.sentences(MESSAGE, w)
                            for w in tis.missing + tis.not_comparable) or words.sentences(
                MESSAGE, tis.explanation)
            head = fill(translate("PDF", "<b>Total Improvement Score:</b> not computed — %1"),
                        esc(why))
        else:
            head = fill(translate("PDF", "<b>Total Improvement Score: %1 / 100 — %2</b>"),
                        _num(words, tis.tis, 1),
                        esc(response_words(words, tis.category.value if tis.category
                                           else "none")))
            if tis.provisional:
                head += " <b>" + esc(translate("PDF", "[PROVISIONAL]")) + "</b>"
        out.append(p(head, "body"))
        rows: list[list[object]] = [[translate("PDF", "Measure"), translate("PDF", "Baseline"),
                                     translate("PDF", "Now"), translate("PDF", "% change"),
                                     translate("PDF", "Band"), translate("PDF", "Points")]]
        for m in tis.measures:
            rows.append([words.translate(INSTRUMENT_ITEM, m.label), _num(words, m.baseline, 2),
                         _num(words, m.follow_up, 2), _num(words, m.percent_change, 1),
                         words.band(m.band) if m.band else words.sentences(
                             MESSAGE, m.reason or "—"),
                         _num(words, m.points, 1)])
        out.append(grid(rows, [0.3 * width, 0.1 * width, 0.1 * width, 0.1 * width,
                               0.3 * width, 0.1 * width]))
        if tis.provisional:
            rule_source = getattr(tis.percent_change_rule, "source", "")
            out.append(p(fill(translate("PDF", "Provisional: the percent-change rule is not yet "
                                         "confirmed (%1). <i>%2</i>"),
                              esc(words.citation(rule_source)),
                              esc(words.citation(tis.source))), "small"))
    elif report.baseline_items is None:
        out.append(p(esc(translate("PDF", "No baseline visit data: response criteria cannot be "
                                    "computed.")), "body"))
    imacs = response.imacs
    if imacs is not None:
        improved = ", ".join(_measure(words, m) for m in imacs.improved_measures)
        worsened = ", ".join(_measure(words, m) for m in imacs.worsened_measures)
        out.append(p(fill(translate("PDF", "<b>IMACS definition of improvement:</b> %1 (improved ≥ "
                                     "20%: %2; worse ≥ 25%: %3). <i>%4</i>"),
                          esc(_coded(words, imacs.status.value)),
                          esc(improved or translate("PDF", "none")),
                          esc(worsened or translate("PDF", "none")),
                          esc(words.citation(imacs.source))), "body"))
    return out


def _chart(title: str, labels: list[str], values: list[float | None], top: float,
           width: float, words: Words = ENGLISH) -> Drawing:
    drawing = Drawing(width, 30 * mm)
    if sum(v is not None for v in values) < 2:
        # A line needs two points (reportlab refuses fewer): a plan without this
        # instrument, or a bilateral MMT8 on the 0-80 chart, says so instead.
        drawing.add(String(8 * mm, 27 * mm, title, fontName=FONT_BOLD, fontSize=7.5))
        drawing.add(String(8 * mm, 14 * mm,
                           words.translate("PDF", "Fewer than 2 values: no trend drawn."),
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


def _trends(report: VisitReport, width: float, words: Words) -> list:
    if len(report.history) < 2:
        return []
    translate = words.translate
    labels, cmas, chaq_di, mmt, pga = [], [], [], [], []
    for past in report.history:
        s = score_visit(past.items)
        # "M6", "BL": the plan's visit names shortened to fit under a small chart.
        labels.append(past.label.replace("Month ", translate("PDF", "M"))
                      .replace("Baseline", translate("PDF", "BL")))
        cmas.append(s.cmas.total if s.cmas else None)
        chaq_di.append(s.chaq.disability_index if s.chaq else None)
        mmt.append(s.mmt8.total if s.mmt8 and s.mmt8.maximum == 80 else None)
        pga.append(s.pga)
    w = width / 4
    row = [_chart(translate("PDF", "CMAS (0-52)"), labels, cmas, 52, w, words),
           _chart(translate("PDF", "CHAQ DI (0-3)"), labels, chaq_di, 3, w, words),
           _chart(translate("PDF", "MMT8 (0-80)"), labels, mmt, 80, w, words),
           _chart(translate("PDF", "Physician global (cm)"), labels, pga, 10, w, words)]
    table = Table([row], colWidths=[w] * 4)
    table.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 0.4, colors.black),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([section(translate("PDF", "Trends in this enrollment")), table])]


def _details(report: VisitReport, width: float, words: Words) -> list:
    """Each instrument's findings (``findings`` of the registry): under their own heading,
    or together under "Other findings"."""
    out: list = []
    other: list[str] = []
    for declared in INSTRUMENTS:
        if declared.findings is None:
            continue
        for finding in declared.findings(report.items):
            if finding.heading:
                # An instrument's heading: the words its paper worksheet prints.
                out += [section(words.translate(PAPER, finding.heading)),
                        p(esc(words.sentences(FINDING, finding.text)), "body")]
            else:
                other.append(words.sentences(FINDING, finding.text))
    if other:
        out += [section(words.translate("PDF", "Other findings")),
                *[p(esc(t), "body") for t in other]]
    return out


def _missing(report: VisitReport, scores: VisitScores, words: Words) -> list:
    translate = words.translate
    lines: list[str] = []
    labels = item_labels()
    for instrument, values in report.items.items():
        for code, v in values.items():
            if v.missing_reason:
                label = labels.get(code)
                reason = MISSING_WORDS.get(v.missing_reason)
                item = translate(INSTRUMENT_ITEM, label) if label else f"{instrument}: {code}"
                lines.append(f"{item} — {translate(PDF, reason) if reason else v.missing_reason}")
    for declared in INSTRUMENTS:
        if declared.unscored is not None:
            lines += [words.sentences(MESSAGE, line) for line in declared.unscored(scores)]
    for problem in scores.problems:
        lines.append(fill(translate("PDF", "Not scored: %1"), words.sentences(MESSAGE, problem)))
    if not lines:
        return [section(translate("PDF", "Missing items")),
                p(esc(translate("PDF", "None: every item recorded.")), "body")]
    return [section(translate("PDF", "Missing items (with the reason recorded)")),
            *[p("• " + esc(line), "body") for line in lines]]


def _steroid_exposure(report: VisitReport, words: Words) -> list:
    """The cumulative steroid exposure of the enrollment up to this visit, from the visits'
    records (printed only when some visit recorded the steroid exposure items)."""
    visits = [steroid_visit(past.on, past.items) for past in report.history
              if past.on is not None and past.items.get(STEROIDS)]
    if not visits:
        return []
    exposure = cumulative_steroid_exposure(visits)
    translate = words.translate

    def amount(mg: float | None, per_kg: float | None) -> str:
        if mg is None:
            return translate("PDF", "not computable")
        if per_kg is None:
            return fill(translate("PDF", "%1 mg (mg/kg: no weight)"), _num(words, mg, 0))
        return fill(translate("PDF", "%1 mg (%2 mg/kg)"), _num(words, mg, 0),
                    _num(words, per_kg, 1))

    lines = [
        fill(translate("PDF", "From %1 to %2: oral prednisone-equivalent %3; IV methylprednisolone "
                        "%4; total as prednisone %5."),
             words.date(exposure.first), words.date(exposure.last),
             amount(exposure.oral_mg, exposure.oral_mg_per_kg),
             amount(exposure.ivmp_mg, exposure.ivmp_mg_per_kg),
             amount(exposure.total_prednisone_mg, exposure.total_prednisone_mg_per_kg)),
        fill(translate("PDF", "Provisional rule: each visit's oral dose until the next "
                              "visit; pulses as recorded since the last visit; %1."),
             words.citation(EQUIVALENCE_SOURCE)),
    ]
    if exposure.gaps:
        lines.append(fill(translate("PDF", "Missing: %1."),
                          "; ".join(words.sentences(MESSAGE, gap) for gap in exposure.gaps)))
    return [section(translate("PDF", "Cumulative steroid exposure")),
            *[p(esc(line), "body") for line in lines]]


def _adverse_events(report: VisitReport, width: float, words: Words) -> list:
    translate = words.translate
    if not report.adverse_events:
        return [section(translate("PDF", "Adverse events")),
                p(esc(translate("PDF", "None reported at this visit.")), "body")]
    rows: list[list[object]] = [[translate("PDF", "Event"), translate("PDF", "Onset"),
                                 translate("PDF", "Resolved"), translate("PDF", "Serious"),
                                 translate("PDF", "Relation"), translate("PDF", "Action taken")]]
    # The coding (issue 18) in a table of its own, so the events' words keep their width.
    coding: list[list[object]] = [[translate("PDF", "Event"), translate("PDF", "Category"),
                                   translate("PDF", "Severity (CTCAE)"),
                                   translate("PDF", "Outcome")]]
    categories, severities, outcomes = (dict(AE_CATEGORIES), dict(AE_SEVERITIES),
                                        dict(AE_OUTCOMES))

    def label(table: dict[str, str], code: str | None, empty: str = "—") -> str:
        known = table.get(code or "")
        return translate(INSTRUMENT_ITEM, known) if known else (code or empty)

    for ae in report.adverse_events:
        # No resolved date means the event was still going on when it was recorded.
        resolved = words.date(ae.resolved_date) if ae.resolved_date else translate("PDF", "ongoing")
        rows.append([ae.description, words.date(ae.onset_date), resolved,
                     translate("PDF", "yes") if ae.serious else translate("PDF", "no"),
                     words.sentences(INSTRUMENT_ITEM, ae.relation or "—"),
                     ae.action_taken or "—"])
        coding.append([ae.description,
                       label(categories, ae.category,
                             translate(PDF, CATEGORY_NOT_RECORDED)),
                       label(severities, ae.severity), label(outcomes, ae.outcome)])
    return [section(translate("PDF", "Adverse events")),
            grid(rows, [0.34 * width, 0.12 * width, 0.12 * width, 0.08 * width, 0.12 * width,
                        0.22 * width]),
            grid(coding, [0.34 * width, 0.26 * width, 0.18 * width, 0.22 * width])]


def _translation_notices(report: VisitReport, words: Words) -> list:
    """Once each, the translation notice of the instruments recorded at the visit: their
    words are what the summary prints (outcome rows, findings, missing items)."""
    recorded = {BY_STORED[key].id for key, values in report.items.items()
                if values and key in BY_STORED}
    return [line for declared in INSTRUMENTS if declared.id in recorded
            for line in notice_lines(words, declared.id)]


def build_visit_summary(report: VisitReport, out: Path | str, *, paper: str = "letter",
                        version: str = "", generated: datetime | None = None,
                        words: Words = ENGLISH) -> Path:
    """Write the visit summary PDF in ``words``' language; returns its path."""
    out = Path(out)
    size = page_size(paper)
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    scores, base, response = visit_scores(report)
    story: list = []
    title = _visit_title(report, words)
    story += _head(report, width, fill(words.translate("PDF", "JDM visit summary — %1"), title),
                   words)
    story += provisional_banner(width, report.provisional_notes, words)
    story += _doses(report, width, words)
    story += _outcomes(report, scores, base, width, words)
    story += _response(report, scores, response, width, words)
    story += _trends(report, width, words)
    story += _details(report, width, words)
    story += _steroid_exposure(report, words)
    story += _missing(report, scores, words)
    story += _adverse_events(report, width, words)
    if words.language != "en":
        story.append(p(esc(words.translate(PDF, CITED_AS_PUBLISHED)), "small"))
    story += _translation_notices(report, words)
    story.append(signature_block(width, report.signed_by, report.signed_at,
                                 report.signature_meaning, report.signature_status, words))
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=15 * mm, bottomMargin=16 * mm,
                            title=fill(words.translate("PDF", "Visit summary %1 %2"),
                                       report.study_id, title),
                            author="jdm-ctp")
    header = f"{report.study_id} · {report.patient_name} · {title}"
    doc.build(story, canvasmaker=numbered_canvas(
        header, generated, version, QT_TRANSLATE_NOOP("PDF", "Visit summary"),
        report.audit_head, words=words))
    return out
