"""Render resources/icons/jdm-ctp.svg to the PNG (Linux, macOS) and ICO (Windows) icons.

Run after changing the SVG; the results are committed so a bundle build needs neither
Qt's SVG module nor Pillow at build time:

    .venv/bin/python installer/make_icons.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
PNG_SIZE = 256
ICO_SIZES = [(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)]


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "jdm-ctp.svg"))
    if not renderer.isValid():
        print("jdm-ctp.svg is not a valid SVG", file=sys.stderr)
        return 1
    image = QImage(PNG_SIZE, PNG_SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    png = ICONS / "jdm-ctp.png"
    image.save(str(png))
    Image.open(png).save(ICONS / "jdm-ctp.ico", sizes=ICO_SIZES)
    print(f"wrote {png} and {ICONS / 'jdm-ctp.ico'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
