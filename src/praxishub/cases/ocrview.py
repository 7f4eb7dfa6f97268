"""What a scanned form says once OCR's look-alikes are read back, for every layer to read.

Rule: a form that comes back from OCR mixes digits and the letters that look like them:
"1З.О2.2О26" for a date, "44503б" for a postcode, "3l5 Se1kirk Ave" for an address,
"P1zeň" for a town. Every layer would have to know every confusion; instead a cell with two
or more such words is read again as restored text of the same length, and what the layers
find there over a restored word is masked in the text as written:

- a word of digits and look-alike letters only (O О o о → 0, l I і | → 1, З з → 3, б → 6)
  with at least one real digit becomes digits;
- a word of three or more letters with one or two of the digits 0, 1, 5 inside (not a
  number's end, so "Win10" stays) becomes letters, in its script.

Known limits: B for 8 and S for 5 are not read back (too many codes hold them); a word
split by an OCR space is not joined; a cell with only one garbled word is read as written.
"""

from __future__ import annotations

import re

# A word of Latin or Cyrillic letters and digits (a Chinese character next to it ends it).
_TOKEN = re.compile(r"(?<![0-9A-Za-zÀ-žЀ-ӿ@#/_])[0-9A-Za-zÀ-žЀ-ӿ]+(?![0-9A-Za-zÀ-žЀ-ӿ@_])")
_TO_DIGIT = str.maketrans(
    {
        "O": "0",
        "О": "0",
        "o": "0",
        "о": "0",
        "l": "1",
        "I": "1",
        "і": "1",
        "З": "3",
        "з": "3",
        "б": "6",
    }
)
_LATIN_BACK = str.maketrans({"0": "o", "1": "l", "5": "s"})
_CYRILLIC_BACK = str.maketrans({"0": "о", "1": "і", "5": "s"})
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)


def restore(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text with garbled words read back, and where they are; the text itself and no
    places when fewer than two words are garbled."""
    changes: list[tuple[int, int, str]] = []
    for m in _TOKEN.finditer(text):
        fixed = _restored(m.group())
        if fixed is None and _date_part(text, m):
            fixed = m.group().translate(_TO_DIGIT)
        if fixed is not None and fixed != m.group():
            changes.append((m.start(), m.end(), fixed))
    if len(changes) < 2:
        return text, []
    parts, last = [], 0
    for start, end, fixed in changes:
        parts.append(text[last:start])
        parts.append(fixed)
        last = end
    parts.append(text[last:])
    return "".join(parts), [(start, end) for start, end, _ in changes]


# A day or month of look-alikes only, as a date's part: "O8.Ol.l933", "2O26.ll.O4", "lO Feb",
# "2О24 жылғы l қыркүйектен"
_LOOKALIKES = re.compile(r"[OОoоlIі]{1,2}")
_MONTH_AFTER = re.compile(
    r"[^\S\n](?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|led|úno|bře|dub|kvě|čer|srp|zář|říj|lis|pro"
    r"|янв|фев|мар|апр|мая|июн|июл|авг|сен|окт|ноя|дек"
    r"|қаң|ақп|нау|сәу|мам|мау|шіл|там|қыр|қаз|қар|жел)",
    re.IGNORECASE,
)


def _date_part(text: str, m: re.Match[str]) -> bool:
    """Is the word one or two look-alike letters standing as a date's day or month: between
    a date's dots with a number beside it, or before a month's name?"""
    if not _LOOKALIKES.fullmatch(m.group()):
        return False
    before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
    if (
        before in "./-"
        and before
        and re.search(r"\d[./-][0-9OОlI]{1,2}[./-]$", text[max(0, m.start() - 6) : m.start()])
    ):
        return after in "./-" or not after.strip()  # the date's last part after two
    if before in "./-" and before and text[m.start() - 2 : m.start() - 1].isalnum():
        return after in "./-" and bool(
            re.match(r"[./-][0-9OОlI]{2,4}(?![\w])", text[m.end() : m.end() + 6])
        )
    if after in "./" and after:  # the date's first part: two more parts follow
        rest = re.match(
            r"[0-9OОlI]{1,2}[./][0-9OОlI]{2,4}(?![\w])", text[m.end() + 1 : m.end() + 9]
        )
        return bool(rest) and any(ch.isdigit() for ch in rest.group())
    return bool(_MONTH_AFTER.match(text, m.end())) and not before.isalpha()


def _restored(word: str) -> str | None:
    digits = sum(ch.isdigit() for ch in word)
    if not digits:
        return None
    if all(ch.isdigit() or ch in "OОoоlIіЗзб" for ch in word):
        return word.translate(_TO_DIGIT)
    letters = len(word) - digits
    if letters >= 3 and digits <= 2 and not re.search(r"[2-46-9]|\d$", word):
        back = _CYRILLIC_BACK if _CYRILLIC.search(word) else _LATIN_BACK
        fixed = word.translate(back)
        if word[0] == "0":
            fixed = ("О" if back is _CYRILLIC_BACK else "O") + fixed[1:]
        return fixed
    return None
