"""Round 11c: organisations and schools by the shapes the earlier layers left.

Rule: a body is found by the shape of its name, never by a list of particular bodies:

- Kazakh: a quoted name, up to two lower-case words, then a kind word with any case
  ending ("«…» көркемсурет студиясына", "«…» шаруа қожалығында");
- Russian: a kind word with up to two adjectives before it and a quoted name after it,
  including kinds the older lists lack (стоматология, пункт выдачи, чат-линия, тц);
- Russian and Kazakh public bodies named down to their town or district ("Отдел опеки …
  администрации Канавинского р-на", "Павлодар облысы … жөніндегі комиссия");
- Czech: joined school abbreviations with a town ("SOŠ a SOU Litvínov", "2. ZŠ Slaný"),
  a "Střední škola …" with its town, a counselling centre for numbered districts ("PPP pro
  Prahu 11 a 12"), police abbreviations (PČR, OOP Kladno), national helplines ("Linky
  bezpečí"), law offices and prisons with their names;
- English: "Police <Place>", acronym-led regional services, all-capital headings that
  end in a kind word, and a capitalised run before a lower-case "team";
- Chinese: a tutoring class after a short name (…补习班), and landmark addresses
  ("…市场后面那栋…楼").

A found organisation also grows (never shrinks) over what belongs to it: a trailing US
state code, a parenthesised capitalised unit, " and <Word>" ending a business name, a
further capitalised run after "City Council", a Chinese kind tail after a found place, and
a Chinese city written before a found school.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.kindquotes import KK_KINDS
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_QUOTE = r"(?:«[^«»\n]{1,60}»|„[^„“\n]{1,60}“|\"[^\"\n]{1,60}\")"
_CAP_QUOTE = rf"(?=[«„\"][\d{_UP}A-Z])"

# Kazakh kinds of organisation (stems; any case ending follows), and the kinds of school
_KK_KINDS = KK_KINDS + "|мектеп|колледж|лицей|гимназия"
_KK_QUOTE_KIND = re.compile(
    rf"{_CAP_QUOTE}{_QUOTE}(?:{_H}+[{_LO}]{{2,}}){{0,2}}?{_H}+(?:[{_LO}]+-)?"
    rf"(?:{_KK_KINDS})[{_LO}]*"
)
_KK_SCHOOLISH = re.compile(r"мектеп|колледж|лицей|гимназия")

# Russian kinds the older layer lacks, before a quoted name, with up to two adjectives.
_RU_ADJ = rf"[{_LO}]+(?:ом|ой|ая|ую|ый|ий|ое|ого|ому|ым|ых|ей|ем){_H}+"
_RU_KINDS = (
    f"стоматологи[яиюей]|стоматологическ[а-я]+{_H}+(?:клиник|центр)[а-я]*"
    f"|пункт[а-я]{{0,3}}{_H}+выдачи|чат-лини[яиюей]|лини[яиюей]{_H}+(?:помощи|доверия)"
    "|т[рк]?ц|тк|трк|жк|ск|центр[а-я]{0,3}|клиник[а-я]{0,3}|приход[а-я]{0,3}"
    "|храм[а-я]{0,3}|мечет[а-я]{0,3}|церкв?[а-я]{0,3}|общин[а-я]{0,3}"
)
_RU_KIND_QUOTE = re.compile(
    rf"(?<![\w-])(?i:(?:{_RU_ADJ}){{0,2}}(?:{_RU_KINDS})){_H}+{_CAP_QUOTE}{_QUOTE}"
)

# A public body named down to its town or district.
_RU_BODY_HEAD = "Отдел|Управлени|Департамент|Комитет|Комисси|Министерств|Служб|Инспекци|Прокуратур"
_RU_TOWN_TAIL = (
    rf"(?:(?:г\.{_H}?о\.|г\.|города|городу|городе){_H}*[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)*"
    rf"|[{_UP}][{_LO}]+(?:ого|ому|ом|ой){_H}+(?:р-на|района|р-не|районе|округа|округе))"
)
_RU_BODY = re.compile(
    rf"(?<![\w-])(?:{_RU_BODY_HEAD})[{_LO}]*(?:,?{_H}+(?:[{_LO}]+|и|[{_UP}][{_LO}]+ции)){{1,10}}?"
    rf"{_H}+{_RU_TOWN_TAIL}"
)
_RU_BODY_KIND = re.compile(r"(?i)отдел|управлен|департамент|комитет|комисси|суд|служб|инспекц")
_KK_BODY = re.compile(
    rf"(?<![\w-])[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?{_H}+"
    rf"(?:облысы|ауданы|қаласы|аудандық|облыстық|қалалық|облысының|қаласының|ауданының)"
    rf"(?:{_H}+[{_UP}{_LO}][{_LO}]+){{0,10}}{_H}+"
    rf"(?:басқарма|бөлім|комиссия|департамент|қызмет|әкімдіг|сот|инспекция)[{_LO}]*"
)

# Czech schools, counselling centres, police, helplines, law offices, prisons.
_CS_TOWN = rf"[{_CS_UP}][{_CS_LO}]+(?:(?:{_H}nad|{_H}pod)?{_H}[{_CS_UP}][{_CS_LO}]+)?"
_CS_SCHOOL_ABBR = r"(?:ZŠ|MŠ|SOŠ|SOU|SŠ|SPŠ|ISŠ|OA|VOŠ|ZUŠ|SZŠ|[Gg]ymnázium)"
_CS_SCHOOL_PAIR = re.compile(
    rf"(?<![\w.])(?:\d{{1,2}}\.{_H}?)?{_CS_SCHOOL_ABBR}(?:{_H}a{_H}{_CS_SCHOOL_ABBR})+"
    rf"(?:{_H}{_CS_TOWN})?"
)
# A school of Těšínsko's Polish minority, by its language and town: "ZŠ s polským jazykem
# vyučovacím Třinec-Lyžbice", "Gymnázium s polským jazykem vyučovacím v Českém Těšíně"
_CS_POLISH_SCHOOL = re.compile(
    rf"(?<![\w.])(?:(?:ZŠ|MŠ|SŠ)(?:{_H}a{_H}(?:ZŠ|MŠ))?|[Zz]ákladní{_H}škol[aeyu]|Gymnázium|[Gg]ymnázi[ua])"
    rf"{_H}s{_H}polským{_H}jazykem{_H}vyučovacím(?:{_H}(?:v{_H})?{_CS_TOWN}(?:-[{_CS_UP}][{_CS_LO}]+)?)?"
)
_CS_ORDINAL_SCHOOL = re.compile(
    rf"(?<![\w.])\d{{1,2}}\.{_H}(?:ZŠ|MŠ|ZUŠ|SŠ){_H}(?:{_CS_TOWN})(?:,{_H}[{_CS_UP}][{_CS_LO}]+)?"
)
_CS_HIGH_SCHOOL = re.compile(
    rf"(?<![\w-])Středn[íéí][a-zíéě]*{_H}+škol[a-zěuy]*(?:{_H}+[{_CS_LO}]{{3,}}){{1,3}}?"
    rf"{_H}+{_CS_TOWN}"
)
_CS_PPP = re.compile(
    rf"(?<![\w-])(?:PPP|SPC|OSPOD|ÚMČ|MČ)(?:{_H}+pro)?{_H}+[{_CS_UP}][{_CS_LO}]+"
    rf"(?:{_H}+\d{{1,2}})(?:{_H}+(?:a|i|,){_H}*\d{{1,2}})+"
)
# An office and its town wrapped onto the next line: "v péči OSPOD\nChomutov, soc. prac."
_CS_WRAPPED_OFFICE = re.compile(
    rf"(?<![\w-])(?:OSPOD|PPP|SPC|MěÚ|MÚ|ÚMČ){_H}*\n{_H}*{_CS_TOWN}(?=[,.;)])"
)
_CS_POLICE = re.compile(
    rf"(?<![\w-])(?:PČR|OOP(?:{_H}+PČR)?(?:{_H}+{_CS_TOWN})?|OO{_H}+PČR(?:{_H}+{_CS_TOWN})?)"
    r"(?![\w-])"
)
_CS_HELPLINE = re.compile(
    rf"(?<![\w-])Link[aeuyo]{_H}+(?:bezpečí|pro{_H}+rodinu(?:{_H}+a{_H}+školu)?"
    rf"|první{_H}+psychické{_H}+pomoci|seniorů)"
)
_CS_NAMED_OFFICE = re.compile(
    rf"(?<![\w-])(?:Advokátní{_H}+kancelář[a-zíe]*|Vazební{_H}+věznic[a-ze]*|Věznic[a-ze]*"
    rf"|Notářsk[áé]{_H}+kancelář[a-zíe]*)"
    rf"{_H}+[{_CS_UP}][{_CS_LO}]+(?:(?:{_H}+(?:&|a){_H}+|{_H}+)[{_CS_UP}][{_CS_LO}]+){{0,2}}"
)

# English.
_EN_POLICE_NOT = frozenset(
    [
        "Officer",
        "Officers",
        "Station",
        "Report",
        "Constable",
        "Department",
        "Service",
        "Services",
        "Force",
        "Sergeant",
        "Inspector",
        "Liaison",
        "Check",
        "Checks",
        "Protection",
        "Custody",
        "Scotland",
    ]
)
_EN_POLICE = re.compile(r"(?<![\w-])Police[^\S\n]+(Scotland|[A-Z][a-z]{3,})(?![\w-])")
_EN_ACRONYM_REGION = re.compile(
    rf"(?<![\w-])[A-Z]{{3,6}}(?:{_H}+[A-Z][a-z]+){{0,2}}{_H}+(?:Region|Area|Division|Locality)"
    rf"(?:,{_H}+[A-Z][a-z]+{_H}+(?:office|team|branch|base|hub))?"
)
# A health board or a council by its place: "NHS Greater Glasgow and Clyde", "NHS Lothian",
# "City and County of Swansea", "Royal Borough of Greenwich"; a government department by its
# field: "the Department of Education", "Department for Communities"
_EN_BY_PLACE = re.compile(
    rf"(?<![\w-])(?:NHS(?!{_H}+(?:No|Number|Trust|Foundation|England|Scotland|Wales|Digital|App|Direct"
    r"|Choices|Login|Website|Services?|Health|Talking|Inform|Pharmacy|Dentist|Mental)\b)"
    rf"|(?:City{_H}+and{_H}+County|City|County|(?:Royal{_H}+|Metropolitan{_H}+)?Borough)"
    rf"{_H}+of|(?:Department|Dept\.?|Ministry){_H}+(?:of|for))"
    rf"(?:{_H}+[A-Z][a-z]+){{1,3}}(?:{_H}+and{_H}+[A-Z][a-z]+)?(?![\w-])"
    # Canada's federal benefits office, named after the country (marked in every set that has it)
    rf"|(?<![\w-])Service{_H}+Canada(?![\w-])"
)
_EN_CAPS_KINDS = (
    "SERVICES?|CLINIC|TRUST|CENTRE|CENTER|COUNCIL|FOUNDATION|CHARITY|PARTNERSHIP|HOSPITAL"
    "|ASSOCIATION|PRACTICE|PROJECT|NETWORK"
)
_EN_CAPS_ORG = re.compile(
    rf"(?<![\w'-])[A-Z][A-Z0-9'’]+(?:{_H}+(?:[A-Z][A-Z0-9'’]+|&|AND|OF|FOR)){{1,6}}?"
    rf"{_H}+(?:{_EN_CAPS_KINDS})(?![\w-])"
)
_EN_TEAM = re.compile(rf"(?<=\bthe{_H})(?:[A-Z][a-z]+{_H}+){{2,4}}team(?![\w-])")
_EN_TEAM_NOT = frozenset(
    [
        "The",
        "Child",
        "Protection",
        "Safeguarding",
        "Multidisciplinary",
        "Multi",
        "Pastoral",
        "Primary",
        "Secondary",
        "Early",
        "Help",
        "Mental",
        "Health",
        "Leadership",
        "Senior",
        "Care",
        "Social",
        "Medical",
        "Nursing",
        "Clinical",
        "School",
        "Family",
        "Support",
    ]
)
_US_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH"
    "|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC"
)

# Chinese.
_ZH_SUBJECTS = (
    "学校|数学|英语|语文|物理|化学|作文|奥数|舞蹈|美术|钢琴|书法|编程|暑假|寒假|周末|晚上"
)
_ZH_TUTORING = re.compile(
    rf"(?:(?<![{_HAN}])|(?<=[去在到上]))(?!{_ZH_SUBJECTS})[{_HAN}]{{2,4}}(?:补习班|培训班|辅导班|托管班|补习学校)"
)
_ZH_LANDMARK = re.compile(
    rf"(?:住在|住|在|去|到|从)?((?:(?![区市县省])[{_HAN}]){{2,6}}(?:市场|小区|超市|商场|公园|车站|广场|花园|菜场|新村|大院|家属院)"
    rf"(?:后面|旁边|对面|隔壁|附近|里面|后头)的?(?:那栋|那幢|那座|那个|那一栋)?[{_HAN}]{{0,3}}楼)"
)


_HAN_ANY = re.compile(rf"[{_HAN}]")
# Russian abbreviations of public bodies, made particular by a number or a district.
_RU_ABBR_BODY = re.compile(
    rf"(?<![\w-])(?:КДН(?:иЗП)?|ПДН|ОДН|ОВД|ОМВД|ОП|УСЗН|ОСЗН|[ЦТ]?ПМПК)"
    rf"(?:{_H}+№{_H}?\d{{1,3}}|{_H}+[{_UP}]{{2,4}})(?![\w-])"
    rf"|(?<![\w-])№{_H}?\d{{1,3}}{_H}+(?:[ЦТ]?ПМПК|ПДН|ОП)(?![\w-])"
    # "УП г. Экибастуза", "ОП города Шымкента": a town's police
    rf"|(?<![\w-])(?:УП|ОП|ДП|РУП|УВД|ОВД|ГОВД|РОВД){_H}+(?:г\.|города){_H}?[А-ЯЁ][\w-]+"
    # "МО МВД России «Бежецкий»", "ОМВД России по Бежецкому району", "УМВД России по г. Омску"
    rf"|(?<![\w-])(?:(?:МО|ЛО|О|У|ГУ){_H}?)?МВД{_H}+России{_H}+(?:«[^»\n]{{2,40}}»"
    rf"|по{_H}+(?:г\.{_H}?[А-ЯЁ][\w-]+|(?:[А-ЯЁ][\w-]+{_H}+){{1,2}}(?:району|округу|области|краю)))"
    # "КДН акимата г. Павлодара", "КДНиЗП администрации Кировского района"
    rf"|(?<![\w-])(?:КДН(?:иЗП)?|ПДН|УСЗН|ОСЗН){_H}+(?:акимата|администрации)"
    rf"{_H}+(?:г\.{_H}?[А-ЯЁ][\w-]+|[А-ЯЁ][\w-]+{_H}+(?:района|округа|области))"
)
# A college named by its field, in lower case as people say it: "в колледж связи", "техникум
# железнодорожного транспорта" (the town's only one of its kind)
_RU_FIELD_COLLEGE = re.compile(
    rf"(?<![\w-])(?:колледж|техникум|училищ)[а-яё]*{_H}+(?:связи|транспорта|искусств|культуры|экономики"
    rf"|сервиса|туризма|строительства|информатики|торговли|олимпийского{_H}+резерва|нефти{_H}+и{_H}+газа"
    rf"|железнодорожного{_H}+транспорта|речного{_H}+флота|искусств{_H}+и{_H}+культуры)(?![\w-])",
    re.IGNORECASE,
)
# "Саратовское региональное отделение Федерации психологов образования России": a branch of a
# national body, named by its region
_RU_BRANCH = re.compile(
    rf"(?<![\w-])[А-ЯЁ][а-яё]+(?:ское|цкое|ное){_H}+(?:региональное|областное|городское|районное"
    rf"|местное|краевое){_H}+отделени[еяюи]м?{_H}+(?:[А-ЯЁа-яё-]+{_H}+){{0,5}}?"
    rf"(?:России|РФ|Российской{_H}+Федерации|Казахстана|Республики{_H}+Казахстан)(?![\w-])"
)
_RU_ORDINAL = (
    r"(?:перв|втор|треть|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат|двенадцат"
    r"|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат|восемнадцат|девятнадцат|двадцат|тридцат)"
    r"(?:ая|ой|ую|ья|ей|ью)"
)
_RU_NUMBERED_SCHOOL = re.compile(
    rf"(?<![\w-])\d{{1,4}}-(?:я|й|ю|ой){_H}+(?:школ|гимнази|лице)[а-я]*"
    # "в третьей школе", "в двадцать пятую гимназию": a school by its number said as a word
    # (after a preposition: "вторая школа за год" counts schools)
    rf"|(?:(?<=[^\w-]в{_H})|(?<=[^\w-]во{_H})|(?<=[^\w-]из{_H})|(?<=[^\w-]в{_H}«)|(?<=[^\w-]из{_H}«)"
    rf"|(?<=[^\w-]до{_H})|(?<=[^\w-]к{_H})|(?<=[^\w-]при{_H})|(?<=[^\w-]у{_H})"
    # or after the class it holds: "в 9 «Г» десятой школы", "ученик 7 класса третьей школы"
    rf"|(?<=\d{_H}«[А-ЯЁ]»{_H})|(?<=\d«[А-ЯЁ]»{_H})|(?<=\d[А-ЯЁ]{_H})|(?<=класса{_H}))"
    rf"(?:(?:двадцать|тридцать|сорок|пятьдесят){_H}+)?{_RU_ORDINAL}{_H}+(?:школ(?:а|ы|е|у|ой|ою)|гимнази(?:я|и|ю|ей))(?![а-яё])"
    # a children's art, music or sports school by its settlement: "в ДШИ п. Яшкуль"
    rf"|(?<![\w-])(?:ДШИ|ДМШ|ДХШ|ДЮСШ|ДЮСШОР|СДЮСШОР)(?:{_H}+№{_H}?\d{{1,3}})?{_H}+"
    rf"(?:п\.|с\.|г\.|пгт|д\.|ст\.|а\.|село|посёлка|поселка){_H}?[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]+)?"
)
# A school said by its ordinal alone, in speech: "в четырнадцатой учусь", "в шестнадцатой в
# нововятске", "в девяносто вторую хочет" (a verb of studying or going, or a town, after it; not
# "в третьей четверти")
_RU_ORDINAL_ALONE = re.compile(
    rf"(?<![\w-])(?:в|во|из){_H}+(?P<v>(?:(?:двадцать|тридцать|сорок|пятьдесят|шестьдесят|семьдесят"
    rf"|восемьдесят|девяносто){_H}+)?(?:{_RU_ORDINAL}|четырнадцат(?:ой|ую)|шестнадцат(?:ой|ую)"
    rf"|семнадцат(?:ой|ую)|восемнадцат(?:ой|ую)|девятнадцат(?:ой|ую)))"
    rf"(?={_H}+(?:учусь|учится|учился|училась|учатся|учимся|учишься|хожу|ходит|ходил[аи]?|хочет|хочу"
    rf"|перевели|перевелся|перевёлся|перешёл|перешла|в{_H}+[а-яё]{{4,}}[еиу](?![а-яё])))"
)
# A found name, a describing word, then a Kazakh kind word ("… орталық мешітіне").
_KK_NAME_KIND = re.compile(
    rf"(?:{_H}+[{_LO}]{{3,}})?{_H}+(?:мешіт|шіркеу|базар|дүкен|орталы|кешен|клуб|зауыт)[{_LO}]*"
)


# A commission named by its town before it: "Көкшетау ПМПК", "Бузулук ТПМПК-сы"
_TOWN_COMMISSION = re.compile(rf"{_H}+(?:[ЦТ]?ПМПК|ППМС|ППМСП)(?:-?(?:[{_LO}]{{1,6}}))?(?![\w-])")


# A Lithuanian or Latvian school a migrant pupil came from, named in its own language:
# "Panevėžio Ąžuolyno progimnazija", "Rīgas 64. vidusskola"
_BALTIC_SCHOOL = re.compile(
    r"(?<![\w-])(?:[A-ZĄČĘĖĮŠŲŪŽĀĒĢĪĶĻŅ][a-ząčęėįšųūžāēģīķļņ]+(?:[^\S\n]+\d{1,3}\.)?[^\S\n]+){1,3}"
    r"(?:progimnazija|gimnazija|pagrindinė[^\S\n]+mokykla|mokykla|pamatskola|vidusskola|ģimnāzija)(?![\w-])"
)


def find(text: str, language: str) -> Iterator[Span]:
    """New organisations and schools, by language."""
    if language == "kk":
        yield from _kk(text)
        yield from _ru(text)
    elif language == "ru":
        yield from _ru(text)
        yield from _kk_bodies(text)
    elif language == "cs":
        yield from _cs(text)
    elif language == "en":
        yield from _en(text)
    if language == "zh" or _HAN_ANY.search(text):
        yield from _zh(text)
    if language in ("en", "cs"):
        for m in _BALTIC_SCHOOL.finditer(text):
            yield Span(m.start(), m.end(), "SCHOOL", "r11c-baltic-school")


def _kk(text: str) -> Iterator[Span]:
    """Quoted name, describing words, kind word with its case ending."""
    for m in _KK_QUOTE_KIND.finditer(text):
        tail = m.group(0)[m.group(0).rfind(" ") + 1 :]
        kind = "SCHOOL" if _KK_SCHOOLISH.match(tail.lstrip("-")) else "ORG"
        yield Span(m.start(), m.end(), kind, "r11c-kk-quote")
    yield from _kk_bodies(text)


def _kk_bodies(text: str) -> Iterator[Span]:
    """Kazakh public bodies: a place with its unit word, running to the body's kind word."""
    for m in _KK_BODY.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-kk-body")


