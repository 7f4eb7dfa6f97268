"""Faults: kill -9 the programme service, an autograding worker and the whole hub in the
middle of the journeys; afterwards nothing a client was told is stored is lost, nothing is
stored twice, nothing is half-written, and queued work resumes. Then 20 graders save at
once, and a backup of it all restores whole.

What is killed:
- the programme service (`python -m praxishub.service`) and the course's autograder
  (`python -m praxishub.autograder`, with the nbgrader run and the kernel under it: "an
  autograding worker") are hub-managed services; JupyterHub starts them again by itself;
- "the hub", for an operator, is `praxishub up` and every process under it (JupyterHub,
  the proxy, the services, people's servers): all of it is killed at once, as when the
  machine's hub dies, and then the operator runs `praxishub up` again.

With ``PRAXIS_RELIABILITY_DIR`` set, the figures go to ``faults.json`` there.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import threading
import time
import uuid
import zipfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import psutil
import pytest
import requests

import courseloop as loop
from harness import BIN, Hub, kill9, make_programme, read_only, remove_test_users, world_dir
from praxishub import desk
from praxishub.backup import _counts, _integrity
from praxishub.layout import Layout

pytestmark = [pytest.mark.integration, pytest.mark.root]

PREFIX = "pf-"  # Unix users of this module's own hub, apart from the shared hub's
KEY = f"{loop.ASSIGNMENT}/open-1"
DESK = "/services/praxis/api/desk/submissions"
SESSIONS = "/services/praxis/api/supervision/sessions"
CHECKIN = "/services/praxis/api/attendance/checkin"
EXCHANGE_PEOPLE = 6  # trainees who submit through the exchange
BULK = ("--workers", "2", "--no-collect")
PLACED = 26  # trainees whose submission is put in place: 20 + 1 for the graders, 5 for faults


@dataclass
class Ledger:
    """What clients were told, and what was found stored afterwards."""

    faults: int = 0
    checked: set[str] = field(default_factory=set)
    lost: set[str] = field(default_factory=set)
    doubled: set[str] = field(default_factory=set)
    sessions: dict[str, int | None] = field(default_factory=dict)  # note -> status
    checkins: dict[str, int | None] = field(default_factory=dict)  # trainee -> status
    desk: dict[str, tuple[int | None, int]] = field(
        default_factory=dict
    )  # trainee -> status, level
    submits: dict[str, tuple[int, int | None]] = field(
        default_factory=dict
    )  # trainee -> submissions stored before, status

    def found(self, what: str, stored: int, answered: int | None) -> None:
        """A write the client got ``answered`` for is stored ``stored`` times."""
        self.checked.add(what)
        ok = answered is not None and 200 <= answered < 300
        if ok and stored == 0:
            self.lost.add(what)
        if stored > 1:
            self.doubled.add(what)


@pytest.fixture(scope="module")
def ledger(request):
    kept = Ledger()
    yield kept
    figures = {
        "faults_injected": kept.faults,
        "items_lost": len(kept.lost),
        "items_checked": len(kept.checked),
        "items_duplicated": len(kept.doubled),
    }
    with request.config.pluginmanager.getplugin("capturemanager").global_and_fixture_disabled():
        print(f"\nfaults: {figures} {sorted(kept.lost | kept.doubled)}")
    if os.environ.get("PRAXIS_RELIABILITY_DIR"):
        out = Path(os.environ["PRAXIS_RELIABILITY_DIR"])
        out.mkdir(parents=True, exist_ok=True)
        (out / "faults.json").write_text(json.dumps(figures, indent=2) + "\n", "utf-8")


@pytest.fixture(scope="module")
def world():
    """This module's own hub (it is killed), with submissions of the tiny course in place."""
    base = world_dir("praxishub-faults-")
    spawner = {
        "home_root": str(base / "home"),
        "unix_prefix": PREFIX,
        "idle_timeout": 0,
        "start_timeout": 90,
    }
    hub = Hub(make_programme(base, trainees=EXCHANGE_PEOPLE + PLACED, spawner=spawner))
    try:
        loop.release(hub)
        course_dir = hub.settings_path.parent / "courses" / loop.COURSE
        for trainee in hub.people("trainee")[EXCHANGE_PEOPLE:]:
            loop.place_submission(course_dir, trainee, "minutes = 30")
        bulk = ["grade", "autograde", loop.COURSE, loop.ASSIGNMENT, *BULK]
        graded = subprocess.run(
            [BIN / "praxishub", *bulk, "-c", hub.settings_path],
            capture_output=True,
            text=True,
        )
        assert f"graded {PLACED}," in graded.stdout, graded.stdout + graded.stderr
        hub.start(timeout=120)
        for person in [*hub.people("trainee")[:EXCHANGE_PEOPLE], *hub.people("supervisor")]:
            hub.token(person)  # logging in needs the programme service: not during a fault
        yield hub
    finally:
        if hub.proc is not None and hub.proc.poll() is None:
            hub.stop()
        remove_test_users(PREFIX)
        shutil.rmtree(base, ignore_errors=True)


