"""Does the roster parser read what coordinators really export, and reject bad rows precisely?"""

from __future__ import annotations

import zipfile

import openpyxl
import pytest

from praxishub.errors import RosterError
from praxishub.roster import (
    COLUMNS,
    ROLES,
    USERNAME_PATTERN,
    RosterRow,
    decode_roster_bytes,
    parse_roster_text,
    read_roster,
)

HEADER = "username,full_name,email,role,cohort,supervisor"
PEOPLE = [
    (
        "a.sarsenova",
        "Әлия Сәрсенова",
        "a.sarsenova@example.org",
        "trainee",
        "2026-spring",
        "k.dvorakova",
    ),
    ("wang.fang", "王芳", "wang.fang@example.org", "trainee", "", "k.dvorakova"),
    ("k.dvorakova", "Kateřina Dvořáková", "k.dvorakova@example.org", "supervisor", "", ""),
    ("m.ptitsyna", "Мария Птицына", "M.Ptitsyna@example.org", "coordinator", "", ""),
]


def csv_text(delimiter: str = ",", people=PEOPLE) -> str:
    lines = [HEADER.replace(",", delimiter)]
    lines += [delimiter.join(person) for person in people]
    return "\r\n".join(lines) + "\r\n"


def rows_of(text: str):
    return parse_roster_text(text, "r.csv")


def expected_rows(people=PEOPLE) -> list[RosterRow]:
    return [
        RosterRow(n, u, f, e, r, c or None, s or None)
        for n, (u, f, e, r, c, s) in enumerate(people, start=2)
    ]


def one_problem(body: str):
    """The single problem a header plus ``body`` produces, with no valid rows."""
    rows, problems = rows_of(HEADER + "\n" + body + "\n")
    assert rows == []
    assert len(problems) == 1
    return problems[0]


def test_interface_constants_are_as_agreed():
    """Are the roles, columns and username rule the ones other modules rely on?"""
    assert ROLES == ("trainee", "supervisor", "trainer", "coordinator")
    assert COLUMNS == ("username", "full_name", "email", "role", "cohort", "supervisor")
    assert USERNAME_PATTERN == r"^[a-z][a-z0-9.-]{0,28}$"


def test_utf8_csv_keeps_names_in_every_script(tmp_path):
    """Are Kazakh, Chinese, Czech and Russian names in a UTF-8 file kept exactly?"""
    path = tmp_path / "r.csv"
    path.write_bytes(csv_text().encode("utf-8"))
    rows, problems = read_roster(path)
    assert problems == []
    assert rows == expected_rows()
    assert [r.full_name for r in rows] == [
        "Әлия Сәрсенова",
        "王芳",
        "Kateřina Dvořáková",
        "Мария Птицына",
    ]


def test_utf8_with_bom_is_read_the_same(tmp_path):
    """Is a UTF-8 file with a BOM (Excel's 'CSV UTF-8') read the same, header included?"""
    path = tmp_path / "r.csv"
    path.write_bytes(csv_text().encode("utf-8-sig"))
    assert read_roster(path) == (expected_rows(), [])


def test_cp1251_with_semicolons_is_read_the_same_as_utf8(tmp_path):
    """Is a cp1251 file with ';' (a Russian Excel's CSV) read the same as UTF-8?"""
    cyrillic = [p for p in PEOPLE if p[0] == "m.ptitsyna"] + [
        ("i.orlov", "Игорь Орлов", "i.orlov@example.org", "trainer", "Группа 1", "")
    ]
    path = tmp_path / "r.csv"
    path.write_bytes(csv_text(";", cyrillic).encode("cp1251"))
    rows, problems = read_roster(path)
    assert problems == []
    assert rows == expected_rows(cyrillic)
    assert rows[1].cohort == "Группа 1"