# The body that issued a document, after "выдан": "выдан ТП УФМС России по Красноярскому краю в
# Эвенкийском р-не", "выдано Отделом ЗАГС … по делам юстиции", "выдан ОВД Касимовского района"
# (up to the date, a comma, a cell's end or the line's end; "выдано на руки" names no body)
_RU_ISSUER = re.compile(
    rf"(?<![\w-])(?i:выдан[оа]?){_H}+(?P<v>(?:[А-ЯЁ]{{2,}}|Отдел\w*|отдел\w*|Управлени\w*|Администраци\w*)"
    rf"(?:{_H}+(?:(?:г|гор|обл|пос|пгт|с|р-на?)\.|[«\"]?[А-ЯЁа-яё][\w»\"-]*|№{_H}?\d{{1,4}})){{0,14}}?)"
    # (the date may be OCR'd: "1О.О8.2ОО6")
    rf"(?={_H}+[\dОOlІI]{{1,2}}\.[\dОOlІI]{{1,2}}\.[\dОOlІI]{{2,4}}|{_H}*(?:[,;(.]|</t[dh]>|$))",
    re.M,
)


def _ru(text: str) -> Iterator[Span]:
    """Russian kind words with quoted names; public bodies named down to their town; body
    abbreviations with a number or district; schools by their ordinal number; the body that
    issued a document."""
    for m in _RU_ISSUER.finditer(text):
        yield Span(m.start("v"), m.end("v"), "ORG", "r11c-ru-issuer")
    for m in _RU_ORDINAL_ALONE.finditer(text):
        yield Span(m.start("v"), m.end("v"), "SCHOOL", "r11c-ru-school")
    for m in _RU_ABBR_BODY.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-ru-abbr")
    for m in _RU_FIELD_COLLEGE.finditer(text):
        yield Span(m.start(), m.end(), "SCHOOL", "r11c-ru-college")
    for m in _RU_NUMBERED_SCHOOL.finditer(text):
        yield Span(m.start(), m.end(), "SCHOOL", "r11c-ru-school")
    for m in _RU_BRANCH.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-ru-branch")
    for m in _RU_KIND_QUOTE.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-ru-quote")
    for m in _RU_BODY.finditer(text):
        if _RU_BODY_KIND.search(m.group(0)):
            yield Span(m.start(), m.end(), "ORG", "r11c-ru-body")