# --- reading what is stored (read-only) and the processes ---------------------------


def programme(hub: Hub, sql: str, *args: object) -> list[tuple]:
    return read_only(Layout(hub.settings_path.parent).programme_db, sql, *args)


def count(hub: Hub, where: str, *args: object) -> int:
    return programme(hub, f"SELECT count(*) FROM {where}", *args)[0][0]  # noqa: S608


def gradebook(hub: Hub) -> dict[str, tuple[float | None, str | None]]:
    """trainee -> (manual score, comment) of the open answer, from nbgrader's gradebook."""
    path = hub.settings_path.parent / "courses" / loop.COURSE / "gradebook.db"
    found = read_only(
        path,
        "SELECT s.student_id, g.manual_score, c.manual_comment FROM grade g"
        " JOIN base_cell b ON g.cell_id = b.id"
        " JOIN submitted_notebook n ON g.notebook_id = n.id"
        " JOIN submitted_assignment s ON n.assignment_id = s.id"
        # a comment belongs to the solution cell of the same name as the grade cell
        " LEFT JOIN (comment c JOIN base_cell cb ON c.cell_id = cb.id)"
        " ON c.notebook_id = g.notebook_id AND cb.name = b.name"
        " WHERE b.name = 'open-1'",
    )
    return {student: (score, comment) for student, score, comment in found}


def expected_points(level: int) -> float:
    rubric = desk.rubric_for(loop.ASSIGNMENT)
    return desk.points(level, desk.criterion_for(rubric, KEY), 2.0)


