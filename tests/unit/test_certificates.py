"""Who earns a CPD certificate, is issuing it idempotent, can it be revoked and checked
without an account, and does its PDF carry names in every script of the programmes?

Every person here is synthetic.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import pypdf
import pytest
from programme_files import deployed_programme, run
from tornado.testing import AsyncHTTPTestCase
from tornado.web import Application

import handlers
from praxishub import certificate_pdf, db, pdf_fonts, workspace
from praxishub import certificate_store as store
from praxishub import certificates as core
from praxishub.db import Attendance, Certificate, Cohort, Person, SubmissionIndex
from praxishub.service.certificates import VerifyHandler

REPO = Path(__file__).resolve().parents[2]
BASE = "https://praxis.example.org/services/praxis/api/certificates/"
PEOPLE = {  # username -> (full name, cohort): Russian, Kazakh, Chinese, Czech, English
    "a.ivanova": ("Анна Иванова", "c-ru"),
    "a.sarsenova": ("Әлия Сәрсенова", "c-ru"),
    "wang.fang": ("王芳", "c-int"),
    "k.novak": ("Kateřina Nováková", "c-int"),
    "j.smith": ("Jane Smith", "c-int"),
}
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
RULES = core.Rules(attendance_share=0.75, pass_share=0.6)


def passed(*names: str, score: float = 8) -> list[core.Submission]:
    return [core.Submission(n, score, 10) for n in names]


ALL = ("w01", "w02", "w03", "w04")


# --- the rule ------------------------------------------------------------------------


def test_exactly_at_the_attendance_share_is_eligible():
    """Is a trainee present at 3 of 4 webinars (exactly 0.75) eligible, with 4.5 hours?"""
    result = core.evaluate(COURSE, "u", {"w01", "w02", "w04"}, passed(*ALL), RULES)
    assert result.eligible and result.reasons == ()
    assert result.attended == ("w01", "w02", "w04")
    assert result.required == 3
    assert result.hours == 4.5


def test_below_the_attendance_share_is_not():
    result = core.evaluate(COURSE, "u", {"w01", "w02"}, passed(*ALL), RULES)
    assert not result.eligible
    assert result.reasons == ("present at 2 of 4 webinars; 3 needed",)
    assert result.hours == 3.0


def test_no_webinar_attended():
    result = core.evaluate(COURSE, "u", set(), passed(*ALL), RULES)
    assert not result.eligible
    assert result.attended == () and result.hours == 0


def test_exactly_the_pass_share_passes_and_below_fails():
    """Do 6 of 10 points pass at 0.6 (float arithmetic included), and 5.9 fail?"""
    at = core.evaluate(COURSE, "u", set(ALL), passed(*ALL, score=6), RULES)
    assert at.eligible
    subs = [*passed("w01", "w02", "w03"), core.Submission("w04", 5.9, 10)]
    below = core.evaluate(COURSE, "u", set(ALL), subs, RULES)
    assert not below.eligible
    assert below.assignments["w04"] == core.FAILED
    assert "w04: 5.9 of 10 points; 6 needed" in below.reasons


def test_waiting_for_a_manual_grade_is_not_yet_passed():
    """Does an assignment with an open answer still to grade block the certificate,
    even when its autograded points alone would pass?"""
    subs = [*passed("w01", "w02", "w03"), core.Submission("w04", 9, 10, needs_manual=1)]
    result = core.evaluate(COURSE, "u", set(ALL), subs, RULES)
    assert not result.eligible
    assert result.assignments["w04"] == core.WAITING
    assert any("wait for a person" in r for r in result.reasons)


def test_a_missing_assignment_and_an_extra_one_given():
    """Is a webinar's assignment never submitted missing, and does an extra assignment of
    the course the trainee was given count too?"""
    missing = core.evaluate(COURSE, "u", set(ALL), passed("w01", "w02", "w03"), RULES)
    assert missing.assignments["w04"] == core.MISSING and not missing.eligible
    extra = [*passed(*ALL), core.Submission("bonus", 1, 10)]
    result = core.evaluate(COURSE, "u", set(ALL), extra, RULES)
    assert result.assignments["bonus"] == core.FAILED and not result.eligible


def test_case_assignments_are_assignments_of_the_course():
    course = core.Course(COURSE.id, COURSE.title, COURSE.webinars, ("case-017",))
    result = core.evaluate(course, "u", set(ALL), passed(*ALL), RULES)
    assert result.assignments["case-017"] == core.MISSING and not result.eligible


@pytest.mark.parametrize(
    ("total", "share", "needed"), [(4, 0.75, 3), (3, 0.7, 3), (5, 0.6, 3), (10, 0.7, 7), (4, 0, 0)]
)
def test_required_webinars(total, share, needed):
    assert core.required_webinars(total, share) == needed


def test_course_from_a_real_course_yaml():
    import yaml

    spec = yaml.safe_load((REPO / "courses" / "pfa-crisis" / "course.yaml").read_text("utf-8"))
    course = core.course_from_spec(spec, ["case-x"])
    assert course.assignments[-1] == "case-x"
    assert course.webinars[0].starts.utcoffset() is not None
    assert sum(w.cpd_hours for w in course.webinars) == 7.5


# --- codes ---------------------------------------------------------------------------


def test_codes_are_long_random_and_forgiving_to_type():
    codes = {core.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == 16 and set(c) <= set(core.ALPHABET) for c in codes)
    code = "AB0C1DEFGH2JKMNP"
    printed = core.format_code(code)
    assert printed == "AB0C-1DEF-GH2J-KMNP"
    assert core.normalise_code(printed) == code
    assert core.normalise_code(" ab0c-ldef gh2j-kmnp ") == code  # lower case, l for 1
    assert core.normalise_code("ABOC-IDEF-GH2J-KMNP") == code  # O for 0, I for 1
    assert core.normalise_code("AB0C-1DEF") is None
    assert core.normalise_code("AB0C-1DEF-GH2J-KMN!") is None


# --- the database --------------------------------------------------------------------


@pytest.fixture
def engine(programme_engine):
    engine = programme_engine
    with db.session_scope(engine) as session:
        session.add_all([Cohort(id="c-ru", name="Весна 2026"), Cohort(id="c-int", name="国际组")])
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
    yield engine
    engine.dispose()


def attend(session, username: str, *webinars: str, course: str = "pfa", present=True) -> None:
    for webinar in webinars:
        session.merge(
            Attendance(
                course=course,
                webinar=webinar,
                username=username,
                minutes=80 if present else 10,
                present=present,
                matched_by="email",
                source_format="zoom",
                sha256="0" * 64,
                spans=[],
                untimed_minutes=0,
            )
        )


def submit(
    session,
    username: str,
    assignment: str,
    auto: float,
    manual: float = 0,
    waiting=0,
    course: str = "pfa",
):
    session.merge(
        SubmissionIndex(
            course=course,
            assignment=assignment,
            username=username,
            auto_score=auto,
            auto_max=5,
            manual_score=manual,
            manual_max=5,
            max_score=10,
            needs_manual=waiting,
        )
    )


def everyone_completes(session, *usernames: str) -> None:
    for username in usernames:
        attend(session, username, *ALL)
        for a in ALL:
            submit(session, username, a, 4, 3)


def issue_all(session, lang="ru", now=None):
    names = {p.username: p.full_name for p in store.trainees(session)}
    out = {}
    for result in store.eligibility(session, COURSE, RULES):
        if result.eligible:
            text = core.printed(COURSE, result, names[result.username], "Школа", lang, BASE)
            out[result.username] = store.issue(session, result.username, "pfa", text, now)
    return out


def test_eligibility_from_attendance_and_the_submission_index(engine):
    with db.session_scope(engine) as session:
        everyone_completes(session, "a.ivanova", "a.sarsenova")
        attend(session, "wang.fang", "w01", "w02", "w03")
        attend(session, "wang.fang", "w04", present=False)  # joined for 10 minutes
        for a in ALL:
            submit(session, "wang.fang", a, 5, 1)
        attend(session, "k.novak", *ALL)
        for a in ALL:
            submit(session, "k.novak", a, 5, 0, waiting=1 if a == "w02" else 0)
        results = {r.username: r for r in store.eligibility(session, COURSE, RULES)}
    assert results["a.ivanova"].eligible and results["a.sarsenova"].eligible
    assert results["wang.fang"].eligible and results["wang.fang"].hours == 4.5
    assert not results["k.novak"].eligible
    assert results["k.novak"].assignments["w02"] == core.WAITING
    assert not results["j.smith"].eligible and results["j.smith"].attended == ()


def test_issuing_again_changes_nothing_and_a_change_supersedes(engine):
    with db.session_scope(engine) as session:
        attend(session, "a.sarsenova", "w01", "w02", "w03")
        for a in ALL:
            submit(session, "a.sarsenova", a, 4, 3)
        first = issue_all(session)["a.sarsenova"]
        assert first.status == store.ISSUED
        code = first.certificate.code
    with db.session_scope(engine) as session:
        again = issue_all(session)["a.sarsenova"]
        assert again.status == store.UNCHANGED and again.certificate.code == code
        assert len(store.of_trainee(session, "a.sarsenova")) == 1
    with db.session_scope(engine) as session:
        attend(session, "a.sarsenova", "w04")  # a later report: one more webinar
        newer = issue_all(session)["a.sarsenova"]
        assert newer.status == store.REISSUED and newer.replaced == code
        assert newer.certificate.hours == 6.0 and newer.certificate.code != code
    with db.session_scope(engine) as session:
        old = store.public_view(store.find(session, code))
        assert old["valid"] is False and old["status"] == "superseded"
        assert "superseded_by" not in old and newer.certificate.code not in json.dumps(old)
        current = store.public_view(store.find(session, core.format_code(newer.certificate.code)))
        assert current["valid"] is True and current["hours"] == 6.0


def test_another_language_is_another_certificate(engine):
    with db.session_scope(engine) as session:
        everyone_completes(session, "j.smith")
        ru = issue_all(session, "ru")["j.smith"]
        en = issue_all(session, "en")["j.smith"]
        assert ru.certificate.code != en.certificate.code
        assert en.certificate.course_title == "Psychological first aid"
        assert ru.certificate.revoked_at is None and en.certificate.revoked_at is None


def test_revoke(engine):
    with db.session_scope(engine) as session:
        everyone_completes(session, "k.novak")
        code = issue_all(session)["k.novak"].certificate.code
    with db.session_scope(engine) as session:
        store.revoke(session, core.format_code(code).lower(), "issued in error")
    with db.session_scope(engine) as session:
        row = store.find(session, code)
        assert row.revoked_reason == "issued in error"
        assert store.public_view(row)["status"] == "revoked"
        # Revoked outright, it is not re-issued silently under the same code.
        again = issue_all(session)["k.novak"]
        assert again.status == store.ISSUED and again.certificate.code != code
    with db.session_scope(engine) as session, pytest.raises(store.CertificateError) as info:
        store.revoke(session, "AAAA-BBBB-CCCC-DDDD", "")
    assert "copy the code as printed" in str(info.value)


def test_the_public_view_says_only_what_a_verifier_needs(engine):
    with db.session_scope(engine) as session:
        everyone_completes(session, "wang.fang")
        cert = issue_all(session)["wang.fang"].certificate
        view = store.public_view(cert)
    assert set(view) == {
        "code",
        "valid",
        "status",
        "name",
        "programme",
        "course",
        "hours",
        "issued",
        "revoked",
    }
    assert view["name"] == "王芳"
    assert "wang.fang" not in json.dumps(view, ensure_ascii=False)


# --- fonts and the PDF ---------------------------------------------------------------


def test_the_fonts_cover_kazakh_czech_and_chinese():
    text = "Әлия Сәрсенова ғқңөұүһі ӘҒҚҢӨҰҮҺІ Příliš žluťoučký kůň 王芳 李娜 张伟 Ёжик"
    assert pdf_fonts.missing_glyphs(text) == []
    fonts = {font for font, _ in pdf_fonts.runs("Әлия 王芳")}
    assert fonts == {pdf_fonts.SANS, pdf_fonts.CJK}


def test_a_missing_font_names_the_package(tmp_path):
    with pytest.raises(pdf_fonts.FontError) as info:
        pdf_fonts.find_font(pdf_fonts.FONTS[2], [tmp_path])
    assert "apt-get install fonts-wqy-zenhei" in str(info.value)


def text_of(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("username", sorted(PEOPLE))
def test_the_pdf_opens_and_shows_name_and_code(engine, username):
    with db.session_scope(engine) as session:
        everyone_completes(session, username)
        cert = issue_all(session, now=datetime(2026, 10, 20))[username].certificate
    pdf = certificate_pdf.render(cert)
    assert pdf.startswith(b"%PDF")
    text = text_of(pdf)
    assert PEOPLE[username][0] in text
    assert core.format_code(cert.code) in text
    assert "Психологическая первая помощь" in text
    assert "20.10.2026" in text and "6" in text
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) == 1


def test_a_revoked_certificate_says_so_and_english_reads_english(engine):
    with db.session_scope(engine) as session:
        everyone_completes(session, "j.smith")
        cert = issue_all(session, "en", now=datetime(2026, 10, 20))["j.smith"].certificate
        store.revoke(session, cert.code, "test")
    text = text_of(certificate_pdf.render(cert))
    assert "THIS CERTIFICATE IS REVOKED" in text
    assert "Psychological first aid" in text and "20 October 2026" in text


def test_many_webinars_stay_on_one_page(engine):
    course = core.Course(
        "long",
        {"en": "Long course"},
        tuple(
            core.Webinar(
                f"w{i:02}", {"en": f"Webinar number {i}"}, datetime(2026, 9, 1, tzinfo=UTC), 90, 1
            )
            for i in range(12)
        ),
    )
    result = core.evaluate(course, "j.smith", {w.id for w in course.webinars}, [], RULES)
    with db.session_scope(engine) as session:
        text = core.printed(course, result, "Jane Smith", "P", "en", BASE)
        cert = store.issue(session, "j.smith", "long", text).certificate
    assert len(pypdf.PdfReader(io.BytesIO(certificate_pdf.render(cert))).pages) == 1


# --- the public check ----------------------------------------------------------------


class VerifyEndpoint(AsyncHTTPTestCase):
    """Does GET api/certificates/<CODE> answer anyone, with no hub and no login?"""

    def get_app(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-verify-"))
        self.engine = db.make_engine(f"sqlite:///{self.tmp / 'p.sqlite'}")
        db.migrate(self.engine)
        with db.session_scope(self.engine) as session:
            session.add(Cohort(id="c-ru", name="Весна"))
            session.flush()
            session.add(
                Person(
                    username="a.sarsenova",
                    full_name="Әлия Сәрсенова",
                    email="a@example.org",
                    role="trainee",
                    cohort_id="c-ru",
                )
            )
            session.flush()
            everyone_completes(session, "a.sarsenova")
            self.code = issue_all(session)["a.sarsenova"].certificate.code
        return Application(
            [
                (
                    r"/services/praxis/api/certificates/([A-Za-z0-9-]{1,40})",
                    VerifyHandler,
                    {"engine": self.engine},
                )
            ]
        )

    def tearDown(self):
        super().tearDown()
        self.engine.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def check(self, code: str, **headers):
        return self.fetch(f"/services/praxis/api/certificates/{code}", headers=headers)

    def test_valid(self):
        response = self.check(core.format_code(self.code))
        assert response.code == 200
        body = json.loads(response.body)
        assert body["valid"] is True and body["name"] == "Әлия Сәрсенова"
        assert body["hours"] == 6.0 and body["course"] == "Психологическая первая помощь"
        assert "a.sarsenova" not in response.body.decode()
        assert response.headers["Cache-Control"] == "no-store"

    def test_typed_loosely(self):
        assert self.check(self.code.lower()).code == 200

    def test_unknown_and_malformed(self):
        for code in ("AAAA-BBBB-CCCC-DDDD", "nonsense", "A" * 40):
            response = self.check(code)
            assert response.code == 404
            assert json.loads(response.body) == {"code": code, "valid": False, "status": "unknown"}

    def test_revoked(self):
        with db.session_scope(self.engine) as session:
            store.revoke(session, self.code, "test")
        body = json.loads(self.check(self.code).body)
        assert body["valid"] is False and body["status"] == "revoked"

    def test_a_browser_gets_a_page(self):
        response = self.check(
            core.format_code(self.code), Accept="text/html", **{"Accept-Language": "en"}
        )
        assert response.headers["Content-Type"].startswith("text/html")
        page = response.body.decode()
        assert "The certificate is valid" in page and "Әлия Сәрсенова" in page


# --- the command ---------------------------------------------------------------------

SETTINGS = """\
programme: {name: "Школьные психологи", languages: [ru, en]}
certificates: {verify_url: "https://praxis.example.org/services/praxis/api/certificates/"}
cohorts:
  - {id: c-ru, name: Весна 2026}
