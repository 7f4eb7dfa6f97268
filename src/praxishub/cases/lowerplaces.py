"""Towns said in lower case in Russian, Kazakh and Czech speech, by the lists that know them.

Rule: chats and voice-message transcripts write towns in lower case ("он в житомире", "муж
на ямбурге", "семейдің вокзалынан", "ұланбатырда жұмыста"), where the name layers, which
read capitals, do not look. Word lists alone cannot tell such a word from slang or an app's
name ("в тиктоке", "в инсте", tried and dropped on 2026-12-03), but the dictionaries can:

- Russian (in Russian and Kazakh notes): a lower-case word after a preposition of place
  (в, на, из, под, к, у, около …) whose most likely reading in pymorphy's dictionary (a word
  it knows, not one it guesses) is a geographic name (``Geox``) is a PLACE, unless it names a
  country (Babel's list of territories; countries stay unmarked, like "в канаде");
- Czech: a lower-case word after a preposition of place (v, ve, z, do, u, k, na …) that is,
  once its case ending is taken off (with a fleeting e, c for k, z for h), a town of
  ``data/places_cs.txt`` ("v kladně", "z krupky", "ve žďáře", "v praze"); towns whose names
  are also words are not on that list (Most, Tábor, Písek, Linec: "na lince");
- Kazakh: a lower-case word that is a town of ``data/places_kk.txt`` with a Kazakh case
  ending (-да, -дан, -ға, -дің …) is a PLACE, unless the town's name is also a word (есік
  "door", ақтау "to justify").

Known limits: a village no dictionary holds stays (``к брату в шиели``); a town that is
also a common word in its reading ("в орле" reads as the town, "на мире" as the world) goes
with the dictionary's likelier reading; a Czech village or a town of two words ("nového
města") is not on the list; English lower-case towns are left to ``placeedges``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import ner, wordlists
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_RU_AFTER = re.compile(
    rf"(?<![\w-])(?:в|во|на|из|изо|под|к|ко|у|до|около|возле|под|за|с|со|из-под){_H}+"
    r"(?P<w>[а-яё]{3,}(?:-[а-яё]{2,})?)(?![\w-])"
)
_KK_LOWER = re.compile(r"(?<![\w-])(?P<w>[а-яәғқңөұүһі]{3,}(?:-[а-яәғқңөұүһі]{2,})?)(?![\w-])")
_KK_ENDINGS = [
    "дағы",
    "дегі",
    "тағы",
    "тегі",
    "нда",
    "нде",
    "да",
    "де",
    "та",
    "те",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "а",
    "е",
    "дың",
    "дің",
    "тың",
    "тің",
    "ның",
    "нің",
    "ды",
    "ді",
    "ты",
    "ті",
    "ны",
    "ні",
    "дай",
    "дей",
    "мен",
    "бен",
    "пен",
]
# Towns whose names are also Kazakh words: есік "door", ақтау "to justify", шелек "bucket"
_KK_WORDS = frozenset({"есік", "ақтау", "шелек", "арыс", "келес", "орал", "мерке"})
_MIN_SCORE = 0.4


def find(text: str, language: str) -> Iterator[Span]:
    """Lower-case towns in Russian, Kazakh and Czech speech."""
    if language not in ("ru", "kk", "cs"):
        return
    for m in _RU_AFTER.finditer(text) if language != "cs" else ():
        if _ru_town(m.group("w")):
            yield Span(m.start("w"), m.end("w"), "PLACE", "lower-place")
    if language == "cs":
        for m in _CS_AFTER.finditer(text):
            if _cs_town(_folded(m.group("w"))):
                yield Span(m.start("w"), m.end("w"), "PLACE", "lower-place")
    if language == "kk":
        towns = ner.kk_places()
        for m in _KK_LOWER.finditer(text):
            if _kk_town(m.group("w"), towns):
                yield Span(m.start("w"), m.end("w"), "PLACE", "lower-place")


@functools.lru_cache(maxsize=4096)
def _ru_town(word: str) -> bool:
    best = ner.morph().parse(word)[0]
    return (
        "Geox" in best.tag
        and best.is_known
        and best.score >= _MIN_SCORE
        and best.normal_form not in _countries()
    )


def _kk_town(word: str, towns: frozenset[str]) -> bool:
    if word in towns:
        return False  # a bare town's name in lower case is as often a word (орал, арыс)
    return any(
        word.endswith(ending)
        and (stem := word[: -len(ending)]) in towns
        and stem not in _KK_WORDS
        and len(stem) > 3
        for ending in _KK_ENDINGS
    )


# A Czech preposition of place, then a lower-case word (a typed chat may drop the diacritics)
_CS_AFTER = re.compile(
    rf"(?<![\w-])(?:v|ve|z|ze|do|u|k|ke|na|od|ode|kolem|okolo|blízko|blizko|poblíž|pobliz|za|před|pred)"
    rf"{_H}+(?P<w>[a-záčďéěíňóřšťúůýž]{{3,}}(?:-[a-záčďéěíňóřšťúůýž]{{3,}})?)(?![\w-])"
)
_CS_ENDINGS = ("ich", "ech", "ach", "ami", "ovi", "ou", "em", "e", "i", "y", "u", "a", "o")
_CS_BASE_ENDINGS = ("", "a", "o", "e", "y")
_FOLD = str.maketrans("áčďéěíňóřšťúůýžľĺŕô", "acdeeinorstuuyzllro")


def _folded(word: str) -> str:
    return word.casefold().translate(_FOLD)


@functools.cache
def _cs_towns() -> frozenset[str]:
    return frozenset(_folded(w) for w in wordlists.data_words("places_cs.txt"))


@functools.lru_cache(maxsize=4096)
def _cs_town(word: str) -> bool:
    """Is the (folded) word a form of a town of ``places_cs.txt``: "kladne" (Kladno),
    "porube" (Poruba), "krupce" (Krupka), "pisku"-like fleeting e ("heralci", Herálec),
    "praze" (Praha), "teplicich" (Teplice)?"""
    towns = _cs_towns()
    if word in towns:
        return True
    for ending in _CS_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        stems = {stem}
        if stem[-1] in "kcn" and stem[-2] not in "aeiouy":
            stems.add(stem[:-1] + "e" + stem[-1])  # a fleeting e: heralc -> heralec
        if stem.endswith("c"):
            stems.add(stem[:-1] + "k")  # krupce -> krupka
        if stem.endswith("z"):
            stems.add(stem[:-1] + "h")  # praze -> praha
        if any(s + base in towns for s in stems for base in _CS_BASE_ENDINGS):
            return True
    return False


@functools.cache
def _countries() -> frozenset[str]:
    """Countries' names in Russian and Kazakh, in lower case (Babel's territories)."""
    from babel import Locale

    names: set[str] = set()
    for locale in ("ru", "kk"):
        names.update(name.casefold() for name in Locale(locale).territories.values())
    return frozenset(names)
