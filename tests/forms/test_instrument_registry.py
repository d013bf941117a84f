"""The instrument registry is the one list every layer reads: each instrument has its
section widget and no widget is without an instrument; whatever a section can store
belongs to its instrument and has an export column, so nothing typed at a visit is left
out of an export (the CHAQ's "other" aid domains were, before dictionary version 3);
every instrument a shipped plan lists is one the registry declares."""

from __future__ import annotations

from datetime import date

import pytest

from app.catalog import protocol_catalog
from app.domain.instruments.registry import BY_PROTOCOL_ID, INSTRUMENTS
from app.forms.visit_sections.registry import SECTION_WIDGETS, SectionContext, make_section
from app.reports.fields import build_catalogue


def test_every_instrument_has_a_section_and_every_section_an_instrument():
    assert set(SECTION_WIDGETS) == {i.id for i in INSTRUMENTS}


def test_every_instrument_a_shipped_plan_lists_is_declared():
    for protocol in protocol_catalog().protocols.values():
        for instrument in protocol.instruments:
            assert instrument.id in BY_PROTOCOL_ID, (protocol.id, instrument.id)


@pytest.mark.parametrize("declared", INSTRUMENTS, ids=lambda i: i.id)
def test_what_a_section_stores_is_its_instruments_and_is_exported(qtbot, declared):
    section = make_section(declared.id, SectionContext(follow_up=True, shown=None,
                                                       today=date(2026, 11, 21)))
    qtbot.addWidget(section)
    stored = {(f.instrument, f.item) for f in section.fields.values()}
    stored |= {("chaq", code) for code in getattr(section, "flags", {})}  # CHAQ aids, help
    assert {instrument for instrument, _ in stored} <= set(declared.stored), declared.id
    columns = build_catalogue(True).item_map
    missing = sorted(item for item in stored if item not in columns)
    assert missing == [], f"{declared.id}: stored but never exported: {missing}"
