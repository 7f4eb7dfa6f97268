"""Do the import apps (people, and the check-in app's report section) send the chosen file
as the service expects, show its plan or result escaped, and list each problem's fix?

Every person here is synthetic.
"""

from __future__ import annotations

import base64
import csv
import io
import re
from datetime import UTC, datetime
from typing import Any

import pytest

from praxishub.apps import checkin, people
from praxishub.apps.client import APIError
from praxishub.apps.people import PeopleImport, preview_html


def choose(upload: Any, name: str, content: bytes) -> None:
    upload.value = (
        {
            "name": name,
            "type": "",
            "size": len(content),
            "content": memoryview(content),
            "last_modified": datetime(2027, 2, 3, tzinfo=UTC),
        },
    )


def texts(widget: Any) -> str:
    """Every description and HTML value in a widget tree."""
    found = [str(getattr(widget, "value", "")), str(getattr(widget, "description", ""))]
    for child in getattr(widget, "children", ()):
        found.append(texts(child))
    return "\n".join(found)


PLAN = {
    "file": "r.xlsx",
    "created": 1,
    "updated": 1,
    "unchanged": 0,
    "applied": False,
    "dry_run": True,
    "rows": [
        {
            "line": 2,
            "username": "wang.min",
            "full_name": "王敏 <b>",
            "email": "wang.min@example.org",
            "role": "trainee",
            "cohort": "c1",
            "supervisor": "k.novak",
            "action": "created",
            "changes": {},
        },
        {
            "line": 3,
            "username": "a.ivanova",
            "full_name": "Анна Иванова",
            "email": "a.ivanova@example.org",
            "role": "trainee",
            "cohort": "c1",
            "supervisor": "k.novak",
            "action": "updated",
            "changes": {"supervisor": ["s.orlova", "k.novak"]},
        },
    ],
    "supervisors": [
        {"username": "wang.min", "full_name": "王敏 <b>", "supervisor": "k.novak", "was": None},
        {
            "username": "a.ivanova",
            "full_name": "Анна Иванова",
            "supervisor": "k.novak",
            "was": "s.orlova",
        },
    ],
    "problems": [],
    "declared": None,
}
ROSTER = [
    {"username": "k.novak", "full_name": "Kateřina Nováková", "role": "supervisor"},
    {
        "username": "wang.min",
        "full_name": "王敏",
        "role": "trainee",
        "cohort": "c1",
        "supervisor": "k.novak",
    },
]
REPORT = {
    "format": "zoom-participants",
    "participants": [
        {
            "name": "Анна Иванова",
            "email": "",
            "minutes": 88,
            "username": "a.ivanova",
            "present": True,
        },
        {
            "name": "Mikhail <i>Orlov",
            "email": "m@x.org",
            "minutes": 80,
            "username": None,
            "present": True,
        },
    ],
    "matched": 1,
    "unmatched": 1,
    "present": 2,
    "threshold": 67.5,
    "already_imported_at": None,
    "created": ["a.ivanova"],
    "updated": [],
    "unchanged": [],
}


class FakeAPI:
    """Answers like the service would, and records what the app sent."""

    def __init__(self, scopes: list[str]) -> None:
        self.scopes = scopes
        self.sent: list[tuple[str, dict[str, Any]]] = []
        self.refuse: APIError | None = None

    def get(self, path: str, **params: str) -> dict[str, Any]:
        if path == "api/me":
            return {"username": "m.testova", "scopes": self.scopes}
        if path == "api/people":
            return {"people": ROSTER}
        return {"courses": {"pfa": [{"id": "w01", "title": {"en": "One"}}]}}

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        self.sent.append((path, body))
        if self.refuse:
            raise self.refuse
        if path == "api/people/import":
            return {**PLAN, "applied": not body["dry_run"], "dry_run": body["dry_run"]}
        if path == "api/people/passwords":
            wanted = body.get("usernames") or ["d.akhmetova", "y.sokolova"]
            issued = [
                {"username": u, "full_name": "Динара <Ахметова>", "password": f"pw-{u}"}
                for u in wanted
                if u != "a.ivanova"
            ]
            skipped = [{"username": "a.ivanova", "reason": "has a password already"}]
            return {"issued": issued, "skipped": skipped if "a.ivanova" in wanted else []}
        if path == "api/people/active":
            known = [u for u in body["usernames"] if u != "no.one"]
            skipped = [{"username": "no.one", "reason": "not in the roster"}]
            return {"changed": known, "skipped": skipped if "no.one" in body["usernames"] else []}
        if path == "api/attendance/resolve":
            return {"name": body["name"], "username": body["username"], "minutes": 80}
        participants = REPORT["participants"]
        return {**REPORT, "participants": participants, "dry_run": body["dry_run"]}


