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

from praxishub.cases.ner import allowed
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
    # Kazakh: Абай көшесі, 15-үй, 42-пәтер / Абай даңғылы 10
    re.compile(
        rf"(?<!\w)(?:\d{{1,2}}-(?:ші|шы|інші|ыншы)[^\S\n]+)?[{_UP}][\w\-]+(?:[^\S\n]+[\w\-]+)?[^\S\n]+(?:көшесі|даңғылы|шағын ауданы|ш/а)\w*"
        r"(?:,?\s*\d+[\w\-/]*(?:\s*үй)?)?(?:,?\s*\d+[\w\-]*\s*пәтер\w*)?"
    ),
    # English: 12 Elm Street, Apt 4 / 221B Baker St. / 2217 NE Alder Street / Flat 2, 7 Mill Walk
    re.compile(
        r"(?:\b(?:Flat|Apt\.?|Apartment|Unit|Lot|Suite)\s+\w{1,4},?\s+)?"
        r"(?:(?:[A-Z][a-z'’]+\s+){1,4}(?:House|Court|Hall|Mansions|Buildings|Lodge|Cottages?|Apartments"
        r"|Estate|Tower|Home\s+Park|Park)(?:,?\s+(?:Room|Flat|Unit|Apt\.?|Suite)\s+\w{1,4})?,\s+)?"
        r"\b\d{1,5}[A-Za-z]?\s+(?:(?:N|S|E|W|NE|NW|SE|SW)\.?\s+)?(?:[A-Z][a-z'’]+\s+){1,3}"
        r"(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Drive|Dr\.?|Close|Way|Court|Ct\.?|Place|Pl\.?"
        r"|Boulevard|Blvd\.?|Terrace|Crescent|Gardens|Walk|Row|Grove|Rise|Mews|Hill|View|Square|Sq\.?"
        r"|Parade|Green|Vale|Parkway|Pkwy\.?|Highway|Hwy\.?|Trail|Circle|Heights|Croft|Fold|Gate|Wynd"
        r"|Approach|Esplanade|Park|Yard|Cottages|Row)\b"
        r"(?:\s(?:N|S|E|W|NE|NW|SE|SW)\b(?!')(?![^\S\n]+[A-Z]))?"
        r"(?:,?\s*(?:Apt\.?|Apartment|Flat|Unit|Suite)\s*#?\w+)?"
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
    re.compile(rf"[{_HAN}]{{1,6}}村[一二三四五六七八九十\d]{{1,3}}组"),
    # 学生公寓6栋411室, 桂园7号楼412室, 学生宿舍B栋214, 百福亭花园安居苑18栋
    re.compile(
        rf"[{_HAN}]{{1,8}}?(?:公寓|宿舍|花园|苑|园|小区|名都|家园|新村)(?:[{_HAN}]{{1,6}}?(?:苑|园|区))?"
        r"[A-Z\d一二三四五六七八九十]{1,3}(?:栋|号楼|幢|座)(?:\d{1,2}单元)?(?:\d{2,5}(?:室|房|户)?)?"
    ),
]
# What follows a street address: ", Quincy, MA 02169" / ", Sale, M33 6HN" / ", 130 00 Praha 3"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"
ADDRESS_TAIL = re.compile(
    rf"\s*,\s*(?:(?P<psc>\d{{3}} \d{{2}})\s+)?(?P<city>[{_CS_UP}][{_CS_LO}'’]+(?:-[{_CS_UP}]?[{_CS_LO}'’]+)*"
    rf"(?:\s[{_CS_UP}][{_CS_LO}'’]+(?:-[{_CS_UP}]?[{_CS_LO}'’]+)*){{0,2}}"
    r"(?:\s\d{1,2}(?!\d))?)"
    # a district, then its town: ", Kirkstall, Leeds LS5 3HF"
    rf"(?:[^\S\n]*,[^\S\n]*(?P<town>[{_CS_UP}][{_CS_LO}'’-]+(?:\s[{_CS_UP}][{_CS_LO}'’-]+)?)(?=[^\S\n]*(?:,|$|[A-Z]{{1,2}}\d|\n)))?"
    r"(?:,?\s+(?P<state>[A-Z]{2})(?![\w]))?(?:,?\s+(?P<zip>\d{5}(?:-\d{4})?|"
    + _UK_POSTCODE
    + r")(?!\w))?"
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


# What a Chinese street match may have swallowed from before the address: "住在", "家住", "位于".
_ZH_ADDRESS_LEAD = re.compile(
    r"(?:家住|住在|住于|位于|地址[:：]?|在|到|去|于|从)(?=[\u4e00-\u9fff])"
)


def addresses(text: str) -> Iterator[Span]:
    for pattern in _ADDRESS:
        for m in pattern.finditer(text):
            if any(ch.isdigit() for ch in m.group()) or len(m.group()) > 8:
                lead = _ZH_ADDRESS_LEAD.match(text, m.start())
                start = lead.end() if lead and m.end() - lead.end() > 4 else m.start()
                yield Span(start, m.end(), "ADDRESS", "pattern")
                after = ADDRESS_TAIL.match(text, m.end())
                if after:
                    yield from tail(after)
    for pattern in _POSTCODE:
        for m in pattern.finditer(text):
            yield Span(m.start("p"), m.end("p"), "POSTCODE", "pattern")
    if re.search(r"[A-Z]{2}", text):
        states = _us_states()
        for m in _CITY_STATE.finditer(text):
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


_QUOTED = r"(?:«[^»\n]{1,40}»|\"[^\"\n]{1,40}\"|“[^”\n]{1,40}”)"
_NUM = r"(?:№|N|No\.?|#)?\s*\d{1,4}(?:[-/]\d{1,3})?"
# "имени А. С. Пушкина", "им. Абая": case-sensitive inside the schools' case-blind pattern
_NAMED_AFTER = (
    r"(?:им\.|имени)\s+(?-i:(?:[А-ЯЁӘҒҚҢӨҰҮҺІ]\.\s?){0,2}[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+"
    r"(?:\s+[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі-]+){0,2})"
)
_SCHOOL = [
    re.compile(
        r"(?<!\w)(?:(?:[МГ]Б|[МГ]А|[МГ]К|Ч)?ОУ\s+)?(?:школ[аеуыоийю]\w*|СОШ|ООШ|НОШ|гимнази[яиюей]\w*|лице[йяюем]\w*"
        r"|д/с|ДОУ|детск(?:ий|ого|ому|им|ом)\s+сад\w*|садик\w*|колледж\w*|интернат\w*|техникум\w*"
        r"|мектеп\w*|гимназия\w*|балабақша\w*|лицей\w*)"
        r"(?:[\s-]*(?:интернат\w*|гимназия|лицей))?\s*(?:"
        + _NUM
        + rf"(?:\s*{_NAMED_AFTER})?(?:[^\S\n]*«[^»\n]{{1,40}}»)?"
        + rf"|{_NAMED_AFTER}|"
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
    # Абай атындағы № 12 жалпы білім беретін мектеп; № 5 мамандандырылған лицей: a Kazakh school
    # named after someone, or numbered, with the words of its kind before the type word
    re.compile(
        rf"(?<!\w)(?:(?:[{_UP}][\w.-]*[^\S\n]+){{1,3}}атындағы[^\S\n]+(?:№[^\S\n]*\d{{1,4}}[^\S\n]+)?|№[^\S\n]*\d{{1,4}}[^\S\n]+)"
        rf"(?:[{_LO}-]+[^\S\n]+){{0,4}}(?:мектеп|гимназия|лицей|балабақша|колледж|университет)\w*"
    ),
    # «Балапан» балабақшасына, «Болашақ» колледжі: the Kazakh name comes before its type
    re.compile(
        r"«[^»\n]{1,40}»\s+(?:балабақша|бала-бақша|мектеп|колледж|лицей|гимназия|университет)\w*"
    ),
    re.compile(
        rf"(?:[{_HAN}]{{2,6}}|[一二三四五六七八九十百零\d]{{1,4}})(?:中学|小学|初中|高中|实验学校|学校|幼儿园|职业学校)(?:[{_HAN}]{{0,2}}校区)?"
    ),
    re.compile(
        r"(?<!\w)(?:ZŠ|MŠ|SŠ|SOŠ|SPŠ|OA|[Gg]ymnázi(?:um|a|u|em)|[Zz]ákladní škol[aeyou]|[Mm]ateřsk[áéou] škol[aeyou]"
        r"|[Ss]třední škol[aeyou])(?:\s+(?:a\s+MŠ\s+)?(?:(?:Na|U|V|Ve|K|Pod|Nad|Za|Při|v|ve)\s+)?"
        # a capitalised word or an initial ("ZŠ T. G. Masaryka"), never a sentence's full stop
        + rf"[{_CS_UP}](?:\.|\w*)(?:\s+[{_CS_UP}](?:\.|\w*)){{0,3}})"
    ),
    re.compile(
        r"\b(?:[A-Z][a-z]+\s+){1,4}(?:Primary|Elementary|Middle|High|Secondary|Grammar|Junior|Infant|Community)\s+"
        r"(?:School|Academy)\b|\b(?:[A-Z][a-z]+\s+){1,4}(?:Academy|Kindergarten|Nursery|Preschool|Pre-School|College"
        r"|Learning Cent(?:er|re))\b|\bP\.S\.\s*\d+\b"
    ),
]
# St Anne's School, Oakfield Primary, Park View Juniors (but not "High School" or "The School")
_EN_NAMED_SCHOOL = re.compile(
    r"\b(?:St\.?\s+)?(?:[A-Z][\w'’-]+[^\S\n]+){1,3}(?:School|Primary|Juniors|Infants|Sixth Form|Prep)\b"
)
# Capitalised words that say what kind of school or organisation, not which one.
_GENERIC_WORDS = frozenset(
    word
    for line in (
        "the a an our his her their my your this that at in to from for and of",
        "high middle primary secondary sunday summer boarding grammar special state public private",
        "independent new local national regional community county city medical nursing law art music",
        "mental health child children's adolescent family youth early help social care support",
        "counselling counseling therapy bereavement crisis clinical psychological nhs",
        "adult adults senior seniors behavioral behavioural educational psychology resolution police",
        "service services team council hub living health care protective protection safeguarding",
        "welfare school schools student students disability disabilities housing victim victims",
        "women's domestic abuse addiction substance drug alcohol recovery home treatment emergency",
        "pediatric paediatric eating disorder disorders autism learning speech language occupational",
        "contact call ring refer referred see seen with by phone tel number freephone text dial",
    )
    for word in line.split()
)


def _named(surface: str, kind_words: int = 1) -> int | None:
    """Where a "Name ... Type" match really starts, leading generic words skipped; None if no
    word is left that names something (so "High School", "The Family Trust" are no names)."""
    words = list(re.finditer(r"[\w'’.-]+", surface))[:-kind_words]
    while words and words[0].group().casefold().rstrip(".") in _GENERIC_WORDS:
        words.pop(0)
    if not any(w.group().casefold() not in _GENERIC_WORDS for w in words):
        return None
    return words[0].start()


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


# What ends a verb phrase before a Chinese school's type word ("她会去学校", "联系学校", "转介学校",
# "我不想再去学校"): the school's name, if any, starts after it.
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_ZH_SCHOOL_LEAD = re.compile(
    r"^.*(?:去|回|到|联系|转介|建议|提到|离开|继续|参加|加入|通过|担心|希望|今年|我|她|他|你|就|再|想|了|的)"
)


def schools(text: str) -> Iterator[Span]:
    for pattern in _SCHOOL:
        for m in pattern.finditer(text):
            start = m.start()
            if _HAN_RE.match(m.group()):
                lead = _ZH_SCHOOL_LEAD.match(m.group())
                if lead:
                    start += lead.end()
                    name = text[start : m.end()]
                    if (
                        len(
                            re.sub(
                                r"(?:中学|小学|初中|高中|实验学校|学校|幼儿园|职业学校)$", "", name
                            )
                        )
                        < 2
                    ):
                        continue  # a verb's object: "回学校", "联系学校", no school's name
            yield Span(start, m.start() + len(m.group().rstrip()), "SCHOOL", "pattern")
    for m in _EN_NAMED_SCHOOL.finditer(text):
        kind_words = 2 if m.group().endswith("Sixth Form") else 1
        at = _named(m.group(), kind_words)
        if at is not None:
            yield Span(m.start() + at, m.end(), "SCHOOL", "pattern")
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
    # Центр психологической помощи «Доверие», ГБУЗ «Областная больница „Сосновый Бор“», фонд «…»,
    # ТОО «…», сенім телефоны «…»: an institution's type word or legal form, then its quoted name
    re.compile(
        r"(?<![\w-])(?:(?i:центр|фонд|клиник|служб|больниц|поликлиник|организаци|ассоциаци|объединени"
        r"|компани|агентств|кабинет|студи|лаборатори|диспансер|санатори|приют|движени|сообществ"
        r"|лини|телефон\w*\s+доверия|орталығ|ұйым|қауымдастығ|бірлестіг|серіктестіг)\w{0,5}"
        r"|(?i:проект|қоры?)(?:а|у|ом|е|ы|на|ның|нда)?(?!\w)"
        r"|(?:Ф|О|К|Р)?(?:ГБУЗ|ГАУЗ|ГБУ|ГКУ|ГАУ|ГБОУ|ГАОУ|ГКП|ГУ|ГП)|МБУ|МАУ|МКУ|АНО|НКО|ООО|ОАО|ЗАО|ПАО|АО"
        r"|ИП|ТОО|ЖШС|АҚ|КММ|МКҚК|РОО|ОО|ОФ|ЧУ)"
        rf"(?:[^\S\n]+[{_LO}-]+){{0,4}}[^\S\n]*«(?:[^«»\n]|„[^“”\n]{{0,40}}[“”]|«[^»\n]{{0,40}}»){{1,80}}»"
    ),
    # «Жан сарайы» психологиялық орталығы, «Шипагер» көпбейінді медициналық орталығы: the Kazakh
    # quoted name comes before the words of its kind
    re.compile(
        rf"«[^»\n]{{1,60}}»(?:[^\S\n]+[{_LO}-]+){{0,3}}[^\S\n]+(?:орталы[ғқ]|ауруханас|емханас|қоры|ұйым"
        r"|клиника|диспансер|кабинет|бірлестіг|қауымдастығ|серіктестіг|компания|ЖШС|қызмет)\w*"
    ),
    # Қарағанды облыстық балалар ауруханасы
    re.compile(
        rf"(?<![\w-])[{_UP}][\w-]+(?:[^\S\n]+[{_LO}-]+){{0,3}}[^\S\n]+(?:ауруханас\w*|емханас\w*|орталығ\w*|диспансер\w*)"
    ),
    # Krajská dětská nemocnice Olomouc, Pedagogicko-psychologickou poradnu Kladno
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][{_CS_LO}-]+{_CS_ADJ}(?:\s+[{_CS_LO}-]+{_CS_ADJ}){{0,3}}\s+"
        r"(?:nemocnic\w*|poradn\w*|klinik\w*|centr\w*|ambulanc\w*|ústav\w*|léčebn\w*|ordinac\w*)"
        rf"(?:[^\S\n]+(?:v[^\S\n]+)?[{_CS_UP}][{_CS_LO}]+(?:[^\S\n]+(?:nad[^\S\n]+)?[{_CS_UP}][{_CS_LO}]+)?)?"
    ),
    # Středisko výchovné péče Kompas, Nadace „Rozum a cit“, Linka bezpečí: a Czech institution's type
    # word, the words of its kind, then its capitalised or quoted name
    re.compile(
        r"(?<![\w-])(?:Středisk\w*|Centr(?:um|a|u|em)|Nadac\w*|Spol(?:ek|ku|kem)|Poradn\w*|Klinik\w*|Ústav\w*"
        r"|Sdružení|Organizac\w*|Lin(?:ka|ky|ce|ku|kou)|[Dd]ětsk\w+ domov\w*|[Aa]zylov\w+ dom\w*"
        r"|[Kk]rizov\w+ centr\w*|[Nn]adac\w*|[Ss]pol(?:ek|ku|kem)|[Ss]třed\w+ výchovné péče)"
        rf"(?:[^\S\n]+[{_CS_LO}]+){{0,4}}[^\S\n]+(?:[{_CS_UP}][{_CS_LO}]+(?:[^\S\n]+[{_CS_UP}][{_CS_LO}]+)?|„[^“\n]{{1,40}}“)"
    ),
    # Modrý kruh, z. s.; Oak & Ash Ltd; Brightside Counselling CIC: a name before its legal form
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][\w&'’-]*(?:[^\S\n]+[\w&'’-]+){{0,4}}(?:[^\S\n]+\([A-Z]{{2,3}}\))?,?[^\S\n]*"
        r"(?:Co\.(?=[^\S\n])|s\.\s?r\.\s?o\.|spol\.\s?s\s?r\.\s?o\.|a\.\s?s\.|z\.\s?s\.|o\.\s?p\.\s?s\.|z\.\s?ú\.|Ltd\b\.?"
        r"|Limited\b|LLC\b|Inc\b\.?|plc\b|CIC\b|GmbH\b)"
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


