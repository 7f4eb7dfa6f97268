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
        assert r.json()["trainees"] == len(hub.roster("trainee"))
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


def test_a_trainees_view_has_only_the_courses_of_their_cohort(hub):
    """The course is for the demo's cohorts: is it in a trainee's own view, gone once the
    coordinator's roster takes them out of every cohort, and back with their cohort?"""
    from exchange_attacks import out_of_every_cohort

    trainee = hub.people("trainee")[36]

    def courses() -> list[str]:
        got = hub.api(trainee, "GET", f"{BASE}/me")
        assert got.status_code == 200, got.text
        return [c["course"] for c in got.json()["courses"]]

    assert courses() == ["tiny"]
    with out_of_every_cohort(hub, hub.people("coordinator")[0], trainee):
        assert courses() == []
    assert courses() == ["tiny"]


def test_every_table_exports_to_csv_and_xlsx_for_those_who_may_see_it(hub):
    """Does the overview export as XLSX (a sheet per table) to a coordinator and as a CSV
    table, refuse a trainee (403), and does a trainee get their own view's tables?"""
    import csv
    import io

    from openpyxl import load_workbook

    from praxishub.dashboard_exports import tables

    coordinator = hub.people("coordinator")[0]
    r = hub.api(coordinator, "GET", f"{BASE}/overview", params={"format": "xlsx"})
    assert r.status_code == 200, r.text
    assert "attachment" in r.headers["Content-Disposition"]
    sheets = load_workbook(io.BytesIO(r.content)).sheetnames
    whole = hub.api(coordinator, "GET", f"{BASE}/overview").json()
    assert sheets == [t.key for t in tables(whole)] + ["about"]
    assert "funnel" in sheets
    r = hub.api(coordinator, "GET", f"{BASE}/overview", params={"format": "csv", "table": "funnel"})
    assert r.status_code == 200
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0] == ["step", "count"] and rows[1][0] == "enrolled"
    bad = hub.api(coordinator, "GET", f"{BASE}/overview", params={"format": "csv"})
    assert bad.status_code == 400 and bad.json()["field"] == "table"
    trainee = hub.people("trainee")[21]
    assert hub.api(trainee, "GET", f"{BASE}/overview", params={"format": "xlsx"}).status_code == 403
    mine = hub.api(trainee, "GET", f"{BASE}/me", params={"format": "xlsx"})
    assert mine.status_code == 200
    view = hub.api(trainee, "GET", f"{BASE}/me").json()
    assert view["courses"]  # the trainee's courses: a table of at least one row
    expected = [t.key for t in tables(view)] + ["about"]
    assert load_workbook(io.BytesIO(mine.content)).sheetnames == expected
