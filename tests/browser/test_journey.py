"""The whole loop in Chromium, four roles at once in one hub of their own.

1. A coordinator imports a roster from XLSX and so assigns a supervisor.
2. A trainer makes a library case an assignment of the course, releases it and the
   webinar's assignment in formgrader, shows a check-in code, and imports the webinar's
   Zoom report.
3. A trainee checks in, fetches, answers and submits the webinar's assignment and sees the
   autograded score (in English and Russian); opens the case in the library and submits a
   case analysis.
4. The supervisor gives points to the webinar's open answer and grades the case analysis
   with the rubric on the desk (a stale second save is refused), returns feedback and logs
   a supervision session.
5. The trainee reads the feedback and their progress; the trainer presents the programme
   overview; the coordinator issues the certificate the trainee earned and downloads it
   and the funder report.

Release, fetch, submission, collection and feedback all go through the programme API's
exchange (no exchange folder is written). Each person keeps their own browser context
open from the start (four people at once).
Every step leaves a screenshot in test-artifacts/journey-*.png. Everyone is synthetic.
"""

from __future__ import annotations

import csv
import io
import re
import time
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pypdf
import pytest
from playwright.sync_api import expect

from harness import Hub, own_hub
from journey import (
    click_and_expect,
    download,
    fetch_and_open,
    lab_assignments,
    open_app,
    person,
    save_notebook,
    shot,
    submit,
    upload,
    write_open_answer,
)
from praxishub.layout import Layout

pytestmark = [pytest.mark.integration, pytest.mark.browser]

PREFIX = "pj-"  # Unix users of this module's hub, apart from the shared hub's
COURSE, WEBINAR = "journey", "w01-intro"
CASE_ID = "en-school-grief-after-fathers-death"
CASE = f"case-{CASE_ID}"
ANSWER = "The request comes from the mother: since the funeral the boy refuses school."
OPEN_ANSWER = "I say my name, that I am listening, and that they can take their time."
COMMENT = "Clear formulation of the presenting problem; name who asked for help."
NOTE = "We went through the grief case: next time, the school's part."
HEADER = ["username", "full_name", "email", "role", "cohort", "supervisor"]
CHECK = re.compile(r"Check$")  # the button's icon glyph comes before its name


@pytest.fixture(scope="module")
def journey_hub():
    """A hub of its own: the journey course and six trainees, so that what the journey
    counts (attendance, certificates, the funder report) is only its own. Its exchange
    runs through the programme API (`exchange.mode: api`), as on Kubernetes; the shared
    hub's browser tests use the exchange folder."""
    with own_hub("journey", PREFIX, 6, course_ids=(COURSE,), exchange={"mode": "api"}) as hub:
        yield hub


@dataclass
class Cast:
    """The four people and their open pages."""

    hub: Hub
    coordinator: str
    trainer: str
    trainee: str
    supervisor: str
    pages: dict


def roster_file(hub: Hub, trainee: str, supervisor: str, folder: Path) -> Path:
    """The programme's roster as a coordinator keeps it in Excel: everyone as they are, but
    the trainee's supervisor changed, and one new trainee."""
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for p in hub.values["people"]:
        sup = supervisor if p["username"] == trainee else p.get("supervisor") or ""
        book.active.append(
            [p["username"], p["full_name"], p["email"], p["role"], p.get("cohort") or "", sup]
        )
    book.active.append(
        ["pj.new.wang", "王芳", "pj.new.wang@example.net", "trainee", "", supervisor]
    )
    path = folder / "roster.xlsx"
    book.save(path)
    return path


