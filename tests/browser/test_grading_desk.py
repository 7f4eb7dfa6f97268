"""In Chromium: a supervisor grades a trainee's case analysis with the rubric in the Voila
grading desk and returns feedback; the trainee fetches and reads it in JupyterLab."""

from __future__ import annotations

import re
import subprocess
import time

import pytest
from playwright.sync_api import expect

from harness import BIN, REPO
from harness import browser_log_in as log_in
from kernel import execute

pytestmark = [pytest.mark.integration, pytest.mark.browser]

CASE_ID = "en-school-grief-after-fathers-death"
ASSIGNMENT = f"case-{CASE_ID}"
COURSE = "tiny"
ARTIFACTS = REPO / "test-artifacts"
COMMENT = "Clear formulation of the presenting problem; name who asked for help."
ANSWER = "The request comes from the mother: since the funeral the boy refuses to go to school."


def praxishub(hub, *args: str) -> None:
    out = subprocess.run(
        [BIN / "praxishub", *args, "-c", str(hub.settings_path)], capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"grading-desk-{name}.png", full_page=True)


def submit_case_analysis(hub, trainee: str) -> None:
    """The trainee fetches the case assignment, answers every section and submits."""
    hub.start_server(trainee)
    body = {"course_id": COURSE, "assignment_id": ASSIGNMENT}
    fetched = hub.api(trainee, "POST", f"/user/{trainee}/assignments/fetch", json=body)
    assert fetched.json()["success"], fetched.text
    code = (
        f"import json; p = '{COURSE}/{ASSIGNMENT}/{ASSIGNMENT}.ipynb'; nb = json.load(open(p))\n"
        "for c in nb['cells']:\n"
        "    m = c['metadata'].get('nbgrader', {})\n"
        "    if m.get('grade'):\n"
        f"        c['source'] = {ANSWER!r} if m['grade_id'] == 'presenting-problem' "
        "else 'My analysis of ' + m['grade_id'] + '.'\n"
        "json.dump(nb, open(p, 'w'))\nprint('saved')"
    )
    assert execute(hub.url, trainee, hub.token(trainee), code)["stdout"] == "saved\n"
    submitted = hub.api(trainee, "POST", f"/user/{trainee}/assignments/submit", json=body)
    assert submitted.json()["success"], submitted.text
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        rows = hub.api(trainee, "GET", "/services/praxis/api/me/scores").json()["scores"]
        if any(r["assignment"] == ASSIGNMENT for r in rows):
            return
        time.sleep(2)
    raise AssertionError(f"the case analysis was never collected:\n{hub.log_tail()}")


@pytest.mark.timeout(900)
def test_supervisor_grades_a_case_analysis_and_the_trainee_reads_the_feedback(hub, browser):
    """Desk: queue → submission → six rubric levels and a comment → Save (a stale second
    save is refused) → Return feedback; Lab: the trainee fetches and opens the feedback."""
    praxishub(
        hub, "cases", "assign", CASE_ID, "--course", COURSE, "--library", str(REPO / "case_library")
    )
    praxishub(hub, "courses", "release", COURSE, ASSIGNMENT)
    trainee = hub.people("trainee")[36]
    person = next(p for p in hub.values["people"] if p["username"] == trainee)
    supervisor = person["supervisor"]
    submit_case_analysis(hub, trainee)

    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        hub.start_server(supervisor)
        log_in(page, hub, supervisor)
        page.wait_for_url(re.compile(rf"/user/{re.escape(supervisor)}/"), timeout=90_000)
        page.goto(f"{hub.url}/user/{supervisor}/voila/render/praxis-apps/grading_desk.ipynb")
        expect(page.get_by_text("Grading desk")).to_be_visible(timeout=90_000)
        queue = page.locator("select[size]").first
        option = queue.locator("option", has_text=ASSIGNMENT).filter(has_text=person["full_name"])
        expect(option).to_have_count(1, timeout=60_000)
        queue.select_option(label=option.inner_text())
        expect(page.locator(".praxis-answer", has_text=ANSWER)).to_be_visible(timeout=60_000)
        expect(page.get_by_text("(Identifies the presenting problem)")).to_be_visible()
        levels = page.get_by_label("Level")
        expect(levels).to_have_count(6)
        shot(page, "1-submission")
        for i in range(6):
            levels.nth(i).select_option(label="2 · competent" if i == 0 else "3 · proficient")
        expect(
            page.locator("i", has_text="Problem and request are stated correctly")
        ).to_be_visible()
        page.get_by_placeholder("Comment for the trainee").first.fill(COMMENT)
        page.get_by_role("button", name="Save grades").click()
        expect(page.get_by_text("Saved: 17 of 18.")).to_be_visible(timeout=60_000)
        # the case left the queue: nothing of it waits for a person any more
        expect(
            queue.locator("option", has_text=ASSIGNMENT).filter(has_text=person["full_name"])
        ).to_have_count(0)
        shot(page, "2-saved")
        # A second supervisor's stale save is refused by the API (optimistic locking).
        stale = hub.api(
            supervisor,
            "POST",
            f"/services/praxis/api/desk/submissions/{COURSE}/{ASSIGNMENT}/{trainee}",
            json={"version": 0, "levels": {f"{ASSIGNMENT}/history": 0}},
        )
        assert stale.status_code == 409
        page.get_by_role("button", name="Return feedback").click()
        expect(page.get_by_text("Feedback returned")).to_be_visible(timeout=120_000)
        shot(page, "3-feedback-returned")
    finally:
        context.close()

    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(60_000)
    try:
        log_in(page, hub, trainee)
        page.wait_for_url(re.compile(rf"/user/{re.escape(trainee)}/lab"), timeout=90_000)
        expect(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=90_000)
        page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
        page.get_by_text("Assignment List").first.click()
        submitted = page.locator("#submitted_assignments_list")
        expect(submitted.get_by_text(ASSIGNMENT)).to_be_visible(timeout=60_000)
        submitted.get_by_role("button", name="Fetch Feedback").click()
        view = submitted.get_by_text("(view feedback)")
        expect(view).to_be_visible(timeout=60_000)
        view.click()
        page.locator(".jp-DirListing-item", has_text=f"{ASSIGNMENT}.html").dblclick()
        html = page.frame_locator(".jp-HTMLViewer iframe").locator("body")
        expect(html).to_contain_text(COMMENT, timeout=60_000)
        expect(html).to_contain_text(ANSWER)
        expect(html).to_contain_text(f"{ASSIGNMENT} (Score: 17.0 / 18.0)")
        shot(page, "4-trainee-reads")
    finally:
        context.close()
