"""Game tags and display names by their shape: CamelCase coinages and Chinese names with digits.

Rule: a Latin word with a capital after a lower-case letter inside it ("ShubaBoss",
"DenyTheKing") that the ``wordfreq`` lists do not know is a coined user name (brands
written so, "YouTube", "TikTok", "WhatsApp", are common words there) where a game,
platform or account word stands just before it, or a year or number follows it
("DenyTheKing 2010", which then belongs to it); an app named in prose ("ClassDojo")
has neither and stays. A run of Chinese characters ending
in digits or Latin letters ("小霸王007", "甜甜圈yyds") after an account or game word
(账号, 昵称, 游戏, ID, 叫) is a user name as well.

Limits: a CamelCase surname ("McAllister", "DeShawn") is masked as a HANDLE rather
than a PERSON (it is masked either way); a coined name in plain letters ("MARSIK",
"ellie mac") is not recognised by shape.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_CAMEL = re.compile(
    r"(?<![\w@#./-])(?P<h>[A-Za-z]*[a-z][A-Z][A-Za-z]*[a-z0-9][A-Za-z0-9]*)"
    r"(?P<n>[^\S\n][0-9]{2,4}(?![\w.:/-]))?(?![\w@#/-]|\.\w)"
)
# Mc/Mac/De/Le/La/Di/O' surnames and such: a name, not a coinage
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Le|La|Di|Da|Van|Von)[A-Z][a-z]+")
# A word saying a player's or user's name follows: "в игре —", "ve hře jako", "his gamertag"
# (a game, platform or account word: "as", "jako" or "как" alone are too common to say so)
_CUE = re.compile(
    r"(?i)(?:игр[еаыу]|ойын\w*|hř[eí]|game|gamertag|tag|nick\w*|ник\w*|přezdívk\w*|username|account"
    r"|profil\w*|профил\w*|аккаунт\w*|účt?\w*|fortnite|roblox|minecraft|discord\w*"
    r"|steam|xbox|psn|twitch|tiktok\w*|instagram\w*|snapchat\w*|youtube\w*|游戏|账号|昵称)"
    r"(?![^\W\d_])[^\n]{0,12}\Z"
)
_HAN_TAG = re.compile(
    r"(?:账号|帐号|昵称|网名|游戏名?|ID|叫什么|叫做?)[是为:：]?"
    r"(?!账号|帐号|昵称|网名)(?P<h>[\u4e00-\u9fff]{2,10}(?:[0-9]{2,4}|[A-Za-z]{2,6}))(?![0-9A-Za-z])"
)


@functools.lru_cache(maxsize=16384)
def _known(word: str) -> bool:
    """Is the word in wordfreq's English list at all (a brand, a product, a word)?"""
    from wordfreq import zipf_frequency

    return zipf_frequency(word.casefold(), "en") >= 1.5


def _inner_capital_short(word: str) -> bool:
    """A title or abbreviation ("PhDr", "PaedDr", "MUDr"): the part after the capital is short."""
    parts = re.findall(r"[A-Z][a-z0-9]*|^[a-z]+", word)
    return len(word) < 6 or any(len(p) < 3 for p in parts[1:])


def find(text: str) -> Iterator[Span]:
    """Coined CamelCase names and Chinese game names, as HANDLE."""
    for m in _CAMEL.finditer(text):
        word = m.group("h")
        if _NAME_PREFIX.fullmatch(word) or word.isupper() or _inner_capital_short(word):
            continue
        if any(_known(word[: len(word) - cut]) for cut in range(3)):
            continue  # a brand, perhaps with a case ending: TikToku, WhatsAppu
        if not m.group("n") and not _CUE.search(text, max(0, m.start() - 40), m.start()):
            continue  # an app's name in prose (ClassDojo, GoGuardian) needs a cue
        end = m.end("n") if m.group("n") else m.end("h")
        yield Span(m.start("h"), end, "HANDLE", "gametag")
    for m in _HAN_TAG.finditer(text):
        yield Span(m.start("h"), m.end("h"), "HANDLE", "gametag")
