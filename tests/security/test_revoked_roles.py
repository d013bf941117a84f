"""Issue 14, item 3: the services check the account as it is *now*, every time.

The issue's attack: a coordinator demoted and deactivated at another workstation could
still export identified data from a session opened before. Two ``Database`` objects on
the same database stand for the two workstations; the first keeps the actor it signed in
with. Also: screenings, enrollments, prior therapies and drafts used to write with no
permission check at all.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import drafts, users
from app.db.engine import Database
from app.db.enrollments import switch_arm
from app.db.models import Enrollment, Patient, PriorTherapy, Screening
from app.db.prior_therapies import PriorTherapyInput, add_prior_therapy
from app.db.screenings import complete_screening
from app.domain.arm_switch import SwitchPlan
from app.domain.permissions import AccountNotActive, PermissionDenied, Role
from app.domain.screening import ScreeningDraft
from app.exports.export import export_database


def _listed(database: Database, name: str) -> int:
    with database.reading() as session:
        return next(u.version_id for u in users.list_users(session) if u.user_name == name)


@pytest.fixture
def other_workstation(database: Database, people) -> Database:
    """The same database opened a second time, with the administrator signed in there."""
    second = Database(database.url)
    second.actor = people["admin"]
    yield second
    second.dispose()


def test_a_demoted_coordinator_cannot_export_from_a_session_opened_before(
        clinic, people, other_workstation, tmp_path: Path):
    clinic.actor = people["coord"]  # signed in as coordinator this morning
    export_database(clinic, tmp_path / "morning", profile="identified")
    with other_workstation.session() as session:
        users.change_role(session, people["admin"], "coord", Role.DATA_ENTRY,
                          "left the study team", expected_version=_listed(clinic, "coord"))
    assert clinic.actor.role is Role.COORDINATOR  # what the open session still believes
    with pytest.raises(PermissionDenied, match="signed in as Data entry"):
        export_database(clinic, tmp_path / "afternoon", profile="identified")
    assert not (tmp_path / "afternoon").exists()


def test_a_deactivated_account_can_do_nothing_from_an_open_session(
        clinic, people, other_workstation, tmp_path: Path):
    clinic.actor = people["coord"]
    with other_workstation.session() as session:
        users.deactivate_user(session, people["admin"], "coord", "left the clinic",
                              expected_version=_listed(clinic, "coord"))
    with pytest.raises(AccountNotActive, match="has been deactivated"):
        export_database(clinic, tmp_path / "out")
    with pytest.raises(AccountNotActive), clinic.session() as session:
        add_prior_therapy(session, 1, PriorTherapyInput("methotrexate", date(2024, 1, 1)),
                          user="coord", today=date(2025, 1, 1))
    assert not (tmp_path / "out").exists()


def test_a_demoted_administrator_cannot_manage_users(database, people, other_workstation):
    database.actor = people["admin"]
    with database.session() as session:
        users.create_user(session, people["admin"], "admin2", "", "administrator",
                          "long enough secret")
    other_workstation.actor = users.Actor("admin2", "", Role.ADMINISTRATOR)
    with other_workstation.session() as session:
        users.change_role(session, other_workstation.actor, "admin", Role.CLINICIAN,
                          expected_version=_listed(database, "admin"))
    with pytest.raises(PermissionDenied, match="may not manage user accounts"), \
            database.session() as session:
        users.reset_password(session, people["admin"], "nurse", "another long secret",
                             expected_version=_listed(database, "nurse"))


def _count(database: Database, model) -> int:  # noqa: ANN001
    with database.reading() as session:
        return len(session.scalars(select(model.id)).all())


def test_screenings_enrollments_prior_therapies_and_drafts_check_permission(clinic, people,
                                                                           other_workstation):
    """Each of these wrote with no check before: now each refuses a deactivated account."""
    from app.catalog import protocol_catalog

    protocol = protocol_catalog().protocols["persistent-skin-rash"]
    clinic.actor = people["nurse"]
    with other_workstation.session() as session:
        users.deactivate_user(session, people["admin"], "nurse", "left",
                              expected_version=_listed(clinic, "nurse"))
    with clinic.reading() as session:
        patient_id = session.scalar(select(Patient.id).where(Patient.study_id == "JDM-002"))
        enrollment = session.execute(select(Enrollment.id, Enrollment.version_id)).first()
    before = [_count(clinic, m) for m in (Screening, PriorTherapy)]
    attempts = {
        "screening": lambda s: complete_screening(
            s, protocol, ScreeningDraft(patient_id=patient_id, protocol_id=protocol.id,
                                        screening_date="2025-06-01"), user="nurse"),
        "prior therapy": lambda s: add_prior_therapy(
            s, patient_id, PriorTherapyInput("methotrexate", date(2024, 1, 1)), user="nurse",
            today=date(2025, 6, 1)),
        "arm switch": lambda s: switch_arm(
            # The plan is never read: the account is refused before anything else.
            s, enrollment.id, SwitchPlan.__new__(SwitchPlan), user="nurse",
            expected_version=enrollment.version_id),
        "draft": lambda s: drafts.save_draft(s, "screening", "patient:1", {"a": 1},
                                             user="nurse"),
    }
    for name, attempt in attempts.items():
        with pytest.raises(AccountNotActive), clinic.session() as session:
            attempt(session)
        assert [_count(clinic, m) for m in (Screening, PriorTherapy)] == before, name