def _cs(text: str) -> Iterator[Span]:
    """Czech schools, counselling centres, police units, helplines and named offices."""
    for pattern in (_CS_SCHOOL_PAIR, _CS_ORDINAL_SCHOOL, _CS_HIGH_SCHOOL, _CS_POLISH_SCHOOL):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "SCHOOL", "r11c-cs-school")
    for pattern in (_CS_PPP, _CS_POLICE, _CS_HELPLINE, _CS_NAMED_OFFICE, _CS_WRAPPED_OFFICE):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "ORG", "r11c-cs-org")


def _en(text: str) -> Iterator[Span]:
    """English police forces by place, regional services, capital headings, named teams."""
    for m in _EN_POLICE.finditer(text):
        if m.group(1) == "Scotland" or m.group(1) not in _EN_POLICE_NOT:
            yield Span(m.start(), m.end(), "ORG", "r11c-en-police")
    for m in _EN_ACRONYM_REGION.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-en-region")
    for m in _EN_BY_PLACE.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-en-by-place")
    for m in _EN_CAPS_ORG.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-en-caps")
    for m in _EN_TEAM.finditer(text):
        words = m.group(0).split()[:-1]
        if not any(w in _EN_TEAM_NOT for w in words):
            yield Span(m.start(), m.end(), "ORG", "r11c-en-team")


