"""Shared look of the printed documents: black and white, Letter or A4, a running header
(patient, visit), a footer with "page x of y", generation time and application version,
and small helpers for tables and section titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdf_canvas
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from app import paths
from app.domain.instruments.printed import fmt_num  # noqa: F401 - printed numbers, one rule
from app.reports.words import ENGLISH, PDF, QT_TRANSLATE_NOOP, Words, fill

# Helvetica (a PDF base font) has only the WinAnsi characters: "Nguyễn" printed as
# "Nguy■n". DejaVu Sans Condensed, shipped in resources/fonts with its licence, covers
# Latin (Vietnamese, Polish…), Greek and Cyrillic, is embedded (subset) in every PDF, and
# is about as wide as Helvetica, so the layouts did not change.
FONT = "DejaVuSansCondensed"
FONT_BOLD = "DejaVuSansCondensed-Bold"
for _name in (FONT, FONT_BOLD):
    pdfmetrics.registerFont(TTFont(_name, str(paths.resources_dir() / "fonts" / f"{_name}.ttf")))
pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                              boldItalic=FONT_BOLD)

PAPERS = {"letter": LETTER, "a4": A4}
MARGIN = 16 * mm
GREY = colors.Color(0.85, 0.85, 0.85)  # light grey reads as grey on any B&W printer

_base = getSampleStyleSheet()
STYLES = {
    "title": ParagraphStyle("title", parent=_base["Title"], fontName=FONT_BOLD,
                            fontSize=15, leading=18, alignment=TA_LEFT, spaceAfter=2),
    "h2": ParagraphStyle("h2", parent=_base["Heading2"], fontName=FONT_BOLD,
                         fontSize=11, leading=13, spaceBefore=7, spaceAfter=3),
    "body": ParagraphStyle("body", parent=_base["BodyText"], fontName=FONT,
                           fontSize=8.5, leading=10.5),
    "small": ParagraphStyle("small", parent=_base["BodyText"], fontName=FONT,
                            fontSize=7.5, leading=9),
    "cell": ParagraphStyle("cell", parent=_base["BodyText"], fontName=FONT,
                           fontSize=8, leading=9.5),
    "cellb": ParagraphStyle("cellb", parent=_base["BodyText"], fontName=FONT_BOLD,
                            fontSize=8, leading=9.5),
}


def page_size(paper: str) -> tuple[float, float]:
    try:
        return PAPERS[paper.lower()]
    except KeyError:
        raise ValueError(f"paper must be one of {', '.join(PAPERS)}; {paper!r} was given") from None


def esc(text: object) -> str:
    """Text made safe for a reportlab Paragraph (which reads a little XML)."""
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def fmt_date(value: date | None) -> str:
    return value.isoformat() if value else "—"


def p(text: str, style: str = "cell") -> Paragraph:
    return Paragraph(text, STYLES[style])


def notice_lines(words: Words, instrument: str) -> list[Paragraph]:
    """``instrument``'s translation notice (Words.translation_notice) as small paragraphs,
    printed once where the document prints its item wording; none in English."""
    return [p(esc(line), "small") for line in words.translation_notice(instrument)]


def bold(text: str) -> Paragraph:
    return p(f"<b>{esc(text)}</b>")


def section(title: str, *, markup: bool = False) -> Paragraph:
    return Paragraph(title if markup else esc(title), STYLES["h2"])


def grid(rows: Sequence[Sequence[object]], widths: Sequence[float], *, header: bool = True,
         zebra: bool = False, row_height: float | None = None) -> Table:
    """A ruled table; cells that are strings become wrapped paragraphs."""
    body = [[p(esc(c)) if isinstance(c, str) else c for c in row] for row in rows]
    if header and body:
        body[0] = [p(f"<b>{esc(c)}</b>") if isinstance(c, str) else c for c in rows[0]]
    heights = None
    if row_height is not None:  # blank forms: room to write by hand
        heights = [None if (header and i == 0) else row_height for i in range(len(body))]
    table = Table(body, colWidths=widths, rowHeights=heights, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), GREY))
    if zebra:
        for i in range(2, len(body), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), colors.Color(0.95, 0.95, 0.95)))
    table.setStyle(TableStyle(style))
    return table


def key_values(pairs: Sequence[tuple[str, str]], width: float, columns: int = 2) -> Table:
    """Label/value pairs laid out in ``columns`` column pairs, for the document head."""
    rows = []
    per_row = columns
    for i in range(0, len(pairs), per_row):
        row: list[object] = []
        for label, value in pairs[i:i + per_row]:
            row += [p(f"<b>{esc(label)}</b>"), p(esc(value))]
        while len(row) < 2 * per_row:
            row += ["", ""]
        rows.append(row)
    label_w = 0.17 * width
    value_w = width / per_row - label_w
    table = Table(rows, colWidths=[label_w, value_w] * per_row)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.8, colors.black),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]))
    return table


def provisional_banner(width: float, notes: tuple[str, ...] | list[str],
                       words: Words = ENGLISH) -> list:
    """A boxed "PROVISIONAL — verify against the published plan" notice, or nothing."""
    if not notes:
        return []
    head = words.translate("PDF", "PROVISIONAL — verify against the published plan.")
    text = (f"<b>{esc(head)}</b><br/>"
            + "<br/>".join(esc(words.sentences(PDF, n)) for n in notes))
    box = Table([[p(text)]], colWidths=[width])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.5, colors.black),
                             ("LEFTPADDING", (0, 0), (-1, -1), 6),
                             ("TOPPADDING", (0, 0), (-1, -1), 4),
                             ("BOTTOMPADDING", (0, 0), (-1, -1), 5)]))
    return [box, Spacer(1, 3 * mm)]


def audit_head_text(entry_id: int | None, entry_hash: str | None,
                    words: Words = ENGLISH) -> str:
    """How the audit trail's head is printed on every page."""
    if entry_id is None or not entry_hash:
        return words.translate("PDF", "Audit trail: empty")
    return fill(words.translate("PDF", "Audit trail head: entry %1, SHA-256 %2"), entry_id,
                entry_hash)


