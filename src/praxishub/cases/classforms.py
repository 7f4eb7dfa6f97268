"""Classes written in words, in codes after a group word, and by the names schools give them.

Rules:
- a grade written as an ordinal word with the word for class, in any case: "третьего
  класса", "Төртінші сынып", "druhé třídy", "second grade", "6th grader"; a pre-kindergarten class
  ("pre-k"); a Chinese junior or senior year (初一 … 高三) standing alone between commas
  (not "初三女生", "初三以来", a lunar "初一");
- a group or class code right after its word (тобы ПД-23-2, třídy SE1, skupiny DIS2,
  class 5 Oak, set 8M2), and a college group code of letters and two numbers anywhere (МБ-24-1);
- a named primary class ("Oak Class", "Willow Class");
- a US grade by its number where it is a pupil's ("in grade 6", "a grade 4 student", not
  "a grade 6 in maths") and a UK year abbreviated ("Y7");
- a Scottish year group (S1-S6, P1-P7) as a pupil's year ("an S3 pupil", "in P7"), or in a
  comma-separated list with school words near it (not "P1:" or "S1 and S2");
- not a grade that names a reading level ("a second grade level"); a syllabus's grade
  ("программа третьего класса") is taken, as the sets mark it.

Limits: a grade said in another order ("nine tee", "жетінші бе") or a course code
without its group word ("obor kuchař, K1") is not found; Czech colloquial letter-classes
("z béčka") are left, as the sets disagree on them; "Oak Class" is taken only with
both words capitalised.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_RU_ORDINALS = (
    r"(?:перв|втор|трет|четв[её]рт|пят|шест|седьм|восьм|девят|десят|одиннадцат)[а-яё]{1,4}"
)
_KK_ORDINALS = (
    r"(?:бірінші|екінші|үшінші|төртінші|бесінші|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы"
    r"|он{_H}+бірінші)"
).replace("{_H}", _H)
_CS_ORDINALS = (
    r"(?:prvn|druh|třet|čtvrt|pát|šest|sedm|osm|devát)(?:í|é|ý|á|ou|ých|ým|ými|ém|ího|ímu)"
)
_EN_ORDINALS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|1[0-2]th|[4-9]th|1st|2nd|3rd)"
)
_WORDS = re.compile(
    rf"(?i)(?<![\w-])(?:{_RU_ORDINALS}{_H}+класс[а-я]*|{_KK_ORDINALS}{_H}+сынып[{'а-яәғқңөұүһі'}]*"
    rf"|{_CS_ORDINALS}{_H}+tříd[a-zěáy]{{0,3}}"
    rf"|{_EN_ORDINALS}(?:{_H}grade(?:rs?)?|-grader?s?(?!{_H}+(?:class|teacher|level|work)))"
    rf"|pre-?k(?:indergarten)?)(?![\w-])"
    r"|(?<=[，,、；;：:\s（(])[初高][一二三](?=[，,、。；;）)\s])"
    # 小学三年级, 读小四, 讀到小五: a primary or middle school's year with its school word, a
    # primary year cut short after a verb of attending
    r"|(?:小学|初中|高中)[一二三四五六]年级|(?:(?<=[读上念])|(?<=读到)|(?<=讀到)|(?<=升上))小[一二三四五六](?![\u4e00-\u9fff]?年)"
    # čtvrťáku, deváťáci, prvňáček: a Czech pupil called by the grade
    r"|(?<![\w-])(?:prvň|druh|třeť|čtvrť|páť|šesť|sedm|osm|deváť)á(?:k|c|č)[a-zěáůí]{0,5}(?![\w-])"
    # "do tercie", "v primě": a gymnasium's first years, after a preposition
    r"|(?:(?<=\bdo )|(?<=\bv )|(?<=\bve )|(?<=\bz )|(?<=\bze )|(?<=\bod ))(?:terci[ei]|prim[ěyu])(?![\w-])"
)
# A Kazakh class said aloud, its letter by the letter's name and a case ending: "алтыншы гэдағы",
# "алтыншы бэден", "үшінші ә класта"
_KK_SPOKEN_LETTER = re.compile(
    rf"(?i)(?<![\w-]){_KK_ORDINALS}{_H}+(?:(?:бэ|бе|вэ|ве|гэ|ге|дэ|де)"
    rf"(?:дағы|дегі|дан|ден|нан|нен|да|де|ға|ге|ның|нің|ны|ні)"
    # (a vowel's name only with the word for class: "үшінші ә класта", not "үшінші әні", a song)
    rf"|(?:а|ә|бэ|бе|вэ|ве|гэ|ге|дэ|де|е){_H}+(?:клас|сынып)[а-яәғқңөұүһі]*)(?![\w-])"
)
# "с первого класса", "od první třídy": since a grade, a time rather than a pupil's class
_SINCE = re.compile(r"(?i)(?:^|[^\w])(?:с|со|до|od|since|from)[^\S\n]+\Z")
# "reads at a second grade level": a level, not a pupil's class
_LEVEL_AFTER = re.compile(r"(?i)[^\S\n]*(?:reading[^\S\n]+)?(?:level|equivalent|standard)\b")
# a code after its group or class word: тобы ПД-23-2, třídy SE1, skupiny DIS2, class 5 Oak
_AFTER_WORD = re.compile(
    rf"(?<![\w-])(?:set|тобы|тобында|тобының|группа|группы|группе|гр\.|skupin[aeyiu]|třídy|třída|třídě"
    rf"|class|tutor{_H}+group|reg{_H}+class){_H}+"
    rf"(?P<c>(?<!set{_H})(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{{1,4}}(?:-?\d{{1,2}}){{1,2}}[A-Z]?|\d{{1,2}}{_H}?[A-Z][a-z]{{2,10}}"
    # "ve své třídě 4-A", "class 7.B": a grade and its letter
    rf"|(?:1[0-3]|[1-9])[.-]?[A-ZА-ЯЁ](?![\w.-]))"
    # a maths set after its word: year, subject letter, set number ("set 8M2")
    rf"|(?<=set{_H})(?:1[0-3]|[1-9])[A-Z][a-z]?\d)(?![\w-])"
)
# МБ-24-1: a college group's letters, intake year and number
_CODE = re.compile(r"(?<![\w-])[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,4}-\d{2}-\d{1,2}(?![\w-])")
_NAMED = re.compile(
    r"(?<![\w-])(?!(?:First|Second|Third|Middle|Upper|Lower|Working|World|Business|Economy|Master"
    r"|Art|Music|Dance|Yoga|The|This|That|Each|Every|Our|Your|His|Her|Their|Top|High|Maths?"
    r"|English|Science|History|Geography|Drama|French|Spanish|German|Computing|Cookery|Swimming"
    r"|Fitness|Exercise|Parenting|Cooking|Language|Reading|Writing|Nurture|Support|Special)\b)"
    r"[A-Z][a-z]{2,12}[^\S\n]Class\b"
)
# "in grade 6", "a grade 4 student", "Y7": a US grade by its number, a UK year abbreviated
# (not a mark: "got a grade 6 in maths" stays)
_NUMBERED = re.compile(
    rf"(?<![\w-])(?:(?<=in{_H})|(?<=into{_H})|(?<=entering{_H})|(?<=repeating{_H})|(?<=after{_H})|(?<=finished{_H})|(?<=until{_H}))grade{_H}(?:1[0-2]|[1-9]|K)(?![\w-])"
    rf"|(?<![\w-])grade{_H}(?:1[0-2]|[1-9])(?={_H}+(?:student|pupil|class|teacher)s?\b)"
    # "Jonah Pitseolak, grade 9 at Tasiujaq Ilinniarvik": a pupil's grade at a named school
    rf"|(?<=,{_H})grade{_H}(?:1[0-2]|[1-9])(?={_H}+at{_H}+(?!GCSE|A[- ]?[Ll]evel)[A-Z])"
    # "Beryl Otieno, Form 3 North, Adm. No.": a Kenyan form with its stream, after a pupil
    rf"|(?<=,{_H})Form{_H}[1-6]{_H}(?:North|South|East|West|Blue|Red|Green|Yellow|[A-Z])(?=,|{_H}\()"
    r"|(?<![\w-])Y(?:1[0-3]|[1-9])(?![\w-])"
    # "finished klasa 5b": a Polish class in its own words
    r"|(?<![\w-])klas(?:a|y|ie|ę|ą)[^\S\n]+[1-8][a-h]?(?![\w-])"
    # "(B.N., 11th gr)": a grade cut short
    r"|(?<![\w-])(?:1[0-2]|[1-9])(?:st|nd|rd|th)[^\S\n]+gr\.?(?![\w-])"
)
# A student's year ("студент 1 курса") and a kindergarten's school-entry group ("до
# подготовительной группы")
_RU_COURSE = re.compile(
    rf"(?<![\w-])(?:студент\w*|обучающ\w+|курсант\w*){_H}+(?P<c>[1-6](?:-?(?:го|й|м))?{_H}+курс[а-я]*)"
    rf"|(?<![\w-])(?P<g>подготовительн[а-я]+{_H}+групп[а-я]*)",
    re.IGNORECASE,
)
# A form's field: "Grade: 4", "Year: 7", "Year group: 10" (a mark reads "Grade: 6 in maths")
_FIELD = re.compile(
    r"(?<![\w-])(?:Grade|Year(?:[^\S\n]+group)?|Yr)(?:[^\S\n]*/[^\S\n]*(?:Année|Niveau|Classe))?"
    r"[^\S\n]*:[^\S\n]*(?P<c>(?:1[0-3]|[1-9]|K|R)[A-Z]?)"
    r"(?![\w/.:-])(?![^\S\n]+(?:in|for|on|at)\b)"
)
# S1-S6, P1-P7 also label sessions, participants and heart sounds ("P1:", "S1 and S2"):
# taken only as a pupil's year ("an S3 pupil", "in P7", "S2 class")
_SCOTTISH = re.compile(
    # (the lookahead first lets every other position fail at once: 6x faster)
    r"(?=[SP][1-7])(?:(?:(?<=\bin[^\S\n])|(?<=\binto[^\S\n])|(?<=\ban[^\S\n])|(?<=\ba[^\S\n])"
    r"|(?<=\bher[^\S\n])|(?<=\bhis[^\S\n])|(?<=\btheir[^\S\n]))[SP][1-7](?![\w-])"
    r"|(?<![\w-])[SP][1-7](?=[^\S\n]+(?:pupils?|class|teacher|year|guidance)\b)"
    # before the school's name: "S3, Braeview Park High School", "P6, Sunnyside Primary"
    r"|(?<![\w-])[SP][1-7](?=,[^\S\n]+(?:[A-Z][\w'’-]*[^\S\n]+){1,4}(?:Academy|Primary|High|School)\b)"
    r"|(?P<listed>(?<=,[^\S\n])[SP][1-7](?=,)|(?<=·[^\S\n])[SP][1-7](?=[^\S\n]·)))"
)
# "from P5 to P7": a span of Scottish years, one CLASS without "from"
_SCOTTISH_RANGE = re.compile(
    r"(?<=\bfrom[^\S\n])(?P<r>([SP])[1-7][^\S\n]+(?:to|until)[^\S\n]+\2[1-7])(?![\w-])"
)
# A Roman-numeral class of a Polish-language school in Czechia, after its label or in brackets
# after a pupil: "Trida: VII b", "sestra Zofia (II a)"; a homeroom after its field label
_ROMAN_CLASS = re.compile(
    rf"(?:(?<![\w-])(?:Tř[ií]d[aey]|Tr[ií]d[aey]|tř[ií]d[aey]|klas[aey]){_H}*:?{_H}*|\()"
    rf"(?P<c>(?:I{{1,3}}|IV|VI{{0,3}}|IX){_H}?[a-e])(?=\)|[^\w.)]|$)"
    rf"|(?<![\w-])Homeroom{_H}*:{_H}*(?P<h>\d{{1,2}}-\d{{2,3}}|[A-Z]?\d{{1,3}}[A-Z]?)(?![\w-])"
)
# The second of two school years: "then Year 7 and 8 here", "Years 10 or 11"
_YEAR_PAIR = re.compile(
    rf"(?<![\w-])Years?{_H}+\d{{1,2}}{_H}+(?:and|or|&|to){_H}+(?P<c>\d{{1,2}})"
    rf"(?![\w-]|{_H}*(?:%|per|years?|months?|weeks?|days?|hours?|times)(?!\w))"
)
# A range of years or grades a pupil attended or a post covers: "Years 7–9", "Pre-primary to
# Year 3", "Kindergarten through 5th grade" (not "ages 7–9", "Year 2019–2021")
_GRADE = rf"(?:Years?{_H}+\d{{1,2}}|Grades?{_H}+\d{{1,2}}|\d{{1,2}}(?:st|nd|rd|th){_H}+grade)"
_GRADE_RANGE = re.compile(
    rf"(?<![\w-])(?:Years{_H}+\d{{1,2}}{_H}*[–-]{_H}*\d{{1,2}}"
    rf"|(?:Kindergarten|Pre-?primary|Pre-?school|Pre-?K|Reception|Nursery|{_GRADE})"
    rf"{_H}+(?:to|through|thru){_H}+{_GRADE})(?![\w-]|[.,]\d|{_H}*%)"
)
_SCHOOL_NEAR = re.compile(
    r"(?i)pupil|school|primary|academy|class|teacher|guidance|year|register|form\b"
)


def find(text: str) -> Iterator[Span]:
    """Classes by the shapes above."""
    for m in _WORDS.finditer(text):
        if _SINCE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if _LEVEL_AFTER.match(text, m.end()):
            continue
        yield Span(m.start(), m.end(), "CLASS", "classform")
    for m in _AFTER_WORD.finditer(text):
        yield Span(m.start("c"), m.end("c"), "CLASS", "classform")
    for pattern in (_CODE, _NAMED, _NUMBERED):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "CLASS", "classform")
    for m in _RU_COURSE.finditer(text):
        group = "c" if m.group("c") else "g"
        yield Span(m.start(group), m.end(group), "CLASS", "classform")
    for m in _FIELD.finditer(text):
        yield Span(m.start("c"), m.end("c"), "CLASS", "classform")
    for m in _ROMAN_CLASS.finditer(text):
        group = "c" if m.group("c") else "h"
        if group == "h" or m.group().startswith("(") == text.startswith(")", m.end()):
            yield Span(m.start(group), m.end(group), "CLASS", "classform")
    for m in _YEAR_PAIR.finditer(text):
        yield Span(m.start("c"), m.end("c"), "CLASS", "classform")
    for m in _GRADE_RANGE.finditer(text):
        yield Span(m.start(), m.end(), "CLASS", "classform")
    for m in _SCOTTISH_RANGE.finditer(text):
        yield Span(m.start("r"), m.end("r"), "CLASS", "classform")
    for m in _KK_SPOKEN_LETTER.finditer(text):
        yield Span(m.start(), m.end(), "CLASS", "classform")
    for m in _SCOTTISH.finditer(text):
        # in a list ("Amy Rae, S4, Braeside High"), only with school words near it
        if not m.group("listed") or _SCHOOL_NEAR.search(text, max(0, m.start() - 60), m.end() + 60):
            yield Span(m.start(), m.end(), "CLASS", "classform")
