"""Does `praxishub people import` apply a roster all-or-nothing, idempotently, with clear errors?"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest
import yaml
from sqlalchemy import text

from harness import world_dir
from praxishub import db, workspace
from praxishub.settings import load_settings, parse_settings

BIN = Path(sys.prefix) / "bin"
SETTINGS = """\
programme: {name: Import test}
cohorts:
  - {id: c1, name: Cohort one}
people:
  - {username: coordinator, full_name: Марина Тестова, email: coord@example.org, role: coordinator}
  - {username: s.orlova, full_name: Светлана Орлова, email: s.orlova@example.org, role: supervisor}
"""
HEADER = "username,full_name,email,role,cohort,supervisor\n"
GOOD = (
    HEADER
    + "a.ivanova,Анна Иванова,a.ivanova@example.org,trainee,c1,s.orlova\n"
    + "a.sarsenova,Әлия Сәрсенова,a.sarsenova@example.org,trainee,c1,k.novak\n"
    + "k.novak,Kateřina Nováková,k.novak@example.org,supervisor,,\n"
    + "wang.fang,王芳,wang.fang@example.org,trainee,c1,s.orlova\n"
)


@pytest.fixture(params=["sqlite", "postgresql"])
def programme(request):
    """A programme whose database is SQLite in its folder, or a PostgreSQL database."""
    base = world_dir("praxishub-import-")
    path = base / "praxishub.yaml"
    settings = SETTINGS
    if request.param == "postgresql":
        settings += f"database: {{url: '{request.getfixturevalue('postgres').database()}'}}\n"
    path.write_text(settings, "utf-8")
    workspace.make_settings_private(path, parse_settings(settings, path))
    yield path
    shutil.rmtree(base, ignore_errors=True)


def run(programme: Path, roster: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [BIN / "praxishub", "people", "import", roster, "-c", programme, *extra],
        capture_output=True,
        text=True,
    )


def roster_rows(programme: Path) -> list[tuple]:
    engine = db.make_engine(workspace.database_url(load_settings(programme)))
    try:
        with engine.connect() as conn:
            return [
                tuple(r)
                for r in conn.execute(
                    text(
                        "select username, full_name, email, role, cohort_id, supervisor"
                        " from people order by username"
                    )
                )
            ]
    finally:
        engine.dispose()


def test_import_then_reimport_changes_nothing(programme):
    """Does a good roster import every row, and does importing it again change nothing?"""
    roster = programme.parent / "roster.csv"
    roster.write_text(GOOD, "utf-8")
    first = run(programme, roster)
    assert first.returncode == 0, first.stderr
    assert "4 created, 0 updated, 0 unchanged, 0 rejected" in first.stdout
    after_first = roster_rows(programme)
    assert (
        "wang.fang",
        "王芳",
        "wang.fang@example.org",
        "trainee",
        "c1",
        "s.orlova",
    ) in after_first
    # a supervisor named before their own row in the file
    assert (
        "a.sarsenova",
        "Әлия Сәрсенова",
        "a.sarsenova@example.org",
        "trainee",
        "c1",
        "k.novak",
    ) in after_first
    again = run(programme, roster)
    assert again.returncode == 0
    assert "0 created, 0 updated, 4 unchanged" in again.stdout
    assert roster_rows(programme) == after_first


def test_cp1251_semicolon_xlsx_and_bom_give_the_same_roster(programme):
    """Are cp1251 with ';', UTF-8 with BOM and XLSX read the same as plain UTF-8?"""
    base = programme.parent
    (base / "a.csv").write_bytes(
        GOOD.replace(",", ";")
        .replace("王芳", "Ван Фан")
        .replace("Әлия Сәрсенова", "Алия Сарсенова")
        .replace("Kateřina Nováková", "Катерина Новакова")
        .encode("cp1251")
    )
    assert run(programme, base / "a.csv").returncode == 0
    names = {r[0]: r[1] for r in roster_rows(programme)}
    assert names["a.ivanova"] == "Анна Иванова"
    (base / "b.csv").write_bytes(GOOD.encode("utf-8-sig"))
    out = run(programme, base / "b.csv")
    assert out.returncode == 0 and "3 updated" in out.stdout  # the three names changed back
    book = openpyxl.Workbook()
    for line in GOOD.splitlines():
        book.active.append(line.split(","))
    book.save(base / "c.xlsx")
    out = run(programme, base / "c.xlsx")
    assert out.returncode == 0, out.stderr
    assert "0 created, 0 updated, 4 unchanged" in out.stdout


def test_one_bad_row_changes_nothing_and_names_every_bad_line(programme):
    """Does a roster with bad rows change nothing and report each line, reason and fix?"""
    roster = programme.parent / "roster.csv"
    roster.write_text(
        GOOD
        + "b.petrov,Борис Петров,b.petrov@example.org,student,c1,\n"
        + "c.kim,Chloe Kim,c.kim@example.org,trainee,c9,\n"
        + "d.lee,Dana Lee,d.lee@example.org,trainee,c1,n.nobody\n",
        "utf-8",
    )
    out = run(programme, roster)
    assert out.returncode == 2
    assert "line 6" in out.stderr and "student" in out.stderr
    assert "line 7" in out.stderr and "cohort 'c9' does not exist" in out.stderr
    assert "line 8" in out.stderr and "'n.nobody' is nobody" in out.stderr
    assert "nothing was changed" in out.stderr
    # only the people of praxishub.yaml: not one row of the file
    assert {r[0] for r in roster_rows(programme)} == {"coordinator", "s.orlova"}


def test_skip_invalid_imports_only_the_valid_rows(programme):
    """With --skip-invalid, are the valid rows imported and the bad ones listed?"""
    roster = programme.parent / "roster.csv"
    roster.write_text(GOOD + "b.petrov,Борис Петров,not-an-email,trainee,c1,\n", "utf-8")
    out = run(programme, roster, "--skip-invalid")
    assert out.returncode == 0, out.stderr
    assert "4 created" in out.stdout and "1 rejected" in out.stdout
    assert "line 6" in out.stderr
    assert "b.petrov" not in {r[0] for r in roster_rows(programme)}


def test_email_of_someone_else_is_refused(programme):
    """Is a row that takes another person's e-mail refused?"""
    roster = programme.parent / "roster.csv"
    roster.write_text(HEADER + "x.other,X Other,s.orlova@example.org,trainee,c1,\n", "utf-8")
    out = run(programme, roster)
    assert out.returncode == 2
    assert "already belongs to 's.orlova'" in out.stderr


def test_missing_file_and_missing_columns(programme):
    """Do a missing file and a file without the roster columns give clear errors?"""
    out = run(programme, programme.parent / "nope.csv")
    assert out.returncode == 2 and "nope.csv" in out.stderr
    bad = programme.parent / "bad.csv"
    bad.write_text("name,mail\nAnna,a@example.org\n", "utf-8")
    out = run(programme, bad)
    assert out.returncode == 2
    assert "username,full_name,email,role,cohort,supervisor" in out.stderr


def test_settings_people_stay_in_sync(programme):
    """Are the people of praxishub.yaml in the roster after any command?"""
    roster = programme.parent / "roster.csv"
    roster.write_text(GOOD, "utf-8")
    run(programme, roster)
    values = yaml.safe_load(programme.read_text("utf-8"))
    assert {p["username"] for p in values["people"]} <= {r[0] for r in roster_rows(programme)}
