"""The grading desk's core: an index of the courses' gradebooks, queues, progress, saving.

Rule: the gradebooks stay with their courses (each readable by the course's Unix user
only). ``gradebook_rows`` runs on the course side and reads one gradebook with a single
grouped query in nbgrader's own schema; the programme service keeps what it reports in
``submission_index`` (``sync``), so that a queue or the progress of every trainee is one
indexed query however many courses there are. Who may see a submission is decided here
(``grader_of``) from the roster: a supervisor sees only their own supervisees. A save
names the version it started from (optimistic locking): a second save of the same
version is refused with who saved first, and nothing is lost.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, select, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from praxishub.db import (
    CommentBankEntry,
    DeskGrade,
    Person,
    ProgrammeTotals,
    SubmissionIndex,
    TraineeTotals,
    utcnow,
)
from praxishub.errors import PraxisError, Problem

ROW_FIELDS = (
    "assignment",
    "student",
    "submitted_at",
    "auto_score",
    "auto_max",
    "manual_score",
    "manual_max",
    "max_score",
    "needs_manual",
    "cells",
)
SYNC_CHUNK = 2000

# One row per submitted assignment. A grade's score is nbgrader's own: the manual score
# if a person gave one, else the autograded one, plus extra credit. Code grade cells are
# the knowledge checks; Markdown answers and task cells are graded by a person.
_SCORE = (
    "CASE WHEN g.manual_score IS NOT NULL THEN g.manual_score + COALESCE(g.extra_credit, 0) "
    "WHEN g.auto_score IS NOT NULL THEN g.auto_score + COALESCE(g.extra_credit, 0) ELSE 0 END"
)
_AUTO = "gc.cell_type = 'code'"
_ROWS_SQL = f"""
SELECT a.name AS assignment, sa.student_id AS student, sa.timestamp AS submitted_at,
  COALESCE(SUM(CASE WHEN {_AUTO} THEN {_SCORE} END), 0) AS auto_score,
  COALESCE(SUM(CASE WHEN {_AUTO} THEN gc.max_score END), 0) AS auto_max,
  COALESCE(SUM(CASE WHEN {_AUTO} THEN 0 ELSE {_SCORE} END), 0) AS manual_score,
  COALESCE(SUM(CASE WHEN {_AUTO} THEN 0 ELSE COALESCE(gc.max_score, tc.max_score, 0) END), 0)
    AS manual_max,
  COALESCE(SUM(CASE WHEN g.needs_manual_grade THEN 1 ELSE 0 END), 0) AS needs_manual,
  COUNT(g.id) AS cells
FROM submitted_assignment sa
JOIN assignment a ON a.id = sa.assignment_id
LEFT JOIN submitted_notebook sn ON sn.assignment_id = sa.id
LEFT JOIN grade g ON g.notebook_id = sn.id
LEFT JOIN grade_cells gc ON gc.id = g.cell_id
LEFT JOIN task_cells tc ON tc.id = g.cell_id
{{where}}
GROUP BY sa.id, a.name, sa.student_id, sa.timestamp
"""  # noqa: S608 (fixed text; every value is a bound parameter)


class DeskError(PraxisError):
    """A desk request that cannot be carried out (the message says what to do)."""


class Conflict(DeskError):
    """Someone saved the submission after the caller opened it."""


@cache
def _gradebook_engine(url: str) -> Engine:
    """An engine that only reads: a SQLite gradebook is opened read-only, so that nothing
    here changes nbgrader's file (not even its journal mode)."""
    from sqlalchemy import create_engine

    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        return create_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    return create_engine(url, pool_pre_ping=True)


def gradebook_rows(
    url: str, students: Iterable[str] | None = None, assignment: str | None = None
) -> list[dict[str, Any]]:
    """What the course's gradebook holds per submitted assignment (course side)."""
    clauses, params = [], {}
    if students is not None:
        names = sorted(set(students))
        if not names:
            return []
        keys = [f"s{i}" for i in range(len(names))]
        clauses.append(f"sa.student_id IN ({', '.join(':' + k for k in keys)})")
        params.update(zip(keys, names, strict=True))
    if assignment is not None:
        clauses.append("a.name = :assignment")
        params["assignment"] = assignment
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    # When the gradebook was read (taken before reading): an index row read earlier never
    # overwrites one read later (see ``sync``).
    read_at = utcnow().isoformat()
    with _gradebook_engine(url).connect() as conn:
        result = conn.execute(text(_ROWS_SQL.format(where=where)), params)
        rows = []
        for r in result.mappings():
            row = dict(r)
            stamp = row["submitted_at"]
            if isinstance(stamp, datetime):
                row["submitted_at"] = stamp.isoformat()
            elif stamp is not None:
                row["submitted_at"] = str(stamp).replace(" ", "T")
            for key in ("auto_score", "auto_max", "manual_score", "manual_max"):
                row[key] = round(float(row[key]), 4)
            row["max_score"] = round(row["auto_max"] + row["manual_max"], 4)
            row["needs_manual"] = int(row["needs_manual"])
            row["cells"] = int(row["cells"])
            row["read_at"] = read_at
            rows.append(row)
    return rows


