"""Prior-therapy eligibility rules of the refractory-biologic plan (clinical-rules §1.2,
seeds 002/004; all provisional), evaluated per arm on a screening date.

Boundary days counted by hand on a calendar: washouts are met when last dose + N calendar
months (month-end clamped) is on or before the screening date; enrolment after starting
the arm's biologic is allowed up to and including start + 1 calendar month.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from app.domain.errors import InputError, UnknownArmError
from app.domain.prior_therapy import (
    Outcome,
    PriorTherapyRecord,
    evaluate_all_arms,
    evaluate_arm,
    evaluate_rule,
)
from app.domain.protocol import PriorTherapyRuleKind, RuleStatus, load_protocol

PROTOCOLS = Path(__file__).resolve().parents[2] / "resources" / "protocols"
D = date.fromisoformat


@pytest.fixture(scope="module")
def protocol():
    return load_protocol(PROTOCOLS / "refractory-biologic.toml")


# A refractory patient's conventional history: prednisone and methotrexate ongoing,
# mycophenolate tried and stopped for inadequate response.
BASE = (
    PriorTherapyRecord("prednisone", D("2025-03-01")),
    PriorTherapyRecord("methotrexate", D("2025-03-01")),
    PriorTherapyRecord(
        "mycophenolate mofetil",
        D("2025-06-01"),
        D("2025-10-01"),
        "inadequate_response",
        last_dose_date=D("2025-10-01"),
    ),
)


def stopped(drug, last, reason="inadequate_response", start="2025-01-10", b_cells=None):
    return PriorTherapyRecord(
        drug, D(start), D(last), reason, last_dose_date=D(last), b_cells_detectable=b_cells
    )


def finding(result, rule_id):
    (f,) = [f for f in result.findings if f.rule_id == rule_id]
    return f


# --------------------------------------------------------------------------- rules as data


def test_rules_are_data_and_provisional(protocol):
    rules = {r.id: r for r in protocol.prior_therapy_rules}
    assert set(rules) == {
        "prior_glucocorticoid",
        "prior_methotrexate",
        "washout_biologics_except_rituximab",
        "washout_rituximab",
        "abatacept_failure_excludes",
        "tocilizumab_failure_excludes",
        "rituximab_failure_excludes",
        "tnf_failure_needs_different_agent",
        "enrol_within_1_month_of_starting",
        "known_drugs",
    }
    assert all(r.status is RuleStatus.PROVISIONAL and r.source for r in rules.values())
    assert rules["washout_biologics_except_rituximab"].months == 1
    assert rules["washout_rituximab"].months == 6 and rules["washout_rituximab"].b_cells_detectable
    assert rules["enrol_within_1_month_of_starting"].kind is PriorTherapyRuleKind.STARTED_WITHIN
    assert [r.id for r in protocol.prior_therapy_rules_for("abatacept")] == [
        "prior_glucocorticoid",
        "prior_methotrexate",
        "washout_biologics_except_rituximab",
        "washout_rituximab",
        "abatacept_failure_excludes",
        "enrol_within_1_month_of_starting",
        "known_drugs",
    ]


def test_clean_refractory_history_opens_every_arm(protocol):
    results = evaluate_all_arms(protocol, BASE, D("2026-02-01"), {"tnf": "adalimumab"})
    assert set(results) == {"tnf", "abatacept", "rituximab", "tocilizumab"}
    for result in results.values():
        assert result.outcome is Outcome.MET, result.reasons
        assert result.provisional
        assert finding(result, "prior_methotrexate").outcome is Outcome.MET
        assert finding(result, "washout_rituximab").outcome is Outcome.NOT_APPLICABLE


# --------------------------------------------------------------------------- conventional


def test_missing_methotrexate_is_unknown_not_met(protocol):
    history = [r for r in BASE if r.drug != "methotrexate"]
    result = evaluate_arm(protocol, "abatacept", history, D("2026-02-01"), "iv")
    f = finding(result, "prior_methotrexate")
    assert f.outcome is Outcome.UNKNOWN
    assert "No methotrexate is recorded" in f.reasons[0]
    assert result.outcome is Outcome.UNKNOWN


def test_glucocorticoid_group_accepts_methylprednisolone(protocol):
    history = [r for r in BASE if r.drug != "prednisone"]
    history.append(stopped("methylprednisolone", "2025-05-01", "other"))
    result = evaluate_arm(protocol, "rituximab", history, D("2026-02-01"))
    assert finding(result, "prior_glucocorticoid").outcome is Outcome.MET


# --------------------------------------------------------------------------- washouts


# Washout "4-5 half-lives or 1 month" (seeds 002/004): both worked out, the longer
# applies. Half-life days (protocol data, label): infliximab 9.5, adalimumab 14,
# etanercept 4.25, anakinra 0.25, tocilizumab 23. Days = count × half-life, rounded up.
@pytest.mark.parametrize(
    ("drug", "last_dose", "screening", "outcome", "complete_on", "first", "second"),
    [
        # infliximab: 4 × 9.5 = 38 days → 2026-02-22; 5 × 9.5 = 47.5 → 48 days → 2026-03-04
        # (15 Jan + 16 = 31 Jan, + 28 = 28 Feb, + 4 = 4 Mar); 1 month → 2026-02-15.
        ("infliximab", "2026-01-15", "2026-02-15", Outcome.NOT_MET, "2026-03-04",
         "4–5 half-lives", "1 calendar month"),
        ("infliximab", "2026-01-15", "2026-03-03", Outcome.NOT_MET, "2026-03-04",
         "4–5 half-lives", "1 calendar month"),
        ("infliximab", "2026-01-15", "2026-03-04", Outcome.MET, None,
         "4–5 half-lives", "1 calendar month"),
        # adalimumab, last dose 36 days before screening (1 Jan → 6 Feb): 1 month is met
        # (1 Feb) but 4 × 14 = 56 days → 26 Feb and 5 × 14 = 70 days → 12 Mar are not.
        ("adalimumab", "2026-01-01", "2026-02-06", Outcome.NOT_MET, "2026-03-12",
         "4–5 half-lives", "1 calendar month"),
        # anakinra: 4 × 0.25 = 1 day, 5 × 0.25 = 1.25 → 2 days (2 Feb); 1 month from 31 Jan
        # = 28 Feb (clamped) is the longer.
        ("anakinra", "2026-01-31", "2026-02-27", Outcome.NOT_MET, "2026-02-28",
         "1 calendar month", "4–5 half-lives"),
        ("anakinra", "2026-01-31", "2026-02-28", Outcome.MET, None,
         "1 calendar month", "4–5 half-lives"),
        # etanercept: 4 × 4.25 = 17 days, 5 × 4.25 = 21.25 → 22 days (22 Jan); 1 month from
        # 31 Dec = 31 Jan is the longer.
        ("etanercept", "2025-12-31", "2026-01-31", Outcome.MET, None,
         "1 calendar month", "4–5 half-lives"),
        # tocilizumab: 5 × 23 = 115 days from 1 Oct 2025 = 24 Jan 2026 (Oct 31 +30, Dec 31
        # +91, +24); 4 × 23 = 92 days = 1 Jan.
        ("tocilizumab", "2025-10-01", "2026-01-23", Outcome.NOT_MET, "2026-01-24",
         "4–5 half-lives", "1 calendar month"),
    ],
)
def test_washout_shows_both_alternatives_and_applies_the_longer(
    protocol, drug, last_dose, screening, outcome, complete_on, first, second
):
    history = [*BASE, stopped(drug, last_dose)]
    result = evaluate_arm(protocol, "abatacept", history, D(screening), "iv")
    f = finding(result, "washout_biologics_except_rituximab")
    assert f.outcome is outcome, f.reasons
    assert f.date_limit == (D(complete_on) if complete_on else None)
    (reason,) = f.reasons
    if complete_on:
        assert (f"the washout (4–5 half-lives or 1 calendar month, whichever is longer) is "
                f"complete on {complete_on}, after the screening date {screening}") in reason
    # both alternatives are shown, the longer first
    listed = reason.split("Washout alternatives, the longer first: ")[1]
    assert listed.index(first) < listed.index(second)
    assert "whichever is longer" in reason
    assert result.outcome is outcome


def test_adalimumab_36_days_after_the_last_dose_is_not_met_in_words(protocol):
    history = [*BASE, stopped("adalimumab", "2026-01-01")]
    f = finding(evaluate_arm(protocol, "abatacept", history, D("2026-02-06"), "iv"),
                "washout_biologics_except_rituximab")
    (reason,) = f.reasons
    assert ("4–5 half-lives (half-life of adalimumab 14 days, provisional: Adalimumab (Humira) "
            "US prescribing information, 12.3 Pharmacokinetics): 56–70 days, complete on "
            "2026-02-26 (4) to 2026-03-12 (5); 1 calendar month: complete on 2026-02-01") in reason
    assert "met" not in f.outcome.value.replace("not_met", "")


def test_half_life_data_has_a_label_source_for_every_washout_drug(protocol):
    rule = next(r for r in protocol.prior_therapy_rules
                if r.id == "washout_biologics_except_rituximab")
    assert (rule.half_lives_min, rule.half_lives_max, rule.months) == (4, 5, 1)
    for drug in protocol.group_drugs(rule.groups):
        half = protocol.half_life(drug)
        assert half is not None and half.days > 0, drug
        assert "US prescribing information" in half.source and half.note
        assert half.status is RuleStatus.PROVISIONAL


def test_washout_without_a_last_dose_date_is_unknown(protocol):
    record = PriorTherapyRecord("tocilizumab", D("2025-01-01"), D("2025-06-01"), "toxicity")
    result = evaluate_arm(protocol, "abatacept", [*BASE, record], D("2026-02-01"), "sc")
    f = finding(result, "washout_biologics_except_rituximab")
    assert f.outcome is Outcome.UNKNOWN and "last-dose date is not recorded" in f.reasons[0]


def test_another_biologic_still_being_given_fails_the_washout(protocol):
    ongoing = PriorTherapyRecord("adalimumab", D("2025-09-01"))
    result = evaluate_arm(protocol, "abatacept", [*BASE, ongoing], D("2026-02-01"), "iv")
    f = finding(result, "washout_biologics_except_rituximab")
    assert f.outcome is Outcome.NOT_MET and "still being given" in f.reasons[0]


@pytest.mark.parametrize(
    ("screening", "b_cells", "outcome"),
    [
        ("2026-02-27", True, Outcome.NOT_MET),  # 31 Aug + 6 months = 28 Feb: one day short
        ("2026-02-28", True, Outcome.MET),  # boundary day with B cells detectable
        ("2026-02-28", False, Outcome.NOT_MET),  # B cells not yet back
        ("2026-02-28", None, Outcome.UNKNOWN),  # B-cell status not recorded
        ("2026-06-01", None, Outcome.UNKNOWN),
    ],
)
def test_rituximab_six_months_with_detectable_b_cells(protocol, screening, b_cells, outcome):
    history = [*BASE, stopped("rituximab", "2025-08-31", "benefit", "2025-08-17", b_cells)]
    for arm, option in (("abatacept", "iv"), ("tocilizumab", None), ("rituximab", None)):
        result = evaluate_arm(protocol, arm, history, D(screening), option)
        f = finding(result, "washout_rituximab")
        assert f.outcome is outcome, (arm, f.reasons)
        if screening == "2026-02-27":
            assert f.date_limit == D("2026-02-28")
        assert result.outcome is outcome


# --------------------------------------------------------------------------- same agent


@pytest.mark.parametrize("drug", ["abatacept", "tocilizumab", "rituximab"])
@pytest.mark.parametrize(
    ("reason", "outcome"),
    [
        ("inadequate_response", Outcome.NOT_MET),  # failure excludes the same arm
        ("benefit", Outcome.MET),  # prior benefit allows it
        ("toxicity", Outcome.UNKNOWN),  # the survey does not say: team decides
        ("other", Outcome.UNKNOWN),
    ],
)
def test_same_agent_failure_excludes_that_arm_only(protocol, drug, reason, outcome):
    b_cells = True if drug == "rituximab" else None
    history = [*BASE, stopped(drug, "2025-01-20", reason, "2024-10-01", b_cells)]
    day = D("2026-02-01")  # every washout complete
    own = evaluate_arm(protocol, drug, history, day)
    assert finding(own, f"{drug}_failure_excludes").outcome is outcome
    assert own.outcome is outcome
    # The other non-TNF arms are open: their own rule does not look at this drug.
    for other in {"abatacept", "tocilizumab", "rituximab"} - {drug}:
        result = evaluate_arm(protocol, other, history, day)
        assert finding(result, f"{other}_failure_excludes").outcome is Outcome.NOT_APPLICABLE
        assert result.outcome is Outcome.MET, result.reasons


def test_failure_reason_not_recorded_is_unknown(protocol):
    record = PriorTherapyRecord(
        "abatacept", D("2025-01-01"), D("2025-06-01"), last_dose_date=D("2025-05-20")
    )
    assert not record.ongoing  # a stop date without a reason: stopped, reason unknown
    result = evaluate_arm(protocol, "abatacept", [*BASE, record], D("2026-02-01"), "iv")
    f = finding(result, "abatacept_failure_excludes")
    assert f.outcome is Outcome.UNKNOWN and "not recorded" in f.reasons[0]


# --------------------------------------------------------------------------- TNF arm


@pytest.mark.parametrize(
    ("failed", "reason", "option", "outcome"),
    [
        ("infliximab", "inadequate_response", None, Outcome.UNKNOWN),  # choose adalimumab
        ("infliximab", "inadequate_response", "adalimumab", Outcome.MET),
        ("infliximab", "inadequate_response", "infliximab_5", Outcome.NOT_MET),
        ("infliximab", "inadequate_response", "infliximab_6_10", Outcome.NOT_MET),
        ("adalimumab", "inadequate_response", "adalimumab", Outcome.NOT_MET),
        ("adalimumab", "inadequate_response", "infliximab_5", Outcome.MET),
        ("etanercept", "inadequate_response", "infliximab_5", Outcome.MET),  # different
        ("etanercept", "inadequate_response", None, Outcome.MET),  # any arm drug differs
        ("infliximab", "benefit", "infliximab_5", Outcome.MET),  # benefit: any agent
        ("infliximab", "toxicity", "infliximab_5", Outcome.UNKNOWN),  # team decides
        ("infliximab", "toxicity", "adalimumab", Outcome.MET),
    ],
)
def test_tnf_failure_needs_a_different_tnf_inhibitor(protocol, failed, reason, option, outcome):
    history = [*BASE, stopped(failed, "2025-12-01", reason)]
    # 9 Feb: the longest washout here is complete (adalimumab 5 × 14 = 70 days after
    # 1 Dec: 31 Dec is +30, 9 Feb is +70; infliximab 48 days, etanercept 22 days)
    result = evaluate_arm(protocol, "tnf", history, D("2026-02-09"), option)
    f = finding(result, "tnf_failure_needs_different_agent")
    assert f.outcome is outcome, f.reasons
    assert result.outcome is outcome
    if option is None and outcome is Outcome.UNKNOWN:
        assert "choose adalimumab" in f.reasons[0]


# --------------------------------------------------------------------------- just started


@pytest.mark.parametrize(
    ("screening", "outcome"),
    [
        ("2026-01-15", Outcome.MET),  # the day it started
        ("2026-02-15", Outcome.MET),  # boundary: 15 Jan + 1 month = 15 Feb, included
        ("2026-02-16", Outcome.NOT_MET),  # one day late
    ],
)
def test_enrolment_up_to_one_month_after_starting_the_arms_biologic(protocol, screening, outcome):
    history = [*BASE, PriorTherapyRecord("abatacept", D("2026-01-15"))]
    result = evaluate_arm(protocol, "abatacept", history, D(screening), "sc")
    f = finding(result, "enrol_within_1_month_of_starting")
    assert f.outcome is outcome
    assert f.date_limit == D("2026-02-15")
    # The arm's own biologic that is being given is not a washout case.
    assert finding(result, "washout_biologics_except_rituximab").outcome is (Outcome.NOT_APPLICABLE)
    assert result.outcome is outcome


def test_just_started_biologic_of_another_arm_is_a_washout_problem(protocol):
    history = [*BASE, PriorTherapyRecord("abatacept", D("2026-01-15"))]
    result = evaluate_arm(protocol, "tocilizumab", history, D("2026-02-01"))
    assert finding(result, "enrol_within_1_month_of_starting").outcome is Outcome.NOT_APPLICABLE
    assert finding(result, "washout_biologics_except_rituximab").outcome is Outcome.NOT_MET


def test_month_end_start_clamps(protocol):
    history = [*BASE, PriorTherapyRecord("rituximab", D("2026-01-31"))]
    ok = evaluate_arm(protocol, "rituximab", history, D("2026-02-28"), "rim_weeks_0_and_1")
    late = evaluate_arm(protocol, "rituximab", history, D("2026-03-01"), "rim_weeks_0_and_1")
    assert finding(ok, "enrol_within_1_month_of_starting").outcome is Outcome.MET
    assert finding(late, "enrol_within_1_month_of_starting").outcome is Outcome.NOT_MET
    # an ongoing rituximab course for the rituximab arm is not a washout case
    assert finding(ok, "washout_rituximab").outcome is Outcome.NOT_APPLICABLE


# --------------------------------------------------------------------------- safety nets


def test_a_drug_the_plan_does_not_know_is_unknown(protocol):
    record = stopped("tofacitinib", "2025-06-01", "inadequate_response")
    result = evaluate_arm(protocol, "abatacept", [*BASE, record], D("2026-02-01"), "iv")
    f = finding(result, "known_drugs")
    assert f.outcome is Outcome.UNKNOWN and "tofacitinib" in f.reasons[0]
    assert result.outcome is Outcome.UNKNOWN


def test_a_record_after_the_screening_date_is_ignored(protocol):
    later = PriorTherapyRecord("adalimumab", D("2026-03-01"))
    result = evaluate_arm(protocol, "abatacept", [*BASE, later], D("2026-02-01"), "iv")
    assert result.outcome is Outcome.MET
    assert len(result.ignored) == 1 and "starts after the screening date" in result.ignored[0]


def test_evaluate_one_rule(protocol):
    (rule,) = [r for r in protocol.prior_therapy_rules if r.id == "washout_rituximab"]
    history = [stopped("rituximab", "2025-08-31", "benefit", "2025-08-17", True)]
    f = evaluate_rule(protocol, rule, "tnf", history, D("2026-02-28"), "adalimumab")
    assert f.outcome is Outcome.MET and f.provisional


def test_plan_without_prior_therapy_rules_is_met():
    protocol = load_protocol(PROTOCOLS / "moderate-jdm-2010.toml")
    result = evaluate_arm(protocol, "mp", [], D("2026-02-01"))
    assert result.outcome is Outcome.MET and result.findings == ()


def test_bad_inputs(protocol):
    with pytest.raises(InputError) as info:
        evaluate_arm(protocol, "tnf", BASE, "2026-02-01")
    assert info.value.field == "screening_date"
    with pytest.raises(InputError) as info:
        evaluate_arm(protocol, "tnf", BASE, D("2026-02-01"), "etanercept")
    assert info.value.field == "option"
    with pytest.raises(UnknownArmError):
        evaluate_arm(protocol, "anakinra", BASE, D("2026-02-01"))


# --------------------------------------------------------------------------- the record


def test_record_normalises_the_drug_name():
    record = PriorTherapyRecord("  Mycophenolate   Mofetil ", D("2025-01-01"))
    assert record.drug == "mycophenolate mofetil" and record.ongoing
    assert "ongoing" in record.describe()


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"drug": " "}, "drug"),
        ({"stop": D("2024-12-31")}, "stop"),  # before the start
        ({"reason_stopped": "failed"}, "reason_stopped"),
        ({"last_dose_date": D("2024-12-01")}, "last_dose_date"),  # before the start
        ({"stop": D("2025-03-01"), "last_dose_date": D("2025-03-02")}, "last_dose_date"),
        ({"start": "2025-01-01"}, "start"),
        ({"b_cells_detectable": "yes"}, "b_cells_detectable"),
    ],
)
def test_record_refuses_impossible_values(kwargs, field):
    values = {"drug": "rituximab", "start": D("2025-01-01"), **kwargs}
    with pytest.raises(InputError) as info:
        PriorTherapyRecord(**values)
    assert info.value.field == field


def test_just_started_without_a_start_date_is_unknown(protocol):
    history = [*BASE, PriorTherapyRecord("tocilizumab", None)]
    result = evaluate_arm(protocol, "tocilizumab", history, D("2026-02-01"), "every_2_weeks")
    f = finding(result, "enrol_within_1_month_of_starting")
    assert f.outcome is Outcome.UNKNOWN and "start date is needed" in f.reasons[0]
    assert result.outcome is Outcome.UNKNOWN
