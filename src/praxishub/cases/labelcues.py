"""Identifiers that a label, a heading or the word beside them gives away (the thirtieth,
thirty-first and thirty-second sets' shapes).

Rule: each pattern below names what a note's own words say the value is. A firm by its
founder and sons ("v pile Kolárik a syn"), a Prague district after its number ("Praha 10 –
Strašnice"), a name written in its own script on a passport, a job's or a booking's number, a
street said in lower case with its street word ("on shields rd"), a restaurant a Kazakh
speaker names with "деген", a Russian speaker's street after "живу на", a pupil's class with
its school ("10а в … лицее"), and in Chinese notes a card's number after its label, the
hosts of an event, a handover's call numbers, a WeChat account, a chamber of commerce, a
named hotline, a school club and a Hong Kong form; a Czech street by its house and orientation
numbers, a visa sticker's number, an organiser after "Pořádá:", a WhatsApp export's file name,
a class in a chat ("я в 10 ә"), a handover's call before its date, a postcode after a Chinese
address, a group's owner and a school society; a case's or call's log number after its word, a
supervisor's register number, a first name that is also a word after an elder's kin word ("с
бабой Любой"), and a service named in a heading ("# Humber Lantern Line: night shift log",
"# Журнал — «Голос рядом» — Ульяновск"), and a Chinese city by its one character after a verb
of coming and going ("每月回蓉一两次"); a name in its family's own script after "writes … as",
"Name in own language:" or "passport"; a first name in lower case after a neighbour or kin
word ("соседка валя"), and a lower-case first name and surname in a Russian note, the first a
first name in every likely reading and the second a surname in half of them ("кирилл голубев",
"у поли герасимовой"; never in a note with Kazakh letters, whose words pymorphy misreads).
Each pattern is kept narrow, and the look-alikes beside it stay
(``tests/unit/test_deid_labelcues.py``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
# Scripts a family's own language writes a name in: Armenian, Hebrew, Arabic, Syriac, Thaana,
# the Indic scripts (Devanagari to Sinhala), Thai, Lao, Tibetan, Myanmar, Georgian, Hangul,
# Ethiopic, Khmer, Mongolian, kana
_OTHER_SCRIPTS = (
    "\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u07bf\u0900-\u0dff\u0e00-\u0eff\u0f00-\u0fff"
    "\u1000-\u109f\u10a0-\u10ff\u1100-\u11ff\u1200-\u137f\u1780-\u17ff\u1800-\u18af"
    "\u3040-\u30ff\uac00-\ud7af"
)
_EN_STOP = (
    r"the|a|an|my|his|her|our|their|your|its|this|that|main|high|memory|easy|one|two|dirt|back"
    r"|same|other|wrong|right|long|open|next|last|whole"
)


def _ru_street_adjective(text: str, m: re.Match[str]) -> bool:
    """ "живу на совхозной" names a street; "живу на съёмной квартире" does not: the adjective
    must not be followed by the noun it describes."""
    from praxishub.cases import ner

    after = re.match(rf"{_H}+([а-яё]+)", text[m.end("v") :])
    if after is None:
        return True
    return not any(
        p.tag.POS == "NOUN" and p.is_known and p.score >= 0.2
        for p in ner.morph().parse(after.group(1))
    )


def _ru_first_name(text: str, m: re.Match[str]) -> bool:
    """ "с бабой Любой": the capitalised word after a kin word is a first name in one of its
    readings (not "бабушка Яга")."""
    from praxishub.cases import ner

    return any("Name" in p.tag.grammemes for p in ner.parse(m.group("v"))[:6])


_SCHOOL_TALK = re.compile(r"(?i)школ|класс|учител|училк|психолог|директор|охран|урок|перемен")


def _ru_school_number(text: str, m: re.Match[str]) -> bool:
    """ "а в 63й вообще есть охрана", "в прошлом году в 22-й такое было": a school by its number
    where the talk is of school and no noun follows the number ("в 5-й раз", "в 22-й квартире")."""
    around = text[max(0, m.start() - 120) : m.end() + 120]
    return bool(_SCHOOL_TALK.search(around)) and _ru_street_adjective(text, m)


def _ru_lower_name(text: str, m: re.Match[str]) -> bool:
    """ "соседка валя посидит": the lower-case word after a kin or neighbour word is read first
    as a first name (not "сестра вера", "брат слава")."""
    from praxishub.cases import ner

    best = ner.parse(m.group("v"))[0]
    return "Name" in best.tag.grammemes and best.score >= 0.5 and best.is_known


# Kin words of the families' languages that Russian's dictionary reads as first names
_KIN_NOT_NAMES = frozenset({"нана", "нани", "дада", "бабо", "апа", "ата", "аже", "ана"})


def _ru_lower_doer(text: str, m: re.Match[str]) -> bool:
    """ "вика выложила": a lower-case word read first as a first name, then a verb in the past."""
    from praxishub.cases import ner

    if _kazakh(text) or m.group("v") in _KIN_NOT_NAMES:
        return False
    # (a name that is also a thing, "вика", is read half as each: the verb says who)
    readings = ner.parse(m.group("v"))
    if sum(p.score for p in readings if "Name" in p.tag.grammemes and p.is_known) < 0.5:
        return False
    verb = ner.parse(m.group("verb"))[0]
    return "VERB" in verb.tag and "past" in verb.tag and verb.is_known


def _kk_lower_name(text: str, m: re.Match[str]) -> bool:
    """ "ғалия апай": the lower-case word before a Kazakh title is a Kazakh first name."""
    from praxishub.cases import ner

    word = m.group("v")
    if word in ner.kk_names():
        return True
    if word in _KK_NOT_NAMES:
        return False  # "және тәтесіне"
    best = ner.parse(word.translate(_KK_TO_RU))[0]  # ғалия → галия, a name Russian knows
    return "Name" in best.tag.grammemes and best.score >= 0.5 and best.is_known


# Kazakh words Russian's dictionary, once their letters are folded, reads as first names
_KK_NOT_NAMES = frozenset(
    {"және", "немесе", "мен", "пен", "бен", "сол", "бұл", "осы", "әрі", "тағы"}
)
_KK_TO_RU = str.maketrans("әғқңөұүһі", "агкноуухи")


_KAZAKH_LETTERS = re.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")


@functools.lru_cache(maxsize=8)
def _kazakh(text: str) -> bool:
    """Does the note write Kazakh letters? Asked once a note, not once a pair of words (a long
    Russian note has no such letter to stop the search early)."""
    return _KAZAKH_LETTERS.search(text) is not None


def _ru_lower_full_name(text: str, m: re.Match[str]) -> bool:
    """ "сёма говорит что кирилл голубев из четвёртого", "у поли герасимовой": a first name and a
    surname in lower case, every likely reading of the first a first name (not "вера", "роза")
    and the second a surname in at least half of its readings."""
    from praxishub.cases import ner

    if _kazakh(text):
        return False  # Kazakh words read as Russian ones: "сайын жеке", "терезе жанына"
    first, last = m.group("v").split()
    readings = ner.parse(first)[:3]
    if not readings[0].is_known or not all("Name" in p.tag.grammemes for p in readings):
        return False
    return sum(p.score for p in ner.parse(last) if "Surn" in p.tag.grammemes) >= 0.5


def _named_line(text: str, m: re.Match[str]) -> bool:
    """ "Humber Lantern Line" is a line's own name; "Crisis Line" only says what it is."""
    from praxishub.cases import capitals

    return any(capitals.rare_word(w, "en") for w in m.group("v").split()[:-1])


