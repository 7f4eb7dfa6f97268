"""Every table of a dashboard as CSV or XLSX."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from praxishub.dashboard_exports import ExportError, export, tables

DATA = {
    "choices": {"cohorts": [{"cohort": "c1", "name": "C1"}]},
    "trainees": 3,
    "attendance": [
        {"webinar": "w01", "title": {"ru": "Введение", "en": "Introduction"}, "present": 2},
        {"webinar": "w02", "title": {"ru": "Кризис", "en": "Crisis"}, "present": 1},
    ],
    "funnel": [{"step": "enrolled", "count": 3}],
    "supervision": {"months": [{"month": "2026-10", "hours": 4.5}], "total": 4.5},
}


def test_every_list_of_records_is_a_table_and_menus_are_not():
    got = {t.key: t for t in tables(DATA, "ru")}
    assert set(got) == {"attendance", "funnel", "supervision_months"}
    assert got["attendance"].values()[0] == ["w01", "Введение", 2]


def test_csv_is_one_named_table_with_bom_and_xlsx_has_a_sheet_each():
    name, body = export(DATA, "overview", "csv", "attendance", "en")
    assert name == "overview-attendance.csv" and body.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    assert rows == [
        ["webinar", "title", "present"],
        ["w01", "Introduction", "2"],
        ["w02", "Crisis", "1"],
    ]
    name, body = export(DATA, "overview", "xlsx", None, "ru")
    book = load_workbook(io.BytesIO(body))
    assert book.sheetnames == ["attendance", "funnel", "supervision_months", "about"]
    assert [c.value for c in book["attendance"][2]] == ["w01", "Введение", 2]


@pytest.mark.parametrize(
    ("fmt", "table", "field"),
    [("pdf", None, "format"), ("csv", None, "table"), ("csv", "nope", "table")],
)
def test_a_bad_request_names_the_field_and_the_fix(fmt, table, field):
    with pytest.raises(ExportError) as err:
        export(DATA, "overview", fmt, table)
    assert err.value.problems[0].where == field
    assert err.value.problems[0].fix