# Pennine Counselling Collective, Hearthside Foundation: capitalised words and an organisation's
# type word (checked: a word must be left that is not generic, so "The Family Trust" is not one)
# ("Child and Adolescent Mental Health Service": "and", "of" may join the words); "on Aging",
# "(CAMHS)" and ", Riverside Unit" after the type word belong to it.
_EN_NAMED_ORG = re.compile(
    r"\b(?:[A-Z][\w'’&-]*[^\S\n]+(?:(?:and|of|for|&)[^\S\n]+)?){1,5}(?:Collective|Trust|Foundation|Charity"
    r"|Association|Society|Network|Institute|Alliance|Agency|Helpline|Company|Corporation|Church|Mosque"
    r"|Synagogue|Temple|Cooperative|Co-op|Partnership|Service|Services|Team|Council|Hub|Living|Health|Care"
    r"|Project|Group|Club|University|Mediation|Pharmacy|Police|CAMHS|Fund|Program|Programme|Residence"
    r"|Directorate|Hotel|Inn|Motel|Hostel|Commons|Mall)\b(?:[^\S\n]+(?:mall|children's\s+home))?"
    r"(?:[^\S\n]+(?:on|of|for)[^\S\n]+(?:[A-Z][a-z]+(?:[^\S\n]+|\b)){1,3})?(?:[^\S\n]*\([A-Z]{2,8}\))?"
    r"(?:,[^\S\n]*(?:[A-Z][a-z]+[^\S\n]+){1,3}(?:Unit|Team|Branch|Office|Ward|Division|Department))?"
)
# "Childline 0800 1111", "Linka bezpečí (116 111)", "Samaritans 116 123": a named helpline before
# its free or harmonised service number (the number itself is no identifier).
_HELPLINE = re.compile(
    r"(?<![\w-])(?P<o>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]+(?:[^\S\n]+[a-záčďéěíňóřšťúůýž]+){0,2})[^\S\n]*[(:–-]?[^\S\n]*"
    r"(?:116[^\S\n]?\d{3}|080[08][^\S\n]?\d{3,4}(?:[^\S\n]?\d{3,4})?|8[^\S\n-]?800[^\S\n-]?\d{3})(?!\d)"
)