def wait_restarted(hub: Hub, module: str, old: int, timeout: float = 120) -> psutil.Process:
    """The service JupyterHub started again in place of process ``old`` (it polls each
    managed service every 30 s), once the programme service answers again."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        proc = hub.service_process(module)
        if proc is not None and proc.pid != old and healthy(hub):
            return proc
        time.sleep(0.5)
    raise AssertionError(f"{module} was not started again:\n{hub.log_tail()}")


def healthy(hub: Hub) -> bool:
    with contextlib.suppress(requests.RequestException):
        return requests.get(f"{hub.url}/services/praxis/api/health", timeout=5).ok
    return False


def status(hub: Hub, who: str, method: str, path: str, body: dict) -> int | None:
    """The status code, or None when the connection failed."""
    try:
        return hub.api(who, method, path, json=body).status_code
    except requests.RequestException:
        return None


def supervisor_of(hub: Hub, trainee: str) -> str:
    return next(p["supervisor"] for p in hub.values["people"] if p["username"] == trainee)


# --- the journeys -----------------------------------------------------------------


def log_session(hub: Hub, ledger: Ledger, trainee: str) -> None:
    note = f"fault-{uuid.uuid4().hex[:12]}"
    body = {
        "date": date.today().isoformat(),
        "minutes": 50,
        "kind": "individual",
        "participants": [{"trainee": trainee, "note": note}],
    }
    ledger.sessions[note] = status(hub, supervisor_of(hub, trainee), "POST", SESSIONS, body)


def save_grade(hub: Hub, ledger: Ledger, trainee: str, level: int) -> None:
    body = {"version": 0, "levels": {KEY: level}, "comments": {KEY: f"level {level}"}}
    path = f"{DESK}/{loop.COURSE}/{loop.ASSIGNMENT}/{trainee}"
    ledger.desk[trainee] = (status(hub, supervisor_of(hub, trainee), "POST", path, body), level)


def check_in(hub: Hub, ledger: Ledger, trainee: str, code: str) -> None:
    ledger.checkins[trainee] = status(hub, trainee, "POST", CHECKIN, {"code": code})


def submit(hub: Hub, trainee: str, code: str) -> None:
    loop.answer(hub, trainee, {1: code})
    done = loop.assignment_action(hub, trainee, "submit").json()
    assert done["success"], done


def exchange_submit(hub: Hub, ledger: Ledger, trainee: str) -> None:
    """A submission through the exchange (nbgrader in the trainee's own server, through
    the programme API), whose answer is kept with how many the trainee had before."""
    had = sum(owner == trainee for owner, _, _ in inbound(hub).values())
    try:
        done = loop.assignment_action(hub, trainee, "submit").json().get("success")
    except (requests.RequestException, ValueError):
        done = None
    ledger.submits[trainee] = (had, 200 if done else None)


def graded_at(hub: Hub) -> dict[str, str]:
    return dict(
        programme(
            hub,
            "SELECT username, graded_at FROM scores WHERE course = ? AND assignment = ?",
            loop.COURSE,
            loop.ASSIGNMENT,
        )
    )


def inbound(hub: Hub) -> dict[str, tuple[str, bytes, str]]:
    """The course's submissions in the exchange (the programme database's, as
    `exchange.mode: api` keeps them): name -> (owner, data, sha256)."""
    rows = programme(
        hub,
        "SELECT name, owner, data, sha256 FROM exchange_items WHERE course = ? AND area = ?",
        loop.COURSE,
        "inbound",
    )
    return {name: (owner, bytes(data), sha) for name, owner, data, sha in rows}


def wait_until_all_graded(hub: Hub, timeout: float = 180) -> None:
    """Until the autograder has remembered every submission in the exchange as graded."""
    layout = Layout(hub.settings_path.parent)
    state = layout.courses_dir / loop.COURSE / ".praxis" / "graded.json"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(FileNotFoundError, ValueError):
            if set(inbound(hub)) <= set(json.loads(state.read_text("utf-8"))):
                return
        time.sleep(1)
    raise AssertionError(f"queued submissions were never graded:\n{hub.log_tail()}")


def in_parallel(jobs: list, spread: float = 0.15) -> threading.Thread:
    """Run the jobs on threads, one started every ``spread`` seconds, in the background."""

    def run() -> None:
        with ThreadPoolExecutor(8) as pool:
            for i, job in enumerate(jobs):
                pool.submit(lambda i=i, job=job: (time.sleep(i * spread), job()))

    thread = threading.Thread(target=run)
    thread.start()
    return thread


# --- what must hold after every restart ---------------------------------------------


def check_stored(hub: Hub, ledger: Ledger) -> None:
    """Each write a client sent is stored once if it was answered 2xx, at most once if not,
    and never in part: a desk grade is in the gradebook exactly as the desk claims it."""
    for note, answered in ledger.sessions.items():
        n = count(hub, "supervision_participants WHERE note = ?", note)
        ledger.found(f"supervision session {note}", n, answered)
    for trainee, answered in ledger.checkins.items():
        n = count(hub, "checkins WHERE username = ?", trainee)
        ledger.found(f"check-in of {trainee}", n, answered)
    # No submission in the exchange is half-written.
    for name, (_, data, sha) in inbound(hub).items():
        assert hashlib.sha256(data).hexdigest() == sha, f"{name} is not stored whole"
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            assert z.testzip() is None, f"{name} is a damaged zip"
    # A save the fault cut off between the desk and the gradebook is finished by the
    # service once it and the course are back: compare after that.
    deadline = time.monotonic() + 120
    while count(hub, "desk_grades WHERE pending IS NOT NULL"):
        assert time.monotonic() < deadline, "a desk save cut off by the fault was never settled"
        time.sleep(0.5)
    book = gradebook(hub)
    stored = dict(
        programme(
            hub,
            "SELECT username, rubric FROM desk_grades WHERE course = ? AND version > 0",
            loop.COURSE,
        )
    )
    for trainee, (answered, level) in ledger.desk.items():
        claimed = json.loads(stored[trainee])[KEY] if trainee in stored else None
        in_book = book[trainee][0]
        same = (claimed is None and in_book is None) or (
            claimed is not None and in_book == expected_points(claimed)
        )
        ledger.found(f"desk grade of {trainee}", 1 if same and claimed == level else 0, answered)
        assert same, f"desk says level {claimed}, gradebook {in_book} for {trainee}"
    # Checked in means present: the attendance row came with the check-in, never apart.
    checked = {u for (u,) in programme(hub, "SELECT username FROM checkins")}
    present = {
        u
        for (u,) in programme(hub, "SELECT username FROM attendance WHERE source_format='checkin'")
    }
    assert checked == present
    assert not ledger.lost and not ledger.doubled, (ledger.lost, ledger.doubled)


@pytest.fixture(scope="module")
def journeys(world: Hub, ledger: Ledger) -> dict:
    """Before any fault: two trainees submitted through the exchange and got scores, a
    session is logged, a check-in window is open and one trainee checked in, and a
    supervisor saved a grade."""
    hub = world
    trainees = hub.people("trainee")[:EXCHANGE_PEOPLE]
    with ThreadPoolExecutor(EXCHANGE_PEOPLE) as pool:
        list(pool.map(hub.start_server, trainees))
        fetched = list(pool.map(lambda t: loop.assignment_action(hub, t, "fetch"), trainees))
        assert all(r.json()["success"] for r in fetched)
        list(pool.map(lambda t: submit(hub, t, "minutes = 30"), trainees[:2]))
    for trainee in trainees[:2]:
        assert loop.wait_for_score(hub, trainee)["auto_score"] == 1.0
    log_session(hub, ledger, trainees[0])
    trainer = loop.course_trainer(hub)
    body = {"course": loop.COURSE, "webinar": loop.ASSIGNMENT, "minutes": 60}
    opened = hub.api(trainer, "POST", "/services/praxis/api/attendance/checkin/windows", json=body)
    assert opened.status_code == 201, opened.text
    check_in(hub, ledger, trainees[0], opened.json()["code"])
    save_grade(hub, ledger, trainees[0], 3)
    assert ledger.sessions and all(s == 201 for s in ledger.sessions.values())
    assert ledger.checkins[trainees[0]] == 200 and ledger.desk[trainees[0]][0] == 200
    return {"trainees": trainees, "code": opened.json()["code"]}


def test_programme_service_killed_mid_requests(world, ledger, journeys):
    """With supervisors logging sessions, trainees checking in and submitting through the
    exchange (kept by this service) and a supervisor grading, the programme service is
    killed: is every answered write stored once, and does the service come back by
    itself?"""
    hub, trainees = world, journeys["trainees"]
    placed = hub.people("trainee")[EXCHANGE_PEOPLE + 21 :]
    for trainee in trainees[:2]:
        loop.answer(hub, trainee, {1: "minutes = 30"})
    jobs = [lambda t=t: log_session(hub, ledger, t) for t in trainees]
    # nbgrader sends a submission about a second after it is asked: about the kill's time
    jobs += [lambda t=t: exchange_submit(hub, ledger, t) for t in trainees[:2]]
    jobs += [lambda t=t: log_session(hub, ledger, t) for t in trainees]
    jobs += [lambda t=t: check_in(hub, ledger, t, journeys["code"]) for t in trainees[1:]]
    jobs += [lambda t=t, i=i: save_grade(hub, ledger, t, i % 4) for i, t in enumerate(placed[:3])]
    old = hub.service_process("praxishub.service")
    running = in_parallel(jobs)
    time.sleep(len(jobs) * 0.15 / 3)
    kill9([old])
    ledger.faults += 1
    running.join()
    answered = [*ledger.sessions.values(), *ledger.checkins.values()]
    assert None in answered or any(s >= 500 for s in answered if s), "no request met the fault"
    wait_restarted(hub, "praxishub.service", old.pid)
    # A submission nbgrader reported as made is stored once (it is whole: check_stored).
    stored = inbound(hub)
    for trainee, (had, answered) in ledger.submits.items():
        n = sum(owner == trainee for owner, _, _ in stored.values()) - had
        ledger.found(f"submission of {trainee}", n, answered)
    wait_until_all_graded(hub)  # what was submitted is graded before the next fault
    check_stored(hub, ledger)


def test_autograder_killed_while_grading(world, ledger, journeys):
    """Four trainees submit; the autograder is killed while it grades, and a trainee
    submits while it is dead: is every submission graded after it comes back, and what
    was graded before the kill not graded again?"""
    hub, trainees = world, journeys["trainees"]
    with ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda t: submit(hub, t, "minutes = 30"), trainees[2:]))
    worker = None
    deadline = time.monotonic() + 120
    while worker is None and time.monotonic() < deadline:
        proc = hub.service_process("praxishub.autograder")
        done = set(graded_at(hub)) & set(trainees[2:])
        with contextlib.suppress(psutil.Error, AttributeError):
            grading = [c for c in proc.children(recursive=True) if "autograde" in c.cmdline()]
            if done and grading:
                worker = [proc, *proc.children(recursive=True)]
        time.sleep(0.1)
    assert worker, f"the autograder was never caught grading:\n{hub.log_tail()}"
    before = graded_at(hub)
    kill9(worker)
    ledger.faults += 1
    submit(hub, trainees[0], "minutes = 31")  # arrives while no autograder runs
    wait_restarted(hub, "praxishub.autograder", worker[0].pid)
    wait_until_all_graded(hub)
    after = graded_at(hub)
    for trainee in trainees:
        ledger.found(f"score of {trainee}", int(trainee in after), 200)
    for trainee in set(before) & set(trainees[1:]):
        assert after[trainee] == before[trainee], f"{trainee} was graded again"
    assert after[trainees[0]] > before[trainees[0]]
    assert loop.score_of(hub, trainees[0])["auto_score"] == 0.0
    assert all(loop.score_of(hub, t)["auto_score"] == 1.0 for t in trainees[1:])
    check_stored(hub, ledger)


def test_whole_hub_killed_then_up_again(world, ledger, journeys):
    """A trainee submits and supervisors log and grade when every process of the hub is
    killed at once; after `praxishub up` is run again, is it all there once, and is the
    submission the autograder had not finished graded?"""
    hub, trainees = world, journeys["trainees"]
    placed = hub.people("trainee")[EXCHANGE_PEOPLE + 24 :]
    before = graded_at(hub)
    jobs = [lambda t=t: log_session(hub, ledger, t) for t in trainees]
    jobs += [lambda t=t: save_grade(hub, ledger, t, 2) for t in placed]
    running = in_parallel(jobs)
    submit(hub, trainees[1], "minutes = 31")
    tree = [psutil.Process(hub.proc.pid), *hub.descendants()]
    kill9(tree)
    ledger.faults += 1
    running.join()
    hub.proc.wait(timeout=10)
    assert not [p for p in tree if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    hub.start(timeout=120)
    wait_until_all_graded(hub)
    assert graded_at(hub)[trainees[1]] > before[trainees[1]]
    assert loop.score_of(hub, trainees[1])["auto_score"] == 0.0
    ledger.found(f"resubmission of {trainees[1]}", 1, 200)
    check_stored(hub, ledger)
    # No natural key is stored twice, in any table that has one.
    for table, key in (
        ("scores", "course, assignment, username"),
        ("desk_grades", "course, assignment, username"),
        ("checkins", "window_id, username"),
        ("attendance", "course, webinar, username"),
        ("supervision_participants", "session_id, trainee"),
    ):
        dupes = programme(hub, f"SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1")  # noqa: S608
        assert dupes == [], table


def test_twenty_graders_save_at_once(world, ledger):
    """Do 20 grades saved at the same moment on 20 submissions all reach the gradebook and
    the programme's index, with none lost?"""
    hub = world
    twenty = hub.people("trainee")[EXCHANGE_PEOPLE : EXCHANGE_PEOPLE + 20]
    start = threading.Barrier(len(twenty))

    def save(i: int, trainee: str) -> requests.Response:
        body = {"version": 0, "levels": {KEY: i % 4}, "comments": {KEY: f"grader {i}"}}
        start.wait()
        path = f"{DESK}/{loop.COURSE}/{loop.ASSIGNMENT}/{trainee}"
        return hub.api(supervisor_of(hub, trainee), "POST", path, json=body)

    with ThreadPoolExecutor(len(twenty)) as pool:
        answers = list(pool.map(save, range(len(twenty)), twenty))
    assert [r.status_code for r in answers] == [200] * len(twenty), [r.text for r in answers]
    book = gradebook(hub)
    index = dict(
        programme(
            hub,
            "SELECT username, manual_score FROM submission_index WHERE course = ? AND needs_manual = 0",
            loop.COURSE,
        )
    )
    for i, trainee in enumerate(twenty):
        kept = book[trainee] == (expected_points(i % 4), f"grader {i}")
        indexed = index.get(trainee) == expected_points(i % 4)
        ledger.found(f"grade of {trainee}", int(kept and indexed), 200)
    assert not ledger.lost, (ledger.lost, {t: book[t] for t in twenty}, index)


