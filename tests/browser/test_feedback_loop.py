"""In Chromium: does a trainer grade an open answer and release feedback, and does the
trainee open it?"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

import courseloop as loop
from harness import browser_log_in as log_in
from journey import new_context as new_page
from journey import shot

pytestmark = [pytest.mark.integration, pytest.mark.browser]

OPEN_ANSWER = "I would listen first, then ask whether the caller is safe right now."
NOTE = "Good: safety first. Next time also name the next step."


def student_row(page, student: str):
    """The row of one student in a formgrader table (other tests' trainees are there too)."""
    student_id = page.locator(
        "td.student-id", has_text=re.compile(rf"^\s*{re.escape(student)}\s*$")
    )
    return page.locator("#main-table tr", has=student_id)


@pytest.mark.timeout(600)
def test_trainer_grades_an_open_answer_and_the_trainee_opens_the_feedback(hub, browser):
    """Formgrader: points and a comment for `open-1`, Generate and Release feedback for one
    trainee → JupyterLab: Fetch Feedback, view feedback, the HTML shows the comment and score."""
    loop.release(hub)
    trainee = hub.people("trainee")[30]
    trainer = loop.course_trainer(hub)
    # The trainee's part before grading is covered in test_journey.py; here it is quick.
    hub.start_server(trainee)
    assert loop.assignment_action(hub, trainee, "fetch").json()["success"]
    loop.answer(hub, trainee, {1: "minutes = 30", 3: OPEN_ANSWER})
    assert loop.assignment_action(hub, trainee, "submit").json()["success"]
    assert loop.wait_for_score(hub, trainee)["auto_score"] == 1.0  # collected and autograded
    assert loop.wait_for_grader(hub, trainer).status_code == 200

    trainer_context, page = new_page(browser)
    try:
        log_in(page, hub, trainer)
        page.wait_for_url(lambda url: "/hub/login" not in url)
        page.goto(f"{hub.url}{loop.GRADER}/formgrader")
        expect(page.get_by_role("heading", name="Manage Assignments")).to_be_visible()
        assignment = page.locator("#main-table tr", has_text=loop.ASSIGNMENT)
        assignment.locator("td.num-submissions a").click()
        expect(page.get_by_role("heading", name="Manage Submissions")).to_be_visible()
        row = student_row(page, trainee)
        expect(row.locator("td.status")).to_have_text("needs manual grading")
        expect(row.locator("td.score")).to_have_text("1 / 3")
        shot(page, "feedback-loop-1-submissions")
        row.locator("td.student-name a").click()  # the trainee's notebooks of this assignment
        expect(page.get_by_role("heading", name="Manage Students")).to_be_visible()
        page.locator("#main-table td.name a", has_text=loop.ASSIGNMENT).click()

        # The grading page: formgrader saves a score or a comment when it changes (on blur).
        score = page.locator("input.score#open-1")
        comment = page.locator("textarea#open-1-comment")
        expect(page.get_by_text(OPEN_ANSWER)).to_be_visible()
        # Its inputs are bound to the gradebook only once grades and comments are fetched;
        # a value typed earlier is not saved and is then overwritten by the fetched one.
        page.wait_for_function(
            "() => window.formgrader?.grades?.loaded && window.formgrader?.comments?.loaded"
        )
        with page.expect_response(
            lambda r: "/formgrader/api/grade/" in r.url and r.request.method == "PUT"
        ) as saved:
            score.fill("2")
            score.press("Tab")
        assert saved.value.ok and saved.value.json()["manual_score"] == 2
        with page.expect_response(
            lambda r: "/formgrader/api/comment/" in r.url and r.request.method == "PUT"
        ) as saved:
            comment.fill(NOTE)
            comment.press("Tab")
        assert saved.value.ok and saved.value.json()["manual_comment"] == NOTE
        page.reload()  # what the gradebook holds now
        expect(score).to_have_value("2")
        expect(comment).to_have_value(NOTE)
        shot(page, "feedback-loop-2-graded")

        page.get_by_role("link", name="Manual Grading").click()
        page.get_by_role("link", name="Manage Assignments").click()
        page.locator("#main-table tr", has_text=loop.ASSIGNMENT).locator(
            "td.num-submissions a"
        ).click()
        row = student_row(page, trainee)
        expect(row.locator("td.status")).to_have_text("graded")
        expect(row.locator("td.score")).to_have_text("3 / 3")
        modal = page.locator("#success-modal")
        for button, done in (
            ("td.generate-feedback a", "Successfully generated feedback"),
            ("td.release-feedback a", "Successfully released feedback"),
        ):
            row.locator(button).click()
            expect(modal).to_be_visible(timeout=120_000)
            expect(modal).to_contain_text(f"{done} for '{loop.ASSIGNMENT}' for student '{trainee}'")
            shot(page, "feedback-loop-3-" + button.split(".")[1].split()[0])
            modal.get_by_role("button", name="OK").click()
            expect(modal).to_have_count(0)  # formgrader removes it once hidden
    finally:
        trainer_context.close()

    trainee_context, page = new_page(browser)
    try:
        log_in(page, hub, trainee)
        page.wait_for_url(re.compile(rf"/user/{re.escape(trainee)}/lab"), timeout=90_000)
        expect(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=90_000)
        page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
        page.get_by_text("Assignment List").first.click()
        submitted = page.locator("#submitted_assignments_list")
        expect(submitted.get_by_text(loop.ASSIGNMENT)).to_be_visible(timeout=60_000)
        expect(submitted.get_by_text("(feedback available to fetch)")).to_be_visible()
        shot(page, "feedback-loop-4-feedback-to-fetch")
        submitted.get_by_role("button", name="Fetch Feedback").click()
        view = submitted.get_by_text("(view feedback)")
        expect(view).to_be_visible(timeout=60_000)
        view.click()  # the file browser goes to tiny/w01-check/feedback/<timestamp>/
        feedback = page.locator(".jp-DirListing-item", has_text=f"{loop.ASSIGNMENT}.html")
        expect(feedback).to_be_visible()
        feedback.dblclick()  # JupyterLab's HTML viewer
        html = page.frame_locator(".jp-HTMLViewer iframe").locator("body")
        expect(html).to_contain_text(NOTE, timeout=60_000)
        expect(html).to_contain_text(OPEN_ANSWER)
        expect(html).to_contain_text("Written response (Score: 2.0 / 2.0)")
        expect(html).to_contain_text(f"{loop.ASSIGNMENT} (Score: 3.0 / 3.0)")
        # the hidden tests that graded the answer stay hidden
        expect(html).not_to_contain_text("HIDDEN TESTS")
        expect(html).not_to_contain_text("minutes == 30")
        shot(page, "feedback-loop-5-feedback")
    finally:
        trainee_context.close()
