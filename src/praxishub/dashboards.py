"""The programme overview dashboard's figures: attendance, the completion funnel, grades,
supervision and cohorts compared, for a cohort, a course and a period.

Rule: every figure is counted in the database (GROUP BY), so a call returns a few
hundred numbers however many trainees there are, and never a row per person. The
definitions, which a trainer presenting the dashboard can check:

- *in scope*: active trainees (of the cohort, if one is asked); the courses of the
  course catalogue (the one asked); webinars of those courses that started on a day
  (their own local date) from ``start`` to ``end``; supervision sessions held in that
  period (supervision is not per course, so the course filter leaves it alone);
- a webinar is *held* once it has started; *attendees* of a webinar are the trainees
  with a row for it, *present* those its import marked present; its *share* is present
  out of the trainees in scope; *participants* are distinct trainees present at least
  once;
- the assignments in scope are those of the held webinars (same id) and the courses'
  case analyses; an assignment is *due* once its webinar's deadline has passed (a case
  analysis always is); *passed* is ``praxishub.certificates``' rule: nothing left for a
  person to grade and at least ``pass_share`` of the maximum;
- the *funnel* counts, step by step, those of the step before who also: were present at
  one held webinar; at ``attendance_share`` of them; submitted every due assignment;
  passed every one; hold a valid certificate of every course in scope. *Completed*
  (cohorts compared) is the step "passed";
- *grades* are fully graded submissions, in ``BINS`` bins of their share of the maximum
  (bin k holds [k/BINS, (k+1)/BINS); full marks and extra credit fall in the last);
- *supervision hours* add each participant's minutes of a session (as the funder report
  does); *session hours* count each session once;
- a course kept to some cohorts (``courses[].cohorts``) counts for those cohorts' trainees
  only: the other cohorts' funnel and comparison leave out its webinars, assignments and
  certificate, and its webinars' attendance counts its cohorts' trainees.

The filters and shared definitions are ``praxishub.dashboard_scope``; the supervisor's
and trainee's views are ``praxishub.dashboard_people``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, case, extract, func, literal, or_, select
from sqlalchemy.orm import Session

from praxishub import certificates as core
from praxishub.dashboard_scope import (
    Catalogue,
    DashboardError,
    Filters,
    Scope,
    aware,
    catalogue,
    in_period,
    in_scope,
    pairs_in,
    parse_filters,
    scope_of,
)
from praxishub.db import (
    Attendance,
    Certificate,
    Cohort,
    Person,
    SubmissionIndex,
    SupervisionParticipant,
    SupervisionSession,
)

__all__ = ["BINS", "FUNNEL", "DashboardError", "Filters", "overview", "parse_filters"]

BINS = 10
WAITING = -2  # the grade bin of a submission waiting for a person
FUNNEL = ("enrolled", "attended", "attended_enough", "submitted_all", "passed_all", "certified")


def _score() -> Any:
    return SubmissionIndex.auto_score + SubmissionIndex.manual_score


def _passed(rules: core.Rules) -> ColumnElement[bool]:
    si = SubmissionIndex
    return and_(si.needs_manual == 0, _score() + core.EPSILON >= rules.pass_share * si.max_score)


def _graded() -> ColumnElement[bool]:
    return and_(SubmissionIndex.needs_manual == 0, SubmissionIndex.max_score > 0)


def _ratio(part: Any, whole: Any) -> float:
    # float(): PostgreSQL sums integers as numeric (Decimal), which JSON would quote
    return round(float(part or 0) / float(whole), 4) if whole else 0.0


def _hours(minutes: Any) -> float:
    return round(float(minutes or 0) / 60, 2)


# --- the overview ---


def overview(
    session: Session,
    filters: Filters | None = None,
    rules: core.Rules | None = None,
    now: datetime | None = None,
    course_cohorts: Mapping[str, set[str]] | None = None,
) -> dict[str, Any]:
    """Every figure of the programme overview, for the trainees and period in ``filters``.
    ``course_cohorts`` (course -> the cohorts it is for; absent: everyone's) narrows each
    cohort's webinars, assignments and courses to those its trainees take."""
    filters, rules = filters or Filters(), rules or core.Rules()
    now = aware(now or datetime.now(UTC))
    known = catalogue(session)
    scope = scope_of(session, filters, known, now)
    only = {c: set(v) for c, v in (course_cohorts or {}).items() if c in known.courses}
    groups = _cohort_groups(session, scope, only)
    per_cohort = [row for who, part in groups for row in _per_cohort(session, part, rules, who)]
    if len(groups) > 1:  # one query's order (the database's), else cohorts in id order
        per_cohort.sort(key=lambda c: (c["cohort"] is not None, c["cohort"] or ""))
    enrolled = sum(c["trainees"] for c in per_cohort)
    totals = {k: sum(c["_funnel"][k] for c in per_cohort) for k in FUNNEL}

    def takes(course: str, cohort: str | None) -> bool:
        return course not in only or cohort in only[course]

    enrolled_in = {
        c.id: sum(row["trainees"] for row in per_cohort if takes(c.id, row["cohort"]))
        for c in scope.courses
    }
    attendance = _attendance(session, scope, enrolled_in, only)
    return {
        "filters": filters.as_dict(),
        # what the filters may choose from (for the dashboard's menus)
        "choices": {
            "cohorts": [
                {"cohort": c.id, "name": c.name}
                for c in session.scalars(select(Cohort).order_by(Cohort.id))
            ],
            "courses": [{"course": c.id, "title": dict(c.title)} for c in known.courses.values()],
        },
        "now": now.isoformat(timespec="seconds"),
        "rules": {"attendance_share": rules.attendance_share, "pass_share": rules.pass_share},
        "trainees": enrolled,
        "webinars_held": len(scope.held),
        "webinars_planned": len(scope.planned) - len(scope.held),
        "unique_participants": totals["attended"],
        "attendance_rows": sum(a["attendees"] for a in attendance),
        "present_rows": sum(a["present"] for a in attendance),
        "attendance": attendance,
        "funnel": [{"step": k, "count": totals[k]} for k in FUNNEL],
        "funnel_basis": {
            "webinars": len(scope.held),
            "required": core.required_webinars(len(scope.held), rules.attendance_share),
            "assignments": len(scope.due),
            "courses": len(scope.courses),
        },
        "bin_edges": [round(k / BINS, 4) for k in range(BINS + 1)],
        "grades": _grades(session, scope, known),
        "supervision": {
            "months": _supervision_months(session, filters),
            "cohorts": [
                {
                    "cohort": c["cohort"],
                    "name": c["name"],
                    "hours": c["supervision_hours"],
                    "trainees_supervised": c["trainees_supervised"],
                }
                for c in per_cohort
            ],
        },
        "cohorts": [{k: v for k, v in c.items() if not k.startswith("_")} for c in per_cohort],
    }


def _cohort_groups(
    session: Session, scope: Scope, only: dict[str, set[str]]
) -> list[tuple[Any, Scope]]:
    """(which trainees, the scope of what they take): one group for everyone while no
    course in scope is for some cohorts only; else one per set of courses the cohorts
    take (trainees in no cohort take the courses open to everyone)."""
    if not any(c.id in only for c in scope.courses):
        return [(None, scope)]
    cohorts = session.scalars(
        select(Person.cohort_id).where(in_scope(scope.filters)).distinct()
    ).all()
    groups: dict[frozenset[str], list[str | None]] = {}
    for cohort in cohorts:
        taken = frozenset(c.id for c in scope.courses if c.id not in only or cohort in only[c.id])
        groups.setdefault(taken, []).append(cohort)
    out = []
    for taken, members in groups.items():
        named = [m for m in members if m is not None]
        who = or_(
            Person.cohort_id.in_(named) if named else literal(False),
            Person.cohort_id.is_(None) if None in members else literal(False),
        )
        out.append((who, scope.only(set(taken))))
    return out


def _per_cohort(
    session: Session, scope: Scope, rules: core.Rules, who: Any = None
) -> list[dict[str, Any]]:
    """Per cohort: the funnel's counts and the cohort comparison, in one grouped query over
    one grouped row per trainee of attendance, submissions, certificates and supervision
    (of the trainees ``who`` selects, if given)."""
    a, si, cert = Attendance, SubmissionIndex, Certificate
    sp, ss = SupervisionParticipant, SupervisionSession
    att = (
        select(a.username, func.count().label("n"))
        .where(a.present.is_(True), pairs_in((a.course, a.webinar), scope.held_pairs))
        .group_by(a.username)
        .subquery()
    )
    # (as a rule every assignment in scope is due: then no row needs the test)
    due = literal(True) if set(scope.due) == set(scope.assignments) else None
    due = due if due is not None else pairs_in((si.course, si.assignment), scope.due)
    sub = (
        select(
            si.username,
            func.sum(case((due, 1), else_=0)).label("submitted"),
            func.sum(case((and_(due, _passed(rules)), 1), else_=0)).label("passed"),
            func.sum(case((_graded(), _score() / si.max_score), else_=0.0)).label("share"),
            func.sum(case((_graded(), 1), else_=0)).label("graded"),
        )
        .where(pairs_in((si.course, si.assignment), scope.assignments))
        .group_by(si.username)
        .subquery()
    )
    certified = (
        select(cert.username, func.count(func.distinct(cert.course)).label("n"))
        .where(cert.revoked_at.is_(None), cert.course.in_([c.id for c in scope.courses]))
        .group_by(cert.username)
        .subquery()
    )
    sup = (
        select(sp.trainee, func.sum(ss.minutes).label("minutes"))
        .join(ss, ss.id == sp.session_id)
        .where(in_period(ss.held_on, scope.filters))
        .group_by(sp.trainee)
        .subquery()
    )
    required = core.required_webinars(len(scope.held), rules.attendance_share)
    present = func.coalesce(att.c.n, 0)
    steps = [
        literal(True),
        present >= 1,
        present >= required,
        func.coalesce(sub.c.submitted, 0) >= len(scope.due),
        func.coalesce(sub.c.passed, 0) >= len(scope.due),
        func.coalesce(certified.c.n, 0) >= len(scope.courses),
    ]
    counted = [func.sum(case((and_(*steps[: k + 1]), 1), else_=0)) for k in range(len(steps))]
    query = (
        select(
            Person.cohort_id,
            func.max(Cohort.name),
            func.sum(present),
            func.sum(func.coalesce(sub.c.share, 0.0)),
            func.sum(func.coalesce(sub.c.graded, 0)),
            func.sum(func.coalesce(sup.c.minutes, 0)),
            func.count(sup.c.trainee),
            *counted,
        )
        .select_from(Person)
        .outerjoin(Cohort, Cohort.id == Person.cohort_id)
        .outerjoin(att, att.c.username == Person.username)
        .outerjoin(sub, sub.c.username == Person.username)
        .outerjoin(certified, certified.c.username == Person.username)
        .outerjoin(sup, sup.c.trainee == Person.username)
        .where(in_scope(scope.filters), who if who is not None else literal(True))
        .group_by(Person.cohort_id)
        .order_by(Person.cohort_id)
    )
    out = []
    for cohort, name, present_n, share, graded, minutes, supervised, *funnel in session.execute(
        query
    ):
        figures = dict(zip(FUNNEL, (int(n or 0) for n in funnel), strict=True))
        trainees = figures["enrolled"]
        out.append(
            {
                "cohort": cohort,
                "name": name,
                "trainees": trainees,
                "attendance_share": _ratio(present_n or 0, trainees * len(scope.held)),
                "completed": figures["passed_all"],
                "completion_share": _ratio(figures["passed_all"], trainees),
                "mean_score_share": _ratio(share or 0.0, graded or 0),
                "graded": int(graded or 0),
                "supervision_hours": _hours(minutes),
                "supervision_hours_per_trainee": round(float(minutes or 0) / 60 / trainees, 3)
                if trainees
                else 0.0,
                "trainees_supervised": int(supervised or 0),
                "_funnel": figures,
            }
        )
    return out


def _attendance(
    session: Session, scope: Scope, enrolled: dict[str, int], only: dict[str, set[str]]
) -> list[dict[str, Any]]:
    """Per held webinar in scope: attendees, present and share, of the trainees in scope
    who take its course, in the order held."""
    a = Attendance
    takes: Any = literal(True)
    if only:
        takes = or_(
            a.course.notin_(list(only)),
            *(and_(a.course == c, Person.cohort_id.in_(sorted(v))) for c, v in only.items()),
        )
    query = (
        select(
            a.course,
            a.webinar,
            func.count(),
            func.sum(case((a.present.is_(True), 1), else_=0)),
        )
        .join(Person, Person.username == a.username)
        .where(in_scope(scope.filters), pairs_in((a.course, a.webinar), scope.held_pairs), takes)
        .group_by(a.course, a.webinar)
    )
    counts = {(c, w): (int(n), int(p or 0)) for c, w, n, p in session.execute(query)}
    rows = []
    for course, webinar in scope.held:
        attendees, present = counts.get((course, webinar.id), (0, 0))
        rows.append(
            {
                "course": course,
                "webinar": webinar.id,
                "title": dict(webinar.title),
                "date": webinar.starts.date().isoformat(),
                "cpd_hours": webinar.cpd_hours,
                "attendees": attendees,
                "present": present,
                "share": _ratio(present, enrolled[course]),
            }
        )
    return rows


def _grades(session: Session, scope: Scope, known: Catalogue) -> list[dict[str, Any]]:
    """Per assignment in scope: fully graded submissions in BINS bins of their score share,
    how many wait for a person, and the mean share; binned by the database, in one scan."""
    si = SubmissionIndex
    # score/max >= k/BINS, written without division so that 6 of 10 is exactly in bin 6;
    # from the top, as most scores are high
    ladder = [(_score() * BINS >= k * si.max_score, k) for k in range(BINS - 1, 0, -1)]
    # one sort key: -2 waits for a person, -1 has no maximum, else the bin
    binned = case((si.needs_manual > 0, WAITING), (si.max_score <= 0, -1), *ladder, else_=0)
    query = (
        select(
            si.course,
            si.assignment,
            binned,
            func.count(),
            func.sum(case((si.max_score > 0, _score() / si.max_score), else_=0.0)),
        )
        .join(Person, Person.username == si.username)
        .where(in_scope(scope.filters), si.course.in_([c.id for c in scope.courses]))
        .group_by(si.course, si.assignment, binned)
    )
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for course, assignment, k, n, shares in session.execute(query):
        row = found.setdefault(
            (course, assignment), {"submitted": 0, "waiting": 0, "bins": [0] * BINS, "sum": 0.0}
        )
        row["submitted"] += int(n)
        row["waiting"] += int(n) if k == WAITING else 0
        if int(k) >= 0:
            row["bins"][int(k)] += int(n)
            row["sum"] += float(shares or 0.0)
    rows = []
    for course, assignment in scope.assignments:  # the grouped rows of other ones are dropped
        figures = found.get(
            (course, assignment), {"submitted": 0, "waiting": 0, "bins": [0] * BINS, "sum": 0.0}
        )
        graded = sum(figures["bins"])
        webinar = known.webinar(course, assignment)
        rows.append(
            {
                "course": course,
                "assignment": assignment,
                "title": dict(webinar.title) if webinar else {},
                "submitted": figures["submitted"],
                "waiting": figures["waiting"],
                "graded": graded,
                "bins": figures["bins"],
                "mean_share": round(figures["sum"] / graded, 4) if graded else None,
            }
        )
    return rows


def _supervision_months(session: Session, filters: Filters) -> list[dict[str, Any]]:
    """Per month: sessions and their hours (each once), trainee hours and trainees."""
    ss, sp = SupervisionSession, SupervisionParticipant
    year, month = extract("year", ss.held_on), extract("month", ss.held_on)
    people = (
        select(year, month, func.sum(ss.minutes), func.count(func.distinct(sp.trainee)))
        .join(sp, sp.session_id == ss.id)
        .join(Person, Person.username == sp.trainee)
        .where(in_scope(filters), in_period(ss.held_on, filters))
        .group_by(year, month)
    )
    ours = select(sp.session_id).join(Person, Person.username == sp.trainee)
    sessions = (
        select(year, month, func.count(), func.sum(ss.minutes))
        .where(ss.id.in_(ours.where(in_scope(filters))), in_period(ss.held_on, filters))
        .group_by(year, month)
    )
    held = {(int(y), int(m)): (int(n), int(t or 0)) for y, m, n, t in session.execute(sessions)}
    out = []
    for y, m, minutes, trainees in sorted(session.execute(people), key=lambda r: (r[0], r[1])):
        count, session_minutes = held.get((int(y), int(m)), (0, 0))
        out.append(
            {
                "month": f"{int(y):04d}-{int(m):02d}",
                "sessions": count,
                "session_hours": _hours(session_minutes),
                "trainee_hours": _hours(minutes),
                "trainees": int(trainees),
            }
        )
    return out
