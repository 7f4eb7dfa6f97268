"""Ages over 89 said of a person: after a copula in words, or after a name or kin word as a number.

Rules: "her mother-in-law is ninety-one", "he turned ninety-three": an English number
word from 90 to 119 after a verb of being or turning is an age; so is a number from 90
to 119 written after a comma that follows a name or a kin word, at a line's or a
column's end or with a unit of years ("grandmother, 96", "Зинаида Павловна, 93 г.").

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
    rf"(?i)\b(?:is|was|turned|turns|turning|aged|reached)(?:{_H}+(?:now|nearly|almost|just))?{_H}+"
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


def find(text: str) -> Iterator[Span]:
    """Ages over 89 by the rules above."""
    for pattern in (_COPULA, _NAMED):
        for m in pattern.finditer(text):
            yield Span(m.start("a"), m.end("a"), "AGE", "ageword")
