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
  surname after "the doctor is" (医生是舒主任); Taiwan's cities (臺中);
- and the second round's (from the twenty-seventh set): classes and schools said in chats
  ("в 9 г", "в 175й", "ve druhaku", "im a sophmore at …"), named parks, akimats, churches and
  public service centres, ages said after "в" or as "91 y", an address said in words, two
  contacts cited together, Czech birth numbers from before 1954, a university by its name, a
  session header's user name, a membership number, a UK outward code after its label, Queens
  house numbers, a display name after "shows as", a signature between underscores, Chinese
  kindergartens, education commissions, metro exits, crossings, nicknames in quotes and a
  Chinese e-mail's display name;
- and the eleventh session's (from the twenty-eighth and twenty-ninth sets): calls and chats by
  lettered codes, a webinar chat's sender, КУСП and patent numbers, conference IDs, regional
  offices, classes by their room, Kazakh college years, ages said in Czech, Slovak, Kazakh and
  Chinese, bodies and schools by their ordinal in lower case, addresses typed in lower case,
  named lines, groups' chats, Chinese districts listed, lakes and caves, pseudonyms, lunar dates,
  a taunt built on a surname (``_OWN_CHECK``), a name in a script no layer reads beside its other
  form, and letter-spaced letterheads (``letterheads``).

Each pattern waits for a cue it needs (its fourth field: a script, a digit, a quotation mark or
a literal), searched once per text, so a text without it is not scanned at all.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import wordlists
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_CY_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_CY_LO = "а-яёәғқңөұүһі"
# Scripts no layer reads (Hebrew, Arabic, the Indic scripts, Thai, Georgian, Armenian, Hangul,
# Ethiopic), whose words in these notes are names written as their owners write them
_OTHER_SCRIPTS = (
    "\u0530-\u058f\u0590-\u06ff\u0900-\u0dff\u0e00-\u0e7f\u10a0-\u10ff\u1200-\u137f\uac00-\ud7af"
)

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

# What a pattern needs somewhere in the text before it is worth running (each is searched once
# per text): a script, a digit, a quotation mark, or a literal cue of its own. A gate never
# changes what a pattern finds, only spares the texts it cannot match.
_CYRILLIC = re.compile(f"[{_CY_UP}{_CY_LO}]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[a-z]")
_DIGIT = re.compile(r"\d")
_QUOTE = re.compile('[«"“]')


def _needs(cue: str) -> re.Pattern[str]:
    return re.compile(cue)


_ZH_TAUNT = re.compile(
    r"(?:外号|绰号|綽號)(?:叫)?[“\"「](?P<v>[\u4e00-\u9fff])(?=[\u4e00-\u9fff]{1,3}[”\"」])"
)

_HOUSE_OF_ART = re.compile(
    rf"(?<![\w-])(?P<v>дом[а-я]{{0,2}}{_H}+детского{_H}+творчества){_H}+на{_H}+"
    rf"(?P<w>[а-яё]+(?:ой|ую|ая))(?![\w-])"
)
_HK_COLLEGE = re.compile(
    r"(?<=[读讀在])(?P<v>[\u4e00-\u9fff]{2,6}[书書]院)(?P<w>中[一二三四五六])?"
)

_YEAR_AT_SCHOOL = re.compile(
    r"(?i:i'?m|he'?s|hes|she'?s|shes|i[^\S\n]am|he[^\S\n]is|she[^\S\n]is)[^\S\n]+an?[^\S\n]+"
    r"(?P<v>freshman|sophomore|sophmore|junior|senior)[^\S\n]+at[^\S\n]+"
    r"(?P<w>[a-z][a-z'-]+(?:[^\S\n]+(?!not\b|and\b|but\b|now\b|too\b)[a-z][a-z'-]+){0,3})"
)

