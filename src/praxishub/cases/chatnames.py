"""Layer 2, continued: names written in lower case in chat transcripts pasted into notes.

Rule: only inside a chat message (a line that starts with a time and a speaker's name and a
colon, "21:50  kaja.stepanek09: nela me vsude zablokovala", or the lines under a messenger's
header of sender and time, "**Анжела В.** 20:03") is a lower-case word checked
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
# A message under its own header, as a messenger's window copies it: the sender in bold and the
# time ("**Ирина Лапина** 19:14"), or the sender and the date and time in brackets ("Ирина
# Лапина, [12.03.2026 19:14]"), the text on the lines below, up to a blank line
_HEADED = re.compile(
    r"(?m)^[^\S\n]*(?:\*\*[^*\n]{2,40}\*\*[^\S\n]+\[?\d{1,2}:\d{2}\]?"
    r"|[^\n\[\],:]{2,40},[^\S\n]*\[\d{1,2}\.\d{1,2}\.\d{2,4},?[^\S\n]+\d{1,2}:\d{2}\])[^\S\n]*\n"
    r"(?P<msg>[^\S\n]*\S[^\n]*(?:\n[^\S\n]*\S[^\n]*)*)"
)
_WORD = re.compile(r"(?<![\w@.#/-])[a-zà-žа-яёәғқңөұүһі]{3,}(?![\w@-]|\.\w)")
# A line (or a quotation in one) whose text, after a sender or label and a colon, starts in
# lower case: "> hiya it's …", "J: des i might …", "Айтқаны: «апай сәлеметсіз бе …»"
_LOWER_START = re.compile(r"(?m)^[^\S\n]*(?:>[^\S\n]*)?[a-zà-žа-яёәғқңөұүһі]")
_LOWER_RUN = re.compile(
    # (a sender may be a phone number: "19:09 - +7 747 219 83 06: правильно …")
    r"(?m)(?:^[^\S\n]*(?:>[^\S\n]*)?(?:[^:\n]{1,40}:[^\S\n]+)?|(?<=[^\W_]:)[^\S\n]+)"
    r"(?:[\"“„][^\S\n]*)?(?P<body>[a-zà-žа-яёәғқңөұүһі][^\n]*)"
    r"|«(?P<quote>[a-zà-žа-яёәғқңөұүһі][^\n»]*)"
)
_LOWER_SENTENCES = re.compile(
    r"(?m)^[^\S\n]*(?:>[^\S\n]*)?(?P<body>[^\n]*[.!?…][^\S\n]+[a-zà-žа-яёәғқңөұүһі][^\n]*)$"
)
_LOWER_HYPHENATED = re.compile(r"(?<![\w@.#/-])[a-zà-ž]{2,10}-[a-zà-ž]{2,10}(?![\w@-])")
# A Czech woman's surname, with or without its diacritics: "hlaváčkové", "dvorakova"
_CS_SURNAME = re.compile(r"[a-zà-ž]{3,}(?:ov[áaéeé]|ovou|ovej|ské|ská|cká|cké)$")
_RU_SURNAME = re.compile(r"(?:ов|ев|ёв|ин|ын)(?:а|у|ым|ой|ым|ых|е)?$|(?:ск|цк)(?:ий|ая|ой|ую|ого)$")
# Words for a teacher or another adult before a surname written in lower case
_ROLE_WORDS = frozenset(
    [
        "училка",
        "учительница",
        "учитель",
        "классная",
        "классный",
        "завуч",
        "директор",
        "директриса",
        "препод",
        "физрук",
        "paní",
        "pani",
        "pan",
        "doktorka",
        "doktorky",
        "doktorce",
        "doktorkou",
        "učitelka",
        "učitel",
        "třídní",
        "mrs",
        "mr",
        "miss",
        "ms",
        "teacher",
        "sir",
    ]
)
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
        "drew",
        "rob",
        "nick",
        "chuck",
        "chip",
        "dash",
        "bud",
        "buddy",
        "mercy",
        "sunny",
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
    return language == "cs" and bool(_CS_SURNAME_ENDING.search(word)) and _rare_cs(word)


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


# Kazakh first names that are also everyday words (star, ray, dream, hour, happiness, goal …):
# in lower case they are the words.
_KK_WORD_NAMES = frozenset(
    [
        "абай",
        "алмас",
        "болат",
        "дана",
        "жұлдыз",
        "сәуле",
        "арман",
        "ерке",
        "бақыт",
        "сағат",
        "қуаныш",
        "медет",
        "жақсылық",
        "рахат",
        "самал",
        "толқын",
        "жібек",
        "маржан",
        "мақсат",
        "қымбат",
        "азамат",
        "батыр",
        "ерік",
        "мейрам",
        "ақниет",
        "жаннат",
        "әділет",
        "дәулет",
        "бейбіт",
        "мирас",
        "ғалым",
        "әділ",
        "сұлтан",
        "мұрат",
        "ислам",
        "ұлан",
        "айна",
        "шынар",
    ]
)


@functools.cache
def _kk_first_names() -> frozenset[str]:
    return ner.kk_names() - _KK_WORD_NAMES


def _kk_first(word: str) -> bool:
    """A Kazakh first name from the bundled list, bare or with a case ending ("аружанның")."""
    names = _kk_first_names()
    return not ner.allowed(word) and (word in names or ner._kk_name_form(word, names))


def _only_name(word: str) -> bool:
    """A Russian word whose every likely reading is a first name ("тимоша", not "роза", "лев")."""
    if ner.allowed(word) or not ner.morph().word_is_known(word):
        return word in _diminutives()
    parses = ner.parse(word)
    other = sum(p.score for p in parses if not {"Name", "Surn", "Patr"} & set(p.tag.grammemes))
    return "Name" in parses[0].tag.grammemes and other <= 0.15


def _only_place(word: str) -> bool:
    """A Russian word whose every likely reading is a town's or region's name ("сургуте"), not a
    country's (countries stay unmarked)."""
    if ner.allowed(word) or not ner.morph().word_is_known(word):
        return False
    parses = ner.parse(word)
    other = sum(p.score for p in parses if "Geox" not in p.tag.grammemes)
    best = parses[0]
    lemma = best.normal_form
    return (
        "Geox" in best.tag.grammemes
        and other <= 0.15
        and not ner.allowed(lemma)
        and lemma not in _ru_countries()
    )


