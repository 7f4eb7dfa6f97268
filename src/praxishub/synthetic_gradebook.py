"""A synthetic nbgrader gradebook: nbgrader's own schema on SQLite, filled in bulk.

For benchmarks and tests of code that reads course gradebooks (praxishub.desk).
Rule: the data is synthetic (trainee ids ``t0001…``, names from Faker) but the
database is real nbgrader: its tables and alembic version are created by
``nbgrader.api.Gradebook`` itself, and the rows are the ones nbgrader writes when
it generates an assignment (cells), collects submissions, autogrades them and a
person grades them in formgrader. Rows go in with SQLAlchemy Core executemany on
nbgrader's own tables, one assignment at a time. Same arguments, same database.

Per assignment: one notebook with one code answer cell (a solution cell), three
autograded test cells (code grade cells, 1 or 2 points, locked), two open answers
(Markdown cells that are both grade and solution cells, 3 points: rubric levels
0-3) and a locked instructions cell; about 90% of trainees submit. An open answer
not yet graded has ``auto_score`` and ``manual_score`` NULL and
``needs_manual_grade`` true (about 30% of submissions wait for a person).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

TOPICS = (
    "intake-interview",
    "mental-status-exam",
    "suicide-risk",
    "case-formulation",
    "phq9-screening",
    "gad7-screening",
    "treatment-planning",
    "thought-records",
    "behavioural-activation",
    "motivational-interviewing",
    "trauma-informed-care",
    "grief-and-loss",
    "family-systems",
    "child-assessment",
    "substance-use",
    "eating-disorders",
    "early-psychosis",
    "personality-patterns",
    "couples-work",
    "group-process",
    "crisis-intervention",
    "ethics-dilemmas",
    "cultural-formulation",
    "supervision-reflection",
    "outcome-monitoring",
    "ending-therapy",
    "sleep-and-insomnia",
    "exposure-for-anxiety",
    "safety-planning",
    "relapse-prevention",
)
# Locales of the programme's countries and their share of trainees (Faker has no kk_KZ).
LOCALES = {"ru_RU": 0.4, "en_US": 0.2, "en_GB": 0.1, "cs_CZ": 0.15, "zh_CN": 0.15}
FIRST_DUE = datetime(2027, 1, 17, 23, 59)  # naive UTC, as nbgrader stores it
SUBMIT_RATE = {"steady": 0.97, "struggling": 0.5}  # 85% steady, 15% struggling: ~90%
WAITING_SHARE = 0.27  # submissions whose two open answers both wait for a person
HALF_GRADED_SHARE = 0.03  # one open answer graded, one waiting
LATE_SHARE = 0.08
OPEN_ANSWERS = ("formulation", "plan")
TESTS = ("test_total", "test_severity", "test_missing_items")
COMMENTS = (
    "Clear formulation; link the maintaining factors to the plan.",
    "Good use of the intake; say more about protective factors.",
    "Risk is named but not weighed: what would change your judgement?",
    "Well argued. Consider the client's own words for the goals.",
    "The plan needs measurable goals and a review date.",
)
KERNELSPEC = json.dumps(
    {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
)


def build(
    db_url: str,
    trainees: int,
    assignments: int = 30,
    seed: int = 0,
    course: str = "school-cases",
    supervisors: int | None = None,
    progress: bool = False,
    *,
    students: Sequence[Mapping[str, str]] | None = None,
    schedule: Sequence[tuple[str, datetime]] | None = None,
    on_assignment: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Create and fill a gradebook at ``db_url`` (a new SQLite file); what went in.

    ``students`` (``trainees`` of them: dicts with ``id``, ``first_name``, ``last_name``,
    ``email``) replace the generated ids and names, e.g. a programme's own usernames;
    trainee i behaves the same either way. ``schedule`` (``assignments`` pairs of name
    and naive-UTC due date) replaces the generated names and weekly due dates.
    ``on_assignment`` is called with each assignment's name once it is in.

    The result has ``counts`` (rows per nbgrader table), ``students`` (dicts with
    ``id``, ``first_name``, ``last_name``, ``email``, ``supervisor``), ``supervisors``
    (dicts with ``id``, ``first_name``, ``last_name``; about 15 trainees each unless
    given), ``assignments`` (names, by due date), ``max_score`` (per assignment),
    ``score`` (trainee -> total score, as nbgrader sums it) and ``waiting`` (sorted
    ``(assignment, trainee)`` pairs of submissions that need manual grading).
    """
    if students is not None and len(students) != trainees:
        raise ValueError(f"trainees={trainees} but {len(students)} students given")
    if schedule is not None and len(schedule) != assignments:
        raise ValueError(f"assignments={assignments} but a schedule of {len(schedule)}")
    from nbgrader.api import Gradebook
    from sqlalchemy import create_engine, event, func, select
    from tqdm import tqdm

    with _alembic_on_path(), Gradebook(db_url, course_id=course) as gb:
        if gb.db.scalar(select(func.count()).select_from(_tables()["student"])):
            raise ValueError(f"{db_url} already has trainees: build into a new file")
    n_sup = supervisors or max(1, round(trainees / 15))
    people = _people(trainees, n_sup, seed)
    if students is not None:
        _rename(people, students)
    engine = create_engine(db_url)

    @event.listens_for(engine, "connect")
    def _bulk_pragmas(dbapi_conn, _record) -> None:  # type: ignore[no-untyped-def]
        # A big page cache: nbgrader's random uuid keys scatter index writes.
        dbapi_conn.execute("PRAGMA cache_size=-262144")

    tables = _tables()
    result: dict[str, Any] = {
        "course": course,
        "seed": seed,
        "counts": dict.fromkeys(tables, 0),
        "students": [{k: v for k, v in s.items() if k[0] != "_"} for s in people["students"]],
        "supervisors": people["supervisors"],
        "assignments": [],
        "max_score": {},
        "score": {s["id"]: 0.0 for s in people["students"]},
        "waiting": [],
    }
    try:
        with engine.begin() as conn:
            _insert(conn, tables, result["counts"], {"student": people["student_rows"]})
            for k in tqdm(range(assignments), desc="assignments", disable=not progress):
                rows, facts = _assignment(
                    k, course, people["students"], seed, schedule[k] if schedule else None
                )
                _insert(conn, tables, result["counts"], rows)
                result["assignments"].append(facts["name"])
                result["max_score"][facts["name"]] = facts["max_score"]
                for student, score in facts["score"].items():
                    result["score"][student] += score
                result["waiting"] += [(facts["name"], s) for s in facts["waiting"]]
                if on_assignment is not None:
                    on_assignment(facts["name"])
    finally:
        engine.dispose()
    result["waiting"].sort()
    return result


