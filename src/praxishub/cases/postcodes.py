"""Postcodes that OCR garbled, or that a word stands between their label and them.

Rules:
- a run of six characters that reads as digits once OCR's look-alikes are read back
  (O/О → 0, З/з → 3, l/I → 1), with four real digits at least, is a postcode where
  postcodes stand: after its label (with a short verb between: "邮编应为450052", "postcode
  is"), or at the start of an address field before a town ("Адрес: 6440ЗЗ г. 0мск");
- a Kazakh postcode of the 2021 shape (letter, two digits, letter, digit, letter, digit;
  Cyrillic look-alikes of Latin letters allowed: "D00Е7Х2") after an address label or
  before a town.

Limits: a garbled postcode with fewer than four real digits, or one standing nowhere
near a label or an address, is not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_D = r"[0-9OОЗзlI]"
_LABEL = (
    r"(?:индекс|邮{_H}*编|почтовый{_H}+индекс|邮编|邮政编码|PSČ|postcode|post{_H}+code|zip(?:{_H}+code)?|пошта{_H}+индексі)"
).replace("{_H}", _H)
_FILLER = r"(?:[^\S\n]*(?:应为|应该是|是|为|is|was|je|был|–|-|—)[^\S\n]*|[^\S\n]*[:：]?[^\S\n]*(?:\*\*|__)?[^\S\n]*)"
_ADDRESS_LABEL = r"(?:адрес|мекенжай\w*|address|adresa|bydliště|地址|住址)"
_TOWN_AFTER = r"(?=,?[^\S\n]+(?:г\.|город|қ\.|қаласы|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]))"
_SIX = re.compile(
    rf"(?i:{_LABEL}){_FILLER}(?P<p>{_D}{{6}}|{_D}{{3}}{_H}{_D}{{2}})(?![\w])"
    rf"|(?i:{_ADDRESS_LABEL})[^\S\n]*[:：]?(?:\*\*)?[^\S\n]*(?P<q>{_D}{{6}}){_TOWN_AFTER}"
    # "Brno-Líšeň, 628 00.": a Czech postcode after its town, at a sentence's end
    rf"|(?<=[a-záčďéěíňóřšťúůýž]),{_H}(?P<c>[1-7]\d{{2}}{_H}\d{{2}})(?=[.;)]|{_H}*$)"
)
_L = "A-ZАВЕКМНОРСТХ"
_KZ = re.compile(
    rf"(?i:{_ADDRESS_LABEL}|{_LABEL})[^\S\n]*[:：]?[^\S\n]*(?P<k>[{_L}]\d{{2}}[{_L}]\d[{_L}]\d)(?![\w])"
    rf"|(?<![\w])(?P<t>[{_L}][0-9OО]{{2}}[{_L}]\d[{_L}]\d){_TOWN_AFTER}"
)


def find(text: str) -> Iterator[Span]:
    """Postcodes by the rules above."""
    for m in _SIX.finditer(text):
        group = next(g for g in ("p", "q", "c") if m.group(g))
        if sum(ch.isdigit() for ch in m.group(group)) >= 4:
            yield Span(m.start(group), m.end(group), "POSTCODE", "postcode")
    for m in _KZ.finditer(text):
        group = "k" if m.group("k") else "t"
        yield Span(m.start(group), m.end(group), "POSTCODE", "postcode")
