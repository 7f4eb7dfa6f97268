"""Identifiers that one cue beside them gives away, in the programmes' notes, logs and chats.

Rule: each pattern below needs its cue (a label, a preposition, a kind word, a list of its
own kind) next to the value, so a look-alike without the cue stays unmasked. Examples:
- a Czech house's conscription number ("z č. p. 320") and a Slovak dorm room ("na izbu 108");
  a Polish postcode after its street ("ul. Daszyńskiego 14/3, 59-920 Bogatynia");
- US states listed together ("(NY, NJ, IL, MA)"); a New York pupil's OSIS number; a
  registration number after "reg. no."; a counsellor's badge number after their initials
  ("(BO, #214)"); an initial signing an e-mail off ("Thanks, D.");
- an oil field or a lake by its name ("Теңіз кен орны", "Балқаш көлінің", "месторождение
  Тенгиз"); a written request's number ("өтініш № 17"); Krasnodar's and Rostov's districts by
  their letters ("(ФМР)", "ЗЖМ"); a signature's OCR-split surname ("Подпись: Бонда ренко"); an
  address said in words ("на саввинском шоссе дом четыре корпус два", "нұрсат шағын ауданы
  отыз бес үй қырық сегізінші пәтер"); a school by its number in a chat ("в нашей 94й");
- a police officer's number (警号 042317); a hotline's calls by their numbers ("（05、01号）",
  "012 号来电"); Wuhan by its one-character name after a verb of coming ("来汉"); a doctor's
  surname after "the doctor is" (医生是舒主任); Taiwan's cities (臺中).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_CY_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_CY_LO = "а-яёәғқңөұүһі"

_US_STATE = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV"
    "|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_RU_UNITS = (
    r"один|одна|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|одиннадцать|двенадцать"
    r"|тринадцать|четырнадцать|пятнадцать|шестнадцать|семнадцать|восемнадцать|девятнадцать"
    r"|двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто|сто|двести"
)
_RU_NUMBER = rf"(?:\d{{1,3}}[а-я]?|(?:{_RU_UNITS})(?:{_H}+(?:{_RU_UNITS}))?)"
_KK_UNITS = (
    r"бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|жиырма|отыз|қырық|елу|алпыс|жетпіс|сексен"
    r"|тоқсан|жүз"
)
_KK_NUMBER = rf"(?:\d{{1,3}}|(?:(?:{_KK_UNITS}){_H}+)?(?:{_KK_UNITS})(?:ыншы|інші|нші|ншы)?)"

_PATTERNS: list[tuple[re.Pattern[str], str, str]] = [
    # cs: z č. p. 320; sk: prestup na izbu 108
    (
        re.compile(
            rf"(?<![\w.])č\.{_H}?p\.{_H}?(?P<v>\d{{1,4}})(?![\d/])"
            rf"|(?<![\w-])(?P<w>izb(?:a|u|e|y|ou){_H}+(?:č\.{_H}*)?\d{{1,4}})(?![\d/])"
        ),
        "ADDRESS",
        "v",
    ),
    # pl: ul. Daszyńskiego 14/3, 59-920 Bogatynia
    (
        re.compile(
            rf"(?<![\w-])ul\.{_H}+[{_CS_UP}ŁŚŻŹĆŃ][\w-]+{_H}+\d+[a-z]?(?:/\d+)?,{_H}+"
            rf"(?P<v>\d{{2}}-\d{{3}})(?={_H}+[{_CS_UP}ŁŚŻŹĆŃ])"
        ),
        "POSTCODE",
        "v",
    ),
    # en: OSIS 218 530 467; reg. no. 412876; (BO, #214)
    (
        re.compile(
            rf"(?<![\w-])(?:OSIS|(?i:reg(?:istration)?\.?{_H}*(?:no|number)\.?)):?{_H}*"
            rf"(?P<v>\d{{3}}{_H}?\d{{3}}{_H}?\d{{3}}|\d{{4,8}})(?![\d-])"
            rf"|(?:\(|,{_H})(?:[A-Z]{{2,3}}|[A-Z]'?[A-Z]{{1,2}}),{_H}*#(?P<w>\d{{2,5}})(?!\d)"
        ),
        "ID",
        "v",
    ),
    # en: "Thanks, D." / "Best, M." at the end of an e-mail (quoted lines too)
    (
        re.compile(
            rf"(?im)^[> \t]*(?:thanks|thank{_H}you|best|regards|kind{_H}regards|best{_H}wishes"
            rf"|cheers|many{_H}thanks|díky|děkuji|спасибо),?{_H}*(?:\n[> \t]*)?"
            rf"(?P<v>[A-Z]\.){_H}*$"
        ),
        "PERSON",
        "v",
    ),
    # an initial in quotes, as a record writes a person: (хаттамада «Г.»), (in the file as "R.")
    (
        re.compile(rf"[«\"“](?P<v>[A-Z{_CY_UP}]\.)[»\"”]"),
        "PERSON",
        "v",
    ),
    # a nickname in quotes between a given name and a surname: 'Guadalupe "Lupe" Gallardo-Ortiz'
    (
        re.compile(
            rf"(?<![\w-])[A-Z{_CY_UP}][a-z{_CY_LO}]+{_H}[\"“«](?P<v>[A-Z{_CY_UP}][a-z{_CY_LO}]+)[\"”»]"
            rf"{_H}[A-Z{_CY_UP}][a-z{_CY_LO}]+(?:-[A-Z{_CY_UP}][a-z{_CY_LO}]+)?"
        ),
        "PERSON",
        "v",
    ),
    # cs: a birth date in words, its year too: "narozenej čtrnáctýho července padesát šest"
    (
        re.compile(
            r"(?<![\w-])(?P<v>(?:(?:dvacát|třicát)(?:ého|ýho)[^\S\n]+)?"
            r"(?:prv|druh|třet|čtvrt|pát|šest|sedm|osm|devát|desát|jedenáct|dvanáct|třináct|čtrnáct"
            r"|patnáct|šestnáct|sedmnáct|osmnáct|devatenáct|dvacát|třicát)(?:ního|ého|ýho|ího)"
            r"[^\S\n]+(?:ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu"
            r"|prosince)(?:[^\S\n]+(?:devatenáct[^\S\n]+set[^\S\n]+|dva[^\S\n]+tisíce[^\S\n]+)?"
            r"(?:dvacet|třicet|čtyřicet|padesát|šedesát|sedmdesát|osmdesát|devadesát)"
            r"(?:[^\S\n]+(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět))?)?)(?![\w-])",
            re.IGNORECASE,
        ),
        "DATE",
        "v",
    ),
    # zh: a street number and the building's floor after it: "百秀街56号区青少年活动中心三楼"
    (
        re.compile(
            r"(?P<v>[\u4e00-\u9fff]{1,6}[街路道]\d{1,4}号[\u4e00-\u9fff]{2,12}?(?:中心|大厦|大楼|广场|馆)"
            r"[一二三四五六七八九十\d]{1,2}楼)"
        ),
        "ADDRESS",
        "v",
    ),
    # zh: a surname before a school head's or director's title, after "with": 请她与万副校长面谈
    (
        re.compile(r"(?<=[与和跟找请])(?P<v>[\u4e00-\u9fff])(?=副校长|副主任|副院长)"),
        "PERSON",
        "v",
    ),
    # kk/ru: Теңіз кен орны, Балқаш көлінің, месторождение Тенгиз, озеро Балхаш
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[{_CY_UP}][{_CY_LO}-]+{_H}+(?:кен{_H}+орн[{_CY_LO}]*|көл(?:і|інің|іне|інде|інен|ін)))(?![\w-])"
            rf"|(?<![\w-])(?i:месторождени[еяию]|озер[оаеу]|оз\.){_H}+(?P<w>[{_CY_UP}][{_CY_LO}-]+)"
        ),
        "PLACE",
        "v",
    ),
    # kk/ru: өтініш № 17, заявление № 58, обращение № 112
    (
        re.compile(
            rf"(?<![\w-])(?i:өтініш\w*|заявлени[еяию]|обращени[еяию]|жолдау\w*|арыз\w*){_H}*№{_H}*"
            rf"(?P<v>\d{{1,6}}(?:/\d{{1,4}})?)(?![\d-])"
        ),
        "ID",
        "v",
    ),
    # ru: Krasnodar's and Rostov's districts by their letters: "(ФМР)", "на ЗЖМ"
    (
        re.compile(r"(?<![\w-])(?P<v>ФМР|ЮМР|ГМР|КМР|ЧМР|СЖМ|ЗЖМ|ВЖМ|СЗЖМ)(?![\w-])"),
        "PLACE",
        "v",
    ),
    # ru/kk: a signature's surname split by the scanner: "Подпись: Бонда ренко"
    (
        re.compile(
            rf"(?im)(?:подпись|қолы|podpis)[:.]?{_H}+(?P<v>[{_CY_UP}A-Z][{_CY_LO}a-z]+{_H}[{_CY_LO}a-z]{{2,6}})"
            rf"{_H}*$"
        ),
        "PERSON",
        "v",
    ),
    # ru: an address said in words: "на саввинском шоссе дом четыре корпус два"
    (
        re.compile(
            rf"(?<![\w-])(?:на|по){_H}+(?P<v>[{_CY_LO}]+(?:ом|ой|ей|ем){_H}+(?:шоссе|улице|проспекте"
            rf"|бульваре|переулке|проезде|набережной){_H}+(?:дом|д\.){_H}*{_RU_NUMBER}"
            rf"(?:,?{_H}+(?:корпус|корп\.|строение|квартира|кв\.){_H}*{_RU_NUMBER})*)(?![\w-])",
            re.IGNORECASE,
        ),
        "ADDRESS",
        "v",
    ),
    # kk: "нұрсат шағын ауданы отыз бес үй қырық сегізінші пәтер"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[{_CY_LO}{_CY_UP}][{_CY_LO}-]+{_H}+(?:шағын{_H}*ауданы|ш\.а\.){_H}+"
            rf"{_KK_NUMBER}{_H}*(?:-?үй)(?:,?{_H}+{_KK_NUMBER}{_H}*-?пәтер)?)(?![\w-])",
            re.IGNORECASE,
        ),
        "ADDRESS",
        "v",
    ),
    # ru: a school by its number in a chat: "а я хочу в десятый в нашей 94й", "подруга из 65-й"
    (
        re.compile(
            rf"(?<![\w-])(?:нашей|нашу|своей|свою|моей|мою|из|с){_H}+(?P<v>\d{{1,4}}-?(?:й|ой|ю))"
            rf"(?={_H}*(?:[.,!?)\n]|$)|{_H}+(?:говорит|сказал|пишет|тоже|все|там|у{_H}+них))"
        ),
        "SCHOOL",
        "v",
    ),
    # zh: 警号 042317; 两次超时（05、01号）; 012 号来电
    (
        re.compile(
            r"警号[：:]?[^\S\n]*(?P<v>\d{4,8})(?!\d)"
            r"|(?<=[（(、])(?P<w>\d{2,3})(?=、\d{2,3}号?[）)]|号[）)])"
            r"|(?<![\d月/.-])(?P<x>\d{2,3})(?=[^\S\n]?号(?:来电|来访|个案|咨询)|、\d{2,3}号[）)])"
        ),
        "ID",
        "v",
    ),
    # zh: 来汉, 回渝: a city by its one-character name after a verb of coming or leaving
    (
        re.compile(r"(?<=[来回赴抵离])(?P<v>[汉渝])(?![口阳江中南北东西城语字族服堡])"),
        "PLACE",
        "v",
    ),
    # zh: 医生是舒主任, 大夫是向医生: a doctor's surname after "the doctor is"
    (
        re.compile(r"(?:医生|大夫|主治)是(?P<v>[\u4e00-\u9fff])(?=主任|医生|大夫|教授)"),
        "PERSON",
        "v",
    ),
    # zh: Taiwan's cities: 臺中, 台北市, 臺南
    (
        re.compile(
            r"(?<![舞平講讲櫃柜陽阳站前後后電电一兩两幾几這这那灶窗])"
            r"(?P<v>(?:臺|(?<=[从從在去到回来來住于於])台)(?:中|北|南|東|东)(?:市)?)(?![路街区區站港大])"
        ),
        "PLACE",
        "v",
    ),
]


def find(text: str) -> Iterator[Span]:
    """The values the cues above give away."""
    for pattern, kind, first in _PATTERNS:
        for m in pattern.finditer(text):
            group = next(
                (g for g in (first, "w", "x") if g in pattern.groupindex and m.group(g)), None
            )
            if group is not None:
                yield Span(m.start(group), m.end(group), kind, "cue")


_STATE_LIST = re.compile(rf"(?<![\w-])(?:{_US_STATE})(?:,{_H}*(?:{_US_STATE})){{2,}}(?![\w-])")


def states(text: str) -> Iterator[Span]:
    """US states listed together by their codes: "(NY, NJ, IL, MA)"."""
    for m in _STATE_LIST.finditer(text):
        for code in re.finditer(r"[A-Z]{2}", m.group()):
            yield Span(m.start() + code.start(), m.start() + code.end(), "PLACE", "cue")
