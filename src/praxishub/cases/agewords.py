"""Ages over 89 said of a person: after a copula in words, or after a name or kin word as a number.

Rules: "her mother-in-law is ninety-one", "he turned ninety-three": an English number
word from 90 to 119 after a verb of being or turning is an age; so is a number from 90
to 119 written after a comma that follows a name or a kin word, at a line's or a
column's end or with a unit of years ("grandmother, 96", "Зинаида Павловна, 93 г."); so is
a number from 90 to 119 after "she is" or "he was" (not with a unit of weight, a percent or
a score's "/"), and a Kazakh number from ninety in words before "толады" or "жаста", and a Czech one after "v"
or "je jí".

Limits: an age in words with no verb before it and no unit after it ("ninety-one and
still driving") is not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_EN_UNIT = r"one|two|three|four|five|six|seven|eight|nine"
_COPULA = re.compile(
    rf"(?i)\b(?:is|was|turned|turns|turning|aged|reached|shes|hes|she's|he's)(?:{_H}+(?:now|nearly|almost|just|about|around))?{_H}+"
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
_CS = re.compile(
    rf"(?i)(?:\b(?:ve?|je{_H}+(?:mu|jí)|bude{_H}+(?:mu|jí)|bylo{_H}+(?:mu|jí)){_H}+)"
    rf"(?P<a>devadesát(?:i|ti)?(?:{_H}+{_CS_UNIT})?)(?![\w-])"
)


def find(text: str) -> Iterator[Span]:
    """Ages over 89 by the rules above."""
    for pattern in (_COPULA, _NAMED, _PRONOUN, _KK, _CS):
        for m in pattern.finditer(text):
            yield Span(m.start("a"), m.end("a"), "AGE", "ageword")
