"""Towns said in lower case in speech, by the lists that know them.

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
- Kazakh: a lower-case word that is a town of ``data/places_kk.txt`` or a town of
  Kazakhstan of 5,000 people or more in GeoNames, with a Kazakh case ending (-да, -дан, -ға,
  -дің, and "I am" in or from it: "қазалыданмын"), is a PLACE, unless the town's name is
  also a word (есік "door", ақтау "to justify", жақсы "good") or a first name (абай).

Where the dictionaries stop, GeoNames' towns (``gazetteer``) go on, for the villages, suburbs
and foreign towns families name, with wordfreq's frequencies to keep the words out:

- English: one to three lower-case words after a preposition of place (in, from, at, near,
  to …) that name a town of the UK, Ireland, the US, Canada, Australia, New Zealand or South
  Africa, or a city of 100,000 people or more elsewhere ("his father is in lagos", "from
  croydon", "in cape town"), unless a single word is a common English word (Zipf 3.8 or
  more: "in reading", "at home", "in march"), a first name ("to tyler"), a country or a
  term;
- Czech: a form of a Czech or Slovak village, or of a city elsewhere, by the endings above
  ("v herálci", "v lanžhotě", "do lipska", "z kišiněva"), unless the form or the town's name
  is a common Czech word once the marks are folded away ("na návsi", "v praci" for "v
  práci");
- Russian: a town of Russia or its neighbours, or a city elsewhere, in its case forms
  ("в кушнаренково", "из арска", "в купчино"), where pymorphy does not know the word or knows
  it first as a place, and it is no common word form.

Kazakh words too often name a village somewhere (маманы, болғанда, терезенің were tried on
2026-12-04), so Kazakh keeps its own list, and of GeoNames takes only the villages of
Kazakhstan whose names end in a place name's last part (-бұлақ, -ағаш, -көл, -тау, -төбе,
-құдық, -өзен, -шоқы: "қарабұлаққа"). Both are matched with the Kazakh letters folded as a
Russian keyboard types them ("кандыагашта" for Қандыағашта).

Known limits: a village GeoNames does not hold (under 1,000 people, or a part of a town:
``шиели`` is held, ``z trnovan`` is not); a town that is also a common word ("в орле" reads as
the town, "на мире" as the world; "zubří", "lince") goes with the likelier reading; a Czech
town of two words ("nového města") is not matched; an English town that is also a common
word ("in reading", "to hull") stays unmarked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import gazetteer, ner, wordlists
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_RU_AFTER = re.compile(
    rf"(?<![\w-])(?:в|во|на|из|изо|под|к|ко|у|до|около|возле|под|за|с|со|из-под){_H}+"
    r"(?P<w>[а-яё]{3,}(?:-[а-яё]{2,})?)(?![\w-])"
)
_KK_LOWER = re.compile(r"(?<![\w-])(?P<w>[а-яәғқңөұүһі]{3,}(?:-[а-яәғқңөұүһі]{2,})?)(?![\w-])")
_KK_ENDINGS = [
    # "мен талдықорғандамын", "семейденмін": in (or from) the town, said with "I am"
    "дамын",
    "демін",
    "тамын",
    "темін",
    "ндамын",
    "ндемін",
    "данмын",
    "денмін",
    "танмын",
    "тенмін",
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
_KK_WORDS = frozenset(
    {"есік", "ақтау", "шелек", "арыс", "келес", "орал", "мерке"}
    # ("good", "wild ass", and Soviet words that name a village)
    | {"жақсы", "құлан", "ильич", "комсомолец", "заводской", "энергетический"}
)
_MIN_SCORE = 0.4


def find(text: str, language: str) -> Iterator[Span]:
    """Lower-case towns in Russian, Kazakh, Czech and English speech."""
    if language == "en":
        yield from _english(text)
        return
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
    parses = ner.morph().parse(word)
    best = parses[0]
    # an indeclinable town's readings share the score between its cases ("в тольятти": 0.25
    # for each of four), so the place readings are summed
    geo = sum(p.score for p in parses if "Geox" in p.tag and p.is_known)
    if (
        "Geox" in best.tag
        and "NOUN" in best.tag
        and best.is_known
        and geo >= _MIN_SCORE
        and best.normal_form not in _countries()
    ):
        return True
    return _ru_gazetteer_town(word)


# Russian endings a town's name takes after a preposition, and what its name ends in then:
# "в кушнаренково" (as is), "из арска" (Арск), "на ямбурге" (Ямбург), "в кошках" (Кошки),
# "в шиели", "из уфы" (Уфа), "в тюмени" (Тюмень), "в чусовом" (Чусовой)
_RU_TOWN_ENDINGS = (
    ("", ""),
    ("а", ""),
    ("у", ""),
    ("е", ""),
    ("ом", ""),
    ("ом", "ой"),
    ("ах", "и"),
    ("ах", "ы"),
    ("ы", "а"),
    ("и", "а"),
    ("е", "а"),
    ("у", "а"),
    ("ой", "а"),
    ("и", "ь"),
)
_RU_RARE = 3.8  # wordfreq's Zipf: a word form this frequent in Russian is a word first


@functools.lru_cache(maxsize=4096)
def _ru_gazetteer_town(word: str) -> bool:
    """A town GeoNames knows in Cyrillic, in one of its case forms, that is no common Russian
    word form ("кушнаренково", "из арска"; not "в работе", "в магазине")."""
    if len(word) < 4 or _zipf(word, "ru") >= _RU_RARE:
        return False
    parses = ner.morph().parse(word)
    if parses[0].is_known and "Geox" not in parses[0].tag:
        return False  # a word the dictionary knows, first not as a place: "в личку", "в холле"
    index = gazetteer.index()
    countries = _countries()
    for ending, base in _RU_TOWN_ENDINGS:
        if ending and not word.endswith(ending):
            continue
        name = word[: len(word) - len(ending)] + base
        if len(name) >= 4 and name not in countries and index.town(name, True, _RU_HOME):
            return True
    return False


# The countries whose villages Russian notes name: Russia and its neighbours families move from
_RU_HOME = frozenset(["RU", "KZ", "UA", "BY", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD", "MN"])


def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def _kk_town(word: str, towns: frozenset[str]) -> bool:
    if word in towns:
        return False  # a bare town's name in lower case is as often a word (орал, арыс)
    folded = _kk_folded(word)
    for ending in _KK_ENDINGS:
        if not folded.endswith(_kk_folded(ending)):
            continue
        stem = folded[: -len(ending)]
        if len(stem) <= 3 or stem in _KK_FOLDED_WORDS:
            continue
        if stem in _kk_folded_towns(towns):
            return True
        # a village of Kazakhstan by a place-name's last part: қарабұлақ-қа, кандыагаш-та
        if len(stem) >= 7 and stem.endswith(_KK_ELEMENTS) and stem in _kz_villages():
            return True
        # a town of Kazakhstan of 5,000 people or more GeoNames knows ("қазалыданмын",
        # "құлсарыда", "шиеліге"), not a first name ("абайды")
        if len(stem) >= 5 and stem in _kz_towns() and stem not in _kk_folded_names():
            return True
    return False


# The last parts of Kazakh place names ("spring", "tree", "lake", "mountain", "hill", "well",
# "river"), folded: a village of GeoNames so ended is a place, not a word of speech
_KK_ELEMENTS = ("булак", "агаш", "кол", "тау", "тобе", "кудык", "озен", "шокы")
_KK_FOLD = str.maketrans("әғқңөұүһі", "агкноуухи")
_KK_FOLDED_WORDS = frozenset(w.translate(_KK_FOLD) for w in _KK_WORDS)


def _kk_folded(word: str) -> str:
    """Kazakh letters as a Russian keyboard types them: қандыағаш → кандыагаш."""
    return word.translate(_KK_FOLD)


@functools.cache
def _kk_folded_towns(towns: frozenset[str]) -> frozenset[str]:
    return frozenset(_kk_folded(town) for town in towns)


@functools.cache
def _kz_towns() -> frozenset[str]:
    """The towns of Kazakhstan of 5,000 people or more GeoNames knows in Cyrillic, folded."""
    return frozenset(
        _kk_folded(name)
        for name, countries in gazetteer.index().cyrillic.items()
        if countries.get("KZ", 0) >= 5000
    )


@functools.cache
def _kk_folded_names() -> frozenset[str]:
    return frozenset(_kk_folded(name) for name in ner.kk_names())


@functools.cache
def _kz_villages() -> frozenset[str]:
    """The towns and villages of Kazakhstan GeoNames knows in Cyrillic, folded."""
    return frozenset(
        _kk_folded(name)
        for name, countries in gazetteer.index().cyrillic.items()
        if "KZ" in countries
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
    return _cs_form_of(word, towns) or _cs_gazetteer_town(word)


# wordfreq's Zipf, the highest of a Czech word's forms (the word, and its stem with each base
# ending): this common, it is a word first. A village at home may be a rarer word's namesake
# ("v kbelích", "ze zubří"); a city abroad must be rarer still ("v kůlně" is no Khulna).
_CS_WORD_AT_HOME = 3.4
_CS_WORD_ABROAD = 2.9


@functools.lru_cache(maxsize=4096)
def _cs_gazetteer_town(word: str) -> bool:
    """A Czech or Slovak village, or a city abroad, that GeoNames knows (in Latin letters, any
    language), in a Czech case form that is no common Czech word's: "v herálci", "v lanžhotě",
    "z kišiněva"; not "na návsi", "u vráně", "v měkkém", "v praci" (práci)."""
    common = _cs_commonest_form(word)
    if len(word) < 4 or common >= _CS_WORD_AT_HOME:
        return False
    towns = _cs_gazetteer(abroad=common < _CS_WORD_ABROAD)
    return word in towns or _cs_form_of(word, towns)


def _cs_commonest_form(word: str) -> float:
    zipf = _cs_folded_zipf()
    forms = {word}
    for ending in _CS_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            forms.update(word[: -len(ending)] + base for base in _CS_BASE_ENDINGS)
    return max(zipf.get(form, 0.0) for form in forms)


@functools.cache
def _cs_folded_zipf() -> dict[str, float]:
    """Czech word forms without their marks → the Zipf frequency of the commonest form that
    folds to it, so a chat's "v praci" counts as "v práci" (a word), not as a rare string."""
    import math

    from wordfreq import get_frequency_dict

    best: dict[str, float] = {}
    for form, frequency in get_frequency_dict("cs").items():
        folded = _folded(form)
        best[folded] = max(best.get(folded, 0.0), math.log10(frequency) + 9)
    return best


