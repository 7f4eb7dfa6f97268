"""Layer 1, continued: street addresses, postcodes and the town written after them.

Rule: an address is found by its shape (a street word and a house number, a Chinese
road and its number, a Czech village and its number after its address word or before
its postcode), a postcode by its label or its place next to a town or an address;
the town, state and postcode after a street address are its ``tail``, and a US city
before its state's abbreviation is a place. ``places.find`` runs ``addresses`` with
the other place finders.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.letters import _CS_LO, _CS_UP, _HAN, _LO, _UP
from praxishub.cases.spans import Span

_NUMBER = r"\d+[а-яА-Яa-zA-Z]?(?:/\d+)?"
# Russian house, building and flat numbers that follow a street: ", д. 112, корп. 2, кв. 305"
_HOUSE = (
    r"(?:,?\s*(?:д(?:ом)?\.?\s*)?" + _NUMBER + r")?(?:,?\s*(?:корп\.|к\.|стр\.)\s*\d+)?"
    r"(?:,?\s*(?:кв\.|квартира)\s*\d+)?"
)
_CS_MONTH = r"ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
_CS_VILLAGE = rf"[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_LO}]+|[ -][{_CS_UP}][{_CS_LO}]+)?[^\S\n]+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?"
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
    # Kazakh: Абай көшесі, 15-үй, 42-пәтер / Абай даңғылы 10 / 50 лет Октября көшесі
    re.compile(
        rf"(?<!\w)(?:\d{{1,2}}-(?:ші|шы|інші|ыншы)[^\S\n]+|\d{{2,3}}[^\S\n]+(?:лет|жыл\w*)[^\S\n]+)?[{_UP}][\w\-]+(?:[^\S\n]+[\w\-]+)?[^\S\n]+(?:көшесі|даңғылы|шағын ауданы|ш/а)\w*"
        r"(?:,?\s*\d+[\w\-/]*(?:\s*үй)?)?(?:,?\s*\d+[\w\-]*\s*пәтер\w*)?"
    ),
    # English: 12 Elm Street, Apt 4 / 221B Baker St. / 2217 NE Alder Street / Flat 2, 7 Mill Walk
    re.compile(
        r"(?:\b(?:Flat|Apt\.?|Apartment|Unit|Lot|Suite)\s+\w{1,4},?\s+)?"
        r"(?:(?:[A-Z][a-z'’]+\s+){1,4}(?:House|Court|Hall|Mansions|Buildings|Lodge|Cottages?|Apartments"
        r"|Estate|Tower|Home\s+Park|Park)(?:,?\s+(?:Room|Flat|Unit|Apt\.?|Suite)\s+\w{1,4})?,\s+)?"
        # a numbered street too: "14882 96 Ave", "220 5th Street"
        r"\b\d{1,5}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW)\.?\s+)?(?:(?:[A-Z][a-z'’]+\s+){1,3}"
        r"|\d{1,3}(?:st|nd|rd|th)?[^\S\n]+)"
        r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Close|Way|Court|Ct\.?|Place|Pl\.?"
        r"|Boulevard|Blvd\.?|Terrace|Crescent|Gardens|Walk|Row|Grove|Rise|Mews|Hill|View|Square|Sq\.?"
        r"|Parade|Green|Vale|Parkway|Pkwy\.?|Highway|Hwy\.?|Trail|Circle|Heights|Croft|Fold|Gate|Wynd"
        r"|Approach|Esplanade|Park|Yard|Cottages|Row|Glen|Dale|Meadows?|Brae|Loan|Manor)\b"
        r"(?:\s(?:N|S|E|W|NE|NW|SE|SW)\b(?!')(?![^\S\n]+[A-Z]))?"
        r"(?:,?\s*(?:Apt\.?|Apartment|Flat|Unit|Suite)\s*#?\w+)?"
    ),
    # French (a Canadian form's): "45, rue Archibald", "120 boul. Saint-Pierre Ouest", "app. 4"
    re.compile(
        r"(?<![\w-])\d{1,5}[A-Za-z]?,?[^\S\n]+(?:rue|avenue|av\.|boulevard|boul\.|chemin|ch\.|allée|route|rang"
        r"|promenade|croissant|place)[^\S\n]+(?:(?:de|du|des|la|le|l['’])[^\S\n]*)?[A-ZÉÈÂÎÔ][\w'’-]+"
        r"(?:[^\S\n]+(?:Est|Ouest|Nord|Sud|[A-ZÉ][\w'’-]+))?(?:,?[^\S\n]+(?:app\.|appartement|unité)[^\S\n]*\w{1,4})?"
    ),
    # Marlborough Street, on High Street: a named street without its number (not "The Street")
    re.compile(
        r"\b(?!The\b)(?:[A-Z][a-z'’]+[^\S\n]+){1,2}(?:Street|Road|Avenue|Lane|Crescent|Terrace|Parade)\b"
    ),
    # Садовая 5 кв 12, Сейфуллин 12 пәтер 40: a name, a house number and a flat's word and number
    re.compile(
        rf"(?<![\w-])[{_UP}][{_LO}-]+[^\S\n]+(?:д\.?[^\S\n]*)?\d{{1,4}}[{_LO}]?(?:/\d{{1,3}})?,?[^\S\n]*(?:кв\.?|квартира|пәтер)[^\S\n]*\d{{1,4}}(?!\d)"
    ),
    # "na adrese Lipová-lázně 214", "Horní Lhota 12, 790 61": a Czech village address, with its
    # address word before it or its postcode after it
    re.compile(
        rf"(?:(?<=adrese\s)|(?<=adresa:\s)|(?<=adresa\s)|(?<=bytem\s)|(?<=bydliště\s)|(?<=bydliště:\s)){_CS_VILLAGE}(?![\d/])"
        # Dolní Věžnice 27, Horní Údolí 3: a village whose name starts with Dolní, Horní …
        rf"|(?<![\w-])(?:Dolní|Horní|Velk[áéý]|Mal[áéý]|Nov[áéý]|Star[áéý]|Vysoké|Černá|Bílá|Zadní|Přední)"
        rf"[^\S\n]+[{_CS_UP}][{_CS_LO}]+[^\S\n]+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?(?![\d/]|\.[^\S\n]?\d|\.?[^\S\n]*(?:{_CS_MONTH}))"
        rf"|{_CS_VILLAGE}(?=,[^\S\n]*[1-7]\d{{2}}[^\S\n]\d{{2}}(?!\d))"
    ),
    # Czech: Vinohradská 12, Na Příkopě 15/3, náměstí Míru 5
    re.compile(
        r"(?<!\w)(?:(?:ulice|ul\.|nám\.|náměstí|třída|tř\.)\s+)?(?:Na |U |V |K |Pod |Nad )?"
        rf"[{_CS_UP}][{_CS_LO}]+(?:ská|ého|ova|ová|ní|ná|ovská|cká)\s+\d{{1,4}}(?:/\d{{1,4}})?[a-z]?\b"
    ),
    # Chinese: 解放路123号, 和平街5号3栋201室, 江宁路1200弄5号302室, 幸福小区7号楼
    re.compile(
        rf"[{_HAN}]{{1,8}}(?:路|街坊|街|大道|巷|胡同|小区|村|[一二三四五六七八九十]区)(?:[\d一二三四五六七八九十]+(?:号楼|号|弄|组)?)"
        rf"(?:院|附楼?|[{_HAN}]{{2,6}}?(?=\d{{1,3}}(?:楼|层|栋|座|号楼))|[\d一二三四五六七八九十]+(?:号楼|号院|号|弄|栋|幢|座|单元|楼|层|室|户))*"
        r"(?:\d{1,3}-\d{1,3}-\d{2,5}|\d{2,5}(?:室|房|户)?)?"
    ),
    # 石门坎村五组: a village and its group, without a house number
    re.compile(rf"[{_HAN}]{{1,6}}(?:村|嘎查)[一二三四五六七八九十\d]{{1,3}}组"),
    # 学生公寓6栋411室, 桂园7号楼412室, 学生宿舍B栋214, 百福亭花园安居苑18栋
    re.compile(
        rf"[{_HAN}]{{1,8}}?(?:公寓|宿舍|花园|苑|园|小区|名都|家园|新村)(?:[{_HAN}]{{1,6}}?(?:苑|园|区))?"
        r"[A-Z\d一二三四五六七八九十]{1,3}(?:栋|号楼|幢|座)(?:\d{1,2}单元)?(?:\d{2,5}(?:室|房|户)?)?"
    ),
    # 女生宿舍楼312室, 男生宿舍408寝室: a boarder's dormitory room, the building unnumbered
    re.compile(r"(?:男生|女生|学生)?(?:宿舍|公寓)楼?\d{3,4}(?:室|房|寝室|号房)"),
]
# What follows a street address: ", Quincy, MA 02169" / ", Sale, M33 6HN" / ", 130 00 Praha 3"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
ADDRESS_TAIL = re.compile(
    rf"\s*,\s*(?:(?P<psc>\d{{3}} \d{{2}})\s+)?(?P<city>[{_CS_UP}][{_CS_LO}'’]+(?:-[{_CS_UP}]?[{_CS_LO}'’]+)*"
    rf"(?:[^\S\n][{_CS_UP}][{_CS_LO}'’]+(?:-[{_CS_UP}]?[{_CS_LO}'’]+)*){{0,2}}"
    r"(?:[^\S\n]\d{1,2}(?!\d))?)"
    # a district, then its town: ", Kirkstall, Leeds LS5 3HF"
    rf"(?:[^\S\n]*,[^\S\n]*(?P<town>[{_CS_UP}][{_CS_LO}'’-]+(?:\s[{_CS_UP}][{_CS_LO}'’-]+)?)(?=[^\S\n]*(?:,|$|[A-Z]{{1,2}}\d|\n)))?"
    r"(?:,?[^\S\n]+(?P<state>[A-Z]{2,3})(?![\w]))?(?:,?[^\S\n]+(?P<zip>\d{5}(?:-\d{4})?|"
    + _UK_POSTCODE
    # an Australian or New Zealand postcode: ", Hamilton 3214", ", Woodridge 4114 –"
    + r"|\d{4}(?![\d/.:-]|,\d))(?!\w))?"
)
_POSTCODE = [
    re.compile(
        r"(?:индекс|почтовый индекс|邮编|邮政编码|PSČ|postcode|zip)\s*[:：]?\s*(?:\*\*|__)?\s*"
        r"(?P<p>\d{3} ?\d{2,3})",
        re.IGNORECASE,
    ),
    # 443110, Самара / 050000, Алматы / 658980, ул. Школьная (Kazakh codes start with 0)
    re.compile(
        rf"(?:^|(?<=[\s(:>]))(?P<p>\d{{6}}),\s*(?=(?:г\.|город|ул\.|улица|пер\.|переул|проезд|просп|пр-т|мкр|микрорайон|б-р|бульвар|наб\.|[{_UP}]))"
    ),
    re.compile(rf"(?<!\d)(?P<p>[1-7]\d{{2}} \d{{2}})\s+(?=[{_CS_UP}][{_CS_LO}])"),
    re.compile(r"\b(?P<p>" + _UK_POSTCODE + r")\b"),
    # "…, Берёзовка, 659430": a Russian postcode after its town; "Lipová 214, 790 61": a Czech one
    # after the house number; "…5栋1203，518067": a Chinese one after the flat
    re.compile(rf"(?<=[{_LO}]),[^\S\n]*(?P<p>\d{{6}})(?![\w-])"),
    re.compile(r"(?<=\d,\s)(?P<p>[1-7]\d{2} \d{2})(?![\d\w])"),
    re.compile(r"(?<=[\d号室楼层栋]，)(?P<p>[1-8]\d{5})(?!\d)"),
    re.compile(r"\b(?:[A-Z]{2})\s+(?P<p>\d{5}(?:-\d{4})?)\b"),
]


@functools.cache
def _us_states() -> frozenset[str]:
    from faker import Faker

    return frozenset(Faker("en_US").provider("faker.providers.address").states_abbr)


_CITY_STATE = re.compile(
    r"\b(?P<city>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),\s(?P<state>[A-Z]{2})(?=[\s.,;)]|$)"
)


# Meeting and chat apps, which a state's look-alike ("ID", "OR") may follow
_APPS = frozenset(
    {
        "Zoom",
        "Teams",
        "Skype",
        "Webex",
        "Meet",
        "WhatsApp",
        "Telegram",
        "Viber",
        "Signal",
        "Discord",
    }
)


# What a Chinese street match may have swallowed from before the address: "住在", "家住", "位于".
_ZH_ADDRESS_LEAD = re.compile(
    r"(?:家住|住在|住于|位于|地址[:：]?|在|到|去|于|从)(?=[\u4e00-\u9fff])"
)


_ZH_TOWN_WORDS = frozenset("镇乡县区市")


def addresses(text: str) -> Iterator[Span]:
    for pattern in gates.live(_ADDRESS, text):
        for m in pattern.finditer(text):
            if any(ch.isdigit() for ch in m.group()) or len(m.group()) > 8:
                lead = _ZH_ADDRESS_LEAD.match(text, m.start())
                start = lead.end() if lead and m.end() - lead.end() > 4 else m.start()
                # "太和镇大源工业园恒辉宿舍5栋": the pattern's eight characters began at the
                # town's 镇; the town's name (two characters, most are) goes with it
                if text[start : start + 1] in _ZH_TOWN_WORDS:
                    while start > m.start() - 2 and re.match(rf"[{_HAN}]", text[start - 1 : start]):
                        start -= 1
                yield Span(start, m.end(), "ADDRESS", "pattern")
                after = ADDRESS_TAIL.match(text, m.end())
                if after:
                    yield from tail(after)
    for pattern in gates.live(_POSTCODE, text):
        for m in pattern.finditer(text):
            yield Span(m.start("p"), m.end("p"), "POSTCODE", "pattern")
    if re.search(r"[A-Z]{2}", text):
        states = _us_states()
        for m in _CITY_STATE.finditer(text):
            if m.group("city") in _APPS:
                continue  # "(Zoom, ID schůzky …)", "Teams, OR in person": an app, then a label
            if m.group("state") in states:
                yield Span(m.start("city"), m.end("city"), "PLACE", "pattern")
                yield Span(m.start("state"), m.end("state"), "PLACE", "pattern")


def tail(m: re.Match[str]) -> Iterator[Span]:
    """The town (and state, postcode) written after a street address."""
    for group, kind in (
        ("psc", "POSTCODE"),
        ("city", "PLACE"),
        ("town", "PLACE"),
        ("state", "PLACE"),
        ("zip", "POSTCODE"),
    ):
        if m.group(group):
            yield Span(m.start(group), m.end(group), kind, "address")
