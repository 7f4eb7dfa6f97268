"""Czech institutions whose names go on in lower case, told by a capital mid-sentence.

Rule: Czech capitalises only the first word of an institution's name ("Linka bezpečí",
"Česká školní inspekce", "Městská policie", "Krajská zdravotní"), and nothing else
mid-sentence but names. So a rare word written with a capital in the middle of a sentence,
followed by lower-case words, is the first word of a name; the name runs over the
lower-case words after it up to the first stop word, verb-like function word or punctuation
(at most three words). The capitals fallback masks the rare head alone; this takes in the
lower-case rest of the name. A common head ("Městská policie") is left: common words in
sentence case name tests and methods as often ("Kresba rodiny", "Škála sebehodnocení").

Known limits: a rare test's name in a list after a word and a comma ("…, Škála úzkosti")
is taken for an institution; a word capitalised for emphasis or after an unmarked sentence break
(an abbreviation's full stop) is taken for a name; a name whose second word is a stop word
("Most k domovu") is cut before it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import capitals, chatnames, ner, wordlists
from praxishub.cases.spans import Span

_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_LO = "a-záčďéěíňóřšťúůýž"
_NAME = re.compile(
    rf"(?:(?<=[{_LO}\d][^\S\n])|(?<=[{_LO}\d][,;][^\S\n]))(?P<head>[{_UP}][{_LO}]{{3,}})(?P<rest>(?:[^\S\n][{_LO}]{{3,}}){{1,3}})"
)

# Prepositions the stop-word list lacks; a name's lower-case words never include one.
_PREPOSITIONS = frozenset(["dle", "podle", "kvůli", "během", "proti", "mezi", "kromě", "vůči"])


def find(text: str, language: str) -> Iterator[Span]:
    """Capitalised common words mid-sentence with the lower-case words that follow."""
    if language != "cs":
        return
    stops = chatnames._stop_words("cs")
    for m in _NAME.finditer(text):
        head = m.group("head")
        if not _common_head(head):
            continue
        kept = 0
        for word in m.group("rest").split():
            if word in stops or word in _PREPOSITIONS or not _noun_like(word):
                break
            kept += 1
        if kept:
            end = m.start("rest")
            for word in m.group("rest").split()[:kept]:
                end = text.index(word, end) + len(word)
            yield Span(m.start("head"), end, "ORG", "cs-capital-name")


@functools.cache
def _common_head(word: str) -> bool:
    """A capitalised head that is no common word (the capitals fallback masks it alone), no
    title, allowed word or first name (names are found by the name layers)."""
    if not capitals.rare_word(word, "cs") or wordlists.allowed(word):
        return False  # a common word in sentence case is as often a test's or a method's name
    if word.casefold() in wordlists.titles():
        return False
    return word.casefold() not in ner.latin_names("cs", first_only=True)


def _noun_like(word: str) -> bool:
    """A noun's or an adjective's ending, not a verb's (-l, -la, -lo, -li, -t, -me, -te)."""
    return not re.search(r"(?:l|la|lo|li|t|me|te)$", word)
