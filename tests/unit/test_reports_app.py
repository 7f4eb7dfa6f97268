"""The coordinators' reports app: does it show each trainee's standing, issue what was
earned, offer a certificate's PDF and the funder report, and show refusals? (The API
behind it is tested in test_certificates.py and, in Chromium, in test_journey.py.)"""

from __future__ import annotations

import base64
import re

from praxishub.apps import reports
from praxishub.apps.client import APIError

REPORTS = "custom:praxis:reports"
ROWS = [
    {
        "username": "a.sarsenova",
        "full_name": "Әлия Сәрсенова",
        "eligible": True,
        "attended": 4,
        "required": 3,
        "assignments": {},
        "hours": 6.0,
        "reasons": [],
        "certificate": None,
    },
    {
        "username": "wang.fang",
        "full_name": "王芳",
        "eligible": False,
        "attended": 1,
        "required": 3,
        "assignments": {},
        "hours": 1.5,
        "reasons": ["present at 1 of 4 webinars; 3 needed"],
        "certificate": None,
    },
]


class Service:
    """Answers as the programme API would; remembers what was asked."""

    def __init__(self, scopes=(REPORTS,)) -> None:
        self.scopes, self.calls, self.issued = list(scopes), [], False

    def get(self, path: str, **params: str) -> dict:
        self.calls.append(("GET", path, params))
        if path == "api/me":
            return {"name": "k.orlova", "scopes": self.scopes}
        rows = [dict(r) for r in ROWS]
        if self.issued:
            rows[0]["certificate"] = {"code": "7K2M-Q9XD-4HTP-B6WN", "issued": "2026-12-01"}
        return {"courses": ["pfa-crisis", "grief"], "course": "pfa-crisis", "trainees": rows}

    def post(self, path: str, body: dict) -> dict:
        self.calls.append(("POST", path, body))
        self.issued = True
        return {
            "issued": [
                {"username": "a.sarsenova", "code": "7K2M-Q9XD-4HTP-B6WN", "status": "issued"}
            ],
            "not_eligible": [{"username": "wang.fang", "reasons": []}],
        }

    def get_bytes(self, path: str, **params: str) -> bytes:
        self.calls.append(("GET bytes", path, params))
        return b"%PDF-1.4 test" if path.endswith(".pdf") else b"PK xlsx"


def parts(app):
    certificates, funder = app.children[1], app.children[2]
    return certificates, funder


def test_standing_issue_and_the_certificate_pdf(monkeypatch):
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    api = Service()
    app = reports.app(api)
    certificates, _ = parts(app)
    course_row, message, table, download_row = (certificates.children[i] for i in (1, 2, 3, 4))
    assert "Әлия Сәрсенова" in table.value and "earned the certificate" in table.value
    assert "present at 1 of 4 webinars" in table.value
    assert course_row.children[0].value == "pfa-crisis"
    assert download_row.children[0].options == ()  # nothing issued yet
    course_row.children[1].click()  # Issue earned ones
    assert ("POST", "api/certificates/issue", {"course": "pfa-crisis", "lang": "en"}) in api.calls
    assert "Issued: 1 new, 0 unchanged" in message.value
    assert "7K2M-Q9XD-4HTP-B6WN" in table.value
    assert download_row.children[0].value == "7K2M-Q9XD-4HTP-B6WN"
    download_row.children[1].click()  # Download PDF
    assert api.calls[-1] == ("GET bytes", "api/certificates/7K2M-Q9XD-4HTP-B6WN.pdf", {})
    link = download_row.children[2].value
    assert "certificate-7K2M-Q9XD-4HTP-B6WN.pdf" in link
    encoded = re.search(r"base64,([^']+)'", link).group(1)
    assert base64.b64decode(encoded) == b"%PDF-1.4 test"
    course_row.children[0].value = "grief"  # another course: asked for it
    assert api.calls[-1] == ("GET", "api/certificates", {"course": "grief", "lang": "en"})


def test_the_funder_report_for_a_period(monkeypatch):
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "ru")
    api = Service()
    _, funder = parts(reports.app(api))
    dates, buttons, link = funder.children[1], funder.children[2], funder.children[3]
    from datetime import date

    dates.children[0].value, dates.children[1].value = date(2026, 9, 1), date(2026, 12, 31)
    buttons.children[0].value = "pdf"
    buttons.children[1].click()
    assert api.calls[-1] == (
        "GET bytes",
        "api/reports/funder",
        {"format": "pdf", "lang": "ru", "from": "2026-09-01", "to": "2026-12-31"},
    )
    assert "funder-2026-09-01-2026-12-31.pdf" in link.value
    dates.children[0].value = None
    buttons.children[1].click()
    assert "Укажите обе даты" in link.value


def test_refusals_are_shown(monkeypatch):
    monkeypatch.setenv("PRAXISHUB_LANGUAGE", "en")
    trainee = reports.app(Service(scopes=["custom:praxis:learn"]))
    assert "are for the programme&#x27;s coordinators" in trainee.children[1].value

    class Down(Service):
        def get(self, path: str, **params: str) -> dict:
            raise APIError(0, "the programme service did not answer")

    assert "did not answer" in reports.app(Down()).children[1].value
