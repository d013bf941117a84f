"""Pure checks behind three visit-form fields: adverse event onset/resolved dates, weight
and height typed in lb / in (clinical-rules §4), and a skin finding's change since the
last visit against the skin activity score (a reminder, never an error)."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain.instruments.skin import skin_change_warning
from app.domain.visit_form import (
    ItemEntry,
    adverse_event_date_problems,
    body_measure_metric,
    skin_activity_change,
    validate_vital,
)

TODAY = date(2026, 11, 21)

# ------------------------------------------------------------ adverse event dates


@pytest.mark.parametrize(
    ("onset", "resolved", "expected"),
    [
        ("2026-01-05", "", {}),  # empty resolved = ongoing
        (None, None, {}),
        ("", "2026-01-03", {}),  # onset unknown: nothing to order against
        ("2026-01-05", "2026-01-05", {}),  # began and ended the same day
        ("2026-01-05", "2026-11-21", {}),  # resolved today
        (
            "2026-01-05",
            "2026-01-03",
            {"resolved": "Adverse event 2: resolved 2026-01-03 is before its onset 2026-01-05."},
        ),
        (
            "2026-01-05",
            "2026-11-22",
            {"resolved": "Adverse event 2: the resolved date 2026-11-22 is in the future."},
        ),
        (
            "2026-11-30",
            "",
            {"onset": "Adverse event 2: the onset date 2026-11-30 is in the future."},
        ),
        (
            "2026-01-05",
            "2026-02-30",
            {
                "resolved": 'Adverse event 2: the resolved date: "2026-02-30" is an impossible '
                "date: February 2026 has 28 days."
            },
        ),
        (  # an onset that cannot be read is said once; no ordering message on top
            "2026-13-01",
            "2026-01-03",
            {
                "onset": 'Adverse event 2: the onset date: "2026-13-01" is an impossible date: '
                "there is no month 13 (months run from 1 to 12)."
            },
        ),
        (  # both wrong: each said at its own field
            "2026-12-01",
            "2026-12-02",
            {
                "onset": "Adverse event 2: the onset date 2026-12-01 is in the future.",
                "resolved": "Adverse event 2: the resolved date 2026-12-02 is in the future.",
            },
        ),
    ],
)
def test_adverse_event_dates(onset, resolved, expected):
    assert adverse_event_date_problems(2, onset, resolved, TODAY) == expected


# ------------------------------------------------------- weight and height in lb / in


@pytest.mark.parametrize(
    ("item", "text", "unit", "expected"),
    [
        ("weight_kg", "45", "lb", 20.41165665),  # 45 lb × 0.45359237 = 20.41165665 kg
        # 4.41 lb: 4 × 0.45359237 + 0.41 × 0.45359237 = 1.81436948 + 0.1859728717
        #        = 2.0003423517 kg, just inside 2 kg
        ("weight_kg", "4.41", "lb", 2.0003423517),
        # 440.92 lb: 440 × 0.45359237 + 0.92 × 0.45359237 = 199.5806428 + 0.4173049804
        #          = 199.9979477804 kg, just inside 200 kg
        ("weight_kg", "440.92", "lb", 199.9979477804),
        ("weight_kg", "20.5", "kg", 20.5),
        ("weight_kg", "20.5", None, 20.5),  # no unit: kg, as stored
        ("height_cm", "50", "in", 127.0),  # 50 in × 2.54 = 127 cm
        ("height_cm", "47.5", "in", 120.65),  # 47.5 in × 2.54 = 120.65 cm
        ("height_cm", "118", "cm", 118.0),
    ],
)
def test_body_measure_converted_to_the_stored_unit(item, text, unit, expected):
    assert body_measure_metric(item, text, unit) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("item", "text", "unit", "message"),
    [
        (  # 500 lb × 0.45359237 = 226.796185 kg > 200 kg;
            # bounds in lb: 2 / 0.45359237 = 4.409 → 4.41, 200 / 0.45359237 = 440.924 → 440.92
            "weight_kg",
            "500",
            "lb",
            "Weight must be between 2 and 200 kg (4.41 to 440.92 lb); 500 lb (226.8 kg) "
            "was entered.",
        ),
        (  # 4 lb × 0.45359237 = 1.81436948 kg < 2 kg
            "weight_kg",
            "4",
            "lb",
            "Weight must be between 2 and 200 kg (4.41 to 440.92 lb); 4 lb (1.81 kg) "
            "was entered.",
        ),
        (  # 100 in × 2.54 = 254 cm > 220 cm; 45 / 2.54 = 17.717 → 17.72, 220 / 2.54 = 86.614
            "height_cm",
            "100",
            "in",
            "Height must be between 45 and 220 cm (17.72 to 86.61 in); 100 in (254 cm) "
            "was entered.",
        ),
        (
            "weight_kg",
            "45",
            "kg",
            None,
        ),
        (  # 45 typed as kg is fine, but 300 kg is not
            "weight_kg",
            "300",
            "kg",
            "Weight must be between 2 and 200 kg; 300 kg was entered.",
        ),
        (
            "weight_kg",
            "forty",
            "lb",
            'Weight must be a number (for example 20.5); "forty" was entered.',
        ),
        ("height_cm", "", "in", None),  # blank is not an error here
    ],
)
def test_body_measure_messages_in_the_unit_typed(item, text, unit, message):
    found = validate_vital(item, text, unit)
    assert (None if found is None else str(found)) == message


def test_body_measure_refuses_a_unit_the_form_never_offers():
    with pytest.raises(ValueError, match="stone"):
        body_measure_metric("weight_kg", "3", "stone")
    # The validator never raises: it says so in words, and never accepts the value.
    assert str(validate_vital("weight_kg", "3", "stone")) == (
        "Weight is entered in kg or lb, not stone.")
    assert str(validate_vital("height_cm", "120", "mg/dL")) == (
        "Height is entered in cm or in, not mg/dL.")


# ----------------------------------------------- skin change vs skin activity score


@pytest.mark.parametrize(
    ("previous", "current", "answer", "direction"),
    [
        (3.0, 4.5, "improving", "higher"),  # rated better, score went up: contradiction
        (4.5, 3.0, "worse", "lower"),  # rated worse, score went down: contradiction
        (0.0, 0.1, "improving", "higher"),  # the smallest step (0.1 cm) counts
        (3.0, 4.5, "worse", None),  # agrees with the numbers
        (4.5, 3.0, "improving", None),
        (3.0, 3.0, "improving", None),  # equal scores: nothing contradicts
        (3.0, 3.0, "worse", None),
        (3.0, 4.5, "same", None),  # "same" is about the finding, not the score
        (4.5, 3.0, "new", None),  # "new" says nothing about direction
        (None, 4.5, "improving", None),  # nothing recorded last time: nothing to compare
        (3.0, None, "worse", None),  # not recorded now
        (None, None, "improving", None),
        (3.0, 4.5, None, None),  # not answered
        (3.0, 4.5, "", None),
    ],
)
def test_skin_change_warning_table(previous, current, answer, direction):
    message = skin_change_warning(previous, current, answer)
    if direction is None:
        assert message is None
    else:
        assert message is not None and f"is {direction} than" in message


def test_skin_change_warning_says_what_to_check_in_plain_words():
    assert skin_change_warning(
        3.0,
        4.5,
        "improving",
        finding="Heliotrope rash",
        measure="the skin activity score (MDAAT cutaneous VAS)",
        previous_label="the last visit (Month 1, 2026-06-04)",
    ) == (
        "Please check: Heliotrope rash is marked improving, but the skin activity score "
        "(MDAAT cutaneous VAS) is higher than at the last visit (Month 1, 2026-06-04): "
        "3 cm then, 4.5 cm now. Saving is not blocked."
    )


def g(**codes):
    return {"global": {c: ItemEntry(value_num=v) for c, v in codes.items()}}


@pytest.mark.parametrize(
    ("previous", "current", "expected"),
    [
        (None, g(mdaat_cutaneous_vas=4.0), None),  # no previous visit
        (g(), g(mdaat_cutaneous_vas=4.0), None),  # previous visit without a skin score
        (
            g(mdaat_cutaneous_vas=3.0, pga_skin=2.0),
            g(mdaat_cutaneous_vas=4.5, pga_skin=1.0),
            ("mdaat_cutaneous_vas", 3.0, 4.5),  # the primary outcome first
        ),
        (
            g(pga_skin=2.0),
            g(mdaat_cutaneous_vas=4.5, pga_skin=1.0),
            ("pga_skin", 2.0, 1.0),  # VAS not recorded at both: the PGA of skin instead
        ),
        (g(mdaat_cutaneous_vas=3.0), g(pga_skin=1.0), None),  # never one measure vs another
        (g(mdaat_cutaneous_vas=3.0), g(mdaat_cutaneous_vas=12.0), None),  # 12 cm: not usable
        (
            g(mdaat_cutaneous_vas=3.0),
            {"global": {"mdaat_cutaneous_vas": ItemEntry(missing_reason="not_done")}},
            None,
        ),
    ],
)
def test_skin_activity_measure_compared(previous, current, expected):
    change = skin_activity_change(previous, current)
    if expected is None:
        assert change is None
    else:
        assert (change.code, change.previous, change.current) == expected
        assert change.label.startswith("the ")
