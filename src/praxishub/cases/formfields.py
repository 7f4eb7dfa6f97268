"""Names in the name fields of a form: "Příjmení: BATBAYAR", "Family name TRAN", "Имя: Вика";
and towns in its town fields: "City: Winnipeg   Prov: MB", "Obec: P1zeň 1", "Город: Сызрань".

Rule: after a label for a person's name (surname, given name, patronymic, full name; in
Czech, English, Russian, Kazakh and Chinese) and a colon, the value up to the field's end is
a PERSON: one to four name words (initials too), in any case, ended by a column gap (two
spaces or a tab), a comma, a semicolon, a bracket, the next label or the line's end. Intake
forms, support cards and OCR'd applications write surnames in capitals, which the name
layers read as acronyms. The specific labels (surname, family name, given name, příjmení,
фамилия …) need no colon when the value is capitalised and ends at a column gap or the line's
end ("Family name TRAN    Given name Minh Khoa").

A parent's or guardian's field ("Matka:", "Otec:", "Father:", "Отец:", "Zákonný zástupce 2:")
holds a name when its value is two to four capitalised words; a scanned form's name in mixed
case with its words two spaces apart ("Šimon  Pek") is read whole up to a wider gap.

Limits: a placeholder value ("n/a", "neuvedeno", "не указано") is skipped; a value on the
next line is not read; a label for a school's or body's name ("Name of school:") is not one
of these labels.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
# Labels that name nothing but a person's name part.
_SPECIFIC = (
    r"příjmení|prijmeni|rodné{_H}příjmení|jméno{_H}a{_H}příjmení|křestní{_H}jméno"
    r"|surname|family{_H}name|last{_H}name|first{_H}name|given{_H}names?|given{_H}name\(s\)|forenames?|forename\(s\)|middle{_H}names?"
    r"|full{_H}name|preferred{_H}name|chinese{_H}name|name{_H}in{_H}(?:chinese|cyrillic|pinyin|kazakh|russian)"
    r"|фамилия|отчество|ф\.?{_H}?и\.?{_H}?о\.?|тегі|әкесінің{_H}аты|аты-жөні|т\.{_H}?а\.{_H}?ә\."
    # a Canadian form's French labels beside the English ones: "Given name(s) / Prénom(s):"
    r"|prénoms?|prénom\(s\)|nom{_H}de{_H}famille"
).replace("{_H}", _H)
# Labels that also open other fields ("Name of school"), so they need a colon.
_GENERAL = r"jméno|jmeno|name|имя|аты|nom"
_WORD = r"(?:[^\W\d_][\w'’]*(?:-[^\W\d_][\w'’]*)*\.?)"
# (a scanned form's name in capitals, its words set apart by two spaces, filling the line:
# "Jméno a příjmení dítěte:  NGUYEN  MINH  KHANG")
_CAPS = r"[^\W\d_a-zà-žа-яёәғқңөұүһі]"
# (a capital of any Latin or Cyrillic alphabet the programmes meet: Š, Ł and Ő too)
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽА-ЯЁӘҒҚҢӨҰҮҺІ"
_CAP_WORD = rf"[{_UPPER}][^\W\d_]*(?:-[{_UPPER}][^\W\d_]*)?"
_VALUE = (
    rf"(?:(?P<v>{_CAPS}+(?:-{_CAPS}+)?(?:{_H}{{1,2}}{_CAPS}+(?:-{_CAPS}+)?){{1,3}})(?={_H}*$)"
    # a scanned form's name in mixed case, its words two spaces apart, then a wider gap:
    # "Jméno a příjmení dítěte:   Šimon  Pek          Datum narození: …"
    rf"|(?P<v3>{_CAP_WORD}(?:{_H}{{1,2}}{_CAP_WORD}){{1,3}})(?={_H}{{3,}}|\t|{_H}*$)"
    rf"|(?P<v2>{_WORD}(?:{_H}{_WORD}){{0,3}}))"
)
_END = r"(?=[^\S\n]{2,}|\t|[^\S\n]?[,;()]|[^\S\n]*$)"
_LEAD = r"(?:^|(?<=[\s–—(-])|(?<=^\*\*))"
_COLON = re.compile(
    rf"{_LEAD}(?i:{_SPECIFIC}|{_GENERAL})(?:{_H}*/{_H}*(?i:{_SPECIFIC}|{_GENERAL}))?(?:{_H}+\w+)?"
    rf"{_H}*[:：]{_H}*{_VALUE}{_END}",
    re.MULTILINE,
)
_BARE = re.compile(
    rf"{_LEAD}(?i:{_SPECIFIC}){_H}+(?P<v>[^\W\d_][\w'’-]*(?:{_H}[^\W\d_][\w'’-]*){{0,3}})"
    rf"(?=[^\S\n]{{2,}}|\t|[^\S\n]*$)",
    re.MULTILINE,
)
# A parent's or guardian's field on a form: two to four capitalised name words, one or two
# spaces apart ("Matka: Koubková  Veronika    nar. …", "Otec:    Bihári  Josef", "Mother: Jane
# Doe, 07…"); a value in lower case ("Otec: neuveden") is no name
_PARENT = re.compile(
    rf"{_LEAD}(?i:otec|matka|father|mother|guardian|отец|мать|опекун|zákonný{_H}zástupce(?:{_H}\d)?)"
    rf"{_H}*[:：]{_H}*(?P<v>{_CAP_WORD}(?:{_H}{{1,2}}{_CAP_WORD}){{1,3}})"
    rf"(?={_H}{{3,}}|\t|{_H}*[,;(]|{_H}*$)",
    re.MULTILINE,
)
_HAN_FIELD = re.compile(
    r"(?:姓名|学生姓名|家长姓名|监护人姓名)[:：]\s*(?P<v>[\u4e00-\u9fff·]{2,6})"
    # a staff field of a form, its value standing alone: "接待咨询师：旦正才让　　证书编号"
    # and a parent's or a signature's field, its label spaced out as forms print it ("父 亲：")
    r"|(?:咨询师|咨询员|接线员|填表人|记录人|联系人|督导|社工|班主任|经办人|父[ \u3000]*亲|母[ \u3000]*亲"
    r"|监护人|[\u4e00-\u9fff]{0,4}签[ \u3000]*字)[:：][^\S\n]*"
    # (not a chat's greeting after a speaker's label: "咨询员：你好，这里是…")
    r"(?!你好|您好|好的|谢谢|是的|对的|收到|在吗|在的|晚上好|早上好|下午好)"
    r"(?P<w>[\u4e00-\u9fff·]{2,5})(?=[\u3000\t]|[^\S\n]{2,}|[^\S\n]*$|[（(，,；;])"
    # or initials in Latin letters: "记录人：LCY，3月17日"
    r"|(?:记录人|填表人|接线员|咨询员|督导|经办人)[:：][^\S\n]*(?P<i>[A-Z]{2,4})(?=[，,；;。（(]|[^\S\n]|$)",
    re.MULTILINE,
)
# A staff field's value that is a title, not a name: "记录人：李老师" (the surname is found alone)
_HAN_TITLED = re.compile(
    r"(?:老师|医生|主任|阿姨|校长|警官|同学)$|^(?:父亲|母亲|爸爸|妈妈|爷爷|奶奶|外公|外婆|本人|家长|监护人)"
)
# Values that hold no name, and words of a label met inside a value
_PLACEHOLDERS = frozenset(
    [
        *("n/a", "na", "none", "unknown", "unk", "tbc", "not known", "not given"),
        *("neuvedeno", "nezjištěno", "neznámé", "neznámý"),
        *("нет", "не указано", "неизвестно", "не известно", "жоқ", "белгісіз"),
    ]
)
_LABEL_WORDS = re.compile(
    rf"(?i)(?:^|{_H})(?:{_SPECIFIC}|{_GENERAL}|tel|telefon|dob|date|datum|nar|born|age|věk"
    r"|e-mail|email|phone|адрес|тел|дата|school|škola|школа|třída|class|класс)\b.*$"
)
_TITLES = re.compile(
    r"(?i)^(?:(?:mgr|bc|ing|mudr|phdr|paeddr|dr|mr|mrs|ms|miss|mx)\.?{_H}+)+".replace("{_H}", _H)
)


# A form's field for a town or its region: "City: Winnipeg   Prov: MB", "Obec: Plzeň 1".
_PLACE_FIELD = re.compile(
    rf"{_LEAD}(?i:city|town|suburb|county|prov\.?|province|obec|město|okres|город|"
    rf"населённый{_H}пункт|населенный{_H}пункт|қала|ауыл|елді{_H}мекен)"
    # a web chat's town by the visitor's IP: "město podle IP: Poděbrady", "city (by IP): Leeds"
    rf"(?:{_H}*\(?(?i:podle|by|from|по){_H}+IP\)?)?"
    rf"{_H}*[:：](?:\*\*)?{_H}*(?P<v>[A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ][\w'’.-]*(?:{_H}[\w'’.-]+){{0,2}}){_END}",
    re.MULTILINE,
)


def find(text: str) -> Iterator[Span]:
    """The PERSON values of the name fields in text, and the PLACE values of its town fields."""
    if ":" not in text and "：" not in text and not re.search(r"(?i)name|příjmení|фамилия", text):
        return
    for m in _PLACE_FIELD.finditer(text):
        if m.group("v").casefold() not in _PLACEHOLDERS:
            yield Span(m.start("v"), m.end("v"), "PLACE", "formfield")
    for pattern in (_COLON, _BARE, _PARENT):
        for m in pattern.finditer(text):
            group = next(g for g in ("v", "v3", "v2") if m.groupdict().get(g))
            if pattern is _BARE and not m.group(group)[:1].isupper():
                continue
            yield from _value(m.group(group), m.start(group))
    for m in _HAN_FIELD.finditer(text):
        group = next(g for g in ("v", "w", "i") if m.group(g))
        if group == "w" and _HAN_TITLED.search(m.group("w")):
            continue
        yield Span(m.start(group), m.end(group), "PERSON", "formfield")
    for m in _SENDER.finditer(text):
        if m.group("v").casefold() not in _PLACEHOLDERS:
            yield Span(m.start("v"), m.end("v"), "HANDLE", "formfield")


# The sender of a transcribed voice message or an exported chat, as the export names them:
# "Отправитель: Галина Стефановна (бабушка Матвея)", "Odesílatel: Mamka Terka"
_SENDER = re.compile(
    rf"(?im)^[^\S\n]*(?:\*\*)?(?:отправитель|odesílatel|sender|жіберуші|发送人|发信人)(?:\*\*)?"
    rf"{_H}*[:：]{_H}*(?:\*\*)?{_H}*(?P<v>[^\s*][^\n]{{1,58}}?)(?:\*\*)?{_H}*$"
)


def _value(value: str, start: int) -> Iterator[Span]:
    """The name in a field's value: titles and a following label cut off, placeholders skipped."""
    cut = _LABEL_WORDS.search(value)
    if cut:
        value = value[: cut.start()]
    title = _TITLES.match(value)
    offset = title.end() if title else 0
    name = value[offset:].rstrip(" .")
    if len(name) < 2 or name.casefold() in _PLACEHOLDERS:
        return
    yield Span(start + offset, start + offset + len(name), "PERSON", "formfield")
