"""The funder report as files: XLSX (a sheet per table), PDF (tables) and CSV (a file
per table, UTF-8 with BOM so that Excel reads Cyrillic and Chinese).

Rule: each format is a function from a ``reports.Report`` to bytes; ``write`` picks the
format by the output's suffix (a folder gets all of them) and writes atomically.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path
from typing import Any

from praxishub import atomic, pdf_fonts
from praxishub.errors import Problem
from praxishub.i18n import t
from praxishub.reports import Report, ReportError, Table

FORMATS = ("xlsx", "pdf", "csv", "json")


def _title(report: Report) -> str:
    period = f"{report.period.start.isoformat()} – {report.period.end.isoformat()}"
    cohort = f", {report.cohort}" if report.cohort else ""
    return f"{report.programme}. {t('rep_title', report.lang)}: {period}{cohort}"


def csv_bytes(table: Table, delimiter: str = ",") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(table.header())
    for row in table.values():
        writer.writerow([v.isoformat() if isinstance(v, date) else v for v in row])
    return out.getvalue().encode("utf-8-sig")


def xlsx_bytes(report: Report) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    book.remove(book.active)
    for table in report.tables:
        sheet = book.create_sheet(table.key)
        sheet.append(table.header())
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.values():
            sheet.append(row)
        sheet.freeze_panes = "A2"
        for i, (key, header) in enumerate(table.columns, start=1):
            longest = max([len(header), *(len(_shown(r.get(key))) for r in table.rows)])
            sheet.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
            if table.rows and isinstance(table.rows[0].get(key), date):
                for cell in sheet[get_column_letter(i)][1:]:
                    cell.number_format = "yyyy-mm-dd"
    about = book.create_sheet("about")
    about.append([_title(report)])
    about.append([t("rep_made", report.lang), report.made_at.isoformat(timespec="seconds")])
    about.column_dimensions["A"].width = 30
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _shown(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def pdf_bytes(report: Report) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    pdf_fonts.register()
    base = ParagraphStyle("cell", fontName=pdf_fonts.SANS, fontSize=7.5, leading=9)
    head = ParagraphStyle("head", parent=base, fontName=pdf_fonts.BOLD)
    h1 = ParagraphStyle("h1", parent=base, fontName=pdf_fonts.BOLD, fontSize=14, leading=18)
    h2 = ParagraphStyle("h2", parent=base, fontName=pdf_fonts.BOLD, fontSize=11, leading=14)

    def para(text: str, style: ParagraphStyle) -> Paragraph:
        if pdf_fonts.has_cjk(text):
            style = style.clone(f"{style.name}-cjk", wordWrap="CJK")
        return Paragraph(pdf_fonts.markup(text), style)

    story: list[Any] = [
        para(_title(report), h1),
        para(f"{t('rep_made', report.lang)}: {report.made_at.isoformat(timespec='minutes')}", base),
        Spacer(1, 5 * mm),
    ]
    width = landscape(A4)[0] - 30 * mm
    for table in report.tables:
        story.append(para(table.title, h2))
        story.append(Spacer(1, 2 * mm))
        data = [[para(h, head) for h in table.header()]]
        data += [[para(_shown(v), base) for v in row] for row in table.values()]
        grid = LongTable(
            data, colWidths=[width / len(table.columns)] * len(table.columns), repeatRows=1
        )
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.3, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [grid, Spacer(1, 6 * mm)]
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=15 * mm,
        rightMargin=15 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=_title(report),
        author=report.programme,
    )
    doc.build(story)
    return out.getvalue()


def json_bytes(report: Report) -> bytes:
    import json

    return json.dumps(report.as_json(), ensure_ascii=False, indent=2).encode("utf-8")


def write(report: Report, target: Path) -> list[Path]:
    """Write ``target`` in the format its suffix names; a folder (or a path without a
    suffix) gets report.xlsx, report.pdf and one CSV per table."""
    suffix = target.suffix.lower().lstrip(".")
    if target.is_dir() or not suffix:
        written = [
            atomic.write_bytes(target / "report.xlsx", xlsx_bytes(report)),
            atomic.write_bytes(target / "report.pdf", pdf_bytes(report)),
        ]
        for table in report.tables:
            written.append(atomic.write_bytes(target / f"{table.key}.csv", csv_bytes(table)))
        return written
    if suffix == "xlsx":
        return [atomic.write_bytes(target, xlsx_bytes(report))]
    if suffix == "pdf":
        return [atomic.write_bytes(target, pdf_bytes(report))]
    if suffix == "json":
        return [atomic.write_bytes(target, json_bytes(report))]
    if suffix == "csv":
        if len(report.tables) != 1:
            written = []
            for table in report.tables:
                path = target.with_name(f"{target.stem}-{table.key}.csv")
                written.append(atomic.write_bytes(path, csv_bytes(table)))
            return written
        return [atomic.write_bytes(target, csv_bytes(report.tables[0]))]
    raise ReportError(
        f"Cannot write a report as {target.name}.",
        [Problem("-o", str(target), "end it in .xlsx, .pdf, .csv or .json, or name a folder")],
    )
