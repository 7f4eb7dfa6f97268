"""Read webinar attendance reports (Zoom, Microsoft Teams, or a plain table) into rows.

Rule: a pure parse of one file: its bytes in, its format and one row per line that
names a person out. A value that cannot be read is never guessed or skipped: the
whole file fails, each bad line named with the fix. Matching rows to people is
``praxishub.attendance_match``; storing them is ``praxishub.attendance_store``.

Formats, told apart by their content rather than their name:

- ``zoom-participants``: a meeting's participants report (metadata rows, then one
  row per join or leave);
- ``zoom-webinar``: a webinar's attendee report (sections of hosts, panelists and
  attendees, with an "Attended" column);
- ``teams``: a Teams attendance report (UTF-16, tab-separated, sections
  "1. Summary", "2. Participants", "3. In-Meeting Activities"; totals from section 2);
- ``csv`` / ``xlsx``: any table with a name (or e-mail) column and a duration or
  join and leave columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

from praxishub import spreadsheets
from praxishub.attendance_values import parse_duration, parse_time
from praxishub.errors import PraxisError, Problem

FORMATS = ("zoom-participants", "zoom-webinar", "teams", "csv", "xlsx")
EXPORT_FIX = "export the report again from Zoom or Teams and import that file unchanged"
TEAMS_FIX = (
    "download the attendance report again in Teams (the meeting's Attendance tab, "
    "Download) and import that file unchanged"
)


def _names(text: str) -> tuple[str, ...]:
    return tuple(text.split("|"))


# Header texts, lowercased with any "(...)" removed, in English and Russian (Zoom and
# Teams translate their exports into the interface language).
ALIASES: dict[str, tuple[str, ...]] = {
    "name": _names(
        "name|user name|full name|participant|participant name|attendee|display name|имя|имя пользователя|полное имя|фио|ф.и.о.|участник|имя участника"
    ),
    "first": _names("first name|given name|имя"),
    "last": _names("last name|surname|family name|фамилия"),
    "email": _names(
        "email|e-mail|user email|email address|e-mail address|адрес электронной почты|электронная почта|эл. почта|почта|email пользователя|электронная почта пользователя"
    ),
    "join": _names(
        "join time|first join|joined|время входа|время подключения|первое подключение|первый вход|вход"
    ),
    "leave": _names(
        "leave time|last leave|left|время выхода|время отключения|последнее отключение|последний выход|выход"
    ),
    "minutes": _names(
        "duration|minutes|time in session|in-meeting duration|attendance minutes|продолжительность|длительность|минуты|минут|время в сеансе|время на собрании|время на встрече|длительность пребывания на собрании"
    ),
    "attended": _names("attended|присутствовал|посетил|участвовал"),
}
# Headers of the metadata block above a Zoom report's table of participants.
METADATA = set(
    _names(
        "meeting id|topic|webinar id|идентификатор вебинара|идентификатор встречи|идентификатор конференции|тема"
    )
)
# Words of the one-cell titles between the sections of a Zoom webinar report.
SECTION_WORDS = ("details", "attended", "сведения", "отчет", "отчёт")
ZOOM_WEBINAR_MARKS = ("attendee details", "attendee report", "сведения об участниках")
TEAMS_SECTION = re.compile(r"^\s*([123])\s*\.\s*(\S.*)$")
HEADER_FIX = (
    "the table needs a name column (e.g. Name, Full name, ФИО, Имя) and either a "
    "duration column (Duration, Minutes, Продолжительность) or Join time and Leave time"
)


DURATION_FIX = "write minutes (93), h:mm:ss (1:33:00) or 1h 33m 0s"
MAX_MINUTES = 24 * 60  # a line longer than a day is a typo or a wrong column, never a webinar
A_DAY = timedelta(days=1)


class AttendanceError(PraxisError):
    """An attendance report cannot be imported."""


@dataclass(frozen=True)
class Row:
    """One line of a report that names a person."""

    line: int
    name: str
    email: str
    minutes: float | None  # the line's own duration, when it has no join and leave time
    joined: datetime | None
    left: datetime | None


@dataclass(frozen=True)
class Report:
    source: str
    format: str
    rows: tuple[Row, ...]
    sha256: str = ""  # of the file's bytes: the same file imported again changes nothing


Table = list[tuple[int, list[str]]]


def _error(summary: str, where: str, message: str, fix: str) -> AttendanceError:
    return AttendanceError(summary, [Problem(where, message, fix)])


def read_report(path: Path) -> Report:
    """Read an attendance report of any supported format, or raise AttendanceError."""
    path = Path(path)
    source = str(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _error(
            f"{source} does not exist.", source, "no such file", "check the path"
        ) from None
    except IsADirectoryError:
        raise _error(f"{source} is a folder.", source, "not a file", "name the file") from None
    except OSError as exc:
        raise _error(
            f"{source} cannot be read.", source, str(exc), "check its permissions"
        ) from None
    return parse_report(data, source)


def parse_report(data: bytes, source: str) -> Report:
    """Parse a report given as bytes; ``source`` names it in errors."""
    return replace(_parse(data, source), sha256=hashlib.sha256(data).hexdigest())


def _parse(data: bytes, source: str) -> Report:
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise _error(f"{source} is empty.", f"{source}, line 1", "no rows", EXPORT_FIX)
    if data.startswith(b"PK\x03\x04"):
        return _detect(_xlsx_table(data, source), source, "xlsx")
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise _error(
            f"{source} is an old Excel .xls file.", source, "not supported", "save it as .xlsx"
        )
    return _detect(_csv_table(decode(data, source), source), source, "csv")


def decode(data: bytes, source: str) -> str:
    """Text of a report in UTF-16 (Teams), UTF-8 with or without BOM (Zoom), or cp1251."""
    encoding = None
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    elif len(data) > 3 and data[1] == 0 and data[3] == 0 and data[0] != 0:
        encoding = "utf-16-le"  # Teams text whose BOM was lost on the way
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            before = data[: exc.start - exc.start % 2].decode(encoding, errors="replace")
            raise _error(
                f"{source} is damaged UTF-16 text.",
                f"{source}, line {before.count(chr(10)) + 1}",
                "not UTF-16",
                EXPORT_FIX,
            ) from None
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # What a Russian Excel saves as "CSV" is cp1251; it decodes almost any bytes,
            # so junk is caught below by what it decodes to.
            text = data.decode("cp1251", errors="replace")
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\t\r\n")
    if controls or "\ufffd" in text:
        line = text[: next(i for i, c in enumerate(text) if _junk(c))].count("\n") + 1
        raise _error(
            f"{source} is not a text report.",
            f"{source}, line {line}",
            "binary data, not CSV or tab-separated text",
            "export the report as CSV (Zoom) or download the .csv attendance report (Teams)",
        )
    return text


def _junk(char: str) -> bool:
    return char == "\ufffd" or (unicodedata.category(char) == "Cc" and char not in "\t\r\n")


def _csv_table(text: str, source: str) -> Table:
    delimiter = "\t" if _is_teams_text(text) else _delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    table: Table = []
    start = 1  # a quoted cell may span lines: a record starts one past where the last ended
    try:
        for record in reader:
            table.append((start, record))
            start = reader.line_num + 1
    except csv.Error as exc:
        raise _error(
            f"{source} is not valid CSV.",
            f"{source}, line {reader.line_num}",
            str(exc),
            "check the quotes on that line",
        ) from None
    return table


def _delimiter(text: str) -> str:
    """',', ';' or a tab: the commonest in the first line that has any (a header or
    Zoom's metadata), not in the whole file, where decimal commas and notes mislead."""
    candidates = (",", ";", "\t")
    first = next((line for line in text.splitlines() if any(c in line for c in candidates)), "")
    return max(candidates, key=first.count)


def _is_teams_text(text: str) -> bool:
    marks = [m for line in text.splitlines() if (m := TEAMS_SECTION.match(line.strip("\t ")))]
    return len({m.group(1) for m in marks}) >= 2 or any(
        _section(m.group(2)) == "summary" for m in marks
    )


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, time):
        return value.strftime("%H:%M:%S")
    if isinstance(value, timedelta):
        return f"{value.total_seconds() / 60:g}"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _xlsx_table(data: bytes, source: str) -> Table:
    try:
        sheet = spreadsheets.first_sheet(data)
    except spreadsheets.SheetError as exc:
        if exc.cell:
            where = f"{source}, cell {exc.cell}"
            raise _error(f"{source}: {exc}.", where, str(exc), spreadsheets.FORMULA_FIX) from None
        raise _error(
            f"{source} is not a readable XLSX file.",
            source,
            str(exc),
            "save it again as .xlsx or .csv",
        ) from None
    return [(n, [_cell_text(v) for v in row]) for n, row in sheet.rows]


