"""The cohort window's weighted comparison tab in French (issue 21): its caveats above the
table and the bootstrap's reasons a replicate's model could not be fitted, as well as the
rest of the tab, with no English word of the .ts left (the other tabs:
test_french_visit.test_cohort_window_in_french)."""

from __future__ import annotations

from datetime import date

import pytest
from test_french import (
    WORD,
    assert_french,
    english_only_words,
)
from test_french_visit import visible_texts_with_cells

from app.db.demo import fill_demo_database
from app.domain.cohort.propensity import CAVEATS, NOT_FITTED_REASONS, not_fitted
from app.forms import terms
from app.forms.cohort_window import CohortWindow
from app.forms.language import INTERFACE

pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.mark.usefixtures("french")
def test_weighted_comparison_tab_in_french(qtbot, database):
    # 40 children: arms A and B have enough complete cases for a weighted comparison
    fill_demo_database(database, patients=40, seed=5, as_of=date(2026, 11, 1))
    window = CohortWindow(database, background=False)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.tabs.setCurrentIndex(window.tabs.count() - 2)  # the weighted comparison
    window.compute_intervals(replicates=40)
    result = window.outcomes.intervals[("A", "B")]
    # with seed 5 and 40 replicates the covariates separate arms A and B in 26 of them
    assert result.reasons == (("the covariates separate the arms", 26),)
    assert window.weighted_caveats.text().startswith(
        "Exploratoire : une comparaison observationnelle. La pondération n'équilibre que "
        "les covariables mesurées et énumérées ici\u202f;")
    table = window.tables["propensity"]
    texts = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert any(t.endswith("; modèle non ajusté dans 26 (les covariables séparent les "
                          "bras\u00a0: 26)")
               for t in texts), texts
    data = ("persistent-skin-rash", "Baseline", "Month", "IVIG")
    english = english_only_words()
    cells = visible_texts_with_cells(window)
    for value in data:
        cells = [text.replace(value, " ") for text in cells]
    left = [text for text in cells if {w.lower() for w in WORD.findall(text)} & english]
    assert_french(window, data=data)
    assert not left


@pytest.mark.usefixtures("french")
def test_every_caveat_and_reason_not_fitted_is_listed_and_translated():
    """A new reason in app.domain.cohort.propensity (or a reworded caveat) fails here
    until it is listed in terms.py and has its French."""
    listed = terms.LISTED[terms.COHORT]
    assert set(CAVEATS) <= set(listed)
    assert set(NOT_FITTED_REASONS) <= set(listed)
    assert INTERFACE.language == "fr"
    assert [w for w in (*CAVEATS, *NOT_FITTED_REASONS) if terms.term(terms.COHORT, w) == w] == []
    assert terms.phrases(terms.COHORT, not_fitted("the model did not converge")) == (
        "non affiché : le modèle n'a pas convergé")
