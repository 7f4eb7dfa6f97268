"""`praxishub grade autograde` on Dask: the same scores as nbgrader, nothing lost, sandboxed.

Real nbgrader, a real Dask LocalCluster, real sandbox users (the suite runs as root).
"""

from __future__ import annotations

import os
import pwd
import shutil
import sqlite3
import subprocess
import time
from pathlib import Path

import psutil
import pytest
import yaml

from courseloop import place_submission
from harness import BIN, make_programme, world_dir
from praxishub.grading import cell_scores, slot_user

pytestmark = pytest.mark.integration

COURSE, ASSIGNMENT = "tiny", "w01-check"
BULK = ("--workers", "2", "--no-collect")  # submissions are put in place as collect would

ANSWERS = {
    "right": "minutes = 30",
    "wrong": "minutes = 31",
    "error": "raise RuntimeError('oops')",
    "slow": "import time\ntime.sleep(3)\nminutes = 30",
    "not a number": "minutes = 'thirty'",
    "loop for ever": "while True:\n    pass",
}


def _edit_test(nb: dict) -> None:
    nb["cells"][2]["source"] = "pass"


def _delete_test(nb: dict) -> None:
    del nb["cells"][2]


def _more_points(nb: dict) -> None:
    nb["cells"][2]["metadata"]["nbgrader"]["points"] = 100
    nb["cells"][2]["source"] = "pass"


def _test_as_markdown(nb: dict) -> None:
    cell = nb["cells"][2]
    cell["cell_type"] = "markdown"
    cell.pop("outputs", None)
    cell.pop("execution_count", None)


# Each with a wrong answer: a point would mean the tampering worked.
TAMPERING = {
    "edited test cell": _edit_test,
    "deleted test cell": _delete_test,
    "changed grade metadata": _more_points,
    "test cell turned into Markdown": _test_as_markdown,
}


submit = place_submission  # a submission in the course as nbgrader collect leaves it