def test_utf16_tab_separated_is_read(tmp_path):
    """Is a UTF-16 tab-separated file (Excel's 'Unicode text') read, in either byte order?"""
    for encoding, bom in (("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")):
        path = tmp_path / f"r-{encoding}.txt"
        path.write_bytes(bom + csv_text("\t").encode(encoding))
        assert read_roster(path) == (expected_rows(), []), encoding


def test_decode_rejects_bytes_no_encoding_explains():
    """Does a byte that is neither UTF-8 nor cp1251 give a file error with the fix?"""
    with pytest.raises(RosterError, match="unknown encoding") as info:
        decode_roster_bytes(b"username\x98", "r.csv")
    assert "save it as CSV UTF-8" in str(info.value)


def test_xlsx_with_numbers_blank_rows_and_empty_cells(tmp_path):
    """Are XLSX cells read as text, empty cells as None, and lines as sheet row numbers?"""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER.split(","))
    sheet.append(["wang.fang", " 王芳 ", "w@example.org", "trainee", 2026, None])
    sheet.append([None] * 6)
    sheet.append(["k.dvorakova", "Kateřina Dvořáková", "k@example.org", "supervisor", 12.0, None])
    book.create_sheet("ignored").append(["not", "a", "roster"])
    book.save(tmp_path / "r.xlsx")
    rows, problems = read_roster(tmp_path / "r.xlsx")
    assert problems == []
    assert rows == [
        RosterRow(2, "wang.fang", "王芳", "w@example.org", "trainee", "2026", None),
        RosterRow(
            4, "k.dvorakova", "Kateřina Dvořáková", "k@example.org", "supervisor", "12", None
        ),
    ]


def test_xlsx_row_problems_name_the_sheet_row(tmp_path):
    """Does a bad XLSX row report its sheet row number?"""
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(","))
    book.active.append([None] * 6)
    book.active.append(["b.novak", "Bohdan Novák", "b@example.org", "student", None, None])
    path = tmp_path / "r.xlsx"
    book.save(path)
    rows, problems = read_roster(path)
    assert rows == []
    assert [p.where for p in problems] == [f"{path}, line 3"]


def test_header_case_order_and_extra_columns():
    """Are headers matched whatever their case, order and padding, with extra columns ignored?"""
    rows, problems = rows_of(
        " Email ;ROLE;Username;Full_Name;Phone;Cohort;SUPERVISOR\n"
        "a@example.org;trainee;a.sarsenova;Әлия Сәрсенова;+7 000;c1;s.orlova\n"
    )
    assert problems == []
    assert rows == [
        RosterRow(2, "a.sarsenova", "Әлия Сәрсенова", "a@example.org", "trainee", "c1", "s.orlova")
    ]


def test_names_are_nfc_normalised_not_altered():
    """Is a decomposed Czech name kept as the same text (NFC), not stripped of accents?"""
    decomposed = "Kater\u030cina Dvor\u030ca\u0301kova\u0301"
    rows, _ = rows_of(f"{HEADER}\nk.dvorakova,{decomposed},k@example.org,supervisor,,\n")
    assert rows[0].full_name == "Kateřina Dvořáková"


