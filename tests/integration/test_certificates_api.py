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
    other = hub.people("trainee")[38]
    assert (
        hub.api(other, "GET", f"/services/praxis/api/me/certificates/{code}.pdf").status_code == 404
    )
