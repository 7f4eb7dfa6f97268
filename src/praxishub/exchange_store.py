"""The nbgrader exchange kept in the programme database (no shared filesystem).

Rule: three areas per course. ``outbound``: a released assignment, one zip per
assignment, written by the course's graders, read by its trainees. ``inbound``: a
trainee's submission, one zip per submission, named as nbgrader names them
(``student+assignment+timestamp[+random]``); only the trainee it names may write it,
only its owner and the graders may read it, and it is never replaced. ``feedback``: one
file per notebook (``<hash>.html``, as nbgrader addresses it), written by the graders
for one trainee, whom alone it is readable by. Who may do what is decided by the
service's handlers; here each name and size is checked and each write is one
transaction. The graders unpack every zip, so a zip is stored only if nothing in it
could stop that (see ``check_members``), and a trainee keeps at most
``MAX_SUBMISSIONS`` of an assignment.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from praxishub.db import ExchangeItem, utcnow
from praxishub.errors import Problem
from praxishub.exchange_zips import (  # noqa: F401 (the store's own names, as before)
    DAMAGED,
    MAX_MEMBERS,
    MAX_PATH,
    MAX_UNPACKED,
    UNZIPPABLE,
    ExchangeError,
    check_members,
    check_zip,
    newest,
    unsafe,
)

AREAS = ("outbound", "inbound", "feedback")
MAX_BYTES = 50 * 2**20  # a zip of a course's notebooks; a person's data set has no place here
MAX_SUBMISSIONS = 100  # of one assignment by one trainee
ASSIGNMENT = r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}"
STUDENT = r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}"
INBOUND = re.compile(rf"({STUDENT})\+({ASSIGNMENT})\+([^+/\\]{{1,60}})(\+[A-Za-z0-9_-]{{1,40}})?")
FEEDBACK = re.compile(r"[0-9a-f]{32,64}\.html")


@dataclass(frozen=True)
class Name:
    """What an item's name says: its assignment and (inbound) its student."""

    assignment: str
    student: str | None = None


def parse(area: str, name: str, assignment: str | None = None) -> Name:
    """Check an item's name for its area; what it names. Feedback names only a hash, so
    its assignment is given."""
    if area not in AREAS:
        raise ExchangeError(
            f"No exchange area {area!r}.", [Problem("area", area, "use " + ", ".join(AREAS))]
        )
    if area == "outbound" and re.fullmatch(ASSIGNMENT, name):
        return Name(name)
    if area == "inbound" and (m := INBOUND.fullmatch(name)):
        return Name(m.group(2), m.group(1))
    if area == "feedback" and FEEDBACK.fullmatch(name):
        if not assignment or not re.fullmatch(ASSIGNMENT, assignment):
            raise ExchangeError(
                "Feedback needs its assignment.",
                [Problem("assignment", str(assignment), "give the assignment's id")],
            )
        return Name(assignment)
    shapes = {
        "outbound": "the assignment's id (letters, digits, . _ -)",
        "inbound": "student+assignment+timestamp, as nbgrader names a submission",
        "feedback": "<notebook hash>.html, as nbgrader names feedback",
    }
    raise ExchangeError(
        f"{name!r} is not a name for the {area} area.", [Problem("name", name, shapes[area])]
    )


def put(
    session: Session,
    course: str,
    area: str,
    name: str,
    data: bytes,
    owner: str | None = None,
    assignment: str | None = None,
    now: datetime | None = None,
) -> ExchangeItem:
    """Store an item. Outbound and feedback replace the item of that name; a submission
    is never replaced (a second one has another timestamp). Nothing is stored if any
    check fails."""
    parsed = parse(area, name, assignment)
    if len(data) > MAX_BYTES:
        raise ExchangeError(
            f"{name} is {len(data) / 2**20:.1f} MB.",
            [Problem("body", name, f"keep an item under {MAX_BYTES // 2**20} MB")],
        )
    if area == "inbound":
        if parsed.student != owner:
            raise ExchangeError(
                f"{name} names {parsed.student}, not {owner}.",
                [Problem("name", name, "submit under your own username")],
            )
        release = find(session, course, "outbound", parsed.assignment)
        if release is None:
            raise ExchangeError(
                f"{parsed.assignment} is not released in {course}.",
                [Problem("name", name, "submit an assignment that was released")],
            )
        # An update that changes nothing holds the release's row (PostgreSQL) or the
        # database's write lock (SQLite) until this transaction ends, so that two service
        # processes cannot both count 99 submissions below and store a 101st.
        session.execute(
            update(ExchangeItem)
            .where(ExchangeItem.id == release.id)
            .values(size=ExchangeItem.size)
            .execution_options(synchronize_session=False)
        )
    row = find(session, course, area, name)
    if row is not None and area == "inbound":
        raise ExchangeError(
            f"{name} was submitted already.",
            [Problem("name", name, "submit again: nbgrader gives the new one a new timestamp")],
        )
    if area == "inbound":
        held = session.scalar(
            select(func.count())
            .select_from(ExchangeItem)
            .where(
                ExchangeItem.course == course,
                ExchangeItem.area == area,
                ExchangeItem.owner == owner,
                ExchangeItem.assignment == parsed.assignment,
            )
        )
        if held >= MAX_SUBMISSIONS:
            raise ExchangeError(
                f"{name} refused: {owner} has {held} submissions of {parsed.assignment} "
                f"in {course}, the most kept.",
                [Problem("name", name, "ask the course's trainer to clear old submissions")],
            )
    if area != "feedback":
        check_zip(name, data)
    if row is None:
        row = ExchangeItem(course=course, area=area, name=name)
        session.add(row)
    row.assignment = parsed.assignment
    row.owner = owner
    row.data = data
    row.size = len(data)
    row.sha256 = hashlib.sha256(data).hexdigest()
    row.created_at = now or utcnow()
    session.flush()
    return row


def find(session: Session, course: str, area: str, name: str) -> ExchangeItem | None:
    query = select(ExchangeItem).where(
        ExchangeItem.course == course, ExchangeItem.area == area, ExchangeItem.name == name
    )
    return session.scalars(query).first()


def listing(
    session: Session, course: str, area: str, owner: str | None = None
) -> list[dict[str, Any]]:
    """The items of an area (only ``owner``'s when given), without their data."""
    query = select(
        ExchangeItem.name,
        ExchangeItem.assignment,
        ExchangeItem.owner,
        ExchangeItem.size,
        ExchangeItem.sha256,
        ExchangeItem.created_at,
    ).where(ExchangeItem.course == course, ExchangeItem.area == area)
    if owner is not None:
        query = query.where(ExchangeItem.owner == owner)
    return [
        {
            "name": name,
            "assignment": assignment,
            "owner": who,
            "size": size,
            "sha256": sha,
            "created": created.isoformat(),
        }
        for name, assignment, who, size, sha, created in session.execute(
            query.order_by(ExchangeItem.name)
        )
    ]


def remove(session: Session, course: str, area: str, name: str) -> bool:
    row = find(session, course, area, name)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True
