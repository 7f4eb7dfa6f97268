"""Autograde every submission of an assignment at once, on Dask.

Rule: each submission is graded by real nbgrader (its ``Autograde`` converter,
in a long-lived worker process) in a scratch course of its own: a gradebook
that holds the assignment and no people, and that one submission. Workers
therefore share no database and no file; only the calling process writes the
course's gradebook and its ``autograded/`` folder, one submission at a time,
so any number of workers is safe. Trainee code runs in the sandbox kernel as
in the live autograder; each worker claims a sandbox slot (a Unix user and a
folder of its own), so a slot's clean-up (killing every process of its user)
never touches another submission's kernel.
"""

from __future__ import annotations

import fcntl
import os
import pwd
import shutil
import sqlite3
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from praxishub import submissions


@dataclass(frozen=True)
class Sandbox:
    """Where and as whom trainee code runs (an isolated programme, as root)."""

    base: str  # the programme's sandbox folder
    course_id: str
    slots: int
    jupyter_path: str  # where the praxis-sandbox kernelspec lives


def slot_user(course_id: str, slot: int) -> str:
    return f"sbx{slot}-{course_id}"  # at most 3 + 2 + 1 + 24 characters: fits Unix's 32


def slot_dir(base: Path, course_id: str, slot: int) -> Path:
    return base / f"{course_id}.{slot}"  # a dot never appears in a course id


@dataclass(frozen=True)
class Job:
    """One submission, as plain data: it travels to any Dask worker."""

    course_id: str
    assignment: str
    student: str
    seed: bytes  # a gradebook with the assignment only
    files: dict[str, bytes]  # the submission, by relative path
    extras: dict[str, bytes] = field(default_factory=dict)  # the source's other files
    cell_timeout: int = 60
    total_timeout: float = 300
    sandbox: Sandbox | None = None


def course_gradebook(course_dir: Path, url: str | None = None) -> str:
    """The URL of a course's gradebook: ``url`` if given, else SQLite in its folder."""
    return url or f"sqlite:///{course_dir / 'gradebook.db'}"


# What a gradebook holds about people; the rest is the assignments' definitions.
PEOPLE_TABLES = frozenset(
    {"student", "submitted_assignment", "submitted_notebook", "comment", "grade"}
)


def seed_gradebook(url: str, assignment: str) -> bytes:
    """An SQLite copy of the course gradebook (any engine) that keeps the assignments'
    definitions and no people: what each scratch course grades against."""
    from nbgrader.api import Base, Gradebook
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import SAWarning

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "seed.db"
        if url.startswith("sqlite:///"):
            with (
                sqlite3.connect(url.removeprefix("sqlite:///")) as src,
                sqlite3.connect(copy) as dst,
            ):
                src.backup(dst)  # consistent even while someone writes
        else:
            source = create_engine(url, isolation_level="REPEATABLE READ")
            target = create_engine(f"sqlite:///{copy}")
            try:
                # nbgrader's schema and its version (so Gradebook() finds a database it knows)
                Base.metadata.create_all(target)
                tables = [t for t in Base.metadata.sorted_tables if t.name not in PEOPLE_TABLES]
                with source.connect() as src, target.begin() as dst:
                    version = src.execute(text("SELECT version_num FROM alembic_version")).scalar()
                    dst.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
                    dst.execute(text("INSERT INTO alembic_version VALUES (:v)"), {"v": version})
                    for table in tables:  # one snapshot: a single repeatable-read transaction
                        rows = [dict(r._mapping) for r in src.execute(table.select())]
                        if rows:
                            dst.execute(table.insert(), rows)
            finally:
                source.dispose()
                target.dispose()
        with Gradebook(f"sqlite:///{copy}") as gb, warnings.catch_warnings():
            # nbgrader's cascade deletes make SQLAlchemy warn about what it then skips
            warnings.simplefilter("ignore", SAWarning)
            gb.find_assignment(assignment)  # MissingEntry: not released
            for student in list(gb.students):
                gb.remove_student(student.id)
        return copy.read_bytes()


def cell_scores(gradebook: Path) -> dict[str, dict[str, float | None]]:
    """student -> grade cell -> autograded score, straight from an nbgrader gradebook."""
    with sqlite3.connect(gradebook) as con:
        rows = con.execute(
            "SELECT s.student_id, c.name, g.auto_score FROM grade g"
            " JOIN base_cell c ON g.cell_id = c.id"
            " JOIN submitted_notebook n ON g.notebook_id = n.id"
            " JOIN submitted_assignment s ON n.assignment_id = s.id"
        ).fetchall()
    out: dict[str, dict[str, float | None]] = {}
    for student, cell, score in rows:
        out.setdefault(student, {})[cell] = score
    return out


