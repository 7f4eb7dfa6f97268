"""Does `praxishub attendance import` read Zoom, Teams and plain tables, match people
across scripts without guessing, and store attendance once, with clear errors?

The reports under tests/fixtures/attendance/ are written for these tests; every
person in them is synthetic.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import yaml
from programme_files import deployed_programme, run
from sqlalchemy import inspect, text

from praxishub import attendance_store, db, people
from praxishub.attendance import AttendanceError, read_report
from praxishub.attendance_match import Account, Directory, match, summary
from praxishub.attendance_values import parse_duration, parse_time
from praxishub.errors import SettingsError
from praxishub.settings import parse_settings

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "attendance"
THRESHOLD = 67.5  # 75% of the 90 minutes of every pfa-crisis webinar

SETTINGS = """\
programme: {name: Attendance test}
cohorts:
  - {id: c1, name: Cohort one}
people:
  - {username: t.volkova, full_name: Татьяна Волкова, email: t.volkova@example.org, role: trainer}
  - {username: s.orlova, full_name: Светлана Орлова, email: s.orlova@example.org, role: supervisor}
  - {username: a.ivanova, full_name: Анна Иванова, email: a.ivanova@example.org, role: trainee, cohort: c1}
  - {username: y.sokolova, full_name: Юлия Соколова, email: y.sokolova@example.org, role: trainee, cohort: c1}
  - {username: s.kuznetsov, full_name: Sergei Kuznetsov, email: s.kuznetsov@example.org, role: trainee, cohort: c1}
  - {username: d.smirnov, full_name: Дмитрий Смирнов, email: d.smirnov@example.org, role: trainee, cohort: c1}
  - {username: n.morozova, full_name: Наталья Морозова, email: n.morozova@example.org, role: trainee, cohort: c1}
  - {username: e.popova, full_name: Елена Попова, email: e.popova@example.org, role: trainee, cohort: c1}
  - {username: e.popova2, full_name: Попова Елена, email: e.popova2@example.org, role: trainee, cohort: c1}
  - {username: a.sarsenova, full_name: Әлия Сәрсенова, email: a.sarsenova@example.org, role: trainee, cohort: c1}
  - {username: wang.fang, full_name: 王芳, email: wang.fang@example.org, role: trainee, cohort: c1}
  - {username: k.novak, full_name: Kateřina Nováková, email: k.novak@example.org, role: trainee, cohort: c1}
  - {username: i.petrov, full_name: Иван Петров, email: i.petrov@example.org, role: trainee, cohort: c1}
  - {username: o.lebedeva, full_name: Ольга Лебедева, email: o.lebedeva@example.org, role: trainee, cohort: c1}
courses:
  - {id: pfa-crisis, trainers: [t.volkova]}
"""


def accounts() -> list[Account]:
    settings = parse_settings(SETTINGS, Path("praxishub.yaml"))
    return [Account(p["username"], p["full_name"], p["email"]) for p in settings.people]


def result_of(name: str) -> dict:
    report = read_report(FIXTURES / name)
    return summary(match(report.rows, accounts()), THRESHOLD, report.format)


def by_name(result: dict) -> dict[str, dict]:
    return {p["name"]: p for p in result["participants"]}


def by_user(result: dict) -> dict[str, dict]:
    return {p["username"]: p for p in result["participants"] if p["username"]}


# --- Formats ------------------------------------------------------------------------


def test_zoom_participants_report():
    """Is a Zoom participants report (BOM, metadata, one row per join) summed per person,
    with a second device at the same time counted once?"""
    result = result_of("zoom_participants.csv")
    assert result["format"] == "zoom-participants"
    users = by_user(result)
    # 41.5 + 46.9 minutes; the tablet's 20 minutes lie inside the second stretch.
    assert users["a.ivanova"]["minutes"] == 88
    assert users["a.ivanova"]["present"] is True
    assert users["y.sokolova"]["minutes"] == 90  # "Julia Sokolova", no e-mail
    assert users["s.kuznetsov"]["minutes"] == 84  # "Кузнецов Сергей": 59 + 25
    assert users["n.morozova"] == {
        "name": "Наталья Морозова",
        "email": "n.morozova@example.org",
        "minutes": 41,
        "username": "n.morozova",
        "present": False,
    }
    unmatched = {p["name"] for p in result["participants"] if p["username"] is None}
    assert unmatched == {"Elena Popova", "Mikhail Orlov"}
    assert (result["matched"], result["unmatched"], result["present"]) == (5, 2, 6)


def test_zoom_participants_report_with_lowercase_headers(tmp_path):
    """Is Zoom's newer export (lowercase headers, no metadata block) recognised?"""
    path = tmp_path / "participants_81234567890.csv"
    path.write_bytes(
        "Name (original name),Email,Join time,Leave time,Duration (minutes),Guest,In waiting room\r\n"
        "Юлия Соколова,,02/10/2027 06:00:00 PM,02/10/2027 06:30:00 PM,30,Yes,No\r\n"
        "Юлия Соколова,,02/10/2027 06:31:00 PM,02/10/2027 07:31:00 PM,60,Yes,No\r\n".encode(
            "utf-8-sig"
        )
    )
    report = read_report(path)
    assert report.format == "zoom-participants"
    assert by_user(summary(match(report.rows, accounts()), THRESHOLD, report.format)) == {
        "y.sokolova": {
            "name": "Юлия Соколова",
            "email": "",
            "minutes": 90,
            "username": "y.sokolova",
            "present": True,
        }
    }


