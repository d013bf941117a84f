"""Issue 15, item 5: hostile import folders give one clear line, exit 1, and change nothing.

Each attack from the issue, built from a real identified export of the test clinic:
``"files": []`` (which skipped the checksum check, so edited data imported with exit
0), a manifest that is a JSON list, an entry naming a folder, ``files`` given as a
string, a 200,000-character cell and a 5,000-character study id (tracebacks or accepted
before), a 100 MiB CSV (refused, but after 50 s and 3.5 GiB) and a spreadsheet formula in
``scr_protocol_hash`` that travelled raw into both export profiles.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from database_fixtures import add_people, db_argument, give_site_code, reseal
from sqlalchemy import func, select

from app.db.engine import Database
from app.db.models import (
    AdverseEvent,
    AuditEntry,
    Enrollment,
    InstrumentValue,
    Patient,
    PatientIdentity,
    Screening,
    Visit,
)
from app.db.opening import open_database
from app.exports.export import export_database
from app.exports.import_files import MAX_CELL_CHARS
from app.exports.importing import import_directory

DATA = "redcap_data.csv"
CLINICAL = (Patient, PatientIdentity, Screening, Enrollment, Visit, InstrumentValue,
            AdverseEvent)


@pytest.fixture
def export(clinic: Database, people, tmp_path: Path) -> Path:
    """An identified redcap export of the test clinic, as a coordinator made it."""
    clinic.actor = people["coord"]
    folder = tmp_path / "export"
    export_database(clinic, folder, profile="identified")
    return folder


@pytest.fixture
def target(tmp_path: Path) -> Database:
    """The clinic the hostile folder is imported into (a file with one account per role)."""
    database = open_database(tmp_path / "target.sqlite3")
    give_site_code(database)  # a clinic that exports (app.db.site_code)
    database = open_database(tmp_path / "target.sqlite3")
    add_people(database)
    yield database
    database.dispose()


def _state(database: Database) -> tuple:
    """Everything an import could change: the clinical rows and its audit event."""
    with database.reading() as session:
        counts = tuple(session.scalar(select(func.count()).select_from(m)) for m in CLINICAL)
        imports = session.scalar(select(func.count()).where(AuditEntry.action == "import"))
    return counts, imports


def _rows(folder: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO((folder / DATA).read_text(encoding="utf-8"),
                                       newline="")))


def _write_rows(folder: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    (folder / DATA).write_text(buffer.getvalue(), encoding="utf-8", newline="")


def _set_cell(folder: Path, column: str, value: str, row: int = 1) -> None:
    rows = _rows(folder)
    rows[row][rows[0].index(column)] = value
    _write_rows(folder, rows)


def _manifest(folder: Path, change) -> None:  # noqa: ANN001
    path = folder / "manifest.json"
    path.write_text(json.dumps(change(json.loads(path.read_text(encoding="utf-8")))),
                    encoding="utf-8")


def _refused(cli, target: Database, folder: Path, secret: Path, *phrases: str) -> str:  # noqa: ANN001
    before = _state(target)
    code, out, err = cli("import", "--db", db_argument(target), folder, "--user", "coord",
                         "--password-file", secret)
    assert code == 1, out + err
    assert err.startswith("jdm-ctp: The import was rejected; nothing was changed: "), err
    assert err.count("\n") == 1, err  # one clear line
    assert "Traceback" not in err
    for phrase in phrases:
        assert phrase in err, err
    assert _state(target) == before
    return err


def test_an_empty_file_list_no_longer_skips_the_checksums(export, target, cli, secret):
    _set_cell(export, "pt_site", "Edited after export")
    _manifest(export, lambda m: {**m, "files": []})
    _refused(cli, target, export, secret,
             "manifest.json, column files: does not list redcap_data.csv or "
             "redcap_data_dictionary.csv")


def test_a_file_not_in_the_manifest_is_refused(export, target, cli, secret):
    (export / "extra.csv").write_text("record_id\nJDM-999\n", encoding="utf-8")
    _refused(cli, target, export, secret, "extra.csv: this file is not listed")


def test_a_manifest_that_is_a_list(export, target, cli, secret):
    _manifest(export, lambda m: [m])
    _refused(cli, target, export, secret, "must be a JSON object, not a list")


@pytest.mark.parametrize(("name", "reason"), [
    ("subfolder", "not a regular file"),
    (".", "is not a plain file name"),
    ("../export/redcap_data.csv", "is not a plain file name"),
])
def test_a_manifest_entry_naming_a_folder_or_a_path(export, target, cli, secret, name, reason):
    (export / "subfolder").mkdir()
    _manifest(export, lambda m: {**m, "files": [*m["files"],
                                                {"name": name, "sha256": "a" * 64}]})
    _refused(cli, target, export, secret, reason)


def test_files_given_as_a_string(export, target, cli, secret):
    _manifest(export, lambda m: {**m, "files": "redcap_data.csv"})
    _refused(cli, target, export, secret, "must be a list of the export's files, not a string")


def test_a_200000_character_cell(export, target, cli, secret):
    _set_cell(export, "pt_site", "x" * 200_000)
    reseal(export)
    _refused(cli, target, export, secret, "redcap_data.csv, row 2",
             f"the longest any field may hold is {MAX_CELL_CHARS:,}")


def test_a_5000_character_study_id(export, target, cli, secret):
    rows = _rows(export)
    old = rows[1][0]
    for row in rows[1:]:
        if row[0] == old:
            row[0] = "TEST-" + "J" * 5000  # a site code, then the study id
    _write_rows(export, rows)
    reseal(export)
    _refused(cli, target, export, secret, "column record_id", "is not a study id")


def test_a_formula_in_the_protocol_hash(export, target, cli, secret):
    _set_cell(export, "scr_protocol_hash", '=HYPERLINK("http://evil.example","x")',
              row=next(i for i, r in enumerate(_rows(export))
                       if r[2] == "screening"))
    reseal(export)
    _refused(cli, target, export, secret, "column scr_protocol_hash",
             "is not a SHA-256 (64 lower-case hexadecimal digits)")


def test_a_formula_in_free_text_is_kept_as_text_and_escaped_for_spreadsheets(
        export, target, people, tmp_path):
    """Free text may start with "=", but it never leaves as a formula for a spreadsheet:
    the wide file (the one for spreadsheets) escapes it in both profiles. The REDCap import
    file holds it as entered, since REDCap would store an apostrophe as data (issue 17),
    and its manifest says so (the site of JDM-002 in the test clinic is "=Hamilton")."""
    target.actor = people["coord"]
    import_directory(target, export, user="coord")
    for profile in ("identified", "deidentified"):
        out = tmp_path / profile
        export_database(target, out / "wide", profile=profile, fmt="wide")
        cells = [cell for row in csv.reader(io.StringIO(
            (out / "wide" / "wide_data.csv").read_text(encoding="utf-8"), newline=""))
            for cell in row]
        assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
        export_database(target, out / "redcap", profile=profile)
        cells = [cell for row in csv.reader(io.StringIO(
            (out / "redcap" / "redcap_data.csv").read_text(encoding="utf-8"), newline=""))
            for cell in row]
        if profile == "identified":  # the clinic as recorded: pt_clinic
            assert "=Hamilton" in cells and "'=Hamilton" not in cells
        else:  # de-identified a typed site is "other", its text never exported
            assert not any("Hamilton" in cell for cell in cells)
        manifest = json.loads((out / "redcap" / "manifest.json").read_text("utf-8"))
        assert manifest["formula_escaping"]["redcap_data.csv"].startswith("none")
    with target.reading() as session:
        assert session.scalar(select(Patient.site).where(Patient.study_id == "JDM-002")) \
            == "=Hamilton"


# ------------------------------------------------------------------ a 100 MiB CSV


def _huge_data_file(folder: Path, rows: list[list[str]]) -> None:
    """100 MiB: the export's header and first row, then junk rows of the wrong shape."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows[:2])
    junk = ("x," * 40 + "x\r\n").encode()
    with (folder / DATA).open("wb") as out:
        out.write(buffer.getvalue().encode("utf-8"))
        written = 0
        block = junk * 10_000
        while written < 100 * 1024 * 1024:
            out.write(block)
            written += len(block)