def zoom_report(hub: Hub, trainee: str, folder: Path) -> Path:
    """A Zoom participants report of the webinar: the trainee for 85 of its 90 minutes
    (present), and a guest nobody knows."""
    who = next(p for p in hub.values["people"] if p["username"] == trainee)
    out = io.StringIO()
    rows = csv.writer(out)
    rows.writerow(
        [
            "Meeting ID",
            "Topic",
            "Start Time",
            "End Time",
            "User Email",
            "Duration (Minutes)",
            "Participants",
        ]
    )
    rows.writerow(
        [
            "812 3456 7890",
            "The first consultation",
            "09/02/2026 03:58:02 PM",
            "09/02/2026 05:32:40 PM",
            "host@example.org",
            "95",
            "2",
        ]
    )
    rows.writerow([])
    rows.writerow(
        [
            "Name (Original Name)",
            "User Email",
            "Join Time",
            "Leave Time",
            "Duration (Minutes)",
            "Guest",
            "Recording Consent",
            "In Waiting Room",
        ]
    )
    rows.writerow(
        [
            who["full_name"],
            who["email"],
            "09/02/2026 04:01:00 PM",
            "09/02/2026 05:26:00 PM",
            "85",
            "No",
            "Yes",
            "No",
        ]
    )
    rows.writerow(
        [
            "Guest Caller",
            "",
            "09/02/2026 04:10:00 PM",
            "09/02/2026 04:40:00 PM",
            "30",
            "Yes",
            "Yes",
            "No",
        ]
    )
    path = folder / "zoom_participants_w01.csv"
    path.write_text("\ufeff" + out.getvalue(), "utf-8")
    return path


def step1_coordinator_imports_the_roster(cast: Cast, folder: Path) -> None:
    hub, page = cast.hub, cast.pages["coordinator"]
    roster = roster_file(hub, cast.trainee, cast.supervisor, folder)
    open_app(page, hub, cast.coordinator, "people", "Programme people")
    upload(page, roster)
    page.get_by_role("button", name=CHECK).click()
    expect(page.get_by_text("Check: 1 to create, 1 to update")).to_be_visible(timeout=30_000)
    assigned = page.locator("table.praxis-supervisors")
    expect(assigned.locator("tr", has_text=cast.trainee)).to_contain_text(f"→ {cast.supervisor}")
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text("Imported: 1 created, 1 updated")).to_be_visible(timeout=30_000)
    row = page.locator("table.praxis-roster").locator("tr", has_text=cast.trainee)
    expect(row).to_contain_text(f"({cast.supervisor})")
    shot(page, "journey-1-coordinator-roster-imported")


def formgrader_release(page, hub: Hub, assignment: str) -> None:
    """Manage Assignments: Generate, then Release, each confirmed by formgrader's modal."""
    page.goto(f"{hub.url}/services/grader-{COURSE}/formgrader")
    expect(page.get_by_role("heading", name="Manage Assignments")).to_be_visible()
    row = page.locator("#main-table tr", has_text=assignment)
    modal = page.locator("#success-modal")
    for cell, done in (
        ("td.assign a", "created the student version"),
        ("td.release a", "released"),
    ):
        row.locator(cell).click()
        expect(modal).to_be_visible(timeout=120_000)
        expect(modal).to_contain_text(re.compile(f"Successfully {done}", re.I))
        modal.get_by_role("button", name="OK").click()
        expect(modal).to_have_count(0)
        row = page.locator("#main-table tr", has_text=assignment)
    expect(row.locator("td.status")).to_have_text("released")


def step2_trainer_releases_and_runs_the_webinar(cast: Cast, folder: Path) -> str:
    hub, page = cast.hub, cast.pages["trainer"]
    open_app(page, hub, cast.trainer, "case_library", "Case library")
    results = page.locator("select[size]").first
    option = results.locator("option", has_text="Grief after a father's sudden death")
    expect(option).to_have_count(1, timeout=60_000)
    results.select_option(label=option.inner_text())
    expect(results).to_have_value(re.compile("."))
    page.get_by_label("Course").select_option(COURSE)
    page.get_by_role("button", name="Make it a course assignment").click()
    expect(page.get_by_text(f"{CASE} added to {COURSE}")).to_be_visible(timeout=60_000)

    formgrader_release(page, hub, WEBINAR)
    formgrader_release(page, hub, CASE)
    shot(page, "journey-2a-trainer-released")

    open_app(page, hub, cast.trainer, "checkin", "Webinar check-in")
    page.get_by_role("button", name="Open check-in").click()
    code = page.locator(".praxis-code")
    expect(code).to_have_text(re.compile(r"^\w{4,}$"), timeout=30_000)
    shot(page, "journey-2b-trainer-shows-the-code")
    return code.inner_text()


