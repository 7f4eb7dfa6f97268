"""Acronyms of particular bodies: police forces, regional health insurers, school networks,
universities, hospitals and departments (and a town its people call by its letters, ČB).

Rule: an acronym listed in ``data/org_acronyms.txt`` (GMP, PSNI, VZP, NEPS, НИШ …), standing
as a word, is that body: an ORG (or a SCHOOL), with a Kazakh or Russian case ending after a
hyphen kept inside ("НИШ-те"). A US city's police department or school district by its shape
(SAPD, CVUSD, NEISD, LKSD, Alief ISD, School District of Philadelphia) is one too, and a Canadian school district by its number. Such a body places the person (a force's area, a region's
insurer), so the library masks it like a named one.

Known limits: only the listed bodies; an acronym also used as a common word would need
context, so none is listed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import wordlists
from praxishub.cases.spans import Span

# A US police department or school district by its shape: "SAPD", "CVUSD", "NEISD", "Alief
# ISD"; a Canadian school district by its number: "School District No. 91".
_US_SHAPES = re.compile(
    r"(?<![\w@#./-])(?!PTSD)[A-Z]{2,4}(?:PD|USD|ISD|CISD|SD)(?![\w@])"
    r"|(?<![\w-])School[^\S\n]District[^\S\n]of[^\S\n](?:[A-Z][a-z]+[^\S\n]?){1,2}(?<![^\S\n])"
    r"|(?<![\w-])(?:[A-Z][a-z]+[^\S\n]){1,2}(?:ISD|CISD|USD)(?![\w@])"
    r"|(?<![\w-])School[^\S\n]District[^\S\n](?:No\.[^\S\n]?)?\d{1,3}(?![\w-])"
)

_H = r"[^\S\n]"
# ДРКБ, ОДКБ, ГДКБ: a Russian region's or city's (children's) clinical hospital by its
# acronym; ysbyty gwynedd: a Welsh hospital, also typed in
# lower case; GAUTENG DEPARTMENT OF EDUCATION: a province's department in a capitals letterhead
_SHAPES = re.compile(
    r"(?<![\w@#./-])[ДРОГЦ]{1,3}КБ(?![\w@-])"
    # said in lower case ("свекровь в ркб лежит"), and the Kazakh interior ministry that issued
    # an ID card ("берген ҚР ІІМ", with OCR's Latin I)
    r"|(?<![\w@#./-])(?:р|д|о|г|од|рд|гд|дг)кб(?![\w@-])|(?<![\w-])ҚР[^\S\n]+[ІI]{2}[МM](?![\w-])"
    rf"|(?i:(?<![\w-])ysbyty(?:{_H}+(?:y|yr))?{_H}+(?!(?:came|is|was|in|at|on|and|for|the)\b)[a-zâêîôûŵŷ'’]{{3,}})"
    rf"|(?<![\w-])(?:[A-Z]{{3,}}{_H}){{1,2}}(?:DEPARTMENT|MINISTRY){_H}OF{_H}[A-Z]{{3,}}"
    rf"(?:{_H}(?:AND|&){_H}[A-Z]{{3,}})?(?![\w-])"
)


# More of the list's lines, kept here rather than in the data file, whose words the learned
# layer's models are keyed on: universities by the acronyms students call them (a student's
# university places them), and a town its people write by its letters (České Budějovice).
_MORE = (
    "SCHOOL UPCE",
    "SCHOOL ČVUT",
    "SCHOOL VŠE",
    "SCHOOL MUNI",
    "SCHOOL UPOL",
    "SCHOOL ZČU",
    "SCHOOL JČU",
    "SCHOOL UJEP",
    "SCHOOL UHK",
    "SCHOOL VŠCHT",
    "SCHOOL ČZU",
    "SCHOOL MENDELU",
    "SCHOOL UTB",
    "SCHOOL VŠB-TUO",
    "SCHOOL МГППУ",
    "SCHOOL СПбГУ",
    "SCHOOL УрФУ",
    "SCHOOL КазНУ",
    "PLACE ČB",
    # the social fund's office a family applies through ("заявка через СФР")
    "ORG СФР",
    "ORG ПФР",
)


@functools.cache
def _listed() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    kinds: dict[str, str] = {}
    for line in [*wordlists.data_lines("org_acronyms.txt"), *_MORE]:
        kind, _, acronym = line.partition(" ")
        kinds[acronym.strip()] = kind
    if not kinds:
        return None, kinds
    names = "|".join(sorted(map(re.escape, kinds), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w@#./-])(?P<a>{names})(?:-[а-яәғқңөұүһі]{{1,5}})?(?![\w@])")
    return pattern, kinds


def find(text: str) -> Iterator[Span]:
    """The listed bodies' acronyms, and US departments and districts by their shape."""
    pattern, kinds = _listed()
    if pattern is not None:
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), kinds[m.group("a")], "org-acronym")
    for m in _SHAPES.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "org-acronym")
    for m in _US_SHAPES.finditer(text):
        yield Span(m.start(), m.end(), "ORG", "org-acronym")
