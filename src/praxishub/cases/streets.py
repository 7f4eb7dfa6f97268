"""Layer 1, continued: the parts of an address around its street, and post boxes.

Rule: an address is grown only over what addresses are made of (house, building,
entrance, floor, flat and room numbers with their words, in every language; the
postcode written after it), and a new street is found only by a street-type word
or a house number, never by a list of streets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates, postal
from praxishub.cases.spans import Span

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_H = r"[^\S\n]"
_NO = r"\d{1,5}[A-Za-zА-Яа-яӘәҚқ]?(?:[/-]\d{1,5}[A-Za-zА-Яа-я]?)?"
_ZH_NUM = r"[\d一二三四五六七八九十A-Z]+"

# One part of an address after its street: ", д. 14", ", корп. 3", ", 38-пәтер", "8/2 үй",
# ", byt č. 14", ", 3. patro", ", Bldg 1", ", #9", ", 211-45"
_PART = re.compile(
    rf"(?:,{_H}*|{_H}+)(?:"
    r"(?:д\.|дом|корп\.|корпус|к\.|стр\.|строение|кв\.?|квартира|комн\.|комната|под\.|подъезд|эт\.|этаж|оф\.|офис|каб\.|кабинет)"
    rf"{_H}*{_NO}"
    r"|(?:уч\.|участок|кабинет|каб\.|комн\.)"
    rf"{_H}*{_NO}"
    rf"|{_NO}{_H}*-?{_H}*(?:үй|пәтер|п\.|корпус|подъезд|бөлме|қабат|кв\.|кеңсе|кабинет|учаске|бөлім)[{_LO}]*"
    rf"|\d{{1,4}}{_H}*км(?![{_LO}])|(?:kancelář|kanc\.|místnost)(?:{_H}+č\.)?{_H}*\d{{1,4}}"
    rf"|(?:Cottage|Block|Lot|Building|Room)\.?{_H}*[A-Z0-9]{{1,4}}\b"
    rf"|(?:byt|pokoj|vchod|patro|pokoje|bytu|kv\.)(?:{_H}+č\.)?{_H}*\d{{1,4}}|\d{{1,2}}\.{_H}*(?:patro|patře|podlaží)"
    rf"|(?:Apt|Apartment|Unit|Suite|Flat|Room|Bldg|Building|Floor|Fl|Ste)\.?{_H}*#?\w{{1,5}}|#\d{{1,5}}"
    rf"|{_NO}(?=[,;.)]|{_H}{{2,}}|{_H}*$|{_H}*\n)"
    # "с Комсомольского пр-та, 21 на ул. …": a house number after the street's comma
    rf"|(?<=,{_H}){_NO}(?={_H}+(?:на|в|во|и|к|с|со|до|от|у|по|за)(?![{_LO}])))"
)
# The postcode just after an address: ", 703 00", ", 45402", ", 627140"
_POSTCODE_AFTER = re.compile(rf",{_H}*(?P<p>\d{{3}} \d{{2}}|\d{{5}}|\d{{6}})(?![\d\w])")

_STREETS = [
    # ул. Академика Павлова, пер. Кирпичный, ул. 50 лет Октября, проезд Заречный
    re.compile(
        r"(?<!\w)(?:ул\.|улица|пер\.|переулок|проезд|пр-т|просп\.|проспект|б-р|бульвар|ш\.|шоссе|наб\.|мкр\.?)"
        rf"{_H}*(?:\d{{1,3}}(?:-?летия|{_H}+лет){_H}+|\d{{1,2}}-?(?:я|й|ая|ий|ый|ой){_H}+)?(?:[{_UP}][{_LO}-]*\.?{_H}+){{0,2}}"
        rf"(?:[{_UP}][{_LO}-]+|[{_UP}]{{2,6}}(?![\w-]))"
    ),
    # пр. Строителей, 12: "пр." (also "и пр.", etc.) counts before a name and a house number
    re.compile(rf"(?<!\w)пр\.{_H}*[{_UP}][{_LO}-]+(?=,?{_H}*\d)"),
    # Туристская ул., Кирпичный пер.: the adjective name before its abbreviated type word
    re.compile(
        rf"(?<![\w-])[{_UP}][{_LO}-]+(?:ая|ий|ый|ой|ого|ом|ую|ей){_H}+(?:ул\.|пер\.|пр\.|просп\.|ш\.|б-р|пр-т[ае]?)"
    ),
    # Байтұрсынов к-сі, Нұрсәт шағынауданы, 6-шағынаудан: Kazakh streets and districts
    re.compile(
        rf"(?<![\w-])(?:[{_UP}][\w-]+(?:{_H}+(?:батыр|хан|би|ана|ата|ақын))?{_H}+(?:к-сі|шағынауданы|ықшамауданы|даңғ\.)|\d{{1,3}}-?{_H}*(?:шағын|ықшам){_H}?аудан[{_LO}]*)"
    ),
    # Palackého tř. 45, Hlavní třída 19, nám. Dr. Holého 57B/104, Dr. Martínka 1224/42, U Hřiště 4
    re.compile(
        rf"(?<!\w)(?:(?:nám\.|náměstí|ulice|ul\.){_H}+)?(?:(?:Dr|Ing|Prof|Sv|Mjr|Gen|Kpt)\.{_H}*[{_CS_UP}][{_CS_LO}]+"
        rf"|[{_CS_UP}][{_CS_LO}]+(?:ého|ova|ní|ská|cká){_H}+(?:tř\.|třída|nám\.|náměstí)"
        rf"|(?:Na|U|V|K|Pod|Nad|Za|Před){_H}+[{_CS_UP}][{_CS_LO}]+){_H}+\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}}[a-z]?)?(?!\d)"
    ),
    # vul. Hvardijciv-Široncivciv 54, ul. Długa 12: a street abroad by its transliterated
    # type word, then its number
    re.compile(
        rf"(?<!\w)(?:vul\.|vulytsia|vulytsya|ul\.|ulica|prosp\.|pr-t){_H}+[{_CS_UP}ŁŚŻŹĆŃ][\w'’-]+"
        rf"(?:{_H}+[{_CS_UP}ŁŚŻŹĆŃ][\w'’-]+){{0,2}}{_H}+\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}}[a-z]?)?(?!\d)"
    ),
    # třídy Svobody 45, Sídliště Svobody 3615/42, nám. T. G. Masaryka 3
    re.compile(
        r"(?<!\w)(?:tř\.|třída|třídy|třídě|třídou|[Ss]ídliště|nám\.|náměstí|náměstím)"
        rf"{_H}+(?:[{_CS_UP}]\.{_H}*){{0,3}}[{_CS_UP}][{_CS_LO}]+(?:{_H}+[{_CS_UP}][{_CS_LO}]+)?"
        rf"{_H}+\d{{1,4}}[A-Za-z]?(?:/\d{{1,4}}[a-z]?)?(?!\d)"
    ),
    # а/я 118, а/ж 118, P. O. Box 118, PO Box 118, Rural Route 3, Box 12
    re.compile(
        r"(?<!\w)(?:а/я|а/ж|P\.?\s?O\.?\s?Box|Post Office Box|(?:Rural Route|RR)\s+\d{1,3},?\s*Box"
        r"|poštovní přihrádka)\s*\d{1,6}"
    ),
    # 西湾路133号之二1508房, 小寨东路91号金辉大厦B座1702室, 宝民二路泰华明珠7栋2单元606,
    # 建安一路与公园路交汇处金港花园12栋501: a road, then the building and its units
    re.compile(
        rf"[{_HAN}]{{1,8}}?(?:路|街|大道|巷)(?:与[{_HAN}]{{1,8}}?(?:路|街|大道)交汇处|{_ZH_NUM}号(?:之[一二三四五六七八九十])?)?"
        rf"(?:[{_HAN}]{{2,8}}?(?:大厦|中心|花园|广场|公寓|小区|苑|园|城|府|明珠|大楼|名都|家园|新村|嘉园|华庭|山庄)(?:[东南西北]区)?)?"
        rf"(?:{_ZH_NUM}(?:座|栋|幢|号楼|单元|楼|层|区))*{_ZH_NUM}(?:座|栋|幢|号楼|单元)\d{{2,5}}(?:室|房|户)?"
        rf"|[{_HAN}]{{1,8}}?(?:路|街|大道)\d{{1,5}}号之[一二三四五六七八九十]\d{{2,5}}(?:室|房|户)?"
    ),
]
# A room of a hotel, hostel or holiday colony, just after its name: "Harborview Inn, Room 12",
# "Hostelu U Trojice, pokoj č. 6", "kolonii Za Hloučelou, chatka č. 117", "酒店608房"
_LODGING_ROOM = re.compile(
    rf"(?:Inn|Hotel|Motel|Lodge|Hostel|Stay|Suites|Guesthouse|Guest{_H}House|B&B|[Hh]ostelu|[Hh]otelu|[Pp]enzionu|ubytovně|kolonii)"
    rf"(?:{_H}+[{_CS_UP}][\w'-]*){{0,3}}(?:,{_H}*|{_H}+(?=room))"
    rf"(?P<r>(?:Room|room|Cabin|pokoj|chatka|chata)(?:{_H}+č\.)?{_H}*#?\d{{1,4}}[A-Z]?)(?!\d)"
    rf"|(?:酒店|宾馆|旅馆|招待所|旅社)(?P<z>\d{{2,5}}(?:号房|房间?|室))"
)
# A Czech house's town part in Roman numerals after its number (Jindřichův Hradec, Tábor):
# "1127/IV"
_TOWN_PART = re.compile(r"/(?:I{1,3}|IV|VI{0,3}|IX|X)(?![\w/])")
# Kazakhstan's postcodes since 2023: a letter, two digits, letter, digit, letter, digit (A15E3C9)
_KZ_POSTCODE = re.compile(r"(?<![\w-])[A-Z]\d{2}[A-Z]\d[A-Z]\d(?![\w-])")
_ZH_LEAD = "住在于到去从是址：:"
# The town after a Czech postcode: "500 02 Hradec Králové", "702 00 Ostrava 2"
_CS_TOWN_AFTER_PSC = re.compile(
    rf"(?<!\d)[1-7]\d{{2}} \d{{2}}{_H}+(?P<t>[{_CS_UP}][{_CS_LO}]+(?:[- ][{_CS_UP}][{_CS_LO}]+|{_H}[IVX]{{1,4}}-[{_CS_UP}][{_CS_LO}]+){{0,2}}"
    rf"(?:{_H}\d{{1,2}}(?!\d))?)"
)


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Each address found, grown over the house, flat and room parts after it, and the postcode."""
    for span in spans:
        if span.kind == "ADDRESS":
            yield from _grow(text, span.start, span.end)