def test_twenty_graders_save_one_submission_at_once(world, ledger):
    """Of 20 saves of one submission at the same moment, does exactly one win, the other
    19 get the conflict message, and the winner's grade stand?"""
    hub = world
    trainee = hub.people("trainee")[EXCHANGE_PEOPLE + 20]
    sup = supervisor_of(hub, trainee)
    start = threading.Barrier(20)

    def save(i: int) -> requests.Response:
        body = {"version": 0, "levels": {KEY: i % 4}, "comments": {KEY: f"attempt {i}"}}
        start.wait()
        return hub.api(sup, "POST", f"{DESK}/{loop.COURSE}/{loop.ASSIGNMENT}/{trainee}", json=body)

    with ThreadPoolExecutor(20) as pool:
        answers = list(pool.map(save, range(20)))
    won = [i for i, r in enumerate(answers) if r.status_code == 200]
    assert len(won) == 1, [r.status_code for r in answers]
    lost = [r for r in answers if r.status_code != 200]
    assert all(
        r.status_code == 409 and f"{sup} saved this submission" in r.json()["message"] for r in lost
    ), [r.text for r in lost]
    (winner,) = won
    assert gradebook(hub)[trainee] == (expected_points(winner % 4), f"attempt {winner}")
    (rubric,) = programme(hub, "SELECT rubric FROM desk_grades WHERE username = ?", trainee)[0]
    ledger.found(f"winning grade of {trainee}", int(json.loads(rubric) == {KEY: winner % 4}), 200)
    assert not ledger.lost