def test_zoom_webinar_report_with_russian_headers():
    """Is a Zoom webinar attendee report exported in Russian read: its host, panelist and
    attendee sections, first and last names, and a registrant who did not come?"""
    result = result_of("zoom_webinar_ru.csv")
    assert result["format"] == "zoom-webinar"
    users = by_user(result)
    assert users["a.ivanova"]["minutes"] == 89
    assert users["s.orlova"]["present"] is True
    assert users["a.sarsenova"]["minutes"] == 88  # "Aliya Sarsenova", a private e-mail
    assert users["wang.fang"]["minutes"] == 88  # "Wang Fang" is 王芳
    assert users["k.novak"]["present"] is False  # K.Novak@Example.org: e-mail in other case
    assert users["o.lebedeva"]["minutes"] == 0  # registered, did not attend
    assert [p["name"] for p in result["participants"] if p["username"] is None] == ["Елена Попова"]


def test_teams_report_totals_come_from_section_two():
    """Is a Teams report (UTF-16, tabs, three sections) read from '2. Participants', with
    the in-meeting duration rather than first join to last leave?"""
    result = result_of("teams_attendance.csv")
    assert result["format"] == "teams"
    users = by_user(result)
    assert users["a.ivanova"]["minutes"] == 80  # "Ivanova Anna (Guest)"; 91 from join to leave
    assert users["d.smirnov"] == {
        "name": "Smirnov Dmitry",
        "email": "D.Smirnov@EXAMPLE.org",
        "minutes": 58,
        "username": "d.smirnov",
        "present": False,
    }
    assert users["n.morozova"]["minutes"] == 75  # "Nataliya Morozova (External)"
    assert users["t.volkova"]["minutes"] == 97
    names = by_name(result)
    assert names["Гость 4417 (Guest)"]["username"] is None
    assert names["Попова Елена (Guest)"]["username"] is None  # two Elena Popovas
    assert (result["matched"], result["unmatched"]) == (5, 2)


def test_generic_cp1251_semicolon_csv():
    """Is a table saved by a Russian Excel (cp1251, ';', decimal comma) read, and a full
    name with a patronymic matched?"""
    result = result_of("generic_cp1251.csv")
    assert result["format"] == "csv"
    users = by_user(result)
    assert users["a.ivanova"]["name"] == "Иванова Анна Сергеевна"
    assert users["i.petrov"]["minutes"] == 70  # I.PETROV@EXAMPLE.ORG
    assert users["d.smirnov"]["present"] is False  # 67 of the 67.5 needed
    assert users["n.morozova"]["minutes"] == 91  # 90,5
    assert {p["name"] for p in result["participants"] if not p["username"]} == {
        "Попова Елена",
        "Гость",
    }


def test_generic_xlsx_with_join_and_leave_times(tmp_path):
    """Is an XLSX with join and leave times read, overlapping devices counted once?"""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Участник", "E-mail", "Вход", "Выход"])
    day = datetime(2027, 3, 3)
    sheet.append(["Sokolova Yulia", "", day.replace(hour=18), day.replace(hour=19)])
    sheet.append(
        ["Sokolova Yulia", "", day.replace(hour=18, minute=30), day.replace(hour=19, minute=30)]
    )
    sheet.append(
        [
            "Ольга Лебедева",
            "O.Lebedeva@example.org",
            day.replace(hour=18),
            day.replace(hour=18, minute=30),
        ]
    )
    path = tmp_path / "attendance.xlsx"
    book.save(path)
    result = summary(match(read_report(path).rows, accounts()), THRESHOLD, "xlsx")
    users = by_user(result)
    assert users["y.sokolova"]["minutes"] == 90  # not 120
    assert users["o.lebedeva"] == {
        "name": "Ольга Лебедева",
        "email": "O.Lebedeva@example.org",
        "minutes": 30,
        "username": "o.lebedeva",
        "present": False,
    }
    assert read_report(path).format == "xlsx"


