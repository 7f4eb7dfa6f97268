"""Read roster files (CSV or XLSX) that coordinators import.

Rule: a pure parse of one file into rows and per-row problems. Nothing here
touches the database; checks that need it (does the supervisor exist, is the
cohort known) belong to ``praxishub.people``. Data is never silently changed:
a value that is wrong is rejected with the fix, not "corrected".
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from praxishub import spreadsheets
from praxishub.errors import Problem, RosterError
from praxishub.spreadsheets import FORMULA_FIX

ROLES = ("trainee", "supervisor", "trainer", "coordinator")
COLUMNS = ("username", "full_name", "email", "role", "cohort", "supervisor")
USERNAME_PATTERN = r"^[a-z][a-z0-9.-]{0,28}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
HEADER_FIX = "the first line must be: " + ",".join(COLUMNS)
USERNAME_RULE = "use lowercase latin letters, digits, '.' and '-', starting with a letter, at most 29 characters"
RESAVE_FIX = "save it again as .xlsx or .csv"
TEXT_FIX = "save it as CSV UTF-8"

Table = list[tuple[int, list[str]]]


@dataclass(frozen=True)
class RosterRow:
    line: int
    username: str
    full_name: str
    email: str
    role: str
    cohort: str | None
    supervisor: str | None


def _error(summary: str, where: str, message: str, fix: str) -> RosterError:
    return RosterError(summary, [Problem(where, message, fix)])


def read_roster(path: Path) -> tuple[list[RosterRow], list[Problem]]:
    """Read a CSV or XLSX roster: the valid rows, and one problem per rejected row."""
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _error(
            f"Roster {source} does not exist.", source, "no such file", "check the path"
        ) from None
    except IsADirectoryError:
        raise _error(
            f"Roster {source} is a folder.", source, "not a file", "name the file itself"
        ) from None
    except OSError as exc:
        raise _error(
            f"Roster {source} cannot be read.", source, str(exc), "check its permissions"
        ) from None
    return read_roster_bytes(data, source, path.suffix)


def read_roster_bytes(
    data: bytes, source: str, suffix: str
) -> tuple[list[RosterRow], list[Problem]]:
    """Read a roster's bytes (an upload, or a file's): ``suffix`` is its name's ending."""
    suffix = suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        table, hint = _xlsx_table(data, source)
        return _validate(table, source, hint)
    if suffix == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        # The old binary Excel format: openpyxl cannot read it, and as text it is noise.
        raise _error(
            f"Roster {source} is an old Excel .xls file.", source, "not supported", RESAVE_FIX
        )
    return parse_roster_text(decode_roster_bytes(data, source), source)


