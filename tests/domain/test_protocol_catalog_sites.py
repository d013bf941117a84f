"""Shipped and site protocol files (issue 7): a site adds or replaces a plan by dropping a
file into the site folder (`paths.site_protocol_dir()`, under the user's data directory);
a file that fails validation is reported and not offered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import paths
from app.catalog import _cached, protocol_catalog
from app.domain.protocol import RuleStatus, load_protocol, load_protocol_catalog

BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "protocols"
SHIPPED_IDS = ["moderate-jdm-2010", "persistent-skin-rash", "refractory-biologic"]


@pytest.fixture
def site(private_home):
    """The site folder of this test's private data directory, with a fresh catalog."""
    _cached.cache_clear()
    folder = paths.site_protocol_dir()
    assert str(private_home) in str(folder)
    yield folder
    _cached.cache_clear()


def test_the_three_shipped_plans_load(site):
    catalog = protocol_catalog()
    assert sorted(catalog.protocols) == SHIPPED_IDS
    assert catalog.rejected == [] and catalog.replaced == []
    assert catalog.get("refractory-biologic").status is RuleStatus.PROVISIONAL
    assert catalog.get("moderate-jdm-2010").status is RuleStatus.PROVISIONAL


def test_every_rule_in_the_new_plans_has_source_and_status():
    for name in ("refractory-biologic.toml", "moderate-jdm-2010.toml"):
        p = load_protocol(BUILTIN / name)
        items = [
            *p.criteria,
            *p.arms,
            *(o for a in p.arms for o in a.options),
            *(d for a in p.arms for d in a.doses),
            *(r for a in p.arms for r in a.rules),
            *(lim.rule for lim in p.concomitant_limits),
            *p.schedules,
            *p.visits,
            *p.instruments,
            *p.notes,
            *p.drug_groups,
            *p.prior_therapy_rules,
        ]
        for item in items:
            assert item.source.strip(), item
            assert isinstance(item.status, RuleStatus), item


def test_a_broken_site_file_is_reported_and_not_offered(site):
    (site / "broken.toml").write_text("id = [unclosed", encoding="utf-8")
    text = (BUILTIN / "moderate-jdm-2010.toml").read_text(encoding="utf-8")
    invalid = text.replace('id = "moderate-jdm-2010"', 'id = "site-plan"').replace(
        "cap = 40", "cap = -40", 1
    )
    (site / "site-plan.toml").write_text(invalid, encoding="utf-8")
    catalog = protocol_catalog()
    assert sorted(catalog.protocols) == SHIPPED_IDS  # neither bad file is offered
    rejected = {Path(e.file).name: e for e in catalog.rejected}
    assert set(rejected) == {"broken.toml", "site-plan.toml"}
    assert "TOML syntax error" in str(rejected["broken.toml"])
    (problem,) = rejected["site-plan.toml"].problems
    assert problem.key == "arms[0].doses[0].cap" and "greater than zero" in problem.reason


def test_a_site_file_replaces_the_shipped_one(site):
    text = (BUILTIN / "refractory-biologic.toml").read_text(encoding="utf-8")
    local = text.replace('version = "0.2-provisional"', 'version = "site-2026.1"')
    (site / "our-biologics.toml").write_text(local, encoding="utf-8")
    catalog = protocol_catalog()
    assert sorted(catalog.protocols) == SHIPPED_IDS
    chosen = catalog.get("refractory-biologic")
    assert chosen.version == "site-2026.1"
    assert Path(chosen.path).parent == site
    assert [p.version for p in catalog.replaced] == ["0.2-provisional"]
    assert chosen.content_hash != load_protocol(BUILTIN / "refractory-biologic.toml").content_hash


def test_an_invalid_site_replacement_keeps_the_shipped_plan(site):
    text = (BUILTIN / "refractory-biologic.toml").read_text(encoding="utf-8")
    bad = text.replace('option = "adalimumab"\n  drug', 'option = "golimumab"\n  drug', 1)
    assert bad != text
    (site / "refractory-biologic.toml").write_text(bad, encoding="utf-8")
    catalog = protocol_catalog()
    assert catalog.get("refractory-biologic").version == "0.2-provisional"
    assert Path(catalog.get("refractory-biologic").path).parent == BUILTIN
    (error,) = catalog.rejected
    assert {p.key for p in error.problems} >= {"arms[0].doses[0].option", "arms[0].options[0]"}


def test_a_site_may_add_a_new_plan(site):
    shutil.copy(BUILTIN / "moderate-jdm-2010.toml", site / "x.toml")
    text = (site / "x.toml").read_text(encoding="utf-8")
    (site / "x.toml").write_text(text.replace('"moderate-jdm-2010"', '"site-mtx"'), "utf-8")
    catalog = protocol_catalog()
    assert "site-mtx" in catalog.protocols and len(catalog.protocols) == 4


def test_catalog_order_is_builtin_then_site(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    shutil.copy(BUILTIN / "moderate-jdm-2010.toml", a / "p.toml")
    text = (BUILTIN / "moderate-jdm-2010.toml").read_text(encoding="utf-8")
    (b / "p.toml").write_text(text.replace("0.2-provisional", "b"), encoding="utf-8")
    assert load_protocol_catalog([a, b]).get("moderate-jdm-2010").version == "b"
    assert load_protocol_catalog([b, a]).get("moderate-jdm-2010").version == "0.2-provisional"