@pytest.fixture(autouse=True)
def english(monkeypatch):
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")


def test_only_a_coordinator_gets_the_import():
    """Is the upload offered to a coordinator only, with the roster and supervisors shown?"""
    shown = texts(people.app(FakeAPI(["custom:praxis:people:manage"])))  # type: ignore[arg-type]
    assert "Choose file" in shown and "Current roster: 2" in shown
    assert "Kateřina Nováková (k.novak)" in shown
    refused = texts(people.app(FakeAPI(["custom:praxis:learn"])))  # type: ignore[arg-type]
    assert "coordinators" in refused and "Choose file" not in refused


def test_check_then_import_sends_the_file_and_shows_the_plan():
    """Does Check send a dry run of the file's bytes, and Import (offered only then) apply?"""
    api = FakeAPI(["custom:praxis:people:manage"])
    app = PeopleImport(api)  # type: ignore[arg-type]
    app.send(dry_run=True)
    assert api.sent == [] and "Choose a file first" in app.result.value
    choose(app.upload, "roster.xlsx", b"PK\x03\x04 synthetic")
    assert "roster.xlsx" in app.file.value and app.apply_button.disabled
    app.send(dry_run=True)
    path, body = api.sent[-1]
    assert path == "api/people/import" and body["dry_run"] is True
    assert base64.b64decode(body["content_base64"]) == b"PK\x03\x04 synthetic"
    assert "1 to create, 1 to update" in app.result.value
    assert "s.orlova → k.novak" in app.result.value
    assert "&lt;b&gt;" in app.result.value and "<b>" not in app.result.value.split("</b>", 1)[1]
    assert not app.apply_button.disabled
    app.send(dry_run=False)
    assert api.sent[-1][1]["dry_run"] is False and "Imported: 1 created" in app.result.value
    assert app.apply_button.disabled
    choose(app.upload, "other.csv", b"x")
    assert app.apply_button.disabled and app.result.value == ""


def test_first_passwords_for_the_new_people_are_shown_once_with_a_csv():
    """After an import that created people, is a button offered for their first passwords,
    and are they shown (escaped) with a CSV of the same, and the button then gone?"""
    api = FakeAPI(["custom:praxis:people:manage"])
    app = PeopleImport(api)  # type: ignore[arg-type]
    assert app.first_new.layout.display == "none"
    choose(app.upload, "roster.xlsx", b"PK\x03\x04 synthetic")
    app.send(dry_run=True)
    assert app.first_new.layout.display == "none"  # a check creates nobody
    app.send(dry_run=False)
    created = [r["username"] for r in PLAN["rows"] if r["action"] == "created"]
    assert app.first_new.layout.display is None
    assert app.first_new.description == f"First passwords for the new ({len(created)})"
    app.first_new.click()
    assert api.sent[-1] == ("api/people/passwords", {"usernames": created})
    shown = app.passwords.value
    assert f"pw-{created[0]}" in shown and "&lt;Ахметова&gt;" in shown
    assert "shown once" in shown
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", shown).group(1)
    rows = list(csv.reader(io.StringIO(base64.b64decode(data).decode("utf-8-sig"))))
    assert rows[0] == ["username", "full_name", "password"]
    assert rows[1] == [created[0], "Динара <Ахметова>", f"pw-{created[0]}"]
    assert app.first_new.layout.display == "none"
    app.first_all.click()
    assert api.sent[-1] == ("api/people/passwords", {"without_password": True})


