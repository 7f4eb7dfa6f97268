"""Layer 1, continued: addresses, postcodes, schools, classes, organisations and places by pattern.

Rule: a pattern here fires on the *shape* of an identifier (a street word and a
house number, a school type and its number or quoted name, a hospital's type
word after capitalised adjectives, a town after a postcode or a street), never
on a list of particular places, so it works on notes nobody has seen yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.letters import _CS_LO, _CS_UP, _HAN, _LO, _UP
from praxishub.cases.ner import KK_PRONOUNS, allowed
from praxishub.cases.postal import addresses
from praxishub.cases.spans import Span

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
        r"|мектеп\w*|гимназия\w*|балабақша\w*|лицей\w*"
        # Ukrainian, as a refugee family names a school at home: "до ліцею № 152", "у школі № 5"
        r"|ліце[йюї]\w*|гімназі[яїю]\w*|школ[іиу])"
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
        rf"(?:[{_HAN}]{{2,6}}|[一二三四五六七八九十百零\d]{{1,4}})(?:中学|小学|初中|高中|实验学校|学校|幼儿园|职业学校|中心校|完小|国[小中](?![{_HAN}])|国[小中](?=[一二三四五六七八九]?年))(?:[{_HAN}]{{0,2}}校区)?"
    ),
    # "考不上湘府一中", "在雅礼二中读": a school by its town's or founder's two characters and a
    # number, as people say it
    re.compile(
        rf"(?:(?<=[上在读去考进到是的从转回])|(?<![{_HAN}]))(?![初高第之其年级这那每上在读去考进到是的从转回])[{_HAN}][{_HAN}](?<![初高第之其年级])"
        rf"[一二三四五六七八九十]中(?![学文国间心午途期等的])"
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
        # a US school by its level's initials: "Helotes Ridge MS", "Westbrook HS"
        r"|\b(?:[A-Z][a-z]+\s+){1,3}(?:MS|HS|JHS|ES)\b(?![-/])"
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
        r"(?<![\w№])(?P<c>(?:[1-9]|1[01])\s*[-–]?\s*(?:«[А-ЯЁA-ZӘҒҚҢӨҰҮҺІ]»(?:-[а-яёәғқңөұүһі]{1,5}(?![\w-]))?|\"[А-ЯЁA-Z]\"|[А-ЯЁӘҒҚҢӨҰҮҺІ](?![а-яёa-zәғқңөұүһі])))"
    ),
    re.compile(
        # (斑 for 班: a scanner's misreading, "初二(6)斑")
        r"(?P<c>[初高][一二三]\s*[（(]?\s*[\d一二三四五六七八九十]+\s*[)）]?\s*[班斑]"
        r"|[一二三四五六七八九\d]+年级\s*[（(]?\s*[\d一二三四五六七八九十]+\s*[)）]?\s*[班斑])"
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
# "我不想再去学校"), or makes it the school in general or the pupil's school ("孩子在学校",
# "白天由学校", "并通知学校", "普通学校", "家长学校", "在光明实验学校": prepositions, conjunctions
# and verbs of telling that no school's name begins with): the school's name, if any, starts
# after the last of them.
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_ZH_SCHOOL_LEAD = re.compile(
    r"^.*(?:去|回|到|联系|转介|建议|提到|离开|继续|参加|加入|通过|担心|希望|今年|我|她|他|你|就|再|想|了|的"
    r"|在|由|与|经|被|把|让|给|对|跟|并|已|报|通知|通报|提醒|告知|征得|用于|只是|那边|这边"
    r"|当地|普通|其他|其它|每周|孩子|学生|家长|明天|今天|昨天|以后|以便|同时|是不是|礼拜|当天|次日"
    # telling, asking, finding, keeping: "告诉学校", "午休找学校", "介绍一下学校", "原件存学校"
    r"|告诉|找|讲|介绍|一下|请|存|哪所|哪个|问|说|打电话|能不能来|回来|来过|转入|转到|回到|读|念|离"
    r"|女儿|儿子|孙子|孙女)"
)


def schools(text: str) -> Iterator[Span]:
    for pattern in gates.live(_SCHOOL, text):
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
                                r"(?:中学|小学|初中|高中|实验学校|学校|幼儿园|职业学校|中心校|完小|国小|国中)$",
                                "",
                                name,
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
    for pattern in gates.live(_CLASS, text):
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
        r"|хоспис\w*|служб\w*)(?:\s+(?:для\s+детей(?:\s+и\s+подростков)?|№\s*\d+|«[^»\n]{1,40}»"
        # "Городская служба онкопсихологической помощи ДЗМ": its kind of help and its body
        r"|[а-яё]+(?:ой|ей)\s+помощи(?:\s+[А-ЯЁ]{2,5}(?![\w-]))?))*"
    ),
    # Центр психологической помощи «Доверие», ГБУЗ «Областная больница „Сосновый Бор“», фонд «…»,
    # ТОО «…», сенім телефоны «…»: an institution's type word or legal form, then its quoted name
    re.compile(
        # (with the capitalised adjective that opens its name: "Городской телефон доверия «…»")
        r"(?<![\w-])(?:(?:Городск|Областн|Краев|Республиканск|Региональн|Муниципальн|Детск|Молод[её]жн)"
        r"(?:ой|ая|ое|ий|ый)[^\S\n]+(?=телефон|служб|центр|лини))?"
        r"(?:(?i:центр|фонд|клиник|служб|больниц|поликлиник|организаци|ассоциаци|объединени"
        r"|компани|агентств|кабинет|студи|лаборатори|диспансер|санатори|приют|движени|сообществ"
        r"|лини|телефон\w*\s+доверия|орталығ|ұйым|қауымдастығ|бірлестіг|серіктестіг)\w{0,5}"
        r"|(?i:проект|қоры?)(?:а|у|ом|е|ы|на|ның|нда)?(?!\w)"
        r"|(?:Ф|О|К|Р)?(?:ГБУЗ|ГАУЗ|ГБУ|ГКУ|ГАУ|ГБОУ|ГАОУ|ГКП|ГУ|ГП)|МБУ|МАУ|МКУ|АНО|НКО|ООО|ОАО|ЗАО|ПАО|АО"
        r"|ИП|ТОО|ЖШС|АҚ|КММ|МКҚК|РОО|ОО|ОФ|ЧУ)"
        # the words between may hold the legal form of the body the service belongs to:
        # "Служба онкопсихологической помощи ГБУ «…»"
        rf"(?:[^\S\n]+(?:[{_LO}-]+|[А-ЯЁ]{{2,5}}(?=[^\S\n]+«))){{0,4}}[^\S\n]*"
        r"«(?:[^«»\n]|„[^“”\n]{0,40}[“”]|«[^»\n]{0,40}»){1,80}»"
    ),
    # библиотека № 178, Дом культуры № 3, knihovna č. 2: a public library or club by its number
    re.compile(
        r"(?<![\w-])(?:[Бб]иблиотек\w*|[Дд]ом\w*[^\S\n]+культуры|ДК|[Кк]ниховн\w*|[Кк]ітапхана\w*)"
        r"[^\S\n]*(?:№|č\.)[^\S\n]*\d{1,4}(?!\d)"
    ),
    # «Жан сарайы» психологиялық орталығы, «Шипагер» көпбейінді медициналық орталығы: the Kazakh
    # quoted name comes before the words of its kind
    re.compile(
        rf"«[^»\n]{{1,60}}»(?:[^\S\n]+[{_LO}-]+){{0,3}}[^\S\n]+(?:орталы[ғқ]|ауруханас|емханас|қоры|ұйым"
        r"|клиника|диспансер|кабинет|бірлестіг|қауымдастығ|серіктестіг|компания|ЖШС|қызмет)\w*"
    ),
    # Қарағанды облыстық балалар ауруханасы
    re.compile(
        rf"(?<![\w-])[{_UP}][\w-]+(?:[^\S\n]+[{_LO}-]+){{0,3}}[^\S\n]+(?:ауруханас\w*|емханас\w*|орталығ\w*|диспансер\w*|амбулаториясы\w*)"
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
    r"|Parish|Synagogue|Temple|Cooperative|Co-op|Partnership|Service|Services|Team|Council|Hub|Living|Health|Care"
    r"|Project|Group|Club|University|Mediation|Pharmacy|Police|CAMHS|Fund|Program|Programme|Residence"
    r"|Directorate|Hotel|Inn|Motel|Hostel|Commons|Mall)\b(?:[^\S\n]+(?:mall|children's\s+home))?"
    # (not a day's or month's name: "… Parish on Tuesdays")
    r"(?:[^\S\n]+(?:on|of|for)[^\S\n]+(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?\b"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)"
    r"(?:[A-Z][a-z]+(?:[^\S\n]+|\b)){1,3})?(?:[^\S\n]*\([A-Z]{2,8}\))?"
    r"(?:,[^\S\n]*(?:[A-Z][a-z]+[^\S\n]+){1,3}(?:Unit|Team|Branch|Office|Ward|Division|Department))?"
)
# "Childline 0800 1111", "Linka bezpečí (116 111)", "Samaritans 116 123": a named helpline before
# its free or harmonised service number (the number itself is no identifier).
_HELPLINE = re.compile(
    r"(?<![\w-])(?P<o>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][\w'’-]+(?:[^\S\n]+[a-záčďéěíňóřšťúůýž]+){0,2})[^\S\n]*[(:–-]?[^\S\n]*"
    r"(?:116[^\S\n]?\d{3}|080[08][^\S\n]?\d{3,4}(?:[^\S\n]?\d{3,4})?|8[^\S\n-]?800[^\S\n-]?\d{3}"
    # Australia's 13 and 1800 numbers: "Lifeline 13 11 14", "Kids Helpline 1800 55 1800"
    r"|13[^\S\n]\d{2}[^\S\n]\d{2}|1800[^\S\n]?\d{2,3}[^\S\n]?\d{3,4}"
    # a UK text line's short code in brackets: "Shout (85258)"
    r"|(?<=\()8\d{4}(?=\)))(?![\d/.:])"
)


# National helplines and online services by their own names, with or without their number:
# "the Childline number (116)", "Kids Help Phone", "Linka bezpečí" ("linku bezpeci" in a chat)
_NAMED_HELPLINE = re.compile(
    r"(?<![\w-])(?:Childline|Samaritans|Kids[^\S\n]Help(?:line|[^\S\n]Phone)|Kooth|Papyrus|Youthline"
    r"|Crisis[^\S\n]Text[^\S\n]Line|Breathing[^\S\n]Space|Lifeline|[Ll]ink[auyo][^\S\n]bezpe[čc][íi]"
    # Australia's online-safety regulator, to which a school reports: "Reported to eSafety"
    r"|eSafety(?:[^\S\n]Commissioner)?"
    # public services one is sent to by name, in any letter case: "the lady at centrelink"
    r"|[Cc]entrelink|[Ss]ervices[^\S\n]Australia|My[^\S\n]Aged[^\S\n]Care"
    # lines and bodies by name: Slovakia's children's line in Czech notes ("Linka detskej
    # istoty"), the Czech online-harm line ("Stop online"), British Columbia's housing body
    r"|Link[auy][^\S\n]detskej[^\S\n]istoty|Stop[^\S\n]online|BC[^\S\n]Housing"
    # a body that runs a named tool: "Take It Down, run by NCMEC"
    r"|NCMEC)(?![\w-])"
    # China's city psychological-aid lines and professional bodies, by name: "江城心理援助热线",
    # "武汉市心理援助热线", "中国心理学会注册督导师"
    # (the national line, 全国心理援助热线, is a service as generic as a helpline's number)
    r"|(?:江城|(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{1,3}[市省]|(?<=拨打|或打|联系|致电)[\u4e00-\u9fff]{1,3}[市省]"
    # a city line by its poetic name after "call": "也可打晴川心理援助热线"
    r"|(?<=[打拨])(?!全国)[\u4e00-\u9fff]{2}(?=心理援助热线))"
    r"(?:心理援助|心理危机干预|心理健康服务|希望|生命)热线"
    r"|中国心理学会|中国心理卫生协会|中国社会工作联合会"
    # a Czech Labour Office's branch with its town: "ÚP, kontaktní pracoviště Ústí nad Labem"
    r"|ÚP(?:[^\S\n]ČR)?,?[^\S\n]+(?:kontaktní[^\S\n]+pracoviště|krajská[^\S\n]+pobočka|pobočka)"
    r"(?:[^\S\n]+v[e]?)?(?:[^\S\n]+(?:[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+|nad|pod|u)){1,4}"
    r"(?<!\bnad)(?<!\bpod)(?<!\bu)"
)


def organisations(text: str) -> Iterator[Span]:
    for pattern in gates.live(_ORGS, text):
        for m in pattern.finditer(text):
            start = m.start()
            while text[start] in _ZH_LEADING and m.end() - start > 4:
                start += 1
            yield Span(start, m.end(), "ORG", "pattern")
    for m in _EN_NAMED_ORG.finditer(text):
        at = _named(re.sub(r"\W*\(.*|,.*|\s+(?:on|of|for)\s.*", "", m.group()))
        if at is not None:
            yield Span(m.start() + at, m.end(), "ORG", "pattern")
    for m in _NAMED_HELPLINE.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "pattern")
    for m in _HELPLINE.finditer(text):
        if re.search(r"(?i)\b(?:line|number|phone|tel|call|ring)\W*$", m.group("o")):
            continue  # "Service line: 1800 647 215", "Free call 0800 …": a label, no name
        if _named(m.group("o") + " x") is not None:
            yield Span(m.start("o"), m.end("o"), "ORG", "pattern")


_PLACES = [
    # Алмалы ауданы, Осакаровка ауданында, Шымкент қаласы, Алматы қ. (not a pronoun or a
    # demonstrative that opens the sentence: "Ол Алматы қаласының тұрғыны")
    re.compile(
        rf"(?<![\w-])(?!(?:{'|'.join(sorted(KK_PRONOUNS))})\s)"
        rf"(?P<p>[{_UP}][\w-]+(?:\s[{_UP}][\w-]+)?\s+(?:ауданы|облысы|қаласы|ауылы|өңірі|аудан|облыс|ауыл)"
        rf"[{_LO}]*)"
    ),
    re.compile(rf"(?<![\w-])(?P<p>[{_UP}][\w-]+)\s+қ\."),
    # с. Ключи, пос. Первомайский, город Тверь
    re.compile(
        # "г.о. Котельники": a town's municipal district (городской округ)
        r"(?<![\w.])(?<!\d\s)(?:г\.[^\S\n]?о\.|г\.|гор\.|с\.|пос\.|пгт\.?|дер\.|д\.|х\.|ст-ца|аул|сел[оеау]|город[аеу]?|посёл\w+"
        # "п. Разумное", "ст. Холмская": a settlement's or a stanitsa's name by its adjective form
        # (п. 3 and ст. 20.20 are an item and an article)
        r"|п\.(?=\s*[А-ЯЁ][а-яё]+(?:ое|ый|ий|ая|ово|ево|ино)(?![а-яё]))"
        # "п. Тура, ул. Горная": any name, where a street follows it
        r"|п\.(?=\s*[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*,\s*(?:ул\.|улица|пер\.|переулок|мкр|д\.\s*\d))"
        r"|ст\.(?=\s*[А-ЯЁ][а-яё]+(?:ская|цкая|ная|вая)(?![а-яё]))"
        r"|посел\w+|станиц\w+|деревн\w+|хутор\w*)"
        rf"\s*(?P<p>[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*(?:\s[{_UP}][{_LO}]+)?)"
    ),
    # Верх-Исетский район, Алтайский край, Московская область, "Первомайский р-н" (a log's column)
    re.compile(
        rf"(?<![\w-])(?P<p>[{_UP}][{_LO}-]+{_RU_ADJ}\s+(?:(?:район|област|кра|округ)[{_LO}]*"
        rf"|(?:р-н|р-на|р-не|обл\.)(?![\w-])))"
    ),
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
    for pattern in gates.live(_PLACES, text):
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
    found.extend(
        Span(m.start(), m.end(), "PLACE", "pattern") for m in _CS_RIVER_TOWN.finditer(text)
    )
    return found


# A Czech town named with its river, the river often cut short: "Dvůr Králové n. L.", "Ústí nad
# Orlicí", "Brandýs n. L.", "Kostelec nad Černými lesy" is left to its gazetteer
_CS_RIVER_TOWN = re.compile(
    rf"(?<![\w-])(?:[{_CS_UP}][{_CS_LO}]+[^\S\n]){{1,2}}(?:n\.|nad|p\.|pod)[^\S\n]?"
    r"(?:L\.|O\.|Lab(?:em|e)|Vlt\.|Vltavou|Orl\.|Orlicí|Sáz\.|Sázavou|Nisou|Metují|Odrou|Bečvou"
    r"|Ohří|Jizerou|Moravou|Svitavou|Doubravou|Desnou|Radbuzou|Cidlinou|Lužnicí|Oslavou|Jihlavou"
    r"|Dyjí|Otavou|Úhlavou|Ostravicí|Olší|Opavou|Blanicí|Mží|Ploučnicí|Sázavou)(?![\w])"
)
