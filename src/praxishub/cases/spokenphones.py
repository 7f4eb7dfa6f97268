"""Layer 1, continued: phone numbers said in words, as voice-message transcripts write them.

Rule: a run of number words (and digit groups) in any of the five languages (and Slovak,
which Slovak-speaking families use in Czech notes), read as the
digits a speaker means ("oh seven nine one one, two three four" 07911234; "восемь девятьсот
шесть шестьсот два тридцать семь восемнадцать" 89066023718; "double oh" 00; "一五九 七零二六
三四八八"), is a phone number when ``phonenumbers`` validates those digits strictly for a
country of the note's language (or any of the programme's countries), like a phone written in
digits. Words that say a group ("тридцать семь", "dvacet pět", "twenty one") are read as that
group's digits; a hundred with its rest ("девятьсот шесть") as three digits.

Limits: a number said with words between its groups other than "and"/"и" ("…, then …") is
read as two runs, each too short to be a phone; a number a transcript garbled into a wrong
digit count fails validation and stays.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_UNITS = {
    **dict.fromkeys(["zero", "oh", "nought", "ноль", "нуль", "nula", "нөл", "нөль"], 0),
    **dict.fromkeys(["one", "один", "одна", "jedna", "jeden", "бір"], 1),
    **dict.fromkeys(["two", "два", "две", "dva", "dvě", "екі"], 2),
    **dict.fromkeys(["three", "три", "tři", "tri", "үш"], 3),
    **dict.fromkeys(["four", "четыре", "čtyři", "štyri", "štyři", "štyry", "төрт"], 4),
    **dict.fromkeys(["five", "пять", "pět", "päť", "бес"], 5),
    **dict.fromkeys(["six", "шесть", "šest", "šesť", "алты"], 6),
    **dict.fromkeys(["seven", "семь", "sedm", "sedum", "sedem", "жеті"], 7),
    **dict.fromkeys(["eight", "восемь", "osm", "osum", "osem", "сегіз"], 8),
    **dict.fromkeys(["nine", "девять", "devět", "deväť", "тоғыз"], 9),
}
_TEENS = {
    **dict.fromkeys(["ten", "десять", "deset", "desať"], 10),
    **dict.fromkeys(["eleven", "одиннадцать", "jedenáct", "jedenásť"], 11),
    **dict.fromkeys(["twelve", "двенадцать", "dvanáct", "dvanásť"], 12),
    **dict.fromkeys(["thirteen", "тринадцать", "třináct", "trinásť"], 13),
    **dict.fromkeys(["fourteen", "четырнадцать", "čtrnáct", "štrnáct", "štrnásť"], 14),
    **dict.fromkeys(["fifteen", "пятнадцать", "patnáct", "pätnásť"], 15),
    **dict.fromkeys(["sixteen", "шестнадцать", "šestnáct", "šestnásť"], 16),
    **dict.fromkeys(["seventeen", "семнадцать", "sedmnáct", "sedumnáct", "sedemnásť"], 17),
    **dict.fromkeys(["eighteen", "восемнадцать", "osmnáct", "osumnáct", "osemnásť"], 18),
    **dict.fromkeys(["nineteen", "девятнадцать", "devatenáct", "devätnásť"], 19),
}
_TENS = {
    # Kazakh counts the teens as ten and a unit: "он бір" 11
    "он": 10,
    **dict.fromkeys(["twenty", "двадцать", "dvacet", "dvadsať", "жиырма"], 20),
    **dict.fromkeys(["thirty", "тридцать", "třicet", "tridsať", "отыз"], 30),
    **dict.fromkeys(
        ["forty", "сорок", "čtyřicet", "štyřicet", "štyrycet", "štyridsať", "қырық"], 40
    ),
    **dict.fromkeys(["fifty", "пятьдесят", "padesát", "päťdesiat", "елу"], 50),
    **dict.fromkeys(["sixty", "шестьдесят", "šedesát", "šesťdesiat", "алпыс"], 60),
    **dict.fromkeys(
        ["seventy", "семьдесят", "sedmdesát", "sedumdesát", "sedemdesiat", "жетпіс"], 70
    ),
    **dict.fromkeys(["eighty", "восемьдесят", "osmdesát", "osumdesát", "osemdesiat", "сексен"], 80),
    **dict.fromkeys(["ninety", "девяносто", "devadesát", "deväťdesiat", "тоқсан"], 90),
}
_HUNDREDS = {
    "сто": 100,
    "двести": 200,
    "триста": 300,
    "четыреста": 400,
    "пятьсот": 500,
    "шестьсот": 600,
    "семьсот": 700,
    "восемьсот": 800,
    "девятьсот": 900,
    "sto": 100,
    "жүз": 100,
}
# A word that multiplies the unit before it by a hundred: "šest set", "two hundred", "екі жүз"
_TIMES_HUNDRED = {"set", "sta", "stě", "hundred", "жүз"}
_UNIT_HUNDREDS = {"set", "sta", "stě"}
_REPEAT = {"double": 2, "triple": 3}
_PLUS = {"plus", "плюс"}
_HAN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "幺": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_WORDS = sorted(
    {*_UNITS, *_TEENS, *_TENS, *_HUNDREDS, *_TIMES_HUNDRED, *_REPEAT, *_PLUS, "and", "и"},
    key=len,
    reverse=True,
)
_TOKEN = rf"(?:{'|'.join(map(re.escape, _WORDS))}|\d{{1,4}})"
_TOKENS = re.compile(rf"(?i:{_TOKEN})(?![^\W\d_])")
_HAN_RUN = re.compile(
    r"[零〇一幺二两三四五六七八九](?:(?:[ \u3000-]|，)?[零〇一幺二两三四五六七八九]){6,13}"
)
_REGIONS = {
    "ru": ("RU", "KZ"),
    "kk": ("KZ", "RU"),
    "cs": ("CZ", "SK"),
    "zh": ("CN",),
    "en": ("GB", "US", "CA", "AU", "NZ", "IE"),
}
_ALL_REGIONS = ("RU", "KZ", "CZ", "SK", "UA", "CN", "GB", "US", "CA", "AU", "NZ", "IE")


_WORD_SET = frozenset(_WORDS)
_ANY_WORD = re.compile(r"[^\W_]+")
_SEPARATOR = re.compile(r"[^\S\n]*[,.–—-]?[^\S\n]*")


def find(text: str, language: str) -> Iterator[Span]:
    """Phone numbers said in words (see the module's rule)."""
    for start, end in _runs(text):
        groups = _groups(text, start, end)
        yield from _phones_or_ids(text, groups, language)
    if language == "zh" or re.search(r"[\u4e00-\u9fff]", text):
        for m in _HAN_RUN.finditer(text):
            groups = [
                (c.start(), c.end(), str(_HAN_DIGITS[c.group()]))
                for c in re.finditer(r"[零〇一幺二两三四五六七八九]", m.group())
            ]
            groups = [(m.start() + a, m.start() + b, d) for a, b, d in groups]
            yield from _phones_or_ids(text, groups, "zh")


def _phones_or_ids(text: str, groups: list[tuple[int, int, str]], language: str) -> Iterator[Span]:
    """A run's phones; a number read out digit by digit that is longer than a phone (twelve
    digits or more with no plus before them), or nine or more where no phone is, is an ID (an
    IIN, a card's number: "бір нөл нөл сегіз бір бір бес нөл үш жеті екі нөл",
    "三二零五八七四一六九零二B", with a letter at its end as the card has it)."""
    phones = list(_phones(groups, language))
    ids: list[Span] = []
    run: list[tuple[int, int, str]] = []
    for i, group in enumerate([*groups, (0, 0, "")]):
        if len(group[2]) == 1 and group[2].isdigit():
            run.append(group)
            continue
        after_plus = run and i - len(run) > 0 and groups[i - len(run) - 1][2] == "+"
        if (len(run) >= 12 and not after_plus) or (len(run) >= 9 and not phones):
            end = run[-1][1]
            if re.match(r"[A-Z](?![^\W\d_])", text[end : end + 2]):
                end += 1
            ids.append(Span(run[0][0], end, "ID", "spoken-id"))
        run = []
    yield from ids
    yield from (p for p in phones if not any(p.start < s.end and s.start < p.end for s in ids))


def _runs(text: str) -> Iterator[tuple[int, int]]:
    """Stretches of six or more number words and digit groups with only separators between
    (read word by word: one set lookup a word, not a pattern of every word at every place)."""
    start = end = -1
    count = 0
    for m in _ANY_WORD.finditer(text):
        word = m.group()
        number = (word.isdigit() and len(word) <= 4) or word.casefold() in _WORD_SET
        if number and count and _SEPARATOR.fullmatch(text, end, m.start()):
            end, count = m.end(), count + 1
            continue
        if count >= 6:
            yield start, end
        start, end, count = (m.start(), m.end(), 1) if number else (-1, -1, 0)
    if count >= 6:
        yield start, end


def _groups(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """The run's words read as digit groups: (start, end, digits) for each group."""
    tokens = [
        (t.start(), t.end(), t.group().casefold()) for t in _TOKENS.finditer(text, start, end)
    ]
    groups: list[tuple[int, int, str]] = []
    written: set[int] = set()
    i = 0
    while i < len(tokens):
        a, b, word = tokens[i]
        if word in ("and", "и"):
            i += 1
            continue
        if word.isdigit():
            groups.append((a, b, word))
            written.add(a)
            i += 1
            continue
        if word in _PLUS:
            groups.append((a, b, "+"))
            i += 1
            continue
        if word in _REPEAT and i + 1 < len(tokens) and tokens[i + 1][2] in _UNITS:
            digit = str(_UNITS[tokens[i + 1][2]])
            groups.append((a, tokens[i + 1][1], digit * _REPEAT[word]))
            i += 2
            continue
        hundreds = None
        if word in _HUNDREDS:
            hundreds, i = _HUNDREDS[word], i + 1
        elif word in _UNITS and i + 1 < len(tokens) and tokens[i + 1][2] in _TIMES_HUNDRED:
            hundreds, i = _UNITS[word] * 100, i + 2
        if hundreds is not None:
            rest, i = _below_hundred(tokens, i)
            end_at = tokens[i - 1][1]
            groups.append((a, end_at, str(hundreds + (rest or 0))))
            continue
        value, j = _below_hundred(tokens, i)
        if value is None:
            i += 1  # a word that is no digit here ("set" alone): the run breaks
            groups.append((a, b, ""))
            continue
        width = 1 if tokens[i][2] in _UNITS else 2
        groups.append((a, tokens[j - 1][1], str(value).zfill(width)))
        i = j
    # a run written in digits is the written phone layers' (and may be a table of scores)
    return groups if len(written) * 2 < len(groups) else []


def _below_hundred(tokens: list[tuple[int, int, str]], i: int) -> tuple[int | None, int]:
    """A number under a hundred said from token i: a ten and a unit, a teen, or a unit."""
    if i >= len(tokens):
        return None, i
    word = tokens[i][2]
    if word in _TENS:
        # "dvacet sedm set …": the unit opens the next group's hundreds, not this group (Czech
        # and Slovak "set", "sta", "stě" never stand without a unit; Kazakh "жүз" does)
        hundred_next = i + 2 < len(tokens) and tokens[i + 2][2] in _UNIT_HUNDREDS
        if (
            i + 1 < len(tokens)
            and tokens[i + 1][2] in _UNITS
            and _UNITS[tokens[i + 1][2]]
            and not hundred_next
        ):
            return _TENS[word] + _UNITS[tokens[i + 1][2]], i + 2
        return _TENS[word], i + 1
    if word in _TEENS:
        return _TEENS[word], i + 1
    if word in _UNITS:
        return _UNITS[word], i + 1
    return None, i


def _phones(groups: list[tuple[int, int, str]], language: str) -> Iterator[Span]:
    """The longest windows of consecutive groups whose digits make a valid phone number."""
    i = 0
    while i < len(groups):
        best = None
        digits = ""
        for j in range(i, len(groups)):
            if not groups[j][2] or (groups[j][2] == "+" and j > i):
                break
            digits += groups[j][2]
            if len(digits.lstrip("+")) > 13:
                break
            if len(digits.lstrip("+")) >= 7 and _valid(digits, language):
                best = j
        if best is None:
            i += 1
            continue
        yield Span(groups[i][0], groups[best][1], "PHONE", "spoken-phone")
        i = best + 1


@functools.lru_cache(maxsize=4096)
def _valid(digits: str, language: str) -> bool:
    import phonenumbers

    regions = (None,) if digits.startswith("+") else (*_REGIONS.get(language, ()), *_ALL_REGIONS)
    for region in dict.fromkeys(regions):
        try:
            number = phonenumbers.parse(digits, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
    return False
