"""The programme service, run by JupyterHub as a managed service.

Rule: handlers are thin. Each authenticates the caller through the hub (OAuth
cookie or token), authorises by the caller's scopes and roster relationships,
and calls a function of the core; no business rule lives in a handler. This
process owns the programme database; nothing a trainee runs can read it.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import os
import signal
from collections.abc import Coroutine
from typing import Any
from urllib.parse import urlparse

from jupyterhub.services.auth import HubOAuth, HubOAuthCallbackHandler, HubOAuthenticated
from jupyterhub.utils import url_path_join
from sqlalchemy.engine import Engine
from tornado import web

from praxishub import courses, db, i18n, people, scores
from praxishub.layout import Layout
from praxishub.service import pages, servers
from praxishub.settings import load_settings

log = logging.getLogger("praxishub.service")


class BaseHandler(HubOAuthenticated, web.RequestHandler):
    def initialize(self, engine: Engine, service_token: str) -> None:
        self.engine = engine
        self.service_token = service_token

    def set_default_headers(self) -> None:
        self.set_header("Content-Security-Policy", "frame-ancestors 'none'")
        self.set_header("X-Content-Type-Options", "nosniff")
        self.set_header("Cache-Control", "no-store")

    async def prepare(self) -> None:
        # Ask the hub who the caller is without blocking the event loop: one slow answer
        # from a busy hub must not stall every other request to the service. The answer
        # is cached on the handler, so get_current_user() below does not ask again.
        await self.hub_auth.get_user(self, sync=False)

    def write_json(self, data: Any, status: int = 200) -> None:
        self.set_status(status)
        self.set_header("Content-Type", "application/json; charset=utf-8")
        self.finish(json.dumps(data, ensure_ascii=False, default=str))

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        reason = kwargs.get("exc_info", (None, None))[1]
        message = getattr(reason, "log_message", None) or self._reason
        self.write_json({"status": status_code, "message": message}, status_code)

    def get_current_user(self) -> dict[str, Any] | None:
        """The hub's model of the caller, if they may use the service now: a service, or a
        person active in the roster. The hub's answer alone is not enough: it may be a
        token or cookie of someone deactivated since (the hub logs them out only at its
        next refresh, and their API tokens keep their old scopes until then)."""
        model = super().get_current_user()
        if not model or model.get("kind", "user") != "user":
            return model
        if not hasattr(self, "_in_roster"):
            with db.session_scope(self.engine) as session:
                self._in_roster = people.get(session, model["name"]) is not None
        return model if self._in_roster else None

    def caller(self) -> dict[str, Any]:
        """The hub model of the caller, or 403 (API requests never redirect)."""
        model = self.get_current_user()
        if not model:
            raise web.HTTPError(403, "log in through the hub, or send a hub token")
        return model

    def courses_open_to(self, username: str, courses: set[str]) -> set[str]:
        """Of COURSES, those open to the person: every course without cohorts
        (``courses[].cohorts``), and those listed for their cohort in the roster now."""
        only = self.application.settings.get("course_cohorts") or {}
        if not any(c in only for c in courses):
            return courses
        with db.session_scope(self.engine) as session:
            person = session.get(db.Person, username)
            cohort = person.cohort_id if person is not None and person.active else None
        return {c for c in courses if c not in only or cohort in only[c]}

    def has_scope(self, model: dict[str, Any], scope: str) -> bool:
        return scope in set(model.get("scopes", []))


class MeHandler(BaseHandler):
    def get(self) -> None:
        model = self.caller()
        with db.session_scope(self.engine) as session:
            person = people.get(session, model["name"])
            if person is None:
                raise web.HTTPError(404, f"{model['name']} is not in this programme's roster")
            self.write_json(
                {
                    **person.as_dict(),
                    "roles": [person.role],
                    "groups": people.groups_for(
                        person, self.application.settings["teaching"].get(person.username, [])
                    ),
                    "scopes": sorted(s for s in model.get("scopes", []) if s.startswith("custom:")),
                }
            )


class PeopleHandler(BaseHandler):
    def get(self) -> None:
        model = self.caller()
        everyone = self.has_scope(model, "custom:praxis:people:read")
        if not everyone and not self.has_scope(model, "custom:praxis:supervise"):
            raise web.HTTPError(403, "listing people needs the coordinator or supervisor role")
        with db.session_scope(self.engine) as session:
            viewer = people.get(session, model["name"])
            if viewer is None:
                raise web.HTTPError(403, f"{model['name']} is not in this programme's roster")
            found = people.visible_people(session, viewer, sees_everyone=everyone)
            self.write_json({"people": [p.as_dict() for p in found]})


class MyScoresHandler(BaseHandler):
    def get(self) -> None:
        model = self.caller()
        with db.session_scope(self.engine) as session:
            rows = scores.of_trainee(session, model["name"])
            self.write_json({"scores": [r.as_dict() for r in rows]})


class MyProgressPage(BaseHandler):
    """The trainee's own scores, as a page (their UI until the dashboards arrive)."""

    @web.authenticated
    def get(self) -> None:
        model = self.get_current_user()
        lang = i18n.pick_language(
            self.get_argument("lang", None),
            self.request.headers.get("Accept-Language", ""),
            self.application.settings["languages"],
        )
        with db.session_scope(self.engine) as session:
            rows = [r.as_dict() for r in scores.of_trainee(session, model["name"])]
        self.set_header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        )
        self.finish(pages.progress(rows, lang))