_PATTERNS: list[tuple[re.Pattern[str], str, str, re.Pattern[str] | None]] = [
    # cs: z č. p. 320; sk: prestup na izbu 108
    (
        re.compile(
            rf"(?<![\w.])č\.{_H}?p\.{_H}?(?P<v>\d{{1,4}})(?![\d/])"
            rf"|(?<![\w-])(?P<w>izb(?:a|u|e|y|ou){_H}+(?:č\.{_H}*)?\d{{1,4}})(?![\d/])"
        ),
        "ADDRESS",
        "v",
        _needs(r"č\.|izb"),
    ),
    # pl: ul. Daszyńskiego 14/3, 59-920 Bogatynia
    (
        re.compile(
            rf"(?<![\w-])ul\.{_H}+[{_CS_UP}ŁŚŻŹĆŃ][\w-]+{_H}+\d+[a-z]?(?:/\d+)?,{_H}+"
            rf"(?P<v>\d{{2}}-\d{{3}})(?={_H}+[{_CS_UP}ŁŚŻŹĆŃ])"
        ),
        "POSTCODE",
        "v",
        _needs(r"ul\."),
    ),
    # a bank card's or account's number in fours: "6217 0031 8800 4472 615" (not a row of years)
    (
        re.compile(
            r"(?<![\d,.:/-])(?![^\S\n]*(?:(?:19|20)\d\d[^\S\n]+){3}(?:19|20)\d\d)"
            r"(?P<v>[1-9]\d{3}(?:[^\S\n]\d{4}){3}(?:[^\S\n]\d{1,3})?)(?![\d,.:/-])"
        ),
        "ID",
        "v",
        _DIGIT,
    ),
    # en: a school by its number ("Gwynns Falls Academy (School #247)", "the one-room Zelena
    # School No. 1573"), and a composite class after its word ("class 4/5K")
    (
        re.compile(
            r"(?P<v>(?:[A-Z][\w'’-]+[^\S\n]){0,3}School[^\S\n]?(?:#|No\.[^\S\n]?)\d{1,4})(?![\d-])"
        ),
        "SCHOOL",
        "v",
        _needs("School"),
    ),
    (
        re.compile(r"(?<![\w-])(?i:class)[^\S\n]+(?P<v>\d{1,2}/\d{1,2}[A-Z]{1,3})(?![\w/-])"),
        "CLASS",
        "v",
        _needs("(?i)class"),
    ),
    # ru: a certificate's number after its series: "Свидетельство серия III-СТ номер 774061"
    (
        re.compile(
            rf"(?i:серия|серии|сериясы){_H}+[IVXА-ЯЁA-Z0-9-]{{2,10}}(?:{_H}+[IVXА-ЯЁA-Z0-9-]{{2,4}})?,?"
            rf"{_H}+(?i:номер|№|нөмірі){_H}*(?P<v>\d{{6,7}})(?!\d)"
        ),
        "ID",
        "v",
        _needs("(?i)сери"),
    ),
    # en: OSIS 218 530 467; reg. no. 412876; (BO, #214)
    (
        re.compile(
            rf"(?<![\w-])(?:OSIS|(?i:reg(?:istration)?\.?{_H}*(?:no|number)\.?)):?(?:\*\*)?{_H}*"
            rf"(?P<v>\d{{3}}{_H}?\d{{3}}{_H}?\d{{3}}|\d{{4,8}})(?![\d-])"
            rf"|(?:\(|,{_H})(?:[A-Z]{{2,3}}|[A-Z]'?[A-Z]{{1,2}}),{_H}*#(?P<w>\d{{2,5}})(?!\d)"
        ),
        "ID",
        "v",
        _DIGIT,
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
        None,
    ),
    # an initial in quotes, as a record writes a person: (хаттамада «Г.»), (in the file as "R.")
    (
        re.compile(rf"[«\"“](?P<v>[A-Z{_CY_UP}]\.)[»\"”]"),
        "PERSON",
        "v",
        _QUOTE,
    ),
    # a nickname in quotes between a given name and a surname: 'Guadalupe "Lupe" Gallardo-Ortiz'
    (
        re.compile(
            rf"(?<![\w-])[A-Z{_CY_UP}][a-z{_CY_LO}]+{_H}[\"“«](?P<v>[A-Z{_CY_UP}][a-z{_CY_LO}]+)[\"”»]"
            rf"{_H}[A-Z{_CY_UP}][a-z{_CY_LO}]+(?:-[A-Z{_CY_UP}][a-z{_CY_LO}]+)?"
        ),
        "PERSON",
        "v",
        _QUOTE,
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
        _LATIN,
    ),
    # zh: a street number and the building's floor after it: "百秀街56号区青少年活动中心三楼"
    (
        re.compile(
            r"(?P<v>[\u4e00-\u9fff]{1,6}[街路道]\d{1,4}号[\u4e00-\u9fff]{2,12}?(?:中心|大厦|大楼|广场|馆)"
            r"[一二三四五六七八九十\d]{1,2}楼)"
        ),
        "ADDRESS",
        "v",
        _needs("号"),
    ),
    # zh: a surname before a school head's or director's title, after "with": 请她与万副校长面谈
    (
        re.compile(r"(?<=[与和跟找请])(?P<v>[\u4e00-\u9fff])(?=副校长|副主任|副院长)"),
        "PERSON",
        "v",
        _needs("副"),
    ),
    # a service's quoted brand heading its log, its city after a dash: "# «Қамқор желі» — Астана."
    (
        re.compile(
            rf"(?m)^#{{1,4}}{_H}*(?P<v>«[^«»\n]{{2,40}}»|“[^“”\n]{{2,40}}”)"
            rf"{_H}+[—–-]{_H}+[A-Z{_CY_UP}]"
        ),
        "ORG",
        "v",
        _needs("#"),
    ),
    # kk/ru: Теңіз кен орны, Балқаш көлінің, месторождение Тенгиз, озеро Балхаш
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[{_CY_UP}][{_CY_LO}-]+{_H}+(?:кен{_H}+орн[{_CY_LO}]*|көл(?:і|інің|іне|інде|інен|ін)))(?![\w-])"
            rf"|(?<![\w-])(?i:месторождени[еяию]|озер[оаеу]|оз\.){_H}+(?P<w>[{_CY_UP}][{_CY_LO}-]+)"
        ),
        "PLACE",
        "v",
        _CYRILLIC,
    ),
    # kk/ru: өтініш № 17, заявление № 58, обращение № 112
    (
        re.compile(
            rf"(?<![\w-])(?i:өтініш\w*|заявлени[еяию]|обращени[еяию]|жолдау\w*|арыз\w*){_H}*№{_H}*"
            rf"(?P<v>\d{{1,6}}(?:/\d{{1,4}})?)(?![\d-])"
        ),
        "ID",
        "v",
        _needs("№"),
    ),
    # ru: Krasnodar's and Rostov's districts by their letters: "(ФМР)", "на ЗЖМ"
    (
        re.compile(r"(?<![\w-])(?P<v>ФМР|ЮМР|ГМР|КМР|ЧМР|СЖМ|ЗЖМ|ВЖМ|СЗЖМ)(?![\w-])"),
        "PLACE",
        "v",
        _CYRILLIC,
    ),
    # ru/kk: a signature's surname split by the scanner: "Подпись: Бонда ренко"
    (
        re.compile(
            rf"(?im)(?:подпись|қолы|podpis)[:.]?{_H}+(?P<v>[{_CY_UP}A-Z][{_CY_LO}a-z]+{_H}[{_CY_LO}a-z]{{2,6}})"
            rf"{_H}*$"
        ),
        "PERSON",
        "v",
        _needs("(?i)подпис|қолы|podpis"),
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
        _CYRILLIC,
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
        _CYRILLIC,
    ),
    # ru: a school by its number in a chat: "а я хочу в десятый в нашей 94й", "подруга из 65-й"
    (
        re.compile(
            rf"(?<![\w-])(?:нашей|нашу|своей|свою|моей|мою|из|с){_H}+(?P<v>\d{{1,4}}-?(?:й|ой|ю))"
            rf"(?={_H}*(?:[.,!?)\n]|$)|{_H}+(?:говорит|сказал|пишет|тоже|все|там|у{_H}+них))"
        ),
        "SCHOOL",
        "v",
        _CYRILLIC,
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
        _needs("[号、]"),
    ),
    # zh: 来汉, 回渝: a city by its one-character name after a verb of coming or leaving
    (
        re.compile(r"(?<=[来回赴抵离])(?P<v>[汉渝])(?![口阳江中南北东西城语字族服堡])"),
        "PLACE",
        "v",
        _HAN,
    ),
    # zh: 医生是舒主任, 大夫是向医生: a doctor's surname after "the doctor is"
    (
        re.compile(r"(?:医生|大夫|主治)是(?P<v>[\u4e00-\u9fff])(?=主任|医生|大夫|教授)"),
        "PERSON",
        "v",
        _HAN,
    ),
    # zh: Taiwan's cities: 臺中, 台北市, 臺南
    (
        re.compile(
            r"(?<![舞平講讲櫃柜陽阳站前後后電电一兩两幾几這这那灶窗])"
            r"(?P<v>(?:臺|(?<=[从從在去到回来來住于於])台)(?:中|北|南|東|东)(?:市)?)(?![路街区區站港大])"
        ),
        "PLACE",
        "v",
        _needs("[臺台]"),
    ),
    # --- from tuning27/'s notes ---
    # ru: a school by a number no class has, in a chat: "в 175й никто не знает"
    (
        re.compile(
            rf"(?<![\w-])(?:в|во|из){_H}+(?P<v>(?:1[2-9]|[2-9]\d|\d{{3}})-?(?:й|ой|ю))"
            rf"(?=[.,!?)\n]|$|{_H}+(?:никто|все|всё|тоже|там|учусь|учится|учился|учатся|не|а|и|но"
            rf"|есть|нет|говорят|ходит|хожу|была|был))"
        ),
        "SCHOOL",
        "v",
        _CYRILLIC,
    ),
    # a helpline's two contacts cited together by year and serial: "Разбирали 26-0410 / 26-0417"
    (
        re.compile(
            rf"(?<![\w./-])(?P<v>[23]\d-\d{{4}})(?=(?:{_H}*/{_H}*|{_H}+(?:и|and|a){_H}+)[23]\d-\d{{4}}(?![\d-]))"
            rf"|(?<=[\d]{{4}})(?<=[23]\d-\d{{4}})(?:{_H}*/{_H}*|{_H}+(?:и|and|a){_H}+)(?P<w>[23]\d-\d{{4}})(?![\w-])"
        ),
        "ID",
        "v",
        _DIGIT,
    ),
    # kk/ru: the Nazarbayev school said in a chat: "завтра пробник в ниш"
    (
        re.compile(r"(?:(?<=\bв\s)|(?<=\bиз\s)|(?<=\bво\s))(?P<v>ниш|НИШ)(?![\w-])"),
        "SCHOOL",
        "v",
        _needs("ниш|НИШ"),
    ),
    # ru: a class typed with a space in a chat, "она в 9 г а я в 9 б" (not with lower-case "а" or
    # "в", which are words: "в 5 а потом", "в 9 в школу"); said in words, "в первый г"
    (
        re.compile(
            rf"(?<![\w-])(?:в|из|с){_H}+(?P<v>(?:1[01]|[1-9]){_H}[бгдеАБВГДЕ])(?![\w.-])"
            rf"|(?<![\w-])(?:в|во|из){_H}+(?P<w>(?:первый|второй|третий|четв[её]ртый|пятый|шестой"
            rf"|седьмой|восьмой|девятый|десятый|одиннадцатый){_H}+[бгдеАБВГДЕ])(?![\w.-])"
            # a grade one wants or goes to: "а я хочу в десятый", "пойдёт в одиннадцатый"
            rf"|(?<![\w-])(?:хочу|хочет|пойду|пойдёт|пойдет|перейду|перейдёт|перейти|идти|иду|идёт"
            rf"|поступать|поступить|перевестись){_H}+в{_H}+(?P<x>(?:пятый|шестой|седьмой|восьмой"
            rf"|девятый|десятый|одиннадцатый))(?![\w-])(?!{_H}+(?:раз|день|год|час|класс))"
        ),
        "CLASS",
        "v",
        _CYRILLIC,
    ),
    # ru: "после 9-го" (after the ninth grade), not a date: "после 9-го марта"
    (
        re.compile(
            rf"(?<![\w-])после{_H}+(?P<v>(?:9|11)-го)(?![\w-])(?!{_H}+(?:числа|января|февраля|марта"
            rf"|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|дня|урока|звонка))"
        ),
        "CLASS",
        "v",
        _CYRILLIC,
    ),
    # kk: a park by its name with the fused "саябағы": "Ғашықтар саябағында"
    (
        re.compile(rf"(?<![\w-])(?P<v>[{_CY_UP}][{_CY_LO}-]+{_H}+саябағ[{_CY_LO}]*)(?![\w-])"),
        "PLACE",
        "v",
        _CYRILLIC,
    ),
    # kk: a district's or town's akimat in lower-case speech: "қарғалы аудандық әкімдігі"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[{_CY_LO}-]{{3,}}{_H}+(?:аудандық|облыстық|қалалық|ауылдық){_H}+"
            rf"(?:әкімдіг|білім{_H}+бөлім|аурухана|емхана|сот)[{_CY_LO}]*)(?![\w-])"
        ),
        "ORG",
        "v",
        _CYRILLIC,
    ),
    # ru: a brand in quotes whose last word names its kind: "сайт «Тёплой линии»"
    (
        re.compile(
            rf"(?P<v>«[{_CY_UP}][^«»\n]{{0,30}}{_H}(?:лини[яиюей]|служб[аыеуой]|центр[а-я]{{0,2}}"
            rf"|фонд[а-я]{{0,2}})»)"
        ),
        "ORG",
        "v",
        _CYRILLIC,
    ),
    # ru: "МФЦ г.о. Химки", "МФЦ района Солнцево": a public service centre with its place
    (
        re.compile(
            rf"(?<![\w-])(?P<v>(?:МФЦ|ЦОН|КЦСОН){_H}+(?:г\.{_H}?о\.|г\.|района|округа|р-на)?{_H}*"
            rf"[{_CY_UP}][{_CY_LO}-]+)(?![\w-])"
        ),
        "ORG",
        "v",
        _CYRILLIC,
    ),
    # ru: a church, a temple or a mosque by its name: "церковь Сурб Карапет"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>(?:церк(?:овь|ви|овью)|храм[а-я]{{0,2}}|мечет[ьияю]|собор[а-я]{{0,2}})"
            rf"(?:{_H}+[{_CY_UP}][{_CY_LO}-]+){{1,3}})(?![\w-])"
        ),
        "ORG",
        "v",
        _CYRILLIC,
    ),
    # ru: an age over 89 said after "в": "а она в девяносто три держится лучше меня"
    (
        re.compile(
            r"(?<![\w-])(?:она|он|мама|папа|бабушка|дедушка)[^\S\n]+в[^\S\n]+(?P<v>девяносто"
            r"(?:[^\S\n]+(?:один|два|три|четыре|пять|шесть|семь|восемь|девять))?)"
            r"(?![\w-])(?![^\S\n]+(?:год|лет|процент|рубл|тысяч|раз|км|кг|минут|метр"
            r"|один|два|три|четыре|пять|шесть|семь|восемь|девять))"
        ),
        "AGE",
        "v",
        _CYRILLIC,
    ),
    # ru: an address said in words without its street word: "химки левобережный совхозная девять
    # квартира сорок один"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[{_CY_LO}]+(?:ая|ый|ий|ой|ое){_H}+(?:дом{_H}+)?{_RU_NUMBER}"
            rf"(?:{_H}+(?:корпус|строение){_H}+{_RU_NUMBER})?{_H}+квартира{_H}+{_RU_NUMBER})(?![\w-])",
            re.IGNORECASE,
        ),
        "ADDRESS",
        "v",
        _CYRILLIC,
    ),
    # cs: a 9-digit birth number of someone born before 1954: "Nar. / RČ 21. 8. 1933 / 330821/117"
    (
        re.compile(
            r"(?<![\d/])(?P<v>[0-5]\d(?:0[1-9]|1[0-2]|5[1-9]|6[0-2])(?:0[1-9]|[12]\d|3[01])/\d{3})(?![\d/])"
        ),
        "ID",
        "v",
        _needs(r"\d/\d"),
    ),
    # cs: "soused z čísla 420"; "zemřela v 94 letech"; "tamtéž 4. tř."
    (
        re.compile(r"(?<![\w-])z[^\S\n]+čísla[^\S\n]+(?P<v>\d{1,4})(?![\d/])"),
        "ADDRESS",
        "v",
        _needs("čísla"),
    ),
    (
        re.compile(r"(?<![\w-])v[^\S\n]+(?P<v>9\d|1[01]\d)[^\S\n]+letech(?![\w-])"),
        "AGE",
        "v",
        _needs("letech"),
    ),
    (
        re.compile(r"(?<![\w.])(?P<v>\d{1,2}\.[^\S\n]?tř\.)(?!\w)"),
        "CLASS",
        "v",
        _needs("tř."),
    ),
    # cs: a university by its name: "na Technické univerzitě v Liberci"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[{_CS_UP}][{_CS_LO}]+(?:á|é|ou|ě|ý){_H}+univerzit[{_CS_LO}]*"
            rf"(?:{_H}+(?:v|ve){_H}+[{_CS_UP}][{_CS_LO}]+)?)(?![\w-])"
        ),
        "SCHOOL",
        "v",
        _needs("univerzit"),
    ),
    # cs: a chat's client by their user name in a session's header: "Klient: zelenykonik ·"
    (
        re.compile(
            r"(?<![\w-])(?:Klient|Klientka|Client|Клиент|Uživatel|User)[:：][^\S\n]*"
            r"(?P<v>[a-z][a-z0-9_.]{5,29})(?=[^\S\n]*(?:[·|,;]|$))",
            re.MULTILINE,
        ),
        "HANDLE",
        "v",
        _needs("Klient|Client|Клиент|Uživatel|User"),
    ),
    # cs: a year of secondary school said colloquially: "jsem ve druhaku"
    (
        re.compile(
            r"(?<![\w-])(?:v|ve|do|z|ze)[^\S\n]+(?P<v>(?:prv[ňn][áa]k|druh[áa]k|t[řr]e[ťt][áa]k|[čc]tv[rř][ťt][áa]k)"
            r"(?:u|a|em|ovi)?)(?![\w-])",
            re.IGNORECASE,
        ),
        "CLASS",
        "v",
        _LATIN,
    ),
    # cs: a court by its district in speech: "na okresním soudu v ústí"
    (
        re.compile(
            r"(?<![\w-])(?P<v>(?:okresní|krajsk|městsk|obvodní)[a-záčďéěíňóřšťúůýž]*[^\S\n]+soud[a-z]*"
            r"[^\S\n]+(?:v|ve|pro)[^\S\n]+[A-Za-zÁČĎÉĚÍŇÓŘŠŤÚŮÝŽáčďéěíňóřšťúůýž]{3,})(?![\w-])",
            re.IGNORECASE,
        ),
        "ORG",
        "v",
        _needs("soud"),
    ),
    # en: a membership number after its body: "(BACP membership 387214)"
    (
        re.compile(
            r"(?<![\w-])(?i:membership|member)(?:[^\S\n]+(?:no\.?|number|#))?:?[^\S\n]*(?P<v>\d{5,8})(?!\d)"
        ),
        "ID",
        "v",
        _needs("(?i)member"),
    ),
    # en: a UK postcode's first part after its label: "postcode (first part): B8"
    (
        re.compile(r"(?i:postcode)[^:\n]{0,20}:[^\S\n]*(?P<v>[A-Z]{1,2}\d[A-Z\d]?)(?![\w])"),
        "POSTCODE",
        "v",
        _needs("(?i)postcode"),
    ),
    # en: "School District No. 36 (Surrey)"
    (
        re.compile(
            r"(?P<v>School[^\S\n]+District[^\S\n]+No\.?[^\S\n]*\d{1,3}(?:[^\S\n]*\([A-Z][a-z]+\))?)"
        ),
        "ORG",
        "v",
        _needs("School"),
    ),
    # en: an age written "91 y" in a patient's line: "Kamala Iyer, 91 y, F"
    (
        re.compile(r"(?<![\d.])(?P<v>9\d|1[01]\d)[^\S\n]?(?:y|yo|yrs?)(?=[,;)]|[^\S\n]+[FM]\b)"),
        "AGE",
        "v",
        _DIGIT,
    ),
    # en: "Grade/class: 3-214"; "Home: 104-22 41st Avenue, Apt 3F" (a Queens house number)
    (
        re.compile(
            r"(?i:grade/class|class|homeroom)(?:\*\*)?:(?:\*\*)?[^\S\n]*(?P<v>\d{1,2}-\d{2,3})(?![\d-])"
        ),
        "CLASS",
        "v",
        _needs("(?i)class|homeroom"),
    ),
    (
        re.compile(
            r"(?<![\w-])(?P<v>\d{2,3}-\d{2}[^\S\n]+\d{1,3}(?:st|nd|rd|th)[^\S\n]+(?:Avenue|Ave|Street|St|Road|Rd"
            r"|Drive|Dr|Place|Pl|Boulevard|Blvd)\.?(?:,[^\S\n]*(?:Apt|Unit|#)\.?[^\S\n]*\w{1,4})?)"
        ),
        "ADDRESS",
        "v",
        _DIGIT,
    ),
    # en: an account's display name quoted after "shows as": 'her account shows as "Lupita Ortiz"'
    (
        re.compile(
            r"(?i:shows[^\S\n]+as|appears[^\S\n]+as|display[^\S\n]+name(?:[^\S\n]+is)?)[^\S\n]*[\"“](?P<v>[^\"”\n]{2,40})[\"”]"
        ),
        "HANDLE",
        "v",
        _needs("(?i)shows|appears|display"),
    ),
    # en: a name signed between a form's underscores: "Signature: ____P Abernathy____"
    (
        re.compile(
            r"(?i:signature|signed)[:.]?[^\S\n]*_+(?P<v>[A-Z]\.?[^\S\n]?[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+)?)_+"
        ),
        "PERSON",
        "v",
        _needs("(?i)sign"),
    ),
    # en: a pupil's year and school in a chat: "im a sophmore at valley glen charter" (the
    # second group, the school, is of its own kind: _SECOND_KIND)
    (_YEAR_AT_SCHOOL, "CLASS", "v", _needs("freshman|sophomore|sophmore|junior|senior")),
    # zh: a span of grades "一至六年级"; a kindergarten by its number "邾城二幼"; a district's
    # education commission "渝北区教委"; a metro exit "循礼门地铁站C出口"; a crossing
    # "蜀汉路与交大路交叉口附近"
    (
        re.compile(r"(?P<v>[一二三四五六]至[一二三四五六]年级)"),
        "CLASS",
        "v",
        _HAN,
    ),
    (
        re.compile(r"(?P<v>[\u4e00-\u9fff]{2}[一二三四五六七八九十]幼)(?![儿稚])"),
        "SCHOOL",
        "v",
        _HAN,
    ),
    (
        re.compile(r"(?P<v>[\u4e00-\u9fff]{1,3}[区县市]教委)"),
        "ORG",
        "v",
        _HAN,
    ),
    (
        re.compile(r"(?P<v>[\u4e00-\u9fff]{2,5}地铁站[A-Z]?\d{0,2}号?出口)"),
        "ADDRESS",
        "v",
        _HAN,
    ),
    (
        re.compile(
            r"(?P<v>[\u4e00-\u9fff]{1,5}[路街道]与[\u4e00-\u9fff]{1,5}[路街道](?:交叉口|交汇处|十字路口|路口)(?:附近)?)"
        ),
        "ADDRESS",
        "v",
        _HAN,
    ),
    # zh: a classmate's nickname in quotes: 小学同学“胖墩”, 最喜欢“虎子”（隔壁四（2）班的吴家豪）; a
    # caller's letter: 来电者“M”; a son's Wuhan name: 我儿子军伢
    (
        re.compile(
            r"(?:同学|朋友|好友|室友|同桌|发小)[“\"「](?P<v>[\u4e00-\u9fff]{1,4})[”\"」]"
            r"|[“\"](?P<w>[\u4e00-\u9fff]{2,3})[”\"]（[^\n]{0,16}?的[\u4e00-\u9fff]{2,3}）"
            r"|(?:来电者|来访者|个案|学生|孩子)[“\"](?P<x>[A-Z]{1,2})[”\"]"
        ),
        "PERSON",
        "v",
        _HAN,
    ),
    (
        re.compile(r"(?:我|他|她)(?:儿子|孙子|女婿|老公)(?P<v>[\u4e00-\u9fff]伢)(?![子们])"),
        "PERSON",
        "v",
        _HAN,
    ),
    # zh: a call by its number before the caller: "04号杜婆婆"
    (
        re.compile(
            r"(?<![\d\w])(?P<v>\d{2,3})号(?=[\u4e00-\u9fff]{1,3}(?:婆婆|爷爷|阿姨|叔叔|先生|女士|奶奶))"
        ),
        "ID",
        "v",
        _HAN,
    ),
    # a Chinese e-mail's display name before its address: "**发件人：** 心桥在线书面咨询 <reply@…>"
    # (not an office's: "心理辅导室 <xinli@…>"; other scripts' names the name layers read)
    (
        re.compile(
            r"(?:发件人|收件人)[:：](?:\*\*)?[^\S\n]*"
            r"(?P<v>[\u4e00-\u9fff]{2,16}(?<![室处科办组部院校])(?<!老师)(?<!中心))[^\S\n]*<[^<>\s@]+@[^<>\s]+>"
        ),
        "ORG",
        "v",
        _HAN,
    ),
    # the twenty-eighth set's cues. A call or chat cited by its code: "Relace CH26-0188", "hovor
    # LP26-0413"; a hotline's calls in bold: "**01号**（PJ）"
    (re.compile(r"(?<![\w-])(?P<v>[A-Z]{2,4}\d{2}-\d{4})(?![\w-])"), "ID", "v", _DIGIT),
    (re.compile(r"\*\*(?P<v>\d{2,3})号\*\*"), "ID", "v", _needs("号")),
    # a webinar chat's sender: "14:22  Od Jitka V. (PPP Blansko) pro všechny:", "From Ann K. to
    # Everyone:"
    (
        re.compile(
            rf"(?m)^{_H}*\d{{1,2}}:\d{{2}}(?::\d{{2}})?{_H}+(?:Od|From|От){_H}+(?P<v>[^\n]{{2,60}}?)"
            rf"{_H}+(?:pro|to|для){_H}+(?:(?:všechny|[Ee]veryone|всех)\b[^\n:]{{0,20}}"
            # or privately to one of them: "Od Jitka O. (PPP Valašské Meziříčí) pro Pavla Z.:"
            rf"|[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽА-ЯЁ][^\n:()]{{1,40}}?(?:\([^\n:()]{{1,30}}\))?(?:{_H}+\((?i:privately|soukromě|лично)\))?):"
        ),
        "HANDLE",
        "v",
        _needs("(?i)od|from|от"),
    ),
    # a Kazakh webinar chat's sender, who and where in brackets: "15:19  Гүлшат Т. (Талдықорған,
    # № 5 мектеп) барлығына:", "15:22  Жанна Қ. (Қаскелең) барлығына:"
    (
        re.compile(
            rf"(?m)^{_H}*\d{{1,2}}:\d{{2}}(?::\d{{2}})?{_H}+(?P<v>[^\s:][^\n:]{{1,60}}?)"
            rf"{_H}+(?:барлығына|всем)(?:{_H}*\((?:жеке|лично)\))?:"
        ),
        "HANDLE",
        "v",
        _needs("барлығына|всем"),
    ),
    # ru: a police record's number "номер КУСП 3318"; a migrant's patent "номер патента папы 50
    # 2614 738291"; a conference's ID "(Телемост, ID 742 518 339)"
    (
        re.compile(rf"КУСП{_H}*(?:№{_H}*)?(?P<v>\d{{1,6}})(?!\d)"),
        "ID",
        "v",
        _needs("КУСП"),
    ),
    (
        re.compile(
            rf"(?i:патент)[а-яё]*(?:{_H}+[а-яё]+){{0,2}}{_H}+(?:№{_H}*)?"
            rf"(?P<v>\d{{2}}{_H}?(?:№{_H}?)?\d{{4}}{_H}?\d{{6}}|\d{{2}}{_H}?\d{{10}})(?!\d)"
        ),
        "ID",
        "v",
        _needs("(?i)патент"),
    ),
    (
        re.compile(
            rf"(?<![\w-])(?:ID(?:{_H}+(?:встречи|конференции|schůzky))?|(?i:meeting{_H}+ID|ID{_H}+schůzky"
            rf"|идентификатор(?:{_H}+(?:конференции|встречи))?|конференция{_H}+ID))(?:\*\*)?:?(?:\*\*)?{_H}*"
            rf"(?P<v>\d{{3,4}}{_H}\d{{3,4}}{_H}\d{{3,4}})(?![\d-])"
        ),
        "ID",
        "v",
        _DIGIT,
    ),
    # ru: a state body's regional office "ОСФР по Пермскому краю"; a street said in lower case
    # "шлиссельбургское шоссе"; a centre of education by its number "ЦО № 61"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>(?:ОСФР|ОПФР|УСЗН|ОСЗН|УФМС|УМВД|ГУ{_H}МВД|УФНС){_H}+по{_H}+"
            rf"(?:[А-ЯЁ][а-яё-]+(?:ому|ой){_H}+(?:краю|области|району|округу)|г\.{_H}?[А-ЯЁ][а-яё-]+"
            rf"|[А-ЯЁ][а-яё-]+[уе]))(?![\w-])"
        ),
        "ORG",
        "v",
        _CYRILLIC,
    ),
    (
        re.compile(rf"(?<![\w-])(?P<v>[а-яё]{{4,}}(?:ское|цкое){_H}+шоссе)(?![\w-])"),
        "ADDRESS",
        "v",
        _needs("шоссе"),
    ),
    (re.compile(rf"(?<![\w-])(?P<v>ЦО{_H}*№{_H}*\d{{1,4}})(?!\d)"), "SCHOOL", "v", _needs("ЦО")),
    # kk: a college year "3-курста", "студенті, 2-курс." (bare, only ending a sentence: in a
    # list, "Ұлжан, 1-курс, МБ-125 тобы", its writers leave it); a class with its case ending
    # "біз 9 Ә-де оқимыз"
    (
        re.compile(
            r"(?<![\w-])(?P<v>\d-курс(?:(?:та|қа|тан)(?![\w-])|(?=[.;!?]|$)))"
            rf"|(?<![\w-])(?P<w>(?:1[01]|[1-9]){_H}?[АӘБВГДЕ]-(?:де|да|те|та|ге|ға|ке|қа|не|на|ден|дан"
            r"|нен|нан|тен|тан))(?![\w-])"
        ),
        "CLASS",
        "v",
        _CYRILLIC,
    ),
    # en: a class by its room in a primary school's chat: "the girls in rm 14", "boys from Room
    # 15", "two Room 15 boys", "Room 14 (Year 6)"; a year group said "yr 11"
    (
        re.compile(
            rf"(?i:girls|boys|kids|pupils|students|children|teacher|teachers)(?:{_H}+(?:in|from|of))?{_H}+"
            rf"(?P<v>(?i:rm|room){_H}?\d{{1,2}})(?![\w])"
            rf"|(?<![\w-])(?P<w>(?i:rm|room){_H}?\d{{1,2}})(?={_H}+(?i:boys|girls|kids|parents|pupils|students)\b"
            rf"|{_H}+\((?:Year|Grade){_H}?\d)"
            rf"|(?<![\w-])(?<!\d{_H})(?P<x>yr{_H}?(?:1[0-3]|[1-9]))(?![\w:.])(?!{_H}*(?:months?|mo)\b)"
        ),
        "CLASS",
        "v",
        _needs("(?i)rm|room|yr"),
    ),
    # en: a text line by its keyword "text SHOUT to 85258"; an age "96 y.o."
    (re.compile(rf"(?<![\w-])(?P<v>SHOUT)(?={_H}+(?:to{_H}+)?85258)"), "ORG", "v", _needs("SHOUT")),
    (re.compile(r"(?<![\d.])(?P<v>9\d|1[01]\d)[^\S\n]?(?:y\.o\.|y/o)"), "AGE", "v", _needs("y")),
    # zh: districts listed "来自海淀、昌平、朝阳、石景山等区"; a lake, cave or bridge one goes to
    # "去后官湖走走"; a pseudonym in quotes "化名"橙子""; a Hong Kong teacher "何Sir"; a lunar
    # date "农历二月二十二"; a Hong Kong school year "贵校中二"; a named fund "“…基金”"
    (
        re.compile(
            r"(?:(?<=、)(?P<v>[\u4e00-\u9fff]{2,3})(?=(?:、[\u4e00-\u9fff]{2,3})*等(?:区|县|市|地区))"
            r"|(?<=来自|包括|涉及)(?P<w>[\u4e00-\u9fff]{2,3})(?=(?:、[\u4e00-\u9fff]{2,3})+等(?:区|县|市|地区)))"
        ),
        "PLACE",
        "v",
        _needs("等"),
    ),
    (
        re.compile(
            r"(?<=[去到在游逛])(?P<v>[\u4e00-\u9fff]{2,4}(?:湖|洞|大桥|古镇))"
            r"(?=走|玩|春游|附近|边|上|里|[，。、]|$)"
        ),
        "PLACE",
        "v",
        _HAN,
    ),
    (
        re.compile(r"(?:化名|自称)[“\"「](?P<v>[\u4e00-\u9fff]{1,4})[”\"」]"),
        "PERSON",
        "v",
        _HAN,
    ),
    (
        re.compile(r"(?<=[是和跟找叫請请的])(?P<v>[\u4e00-\u9fff])(?=Sir\b|Miss\b)"),
        "PERSON",
        "v",
        _HAN,
    ),
    (
        re.compile(
            r"农历(?P<v>[正一二三四五六七八九十冬腊]{1,2}月(?:初[一二三四五六七八九十]"
            r"|[二三]?十[一二三四五六七八九]?|廿[一二三四五六七八九]?|[一二三四五六七八九]))"
        ),
        "DATE",
        "v",
        _needs("农"),
    ),
    (re.compile(r"(?<=[读讀校院])(?P<v>中[一二三四五六])(?![\u4e00-\u9fff])"), "CLASS", "v", _HAN),
    (
        re.compile(r"[“\"「](?P<v>[\u4e00-\u9fff]{4,20}(?:基金|基金会|基金會))[”\"」]"),
        "ORG",
        "v",
        _HAN,
    ),
    # the twenty-ninth set's cues. Ages: "Babičce je 91", "ktorej je už deväťdesiatdva",
    # "letos oslavila devadesátku", "тоқсан екіге толамын", "我九十三了"
    (
        re.compile(
            rf"(?<![\w-])(?i:babičce|prababičce|dědovi|dědečkovi|pradědovi|mamince|tetě|strýcovi)"
            rf"{_H}+je{_H}+(?:už{_H}+)?(?P<v>9\d|1[01]\d)(?![\w%])"
            r"|(?<![\w-])(?P<w>deväťdesiat(?:jeden|jedna|dva|dve|tri|štyri|päť|šesť|sedem|osem|deväť))(?![\w-])"
            rf"|(?i:oslavil[a]?|oslaví|slaví|má|měl[a]?){_H}+(?:letos{_H}+|už{_H}+)?(?P<x>devadesátk[uay]|stovk[uay])(?![\w-])"
        ),
        "AGE",
        "v",
        _LATIN,
    ),
    (
        re.compile(
            r"(?<![\w-])(?P<v>тоқсан(?:[^\S\n]+(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз))?"
            r"(?:ге|ға|ке|қа|не|на|ге))(?=[^\S\n]+тол)"
        ),
        "AGE",
        "v",
        _needs("тоқсан"),
    ),
    (
        re.compile(
            r"(?<=我)(?P<v>九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九])?)(?=岁?了)"
        ),
        "AGE",
        "v",
        _HAN,
    ),
    # IDs: "spis. zn. OSPOD/1873/2026/Pr"; New York Medicaid's "CIN TK48210R"; a call before its
    # word ("26-0315 қоңырауы"); codes with a letter prefix and a date ("QC260314-002", "WC-26-0233")
    (
        re.compile(
            rf"(?i:spis\.|sp\.){_H}?zn\.:?{_H}*(?P<v>(?=[\w/.-]*\d)[A-ZÁ-Ž0-9][\w/.-]{{3,30}}[\w])(?![\w:])"
        ),
        "ID",
        "v",
        _needs("zn\\."),
    ),
    (
        re.compile(rf"(?<![\w-])CIN:?{_H}*(?P<v>[A-Z]{{2}}\d{{5}}[A-Z])(?![\w-])"),
        "ID",
        "v",
        _needs("CIN"),
    ),
    (
        re.compile(
            rf"(?<![\w./-])(?P<v>[23]\d-\d{{4}})(?={_H}+(?:қоңырау\w*|звон\w*|обращени\w*|hovor\w*|call\b))"
        ),
        "ID",
        "v",
        _DIGIT,
    ),
    (re.compile(r"(?<![\w-])(?P<v>[A-Z]{2,4}-?\d{2,6}-\d{3,4})(?![\w-])"), "ID", "v", _DIGIT),
    # a conference ID in groups of three or four ("ID 8731 4402 591")
    (
        re.compile(rf"(?<![\w-])ID:?{_H}*(?P<v>\d{{3,4}}{_H}\d{{3,4}}{_H}\d{{3,4}})(?![\d-])"),
        "ID",
        "v",
        _needs("ID"),
    ),
    # ru: a body by its ordinal, said in lower case ("в двадцатой поликлинике", "из седьмого отдела
    # полиции", "в двадцатой детской"); a house of children's art by its street ("в доме детского
    # творчества на высотной"); a school by its ordinal ("в третьей гимназии"); a Zelenograd
    # building ("корп. 1642"); the migration service's office that issued a passport
    (
        re.compile(
            rf"(?<![\w-])(?P<v>(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат"
            rf"|двенадцат|тринадцат|пятнадцат|двадцат|тридцат|сорок)(?:ой|ого|ом|ую|ая|ьей|ьего)"
            rf"{_H}+(?:детск(?:ой|ую|ая)(?:{_H}+(?:поликлиник|больниц)[а-я]*)?|(?:городск|районн)[а-я]{{2,3}}{_H}+"
            rf"(?:поликлиник|больниц)[а-я]*|(?:поликлиник|больниц)[а-я]*|отдел[а-я]*{_H}+полиции))(?![\w-])"
        ),
        "ORG",
        "v",
        _CYRILLIC,
    ),
    # ru: a numbered clinic, hospital or library, in any case and in lower case ("в детской
    # поликлинике № 6", "библиотека-филиал № 7", "в городской больнице №3")
    (
        re.compile(
            rf"(?<![\w-])(?P<v>(?:(?i:детск|городск|районн|областн|краев|клиническ|центральн|республиканск"
            rf"|психиатрическ|инфекционн)[а-я]{{2,3}}{_H}+){{0,3}}(?i:поликлиник|больниц|библиотек|роддом"
            rf"|диспансер)[а-я]*(?:-филиал[а-я]*)?{_H}*№{_H}*\d{{1,3}})(?![\d/-])"
        ),
        "ORG",
        "v",
        _needs("№"),
    ),
    (_HOUSE_OF_ART, "ORG", "v", _needs("творчества")),
    (
        re.compile(
            rf"(?<![\w-])(?:в|во|из)[^\S\n]+(?P<v>(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят)"
            rf"(?:ой|ей|ьей|ую|ью){_H}+(?:гимнази|школ|лице)[а-я]*)(?![\w-])"
        ),
        "SCHOOL",
        "v",
        _CYRILLIC,
    ),
    (
        re.compile(rf"(?<![\w-])(?P<v>корп(?:\.|ус){_H}?\d{{3,4}})(?!\d)"),
        "ADDRESS",
        "v",
        _needs("корп"),
    ),
    # kk: a street said in lower case with its house "кулагер 12 үй"; an address in Kazakh words
    # "жастар көшесі қырық бір, пәтер он төрт, үшінші қабат"
    (
        re.compile(
            rf"(?<![\w-])(?P<v>[а-яәғқңөұүһі]{{4,}}{_H}+\d{{1,3}}{_H}+үй)(?![\w-])"
            rf"|(?<![\w-])(?P<w>[а-яәғқңөұүһі]{{3,}}{_H}+көшесі{_H}+{_KK_NUMBER}"
            rf"(?:,?{_H}+(?:пәтер|үй){_H}+{_KK_NUMBER})?(?:,?{_H}+{_KK_NUMBER}{_H}+қабат)?)(?![\w-])"
        ),
        "ADDRESS",
        "v",
        _CYRILLIC,
    ),
    # en: a US address typed in lower case "2150 grand concourse apt 5F"; a New Zealand street
    # with macrons "27 Kōtare Place"; a class by its room "Room 5-112" after a grade
    (
        re.compile(
            rf"(?<![\w-])(?P<v>\d{{2,5}}{_H}+(?:(?!(?:minutes?|mins?|hours?|days?|weeks?|years?|times?|on|in|at"
            rf"|the|of|and|to|from|down|up|my|our|your|a)\b)[a-z]+{_H}+){{1,3}}(?:avenue|ave|street|st|road|rd"
            rf"|concourse|blvd|boulevard|drive|lane|ln)(?:{_H}+apt\.?{_H}*[0-9]{{1,4}}[A-Za-z]?)?)(?![\w-])"
        ),
        "ADDRESS",
        "v",
        _DIGIT,
    ),
    (
        re.compile(
            rf"(?<![\w-])(?P<v>\d{{1,4}}[A-Za-z]?{_H}+[A-ZĀĒĪŌŪ][a-zāēīōū]+(?:{_H}+[A-ZĀĒĪŌŪ][a-zāēīōū]+)?{_H}+"
            rf"(?:Place|Street|Road|Avenue|Drive|Crescent|Close|Way|Terrace|Lane|Court|Grove))(?![\w-])"
        ),
        "ADDRESS",
        "v",
        _needs("[āēīōūĀĒĪŌŪ]"),
    ),
    (
        re.compile(rf"(?i:grade){_H}\((?P<v>(?i:room|rm){_H}?\d{{1,2}}-\d{{2,3}})\)"),
        "CLASS",
        "v",
        _needs("(?i)grade"),
    ),
    # en: a listening or crisis line by its name "Claremont Listening Line"
    (
        re.compile(
            rf"(?<![\w-])(?!(?:The|A|National|Our|This|Your|Free|Text|Call|Phone)\b)"
            rf"(?P<v>[A-Z][a-z]+(?:{_H}[A-Z][a-z]+){{0,2}}{_H}(?:Listening|Crisis|Help|Support|Night)"
            rf"{_H}?[Ll]ine)(?![\w-])"
        ),
        "ORG",
        "v",
        _needs("[Ll]ine"),
    ),
    # handles: a group's chat in quotes before its messenger ("«Рядом — Омск, четверг» в
    # Telegram"), a Telegram export's header ("Чат: Родители 6В — школа 58 (участников: 27)"), a
    # WeChat ID with Chinese characters ("她的微信：平安是福_lp0815")
    (
        re.compile(
            rf"[«\"“](?P<v>[^»\"”\n]{{2,40}})[»\"”]{_H}+в{_H}+(?i:telegram|whatsapp|viber|телеграм\w*|вотсап\w*)"
            rf"|(?m:^)(?:\*\*)?(?:Чат|Chat){_H}*:(?:\*\*)?{_H}*(?P<w>[^\n(]{{2,50}}?){_H}*\((?:участников|members|účastníků)"
        ),
        "HANDLE",
        "v",
        _needs("(?i)telegram|whatsapp|viber|телеграм|вотсап|участников|members|účastníků"),
    ),
    (
        re.compile(
            r"微信(?:号|名)?[：:][^\S\n]*(?P<v>(?=[^\s，。；、]*[_\d])[\u4e00-\u9fff\w-]{3,30})"
        ),
        "HANDLE",
        "v",
        _needs("微信"),
    ),
    # zh: a volunteer team or a police unit by name ("粉红丝带咸宁志愿服务队", "闵行分局网安支队"); a
    # named home in quotes ("“春蕾留守儿童之家”"); a kindergarten class (大班) where a kindergarten
    # is named; a Hong Kong school by its 书院 and its year ("读沙田培基书院中三")
    (
        re.compile(
            r"(?P<v>(?<![的在到和与])[\u4e00-\u9fff]{4,12}志愿服务队|(?![请由向到在找让被把将])[\u4e00-\u9fff]{2,4}分局[\u4e00-\u9fff]{0,4}(?:支队|大队))"
            r"|[“\"「](?P<w>[\u4e00-\u9fff]{5,16}之家)[”\"」]"
        ),
        "ORG",
        "v",
        _HAN,
    ),
    (
        re.compile(r"(?<=[（(\s，、])(?P<v>[大中小]班)(?=[，,、）)\s]|$)"),
        "CLASS",
        "v",
        _needs("幼儿园"),
    ),
    (_HK_COLLEGE, "SCHOOL", "v", _needs("[书書]院")),
    # zh: a taunt built on a pupil's surname: 起外号"付傻子" marks 付 (a nickname built on no
    # name, 外号"眼镜蛇", stays: _OWN_CHECK keeps only a surname)
    (_ZH_TAUNT, "PERSON", "v", _needs("外号|绰号|綽號")),
    # a name in its own script, which no layer reads, in brackets or after a comma beside its
    # Latin or Chinese form: "崔顺子（최순자）", "（朝鲜文名박성호）", "Hamid Rahimi (حامد رحیمی)",
    # "Rokeya Khatun, রোকেয়া খাতুন on her passport"
    (
        re.compile(
            rf"(?:[（(]|[,，]{_H}*)(?:[\u4e00-\u9fff]{{1,5}}名{_H}?)?"
            rf"(?P<v>[{_OTHER_SCRIPTS}]+(?:[ \u200c][{_OTHER_SCRIPTS}]+){{0,3}})"
            rf"(?=[）),，]|{_H}+(?:on|in|as)\b)"
        ),
        "PERSON",
        "v",
        re.compile(f"[{_OTHER_SCRIPTS}]"),
    ),
]


