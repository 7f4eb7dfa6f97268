"""The bundled word lists the name finders share, and the allow-list.

Rule: a list is a text file under ``praxishub/cases/data`` (one or several words a
line, ``#`` comments), read once, on first use; ``titles`` are never a name on their
own, ``allowed`` words (test authors, acronyms, countries, with up to three letters of
case ending) are never masked as names or places.
"""

from __future__ import annotations

import functools
import re
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
