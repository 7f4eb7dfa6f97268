"""Layer 2, continued: names written in lower case in chat transcripts pasted into notes.

Rule: only inside a chat message (a line that starts with a time and a speaker's name and a
colon, "21:50  kaja.stepanek09: nela me vsude zablokovala") is a lower-case word checked
against the name lists (Faker's first names with Czech endings, the Kazakh list with its case
endings, pymorphy3's Name and Surn tags), since chats drop capitals; a word that is also an
ordinary word ("will", "may", "grace") is left alone. A surname may follow a first name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import ner
from praxishub.cases.spans import Span

_MESSAGE = re.compile(
    r"^[^\S\n]*\[?\d{1,2}:\d{2}(?:[^\S\n]?[AaPp]\.?[Mm]\.?)?\]?[^\S\n]+[^:\n]{1,40}?:[^\S\n]+(?P<msg>[^\n]+)$",
    re.MULTILINE,
)
_WORD = re.compile(r"(?<![\w@.#/-])[a-zà-žа-яёәғқңөұүһі]{3,}(?![\w@-]|\.\w)")
# English words that are also first names: in a chat they are words far more often.
_EN_WORDS = frozenset(
    [
        "will",
        "may",
        "june",
        "april",
        "august",
        "mark",
        "bill",
        "rose",
        "hope",
        "faith",
        "grace",
        "joy",
        "dawn",
        "summer",
        "autumn",
        "winter",
        "art",
        "guy",
        "ray",
        "jack",
        "pat",
        "sue",
        "don",
        "van",
        "chase",
        "hunter",
        "miles",
        "frank",
        "grant",
        "dean",
        "earl",
        "lane",
        "lee",
        "king",
        "page",
        "sky",
        "star",
        "holly",
        "ivy",
        "iris",
        "lily",
        "ruby",
        "amber",
        "jade",
        "pearl",
        "heather",
        "olive",
        "angel",
        "precious",
        "sandy",
        "penny",
        "rusty",
        "honey",
        "candy",
        "crystal",
        "destiny",
        "harmony",
        "trinity",
        "brook",
        "river",
        "rain",
        "storm",
        "christian",
        "major",
        "reed",
        "wade",
        "cliff",
        "gene",
        "jean",
        "carol",
        "kim",
        "tom",
        "sonny",
        "rich",
        "young",
        "long",
        "wolf",
        "stone",
        "hill",
        "wood",
        "price",
        "bell",
        "love",
        "best",
        "cook",
    ]
)
_CS_SURNAME_ENDING = re.compile(r"(?:em|ovi|ové|ová|ovou|ou|ka|ek|ík|ák)$")


@functools.cache
def _stop_words(language: str) -> frozenset[str]:
    if language == "cs":
        from spacy.lang.cs.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    return frozenset(STOP_WORDS)


def _latin_first(word: str, language: str) -> bool:
    if word in _EN_WORDS or word in _stop_words(language) or ner.allowed(word):
        return False
    return ner._latin_name(word.capitalize(), ner.latin_names(language, first_only=True), language)


def _latin_surname(word: str, language: str) -> bool:
    if word in _EN_WORDS or word in _stop_words(language) or ner.allowed(word):
        return False
    if ner._latin_name(word.capitalize(), ner.latin_names(language), language):
        return True
    return language == "cs" and bool(_CS_SURNAME_ENDING.search(word))


@functools.cache
def _diminutives() -> frozenset[str]:
    from praxishub.cases.intake import diminutives

    shorts = diminutives().get("ru") or {}
    return frozenset(s.casefold() for forms in shorts.values() for s in forms)


def _cyrillic_name(word: str, tags: set[str]) -> bool:
    if ner.allowed(word):
        return False
    if ner._kk_name_form(word, ner.kk_names()):
        return True
    if not ner.morph().word_is_known(word):
        return word in _diminutives()  # pymorphy3 guesses a name for unknown words ("ахаха")
    best = ner.parse(word.capitalize())[0]
    return bool(tags & set(best.tag.grammemes)) and best.score >= 0.5


def find(text: str, language: str) -> Iterator[Span]:
    if ":" not in text:
        return
    cyrillic = language in ("ru", "kk")
    for message in _MESSAGE.finditer(text):
        words = list(_WORD.finditer(text, message.start("msg"), message.end("msg")))
        for i, m in enumerate(words):
            word = m.group()
            if cyrillic:
                first = _cyrillic_name(word, {"Name", "Surn"})
            elif (language in ("cs", "en") and word.isascii()) or language == "cs":
                first = _latin_first(word, language)
            else:
                first = False
            if not first:
                continue
            end = m.end()
            after = words[i + 1] if i + 1 < len(words) else None
            if after and text[end : after.start()] == " ":
                surname = after.group()
                if (cyrillic and _cyrillic_name(surname, {"Surn"})) or (
                    not cyrillic and _latin_surname(surname, language)
                ):
                    end = after.end()
            yield Span(m.start(), end, "PERSON", "chat")
