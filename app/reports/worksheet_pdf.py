"""Blank visit worksheet: for clinics that collect on paper at the bedside and enter the
values later. Pre-filled header (patient, protocol, arm, visit, due date and window),
empty item grids with the anchors, 10 cm VAS lines printed at true length, and the
signature block. Black and white, Letter or A4.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.lib.units import cm, mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate

from app.domain.instruments.declaration import VisitInstrument
from app.domain.instruments.printed import (
    Boxes,
    Cell,
    PaperBlock,
    PaperLine,
    PaperVas,
)
from app.domain.instruments.registry import BY_PROTOCOL_ID, INSTRUMENTS
from app.reports.pdf_common import (
    FONT,
    FONT_BOLD,
    MARGIN,
    STYLES,
    esc,
    grid,
    key_values,
    notice_lines,
    numbered_canvas,
    p,
    page_size,
    section,
    signature_block,
    spacer,
)
from app.reports.visit_report import VisitReport
from app.reports.words import (
    ENGLISH,
    INSTRUMENT_ITEM,
    PAPER,
    QT_TRANSLATE_NOOP,
    Words,
    fill,
)

_SCORED = re.compile(r"(\d+) (.+)")
BOX = '<font name="Courier">[ ]</font>'  # prints everywhere; symbol fonts vary


def _due(report: VisitReport) -> tuple[VisitInstrument, ...]:
    """The instruments the visit lists (all when the plan lists none we know), and those
    printed on every sheet (vital signs and medications, adverse events)."""
    listed = {BY_PROTOCOL_ID[i].id for i in report.instruments_due if i in BY_PROTOCOL_ID}
    return tuple(i for i in INSTRUMENTS if i.paper is not None
                 and (not listed or i.id in listed or i.paper_always))


def _paper_words(words: Words, text: str) -> str:
    """A worksheet's word: as the worksheet's own list has it (terms.py, "Worksheet": whole
    texts only, "0 Unable" is not part of a longer anchor), else as the instruments'
    items do."""
    shown = words.translate(PAPER, text)
    if shown != text:
        return shown
    score = _SCORED.fullmatch(text)  # "0 Unable to lift leg off table": a CMAS anchor
    if score:
        return f"{score[1]} {words.sentences(INSTRUMENT_ITEM, score[2])}"
    return words.sentences(INSTRUMENT_ITEM, text)


def _vas(label: str, low: str, high: str, width: float, words: Words = ENGLISH) -> Drawing:
    """A 10 cm line (true length) with end anchors: the patient marks, staff measure."""
    drawing = Drawing(width, 15 * mm)
    x0 = (width - 10 * cm) / 2
    y = 6 * mm
    label, low, high = (_paper_words(words, text) for text in (label, low, high))
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


def _boxes(boxes: Boxes, words: Words = ENGLISH) -> str:
    ticks = [f"{BOX} {esc(_paper_words(words, option))}".rstrip()
             for option in boxes.options]
    return (" &nbsp; " if boxes.across else "<br/>").join(ticks)


def _cell(cell: Cell, words: Words = ENGLISH) -> object:
    if isinstance(cell, Boxes):
        return p(_boxes(cell, words))
    return p(esc(_paper_words(words, cell))) if cell else ""


def _block(block: PaperBlock, width: float, words: Words = ENGLISH) -> list:
    """One worksheet block of an instrument (``paper`` of the registry) as flowables, the
    instrument's words as the interface lists them (terms.py, "Instrument item")."""
    item = lambda text: _paper_words(words, text)  # noqa: E731
    if isinstance(block, PaperVas):
        return [_vas(block.label, block.low, block.high, width, words)]
    if isinstance(block, PaperLine):
        out: list = [section(item(block.heading))] if block.heading else []
        if block.parts or block.label:
            text = " ".join(_boxes(part, words) if isinstance(part, Boxes) else esc(item(part))
                            for part in block.parts)
            if block.label:
                text = f"<b>{esc(item(block.label))}</b> {text}"
            out.append(p(text, "small" if block.small else "body"))
        return out
    title = esc(item(block.title))
    if block.title_boxes is not None:
        title += " " + _boxes(block.title_boxes, words)
    rows = [[item(h) for h in block.header]] + [[_cell(c, words) for c in row]
                                                for row in block.rows]
    table = grid(rows, [w * width for w in block.widths],
                 **({"row_height": block.row_height_mm * mm} if block.row_height_mm else {}))
    heading = section(title, markup=True)
    if block.new_page:
        return [PageBreak(), heading, table]
    return [KeepTogether([heading, table])]


def _with_notice(flowables: list, notice: list) -> list:
    """An instrument's blocks with its translation notice above its first heading (after
    the page break it may start with), kept on the heading's page."""
    if not notice or not flowables:
        return flowables
    at = 1 if isinstance(flowables[0], PageBreak) else 0
    return [*flowables[:at], KeepTogether([*notice, flowables[at]]), *flowables[at + 1:]]


def build_worksheet(report: VisitReport, out: Path | str, *, paper: str = "letter",
                    version: str = "", generated: datetime | None = None,
                    words: Words = ENGLISH) -> Path:
    out = Path(out)
    translate, date = words.translate, words.date
    size = page_size(paper)
    width = size[0] - 2 * MARGIN
    generated = generated or datetime.now(UTC)
    title = report.visit_words(words)
    story: list = [Paragraph(esc(fill(translate("PDF", "JDM visit worksheet — %1"), title)),
                             STYLES["title"])]
    window = ""
    if report.window_start:
        window = " " + fill(translate("PDF", "(window %1 to %2)"), date(report.window_start),
                            date(report.window_end))
    story.append(key_values([
        (translate("PDF", "Site / clinic"), report.site or "—"),
        (translate("PDF", "Study ID"), report.study_id),
        (translate("PDF", "Patient"), report.patient_name or "—"),
        (translate("PDF", "Date of birth"), date(report.date_of_birth)),
        (translate("PDF", "Protocol"), report.protocol_words(words)),
        (translate("PDF", "Treatment arm"), report.arm or "—"),
        (translate("PDF", "Visit"), title),
        (translate("PDF", "Due"), date(report.target_date) + window),
        (translate("PDF", "Visit date"), "____ - ____ - ______"),
        (translate("PDF", "Completed by"), ""),
    ], width))
    story.append(p(esc(translate("PDF", "Record each item; leave nothing blank — if an item is not "
                                    "done, write the reason (not done / not applicable / "
                                    "unknown) beside it. Enter the values in jdm-ctp after the "
                                    "visit; totals are computed there.")), "small"))
    for declared in _due(report):
        story += _with_notice([f for block in declared.paper()  # type: ignore[misc]
                               for f in _block(block, width, words)],
                              notice_lines(words, declared.id))
    story.append(spacer())
    story.append(signature_block(width, words=words))
    doc = SimpleDocTemplate(str(out), pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                            topMargin=15 * mm, bottomMargin=16 * mm,
                            title=fill(translate("PDF", "Visit worksheet %1 %2"), report.study_id,
                                       title), author="jdm-ctp")
    header = f"{report.study_id} · {report.patient_name} · {title}"
    doc.build(story, canvasmaker=numbered_canvas(
        header, generated, version, QT_TRANSLATE_NOOP("PDF", "Visit worksheet"),
        report.audit_head, words=words))
    return out

