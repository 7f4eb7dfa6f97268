"""Layer 1: structured identifiers, found by pattern and validated by library.

Rule: a number is an identifier when a library says it is valid (phonenumbers,
python-stdnum) or when its context says so ("паспорт", "карта №"); every other
long run of digits is left to the review as a suspicious leftover, not guessed.
Offsets always refer to the text as given: look-alike characters are normalised
in a copy of the same length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import phonenumbers
from stdnum.cn import ric
from stdnum.cz import rc
from stdnum.gb import nhs, upn
from stdnum.ru import inn
from stdnum.us import ssn

from praxishub.cases import ages as ages_mod
from praxishub.cases import gates, places, traditional
from praxishub.cases.online import web
from praxishub.cases.spans import Span

# phonenumbers compiles its metadata's patterns through the re module's cache, which holds 512;
# the engine's own patterns crowd them out, so each note recompiled a few hundred. Keep them.
if hasattr(phonenumbers, "enable_pattern_cache"):
    phonenumbers.enable_pattern_cache()

# Dashes and spaces that people type between digits: mapped one-to-one so offsets hold.
_LOOKALIKES = str.maketrans(
    {
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\uff08": "(",
        "\uff09": ")",
        "\uff0b": "+",
    }
)

REGIONS = {
    "ru": ("RU", "KZ"),
    "kk": ("KZ", "RU"),
    "zh": ("CN",),
    "cs": ("CZ", "SK"),
    "en": ("GB", "US"),
}
ALL_REGIONS = ("RU", "KZ", "CN", "CZ", "GB", "US")


def normalise(text: str) -> str:
    """The text with dashes, spaces and full-width brackets made plain, same length."""
    return text.translate(_LOOKALIKES)


# Seven digits or more, with the separators phone numbers are written with.
_PHONE_LIKE = re.compile(r"\+?\(?\d[\d \-.()]{5,}\d")


# National helplines' numbers, which identify nobody (their long and short forms): the Russian
# children's helpline, Childline, the harmonised European 116 numbers.
_HELPLINES = frozenset({"88002000122", "08001111", "116111", "116123", "116000"})


def phones(text: str, language: str) -> Iterator[Span]:
    """Phone numbers, but national helplines' (``_HELPLINES``)."""
    for span in _phones(text, language):
        digits = re.sub(r"\D", "", text[span.start : span.end])
        if digits not in _HELPLINES:
            yield span


def _phones(text: str, language: str) -> Iterator[Span]:
    """Phone numbers valid for the language's countries (any country's, if written with +).

    phonenumbers' matcher is slow on long text, so it runs only on the lines that hold
    a run of seven digits or more.
    """
    plain = normalise(text)
    regions = REGIONS.get(language, ALL_REGIONS)
    if language == "zh" and traditional.simplified(text) is not None:
        regions = ("CN", "HK", "MO", "TW")  # Hong Kong's 2797 1538 (see traditional.py)
    start = 0
    for line in plain.splitlines(keepends=True):
        runs = [m for m in _PHONE_LIKE.finditer(line) if sum(ch.isdigit() for ch in m.group()) >= 7]
        found: list[tuple[int, int]] = []
        for region in regions if runs else ():
            for match in phonenumbers.PhoneNumberMatcher(
                line, region, leniency=phonenumbers.Leniency.VALID
            ):
                found.append((match.start, match.end))
                yield Span(start + match.start, start + match.end, "PHONE", "phonenumbers")
        # "(8 (708) 004 71 39)", "（18907186452）": a number in brackets, which the matcher
        # rejects for the unbalanced bracket it takes in
        for m in runs:
            if any(a < m.end() and m.start() < b for a, b in found):
                continue
            if m.group().startswith("("):
                inner = _bracketed(m.group())
                if any(_valid_phone(inner, region) for region in regions):
                    found.append((m.start() + 1, m.start() + 1 + len(inner)))
                    yield Span(
                        start + m.start() + 1,
                        start + m.start() + 1 + len(inner),
                        "PHONE",
                        "phonenumbers",
                    )
                    continue
            # "+7 918 552-30-47  19:40", "+7 700 418 26 93) 15 минут": a number the matcher
            # rejects for what the run took in after it; its longest valid head
            head = _valid_head(m.group(), regions)
            if head:
                yield Span(start + m.start(), start + m.start() + head, "PHONE", "phonenumbers")
                continue
            # "2508704946   07791 236 408": a table's columns, an ID then a number, taken in as
            # one run; the columns after a gap of two spaces or more, each on its own (written
            # as numbers are: with a trunk prefix, or in groups)
            for col in _COLUMN_GAP.finditer(m.group()):
                cell = col.group()
                if (
                    sum(ch.isdigit() for ch in cell) >= 7
                    and col.start() > 0
                    and (cell[0] in "+0(" or re.search(r"\d[ \-.]\d", cell))
                    and any(_valid_phone(cell, region) for region in regions)
                ):
                    a = start + m.start() + col.start()
                    yield Span(a, a + len(cell), "PHONE", "phonenumbers")
        start += len(line)