def _clean(table: Table) -> Table:
    return [
        (n, [unicodedata.normalize("NFC", c).replace("\ufeff", "").strip() for c in row])
        for n, row in table
    ]


def _header_text(cell: str) -> str:
    text = re.sub(r"\([^)]*\)", " ", cell.casefold())
    return " ".join(text.replace("ё", "е").split()).strip(" :#")


def _fields(header: list[str]) -> dict[str, int]:
    """Known columns of a header row: field -> index (the first column of each field)."""
    texts = [_header_text(h) for h in header]
    found: dict[str, int] = {}
    for i, text in enumerate(texts):
        for field, names in ALIASES.items():
            if text in names and field not in found:
                found[field] = i
                break
    # "Имя" next to "Фамилия" is a first name, not a full one.
    if "last" in found and "name" in found and texts[found["name"]] == "имя":
        found["first"] = found.pop("name")
    return found


def _is_header(cells: list[str]) -> bool:
    fields = _fields(cells)
    # Zoom's metadata block ("Meeting ID, Topic, ..., User Email, Duration") names the
    # host by e-mail only: a table of people needs a name there.
    metadata = any(_header_text(c) in METADATA for c in cells)
    named = bool({"name", "first", "last"} & fields.keys()) or ("email" in fields and not metadata)
    timed = "minutes" in fields or {"join", "leave"} <= fields.keys()
    return named and timed


