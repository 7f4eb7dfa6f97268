"""The case library's API in the programme service: browse, open (audited), review, publish.

Rule: thin handlers. Anyone in the roster may list and open published cases (each
opening is recorded); the who-viewed log needs ``custom:praxis:audit:read``; the
review queue, drafts (with the originals of replaced spans), decisions and publishing
need ``custom:praxis:cases:publish``.
"""

from __future__ import annotations

import json
from typing import Any

from tornado import web

from praxishub import db, people
from praxishub.cases import browse, library
from praxishub.errors import PraxisError
from praxishub.service.app import BaseHandler

PUBLISH = "custom:praxis:cases:publish"
AUDIT = "custom:praxis:audit:read"


class CaseBase(BaseHandler):
    def member(self) -> dict[str, Any]:
        model = self.caller()
        with db.session_scope(self.engine) as session:
            if people.get(session, model["name"]) is None:
                raise web.HTTPError(403, f"{model['name']} is not in this programme's roster")
        return model

    def require(self, scope: str) -> dict[str, Any]:
        model = self.member()
        if not self.has_scope(model, scope):
            raise web.HTTPError(403, f"this needs the {scope} scope")
        return model

    @property
    def layout(self):  # type: ignore[no-untyped-def]
        return self.application.settings["layout"]

    @property
    def store(self) -> library.Store:
        return library.Store(self.layout.cases_store)


class CasesHandler(CaseBase):
    def get(self) -> None:
        self.member()
        filters = {k: self.get_argument(k, "") for k in browse.FILTERS}
        self.write_json({"cases": browse.list_cases(self.layout.library_dir, filters)})


class CaseHandler(CaseBase):
    def get(self, case_id: str) -> None:
        model = self.member()
        try:
            with db.session_scope(self.engine) as session:
                case = browse.open_case(session, self.layout.library_dir, case_id, model["name"])
        except PraxisError as exc:
            raise web.HTTPError(404, str(exc)) from None
        self.write_json(case)


class CaseViewsHandler(CaseBase):
    def get(self) -> None:
        self.require(AUDIT)
        with db.session_scope(self.engine) as session:
            rows = browse.views(
                session, self.get_argument("case", None), self.get_argument("user", None)
            )
        self.write_json({"views": rows})


class ReviewQueueHandler(CaseBase):
    def get(self) -> None:
        self.require(PUBLISH)
        self.write_json({"queue": self.store.queue() if self.store.root.exists() else []})


class ReviewCaseHandler(CaseBase):
    def check_xsrf_cookie(self) -> None:
        if not self.request.headers.get("Authorization"):
            super().check_xsrf_cookie()  # token calls cannot be forged by a browser

    def get(self, case_id: str) -> None:
        self.require(PUBLISH)
        try:
            meta, nb = library.load_draft(self.store, case_id)
        except PraxisError as exc:
            raise web.HTTPError(404, str(exc)) from None
        report_path = self.store.draft(case_id) / "report.json"
        report = json.loads(report_path.read_text("utf-8")) if report_path.exists() else []
        items = library.leftovers(nb, meta["review"].get("kept", []))
        self.write_json(
            {
                "id": case_id,
                "meta": meta,
                "notebook": nb,
                "replacements": report,
                "leftovers": [i.as_dict() for i in items],
            }
        )

    def post(self, case_id: str) -> None:
        model = self.require(PUBLISH)
        try:
            body = json.loads(self.request.body or b"{}")
            action = str(body.get("action", ""))
            cell = int(body.get("cell", -1))
        except (ValueError, TypeError, AttributeError):
            raise web.HTTPError(
                400, 'send JSON like {"action": "edit", "cell": 2, "source": "..."}'
            ) from None
        try:
            if action == "edit":
                meta, nb = library.load_draft(self.store, case_id)
                library.edit_cell(nb, cell, str(body.get("source", "")))
                library.save_draft(self.store, case_id, meta, nb)
            elif action in ("keep", "approve", "reject"):
                decision = "" if action == "keep" else action
                library.review(
                    self.store,
                    case_id,
                    model["name"],
                    decision,
                    [str(k) for k in body.get("keep", [])],
                    str(body.get("reason", "")),
                )
            elif action == "publish":
                library.publish(self.store, case_id, self.layout.library_dir)
            else:
                raise web.HTTPError(400, "action must be edit, keep, approve, reject or publish")
        except PraxisError as exc:
            self.write_json({"status": 409, "message": str(exc)}, 409)
            return
        self.get(case_id)


def routes(prefix: str, args: dict[str, Any]) -> list[tuple[str, type, dict[str, Any]]]:
    from jupyterhub.utils import url_path_join

    case_id = r"([a-z0-9][a-z0-9-]{2,62})"
    return [
        (url_path_join(prefix, "api/cases"), CasesHandler, args),
        (url_path_join(prefix, "api/cases/views"), CaseViewsHandler, args),
        (url_path_join(prefix, f"api/cases/{case_id}"), CaseHandler, args),
        (url_path_join(prefix, "api/review/cases"), ReviewQueueHandler, args),
        (url_path_join(prefix, f"api/review/cases/{case_id}"), ReviewCaseHandler, args),
    ]
