"""What the cohort reads from the database, as SQL: the plan's visits, their item values
(by instrument, in blocks of visits), one row of numbers per visit, the baseline's
autoantibodies and the stored scores. Plain rows, no ORM objects, on SQLite through the
driver's own cursor (the cohort's hot queries); ``app.exports.cohort_data`` builds the
domain's patients from them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Enrollment, Visit, VisitScore
from app.domain.cohort.data import SKIN_VAS
from app.domain.instruments.baseline_tests import AUTOANTIBODIES
from app.domain.instruments.steroid_exposure import STORED as STEROIDS
from app.domain.visit_scores import SCORED_INSTRUMENTS
from app.domain.visit_values import ItemEntry

# Visits whose results count: completed or signed (a draft may be half entered).
DONE = ("complete", "signed")
# What each visit is read with: the baseline and the month-6/12 visits with everything
# their scores, response and daily steroid need; the other visits with what PRINTO reads
# (CK as entered, CMAS, MMT8, the physician global), or nothing more for a child who does
# not enter the time to inactive disease. (instrument, items or None for all of them.)
Selection = tuple[tuple[str, tuple[str, ...] | None], ...]
FOR_PRINTO: Selection = (("cmas", None), ("enzymes", ("ck",)), ("mmt8", None),
                         ("global", ("pga_activity", SKIN_VAS)))
# The CDASI is scored by score_visit but is in no cohort figure (scored_values and the
# response criteria do not read it), and it is the largest form: it is not read.
FULL: Selection = tuple((i, None) for i in sorted(
    (SCORED_INSTRUMENTS - {"cdasi"}) | {"medications"}))
# With the scores stored: what they do not give (medications; the baseline's
# autoantibodies are read apart, ``antibodies_reader``).
KEPT_FULL: Selection = (("medications", None),)
# Every visit's skin VAS, steroid doses and weight (the cumulative steroid exposure adds
# them up; the other steroid-form items, methotrexate and hydroxychloroquine, are in no
# figure): of these items only the number is read anywhere (global_value, steroid_visit,
# daily_steroid_mg_kg's weight), so they are read as one row of numbers per visit, the
# database picking each (visit, instrument, item) from its unique index, instead of one
# row per item. (instrument, item)
NUMBERS: tuple[tuple[str, str], ...] = (
    ("global", SKIN_VAS), (STEROIDS, "ivmp_dose_mg"), (STEROIDS, "ivmp_pulses"),
    (STEROIDS, "prednisone_mg_day"), ("vitals", "weight_kg"))
BLOCK = 5000  # visits per item query
_ITEMS_SQL = (
    "SELECT visit_id, instrument, item, value_num, value_text, unit, missing_reason "
    "FROM instrument_value WHERE visit_id IN ({}) AND {} ORDER BY visit_id, item")
_NUMBER_SQL = ("(SELECT value_num FROM instrument_value n WHERE n.visit_id = v.id "
               "AND n.instrument = '{}' AND n.item = '{}')")
_NUMBERS_SQL = ("SELECT v.id, " + ", ".join(_NUMBER_SQL.format(*n) for n in NUMBERS)
                + " FROM visit v WHERE v.id IN ({})")


_VISIT = itemgetter(0)
_THIRD = itemgetter(2)
_ENTRY_FIELDS = itemgetter(slice(3, 7))  # num, text, unit, missing of an item row
_new_entry = partial(tuple.__new__, ItemEntry)  # ItemEntry(*fields), in C


def _driver_query(session: Session) -> tuple[Callable[[str, Sequence[Any]], list[tuple]], str]:
    """A function running SQL on the session's connection and snapshot, returning its rows,
    and the parameter marker its SQL uses. On SQLite it is the driver's own cursor, without
    per-row result objects (as the export does): these are the cohort's hot queries."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return (lambda sql, params: connection.exec_driver_sql(sql, tuple(params)).all()), "%s"
    raw = connection.connection.driver_connection

    def fetch(sql: str, params: Sequence[Any]) -> list[tuple]:
        cursor = raw.cursor()
        try:
            cursor.execute(sql, params)
            return cursor.fetchall()
        finally:
            cursor.close()

    return fetch, "?"