def organisations(text: str) -> Iterator[Span]:
    for pattern in _ORGS:
        for m in pattern.finditer(text):
            start = m.start()
            while text[start] in _ZH_LEADING and m.end() - start > 4:
                start += 1
            yield Span(start, m.end(), "ORG", "pattern")
    for m in _EN_NAMED_ORG.finditer(text):
        at = _named(re.sub(r"\W*\(.*|,.*|\s+(?:on|of|for)\s.*", "", m.group()))
        if at is not None:
            yield Span(m.start() + at, m.end(), "ORG", "pattern")
    for m in _HELPLINE.finditer(text):
        if _named(m.group("o") + " x") is not None:
            yield Span(m.start("o"), m.end("o"), "ORG", "pattern")


_PLACES = [
    # Алмалы ауданы, Осакаровка ауданында, Шымкент қаласы, Алматы қ.
    re.compile(
        rf"(?<![\w-])(?P<p>[{_UP}][\w-]+(?:\s[{_UP}][\w-]+)?\s+(?:ауданы|облысы|қаласы|ауылы|өңірі|аудан|облыс|ауыл)"
        rf"[{_LO}]*)"
    ),
    re.compile(rf"(?<![\w-])(?P<p>[{_UP}][\w-]+)\s+қ\."),
    # с. Ключи, пос. Первомайский, город Тверь
    re.compile(
        r"(?<![\w.])(?<!\d\s)(?:г\.|гор\.|с\.|пос\.|пгт\.?|дер\.|д\.|х\.|ст-ца|аул|сел[оеау]|город[аеу]?|посёл\w+"
        r"|посел\w+|станиц\w+|деревн\w+|хутор\w*)"
        rf"\s*(?P<p>[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*(?:\s[{_UP}][{_LO}]+)?)"
    ),
    # Верх-Исетский район, Алтайский край, Московская область
    re.compile(rf"(?<![\w-])(?P<p>[{_UP}][{_LO}-]+{_RU_ADJ}\s+(?:район|област|кра|округ)[{_LO}]*)"),
    # čtvrť Královo Pole, stanici Jiřího z Poděbrad, obec Lhota
    re.compile(
        r"(?:čtvrť|čtvrti|městská část|městské části|obec|obci|město|městě|vesnice|vesnici|sídliště|sídlišti"
        r"|kolonii|kolonie|osadě|osada|osady"
        rf"|stanice|stanici|zastávk[aue])\s+(?P<p>(?:(?:Na|Za|U|Pod|Nad|V|Ve)\s)?[{_CS_UP}][{_CS_LO}]+(?:\s(?:(?:z|u|nad|pod|na)\s)?[{_CS_UP}][{_CS_LO}]+){{0,2}})"
    ),
    # okres Jeseník, Olomoucký kraj, Lhota pod Hostýnem, "Lipová-lázně, okres …": a Czech district,
    # region, a settlement named after a landmark, and the place a district follows
    re.compile(
        rf"(?<![\w-])(?P<p>okres[ue]?[^\S\n]+[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_UP}][{_CS_LO}]+)?"
        rf"|[{_CS_UP}][{_CS_LO}]+(?:ý|ého|ém|ým)[^\S\n]+kraj[{_CS_LO}]*"
        rf"|[{_CS_UP}][{_CS_LO}]+[^\S\n]+(?:pod|nad)[^\S\n]+[{_CS_UP}][{_CS_LO}]+"
        rf"|[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_LO}]+|-[{_CS_UP}][{_CS_LO}]+|[^\S\n][{_CS_UP}][{_CS_LO}]+)?"
        rf"(?=,[^\S\n]*okres[^\S\n]|[^\S\n]*\(okres[^\S\n]))"
    ),
    # 郑州市金水区: a district after its city
    re.compile(rf"(?<=[市省])(?P<p>[{_HAN}]{{1,3}}?(?:区|县))"),
]


