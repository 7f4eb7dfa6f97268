"""Certificates and the funder report through the real hub and proxy: the verification
address answers anyone without a login; the report only the coordinator."""

from __future__ import annotations

import subprocess
import time

import pytest
import requests

import courseloop as loop
from harness import BIN
from kernel import execute

pytestmark = pytest.mark.integration

CERTS = "/services/praxis/api/certificates"


def test_verification_needs_no_login_and_never_redirects(hub):
    """Does an unknown or malformed code get a plain 404 through the proxy, with no login,
    no redirect and no cookie set?"""
    for code in ("7K2M-Q9XD-4HTP-B6WN", "not-a-code"):
        r = requests.get(
            f"{hub.url}/services/praxis/api/certificates/{code}",
            allow_redirects=False,
            timeout=30,
        )
        assert r.status_code == 404, r.text
        assert "location" not in {k.lower() for k in r.headers}
        assert not r.cookies


def test_funder_report_is_the_coordinators(hub):
    """Is the funder report 403 for trainees, supervisors and trainers, and real for the
    coordinator (courses synced by `up`, so no 409)?"""
    path = "/services/praxis/api/reports/funder"
    params = {"from": "2026-01-01", "to": "2027-12-31", "format": "json"}
    for role in ("trainee", "supervisor", "trainer"):
        assert hub.api(hub.people(role)[0], "GET", path, params=params).status_code == 403
    r = hub.api(hub.people("coordinator")[0], "GET", path, params=params)
    assert r.status_code == 200, r.text
    xlsx = hub.api(hub.people("coordinator")[0], "GET", path, params={**params, "format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


def pass_every_case_analysis(hub, trainee: str, supervisor: str) -> None:
    """Whatever case analyses other tests released into the course: fetched, answered,
    submitted, and graded at the top level on the desk."""
    listed = hub.api(trainee, "GET", f"/user/{trainee}/assignments?course_id={loop.COURSE}")
    cases = [
        x["assignment_id"] for x in listed.json()["value"] if x["assignment_id"].startswith("case-")
    ]
    for name in cases:
        body = {"course_id": loop.COURSE, "assignment_id": name}
        assert hub.api(trainee, "POST", f"/user/{trainee}/assignments/fetch", json=body).json()[
            "success"
        ]
        code = (
            f"import json; p = '{loop.COURSE}/{name}/{name}.ipynb'; nb = json.load(open(p))\n"
            "for c in nb['cells']:\n"
            "    if c['metadata'].get('nbgrader', {}).get('grade'): c['source'] = 'My analysis.'\n"
            "json.dump(nb, open(p, 'w'))\nprint('saved')"
        )
        assert execute(hub.url, trainee, hub.token(trainee), code)["stdout"] == "saved\n"
        assert hub.api(trainee, "POST", f"/user/{trainee}/assignments/submit", json=body).json()[
            "success"
        ]
        sub = f"/services/praxis/api/desk/submissions/{loop.COURSE}/{name}/{trainee}"
        deadline = time.monotonic() + 180
        while hub.api(supervisor, "GET", sub).status_code != 200:
            assert time.monotonic() < deadline, f"{name} never reached the desk:\n{hub.log_tail()}"
            time.sleep(2)
        opened = hub.api(supervisor, "GET", sub).json()
        levels = {c["key"]: 3 for c in opened["cells"] if not c["auto"]}
        saved = hub.api(
            supervisor, "POST", sub, json={"version": opened["desk"]["version"], "levels": levels}
        )
        assert saved.status_code == 200, saved.text


def test_an_issued_certificate_is_verified_by_anyone_and_downloaded_by_its_owner(hub, tmp_path):
    """A trainee present at the course's webinar (its Zoom-style report imported) who passed
    every assignment gets a certificate from `praxishub certificates issue`; anyone verifies
    its code without logging in; only its owner downloads the PDF."""
    trainee = hub.people("trainee")[39]
    person = next(p for p in hub.values["people"] if p["username"] == trainee)
    report = tmp_path / "attendance.csv"
    report.write_text(f"Name,Email,Duration\n{person['full_name']},{person['email']},88\n", "utf-8")
    imported = subprocess.run(
        [
            BIN / "praxishub",
            "attendance",
            "import",
            str(report),
            "--course",
            loop.COURSE,
            "--webinar",
            loop.ASSIGNMENT,
            "-c",
            str(hub.settings_path),
        ],
        capture_output=True,
        text=True,
    )
    assert imported.returncode == 0, imported.stdout + imported.stderr
    # the webinar's assignment: fetched, answered right, submitted, autograded; the open
    # answer graded on the desk
    loop.release(hub)
    hub.start_server(trainee)
    assert loop.assignment_action(hub, trainee, "fetch").json()["success"]
    loop.answer(hub, trainee, {1: "minutes = 30", 3: "I listen first."})
    assert loop.assignment_action(hub, trainee, "submit").json()["success"]
    assert loop.wait_for_score(hub, trainee)["auto_score"] == 1.0
    sup = person["supervisor"]
    sub = f"/services/praxis/api/desk/submissions/{loop.COURSE}/{loop.ASSIGNMENT}/{trainee}"
    opened = hub.api(sup, "GET", sub)
    assert opened.status_code == 200, opened.text
    saved = hub.api(
        sup,
        "POST",
        sub,
        json={
            "version": opened.json()["desk"]["version"],
            "levels": {f"{loop.ASSIGNMENT}/open-1": 3},
        },
    )
    assert saved.status_code == 200, saved.text
    pass_every_case_analysis(hub, trainee, sup)

    # The coordinator's view agrees with the command before it runs.
    coordinator = hub.people("coordinator")[0]
    listing = f"{CERTS}?course={loop.COURSE}"
    standing = hub.api(coordinator, "GET", listing)
    assert standing.status_code == 200, standing.text
    rows = {r["username"]: r for r in standing.json()["trainees"]}
    assert rows[trainee]["eligible"] and rows[trainee]["certificate"] is None, rows[trainee]
    other = hub.people("trainee")[38]
    assert not rows[other]["eligible"]
    # every assignment released in the course counts, the case analyses too
    from harness import read_only
    from praxishub.layout import Layout

    released = {
        name
        for (name,) in read_only(
            Layout(hub.settings_path.parent).programme_db,
            "SELECT name FROM exchange_items WHERE course = ? AND area = 'outbound'",
            loop.COURSE,
        )
    }
    assert loop.ASSIGNMENT in released
    assert set(rows[other]["assignments"]) >= released, rows[other]

    out = subprocess.run(
        [
            BIN / "praxishub",
            "certificates",
            "issue",
            "--course",
            loop.COURSE,
            "--trainee",
            trainee,
            "-o",
            str(tmp_path),
            "-c",
            str(hub.settings_path),
        ],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    mine = hub.api(trainee, "GET", "/services/praxis/api/me/certificates").json()["certificates"]
    assert len(mine) == 1
    code = mine[0]["code"]
    checked = requests.get(f"{hub.url}/services/praxis/api/certificates/{code}", timeout=30)
    assert checked.status_code == 200 and checked.json()["valid"] is True
    assert trainee not in checked.text  # the name as printed, never the account
    pdf = hub.api(trainee, "GET", f"/services/praxis/api/me/certificates/{code}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert (
        hub.api(other, "GET", f"/services/praxis/api/me/certificates/{code}.pdf").status_code == 404
    )

    # The coordinator sees the same certificate, issuing again in the service changes
    # nothing, and downloads any trainee's PDF; nobody else may do any of it.
    row = next(
        r
        for r in hub.api(coordinator, "GET", listing).json()["trainees"]
        if r["username"] == trainee
    )
    assert row["certificate"]["code"] == code
    body = {"course": loop.COURSE, "usernames": [trainee, other]}
    again = hub.api(coordinator, "POST", f"{CERTS}/issue", json=body)
    assert again.status_code == 200, again.text
    assert [(i["username"], i["code"], i["status"]) for i in again.json()["issued"]] == [
        (trainee, code, "unchanged")
    ]
    assert [r["username"] for r in again.json()["not_eligible"]] == [other]
    pdf = hub.api(coordinator, "GET", f"{CERTS}/{code}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    for role in ("trainee", "supervisor", "trainer"):
        who = hub.people(role)[0]
        assert hub.api(who, "GET", listing).status_code == 403
        assert hub.api(who, "POST", f"{CERTS}/issue", json=body).status_code == 403
        assert hub.api(who, "GET", f"{CERTS}/{code}.pdf").status_code == 403