def find(text: str) -> Iterator[Span]:
    """The values the cues above give away (a pattern's second group, where it has one, of
    its own kind: a pupil's year, then their school)."""
    present: dict[re.Pattern[str], bool] = {}
    for pattern, kind, first, needs in _PATTERNS:
        if needs is not None:
            if needs not in present:
                present[needs] = needs.search(text) is not None
            if not present[needs]:
                continue
        check = _OWN_CHECK.get(pattern)
        for m in pattern.finditer(text):
            if check is not None and not check(m.group(first)):
                continue
            for group in (first, "w", "x"):
                if group in pattern.groupindex and m.group(group):
                    own = _SECOND_KIND.get(pattern, kind) if group == "w" else kind
                    yield Span(m.start(group), m.end(group), own, "cue")


_STATE_LIST = re.compile(rf"(?<![\w-])(?:{_US_STATE})(?:,{_H}*(?:{_US_STATE})){{2,}}(?![\w-])")


def states(text: str) -> Iterator[Span]:
    """US states listed together by their codes: "(NY, NJ, IL, MA)"."""
    for m in _STATE_LIST.finditer(text):
        for code in re.finditer(r"[A-Z]{2}", m.group()):
            yield Span(m.start() + code.start(), m.start() + code.end(), "PLACE", "cue")


