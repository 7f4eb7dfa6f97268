"""Live check-in through the real hub: a course's trainer opens a window, a trainee checks
in with its code; everyone else is refused."""

from __future__ import annotations

import pytest

import courseloop as loop

pytestmark = pytest.mark.integration

BASE = "/services/praxis/api/attendance"


def test_trainer_opens_check_in_and_a_trainee_checks_in(hub):
    """Does the code check a trainee in (their own attendance shows it), while a trainer of
    another course, a trainee or a coordinator cannot open a window, and a wrong code fails?"""
    trainer = loop.course_trainer(hub)
    other_trainer = next(t for t in hub.people("trainer") if t != trainer)
    trainee = hub.people("trainee")[37]
    body = {"course": loop.COURSE, "webinar": loop.ASSIGNMENT, "minutes": 5}

    listed = hub.api(trainer, "GET", f"{BASE}/webinars").json()["courses"]
    assert loop.ASSIGNMENT in [w["id"] for w in listed[loop.COURSE]]
    for who in (other_trainer, trainee, hub.people("coordinator")[0]):
        assert hub.api(who, "POST", f"{BASE}/checkin/windows", json=body).status_code == 403
    bad = hub.api(trainer, "POST", f"{BASE}/checkin/windows", json={**body, "webinar": "nope"})
    assert bad.status_code == 404
    opened = hub.api(trainer, "POST", f"{BASE}/checkin/windows", json=body)
    assert opened.status_code == 201, opened.text
    code = opened.json()["code"]

    wrong = hub.api(trainee, "POST", f"{BASE}/checkin", json={"code": "AAAAAA"})
    assert wrong.status_code == 400 and "not open" in wrong.json()["message"]
    coordinator = hub.api(
        hub.people("coordinator")[0], "POST", f"{BASE}/checkin", json={"code": code}
    )
    assert coordinator.status_code == 403
    done = hub.api(trainee, "POST", f"{BASE}/checkin", json={"code": code.lower()})
    assert done.status_code == 200, done.text
    got = done.json()
    # Other tests may have opened windows for this webinar: one of n windows is 1/n of it.
    assert got["checked_in"] == 1 and got["minutes"] == round(90 / got["windows"])
    assert got["present"] is (got["windows"] == 1)
    mine = hub.api(trainee, "GET", "/services/praxis/api/me/attendance").json()["attendance"]
    assert {(r["course"], r["webinar"], r["source"]) for r in mine} == {
        (loop.COURSE, loop.ASSIGNMENT, "checkin")
    }
    someone = hub.people("trainee")[38]
    assert hub.api(someone, "GET", "/services/praxis/api/me/attendance").json()["attendance"] == []
    windows = hub.api(
        trainer,
        "GET",
        f"{BASE}/checkin/windows",
        params={"course": loop.COURSE, "webinar": loop.ASSIGNMENT},
    ).json()["windows"]
    assert windows[-1]["checked_in"] == 1
    assert (
        hub.api(
            other_trainer,
            "GET",
            f"{BASE}/checkin/windows",
            params={"course": loop.COURSE, "webinar": loop.ASSIGNMENT},
        ).status_code
        == 403
    )


def test_a_trainee_outside_the_courses_cohorts_cannot_check_in(hub):
    """The course is for the demo's cohorts: taken out of every cohort by the coordinator's
    roster, a trainee with the right code is refused (with the reason), and no attendance
    is made; back in their cohort, the same code checks them in."""
    from exchange_attacks import out_of_every_cohort

    trainer, trainee = loop.course_trainer(hub), hub.people("trainee")[36]
    body = {"course": loop.COURSE, "webinar": loop.ASSIGNMENT, "minutes": 5}
    code = hub.api(trainer, "POST", f"{BASE}/checkin/windows", json=body).json()["code"]
    with out_of_every_cohort(hub, hub.people("coordinator")[0], trainee):
        refused = hub.api(trainee, "POST", f"{BASE}/checkin", json={"code": code})
        assert refused.status_code == 400, refused.text
        assert "not for your cohort" in refused.json()["message"]
        mine = hub.api(trainee, "GET", "/services/praxis/api/me/attendance").json()
        assert mine["attendance"] == []
    done = hub.api(trainee, "POST", f"{BASE}/checkin", json={"code": code})
    assert done.status_code == 200, done.text
