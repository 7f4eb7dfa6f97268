"""Keep imported webinar attendance in the programme database.

Rule: the caller's transaction (``db.session_scope``) holds one whole import or one
resolution, so a failure leaves nothing half-written. Importing a file a second
time for the same webinar changes nothing (its sha256 is kept); a newer report of
a webinar updates each person's row and replaces the webinar's unresolved
participants. A dry run reads and matches, and writes nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from praxishub import courses
from praxishub.attendance import AttendanceError, Report
from praxishub.attendance_match import (
    Account,
    Participant,
    Span,
    is_present,
    match,
    merge_spans,
    threshold_minutes,
    total_minutes,
)
from praxishub.db import Attendance, AttendanceImport, AttendanceUnmatched, Person, utcnow
from praxishub.errors import Problem
from praxishub.settings import Settings


@dataclass
class ImportResult:
    report: Report
    participants: list[Participant]
    threshold: float
    already_imported_at: datetime | None = None
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


def webinar_of(settings: Settings, course_id: str, webinar_id: str) -> dict[str, Any]:
    """The webinar's entry in the deployed course's course.yaml."""
    course = courses.find(settings, course_id)
    path = course.directory / "course.yaml"
    if not path.exists():
        raise AttendanceError(
            f"Course {course_id} is not deployed.",
            [Problem(str(path), "missing", f"praxishub courses deploy -c {settings.path}")],
        )
    spec = courses.load_course(path)
    for webinar in spec["webinars"]:
        if webinar["id"] == webinar_id:
            return webinar
    raise AttendanceError(
        f"Course {course_id} has no webinar {webinar_id!r}.",
        [
            Problem(
                f"--webinar {webinar_id}",
                f"not in {path}",
                "use one of: " + ", ".join(w["id"] for w in spec["webinars"]),
            )
        ],
    )


def threshold_of(settings: Settings, webinar: dict[str, Any]) -> float:
    """Minutes from which a participant counts as present."""
    share = settings["attendance"]["present_share"]
    return threshold_minutes(webinar["duration_minutes"], share)


def accounts(session: Session) -> list[Account]:
    people = session.scalars(select(Person).where(Person.active.is_(True)))
    return [Account(p.username, p.full_name, p.email) for p in people]


def _spans_json(spans: Sequence[Span]) -> list[list[str]]:
    return [[a.isoformat(), b.isoformat()] for a, b in merge_spans(spans)]


def _spans(data: list[list[str]]) -> list[Span]:
    return [(datetime.fromisoformat(a), datetime.fromisoformat(b)) for a, b in data]


def import_report(
    session: Session,
    course: str,
    webinar: str,
    report: Report,
    threshold: float,
    *,
    dry_run: bool = False,
) -> ImportResult:
    """Match a report's participants to people and (unless ``dry_run``) store them."""
    result = ImportResult(report, match(report.rows, accounts(session)), threshold)
    same = session.scalar(
        select(AttendanceImport).where(
            AttendanceImport.course == course,
            AttendanceImport.webinar == webinar,
            AttendanceImport.sha256 == report.sha256,
        )
    )
    if same is not None:
        result.already_imported_at = same.imported_at
        return result
    other = session.scalar(
        select(AttendanceImport).where(AttendanceImport.sha256 == report.sha256).limit(1)
    )
    if other is not None:
        raise AttendanceError(
            f"{report.source} was imported for another webinar already.",
            [
                Problem(
                    report.source,
                    f"imported for {other.course} --webinar {other.webinar} "
                    f"on {other.imported_at:%Y-%m-%d %H:%M}",
                    "check --course and --webinar: each webinar has a report of its own",
                )
            ],
        )
    if dry_run:
        return result
    record = AttendanceImport(
        course=course,
        webinar=webinar,
        sha256=report.sha256,
        file_name=report.source[-255:],
        source_format=report.format,
        threshold_minutes=threshold,
        imported_at=utcnow(),
    )
    session.add(record)
    session.flush()
    # This report is now the webinar's: who was unresolved in an earlier one is listed anew.
    session.execute(
        delete(AttendanceUnmatched).where(
            AttendanceUnmatched.course == course,
            AttendanceUnmatched.webinar == webinar,
            AttendanceUnmatched.resolved_at.is_(None),
        )
    )
    for participant in result.participants:
        if participant.username is None:
            session.add(_unmatched_row(record, participant))
            continue
        outcome = _upsert(
            session,
            record,
            participant.username,
            participant.spans,
            participant.untimed,
            participant.matched_by,
        )
        getattr(result, outcome).append(participant.username)
    return result


