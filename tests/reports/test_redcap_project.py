"""The REDCap project set-up files of an export (events, arms, instrument designation,
repeating instruments and events) read back in REDCap's shapes and checked against the
export's own data rows with the strict checker of REDCap's rules (app.reports.redcap_rules).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest

from app.catalog import protocol_catalog
from app.db.demo import fill_demo_database
from app.domain.visit_events import visit_events
from app.exports.export import export_database
from app.reports import redcap
from app.reports.fields import build_catalogue
from app.reports.redcap_rules import Project, check_project, unique_event_name

pytestmark = pytest.mark.usefixtures("system_actor")

AS_OF = date(2026, 6, 1)
SETUP = ("redcap_data_dictionary.csv", "redcap_events.csv", "redcap_arms.csv",
         "redcap_instrument_event_mapping.csv", "redcap_repeating_instruments_events.csv")


def read(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


@pytest.fixture
def demo_export(database, tmp_path):
    fill_demo_database(database, patients=25, seed=7, as_of=AS_OF)
    out = tmp_path / "out"
    export_database(database, out, user="t")
    return out


def files(out: Path) -> list[list[list[str]]]:
    return [read(out / name) for name in SETUP]


def test_setup_files_have_redcaps_columns(demo_export):
    dictionary, events, arms, mapping, repeating = files(demo_export)
    assert tuple(events[0]) == ("event_name", "arm_num", "day_offset", "offset_min",
                                "offset_max")
    assert tuple(arms[0]) == ("arm_num", "name")
    assert tuple(mapping[0]) == ("arm_num", "unique_event_name", "form")
    assert tuple(repeating[0]) == ("event_name", "form_name", "custom_form_label")


def test_events_carry_the_plans_offsets_and_windows(demo_export):
    events = read(demo_export / "redcap_events.csv")
    by_name = {unique_event_name(row[0], row[1]): row[2:] for row in events[1:]}
    # Shipped plans: baseline window 0 before / 14 after; months 1-2 ±7 days; months 6-18
    # ±28 days. Offsets: months × 365.25 / 12 days, rounded: 1 -> 30.44 -> 30,
    # 2 -> 60.88 -> 61, 6 -> 182.6 -> 183, 12 -> 365.25 -> 365, 18 -> 547.9 -> 548.
    assert by_name["registration_arm_1"] == ["0", "0", "0"]
    assert by_name["enrollment_arm_1"] == ["0", "0", "0"]
    assert by_name["baseline_arm_1"] == ["0", "0", "14"]
    assert by_name["month_1_arm_1"] == ["30", "7", "7"]
    assert by_name["month_2_arm_1"] == ["61", "7", "7"]
    assert by_name["month_6_arm_1"] == ["183", "28", "28"]
    assert by_name["month_12_arm_1"] == ["365", "28", "28"]
    assert by_name["month_18_arm_1"] == ["548", "28", "28"]
    # The unscheduled visit lists last (REDCap orders events by day offset).
    assert by_name["unscheduled_arm_1"][0] == "548"
    assert list(by_name)[-1] == "unscheduled_arm_1"


def test_every_data_row_fits_the_setup_files(demo_export):
    dictionary, events, arms, mapping, repeating = files(demo_export)
    data = read(demo_export / "redcap_data.csv")
    assert check_project(dictionary, events, arms, mapping, repeating, data) == []
    project = Project(dictionary, events, arms, mapping, repeating)
    used_events = {row[1] for row in data[1:]}
    assert used_events <= set(project.events)
    repeated = {(row[1], row[2]) for row in data[1:] if row[2]}
    # Every repeating form of the data is declared, and the set-up declares no more.
    assert repeated == {pair for pair in project.repeating_forms if pair[0] in used_events}
    assert {row[1] for row in data[1:] if row[3] and not row[2]} <= \
        project.repeating_events == {"unscheduled_arm_1"}
    # 42% of the rows: screening, prior therapy, arm history, prescriptions,
    # infusions given, adverse events all appear as repeating rows here.
    assert {form for _, form in repeated} == {"screening", "prior_therapy", "arm_history",
                                             "prescription", "infusion", "adverse_event"}


def test_a_second_enrollment_has_its_arm_and_events():
    """A second enrollment is REDCap arm 2: the arms file names it, its events are in it
    (no second registration event) and each event's forms are designated in it."""
    catalogue = build_catalogue(False, visits=visit_events(protocol_catalog().protocols
                                                           .values()))
    arms = [list(redcap.ARMS_HEADER), *redcap.arms_rows(2)]
    assert arms[1:] == [["1", "Enrollment 1"], ["2", "Enrollment 2"]]
    events = [list(redcap.EVENTS_HEADER), *redcap.events_rows(2, catalogue)]
    mapping = [list(redcap.MAPPING_HEADER), *redcap.mapping_rows(2, catalogue)]
    repeating = [list(redcap.REPEATING_HEADER), *redcap.repeating_rows(2, catalogue)]
    dictionary = [list(redcap.DICTIONARY_HEADER), *redcap.dictionary_rows(catalogue)]
    project = Project(dictionary, events, arms, mapping, repeating)
    assert project.problems == []
    assert project.events["enrollment_arm_2"] == 2
    assert "registration_arm_2" not in project.events
    assert ("enrollment_arm_2", "prescription") in project.repeating_forms
    assert "unscheduled_arm_2" in project.repeating_events
    assert "cmas" in project.designated["month_6_arm_2"]


def test_checker_refuses_rows_the_setup_does_not_allow(demo_export):
    """The checker is strict: each broken rule in a copy of the data is reported."""
    dictionary, events, arms, mapping, repeating = files(demo_export)
    data = read(demo_export / "redcap_data.csv")
    header = data[0]
    screening = next(r for r in data[1:] if r[2] == "screening")
    visit = next(r for r in data[1:] if r[1] == "baseline_arm_1")
    broken = [
        [screening[0], screening[1], "screening", "", *screening[4:]],  # no instance
        [screening[0], screening[1], "", "", *screening[4:]],  # repeating form, no instr.
        [visit[0], "month_99_arm_1", *visit[2:]],  # unknown event
        [visit[0], visit[1], "", "3", *visit[4:]],  # an instance on a plain event
    ]
    sex = header.index("pt_sex")
    patient = next(r for r in data[1:] if r[1] == "registration_arm_1" and not r[2])
    bad_code = list(patient)
    bad_code[0] = "X-1"
    bad_code[sex] = "femme"
    problems = check_project(dictionary, events, arms, mapping, repeating,
                             [header, *broken, bad_code])
    text = "\n".join(problems)
    assert "line 2: instance '' is not 1, 2" in text
    assert "line 3: scr_" in text and "repeating screening" in text
    assert "line 4: unknown event 'month_99_arm_1'" in text
    assert "line 5: an instance on a row that does not repeat" in text
    assert "line 6: pt_sex = 'femme': not one of the choice codes" in text
    unrepeated = [r for r in repeating if r[1] != "prescription"]
    problems = check_project(dictionary, events, arms, mapping, unrepeated, data)
    assert any("prescription does not repeat in enrollment_arm_1" in p for p in problems)


def test_unique_event_names_follow_redcaps_rule():
    assert unique_event_name("Month 18", 1) == "month_18_arm_1"
    assert unique_event_name("Registration", 2) == "registration_arm_2"
    # Punctuation dropped, 18 characters kept.
    assert unique_event_name("Week 4 (day 28) follow-up", 1) == "week_4_day_28_foll_arm_1"