@pytest.mark.parametrize(
    ("body", "in_message", "in_fix"),
    [
        (
            "A.Ivanova,Анна Иванова,a@example.org,trainee,,",
            "username 'A.Ivanova'",
            "write it in lowercase: a.ivanova",
        ),
        (
            "1anna,Анна Иванова,a@example.org,trainee,,",
            "username '1anna'",
            "starting with a letter",
        ),
        ("анна,Анна Иванова,a@example.org,trainee,,", "username 'анна'", "lowercase latin letters"),
        (
            "a" * 30 + ",Анна Иванова,a@example.org,trainee,,",
            "username '" + "a" * 30 + "'",
            "at most 29",
        ),
        (",Анна Иванова,a@example.org,trainee,,", "username ''", "lowercase latin letters"),
        ("b.petrov,,b@example.org,trainee,,", "full_name is empty", "full name"),
        (
            "c.kim,Chloe Kim,c.kim(at)example.org,trainee,,",
            "email 'c.kim(at)example.org'",
            "name@domain",
        ),
        ("c.kim,Chloe Kim,c@kim@example.org,trainee,,", "email 'c@kim@example.org'", "name@domain"),
        ("c.kim,Chloe Kim,c kim@example.org,trainee,,", "email 'c kim@example.org'", "name@domain"),
        ("c.kim,Chloe Kim,c.kim@localhost,trainee,,", "email 'c.kim@localhost'", "name@domain"),
        (
            "d.lee,Dana Lee,d@example.org,ученик,,",
            "role 'ученик' is unknown",
            "trainee, supervisor, trainer, coordinator",
        ),
        (
            "d.lee,Dana Lee,d@example.org,Trainee,,",
            "role 'Trainee' is unknown",
            "use one of: trainee",
        ),
        ("d.lee,Dana Lee,d@example.org,,,", "role '' is unknown", "use one of:"),
        (
            "e.wu,吴恩,e@example.org,trainee,,E.Zhou",
            "supervisor 'E.Zhou'",
            "write it in lowercase: e.zhou",
        ),
        (
            "e.wu,吴恩,e@example.org,trainee,,e zhou",
            "supervisor 'e zhou'",
            "lowercase latin letters",
        ),
        (
            "e.wu,吴恩,e@example.org,trainee,,e.wu",
            "supervisor 'e.wu' is the person themselves",
            "someone else",
        ),
    ],
)
def test_each_bad_field_is_named_with_line_value_and_fix(body, in_message, in_fix):
    """Does each bad field give one problem on line 2 naming the field, the value and the fix?"""
    problem = one_problem(body)
    assert problem.where == "r.csv, line 2"
    assert in_message in problem.message
    assert in_fix in problem.fix


def test_several_errors_in_one_row_are_one_problem():
    """Do several bad fields in one row give a single problem that names them all?"""
    problem = one_problem("Bad User,,nope,boss,,")
    for field in ("username", "full_name", "email", "role"):
        assert field in problem.message


def test_bad_rows_do_not_hide_good_ones():
    """Are good rows kept, in order with their lines, while bad rows each give one problem?"""
    rows, problems = rows_of(
        HEADER
        + "\na.one,Anna One,a1@example.org,trainee,,"
        + "\nB.two,Ben Two,b2@example.org,trainee,,"
        + "\nc.three,Cleo Three,c3@example.org,trainer,c1,a.one"
        + "\nd.four,Dora Four,d4@example.org,admin,,"
        + "\n"
    )
    assert [(r.line, r.username) for r in rows] == [(2, "a.one"), (4, "c.three")]
    assert [p.where for p in problems] == ["r.csv, line 3", "r.csv, line 5"]


def test_duplicates_name_the_first_line_and_blank_lines_are_skipped():
    """Is a second row for the same username or e-mail (any case) refused, naming the first line?"""
    rows, problems = rows_of(
        HEADER
        + "\na.ivanova,Анна Иванова,a@example.org,trainee,,"
        + "\n"
        + "\n , , , , , "
        + "\na.ivanova,Анна Иванова,x@example.org,trainee,,"
        + "\nb.ivanova,Белла Иванова,A@Example.org,trainee,,"
        + "\n"
    )
    assert [r.username for r in rows] == ["a.ivanova"]
    assert [p.where for p in problems] == ["r.csv, line 5", "r.csv, line 6"]
    assert "username 'a.ivanova' already on line 2" in problems[0].message
    assert "email 'A@Example.org' already on line 2" in problems[1].message


def test_a_rejected_row_does_not_claim_its_username():
    """After a rejected row, is a later valid row with the same username accepted?"""
    rows, problems = rows_of(
        HEADER
        + "\na.ivanova,,a@example.org,trainee,,"
        + "\na.ivanova,Анна Иванова,a@example.org,trainee,,"
        + "\n"
    )
    assert [r.line for r in rows] == [3]
    assert [p.where for p in problems] == ["r.csv, line 2"]


