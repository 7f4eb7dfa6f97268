"""Layer 1, continued: the unit, floor and room words around an address, and streets by shape.

Rule: an address found by ``places`` or ``streets`` is grown over what only addresses are
made of: floors, offices, premises and letters after it (", 2 этаж", ", пом. 4", ", 2. patro",
", zasedací místnost č. 12", "3楼会议室"), and a flat, unit or room with a building's name
before it ("Flat 9, 15 Clifton St", "Unit 2, The Cooperage, 30 Corn Street"). New streets
are found by the shape of their house number (Czech "1482/26") or their type word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_H = r"[^\S\n]"
_NO = r"\d{1,5}[A-Za-zА-Яа-я]?(?:[/-]\d{1,5}[A-Za-zА-Яа-я]?)?"

# One more part after an address: ", 2 этаж", ", 2 эт.", ", пом. 4", ", лит. А", ", офис 14",
# " , byt č.9", ", č. bytu 9", ", č. or. 12", ", 2. patro", ", zasedací místnost č. 12",
# ", Apt 77", ", 3rd floor", "3楼", "2楼会议室", "1单元 1102"
_MORE = re.compile(
    rf"(?:{_H}*,{_H}*|{_H}+)(?:"
    rf"\d{{1,2}}{_H}*(?:этаж|эт\.|-?й{_H}+этаж|қабат)"
    rf"|(?:пом\.|помещение|лит\.|литера|оф\.|офис|каб\.|кабинет|ком\.|комн\.|комната)(?:{_H}*№)?{_H}*(?:{_NO}|[{_UP}](?![{_LO}]))"
    rf"|(?:č\.{_H}*)?(?:bytu|byt|or\.|p\.|pokoj\w*|kancelář\w*|ordinace|místnost\w*)(?:{_H}*č\.)?{_H}*\d{{1,4}}[a-z]?"
    rf"|(?:[{_CS_LO}]+(?:í|á|é){_H}+)?(?:místnost|kancelář|pracovna|učebna)\w*(?:{_H}*č\.)?{_H}*\d{{1,4}}"
    rf"|\d{{1,2}}\.{_H}*(?:patro|patře|podlaží|NP)"
    rf"|(?:Apt|Apartment|Unit|Suite|Flat|Room|Ste|Floor)\.?{_H}*#?[A-Z0-9]{{1,5}}(?![\w])"
    rf"|\d{{1,2}}(?:st|nd|rd|th){_H}+[Ff]loor"
    rf"|\d{{1,3}}-?{_H}*(?:кіреберіс|подъезд|қабат)[{_LO}]*"
    r")"
    # "15/2 п.9": a flat's number written straight after its word
    r"|(?<=п\.)\d{1,4}(?!\d)|(?<=кв\.)\d{1,4}(?!\d)"
    rf"|(?:{_H}*[\dA-Z]{{1,3}}(?:期|栋|幢|座|号楼|单元|楼|层|室|房|号))+(?:会议室|办公室|咨询室)?"
)
# Before an address: "Flat 9 , ", "Unit 4, Ashgrove Business Park, ", "3rd floor, ", "Room 312,
# Fenwick House, ": a unit's word and number, and a building's name, just before the street
_BEFORE = re.compile(
    rf"(?:(?:Flat|Unit|Room|Suite|Apt\.?|Apartment|Studio)[^\S\n]*\d{{1,4}}[A-Z]?"
    rf"|\d{{1,2}}(?:st|nd|rd|th)[^\S\n]+[Ff]loor|(?:Ground|First|Second|Third|Top)[^\S\n]+[Ff]loor)"
    rf"{_H}*,{_H}*(?:(?:The{_H}+)?[A-Z][\w'’]+(?:{_H}+[A-Z][\w'’]+){{0,3}}{_H}*,{_H}*)?\Z"
)
_STREETS = [
    # a remote community's house by its number, after the place and a comma: "in Barunga with
    # his grandmother, House 41."
    re.compile(
        r"(?<=,[^\S\n])House[^\S\n](?:No\.?[^\S\n]?)?\d{1,4}(?=[^\S\n]*[.;,)]|[^\S\n]*$)", re.M
    ),
    # Národního odboje 1482/26, Velká Hradební 2336/8, Brtnická 1530/22, B. Němcové 585/54:
    # a Czech street by its house number, "orientation/descriptive"
    re.compile(
        rf"(?<![\w.])(?:[{_CS_UP}]\.{_H}*)?[{_CS_UP}][{_CS_LO}]{{3,}}(?:{_H}+(?:nám\.|[{_CS_UP}{_CS_LO}][{_CS_LO}]{{2,}})){{0,2}}"
        rf"{_H}{{1,2}}(?P<d>\d{{2,4}})/(?P<o>\d{{1,4}})[a-z]?(?![\d/])"
    ),
    # Nádražní čp. 1146, ulici Palackého čp. 318: a street and its descriptive number's word
    re.compile(
        rf"(?<![\w.])(?:ulic[ie]{_H}+)?[{_CS_UP}][{_CS_LO}]{{3,}}(?:{_H}+[{_CS_UP}{_CS_LO}][{_CS_LO}]{{2,}})?"
        rf"{_H}+č\.?{_H}?p\.{_H}*\d{{1,5}}(?!\d)"
    ),
    # Masarykovo nám. 64/2, Palackého nám. 3: a square named with a possessive
    re.compile(
        rf"(?<![\w.])[{_CS_UP}][{_CS_LO}]+(?:ovo|ovy|ova|ino|ého){_H}+(?:nám\.|náměstí){_H}+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?"
    ),
    # Ярославское ш., д. 8; пр. Стачек, д. 92: a Russian street's name and type before "д."
    re.compile(
        rf"(?<![\w-])[{_UP}][{_LO}-]+(?:ое|ее|ая|ий|ый|ой){_H}+(?:ш\.|шоссе|пр\.|просп\.|б-р|наб\.)(?=,?{_H}*(?:д\.{_H}*)?\d)"
        rf"|(?<!\w)(?:пр\.|просп\.){_H}*[{_UP}][{_LO}-]+(?=,?{_H}*д\.{_H}*\d)"
    ),
    # Проспекте Мира, 57: a street's type word written with a capital, in any case
    re.compile(
        rf"(?<![\w-])(?:Проспект|Улиц|Переул|Бульвар|Шоссе|Набережн)[{_LO}]*{_H}+[{_UP}][{_LO}-]+(?:{_H}+[{_UP}][{_LO}-]+)?"
        rf",?{_H}*\d{{1,4}}[а-я]?(?:/\d{{1,3}})?(?!\d)"
    ),
    # Horácké náměstí 13, Tyršovo nábřeží 4: an adjective and a square's or embankment's word
    re.compile(
        rf"(?<![\w.])[{_CS_UP}][{_CS_LO}]+(?:é|á|ý|ovo|ino){_H}+(?:náměstí|nám\.|nábřeží|sídliště|třída){_H}+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?(?!\d)"
    ),
    # Unit 4, Assaroe Court; Flat 6, Beckett House: a flat or unit and its named building, also
    # with no street after it (a town next: "Unit 4, Assaroe Court, Ballyshannon")
    re.compile(
        r"\b(?:Flat|Apt\.?|Apartment|Unit|Suite|Studio)[^\S\n]*\d{1,4}[A-Z]?,[^\S\n]*(?:[A-Z][\w'’]+[^\S\n]+){1,3}"
        r"(?:House|Court|Mansions|Lodge|Tower|Heights|Chambers|Buildings)(?![\w'’])"
    ),
    # Unit 4, Ashgrove Business Park, Kelham Way: a unit on a business park, and its road
    re.compile(
        r"\b(?:Unit|Suite|Office)[^\S\n]+\d{1,4}[A-Z]?,[^\S\n]+(?:[A-Z][\w'’]+[^\S\n]+){1,3}(?:Business|Retail|Industrial"
        r"|Trading|Enterprise|Science|Technology)[^\S\n]+(?:Park|Estate|Centre)"
        r"(?:,[^\S\n]+(?:[A-Z][\w'’]+[^\S\n]+){1,2}(?:Way|Road|Street|Lane|Drive|Close|Avenue))?"
    ),
    # 牛沙路6号望江名门2期11栋1单元602, 文三路477号华星科技大厦裙楼2层, 松石北路33号2楼会议室: a road's
    # number, the estate or building, and its units down to the flat
    re.compile(
        rf"[{_HAN}]{{1,8}}?(?:路|街|大道|巷|里|段|弄)\d{{1,5}}号(?:[{_HAN}]{{2,10}}?(?=[\dA-Z]))?"
        rf"(?:[\dA-Z]{{1,4}}(?:期|栋|幢|座|号楼|单元|楼|层|室|房|区)){{1,5}}(?:{_H}?\d{{3,4}}(?:室|房)?)?(?:会议室|办公室)?"
    ),
    # 1907 Brushy Creek Trl, 2244 SE 182nd Ave: US street abbreviations and numbered streets
    re.compile(
        r"\b\d{1,5}[^\S\n]+(?:(?:N|S|E|W|NE|NW|SE|SW)\.?[^\S\n]+)?(?:(?:[A-Z][a-z'’]+|\d{1,3}(?:st|nd|rd|th))[^\S\n]+){1,3}"
        r"(?:Trl|Cir|Ter|Pkwy|Hwy|Blvd|Ave|St|Rd|Ln|Dr|Ct|Pl|Way|Loop|Run|Pass|Xing|Cv|Pt)\b\.?"
    ),
]


# The postcode after a grown address: " ,  58601 Jihlava", "（200120）"
_POSTCODE_AFTER = re.compile(
    rf"{_H}*,{_H}*(?P<p>[1-7]\d{{2}}{_H}?\d{{2}})(?={_H}+[{_CS_UP}])|[（(](?P<z>\d{{6}})[)）]"
)


_ZH_SUFFIX = re.compile(r"[区县市镇乡](?![\u4e00-\u9fff]{0,1}(?:长|委|政府|级|民|场))")
_HAN_END = re.compile(rf"[{_HAN}]\Z")
_CS_ADJECTIVE_END = re.compile(rf"(?:nad|pod){_H}+[{_CS_UP}][{_CS_LO}]+(?:ými|ími)$")
_CS_NOUN_AFTER = re.compile(rf"{_H}[{_CS_LO}]{{3,}}(?![\w-])")


def _grow_after(text: str, end: int) -> int:
    from praxishub.cases.streets import _PART

    while True:
        part = _PART.match(text, end) or _MORE.match(text, end)
        if not part or part.end() == end:
            return end
        end = part.end()


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Each address grown over the unit, floor and room parts around it; places over their suffix."""
    for span in spans:
        if (
            span.kind == "PLACE"
            and _ZH_SUFFIX.match(text, span.end)
            and _HAN_END.search(text, 0, span.end)
        ):
            yield Span(span.start, span.end + 1, "PLACE", "pattern")  # "合川" + "区"
        if span.kind == "PLACE" and _CS_ADJECTIVE_END.search(text, span.start, span.end):
            noun = _CS_NOUN_AFTER.match(text, span.end)
            if noun:  # "Kostelec nad Černými" + "lesy": the noun its adjective belongs to
                yield Span(span.start, noun.end(), "PLACE", "pattern")
        if span.kind != "ADDRESS":
            continue
        start, end = span.start, _grow_after(text, span.end)
        before = _BEFORE.search(text[max(0, start - 80) : start])
        if before and any(ch.isdigit() for ch in text[start:end]):
            start -= len(before.group())
        if (start, end) != (span.start, span.end):
            yield Span(start, end, "ADDRESS", "pattern")
        code = _POSTCODE_AFTER.match(text, end)
        if code:
            group = "p" if code.group("p") else "z"
            yield Span(code.start(group), code.end(group), "POSTCODE", "pattern")


def find(text: str) -> Iterator[Span]:
    """Streets the other patterns miss, with their parts."""
    for pattern in gates.live(_STREETS, text):
        for m in pattern.finditer(text):
            # "Matrices 48/60" is a score: a house's descriptive number exceeds its orientation one
            if "d" in m.groupdict() and int(m.group("d")) <= int(m.group("o")):
                continue
            yield Span(m.start(), _grow_after(text, m.end()), "ADDRESS", "pattern")