def step2_trainer_imports_the_zoom_report(cast: Cast, folder: Path) -> None:
    page = cast.pages["trainer"]
    upload(page, zoom_report(cast.hub, cast.trainee, folder))
    page.get_by_role("button", name=CHECK).click()
    counts = "Participants: 2; matched: 1; unmatched: 1; present: 1"
    expect(page.get_by_text(counts)).to_be_visible(timeout=30_000)
    page.get_by_role("button", name="Import", exact=True).click()
    expect(page.get_by_text(re.compile(r"Saved: \d+ new"))).to_be_visible(timeout=30_000)
    expect(page.locator("table.praxis-unmatched")).to_contain_text("Guest Caller")
    shot(page, "journey-2c-trainer-imported-zoom")


def step3_trainee_checks_in_and_submits(cast: Cast, code: str) -> None:
    hub, page = cast.hub, cast.pages["trainee"]
    open_app(page, hub, cast.trainee, "checkin", "Webinar check-in")
    page.get_by_placeholder("The code the trainer shows").fill(code)
    page.get_by_role("button", name="Check in").click()
    expect(page.get_by_text(re.compile(f"{COURSE}.*{WEBINAR}"))).to_be_visible(timeout=30_000)
    shot(page, "journey-3a-trainee-checked-in")

    lab_assignments(page, hub, cast.trainee)
    fetch_and_open(page, COURSE, WEBINAR)
    answer = page.locator(".jp-Notebook .jp-CodeCell").first.locator(".cm-content")
    expect(answer).to_contain_text("YOUR CODE HERE", timeout=60_000)
    answer.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("minutes = 30")
    write_open_answer(page, OPEN_ANSWER)
    save_notebook(page)
    submit(page, WEBINAR)
    shot(page, "journey-3b-trainee-submitted-the-webinar")

    deadline = time.monotonic() + 120
    while True:  # the autograder works in the background; the page shows the score once in
        page.goto(f"{hub.url}/services/praxis/me")
        row = page.locator(f"tr[data-assignment='{WEBINAR}']")
        if row.count() or time.monotonic() > deadline:
            break
        time.sleep(2)
    expect(row.locator(".score")).to_have_text("1 / 1")
    shot(page, "journey-3c-trainee-sees-the-score")
    page.goto(f"{hub.url}/services/praxis/me?lang=ru")
    expect(page.locator("h1")).to_have_text("Мои результаты")
    expect(row).to_contain_text("все проверки пройдены")

    open_app(page, hub, cast.trainee, "case_library", "Case library")
    results = page.locator("select[size]").first
    option = results.locator("option", has_text="Grief after a father's sudden death")
    expect(option).to_have_count(1, timeout=60_000)
    results.select_option(label=option.inner_text())
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_text(re.compile(r"\[(NAME|PERSON)_\d+\]")).first).to_be_visible(
        timeout=30_000
    )
    shot(page, "journey-3d-trainee-reads-the-case")

    lab_assignments(page, hub, cast.trainee)
    fetch_and_open(page, COURSE, CASE)
    write_open_answer(page, ANSWER)
    save_notebook(page)
    submit(page, CASE)
    shot(page, "journey-3e-trainee-submitted-the-case-analysis")


def pick(page, hub: Hub, queue, assignment: str, name: str) -> None:
    """Choose a trainee's submission in the desk's queue; it is collected and indexed in
    the background, so Refresh until it is there."""
    option = queue.locator("option", has_text=assignment).filter(has_text=name)
    deadline = time.monotonic() + 180
    while not option.count():
        assert time.monotonic() < deadline, (
            f"{assignment} never reached the desk:\n{hub.log_tail()}"
        )
        page.get_by_role("button", name="Refresh").click()
        time.sleep(3)
    queue.select_option(label=option.inner_text())


