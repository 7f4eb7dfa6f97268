"""Write the programme-scale demo (praxishub.demo_scale) into a data dir, in bulk.

Rule: each stage is one transaction of SQLAlchemy Core executemany on the programme's
own tables (or, for the track's gradebook, nbgrader's, via praxishub.synthetic_gradebook);
submissions reach the programme database the way a course's grading service reports
them (``desk.gradebook_rows`` then ``desk.sync``). Nobody gets a Unix user here (people
get one when they first log in), and only the few demo logins get a password; the rest
are in the roster without one. praxishub.yaml is written last: its presence means the
demo is complete. The yaml lists the cohorts, coordinators and trainers; supervisors and
trainees are in the roster (the programme database), as after ``praxishub people import``.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from sqlalchemy import func, select
from sqlalchemy.engine import Connection, Engine

from praxishub import courses, db, desk, people, synthetic_gradebook, workspace
from praxishub.demo_scale import (
    COURSE_ID,
    Plan,
    attendance,
    attendance_import,
    course_spec,
    login_people,
    supervision,
    utc,
)
from praxishub.demo_scale import people as plan_people
from praxishub.layout import Layout
from praxishub.settings import Settings, parse_settings

CHUNK = 5000
ROSTER_KEYS = ("username", "full_name", "email", "role", "cohort", "supervisor")


def settings_values(found: dict[str, Any], repo_courses: Sequence[str]) -> dict[str, Any]:
    """praxishub.yaml of the demo: cohorts, coordinators, trainers and the courses."""
    trainers = [t["username"] for t in found["trainers"]]
    staff = found["coordinators"] + found["trainers"]
    return {
        "programme": {
            "name": "Praxis Hub demo programme (programme scale)",
            "languages": ["ru", "en", "kk", "zh", "cs"],
            "demo": True,
        },
        "data_dir": ".",
        "cohorts": found["cohorts"],
        "people": [{k: p[k] for k in ROSTER_KEYS if k in p} for p in staff],
        "courses": [
            {"id": course, "trainers": [trainers[i % len(trainers)]]}
            for i, course in enumerate(repo_courses)
        ]
        + [{"id": COURSE_ID, "trainers": trainers[:4]}],
    }


class Stages:
    """A rich progress bar per stage, and how long each stage took."""

    def __init__(self, show: bool) -> None:
        self.times: dict[str, float] = {}
        self.bar = Progress(
            TextColumn("{task.description:<12}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
            disable=not show,
        )

    @contextmanager
    def stage(self, name: str, total: int) -> Iterator[Callable[[int], None]]:
        task = self.bar.add_task(name, total=total)
        start = time.perf_counter()
        yield lambda n=1: self.bar.advance(task, n)
        self.bar.update(task, completed=total)
        self.times[name] = round(time.perf_counter() - start, 2)


def _chunks(rows: Sequence[dict[str, Any]]) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), CHUNK):
        yield rows[start : start + CHUNK]


def _insert(conn: Connection, table: Any, rows: Sequence[dict], advance: Callable) -> None:
    for chunk in _chunks(rows):
        conn.execute(table.insert(), chunk)
        advance(len(chunk))


def write_roster(engine: Engine, found: dict[str, Any], advance: Callable) -> None:
    """Supervisors, then trainees (who name them), as rows of the roster."""
    now = db.utcnow()

    def row(p: dict[str, Any]) -> dict[str, Any]:
        return {
            "username": p["username"],
            "full_name": p["full_name"],
            "email": p["email"],
            "role": p["role"],
            "cohort_id": p.get("cohort"),
            "supervisor": p.get("supervisor"),
            "password_hash": None,
            "active": True,
            "created_at": now,
            "updated_at": now,
        }

    with engine.begin() as conn:
        for group in ("supervisors", "trainees"):
            _insert(conn, db.Person.__table__, [row(p) for p in found[group]], advance)


def write_logins(engine: Engine, chosen: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    logins = {}
    with db.session_scope(engine) as session:
        for person in chosen:
            password = people.new_password()
            people.set_password(session, person["username"], password)
            logins[person["username"]] = {
                "password": password,
                "role": person["role"],
                "full_name": person["full_name"],
            }
    return logins


def deploy_course(loaded: Settings, spec: dict[str, Any], source_root: Path) -> None:
    """Write the track's course (course.yaml, an empty source/) outside the repo and deploy
    it like any course: owned by its own grader user when run as root."""
    folder = source_root / COURSE_ID
    (folder / "source").mkdir(parents=True, exist_ok=True)
    text = "# The programme-scale demo's track: synthetic, written by `praxishub demo`.\n"
    (folder / "course.yaml").write_text(
        text + yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    only = [c for c in loaded["courses"] if c["id"] == COURSE_ID]
    courses.deploy(
        Settings(path=loaded.path, values={**loaded.values, "courses": only}), source_root
    )


def write_attendance(
    engine: Engine,
    plan: Plan,
    spec: dict[str, Any],
    trainees: list[str],
    seed: int,
    advance: Callable,
) -> int:
    stored = 0
    with engine.begin() as conn:
        for k, webinar in enumerate(spec["webinars"]):
            conn.execute(db.AttendanceImport.__table__.insert(), [attendance_import(webinar, seed)])
            rows = list(attendance(webinar, k, trainees, plan, seed))
            for chunk in _chunks(rows):
                conn.execute(db.Attendance.__table__.insert(), chunk)
            stored += len(rows)
            advance(1)
    return stored


def write_supervision(
    engine: Engine,
    plan: Plan,
    found: dict[str, Any],
    spec: dict[str, Any],
    seed: int,
    advance: Callable,
) -> int:
    with engine.begin() as conn:
        first = (conn.scalar(select(func.max(db.SupervisionSession.id))) or 0) + 1
        rows = supervision(plan, found, spec, seed, first_id=first)
        _insert(conn, db.SupervisionSession.__table__, rows["sessions"], advance)
        _insert(conn, db.SupervisionParticipant.__table__, rows["participants"], lambda n: None)
        _insert(conn, db.SupervisionCase.__table__, rows["cases"], lambda n: None)
    return len(rows["sessions"])


def create(
    data_dir: Path,
    plan: Plan,
    seed: int = 2026,
    repo_courses: Sequence[str] = (),
    show: bool = True,
) -> dict[str, Any]:
    """Build the demo programme in ``data_dir`` unless its praxishub.yaml exists; what was
    built (counts and each stage's seconds), or ``{"existing": path}``."""
    settings_path = data_dir / "praxishub.yaml"
    if settings_path.exists():
        return {"existing": str(settings_path)}
    data_dir.mkdir(parents=True, exist_ok=True)
    stages = Stages(show)
    out: dict[str, Any] = {"plan": plan, "seed": seed}
    with stages.bar:
        with stages.stage("people", 1) as advance:
            found = plan_people(plan, seed)
            spec = course_spec(plan)
            values = settings_values(found, repo_courses)
            text = "# Demo programme (programme scale): synthetic people only.\n"
            text += yaml.safe_dump(values, allow_unicode=True, sort_keys=False)
            loaded = parse_settings(text, settings_path)
            loaded = Settings(path=settings_path.resolve(), values=loaded.values)
            advance(1)
        layout = Layout(loaded.data_dir)
        roster = len(found["supervisors"]) + len(found["trainees"])
        with workspace.programme_db(loaded) as engine, stages.stage("roster", roster) as advance:
            write_roster(engine, found, advance)
            logins = write_logins(engine, login_people(plan, found))
        gradebook = layout.courses_dir / COURSE_ID / "gradebook.db"
        gradebook.parent.mkdir(parents=True, exist_ok=True)
        gradebook.unlink(missing_ok=True)  # a build interrupted before the settings were written
        with stages.stage("gradebook", plan.webinars) as advance:
            facts = synthetic_gradebook.build(
                f"sqlite:///{gradebook}",
                len(found["trainees"]),
                plan.webinars,
                seed=seed,
                course=COURSE_ID,
                students=[{"id": t["username"], **t} for t in found["trainees"]],
                schedule=[(w["id"], utc(w["deadline"])) for w in spec["webinars"]],
                on_assignment=lambda _name: advance(1),
            )
            deploy_course(loaded, spec, data_dir / "demo-courses")
        with stages.stage("submissions", 2) as advance:
            # read as ourselves: as root, the programme service may not open the course dir
            rows = desk.gradebook_rows(f"sqlite:///{gradebook}")
            advance(1)
            with workspace.programme_db(loaded) as engine, db.session_scope(engine) as session:
                out["submissions"] = desk.sync(session, COURSE_ID, rows)
        with workspace.programme_db(loaded) as engine:
            trainees = [t["username"] for t in found["trainees"]]
            with stages.stage("attendance", plan.webinars) as advance:
                out["attendance"] = write_attendance(engine, plan, spec, trainees, seed, advance)
            with stages.stage("supervision", plan.supervision_sessions()) as advance:
                out["supervision"] = write_supervision(engine, plan, found, spec, seed, advance)
    workspace.write_private(layout.logins_file, json.dumps(logins, ensure_ascii=False, indent=1))
    tmp = settings_path.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    workspace.make_settings_private(tmp, loaded)
    tmp.replace(settings_path)
    out.update(
        settings=settings_path,
        people={k: len(v) for k, v in found.items()},
        gradebook=facts["counts"],
        waiting=len(facts["waiting"]),
        seconds=stages.times,
    )
    return out


def summary(built: dict[str, Any]) -> str:
    """What ``create`` built, in a few lines."""
    counted = built["people"]
    stages = ", ".join(f"{name} {sec:.1f}s" for name, sec in built["seconds"].items())
    return "\n".join(
        [
            f"people: {counted['trainees']} trainees in {counted['cohorts']} cohorts, "
            f"{counted['supervisors']} supervisors, {counted['trainers']} trainers, "
            f"{counted['coordinators']} coordinators (only the demo logins have a password)",
            f"{COURSE_ID}: {built['plan'].webinars} webinars, "
            f"{built['submissions']} submissions ({built['waiting']} waiting for a person), "
            f"{built['attendance']} attendance rows, {built['supervision']} supervision sessions",
            f"took {sum(built['seconds'].values()):.1f}s ({stages})",
        ]
    )
