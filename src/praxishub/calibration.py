"""Calibration of supervisors: the same submissions rated by several people, and how far
their rubric levels agree, criterion by criterion.

Rule: a trainer of a course sets one up from that course's submissions; raters see the
submissions without the trainee's name and rate them with the assignment's rubric; their
levels stay in the programme database and never reach a gradebook. A rater sees the
agreement only after rating every submission (others' levels must not sway theirs), and
sees the other raters as R1, R2, ...; the trainer who set it up sees names. Agreement is
scikit-learn's quadratically weighted Cohen's kappa, averaged over pairs of raters, with
the shares of exact and within-one-level agreement beside it.
"""

from __future__ import annotations

import itertools
import math
import warnings
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from praxishub import desk
from praxishub.db import (
    Calibration,
    CalibrationItem,
    CalibrationRater,
    CalibrationRating,
    Person,
    SubmissionIndex,
)
from praxishub.desk import DeskError
from praxishub.errors import Problem

RATER_ROLES = ("supervisor", "trainer")


def _not_found(cal_id: int) -> DeskError:
    return DeskError(
        f"No calibration {cal_id} of yours.",
        [Problem("calibration", str(cal_id), "pick one from your list")],
    )


def create(
    session: Session,
    creator: str,
    teaches: list[str],
    title: str,
    course: str,
    assignment: str,
    trainees: list[str],
    raters: list[str],
) -> int:
    """A new calibration; every problem with the request is reported at once."""
    problems = []
    if course not in teaches:
        problems.append(Problem("course", course, "set up calibrations of courses you teach"))
    if not 1 <= len(title.strip()) <= 200:
        problems.append(Problem("title", repr(title), "give it a title of 1-200 characters"))
    raters = list(dict.fromkeys(raters))
    if len(raters) < 2:
        problems.append(Problem("raters", str(len(raters)), "choose at least two raters"))
    for rater in raters:
        person = session.get(Person, rater)
        if person is None or person.role not in RATER_ROLES:
            problems.append(Problem("raters", rater, "raters are supervisors or trainers"))
    trainees = list(dict.fromkeys(trainees))
    if not trainees:
        problems.append(Problem("trainees", "none", "choose at least one submission"))
    for trainee in trainees:
        if session.get(SubmissionIndex, (course, assignment, trainee)) is None:
            problems.append(
                Problem("trainees", trainee, f"has no submission of {course}/{assignment}")
            )
    if problems:
        raise DeskError("The calibration was not created.", problems)
    cal = Calibration(title=title.strip(), course=course, assignment=assignment, created_by=creator)
    session.add(cal)
    session.flush()
    session.add_all(CalibrationItem(calibration_id=cal.id, username=t) for t in trainees)
    session.add_all(CalibrationRater(calibration_id=cal.id, rater=r) for r in raters)
    session.flush()
    return cal.id


def _raters(session: Session, cal_id: int) -> list[str]:
    query = select(CalibrationRater.rater).where(CalibrationRater.calibration_id == cal_id)
    return sorted(session.scalars(query))


def _items(session: Session, cal_id: int) -> list[CalibrationItem]:
    query = select(CalibrationItem).where(CalibrationItem.calibration_id == cal_id)
    return list(session.scalars(query.order_by(CalibrationItem.id)))


def _ratings(session: Session, item_ids: list[int]) -> list[CalibrationRating]:
    query = select(CalibrationRating).where(CalibrationRating.item_id.in_(item_ids))
    return list(session.scalars(query))


def calibration_of(session: Session, username: str, cal_id: int) -> tuple[Calibration, str]:
    """The calibration and the person's part in it (creator or rater); else not found."""
    cal = session.get(Calibration, cal_id)
    if cal is None:
        raise _not_found(cal_id)
    if cal.created_by == username:
        return cal, "creator"
    if username in _raters(session, cal_id):
        return cal, "rater"
    raise _not_found(cal_id)


def listing(session: Session, username: str) -> list[dict[str, Any]]:
    """The calibrations a person rates or set up, with how far the rating has come."""
    mine = set(
        session.scalars(
            select(CalibrationRater.calibration_id).where(CalibrationRater.rater == username)
        )
    )
    created = set(session.scalars(select(Calibration.id).where(Calibration.created_by == username)))
    out = []
    for cal_id in sorted(mine | created):
        cal = session.get(Calibration, cal_id)
        items = _items(session, cal_id)
        ratings = _ratings(session, [i.id for i in items])
        raters = _raters(session, cal_id)
        out.append(
            {
                "id": cal.id,
                "title": cal.title,
                "course": cal.course,
                "assignment": cal.assignment,
                "role": "creator" if cal_id in created else "rater",
                "items": [
                    {
                        "id": item.id,
                        "number": n,
                        "rated": any(r.item_id == item.id and r.rater == username for r in ratings),
                    }
                    for n, item in enumerate(items, 1)
                ],
                "raters": len(raters),
                "ratings": len(ratings),
                "complete": len(ratings) == len(raters) * len(items),
            }
        )
    return out


def item_of(session: Session, username: str, cal_id: int, item_id: int) -> dict[str, Any]:
    """What a rater may know of one item: its number and their own levels, never the name."""
    cal, role = calibration_of(session, username, cal_id)
    items = _items(session, cal_id)
    for n, item in enumerate(items, 1):
        if item.id == item_id:
            own = session.get(CalibrationRating, (item.id, username))
            return {
                "calibration": cal.id,
                "title": cal.title,
                "course": cal.course,
                "assignment": cal.assignment,
                "item": item.id,
                "number": n,
                "of": len(items),
                "role": role,
                "trainee": item.username,  # for the service's call to the course; not shown
                "levels": own.levels if own else {},
            }
    raise _not_found(cal_id)


