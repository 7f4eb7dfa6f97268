"""File imports in the programme service: a roster (coordinators) and a webinar
platform's attendance report (a course's trainers), uploaded from the browser.

Rule: thin handlers over the same core as ``praxishub people import`` and
``praxishub attendance import``. The file comes as JSON: ``file_name``,
``content_base64`` and ``dry_run`` (true unless sent false: checking is the default).
A roster needs ``custom:praxis:people:manage``, and so do first passwords for the people
it brought; an attendance report a trainer of the course (or a coordinator). Bad input is 400 with each problem's place and fix and
changes nothing; a file over 5 MB is 413.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from jupyterhub.utils import url_path_join
from tornado import web

from praxishub import attendance, db, people, people_upload
from praxishub import attendance_store as store
from praxishub.attendance_match import summary, threshold_minutes
from praxishub.errors import PraxisError
from praxishub.service import servers
from praxishub.service.attendance import AttendanceBase

MANAGE = "custom:praxis:people:manage"
MAX_BYTES = people_upload.MAX_BYTES
# base64 makes 4 bytes of 3; the rest of the JSON object is small.
MAX_BODY = MAX_BYTES * 4 // 3 + 64 * 1024


class ImportBase(AttendanceBase):
    def refuse_problems(self, exc: PraxisError, source: str = "") -> None:
        self.write_json(
            {
                "status": 400,
                "message": exc.summary,
                "problems": people_upload.problem_dicts(exc.problems, source),
            },
            400,
        )

    def sent(self) -> dict[str, Any]:
        """The JSON body, refused with 413 before it is parsed if it is too big."""
        if len(self.request.body) > MAX_BODY:
            raise web.HTTPError(413, self.too_big(len(self.request.body) * 3 // 4))
        return self.body()

    def upload(self, data: dict[str, Any]) -> tuple[bytes, str, bool]:
        """The file's bytes, its name, and whether this is a dry run."""
        try:
            content = base64.b64decode(str(data.get("content_base64", "")), validate=True)
        except (binascii.Error, ValueError):
            raise web.HTTPError(
                400, "content_base64 is not base64: send the file's bytes"
            ) from None
        if len(content) > MAX_BYTES:
            raise web.HTTPError(413, self.too_big(len(content)))
        if not content:
            raise web.HTTPError(400, "the file is empty: choose the file again")
        name = people_upload.upload_name(str(data.get("file_name", "")))
        return content, name, data.get("dry_run", True) is not False

    def too_big(self, size: int) -> str:
        return (
            f"the file is {size / 2**20:.1f} MB; the limit is {MAX_BYTES // 2**20} MB: "
            "split it into smaller files"
        )


class PeopleImportHandler(ImportBase):
    """A coordinator checks, then applies, a roster file (CSV or XLSX)."""

    def post(self) -> None:
        if not self.has_scope(self.caller(), MANAGE):
            raise web.HTTPError(403, "importing people is for the programme's coordinators")
        content, name, dry_run = self.upload(self.sent())
        declared = frozenset(self.application.settings.get("declared_people", ()))
        try:
            answer = people_upload.import_upload(
                self.engine, content, name, dry_run=dry_run, declared=declared
            )
        except PraxisError as exc:
            self.refuse_problems(exc, name)
            return
        if answer["problems"]:
            n = len(answer["problems"])
            message = f"{name}: {n} invalid row(s); nothing was changed. Fix them and try again."
            self.write_json({"status": 400, "message": message, **answer}, 400)
            return
        self.write_json(answer)


class FirstPasswordsHandler(ImportBase):
    """A coordinator makes up first passwords for people who have none (new people of an
    import): ``{"usernames": [...]}``, or ``{"without_password": true}`` for everyone
    active without one. The passwords are in the answer only (stored as bcrypt hashes,
    never logged); a password already set is never replaced from here."""

    def post(self) -> None:
        if not self.has_scope(self.caller(), MANAGE):
            raise web.HTTPError(403, "first passwords are for the programme's coordinators")
        data = self.body()
        usernames = data.get("usernames")
        if data.get("without_password") is True:
            usernames = None
        elif not isinstance(usernames, list) or not all(isinstance(u, str) for u in usernames):
            raise web.HTTPError(400, 'send {"usernames": ["…", …]} or {"without_password": true}')
        try:
            with db.session_scope(self.engine) as session:
                issued, skipped = people.first_passwords(session, usernames)
        except PraxisError as exc:
            self.refuse_problems(exc)
            return
        self.set_header("Cache-Control", "no-store")
        self.write_json({"issued": issued, "skipped": skipped})


