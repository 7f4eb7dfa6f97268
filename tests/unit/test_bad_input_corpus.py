"""Does every broken file in tests/corpus/ get a clear error, and change nothing stored?

Each file of the corpus is one test: it is given to the entry point a person would use
(the ``praxishub`` command where there is one) against a programme that already holds
people, attendance, a supervision session and a case in review. The test passes when
the input is refused with an error of the project (exit 2, no traceback) whose message
holds the fragments listed in tests/corpus/expected.yaml (the file, the line or field,
the fix) and every stored row and file is as it was.

With ``PRAXIS_RELIABILITY_DIR`` set, the counts of bad inputs tried and accepted
silently are written to ``corpus.json`` there.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from programme_files import deployed_programme

from harness import REPO
from praxishub import courses, db, submissions, supervision, workspace
from praxishub.cases import assign
from praxishub.cases.library import Store
from praxishub.cli import main
from praxishub.errors import PraxisError
from praxishub.layout import Layout

CORPUS = REPO / "tests" / "corpus"
MANIFEST = yaml.safe_load((CORPUS / "expected.yaml").read_text("utf-8"))
NOT_INPUTS = {"expected.yaml", "make_corpus.py"}
RAW_CASES = REPO / "tests" / "fixtures" / "cases" / "raw"
GOOD_CASE = RAW_CASES / "ru-first-grader-school-anxiety-divorce"
PUBLISHED = REPO / "tests" / "fixtures" / "cases" / "published" / "ru-bullying-class-chat"
TODAY = date(2026, 12, 10)
CRASH_WORDS = ("Traceback", "KeyError", "TypeError", "AttributeError", "IndexError")

SETTINGS = """\
programme: {name: Corpus test}
cohorts:
  - {id: c1, name: Поток 1}
people:
  - {username: m.testova, full_name: Марина Тестова, email: m.testova@example.org, role: coordinator}
  - {username: t.volkova, full_name: Татьяна Волкова, email: t.volkova@example.org, role: trainer}
  - {username: s.orlova, full_name: Светлана Орлова, email: s.orlova@example.org, role: supervisor}
  - {username: a.ivanova, full_name: Анна Иванова, email: a.ivanova@example.org, role: trainee, cohort: c1, supervisor: s.orlova}
  - {username: wang.fang, full_name: 王芳, email: wang.fang@example.org, role: trainee, cohort: c1, supervisor: s.orlova}
courses:
  - {id: pfa-crisis, trainers: [t.volkova]}
"""
ROSTER = """\
username,full_name,email,role,cohort,supervisor
k.novak,Kateřina Nováková,k.novak@example.org,supervisor,,
a.sarsenova,Әлия Сәрсенова,a.sarsenova@example.org,trainee,c1,k.novak
"""
ATTENDANCE = """\
Name,Email,Duration (minutes)
Анна Иванова,a.ivanova@example.org,88
王芳,wang.fang@example.org,45
Mikhail Orlov,m.orlov@example.net,80
"""

# file of the corpus -> True if it was accepted silently (filled in as the tests run)
ACCEPTED: dict[str, bool] = {}


@dataclass
class Outcome:
    accepted: bool
    message: str
    exit_code: int | None = None  # of a command; None for a function
    crash: str = ""  # the traceback of an exception that is not the project's


class _NoUnixUsers:
    """Stands in for praxishub.unixusers: a unit test must never make Unix users."""

    def __getattr__(self, name: str) -> Callable[..., None]:
        def refuse(*args: object, **kwargs: object) -> None:
            raise AssertionError(f"unixusers.{name} called by a unit test")

        return refuse


def _not_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(workspace, "is_root", lambda: False)
    monkeypatch.setattr(courses, "unixusers", _NoUnixUsers())


def _cli(*args: str | Path) -> Outcome:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=True)
    crash = ""
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        crash = "".join(traceback.format_exception(result.exception))
    return Outcome(result.exit_code == 0 and not crash, result.output, result.exit_code, crash)


def _call(function: Callable[[], object]) -> Outcome:
    try:
        function()
    except PraxisError as exc:
        return Outcome(False, str(exc))
    except Exception as exc:
        return Outcome(False, "", crash="".join(traceback.format_exception(exc)))
    return Outcome(True, "")


# --- the programme: built once, copied for each file ---------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A programme holding people (settings and an imported roster), attendance of one
    webinar, a supervision session and a case in the review queue."""
    base = tmp_path_factory.mktemp("corpus-programme")
    with pytest.MonkeyPatch.context() as mp:
        _not_root(mp)
        settings = deployed_programme(base, mp, SETTINGS)
        (base / "roster.csv").write_text(ROSTER, "utf-8")
        (base / "zoom.csv").write_text(ATTENDANCE, "utf-8")
        webinar = ("--course", "pfa-crisis", "--webinar", "w01-pfa-principles")
        case = ("--meta", GOOD_CASE / "intake.yaml", "--id", "stored-case")
        steps = [
            ("people", "import", base / "roster.csv"),
            ("attendance", "import", base / "zoom.csv", *webinar),
            ("cases", "submit", GOOD_CASE / "case.md", *case),
        ]
        for step in steps:
            done = _cli(*step, "-c", settings)
            assert done.exit_code == 0, done.message + done.crash
        engine = db.make_engine(f"sqlite:///{Layout(base / 'var').programme_db}")
        try:
            with db.session_scope(engine) as session:
                supervision.log_session(
                    session,
                    supervision.Caller("s.orlova", supervises=True),
                    {
                        "date": "2026-11-03",
                        "minutes": 50,
                        "kind": "individual",
                        "participants": [{"trainee": "a.ivanova", "note": "Разбор звонка"}],
                    },
                    TODAY,
                )
        finally:
            engine.dispose()
    yield base


