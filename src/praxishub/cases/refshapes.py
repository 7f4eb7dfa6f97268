"""Round 11c: reference numbers, dates, classes, addresses and places in shapes left so far.

Rule: each identifier is found by its written shape next to the word that says what it is:

- ID: a number token after its label (№, ID, Evid. č.) that mixes letters and digits or
  carries OCR letters (07-ПК, НН-0З27, KZ71LAA…, RP-HK 0O41/26, Zoom "ID 846 2201 9375"),
  and a birth-certificate series (серия III-ТН); a number found as an ID (five characters
  or more, four digits) wherever it stands again on its own (a shift log's call number in
  the handover text);
- DATE: a spoken English date ("february ninth", "the ninth of May"), a Russian day with a
  cut month ("26 окт"), a Czech date read by OCR with "l" for "1" ("l. 6. 2024"); a found
  date grows over "с двадцать третьего по" before it, and two dates joined by a dash merge;
- CLASS: a Czech spelled grade with its letter ("pátý á"),
  a Russian grade in words ("пятого класса"), a Kazakh grade with its ordinal ending
  ("10-шы сыныптан");
- ADDRESS: a Czech street or village with its house number standing after a comma, bracket
  or "bydlí" and before a comma, bracket or line end ("Svárov 1080", "Podlesí V 5361");
- PLACE: a town right before a UK postcode on its line, a Russian town before ", ул.",
  a Chinese two-character district after 住在/在/去 ("双流区").

The labels and kind words are general vocabulary, never names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_HAN = "\u4e00-\u9fff"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽĽ"
_CS_LO = "a-záčďéěíňóřšťúůýžľĺô"

# --- ID -------------------------------------------------------------------------------
_ID_LABEL = re.compile(
    rf"(?:№|(?<![\w.])(?:Evid\.{_H}?č\.:?|ID:?))(?:{_H}*)"
    rf"((?:[A-Z]{{2,4}}(?:-[A-Z]{{2,4}})*{_H}[0-9O]{{2,}}/\d{{2,4}})"
    rf"|[A-ZА-ЯЁ0-9][A-ZА-ЯЁа-яё0-9/\-·]{{3,}}"
    rf"|\d{{3}}{_H}\d{{3,4}}{_H}\d{{4}})"
)
_ID_SERIES = re.compile(rf"(?i:серия){_H}+([IVXІ]{{1,4}}-[А-ЯЁ]{{2}})(?![\w-])")
_OCR_DIGITS = "0-9OЗО"


def _id_token(token: str) -> bool:
    """A reference number: has a digit, and is not a plain short number or a plain word."""
    token = token.rstrip(".,-/")
    digits = sum(ch.isdigit() for ch in token)
    if digits == 0 or len(token) < 4:
        return False
    if token.isdigit():
        return len(token) >= 5
    letters = sum(ch.isalpha() for ch in token)
    return letters <= 12 and not re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2,4}", token)


# --- DATE ------------------------------------------------------------------------------
_EN_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_EN_ORD = (
    "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    "|twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth"
    "|thirty[- ]first"
)
_EN_SPOKEN_DATE = re.compile(
    rf"(?i)(?<![\w-])(?:(?:{_EN_MONTHS}){_H}+(?:the{_H}+)?(?:{_EN_ORD})"
    # "the fifth till the twelfth of march": two days of one month, the month said once
    rf"|(?:{_EN_ORD}){_H}+(?:till|til|to|until|through|thru){_H}+(?:the{_H}+)?(?:{_EN_ORD})"
    rf"{_H}+of{_H}+(?:{_EN_MONTHS})"
    rf"|(?:{_EN_ORD}){_H}+of{_H}+(?:{_EN_MONTHS}))(?![\w-])"
)
_RU_SHORT_MONTH = re.compile(
    rf"(?<![\w.])[0-3]?\d{_H}(?:янв|фев|мар|апр|июн|июл|авг|сен|сент|окт|ноя|нояб|дек)(?![\w.])"
)
_CS_OCR_DATE = re.compile(
    rf"(?<![\w.])(?=[^\n]{{0,6}}l)(?:[0-3]?[0-9l]|l)\.{_H}?(?:1?[0-9l]|l)\.{_H}?(?:19|20)\d\d(?!\d)"
)
_RU_FROM_ORD = re.compile(rf"(?i:с|со){_H}+(?:[а-яё]+{_H}+)?[а-яё]+(?:ого|его){_H}+по{_H}+$")
_DASH = re.compile(rf"{_H}*[–—-]{_H}*")

# --- CLASS -----------------------------------------------------------------------------
_CS_SPELLED_CLASS = re.compile(
    rf"(?<![\w-])(?:první|druhá|druhou|druhý|třetí|čtvrtý|čtvrtá|pátý|pátá|šestý|šestá|sedmý"
    rf"|sedmá|osmý|osmá|devátý|devátá|páté|šesté|sedmé|osmé|deváté){_H}+(?:á|bé|cé|dé)(?![\w-])"
)
# "с первого класса" is "since school began", no class of anyone's.
_RU_WORD_CLASS = re.compile(
    rf"(?i)(?<![\w-])(?:(?<!с{_H})перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят"
    rf"|десят|одиннадцат)"
    rf"(?:ый|ой|ий|ого|ому|ым|ом|ьего|ьему|ьим|ьем|ая|ую|ье|ьи|ьих|ые|ых|ыми){_H}+класс[а-я]*"
)
_KK_NUM_CLASS = re.compile(
    rf"(?<![\w-])\d{{1,2}}-(?:ші|шы|інші|ыншы|нші|ншы){_H}+сынып[а-яәғқңөұүһі]*"
)

# --- ADDRESS, PLACE --------------------------------------------------------------------
_CS_ADDRESS = re.compile(
    rf"(?:(?<=\n)|(?<=^)|(?<=,{_H})|(?<=\()|(?<=bydlí{_H})|(?<=adrese{_H})"
    rf"|(?<=[Bb]ydliště:{_H})|(?<=[Bb]ydliště:\*\*{_H})|(?<=[Aa]dresa:{_H})|(?<=[Aa]dresa:\*\*{_H}))"
    rf"([{_CS_UP}][{_CS_LO}]+(?:{_H}(?:[{_CS_UP}][{_CS_LO}]+|[IVX]{{1,3}})){{0,2}})"
    rf"{_H}(\d{{1,5}}(?:/\d{{1,4}})?[a-z]?(?:,{_H}\d{{1,2}}\.{_H}(?:patro|poschodí|NP))?)"
    rf"(?=,|\)|{_H}*\n|{_H}*$|{_H}+bez{_H})"
)
_CS_ADDRESS_NOT = frozenset(
    [
        "Příloha",
        "Tabulka",
        "Bod",
        "Kapitola",
        "Ročník",
        "Třída",
        "Skupina",
        "Verze",
        "Strana",
        "Otázka",
        "Úkol",
        "Kontakt",
        "Sezení",
        "Schůzka",
        "Týden",
        "Den",
        "Fáze",
        "Level",
        "Krok",
        "Položka",
        "Subtest",
        "Skóre",
        "Celkem",
        "Věk",
        "Rok",
        "Tel",
        "Telefon",
        "Místnost",
        "Pokoj",
        "Dveře",
        "Kancelář",
        "Učebna",
        "Budova",
        "Patro",
        "Linka",
        "Praha",
        "Brno",
    ]
)
# A Russian region by its letters in an address line, before its town: "143985, МО, г.о.
# Балашиха", "ЛО, г. Гатчина", "НСО, р.п. Краснообск"
_REGION_LETTERS = re.compile(
    rf"(?<![\w-])(?:МО|ЛО|НСО|СО|РТ|РБ|КК|РО)(?=,{_H}*(?:г\.|г\.{_H}?о\.|гор\.|пос\.|п\.|пгт|р\.{_H}?п\.|д\.|с\.|р-н))"
)
_PLACE_BEFORE_POSTCODE = re.compile(rf"(?<![\w-])([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?){_H}+$")
_RU_TOWN_BEFORE_STREET = re.compile(
    rf"(?:(?<=:{_H})|(?<=\n))[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*(?=,{_H}*(?:ул|пр|пер|мкр|просп)\.)"
)
_ZH_DISTRICT = re.compile(
    rf"(?:住在|住)([{_HAN}]{{2}}[区县])(?=[{_HAN}]|[，。、；）)]|$)"
    rf"|(?:在|去|到|回)([{_HAN}]{{2}}[区县])(?=[{_HAN}]{{2,4}}(?:街道|镇|乡|村|路|街|小区))"
)
_ZH_DISTRICT_NOT = frozenset(
    [
        "住宅",
        "开发",
        "生活",
        "教学",
        "风景",
        "居住",
        "办公",
        "保护",
        "自治",
        "商业",
        "工业",
        "示范",
        "试验",
        "贫困",
        "中心",
        "老城",
        "新城",
        "学校",
        "校园",
        "城市",
        "市区",
        "郊区",
        "社区",
        "小区",
        "山区",
        "地区",
        "病区",
        "景区",
        "辖区",
        "片区",
        "学区",
        "全区",
        "各区",
        "我们",
        "他们",
        "她们",
        "那个",
        "这个",
        "一个",
        "同一",
        "隔壁",
        "附近",
        "周边",
        "休闲",
        "娱乐",
        "游戏",
        "候诊",
        "等候",
    ]
)


# A Chinese licence plate: province character, letter, a dot or not, five or six more.
_ZH_PLATE = re.compile(
    r"(?<![A-Za-z0-9])[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·・.]?"
    r"[A-Z0-9]{5,6}(?![A-Za-z0-9])"
)


def find(text: str, language: str) -> Iterator[Span]:
    """IDs, dates, classes, addresses and places by shape, in every language that has them."""
    yield from _ids(text)
    for m in _ZH_PLATE.finditer(text):
        yield Span(m.start(), m.end(), "ID", "r11c-plate")
    yield from _dates(text, language)
    yield from _classes(text, language)
    if language == "cs":
        yield from _cs_addresses(text)
    elif language == "ru":
        for m in _RU_TOWN_BEFORE_STREET.finditer(text):
            yield Span(m.start(), m.end(), "PLACE", "r11c-ru-town")
        for m in _REGION_LETTERS.finditer(text):
            yield Span(m.start(), m.end(), "PLACE", "r11c-ru-region")
    elif language == "zh":
        for m in _ZH_DISTRICT.finditer(text):
            group = 1 if m.group(1) else 2
            if m.group(group)[:2] not in _ZH_DISTRICT_NOT:
                yield Span(m.start(group), m.end(group), "PLACE", "r11c-zh-district")


def _ids(text: str) -> Iterator[Span]:
    for m in _ID_LABEL.finditer(text):
        token = m.group(1).rstrip(".,-/")
        if _id_token(token.replace(" ", "")):
            yield Span(m.start(1), m.start(1) + len(token), "ID", "r11c-id")
    for m in _ID_SERIES.finditer(text):
        yield Span(m.start(1), m.end(1), "ID", "r11c-id")


def _dates(text: str, language: str) -> Iterator[Span]:
    pattern = {"en": _EN_SPOKEN_DATE, "ru": _RU_SHORT_MONTH, "cs": _CS_OCR_DATE}.get(language)
    if pattern is not None:
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "DATE", "r11c-date")


def _classes(text: str, language: str) -> Iterator[Span]:
    patterns = {
        "cs": (_CS_SPELLED_CLASS,),
        "ru": (_RU_WORD_CLASS,),
        "kk": (_KK_NUM_CLASS, _RU_WORD_CLASS),
    }.get(language, ())
    for pattern in gates.live(patterns, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "CLASS", "r11c-class")


def _cs_addresses(text: str) -> Iterator[Span]:
    """A Czech street or village with its house number, standing between commas or brackets."""
    for m in _CS_ADDRESS.finditer(text):
        if m.group(1).split()[0] in _CS_ADDRESS_NOT:
            continue
        yield Span(m.start(1), m.end(2), "ADDRESS", "r11c-cs-address")


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Dates over their spoken start and dash-joined ranges; towns before a postcode."""
    dates = {s.start: s for s in spans if s.kind == "DATE"}
    for span in spans:
        if span.kind == "DATE":
            m = _RU_FROM_ORD.search(text, max(0, span.start - 40), span.start)
            if m:
                yield Span(m.start(), span.end, "DATE", "r11c-date-grow")
            dash = _DASH.match(text, span.end)
            if dash and dash.end() > span.end and dash.end() in dates:
                yield Span(span.start, dates[dash.end()].end, "DATE", "r11c-date-grow")
        elif span.kind == "POSTCODE":
            line = text.rfind("\n", 0, span.start) + 1
            m = _PLACE_BEFORE_POSTCODE.search(text, line, span.start)
            if m:
                yield Span(m.start(1), m.end(1), "PLACE", "r11c-postcode-town")


