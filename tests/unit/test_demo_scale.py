"""Is the programme-scale demo the published size, synthetic, and usable by the desk?

The full size is checked on its plan (nothing built); a shrunk programme of the same
shape (120 trainees, 6 webinars) is built for real in a few seconds.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from nbgrader.api import Gradebook

from praxishub import db, demo_scale, demo_scale_write, desk, synthetic_gradebook, unixusers
from praxishub.attendance_match import total_minutes
from praxishub.cli import main
from praxishub.courses import load_course
from praxishub.demo_scale import COURSE_ID, plan_for
from praxishub.settings import load_settings

SMALL = plan_for("programme", trainees=120, webinars=6)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("scale")
    calls = []
    with pytest.MonkeyPatch.context() as mp:
        # as an ordinary user: unit tests never create Unix users, even when run as root
        mp.setattr(os, "geteuid", lambda: 1000)
        mp.setattr(unixusers, "ensure_user", lambda *a, **k: calls.append(a))
        out = demo_scale_write.create(
            data_dir, SMALL, seed=5, repo_courses=["pfa-crisis"], show=False
        )
    return data_dir, out, calls


@pytest.fixture
def session(built):
    data_dir, _, _ = built
    engine = db.make_engine(db.default_url(data_dir))
    with db.session_scope(engine) as s:
        yield s
    engine.dispose()


def rows(data_dir: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(data_dir / "praxis" / "programme.sqlite") as con:
        return con.execute(sql).fetchall()


# --- the full size, from its plan ---


def test_programme_plan_is_the_published_size():
    """Does --scale programme ask for 4,433 trainees in 12 cohorts, ~15 per supervisor,
    29 webinars and about 130k attendance rows (never more than one per trainee and
    webinar)?"""
    plan = plan_for("programme")
    assert (plan.trainees, plan.webinars) == (4433, 29)
    assert len(plan.cohort_sizes()) == 12 and sum(plan.cohort_sizes()) == 4433
    assert 280 <= plan.supervisors <= 310
    assert 120_000 <= plan.expected_attendance_rows() <= 4433 * 29
    # two sessions a month per trainee: one individual, one group of up to five
    months = len(plan.supervision_months)
    assert plan.supervision_sessions() >= 4433 * months * (1 + 1 / plan.group_size)


def test_track_has_29_webinars_over_a_year_and_is_a_valid_course(tmp_path):
    """Is the track's course.yaml valid, with 29 webinars of 60-120 minutes, in ru and en,
    within a year, each due after it is held?"""
    spec = demo_scale.course_spec(plan_for("programme"))
    path = tmp_path / "course.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True), encoding="utf-8")
    assert load_course(path) == spec
    webinars = spec["webinars"]
    assert len(webinars) == 29 and len({w["id"] for w in webinars}) == 29
    starts = [datetime.fromisoformat(w["starts"]) for w in webinars]
    assert starts == sorted(starts) and starts[-1] - starts[0] <= timedelta(days=366)
    for w in webinars:
        assert 60 <= w["duration_minutes"] <= 120 and w["cpd_hours"] > 0
        assert set(w["title"]) == {"ru", "en"}
        assert datetime.fromisoformat(w["deadline"]) > datetime.fromisoformat(w["starts"])


def test_people_are_synthetic_unique_and_multilingual():
    """Are usernames and e-mails unique and synthetic (@example.org), names Russian,
    Kazakh, Czech, Chinese and English, and every trainee supervised in their cohort?"""
    found = demo_scale.people(plan_for("programme", trainees=1500), seed=1)
    everyone = [p for group in found.values() if group != found["cohorts"] for p in group]
    assert len({p["username"] for p in everyone}) == len(everyone)
    assert len({p["email"] for p in everyone}) == len(everyone)
    for p in everyone:
        assert re.fullmatch(r"[a-z][a-z0-9.-]{0,28}", p["username"]), p["username"]
        assert p["email"] == f"{p['username']}@example.org"
    names = " ".join(p["full_name"] for p in everyone)
    for script in (r"[а-яё]", r"[әғқңөұүһі]", r"[řěůčšž]", r"[\u4e00-\u9fff]", r"[A-Z][a-z]+ "):
        assert re.search(script, names), script
    cohort_of = {s["username"]: s["cohort"] for s in found["supervisors"]}
    for t in found["trainees"]:
        assert cohort_of[t["supervisor"]] == t["cohort"]
    load = Counter(t["supervisor"] for t in found["trainees"])
    assert min(load.values()) >= 10 and max(load.values()) <= 20


def test_same_seed_same_people():
    """Does the same seed give the same people, and another seed others?"""
    plan = plan_for("programme", trainees=50)
    assert demo_scale.people(plan, 3) == demo_scale.people(plan, 3)
    assert demo_scale.people(plan, 3) != demo_scale.people(plan, 4)


# --- a shrunk programme, built ---


def test_counts_are_what_the_plan_says(built, session):
    """Are all trainees, supervisors and staff in the roster, one gradebook row set synced
    per submission, and no Unix user made for anyone?"""
    data_dir, out, unix_calls = built
    roles = dict(rows(data_dir, "SELECT role, count(*) FROM people GROUP BY role"))
    assert roles == {
        "trainee": 120,
        "supervisor": SMALL.supervisors,
        "trainer": SMALL.trainers,
        "coordinator": SMALL.coordinators,
    }
    assert rows(data_dir, "SELECT count(*) FROM cohorts") == [(12,)]
    assert rows(data_dir, "SELECT count(*) FROM submission_index") == [(out["submissions"],)]
    assert out["submissions"] == out["gradebook"]["submitted_assignment"] > 0.8 * 120 * 6
    assert unix_calls == []  # (as root, only the track's grader and sandbox users)


def test_only_the_demo_logins_have_passwords(built):
    """Do only the few listed demo logins have a password, kept in a private file, and
    does praxishub.yaml list only cohorts, coordinators and trainers?"""
    data_dir, _, _ = built
    logins = json.loads((data_dir / "demo-logins.json").read_text("utf-8"))
    assert (data_dir / "demo-logins.json").stat().st_mode & 0o077 == 0
    assert Counter(v["role"] for v in logins.values()) == dict(SMALL.logins)
    with_hash = rows(data_dir, "SELECT username FROM people WHERE password_hash IS NOT NULL")
    assert {u for (u,) in with_hash} == set(logins)
    settings = load_settings(data_dir / "praxishub.yaml")
    assert settings.is_demo
    assert {p["role"] for p in settings.people} == {"coordinator", "trainer"}
    assert [c["id"] for c in settings["courses"]] == ["pfa-crisis", COURSE_ID]


def test_the_track_is_deployed_with_its_gradebook(built):
    """Is the track a deployed course whose nbgrader gradebook names trainees by username
    and has the course's webinars as assignments?"""
    data_dir, _, _ = built
    course_dir = data_dir / "courses" / COURSE_ID
    spec = load_course(course_dir / "course.yaml")
    assert len(spec["webinars"]) == 6
    usernames = {u for (u,) in rows(data_dir, "SELECT username FROM people WHERE role='trainee'")}
    with Gradebook(f"sqlite:///{course_dir / 'gradebook.db'}", course_id=COURSE_ID) as gb:
        assert {s.id for s in gb.students} == usernames
        assert [a.name for a in gb.assignments] == [w["id"] for w in spec["webinars"]]