def _section(title: str) -> str:
    title = title.casefold()
    if title.startswith(("summary", "сводка", "общие сведения")):
        return "summary"
    if title.startswith(("participants", "участники")):
        return "participants"
    return "activities"


def _detect(table: Table, source: str, container: str) -> Report:
    filled = [(n, row) for n, row in _clean(table) if any(row)]
    if not filled:
        raise _error(f"{source} is empty.", f"{source}, line 1", "no rows", EXPORT_FIX)
    teams: dict[str, int] = {}
    for n, row in filled:
        mark = TEAMS_SECTION.match(row[0])
        if mark and len([c for c in row if c]) == 1:
            teams.setdefault(_section(mark.group(2)), n)
    if len(teams) >= 2 or "summary" in teams:
        rows = _checked(_teams_rows(filled, teams, source), source)
        return Report(source, "teams", _some(rows, filled, source))
    headers = [(n, row) for n, row in filled if _is_header(row)]
    if not headers:
        n, row = filled[0]
        shown = ", ".join(c for c in row if c)
        raise _error(
            f"{source}: no table of participants was found.",
            f"{source}, line {n}",
            f"no column of names and durations; the first row is {shown!r}",
            HEADER_FIX,
        )
    rows = _some(_checked(_tables_rows(filled, headers, source), source), filled, source)
    titles = [row[0].casefold() for _, row in filled if len([c for c in row if c]) == 1]
    if "attended" in _fields(headers[0][1]) or any(
        t.startswith(ZOOM_WEBINAR_MARKS) for t in titles
    ):
        return Report(source, "zoom-webinar", rows)
    metadata = any(_header_text(c) in METADATA for _, row in filled for c in row)
    zoom_names = any(
        re.search(r"\((original name|исходное имя|настоящее имя)\)", c.casefold())
        for _, row in headers
        for c in row
    )
    return Report(source, "zoom-participants" if metadata or zoom_names else container, rows)


Parsed = tuple[list[Row], list[Problem]]


def _checked(parsed: Parsed, source: str) -> tuple[Row, ...]:
    """The rows, or one error listing every line that cannot be read."""
    rows, problems = parsed
    if problems:
        raise AttendanceError(
            f"{source} has {len(problems)} line(s) that cannot be read.", problems
        )
    return tuple(rows)


