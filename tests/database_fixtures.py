"""Database fixtures shared by every test directory (registered in tests/conftest.py).

Every test gets its own database, at head of the alembic migrations. By default that is a
SQLite file in the test's temporary folder: a byte copy of one file that ``open_database``
created through the migrations once per session (see ``migrated_sqlite_template`` in
tests/conftest.py), opened through ``open_database``. When ``JDM_CTP_TEST_DATABASE_URL``
is set (e.g. ``postgresql+psycopg://user:pw@host/jdm_test``) the same tests run against
that server instead; its tables are EMPTIED or DROPPED before every test, so point it at a
throw-away database. Tests about SQLite files (backups, pragmas, byte-identical originals)
always use SQLite files, whatever the variable says.

Under pytest-xdist each worker gets its own PostgreSQL schema in that database (see
``server_url``), so workers never wipe each other's tables.

Nobody is signed in on these databases: permission-gated services refuse them. A test
module that exercises something else (a dose, a conflict, an export format) says so
explicitly with ``pytestmark = pytest.mark.usefixtures("system_actor")``: every database
it opens then acts as ``TEST_FIXTURE_TASK``, a system task named "test fixture". Tests
about access itself sign real accounts in instead (tests/security).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import MetaData, text
from sqlalchemy.orm import Session

from app.db import engine as db_engine
from app.db.engine import Database, make_engine, resolve_database_url
from app.db.models import ArmAssignment, Enrollment, Screening, Visit
from app.db.opening import open_database
from app.db.patients import PatientInput, create_patient
from app.domain.permissions import Actor, Permission, system_task

TEST_DATABASE_URL_ENV = "JDM_CTP_TEST_DATABASE_URL"

# Tests only: the application itself has no task that may do everything.
TEST_FIXTURE_TASK = system_task("test fixture", *Permission)


@pytest.fixture
def system_actor(monkeypatch: pytest.MonkeyPatch):
    """Every Database opened in this test acts as TEST_FIXTURE_TASK (see the docstring)."""
    original = db_engine.Database.__init__

    def opened_as_fixture(self, *args, **kwargs):  # noqa: ANN001, ANN202
        original(self, *args, **kwargs)
        self.actor = TEST_FIXTURE_TASK

    monkeypatch.setattr(db_engine.Database, "__init__", opened_as_fixture)
    return TEST_FIXTURE_TASK


def _worker_schema() -> str | None:
    """The PostgreSQL schema of this xdist worker ("gw0", ...), None outside xdist."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    return f"jdm_test_{worker}" if worker else None


def server_url() -> str:
    """The test server's URL, or "" when the suite runs on SQLite only.

    Under xdist, the URL selects this worker's own schema through libpq's ``options``
    (``search_path``), so every connection made from it, the app's and the child
    processes', finds and creates its tables there; its ``application_name`` is the
    schema's name.
    """
    url = os.environ.get(TEST_DATABASE_URL_ENV, "").strip()
    schema = _worker_schema()
    if not url or schema is None:
        return url
    _create_schema(url, schema)
    separator = "&" if "?" in url else "?"
    # application_name tells this worker's sessions apart in pg_stat_activity, which
    # shows every session of the database whatever its schema.
    return (f"{url}{separator}options={quote(f'-csearch_path={schema}')}"
            f"&application_name={schema}")


_schemas_made: set[str] = set()


def _create_schema(url: str, schema: str) -> None:
    if schema in _schemas_made:
        return
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            connection.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    finally:
        engine.dispose()
    _schemas_made.add(schema)


def _wipe_server_database(url: str) -> None:
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            metadata = MetaData()
            metadata.reflect(connection)
            metadata.drop_all(connection)  # includes alembic_version
    finally:
        engine.dispose()


def _server_database_at_head(url: str) -> Database:
    """The server database as the migrations leave an empty one: at head.

    Every table is dropped and the migrations run again (about half a second per test).
    Emptying the tables with TRUNCATE would be faster but cannot give the same database:
    the migrations write rows (the database's id and the audit entry recording it) and
    the audit table refuses TRUNCATE by design.
    """
    _wipe_server_database(url)
    give_site_code(open_database(url))
    return open_database(url)


def give_site_code(database) -> None:
    """A test database is an installation whose administrator set its site code (TEST):
    every export needs one (app.db.site_code). Tests of the refusal without one remove it.
    Written directly: the setting is not a clinical record, nothing replays it."""
    try:
        with database.engine.begin() as connection:
            connection.execute(text("INSERT INTO installation_setting (key, value) VALUES "
                                    "('site_code', :code), ('installation_id', :id)"),
                               {"code": TEST_SITE_CODE, "id": "test-installation"})
    finally:
        database.dispose()


