"""Screening flow and verdict (seed 000, Table 1), without Qt."""

from __future__ import annotations

from datetime import date

import pytest
from screening_answers import EXCLUSIONS, eligible_answers

from app.catalog import protocol_catalog
from app.domain.prior_therapy import PriorTherapyRecord
from app.domain.screening import (
    ELIGIBLE,
    NOT_ELIGIBLE,
    NOT_YET_ELIGIBLE,
    PRIOR_PAGE,
    CriterionAnswer,
    ScreeningDraft,
    ScreeningFlow,
    applicable_details,
    decide,
    saved_answers,
    screening_facts,
)
from app.domain.screening_prior_therapy import PriorAssessment, assess_prior_therapy

TODAY = date(2026, 11, 21)
EXCLUSION_DETAILS = {
    "significant_organ_involvement": {"organ_involvement": ["cardiac_disease"]},
    "other_conditions_influencing_outcome": {"other_conditions_detail": "Cystic fibrosis"},
    "calcinosis_more_than_mild": {},
    "ulcerative_skin_disease": {},
}


@pytest.fixture(scope="module")
def protocol():
    return protocol_catalog().protocols["persistent-skin-rash"]


def eligible_draft() -> ScreeningDraft:
    return ScreeningDraft(patient_id=1, protocol_id="persistent-skin-rash",
                          screening_date="2026-11-01", answers=eligible_answers())


def test_pages_follow_the_paper_groups(protocol):
    assert ScreeningFlow(protocol).pages() == [
        "setup", "required", "allowed", "exclusion", "verdict"]


def test_every_page_of_a_complete_eligible_draft_is_complete(protocol):
    flow, draft = ScreeningFlow(protocol), eligible_draft()
    for page in ("setup", "required", "allowed", "exclusion"):
        assert flow.page_problems(draft, page, TODAY) == {}, page
    assert not flow.is_page_complete(draft, "verdict", TODAY)  # not confirmed yet
    draft.confirmed = True
    assert flow.is_page_complete(draft, "verdict", TODAY)


def test_eligible_verdict(protocol):
    verdict = decide(protocol, eligible_draft())
    assert verdict.outcome == ELIGIBLE
    assert verdict.failed == () and verdict.unknown == ()
    assert any("2026-06-01" in note for note in verdict.notes)


def test_unanswered_criterion_keeps_the_page_incomplete(protocol):
    draft = eligible_draft()
    del draft.answers["cmas_normal"]
    problems = ScreeningFlow(protocol).page_problems(draft, "required", TODAY)
    assert problems == {"cmas_normal": {"answer": "Answer Yes, No or Unknown."}}


def test_yes_needs_its_details(protocol):
    draft = eligible_draft()
    draft.answers["skin_not_improving"].details.pop("muscle_resolved_on")
    problems = ScreeningFlow(protocol).page_problems(draft, "required", TODAY)
    assert "muscle_resolved_on" in problems["skin_not_improving"]


def test_enzyme_elevation_needs_an_explanation(protocol):
    draft = eligible_draft()
    draft.answers["enzymes_normal_or_explained"].details["enzymes_status"] = "elevated_explained"
    problems = ScreeningFlow(protocol).page_problems(draft, "required", TODAY)
    assert set(problems["enzymes_normal_or_explained"]) == {"enzyme_elevation_explanation"}
    draft.answers["enzymes_normal_or_explained"].details["enzyme_elevation_explanation"] = "MTX"
    assert ScreeningFlow(protocol).page_problems(draft, "required", TODAY) == {}


def test_mri_done_needs_date_and_result(protocol):
    draft = eligible_draft()
    draft.answers["mri_no_active_myositis"].details["mri_done"] = True
    problems = ScreeningFlow(protocol).page_problems(draft, "required", TODAY)
    assert set(problems["mri_no_active_myositis"]) == {"mri_date", "mri_result"}


def test_cmas_out_of_range_is_refused(protocol):
    draft = eligible_draft()
    draft.answers["cmas_normal"].details["cmas_total"] = "53"
    problems = ScreeningFlow(protocol).page_problems(draft, "required", TODAY)
    assert str(problems["cmas_normal"]["cmas_total"]) == (
        "CMAS total judged normal for this patient: must be at most 52; 53 was entered.")


def test_unknown_asks_for_no_details(protocol):
    draft = eligible_draft()
    draft.answers["prior_corticosteroid_and_methotrexate"] = CriterionAnswer("unknown")
    assert ScreeningFlow(protocol).page_problems(draft, "required", TODAY) == {}


