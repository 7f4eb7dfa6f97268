"""The programme database: tables, engine and migrations.

Rule: the schema changes only through Alembic migrations in
``praxishub/migrations``; every write goes through a transaction
(``session_scope``), so a failure leaves nothing half-written. SQLite runs in
WAL mode with foreign keys on; PostgreSQL is used by URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    Session,
    mapped_column,
    relationship,
    sessionmaker,
)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Cohort(Base):
    __tablename__ = "cohorts"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str | None] = mapped_column(String(8))


class Person(Base):
    __tablename__ = "people"
    # A page of trainees in username order is read straight off this index (desk.progress_page).
    __table_args__ = (Index("ix_people_role_username", "role", "username"),)

    username: Mapped[str] = mapped_column(String(40), primary_key=True)
    full_name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(254), unique=True)
    role: Mapped[str] = mapped_column(String(20), index=True)
    cohort_id: Mapped[str | None] = mapped_column(ForeignKey("cohorts.id"), index=True)
    supervisor: Mapped[str | None] = mapped_column(ForeignKey("people.username"), index=True)
    password_hash: Mapped[str | None] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    def as_dict(self) -> dict[str, object]:
        return {
            "username": self.username,
            "full_name": self.full_name,
            "email": self.email,
            "role": self.role,
            "cohort": self.cohort_id,
            "supervisor": self.supervisor,
        }


class Score(Base):
    """The autograded result of a trainee's latest submission of an assignment."""

    __tablename__ = "scores"

    course: Mapped[str] = mapped_column(String(40), primary_key=True)
    assignment: Mapped[str] = mapped_column(String(60), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    auto_score: Mapped[float]
    auto_max: Mapped[float]
    max_score: Mapped[float]
    failed_checks: Mapped[list] = mapped_column(JSON)
    submitted_at: Mapped[datetime | None]
    graded_at: Mapped[datetime] = mapped_column(default=utcnow)
    due_at: Mapped[datetime | None]
    policy: Mapped[dict | None] = mapped_column(JSON)
    penalty_percent: Mapped[float] = mapped_column(default=0.0)
    status: Mapped[str] = mapped_column(String(20), default="graded")
    message: Mapped[str | None] = mapped_column(Text)

    def as_dict(self) -> dict[str, object]:
        return {
            "status": self.status,
            "message": self.message,
            "due_at": self.due_at,
            "penalty_percent": self.penalty_percent,
            "auto_score_after_penalty": round(
                self.auto_score * (1 - self.penalty_percent / 100), 2
            ),
            "course": self.course,
            "assignment": self.assignment,
            "auto_score": self.auto_score,
            "auto_max": self.auto_max,
            "max_score": self.max_score,
            "failed_checks": self.failed_checks,
            "submitted_at": self.submitted_at,
            "graded_at": self.graded_at,
        }


class Extension(Base):
    """A later deadline for one trainee's assignment."""

    __tablename__ = "extensions"

    course: Mapped[str] = mapped_column(String(40), primary_key=True)
    assignment: Mapped[str] = mapped_column(String(60), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    until: Mapped[datetime]
    granted_at: Mapped[datetime] = mapped_column(default=utcnow)


class CaseView(Base):
    """One opening of a published case by one person (the who-viewed audit log)."""

    __tablename__ = "case_views"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(80), index=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), index=True)
    viewed_at: Mapped[datetime] = mapped_column(default=utcnow)

    def as_dict(self) -> dict[str, object]:
        return {"case": self.case_id, "username": self.username, "viewed_at": self.viewed_at}


