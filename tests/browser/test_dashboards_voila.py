"""In Chromium: a trainer opens the programme overview and changes a filter; a trainee opens
their own view."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from harness import REPO
from harness import browser_log_in as log_in

pytestmark = [pytest.mark.integration, pytest.mark.browser]

ARTIFACTS = REPO / "test-artifacts"


def open_app(browser, hub, username: str, app: str):
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    hub.start_server(username)
    log_in(page, hub, username)
    page.wait_for_url(re.compile(rf"/user/{re.escape(username)}/"), timeout=90_000)
    page.goto(f"{hub.url}/user/{username}/voila/render/praxis-apps/{app}.ipynb")
    return context, page


def kpi(page, label: str):
    """The number shown above a KPI's label."""
    return page.locator(".praxis-kpi", has_text=label).locator("div").first


@pytest.mark.timeout(600)
def test_trainer_filters_the_overview_and_a_trainee_opens_their_view(hub, browser):
    """Overview: KPIs and plots drawn; choosing a cohort redraws them for that cohort
    (its trainee count); the trainee's view shows their own hours."""
    trainer = hub.people("trainer")[0]
    people = hub.values["people"]
    context, page = open_app(browser, hub, trainer, "programme_overview")
    try:
        expect(page.get_by_text("Programme overview")).to_be_visible(timeout=90_000)
        trainees = kpi(page, "trainees")
        expect(trainees).to_have_text(str(sum(p["role"] == "trainee" for p in people)))
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "dashboards-1-overview.png", full_page=True)
        cohort = hub.values["cohorts"][0]
        page.get_by_label("Cohort").select_option(label=cohort["name"])
        in_cohort = sum(p["role"] == "trainee" and p.get("cohort") == cohort["id"] for p in people)
        expect(trainees).to_have_text(str(in_cohort), timeout=60_000)
        # the plots are redrawn for the cohort too (the funnel starts at its trainees)
        funnel = page.locator(".jp-RenderedPlotly", has_text="Completion funnel")
        expect(funnel).to_contain_text(str(in_cohort), timeout=60_000)
        expect(funnel).not_to_contain_text(str(sum(p["role"] == "trainee" for p in people)))
        page.get_by_role("button", name="Русский").click()
        expect(page.get_by_text("слушателей", exact=True)).to_be_visible(timeout=30_000)
        expect(page.locator(".jp-RenderedPlotly", has_text="Воронка")).to_be_visible(timeout=30_000)
        page.screenshot(path=ARTIFACTS / "dashboards-2-cohort-ru.png", full_page=True)
    finally:
        context.close()

    trainee = hub.people("trainee")[20]
    context, page = open_app(browser, hub, trainee, "my_progress")
    try:
        expect(page.get_by_text("My progress")).to_be_visible(timeout=90_000)
        expect(kpi(page, "CPD hours")).to_be_visible()
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
        page.screenshot(path=ARTIFACTS / "dashboards-3-trainee.png", full_page=True)
    finally:
        context.close()


def open_shared(browser, hub, username: str, locale: str = "en-US"):
    """Log in and open the shared dashboards service's list (no server of one's own)."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(60_000)
    log_in(page, hub, username)
    page.wait_for_load_state()
    page.goto(f"{hub.url}/services/dashboards/")
    return context, page


@pytest.mark.timeout(600)
def test_dashboards_are_presented_from_the_shared_service(hub, browser):
    """A trainer opens the overview from the shared service's list (preheated kernel,
    the trainer's own view) and filters it; a trainee whose browser asks for Russian sees
    their own view in Russian there, and the overview refuses them."""
    trainer = hub.people("trainer")[0]
    people = hub.values["people"]
    context, page = open_shared(browser, hub, trainer)
    try:
        link = page.get_by_role("link", name="programme_overview.ipynb")
        page.goto(f"{hub.url}{link.get_attribute('href')}")
        expect(page.get_by_text("Programme overview")).to_be_visible(timeout=90_000)
        trainees = kpi(page, "trainees")
        expect(trainees).to_have_text(str(sum(p["role"] == "trainee" for p in people)))
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
        cohort = hub.values["cohorts"][1]
        page.get_by_label("Cohort").select_option(label=cohort["name"])
        in_cohort = sum(p["role"] == "trainee" and p.get("cohort") == cohort["id"] for p in people)
        expect(trainees).to_have_text(str(in_cohort), timeout=60_000)
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=ARTIFACTS / "dashboards-4-shared-overview.png", full_page=True)
    finally:
        context.close()

    trainee = hub.people("trainee")[22]
    context, page = open_shared(browser, hub, trainee, locale="ru-RU")
    try:
        page.goto(f"{hub.url}/services/dashboards/voila/render/my_progress.ipynb")
        expect(page.get_by_text("Мой прогресс")).to_be_visible(timeout=90_000)
        expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
        page.screenshot(path=ARTIFACTS / "dashboards-5-shared-trainee-ru.png", full_page=True)
        page.goto(f"{hub.url}/services/dashboards/voila/render/programme_overview.ipynb")
        expect(page.get_by_text("custom:praxis:dashboards:present")).to_be_visible(timeout=90_000)
        expect(page.locator(".js-plotly-plot")).to_have_count(0)
    finally:
        context.close()
