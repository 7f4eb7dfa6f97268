"""Does the supervision log app show each viewer their part, escaped, and send what they enter?"""

from __future__ import annotations

from datetime import date
from typing import Any

from praxishub.apps import supervision_log
from praxishub.apps.client import APIError
from praxishub.apps.supervision_log import SupervisionLog, parse_cases, sessions_html

TODAY = date(2026, 12, 10)


def a_session(**changes: Any) -> dict[str, Any]:
    return {
        "id": 7,
        "supervisor": "sup-a",
        "date": "2026-12-03",
        "month": "2026-12",
        "minutes": 50,
        "kind": "individual",
        "participants": [
            {"trainee": "tr-a1", "confirmed_at": None, "note": "<script>alert(1)</script>"}
        ],
        "cases": [{"course": "school-cases", "assignment": "case-01"}],
        "signed": False,
        "group_notes": "",
        **changes,
    }


class FakeAPI:
    """Answers like the service would for one viewer, and records what the app sent."""

    def __init__(self, username: str, scopes: list[str], sessions: list[dict]) -> None:
        self.me = {"username": username, "scopes": scopes}
        self.sessions = sessions
        self.sent: list[tuple[str, str, Any]] = []
        self.refuse: str | None = None

    def get(self, path: str, **params: str) -> dict[str, Any]:
        if path == "api/me":
            return self.me
        if path == "api/people":
            return {
                "people": [
                    {"username": name, "full_name": f"Synthetic {name}", "role": "trainee"}
                    for name in ("tr-a1", "tr-a2")
                ]
            }
        if path.endswith("/sessions"):
            return {"sessions": self.sessions}
        return {"trainees": [], "signoffs": [], "supervisor_minutes": 0, "month": params["month"]}

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        self.sent.append(("POST", path, body))
        if self.refuse:
            raise APIError(400, self.refuse)
        return {"month": "2026-12"}

    def delete(self, path: str) -> None:
        self.sent.append(("DELETE", path, None))

    def get_bytes(self, path: str, **params: str) -> bytes:
        return "\ufeffdate\r\n".encode()


def texts(widget: Any) -> str:
    """Every description and HTML value in a widget tree."""
    found = [str(getattr(widget, "value", "")), str(getattr(widget, "description", ""))]
    for child in getattr(widget, "children", ()):
        found.append(texts(child))
    return "\n".join(found)


def test_cases_are_read_as_course_slash_assignment():
    """Does 'course/assignment, …' become the list the service expects (bad ones passed on)?"""
    assert parse_cases(" school-cases/case-01 ; c2/a2,,") == [
        {"course": "school-cases", "assignment": "case-01"},
        {"course": "c2", "assignment": "a2"},
    ]
    assert parse_cases("no-slash") == [{"course": "no-slash", "assignment": ""}]


def test_notes_and_names_are_escaped_and_confirmations_ticked(monkeypatch):
    """Is a note's HTML shown as text, and a confirmed participant ticked?"""
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    shown = sessions_html(
        [
            a_session(
                participants=[
                    {"trainee": "tr-a1", "confirmed_at": "2026-12-04", "note": "<script>1"}
                ],
                group_notes="<b>agenda</b>",
            )
        ]
    )
    assert "<script>" not in shown and "&lt;script&gt;1" in shown
    assert "&lt;b&gt;agenda" in shown
    assert "tr-a1 ✓" in shown
    assert "<th>Notes</th>" in shown
    coordinator = a_session(participants=[{"trainee": "tr-a1", "confirmed_at": None}])
    del coordinator["group_notes"]
    assert "<th>Notes</th>" not in sessions_html([coordinator]), "a coordinator gets no notes"


