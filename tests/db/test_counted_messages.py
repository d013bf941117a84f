"""Counts in the command line's English read "1 row", "2 rows" (issue 21: no "1 rows").
Found by this stop's walk: an export listed "redcap_arms.csv  1 rows"."""

from __future__ import annotations

import re
import sys
from argparse import Namespace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "reports"))

from clinic_data import fill_clinic  # noqa: E402
from database_fixtures import add_people, db_argument, password_file  # noqa: E402

from app.cli.export import run as run_export  # noqa: E402
from app.db.audit_check import TrailReport  # noqa: E402
from app.db.encryption_setup import EncryptionReport  # noqa: E402
from app.exports.pooling import PoolSummary  # noqa: E402

pytestmark = pytest.mark.usefixtures("system_actor")


def test_the_export_lists_one_row_in_the_singular(database, tmp_path, capsys):
    fill_clinic(database)
    clinic = database
    add_people(clinic)
    args = Namespace(db=db_argument(clinic), out=str(tmp_path / "x"), profile="deidentified",
                     format="redcap", bom=False, confirm_identified=False, user="coord",
                     password_file=str(password_file(tmp_path)), quiet=True)
    assert run_export(args) == 0
    out = capsys.readouterr().out
    assert re.search(r"redcap_arms\.csv  1 row  sha256 [0-9a-f]{16}…", out), out
    assert re.search(r"redcap_data\.csv  \d+ rows  sha256", out), out
    assert not re.search(r"\b1 rows\b", out), out
    assert "Exported 2 patients" in out


@pytest.mark.parametrize(("said", "expected"), [
    (PoolSummary([("TOR", 1, 0)]).describe(), "site TOR: 1 record loaded."),
    (PoolSummary([("TOR", 12, 1), ("MTL", 1, 0)]).describe(),
     "site TOR: 12 records loaded, replacing 1; site MTL: 1 record loaded."),
    (EncryptionReport(Path("clinic.sqlite3"), "encrypted", 1).describe(),
     "The database clinic.sqlite3 is now encrypted (1 row checked)."),
    (EncryptionReport(Path("clinic.sqlite3"), "encrypted", 2).describe(),
     "The database clinic.sqlite3 is now encrypted (2 rows checked)."),
    (TrailReport(1, (1, "ab12")).summary(),
     "OK: the audit trail is intact (1 entry, newest entry 1 hash ab12)."),
    (TrailReport(3, (3, "cd34")).summary(),
     "OK: the audit trail is intact (3 entries, newest entry 3 hash cd34)."),
])
def test_counts_take_the_singular_for_one(said, expected):
    assert said == expected
