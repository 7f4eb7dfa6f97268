"""The grading desk's API in the programme service.

Rule: thin handlers. The desk needs ``custom:praxis:grade`` (a trainee gets 403), and a
submission is reachable only by the supervisor of its trainee: anything else is 404, as
if it did not exist. Gradebooks are reached only through each course's desk extension
(praxishub.desk_server), with the service's own token; the index, desk grades and comment
banks live in the programme database (praxishub.desk).
"""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import urlencode

from tornado import web
from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest

from praxishub import db, desk, people
from praxishub.autograder import STILL_GRADING
from praxishub.service.app import BaseHandler

log = logging.getLogger("praxishub.service.desk")
GRADE = "custom:praxis:grade"
EVERYONE = ("custom:praxis:people:read", "custom:praxis:dashboards:present")


class CourseUnavailable(Exception):
    """A course's grading service did not answer."""


def _message(exc: HTTPClientError) -> str | None:
    """The message of a course's error answer, if it has one."""
    try:
        return str(json.loads(exc.response.body)["message"])  # type: ignore[union-attr]
    except (AttributeError, ValueError, KeyError, TypeError):
        return None


async def call_course(base: str, token: str, method: str, path: str, body: Any = None) -> Any:
    """A call to the course desk extension at ``base``; 404 as web.HTTPError(404), 409 (the
    submission is being autograded) as web.HTTPError(409), any other failure as
    CourseUnavailable."""
    request = HTTPRequest(
        base.rstrip("/") + "/" + path,
        method=method,
        headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
        body=None if body is None else json.dumps(body),
        request_timeout=120,
    )
    try:
        response = await AsyncHTTPClient().fetch(request)
    except HTTPClientError as exc:
        if exc.code == 404:
            raise web.HTTPError(404, "no such submission") from None
        if exc.code == 409:  # being autograded, or autograding stopped: the course says
            raise web.HTTPError(409, _message(exc) or STILL_GRADING) from None
        log.warning("desk of %s answered %s: %s", base, exc.code, exc)
        raise CourseUnavailable(base) from None
    except OSError as exc:
        log.warning("desk of %s did not answer: %s", base, exc)
        raise CourseUnavailable(base) from None
    return json.loads(response.body)


async def settle_pending(
    engine: Any,
    desks: dict[str, str],
    token: str,
    age_s: float,
    only: set[tuple[Any, ...]] | None = None,
) -> int:
    """Finish the desk saves a crash cut off (claimed over ``age_s`` ago, never confirmed;
    with ``only``, just those (key, version) pairs).

    A pending save's points and comments are written to the course gradebook again (the
    write is idempotent): then it is confirmed. A course that refuses it (the submission
    is gone) gets the desk state before it back. A course that does not answer keeps it
    pending for the next round. Returns how many are still pending."""
    from datetime import timedelta

    with db.session_scope(engine) as session:
        saves = desk.pending_saves(session, db.utcnow() - timedelta(seconds=age_s))
    if only is not None:
        saves = [s for s in saves if (*s["key"], s["version"]) in only]
    settled = 0
    for save in saves:
        course, assignment, trainee = save["key"]
        if course not in desks:
            continue
        try:
            written = await call_course(
                desks[course], token, "POST", f"grades/{assignment}/{trainee}", save["write"]
            )
        except CourseUnavailable:
            continue
        except web.HTTPError:  # the submission is gone: the save cannot have happened
            with db.session_scope(engine) as session:
                desk.release_claim(session, save["key"], save["version"] - 1, save["before"])
            settled += 1
            continue
        with db.session_scope(engine) as session:
            desk.sync(session, course, [written["row"]])
            desk.confirm(session, save["key"], save["version"])
        log.info("desk: finished a save cut off earlier: %s/%s/%s", *save["key"])
        settled += 1
    return len(saves) - settled


class DeskBase(BaseHandler):
    def check_xsrf_cookie(self) -> None:
        if not self.request.headers.get("Authorization"):
            super().check_xsrf_cookie()  # token calls cannot be forged by a browser

    def grader(self) -> str:
        model = self.caller()
        if not self.has_scope(model, GRADE):
            raise web.HTTPError(403, "the grading desk is for supervisors and trainers")
        with db.session_scope(self.engine) as session:
            if people.get(session, model["name"]) is None:
                raise web.HTTPError(403, f"{model['name']} is not in this programme's roster")
        return str(model["name"])

    def body(self) -> dict[str, Any]:
        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "send a JSON object") from None
        if not isinstance(data, dict):
            raise web.HTTPError(400, "send a JSON object")
        return data

    @property
    def desks(self) -> dict[str, str]:
        return self.application.settings["desks"]

    async def course(self, course: str, method: str, path: str, body: Any = None) -> Any:
        """Call a course's desk extension with the service's own token."""
        if course not in self.desks:
            raise web.HTTPError(404, f"no course {course}")
        return await call_course(self.desks[course], self.service_token, method, path, body)

    def fail(self, exc: desk.DeskError) -> None:
        status = 409 if isinstance(exc, desk.Conflict) else 404
        self.write_json({"status": status, "message": str(exc)}, status)


