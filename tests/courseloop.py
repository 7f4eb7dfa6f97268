"""The course loop's steps, shared by the tests that drive it through the hub."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

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


def score_of(hub, person: str) -> dict | None:
    rows = hub.api(person, "GET", "/services/praxis/api/me/scores").json()["scores"]
    mine = [r for r in rows if (r["course"], r["assignment"]) == (COURSE, ASSIGNMENT)]
    return mine[0] if mine else None


def wait_for_score(hub, person: str, timeout: float = 120, after: dict | None = None) -> dict:
    """The person's score, once there is one graded later than AFTER (an earlier score)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mine = score_of(hub, person)
        if mine and (after is None or mine["graded_at"] > after["graded_at"]):
            return mine
        time.sleep(1)
    raise AssertionError(f"no score for {person}:\n{hub.log_tail()}")


def place_submission(course_dir: Path, student: str, code: str | None, tamper=None) -> None:
    """Put a submission in the course as nbgrader collect leaves it."""
    release = course_dir / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nb = json.loads(release.read_text("utf-8"))
    if code is not None:
        nb["cells"][1]["source"] = code
    if tamper is not None:
        tamper(nb)
    folder = course_dir / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    (folder / f"{ASSIGNMENT}.ipynb").write_text(json.dumps(nb), "utf-8")
    (folder / "timestamp.txt").write_text("2027-02-10 12:00:00.000000 UTC")