def test_a_100_mib_csv_is_refused_at_its_first_bad_line_in_bounded_memory(
        export, target, cli, secret):
    _huge_data_file(export, _rows(export))
    reseal(export)
    assert (export / DATA).stat().st_size >= 100 * 1024 * 1024
    _refused(cli, target, export, secret, "redcap_data.csv, row 3: has 41 cells")
    # The memory it takes, measured in a process of its own (no time limit: the
    # machine's speed is not the point; that the file is streamed and left is).
    script = ("import sys; from pathlib import Path; "
              "from app.exports.importing import read_import_folder; "
              "from app.exports.import_files import ImportRejected\n"
              "try:\n read_import_folder(Path(sys.argv[1]))\n"
              "except ImportRejected as e:\n print(e.first_line)\n"
              # VmHWM: this process's own peak (ru_maxrss would carry the forking test
              # runner's peak over the exec).
              "print(next(line.split()[1] for line in open('/proc/self/status') "
              "if line.startswith('VmHWM')))\n")
    result = subprocess.run([sys.executable, "-c", script, str(export)], capture_output=True,
                            text=True, check=True)
    message, peak_kib = result.stdout.splitlines()
    assert "row 3: has 41 cells" in message
    assert int(peak_kib) < 400 * 1024  # KiB on Linux: far from the 3.5 GiB it took


def test_a_csv_that_is_one_endless_line_is_refused(export, target, cli, secret):
    with (export / DATA).open("wb") as out:
        for _ in range(6):
            out.write(b"x" * (1024 * 1024))
    reseal(export)
    _refused(cli, target, export, secret, "a line longer than 4 MiB")


def test_the_manifest_checksum_is_still_checked(export, target, cli, secret):
    _set_cell(export, "pt_site", "Edited after export")  # and the manifest left as it was
    digest = hashlib.sha256((export / DATA).read_bytes()).hexdigest()
    assert digest not in (export / "manifest.json").read_text(encoding="utf-8")
    _refused(cli, target, export, secret, "SHA-256 differs from manifest.json")
