"""Numeric choice codes with labels (dictionary version 5, issue 17): REDCap's convention
and what Stata / SAS value labels want. The stored codes stay text; the REDCap files
write numbers, the import reads them back, and exports of version 4 (text codes) still
import."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest

from app.exports.export import export_database
from app.exports.importing import ImportRejected, import_directory
from app.exports.records import catalogue_for
from app.reports.fields import numeric_codes
from app.reports.redcap_rules import parse_choices

pytestmark = pytest.mark.usefixtures("system_actor")

V4_EXPORT = Path(__file__).parent.parent / "db" / "export_v4_identified"


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_codes_worked_out_by_hand():
    fields = catalogue_for(None, identified=True).fields_by_name
    # Words alone: 1, 2, 3 in the listed order.
    assert numeric_codes(fields["pt_sex"]) == {"female": "1", "male": "2", "other": "3"}
    assert numeric_codes(fields["scr_verdict"]) == {
        "eligible": "1", "not_eligible": "2", "not_yet_eligible": "3"}
    # Numbers mixed with words (a CHAQ item: 0-3 and "na"): numbers kept, words from 90.
    chaq = next(f for name, f in fields.items() if name.startswith("chaq_")
                and f.type == "dropdown" and any(c == "na" for c, _ in f.choices))
    assert numeric_codes(chaq) == {"na": "90"}
    # The adverse event's visit names REDCap events: its codes stay the event names.
    assert numeric_codes(fields["ae_visit"]) == {}
    # Checkboxes keep their codes (they are part of the column names).
    assert numeric_codes(fields["chaq_aids"]) == {}


def test_every_dropdown_of_the_dictionary_has_numeric_codes(database, tmp_path):
    export_database(database, tmp_path / "o", profile="identified", user="t")
    rows = read(tmp_path / "o" / "redcap_data_dictionary.csv")
    dropdowns = [r for r in rows[1:] if r[3] in ("dropdown", "radio") and r[0] != "ae_visit"]
    assert len(dropdowns) > 200
    for row in dropdowns:
        for code, label in parse_choices(row[5]):
            assert code.isdigit() and label, (row[0], code)


def test_the_data_file_writes_numbers_and_imports_back(clinic, empty, tmp_path):
    export_database(clinic, tmp_path / "a", profile="identified", user="t")
    data = read(tmp_path / "a" / "redcap_data.csv")
    header = data[0]
    sexes = {row[header.index("pt_sex")] for row in data[1:] if row[header.index("pt_sex")]}
    assert sexes <= {"1", "2", "3"} and sexes
    import_directory(empty, tmp_path / "a", user="coordinator")
    export_database(empty, tmp_path / "b", profile="identified", user="t")
    again = read(tmp_path / "b" / "redcap_data.csv")
    # The copy holds the same codes (signatures aside: imported visits arrive unsigned).
    column = header.index("pt_sex")
    assert [r[column] for r in again[1:]] == [r[column] for r in data[1:]]


def test_a_number_that_is_no_choice_is_refused(clinic, empty, tmp_path):
    export_database(clinic, tmp_path / "a", profile="identified", user="t")
    path = tmp_path / "a" / "redcap_data.csv"
    rows = read(path)
    column = rows[0].index("pt_sex")
    rows[1][column] = "7"
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
    # (the manifest's checksum is refused first unless recomputed)
    manifest_path = tmp_path / "a" / "manifest.json"
    manifest = json.loads(manifest_path.read_text("utf-8"))
    for entry in manifest["files"]:
        if entry["name"] == path.name:
            entry["sha256"] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(ImportRejected) as refused:
        import_directory(empty, tmp_path / "a", user="coordinator")
    assert "pt_sex" in str(refused.value)


def test_an_export_of_dictionary_version_4_still_imports(clinic, empty, tmp_path):
    """``export_v4_identified``: the small clinic exported with text choice codes."""
    old = tmp_path / "old"
    shutil.copytree(V4_EXPORT, old)
    assert '"data_dictionary_version": "4"' in (old / "manifest.json").read_text("utf-8")
    rows = read(old / "redcap_data.csv")
    assert "female" in {r[rows[0].index("pt_sex")] for r in rows[1:]}
    summary = import_directory(empty, old, user="coordinator")
    assert sorted(summary.added) == ["JDM-001", "JDM-002"]
    export_database(empty, tmp_path / "new", profile="identified", user="t")
    export_database(clinic, tmp_path / "same", profile="identified", user="t")
    new = read(tmp_path / "new" / "redcap_data.csv")
    same = read(tmp_path / "same" / "redcap_data.csv")
    header = new[0]
    unsigned = {header.index(c) for c in ("vis_status", "vis_signed_at", "vis_signed_by",
                                          "vis_signature_meaning", "visit_complete")}

    def strip(rows):
        return [[c for i, c in enumerate(row) if i not in unsigned] for row in rows]

    assert strip(new) == strip(same)
