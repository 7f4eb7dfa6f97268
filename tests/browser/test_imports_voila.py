"""In Chromium: does a coordinator import a roster from XLSX in the people app (checked
first, then applied) so that the roster shows each new trainee with their supervisor, and
does a course's trainer import a webinar's Zoom report in the check-in app?

Every person is synthetic and new (a fresh tag in each username): the session's hub is
shared, and nobody already there changes supervisor.
"""

from __future__ import annotations

import base64
import re
import uuid

import openpyxl
import pytest
import requests
from playwright.sync_api import expect

from harness import FIXTURES
from journey import log_in_and_open as open_app
from journey import shot, upload

pytestmark = [pytest.mark.integration, pytest.mark.browser]

ZOOM = FIXTURES / "attendance" / "zoom_participants.csv"
CHECK = re.compile(r"Check$")  # the button's icon glyph comes before its name
HEADER = ["username", "full_name", "email", "role", "cohort", "supervisor"]


def token_of_new_person(hub, username: str, password: str) -> str:
    """Log a newly imported person in through the hub's form; a token of theirs."""
    with hub.login(username, password) as s:
        assert s.login_status == 302, f"{username} cannot log in"
        r = s.post(
            f"{hub.url}/hub/api/users/{username}/tokens",
            headers={"X-XSRFToken": s.cookies.get("_xsrf", path="/hub/")},
            json={"note": "test"},
            timeout=10,
        )
    r.raise_for_status()
    return r.json()["token"]


@pytest.mark.timeout(600)
def test_a_coordinator_imports_a_roster_and_assigns_supervisors(hub, page, tmp_path):
    """Check shows the plan (new people, their supervisor); Import applies it; the roster
    shows each new trainee with their supervisor; the coordinator makes the new people's
    first passwords there, a new trainee logs in with theirs, and the programme knows
    their supervisor; deactivated in the app, she is refused at once, and reactivated."""
    coordinator = hub.people("coordinator")[0]
    tag = uuid.uuid4().hex[:6]
    sup = f"pi{tag}.orlova"
    people = [
        [sup, "Светлана Орлова", f"{sup}@example.net", "supervisor", "", ""],
        [f"pi{tag}.ivanova", "Анна Иванова", f"pi{tag}.ivanova@example.net", "trainee", "", sup],
        [f"pi{tag}.bekova", "Айгерім Бекова", f"pi{tag}.bekova@example.net", "trainee", "", sup],
        [f"pi{tag}.wang", "王芳", f"pi{tag}.wang@example.net", "trainee", "", sup],
        [f"pi{tag}.novak", "Kateřina Nováková", f"pi{tag}.novak@example.net", "trainee", "", sup],
        [f"pi{tag}.smith", "Jane Smith", f"pi{tag}.smith@example.net", "trainee", "", ""],
    ]
    book = openpyxl.Workbook()
    for row in [HEADER, *people]:
        book.active.append(row)
    roster = tmp_path / f"roster-{tag}.xlsx"
    book.save(roster)

    open_app(page, hub, coordinator, "people", "Programme people")
    expect(page.locator("table.praxis-roster")).to_be_visible(timeout=30_000)
    upload(page, roster)
    page.get_by_role("button", name=CHECK).click()
    expect(page.get_by_text("Check: 6 to create, 0 to update")).to_be_visible(timeout=30_000)
    assigned = page.locator("table.praxis-supervisors")
    expect(assigned.locator("tr", has_text=f"pi{tag}.wang")).to_contain_text(f"none → {sup}")
    expect(assigned.locator("tr")).to_have_count(5)  # the header and four trainees
    shot(page, "imports-people-checked")
    roster_table = page.locator("table.praxis-roster")
    expect(roster_table.locator("tr", has_text=f"pi{tag}.wang")).to_have_count(0)

    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Imported: 6 created, 0 updated")).to_be_visible(timeout=30_000)
    row = roster_table.locator("tr", has_text=f"pi{tag}.wang")
    expect(row).to_contain_text("王芳")
    expect(row).to_contain_text(f"Светлана Орлова ({sup})")
    expect(roster_table.locator("tr", has_text=f"pi{tag}.novak")).to_contain_text(sup)
    expect(page.get_by_text("New people can log in once they have a password")).to_be_visible()
    shot(page, "imports-people-imported")

    # The coordinator makes the new people's first passwords in the app: shown once, in a
    # table and a CSV; a new person logs in with theirs.
    page.get_by_role("button", name="First passwords for the new (6)").click()
    passwords = page.locator("table.praxis-passwords")
    expect(passwords.locator("tr")).to_have_count(7, timeout=30_000)  # the header and six
    expect(page.get_by_text("The passwords are shown once")).to_be_visible()
    expect(page.locator("a.praxis-passwords-file")).to_have_attribute(
        "download", "first-passwords.csv"
    )
    trainee = f"pi{tag}.wang"
    cells = passwords.locator("tr", has_text=trainee).locator("td")
    expect(cells.nth(1)).to_have_text("王芳")
    password = cells.nth(2).inner_text().strip()
    expect(page.get_by_role("button", name="First passwords for the new (6)")).to_be_hidden()
    shot(page, "imports-people-passwords")
    # asked again for everyone without one, none of these six is given another
    page.get_by_role("button", name="Passwords for everyone without one").click()
    expect(page.locator("table.praxis-passwords", has_text=trainee)).to_have_count(
        0, timeout=30_000
    )
    token = token_of_new_person(hub, trainee, password)
    me = requests.get(
        f"{hub.url}/services/praxis/api/me",
        headers={"Authorization": f"token {token}"},
        timeout=30,
    ).json()
    assert (me["full_name"], me["supervisor"], me["roles"]) == ("王芳", sup, ["trainee"])

    # She leaves: the coordinator deactivates her in the app. The programme refuses her
    # token at once and her password no longer logs her in; Reactivate undoes it.
    def her_me() -> int:
        headers = {"Authorization": f"token {token}"}
        url = f"{hub.url}/services/praxis/api/me"
        return requests.get(url, headers=headers, timeout=30).status_code

    page.get_by_placeholder("username, username, …").fill(trainee)
    page.get_by_role("button", name="Deactivate").click()
    expect(page.get_by_text(f"Deactivated: {trainee}")).to_be_visible(timeout=30_000)
    expect(page.locator("table.praxis-roster", has_text=trainee)).to_have_count(0)
    assert her_me() == 403
    with hub.login(trainee, password) as s:
        assert s.login_status != 302, "a deactivated person logged in"
    page.get_by_placeholder("username, username, …").fill(trainee)
    page.get_by_role("button", name="Reactivate").click()
    expect(page.get_by_text(f"Reactivated: {trainee}")).to_be_visible(timeout=30_000)
    assert her_me() == 200