def test_required_unknown_gives_not_yet_eligible(protocol):
    draft = eligible_draft()
    draft.answers["cmas_normal"] = CriterionAnswer("unknown")
    verdict = decide(protocol, draft)
    assert verdict.outcome == NOT_YET_ELIGIBLE
    assert [i.criterion_id for i in verdict.unknown] == ["cmas_normal"]
    assert "CMAS" in verdict.lines()[0]


def test_exclusion_unknown_gives_not_yet_eligible(protocol):
    draft = eligible_draft()
    draft.answers["ulcerative_skin_disease"] = CriterionAnswer("unknown")
    assert decide(protocol, draft).outcome == NOT_YET_ELIGIBLE


def test_allowed_unknown_does_not_decide(protocol):
    draft = eligible_draft()
    draft.answers["nailfold_capillary_abnormalities"] = CriterionAnswer("unknown")
    assert decide(protocol, draft).outcome == ELIGIBLE


@pytest.mark.parametrize("exclusion", EXCLUSIONS)
def test_each_exclusion_fails_the_screening(protocol, exclusion):
    draft = eligible_draft()
    draft.answers[exclusion] = CriterionAnswer("yes", dict(EXCLUSION_DETAILS[exclusion]))
    assert ScreeningFlow(protocol).page_problems(draft, "exclusion", TODAY) == {}
    verdict = decide(protocol, draft)
    assert verdict.outcome == NOT_ELIGIBLE
    assert [i.criterion_id for i in verdict.failed] == [exclusion]
    assert verdict.failed[0].text.startswith("Exclusion present")


def test_every_failure_is_listed_and_unknowns_too(protocol):
    draft = eligible_draft()
    draft.answers["no_active_myositis"] = CriterionAnswer("no")
    draft.answers["prior_corticosteroid_and_methotrexate"] = CriterionAnswer("no")
    draft.answers["ulcerative_skin_disease"] = CriterionAnswer("yes")
    draft.answers["cmas_normal"] = CriterionAnswer("unknown")
    verdict = decide(protocol, draft)
    assert verdict.outcome == NOT_ELIGIBLE
    assert [i.criterion_id for i in verdict.failed] == [
        "no_active_myositis", "prior_corticosteroid_and_methotrexate", "ulcerative_skin_disease"]
    assert [i.criterion_id for i in verdict.unknown] == ["cmas_normal"]
    assert len(verdict.lines()) == 4


def test_muscle_resolved_less_than_3_calendar_months_fails_with_the_date(protocol):
    # resolved 2026-08-02; + 3 calendar months = 2026-11-02 > screening 2026-11-01
    draft = eligible_draft()
    draft.answers["skin_not_improving"].details["muscle_resolved_on"] = "2026-08-02"
    verdict = decide(protocol, draft)
    assert verdict.outcome == NOT_ELIGIBLE
    assert "2026-11-02" in verdict.failed[0].text


def test_muscle_resolved_exactly_3_calendar_months_before_is_met(protocol):
    draft = eligible_draft()
    draft.answers["skin_not_improving"].details["muscle_resolved_on"] = "2026-08-01"
    assert decide(protocol, draft).outcome == ELIGIBLE


def test_date_after_screening_is_refused(protocol):
    draft = eligible_draft()
    draft.answers["skin_not_improving"].details["muscle_resolved_on"] = "2026-11-05"
    problems = ScreeningFlow(protocol).page_problems(draft, "required", TODAY)
    assert "after the screening date" in problems["skin_not_improving"]["muscle_resolved_on"]


def test_future_screening_date_is_refused(protocol):
    draft = eligible_draft()
    draft.screening_date = "2026-12-01"
    assert "future" in ScreeningFlow(protocol).page_problems(
        draft, "setup", TODAY)["setup"]["screening_date"]


def test_stale_details_are_kept_in_draft_but_not_saved(protocol):
    draft = eligible_draft()
    draft.answers["ivig"] = CriterionAnswer("no", {"ivig_use": "previous",
                                                  "ivig_for_skin_disease": "yes"})
    saved = saved_answers(protocol, draft)
    assert saved["ivig"].details == {}
    assert draft.answers["ivig"].details["ivig_for_skin_disease"] == "yes"
    assert "ivig_for_skin_disease" not in screening_facts(saved)


def test_ivig_facts_for_arm_rules(protocol):
    draft = eligible_draft()
    draft.answers["ivig"] = CriterionAnswer("yes", {
        "ivig_use": "previous", "ivig_stopped_on": "2026-01-01", "ivig_for_skin_disease": "yes"})
    assert ScreeningFlow(protocol).page_problems(draft, "allowed", TODAY) == {}
    facts = screening_facts(saved_answers(protocol, draft))
    assert facts["ivig_for_skin_disease"] == "yes" and facts["ivig_use"] == "previous"


