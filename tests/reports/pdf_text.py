"""Text and images out of a PDF for the tests: pypdf extracts the text, pdfium (the
pypdfium2 wheel) renders the pages, so neither needs a system package."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from pypdf import PdfReader


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def page_count(path: Path) -> int:
    return len(PdfReader(str(path)).pages)


def render_png(path: Path, out_prefix: Path) -> list[Path]:
    """Rasterise every page at 60 dpi into ``{out_prefix}-N.png``."""
    document = pypdfium2.PdfDocument(str(path))
    written = []
    try:
        for number, page in enumerate(document, start=1):
            target = out_prefix.parent / f"{out_prefix.name}-{number}.png"
            page.render(scale=60 / 72).to_pil().save(target)
            written.append(target)
    finally:
        document.close()
    return written