@pytest.mark.timeout(600)
def test_a_trainer_imports_a_zoom_report_in_the_checkin_app(hub, page):
    """Two trainees whose e-mails the Zoom report carries are imported (through the API);
    the course's trainer checks the report, imports it and sees matched and present
    counts and who is unmatched; a trainer of no course is refused by the service."""
    coordinator = hub.people("coordinator")[0]
    trainer = hub.values["courses"][0]["trainers"][0]
    tag = uuid.uuid4().hex[:6]
    csv = "\n".join(
        [
            ",".join(HEADER),
            f"pz{tag}.ivanova,Анна Иванова,a.ivanova@example.org,trainee,,",
            f"pz{tag}.morozova,Наталья Морозова,n.morozova@example.org,trainee,,",
        ]
    )
    body = {
        "file_name": "two.csv",
        "content_base64": base64.b64encode(csv.encode()).decode(),
        "dry_run": False,
    }
    made = hub.api(coordinator, "POST", "/services/praxis/api/people/import", json=body)
    assert made.status_code == 200 and made.json()["created"] == 2, made.text
    report = {
        "file_name": ZOOM.name,
        "content_base64": base64.b64encode(ZOOM.read_bytes()).decode(),
        "course": "tiny",
        "webinar": "w01-check",
    }
    expected = hub.api(trainer, "POST", "/services/praxis/api/attendance/import", json=report)
    assert expected.status_code == 200, expected.text
    plan = expected.json()
    matched = {p["username"]: p for p in plan["participants"] if p["username"]}
    assert matched[f"pz{tag}.ivanova"]["present"] and not matched[f"pz{tag}.morozova"]["present"]
    others = [t for t in hub.people("trainer") if t != trainer]
    refused = hub.api(others[0], "POST", "/services/praxis/api/attendance/import", json=report)
    assert refused.status_code == 403, refused.text

    open_app(page, hub, trainer, "checkin", "Webinar check-in")
    expect(page.get_by_text("Import a Zoom or Teams report")).to_be_visible()
    upload(page, ZOOM)
    counts = (
        f"Participants: {len(plan['participants'])}; matched: {plan['matched']}; "
        f"unmatched: {plan['unmatched']}; present: {plan['present']}"
    )
    page.get_by_role("button", name=CHECK).click()
    expect(page.get_by_text(counts)).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Check only: nothing was saved.")).to_be_visible()
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(re.compile(r"Saved: \d+ new"))).to_be_visible(timeout=30_000)
    expect(page.get_by_text(counts)).to_be_visible()
    expect(page.locator("table.praxis-unmatched")).to_contain_text("Mikhail Orlov")
    shot(page, "imports-checkin-report-imported")
    again = hub.api(trainer, "POST", "/services/praxis/api/attendance/import", json=report)
    assert again.json()["already_imported_at"], "the import was not stored"
    missing = hub.api(
        trainer, "GET", "/services/praxis/api/attendance/unmatched?course=tiny&webinar=w01-check"
    ).json()["unmatched"]
    assert "Mikhail Orlov" in {r["name"] for r in missing}
