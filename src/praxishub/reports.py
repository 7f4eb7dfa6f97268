"""The funder report: webinars held, participants, completions and hours, by cohort and
period.

Rule: figures are counted once, by definitions a funder can check:
- a webinar is *held* in the period when it started (its own local date) between the
  first and the last day, inclusive, and before the report was made;
- *participants* are distinct trainees present at a webinar held in the period (present
  as ``attendance.present_share`` decided on import); *attendances* count each trainee
  once per webinar; *CPD hours (attended)* add each attendance's webinar ``cpd_hours``;
- a *completion* is a trainee and course with a certificate issued in the period who
  still holds a valid certificate of that course (one superseded by a corrected
  certificate counts once; one revoked outright not), or, without a valid certificate,
  is eligible now for a course whose last webinar was held in the period; the
  certificates table lists every certificate issued in the period with its status;
- *supervision hours* add, per trainee, the minutes of their sessions held in the period.
Everything is computed from the database and the course catalogue; files are
``praxishub.report_files``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from praxishub import certificate_store as store
from praxishub import certificates as core
from praxishub.db import (
    Attendance,
    Certificate,
    Cohort,
    Person,
    SupervisionParticipant,
    SupervisionSession,
)
from praxishub.errors import PraxisError, Problem
from praxishub.i18n import t

ALL = "*"
NONE = ""  # trainees without a cohort


class ReportError(PraxisError):
    """A report cannot be made as asked."""


@dataclass(frozen=True)
class Period:
    start: date
    end: date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ReportError(
                f"The period ends ({self.end}) before it starts ({self.start}).",
                [Problem("--to", str(self.end), f"give a date on or after {self.start}")],
            )

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) as naive UTC datetimes, as the database stores them."""
        return datetime.combine(self.start, time()), datetime.combine(
            self.end + timedelta(days=1), time()
        )

    def months(self) -> list[str]:
        out, day = [], self.start.replace(day=1)
        while day <= self.end:
            out.append(f"{day:%Y-%m}")
            day = (day + timedelta(days=32)).replace(day=1)
        return out


def parse_day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ReportError(
            f"{option} {text!r} is not a date.",
            [Problem(option, text, "write it as YYYY-MM-DD, e.g. 2026-09-01")],
        ) from None


@dataclass
class Table:
    key: str  # sheet and file name
    title: str
    columns: list[tuple[str, str]]  # (key, header)
    rows: list[dict[str, Any]] = field(default_factory=list)

    def header(self) -> list[str]:
        return [h for _, h in self.columns]

    def values(self) -> list[list[Any]]:
        return [[row.get(k, "") for k, _ in self.columns] for row in self.rows]


@dataclass
class Report:
    programme: str
    period: Period
    cohort: str | None
    made_at: datetime
    lang: str
    tables: list[Table]

    def table(self, key: str) -> Table:
        return next(t for t in self.tables if t.key == key)

    def as_json(self) -> dict[str, Any]:
        return {
            "programme": self.programme,
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "cohort": self.cohort,
            "made_at": self.made_at.isoformat(timespec="seconds"),
            "tables": {
                tab.key: [
                    {k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}
                    for row in tab.rows
                ]
                for tab in self.tables
            },
        }


def _columns(keys: list[str], lang: str) -> list[tuple[str, str]]:
    return [(k, t(f"col_{k}", lang)) for k in keys]


def _hours(value: float) -> float:
    return round(value, 2)


@dataclass
class _Tally:
    webinars: set[tuple[str, str]] = field(default_factory=set)
    participants: set[str] = field(default_factory=set)
    attendances: int = 0
    cpd_hours: float = 0.0
    sessions: set[int] = field(default_factory=set)
    supervision_minutes: int = 0
    certified: dict[tuple[str, str], float] = field(default_factory=dict)
    eligible_waiting: set[tuple[str, str]] = field(default_factory=set)

    def row(self) -> dict[str, Any]:
        issued = len(self.certified)
        return {
            "webinars_held": len(self.webinars),
            "participants": len(self.participants),
            "attendances": self.attendances,
            "certificates": issued,
            "eligible_waiting": len(self.eligible_waiting),
            "completions": issued + len(self.eligible_waiting),
            "cpd_hours": _hours(self.cpd_hours),
            "certified_hours": _hours(sum(self.certified.values())),
            "supervision_sessions": len(self.sessions),
            "supervision_hours": _hours(self.supervision_minutes / 60),
        }


