"""Spans: what the de-identification layers find, and how their findings are joined.

Rule: a span is offsets into the original text plus a type; every layer returns
spans and nothing else, and only ``union`` decides what is finally replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The identifier types, in the order they win when two spans of equal length overlap.
TYPES = (
    "ID",
    "PHONE",
    "EMAIL",
    "URL",
    "HANDLE",
    "POSTCODE",
    "ADDRESS",
    "SCHOOL",
    "CLASS",
    "DATE",
    "AGE",
    "PERSON",
    "ORG",
    "PLACE",
)
PRIORITY = {t: i for i, t in enumerate(TYPES)}

# Tags shown in place of an identifier: Russian for Cyrillic cases, English otherwise.
LABELS = {
    "ru": {
        "PERSON": "ИМЯ",
        "PLACE": "МЕСТО",
        "ADDRESS": "АДРЕС",
        "POSTCODE": "ИНДЕКС",
        "PHONE": "ТЕЛЕФОН",
        "EMAIL": "ПОЧТА",
        "URL": "ССЫЛКА",
        "HANDLE": "НИК",
        "ID": "НОМЕР",
        "DATE": "ДАТА",
        "AGE": "ВОЗРАСТ",
        "SCHOOL": "ШКОЛА",
        "CLASS": "КЛАСС",
        "ORG": "ОРГАНИЗАЦИЯ",
    },
    "en": {t: ("NAME" if t == "PERSON" else t) for t in TYPES},
}


def label(kind: str, language: str) -> str:
    return LABELS["ru" if language in ("ru", "kk") else "en"][kind]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    source: str  # which layer found it, e.g. "phonenumbers", "natasha", "intake"

    def __post_init__(self) -> None:
        if self.kind not in PRIORITY:
            raise ValueError(f"unknown identifier type {self.kind!r}")
        if not 0 <= self.start < self.end:
            raise ValueError(f"empty or negative span {self.start}..{self.end}")

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


def union(spans: list[Span]) -> list[Span]:
    """Join overlapping spans into non-overlapping ones, sorted by offset.

    Overlapping spans merge into one covering both (nothing found by any layer is
    left unmasked); the merged span takes the type of its strongest member: a
    structured identifier beats a name; among names (person, organisation, place) the
    longest span wins, so a commission named after its town is an organisation though
    one layer took the town's adjective for a surname.
    """
    merged: list[list[Span]] = []
    reach = -1  # where the last group ends (kept, not recomputed per span: many spans overlap)
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if merged and span.start < reach:
            merged[-1].append(span)
            reach = max(reach, span.end)
        else:
            merged.append([span])
            reach = span.end
    out = []
    for group in merged:
        best = min(group, key=_strength)
        if best.kind == "CLASS":  # "девятого" taken for a grade inside a date said in words
            best = next(
                (
                    s
                    for s in group
                    if s.kind == "DATE" and s.start <= best.start and best.end <= s.end
                ),
                best,
            )
        start = min(s.start for s in group)
        end = max(s.end for s in group)
        sources = "+".join(sorted({s.source for s in group}))
        out.append(Span(start, end, best.kind, sources))
    return out


_NAMES = PRIORITY["PERSON"]


def _strength(span: Span) -> tuple[int, int, int]:
    """Sort key of a span in a merged group: structured types by their order, then names by
    length (the longest first), ties by their order."""
    rank = PRIORITY[span.kind]
    if rank < _NAMES:
        return (0, rank, 0)
    return (1, -(span.end - span.start), rank)


_OPEN_CLOSE = {"(": ")", "«": "»", "„": "“", "“": "”"}
_SCHOOL_ORDINAL = re.compile(r"(?:^|(?<=[\n(]))\d{1,3}\.[^\S\n]$")


# A garbled number's head just before a span: digits and OCR's look-alikes, with a digit
_GARBLED_HEAD = re.compile(r"(?<![\w])(?=[0-9OОlI]*\d)[0-9OОlI]{1,10}\Z")


_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def closed(text: str, spans: list[Span]) -> list[Span]:
    """Spans grown to the bracket or quote they opened ("Республика Саха (Якутия" takes its
    ")"), to the start of an OCR-garbled number they begin inside ("2l4O4 Qhayiya Cres" read
    from its "4"), and a school to the ordinal number its name begins with ("36. základní škola
    Plzeň", at a line's start or in brackets; the name in lower case after it, so no list's
    number before a heading): a layer may stop short of either."""
    out = []
    for span in spans:
        start, end = span.start, span.end
        surface = text[start:end]
        for opening, closing in _OPEN_CLOSE.items():
            if surface.count(opening) > surface.count(closing) and text.startswith(closing, end):
                end += 1
                break
        # a number OCR garbled ("2l4O4") that a layer read from its middle: from its start
        left = _GARBLED_HEAD.search(text, max(0, start - 12), start)
        if left and re.match(r"[0-9A-Za-zÀ-žЀ-ӿ]", text[start : start + 1]):
            start = left.start()
        # a Chinese name of four characters or more that fills its quotes: the quotes with it
        # ("这里是“绿城心语”", as the name is written on the body's own heading)
        if (
            start > 0
            and text[start - 1 : start] == "“"
            and text.startswith("”", end)
            and end - start >= 4
            and _HAN_ONLY.fullmatch(text, start, end)
        ):
            start, end = start - 1, end + 1
        if span.kind == "SCHOOL" and text[start : start + 1].islower():
            m = _SCHOOL_ORDINAL.search(text, max(0, start - 5), start)
            if m:
                start = m.start()
        out.append(
            span
            if (start, end) == (span.start, span.end)
            else Span(start, end, span.kind, span.source)
        )
    return out


# A line break inside a table's cell: "<td>Natalka<br>Hnatiuk</td>"
_CELL_BREAK = re.compile(r"[^\S\n]*<br[^\S\n]*/?>[^\S\n]*", re.IGNORECASE)
_BRIDGED = {"PERSON", "ORG", "SCHOOL", "ADDRESS", "PLACE"}


def bridged(text: str, spans: list[Span]) -> list[Span]:
    """Two names of one kind with only a cell's line break (``<br>``) between them, as one: the
    tag between is masked with them, so no part of the name shows apart."""
    out = []
    ends: dict[int, Span] = {}
    for span in spans:
        if span.kind in _BRIDGED:
            ends.setdefault(span.end, span)
    for span in spans:
        if span.kind not in _BRIDGED or text[span.start - 1 : span.start] != ">":
            continue
        gap = _CELL_BREAK.search(text, max(0, span.start - 12), span.start)
        if gap is None or gap.end() != span.start:
            continue
        left = ends.get(gap.start())
        if left is not None and left.kind == span.kind:
            out.append(Span(left.start, span.end, span.kind, "cell-break"))
    return out
