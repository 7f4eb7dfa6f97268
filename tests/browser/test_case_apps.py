"""In Chromium: does a reviewer clear a case in the Voila review app, and a trainee then read it
in the Voila case library app, with the opening in the audit log?"""

from __future__ import annotations

import pwd
import re

import pytest
import yaml
from playwright.sync_api import expect

from harness import submit_case
from journey import app_url as voila
from journey import log_in_and_open as open_app

pytestmark = [pytest.mark.integration, pytest.mark.browser]

CASE_ID = "browser-review-case"


def test_reviewer_approves_and_publishes_then_trainee_reads_it(hub, page):
    """Review app: highlighted tags, a leftover blocks approval until kept; library app: read it."""
    case = "ru-school-bullying-7th-grade"
    submit_case(hub, case, CASE_ID)
    trainer = hub.people("trainer")[0]
    # Plant a leftover the reviewer must resolve: a name-list word the engine left (as a reviewer edit).
    draft = hub.api(trainer, "GET", f"/services/praxis/api/review/cases/{CASE_ID}").json()
    cell = draft["notebook"]["cells"][1]
    text = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
    edited = hub.api(
        trainer,
        "POST",
        f"/services/praxis/api/review/cases/{CASE_ID}",
        json={"action": "edit", "cell": 1, "source": text + "\n\nМетодика «Вера в себя»."},
    )
    assert edited.status_code == 200, edited.text
    assert any(i["text"] == "Вера" for i in edited.json()["leftovers"])

    open_app(page, hub, trainer, "case_review")
    queue = page.locator("select").first
    expect(queue).to_be_visible(timeout=90_000)
    label = queue.locator("option", has_text=CASE_ID).inner_text()
    queue.select_option(label=label)
    expect(page.locator("mark.praxis-tag").first).to_be_visible(timeout=30_000)
    expect(page.locator("mark.praxis-leftover", has_text="Вера")).to_be_visible()
    assert page.locator("mark.praxis-tag").count() > 10
    # Approving with the leftover open is refused, with the reason.
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text(re.compile(r"leftover\(s\) unresolved"))).to_be_visible(timeout=30_000)
    # Keep it (a method's name, nobody's), approve, publish.
    # (Keep first and wait for the redrawn draft: a tick reaches the kernel asynchronously.)
    page.get_by_role("checkbox", name=re.compile("Вера")).check()
    page.get_by_role("button", name="Keep the ticked").click()
    expect(page.locator("mark.praxis-leftover")).to_have_count(0, timeout=30_000)
    expect(page.get_by_text("No leftovers.")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("Status: approved")).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Publish").click()
    expect(page.get_by_text("Status: published")).to_be_visible(timeout=30_000)

    trainee = hub.people("trainee")[11]
    open_app(page, hub, trainee, "case_library")
    expect(page.get_by_text("Case library")).to_be_visible(timeout=90_000)
    page.get_by_label("Language").select_option("ru")
    results = page.locator("select[size]").first
    # The list is redrawn after the kernel answers: wait until it shows Russian cases only.
    expect(results.locator("option").filter(has_not_text="· ru ·")).to_have_count(0, timeout=30_000)
    expect(results.locator("option")).not_to_have_count(0)
    title = results.locator("option").first.inner_text()
    results.select_option(label=title)
    expect(results).to_have_value(re.compile("."))
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_text(re.compile(r"\[ИМЯ_\d+\]")).first).to_be_visible(timeout=30_000)
    # A trainee's server cannot read the review queue.
    refused = page.goto(voila(hub, trainee, "case_review"))
    assert refused is not None
    expect(page.get_by_text(re.compile("cases:publish"))).to_be_visible(timeout=90_000)

    coordinator = hub.people("coordinator")[0]
    views = hub.api(coordinator, "GET", f"/services/praxis/api/cases/views?user={trainee}").json()[
        "views"
    ]
    assert views and views[0]["username"] == trainee


def test_trainer_makes_a_case_an_assignment_of_their_course_from_the_library_app(hub, page):
    """Does a course's trainer's button put the case assignment into the course (as its grader)?"""
    trainer = hub.values["courses"][0]["trainers"][0]
    course = hub.values["courses"][0]["id"]
    case_id = "kk-girl-school-refusal-relocation"
    open_app(page, hub, trainer, "case_library")
    results = page.locator("select[size]").first
    expect(results.locator("option")).not_to_have_count(0, timeout=90_000)
    label = results.locator("option", has_text="· kk ·").first.inner_text()
    results.select_option(label=label)
    expect(results).to_have_value(re.compile("."))
    page.get_by_label("Course").select_option(course)
    page.get_by_role("button", name="Make it a course assignment").click()
    expect(page.get_by_text(f"case-{case_id} added to {course}")).to_be_visible(timeout=60_000)
    source = (
        hub.settings_path.parent
        / "courses"
        / course
        / "source"
        / f"case-{case_id}"
        / f"case-{case_id}.ipynb"
    )
    assert source.is_file()
    assert pwd.getpwuid(source.stat().st_uid).pw_name == f"grader-{course}"
    listed = yaml.safe_load((source.parents[2] / "case_assignments.yaml").read_text("utf-8"))
    assert f"case-{case_id}" in {a["id"] for a in listed["assignments"]}
    # A trainer of no course sees no such button.
    other = next(t for t in hub.people("trainer") if t != trainer)
    open_app(page, hub, other, "case_library")
    expect(page.get_by_text("Case library")).to_be_visible(timeout=90_000)
    expect(page.get_by_role("button", name="Make it a course assignment")).to_have_count(0)