def _when(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


def sync(
    session: Session, course: str, rows: list[dict[str, Any]], *, complete: bool = False
) -> int:
    """Upsert a course's reported rows into the index; rows of people not in the roster
    are skipped. With ``complete`` the rows are the whole gradebook, and index rows the
    gradebook no longer has are removed. Returns the number of rows stored."""
    known = set(session.scalars(select(Person.username)))
    now = utcnow()
    values = [
        {
            "course": course,
            "assignment": str(r["assignment"]),
            "username": str(r["student"]),
            "submitted_at": _when(r.get("submitted_at")),
            "auto_score": float(r["auto_score"]),
            "auto_max": float(r["auto_max"]),
            "manual_score": float(r["manual_score"]),
            "manual_max": float(r["manual_max"]),
            "max_score": float(r["max_score"]),
            "needs_manual": int(r["needs_manual"]),
            "synced_at": _when(r.get("read_at")) or now,
        }
        for r in rows
        if str(r.get("student")) in known
    ]
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    for start in range(0, len(values), SYNC_CHUNK):
        chunk = values[start : start + SYNC_CHUNK]
        stmt = insert(SubmissionIndex)
        stmt = stmt.on_conflict_do_update(
            index_elements=["course", "assignment", "username"],
            set_={
                k: stmt.excluded[k]
                for k in chunk[0]
                if k not in ("course", "assignment", "username")
            },
            # a report of the gradebook read before the stored one is stale: kept out
            where=stmt.excluded.synced_at >= SubmissionIndex.synced_at,
        )
        session.execute(stmt, chunk)
    touched = {v["username"] for v in values}
    if complete:
        kept = {(v["assignment"], v["username"]) for v in values}
        stale = [
            (a, u)
            for a, u in session.execute(
                select(SubmissionIndex.assignment, SubmissionIndex.username).where(
                    SubmissionIndex.course == course
                )
            )
            if (a, u) not in kept
        ]
        for a, u in stale:
            touched.add(u)
            session.execute(
                SubmissionIndex.__table__.delete().where(
                    and_(
                        SubmissionIndex.course == course,
                        SubmissionIndex.assignment == a,
                        SubmissionIndex.username == u,
                    )
                )
            )
    refresh_totals(session, sorted(touched))
    if len(values) >= SYNC_CHUNK and dialect == "sqlite":
        session.execute(text("PRAGMA optimize"))  # fresh statistics after a big sync
    return len(values)


def _sums(session: Session, usernames: list[str] | None) -> tuple:
    """submitted, waiting, trainees waiting, score, max score summed over these trainees'
    totals (every trainee's, if None)."""
    tt = TraineeTotals
    query = select(
        func.coalesce(func.sum(tt.submitted), 0),
        func.coalesce(func.sum(tt.waiting), 0),
        func.coalesce(func.sum(case((tt.waiting > 0, 1), else_=0)), 0),
        func.coalesce(func.sum(tt.score), 0.0),
        func.coalesce(func.sum(tt.max_score), 0.0),
    )
    if usernames is not None:
        query = query.where(tt.username.in_(usernames))
    return tuple(session.execute(query).one())


SUM_COLUMNS = ("submitted", "waiting", "trainees_waiting", "score", "max_score")


def refresh_totals(session: Session, usernames: list[str]) -> None:
    """Recompute the totals of these trainees from the index, and move the programme's
    totals by the difference (in the same transaction)."""
    si = SubmissionIndex
    # One refresh at a time moves the programme's row: on PostgreSQL, another sync of the
    # same trainee committing between our "before" and our write would be counted twice.
    # (SQLite writes one transaction at a time anyway; FOR UPDATE is left out there.)
    session.execute(select(ProgrammeTotals.id).where(ProgrammeTotals.id == 1).with_for_update())
    for start in range(0, len(usernames), 500):
        chunk = usernames[start : start + 500]
        before = _sums(session, chunk)
        session.execute(TraineeTotals.__table__.delete().where(TraineeTotals.username.in_(chunk)))
        session.execute(
            TraineeTotals.__table__.insert().from_select(
                ["username", "submitted", "waiting", "score", "max_score"],
                select(
                    si.username,
                    func.count(),
                    func.sum(case((si.needs_manual > 0, 1), else_=0)),
                    func.sum(si.auto_score + si.manual_score),
                    func.sum(si.max_score),
                )
                .where(si.username.in_(chunk), si.username.in_(_trainees_among(chunk)))
                .group_by(si.username),
            )
        )
        after = _sums(session, chunk)
        if before != after:
            _move_programme_totals(session, before, after)


def _trainees_among(usernames: list[str]):
    """Those of these people who are trainees (a subquery): totals are kept for them only."""
    return select(Person.username).where(Person.role == "trainee", Person.username.in_(usernames))


def _move_programme_totals(session: Session, before: tuple, after: tuple) -> None:
    pt = ProgrammeTotals
    if session.get(pt, 1) is None:  # a database made before the row existed
        session.add(pt(id=1, **dict(zip(SUM_COLUMNS, _sums(session, None), strict=True))))
        session.flush()
        return
    session.execute(
        update(pt)
        .where(pt.id == 1)
        .values(
            {
                getattr(pt, name): getattr(pt, name) + (new - old)
                for name, old, new in zip(SUM_COLUMNS, before, after, strict=True)
            }
        )
    )


def _item(si: SubmissionIndex, full_name: str) -> dict[str, Any]:
    return {
        "course": si.course,
        "assignment": si.assignment,
        "trainee": si.username,
        "full_name": full_name,
        "submitted_at": si.submitted_at.isoformat() if si.submitted_at else None,
        "auto_score": si.auto_score,
        "auto_max": si.auto_max,
        "manual_score": si.manual_score,
        "manual_max": si.manual_max,
        "max_score": si.max_score,
        "needs_manual": si.needs_manual,
    }


def queue(
    session: Session,
    supervisor: str,
    course: str | None = None,
    assignment: str | None = None,
    trainee: str | None = None,
    follow_up: bool = False,
) -> list[dict[str, Any]]:
    """Submissions of the supervisor's own supervisees that wait for a person, oldest first
    (with ``follow_up``: those flagged for a follow-up instead, graded or not)."""
    # The supervisees first (people.supervisor is indexed), then their rows by the
    # (username, needs_manual) index: the queue costs the same however big the index is.
    names = dict(
        session.execute(
            select(Person.username, Person.full_name).where(Person.supervisor == supervisor)
        ).all()
    )
    if trainee:
        names = {trainee: names[trainee]} if trainee in names else {}
    if not names:
        return []
    query = select(SubmissionIndex).where(SubmissionIndex.username.in_(sorted(names)))
    if follow_up:
        query = query.join(
            DeskGrade,
            and_(
                DeskGrade.course == SubmissionIndex.course,
                DeskGrade.assignment == SubmissionIndex.assignment,
                DeskGrade.username == SubmissionIndex.username,
                DeskGrade.follow_up.is_(True),
            ),
        )
    else:
        query = query.where(SubmissionIndex.needs_manual > 0)
    if course:
        query = query.where(SubmissionIndex.course == course)
    if assignment:
        query = query.where(SubmissionIndex.assignment == assignment)
    rows = sorted(
        session.scalars(query),
        key=lambda r: (
            r.submitted_at is None,
            r.submitted_at or datetime.min,
            r.course,
            r.assignment,
        ),
    )
    return [_item(r, names[r.username]) for r in rows]


def counts(items: list[dict[str, Any]]) -> dict[str, Any]:
    """How many waiting submissions, in all and per course, assignment and trainee."""
    return {
        "total": len(items),
        "course": dict(Counter(i["course"] for i in items)),
        "assignment": dict(Counter(f"{i['course']}/{i['assignment']}" for i in items)),
        "trainee": dict(Counter(i["trainee"] for i in items)),
    }


PAGE_MAX = 500  # the most rows one progress page returns


def _progress_query(usernames: list[str] | None):
    tt = TraineeTotals
    query = (
        select(
            Person.username,
            Person.full_name,
            Person.cohort_id,
            Person.supervisor,
            tt.submitted,
            tt.waiting,
            tt.score,
            tt.max_score,
        )
        .select_from(Person)
        .outerjoin(tt, tt.username == Person.username)
        .where(Person.role == "trainee")
        .order_by(Person.username)
    )
    if usernames is not None:
        query = query.where(Person.username.in_(usernames))
    return query


def _progress_rows(session: Session, found: list, usernames: list[str] | None) -> list[dict]:
    minutes = supervision_minutes(session, usernames)
    return [
        {
            "supervision_minutes": minutes.get(r[0], (0, 0))[0],
            "supervision_confirmed_minutes": minutes.get(r[0], (0, 0))[1],
            "trainee": r[0],
            "full_name": r[1],
            "cohort": r[2],
            "supervisor": r[3],
            "submitted": r[4] or 0,
            "waiting": r[5] or 0,
            "score": round(r[6] or 0.0, 2),
            "max_score": round(r[7] or 0.0, 2),
        }
        for r in found
    ]


def progress(session: Session, usernames: list[str] | None = None) -> list[dict[str, Any]]:
    """Each trainee's totals over every course: submitted, waiting for a person, points
    (of the work submitted so far). One row read per trainee (``trainee_totals``)."""
    found = session.execute(_progress_query(usernames)).all()
    return _progress_rows(session, found, usernames)


def progress_page(
    session: Session, usernames: list[str] | None = None, *, limit: int, offset: int = 0
) -> dict[str, Any]:
    """One page of ``progress`` in username order, and the totals over every trainee in
    view (``usernames``, or all): how many, submitted, waiting, points. The page is read
    off the (role, username) index, and every trainee's totals from the programme's row
    that each sync moves (``programme_totals``), so a coordinator's first page costs
    about the same with 400 or 4,000 trainees."""
    if not 1 <= limit <= PAGE_MAX:
        raise DeskError(
            f"limit must be between 1 and {PAGE_MAX}, not {limit}.",
            [
                Problem(
                    "limit",
                    f"{limit} is not between 1 and {PAGE_MAX}",
                    f"ask for at most {PAGE_MAX} rows and page on with offset",
                )
            ],
        )
    if offset < 0:
        raise DeskError(
            f"offset must be 0 or more, not {offset}.",
            [Problem("offset", f"{offset} is below 0", "start at offset 0")],
        )
    found = session.execute(_progress_query(usernames).limit(limit).offset(offset)).all()
    rows = _progress_rows(session, found, [r[0] for r in found]) if found else []
    trainees = select(func.count()).select_from(Person).where(Person.role == "trainee")
    if usernames is None:  # every trainee: the programme's row, not a read of each
        count = session.execute(trainees).scalar_one()
        row = session.get(ProgrammeTotals, 1)
        sums = tuple(getattr(row, c) for c in SUM_COLUMNS) if row else _sums(session, None)
    else:
        count = session.execute(trainees.where(Person.username.in_(usernames))).scalar_one()
        sums = _sums(session, _trainees_among(usernames))
    submitted, waiting, trainees_waiting, score, max_score = sums
    return {
        "total": int(count),
        "offset": offset,
        "limit": limit,
        "progress": rows,
        "summary": {
            "trainees": int(count),
            "submitted": int(submitted),
            "waiting": int(waiting),
            "trainees_waiting": int(trainees_waiting),
            "score": round(float(score), 2),
            "max_score": round(float(max_score), 2),
        },
    }


def supervision_minutes(
    session: Session, usernames: list[str] | None = None
) -> dict[str, tuple[int, int]]:
    """trainee -> (minutes of supervision logged, of which they confirmed), all time."""
    from praxishub.db import SupervisionParticipant as P
    from praxishub.db import SupervisionSession as S

    query = (
        select(
            P.trainee,
            func.sum(S.minutes),
            func.sum(case((P.confirmed_at.is_not(None), S.minutes), else_=0)),
        )
        .join(S, S.id == P.session_id)
        .group_by(P.trainee)
    )
    if usernames is not None:
        query = query.where(P.trainee.in_(usernames))
    return {t: (int(m or 0), int(c or 0)) for t, m, c in session.execute(query)}


def grader_of(session: Session, caller: str, course: str, assignment: str, trainee: str) -> Person:
    """The trainee, if ``caller`` supervises them; otherwise the same error as for a
    submission that does not exist (never reveal another supervisor's supervisees)."""
    person = session.get(Person, trainee)
    if person is None or person.supervisor != caller:
        raise DeskError(
            f"No submission {course}/{assignment} of {trainee} on your desk.",
            [Problem("submission", f"{course}/{assignment}/{trainee}", "pick one from your queue")],
        )
    return person


def state(session: Session, course: str, assignment: str, trainee: str) -> dict[str, Any]:
    """The desk's saved state of a submission (version 0 if never saved)."""
    row = session.get(DeskGrade, (course, assignment, trainee))
    if row is None:
        return {
            "version": 0,
            "rubric": {},
            "comments": {},
            "follow_up": False,
            "grader": None,
            "saved_at": None,
            "feedback_at": None,
        }
    return {
        "version": row.version,
        "rubric": row.rubric or {},
        "comments": row.comments or {},
        "follow_up": row.follow_up,
        "grader": row.grader,
        "saved_at": row.saved_at.isoformat() if row.saved_at else None,
        "feedback_at": row.feedback_at.isoformat() if row.feedback_at else None,
    }


def claim(
    session: Session,
    caller: str,
    key: tuple[str, str, str],
    version: int,
    rubric: dict[str, Any],
    comments: dict[str, str],
    follow_up: bool,
    points: dict[str, float | None] | None = None,
) -> dict[str, Any]:
    """Store a save if the submission is still at ``version``; returns the state before.

    The caller then writes the points to the gradebook and calls ``confirm``, or
    ``release_claim`` with the state before if that fails, so the desk never claims points
    the gradebook lacks. Until then the save is pending (what is still to be written, and
    the state before): a save cut off by a crash is settled by ``pending_saves``.
    """
    before = state(session, *key)
    if session.get(DeskGrade, key) is None:
        if version != 0:
            raise _conflict(before)
        session.add(_blank(key))
        session.flush()
    done = session.execute(
        update(DeskGrade)
        .where(
            DeskGrade.course == key[0],
            DeskGrade.assignment == key[1],
            DeskGrade.username == key[2],
            DeskGrade.version == version,
        )
        .values(
            version=version + 1,
            grader=caller,
            rubric=rubric,
            comments=comments,
            follow_up=follow_up,
            saved_at=utcnow(),
            pending={"points": points or {}, "comments": comments},
            pending_before=before,
        )
        .execution_options(synchronize_session=False)
    )
    if done.rowcount != 1:
        raise _conflict(before)
    return before


def confirm(session: Session, key: tuple[str, str, str], version: int) -> None:
    """The save that made ``version`` is in the gradebook: it is no longer pending."""
    session.execute(
        update(DeskGrade)
        .where(*_is(key), DeskGrade.version == version)
        .values(pending=None, pending_before=None)
        .execution_options(synchronize_session=False)
    )


def pending_saves(session: Session, older_than: datetime) -> list[dict[str, Any]]:
    """Saves claimed before ``older_than`` whose gradebook write never finished (the
    service died in between): for each, its key, version, what to write and the state
    before."""
    rows = session.scalars(
        select(DeskGrade).where(DeskGrade.pending.is_not(None), DeskGrade.saved_at < older_than)
    )
    return [
        {
            "key": (r.course, r.assignment, r.username),
            "version": r.version,
            "write": r.pending,
            "before": r.pending_before,
        }
        for r in rows
    ]


def _is(key: tuple[str, str, str]) -> tuple[Any, ...]:
    return (
        DeskGrade.course == key[0],
        DeskGrade.assignment == key[1],
        DeskGrade.username == key[2],
    )


def _conflict(current: dict[str, Any]) -> Conflict:
    who = current.get("grader") or "someone"
    when = (current.get("saved_at") or "")[:16].replace("T", " ")
    return Conflict(
        f"{who} saved this submission at {when} UTC, after you opened it.",
        [
            Problem(
                "version",
                str(current["version"]),
                "reload the submission to see their grades, then save yours again",
            )
        ],
    )


def release_claim(
    session: Session, key: tuple[str, str, str], version: int, before: dict[str, Any]
) -> None:
    """Undo a claim whose gradebook write failed (unless someone saved after it)."""
    session.execute(
        update(DeskGrade)
        .where(
            DeskGrade.course == key[0],
            DeskGrade.assignment == key[1],
            DeskGrade.username == key[2],
            DeskGrade.version == version + 1,
        )
        .values(
            version=version,
            grader=before["grader"],
            rubric=before["rubric"],
            comments=before["comments"],
            follow_up=before["follow_up"],
            saved_at=_when(before["saved_at"]),
            pending=None,
            pending_before=None,
        )
        .execution_options(synchronize_session=False)
    )


def mark_feedback(session: Session, key: tuple[str, str, str]) -> None:
    row = session.get(DeskGrade, key)
    if row is None:
        row = _blank(key)
        session.add(row)
    row.feedback_at = utcnow()


def _blank(key: tuple[str, str, str]) -> DeskGrade:
    course, assignment, username = key
    return DeskGrade(
        course=course,
        assignment=assignment,
        username=username,
        version=0,
        rubric={},
        comments={},
        follow_up=False,
    )


# ---- rubrics ----------------------------------------------------------------------


@cache
def rubrics() -> dict[str, dict[str, Any]]:
    """The competency rubrics shipped with Praxis Hub, by id."""
    from praxishub.cases.assign import load_rubric, read_rubric

    found = {"case-analysis": load_rubric()}
    folder = resources.files("praxishub").joinpath("rubrics")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".yaml"):
            rubric = read_rubric(Path(str(entry)))
            found[rubric["id"]] = rubric
    return found