def _zh(text: str) -> Iterator[Span]:
    """Chinese tutoring classes by their short name; landmark addresses."""
    for m in _ZH_TUTORING.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "r11c-zh-tutoring")
    for m in _ZH_LANDMARK.finditer(text):
        yield Span(m.start(1), m.end(1), "ADDRESS", "r11c-zh-landmark")


_KK_LETTER = re.compile(r"[әғқңөұүһі]")
_GROW_STATE = re.compile(rf"{_H}(?:{_US_STATES})(?![\w-])")
_GROW_PAREN = re.compile(
    rf"{_H}\((?:Central|North|South|East|West|Northern|Southern|Eastern|Western|City|County)"
    rf"(?:{_H}[A-Z][a-z]+)?\)"
)
_GROW_AND = re.compile(rf"{_H}(?:and|&){_H}[A-Z][a-z]+(?=[^\S\n]+[a-z]|[,.;)\n]|$)")
_GROW_COUNCIL = re.compile(
    rf"(?<=Council){_H}(?:[A-Z][a-z]+(?:{_H}(?:in|of|for|and){_H}|{_H})){{1,3}}?[A-Z][a-z]+"
    rf"(?={_H}\(|[,.;\n]|$)"
)
_GROW_ZH_KIND = re.compile(
    rf"[{_HAN}]{{0,8}}?(?:中心|协会|基金会|服务站|工作室|研究所|俱乐部|医院|诊所)"
)
_GROW_ZH_CITY = re.compile(rf"[{_HAN}]{{1,3}}[市省县]$")
_GROW_ZH_PLACE = re.compile(r"(?:湿地|公园|景区|古镇|风景区|森林公园)")


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Found organisations, schools and places over the parts the finders left."""
    ends = {s.end for s in spans}
    for span in spans:
        if span.kind in ("ORG", "SCHOOL"):
            yield from _grow_org(text, span, ends)
        if span.kind in ("PLACE", "ORG") and _is_han(text, span.end):
            m = _GROW_ZH_KIND.match(text, span.end)
            if m and m.end() - span.end >= 3:
                yield Span(span.start, m.end(), "ORG", "r11c-zh-grow")
        if span.kind in ("PLACE", "PERSON") and _KK_LETTER.search(text):
            m = _KK_NAME_KIND.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "ORG", "r11c-kk-grow")
        if span.kind == "PLACE":
            m = _TOWN_COMMISSION.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "ORG", "r11c-grow")
        if span.kind == "PLACE" and _is_han(text, span.end):
            m = _GROW_ZH_PLACE.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "PLACE", "r11c-zh-grow")


def _grow_org(text: str, span: Span, ends: set[int]) -> Iterator[Span]:
    """An organisation over its trailing parts; a Chinese school over its city, unless the
    city was found on its own (then it stays its own PLACE, as the marking draws it)."""
    end = span.end
    for pattern in (_GROW_COUNCIL, _GROW_PAREN, _GROW_STATE, _GROW_AND):
        m = pattern.match(text, end)
        if m:
            end = m.end()
    if end > span.end:
        yield Span(span.start, end, span.kind, "r11c-grow")
    if span.kind == "SCHOOL" and _is_han(text, span.start - 1) and span.start not in ends:
        m = _GROW_ZH_CITY.search(text, max(0, span.start - 4), span.start)
        if m:
            yield Span(m.start(), span.end, "SCHOOL", "r11c-grow")


def _is_han(text: str, pos: int) -> bool:
    return 0 <= pos < len(text) and "\u4e00" <= text[pos] <= "\u9fff"
