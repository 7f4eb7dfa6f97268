"""Certificates in the programme database: eligibility from attendance and the submission
index, issuing (idempotent), revoking, verifying, and the course catalogue.

Rule: one valid certificate per trainee, course and language. Issuing again while what
is printed is unchanged returns the same certificate and code; when it changed (more
webinars attended, a corrected name), the old one is revoked as superseded and a new
code is issued. A code is found through its sha256 and compared in constant time; a
revoked certificate is never deleted, so a verifier learns that it was revoked.
"""

from __future__ import annotations

import hmac
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from praxishub import certificates as core
from praxishub.db import (
    Attendance,
    Certificate,
    CourseCatalogueEntry,
    Person,
    SubmissionIndex,
    utcnow,
)
from praxishub.errors import PraxisError, Problem

UNCHANGED, ISSUED, REISSUED = "unchanged", "issued", "reissued"


class CertificateError(PraxisError):
    """A certificate cannot be issued or revoked as asked."""


# --- the course catalogue (what the service knows of course.yaml) ---


def store_course(
    session: Session, spec: dict[str, Any], case_assignments: list[str], now: datetime | None = None
) -> None:
    row = session.get(CourseCatalogueEntry, spec["id"])
    if row is None:
        row = CourseCatalogueEntry(course=spec["id"], spec={}, assignments=[])
        session.add(row)
    row.spec = spec
    row.assignments = list(case_assignments)
    row.synced_at = now or utcnow()


def catalogue(session: Session) -> dict[str, core.Course]:
    return {
        row.course: core.course_from_spec(row.spec, row.assignments)
        for row in session.scalars(
            select(CourseCatalogueEntry).order_by(CourseCatalogueEntry.course)
        )
    }


# --- eligibility ---


def present_at(session: Session, course: str) -> dict[str, set[str]]:
    """username -> the webinars of ``course`` they were present at."""
    out: dict[str, set[str]] = defaultdict(set)
    query = select(Attendance.username, Attendance.webinar).where(
        Attendance.course == course, Attendance.present.is_(True)
    )
    for username, webinar in session.execute(query):
        out[username].add(webinar)
    return out


def submissions_in(session: Session, course: str) -> dict[str, list[core.Submission]]:
    """username -> their submissions of ``course`` as the index holds them."""
    out: dict[str, list[core.Submission]] = defaultdict(list)
    for row in session.scalars(select(SubmissionIndex).where(SubmissionIndex.course == course)):
        out[row.username].append(
            core.Submission(
                row.assignment,
                row.auto_score + row.manual_score,
                row.max_score,
                row.needs_manual,
            )
        )
    return out


def trainees(session: Session, usernames: list[str] | None = None) -> list[Person]:
    query = select(Person).where(Person.role == "trainee", Person.active.is_(True))
    if usernames is not None:
        query = query.where(Person.username.in_(usernames))
    return list(session.scalars(query.order_by(Person.username)))


def eligibility(
    session: Session, course: core.Course, rules: core.Rules, usernames: list[str] | None = None
) -> list[core.Eligibility]:
    """Each active trainee's (or those named) standing in ``course``."""
    present = present_at(session, course.id)
    subs = submissions_in(session, course.id)
    return [
        core.evaluate(course, p.username, present.get(p.username, set()), subs[p.username], rules)
        for p in trainees(session, usernames)
    ]


# --- issuing and revoking ---


def valid_of(session: Session, username: str, course: str, lang: str) -> Certificate | None:
    query = select(Certificate).where(
        Certificate.username == username,
        Certificate.course == course,
        Certificate.lang == lang,
        Certificate.revoked_at.is_(None),
    )
    return session.scalars(query.order_by(Certificate.issued_at.desc())).first()


def _unused_code(session: Session) -> str:
    while True:  # a collision of 80-bit codes is astronomically rare; still, never reuse one
        code = core.new_code()
        if (
            session.scalars(
                select(Certificate.id).where(Certificate.code_hash == core.code_hash(code))
            ).first()
            is None
        ):
            return code


@dataclass(frozen=True)
class Issued:
    certificate: Certificate
    status: str  # unchanged, issued or reissued
    replaced: str | None = None  # the code this one supersedes


