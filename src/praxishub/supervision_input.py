"""What a supervisor may send as a supervision session: pure checks, no database.

Rule: every problem with the input is reported at once, each naming its field, the bad
value and the fix; nothing here reads or writes anything.
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
    notes: str


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
    participants = _participants(body.get("participants"), kind, problems)
    cases = _cases(body.get("cases", []), problems)
    notes = body.get("notes", "")
    if not isinstance(notes, str) or len(notes) > MAX_NOTES:
        problems.append(
            Problem("notes", f"must be text of at most {MAX_NOTES} characters", "shorten them")
        )
    if problems:
        raise SupervisionError("invalid session", problems)
    assert held_on is not None
    return SessionInput(held_on, int(minutes), str(kind), participants, cases, str(notes))


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


def _participants(value: Any, kind: Any, problems: list[Problem]) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        problems.append(
            Problem("participants", "must be a list of usernames", 'e.g. ["trainee-01"]')
        )
        return ()
    names = tuple(sorted(set(value)))
    if kind == "individual" and len(names) != 1:
        problems.append(
            Problem(
                "participants",
                f"an individual session has one trainee, not {len(names)}",
                "name one trainee, or make it a group session",
            )
        )
    elif kind == "group" and len(names) < 2:
        problems.append(
            Problem(
                "participants",
                f"a group session has at least two trainees, not {len(names)}",
                "name every trainee who took part, or make it an individual session",
            )
        )
    return names


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
