"""The supervision log: sessions a supervisor held, trainees' confirmations, monthly sign-off.

Rule: who sees what is decided here, once, for the API, the CSV and the apps alike. A
supervisor logs sessions only with their own supervisees and sees only their own sessions;
a trainee sees the sessions they took part in; a reader of everyone (coordinator) sees all
sessions but never a note. Each participant's note belongs to the supervisor and that one
trainee: another trainee of the same group never reads it, in JSON or CSV. A group's
``group_notes`` are read by all its participants. Anything a caller may not see is "not
found", never "forbidden", so nobody learns that it exists. A signed month is frozen: its
sessions are never added, changed, deleted or confirmed again.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, exists, or_, select
from sqlalchemy.orm import Session

from praxishub.db import (
    Person,
    SupervisionCase,
    SupervisionParticipant,
    SupervisionSession,
    SupervisionSignoff,
    utcnow,
)
from praxishub.errors import PraxisError, Problem
from praxishub.supervision_input import (
    SessionInput,
    SupervisionError,
    month_bounds,
    month_of,
    parse_input,
)

CSV_COLUMNS = ["session", "date", "supervisor", "kind", "minutes", "trainee", "confirmed", "cases"]
CSV_NOTE_COLUMNS = ["group_notes", "note"]


class NotFound(PraxisError):
    """Nothing the caller may see has this id or name (HTTP 404)."""


class Forbidden(PraxisError):
    """The caller's role may not do this at all (HTTP 403)."""


class Frozen(PraxisError):
    """The month is signed off, or already signed (HTTP 409)."""


@dataclass(frozen=True)
class Caller:
    """Who asks, as the edge established it (hub scopes and the roster)."""

    username: str
    supervises: bool = False  # custom:praxis:supervise
    reads_all: bool = False  # custom:praxis:people:read


# --- who may see what ---


def sees_group_notes(caller: Caller, row: SupervisionSession) -> bool:
    """The session's supervisor and every participant read a group's shared notes."""
    return caller.username == row.supervisor or any(
        p.trainee == caller.username for p in row.participants
    )


def sees_note(caller: Caller, row: SupervisionSession, participant: SupervisionParticipant) -> bool:
    """A participant's note is read by the session's supervisor and that trainee, nobody else."""
    return caller.username in (row.supervisor, participant.trainee)


def _visible(caller: Caller) -> Select[tuple[SupervisionSession]]:
    """The sessions ``caller`` may see, as a query."""
    query = select(SupervisionSession)
    if not caller.reads_all:
        mine = select(SupervisionParticipant.session_id).where(
            SupervisionParticipant.trainee == caller.username
        )
        query = query.where(
            or_(
                SupervisionSession.supervisor == caller.username,
                SupervisionSession.id.in_(mine),
            )
        )
    return query


def _not_found(session_id: int) -> NotFound:
    return NotFound(
        "no such session",
        [Problem(f"session {session_id}", "is not a session you can see", "check the id")],
    )


def _no_supervisee(username: str) -> NotFound:
    # The same words whether the person exists or not: nobody learns who is in the roster.
    return NotFound(
        "no such supervisee",
        [
            Problem(
                "participants",
                f"{username!r} is not one of your supervisees",
                "name your own supervisees (see /api/people)",
            )
        ],
    )


def _require_supervisor(caller: Caller) -> None:
    if not caller.supervises:
        raise Forbidden(
            "only supervisors log and sign off supervision sessions",
            [Problem("role", "you are not a supervisor", "ask your supervisor to log it")],
        )


def _own(session: Session, caller: Caller, session_id: int) -> SupervisionSession:
    _require_supervisor(caller)
    row = session.get(SupervisionSession, session_id)
    if row is None or row.supervisor != caller.username:
        raise _not_found(session_id)
    return row


def _lock_supervisor(session: Session, supervisor: str) -> None:
    # Serialises a supervisor's writes with their sign-off on databases that lock rows
    # (PostgreSQL); SQLite serialises all writers anyway.
    session.execute(select(Person).where(Person.username == supervisor).with_for_update())


def _check_open(session: Session, supervisor: str, day: date) -> None:
    month = month_of(day)
    signed = session.get(SupervisionSignoff, (supervisor, month))
    if signed is not None:
        raise Frozen(
            f"{month} is signed off",
            [
                Problem(
                    "date",
                    f"{supervisor} signed off {month} on {signed.signed_at:%Y-%m-%d}; "
                    "its sessions can no longer be added, changed, deleted or confirmed",
                    "a signed month is final; log new sessions in a month that is not signed off",
                )
            ],
        )


