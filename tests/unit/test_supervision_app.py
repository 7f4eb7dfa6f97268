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
        "participants": [{"trainee": "tr-a1", "confirmed_at": None}],
        "cases": [{"course": "school-cases", "assignment": "case-01"}],
        "signed": False,
        "notes": "<script>alert(1)</script>",
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
                "people": [{"username": "tr-a1", "full_name": "Synthetic A1", "role": "trainee"}]
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
        [a_session(participants=[{"trainee": "tr-a1", "confirmed_at": "2026-12-04"}])]
    )
    assert "<script>" not in shown and "&lt;script&gt;" in shown
    assert "tr-a1 ✓" in shown
    assert "<th>Notes</th>" in shown
    without = {k: v for k, v in a_session().items() if k != "notes"}
    assert "<th>Notes</th>" not in sessions_html([without]), "a coordinator's view has no notes"


def test_a_supervisor_gets_the_form_and_logs_what_they_entered(monkeypatch):
    """Does a supervisor see the form, and does 'log' send the entered session?"""
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    api = FakeAPI("sup-a", [supervision_log.SUPERVISE], [a_session()])
    app = SupervisionLog(api, TODAY)  # type: ignore[arg-type]
    assert "Log the session" in texts(app.widget())
    app.participants.value = ("tr-a1",)
    app.cases.value = "school-cases/case-01"
    app.notes.value = "Синтетическая заметка"
    app.log()
    assert api.sent == [
        (
            "POST",
            "api/supervision/sessions",
            {
                "date": "2026-12-10",
                "minutes": 50,
                "kind": "individual",
                "participants": ["tr-a1"],
                "cases": [{"course": "school-cases", "assignment": "case-01"}],
                "notes": "Синтетическая заметка",
            },
        )
    ]
    assert [v for _, v in app.own.options] == [7]
    app.export()
    assert "data:text/csv" in app.download.value


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
    app.confirm()
    assert api.sent == [("POST", "api/supervision/sessions/7/confirm", {})]