# The kind of a pattern's second group where it differs from its first's
_SECOND_KIND = {_YEAR_AT_SCHOOL: "SCHOOL", _HOUSE_OF_ART: "ADDRESS", _HK_COLLEGE: "CLASS"}


@functools.cache
def _zh_surnames() -> frozenset[str]:
    return frozenset(w for w in wordlists.data_words("surnames_zh.txt") if len(w) == 1)


# What a pattern's value must also be, beyond its shape: a Chinese taunt's first character a
# surname
_OWN_CHECK = {_ZH_TAUNT: lambda v: v in _zh_surnames()}


# A scanned form's letterhead, letter-spaced: "P E D A G O G I C K O - P S Y C H O L O G I C K Á
# P O R A D N A   T Á B O R", "S A N D A L W O O D   F A M I L Y   C O U N S E L L I N G": a
# line of single capitals, its words two spaces or more apart, that names a kind of body
# (a line whose every character stands alone, a space apart, or joined to the next by a hyphen:
# letters, digits, quotes, "№", "&" and commas; read in one pass, with no backtracking)
_SPACED_LINE = re.compile(r"(?m)^[^\S\n]*(?P<v>\S(?:-[^\s-])*(?:[^\S\n]+\S(?:-[^\s-])*)+)[^\S\n]*$")
_SPACED_RUN = re.compile(r"[^\W_](?: [^\W_]){2,}")
_BODY_KINDS = re.compile(
    r"PORADN|CENTRUM|CENTRE|CENTER|COUNSEL|SERVIC|SCHOOL|ŠKOL|NEMOCNIC|HOSPITAL|CLINIC|KLINIK"
    r"|MAGISTR|ÚŘAD|AGENCY|ASSOCIATION|TRUST|FOUNDATION|NADAC|ЦЕНТР|ШКОЛ|МЕКТЕ[ПБ]|БОЛЬНИЦ|ПОЛИКЛИНИК"
    r"|ДИСПАНСЕР|ОРТАЛЫ|СЛУЖБ|ФОНД|ГИМНАЗИ|ЛИЦЕ|YOUTH[^\S\n]+TEAM|FAMILY[^\S\n]+TEAM"
    # a public body's office: "… ӘКІМДІГІНІҢ / … БІЛІМ БӨЛІМІ", "ОТДЕЛ ОБРАЗОВАНИЯ", "ODBOR ŠKOLSTVÍ"
    r"|ӘКІМДІ[ГК]|БӨЛІМ|БАСҚАРМА|ОТДЕЛ|УПРАВЛЕНИ|АДМИНИСТРАЦИ|МИНИСТЕРСТВ|МИНИСТРЛІГ|DEPARTMENT"
    r"|COUNCIL|AUTHORITY|ODBOR|MINISTERSTV"
)
_SCHOOL_KINDS = re.compile(r"SCHOOL|ŠKOL|ШКОЛ|МЕКТЕ[ПБ]|ГИМНАЗИ|ЛИЦЕ")
# A Russian school's legal form printed in plain capitals on the line above its spaced name
_LEGAL_ABOVE = re.compile(
    r"(?m)^[^\S\n]*((?:МУНИЦИПАЛЬН|ГОСУДАРСТВЕНН|КОММУНАЛЬН|ОБЛАСТН|КРАЕВ)[А-ЯЁ]*"
    r"(?:[^\S\n]{1,3}[А-ЯЁ]{3,}){1,5})[^\S\n]*\n\Z"
)


