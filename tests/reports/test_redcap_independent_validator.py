"""The REDCap files of the 200-patient demo export checked by a validator not written
here: linkml-redcap (PyPI), whose LinkML schemas model REDCap's data dictionary (the 18
columns: variable and form name patterns, field types, validation types, identifier and
required flags, alignment) and REDCap's record rows (the structural columns; date,
integer and number value formats; form status, yes/no and checkbox value spaces), run by
LinkML's own validator. The project-specific record schema is only the declaration of
this dictionary's columns in linkml-redcap's documented way (``is_a: FlatRecord``, one
slot per column, ranged with its types and enums); every rule checked is linkml-redcap's.
"""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path

import linkml_redcap
import pytest
import yaml
from database_fixtures import TEST_FIXTURE_TASK
from linkml.validator import Validator
from linkml.validator.plugins import JsonschemaValidationPlugin
from linkml_redcap import record

from app.db.demo import fill_demo_database
from app.db.opening import open_database
from app.exports.export import export_database
from app.reports.redcap_rules import parse_choices

# The 18 dictionary columns as linkml-redcap's Field slots, in REDCap's order.
SLOTS = ("variable_field_name", "form_name", "section_header", "field_type", "field_label",
         "choices_calculations_slider_labels", "field_note",
         "text_validation_type_or_show_slider_number", "text_validation_min",
         "text_validation_max", "identifier", "branching_logic", "required_field",
         "custom_alignment", "question_number", "matrix_group_name", "matrix_ranking",
         "field_annotation")
# linkml-redcap's record value types for this dictionary's validation types.
VALUE_TYPES = {"date_ymd": "redcap_date", "datetime_seconds_ymd": "redcap_datetime",
               "integer": "redcap_integer", "number": "redcap_number"}


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture(scope="module")
def demo200(tmp_path_factory, migrated_sqlite_template):
    root = tmp_path_factory.mktemp("demo200")
    shutil.copyfile(migrated_sqlite_template, root / "demo.sqlite3")
    database = open_database(root / "demo.sqlite3")
    database.actor = TEST_FIXTURE_TASK  # not a test of access
    fill_demo_database(database, patients=200, seed=7, as_of=date(2026, 6, 1))
    for profile in ("deidentified", "identified"):
        export_database(database, root / profile, profile=profile, user="t")
    database.dispose()
    return root


def dictionary_problems(rows: list[list[str]]) -> list[str]:
    instance = {"fields": [{slot: value for slot, value in zip(SLOTS, row, strict=True)
                            if value} for row in rows[1:]]}
    validator = Validator(str(linkml_redcap.schema_path()),
                          validation_plugins=[JsonschemaValidationPlugin(closed=True)])
    return [r.message for r in validator.iter_results(instance, "DataDictionary")]


def record_validator(dictionary: list[list[str]], folder: Path) -> Validator:
    """A LinkML schema of this dictionary's data rows on linkml-redcap's FlatRecord."""
    attributes: dict[str, dict] = {}
    enums: dict[str, dict] = {}
    forms: list[str] = []
    for row in dictionary[1:]:
        name, form, kind, choices, validation = row[0], row[1], row[3], row[5], row[7]
        if form not in forms:
            forms.append(form)
        if name == "record_id":
            continue
        if kind in ("dropdown", "radio"):
            enums[f"{name}_codes"] = {"permissible_values": {
                code: {} for code, _label in parse_choices(choices)}}
            attributes[name] = {"range": f"{name}_codes"}
        elif kind == "checkbox":
            for code, _label in parse_choices(choices):
                attributes[f"{name}___{code}"] = {"range": "CheckboxState"}
        elif kind == "yesno":
            attributes[name] = {"range": "YesNo"}
        else:
            attributes[name] = {"range": VALUE_TYPES.get(validation, "string")}
    for form in forms:
        attributes[f"{form}_complete"] = {"range": "FormCompleteStatus"}
    shutil.copyfile(record.schema_path(), folder / "redcap_record.yaml")
    schema = {"id": "https://example.org/jdm-ctp-records", "name": "jdm_ctp_records",
              "prefixes": {"linkml": "https://w3id.org/linkml/",
                           "jdm": "https://example.org/jdm-ctp-records/"},
              "default_prefix": "jdm", "default_range": "string",
              "imports": ["linkml:types", "redcap_record"], "enums": enums,
              "classes": {"JdmRow": {"is_a": "FlatRecord", "attributes": attributes}}}
    path = folder / "jdm_ctp_records.yaml"
    path.write_text(yaml.safe_dump(schema), encoding="utf-8")
    return Validator(str(path), validation_plugins=[JsonschemaValidationPlugin(closed=True)])


def row_problems(validator: Validator, data: list[list[str]]) -> list[str]:
    header = data[0]
    problems = []
    for number, row in enumerate(data[1:], start=2):
        instance = {c: v for c, v in zip(header, row, strict=True) if v != ""}
        problems += [f"line {number}: {r.message}"
                     for r in validator.iter_results(instance, "JdmRow")]
    return problems


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_linkml_redcap_finds_nothing_wrong_in_the_dictionary(demo200, profile):
    assert dictionary_problems(read(demo200 / profile / "redcap_data_dictionary.csv")) == []


def test_linkml_redcap_finds_nothing_wrong_in_the_data_rows(demo200, tmp_path):
    folder = demo200 / "deidentified"
    dictionary = read(folder / "redcap_data_dictionary.csv")
    data = read(folder / "redcap_data.csv")
    assert len(data) > 2000
    assert row_problems(record_validator(dictionary, tmp_path), data) == []


def test_the_independent_validator_is_not_a_rubber_stamp(demo200, tmp_path):
    """Broken copies are refused: an unknown field type, a bad name, a value outside the
    choices, a date in another format, text in an integer column."""
    folder = demo200 / "identified"
    dictionary = read(folder / "redcap_data_dictionary.csv")
    broken = [list(row) for row in dictionary]
    broken[2][3] = "bogus"
    broken[3][0] = "3_starts_with_a_digit"
    assert len(dictionary_problems(broken)) >= 2
    data = read(folder / "redcap_data.csv")
    header = data[0]
    patient = next(list(r) for r in data[1:] if r[1] == "registration_arm_1" and not r[2])
    patient[header.index("pt_sex")] = "femme"
    patient[header.index("pt_date_of_birth")] = "09/03/2014"
    patient[header.index("pt_age_at_enrollment")] = "eleven"
    problems = row_problems(record_validator(dictionary, tmp_path), [header, patient])
    text = "\n".join(problems)
    assert "femme" in text and "09/03/2014" in text and "eleven" in text
