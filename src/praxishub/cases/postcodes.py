"""Postcodes that OCR garbled, or that a word stands between their label and them.

Rules:
- a run of six characters that reads as digits once OCR's look-alikes are read back
  (O/О → 0, З/з → 3, l/I → 1), with four real digits at least, is a postcode where
  postcodes stand: after its label (with a short verb between: "邮编应为450052", "postcode
  is"), or at the start of an address field before a town ("Адрес: 6440ЗЗ г. 0мск");
- six digits after a Chinese street address's last part or after a quoted institution's name
  in a Russian address line; five or six digits read out in words after the label;
- a Canadian postcode by its shape; a Canadian province's code before it, a US form's state field (PLACEs);
- a North American address's last line: the town, the state's or province's code (PLACEs) and
  the ZIP or postal code, with OCR's look-alikes ("Port1and, OR 972O2"; without the comma only
  after a street's number on the line: "… Unit 204   Toronto ON  MlJ 2E4");
- after the label, a Polish postcode ("PSČ otce 43-400") and a US ZIP with OCR's S and B;
- a Taiwan postcode (3, 5 or 6 digits) before its city or county ("406037 臺中市"); a New
  Zealand postcode after the town that ends a street address ("…, Christchurch 8061"), the
  town a PLACE; a Russian letterhead's line that opens with its postcode ("6486О0, п. Тура");
- a Kazakh postcode of the 2021 shape (letter, two digits, letter, digit, letter, digit;
  Cyrillic look-alikes of Latin letters allowed: "D00Е7Х2") after an address label or
  before a town.

Limits: a garbled postcode with fewer than four real digits, or one standing nowhere
near a label or an address, is not found.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import wordlists
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_D = r"[0-9OОЗзlIВ]"  # OCR's look-alikes of digits: О for 0, З for 3, l for 1, В for 8
_LABEL = (
    r"(?:индекс|邮{_H}*编|почтовый{_H}+индекс|邮编|邮政编码|PSČ|postcode|post{_H}+code|zip(?:{_H}+code)?|(?:поштаның{_H}+)?индексі|пошта{_H}+индексі)"
).replace("{_H}", _H)
_FILLER = r"(?:[^\S\n]*(?:应为|应该是|是|为|is|was|je|был|–|-|—)[^\S\n]*|[^\S\n]*[:：]?[^\S\n]*(?:\*\*|__)?[^\S\n]*)"
_ADDRESS_LABEL = (
    r"(?:адрес(?:[^\S\n]+(?:регистрации|проживания|места[^\S\n]+жительства))?|мекенжай\w*|address"
    r"|adresa|bydliště|地址|住址)"
)
_TOWN_AFTER = r"(?=,?[^\S\n]+(?:г\.|город|қ\.|қаласы|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]))"
_SIX = re.compile(
    # a word may stand between ("PSČ otce 43-400"); a Polish postcode, a US ZIP with OCR's S/B
    rf"(?i:{_LABEL})(?:{_H}+[a-zá-žа-яё]{{2,10}})?{_FILLER}"
    rf"(?P<p>{_D}{{6}}|{_D}{{3}}{_H}{_D}{{2}}|\d{{2}}-\d{{3}}|[0-9OlISB]{{5}})(?![\w-])"
    rf"|(?i:{_ADDRESS_LABEL})[^\S\n]*[:：]?(?:\*\*)?[^\S\n]*(?P<q>{_D}{{6}}){_TOWN_AFTER}"
    # "Brno-Líšeň, 628 00.": a Czech postcode after its town, at a sentence's end
    rf"|(?<=[a-záčďéěíňóřšťúůýž]),{_H}(?P<c>[1-7]\d{{2}}{_H}\d{{2}})(?=[.;)]|{_H}*$)"
    # "U Zastávky l96O, 256 Ol Benešov": a Czech postcode between the street and its town, OCR's
    # look-alikes allowed
    rf"|(?<=[\w.]),{_H}(?P<x>[1-7]{_D}{{2}}{_H}{_D}{{2}})(?={_H}+[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž])"
    # an Eircode after its word, typed in lower case too: "eircode d24 f6k8"
    rf"|(?i:eircode){_FILLER}(?P<e>(?i:[ACDEFHKNPRTVWXY]\d[\dW]{_H}?[0-9ACDEFHKNPRTVWXY]{{4}}))(?![\w-])"
)
# A postcode after the end of a Chinese street address ("梧桐路66号　310012") or after an
# institution's quoted name in a Russian address line ("ЦППМСП «Компас», 614068.") or after a
# town's type word that ends it ("Петропавл қ., 150000")
_AFTER_ADDRESS = re.compile(
    r"(?<=[号室楼层座])[ \u3000]{1,4}(?P<z>\d{6})(?!\d)(?=[ \u3000]*$)"
    rf"|(?<=[»\"]),{_H}(?P<r>[1-6]\d{{5}})(?=[.;)]|{_H}*$)"
    # "6486О0, п. Тура, ул. …": a letterhead's address line that opens with its postcode
    rf"|^(?P<o>{_D}{{6}}),{_H}+(?=(?:г|п|с|пгт|пос|д|рп|ст|а)\.{_H}*[А-ЯЁ])"
    # "Петропавл қ., 150000": after the town's type word that ends the address
    rf"|(?<![\w.])(?:г\.|қ\.|қаласы),{_H}(?P<k>[0-6]\d{{5}})(?=[.;,)]|{_H}*$)"
    # "г. Нелидово, Тверская обл., 172527 · тел.": after the region that ends the address
    rf"|(?<![\w.])(?:обл\.|области|край|края|облысы|Республика{_H}[А-ЯЁ][а-яё]+),{_H}"
    rf"(?P<g>[1-6]\d{{5}})(?=[.;,)·|]|{_H}*$|{_H}+[·|–—])",
    re.MULTILINE,
)
# A postcode read out digit by digit after its label: "psč je pět tři nula nula dva"
_DIGIT_WORD = (
    r"(?:nula|jedna|dva|tři|čtyři|pět|šest|sedm|osm|devět|ноль|нуль|один|два|три|четыре|пять"
    r"|шесть|семь|восемь|девять|zero|oh|one|two|three|four|five|six|seven|eight|nine)"
)
_SPOKEN = re.compile(
    rf"(?i:{_LABEL}){_FILLER}(?P<w>{_DIGIT_WORD}(?:{_H}+{_DIGIT_WORD}){{4,5}})(?!\w)",
    re.IGNORECASE,
)
# A Canadian province's code between the town and the postcode: "Etobicoke, ON M9C 2B3"
_CA_PROVINCE = re.compile(
    rf"(?<=,{_H})(?:AB|BC|MB|NB|NL|NS|NT|NU|ON|PE|QC|SK|YT)(?={_H}+[A-Z]\d[A-Z]{_H}?\d[A-Z]\d(?!\w))"
)
# A Canadian postcode (its letters and digits alternate; D, F, I, O, Q, U never used; W and
# Z not first): "BC V0J 1P0", "Winnipeg, MB R3T 2N2"
_CA_POSTCODE = re.compile(
    r"(?<![\w-])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][^\S\n]?\d[ABCEGHJ-NPRSTV-Z]\d(?![\w-])"
)
# A North American address's last line: the town, its state's or province's code and the ZIP or
# postal code, OCR's look-alikes allowed ("Toronto ON  MlJ 2E4", "Port1and, OR 972O2")
_STATE_CODES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM"
    "|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|PR|AB|BC|MB|NB|NL|NS|NT|NU|ON"
    "|PE|QC|SK|YT"
)
_TOWN_STATE_CODE = re.compile(
    rf"(?<![\w-])(?P<town>(?:[A-Z][\w'’.-]*{_H}){{0,2}}[A-Z][\w'’.-]*),?{_H}+(?P<st>{_STATE_CODES})"
    rf"{_H}+(?P<z>[0-9OlIS]{{5}}(?:-\d{{4}})?|[A-Z][0-9OlI][A-Z]{_H}?[0-9OlI][A-Z][0-9OlI])(?![\w-])"
)
# A US form's state field: "City: Houst0n    State: TX    Zip: 770S6"
_US_STATE = re.compile(rf"(?<![\w-])State{_H}*:{_H}*(?P<s>[A-Z]{{2}})(?![\w-])")
_L = "A-ZАВЕКМНОРСТХ"
_KZ = re.compile(
    rf"(?i:{_ADDRESS_LABEL}|{_LABEL})[^\S\n]*[:：]?[^\S\n]*(?P<k>[{_L}]\d{{2}}[{_L}]\d[{_L}]\d)(?![\w])"
    rf"|(?<![\w])(?P<t>[{_L}][0-9OО]{{2}}[{_L}]\d[{_L}]\d){_TOWN_AFTER}"
)


# A Taiwan postcode (3, 3+2 or 3+3 digits) before its city or county: "406037 臺中市"
_TAIWAN = re.compile(
    r"(?<![\d\w])(?P<w>\d{3}(?:\d{2,3})?)(?=[ \u3000]?(?:[臺台][\u4e00-\u9fff]{1,2}[市縣县]"
    r"|(?:新北|桃園|桃园|高雄|基隆|新竹|苗栗|彰化|南投|雲林|云林|嘉義|嘉义|屏東|屏东|宜蘭|宜兰|花蓮|花莲|澎湖|金門|金门|連江)[市縣县]))"
)
# A New Zealand postcode after the town that ends an address with a street's number:
# "14B Breezes Road, Aranui, Christchurch 8061"
_NZ_TOWN_CODE = re.compile(
    rf"(?<=,{_H})(?P<town>[A-Z][a-zāēīōū]+(?:{_H}[A-Z][a-zāēīōū]+)?){_H}(?P<z>\d{{4}})(?![\w-])"
)


def find(text: str) -> Iterator[Span]:
    """Postcodes by the rules above."""
    for m in _SIX.finditer(text):
        group = next(g for g in ("p", "q", "c", "e", "x") if m.group(g))
        if sum(ch.isdigit() for ch in m.group(group)) >= {"e": 2, "x": 3}.get(group, 4):
            yield Span(m.start(group), m.end(group), "POSTCODE", "postcode")
    for m in _AFTER_ADDRESS.finditer(text):
        group = next(g for g in ("z", "r", "k", "o", "g") if m.group(g))
        if sum(ch.isdigit() for ch in m.group(group)) < 4:
            continue
        yield Span(m.start(group), m.end(group), "POSTCODE", "postcode")
    for m in _SPOKEN.finditer(text):
        yield Span(m.start("w"), m.end("w"), "POSTCODE", "postcode")
    for m in _CA_PROVINCE.finditer(text):
        yield Span(m.start(), m.end(), "PLACE", "postcode")
    for m in _CA_POSTCODE.finditer(text):
        yield Span(m.start(), m.end(), "POSTCODE", "postcode")
    for m in _TOWN_STATE_CODE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if "," not in text[m.end("town") : m.start("st")] and not re.search(
            r"\d", text[line_start : m.start()]
        ):
            continue  # without a comma, only after a street's number ("Lights ON M9C 2B3" stays)
        if not wordlists.allowed(m.group("town")):
            yield Span(m.start("town"), m.end("town"), "PLACE", "postcode")
        yield Span(m.start("st"), m.end("st"), "PLACE", "postcode")
        if sum(ch.isdigit() for ch in m.group("z")) >= 2:
            yield Span(m.start("z"), m.end("z"), "POSTCODE", "postcode")
    for m in _US_STATE.finditer(text):
        yield Span(m.start("s"), m.end("s"), "PLACE", "postcode")
    for m in _KZ.finditer(text):
        group = "k" if m.group("k") else "t"
        yield Span(m.start(group), m.end(group), "POSTCODE", "postcode")
    for m in _TAIWAN.finditer(text) if re.search("[臺台縣]|高雄|新北|桃園", text) else ():
        yield Span(m.start("w"), m.end("w"), "POSTCODE", "postcode")
    for m in _NZ_TOWN_CODE.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if re.match(
            rf"(?:\W*\w+:\W*)?{_H}*\d{{1,5}}[A-Za-z]?{_H}+[A-Z]",
            text[line_start : m.start()].lstrip("-*# "),
        ):
            yield Span(m.start("town"), m.end("town"), "PLACE", "postcode")
            yield Span(m.start("z"), m.end("z"), "POSTCODE", "postcode")