def test_people_who_left_are_deactivated_and_can_be_reactivated():
    """Do the typed usernames go to the API (as one list), with what changed and what not
    shown escaped, the field cleared and the roster reloaded; and nothing sent when empty?"""
    api = FakeAPI(["custom:praxis:people:manage"])
    app = PeopleImport(api)  # type: ignore[arg-type]
    app.deactivate_button.click()
    assert api.sent == [] and "at least one username" in app.leavers_result.value
    app.leavers.value = " y.sokolova, <b>x</b> ;no.one,"
    app.deactivate_button.click()
    assert api.sent[-1] == (
        "api/people/active",
        {"usernames": ["y.sokolova", "<b>x</b>", "no.one"], "active": False},
    )
    shown = app.leavers_result.value
    assert "Deactivated: y.sokolova, &lt;b&gt;x&lt;/b&gt;" in shown and "<b>x" not in shown
    assert "Unchanged: no.one (not in the roster)" in shown
    assert app.leavers.value == ""
    app.leavers.value = "y.sokolova"
    app.reactivate_button.click()
    assert api.sent[-1][1] == {"usernames": ["y.sokolova"], "active": True}
    assert "Reactivated: y.sokolova" in app.leavers_result.value


def test_problems_are_listed_with_their_fix_escaped():
    """Does a refusal list each problem's place, message and fix, as text?"""
    api = FakeAPI(["custom:praxis:people:manage"])
    api.refuse = APIError(
        400,
        "r.csv: 1 invalid row(s); nothing was changed.",
        [{"where": "r.csv, line 3", "message": "email '<x>' is bad", "fix": "write name@x.org"}],
    )
    app = PeopleImport(api)  # type: ignore[arg-type]
    choose(app.upload, "r.csv", b"x")
    app.send(dry_run=True)
    shown = app.result.value
    assert "r.csv, line 3" in shown and "&lt;x&gt;" in shown and "write name@x.org" in shown
    assert app.apply_button.disabled


def test_preview_warns_about_people_the_settings_declare():
    shown = preview_html({**PLAN, "declared": {"usernames": ["a.ivanova"], "fix": ""}})
    assert "praxishub.yaml declares" in shown and "a.ivanova" in shown


def test_a_trainer_imports_a_report_in_the_checkin_app_and_resolves():
    """Does the check-in app's section send course, webinar and file, show the counts and
    the unmatched, and count one of them as a person?"""
    api = FakeAPI([])
    assert "Import a Zoom or Teams report" in texts(checkin.app(api))  # type: ignore[arg-type]
    panel = checkin.TrainerPanel(api, api.get("api/attendance/webinars")["courses"])  # type: ignore[arg-type]
    assert "Import a Zoom or Teams report" in texts(panel.box)
    part = panel.report
    choose(part.upload, "zoom.csv", b"Name,Duration\n")
    part.send(dry_run=True)
    path, body = api.sent[-1]
    assert (path, body["course"], body["webinar"], body["dry_run"]) == (
        "api/attendance/import",
        "pfa",
        "w01",
        True,
    )
    assert "matched: 1; unmatched: 1; present: 2" in part.result.value
    assert "Check only" in part.result.value and "Mikhail &lt;i&gt;Orlov" in part.result.value
    assert part.resolving.layout.display == "none", "nothing to resolve before it is stored"
    part.send(dry_run=False)
    assert "Saved: 1 new" in part.result.value
    assert part.resolving.layout.display == ""
    part.username.value = "y.sokolova"
    part.resolve()
    assert api.sent[-1] == (
        "api/attendance/resolve",
        {
            "course": "pfa",
            "webinar": "w01",
            "name": "Mikhail <i>Orlov",
            "email": "m@x.org",
            "username": "y.sokolova",
        },
    )
    assert "y.sokolova: 80 min" in part.resolved.value
    assert part.resolving.layout.display == "none"
