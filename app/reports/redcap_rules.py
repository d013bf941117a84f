"""A strict checker of a REDCap project's files against REDCap's published rules: the
data dictionary, the events, arms, instrument designations and repeating set-up, and the
data import file read against them. It reads the files as a coordinator's REDCap would
and knows nothing of how this application made them, so the tests run it on every export.

Where each rule comes from (public sources):

* Data dictionary columns, field types, "Identifier?" / "Required Field?" as ``y`` or
  blank, choices as ``code, label | code, label``, checkbox columns ``field___code``,
  ``{form}_complete`` with 0 / 1 / 2: REDCap's data dictionary and data import
  instructions (REDCap Help & FAQ, "Data Dictionary" and "Data Import Tool") as restated
  in exports.md.
* Variable and form names: lower case letters, digits and underscores, starting with a
  letter (REDCap's dictionary upload refuses others); at most 26 characters is REDCap's
  recommendation (its dictionary upload warns above it), kept here as a hard rule because
  SAS and Stata exports add suffixes to the name.
* Checkbox choice codes: letters, digits and underscores only (the code becomes part of a
  column name; REDCap's dictionary upload refuses others). Dropdown and radio codes:
  letters, digits, underscore, period and minus.
* Validation types and their value formats: the regular expressions of REDCap's
  ``redcap_validation_types`` table (REDCap's install SQL, published in public REDCap
  installation repositories): ``date_ymd``, ``datetime_ymd``, ``datetime_seconds_ymd``,
  ``integer``, ``number``, ``number_1dp`` ... ``number_4dp`` (exactly that many decimals),
  ``time``. The data import accepts dates only as YYYY-MM-DD.
* Events: REDCap derives the unique event name from the event name (lower case, any
  character other than a letter, digit or space dropped, spaces as underscores, the first
  18 characters) and ``_arm_N``; ``day_offset``, ``offset_min``, ``offset_max`` are
  whole numbers, the two offsets not negative (REDCap's "Define my events" page and its
  API's event import).
* Repeating instruments and events: a repeating instrument's rows carry its form name in
  ``redcap_repeat_instrument`` and an instance 1, 2, ...; a repeating event's rows carry a
  blank instrument and an instance; other rows carry neither; a form inside a repeating
  event cannot itself repeat (REDCap's "Repeating instruments and events" set-up and data
  import rules).
* Data access groups: the data import file may carry a ``redcap_data_access_group``
  column after the four fixed ones, holding a group's unique name; REDCap derives a unique
  group name like an event's (lower case letters, digits and underscores, at most 18
  characters), and a record is in one group only (REDCap's Data Import Tool instructions
  and its API's DAG import, ``unique_group_name``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
MAX_NAME = 26
CHECKBOX_CODE = re.compile(r"^[A-Za-z0-9_]+$")
CHOICE_CODE = re.compile(r"^-?[A-Za-z0-9_.]+$")
FIELD_TYPES = {"text", "notes", "dropdown", "radio", "checkbox", "yesno", "truefalse",
               "calc", "slider", "descriptive", "file", "sql"}
CHOICE_TYPES = {"dropdown", "radio", "checkbox"}
_DATE = r"(\d{4})-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])"
_TIME = r"([0-9]|[0-1][0-9]|[2][0-3]):([0-5][0-9])"
VALIDATION = {
    "date_ymd": re.compile(rf"^{_DATE}$"),
    "datetime_ymd": re.compile(rf"^{_DATE}\s{_TIME}$"),
    "datetime_seconds_ymd": re.compile(rf"^{_DATE}\s{_TIME}:([0-5][0-9])$"),
    "integer": re.compile(r"^[-+]?\b\d+\b$"),
    "number": re.compile(r"^[-+]?[0-9]*\.?[0-9]+([eE][-+]?[0-9]+)?$"),
    "number_1dp": re.compile(r"^-?\d+\.\d$"),
    "number_2dp": re.compile(r"^-?\d+\.\d{2}$"),
    "number_3dp": re.compile(r"^-?\d+\.\d{3}$"),
    "number_4dp": re.compile(r"^-?\d+\.\d{4}$"),
    "time": re.compile(rf"^{_TIME}$"),
}
DAG_COLUMN = "redcap_data_access_group"
GROUP_NAME = re.compile(r"^[a-z0-9_]{1,18}$")
NUMERIC = {"integer", "number", "number_1dp", "number_2dp", "number_3dp", "number_4dp"}
FIXED = ("record_id", "redcap_event_name", "redcap_repeat_instrument",
         "redcap_repeat_instance")
COMPLETE = {"", "0", "1", "2"}
INSTANCE = re.compile(r"^[1-9][0-9]*$")


def unique_event_name(event_name: str, arm: int | str) -> str:
    """The unique event name REDCap gives an event called ``event_name`` in ``arm``."""
    text = re.sub(r"[^a-z0-9 ]", "", event_name.strip().lower()).replace(" ", "_")
    return f"{text[:18]}_arm_{arm}"


def parse_choices(text: str) -> list[tuple[str, str]]:
    out = []
    for part in text.split("|"):
        code, comma, label = part.partition(",")
        out.append((code.strip(), label.strip() if comma else ""))
    return out


class Project:
    """A REDCap project as its set-up files describe it (header rows included)."""

    def __init__(self, dictionary: Sequence[Sequence[str]], events: Sequence[Sequence[str]],
                 arms: Sequence[Sequence[str]], mapping: Sequence[Sequence[str]],
                 repeating: Sequence[Sequence[str]],
                 groups: Sequence[str] | None = None) -> None:
        self.problems: list[str] = []
        # The project's data access groups (unique names); None: not checked against a list.
        self.groups = None if groups is None else set(groups)
        for group in groups or ():
            if not GROUP_NAME.match(group):
                self.problems.append(f"data access groups: {group!r} is no unique group name")
        self.fields: dict[str, list[str]] = {}
        self.forms: list[str] = []
        self.field_form: dict[str, str] = {}
        self.choices: dict[str, set[str]] = {}
        self._dictionary(dictionary)
        self.events: dict[str, int] = {}
        self._events(events, arms)
        self.designated: dict[str, set[str]] = {}
        for row in mapping[1:]:
            arm, event, form = row
            if event not in self.events:
                self.problems.append(f"designation: unknown event {event!r}")
            elif str(self.events[event]) != arm:
                self.problems.append(f"designation: {event} is not in arm {arm}")
            if form not in self.forms:
                self.problems.append(f"designation: unknown form {form!r}")
            self.designated.setdefault(event, set()).add(form)
        self.repeating_forms: set[tuple[str, str]] = set()
        self.repeating_events: set[str] = set()
        for row in repeating[1:]:
            event, form = row[0], row[1]
            if event not in self.events:
                self.problems.append(f"repeating set-up: unknown event {event!r}")
            if form:
                if form not in self.designated.get(event, ()):
                    self.problems.append(
                        f"repeating set-up: {form} is not designated for {event}")
                self.repeating_forms.add((event, form))
            else:
                self.repeating_events.add(event)
        for event, _form in self.repeating_forms:
            if event in self.repeating_events:
                self.problems.append(f"repeating set-up: {event} repeats as an event and "
                                     "has a repeating form")

    def _dictionary(self, rows: Sequence[Sequence[str]]) -> None:
        problems = self.problems
        if len(rows) < 2 or rows[1][0] != "record_id":
            problems.append("dictionary: the first field must be the record id")
        seen_forms: list[str] = []
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != 18:
                problems.append(f"dictionary line {number}: {len(row)} columns, not 18")
                continue
            name, form, _section, kind, label, choices = row[:6]
            validation, low, high, identifier = row[7], row[8], row[9], row[10]
            where = f"dictionary {name!r}"
            if not NAME.match(name):
                problems.append(f"{where}: not a REDCap variable name")
            if len(name) > MAX_NAME:
                problems.append(f"{where}: {len(name)} characters, more than {MAX_NAME}")
            if "___" in name:
                problems.append(f"{where}: '___' is reserved for checkbox columns")
            if name in self.fields:
                problems.append(f"{where}: defined twice")
            if not NAME.match(form):
                problems.append(f"{where}: form name {form!r} is not valid")
            if seen_forms and form != seen_forms[-1] and form in seen_forms:
                problems.append(f"{where}: the fields of form {form} are not together")
            if not seen_forms or seen_forms[-1] != form:
                seen_forms.append(form)
            if kind not in FIELD_TYPES:
                problems.append(f"{where}: unknown field type {kind!r}")
            if not label.strip():
                problems.append(f"{where}: no label")
            if kind in CHOICE_TYPES:
                parsed = parse_choices(choices)
                codes = [code for code, _ in parsed]
                pattern = CHECKBOX_CODE if kind == "checkbox" else CHOICE_CODE
                for code, text in parsed:
                    if not pattern.match(code) or not text:
                        problems.append(f"{where}: choice {code!r}, {text!r} is not valid")
                if len(set(codes)) != len(codes):
                    problems.append(f"{where}: a choice code repeats")
                self.choices[name] = set(codes)
            elif choices and kind not in ("calc", "slider", "sql"):
                problems.append(f"{where}: choices on a {kind} field")
            if validation:
                if kind != "text":
                    problems.append(f"{where}: validation on a {kind} field")
                if validation not in VALIDATION:
                    problems.append(f"{where}: unknown validation type {validation!r}")
                else:
                    for bound in (low, high):
                        if bound and bound not in ("today", "now") and \
                                not VALIDATION[validation].match(bound):
                            problems.append(f"{where}: limit {bound!r} is not a "
                                            f"{validation} value")
            elif low or high:
                problems.append(f"{where}: limits without a validation type")
            if identifier not in ("", "y"):
                problems.append(f"{where}: Identifier? must be y or blank")
            if row[12] not in ("", "y"):
                problems.append(f"{where}: Required Field? must be y or blank")
            self.fields[name] = list(row)
            self.field_form[name] = form
        self.forms = seen_forms
        for form in seen_forms:
            if f"{form}_complete" in self.fields:
                problems.append(f"dictionary: {form}_complete is reserved by REDCap")

    def _events(self, events: Sequence[Sequence[str]], arms: Sequence[Sequence[str]]) -> None:
        arm_numbers = set()
        for row in arms[1:]:
            if not INSTANCE.match(row[0]) or not row[1].strip():
                self.problems.append(f"arms: {row!r} is not an arm number and name")
            arm_numbers.add(row[0])
        for row in events[1:]:
            name, arm, offset, low, high = row
            if arm not in arm_numbers:
                self.problems.append(f"events: {name!r} is in undefined arm {arm!r}")
            if not VALIDATION["integer"].match(offset) or not low.isdigit() or \
                    not high.isdigit():
                self.problems.append(f"events: {name!r} offsets are not whole days")
            unique = unique_event_name(name, arm)
            if unique in self.events:
                self.problems.append(f"events: {unique} defined twice")
            self.events[unique] = int(arm)

    def check_data(self, rows: Sequence[Sequence[str]]) -> list[str]:
        """Problems of a data import file read against this project."""
        problems: list[str] = []
        header = list(rows[0]) if rows else []
        if tuple(header[:4]) != FIXED:
            return [f"data: the header must start with {', '.join(FIXED)}"]
        column_field: dict[int, tuple[str, str]] = {}
        grouped = len(header) > 4 and header[4] == DAG_COLUMN
        group_of: dict[str, str] = {}
        for i, column in enumerate(header[5 if grouped else 4:], start=5 if grouped else 4):
            name, sep, code = column.partition("___")
            if sep:
                field = self.fields.get(name)
                if field is None or field[3] != "checkbox" or code not in self.choices[name]:
                    problems.append(f"data: column {column} is no checkbox option")
                    continue
                column_field[i] = (name, "checkbox")
            elif column.endswith("_complete") and column[:-9] in self.forms:
                column_field[i] = (column[:-9], "complete")
            elif column in self.fields:
                if self.fields[column][3] == "checkbox":
                    problems.append(f"data: checkbox {column} needs one column per option")
                column_field[i] = (column, "field")
            else:
                problems.append(f"data: column {column} is not in the dictionary")
        seen: set[tuple[str, str, str, str]] = set()
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != len(header):
                problems.append(f"data line {number}: {len(row)} cells, header has "
                                f"{len(header)}")
                continue
            record, event, instrument, instance = row[:4]
            where = f"data line {number}"
            if grouped:
                group = row[4]
                if group and not GROUP_NAME.match(group):
                    problems.append(f"{where}: {group!r} is no data access group name")
                elif group and self.groups is not None and group not in self.groups:
                    problems.append(f"{where}: data access group {group!r} is not defined")
                if group_of.setdefault(record, group) != group:
                    problems.append(f"{where}: record {record} is in two data access groups")
            if not record:
                problems.append(f"{where}: no record id")
            if event not in self.events:
                problems.append(f"{where}: unknown event {event!r}")
                continue
            key = (record, event, instrument, instance)
            if key in seen:
                problems.append(f"{where}: a second row for {key!r}")
            seen.add(key)
            if instrument:
                if (event, instrument) not in self.repeating_forms:
                    problems.append(f"{where}: {instrument} does not repeat in {event}")
                if not INSTANCE.match(instance):
                    problems.append(f"{where}: instance {instance!r} is not 1, 2, ...")
            elif event in self.repeating_events:
                if not INSTANCE.match(instance):
                    problems.append(f"{where}: repeating event {event} needs an instance")
            elif instance:
                problems.append(f"{where}: an instance on a row that does not repeat")
            allowed = self.designated.get(event, set())
            for i, (name, kind) in column_field.items():
                value = row[i]
                if value == "":
                    continue
                form = name if kind == "complete" else self.field_form[name]
                if form not in allowed:
                    problems.append(f"{where}: {header[i]} belongs to {form}, which {event} "
                                    "does not hold")
                    continue
                if instrument and form != instrument:
                    problems.append(f"{where}: {header[i]} is not on the repeating form "
                                    f"{instrument}")
                    continue
                if not instrument and (event, form) in self.repeating_forms:
                    problems.append(f"{where}: {header[i]} belongs to repeating {form} but "
                                    "the row names no repeat instrument")
                    continue
                problem = self._value_problem(name, kind, value)
                if problem:
                    problems.append(f"{where}: {header[i]} = {value!r}: {problem}")
        return problems

    def _value_problem(self, name: str, kind: str, value: str) -> str | None:
        if kind == "complete":
            return None if value in COMPLETE else "form status must be 0, 1 or 2"
        if kind == "checkbox":
            return None if value in ("0", "1") else "a checkbox column holds 0 or 1"
        field = self.fields[name]
        ftype, validation, low, high = field[3], field[7], field[8], field[9]
        if ftype in ("dropdown", "radio"):
            return None if value in self.choices[name] else "not one of the choice codes"
        if ftype in ("yesno", "truefalse"):
            return None if value in ("0", "1") else "must be 0 or 1"
        if validation:
            if not VALIDATION[validation].match(value):
                return f"not a {validation} value"
            if validation in NUMERIC:
                number = float(value)
                if low and number < float(low):
                    return f"below the minimum {low}"
                if high and number > float(high):
                    return f"above the maximum {high}"
            elif validation == "date_ymd":
                if (low and value < low) or (high and value > high):
                    return "outside the date limits"
        return None


def check_project(dictionary: Sequence[Sequence[str]], events: Sequence[Sequence[str]],
                  arms: Sequence[Sequence[str]], mapping: Sequence[Sequence[str]],
                  repeating: Sequence[Sequence[str]],
                  data: Sequence[Sequence[str]],
                  groups: Sequence[str] | None = None) -> list[str]:
    """Every problem REDCap's rules find in a project's set-up files and its data file
    (``groups``: the project's data access groups, when it defines them)."""
    project = Project(dictionary, events, arms, mapping, repeating, groups)
    return project.problems + project.check_data(data)


__all__ = ["MAX_NAME", "VALIDATION", "Project", "check_project", "parse_choices",
           "unique_event_name"]