people:
  - {username: t.volkova, full_name: Татьяна Волкова, email: t.volkova@example.org, role: trainer}
  - {username: a.sarsenova, full_name: Әлия Сәрсенова, email: a.sarsenova@example.org, role: trainee, cohort: c-ru}
  - {username: wang.fang, full_name: 王芳, email: wang.fang@example.org, role: trainee, cohort: c-ru}
courses:
  - {id: pfa-crisis, trainers: [t.volkova]}
"""


@pytest.fixture
def programme(tmp_path, monkeypatch):
    """The pfa-crisis course deployed; not as root (no Unix users)."""
    return deployed_programme(tmp_path, monkeypatch, SETTINGS)


def test_issue_and_revoke_commands(programme, tmp_path):
    from praxishub.settings import load_settings

    settings = load_settings(programme)
    with workspace.programme_db(settings) as engine, db.session_scope(engine) as session:
        webinars = [
            f"w0{i}-{n}"
            for i, n in enumerate(
                ["pfa-principles", "active-listening", "suicide-risk", "grief-loss"], start=1
            )
        ]
        for username in ("a.sarsenova", "wang.fang"):
            for w in webinars:
                attend(session, username, w, course="pfa-crisis")
        for w in [*webinars, "w05-self-care"]:
            session.merge(
                SubmissionIndex(
                    course="pfa-crisis",
                    assignment=w,
                    username="a.sarsenova",
                    auto_score=7,
                    auto_max=10,
                    manual_score=0,
                    manual_max=0,
                    max_score=10,
                    needs_manual=0,
                )
            )
    out = tmp_path / "pdf"
    result = run(
        programme, "certificates", "issue", "--course", "pfa-crisis", "-o", str(out), "--json"
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert [i["username"] for i in body["issued"]] == ["a.sarsenova"]
    assert body["issued"][0]["hours"] == 6.0 and body["issued"][0]["status"] == "issued"
    assert body["not_eligible"][0]["username"] == "wang.fang"
    pdf = Path(body["issued"][0]["pdf"])
    assert pdf.parent == out and "Әлия Сәрсенова" in text_of(pdf.read_bytes())
    code = body["issued"][0]["code"]
    assert f"https://praxis.example.org/services/praxis/api/certificates/{code}" in text_of(
        pdf.read_bytes()
    ).replace("\n", "")
    again = json.loads(
        run(
            programme, "certificates", "issue", "--course", "pfa-crisis", "-o", str(out), "--json"
        ).output
    )
    assert again["issued"][0]["code"] == code and again["issued"][0]["status"] == "unchanged"
    one = run(
        programme,
        "certificates",
        "issue",
        "--course",
        "pfa-crisis",
        "--trainee",
        "wang.fang",
        "-o",
        str(out),
    )
    assert one.exit_code == 1 and "w05-self-care: not submitted" in one.output
    revoked = run(programme, "certificates", "revoke", code, "--reason", "test")
    assert revoked.exit_code == 0 and "revoked" in revoked.output
    bad = run(programme, "certificates", "revoke", "AAAA-BBBB-CCCC-DDDD")
    assert bad.exit_code == 2


def test_issue_for_a_course_not_deployed(programme, tmp_path):
    shutil.rmtree(tmp_path / "var" / "courses" / "pfa-crisis")
    result = run(programme, "certificates", "issue", "--course", "pfa-crisis")
    assert result.exit_code == 2 and "praxishub courses deploy" in result.output
    unknown = run(programme, "certificates", "issue", "--course", "nope")
    assert unknown.exit_code == 2 and "pfa-crisis" in unknown.output


FakeHubCaller = handlers.FakeHubCaller


class OwnCertificatesEndpoint(AsyncHTTPTestCase):
    """Does a trainee list and download their own certificates, and nobody else's?"""

    def get_app(self):
        from praxishub.service import certificates as api

        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-own-"))
        self.engine = db.make_engine(f"sqlite:///{self.tmp / 'p.sqlite'}")
        db.migrate(self.engine)
        with db.session_scope(self.engine) as session:
            session.add(Cohort(id="c-int", name="国际组"))
            session.flush()
            for username in ("wang.fang", "k.novak"):
                session.add(
                    Person(
                        username=username,
                        full_name=PEOPLE[username][0],
                        email=f"{username}@example.org",
                        role="trainee",
                        cohort_id="c-int",
                    )
                )
            session.flush()
            everyone_completes(session, "wang.fang", "k.novak")
            issued = issue_all(session)
            self.codes = {u: i.certificate.code for u, i in issued.items()}
        args = {"engine": self.engine, "service_token": "x"}
        routes = []
        for pattern, handler, _ in api.routes("/services/praxis/", args, "unused.yaml"):
            fake = type(handler.__name__, (FakeHubCaller, handler), {})
            routes.append(
                (
                    pattern,
                    fake,
                    args
                    if handler is not api.FunderReportHandler
                    else {**args, "settings_path": None},
                )
            )
        return Application(routes)

    def tearDown(self):
        super().tearDown()
        self.engine.dispose()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def get(self, path: str, user: str | None = "wang.fang"):
        headers = {"X-Test-User": user} if user else {}
        return self.fetch(f"/services/praxis/{path}", headers=headers)

    def test_list_own(self):
        body = json.loads(self.get("api/me/certificates").body)
        assert [c["name"] for c in body["certificates"]] == ["王芳"]
        assert body["certificates"][0]["pdf"] == core.format_code(self.codes["wang.fang"]) + ".pdf"

    def test_download_own_only(self):
        own = self.get(f"api/me/certificates/{core.format_code(self.codes['wang.fang'])}.pdf")
        assert own.code == 200 and own.headers["Content-Type"] == "application/pdf"
        assert "王芳" in text_of(own.body)
        other = self.get(f"api/me/certificates/{core.format_code(self.codes['k.novak'])}.pdf")
        assert other.code == 404
        anonymous = self.get("api/me/certificates", user=None)
        assert anonymous.code == 403

    def test_the_public_check_needs_no_login(self):
        response = self.get(f"api/certificates/{self.codes['k.novak']}", user=None)
        assert response.code == 200 and json.loads(response.body)["name"] == "Kateřina Nováková"


