"""Saving screenings (failures included), drafts and the screening log."""

from __future__ import annotations

import pytest
from screening_answers import eligible_answers
from sqlalchemy import select

from app.catalog import protocol_catalog
from app.db import audit
from app.db.models import AuditEntry, Screening, ScreeningAnswer
from app.db.screenings import (
    complete_screening,
    enrollable_screening,
    list_screenings,
    load_screening_draft,
    save_screening_draft,
)
from app.domain.screening import CriterionAnswer, ScreeningDraft

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")


@pytest.fixture
def protocol():
    return protocol_catalog().protocols["persistent-skin-rash"]


def make_draft(patient_id: int, **changes: CriterionAnswer) -> ScreeningDraft:
    answers = eligible_answers()
    answers.update(changes)
    return ScreeningDraft(patient_id, "persistent-skin-rash", "2026-11-01", answers)


def test_eligible_screening_is_saved_with_who_and_when(database, saved_patient, protocol):
    with database.session() as session:
        save_screening_draft(session, make_draft(saved_patient), user="dr.ito")
    with database.session() as session:
        screening_id, verdict = complete_screening(session, protocol, make_draft(saved_patient),
                                                   user="dr.ito")
    assert verdict.outcome == "eligible"
    with database.session() as session:
        row = session.get(Screening, screening_id)
        assert (row.status, row.verdict, row.screened_by) == ("complete", "eligible", "dr.ito")
        assert row.screened_at is not None
        assert row.protocol_hash == protocol.content_hash
        assert row.protocol_version == protocol.version
        answers = {a.criterion_id: a for a in row.answers}
        assert len(answers) == len(protocol.criteria)
        assert answers["skin_not_improving"].details["muscle_resolved_on"] == "2026-06-01"
        assert load_screening_draft(session, saved_patient) is None  # draft removed
        assert session.scalar(select(AuditEntry).where(AuditEntry.entity == "screening"))
        assert audit.verify_chain(session) == (True, None)
        assert enrollable_screening(session, saved_patient).summary.screening_id == screening_id


def test_screen_failure_is_saved_and_listed_with_reasons(database, saved_patient, protocol):
    draft = make_draft(saved_patient, ulcerative_skin_disease=CriterionAnswer("yes"))
    with database.session() as session:
        screening_id, verdict = complete_screening(session, protocol, draft, user="nurse")
    assert verdict.outcome == "not_eligible"
    with database.session() as session:
        log = list_screenings(session, saved_patient, {protocol.id: protocol})
        assert [s.verdict for s in log] == ["not_eligible"]
        assert "Ulcerative" in log[0].reasons[0]
        assert enrollable_screening(session, saved_patient) is None
        assert session.scalar(select(ScreeningAnswer.answer).where(
            ScreeningAnswer.screening_id == screening_id,
            ScreeningAnswer.criterion_id == "ulcerative_skin_disease")) == "yes"


def test_unknown_is_saved_as_not_yet_eligible(database, saved_patient, protocol):
    draft = make_draft(saved_patient, cmas_normal=CriterionAnswer("unknown"))
    with database.session() as session:
        _, verdict = complete_screening(session, protocol, draft, user="nurse")
    assert verdict.outcome == "not_yet_eligible"


def test_draft_round_trip(database, saved_patient):
    draft = make_draft(saved_patient)
    draft.page = "exclusion"
    with database.session() as session:
        save_screening_draft(session, draft, user="nurse")
    with database.session() as session:
        again = load_screening_draft(session, saved_patient)
    assert again.page == "exclusion"
    assert again.answers["cmas_normal"].details == {"cmas_total": "50"}
