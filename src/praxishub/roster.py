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
import zipfile
from dataclasses import dataclass
from pathlib import Path

from praxishub.errors import Problem, RosterError

ROLES = ("trainee", "supervisor", "trainer", "coordinator")
COLUMNS = ("username", "full_name", "email", "role", "cohort", "supervisor")
USERNAME_PATTERN = r"^[a-z][a-z0-9.-]{0,28}$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
HEADER_FIX = "the first line must be: " + ",".join(COLUMNS)


@dataclass(frozen=True)
class RosterRow:
    line: int
    username: str
    full_name: str
    email: str
    role: str
    cohort: str | None
    supervisor: str | None


def read_roster(path: Path) -> tuple[list[RosterRow], list[Problem]]:
    """Read a CSV or XLSX roster: the valid rows, and one problem per rejected row."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise RosterError(
            f"Roster {path} does not exist.",
            [Problem(str(path), "no such file", "check the path")],
        ) from None
    except IsADirectoryError:
        raise RosterError(
            f"Roster {path} is a folder.", [Problem(str(path), "a folder", "name a file")]
        ) from None
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _validate(_xlsx_table(data, str(path)), str(path))
    return parse_roster_text(decode_roster_bytes(data, str(path)), str(path))


def decode_roster_bytes(data: bytes, source: str) -> str:
    """Text of a CSV in UTF-8 (with or without BOM), UTF-16 with BOM, or cp1251."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"PK\x03\x04"):
        raise RosterError(
            f"Roster {source} is a spreadsheet, not CSV.",
            [Problem(source, "an XLSX file under another name", "rename it to .xlsx")],
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        # A Russian Excel saves "CSV" in cp1251.
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise RosterError(
            f"Roster {source} is in an unknown encoding.",
            [Problem(f"{source}, byte {exc.start}", "not UTF-8 or cp1251", "save it as CSV UTF-8")],
        ) from None


def parse_roster_text(text: str, source: str) -> tuple[list[RosterRow], list[Problem]]:
    """Parse CSV text whose separator is ',', ';' or a tab."""
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return _validate([(i + 1, row) for i, row in enumerate(rows)], source)


def _xlsx_table(data: bytes, source: str) -> list[tuple[int, list[str]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise RosterError(
            f"Roster {source} is not a readable XLSX file.",
            [Problem(source, str(exc) or "not a spreadsheet", "save it again as .xlsx or .csv")],
        ) from None
    try:
        sheet = book.worksheets[0]
        return [
            (n, ["" if v is None else str(v) for v in values])
            for n, values in enumerate(sheet.iter_rows(values_only=True), start=1)
        ]
    finally:
        book.close()


def _validate(
    table: list[tuple[int, list[str]]], source: str
) -> tuple[list[RosterRow], list[Problem]]:
    table = [(n, [unicodedata.normalize("NFC", c).strip() for c in row]) for n, row in table]
    table = [(n, row) for n, row in table if any(row)]
    if not table:
        raise RosterError(
            f"Roster {source} is empty.", [Problem(f"{source}, line 1", "no rows", HEADER_FIX)]
        )
    header_line, header = table[0]
    names = [h.lstrip("\ufeff").strip().lower() for h in header]
    missing = [c for c in COLUMNS if c not in names]
    if missing:
        raise RosterError(
            f"Roster {source} lacks the column(s) {', '.join(missing)}.",
            [Problem(f"{source}, line {header_line}", f"header is {','.join(header)}", HEADER_FIX)],
        )
    index = {c: names.index(c) for c in COLUMNS}
    rows: list[RosterRow] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    seen_email: dict[str, int] = {}
    for n, cells in table[1:]:
        get = {c: (cells[i] if i < len(cells) else "") for c, i in index.items()}
        errors = _row_errors(get)
        user_key, email_key = get["username"], get["email"].casefold()
        if not errors and user_key in seen:
            errors.append(
                (
                    f"username {user_key!r} already on line {seen[user_key]}",
                    "give each person one row",
                )
            )
        if not errors and email_key in seen_email:
            errors.append(
                (
                    f"e-mail {get['email']!r} already on line {seen_email[email_key]}",
                    "each person needs their own e-mail",
                )
            )
        if errors:
            problems.append(
                Problem(
                    f"{source}, line {n}",
                    "; ".join(m for m, _ in errors),
                    "; ".join(f for _, f in errors),
                )
            )
            continue
        seen[user_key] = n
        seen_email[email_key] = n
        rows.append(
            RosterRow(
                line=n,
                username=get["username"],
                full_name=get["full_name"],
                email=get["email"],
                role=get["role"],
                cohort=get["cohort"] or None,
                supervisor=get["supervisor"] or None,
            )
        )
    return rows, problems


def _row_errors(get: dict[str, str]) -> list[tuple[str, str]]:
    errors: list[tuple[str, str]] = []
    username = get["username"]
    if not re.fullmatch(USERNAME_PATTERN, username):
        fix = "lowercase latin letters, digits, '.' and '-', starting with a letter, at most 29"
        if username and re.fullmatch(USERNAME_PATTERN, username.lower()):
            fix = f"write it in lowercase: {username.lower()}"
        errors.append((f"username {username!r} is not allowed", fix))
    if not get["full_name"]:
        errors.append(("full_name is empty", "write the person's full name"))
    if not re.fullmatch(EMAIL_PATTERN, get["email"]):
        errors.append((f"email {get['email']!r} is not an e-mail address", "write name@domain"))
    if get["role"] not in ROLES:
        errors.append((f"role {get['role']!r} is unknown", "use one of: " + ", ".join(ROLES)))
    sup = get["supervisor"]
    if sup and not re.fullmatch(USERNAME_PATTERN, sup):
        errors.append((f"supervisor {sup!r} is not a username", "write the supervisor's username"))
    elif sup and sup == username:
        errors.append(("a person cannot supervise themselves", "name someone else"))
    return errors