def test_attendance_drops_over_time_and_three_quarters_are_present(built):
    """Is there at most one row per trainee and webinar, are early webinars better
    attended than late ones, and are 75-85% present at the 75% threshold?"""
    data_dir, out, _ = built
    per = rows(
        data_dir,
        "SELECT webinar, count(*), avg(present) FROM attendance GROUP BY webinar ORDER BY webinar",
    )
    assert len(per) == 6 and sum(n for _, n, _ in per) == out["attendance"]
    assert all(n <= 120 for _, n, _ in per)
    assert per[0][1] * per[0][2] > per[-1][1] * per[-1][2]  # present: first > last
    (share,) = rows(data_dir, "SELECT avg(present) FROM attendance")[0]
    assert 0.75 <= share <= 0.85
    assert rows(data_dir, "SELECT count(*) FROM attendance_imports") == [(6,)]


def test_attendance_rows_are_what_an_import_stores(built):
    """Do each row's minutes equal its merged spans, and present mean at least 75% of
    the webinar, as praxishub.attendance_store would have stored them?"""
    data_dir, _, _ = built
    spec = load_course(data_dir / "courses" / COURSE_ID / "course.yaml")
    duration = {w["id"]: w["duration_minutes"] for w in spec["webinars"]}
    for webinar, minutes, present, spans in rows(
        data_dir, "SELECT webinar, minutes, present, spans FROM attendance"
    ):
        parsed = [tuple(map(datetime.fromisoformat, s)) for s in json.loads(spans)]
        assert total_minutes(parsed) == minutes
        assert bool(present) == (minutes >= 0.75 * duration[webinar])


