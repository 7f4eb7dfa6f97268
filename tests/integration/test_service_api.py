"""Does the programme service show each role exactly what it may see?"""

from __future__ import annotations

import pytest
import requests

pytestmark = pytest.mark.integration


def test_me_describes_the_caller(hub):
    """Does /api/me give the caller's own roster record and role?"""
    sup = hub.people("supervisor")[0]
    me = hub.api(sup, "GET", "/services/praxis/api/me").json()
    assert me["username"] == sup
    assert me["roles"] == ["supervisor"]
    assert "custom:praxis:supervise" in me["scopes"]


def test_trainee_cannot_list_people(hub):
    """Does a trainee get 403 from /api/people?"""
    r = hub.api(hub.people("trainee")[0], "GET", "/services/praxis/api/people")
    assert r.status_code == 403


def test_supervisor_sees_exactly_their_supervisees(hub):
    """Does each supervisor get exactly the trainees assigned to them, nobody else?"""
    roster = hub.values["people"]
    for sup in hub.people("supervisor"):
        expected = {p["username"] for p in roster if p.get("supervisor") == sup}
        assert expected, "the demo gives every supervisor supervisees"
        got = hub.api(sup, "GET", "/services/praxis/api/people").json()["people"]
        assert {p["username"] for p in got} == expected


def test_coordinator_sees_everyone(hub):
    """Does the coordinator get the whole roster?"""
    coord = hub.people("coordinator")[0]
    got = hub.api(coord, "GET", "/services/praxis/api/people").json()["people"]
    assert {p["username"] for p in got} == hub.roster()
    assert {p["username"] for p in hub.values["people"]} <= hub.roster()


def test_hub_endpoints_refuse_user_tokens(hub):
    """Can a person call the hub-only login check with their own token? (No.)"""
    a = hub.people("trainee")[0]
    for auth in (f"Bearer {hub.token(a)}", "Bearer ", ""):
        r = requests.post(
            f"{hub.url}/services/praxis/api/hub/lookup",
            json={"username": a},
            headers={"Authorization": auth},
            timeout=10,
        )
        assert r.status_code == 403


def test_browser_login_reaches_the_service_by_oauth(hub):
    """Does a logged-in browser session reach /api/me through hub OAuth?"""
    a = hub.people("trainee")[1]
    session = hub.login(a)
    r = session.get(f"{hub.url}/services/praxis/api/me", timeout=30)
    # The first visit needs the OAuth dance, which the index page starts.
    if r.status_code == 403:
        session.get(f"{hub.url}/services/praxis/", timeout=30)
        r = session.get(f"{hub.url}/services/praxis/api/me", timeout=30)
    assert r.status_code == 200
    assert r.json()["username"] == a
