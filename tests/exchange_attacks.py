"""Attacks on nbgrader's exchange, in both of its modes, for the attack catalogue.

`api_attacks`: the exchange kept by the programme API (`exchange.mode: api`, the
default). A trainee holds their own hub token (their server has it), so each attack is a
request with it, or a file action as their own Unix user; each knows whether it worked
(a 2xx answer, data came back, a state changed).

`filesystem_attacks`: the exchange folder of one machine (`exchange.mode: filesystem`),
attacked as the trainee's own Unix user.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import shutil
import subprocess
import time
import zipfile
from pathlib import Path

import requests

import courseloop as loop
from attack_matrix import Attack
from harness import read_only, world_dir
from praxishub import unixusers
from praxishub.layout import Layout

NOTEBOOK = f"{loop.ASSIGNMENT}.ipynb"


def as_user(prefix: str, person: str, script: str) -> subprocess.CompletedProcess:
    unix = unixusers.unix_name(prefix, person)
    return subprocess.run(
        ["runuser", "-u", unix, "--", "sh", "-c", script], capture_output=True, text=True
    )


def nbgrader_stamp() -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S.000000 UTC", time.gmtime())


def course_dir(hub) -> Path:
    return hub.settings_path.parent / "courses" / loop.COURSE


def submit_honestly(hub, person: str, code: str) -> dict | None:
    """Fetch, answer and submit from the person's own server; their score before."""
    hub.start_server(person)
    loop.assignment_action(hub, person, "fetch")
    earlier = loop.score_of(hub, person)
    loop.answer(hub, person, {1: code})
    assert loop.assignment_action(hub, person, "submit").json()["success"]
    return earlier


# --- the exchange kept by the programme API -------------------------------------------


def items(hub, area: str) -> list[tuple[str, str | None, str]]:
    """(name, owner, sha256) of the course's items of an area, read off the database."""
    return read_only(
        Layout(hub.settings_path.parent).programme_db,
        "SELECT name, owner, sha256 FROM exchange_items WHERE course = ? AND area = ?",
        loop.COURSE,
        area,
    )