class ActiveHandler(ImportBase):
    """A coordinator deactivates people who left, or reactivates them:
    ``{"usernames": [...], "active": false}``. Nobody may deactivate themselves (a
    coordinator cannot lock the programme out of its own roster this way). The servers of
    those deactivated are stopped at once (``servers``): the answer's ``servers_stopped``
    names whose were running, ``servers_not_stopped`` whose the hub did not stop, and why
    (the service's sweep tries them again)."""

    async def post(self) -> None:
        caller = self.caller()
        if not self.has_scope(caller, MANAGE):
            raise web.HTTPError(403, "deactivating people is for the programme's coordinators")
        data = self.body()
        usernames, active = data.get("usernames"), data.get("active")
        if (
            not isinstance(usernames, list)
            or not all(isinstance(u, str) for u in usernames)
            or not isinstance(active, bool)
        ):
            raise web.HTTPError(400, 'send {"usernames": ["…", …], "active": false} (or true)')
        if not active and caller["name"] in usernames:
            raise web.HTTPError(400, "you cannot deactivate yourself: ask another coordinator")
        try:
            with db.session_scope(self.engine) as session:
                changed, skipped = people.set_active(session, usernames, active)
        except PraxisError as exc:
            self.refuse_problems(exc)
            return
        answer: dict[str, Any] = {"changed": changed, "skipped": skipped}
        if not active:
            hub = self.hub_auth
            stopped, failed = await servers.stop_servers(hub.api_url, hub.api_token, changed)
            answer |= {"servers_stopped": stopped, "servers_not_stopped": failed}
        self.write_json(answer)


class CourseImportBase(ImportBase):
    def allowed(self, course: str) -> str:
        """The caller's name, if they may import or resolve the course's attendance."""
        model = self.caller()
        if course not in self.teaches(model["name"]) and not self.has_scope(model, MANAGE):
            raise web.HTTPError(403, "importing attendance is for the course's trainers")
        return model["name"]


class AttendanceImportHandler(CourseImportBase):
    """A trainer imports a webinar's Zoom or Teams report (or a plain table)."""

    def post(self) -> None:
        self.caller()
        data = self.sent()
        course, webinar = str(data.get("course", "")), str(data.get("webinar", ""))
        self.allowed(course)
        content, name, dry_run = self.upload(data)
        found = self.webinar(course, webinar)
        threshold = threshold_minutes(found["duration_minutes"], self.share())
        try:
            report = attendance.parse_report(content, name)
            with db.session_scope(self.engine) as session:
                result = store.import_report(
                    session, course, webinar, report, threshold, dry_run=dry_run
                )
        except PraxisError as exc:
            self.refuse_problems(exc, name)
            return
        stored = result.already_imported_at
        self.write_json(
            {
                # The keys of `praxishub attendance import --json` first, as it prints them.
                **summary(result.participants, threshold, report.format),
                "threshold": threshold,
                "dry_run": dry_run,
                "already_imported_at": stored.isoformat() if stored else None,
                "created": result.created,
                "updated": result.updated,
                "unchanged": result.unchanged,
            }
        )


class UnmatchedHandler(CourseImportBase):
    """The participants of a webinar's reports that match nobody yet."""

    def get(self) -> None:
        course, webinar = self.get_argument("course", ""), self.get_argument("webinar", "")
        self.allowed(course)
        self.webinar(course, webinar)
        with db.session_scope(self.engine) as session:
            rows = [
                {"name": r.name, "email": r.email, "minutes": r.minutes, "reason": r.reason}
                for r in store.unresolved(session, course, webinar)
            ]
        self.write_json({"unmatched": rows})


class ResolveHandler(CourseImportBase):
    """Count an unmatched participant as a person of the roster."""

    def post(self) -> None:
        data = self.body()
        course, webinar = str(data.get("course", "")), str(data.get("webinar", ""))
        self.allowed(course)
        self.webinar(course, webinar)
        name, username = str(data.get("name", "")), str(data.get("username", ""))
        email = data.get("email")
        try:
            with db.session_scope(self.engine) as session:
                row = store.resolve(
                    session, course, webinar, name, username, str(email) if email else None
                )
                answer = {"name": name, "username": username, "minutes": row.minutes}
                answer["present"] = row.present
        except PraxisError as exc:
            self.refuse_problems(exc)
            return
        self.write_json(answer)


def routes(prefix: str, args: dict[str, Any]) -> list[tuple[str, type, dict[str, Any]]]:
    return [
        (url_path_join(prefix, "api/people/import"), PeopleImportHandler, args),
        (url_path_join(prefix, "api/people/passwords"), FirstPasswordsHandler, args),
        (url_path_join(prefix, "api/people/active"), ActiveHandler, args),
        (url_path_join(prefix, "api/attendance/import"), AttendanceImportHandler, args),
        (url_path_join(prefix, "api/attendance/unmatched"), UnmatchedHandler, args),
        (url_path_join(prefix, "api/attendance/resolve"), ResolveHandler, args),
    ]
