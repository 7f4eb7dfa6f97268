"""Autograde each new submission of a course as soon as it arrives.

Rule: runs as the course's own grader user, one process per course. A
submission is collected only through the owner-checked exchange, and the
inbound files already graded are remembered in the course directory, so a
restart neither loses nor repeats work. Scores go to the programme service,
the only place trainees read them; hidden tests' source never leaves here.
"""

from __future__ import annotations

import json
import logging
import os
import pwd
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import requests
import yaml

from praxishub import atomic, submissions

log = logging.getLogger("praxishub.autograder")
STATE = ".praxis/graded.json"
# Which submission nbgrader is autograding now: between its --force wiping the last
# autograded copy and writing the new one, the gradebook already lists the submission but
# its notebook is not there. The course's desk (praxishub.desk_server) reads this to keep
# such a submission off the grading queue until it is whole. In the course folder itself,
# readable by the course's grader even while the autograder runs as root.
AUTOGRADING = ".praxis-autograding.json"
STILL_GRADING = "this submission is being autograded; it opens in a moment"


def being_autograded(course_dir: Path) -> tuple[str, str] | None:
    """(assignment, student) nbgrader is autograding now in ``course_dir``, or None."""
    try:
        found = json.loads((course_dir / AUTOGRADING).read_text("utf-8"))
        return str(found["assignment"]), str(found["student"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def parse_inbound(filename: str) -> tuple[str, str, str] | None:
    """(student, assignment, timestamp) of an nbgrader inbound name, or None."""
    parts = filename.split("+")
    if len(parts) != 4:
        return None
    return parts[0], parts[1], parts[2]


def new_submissions(names: list[str], graded: set[str]) -> dict[str, set[str]]:
    """assignment -> students with a submission not graded yet."""
    todo: dict[str, set[str]] = {}
    for name in names:
        parsed = parse_inbound(name)
        if parsed is None or name in graded:
            continue
        student, assignment, _ = parsed
        todo.setdefault(assignment, set()).add(student)
    return todo


def read_results(db_url: str, assignment: str, student: str) -> dict[str, Any] | None:
    """The autograded outcome of a student's submission, as a trainee may see it."""
    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gb:
        try:
            sub = gb.find_submission(assignment, student)
        except MissingEntry:
            return None
        # Knowledge checks are code test cells; an unanswered open answer also gets an
        # auto_score of 0 from nbgrader, but it is a person's to grade.
        auto = [
            g
            for nb in sub.notebooks
            for g in nb.grades
            if g.auto_score is not None and g.cell.cell_type == "code"
        ]
        return {
            "assignment": assignment,
            "username": student,
            "auto_score": sum(g.auto_score for g in auto),
            "auto_max": sum(g.max_score for g in auto),
            "max_score": sub.max_score,
            # the names of the checks only: never the tests' source
            "failed_checks": sorted(g.name for g in auto if g.auto_score < g.max_score),
            "submitted_at": sub.timestamp.isoformat() if sub.timestamp else None,
        }


def not_graded(db_url: str, assignment: str, student: str) -> dict[str, Any]:
    """What a trainee sees when their submission could not be graded (time limit, crash):
    no points, every check listed as not passed."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url) as gb:
        cells = [
            cell
            for nb in gb.find_assignment(assignment).notebooks
            for cell in nb.grade_cells
            if cell.cell_type == "code"
        ]
        max_score = gb.find_assignment(assignment).max_score
    return {
        "assignment": assignment,
        "username": student,
        "auto_score": 0.0,
        "auto_max": sum(c.max_score for c in cells),
        "max_score": max_score,
        "failed_checks": sorted(c.name for c in cells),
        "submitted_at": None,
    }


def _load_state(path: Path) -> set[str]:
    try:
        return set(json.loads(path.read_text("utf-8")))
    except FileNotFoundError:
        return set()


def _save_state(path: Path, graded: set[str]) -> None:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(sorted(graded)), "utf-8")
    os.replace(tmp, path)


def _nbgrader(
    course_dir: Path, *args: str, user: str | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """Run nbgrader in the course directory, as ``user`` if given (we are root then)."""
    cmd = [str(Path(sys.prefix) / "bin" / "praxishub-nbgrader"), *args]  # praxishub.fastimport
    kwargs: dict[str, Any] = {}
    if user:
        entry = pwd.getpwnam(user)
        kwargs = {"user": entry.pw_uid, "group": entry.pw_gid, "extra_groups": []}
    try:
        return subprocess.run(
            cmd,
            cwd=course_dir,
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
            **kwargs,
        )
    except subprocess.TimeoutExpired as exc:
        return subprocess.CompletedProcess(cmd, -9, "", f"timed out after {exc.timeout}s")


def kill_all(user: str, rounds: int = 50) -> bool:
    """Kill every process of ``user``, again and again while a fork bomb keeps making more."""
    for _ in range(rounds):
        subprocess.run(["pkill", "-KILL", "-u", user], check=False)
        if subprocess.run(["pgrep", "-u", user], capture_output=True, check=False).returncode:
            return True  # pgrep found none
        time.sleep(0.05)
    log.error("processes of %s survive killing", user)
    return False


def _give_back(course_dir: Path, owner: str | None, sandbox_dir: Path | None) -> None:
    """After grading as root: the course's files go back to its grader; kernels' work folders go."""
    if owner:
        entry = pwd.getpwnam(owner)
        for root, dirs, files in os.walk(course_dir):
            for name in [root, *(os.path.join(root, n) for n in dirs + files)]:
                os.chown(name, entry.pw_uid, entry.pw_gid, follow_symlinks=False)
    if sandbox_dir and sandbox_dir.is_dir():
        # Whatever a submission left running (forked children of a killed kernel) goes too.
        sandbox_user = os.environ.get("PRAXISHUB_SANDBOX_USER")
        if sandbox_user:
            kill_all(sandbox_user)
        for work in sandbox_dir.glob("work-*"):
            shutil.rmtree(work, ignore_errors=True)


class Autograder:
    def __init__(self, course: str, course_dir: Path, inbound: Path, scores_url: str, token: str):
        # As root (isolated programmes), collect as the grader and let nbgrader start
        # kernels only through the sandbox; the files then go back to the grader.
        self.grader_user = os.environ.get("PRAXISHUB_GRADER_USER") if os.geteuid() == 0 else None
        sandbox = os.environ.get("PRAXISHUB_SANDBOX_DIR")
        self.sandbox_dir = Path(sandbox) if sandbox else None
        self.total_timeout = float(os.environ.get("PRAXISHUB_GRADING_TIMEOUT", "300"))
        self.course = course
        self.course_dir = course_dir
        self.inbound = inbound
        self.scores_url = scores_url
        self.token = token
        self.state_path = course_dir / STATE
        # one autograder per course: a marker left by a killed one names nothing under way
        (course_dir / AUTOGRADING).unlink(missing_ok=True)

    def inbound_names(self) -> list[str] | None:
        """The course's submissions: the exchange folder's entries, or with the exchange
        through the programme API (exchange.mode: api), the service's listing."""
        if os.environ.get("PRAXISHUB_EXCHANGE_MODE") == "api":
            from praxishub.exchange_api import Client

            client = Client(os.environ.get("PRAXISHUB_SERVICE_URL"), self.token)
            return sorted(item["name"] for item in client.items(self.course, "inbound"))
        if not self.inbound.is_dir():
            return None
        return sorted(os.listdir(self.inbound))

    def run_once(self) -> int:
        """Grade what is new; return how many submissions were graded."""
        names = self.inbound_names()
        if names is None:
            return 0
        graded = _load_state(self.state_path)
        todo = new_submissions(names, graded)
        done = 0
        spec = yaml.safe_load((self.course_dir / "course.yaml").read_text("utf-8")) if todo else {}
        deadlines = {w["id"]: w["deadline"] for w in spec.get("webinars", [])}
        db_url = os.environ.get("PRAXISHUB_GRADEBOOK_URL") or (
            f"sqlite:///{self.course_dir / 'gradebook.db'}"
        )
        for assignment, students in sorted(todo.items()):
            collect = _nbgrader(
                self.course_dir, "collect", assignment, "--update", user=self.grader_user
            )
            log.info("collect %s: %s", assignment, collect.stderr.strip()[-500:])
            for student in sorted(students):
                result = self._grade(db_url, assignment, student)
                if result is not None:
                    result["deadline"] = deadlines.get(assignment)
                    result["late_penalty"] = spec.get("late_penalty") or {}
                    self.post(result)
                    done += 1
                # Remembered at once: a crash while grading the next one must not grade
                # (and report) this one again after a restart.
                graded.update(
                    n for n in names if (p := parse_inbound(n)) and p[:2] == (student, assignment)
                )
                _save_state(self.state_path, graded)
            graded.update(n for n in names if (p := parse_inbound(n)) and p[1] == assignment)
            _save_state(self.state_path, graded)
        return done

    def _grade(self, db_url: str, assignment: str, student: str) -> dict[str, Any] | None:
        folder = self.course_dir / "submitted" / student / assignment
        if not folder.is_dir():
            return None  # refused at collection (not the trainee's own files)
        wrong = submissions.problems(folder)
        if wrong:
            return {
                **not_graded(db_url, assignment, student),
                "status": "invalid",
                "message": "; ".join(wrong),
            }
        marker = self.course_dir / AUTOGRADING
        atomic.write_bytes(
            marker, json.dumps({"assignment": assignment, "student": student}).encode(), 0o644
        )
        try:
            # One call per submission: a hostile one can stall or crash only itself.
            auto = _nbgrader(
                self.course_dir,
                "autograde",
                assignment,
                f"--student={student}",
                "--force",
                timeout=self.total_timeout,
            )
            _give_back(self.course_dir, self.grader_user, self.sandbox_dir)
        finally:
            marker.unlink(missing_ok=True)
        result = read_results(db_url, assignment, student) if auto.returncode == 0 else None
        if result is None:
            log.error("autograde %s/%s failed: %s", assignment, student, auto.stderr[-2000:])
            return {
                **not_graded(db_url, assignment, student),
                "status": "not_graded",
                "message": "grading stopped (time limit, memory limit or a crash): "
                "check for endless loops or very large data, then submit again",
            }
        return result

    def post(self, result: dict[str, Any]) -> None:
        r = requests.post(
            self.scores_url,
            json={"course": self.course, **result},
            headers={"Authorization": f"token {self.token}"},
            timeout=30,
        )
        r.raise_for_status()


def main() -> None:
    logging.basicConfig(
        level=logging.INFO, format="[autograde %(levelname)s %(asctime)s] %(message)s"
    )
    course = os.environ["PRAXISHUB_COURSE"]
    grader = Autograder(
        course,
        Path(os.environ["PRAXISHUB_COURSE_DIR"]),
        Path(os.environ["PRAXISHUB_EXCHANGE"]) / course / "inbound",
        os.environ["PRAXISHUB_SCORES_URL"],
        os.environ["JUPYTERHUB_API_TOKEN"],
    )
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    log.info("autograding %s from %s", course, grader.inbound)
    while not stop.is_set():
        try:
            grader.run_once()
        except Exception:  # keep serving the course; the next round retries
            log.exception("autograding round failed")
        stop.wait(float(os.environ.get("PRAXISHUB_AUTOGRADE_INTERVAL", "2")))


if __name__ == "__main__":
    main()