@functools.cache
def _cs_gazetteer(abroad: bool) -> frozenset[str]:
    countries = _cs_countries()
    index = gazetteer.index()
    return frozenset(
        folded
        for name in index.latin
        if " " not in name
        and (folded := _folded(name)) not in countries
        and len(folded) >= 4
        and index.town(name, False, _CS_HOME, elsewhere=100_000 if abroad else 10**12)
    )


# Czech and Slovak villages; elsewhere, the cities families come from ("z kišiněva")
_CS_HOME = frozenset({"CZ", "SK"})


@functools.cache
def _cs_countries() -> frozenset[str]:
    from babel import Locale

    names: set[str] = set()
    for locale in ("cs", "sk", "en"):
        names.update(_folded(name) for name in Locale(locale).territories.values())
    return frozenset(names)


def _cs_form_of(word: str, towns: frozenset[str]) -> bool:
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


# --- English: a town after a preposition of place, in lower case ------------------------

_EN_WORD = r"[a-z][a-z'’-]*[a-z]"
_EN_AFTER = re.compile(
    rf"(?<![\w'’-])(?:in|from|at|near|to|around|outside|towards|via){_H}+"
    rf"(?=(?P<w>{_EN_WORD}(?:{_H}{_EN_WORD}){{0,2}}))"
)
_EN_RARE = 3.8  # wordfreq's Zipf: an English word this frequent is a word first ("in march")
_EN_NOT_FIRST = frozenset(
    [
        "the",
        "a",
        "an",
        "my",
        "his",
        "her",
        "our",
        "their",
        "your",
        "its",
        "this",
        "that",
        "these",
        "those",
        "some",
        "any",
        "one",
        "two",
        "no",
        "every",
        "all",
        "both",
        "each",
    ]
)


