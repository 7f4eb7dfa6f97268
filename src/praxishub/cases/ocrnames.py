"""Names garbled by OCR: a digit read for a letter inside a capitalised word.

Rule: scanned forms come back with 0 for O, 1 for l and 5 for s ("Eli5ka", "Krá1ové",
"Tarasenk0", "0мск"). A word of letters with one or two such digits among them, that reads
as a capitalised word once the digits are read back as letters, is judged like any other
capitalised word: if the restored word is rare (``capitals.rare_word``), it is a name and
is masked as written. After a capitalised word, one space away, the two are a name whatever
their frequency ("Hradec Krá1ové"), and are masked together.

Known limits: only 0, 1 and 5 are read back (not 8 for B or 6 for b); a word split by an OCR
space ("Markov á") is not joined; product names made of letters and digits ("Win1O") are
masked when rare.
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
