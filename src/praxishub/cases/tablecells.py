"""Names and places in the columns of an HTML table, and classes and record numbers in a code
block's table.

Rule: in a ``<table>`` whose header row (``<th>`` cells) has a column headed by a word for
a person (Name, Who, Attendee, Pupil, Jméno, Ребёнок, ФИО, 姓名, 参会人, 称呼 …), each body
row's cell in that column holds a person: the capitalised words at its start (after a title
such as Mr, Dr, PC, MUDr) up to a comma or the cell's end, and two to four Han characters
(after a role word and a space, or the whole cell) in Chinese. Minutes and referral tables list
attendees this way, and the capitals fallback skips a name that opens a cell.

In a code block's aligned table, a column headed "Homeroom", "Class", "Třída" … holds
classes; a first column headed by a number's word ("№ звонка", "Call ref") holds record
numbers, in a code block's table or an HTML one.

A column headed by a word for where someone lives or comes from (Lives, Town, Odkud,
Bydliště, Откуда, Город, Қаласы) holds places: the capitalised words that make up the whole
cell. A log's column headed "Caller (area)" gives in each cell the caller (a name, or a user
name in lower case that is no English word) and, in brackets, their area: "\"Dee\" (Thetford)",
"kazzaxo (Great Yarmouth)". A Chinese log's area column (地区, 区域) holds a district or a
district and a town ("蔡甸 奓山"); a code block's cells are placed under their headers as the
line shows them, a Chinese character two places wide, or by characters where a writer aligned
them so. Initials alone in a name column ("AN", "ЛВГ") are a person.

Known limits: a name column of a table written without ``<th>`` cells, or as aligned columns
in a code block, is not read; a Chinese title after a name (梁主任) is cut off, the surname
kept.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from praxishub.cases.spans import Span

_TABLE = re.compile(r"<table\b.*?</table>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.S | re.I)
_CELL = re.compile(r"<(t[hd])\b[^>]*>(.*?)</t[hd]>", re.S | re.I)
_NAME_HEAD = re.compile(
    r"^\s*(?:names?|full name|attendees?|present|participants?|pupils?|students?|child|"
    r"person|member|who|jméno|účastník|účastnice|účastníci|žák|žákyně|klient|klientka|"
    r"фио|ф\.\s?и\.\s?о\.|имя|родитель|ребёнок|ребенок|участник|ученик|ученица|"
    r"аты-жөні|есімі|оқушы|姓名|参会人|参会人员|出席人|联系人|学生|参加人员|成员|称呼)\s*$",
    re.I,
)
# A header for a column of places: where each person lives or comes from.
_PLACE_HEAD = re.compile(
    r"^\s*(?:lives|lives in|town|suburb|where from|from|home town|odkud|bydliště|obec|"
    r"откуда|город|населённый пункт|населенный пункт|қаласы|қала|қайдан|тұратын жері|来自|所在地"
    r"|地区|来电地区|区域|所在区)\s*$",
    re.I,
)
_TITLE = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|PC|DC|DS|Cllr|Prof|Rev|MUDr|Mgr|Bc|PhDr)\.?\s+)?"
# an upper-case letter (Han, kana and Hangul have no case, and are no capital)
_UPPER = (
    r"(?![\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[^\W\d_a-zа-яёәғқңөұүһіčďěňřšťůžáéíóúýľĺŕôäöüß]"
)
_EN_NAME = re.compile(
    rf"^\s*{_TITLE}(?P<n>{_UPPER}[\w'’-]+(?:\s+(?:{_UPPER}[\w'’.-]*|van|von|de|ap|bin|al)){{0,3}})"
    r"\s*(?:,|$)"
)
# Initials alone in a name column: "AN", "TL", "ЛВГ".
_INITIALS = re.compile(rf"^\s*(?P<n>{_UPPER}{{2,3}})\s*$")
# A place as a cell holds it: "Lišov", "Týn nad Vltavou", "ČB-Suché Vrbné", "Portobello".
_PLACE_CELL = re.compile(
    rf"^\s*(?P<n>{_UPPER}[\w'’.-]+(?:\s+(?:{_UPPER}[\w'’.-]*|nad|pod|na|u|upon|on|de|la)){{0,3}})"
    r"\s*$"
)
# Words naming a kind of body: a cell holding one names an institution, not a person.
_KIND_WORDS = frozenset(
    re.findall(
        r"\S+",
        "School Hospital Academy Primary College Service Services Team Centre Center Council "
        "Police Trust Clinic Ltd CIC Practice Unit Department Office Board Authority Agency "
        "Church Club Foundation Society University Nursery Surgery Court Group Worker Officer "
        "Manager Lead Coordinator Nurse Teacher Psychologist Visitor Support Social",
    )
)
_ZH_NAME = re.compile(
    r"^(?:\S{1,6}\s+)?(?P<n>[\u4e00-\u9fff·]{1,4}?)"
    r"(?:主任|老师|医生|警官|校长|社工|书记|部长|阿姨|女士|先生)?\s*$"
)


# A code block's table: its first line the header, columns set apart by two or more spaces.
_FENCED = re.compile(r"^```[^\n]*\n(?P<body>.*?)^```", re.S | re.M)
# A header for a column of record numbers: "č. hovoru", "Қоңырау №", "来电编号", "Call ref".
_NUMBER_HEAD = re.compile(
    r"(?i)^(?:č\.\s*\w+|\w+\s*№|№\s*\w+\.?|[\w ]*\b(?:no|ref|id)\b\.?|call\s*#|"
    r"[\u4e00-\u9fff]*(?:编号|单号|参考号|记录号))$"
)
_CELL_GAP = re.compile(r"\S(?:\S| (?! ))*")
# A record number: four or more characters with a digit, no time ("20:14"), no date.
_RECORD = re.compile(r"^(?=[^\s]*\d)(?![\d:.]+$)[\w/#-]{4,}$")


# A header for a column of classes: "Homeroom", "Class", "Třída", "Класс", "班级"
_CLASS_HEAD = re.compile(
    r"(?i)^(?:homeroom|home\s?room|class|form|tutor\s+group|reg(?:istration)?\s+group|třída"
    r"|класс|сынып|班级)$"
)
# A class as a cell holds it: "8-204", "7.B", "9 «А»", "10Б", "S3"
_CLASS_CELL = re.compile(
    r"^(?:\d{1,2}(?:[-–.][^\W_]{1,4}|[^\W\d_]{1,2}|[^\S\n]?«[^\W\d_]»)|[A-Z]\d{1,2})$"
)


def find(text: str) -> list[Span]:
    """The people in every table's name column, as PERSON spans, the record numbers in a
    code-block table's number column, as ID spans, and the classes in its class column."""
    spans = list(_numbered_rows(text)) if "```" in text else []
    if "```" in text:
        spans.extend(_class_column(text))
        spans.extend(_block_columns(text))
    if "<t" in text:
        spans.extend(_tables(text))
    return spans


