"""Database fixtures: every test gets its own database, upgraded through alembic to head.

By default that is a fresh SQLite file in the test's temporary folder. When
``JDM_CTP_TEST_DATABASE_URL`` is set (e.g. ``postgresql+psycopg://user:pw@host/jdm_test``)
the same tests run against that server instead; its tables are DROPPED before every
test, so point it at a throw-away database. Tests about SQLite files (backups, pragmas,
byte-identical originals) always use SQLite files, whatever the variable says.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import MetaData
from sqlalchemy.orm import Session

from app.db.engine import Database, make_engine, resolve_database_url
from app.db.models import ArmAssignment, Enrollment, Screening, Visit
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient

TEST_DATABASE_URL_ENV = "JDM_CTP_TEST_DATABASE_URL"


def server_url() -> str:
    """The test server's URL, or "" when the suite runs on SQLite only."""
    return os.environ.get(TEST_DATABASE_URL_ENV, "").strip()


def _wipe_server_database(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            metadata = MetaData()
            metadata.reflect(connection)
            metadata.drop_all(connection)  # includes alembic_version
    finally:
        engine.dispose()


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """URL of an empty database: the test server if configured, else a new SQLite file."""
    server = server_url()
    if server:
        _wipe_server_database(server)
        return server
    return resolve_database_url(tmp_path / "clinic.sqlite3")


@pytest.fixture
def database(database_url: str) -> Iterator[Database]:
    db = open_database(database_url)
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def empty(tmp_path: Path) -> Iterator[Database]:
    """A second, empty SQLite database: where imports and restores land."""
    db = open_database(tmp_path / "empty.sqlite3")
    yield db
    db.dispose()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    """Where a file-specific test keeps its SQLite database (always SQLite)."""
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def sqlite_database(sqlite_path: Path) -> Iterator[Database]:
    db = open_database(sqlite_path)
    try:
        yield db
    finally:
        db.dispose()


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def file_digest() -> Callable[[Path], str]:
    return sha256_of


def make_patient_input(study_id: str = "JDM-001", **overrides: object) -> PatientInput:
    values: dict[str, object] = {
        "study_id": study_id,
        "given_name": "Ada",
        "family_name": "Lovelace",
        "date_of_birth": date(2014, 3, 9),
        "sex": "female",
        "mrn": "MRN-12345",
        "site": "Toronto",
    }
    values.update(overrides)
    return PatientInput(**values)  # type: ignore[arg-type]


@pytest.fixture
def patient_input() -> Callable[..., PatientInput]:
    """Builds a valid PatientInput; keyword arguments override single fields."""
    return make_patient_input


EnrollFn = Callable[..., int]


@pytest.fixture
def enroll() -> EnrollFn:
    """Screen + enroll a patient on a protocol with an arm; returns the enrollment id."""

    def _enroll(
        session: Session,
        patient_id: int,
        *,
        protocol_id: str = "jdm-skin-2017",
        arm_id: str = "A",
        enrollment_date: date = date(2025, 1, 6),
        status: str = "active",
    ) -> int:
        screening = Screening(
            patient_id=patient_id,
            protocol_id=protocol_id,
            protocol_version="1.0",
            protocol_hash="0" * 64,
            status="complete",
            verdict="eligible",
            screened_by="nurse",
            screening_date=enrollment_date,
        )
        enrollment = Enrollment(
            patient_id=patient_id,
            screening=screening,
            protocol_id=protocol_id,
            protocol_version="1.0",
            protocol_hash="0" * 64,
            enrollment_date=enrollment_date,
            enrolled_by="doctor",
            sun_protection_counselled=True,
            status=status,
        )
        enrollment.arm_assignments.append(
            ArmAssignment(arm_id=arm_id, start_date=enrollment_date, created_by="doctor")
        )
        session.add(enrollment)
        session.flush()
        return enrollment.id

    return _enroll


@pytest.fixture
def add_visit() -> Callable[..., Visit]:
    def _add_visit(
        session: Session,
        enrollment_id: int,
        visit_code: str,
        target_date: date | None,
        status: str = "not_started",
    ) -> Visit:
        visit = Visit(
            enrollment_id=enrollment_id,
            visit_code=visit_code,
            label=visit_code.replace("_", " ").title(),
            target_date=target_date,
            status=status,
        )
        session.add(visit)
        session.flush()
        return visit

    return _add_visit


@pytest.fixture
def saved_patient(database: Database) -> int:
    with database.session() as session:
        return create_patient(session, make_patient_input(), user="tester")
