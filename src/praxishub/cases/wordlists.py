"""The bundled word lists the name finders share, and the allow-list.

Rule: a list is a text file under ``praxishub/cases/data`` (one or several words a
line, ``#`` comments), read once, on first use; ``titles`` are never a name on their
own, ``allowed`` words (test authors, acronyms, countries, with up to three letters of
case ending) are never masked as names or places.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources


def data_lines(name: str) -> list[str]:
    """The entries of a bundled list: one or several (space-separated) a line, # comments."""
    text = resources.files("praxishub.cases").joinpath("data", name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def data_words(name: str) -> list[str]:
    return [w for line in data_lines(name) for w in line.split()]


@functools.cache
def titles() -> frozenset[str]:
    """Titles, roles and kinship words: never a person's name on their own."""
    return frozenset(w.casefold() for w in data_words("titles.txt"))


@functools.cache
def _not_surnames() -> frozenset[str]:
    return frozenset(data_words("not_surnames.txt"))


@functools.cache
def allowlist() -> frozenset[str]:
    """Words never masked as names or places: test authors, acronyms, countries."""
    return frozenset(w.casefold() for w in data_lines("allowlist.txt"))


@functools.lru_cache(maxsize=1 << 16)  # asked for the same words again and again, by many layers
def allowed(word: str) -> bool:
    """Is word (or every part of it) on the allow-list, with up to 3 letters of case ending?"""
    words = allowlist()
    folded = word.casefold().strip(" .,«»\"'")
    return folded in words or all(
        _allowed_part(p.strip("()[],.;:"), words)
        for p in re.split(r"[\s\-–—]+", folded)
        if p.strip("()[],.;:")
    )


def _allowed_part(part: str, words: frozenset[str]) -> bool:
    if part in words:
        return True
    return any(len(part) - k >= 4 and part[:-k] in words for k in (1, 2, 3))


# A word of a text, letters and digits, with inner apostrophes ("Raven's", "K'iche").
_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# What may stand between the words of a term: a space, a hyphen or dash, or an abbreviation's stop.
_GAP = re.compile(r"[^\S\n]{0,2}[-–—/]?[^\S\n]{0,2}|\.[^\S\n]?")
# A Kazakh case ending hyphenated to a term ("Instagram-дағы", "Telegram-да").
_KK_HYPHEN_END = re.compile(r"-[а-яәғқңөұүһі]{1,6}(?![^\W\d_])")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class _Terms:
    """The term list, indexed for one pass over a text's words."""

    exact: dict[str, tuple[tuple[tuple[str, bool], ...], ...]]
    stems: dict[str, tuple[tuple[tuple[str, bool], ...], ...]]
    han: re.Pattern[str] | None


@functools.cache
def _terms() -> _Terms:
    exact: dict[str, list[tuple[tuple[str, bool], ...]]] = {}
    stems: dict[str, list[tuple[tuple[str, bool], ...]]] = {}
    han: list[str] = []
    for line in [*data_lines("terms.txt"), *data_lines("terms_more.txt")]:
        if _HAN.search(line):
            han.append(line)
            continue
        words = tuple(
            (w.rstrip("*"), w.endswith("*"))
            for w in re.split(r"[\s\-–—]+", line.casefold().replace("’", "'"))
            if w
        )
        first, prefix = words[0]
        if prefix:
            stems.setdefault(first[:3], []).append(words)
        else:
            exact.setdefault(first, []).append(words)
    pattern = "|".join(re.escape(w) for w in sorted(han, key=len, reverse=True))
    return _Terms(
        {k: tuple(v) for k, v in exact.items()},
        {k: tuple(v) for k, v in stems.items()},
        re.compile(pattern) if pattern else None,
    )


def _word_fits(word: str, entry: tuple[str, bool]) -> bool:
    stem, prefix = entry
    return word.startswith(stem) if prefix else word == stem


def term_places(text: str) -> list[tuple[int, int]]:
    """Where the text names a test, a weekday, a subject, a language, a form's label, a role,
    a medicine, a greeting or an app (``terms.txt``): words that are never an identifier, so
    that what a layer masked inside them can be let go. One pass over the words, each looked
    up in an index: linear in the text."""
    terms = _terms()
    tokens = [
        (m.start(), m.end(), m.group().casefold().replace("’", "'")) for m in _TOKEN.finditer(text)
    ]
    places: list[tuple[int, int]] = []
    for i, (start, _, word) in enumerate(tokens):
        for words in terms.exact.get(word, ()) + terms.stems.get(word[:3], ()):
            if i + len(words) > len(tokens):
                continue
            ok = True
            for k, entry in enumerate(words):
                if not _word_fits(tokens[i + k][2], entry):
                    ok = False
                    break
                if k and not _GAP.fullmatch(text, tokens[i + k - 1][1], tokens[i + k][0]):
                    ok = False
                    break
            if ok:
                end = tokens[i + len(words) - 1][1]
                tail = _KK_HYPHEN_END.match(text, end)
                places.append((start, tail.end() if tail else end))
    if terms.han is not None:
        places.extend((m.start(), m.end()) for m in terms.han.finditer(text))
    return places
