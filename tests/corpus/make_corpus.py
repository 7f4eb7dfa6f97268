"""Write the corpus files that cannot be typed as plain UTF-8 text.

Run once from the repository root (``.venv/bin/python tests/corpus/make_corpus.py``)
and commit what it writes: spreadsheets (whole, cut in half, with formulas, with an
instructions sheet first), text in cp1251 or UTF-16, NUL bytes, a line too long for
CSV. Every person in them is synthetic.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
ROSTER_HEADER = ["username", "full_name", "email", "role", "cohort", "supervisor"]
ROSTER_ROW = [
    "e.zhumabaev",
    "Ерлан Жумабаев",
    "e.zhumabaev@example.org",
    "trainee",
    "c1",
    "s.orlova",
]
ROSTER_CSV = ",".join(ROSTER_HEADER) + "\n" + ",".join(ROSTER_ROW) + "\n"


def xlsx(sheets: dict[str, list[list[object]]], merge: dict[str, str] | None = None) -> bytes:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
        if merge and title in merge:
            sheet.merge_cells(merge[title])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write(relative: str, data: bytes) -> None:
    (HERE / relative).write_bytes(data)


def roster() -> None:
    write("roster/utf16le_without_bom.csv", ROSTER_CSV.encode("utf-16-le"))
    write("roster/nul_bytes.csv", ROSTER_CSV.replace("Ерлан", "Ер\x00\x00лан").encode())
    whole = xlsx({"Roster": [ROSTER_HEADER, ROSTER_ROW]})
    write("roster/truncated.xlsx", whole[: len(whole) // 2])
    write("roster/csv_renamed.xlsx", ROSTER_CSV.encode())
    write("roster/xlsx_renamed.csv", whole)
    write("roster/old_excel.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    title = ["Список группы (заполните лист Roster)", None, None, None, None, None]
    write(
        "roster/instructions_sheet_first.xlsx",
        xlsx(
            {
                "Инструкция": [title, [], ["Один человек в строке; роли: trainee, supervisor"]],
                "Roster": [ROSTER_HEADER, ROSTER_ROW],
            },
            merge={"Инструкция": "A1:F1"},
        ),
    )
    formula = ["a.seitkali", "Айгерим Сейткали", '=LOWER(A2)&"@example.org"', "trainee", "c1", ""]
    write("roster/formula_email.xlsx", xlsx({"Roster": [ROSTER_HEADER, formula]}))
    huge = ROSTER_ROW.copy()
    huge[1] = "Ерлан " + "Ж" * 140_000
    write("roster/huge_line.csv", (",".join(ROSTER_HEADER) + "\n" + ",".join(huge) + "\n").encode())


ATTENDANCE_HEADER = ["Name", "Email", "Join time", "Leave time", "Duration (minutes)"]


def attendance() -> None:
    teams = "1. Summary\nMeeting title\tВебинар 1\n2. Participants\nName\tFirst Join\tLast Leave\tIn-Meeting Duration\tEmail\n"
    data = teams.encode("utf-16")
    write("attendance/utf16_cut_mid_character.csv", data[:-1])
    row = "Анна Иванова,a.ivanova@example.org,2027-02-03 18:00,2027-02-03 19:30,90\n"
    text = ",".join(ATTENDANCE_HEADER) + "\n" + row
    write("attendance/nul_bytes.csv", text.encode().replace(b"19:30", b"19:30\x00\x00\x00"))
    whole = xlsx({"Attendance": [ATTENDANCE_HEADER, row.strip().split(",")]})
    write("attendance/truncated.xlsx", whole[: len(whole) // 2])
    write(
        "attendance/formula_duration.xlsx",
        xlsx(
            {
                "Attendance": [
                    ["Name", "Email", "Duration (minutes)"],
                    ["Анна Иванова", "a.ivanova@example.org", "=ROUND(5400/60,0)"],
                ]
            }
        ),
    )
    write(
        "attendance/summary_sheet_first.xlsx",
        xlsx(
            {
                "Summary": [["Meeting ID", "Topic"], ["812 3456 7890", "Вебинар 1"]],
                "Participants": [ATTENDANCE_HEADER, row.strip().split(",")],
            }
        ),
    )


def other() -> None:
    settings = "programme:\n  name: Курс кризисного консультирования\ncohorts: []\n"
    write("settings/cp1251.yaml", settings.encode("cp1251"))
    write("settings/utf16.yaml", settings.encode("utf-16"))
    write("settings/nul_bytes.yaml", settings.replace("Курс", "Курс\x00").encode())
    course = (HERE.parents[1] / "courses" / "pfa-crisis" / "course.yaml").read_text("utf-8")
    write("courses/cp1251.course.yaml", course.encode("cp1251", errors="replace"))
    notebook = {
        "cells": [{"cell_type": "markdown", "id": "a1", "metadata": {}, "source": "Ответ"}],
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    write("notebooks/utf16.ipynb", json.dumps(notebook, ensure_ascii=False).encode("utf-16"))
    case = "# Случай\n\n## Запрос\n\nОбратилась мама ученицы 7 класса.\n"
    write("cases/raw_cp1251.md", case.encode("cp1251"))


if __name__ == "__main__":
    roster()
    attendance()
    other()
