"""Do the dashboards count what they say, for whom they say, and stay small?

A hand-built programme of six active trainees (plus one inactive and a trainer, who
must not count) checks every figure exactly; a shrunk programme-scale demo checks that
the totals agree with the tables they come from. Every person here is synthetic.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sqlite3
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

import handlers
from praxishub import certificate_store as store
from praxishub import certificates as core
from praxishub import dashboard_figures as figures
from praxishub import (
    dashboard_people,
    dashboards,
    db,
    demo_scale,
    demo_scale_write,
    desk,
    unixusers,
)
from praxishub.dashboards import DashboardError, Filters
from praxishub.db import (
    Attendance,
    Certificate,
    Cohort,
    DeskGrade,
    Person,
    SubmissionIndex,
    SupervisionParticipant,
    SupervisionSession,
)
from praxishub.demo_scale import plan_for

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
RULES = core.Rules(attendance_share=0.6, pass_share=0.6)
MSK = "+03:00"
SPEC = {
    "id": "pfa",
    "title": {"ru": "Первая помощь", "en": "First aid"},
    "webinars": [
        {
            "id": wid,
            "title": {"ru": f"Вебинар {k}", "en": f"Webinar {k}"},
            "starts": f"{day}T18:00:00{MSK}",
            "duration_minutes": 90,
            "cpd_hours": cpd,
            "deadline": f"{deadline}T23:59:00{MSK}",
        }
        for k, (wid, day, deadline, cpd) in enumerate(
            [
                ("w1", "2026-01-10", "2026-01-24", 1.5),
                ("w2", "2026-02-10", "2026-02-24", 2.0),
                ("w3", "2026-03-10", "2026-03-24", 1.0),
                ("w4", "2027-01-10", "2027-01-24", 1.0),  # not held yet
            ],
            start=1,
        )
    ],
}
# username -> (cohort, supervisor, active)
TRAINEES = {
    "t1": ("c-a", "sup.one", True),
    "t2": ("c-a", "sup.one", True),
    "t3": ("c-a", "sup.one", True),
    "t4": ("c-a", "sup.one", True),
    "t5": ("c-b", "sup.two", True),
    "t6": ("c-b", "sup.two", True),
    "t7": ("c-a", "sup.two", False),
}
# (username, webinar) -> present; a row False is an attendee not present
ATTENDANCE = {
    ("t1", "w1"): True,
    ("t1", "w2"): True,
    ("t1", "w3"): True,
    ("t2", "w1"): True,
    ("t2", "w2"): True,
    ("t2", "w3"): False,
    ("t3", "w1"): True,
    ("t5", "w1"): True,
    ("t5", "w2"): True,
    ("t6", "w2"): False,
    ("t7", "w1"): True,  # inactive
    ("tr.x", "w1"): True,  # a trainer
}
# (username, assignment) -> (score of 10, cells waiting for a person)
SUBMISSIONS = {
    ("t1", "w1"): (10, 0),
    ("t1", "w2"): (6, 0),  # exactly the pass share, and exactly the edge of bin 6
    ("t1", "w3"): (7, 0),
    ("t1", "case-x"): (8, 0),
    ("t1", "extra-1"): (9, 0),  # a trainer's extra assignment: not in the overview
    ("t2", "w1"): (9, 0),
    ("t2", "w2"): (5, 0),
    ("t2", "w3"): (8, 0),
    ("t2", "case-x"): (6, 0),
    ("t3", "w1"): (3, 0),
    ("t5", "w1"): (8, 0),
    ("t5", "w2"): (7, 0),
    ("t5", "w3"): (4, 1),
    ("t5", "case-x"): (10, 0),
    ("t7", "w1"): (2, 0),  # inactive
}
# (supervisor, day, minutes, kind, [(trainee, confirmed)])
SESSIONS = [
    ("sup.one", date(2026, 3, 5), 60, "individual", [("t1", True)]),
    ("sup.one", date(2026, 3, 20), 90, "group", [("t1", False), ("t2", True), ("t3", False)]),
    ("sup.two", date(2026, 4, 2), 45, "individual", [("t5", False)]),
    ("sup.two", date(2026, 4, 10), 30, "individual", [("t7", True)]),  # inactive
]


def person(username: str, role: str, cohort=None, supervisor=None, active=True) -> Person:
    return Person(
        username=username,
        full_name=f"Синтетический {username}",
        email=f"{username}@example.org",
        role=role,
        cohort_id=cohort,
        supervisor=supervisor,
        active=active,
    )


def fill(session) -> None:
    session.add_all([Cohort(id="c-a", name="Весна"), Cohort(id="c-b", name="Осень")])
    session.flush()
    session.add_all(
        [
            person("sup.one", "supervisor", "c-a"),
            person("sup.two", "supervisor", "c-b"),
            person("tr.x", "trainer"),
            person("coord", "coordinator"),
        ]
    )
    session.flush()
    for username, (cohort, supervisor, active) in TRAINEES.items():
        session.add(person(username, "trainee", cohort, supervisor, active))
    session.flush()
    store.store_course(session, SPEC, ["case-x"])
    for (username, webinar), present in ATTENDANCE.items():
        session.add(
            Attendance(
                course="pfa",
                webinar=webinar,
                username=username,
                minutes=80 if present else 20,
                present=present,
                matched_by="email",
                source_format="zoom",
                sha256="0" * 64,
                spans=[],
                untimed_minutes=0,
            )
        )
    for k, ((username, assignment), (score, waiting)) in enumerate(sorted(SUBMISSIONS.items())):
        session.add(
            SubmissionIndex(
                course="pfa",
                assignment=assignment,
                username=username,
                submitted_at=datetime(2026, 3, 1 + k, 9),
                auto_score=score / 2,
                auto_max=5,
                manual_score=score / 2,
                manual_max=5,
                max_score=10,
                needs_manual=waiting,
            )
        )
    session.flush()
    desk.refresh_totals(session, list(TRAINEES))
    session.add(
        DeskGrade(
            course="pfa",
            assignment="w2",
            username="t1",
            feedback_at=datetime(2026, 3, 30, 10),
            rubric={},
            comments={},
        )
    )
    for username, revoked in (("t1", None), ("t2", datetime(2026, 4, 1)), ("t3", None)):
        session.add(
            Certificate(
                code_hash=username * 10,
                code=username.upper() * 5,
                username=username,
                course="pfa",
                lang="ru",
                full_name=username,
                programme="Школа",
                course_title="Первая помощь",
                webinars=[],
                hours=4.5,
                verify_url="https://example.org",
                fingerprint=username,
                revoked_at=revoked,
                revoked_reason="",
            )
        )
    for supervisor, day, minutes, kind, participants in SESSIONS:
        row = SupervisionSession(supervisor=supervisor, held_on=day, minutes=minutes, kind=kind)
        row.participants = [
            SupervisionParticipant(
                trainee=t, confirmed_at=datetime(2026, 5, 1) if confirmed else None, note=""
            )
            for t, confirmed in participants
        ]
        session.add(row)


@pytest.fixture
def engine(programme_engine):
    engine = programme_engine
    with db.session_scope(engine) as session:
        fill(session)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    with db.session_scope(engine) as s:
        yield s


def overview(session, **filters) -> dict:
    return dashboards.overview(session, Filters(**filters), RULES, NOW)


# --- the programme overview, exactly ---


def test_webinars_held_participants_and_attendance_per_webinar(session):
    """Are only started webinars held, only active trainees counted, and each webinar's
    attendees, present and share of the six trainees right?"""
    found = overview(session)
    assert (found["trainees"], found["webinars_held"], found["webinars_planned"]) == (6, 3, 1)
    assert found["unique_participants"] == 4
    rows = [
        (r["webinar"], r["date"], r["attendees"], r["present"], r["share"])
        for r in found["attendance"]
    ]
    assert rows == [
        ("w1", "2026-01-10", 4, 4, round(4 / 6, 4)),
        ("w2", "2026-02-10", 4, 3, 0.5),
        ("w3", "2026-03-10", 2, 1, round(1 / 6, 4)),
    ]
    assert found["attendance"][0]["title"] == {"ru": "Вебинар 1", "en": "Webinar 1"}
    assert (found["attendance_rows"], found["present_rows"]) == (10, 8)
    assert found["choices"] == {
        "cohorts": [{"cohort": "c-a", "name": "Весна"}, {"cohort": "c-b", "name": "Осень"}],
        "courses": [{"course": "pfa", "title": {"ru": "Первая помощь", "en": "First aid"}}],
    }


def test_a_course_for_one_cohort_counts_for_its_trainees_only(session):
    """With pfa kept to cohort c-b: is c-b's comparison what it was, does c-a (who take
    no course now) attend and complete nothing, and does each webinar's attendance count
    c-b's trainees out of c-b's? With pfa for both cohorts, is everything as before?"""
    everyone = overview(session)
    both = dashboards.overview(
        session, Filters(), RULES, NOW, course_cohorts={"pfa": {"c-a", "c-b"}, "gone": {"x"}}
    )
    assert both == everyone
    kept = dashboards.overview(session, Filters(), RULES, NOW, course_cohorts={"pfa": {"c-b"}})
    by_cohort = {c["cohort"]: c for c in kept["cohorts"]}
    assert by_cohort["c-b"] == {c["cohort"]: c for c in everyone["cohorts"]}["c-b"]
    assert by_cohort["c-a"]["trainees"] == 4
    a = by_cohort["c-a"]
    assert (a["attendance_share"], a["completed"], a["completion_share"]) == (0.0, 0, 0.0)
    rows = [(r["webinar"], r["attendees"], r["present"], r["share"]) for r in kept["attendance"]]
    assert rows == [("w1", 1, 1, 0.5), ("w2", 2, 1, 0.5), ("w3", 0, 0, 0.0)]
    # the funnel: c-a's four are enrolled and stop there; c-b's counts as before
    assert kept["funnel"][0]["count"] == 6
    assert [s["count"] for s in kept["funnel"]][1:] == _cohort_funnel(session, "c-b")[1:]
    assert kept["trainees"] == 6 and [c["cohort"] for c in kept["cohorts"]] == ["c-a", "c-b"]


def test_a_trainees_view_leaves_out_a_course_not_for_their_cohort(session):
    """Is a course the trainee does not take gone from their attendance, standing and
    what comes next, while their scores (what they did submit) stay?"""
    theirs = dashboard_people.trainee_view(session, "t1", RULES, NOW, takes={"pfa"}.__contains__)
    assert theirs == dashboard_people.trainee_view(session, "t1", RULES, NOW)
    other = dashboard_people.trainee_view(session, "t1", RULES, NOW, takes=lambda c: False)
    assert other["attendance"] == [] and other["courses"] == [] and other["cpd_hours"] == 0
    assert other["next"]["webinars"] == []
    assert other["scores"] == theirs["scores"]


def _cohort_funnel(session, cohort: str) -> list[int]:
    return [s["count"] for s in overview(session, cohort=cohort)["funnel"]]


def test_the_funnel_counts_each_step_of_those_before(session):
    """Does each step keep only those of the step before (t3's certificate without
    passing is not counted, t2's revoked one neither)?"""
    found = overview(session)
    assert found["funnel_basis"] == {"webinars": 3, "required": 2, "assignments": 4, "courses": 1}
    assert [s["count"] for s in found["funnel"]] == [6, 4, 3, 3, 1, 1]
    assert [s["step"] for s in found["funnel"]] == list(dashboards.FUNNEL)


def test_grade_histograms_bin_exactly_and_leave_out_what_waits(session):
    """Are graded submissions binned by their share (6 of 10 in bin 6, full marks in the
    last), a waiting one counted apart, and extra assignments and inactive trainees out?"""
    found = overview(session)
    assert found["bin_edges"] == [k / 10 for k in range(11)]
    grades = {g["assignment"]: g for g in found["grades"]}
    assert list(grades) == ["w1", "w2", "w3", "case-x"]

    def bins(*indices: int) -> list[int]:
        out = [0] * 10
        for k in indices:
            out[k] += 1
        return out

    assert grades["w1"]["bins"] == bins(9, 9, 3, 8)
    assert grades["w2"]["bins"] == bins(6, 5, 7)
    assert grades["w3"]["bins"] == bins(7, 8)
    assert grades["case-x"]["bins"] == bins(8, 6, 9)
    assert (grades["w3"]["submitted"], grades["w3"]["graded"], grades["w3"]["waiting"]) == (3, 2, 1)
    assert grades["w1"]["mean_share"] == 0.75 and grades["w2"]["mean_share"] == 0.6
    assert grades["case-x"]["mean_share"] == 0.8 and grades["case-x"]["title"] == {}


def test_supervision_per_month_and_cohort(session):
    """Are trainee hours each participant's minutes, session hours each session once,
    and the inactive trainee's session left out?"""
    found = overview(session)
    assert found["supervision"]["months"] == [
        {
            "month": "2026-03",
            "sessions": 2,
            "session_hours": 2.5,
            "trainee_hours": 5.5,
            "trainees": 3,
        },
        {
            "month": "2026-04",
            "sessions": 1,
            "session_hours": 0.75,
            "trainee_hours": 0.75,
            "trainees": 1,
        },
    ]
    assert found["supervision"]["cohorts"] == [
        {"cohort": "c-a", "name": "Весна", "hours": 5.5, "trainees_supervised": 3},
        {"cohort": "c-b", "name": "Осень", "hours": 0.75, "trainees_supervised": 1},
    ]


def test_cohorts_compared(session):
    """Per cohort: trainees, attendance share, completion share, mean score share and
    supervision hours per trainee."""
    a, b = overview(session)["cohorts"]
    assert (a["cohort"], a["trainees"], b["cohort"], b["trainees"]) == ("c-a", 4, "c-b", 2)
    assert a["attendance_share"] == 0.5  # 3 + 2 + 1 + 0 of 4 x 3
    assert b["attendance_share"] == round(2 / 6, 4)
    assert (a["completed"], a["completion_share"], b["completed"]) == (1, 0.25, 0)
    assert a["mean_score_share"] == round(6.2 / 9, 4) and a["graded"] == 9
    assert b["mean_score_share"] == round(2.5 / 3, 4)
    assert a["supervision_hours_per_trainee"] == 1.375
    assert b["supervision_hours_per_trainee"] == 0.375


def test_a_cohort_filter(session):
    found = overview(session, cohort="c-b")
    assert found["trainees"] == 2
    assert [(r["attendees"], r["present"]) for r in found["attendance"]] == [(1, 1), (2, 1), (0, 0)]
    assert [s["count"] for s in found["funnel"]] == [2, 1, 1, 1, 0, 0]
    assert [c["cohort"] for c in found["cohorts"]] == ["c-b"]
    assert found["supervision"]["months"][0]["month"] == "2026-04"


def test_a_period_narrows_webinars_their_assignments_and_supervision(session):
    """From February to March: two webinars held (two needed), their assignments and
    the case analysis, and March's supervision only."""
    found = overview(session, start=date(2026, 2, 1), end=date(2026, 3, 31), course="pfa")
    assert [r["webinar"] for r in found["attendance"]] == ["w2", "w3"]
    assert found["funnel_basis"] == {"webinars": 2, "required": 2, "assignments": 3, "courses": 1}
    assert [s["count"] for s in found["funnel"]] == [6, 3, 1, 1, 1, 1]
    assert [g["assignment"] for g in found["grades"]] == ["w2", "w3", "case-x"]
    assert [m["month"] for m in found["supervision"]["months"]] == ["2026-03"]


def test_an_assignment_not_yet_due_is_not_required(session):
    """Before w3's deadline, submitting w1, w2 and the case is everything due."""
    found = dashboards.overview(session, Filters(), RULES, datetime(2026, 3, 15, tzinfo=UTC))
    assert found["funnel_basis"]["assignments"] == 3  # w1, w2, case-x
    assert found["funnel"][3]["count"] == 3  # t1, t2 and t5


@pytest.mark.parametrize(
    ("args", "field"),
    [
        ({"from": "2026-13-01"}, "from"),
        ({"to": "tomorrow"}, "to"),
        ({"from": "2026-05-01", "to": "2026-04-01"}, "to"),
    ],
)
def test_bad_dates_name_the_filter(args, field):
    with pytest.raises(DashboardError) as caught:
        dashboards.parse_filters(args)
    assert caught.value.problems[0].where == field


def test_unknown_cohort_or_course_names_the_filter(session):
    with pytest.raises(DashboardError) as caught:
        overview(session, cohort="nope")
    assert caught.value.problems[0].where == "cohort" and "c-a" in str(caught.value)
    with pytest.raises(DashboardError) as caught:
        overview(session, course="nope")
    assert caught.value.problems[0].where == "course" and "pfa" in str(caught.value)


def test_filters_from_query_arguments():
    found = dashboards.parse_filters({"cohort": " c-a ", "course": "", "from": "2026-01-01"})
    assert found == Filters(cohort="c-a", start=date(2026, 1, 1))


# --- the supervisor's and the trainee's views ---


def test_a_supervisor_sees_their_active_supervisees_queue_and_hours(session):
    view = dashboard_people.supervisor_view(
        session, "sup.two", datetime(2026, 4, 15, 9, tzinfo=UTC)
    )
    assert [r["trainee"] for r in view["supervisees"]] == ["t5", "t6"]  # t7 is inactive
    t5 = view["supervisees"][0]
    assert (t5["submitted"], t5["waiting"], t5["webinars_present"]) == (4, 1, 2)
    assert (t5["supervision_hours"], t5["supervision_hours_month"]) == (0.75, 0.75)
    submitted = datetime(2026, 3, 1 + sorted(SUBMISSIONS).index(("t5", "w3")), 9)
    age = round((datetime(2026, 4, 15, 9) - submitted).total_seconds() / 86400, 1)
    assert view["queue"] == {"waiting": 1, "oldest_days": age, "trainees_waiting": 1}
    assert t5["oldest_waiting_days"] == age
    assert view["sessions"] == {"total": 2, "hours": 1.25, "month": 2, "hours_month": 1.25}
    assert view["month"] == "2026-04"


def test_a_supervisor_without_waiting_work(session):
    view = dashboard_people.supervisor_view(session, "sup.one", datetime(2026, 4, 15, tzinfo=UTC))
    assert [r["trainee"] for r in view["supervisees"]] == ["t1", "t2", "t3", "t4"]
    assert view["queue"] == {"waiting": 0, "oldest_days": None, "trainees_waiting": 0}
    assert view["sessions"] == {"total": 2, "hours": 2.5, "month": 0, "hours_month": 0.0}


def test_a_trainee_sees_their_own_record(session):
    view = dashboard_people.trainee_view(session, "t1", RULES, NOW)
    assert [(r["webinar"], r["present"], r["minutes"]) for r in view["attendance"]] == [
        ("w1", True, 80),
        ("w2", True, 80),
        ("w3", True, 80),
    ]
    assert view["cpd_hours"] == 4.5
    scores = {s["assignment"]: s for s in view["scores"]}
    assert set(scores) == {"w1", "w2", "w3", "case-x", "extra-1"}
    assert scores["w2"]["status"] == "passed" and scores["w2"]["feedback_returned"]
    assert view["feedback"] == {"returned": 1, "not_returned": 4}
    assert view["supervision"] == {"hours": 2.5, "confirmed_hours": 1.0}
    (pfa,) = view["courses"]
    assert (pfa["webinars"], pfa["present"], pfa["required"]) == (4, 3, 3)
    assert (pfa["assignments"], pfa["passed"], pfa["eligible"], pfa["certificate"]) == (
        6,
        5,
        False,  # w4 is not submitted (not held yet)
        True,
    )
    assert [w["webinar"] for w in view["next"]["webinars"]] == ["w4"]
    assert view["next"]["assignments"] == []


def test_what_comes_next_for_a_trainee_behind(session):
    view = dashboard_people.trainee_view(session, "t3", RULES, NOW)
    todo = [(a["assignment"], a["overdue"]) for a in view["next"]["assignments"]]
    assert todo == [("w2", True), ("w3", True), ("case-x", False)]
    assert view["scores"][0]["status"] == "failed" and view["cpd_hours"] == 1.5
    assert view["supervision"] == {"hours": 1.5, "confirmed_hours": 0.0}


# --- figures ---


def test_figures_show_the_aggregates_in_both_languages(session):
    found = overview(session)
    ru, en = figures.overview_figures(found, "ru"), figures.overview_figures(found, "en")
    bars, line = ru["attendance"].data
    assert list(bars.y) == [4, 3, 1] and list(line.y) == [r["share"] for r in found["attendance"]]
    assert "Вебинар 1" in bars.x[0] and "Webinar 1" in en["attendance"].data[0].x[0]
    assert list(ru["funnel"].data[0].x) == [6, 4, 3, 3, 1, 1]
    assert ru["funnel"].data[0].y[0] == "Зачислены" and en["funnel"].data[0].y[0] == "Enrolled"
    heat = ru["grades"].data[0]
    assert [list(r) for r in heat.customdata] == [g["bins"] for g in found["grades"]]
    assert list(heat.z[1]) == [
        0,
        0,
        0,
        0,
        0,
        round(1 / 3, 4),
        round(1 / 3, 4),
        round(1 / 3, 4),
        0,
        0,
    ]
    trainee_hours, session_hours = ru["supervision"].data
    assert list(trainee_hours.y) == [5.5, 0.75] and list(session_hours.y) == [2.5, 0.75]
    shares = ru["cohorts"].data
    assert list(shares[0].x) == ["Весна", "Осень"] and list(shares[0].y) == [0.5, round(2 / 6, 4)]
    assert list(shares[3].y) == [c["supervision_hours_per_trainee"] for c in found["cohorts"]]
    assert ru["cohorts"].layout.title.text == "Сравнение групп"
    assert en["cohorts"].layout.title.text == "Cohorts compared"
    one = figures.grade_histogram(found, "w1", "en")
    assert list(one.data[0].y) == [0, 0, 0, 1, 0, 0, 0, 0, 1, 2]


def test_people_figures(session):
    sv = dashboard_people.supervisor_view(session, "sup.two", NOW)
    fig = figures.supervisees(sv, "ru")
    assert list(fig.data[0].y) == [4, 0] and list(fig.data[1].y) == [1, 0]
    tv = dashboard_people.trainee_view(session, "t5", RULES, NOW)
    att = figures.my_attendance(tv, "en")
    assert list(att.data[0].y) == [80, 80, 0]
    sc = figures.my_scores(tv, "ru")
    assert list(sc.data[0].y) == [1.0, 0.8, 0.7, 0.4]  # in the order submitted
    assert "ждёт оценки" in list(sc.data[0].customdata)


def test_a_figure_with_nothing_to_draw_says_so(session):
    """A new trainee's own view (nothing attended, nothing graded): do their figures say
    "no data yet" in their language, with no axes, rather than an empty plot's -1..6?"""
    tv = {"attendance": [], "scores": [], "pass_share": 0.6}
    for fig, lang, text in (
        (figures.my_attendance(tv, "ru"), "ru", "Данных пока нет"),
        (figures.my_scores(tv, "en"), "en", "No data yet"),
        (figures.supervisees({"supervisees": []}, "en"), "en", "No data yet"),
    ):
        assert fig.data == () and not fig.layout.shapes, lang
        assert [a.text for a in fig.layout.annotations] == [text]
        assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
        assert fig.layout.title.text  # the title stays
    tv = dashboard_people.trainee_view(session, "t5", RULES, NOW)
    assert not figures.my_attendance(tv, "en").layout.annotations  # data: drawn as ever


# --- a shrunk programme-scale demo: totals agree with the tables ---

SMALL = plan_for("programme", trainees=120, webinars=6)
LATER = datetime(2027, 6, 1, tzinfo=UTC)  # every webinar of the demo held


@pytest.fixture(scope="module")
def scaled(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("dashscale")
    with pytest.MonkeyPatch.context() as mp:
        # as an ordinary user: unit tests never create Unix users, even when run as root
        mp.setattr(os, "geteuid", lambda: 1000)
        mp.setattr(unixusers, "ensure_user", lambda *a, **k: None)
        demo_scale_write.create(data_dir, SMALL, seed=5, show=False)
    engine = db.make_engine(db.default_url(data_dir))
    with db.session_scope(engine) as session:
        store.store_course(session, demo_scale.course_spec(SMALL), [])
    yield engine, data_dir / "praxis" / "programme.sqlite"
    engine.dispose()


def count(path: Path, sql: str, *params: str):
    with sqlite3.connect(path) as con:
        return con.execute(sql, params).fetchone()[0]


def test_scaled_overview_totals_agree_with_the_tables(scaled):
    engine, path = scaled
    with db.session_scope(engine) as session:
        found = dashboards.overview(session, now=LATER)
    assert found["trainees"] == 120 and found["webinars_held"] == 6
    funnel = [s["count"] for s in found["funnel"]]
    assert funnel[0] == 120 and all(a >= b for a, b in itertools.pairwise(funnel))
    assert found["attendance_rows"] == count(path, "SELECT count(*) FROM attendance")
    assert found["present_rows"] == count(path, "SELECT count(*) FROM attendance WHERE present")
    assert found["unique_participants"] == count(
        path, "SELECT count(DISTINCT username) FROM attendance WHERE present"
    )
    assert sum(g["submitted"] for g in found["grades"]) == count(
        path, "SELECT count(*) FROM submission_index"
    )
    assert all(g["graded"] + g["waiting"] == g["submitted"] for g in found["grades"])
    assert sum(g["waiting"] for g in found["grades"]) == count(
        path, "SELECT count(*) FROM submission_index WHERE needs_manual > 0"
    )
    assert sum(c["trainees"] for c in found["cohorts"]) == 120
    minutes = count(
        path,
        "SELECT sum(s.minutes) FROM supervision_sessions s "
        "JOIN supervision_participants p ON p.session_id = s.id",
    )
    months = found["supervision"]["months"]
    assert sum(m["trainee_hours"] for m in months) == pytest.approx(minutes / 60, abs=0.05)
    assert sum(m["sessions"] for m in months) == count(
        path, "SELECT count(*) FROM supervision_sessions"
    )
    assert len(json.dumps(found)) < 40_000  # aggregates, never rows
    for fig in figures.overview_figures(found, "ru").values():
        assert len(fig.to_json()) < 40_000


def test_scaled_people_views_cover_everyone_once(scaled):
    engine, path = scaled
    with db.session_scope(engine) as session:
        supervisors = session.scalars(
            select(Person.username).where(Person.role == "supervisor").order_by(Person.username)
        ).all()
        views = [dashboard_people.supervisor_view(session, s) for s in supervisors]
        one = dashboard_people.trainee_view(
            session, views[0]["supervisees"][0]["trainee"], now=LATER
        )
    seen = [r["trainee"] for v in views for r in v["supervisees"]]
    assert len(seen) == len(set(seen)) == 120
    assert sum(v["queue"]["waiting"] for v in views) == count(
        path, "SELECT count(*) FROM submission_index WHERE needs_manual > 0"
    )
    assert len(one["attendance"]) == 6
    assert len(one["scores"]) == count(
        path, "SELECT count(*) FROM submission_index WHERE username = ?", one["trainee"]
    )


# --- the API: who may see what ---

SCOPES = {
    "tr.x": ["custom:praxis:dashboards:present", "custom:praxis:grade"],
    "coord": ["custom:praxis:dashboards:present", "custom:praxis:reports"],
    "sup.one": ["custom:praxis:supervise", "custom:praxis:grade"],
    "t1": ["custom:praxis:learn"],
    "stranger": ["custom:praxis:learn"],
}


class FakeHubCaller(handlers.FakeHubCaller):
    """Each caller with their role's scopes."""

    def scopes_of(self, name: str) -> list[str]:
        return SCOPES.get(name, [])


class DashboardEndpoints(AsyncHTTPTestCase):
    def get_app(self):
        from praxishub.service import dashboards as api

        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-dash-"))
        self.engine = db.make_engine(f"sqlite:///{self.tmp / 'p.sqlite'}")
        db.migrate(self.engine)
        with db.session_scope(self.engine) as session:
            fill(session)
        args = {"engine": self.engine, "service_token": "x"}
        routes = [
            (pattern, type(handler.__name__, (FakeHubCaller, handler), {}), kwargs)
            for pattern, handler, kwargs in api.routes("/services/praxis/", args, "")
        ]
        return Application(routes)

    def tearDown(self):
        super().tearDown()
        self.engine.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def get(self, path: str, user: str | None):
        response = self.fetch(
            f"/services/praxis/api/dashboards/{path}",
            headers={"X-Test-User": user} if user else {},
        )
        return response.code, json.loads(response.body)

    def test_overview_for_trainers_and_coordinators_only(self):
        for user in ("tr.x", "coord"):
            code, body = self.get("overview", user)
            assert code == 200 and body["trainees"] == 6
            assert "t1" not in json.dumps(body)  # counts only, no person
        for user in ("t1", "sup.one", None):
            assert self.get("overview", user)[0] == 403

    def test_a_bad_filter_is_a_400_naming_it(self):
        code, body = self.get("overview?from=2026-13-01", "coord")
        assert (code, body["field"]) == (400, "from")
        code, body = self.get("overview?cohort=nope", "coord")
        assert (code, body["field"]) == (400, "cohort") and "c-a" in body["message"]
        code, body = self.get("overview?cohort=c-b&from=2026-01-01&to=2026-12-31", "coord")
        assert code == 200 and body["trainees"] == 2

    def test_a_supervisor_gets_their_own_supervisees_only(self):
        code, body = self.get("supervisor", "sup.one")
        assert code == 200 and [r["trainee"] for r in body["supervisees"]] == [
            "t1",
            "t2",
            "t3",
            "t4",
        ]
        assert self.get("supervisor", "t1")[0] == 403
        assert self.get("supervisor", "coord")[0] == 403

    def test_me_is_the_caller_only(self):
        code, body = self.get("me", "t1")
        assert code == 200 and body["trainee"] == "t1"
        assert {s["assignment"] for s in body["scores"]} == {"w1", "w2", "w3", "case-x", "extra-1"}
        assert self.get("me", "stranger")[0] == 403  # not in the roster
        assert self.get("me", None)[0] == 403

    def test_the_overview_is_kept_for_a_while(self):
        """Is a second overview with the same filters answered from memory (figures at most
        OVERVIEW_SECONDS old), and one with other filters counted afresh?"""
        assert self.get("overview", "coord")[1]["trainees"] == 6
        with db.session_scope(self.engine) as session:
            session.get(Person, "t6").active = False
        assert self.get("overview", "coord")[1]["trainees"] == 6
        assert self.get("overview?cohort=c-b", "coord")[1]["trainees"] == 1


class TestKeptOverviews:
    """The overview's answers kept in the service (``Kept``), on a clock the test moves."""

    def run(self, coro):
        import asyncio

        return asyncio.run(coro)

    def kept(self):
        from praxishub.service.dashboards import Kept

        self.now = 1000.0
        self.counts = 0
        return Kept(fresh_s=60, stale_s=180, clock=lambda: self.now)

    async def count(self, gate=None):
        import asyncio

        self.counts += 1
        n = self.counts
        if gate is not None:
            await gate.wait()
        await asyncio.sleep(0)
        return {"count": n}

    def test_fresh_answers_are_kept_and_one_count_serves_everyone_waiting(self):
        """Do ten presenters asking at once share one count, and is the answer kept?"""
        import asyncio

        kept = self.kept()

        async def scene():
            gate = asyncio.Event()
            waiting = [
                asyncio.ensure_future(kept.get("all", lambda: self.count(gate))) for _ in range(10)
            ]
            await asyncio.sleep(0)
            gate.set()
            answers = await asyncio.gather(*waiting)
            self.now += 59
            again = await kept.get("all", self.count)
            return answers, again

        answers, again = self.run(scene())
        assert answers == [{"count": 1}] * 10 and again == {"count": 1}
        assert self.counts == 1

    def test_a_stale_answer_comes_at_once_while_one_new_count_runs(self):
        """Past the fresh time but within the stale time: is the old answer given at once,
        and the next one the new count's?"""
        import asyncio

        kept = self.kept()

        async def scene():
            first = await kept.get("all", self.count)
            self.now += 61
            gate = asyncio.Event()
            stale = await kept.get("all", lambda: self.count(gate))
            also_stale = await kept.get("all", lambda: self.count(gate))  # no second count
            gate.set()
            await asyncio.sleep(0.01)
            return first, stale, also_stale, await kept.get("all", self.count)

        first, stale, also_stale, after = self.run(scene())
        assert first == stale == also_stale == {"count": 1}
        assert after == {"count": 2} and self.counts == 2

    def test_an_old_answer_is_counted_again_while_the_caller_waits(self):
        """Past the stale time, is the caller given the new count, never the old one?"""
        kept = self.kept()

        async def scene():
            await kept.get("all", self.count)
            self.now += 181
            return await kept.get("all", self.count)

        assert self.run(scene()) == {"count": 2}

    def test_a_failed_count_reaches_its_caller_and_is_not_kept(self):
        """Is a count's error raised to the caller, with nothing kept, so the next caller
        counts again?"""
        import pytest

        kept = self.kept()

        async def broken():
            raise dashboards.DashboardError("no such cohort")

        async def scene():
            with pytest.raises(dashboards.DashboardError):
                await kept.get("c-x", broken)
            return await kept.get("c-x", self.count)

        assert self.run(scene()) == {"count": 1}
        assert "c-x" in kept.answers and not kept.counting
