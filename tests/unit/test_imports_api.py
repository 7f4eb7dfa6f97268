"""Do the browser's import endpoints (a roster, a webinar report) let only the right people
import, read files exactly as the CLI does, change nothing on a dry run or a bad file, and
refuse a file that is too big?

Every person here is synthetic.
"""

from __future__ import annotations

import base64
import io
import json
import shutil
import tempfile
from pathlib import Path

import openpyxl
from sqlalchemy import func, select
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

import handlers
from praxishub import db, people
from praxishub.attendance import read_report
from praxishub.attendance_match import Account, match, summary
from praxishub.certificate_store import store_course
from praxishub.db import Attendance, AttendanceImport, Person
from praxishub.service import imports
from praxishub.settings import parse_settings

REPO = Path(__file__).resolve().parents[2]
ZOOM = REPO / "tests" / "fixtures" / "attendance" / "zoom_participants.csv"
COORDINATOR = "custom:praxis:people:manage custom:praxis:people:read"
TRAINER = "custom:praxis:supervise custom:praxis:grade custom:praxis:courses:manage"
SETTINGS = """\
programme: {name: Импорт}
cohorts:
  - {id: c1, name: Весна 2027}
  - {id: "2027", name: Осень 2027}
people:
  - {username: m.testova, full_name: Марина Тестова, email: m.testova@example.org, role: coordinator}
  - {username: t.volkova, full_name: Татьяна Волкова, email: t.volkova@example.org, role: trainer}
  - {username: j.smith, full_name: Jane Smith, email: j.smith@example.org, role: trainer}
  - {username: s.orlova, full_name: Светлана Орлова, email: s.orlova@example.org, role: supervisor}
  - {username: a.ivanova, full_name: Анна Иванова, email: a.ivanova@example.org, role: trainee, cohort: c1, supervisor: s.orlova}
  - {username: y.sokolova, full_name: Юлия Соколова, email: y.sokolova@example.org, role: trainee, cohort: c1}
  - {username: s.kuznetsov, full_name: Sergei Kuznetsov, email: s.kuznetsov@example.org, role: trainee, cohort: c1}
  - {username: n.morozova, full_name: Наталья Морозова, email: n.morozova@example.org, role: trainee, cohort: c1}
  - {username: e.popova, full_name: Елена Попова, email: e.popova@example.org, role: trainee, cohort: c1}
  - {username: e.popova2, full_name: Попова Елена, email: e.popova2@example.org, role: trainee, cohort: c1}
courses:
  - {id: pfa-crisis, trainers: [t.volkova]}
"""
COURSE = {
    "id": "pfa-crisis",
    "title": {"ru": "Кризисная помощь", "en": "Crisis support"},
    "webinars": [
        {
            "id": "w01-pfa-principles",
            "title": {"ru": "Принципы", "en": "Principles"},
            "starts": "2027-02-03T18:00:00+03:00",
            "duration_minutes": 90,
            "cpd_hours": 1.5,
        }
    ],
}
HEADER = ["username", "full_name", "email", "role", "cohort", "supervisor"]
NEW_PEOPLE = [
    ["d.akhmetova", "Динара Ахметова", "d.akhmetova@example.org", "trainee", "c1", "k.novak"],
    ["wang.min", "王敏", "wang.min@example.org", "trainee", "c1", "s.orlova"],
    ["k.novak", "Kateřina Nováková", "k.novak@example.org", "supervisor", "", ""],
    ["r.ivanov", "Роман Иванов", "r.ivanov@example.org", "trainee", 2027, ""],
]


def xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [HEADER, *rows]:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


class FakeHubCaller(handlers.FakeHubCaller, handlers.NoXsrf):
    pass