def decode_roster_bytes(data: bytes, source: str) -> str:
    """Text of a CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or cp1251."""
    if data.startswith(b"PK\x03\x04"):
        raise _error(
            f"Roster {source} is a spreadsheet, not CSV.",
            source,
            "an XLSX file",
            "rename it to .xlsx",
        )
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 that lost its BOM, or binary junk: as UTF-8 it would import NUL characters.
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        message = "NUL bytes: UTF-16 without its byte order mark, or not text at all"
        raise _error(
            f"Roster {source} is not UTF-8 text.", f"{source}, line {line}", message, TEXT_FIX
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # Excel's "Unicode text" export; the BOM tells the byte order.
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            where = f"{source}, byte {exc.start}"
            raise _error(
                f"Roster {source} is damaged UTF-16.", where, "not UTF-16", TEXT_FIX
            ) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # Anything that is not strict UTF-8 is taken for what a Russian Excel saves as "CSV".
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        where = f"{source}, byte {exc.start}"
        raise _error(
            f"Roster {source} is in an unknown encoding.", where, "not UTF-8 or cp1251", TEXT_FIX
        ) from None


def parse_roster_text(text: str, source: str) -> tuple[list[RosterRow], list[Problem]]:
    """Parse CSV text whose separator is ',', ';' or a tab (judged from the header line)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max((",", ";", "\t"), key=header.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table: Table = []
    start = 1  # a quoted cell may span lines: a record starts one past where the last one ended
    try:
        for record in reader:
            if table and reader.line_num > start and len(record) < len(table[0][1]):
                # One cell across lines and too few cells: an opening quote never closed.
                where = f"{source}, line {start}"
                message = 'a quote (") opened on this line is never closed: the lines after it became one cell'
                raise _error(
                    f"Roster {source} has an unclosed quote.",
                    where,
                    message,
                    "close or delete the quote",
                )
            table.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        where = f"{source}, line {reader.line_num}"
        raise _error(
            f"Roster {source} is not valid CSV.", where, str(exc), "check the quotes"
        ) from None
    return _validate(table, source)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a cohort typed as 2026 must not become "2026.0"
    return str(value)


def _xlsx_table(data: bytes, source: str) -> tuple[Table, str]:
    """The first sheet's rows, and a hint naming the other sheets (which are not read)."""
    try:
        sheet = spreadsheets.first_sheet(data)
    except spreadsheets.SheetError as exc:
        if exc.cell:
            where = f"{source}, cell {exc.cell}"
            raise _error(f"Roster {source}: {exc}.", where, str(exc), FORMULA_FIX) from None
        summary = f"Roster {source} is not a readable XLSX file."
        if not data.startswith(b"PK") and _is_text(data):
            fix = f"rename it to .csv, or {RESAVE_FIX}"
            raise _error(summary, source, "text (CSV), not an XLSX workbook", fix) from None
        raise _error(summary, source, str(exc), RESAVE_FIX) from None
    hint = ""
    if sheet.others:
        others = ", ".join(repr(t) for t in sheet.others)
        hint = (
            f"; only the first sheet ({sheet.title!r}) is read, not {others}: move the roster there"
        )
    return [(n, [_cell_text(v) for v in row]) for n, row in sheet.rows], hint


def _is_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return "\x00" not in text


def _validate(table: Table, source: str, hint: str = "") -> tuple[list[RosterRow], list[Problem]]:
    table = [(n, [unicodedata.normalize("NFC", c).strip() for c in row]) for n, row in table]
    table = [(n, row) for n, row in table if any(row)]
    if not table:
        raise _error(f"Roster {source} is empty.", f"{source}, line 1", "no rows", HEADER_FIX)
    header_line, header = table[0]
    names = [h.replace("\ufeff", "").strip().lower() for h in header]
    missing = ", ".join(c for c in COLUMNS if c not in names)
    if missing:
        where = f"{source}, line {header_line}"
        message = f"missing column(s) {missing}; the header is {','.join(header)!r}"
        summary = f"Roster {source} lacks the column(s) {missing}."
        raise _error(summary, where, message, HEADER_FIX + hint)
    twice = sorted({c for c in COLUMNS if names.count(c) > 1})
    if twice:
        where = f"{source}, line {header_line}"
        message = f"column(s) {', '.join(twice)} appear more than once; which one holds the value?"
        raise _error(
            f"Roster {source} repeats a column.", where, message, "delete the extra column"
        )
    if len(table) == 1:
        where = f"{source}, line {header_line + 1}"
        fix = "add one row per person below the header"
        raise _error(f"Roster {source} has no people.", where, "only the header", fix)
    index = {c: names.index(c) for c in COLUMNS}
    rows: list[RosterRow] = []
    problems: list[Problem] = []
    seen_user: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    for n, cells in table[1:]:
        get = {c: (cells[i] if i < len(cells) else "") for c, i in index.items()}
        username, email = get["username"], get["email"]
        errors = _row_errors(get)
        if username in seen_user:
            first = seen_user[username]
            errors.append(
                (f"username {username!r} already on line {first}", "give each person one row")
            )
        if email.casefold() in seen_email:
            first = seen_email[email.casefold()]
            errors.append(
                (f"email {email!r} already on line {first}", "give each person their own e-mail")
            )
        if errors:
            fix = "; ".join(f for _, f in errors)
            problems.append(Problem(f"{source}, line {n}", "; ".join(m for m, _ in errors), fix))
            continue
        # Only accepted rows claim a username: a rejected row must not block its corrected copy.
        seen_user[username] = n
        seen_email[email.casefold()] = n
        cohort, supervisor = get["cohort"] or None, get["supervisor"] or None
        rows.append(
            RosterRow(n, username, get["full_name"], email, get["role"], cohort, supervisor)
        )
    return rows, problems


def _username_fix(value: str) -> str:
    if value and re.fullmatch(USERNAME_PATTERN, value.lower()):
        return f"write it in lowercase: {value.lower()}"
    return USERNAME_RULE


def _row_errors(get: dict[str, str]) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    username, email, role, sup = get["username"], get["email"], get["role"], get["supervisor"]
    if not re.fullmatch(USERNAME_PATTERN, username):
        errors.append((f"username {username!r} is not allowed", _username_fix(username)))
    if not get["full_name"]:
        errors.append(("full_name is empty", "write the person's full name"))
    if not re.fullmatch(EMAIL_PATTERN, email):
        errors.append(
            (f"email {email!r} is not an e-mail address", "write one address: name@domain.org")
        )
    if role not in ROLES:
        errors.append((f"role {role!r} is unknown", "use one of: " + ", ".join(ROLES)))
    if sup and not re.fullmatch(USERNAME_PATTERN, sup):
        errors.append((f"supervisor {sup!r} is not a username", _username_fix(sup)))
    elif sup and sup == username:
        errors.append(
            (f"supervisor {sup!r} is the person themselves", "name someone else, or leave it empty")
        )
    return errors
