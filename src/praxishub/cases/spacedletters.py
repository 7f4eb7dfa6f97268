"""Words that OCR read letter by letter: "Н а т а л ь я", "Х а б а р о в с к".

Rule: scanned forms print some fields in letter-spaced type, and OCR keeps the spaces. A
run of four or more single letters one space apart, a capital and then small letters, is
one word. It is a name where names stand: beside a found person (another part of the same
name: "Ковалёва Н а т а л ь я  Викторовна"), before initials ("Ш е в ч е н к о  Г. А."), or
a town after a town's abbreviation ("г. Х а б а р о в с к") or before Kazakh's ("Ө с к е м е н
қ."). It is masked as written, and joined to the person beside it.

Limits: a spaced word with nothing of a name around it is left (headings and stamps are
spaced for emphasis: "З а к л ю ч е н и е"); letters in capitals only ("Х А Б А Р О В С К")
and a word broken at a line's end are not read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽА-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "a-záčďéěíňóřšťúůýžа-яёәғқңөұүһі"
_SPACED = re.compile(rf"(?<![\w.])[{_UP}](?: [{_LO}]){{3,}}(?![\w.])")
_TOWN_BEFORE = re.compile(r"(?:\bг\.|\bгор\.|\bгород|\bм\.|\bқ\.|\bměsto)[^\S\n]*$")
# Kazakh writes the town's word after it: "Ө с к е м е н қ.", "Т а р а з қаласы"
_TOWN_AFTER = re.compile(r"[^\S\n]{1,3}(?:қ\.|қаласы|қаласының|ауылы|кенті)(?![\w])")
_INITIALS_AFTER = re.compile(rf"[^\S\n]{{1,3}}[{_UP}]\.[^\S\n]?[{_UP}]\.")
_GAP = 3  # spaces between the spaced word and a found name beside it


def find(text: str, found: list[Span]) -> Iterator[Span]:
    """Spaced words that are names, by the rules above."""
    if " " not in text:
        return
    people = [s for s in found if s.kind == "PERSON"]
    for m in _SPACED.finditer(text):
        start, end = m.start(), m.end()
        if _TOWN_BEFORE.search(text, max(0, start - 8), start) or _TOWN_AFTER.match(text, end):
            yield Span(start, end, "PLACE", "spaced")
            continue
        initials = _INITIALS_AFTER.match(text, end)
        if initials:
            yield Span(start, initials.end(), "PERSON", "spaced")
            continue
        for person in people:
            before = 0 < start - person.end <= _GAP and not text[person.end : start].strip()
            after = 0 < person.start - end <= _GAP and not text[end : person.start].strip()
            if before or after:
                yield Span(min(start, person.start), max(end, person.end), "PERSON", "spaced")
