"""In Chromium: does a supervisor log a group session with private notes in the Voila
supervision log, and does each trainee read only their own note there and confirm?"""

from __future__ import annotations

import re
import uuid

import pytest
from playwright.sync_api import expect

from journey import log_in_and_open

pytestmark = [pytest.mark.integration, pytest.mark.browser]


def open_app(page, hub, username: str) -> None:
    log_in_and_open(page, hub, username, "supervision_log")
    expect(page.get_by_text("Supervision log")).to_be_visible(timeout=90_000)


def test_supervisor_logs_a_group_session_and_each_trainee_reads_only_their_note(hub, page):
    """Log a group session with a private note per trainee and group notes, see the running
    month's sign-off refused, then, as one trainee, read own note and the group's (never the
    other trainee's) and confirm."""
    sup = hub.people("supervisor")[1]
    theirs = sorted(p["username"] for p in hub.values["people"] if p.get("supervisor") == sup)
    mine, other = theirs[-1], theirs[-2]
    tag = uuid.uuid4().hex[:8]
    notes = {mine: f"Заметка {tag} только для {mine}", other: f"Заметка {tag} только для {other}"}
    shared = f"Повестка группы {tag}"
    open_app(page, hub, sup)
    page.get_by_role("button", name="group", exact=True).click()
    chooser = page.get_by_label("Participants")
    labels = [chooser.locator("option", has_text=name).inner_text() for name in (mine, other)]
    chooser.select_option(label=labels)
    page.get_by_label("Case analyses").fill("school-cases/case-bullying-01")
    page.get_by_label("Group notes (every participant reads them)").fill(shared)
    for name, text in notes.items():
        page.get_by_label(f"Note for {name} (only this trainee reads it)", exact=True).fill(text)
    page.get_by_label("Case analyses").click()  # leave the notes, so their value reaches the kernel
    page.get_by_role("button", name="Log the session").click()
    expect(page.get_by_text("Done: Log the session")).to_be_visible(timeout=30_000)
    for text in (shared, *notes.values()):
        expect(page.get_by_text(text)).to_be_visible()
    page.get_by_role("button", name="Sign off the month").click()
    expect(page.get_by_text(re.compile("is not over"))).to_be_visible(timeout=30_000)

    open_app(page, hub, mine)
    expect(page.get_by_text(notes[mine])).to_be_visible(timeout=30_000)
    expect(page.get_by_text(shared)).to_be_visible()
    assert notes[other] not in page.content(), "a trainee reads another trainee's note"
    page.get_by_role("button", name="Confirm I took part").click()
    expect(page.get_by_text(f"{mine} ✓")).to_be_visible(timeout=30_000)
    assert notes[other] not in page.content()
    listed = hub.api(mine, "GET", "/services/praxis/api/supervision/sessions").json()
    assert any(
        p["trainee"] == mine and p["confirmed_at"]
        for s in listed["sessions"]
        for p in s["participants"]
    )