def _check_supervisees(
    session: Session, caller: Caller, names: Iterable[str], already: Iterable[str] = ()
) -> None:
    kept = set(already)
    for name in names:
        if name in kept:
            continue  # still on the session, even if they have since changed supervisor
        person = session.get(Person, name)
        if (
            person is None
            or not person.active
            or person.role != "trainee"
            or person.supervisor != caller.username
        ):
            raise _no_supervisee(name)


# --- the log ---


def as_dict(row: SupervisionSession, caller: Caller, signed: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.id,
        "supervisor": row.supervisor,
        "date": row.held_on.isoformat(),
        "month": month_of(row.held_on),
        "minutes": row.minutes,
        "kind": row.kind,
        "participants": [
            {"trainee": p.trainee, "confirmed_at": p.confirmed_at}
            | ({"note": p.note} if sees_note(caller, row, p) else {})
            for p in row.participants
        ],
        "cases": [{"course": c.course, "assignment": c.assignment} for c in row.cases],
        "signed": signed,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
    }
    if sees_group_notes(caller, row):
        data["group_notes"] = row.group_notes
    return data


def _signed_months(session: Session, rows: Iterable[SupervisionSession]) -> set[tuple[str, str]]:
    supervisors = {r.supervisor for r in rows}
    if not supervisors:
        return set()
    found = session.execute(
        select(SupervisionSignoff.supervisor, SupervisionSignoff.month).where(
            SupervisionSignoff.supervisor.in_(supervisors)
        )
    )
    return {(s, m) for s, m in found}


def _fill(row: SupervisionSession, data: SessionInput) -> None:
    # A trainee confirmed what was logged; if the date, time or kind changes, they confirm
    # again. Notes and linked cases may change without that.
    same = (row.held_on, row.minutes, row.kind) == (data.held_on, data.minutes, data.kind)
    confirmed = {p.trainee: p.confirmed_at for p in row.participants} if same else {}
    row.held_on = data.held_on
    row.minutes = data.minutes
    row.kind = data.kind
    row.group_notes = data.group_notes
    row.participants = [
        SupervisionParticipant(trainee=t, confirmed_at=confirmed.get(t), note=data.notes.get(t, ""))
        for t in data.participants
    ]
    row.cases = [SupervisionCase(course=c, assignment=a) for c, a in data.cases]


def log_session(
    session: Session, caller: Caller, body: Any, today: date | None = None
) -> dict[str, Any]:
    """Log a session the caller held with their own supervisees."""
    _require_supervisor(caller)
    data = parse_input(body, today or date.today())
    _check_supervisees(session, caller, data.participants)
    _lock_supervisor(session, caller.username)
    _check_open(session, caller.username, data.held_on)
    row = SupervisionSession(supervisor=caller.username, participants=[], cases=[])
    _fill(row, data)
    session.add(row)
    session.flush()
    return as_dict(row, caller)


def update_session(
    session: Session, caller: Caller, session_id: int, body: Any, today: date | None = None
) -> dict[str, Any]:
    """Replace a session of the caller's; both its old and new month must be open."""
    row = _own(session, caller, session_id)
    data = parse_input(body, today or date.today())
    _check_supervisees(session, caller, data.participants, [p.trainee for p in row.participants])
    _lock_supervisor(session, caller.username)
    _check_open(session, caller.username, row.held_on)
    _check_open(session, caller.username, data.held_on)
    _fill(row, data)
    row.updated_at = utcnow()
    session.flush()
    return as_dict(row, caller)


def delete_session(session: Session, caller: Caller, session_id: int) -> None:
    row = _own(session, caller, session_id)
    _lock_supervisor(session, caller.username)
    _check_open(session, caller.username, row.held_on)
    session.delete(row)
    session.flush()


def get_session(session: Session, caller: Caller, session_id: int) -> dict[str, Any]:
    row = session.scalars(_visible(caller).where(SupervisionSession.id == session_id)).first()
    if row is None:
        raise _not_found(session_id)
    signed = (row.supervisor, month_of(row.held_on)) in _signed_months(session, [row])
    return as_dict(row, caller, signed)


