"""Names garbled by OCR: a digit read for a letter inside a capitalised word.

Rule: scanned forms come back with 0 for O, 1 for l and 5 for s ("Eli5ka", "Krá1ové",
"Tarasenk0", "0мск"). A word of letters with one or two such digits among them, that reads
as a capitalised word once the digits are read back as letters, is judged like any other
capitalised word: if the restored word is rare (``capitals.rare_word``), it is a name and
is masked as written. After a capitalised word, one space away, the two are a name whatever
their frequency ("Hradec Krá1ové"), and are masked together.

A form's signature or staff field whose surname OCR broke with spaces ("Signature: R Ang ove",
"Teacher:  Ms D. Sant os", "Директор  ____  П. Н. Стрельц ов") holds a name when the pieces
after the initial join into one capitalised word of four letters or more.

Known limits: only 0, 1 and 5 are read back (not 8 for B or 6 for b); a word split by an OCR
space ("Markov á") is joined only in such a field; product names made of letters and digits
("Win1O") are masked when rare.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import capitals
from praxishub.cases.spans import Span

_LETTER = r"[^\W\d_]"
# Letters and at most two of the digits 0, 1, 5, not at a number's edge: three letters or more.
_WORD = re.compile(
    rf"(?<![\w@./#:-])(?=(?:{_LETTER}*[015]){{1,2}}{_LETTER}*(?![\w@-]))"
    rf"(?=[015]?[A-ZÀ-ÞА-ЯЁӘҒҚҢӨҰҮҺІ0])(?:{_LETTER}|[015]){{4,}}(?![\w@-])"
)
_CYRILLIC = re.compile(r"[а-яёәғқңөұүһі]", re.IGNORECASE)
_BEFORE = re.compile(rf"[A-ZÀ-ÞА-ЯЁ]{_LETTER}+[^\S\n]$")


def find(text: str, language: str) -> Iterator[Span]:
    """OCR-garbled capitalised words whose restored form is a rare word."""
    if language not in ("ru", "kk", "cs", "en"):
        return
    for m in _WORD.finditer(text):
        word = m.group()
        if sum(ch.isdigit() for ch in word) > 2 or sum(ch.isalpha() for ch in word) < 3:
            continue
        restored = _restore(word)
        if not restored[:1].isupper() or restored[1:] != restored[1:].lower():
            continue
        if re.search(r"\d\d$", word):
            continue  # a version or a model number ("Win10")
        start = m.start()
        before = _BEFORE.search(text, max(0, start - 30), start)
        if before:  # a capitalised run with a garbled word: a name ("Hradec Krá1ové")
            start = before.start()
        elif not capitals.rare_word(restored, language):
            continue
        yield Span(start, m.end(), "PERSON", "ocr")


# A surname after its initial that OCR broke with spaces, in a form's signature or staff field:
# "Signature: R Ang ove", "Teacher:  Ms D. Sant os", "Principal:  R. B o u d r e a u",
# "Signature: ______A Thibo deau______"
_SPLIT_SIGNED = re.compile(
    r"(?im)\b(?:signature|signed|principal|teacher|head(?:teacher)?|counsell?or|psychologist|clinician"
    r"|referrer|name)[^\S\n]*:[^\S\n]*_*[^\S\n]*(?:(?-i:Mr|Mrs|Ms|Miss|Dr)\.?[^\S\n]+)?"
    r"(?P<n>(?-i:[A-Z])\.?[^\S\n](?P<s>(?-i:[A-Z])[a-z]{0,8}(?:[^\S\n][a-z]{1,8}){1,8}))"
    r"(?=_|[^\S\n]{2,}|[^\S\n]*$)"
)


# The same in a Russian or Kazakh form's signature line, initials before or after the surname:
# "Директор  ________  П. Н. Стрельц ов", "Директор Шилов а Е. В.", "Р. Т. Нұрғ алиев"
_CY_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_CY_LO = "а-яёәғқңөұүһі"
_CY_INITIALS = rf"[{_CY_UP}][{_CY_LO}]?\.[^\S\n]?[{_CY_UP}]\."
_CY_SPLIT = rf"[{_CY_UP}][{_CY_LO}]{{0,10}}(?:[^\S\n][{_CY_LO}]{{1,8}}){{1,3}}"
_SPLIT_SIGNED_CY = re.compile(
    r"(?im)^[^\S\n]*(?:директор|руководитель|заведующ\w+|учитель[^:\n]{0,24}|педагог-психолог|логопед"
    r"|социальный[^\S\n]+педагог|классный[^\S\n]+руководитель|исполнитель|подпись|басшы|мұғалім\w*"
    r"|сынып[^\S\n]+жетекшісі)[^\S\n]*:?[^\S\n]*_*[^\S\n]*"
    rf"(?P<n>(?-i:{_CY_INITIALS}[^\S\n]+(?P<s>{_CY_SPLIT})|(?P<t>{_CY_SPLIT})[^\S\n]+{_CY_INITIALS}))"
    r"(?=[^\S\n]{2,}|[^\S\n]*_|[^\S\n]*$)"
)


def split_signatures(text: str) -> Iterator[Span]:
    """An initial and a surname OCR broke with spaces, in a form's signature or staff field,
    when the joined letters read as one capitalised word of four letters or more."""
    for m in _SPLIT_SIGNED.finditer(text):
        joined = m.group("s").replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"[A-Z][a-z]{3,15}", joined):
            yield Span(m.start("n"), m.end("n"), "PERSON", "ocr")
    for m in _SPLIT_SIGNED_CY.finditer(text):
        joined = re.sub(r"\s", "", m.group("s") or m.group("t"))
        if re.fullmatch(rf"[{_CY_UP}][{_CY_LO}]{{3,15}}", joined):
            yield Span(m.start("n"), m.end("n"), "PERSON", "ocr")


def _restore(word: str) -> str:
    """The word with 0, 1 and 5 read back as the letters they stand for, in its script."""
    if _CYRILLIC.search(word):
        table = {"0": "о", "1": "і", "5": "s"}
        if word[0] == "0":
            word = "О" + word[1:]
    else:
        table = {"0": "o", "1": "l", "5": "s"}
        if word[0] == "0":
            word = "O" + word[1:]
    return "".join(table.get(ch, ch) for ch in word)
