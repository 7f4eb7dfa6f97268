"""In Chromium: does a trainee fetch a webinar assignment, answer, submit and see the score?"""

from __future__ import annotations

import re
import subprocess
import time

import pytest
from playwright.sync_api import expect

from harness import BIN
from harness import browser_log_in as log_in

pytestmark = [pytest.mark.integration, pytest.mark.browser]


def test_trainee_fetches_answers_submits_and_sees_the_autograded_score(hub, page):
    """Assignments tab → Fetch → answer in the notebook → Submit → the score on 'My progress'."""
    subprocess.run(
        [BIN / "praxishub", "courses", "release", "tiny", "w01-check", "-c", hub.settings_path],
        check=True,
        capture_output=True,
    )
    trainee = hub.people("trainee")[16]
    log_in(page, hub, trainee)
    page.wait_for_url(re.compile(rf"/user/{re.escape(trainee)}/lab"), timeout=90_000)
    expect(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=90_000)

    page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
    page.get_by_text("Assignment List").first.click()
    released = page.locator("#released_assignments_list")
    expect(released.get_by_text("w01-check")).to_be_visible()
    released.get_by_role("button", name="Fetch").click()

    fetched = page.locator("#fetched_assignments_list")
    unfold = fetched.locator("a.assignment-notebooks-link")
    expect(unfold).to_be_visible()
    unfold.click()  # shows the assignment's notebooks
    page.locator("#nbgrader-tiny-w01-check").get_by_text("w01-check").click()  # opens it
    answer = page.locator(".jp-Notebook .jp-CodeCell").first.locator(".cm-content")
    expect(answer).to_contain_text("YOUR CODE HERE", timeout=60_000)
    answer.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("minutes = 30")
    # Saved. On a busy 2-core machine JupyterLab may miss the first Ctrl+S (as a person
    # would see, and press it again): up to three presses, 20 s each.
    dirty = page.locator(".jp-mod-dirty")
    for _ in range(3):
        page.keyboard.press("Control+S")
        try:
            expect(dirty).to_have_count(0, timeout=20_000)
            break
        except AssertionError:
            answer.click()
    expect(dirty).to_have_count(0)

    page.get_by_role("tab", name=re.compile("Assignments")).click()
    fetched.get_by_role("button", name="Submit").click()
    submitted = page.locator("#submitted_assignments_list")
    expect(submitted.get_by_text("w01-check")).to_be_visible(timeout=60_000)

    # The autograder works in the background; the page shows the score once it is in.
    deadline = time.monotonic() + 120
    while True:
        page.goto(f"{hub.url}/services/praxis/me?lang=ru")
        row = page.locator("tr[data-assignment='w01-check']")
        if row.count() or time.monotonic() > deadline:
            break
        time.sleep(2)
    expect(page.locator("h1")).to_have_text("Мои результаты")
    expect(row.locator(".score")).to_have_text("1 / 1")
    expect(row).to_contain_text("все проверки пройдены")