def _free(ch: str) -> bool:
    """Can this character stand next to a number without joining it (a Chinese character
    can: "JC2611200034的来电者"; a letter, a digit, "/" or "-" cannot)?"""
    return not ch or not (ch.isalnum() or ch in "_/-") or "\u3400" <= ch <= "\u9fff"


def recurring(text: str, spans: list[Span]) -> Iterator[Span]:
    """A number found as an ID where it stands again on its own ("ждём повторный звонок по
    26-0150" after the shift log's row 26-0150): the same record, wherever the note names it.
    Only numbers of five characters or more with four digits, so no score or year is taken;
    and the number's last group alone, if it has four digits or more and starts with 0 (or
    has five or more).
    (Found by plain search: a pattern per number would crowd out the compiled patterns that
    every note needs.)"""
    seen: set[str] = set()
    for span in spans:
        surface = text[span.start : span.end]
        if span.kind != "ID" or surface in seen or len(surface) < 5:
            continue
        if sum(ch.isdigit() for ch in surface) < 4 or "\n" in surface:
            continue
        seen.add(surface)
        yield from _standing(text, surface)
        # its last group alone, as a log's summary cites its rows ("**0871.**" after the row
        # "МС-26-0871"): a group of four digits or more that starts with 0, so no year is taken
        tail = re.search(r"(?<=[-/])0\d{3,}$|(?<=[-/])\d{5,}$", surface)
        if tail and tail.group() not in seen:
            seen.add(tail.group())
            yield from _standing(text, tail.group())
    yield from _short_tails(text, spans, seen)
    yield from _series_mates(text, spans)


