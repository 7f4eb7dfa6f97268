"""Live check-in: windows only for a course's trainers, codes only while open, attendance
as the share of windows checked into, guessing stopped."""

from __future__ import annotations

from datetime import timedelta

import pytest

from praxishub import checkin, db
from praxishub.db import Attendance, Person, utcnow

WEBINARS = ["w01", "w02"]


@pytest.fixture
def engine(programme_engine):
    engine = programme_engine
    with db.session_scope(engine) as session:
        session.add(
            Person(username="tr", full_name="Тренер", email="tr@example.org", role="trainer")
        )
        for name in ("a", "b"):
            session.add(
                Person(username=name, full_name=name, email=f"{name}@example.org", role="trainee")
            )
    return engine


def opened(engine, minutes=10, now=None, webinar="w01") -> dict:
    with db.session_scope(engine) as session:
        return checkin.open_window(session, "tr", ["c1"], "c1", webinar, WEBINARS, minutes, now)


def check(engine, who, code, now=None) -> dict:
    with db.session_scope(engine) as session:
        return checkin.check_in(session, who, code, lambda c, w: 90, lambda c, w: 67.5, now)


def test_only_a_trainer_of_the_course_opens_a_window(engine):
    """Are another course, an unknown webinar and a too-long window refused by field?"""
    with db.session_scope(engine) as session, pytest.raises(checkin.CheckinError) as err:
        checkin.open_window(session, "tr", ["c2"], "c1", "w01", WEBINARS, 10)
    assert err.value.problems[0].where == "course"
    with db.session_scope(engine) as session, pytest.raises(checkin.CheckinError) as err:
        checkin.open_window(session, "tr", ["c1"], "c1", "w99", WEBINARS, 90)
    assert [p.where for p in err.value.problems] == ["webinar", "minutes"]
    window = opened(engine)
    assert len(window["code"]) == checkin.CODE_LENGTH
    assert set(window["code"]) <= set(checkin.ALPHABET)


def test_a_code_checks_in_while_open_once_and_makes_attendance(engine):
    """Is a trainee checked in (any case, spaces ignored), once, and present?"""
    code = opened(engine)["code"]
    done = check(engine, "a", f" {code.lower()[:3]} {code.lower()[3:]} ")
    assert done == {
        "course": "c1",
        "webinar": "w01",
        "windows": 1,
        "checked_in": 1,
        "minutes": 90,
        "present": True,
    }
    assert check(engine, "a", code)["checked_in"] == 1  # twice is once
    with db.session_scope(engine) as session:
        row = session.get(Attendance, ("c1", "w01", "a"))
        assert (row.minutes, row.present, row.source_format) == (90, True, "checkin")


def test_two_windows_one_checked_is_half_the_webinar(engine):
    """With two windows, does one check-in count half the minutes, below the threshold?"""
    first = opened(engine)["code"]
    check(engine, "a", first)
    second = opened(engine)["code"]
    check(engine, "b", second)
    done = check(engine, "a", second)
    assert (done["minutes"], done["present"]) == (90, True)
    with db.session_scope(engine) as session:
        row = session.get(Attendance, ("c1", "w01", "b"))
        assert (row.minutes, row.present) == (45, False)


def test_closed_or_wrong_codes_are_refused_and_guessing_stops(engine):
    """Is a code refused after its window closes, and are guesses stopped after five?"""
    start = utcnow() - timedelta(minutes=30)
    code = opened(engine, minutes=10, now=start)["code"]
    with pytest.raises(checkin.WrongCode, match="not open"):
        check(engine, "a", code)
    for _ in range(checkin.WRONG_TRIES):
        with db.session_scope(engine) as session:
            checkin.wrong_try(session, "b")
    fresh = opened(engine)["code"]
    with pytest.raises(checkin.CheckinError, match="Too many wrong codes"):
        check(engine, "b", fresh)
    with pytest.raises(checkin.CheckinError, match="Only trainees"):
        check(engine, "tr", fresh)


def test_an_imported_report_is_not_overwritten_by_a_check_in(engine):
    """Does a platform report already imported for the webinar stay the record?"""
    with db.session_scope(engine) as session:
        session.add(
            Attendance(
                course="c1",
                webinar="w01",
                username="a",
                minutes=88,
                present=True,
                matched_by="email",
                source_format="zoom",
                sha256="x",
                spans=[],
                untimed_minutes=0.0,
            )
        )
    check(engine, "a", opened(engine)["code"])
    with db.session_scope(engine) as session:
        row = session.get(Attendance, ("c1", "w01", "a"))
        assert (row.minutes, row.source_format) == (88, "zoom")


def test_a_webinar_of_a_course_not_for_the_trainees_cohort_is_refused(engine):
    """With the course kept to other cohorts, is the right code refused with the reason
    and fix, not counted as a wrong try, and no attendance made?"""
    code = opened(engine)["code"]
    with db.session_scope(engine) as session, pytest.raises(checkin.CheckinError) as err:
        checkin.check_in(
            session, "a", code, lambda c, w: 90, lambda c, w: 67.5, course_is_theirs=lambda c: False
        )
    assert not isinstance(err.value, checkin.WrongCode)
    assert "not for your cohort" in err.value.summary
    assert "ask your coordinator" in err.value.problems[0].fix
    with db.session_scope(engine) as session:
        assert session.query(Attendance).count() == 0
        assert session.query(checkin.CheckinAttempt).count() == 0
        done = checkin.check_in(
            session,
            "a",
            code,
            lambda c, w: 90,
            lambda c, w: 67.5,
            course_is_theirs={"c1"}.__contains__,
        )
    assert done["course"] == "c1" and done["present"]