def items_reader(session: Session) -> Callable[[list[int], Selection],
                                                dict[int, dict[str, dict]]]:
    fetch, marker = _driver_query(session)

    def read(visit_ids: list[int], selection: Selection) -> dict[int, dict[str, dict]]:
        out: dict[int, dict[str, dict]] = {}
        # One query per instrument, so that SQLite seeks each (visit, instrument, item)
        # in the unique index instead of walking every item of each visit; in the
        # instruments' order, so that a visit's instruments come in the order they did.
        for instrument, items in _by_instrument(selection):
            condition = f"instrument = {marker}" if items is None else (
                f"instrument = {marker} AND item IN ({','.join([marker] * len(items))})")
            for start in range(0, len(visit_ids), BLOCK):
                chunk = visit_ids[start:start + BLOCK]
                sql = _ITEMS_SQL.format(",".join([marker] * len(chunk)), condition)
                rows = fetch(sql, [*chunk, instrument, *(items or ())])
                # One pass over each visit's rows: item -> ItemEntry built in C.
                for visit_id, entries in groupby(rows, _VISIT):
                    listed = list(entries)
                    per = out.get(visit_id)
                    if per is None:
                        per = out[visit_id] = {}
                    per[instrument] = dict(zip(map(_THIRD, listed),
                                               map(_new_entry, map(_ENTRY_FIELDS, listed)),
                                               strict=True))
        return out

    return read


class VisitRow(NamedTuple):
    """A visit done, as the cohort reads it."""

    id: int
    enrollment_id: int
    visit_code: str
    visit_date: date
    version_id: int


_new_visit = partial(tuple.__new__, VisitRow)
_VISITS_SQL = (
    "SELECT v.id, v.enrollment_id, v.visit_code, v.visit_date, v.version_id FROM visit v "
    "JOIN enrollment e ON e.id = v.enrollment_id WHERE e.protocol_id = {0} "
    "AND v.status IN ({0}, {0}) AND v.visit_date IS NOT NULL "
    "ORDER BY v.enrollment_id, v.visit_date, v.id")


