"""Layer 4, continued: the parts of an address that the street patterns leave at its edges.

Rule: an address found anywhere is grown over what belongs to it: a Russian street name's
lower-case part and its house, building and flat ("ул. 3-я линия, д. 9, кв. 31", "ул. Жана
де Ларта, д. 4"); a Czech housing estate, avenue, square or dormitory before it ("sídliště",
"tř.", "Domov mládeže, "); a unit word before an English flat number ("Flat 2/1"); a Czech
village's leading adjective ("Horní", "Dolní"). A Czech village with a house number ("Lhota
27") is an address, and so is a Chinese estate's building and flat (花园3期11栋1704, 42号院3号楼).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_UP = "А-ЯЁ"
_LO = "а-яё"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"

# A Russian street's tail: a particle and a name or a lower-case word, then house and flat
_RU_TAIL = re.compile(
    rf"(?:{_H}+(?:де|фон|ван|дер|ди|да|ле|ибн){_H}+[{_UP}][{_LO}]+|{_H}+[{_LO}]{{3,}})?"
    rf",?{_H}*(?:д\.|дом){_H}*\d{{1,4}}[{_LO}]?(?:/\d{{1,3}})?"
    rf"(?:,?{_H}*(?:корп\.|к\.|стр\.){_H}*\d{{1,3}})?"
    rf"(?:,?{_H}*(?:кв\.|квартира|оф\.|офис|комн\.|комната){_H}*\d{{1,4}})?"
)
# Before a Czech or English address: its estate, avenue, square, dormitory or unit word
_BEFORE = re.compile(
    rf"(?:(?<![\w-])(?:[Ss]ídlišt[ěi]|[Ss]ídl\.|tř\.|[Tt]řída|[Tt]řídě|nám\.|[Nn]áměstí)"
    rf"(?:{_H}+[{_CS_UP}][{_CS_LO}]+)?,?{_H}+"
    rf"|(?<![\w-])(?:Domov(?:a|ě)?{_H}+mládeže|Dětsk\w+{_H}+domov\w*|Internát\w*|Kolej\w*|Ubytovn\w+),{_H}+"
    rf"|(?<![\w-])(?:Flat|Apt\.?|Apartment|Unit|Suite){_H}+"
    rf"|(?<![\w-])(?:Horní|Dolní|Velk[áéý]|Mal[áéý]|Nov[áéý]|Star[áéý]|Vyšní|Nižní|Zadní|Přední|Česk[áéý]){_H}+)\Z"
)
# A Czech village's name with its house number after it ("Lhota 27", "Nová Ves 112")
_HOUSE_AFTER = re.compile(rf"{_H}+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?(?![\d.:,]\d|[\w-])")
# zh: an estate's phase, building and flat: 海月花园3期11栋1704, 东大街端履门42号院3号楼
# (not from a verb's second character: "到达学生公寓…")
_ZH_NAME = (
    rf"(?:(?![在住到去是的了从和与把被给对向说要没有这那我你他她]|(?<=到)达)[{_HAN}]){{2,10}}?"
)
_ZH_ESTATE = re.compile(
    rf"{_ZH_NAME}(?:花园|小区|公寓|大厦|家园|新村|苑|园|城|广场|中心)(?:\d{{1,2}}期)?"
    rf"(?:[A-Z]座|\d{{1,3}}(?:栋|幢|号楼|座))(?:\d{{1,2}}单元)?(?:\d{{2,5}}[A-Z]?(?:室|号|房|宿舍|寝室)?)?"
    rf"|{_ZH_NAME}\d{{1,4}}号院(?:\d{{1,3}}号楼)?(?:\d{{1,2}}单元)?(?:\d{{2,5}}室?)?"
)


# cs: where someone lives, told without a street: "bydlí Lhota 27", "bytem Nová Ves 112"
_CS_LIVES = re.compile(
    rf"(?<![\w-])(?:[Bb]ydlí|[Bb]ydlel[ai]?|bytem|[Bb]ydliště:?)(?:{_H}+(?:v|ve|na))?{_H}+"
    rf"(?P<a>[{_CS_UP}][{_CS_LO}]+(?:{_H}[{_CS_UP}][{_CS_LO}]+)?{_H}+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?)(?![\d\w.:])"
)

# a dormitory's room: "жатақханада 312 бөлмеде тұрам", "в общежитии, 214 комната"
_DORM_ROOM = re.compile(
    rf"(?i:жатақхана\w*|общежити\w*|общаг\w*)[,:]?{_H}+(?:№{_H}*)?"
    rf"(?P<a>\d{{2,4}}[а-яәА-ЯӘ]?(?:-|{_H})?(?:бөлме\w*|комнат(?:а|е|у|ы)(?![\w-])))"
)


def find(text: str) -> Iterator[Span]:
    """Czech village addresses after a word for living; Chinese estates' buildings and flats."""
    for pattern in (_CS_LIVES, _DORM_ROOM):
        for m in pattern.finditer(text):
            yield Span(m.start("a"), m.end("a"), "ADDRESS", "pattern")
    if re.search(r"栋|幢|号楼|号院|座", text):
        for m in _ZH_ESTATE.finditer(text):
            yield Span(m.start(), m.end(), "ADDRESS", "pattern")


# A Chinese building's floor after it: "…社区活动中心二楼", "…大厦3层301室"
_ZH_FLOOR = re.compile(
    r"[一二三四五六七八九十\d]{1,2}[楼层](?:[\d一二三四五六七八九十]{1,4}室)?(?![梯道顶下上])"
)


def grown(text: str, spans: list[Span], language: str) -> Iterator[Span]:
    """Addresses grown over their tails and the words before them; villages with a number;
    a Chinese building's floor."""
    for span in spans:
        if (
            span.kind in ("ADDRESS", "ORG")
            and span.end - span.start >= 5  # a named building, not "住院部7楼"
            and "\u4e00" <= text[span.end - 1 : span.end] <= "\u9fff"
        ):
            floor = _ZH_FLOOR.match(text, span.end)
            if floor:
                yield Span(span.start, floor.end(), span.kind, "edge")
        if span.kind == "ADDRESS":
            if language == "ru":
                tail = _RU_TAIL.match(text, span.end)
                if tail and tail.end() > span.end:
                    yield Span(span.start, tail.end(), "ADDRESS", "edge")
            before = _BEFORE.search(text, max(0, span.start - 40), span.start)
            if before:
                yield Span(before.start(), span.end, "ADDRESS", "edge")
        elif (
            span.kind == "PLACE"
            and language == "cs"
            and text[span.start : span.start + 1].isupper()
        ):
            house = _HOUSE_AFTER.match(text, span.end)
            if house:
                start = span.start
                before = _BEFORE.search(text, max(0, start - 12), start)
                if before and not before.group().startswith(("Flat", "Apt", "Unit", "Suite")):
                    start = before.start()
                yield Span(start, house.end(), "ADDRESS", "edge")
