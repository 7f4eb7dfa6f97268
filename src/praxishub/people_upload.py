"""A roster file uploaded in the browser: read it, check it, and apply it or not.

Rule: the same reading (``praxishub.roster``) and the same rules
(``people.import_rows``) as ``praxishub people import``, in one transaction: a dry
run, or a file with any invalid row, rolls back and changes nothing. The answer says
row by row what changes, and which supervisors are assigned, so a person can check it
before applying it.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from praxishub import db, people, roster
from praxishub.db import Person
from praxishub.errors import Problem
from praxishub.roster import RosterRow

MAX_BYTES = 5 * 1024 * 1024
SHOWN = ("full_name", "email", "role", "cohort", "supervisor")
DECLARED_FIX = (
    "praxishub.yaml declares these people too, and the programme service applies it again "
    "at every start: change them there as well, or the settings file wins"
)


class _Rollback(Exception):
    def __init__(self, answer: dict[str, Any]) -> None:
        self.answer = answer


def upload_name(name: str) -> str:
    """The file's own name, without any folder a browser or a person put before it."""
    return PurePosixPath(str(name).replace("\\", "/")).name[-200:] or "roster.csv"


def problem_dicts(problems: list[Problem], source: str) -> list[dict[str, str]]:
    """Problems sorted by line, each naming the file (if any) as the CLI prints them."""

    def line(p: Problem) -> int:
        digits = p.where.rsplit("line ", 1)[-1].split(",")[0]
        return int(digits) if digits.isdigit() else 0

    return [
        {
            "where": p.where if not source or source in p.where else f"{source}, {p.where}",
            "message": p.message,
            "fix": p.fix,
        }
        for p in sorted(problems, key=line)
    ]


def import_upload(
    engine: Engine,
    data: bytes,
    file_name: str,
    *,
    dry_run: bool = True,
    declared: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """Check (and unless ``dry_run``, apply) an uploaded roster; raise RosterError if the
    file cannot be read at all. ``declared``: usernames praxishub.yaml lists."""
    source = upload_name(file_name)
    rows, problems = roster.read_roster_bytes(data, source, PurePosixPath(source).suffix)
    try:
        with db.session_scope(engine) as session:
            before = _snapshot(session, rows)
            report = people.import_rows(session, rows, problems, skip_invalid=False)
            answer = describe(rows, before, report, source, declared)
            answer["applied"] = not dry_run and not report.rejected
            if not answer["applied"]:
                raise _Rollback(answer)
    except _Rollback as rollback:
        answer = rollback.answer
    answer["dry_run"] = dry_run
    return answer


def _snapshot(session: Session, rows: list[RosterRow]) -> dict[str, dict[str, object]]:
    found = {}
    for row in rows:
        person = session.get(Person, row.username)
        if person is not None:
            found[row.username] = person.as_dict()
    return found


def describe(
    rows: list[RosterRow],
    before: dict[str, dict[str, object]],
    report: people.ImportReport,
    source: str,
    declared: frozenset[str] = frozenset(),
) -> dict[str, Any]:
    """The answer of an import: counts, each row's action and changes, the supervisor
    assignments, and the problems (if any, nothing is applied)."""
    action = {u: "created" for u in report.created}
    action.update({u: "updated" for u in report.updated})
    action.update({u: "unchanged" for u in report.unchanged})
    listed, assignments = [], []
    for row in rows:
        now = {
            "full_name": row.full_name,
            "email": row.email,
            "role": row.role,
            "cohort": row.cohort,
            "supervisor": row.supervisor,
        }
        was = before.get(row.username, {})
        changes = {f: [was.get(f), now[f]] for f in SHOWN if was and was.get(f) != now[f]}
        listed.append(
            {
                "line": row.line,
                "username": row.username,
                **now,
                "action": action.get(row.username, ""),  # "": a file with problems
                "changes": changes,
            }
        )
        if row.supervisor != was.get("supervisor"):
            assignments.append(
                {
                    "username": row.username,
                    "full_name": row.full_name,
                    "supervisor": row.supervisor,
                    "was": was.get("supervisor"),
                }
            )
    also = sorted(declared & {r.username for r in rows})
    return {
        "file": source,
        "created": len(report.created),
        "updated": len(report.updated),
        "unchanged": len(report.unchanged),
        "rows": listed,
        "supervisors": assignments,
        "problems": problem_dicts(report.rejected, source),
        "declared": {"usernames": also, "fix": DECLARED_FIX} if also else None,
    }