def read_visit_rows(session: Session, protocol_id: str) -> list[VisitRow]:
    """The plan's visits done (``DONE``, dated), per enrollment in date order. On SQLite
    the dates come as the ISO text SQLAlchemy stores them in and are read by
    ``date.fromisoformat`` (in C), not by a per-row result processor: a fifth of the
    read's own time with 34,000 visits (measured)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return [_new_visit(tuple(row)) for row in connection.exec_driver_sql(
            _VISITS_SQL.format("%s"), (protocol_id, *DONE))]
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(_VISITS_SQL.format("?"), (protocol_id, *DONE))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return [_new_visit((i, e, code, date.fromisoformat(day), version))
            for i, e, code, day, version in rows]


# The autoantibodies the baseline table shows, tested (positive or negative): one row per
# visit, "+code" or "-code" joined by commas (no code has a comma), instead of a row per
# antibody, most of them negative (13 rows a visit in the demo).
_ANTIBODY_CODES = tuple(code for code, _ in AUTOANTIBODIES)
_ANTIBODIES_SQL = (
    "SELECT visit_id, {agg}(CASE value_text WHEN 'positive' THEN '+' ELSE '-' END "
    "|| item, ',') FROM instrument_value WHERE visit_id IN ({visits}) "
    "AND instrument = 'autoantibodies' AND value_text IN ('positive', 'negative') "
    "AND item IN ({codes}) GROUP BY visit_id")
_POSITIVE = ItemEntry(None, "positive")
_NEGATIVE = ItemEntry(None, "negative")


def antibodies_reader(session: Session) -> Callable[[list[int], dict[int, dict]], None]:
    """Each visit's autoantibodies tested into its values, as items holding only their
    answer (all that is read of them, ``baseline_of``; in no set order: they are looked up
    by code)."""
    fetch, marker = _driver_query(session)
    aggregate = "group_concat" if marker == "?" else "string_agg"

    def read(visit_ids: list[int], values: dict[int, dict]) -> None:
        for start in range(0, len(visit_ids), BLOCK):
            chunk = visit_ids[start:start + BLOCK]
            sql = _ANTIBODIES_SQL.format(agg=aggregate, visits=",".join([marker] * len(chunk)),
                                         codes=",".join([marker] * len(_ANTIBODY_CODES)))
            for visit_id, answers in fetch(sql, (*chunk, *_ANTIBODY_CODES)):
                per = values.get(visit_id)
                if per is None:
                    per = values[visit_id] = {}
                per["autoantibodies"] = {
                    answer[1:]: _POSITIVE if answer[0] == "+" else _NEGATIVE
                    for answer in answers.split(",")}

    return read


def numbers_reader(session: Session) -> Callable[[list[int]], list[tuple]]:
    """Each visit's NUMBERS: (visit id, value_num of each, None when not stored)."""
    fetch, marker = _driver_query(session)

    def read(visit_ids: list[int]) -> list[tuple]:
        out: list[tuple] = []
        for start in range(0, len(visit_ids), BLOCK):
            chunk = visit_ids[start:start + BLOCK]
            out.extend(fetch(_NUMBERS_SQL.format(",".join([marker] * len(chunk))), chunk))
        return out

    return read


def add_numbers(values: dict[int, dict[str, dict]], rows: list[tuple]) -> None:
    """Each visit's NUMBERS into its values as items holding only their number (all that
    is read of them), beside the items read whole (which win: the same item's number)."""
    for row in rows:
        per = values.get(row[0])
        if per is None:
            per = values[row[0]] = {}
        for (instrument, item), number in zip(NUMBERS, row[1:], strict=True):
            if number is not None:
                entries = per.get(instrument)
                if entries is None:
                    per[instrument] = {item: ItemEntry(number)}
                elif item not in entries:
                    entries[item] = ItemEntry(number)


def _by_instrument(selection: Selection) -> list[tuple[str, tuple[str, ...] | None]]:
    """Each instrument of a selection once, in name order: all its items when one entry
    asks for all of them, else every item asked for."""
    merged: dict[str, set[str] | None] = {}
    for instrument, items in selection:
        if items is None or merged.get(instrument, set()) is None:
            merged[instrument] = None
        else:
            merged[instrument] = (merged.get(instrument) or set()) | set(items)
    return [(i, None if merged[i] is None else tuple(sorted(merged[i])))  # type: ignore[arg-type]
            for i in sorted(merged)]


def read_stored_scores(session: Session, protocol_id: str) -> dict[int, tuple[str, str]]:
    """The stored scores (stamp, JSON) of the plan's visits (app.db.score_cache), on
    SQLite from the driver's cursor (30 MB of text at 10,000 patients: no per-row result
    objects)."""
    query = (select(VisitScore.visit_id, VisitScore.stamp, VisitScore.scores)
             .join(Visit, Visit.id == VisitScore.visit_id)
             .join(Enrollment, Enrollment.id == Visit.enrollment_id)
             .where(Enrollment.protocol_id == protocol_id))
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return {row[0]: (row[1], row[2]) for row in session.execute(query)}
    compiled = query.compile(dialect=connection.dialect)
    cursor = connection.connection.driver_connection.cursor()
    try:
        cursor.execute(str(compiled), tuple(compiled.params[k] for k in compiled.positiontup))
        return {visit_id: (stamp, scores) for visit_id, stamp, scores in cursor.fetchall()}
    finally:
        cursor.close()
