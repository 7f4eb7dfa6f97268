"""With `exchange.mode: api`, does the whole course loop run through the programme API and
its database, with no exchange folder: a release by the command, fetch and submit from
trainees' own servers, live autograding, desk feedback back to its trainee only?

A hub of its own (Unix prefix pa-), so the shared hub keeps the filesystem exchange.
"""

from __future__ import annotations

import pwd
import subprocess
from pathlib import Path

import pytest

import courseloop as loop
from harness import BIN, own_hub
from praxishub import unixusers
from praxishub.layout import Layout

pytestmark = pytest.mark.integration

PREFIX = "pa-"
KEY = f"{loop.ASSIGNMENT}/open-1"
COMMENT = "Safety first: good. Name the next step too."


@pytest.fixture(scope="module")
def api_hub():
    with own_hub("api-exchange", PREFIX, 4, exchange={"mode": "api"}) as hub:
        yield hub


def test_the_course_loop_through_the_programme_api(api_hub):
    hub = api_hub
    released = subprocess.run(
        [
            BIN / "praxishub",
            "courses",
            "release",
            loop.COURSE,
            loop.ASSIGNMENT,
            "-c",
            hub.settings_path,
        ],
        capture_output=True,
        text=True,
    )
    assert released.returncode == 0, released.stderr
    exchange = Layout(hub.settings_path.parent).exchange_dir / loop.COURSE
    assert not (exchange / "outbound" / loop.ASSIGNMENT).exists()  # in the database only

    anna, bolat = hub.people("trainee")[:2]
    listed = hub.api(anna, "GET", f"/services/praxis/api/exchange/{loop.COURSE}/outbound")
    assert [i["name"] for i in listed.json()["items"]] == [loop.ASSIGNMENT], listed.text
    for trainee, code in ((anna, "minutes = 30"), (bolat, "minutes = 5")):
        hub.start_server(trainee)
        fetched = loop.assignment_action(hub, trainee, "fetch").json()
        assert fetched["success"], fetched
        loop.answer(hub, trainee, {1: code, 3: "First I ask whether the caller is safe."})
        submitted = loop.assignment_action(hub, trainee, "submit").json()
        assert submitted["success"], submitted
    # each trainee's inbound is their own; nothing was written to an exchange folder
    mine = hub.api(anna, "GET", f"/services/praxis/api/exchange/{loop.COURSE}/inbound").json()
    assert {i["owner"] for i in mine["items"]} == {anna}
    assert not (exchange / "inbound").exists() or not any((exchange / "inbound").iterdir())

    # the live autograder lists and collects through the API
    assert loop.wait_for_score(hub, anna, timeout=180)["auto_score"] == 1.0
    assert loop.wait_for_score(hub, bolat, timeout=180)["auto_score"] == 0.0

    person = next(p for p in hub.values["people"] if p["username"] == anna)
    sup = person["supervisor"]
    path = f"/services/praxis/api/desk/submissions/{loop.COURSE}/{loop.ASSIGNMENT}/{anna}"
    opened = hub.api(sup, "GET", path)
    assert opened.status_code == 200, opened.text
    saved = hub.api(
        sup,
        "POST",
        path,
        json={
            "version": opened.json()["desk"]["version"],
            "levels": {KEY: 3},
            "comments": {KEY: COMMENT},
        },
    )
    assert saved.status_code == 200, saved.text
    returned = hub.api(sup, "POST", path + "/feedback", json={})
    assert returned.status_code == 200, returned.text

    fetched = loop.assignment_action(hub, anna, "fetch_feedback").json()
    assert fetched["success"], fetched
    home = Path(pwd.getpwnam(unixusers.unix_name(PREFIX, anna)).pw_dir)
    pages = list(home.glob(f"{loop.COURSE}/{loop.ASSIGNMENT}/feedback/*/{loop.ASSIGNMENT}.html"))
    assert pages and COMMENT in pages[-1].read_text("utf-8")
    # the other trainee gets no feedback of anyone's
    other = loop.assignment_action(hub, bolat, "fetch_feedback").json()
    home = Path(pwd.getpwnam(unixusers.unix_name(PREFIX, bolat)).pw_dir)
    assert not list(home.glob(f"{loop.COURSE}/{loop.ASSIGNMENT}/feedback/*/*.html")), other
    feedback = hub.api(bolat, "GET", f"/services/praxis/api/exchange/{loop.COURSE}/feedback")
    assert feedback.json()["items"] == []
