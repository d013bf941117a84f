"""The fields of the data dictionary (issue 17): every name within REDCap's recommended
26 characters, numbers at the precision they are kept at, and every field the
de-identified export leaves out flagged an identifier in the identified dictionary."""

from __future__ import annotations

import csv
import io
import re
from datetime import date

import pytest
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db.demo import fill_demo_database
from app.db.models import Prescription
from app.domain.instruments.data_dictionary import MAX_NAME, fit_name
from app.domain.visit_events import visit_events
from app.exports.export import export_database
from app.reports.fields import build_catalogue, plan_catalogue

pytestmark = pytest.mark.usefixtures("system_actor")


def read(path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def every_name(catalogue) -> set[str]:
    names = {f.name for f in catalogue.all_fields}
    names |= {f"{form.name}_complete" for form in catalogue.forms}
    return names


@pytest.mark.parametrize("identified", [False, True])
def test_every_generated_name_has_at_most_26_characters(identified):
    plans = list(protocol_catalog().protocols.values())
    # The installed plans, and invented vocabularies made to be long and alike.
    long_criteria = [f"prior_corticosteroid_and_methotrexate_{n}" for n in range(30)]
    long_drugs = [f"certolizumab pegol biosimilar {n}" for n in range(30)]
    for catalogue in (plan_catalogue(plans, identified, prior_therapy_slots=12),
                      build_catalogue(identified, long_criteria, long_drugs, 12,
                                      visit_events(plans))):
        names = [f.name for f in catalogue.all_fields]
        assert len(names) == len(set(names))
        too_long = [n for n in every_name(catalogue) if len(n) > MAX_NAME]
        assert too_long == []
        assert all(re.fullmatch(r"[a-z][a-z0-9_]*", n) for n in names)
        # Each invented criterion keeps its own field, found from its id.
        for criterion in catalogue.criteria:
            assert catalogue.criterion_column(criterion) in catalogue.fields_by_name


def test_short_names_keep_their_endings_and_are_stable():
    dose = fit_name("med_certolizumab_pegol_dose")
    assert fit_name("med_certolizumab_pegol_dose") == dose  # same input, same name
    assert dose.endswith("_dose") and len(dose) <= 26
    stem = dose[: -len("_dose")]
    # The fields of one drug share one short stem.
    assert fit_name("med_certolizumab_pegol_dose_mr") == stem + "_dose_mr"
    assert fit_name("med_certolizumab_pegol_frequency") == stem + "_freq"
    assert fit_name("med_certolizumab_pegol_unit") == stem + "_unit"
    # Names within the limit are kept as they are.
    assert fit_name("med_prednisone_frequency") == "med_prednisone_frequency"


def test_the_body_surface_area_is_written_at_its_precision(database, tmp_path):
    """The Mosteller BSA is stored unrounded: √(140 cm × 32.5 kg / 3600) = √(4550 / 3600)
    = √1.263888… = 1.1242281…; it is written with 4 decimals, 1.1242."""
    fill_demo_database(database, patients=12, seed=3, as_of=date(2026, 6, 1))
    with database.session() as session:
        rx = session.scalars(select(Prescription)).first()
        rx.inputs = {**rx.inputs, "weight_kg": 32.5, "height_cm": 140.0,
                     "bsa_m2": (140.0 * 32.5 / 3600) ** 0.5}
        study_id = rx.enrollment.patient.study_id
    assert repr((140.0 * 32.5 / 3600) ** 0.5) == "1.1242281302693367"  # 16 decimals
    export_database(database, tmp_path / "o", user="t")
    rows = read(tmp_path / "o" / "redcap_data.csv")
    header = rows[0]
    mine = [dict(zip(header, r, strict=True)) for r in rows[1:]
            if r[0] == f"TEST-{study_id}" and r[2] == "prescription"]
    assert {(r["rx_weight_kg"], r["rx_height_cm"], r["rx_bsa_m2"]) for r in mine} >= {
        ("32.5", "140", "1.1242")}
    # Every number of the export has at most 4 decimals.
    dictionary = {row[0]: row for row in read(tmp_path / "o" / "redcap_data_dictionary.csv")}
    for row in rows[1:]:
        for column, value in zip(header, row, strict=True):
            if column in dictionary and dictionary[column][7] == "number" and "." in value:
                assert len(value.split(".")[1]) <= 4, (column, value)


def test_every_field_the_deidentified_export_leaves_out_is_an_identifier(database, tmp_path):
    export_database(database, tmp_path / "i", profile="identified", user="t")
    export_database(database, tmp_path / "d", user="t")
    identified = read(tmp_path / "i" / "redcap_data_dictionary.csv")[1:]
    deidentified = read(tmp_path / "d" / "redcap_data_dictionary.csv")[1:]
    kept = {row[0] for row in deidentified}
    flagged = {row[0] for row in identified if row[10] == "y"}
    assert flagged == {row[0] for row in identified} - kept
    assert not any(row[10] for row in deidentified)
    # Dates, date-times and free text among them: not only names, MRN, date of birth.
    for row in identified:
        if row[7].startswith(("date", "datetime")) or row[3] == "notes":
            assert row[0] in flagged, row[0]
    assert {"pt_given_name", "pt_mrn", "pt_date_of_birth", "vis_date", "ae_description",
            "prior_notes", "vis_signed_at", "scr_by"} <= flagged
    # The issue counted 20 date and date-time fields unflagged; all are flagged now.
    assert len([r for r in identified if r[7].startswith("date") and r[0] in flagged]) >= 20
