"""In Chromium: does a supervisor log a session in the Voila supervision log, and its trainee
confirm it there?"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harness import browser_log_in as log_in

pytestmark = [pytest.mark.integration, pytest.mark.browser]


def open_app(page, hub, username: str) -> None:
    hub.start_server(username)
    page.context.clear_cookies()
    log_in(page, hub, username)
    page.wait_for_url(re.compile(rf"/user/{re.escape(username)}/"), timeout=90_000)
    page.goto(f"{hub.url}/user/{username}/voila/render/praxis-apps/supervision_log.ipynb")
    expect(page.get_by_text("Supervision log")).to_be_visible(timeout=90_000)


def test_supervisor_logs_a_session_and_the_trainee_confirms_it(hub, page):
    """Log (with a note), see the running month's sign-off refused, then confirm as the trainee."""
    sup = hub.people("supervisor")[1]
    trainee = sorted(p["username"] for p in hub.values["people"] if p.get("supervisor") == sup)[-1]
    open_app(page, hub, sup)
    chooser = page.get_by_label("Participants")
    label = chooser.locator("option", has_text=trainee).inner_text()
    chooser.select_option(label=label)
    page.get_by_label("Case analyses").fill("school-cases/case-bullying-01")
    page.get_by_label("Notes").fill("Синтетическая заметка из браузера")
    page.get_by_label("Case analyses").click()  # leave the notes, so their value reaches the kernel
    page.get_by_role("button", name="Log the session").click()
    expect(page.get_by_text("Done: Log the session")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("Синтетическая заметка из браузера")).to_be_visible()
    page.get_by_role("button", name="Sign off the month").click()
    expect(page.get_by_text(re.compile("is not over"))).to_be_visible(timeout=30_000)

    open_app(page, hub, trainee)
    expect(page.get_by_text("Синтетическая заметка из браузера")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Confirm I took part").click()
    expect(page.get_by_text(f"{trainee} ✓")).to_be_visible(timeout=30_000)
    listed = hub.api(trainee, "GET", "/services/praxis/api/supervision/sessions").json()
    assert any(
        p["trainee"] == trainee and p["confirmed_at"]
        for s in listed["sessions"]
        for p in s["participants"]
    )
