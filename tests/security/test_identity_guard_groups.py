"""The identity guard looks for the date-of-birth forms behind a shorter text each of them
holds (issue 22: ~40 substring searches per row became a handful): every form of every
date of birth is still found in a cell, alone or among other text, and a row without any
of them still passes."""

from __future__ import annotations

from datetime import date

import pytest

from app.reports.identity_guard import IdentityGuard, IdentityInExport, date_forms

BIRTHS = [date(1929, 4, 5), date(2012, 12, 12), date(2010, 10, 1), date(2019, 1, 19),
          date(2000, 2, 29), date(2020, 11, 20)]
HEADER = ("record_id", "a", "b")


@pytest.mark.parametrize("born", BIRTHS)
def test_every_form_of_the_date_of_birth_is_found_in_a_cell(born):
    guard = IdentityGuard("Li", "Ng", None, born)
    for form in date_forms(born):
        for cell in (form, form.upper(), f"seen {form} at clinic"):
            with pytest.raises(IdentityInExport) as refused:
                guard.check("S-1", HEADER, [("S-1", "3.5", ""), ("S-1", "-12", cell)])
            assert (refused.value.column, refused.value.kind) == ("b", "date of birth"), cell


@pytest.mark.parametrize("born", BIRTHS)
def test_numbers_and_codes_without_it_pass(born):
    rows = [("S-1", "3.12", "-120"), ("S-1", "baseline_arm_1", "12.5"),
            ("S-1", "1/2", "2011-12-12"), ("S-1", str(born.year + 1), "0.29")]
    IdentityGuard("Li", "Ng", None, born).check("S-1", HEADER, rows)


def test_each_group_key_is_in_each_of_its_forms():
    for born in BIRTHS:
        guard = IdentityGuard("Octavia", "Quarrington", "MRN-77421", born)
        grouped = [form for _key, group in guard._groups for form in group]
        assert all(key in form for key, group in guard._groups for form in group)
        assert sorted(guard._always + tuple(grouped)) == sorted(guard._needles)
