"""CPD certificates: who has earned one, the verification code, and what is printed.

Rule: pure functions on plain data. A trainee has earned a course's certificate when
they were present at no less than ``certificates.attendance_share`` of the course's
webinars and passed every assignment of the course they were given: a score of at
least ``certificates.pass_share`` of its maximum, with nothing left for a person to
grade. The CPD hours are those of the webinars they were present at. Reading the
database is ``praxishub.certificate_store``; drawing the PDF is ``certificate_pdf``.
"""

from __future__ import annotations

import hashlib
import json
import math
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from praxishub.settings import Settings

# Crockford's base32: no I, L, O or U, so a code read aloud or typed is not misread.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
# 16 characters are 80 bits. The check endpoint has no rate limit, so the codes alone
# must make guessing hopeless: at 1,000 guesses a second for a year against 100,000
# certificates, the chance of hitting any one is about 3 in 10 million.
CODE_LENGTH = 16
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})
EPSILON = 1e-9  # shares and scores are floats: 0.6 * 10 must still pass with 6 points

PASSED, FAILED, WAITING, MISSING = "passed", "failed", "waiting", "missing"


@dataclass(frozen=True)
class Webinar:
    id: str
    title: dict[str, str]
    starts: datetime
    duration_minutes: int
    cpd_hours: float

    def title_in(self, lang: str) -> str:
        return localised(self.title, lang, self.id)


@dataclass(frozen=True)
class Course:
    """What certificates and reports need of a course.yaml (and its case assignments)."""

    id: str
    title: dict[str, str]
    webinars: tuple[Webinar, ...]
    case_assignments: tuple[str, ...] = ()

    @property
    def assignments(self) -> tuple[str, ...]:
        """Every assignment of the course: one per webinar, then the case analyses."""
        return tuple(w.id for w in self.webinars) + tuple(
            a for a in self.case_assignments if a not in {w.id for w in self.webinars}
        )

    def title_in(self, lang: str) -> str:
        return localised(self.title, lang, self.id)


def course_from_spec(spec: dict[str, Any], case_assignments: list[str] | None = None) -> Course:
    """A Course from a validated course.yaml (``courses.load_course``)."""
    return Course(
        id=spec["id"],
        title=dict(spec["title"]),
        webinars=tuple(
            Webinar(
                id=w["id"],
                title=dict(w.get("title") or {}),
                starts=datetime.fromisoformat(str(w["starts"])),
                duration_minutes=int(w["duration_minutes"]),
                cpd_hours=float(w["cpd_hours"]),
            )
            for w in spec["webinars"]
        ),
        case_assignments=tuple(case_assignments or ()),
    )


def localised(texts: dict[str, str], lang: str, fallback: str) -> str:
    """The text in ``lang``, else English, else Russian, else any, else ``fallback``."""
    for key in (lang, "en", "ru"):
        if texts.get(key):
            return texts[key]
    return next((v for v in texts.values() if v), fallback)


@dataclass(frozen=True)
class Rules:
    attendance_share: float = 0.75
    pass_share: float = 0.6


def rules_of(settings: Settings) -> Rules:
    values = settings["certificates"]
    return Rules(float(values["attendance_share"]), float(values["pass_share"]))


@dataclass(frozen=True)
class Submission:
    """A trainee's submission as the gradebook last reported it (the submission index)."""

    assignment: str
    score: float
    max_score: float
    needs_manual: int = 0


@dataclass(frozen=True)
class Eligibility:
    course: str
    username: str
    eligible: bool
    attended: tuple[str, ...]  # webinar ids, in course order
    webinars: int
    required: int  # webinars one must be present at
    assignments: dict[str, str]  # assignment -> passed, failed, waiting or missing
    hours: float
    reasons: tuple[str, ...] = field(default=())  # why not yet, for people to read


def required_webinars(total: int, share: float) -> int:
    """How many of ``total`` webinars reach ``share`` (exactly at the share counts)."""
    return max(0, math.ceil(share * total - EPSILON))


def assignment_status(sub: Submission | None, pass_share: float) -> str:
    if sub is None:
        return MISSING
    if sub.needs_manual > 0:
        return WAITING  # not passed until a person has graded every open answer
    if sub.score + EPSILON >= pass_share * sub.max_score:
        return PASSED
    return FAILED


