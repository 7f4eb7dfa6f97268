"""Every table of a dashboard as CSV or XLSX, from the same aggregate the dashboard draws.

Rule: a table is any list of records in the aggregate (``attendance``, ``funnel``,
``supervision.months`` ...), found by walking it, so a table added to a dashboard is
exported with no change here. Nested records are flattened (``title.en`` → the title in
the language asked). CSV is one table (UTF-8 with BOM, for Excel); XLSX has a sheet each.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from praxishub.certificates import localised
from praxishub.errors import PraxisError, Problem
from praxishub.report_files import csv_bytes
from praxishub.reports import Table

FORMATS = ("csv", "xlsx")
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class ExportError(PraxisError):
    """An export cannot be made as asked."""


def _cell(value: Any, lang: str) -> Any:
    if isinstance(value, dict):
        if value and all(isinstance(v, str) for v in value.values()):
            return localised(value, lang, "")
        return ", ".join(f"{k}: {v}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return value


def tables(data: dict[str, Any], lang: str = "en") -> list[Table]:
    """The aggregate's tables: every list of records, keyed by its path (a.b → a_b)."""
    found: list[Table] = []

    def walk(node: Any, path: list[str]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "choices":  # the menus' options, not data
                    walk(value, [*path, key])
        elif isinstance(node, list) and node and all(isinstance(r, dict) for r in node):
            columns: list[str] = []
            for row in node:
                columns += [k for k in row if k not in columns]
            key = "_".join(path)[:31]  # a sheet name has at most 31 characters
            found.append(
                Table(
                    key=key,
                    title=key,
                    columns=[(c, c) for c in columns],
                    rows=[{c: _cell(r.get(c, ""), lang) for c in columns} for r in node],
                )
            )

    walk(data, [])
    return found


def export(
    data: dict[str, Any], view: str, fmt: str, table: str | None, lang: str = "en"
) -> tuple[str, bytes]:
    """(file name, bytes) of one table as CSV, or of every table as XLSX."""
    found = tables(data, lang)
    names = [t.key for t in found]
    if fmt not in FORMATS:
        raise ExportError(
            f"No export format {fmt!r}.",
            [Problem("format", repr(fmt), f"use one of {', '.join(FORMATS)}")],
        )
    if table is not None and table not in names:
        raise ExportError(
            f"The {view} dashboard has no table {table!r}.",
            [Problem("table", repr(table), f"use one of {', '.join(names) or '(none)'}")],
        )
    chosen = [t for t in found if table is None or t.key == table]
    if fmt == "csv":
        if len(chosen) != 1:
            raise ExportError(
                "A CSV holds one table: name it.",
                [Problem("table", "(missing)", f"add table=one of {', '.join(names)}")],
            )
        return f"{view}-{chosen[0].key}.csv", csv_bytes(chosen[0])
    return f"{view}.xlsx", _xlsx(chosen, view)


def _xlsx(chosen: list[Table], view: str) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    for table in chosen:
        sheet = book.create_sheet(table.key)
        sheet.append(table.header())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.values():
            sheet.append(
                [v if isinstance(v, (int, float, str)) or v is None else str(v) for v in row]
            )
        sheet.freeze_panes = "A2"
    about = book.create_sheet("about")
    about.append(["dashboard", view])
    about.append(["made", datetime.now(UTC).isoformat(timespec="seconds")])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
