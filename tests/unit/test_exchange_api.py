"""The exchange kept in the programme database: does each trainee have a personal inbound,
is feedback readable only by its trainee, may only a course's graders release, and is a
submission under another trainee's name refused, with nothing stored? (Hostile zips:
test_exchange_store_zips.py.)

Storage runs on SQLite and PostgreSQL; the handlers' own rules run against a stand-in
for the hub's answer about the caller (tests/handlers.py). Everyone is synthetic.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

import handlers
from praxishub import db
from praxishub import exchange_store as store
from praxishub.db import ExchangeItem

SUB = "a.ivanova+w01+2026-11-30 10:00:00.000000 UTC+x7k2m"


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


RELEASE = zipped({"w01.ipynb": b"{}"})
MINE = zipped({"w01.ipynb": b'{"mine": 1}'})


def count(engine) -> int:
    with db.session_scope(engine) as session:
        return session.query(ExchangeItem).count()


def test_names_say_what_they_hold():
    assert store.parse("outbound", "w01-check") == store.Name("w01-check")
    assert store.parse("inbound", SUB) == store.Name("w01", "a.ivanova")
    assert store.parse("inbound", "b.lee+case-x+2026-11-30 10:00:00 UTC") == store.Name(
        "case-x", "b.lee"
    )
    assert store.parse("feedback", "0" * 32 + ".html", "w01") == store.Name("w01")
    for area, name in [
        ("outbound", "../w01"),
        ("outbound", "w01/x"),
        ("inbound", "a.ivanova+w01"),
        ("inbound", "../a+w01+t"),
        ("feedback", "notes.html"),
        ("cache", "w01"),
    ]:
        with pytest.raises(store.ExchangeError):
            store.parse(area, name, "w01")
    with pytest.raises(store.ExchangeError, match="assignment"):
        store.parse("feedback", "0" * 32 + ".html")


def test_release_submit_and_feedback_on_each_engine(programme_engine):
    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "outbound", "w01", zipped({"w01.ipynb": b"1"}))
        store.put(session, "tiny", "outbound", "w01", RELEASE)  # released again: replaced
        store.put(session, "tiny", "inbound", SUB, MINE, owner="a.ivanova")
        store.put(session, "tiny", "feedback", "a" * 32 + ".html", b"<p>ok</p>", "a.ivanova", "w01")
    with db.session_scope(programme_engine) as session:
        assert bytes(store.find(session, "tiny", "outbound", "w01").data) == RELEASE
        assert [i["name"] for i in store.listing(session, "tiny", "inbound", "a.ivanova")] == [SUB]
        assert store.listing(session, "tiny", "inbound", "b.lee") == []
        assert store.listing(session, "tiny", "feedback", "b.lee") == []
        assert store.listing(session, "other", "outbound") == []
    assert count(programme_engine) == 3


def test_refusals_store_nothing(programme_engine):
    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "outbound", "w01", RELEASE)
    refusals = [
        ("inbound", SUB, "b.lee", "names a.ivanova, not b.lee"),
        ("inbound", "a.ivanova+w09+2026-11-30 10:00 UTC", "a.ivanova", "not released"),
    ]
    for area, name, owner, message in refusals:
        with (
            pytest.raises(store.ExchangeError, match=message),
            db.session_scope(programme_engine) as session,
        ):
            store.put(session, "tiny", area, name, b"x", owner=owner)
    with db.session_scope(programme_engine) as session:
        store.put(session, "tiny", "inbound", SUB, MINE, owner="a.ivanova")
    with (
        pytest.raises(store.ExchangeError, match="submitted already"),
        db.session_scope(programme_engine) as session,
    ):
        store.put(session, "tiny", "inbound", SUB, RELEASE, owner="a.ivanova")
    with (
        pytest.raises(store.ExchangeError, match="MB"),
        db.session_scope(programme_engine) as session,
    ):
        store.put(session, "tiny", "outbound", "w02", b"x" * (store.MAX_BYTES + 1))
    with db.session_scope(programme_engine) as session:
        assert bytes(store.find(session, "tiny", "inbound", SUB).data) == MINE
    assert count(programme_engine) == 2


class Caller(handlers.FakeHubCaller):
    """The stand-in caller, a service when X-Test-Kind says so."""

    def get_current_user(self):
        model = super().get_current_user()
        if model and self.request.headers.get("X-Test-Kind") == "service":
            model["kind"] = "service"
        return model


class ExchangeEndpoints(AsyncHTTPTestCase):
    LEARN = "custom:praxis:learn"

    def get_app(self):
        from praxishub.service import exchange as api

        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-exchange-"))
        self.engine = db.make_engine(f"sqlite:///{self.tmp / 'p.sqlite'}")
        db.migrate(self.engine)
        args = {"engine": self.engine, "service_token": "x"}
        routes = [
            (pattern, type(handler.__name__, (Caller, handler), {}), kw)
            for pattern, handler, kw in api.routes("/services/praxis/", args)
        ]
        return Application(
            routes,
            teaching={"t.volkova": ["tiny"], "o.petrov": ["other"]},
            desks={"tiny": "x", "other": "y"},
            course_cohorts={"other": {"evening"}},
        )

    def tearDown(self):
        super().tearDown()
        self.engine.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def call(self, method, path, user, scopes="", body=None, service=False):
        headers = {"X-Test-User": user, "X-Test-Scopes": scopes, "Authorization": "token x"}
        if service:
            headers["X-Test-Kind"] = "service"
        return self.fetch(
            f"/services/praxis/api/exchange/{quote(path, safe='/?=&')}",
            method=method,
            headers=headers,
            body=body,
            allow_nonstandard_methods=True,
        )

    def grader(self, method, path, body=None):
        return self.call(method, path, "grader-tiny", body=body, service=True)

    def trainee(self, method, path, user="a.ivanova", body=None):
        return self.call(method, path, user, self.LEARN, body)

    def test_the_loop_and_who_sees_what(self):
        assert self.grader("PUT", "tiny/outbound/w01", RELEASE).code == 201
        listed = json.loads(self.trainee("GET", "tiny/outbound").body)["items"]
        assert [i["name"] for i in listed] == ["w01"]
        assert self.trainee("GET", "tiny/outbound/w01").body == RELEASE
        assert self.trainee("PUT", f"tiny/inbound/{SUB}", body=MINE).code == 201
        # a personal inbound: the other trainee sees nothing of it, and cannot read it
        other = json.loads(self.trainee("GET", "tiny/inbound", "b.lee").body)["items"]
        assert other == []
        assert self.trainee("GET", f"tiny/inbound/{SUB}", "b.lee").code == 404
        mine = json.loads(self.trainee("GET", "tiny/inbound").body)["items"]
        assert [i["name"] for i in mine] == [SUB]
        # the graders see every submission, and return feedback to its trainee only
        everyone = json.loads(self.grader("GET", "tiny/inbound").body)["items"]
        assert [(i["name"], i["owner"]) for i in everyone] == [(SUB, "a.ivanova")]
        assert self.grader("GET", f"tiny/inbound/{SUB}").body == MINE
        page = "b" * 32 + ".html"
        put = self.grader("PUT", f"tiny/feedback/{page}?student=a.ivanova&assignment=w01", b"fb")
        assert put.code == 201, put.body
        assert self.trainee("GET", f"tiny/feedback/{page}").body == b"fb"
        assert self.trainee("GET", f"tiny/feedback/{page}", "b.lee").code == 404
        assert json.loads(self.trainee("GET", "tiny/feedback", "b.lee").body)["items"] == []
        # the course's trainer grades too; its live autograder reads every submission
        assert self.call("GET", "tiny/inbound", "t.volkova").code == 200
        auto = self.call("GET", "tiny/inbound", "autograde-tiny", service=True)
        assert [i["name"] for i in json.loads(auto.body)["items"]] == [SUB]
        assert self.call("GET", f"tiny/inbound/{SUB}", "autograde-tiny", service=True).body == (
            MINE
        )

    def test_attempts_that_must_fail(self):
        assert self.grader("PUT", "tiny/outbound/w01", RELEASE).code == 201
        forged = SUB.replace("a.ivanova", "b.lee")
        attempts = [
            self.trainee("PUT", f"tiny/inbound/{forged}", body=b"x"),  # another's name
            self.trainee("PUT", "tiny/outbound/w01", body=b"evil"),  # release as a trainee
            self.trainee("DELETE", "tiny/outbound/w01"),
            self.trainee("PUT", f"tiny/feedback/{'c' * 32}.html?student=a.ivanova", b"x"),
            self.call("PUT", "tiny/outbound/w01", "o.petrov", body=b"x"),  # other course
            self.call("GET", "tiny/inbound", "o.petrov"),
            self.call("PUT", "tiny/outbound/w01", "grader-other", body=b"x", service=True),
            self.call("GET", "tiny/inbound", "grader-other", service=True),
            self.grader("PUT", f"tiny/inbound/{SUB}", b"x"),  # a service submits for nobody
            self.call("PUT", "tiny/outbound/w01", "autograde-tiny", body=b"x", service=True),
            self.call("GET", "tiny/inbound", "autograde-other", service=True),
            self.call("GET", "tiny/outbound", "c.visitor"),  # no learn scope
            self.trainee("GET", "nope/outbound"),
        ]
        assert [a.code for a in attempts] == [400, *[403] * 11, 404]
        assert self.trainee("GET", "tiny/outbound/w01").body == RELEASE
        assert count(self.engine) == 1
        anonymous = self.fetch("/services/praxis/api/exchange/tiny/outbound")
        assert anonymous.code == 403

    def test_a_submission_is_never_replaced(self):
        self.grader("PUT", "tiny/outbound/w01", RELEASE)
        assert self.trainee("PUT", f"tiny/inbound/{SUB}", body=MINE).code == 201
        again = self.trainee("PUT", f"tiny/inbound/{SUB}", body=RELEASE)
        assert again.code == 409 and "new timestamp" in again.body.decode()
        assert self.grader("GET", f"tiny/inbound/{SUB}").body == MINE

    def test_a_hostile_zip_is_a_400_naming_it_and_the_fix(self):
        self.grader("PUT", "tiny/outbound/w01", RELEASE)
        answer = self.trainee("PUT", f"tiny/inbound/{SUB}", body=zipped({"../evil.py": b"x"}))
        assert answer.code == 400
        body = json.loads(answer.body)
        assert body["problems"] == [
            {"where": "body", "message": f"{SUB}: ../evil.py", "fix": store.UNZIPPABLE}
        ]
        assert "climbs out" in body["message"]
        assert count(self.engine) == 1

    def enrol(self, **cohort_of: str | None) -> None:
        with db.session_scope(self.engine) as session:
            for cohort in ("morning", "evening"):
                if session.get(db.Cohort, cohort) is None:
                    session.add(db.Cohort(id=cohort, name=cohort))
            session.flush()
            for username, cohort in cohort_of.items():
                person = session.get(db.Person, username)
                if person is None:
                    person = db.Person(
                        username=username,
                        full_name=username,
                        email=f"{username}@example.org",
                        role="trainee",
                    )
                    session.add(person)
                person.cohort_id = cohort

    def test_a_course_for_some_cohorts_is_closed_to_the_others(self):
        self.enrol(**{"a.ivanova": "morning", "b.lee": "evening", "c.nur": None})
        release = self.call("PUT", "other/outbound/w01", "grader-other", body=RELEASE, service=True)
        assert release.code == 201

        def courses(user):
            return json.loads(self.trainee("GET", "", user).body)["courses"]

        # the morning trainee and the one in no cohort: the course does not exist for them
        for outsider in ("a.ivanova", "c.nur", "d.stranger"):
            assert courses(outsider) == ["tiny"]
            tries = [
                self.trainee("GET", "other/outbound", outsider),
                self.trainee("GET", "other/outbound/w01", outsider),
                self.trainee(
                    "PUT", f"other/inbound/{SUB.replace('a.ivanova', outsider)}", outsider, MINE
                ),
                self.trainee("GET", "other/feedback", outsider),
            ]
            assert [t.code for t in tries] == [404] * 4, outsider
            assert RELEASE not in b"".join(t.body for t in tries)
        assert count(self.engine) == 1
        # the evening trainee takes it; so do its grader and trainer, whatever their cohort
        assert courses("b.lee") == ["other", "tiny"]
        assert self.trainee("GET", "other/outbound/w01", "b.lee").body == RELEASE
        mine = SUB.replace("a.ivanova", "b.lee")
        assert self.trainee("PUT", f"other/inbound/{mine}", "b.lee", MINE).code == 201
        assert self.call("GET", "other/inbound", "o.petrov").code == 200
        # the roster moves a.ivanova to the evening cohort: the course opens at once,
        # and closes to b.lee, who leaves it (their submission stays with the graders)
        self.enrol(**{"a.ivanova": "evening", "b.lee": "morning"})
        assert courses("a.ivanova") == ["other", "tiny"]
        assert self.trainee("GET", "other/outbound/w01").body == RELEASE
        assert self.trainee("GET", "other/inbound", "b.lee").code == 404
        graded = json.loads(self.call("GET", "other/inbound", "grader-other", service=True).body)
        assert [i["owner"] for i in graded["items"]] == ["b.lee"]
        # a deactivated trainee of the right cohort is kept out too
        with db.session_scope(self.engine) as session:
            session.get(db.Person, "a.ivanova").active = False
        assert self.trainee("GET", "other/outbound").code == 404
