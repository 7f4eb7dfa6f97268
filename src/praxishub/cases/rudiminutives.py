"""Russian nicknames built on a first name with a diminutive or familiar suffix.

Rule: Russian makes nicknames from a first name's stem and a suffix (Стас → стасян,
Тимур → тимурчик, Дима → диман, Лёша → лёшик), then declines them ("стасяном"). A word
that pymorphy3's dictionary does not know, that ends in such a suffix (with a case
ending), and whose stem is a first name (the stem itself, or with -а/-я, tagged Name) is
a person, in lower case as well. Unknown words only: a dictionary word (диван, стакан,
мальчик) is never a nickname.

Known limits: nicknames the dictionary does know are left to the name layers; a suffix
the list lacks (-ёныш, -ушка) is missed; a stem shared by a name and an unknown slang word
could mislead it (rare).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import ner
from praxishub.cases.spans import Span

_SUFFIXES = ("ян", "чик", "ик", "ан", "ёк", "юха", "уха", "юля", "уля", "ося", "уся", "ёнок")
_ENDINGS = ("", "а", "у", "ом", "ой", "е", "ы", "и", "ов", "ам", "ами", "ах")
_WORD = re.compile(r"(?<![\w-])[А-ЯЁа-яё]{5,}(?![\w-])")


def find(text: str, language: str) -> Iterator[Span]:
    """Nicknames made of a first name's stem and a familiar suffix."""
    if language != "ru":
        return
    for m in _WORD.finditer(text):
        if _nickname(m.group().casefold()):
            yield Span(m.start(), m.end(), "PERSON", "ru-nickname")


@functools.cache
def _nickname(word: str) -> bool:
    if ner.morph().word_is_known(word) or ner.allowed(word):
        return False
    for ending in _ENDINGS:
        if not word.endswith(ending):
            continue
        base = word[: len(word) - len(ending)]
        for suffix in _SUFFIXES:
            stem = base[: len(base) - len(suffix)]
            if (
                base.endswith(suffix)
                and len(stem) >= 3
                and any(_first_name(stem + end) for end in ("", "а", "я"))
            ):
                return True
    return False


@functools.cache
def _first_name(word: str) -> bool:
    if not ner.morph().word_is_known(word):
        return False
    parse = ner.parse(word.capitalize())[0]
    return "Name" in parse.tag.grammemes and parse.normal_form == word
