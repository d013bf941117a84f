"""The print preview's own rasteriser (pdfium into a QImage, no Pillow): right size, right
colours, every page."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from reportlab.lib.colors import Color
from reportlab.pdfgen.canvas import Canvas

from app.forms.pdf_preview import rasterize_pdf

pytestmark = pytest.mark.usefixtures("system_actor")

# A 144 x 72 pt page (2 x 1 inch): red square in the left half, blue in the right,
# each inset by 18 pt; the rest white.
WIDTH_PT, HEIGHT_PT = 144, 72


def _two_page_pdf(path):
    canvas = Canvas(str(path), pagesize=(WIDTH_PT, HEIGHT_PT))
    for _page in range(2):
        canvas.setFillColor(Color(1, 0, 0))
        canvas.rect(18, 18, 36, 36, stroke=0, fill=1)
        canvas.setFillColor(Color(0, 0, 1))
        canvas.rect(90, 18, 36, 36, stroke=0, fill=1)
        canvas.showPage()
    canvas.save()
    return path


def test_pages_render_at_the_asked_resolution_in_the_right_colours(tmp_path):
    pages = rasterize_pdf(_two_page_pdf(tmp_path / "two.pdf"), dpi=144)
    assert len(pages) == 2
    for image in pages:
        # 144 pt at 144 dpi = 2 inches x 144 = 288 px wide; 72 pt = 144 px high
        assert (image.width(), image.height()) == (288, 144)
        # red square: 18..54 pt -> 36..108 px from the left; its centre at 72 px
        assert QColor(image.pixel(72, 72)).getRgb()[:3] == (255, 0, 0)
        # blue square: 90..126 pt -> 180..252 px; centre at 216 px (not swapped to red)
        assert QColor(image.pixel(216, 72)).getRgb()[:3] == (0, 0, 255)
        assert QColor(image.pixel(5, 5)).getRgb()[:3] == (255, 255, 255)


def test_the_image_owns_its_pixels(tmp_path):
    (first, _second) = rasterize_pdf(_two_page_pdf(tmp_path / "two.pdf"), dpi=72)
    # pdfium's buffer is freed when rasterising returns; the copy must still be intact
    assert QColor(first.pixel(36, 36)).getRgb()[:3] == (255, 0, 0)
