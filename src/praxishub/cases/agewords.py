"""Ages over 89 said of a person: after a copula in words, or after a name or kin word as a number.

Rules: "her mother-in-law is ninety-one", "he turned ninety-three": an English number
word from 90 to 119 after a verb of being or turning is an age; so is a number from 90
to 119 written after a comma that follows a name or a kin word, at a line's or a
column's end or with a unit of years ("grandmother, 96", "Зинаида Павловна, 93 г."); so is
a number from 90 to 119 after "she is" or "he was" (not with a unit of weight, a percent or
a score's "/"), and a Kazakh number from ninety in words before "толады" or "жаста", and a Czech one after "v"
or "je jí" (spoken "tý je" too). "I've been ninety-six", "I'm ninety-one" are ages; so is
"Her mother, ninety-two in May" (a kin word, a comma, and when it is reached); so is a number
from 90 to 119 in brackets after a Chinese parent or elder ("照顾母亲（93）") or with a kin word
inside the brackets, as a log's column writes it ("(анасы 91)", "(mum 93)").

Limits: an age in words with no verb before it and no unit after it ("ninety-one and
still driving") is not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_EN_UNIT = r"one|two|three|four|five|six|seven|eight|nine"
_KK_UNIT = r"бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз"
_COPULA = re.compile(
    rf"(?i)\b(?:is|was|turned|turns|turning|aged|reached|shes|hes|she's|he's|lived{_H}+to(?:{_H}+be)?|made{_H}+it{_H}+to"
    # "I've been ninety-six for seven months", "I'm ninety-one"
    rf"|(?:I've|Ive|I{_H}+have|she{_H}+has|he{_H}+has){_H}+been|I'm|I{_H}+am)(?:{_H}+(?:now|nearly|almost|just|about|around))?{_H}+"
    rf"(?P<a>ninety(?:(?:-|{_H})(?:{_EN_UNIT}))?|a{_H}hundred(?:{_H}and{_H}(?:{_EN_UNIT}))?)"
    rf"(?![\w-])(?!{_H}+(?:percent|per|minutes|dollars|pounds|miles|%))"
)
_KIN = (
    r"(?:grandmother|grandfather|grandma|grandpa|gran|nan|great-grandmother|mother|father"
    r"|бабушка|дедушка|прабабушка|babička|dědeček|děda|prababička|әжесі|әже|атасы|奶奶|爷爷|姥姥|外婆|太婆)"
)
_NAMED = re.compile(
    rf"(?:{_KIN}|[A-ZА-ЯЁ][a-zа-яё]+{_H}+[A-ZА-ЯЁ][a-zа-яё]+),{_H}*(?P<a>9\d|1[01]\d)"
    rf"(?:{_H}*(?:г\.|лет|года|y/?o|yrs?|years)|(?={_H}*$|{_H}{{2,}}))",
    re.MULTILINE,
)

# "she is \"about 90\"", "he was 93": a number after a person's pronoun and a verb of being
_PRONOUN = re.compile(
    rf"(?i)\b(?:she|he)(?:'s|{_H}+(?:is|was|turned|turns|will{_H}+be))(?:{_H}+(?:now|nearly|almost|just))?"
    rf"{_H}+[\"“]?(?:(?:about|around|over|nearly|almost){_H}+)?(?P<a>9\d|1[01]\d)(?![\w.,%-]\d|[\w%-])"
    rf"(?!{_H}*(?:percent|per|kg|cm|lbs?|minutes|pounds|dollars|miles|%|/))"
)
# "биыл тоқсан алтыға толады": a Kazakh age from ninety in words, with its case ending
_KK = re.compile(
    rf"(?i)(?<![^\W\d_])(?P<a>тоқсан(?:{_H}+(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз)[а-яәғқңөұүһі]{{0,4}}"
    rf"|[а-яәғқңөұүһі]{{0,4}}))(?={_H}+(?:толады|толды|толған|толмақ|жаста|жасқа|жасында|жастағы|жасар|шықты|шығады))"
)
# "v devadesáti třech", "je jí devadesát jedna let": a Czech age from ninety in words
_CS_UNIT = (
    r"(?:jedna|jedné|jednom|dva|dvou|tři|třech|čtyři|čtyřech|pět|pěti|šest|šesti|sedm|sedmi"
    r"|osm|osmi|devět|devíti)"
)
_CS_MONTH_IN = (
    r"lednu|únoru|březnu|dubnu|květnu|červnu|červenci|srpnu|září|říjnu|listopadu|prosinci"
)
_CS = re.compile(
    # (spoken "tý je devadesát jedna": tý for jí)
    rf"(?i)(?:\b(?:ve?|(?:je|bude|bylo){_H}+(?:mu|jí|mi|mně|tý)|(?:mu|jí|mi|mně|tý){_H}+(?:je|bude|bylo))"
    rf"{_H}+(?:(?:v{_H}+(?:{_CS_MONTH_IN})|letos|už|teď|skoro){_H}+)?)"
    rf"(?P<a>devadesát(?:i|ti)?(?:{_H}+{_CS_UNIT})?)(?![\w-])"
    rf"(?!{_H}+(?:procent|korun|minut|bodů|kilo|km)|{_H}*%)"
)
# "S devadesátkou jsem nepočítala": the age as a noun, with "s" ("se stovkou" is as often money)
_CS_NOUN = re.compile(r"(?i)(?<![\w-])(?:s|se)[^\S\n]+(?P<a>devadesátkou)(?![\w-])")
# "\"ninety-one last week, pet\"", "\"ninety-four in May\"": an age said with when it was (or
# will be) reached, opening a quoted reply
# ("we had ninety last week" counts people)
_EN_WHEN = re.compile(
    # ("Her mother, ninety-two in May, has been in hospital": after a kin word and a comma)
    rf"(?i)(?:(?<=[\"“])|\b(?:mother|father|mum|mom|dad|nan|gran|grandmother|grandfather|grandma"
    rf"|grandpa|aunt|uncle),{_H}+)(?P<a>ninety(?:(?:-|{_H})(?:{_EN_UNIT}))?|a{_H}hundred)"
    rf"(?={_H}+(?:last|this){_H}+(?:week|month|year|birthday|christmas)\b"
    # '"ninety-four in May, sharp as anything"': the month it is reached in
    rf"|{_H}+in{_H}+(?-i:January|February|March|April|May|June|July|August|September|October"
    rf"|November|December)\b)"
)
# A table's row: the sex, then the age, or the age, then the sex, between columns or middle
# dots: "Wallsend    F 91     GL", "DOB 1931-07-22 · 94 M · MRN"
_SEX_AGE = re.compile(
    rf"(?m)(?:(?<=[^\S\n]{{2}})|(?<=·{_H})|(?<=\t)|^)"
    rf"(?:[FMЖМ]{_H}(?P<a>9\d|1[01]\d)|(?P<b>9\d|1[01]\d){_H}[FMЖМ])"
    rf"(?=[^\S\n]{{2}}|{_H}·|\t|{_H}*$)"
)
# "анасы (94)", "mother (92)", "péče o matku (91)", "анасы (тоқсанда)": a kin word with the
# age in brackets
_KIN_BRACKET = re.compile(
    r"(?i)(?<![\w-])(?:анасы|мамасы|әжесі|атасы|мама|мать|бабушка|дедушка|mother|mum|mom|nan|gran"
    r"|grandmother|grandfather|babička|děda|matka|máma|tchyní|tchyně|tchán|tchánem|babičkou"
    # the Czech kin words' other cases: "péče o matku (91)", "s babičkou (94)"
    r"|matku|matce|matkou|mámu|mámě|mámou|maminku|mamince|maminkou|otce|otcem|otci|tátu|tátou"
    r"|tátovi|babičku|babičce|dědu|dědou|dědovi|dědečka|dědečkem|dědečkovi"
    # Kazakh: "анасы (тоқсанда)", a mother in her nineties
    r"|әкесі|шешесі|енесі|енем|анам|әжем)[^\S\n]*\("
    r"(?P<a>9\d|1[01]\d|devadesát(?:[^\S\n]+(?:jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět))?"
    rf"|тоқсан(?:[^\S\n]+(?:{_KK_UNIT}))?(?:да|де|та|те)?)[),]"
)
# "(анасы 91)", "(mum 93)": a kin word and the age together in brackets, as a log's column has it
_KIN_AGE_BRACKET = re.compile(
    r"(?i)[(（](?:анасы|әжесі|атасы|әкесі|шешесі|мать|мама|бабушка|дедушка|mum|mom|mother|nan"
    r"|gran|grandmother|grandfather|father|dad|matka|máma|babička|děda)[^\S\n]+(?P<a>9\d|1[01]\d)"
    r"(?:[^\S\n]*(?:y/?o|yrs?|лет|года|г\.|жаста|жас|let))?[)）]"
)
# "Her mum, 94, in Stonehaven": a kin word, then the age between commas
_KIN_COMMAS = re.compile(
    r"(?i)\b(?:her|his|my|their)[^\S\n]+(?:mum|mom|mother|dad|father|nan|gran|grandmother|grandfather)"
    r",[^\S\n]*(?P<a>9\d|1[01]\d),"
)
# "полных лет: 96": a form's label for the full years
_RU_FULL_YEARS = re.compile(r"(?i)полных[^\S\n]+лет[:：]?[^\S\n]*(?P<a>9\d|1[01]\d)(?![\d.,/-]?\d)")
# "我活到九十四了", "自己“九十三了": a Chinese age said as reached
_ZH_NUMBER = (
    r"(?:九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九]|一十[一二三四五六七八九]?)?)"
)
_ZH_REACHED = re.compile(
    rf"(?:活到|活了|已经|都)(?P<a>{_ZH_NUMBER})(?=岁|了)|[“\"「](?P<b>{_ZH_NUMBER})(?=岁?了)"
    # "屋里还有个太公，九十四了": an elder, then the age
    rf"|(?:太公|太婆|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|老人家?)[，,](?P<c>{_ZH_NUMBER})(?=岁?了)"
    # "照顾母亲（93）": a parent or elder with the age in brackets
    r"|(?:母亲|父亲|奶奶|爷爷|外婆|外公|姥姥|姥爷|婆婆|公公|太公|太婆)[（(](?P<d>9\d|1[01]\d)(?=岁?[）)])"
)


def find(text: str) -> Iterator[Span]:
    """Ages over 89 by the rules above."""
    for pattern in (
        _COPULA,
        _NAMED,
        _PRONOUN,
        _KK,
        _CS,
        _CS_NOUN,
        _EN_WHEN,
        _SEX_AGE,
        _KIN_BRACKET,
        _KIN_COMMAS,
        _KIN_AGE_BRACKET,
        _RU_FULL_YEARS,
        _ZH_REACHED,
    ):
        for m in pattern.finditer(text):
            group = next(g for g in ("a", "b", "c", "d") if g in pattern.groupindex and m.group(g))
            yield Span(m.start(group), m.end(group), "AGE", "ageword")
