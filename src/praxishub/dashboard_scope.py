"""What a dashboard's filters select: the course catalogue, the webinars held, the
assignments in scope and due, and the trainees counted.

Rule: these are the definitions every dashboard shares (``praxishub.dashboards`` for
the programme, ``praxishub.dashboard_people`` for one person), so that a webinar is
held, and an assignment due, by the same rule everywhere. A course.yaml time keeps its
offset; a webinar's day is its own local date, as in the funder report.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, literal, or_, select
from sqlalchemy.orm import Session

from praxishub import certificates as core
from praxishub.db import Cohort, CourseCatalogueEntry, Person
from praxishub.errors import PraxisError, Problem


class DashboardError(PraxisError):
    """A dashboard cannot be drawn as asked (the problem names the filter)."""


@dataclass(frozen=True)
class Filters:
    cohort: str | None = None
    course: str | None = None
    start: date | None = None
    end: date | None = None  # inclusive

    def holds(self, day: date) -> bool:
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def as_dict(self) -> dict[str, str | None]:
        return {
            "cohort": self.cohort,
            "course": self.course,
            "from": self.start.isoformat() if self.start else None,
            "to": self.end.isoformat() if self.end else None,
        }


def parse_filters(args: Mapping[str, str | None]) -> Filters:
    """Filters from query arguments ``cohort``, ``course``, ``from``, ``to`` (empty: all)."""
    days: dict[str, date | None] = {}
    for key in ("from", "to"):
        text = (args.get(key) or "").strip()
        try:
            days[key] = date.fromisoformat(text) if text else None
        except ValueError:
            raise DashboardError(
                f"{key} {text!r} is not a date.",
                [Problem(key, text, "write it as YYYY-MM-DD, e.g. 2026-09-01")],
            ) from None
    if days["from"] and days["to"] and days["to"] < days["from"]:
        raise DashboardError(
            f"The period ends ({days['to']}) before it starts ({days['from']}).",
            [Problem("to", str(days["to"]), f"give a date on or after {days['from']}")],
        )
    return Filters(
        cohort=(args.get("cohort") or "").strip() or None,
        course=(args.get("course") or "").strip() or None,
        start=days["from"],
        end=days["to"],
    )


# --- the catalogue and the scope ---


def aware(moment: datetime) -> datetime:
    """A course.yaml time with its offset (one written without is taken as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Catalogue:
    courses: dict[str, core.Course]
    deadlines: dict[tuple[str, str], datetime]  # (course, webinar) -> aware deadline

    def webinar(self, course: str, assignment: str) -> core.Webinar | None:
        found = self.courses.get(course)
        return next((w for w in found.webinars if w.id == assignment), None) if found else None

    def only(self, keep: Any) -> Catalogue:
        """The catalogue of the courses ``keep(course id)`` says yes to."""
        courses = {c: course for c, course in self.courses.items() if keep(c)}
        deadlines = {k: v for k, v in self.deadlines.items() if k[0] in courses}
        return Catalogue(courses, deadlines)


def catalogue(session: Session) -> Catalogue:
    courses, deadlines = {}, {}
    rows = session.scalars(select(CourseCatalogueEntry).order_by(CourseCatalogueEntry.course))
    for row in rows:
        course = core.course_from_spec(row.spec, row.assignments)
        courses[course.id] = course
        for spec, webinar in zip(row.spec["webinars"], course.webinars, strict=True):
            due = spec.get("deadline")
            deadlines[course.id, webinar.id] = aware(
                datetime.fromisoformat(str(due)) if due else webinar.starts
            )
    return Catalogue(courses, deadlines)


@dataclass(frozen=True)
class Scope:
    filters: Filters
    courses: tuple[core.Course, ...]
    planned: tuple[tuple[str, core.Webinar], ...]  # in the period, held or not, by start
    held: tuple[tuple[str, core.Webinar], ...]
    assignments: tuple[tuple[str, str], ...]  # (course, assignment) in scope
    due: tuple[tuple[str, str], ...]

    @property
    def held_pairs(self) -> list[tuple[str, str]]:
        return [(c, w.id) for c, w in self.held]

    def only(self, courses: set[str]) -> Scope:
        """This scope narrowed to some of its courses (those a cohort takes)."""
        return Scope(
            self.filters,
            tuple(c for c in self.courses if c.id in courses),
            tuple(p for p in self.planned if p[0] in courses),
            tuple(h for h in self.held if h[0] in courses),
            tuple(a for a in self.assignments if a[0] in courses),
            tuple(d for d in self.due if d[0] in courses),
        )


def scope_of(
    session: Session, filters: Filters, known: Catalogue, now: datetime | None = None
) -> Scope:
    """What the filters select; an unknown cohort or course is an error naming it."""
    now = aware(now or datetime.now(UTC))
    if filters.course is not None and filters.course not in known.courses:
        raise DashboardError(
            f"There is no deployed course {filters.course!r}.",
            [
                Problem(
                    "course", filters.course, "use one of: " + (", ".join(known.courses) or "none")
                )
            ],
        )
    if filters.cohort is not None and session.get(Cohort, filters.cohort) is None:
        cohorts = ", ".join(session.scalars(select(Cohort.id).order_by(Cohort.id))) or "none"
        raise DashboardError(
            f"There is no cohort {filters.cohort!r}.",
            [Problem("cohort", filters.cohort, f"use one of: {cohorts}")],
        )
    courses = tuple(c for c in known.courses.values() if filters.course in (None, c.id))
    planned = sorted(
        ((c.id, w) for c in courses for w in c.webinars if filters.holds(w.starts.date())),
        key=lambda cw: (aware(cw[1].starts), cw[0], cw[1].id),
    )
    held = [(c, w) for c, w in planned if aware(w.starts) <= now]
    assignments = [(c, w.id) for c, w in held]
    due = [(c, w) for c, w in assignments if known.deadlines[c, w] <= now]
    for course in courses:
        cases = [(course.id, a) for a in course.case_assignments if (course.id, a) not in due]
        assignments += [a for a in cases if a not in assignments]
        due += cases
    return Scope(filters, courses, tuple(planned), tuple(held), tuple(assignments), tuple(due))


def in_scope(filters: Filters) -> ColumnElement[bool]:
    """The trainees the filters select (on ``Person``)."""
    clause = and_(Person.role == "trainee", Person.active.is_(True))
    if filters.cohort is not None:
        clause = and_(clause, Person.cohort_id == filters.cohort)
    return clause


def pairs_in(columns: tuple[Any, Any], pairs: list[tuple[str, str]] | tuple) -> ColumnElement:
    """(course, item) is one of ``pairs``: spelt as ``course = ? AND item IN (...)`` per
    course, which SQLite answers from the primary key (a row-value IN it scans instead)."""
    if not pairs:
        return literal(False)  # an empty IN is spelt differently by each database
    first, second = columns
    by_first: dict[str, list[str]] = {}
    for a, b in pairs:
        by_first.setdefault(a, []).append(b)
    return or_(*(and_(first == a, second.in_(bs)) for a, bs in by_first.items()))


def in_period(column: Any, filters: Filters) -> ColumnElement[bool]:
    clause: ColumnElement[bool] = literal(True)
    if filters.start is not None:
        clause = and_(clause, column >= filters.start)
    if filters.end is not None:
        clause = and_(clause, column <= filters.end)
    return clause
