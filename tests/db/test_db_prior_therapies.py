"""Prior-therapy history: list/add/edit/stop/delete, audited, validated; reused by the
screening (its evaluation saved with the screening)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db import audit
from app.db.models import AuditEntry, PriorTherapy, ScreeningAnswer
from app.db.prior_therapies import (
    PriorTherapyError,
    PriorTherapyInput,
    add_prior_therapy,
    delete_prior_therapy,
    edit_prior_therapy,
    input_problems,
    list_prior_therapies,
    prior_therapy_records,
    stop_prior_therapy,
)
from app.db.screenings import complete_screening, get_screening, list_screenings
from app.domain.errors import InputError
from app.domain.screening import PRIOR_ANSWER_ID, CriterionAnswer, ScreeningDraft

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

TODAY = date(2026, 11, 21)


def _entries(session, entity="prior_therapy"):
    return list(session.scalars(select(AuditEntry).where(AuditEntry.entity == entity)
                                .order_by(AuditEntry.id)))


def test_add_list_and_audit(database, saved_patient):
    with database.session() as session:
        mtx = add_prior_therapy(session, saved_patient, PriorTherapyInput(
            "  Methotrexate ", date(2025, 2, 1)), user="nurse", today=TODAY)
        add_prior_therapy(session, saved_patient, PriorTherapyInput(
            "prednisone", date(2025, 1, 10), date(2025, 9, 1), "benefit",
            date(2025, 9, 1)), user="nurse", today=TODAY)
    with database.session() as session:
        rows = list_prior_therapies(session, saved_patient)
        assert [r.drug for r in rows] == ["prednisone", "methotrexate"]  # by start date
        assert rows[1].id == mtx and rows[1].ongoing and not rows[0].ongoing
        records = prior_therapy_records(session, saved_patient)
        assert records[0].reason_stopped == "benefit"
        entries = _entries(session)
        assert [e.action for e in entries] == ["create", "create"]
        assert entries[0].user_name == "nurse" and "methotrexate" in entries[0].new_value
        assert audit.verify_chain(session) == (True, None)


def test_edit_audits_each_changed_field_and_stop(database, saved_patient):
    with database.session() as session:
        tid = add_prior_therapy(session, saved_patient, PriorTherapyInput(
            "infliximab", date(2025, 3, 1)), user="nurse", today=TODAY)
    with database.session() as session:
        stop_prior_therapy(session, tid, date(2026, 6, 1), "inadequate_response",
                           user="doctor", today=TODAY, expected_version=1,
                           last_dose_date=date(2026, 5, 20))
    with database.session() as session:
        (row,) = list_prior_therapies(session, saved_patient)
        assert (row.stop_date, row.reason_stopped, row.last_dose_date) == (
            date(2026, 6, 1), "inadequate_response", date(2026, 5, 20))
        assert row.version_id == 2  # one save, one new version
        fields = {e.field for e in _entries(session) if e.action == "update"}
        assert fields == {"stop_date", "reason_stopped", "last_dose_date"}
        with pytest.raises(PriorTherapyError, match="already recorded as stopped"):
            stop_prior_therapy(session, tid, date(2026, 6, 2), "toxicity", user="doctor",
                               today=TODAY, expected_version=row.version_id)
    with database.session() as session:
        edit_prior_therapy(session, tid, PriorTherapyInput(
            "infliximab", date(2025, 3, 1), date(2026, 6, 1), "toxicity",
            date(2026, 5, 20)), user="doctor", today=TODAY, reason="letter corrected",
            expected_version=row.version_id)
        (entry,) = [e for e in _entries(session) if e.field == "reason_stopped"
                    and e.new_value == "toxicity"]
        assert entry.old_value == "inadequate_response" and entry.reason == "letter corrected"


def test_delete_needs_a_reason_and_is_audited(database, saved_patient):
    with database.session() as session:
        tid = add_prior_therapy(session, saved_patient, PriorTherapyInput(
            "etanercept", date(2025, 3, 1)), user="nurse", today=TODAY)
    with database.session() as session, pytest.raises(InputError):
        delete_prior_therapy(session, tid, user="nurse", reason=" ", expected_version=1)
    with database.session() as session:
        delete_prior_therapy(session, tid, user="nurse", reason="wrong patient",
                             expected_version=1)
    with database.session() as session:
        assert session.scalar(select(PriorTherapy.id)) is None
        assert _entries(session)[-1].action == "delete"


@pytest.mark.parametrize(("data", "field", "words"), [
    (PriorTherapyInput("abatacept", date(2026, 3, 1), date(2026, 2, 1), "toxicity"),
     "stop_date", "before the start date"),
    (PriorTherapyInput("abatacept", date(2026, 11, 22)), "start_date", "in the future"),
    (PriorTherapyInput("abatacept", date(2026, 3, 1), date(2026, 11, 22), "toxicity"),
     "stop_date", "in the future"),
    (PriorTherapyInput("abatacept", date(2026, 3, 1), None, None, date(2026, 11, 22)),
     "last_dose_date", "in the future"),
    (PriorTherapyInput("abatacept", date(2026, 3, 1), date(2026, 5, 1), None),
     "reason_stopped", "why the therapy was stopped"),
    (PriorTherapyInput("abatacept", date(2026, 3, 1), None, "toxicity"),
     "stop_date", "date the therapy was stopped"),
    (PriorTherapyInput("abatacept", date(2026, 3, 1), date(2026, 5, 1), "toxicity",
                       date(2026, 5, 2)), "last_dose_date", "after the stop date"),
    (PriorTherapyInput("abatacept", None), "start_date", "date the therapy was started"),
    (PriorTherapyInput("  ", date(2026, 3, 1)), "drug", "generic name"),
    (PriorTherapyInput("abatacept", date(2026, 3, 1), b_cells_detectable=True),
     "b_cells_detectable", "rituximab only"),
])
def test_refused_with_a_plain_message_at_the_field(database, saved_patient, data, field,
                                                   words):
    problems = input_problems(data, TODAY)
    assert words in problems[field]
    with database.session() as session, pytest.raises(InputError) as error:
        add_prior_therapy(session, saved_patient, data, user="nurse", today=TODAY)
    assert words in error.value.message
    with database.session() as session:
        assert session.scalar(select(PriorTherapy.id)) is None


def test_today_is_accepted_and_unknown_patient_refused(database, saved_patient):
    assert input_problems(PriorTherapyInput("rituximab", TODAY, None, None, TODAY, True),
                          TODAY) == {}
    with database.session() as session, pytest.raises(PriorTherapyError):
        add_prior_therapy(session, 9999, PriorTherapyInput("rituximab", TODAY), user="n",
                          today=TODAY)


def test_screening_reuses_the_history_and_saves_its_evaluation(database, saved_patient):
    protocol = protocol_catalog().protocols["refractory-biologic"]
    with database.session() as session:
        for data in (PriorTherapyInput("prednisone", date(2025, 1, 10)),
                     PriorTherapyInput("methotrexate", date(2025, 2, 1)),
                     PriorTherapyInput("tocilizumab", date(2025, 6, 1), date(2026, 6, 1),
                                       "inadequate_response", date(2026, 5, 25))):
            add_prior_therapy(session, saved_patient, data, user="nurse", today=TODAY)
    answers = {c.id: CriterionAnswer("unknown") for c in protocol.criteria}
    answers.update({"refractory_to_gc_and_mtx": CriterionAnswer("yes", {
        "refractory_note": "rash and weakness despite 6 months"}),
        "conventional_dmards_tried": CriterionAnswer("yes", {"dmards_tried": ["methotrexate"]}),
        "prior_biologic_exposure": CriterionAnswer("yes", {"prior_biologics": ["tocilizumab"]}),
        "ivig": CriterionAnswer("no")})
    draft = ScreeningDraft(saved_patient, protocol.id, "2026-11-01", answers)
    with database.session() as session:
        screening_id, verdict = complete_screening(session, protocol, draft, user="nurse")
    assert verdict.outcome == "eligible"
    # Tocilizumab failed → that arm excluded. Washout for the other arms, the longer of
    # 1 month (2026-06-25) and 5 half-lives (5 × 23 = 115 days after 2026-05-25 =
    # 2026-09-17): complete before 2026-11-01.
    assert any("Arm tocilizumab" in n and "closed" in n for n in verdict.notes)
    with database.session() as session:
        stored = session.scalar(select(ScreeningAnswer).where(
            ScreeningAnswer.screening_id == screening_id,
            ScreeningAnswer.criterion_id == PRIOR_ANSWER_ID))
        assert stored.answer == "yes"
        arms = {(o["arm"], o["option"]): o["outcome"] for o in stored.details["options"]}
        assert arms[("tocilizumab", "every_2_weeks")] == "not_met"
        assert arms[("abatacept", "iv")] == "met"
        record = get_screening(session, screening_id)
        assert PRIOR_ANSWER_ID not in record.answers and record.prior is not None
        assert "outcome" not in record.facts  # the evaluation is not mixed into the facts
        assert list_screenings(session, saved_patient)[0].verdict == "eligible"