def rate(
    session: Session, rater: str, cal_id: int, item_id: int, levels: dict[str, Any]
) -> dict[str, int]:
    """Store (or replace) a rater's levels for one item, checked against the rubric."""
    found = item_of(session, rater, cal_id, item_id)
    if found["role"] != "rater" and rater not in _raters(session, cal_id):
        raise DeskError(
            "Only the raters rate a calibration.",
            [Problem("rater", rater, "ask the trainer to add you as a rater")],
        )
    rubric = desk.rubric_for(found["assignment"])
    clean: dict[str, int] = {}
    problems = []
    for key, value in levels.items():
        criterion = desk.criterion_for(rubric, str(key).rsplit("/", 1)[-1])
        try:
            level = int(value)
        except (TypeError, ValueError):
            level = -1
        if criterion is None:
            problems.append(Problem(f"levels.{key}", "no rubric criterion", "rate rubric cells"))
        elif not 0 <= level <= desk.top_level(criterion):
            problems.append(
                Problem(f"levels.{key}", repr(value), f"give 0-{desk.top_level(criterion)}")
            )
        else:
            clean[str(key)] = level
    if problems or not clean:
        raise DeskError("The rating was not saved.", problems or [Problem("levels", "{}", "rate")])
    row = session.get(CalibrationRating, (item_id, rater)) or CalibrationRating(
        item_id=item_id, rater=rater
    )
    row.levels = clean
    session.add(row)
    return clean


def weighted_kappa(a: list[int], b: list[int], labels: list[int]) -> float | None:
    """scikit-learn's quadratically weighted kappa; None where it is undefined (fewer than
    two ratings, or no spread at all)."""
    from sklearn.metrics import cohen_kappa_score

    if len(a) < 2:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns where kappa is undefined: None below
        value = cohen_kappa_score(a, b, weights="quadratic", labels=labels)
    return None if math.isnan(value) else round(float(value), 3)


def _pairs(by_rater: dict[str, dict[int, int]], labels: list[int]) -> float | None:
    values = []
    for r1, r2 in itertools.combinations(sorted(by_rater), 2):
        both = sorted(set(by_rater[r1]) & set(by_rater[r2]))
        k = weighted_kappa([by_rater[r1][i] for i in both], [by_rater[r2][i] for i in both], labels)
        if k is not None:
            values.append(k)
    return round(sum(values) / len(values), 3) if values else None


def _shares(rows: list[list[int]]) -> tuple[float | None, float | None]:
    """Share of targets where every rater gave the same level, and within one level."""
    full = [r for r in rows if len(r) >= 2]
    if not full:
        return None, None
    exact = sum(1 for r in full if max(r) == min(r)) / len(full)
    near = sum(1 for r in full if max(r) - min(r) <= 1) / len(full)
    return round(exact, 3), round(near, 3)


def agreement(session: Session, username: str, cal_id: int) -> dict[str, Any]:
    """Agreement per criterion, and over every criterion of every item."""
    cal, role = calibration_of(session, username, cal_id)
    items = _items(session, cal_id)
    ratings = _ratings(session, [i.id for i in items])
    if role == "rater":
        done = {r.item_id for r in ratings if r.rater == username}
        if len(done) < len(items):
            raise DeskError(
                "Rate every submission of this calibration first.",
                [
                    Problem(
                        "agreement",
                        f"{len(done)} of {len(items)} rated",
                        "others' levels are shown once yours are in, so they cannot sway you",
                    )
                ],
            )
    raters = sorted({r.rater for r in ratings})
    if role == "creator":
        names = {r: r for r in raters}
    else:
        others = iter(f"R{n}" for n in itertools.count(1))
        names = {r: ("you" if r == username else next(others)) for r in raters}
    rubric = desk.rubric_for(cal.assignment)
    keys = sorted({k for r in ratings for k in r.levels})
    number = {item.id: n for n, item in enumerate(items, 1)}
    criteria = []
    overall: dict[str, dict[int, int]] = {r: {} for r in raters}
    targets: dict[tuple[int, str], list[int]] = {}
    labels_all: set[int] = set()
    for key in keys:
        criterion = desk.criterion_for(rubric, key.rsplit("/", 1)[-1])
        top = (
            desk.top_level(criterion)
            if criterion
            else max(r.levels[key] for r in ratings if key in r.levels)
        )
        labels = list(range(top + 1))
        labels_all.update(labels)
        by_rater: dict[str, dict[int, int]] = {r: {} for r in raters}
        for r in ratings:
            if key in r.levels:
                by_rater[r.rater][r.item_id] = r.levels[key]
                target = targets.setdefault((r.item_id, key), [])
                target.append(r.levels[key])
                overall[r.rater][list(targets).index((r.item_id, key))] = r.levels[key]
        per_item = [[by_rater[r][i.id] for r in raters if i.id in by_rater[r]] for i in items]
        exact, near = _shares(per_item)
        criteria.append(
            {
                "key": key,
                "criterion": (criterion or {}).get("criterion", {"en": key, "ru": key}),
                "levels": {
                    names[r]: {number[i]: v for i, v in by_rater[r].items()} for r in raters
                },
                "kappa": _pairs(by_rater, labels),
                "exact": exact,
                "within_one": near,
            }
        )
    exact, near = _shares(list(targets.values()))
    return {
        "calibration": cal.id,
        "title": cal.title,
        "items": len(items),
        "raters": [names[r] for r in raters],
        "criteria": criteria,
        "overall": {
            "kappa": _pairs(overall, sorted(labels_all)),
            "exact": exact,
            "within_one": near,
        },
        "method": "quadratically weighted Cohen's kappa (scikit-learn), mean over rater pairs",
    }