def test_programme_service_killed_between_the_desk_and_the_gradebook(world, ledger):
    """A save is claimed on the desk, and the programme service dies before the course's
    gradebook has the points: after it comes back, do the desk and the gradebook agree?"""
    hub = world
    trainee = hub.people("trainee")[EXCHANGE_PEOPLE + 20]
    path = f"{DESK}/{loop.COURSE}/{loop.ASSIGNMENT}/{trainee}"
    sup = supervisor_of(hub, trainee)
    version = hub.api(sup, "GET", path).json()["desk"]["version"]
    # The gradebook's write lock held: the save's read goes through and the desk claims
    # it, its gradebook write waits (up to SQLite's 5 s): the window the service dies in.
    book = sqlite3.connect(hub.settings_path.parent / "courses" / loop.COURSE / "gradebook.db")
    book.isolation_level = None
    book.execute("BEGIN IMMEDIATE")
    body = {"version": version, "levels": {KEY: 3}, "comments": {KEY: "cut off"}}
    answer: list[int | None] = []
    saving = threading.Thread(target=lambda: answer.append(status(hub, sup, "POST", path, body)))
    old = hub.service_process("praxishub.service")
    saving.start()
    try:
        where = "desk_grades WHERE username = ? AND version = ? AND pending IS NOT NULL"
        deadline = time.monotonic() + 60
        while count(hub, where, trainee, version + 1) == 0:
            assert time.monotonic() < deadline, "the save never reached the desk"
            time.sleep(0.05)
        kill9([old])
        ledger.faults += 1
    finally:
        book.execute("ROLLBACK")
        book.close()
    saving.join()
    assert answer[0] is None or answer[0] >= 500, answer
    wait_restarted(hub, "praxishub.service", old.pid)
    deadline = time.monotonic() + 120
    while count(hub, "desk_grades WHERE username = ? AND pending IS NOT NULL", trainee):
        assert time.monotonic() < deadline, "never settled:\n" + "\n".join(
            line for line in hub.log_tail(3000).splitlines() if "desk" in line
        )
        time.sleep(0.5)
    desk_now = hub.api(sup, "GET", path).json()["desk"]
    agree = desk_now["version"] == version + 1 and gradebook(hub)[trainee] == (
        expected_points(3),
        "cut off",
    )
    ledger.found(f"cut-off desk save of {trainee}", 1, None)
    if not agree:
        ledger.lost.add(f"cut-off desk save of {trainee}")
    assert agree, (desk_now, gradebook(hub)[trainee])


