"""Does a trainee get from the login page into JupyterLab, and can they switch it to Russian?"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harness import browser_log_in as log_in

pytestmark = [pytest.mark.integration, pytest.mark.browser]


def test_trainee_logs_in_and_lab_loads_then_switches_to_russian(hub, page):
    """Does the login form lead to a working JupyterLab, and does Settings > Language > Russian switch it?"""
    trainee = hub.people("trainee")[6]
    log_in(page, hub, trainee)
    page.wait_for_url(re.compile(rf"/user/{re.escape(trainee)}/lab"), timeout=90_000)
    expect(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=90_000)
    # English is the first language of the test programme.
    expect(page.get_by_role("menuitem", name="File", exact=True)).to_be_visible()
    # No news pop-up: the announcements plugin is off for everyone.
    expect(page.get_by_text("Would you like to get notified")).to_have_count(0)
    # Course authoring and grading tools are not a trainee's.
    expect(page.get_by_text("Create Assignment")).to_have_count(0)

    page.get_by_role("menuitem", name="Settings", exact=True).click()
    page.get_by_text("Language", exact=True).click()
    page.get_by_text(re.compile(r"Russian|русский", re.IGNORECASE)).first.click()
    # JupyterLab asks before reloading in the new language.
    page.get_by_role("button", name=re.compile("Change and reload", re.IGNORECASE)).click()
    expect(page.get_by_role("menuitem", name="Файл", exact=True)).to_be_visible(timeout=90_000)


def test_wrong_password_shows_an_error(hub, page):
    """Does a wrong password keep the trainee on the login page with a message?"""
    trainee = hub.people("trainee")[7]
    page.goto(f"{hub.url}/hub/login")
    page.fill("#username_input", trainee)
    page.fill("#password_input", "wrong-password")
    page.click("#login_submit")
    expect(page.locator(".login_error")).to_have_text("Invalid username or password")
    assert "/hub/login" in page.url


def test_trainee_browser_cannot_open_another_trainees_lab(hub, page):
    """In Chromium, does trainee A opening /user/B/lab get a refusal instead of B's JupyterLab?"""
    a, b = hub.people("trainee")[8:10]
    hub.start_server(b)
    log_in(page, hub, a)
    page.wait_for_url(re.compile(rf"/user/{re.escape(a)}/"), timeout=90_000)
    response = page.goto(f"{hub.url}/user/{b}/lab")
    assert response is not None and response.status == 403
    expect(page.locator("#jp-main-dock-panel")).to_have_count(0)
    expect(page.get_by_text("403")).to_be_visible()