class IndexHandler(DeskBase):
    """Where each course's desk extension reports its gradebook rows."""

    def post(self) -> None:
        model = self.caller()
        data = self.body()
        course = str(data.get("course", ""))
        if model.get("kind") != "service" or model["name"] != f"grader-{course}":
            raise web.HTTPError(403, "only the course's grading service reports its gradebook")
        rows = data.get("rows")
        if not isinstance(rows, list):
            raise web.HTTPError(400, "rows must be a list")
        with db.session_scope(self.engine) as session:
            stored = desk.sync(session, course, rows)
        self.write_json({"stored": stored}, 201)


class QueueHandler(DeskBase):
    async def get(self) -> None:
        me = self.grader()
        with db.session_scope(self.engine) as session:
            mine = [
                p.username
                for p in people.visible_people(
                    session, people.get(session, me), sees_everyone=False
                )
            ]
        stale = await self.refresh(mine)
        with db.session_scope(self.engine) as session:
            items = desk.queue(
                session,
                me,
                course=self.get_argument("course", None),
                assignment=self.get_argument("assignment", None),
                trainee=self.get_argument("trainee", None),
                follow_up=self.get_argument("follow_up", "") in ("1", "true"),
            )
        self.write_json({"queue": items, "counts": desk.counts(items), "stale": stale})

    async def refresh(self, trainees: list[str]) -> list[str]:
        """Fresh gradebook rows of these trainees from every course; the courses that did
        not answer (their rows in the queue may be out of date)."""
        if not trainees:
            return []
        stale = []
        for course in self.desks:
            try:
                got = await self.course(
                    course, "GET", "rows?" + urlencode({"students": ",".join(trainees)})
                )
            except (CourseUnavailable, web.HTTPError):
                stale.append(course)
                continue
            with db.session_scope(self.engine) as session:
                desk.sync(session, course, got["rows"])
        return stale


class SubmissionHandler(DeskBase):
    def key(self, course: str, assignment: str, trainee: str) -> tuple[str, str, str]:
        me = self.grader()
        try:
            with db.session_scope(self.engine) as session:
                desk.grader_of(session, me, course, assignment, trainee)
        except desk.DeskError as exc:
            raise web.HTTPError(404, str(exc)) from None
        self.me = me
        return (course, assignment, trainee)

    async def get(self, course: str, assignment: str, trainee: str) -> None:
        key = self.key(course, assignment, trainee)
        try:
            found = await self.course(course, "GET", f"submissions/{assignment}/{trainee}")
        except CourseUnavailable:
            raise web.HTTPError(
                503, f"course {course}'s grading service did not answer; try again"
            ) from None
        with db.session_scope(self.engine) as session:
            desk.sync(session, course, [found["row"]])
            found["desk"] = desk.state(session, *key)
            person = people.get(session, trainee)
            found["full_name"] = person.full_name if person else trainee
        found["rubric"] = desk.rubric_for(assignment)
        self.write_json(found)

    async def post(self, course: str, assignment: str, trainee: str) -> None:
        """Save: {version, levels: {cell: level}, points: {cell: pts}, comments, follow_up}."""
        key = self.key(course, assignment, trainee)
        data = self.body()
        try:
            version = int(data.get("version", -1))
            levels = {
                str(k): (None if v is None else int(v))
                for k, v in dict(data.get("levels", {})).items()
            }
            typed = {
                str(k): (None if v is None else float(v))
                for k, v in dict(data.get("points", {})).items()
            }
            comments = {str(k): str(v) for k, v in dict(data.get("comments", {})).items()}
        except (TypeError, ValueError):
            raise web.HTTPError(
                400, 'send {"version": 3, "levels": {"case/history": 2}, "comments": {...}}'
            ) from None
        try:
            current = await self.course(course, "GET", f"submissions/{assignment}/{trainee}")
        except CourseUnavailable:
            raise web.HTTPError(503, f"course {course}'s grading service did not answer") from None
        manual = [c for c in current["cells"] if not c["auto"] or c["key"] in typed]
        try:
            pts = desk.grade_points(desk.rubric_for(assignment), manual, levels, typed)
            with db.session_scope(self.engine) as session:
                before = desk.claim(
                    session,
                    self.me,
                    key,
                    version,
                    {k: v for k, v in levels.items() if v is not None},
                    comments,
                    bool(data.get("follow_up", False)),
                    pts,
                )
        except desk.DeskError as exc:
            if isinstance(exc, desk.Conflict):
                self.fail(exc)
            else:
                self.write_json({"status": 400, "message": str(exc)}, 400)
            return
        try:
            written = await self.course(
                course,
                "POST",
                f"grades/{assignment}/{trainee}",
                {"points": pts, "comments": comments},
            )
        except (CourseUnavailable, web.HTTPError):
            with db.session_scope(self.engine) as session:
                desk.release_claim(session, key, version, before)
            raise web.HTTPError(
                503,
                f"course {course}'s grading service did not store the grades; nothing was saved",
            ) from None
        with db.session_scope(self.engine) as session:
            desk.sync(session, course, [written["row"]])
            desk.confirm(session, key, version + 1)
            saved = desk.state(session, *key)
        self.write_json({"desk": saved, "row": written["row"], "points": pts})


