"""The stored domain: SQLAlchemy 2 typed models.

One module although long: the tables refer to each other by relationship, and one file
beside the migrations is the whole schema at a glance.

Design decisions worth knowing before changing anything here:

* **Identity is separate.** Names, MRN and date of birth live only in
  ``patient_identity``. Every clinical table hangs off ``patient.id`` / ``study_id``,
  so a de-identified export is "do not read that table", not a list of columns to
  remember to drop. (Free-text columns such as ``notes`` may still hold PHI typed by a
  user: exports must treat free text as identifying.) The audit trail records old/new
  values, identity included, so it is identified data too.
* **Item-level truth.** ``instrument_value`` holds what was observed, one row per item;
  totals are computed by ``app.domain`` and never stored.
* **Protocol provenance.** Screenings and enrollments keep protocol id, version and the
  hash of the protocol file they were made under.
* **Optimistic locking.** Every row a person can edit is ``Versioned``: SQLAlchemy
  adds ``WHERE version_id = :old`` to every UPDATE and raises ``StaleDataError`` when
  someone else saved first. The save services also compare the version a form was
  opened with (see ``app.db.conflicts``), because each save runs in a fresh session.
* **Closed vocabularies** that the brief fixes are CHECK constraints (named through the
  naming convention so SQLite batch migrations can recreate them); open ones (drug
  names, arm ids, reasons) are plain strings owned by the protocol files.
* No ``create_all`` in application code: the schema is created by the alembic
  migrations in ``migrations/versions`` and a test proves models and migrations agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

# Visits still waiting to be done: defined with the patient list, read without the models.
from app.db.patient_list import OPEN_VISIT_STATUSES  # noqa: F401 - re-exported
from app.db.types import UTCDateTime, utcnow

# Every constraint gets a deterministic name: SQLite batch migrations recreate tables and
# can only drop/alter a constraint they can name.
NAMING_CONVENTION: dict[str, str] = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SEXES = ("female", "male", "other")
SCREENING_STATUSES = ("draft", "complete")
SCREENING_VERDICTS = ("eligible", "not_eligible", "not_yet_eligible")
SCREENING_ANSWERS = ("yes", "no", "unknown")
ENROLLMENT_STATUSES = ("active", "withdrawn", "completed")
VISIT_STATUSES = ("not_started", "draft", "complete", "signed")
PRESCRIPTION_ROLES = ("arm", "concomitant")

# Short string widths, one place: generous for codes, bounded so PostgreSQL indexes stay small.
CODE = 64
USER = 64
HASH = 64  # sha256 hex digest


def _one_of(column: str, values: tuple[str, ...], name: str) -> CheckConstraint:
    allowed = ", ".join(f"'{v}'" for v in values)
    return CheckConstraint(f"{column} IN ({allowed})", name=name)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


class Versioned:
    """Optimistic locking: ``version_id`` goes up by one with every UPDATE of the row.

    The database default of 1 is what rows written outside the ORM (bulk demo data, rows
    that existed before the column did) start at; the ORM sets it itself.
    """

    version_id: Mapped[int] = mapped_column(Integer, server_default=text("1"))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:  # noqa: N805 - declarative directive
        return {"version_id_col": cls.__table__.c.version_id}  # type: ignore[attr-defined]


class Timestamped:
    """created_at/updated_at in UTC, maintained by the ORM (not the database clock)."""

    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


# --------------------------------------------------------------------------- patients


class Patient(Versioned, Timestamped, Base):
    """A child in the registry, known by a study id that must not be derived from PHI."""

    __tablename__ = "patient"
    __table_args__ = (_one_of("sex", SEXES, "sex"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    study_id: Mapped[str] = mapped_column(String(CODE), unique=True)
    sex: Mapped[str] = mapped_column(String(16))
    site: Mapped[str] = mapped_column(String(100), default="")
    # Disease history and self-reported background (app.domain.disease_history); the
    # dates are clinical, not identity, but like every date they leave de-identified
    # exports only as days since enrollment.
    onset_date: Mapped[date | None] = mapped_column(Date)
    diagnosis_date: Mapped[date | None] = mapped_column(Date)
    race: Mapped[str] = mapped_column(String(CODE), default="")
    ethnicity: Mapped[str] = mapped_column(String(CODE), default="")
    # Pooled databases only (app.exports.pooling): the site the record came from (its
    # study id is then that site's record id) and the age group it exported.
    site_code: Mapped[str | None] = mapped_column(String(16), default=None)
    pooled_age: Mapped[str | None] = mapped_column(String(8), default=None)

    identity: Mapped[PatientIdentity | None] = relationship(
        back_populates="patient", cascade="all, delete-orphan", uselist=False
    )
    screenings: Mapped[list[Screening]] = relationship(
        back_populates="patient", order_by="Screening.id"
    )
    enrollments: Mapped[list[Enrollment]] = relationship(
        back_populates="patient", order_by="Enrollment.id"
    )
    prior_therapies: Mapped[list[PriorTherapy]] = relationship(
        back_populates="patient", order_by="PriorTherapy.id"
    )
    anthropometrics: Mapped[list[Anthropometric]] = relationship(
        back_populates="patient", order_by="Anthropometric.measured_on"
    )


class Site(Base):
    """A clinic site of the administrator's site list (app.db.sites): the patient dialog
    offers these names and the export writes the id as the site's code, so no typed text
    leaves as a site. Never deleted (old records keep their code); ``active`` False hides
    it from new choices."""

    __tablename__ = "site"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class InstallationSetting(Base):
    """A setting of the database itself, the same at every workstation (app.db.site_code)."""

    __tablename__ = "installation_setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class PooledSite(Base):
    """In a coordinator's pooled database: the export of one site it holds
    (app.exports.pooling)."""

    __tablename__ = "pooled_site"

    site_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    installation_id: Mapped[str] = mapped_column(String(36))
    exported_at: Mapped[str] = mapped_column(String(40))
    manifest_sha256: Mapped[str] = mapped_column(String(HASH))
    dictionary_sha256: Mapped[str] = mapped_column(String(HASH))
    records: Mapped[int] = mapped_column(Integer)
    loaded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PatientIdentity(Versioned, Base):
    """The only table holding names, MRN and date of birth (excluded from de-identified export)."""

    __tablename__ = "patient_identity"
    __table_args__ = (Index("ix_patient_identity_name", "family_name", "given_name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(
        ForeignKey("patient.id", ondelete="CASCADE"), unique=True
    )
    given_name: Mapped[str] = mapped_column(String(100))
    family_name: Mapped[str] = mapped_column(String(100))
    mrn: Mapped[str] = mapped_column(String(CODE), default="", index=True)
    date_of_birth: Mapped[date | None] = mapped_column(Date)

    patient: Mapped[Patient] = relationship(back_populates="identity")


class PriorTherapy(Versioned, Timestamped, Base):
    """A medicine taken before enrollment: drives eligibility and washout rules."""

    __tablename__ = "prior_therapy"

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    drug: Mapped[str] = mapped_column(String(CODE))
    start_date: Mapped[date | None] = mapped_column(Date)
    stop_date: Mapped[date | None] = mapped_column(Date)
    # e.g. failure / benefit / toxicity / other: the biologic CTPs treat failure and benefit
    # differently, so this is a code, not prose.
    reason_stopped: Mapped[str | None] = mapped_column(String(CODE))
    last_dose_date: Mapped[date | None] = mapped_column(Date)
    b_cells_detectable: Mapped[bool | None] = mapped_column(Boolean)
    for_skin_disease: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str] = mapped_column(Text, default="")

    patient: Mapped[Patient] = relationship(back_populates="prior_therapies")


class Anthropometric(Timestamped, Base):
    """Weight/height on a date, always stored in kg/cm; the unit typed is kept for the audit."""

    __tablename__ = "anthropometric"
    __table_args__ = (Index("ix_anthropometric_patient_measured", "patient_id", "measured_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    measured_on: Mapped[date] = mapped_column(Date)
    weight_kg: Mapped[float | None] = mapped_column(Float)
    height_cm: Mapped[float | None] = mapped_column(Float)
    entered_unit: Mapped[str] = mapped_column(String(16), default="metric")
    entered_by: Mapped[str] = mapped_column(String(USER), default="")

    patient: Mapped[Patient] = relationship(back_populates="anthropometrics")


# ---------------------------------------------------------------- screening / enrollment


class Screening(Versioned, Timestamped, Base):
    """One eligibility screening of a patient against one protocol version."""

    __tablename__ = "screening"
    __table_args__ = (
        _one_of("status", SCREENING_STATUSES, "status"),
        CheckConstraint(
            "verdict IS NULL OR verdict IN ("
            + ", ".join(f"'{v}'" for v in SCREENING_VERDICTS)
            + ")",
            name="verdict",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    protocol_id: Mapped[str] = mapped_column(String(CODE))
    protocol_version: Mapped[str] = mapped_column(String(32))
    protocol_hash: Mapped[str] = mapped_column(String(HASH))
    status: Mapped[str] = mapped_column(String(16), default="draft")
    verdict: Mapped[str | None] = mapped_column(String(24))
    screened_by: Mapped[str] = mapped_column(String(USER), default="")
    screened_at: Mapped[datetime | None]
    screening_date: Mapped[date | None] = mapped_column(Date)

    patient: Mapped[Patient] = relationship(back_populates="screenings")
    answers: Mapped[list[ScreeningAnswer]] = relationship(
        back_populates="screening", cascade="all, delete-orphan", order_by="ScreeningAnswer.id"
    )


class ScreeningAnswer(Base):
    """The answer to one eligibility criterion; ``details`` holds criterion-specific data."""

    __tablename__ = "screening_answer"
    __table_args__ = (
        UniqueConstraint("screening_id", "criterion_id"),
        _one_of("answer", SCREENING_ANSWERS, "answer"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    screening_id: Mapped[int] = mapped_column(ForeignKey("screening.id", ondelete="CASCADE"))
    criterion_id: Mapped[str] = mapped_column(String(CODE))
    answer: Mapped[str] = mapped_column(String(8))
    details: Mapped[dict[str, Any] | None]

    screening: Mapped[Screening] = relationship(back_populates="answers")


class Enrollment(Versioned, Timestamped, Base):
    """A patient entered into a CTP, under the exact protocol version that screened them."""

    __tablename__ = "enrollment"
    __table_args__ = (
        _one_of("status", ENROLLMENT_STATUSES, "status"),
        # A patient's current enrollment, by index (the patient list, migration 0012).
        Index("ix_enrollment_patient_current", "patient_id", "status", "enrollment_date", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"), index=True)
    # One enrollment per screening: enrolling twice from one screening is a double click.
    screening_id: Mapped[int] = mapped_column(ForeignKey("screening.id"), unique=True)
    protocol_id: Mapped[str] = mapped_column(String(CODE))
    protocol_version: Mapped[str] = mapped_column(String(32))
    protocol_hash: Mapped[str] = mapped_column(String(HASH))
    enrollment_date: Mapped[date] = mapped_column(Date)
    enrolled_by: Mapped[str] = mapped_column(String(USER))
    sun_protection_counselled: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default="active")
    ended_on: Mapped[date | None] = mapped_column(Date)
    end_reason: Mapped[str | None] = mapped_column(Text)

    patient: Mapped[Patient] = relationship(back_populates="enrollments")
    screening: Mapped[Screening] = relationship()
    arm_assignments: Mapped[list[ArmAssignment]] = relationship(
        back_populates="enrollment", order_by="ArmAssignment.start_date"
    )
    visits: Mapped[list[Visit]] = relationship(
        back_populates="enrollment", order_by="Visit.target_date"
    )
    prescriptions: Mapped[list[Prescription]] = relationship(
        back_populates="enrollment", order_by="Prescription.id"
    )


# The rows the partial unique index "uq_arm_assignment_current" covers.
CURRENT_ARM_ONLY = "end_date IS NULL"


def declare_postgresql_forms() -> None:
    """Give the model's partial index its PostgreSQL form (the migrations create it there).

    Called when a PostgreSQL engine is made, not in the declaration: naming a
    ``postgresql_*`` option makes SQLAlchemy import its whole PostgreSQL dialect, which the
    desktop start on SQLite never needs (issue 22). Idempotent.
    """
    for index in ArmAssignment.__table__.indexes:
        if index.name == "uq_arm_assignment_current":
            index.dialect_kwargs["postgresql_where"] = text(CURRENT_ARM_ONLY)


class ArmAssignment(Versioned, Base):
    """Which arm a patient is on from when to when; switches add a row, history is kept.

    The current arm is the row with ``end_date`` NULL; a partial unique index allows at
    most one per enrollment, so "which arm is she on?" never has two answers.
    """

    __tablename__ = "arm_assignment"
    __table_args__ = (
        # PostgreSQL's form of the same WHERE is added by ``declare_postgresql_forms``.
        Index(
            "uq_arm_assignment_current",
            "enrollment_id",
            unique=True,
            sqlite_where=text(CURRENT_ARM_ONLY),
        ),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    arm_id: Mapped[str] = mapped_column(String(CODE))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    # initial / inadequate_response / toxicity / other
    reason: Mapped[str] = mapped_column(String(CODE), default="initial")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(USER), default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Why this arm was chosen (app.domain.treatment_course_record.ARM_CHOICE_CODES) and the
    # text of "other"; why it was stopped or changed when it ended (END_REASONS).
    choice_reasons: Mapped[list[Any] | None]
    choice_other: Mapped[str] = mapped_column(Text, default="")
    stop_reason: Mapped[str | None] = mapped_column(String(CODE))
    stop_other: Mapped[str] = mapped_column(Text, default="")

    enrollment: Mapped[Enrollment] = relationship(back_populates="arm_assignments")
    infusions: Mapped[list[Infusion]] = relationship(
        back_populates="arm_assignment", order_by="Infusion.given_on")


class Infusion(Versioned, Timestamped, Base):
    """An infusion actually given (IVIG, a biologic), against the arm's schedule."""

    __tablename__ = "infusion"
    __table_args__ = (CheckConstraint("dose > 0", name="dose"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    arm_assignment_id: Mapped[int] = mapped_column(ForeignKey("arm_assignment.id"), index=True)
    drug: Mapped[str] = mapped_column(String(CODE))
    given_on: Mapped[date] = mapped_column(Date)
    dose: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    entered_by: Mapped[str] = mapped_column(String(USER), default="")

    arm_assignment: Mapped[ArmAssignment] = relationship(back_populates="infusions")


class Prescription(Versioned, Timestamped, Base):
    """A dose: what the rule computed, how (derivation), and what the clinician finally gave."""

    __tablename__ = "prescription"
    __table_args__ = (_one_of("role", PRESCRIPTION_ROLES, "role"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    arm_assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("arm_assignment.id"), index=True
    )
    drug: Mapped[str] = mapped_column(String(CODE))
    role: Mapped[str] = mapped_column(String(16))
    # True when ``amount`` came from a protocol dose rule; False for a dose typed by hand.
    calculated: Mapped[bool] = mapped_column(Boolean, default=True)
    # The computed dose after cap and rounding (None when not calculated).
    amount: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))  # mg, g
    per: Mapped[str] = mapped_column(String(16), default="dose")  # dose, day
    frequency: Mapped[str] = mapped_column(String(CODE), default="")
    route: Mapped[str] = mapped_column(String(16), default="")
    capped: Mapped[bool] = mapped_column(Boolean, default=False)
    derivation: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")  # rule citation, e.g. "seed 000, Table 2"
    status: Mapped[str] = mapped_column(String(16), default="active")
    final_amount: Mapped[float | None] = mapped_column(Float)
    override_reason: Mapped[str | None] = mapped_column(Text)
    start_date: Mapped[date | None] = mapped_column(Date)
    stop_date: Mapped[date | None] = mapped_column(Date)
    inputs: Mapped[dict[str, Any] | None]  # weight/height with their measurement dates, BSA
    schedule: Mapped[list[Any] | None]  # ISO dates of planned doses
    prescribed_by: Mapped[str] = mapped_column(String(USER), default="")

    enrollment: Mapped[Enrollment] = relationship(back_populates="prescriptions")
    arm_assignment: Mapped[ArmAssignment | None] = relationship()


# --------------------------------------------------------------------------- visits


class Visit(Versioned, Timestamped, Base):
    """A scheduled (or unscheduled) assessment within an enrollment.

    ``visit_code`` is the protocol's visit id (baseline, month_1, ..., unscheduled);
    it is not called ``visit_id`` so it cannot be confused with the foreign keys to
    this table. ``occurrence`` numbers repeated unscheduled visits (1 for scheduled).
    """

    __tablename__ = "visit"
    __table_args__ = (
        UniqueConstraint("enrollment_id", "visit_code", "occurrence"),
        _one_of("status", VISIT_STATUSES, "status"),
        Index("ix_visit_status_target_date", "status", "target_date"),
        # An enrollment's earliest open visit, by index (the patient list, migration 0012).
        Index("ix_visit_enrollment_open", "enrollment_id", "status", "target_date"),
        # Open visits whose window opens by a date (the visits-due list, migration 0012).
        Index("ix_visit_status_window_start", "status", "window_start"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    enrollment_id: Mapped[int] = mapped_column(ForeignKey("enrollment.id"), index=True)
    visit_code: Mapped[str] = mapped_column(String(32))
    occurrence: Mapped[int] = mapped_column(Integer, default=1)
    label: Mapped[str] = mapped_column(String(CODE), default="")
    target_date: Mapped[date | None] = mapped_column(Date, index=True)
    window_start: Mapped[date | None] = mapped_column(Date)
    window_end: Mapped[date | None] = mapped_column(Date)
    visit_date: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="not_started")
    completed_at: Mapped[datetime | None]
    completed_by: Mapped[str | None] = mapped_column(String(USER))
    signed_at: Mapped[datetime | None]
    signed_by: Mapped[str | None] = mapped_column(String(USER))
    signature_meaning: Mapped[str | None] = mapped_column(String(CODE))

    enrollment: Mapped[Enrollment] = relationship(back_populates="visits")
    instrument_values: Mapped[list[InstrumentValue]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="InstrumentValue.id"
    )
    adverse_events: Mapped[list[AdverseEvent]] = relationship(
        back_populates="visit", cascade="all, delete-orphan", order_by="AdverseEvent.id"
    )


class InstrumentValue(Versioned, Base):
    """One observed item of one instrument at one visit (CMAS item 3, CK value, ...)."""

    __tablename__ = "instrument_value"
    __table_args__ = (UniqueConstraint("visit_id", "instrument", "item"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"))
    instrument: Mapped[str] = mapped_column(String(32))  # cmas, chaq, mmt8, enzymes, global, skin
    item: Mapped[str] = mapped_column(String(CODE))
    value_num: Mapped[float | None] = mapped_column(Float)
    value_text: Mapped[str | None] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(String(120))  # a listed unit, or typed text
    missing_reason: Mapped[str | None] = mapped_column(String(CODE))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(USER), default="")

    visit: Mapped[Visit] = relationship(back_populates="instrument_values")


class AdverseEvent(Versioned, Timestamped, Base):
    __tablename__ = "adverse_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    description: Mapped[str] = mapped_column(Text)
    onset_date: Mapped[date | None] = mapped_column(Date)
    resolved_date: Mapped[date | None] = mapped_column(Date)
    serious: Mapped[bool] = mapped_column(Boolean, default=False)
    # unrelated / unlikely / possible / probable / definite
    relation: Mapped[str | None] = mapped_column(String(32))
    action_taken: Mapped[str | None] = mapped_column(Text)
    reported_by: Mapped[str] = mapped_column(String(USER), default="")
    # Coding (issue 18; codes in app.domain.instruments.adverse_events). NULL on events
    # stored before migration 0009: shown as "category not recorded".
    category: Mapped[str | None] = mapped_column(String(32))
    severity: Mapped[str | None] = mapped_column(String(32))
    outcome: Mapped[str | None] = mapped_column(String(32))

    visit: Mapped[Visit] = relationship(back_populates="adverse_events")


class VisitScore(Base):
    """A visit's computed scores as the export and the cohort view read them: a cache,
    never the truth (the items are). ``stamp`` names what they were computed from (the
    scoring version, the visit's and its baseline's versions, the plan file); a row whose
    stamp differs is not used, and any change to a visit, its items or its enrollment
    deletes the rows of that enrollment (``app.db.score_cache``)."""

    __tablename__ = "visit_score"

    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"),
                                          primary_key=True)
    stamp: Mapped[str] = mapped_column(String(255))
    scores: Mapped[str] = mapped_column(Text)  # JSON, see app.db.score_cache


# ------------------------------------------------------------- drafts, users, audit


class Draft(Base):
    """Autosaved state of an unfinished wizard or form, so a crash loses nothing."""

    __tablename__ = "draft"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))  # screening, enrollment, visit
    key: Mapped[str] = mapped_column(String(128))  # e.g. "patient:12" or "visit:40"
    payload: Mapped[dict[str, Any]]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    updated_by: Mapped[str] = mapped_column(String(USER), default="")


