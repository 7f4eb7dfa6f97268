"""Live check-in: a trainer shows a short code during a webinar, trainees enter it.

Rule: a trainer of the course opens a window (a code valid for a few minutes); a trainee
of the roster who enters an open window's code is checked in, once per window. Their
attendance for the webinar (the same ``attendance`` rows as imported reports, source
``checkin``) is the share of the webinar's windows they checked into, in minutes of its
duration, present from the programme's threshold; a later platform report for the same
webinar replaces a person's row, as one report replaces another. Codes come from
``secrets``, skip look-alike characters and are refused after a few wrong tries.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ForeignKey, String, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from praxishub.attendance_match import is_present
from praxishub.db import Attendance, Base, Person, utcnow
from praxishub.errors import PraxisError, Problem

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_LENGTH = 6
MAX_WINDOW_MINUTES = 60
WRONG_TRIES = 5  # per person per hour
SOURCE = "checkin"


class CheckinWindow(Base):
    """A code a trainer showed for one webinar, valid from opens_at to closes_at."""

    __tablename__ = "checkin_windows"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    course: Mapped[str] = mapped_column(String(40), index=True)
    webinar: Mapped[str] = mapped_column(String(60))
    code: Mapped[str] = mapped_column(String(12), index=True)
    opened_by: Mapped[str] = mapped_column(ForeignKey("people.username"))
    opens_at: Mapped[datetime] = mapped_column(default=utcnow)
    closes_at: Mapped[datetime]


class Checkin(Base):
    __tablename__ = "checkins"

    window_id: Mapped[int] = mapped_column(ForeignKey("checkin_windows.id"), primary_key=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), primary_key=True)
    checked_at: Mapped[datetime] = mapped_column(default=utcnow)


class CheckinAttempt(Base):
    """A wrong code entered (counted to stop guessing)."""

    __tablename__ = "checkin_attempts"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    username: Mapped[str] = mapped_column(ForeignKey("people.username"), index=True)
    tried_at: Mapped[datetime] = mapped_column(default=utcnow)


class CheckinError(PraxisError):
    """A check-in that cannot be made (the message says what to do)."""


class WrongCode(CheckinError):
    """No window is open with this code (counted: see ``wrong_try``)."""


def wrong_try(session: Session, username: str, now: datetime | None = None) -> None:
    """Count a wrong code (in its own transaction: the refused check-in rolls back)."""
    session.add(CheckinAttempt(username=username, tried_at=now or utcnow()))


def new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def open_window(
    session: Session,
    trainer: str,
    teaches: list[str],
    course: str,
    webinar: str,
    webinar_ids: list[str],
    minutes: int = 10,
    now: datetime | None = None,
) -> dict[str, Any]:
    """A new window with a fresh code; only a trainer of the course may open one."""
    problems = []
    if course not in teaches:
        problems.append(Problem("course", course, "open check-in for a course you teach"))
    elif webinar not in webinar_ids:
        problems.append(Problem("webinar", webinar, "use one of: " + ", ".join(webinar_ids)))
    if not 1 <= minutes <= MAX_WINDOW_MINUTES:
        problems.append(Problem("minutes", str(minutes), f"give 1-{MAX_WINDOW_MINUTES} minutes"))
    if problems:
        raise CheckinError("Check-in was not opened.", problems)
    now = now or utcnow()
    open_codes = set(
        session.scalars(select(CheckinWindow.code).where(CheckinWindow.closes_at > now))
    )
    code = new_code()
    while code in open_codes:
        code = new_code()
    window = CheckinWindow(
        course=course,
        webinar=webinar,
        code=code,
        opened_by=trainer,
        opens_at=now,
        closes_at=now + timedelta(minutes=minutes),
    )
    session.add(window)
    session.flush()
    return window_dict(session, window)


def window_dict(session: Session, window: CheckinWindow) -> dict[str, Any]:
    count = session.scalar(
        select(func.count()).select_from(Checkin).where(Checkin.window_id == window.id)
    )
    return {
        "id": window.id,
        "course": window.course,
        "webinar": window.webinar,
        "code": window.code,
        "opens_at": window.opens_at.isoformat(),
        "closes_at": window.closes_at.isoformat(),
        "checked_in": count,
    }


def windows(session: Session, teaches: list[str], course: str, webinar: str) -> list[dict]:
    """The windows of a webinar, for a trainer of its course."""
    if course not in teaches:
        return []
    rows = session.scalars(
        select(CheckinWindow)
        .where(CheckinWindow.course == course, CheckinWindow.webinar == webinar)
        .order_by(CheckinWindow.id)
    )
    return [window_dict(session, w) for w in rows]


def check_in(
    session: Session,
    username: str,
    code: str,
    duration_minutes: Any,
    threshold_minutes: Any,
    now: datetime | None = None,
    course_is_theirs: Any = None,
) -> dict[str, Any]:
    """Check a trainee in with a code; their attendance row is recomputed.

    ``duration_minutes`` and ``threshold_minutes`` are callables (course, webinar) ->
    minutes, so that the caller reads course files only for the webinar the code is for.
    ``course_is_theirs`` (course -> bool), when given, refuses a webinar of a course that
    is not for the trainee's cohort.
    """
    now = now or utcnow()
    person = session.get(Person, username)
    if person is None or person.role != "trainee":
        raise CheckinError(
            "Only trainees check in.", [Problem("username", username, "log in as a trainee")]
        )
    recent = session.scalar(
        select(func.count())
        .select_from(CheckinAttempt)
        .where(
            CheckinAttempt.username == username,
            CheckinAttempt.tried_at > now - timedelta(hours=1),
        )
    )
    if recent >= WRONG_TRIES:
        raise CheckinError(
            "Too many wrong codes.",
            [Problem("code", "", "wait an hour, or ask your trainer to check you in")],
        )
    cleaned = "".join(ch for ch in code.upper() if ch.isalnum())
    window = session.scalar(
        select(CheckinWindow).where(
            CheckinWindow.code == cleaned,
            CheckinWindow.opens_at <= now,
            CheckinWindow.closes_at > now,
        )
    )
    if window is None:
        raise WrongCode(
            "This code is not open now.",
            [Problem("code", code, "type the code the trainer shows, while it is shown")],
        )
    if course_is_theirs is not None and not course_is_theirs(window.course):
        raise CheckinError(
            "This webinar's course is not for your cohort.",
            [
                Problem(
                    "code",
                    code,
                    "check in to the webinars of your cohort's courses; if you should "
                    "take this course, ask your coordinator",
                )
            ],
        )
    if session.get(Checkin, (window.id, username)) is None:
        session.add(Checkin(window_id=window.id, username=username, checked_at=now))
        session.flush()
    row = record(
        session,
        window.course,
        window.webinar,
        username,
        duration_minutes(window.course, window.webinar),
        threshold_minutes(window.course, window.webinar),
    )
    return {"course": window.course, "webinar": window.webinar, **row}


def record(
    session: Session,
    course: str,
    webinar: str,
    username: str,
    duration: float,
    threshold: float,
) -> dict[str, Any]:
    """A trainee's attendance from check-ins: the share of the webinar's windows they
    checked into, in minutes of its duration."""
    ids = list(
        session.scalars(
            select(CheckinWindow.id).where(
                CheckinWindow.course == course, CheckinWindow.webinar == webinar
            )
        )
    )
    done = session.scalar(
        select(func.count())
        .select_from(Checkin)
        .where(Checkin.window_id.in_(ids), Checkin.username == username)
    )
    minutes = round(duration * done / len(ids)) if ids else 0
    present = is_present(minutes, threshold)
    row = session.get(Attendance, (course, webinar, username))
    if row is None:
        row = Attendance(
            course=course,
            webinar=webinar,
            username=username,
            matched_by=SOURCE,
            source_format=SOURCE,
            sha256="",
            spans=[],
            untimed_minutes=0.0,
            minutes=minutes,
            present=present,
        )
        session.add(row)
    elif row.source_format == SOURCE:
        row.minutes, row.present = minutes, present
    # a platform report already imported for this webinar is the better record: kept
    return {
        "windows": len(ids),
        "checked_in": done,
        "minutes": row.minutes,
        "present": row.present,
    }
