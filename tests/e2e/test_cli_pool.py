"""`jdm-ctp pool` (issue 17, "Sites and pooling"): two demo sites made with `demo-data`
(different site codes) pooled into a coordinator's database and re-exported as one REDCap
file that passes the strict checker, with the cohort command running on it; then every
way to get wrong data in is attacked: an identified export, a tampered checksum, a
manifest with another dictionary hash or version, two sites with one code, an older
export after a newer one, a role that may not pool. Each refusal is one plain line on
stderr and leaves the pooled database exactly as it was."""

from __future__ import annotations

import csv
import io
import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from database_fixtures import TEST_FIXTURE_TASK, add_people, password_file
from sqlalchemy import func, select

from app.cli import main
from app.db.models import AuditEntry, Patient, PatientIdentity, PooledSite
from app.db.opening import open_database
from app.exports.export import export_database
from app.reports.redcap_rules import check_project
from app.reports.redcap_xml import XML_NAME, read_project

DATA = "redcap_data.csv"
EARLY = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)
LATE = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def _site(root: Path, name: str, code: str, seed: int) -> Path:
    """A site made as a clinic would try it: `jdm-ctp demo-data` with its site code."""
    path = root / f"{name}.sqlite3"
    assert main(["demo-data", "--db", str(path), "--patients", "12", "--seed", str(seed),
                 "--site-code", code, "--quiet"]) == 0
    return path


def _export(db_path: Path, out: Path, *, profile: str = "deidentified",
            now: datetime = LATE) -> Path:
    database = open_database(db_path)
    database.actor = TEST_FIXTURE_TASK  # the sites' own exports are not what is tested
    try:
        export_database(database, out, profile=profile, user="t", now=now)
    finally:
        database.dispose()
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    """Two demo sites (TOR, MTL) exported late, TOR also early and identified, and a third
    installation that chose the code TOR as well."""
    root = tmp_path_factory.mktemp("sites")
    tor, mtl = _site(root, "tor", "TOR", 1), _site(root, "mtl", "MTL", 2)
    other_tor = _site(root, "other", "TOR", 3)
    return {"tor": _export(tor, root / "tor_late"), "mtl": _export(mtl, root / "mtl_late"),
            "tor_early": _export(tor, root / "tor_early", now=EARLY),
            "tor_identified": _export(tor, root / "tor_id", profile="identified"),
            "other_tor": _export(other_tor, root / "other_tor"), "root": root}


@pytest.fixture
def coordinator(tmp_path, migrated_sqlite_file):
    path = migrated_sqlite_file(tmp_path / "coordinator.sqlite3")
    database = open_database(path)
    add_people(database)
    database.dispose()
    return str(path), ["--user", "coord", "--password-file", str(password_file(tmp_path))]


def _pool(capsys, coordinator, *folders, user: list[str] | None = None):
    db, who = coordinator
    code = main(["pool", "--db", db, *map(str, folders), *(user or who), "--quiet"])
    out, err = capsys.readouterr()
    return code, out, err


def _state(coordinator) -> tuple:
    database = open_database(coordinator[0])
    try:
        with database.reading() as s:
            return (sorted(s.scalars(select(Patient.study_id))),
                    s.scalar(select(func.count()).select_from(PatientIdentity)),
                    [tuple(r) for r in s.execute(select(PooledSite.site_code,
                                                        PooledSite.exported_at))])
    finally:
        database.dispose()


def test_two_sites_pool_and_export_one_file_that_passes_the_strict_checker(
        capsys, tmp_path, sites, coordinator):
    code, out, err = _pool(capsys, coordinator, sites["tor"], sites["mtl"])
    assert code == 0, err
    assert "site TOR: 12 records loaded" in out and "site MTL: 12 records loaded" in out
    ids, identities, held = _state(coordinator)
    assert len(ids) == 24 and identities == 0
    assert {i.split("-")[0] for i in ids} == {"TOR", "MTL"}
    db, who = coordinator
    assert main(["export", "--db", db, "--out", str(tmp_path / "pooled"), *who,
                 "--quiet"]) == 0, capsys.readouterr().err
    pooled = tmp_path / "pooled"
    data = read(pooled / DATA)
    rows = [dict(zip(data[0], row, strict=True)) for row in data[1:]]
    assert {r["redcap_data_access_group"] for r in rows} == {"tor", "mtl"}
    assert all(r["record_id"].startswith(r["redcap_data_access_group"].upper() + "-")
               for r in rows)
    project = read_project((pooled / XML_NAME).read_bytes())
    assert project["groups"] == [["mtl"], ["tor"]]
    assert check_project(project["dictionary"], project["events"], project["arms"],
                         project["mapping"], project["repeating"], data,
                         groups=["mtl", "tor"]) == []
    # The pooled file holds exactly the rows the two sites exported (days, scores, ages
    # and codes as they were: nothing lost on the way through the pooled database).
    site_rows = read(sites["tor"] / DATA)[1:] + read(sites["mtl"] / DATA)[1:]
    assert read(sites["tor"] / DATA)[0] == data[0]
    assert sorted(data[1:]) == sorted(site_rows)
    manifest = json.loads((pooled / "manifest.json").read_text("utf-8"))
    assert manifest["site"] == {"pooled_sites": ["MTL", "TOR"]}
    assert manifest["data_dictionary"] == json.loads(
        (sites["tor"] / "manifest.json").read_text("utf-8"))["data_dictionary"]
    # The cohort view runs on every site's enrollments.
    assert main(["cohort", "--db", db, "--out", str(tmp_path / "cohort"), *who,
                 "--format", "csv"]) == 0, capsys.readouterr().err


