"""The printed audit trail: a landscape A4 table of entries, as shown on screen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from app.reports.pdf_common import FONT, FONT_BOLD, audit_head_words, esc
from app.reports.words import ENGLISH, Words, fill

COLUMN_WIDTHS_MM = (28, 20, 20, 22, 14, 28, 50, 50, 45)


def write_audit_pdf(headers: Sequence[str], rows: Sequence[Sequence[str]], path: str | Path,
                    *, title: str, scope: str, printed: datetime, audit_head: str = "",
                    words: Words = ENGLISH) -> Path:
    """Write the rows (already as the text of each column) under ``headers``; returns the
    path written. Entries hold identified data: the footer says so on every page.
    ``headers``, ``title`` and ``scope`` come in the document's language; its own words
    are written in ``words``' language."""
    translate = words.translate
    audit_head = audit_head_words(audit_head, words)
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("audit_small", fontName=FONT, fontSize=7, leading=8.5)
    heading = styles["Title"].clone("audit_title", fontName=FONT_BOLD)
    body = styles["BodyText"].clone("audit_body", fontName=FONT)
    target = Path(path)
    document = SimpleDocTemplate(str(target), pagesize=landscape(A4), leftMargin=10 * mm,
                                 rightMargin=10 * mm, topMargin=10 * mm, bottomMargin=12 * mm,
                                 title=title)
    data = [[Paragraph(esc(h), small) for h in headers]]
    data += [[Paragraph(esc(text), small) for text in row] for row in rows]
    table = LongTable(data, colWidths=[x * mm for x in COLUMN_WIDTHS_MM], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    story = [
        Paragraph(esc(title), heading),
        Paragraph(esc(fill(translate("PDF", "%1. %2 entries. Printed %3."), scope, len(rows),
                           printed.strftime('%Y-%m-%d %H:%M %Z'))), body),
        Spacer(1, 4 * mm),
        table,
    ]

    def footer(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.drawRightString(doc.pagesize[0] - 10 * mm, 6 * mm,
                               fill(translate("PDF", "Page %1"), doc.page))
        canvas.drawString(10 * mm, 6 * mm,
                          fill(translate("PDF", "%1 — identified data, keep confidential"),
                               title))
        if audit_head:
            canvas.drawString(10 * mm, 3 * mm, audit_head)
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return target
