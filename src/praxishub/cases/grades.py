"""Layer 1, continued: class designations and dates in the shapes other patterns miss.

Rule: a class is found by its own shape where nothing else has that shape (a Czech class
"1.M", a gymnasium year "kvinta", a Chinese "四(2)", a college group "ПС-24-2" before its
group word), or by its place (a bare "9в" after "из"/"с", an ordinal in an aligned table's
column). A date is found in the spaced shapes of scanned forms ("24 .03. 2026") and grown
over the first day of a span ("11 и 12 марта") and an English weekday before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_GRADE = r"(?:1[0-3]|[1-9])"
_CLASSES = [
    # 1.M, 2.Z: a Czech secondary class with a letter, written without a space
    re.compile(rf"(?<![\w.]){_GRADE}\.[A-Z](?![\w.]|\.\w)"),
    # kvinta, sexty, septimě: a gymnasium year on its own (prima, sekunda, tercie mean other things)
    re.compile(r"(?<!\w)(?<!až )(?:kvart|kvint|sext|septim|okt[áa]v)(?:a|y|u|ou|ě|e)(?!\w)"),
    # Yr 9, Yr. 11
    re.compile(rf"\bYr\.?{_H}?{_GRADE}\b"),
    # 四(2), 六（4）: a Chinese grade and class number without 班
    re.compile(r"(?<![\u4e00-\u9fff])[一二三四五六七八九][（(]\d{1,2}[)）](?!班)"),
    # sekunda na Gymnáziu, primy v gymnáziu: the first gymnasium years, where the school follows
    re.compile(
        r"(?<!\w)(?:prim[aěyu]|sekund[aěyu]|tercie|tercii)(?=[^\S\n]+(?:na|v|ve)[^\S\n]+[Gg]ymn)"
    ),
    # "у 4-му класі", "4-й клас", "7 класу": a Ukrainian school's class
    re.compile(
        rf"(?<![\w-])(?:1[01]|[1-9])(?:-?(?:му|й|го|ий))?[А-ЯІЇЄа-яіїє]?{_H}*клас(?:і|у|ом)?(?![\w-])"
    ),
    # "9а да оқимын", "төртіншіде оқиды": a Kazakh pupil's class before the verb for studying,
    # written in a chat without its class word
    re.compile(
        r"(?<![\w-])(?:(?:1[01]|[1-9])[а-еәА-ЕӘ](?=[^\S\n]?-?(?:да|де|та|те)[^\S\n]+оқи)"
        # "9ә дан бір қыз": a class with its case ending typed apart, in a chat
        r"|(?:1[01]|[1-9])[а-еәА-ЕӘ](?=[^\S\n]-?(?:дан|ден|тан|тен|нан|нен|дағы|дегі|тағы|тегі"
        r"|ның|нің|дың|дің|тың|тің)(?![\w-]))"
        r"|(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы)"
        r"(?:де|да|сыныпта)(?=[^\S\n]+оқи))"
    ),
    # clasa a II-a, clasa a 5-a: a Romanian or Moldovan school's class
    re.compile(r"(?<![\w-])clasa[^\S\n]+a[^\S\n]+(?:[IVX]{1,4}|1[0-2]|[5-9])-a(?![\w-])"),
    # 中三B班, 初二B班, 中一甲班: a Hong Kong or Macau secondary class with its letter
    re.compile(r"[中初高][一二三四五六](?:[A-Z]班?|[甲乙丙丁]班)(?![A-Za-z])"),
    # 四年级到六年级: a span of grades
    re.compile(r"[一二三四五六七八九]年级(?:到|至|—|-|～|~)[一二三四五六七八九]年级"),
    # 跟六班一个男生: a class by its number alone, after a word of where or with whom
    re.compile(r"(?<=[跟和与是在去到从])[一二三四五六七八九十]{1,2}班(?![长主级费倒子底])"),
    # 初三, 高二 after a school's name or before a word of studying; 转入本校初三, 讀中一: after
    # "this school" or a verb of studying (Hong Kong's 中一 … 中六 too)
    re.compile(
        r"(?<=中学|学校)[初高][一二三](?![\u4e00-\u9fff]{0,1}年)|[初高][一二三](?=读书|就读|在读|学生|年级)"
        r"|(?<=本校)[初高][一二三](?![\u4e00-\u9fff]{0,1}年)"
        r"|(?:(?<=[讀读升])|(?<=读到)|(?<=讀到))(?:[初高國国][一二三]|中[一二三四五六])(?![\u4e00-\u9fff]{0,1}[年级級])"
        # a pupil in a chat: "不想上学的猫：初三了 天天考试"
        r"|(?<=[：:])[^\S\n]*[初高][一二三](?=了[^\S\n，,。])"
    ),
    # 一二年级的时候: two grades said together
    re.compile(r"(?<![一二三四五六七八九十])[一二三四五六][一二三四五六]年级"),
    # 父亲说自己初三时, 國小六年級: a grade said of a time of life; Taiwan's primary grades
    re.compile(r"(?<![月年正腊臘])[初高][一二三](?=时|的时候|那年)|[国國]小[一二三四五六]年[级級]"),
    # je to moje kamoska od primy: the first gymnasium years after a preposition (bare, "prima"
    # is "great" and "sekunda" a second: "v sekundě to bylo pryč" stays)
    re.compile(
        r"(?:(?<=\bod\s)|(?<=\bdo\s)|(?<=\bze\s)|(?<=\bve\s)|(?<=\bz\s)|(?<=\bv\s))"
        r"(?:prim[yěeu]|tercie|tercii)(?!\w)"
        r"|(?:(?<=\bod\s)|(?<=\bze\s)|(?<=\bz\s))sekundy(?!\w)"
    ),
    # od přípravné třídy, v přípravné třídě: a pupil's preparatory class (where they are or
    # were; "přípravná třída" named as a kind of class stays)
    re.compile(
        r"(?:(?<=\bod\s)|(?<=\bz\s)|(?<=\bze\s)|(?<=\bdo\s)|(?<=\bv\s)|(?<=\bve\s))"
        r"přípravn(?:é|ou|í)[^\S\n]+tříd(?:y|ě|u|ou)(?!\w)"
    ),
    # chalan z tretieho ročníka, ve třetím ročníku: a year of study in words (Slovak and Czech)
    re.compile(
        r"(?<!\w)(?:prvého|druhého|tretieho|štvrtého|piateho|šiesteho|siedmeho|ôsmeho|deviateho"
        r"|prvom|druhom|treťom|štvrtom|piatom|šiestom|siedmom|ôsmom|deviatom"
        r"|prvního|druhého|třetího|čtvrtého|pátého|šestého|sedmého|osmého|devátého"
        r"|prvním|druhém|třetím|čtvrtém|pátém|šestém|sedmém|osmém|devátém)"
        r"[^\S\n]+ročník(?:a|u|e|om)?(?!\w)(?![^\S\n]+(?:festivalu|soutěže|konference|akce|závodu))"
    ),
    # "v pololetí osmé má čtyřku", "na konci deváté": a class said by its ordinal alone, after the
    # half-year or the end of it
    re.compile(
        r"(?<=pololetí[^\S\n])(?:první|druhé|třetí|čtvrté|páté|šesté|sedmé|osmé|deváté)(?!\w)"
        r"|(?<=na[^\S\n]konci[^\S\n])(?:první|druhé|třetí|čtvrté|páté|šesté|sedmé|osmé|deváté)"
        r"(?![^\S\n]*(?:hodiny|kapitoly|lekce|části|sezóny|série|minuty|etapy))(?!\w)"
    ),
]
# ПС-24-2 тобы, group HSC-L3-2, ФК-23-1 тобы: a college group's code with two number groups
_GROUP_CODE = re.compile(
    r"(?<![\w-])(?P<c>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,4}(?:-[A-Z0-9]{1,3})?-\d{1,3}-\d{1,3})"
    rf"(?={_H}+(?:тобы\w*|группы|group|cohort|skupin\w*))"
    rf"|(?:(?<=\b[Gg]roup{_H})|(?<=групп[аеыу]{_H}))(?P<d>[A-ZА-ЯЁ]{{2,4}}(?:-[A-ZА-ЯЁ0-9]{{1,3}}){{1,3}})(?![\w-])"
)
# из 9в, с 11а: a class written in a chat, after a word for where someone is from; учится на 1
# курсе: a college's year (not a course of treatment: "на 2 курсе химиотерапии")
_CHAT_CLASS = re.compile(
    rf"(?<![\w-])(?:из|с|со|в){_H}+(?P<c>{_GRADE}[а-еА-Е])(?![\w-])"
    rf"|(?<![\w-])(?:на|с){_H}+(?P<d>[1-6](?:-?м)?{_H}+курс[еау])(?![\w-])"
    rf"(?!{_H}+(?:лечени|химио|терапи|ХТ|ПХТ|антибиот|реабилит|массаж|при[её]м|облучени|лучев"
    # (nor before the college it is a year of, which is masked itself: "на 1 курсе колледжа «…»")
    rf"|колледж|университет|институт|техникум|училищ|академи|вуз))"
)
# A college's year said right after it: "в … техникуме, 2 курс", "аграрлық колледжде 1 курста"
_COLLEGE_YEAR = re.compile(
    rf"(?i:колледж|техникум|училищ|университет|институт|академи)[а-яёәғқңөұүһі]*(?:,|{_H}—)?{_H}+"
    rf"(?P<c>[1-6](?:-?м|-?ші|-?шы)?{_H}?курс(?:а|е|у|та|қа|ы|ында)?)(?![\w-])"
)
# "Mateo Ruiz        6th    teacher": an ordinal alone in an aligned table's column
_COLUMN_ORDINAL = re.compile(rf"(?<={_H}{_H})(?P<c>(?:1[0-2]|[1-9])(?:st|nd|rd|th))(?={_H}{_H})")

_MONTH_NUMBER = r"(?:0?[1-9]|1[0-2])"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR = r"(?:19|20)\d\d"
# 24 .03. 2026, 24 /3/ 2026, 2026 . 3 . 24: a scanned form's date, spaces around its separators
_SPACED_DATE = re.compile(
    rf"(?<![\d.]){_DAY}{_H}?([./]){_H}?{_MONTH_NUMBER}{_H}?\1{_H}?{_YEAR}(?!\d)"
    rf"|(?<!\d){_YEAR}{_H}?([./]){_H}?{_MONTH_NUMBER}{_H}?\2{_H}?{_DAY}(?![\d.])"
)
# 18-ші қаңтар: a Kazakh ordinal day before its month
_KK_ORDINAL_DATE = re.compile(
    rf"(?<!\d){_DAY}-(?:ші|шы|інші|ыншы|нші|ншы){_H}+(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз"
    r"|қыркүйе[кг]|қазан|қараша|желтоқсан)\w*",
    re.IGNORECASE,
)
# "11 и 12 марта", "11. a 12. 3. 2024", "7th and 8th March": the first day of two before the date
_FIRST_DAY = re.compile(rf"(?<![\d.]){_DAY}(?:st|nd|rd|th)?\.?{_H}+(?:и|a|and|&|і|және){_H}+\Z")
_WEEKDAY = re.compile(
    rf"(?<!\w)(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    rf"|(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)\.?),?{_H}+(?:the{_H}+)?\Z"
)


def find(text: str) -> Iterator[Span]:
    """Classes and dates by the shapes above."""
    for pattern in gates.live(_CLASSES, text):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "CLASS", "pattern")
    for pattern in (_GROUP_CODE, _CHAT_CLASS, _COLUMN_ORDINAL, _COLLEGE_YEAR):
        for m in pattern.finditer(text):
            group = "d" if m.groupdict().get("d") else "c"
            yield Span(m.start(group), m.end(group), "CLASS", "pattern")
    for m in _SPLIT_CLASS.finditer(text):
        a, b = (m.group("a"), m.group("b")) if m.group("a") else (m.group("c"), m.group("d"))
        if int(b) == int(a) + 1:
            yield Span(m.start(), m.end(), "CLASS", "pattern")
    for pattern in (_SPACED_DATE, _KK_ORDINAL_DATE, _DASHED_MONTH_DATE):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "DATE", "pattern")


# A class of two year groups: "4/5J", "5/6K"; "3rd/4th combo", "a 1st/2nd split"
_SPLIT_CLASS = re.compile(
    r"(?<![\w/.])(?P<a>[1-9])/(?P<b>[1-9])[A-Z](?![\w/])"
    r"|(?<![\w/.])(?P<c>[1-9])(?:st|nd|rd|th)/(?P<d>[1-9])(?:st|nd|rd|th)"
    r"[^\S\n]+(?:grade[^\S\n]+)?(?:combo|split|composite)(?:[^\S\n]+class)?(?![\w-])"
)
# "12-Mar-2026", "3-Sep-25": a date with its month's short name between dashes
_DASHED_MONTH_DATE = re.compile(
    r"(?<![\w-])(?:0?[1-9]|[12]\d|3[01])-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
    r"-(?:19|20)?\d\d(?![\w-])"
)
_RANGE_START = re.compile(r"(?<![\d.])\d{1,2}[^\S\n]?[–-][^\S\n]?\Z")
# zh: a college group's code with its class word (护理2501班), a preparatory class (预备（3）班)
_ZH_CLASS = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}\d{3,4}班|预备[（(]\d{1,2}[)）]班?"
)


def zh_classes(text: str) -> Iterator[Span]:
    """Chinese class codes the grade patterns do not take."""
    if "班" in text or "预备" in text:
        for m in _ZH_CLASS.finditer(text):
            yield Span(m.start(), m.end(), "CLASS", "pattern")


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Dates grown over the first day of a two-day span and an English weekday before them."""
    for span in spans:
        if span.kind == "CLASS" and text[span.start : span.start + 1].isdigit():
            # "5–6-сыныптар", "7–8 classes": a range of year groups is one class
            lower = _RANGE_START.search(text, max(0, span.start - 6), span.start)
            if lower:
                yield Span(lower.start(), span.end, "CLASS", "pattern")
        if span.kind != "DATE" or not text[span.start : span.start + 1].isdigit():
            continue
        window = text[max(0, span.start - 24) : span.start]
        for pattern in (_FIRST_DAY, _WEEKDAY):
            before = pattern.search(window)
            if before:
                yield Span(span.start - len(before.group()), span.end, "DATE", "pattern")