def test_a_newer_export_of_a_site_replaces_its_records_audited(capsys, sites, coordinator):
    assert _pool(capsys, coordinator, sites["tor_early"], sites["mtl"])[0] == 0
    code, out, err = _pool(capsys, coordinator, sites["tor"])
    assert code == 0, err
    assert "site TOR: 12 records loaded, replacing 12" in out
    ids, _identities, held = _state(coordinator)
    assert len(ids) == 24
    assert dict(held)["TOR"] == LATE.isoformat(timespec="seconds")
    database = open_database(coordinator[0])
    with database.reading() as s:
        entries = s.execute(select(AuditEntry.user_name, AuditEntry.entity_id,
                                   AuditEntry.new_value)
                            .where(AuditEntry.action == "pool")).all()
    database.dispose()
    assert [(u, e) for u, e, _ in entries] == [("coord", "TOR"), ("coord", "MTL"),
                                               ("coord", "TOR")]
    assert '"replaced": 12' in entries[-1][2]
    # The audit trail still accounts for every stored record after the replacement.
    db, who = coordinator
    code = main(["audit", "verify", "--db", db, *who])
    assert code == 0, capsys.readouterr().err


def _tampered(sites, tmp_path, change) -> Path:
    folder = tmp_path / f"tampered{len(list(tmp_path.iterdir()))}"
    shutil.copytree(sites["tor"], folder)
    change(folder)
    return folder


def _edit_manifest(key_path, value):
    def change(folder):
        path = folder / "manifest.json"
        manifest = json.loads(path.read_text("utf-8"))
        target = manifest
        for key in key_path[:-1]:
            target = target[key]
        target[key_path[-1]] = value
        path.write_text(json.dumps(manifest), encoding="utf-8")
    return change


def _edit_data(folder):
    """One study id changed after the export, the manifest left as it was."""
    path = folder / DATA
    path.write_bytes(path.read_bytes().replace(b"TOR-DEMO-00001", b"TOR-DEMO-00099", 1))


@pytest.mark.parametrize(("case", "words"), [
    ("identified", "de-identified exports only"),
    ("checksum", "SHA-256"),
    ("dictionary hash", "is not this installation's"),
    ("dictionary version", "data dictionary version 6 is not this installation's (9)"),
    ("same code", "site code TOR is already held here from another installation"),
    ("older after newer", "is not newer than the one already loaded"),
    ("same export twice", "is not newer than the one already loaded"),
    ("two exports of one site at once", "a second export of site TOR"),
    ("no site in the manifest", "names no site code"),
    ("mixed versions in one batch", "mixed data dictionary versions (version 6: tampered"),
])
def test_what_a_pooled_database_refuses(capsys, tmp_path, sites, coordinator, case, words):
    assert _pool(capsys, coordinator, sites["tor"], sites["mtl"])[0] == 0
    before = _state(coordinator)
    folders = {
        "identified": [sites["tor_identified"]],
        "checksum": [_tampered(sites, tmp_path, _edit_data)],
        "dictionary hash": [_tampered(sites, tmp_path, _edit_manifest(
            ("data_dictionary", "sha256"), "0" * 64))],
        "dictionary version": [_tampered(sites, tmp_path, _edit_manifest(
            ("data_dictionary", "version"), "6"))],
        "same code": [sites["other_tor"]],
        "older after newer": [sites["tor_early"]],
        "same export twice": [sites["tor"]],
        "two exports of one site at once": [sites["tor_early"], sites["tor"]],
        "no site in the manifest": [_tampered(sites, tmp_path, _edit_manifest(
            ("site",), None))],
        "mixed versions in one batch": [sites["mtl"], _tampered(sites, tmp_path, _edit_manifest(
            ("data_dictionary", "version"), "6"))],
    }[case]
    code, out, err = _pool(capsys, coordinator, *folders)
    assert code == 1 and out == ""
    assert err.startswith("jdm-ctp: Nothing was pooled") and words in err, err
    assert _state(coordinator) == before


def test_two_sites_with_one_code_in_one_batch_are_refused(capsys, sites, coordinator):
    code, _out, err = _pool(capsys, coordinator, sites["tor"], sites["other_tor"])
    assert code == 1 and "site code TOR is also used by another installation" in err
    assert _state(coordinator) == ([], 0, [])


def test_an_identified_export_is_refused_even_into_a_new_database(capsys, sites, coordinator):
    code, _out, err = _pool(capsys, coordinator, sites["tor_identified"])
    assert code == 1 and "never holds identities" in err
    assert _state(coordinator) == ([], 0, [])


def test_a_clinics_own_database_is_no_pooled_database(capsys, sites, tmp_path):
    clinic = sites["root"] / "tor.sqlite3"
    copy = tmp_path / "clinic.sqlite3"
    shutil.copyfile(clinic, copy)
    database = open_database(copy)
    add_people(database)
    database.dispose()
    code, _out, err = main(["pool", "--db", str(copy), str(sites["mtl"]), "--user", "coord",
                            "--password-file", str(password_file(tmp_path))]), None, \
        capsys.readouterr().err
    assert code == 1 and "holds a clinic's own patients" in err


@pytest.mark.parametrize("user", ["doc", "nurse"])
def test_only_coordinators_and_administrators_pool(capsys, tmp_path, sites, coordinator, user):
    code, _out, err = _pool(capsys, coordinator, sites["tor"],
                            user=["--user", user, "--password-file",
                                  str(password_file(tmp_path))])
    assert code == 1 and "may not" in err
    assert _state(coordinator) == ([], 0, [])


def test_the_administrator_may_pool(capsys, tmp_path, sites, coordinator):
    code, _out, err = _pool(capsys, coordinator, sites["mtl"],
                            user=["--user", "admin", "--password-file",
                                  str(password_file(tmp_path))])
    assert code == 0, err
