"""Cohort outcomes by arm: the comparison the treatment plans exist for.

Plain data in (``data``: one ``CohortPatient`` per enrollment, its visits already scored
by ``app.domain.visit_scores`` / ``app.domain.visit_response``), results out
(``outcomes.cohort_outcomes``), with the few statistics in ``stats``. No Qt, no storage.
Missing data are shown, never imputed: every figure carries the patients it rests on.
"""
