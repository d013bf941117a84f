"""The cohort figures in French without matching English text (issue 21): every figure
with a value in it (a row's label, a cell, a chart's legend, why a comparison is not
shown) is a Sentence from app.domain.cohort, translated template by template; any other
is a whole entry of the list or has no words. Before, a figure was matched against the
listed templates: "fewer than 10 patients" was a template, so the same sentence for
another minimum stayed English, and the window cut cells into lines on their English."""

from __future__ import annotations

from datetime import date

import pytest
from test_french import (
    WORD,
    english_only_words,
)

from app.db.demo import fill_demo_database
from app.domain.cohort.data import BaselineValues, CohortPatient, VisitOutcome
from app.domain.cohort.outcomes import tables
from app.domain.cohort.propensity import COVARIATES, compare_arms, not_fitted, tis_at
from app.domain.phrases import Sentence
from app.forms import terms
from app.forms.cohort_window import CohortWindow, figure_words
from app.reports.cohort_charts import cohort_charts

START = date(2026, 1, 5)
AGE_FEMALE = [c for c in COVARIATES if c.key in ("age", "female")]


def child(study_id: str, arm: str, age: float) -> CohortPatient:
    visits = (VisitOutcome("baseline", 0, 0, False), VisitOutcome("month_6", 6, 183, True, 40.0))
    return CohortPatient(study_id, "persistent-skin-rash", arm, "active", False, START,
                         BaselineValues(age_years=age, female=True), visits)


@pytest.mark.usefixtures("french")
def test_too_few_complete_cases_for_another_minimum_read_in_french():
    patients = [child("A1", "A", 5.0), child("A2", "A", 7.0), child("B1", "B", 9.0)]
    compared = compare_arms(patients, "A", "B", [tis_at(6)], AGE_FEMALE, min_per_arm=3)
    assert compared.not_shown == ("not shown: fewer than 3 patients with every covariate "
                                  "recorded on an arm (A: 2, B: 1)")
    assert figure_words(compared.not_shown) == (
        "non affiché : moins de 3 patients avec toutes les covariables consignées dans un "
        "bras (A\u00a0: 2, B\u00a0: 1)")
    assert figure_words(not_fitted("the model did not converge")) == (
        "non affiché : le modèle n'a pas convergé")


def whole_or_sentence(text: str, plan_words: set[str], english: set[str]) -> bool:
    """A figure the interface can say without matching: a Sentence, a listed entry, a
    plan's own text, or one that reads the same in French ("CMAS (0-52)", "cm", numbers
    and arm letters)."""
    return (isinstance(text, Sentence) or text in terms.LISTED[terms.COHORT]
            or text in terms.LISTED[terms.COHORT_TABLE] or text in plan_words
            or not {w.lower() for w in WORD.findall(text)} & english)


@pytest.mark.usefixtures("french", "system_actor")
def test_every_figure_is_a_sentence_or_whole_and_cells_break_where_the_domain_says(
        qtbot, database):
    fill_demo_database(database, patients=40, seed=5, as_of=date(2026, 11, 1))
    window = CohortWindow(database, background=False)
    qtbot.addWidget(window)
    window.compute_intervals(replicates=40)
    out = window.outcomes
    plan_words = {v.label for v in out.schedule} | set(out.arm_names.values())
    texts = [out_text for table in tables(out)
             for out_text in (table.title, table.note,
                              *(cell.text for row in table.rows for cell in row))]
    for chart in cohort_charts(out):
        texts += [chart.title, chart.x.title, chart.y.title, chart.empty_text,
                  *(s.label for s in chart.series), *(b.label for b in chart.bands)]
    texts += list(out.notes)
    english = english_only_words()
    assert [t for t in texts if not whole_or_sentence(t, plan_words, english)] == []
    assert sum(isinstance(t, Sentence) for t in texts) > 40
    table = window.tables["propensity"]
    cells = [table.item(r, 1).text() for r in range(table.rowCount())]
    weighted = [c.split("\n") for c in cells if c.startswith("pondéré ")]
    assert weighted and all(len(lines) == 3 and lines[1].startswith("IC à 95 % ")
                            and lines[2].startswith("brut ") for lines in weighted), weighted
    bootstrap = next(c for c in cells if "réplications rééchantillonnées" in c).split("\n")
    assert len(bootstrap) == 2 and bootstrap[1].startswith("(graine "), bootstrap