def test_each_viewer_sees_the_notes_the_service_returned_to_them(monkeypatch):
    """Does a group session show the group notes and each returned note by its trainee?"""
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    session = a_session(
        kind="group",
        group_notes="Agenda: boundaries",
        participants=[
            {"trainee": "tr-a1", "confirmed_at": None, "note": "About A1"},
            {"trainee": "tr-a2", "confirmed_at": None},  # as a trainee tr-a1 gets it
        ],
    )
    shown = supervision_log.notes_html(session)
    assert shown == "<b>Group:</b> Agenda: boundaries<br><b>tr-a1:</b> About A1"


def test_a_supervisor_gets_the_form_and_logs_what_they_entered(monkeypatch):
    """Does a supervisor see the form, and does 'log' send the entered session?"""
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    api = FakeAPI("sup-a", [supervision_log.SUPERVISE], [a_session()])
    app = SupervisionLog(api, TODAY)  # type: ignore[arg-type]
    assert "Log the session" in texts(app.widget())
    assert app.group_notes.layout.display == "none", "an individual session has no group notes"
    app.participants.value = ("tr-a1",)
    app.cases.value = "school-cases/case-01"
    app.notes["tr-a1"].value = "Синтетическая заметка"
    app.log()
    assert api.sent == [
        (
            "POST",
            "api/supervision/sessions",
            {
                "date": "2026-12-10",
                "minutes": 50,
                "kind": "individual",
                "participants": [{"trainee": "tr-a1", "note": "Синтетическая заметка"}],
                "cases": [{"course": "school-cases", "assignment": "case-01"}],
            },
        )
    ]
    assert app.notes["tr-a1"].value == "", "a logged note is cleared from the form"
    assert [v for _, v in app.own.options] == [7]
    app.export()
    assert "data:text/csv" in app.download.value


def test_a_group_gets_a_private_note_per_trainee_and_shared_group_notes(monkeypatch):
    """Does the form offer a note per chosen trainee, keep it while the choice changes, and
    send each note with its trainee and the group notes apart?"""
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    api = FakeAPI("sup-a", [supervision_log.SUPERVISE], [])
    app = SupervisionLog(api, TODAY)  # type: ignore[arg-type]
    app.kind.value = "group"
    assert app.group_notes.layout.display == ""
    assert "every participant reads them" in app.group_notes.description
    app.participants.value = ("tr-a1",)
    app.notes["tr-a1"].value = "About A1"
    app.participants.value = ("tr-a1", "tr-a2")
    assert [w.description for w in app.notes_box.children] == [
        "Note for tr-a1 (only this trainee reads it)",
        "Note for tr-a2 (only this trainee reads it)",
    ]
    app.notes["tr-a2"].value = "About A2"
    app.group_notes.value = "Agenda"
    app.log()
    sent = api.sent[0][2]
    assert sent["participants"] == [
        {"trainee": "tr-a1", "note": "About A1"},
        {"trainee": "tr-a2", "note": "About A2"},
    ]
    assert sent["group_notes"] == "Agenda" and "notes" not in sent


def test_a_refusal_is_shown_as_the_service_said_it(monkeypatch):
    """Is the service's refusal, with its fix, shown to the person (escaped)?"""
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    api = FakeAPI("sup-a", [supervision_log.SUPERVISE], [])
    api.refuse = "2026-11 is signed off\n  - date: <fix> log it in an open month"
    app = SupervisionLog(api, TODAY)  # type: ignore[arg-type]
    app.sign_off()
    assert "signed off" in app.message.value and "&lt;fix&gt;" in app.message.value


def test_a_trainee_sees_no_form_and_confirms_their_session(monkeypatch):
    """Does a trainee get only the confirm control, listing their unconfirmed session?"""
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "ru")
    api = FakeAPI("tr-a1", ["custom:praxis:learn"], [a_session()])
    app = SupervisionLog(api, TODAY)  # type: ignore[arg-type]
    shown = texts(app.widget())
    assert "Записать сессию" not in shown and "Подтвердить участие" in shown
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in app.table.value, "their own note"
    app.confirm()
    assert api.sent == [("POST", "api/supervision/sessions/7/confirm", {})]