class ImportEndpoints(AsyncHTTPTestCase):
    def get_app(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-imports-"))
        self.engine = db.make_engine(f"sqlite:///{self.tmp / 'p.sqlite'}")
        db.migrate(self.engine)
        settings = parse_settings(SETTINGS, Path("praxishub.yaml"))
        with db.session_scope(self.engine) as session:
            people.sync_settings(session, settings.values)
            store_course(session, COURSE, [])
        args = {"engine": self.engine, "service_token": "x"}
        routes = [
            (pattern, type(handler.__name__, (FakeHubCaller, handler), {}), kw)
            for pattern, handler, kw in imports.routes("/services/praxis/", args)
        ]
        return Application(
            routes,
            teaching={"t.volkova": ["pfa-crisis"], "j.smith": ["other-course"]},
            present_share=0.75,
            declared_people=[p["username"] for p in settings.people],
        )

    def tearDown(self):
        super().tearDown()
        self.engine.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def post(self, path: str, body: dict, user: str, scopes: str = ""):
        response = self.fetch(
            f"/services/praxis/{path}",
            method="POST",
            body=json.dumps(body),
            headers={"X-Test-User": user, "X-Test-Scopes": scopes},
        )
        return response, json.loads(response.body)

    def roster(self, data: bytes, name: str = "roster.xlsx", **more):
        body = {"file_name": name, "content_base64": base64.b64encode(data).decode(), **more}
        return self.post("api/people/import", body, "m.testova", COORDINATOR)

    def everyone(self) -> dict[str, tuple[str, str | None]]:
        with db.session_scope(self.engine) as session:
            return {
                p.username: (p.full_name, p.supervisor) for p in session.scalars(select(Person))
            }

    # --- roster -------------------------------------------------------------------------

    def test_a_dry_run_shows_the_plan_and_changes_nothing(self):
        """Is a check (the default) a plan of rows and supervisor assignments, unsaved?"""
        before = self.everyone()
        response, answer = self.roster(xlsx(NEW_PEOPLE))
        assert response.code == 200, answer
        assert (answer["created"], answer["updated"], answer["applied"]) == (4, 0, False)
        assert answer["dry_run"] is True
        by_user = {r["username"]: r for r in answer["rows"]}
        assert by_user["wang.min"]["action"] == "created"
        assert by_user["r.ivanov"]["cohort"] == "2027"  # read as the CLI reads it
        assert {(a["username"], a["supervisor"]) for a in answer["supervisors"]} == {
            ("d.akhmetova", "k.novak"),
            ("wang.min", "s.orlova"),
        }
        assert self.everyone() == before

    def test_the_coordinator_imports_and_assigns_supervisors(self):
        """Does dry_run false apply the file, and does the same file again change nothing?"""
        response, answer = self.roster(xlsx(NEW_PEOPLE), dry_run=False)
        assert response.code == 200 and answer["applied"] is True, answer
        now = self.everyone()
        assert now["d.akhmetova"] == ("Динара Ахметова", "k.novak")
        assert now["wang.min"] == ("王敏", "s.orlova")
        _, again = self.roster(xlsx(NEW_PEOPLE), dry_run=False)
        assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, 4)
        assert again["supervisors"] == []

    def test_a_changed_supervisor_shows_before_and_after(self):
        """Is moving a trainee to another supervisor shown as was -> now, with the warning
        that praxishub.yaml declares that person too?"""
        row = ["a.ivanova", "Анна Иванова", "a.ivanova@example.org", "trainee", "c1", "t.volkova"]
        _, answer = self.roster(xlsx([row]))
        assert answer["updated"] == 1
        assert answer["rows"][0]["changes"] == {"supervisor": ["s.orlova", "t.volkova"]}
        assert answer["supervisors"][0]["was"] == "s.orlova"
        assert answer["declared"]["usernames"] == ["a.ivanova"]

    def test_only_coordinators_import(self):
        """Do a trainee, a supervisor and a trainer get 403, and is nothing changed?"""
        before = self.everyone()
        data = base64.b64encode(xlsx(NEW_PEOPLE)).decode()
        body = {"file_name": "r.xlsx", "content_base64": data, "dry_run": False}
        for user, scopes in [
            ("a.ivanova", "custom:praxis:learn"),
            ("s.orlova", "custom:praxis:supervise custom:praxis:grade"),
            ("t.volkova", TRAINER),
        ]:
            response, _ = self.post("api/people/import", body, user, scopes)
            assert response.code == 403, user
        assert (
            self.fetch("/services/praxis/api/people/import", method="POST", body="{}").code == 403
        )
        assert self.everyone() == before

    def test_first_passwords_for_the_new_people_of_an_import(self):
        """After an import, does the coordinator get a password for each new person (who can
        then log in with it), and is a password already set never replaced from here?"""
        with db.session_scope(self.engine) as session:
            people.set_password(session, "a.ivanova", "her-own-password")
            people.get(session, "e.popova2").active = False
        _, imported = self.roster(xlsx(NEW_PEOPLE), dry_run=False)
        assert imported["created"] == len(NEW_PEOPLE)
        new = [r[0] for r in NEW_PEOPLE]
        asked = [*new, "a.ivanova", "e.popova2", "no.such.person"]
        response, made = self.post(
            "api/people/passwords", {"usernames": asked}, "m.testova", COORDINATOR
        )
        assert response.code == 200, made
        assert response.headers["Cache-Control"] == "no-store"
        assert [i["username"] for i in made["issued"]] == new
        assert made["issued"][1]["full_name"] == "王敏"
        assert made["skipped"] == [
            {"username": "a.ivanova", "reason": "has a password already"},
            {"username": "e.popova2", "reason": "inactive"},
            {"username": "no.such.person", "reason": "not in the roster"},
        ]
        with db.session_scope(self.engine) as session:
            for issued in made["issued"]:
                person = people.get(session, issued["username"])
                assert people.check_password(person, issued["password"])
                assert issued["password"] not in person.password_hash
            assert people.check_password(people.get(session, "a.ivanova"), "her-own-password")
        # again: nobody gets a second one
        _, again = self.post("api/people/passwords", {"usernames": new}, "m.testova", COORDINATOR)
        assert again["issued"] == [] and len(again["skipped"]) == len(new)
        # everyone active without a password: the staff and trainees of the settings
        _, rest = self.post(
            "api/people/passwords", {"without_password": True}, "m.testova", COORDINATOR
        )
        got = {i["username"] for i in rest["issued"]}
        assert "m.testova" in got and "y.sokolova" in got
        assert not got & {"a.ivanova", "e.popova2", *new}

    def test_first_passwords_are_for_coordinators_and_clear_about_bad_input(self):
        body = {"usernames": ["y.sokolova"]}
        for user, scopes in [
            ("a.ivanova", "custom:praxis:learn"),
            ("s.orlova", "custom:praxis:supervise custom:praxis:grade"),
            ("t.volkova", TRAINER),
        ]:
            response, _ = self.post("api/people/passwords", body, user, scopes)
            assert response.code == 403, user
        for bad in ({}, {"usernames": "y.sokolova"}, {"usernames": [1, 2]}):
            response, answer = self.post("api/people/passwords", bad, "m.testova", COORDINATOR)
            assert response.code == 400 and "usernames" in answer["message"], bad
        many = {"usernames": [f"p{i}" for i in range(people.FIRST_PASSWORDS_AT_ONCE + 1)]}
        response, answer = self.post("api/people/passwords", many, "m.testova", COORDINATOR)
        assert response.code == 400 and "smaller groups" in answer["message"]
        with db.session_scope(self.engine) as session:
            assert people.get(session, "y.sokolova").password_hash is None

    def test_a_coordinator_deactivates_people_who_left_and_an_import_keeps_them_so(self):
        """Does deactivation stop someone's logins while keeping them on record, leave the
        others alone, survive a roster import and a settings sync, and undo?"""
        with db.session_scope(self.engine) as session:
            people.set_password(session, "y.sokolova", "her-password")
        body = {"usernames": ["y.sokolova", "no.such.person", "y.sokolova"], "active": False}
        response, answer = self.post("api/people/active", body, "m.testova", COORDINATOR)
        assert response.code == 200, answer
        # No hub runs here: the deactivation stands, and the answer says whose server the
        # hub did not stop (the running service's sweep tries again; tested with a real hub)
        not_stopped = answer.pop("servers_not_stopped")
        assert answer == {
            "changed": ["y.sokolova"],
            "skipped": [{"username": "no.such.person", "reason": "not in the roster"}],
            "servers_stopped": [],
        }
        assert [s["username"] for s in not_stopped] == ["y.sokolova"]
        assert "the hub did not stop it" in not_stopped[0]["reason"]
        _, again = self.post("api/people/active", body, "m.testova", COORDINATOR)
        assert again["changed"] == [] and again["skipped"][0]["reason"] == "inactive already"
        row = ["y.sokolova", "Юлия Соколова", "y.sokolova@example.org", "trainee", "2027", ""]
        _, imported = self.roster(xlsx([row]), dry_run=False)
        assert imported["updated"] == 1
        with db.session_scope(self.engine) as session:
            moved = session.get(Person, "y.sokolova")
            assert moved is not None and not moved.active and moved.cohort_id == "2027"
            people.sync_settings(session, parse_settings(SETTINGS, Path("p.yaml")).values)
        with db.session_scope(self.engine) as session:
            kept = session.get(Person, "y.sokolova")
            assert kept is not None and not kept.active
            assert people.get(session, "y.sokolova") is None
            assert not people.check_password(kept, "her-password")
            assert people.get(session, "a.ivanova") is not None
        back = {"usernames": ["y.sokolova"], "active": True}
        _, undone = self.post("api/people/active", back, "m.testova", COORDINATOR)
        assert undone["changed"] == ["y.sokolova"]
        with db.session_scope(self.engine) as session:
            assert people.check_password(people.get(session, "y.sokolova"), "her-password")

    def test_deactivation_is_for_coordinators_never_of_themselves(self):
        body = {"usernames": ["y.sokolova"], "active": False}
        for user, scopes in [
            ("a.ivanova", "custom:praxis:learn"),
            ("s.orlova", "custom:praxis:supervise custom:praxis:grade"),
            ("t.volkova", TRAINER),
        ]:
            response, _ = self.post("api/people/active", body, user, scopes)
            assert response.code == 403, user
        for bad in (
            {},
            {"usernames": ["y.sokolova"]},
            {"usernames": "y.sokolova", "active": False},
        ):
            response, answer = self.post("api/people/active", bad, "m.testova", COORDINATOR)
            assert response.code == 400 and '"active": false' in answer["message"], bad
        me = {"usernames": ["y.sokolova", "m.testova"], "active": False}
        response, answer = self.post("api/people/active", me, "m.testova", COORDINATOR)
        assert response.code == 400 and "yourself" in answer["message"]
        many = {"usernames": [f"p{i}" for i in range(people.AT_ONCE + 1)], "active": False}
        response, answer = self.post("api/people/active", many, "m.testova", COORDINATOR)
        assert response.code == 400 and "send fewer" in answer["message"]
        with db.session_scope(self.engine) as session:
            assert people.get(session, "y.sokolova") is not None

    def test_a_bad_row_is_400_with_lines_and_fixes_and_changes_nothing(self):
        """Does a file with invalid rows name each line and fix, and apply none of its rows?"""
        before = self.everyone()
        rows = [
            *NEW_PEOPLE,
            ["z.bad", "Zdeněk Dvořák", "not-an-address", "trainee", "c1", ""],
            ["j.chen", "陈静", "j.chen@example.org", "trainee", "c1", "nobody.here"],
        ]
        response, answer = self.roster(xlsx(rows), dry_run=False)
        assert response.code == 400 and "nothing was changed" in answer["message"]
        where = [p["where"] for p in answer["problems"]]
        assert where == ["roster.xlsx, line 6", "roster.xlsx, line 7"]
        assert "name@domain.org" in answer["problems"][0]["fix"]
        assert "nobody.here" in answer["problems"][1]["message"]
        assert self.everyone() == before

    def test_an_unreadable_file_is_400_with_the_fix(self):
        """Does a CSV without the header, or an old .xls, say what to do?"""
        response, answer = self.roster("фио;почта\nАнна;a@b.org\n".encode(), "list.csv")
        assert response.code == 400
        assert answer["problems"][0]["fix"].startswith("the first line must be")
        response, answer = self.roster(b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old.xls")
        assert response.code == 400 and "xlsx" in answer["problems"][0]["fix"]

    def test_a_file_over_5_mb_is_413(self):
        """Is a big upload refused with its size and the limit?"""
        response, answer = self.roster(b"a" * (5 * 2**20 + 1), "huge.csv")
        assert response.code == 413 and "limit is 5 MB" in answer["message"]

    def test_content_that_is_not_base64_is_400(self):
        body = {"file_name": "r.csv", "content_base64": "not base64!"}
        response, answer = self.post("api/people/import", body, "m.testova", COORDINATOR)
        assert response.code == 400 and "base64" in answer["message"]

    # --- attendance ------------------------------------------------------------------------

    def report(self, user: str, scopes: str = TRAINER, path: Path = ZOOM, **more):
        body = {
            "file_name": path.name,
            "content_base64": base64.b64encode(path.read_bytes()).decode(),
            "course": "pfa-crisis",
            "webinar": "w01-pfa-principles",
            **more,
        }
        return self.post("api/attendance/import", body, user, scopes)

    def stored(self) -> tuple[int, int]:
        with db.session_scope(self.engine) as session:
            return (
                session.scalar(select(func.count()).select_from(Attendance)),
                session.scalar(select(func.count()).select_from(AttendanceImport)),
            )

    def test_the_answer_has_the_keys_and_values_of_the_cli(self):
        """Is a dry run's JSON what `attendance import --dry-run --json` prints, unsaved?"""
        response, answer = self.report("t.volkova")
        assert response.code == 200, answer
        cli_keys = ["format", "participants", "matched", "unmatched", "present"]
        assert list(answer)[:5] == cli_keys
        with db.session_scope(self.engine) as session:
            accounts = [
                Account(p.username, p.full_name, p.email) for p in session.scalars(select(Person))
            ]
        report = read_report(ZOOM)
        assert {k: answer[k] for k in cli_keys} == summary(
            match(report.rows, accounts), 67.5, report.format
        )
        assert answer["dry_run"] is True and self.stored() == (0, 0)

    def test_a_trainer_of_the_course_imports_and_resolves(self):
        """Does an import store rows, the same file again change nothing, and can an
        unmatched participant be counted as a person of the roster?"""
        response, answer = self.report("t.volkova", dry_run=False)
        assert response.code == 200 and answer["created"], answer
        assert self.stored()[0] == answer["matched"]
        _, again = self.report("t.volkova", dry_run=False)
        assert again["already_imported_at"] is not None and again["created"] == []
        missing = self.fetch(
            "/services/praxis/api/attendance/unmatched?course=pfa-crisis&webinar=w01-pfa-principles",
            headers={"X-Test-User": "t.volkova"},
        )
        names = [r["name"] for r in json.loads(missing.body)["unmatched"]]
        assert "Mikhail Orlov" in names
        body = {
            "course": "pfa-crisis",
            "webinar": "w01-pfa-principles",
            "name": "Mikhail Orlov",
            "username": "y.sokolova",
        }
        refused, _ = self.post("api/attendance/resolve", body, "j.smith", TRAINER)
        assert refused.code == 403
        done, resolved = self.post("api/attendance/resolve", body, "t.volkova", TRAINER)
        assert done.code == 200 and resolved["username"] == "y.sokolova", resolved
        unknown, problem = self.post(
            "api/attendance/resolve", {**body, "name": "Nobody"}, "t.volkova", TRAINER
        )
        assert unknown.code == 400 and problem["problems"][0]["where"] == "--name"

    def test_only_the_course_trainers_or_a_coordinator_import(self):
        """Is a trainer of another course or a trainee refused, and a coordinator let in?"""
        assert self.report("j.smith")[0].code == 403
        assert self.report("a.ivanova", "custom:praxis:learn")[0].code == 403
        assert self.report("m.testova", COORDINATOR)[0].code == 200
        assert self.stored() == (0, 0)

    def test_bad_report_unknown_webinar_and_big_file(self):
        """Does a broken report name its line and fix, an unknown webinar 404, 6 MB 413?"""
        bad = REPO / "tests" / "fixtures" / "attendance" / "bad_duration.csv"
        response, answer = self.report("t.volkova", path=bad, dry_run=False)
        assert response.code == 400 and answer["problems"], answer
        assert all(p["where"].startswith("bad_duration.csv") for p in answer["problems"])
        assert self.report("t.volkova", webinar="w99")[0].code == 404
        huge = self.tmp / "huge.csv"
        huge.write_bytes(b"x" * (6 * 2**20))
        response, answer = self.report("t.volkova", path=huge)
        assert response.code == 413 and "5 MB" in answer["message"]
        assert self.stored() == (0, 0)