def read_tree(folder: Path, skip_notebooks: bool = False) -> dict[str, bytes]:
    out = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            if skip_notebooks and path.suffix == ".ipynb":
                continue
            out[str(path.relative_to(folder))] = path.read_bytes()
    return out


def write_tree(folder: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = (folder / rel).resolve()
        if not path.is_relative_to(folder.resolve()):
            raise ValueError(f"{rel!r} leaves {folder}")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


@contextmanager
def claim_slot(sandbox: Sandbox) -> Iterator[int]:
    """The first free sandbox slot on this machine, held (by a file lock) until done."""
    locks = Path(sandbox.base) / f"{sandbox.course_id}.slots"
    locks.mkdir(mode=0o700, exist_ok=True)
    while True:
        for slot in range(sandbox.slots):
            fd = os.open(locks / f"{slot}.lock", os.O_CREAT | os.O_RDWR, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                continue
            try:
                yield slot
            finally:
                os.close(fd)
            return
        time.sleep(0.2)


def _stop_kernels(user: str | None) -> None:
    """End the kernels this worker started and, in a sandbox, every process of its user."""
    for child in psutil.Process().children(recursive=True):
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()) or "praxishub.sandbox" in " ".join(
                child.cmdline()
            ):
                child.kill()
        except psutil.Error:
            pass
    if user:
        from praxishub.autograder import kill_all

        kill_all(user)


class _CheckedSchemas:
    """``jsonschema.validate`` for nbgrader's cell metadata, without checking nbgrader's
    fixed schema itself again for every cell (a third of nbgrader's own CPU time per
    submission). Same verdicts: the schema is checked once, the same validator class used."""

    def __init__(self) -> None:
        self._validators: dict[str, Any] = {}

    def validate(self, instance: Any, schema: dict[str, Any]) -> None:
        import json

        import jsonschema

        key = json.dumps(schema, sort_keys=True)
        validator = self._validators.get(key)
        if validator is None:
            cls = jsonschema.validators.validator_for(schema)
            cls.check_schema(schema)
            validator = self._validators[key] = cls(schema)
        error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
        if error is not None:
            raise error


def _speed_up_nbgrader() -> None:
    from nbgrader.nbgraderformat import common

    if not isinstance(common.jsonschema, _CheckedSchemas):
        common.jsonschema = _CheckedSchemas()


def grade(job: Job) -> dict[str, Any]:
    """Autograde one submission with nbgrader in a scratch course (runs on a Dask worker)."""
    _speed_up_nbgrader()
    if job.sandbox is None:
        return _grade_in(job, None, None)
    with claim_slot(job.sandbox) as slot:
        return _grade_in(job, slot_user(job.course_id, slot), slot)


def _grade_in(job: Job, user: str | None, slot: int | None) -> dict[str, Any]:
    from nbgrader.api import Gradebook
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    from traitlets.config import Config

    with tempfile.TemporaryDirectory(prefix="praxis-grade-") as tmp:
        root = Path(tmp)
        (root / "gradebook.db").write_bytes(job.seed)
        write_tree(root / "submitted" / job.student / job.assignment, job.files)
        (root / "source" / job.assignment).mkdir(parents=True)
        write_tree(root / "source" / job.assignment, job.extras)
        cfg = Config()
        cfg.CourseDirectory.root = str(root)
        cfg.CourseDirectory.course_id = job.course_id
        cfg.Execute.timeout = job.cell_timeout
        if job.sandbox is not None and slot is not None:
            folder = slot_dir(Path(job.sandbox.base), job.course_id, slot)
            # Read by the sandbox launcher, which the kernel manager starts with our
            # environment; one task at a time runs in a worker, so this is not shared.
            os.environ.update(
                PRAXISHUB_SANDBOX_USER=str(user),
                PRAXISHUB_SANDBOX_DIR=str(folder),
                JUPYTER_PATH=job.sandbox.jupyter_path,
            )
            cfg.Execute.kernel_name = "praxis-sandbox"
            cfg.KernelManager.transport = "ipc"
            cfg.KernelManager.ip = str(folder / "kernel")
        api = NbGraderAPI(coursedir=CourseDirectory(config=cfg), config=cfg)
        stopped = threading.Event()

        def too_long() -> None:
            stopped.set()
            _stop_kernels(user)

        timer = threading.Timer(job.total_timeout, too_long)
        timer.start()
        try:
            outcome = api.autograde(job.assignment, job.student, force=True, create=True)
        finally:
            timer.cancel()
            _stop_kernels(user)
            if job.sandbox is not None and slot is not None:
                folder = slot_dir(Path(job.sandbox.base), job.course_id, slot)
                for work in folder.glob("work-*"):
                    shutil.rmtree(work, ignore_errors=True)
        result: dict[str, Any] = {"student": job.student, "ok": bool(outcome["success"])}
        if stopped.is_set():
            result.update(ok=False, message=f"stopped after {job.total_timeout:g} s")
        elif not outcome["success"]:
            result["message"] = (outcome.get("error") or "")[-2000:]
        with Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gb:
            sub = gb.find_submission(job.assignment, job.student)
            result["timestamp"] = sub.timestamp.isoformat() if sub.timestamp else None
            result["notebooks"] = {
                nb.name: {
                    "penalty": nb.late_submission_penalty,
                    "grades": {g.name: g.auto_score for g in nb.grades},
                    "comments": {c.name: c.auto_comment for c in nb.comments},
                }
                for nb in sub.notebooks
            }
        if result["ok"]:
            result["files"] = read_tree(root / "autograded" / job.student / job.assignment)
        return result


def store(
    course_dir: Path, assignment: str, result: dict[str, Any], gradebook_url: str | None = None
) -> None:
    """Write one graded submission into the course: the gradebook as nbgrader's
    SaveAutoGrades would (a person's manual score is kept, and then needs review),
    and its autograded notebooks, swapped in whole."""
    from datetime import datetime

    from nbgrader.api import Gradebook

    student = result["student"]
    with Gradebook(course_gradebook(course_dir, gradebook_url)) as gb:
        gb.update_or_create_student(student)
        stamp = result.get("timestamp")
        if stamp:
            gb.update_or_create_submission(
                assignment, student, timestamp=datetime.fromisoformat(stamp)
            )
        else:
            gb.update_or_create_submission(assignment, student)
        if result["ok"]:
            for nb_name, nb in result["notebooks"].items():
                for name, score in nb["grades"].items():
                    grade = gb.find_grade(name, nb_name, assignment, student)
                    grade.auto_score = score
                    grade.needs_manual_grade = grade.manual_score is not None or score is None
                for name, text in nb["comments"].items():
                    gb.find_comment(name, nb_name, assignment, student).auto_comment = text
                notebook = gb.find_submission_notebook(nb_name, assignment, student)
                notebook.late_submission_penalty = nb["penalty"]
        gb.db.commit()
    if result["ok"]:
        target = course_dir / "autograded" / student / assignment
        target.parent.mkdir(parents=True, exist_ok=True)
        fresh = Path(tempfile.mkdtemp(prefix=f".{assignment}-", dir=target.parent))
        write_tree(fresh, result["files"])
        old = target.parent / f".{assignment}.old"
        if target.exists():
            target.rename(old)
        fresh.chmod(0o755)
        fresh.rename(target)
        shutil.rmtree(old, ignore_errors=True)


def jobs_for(
    course_dir: Path,
    course_id: str,
    assignment: str,
    cell_timeout: int,
    total_timeout: float,
    sandbox: Sandbox | None,
    gradebook_url: str | None = None,
) -> tuple[list[Job], dict[str, list[str]]]:
    """A job for each submission that can be graded, and the problems of those that cannot."""
    seed = seed_gradebook(course_gradebook(course_dir, gradebook_url), assignment)
    extras = read_tree(course_dir / "source" / assignment, skip_notebooks=True)
    jobs, refused = [], {}
    for folder in sorted((course_dir / "submitted").glob(f"*/{assignment}")):
        student = folder.parent.name
        wrong = submissions.problems(folder)
        if wrong:
            refused[student] = wrong
            continue
        jobs.append(
            Job(
                course_id,
                assignment,
                student,
                seed,
                read_tree(folder),
                extras,
                cell_timeout,
                total_timeout,
                sandbox,
            )
        )
    return jobs, refused


def run(
    jobs: list[Job],
    course_dir: Path,
    assignment: str,
    workers: int,
    scheduler: str | None = None,
    on_done: Callable[[dict[str, Any]], None] | None = None,
    gradebook_url: str | None = None,
) -> list[dict[str, Any]]:
    """Grade the jobs on Dask (a local cluster of ``workers`` processes, or the cluster at
    ``scheduler``) and store each result in the course as it arrives."""
    from dask.distributed import Client, LocalCluster, as_completed

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        )
        client = Client(cluster)
    results = []
    try:
        futures = [
            client.submit(grade, job, pure=False, key=f"grade-{job.student}") for job in jobs
        ]
        for future in as_completed(futures):
            result = future.result()
            store(course_dir, assignment, result, gradebook_url)
            results.append(result)
            if on_done:
                on_done(result)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    return results