def test_backup_then_restore_after_the_faults(world, ledger, tmp_path):
    """Does a backup of the running programme, restored after its databases are lost, pass
    the integrity check with the same counts, and hold everything clients were told?"""
    hub = world
    dest = tmp_path / "backup"
    made = subprocess.run(
        [BIN / "praxishub", "backup", dest, "-c", hub.settings_path], capture_output=True, text=True
    )
    assert made.returncode == 0, made.stderr
    manifest = json.loads((dest / "manifest.json").read_text("utf-8"))
    hub.stop()
    layout = Layout(hub.settings_path.parent)
    live = _counts(layout.programme_db)
    for table in ("scores", "desk_grades", "supervision_sessions", "checkins", "attendance"):
        assert manifest["databases"]["programme"]["counts"][table] == live[table], table
    for db_file in (layout.programme_db, layout.hub_db):  # the disk is lost
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_file}{suffix}").unlink(missing_ok=True)
    done = subprocess.run(
        [BIN / "praxishub", "restore", dest, "-c", hub.settings_path],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    for name, db_file in (("programme", layout.programme_db), ("hub", layout.hub_db)):
        assert _integrity(db_file) == "ok"
        assert _counts(db_file) == manifest["databases"][name]["counts"], name
    check_stored(hub, ledger)