# --- Matching -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "email", "username"),
    [
        ("Sokolova Iuliia", "", "y.sokolova"),  # passport transliteration, surname first
        ("Юлия Соколова", "", "y.sokolova"),
        ("Сергей Кузнецов", "", "s.kuznetsov"),  # Cyrillic to a Latin account
        ("KUZNETSOV SERGEY", "", "s.kuznetsov"),
        ("Natalia Morozova", "", "n.morozova"),
        ("Сәрсенова Әлия", "", "a.sarsenova"),
        ("Katerina Novakova", "", "k.novak"),
        ("Ivanova Anna Sergeevna", "", "a.ivanova"),  # with a patronymic
        ("Someone Else", "A.IVANOVA@example.org", "a.ivanova"),  # e-mail first
        ("Anya (Анна Иванова)", "", "a.ivanova"),  # Zoom's "New name (Original name)"
    ],
)
def test_names_match_across_scripts_and_orders(name, email, username):
    """Is a participant found by e-mail, or by name in either script and either order?"""
    assert Directory(accounts()).match(name, email)[0] == username


@pytest.mark.parametrize("name", ["Елена Попова", "Popova Elena", "Elena"])
def test_ambiguous_or_partial_names_are_not_guessed(name):
    """Does a name that fits two people (or only a first name) stay unmatched?"""
    username, why = Directory(accounts()).match(name, "")
    assert username is None
    if "Popova" in name or "Попова" in name:
        assert why == "ambiguous: e.popova, e.popova2"


def test_durations_and_times():
    """Are the duration and time forms of Zoom, Teams and Excel read?"""
    assert parse_duration("1h 2m 3s") == pytest.approx(62.05)
    assert parse_duration("58m 12s") == pytest.approx(58.2)
    assert parse_duration("1 ч 5 мин") == 65
    assert parse_duration("1:30:00") == 90
    assert parse_duration("90,5") == 90.5
    assert parse_duration("--") is None
    with pytest.raises(ValueError, match="полтора"):
        parse_duration("полтора часа")
    assert parse_time("7/22/26, 7:00:11\u202fPM") == datetime(2026, 7, 22, 19, 0, 11)
    assert parse_time("07/22/2026 07:00:11 pm") == datetime(2026, 7, 22, 19, 0, 11)
    assert parse_time("22.07.2026 19:00") == datetime(2026, 7, 22, 19, 0)
    assert parse_time("2026-07-22 19:00:11") == datetime(2026, 7, 22, 19, 0, 11)


# --- Broken files -------------------------------------------------------------------


def error_of(path: Path) -> str:
    with pytest.raises(AttendanceError) as info:
        read_report(path)
    return str(info.value)


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("empty.csv", 1, "is empty"),
        ("teams_without_participants.csv", 9, "without its section '2. Participants'"),
        ("unknown_columns.csv", 1, "no table of participants"),
        ("bad_duration.csv", 3, "'полтора часа' cannot be read"),
    ],
)
def test_broken_files_name_the_file_line_and_fix(name, line, words):
    """Does each broken report fail with the file, the line, what is wrong and the fix?"""
    message = error_of(FIXTURES / name)
    assert f"{FIXTURES / name}, line {line}" in message
    assert words in message
    assert "fix: " in message


def test_binary_junk_and_damaged_xlsx(tmp_path):
    """Is a file that is not text, or a damaged workbook, refused with the fix?"""
    junk = tmp_path / "report.csv"
    junk.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    message = error_of(junk)
    assert f"{junk}, line " in message
    assert "not a text report" in message
    assert "fix: export the report as CSV" in message
    broken = tmp_path / "report.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    assert "not a readable XLSX file" in error_of(broken)


def test_present_share_is_validated():
    """Is a share over 1 refused, naming the key?"""
    with pytest.raises(SettingsError) as info:
        parse_settings(SETTINGS + "attendance: {present_share: 75}\n", Path("praxishub.yaml"))
    assert "attendance.present_share" in str(info.value)


