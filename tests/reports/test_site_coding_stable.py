"""The site field of the dictionary is the same whatever the database holds (issue 17,
"the dictionary changes with the data"): two databases with different site lists, and
``jdm-ctp dictionary`` with no database at all, give byte-identical dictionaries, and
the site field is not a list that only the data could fill."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from app.cli import main
from app.db.opening import open_database
from app.db.sites import add_site
from app.exports.export import export_database

pytestmark = pytest.mark.usefixtures("system_actor")

DICTIONARY = "redcap_data_dictionary.csv"


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture
def two_site_lists(tmp_path, migrated_sqlite_file):
    """Two databases whose administrators listed different clinic sites."""
    dbs = [open_database(migrated_sqlite_file(tmp_path / f"{n}.sqlite3")) for n in "ab"]
    with dbs[0].session() as session:
        add_site(session, "Toronto", user="t")
    with dbs[1].session() as session:
        for name in ("Montreal", "Calgary", "Vancouver"):
            add_site(session, name, user="t")
    for number, db in enumerate(dbs):
        from app.db.site_code import set_site_code

        with db.session() as session:
            set_site_code(session, ("TOR", "MTL")[number], user="t")
    yield dbs
    for db in dbs:
        db.dispose()


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_site_lists_do_not_change_the_dictionary(two_site_lists, tmp_path, profile):
    texts = []
    for number, db in enumerate(two_site_lists):
        export_database(db, tmp_path / str(number), profile=profile, user="t")
        texts.append((tmp_path / str(number) / DICTIONARY).read_bytes())
    assert main(["dictionary", "--out", str(tmp_path / "alone.csv"),
                 "--profile", profile]) == 0
    texts.append((tmp_path / "alone.csv").read_bytes())
    assert texts[0] == texts[1] == texts[2]


def test_the_site_field_is_no_list_the_data_fills(tmp_path):
    """Without a database the old dictionary listed only "Other" as the site."""
    assert main(["dictionary", "--out", str(tmp_path / "d.csv")]) == 0
    site = next(r for r in rows(tmp_path / "d.csv") if r[0] == "pt_site")
    assert site[3] == "text", site
    assert site[5] == "", site  # no choices: the value is the site's code
    assert "site code" in site[4].lower()
