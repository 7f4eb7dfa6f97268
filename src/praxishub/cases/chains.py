"""Chain stores and fast-food chains named in speech: "в магните", "u kauflandu", "at
family dollar".

Rule: a chain listed in ``data/chains.txt`` (each a pattern with its case endings), in any
case, after a preposition of place ("в", "из", "возле", "v", "u", "vedle", "at", "from",
"outside the", …), is an ORG: a note that says where a pupil shops, works or hangs out places
them, and a chats' lower case hides the capital the other layers look for. The preposition
keeps a chain's name that is also a word ("магнит", a magnet; "jednota", unity) a word
elsewhere.

Known limits: only the listed chains; a local shop by its name is for the other layers.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import wordlists
from praxishub.cases.spans import Span

_H = r"[^\S\n]"
_BEFORE = {
    "ru": r"в|во|из|у|возле|около|до|к|ко|с|со|на|за|под|рядом{_H}+с|напротив|мимо|от",
    "kk": r"в|во|из|у|возле|около|до|к|с|на|за|напротив|мимо",
    "cs": r"v|ve|z|ze|u|do|k|ke|vedle|před|za|na|od|naproti|blízko|poblíž|kolem",
    "en": r"at|from|to|in|outside|near|behind|by|into|round",
}


@functools.cache
def _pattern(language: str) -> re.Pattern[str] | None:
    names = [
        line.partition(" ")[2].strip().replace("{_H}", _H)
        for line in wordlists.data_lines("chains.txt")
        if line.partition(" ")[0] == language
    ]
    if not names:
        return None
    before = _BEFORE[language].replace("{_H}", _H)
    # "at the maccies", "blízko toho kauflandu"
    article = {"en": rf"(?:the{_H}+)?", "cs": rf"(?:(?:toho|tý|té|tom|tim|tím){_H}+)?"}.get(
        language, ""
    )
    return re.compile(
        rf"(?<![\w-])(?i:{before}){_H}+{article}(?P<c>(?i:{'|'.join(names)}))(?![\w'’-])"
    )


def find(text: str, language: str) -> Iterator[Span]:
    """The listed chains after a preposition of place."""
    pattern = _pattern(language)
    if pattern is None:
        return
    for m in pattern.finditer(text):
        yield Span(m.start("c"), m.end("c"), "ORG", "chain")
