"""The identity guard's split of columns into number and other columns (issue 22: the
guard no longer searches every number for a name) changes only its speed: whatever a
number column holds (a name typed where a number was expected, the MRN's digits, the date
of birth written in digits), the guard stops the export exactly where it stopped it
searching every cell with every value, naming the same column and kind."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.reports.identity_guard import Columns, IdentityGuard, IdentityInExport

HEADER = ("record_id", "num_a", "text_b", "num_c", "text_d")
NUMBER_COLUMNS = {"num_a", "num_c"}


def outcome(guard: IdentityGuard, rows, columns: Columns | None):
    """(column, kind) of the refusal, or None when the rows pass."""
    try:
        guard.check("JDM-009", HEADER, rows, columns)
    except IdentityInExport as refused:
        return refused.column, refused.kind
    return None


def guards() -> list[IdentityGuard]:
    return [IdentityGuard("Octavia", "Quarrington", "MRN-77421", date(1929, 4, 5)),
            # An MRN of digits only: found among numbers too.
            IdentityGuard("Li", "Ng", "0077421", date(2011, 12, 3)),
            IdentityGuard(None, None, None, None)]


@pytest.mark.parametrize(("cell", "column", "kind"), [
    # Written where a number was expected: all searched like any text.
    ("Octavia", "num_a", "name"), ("12 quarrington", "num_c", "name"),
    ("MRN-77421", "num_a", "medical record number"),
    ("1929-04-05", "num_c", "date of birth"), ("5.4.1929", "num_a", "date of birth"),
    ("05-04-29", "num_c", "date of birth"), ("April 5, 1929", "num_a", "date of birth"),
    # Number characters only: the date of birth written in digits.
    ("19290405", "num_a", "date of birth"), ("-19290405", "num_c", "date of birth"),
    # In the other columns, as before.
    ("Baseline with Octavia", "text_b", "name"), ("19290405", "text_d", "date of birth"),
])
def test_a_number_column_holding_an_identity_value_stops_the_export(cell, column, kind):
    guard = guards()[0]
    row = ["JDM-009", "3", "", "4.5", ""]
    row[HEADER.index(column)] = cell
    rows = [["JDM-009", "1", "x", "2", ""], row]
    columns = Columns(HEADER, NUMBER_COLUMNS)
    assert outcome(guard, rows, columns) == outcome(guard, rows, None) == (column, kind)


def test_an_mrn_of_digits_in_a_number_column_is_found():
    guard = guards()[1]
    rows = [["JDM-009", "0077421", "", "", ""]]
    assert outcome(guard, rows, Columns(HEADER, NUMBER_COLUMNS)) == (
        "num_a", "medical record number")
    # Not inside a longer number, as before.
    assert outcome(guard, [["JDM-009", "100774210", "", "", ""]],
                   Columns(HEADER, NUMBER_COLUMNS)) is None


_cells = st.one_of(
    st.just(""),
    st.integers(-40_000_000, 40_000_000).map(str),
    st.floats(-1e4, 1e4, allow_nan=False).map(repr),
    st.sampled_from(["19290405", "0077421", "77421", "-29", "5.4.29", "1929-04-05",
                     "2011-12-03", "20111203", "3.12.2011", "Octavia", "li", "ng", "MRN",
                     "quarrington_arm_1", "other", "mrn_77421", "12/3/2011", "Dec 3, 2011"]),
    st.text(alphabet="0123456789-. _/abcMRN", max_size=12),
)


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(st.lists(_cells, min_size=5, max_size=5), min_size=1, max_size=4),
       numbers=st.sets(st.sampled_from(HEADER)), which=st.integers(0, 2))
def test_the_split_never_changes_what_the_guard_finds(rows, numbers, which):
    """Any cells, any split of the columns: the same refusal (column and kind) or none."""
    guard = guards()[which]
    assert outcome(guard, rows, Columns(HEADER, numbers)) == outcome(guard, rows, None)
