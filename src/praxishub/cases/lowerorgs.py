"""Organisations written in lower case, ending in a word for their kind.

Rule: a transcript or chat drops the capitals of an organisation's name, but keeps its
shape: a few words ending in a kind word ("… sheriff's office", "… baptist church",
"… poultry llc", "… dental clinic"), a school by its level ("clyde road primary"). In a lower-case stretch
(``chatnames.lowercase_runs``), the words before such a kind word, back to the nearest
stop word (at most five), are the name when one of them is rare (``wordfreq`` Zipf below
``RARE``): a rare word is what makes a name of "the county office".

In Russian, a rare adjective made from a place's name before a hospital's or school's word
("в кошкинскую больницу") is such a name.

Known limits: English, and that one Russian shape (English stop words bound the name); a
name whose words are all common ("first baptist church") is left; a name without a kind word
("dollar general") is left to the other layers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import chatnames
from praxishub.cases.spans import Span

RARE = 3.0
_KINDS = (
    r"church|office|llc|inc|ltd|clinic|hospital|center|centre|department|bank|store|pharmacy"
    r"|ministries|chapel|foundation|agency|services|academy|company|co|corp|diner|cafe|motel"
    # a workplace, a surgery, a congregation or a force a chat names: "… logistics",
    # "… family practice", "… aboriginal health", "… police", "… island fellowship"
    r"|logistics|packaging|freight|bakery|nails|cars|motors|garage|depot|roadhouse|takeaway"
    r"|practice|medical|health|outreach|police|fellowship|parish|mission|tabernacle"
)
# and schools: "move her to clyde road primary"
_SCHOOL_KINDS = r"(?:primary|elementary|secondary|grammar|infants|juniors)(?:[^\S\n]school)?"
_NAME = re.compile(
    rf"(?<![\w'’.-])(?P<name>(?:[a-z][a-z'’.-]*[^\S\n]){{1,5}})(?P<kind>(?:{_KINDS})(?:[^\S\n](?:{_KINDS}))?"
    rf"|(?P<school>{_SCHOOL_KINDS}|(?:high|middle)[^\S\n]school))(?![\w-])"
)


# Russian: a rare adjective made from a place's name before a hospital's or school's word
# ("в кошкинскую больницу", "из бердской поликлиники"), not "в городскую больницу"
_RU_PLACE_BODY = re.compile(
    r"(?<![\w-])(?P<adj>[а-яё]{3,}(?:инск|ынск|овск|евск|ёвск|ск)(?:ая|ую|ой|ий|ого|ом|ие|их))"
    r"[^\S\n]+(?:больниц[аеуыи]?й?|поликлиник[аеуи]?й?|црб|амбулатори[яиюей]|школ[аеуыи]?й?"
    r"|гимнази[яиюей]|диспансер[аеу]?)(?![\w-])"
)


def find(text: str, language: str) -> Iterator[Span]:
    """Lower-case names ending in a kind word, holding a rare word."""
    if language == "ru":
        yield from _russian(text)
    if language != "en":
        return
    stops = chatnames._stop_words("en")
    for start, stop in chatnames.lowercase_runs(text):
        for m in _NAME.finditer(text, start, stop):
            words = m.group("name").split()
            kept: list[str] = []
            for word in reversed(words):
                if word in stops or word.rstrip("'’s") in stops:
                    break
                kept.insert(0, word)
            # a school named by its street ("clyde road primary") needs no rare word
            by_street = (
                m.group("school")
                and len(kept) >= 2
                and kept[-1] in ("road", "street", "lane", "park", "hill", "avenue", "drive")
            )
            if kept and (by_street or any(_rare(w) or _town(w) for w in kept)):
                begin = m.end("name") - len(" ".join(kept)) - 1
                yield Span(begin, m.end(), "SCHOOL" if m.group("school") else "ORG", "lower-org")


@functools.cache
def _rare(word: str) -> bool:
    from wordfreq import zipf_frequency

    word = re.sub(r"['’]s$", "", word)
    return len(word) > 2 and zipf_frequency(word, "en") < RARE


@functools.cache
def _town(word: str) -> bool:
    """Is word a town of the English-speaking countries, and no common word ("auckland
    city hospital", not "park" or "city")?"""
    from wordfreq import zipf_frequency

    from praxishub.cases import gazetteer

    return (
        len(word) > 3
        and zipf_frequency(word, "en") < 4.0
        and gazetteer.index().town(word, False, gazetteer.ENGLISH_SPEAKING)
    )


def _russian(text: str) -> Iterator[Span]:
    from wordfreq import zipf_frequency

    for start, stop in chatnames.lowercase_runs(text):
        for m in _RU_PLACE_BODY.finditer(text, start, stop):
            if zipf_frequency(m.group("adj"), "ru") < 1.5:
                yield Span(m.start(), m.end(), "ORG", "lower-org")