@functools.cache
def _ru_countries() -> frozenset[str]:
    """Countries' and continents' names in Russian (Faker's list): never marked."""
    from faker import Faker

    countries = Faker("ru_RU").provider("faker.providers.address").countries
    return frozenset(c.casefold() for c in countries) | {"европа", "азия", "африка", "америка"}


def _cs_first(word: str) -> bool:
    """A Czech first name, bare or declined as its gender declines it: "ondry" (Ondra), "majdi"
    (Majda), "vaškovi" (Vašek); not "metody" (the noun metoda, beside the name Metod)."""
    if word in _stop_words("cs") or ner.allowed(word):
        return False
    names = ner.latin_names("cs", first_only=True)
    base = word if word in names else None
    for ending, feminine in _CS_DECLINED:
        stem = word[: -len(ending)]
        if base is None and word.endswith(ending) and len(stem) > 2:
            base = (
                (stem + "a" if feminine else stem)
                if (stem + "a" if feminine else stem) in names
                else None
            )
    if base is None:
        return False
    # a name known only with its diacritics, typed bare, is no common word ("lidi" is no Lída)
    return base not in ner.bare_only_names("cs", True) or not ner.common_typed_bare(word)


_CS_DECLINED = (
    ("ou", True),
    ("y", True),
    ("ě", True),
    ("e", True),
    ("i", True),
    ("u", True),
    ("o", True),
    ("a", False),
    ("ovi", False),
    ("em", False),
    ("e", False),
    ("u", False),
)


def lowercase_runs(text: str) -> Iterator[tuple[int, int]]:
    """Stretches written without capitals: a voice message's transcript, a chat message, a
    quotation, whose first letter is lower case ("> hiya it's …", "Kája: dneska …", «апай …»)."""
    for m in _LOWER_RUN.finditer(text):
        group = "body" if m.group("body") else "quote"
        words = m.group(group).split()
        if len(words) < 4:
            continue
        capitals = sum(w[:1].isupper() for w in words)
        if capitals * 5 <= len(words):
            yield m.start(group), m.end(group)
    # a long line whose sentences start in lower case ("АНОНИМНО. короче в нашей школе …")
    for m in _LOWER_SENTENCES.finditer(text):
        words = m.group("body").split()
        if len(words) >= 8 and sum(w[:1].isupper() for w in words) * 5 <= len(words):
            yield m.start("body"), m.end("body")


