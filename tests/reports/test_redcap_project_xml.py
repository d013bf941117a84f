"""The REDCap project XML (CDISC ODM 1.3.2 with REDCap's extensions) of the 200-patient
demo export: read back, it is exactly the project the CSV set-up files describe, and the
demo's data file loads into it with no problem found by the strict checker of REDCap's
published rules (app.reports.redcap_rules)."""

from __future__ import annotations

import csv
import io
import shutil
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from database_fixtures import TEST_FIXTURE_TASK

from app.db.demo import fill_demo_database
from app.db.opening import open_database
from app.exports.export import export_database
from app.reports.redcap_rules import check_project
from app.reports.redcap_xml import ODM_NS, REDCAP_NS, XML_NAME, read_project

SETUP = {"dictionary": "redcap_data_dictionary.csv", "events": "redcap_events.csv",
         "arms": "redcap_arms.csv", "mapping": "redcap_instrument_event_mapping.csv",
         "repeating": "redcap_repeating_instruments_events.csv"}


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture(scope="module")
def demo200(tmp_path_factory, migrated_sqlite_template):
    """The 200-patient demo of the issue, exported in both profiles (once per module, as
    the test-fixture system task: this module is not about access)."""
    root = tmp_path_factory.mktemp("demo200")
    shutil.copyfile(migrated_sqlite_template, root / "demo.sqlite3")
    database = open_database(root / "demo.sqlite3")
    database.actor = TEST_FIXTURE_TASK
    fill_demo_database(database, patients=200, seed=7, as_of=date(2026, 6, 1))
    for profile in ("deidentified", "identified"):
        export_database(database, root / profile, profile=profile, user="t")
    database.dispose()
    return root


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_project_xml_is_the_project_of_the_csv_files(demo200, profile):
    out = demo200 / profile
    xml = (out / XML_NAME).read_bytes()
    root = ET.fromstring(xml)
    assert root.tag == f"{{{ODM_NS}}}ODM" and root.get("ODMVersion") == "1.3.2"
    project = read_project(xml)
    for key, name in SETUP.items():
        assert project[key] == read(out / name), key


@pytest.mark.parametrize("profile", ["deidentified", "identified"])
def test_demo_data_loads_into_the_xml_project_without_a_problem(demo200, profile):
    out = demo200 / profile
    project = read_project((out / XML_NAME).read_bytes())
    data = read(out / "redcap_data.csv")
    assert len(data) > 2000  # the demo: some 2,400 rows, 42% repeating
    assert check_project(project["dictionary"], project["events"], project["arms"],
                         project["mapping"], project["repeating"], data) == []
    repeating_rows = sum(1 for row in data[1:] if row[3])
    assert repeating_rows / (len(data) - 1) > 0.3


def test_xml_carries_identifiers_windows_and_the_repeating_setup(demo200):
    xml = (demo200 / "identified" / XML_NAME).read_bytes()
    root = ET.fromstring(xml)
    ns = {"odm": ODM_NS, "redcap": REDCAP_NS}
    r = f"{{{REDCAP_NS}}}"
    items = {i.get("OID"): i for i in root.iter(f"{{{ODM_NS}}}ItemDef")}
    assert items["pt_date_of_birth"].get(f"{r}Identifier") == "y"
    assert items["vis_date"].get(f"{r}Identifier") == "y"
    assert items["pt_sex"].get(f"{r}Identifier") is None
    assert items["pt_sex"].get(f"{r}FieldType") == "select"
    month6 = root.find(".//odm:StudyEventDef[@OID='Event.month_6_arm_1']", ns)
    assert (month6.get(f"{r}DayOffset"), month6.get(f"{r}OffsetMin"),
            month6.get(f"{r}OffsetMax")) == ("183", "28", "28")
    assert root.find(".//redcap:RepeatingEvent[@redcap:UniqueEventName="
                     "'unscheduled_arm_1']", ns) is not None
    repeat = {(e.get(f"{r}UniqueEventName"), e.get(f"{r}RepeatInstrument"))
              for e in root.iter(f"{r}RepeatingInstrument")}
    assert ("enrollment_arm_1", "prescription") in repeat
    assert ("registration_arm_1", "screening") in repeat
