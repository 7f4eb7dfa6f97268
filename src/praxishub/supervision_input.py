"""What a supervisor may send as a supervision session: pure checks, no database.

Rule: every problem with the input is reported at once, each naming its field, the bad
value and the fix; nothing here reads or writes anything.

Notes are private to the supervisor and one trainee: each participant has their own
``note``. A group session may also have ``group_notes`` (agenda, topics), which every
participant of that group reads; an individual session has none, its note is the
trainee's. Accepted shapes, so old clients keep working::

    "participants": ["tr-01"]                                    # names only
    "participants": [{"trainee": "tr-01", "note": "..."}]        # ("username" also read)
    "notes": {"tr-01": "..."}                                    # a note per trainee
    "notes": "..."                                               # individual sessions only
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from praxishub.errors import PraxisError, Problem

KINDS = ("individual", "group")
MAX_MINUTES = 600
MAX_NOTES = 20_000
MONTH = re.compile(r"^((?:19|20)\d{2})-(0[1-9]|1[0-2])$")
CONTENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$")
PARTICIPANT_KEYS = {"trainee", "username", "note", "confirmed_at"}
ONE_NOTE_EACH = (
    'give each trainee their own note: "participants": [{"trainee": "tr-01", "note": "..."}] '
    'or "notes": {"tr-01": "..."}; what every participant may read goes in "group_notes"'
)


class SupervisionError(PraxisError):
    """The input is invalid (HTTP 400)."""


@dataclass(frozen=True)
class SessionInput:
    """A checked session, as a supervisor sent it."""

    held_on: date
    minutes: int
    kind: str
    participants: tuple[str, ...]
    cases: tuple[tuple[str, str], ...]
    notes: dict[str, str]  # trainee -> the note only they and the supervisor read
    group_notes: str  # read by every participant; always "" for an individual session


def month_of(day: date) -> str:
    return day.strftime("%Y-%m")


def month_bounds(month: str) -> tuple[date, date]:
    """The first day of ``month`` and of the month after it; SupervisionError if malformed."""
    found = MONTH.match(month or "")
    if not found:
        raise SupervisionError(
            "invalid month",
            [Problem("month", f"{month!r} is not a month", "write it as YYYY-MM, e.g. 2026-11")],
        )
    year, mon = int(found[1]), int(found[2])
    return date(year, mon, 1), date(year + mon // 12, mon % 12 + 1, 1)


def parse_input(body: Any, today: date) -> SessionInput:
    """Check a session sent as JSON; every problem is named with its field and fix."""
    if not isinstance(body, dict):
        raise SupervisionError(
            "invalid session",
            [Problem("body", "is not a JSON object", 'send {"date": "2026-11-03", ...}')],
        )
    problems: list[Problem] = []
    held_on = _date(body.get("date"), today, problems)
    minutes = body.get("minutes")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MAX_MINUTES:
        problems.append(
            Problem(
                "minutes", f"{minutes!r} is not a whole number from 1 to {MAX_MINUTES}", "e.g. 50"
            )
        )
    kind = body.get("kind")
    if kind not in KINDS:
        problems.append(Problem("kind", f"{kind!r} is not a kind", "use individual or group"))
    notes = _participants(body.get("participants"), kind, problems)
    _notes(body.get("notes"), kind, notes, problems)
    group_notes = body.get("group_notes", "")
    if not _is_note(group_notes):
        problems.append(
            Problem(
                "group_notes", f"must be text of at most {MAX_NOTES} characters", "shorten them"
            )
        )
    elif group_notes and kind != "group":
        problems.append(
            Problem(
                "group_notes",
                "an individual session has no group notes: its note is the trainee's",
                'write it as the trainee\'s "note", or make it a group session',
            )
        )
    cases = _cases(body.get("cases", []), problems)
    if problems:
        raise SupervisionError("invalid session", problems)
    assert held_on is not None
    return SessionInput(
        held_on, int(minutes), str(kind), tuple(sorted(notes)), cases, notes, str(group_notes)
    )


def _is_note(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= MAX_NOTES


def _too_long(where: str) -> Problem:
    return Problem(where, f"must be text of at most {MAX_NOTES} characters", "shorten it")


def _date(value: Any, today: date, problems: list[Problem]) -> date | None:
    try:
        held_on = date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        held_on = None
    if held_on is None:
        problems.append(
            Problem("date", f"{value!r} is not a date", "write it as YYYY-MM-DD, e.g. 2026-11-03")
        )
    elif held_on > today:
        problems.append(
            Problem("date", f"{value} is in the future", "log a session after it took place")
        )
    return held_on


def _participants(value: Any, kind: Any, problems: list[Problem]) -> dict[str, str]:
    """trainee -> their note, from a list of names or of {"trainee", "note"} objects."""
    if not isinstance(value, list):
        problems.append(
            Problem(
                "participants",
                "must be a list of usernames, or of trainees with their notes",
                'e.g. ["tr-01"] or [{"trainee": "tr-01", "note": "..."}]',
            )
        )
        return {}
    found: dict[str, str] = {}
    before = len(problems)
    for i, item in enumerate(value):
        where = f"participants[{i}]"
        if isinstance(item, dict):
            unknown = sorted(set(item) - PARTICIPANT_KEYS)
            if unknown:
                problems.append(
                    Problem(where, f"has unknown keys {unknown}", 'use "trainee" and "note"')
                )
                continue
            if "trainee" in item and "username" in item:
                problems.append(Problem(where, "names the trainee twice", 'use only "trainee"'))
                continue
            name, note = item.get("trainee", item.get("username")), item.get("note", "")
        else:
            name, note = item, ""
        if not isinstance(name, str) or not name:
            problems.append(
                Problem(where, f"{item!r} names no trainee", 'e.g. "tr-01" or {"trainee": "tr-01"}')
            )
        elif name in found:
            problems.append(Problem(where, f"{name!r} is named twice", "name each trainee once"))
        elif not _is_note(note):
            problems.append(_too_long(f"{where}.note"))
        else:
            found[name] = note
    if len(problems) == before:  # after a bad entry, a count would only add noise
        _count(kind, len(found), problems)
    return found


def _count(kind: Any, n: int, problems: list[Problem]) -> None:
    if kind == "individual" and n != 1:
        problems.append(
            Problem(
                "participants",
                f"an individual session has one trainee, not {n}",
                "name one trainee, or make it a group session",
            )
        )
    elif kind == "group" and n < 2:
        problems.append(
            Problem(
                "participants",
                f"a group session has at least two trainees, not {n}",
                "name every trainee who took part, or make it an individual session",
            )
        )


def _notes(value: Any, kind: Any, found: dict[str, str], problems: list[Problem]) -> None:
    """Add the ``notes`` field's notes to ``found`` (trainee -> note), refusing clashes."""
    if value is None or value == "":
        return
    if isinstance(value, str):
        if kind == "group":
            # One text for a whole group would let every trainee read what is about another.
            problems.append(Problem("notes", "a group session has no single note", ONE_NOTE_EACH))
            return
        if len(found) != 1:
            return  # "participants" is already reported
        value = {next(iter(found)): value}
    if not isinstance(value, dict):
        problems.append(
            Problem("notes", f"{type(value).__name__} is not a note per trainee", ONE_NOTE_EACH)
        )
        return
    for name, note in value.items():
        where = f"notes.{name}"
        if name not in found:
            problems.append(
                Problem(where, f"{name!r} is not a participant", "name only the participants")
            )
        elif not _is_note(note):
            problems.append(_too_long(where))
        elif note and found[name] and note != found[name]:
            problems.append(
                Problem(
                    where,
                    f"{name!r} has a note in participants as well",
                    "send each trainee's note once",
                )
            )
        else:
            found[name] = note or found[name]


def _cases(value: Any, problems: list[Problem]) -> tuple[tuple[str, str], ...]:
    found: list[tuple[str, str]] = []
    if value is None:
        value = []
    elif not isinstance(value, list):
        value = [value]
    for i, item in enumerate(value):
        course = item.get("course") if isinstance(item, dict) else None
        assignment = item.get("assignment") if isinstance(item, dict) else None
        if not all(isinstance(v, str) and CONTENT_ID.match(v) for v in (course, assignment)):
            problems.append(
                Problem(
                    f"cases[{i}]",
                    f"{item!r} does not name a case analysis",
                    'use {"course": "school-cases", "assignment": "case-bullying-01"}',
                )
            )
        else:
            found.append((str(course), str(assignment)))
    return tuple(sorted(set(found)))