TEST_SITE_CODE = "TEST"


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    """URL of an empty database: the test server if configured, else a new SQLite file."""
    server = server_url()
    if server:
        _wipe_server_database(server)
        return server
    return resolve_database_url(tmp_path / "clinic.sqlite3")


@pytest.fixture
def database(tmp_path: Path, migrated_sqlite_file: Callable[[Path], Path]) -> Iterator[Database]:
    """A database at head with no rows: the test server if configured, else a SQLite file
    (the same file as ``sqlite_path``)."""
    server = server_url()
    if server:
        db = _server_database_at_head(server)
    else:
        db = open_database(migrated_sqlite_file(tmp_path / "clinic.sqlite3"))
    try:
        yield db
    finally:
        db.dispose()


@pytest.fixture
def empty(tmp_path: Path, migrated_sqlite_file: Callable[[Path], Path]) -> Iterator[Database]:
    """A second, empty SQLite database: where imports and restores land."""
    db = open_database(migrated_sqlite_file(tmp_path / "empty.sqlite3"))
    yield db
    db.dispose()


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    """Where a file-specific test keeps its SQLite database (always SQLite)."""
    return tmp_path / "clinic.sqlite3"


@pytest.fixture
def sqlite_database(
    sqlite_path: Path, migrated_sqlite_file: Callable[[Path], Path]
) -> Iterator[Database]:
    db = open_database(migrated_sqlite_file(sqlite_path))
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


# ------------------------------------------------------------------ people and passwords

STAFF_PASSWORD = "long enough secret"
PEOPLE = {  # user name -> role: one of each (the first is created as the first administrator)
    "admin": "administrator",
    "doc": "clinician",
    "coord": "coordinator",
    "nurse": "data_entry",
}


def add_people(database: Database, password: str = STAFF_PASSWORD) -> dict[str, Actor]:
    """One account per role (see PEOPLE), all with ``password``; returns their actors."""
    from app.db import users

    with database.session() as session:
        session.info["actor"] = None
        admin = users.create_first_administrator(session, "admin", "Ada Admin", password)
    people = {"admin": admin}
    for name, role in PEOPLE.items():
        if name == "admin":
            continue
        with database.session() as session:
            session.info["actor"] = admin
            people[name] = users.create_user(session, admin, name, name.title(), role,
                                             password)
    return people


def password_file(folder: Path, password: str = STAFF_PASSWORD, name: str = "password") -> Path:
    """A password file as a scheduled job keeps it: first line, readable by its owner only."""
    path = folder / name
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return path


# ------------------------------------------------------------------------- tampering


def lift_audit_protection(session: Session) -> None:
    """Do what someone who can write the database directly can do first: drop the
    triggers that refuse UPDATE and DELETE on the audit table (SQLite) or, as the
    tables' owner on a server, drop the trigger and grant the privileges back."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("DROP TRIGGER IF EXISTS audit_entry_append_only ON audit_entry"))
        session.execute(text("GRANT UPDATE, DELETE ON audit_entry TO CURRENT_USER"))
    else:
        session.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_update"))
        session.execute(text("DROP TRIGGER IF EXISTS audit_entry_no_delete"))


def written_by_services(statement):  # noqa: ANN001, ANN201 - a Select of AuditEntry
    """The entries the services write, without the record states every commit appends
    and the identity entry of migration 0004 (for tests that list what a service wrote)."""
    from app.db.models import AuditEntry

    return statement.where(AuditEntry.action.not_in(("state", "database_identity")))


def without_audit_head(manifest: Path) -> dict:
    """A manifest without its audit trail head, which differs between any two exports."""
    import json

    data = json.loads(manifest.read_text(encoding="utf-8"))
    data.pop("audit_trail_head", None)
    return data


def reseal(directory: Path) -> None:
    """Recompute an export's manifest checksums, as someone who edits an export on purpose
    would (the import's content checks are then what is being tested)."""
    import json

    manifest_path = directory / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    for entry in manifest["files"]:
        entry["sha256"] = hashlib.sha256((directory / entry["name"]).read_bytes()).hexdigest()
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")


def db_argument(database: Database) -> str:
    """What ``--db`` takes for this database: the file, or the server's URL."""
    path = database.file_path
    return str(path) if path is not None else database.engine.url.render_as_string(
        hide_password=False)
