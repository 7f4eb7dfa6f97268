"""Layer 1, continued: public bodies named the long official way, and the tails of institutions.

Rule: a body is found by the *shape* of its official name: the head word of an authority
(комиссия, отдел, секторы, Team, Division) with the words of its remit, chained to the
district or town it serves ("… администрации Калининского района г. Заречинска", "… ауданы
әкімдігінің … жөніндегі комиссиясының", "Kinship Care Team, Children's Social Care, Wealdshire
County Council"); an institution found elsewhere is grown over its legal form, branch or site
("…, příspěvková organizace", "…, Dalton Road site", "…江岸分校"), never by a list of bodies.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.ner import _not_surnames, allowed
from praxishub.cases.spans import Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_H = r"[^\S\n]"
_RU_TOWN = rf"(?:г\.|города?){_H}*[{_UP}][{_LO}]+(?:-(?:на-)?[{_UP}]?[{_LO}]+)*"
_CS_TOWN = rf"[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_UP}]?[{_CS_LO}]+)*(?:{_H}[{_CS_UP}][{_CS_LO}]+)?"

# --- Russian: an authority, its remit, and the district or town it serves ------------------

_RU_HEAD = (
    r"(?:[Кк]омисси|[Уу]правлени|[Оо]тдел|[Кк]омитет|[Дд]епартамент|[Мм]инистерств|[Ии]нспекци"
    r"|[Сс]ектор|[Аа]дминистраци)[а-яё]*"
)
# "… Ленинского административного округа г. Заречинска", "… по Ишимскому району"
_RU_SERVED = (
    rf"(?:[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?(?:ого|ому|ой|ском){_H}+(?:[{_LO}]+(?:ого|ому|ой|ом){_H}+)?"
    rf"(?:район|округ|област|кра)[{_LO}]*(?:{_H}+{_RU_TOWN})?|{_RU_TOWN})"
)
# The words of a body's remit are nouns and adjectives; a clause's words end the name
_RU_NOT_REMIT = (
    rf"(?!(?:что|как|когда|если|чтобы|будет|будут|был[аио]?|это|этот|эта|где|но|а|же|ли|уже|тоже"
    rf"|котор[{_LO}]+|сказал[{_LO}]*|сообщил[{_LO}]*|написал[{_LO}]*)(?![{_LO}]))"
)
_RU_BODY = re.compile(
    rf"(?<![\w-]){_RU_HEAD}(?:,?{_H}+(?:{_RU_NOT_REMIT}[{_LO}]+|{_RU_HEAD})){{0,22}}?{_H}+{_RU_SERVED}"
)
# The adjectives of its kind before the head word: "Территориальную психолого-медико-педагогическую"
_RU_ADJECTIVES = re.compile(
    rf"(?:(?<![\w-])[{_UP}]?[{_LO}]+(?:-[{_LO}]+)*(?:ую|ая|ой|ого|ый|ий|ое|ее|ей|ом|ем|ых|ые){_H}+){{1,3}}$"
)
# "детском консультативном отделении ГБУЗ «…»": the unit of an institution, before it
_RU_UNIT_BEFORE = re.compile(
    rf"(?:(?<![\w-])[{_LO}]+(?:ом|ем|ого|его|ое|ий|ый|ая|ой|ую){_H}+){{0,3}}"
    rf"(?:отделени|филиал|отдел|кабинет)[{_LO}]*{_H}+$"
)

# --- Kazakh: the unit "… жанындағы … жөніндегі комиссиясы" after its authority ------------
_KK_UNIT = rf"(?:сектор|комиссия|инспекция|бөлім|басқарма|орталығ|қызмет|кеңес|департамент)[{_LO}]*"
_KK_UNIT_AFTER = re.compile(
    rf"(?P<bridge>{_H}+жанындағы)?(?P<words>(?:{_H}+[{_LO}-]+){{0,10}}?){_H}+{_KK_UNIT}"
    rf"(?:{_H}*\([{_LO}{_H}]{{3,40}}\))?"
)
_KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
# "(қорғаншылық секторы)": a unit in brackets after its authority
_KK_BRACKETED_UNIT = re.compile(rf"{_H}*\([{_LO}{_H}]{{3,40}}(?:секторы|бөлімі)\)")
# Kazakh schools and universities with a place's name: Көктерек орта мектебінде, Сарыарқа
# жоғары медициналық колледжі, Сыр өңірі технологиялық университетіне
_KK_SCHOOL = re.compile(
    rf"(?<![\w-])[{_UP}][{_LO}-]+(?:{_H}+(?:би|батыр|хан|датқа|ата|ана|[{_UP}][{_LO}-]+))?"
    rf"(?:{_H}+(?!(?:бүгін|ертең|кеше|енді|әлі|да|де|тағы|қазір|сол|осы|бұл|оның|менің|біздің)(?![{_LO}]))"
    rf"[{_LO}-]+){{1,4}}?{_H}+(?:мекте[пб]|колледж|университет|институт|академия)[{_LO}]*"
)
# "№ 1 Сарқан мектебінде": a numbered school named by its town, the school word right after
_KK_NUMBERED_SCHOOL = re.compile(
    rf"№{_H}*\d{{1,3}}{_H}+(?P<town>[{_UP}][{_LO}-]+){_H}+мекте[пб][{_LO}]*(?![\w-])"
)
# Words that open a sentence before a school without naming it: "Бұл орта мектепте"
_KK_DETERMINERS = _words(
    "бұл осы сол ол біздің менің оның барлық кейбір әр қай жаңа бір оқушы бала анасы"
    " әкесі мұғалім мұғалімі сынып кеше бүгін ертең қазір енді"
)
# МАОУ Боровская СОШ, Ключевская основная школа: a school named by its village's adjective
_RU_SCHOOL = re.compile(
    rf"(?<![\w-])(?:(?:[МГ][БАК]|Ч)?[А-ЯЁ]?ОУ{_H}+)?[{_UP}][{_LO}]+(?:ская|цкая|инская|овская|евская)"
    rf"{_H}+(?:СОШ|ООШ|НОШ|(?:средн|основн|начальн)[{_LO}]+{_H}+(?:общеобразовательн[{_LO}]+{_H}+)?школ[{_LO}]*)"
)
# 彩虹桥社会工作服务中心, 西安启航家庭心理服务中心, 兰州心语哀伤支持小组: a service centre or
# support group by the words of its kind (a generic place before it names no one: 学校心理服务中心)
_ZH_SERVICE = re.compile(
    rf"(?P<name>[{_HAN}]{{2,8}}?)(?:社会工作|社工|家庭|心理|儿童|青少年|哀伤|家长|公益)[{_HAN}]{{0,4}}?"
    r"(?:服务中心|服务站|工作室|支持小组|互助小组|服务社)"
)
_ZH_GENERIC_PLACE = _words("学校 社区 医院 当地 附近 专业 本校 我校 该校 街道 镇上 市里 县里 区里")
_ZH_LEAD_WORDS = re.compile(r"^.*(?:推荐|介绍|联系|前往|转介|参加|加入|到|去|在|的|和|与|及|由|向)")
# 湖北楚天卫生职业学院, 武汉护理职业技术学院: a college by the words of its kind
_ZH_SCHOOL = re.compile(
    rf"(?P<name>[{_HAN}]{{2,8}}?)(?:卫生|职业|技术|护理|医学|师范|商贸|工程|艺术|交通)[{_HAN}]{{0,4}}?"
    r"(?:学院|学校|中专|技校)"
)

# --- Czech ---------------------------------------------------------------------------------
_CS_ORGS = [
    # Domova mládeže při SOU strojírenském Hranice: a residence under the school it belongs to
    re.compile(
        rf"(?<![\w-])[Dd]omov\w*{_H}+mládeže{_H}+při{_H}+(?:SOU|SOŠ|SŠ|SPŠ|ZŠ|VOŠ|OA|[Gg]ymnázi\w*)"
        rf"(?:{_H}+[{_CS_LO}]+){{0,3}}{_H}+{_CS_TOWN}"
    ),
    # Zařízení pro děti vyžadující okamžitou pomoc Klokánek Zlín: an institution's kind, its name
    re.compile(
        rf"(?<![\w-])(?:Zařízení|Středisk\w*|Centr(?:um|a|u|em)|Domov\w*)(?:{_H}+[{_CS_LO}]+){{4,6}}"
        rf"{_H}+[{_CS_UP}][{_CS_LO}]+(?:{_H}+[{_CS_UP}][{_CS_LO}]+)?"
    ),
    # Vysoké školy logistiky Haná, Vysoké učení technické v Jihlavě
    re.compile(
        rf"(?<![\w-])Vysok\w+{_H}+(?:škol\w*|učení)(?:{_H}+[{_CS_LO}]+){{0,3}}(?:{_H}+v)?{_H}+{_CS_TOWN}"
    ),
    # Diakonie Rychlebsko – Pomoc rodinám, Charita Zlín
    re.compile(
        rf"(?<![\w-])(?:Diakoni\w*|Charit\w*)(?:{_H}+ČCE)?{_H}+[{_CS_UP}][{_CS_LO}]+"
        rf"(?:{_H}+[–-]{_H}+[{_CS_UP}][{_CS_LO}]+(?:{_H}+[{_CS_LO}]+){{0,2}})?"
    ),
    # Probační a mediační službu, středisko Prostějov: a body of two adjectives and its branch
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][{_CS_LO}]+(?:í|á|é|ý){_H}+a{_H}+[{_CS_LO}]+(?:í|á|é|ý){_H}+"
        rf"(?:služb|poradn|centr|ústav)[{_CS_LO}]*(?:{_H}+ČR|,{_H}*(?:středisk|pracoviště|pobočk)[{_CS_LO}]*{_H}+{_CS_TOWN})"
    ),
]
# v kavárně Kafe Lab Horní náměstí: a café or restaurant, then its name (the word stays outside)
_CS_VENUE = re.compile(
    rf"(?<![\w-])(?:kavárn|cukrárn|restaurac|bistr|pizzeri)[{_CS_LO}]*{_H}+"
    rf"(?P<o>[{_CS_UP}][\w'’-]*(?:{_H}+(?:[{_CS_UP}][\w'’-]*|náměstí|nábřeží|ulice)){{0,3}})"
)

# --- English: a chain of units down to the council, court or district they belong to ------
_EN_UNIT = (
    r"(?:Team|Hub|Directorate|Services?|Care|Council|Division|Unit|Department|Office|Court|Trust|Board"
    r"|Partnership|Authority|Agency|District|Centre|Center|Panel|Bureau)"
)
_EN_ELEMENT = (
    rf"(?:[A-Z][\w'’-]*{_H}+(?:(?:of|for|and|&){_H}+)?){{0,5}}{_EN_UNIT}"
    rf"(?:{_H}+(?:of|for){_H}+(?:the{_H}+)?[A-Z][\w'’-]*(?:{_H}+[A-Z][\w'’-]*){{0,3}}){{0,2}}"
)
_EN_CHAIN = re.compile(rf"\b{_EN_ELEMENT}(?:,{_H}*{_EN_ELEMENT})+")
_EN_ORGS = [
    # Ashgrove House children's home, Elm Lodge care home
    re.compile(
        r"\b(?:[A-Z][\w'’-]*[^\S\n]+){2,3}(?:children's|care|residential|nursing|group)\s+home\b"
    ),
    # Alder County Career and Technology Center: words joined by "and" before an institution's kind
    re.compile(
        r"\b(?:[A-Z][\w'’]*[^\S\n]+){1,4}(?:and|&)[^\S\n]+(?:[A-Z][\w'’]*[^\S\n]+){0,3}"
        r"(?:Center|Centre|College|Institute|School|Academy)\b"
    ),
]
# the parents' group Sweet Life Tamebridge, группе поддержки родителей «…»: a support group's name
_SUPPORT_GROUP = re.compile(
    r"\b(?:support|parents'?|parent|carers'?|peer)(?:\s+support)?\s+group\s+(?P<o>(?:[A-Z][\w'’-]*(?:[^\S\n]+|\b)){1,4})"
    rf"|групп[{_LO}]*{_H}+(?:поддержки|взаимопомощи)(?:{_H}+[{_LO}]+){{0,2}}{_H}+(?P<q>«[^»\n]{{1,40}}»)"
)

# --- tails: what belongs to an institution found elsewhere --------------------------------
_TAIL = re.compile(
    rf",{_H}*(?:příspěvková{_H}+organizace|p\.{_H}?o\.|s\.{_H}?r\.{_H}?o\.|z\.{_H}?s\.|z\.{_H}?ú\.|o\.{_H}?p\.{_H}?s\.)"
    rf"|,{_H}*(?:[A-Z][\w'’-]*{_H}+){{1,3}}(?:site|campus|branch|Site|Campus|Branch)\b"
    rf"|,{_H}*(?:středisk|pracoviště|pobočk)[{_CS_LO}]*{_H}+{_CS_TOWN}"
    rf"|[{_HAN}]{{2,4}}?(?:分校|校区|分院|院区)|[（(][{_HAN}]{{2,8}}(?:店|分店|校区|分院|院区)[)）]"
)
# МАОУ Боровская СОШ: an education body's legal form before a school found without it
_SCHOOL_FORM_BEFORE = re.compile(r"(?<![\w-])(?:[МГ][БАК]|Ч)?[А-ЯЁ]?ОУ[^\S\n]+$")
# «Болашақ» IT-лицейі: a quoted name, then a type word with a Latin prefix
_KK_QUOTED_SCHOOL = re.compile(
    r"«[^»\n]{1,40}»[^\S\n]+[A-Za-z]{1,4}-(?:лицей|мектеп|колледж|гимназия)[\w-]*"
)
# «Кибер Қорған» жобасының, проекта «…»: a project's quoted name (the word stays outside)
_PROJECT = re.compile(
    rf"«[^»\n]{{2,40}}»(?={_H}+жоба)|(?<=проекта{_H})«[^»\n]{{2,40}}»|(?<=проект{_H})«[^»\n]{{2,40}}»"
)


def find(text: str) -> Iterator[Span]:
    if re.search(f"[{_LO}]", text):
        yield from _cyrillic(text)
    if re.search(f"[{_HAN}]", text):
        yield from _chinese(text)
    if re.search("[a-z]", text):
        for pattern in gates.live(_CS_ORGS, text):
            for m in pattern.finditer(text):
                yield Span(m.start(), m.end(), "ORG", "pattern")
        for m in _CS_VENUE.finditer(text):
            yield Span(m.start("o"), m.end("o"), "ORG", "pattern")
        yield from _english(text)
    for m in _SUPPORT_GROUP.finditer(text):
        group = "o" if m.group("o") else "q"
        if m.group(group).split()[0].rstrip("s") in _not_surnames() or allowed(m.group(group)):
            continue  # "support group Tuesdays"
        yield Span(m.start(group), m.start(group) + len(m.group(group).rstrip()), "ORG", "pattern")


def _cyrillic(text: str) -> Iterator[Span]:
    for m in _RU_BODY.finditer(text):
        start = m.start()
        before = _RU_ADJECTIVES.search(text, max(0, start - 90), start)
        if before:
            start = before.start()
        yield Span(start, m.end(), "ORG", "pattern")
    yield from _kazakh_schools(text)
    for m in _RU_SCHOOL.finditer(text):
        yield Span(m.start(), m.end(), "SCHOOL", "pattern")
    for m in _KK_QUOTED_SCHOOL.finditer(text):
        yield Span(m.start(), m.end(), "SCHOOL", "pattern")
    for m in _PROJECT.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "pattern")


def _chinese(text: str) -> Iterator[Span]:
    for kind, pattern in (("ORG", _ZH_SERVICE), ("SCHOOL", _ZH_SCHOOL)):
        for m in pattern.finditer(text):
            lead = _ZH_LEAD_WORDS.match(m.group("name"))
            start = m.start() + (lead.end() if lead else 0)
            prefix = text[start : m.end("name")]  # the name, after the verb that leads to it
            generic = prefix in _ZH_GENERIC_PLACE or re.match("周|星期|每", prefix)
            if len(prefix) >= 2 and not generic:
                yield Span(start, m.end(), kind, "pattern")


def kk_name(word: str) -> bool:
    from praxishub.cases import ner

    return bool(ner._KK_PERSON.match(word)) or ner._kk_name_form(word.casefold(), ner.kk_names())


def _kazakh_schools(text: str) -> Iterator[Span]:
    for m in _KK_NUMBERED_SCHOOL.finditer(text):
        if not allowed(m.group("town")):
            yield Span(m.start(), m.end(), "SCHOOL", "pattern")
    at = 0
    while m := _KK_SCHOOL.search(text, at):
        first = m.group().split()[0]
        at = m.start() + len(first)  # "Ол Көкбұлақ … мектебінде": look again after the first word
        if _starts_sentence(text, m.start()) and (
            first.casefold() in _KK_DETERMINERS or len(m.group().split()) < 4
        ):
            continue  # "Бұл мектепте", "Жаңа мектепке": a sentence's first word, no name
        # "Асем орта мектепте": a pupil, not the school's name
        person = any(kk_name(w) for w in m.group().split() if w[:1].isupper())
        if not allowed(first) and not person:
            yield Span(m.start(), m.end(), "SCHOOL", "pattern")
            at = m.end()


def _english(text: str) -> Iterator[Span]:
    from praxishub.cases.places import _GENERIC_WORDS

    for m in _EN_CHAIN.finditer(text):
        words = re.findall(r"[\w'’-]+", m.group())
        units = set(_EN_UNIT.strip("(?:)").split("|")) | {"Service", "Services"}
        if any(w.casefold() not in _GENERIC_WORDS and w not in units for w in words):
            yield Span(m.start(), m.start() + len(m.group().rstrip()), "ORG", "pattern")
    for pattern in gates.live(_EN_ORGS, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.start() + len(m.group().rstrip()), "ORG", "pattern")


def _starts_sentence(text: str, start: int) -> bool:
    from praxishub.cases.ner import _sentence_start

    return _sentence_start(text, start)


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Institutions found by any layer, grown over their unit, legal form, branch or site."""
    for span in spans:
        if span.kind not in ("ORG", "SCHOOL"):
            continue
        start, end = span.start, span.end
        if span.kind == "SCHOOL":
            before = _SCHOOL_FORM_BEFORE.search(text, max(0, start - 12), start)
            if before:
                start = before.start()
        if text[start : start + 1].isupper():
            unit = _RU_UNIT_BEFORE.search(text, max(0, start - 80), start)
            if unit:
                start = unit.start()
        tail = _TAIL.match(text, end)
        if tail:
            end = tail.end()
        after = _KK_UNIT_AFTER.match(text, end)
        # "… әкімдігінің жанындағы …", "… басқармасының … жөніндегі инспекциясының"
        remit = after and "жөніндегі" in after.group("words")
        if after and (after.group("bridge") or (remit and _KK_GENITIVE.search(text[start:end]))):
            end = after.end()
        bracket = _KK_BRACKETED_UNIT.match(text, end)
        if bracket:
            end = bracket.end()
        if (start, end) != (span.start, span.end):
            yield Span(start, end, span.kind, span.source)