SUMMARY = [
    "cohort",
    "cohort_name",
    "webinars_held",
    "participants",
    "attendances",
    "completions",
    "certificates",
    "eligible_waiting",
    "cpd_hours",
    "certified_hours",
    "supervision_sessions",
    "supervision_hours",
]


def funder_report(
    session: Session,
    courses: dict[str, core.Course],
    rules: core.Rules,
    period: Period,
    *,
    programme: str,
    cohort: str | None = None,
    lang: str = "ru",
    now: datetime | None = None,
) -> Report:
    now = now or datetime.now(UTC)
    cohorts = {c.id: c.name for c in session.scalars(select(Cohort).order_by(Cohort.id))}
    if cohort is not None and cohort not in cohorts:
        raise ReportError(
            f"There is no cohort {cohort!r}.",
            [Problem("--cohort", cohort, "use one of: " + ", ".join(cohorts) or "none")],
        )
    cohort_of = {
        p.username: p.cohort_id or NONE
        for p in session.scalars(select(Person).where(Person.role == "trainee"))
        if cohort is None or p.cohort_id == cohort
    }
    names = {u: n for u, n in session.execute(select(Person.username, Person.full_name))}
    tallies: dict[tuple[str, str], _Tally] = defaultdict(_Tally)  # (month or ALL, cohort or ALL)

    def tallies_for(month: str, group: str) -> list[_Tally]:
        return [tallies[m, g] for m in (month, ALL) for g in (group, ALL)]

    held = {
        (c.id, w.id): w
        for c in courses.values()
        for w in c.webinars
        if period.holds(w.starts.date()) and w.starts <= now
    }
    for key, webinar in held.items():
        tallies[f"{webinar.starts.date():%Y-%m}", ALL].webinars.add(key)
        tallies[ALL, ALL].webinars.add(key)
    present_by_webinar: dict[tuple[str, str], int] = defaultdict(int)
    rows = session.execute(
        select(Attendance.course, Attendance.webinar, Attendance.username).where(
            Attendance.present.is_(True)
        )
    )
    for course_id, webinar_id, username in rows:
        webinar = held.get((course_id, webinar_id))
        if webinar is None or username not in cohort_of:
            continue
        present_by_webinar[course_id, webinar_id] += 1
        for tally in tallies_for(f"{webinar.starts.date():%Y-%m}", cohort_of[username]):
            tally.webinars.add((course_id, webinar_id))
            tally.participants.add(username)
            tally.attendances += 1
            tally.cpd_hours += webinar.cpd_hours

    lo_day, hi_day = period.start, period.end
    sessions = session.execute(
        select(SupervisionSession.id, SupervisionSession.held_on, SupervisionSession.minutes)
        .add_columns(SupervisionParticipant.trainee)
        .join(SupervisionParticipant, SupervisionParticipant.session_id == SupervisionSession.id)
        .where(SupervisionSession.held_on >= lo_day, SupervisionSession.held_on <= hi_day)
    )
    for session_id, held_on, minutes, trainee in sessions:
        if trainee not in cohort_of:
            continue
        for tally in tallies_for(f"{held_on:%Y-%m}", cohort_of[trainee]):
            tally.sessions.add(session_id)
            tally.supervision_minutes += minutes

    lo, hi = period.bounds
    valid = {
        (c.username, c.course)
        for c in session.scalars(select(Certificate).where(Certificate.revoked_at.is_(None)))
    }
    listed = [c for c in store.issued_between(session, lo, hi) if c.username in cohort_of]
    certs = [c for c in listed if (c.username, c.course) in valid]
    for cert in certs:  # oldest first: a pair's latest certificate gives its hours
        for tally in tallies_for(f"{cert.issued_at:%Y-%m}", cohort_of[cert.username]):
            tally.certified[cert.username, cert.course] = cert.hours

    standing: dict[tuple[str, str], core.Eligibility] = {}
    for course in courses.values():
        for result in store.eligibility(session, course, rules, sorted(cohort_of)):
            standing[result.username, course.id] = result
        last = max(course.webinars, key=lambda w: w.starts)
        if not (period.holds(last.starts.date()) and last.starts <= now):
            continue
        for result in standing_of(standing, course.id):
            pair = (result.username, course.id)
            if result.eligible and pair not in valid:
                group = cohort_of[result.username]
                for tally in tallies_for(f"{last.starts.date():%Y-%m}", group):
                    tally.eligible_waiting.add(pair)

    def cohort_name(group: str) -> str:
        return t("rep_all", lang) if group == ALL else cohorts.get(group, t("rep_no_cohort", lang))

    groups = sorted({g for _, g in tallies if g != ALL})
    summary = Table("summary", t("rep_summary", lang), _columns(SUMMARY, lang))
    for group in [*groups, ALL]:
        summary.rows.append(
            {"cohort": "" if group == ALL else group, "cohort_name": cohort_name(group)}
            | tallies[ALL, group].row()
        )
        if group == ALL and cohort is not None:
            summary.rows.pop()  # one cohort asked: its row is the total
    months = Table("months", t("rep_months", lang), _columns(["month", *SUMMARY], lang))
    for month in period.months():
        for group in [*groups, ALL]:
            figures = tallies[month, group].row() if (month, group) in tallies else None
            if figures is None or not any(figures.values()):
                continue
            if group == ALL and cohort is not None:
                continue
            months.rows.append(
                {"month": month, "cohort": "" if group == ALL else group}
                | {"cohort_name": cohort_name(group)}
                | figures
            )
    webinars = Table(
        "webinars",
        t("rep_webinars", lang),
        _columns(
            ["course", "webinar", "title", "date", "duration", "cpd", "participants", "cpd_hours"],
            lang,
        ),
    )
    for (course_id, webinar_id), w in sorted(held.items(), key=lambda kv: kv[1].starts):
        count = present_by_webinar.get((course_id, webinar_id), 0)
        webinars.rows.append(
            {
                "course": course_id,
                "webinar": webinar_id,
                "title": w.title_in(lang),
                "date": w.starts.date(),
                "duration": w.duration_minutes,
                "cpd": w.cpd_hours,
                "participants": count,
                "cpd_hours": _hours(count * w.cpd_hours),
            }
        )
    completions = _completions(courses, standing, certs, valid, cohort_of, cohort_name, lang)
    certificates = Table(
        "certificates",
        t("rep_certificates", lang),
        _columns(["code", "name", "cohort", "course", "cpd", "date", "status"], lang),
    )
    for cert in listed:
        certificates.rows.append(
            {
                "code": core.format_code(cert.code),
                "name": cert.full_name or names.get(cert.username, ""),
                "cohort": cohort_of[cert.username],
                "course": cert.course_title,
                "cpd": cert.hours,
                "date": cert.issued_at.date(),
                "status": store.status_of(cert),
            }
        )
    return Report(
        programme=programme,
        period=period,
        cohort=cohort,
        made_at=now,
        lang=lang,
        tables=[summary, months, webinars, completions, certificates],
    )