class ScoresHandler(BaseHandler):
    """Where a course's autograder reports results; only that course's autograder may."""

    def check_xsrf_cookie(self) -> None:
        if not self.request.headers.get("Authorization"):
            super().check_xsrf_cookie()  # token calls cannot be forged by a browser

    def post(self) -> None:
        model = self.caller()
        body = json.loads(self.request.body or b"{}")
        course = str(body.get("course", ""))
        if model.get("kind") != "service" or model["name"] != f"autograde-{course}":
            raise web.HTTPError(403, "only the course's autograder reports scores")
        try:
            with db.session_scope(self.engine) as session:
                scores.record(session, course, body)
        except scores.ScoreError as exc:
            raise web.HTTPError(400, str(exc)) from None
        self.write_json({"ok": True}, 201)


class HubHandler(web.RequestHandler):
    """Called by the hub's authenticator only, with the service's own token."""

    def initialize(self, engine: Engine, service_token: str) -> None:
        self.engine = engine
        self.service_token = service_token

    def check_xsrf_cookie(self) -> None:
        pass  # token-authenticated machine calls, no cookies involved

    def prepare(self) -> None:
        sent = self.request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if not sent or not hmac.compare_digest(sent, self.service_token):
            raise web.HTTPError(403)

    async def post(self, action: str) -> None:
        body = json.loads(self.request.body or b"{}")
        username = str(body.get("username", ""))
        answer = await asyncio.get_running_loop().run_in_executor(
            None, self._answer, action, username, str(body.get("password", ""))
        )
        if answer is None:
            raise web.HTTPError(403)
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(answer))

    def _answer(self, action: str, username: str, password: str) -> dict[str, Any] | None:
        with db.session_scope(self.engine) as session:
            person = people.get(session, username)
            if action == "login" and not people.check_password(person, password):
                return None
            if person is None or action not in ("login", "lookup"):
                return None
            teaches = self.application.settings["teaching"].get(person.username, [])
            return {"name": person.username, "groups": people.groups_for(person, teaches)}


class HealthHandler(web.RequestHandler):
    def get(self) -> None:
        self.finish({"ok": True})


class IndexHandler(BaseHandler):
    @web.authenticated
    def get(self) -> None:
        self.redirect(url_path_join(self.hub_auth.hub_prefix, "home"))


