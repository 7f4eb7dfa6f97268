"""The course loop's steps, shared by the tests that drive it through the hub."""

from __future__ import annotations

import subprocess
import time

import requests

from harness import BIN
from kernel import execute

COURSE, ASSIGNMENT = "tiny", "w01-check"
GRADER = f"/services/grader-{COURSE}"


def wait_for_grader(hub, trainer: str) -> requests.Response:
    deadline = time.monotonic() + 90
    while True:
        r = hub.api(trainer, "GET", f"{GRADER}/api/status")
        if r.status_code == 200 or time.monotonic() > deadline:
            return r
        time.sleep(1)


def course_trainer(hub) -> str:
    return next(c["trainers"][0] for c in hub.values["courses"] if c["id"] == COURSE)


def release(hub) -> None:
    out = subprocess.run(
        [BIN / "praxishub", "courses", "release", COURSE, ASSIGNMENT, "-c", hub.settings_path],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr


def assignment_action(hub, person: str, action: str) -> requests.Response:
    return hub.api(
        person,
        "POST",
        f"/user/{person}/assignments/{action}",
        json={"course_id": COURSE, "assignment_id": ASSIGNMENT},
    )


def answer(hub, person: str, cells: dict[int, str]) -> None:
    """Write answers into the person's fetched copy, from their own kernel."""
    code = (
        f"import json; p = '{COURSE}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb'; nb = json.load(open(p))\n"
        f"for i, text in {cells!r}.items(): nb['cells'][i]['source'] = text\n"
        "json.dump(nb, open(p, 'w'))\nprint('saved')"
    )
    assert execute(hub.url, person, hub.token(person), code)["stdout"] == "saved\n"


def wait_for_score(hub, person: str, timeout: float = 120) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        rows = hub.api(person, "GET", "/services/praxis/api/me/scores").json()["scores"]
        mine = [r for r in rows if (r["course"], r["assignment"]) == (COURSE, ASSIGNMENT)]
        if mine:
            return mine[0]
        time.sleep(1)
    raise AssertionError(f"no score for {person}:\n{hub.log_tail()}")
