"""Long official names chained by commas: body, office, department, section.

Rule: public bodies are named as a chain from the largest unit to the smallest, joined by
commas ("Statutární město Ostrava, Úřad městského obvodu Poruba, Odbor sociálních věcí,
oddělení …", "Městské policii Plzeň, služebně Slovany", "Cook County DCFS, Division of Child
Protection"). Once one part is found, the chain is one ORG:

- to the right, each ", " followed by a word for a unit of a body (odbor, oddělení,
  pracoviště, služebna, Division, Department, отдел, сектор, бөлімі … in any case form)
  takes that part in, up to the next comma or the sentence's end;
- to the left, a found part that itself opens with such a word takes in the part before
  it when that part opens its line and holds a found name ("Statutární město Ostrava");
- two found pieces of one name with only lower-case unit or body words between them
  ("Krajským ředitelstvím policie Olomouckého kraje") are joined.

The unit words are general vocabulary of administration, never names.

Known limits: a chain written without commas (with dashes or line breaks) is not joined;
an unfound head (an abbreviation the layers leave, "PMS ČR") leaves the chain to its parts.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_UNITS = (
    r"úřad|odbor|odd[eě]len|pracovišt|středisk|služebn|ředitelstv|sekc|úsek|pobočk|kancelář"
    r"|magistrát|detašovan|obvodní|krajsk|policie|policii|polici"
    r"|(?-i:Department|Division|Section|Unit|Directorate|Branch|Bureau|Office)"
    r"|отдел|управлени|сектор|филиал|департамент|подразделени|комитет|служб|пункт"
    r"|бөлім|басқарма|сектор|филиал|департамент"
)
_UNIT_START = re.compile(rf"(?i)(?:{_UNITS})")
_H = r"[^\S\n]"
# ", <unit word> …" up to the next comma, semicolon, full stop before a space, or line end.
_NEXT_PART = re.compile(
    rf"(?:{_H}+[A-ZČŠŽŘ]{{2,6}})*,{_H}+(?P<part>(?i:{_UNITS})[^,;\n()\d]{{0,70}}?)"
    rf"(?=,|;|\.(?:\s|$)|\n|$|\)|{_H}{{2}}|\*)"
)
_PART_BEFORE = re.compile(rf"(?m)^[^\S\n*#>-]*[*]*(?P<part>[A-ZÀ-ÞА-ЯЁ][^,;:\n]{{2,60}}),{_H}+$")
_BETWEEN = re.compile(rf"^{_H}+(?:[^\W\d_]+{_H}+){{0,2}}[^\W\d_]+{_H}+$")


def grown(text: str, found: list[Span]) -> Iterator[Span]:
    """Found parts of official names, grown along their comma chains."""
    named = sorted(
        (s for s in found if s.kind in ("ORG", "PERSON", "PLACE")), key=lambda s: s.start
    )
    for span in named:
        end = _right(text, span.end)
        start = _left(text, span.start, named)
        if end != span.end or start != span.start:
            yield Span(start, end, "ORG", "org-chain")
    for a, b in itertools.pairwise(named):
        gap = text[a.end : b.start]
        if (
            0 < len(gap) <= 40
            and _BETWEEN.match(gap)
            and gap == gap.lower()
            and _UNIT_START.search(gap)
        ):
            yield Span(a.start, _right(text, b.end), "ORG", "org-chain")


def _right(text: str, end: int) -> int:
    """The end of the chain of unit parts that follows end."""
    while True:
        m = _NEXT_PART.match(text, end)
        if m is None:
            return end
        end = m.end()


def _left(text: str, start: int, named: list[Span]) -> int:
    """The start of the line's opening part before a part that opens with a unit word."""
    if not _UNIT_START.match(text, start):
        return start
    m = _PART_BEFORE.search(text, max(0, start - 80), start)
    if m is None or m.end() != start:
        return start
    inside = any(m.start("part") <= s.start and s.end <= m.end("part") for s in named)
    return m.start("part") if inside else start
