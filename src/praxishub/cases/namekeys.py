"""Names by what stands for them: initials keyed to a name, and names written in lower case.

Rule: minutes and case conferences list their members once with the initials that stand
for them afterwards ("JT      Jana Tomsová    chair", "Ola Berg (OB)"); initials that match
the capitals of a name on the same line are that person, wherever they recur. A person
found in a case (with a capital) is the same person where a transcript or chat writes the
name in lower case ("kasia said…", "u honzíka"), if the lower-case form is no common word
of the language (the wordfreq lists judge, as for ``capitals``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import capitals, chatnames, wordlists
from praxishub.cases.spans import Span

_UP = "A-ZÀ-ÖØ-ÞА-ЯЁӘҒҚҢӨҰҮҺІČŠŽŘĎŤŇŁŚŻ"
# Initials (2–3 capitals) opening a line, then a name of 2–4 capitalised words.
_KEY_FIRST = re.compile(
    rf"(?m)^[^\S\n]*(?P<key>[{_UP}]{{2,3}})[^\S\n]+(?P<name>(?:[^\W\d_][\w'’.-]*[^\S\n]){{1,5}}[^\W\d_][\w'’-]*)"
)
# A name of 2–4 capitalised words, then its initials in brackets: "Ola Berg (OB)".
_KEY_AFTER = re.compile(
    rf"(?P<name>(?:[{_UP}][\w'’-]*[^\S\n]){{1,3}}[{_UP}][\w'’-]*)[^\S\n]*\((?P<key>[{_UP}]{{2,3}})\)"
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def keyed_initials(text: str) -> Iterator[Span]:
    """Initials that a line keys to a name, and their recurrences."""
    keys: set[str] = set()
    for m in list(_KEY_FIRST.finditer(text)) + list(_KEY_AFTER.finditer(text)):
        if _initials_of(m.group("name")).startswith(m.group("key")) or _initials_of(
            m.group("name")
        ).endswith(m.group("key")):
            keys.add(m.group("key"))
    if not keys:
        return
    pattern = re.compile(rf"(?<![\w@#/.-])(?:{'|'.join(sorted(keys))})(?![\w@-])")
    for m in pattern.finditer(text):
        yield Span(m.start(), m.end(), "PERSON", "initials-key")


def _initials_of(name: str) -> str:
    """The capitals of a name's words, titles and lower-case words left out."""
    letters = []
    for word in _WORD.findall(name):
        if word[0].isupper() and word.casefold().strip(".") not in wordlists.titles():
            letters.append(word[0])
    return "".join(letters)


def lower_case(text: str, found: list[Span], language: str) -> Iterator[Span]:
    """A found person's name where the text writes it in lower case, with a case ending."""
    if language not in ("ru", "kk", "cs", "en"):
        return
    stems: dict[str, str] = {}
    for span in found:
        if span.kind != "PERSON":
            continue
        for word in _WORD.findall(text[span.start : span.end]):
            word = re.sub(r"['’]s$", "", word)
            if len(word) < 4 or not word[0].isupper() or word.isupper() or _role(word):
                continue
            folded = word.casefold()
            stem = (
                folded[:-1] if len(folded) > 4 and folded[-1] in "аяеиыоуюaeiouyáéíýěů" else folded
            )
            stems.setdefault(stem, word)
    if not stems:
        return
    runs = list(chatnames.lowercase_runs(text))
    if not runs:
        return
    alternatives = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w@#/.])(?:{alternatives})[^\W\d_]{{0,4}}(?![\w@])")
    for m in pattern.finditer(text):
        word = m.group()
        if not word[0].islower() or not capitals.rare_word(word, language):
            continue
        if not any(a <= m.start() < b for a, b in runs):
            continue  # only where a transcript or chat writes without capitals
        yield Span(m.start(), m.end(), "PERSON", "lower-case")


def _role(word: str) -> bool:
    """A title, role or allowed word that a person's span may hold ("Мұғалім", "Paní")."""
    return word.casefold() in wordlists.titles() or wordlists.allowed(word)