def evaluate(
    course: Course,
    username: str,
    present: set[str],
    submissions: list[Submission],
    rules: Rules,
) -> Eligibility:
    """Has ``username`` earned ``course``'s certificate? (``present``: webinar ids.)"""
    attended = tuple(w.id for w in course.webinars if w.id in present)
    required = required_webinars(len(course.webinars), rules.attendance_share)
    by_assignment = {s.assignment: s for s in submissions}
    # Every assignment of the course counts, and so does any other one of this course
    # the trainee was given and submitted (a trainer's extra assignment).
    names = list(course.assignments) + sorted(set(by_assignment) - set(course.assignments))
    statuses = {a: assignment_status(by_assignment.get(a), rules.pass_share) for a in names}
    reasons = []
    if len(attended) < required:
        reasons.append(
            f"present at {len(attended)} of {len(course.webinars)} webinars; {required} needed"
        )
    for name, status in statuses.items():
        sub = by_assignment.get(name)
        if status == MISSING:
            reasons.append(f"{name}: not submitted")
        elif status == WAITING and sub is not None:
            reasons.append(f"{name}: {sub.needs_manual} answer(s) wait for a person to grade")
        elif status == FAILED and sub is not None:
            reasons.append(
                f"{name}: {sub.score:g} of {sub.max_score:g} points; "
                f"{rules.pass_share * sub.max_score:g} needed"
            )
    hours = round(sum(w.cpd_hours for w in course.webinars if w.id in present), 2)
    return Eligibility(
        course=course.id,
        username=username,
        eligible=not reasons,
        attended=attended,
        webinars=len(course.webinars),
        required=required,
        assignments=statuses,
        hours=hours,
        reasons=tuple(reasons),
    )


# --- verification codes ---


def new_code() -> str:
    """An unguessable code (normalised form: 16 characters of ALPHABET, no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str | None:
    """The code as stored, from what a person typed (any case, dashes, spaces, O for 0),
    or None if it cannot be a code."""
    code = "".join(text.split()).replace("-", "").upper().translate(_TYPOS)
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def format_code(code: str) -> str:
    """ABCD-EFGH-JKMN-PQRS: how a code is printed."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def code_hash(code: str) -> str:
    return hashlib.sha256(code.encode("ascii")).hexdigest()


def verify_base(settings: Settings) -> str:
    """The URL printed on certificates, to which the code is appended."""
    configured = settings["certificates"]["verify_url"]
    if configured:
        return configured.rstrip("/") + "/"
    ports = settings["ports"]
    return f"http://{ports['ip']}:{ports['public']}/services/praxis/api/certificates/"


def verify_url(base: str, code: str) -> str:
    return base.rstrip("/") + "/" + format_code(code)


# --- what is printed ---


@dataclass(frozen=True)
class Printed:
    """Everything a certificate shows; its fingerprint makes issuing again a no-op."""

    full_name: str
    programme: str
    course_title: str
    lang: str
    webinars: tuple[tuple[str, str, str], ...]  # (id, title, date) attended
    hours: float
    verify_base: str

    def fingerprint(self) -> str:
        data = {
            "full_name": self.full_name,
            "programme": self.programme,
            "course_title": self.course_title,
            "lang": self.lang,
            "webinars": [list(w) for w in self.webinars],
            "hours": round(self.hours, 2),
            "verify_base": self.verify_base,
        }
        text = json.dumps(data, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()


def printed(
    course: Course,
    result: Eligibility,
    full_name: str,
    programme: str,
    lang: str,
    base: str,
) -> Printed:
    by_id = {w.id: w for w in course.webinars}
    return Printed(
        full_name=" ".join(full_name.split()),
        programme=programme,
        course_title=course.title_in(lang),
        lang=lang,
        webinars=tuple(
            (w, by_id[w].title_in(lang), by_id[w].starts.date().isoformat())
            for w in result.attended
        ),
        hours=result.hours,
        verify_base=base,
    )


def format_hours(hours: float) -> str:
    return f"{hours:g}"


def issue_date(issued_at: datetime) -> date:
    return issued_at.date()