# --- Storage and the command --------------------------------------------------------


@pytest.fixture
def programme(tmp_path, monkeypatch, programme_url):
    """A programme with the pfa-crisis course deployed, its database on SQLite or PostgreSQL;
    not as root (no Unix users)."""
    settings = SETTINGS + f"database: {{url: '{programme_url}'}}\n"
    return deployed_programme(tmp_path, monkeypatch, settings)


def imp(programme: Path, fixture: str, webinar: str, *extra: str):
    return run(
        programme,
        "attendance",
        "import",
        str(FIXTURES / fixture),
        "--course",
        "pfa-crisis",
        "--webinar",
        webinar,
        *extra,
    )


def tables(programme: Path) -> dict[str, list[tuple]]:
    """Every stored attendance row, from whichever engine the programme uses."""
    url = yaml.safe_load(programme.read_text("utf-8"))["database"]["url"]
    engine = db.make_engine(url)
    try:
        names = ("attendance_imports", "attendance", "attendance_unmatched")
        if not set(names) <= set(inspect(engine).get_table_names()):
            return {}
        with engine.connect() as conn:
            return {
                t: [tuple(r) for r in conn.execute(text(f"select * from {t} order by 1, 2, 3"))]  # noqa: S608
                for t in names
            }
    finally:
        engine.dispose()


def test_dry_run_json_prints_one_object_and_writes_nothing(programme):
    """Does --dry-run --json print exactly the JSON object and change nothing?"""
    result = imp(programme, "zoom_participants.csv", "w01-pfa-principles", "--dry-run", "--json")
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert list(out) == ["format", "participants", "matched", "unmatched", "present"]
    assert out == result_of("zoom_participants.csv")
    assert all(
        list(p) == ["name", "email", "minutes", "username", "present"] for p in out["participants"]
    )
    assert all(rows == [] for rows in tables(programme).values())