# A log's caller column, and its area column beside one: "Caller (as given)", "Area"
_CALLER_HEAD = re.compile(
    r"(?i)^(?:caller(?:\s*\(as\s+given\)|\s*/\s*channel|\s*\((?:area|town|place)\))?|client|абонент|клиент"
    r"|volající|klient|来电者)$"
)
# "Caller (area)": each cell gives the caller, then their area in brackets ("\"Dee\" (Thetford)",
# "kazzaxo (Great Yarmouth)")
_AREA_IN_HEAD = re.compile(r"(?i)\((?:area|town|place)\)")
_BRACKETED = re.compile(r"^(?P<main>.*?)\s*\((?P<p>[^()]+)\)\s*$")
_AREA_HEAD = re.compile(r"(?i)^(?:area|район|oblast|čtvrť|аудан|区域)$")


def _block_columns(text: str) -> Iterator[Span]:
    """The people and places in a code-block table's name, caller and place columns, aligned
    under their headers ("Caller (as given)  Area": "Tomasz  Erdington"); a column of areas
    counts only beside a column of people."""
    for block in _FENCED.finditer(text):
        lines = block.group("body").split("\n")
        heads = list(_CELL_GAP.finditer(lines[0])) if lines else []
        if len(heads) < 3:
            continue  # a card of fields and values ("Pupil   Tahmid Uddin"), not a table
        # columns by where they show: a Chinese character takes two places of a monospaced line
        col = {c.start(): _shown(lines[0], c.start()) for c in heads}
        people = [
            col[c.start()]
            for c in heads
            if _NAME_HEAD.match(c.group()) or _CALLER_HEAD.match(c.group())
        ]
        bracketed = {col[c.start()] for c in heads if _AREA_IN_HEAD.search(c.group())}
        places = [col[c.start()] for c in heads if _PLACE_HEAD.match(c.group())]
        if people:
            places += [col[c.start()] for c in heads if _AREA_HEAD.match(c.group())]
        if not people and not places:
            continue
        offset = block.start("body") + len(lines[0]) + 1
        starts = list(col.values())
        by_index = {c.start(): col[c.start()] for c in heads}
        for line in lines[1:]:
            for cell in _CELL_GAP.finditer(line):
                # a cell a space or two off its header's column still sits under it, counted
                # as the line shows or, as some writers align them, by characters
                shown = _shown(line, cell.start())
                column = min(starts, key=lambda s: abs(s - shown))
                if abs(column - shown) > 2:
                    near = min(by_index, key=lambda s: abs(s - cell.start()))
                    if abs(near - cell.start()) > 2:
                        continue
                    column = by_index[near]
                if column in bracketed and (inner := _BRACKETED.match(cell.group())):
                    yield from _caller_and_area(inner, offset + cell.start())
                    continue
                if column in people:
                    span = _name_in_text(cell.group(), offset + cell.start())
                elif column in places and _HAN_PLACES.fullmatch(cell.group()):
                    # a Chinese log's area column: "呈贡", "蔡甸 奓山" (a district and a town)
                    for part in re.finditer(r"\S+", cell.group()):
                        if part.group() not in _NOWHERE and _HAN_PLACE.fullmatch(part.group()):
                            at = offset + cell.start() + part.start()
                            yield Span(at, at + len(part.group()), "PLACE", "tablecells")
                    continue
                elif column in places:
                    span = _place_in_text(cell.group(), offset + cell.start())
                else:
                    continue
                if span is not None:
                    yield span
            offset += len(line) + 1


