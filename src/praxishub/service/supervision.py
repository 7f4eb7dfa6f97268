"""The supervision log's API in the programme service: sessions, confirmation, totals, CSV.

Rule: thin handlers. The caller's hub scopes become a ``supervision.Caller``; every rule
of who may see or change what is in ``praxishub.supervision``. Its errors map to HTTP:
not visible → 404 (never 403, which would tell that it exists), wrong role → 403, a
signed month → 409, bad input → 400 with each problem's field and fix.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from jupyterhub.utils import url_path_join
from tornado import web

from praxishub import db, people, supervision
from praxishub.errors import PraxisError
from praxishub.service.app import BaseHandler

SUPERVISE = "custom:praxis:supervise"
READ_ALL = "custom:praxis:people:read"

STATUS: list[tuple[type[PraxisError], int]] = [
    (supervision.NotFound, 404),
    (supervision.Forbidden, 403),
    (supervision.Frozen, 409),
    (PraxisError, 400),
]


class SupervisionBase(BaseHandler):
    def check_xsrf_cookie(self) -> None:
        if not self.request.headers.get("Authorization"):
            super().check_xsrf_cookie()  # token calls cannot be forged by a browser

    def who(self) -> supervision.Caller:
        model = self.caller()
        with db.session_scope(self.engine) as session:
            if people.get(session, model["name"]) is None:
                raise web.HTTPError(403, f"{model['name']} is not in this programme's roster")
        return supervision.Caller(
            model["name"],
            supervises=self.has_scope(model, SUPERVISE),
            reads_all=self.has_scope(model, READ_ALL),
        )

    def body(self) -> Any:
        try:
            return json.loads(self.request.body or b"{}")
        except ValueError:
            raise web.HTTPError(400, "send a JSON object") from None

    def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        """Call the core in one transaction; its errors become JSON with the right status."""
        try:
            with db.session_scope(self.engine) as session:
                return fn(session, *args)
        except PraxisError as exc:
            status = next(code for kind, code in STATUS if isinstance(exc, kind))
            self.write_json(
                {
                    "status": status,
                    "message": str(exc),
                    "problems": [
                        {"where": p.where, "message": p.message, "fix": p.fix} for p in exc.problems
                    ],
                },
                status,
            )
            raise web.Finish() from None

    def filters(self) -> tuple[str | None, str | None]:
        return self.get_argument("month", None), self.get_argument("trainee", None)


class SessionsHandler(SupervisionBase):
    def get(self) -> None:
        caller = self.who()
        self.write_json({"sessions": self.run(supervision.list_sessions, caller, *self.filters())})

    def post(self) -> None:
        caller = self.who()
        self.write_json(self.run(supervision.log_session, caller, self.body(), date.today()), 201)


class SessionHandler(SupervisionBase):
    def get(self, session_id: str) -> None:
        self.write_json(self.run(supervision.get_session, self.who(), int(session_id)))

    def put(self, session_id: str) -> None:
        caller = self.who()
        self.write_json(
            self.run(supervision.update_session, caller, int(session_id), self.body(), date.today())
        )

    def delete(self, session_id: str) -> None:
        self.run(supervision.delete_session, self.who(), int(session_id))
        self.set_status(204)
        self.finish()


class ConfirmHandler(SupervisionBase):
    def post(self, session_id: str) -> None:
        self.write_json(self.run(supervision.confirm, self.who(), int(session_id)))


class TotalsHandler(SupervisionBase):
    def get(self) -> None:
        self.write_json(self.run(supervision.totals, self.who(), *self.filters()))


class SignoffHandler(SupervisionBase):
    def post(self) -> None:
        caller = self.who()
        body = self.body()
        month = str(body.get("month", "")) if isinstance(body, dict) else ""
        self.write_json(self.run(supervision.sign_off, caller, month, date.today()), 201)


class ExportHandler(SupervisionBase):
    def get(self) -> None:
        caller = self.who()
        month, trainee = self.filters()
        delimiter = ";" if self.get_argument("delimiter", ",") in (";", "semicolon") else ","
        data = self.run(supervision.export_csv, caller, month, trainee, delimiter)
        name = f"supervision-{month or 'all'}.csv"
        self.set_header("Content-Type", "text/csv; charset=utf-8")
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.finish(data)


def routes(prefix: str, args: dict[str, Any]) -> list[tuple[str, type, dict[str, Any]]]:
    base = url_path_join(prefix, "api/supervision")
    one = r"sessions/([0-9]{1,12})"
    return [
        (url_path_join(base, "sessions"), SessionsHandler, args),
        (url_path_join(base, one), SessionHandler, args),
        (url_path_join(base, f"{one}/confirm"), ConfirmHandler, args),
        (url_path_join(base, "totals"), TotalsHandler, args),
        (url_path_join(base, "signoff"), SignoffHandler, args),
        (url_path_join(base, "export.csv"), ExportHandler, args),
    ]
