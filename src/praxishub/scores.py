"""Autograded scores and late penalties in the programme database.

Rule: a score is written only for a person in the roster, one row per
(course, assignment, trainee), replaced by newer grading; its late penalty is
recomputed whenever the grading or the trainee's extension changes; a
trainee reads only their own rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from praxishub.db import Extension, Person, Score, utcnow
from praxishub.deadlines import Policy, as_utc, effective_due, penalty_percent

FIELDS = ("auto_score", "auto_max", "max_score", "failed_checks")
STATUSES = ("graded", "invalid", "not_graded")


class ScoreError(ValueError):
    """A score that cannot be stored (the message says why)."""


def _naive_utc(text: str) -> datetime:
    return as_utc(datetime.fromisoformat(text)).replace(tzinfo=None)


def record(session: Session, course: str, result: dict[str, Any]) -> Score:
    username = str(result.get("username", ""))
    if session.get(Person, username) is None:
        raise ScoreError(f"{username!r} is not in the roster")
    missing = [f for f in ("assignment", *FIELDS) if f not in result]
    if missing:
        raise ScoreError(f"missing field(s): {', '.join(missing)}")
    key = (course, str(result["assignment"]), username)
    score = session.get(Score, key) or Score(course=key[0], assignment=key[1], username=key[2])
    score.auto_score = float(result["auto_score"])
    score.auto_max = float(result["auto_max"])
    score.max_score = float(result["max_score"])
    score.failed_checks = [str(c) for c in result["failed_checks"]]
    score.submitted_at = _naive_utc(result["submitted_at"]) if result.get("submitted_at") else None
    score.due_at = _naive_utc(result["deadline"]) if result.get("deadline") else None
    score.policy = result.get("late_penalty") or {}
    score.status = str(result.get("status") or "graded")
    if score.status not in STATUSES:
        raise ScoreError(f"status {score.status!r} is not one of {', '.join(STATUSES)}")
    score.message = str(result["message"])[:2000] if result.get("message") else None
    score.graded_at = utcnow()
    session.add(score)
    apply_penalty(session, score)
    return score


def apply_penalty(session: Session, score: Score) -> None:
    """Recompute a score's late penalty from its deadline and the trainee's extension."""
    if score.submitted_at is None or score.due_at is None:
        score.penalty_percent = 0.0
        return
    ext = session.get(Extension, (score.course, score.assignment, score.username))
    due = effective_due(score.due_at, ext.until if ext else None)
    score.penalty_percent = penalty_percent(score.submitted_at, due, Policy.from_spec(score.policy))


def extend(
    session: Session, course: str, assignment: str, username: str, until: datetime
) -> Score | None:
    """Give a trainee a later deadline; recompute their penalty if already graded."""
    if session.get(Person, username) is None:
        raise ScoreError(f"{username!r} is not in the roster")
    key = (course, assignment, username)
    ext = session.get(Extension, key) or Extension(
        course=course, assignment=assignment, username=username
    )
    ext.until = as_utc(until).replace(tzinfo=None)
    ext.granted_at = utcnow()
    session.add(ext)
    session.flush()
    score = session.get(Score, key)
    if score is not None:
        apply_penalty(session, score)
    return score


def of_trainee(session: Session, username: str) -> list[Score]:
    query = select(Score).where(Score.username == username).order_by(Score.course, Score.assignment)
    return list(session.scalars(query))
