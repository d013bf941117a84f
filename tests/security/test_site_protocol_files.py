"""Issue 15, item 4: a protocol file in the site folder can neither silently replace a
shipped plan nor poison the others.

Each test attacks one guarantee through the command line (`jdm-ctp protocols`,
`jdm-ctp dose`) or the catalog the GUI reads, with the file a hostile or careless site
author would drop into the site folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import paths
from app.catalog import _cached, protocol_catalog
from app.cli import main
from app.domain.protocol import PlanOrigin, load_protocol, load_protocol_catalog

BUILTIN = Path(__file__).resolve().parents[2] / "resources" / "protocols"
SKIN = BUILTIN / "persistent-skin-rash.toml"
SHIPPED_IDS = ["moderate-jdm-2010", "persistent-skin-rash", "refractory-biologic"]

# The IVIG dose of arm A as shipped, and as the attack in the issue rewrote it.
SHIPPED_IVIG = 'amount = 2\n  unit = "g"\n  per = "dose"\n  cap = 70\n'
POISONED_IVIG = 'amount = 20\n  unit = "g"\n  per = "dose"\n'


@pytest.fixture
def site(private_home):
    _cached.cache_clear()
    folder = paths.site_protocol_dir()
    folder.mkdir(parents=True, exist_ok=True)
    yield folder
    _cached.cache_clear()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    _cached.cache_clear()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def skin_text(version: str | None = None, ivig: str = SHIPPED_IVIG) -> str:
    text = SKIN.read_text(encoding="utf-8")
    assert SHIPPED_IVIG in text
    text = text.replace(SHIPPED_IVIG, ivig, 1)
    if version is not None:
        text = text.replace('version = "2017.2"', f'version = "{version}"', 1)
    return text


def ivig_for_20_kg(capsys) -> dict:
    code, out, err = run(capsys, "dose", "--protocol", "persistent-skin-rash", "--arm", "A",
                         "--weight-kg", "20", "--json")
    assert code == 0, err
    refused = len(protocol_catalog().rejected)
    if refused:  # the dose is given, with one line saying files were refused
        assert err.splitlines() == [
            f"jdm-ctp dose: note: {refused} protocol file{'s' if refused > 1 else ''} refused "
            "(see `jdm-ctp protocols`)"]
    else:
        assert err == ""
    return json.loads(out)


def rejected_reasons(name: str) -> list[str]:
    catalog = protocol_catalog()
    return [f"{p.key}: {p.reason}" for e in catalog.rejected if Path(e.file).name == name
            for p in e.problems]


# --------------------------------------------------------------------------- replacing


def test_the_attack_of_the_issue_ivig_20_g_per_kg_under_the_shipped_id_and_version(
        site, capsys):
    (site / "skin.toml").write_text(skin_text(ivig=POISONED_IVIG), encoding="utf-8")
    report = ivig_for_20_kg(capsys)
    # The shipped rule still applies: 2 g/kg × 20 kg = 40 g (below the 70 g cap).
    (dose,) = report["doses"]
    assert (dose["amount"], dose["unit"]) == (40, "g")
    assert report["protocol_version"] == "2017.2"
    assert report["plan_origin"] == "shipped"
    reasons = rejected_reasons("skin.toml")
    assert any(r.startswith("arms[0].doses[0].cap: is missing") for r in reasons), reasons
    code, _, err = run(capsys, "protocols")
    assert code == 1 and "skin.toml" in err


@pytest.mark.parametrize("ivig", [
    SHIPPED_IVIG,  # an exact copy
    # A valid rule with another amount under the shipped name: 1 g/kg (max 35 g).
    'amount = 1\n  unit = "g"\n  per = "dose"\n  cap = 35\n',
])
def test_a_site_file_may_not_reuse_a_shipped_id_and_version(site, capsys, ivig):
    (site / "copy.toml").write_text(skin_text(ivig=ivig), encoding="utf-8")
    catalog = protocol_catalog()
    assert catalog.get("persistent-skin-rash").origin is PlanOrigin.SHIPPED
    assert Path(catalog.get("persistent-skin-rash").path).parent == BUILTIN
    (reason,) = rejected_reasons("copy.toml")
    assert reason.startswith("version: ") and "persistent-skin-rash" in reason
    assert '"2017.2"' in reason and "shipped" in reason and "own version" in reason
    (dose,) = ivig_for_20_kg(capsys)["doses"]
    assert dose["amount"] == 40  # 2 g/kg × 20 kg = 40 g, the shipped rule
    code, _, err = run(capsys, "protocols")
    assert code == 1
    (line,) = [x for x in err.splitlines() if "copy.toml" in x]


def test_a_replacement_with_its_own_version_is_offered_as_a_site_plan_with_its_hash(
        site, capsys):
    text = skin_text(version="site-2026.1")
    (site / "our-skin.toml").write_text(text, encoding="utf-8")
    plan = protocol_catalog().get("persistent-skin-rash")
    assert plan.origin is PlanOrigin.SITE and plan.version == "site-2026.1"
    assert plan.content_hash == load_protocol(site / "our-skin.toml").content_hash
    code, out, err = run(capsys, "protocols")
    assert code == 0, err
    line = next(x for x in out.splitlines() if x.startswith("persistent-skin-rash"))
    assert "site plan" in line and plan.content_hash[:12] in line
    code, out, _ = run(capsys, "dose", "--protocol", "persistent-skin-rash", "--arm", "A",
                       "--weight-kg", "20")
    assert code == 0
    assert "site plan" in out.splitlines()[0] and plan.content_hash[:12] in out.splitlines()[0]
    report = ivig_for_20_kg(capsys)
    assert report["plan_origin"] == "site"
    assert report["protocol_hash"] == plan.content_hash


# --------------------------------------------------------------------------- poisoning


@pytest.mark.parametrize(
    ("ivig", "expected"),
    [
        # A per-kg rule with no cap and no word on why (the issue's 20 g/kg rule, new version).
        (POISONED_IVIG, "arms[0].doses[0].cap: is missing"),
        # "uncapped = false" is no excuse for a missing cap.
        ('amount = 2\n  unit = "g"\n  per = "dose"\n  uncapped = false\n',
         "arms[0].doses[0].cap: is missing"),
        # Declared uncapped, but without the reason.
        ('amount = 2\n  unit = "g"\n  per = "dose"\n  uncapped = true\n',
         "arms[0].doses[0].uncapped_reason: is missing"),
        # Both a cap and "uncapped": contradicts itself.
        ('amount = 2\n  unit = "g"\n  per = "dose"\n  cap = 70\n  uncapped = true\n'
         '  uncapped_reason = "no maximum"\n', "arms[0].doses[0].uncapped: "),
        # 20 g/kg is above the drug-independent bound of 2 g (2000 mg) per kg, cap or not.
        ('amount = 20\n  unit = "g"\n  per = "dose"\n  cap = 70\n',
         "arms[0].doses[0].amount: 20 g per kg is above"),
        # 70 kg as the cap (a unit slip: g for mg): above the 100 g bound of any amount.
        ('amount = 2\n  unit = "g"\n  per = "dose"\n  cap = 7000\n',
         "arms[0].doses[0].cap: 7000 g is above"),
        # Below the lower bound of any amount (1 µg).
        ('amount = 0.0000001\n  unit = "g"\n  per = "dose"\n  cap = 70\n',
         "arms[0].doses[0].amount: 1e-07 g per kg is below"),
    ],
)
def test_a_dose_rule_that_could_harm_is_refused(site, capsys, ivig, expected):
    (site / "skin.toml").write_text(skin_text(version="site-1", ivig=ivig), encoding="utf-8")
    reasons = rejected_reasons("skin.toml")
    assert any(r.startswith(expected) for r in reasons), reasons
    (dose,) = ivig_for_20_kg(capsys)["doses"]
    assert dose["amount"] == 40  # 2 g/kg × 20 kg, the shipped rule


def test_a_sub_rule_amount_is_bounded_in_its_dose_unit(site):
    text = (BUILTIN / "persistent-skin-rash.toml").read_text(encoding="utf-8")
    old = "{ kind = \"per_m2\", amount = 600 }"
    assert old in text
    bad = text.replace(old, "{ kind = \"per_m2\", amount = 60000 }", 1)
    bad = bad.replace('version = "2017.2"', 'version = "site-1"', 1)
    (site / "mmf.toml").write_text(bad, encoding="utf-8")
    reasons = rejected_reasons("mmf.toml")
    assert any("rules[1].amount: 60000 mg per m² is above" in r for r in reasons), reasons


@pytest.mark.parametrize("status", ["seed", "published"])
def test_a_firm_status_in_a_site_file_needs_a_source_that_names_something(site, status):
    text = skin_text(version="site-1")
    first = 'source = "Huber et al. J Rheumatol 2017;44:110-16 (seed 000), Table 2, Treatment A"'
    text = text.replace(first, 'source = "-"', 1).replace(
        'status = "seed"', f'status = "{status}"')
    (site / "skin.toml").write_text(text, encoding="utf-8")
    reasons = rejected_reasons("skin.toml")
    assert any(r.startswith("arms[0].source:") and "names no source" in r
               for r in reasons), reasons


def test_the_shipped_plans_load_with_their_caps_or_stated_reasons():
    for path in sorted(BUILTIN.glob("*.toml")):
        plan = load_protocol(path)
        for arm in plan.arms:
            for dose in arm.doses:
                if dose.grows_with_body:
                    assert dose.cap is not None or dose.uncapped_reason.strip(), (path, dose)


# --------------------------------------------------------------------------- hostile files


def assert_only_that_file_is_refused(capsys, name: str, words: str) -> None:
    code, out, err = run(capsys, "protocols")
    assert code == 1
    assert sorted(line.split()[0] for line in out.splitlines()) == SHIPPED_IDS
    lines = [x for x in err.splitlines() if name in x]
    assert len(lines) == 1 and words in lines[0], err
    (dose,) = ivig_for_20_kg(capsys)["doses"]
    assert dose["amount"] == 40


def test_a_deeply_nested_array_is_refused_alone(site, capsys):
    (site / "deep.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n",
                                    encoding="utf-8")
    assert_only_that_file_is_refused(capsys, "deep.toml", "nested too deeply")


def test_nesting_inside_the_dose_rules_is_refused_alone(site, capsys):
    rule = '{ kind = "per_kg", amount = 1 }'
    for _ in range(40):
        rule = f'{{ kind = "greater_of", rules = [{rule}, {{ kind = "fixed", amount = 1 }}] }}'
    text = skin_text(version="site-1").replace(
        '  kind = "per_kg"\n  amount = 2\n', f"  kind = \"greater_of\"\n  rules = [{rule}, "
        '{ kind = "fixed", amount = 1 }]\n', 1)
    (site / "nested.toml").write_text(text, encoding="utf-8")
    assert_only_that_file_is_refused(capsys, "nested.toml", "nested too deeply")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs exist only on POSIX systems")
def test_a_fifo_named_like_a_protocol_file_does_not_hang_the_commands(site, tmp_path):
    os.mkfifo(site / "x.toml")
    env = {**os.environ, "JDM_CTP_HOME": os.environ["JDM_CTP_HOME"]}
    # A hang would block the test run forever; the timeout only turns it into a failure.
    result = subprocess.run([sys.executable, "-m", "app", "protocols"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    (line,) = [x for x in result.stderr.splitlines() if "x.toml" in x]
    assert "not a regular file" in line
    assert sorted(x.split()[0] for x in result.stdout.splitlines()) == SHIPPED_IDS


def test_a_folder_or_a_device_named_like_a_protocol_file_is_refused(site, capsys):
    (site / "folder.toml").mkdir()
    if Path("/dev/zero").exists():
        (site / "zero.toml").symlink_to("/dev/zero")
    catalog = protocol_catalog()
    assert sorted(catalog.protocols) == SHIPPED_IDS
    for error in catalog.rejected:
        assert "not a regular file" in str(error)
    assert {Path(e.file).name for e in catalog.rejected} >= {"folder.toml"}


def test_a_huge_file_is_refused_without_reading_it_all(site, capsys):
    with open(site / "huge.toml", "wb") as f:
        f.write(b"# " + b"x" * 1000 + b"\n")
        f.truncate(64 * 1024 * 1024)  # sparse: 64 MiB
    assert_only_that_file_is_refused(capsys, "huge.toml", "larger than")


def test_undecodable_bytes_are_refused_alone(site, capsys):
    (site / "latin.toml").write_bytes(SKIN.read_bytes().replace(b"Huber", b"H\xfcber", 1))
    assert_only_that_file_is_refused(capsys, "latin.toml", "not UTF-8")


def test_dose_of_a_refused_plan_names_the_refusal(site, capsys):
    (site / "deep.toml").write_text("x = " + "[" * 100_000 + "]" * 100_000 + "\n",
                                    encoding="utf-8")
    code, out, err = run(capsys, "dose", "--protocol", "nowhere", "--arm", "A",
                         "--weight-kg", "20")
    assert code == 2 and "Unknown protocol" in err
    assert "deep.toml" in err  # a refused file may be the plan the user meant


def test_an_uncapped_dose_says_why_where_the_dose_is_shown(site, capsys):
    code, out, err = run(capsys, "dose", "--protocol", "persistent-skin-rash", "--arm", "C",
                         "--weight-kg", "20", "--json")
    assert code == 0, err
    (dose,) = json.loads(out)["doses"]
    # at least 3 mg/kg/day × 20 kg = 60 mg/day; the plan gives no maximum, and says so
    assert (dose["drug"], dose["amount"], dose["capped"]) == ("cyclosporine", 60, False)
    assert "no maximum: The plan gives only a minimum" in dose["derivation"]


# --------------------------------------------------------------------------- any bytes

MINIMAL = Path(__file__).resolve().parents[1] / "domain" / "protocol_fixtures" / "minimal.toml"
_TOML_PIECES = st.sampled_from([
    "[", "]", "{", "}", "=", ",", '"', "'", "\n", "[[arms]]\n", "x", "1e999", "nan",
    "amount = ", "cap = ", "kind = \"per_kg\"\n", "\\u0000", "\xff", "#", " ", "1979-05-27",
])


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(junk=st.one_of(
    st.binary(max_size=300),
    st.lists(_TOML_PIECES, max_size=80).map(lambda parts: "".join(parts).encode("utf-8",
                                                                               "surrogatepass")),
    st.integers(0, 200).map(lambda n: b"a = " + b"[" * n * 3 + b"]" * n * 3),
))
def test_no_file_content_affects_the_other_plans(tmp_path, junk):
    """Whatever bytes a site file holds, the catalog finishes, the good plan stays on offer,
    and the bad file is either a valid plan or refused with at least one reason."""
    shipped, site = tmp_path / "shipped", tmp_path / "site"
    shipped.mkdir(exist_ok=True)
    site.mkdir(exist_ok=True)
    (shipped / "mini.toml").write_bytes(MINIMAL.read_bytes())
    (site / "junk.toml").write_bytes(junk)
    catalog = load_protocol_catalog([shipped, site])
    assert "mini" in catalog.protocols
    assert all(error.problems for error in catalog.rejected)
    assert len(catalog.rejected) <= 1


def test_an_unreadable_site_folder_leaves_the_shipped_plans(site, capsys, monkeypatch):
    (site / "our-skin.toml").write_text(skin_text(version="site-1"), encoding="utf-8")
    real_glob = Path.glob

    def glob(self, pattern):
        if self == site:  # as a folder without read permission does (tests run as root)
            raise PermissionError(13, "Permission denied")
        return real_glob(self, pattern)

    monkeypatch.setattr(Path, "glob", glob)
    code, out, err = run(capsys, "protocols")
    assert code == 1
    assert sorted(line.split()[0] for line in out.splitlines()) == SHIPPED_IDS
    (line,) = err.splitlines()
    assert str(site) in line and "cannot list the folder: Permission denied" in line


def test_a_loader_failure_on_one_file_is_that_file_s_refusal(site, capsys, monkeypatch):
    """A file that trips an unforeseen error in the loader is refused alone."""
    from app.domain.protocol import loading

    (site / "odd.toml").write_text(skin_text(version="site-1"), encoding="utf-8")
    real = loading.protocol_from_data

    def failing(raw, *, file="<data>", content_hash=""):
        if file.endswith("odd.toml"):
            raise ZeroDivisionError("float division by zero")
        return real(raw, file=file, content_hash=content_hash)

    monkeypatch.setattr(loading, "protocol_from_data", failing)
    assert_only_that_file_is_refused(capsys, "odd.toml", "the loader failed on this file "
                                                         "(ZeroDivisionError)")