def step4_supervisor_grades_and_logs(cast: Cast) -> None:
    hub, page = cast.hub, cast.pages["supervisor"]
    name = next(p["full_name"] for p in hub.values["people"] if p["username"] == cast.trainee)
    open_app(page, hub, cast.supervisor, "grading_desk", "Grading desk")
    queue = page.locator("select[size]").first
    # the webinar's open answer first: points, as it has no rubric
    pick(page, hub, queue, WEBINAR, name)
    expect(page.locator(".praxis-answer", has_text=OPEN_ANSWER)).to_be_visible(timeout=60_000)
    page.get_by_label("Points (of 2)").fill("2")
    click_and_expect(page, "Save grades", "Saved: 3 of 3.", "journey-4a-save", hub=hub)

    pick(page, hub, queue, CASE, name)
    expect(page.locator(".praxis-answer", has_text=ANSWER)).to_be_visible(timeout=60_000)
    expect(page.get_by_text("(Identifies the presenting problem)")).to_be_visible()
    levels = page.get_by_label("Level")
    expect(levels).to_have_count(6)
    for i in range(6):
        levels.nth(i).select_option(label="2 · competent" if i == 0 else "3 · proficient")
    expect(page.locator("i", has_text="Problem and request are stated correctly")).to_be_visible()
    page.get_by_placeholder("Comment for the trainee").first.fill(COMMENT)
    click_and_expect(page, "Save grades", "Saved: 17 of 18.", "journey-4b-save", hub=hub)
    # the case left the queue: nothing of it waits for a person any more (the desk shows
    # "Saved" first, then asks the course service for the queue again: the same wait as the
    # save's)
    expect(queue.locator("option", has_text=CASE).filter(has_text=name)).to_have_count(
        0, timeout=60_000
    )
    # a second supervisor's stale save is refused (optimistic locking)
    stale = hub.api(
        cast.supervisor,
        "POST",
        f"/services/praxis/api/desk/submissions/{COURSE}/{CASE}/{cast.trainee}",
        json={"version": 0, "levels": {f"{CASE}/history": 0}},
    )
    assert stale.status_code == 409, stale.text
    page.get_by_role("button", name="Return feedback").click()
    expect(page.get_by_text("Feedback returned")).to_be_visible(timeout=120_000)
    shot(page, "journey-4a-supervisor-returned-feedback")

    open_app(page, hub, cast.supervisor, "supervision_log", "Supervision log")
    chooser = page.get_by_label("Participants")
    chooser.select_option(label=chooser.locator("option", has_text=cast.trainee).inner_text())
    page.get_by_label("Case analyses").fill(f"{COURSE}/{CASE}")
    page.get_by_label(f"Note for {cast.trainee} (only this trainee reads it)", exact=True).fill(
        NOTE
    )
    page.get_by_label("Case analyses").click()  # leave the note, so its value reaches the kernel
    page.get_by_role("button", name="Log the session").click()
    expect(page.get_by_text("Done: Log the session")).to_be_visible(timeout=30_000)
    expect(page.get_by_text(NOTE)).to_be_visible()
    shot(page, "journey-4b-supervisor-logged-the-session")