class FeedbackHandler(SubmissionHandler):
    async def get(self, *args: str) -> None:
        raise web.HTTPError(405)

    async def post(self, course: str, assignment: str, trainee: str) -> None:
        key = self.key(course, assignment, trainee)
        try:
            await self.course(course, "POST", f"feedback/{assignment}/{trainee}", {})
        except CourseUnavailable:
            raise web.HTTPError(
                503, f"course {course} could not make the feedback; try again"
            ) from None
        with db.session_scope(self.engine) as session:
            desk.mark_feedback(session, key)
            saved = desk.state(session, *key)
        self.write_json({"desk": saved})


class BankHandler(DeskBase):
    def get(self) -> None:
        me = self.grader()
        with db.session_scope(self.engine) as session:
            self.write_json({"bank": desk.bank(session, me)})

    def post(self) -> None:
        me = self.grader()
        data = self.body()
        try:
            with db.session_scope(self.engine) as session:
                if "delete" in data:
                    desk.bank_delete(session, me, int(data["delete"]))
                else:
                    desk.bank_add(session, me, str(data.get("text", "")))
                found = desk.bank(session, me)
        except desk.DeskError as exc:
            self.write_json({"status": 400, "message": str(exc)}, 400)
            return
        self.write_json({"bank": found})


class ProgressHandler(DeskBase):
    """Everyone's totals for coordinators and trainers, supervisees' for a supervisor,
    one's own for a trainee. With ``?limit=N&offset=M``, one page of them in username
    order, plus ``total`` and a ``summary`` over every trainee the caller may see."""

    def get(self) -> None:
        model = self.caller()
        with db.session_scope(self.engine) as session:
            me = people.get(session, model["name"])
            if me is None:
                raise web.HTTPError(403, f"{model['name']} is not in this programme's roster")
            if any(self.has_scope(model, s) for s in EVERYONE):
                names = None
            elif self.has_scope(model, "custom:praxis:supervise"):
                names = [
                    p.username for p in people.visible_people(session, me, sees_everyone=False)
                ]
            else:
                names = [me.username]
            if self.get_argument("limit", None) is None:
                self.write_json({"progress": desk.progress(session, names)})
                return
            try:
                limit = int(self.get_argument("limit"))
                offset = int(self.get_argument("offset", "0"))
            except ValueError:
                self.write_json(
                    {"status": 400, "message": "limit and offset must be whole numbers."}, 400
                )
                return
            try:
                page = desk.progress_page(session, names, limit=limit, offset=offset)
            except desk.DeskError as exc:
                self.write_json({"status": 400, "message": str(exc)}, 400)
                return
            self.write_json(page)


class MyFeedbackHandler(BaseHandler):
    """A trainee's own desk results whose feedback was returned: levels and comments."""

    def get(self) -> None:
        model = self.caller()
        from sqlalchemy import select

        with db.session_scope(self.engine) as session:
            rows = session.scalars(
                select(db.DeskGrade).where(
                    db.DeskGrade.username == model["name"], db.DeskGrade.feedback_at.is_not(None)
                )
            )
            self.write_json(
                {
                    "feedback": [
                        {
                            "course": r.course,
                            "assignment": r.assignment,
                            "rubric": r.rubric,
                            "comments": r.comments,
                            "returned_at": r.feedback_at,
                        }
                        for r in rows
                    ]
                }
            )


def routes(prefix: str, args: dict[str, Any]) -> list[tuple[str, type, dict[str, Any]]]:
    from jupyterhub.utils import url_path_join

    name = r"([a-zA-Z0-9][a-zA-Z0-9_.@-]{0,127})"
    sub = f"{name}/{name}/{name}"
    return [
        (url_path_join(prefix, "api/desk/index"), IndexHandler, args),
        (url_path_join(prefix, "api/desk/queue"), QueueHandler, args),
        (url_path_join(prefix, "api/desk/bank"), BankHandler, args),
        (url_path_join(prefix, "api/desk/progress"), ProgressHandler, args),
        (url_path_join(prefix, f"api/desk/submissions/{sub}/feedback"), FeedbackHandler, args),
        (url_path_join(prefix, f"api/desk/submissions/{sub}"), SubmissionHandler, args),
        (url_path_join(prefix, "api/me/feedback"), MyFeedbackHandler, args),
    ]
