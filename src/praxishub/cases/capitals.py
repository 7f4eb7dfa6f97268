"""The high-recall fallback: a capitalised word mid-sentence that is no common word.

Rule: in Russian, Kazakh, Czech and English a word written with a capital letter in
the middle of a sentence is a proper name far more often than not; the name layers
recognise the names they know, and this layer masks the rest. A run of capitalised
words ("Iglesia Cristiana Monte Sión", "Fitcentrum Forma Plus") is masked whole when
it stands mid-sentence, or when a word after its first is rare (so "The Norfolk
Constabulary" at a sentence's start keeps "The"). A word counts as common when the
`wordfreq` frequency lists (Apache-2.0 code; CC BY-SA 4.0 data) give it a Zipf value
at or above the language's threshold; Kazakh, which wordfreq lacks, is judged with the
Russian list (so Kazakh words count as rare, and its capitalised words are masked more
readily). Words on the allow-list (test authors, acronyms, countries), titles, all-capital
abbreviations and a line's labels, headings and table headers stay as they are
(``precision.keep`` judges this layer's spans like a model's).
"""

from __future__ import annotations

import functools
import re

from praxishub.cases import wordlists
from praxishub.cases.spans import Span

# Zipf frequency (log10 of uses per billion words) at and above which a word is common.
THRESHOLD = {"ru": 4.3, "kk": 4.3, "cs": 4.3, "en": 4.0, "zh": 4.0}
# The list wordfreq consults for each language (Latin words in Chinese text: English).
_LIST = {"ru": "ru", "kk": "ru", "cs": "cs", "en": "en", "zh": "en"}

# A word (letters, inner apostrophes and hyphens); ``find`` keeps those with a capital.
_L = "A-Za-zÀ-ɏЀ-ӿ"  # Latin and Cyrillic letters (not Han, which runs into a Latin word)
_WORD = re.compile(rf"(?<![{_L}\d_@#/.])[{_L}](?:[{_L}]|['’](?=[{_L}])|-(?=[{_L}]))*(?![{_L}\d_@])")
# Before a mid-sentence word: a letter, a digit, a comma or semicolon, one blank (a column
# gap is no sentence), perhaps an opening bracket; a quotation may open a sentence.
_MID = re.compile(r"[^\W_][,;]?[^\S\n]\(?$")
# A quotation opened mid-sentence, and closed right after the run: a nickname or a name.
_QUOTE_OPEN = re.compile(r"[^\W_][^\S\n][«„“\"]$")
_QUOTE_CLOSE = re.compile(r"[»“”\"]")
_HEADING = re.compile(r"[^\S\n]*#{1,6}[^\S\n]")
# In Chinese text a Latin run right after a Han character (or its bracket) is mid-sentence:
# "家长伊琳娜（Irina Volkova）".
_HAN = re.compile(r"[\u4e00-\u9fff][（(]?$")
_LATIN = re.compile(r"[A-Za-zÀ-ž]")
# A run's words are one space (or a hyphen) apart.
# or a lower-case particle of a name stands between ("Cerys ap Dafydd", "Anna van Dijk").
_PARTICLES = "ap|ab|van|von|der|den|de|da|di|del|della|dos|das|du|bin|ibn|al|el|ní|nic|ter|ten|zu"
_GAP = re.compile(rf"[^\S\n]|[^\S\n]?[-–][^\S\n]?|[^\S\n](?:{_PARTICLES})[^\S\n]")


def find(text: str, language: str) -> list[Span]:
    """Runs of capitalised rare words, mid-sentence (or rare past their first word)."""
    if language not in THRESHOLD:
        return []
    words = [m for m in _WORD.finditer(text) if m.group()[0].isupper()]
    out: list[Span] = []
    i = 0
    while i < len(words):
        j = i + 1
        while j < len(words) and _GAP.fullmatch(text[words[j - 1].end() : words[j].start()]):
            j += 1
        run = words[i:j]
        i = j
        span = _judged(text, run, language)
        if span is not None:
            out.append(span)
    return out