def autograde_assignment(
    settings: Any,
    course_id: str,
    assignment: str,
    workers: int,
    scheduler: str | None = None,
    collect: bool = True,
    on_start: Callable[[int], None] | None = None,
    on_done: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Collect, autograde on Dask and record the scores of one assignment of a course;
    return counts (graded, not graded, refused)."""
    from importlib import resources

    from praxishub import courses, db, scores, workspace
    from praxishub.autograder import not_graded, read_results
    from praxishub.errors import PraxisError, Problem
    from praxishub.layout import Layout

    course = courses.find(settings, course_id)
    spec = courses.load_course(course.directory / "course.yaml")
    webinar = courses.webinar_of(spec, assignment)
    if collect:
        done = courses.nbgrader(settings, course, "collect", assignment, "--update")
        if done.returncode != 0:
            raise PraxisError(
                f"nbgrader collect failed for {course_id}/{assignment}.",
                [Problem(str(course.directory), done.stderr[-2000:], "see the message above")],
            )
    layout = Layout(settings.data_dir)
    root = os.geteuid() == 0
    sandbox = None
    if root:  # as in the live autograder: trainee code only ever runs in the sandbox
        courses.ensure_sandbox_pool(layout, course.id, workers)
        sandbox = Sandbox(
            str(layout.sandbox_dir),
            course.id,
            workers,
            str(resources.files("praxishub").joinpath("jupyter_data")),
        )
    grading = settings["grading"]
    from nbgrader.api import Gradebook, MissingEntry

    gradebook = course.gradebook_url
    try:
        if gradebook.startswith("sqlite:///") and not Path(gradebook[10:]).is_file():
            raise MissingEntry()
        with Gradebook(gradebook) as gb:
            gb.find_assignment(assignment)
    except MissingEntry:
        raise PraxisError(
            f"{course_id}/{assignment} has not been released, so there is nothing to grade.",
            [
                Problem(
                    course.gradebook_url.split("@")[-1],  # never a password
                    f"no assignment {assignment!r}",
                    f"run: praxishub courses release {course_id} {assignment}",
                )
            ],
        ) from None
    jobs, refused = jobs_for(
        course.directory,
        course.id,
        assignment,
        grading["cell_timeout"],
        grading["total_timeout"],
        sandbox,
        course.gradebook_url,
    )
    if on_start:
        on_start(len(jobs))
    results = run(
        jobs, course.directory, assignment, workers, scheduler, on_done, course.gradebook_url
    )
    if root:
        entry = pwd.getpwnam(course.service)
        from praxishub.unixusers import chown_tree

        chown_tree(course.directory, entry.pw_uid, entry.pw_gid)
    db_url = course.gradebook_url
    extra = {"deadline": webinar["deadline"], "late_penalty": spec.get("late_penalty") or {}}
    outcome = {"graded": 0, "not_graded": 0, "refused": len(refused), "unknown": []}
    rows = []  # read as root: the course is its grader's, the programme database the service's
    for result in results:
        student = result["student"]
        if result["ok"]:
            rows.append({**(read_results(db_url, assignment, student) or {}), **extra})
            outcome["graded"] += 1
        else:
            rows.append(
                {
                    **not_graded(db_url, assignment, student),
                    **extra,
                    "status": "not_graded",
                    "message": "grading stopped (time limit, memory limit or a crash): "
                    "check for endless loops or very large data, then submit again",
                }
            )
            outcome["not_graded"] += 1
    for student, wrong in refused.items():
        rows.append(
            {
                **not_graded(db_url, assignment, student),
                **extra,
                "status": "invalid",
                "message": "; ".join(wrong),
            }
        )
    with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
        for row in rows:
            try:
                with session.begin_nested():
                    scores.record(session, course.id, row)
            except scores.ScoreError:
                outcome["unknown"].append(row["username"])  # not in the roster
    return outcome
