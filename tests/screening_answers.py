"""Screening answers of a child eligible for the persistent-skin-rash plan (seed 000,
Table 1), shared by the domain, storage and wizard tests (importable because the root
conftest's folder is on the test path)."""

from __future__ import annotations

from app.domain.screening import CriterionAnswer

EXCLUSIONS = (
    "significant_organ_involvement",
    "other_conditions_influencing_outcome",
    "calcinosis_more_than_mild",
    "ulcerative_skin_disease",
)


def eligible_answers() -> dict[str, CriterionAnswer]:
    return {
        "skin_not_improving": CriterionAnswer("yes", {
            "skin_trend": "static", "skin_course": "persistent_since_diagnosis",
            "muscle_resolved_on": "2026-06-01"}),
        "no_active_myositis": CriterionAnswer("yes"),
        "cmas_normal": CriterionAnswer("yes", {"cmas_total": "50"}),
        "enzymes_normal_or_explained": CriterionAnswer("yes", {"enzymes_status": "normal"}),
        "mri_no_active_myositis": CriterionAnswer("yes", {"mri_done": False}),
        "prior_corticosteroid_and_methotrexate": CriterionAnswer("yes", {
            "corticosteroid_use": "current", "corticosteroid_started_on": "2025-01-10",
            "methotrexate_use": "current", "methotrexate_started_on": "2025-02-01"}),
        "mild_calcinosis": CriterionAnswer("no", {"calcinosis_grade": "none"}),
        "nailfold_capillary_abnormalities": CriterionAnswer("no"),
        "hydroxychloroquine": CriterionAnswer("no"),
        "ivig": CriterionAnswer("no"),
        **{cid: CriterionAnswer("no") for cid in EXCLUSIONS},
    }
