"""One stable, versioned data dictionary (issue 17): generated from the installed plans and
the instrument registry, identical for every database with the same plans whatever data
it holds; its version and SHA-256 in every manifest; ``jdm-ctp dictionary`` writes it
alone; exports of earlier dictionary versions still import."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from clinic_data import fill_clinic
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.cli import main
from app.db.demo import fill_demo_database
from app.db.models import InstrumentValue, Visit
from app.db.opening import open_database
from app.domain.instruments.data_dictionary import field_name
from app.exports.export import export_database
from app.exports.importing import ImportRejected, import_directory
from app.reports.fields import DICTIONARY_VERSION

pytestmark = pytest.mark.usefixtures("system_actor")

DICTIONARY = "redcap_data_dictionary.csv"
V3_EXPORT = Path(__file__).parent.parent / "db" / "export_v3_identified"


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture
def three(tmp_path, migrated_sqlite_file):
    """An empty database, the small clinic (drugs recorded, criteria answered) and a demo."""
    dbs = [open_database(migrated_sqlite_file(tmp_path / f"{name}.sqlite3"))
           for name in ("empty", "clinic", "demo")]
    fill_clinic(dbs[1])
    fill_demo_database(dbs[2], patients=12, seed=3, as_of=date(2026, 6, 1))
    yield dbs
    for db in dbs:
        db.dispose()


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_databases_with_different_data_give_byte_identical_dictionaries(three, tmp_path,
                                                                        profile):
    manifests = []
    for number, db in enumerate(three):
        export_database(db, tmp_path / str(number), profile=profile, user="t")
        export_database(db, tmp_path / f"w{number}", profile=profile, fmt="wide", user="t")
        manifests += [json.loads((tmp_path / d / "manifest.json").read_text("utf-8"))
                      for d in (str(number), f"w{number}")]
    files = [(tmp_path / str(n) / DICTIONARY).read_bytes() for n in range(3)]
    assert files[0] == files[1] == files[2]
    digest = hashlib.sha256(files[0]).hexdigest()
    # Version and hash in every manifest, the wide ones included.
    for manifest in manifests:
        assert manifest["data_dictionary"] == {"version": DICTIONARY_VERSION,
                                               "profile": profile, "sha256": digest}
    # The data really differ: the clinic records prednisone, answers criteria.
    data = [(tmp_path / str(n) / "redcap_data.csv").read_text("utf-8") for n in range(3)]
    assert len({len(d.splitlines()) for d in data}) == 3


def test_every_criterion_and_drug_of_every_plan_has_its_fields(three, tmp_path):
    export_database(three[0], tmp_path / "e", user="t")  # nothing recorded at all
    rows = read(tmp_path / "e" / DICTIONARY)
    names = {row[0] for row in rows[1:]}
    plans = list(protocol_catalog().protocols.values())
    assert len(plans) == 3
    for plan in plans:
        for criterion in plan.criteria:
            assert any(row[4] == f"Criterion: {criterion.id}" for row in rows), criterion.id
        for arm in plan.arms:
            for dose in arm.doses:
                label = f"{field_name(dose.drug)}: dose"
                assert any(row[4] == label and row[1] == "medications" for row in rows), label
    assert "record_id" in names
    assert rows[1][6].endswith(f"(data dictionary version {DICTIONARY_VERSION})")


def test_dictionary_command_writes_the_exports_dictionary(three, tmp_path, capsys):
    export_database(three[1], tmp_path / "x", profile="identified", user="t")
    export_database(three[1], tmp_path / "d", user="t")
    assert main(["dictionary", "--out", str(tmp_path / "id.csv"),
                 "--profile", "identified"]) == 0
    assert main(["dictionary", "--out", str(tmp_path / "de.csv")]) == 0
    assert (tmp_path / "id.csv").read_bytes() == (tmp_path / "x" / DICTIONARY).read_bytes()
    assert (tmp_path / "de.csv").read_bytes() == (tmp_path / "d" / DICTIONARY).read_bytes()
    out = capsys.readouterr().out
    digest = hashlib.sha256((tmp_path / "de.csv").read_bytes()).hexdigest()
    assert f"sha256 {digest}" in out
    assert main(["dictionary", "--out", str(tmp_path / "no" / "such" / "dir.csv")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_a_drug_of_no_plan_is_no_loss_and_not_counted_as_unmapped(three, tmp_path):
    """A drug no plan names has no dose column of its own, but nothing is lost: the
    identified export carries it exactly (med_uncoded_json), the de-identified one says
    only that something else was recorded, by design. ``unmapped_values`` counts only what
    no export can write (tests/db/test_entry_exportable.py), and an export with any is
    refused, so this one is not counted."""
    with three[1].session() as session:
        visit = session.scalars(select(Visit)).first()
        visit.instrument_values.append(InstrumentValue(
            instrument="medications", item="dapsone_dose", value_num=50.0, unit="mg",
            updated_by="nurse"))
    result = export_database(three[1], tmp_path / "o", user="t")
    assert result.manifest["unmapped_values"] == 0
    assert "dapsone" not in (tmp_path / "o" / DICTIONARY).read_text("utf-8")
    assert "dapsone" not in (tmp_path / "o" / "redcap_data.csv").read_text("utf-8")
    result = export_database(three[1], tmp_path / "i", profile="identified", user="t")
    assert result.manifest["unmapped_values"] == 0
    assert '""dapsone_dose"":[50.0,null,""mg""]' in (tmp_path / "i" / "redcap_data.csv"
                                                     ).read_text("utf-8")


def test_an_export_of_dictionary_version_3_still_imports(three, tmp_path):
    """``export_v3_identified``: the small clinic exported by the application before the
    stable dictionary (criteria and drugs from the data, spreadsheet escaping)."""
    old = tmp_path / "old"
    shutil.copytree(V3_EXPORT, old)
    assert '"data_dictionary_version": "3"' in (old / "manifest.json").read_text("utf-8")
    summary = import_directory(three[0], old, user="coordinator")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    export_database(three[0], tmp_path / "new", profile="identified", user="t")
    export_database(three[1], tmp_path / "same", profile="identified", user="t")
    # The imported clinic exports exactly as the clinic itself does (signatures aside:
    # an imported visit arrives unsigned).
    new, same = read(tmp_path / "new" / "redcap_data.csv"), read(tmp_path / "same" /
                                                                 "redcap_data.csv")
    header = new[0]
    unsigned = [header.index(c) for c in ("vis_status", "vis_signed_at", "vis_signed_by",
                                          "vis_signature_meaning", "visit_complete")]
    def strip(rows):
        return [[c for i, c in enumerate(row) if i not in unsigned] for row in rows]
    assert strip(new) == strip(same)
    # ... and the values are the old file's, unescaped.
    assert any("=Hamilton" in row for row in new)


def test_a_dictionary_of_an_unknown_version_is_refused(three, tmp_path):
    export_database(three[1], tmp_path / "o", profile="identified", user="t")
    path = tmp_path / "o" / DICTIONARY
    text = path.read_text("utf-8").replace(f"version {DICTIONARY_VERSION})", "version 99)")
    path.write_text(text, "utf-8", newline="")
    manifest_path = tmp_path / "o" / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    for entry in manifest["files"]:
        if entry["name"] == DICTIONARY:
            entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(ImportRejected) as refused:
        import_directory(three[0], tmp_path / "o", user="coordinator")
    assert "data dictionary version '99' is not one this application reads" in \
        str(refused.value)