def _rows(
    session: Session, caller: Caller, month: str | None, trainee: str | None
) -> list[SupervisionSession]:
    query = _visible(caller)
    if month:
        first, after = month_bounds(month)
        query = query.where(SupervisionSession.held_on >= first, SupervisionSession.held_on < after)
    if trainee:
        _check_trainee_visible(session, caller, trainee)
        query = query.where(_with_trainee(trainee))
    query = query.order_by(SupervisionSession.held_on.desc(), SupervisionSession.id.desc())
    return list(session.scalars(query))


def _with_trainee(trainee: str) -> ColumnElement[bool]:
    return SupervisionSession.id.in_(
        select(SupervisionParticipant.session_id).where(SupervisionParticipant.trainee == trainee)
    )


def _check_trainee_visible(session: Session, caller: Caller, trainee: str) -> None:
    """A trainee filter names the caller, a current supervisee or anyone (readers of all)."""
    person = session.get(Person, trainee)
    if person is not None and (
        caller.reads_all
        or trainee == caller.username
        or person.supervisor == caller.username
        # a former supervisee, still in the supervisor's own sessions
        or (
            caller.supervises
            and session.scalar(
                select(
                    exists().where(
                        SupervisionSession.supervisor == caller.username, _with_trainee(trainee)
                    )
                )
            )
        )
    ):
        return
    raise NotFound(
        "no such trainee",
        [Problem("trainee", f"{trainee!r} is not a trainee you can see", "check the username")],
    )


def list_sessions(
    session: Session, caller: Caller, month: str | None = None, trainee: str | None = None
) -> list[dict[str, Any]]:
    """The sessions the caller may see, newest first, optionally of one month or trainee."""
    rows = _rows(session, caller, month, trainee)
    signed = _signed_months(session, rows)
    return [as_dict(r, caller, (r.supervisor, month_of(r.held_on)) in signed) for r in rows]


def confirm(session: Session, caller: Caller, session_id: int) -> dict[str, Any]:
    """The caller confirms they took part in a session (idempotent)."""
    row = session.scalars(_visible(caller).where(SupervisionSession.id == session_id)).first()
    if row is None:
        raise _not_found(session_id)
    mine = next((p for p in row.participants if p.trainee == caller.username), None)
    if mine is None:
        raise Forbidden(
            "only a participant confirms a session",
            [Problem(f"session {session_id}", "you did not take part", "ask the trainee to")],
        )
    _check_open(session, row.supervisor, row.held_on)
    if mine.confirmed_at is None:
        mine.confirmed_at = utcnow()
        session.flush()
    return as_dict(row, caller)


# --- totals and sign-off ---


def _zero() -> dict[str, int]:
    return {
        "minutes": 0,
        "individual_minutes": 0,
        "group_minutes": 0,
        "confirmed_minutes": 0,
        "unconfirmed_minutes": 0,
        "signed_minutes": 0,
        "sessions": 0,
    }


def aggregate(
    rows: Iterable[SupervisionSession], signed: set[tuple[str, str]] = frozenset()
) -> dict[str, dict[str, int]]:
    """trainee -> their minutes (each participant of a group session gets all its minutes)."""
    totals: dict[str, dict[str, int]] = {}
    for row in rows:
        is_signed = (row.supervisor, month_of(row.held_on)) in signed
        for p in row.participants:
            t = totals.setdefault(p.trainee, _zero())
            t["minutes"] += row.minutes
            t[f"{row.kind}_minutes"] += row.minutes
            t["confirmed_minutes" if p.confirmed_at else "unconfirmed_minutes"] += row.minutes
            t["signed_minutes"] += row.minutes if is_signed else 0
            t["sessions"] += 1
    return totals