def _shown(line: str, index: int) -> int:
    """Where index shows in a monospaced line: wide (East Asian) characters take two places."""
    if line.isascii():
        return index
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line[:index])


_NOBODY = frozenset(
    [
        "anonymous",
        "anon",
        "unknown",
        "withheld",
        "silent",
        "none",
        "n/a",
        "аноним",
        "анонимно",
        "неизвестно",
        "не назвался",
        "не назвалась",
        "anonym",
        "anonymní",
        "neznámý",
        "neuvedeno",
        "匿名",
        "未知",
    ]
)


_HAN_PLACES = re.compile(r"[\u4e00-\u9fff]{2,8}(?: [\u4e00-\u9fff]{2,8})?")
_NOWHERE = frozenset(
    [
        *("不详", "未知", "未说", "外地", "本地", "外省", "不愿透露", "未透露", "未告知"),
        *("未显示", "未提供", "未说明", "不清楚", "保密", "隐藏", "匿名", "外市"),
    ]
)
# A place in such a column: two or three characters, or a name with its kind (区, 县, 镇 …);
# a longer cell is another column's words ("夫妻冲突")
_HAN_PLACE = re.compile(
    r"[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{2,8}(?:区|县|市|镇|乡|村|街道|旗|州)"
)


def _caller_and_area(m: re.Match[str], offset: int) -> Iterator[Span]:
    """A "Caller (area)" cell: the caller's name, or a user name in lower case, and the area."""
    main = m.group("main")
    name = _name_in_text(main.strip("\"“”'"), offset + main.index(main.strip("\"“”'") or main))
    if name is not None:
        yield name
    elif re.fullmatch(r"[a-z][a-z0-9_.]{3,24}", main) and _zipf_en(main) < 2.0:
        yield Span(offset, offset + len(main), "HANDLE", "tablecells")
    place = _place_in_text(m.group("p"), offset + m.start("p"))
    if place is not None:
        yield place