def step5_everyone_sees_the_outcome(cast: Cast, folder: Path) -> None:
    hub = cast.hub
    page = cast.pages["trainee"]
    lab_assignments(page, hub, cast.trainee)
    submitted = page.locator("#submitted_assignments_list")
    expect(submitted.get_by_text(CASE)).to_be_visible(timeout=60_000)
    row = submitted.locator(".list_item", has_text=CASE)
    row.get_by_role("button", name="Fetch Feedback").click()
    view = row.get_by_text("(view feedback)")
    expect(view).to_be_visible(timeout=60_000)
    view.click()
    page.locator(".jp-DirListing-item", has_text=f"{CASE}.html").dblclick()
    html = page.frame_locator(".jp-HTMLViewer iframe").locator("body")
    expect(html).to_contain_text(COMMENT, timeout=60_000)
    expect(html).to_contain_text(ANSWER)
    expect(html).to_contain_text(f"{CASE} (Score: 17.0 / 18.0)")
    shot(page, "journey-5a-trainee-reads-the-feedback")
    open_app(page, hub, cast.trainee, "my_progress", "My progress")
    expect(page.locator(".praxis-kpi", has_text="CPD hours").locator("div").first).to_have_text(
        "1.5"
    )
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    shot(page, "journey-5b-trainee-sees-their-progress")

    page = cast.pages["trainer"]
    open_app(page, hub, cast.trainer, "programme_overview", "Programme overview")
    expect(page.locator(".praxis-kpi", has_text="webinars held").locator("div").first).to_have_text(
        "1"
    )
    expect(page.locator(".praxis-kpi", has_text="participants").locator("div").first).to_have_text(
        "1"
    )
    expect(page.locator(".js-plotly-plot").first).to_be_visible(timeout=60_000)
    shot(page, "journey-5c-trainer-presents-the-overview")

    page = cast.pages["coordinator"]
    open_app(page, hub, cast.coordinator, "reports", "Certificates and reports")
    table = page.locator("table.praxis-certificates")
    expect(table.locator("tr", has_text=cast.trainee)).to_contain_text("earned the certificate")
    click_and_expect(
        page, "Issue earned ones", "Issued: 1 new, 0 unchanged", "journey-5d-issue", hub=hub
    )
    code = table.locator("tr", has_text=cast.trainee).locator("td").last
    expect(code).to_have_text(re.compile(r"^\w{4}-\w{4}-\w{4}-\w{4}$"))
    page.get_by_role("button", name="Download PDF").click()
    pdf = download(page, page.locator("a.praxis-file", has_text=".pdf"), folder)
    text = "".join(p.extract_text() for p in pypdf.PdfReader(pdf).pages)
    name = next(p["full_name"] for p in hub.values["people"] if p["username"] == cast.trainee)
    assert name in " ".join(text.split()) and code.inner_text() in text, text
    page.get_by_role("button", name="Make the report").click()
    report = download(page, page.locator("a.praxis-file", has_text=".xlsx"), folder)
    cells = [
        c
        for ws in openpyxl.load_workbook(report)
        for row in ws.iter_rows(values_only=True)
        for c in row
    ]
    assert "The first consultation" in cells or any(
        "first consultation" in str(c) for c in cells
    ), cells[:40]
    shot(page, "journey-5d-coordinator-downloads-certificate-and-report")


@pytest.mark.timeout(1200)
def no_exchange_folder_was_written(cast: Cast) -> None:
    """Everything went through the programme API's exchange: the trainee's submissions are
    theirs in its listing, their feedback is theirs alone, and the folder stays empty."""
    hub, course = cast.hub, COURSE
    folder = Layout(hub.settings_path.parent).exchange_dir / course
    assert not folder.exists() or not any(p.is_file() for p in folder.rglob("*"))
    inbound = hub.api(cast.trainee, "GET", f"/services/praxis/api/exchange/{course}/inbound")
    items = inbound.json()["items"]
    assert len(items) >= 2 and {i["owner"] for i in items} == {cast.trainee}  # webinar, case
    other = next(t for t in hub.people("trainee") if t != cast.trainee)
    theirs = hub.api(other, "GET", f"/services/praxis/api/exchange/{course}/feedback").json()
    assert theirs["items"] == []
    mine = hub.api(cast.trainee, "GET", f"/services/praxis/api/exchange/{course}/feedback")
    assert mine.json()["items"] and {i["owner"] for i in mine.json()["items"]} == {cast.trainee}


def test_four_roles_run_the_whole_loop_in_chromium(journey_hub, browser, tmp_path):
    hub = journey_hub
    people = hub.values["people"]
    trainee = hub.people("trainee")[0]
    current = next(p for p in people if p["username"] == trainee).get("supervisor")
    supervisor = next(s for s in hub.people("supervisor") if s != current)
    cast = Cast(
        hub,
        coordinator=hub.people("coordinator")[0],
        trainer=hub.values["courses"][0]["trainers"][0],
        trainee=trainee,
        supervisor=supervisor,
        pages={},
    )
    contexts = []
    try:
        for role in ("coordinator", "trainer", "trainee", "supervisor"):
            context, page = person(browser, hub, getattr(cast, role))
            contexts.append(context)
            cast.pages[role] = page
        step1_coordinator_imports_the_roster(cast, tmp_path)
        code = step2_trainer_releases_and_runs_the_webinar(cast, tmp_path)
        step3_trainee_checks_in_and_submits(cast, code)
        step2_trainer_imports_the_zoom_report(cast, tmp_path)
        step4_supervisor_grades_and_logs(cast)
        step5_everyone_sees_the_outcome(cast, tmp_path)
        no_exchange_folder_was_written(cast)
    except BaseException:
        for role, page in cast.pages.items():  # what each person saw when it failed
            shot(page, f"journey-failed-{role}")
        raise
    finally:
        for context in contexts:
            context.close()