def _short_tails(text: str, spans: list[Span], seen: set[str]) -> Iterator[Span]:
    """A numbered log's rows cited by a three-digit tail ("**009**", "012 号来电", "013 回访"
    after the rows HL260310-009 … -015), or a four-digit one that is no year ("the
    repeat-caller pattern on 1147" after RLL26-1143 and RLL26-1147): only when two or more
    found IDs share everything but such a tail, so the tail is a row's number in a series,
    not a score."""
    for shared in _series_tails(text, spans, _TAIL):
        for tail in sorted(shared - seen):
            seen.add(tail)
            yield from _standing(text, tail)
    # a two-digit tail ("QX260311-01" … "-06") only where it opens a paragraph in bold, as a
    # log's summary heads each call ("**01** 女生，…"): two digits alone are too common elsewhere
    for shared in _series_tails(text, spans, _TWO_DIGIT_TAIL):
        for m in _BOLD_ROW.finditer(text):
            if m.group("n") in shared:
                yield Span(m.start("n"), m.end("n"), "ID", "id-recurs")


_TAIL = re.compile(r"(.*\d.*[-/])(0\d{2}|(?!19|20)[1-9]\d{3})")
_TWO_DIGIT_TAIL = re.compile(r"(.*\d.*-)(\d{2})")


