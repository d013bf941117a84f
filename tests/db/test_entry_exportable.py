"""Entry that cannot lose data on the way out (issue 17, item 5): a non-numeric dose
("5-6.5") was accepted, stored as text, exported blank with no missing reason, and the
manifest said ``unmapped_values: 0``. Every way in (the visit save, the import) now
refuses a value its export column cannot hold; a value already stored that way (put in
the database directly here) is counted, and the export is refused naming how many and
where (study id and field), never a name."""

from __future__ import annotations

import csv
import io
import math
from datetime import date

import pytest
from database_fixtures import add_people, db_argument, password_file, reseal
from sqlalchemy import select
from test_db_visits import enrolled

from app.cli import main
from app.db.models import InstrumentValue, Visit
from app.db.visit_saving import save_visit
from app.db.visits import VisitError, load_visit
from app.domain.visit_form import ItemEntry
from app.exports.export import UnexportableValues, export_database
from app.exports.importing import ImportRejected, import_directory

pytestmark = pytest.mark.usefixtures("system_actor")

SAVED_ON = date(2026, 5, 4)


def _save(database, visit_id, values):
    with database.session() as s:
        version = load_visit(s, visit_id).header.version_id
        return save_visit(s, visit_id, values, [], user="nurse", expected_version=version,
                          visit_date=SAVED_ON)


def _stored(database, visit_id):
    with database.reading() as s:
        return {(r.instrument, r.item): (r.value_num, r.value_text) for r in s.scalars(
            select(InstrumentValue).where(InstrumentValue.visit_id == visit_id))}


# ------------------------------------------------------------------ the save refuses


@pytest.mark.parametrize(("instrument", "item", "entry", "words"), [
    # The reported case: a range typed as a dose.
    ("medications", "prednisone_dose", ItemEntry(value_text="5-6.5", unit="mg"), '"5-6.5"'),
    ("medications", "prednisone_dose", ItemEntry(value_text="7,5", unit="mg"), '"7,5"'),
    ("medications", "methotrexate_dose", ItemEntry(value_num=math.nan, unit="mg"), '"nan"'),
    ("medications", "methotrexate_dose", ItemEntry(value_num=math.inf, unit="mg"), '"inf"'),
    ("medications", "prednisone_dose", ItemEntry(value_num=0.0, unit="mg"), '"0"'),
    ("medications", "prednisone_dose", ItemEntry(value_num=5.0, value_text="to 6.5",
                                                 unit="mg"), '"to 6.5"'),
    # A number column holding text, a number that is not one, a date that is not one.
    ("vitals", "weight_kg", ItemEntry(value_text="about 20"), '"about 20"'),
    ("cmas", "cmas_2", ItemEntry(value_num=math.nan), '"nan"'),
    ("global", "pga_activity", ItemEntry(value_text="4-5"), '"4-5"'),
    # A list column holding what is not one of its codes.
    ("skin", "skin_ulceration", ItemEntry(value_text="a little"), '"a little"'),
    ("chaq", "chaq_dressing_1", ItemEntry(value_num=5.0), '"5"'),
    ("chaq", "chaq_dressing_1", ItemEntry(value_text="n/a"), '"n/a"'),
])
def test_a_value_its_export_column_cannot_hold_is_refused_by_the_save(
        database, instrument, item, entry, words):
    _pid, _eid, visits = enrolled(database)
    good = {"global": {"pga_skin": ItemEntry(value_num=3.0)}}
    with pytest.raises(VisitError) as refused:
        _save(database, visits["baseline"], {**good, instrument: {item: entry}})
    assert words in str(refused.value)
    assert _stored(database, visits["baseline"]) == {}  # the save is one transaction


def test_numbers_dates_and_free_text_that_fit_are_stored(database):
    _pid, _eid, visits = enrolled(database)
    _save(database, visits["baseline"], {
        "medications": {"prednisone_dose": ItemEntry(value_num=7.5, unit="mg"),
                        "prednisone_frequency": ItemEntry(value_text="once daily"),
                        "other": ItemEntry(value_text="prednisone 5-6.5 mg, tapering")},
        "vitals": {"weight_kg": ItemEntry(value_num=20.4)},
        "cmas": {"cmas_2": ItemEntry(missing_reason="not_done")},
        "skin": {"skin_ulceration": ItemEntry(value_text="present")},
        "chaq": {"chaq_dressing_1": ItemEntry(value_num=2.0),
                 "chaq_dressing_2": ItemEntry(value_text="na")}})
    assert _stored(database, visits["baseline"])[("medications", "prednisone_dose")] == (
        7.5, None)


