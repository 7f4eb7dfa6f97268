"""nbgrader's own commands over the programme API's exchange (praxishub.exchange_api): does
a grader release, a trainee fetch, submit and fetch feedback, the grader collect, grade
and return feedback, with nothing shared on disk but the service's database, and is
each trainee's inbound and feedback their own?

The commands are the real `nbgrader` ones, each run as its person would (own home, own
token); the service is the real exchange handlers; only the hub's answer about who holds
which token is stood in for (tests/handlers.py does the same for the other handlers).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
import tornado.httpserver
import tornado.web

from harness import BIN, FIXTURES, free_port
from praxishub import db

pytestmark = pytest.mark.integration

COURSE, ASSIGNMENT = "tiny", "w01-check"
PEOPLE = {  # token -> (name, kind, scopes)
    "tok-grader": ("grader-tiny", "service", []),
    "tok-anna": ("a.ivanova", "user", ["custom:praxis:learn"]),
    "tok-bolat": ("b.seitkali", "user", ["custom:praxis:learn"]),
    "tok-chen": ("c.chen", "user", ["custom:praxis:learn"]),  # of a cohort not in the course
}
COHORT_OF = {"a.ivanova": "morning", "b.seitkali": "morning", "c.chen": "evening"}
CONFIG = """
import os
import re
c = get_config()
c.Exchange.path_includes_course = True
c.CourseDirectory.course_id = "tiny"
if os.environ.get("JUPYTERHUB_USER"):
    c.CourseDirectory.student_id = os.environ["JUPYTERHUB_USER"]
from praxishub.exchange_api import use_api_exchange
use_api_exchange(c)
"""


class TokenCaller:
    """The hub's answer about a token, from PEOPLE."""

    async def prepare(self) -> None:
        pass

    def get_current_user(self):
        token = self.request.headers.get("Authorization", "").removeprefix("token ")
        if token not in PEOPLE:
            return None
        name, kind, scopes = PEOPLE[token]
        return {"name": name, "kind": kind, "scopes": scopes}


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    from praxishub.service import exchange as api

    base = tmp_path_factory.mktemp("exchange-service")
    engine = db.make_engine(f"sqlite:///{base / 'programme.sqlite'}")
    db.migrate(engine)
    with db.session_scope(engine) as session:
        session.add_all([db.Cohort(id=c, name=c) for c in ("morning", "evening")])
        session.flush()
        session.add_all(
            db.Person(
                username=u, full_name=u, email=f"{u}@example.org", role="trainee", cohort_id=c
            )
            for u, c in COHORT_OF.items()
        )
    args = {"engine": engine, "service_token": "x"}
    app = tornado.web.Application(
        [
            (pattern, type(handler.__name__, (TokenCaller, handler), {}), kw)
            for pattern, handler, kw in api.routes("/services/praxis/", args)
        ],
        teaching={},
        desks={COURSE: "unused"},
        course_cohorts={COURSE: {"morning"}},
    )
    port = free_port()
    ready = threading.Event()
    holder = {}

    def serve() -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        server = tornado.httpserver.HTTPServer(app)
        server.listen(port, "127.0.0.1")
        holder["loop"], holder["server"] = loop, server
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    ready.wait(10)
    yield {"url": f"http://127.0.0.1:{port}/services/praxis", "engine": engine}
    holder["loop"].call_soon_threadsafe(holder["loop"].stop)
    thread.join(10)
    engine.dispose()