@contextmanager
def _alembic_on_path() -> Iterator[None]:
    """nbgrader runs ``alembic heads`` by name to stamp a new gradebook; from a venv
    that is not activated, it is found next to this interpreter."""
    if shutil.which("alembic") or not (Path(sys.executable).parent / "alembic").exists():
        yield
        return
    before = os.environ.get("PATH", "")
    os.environ["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), before])
    try:
        yield
    finally:
        os.environ["PATH"] = before


def _tables() -> dict[str, Any]:
    from nbgrader import api

    classes = (
        api.Student,
        api.Assignment,
        api.Notebook,
        api.BaseCell,
        api.GradeCell,
        api.SolutionCell,
        api.SourceCell,
        api.SubmittedAssignment,
        api.SubmittedNotebook,
        api.Grade,
        api.Comment,
    )
    return {c.__table__.name: c.__table__ for c in classes}


def _insert(conn, tables: dict, counts: dict[str, int], rows: dict[str, list[dict]]) -> None:  # type: ignore[no-untyped-def]
    # Parents before children: the order of ``tables``.
    for name, table in tables.items():
        if rows.get(name):
            conn.execute(table.insert(), rows[name])
            counts[name] += len(rows[name])


def _uuid(rng: random.Random) -> str:
    """A uuid4 in nbgrader's form (32 hex digits), from the seeded generator."""
    return uuid.UUID(int=rng.getrandbits(128), version=4).hex


def _people(trainees: int, supervisors: int, seed: int) -> dict[str, list[dict]]:
    """Synthetic trainees and supervisors; the first n are the same for any larger n."""
    from faker import Faker

    fake = Faker(list(LOCALES))
    fake.seed_instance(seed)
    rng = random.Random(f"people:{seed}")  # noqa: S311 (synthetic data, not secrets)

    def person() -> dict[str, str]:
        local = fake[rng.choices(list(LOCALES), weights=list(LOCALES.values()))[0]]
        if rng.random() < 0.75:  # most trainees in these programmes are women
            return {"first_name": local.first_name_female(), "last_name": local.last_name_female()}
        return {"first_name": local.first_name_male(), "last_name": local.last_name_male()}

    students = []
    for i in range(trainees):
        sid = f"t{i + 1:04d}"
        # a struggling trainee submits about half the assignments
        kind = "struggling" if rng.random() < 0.15 else "steady"
        skill = rng.uniform(0.55, 1.0) if kind == "steady" else rng.uniform(0.3, 0.8)
        students.append(
            {
                "id": sid,
                **person(),
                "email": f"{sid}@trainees.example",
                "supervisor": f"s{i % supervisors + 1:03d}",
                "_kind": kind,
                "_skill": skill,
            }
        )
    # after the trainees, so that trainee i is the same whatever the numbers
    sups = [{"id": f"s{j + 1:03d}", **person()} for j in range(supervisors)]
    student_rows = [{k: s[k] for k in ("id", "first_name", "last_name", "email")} for s in students]
    return {"supervisors": sups, "students": students, "student_rows": student_rows}


def _rename(people: dict[str, list[dict]], students: Sequence[Mapping[str, str]]) -> None:
    """Give the generated trainees the given ids, names and e-mails (in order)."""
    keys = ("id", "first_name", "last_name", "email")
    for generated, given in zip(people["students"], students, strict=True):
        generated.update({k: str(given[k]) for k in keys})
        generated["supervisor"] = str(given.get("supervisor") or generated["supervisor"])
    people["student_rows"] = [{k: s[k] for k in keys} for s in people["students"]]


def _assignment(
    k: int,
    course: str,
    students: list[dict],
    seed: int,
    planned: tuple[str, datetime] | None = None,
) -> tuple[dict[str, list[dict]], dict[str, Any]]:
    """The rows of assignment k (its cells and every submission) and what they add up to."""
    rng = random.Random(f"assignment:{seed}:{k}")  # noqa: S311 (synthetic data)
    name, due = planned or (
        f"w{k + 1:02d}-{TOPICS[k % len(TOPICS)]}",
        FIRST_DUE + timedelta(weeks=k),
    )
    assignment_id, notebook_id = _uuid(rng), _uuid(rng)
    rows: dict[str, list[dict]] = {
        "assignment": [{"id": assignment_id, "name": name, "duedate": due, "course_id": course}],
        "notebook": [
            {
                "id": notebook_id,
                "name": name,
                "assignment_id": assignment_id,
                "kernelspec": KERNELSPEC,
            }
        ],
    }
    cells = _cells(name, notebook_id, rng)
    rows.update(cells)
    tests = [(c["id"], c["max_score"]) for c in cells["grade_cells"] if c["cell_type"] == "code"]
    opens = {c["name"]: c["id"] for c in cells["base_cell"] if c["type"] == "GradeCell"}
    open_ids = [opens[n] for n in OPEN_ANSWERS]
    solution_ids = [c["id"] for c in cells["base_cell"] if c["type"] == "SolutionCell"]
    max_score = sum(c["max_score"] for c in cells["grade_cells"])
    facts: dict[str, Any] = {"name": name, "max_score": max_score, "score": {}, "waiting": []}
    for kind in ("submitted_assignment", "submitted_notebook", "grade", "comment"):
        rows[kind] = []
    for s in students:
        # one draw per trainee whether or not they submit: trainee i's data does not
        # depend on how many trainees follow
        draw = random.Random(rng.getrandbits(64))  # noqa: S311 (synthetic data)
        if draw.random() >= SUBMIT_RATE[s["_kind"]]:
            continue
        sub_id, nb_id = _uuid(draw), _uuid(draw)
        late = draw.random() < LATE_SHARE
        ts = due + (
            timedelta(hours=draw.uniform(0.1, 48))
            if late
            else -timedelta(hours=draw.uniform(0.1, 144))
        )
        rows["submitted_assignment"].append(
            {"id": sub_id, "assignment_id": assignment_id, "student_id": s["id"], "timestamp": ts}
        )
        rows["submitted_notebook"].append(
            {
                "id": nb_id,
                "assignment_id": sub_id,
                "notebook_id": notebook_id,
                "flagged": False,
                "late_submission_penalty": None,
            }
        )
        score = 0.0
        for cell_id, points in tests:
            auto = _test_score(draw, s["_skill"], points)
            score += auto
            rows["grade"].append(_grade(draw, nb_id, cell_id, auto=auto))
        state = draw.random()
        if state < WAITING_SHARE:
            waiting = (True, True)
        elif state < WAITING_SHARE + HALF_GRADED_SHARE:
            waiting = (False, True)  # the first open answer graded, not yet the second
        else:
            waiting = (False, False)
        manual_comments = {}
        for cell_id, wait in zip(open_ids, waiting, strict=True):
            if wait:
                rows["grade"].append(_grade(draw, nb_id, cell_id, waiting=True))
                continue
            level = float(min(3, max(0, round(s["_skill"] * 3 + draw.gauss(0, 0.7)))))
            score += level
            rows["grade"].append(_grade(draw, nb_id, cell_id, manual=level))
            if draw.random() < 0.6:
                manual_comments[cell_id] = draw.choice(COMMENTS)
        if any(waiting):
            facts["waiting"].append(s["id"])
        for cell_id in solution_ids:
            rows["comment"].append(
                {
                    "id": _uuid(draw),
                    "notebook_id": nb_id,
                    "cell_id": cell_id,
                    "auto_comment": None,
                    "manual_comment": manual_comments.get(cell_id),
                }
            )
        facts["score"][s["id"]] = score
    return rows, facts


def _test_score(rng: random.Random, skill: float, points: float) -> float:
    """What nbgrader's autograder gives a test cell: all points, none (an error), or
    partial credit (the cell's value)."""
    roll = rng.random()
    if roll < skill:
        return points
    if roll < skill + (1 - skill) / 3:
        return points / 2
    return 0.0


def _grade(
    rng: random.Random,
    nb_id: str,
    cell_id: str,
    auto: float | None = None,
    manual: float | None = None,
    waiting: bool = False,
) -> dict[str, Any]:
    return {
        "id": _uuid(rng),
        "notebook_id": nb_id,
        "cell_id": cell_id,
        "auto_score": auto,
        "manual_score": manual,
        "extra_credit": None,
        "needs_manual_grade": waiting,
    }


def _cells(name: str, notebook_id: str, rng: random.Random) -> dict[str, list[dict]]:
    """An assignment's cells as nbgrader's SaveCells records them (checksums included)."""
    from nbformat.v4 import new_code_cell, new_markdown_cell
    from nbgrader.utils import compute_checksum

    topic = name.split("-", 1)[1].replace("-", " ")
    spec = [  # (name, cell maker, source, grade points or None, solution, locked)
        (
            "instructions",
            new_markdown_cell,
            f"# {topic.capitalize()}\n\nRead the case.",
            None,
            False,
            True,
        ),
        (
            "answer_total",
            new_code_cell,
            "def total(items):\n    return sum(items)",
            None,
            True,
            False,
        ),
    ]
    for test in TESTS:
        points = float(rng.choice((1, 2)))
        spec.append((test, new_code_cell, f"assert {test[5:]}_ok(total)", points, False, True))
    for answer in OPEN_ANSWERS:
        spec.append((answer, new_markdown_cell, f"Your {answer} for this case.", 3.0, True, False))
    out: dict[str, list[dict]] = {
        "base_cell": [],
        "grade_cells": [],
        "solution_cells": [],
        "source_cell": [],
    }
    for cell_name, make, source, points, solution, locked in spec:
        meta = {
            "grade_id": cell_name,
            "grade": points is not None,
            "solution": solution,
            "locked": locked,
        }
        if points is not None:
            meta["points"] = points
        cell = make(source, metadata={"nbgrader": meta})
        if points is not None:
            cid = _uuid(rng)
            out["base_cell"].append(
                {"id": cid, "name": cell_name, "notebook_id": notebook_id, "type": "GradeCell"}
            )
            out["grade_cells"].append({"id": cid, "max_score": points, "cell_type": cell.cell_type})
        if solution:
            cid = _uuid(rng)
            out["base_cell"].append(
                {"id": cid, "name": cell_name, "notebook_id": notebook_id, "type": "SolutionCell"}
            )
            out["solution_cells"].append({"id": cid})
        out["source_cell"].append(
            {
                "id": _uuid(rng),
                "name": cell_name,
                "cell_type": cell.cell_type,
                "locked": locked,
                "source": source,
                "checksum": compute_checksum(cell),
                "notebook_id": notebook_id,
            }
        )
    return out