def _some(rows: tuple[Row, ...], filled: Table, source: str) -> tuple[Row, ...]:
    """The rows, or an error: a report with a header and nobody under it is not an import."""
    if not rows:
        raise _error(
            f"{source} lists no participants.",
            f"{source}, line {filled[-1][0] + 1}",
            "a header but no rows of people below it",
            EXPORT_FIX,
        )
    return rows


def _teams_rows(table: Table, sections: dict[str, int], source: str) -> Parsed:
    if "participants" not in sections:
        raise _error(
            f"{source} is a Teams report without its section '2. Participants'.",
            f"{source}, line {max(sections.values())}",
            "sections found: " + ", ".join(sorted(sections, key=sections.get)),
            TEAMS_FIX,
        )
    start = sections["participants"]
    end = min((n for n in sections.values() if n > start), default=None)
    body = [(n, row) for n, row in table if n > start and (end is None or n < end)]
    if not body or not _is_header(body[0][1]):
        raise _error(
            f"{source}: section '2. Participants' has no header row.",
            f"{source}, line {body[0][0] if body else start}",
            "expected the columns Name, First Join, Last Leave, In-Meeting Duration, Email",
            TEAMS_FIX,
        )
    # Section 2's First Join to Last Leave includes any time away: its duration is the total.
    rows, problems = _rows(body[0], body[1:], source)
    return [
        replace(r, joined=None, left=None) if r.minutes is not None else r for r in rows
    ], problems


def _tables_rows(table: Table, headers: Table, source: str) -> Parsed:
    """The rows under each header, up to the next one (less that one's section title)."""
    starts = [n for n, _ in headers]
    rows: list[Row] = []
    problems: list[Problem] = []
    for i, header in enumerate(headers):
        following = starts[i + 1] if i + 1 < len(starts) else None
        body = [(n, r) for n, r in table if n > header[0] and (following is None or n < following)]
        if body and _is_title(body[-1][1]):
            body.pop()  # "Panelist Details,": the title of the next section
        found, wrong = _rows(header, body, source)
        rows += found
        problems += wrong
    return rows, problems


def _is_title(row: list[str]) -> bool:
    cells = [c.casefold() for c in row if c]
    return len(cells) == 1 and any(word in cells[0] for word in SECTION_WORDS)


def _rows(header: tuple[int, list[str]], body: Table, source: str) -> Parsed:
    fields = _fields(header[1])
    rows: list[Row] = []
    problems: list[Problem] = []
    for n, cells in body:
        if not any(cells):
            continue

        def get(field: str, cells: list[str] = cells) -> str:
            i = fields.get(field)
            return cells[i] if i is not None and i < len(cells) else ""

        name = get("name") or " ".join(p for p in (get("first"), get("last")) if p)
        email = get("email")
        where = f"{source}, line {n}"
        if not name and not email:
            problems.append(
                Problem(where, "no name and no e-mail", "fill in the name or delete the line")
            )
            continue
        if get("attended").casefold() in ("no", "нет", "false", "0"):
            rows.append(Row(n, name, email, 0.0, None, None))
            continue
        try:
            joined, left = parse_time(get("join")), parse_time(get("leave"))
        except ValueError as exc:
            problems.append(
                Problem(
                    where,
                    str(exc),
                    "write times like 07/22/2026 07:00:11 PM or 2026-07-22 19:00:11",
                )
            )
            continue
        try:
            minutes = parse_duration(get("minutes"))
        except ValueError as exc:
            problems.append(Problem(where, str(exc), DURATION_FIX))
            continue
        if (minutes or 0) > MAX_MINUTES or (joined and left and left - joined > A_DAY):
            problems.append(
                Problem(where, f"{name or email}: more than a day in one webinar", DURATION_FIX)
            )
            continue
        if joined and left and left < joined:
            problems.append(
                Problem(
                    where,
                    f"left at {left} before joining at {joined}",
                    "swap the join and leave times",
                )
            )
            continue
        if not (joined and left) and minutes is None:
            problems.append(
                Problem(
                    where,
                    f"{name or email}: no duration and no join and leave time",
                    "fill in the duration",
                )
            )
            continue
        if joined and left and "minutes" not in fields:
            minutes = None
        rows.append(
            Row(n, name, email, minutes, joined if left else None, left if joined else None)
        )
    return rows, problems