@pytest.fixture
def programme(template: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the template programme; its praxishub.yaml."""
    _not_root(monkeypatch)
    copy = tmp_path / "programme"
    shutil.copytree(template, copy, symlinks=True)
    return copy / "praxishub.yaml"


def snapshot(settings: Path) -> dict[str, object]:
    """Every row of every table of the programme database, and a hash of every other file."""
    base = settings.parent
    database = Layout(base / "var").programme_db
    conn = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")]
        rows = {
            t: sorted(map(repr, conn.execute(f'select * from "{t}"')))  # noqa: S608
            for t in sorted(tables)
        }
    finally:
        conn.close()
    files = {
        str(p.relative_to(base)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(base.rglob("*"))
        if p.is_file() and not p.name.startswith(database.name)
    }
    return {"rows": rows, "files": files}


# --- entry points: each prepares what it needs, then returns the run -----------------------


def _course_source(settings: Path) -> Path:
    source = settings.parent / "course-source"
    shutil.copytree(REPO / "courses" / "pfa-crisis", source / "pfa-crisis")
    return source


def course_yaml(path: Path, settings: Path) -> Callable[[], Outcome]:
    source = _course_source(settings)
    shutil.copy(path, source / "pfa-crisis" / "course.yaml")
    return lambda: _cli("courses", "deploy", "--from", source, "-c", settings)


def course_notebook(path: Path, settings: Path) -> Callable[[], Outcome]:
    source = _course_source(settings)
    target = source / "pfa-crisis" / "source" / "w01-pfa-principles" / "w01-pfa-principles.ipynb"
    shutil.copy(path, target)
    return lambda: _cli("courses", "deploy", "--from", source, "-c", settings)


def submission(path: Path, settings: Path) -> Callable[[], Outcome]:
    def run() -> Outcome:
        found = submissions.problem(path)
        return Outcome(found is None, found or "")

    return run


def case_library(path: Path, settings: Path) -> Callable[[], Outcome]:
    """An approved draft holding the notebook: publishing it must be refused."""
    store = Store(Layout(settings.parent / "var").cases_store)
    meta = yaml.safe_load((PUBLISHED / "case.yaml").read_text("utf-8"))
    meta["review"] = {"status": "approved", "reviewer": "t.volkova", "reviewed_at": "2026-10-01"}
    meta.pop("published")
    draft = store.draft("corpus-case")
    draft.mkdir(parents=True)
    (draft / "case.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), "utf-8")
    shutil.copy(path, draft / "case.ipynb")
    library = settings.parent / "case_library"
    return lambda: _cli("cases", "publish", "corpus-case", "--library", library, "-c", settings)


def supervision_session(path: Path, settings: Path) -> Callable[[], Outcome]:
    def log() -> None:
        engine = db.make_engine(f"sqlite:///{Layout(settings.parent / 'var').programme_db}")
        try:
            with db.session_scope(engine) as session:
                supervision.log_session(
                    session,
                    supervision.Caller("s.orlova", supervises=True),
                    json.loads(path.read_text("utf-8")),
                    TODAY,
                )
        finally:
            engine.dispose()

    return lambda: _call(log)


def settings_file(path: Path, settings: Path) -> Callable[[], Outcome]:
    return lambda: _cli("settings", "check", path)


def roster(path: Path, settings: Path) -> Callable[[], Outcome]:
    return lambda: _cli("people", "import", path, "-c", settings)


def attendance(path: Path, settings: Path) -> Callable[[], Outcome]:
    webinar = ("--course", "pfa-crisis", "--webinar", "w01-pfa-principles")
    return lambda: _cli("attendance", "import", path, *webinar, "-c", settings)


def case_raw(path: Path, settings: Path) -> Callable[[], Outcome]:
    meta = ("--meta", GOOD_CASE / "intake.yaml", "--id", "corpus-case")
    return lambda: _cli("cases", "submit", path, *meta, "-c", settings)


def case_intake(path: Path, settings: Path) -> Callable[[], Outcome]:
    meta = ("--meta", path, "--id", "corpus-case")
    return lambda: _cli("cases", "submit", GOOD_CASE / "case.md", *meta, "-c", settings)


def rubric(path: Path, settings: Path) -> Callable[[], Outcome]:
    return lambda: _call(lambda: assign.read_rubric(path))


ENTRIES: dict[str, Callable[[Path, Path], Callable[[], Outcome]]] = {
    "settings": settings_file,
    "roster": roster,
    "attendance": attendance,
    "course": course_yaml,
    "course-notebook": course_notebook,
    "submission": submission,
    "case-raw": case_raw,
    "case-intake": case_intake,
    "case-publish": case_library,
    "rubric": rubric,
    "supervision": supervision_session,
}


# --- the tests ---------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def reliability_counts() -> Iterator[None]:
    """Write the counts for bench/results/reliability.json when asked to."""
    yield
    folder = os.environ.get("PRAXIS_RELIABILITY_DIR")
    if folder and ACCEPTED:
        counts = {
            "bad_inputs_tried": len(ACCEPTED),
            "bad_inputs_accepted": sum(ACCEPTED.values()),
            "accepted_files": sorted(name for name, accepted in ACCEPTED.items() if accepted),
        }
        Path(folder).mkdir(parents=True, exist_ok=True)
        (Path(folder) / "corpus.json").write_text(json.dumps(counts, indent=1) + "\n", "utf-8")


def corpus_files() -> list[str]:
    return sorted(
        str(p.relative_to(CORPUS))
        for p in CORPUS.rglob("*")
        if p.is_file() and p.name not in NOT_INPUTS and "__pycache__" not in p.parts
    )


def test_every_corpus_file_is_in_the_manifest_and_back():
    """Is each file of the corpus listed in expected.yaml, and each entry a file there?"""
    assert sorted(MANIFEST) == corpus_files()
    for name, entry in MANIFEST.items():
        assert entry["entry"] in ENTRIES, f"{name}: unknown entry {entry['entry']!r}"
        assert entry["expect"], f"{name}: list the fragments its message must hold"


def test_the_snapshot_sees_a_good_import(programme):
    """Does the snapshot change when a good file is imported (so that it can catch a bad one)?"""
    good = programme.parent / "good.csv"
    good.write_text(
        "username,full_name,email,role,cohort,supervisor\n"
        "l.novakova,Lucie Nováková,l.novakova@example.org,trainee,c1,k.novak\n",
        "utf-8",
    )
    before = snapshot(programme)
    assert roster(good, programme)().accepted
    after = snapshot(programme)
    assert after["rows"] != before["rows"]
    assert after["files"] == {**before["files"], "good.csv": after["files"]["good.csv"]}


@pytest.mark.parametrize("name", sorted(MANIFEST))
def test_bad_input_is_refused_clearly_and_changes_nothing(name, programme):
    """Is this broken file refused with a message naming where and the fix, nothing stored changed?"""
    entry = MANIFEST[name]
    run = ENTRIES[entry["entry"]](CORPUS / name, programme)
    before = snapshot(programme)
    outcome = run()
    ACCEPTED[name] = outcome.accepted
    assert not outcome.crash, f"{name} crashed:\n{outcome.crash}"
    assert not outcome.accepted, f"{name} was accepted silently:\n{outcome.message}"
    if outcome.exit_code is not None:
        assert outcome.exit_code == 2, outcome.message
    assert not any(word in outcome.message for word in CRASH_WORDS), outcome.message
    missing = [f for f in entry["expect"] if f not in outcome.message]
    assert not missing, f"{name}: {missing} not in the message:\n{outcome.message}"
    assert snapshot(programme) == before, f"{name} changed what is stored"
