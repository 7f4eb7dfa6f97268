"""People of a programme: the roster in the programme database.

Rule: the roster changes only inside one transaction per operation, and an
import that finds any invalid row changes nothing unless told to skip the
invalid rows. Applying the same input twice changes nothing the second time.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import bcrypt
from sqlalchemy import select
from sqlalchemy.orm import Session

from praxishub.db import Cohort, Person
from praxishub.errors import PraxisError, Problem

if TYPE_CHECKING:
    from praxishub.roster import RosterRow

SUPERVISING_ROLES = ("supervisor", "trainer")
FIELDS = ("full_name", "email", "role", "cohort_id", "supervisor")


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)


def groups_for(person: Person, teaches: Sequence[str] = ()) -> list[str]:
    """The JupyterHub groups of a person: their role, their cohort, the courses they teach."""
    groups = [f"role-{person.role}"]
    if person.cohort_id:
        groups.append(f"cohort-{person.cohort_id}")
    if person.role == "trainer":
        groups.extend(f"course-{course}-trainers" for course in teaches)
    return groups


def sync_settings(session: Session, settings_values: dict[str, Any]) -> ImportReport:
    """Upsert the cohorts and people that praxishub.yaml declares."""
    for c in settings_values["cohorts"]:
        cohort = session.get(Cohort, c["id"]) or Cohort(id=c["id"])
        cohort.name = c["name"]
        cohort.language = c.get("language")
        session.add(cohort)
    session.flush()
    wanted = [
        {
            "username": p["username"],
            "full_name": p["full_name"],
            "email": p["email"],
            "role": p["role"],
            "cohort_id": p.get("cohort"),
            "supervisor": p.get("supervisor"),
        }
        for p in settings_values["people"]
    ]
    return _upsert(session, wanted, ImportReport())


def import_rows(
    session: Session, rows: list[RosterRow], problems: list[Problem], *, skip_invalid: bool
) -> ImportReport:
    """Check rows against the roster and apply them; on any problem apply nothing
    unless ``skip_invalid``. The caller's transaction commits or rolls back."""
    report = ImportReport(rejected=list(problems))
    cohorts = set(session.scalars(select(Cohort.id)))
    existing = {p.username: p for p in session.scalars(select(Person))}
    by_email = {p.email.casefold(): p.username for p in existing.values()}
    in_file = {r.username: r for r in rows}
    valid: list[RosterRow] = []
    for row in rows:
        where = f"{row.line}"
        errors: list[tuple[str, str]] = []
        if row.cohort is not None and row.cohort not in cohorts:
            errors.append(
                (
                    f"cohort {row.cohort!r} does not exist",
                    "add it under `cohorts:` in praxishub.yaml, or use one of: "
                    + (", ".join(sorted(cohorts)) or "(none defined yet)"),
                )
            )
        if row.supervisor is not None:
            sup_role = (
                in_file[row.supervisor].role
                if row.supervisor in in_file
                else existing[row.supervisor].role
                if row.supervisor in existing
                else None
            )
            if sup_role is None:
                errors.append(
                    (
                        f"supervisor {row.supervisor!r} is nobody in the roster or this file",
                        "add that supervisor first (or in this file), or correct the username",
                    )
                )
            elif sup_role not in SUPERVISING_ROLES:
                errors.append(
                    (
                        f"supervisor {row.supervisor!r} has role {sup_role!r}",
                        "name a person whose role is supervisor or trainer",
                    )
                )
        owner = by_email.get(row.email.casefold())
        if owner is not None and owner != row.username:
            errors.append(
                (
                    f"e-mail {row.email!r} already belongs to {owner!r}",
                    "use this person's own e-mail",
                )
            )
        if errors:
            report.rejected.append(
                Problem(
                    f"line {where}",
                    "; ".join(m for m, _ in errors),
                    "; ".join(f for _, f in errors),
                )
            )
        else:
            valid.append(row)
    if report.rejected and not skip_invalid:
        return report
    # A rejected supervisor row must not leave its supervisees pointing at nobody.
    kept = {r.username for r in valid} | set(existing)
    wanted = [
        {
            "username": r.username,
            "full_name": r.full_name,
            "email": r.email,
            "role": r.role,
            "cohort_id": r.cohort,
            "supervisor": r.supervisor,
        }
        for r in valid
        if r.supervisor is None or r.supervisor in kept
    ]
    return _upsert(session, wanted, report)


