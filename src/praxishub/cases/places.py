"""Layer 1, continued: addresses, postcodes, schools, classes, organisations and places by pattern.

Rule: a pattern here fires on the *shape* of an identifier (a street word and a
house number, a school type and its number or quoted name, a hospital's type
word after capitalised adjectives, a town after a postcode or a street), never
on a list of particular places, so it works on notes nobody has seen yet.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_NUMBER = r"\d+[а-яА-Яa-zA-Z]?(?:/\d+)?"
# Russian house, building and flat numbers that follow a street: ", д. 112, корп. 2, кв. 305"
_HOUSE = (
    r"(?:,?\s*(?:д(?:ом)?\.?\s*)?" + _NUMBER + r")?(?:,?\s*(?:корп\.|к\.|стр\.)\s*\d+)?"
    r"(?:,?\s*(?:кв\.|квартира)\s*\d+)?"
)
_ADDRESS = [
    # ул. Абая, д. 15, кв. 42 / проспект Мира 7-12 / мкр. Самал-2, д. 5
    re.compile(
        r"(?<!\w)(?:ул\.|улиц[аеуыи]|пр-т\.?|просп\.|проспект[аеу]?|пер\.|переул[оке]\w*|б-р\.?|бульвар[аеу]?"
        r"|ш\.|шоссе|пл\.|площад[ьи]|мкр\.?|микрорайон[аеу]?|наб\.|набережн\w+|тупик|проезд[аеу]?)"
        rf"\s*[«\"]?[{_UP}A-Z0-9][\w\-.«»\" ]{{0,30}}?[»\"]?" + _HOUSE + r"(?=[\s,.;:)]|$)",
    ),
    # Ленинский проспект, д. 112: the street's adjective name before its type word
    re.compile(
        rf"(?<!\w)[{_UP}][{_LO}\-]+(?:ий|ый|ой|ая|ое)\s+(?:проспект|переулок|бульвар|шоссе|проезд|тупик|тракт)"
        + _HOUSE
    ),
    # Kazakh: Абай көшесі, 15-үй, 42-пәтер / Абай даңғылы 10
    re.compile(
        rf"(?<!\w)[{_UP}][\w\-]+\s+(?:көшесі|даңғылы|шағын ауданы|ш/а)\w*"
        r"(?:,?\s*\d+[\w\-]*(?:\s*үй)?)?(?:,?\s*\d+[\w\-]*\s*пәтер\w*)?"
    ),
    # English: 12 Elm Street, Apt 4 / 221B Baker St.
    re.compile(
        r"\b\d{1,5}[A-Za-z]?\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?"
        r"|Drive|Dr\.?|Close|Way|Court|Ct\.?|Place|Pl\.?|Boulevard|Blvd\.?|Terrace|Crescent|Gardens)\b"
        r"(?:,?\s*(?:Apt\.?|Apartment|Flat|Unit)\s*\w+)?"
    ),
    # Czech: Vinohradská 12, Na Příkopě 15/3, náměstí Míru 5
    re.compile(
        r"(?<!\w)(?:(?:ulice|ul\.|nám\.|náměstí|třída|tř\.)\s+)?(?:Na |U |V |K |Pod |Nad )?"
        rf"[{_CS_UP}][{_CS_LO}]+(?:ská|ého|ova|ní|ná|ovská|cká)\s+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?\b"
    ),
    # Chinese: 解放路123号, 和平街5号3栋201室, 江宁路1200弄5号302室, 幸福小区7号楼
    re.compile(
        rf"[{_HAN}]{{1,8}}(?:路|街|大道|巷|胡同|小区|村)(?:[\d一二三四五六七八九十]+(?:号|弄)?)"
        r"(?:[\d一二三四五六七八九十]+(?:号楼|号|弄|栋|幢|单元|楼))*(?:\d+室)?"
    ),
]
# What follows a street address: ", Quincy, MA 02169" / ", Sale, M33 6HN" / ", 130 00 Praha 3"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
_ADDRESS_TAIL = re.compile(
    rf"\s*,\s*(?:(?P<psc>\d{{3}} \d{{2}})\s+)?(?P<city>[{_CS_UP}][{_CS_LO}'’-]+(?:\s[{_CS_UP}][{_CS_LO}'’-]+){{0,2}}"
    r"(?:\s\d{1,2}(?!\d))?)"
    r"(?:,?\s+(?P<state>[A-Z]{2})(?![\w]))?(?:,?\s+(?P<zip>\d{5}(?:-\d{4})?|"
    + _UK_POSTCODE
    + r")(?!\w))?"
)
_POSTCODE = [
    re.compile(
        r"(?:индекс|почтовый индекс|邮编|邮政编码|PSČ|postcode|zip)\s*[:：]?\s*(?P<p>\d{3} ?\d{2,3})",
        re.IGNORECASE,
    ),
    # 443110, Самара / 050000, Алматы / 658980, ул. Школьная (Kazakh codes start with 0)
    re.compile(rf"(?:^|(?<=[\s(:]))(?P<p>\d{{6}}),\s*(?=(?:г\.|город|ул\.|улица|[{_UP}]))"),
    re.compile(rf"(?<!\d)(?P<p>[1-7]\d{{2}} \d{{2}})\s+(?=[{_CS_UP}][{_CS_LO}])"),
    re.compile(r"\b(?P<p>" + _UK_POSTCODE + r")\b"),
    re.compile(r"\b(?:[A-Z]{2})\s+(?P<p>\d{5}(?:-\d{4})?)\b"),
]


@functools.cache
def _us_states() -> frozenset[str]:
    from faker import Faker

    return frozenset(Faker("en_US").provider("faker.providers.address").states_abbr)


_CITY_STATE = re.compile(
    r"\b(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s(?P<state>[A-Z]{2})(?=[\s.,;)]|$)"
)


def addresses(text: str) -> Iterator[Span]:
    for pattern in _ADDRESS:
        for m in pattern.finditer(text):
            if any(ch.isdigit() for ch in m.group()) or len(m.group()) > 8:
                yield Span(m.start(), m.end(), "ADDRESS", "pattern")
                tail = _ADDRESS_TAIL.match(text, m.end())
                if tail:
                    yield from _tail(tail)
    for pattern in _POSTCODE:
        for m in pattern.finditer(text):
            yield Span(m.start("p"), m.end("p"), "POSTCODE", "pattern")
    if re.search(r"[A-Z]{2}", text):
        states = _us_states()
        for m in _CITY_STATE.finditer(text):
            if m.group("state") in states:
                yield Span(m.start("city"), m.end("city"), "PLACE", "pattern")
                yield Span(m.start("state"), m.end("state"), "PLACE", "pattern")


def _tail(m: re.Match[str]) -> Iterator[Span]:
    """The town (and state, postcode) written after a street address."""
    for group, kind in (
        ("psc", "POSTCODE"),
        ("city", "PLACE"),
        ("state", "PLACE"),
        ("zip", "POSTCODE"),
    ):
        if m.group(group):
            yield Span(m.start(group), m.end(group), kind, "address")


_QUOTED = r"(?:«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”)"
_NUM = r"(?:№|N|No\.?|#)?\s*\d{1,4}(?:[-/]\d{1,3})?"
_SCHOOL = [
    re.compile(
        r"(?<!\w)(?:(?:[МГ]Б|[МГ]А|[МГ]К|Ч)?ОУ\s+)?(?:школ[аеуыоийю]\w*|СОШ|ООШ|НОШ|гимнази[яиюей]\w*|лице[йяюем]\w*"
        r"|д/с|ДОУ|детск(?:ий|ого|ому|им|ом)\s+сад\w*|садик\w*|колледж\w*|интернат\w*|техникум\w*"
        r"|мектеп\w*|гимназия\w*|балабақша\w*|лицей\w*)"
        r"(?:[\s-]*(?:интернат\w*|гимназия|лицей))?\s*(?:"
        + _NUM
        + r"(?:\s*(?:им\.|имени)\s+[\w.]+(?:\s+[А-ЯЁ][\w.]+){0,2})?|"
        + _QUOTED
        + r")",
        re.IGNORECASE,
    ),
    # МБОУ «СОШ № 23», МКОУ «Ключевская СОШ № 1»: an education body's legal form and quoted name
    re.compile(r"(?<!\w)[А-ЯЁ]{0,3}ОУ\s*(?:[А-ЯЁ]{2,4}\s*)?«[^»\n]{1,60}»"),
    # № 12 мектеп-гимназия, 45 мектепте, № 7 мектеп-лицейдің
    re.compile(
        r"(?<!\w)№?\s*\d{1,4}(?:\s*|-)(?:мектеп|гимназия|лицей|балабақша|школ[аеуыойю]|СОШ|гимнази[яиюей])\w*(?:-\w+)?",
        re.IGNORECASE,
    ),
    # «Балапан» балабақшасына, «Болашақ» колледжі: the Kazakh name comes before its type
    re.compile(
        r"«[^»\n]{1,40}»\s+(?:балабақша|бала-бақша|мектеп|колледж|лицей|гимназия|университет)\w*"
    ),
    re.compile(
        rf"(?:[{_HAN}]{{2,6}}|[一二三四五六七八九十百零\d]{{1,4}})(?:中学|小学|初中|高中|实验学校|学校|幼儿园|职业学校)(?:[{_HAN}]{{0,2}}校区)?"
    ),
    re.compile(
        r"(?<!\w)(?:ZŠ|MŠ|SŠ|SOŠ|SPŠ|OA|Gymnázium|gymnázium|[Zz]ákladní škol[aeyou]|[Mm]ateřsk[áéou] škol[aeyou]"
        r"|[Ss]třední škol[aeyou])(?:\s+(?:a\s+MŠ\s+)?"
        + rf"[{_CS_UP}][\w.]*(?:\s+[{_CS_UP}][\w.]*){{0,3}})"
    ),
    re.compile(
        r"\b(?:[A-Z][a-z]+\s+){1,4}(?:Primary|Elementary|Middle|High|Secondary|Grammar|Junior|Infant|Community)\s+"
        r"(?:School|Academy)\b|\b(?:[A-Z][a-z]+\s+){1,4}(?:Academy|Kindergarten|Nursery|Preschool|Pre-School|College"
        r"|Learning Cent(?:er|re))\b|\bP\.S\.\s*\d+\b"
    ),
]
_CLASS = [
    re.compile(
        r"(?<![\w№])(?P<c>(?:[1-9]|1[01])\s*[-–]?\s*(?:«[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ]»|\"[А-ЯЁA-Z]\"|[А-ЯЁӘҒҚҢӨҰҮҺІ](?![а-яёa-zәғқңөұүһі])))"
    ),
    re.compile(
        r"(?P<c>[初高][一二三]\s*[（(]?\s*[\d一二三四五六七八九十]+\s*[)）]?\s*班"
        r"|[一二三四五六七八九\d]+年级\s*[（(]?\s*[\d一二三四五六七八九十]+\s*[)）]?\s*班)"
    ),
    re.compile(
        r"(?:třída|třídy|třídě|třídu|tř\.)\s+(?P<c>\d{1,2}\.\s?[A-E])\b|(?<!\w)(?P<c2>[1-9]\.[A-E])(?!\w)"
    ),
    re.compile(
        r"\b(?:class|form|homeroom|tutor group|group|set|reg(?:istration)? group)\s+(?P<c>\d{1,2}[A-Z])\b"
        r"|\b(?P<c2>(?:Year|Grade)\s+\d{1,2}[A-Z])\b",
        re.IGNORECASE,
    ),
]


def schools(text: str) -> Iterator[Span]:
    for pattern in _SCHOOL:
        for m in pattern.finditer(text):
            yield Span(m.start(), m.start() + len(m.group().rstrip()), "SCHOOL", "pattern")
    for pattern in _CLASS:
        for m in pattern.finditer(text):
            group = "c" if m.group("c") else "c2"
            yield Span(m.start(group), m.end(group), "CLASS", "pattern")


_RU_ADJ = r"(?:ая|яя|ий|ый|ой|ое|ее|ого|его|ому|ему|ом|ем|ую|юю|ые|ых|ей|ими|ыми)"
_CS_ADJ = r"(?:á|é|ý|í|ou|ého|ém|ému|ích|ým|ými)"
_ORGS = [
    # Самарская областная детская клиническая больница; Алтайского краевого ... диспансера для детей
    re.compile(
        rf"(?<![\w-])[{_UP}][{_LO}-]+{_RU_ADJ}(?:\s+[{_LO}-]+{_RU_ADJ}){{0,4}}\s+"
        r"(?:больниц\w*|поликлиник\w*|диспансер\w*|госпитал\w*|клиник\w*|центр\w*|санатори\w*|стационар\w*"
        r"|хоспис\w*|служб\w*)(?:\s+(?:для\s+детей(?:\s+и\s+подростков)?|№\s*\d+|«[^»\n]{1,40}»))*"
    ),
    # Центр психологической помощи «Доверие», ГБУЗ «Областная больница № 2»
    re.compile(
        r"(?<![\w-])(?:[Цц]ентр\w*|[Фф]онд\w*|[Кк]линик\w*|[Сс]лужб\w*|[Бб]ольниц\w*|[Пп]оликлиник\w*|ГБУЗ|ГАУЗ|ГБУ"
        rf"|ГКУ|АНО|НКО|ООО)(?:\s+[{_LO}-]+){{0,4}}\s*«[^»\n]{{1,40}}»"
    ),
    # Қарағанды облыстық балалар ауруханасы
    re.compile(
        rf"(?<![\w-])[{_UP}][\w-]+(?:\s+[{_LO}-]+){{0,3}}\s+(?:ауруханас\w*|емханас\w*|орталығ\w*|диспансер\w*)"
    ),
    # Krajská dětská nemocnice Olomouc, Pedagogicko-psychologickou poradnu Kladno
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][{_CS_LO}-]+{_CS_ADJ}(?:\s+[{_CS_LO}-]+{_CS_ADJ}){{0,3}}\s+"
        r"(?:nemocnic\w*|poradn\w*|klinik\w*|centr\w*|ambulanc\w*|ústav\w*|léčebn\w*|ordinac\w*)"
        rf"(?:\s+(?:v\s+)?[{_CS_UP}][{_CS_LO}]+(?:\s+nad\s+[{_CS_UP}][{_CS_LO}]+)?)?"
    ),
    # St. Brigid's Children's Hospital, Brooklands Medical Practice
    re.compile(
        r"\b(?:St\.?\s+)?(?:[A-Z][\w'’]*\s+){1,4}(?:Hospital|Clinic|Practice|Surgery|Infirmary|Hospice"
        r"|Medical Cent(?:re|er)|Health Cent(?:re|er)|Cent(?:re|er))\b"
    ),
    # 南山区精神卫生中心, 江城儿童医院: a district or city and an institution's type
    re.compile(
        rf"(?:[{_HAN}]{{2,4}}(?:省|市|区|县))+[{_HAN}]{{0,8}}?(?:医院|卫生中心|心理中心|诊所|卫生院|门诊部)"
    ),
]
# Chinese function characters a match may have swallowed from before the name.
_ZH_LEADING = "经在到去于由从和与往给向被把对及的"


def organisations(text: str) -> Iterator[Span]:
    for pattern in _ORGS:
        for m in pattern.finditer(text):
            start = m.start()
            while text[start] in _ZH_LEADING and m.end() - start > 4:
                start += 1
            yield Span(start, m.end(), "ORG", "pattern")


_PLACES = [
    # Алмалы ауданы, Осакаровка ауданында, Шымкент қаласы, Алматы қ.
    re.compile(
        rf"(?<![\w-])(?P<p>[{_UP}][\w-]+(?:\s[{_UP}][\w-]+)?\s+(?:ауданы|облысы|қаласы|ауылы|өңірі|аудан|облыс|ауыл)"
        rf"[{_LO}]*)"
    ),
    re.compile(rf"(?<![\w-])(?P<p>[{_UP}][\w-]+)\s+қ\."),
    # с. Ключи, пос. Первомайский, город Тверь
    re.compile(
        r"(?<![\w.])(?<!\d\s)(?:г\.|гор\.|с\.|пос\.|пгт\.?|дер\.|ст-ца|аул|сел[оеау]|город[аеу]?|посёл\w+|посел\w+|станиц\w+)"
        rf"\s*(?P<p>[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*(?:\s[{_UP}][{_LO}]+)?)"
    ),
    # Верх-Исетский район, Алтайский край, Московская область
    re.compile(rf"(?<![\w-])(?P<p>[{_UP}][{_LO}-]+{_RU_ADJ}\s+(?:район|област|кра|округ)[{_LO}]*)"),
    # čtvrť Královo Pole, stanici Jiřího z Poděbrad, obec Lhota
    re.compile(
        r"(?:čtvrť|čtvrti|městská část|městské části|obec|obci|město|městě|vesnice|vesnici|sídliště|sídlišti"
        rf"|stanice|stanici|zastávk[aue])\s+(?P<p>[{_CS_UP}][{_CS_LO}]+(?:\s(?:(?:z|u|nad|pod|na)\s)?[{_CS_UP}][{_CS_LO}]+){{0,2}})"
    ),
]


def places(text: str) -> Iterator[Span]:
    for pattern in _PLACES:
        for m in pattern.finditer(text):
            yield Span(m.start("p"), m.end("p"), "PLACE", "pattern")


def find(text: str) -> list[Span]:
    found: list[Span] = []
    found.extend(addresses(text))
    found.extend(schools(text))
    found.extend(organisations(text))
    found.extend(places(text))
    return found
