"""Fixtures: a real programme and a real hub, started once for the session."""

from __future__ import annotations

import shutil
from collections.abc import Iterator

import pytest

from harness import REPO, Hub, make_programme, remove_test_users, world_dir
from postgres import PostgresServer

ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="session")
def hub() -> Iterator[Hub]:
    """A running Praxis Hub with the demo programme (47 synthetic people)."""
    base = world_dir("praxishub-test-")
    running = Hub(make_programme(base))
    running.start()
    yield running
    running.stop()
    remove_test_users()
    shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """A real PostgreSQL server (Debian's package) for the whole session."""
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def programme_url(request, tmp_path) -> str:
    """The URL of an empty programme database, once on SQLite and once on PostgreSQL: the
    storage tests run on both engines."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'programme.sqlite'}"
    return request.getfixturevalue("postgres").database()


@pytest.fixture
def programme_engine(programme_url):
    """A migrated programme database on each engine (see ``programme_url``)."""
    from praxishub import db

    engine = db.make_engine(programme_url)
    db.migrate(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (one per test module: Playwright's
    sync API keeps an event loop running while it is open, which tornado's own test
    loops elsewhere in the session must not meet)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=shutil.which("chromium") or "/usr/bin/chromium",
            args=[
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, request):
    """A fresh browser context; a screenshot is kept in test-artifacts/ for each test."""
    context = browser.new_context(locale="en-US", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{request.node.name}.png")
    context.close()