def _upsert(session: Session, wanted: list[dict[str, Any]], report: ImportReport) -> ImportReport:
    # Supervisors are set in a second pass so that rows may name people who come later.
    new_role: list[str] = []
    for values in wanted:
        person = session.get(Person, values["username"])
        if person is None:
            session.add(Person(**{**values, "supervisor": None}))
            report.created.append(values["username"])
        elif any(getattr(person, f) != values[f] for f in FIELDS):
            if person.role != values["role"]:
                new_role.append(person.username)
            for f in FIELDS:
                if f != "supervisor":
                    setattr(person, f, values[f])
            report.updated.append(values["username"])
        else:
            report.unchanged.append(values["username"])
    session.flush()
    if new_role:  # progress totals are kept for trainees only: recount theirs
        from praxishub.desk import refresh_totals

        refresh_totals(session, sorted(new_role))
    for values in wanted:
        person = session.get(Person, values["username"])
        assert person is not None
        if person.supervisor != values["supervisor"]:
            person.supervisor = values["supervisor"]
    session.flush()
    return report


def set_password(session: Session, username: str, password: str) -> None:
    person = session.get(Person, username)
    if person is None:
        raise KeyError(username)
    person.password_hash = bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds=10)).decode()


FIRST_PASSWORDS_AT_ONCE = 500


def first_passwords(
    session: Session, usernames: list[str] | None
) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
    """Make up a password for each of these people who has none yet (everyone active
    without one, if None): (issued: username, full_name, password; skipped: username,
    reason). A password already set is never replaced here: a reset takes
    ``praxishub people set-password`` on the server, so nobody's account in use can be
    taken over from the browser."""
    if usernames is None:
        found = session.scalars(
            select(Person)
            .where(Person.password_hash.is_(None), Person.active.is_(True))
            .order_by(Person.username)
        ).all()
        wanted = [p.username for p in found]
    else:
        wanted = list(dict.fromkeys(usernames))
    if len(wanted) > FIRST_PASSWORDS_AT_ONCE:
        raise PraxisError(
            f"{len(wanted)} people at once; at most {FIRST_PASSWORDS_AT_ONCE}: "
            "send them in smaller groups"
        )
    issued: list[dict[str, str]] = []
    skipped: list[dict[str, str]] = []
    for username in wanted:
        person = session.get(Person, username)
        if person is None:
            skipped.append({"username": username, "reason": "not in the roster"})
        elif not person.active:
            skipped.append({"username": username, "reason": "inactive"})
        elif person.password_hash:
            skipped.append({"username": username, "reason": "has a password already"})
        else:
            password = new_password()
            set_password(session, username, password)
            issued.append(
                {"username": username, "full_name": person.full_name, "password": password}
            )
    return issued, skipped


AT_ONCE = FIRST_PASSWORDS_AT_ONCE


def set_active(
    session: Session, usernames: list[str], active: bool
) -> tuple[list[str], list[dict[str, str]]]:
    """Deactivate (or reactivate) these people: (changed, skipped: username, reason).

    Someone who leaves the programme is deactivated, never deleted: their submissions,
    grades, attendance and certificates stay for the programme's records, while the hub
    refuses their logins, logs them out at the next refresh, and the programme service
    answers their requests as for someone not in the roster. A roster import or a
    restart does not reactivate anyone; only ``set_active(..., True)`` does."""
    wanted = list(dict.fromkeys(usernames))
    if len(wanted) > AT_ONCE:
        raise PraxisError(f"{len(wanted)} people at once; at most {AT_ONCE}: send fewer")
    changed: list[str] = []
    skipped: list[dict[str, str]] = []
    for username in wanted:
        person = session.get(Person, username)
        if person is None:
            skipped.append({"username": username, "reason": "not in the roster"})
        elif person.active == active:
            skipped.append(
                {"username": username, "reason": "active already" if active else "inactive already"}
            )
        else:
            person.active = active
            changed.append(username)
    session.flush()
    return changed, skipped


def new_password() -> str:
    """A password a person can type: four groups of lowercase letters and digits."""
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(4))


def check_password(person: Person | None, password: str) -> bool:
    # Compare against a dummy hash for unknown people so timing does not tell who exists.
    stored = person.password_hash if person and person.password_hash and person.active else None
    candidate = stored or "$2b$10$" + "a" * 53
    try:
        ok = bcrypt.checkpw(password.encode(), candidate.encode())
    except ValueError:
        return False
    return ok and stored is not None


def get(session: Session, username: str) -> Person | None:
    person = session.get(Person, username)
    return person if person is not None and person.active else None


def visible_people(session: Session, viewer: Person, *, sees_everyone: bool) -> list[Person]:
    """Who ``viewer`` may list: everyone (coordinators) or their own supervisees."""
    query = select(Person).where(Person.active.is_(True)).order_by(Person.username)
    if not sees_everyone:
        query = query.where(Person.supervisor == viewer.username)
    return list(session.scalars(query))