# What a helpline's own page is: its log, chat, shift or supervision
_SERVICE_PAGE = re.compile(
    r"(?i)журнал|смен|чат|супервиз|телефон\w*\s+доверия|линия|ауысым|кезек|желі|сенім\s+телефон"
)


def _service_heading(text: str, m: re.Match[str]) -> bool:
    """ "# «Жан сыры» — сайттағы чат": a helpline's page; not "## «Шаг за шагом» — программа
    для родителей", a programme's."""
    end = text.find("\n", m.end())
    line = text[text.rfind("\n", 0, m.start()) + 1 : end if end >= 0 else len(text)]
    return bool(_SERVICE_PAGE.search(line))


_ZH_FORM_NOT = "病期部间国文医央心学专"
_PATTERNS: list[tuple[re.Pattern[str], str, Callable[[str, re.Match[str]], bool] | None]] = [
    # cs: a Prague, Brno or Ostrava district after the city and its number: "Praha 10 – Strašnice"
    (
        re.compile(
            rf"(?<![\w-])(?:Praha|Brno|Ostrava|Plzeň)(?:{_H}+\d{{1,2}})?{_H}*[–-]{_H}*"
            rf"(?P<v>[{_CS_UP}][{_CS_LO}]+(?:[ -][{_CS_UP}][{_CS_LO}]+)?)(?![\w-])"
        ),
        "PLACE",
        None,
    ),
    # a firm by its founder and his sons: "Kolárik a syn", "Novák a synové", "Pryce & Sons" (not a
    # kin word: "Otec a syn přišli")
    (
        re.compile(
            rf"(?<![\w-])(?!(?:Otec|Táta|Tatínek|Děda|Dědeček|Matka|Máma|Maminka|Father|Dad|Mother|Mum)\b)"
            rf"(?P<v>[{_CS_UP}][\w'’-]+(?:{_H}+[{_CS_UP}][\w'’-]+)?{_H}+"
            rf"(?:a{_H}+(?:syn|synové|syna|synem|synu|dcera|dcery)|a{_H}+spol\.|&{_H}+Sons?"
            rf"|and{_H}+Sons))(?![\w-])"
        ),
        "ORG",
        None,
    ),
    # a name in its own script, said to be written so: "His name is written يوسف … on his passport"
    (
        re.compile(
            # "She writes her daughter's name as ਗੁਰਲੀਨ", "Name in own language: தர்ஷன்", "on his
            # Bangladeshi passport তানভীর হোসেন"
            rf"(?:(?i:written|spelled|spelt)(?:{_H}+as)?|(?i:writes)\b[^\n]{{0,30}}?\bas"
            rf"|(?i:name)\b[^\n:]{{0,40}}:(?:\*\*)?|(?i:passport)"
            # "атын ұйғыр жазуымен дәптеріне жазып қойған: ئىلزات", "имя по-арабски пишет так:"
            rf"|(?i:атын|аты|атым|имя|jméno|жаз\w*|напис\w*|пишет|записал\w*|napsal\w*|píše)"
            rf"[^\n:]{{0,50}}:(?:\*\*)?){_H}+"
            rf"(?P<v>[{_OTHER_SCRIPTS}]+(?:{_H}[{_OTHER_SCRIPTS}]+){{0,4}})"
        ),
        "PERSON",
        None,
    ),
    # a job's, a booking's or an order's number: "(job no. BW-77310)"
    (
        re.compile(
            rf"(?i:job|booking|order|claim){_H}*(?i:no\.?|number|#):?{_H}*"
            rf"(?P<v>[A-Z]{{1,4}}-?\d{{3,8}}|\d{{5,10}})(?![\w-])"
        ),
        "ID",
        None,
    ),
    # en: a street said in lower case with its street word: "sat outside greggs on shields rd"
    (
        re.compile(
            rf"(?<![\w'’-])(?:on|off|at|near|along|by|down|up){_H}+"
            rf"(?P<v>(?!(?:{_EN_STOP})\b)[a-z][a-z'’-]+(?:{_H}+(?!(?:{_EN_STOP})\b)[a-z][a-z'’-]+){{0,2}}{_H}+"
            rf"(?:rd|road|st|street|ave|av|avenue|lane|ln|cres|crescent|drive|parade|pde|terrace"
            rf"|tce|gardens|gdns|blvd|boulevard))(?![\w'’-])"
        ),
        "ADDRESS",
        None,
    ),
    # kk: a place a speaker names with "деген": "дастархан деген мейрамханада аспазшы"
    (
        re.compile(
            r"(?<![\w-])(?P<v>[^\W\d_]{3,})[^\S\n]+деген[^\S\n]+"
            r"(?:мейрамхана|дүкен|кафе|асхана|шаштараз|салон|дәмхана|кофехана)[а-яәғқңөұүһі]*"
        ),
        "ORG",
        None,
    ),
    # ru: a street after "живу на": "я живу на совхозной если что"
    (
        re.compile(
            rf"(?i)(?<![\w-])(?:живу|живём|живем|живёт|живет|живут|проживаю|проживает)"
            rf"(?:{_H}+(?:сейчас|теперь|вообще|там|тут))?{_H}+на{_H}+(?P<v>[а-яё]{{4,}}(?:ой|ом))(?![\w-])"
        ),
        "ADDRESS",
        _ru_street_adjective,
    ),
    # ru: a class with its school: "10а в сибирском лицее", "учусь в 9б"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>(?:1[01]|[1-9])[абвгдеж])(?![\w-])"
            rf"(?={_H}+(?:в|во){_H}+(?:[а-яё]+{_H}+)?(?:школе|лицее|гимназии))"
            rf"|(?i:учусь|учится|учимся|учатся){_H}+в{_H}+(?P<w>(?:1[01]|[1-9])[абвгдеж])(?![\w-])"
        ),
        "CLASS",
        None,
    ),
    # cs: a street with its house number and orientation number: "Na Vítkovském svahu 1877/18"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>(?:Na|Pod|Nad|U|V|K|Za|Před|Ke|Ve){_H}+[{_CS_UP}][{_CS_LO}]+"
            rf"(?:{_H}+[{_CS_LO}]+)?{_H}+\d{{1,5}}/\d{{1,4}}[a-z]?)(?![\w/-])"
        ),
        "ADDRESS",
        None,
    ),
    # cs: a visa sticker's or a card's number: "(vízový štítek č. UKR 0412873)"
    (
        re.compile(
            rf"(?i:štítek|štítku|průkaz\w*|karty|karta|doklad\w*){_H}+č\.{_H}*"
            rf"(?P<v>[A-Z]{{2,4}}{_H}?\d{{5,9}})(?![\w-])"
        ),
        "ID",
        None,
    ),
    # an event's organiser after its label: "Pořádá: Centrum podpory školní psychologie · 24. 2."
    (
        re.compile(
            rf"(?m)(?:Pořádá|Pořadatel|Organizátor|Организатор|Ұйымдастырушы|Hosted{_H}+by|Organi[sz]er)"
            rf"(?:\*\*)?[:：](?:\*\*)?{_H}*(?P<v>[{_CS_UP}А-ЯЁӘҒҚҢӨҰҮҺІ][^·\n,;()]{{3,60}}?)(?={_H}*[·,;(]|{_H}*$)"
        ),
        "ORG",
        None,
    ),
    # a WhatsApp export's file, named after its chat: "WhatsApp Chat with Rodiče 3.A 🍎 Podolí.txt"
    (
        re.compile(
            r"WhatsApp[^\S\n]+Chat[^\S\n]+(?:with|s|с)[^\S\n]+(?P<v>[^\n\"“”„]{2,60}?)\.txt"
        ),
        "HANDLE",
        None,
    ),
    # ru/kk: a chat's "я в 10 ә": a class with a letter, Kazakh ones too
    (
        re.compile(
            rf"(?i:я|мы|он|она|мен|біз){_H}+в{_H}+(?P<v>(?:1[01]|[1-9]){_H}?[абвгдежзәі])"
            rf"(?=[,.;!?]|{_H}+класс|{_H}*$)"
        ),
        "CLASS",
        None,
    ),
    # zh: a handover's call before its date: "- 01号11月10日回访"
    (
        re.compile(rf"(?m)^{_H}*[-*•]{_H}*(?P<v>\d{{2,4}})号(?=\d{{1,2}}月|需|请|由|已|回访|转)"),
        "ID",
        None,
    ),
    # zh: a postcode after a street address: "芙蓉区五一大道389号　410011"
    (
        re.compile(r"(?<=号)[^\S\n]+(?P<v>[1-8]\d{5})(?=[\s，,。；;]|$)"),
        "POSTCODE",
        None,
    ),
    # zh: a group's owner: "群主为荆门惠民心理-向老师"
    (
        re.compile(r"群主(?:为|是|[：:])(?P<v>[^\s。，,；;、（(]{2,20})"),
        "HANDLE",
        None,
    ),
    # zh: a school society named after its kind word: "参加学校心理社团向阳花心理社"
    (
        re.compile(r"(?:社团|社團)(?P<v>[\u4e00-\u9fff]{2,8}社)(?![\u4e00-\u9fff]*团)"),
        "ORG",
        None,
    ),
    # zh: a health-insurance card's number after its label: "**医保卡号**：J4210019320106A"
    (
        re.compile(
            rf"(?:医保卡号|医保号|社保卡号|社保号|醫保卡號)(?:\*\*)?[：:]?(?:\*\*)?{_H}*"
            # in groups as the card prints it: "GX4501 0037 7812"
            rf"(?P<v>[A-Z0-9]{{8,20}}|[A-Z0-9]{{2,8}}(?:{_H}\d{{3,6}}){{1,4}})(?![A-Za-z0-9])"
        ),
        "ID",
        None,
    ),
    # zh: an event's hosts: "**主办**：天府青少年心理援助网络"
    (
        re.compile(
            rf"(?m)^{_H}*(?:\*\*)?(?:主办|协办|承办|主辦|協辦)(?:单位|單位|方)?(?:\*\*)?[：:]"
            rf"(?:\*\*)?{_H}*(?P<v>[\u4e00-\u9fff]{{4,30}})"
        ),
        "ORG",
        None,
    ),
    # zh: a handover's call by its number: "- 01号：3月11日晚回访"
    (
        re.compile(rf"(?m)^{_H}*[-*•]{_H}*(?P<v>\d{{2,4}})号[：:]"),
        "ID",
        None,
    ),
    # zh: a WeChat official account: "我加了你们公众号 心桥青少年"
    (
        re.compile(
            # (set apart by a space, quotes or 叫: "公众号留言", "公众号转入" name none)
            rf"(?:公众号|公眾號|视频号|視頻號)(?:叫{_H}*|{_H}+)?(?:(?<=[叫\s])|(?=[“\"「]))[“\"「]?"
            rf"(?P<v>[^\s，。,！!？?“”\"「」：:、]{{2,16}}?)[”\"」]?(?={_H}|[，。,！!？?]|$)"
        ),
        "HANDLE",
        None,
    ),
    # zh: a chamber of commerce or a home-town association: "比如成都凉山商会下面的"
    (
        re.compile(
            r"(?:比如|例如|加入|参加|联系|通过|[找在和与、，,\s])(?P<v>(?!比如|例如|加入|参加|联系|通过)[\u4e00-\u9fff]{2,8}(?<!会)(?:商会|同乡会|同鄉會|商會))"
        ),
        "ORG",
        None,
    ),
    # zh: a hotline by its own name: "或孝感槐荫心理援助热线 0712-2451320" (not 全国心理援助热线)
    (
        re.compile(
            r"(?:拨打|撥打|打|或|联系|聯繫)[^\S\n]*"
            # (no character of it may open 全国, 本地, … or another 拨打: "或拨打全国心理援助热线")
            r"(?P<v>(?:(?!全国|全國|本地|当地|當地|各地|免费|免費|拨打|撥打|打|联系|聯繫)[\u4e00-\u9fff]){2,8}?"
            r"心理(?:援助|危机干预|危機干預|咨询|諮詢)?(?:热线|熱線))"
        ),
        "ORG",
        None,
    ),
    # zh: a school club in quotes: "参加了学校“客家山歌社”"
    (
        re.compile(
            r"(?:参加了?|加入了?|参与|學校|学校)(?P<v>[“\"「][\u4e00-\u9fff]{2,10}(?:社|协会|協會|俱乐部|俱樂部)[”\"」])"
        ),
        "ORG",
        None,
    ),
    # ru, kk: a case's or call's log number after its word: "кейс: 26-0514", "звонок № 26-0611";
    # a supervisor's register number: "рег. № супервизора ППЛ-0417"
    (
        re.compile(
            rf"(?<![\w-])(?i:кейс|звон(?:ок|ка|ку)|қоңырау)(?:{_H}*№)?:?{_H}*"
            rf"(?P<v>\d{{2}}-\d{{3,5}})(?![\w-])"
            rf"|(?<![\w-])рег\.{_H}*№{_H}*(?:[а-яё]+{_H}+)?(?P<w>[А-ЯЁA-Z]{{1,4}}-?\d{{3,6}})(?![\w-])"
        ),
        "ID",
        None,
    ),
    # ru: a school by its number after "в" in a chat about school
    (
        re.compile(rf"(?<![\w-])(?:в|во){_H}+(?P<v>\d{{1,3}}-?й)(?![\w-])"),
        "SCHOOL",
        _ru_school_number,
    ),
    # ru: a first name and a surname in lower case, as chats and voice messages write them
    (
        re.compile(rf"(?<![\w-])(?=(?P<v>[а-яё]{{3,}}{_H}[а-яё]{{4,}})(?![\w-]))"),
        "PERSON",
        _ru_lower_full_name,
    ),
    # ru: a first name in lower case, as chats and voice messages write it, after a kin or
    # neighbour word: "соседка валя посидит", "с братом димой"
    (
        re.compile(
            rf"(?<![\w-])(?i:соседк[аеиуо]й?|сосед[аеуо]?м?|подруг[аеиуо]й?|подружк[аеиуо]й?|друг[аеу]?|другом"
            rf"|бабушк[аеиуо]й?|баб[аеуыо]й?|тёт[аеиюя]й?|тет[аеиюя]й?|дяд[аеиюя]й?|сестр[аеуыо]й?|брат[аеу]?|братом"
            rf"|сын[аеу]?|сыном|дочк[аеиуо]й?|внук[аеу]?|внучк[аеиуо]й?|одноклассни\w*)"
            rf"{_H}+(?P<v>[а-яё]{{3,}})(?![\w-])"
        ),
        "PERSON",
        _ru_lower_name,
    ),
    # ru: a first name in lower case doing something, as chats write it: "а в школе вика
    # выложила мою фотку", "потом саша сказал"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[а-яё]{{3,}})(?={_H}+(?P<verb>[а-яё]{{3,}}л[аи]?(?:сь)?)(?![\w-]))"
        ),
        "PERSON",
        _ru_lower_doer,
    ),
    # kk: a teacher's or an elder's first name in lower case before the word said after it:
    # "12-мектепте ғалия апай психолог", "асхат ағайға айттым"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[а-яёәғқңөұүһі]{{3,}}){_H}+(?:апай|ағай|әпке|тәте|апа|көке)"
            rf"[а-яёәғқңөұүһі]{{0,5}}(?![\w-])"
        ),
        "PERSON",
        _kk_lower_name,
    ),
    # ru: a first name that is also a word, after an elder's kin word: "с бабой Любой", "тётя
    # Вера"
    (
        re.compile(
            rf"(?<![\w-])(?i:баб[аеуыо]й?|бабушк[аеиуо]й?|бабул[аеиюя]й?|тёт[аеиюя]й?|тет[аеиюя]й?"
            rf"|дяд[аеиюя]й?){_H}+(?P<v>[А-ЯЁ][а-яё]{{2,}})(?![\w-])"
        ),
        "PERSON",
        _ru_first_name,
    ),
    # en: a line named in a heading, before what the page is: "# Humber Lantern Line: night
    # shift log"
    (
        re.compile(rf"(?m)^#{{1,3}}{_H}+(?P<v>(?:[A-Z][\w'’-]+{_H}+){{1,3}}Line)(?={_H}*[:—–-])"),
        "ORG",
        _named_line,
    ),
    # ru, kk: a service's name in quotes, a heading's part of its own: "# Журнал ночной смены —
    # «Голос рядом» — Ульяновск", "# «Жан сыры» — сайттағы чат" (not "# Вебинар «Трудный
    # случай»", "# «Жарқын таң» өзара қолдау тобы")
    (
        re.compile(
            rf"(?m)^#{{1,3}}{_H}+(?:[^\n«]*?{_H}[—–]{_H}+)?(?P<v>«[^»«\n]{{2,30}}»)"
            rf"(?={_H}*(?:[—–,]|$))"
        ),
        "ORG",
        _service_heading,
    ),
    # zh: a city by its one-character name after a verb of coming and going: "每月回蓉一两次",
    # "正月初六就回莞了", "在汉务工", "来京后" (not "到深夜", "在深挖", "在杭州": a word goes on)
    (
        re.compile(
            r"(?<=[回在到来去返赴])(?P<v>[蓉莞穗渝汉甬榕邕筑杭深京津厦])"
            r"(?=[了就务工打上读住待过等后线一两几，。、；”」）)]|$)",
            re.M,
        ),
        "PLACE",
        None,
    ),
    # ru: a neighbour or an uncle called by his patronymic alone, in a chat's lower case: "сосед
    # петрович пустит", "дядя михалыч"
    (
        re.compile(
            rf"(?<![\w-])(?i:сосед|соседа|соседу|соседка|соседки|дядя|дяди|дяде|дядю|тётя|тетя|тёти|тети)"
            rf"{_H}+(?P<v>[а-яё]{{3,}}(?:ович|евич|ыч|ич|овна|евна|ична))(?![а-яё-])"
        ),
        "PERSON",
        None,
    ),
    # kk, ru: a passport's name in Latin capitals after the word for its Latin spelling:
    # "Паспортындағы латынша жазылуы: MANSUROV KHUSEIN", "латиницей: ABDULLAEV TIMUR"
    (
        re.compile(
            rf"(?i:латынша{_H}+жазылуы|латиницей|латинскими{_H}+буквами|латын{_H}+әрпімен)"
            rf"[^\S\n]*[:—-]?{_H}*(?P<v>[A-Z]{{2,}}(?:[ -][A-Z]{{2,}}){{1,2}})(?![\w-])"
        ),
        "PERSON",
        None,
    ),
    # zh: a Hong Kong form a pupil joins: "佢哋話可以插中二"
    (
        re.compile(rf"(?:插|读|讀|升|返|上|入)(?P<v>中[一二三四五六])(?![{_ZH_FORM_NOT}])"),
        "CLASS",
        None,
    ),
]


@functools.cache
def _patterns() -> list[re.Pattern[str]]:
    return [pattern for pattern, _, _ in _PATTERNS]


_BY_PATTERN = {pattern: (kind, check) for pattern, kind, check in _PATTERNS}


def find(text: str) -> Iterator[Span]:
    """The values the labels above give away."""
    for pattern in gates.live(_patterns(), text):
        kind, check = _BY_PATTERN[pattern]
        for m in pattern.finditer(text):
            group = "v" if m.group("v") else "w"
            if check is not None and not check(text, m):
                continue
            yield Span(m.start(group), m.end(group), kind, "cue")
