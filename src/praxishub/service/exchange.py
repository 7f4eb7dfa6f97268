"""The nbgrader exchange as a programme API, for deployments with no shared filesystem.

Rule: thin handlers; who calls is the hub's answer for their token, never a name they
send. A course's graders (its grading service ``grader-<id>``, or a trainer who teaches
it) write and read everything of the course. A trainee reads the released assignments,
writes only submissions named after themselves, lists and reads only their own
submissions and feedback: each trainee has a personal inbound. A course listed for some
cohorts (``courses[].cohorts``) is open to the trainees of those cohorts only, as the
roster in the programme database says now; to anyone else it does not exist (404). Items are bytes
(``application/octet-stream``); listings are JSON. Storage is
``praxishub.exchange_store``.
"""

from __future__ import annotations

from typing import Any

from jupyterhub.utils import url_path_join
from tornado import web

from praxishub import db
from praxishub import exchange_store as store
from praxishub.service.app import BaseHandler

LEARN = "custom:praxis:learn"
COURSE = r"([A-Za-z0-9][A-Za-z0-9_-]{0,39})"
AREA = r"(outbound|inbound|feedback)"
NAME = r"([^/]{1,300})"


class ExchangeBase(BaseHandler):
    def check_xsrf_cookie(self) -> None:
        if not self.request.headers.get("Authorization"):
            super().check_xsrf_cookie()  # token calls cannot be forged by a browser

    def courses(self) -> set[str]:
        settings = self.application.settings
        return set(settings.get("desks") or {}) | {
            c for taught in (settings.get("teaching") or {}).values() for c in taught
        }

    def who(self, course: str, reading: bool = False) -> tuple[dict[str, Any], bool]:
        """The caller and whether they grade the course; 404 for a course not here, or
        not for a trainee's cohort. The course's live autograder (``autograde-<id>``)
        grades too, but only reads."""
        if course not in self.courses():
            raise web.HTTPError(404, f"no course {course} in this programme")
        model = self.caller()
        if model.get("kind") == "service":
            graders = {f"grader-{course}", *([f"autograde-{course}"] if reading else [])}
            return model, model["name"] in graders
        teaching = self.application.settings.get("teaching") or {}
        grader = course in teaching.get(model["name"], [])
        if not grader and course not in self.courses_open_to(str(model["name"]), {course}):
            raise web.HTTPError(404, f"no course {course} for your cohort")
        return model, grader

    def may_read(self, model: dict[str, Any], grader: bool, area: str) -> str | None:
        """None: everything of the area; a username: only that person's items."""
        if grader:
            return None
        if not self.has_scope(model, LEARN) or model.get("kind") == "service":
            raise web.HTTPError(403, "the exchange is for the course's trainees and graders")
        return None if area == "outbound" else str(model["name"])

    def refuse(self, exc: store.ExchangeError, status: int = 400) -> None:
        problems = [{"where": p.where, "message": p.message, "fix": p.fix} for p in exc.problems]
        self.write_json({"status": status, "message": str(exc), "problems": problems}, status)


class CoursesHandler(ExchangeBase):
    """GET: the courses whose exchange one may use (a trainee: those open to their cohort)."""

    def get(self) -> None:
        model = self.caller()
        teaching = self.application.settings.get("teaching") or {}
        if model.get("kind") == "service":
            mine = {c for c in self.courses() if model["name"] in (f"grader-{c}", f"autograde-{c}")}
        elif self.has_scope(model, LEARN):
            mine = self.courses_open_to(str(model["name"]), self.courses())
            mine |= set(teaching.get(model["name"], [])) & self.courses()
        else:
            mine = set(teaching.get(model["name"], [])) & self.courses()
        self.write_json({"courses": sorted(mine)})


class AreaHandler(ExchangeBase):
    """GET: the items of an area one may see (name, assignment, owner, size, sha256)."""

    def get(self, course: str, area: str) -> None:
        model, grader = self.who(course, reading=True)
        owner = self.may_read(model, grader, area)
        with db.session_scope(self.engine) as session:
            items = store.listing(session, course, area, owner)
        self.write_json({"course": course, "area": area, "items": items})


class ItemHandler(ExchangeBase):
    """GET an item's bytes; PUT one (graders: outbound and feedback; a trainee: their own
    submission); DELETE a released assignment (graders)."""

    def get(self, course: str, area: str, name: str) -> None:
        model, grader = self.who(course, reading=True)
        owner = self.may_read(model, grader, area)
        with db.session_scope(self.engine) as session:
            row = store.find(session, course, area, name)
            if row is None or (owner is not None and row.owner != owner):
                raise web.HTTPError(404, f"no {area} item {name} of yours in {course}")
            data = bytes(row.data)
            sha = row.sha256
        self.set_header("Content-Type", "application/octet-stream")
        self.set_header("X-Content-SHA256", sha)
        self.finish(data)

    def put(self, course: str, area: str, name: str) -> None:
        model, grader = self.who(course)
        owner: str | None = None
        if area == "inbound":
            if model.get("kind") == "service" or not self.has_scope(model, LEARN):
                raise web.HTTPError(403, "only a trainee submits, under their own name")
            owner = str(model["name"])
        elif not grader:
            raise web.HTTPError(403, f"only the course's graders write its {area} area")
        elif area == "feedback":
            owner = self.get_argument("student", "") or None
            if owner is None:
                raise web.HTTPError(400, "feedback needs ?student=<the trainee it is for>")
        try:
            with db.session_scope(self.engine) as session:
                row = store.put(
                    session,
                    course,
                    area,
                    name,
                    self.request.body,
                    owner=owner,
                    assignment=self.get_argument("assignment", None),
                )
                answer = {"name": row.name, "size": row.size, "sha256": row.sha256}
        except store.ExchangeError as exc:
            status = 409 if "submitted already" in str(exc) else 400
            self.refuse(exc, status)
            return
        self.write_json(answer, 201)

    def delete(self, course: str, area: str, name: str) -> None:
        _model, grader = self.who(course)
        if area != "outbound" or not grader:
            raise web.HTTPError(403, "only the course's graders withdraw a released assignment")
        with db.session_scope(self.engine) as session:
            if not store.remove(session, course, area, name):
                raise web.HTTPError(404, f"{name} is not released in {course}")
        self.set_status(204)
        self.finish()


def routes(prefix: str, args: dict[str, Any]) -> list[tuple[str, type, dict[str, Any]]]:
    return [
        (url_path_join(prefix, "api/exchange/?"), CoursesHandler, args),
        (url_path_join(prefix, f"api/exchange/{COURSE}/{AREA}"), AreaHandler, args),
        (url_path_join(prefix, f"api/exchange/{COURSE}/{AREA}/{NAME}"), ItemHandler, args),
    ]