def test_previous_ivig_needs_stop_date(protocol):
    draft = eligible_draft()
    draft.answers["ivig"] = CriterionAnswer("yes", {
        "ivig_use": "previous", "ivig_for_skin_disease": "no"})
    problems = ScreeningFlow(protocol).page_problems(draft, "allowed", TODAY)
    assert set(problems["ivig"]) == {"ivig_stopped_on"}


def test_other_organ_involvement_needs_description(protocol):
    draft = eligible_draft()
    draft.answers["significant_organ_involvement"] = CriterionAnswer(
        "yes", {"organ_involvement": ["other"]})
    problems = ScreeningFlow(protocol).page_problems(draft, "exclusion", TODAY)
    assert set(problems["significant_organ_involvement"]) == {"organ_involvement_detail"}


def test_draft_round_trips_through_json(protocol):
    import json

    draft = eligible_draft()
    draft.page = "allowed"
    again = ScreeningDraft.from_payload(json.loads(json.dumps(draft.to_payload())))
    assert again.page == "allowed"
    assert again.answers["skin_not_improving"].details == \
        draft.answers["skin_not_improving"].details
    assert decide(protocol, again).outcome == ELIGIBLE


def test_applicable_details_mri_not_done(protocol):
    criterion = protocol.criterion("mri_no_active_myositis")
    answer = CriterionAnswer("yes", {"mri_done": False, "mri_result": "active_myositis"})
    assert applicable_details(criterion, answer) == {"mri_done": False}


# --------------------------------------------------------------------------- prior therapy
# Refractory-biologic plan (provisional rules, seeds 002/004 via clinical-rules §1.2).

REFRACTORY = "refractory-biologic"
BASE = (PriorTherapyRecord("prednisone", date(2025, 1, 10)),
        PriorTherapyRecord("methotrexate", date(2025, 2, 1)))


def refractory_draft(day="2026-11-01"):
    protocol = protocol_catalog().protocols[REFRACTORY]
    answers = {c.id: CriterionAnswer("no") for c in protocol.criteria}
    answers["refractory_to_gc_and_mtx"] = CriterionAnswer("yes", {"refractory_note": "x"})
    answers["conventional_dmards_tried"] = CriterionAnswer(
        "yes", {"dmards_tried": ["methotrexate"]})
    return protocol, ScreeningDraft(1, REFRACTORY, day, answers)


def test_prior_page_only_for_plans_with_prior_therapy_rules():
    protocols = protocol_catalog().protocols
    assert PRIOR_PAGE in ScreeningFlow(protocols[REFRACTORY]).pages()
    assert PRIOR_PAGE not in ScreeningFlow(protocols["persistent-skin-rash"]).pages()
    assert ScreeningFlow(protocols[REFRACTORY]).pages()[-2:] == [PRIOR_PAGE, "verdict"]


def test_plan_with_rules_is_not_eligible_without_the_evaluation():
    protocol, draft = refractory_draft()
    verdict = decide(protocol, draft)
    assert verdict.outcome == NOT_YET_ELIGIBLE
    assert "Prior therapies: not evaluated" in verdict.lines()[0]


def test_history_without_methotrexate_is_not_yet_eligible():
    protocol, draft = refractory_draft()
    prior = assess_prior_therapy(protocol, BASE[:1], date(2026, 11, 1))
    assert prior.outcome == "unknown"
    verdict = decide(protocol, draft, prior)
    assert verdict.outcome == NOT_YET_ELIGIBLE
    assert any("No methotrexate is recorded" in line for line in verdict.lines())


def test_same_agent_failure_closes_only_that_arm():
    protocol, draft = refractory_draft()
    history = (*BASE, PriorTherapyRecord("abatacept", date(2025, 1, 1), date(2025, 6, 1),
                                         "inadequate_response", date(2025, 5, 20)))
    prior = assess_prior_therapy(protocol, history, date(2026, 11, 1))
    assert prior.arm_outcome("abatacept") == "not_met"
    assert prior.arm_outcome("rituximab") == "met"
    verdict = decide(protocol, draft, prior)
    assert verdict.outcome == ELIGIBLE
    assert any(n.startswith("Arm abatacept, option Abatacept IV") and "closed" in n
               for n in verdict.notes)
    # prior benefit allows it
    history = (*BASE, PriorTherapyRecord("abatacept", date(2025, 1, 1), date(2025, 6, 1),
                                         "benefit", date(2025, 5, 20)))
    assert assess_prior_therapy(protocol, history, date(2026, 11, 1)).arm_outcome(
        "abatacept") == "met"


