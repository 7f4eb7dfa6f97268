"""Read the first sheet of an XLSX workbook as rows of cell values.

Rule: a pure read of bytes; a workbook that cannot be read, or a formula whose value
was never saved (a file written by a script, not by Excel), raises SheetError naming
the cell, never a guess: an empty cell would be read where the file shows a value.
"""

from __future__ import annotations

import io
import warnings
import zipfile
from dataclasses import dataclass
from typing import Any


class SheetError(ValueError):
    """The workbook cannot be read as it is; ``cell`` names the cell when there is one."""

    def __init__(self, message: str, cell: str = "") -> None:
        super().__init__(message)
        self.cell = cell


FORMULA_FIX = (
    "open the file in Excel or LibreOffice and save it again (that stores the values), "
    "or paste the values instead of the formulas"
)


@dataclass(frozen=True)
class Sheet:
    title: str
    others: tuple[str, ...]  # the titles of the sheets that are not read
    rows: list[tuple[int, list[object]]]  # (row number, values)


def _load(data: bytes, values: bool) -> Any:  # an openpyxl Workbook
    import openpyxl

    return openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=values)


def _check_formulas(n: int, row: tuple[object, ...], as_written: tuple[object, ...]) -> None:
    from openpyxl.utils import get_column_letter

    for col, (value, text) in enumerate(zip(row, as_written, strict=False), start=1):
        if value is None and isinstance(text, str) and text.startswith("="):
            cell = f"{get_column_letter(col)}{n}"
            raise SheetError(f"cell {cell} is a formula with no saved value", cell)


def first_sheet(data: bytes) -> Sheet:
    """The values of the first sheet, with the titles of the others."""
    try:
        # Style and extension warnings say nothing about the cell values we read.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = _load(data, True)
            try:
                formulas = _load(data, False)
                try:
                    sheet = book.worksheets[0]
                    rows = list(enumerate(sheet.iter_rows(values_only=True), start=1))
                    written = formulas.worksheets[0].iter_rows(values_only=True)
                    for (n, row), as_written in zip(rows, written, strict=False):
                        _check_formulas(n, row, as_written)
                finally:
                    formulas.close()
                others = tuple(s.title for s in book.worksheets[1:])
                return Sheet(sheet.title, others, [(n, list(row)) for n, row in rows])
            finally:
                book.close()
    except SheetError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, TypeError, OSError) as exc:
        raise SheetError(str(exc) or "not a workbook") from None