def _judged(text: str, run: list[re.Match[str]], language: str) -> Span | None:
    line_start = text.rfind("\n", 0, run[0].start()) + 1
    if _HEADING.match(text, line_start):
        return None  # a Markdown heading, in title case
    before = text[max(0, run[0].start() - 12) : run[0].start()]
    mid = bool(_MID.search(before)) or (language == "zh" and bool(_HAN.search(before)))
    if not mid and _QUOTE_OPEN.search(before):
        mid = bool(_QUOTE_CLOSE.match(text, run[-1].end()))
    rare = [_rare(m.group(), language) for m in run]
    if any(wordlists.allowed(m.group()) for m in run):
        return None  # a test's or method's name ("Beck Youth Inventories")
    if mid:
        if not any(rare):
            return None
        first = 0
    else:
        # At a sentence's or line's start: from the first rare word after the first.
        later = [k for k in range(1, len(run)) if rare[k]]
        if not later:
            return None
        # The opening word too, when it is rare itself ("Norfolk Constabulary attended"),
        # but not an ordinary word in sentence case ("The", "Contacted").
        opening = rare[0] and language in _OPENING_LISTS and _opening_name(run[0].group(), language)
        first = 0 if opening else 1
        while first < len(run) and not rare[first] and _common_opener(run[first].group()):
            first += 1
        if first >= len(run):
            return None
    kept = run[first:]
    while kept and not _rare(kept[-1].group(), language) and _common_opener(kept[-1].group()):
        kept = kept[:-1]
    if not kept:
        return None
    return Span(kept[0].start(), kept[-1].end(), "PERSON", "capitals")


# A sentence's opening word is kept in a run only when it is rarer than this (Zipf).
OPENING = 3.6
# Languages whose own wordfreq list judges an opening word (Kazakh has none: its words all
# look rare on the Russian list).
_OPENING_LISTS = frozenset(["ru", "cs", "en"])


@functools.cache
def _opening_name(word: str, language: str) -> bool:
    """Is a run's opening word rare enough to be a name's first word, not a sentence's?"""
    return _zipf(re.sub(r"['’]s$", "", word).casefold(), _LIST[language]) < OPENING


@functools.cache
def _common_opener(word: str) -> bool:
    """Is the word a title or on the allow-list (so it is no part of the name)?"""
    return word.casefold() in wordlists.titles() or wordlists.allowed(word)


def rare_word(word: str, language: str) -> bool:
    """Is the word (in any case) no common word of the language?"""
    return language in THRESHOLD and _rare(word[:1].upper() + word[1:], language)


@functools.cache
def _rare(word: str, language: str) -> bool:
    """Is the word no common word of the language, nor a title or allowed word? A word with
    a fused case ending ("Instagram-ға") is judged by its stem; a Latin word in Cyrillic
    text by the English list; a Russian word also by its dictionary form."""
    word = re.sub(r"['’]s$", "", word)
    stem, _, ending = word.partition("-")
    if ending and ending[0].islower():
        word = stem
    if len(word) < 2 or word.isupper() or _common_opener(word):
        return False
    if len(word) <= 4 and sum(ch.isupper() for ch in word) >= 2:
        return False  # a degree or an abbreviation in mixed case (PsyD, SATs)
    lang = _LIST[language]
    if lang == "ru" and _LATIN.match(word):
        lang = "en"
    folded = word.casefold()
    if _zipf(folded, lang) >= THRESHOLD[language]:
        return False
    if lang == "cs" and folded.isascii() and folded in _cs_common_bare():
        return False  # a common word typed without its diacritics ("volaji", "dneska")
    if lang == "ru":
        return not _common_lemma(word, THRESHOLD[language])
    return True


@functools.cache
def _cs_common_bare() -> frozenset[str]:
    """Czech words common enough to be no name, without their diacritics."""
    from wordfreq import top_n_list

    from praxishub.cases import ner

    names = ner.latin_names("cs")
    return frozenset(
        ner.without_marks(w)
        for w in top_n_list("cs", 30000)
        if not w.isascii() and w not in names and _zipf(w, "cs") >= THRESHOLD["cs"]
    )


def _common_lemma(word: str, threshold: float) -> bool:
    """Is the Russian word an inflected form of a common word (and no name)?"""
    from praxishub.cases import ner

    parses = ner.parse(word)[:1]
    if not parses or {"Name", "Surn", "Patr"} & set(parses[0].tag.grammemes):
        return False
    return _zipf(parses[0].normal_form, "ru") >= threshold


def _zipf(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, lang, wordlist="best")