class SubmissionIndex(Base):
    """One submitted assignment as its course's gradebook last reported it.

    The gradebooks stay with their courses (each course's Unix user); the programme
    service keeps this index of them, so that queues and progress across every course
    are one query on indexed columns (praxishub.desk).
    """

    __tablename__ = "submission_index"

    course: Mapped[str] = mapped_column(String(40), primary_key=True)
    assignment: Mapped[str] = mapped_column(String(60), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    submitted_at: Mapped[datetime | None]
    auto_score: Mapped[float] = mapped_column(default=0.0)
    auto_max: Mapped[float] = mapped_column(default=0.0)
    manual_score: Mapped[float] = mapped_column(default=0.0)
    manual_max: Mapped[float] = mapped_column(default=0.0)
    max_score: Mapped[float] = mapped_column(default=0.0)
    needs_manual: Mapped[int] = mapped_column(default=0)  # cells a person must still grade
    synced_at: Mapped[datetime] = mapped_column(default=utcnow)


class TraineeTotals(Base):
    """Each trainee's totals over the submission index, kept up to date by every sync, so
    that the progress of thousands of trainees is one read of one row each."""

    __tablename__ = "trainee_totals"

    username: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    submitted: Mapped[int] = mapped_column(default=0)
    waiting: Mapped[int] = mapped_column(default=0)
    score: Mapped[float] = mapped_column(default=0.0)
    max_score: Mapped[float] = mapped_column(default=0.0)


class ProgrammeTotals(Base):
    """The sums of ``trainee_totals`` over the whole programme, in one row (id 1), moved
    by the same transaction as each change to it, so that the totals on a coordinator's
    progress page cost the same with 400 or 4,000 trainees."""

    __tablename__ = "programme_totals"

    id: Mapped[int] = mapped_column(primary_key=True)
    submitted: Mapped[int] = mapped_column(default=0)
    waiting: Mapped[int] = mapped_column(default=0)
    trainees_waiting: Mapped[int] = mapped_column(default=0)
    score: Mapped[float] = mapped_column(default=0.0)
    max_score: Mapped[float] = mapped_column(default=0.0)


class DeskGrade(Base):
    """What a supervisor saved for one submission: rubric levels, comments, flags.

    ``version`` is the optimistic lock: a save must name the version it started from.
    """

    __tablename__ = "desk_grades"

    course: Mapped[str] = mapped_column(String(40), primary_key=True)
    assignment: Mapped[str] = mapped_column(String(60), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    version: Mapped[int] = mapped_column(default=0)
    grader: Mapped[str | None] = mapped_column(ForeignKey("people.username"))
    rubric: Mapped[dict] = mapped_column(JSON, default=dict)  # cell -> {level, criterion}
    comments: Mapped[dict] = mapped_column(JSON, default=dict)  # cell -> text
    follow_up: Mapped[bool] = mapped_column(default=False)
    saved_at: Mapped[datetime | None]
    feedback_at: Mapped[datetime | None]
    # A save whose points are not yet in the course gradebook: {"points", "comments"}, and
    # the desk state before it (migration 0011; praxishub.desk.pending_saves).
    pending: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))
    pending_before: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))


