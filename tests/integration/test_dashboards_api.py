"""The dashboards' API through the real hub: each role sees what it may."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration

BASE = "/services/praxis/api/dashboards"


def test_overview_is_for_trainers_and_coordinators(hub):
    """Do trainers and the coordinator get the overview, and supervisors and trainees 403?"""
    for role in ("trainer", "coordinator"):
        r = hub.api(hub.people(role)[0], "GET", f"{BASE}/overview")
        assert r.status_code == 200, r.text
        assert r.json()["trainees"] == len(hub.people("trainee"))
    for role in ("supervisor", "trainee"):
        assert hub.api(hub.people(role)[0], "GET", f"{BASE}/overview").status_code == 403
    bad = hub.api(hub.people("coordinator")[0], "GET", f"{BASE}/overview", params={"from": "soon"})
    assert bad.status_code == 400 and "from" in bad.text


def test_supervisor_and_trainee_views_are_their_own(hub):
    """Does a supervisor get exactly their supervisees, a trainee only themselves, and a
    trainee 403 from the supervisor view?"""
    sup = hub.people("supervisor")[0]
    got = hub.api(sup, "GET", f"{BASE}/supervisor").json()
    mine = {p["username"] for p in hub.values["people"] if p.get("supervisor") == sup}
    assert {r["trainee"] for r in got["supervisees"]} == mine
    trainee = hub.people("trainee")[21]
    me = hub.api(trainee, "GET", f"{BASE}/me").json()
    assert me["trainee"] == trainee
    assert hub.api(trainee, "GET", f"{BASE}/supervisor").status_code == 403
