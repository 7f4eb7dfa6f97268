"""The languages the engine reads, and each cell's language told by its script.

Rule: Han characters make a cell Chinese; Cyrillic makes it Kazakh where Kazakh letters
stand, else Russian; Latin makes it Czech where Czech letters stand, unless English function
words clearly outnumber Czech ones (a Czech name in an English note). Scripts are exact where
statistical guesses on short clinical notes are not.
"""

from __future__ import annotations

import re
from collections import Counter

LANGUAGES = ("ru", "kk", "zh", "cs", "en")
_KK_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
_CS_LETTERS = set("ěščřžůťďňĚŠČŘŽŮŤĎŇ")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CYR = re.compile(r"[а-яёА-ЯЁәғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_LAT = re.compile(r"[A-Za-zÀ-ž]")
_WORD = re.compile(r"[A-Za-zÀ-ž]+")
# Function words of one language only (none is a word of the other, "a", "to" and "do" left out).
_EN_FUNCTION = frozenset(
    [
        "the",
        "and",
        "of",
        "is",
        "was",
        "with",
        "for",
        "that",
        "she",
        "he",
        "her",
        "his",
        "they",
        "has",
        "have",
        "not",
        "but",
        "from",
        "this",
        "are",
        "were",
        "been",
        "will",
        "would",
        "which",
        "their",
        "there",
        "when",
        "what",
        "who",
    ]
)
_CS_FUNCTION = frozenset(
    [
        "je",
        "se",
        "na",
        "že",
        "jsem",
        "jsou",
        "není",
        "byl",
        "byla",
        "bylo",
        "pro",
        "po",
        "ke",
        "od",
        "jako",
        "ale",
        "aby",
        "který",
        "která",
        "které",
        "také",
        "jeho",
        "její",
        "při",
        "ve",
        "ze",
        "už",
        "jen",
        "nebo",
        "když",
    ]
)


def detect_language(text: str, default: str = "en") -> str:
    """The cell's language by its script: Han → zh; Cyrillic → kk if Kazakh letters, else ru;
    Latin → cs if Czech letters, else en. Scripts are exact where statistical guesses on
    short clinical notes are not."""
    han = len(_HAN.findall(text))
    cyr = len(_CYR.findall(text))
    lat = len(_LAT.findall(text))
    if not han and not cyr and not lat:
        return default
    if han >= max(cyr, lat) / 2 and han > 0:
        return "zh"
    if cyr >= lat:
        kazakh = sum(ch in _KK_LETTERS for ch in text)
        return "kk" if kazakh >= max(2, cyr // 100) else "ru"
    if not any(ch in _CS_LETTERS for ch in text):
        return "en"
    # A Czech name or place in an English note (Dvořák, Plzeň) must not make it Czech:
    # where English function words clearly outnumber Czech ones, it is English.
    words = Counter(w.casefold() for w in _WORD.findall(text))
    english = sum(words[w] for w in _EN_FUNCTION)
    czech = sum(words[w] for w in _CS_FUNCTION)
    return "en" if english >= 3 and english > 2 * czech else "cs"