_AUDIT_HEAD = re.compile(r"Audit trail head: entry (\d+), SHA-256 ([0-9a-f]+)")


def audit_head_words(text: str, words: Words = ENGLISH) -> str:
    """An audit head written by ``audit_head_text`` in English (as the report carries it)
    in the document's language."""
    if text == "Audit trail: empty":
        return audit_head_text(None, None, words)
    match = _AUDIT_HEAD.fullmatch(text)
    return audit_head_text(int(match[1]), match[2], words) if match else text


def signature_block(width: float, signed_by: str | None = None, signed_at: datetime | None = None,
                    meaning: str | None = None, status: str | None = None,
                    words: Words = ENGLISH) -> KeepTogether:
    """Name, date/time and meaning of the signature (filled once the visit is signed), and
    whether the signature still matches what was signed (``status``)."""
    translate = words.translate
    signature: object = ""
    if signed_by:
        text = esc(translate("PDF", "Signed electronically (password re-entered)"))
        if status:
            status_words = translate(PDF, status)
            shown = status_words if status == "signature valid" else fill(
                translate("PDF", "NOT VALID: %1"), status_words)
            text += f"<br/><b>{esc(shown)}</b>"
        signature = p(text)
    rows = [
        [bold(translate("PDF", "Signed by (name)")), p(esc(signed_by or "")),
         bold(translate("PDF", "Date / time")),
         p(esc(signed_at.strftime("%Y-%m-%d %H:%M UTC") if signed_at else ""))],
        [bold(translate("PDF", "Meaning")), p(esc(words.sentences(PDF, meaning or ""))),
         bold(translate("PDF", "Signature")), signature],
    ]
    table = Table(rows, colWidths=[0.16 * width, 0.34 * width, 0.16 * width, 0.34 * width],
                  rowHeights=[9 * mm, 11 * mm])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return KeepTogether([section(translate("PDF", "Signature")), table])


PATIENT_DOCUMENT = QT_TRANSLATE_NOOP("PDF", "CONFIDENTIAL: contains patient information")


def numbered_canvas(header_text: str, generated: datetime, version: str,
                    document: str, audit_head: str = "",
                    holds: str = PATIENT_DOCUMENT,
                    words: Words = ENGLISH) -> type[pdf_canvas.Canvas]:
    """A canvas class that knows the page count, for "Page x of y" footers; the footer
    says what the document ``holds`` (a patient's document unless told otherwise).
    ``document`` and ``holds`` are given in English and printed in ``words``' language."""
    document = words.translate(PDF, document)
    holds = words.translate(PDF, holds)
    audit_head = audit_head_words(audit_head, words)
    footer = words.translate("PDF", "Generated %1 · jdm-ctp %2 · %3")
    page_of = words.translate("PDF", "Page %1 of %2")

    class NumberedCanvas(pdf_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.setFont(FONT, 7.5)
            self.setFillColor(colors.black)
            self.drawString(MARGIN, height - 10 * mm, header_text)
            self.drawRightString(width - MARGIN, height - 10 * mm, document)
            self.setLineWidth(0.4)
            self.line(MARGIN, height - 11.5 * mm, width - MARGIN, height - 11.5 * mm)
            self.line(MARGIN, 12 * mm, width - MARGIN, 12 * mm)
            self.drawString(MARGIN, 8.5 * mm,
                            fill(footer, generated.strftime('%Y-%m-%d %H:%M UTC'), version,
                                 holds))
            self.drawRightString(width - MARGIN, 8.5 * mm,
                                 fill(page_of, self._pageNumber, total))
            if audit_head:
                self.setFont(FONT, 6.5)
                self.drawString(MARGIN, 5 * mm, audit_head)

    return NumberedCanvas


def spacer(height_mm: float = 2) -> Spacer:
    return Spacer(1, height_mm * mm)
