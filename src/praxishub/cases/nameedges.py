"""Layer 2, continued: the edges of a person's name that the models cut off, and nicknames.

Rule: a PERSON span is grown only over a word that is itself a name by the bundled lists:
a first name just before a surname ("Andrij Kovalenko" when only the surname was found), a
capitalised surname just after a first name found alone, a Chinese surname before a given
name ("白" + "建国"), and a Kazakh kinship or respect word written after a name ("Күләш әже").
A nickname in quotes is a PERSON after a word for being called (prefers “Keels”, říkali
„Maks“) or just after a name (Keeley Ashworth ("Kee"), Dominik, „Domča“).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import ner, ner_zh
from praxishub.cases.spans import Span

_LATIN = r"[A-ZÀ-Ž][a-zà-ž]+"
_WORD_BEFORE = re.compile(rf"(?<![\w.-])(?P<w>{_LATIN}(?:-{_LATIN})?) \Z")
_WORD_AFTER = re.compile(rf" (?P<w>{_LATIN})(?![\w-]|\.\w)")
_ZH_NOT_SURNAMES = frozenset("和与及的在于向把被给对是从为由跟同将让叫找")
_UPPER = "A-ZÀ-ŽА-ЯЁӘҒҚҢӨҰҮҺІ"
_LOWER = "a-zà-žа-яёәғқңөұүһі"
_H = r"[^\S\n]"
# A nickname in quotes after a word for being called: prefers “Keels”, chce, aby mu říkali „Maks“,
# зовут «Тёма», known as "Bee"
_CALLED = re.compile(
    rf"(?<![\w])(?:prefers|prefer|goes{_H}by|known{_H}as|call(?:s|ed)?{_H}+(?:him|her|them|me)"
    rf"|říkali|říkají|říkat|říká|oslovuj\w*|říkej|зовут|звали|называ\w+)"
    rf"(?:{_H}+(?:mu|jí|ho|ji|его|её|ее|меня))?[,:]?{_H}*[„“\"«](?P<n>[{_UPPER}][{_LOWER}]{{1,14}})[“”\"»]"
)
# A nickname in quotes or brackets just after a name: Keeley Ashworth ("Kee"), Dominik, „Domča“
_NICK_AFTER = re.compile(
    rf"[^\S\n]*(?:,[^\S\n]*|\([^\S\n]*)[„“\"«](?P<n>[{_UPPER}][{_LOWER}]{{1,14}})[“”\"»]"
)
_KK_RESPECT_AFTER = re.compile(r"[^\S\n]+(?:ағай|апай|әже|әжей|ата|апа|тәте|аға|әпке)(?![\w-])")


def _first_name(word: str) -> bool:
    """Is word (every part of a hyphenated one) a first name in the Czech or English lists?"""
    if word.casefold() in ner.titles() or ner.allowed(word):
        return False
    return all(
        any(
            ner._latin_name(part, ner.latin_names(lang, first_only=True), lang)
            for lang in ("en", "cs")
        )
        for part in word.split("-")
    )


def _surname(word: str, language: str) -> bool:
    if word.casefold() in ner.titles() or ner.allowed(word):
        return False
    names = ner.latin_names(language)
    return ner._latin_name(word, names, language) and not _first_name(word)


def grown(text: str, spans: list[Span], language: str) -> Iterator[Span]:
    """PERSON spans grown over the name words beside them."""
    for span in spans:
        if span.kind != "PERSON":
            continue
        surface = text[span.start : span.end]
        if language in ("cs", "en") and re.fullmatch(_LATIN, surface):
            before = _WORD_BEFORE.search(text, max(0, span.start - 30), span.start)
            if before and _first_name(before.group("w")) and not _first_name(surface):
                yield Span(before.start("w"), span.end, "PERSON", "edge")
            after = _WORD_AFTER.match(text, span.end)
            if after and _first_name(surface) and _surname(after.group("w"), language):
                yield Span(span.start, after.end("w"), "PERSON", "edge")
        elif language == "zh" and len(surface) == 2 and span.start > 0:
            previous = text[span.start - 1]
            if previous in ner_zh.zh_surnames() and previous not in _ZH_NOT_SURNAMES:
                yield Span(span.start - 1, span.end, "PERSON", "edge")
        elif language == "kk":
            respect = _KK_RESPECT_AFTER.match(text, span.end)
            if respect:
                yield Span(span.start, respect.end(), "PERSON", "edge")
        nick = _NICK_AFTER.match(text, span.end)
        if nick:
            yield Span(nick.start("n"), nick.end("n"), "PERSON", "edge")


def nicknames(text: str) -> Iterator[Span]:
    """Nicknames in quotes after a word for being called."""
    for m in _CALLED.finditer(text):
        if not ner.allowed(m.group("n")):
            yield Span(m.start("n"), m.end("n"), "PERSON", "edge")