def letterheads(text: str) -> Iterator[Span]:
    """A letter-spaced line of capitals that names a body (not a form's title: "R E F E R R A L
    F O R M" names none), with the spaced line under it that goes on with the name, and a
    Russian school's legal form printed above it."""
    if "  " not in text:
        return
    lines = [m for m in _SPACED_LINE.finditer(text) if len(_SPACED_RUN.findall(m.group("v"))) >= 2]
    for i, m in enumerate(lines):
        start, end = m.start("v"), m.end("v")
        if i and lines[i - 1].end() + 1 == m.start():
            continue  # the second line of a name begun on the line above
        if i + 1 < len(lines) and m.end() + 1 == lines[i + 1].start():
            end = lines[i + 1].end("v")  # "… Б І Л І М" / "Б Е Р Е Т І Н   М Е К Т Е Б І »"
        line = text[start:end]
        collapsed = re.sub(r"(?<=\S) (?=\S)", "", line).upper()
        if not _BODY_KINDS.search(collapsed):
            continue
        if not line.isupper() and not _SCHOOL_KINDS.search(collapsed):
            continue  # a heading in spaced small letters names a body only as a school
        legal = _LEGAL_ABOVE.search(text, max(0, start - 120), start)
        if legal:
            start = legal.start(1)
        kind = "SCHOOL" if _SCHOOL_KINDS.search(collapsed) else "ORG"
        yield Span(start, end, kind, "cue")
