"""Chinese written in Traditional characters (Hong Kong, Macau, Taiwan), read as Simplified.

Rule: the Chinese layers (jieba, the surname list, the suffix shapes 中学, 服务会, 号, 街道 …)
know Simplified characters; a note from Hong Kong writes 基督教恩澤中學, 協和街211號, 黃太.
Instead of teaching every layer the second script, a cell with two or more Traditional
characters is read again in Simplified (OpenCC's t2s conversion, which keeps the length, so
offsets stay), and what the layers find there is masked in the text as written. Such a cell's
phone numbers are also tried as Hong Kong's, Macau's and Taiwan's (``2797 1538``), which in a
Simplified cell they are not, where eight digits are as often a date or a code.

Known limits: Cantonese words (冇, 俾, 屋企) are not Mandarin's, so jieba's cut of a
Cantonese sentence stays worse than of a Mandarin one; a phrase that OpenCC converts to one
of another length is converted a character at a time.
"""

from __future__ import annotations

import functools
import re

import opencc

_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


@functools.lru_cache(maxsize=64)
def simplified(text: str) -> str | None:
    """The text in Simplified characters, same length, when two or more of its characters
    are Traditional ones; None otherwise."""
    if not _HAN.search(text):
        return None
    view = _converter().convert(text)
    if len(view) != len(text):
        view = "".join(_one(ch) for ch in text)
    changed = sum(a != b for a, b in zip(text, view, strict=True))
    return view if changed >= 2 else None


def same_length(text: str) -> str:
    """text in Simplified characters, converted a character at a time (so of its length)."""
    return "".join(_one(ch) for ch in text) if _HAN.search(text) else text


def _one(ch: str) -> str:
    converted = _converter().convert(ch)
    return converted if len(converted) == 1 else ch