def test_desk_progress_and_queue_work_on_it(built, session):
    """Does desk.progress give every trainee their synced totals and supervision minutes,
    and does a supervisor's queue hold exactly their supervisees' waiting submissions?"""
    data_dir, _, _ = built
    progress = desk.progress(session)
    assert len(progress) == 120
    submitted = dict(rows(data_dir, "SELECT username, count(*) FROM submission_index GROUP BY 1"))
    for p in progress:
        assert p["submitted"] == submitted.get(p["trainee"], 0)
        assert p["supervision_minutes"] > 0
        assert 0 <= p["supervision_confirmed_minutes"] <= p["supervision_minutes"]
    supervisor = rows(data_dir, "SELECT username FROM people WHERE role='supervisor' LIMIT 1")[0][0]
    items = desk.queue(session, supervisor)
    waiting = rows(data_dir, "SELECT assignment, username FROM submission_index WHERE needs_manual")
    mine = {
        t for t, s in rows(data_dir, "SELECT username, supervisor FROM people") if s == supervisor
    }
    expected = {(a, t) for a, t in waiting if t in mine}
    assert mine
    assert items and {(i["assignment"], i["trainee"]) for i in items} == expected
    assert desk.counts(items)["total"] == len(expected)


def test_two_supervision_sessions_per_trainee_and_month(built):
    """Does each trainee have one individual and one group session a month, held by their
    own supervisor on a weekday of that month?"""
    data_dir, out, _ = built
    assert out["supervision"] == SMALL.supervision_sessions()
    found = rows(
        data_dir,
        "SELECT pa.trainee, s.kind, s.held_on, s.supervisor, p.supervisor "
        "FROM supervision_participants pa JOIN supervision_sessions s ON s.id = pa.session_id "
        "JOIN people p ON p.username = pa.trainee",
    )
    per = Counter((t, kind, held[:7]) for t, kind, held, _, _ in found)
    assert set(per.values()) == {1}
    assert len(per) == 120 * 2 * len(SMALL.supervision_months)
    for _, _, held, by, own in found:
        assert by == own and date.fromisoformat(held).weekday() < 5


def test_a_second_run_keeps_the_demo(built):
    """Does running it again on the same data dir change nothing?"""
    data_dir, _, _ = built
    before = (data_dir / "praxishub.yaml").read_text("utf-8")
    again = demo_scale_write.create(data_dir, SMALL, seed=9, show=False)
    assert again == {"existing": str(data_dir / "praxishub.yaml")}
    assert (data_dir / "praxishub.yaml").read_text("utf-8") == before


def test_gradebook_takes_given_students_and_schedule(tmp_path):
    """Does synthetic_gradebook.build name trainees and assignments as given (ids,
    e-mails, due dates), and refuse a list of another length?"""
    students = [
        {"id": f"x.{i}", "first_name": "Анна", "last_name": f"Ш{i}", "email": f"x{i}@example.org"}
        for i in range(8)
    ]
    schedule = [("w01-a", datetime(2026, 3, 1, 20, 59)), ("w02-b", datetime(2026, 3, 15, 20, 59))]
    named = synthetic_gradebook.build(
        f"sqlite:///{tmp_path / 'a.db'}", 8, 2, seed=2, students=students, schedule=schedule
    )
    assert named["assignments"] == ["w01-a", "w02-b"]
    assert [s["id"] for s in named["students"]] == [s["id"] for s in students]
    with Gradebook(f"sqlite:///{tmp_path / 'a.db'}", course_id="school-cases") as gb:
        assert gb.find_assignment("w02-b").duedate == schedule[1][1]
        assert {s.email for s in gb.students} == {s["email"] for s in students}
    with pytest.raises(ValueError, match="students"):
        synthetic_gradebook.build(f"sqlite:///{tmp_path / 'c.db'}", 9, 2, students=students)


def test_cli_builds_the_programme_scale(tmp_path, monkeypatch):
    """Does `praxishub demo --scale programme` build it, say what it built and list only
    the demo logins?"""
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    result = CliRunner().invoke(
        main,
        ["demo", "--scale", "programme", "--trainees", "30", "--data-dir", str(tmp_path)],
    )
    assert result.exit_code == 0, result.output
    assert "30 trainees in 12 cohorts" in result.output
    assert "29 webinars" in result.output
    assert "All 11 logins" in result.output