class CoordinatorCertificatesEndpoints(AsyncHTTPTestCase):
    """Does a holder of the reports scope see every trainee's standing, issue what was
    earned (again: unchanged) and download any certificate, with released assignments in
    the exchange counted; and is anyone else refused?"""

    REPORTER = "custom:praxis:reports"

    def get_app(self):
        from praxishub.layout import Layout
        from praxishub.service import certificates as api
        from praxishub.settings import load_settings

        self.tmp = Path(tempfile.mkdtemp(prefix="praxis-coord-"))
        self.mp = pytest.MonkeyPatch()
        self.settings_path = deployed_programme(self.tmp, self.mp, SETTINGS)
        settings = load_settings(self.settings_path)
        from praxishub.cli import sync_catalogue

        sync_catalogue(settings)
        # a case analysis released after the catalogue was written: it counts too
        outbound = Layout(settings.data_dir).exchange_dir / "pfa-crisis" / "outbound"
        (outbound / "case-late-release").mkdir(parents=True)
        self.engine = db.make_engine(f"sqlite:///{Layout(settings.data_dir).programme_db}")
        webinars = [w["id"] for w in self.catalogue_spec()["webinars"]]
        with db.session_scope(self.engine) as session:
            for username in ("a.sarsenova", "wang.fang"):
                for w in webinars:
                    attend(session, username, w, course="pfa-crisis")
            for assignment in [*webinars, "case-late-release"]:
                submit(session, "a.sarsenova", assignment, auto=5, manual=3, course="pfa-crisis")
            for assignment in webinars:
                submit(session, "wang.fang", assignment, auto=5, manual=3, course="pfa-crisis")
            # and one released through the programme API's exchange
            from praxishub import exchange_store

            empty_zip = b"PK\x05\x06" + b"\0" * 18
            exchange_store.put(session, "pfa-crisis", "outbound", "case-api-release", empty_zip)
            submit(session, "a.sarsenova", "case-api-release", 5, 3, course="pfa-crisis")
        args = {"engine": self.engine, "service_token": "x"}
        routes = [
            (pattern, type(handler.__name__, (FakeHubCaller, handler), {}), kw)
            for pattern, handler, kw in api.routes(
                "/services/praxis/", args, str(self.settings_path)
            )
        ]
        return Application(routes)

    def catalogue_spec(self):
        from praxishub import courses

        return courses.load_course(self.tmp / "var" / "courses" / "pfa-crisis" / "course.yaml")

    def tearDown(self):
        super().tearDown()
        self.engine.dispose()
        self.mp.undo()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def call(self, method, path, scopes=REPORTER, body=None):
        headers = {"X-Test-User": "k.orlova", "X-Test-Scopes": scopes, "Authorization": "token x"}
        return self.fetch(
            f"/services/praxis/{path}",
            method=method,
            headers=headers,
            body=None if body is None else json.dumps(body),
        )

    def test_standing_issue_and_download(self):
        listed = json.loads(self.call("GET", "api/certificates?lang=en").body)
        assert listed["courses"] == ["pfa-crisis"] and listed["course"] == "pfa-crisis"
        rows = {r["username"]: r for r in listed["trainees"]}
        assert rows["a.sarsenova"]["eligible"] and rows["a.sarsenova"]["certificate"] is None
        assert not rows["wang.fang"]["eligible"]
        assert rows["wang.fang"]["assignments"]["case-late-release"] == "missing"
        assert rows["wang.fang"]["assignments"]["case-api-release"] == "missing"
        assert "case-late-release: not submitted" in rows["wang.fang"]["reasons"]

        body = {"course": "pfa-crisis", "lang": "en"}
        issued = json.loads(self.call("POST", "api/certificates/issue", body=body).body)
        assert [(i["username"], i["status"]) for i in issued["issued"]] == [
            ("a.sarsenova", "issued")
        ]
        assert [r["username"] for r in issued["not_eligible"]] == ["wang.fang"]
        code = issued["issued"][0]["code"]
        again = json.loads(self.call("POST", "api/certificates/issue", body=body).body)
        assert [(i["code"], i["status"]) for i in again["issued"]] == [(code, "unchanged")]
        listed = json.loads(self.call("GET", "api/certificates?course=pfa-crisis&lang=en").body)
        mine = next(r for r in listed["trainees"] if r["username"] == "a.sarsenova")
        assert mine["certificate"]["code"] == code

        pdf = self.call("GET", f"api/certificates/{code}.pdf")
        assert pdf.code == 200 and pdf.headers["Content-Type"] == "application/pdf"
        assert "Әлия Сәрсенова" in text_of(pdf.body)
        assert self.call("GET", "api/certificates/AAAA-BBBB-CCCC-DDDD.pdf").code == 404

    def test_bad_requests_say_what_to_send(self):
        unknown = self.call("GET", "api/certificates?course=nope")
        assert unknown.code == 404 and "pfa-crisis" in json.loads(unknown.body)["message"]
        for body in ({}, {"course": 3}, {"course": "pfa-crisis", "usernames": "a.sarsenova"}):
            r = self.call("POST", "api/certificates/issue", body=body)
            assert r.code == 400, (body, r.body)
        with db.session_scope(self.engine) as session:
            assert session.query(Certificate).count() == 0

    def test_without_the_reports_scope_nothing(self):
        for scopes in ("", "custom:praxis:learn", "custom:praxis:people:read"):
            assert self.call("GET", "api/certificates", scopes=scopes).code == 403
            r = self.call(
                "POST", "api/certificates/issue", scopes=scopes, body={"course": "pfa-crisis"}
            )
            assert r.code == 403
        with db.session_scope(self.engine) as session:
            assert session.query(Certificate).count() == 0