class CommentBankEntry(Base):
    """A reusable comment of one supervisor."""

    __tablename__ = "comment_bank"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    owner: Mapped[str] = mapped_column(ForeignKey("people.username"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Calibration(Base):
    """Submissions of one assignment a trainer gave to several supervisors to rate
    independently, to see how far their rubric levels agree."""

    __tablename__ = "calibrations"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    title: Mapped[str] = mapped_column(String(200))
    course: Mapped[str] = mapped_column(String(40))
    assignment: Mapped[str] = mapped_column(String(60))
    created_by: Mapped[str] = mapped_column(ForeignKey("people.username"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class CalibrationItem(Base):
    """One trainee's submission in a calibration (raters never see whose it is)."""

    __tablename__ = "calibration_items"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    calibration_id: Mapped[int] = mapped_column(ForeignKey("calibrations.id"), index=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"))


class CalibrationRater(Base):
    __tablename__ = "calibration_raters"

    calibration_id: Mapped[int] = mapped_column(ForeignKey("calibrations.id"), primary_key=True)
    rater: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)


class CalibrationRating(Base):
    """One rater's rubric levels for one calibration item (never written to a gradebook)."""

    __tablename__ = "calibration_ratings"

    item_id: Mapped[int] = mapped_column(ForeignKey("calibration_items.id"), primary_key=True)
    rater: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    levels: Mapped[dict] = mapped_column(JSON)  # cell key -> level
    rated_at: Mapped[datetime] = mapped_column(default=utcnow)


def default_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'praxis' / 'programme.sqlite'}"


def make_engine(url: str) -> Engine:
    """An engine with the pragmas that make SQLite safe for concurrent writers."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def migrate(engine: Engine) -> None:
    """Bring the database to the newest schema (idempotent)."""
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("praxishub").joinpath("migrations")))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed on success, rolled back on any error."""
    factory = sessionmaker(engine, expire_on_commit=False)
    with factory() as session, session.begin():
        yield session


# --- Supervision log (praxishub.supervision; migration 0007) ---


class SupervisionSession(Base):
    """One supervision session a supervisor held with one or more of their supervisees."""

    __tablename__ = "supervision_sessions"
    __table_args__ = (
        CheckConstraint("minutes BETWEEN 1 AND 600", name="ck_supervision_minutes"),
        CheckConstraint("kind IN ('individual', 'group')", name="ck_supervision_kind"),
        CheckConstraint("kind = 'group' OR group_notes = ''", name="ck_supervision_group_notes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    supervisor: Mapped[str] = mapped_column(ForeignKey("people.username"), index=True)
    held_on: Mapped[date] = mapped_column(index=True)
    minutes: Mapped[int]
    kind: Mapped[str] = mapped_column(String(12))
    # Read by every participant of a group session; what is about one trainee is their note.
    group_notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    participants: Mapped[list[SupervisionParticipant]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="SupervisionParticipant.trainee"
    )
    cases: Mapped[list[SupervisionCase]] = relationship(
        cascade="all, delete-orphan", lazy="selectin"
    )


class SupervisionParticipant(Base):
    """A trainee in a supervision session; ``confirmed_at`` is set when they confirm it.

    ``note`` is private to the session's supervisor and this trainee.
    """

    __tablename__ = "supervision_participants"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    trainee: Mapped[str] = mapped_column(
        ForeignKey("people.username"), primary_key=True, index=True
    )
    confirmed_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")


class SupervisionCase(Base):
    """A case analysis (a course's assignment) discussed in a supervision session."""

    __tablename__ = "supervision_cases"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("supervision_sessions.id", ondelete="CASCADE"), primary_key=True
    )
    course: Mapped[str] = mapped_column(String(40), primary_key=True)
    assignment: Mapped[str] = mapped_column(String(60), primary_key=True)


class SupervisionSignoff(Base):
    """A supervisor's signed monthly totals; the month's sessions are frozen from then on."""

    __tablename__ = "supervision_signoffs"

    supervisor: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    month: Mapped[str] = mapped_column(String(7), primary_key=True)  # YYYY-MM
    total_minutes: Mapped[int]
    trainees: Mapped[dict] = mapped_column(JSON)  # trainee -> their totals at signing
    signed_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- Webinar attendance (praxishub.attendance_store; migration 0008) ---


class AttendanceImport(Base):
    """One attendance report imported for one webinar; its sha256 makes re-imports no-ops."""

    __tablename__ = "attendance_imports"
    __table_args__ = (UniqueConstraint("course", "webinar", "sha256", name="uq_attendance_import"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    course: Mapped[str] = mapped_column(String(40), index=True)
    webinar: Mapped[str] = mapped_column(String(60))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    file_name: Mapped[str] = mapped_column(String(255))
    source_format: Mapped[str] = mapped_column(String(20))
    threshold_minutes: Mapped[float]  # present from this many minutes (share of the duration)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class Attendance(Base):
    """A person's time in one webinar, from the latest report imported for it."""

    __tablename__ = "attendance"

    course: Mapped[str] = mapped_column(String(40), primary_key=True)
    webinar: Mapped[str] = mapped_column(String(60), primary_key=True)
    username: Mapped[str] = mapped_column(
        ForeignKey("people.username"), primary_key=True, index=True
    )
    minutes: Mapped[int]
    present: Mapped[bool]
    matched_by: Mapped[str] = mapped_column(String(40))  # email, name, ... or resolved
    source_format: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64))
    # Join-leave intervals [[iso, iso], ...] and minutes without times, so that time
    # resolved later from another row of the same report is merged, not added twice.
    spans: Mapped[list] = mapped_column(JSON, default=list)
    untimed_minutes: Mapped[float] = mapped_column(default=0.0)
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class AttendanceUnmatched(Base):
    """A participant of an imported report who matched no account (or more than one),
    kept until a coordinator resolves them to a person."""

    __tablename__ = "attendance_unmatched"
    __table_args__ = (Index("ix_attendance_unmatched_open", "course", "webinar", "resolved_at"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    import_id: Mapped[int] = mapped_column(
        ForeignKey("attendance_imports.id", ondelete="CASCADE"), index=True
    )
    course: Mapped[str] = mapped_column(String(40))
    webinar: Mapped[str] = mapped_column(String(60))
    name: Mapped[str] = mapped_column(String(300))
    email: Mapped[str] = mapped_column(String(254), default="")
    minutes: Mapped[int]
    reason: Mapped[str] = mapped_column(Text)
    lines: Mapped[list] = mapped_column(JSON, default=list)
    spans: Mapped[list] = mapped_column(JSON, default=list)
    untimed_minutes: Mapped[float] = mapped_column(default=0.0)
    resolved_username: Mapped[str | None] = mapped_column(ForeignKey("people.username"))
    resolved_at: Mapped[datetime | None]


# --- CPD certificates (praxishub.certificate_store; migration 0009) ---


class Certificate(Base):
    """A CPD certificate as issued: everything printed on it, so that it can be drawn
    again and verified without the course files. Revoked, it stays (verifiers see so)."""

    __tablename__ = "certificates"
    __table_args__ = (Index("ix_certificates_holder", "username", "course", "lang"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)  # sha256 of the code
    code: Mapped[str] = mapped_column(String(16))  # normalised, without dashes
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), index=True)
    course: Mapped[str] = mapped_column(String(40), index=True)
    lang: Mapped[str] = mapped_column(String(8))
    full_name: Mapped[str] = mapped_column(String(200))
    programme: Mapped[str] = mapped_column(String(300))
    course_title: Mapped[str] = mapped_column(String(300))
    webinars: Mapped[list] = mapped_column(JSON)  # [{id, title, date}] attended, as printed
    hours: Mapped[float]
    verify_url: Mapped[str] = mapped_column(String(500))
    fingerprint: Mapped[str] = mapped_column(String(64))  # of what is printed: re-issue is a no-op
    issued_at: Mapped[datetime] = mapped_column(default=utcnow, index=True)
    revoked_at: Mapped[datetime | None]
    revoked_reason: Mapped[str] = mapped_column(Text, default="")
    superseded_by: Mapped[str | None] = mapped_column(String(16))


class CourseCatalogueEntry(Base):
    """A course's course.yaml and case assignments as last read by a command run as root,
    for the programme service, which may not read the course directories themselves."""

    __tablename__ = "course_catalogue"

    course: Mapped[str] = mapped_column(String(40), primary_key=True)
    spec: Mapped[dict] = mapped_column(JSON)
    assignments: Mapped[list] = mapped_column(JSON)  # case assignment ids
    synced_at: Mapped[datetime] = mapped_column(default=utcnow)


# --- the exchange without a shared filesystem (praxishub.exchange_store; migration 0012) ---


class ExchangeItem(Base):
    """One item of a course's nbgrader exchange, kept in the programme database so that
    no filesystem is shared: a released assignment (outbound, a zip), a trainee's
    submission (inbound, a zip; its owner is the trainee who sent it) or a feedback file
    (its owner is the only one who may read it)."""

    __tablename__ = "exchange_items"
    __table_args__ = (
        UniqueConstraint("course", "area", "name", name="uq_exchange_item"),
        CheckConstraint("area IN ('outbound', 'inbound', 'feedback')", name="ck_exchange_area"),
        Index("ix_exchange_owner", "course", "area", "owner"),
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    course: Mapped[str] = mapped_column(String(40))
    area: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    assignment: Mapped[str] = mapped_column(String(200))
    owner: Mapped[str | None] = mapped_column(String(40))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
