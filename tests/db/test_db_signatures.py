"""E-signature: only clinicians, only completed visits, password re-entered, locked, audited."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from sqlalchemy import select

from app.db import audit, signatures, users
from app.db.engine import Database
from app.db.models import AuditEntry, Visit
from app.domain.permissions import Actor, PermissionDenied

# Not a test of access (tests/security is): every database here acts as the
# explicit test-fixture system task, not as a person.
pytestmark = pytest.mark.usefixtures("system_actor")

PW = "signing-pass-01"


@pytest.fixture
def people(database: Database) -> dict[str, Actor]:
    with database.session() as s:
        admin = users.create_first_administrator(s, "admin", "Ada Admin", "admin password 1")
        return {
            "admin": admin,
            "doctor": users.create_user(s, admin, "drlee", "Dr Lena Lee", "clinician", PW),
            "nurse": users.create_user(s, admin, "nurse", "Nick Nurse", "data_entry", PW),
        }


@pytest.fixture
def visit_pk(database: Database, saved_patient: int, enroll: Callable[..., int],
             add_visit: Callable[..., Visit]) -> int:
    with database.session() as s:
        enrollment = enroll(s, saved_patient)
        return add_visit(s, enrollment, "month_1", date(2025, 2, 6), status="complete").id


def _visit(database: Database, pk: int) -> Visit:
    with database.session() as s:
        return s.get_one(Visit, pk)


def _sign_entries(database: Database, action: str) -> list[AuditEntry]:
    with database.session() as s:
        return list(s.scalars(
            select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)))


def test_clinician_signs_completed_visit(
    database: Database, people: dict[str, Actor], visit_pk: int
) -> None:
    info = signatures.sign_visit_committing(database, people["doctor"], visit_pk, PW,
                                            "reviewed_approved")
    assert (info.printed_name, info.signed_by, info.meaning) == (
        "Dr Lena Lee", "drlee", "Reviewed and approved")
    assert "Signed by Dr Lena Lee (drlee)" in info.describe()
    visit = _visit(database, visit_pk)
    assert (visit.status, visit.signed_by, visit.signature_meaning) == (
        "signed", "drlee", "reviewed_approved")
    assert visit.signed_at == info.signed_at
    entries = {e.field: e for e in _sign_entries(database, "sign")}
    assert (entries["status"].old_value, entries["status"].new_value) == ("complete", "signed")
    assert entries["signed_by"].new_value == "drlee"
    assert entries["signature_meaning"].new_value == "reviewed_approved"
    assert all(e.entity == "visit" and e.entity_id == str(visit_pk) for e in entries.values())
    with database.session() as s:
        shown = signatures.signature_of(s, visit_pk)
        assert shown is not None and shown.printed_name == "Dr Lena Lee"
        assert audit.verify_chain(s) == (True, None)


@pytest.mark.parametrize("who", ["nurse", "admin"])
def test_only_clinicians_sign(
    database: Database, people: dict[str, Actor], visit_pk: int, who: str
) -> None:
    with pytest.raises(PermissionDenied):
        signatures.sign_visit_committing(database, people[who], visit_pk, PW)
    assert _visit(database, visit_pk).status == "complete"


def test_wrong_password_refused_and_counted(
    database: Database, people: dict[str, Actor], visit_pk: int
) -> None:
    with pytest.raises(users.WrongPasswordError):
        signatures.sign_visit_committing(database, people["doctor"], visit_pk, "not my pass")
    assert _visit(database, visit_pk).status == "complete"
    failed = _sign_entries(database, "signature_failed")
    assert len(failed) == 1 and failed[0].user_name == "drlee"


@pytest.mark.parametrize("status", ["not_started", "draft"])
def test_only_completed_visits_are_signed(
    database: Database, people: dict[str, Actor], saved_patient: int,
    enroll: Callable[..., int], add_visit: Callable[..., Visit], status: str
) -> None:
    with database.session() as s:
        pk = add_visit(s, enroll(s, saved_patient), "baseline", None, status=status).id
    with pytest.raises(signatures.SignatureError, match="Only a completed visit"):
        signatures.sign_visit_committing(database, people["doctor"], pk, PW)


def test_signing_twice_and_unknown_meaning_refused(
    database: Database, people: dict[str, Actor], visit_pk: int
) -> None:
    with pytest.raises(signatures.SignatureError, match="what the signature means"):
        signatures.sign_visit_committing(database, people["doctor"], visit_pk, PW, "because")
    signatures.sign_visit_committing(database, people["doctor"], visit_pk, PW)
    with pytest.raises(signatures.SignatureError, match="already signed"):
        signatures.sign_visit_committing(database, people["doctor"], visit_pk, PW)


def test_signed_visit_is_locked(
    database: Database, people: dict[str, Actor], visit_pk: int
) -> None:
    with database.session() as s:
        signatures.assert_visit_editable(s, visit_pk)  # complete: still editable
    signatures.sign_visit_committing(database, people["doctor"], visit_pk, PW)
    with pytest.raises(signatures.VisitLockedError, match="signed by drlee") as caught:
        with database.session() as s:
            signatures.assert_visit_editable(s, visit_pk)
    assert caught.value.visit_pk == visit_pk
    with database.session() as s:
        assert signatures.is_visit_locked(s, visit_pk)


def test_unlock_needs_reason_permission_and_is_audited(
    database: Database, people: dict[str, Actor], visit_pk: int
) -> None:
    signatures.sign_visit_committing(database, people["doctor"], visit_pk, PW)
    with pytest.raises(signatures.SignatureError, match="reason"), database.session() as s:
        signatures.unlock_signed_visit(s, people["doctor"], visit_pk, "   ")
    with pytest.raises(PermissionDenied), database.session() as s:
        signatures.unlock_signed_visit(s, people["nurse"], visit_pk, "typo in CK")
    with database.session() as s:
        signatures.unlock_signed_visit(s, people["doctor"], visit_pk, "CK value mistyped")
    visit = _visit(database, visit_pk)
    assert (visit.status, visit.signed_by, visit.signed_at) == ("complete", None, None)
    entries = {e.field: e for e in _sign_entries(database, "unlock")}
    assert (entries["status"].old_value, entries["status"].new_value) == ("signed", "complete")
    assert entries["signed_by"].old_value == "drlee" and entries["signed_by"].new_value is None
    assert {e.reason for e in entries.values()} == {"CK value mistyped"}
    with database.session() as s:
        signatures.assert_visit_editable(s, visit_pk)
        assert signatures.signature_of(s, visit_pk) is None
    with pytest.raises(signatures.SignatureError, match="not signed"), database.session() as s:
        signatures.unlock_signed_visit(s, people["doctor"], visit_pk, "again")


def test_missing_visit(database: Database, people: dict[str, Actor]) -> None:
    with pytest.raises(signatures.VisitNotFoundError), database.session() as s:
        signatures.assert_visit_editable(s, 999)


def test_check_visit_edit_rules(
    database: Database, people: dict[str, Actor], saved_patient: int,
    enroll: Callable[..., int], add_visit: Callable[..., Visit]
) -> None:
    with database.session() as s:
        enrollment = enroll(s, saved_patient)
        draft = add_visit(s, enrollment, "baseline", None, status="draft").id
        done = add_visit(s, enrollment, "month_1", None, status="complete").id
    nurse = people["nurse"]
    with database.session() as s:
        assert signatures.check_visit_edit(s, nurse, draft, None) is None
        assert signatures.check_visit_edit(s, nurse, done, "  CK retyped ") == "CK retyped"
        with pytest.raises(signatures.ReasonRequiredError, match="give the reason"):
            signatures.check_visit_edit(s, nurse, done, " ")
    signatures.sign_visit_committing(database, people["doctor"], done, PW)
    with pytest.raises(signatures.VisitLockedError), database.session() as s:
        signatures.check_visit_edit(s, nurse, done, "late correction")
    with pytest.raises(PermissionError, match="Nobody is signed in"), database.session() as s:
        signatures.check_visit_edit(s, None, draft, None)  # type: ignore[arg-type]