def _zipf_en(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


def _name_in_text(content: str, offset: int) -> Span | None:
    bare = content.strip("\"“”'")
    if bare.casefold() in _NOBODY:
        return None
    offset += content.index(bare) if bare else 0
    m = _INITIALS.match(bare) or _EN_NAME.match(bare)
    words = m.group("n").split() if m else []
    if m and not any(w in _KIND_WORDS for w in words) and not all(map(_common, words)):
        return Span(offset + m.start("n"), offset + m.end("n"), "PERSON", "tablecells")
    return None


def _place_in_text(content: str, offset: int) -> Span | None:
    m = _PLACE_CELL.match(content)
    words = m.group("n").split() if m else []
    if m and not any(w in _KIND_WORDS for w in words) and not all(map(_common, words)):
        return Span(offset + m.start("n"), offset + m.end("n"), "PLACE", "tablecells")
    return None


def _numbered_rows(text: str) -> Iterator[Span]:
    """A shift log's or register's record numbers: the first column of a code-block table
    whose header names a number ("č. hovoru", "Қоңырау №", "来电编号"). Serial numbers
    (1, 2, 3) are too short to count."""
    for block in _FENCED.finditer(text):
        lines = block.group("body").split("\n")
        cells = _CELL_GAP.findall(lines[0]) if lines else []
        if not cells or not _NUMBER_HEAD.match(cells[0]) or not lines[0].startswith(cells[0]):
            continue
        offset = block.start("body") + len(lines[0]) + 1
        for line in lines[1:]:
            first = _CELL_GAP.match(line)
            if first and _RECORD.match(first.group()):
                yield Span(offset + first.start(), offset + first.end(), "ID", "number-column")
            offset += len(line) + 1


def _class_column(text: str) -> Iterator[Span]:
    """The cells of a code-block table's class column ("Homeroom", "Třída"), aligned under
    its header, that look like a class."""
    for block in _FENCED.finditer(text):
        lines = block.group("body").split("\n")
        heads = list(_CELL_GAP.finditer(lines[0])) if lines else []
        column = next((c.start() for c in heads if _CLASS_HEAD.match(c.group())), None)
        if column is None:
            continue
        offset = block.start("body") + len(lines[0]) + 1
        for line in lines[1:]:
            for cell in _CELL_GAP.finditer(line):
                if cell.start() == column and _CLASS_CELL.match(cell.group()):
                    yield Span(offset + cell.start(), offset + cell.end(), "CLASS", "class-column")
            offset += len(line) + 1


def _tables(text: str) -> Iterator[Span]:
    for table in _TABLE.finditer(text):
        names: list[int] = []
        places: list[int] = []
        numbers: list[int] = []
        for row in _ROW.finditer(text, table.start(), table.end()):
            cells = list(_CELL.finditer(text, row.start(1), row.end(1)))
            if cells and all(c.group(1).lower() == "th" for c in cells):
                names = [i for i, c in enumerate(cells) if _NAME_HEAD.match(c.group(2))]
                places = [i for i, c in enumerate(cells) if _PLACE_HEAD.match(c.group(2))]
                numbers = [i for i, c in enumerate(cells[:1]) if _NUMBER_HEAD.match(c.group(2))]
                continue
            for column in numbers:
                cell = cells[column] if column < len(cells) else None
                # four digits or more: "P3-01", a group member's number, identifies no one
                if (
                    cell is not None
                    and _RECORD.match(cell.group(2))
                    and _digits(cell.group(2)) >= 4
                ):
                    yield Span(cell.start(2), cell.end(2), "ID", "number-column")
            for column in names:
                span = _name_in(cells[column]) if column < len(cells) else None
                if span is not None:
                    yield span
            for column in places:
                span = _place_in(cells[column]) if column < len(cells) else None
                if span is not None:
                    yield span


def _digits(value: str) -> int:
    return sum(c.isdigit() for c in value)


def _place_in(cell: re.Match[str]) -> Span | None:
    """The place a place column's cell names: capitalised words, none of them a kind of
    body or a common word alone."""
    content, offset = cell.group(2), cell.start(2)
    m = _PLACE_CELL.match(content) if "<" not in content else None
    words = m.group("n").split() if m else []
    if m and not any(w in _KIND_WORDS for w in words) and not all(map(_common, words)):
        return Span(offset + m.start("n"), offset + m.end("n"), "PLACE", "tablecells")
    return None


def _name_in(cell: re.Match[str]) -> Span | None:
    content, offset = cell.group(2), cell.start(2)
    if "<" in content:
        return None
    m = _INITIALS.match(content)
    if m:
        return Span(offset + m.start("n"), offset + m.end("n"), "PERSON", "tablecells")
    m = _EN_NAME.match(content)
    words = m.group("n").split() if m else []
    if m and not any(w in _KIND_WORDS for w in words) and not all(map(_common, words)):
        return Span(offset + m.start("n"), offset + m.end("n"), "PERSON", "tablecells")
    m = _ZH_NAME.match(content)
    if m and not re.search(r"(?:中心|学校|医院|机构|办|处|科|站|所|局|会|组)$", m.group("n")):
        return Span(offset + m.start("n"), offset + m.end("n"), "PERSON", "tablecells")
    return None


@cache
def _common(word: str) -> bool:
    """Is word a common English word (Zipf 4.8 or more)? A cell of common words only is a
    description, not a name, and its words must not spread through the case as a name."""
    from wordfreq import zipf_frequency

    word = word.lower().strip(".,")
    return zipf_frequency(word, "ru" if re.search("[а-яё]", word) else "en") >= 4.8
