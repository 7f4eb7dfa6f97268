"""Does the funder report count webinars held, participants, completions and hours by
cohort and month the way its definitions say, and do its XLSX, CSV and PDF carry them
(names and cohorts in Cyrillic, Kazakh, Czech and Chinese included)?

Every person here is synthetic.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

import openpyxl
import pypdf
import pytest
from programme_files import deployed_programme, run
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

import handlers
from praxishub import certificate_store as store
from praxishub import certificates as core
from praxishub import db, report_files, reports, workspace
from praxishub.db import (
    Attendance,
    Cohort,
    Person,
    SubmissionIndex,
    SupervisionParticipant,
    SupervisionSession,
)

REPO = Path(__file__).resolve().parents[2]
PEOPLE = {
    "a.ivanova": ("Анна Иванова", "c-ru"),
    "a.sarsenova": ("Әлия Сәрсенова", "c-ru"),
    "wang.fang": ("王芳", "c-int"),
    "k.novak": ("Kateřina Nováková", "c-int"),
    "j.smith": ("Jane Smith", "c-int"),
}
ALL = ("w01", "w02", "w03", "w04")
COURSE = core.Course(
    id="pfa",
    title={"ru": "Психологическая первая помощь", "en": "Psychological first aid"},
    webinars=tuple(
        core.Webinar(
            id=f"w0{i}",
            title={"ru": f"Вебинар {i}", "en": f"Webinar {i}"},
            starts=datetime(2026, 9, 7 * i, 18, tzinfo=UTC),
            duration_minutes=90,
            cpd_hours=1.5,
        )
        for i in range(1, 5)
    ),
)
RULES = core.Rules()
SEPTEMBER = reports.Period(date(2026, 9, 1), date(2026, 9, 30))
NOW = datetime(2026, 10, 15, tzinfo=UTC)


def attend(session, username, *webinars):
    for webinar in webinars:
        session.add(
            Attendance(
                course="pfa",
                webinar=webinar,
                username=username,
                minutes=80,
                present=True,
                matched_by="email",
                source_format="zoom",
                sha256="0" * 64,
                spans=[],
                untimed_minutes=0,
            )
        )


def submit(session, username, waiting=0):
    for a in ALL:
        session.add(
            SubmissionIndex(
                course="pfa",
                assignment=a,
                username=username,
                auto_score=5,
                auto_max=5,
                manual_score=3,
                manual_max=5,
                max_score=10,
                needs_manual=waiting if a == "w04" else 0,
            )
        )


def supervise(session, held_on, minutes, *trainees):
    row = SupervisionSession(
        supervisor="s.orlova",
        held_on=held_on,
        minutes=minutes,
        kind="group" if len(trainees) > 1 else "individual",
    )
    row.participants = [SupervisionParticipant(trainee=t) for t in trainees]
    session.add(row)


@pytest.fixture
def engine(programme_engine):
    """Two cohorts; in September: a.ivanova completes and is certified, a.sarsenova is
    eligible without a certificate, wang.fang attends two webinars, k.novak all four
    with an answer still to grade, j.smith nothing; one group supervision session in
    September and one in October."""
    engine = programme_engine
    with db.session_scope(engine) as session:
        session.add_all([Cohort(id="c-ru", name="Весна 2026"), Cohort(id="c-int", name="国际组")])
        session.add(
            Person(
                username="s.orlova",
                full_name="Светлана Орлова",
                email="s.orlova@example.org",
                role="supervisor",
            )
        )
        session.flush()
        for username, (name, cohort) in PEOPLE.items():
            session.add(
                Person(
                    username=username,
                    full_name=name,
                    email=f"{username}@example.org",
                    role="trainee",
                    cohort_id=cohort,
                )
            )
        session.flush()
        attend(session, "a.ivanova", *ALL)
        submit(session, "a.ivanova")
        attend(session, "a.sarsenova", "w01", "w02", "w04")
        submit(session, "a.sarsenova")
        attend(session, "wang.fang", "w01", "w02")
        attend(session, "k.novak", *ALL)
        submit(session, "k.novak", waiting=1)
        supervise(session, date(2026, 9, 10), 60, "a.ivanova", "wang.fang")
        supervise(session, date(2026, 10, 5), 45, "k.novak")
        session.flush()
        result = next(
            r for r in store.eligibility(session, COURSE, RULES) if r.username == "a.ivanova"
        )
        text = core.printed(COURSE, result, "Анна Иванова", "Школа", "ru", "https://x.org/c/")
        store.issue(session, "a.ivanova", "pfa", text, datetime(2026, 9, 29, 12))
    yield engine
    engine.dispose()


def make(engine, period=SEPTEMBER, cohort=None, now=NOW, lang="en") -> reports.Report:
    with db.session_scope(engine) as session:
        return reports.funder_report(
            session,
            {"pfa": COURSE},
            RULES,
            period,
            programme="Школьные психологи",
            cohort=cohort,
            lang=lang,
            now=now,
        )


def by_cohort(report: reports.Report) -> dict[str, dict]:
    return {row["cohort"]: row for row in report.table("summary").rows}


def test_summary_by_cohort(engine):
    rows = by_cohort(make(engine))
    assert list(rows) == ["c-int", "c-ru", ""]  # the last row is every cohort together
    assert rows["c-ru"] | {} == {
        "cohort": "c-ru",
        "cohort_name": "Весна 2026",
        "webinars_held": 4,
        "participants": 2,
        "attendances": 7,
        "completions": 2,
        "certificates": 1,
        "eligible_waiting": 1,
        "cpd_hours": 10.5,
        "certified_hours": 6.0,
        "supervision_sessions": 1,
        "supervision_hours": 1.0,
    }
    assert rows["c-int"]["cohort_name"] == "国际组"
    assert rows["c-int"]["participants"] == 2 and rows["c-int"]["attendances"] == 6
    assert rows["c-int"]["completions"] == 0 and rows["c-int"]["cpd_hours"] == 9.0
    total = rows[""]
    assert total["cohort_name"] == "All cohorts"
    assert (total["webinars_held"], total["participants"], total["attendances"]) == (4, 4, 13)
    assert (total["completions"], total["cpd_hours"], total["supervision_hours"]) == (2, 19.5, 2.0)
    assert total["supervision_sessions"] == 1


def test_one_cohort(engine):
    rows = by_cohort(make(engine, cohort="c-int"))
    assert list(rows) == ["c-int"]
    report = make(engine, cohort="c-int")
    assert report.table("certificates").rows == []
    assert {r["participants"] for r in report.table("webinars").rows} == {1, 2}


def test_webinars_not_yet_held_and_outside_the_period_do_not_count(engine):
    early = by_cohort(make(engine, now=datetime(2026, 9, 20, tzinfo=UTC)))
    assert early[""]["webinars_held"] == 2 and early[""]["attendances"] == 8
    # the course's last webinar is not held yet: nobody is counted as eligible
    assert early[""]["eligible_waiting"] == 0
    october = by_cohort(make(engine, reports.Period(date(2026, 10, 1), date(2026, 10, 31))))
    assert october[""]["webinars_held"] == 0 and october[""]["completions"] == 0
    assert october[""]["supervision_hours"] == 0.75
    assert october["c-int"]["supervision_sessions"] == 1


def test_a_superseded_certificate_counts_once_and_a_revoked_one_not(engine):
    with db.session_scope(engine) as session:
        code = store.of_trainee(session, "a.ivanova")[0].code
        row = store.find(session, code)
        course = core.Course(COURSE.id, {"ru": "ППП"}, COURSE.webinars)
        result = next(
            r for r in store.eligibility(session, course, RULES) if r.username == "a.ivanova"
        )
        text = core.printed(course, result, "Анна Иванова", "Школа", "ru", "https://x.org/c/")
        store.issue(session, "a.ivanova", "pfa", text, datetime(2026, 9, 30, 9))
        assert row.superseded_by is not None
    assert by_cohort(make(engine))["c-ru"]["certificates"] == 1
    assert len(make(engine).table("certificates").rows) == 2
    with db.session_scope(engine) as session:
        for cert in store.of_trainee(session, "a.ivanova"):
            if cert.revoked_at is None:
                store.revoke(session, cert.code, "error")
    rows = by_cohort(make(engine))
    # revoked: a.ivanova is eligible again without a valid certificate
    assert rows["c-ru"]["certificates"] == 0 and rows["c-ru"]["eligible_waiting"] == 2


def test_months_and_completions_tables(engine):
    report = make(engine, reports.Period(date(2026, 9, 1), date(2026, 10, 31)))
    months = {(r["month"], r["cohort"]): r for r in report.table("months").rows}
    assert months["2026-09", ""]["attendances"] == 13
    assert months["2026-10", "c-int"]["supervision_hours"] == 0.75
    assert ("2026-10", "c-ru") not in months  # nothing happened
    completions = {r["cohort"]: r for r in report.table("completions").rows}
    assert completions["c-ru"] | {} == {
        "course": "Psychological first aid",
        "cohort": "c-ru",
        "cohort_name": "Весна 2026",
        "trainees": 2,
        "eligible": 2,
        "certificates": 1,
    }
    assert completions["c-int"]["trainees"] == 2  # j.smith took no part
    webinars = report.table("webinars").rows
    assert [w["participants"] for w in webinars] == [4, 4, 2, 3]
    assert webinars[0]["date"] == date(2026, 9, 7) and webinars[0]["cpd_hours"] == 6.0


def test_russian_headers(engine):
    report = make(engine, lang="ru")
    assert report.table("summary").header()[:3] == [
        "Группа",
        "Название группы",
        "Проведено вебинаров",
    ]
    assert by_cohort(report)[""]["cohort_name"] == "Все группы"


def test_bad_input_is_explained(engine):
    with pytest.raises(reports.ReportError) as info:
        make(engine, cohort="nope")
    assert "c-int, c-ru" in str(info.value)
    with pytest.raises(reports.ReportError):
        reports.Period(date(2026, 9, 2), date(2026, 9, 1))
    with pytest.raises(reports.ReportError) as info:
        reports.parse_day("01.09.2026", "--from")
    assert "YYYY-MM-DD" in str(info.value)


def test_xlsx_has_a_sheet_per_table_with_headers_and_values(engine):
    book = openpyxl.load_workbook(io.BytesIO(report_files.xlsx_bytes(make(engine))))
    assert book.sheetnames == [
        "summary",
        "months",
        "webinars",
        "completions",
        "certificates",
        "about",
    ]
    sheet = book["summary"]
    header = [c.value for c in sheet[1]]
    assert header[:4] == ["Cohort", "Cohort name", "Webinars held", "Participants"]
    assert sheet.freeze_panes == "A2"
    values = {row[0]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert values["c-int"][1] == "国际组"
    assert values["c-ru"][header.index("CPD hours (attended)")] == 10.5
    assert sheet.column_dimensions["C"].width >= len("Webinars held")
    certs = list(book["certificates"].iter_rows(min_row=2, values_only=True))
    assert certs[0][1] == "Анна Иванова" and certs[0][5].date() == date(2026, 9, 29)


def test_csv_is_utf8_with_bom(engine):
    data = report_files.csv_bytes(make(engine).table("summary"))
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][0] == "Cohort"
    assert rows[1][:2] == ["c-int", "国际组"] and rows[2][:2] == ["c-ru", "Весна 2026"]


def test_pdf_has_the_tables(engine):
    pdf = report_files.pdf_bytes(make(engine, lang="ru"))
    text = "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for expected in (
        "Школьные психологи",
        "国际组",
        "Весна 2026",
        "Анна Иванова",
        "Итоги по группам",
    ):
        assert expected in text


def test_json_is_plain(engine):
    body = json.loads(report_files.json_bytes(make(engine)))
    assert body["from"] == "2026-09-01" and body["tables"]["webinars"][0]["date"] == "2026-09-07"


# --- the command ---------------------------------------------------------------------

SETTINGS = """\
programme: {name: "Школьные психологи", languages: [ru, en]}
cohorts:
  - {id: c-ru, name: Весна 2025}
