"""The visit items of issue 18 leave the database and come back whole: steroid exposure,
CDASI grades, sun protection and the adverse events' coding survive an identified
export and its import; an event stored before the coding comes back uncoded (not
invented); the de-identified export carries the CDASI score and the codes, never the
words of an event."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from clinic_data import fill_clinic
from sqlalchemy import select

from app.db.models import AdverseEvent, InstrumentValue, Visit
from app.domain.instruments.cdasi import ITEMS as CDASI_ITEMS
from app.exports.export import export_database
from app.exports.importing import import_directory

pytestmark = pytest.mark.usefixtures("system_actor")

NEW_INSTRUMENTS = ("steroids", "cdasi", "sun_protection")


def _add_study_items(database) -> None:
    with database.session() as s:
        visit = s.scalars(select(Visit).where(Visit.visit_code == "unscheduled")).one()

        def put(instrument, item, num=None, text=None, missing=None):
            visit.instrument_values.append(InstrumentValue(
                instrument=instrument, item=item, value_num=num, value_text=text,
                missing_reason=missing, updated_by="nurse"))

        put("steroids", "prednisone_mg_day", 22.5)
        put("steroids", "ivmp_pulses", 2.0)
        put("steroids", "ivmp_dose_mg", 750.0)
        put("steroids", "mtx_mg_week", 15.0)
        put("steroids", "hcq_mg_day", missing="unknown")
        graded = {"malar_e": 2.0, "malar_s": 1.0, "periungual": 2.0, "hair_loss": 1.0,
                  "gottron_h_e": 2.0, "gottron_h_papules": 1.0}
        for item in CDASI_ITEMS:
            put("cdasi", item.code, graded.get(item.code, 0.0))
        put("sun_protection", "counselled", text="yes")
        put("sun_protection", "adherence", text="mostly")
        visit.adverse_events.append(AdverseEvent(
            description="Chest infection, admitted", onset_date=date(2025, 5, 1),
            resolved_date=date(2025, 5, 9), serious=True, relation="possible",
            category="infection_serious", severity="severe", outcome="recovered",
            reported_by="nurse"))


def _items(db) -> list[tuple]:
    with db.session() as s:
        return sorted(s.execute(select(
            InstrumentValue.instrument, InstrumentValue.item, InstrumentValue.value_num,
            InstrumentValue.value_text, InstrumentValue.missing_reason)
            .where(InstrumentValue.instrument.in_(NEW_INSTRUMENTS))).all())


def _events(db) -> list[tuple]:
    with db.session() as s:
        return sorted(s.execute(select(
            AdverseEvent.description, AdverseEvent.serious, AdverseEvent.category,
            AdverseEvent.severity, AdverseEvent.outcome)).all())


def test_the_new_items_and_the_coding_survive_export_and_import(database, empty, tmp_path):
    fill_clinic(database)
    _add_study_items(database)
    out = tmp_path / "export"
    export_database(database, out, profile="identified", user="t")
    import_directory(empty, out, user="coordinator")
    items = _items(empty)
    assert items == _items(database)
    # 5 steroid items + 50 CDASI grades + 2 sun-protection answers.
    assert len(items) == 5 + 50 + 2
    assert ("steroids", "hcq_mg_day", None, None, "unknown") in items
    events = _events(empty)
    assert events == _events(database)
    assert ("Chest infection, admitted", True, "infection_serious", "severe",
            "recovered") in events
    # The clinic's own event was stored without coding: it stays without.
    assert any(e[2] is None and e[3] is None and e[4] is None for e in events)


def test_the_deidentified_export_has_the_score_and_codes_not_the_words(database, tmp_path):
    fill_clinic(database)
    _add_study_items(database)
    out = tmp_path / "export"
    export_database(database, out, user="t")
    rows = list(csv.DictReader(io.StringIO((out / "redcap_data.csv").read_text("utf-8"))))
    dictionary = (out / "redcap_data_dictionary.csv").read_text("utf-8")
    for name in ("cdasi_activity", "ster_prednisone_mg_day", "sun_adherence", "ae_category",
                 "ae_severity", "ae_outcome"):
        assert f"\n{name}," in dictionary, name
    [visit] = [r for r in rows if r["ster_prednisone_mg_day"]]
    # Malar erythema 2 + malar scale 1 + periungual 2 + hair loss 1; the other 43 items
    # 0: 2 + 1 + 2 + 1 = 6.
    # 2 + 1 + 2 + 1 = 6 for the 47 items; the hands' erythema 2 doubled by papules = 4:
    # 6 + 4 = 10 of 100.
    assert visit["cdasi_activity"] == "10" and visit["cdasi_activity_93"] == "6"
    assert visit["ster_prednisone_mg_day"] == "22.5"
    coded = [r for r in rows if r["redcap_repeat_instrument"] == "adverse_event"
             and r["ae_category"]]
    assert len(coded) == 1 and coded[0]["ae_severity"] and coded[0]["ae_outcome"]
    assert "Chest infection" not in (out / "redcap_data.csv").read_text("utf-8")


def test_the_wide_export_carries_the_new_columns(database, tmp_path):
    fill_clinic(database)
    _add_study_items(database)
    out = tmp_path / "wide"
    export_database(database, out, profile="identified", fmt="wide", user="t")
    data = out / "wide_data.csv"
    header = next(csv.reader(io.StringIO(data.read_text("utf-8"))))
    for name in ("cdasi_activity", "cdasi_malar_e", "ster_ivmp_pulses", "sun_counselled"):
        assert any(column.startswith(name) for column in header), (name, data.name)


def new_forms_of(catalogue) -> set[str]:
    return {f.name for f in catalogue.forms}


def test_dictionary_6_is_the_current_one_without_issue_18s_fields():
    from app.exports.legacy_dictionaries import VERSIONS, as_version
    from app.reports.fields import DICTIONARY_VERSION, build_catalogue

    # Version 7 added these items; versions 8 (the site code) and 9 kept them.
    assert DICTIONARY_VERSION == "9" and {"6", "7", "8"} <= set(VERSIONS)
    assert new_forms_of(as_version(build_catalogue(True), "7")) >= {
        "cdasi", "sun_protection", "steroid_exposure"}
    current = build_catalogue(True)
    v6 = as_version(current, "6")
    new = {"cdasi", "sun_protection", "steroid_exposure"}
    assert new <= {f.name for f in current.forms}
    assert not new & {f.name for f in v6.forms}
    names = {f.name for f in v6.all_fields}
    assert not {"ae_category", "ae_severity", "ae_outcome"} & names
    assert {"ae_relation", "ae_serious"} <= names
    assert not any(i.instrument in ("cdasi", "steroids", "sun_protection")
                   for i in v6.item_fields)


def test_dictionary_8_is_the_current_one_without_the_hands_row_and_cumulative_columns():
    from app.exports.legacy_dictionaries import as_version
    from app.reports.fields import build_catalogue

    current = build_catalogue(True)
    v8 = as_version(current, "8")
    added = {"cdasi_gottron_h_e", "cdasi_gottron_h_papules", "cdasi_gottron_h_u",
             "cdasi_gottron_h_e_mr", "cdasi_gottron_h_papules_mr", "cdasi_gottron_h_u_mr",
             "cdasi_activity_93", "ster_cum_oral_mg", "ster_cum_oral_mg_kg",
             "ster_cum_ivmp_mg", "ster_cum_ivmp_mg_kg", "ster_cum_total_mg",
             "ster_cum_total_mg_kg", "ster_cum_missing"}
    assert set(current.fields_by_name) - set(v8.fields_by_name) == added
    assert v8.fields_by_name["cdasi_activity"].maximum == "93"
    assert current.fields_by_name["cdasi_activity"].maximum == "100"
    assert not {i.item for i in v8.item_fields if i.instrument == "cdasi"} & {
        "gottron_h_e", "gottron_h_papules", "gottron_h_u"}
    # Everything else of dictionary 8 is as the current one has it.
    assert [f.name for f in v8.all_fields] == [f.name for f in current.all_fields
                                               if f.name not in added]