def test_different_tnf_rule_per_option():
    protocol, _ = refractory_draft()
    history = (*BASE, PriorTherapyRecord("infliximab", date(2025, 1, 1), date(2025, 6, 1),
                                         "inadequate_response", date(2025, 5, 20)))
    prior = assess_prior_therapy(protocol, history, date(2026, 11, 1))
    outcomes = {o.option: o.outcome for o in prior.options if o.arm_id == "tnf"}
    assert outcomes == {"adalimumab": "met", "infliximab_5": "not_met",
                        "infliximab_6_10": "not_met"}
    assert prior.arm_outcome("tnf") == "met"  # open with the different TNF inhibitor


def test_washout_boundary_day_and_every_arm_closed():
    protocol, draft = refractory_draft("2026-11-14")
    # Etanercept last dose 2026-10-15 + 1 calendar month = 2026-11-15.
    history = (*BASE, PriorTherapyRecord("etanercept", date(2025, 1, 1), date(2026, 10, 20),
                                         "toxicity", date(2026, 10, 15)))
    prior = assess_prior_therapy(protocol, history, date(2026, 11, 14))
    assert prior.outcome == "no"
    assert all(o.outcome == "not_met" for o in prior.options)
    assert "washout complete on 15 Nov 2026" in prior.options[0].date_limits[0]
    verdict = decide(protocol, draft, prior)
    assert verdict.outcome == NOT_ELIGIBLE
    assert "every arm of this plan is closed" in verdict.lines()[0]
    on_the_day = assess_prior_therapy(protocol, history, date(2026, 11, 15))
    assert on_the_day.outcome == "yes"
    assert all(o.outcome == "met" for o in on_the_day.options)


def test_assessment_round_trips_through_json_details():
    protocol, _ = refractory_draft()
    prior = assess_prior_therapy(protocol, BASE, date(2026, 11, 1))
    assert PriorAssessment.from_details(prior.to_details()) == prior
    assert prior.provisional


# --------------------------------------------------------------------------- 2010 exclusions
# Issue 18 correction 6: the 2010 plan screened nobody out. The organ-involvement and
# ulceration exclusions shared by the later plans are carried over, provisional, with the
# reason (seed 000 Table 1 and Results; seed 003 Table 3).


def moderate_draft(**exclusions: str) -> ScreeningDraft:
    answers = {
        "new_moderately_severe_jdm": CriterionAnswer(
            "yes", {"diagnosed_on": "2026-10-20", "severity_note": "weakness"}),
        "significant_organ_involvement": CriterionAnswer(
            exclusions.get("organ", "no"),
            {"organ_involvement": ["cardiac_disease"]} if exclusions.get("organ") == "yes"
            else {}),
        "ulcerative_skin_disease": CriterionAnswer(exclusions.get("ulcer", "no")),
    }
    return ScreeningDraft(patient_id=1, protocol_id="moderate-jdm-2010",
                          screening_date="2026-11-01", answers=answers)


@pytest.mark.parametrize(
    ("exclusions", "outcome"),
    [
        ({}, ELIGIBLE),
        ({"organ": "yes"}, NOT_ELIGIBLE),
        ({"ulcer": "yes"}, NOT_ELIGIBLE),
        ({"ulcer": "unknown"}, NOT_YET_ELIGIBLE),  # an exclusion not ruled out
    ],
)
def test_2010_plan_exclusions(exclusions, outcome):
    protocol = protocol_catalog().protocols["moderate-jdm-2010"]
    exclusion_ids = [c.id for c in protocol.criteria if c.group.value == "exclusion"]
    assert exclusion_ids == ["significant_organ_involvement", "ulcerative_skin_disease"]
    for cid in exclusion_ids:
        criterion = protocol.criterion(cid)
        assert criterion.status.value == "provisional"
        assert "seed 000" in criterion.source and "different treatment" in criterion.source
        assert criterion.caution.startswith("Provisional exclusion")
    verdict = decide(protocol, moderate_draft(**exclusions))
    assert verdict.outcome == outcome


# --------------------------------------------------------------------------- consistency
# Issue 18 correction 1: the details of an answer are read against it (seed 000, Table 1).
# Each row changes one thing in the eligible child above (CMAS 50, no MRI, no calcinosis).


def with_details(criterion_id: str, answer: str | None = None, **details) -> ScreeningDraft:
    draft = eligible_draft()
    entry = draft.answers[criterion_id]
    if answer is not None:
        entry.answer = answer
    entry.details.update(details)
    return draft