def totals(
    session: Session, caller: Caller, month: str | None = None, trainee: str | None = None
) -> dict[str, Any]:
    """Per-trainee minutes of the sessions the caller may see (all time without ``month``).

    A trainee gets only their own row; a supervisor gets a row for each current supervisee,
    with zeros for those not supervised in that time.
    """
    rows = _rows(session, caller, month, trainee)
    signed = _signed_months(session, rows)
    per_trainee = aggregate(rows, signed)
    if caller.supervises and not trainee:
        for person in session.scalars(select(Person).where(Person.supervisor == caller.username)):
            if person.active and person.role == "trainee":
                per_trainee.setdefault(person.username, _zero())
    if not caller.reads_all and not caller.supervises:
        per_trainee = {k: v for k, v in per_trainee.items() if k == caller.username}
    elif trainee:
        per_trainee = {trainee: per_trainee.get(trainee, _zero())}
    signoffs = []
    if month:
        query = select(SupervisionSignoff).where(SupervisionSignoff.month == month)
        if not caller.reads_all:
            query = query.where(
                SupervisionSignoff.supervisor.in_({r.supervisor for r in rows} | {caller.username})
            )
        signoffs = [
            {"supervisor": s.supervisor, "signed_at": s.signed_at, "total_minutes": s.total_minutes}
            for s in session.scalars(query.order_by(SupervisionSignoff.supervisor))
        ]
    return {
        "month": month,
        "trainees": [{"trainee": k, **v} for k, v in sorted(per_trainee.items())],
        "supervisor_minutes": sum(r.minutes for r in rows if r.supervisor == caller.username),
        "signoffs": signoffs,
    }


def sign_off(
    session: Session, caller: Caller, month: str, today: date | None = None
) -> dict[str, Any]:
    """Sign the caller's totals of a month that is over; its sessions are frozen after this."""
    _require_supervisor(caller)
    first, after = month_bounds(month)
    today = today or date.today()
    if after > today:
        raise SupervisionError(
            f"{month} is not over",
            [Problem("month", f"{month} ends on {after:%Y-%m-%d}", f"sign it off from {after}")],
        )
    _lock_supervisor(session, caller.username)
    existing = session.get(SupervisionSignoff, (caller.username, month))
    if existing is not None:
        raise Frozen(
            f"{month} is already signed off",
            [Problem("month", f"signed on {existing.signed_at:%Y-%m-%d}", "nothing to do")],
        )
    rows = list(
        session.scalars(
            select(SupervisionSession).where(
                SupervisionSession.supervisor == caller.username,
                SupervisionSession.held_on >= first,
                SupervisionSession.held_on < after,
            )
        )
    )
    if not rows:
        raise SupervisionError(
            f"no sessions in {month}",
            [Problem("month", f"you logged no session in {month}", "log the sessions first")],
        )
    per_trainee = aggregate(rows)
    for t in per_trainee.values():
        del t["signed_minutes"]
    signoff = SupervisionSignoff(
        supervisor=caller.username,
        month=month,
        total_minutes=sum(r.minutes for r in rows),
        trainees=per_trainee,
        signed_at=utcnow(),
    )
    session.add(signoff)
    session.flush()
    return {
        "supervisor": signoff.supervisor,
        "month": month,
        "total_minutes": signoff.total_minutes,
        "trainees": per_trainee,
        "signed_at": signoff.signed_at,
    }


# --- CSV ---


def _cell(value: str) -> str:
    # A spreadsheet would run a cell that starts like a formula; notes are free text.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def export_csv(
    session: Session,
    caller: Caller,
    month: str | None = None,
    trainee: str | None = None,
    delimiter: str = ",",
) -> bytes:
    """The visible sessions as CSV in UTF-8 with a BOM (Excel then reads Cyrillic right).

    One row per participant, so each trainee's note sits in their own row. A trainee gets
    only their own rows; readers of everyone get no notes columns at all.
    """
    rows = sorted(_rows(session, caller, month, trainee), key=lambda r: (r.held_on, r.id))
    with_notes = not caller.reads_all
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS + (CSV_NOTE_COLUMNS if with_notes else []))
    for r in rows:
        shared = r.group_notes if sees_group_notes(caller, r) else ""
        cases = "; ".join(f"{c.course}/{c.assignment}" for c in r.cases)
        for p in r.participants:
            if trainee and p.trainee != trainee:
                continue
            if not (caller.reads_all or caller.username in (r.supervisor, p.trainee)):
                continue  # another trainee's row of a group session
            line = [
                str(r.id),
                r.held_on.isoformat(),
                r.supervisor,
                r.kind,
                str(r.minutes),
                p.trainee,
                f"{p.confirmed_at:%Y-%m-%d}" if p.confirmed_at else "",
                cases,
            ]
            if with_notes:
                line += [shared, p.note if sees_note(caller, r, p) else ""]
            writer.writerow([_cell(v) for v in line])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