def test_quoted_cells_and_multiline_cells_keep_line_numbers():
    """Are quoted commas kept, and does a cell spanning two lines not shift later line numbers?"""
    rows, problems = rows_of(
        HEADER
        + '\na.one,"One, Anna",a1@example.org,trainee,"c1\nc2",'
        + "\nb.two,Ben Two,b2@example.org,nobody,,"
        + "\n"
    )
    assert rows[0].full_name == "One, Anna"
    assert rows[0].cohort == "c1\nc2"
    assert [p.where for p in problems] == ["r.csv, line 4"]


def test_blank_lines_before_the_header_are_skipped():
    """Is a file that starts with blank lines still read, with real line numbers?"""
    rows, problems = rows_of("\n\n" + csv_text(";"))
    assert problems == []
    assert [r.line for r in rows] == [4, 5, 6, 7]


def test_missing_columns_is_a_file_error():
    """Does a file without all roster columns fail as a whole, naming what is missing?"""
    with pytest.raises(RosterError) as info:
        rows_of("username,full_name,email,role\nanna,Anna,a@example.org,trainee\n")
    error = info.value
    assert "cohort, supervisor" in error.summary
    assert [p.where for p in error.problems] == ["r.csv, line 1"]
    assert error.problems[0].fix.endswith(HEADER)


def test_empty_file_is_a_file_error(tmp_path):
    """Does an empty file fail with the header it should have?"""
    path = tmp_path / "r.csv"
    path.write_bytes(b"\xef\xbb\xbf\r\n\r\n")
    with pytest.raises(RosterError, match="is empty") as info:
        read_roster(path)
    assert HEADER in str(info.value)


def test_missing_file_is_a_file_error(tmp_path):
    """Does a path that does not exist fail with its name, not a traceback?"""
    path = tmp_path / "nowhere.csv"
    with pytest.raises(RosterError, match="does not exist") as info:
        read_roster(path)
    assert str(path) in str(info.value)


def test_a_folder_is_a_file_error(tmp_path):
    """Does naming a folder instead of a file fail clearly?"""
    with pytest.raises(RosterError, match="is a folder"):
        read_roster(tmp_path)


def test_a_text_file_named_xlsx_is_refused_with_the_fix(tmp_path):
    """Does a CSV saved under an .xlsx name give a file error naming it and the fix?"""
    fake = tmp_path / "r.xlsx"
    fake.write_text(HEADER + "\n", "utf-8")
    with pytest.raises(RosterError, match="not a readable XLSX") as info:
        read_roster(fake)
    assert str(fake) in str(info.value)
    assert "save it again as .xlsx or .csv" in str(info.value)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    """Does a zip archive named .xlsx (but not a workbook) give the same file error?"""
    fake = tmp_path / "r.xlsx"
    with zipfile.ZipFile(fake, "w") as archive:
        archive.writestr("notes.txt", "hello")
    with pytest.raises(RosterError, match="not a readable XLSX") as info:
        read_roster(fake)
    assert "save it again as .xlsx or .csv" in str(info.value)


def test_a_spreadsheet_named_csv_is_refused(tmp_path):
    """Does an XLSX saved under a .csv name fail with 'rename it', not with garbage rows?"""
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(","))
    book.save(tmp_path / "book.xlsx")
    (tmp_path / "book.csv").write_bytes((tmp_path / "book.xlsx").read_bytes())
    with pytest.raises(RosterError, match=r"rename it to \.xlsx"):
        read_roster(tmp_path / "book.csv")


def test_an_old_xls_file_is_refused(tmp_path):
    """Does an old binary .xls file fail with the advice to save it again?"""
    path = tmp_path / "r.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)
    with pytest.raises(RosterError, match=r"\.xls") as info:
        read_roster(path)
    assert "save it again as .xlsx or .csv" in str(info.value)
