"""The dashboards' data in the programme service: the programme overview, a supervisor's
supervisees and a trainee's own record.

Rule: thin handlers; the figures are ``praxishub.dashboards`` and
``praxishub.dashboard_people``, counted by the database in a worker thread so that a
large programme never stalls the service. Who sees what:

- ``GET api/dashboards/overview?cohort=&course=&from=&to=`` needs
  ``custom:praxis:dashboards:present`` (trainers and coordinators). Trainers present the
  programme's dashboards, so a trainer sees the whole programme, not only the courses
  they teach; the overview holds counts and shares only, never a person's name or row.
- ``GET api/dashboards/supervisor`` needs ``custom:praxis:supervise`` and gives the
  caller's own supervisees only.
- ``GET api/dashboards/me`` is anyone in the roster, about themselves only.

Anyone else gets 403; a bad filter is a 400 whose ``field`` names it. The overview is
the same for everyone allowed to see it, so an answer is kept (``Kept``): fresh for
``OVERVIEW_SECONDS``; up to ``OVERVIEW_STALE_SECONDS`` old it is still answered at once
while one new count runs in the background; older, the caller waits for the new count.
One count per filter runs at a time, however many presenters ask. So a presenter
switching filters back and forth waits once per filter, and figures are at most
``OVERVIEW_STALE_SECONDS`` old.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from jupyterhub.utils import url_path_join
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session
from tornado import web

from praxishub import certificates as core
from praxishub import dashboard_exports, dashboard_people, dashboards, db, people
from praxishub.errors import PraxisError
from praxishub.service.app import BaseHandler
from praxishub.settings import load_settings

PRESENT = "custom:praxis:dashboards:present"
SUPERVISE = "custom:praxis:supervise"
FILTERS = ("cohort", "course", "from", "to")
# A bigger page cache for this connection (SQLite's default is 2 MB): the overview scans
# the attendance and submission tables, and should find them in memory the next time.
SQLITE_CACHE_KIB = 65536
OVERVIEW_SECONDS = 60.0
OVERVIEW_STALE_SECONDS = 180.0
OVERVIEW_KEPT = 32


class Kept:
    """Answers kept per key: fresh for ``fresh_s``; then, up to ``stale_s``, answered at
    once while one new count runs in the background; older (or never counted), counted
    while the caller waits. One count per key at a time: callers asking meanwhile wait
    for that one. A failed count is raised to whoever waits for it, and kept nowhere."""

    def __init__(
        self,
        fresh_s: float = OVERVIEW_SECONDS,
        stale_s: float = OVERVIEW_STALE_SECONDS,
        most: int = OVERVIEW_KEPT,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.fresh_s, self.stale_s, self.most, self.clock = fresh_s, stale_s, most, clock
        self.answers: dict[Any, tuple[float, Any]] = {}
        self.counting: dict[Any, asyncio.Future] = {}

    async def get(self, key: Any, count: Callable[[], Any]) -> Any:
        made, answer = self.answers.get(key, (0.0, None))
        age = self.clock() - made
        if answer is not None and age <= self.fresh_s:
            return answer
        running = self._count(key, count)
        if answer is not None and age <= self.stale_s:
            return answer  # the new count goes on in the background
        return await asyncio.shield(running)

    def _count(self, key: Any, count: Callable[[], Any]) -> asyncio.Future:
        running = self.counting.get(key)
        if running is None:
            running = asyncio.ensure_future(count())
            self.counting[key] = running
            running.add_done_callback(lambda done: self._done(key, done))
        return running

    def _done(self, key: Any, done: asyncio.Future) -> None:
        self.counting.pop(key, None)
        if done.cancelled() or done.exception() is not None:
            return  # (the exception is retrieved here: a background count logs nothing)
        if len(self.answers) >= self.most:
            self.answers.clear()
        self.answers[key] = (self.clock(), done.result())


@lru_cache(maxsize=4)
def _rules(path: str, _mtime_ns: int) -> core.Rules:
    return core.rules_of(load_settings(path))


def rules_from(settings_path: str | None) -> core.Rules:
    """The certificate rules of praxishub.yaml (read again only when it changed)."""
    if not settings_path or not Path(settings_path).exists():
        return core.Rules()
    return _rules(settings_path, Path(settings_path).stat().st_mtime_ns)


class DashboardBase(BaseHandler):
    def initialize(
        self, engine: Engine, service_token: str, settings_path: str | None = None
    ) -> None:
        super().initialize(engine, service_token)
        self.settings_path = settings_path

    def in_roster(self, model: dict[str, Any]) -> str:
        with db.session_scope(self.engine) as session:
            if people.get(session, model["name"]) is None:
                raise web.HTTPError(403, f"{model['name']} is not in this programme's roster")
        return str(model["name"])

    async def counted(self, view: Callable[[Session], dict[str, Any]]) -> dict[str, Any]:
        def run() -> dict[str, Any]:
            with db.session_scope(self.engine) as session:
                if session.get_bind().dialect.name == "sqlite":
                    session.execute(text(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}"))
                return view(session)

        return await asyncio.get_running_loop().run_in_executor(None, run)

    def respond(self, data: dict[str, Any], view: str) -> None:
        """The aggregate as JSON, or with ?format=csv|xlsx[&table=KEY][&lang=] its tables."""
        fmt = self.get_argument("format", None)
        if fmt is None:
            self.write_json(data)
            return
        try:
            name, body = dashboard_exports.export(
                data, view, fmt, self.get_argument("table", None), self.get_argument("lang", "en")
            )
        except dashboard_exports.ExportError as exc:
            self.bad_filter(exc)
            return
        self.set_header("Content-Type", dashboard_exports.MEDIA[fmt])
        self.set_header("Content-Disposition", f'attachment; filename="{name}"')
        self.finish(body)

    def bad_filter(self, exc: PraxisError) -> None:
        field = exc.problems[0].where if exc.problems else None
        self.write_json({"status": 400, "message": str(exc), "field": field}, 400)


class OverviewHandler(DashboardBase):
    async def get(self) -> None:
        model = self.caller()
        if not self.has_scope(model, PRESENT):
            raise web.HTTPError(403, f"the programme overview needs the {PRESENT} scope")
        rules = rules_from(self.settings_path)
        kept = self.application.settings.setdefault("dashboard_overviews", Kept())
        try:  # a filter naming what is not there (a cohort, a course) fails in the count
            filters = dashboards.parse_filters({k: self.get_argument(k, None) for k in FILTERS})
            data = await kept.get(
                (filters, rules),
                lambda: self.counted(
                    lambda s: dashboards.overview(
                        s,
                        filters,
                        rules,
                        course_cohorts=self.application.settings.get("course_cohorts"),
                    )
                ),
            )
        except dashboards.DashboardError as exc:
            self.bad_filter(exc)
            return
        self.respond(data, "overview")


class SupervisorHandler(DashboardBase):
    async def get(self) -> None:
        model = self.caller()
        if not self.has_scope(model, SUPERVISE):
            raise web.HTTPError(403, "the supervisor's dashboard is for supervisors")
        me = self.in_roster(model)
        data = await self.counted(lambda s: dashboard_people.supervisor_view(s, me))
        self.respond(data, "supervisor")


class MyDashboardHandler(DashboardBase):
    async def get(self) -> None:
        me = self.in_roster(self.caller())
        rules = rules_from(self.settings_path)
        only = self.application.settings.get("course_cohorts") or {}
        takes = (lambda c: bool(self.courses_open_to(me, {c}))) if only else None
        data = await self.counted(
            lambda s: dashboard_people.trainee_view(s, me, rules, takes=takes)
        )
        self.respond(data, "me")


def routes(
    prefix: str, args: dict[str, Any], settings_path: str | None = None
) -> list[tuple[str, type, dict[str, Any]]]:
    found = {**args, "settings_path": settings_path or os.environ.get("PRAXISHUB_SETTINGS")}
    return [
        (url_path_join(prefix, "api/dashboards/overview"), OverviewHandler, found),
        (url_path_join(prefix, "api/dashboards/supervisor"), SupervisorHandler, found),
        (url_path_join(prefix, "api/dashboards/me"), MyDashboardHandler, found),
    ]