def issue(
    session: Session,
    username: str,
    course: str,
    printed: core.Printed,
    now: datetime | None = None,
) -> Issued:
    """Store the certificate ``printed`` describes, or return the one that already says so."""
    now = now or utcnow()
    fingerprint = printed.fingerprint()
    current = valid_of(session, username, course, printed.lang)
    if current is not None and current.fingerprint == fingerprint:
        return Issued(current, UNCHANGED)
    code = _unused_code(session)
    row = Certificate(
        code_hash=core.code_hash(code),
        code=code,
        username=username,
        course=course,
        lang=printed.lang,
        full_name=printed.full_name,
        programme=printed.programme,
        course_title=printed.course_title,
        webinars=[{"id": w, "title": t, "date": d} for w, t, d in printed.webinars],
        hours=printed.hours,
        verify_url=core.verify_url(printed.verify_base, code),
        fingerprint=fingerprint,
        issued_at=now,
        revoked_reason="",
    )
    session.add(row)
    if current is None:
        session.flush()
        return Issued(row, ISSUED)
    current.revoked_at = now
    current.revoked_reason = "superseded"
    current.superseded_by = code
    session.flush()
    return Issued(row, REISSUED, current.code)


def issue_course(
    session: Session,
    course: core.Course,
    rules: core.Rules,
    programme: str,
    lang: str,
    base: str,
    usernames: list[str] | None = None,
) -> tuple[list[Issued], list[core.Eligibility]]:
    """Issue ``course``'s certificate to every active trainee (or those named) who earned
    it; what was issued and everyone's standing. The CLI and the service both call it."""
    names = {p.username: p.full_name for p in trainees(session, usernames)}
    results = eligibility(session, course, rules, usernames)
    issued = [
        issue(
            session,
            r.username,
            course.id,
            core.printed(course, r, names[r.username], programme, lang, base),
        )
        for r in results
        if r.eligible
    ]
    return issued, results


def find(session: Session, text: str) -> Certificate | None:
    """The certificate with the code a person typed, or None; compared in constant time."""
    code = core.normalise_code(text)
    if code is None:
        return None
    row = session.scalars(
        select(Certificate).where(Certificate.code_hash == core.code_hash(code))
    ).first()
    if row is None or not hmac.compare_digest(row.code.encode(), code.encode()):
        return None
    return row


def revoke(session: Session, text: str, reason: str, now: datetime | None = None) -> Certificate:
    row = find(session, text)
    if row is None:
        raise CertificateError(
            f"No certificate has the code {text!r}.",
            [Problem("CODE", text, "copy the code as printed, e.g. ABCD-EFGH-JKMN-PQRS")],
        )
    if row.revoked_at is None:
        row.revoked_at = now or utcnow()
        row.revoked_reason = reason or "revoked"
    return row


def of_trainee(session: Session, username: str) -> list[Certificate]:
    query = select(Certificate).where(Certificate.username == username)
    return list(session.scalars(query.order_by(Certificate.issued_at, Certificate.id)))


def issued_between(session: Session, start: datetime, end: datetime) -> list[Certificate]:
    query = select(Certificate).where(Certificate.issued_at >= start, Certificate.issued_at < end)
    return list(session.scalars(query.order_by(Certificate.issued_at, Certificate.id)))


# --- what people see ---


def status_of(row: Certificate) -> str:
    if row.revoked_at is None:
        return "valid"
    return "superseded" if row.superseded_by else "revoked"


def public_view(row: Certificate) -> dict[str, Any]:
    """What a verifier holding the code may learn, and nothing else (no username,
    no e-mail, no scores, no code of a newer certificate)."""
    return {
        "code": core.format_code(row.code),
        "valid": row.revoked_at is None,
        "status": status_of(row),
        "name": row.full_name,
        "programme": row.programme,
        "course": row.course_title,
        "hours": row.hours,
        "issued": row.issued_at.date().isoformat(),
        "revoked": row.revoked_at.date().isoformat() if row.revoked_at else None,
    }


def owner_view(row: Certificate) -> dict[str, Any]:
    return {
        **public_view(row),
        "course_id": row.course,
        "lang": row.lang,
        "webinars": row.webinars,
        "verify_url": row.verify_url,
        "pdf": f"{core.format_code(row.code)}.pdf",
    }
