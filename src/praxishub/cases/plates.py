"""Number plates, long bare numbers, and the kind-word before a quoted organisation.

Rule: a vehicle's registration is found by its country's shape (Russian "А 123 ВС 77",
Kazakh "123 ABC 02", Czech "1A2 3456", British "AB12 CDE", Chinese "京A·12345"), which
no other number shares; a bare number of seven digits or more (perhaps after a letter
prefix: "XY1234567") is some identifier, whatever its label; a quoted organisation or
school takes in the word for its kind just before the quotation ("kavárně „…“",
"кафе «…»"), as the marking rules have it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_RU_PLATE_LETTERS = "АВЕКМНОРСТУХ"
_PLATES = (
    re.compile(
        rf"(?<![\w-])[{_RU_PLATE_LETTERS}][^\S\n]?\d{{3}}[^\S\n]?[{_RU_PLATE_LETTERS}]{{2}}[^\S\n]?\d{{2,3}}(?![\w-])"
    ),
    re.compile(r"(?<![\w-])\d{3}[^\S\n]?[A-Z]{2,3}[^\S\n]?\d{2}(?![\w-])"),
    re.compile(r"(?<![\w-])\d[A-Z][A-Z0-9][^\S\n]?\d{4}(?![\w-])"),
    re.compile(r"(?<![\w-])[A-Z]{2}\d{2}[^\S\n][A-Z]{3}(?![\w-])"),
    re.compile(r"[\u4e00-\u9fff][A-Z][·•.]?[A-Z0-9]{5,6}(?![\w-])"),
)
# Seven digits or more in a row, perhaps after a letter prefix and a dash.
_LONG_NUMBER = re.compile(r"(?<![\w@#/.+-])(?:[A-Z]{1,4}-?)?\d{4}-?\d{3,}(?![\w@/-])")
_QUOTED = re.compile(r"[«„“\"]")
_KIND_WORD = re.compile(r"([^\W\d_]{4,})[^\S\n]+$")


def find(text: str) -> Iterator[Span]:
    """Number plates and long bare numbers."""
    for pattern in gates.live(_PLATES, text):
        for m in pattern.finditer(text):
            if sum(ch.isdigit() for ch in m.group()) >= 2:
                yield Span(m.start(), m.end(), "ID", "plate")
    for m in _LONG_NUMBER.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) >= 7:
            yield Span(m.start(), m.end(), "ID", "long-number")


def grown(text: str, found: list[Span]) -> Iterator[Span]:
    """A quoted organisation or school with the lower-case word for its kind before it."""
    for span in found:
        if span.kind not in ("ORG", "SCHOOL"):
            continue
        start = span.start
        if start > 0 and _QUOTED.match(text, start - 1):
            start -= 1
        elif not _QUOTED.match(text, start):
            continue
        kind = _KIND_WORD.search(text, max(0, start - 30), start)
        if kind and kind.group(1)[0].islower():
            yield Span(kind.start(1), span.end, span.kind, span.source)
