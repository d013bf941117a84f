"""The visit items issue 18 added, through the registry and the plans: the autoantibody
panel is required at every plan's baseline with "not tested" an answer that meets it; the
CDASI, steroid exposure and sun protection are declared once and listed by the plans
(sun protection at follow-up visits only); the sun-protection answers are coded."""

from __future__ import annotations

from app.catalog import protocol_catalog
from app.domain.instruments.baseline_tests import AUTOANTIBODIES, AUTOANTIBODY_ANSWERS
from app.domain.instruments.declaration import VisitContext, unmet_requirements
from app.domain.instruments.registry import BY_PROTOCOL_ID, instrument
from app.domain.instruments.sun_protection import validate_sun_protection
from app.domain.visit_values import ItemEntry


def test_every_plan_requires_the_antibody_panel_at_baseline():
    for protocol in protocol_catalog().protocols.values():
        baseline = next(v for v in protocol.visits if v.id == "baseline")
        assert "autoantibodies" in baseline.instruments, protocol.id
        assert "autoantibodies" not in baseline.optional_instruments, protocol.id
        declared = next(i for i in protocol.instruments if i.id == "autoantibodies")
        assert "not tested" in declared.source and declared.status == "provisional"


def test_not_tested_meets_the_requirement_and_blank_does_not():
    panel = instrument("autoantibodies")
    requirements = tuple(panel.requirements("autoantibodies", VisitContext()))
    assert len(requirements) == len(AUTOANTIBODIES) == 13
    assert ("not_tested", "Not tested") in AUTOANTIBODY_ANSWERS
    answered = {code: ItemEntry(value_text="not_tested") for code, _ in AUTOANTIBODIES}
    answered["tif1g"] = ItemEntry(value_text="positive")
    assert unmet_requirements(requirements, {"autoantibodies": answered}) == ()
    del answered["mda5"]
    unmet = unmet_requirements(requirements, {"autoantibodies": answered})
    assert [r.code for r in unmet] == ["autoantibodies:mda5"]
    assert "not tested" in unmet[0].label


def test_the_new_instruments_are_declared_once_and_listed_by_every_plan():
    for protocol_id in ("cdasi", "steroid_exposure", "sun_protection"):
        assert protocol_id in BY_PROTOCOL_ID
    for protocol in protocol_catalog().protocols.values():
        for visit in protocol.visits:
            listed = set(visit.instruments) | set(visit.optional_instruments)
            assert {"cdasi", "steroid_exposure"} <= listed, (protocol.id, visit.id)
            assert ("sun_protection" in listed) == (visit.id != "baseline"), \
                (protocol.id, visit.id)


def test_sun_protection_answers_are_codes():
    assert validate_sun_protection({"counselled": "yes", "adherence": "mostly"}) == {}
    problems = validate_sun_protection({"counselled": "Y", "adherence": "often"})
    assert set(problems) == {"counselled", "adherence"}
    assert "always or nearly always, most days" in problems["adherence"]
