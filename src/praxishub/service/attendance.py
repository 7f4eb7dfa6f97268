"""Attendance in the programme service: live check-in, and each trainee's own record.

Rule: thin handlers. Opening a check-in window needs a trainer of the course (the hub's
``course-<id>-trainers`` membership, as the settings list it); checking in needs a
trainee of the roster; a trainee reads only their own attendance. Webinars, durations
and CPD hours come from the course catalogue in the programme database
(``course_catalogue``, written by ``courses deploy`` and ``up``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from tornado import web

from praxishub import checkin, db
from praxishub.attendance_match import threshold_minutes
from praxishub.errors import PraxisError
from praxishub.service.app import BaseHandler


class AttendanceBase(BaseHandler):
    def check_xsrf_cookie(self) -> None:
        if not self.request.headers.get("Authorization"):
            super().check_xsrf_cookie()  # token calls cannot be forged by a browser

    def body(self) -> dict[str, Any]:
        import json

        try:
            data = json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "send a JSON object") from None
        if not isinstance(data, dict):
            raise web.HTTPError(400, "send a JSON object")
        return data

    def spec(self, course: str) -> dict[str, Any] | None:
        """The course's course.yaml as the catalogue holds it (None if not deployed)."""
        with db.session_scope(self.engine) as session:
            row = session.get(db.CourseCatalogueEntry, course)
            return dict(row.spec) if row else None

    def webinar(self, course: str, webinar: str) -> dict[str, Any]:
        spec = self.spec(course)
        if spec is None:
            raise web.HTTPError(404, f"no deployed course {course}")
        found = next((w for w in spec["webinars"] if w["id"] == webinar), None)
        if found is None:
            raise web.HTTPError(404, f"course {course} has no webinar {webinar}")
        return found

    def share(self) -> float:
        return float(self.application.settings.get("present_share", 0.75))

    def teaches(self, username: str) -> list[str]:
        return self.application.settings["teaching"].get(username, [])

    def refuse(self, exc: PraxisError, status: int = 400) -> None:
        self.write_json({"status": status, "message": str(exc)}, status)


class WindowsHandler(AttendanceBase):
    """A trainer opens a check-in window and sees who checked in."""

    def get(self) -> None:
        me = self.caller()["name"]
        course, webinar = self.get_argument("course", ""), self.get_argument("webinar", "")
        if course not in self.teaches(me):
            raise web.HTTPError(403, "check-in windows are for the course's trainers")
        with db.session_scope(self.engine) as session:
            self.write_json(
                {"windows": checkin.windows(session, self.teaches(me), course, webinar)}
            )

    def post(self) -> None:
        me = self.caller()["name"]
        data = self.body()
        course, webinar = str(data.get("course", "")), str(data.get("webinar", ""))
        if course not in self.teaches(me):
            raise web.HTTPError(403, "only a trainer of the course opens check-in")
        self.webinar(course, webinar)
        try:
            minutes = int(data.get("minutes", 10))
        except (TypeError, ValueError):
            raise web.HTTPError(400, "minutes must be a whole number") from None
        spec = self.spec(course) or {"webinars": []}
        try:
            with db.session_scope(self.engine) as session:
                window = checkin.open_window(
                    session,
                    me,
                    self.teaches(me),
                    course,
                    webinar,
                    [w["id"] for w in spec["webinars"]],
                    minutes,
                )
        except checkin.CheckinError as exc:
            self.refuse(exc)
            return
        self.write_json(window, 201)


class CheckinHandler(AttendanceBase):
    """A trainee enters the code the trainer shows."""

    def post(self) -> None:
        model = self.caller()
        if not self.has_scope(model, "custom:praxis:learn"):
            raise web.HTTPError(403, "check-in is for trainees")
        code = str(self.body().get("code", ""))

        def duration(course: str, webinar: str) -> float:
            return float(self.webinar(course, webinar)["duration_minutes"])

        def threshold(course: str, webinar: str) -> float:
            return threshold_minutes(duration(course, webinar), self.share())

        try:
            with db.session_scope(self.engine) as session:
                done = checkin.check_in(
                    session,
                    model["name"],
                    code,
                    duration,
                    threshold,
                    course_is_theirs=lambda c: bool(self.courses_open_to(model["name"], {c})),
                )
        except checkin.CheckinError as exc:
            if isinstance(exc, checkin.WrongCode):  # counted, though the check-in is refused
                with db.session_scope(self.engine) as session:
                    checkin.wrong_try(session, model["name"])
            self.refuse(exc)
            return
        self.write_json(done)


class WebinarsHandler(AttendanceBase):
    """The webinars of the courses a trainer teaches (for the check-in panel)."""

    def get(self) -> None:
        me = self.caller()["name"]
        out = {}
        for course in self.teaches(me):
            spec = self.spec(course)
            if spec is None:
                continue
            out[course] = [
                {"id": w["id"], "title": w["title"], "duration_minutes": w["duration_minutes"]}
                for w in spec["webinars"]
            ]
        self.write_json({"courses": out})


class MyAttendanceHandler(AttendanceBase):
    def get(self) -> None:
        me = self.caller()["name"]
        with db.session_scope(self.engine) as session:
            rows = session.scalars(
                select(db.Attendance)
                .where(db.Attendance.username == me)
                .order_by(db.Attendance.course, db.Attendance.webinar)
            )
            self.write_json(
                {
                    "attendance": [
                        {
                            "course": r.course,
                            "webinar": r.webinar,
                            "minutes": r.minutes,
                            "present": r.present,
                            "source": r.source_format,
                        }
                        for r in rows
                    ]
                }
            )


def routes(prefix: str, args: dict[str, Any]) -> list[tuple[str, type, dict[str, Any]]]:
    from jupyterhub.utils import url_path_join

    return [
        (url_path_join(prefix, "api/attendance/checkin/windows"), WindowsHandler, args),
        (url_path_join(prefix, "api/attendance/checkin"), CheckinHandler, args),
        (url_path_join(prefix, "api/attendance/webinars"), WebinarsHandler, args),
        (url_path_join(prefix, "api/me/attendance"), MyAttendanceHandler, args),
    ]
