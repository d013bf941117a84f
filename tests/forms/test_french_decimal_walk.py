"""The French screens that show decimals write them with the decimal comma (issue 21):
the visit form's sections with decimal scores (CHAQ disability index, enzymes × ULN, the
response's TIS and its working), the dose view and the cohort tables are walked, and a
number written with a point between digits (\\d\\.\\d) fails the test. Left out: the plan's
own text (marked plan_text, as the English-word walk does) and what a person types in a
field (a stored value is given back with the domain's point, which stays accepted)."""

from __future__ import annotations

import re
from datetime import date

import pytest
from test_french import enrollment_wizard_at_details, plain, visible_texts
from test_french_visit import BASELINE, MONTH_1, _save, visible_texts_with_cells
from visit_fixtures import enrolled_patient, open_form

from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor")

POINT_DECIMAL = re.compile(r"\d\.\d")


def shown(window) -> list[str]:
    """Every text shown: labels, buttons, titles, placeholders, tooltips, table cells and
    headers, the section list."""
    return [text for _where, text in visible_texts(window)] + visible_texts_with_cells(window)


def with_point_decimals(texts: list[str], data: tuple[str, ...] = ()) -> list[str]:
    out = []
    for text in texts:
        for value in data:
            text = text.replace(value, " ")
        if POINT_DECIMAL.search(text):
            out.append(text)
    return out


def test_the_walk_finds_a_point_decimal(qtbot, database, qapp):
    """The check itself: the same follow-up visit shown in English is caught (its CHAQ
    index 1.00, CK 0.75 × ULN and TIS 87.5 are written with a point there)."""
    INTERFACE.switch("en")
    _pid, _eid, visits = enrolled_patient(database)
    _save(database, visits["baseline"], BASELINE, date(2026, 5, 4))
    _save(database, visits["month_1"], MONTH_1, date(2026, 6, 4))
    window = open_form(qtbot, database, visits["month_1"])
    window.show()
    window.show_section("response")
    left = with_point_decimals(shown(window))
    assert any("TIS 87.5" in text for text in left), left
    assert with_point_decimals(["DI 1,25", "02 nov. 2026", "v2"]) == []


def test_visit_sections_with_decimal_scores_use_the_decimal_comma(qtbot, database, french):
    """Follow-up visit worked out by hand (tests/forms/test_french_visit.py): CHAQ 1 in
    each domain -> DI 1.00; CK 150 U/L ÷ ULN 200 U/L = 0.75 × ULN; TIS 87.5 / 100."""
    _pid, _eid, visits = enrolled_patient(database)
    _save(database, visits["baseline"], BASELINE, date(2026, 5, 4))
    _save(database, visits["month_1"], MONTH_1, date(2026, 6, 4))
    window = open_form(qtbot, database, visits["month_1"])
    window.resize(1366, 768)
    window.show()
    seen = []
    for key in window.section_keys:
        window.show_section(key)
        texts = shown(window)
        seen += texts
        left = with_point_decimals(texts)
        assert not left, f"{key}: a decimal with a point:\n" + "\n".join(left)
    assert any("TIS 87,5 / 100" in text for text in seen)
    assert any("0,75" in text for text in seen)
    assert any("IM 1,00" in text or "1,00" in text for text in seen)


def test_the_dose_view_uses_the_decimal_comma(qtbot, database, french):
    """Weight 20.5 kg: IVIG 2 g/kg × 20.5 kg = 41 g, rounded to the nearest 0.1 g; the
    derivation (plan words inside, so marked plan_text) is read here too."""
    wizard = enrollment_wizard_at_details(qtbot, database)
    page = wizard.details_page
    page.enrollment_date.set_iso("2026-11-02")
    page.measurements.weight.setText("20,5")
    page.measurements.height.setText("115,5")
    page.measurements.measured_on.set_iso("2026-11-02")
    left = with_point_decimals(shown(wizard))
    assert not left, "details: " + "\n".join(left)
    wizard.next()
    wizard.arm_page.choose("A")
    wizard.next()
    assert wizard.currentPage() is wizard.doses_page
    view = wizard.doses_page.views["ivig"]
    texts = shown(wizard) + [view.headline.text(), view.derivation.toPlainText(),
                             wizard.doses_page.subTitle()]
    left = with_point_decimals([plain(t) for t in texts])
    assert not left, "doses: " + "\n".join(left)
    assert "2 g/kg × 20,5 kg = 41 g" in view.derivation.toPlainText()
    view.final.setText("40,5")
    left = with_point_decimals(shown(wizard))
    assert not left, "final dose: " + "\n".join(left)


def test_the_cohort_tables_use_the_decimal_comma(qtbot, database, french):
    """Means, SDs, differences and intervals of the cohort's tables (a small demo)."""
    from app.db.demo import fill_demo_database
    from app.forms.cohort_window import CohortWindow

    fill_demo_database(database, patients=40, seed=5, as_of=date(2026, 11, 1))
    window = CohortWindow(database, background=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    baseline = window.tables["baseline"]
    assert "," in baseline.item(0, 1).text()  # mean age, e.g. "moyenne 9,4"
    weighted = window.tabs.count() - 2  # computed on request: its own test
    for index in range(window.tabs.count()):
        if index == weighted:
            continue
        window.tabs.setCurrentIndex(index)
        left = with_point_decimals(shown(window))
        assert not left, f"tab {index}: " + "\n".join(left)
    ticks = []
    for view in window.charts.values():
        chart = view.chart
        words = [chart.title, chart.x.title, chart.y.title, *(s.label for s in chart.series),
                 *(b.label for b in chart.bands)]
        assert not with_point_decimals(words), words
        layout = view.chart_layout()  # the axes' labels as drawn
        ticks += [placed.text for placed in (*layout.y_labels, *layout.x_labels)]
    assert not with_point_decimals(ticks), ticks
    assert "0,5" in ticks or "0,2" in ticks, ticks  # the proportion axis (0 to 1)