def nbgrader(
    service, cwd: Path, token: str, *args: str, user: str | None = None, config: str = CONFIG
):
    """A real nbgrader command as one person: own home (and nbgrader cache), own token."""
    home = cwd.parent / f"home-{token}"
    (home / ".jupyter").mkdir(parents=True, exist_ok=True)
    (home / ".jupyter" / "nbgrader_config.py").write_text(config, "utf-8")
    env = {
        "PATH": f"{BIN}:/usr/bin:/bin",
        "HOME": str(home),
        "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
        "JUPYTER_DATA_DIR": str(home / ".local" / "share" / "jupyter"),
        "JUPYTER_PREFER_ENV_PATH": "0",
        "PRAXISHUB_SERVICE_URL": service["url"],
        "JUPYTERHUB_API_TOKEN": token,
        **({"JUPYTERHUB_USER": user} if user else {}),
    }
    done = subprocess.run(
        [BIN / "nbgrader", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )
    return done


def text_of(page: Path) -> str:
    """A feedback page's text without its markup (code is highlighted token by token)."""
    return re.sub(r"<[^>]+>", "", page.read_text("utf-8"))


def ok(done) -> str:
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_the_loop_through_the_api_and_each_trainees_own(service, tmp_path):
    course = tmp_path / "course"
    shutil.copytree(FIXTURES / "courses" / COURSE / "source", course / "source")
    (course / "nbgrader_config.py").write_text(
        f"c = get_config()\nc.CourseDirectory.root = {str(course)!r}\n", "utf-8"
    )
    grader = lambda *a: nbgrader(service, course, "tok-grader", *a)  # noqa: E731
    ok(grader("db", "assignment", "add", ASSIGNMENT))
    for student in ("a.ivanova", "b.seitkali"):
        ok(grader("db", "student", "add", student))
    ok(grader("generate_assignment", ASSIGNMENT, "--force"))
    ok(grader("release_assignment", ASSIGNMENT))
    again = grader("release_assignment", ASSIGNMENT)  # released already: stock nbgrader says so
    assert again.returncode != 0 and "already exists" in again.stdout + again.stderr

    anna, bolat = tmp_path / "anna", tmp_path / "bolat"
    for who, where, answer in (("anna", anna, "minutes = 30"), ("bolat", bolat, "minutes = 5")):
        where.mkdir()
        token, user = f"tok-{who}", {"anna": "a.ivanova", "bolat": "b.seitkali"}[who]
        listed = ok(nbgrader(service, where, token, "list", user=user))
        assert f"{COURSE} {ASSIGNMENT}" in listed
        ok(nbgrader(service, where, token, "fetch_assignment", ASSIGNMENT, user=user))
        path = where / COURSE / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        nb = json.loads(path.read_text("utf-8"))
        nb["cells"][1]["source"] = answer
        path.write_text(json.dumps(nb), "utf-8")
        ok(nbgrader(service, where, token, "submit", ASSIGNMENT, user=user))

    # each trainee's inbound is their own: the list of submissions shows only theirs
    mine = ok(nbgrader(service, anna, "tok-anna", "list", "--inbound", user="a.ivanova"))
    assert "a.ivanova" in mine and "b.seitkali" not in mine

    ok(grader("collect", ASSIGNMENT))
    for student in ("a.ivanova", "b.seitkali"):
        assert (course / "submitted" / student / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").is_file()
    ok(grader("autograde", ASSIGNMENT, "--force"))
    ok(grader("generate_feedback", ASSIGNMENT, "--force"))
    ok(grader("release_feedback", ASSIGNMENT))

    ok(nbgrader(service, anna, "tok-anna", "fetch_feedback", ASSIGNMENT, user="a.ivanova"))
    pages = list((anna / COURSE / ASSIGNMENT / "feedback").rglob("*.html"))
    assert len(pages) == 1 and "minutes = 30" in text_of(pages[0])
    ok(nbgrader(service, bolat, "tok-bolat", "fetch_feedback", ASSIGNMENT, user="b.seitkali"))
    theirs = list((bolat / COURSE / ASSIGNMENT / "feedback").rglob("*.html"))
    assert len(theirs) == 1 and "minutes = 5" in text_of(theirs[0])
    assert "minutes = 30" not in text_of(theirs[0])

    # nothing of the exchange is on disk anywhere but in the service's database
    leftovers = [p for p in Path(os.environ.get("TMPDIR", "/tmp")).glob("praxis-exchange-*")]
    assert leftovers == [], leftovers


def test_a_trainee_cannot_release_or_submit_as_another(service, tmp_path):
    from praxishub.exchange_api import Client

    anna = Client(service["url"], "tok-anna")
    with pytest.raises(Exception, match="403"):
        anna.put(COURSE, "outbound", "w99", b"zip")
    with pytest.raises(Exception, match="400"):
        anna.put(COURSE, "inbound", f"b.seitkali+{ASSIGNMENT}+2026-12-01T000000", b"zip")
    stranger = Client(service["url"], "tok-nobody")
    with pytest.raises(Exception, match="403"):
        stranger.items(COURSE, "outbound")


def test_a_course_for_another_cohort_does_not_exist_for_a_trainee(service, tmp_path):
    """The course is for the morning cohort: a trainee of the evening cohort, with the
    trainee's own nbgrader configuration (no course named, as in their server), lists
    nothing of it, and cannot fetch from it or submit to it; a morning trainee can."""
    from praxishub.exchange_api import Client, zip_folder

    release = tmp_path / "w02-cohort"
    release.mkdir()
    (release / "w02-cohort.ipynb").write_text(json.dumps({"cells": []}), "utf-8")
    Client(service["url"], "tok-grader").put(COURSE, "outbound", "w02-cohort", zip_folder(release))
    as_in_server = CONFIG.replace('c.CourseDirectory.course_id = "tiny"\n', "")
    chen, anna = tmp_path / "chen", tmp_path / "anna"
    chen.mkdir(), anna.mkdir()

    def run(where, token, user, *args):
        return nbgrader(service, where, token, *args, user=user, config=as_in_server)

    theirs = ok(run(anna, "tok-anna", "a.ivanova", "list"))
    assert f"{COURSE} w02-cohort" in theirs
    listed = ok(run(chen, "tok-chen", "c.chen", "list"))
    assert COURSE not in listed and "w02-cohort" not in listed
    fetch = run(chen, "tok-chen", "c.chen", "fetch_assignment", "w02-cohort", "--course", COURSE)
    assert fetch.returncode != 0
    assert "404 no course tiny for your cohort" in fetch.stdout + fetch.stderr
    assert not (chen / COURSE).exists()
    stranger = Client(service["url"], "tok-chen")
    with pytest.raises(Exception, match="404"):
        stranger.put(COURSE, "inbound", "c.chen+w02-cohort+2026-12-01T000000", b"zip")
    with db.session_scope(service["engine"]) as session:
        stored = session.query(db.ExchangeItem).filter_by(course=COURSE, area="inbound")
        assert all(item.owner != "c.chen" for item in stored)
