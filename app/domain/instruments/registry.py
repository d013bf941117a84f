"""The registry of visit instruments: every instrument's declaration, in the order of the
visit form and of the export (architecture, "One registry per concept").

To add an instrument: write its module under ``app/domain/instruments/`` ending with its
``VisitInstrument`` declaration, list it in ``INSTRUMENTS`` below, and give it a form
section in ``app/forms/visit_sections/`` registered in ``SECTION_WIDGETS`` there
(docs/architecture.md lists the files).
"""

from __future__ import annotations

from app.domain import response_section
from app.domain.instruments import (
    adverse_events,
    baseline_tests,
    cdasi,
    chaq,
    cmas,
    enzymes,
    globals,
    medications,
    mmt8,
    skin,
    steroid_exposure,
    sun_protection,
)
from app.domain.instruments.data_dictionary import ExportContext, Form
from app.domain.instruments.declaration import VisitInstrument

INSTRUMENTS: tuple[VisitInstrument, ...] = (
    globals.DEFINITION,
    cmas.DEFINITION,
    chaq.DEFINITION,
    mmt8.DEFINITION,
    enzymes.DEFINITION,
    skin.DEFINITION,
    cdasi.DEFINITION,
    sun_protection.DEFINITION,
    baseline_tests.MRI,
    baseline_tests.AUTOANTIBODY_PANEL,
    medications.DEFINITION,
    steroid_exposure.DEFINITION,
    adverse_events.DEFINITION,
    response_section.DEFINITION,
)

BY_ID: dict[str, VisitInstrument] = {i.id: i for i in INSTRUMENTS}
BY_PROTOCOL_ID: dict[str, VisitInstrument] = {p: i for i in INSTRUMENTS for p in i.protocol_ids}
BY_STORED: dict[str, VisitInstrument] = {s: i for i in INSTRUMENTS for s in i.stored}
# Every storage key of an instrument item (``instrument_value.instrument``), in form order.
STORED: tuple[str, ...] = tuple(s for i in INSTRUMENTS for s in i.stored)


def instrument(instrument_id: str) -> VisitInstrument:
    return BY_ID[instrument_id]


def protocol_instrument_ids() -> tuple[str, ...]:
    """The ids a protocol file's ``[[instruments]]`` and visits may name."""
    return tuple(BY_PROTOCOL_ID)


def stored_label(stored: str) -> str:
    """The label of the form section where a stored instrument's items are entered."""
    found = BY_STORED.get(stored)
    return found.label if found is not None else stored


def visit_export_forms(ctx: ExportContext) -> tuple[Form, ...]:
    """The export forms filled at a visit, in registry order."""
    return tuple(form for i in INSTRUMENTS if i.export_forms is not None
                 for form in i.export_forms(ctx))


def item_labels() -> dict[str, str]:
    """Every entered item's display name by item code (missing-item lists)."""
    out: dict[str, str] = {}
    for i in INSTRUMENTS:
        if i.item_labels is not None:
            out.update(i.item_labels())
    return out


__all__ = [
    "BY_ID",
    "BY_PROTOCOL_ID",
    "BY_STORED",
    "INSTRUMENTS",
    "STORED",
    "instrument",
    "item_labels",
    "protocol_instrument_ids",
    "stored_label",
    "visit_export_forms",
]