def _series_tails(text: str, spans: list[Span], tail: re.Pattern[str]) -> list[set[str]]:
    """The tails of found IDs that share all but their tail, two or more to a series."""
    tails: dict[str, set[str]] = {}
    for span in spans:
        if span.kind == "ID":
            m = tail.fullmatch(text, span.start, span.end)
            if m:
                tails.setdefault(m.group(1), set()).add(m.group(2))
    return [shared for shared in tails.values() if len(shared) >= 2]


# A bold number opening a paragraph: "**01** 女生，…", "**02.** Man, 30s"
_BOLD_ROW = re.compile(r"(?m)^\*\*(?P<n>\d{2})(?:\.|号)?\*\*")


def _standing(text: str, surface: str) -> Iterator[Span]:
    """Each place where surface stands on its own (not inside a longer number or code)."""
    at = text.find(surface)
    while at >= 0:
        end = at + len(surface)
        before, after = text[at - 1 : at], text[end : end + 1]
        decimal = after in ".," and text[end + 1 : end + 2].isdigit()
        if _free(before) and before != "." and _free(after) and not decimal:
            yield Span(at, end, "ID", "id-recurs")
        at = text.find(surface, at + 1)


# A number of a series' shape: digits in groups joined by "-" or "/" ("26-0297")
_SERIES_NUMBER = re.compile(r"(?<![\w/.-])\d{2,4}[-/]\d{3,6}(?![\w/-]|[.,]\d)")


def _shape(surface: str) -> str:
    return re.sub(r"\d", "9", surface)


def _series_mates(text: str, spans: list[Span]) -> Iterator[Span]:
    """Numbers of the shape that two or more found IDs share ("**26-0349** — повторный
    абонент, тот же, что 26-0297 и 26-0315" in a log whose calls are numbered 26-0xxx): the
    log's other records, named in passing."""
    shapes = Counter(
        _shape(number)
        for number in {
            text[s.start : s.end]
            for s in spans
            if s.kind == "ID" and _SERIES_NUMBER.fullmatch(text, s.start, s.end)
        }
    )
    series = {shape for shape, n in shapes.items() if n >= 2}
    if not series:
        return
    for m in _SERIES_NUMBER.finditer(text):
        if _shape(m.group()) in series:
            yield Span(m.start(), m.end(), "ID", "id-recurs")
