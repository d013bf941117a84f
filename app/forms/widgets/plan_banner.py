"""The provisional-plan banner at the top of every page of a provisional plan (screening
and enrollment wizards)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel

from app.forms.widgets import BANNER_STYLES, banner


def plan_banner() -> QLabel:
    """Hidden until the page knows its plan is provisional."""
    label = banner(QCoreApplication.translate(
        "PlanBanner", "PROVISIONAL PLAN — provisional — verify against the published "
        "plan before use"), point_size=13)
    label.setStyleSheet(BANNER_STYLES["wait"])
    label.setAccessibleName(QCoreApplication.translate("PlanBanner", "Provisional plan banner"))
    label.setAlignment(Qt.AlignCenter)
    label.hide()
    return label
