"""One signal per kind of change, so every open list refreshes itself.

The main window owns one ``DataChanges``; whatever saves (a visit form, a wizard, a
dialog) reports through it, and every open view that shows that data listens: the
patient page's Visits tab and the due list no longer say "Not started — due" for a visit
just completed beneath them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataChanges(QObject):
    visit_saved = Signal(int)  # visit id: saved, completed, signed or unlocked
    patient_changed = Signal(int)  # patient id: identity, screening, enrollment, arm
