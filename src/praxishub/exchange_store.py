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
import io
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from praxishub.db import ExchangeItem, utcnow
from praxishub.errors import PraxisError, Problem

AREAS = ("outbound", "inbound", "feedback")
MAX_BYTES = 50 * 2**20  # a zip of a course's notebooks; a person's data set has no place here
MAX_MEMBERS = 2_000  # files and folders in one zip
MAX_UNPACKED = 200 * 2**20  # bytes of one zip, unpacked: a zip bomb stops here
MAX_SUBMISSIONS = 100  # of one assignment by one trainee
MAX_PATH = 1_000  # characters of a member's name; each part at most 255 bytes, as on disk
# What reading a damaged or hostile zip raises (found by fuzzing zipfile).
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, NotImplementedError, RuntimeError)
UNZIPPABLE = "zip only the assignment's folder, as nbgrader's exchange does"
ASSIGNMENT = r"[A-Za-z0-9][A-Za-z0-9._-]{0,199}"
STUDENT = r"[A-Za-z0-9][A-Za-z0-9._-]{0,39}"
INBOUND = re.compile(rf"({STUDENT})\+({ASSIGNMENT})\+([^+/\\]{{1,60}})(\+[A-Za-z0-9_-]{{1,40}})?")
FEEDBACK = re.compile(r"[0-9a-f]{32,64}\.html")


class ExchangeError(PraxisError):
    """An exchange item cannot be stored or found as asked."""


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
        if find(session, course, "outbound", parsed.assignment) is None:
            raise ExchangeError(
                f"{parsed.assignment} is not released in {course}.",
                [Problem("name", name, "submit an assignment that was released")],
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


def check_zip(name: str, data: bytes) -> None:
    """Refuse bytes that are not a zip, or a zip the graders could not unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            members = z.infolist()
    except DAMAGED as exc:
        raise ExchangeError(
            f"{name} cannot be read as a zip ({exc}).", [Problem("body", name, UNZIPPABLE)]
        ) from None
    check_members(name, members)


def check_members(name: str, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip whose members could not all be unpacked inside one folder: too many,
    too big in all (as their headers say, which may lie: the unpacking counts again), or
    one that is unsafe (``unsafe``) or a file where another member needs a folder."""
    if len(members) > MAX_MEMBERS:
        raise ExchangeError(
            f"{name} holds {len(members)} files.",
            [Problem("body", name, f"keep the assignment's folder under {MAX_MEMBERS} files")],
        )
    files = {m.filename for m in members if not m.is_dir()}
    for member in members:
        why = unsafe(member)  # first: it bounds the path walked next
        path = member.filename  # a folder's entry ends in "/": it is checked too
        if why is None and any(path[:i] in files for i, c in enumerate(path) if c == "/"):
            why = "needs a folder where this zip has a file"
        if why is not None:
            raise ExchangeError(
                f"{name} has a file that cannot be unpacked: it {why}.",
                [Problem("body", f"{name}: {member.filename}", UNZIPPABLE)],
            )
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_UNPACKED:
        raise ExchangeError(
            f"{name} unpacks to {unpacked / 2**20:.1f} MB.",
            [Problem("body", name, f"keep the unpacked folder under {MAX_UNPACKED // 2**20} MB")],
        )


def unsafe(member: zipfile.ZipInfo) -> str | None:
    """Why a member may not be unpacked (completing "it ..."), or None: only plain relative
    paths, no links, nothing the graders' zipfile cannot read."""
    name = member.filename
    parts = (name[:-1] if name.endswith("/") else name).split("/")
    if stat.S_ISLNK(member.external_attr >> 16):
        return "is a symbolic link"
    if "\\" in name:
        return "has a backslash in its path"
    if name.startswith("/") or re.match(r"[A-Za-z]:", name):
        return "has an absolute path"
    if ".." in parts:
        return "climbs out of its folder (..)"
    if "" in parts or "." in parts:
        return "has an empty or '.' part in its path"
    if len(name) > MAX_PATH or any(len(p.encode()) > 255 for p in parts):
        return "has too long a path"
    if member.flag_bits & 0x61:  # encrypted, or patched data: zipfile cannot read them
        return "is encrypted"
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "is compressed in a way other than deflate"
    return None


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


def newest(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Of listed submissions, each trainee's newest per assignment (by when it was stored).

    nbgrader collects only the latest submission of each trainee, so nothing else is
    fetched: a trainee's many submissions cost the grader one unpacking, not a hundred.
    """
    kept: dict[tuple[str | None, str | None], dict[str, Any]] = {}
    for item in items:
        key = (item.get("owner"), item.get("assignment"))
        if key not in kept or (item["created"], item["name"]) > (
            kept[key]["created"],
            kept[key]["name"],
        ):
            kept[key] = item
    return sorted(kept.values(), key=lambda i: i["name"])