def test_import_then_reimport_changes_nothing(programme):
    """Is a report stored once, and does importing the same file again change nothing?"""
    first = imp(programme, "zoom_participants.csv", "w01-pfa-principles")
    assert first.exit_code == 0, first.output
    assert "5 created, 0 updated, 0 unchanged" in first.stdout
    assert "praxishub attendance resolve --course pfa-crisis" in first.stdout
    stored = tables(programme)
    attendance = {row[2]: row for row in stored["attendance"]}
    assert attendance["a.ivanova"][3:6] == (88, 1, "email")
    assert attendance["n.morozova"][4] == 0  # not present
    assert {row[4] for row in stored["attendance_unmatched"]} == {"Elena Popova", "Mikhail Orlov"}
    again = imp(programme, "zoom_participants.csv", "w01-pfa-principles", "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["matched"] == 5
    assert tables(programme) == stored
    assert "nothing changed" in imp(programme, "zoom_participants.csv", "w01-pfa-principles").stdout


def test_same_file_for_another_webinar_is_refused(programme):
    """Is a report already imported for one webinar refused for another?"""
    assert imp(programme, "teams_attendance.csv", "w03-suicide-risk").exit_code == 0
    stored = tables(programme)
    wrong = imp(programme, "teams_attendance.csv", "w04-grief-loss")
    assert wrong.exit_code == 2
    assert "imported for pfa-crisis --webinar w03-suicide-risk" in wrong.stderr
    assert "fix: check --course and --webinar" in wrong.stderr
    assert tables(programme) == stored


def test_unmatched_are_listed_and_resolved(programme):
    """Are unmatched participants listed with the fix, and does resolving one count them?"""
    assert imp(programme, "generic_cp1251.csv", "w04-grief-loss").exit_code == 0
    listing = run(
        programme,
        "attendance",
        "unmatched",
        "--course",
        "pfa-crisis",
        "--webinar",
        "w04-grief-loss",
    )
    assert listing.exit_code == 0
    assert "2 participant(s) to resolve" in listing.stdout
    assert "- Попова Елена: 80 min, lines 5 (ambiguous: e.popova, e.popova2)" in listing.stdout
    assert (
        "fix: praxishub attendance resolve --course pfa-crisis --webinar w04-grief-loss --name 'Попова Елена' --username USERNAME"
        in listing.stdout
    )
    resolved = run(
        programme,
        "attendance",
        "resolve",
        "--course",
        "pfa-crisis",
        "--webinar",
        "w04-grief-loss",
        "--name",
        "попова елена",
        "--username",
        "e.popova2",
    )
    assert resolved.exit_code == 0, resolved.output
    assert "80 min in pfa-crisis w04-grief-loss, present" in resolved.stdout
    left = run(
        programme,
        "attendance",
        "unmatched",
        "--course",
        "pfa-crisis",
        "--webinar",
        "w04-grief-loss",
        "--json",
    )
    assert [r["name"] for r in json.loads(left.stdout)] == ["Гость"]
    unknown = run(
        programme,
        "attendance",
        "resolve",
        "--course",
        "pfa-crisis",
        "--webinar",
        "w04-grief-loss",
        "--name",
        "Nobody",
        "--username",
        "e.popova",
    )
    assert unknown.exit_code == 2
    assert "use a name as listed: Гость" in unknown.stderr


def test_resolving_merges_overlapping_time(tmp_path, programme_engine):
    """Does time resolved to a person who was matched in the same report merge with it
    instead of being added twice?"""
    engine = programme_engine
    settings = parse_settings(SETTINGS, tmp_path / "praxishub.yaml")
    report = tmp_path / "report.csv"
    report.write_text(
        "Name,Email,Join time,Leave time\n"
        "Анна Иванова,a.ivanova@example.org,2027-02-24 18:00,2027-02-24 19:00\n"
        "iPad,,2027-02-24 18:30,2027-02-24 19:20\n",
        "utf-8",
    )
    with db.session_scope(engine) as session:
        people.sync_settings(session, settings.values)
        attendance_store.import_report(
            session, "pfa-crisis", "w04-grief-loss", read_report(report), THRESHOLD
        )
    with db.session_scope(engine) as session:
        row = attendance_store.resolve(session, "pfa-crisis", "w04-grief-loss", "iPad", "a.ivanova")
        assert (row.minutes, row.present, row.matched_by) == (80, True, "resolved")  # not 110
    engine.dispose()


def test_bad_input_exits_2_and_names_the_fix(programme):
    """Do an unknown webinar and a broken file exit 2 with the fix, changing nothing?"""
    wrong = imp(programme, "zoom_participants.csv", "w99")
    assert wrong.exit_code == 2
    assert "use one of: w01-pfa-principles" in wrong.stderr
    broken = imp(programme, "unknown_columns.csv", "w01-pfa-principles")
    assert broken.exit_code == 2
    assert f"{FIXTURES / 'unknown_columns.csv'}, line 1" in broken.stderr
    assert all(rows == [] for rows in tables(programme).values())


def test_present_share_from_settings(programme):
    """Does attendance.present_share move the threshold?"""
    programme.write_text(SETTINGS + "attendance: {present_share: 0.5}\n", "utf-8")
    out = json.loads(
        imp(programme, "teams_attendance.csv", "w03-suicide-risk", "--dry-run", "--json").stdout
    )
    assert by_user(out)["d.smirnov"]["present"] is True  # 58 of 45 minutes


def test_every_unreadable_line_is_listed(tmp_path):
    """Are all bad lines of a file listed at once, a line with a name only among them?"""
    path = tmp_path / "report.csv"
    path.write_text(
        "Name,Join time,Leave time,Minutes\n"
        "Анна Иванова,вчера вечером,2027-02-03 19:00,\n"
        "Иван Петров,2027-02-03 18:00,2027-02-03 19:00,60\n"
        "Ольга Лебедева,,,\n"
        "Юлия Соколова,2027-02-03 19:00,2027-02-03 18:00,\n",
        "utf-8",
    )
    message = error_of(path)
    assert f"{path} has 3 line(s) that cannot be read." in message
    assert f"{path}, line 2: time 'вчера вечером' cannot be read" in message
    assert f"{path}, line 4: Ольга Лебедева: no duration and no join and leave time" in message
    assert f"{path}, line 5: left at" in message


def test_a_newer_report_of_the_webinar_updates_it(programme):
    """Does a newer report of a webinar update its people and replace its unresolved list?"""
    assert imp(programme, "zoom_participants.csv", "w04-grief-loss").exit_code == 0
    newer = imp(programme, "generic_cp1251.csv", "w04-grief-loss")
    assert newer.exit_code == 0, newer.output
    assert "2 created, 2 updated, 0 unchanged" in newer.stdout  # i.petrov, d.smirnov new
    stored = tables(programme)
    assert {row[2]: row[3] for row in stored["attendance"]}["a.ivanova"] == 85
    assert {row[4] for row in stored["attendance_unmatched"]} == {"Попова Елена", "Гость"}