# Peterhead, Hebden Royd, Barrow-in-Furness, Weston-super-Mare
_EN_PLACE_NAME = r"[A-Z][a-z]{3,}(?:-(?:[a-z]{2,5}-)?[A-Z][a-z]+|[^\S\n][A-Z][a-z]{2,})?"
# "moved to Swindon", "runs to Felixstowe", "is from Warrington.": a town after a verb of living or
# going (checked: not an allowed word, such as a country, nor a day, month or relative)
_EN_TOWN = re.compile(
    r"\b(?:(?:moved|moving|relocated|lives|living|live|based|runs|drove|drives|travels|commutes|arrived"
    r"|came|fled|returned|visiting|visited|works|working)"
    r"(?:[^\S\n]+(?:up|down|back|over))?[^\S\n]+(?:to|in|from|out[^\S\n]+of)[^\S\n]+(?P<p>"
    + _EN_PLACE_NAME
    + r")"
    r"|(?:\b(?:near|outside|out[^\S\n]+of)|['’]s[^\S\n]+in)[^\S\n]+(?P<r>" + _EN_PLACE_NAME + r")"
    r"|\bfrom[^\S\n]+(?P<q>[A-Z][a-z]{3,}(?:[^\S\n][A-Z][a-z]{2,})?)(?=[.;,)][^\S\n]|[.;)]?$|[^\S\n]+(?:who|which|where)\b))",
    re.MULTILINE,
)
_NOT_TOWNS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "mum",
        "mom",
        "dad",
        "nan",
        "nana",
        "gran",
        "granny",
        "grandma",
        "grandad",
        "grandpa",
        "school",
        "college",
        "work",
        "home",
        "year",
        "grade",
        "reception",
        "christmas",
        "easter",
    ]
)


def places(text: str) -> Iterator[Span]:
    for pattern in _PLACES:
        for m in pattern.finditer(text):
            yield Span(m.start("p"), m.end("p"), "PLACE", "pattern")
    for m in _EN_TOWN.finditer(text):
        group = next(g for g in ("p", "q", "r") if m.group(g))
        town = m.group(group)
        first = town.split()[0].casefold()
        if first not in _NOT_TOWNS and first not in _GENERIC_WORDS and not allowed(town):
            yield Span(m.start(group), m.end(group), "PLACE", "pattern")


def find(text: str) -> list[Span]:
    from praxishub.cases import bodies, institutions, localities, streets

    found: list[Span] = []
    found.extend(addresses(text))
    found.extend(list(streets.grown(text, found)))
    found.extend(streets.find(text))
    found.extend(schools(text))
    found.extend(organisations(text))
    found.extend(list(institutions.grown(text, found)))
    found.extend(institutions.find(text))
    found.extend(bodies.find(text))
    found.extend(localities.find(text))
    found.extend(places(text))
    return found