def make_app(
    engine: Engine,
    service_token: str,
    prefix: str,
    teaching: dict[str, list[str]],
    languages: list[str],
    layout: Layout | None = None,
    desks: dict[str, str] | None = None,
) -> web.Application:
    from praxishub.service import attendance as attendance_api
    from praxishub.service import calibration, cases, desk, imports
    from praxishub.service import certificates as certificates_api
    from praxishub.service import dashboards as dashboards_api
    from praxishub.service import exchange as exchange_api
    from praxishub.service import supervision as supervision_api

    args = {"engine": engine, "service_token": service_token}
    routes = [
        (prefix, IndexHandler, args),
        (url_path_join(prefix, "api/me"), MeHandler, args),
        (url_path_join(prefix, "api/people"), PeopleHandler, args),
        (url_path_join(prefix, "api/me/scores"), MyScoresHandler, args),
        (url_path_join(prefix, "api/scores"), ScoresHandler, args),
        (url_path_join(prefix, "me"), MyProgressPage, args),
        (url_path_join(prefix, r"api/hub/(login|lookup)"), HubHandler, args),
        (url_path_join(prefix, "api/health"), HealthHandler),
        (url_path_join(prefix, "oauth_callback"), HubOAuthCallbackHandler),
        *cases.routes(prefix, args),
        *supervision_api.routes(prefix, args),
        *desk.routes(prefix, args),
        *certificates_api.routes(prefix, args),
        *calibration.routes(prefix, args),
        *attendance_api.routes(prefix, args),
        *dashboards_api.routes(prefix, args),
        *imports.routes(prefix, args),
        *exchange_api.routes(prefix, args),
    ]
    return web.Application(
        routes,
        cookie_secret=os.urandom(32),
        xsrf_cookies=True,
        hub_auth=HubOAuth.instance(),
        teaching=teaching,
        languages=languages,
        layout=layout,
        desks=desks or {},
    )


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="[praxis %(levelname)s %(asctime)s] %(message)s")
    settings = load_settings(os.environ["PRAXISHUB_SETTINGS"])
    url = settings["database"]["url"] or db.default_url(settings.data_dir)
    engine = db.make_engine(url)
    db.migrate(engine)
    with db.session_scope(engine) as session:
        report = people.sync_settings(session, settings.values)
    log.info("roster from settings: %d new, %d updated", len(report.created), len(report.updated))
    prefix = os.environ.get("JUPYTERHUB_SERVICE_PREFIX", "/services/praxis/")
    app = make_app(
        engine,
        os.environ["JUPYTERHUB_API_TOKEN"],
        prefix,
        courses.teaching(settings.values),
        settings["programme"]["languages"],
        Layout(settings.data_dir),
        {
            course.id: f"http://127.0.0.1:{course.port}/services/{course.service}/praxis-desk/"
            for course in courses.courses_of(settings)
        },
    )
    app.settings["present_share"] = settings["attendance"]["present_share"]
    app.settings["course_cohorts"] = courses.course_cohorts(settings.values)
    # Roster uploads warn about people this file declares: it is applied again at start.
    app.settings["declared_people"] = [p["username"] for p in settings.people]
    bind = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    token = os.environ["JUPYTERHUB_API_TOKEN"]
    background = _background(
        _settle_desk_saves(engine, app.settings["desks"], token),
        servers.keep_sweeping(engine, HubOAuth.instance().api_url, token),
    )
    asyncio.run(_serve(app, bind.hostname or "127.0.0.1", bind.port or 10101, background))


async def _background(*jobs: Coroutine[Any, Any, None]) -> None:
    """The service's background jobs, side by side."""
    await asyncio.gather(*jobs)


async def _settle_desk_saves(engine: Engine, desks: dict[str, str], token: str) -> None:
    """Finish desk saves a crash cut off. Those pending at start (nothing was in flight
    then) are tried every few seconds until the courses' grading services answer (they
    start with us); later, every minute, those pending longer than any request may take."""
    from datetime import timedelta

    from praxishub import desk as desk_core
    from praxishub.service.desk import settle_pending

    with db.session_scope(engine) as session:
        at_start = {
            (*save["key"], save["version"])
            for save in desk_core.pending_saves(session, db.utcnow() + timedelta(seconds=1))
        }
    deadline = asyncio.get_running_loop().time() + 600
    while at_start and asyncio.get_running_loop().time() < deadline:
        try:
            if not await settle_pending(engine, desks, token, 0.0, at_start):
                break
        except Exception:
            log.exception("desk: settling saves cut off earlier failed; trying again")
        await asyncio.sleep(5)
    while True:
        await asyncio.sleep(60)
        try:
            await settle_pending(engine, desks, token, 300.0)
        except Exception:
            log.exception("desk: settling saves cut off earlier failed; trying again later")


async def _serve(
    app: web.Application, host: str, port: int, background: Coroutine[Any, Any, None]
) -> None:
    server = app.listen(port, address=host, xheaders=True)
    task = asyncio.ensure_future(background)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    # Exit at once on SIGINT/SIGTERM, so the hub (and `praxishub up`) stop quickly.
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    log.info("programme service on http://%s:%d", host, port)
    await stop.wait()
    task.cancel()
    server.stop()