def zipped(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def zip_bomb(unpacked: int = 300 * 2**20) -> bytes:
    """One notebook that unpacks to UNPACKED bytes of zeros (about 1,000 to 1)."""
    out = io.BytesIO()
    chunk = b"\0" * 2**20
    with (
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z,
        z.open(f"{loop.ASSIGNMENT}/{NOTEBOOK}", "w", force_zip64=True) as member,
    ):
        for _ in range(unpacked // len(chunk)):
            member.write(chunk)
    return out.getvalue()


def return_feedback(hub, supervisor: str, trainee: str, comment: str) -> None:
    """The supervisor grades the trainee's open answer at the desk and returns feedback."""
    key = f"{loop.ASSIGNMENT}/open-1"
    path = f"/services/praxis/api/desk/submissions/{loop.COURSE}/{loop.ASSIGNMENT}/{trainee}"
    opened = hub.api(supervisor, "GET", path)
    assert opened.status_code == 200, opened.text
    body = {
        "version": opened.json()["desk"]["version"],
        "levels": {key: 3},
        "comments": {key: comment},
    }
    saved = hub.api(supervisor, "POST", path, json=body)
    assert saved.status_code == 200, saved.text
    returned = hub.api(supervisor, "POST", path + "/feedback", json={})
    assert returned.status_code == 200, returned.text


ROSTER = ["username", "full_name", "email", "role", "cohort", "supervisor"]


@contextlib.contextmanager
def out_of_every_cohort(hub, coordinator: str, trainee: str):
    """The coordinator's roster upload takes the trainee out of their cohort (as when
    they leave a group), and puts them back afterwards."""

    def upload(cohort: str) -> None:
        p = next(p for p in hub.values["people"] if p["username"] == trainee)
        row = [p["username"], p["full_name"], p["email"], p["role"], cohort, p.get("supervisor")]
        text = ",".join(ROSTER) + "\n" + ",".join(str(v or "") for v in row) + "\n"
        body = {
            "file_name": "move.csv",
            "content_base64": base64.b64encode(text.encode()).decode(),
            "dry_run": False,
        }
        done = hub.api(coordinator, "POST", "/services/praxis/api/people/import", json=body)
        assert done.status_code == 200, done.text

    cohort = next(p["cohort"] for p in hub.values["people"] if p["username"] == trainee)
    upload("")
    try:
        yield
    finally:
        upload(cohort)


def cohort_attacks(hub, outsider: str) -> list[Attack]:
    """The course is for the programme's cohorts (`courses[].cohorts`); the outsider, a
    trainee in none of them (who has submitted to it before), goes for it with their own
    hub token."""
    base = "/services/praxis/api/exchange"
    submission = f"{outsider}+{loop.ASSIGNMENT}+{nbgrader_stamp().replace(' ', 'T')}"
    release = course_dir(hub) / "release" / loop.ASSIGNMENT / NOTEBOOK
    honest = zipped({NOTEBOOK: release.read_bytes()})

    def call(method: str, path: str, **kw: object) -> requests.Response:
        return hub.api(outsider, method, f"{base}/{path}", **kw)

    def submitted() -> bool:
        answered = call("PUT", f"{loop.COURSE}/inbound/{submission}", data=honest)
        stored = any(n == submission for n, _, _ in items(hub, "inbound"))
        return answered.status_code < 300 or stored

    return [
        Attack(
            "see a course of other cohorts in one's list of courses",
            "exchange:cohorts",
            lambda: loop.COURSE in call("GET", "").json()["courses"],
        ),
        Attack(
            "list a course's released assignments from outside its cohorts",
            "exchange:cohorts",
            lambda: call("GET", f"{loop.COURSE}/outbound").status_code == 200,
        ),
        Attack(
            "fetch a course's released assignment from outside its cohorts",
            "exchange:cohorts",
            lambda: call("GET", f"{loop.COURSE}/outbound/{loop.ASSIGNMENT}").status_code == 200,
        ),
        Attack("submit to a course from outside its cohorts", "exchange:cohorts", submitted),
    ]


def api_attacks(hub, prefix: str, attacker: str, victim: str, supervisor: str) -> list[Attack]:
    """The victim submitted and got feedback; the attacker, with their own hub token and
    as their own Unix user, goes for the victim's submission and feedback, the released
    assignment, and the grading of everyone (hostile zips, a flood of submissions)."""
    base = f"/services/praxis/api/exchange/{loop.COURSE}"
    stamp = nbgrader_stamp().replace(" ", "T")

    def call(method: str, path: str, **kw: object) -> requests.Response:
        return hub.api(attacker, method, f"{base}/{path}", **kw)

    def others(area: str) -> bool:
        listed = call("GET", area).json()["items"]
        return any(i["owner"] != attacker for i in listed)

    submission = next(n for n, owner, _ in items(hub, "inbound") if owner == victim)
    feedback = next(n for n, owner, _ in items(hub, "feedback") if owner == victim)
    released = dict((n, sha) for n, _, sha in items(hub, "outbound"))[loop.ASSIGNMENT]
    release = course_dir(hub) / "release" / loop.ASSIGNMENT / NOTEBOOK
    nb = json.loads(release.read_text("utf-8"))
    nb["cells"][1]["source"] = "minutes = 30  # FORGED by another trainee"
    forged = zipped({NOTEBOOK: json.dumps(nb).encode()})
    honest = zipped({NOTEBOOK: release.read_bytes()})

    def own(name_tail: str) -> str:
        return f"{attacker}+{loop.ASSIGNMENT}+{stamp}{name_tail}"

    def stored(method: str, path: str, data: bytes) -> bool:
        return 200 <= call(method, path, data=data).status_code < 300

    def changed_release() -> bool:
        answered = stored("PUT", f"outbound/{loop.ASSIGNMENT}", forged)
        now = dict((n, sha) for n, _, sha in items(hub, "outbound")).get(loop.ASSIGNMENT)
        return answered or now != released

    def forge() -> bool:
        name = f"{victim}+{loop.ASSIGNMENT}+{stamp}+forged"
        answered = stored("PUT", f"inbound/{name}", forged)
        return answered or any(n == name for n, _, _ in items(hub, "inbound"))

    def flood() -> bool:
        """More submissions than anyone makes: is there a point where they stop?"""
        answers = [call("PUT", f"inbound/{own(f'+flood{i:03d}')}", data=honest) for i in range(120)]
        return all(200 <= a.status_code < 300 for a in answers)

    programme_db = Layout(hub.settings_path.parent).programme_db
    return [
        Attack(
            "list other trainees' submissions through the API",
            "exchange",
            lambda: others("inbound"),
        ),
        Attack(
            "read another trainee's submission by its name",
            "exchange",
            lambda: call("GET", f"inbound/{submission}").status_code == 200,
        ),
        Attack(
            "read another trainee's submission by a wildcard",
            "exchange",
            lambda: call("GET", f"inbound/{victim}+{loop.ASSIGNMENT}+*").status_code == 200,
        ),
        Attack(
            "list other trainees' feedback through the API", "exchange", lambda: others("feedback")
        ),
        Attack(
            "read another trainee's feedback by its name",
            "exchange",
            lambda: (
                call(
                    "GET", f"feedback/{feedback}", params={"assignment": loop.ASSIGNMENT}
                ).status_code
                == 200
            ),
        ),
        Attack(
            "write feedback for another trainee",
            "exchange",
            lambda: stored(
                "PUT",
                f"feedback/{'0' * 32}.html?student={victim}&assignment={loop.ASSIGNMENT}",
                b"<p>forged feedback</p>",
            ),
        ),
        Attack("replace the released assignment", "exchange", changed_release),
        Attack(
            "withdraw the released assignment",
            "exchange",
            lambda: call("DELETE", f"outbound/{loop.ASSIGNMENT}").status_code < 300,
        ),
        Attack("submit in another trainee's name through the API", "exchange", forge),
        Attack(
            "submit a zip that writes outside its folder",
            "exchange",
            lambda: stored("PUT", f"inbound/{own('+slip')}", zipped({"../../planted.py": b"x=1"})),
        ),
        Attack(
            "submit a zip bomb",
            "exchange",
            lambda: stored("PUT", f"inbound/{own('+bomb')}", zip_bomb()),
        ),
        Attack(
            "submit something that is not a zip",
            "exchange",
            lambda: stored("PUT", f"inbound/{own('+junk')}", b"not a zip at all"),
        ),
        Attack("flood the inbound with submissions", "exchange", flood),
        Attack(
            "read the programme database that keeps the exchange",
            "exchange",
            lambda: as_user(prefix, attacker, f"head -c 16 '{programme_db}'").returncode == 0,
        ),
    ]


# --- the exchange folder of one machine ----------------------------------------------


def filesystem_attacks(hub, prefix: str, attacker: str, victim: str) -> list[Attack]:
    """As a trainee's own Unix user: is the inbound folder unlistable, another trainee's
    submission unreadable under any guessed name, the released assignment unwritable,
    and a submission made in another trainee's name refused when it is collected?"""
    loop.release(hub)
    submit_honestly(hub, attacker, "minutes = 5")
    earlier = submit_honestly(hub, victim, "minutes = 30  # the victim's own answer")
    exchange = Layout(hub.settings_path.parent).exchange_dir / loop.COURSE
    inbound = exchange / "inbound"
    real = sorted(inbound.glob(f"{victim}+{loop.ASSIGNMENT}+*"))[-1].name
    stamp = real.split("+")[2]

    def user(script: str) -> bool:
        return as_user(prefix, attacker, script).returncode == 0

    def reads(name: str) -> bool:
        return user(f"cat '{inbound / name / NOTEBOOK}'")

    forged_name = f"{victim}+{loop.ASSIGNMENT}+{nbgrader_stamp()}+forged"
    released = exchange / "outbound" / loop.ASSIGNMENT / NOTEBOOK
    forged_nb = json.loads(released.read_text("utf-8"))
    forged_nb["cells"][1]["source"] = "minutes = 30  # FORGED by another trainee"
    forged_file = world_dir("praxis-forged-") / NOTEBOOK  # pytest's tmp is root's alone
    forged_file.write_text(json.dumps(forged_nb), "utf-8")
    forged_file.chmod(0o644)
    graded_in = course_dir(hub)

    def forge() -> bool:
        made = as_user(
            prefix,
            attacker,
            f"mkdir '{inbound / forged_name}' && cp '{forged_file}' '{inbound / forged_name}/'",
        )
        assert made.returncode == 0, made.stderr  # inbound is writable: that is how one submits
        shutil.rmtree(forged_file.parent, ignore_errors=True)
        loop.wait_for_score(hub, victim, timeout=300, after=earlier)
        state = graded_in / ".praxis" / "graded.json"
        deadline = time.monotonic() + 120
        while forged_name not in state.read_text("utf-8"):
            assert time.monotonic() < deadline, "the autograder never looked at the forgery"
            time.sleep(1)
        collected = (graded_in / "submitted" / victim / loop.ASSIGNMENT / NOTEBOOK).read_text(
            "utf-8"
        )
        return "FORGED" in collected or "victim's own answer" not in collected

    attacks = [
        Attack("list the inbound folder", "exchange", lambda: user(f"ls '{inbound}'")),
        Attack(
            "read a submission by wildcard",
            "exchange",
            lambda: user(f"cat '{inbound}'/{victim}+*/{NOTEBOOK}"),
        ),
        Attack(
            "read a submission named without its random part",
            "exchange",
            lambda: reads(f"{victim}+{loop.ASSIGNMENT}+{stamp}"),
        ),
        Attack(
            "read a submission under a guessed random part",
            "exchange",
            lambda: reads(f"{victim}+{loop.ASSIGNMENT}+{stamp}+AAAAAAAAAAAA"),
        ),
        Attack(
            "change the released assignment",
            "exchange",
            lambda: user(f"touch '{released.parent}/planted.txt'"),
        ),
        Attack(
            "move the course's exchange folder away",
            "exchange",
            lambda: user(f"mv '{exchange}' '{exchange}.gone'"),
        ),
    ]
    feedback = exchange / "feedback"
    if feedback.exists():
        attacks.append(
            Attack("list the feedback folder", "exchange", lambda: user(f"ls '{feedback}'"))
        )
    return [*attacks, Attack("submit in another trainee's name", "exchange", forge)]
