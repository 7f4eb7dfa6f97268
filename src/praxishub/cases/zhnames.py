"""Chinese pet names and given names by their shape and their cue words.

Rule: a doubled character (朵朵, 豆豆) is a child's pet name unless jieba's dictionary
knows it as a common word (妈妈, 慢慢, 常常) or it is laughter or part of a doubled idiom
(哈哈, 高高兴兴); two characters after a word that introduces a child or a friend
(我家, 好朋友, 名叫) are a given name unless they are a common word; a surname and one
character with an ideographic space between them, after a field's colon or a role word, are a
name padded to a form's width (罗　红).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

# A word's frequency in jieba's dictionary from which it is a common word, not a name.
COMMON = 100
_DOUBLED_INNER = re.compile(r"([\u4e00-\u9fff])\1")
# Sounds and particles that are doubled as words.
_NOT_NAMES = set("哈嘿呵嘻呜啊哦嗯噢唉啦嘛呢吧哇喔嘤嗷呀咯哼嘟滴咚")
_CUE = re.compile(
    r"(?:我家|我们家|好朋友|小伙伴|名叫|叫做|有个叫|外号叫)(?P<name>[\u4e00-\u9fff]{2})"
)
# Characters that end or join a clause, not a given name's.
_FUNCTION = set("的了是在也都就说和与跟把被给让对从到又还很太不没有个们这那吗呢吧啊我你您他她它")


def find(text: str) -> Iterator[Span]:
    """Doubled pet names and cued given names in Chinese text."""
    for m in _DOUBLED_INNER.finditer(text):
        a, b = m.start(), m.end()
        char = m.group(1)
        if char in _NOT_NAMES or char in _FUNCTION or _common(m.group()):
            continue
        if (a > 0 and text[a - 1] == char) or (b < len(text) and text[b] == char):
            continue  # three or more of one character: a sound
        if b + 1 < len(text) and text[b] == text[b + 1] and _han(text[b]):
            continue  # a doubled idiom: 高高兴兴
        if a >= 2 and text[a - 2] == text[a - 1] and _han(text[a - 1]):
            continue
        if _split_pair(text, a):
            continue  # one word ending, the next beginning: 医院院长, 养老院院长
        yield Span(a, b, "PERSON", "zh-doubled")
    for m in _CUE.finditer(text):
        name = m.group("name")
        if set(name) & _FUNCTION or _common(name):
            continue
        yield Span(m.start("name"), m.end("name"), "PERSON", "zh-cue")


# "母　亲：罗　红", "心理老师冯　敏初步访谈": a two-character name padded with an ideographic
# space to a form's three-character width, after a field's colon or a role word (a label
# padded the same way, "班　级：", is followed by its colon)
_PADDED = re.compile(
    r"(?:(?<=[：:])|(?<=[：:][ \u3000])|(?<=[师员长任官生]))"
    r"(?P<s>[\u4e00-\u9fff])\u3000(?P<g>[\u4e00-\u9fff])(?![\u3000 ]*[：:])"
)


def padded(text: str) -> Iterator[Span]:
    """Two-character names padded with an ideographic space, by the surname list."""
    from praxishub.cases.ner_zh import zh_surnames

    for m in _PADDED.finditer(text):
        if m.group("s") in zh_surnames():
            yield Span(m.start(), m.end(), "PERSON", "zh-padded")


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


@functools.cache
def _split_pair(text: str, at: int) -> bool:
    """Does jieba cut the doubled pair at ``at`` between two words of two characters or more
    (养老院|院长), or hold it inside a longer word (医院院长), so it is no pet name?"""
    from praxishub.cases.ner_zh import _jieba

    left = max(0, at - 4)
    pos = left
    ends: dict[int, int] = {}
    for word in _jieba().cut(text[left : at + 6], HMM=False):
        size = len(word.word)
        if pos <= at and at + 2 <= pos + size and size >= 3 and not word.flag.startswith("nr"):
            return True  # inside a longer word of the dictionary: 医院院长
        ends[pos + size] = size
        pos += size
    starts = {end - size: size for end, size in ends.items()}
    return ends.get(at + 1, 0) >= 2 and starts.get(at + 1, 0) >= 2


def _common(word: str) -> bool:
    """Is word a common word in jieba's dictionary?"""
    from praxishub.cases.ner_zh import _jieba

    _jieba()
    import jieba

    return (jieba.dt.FREQ.get(word) or 0) >= COMMON