def rubric_for(assignment: str) -> dict[str, Any]:
    """Case analyses are graded with the case-analysis rubric, open answers with the
    open-answer rubric."""
    return rubrics()["case-analysis" if assignment.startswith("case-") else "open-answer"]


def criterion_for(rubric: dict[str, Any], cell: str) -> dict[str, Any] | None:
    for criterion in rubric["criteria"]:
        if criterion.get("section") in (cell, "*"):
            return criterion
    return None


def top_level(criterion: dict[str, Any]) -> int:
    return max(int(k) for k in criterion["descriptors"])


def points(level: int, criterion: dict[str, Any], max_score: float) -> float:
    """A rubric level as nbgrader points: the top level is the cell's full marks."""
    top = top_level(criterion)
    if not 0 <= level <= top:
        raise DeskError(
            f"Level {level} is not on the rubric.",
            [Problem(f"criterion {criterion['id']}", str(level), f"pick a level 0-{top}")],
        )
    return round(level * max_score / top, 2)


def grade_points(
    rubric: dict[str, Any],
    cells: list[dict[str, Any]],
    levels: dict[str, int],
    typed: dict[str, float],
) -> dict[str, float]:
    """cell key -> points to store: from a rubric level where one is given, else typed."""
    out: dict[str, float] = {}
    for cell in cells:
        key = cell["key"]
        if key in levels and levels[key] is not None:
            criterion = criterion_for(rubric, cell["name"])
            if criterion is None:
                raise DeskError(
                    f"Cell {cell['name']} has no rubric criterion.",
                    [Problem(f"rubric {rubric['id']}", cell["name"], "type points instead")],
                )
            out[key] = points(int(levels[key]), criterion, float(cell["max_score"]))
        elif key in typed and typed[key] is not None:
            value = float(typed[key])
            if not 0 <= value <= float(cell["max_score"]):
                raise DeskError(
                    f"{value} points is outside 0-{cell['max_score']}.",
                    [
                        Problem(
                            f"cell {cell['name']}",
                            str(value),
                            f"give 0 to {cell['max_score']} points",
                        )
                    ],
                )
            out[key] = value
    return out


# ---- comment bank -----------------------------------------------------------------


def bank(session: Session, owner: str) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(CommentBankEntry)
        .where(CommentBankEntry.owner == owner)
        .order_by(CommentBankEntry.id)
    )
    return [{"id": r.id, "text": r.text} for r in rows]


def bank_add(session: Session, owner: str, text_: str) -> dict[str, Any]:
    text_ = text_.strip()
    if not text_ or len(text_) > 2000:
        raise DeskError(
            "A bank comment must have 1-2000 characters.",
            [Problem("text", f"{len(text_)} characters", "write a shorter comment")],
        )
    entry = CommentBankEntry(owner=owner, text=text_)
    session.add(entry)
    session.flush()
    return {"id": entry.id, "text": entry.text}


def bank_delete(session: Session, owner: str, entry_id: int) -> None:
    entry = session.get(CommentBankEntry, entry_id)
    if entry is None or entry.owner != owner:
        raise DeskError("No such comment in your bank.", [Problem("id", str(entry_id), "")])
    session.delete(entry)
