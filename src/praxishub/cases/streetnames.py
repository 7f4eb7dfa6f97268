"""Streets named without a house number, after a word that places someone on them.

Rule: a street is found by its type word ("na Smetanově ulici", "on Alder Ave", "на
Заречном проспекте", "off county road 12"), not by a list of streets; the layers in
``addressparts`` and ``streets`` need a house number, these do not. In speech written
in lower case, the words before the street's type must not be a determiner or an
adjective of any road ("on the main road" stays).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_EN_TYPES = (
    r"(?:Avenue|Ave|Road|Rd|Street|St|Lane|Ln|Drive|Boulevard|Blvd|Terrace|Crescent|Close"
    r"|Highway|Hwy|Pike|Parkway|Pkwy|Trail|Trl)"
)
_STREETS = (
    # cs: na Smetanově ulici, u Masarykova náměstí, na Pospíšilově tř.
    re.compile(
        rf"(?<![\w.])[{_CS_UP}][{_CS_LO}]+(?:ov|in|sk|ck|n)[{_CS_LO}]{{1,3}}{_H}+"
        r"(?:ulic[eií]|uli?c[ií]|náměstí(?:m)?|nábřeží(?:m)?|třídě|třídy|třídu|třída|tř\.)"
    ),
    # cs: v ulici Na Šibeníku, do ulice U Trati, z ulice Komenského
    re.compile(
        rf"(?<![\w.])ulic[eií]{_H}+(?:(?:Na|U|V|K|Pod|Nad|Za|Před){_H}+)?[{_CS_UP}][{_CS_LO}]+"
        rf"(?:{_H}+[{_CS_UP}][{_CS_LO}]+)?"
    ),
    # en: on Alder Ave, off Mill Creek Road
    re.compile(
        rf"\b(?:on|off|along|near|onto|down|up|from){_H}(?P<s>(?!The\b)(?:[A-Z][a-z'’]+{_H}+){{1,3}}{_EN_TYPES}\b\.?)"
    ),
    # en, in lower case: off highway 80, on crab orchard road, county road 12
    re.compile(
        rf"\b(?:on|off|along|onto|down|up){_H}(?P<s>"
        rf"(?!(?:the|a|an|my|our|your|his|her|their|this|that|main|same|next|other|back|side|old|new)\b)"
        rf"(?:(?:[a-z]+{_H}+){{1,3}}(?:road|street|avenue|lane|drive|pike|highway)\b(?:{_H}+\d{{1,4}})?"
        rf"|(?:highway|route|county{_H}+road){_H}+\d{{1,4}}\b))"
    ),
    # ru: на Заречном проспекте, по Пошехонскому шоссе
    re.compile(
        r"(?<!\w)(?:на|по|за|к)\s(?P<s>[А-ЯЁ][а-яё]+(?:ом|ой|ему|ому|ем|ий|ый|ое|ая)\s+"
        r"(?:проспекте|проспекту|проспект|шоссе|бульваре|бульвару|переулке|набережной|тракте))(?!\w)"
    ),
)


def find(text: str) -> Iterator[Span]:
    """Streets by their type word, without a house number."""
    for pattern in gates.live(_STREETS, text):
        for m in pattern.finditer(text):
            group = "s" if "s" in pattern.groupindex else 0
            yield Span(m.start(group), m.end(group), "ADDRESS", "street-name")