def praxishub(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([BIN / "praxishub", *args], capture_output=True, text=True)


def released_programme(base: Path, trainees: int, **overrides: object) -> Path:
    """A programme of TRAINEES with the tiny course's first assignment released."""
    settings_path = make_programme(base, trainees=trainees, **overrides)
    out = praxishub("courses", "release", COURSE, ASSIGNMENT, "-c", settings_path)
    assert out.returncode == 0, out.stdout + out.stderr
    return settings_path


@pytest.fixture(scope="module")
def programme():
    base = world_dir("praxishub-bulk-")
    yield released_programme(base, 16)
    shutil.rmtree(base, ignore_errors=True)


@pytest.mark.timeout(600)
def test_scores_match_nbgrader_and_reach_the_trainees(programme, tmp_path):
    """Do 2 workers give every submission the score stock `nbgrader autograde` gives, store
    all of them, record them for the trainees, give tampered tests nothing, and keep trainee
    code from the gradebook and from other submissions (which stock nbgrader does not)?"""
    values = yaml.safe_load(programme.read_text("utf-8"))
    course_dir = programme.parent / "courses" / COURSE
    trainees = [p["username"] for p in values["people"] if p["role"] == "trainee"]
    kinds = {**ANSWERS, "blank": None}
    people = dict(zip(trainees, kinds, strict=False))
    for person, kind in people.items():
        submit(course_dir, person, kinds[kind])
    # Snoopers: the right answer only if they can read what trainee code must not.
    victim = next(p for p, k in people.items() if k == "right")
    targets = {
        "the gradebook": course_dir / "gradebook.db",
        "another submission": course_dir
        / "submitted"
        / victim
        / ASSIGNMENT
        / f"{ASSIGNMENT}.ipynb",
    }
    snoopers = dict(zip(trainees[len(people) :], targets, strict=False))
    for person, target in snoopers.items():
        submit(course_dir, person, f"open({str(targets[target])!r}, 'rb').read(1)\nminutes = 30")
    tamperers = dict(zip(trainees[len(people) + len(snoopers) :], TAMPERING, strict=False))
    assert len(tamperers) == len(TAMPERING)
    for person, how in tamperers.items():
        submit(course_dir, person, "minutes = 31", TAMPERING[how])
    # Stock nbgrader, one call for everyone, on an identical copy.
    stock = tmp_path / "stock"
    shutil.copytree(course_dir, stock)
    (stock / "nbgrader_config.py").write_text(
        f"c.CourseDirectory.course_id = {COURSE!r}\nc.Execute.timeout = 10\n"
    )
    done = subprocess.run(
        [BIN / "nbgrader", "autograde", ASSIGNMENT, "--force"],
        cwd=stock,
        capture_output=True,
        text=True,
        env={"PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(stock), "JUPYTER_PREFER_ENV_PATH": "0"},
    )
    assert done.returncode == 0, done.stderr[-3000:]

    out = subprocess.run(
        [BIN / "praxishub", "grade", "autograde", COURSE, ASSIGNMENT, *BULK, "-c", programme],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    everyone = [*people, *snoopers, *tamperers]
    assert f"graded {len(everyone)}, not graded 0, refused 0" in out.stdout

    ours, theirs = cell_scores(course_dir / "gradebook.db"), cell_scores(stock / "gradebook.db")
    assert set(ours) == set(everyone)
    assert {p: ours[p] for p in people} == {p: theirs[p] for p in people}
    # tampering earns nothing, as with nbgrader itself (which restores the tests)
    for person, how in tamperers.items():
        assert ours[person] == theirs[person], how
        assert not ours[person].get("q1-test"), (how, ours[person])
    # stock nbgrader runs trainee code with its own rights; ours in the sandbox
    assert all(theirs[p]["q1-test"] == 1.0 for p in snoopers)
    assert all(ours[p]["q1-test"] == 0.0 for p in snoopers)
    right = next(p for p, k in people.items() if k == "right")
    assert ours[right]["q1-test"] == 1.0
    assert all(ours[p]["q1-test"] == 0.0 for p, k in people.items() if k != "right" and k != "slow")
    # autograded notebooks are in place, the course still belongs to its grader
    for person in everyone:
        graded = course_dir / "autograded" / person / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
        assert graded.is_file()
        assert graded.stat().st_uid == course_dir.stat().st_uid != 0
    # the trainees' scores, as /api/me/scores shows them, come from the programme database
    db_path = programme.parent / "praxis" / "programme.sqlite"
    with sqlite3.connect(db_path) as con:
        rows = dict(
            con.execute(
                "SELECT username, auto_score FROM scores WHERE course=? AND assignment=?",
                (COURSE, ASSIGNMENT),
            ).fetchall()
        )
    # (a deleted test cell has no autograded score in the gradebook: 0 points for the trainee)
    assert rows == {p: ours[p]["q1-test"] or 0.0 for p in everyone}
    # every sandbox slot is empty afterwards
    for slot in range(2):
        left = subprocess.run(["pgrep", "-u", f"sbx{slot}-{COURSE}"], capture_output=True)
        assert left.returncode == 1, left.stdout


@pytest.fixture
def cluster(tmp_path):
    """A Dask scheduler and two workers, each its own process (as on a cluster), on
    127.0.0.1; yields the scheduler's address and the workers' process ids."""
    from dask.distributed import Client

    info = tmp_path / "scheduler.json"
    common = ["--no-dashboard"]
    scheduler = subprocess.Popen(
        [
            BIN / "dask",
            "scheduler",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            *common,
            "--scheduler-file",
            info,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    workers = subprocess.Popen(
        [
            BIN / "dask",
            "worker",
            "--scheduler-file",
            info,
            "--nworkers",
            "2",
            "--nthreads",
            "1",
            "--host",
            "127.0.0.1",
            *common,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(300):
            if info.exists() and info.stat().st_size:
                break
            time.sleep(0.1)
        with Client(scheduler_file=str(info), timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
            address = client.scheduler_info()["address"]
            pids = set(client.run(os.getpid).values())
        yield address, pids
    finally:
        for proc in (workers, scheduler):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.mark.timeout(600)
def test_grading_on_a_running_cluster_given_its_scheduler_address(cluster):
    """Given a scheduler's address (as dask-kubernetes gives one), do that cluster's workers
    (separate processes, not ours) grade every submission, sandboxed, with the right scores?"""
    address, worker_pids = cluster
    base = world_dir("praxishub-dask-")
    try:
        settings_path = released_programme(base, 4)
        course_dir = settings_path.parent / "courses" / COURSE
        values = yaml.safe_load(settings_path.read_text("utf-8"))
        trainees = [p["username"] for p in values["people"] if p["role"] == "trainee"]
        gradebook = course_dir / "gradebook.db"
        answers = dict(
            zip(
                trainees,
                [
                    "minutes = 30",
                    "minutes = 31",
                    "raise RuntimeError('oops')",
                    f"open({str(gradebook)!r}, 'rb').read(1)\nminutes = 30",  # a snooper
                ],
                strict=True,
            )
        )
        for person, code in answers.items():
            submit(course_dir, person, code)
        # as an operator does on each grading machine (here the same one)
        ready = praxishub("grade", "prepare-worker", COURSE, "--slots", "2", "-c", settings_path)
        assert ready.returncode == 0, ready.stdout + ready.stderr
        assert "2 sandbox slot(s) of tiny ready" in ready.stdout
        for slot in range(2):
            assert pwd.getpwnam(slot_user(COURSE, slot)).pw_uid != 0
        out = praxishub(
            *("grade", "autograde", COURSE, ASSIGNMENT, "--no-collect"),
            *("--scheduler", address, "-c", settings_path),
        )
        assert out.returncode == 0, out.stdout + out.stderr
        assert "graded 4, not graded 0, refused 0" in out.stdout
        scores = cell_scores(gradebook)
        assert {p: scores[p]["q1-test"] for p in trainees} == dict(
            zip(trainees, [1.0, 0.0, 0.0, 0.0], strict=True)
        )
        # the cluster's workers did the work: they are still there, and none is ours
        for pid in worker_pids:
            assert psutil.pid_exists(pid)
        for person in trainees:
            graded = course_dir / "autograded" / person / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
            assert graded.is_file()
    finally:
        shutil.rmtree(base, ignore_errors=True)


@pytest.mark.timeout(600)
def test_gradebook_on_postgresql(postgres):
    """With `database.gradebook_url`, do release, bulk autograding and the trainees' scores
    work on a course gradebook in PostgreSQL, with no gradebook file in the course?"""
    import uuid

    from nbgrader.api import Gradebook

    tag = uuid.uuid4().hex[:8]
    postgres.database(name=f"gb_{tag}_{COURSE}")
    template = f"postgresql+psycopg://praxis@127.0.0.1:{postgres.port}/gb_{tag}_{{course}}"
    base = world_dir("praxishub-pg-gradebook-")
    try:
        settings_path = released_programme(base, 3, database={"gradebook_url": template})
        values = yaml.safe_load(settings_path.read_text("utf-8"))
        assert values["database"]["gradebook_url"] == template
        course_dir = settings_path.parent / "courses" / COURSE
        trainees = [p["username"] for p in values["people"] if p["role"] == "trainee"]
        for person, code in zip(trainees, ["minutes = 30", "minutes = 31", None], strict=True):
            submit(course_dir, person, code)
        out = praxishub("grade", "autograde", COURSE, ASSIGNMENT, *BULK, "-c", settings_path)
        assert out.returncode == 0, out.stdout + out.stderr
        assert "graded 3, not graded 0, refused 0" in out.stdout
        assert not (course_dir / "gradebook.db").exists()
        url = template.replace("{course}", COURSE)
        with Gradebook(url) as gb:
            scores = {
                t: gb.find_grade("q1-test", ASSIGNMENT, ASSIGNMENT, t).auto_score for t in trainees
            }
        assert scores == dict(zip(trainees, [1.0, 0.0, 0.0], strict=True))
        # the trainees' scores reach the programme database, as from a SQLite gradebook
        db_path = settings_path.parent / "praxis" / "programme.sqlite"
        with sqlite3.connect(db_path) as con:
            stored = dict(
                con.execute(
                    "SELECT username, auto_score FROM scores WHERE course=? AND assignment=?",
                    (COURSE, ASSIGNMENT),
                ).fetchall()
            )
        assert stored == scores
    finally:
        shutil.rmtree(base, ignore_errors=True)