def _unmatched_row(record: AttendanceImport, participant: Participant) -> AttendanceUnmatched:
    return AttendanceUnmatched(
        import_id=record.id,
        course=record.course,
        webinar=record.webinar,
        name=participant.name[:300],
        email=participant.email,
        minutes=participant.minutes,
        reason=participant.matched_by,
        lines=participant.lines,
        spans=_spans_json(participant.spans),
        untimed_minutes=participant.untimed,
    )


def _upsert(
    session: Session,
    record: AttendanceImport,
    username: str,
    spans: Sequence[Span],
    untimed: float,
    matched_by: str,
) -> str:
    minutes = total_minutes(spans, untimed)
    values = {
        "minutes": minutes,
        "present": is_present(minutes, record.threshold_minutes),
        "matched_by": matched_by,
        "source_format": record.source_format,
        "sha256": record.sha256,
        "spans": _spans_json(spans),
        "untimed_minutes": untimed,
    }
    row = session.get(Attendance, (record.course, record.webinar, username))
    if row is None:
        session.add(
            Attendance(
                course=record.course,
                webinar=record.webinar,
                username=username,
                imported_at=record.imported_at,
                **values,
            )
        )
        return "created"
    changed = any(getattr(row, k) != v for k, v in values.items() if k != "sha256")
    for key, value in values.items():
        setattr(row, key, value)
    if changed:
        row.imported_at = record.imported_at
    return "updated" if changed else "unchanged"


def unresolved(session: Session, course: str, webinar: str) -> list[AttendanceUnmatched]:
    """Participants of the webinar's reports that still need a coordinator."""
    return list(
        session.scalars(
            select(AttendanceUnmatched)
            .where(
                AttendanceUnmatched.course == course,
                AttendanceUnmatched.webinar == webinar,
                AttendanceUnmatched.resolved_at.is_(None),
            )
            .order_by(AttendanceUnmatched.id)
        )
    )


def resolve(
    session: Session,
    course: str,
    webinar: str,
    name: str,
    username: str,
    email: str | None = None,
) -> Attendance:
    """Give an unmatched participant's time to ``username`` (merged with any time the
    same report already gave them, so overlapping devices count once)."""
    person = session.get(Person, username)
    if person is None:
        raise AttendanceError(
            f"{username!r} is not in the roster.",
            [Problem("--username", username, "give the username of an imported person")],
        )
    open_rows = unresolved(session, course, webinar)
    chosen = [
        r
        for r in open_rows
        if r.name.strip().casefold() == name.strip().casefold()
        and (email is None or r.email.casefold() == email.strip().casefold())
    ]
    listing = "; ".join(sorted({r.name for r in open_rows})) or "none are left"
    if not chosen:
        raise AttendanceError(
            f"No unresolved participant {name!r} in {course} {webinar}.",
            [Problem("--name", name, f"use a name as listed: {listing}")],
        )
    if len(chosen) > 1:
        emails = ", ".join(r.email or "(none)" for r in chosen)
        raise AttendanceError(
            f"{len(chosen)} unresolved participants are named {name!r}.",
            [Problem("--name", name, f"add --email with one of: {emails}")],
        )
    row = chosen[0]
    record = session.get(AttendanceImport, row.import_id)
    assert record is not None  # a foreign key with ON DELETE CASCADE
    spans, untimed = _spans(row.spans), row.untimed_minutes
    current = session.get(Attendance, (course, webinar, username))
    if current is not None and current.sha256 == record.sha256:
        spans += _spans(current.spans)
        untimed += current.untimed_minutes
    _upsert(session, record, username, spans, untimed, "resolved")
    row.resolved_username = username
    row.resolved_at = utcnow()
    session.flush()
    found = session.get(Attendance, (course, webinar, username))
    assert found is not None
    return found
