"""Does the programme service refuse a hub caller who is no longer in the roster?

The hub's answer about a caller (cookie or token) can be stale: it logs a deactivated
person out only at its next refresh, and their API tokens keep their scopes. So the
service checks the roster itself on every request. The hub's answer is stood in for here
(a real hub does it in tests/integration/test_oauth_login.py); the roster is a real
SQLite database.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from jupyterhub.services.auth import HubOAuthenticated
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

from praxishub import db, people
from praxishub.service.app import BaseHandler, MeHandler
from praxishub.settings import parse_settings

SETTINGS = """\
programme: {name: Gate}
cohorts:
  - {id: c1, name: Spring}
people:
  - {username: m.coord, full_name: Mia Coord, email: m.coord@example.org, role: coordinator}
  - {username: a.trainee, full_name: Ada Trainee, email: a.trainee@example.org, role: trainee, cohort: c1}
"""


class HubSays:
    """The hub's model of the caller, from test headers (name, kind)."""

    def get_current_user(self):  # type: ignore[no-untyped-def]
        name = self.request.headers.get("X-Test-User")  # type: ignore[attr-defined]
        kind = self.request.headers.get("X-Test-Kind", "user")  # type: ignore[attr-defined]
        return {"name": name, "kind": kind, "scopes": []} if name else None


class Who(BaseHandler):
    async def prepare(self) -> None:
        pass

    def get(self) -> None:
        self.write_json({"name": self.caller()["name"]})


class RosterGate(AsyncHTTPTestCase):
    def get_app(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-gate-"))
        self.engine = db.make_engine(f"sqlite:///{self.tmp / 'p.sqlite'}")
        db.migrate(self.engine)
        with db.session_scope(self.engine) as session:
            people.sync_settings(session, parse_settings(SETTINGS, Path("p.yaml")).values)
        # the hub's answer stands in for HubOAuthenticated's, under BaseHandler's check
        self.patched = HubOAuthenticated.get_current_user
        HubOAuthenticated.get_current_user = HubSays.get_current_user  # type: ignore[method-assign]
        args = {"engine": self.engine, "service_token": "x"}
        me = type("Me", (MeHandler,), {"prepare": Who.prepare})
        return Application([("/who", Who, args), ("/me", me, args)], teaching={})

    def tearDown(self):
        HubOAuthenticated.get_current_user = self.patched  # type: ignore[method-assign]
        super().tearDown()
        self.engine.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def ask(self, path: str, user: str, kind: str = "user"):
        response = self.fetch(path, headers={"X-Test-User": user, "X-Test-Kind": kind})
        return response.code, json.loads(response.body)

    def test_a_deactivated_person_is_refused_at_once_and_a_service_is_not_affected(self):
        assert self.ask("/who", "a.trainee") == (200, {"name": "a.trainee"})
        assert self.ask("/me", "a.trainee")[0] == 200
        with db.session_scope(self.engine) as session:
            people.set_active(session, ["a.trainee"], False)
        for path in ("/who", "/me"):
            code, answer = self.ask(path, "a.trainee")
            assert code == 403 and "log in" in answer["message"], path
        # someone the hub knows but the roster never had, likewise
        assert self.ask("/who", "not.in.roster")[0] == 403
        # others, and the hub's services (e.g. a course's autograder), are not affected
        assert self.ask("/who", "m.coord")[0] == 200
        assert self.ask("/who", "autograde-tiny", kind="service")[0] == 200
        with db.session_scope(self.engine) as session:
            people.set_active(session, ["a.trainee"], True)
        assert self.ask("/who", "a.trainee")[0] == 200