class User(Versioned, Base):
    """A person who can sign in; ``user`` is reserved in PostgreSQL, hence the table name."""

    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_name: Mapped[str] = mapped_column(String(USER), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[datetime | None]


class AuditEntry(Base):
    """Append-only, hash-chained record of every change (see app.db.audit).

    The database refuses UPDATE and DELETE of its rows too (migration 0005: triggers on
    SQLite; revoked privileges and a trigger on PostgreSQL).

    ``id`` is assigned by ``audit.record`` as previous id + 1 rather than by the
    database. Writers extend the chain one at a time (``app.db.write_lock``); should
    anything write without that lock, two racing writers collide on the primary key
    instead of silently forking the chain.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity", "entity", "entity_id"),
        UniqueConstraint("entry_hash"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime] = mapped_column(index=True)
    user_name: Mapped[str] = mapped_column(String(USER))
    action: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(CODE))
    entity_id: Mapped[str | None] = mapped_column(String(CODE))
    field: Mapped[str | None] = mapped_column(String(CODE))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(HASH))
    entry_hash: Mapped[str] = mapped_column(String(HASH))


class DatabaseIdentity(Base):
    """This database's own identity, one row written by migration 0004.

    ``database_id`` is random and travels with every copy (a backup, a restore, the same
    file reached by another path or from another workstation): the audit anchors are
    keyed by it, not by a path. It is also recorded in the audit trail (the first
    ``database_identity`` entry), so changing it here alone is detected.
    ``name_tag_key`` keys the tag that stands in for an unknown user name in the trail.
    """

    __tablename__ = "database_identity"

    id: Mapped[int] = mapped_column(primary_key=True)
    database_id: Mapped[str] = mapped_column(String(36), unique=True)
    name_tag_key: Mapped[str] = mapped_column(String(HASH))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


def _refuse_audit_change(_mapper: Any, _connection: Any, target: AuditEntry) -> None:
    raise PermissionError(f"audit entry {target.id} is append-only and cannot be changed")


# The ORM never rewrites history; raw SQL could, which is what the hash chain detects.
event.listen(AuditEntry, "before_update", _refuse_audit_change)
event.listen(AuditEntry, "before_delete", _refuse_audit_change)


# Every change stored through these models is in the audit trail (app.db.record_states) and
# forgets the visit scores it makes stale (app.db.score_cache): their session hooks are
# registered whenever the models exist, which no write can do without. Imported here, not by
# the package, so that reading the patient list at start needs no model (issue 22).
import app.db.record_states  # noqa: E402, F401, I001
import app.db.score_cache  # noqa: E402, F401