def _surname_after(
    word: str, strict: bool, cyrillic: bool, language: str, beside: bool = False
) -> bool:
    """Is word a surname, after a first name or (strict: by the lists alone) after a teacher's
    role word ("училка ракитина", "paní novotná"); right after the role word, a Czech woman's
    surname by its shape too ("paní doktorky hlaváčkové", "pani dvorakova")?"""
    if word in _ROLE_WORDS or word in _EN_WORDS or ner.allowed(word):
        return False
    if cyrillic:
        if _cyrillic_name(word, {"Surn"}) or "Surn" in ner.parse(word)[0].tag.grammemes:
            return True
        # an unknown word made like a surname ("гулящева", "тимохиной")
        return not ner.morph().word_is_known(word) and bool(_RU_SURNAME.search(word))
    if strict:
        if word in _stop_words("cs" if language == "cs" else "en"):
            return False
        if beside and language == "cs" and _CS_SURNAME.search(word) and _rare_cs(word):
            return True
        return ner._latin_name(word.capitalize(), ner.latin_names(language), language)
    return _latin_surname(word, language)


def find(text: str, language: str) -> Iterator[Span]:
    if ":" not in text and not _LOWER_START.search(text):
        return
    cyrillic = language in ("ru", "kk")
    stretches = [(m.start("msg"), m.end("msg"), True) for m in _MESSAGE.finditer(text)]
    stretches.extend((m.start("msg"), m.end("msg"), True) for m in _HEADED.finditer(text))
    stretches.extend((a, b, False) for a, b in lowercase_runs(text))
    seen: set[int] = set()
    for start, stop, timed in stretches:
        words = [m for m in _WORD.finditer(text, start, stop) if m.start() not in seen]
        seen.update(m.start() for m in words)
        for i, m in enumerate(words):
            word = m.group()
            if cyrillic and not timed:
                # out of a timed chat, only a first name opens a name (not "толстая")
                first = _kk_first(word) if language == "kk" else _only_name(word)
            elif language == "cs" and not timed:
                first = _cs_first(word)
            elif cyrillic:
                first = _cyrillic_name(word, {"Name", "Surn"})
            elif (language in ("cs", "en") and word.isascii()) or language == "cs":
                first = _latin_first(word, language)
            else:
                first = False
            if language == "ru" and not timed and not first and _only_place(word):
                yield Span(m.start(), m.end(), "PLACE", "chat")
                continue
            previous = words[i - 1].group().casefold() if i else ""
            surname = False
            beside = bool(i) and not text[words[i - 1].end() : m.start()].strip()
            if (
                not first
                and previous in _ROLE_WORDS
                and (not timed or (language == "cs" and beside))
            ):
                first = surname = _surname_after(word, True, cyrillic, language, beside)
            after = words[i + 1] if i + 1 < len(words) else None
            if (
                not first
                and language == "ru"
                and after is not None
                and after.group().casefold() in _HONORIFICS
                and text[m.end() : after.start()] == " "
            ):
                first = _honoured(word)
            if not first:
                continue
            end = m.end()
            if (
                not surname
                and after
                and text[end : after.start()] == " "
                and _surname_after(after.group(), False, cyrillic, language)
            ):
                end = after.end()
            yield Span(m.start(), end, "PERSON", "chat")
        for m in _LOWER_HYPHENATED.finditer(text, start, stop):
            parts = m.group().split("-")
            if not cyrillic and any(
                ner._latin_name(p.capitalize(), ner.latin_names(language, True), language)
                for p in parts
                if len(p) > 2
            ):
                yield Span(m.start(), m.end(), "PERSON", "chat")


# Kin words said after a first name as an honorific, in Tatar, Bashkir, Kazakh, Uzbek and
# Kyrgyz families' Russian: "рәзидә апа зовут", "фарид абый"
_HONORIFICS = frozenset(
    ["апа", "апай", "абый", "абзый", "ака", "опа", "эже", "әби", "бабай", "тәте"]
)


def _honoured(word: str) -> bool:
    """Is the lower-case word before an honorific a name: no common Russian word (wordfreq)
    nor a kin or role word, three letters or more?"""
    from praxishub.cases import learned

    folded = word.casefold()
    parses = ner.parse(folded)[:3]
    verb_like = parses and all(
        p.tag.POS in ner._NOT_NAME_POS and not ner._NAME_TAGS & set(p.tag.grammemes) for p in parses
    )  # "мы повезём әби в казань": a verb, not a name
    return (
        len(folded) >= 3
        and not verb_like
        and folded not in _ROLE_WORDS
        and folded not in _HONORIFICS
        and not learned._common_word(folded, "ru", 2.5)
    )


def _rare_cs(word: str) -> bool:
    from praxishub.cases import capitals

    return capitals.rare_word(word, "cs")
