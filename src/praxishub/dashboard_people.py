"""The supervisor's and the trainee's dashboards: their own people, their own work.

Rule: a view is of one person and reads only their rows: a supervisor's view holds
their current supervisees (``people.supervisor``) and their own sessions, a trainee's
view their own attendance, submissions, feedback, supervision and certificates. Every
count is made by the database on indexed columns (username, supervisor), so a view
costs the same however large the programme is. The programme overview and the shared
definitions (held, due) are ``praxishub.dashboard_scope``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from praxishub import certificates as core
from praxishub import desk
from praxishub.dashboard_scope import Catalogue, aware, catalogue
from praxishub.db import (
    Attendance,
    Certificate,
    DeskGrade,
    Person,
    SubmissionIndex,
    SupervisionParticipant,
    SupervisionSession,
)

NEXT_WEBINARS = 3


def _naive_utc(moment: datetime) -> datetime:
    """As the database stores times (naive UTC)."""
    return aware(moment).astimezone(UTC).replace(tzinfo=None)


def _days(since: datetime | None, now: datetime) -> float | None:
    return None if since is None else round((now - since).total_seconds() / 86400, 1)


def _month_start(now: datetime) -> date:
    return now.date().replace(day=1)


def supervisor_view(
    session: Session, supervisor: str, now: datetime | None = None
) -> dict[str, Any]:
    """A supervisor's supervisees: progress, what waits for grading and how long, and
    supervision hours (this month and in all)."""
    now = _naive_utc(now or datetime.now(UTC))
    month = _month_start(now)
    names = list(
        session.scalars(
            select(Person.username)
            .where(
                Person.supervisor == supervisor,
                Person.role == "trainee",
                Person.active.is_(True),
            )
            .order_by(Person.username)
        )
    )
    si = SubmissionIndex
    waiting = {
        u: (int(n), oldest)
        for u, n, oldest in session.execute(
            select(si.username, func.count(), func.min(si.submitted_at))
            .where(si.username.in_(names), si.needs_manual > 0)
            .group_by(si.username)
        )
    }
    sp, ss = SupervisionParticipant, SupervisionSession
    this_month = dict(
        session.execute(
            select(sp.trainee, func.sum(ss.minutes))
            .join(ss, ss.id == sp.session_id)
            .where(sp.trainee.in_(names), ss.held_on >= month)
            .group_by(sp.trainee)
        ).all()
    )
    present = dict(
        session.execute(
            select(Attendance.username, func.count())
            .where(Attendance.username.in_(names), Attendance.present.is_(True))
            .group_by(Attendance.username)
        ).all()
    )
    rows = []
    for row in desk.progress(session, names):
        _, oldest = waiting.get(row["trainee"], (0, None))
        rows.append(
            {
                **row,
                "webinars_present": int(present.get(row["trainee"], 0)),
                "oldest_waiting_days": _days(oldest, now),
                "supervision_hours": round(row["supervision_minutes"] / 60, 2),
                "supervision_hours_month": round(
                    float(this_month.get(row["trainee"]) or 0) / 60, 2
                ),
            }
        )
    oldest_all = min((o for _, o in waiting.values() if o is not None), default=None)
    own = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(ss.minutes), 0),
            func.coalesce(func.sum(case((ss.held_on >= month, ss.minutes), else_=0)), 0),
            func.coalesce(func.sum(case((ss.held_on >= month, 1), else_=0)), 0),
        ).where(ss.supervisor == supervisor)
    ).one()
    return {
        "supervisor": supervisor,
        "now": now.isoformat(timespec="seconds"),
        "month": f"{month:%Y-%m}",
        "supervisees": rows,
        "queue": {
            "waiting": sum(n for n, _ in waiting.values()),
            "oldest_days": _days(oldest_all, now),
            "trainees_waiting": len(waiting),
        },
        "sessions": {
            "total": int(own[0]),
            "hours": round(int(own[1]) / 60, 2),
            "month": int(own[3]),
            "hours_month": round(int(own[2]) / 60, 2),
        },
    }


def trainee_view(
    session: Session,
    username: str,
    rules: core.Rules | None = None,
    now: datetime | None = None,
    takes: Any = None,
) -> dict[str, Any]:
    """A trainee's own attendance, scores, feedback, supervised and CPD hours, standing
    per course and what comes next; of the courses ``takes(course id)`` says they take
    (a course kept to other cohorts is not theirs), or of every course."""
    rules = rules or core.Rules()
    now = aware(now or datetime.now(UTC))
    everything = catalogue(session)  # titles for any score they have
    known = everything.only(takes) if takes is not None else everything
    a = Attendance
    mine = {
        (c, w): (int(m), bool(p))
        for c, w, m, p in session.execute(
            select(a.course, a.webinar, a.minutes, a.present).where(a.username == username)
        )
    }
    attendance, cpd = [], 0.0
    for course in known.courses.values():
        for webinar in course.webinars:
            if aware(webinar.starts) > now:
                continue
            minutes, present = mine.get((course.id, webinar.id), (0, False))
            cpd += webinar.cpd_hours if present else 0.0
            attendance.append(
                {
                    "course": course.id,
                    "webinar": webinar.id,
                    "title": dict(webinar.title),
                    "date": webinar.starts.date().isoformat(),
                    "minutes": minutes,
                    "present": present,
                    "cpd_hours": webinar.cpd_hours if present else 0.0,
                }
            )
    scores = _scores(session, username, everything, rules)
    minutes, confirmed = desk.supervision_minutes(session, [username]).get(username, (0, 0))
    return {
        "trainee": username,
        "now": now.isoformat(timespec="seconds"),
        "pass_share": rules.pass_share,
        "attendance": attendance,
        "scores": scores,
        "feedback": {
            "returned": sum(1 for s in scores if s["feedback_returned"]),
            "not_returned": sum(1 for s in scores if not s["feedback_returned"]),
        },
        "supervision": {
            "hours": round(minutes / 60, 2),
            "confirmed_hours": round(confirmed / 60, 2),
        },
        "cpd_hours": round(cpd, 2),
        "courses": _standing(session, username, known, attendance, scores, rules),
        "next": _next(known, scores, now),
    }


def _scores(
    session: Session, username: str, known: Catalogue, rules: core.Rules
) -> list[dict[str, Any]]:
    si, dg = SubmissionIndex, DeskGrade
    query = (
        select(si, dg.feedback_at)
        .outerjoin(
            dg,
            and_(
                dg.course == si.course,
                dg.assignment == si.assignment,
                dg.username == si.username,
            ),
        )
        .where(si.username == username)
        .order_by(si.course, si.submitted_at, si.assignment)
    )
    out = []
    for row, feedback_at in session.execute(query):
        score = row.auto_score + row.manual_score
        status = core.assignment_status(
            core.Submission(row.assignment, score, row.max_score, row.needs_manual),
            rules.pass_share,
        )
        webinar = known.webinar(row.course, row.assignment)
        out.append(
            {
                "course": row.course,
                "assignment": row.assignment,
                "title": dict(webinar.title) if webinar else {},
                "submitted_at": row.submitted_at.isoformat() if row.submitted_at else None,
                "score": round(score, 4),
                "max_score": round(row.max_score, 2),
                "share": round(score / row.max_score, 4) if row.max_score else None,
                "status": status,
                "waiting": row.needs_manual,
                "feedback_returned": feedback_at is not None,
                "feedback_at": feedback_at.isoformat() if feedback_at else None,
            }
        )
    return out


def _standing(
    session: Session,
    username: str,
    known: Catalogue,
    attendance: list[dict[str, Any]],
    scores: list[dict[str, Any]],
    rules: core.Rules,
) -> list[dict[str, Any]]:
    """Per course: webinars present out of those needed, assignments passed, certificate."""
    certified = set(
        session.scalars(
            select(Certificate.course).where(
                Certificate.username == username, Certificate.revoked_at.is_(None)
            )
        )
    )
    out = []
    for course in known.courses.values():
        present = {r["webinar"] for r in attendance if r["course"] == course.id and r["present"]}
        subs = [
            core.Submission(s["assignment"], s["score"], s["max_score"], s["waiting"])
            for s in scores
            if s["course"] == course.id
        ]
        result = core.evaluate(course, username, present, subs, rules)
        out.append(
            {
                "course": course.id,
                "title": dict(course.title),
                "webinars": result.webinars,
                "present": len(result.attended),
                "required": result.required,
                "assignments": len(result.assignments),
                "passed": sum(1 for s in result.assignments.values() if s == core.PASSED),
                "eligible": result.eligible,
                "certificate": course.id in certified,
                "hours": result.hours,
            }
        )
    return out


def _next(known: Catalogue, scores: list[dict[str, Any]], now: datetime) -> dict[str, Any]:
    """The next webinars by date, and the assignments of held webinars not yet submitted
    (the soonest deadline first), then the case analyses not yet submitted."""
    upcoming = sorted(
        (aware(w.starts), c.id, w) for c in known.courses.values() for w in c.webinars
    )
    webinars = [
        {
            "course": course,
            "webinar": w.id,
            "title": dict(w.title),
            "starts": starts.isoformat(),
            "cpd_hours": w.cpd_hours,
        }
        for starts, course, w in upcoming
        if starts > now
    ][:NEXT_WEBINARS]
    done = {(s["course"], s["assignment"]) for s in scores}
    todo = []
    for course in known.courses.values():
        for w in course.webinars:
            if aware(w.starts) <= now and (course.id, w.id) not in done:
                deadline = known.deadlines[course.id, w.id]
                todo.append(
                    {
                        "course": course.id,
                        "assignment": w.id,
                        "title": dict(w.title),
                        "deadline": deadline.isoformat(),
                        "overdue": deadline < now,
                    }
                )
        for case_id in course.case_assignments:
            if (course.id, case_id) not in done:
                todo.append(
                    {
                        "course": course.id,
                        "assignment": case_id,
                        "title": {},
                        "deadline": None,
                        "overdue": False,
                    }
                )
    todo.sort(
        key=lambda t: (
            t["deadline"] is None,
            datetime.fromisoformat(t["deadline"]) if t["deadline"] else now,
            t["course"],
            t["assignment"],
        )
    )
    return {"webinars": webinars, "assignments": todo}