# ----------------------------------------------- a stored value the export cannot write


def _store_directly(database, item, num=None, text=None, instrument="medications"):
    """What an earlier version (or a hand edit) may have left in the database."""
    _pid, _eid, visits = enrolled(database, study_id="JDM-D01")
    with database.session() as s:
        s.add(InstrumentValue(visit_id=visits["baseline"], instrument=instrument, item=item,
                              value_num=num, value_text=text, unit="mg", updated_by="nurse"))
        s.get(Visit, visits["baseline"]).visit_date = SAVED_ON
    return visits["baseline"]


@pytest.mark.parametrize("fmt", ["redcap", "wide"])
@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_an_export_with_a_stored_text_dose_is_refused_naming_where(database, tmp_path, fmt,
                                                                   profile):
    _store_directly(database, "prednisone_dose", text="5-6.5")
    out = tmp_path / "out"
    with pytest.raises(UnexportableValues) as refused:
        export_database(database, out, profile=profile, fmt=fmt, user="t")
    message = str(refused.value)
    assert refused.value.count == 1
    assert "1 stored value" in message and "JDM-D01 med_prednisone_dose" in message
    for identity in ("Ada", "Okafor", "2016-02-01", "5-6.5"):  # never a name or the value
        assert identity not in message
    assert not out.exists()  # nothing written, no manifest claiming 0


@pytest.mark.parametrize(("instrument", "item", "num", "text", "field"), [
    ("cmas", "cmas_2", -math.inf, None, "cmas_2"),  # (SQLite keeps no NaN: NULL)
    ("vitals", "weight_kg", None, "heavy", "vit_weight_kg"),
    ("medications", "methotrexate_dose", math.inf, None, "med_methotrexate_dose"),
    # Codes outside their list, stored before entry checked them: no list column holds them.
    ("skin", "skin_ulceration", None, "sometimes", "skin_ulceration"),
    ("chaq", "chaq_dressing_1", 7.0, None, "chaq_dressing_1"),
])
def test_every_stored_value_that_does_not_fit_is_counted(database, tmp_path, instrument, item,
                                                         num, text, field):
    _store_directly(database, item, num, text, instrument)
    with pytest.raises(UnexportableValues) as refused:
        export_database(database, tmp_path / "out", user="t")
    assert refused.value.count == 1
    assert f"JDM-D01 {field}" in str(refused.value)


def test_the_command_line_says_how_many_and_where(database, tmp_path, capsys):
    _store_directly(database, "prednisone_dose", text="5-6.5")
    add_people(database)
    code = main(["export", "--db", db_argument(database), "--out", str(tmp_path / "out"),
                 "--user", "coord", "--password-file", str(password_file(tmp_path))])
    err = capsys.readouterr().err
    assert code == 1
    assert "1 stored value" in err and "JDM-D01 med_prednisone_dose" in err
    assert "Okafor" not in err and not (tmp_path / "out").exists()


def test_the_stored_value_counts_once_corrected_the_export_runs(database, tmp_path):
    visit_id = _store_directly(database, "prednisone_dose", text="5-6.5")
    with database.session() as s:
        row = s.scalar(select(InstrumentValue).where(InstrumentValue.visit_id == visit_id))
        row.value_num, row.value_text = 5.0, None
    result = export_database(database, tmp_path / "out", user="t")
    assert result.manifest["unmapped_values"] == 0
    rows = list(csv.DictReader(io.StringIO(
        (tmp_path / "out" / "redcap_data.csv").read_text("utf-8"))))
    assert [r["med_prednisone_dose"] for r in rows if r["med_prednisone_dose"]] == ["5"]


# ------------------------------------------------------------------ the import refuses


def test_the_import_refuses_a_text_dose_in_the_uncoded_items(database, empty, tmp_path):
    """An identified export carries items outside the coded lists as JSON; a text dose
    put there (by hand, or by another program) is refused, not stored as text."""
    visit_id = _store_directly(database, "dapsone_dose", num=50.0)  # a drug of no plan
    out = tmp_path / "out"
    export_database(database, out, profile="identified", user="t")
    data = out / "redcap_data.csv"
    text = data.read_text("utf-8")
    assert '{""dapsone_dose"":[50.0,null,""mg""]}' in text
    data.write_text(text.replace('[50.0,null,""mg""]', '[null,""5-6.5"",""mg""]'), "utf-8")
    reseal(out)
    with pytest.raises(ImportRejected) as refused:
        import_directory(empty, out, user="coordinator")
    assert "med_uncoded_json" in str(refused.value) and "dapsone" in str(refused.value)
    assert visit_id
