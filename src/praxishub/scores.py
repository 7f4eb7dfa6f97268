"""Autograded scores in the programme database.

Rule: a score is written only for a person in the roster and a course of the
programme, one row per (course, assignment, trainee), replaced by newer
grading; a trainee reads only their own rows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from praxishub.db import Person, Score, utcnow

FIELDS = ("auto_score", "auto_max", "max_score", "failed_checks")


class ScoreError(ValueError):
    """A score that cannot be stored (the message says why)."""


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
    submitted = result.get("submitted_at")
    score.submitted_at = (
        datetime.fromisoformat(submitted).replace(tzinfo=None) if submitted else None
    )
    score.graded_at = utcnow()
    session.add(score)
    return score


def of_trainee(session: Session, username: str) -> list[Score]:
    query = select(Score).where(Score.username == username).order_by(Score.course, Score.assignment)
    return list(session.scalars(query))