@pytest.mark.parametrize(
    ("criterion_id", "answer", "details", "outcome", "words"),
    [
        # Should have 1: "not improving (static or worsening)" — Yes with improving skin
        ("skin_not_improving", None, {"skin_trend": "improving"}, NOT_ELIGIBLE,
         "Contradiction (Should have 1): Recorded: answered Yes, “Skin disease over the last "
         "3 months”: Improving. The criterion needs skin disease that is NOT improving"),
        ("skin_not_improving", None, {"skin_trend": "worsening"}, ELIGIBLE, None),
        # Should have 2d: "If MRI has been done, there must be no evidence of active myositis"
        ("mri_no_active_myositis", None,
         {"mri_done": True, "mri_date": "2026-09-01", "mri_result": "active_myositis"},
         NOT_ELIGIBLE,
         "Contradiction (Should have 2d): Recorded: answered Yes, “Muscle MRI done”: yes, "
         "“MRI result”: Evidence of active myositis."),
        ("mri_no_active_myositis", None,
         {"mri_done": True, "mri_date": "2026-09-01", "mri_result": "no_active_myositis"},
         ELIGIBLE, None),
        # a result left from before "MRI done" was unticked no longer applies: ignored
        ("mri_no_active_myositis", None, {"mri_done": False, "mri_result": "active_myositis"},
         ELIGIBLE, None),
        # May have 1 / should not have 3: calcinosis more than mild excludes, whatever the
        # answer of the allowed criterion (here Yes) and of exclusion 3 (here No)
        ("mild_calcinosis", "yes", {"calcinosis_grade": "more_than_mild"}, NOT_ELIGIBLE,
         "Contradiction (May have 1): Recorded: “Calcinosis”: More than mild. Calcinosis more "
         "than mild is an exclusion (Should not have 3)"),
        ("mild_calcinosis", "unknown", {"calcinosis_grade": "more_than_mild"}, NOT_ELIGIBLE,
         "Calcinosis more than mild is an exclusion"),
        ("mild_calcinosis", "yes", {"calcinosis_grade": "mild"}, ELIGIBLE, None),
    ],
)
def test_answer_contradicted_by_its_details(protocol, criterion_id, answer, details, outcome,
                                            words):
    verdict = decide(protocol, with_details(criterion_id, answer, **details))
    assert verdict.outcome == outcome
    if words is None:
        assert verdict.failed == ()
    else:
        (item,) = verdict.failed
        assert item.kind == "contradiction" and item.criterion_id == criterion_id
        assert words in item.text
        assert item.text in verdict.lines()


# CMAS judged "normal" (2b): a total below 48 — the PRINTO inactive-disease threshold,
# CMAS ≥ 48 (clinical-rules §3.1) — with no limiting factor recorded is QUERIED, never
# refused: the verdict stays ELIGIBLE.
@pytest.mark.parametrize(
    ("total", "note", "queried"),
    [
        ("45", "", True),  # 45 < 48, no reason
        ("47.9", "", True),  # 47.9 < 48
        ("48", "", False),  # 48 is not below 48
        ("52", "", False),
        ("45", "Age 4: healthy 4-year-olds average about 46.6", False),  # reason given
        ("0", "", True),
    ],
)
def test_cmas_normal_below_48_without_a_reason_is_queried(protocol, total, note, queried):
    details = {"cmas_total": total}
    if note:
        details["cmas_limits_note"] = note
    verdict = decide(protocol, with_details("cmas_normal", **details))
    assert verdict.outcome == ELIGIBLE and verdict.failed == ()
    assert bool(verdict.queries) is queried
    if queried:
        (item,) = verdict.queries
        assert item.kind == "query"
        assert item.text.startswith("Query (Should have 2b) (provisional rule): Recorded: "
                                    f"answered Yes, “CMAS total judged normal for this patient” "
                                    f"{total} (below 48), “Factors limiting the attainable CMAS "
                                    "(age, contractures, muscle damage)” left blank.")
        assert "This is a query, not a refusal." in item.text
        assert "Queries are listed below" in verdict.explanation()
        assert item.text in verdict.lines()


def test_consistency_rules_are_data_with_source_and_status(protocol):
    rules = {r.id: (c.id, r) for c in protocol.criteria for r in c.consistency}
    assert set(rules) == {"skin_improving_contradicts_yes", "mri_active_myositis_contradicts_yes",
                          "calcinosis_more_than_mild_excludes", "cmas_below_48_without_reason"}
    for criterion_id, rule in rules.values():
        assert rule.source and "Table 1" in rule.source, criterion_id
    assert rules["cmas_below_48_without_reason"][1].status.value == "provisional"
    assert rules["skin_improving_contradicts_yes"][1].status.value == "seed"