def standing_of(
    standing: dict[tuple[str, str], core.Eligibility], course: str
) -> list[core.Eligibility]:
    return [r for (_, c), r in sorted(standing.items()) if c == course]


def _completions(
    courses: dict[str, core.Course],
    standing: dict[tuple[str, str], core.Eligibility],
    certs: list[Certificate],
    valid: set[tuple[str, str]],
    cohort_of: dict[str, str],
    cohort_name: Any,
    lang: str,
) -> Table:
    """Per course and cohort: trainees who took part, eligible now, certified in the period."""
    table = Table(
        "completions",
        t("rep_completions", lang),
        _columns(["course", "cohort", "cohort_name", "trainees", "eligible", "certificates"], lang),
    )
    issued = {(c.username, c.course) for c in certs}
    for course in courses.values():
        per: dict[str, dict[str, int]] = defaultdict(
            lambda: {"trainees": 0, "eligible": 0, "certificates": 0}
        )
        for result in standing_of(standing, course.id):
            took_part = result.attended or any(
                s != core.MISSING for s in result.assignments.values()
            )
            if not took_part and (result.username, course.id) not in valid:
                continue
            group = per[cohort_of[result.username]]
            group["trainees"] += 1
            group["eligible"] += int(result.eligible)
            group["certificates"] += int((result.username, course.id) in issued)
        for group, figures in sorted(per.items()):
            table.rows.append(
                {
                    "course": course.title_in(lang),
                    "cohort": group,
                    "cohort_name": cohort_name(group),
                }
                | figures
            )
    return table