people:
  - {username: t.volkova, full_name: Татьяна Волкова, email: t.volkova@example.org, role: trainer}
  - {username: a.sarsenova, full_name: Әлия Сәрсенова, email: a.sarsenova@example.org, role: trainee, cohort: c-ru}
courses:
  - {id: pfa-crisis, trainers: [t.volkova]}
"""


@pytest.fixture
def programme(tmp_path, monkeypatch):
    """pfa-crisis deployed, moved to 2025 so that its webinars have been held."""
    text = (REPO / "courses" / "pfa-crisis" / "course.yaml").read_text("utf-8")
    return deployed_programme(tmp_path, monkeypatch, SETTINGS, re.sub(r"\b2027-", "2025-", text))


def test_funder_command_writes_every_format(programme, tmp_path):
    out = tmp_path / "report"
    out.mkdir()
    result = run(
        programme, "reports", "funder", "--from", "2025-02-01", "--to", "2025-03-31", "-o", str(out)
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "certificates.csv",
        "completions.csv",
        "months.csv",
        "report.pdf",
        "report.xlsx",
        "summary.csv",
        "webinars.csv",
    ]
    book = openpyxl.load_workbook(out / "report.xlsx")
    webinars = list(book["webinars"].iter_rows(min_row=2, values_only=True))
    assert len(webinars) == 5
    single = run(
        programme,
        "reports",
        "funder",
        "--from",
        "2025-02-01",
        "--to",
        "2025-02-28",
        "-o",
        str(tmp_path / "r.xlsx"),
    )
    assert single.exit_code == 0 and (tmp_path / "r.xlsx").exists()
    # the service's course catalogue was filled on the way
    settings = __import__("praxishub.settings", fromlist=["load_settings"]).load_settings(programme)
    with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
        assert list(store.catalogue(session)) == ["pfa-crisis"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--from", "2025-13-01", "--to", "2025-12-31"], "YYYY-MM-DD"),
        (["--from", "2025-03-01", "--to", "2025-02-01"], "before it starts"),
        (["--from", "2025-02-01", "--to", "2025-03-01", "--cohort", "zz"], "c-ru"),
    ],
)
def test_funder_command_bad_input(programme, tmp_path, args, says):
    result = run(programme, "reports", "funder", *args, "-o", str(tmp_path / "r.xlsx"))
    assert result.exit_code == 2 and says in result.output


def test_funder_command_unknown_format(programme, tmp_path):
    result = run(
        programme,
        "reports",
        "funder",
        "--from",
        "2025-02-01",
        "--to",
        "2025-03-01",
        "-o",
        str(tmp_path / "r.docx"),
    )
    assert result.exit_code == 2 and ".xlsx" in result.output


def test_sync_courses(programme, tmp_path):
    result = run(programme, "reports", "sync-courses")
    assert result.exit_code == 0 and "pfa-crisis" in result.output
    shutil.rmtree(tmp_path / "var" / "courses" / "pfa-crisis")
    result = run(programme, "reports", "sync-courses")
    assert "not deployed" in result.output


# --- the API, with the hub's answer about the caller stubbed ---------------------------


class FakeHubCaller(handlers.FakeHubCaller, handlers.NoXsrf):
    pass


class FunderEndpoint(AsyncHTTPTestCase):
    def get_app(self):
        from praxishub.service.certificates import FunderReportHandler

        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-funder-"))
        self.engine = db.make_engine(f"sqlite:///{self.tmp / 'p.sqlite'}")
        db.migrate(self.engine)
        settings = self.tmp / "praxishub.yaml"
        settings.write_text("programme: {name: Школьные психологи}\n", "utf-8")
        handler = type("Handler", (FakeHubCaller, FunderReportHandler), {})
        args = {"engine": self.engine, "service_token": "x", "settings_path": str(settings)}
        return Application([(r"/api/reports/funder", handler, args)])

    def tearDown(self):
        super().tearDown()
        self.engine.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def get(self, query: str, scopes: str = "custom:praxis:reports"):
        headers = {"X-Test-User": "coordinator", "X-Test-Scopes": scopes}
        return self.fetch(f"/api/reports/funder?{query}", headers=headers)

    def test_needs_the_reports_scope(self):
        assert self.get("from=2026-09-01&to=2026-09-30", scopes="custom:praxis:learn").code == 403
        assert self.fetch("/api/reports/funder?from=2026-09-01&to=2026-09-30").code == 403

    def test_no_catalogue_yet_says_what_to_run(self):
        response = self.get("from=2026-09-01&to=2026-09-30")
        assert response.code == 409 and b"sync-courses" in response.body

    def test_formats(self):
        with db.session_scope(self.engine) as session:
            spec = {
                "id": "pfa",
                "title": {"ru": "ППП"},
                "webinars": [
                    {
                        "id": "w01",
                        "title": {"ru": "Один"},
                        "starts": "2026-09-07T18:00:00+03:00",
                        "duration_minutes": 90,
                        "cpd_hours": 1.5,
                    }
                ],
            }
            store.store_course(session, spec, [])
        body = json.loads(self.get("from=2026-09-01&to=2026-09-30&format=json").body)
        assert body["tables"]["webinars"][0]["webinar"] == "w01"
        xlsx = self.get("from=2026-09-01&to=2026-09-30&format=xlsx")
        assert (
            xlsx.code == 200
            and "funder-2026-09-01-2026-09-30.xlsx" in xlsx.headers["Content-Disposition"]
        )
        assert openpyxl.load_workbook(io.BytesIO(xlsx.body)).sheetnames[0] == "summary"
        assert self.get("from=2026-09-01&to=2026-09-30&format=pdf").body.startswith(b"%PDF")
        assert self.get("from=2026-09-01&to=2026-09-30&format=doc").code == 400
        bad = self.get("from=2026-09-31&to=2026-09-30")
        assert bad.code == 400 and b"YYYY-MM-DD" in bad.body