# The countries whose small towns English notes name; elsewhere, cities ("in lagos")
_EN_HOME = gazetteer.ENGLISH_SPEAKING


def _english(text: str) -> Iterator[Span]:
    towns = gazetteer.index()
    for m in _EN_AFTER.finditer(text):
        words = m.group("w").split()
        for size in range(len(words), 0, -1):
            phrase = " ".join(words[:size])
            if _en_town(phrase, towns):
                start = m.start("w")
                yield Span(start, start + len(phrase), "PLACE", "lower-place")
                break


def _en_town(phrase: str, towns: gazetteer.Index) -> bool:
    if phrase.split()[0] in _EN_NOT_FIRST or not towns.town(phrase, False, _EN_HOME):
        return False
    if " " not in phrase:
        return (
            len(phrase) >= 4
            and _zipf(phrase, "en") < _EN_RARE
            and phrase not in _en_first_names()
            and phrase not in _en_countries()
            and not wordlists.allowed(phrase)
        )
    return phrase not in _en_countries()


@functools.cache
def _en_first_names() -> frozenset[str]:
    from praxishub.cases import ennames

    return frozenset(name.casefold() for name in ennames.first_names())


@functools.cache
def _en_countries() -> frozenset[str]:
    from babel import Locale

    return frozenset(name.casefold() for name in Locale("en").territories.values())
