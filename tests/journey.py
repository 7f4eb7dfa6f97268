"""Browser steps the Chromium tests share: a person's own logged-in context, their Voila
apps, JupyterLab's assignment list, file choosers and downloads, screenshots."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.sync_api import expect

from harness import REPO, Hub, browser_log_in

ARTIFACTS = REPO / "test-artifacts"


def shot(page, name: str) -> Path:
    """A full-page screenshot, kept as a test artifact."""
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def person(browser, hub: Hub, username: str, locale: str = "en-US"):
    """A browser context of one person, logged in through the hub's form, their server
    started: (context, page)."""
    context, page = new_context(browser, locale)
    hub.start_server(username)
    browser_log_in(page, hub, username)
    page.wait_for_url(re.compile(rf"/user/{re.escape(username)}/"), timeout=90_000)
    return context, page


def new_context(browser, locale: str = "en-US", height: int = 900):
    """A fresh browser context (nobody logged in) and its page: (context, page)."""
    context = browser.new_context(locale=locale, viewport={"width": 1280, "height": height})
    page = context.new_page()
    page.set_default_timeout(60_000)
    return context, page


def click_and_expect(
    page, button: str, said: str, name: str, timeout: int = 60_000, hub: Hub | None = None
) -> None:
    """Click an app's button and wait until the app says `said`. If it never does, keep a
    screenshot (test-artifacts/NAME-failed.png) and fail with what the page and the
    browser's console said instead (and the end of HUB's log), so a CI log shows why."""
    console: list[str] = []

    def heard(message) -> None:
        console.append(f"{message.type}: {message.text}")

    page.on("console", heard)
    try:
        page.get_by_role("button", name=button).click()
        expect(page.get_by_text(said)).to_be_visible(timeout=timeout)
    except AssertionError:
        shot(page, f"{name}-failed")
        text = " ".join(page.inner_text("body").split())[-1500:]
        raise AssertionError(
            f"{said!r} never shown after {button!r} was clicked; the page says: {text!r}; "
            f"the console said: {console[-20:]}"
            + (f"\nthe hub's log ends:\n{hub.log_tail()}" if hub else "")
        ) from None
    finally:
        page.remove_listener("console", heard)


def app_url(hub: Hub, username: str, app: str) -> str:
    return f"{hub.url}/user/{username}/voila/render/praxis-apps/{app}.ipynb"


def open_app(page, hub: Hub, username: str, app: str, title: str | None = None) -> None:
    """One of the person's Voila apps (~/praxis-apps/APP.ipynb), drawn (its title shown)."""
    page.goto(app_url(hub, username, app))
    if title is not None:
        expect(page.get_by_text(title, exact=True)).to_be_visible(timeout=90_000)


def log_in_and_open(page, hub: Hub, username: str, app: str, title: str | None = None) -> None:
    """In a page another person may have used: their server started, their login, their app."""
    hub.start_server(username)
    page.context.clear_cookies()
    browser_log_in(page, hub, username)
    page.wait_for_url(re.compile(rf"/user/{re.escape(username)}/"), timeout=90_000)
    open_app(page, hub, username, app, title)


def upload(page, path: Path) -> None:
    """Choose a file in the app's FileUpload, and wait until the kernel has it.

    ipywidgets 8 keeps the FileUpload's <input type=file> out of the page (a click on the
    button clicks it), so the file goes through the browser's file chooser."""
    with page.expect_file_chooser() as chooser:
        page.locator(".widget-upload").first.click()
    chooser.value.set_files(str(path))
    expect(page.get_by_text(f"File: {path.name}")).to_be_visible(timeout=30_000)


def download(page, link, folder: Path) -> Path:
    """Click a link that saves a file; the file, saved into folder."""
    with page.expect_download() as event:
        link.click()
    path = folder / event.value.suggested_filename
    event.value.save_as(path)
    return path


def lab_assignments(page, hub: Hub, username: str):
    """JupyterLab with nbgrader's Assignment List open."""
    page.goto(f"{hub.url}/user/{username}/lab")
    expect(page.locator("#jp-main-dock-panel")).to_be_visible(timeout=90_000)
    page.get_by_role("menuitem", name="Nbgrader", exact=True).click()
    page.get_by_text("Assignment List").first.click()
    expect(page.locator("#released_assignments_list")).to_be_visible()


def fetch_and_open(page, course: str, assignment: str) -> None:
    """Fetch a released assignment in the Assignment List and open its notebook."""
    released = page.locator("#released_assignments_list")
    row = released.locator(".list_item", has_text=assignment)
    expect(row).to_be_visible(timeout=60_000)
    row.get_by_role("button", name="Fetch").click()
    fetched = page.locator("#fetched_assignments_list").locator(".list_item", has_text=assignment)
    unfold = fetched.locator("a.assignment-notebooks-link")
    expect(unfold).to_be_visible(timeout=60_000)
    unfold.click()  # shows the assignment's notebooks
    page.locator(f"#nbgrader-{course}-{assignment}").get_by_text(assignment).click()


def save_notebook(page) -> None:
    """Ctrl+S until JupyterLab shows the open notebook clean. On a busy 2-core machine it
    may miss a press (as a person would see, and press again): up to three, 20 s each."""
    dirty = page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty")
    # (JupyterLab may have restored an earlier notebook in a hidden tab: the shown one only)
    active = page.locator(".jp-Notebook .jp-Cell.jp-mod-active .cm-content:visible")
    for _ in range(3):
        page.keyboard.press("Control+S")
        try:
            expect(dirty).to_have_count(0, timeout=20_000)
            return
        except AssertionError:
            active.click()
    expect(dirty).to_have_count(0)


def write_open_answer(page, text: str) -> None:
    """Type into the notebook's first open answer (a Markdown cell nbgrader left blank)."""
    cell = page.locator(".jp-Notebook .jp-MarkdownCell:visible", has_text="YOUR ANSWER HERE").first
    expect(cell).to_be_visible(timeout=60_000)
    cell.click()  # selects it; Enter opens its editor, as in JupyterLab's command mode
    page.keyboard.press("Enter")
    editor = cell.locator(".cm-content")
    expect(editor).to_be_visible()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(text)


def submit(page, assignment: str) -> None:
    """Back to the Assignments tab; Submit; wait until it is listed as submitted."""
    page.get_by_role("tab", name=re.compile("Assignments")).click()
    fetched = page.locator("#fetched_assignments_list").locator(".list_item", has_text=assignment)
    fetched.get_by_role("button", name="Submit").click()
    submitted = page.locator("#submitted_assignments_list")
    expect(submitted.get_by_text(assignment)).to_be_visible(timeout=60_000)
