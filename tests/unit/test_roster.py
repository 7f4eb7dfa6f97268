"""Does the roster parser read what coordinators really export, and reject bad rows precisely?"""

from __future__ import annotations

import openpyxl
import pytest

from praxishub.errors import RosterError
from praxishub.roster import parse_roster_text, read_roster

HEADER = "username,full_name,email,role,cohort,supervisor"


def rows_of(text: str):
    return parse_roster_text(text, "r.csv")


def test_utf16_tab_separated_is_read(tmp_path):
    """Is a UTF-16, tab-separated file (as Excel's 'Unicode text') read?"""
    path = tmp_path / "r.csv"
    path.write_bytes(
        (
            HEADER.replace(",", "\t") + "\nk.novak\tKateřina Nováková\tk@example.org\ttrainee\t\t\n"
        ).encode("utf-16")
    )
    rows, problems = read_roster(path)
    assert problems == []
    assert rows[0].full_name == "Kateřina Nováková"
    assert rows[0].cohort is None and rows[0].supervisor is None


def test_header_case_order_and_extra_columns(tmp_path):
    """Are headers matched whatever their case and order, with extra columns ignored?"""
    rows, problems = rows_of(
        "Email;ROLE;Username;Full_Name;Cohort;Supervisor;Phone\n"
        "a@example.org;trainee;a.sarsenova;Әлия Сәрсенова;c1;s.orlova;000\n"
    )
    assert problems == []
    assert (rows[0].username, rows[0].full_name, rows[0].supervisor) == (
        "a.sarsenova",
        "Әлия Сәрсенова",
        "s.orlova",
    )


def test_each_bad_field_is_named_with_its_line_and_fix():
    """Does each bad row give one problem naming its line, the field, the value and the fix?"""
    rows, problems = rows_of(
        HEADER
        + "\nA.Ivanova,Анна Иванова,a@example.org,trainee,,"
        + "\nb.petrov,,b@example.org,trainee,,"
        + "\nc.kim,Chloe Kim,c.kim(at)example.org,trainee,,"
        + "\nd.lee,Dana Lee,d@example.org,ученик,,"
        + "\ne.wu,吴恩,e@example.org,trainee,,e.wu"
        + "\n"
    )
    assert rows == []
    by_line = {p.where: p for p in problems}
    assert "write it in lowercase: a.ivanova" in by_line["r.csv, line 2"].fix
    assert "full_name is empty" in by_line["r.csv, line 3"].message
    assert "'c.kim(at)example.org' is not an e-mail" in by_line["r.csv, line 4"].message
    assert "role 'ученик' is unknown" in by_line["r.csv, line 5"].message
    assert "trainee, supervisor, trainer, coordinator" in by_line["r.csv, line 5"].fix
    assert "cannot supervise themselves" in by_line["r.csv, line 6"].message


def test_duplicates_name_the_first_line_and_blank_lines_are_skipped():
    """Is a second row for the same username or e-mail refused, naming the first line?"""
    rows, problems = rows_of(
        HEADER
        + "\na.ivanova,Анна Иванова,a@example.org,trainee,,"
        + "\n\n"
        + "\na.ivanova,Анна Иванова,x@example.org,trainee,,"
        + "\nb.ivanova,Белла Иванова,A@example.org,trainee,,"
        + "\n"
    )
    assert [r.username for r in rows] == ["a.ivanova"]
    assert [p.where for p in problems] == ["r.csv, line 5", "r.csv, line 6"]
    assert "already on line 2" in problems[0].message
    assert "already on line 2" in problems[1].message


def test_missing_columns_is_a_file_error():
    """Does a file without the roster columns fail as a whole, naming what is missing?"""
    with pytest.raises(RosterError) as info:
        rows_of("name,mail\nAnna,a@example.org\n")
    text = str(info.value)
    assert "username" in text and "r.csv, line 1" in text
    assert HEADER in text


def test_xlsx_with_numbers_and_empty_cells(tmp_path):
    """Are XLSX cells read as text, with empty cells as nothing?"""
    book = openpyxl.Workbook()
    book.active.append(HEADER.split(","))
    book.active.append(["wang.fang", "王芳", "w@example.org", "trainee", 2026, None])
    book.save(tmp_path / "r.xlsx")
    rows, problems = read_roster(tmp_path / "r.xlsx")
    assert problems == []
    assert (rows[0].full_name, rows[0].cohort, rows[0].supervisor, rows[0].line) == (
        "王芳",
        "2026",
        None,
        2,
    )


def test_a_csv_named_xlsx_and_an_xlsx_named_csv(tmp_path):
    """Do a text file named .xlsx and a spreadsheet named .csv give errors with the fix?"""
    fake = tmp_path / "r.xlsx"
    fake.write_text(HEADER + "\n", "utf-8")
    with pytest.raises(RosterError, match="not a readable XLSX") as info:
        read_roster(fake)
    assert "save it again as .xlsx or .csv" in str(info.value)
    book = openpyxl.Workbook()
    book.save(tmp_path / "book.xlsx")
    (tmp_path / "book.csv").write_bytes((tmp_path / "book.xlsx").read_bytes())
    with pytest.raises(RosterError, match=r"rename it to \.xlsx"):
        read_roster(tmp_path / "book.csv")


def test_cp1251_is_decoded(tmp_path):
    """Is a cp1251 file (a Russian Excel's CSV) decoded to the right Cyrillic?"""
    path = tmp_path / "r.csv"
    path.write_bytes(
        (HEADER.replace(",", ";") + "\nm.ptitsyna;Мария Птицына;m@example.org;trainee;;\n").encode(
            "cp1251"
        )
    )
    rows, problems = read_roster(path)
    assert problems == [] and rows[0].full_name == "Мария Птицына"