_RUN_PART = re.compile(r"[\d\-.()]+")
_COLUMN_GAP = re.compile(r"(?<!\S)\S(?:\S| (?! ))*")


def _valid_head(run: str, regions: tuple[str, ...]) -> int:
    """The length of run's longest head, cut between its groups of digits, that is a valid
    phone number (with a + any country's; else one of regions'); 0 if none is."""
    ends = [m.end() for m in _RUN_PART.finditer(run)]
    for end in reversed(ends[:-1]):
        head = run[:end].rstrip("(.-")
        if head.count("(") < head.count(")"):
            head = head[: head.rfind(")")].rstrip()
        if sum(ch.isdigit() for ch in head) < 7:
            break
        if any(_valid_phone(head, region) for region in regions):
            return len(head)
    return 0


def _bracketed(run: str) -> str:
    """What the opening bracket of run encloses: "(8 (708) 004 71 39) 13" → "8 (708) 004 71 39"."""
    depth = 0
    for i, ch in enumerate(run):
        depth += (ch == "(") - (ch == ")")
        if depth == 0:
            return run[1:i]
    return run[1:].rstrip(")")


def _valid_phone(number: str, region: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number, region))
    except phonenumbers.NumberParseException:
        return False


def _iin_valid(digits: str) -> bool:
    """Kazakh IIN/BIN: 12 digits, check digit by the two weight series (no stdnum module yet)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    nums = [int(d) for d in digits]
    for weights in (range(1, 12), [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]):
        check = sum(n * w for n, w in zip(nums[:11], weights, strict=True)) % 11
        if check != 10:
            return check == nums[11]
    return False


def _medicare_valid(digits: str) -> bool:
    """An Australian Medicare card number: 8 digits (the first 2-6), a check digit by the
    weights 1, 3, 7, 9, and an issue number (the IRN after it is no part of the card's
    number); no stdnum module yet."""
    if len(digits) not in (10, 11) or not digits.isdigit() or digits[0] not in "23456":
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], (1, 3, 7, 9, 1, 3, 7, 9), strict=True))
    return total % 10 == int(digits[8])


def _snils_valid(digits: str) -> bool:
    """Russian SNILS: 9 digits and a 2-digit control number (no stdnum module yet)."""
    if len(digits) != 11 or not digits.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(9, 0, -1), strict=True))
    control = total % 101
    return (0 if control == 100 else control) == int(digits[9:])


# ASCII boundaries: Python's \w matches Chinese characters, so "身份证号42010620090925153X" has none.
_DIGIT_GROUPS = re.compile(r"(?<![0-9A-Za-z])\d[\d \-/]{8,22}[\dXx](?![0-9A-Za-z])")
_UPN = re.compile(r"(?<![0-9A-Za-z])[A-Z]\d{11}[0-9A-Z](?![0-9A-Za-z])")
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_PASSPORT = re.compile(r"(?<!\d)\d{2} ?\d{2} ?(?:№ ?)?\d{6}(?!\d)")
_RECORD_WORD = (
    r"(?:карт\w*|медкарт\w*|истори\w+ болезни|дел[оау]|договор\w*|протокол\w*|полис\w*|"
    r"справк\w*|свидетельств\w*|паспорт\w*|удостоверени\w*|тарих\w*|file|record|case|chart|MRN|log|"
    r"ticket|referral|ref(?:erence)?\.?|病历号?|住院号|门诊号|档案号|编号|记录号|学籍号|病案号|学号|karta|spis\w*|chorobopis\w*"
    r"|záznam\w*|[Čč]\.\s?j\.|sp\.\s?zn\.|[Ee]videnční\s+číslo|číslo\s+jednací|іс|ИБ|вх\.|исх\.|кір\.|шығ\."
    r"|(?:student|pupil|patient|hospital|client|member|case|intake)\s+(?:ID|no\.?|number|#)"
    r"|document|заключени\w*|қорытынды\w*|рег\.|регистрац\w*|тіркеу\w*|备案号)"
)
# "PCC-2291", "HZ-2024-0457", "PPP-J/0412/24": letter groups may lead the digits.
# "ВСК-48-0020917", "ЖІ-2018/0412", "2027/1187-DHO", "214/уч", "MCP8 048221/2027", "14 P 512/2026"
_RECORD_NUMBER = (
    r"(?P<n>(?:[A-ZА-ЯӘҒҚҢӨҰҮҺІ][A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽА-ЯӘҒҚҢӨҰҮҺІа-яәғқңөұүһі]{0,4}[-/]|[A-Z]{1,4}\d{0,2} |\d{1,3} [A-Z]{1,2} ){0,2}"
    r"[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{0,4}-?\d(?:[\d\-/]|[A-Z](?=\d)){1,20}\d(?:[-/][A-Za-zА-Яа-яәғқңөұүһі]{1,4}(?![\w-]))?)(?![\d\-/])"
)
# Between a label and its value: a colon, Markdown bold closing ("**邮编：** 200127"), or the
# next cell of an HTML table ("<td>Č. j.</td><td>SPC-OL-147/2026").
LABEL_END = r"\s*[:：]?\s*(?:\*\*|__)?\s*(?:</t[dh]>\s*<t[dh][^>\n]{0,40}>\s*)?"
_RECORD = re.compile(
    # "карта № 58213", "MRN 00482913", "карточка обращения № 24-01187" (one word between, then №)
    r"(?<![A-Za-zА-Яа-яЁё])"
    + _RECORD_WORD
    + r"(?:(?:\s+[^\W\d]{3,20}){0,2}\s*(?:№|#|No\.?|č\.)|\s*(?:номер|number)?(?:\s+[A-ZА-ЯЁ]{2,5}(?=\s))?)"
    + LABEL_END
    + _RECORD_NUMBER,
    re.IGNORECASE,
)
# "№ карты (ф. 112/у): 2О14/б-331": № before the record's word, a form's number in brackets,
# then the number, any shape
_NUMBER_OF_RECORD = re.compile(
    r"№[^\S\n]*(?:карты|медкарты|истории[^\S\n]+болезни|дела|полиса|заявления|справки|протокола)"
    r"(?:[^\S\n]*\([^()\n]{1,20}\))?[^\S\n]*:?[^\S\n]*(?P<n>(?=(?:[^\s,;\d]*\d){3})[^\s,;]*[^\s,;.])"
)
# "№ 3-14/228", "№ 01-12/448": a number after № with a dash or slash is a document's, whatever
# its label (a school's or clinic's "№ 44" has neither)
_NUMBERED = re.compile(r"№[^\S\n]*" + _RECORD_NUMBER)
# полис ОМС 7258 4300 1122 6071, č. pojištěnce 1360307058, NHS no. 6880268048: an insurance or
# health number after its label, digit groups allowed
_INSURED_NUMBER = re.compile(
    r"(?<!\w)(?:полис\w*(?:[^\S\n]+ОМС)?|č\.[^\S\n]*pojištěnce|číslo[^\S\n]+pojištěnce|NHS[^\S\n]+(?:no\.?|number)"
    r"|Medicaid[^\S\n]+(?:ID|no\.?|number)|insurance[^\S\n]+(?:ID|no\.?|number)"
    # "Sask. Health Services No.: 712 904 385", "health card number"
    r"|health[^\S\n]+(?:services?|card|insurance)[^\S\n]+(?:ID|no\.?|number)"
    # a bilingual Canadian form's French label: "No d'assurance-maladie : 123 456 789"
    r"|(?:num[ée]ro|n[o°º]\.?)[^\S\n]+(?:de[^\S\n]+(?:la[^\S\n]+)?carte[^\S\n]+)?d['’]assurance[- ](?:maladie|sociale))"
    + LABEL_END
    + r"(?P<n>\d(?:[\d]|[ -](?=\d)){7,22}\d)(?!\d)",
    re.IGNORECASE,
)
# "案号：(2027)陕0113民初1474号", "收文编号2027-心-214": Chinese court and filing numbers
_ZH_CASE_NUMBER = re.compile(
    r"(?P<n>[（(]\d{4}[)）][\u4e00-\u9fff]{1,2}\d{2,6}[\u4e00-\u9fff]{1,4}\d{1,6}号"
    r"|(?<=编号)\d{2,4}-[\u4e00-\u9fff]{1,2}-\d{2,6})"
)
# "Исх. № 312", "Шығ. № 15": an outgoing or incoming letter's number, however short
_LETTER_NUMBER = re.compile(
    r"(?<!\w)(?:исх|вх|шығ|кір)\.?[^\S\n]*№[^\S\n]*(?P<n>\d{1,6}(?:[-/]\w{1,6})*)(?![\w-])", re.I
)
# "таб. № 027", "ішкі нөмірі 214": a staff member's personnel number or telephone extension,
# however short
_STAFF_NUMBER = re.compile(
    r"(?<!\w)(?:таб\.(?=[^\S\n]*№)|табельн\w+(?=[^\S\n]*№)|табельн\w+[^\S\n]+номер\w*|ішкі[^\S\n]+нөмір\w*|внутренн\w+[^\S\n]+номер\w*)"
    r"[^\S\n]*(?:№[^\S\n]*)?(?P<n>\d{2,6})(?![\w-])",
    re.I,
)
# "call 0412 (repeat caller)", "Datix 48213", "CAD 1234", "Log no. 214", "LAC number 338812": a
# call's, a log's or an incident system's record by its number after the system's word (a call's
# number four digits or more and no year: "call 000", "call 999" ring the emergency services); a
# driving licence's number
_LOG_NUMBER = re.compile(
    r"(?<![\w-])(?:(?i:calls?|caller|chat|session)[^\S\n]*(?:no\.?|number|#)?[^\S\n]*"
    r"(?P<n>0\d{3,5}|(?!19\d\d|20\d\d)[1-9]\d{3,5})(?![^\S\n]?\d)"
    r"|(?:Datix|CAD|CPOMS|MyConcern|(?i:incident|log)[^\S\n]+(?i:no\.?|number|#)|LAC[^\S\n]+(?i:no\.?|number))"
    r"[^\S\n]*[:#]?[^\S\n]*(?P<m>\d{3,8})"
    r"|(?i:driver'?s?[^\S\n]+licen[cs]e|driving[^\S\n]+licen[cs]e)(?:[^\S\n]+(?i:no\.?|number|#))?[:.]?"
    r"[^\S\n]*(?P<d>(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{5,18}))"
    r"(?![\w/-]|[.,:]\d|[^\S\n]*(?i:%|am\b|pm\b|hrs?\b|minutes|mins?\b|calls\b|people|times))"
)
# "武教心〔2026〕31号": a Chinese official document's issuer, year in brackets and number
_ZH_DOCUMENT_NUMBER = re.compile(r"(?P<n>[\u4e00-\u9fff]{1,6}[〔［\[]\d{4}[〕］\]]\d{1,5})(?=号)")
# "log #CT-448217": a number after # is a record's, not a heading's (those have a space and a word)
_HASH_NUMBER = re.compile(r"(?<![\w&#])#\s?" + _RECORD_NUMBER)


# A Taiwanese national ID: the letter of the place of registration, the sex digit, 7 digits and
# a check digit ("A128507343")
_TW_ID = re.compile(r"(?<![A-Za-z0-9])[A-Z][12]\d{8}(?![A-Za-z0-9])")
_TW_LETTERS = dict(zip("ABCDEFGHJKLMNPQRSTUVXYWZIO", range(10, 36), strict=True))


def _tw_id_valid(number: str) -> bool:
    """Taiwan's national ID check (no stdnum module yet): the letter's two digits weighted 1
    and 9, the next eight 8 … 1, the check digit 1; the sum a multiple of ten."""
    code = _TW_LETTERS[number[0]]
    digits = [code // 10, code % 10, *map(int, number[1:])]
    weights = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
    return sum(d * w for d, w in zip(digits, weights, strict=True)) % 10 == 0


def national_ids(text: str) -> Iterator[Span]:
    plain = normalise(text)
    for m in _DIGIT_GROUPS.finditer(plain):
        raw = m.group()
        digits = re.sub(r"[ \-/]", "", raw)
        valid = (
            _iin_valid(digits)
            or _snils_valid(digits)
            or (len(digits) in (10, 12) and inn.is_valid(digits))
            or (len(digits) == 18 and ric.is_valid(digits.upper()))
            or (
                len(digits) == 10
                and re.fullmatch(r"\d{3} \d{3} \d{4}", raw) is not None
                and nhs.is_valid(digits)
            )
            or (len(digits) in (9, 10) and "/" in raw and rc.is_valid(digits))
            or (
                _medicare_valid(digits)
                and (
                    "medicare" in plain[max(0, m.start() - 60) : m.start()].lower()
                    # "typed … as 4630 40487 3, IRN 2": the card's issue number after it
                    or re.match(r"[,;]?[^\S\n]*IRN\b", plain[m.end() : m.end() + 12]) is not None
                )
            )
        )
        if valid:
            yield Span(m.start(), m.end(), "ID", "stdnum")
    for m in _PASSPORT.finditer(plain):
        context = plain[max(0, m.start() - 40) : m.start()].lower()
        if "паспорт" in context or "серия" in context or "passport" in context:
            yield Span(m.start(), m.end(), "ID", "pattern")
    for m in _RECORD.finditer(plain):
        if sum(ch.isdigit() for ch in m.group("n")) >= 4:
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _NUMBERED.finditer(plain):
        number = m.group("n")
        # "№ 01-12/448", "№ ПМПК-318": a dash or slash inside, or a letter prefix before one
        if sum(ch.isdigit() for ch in number) >= 3 and re.search(
            r"\d[-/]\w|^[^\W\d_]{2,6}-\d", number
        ):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for pattern in (_LETTER_NUMBER, _ZH_DOCUMENT_NUMBER, _STAFF_NUMBER, _NUMBER_OF_RECORD):
        for m in pattern.finditer(plain):
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _LOG_NUMBER.finditer(plain):
        group = next(g for g in ("n", "m", "d") if m.group(g))
        yield Span(m.start(group), m.end(group), "ID", "pattern")
    for m in _ZH_CASE_NUMBER.finditer(plain):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _INSURED_NUMBER.finditer(plain):
        yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _HASH_NUMBER.finditer(plain):
        if sum(ch.isdigit() for ch in m.group("n")) >= 4:
            yield Span(m.start("n"), m.end("n"), "ID", "pattern")
    for m in _TW_ID.finditer(plain):
        if _tw_id_valid(m.group()):
            yield Span(m.start(), m.end(), "ID", "stdnum")
    for m in _SSN.finditer(plain):
        if ssn.is_valid(m.group()):
            yield Span(m.start(), m.end(), "ID", "stdnum")
    for m in _UPN.finditer(plain):
        if upn.is_valid(m.group()):
            yield Span(m.start(), m.end(), "ID", "stdnum")


_MONTHS = {
    "ru": r"январ[ьяе]|феврал[ьяе]|март[ае]?|мар\.|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]"
    r"|янв\.|февр?\.|апр\.|авг\.|сент?\.|окт\.|нояб?\.|дек\."
    # a Russian month with a Kazakh case ending, as Kazakh speech has it: "17 январда"
    r"|(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)ь?(?:да|дан|ға|ге)"
    r"|(?:март|август)(?:та|тан|қа)|май(?:да|дан|ға)",
    # a final к/қ voices before a vowel ending: қыркүйек → қыркүйегінде
    "kk": r"қаңтар\w*|ақпан\w*|наурыз\w*|сәуір\w*|мамыр\w*|маусым\w*|шілде\w*|тамыз\w*"
    r"|қыркүйе[кг]\w*|қазан\w*|қараша\w*|желтоқсан\w*"
    r"|қаң\.|ақп\.|нау\.|сәу\.|мау\.|шіл\.|қыр\.|қаз\.|қар\.|желт?\."  # "12 ақп. 2026"
    # a chat typed on a Russian keyboard, without the Kazakh letters: "12 акпанда"
    r"|ка[нң]тар\w*|акпан\w*|с[аә]уи?р\w*|шилде\w*|кыркуйе[кг]\w*|казан(?:да|нан|ға|ы)|караша\w*"
    r"|желтоксан\w*",
    "cs": r"ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
    r"|lednu|únoru|březnu|dubnu|květnu|červnu|červenci|srpnu|říjnu|prosinci"
    r"|leden|únor|březen|duben|květen|červen|červenec|srpen|říjen|listopad|prosinec"
    # a chat typed without the marks: "uz od 3. unora nespim"
    r"|unora|brezna|kvetna|cervna|cervence|zari|rijna"
    # Slovak, as Slovak-speaking families write in Czech notes: "9. apríla"
    r"|januára|februára|marca|apríla|mája|júna|júla|augusta|septembra|októbra|novembra|decembra",
    "en": r"January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?",
}
_MONTH = "|".join(_MONTHS.values())
_YEAR = r"(?:19|20)\d\d"
_H_DATE = r"[^\S\n]"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
# The word that may follow a year: "2024 г.", "2024 года", "2024 roku"
_YEAR_WORD = r"(?:\s*(?:г\.|гг\.|года?(?!\w)|г(?!\w)|roku(?!\w)|r\.|ж\.|жыл\w*))?"
_DATE_PATTERNS = [
    # 12.03.2024, 12/03/24, 12-03-2024, 22.03 (not the minutes and hours of a time range,
    # "01:12-01:40", nor a code's number, "P3-01")
    re.compile(
        rf"(?<![\d.A-Za-z])(?<!\d:){_DAY}[./-]{_MON}(?:[./-](?:{_YEAR}{_YEAR_WORD}|\d\d))?(?![\d]|\.\d|:\d)"
    ),
    # US order: 2/26/2024, 06/21/2015
    re.compile(rf"(?<![\d./]){_MON}/{_DAY}/(?:{_YEAR}|\d\d)(?![\d/])"),
    # US order without a year: "on 11/22", "On 01/27" (a fraction like 3/4 is masked too: safe side)
    re.compile(rf"(?<![\d./]){_MON}/{_DAY}(?![\d/])"),
    # Czech, with spaces: 29. 12. 2011, 22. 3.
    # (on one line: "20.\n2." are two list items)
    # (a quoted mail's header may write its year in two figures: "Dne 10. 03. 26 v 16:02")
    re.compile(
        rf"(?<![\d.]){_DAY}\.[^\S\n]?{_MON}\.(?:[^\S\n]?{_YEAR}{_YEAR_WORD}"
        rf"|[^\S\n]?\d\d(?=[^\S\n]+v[^\S\n]+\d{{1,2}}:\d\d))?(?!\d)"
    ),
    # 2024-03-12, 2024.03.12, 2024/3/12
    re.compile(rf"(?<!\d){_YEAR}[./-]{_MON}[./-]{_DAY}(?!\d)"),
    # a form's signed date, its day in quotes and its month in figures: «06» 02. 2026, «6».02.2026
    re.compile(
        rf"«[^\S\n]?{_DAY}[^\S\n]?»[^\S\n]*\.?[^\S\n]*{_MON}\.[^\S\n]?{_YEAR}{_YEAR_WORD}(?!\d)"
    ),
    # 12 марта 2024 г., 3 мая, 12. března 2024, 3rd of March 2024, 9-е апреля, «15» апреля 2024
    re.compile(
        rf"(?:(?<!\w)the\s+)?«?(?<!\d){_DAY}(?:st|nd|rd|th|-?(?:е|го|ого|ое|м|му))?»?\.?\s*(?:of\s+)?(?:{_MONTH})(?:\s*,?\s*{_YEAR}{_YEAR_WORD})?(?!\w)",
        re.IGNORECASE,
    ),
    # March 3, 2024 / March 3rd / Oct 16, 2023
    re.compile(rf"(?<!\w)(?:{_MONTHS['en']})\s+{_DAY}(?:st|nd|rd|th)?(?:,?\s*{_YEAR})?(?!\d)"),
    # Kazakh: 2024 жылғы 4 наурызда, 12 наурыз
    re.compile(
        rf"(?<!\d)(?:{_YEAR}\s*ж(?:ылғы|ылы|ылдың|\.)?\s+)?{_DAY}\s+(?:{_MONTHS['kk']})",
        re.IGNORECASE,
    ),
    # 2024年5月12日, 5月12号, 4月3日—4日, 2027年3月2日至3日, 3月7—8日; Taiwan's Minguo years
    # (115年3月10日, 民國101年8月5日)
    re.compile(
        rf"(?:(?:{_YEAR}|(?<!\d)(?:民[國国])?(?:1[01]\d|[4-9]\d))\s*年\s*)?{_MON}\s*月\s*{_DAY}(?:\s*[—–~～-]\s*{_DAY})?\s*[日号](?:\s*[—–~～至到-]\s*{_DAY}\s*[日号])?"
    ),
    # the first day of a span: 2–3 марта, 10.–11. 3., 12 по 14 марта, 10–11 March
    re.compile(
        rf"(?<![\d.]){_DAY}(?:\.?\s?(?:[–—-]|по|до|to|until)|(?:-?го)?\s(?:или|or|nebo)\s|-го\sи\s)\s?"
        rf"(?={_DAY}(?:\.\s?{_MON}\.|\.?\s*(?:{_MONTH})))",
        re.IGNORECASE,
    ),
    # March 2–3, 2027; April 25–26; Tue, Mar 2, 2027; the 8th of April
    re.compile(
        rf"(?<!\w)(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*\.?,?\s+)?(?:{_MONTHS['en']})\s+{_DAY}"
        rf"(?:st|nd|rd|th)?(?:\s?[–—-]\s?{_DAY}(?:st|nd|rd|th)?)?(?:,?\s*{_YEAR})?(?!\d)"
        rf"|\bthe\s+{_DAY}(?:st|nd|rd|th)\s+of\s+(?:{_MONTHS['en']})"
    ),
]
_ZH_DAY = r"(?:[一二三]?十[一二三四五六七八九]?|[一二三四五六七八九])"
_DATE_PATTERNS += [
    # 05.III.2026, 19. I. 2026: a Roman-numeral month
    re.compile(
        rf"(?<![\d.]){_DAY}\.(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.(?:{_YEAR})?(?![\w.])"
        # "19. I. 2026": spaced, with its year (else "5. I. Novák" would be one)
        rf"|(?<![\d.]){_DAY}\.[^\S\n](?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.[^\S\n]{_YEAR}(?![\w.])"
    ),
    # наурыздың 28-і, наурыздың 6-сы: the Kazakh month in the genitive, then the day's ordinal
    re.compile(
        rf"(?<![^\W\d_])(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)"
        rf"(?:дың|тың|ның|дің|тің|нің){_H_DATE}+{_DAY}-?(?:і|ы|сі|сы|ші|шы|нші|ншы)(?:нде|нда|не|на)?(?!\w)",
        re.I,
    ),
    # двадцать восьмого марта, шестое марта: a day in words
    re.compile(
        rf"(?<![А-Яа-яЁё])(?:двадцать[^\S\n]+|тридцать[^\S\n]+)?(?:перв|втор|трет[ьи]|четв[её]рт|пят|шест|седьм|восьм"
        rf"|девят|десят|одиннадцат|двенадцат|тринадцат|четырнадцат|пятнадцат|шестнадцат|семнадцат"
        rf"|восемнадцат|девятнадцат|двадцат|тридцат)(?:ое|ого|ому|ье|ьего|ьему|ем|ьем)[^\S\n]+(?:{_MONTHS['ru']})(?![а-яё])",
        re.IGNORECASE,
    ),
    # 3.22与母亲谈话: a month and day opening a line of a Chinese note
    re.compile(r"(?m)^(?:1[0-2]|[1-9])\.(?:3[01]|[12]\d|[1-9])(?=[\u4e00-\u9fff])"),
    # 三月二十八日, 三月五日: the month and day in numerals
    re.compile(rf"(?:十[一二]|[一二三四五六七八九十])月{_ZH_DAY}[日号]"),
    # 正月初九, 腊月二十六, 冬月廿三, 十月初八: a day of the lunar calendar, said without 日 (a
    # numbered month only with its 初: "三月初" alone is early March)
    re.compile(
        r"(?:十[一二]|[二三四五六七八九十])月初[一二三四五六七八九十](?![一二三四五六七八九十日号])"
        r"|(?:正|腊|冬)月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]|三十)(?![一二三四五六七八九十])"
    ),
]
YEAR = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
# "BMI 14.8", "EDE-Q global 4.6", "ИМТ 15,2": a measurement, not a date
_MEASURE_BEFORE = re.compile(
    r"(?:\b(?:BMI|IQ|SDS|score|global|skóre)|ИМТ|=)[^\S\n]*[:：]?[^\S\n]*$"
)


def dates(text: str) -> Iterator[Span]:
    """Whole dates with a day and a month (and any year and its "г."/"жылғы" word).

    The span covers the year too; the engine writes the year back after the tag
    when it keeps years, so "2 апреля 2024 г." becomes "[ДАТА_1] 2024".
    """
    for pattern in gates.live(_DATE_PATTERNS, text):
        for m in pattern.finditer(text):
            if not _MEASURE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                yield Span(m.start(), m.end(), "DATE", "pattern")


_AGE = re.compile(
    r"(?<!\d)(?P<n>\d{2,3})\s*(?:-?\s*(?:лет|года?|годик\w*|жаста\w*|жас\w*|яшь|岁|周岁|let|roků|rok[ůy]?|rokov"
    r"|years?(?:\s+old)?|y/?o|yrs?)\b|岁)",
    re.IGNORECASE,
)
_AGED = re.compile(
    r"\b(?:aged|age|возраст\w*|věk\w*|жас[ыі])(?:[^\S\n]*[—–][^\S\n]*|"
    + LABEL_END
    + r")(?P<n>\d{2,3})\b"
    # "who is 90", "she turned 91", "je jí 92", "ей 93": a person's age without its unit
    r"|(?:\b(?:who|she|he|they)(?:\s+is|\s+was|'s|\s+turned|\s+turns)(?:\s+(?:now|still|nearly|almost|just))?"
    r"|\bturn(?:ed|ing|s)"
    r"|\bje\s+(?:mu|jí|ji|jim)|\b(?:mu|jí|ji)\s+je|\b(?:které|kterému|kterýmu|kterým)\s+(?:je|bude|bylo)|(?<!\w)(?:ей|ему|им)\s+(?:уже\s+)?(?:исполнилось\s+)?)"
    r"\s+(?P<m>\d{2,3})(?![\d/%]|[.,]\d)(?!\s*(?:%|points?|mg|kg|min|balů|bodů|баллов))",
    re.IGNORECASE,
)


# "Ruth Walsh, 93, lived", "(June Palmer, 96)", "Jean Reid (91)", "Nan is 90": a number over 89
# just after a name, between commas or in brackets, or after a name and "is"
_AGE_AFTER_NAME = re.compile(
    r"(?<=[A-Za-zÀ-žА-Яа-яЁё])(?:,\s|\s\(|\s+is\s+)(?P<n>9\d|1[01]\d)(?=\s*[,)]|\s+[\"“(–-])"
)


def ages(text: str) -> Iterator[Span]:
    for m in _AGE_AFTER_NAME.finditer(text):
        before = re.search(
            r"([A-ZА-ЯЁ][a-zà-žа-яё]+)\W*$", text[max(0, m.start() - 30) : m.start() + 1]
        )
        if before:
            yield Span(m.start("n"), m.end("n"), "AGE", "pattern")
    for m in _AGE.finditer(text):
        if int(m.group("n")) > 89:
            yield Span(m.start(), m.end(), "AGE", "pattern")
    for m in _AGED.finditer(text):
        group = "n" if m.group("n") else "m"
        if int(m.group(group)) > 89:
            yield Span(m.start(group), m.end(group), "AGE", "pattern")
    yield from ages_mod.in_words(text)
    yield from ages_mod.in_columns(text)
    yield from ages_mod.in_tables(text)


def find(text: str, language: str, keep_year: bool = True) -> list[Span]:
    """Every structured identifier in text (overlaps are joined later)."""
    found: list[Span] = []
    found.extend(phones(text, language))
    found.extend(web(text))
    found.extend(national_ids(text))
    found.extend(dates(text))
    found.extend(ages(text))
    found.extend(places.find(text))
    return found


_LONG_DIGITS = re.compile(r"(?<!\d)\d[\d\s\-–—]{4,}\d(?!\d)")


def leftovers(text: str) -> Iterator[tuple[int, int, str]]:
    """What a reviewer must look at after masking: digit runs, @, links (pattern, no model)."""
    for m in _LONG_DIGITS.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 6:
            yield m.start(), m.end(), "6+ digits"
    for m in re.finditer(r"@|https?:|www\.", text):
        yield m.start(), m.end(), "link or @"
    # What user names look like even without an @: "lvicek_x", "gr4ce_notes", "dauka07".
    for m in _USERNAME.finditer(text):
        yield m.start(), m.end(), "looks like a user name"
    # A numbered school, clinic or group the engine did not mask: "№ 9 қалалық емхана".
    for m in re.finditer(r"№\s*\d+", text):
        yield m.start(), m.end(), "a numbered place"


_USERNAME = re.compile(
    r"(?<![\w@.\-])(?:[A-Za-z][A-Za-z0-9.]*_[A-Za-z0-9_.]*[A-Za-z0-9]|[a-z]{3,}\d{2,}[a-z_]*|[a-z]{2,}\.[a-z]{2,}\d*\b(?!\.\w))(?![\w@\-])"
)
