"""CSV habits (exports.md): formula escaping of text, number formatting, BOM, manifest."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from app.reports.csv_safety import (
    CsvFile,
    escape_text,
    format_num,
    iso_date,
    iso_datetime,
    read_csv,
    unescape_text,
)
from app.reports.dataset import ExportInfo, ProtocolVersion
from app.reports.manifest import FileEntry, manifest_data, verify_manifest, write_manifest

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.mark.parametrize("text, shown", [
    ("=SUM(A1)", "'=SUM(A1)"), ("+1 555", "'+1 555"), ("-x", "'-x"), ("@cmd", "'@cmd"),
    ("plain", "plain"), ("", ""), ("a=b", "a=b"), ("'quoted", "'quoted"),
])
def test_text_cells_that_look_like_formulas_are_escaped_and_restored(text, shown):
    assert escape_text(text) == shown
    assert unescape_text(escape_text(text)) == text


@pytest.mark.parametrize("value, text", [
    (3.0, "3"), (0.1, "0.1"), (-4.5, "-4.5"), (2, "2"), (None, ""), (True, "1"),
    (1.1289, "1.1289"),
])
def test_numbers_are_written_in_their_shortest_exact_form(value, text):
    assert format_num(value) == text
    if value is not None and not isinstance(value, bool):
        assert float(text) == value


def test_dates_are_iso():
    assert iso_date(date(2025, 1, 9)) == "2025-01-09" and iso_date(None) == ""
    assert iso_datetime(datetime(2025, 1, 9, 8, 5, 3, tzinfo=UTC)) == "2025-01-09 08:05:03"


def test_csv_file_hashes_counts_and_optional_bom(tmp_path):
    path = tmp_path / "x.csv"
    out = CsvFile(path, ["a", "b"], bom=True)
    out.write_rows([["1", "Zoë, \"quoted\""], ["2", ""]])
    sha, rows = out.close()
    assert rows == 2 and path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert read_csv(path) == [["a", "b"], ["1", "Zoë, \"quoted\""], ["2", ""]]
    import hashlib

    assert hashlib.sha256(path.read_bytes()).hexdigest() == sha
    assert b"\r\n" in path.read_bytes()


def test_manifest_lists_files_and_detects_a_changed_file(tmp_path):
    path = tmp_path / "d.csv"
    out = CsvFile(path, ["a"])
    out.write_row(["1"])
    sha, rows = out.close()
    info = ExportInfo("deidentified", "wide", "1.2.3",
                      (ProtocolVersion("persistent-skin-rash", "1.0", "ab" * 32),),
                      datetime(2025, 1, 1, tzinfo=UTC))
    data = manifest_data(info, [FileEntry("d.csv", sha, rows, path.stat().st_size)], 1)
    write_manifest(tmp_path, data)
    stored = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert stored["files"][0] == {"name": "d.csv", "sha256": sha, "rows": 1,
                                  "bytes": path.stat().st_size}
    assert stored["application_version"] == "1.2.3" and stored["profile"] == "deidentified"
    assert verify_manifest(tmp_path) == []
    path.write_text("a\r\n2\r\n", encoding="utf-8")
    assert verify_manifest(tmp_path) == ["d.csv: SHA-256 does not match the manifest"]