def _grow(text: str, start: int, end: int) -> Iterator[Span]:
    stop = end
    roman = _TOWN_PART.match(text, stop) if text[stop - 1 : stop].isdigit() else None
    if roman:  # "Jarošovská 1127/IV": the house's number in a town's part
        stop = roman.end()
    while part := _PART.match(text, stop):
        stop = part.end()
    yield Span(start, stop, "ADDRESS", "pattern")
    code = _POSTCODE_AFTER.match(text, stop)
    if code:
        yield Span(code.start("p"), code.end("p"), "POSTCODE", "pattern")
        stop = code.end()
    tail = postal.ADDRESS_TAIL.match(text, stop)
    if tail:
        yield from postal.tail(tail)


def find(text: str) -> Iterator[Span]:
    for pattern in gates.live(_STREETS, text):
        for m in pattern.finditer(text):
            start = m.start()
            while text[start] in _ZH_LEAD and m.end() - start > 6:
                start += 1
            yield from _grow(text, start, m.end())
    for m in _LODGING_ROOM.finditer(text):
        group = "r" if m.group("r") else "z"
        yield Span(m.start(group), m.end(group), "ADDRESS", "pattern")
    for m in _CS_TOWN_AFTER_PSC.finditer(text):
        yield Span(m.start("t"), m.end("t"), "PLACE", "pattern")
    for m in _KZ_POSTCODE.finditer(text):
        yield Span(m.start(), m.end(), "POSTCODE", "pattern")
